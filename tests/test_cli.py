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


# ---------------------------------------------------------------- output format, JSON shapes, CSV headers

JSON_KEYS = {"summarize": {"rows", "summary"}, "diff": {"rows", "stories"}}


@pytest.mark.parametrize("command", CORPUS_COMMANDS)
def test_json_is_one_object_with_the_rows_of_jsonl(command, seeds_dir, cache_env):
    doc = json.loads(invoke([command, str(seeds_dir), "-f", "json"], cache_env).stdout)
    assert set(doc) == JSON_KEYS.get(command, {"rows"})
    assert doc["rows"] == jsonl(invoke([command, str(seeds_dir), "-f", "jsonl"], cache_env).stdout)


@pytest.mark.parametrize("name, check", [
    ("out.csv", lambda text: text.startswith("path,")),
    ("out.json", lambda text: set(json.loads(text)) == {"rows"}),
    ("out.jsonl", lambda text: all(isinstance(json.loads(line), dict) for line in text.splitlines())),
    ("out.txt", lambda text: all(isinstance(json.loads(line), dict) for line in text.splitlines())),
])
def test_format_follows_the_output_extension(name, check, seeds_dir, cache_env, tmp_path):
    out = tmp_path / name
    result = invoke(["dates", str(seeds_dir), "-o", str(out)], cache_env)
    assert result.exit_code == 0 and result.stdout == ""
    assert check(out.read_text(encoding="utf-8"))


def test_format_option_wins_over_the_extension(seeds_dir, cache_env, tmp_path):
    out = tmp_path / "q.csv"
    invoke(["quotes", str(seeds_dir), "-f", "jsonl", "-o", str(out)], cache_env)
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["path"]


@pytest.mark.parametrize("args, header", [
    (["quotes", "--speaker", "Tidak Ada Orang Ini"], "path,outlet,kind,text,speaker"),
    (["entities", "--min-mentions", "100000"], "name,label,mentions,articles"),
])
def test_csv_without_rows_keeps_its_header(args, header, seeds_dir, cache_env):
    result = invoke([args[0], str(seeds_dir), "-f", "csv", *args[1:]], cache_env)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith(header)


def test_no_headers(seeds_dir, cache_env):
    with_header = invoke(["dates", str(seeds_dir), "-f", "csv"], cache_env).stdout.splitlines()
    without = invoke(["dates", str(seeds_dir), "-f", "csv", "--no-headers"], cache_env).stdout.splitlines()
    assert without == with_header[1:]


# ---------------------------------------------------------------- tables that fit the terminal

