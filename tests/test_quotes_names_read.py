"""The one reader of names off an article body (quotes/names_read.py), used by the speaker parser
(`ArticleContext`) and the resolver (`People`) alike: one test per name shape. Every sentence is invented."""
from __future__ import annotations

import pytest

from newsscan.quotes import find_quotes
from newsscan.quotes.lexicon import load_lexicon
from newsscan.quotes.names_read import read_body
from newsscan.quotes.resolve import People
from newsscan.quotes.speakers import ArticleContext


def _context(body: str) -> ArticleContext:
    return ArticleContext(body, load_lexicon())


def _runs(body: str) -> list[str]:
    return [" ".join(t.text for t in run) for run in _context(body).runs]


@pytest.mark.parametrize(
    "body, run",
    [
        # initials keep their dots and stay inside the name
        ("Peneliti senior R. M. Hartawan meninjau lokasi itu.", "R. M. Hartawan"),
        # a name opening a sentence
        ("Kebun itu rusak. Wiryo Sukatma menanam ulang bibitnya.", "Wiryo Sukatma"),
        # a name after a speech verb
        ("“Kami sudah siap,” kata Darmawan Saputra di kantornya.", "Darmawan Saputra"),
        # a sentence glued to the next by a scraper: the name after the full stop
        ("Panen gagal tahun lalu.Budiono Hadi lalu menjual lahannya.", "Budiono Hadi"),
        # a word of the attribution grammar opens no name
        ("Menurut Wisnu Prabowo, harga pupuk naik.", "Wisnu Prabowo"),
    ],
)
def test_a_name_is_one_run(body: str, run: str) -> None:
    assert run in _runs(body)


def test_an_institution_after_a_name_and_a_comma_is_a_run_of_its_own() -> None:
    runs = _runs("“Stok aman,” ujar Melati Kusuma, Ketua Koperasi Tani Makmur, kemarin.")
    assert "Melati Kusuma" in runs
    assert "Ketua Koperasi Tani Makmur" in runs


def test_a_run_ends_at_a_line_break() -> None:
    runs = _runs("Laporan Tahunan\nSurya Atmaja membacakan laporan itu.")
    assert "Laporan Tahunan Surya Atmaja" not in runs
    assert "Surya Atmaja" in runs


def test_offsets_are_slices_of_the_body() -> None:
    body = "Acara usai.Rahmat T. Wijaya lalu pulang."
    bw = read_body(body, 0, frozenset(), frozenset())
    for run in bw.runs:
        for t in run:
            assert body[t.start : t.end] == t.text


def test_a_lower_case_word_after_a_speech_verb_is_not_a_common_word() -> None:
    ctx = _context("“Kami menolak,” ujar karta. Warga lain menolak juga.")
    assert "karta" not in ctx.words
    assert "menolak" in ctx.words


def test_both_readers_read_the_same_person_with_initials() -> None:
    body = (
        "Bupati Sari W. Lestari meresmikan gudang benih yang baru. “Kami siap menyalurkan benih,” kata "
        "Lestari."
    )
    ctx = _context(body)
    people = People(ctx, ())
    assert "Sari W. Lestari" in [p.form for p in people.people]
    assert ctx.full_name("Lestari") == "Sari W. Lestari"
    assert [q.speaker for q in find_quotes(body)] == ["Sari W. Lestari"]
