"""`newsscan export` on the seeds: the tables and their links, full-text search, incremental and interrupted
exports, a real Datasette answering the canned queries, Parquet read back, and the database read back as
input."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsscan import api
from newsscan.cli import cli
from newsscan.export import TABLES
from newsscan.exportdb import RECORDS, is_export, read_export

SRC = str(Path(__file__).resolve().parents[1] / "src")

# an invented article (no outlet's text): a local flood, with a named speaker and a date
SIXTH = (
    """Banjir Rendam Ratusan Rumah di Desa Sukamekar

GARUT, KOMPAS.com - Banjir merendam sedikitnya 320 rumah warga di Desa Sukamekar, Kabupaten Garut, Jawa Barat,
pada Selasa (14/3/2023) setelah hujan deras mengguyur wilayah itu sejak Senin malam.

Kepala Desa Sukamekar, Darsa Permana, mengatakan air mulai masuk ke permukiman sekitar pukul 02.00 WIB. "Warga
sudah kami pindahkan ke balai desa dan masjid. Yang kami butuhkan sekarang selimut dan makanan siap saji,"
kata Darsa saat ditemui di lokasi.

Menurut Darsa, ketinggian air di beberapa titik mencapai satu meter. Petugas gabungan dari BPBD Kabupaten
Garut dan relawan setempat membantu mengevakuasi warga lanjut usia dan anak-anak dengan perahu karet.

