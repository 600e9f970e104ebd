"""Hostile input: every bad file gives an Issue naming it, never an exception, and nothing is silently dropped.

Tests run as root, where chmod 000 does not stop a read: read errors are provoked with a broken symlink, a symlink
loop, a file removed between listing and reading, and a folder where a file is expected.
"""
from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsscan.loader import MAX_BYTES, iter_articles
from newsscan.records import Article, Issue

BODY = ("Menteri Sosial Saifullah Yusuf mengatakan bahwa bantuan sosial tahap kedua akan rampung pekan ini. "
        "Ia menyebut ada 1,3 juta rekening yang gagal menerima transfer dari bank milik negara.")
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
       b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82")


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
    assert one_issue(write("a.txt", "Iklan\nADVERTISEMENT\nScroll to Top\n")).reason.startswith("no article text")


def test_ten_megabyte_single_line_loads(write):
    line = ("Pemerintah memastikan bantuan sosial disalurkan kepada keluarga yang berhak di daerah. " * 120_000)
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
    english = ("The minister said on Wednesday that the second stage of social aid would be finished this week, "
               "although more than a million bank accounts could not receive the transfer because they were "
               "inactive or the names did not match the account numbers held by the state banks.")
    arts, issues = load(write("en.txt", english))
    assert len(arts) == 1
    assert issues[0].severity == "warning" and "Indonesian" in issues[0].reason


def test_utf16_without_bom_is_reported(write):
    assert one_issue(write("a.txt", BODY.encode("utf-16-le"))).reason.startswith("binary file (NUL bytes")


def test_bad_html_gives_an_issue_or_an_article(write):
    arts, issues = load(write("x.html", "<html><body><div><<<>>></body>"))
    assert arts or issues


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), name=st.sampled_from(["a.txt", "a", "a.jsonl", "a.csv", "a.html", "a.json"]))
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
    p = write("e.jsonl", '{"text": ' + "1" * 6000 + '}\n')
    arts, issues = load(p)
    assert arts == [] and "broken JSON line" in issues[0].reason


def test_a_lone_opening_sentence_is_body_not_a_headline(write):
    [a], _ = load(write("a.txt", "Pemerintah memastikan bantuan cair pekan ini.\n\n" + BODY))
    assert a.title is None and a.body.startswith("Pemerintah memastikan")