def table(args, env, width):
    result = invoke(args + ["-f", "table"], {**env, "COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("width", [80, 160, 200])
@pytest.mark.parametrize("command", CORPUS_COMMANDS)
def test_tables_fit_the_width(command, width, seeds_dir, cache_env):
    out = table([command, str(seeds_dir)], cache_env, width)
    assert max(len(line) for line in out.splitlines()) <= width


@pytest.mark.parametrize("width", [80, 160])
def test_summarize_never_breaks_a_date_or_a_number(width, seeds_dir, cache_env):
    rows = jsonl(invoke(["summarize", str(seeds_dir), "-f", "jsonl"], cache_env).stdout)
    out = table(["summarize", str(seeds_dir)], cache_env, width)
    words = out.split()
    for r in rows:
        assert str(r["words"]) in words and str(r["claims"]) in words
        if r["published"]:
            assert r["published"] in words
        assert r["outlet"] in out  # the outlet, not the path
    assert "seeds/" not in out


def _text_column(out: str) -> int:
    header = next(line for line in out.splitlines() if line.rstrip().endswith("text"))
    return header.rindex("text")


@pytest.mark.parametrize("width", [80, 160])
def test_quotes_table_gives_the_text_half_the_width_and_whole_names(width, seeds_dir, cache_env):
    rows = jsonl(invoke(["quotes", str(seeds_dir), "-f", "jsonl"], cache_env).stdout)
    out = table(["quotes", str(seeds_dir)], cache_env, width)
    start = _text_column(out)
    assert width - start >= width // 2
    body = out.splitlines()
    for r in rows:
        assert any(line.startswith(r["outlet"]) for line in body)  # an outlet column
        if r["speaker"]:  # a name is whole, or visibly shortened: never wrapped mid-word
            assert r["speaker"] in out or any(line[:start].rstrip().endswith("…") for line in body)
    # every word of the quotes is in the text column, whole
    text_words = " ".join(line[start:] for line in body).split()
    assert all(w in text_words for r in rows for w in r["text"].split())


def test_timeline_table_puts_weeks_and_months_in_date_order(seeds_dir, cache_env):
    from newsscan.api import date_order

    rows = jsonl(invoke(["timeline", str(seeds_dir), "-f", "jsonl"], cache_env).stdout)
    keys = [date_order(r["date"]) for r in rows]
    assert rows and keys == sorted(keys)


@pytest.mark.parametrize("value, before, after", [
    ("2025-W23", "2025-05-30", "2025-07-02"),  # the week of 2 June
    ("2025-06", "2025-05-31", "2025-06-01"),
    ("2025-Q3", "2025-06-30", "2025-07-02"),
    ("2025-06-18T10:00", "2025-06-18", "2025-06-19"),
    ("2024-11-01/2024-11-03", "2024-10-31", "2024-11-02"),
])
def test_date_order(value, before, after):
    from newsscan.api import date_order

    assert date_order(before) < date_order(value) < date_order(after)


# ---------------------------------------------------------------- sources

def test_sources_roles_once_and_the_last_quote(seeds_dir, cache_env):
    import re

    rows = jsonl(invoke(["sources", str(seeds_dir), "-f", "jsonl"], cache_env).stdout)
    for r in rows:
        words = [frozenset(re.findall(r"\w+", role.casefold())) for role in r["roles"]]
        assert not any(a < b or (a == b and i != j) for i, a in enumerate(words) for j, b in enumerate(words))
        assert r["last_quote"]
    out = table(["sources", str(seeds_dir)], cache_env, 160)
    assert "last quote" in out


@pytest.mark.parametrize("roles, expected", [
    ({"Mensos": 2, "Menteri Sosial ( Mensos )": 1, "Menteri Sosial": 1}, ["Menteri Sosial ( Mensos )"]),
    ({"juru bicara": 1, "Juru Bicara": 3, "Kapolda": 1}, ["Juru Bicara", "Kapolda"]),
    ({"Direktur Utama PT Sinar": 1, "Ketua Umum Partai Maju": 1},
     ["Direktur Utama PT Sinar", "Ketua Umum Partai Maju"]),
])
def test_distinct_roles(roles, expected):
    from collections import Counter

    from newsscan.api import distinct_roles

    assert distinct_roles(Counter(roles)) == expected


# ---------------------------------------------------------------- diff

def _column(out: str, name: str, following: str) -> str:
    """The text of one column of every table whose header has `name` then `following`."""
    import re

    parts, span = [], None
    for line in out.splitlines():
        words = line.split()
        if name in words and following in words:
            span = (line.index(f"{name} "), line.index(f" {following}") + 1)
        elif re.match(r"\S.* \(\d+\): ", line):  # the title of the next section
            span = None
        elif span and line.strip() and not line.startswith("─"):
            parts.append(line[span[0]:span[1]])
    return " ".join(parts)


def test_diff_table_says_why_two_sides_conflict(seeds_dir, cache_env):
    doc = json.loads(invoke(["diff", str(seeds_dir), "-f", "json"], cache_env).stdout)
    conflicts = [c for s in doc["stories"] for c in s["conflicts"]]
    assert conflicts
    for width in (80, 160):
        out = table(["diff", str(seeds_dir)], cache_env, width)
        assert out.index("conflicts (") < out.index("agreements (")
        flat = " ".join(out.split())
        for c in conflicts:
            assert c["what"] in out
            for side in (c["a"], c["b"]):
                assert side["outlet"] in out
                if side.get("speaker"):
                    assert side["speaker"] in flat
            values = " ".join(_column(out, "value", "text").split())
            for value in c["note"].split(" / "):
                assert " ".join(value.split()) in values
        assert doc["stories"][0]["title"].split()[0] in out  # stories by title, not by hash
        assert doc["stories"][0]["id"] not in out


def test_diff_rows_carry_both_values_and_speakers(seeds_dir, cache_env):
    rows = jsonl(invoke(["diff", str(seeds_dir), "-f", "jsonl"], cache_env).stdout)
    kinds = [r["kind"] for r in rows]
    assert kinds == sorted(kinds, key=["conflicts", "updates", "agreements", "only", "shared_quotes"].index)
    conflict = next(r for r in rows if r["kind"] == "conflicts")
    assert conflict["a_value"] and conflict["b_value"] and conflict["story_title"]
    assert {"a_speaker", "b_speaker"} <= set(conflict)


@pytest.mark.parametrize("only, kinds", [("conflicts", {"conflicts"}), ("shared", {"shared_quotes"}),
                                         ("agreements", {"agreements"}), ("only", {"only"})])
def test_diff_only(only, kinds, seeds_dir, cache_env):
    rows = jsonl(invoke(["diff", str(seeds_dir), "-f", "jsonl", "--only", only], cache_env).stdout)
    assert rows and {r["kind"] for r in rows} == kinds
    doc = json.loads(invoke(["diff", str(seeds_dir), "-f", "json", "--only", only], cache_env).stdout)
    others = {"conflicts", "updates", "agreements", "only", "shared_quotes"} - kinds
    assert all(not (others & set(s)) for s in doc["stories"])
    out = table(["diff", str(seeds_dir), "--only", only], cache_env, 120)
    for other in others - {"only", "updates"}:
        assert f"{other.replace('_', ' ')} (" not in out


# ---------------------------------------------------------------- output and cache folders

def _no_spacy_run(args, env):
    """The CLI in a fresh interpreter: (exit code, stderr, whether spaCy got imported)."""
    import subprocess
    import sys

    code = ("import sys\nfrom newsscan.cli import cli\n"
            f"try:\n    cli({args!r})\nexcept SystemExit as e:\n    code = e.code\n"
            "print(code, 'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={**os.environ, **env}, check=False)
    rc, spacy = out.stdout.split()
    return int(rc), out.stderr, spacy == "True"


@pytest.mark.parametrize("where", ["missing/out.json", "afile/out.json", "folder"])
def test_unwritable_output_is_refused_before_the_analysis(where, seeds_dir, tmp_path):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    rc, err, spacy = _no_spacy_run(["quotes", str(seeds_dir), "-o", str(tmp_path / where)],
                                   {"NEWSSCAN_CACHE_DIR": str(tmp_path / "c")})
    assert rc == 2 and not spacy
    assert len(err.strip().splitlines()) == 1 and err.startswith("newsscan: cannot write --output")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_output_folder_is_refused(seeds_dir, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        result = invoke(["quotes", str(seeds_dir), "-o", str(ro / "q.csv")], {})
    finally:
        ro.chmod(0o700)
    assert result.exit_code == 2 and "not writable" in result.stderr


def test_a_cache_folder_that_is_a_file_gives_a_warning_and_a_cacheless_run(seeds_dir, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    env = {"NEWSSCAN_CACHE_DIR": str(blocker / "cache")}
    result = invoke(["dates", str(seeds_dir / "002_c5c46807e336cefa.txt"), "-f", "jsonl", "--jobs", "1"], env)
    assert result.exit_code == 0 and jsonl(result.stdout)
    assert next(line for line in result.stderr.splitlines() if "cache" in line).startswith("newsscan: "
                                                                                           "warning:")
    info = invoke(["cache", "info"], env)
    assert info.exit_code == 0 and "not usable" in info.stdout and "warning" in info.stderr
    assert invoke(["cache", "clear"], env).exit_code == 1


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_cache_folder(seeds_dir, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        result = invoke(
            ["dates", str(seeds_dir / "002_c5c46807e336cefa.txt"), "-f", "jsonl"],
            {"NEWSSCAN_CACHE_DIR": str(ro / "cache")},
        )
    finally:
        ro.chmod(0o700)
    assert result.exit_code == 0 and "without a cache" in result.stderr


# ---------------------------------------------------------------- exit codes and problem lines

WORDS = (
    "Pemerintah daerah menyatakan bahwa pembangunan jembatan baru di kawasan pesisir akan dimulai bulan "
    "depan "
    "setelah seluruh izin lingkungan diterbitkan dan warga setempat menyetujui rencana ganti rugi lahan yang "
    "ditawarkan oleh dinas pekerjaan umum kabupaten."
)


def _article(n: int) -> str:
    return f"Nomor {n}. {WORDS} Rapat koordinasi ke-{n} digelar di balai desa pada pagi hari."


def _closing(stderr: str) -> str:
    return stderr.strip().splitlines()[-1]


def test_a_folder_named_twice_is_read_once_without_warnings(seeds_dir, cache_env):
    result = invoke(
        [
            "summarize",
            str(seeds_dir),
            str(seeds_dir) + "/",
            str(seeds_dir / "000_2fb6c2790db198fd.txt"),
            "-f",
            "jsonl",
        ],
        cache_env,
    )
    assert result.exit_code == 0 and len(jsonl(result.stdout)) == 5
    assert "duplicate" not in result.stderr
    assert _closing(result.stderr) == "newsscan: 5 articles from 5 files analyzed; 0 skipped; 0 with warnings"


def test_other_kinds_of_file_in_a_folder_are_one_line_and_exit_0(seeds_dir, cache_env, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    (corpus / "README.md").write_text("# catatan", encoding="utf-8")
    (corpus / "pyproject.toml").write_text("[x]", encoding="utf-8")
    (corpus / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = invoke(["summarize", str(corpus), "-f", "jsonl"], cache_env)
    assert result.exit_code == 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("newsscan: passed over 3 files that are not articles")
    assert "3 other files passed over" in lines[1]
    verbose = invoke(["summarize", str(corpus), "-f", "jsonl", "-v"], cache_env)
    assert all(name in verbose.stderr for name in ("README.md", "pyproject.toml", "foto.png"))
    quiet = invoke(["summarize", str(corpus), "-f", "jsonl", "-q"], cache_env)
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_an_export_as_csv_and_jsonl_is_one_line_with_a_count(cache_env, tmp_path):
    rows = [{"judul": f"Judul {n}", "isi": _article(n)} for n in range(3)]
    (tmp_path / "ekspor.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with open(tmp_path / "ekspor.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["judul", "isi"])
        w.writeheader()
        w.writerows(rows)
    result = invoke(["summarize", str(tmp_path), "-f", "jsonl", "--jobs", "1"], cache_env)
    assert result.exit_code == 0 and len(jsonl(result.stdout)) == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert "ekspor.jsonl: 3 rows are duplicates of rows of" in lines[0] and "ekspor.csv" in lines[0]
    assert "3 duplicates analyzed once" in lines[1]
    verbose = invoke(["summarize", str(tmp_path), "-f", "jsonl", "-v", "--jobs", "1"], cache_env)
    assert sum("duplicate of" in line for line in verbose.stderr.splitlines()) == 3


def test_rows_that_are_not_articles_are_skipped_with_their_columns(cache_env, tmp_path):
    (tmp_path / "a.txt").write_text("Judul\n\n" + _article(1), encoding="utf-8")
    gold = [
        {"file": "a.txt", "text": f"kami akan membangun jembatan ke-{n} tahun depan", "speaker": "Bupati"}
        for n in range(12)
    ]
    (tmp_path / "anotasi.jsonl").write_text("".join(json.dumps(r) + "\n" for r in gold), encoding="utf-8")
    result = invoke(["summarize", str(tmp_path), "-f", "jsonl", "--jobs", "1"], cache_env)
    assert result.exit_code == 1 and len(jsonl(result.stdout)) == 1
    line = next(x for x in result.stderr.splitlines() if "anotasi.jsonl" in x)
    assert "do not look like articles" in line and "file, text, speaker" in line
    assert "1 skipped" in _closing(result.stderr)
    named = invoke(
        ["summarize", str(tmp_path / "anotasi.jsonl"), "-f", "jsonl", "--text-column", "text"], cache_env
    )
    assert named.exit_code == 0 and len(jsonl(named.stdout)) == 12  # the user's column is read, short or not


def test_an_unreadable_input_gives_exit_1_and_a_warning_alone_exit_0(cache_env, tmp_path):
    (tmp_path / "a.txt").write_text("Judul\n\n" + _article(1), encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(
        ("Judul\n\n" + _article(2) + " Biaya naik.").encode("cp1252") + b"\x93x\x94"
    )
    warned = invoke(["summarize", str(tmp_path), "-f", "jsonl", "--jobs", "1"], cache_env)
    assert warned.exit_code == 0 and "not UTF-8" in warned.stderr and "1 with warnings" in warned.stderr
    (tmp_path / "c.txt").write_bytes(b"")
    skipped = invoke(["summarize", str(tmp_path), "-f", "jsonl", "--jobs", "1"], cache_env)
    assert skipped.exit_code == 1 and "skipped" in skipped.stderr and "c.txt" in skipped.stderr


# ---------------------------------------------------------------- progress


def test_progress_says_loading_and_gives_the_total_first(seeds_dir, tmp_path):
    from newsscan import api

    events = []

    class Recorder:
        def listed(self, files):
            events.append(("listed", files))

        def loading(self):
            events.append(("loading",))

        def advance(self, articles, files_done):
            events.append(("advance", files_done))

    api.analyze([str(seeds_dir)], jobs=1, cache_dir=str(tmp_path / "c"), progress=Recorder())
    assert events[0] == ("listed", 5) and events[1] == ("loading",)
    assert [e[0] for e in events[2:]] == ["advance"] * 6
    done = [e[1] for e in events[2:]]
    assert done == sorted(done) and done[-1] == 5
    events.clear()
    api.analyze([str(seeds_dir)], jobs=1, cache_dir=str(tmp_path / "c"), progress=Recorder())
    assert ("loading",) not in events  # everything came from the cache: no model to load


# ---------------------------------------------------------------- Ctrl-C


def _group(pgid: int) -> list[int]:
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", encoding="utf-8") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                out.append(int(d))
    return out


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc to see the worker processes")
@pytest.mark.parametrize("after", [0.0, 2.0], ids=["while-the-model-loads", "while-analyzing"])
def test_ctrl_c_ends_a_two_worker_run(after, seeds_dir, tmp_path):
    import signal
    import subprocess
    import sys
    import time

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(20):  # enough work that the run is still going when the signal comes
        for f in sorted(seeds_dir.glob("*.txt")):
            (corpus / f"{f.stem}_{n}.txt").write_text(
                f.read_text(encoding="utf-8") + f"\nCatatan {n}.", encoding="utf-8"
            )
    env = {
        **os.environ,
        "NEWSSCAN_CACHE_DIR": str(tmp_path / "cache"),
        "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
    }
    p = subprocess.Popen(
        [sys.executable, "-m", "newsscan", "summarize", str(corpus), "--jobs", "2", "-f", "jsonl"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while len(_group(p.pid)) < 3 and time.monotonic() < deadline:  # the parent and its two workers
            time.sleep(0.02)
        time.sleep(after)
        assert p.poll() is None, "the run ended before it could be interrupted"
        os.killpg(p.pid, signal.SIGINT)  # as a terminal does: the whole process group
        rc = p.wait(timeout=5)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
    err = p.stderr.read().decode()
    assert rc == 130
    assert err.strip().splitlines() == ["newsscan: interrupted"]
    time.sleep(0.2)
    assert _group(p.pid) == []  # no worker left running


def test_an_article_on_standard_input(cache_env):
    text = "Jembatan Baru Segera Dibangun\n\n" + _article(7)
    result = CliRunner().invoke(
        cli, ["summarize", "-", "-f", "jsonl", "--jobs", "1"], input=text, env=cache_env
    )
    assert result.exit_code == 0, result.stderr
    rows = jsonl(result.stdout)
    assert [(r["path"], r["title"]) for r in rows] == [("-", "Jembatan Baru Segera Dibangun")]


@pytest.mark.parametrize(
    "item, expected",
    [
        (
            {"what": "number", "a": {}, "b": {}, "note": "20 bus / sekitar 50 unit"},
            ["20 bus", "sekitar 50 unit"],
        ),
        (
            {"what": "number", "a": {}, "b": {}, "note": "x", "values": ["3 orang", "5 orang"]},
            ["3 orang", "5 orang"],
        ),
        ({"what": "place", "a": {}, "b": {}, "note": "Bandung"}, ["Bandung", "Bandung"]),
        ({"what": "event", "a": {}}, []),
    ],
)
def test_item_values(item, expected):
    from newsscan.views import item_values

    assert item_values(item) == expected
