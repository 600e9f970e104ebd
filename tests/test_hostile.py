"""Hostile input: every bad file gives an Issue naming it, never an exception, and nothing is silently
dropped.

Tests run as root, where chmod 000 does not stop a read: read errors are provoked with a broken symlink, a
symlink loop, a file removed between listing and reading, and a folder where a file is expected.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsscan import api, cli, loader, tables
from newsscan.errors import DataTableError, NewsscanError, UnknownNameError, UsageError
from newsscan.loader import MAX_BYTES, iter_articles
from newsscan.records import Article, Issue

BODY = (
    "Menteri Sosial Rahmat Hidayah mengatakan bahwa bantuan sosial tahap kedua akan rampung pekan ini. "
    "Ia menyebut ada 1,3 juta rekening yang gagal menerima transfer dari bank milik negara."
)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)


def load(*paths, **kw):
    items = list(iter_articles([str(p) for p in paths], **kw))
    return [a for a in items if isinstance(a, Article)], [i for i in items if isinstance(i, Issue)]


def one_issue(path) -> Issue:
    arts, issues = load(path)
    assert arts == [] and len(issues) == 1 and issues[0].path == str(path)
    return issues[0]


def test_empty_file(write):
    assert one_issue(write("a.txt", b"")).reason == "empty file"


def test_whitespace_only(write):
    assert one_issue(write("a.txt", " \n\t\r\n  \n")).reason == "only whitespace"


def test_random_bytes(write):
    data = bytes((i * 7919 + 13) % 256 for i in range(4096))
    assert one_issue(write("a.txt", data)).reason.startswith("binary file")


def test_png_under_a_text_name(write):
    assert one_issue(write("foto.txt", PNG)).reason == "binary file (PNG image)"


def test_png_in_a_folder_is_reported_not_dropped(write, tmp_path):
    write("corpus/foto.png", PNG)
    write("corpus/a.txt", BODY)
    arts, issues = load(tmp_path / "corpus")
    assert len(arts) == 1 and issues[0].path.endswith("foto.png") and issues[0].severity == "warning"


def test_nothing_but_furniture(write):
    assert one_issue(write("a.txt", "Iklan\nADVERTISEMENT\nScroll to Top\n")).reason.startswith(
        "no article text"
    )


def test_ten_megabyte_single_line_loads(write):
    line = "Pemerintah memastikan bantuan sosial disalurkan kepada keluarga yang berhak di daerah. " * 120_000
    p = write("big.txt", line[:10_000_000])
    [a], [issue] = load(p)
    assert len(a.body) == 10_000_000
    assert issue.severity == "warning" and issue.reason.startswith("very long body (10,000,000 characters)")


def test_too_large_file_is_an_issue(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: nothing is written or read
    assert one_issue(p).reason.startswith("too large")


def test_broken_symlink(tmp_path):
    p = tmp_path / "link.txt"
    p.symlink_to(tmp_path / "gone.txt")
    assert one_issue(p).reason.startswith("unreadable")


def test_symlink_loop(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    arts, issues = load(a)
    assert arts == [] and issues[0].reason.startswith("unreadable")


def test_folder_symlink_loop_is_walked_once(write, tmp_path):
    write("corpus/a.txt", BODY)
    (tmp_path / "corpus" / "loop").symlink_to(tmp_path / "corpus")
    arts, issues = load(tmp_path / "corpus")
    assert len(arts) == 1 and any("symlink loop" in i.reason for i in issues)


def test_folder_named_like_a_file(tmp_path):
    (tmp_path / "artikel.txt").mkdir()
    arts, issues = load(tmp_path / "artikel.txt")
    assert arts == [] and issues[0].reason == "folder holds no article files"


def test_file_removed_between_listing_and_reading(write, tmp_path):
    write("c/1.txt", BODY)
    gone = write("c/2.txt", BODY + " Berbeda.")
    it = iter_articles([str(tmp_path / "c")])
    first = next(it)
    assert isinstance(first, Article)
    os.remove(gone)
    rest = list(it)
    assert len(rest) == 1 and rest[0].path == str(gone) and rest[0].reason.startswith("unreadable")


def test_duplicate_body_under_two_names(write, tmp_path):
    write("d/a.txt", "Judul A\n\n" + BODY)
    write("d/b.txt", "Judul B yang lain\nRabu, 18 Jun 2025 18:49 WIB\n\n" + BODY + "\nIklan\n")
    arts, issues = load(tmp_path / "d")
    assert [a.path.rsplit("/", 1)[-1] for a in arts] == ["a.txt"]
    assert issues[0].severity == "warning" and issues[0].reason.startswith("duplicate of ")
    assert issues[0].reason.endswith("analyzed once") and "a.txt" in issues[0].reason


def test_broken_jsonl_lines_are_named_and_the_rest_loads(write):
    good = [json.dumps({"text": BODY}), json.dumps({"text": BODY + " Dua."})]
    p = write("e.jsonl", f'{good[0]}\n{{"text": broken\n\n[1, 2]\n{good[1]}\n')
    arts, issues = load(p)
    assert [a.path for a in arts] == [f"{p}#1", f"{p}#5"]
    assert [i.path for i in issues] == [f"{p}#2", f"{p}#4"]
    assert f"{p}:2: broken JSON line" in issues[0].reason


def test_csv_without_text_column_names_the_columns(write):
    p = write("e.csv", "judul,tanggal,kategori\nSatu,10 Jun 2025,Berita\n")
    reason = one_issue(p).reason
    assert "no text column" in reason and "judul, tanggal, kategori" in reason


def test_csv_row_with_empty_text(write):
    p = write("e.csv", f'judul,isi\nSatu,"{BODY}"\nDua,\n')
    arts, issues = load(p)
    assert len(arts) == 1 and issues[0].path == f"{p}#2" and "empty text" in issues[0].reason


def test_non_indonesian_article_is_a_warning_and_still_loads(write):
    english = (
        "The minister said on Wednesday that the second stage of social aid would be finished this week, "
        "although more than a million bank accounts could not receive the transfer because they were "
        "inactive or the names did not match the account numbers held by the state banks."
    )
    arts, issues = load(write("en.txt", english))
    assert len(arts) == 1
    assert issues[0].severity == "warning" and "Indonesian" in issues[0].reason


def test_utf16_without_bom_is_reported(write):
    assert one_issue(write("a.txt", BODY.encode("utf-16-le"))).reason.startswith("binary file (NUL bytes")


def test_bad_html_gives_an_issue_or_an_article(write):
    arts, issues = load(write("x.html", "<html><body><div><<<>>></body>"))
    assert arts or issues


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.binary(max_size=3000),
    name=st.sampled_from(["a.txt", "a", "a.jsonl", "a.csv", "a.html", "a.json"]),
)
def test_any_bytes_give_articles_or_issues(tmp_path, data, name):
    p = tmp_path / name
    p.write_bytes(data)
    for item in iter_articles([str(p)]):
        assert isinstance(item, (Article, Issue))
        assert not (isinstance(item, Issue) and item.reason.startswith("internal error")), item


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=2000))
def test_any_text_gives_articles_or_issues(tmp_path, text):
    p = tmp_path / "t.txt"
    p.write_bytes(text.encode("utf-8", "surrogatepass"))
    for item in iter_articles([str(p)]):
        assert isinstance(item, (Article, Issue))
        assert not (isinstance(item, Issue) and item.reason.startswith("internal error")), item
        if isinstance(item, Article):
            assert all(par in item.body for par in item.paragraphs)


def test_jsonl_with_a_huge_integer_is_a_broken_line(write):
    p = write("e.jsonl", '{"text": ' + "1" * 6000 + "}\n")
    arts, issues = load(p)
    assert arts == [] and "broken JSON line" in issues[0].reason


def test_a_lone_opening_sentence_is_body_not_a_headline(write):
    [a], _ = load(write("a.txt", "Pemerintah memastikan bantuan cair pekan ini.\n\n" + BODY))
    assert a.title is None and a.body.startswith("Pemerintah memastikan")


# ---------------------------------------------------------------- the CLI over a hostile folder

ARTICLE = (
    "Menteri Sosial mengatakan bantuan tahap kedua rampung pekan ini. “Kami pastikan semua keluarga "
    "menerima haknya,” kata dia di Jakarta.\n"
)


def _commands(group=cli.cli, prefix=()):
    for name, cmd in sorted(group.commands.items()):
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, prefix + (name,))
        else:
            yield prefix + (name,), cmd


ALL_COMMANDS = list(_commands())
CORPUS_COMMANDS = [c for c, cmd in ALL_COMMANDS if any(p.name == "paths" for p in cmd.params)]


def run_cli(args, env=None):
    return CliRunner().invoke(cli.cli, [str(a) for a in args], env=env, catch_exceptions=False)


def bad_files(folder):
    """Each hostile case, small (the size limit is lowered to match): name -> bytes, all to be named on
    stderr."""
    return {
        "binary.txt": bytes((i * 7919 + 13) % 256 for i in range(8192)),
        "empty.txt": b"",
        "utf16.txt": ARTICLE.encode("utf-16-le"),
        "cp1252.txt": ("Judul\n\n" + ARTICLE * 3).encode("cp1252"),
        "huge.txt": (("kata dia ujarnya " * 3000) + "\n" + "a" * 20_000 + "\n" + "7" * 20_000).encode(),
        "one_line.txt": ("Presiden Joko Widodo mengatakan " * 3000).encode(),
        "broken.jsonl": ('{"text": "' + ARTICLE.strip() + '"}\n{"text": rusak\n').encode(),
        "nocol.csv": b"judul,tanggal\nSatu,18 Jun 2025\n",
    }


@pytest.fixture(scope="module")
def cache_env(tmp_path_factory):
    return {"NEWSSCAN_CACHE_DIR": str(tmp_path_factory.mktemp("cache")), "NEWSSCAN_TABLES": ""}


def test_hostile_folder_through_the_cli(seeds_dir, tmp_path, cache_env):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    for name, data in bad_files(corpus).items():
        (corpus / name).write_bytes(data)
    # analysed, not skipped: a long token, a long run of unbalanced quote marks
    (corpus / "token.txt").write_text("Judul\n\n" + "A" * 30_000 + " kata dia.", encoding="utf-8")
    (corpus / "marks.txt").write_text("“" * 3_000 + "“a ”b “c " * 500, encoding="utf-8")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    (corpus / "unreadable.txt").symlink_to(corpus / "gone.txt")
    os.mkfifo(corpus / "pipe.txt")
    limit = ["--max-chars", "50000", "--jobs", "1"]
    clean = run_cli(["quotes", seeds_dir, "-f", "jsonl", *limit], cache_env)
    result = run_cli(["quotes", corpus, "-f", "jsonl", "--no-cache", *limit], cache_env)
    assert result.exit_code == 1
    named = [*bad_files(corpus), "loop.txt", "unreadable.txt", "pipe.txt"]
    for name in named:
        assert f"{corpus}/{name}" in result.stderr, name
    for name in ("huge.txt", "one_line.txt"):
        line = next(x for x in result.stderr.splitlines() if name in x)
        assert "--max-chars" in line and "characters" in line
    assert "Traceback" not in result.output

    def seed_rows(out):
        rows = [json.loads(x) for x in out.splitlines() if x.strip()]
        return [
            {**r, "path": os.path.basename(r["path"])}
            for r in rows
            if os.path.basename(r["path"]) in os.listdir(seeds_dir)
        ]

    assert seed_rows(result.stdout) == seed_rows(clean.stdout) != []


def test_max_chars_is_on_every_corpus_command_with_its_default():
    assert cli.DEFAULT_MAX_CHARS == loader.MAX_CHARS
    for command in CORPUS_COMMANDS:
        text = run_cli([*command, "--help"]).output
        assert "--max-chars" in text and f"{loader.MAX_CHARS}" in text, command


def test_max_chars_through_the_library(write, tmp_path):
    write("c/a.txt", "Judul\n\n" + BODY)
    write("c/b.txt", "Judul lain\n\n" + BODY + " " + BODY)
    run = api.analyze([str(tmp_path / "c")], max_chars=10, use_cache=False, jobs=1)
    assert run.results == []
    assert sorted(os.path.basename(i.path) for i in run.issues) == ["a.txt", "b.txt"]
    assert all("max_chars" in i.reason and "over the limit of 10" in i.reason for i in run.issues)


def test_max_chars_skips_only_the_long_body(write, tmp_path):
    write("c/a.txt", BODY)
    write("c/b.txt", BODY * 3)
    arts, issues = load(tmp_path / "c", max_chars=len(BODY) + 1)
    assert [os.path.basename(a.path) for a in arts] == ["a.txt"]
    assert [os.path.basename(i.path) for i in issues] == ["b.txt"]
    assert f"body of {len(BODY * 3):,} characters" in issues[0].reason


# ---------------------------------------------------------------- user tables: one line, exit 2, every
# command


def _bad_tables(tmp_path, kind):
    d = tmp_path / kind
    d.mkdir()
    if kind == "header":
        (d / "hedges.tsv").write_text("penanda\tjenis\nkonon\treported\n", encoding="utf-8")
        return d, f"{d / 'hedges.tsv'}:1: header"
    (d / "hedges.tsv").write_text(
        "# user\nmarker\tcategory\nkonon\treported\nkabarnya\tgosip\n", encoding="utf-8"
    )
    return d, f"{d / 'hedges.tsv'}:4: unknown category 'gosip'"


@pytest.mark.parametrize("kind", ["header", "row"])
@pytest.mark.parametrize("command", [c for c, _ in ALL_COMMANDS], ids=" ".join)
def test_bad_user_table_is_one_line_and_exit_2_for_every_command(command, kind, seeds_dir, tmp_path):
    d, where = _bad_tables(tmp_path, kind)
    cache = tmp_path / "cache"
    args = [*command, seeds_dir] if command in CORPUS_COMMANDS else list(command)
    result = run_cli(args, {"NEWSSCAN_TABLES": str(d), "NEWSSCAN_CACHE_DIR": str(cache)})
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and where in lines[0] and lines[0].startswith("newsscan: error: ")
    assert not cache.exists()  # checked before anything else was done


def test_bad_user_table_through_the_library(tmp_path, monkeypatch, seeds_dir):
    d, where = _bad_tables(tmp_path, "row")
    monkeypatch.setenv("NEWSSCAN_TABLES", str(d))
    with pytest.raises(DataTableError, match=where):
        api.analyze([str(seeds_dir)], use_cache=False)


def test_a_row_only_its_reader_can_check_is_one_line_and_exit_2_too(tmp_path, seeds_dir):
    d = tmp_path / "t"
    d.mkdir()
    (d / "months.tsv").write_text("name\tnumber\tabbrevs\nsuro\t13\n", encoding="utf-8")
    # in a process of its own: the tables a reader loaded are cached for the life of a process
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "newsscan", "dates", str(seeds_dir), "--no-cache", "--jobs", "1"],
        env={**os.environ, "NEWSSCAN_TABLES": str(d)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and f"{d / 'months.tsv'}:2:" in lines[0]


def test_unknown_user_table_is_a_warning_and_the_command_runs(tmp_path):
    d = tmp_path / "t"
    d.mkdir()
    (d / "hedge.tsv").write_text("marker\tcategory\n", encoding="utf-8")
    result = run_cli(
        ["cache", "info"], {"NEWSSCAN_TABLES": str(d), "NEWSSCAN_CACHE_DIR": str(tmp_path / "c")}
    )
    assert result.exit_code == 0
    assert "warning" in result.stderr and "hedge.tsv" in result.stderr


def test_output_that_cannot_be_written_is_one_line(write, tmp_path, cache_env):
    write("c/a.txt", "Judul\n\n" + BODY)
    result = run_cli(
        ["dates", tmp_path / "c", "-f", "csv", "-o", tmp_path / "no" / "such" / "x.csv", "--jobs", "1"],
        cache_env,
    )
    assert result.exit_code == 2  # a usage error, refused before any analysis (issue #21)
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("newsscan: ")


def test_library_errors_are_newsscan_errors_and_the_builtin_kind():
    from newsscan import render
    from newsscan.nlp import pipeline

    with pytest.raises(UsageError) as err:
        render.emit([{"a": 1}], "xml")
    assert isinstance(err.value, ValueError)
    with pytest.raises(UnknownNameError, match="known") as err:
        pipeline(("no_such_component",))
    assert isinstance(err.value, KeyError) and isinstance(err.value, NewsscanError)
    # not a ValueError: the loader turns those into an Issue per file, a bad table must stop the run
    assert issubclass(tables.DataTableError, NewsscanError) and not issubclass(DataTableError, ValueError)


# ---------------------------------------------------------------- bounded work on hostile text


def test_tokenizer_keeps_the_text_of_long_runs():
    from newsscan.nlp import MAX_RUN, pipeline

    nlp = pipeline(("paragraphs",))
    for text in ["“" * 3000 + " kata dia", "A" * (MAX_RUN * 3 + 7), "x “" + "," * 1200 + "” y\n" + "7" * 900]:
        doc = nlp.make_doc(text)
        assert doc.text == text
        assert max(len(t) for t in doc) <= MAX_RUN


def test_tokenizer_unchanged_on_ordinary_text():
    import spacy

    from newsscan.nlp import pipeline

    text = (
        "Presiden Joko Widodo (Jokowi) mengatakan, “Rp 1,5 triliun sudah cair...” di https://contoh.go.id/"
        "berita?id=12 pada Rabu (18/6/2025). Dia menambahkan 3km² lahan.\n" + "“a ”b “c " * 30
    )
    ref = spacy.blank("id").tokenizer(text)
    assert [t.text_with_ws for t in pipeline(("paragraphs",)).make_doc(text)] == [t.text_with_ws for t in ref]


def test_surname_still_links_to_the_full_name_among_many_names():
    from newsscan.entities import canonicalize
    from newsscan.records import Mention

    words = [f"Nama{i} Marga{i}" for i in range(300)]
    body = ". ".join(words) + ". Budi Santoso tiba. Santoso bicara."
    ms, pos = [], 0
    for w in [*words, "Budi Santoso", "Santoso"]:
        pos = body.index(w, pos)
        ms.append(Mention(pos, pos + len(w), w, "PERSON", w))
        pos += len(w)
    out = canonicalize(ms, body)
    assert out[-1].text == "Santoso" and out[-1].canonical == "Budi Santoso"
    assert out[0].canonical == "Nama0 Marga0"


def test_a_cache_file_that_is_no_database_is_one_line(tmp_path):
    (tmp_path / "results.sqlite").write_bytes(b"nicht eine Datenbank " * 20)
    result = run_cli(["cache", "info"], {"NEWSSCAN_CACHE_DIR": str(tmp_path), "NEWSSCAN_TABLES": ""})
    # an unusable cache is a warning, never a traceback; `cache info` says so and exits 0 (issue #21)
    assert result.exit_code == 0
    assert len(result.stderr.splitlines()) == 1 and "not a database" in result.stderr