Hingga Selasa sore, tidak ada korban jiwa yang dilaporkan. Dinas Sosial setempat menyiapkan dapur umum untuk
sekitar 900 pengungsi.
""".replace("\n\n", "\0")
    .replace("\n", " ")
    .replace("\0", "\n\n")
)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    return {"NEWSSCAN_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}


def _cli(args, env, code=0):
    result = CliRunner().invoke(cli, [*args, "--jobs", "1"], env=env, catch_exceptions=False)
    assert result.exit_code == code, (result.output, result.stderr)
    return result


@pytest.fixture(scope="module")
def exported(tmp_path_factory, seeds_dir, env):
    """The seeds exported once: (folder, database, metadata file, Parquet folder)."""
    d = tmp_path_factory.mktemp("export")
    db, pq = d / "corpus.db", d / "pq"
    _cli(["export", str(seeds_dir), "--db", str(db), "--parquet", str(pq)], env)
    return d, db, d / "corpus.metadata.json", pq


@pytest.fixture(scope="module")
def run(seeds_dir, env):
    return api.analyze([str(seeds_dir)], jobs=1, cache_dir=env["NEWSSCAN_CACHE_DIR"])


def _copy(db: Path, to: Path) -> Path:
    to.mkdir(parents=True, exist_ok=True)
    shutil.copy(db, to / db.name)
    return to / db.name


def _contents(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as con:
        return {t.name: con.execute(f'SELECT * FROM "{t.name}" ORDER BY id').fetchall() for t in TABLES}


def _count(con, table: str, where: str = "1", params: tuple = ()) -> int:
    return con.execute(f'SELECT count(*) FROM "{table}" WHERE {where}', params).fetchone()[0]


def test_tables_hold_the_seeds_rows(exported, run):
    _, db, _, _ = exported
    con = sqlite3.connect(db)
    want = {
        "articles": len(run.results),
        "quotes": len(api.quote_rows(run)),
        "mentions": len(api.mention_rows(run)),
        "entities": len(api.entity_rows(run)),
        "dates": len(api.date_rows(run)),
        "claims": len(api.claim_rows(run)),
        "sources": len(api.source_rows(run)),
        "stories": len(run.stories),
        "story_articles": len(run.results),
        "boilerplate": sum(len(a.boilerplate) for a in run.articles),
        "problems": len(run.issues),
    }
    doc = api.diff_document(run)
    for kind in ("conflicts", "agreements", "only", "shared_quotes"):
        want[kind] = sum(len(s.get(kind) or ()) for s in doc["stories"])
    assert {t: _count(con, t) for t in want} == want
    assert want["quotes"] and want["conflicts"] and want["mentions"]
    cols = [r[1] for r in con.execute("PRAGMA table_info(quotes)")]
    assert set(api.QUOTE_COLUMNS) <= set(cols)  # the JSON keys of `newsscan quotes`
    paths = [r[0] for r in con.execute("SELECT path FROM articles ORDER BY position")]
    assert paths == [a.path for a in run.articles]


def test_full_text_search_finds_words_of_bodies_and_quotes(exported, run):
    _, db, _, _ = exported
    con = sqlite3.connect(db)
    got = con.execute(
        "SELECT a.path FROM articles a JOIN articles_fts f ON f.rowid = a.rowid "
        "WHERE articles_fts MATCH 'Vostochny'"
    ).fetchall()
    assert [p for (p,) in got] == [a.path for a in run.articles if "Vostochny" in a.body]
    assert got
    word = max(api.quote_rows(run)[0]["text"].split(), key=len).strip(".,\"'“”")
    n = con.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", (f'"{word}"',)).fetchone()[0]
    assert n == sum(word.lower() in q["text"].lower() for q in api.quote_rows(run))


def test_foreign_keys_are_declared_and_hold(exported):
    _, db, _, _ = exported
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    linked = {r[2] for r in con.execute("PRAGMA foreign_key_list(quotes)")}
    assert linked == {"articles", "sources"}
    assert _count(con, "quotes", "source_id IS NOT NULL AND source_id NOT IN (SELECT id FROM sources)") == 0
    assert _count(con, "mentions", "entity_id NOT IN (SELECT id FROM entities)") == 0


def test_reexport_of_unchanged_seeds_changes_nothing(exported, seeds_dir, env, tmp_path):
    _, db, _, _ = exported
    db2 = _copy(db, tmp_path)
    before = _contents(db2)
    result = _cli(["export", str(seeds_dir), "--db", str(db2)], env)
    assert "0 added, 0 changed, 0 removed" in result.stderr
    assert _contents(db2) == before


def test_a_sixth_article_adds_its_rows_only(exported, env, tmp_path):
    _, db, _, _ = exported
    db2 = _copy(db, tmp_path / "db")
    (tmp_path / "new").mkdir()
    sixth = tmp_path / "new" / "banjir.txt"
    sixth.write_text(SIXTH, encoding="utf-8")
    before = _contents(db2)
    _cli(["export", str(sixth), "--db", str(db2)], env)
    after = _contents(db2)
    con = sqlite3.connect(db2)
    (new_id,) = con.execute("SELECT id FROM articles WHERE path = ?", (str(sixth),)).fetchone()
    assert _count(con, "articles") == len(before["articles"]) + 1
    for t in TABLES:
        if "article_id" not in t.names:
            continue
        i = t.names.index("article_id")
        assert set(before[t.name]) <= set(after[t.name]), t.name  # the earlier rows stay as they were
        added = set(after[t.name]) - set(before[t.name])
        assert {r[i] for r in added} <= {new_id}, t.name
    assert _count(con, "quotes", "article_id = ?", (new_id,)) > 0
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []


_SLOW = """
import sys, time
import newsscan.exportdb as d
marker, pause = sys.argv[1], float(sys.argv[2])
real = d._sync
def slow(db, name, *args):
    done = real(db, name, *args)
    if name == "quotes":  # halfway through the tables, inside the transaction on the temporary copy
        open(marker, "w").close()
        time.sleep(pause)
    return done
