"""The Dask backend against a real `distributed.LocalCluster` (2 worker processes on the loopback, started
once for the module): the same bytes as a local run, in the same order; a worker lost mid-run costs no row."""
from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("dask.distributed")

from newsscan import api
from newsscan.analysis import analyze_batch
from newsscan.backends import batched
from newsscan.cli import cli
from newsscan.dask_backend import DaskBackend, local_workers
from newsscan.errors import NewsscanError
from newsscan.loader import iter_articles

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO.parent / "shared" / "data" / "bench" / "indosum_devfolds_text.jsonl"


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=40) as c:
        yield c.scheduler_address


def _cli(args: list[str], tmp_path: Path) -> bytes:
    env = {"NEWSSCAN_CACHE_DIR": str(tmp_path / "cache"), "NEWSSCAN_SCHEDULER": ""}
    result = CliRunner().invoke(cli, args + ["--format", "jsonl", "--no-cache", "--quiet"], env=env,
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


@pytest.mark.parametrize("command", ["quotes", "diff"])
def test_seeds_same_bytes_as_a_local_run(cluster, seeds_dir, tmp_path, command):
    local = _cli([command, str(seeds_dir), "--jobs", "1"], tmp_path)
    remote = _cli([command, str(seeds_dir), "--scheduler", cluster], tmp_path)
    assert remote == local
    assert local.strip()  # the seeds have quotes and a multi-outlet story: the comparison is not of nothing


def _rows_bytes(run) -> dict[str, str]:
    doc = api.diff_document(run)
    return {"quotes": json.dumps(list(api.quote_rows(run)), ensure_ascii=False),
            "diff": json.dumps([doc, list(api.diff_rows(doc))], ensure_ascii=False)}


@pytest.mark.skipif(not BENCH.is_file(), reason="../shared/data/bench not found")
def test_bench_300_same_as_a_local_run(cluster, tmp_path):
    corpus = tmp_path / "bench300.jsonl"
    with BENCH.open(encoding="utf-8") as f:
        corpus.write_text("".join(line for _, line in zip(range(300), f, strict=False)), encoding="utf-8")
    local = api.analyze([str(corpus)], jobs=1, use_cache=False)
    remote = api.analyze([str(corpus)], scheduler=cluster, use_cache=False)
    assert len(remote.results) == len(local.results) == 300
    assert [r.article.path for r in remote.results] == [r.article.path for r in local.results]
    assert _rows_bytes(remote) == _rows_bytes(local)
    _assert_blocks_scored_on_the_cluster_alike(cluster, local)


def _assert_blocks_scored_on_the_cluster_alike(cluster: str, run) -> None:
    """Story grouping with its candidate blocks scored as tasks on the cluster: the stories of a local run."""
    from dask.distributed import Client

    from newsscan.dask_backend import block_scorer
    from newsscan.stories import group_stories, story_input

    items = [story_input(r, run.canonical) for r in run.results]
    with Client(cluster) as client:
        assert group_stories(items, block_scorer(client)) == run.stories
    assert any(len(s.articles) > 1 for s in run.stories)


def test_story_blocks_scored_on_the_cluster_give_the_local_stories(cluster, seeds_dir):
    run = api.analyze([str(seeds_dir)], jobs=1, use_cache=False)
    _assert_blocks_scored_on_the_cluster_alike(cluster, run)


def die_once(marker: str, batch):
    """A task that makes its worker process exit the first time any task runs it (the marker file is created
    atomically, so exactly one task dies, once); Dask must run it again elsewhere."""
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return analyze_batch(batch)
    os._exit(1)


def test_a_lost_worker_loses_and_duplicates_no_row(cluster, seeds_dir, tmp_path):
    articles = [a for a in iter_articles([str(seeds_dir)]) if not hasattr(a, "severity")]
    batches = list(batched(articles * 4, 3))  # several tasks, so some are queued when the worker dies
    expected = [analyze_batch(b) for b in batches]
    marker = tmp_path / "died"
    with DaskBackend(cluster) as backend:
        got = list(backend.map(functools.partial(die_once, str(marker)), batches))
    assert marker.exists()  # a worker did die
    assert got == expected


def test_scheduler_address_forms():
    assert local_workers("local:3") == 3
    assert local_workers("tcp://10.0.0.5:8786") is None
    for bad in ("local:0", "local:many"):
        with pytest.raises(NewsscanError):
            local_workers(bad)


def test_workers_of_another_version_are_refused(cluster):
    backend = DaskBackend(cluster, expect_version="0.0.0+other")
    with pytest.raises(NewsscanError, match="same version"):
        backend.__enter__()
    assert backend.client is None  # closed on the way out


NO_DASK = """
import sys
from click.testing import CliRunner
from newsscan.cli import cli
r = CliRunner().invoke(cli, sys.argv[1:], catch_exceptions=False)
assert r.exit_code == 0, r.output
print(sorted(m for m in sys.modules if m.split(".")[0] in ("dask", "distributed")))
"""


@pytest.mark.parametrize("args", [["--help"], ["quotes", "{seed}", "--jobs", "1", "--no-cache", "-q"]])
def test_no_dask_imported_without_a_scheduler(seeds_dir, args, tmp_path):
    seed = str(min(seeds_dir.glob("*.txt")))
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NEWSSCAN_CACHE_DIR": str(tmp_path)}
    env.pop("NEWSSCAN_SCHEDULER", None)
    out = subprocess.run([sys.executable, "-c", NO_DASK, *[a.format(seed=seed) for a in args]], env=env,
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def _rows(stdout: bytes, prefix: str) -> list[dict]:
    rows = [json.loads(line) for line in stdout.decode().splitlines()]
    assert all(r["path"].startswith(prefix) for r in rows)
    return [{**r, "path": r["path"][len(prefix):]} for r in rows]


def test_a_folder_url_on_the_cluster_reads_as_the_local_folder(cluster, seeds_dir, tmp_path):
    import fsspec

    fs = fsspec.filesystem("memory")
    for p in sorted(seeds_dir.glob("*.txt")):
        fs.pipe(f"/newsscan-test/seeds/{p.name}", p.read_bytes())
    fs.pipe("/newsscan-test/seeds/.hidden.txt", b"not listed")
    try:
        remote = _cli(["quotes", "memory://newsscan-test/seeds", "--scheduler", cluster], tmp_path)
    finally:
        fs.rm("/newsscan-test", recursive=True)
    local = _cli(["quotes", str(seeds_dir), "--jobs", "1"], tmp_path)
    assert _rows(remote, "memory:///newsscan-test/seeds/") == _rows(local, f"{seeds_dir}/")
    assert local.strip()


def test_a_jsonl_url_reads_as_the_local_file(seeds_dir, tmp_path):
    export = tmp_path / "export.jsonl"
    rows = [{"judul": f"Judul {i}", "isi": p.read_text(encoding="utf-8")}
            for i, p in enumerate(sorted(seeds_dir.glob("*.txt")))]
    export.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    args = ["--text-column", "isi", "--jobs", "1"]
    remote = _cli(["quotes", export.as_uri(), *args], tmp_path)
    local = _cli(["quotes", str(export), *args], tmp_path)
    assert _rows(remote, export.as_uri()) == _rows(local, str(export))
    assert local.strip()


def test_a_local_cluster_names_its_dashboard_and_it_answers():
    """`local:2` says where its dashboard is (bokeh: the `dask` extra) and the page answers while the cluster
    runs; without bokeh the line says the dashboard is off."""
    import re
    import urllib.request

    lines: list[str] = []
    with DaskBackend("local:2", announce=lines.append) as backend:
        assert list(backend.map(len, [[1, 2], [3]])) == [2, 1]
        (line,) = lines
        try:
            import bokeh  # noqa: F401
        except ImportError:
            assert line.endswith("dashboard: off (install bokeh for it)")
            return
        url = re.search(r"dashboard: (http://127\.0\.0\.1:\d+/status)$", line)
        assert url, line
        with urllib.request.urlopen(url.group(1), timeout=30) as page:
            assert page.status == 200


def _boom_on_marker():
    """Run in each worker process: the analysis of an article whose body holds the marker raises, as a bug in
    a layer would (the other articles are analyzed as usual)."""
    import newsscan.analysis as analysis

    if not hasattr(analysis, "_real_result"):
        analysis._real_result = analysis._result

    def _result(article, text, found):
        if "ZZQXBOOM" in article.body:
            raise ValueError("a layer failed on this article")
        return analysis._real_result(article, text, found)

    analysis._result = _result


def _unpatch():
    import newsscan.analysis as analysis

    if hasattr(analysis, "_real_result"):
        analysis._result = analysis._real_result
        del analysis._real_result


def test_an_article_that_fails_on_a_worker_is_named_and_the_rest_analyzed(cluster, seeds_dir, tmp_path):
    from dask.distributed import Client

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(seeds_dir.glob("*.txt")):
        (corpus / p.name).write_bytes(p.read_bytes())
    bad = corpus / "zz_bad.txt"
    bad.write_text("Warga berkumpul di balai desa ZZQXBOOM pada Senin pagi untuk rapat.\n\n"
                   "Kepala desa mengatakan rapat membahas jalan yang rusak.\n", encoding="utf-8")
    with Client(cluster) as client:
        client.run(_boom_on_marker)
        try:
            env = {"NEWSSCAN_CACHE_DIR": str(tmp_path / "cache"), "NEWSSCAN_SCHEDULER": ""}
            args = ["quotes", str(corpus), "--scheduler", cluster, "--format", "jsonl", "--no-cache"]
            result = CliRunner().invoke(cli, args, env=env, catch_exceptions=False)
        finally:
            client.run(_unpatch)
    assert result.exit_code == 1
    said = [line for line in result.stderr.splitlines() if "zz_bad.txt" in line]
    assert len(said) == 1 and "analysis failed (ValueError" in said[0], result.stderr
    local = _cli(["quotes", str(seeds_dir), "--jobs", "1"], tmp_path)
    assert _rows(result.stdout_bytes, f"{corpus}/") == _rows(local, f"{seeds_dir}/")


def _tables(folder: Path) -> dict:
    import pandas as pd

    return {p.name: pd.read_parquet(p) for p in sorted(folder.iterdir())}


def _export_both(corpus: Path, cluster: str, tmp_path: Path) -> tuple[dict, dict, Path]:
    env = {"NEWSSCAN_CACHE_DIR": str(tmp_path / "cache"), "NEWSSCAN_SCHEDULER": ""}
    for where, extra in (("local", ["--jobs", "1"]), ("workers", ["--scheduler", cluster])):
        args = ["export", str(corpus), "--parquet", str(tmp_path / where), "--no-cache", *extra]
        result = CliRunner().invoke(cli, args, env=env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    return _tables(tmp_path / "local"), _tables(tmp_path / "workers"), tmp_path / "workers"


def _assert_same_tables(local: dict, remote: dict) -> None:
    import pandas as pd

    assert set(remote) == set(local) and "quotes" in local
    for name, frame in local.items():
        pd.testing.assert_frame_equal(remote[name], frame, obj=name)


def test_parquet_from_the_workers_reads_back_as_the_local_export(cluster, seeds_dir, tmp_path):
    local, remote, _ = _export_both(seeds_dir, cluster, tmp_path)
    _assert_same_tables(local, remote)
    assert len(local["stories"]) < len(local["articles"])  # a story of several outlets: its diff tables too


@pytest.mark.skipif(not BENCH.is_file(), reason="../shared/data/bench not found")
def test_parquet_of_300_bench_articles_from_the_workers_in_parts(cluster, tmp_path):
    import pyarrow.dataset as ds

    corpus = tmp_path / "bench300.jsonl"
    with BENCH.open(encoding="utf-8") as f:
        corpus.write_text("".join(line for _, line in zip(range(300), f, strict=False)), encoding="utf-8")
    local, remote, folder = _export_both(corpus, cluster, tmp_path)
    _assert_same_tables(local, remote)
    parts = sorted(p.name for p in (folder / "quotes").iterdir())
    assert len(parts) > 2 and parts[0] == "part-00000.parquet"  # one part per partition, written there
    assert ds.dataset(folder / "articles").count_rows() == len(local["articles"]) == 300
