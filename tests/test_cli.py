"""The real commands on the seeds (CliRunner), every format; exit codes; hostile files beside the seeds."""
import csv
import io
import json
import os
import shutil

import pytest
from click.testing import CliRunner

from newsscan.cli import cli

CORPUS_COMMANDS = ["summarize", "entities", "quotes", "sources", "dates", "timeline", "claims", "diff"]


@pytest.fixture(scope="module")
def cache_env(tmp_path_factory):
    # one cache for the module: the seeds are analyzed once, the other invocations read the cache
    return {"NEWSSCAN_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}


def invoke(args, env):
    result = CliRunner().invoke(cli, args, env=env, catch_exceptions=False)
    return result


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("command", CORPUS_COMMANDS)
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_every_command_and_format(command, fmt, seeds_dir, cache_env):
    result = invoke([command, str(seeds_dir), "--format", fmt, "--jobs", "1"], cache_env)
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "jsonl":
        assert all(isinstance(r, dict) for r in jsonl(out))
    elif fmt == "json":
        json.loads(out)
    elif fmt == "csv":
        list(csv.reader(io.StringIO(out)))


def test_summarize_seeds(seeds_dir, cache_env):
    rows = jsonl(invoke(["summarize", str(seeds_dir), "-f", "jsonl"], cache_env).stdout)
    assert len(rows) == 5
    by_name = {os.path.basename(r["path"])[:3]: r for r in rows}
    assert {k: by_name[k]["outlet"] for k in ("001", "002", "003", "004")} == {
        "001": "Cekricek", "002": "Kontan", "003": "EGINDO", "004": "Bloomberg Technoz"}
    assert by_name["000"]["outlet"] in ("Tempo", "unknown")
    assert by_name["002"]["published"] == "2023-09-12"
    assert by_name["004"]["published"] == "2024-06-19"
    assert all({"path", "outlet", "title", "published"} <= set(r) for r in rows)


def test_quotes_rows_carry_the_issue_keys(seeds_dir, cache_env):
    rows = jsonl(invoke(["quotes", str(seeds_dir), "-f", "jsonl"], cache_env).stdout)
    keys = {"path", "outlet", "kind", "text", "speaker", "speaker_role", "via", "anonymous", "start", "end"}
    assert rows and all(keys <= set(r) for r in rows)
    assert not any("Daerah Sensitif" in r["text"] for r in rows)
    assert any(r["speaker"] == "Leif-Eric Easley" and r["kind"] == "direct" for r in rows)


def test_quote_filters(seeds_dir, cache_env):
    rows = jsonl(invoke(["quotes", str(seeds_dir), "-f", "jsonl", "--speaker", "Easley", "--kind", "direct"],
                        cache_env).stdout)
    assert rows and all("Easley" in r["speaker"] and r["kind"] == "direct" for r in rows)


def test_sources_lists_easley_in_two_outlets(seeds_dir, cache_env):
    rows = jsonl(invoke(["sources", str(seeds_dir), "-f", "jsonl"], cache_env).stdout)
    names = {r["name"]: r for r in rows}
    assert len(names["Leif-Eric Easley"]["outlets"]) == 2
    for who in ("Justin Hastings", "Nam Sung-wook", "Lami Kim", "Rachel Minyoung Lee"):
        assert who in names


def test_diff_json_shape(seeds_dir, cache_env):
    doc = json.loads(invoke(["diff", str(seeds_dir), "-f", "json"], cache_env).stdout)
    assert set(doc) == {"rows", "stories"}
    for s in doc["stories"]:
        assert {"id", "title", "articles", "conflicts", "agreements", "only", "shared_quotes"} <= set(s)


def test_same_bytes_whatever_jobs(seeds_dir, tmp_path):
    outs = []
    for jobs in ("1", "2"):
        env = {"NEWSSCAN_CACHE_DIR": str(tmp_path / f"c{jobs}")}
        outs.append(invoke(["quotes", str(seeds_dir), "-f", "jsonl", "--jobs", jobs], env).stdout)
    assert outs[0] == outs[1] and outs[0]


def test_cached_run_gives_the_same_output(seeds_dir, tmp_path):
    env = {"NEWSSCAN_CACHE_DIR": str(tmp_path / "c")}
    first = invoke(["claims", str(seeds_dir), "-f", "jsonl"], env).stdout
    second = invoke(["claims", str(seeds_dir), "-f", "jsonl"], env).stdout
    fresh = invoke(["claims", str(seeds_dir), "-f", "jsonl", "--no-cache"], env).stdout
    assert first == second == fresh


def test_output_file(seeds_dir, cache_env, tmp_path):
    out = tmp_path / "dates.csv"
    result = invoke(["dates", str(seeds_dir), "-f", "csv", "-o", str(out)], cache_env)
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("path,")


def test_hostile_files_beside_the_seeds(seeds_dir, cache_env, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (corpus / "unclosed.txt").write_text("Judul\n\n" + "“" * 10_000 + " kata dia.", encoding="utf-8")
    (corpus / "loop").symlink_to(corpus / "loop")
    clean = jsonl(invoke(["quotes", str(seeds_dir), "-f", "jsonl"], cache_env).stdout)
    result = invoke(["quotes", str(corpus), "-f", "jsonl"], cache_env)
    assert result.exit_code == 1
    for name in ("empty.txt", "junk.txt", "loop"):
        assert name in result.stderr
    dirty = [r for r in jsonl(result.stdout) if "/corpus/0" in r["path"]]
    strip = [{k: v for k, v in r.items() if k != "path"} for r in clean]
    assert [{k: v for k, v in r.items() if k != "path"} for r in dirty] == strip