d._sync = slow
from newsscan.cli import cli
cli(sys.argv[3:])
"""


def _slow_export(marker: Path, pause: float, args: list[str], env) -> subprocess.Popen:
    """`newsscan export ARGS` in a subprocess that pauses `pause` seconds in the middle of writing (once
    `marker` exists); returns once it is there."""
    cmd = [sys.executable, "-c", _SLOW, str(marker), str(pause), "export", *args, "-j", "1", "-q"]
    proc = subprocess.Popen(cmd, env={**os.environ, **env, "PYTHONPATH": SRC})
    deadline = time.monotonic() + 180
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if not marker.exists():
        proc.kill()
        proc.wait(30)
        pytest.fail("the export never reached the middle of its writing")
    return proc


def test_a_kill_in_the_middle_of_an_export_leaves_the_previous_database(exported, env, tmp_path):
    _, db, _, _ = exported
    db2 = _copy(db, tmp_path / "db")
    before = _contents(db2)
    sixth = tmp_path / "banjir.txt"
    sixth.write_text(SIXTH, encoding="utf-8")
    proc = _slow_export(tmp_path / "writing", 120, [str(sixth), "--db", str(db2)], env)
    try:
        assert list((tmp_path / "db").glob(".corpus.db.*.tmp")), "no temporary copy being written"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    assert is_export(str(db2))
    with sqlite3.connect(db2) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert _contents(db2) == before
    # the next export sweeps away what the killed one left, and writes the article
    _cli(["export", str(sixth), "--db", str(db2), "-q"], env)
    assert sorted(p.name for p in (tmp_path / "db").iterdir()) == ["corpus.db", "corpus.metadata.json"]
    with sqlite3.connect(db2) as con:
        assert _count(con, "articles", "path = ?", (str(sixth),)) == 1


def test_two_exports_at_once_into_one_database_keep_both_articles(exported, env, tmp_path):
    _, db, _, _ = exported
    db2 = _copy(db, tmp_path / "db")
    x, y = tmp_path / "x.txt", tmp_path / "y.txt"
    x.write_text(SIXTH, encoding="utf-8")
    y.write_text(SIXTH.replace("320 rumah", "410 rumah"), encoding="utf-8")
    proc = _slow_export(tmp_path / "writing", 5, [str(x), "--db", str(db2)], env)
    try:
        _cli(["export", str(y), "--db", str(db2), "-q"], env)  # waits for the first one to finish
        assert proc.poll() is not None
    finally:
        proc.wait(60)
    assert proc.returncode == 0
    with sqlite3.connect(db2) as con:
        paths = {p for (p,) in con.execute("SELECT path FROM articles")}
    assert {str(x), str(y)} <= paths and len(paths) == len(_contents(db)["articles"]) + 2


def test_reading_the_database_back_gives_the_records_and_the_commands_output(exported, run, seeds_dir, env):
    _, db, _, _ = exported
    stored = read_export(str(db))
    assert [r for r, _ in stored.results] == run.results
    assert list(stored.stories) == run.stories
    for command in (["summarize"], ["quotes"], ["entities"], ["diff"], ["timeline"]):
        from_db = _cli([*command, str(db), "-f", "json"], env).stdout
        from_seeds = _cli([*command, str(seeds_dir), "-f", "json"], env).stdout
        assert from_db == from_seeds, command


def test_parquet_files_equal_the_dataframes(exported, run):
    import pandas as pd
    import pyarrow.dataset as ds

    _, _, _, pq = exported
    # one dataset folder per table, its rows in parts (one here; one per partition from a cluster's workers)
    assert sorted(p.name for p in pq.iterdir()) == sorted(t.name for t in TABLES)
    assert all([p.name for p in (pq / t.name).iterdir()] == ["part-00000.parquet"] for t in TABLES)
    frames = run.to_dataframes()
    assert set(frames) == {t.name for t in TABLES}
    for name, frame in frames.items():
        pd.testing.assert_frame_equal(pd.read_parquet(pq / name), frame, obj=name)
        pd.testing.assert_frame_equal(ds.dataset(pq / name).to_table().to_pandas(), frame, obj=name)
    assert len(frames["quotes"]) == len(api.quote_rows(run))
    assert list(frames["quotes"]["text"]) == [q["text"] for q in api.quote_rows(run)]


def test_a_database_of_another_program_is_not_overwritten(env, seeds_dir, tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE notes (x TEXT)")
    data = other.read_bytes()
    result = _cli(["export", str(seeds_dir), "--db", str(other)], env, code=2)
    assert "not a newsscan export" in result.stderr
    assert other.read_bytes() == data
    _cli(["export", str(seeds_dir)], env, code=2)  # neither --db nor --parquet
    (tmp_path / "file").write_text("x", encoding="utf-8")
    _cli(["export", str(seeds_dir), "--parquet", str(tmp_path / "file")], env, code=2)
    _cli(["export", str(seeds_dir), "--db", str(tmp_path / "no" / "c.db")], env, code=2)
    _cli(
        [
            "export",
            str(seeds_dir),
            "--db",
            str(tmp_path / "c.db"),
            "--metadata",
            str(tmp_path / "no" / "m.json"),
        ],
        env,
        code=2,
    )
    assert not (tmp_path / "c.db").exists()


def test_metadata_names_the_tables_facets_and_canned_queries(exported):
    _, db, meta_path, _ = exported
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    base = meta["databases"]["corpus"]
    assert set(base["tables"]) >= {t.name for t in TABLES}
    assert base["tables"][RECORDS] == {"hidden": True}
    assert "speaker" in base["tables"]["quotes"]["facets"]
    assert base["tables"]["articles"]["fts_table"] == "articles_fts"
    con = sqlite3.connect(db)
    for q in base["queries"].values():  # every canned query runs on the database
        params = {p: "a" for p in ("speaker",) if f":{p}" in q["sql"]}
        con.execute(q["sql"], params).fetchall()


# ---------------------------------------------------------------- a real Datasette


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as resp:
        return json.loads(resp.read().decode("utf-8"))


@pytest.fixture(scope="module")
def datasette(exported):
    pytest.importorskip("datasette")
    _, db, meta, _ = exported
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            str(db),
            "-m",
            str(meta),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(f"{base}/-/versions.json")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"datasette did not start: {proc.stderr.read().decode()[-2000:]}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_datasette_answers_the_quotes_of_a_person_as_newsscan_quotes(datasette, seeds_dir, env):
    got = _get(f"{datasette}/corpus/quotes_by_person.json?speaker=Easley&_shape=array")
    want = json.loads(_cli(["quotes", str(seeds_dir), "--speaker", "Easley", "-f", "json"], env).stdout)[
        "rows"
    ]
    assert want
    bools = ("anonymous", "unclosed")
    assert [{k: (bool(r[k]) if k in bools else r[k]) for k in api.QUOTE_COLUMNS} for r in got] == want


def test_datasette_answers_the_other_canned_queries(datasette, run):
    quotes = api.quote_rows(run)
    anon = _get(f"{datasette}/corpus/anonymous_sources_per_outlet.json?_shape=array")
    assert sum(r["quotes"] for r in anon) == len(quotes)
    assert sum(r["anonymous_quotes"] for r in anon) == sum(q["anonymous"] for q in quotes)
    doc = api.diff_document(run)
    per_story = _get(f"{datasette}/corpus/conflicts_per_story.json?_shape=array")
    assert {r["story"]: r["conflicts"] for r in per_story} == {
        s["id"]: len(s["conflicts"]) for s in doc["stories"] if s["conflicts"]
    }
    pairs = _get(f"{datasette}/corpus/entity_cooccurrence.json?_shape=array")
    assert pairs and all(r["entity"] != r["other"] or r["label"] != r["other_label"] for r in pairs)
    search = _get(f"{datasette}/corpus/articles.json?_search=Vostochny&_shape=array")
    assert [r["path"] for r in search] == [a.path for a in run.articles if "Vostochny" in a.body]


def test_datasette_shows_every_table_with_its_facets(datasette, exported):
    _, db, _, _ = exported
    con = sqlite3.connect(db)
    for t in TABLES:
        page = _get(f"{datasette}/corpus/{t.name}.json?_extra=facet_results&_size=max")
        assert len(page["rows"]) == _count(con, t.name), t.name
        facets = page.get("facet_results", {})
        facets = facets.get("results", facets)  # the layout differs between Datasette versions
        assert set(t.facets) | set(t.array_facets) <= set(facets), t.name


def test_a_key_a_layer_adds_becomes_a_column_and_tables_of_the_user_stay(
    exported, run, monkeypatch, tmp_path
):
    from newsscan import export as ex

    _, db, _, _ = exported
    db2 = _copy(db, tmp_path)
    with sqlite3.connect(db2) as con:
        con.execute("CREATE TABLE notes (quote_id TEXT, note TEXT)")
        con.execute("INSERT INTO notes VALUES ('x', 'check this')")
    real = api.quote_rows

    def with_confidence(r, **kwargs):  # as if the quotes layer gave a new field
        return api.Rows(({**q, "confidence": 0.5} for q in real(r, **kwargs)), columns=real(r).columns)

    monkeypatch.setattr(api, "quote_rows", with_confidence)
    ex.export(run, db=str(db2))
    con = sqlite3.connect(db2)
    assert con.execute("SELECT DISTINCT confidence FROM quotes").fetchall() == [(0.5,)]
    assert con.execute("SELECT note FROM notes").fetchall() == [("check this",)]
    assert _count(con, "quotes") == len(real(run))
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []


def test_problems_of_the_inputs_are_exported_and_read_back(seeds_dir, env, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    first = min(corpus.iterdir())
    shutil.copy(first, corpus / "copy_of_first.txt")  # a duplicate: analysed once, a warning
    (corpus / "empty.txt").write_text("", encoding="utf-8")  # not readable: skipped, exit 1
    db = tmp_path / "corpus.db"
    _cli(["export", str(corpus), "--db", str(db)], env, code=1)
    con = sqlite3.connect(db)
    assert sorted(r[0] for r in con.execute("SELECT type FROM problems")) == ["Duplicate", "Issue"]
    for command in (["summarize"], ["sources"]):
        from_db = _cli([*command, str(db), "-f", "json"], env, code=1)
        from_files = _cli([*command, str(corpus), "-f", "json"], env, code=1)
        assert (from_db.stdout, from_db.stderr) == (from_files.stdout, from_files.stderr), command


def test_row_ids_come_from_content_and_path_not_from_the_order_of_the_input(
    exported, seeds_dir, env, tmp_path
):
    _, db, _, _ = exported
    db2 = tmp_path / "reversed.db"
    _cli(["export", *map(str, sorted(seeds_dir.glob("*.txt"), reverse=True)), "--db", str(db2)], env)
    one, two = _contents(db), _contents(db2)
    diff_tables = {k for k in api.DIFF_KINDS}  # what the comparison finds may itself depend on the order
    for t in TABLES:
        if t.name not in diff_tables:
            assert {r[0] for r in one[t.name]} == {r[0] for r in two[t.name]}, t.name
    # an item keeps its id when its sides swap (which one is `a` follows the order of the input)
    with sqlite3.connect(db) as c1, sqlite3.connect(db2) as c2:
        sql = (
            "SELECT story, what, a_path, a_start, a_end, b_path, b_start, b_end, id FROM conflicts "
            "UNION ALL SELECT story, what, a_path, a_start, a_end, b_path, b_start, b_end, id FROM agreements"
        )
        ids = [{(r[0], r[1], frozenset({r[2:5], r[5:8]})): r[8] for r in c.execute(sql)} for c in (c1, c2)]
    both = set(ids[0]) & set(ids[1])
    assert both and all(ids[0][k] == ids[1][k] for k in both)
    with sqlite3.connect(db2) as con:
        got = con.execute("SELECT path FROM articles ORDER BY position").fetchall()
    assert [p for (p,) in got] == [str(p) for p in sorted(seeds_dir.glob("*.txt"), reverse=True)]
