"""The repair layer: scraper damage repaired for the analysis, on record, and carried back to the body.

Every sentence here is invented; the glued forms are the kinds issue #17 names (`KeuanganSri`, `Rinayang`,
`korbanbanjirbandang`, `kali.&nbsp; Sinta`)."""
from __future__ import annotations

import itertools
import json
import re
import time
from collections import Counter

import pytest
from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from newsscan.glued import find_glue, is_glued, lexicon
from newsscan.records import Repair
from newsscan.repair import OffsetMap, find_repairs, repaired, restore


def fix(body: str, **kw) -> str:
    return repaired(body, find_repairs(body, **kw))


# ---------------------------------------------------------------- one test per class

@pytest.mark.parametrize(("body", "expected"), [
    # a case change inside a word, one side a known word
    ("Menteri KeuanganSri Lestari hadir.", "Menteri Keuangan Sri Lestari hadir."),
    ("di daerahKota Baru", "di daerah Kota Baru"),
    ("gedung kantorPT Maju", "gedung kantor PT Maju"),
    # an acronym glued to the next word: before its capital when that is a word, after it otherwise
    ("rapat DPRDKota Baru", "rapat DPRD Kota Baru"),
    ("anggota DPRDmenyatakan hal itu", "anggota DPRD menyatakan hal itu"),
    # a lower-case run made of known words
    ("bantuan untuk korbanbanjirbandang tiba", "bantuan untuk korban banjir bandang tiba"),
    ("pedagang pasardi kota", "pedagang pasar di kota"),
    # a capitalised name with a glued tail: a long speech verb, or a head the article writes on its own
    ("Sri Wahyunimengatakan bahwa harga naik.", "Sri Wahyuni mengatakan bahwa harga naik."),
    ("Rina datang pagi. Rinayang tadi pulang.", "Rina datang pagi. Rina yang tadi pulang."),
    # a piece the article writes on its own elsewhere
    ("Ia menerbangkan drone. Larangan penggunaandrone berlaku.",
     "Ia menerbangkan drone. Larangan penggunaan drone berlaku."),
    # names written apart elsewhere in the article
    ("Dewi Anggraini hadir. DewiAnggraini lalu pergi.", "Dewi Anggraini hadir. Dewi Anggraini lalu pergi."),
])
def test_glued_words_are_split(body, expected):
    assert fix(body) == expected


@pytest.mark.parametrize("word", [
    # names with capitals inside on purpose (data/glue_names.tsv)
    "iPhone", "YouTube", "GoPay", "LinkAja", "BidHumas", "WhatsApp", "detikNews", "TikTok",
    # real words whose letters also spell two known words, affixed forms and compounds
    "berkata", "menyebutkan", "diamini", "memerinci", "penasehat", "terangsang", "paranormal", "antarwaktu",
    "rencanakan", "apapun", "perpanjang", "sinergitas", "presidensial", "pertanggungjawaban",
    "keberlangsungan", "ketidaksesuaian", "diperbaharui", "menyerahterimakan", "teksturnya", "arsitekturnya",
    "bersuasana", "beriringan", "restorasi", "menunggak", "hakikat", "makasih", "kadangkala", "memberlakukan",
    "kelabakan", "mintakan",
    # place and person names made of common words
    "Sukabumi", "Pangkalpinang", "Tanjungbalai", "Sundari", "Kotabaru", "Karangsambung",
    # letter runs that are no prose
    "@infoCuaca", "https://contoh.com/BeritaTerkini", "0031XbQRcedFTykWqa22HO7K", "#SaveHutan",
])
def test_real_words_and_names_stay_whole(word):
    body = f"Kata {word} ditulis di sini."
    assert fix(body) == body


def test_a_dictionary_split_needs_long_pieces_or_a_function_word():
    # `pena` + `sehat` are words, but a short piece with no function word beside it is not trusted
    assert find_glue("penasehat") == []
    assert find_glue("adikdari") == [4]


def test_html_entities_are_decoded():
    assert fix("kali.&nbsp; Sinta mendesak") == "kali.  Sinta mendesak"
    assert fix("Johnson &amp; Johnson") == "Johnson & Johnson"
    assert fix("&#8220;Ya&#8221; dan &ldquo;tidak&rdquo;") == "“Ya” dan “tidak”"
    assert fix("kata &amp;nbsp;dia") == "kata  dia"
    assert fix("harga &bukan; entitas") == "harga &bukan; entitas"  # not an entity HTML knows


def test_odd_spaces_are_normalised():
    assert fix("Kota\u00a0Baru dan\u2009Lama\u202fsekali") == "Kota Baru dan Lama sekali"
    assert fix("peng\u00adumuman\u200d resmi\ufeff") == "pengumuman resmi"
    assert fix("kata\u200bkunci") == "kata kunci"  # a zero-width space between letters was a word break


def test_lone_carriage_returns_become_line_breaks():
    assert (
        fix("Paragraf satu.\rParagraf dua.\r\nParagraf tiga.")
        == "Paragraf satu.\nParagraf dua.\nParagraf tiga."
    )


def test_mis_decoded_utf8_is_repaired():
    assert fix("â€œKami siap,â€\x9d katanya.") == "“Kami siap,” katanya."


def test_missing_space_after_punctuation():
    assert fix("sudah selesai,” ujarnya.Budi lalu pulang") == "sudah selesai,” ujarnya. Budi lalu pulang"
    assert fix("Dinas Sosial (Dinsos)Ia menolak") == "Dinas Sosial (Dinsos) Ia menolak"
    assert fix("Badan Pangan(Bapang) hadir") == "Badan Pangan (Bapang) hadir"
    assert fix("“Kami siap,”kata dia") == "“Kami siap,” kata dia"
    assert fix("kata dia:”Kami siap") == "kata dia:”Kami siap"  # some outlets open a quote with ”
    assert fix('"Kami siap,"ujar dia') == '"Kami siap," ujar dia'
    assert fix('kata dia."Kami siap') == 'kata dia."Kami siap'  # a straight mark before a capital may open
    # abbreviations and addresses keep their dots
    for body in ("dr.Budi hadir", "lihat Contoh.com/Berita", "S.H.Budi"):
        assert fix(body) == body


def test_a_first_word_glued_to_the_dateline_is_set_off_with_a_dash():
    body = "Contoh.com, BandungGubernur Jawa Barat hadir."
    assert (
        fix(body, dateline_end=len("Contoh.com, Bandung"))
        == "Contoh.com, Bandung - Gubernur Jawa Barat hadir."
    )


def test_each_repair_is_on_record():
    body = "Menteri KeuanganSri hadir.&nbsp;Ia\u00a0pulang\r"
    reps = find_repairs(body)
    assert [r.kind for r in reps] == ["glued", "entity", "space", "newline"]
    for r in reps:
        assert isinstance(r, Repair)
        assert body[r.start : r.end] == r.original
    assert reps[0] == Repair(16, 16, "", " ", "glued")


# ---------------------------------------------------------------- offsets and recovery

_PIECES = [
    "Keuangan",
    "Sri",
    "korban",
    "banjir",
    "yang",
    "mengatakan",
    "&nbsp;",
    "&amp;",
    "&#8220;",
    "&bogus;",
    "\u00a0",
    "\u200b",
    "\u00ad",
    "\r",
    "\r\n",
    "\n",
    " ",
    ".",
    ",",
    ")",
    "(",
    "”",
    "“",
    "â€œ",
    "Ã©",
    "a",
    "B",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.text(max_size=20))
def test_the_original_is_recoverable_from_the_repaired_text_and_the_record(pieces, noise):
    body = "".join(pieces) + noise
    reps = find_repairs(body)
    assert list(reps) == sorted(reps, key=lambda r: (r.start, r.end))
    assert all(a.end <= b.start for a, b in itertools.pairwise(reps))  # never overlapping
    assert all(body[r.start : r.end] == r.original for r in reps)
    text = repaired(body, reps)
    assert restore(text, reps) == body
    omap = OffsetMap(reps)
    starts = [omap.start(i) for i in range(len(text) + 1)]
    ends = [omap.end(i) for i in range(len(text) + 1)]
    assert starts == sorted(starts) and ends == sorted(ends)  # order is kept
    assert all(0 <= s <= len(body) and 0 <= e <= len(body) for s, e in zip(starts, ends, strict=False))
    # a one-character span never turns around
    assert all(s <= e for s, e in zip(starts, ends[1:], strict=False))


def test_offsets_outside_repairs_map_to_the_same_characters():
    body = "Menteri KeuanganSri Lestari, kata &ldquo;ya&rdquo; tadi"
    reps = find_repairs(body)
    text, omap = repaired(body, reps), OffsetMap(reps)
    for m in re.finditer(r"\w+", text):
        assert body[omap.start(m.start()) : omap.end(m.end())] == m.group()
    i = text.index("“ya”")  # a span over replaced characters takes in their whole original
    assert body[omap.start(i) : omap.end(i + 4)] == "&ldquo;ya&rdquo;"


def test_long_tokens_are_repaired_in_linear_time():
    start = time.process_time()
    for token in ("a" * 200_000, "aB" * 100_000, "Abcdefghij" * 20_000, "&amp;" * 40_000, "x.Y" * 60_000):
        find_repairs(token)
    # generous: a quadratic scan of these would take minutes
    assert time.process_time() - start < 10


# ---------------------------------------------------------------- through the analysis

ARTICLE = """Menteri Puji Pertumbuhan Ekonomi

JAKARTA - Menteri KeuanganBudi Santoso mengatakan bahwa ekonomi tumbuh lima persen.&nbsp;“Kami optimistis \
pertumbuhan tetap terjaga,” kataBudi Santoso di Jakarta, Senin (3/6/2024).
Budi Santosomenjelaskan, pemerintah menambah anggaran untuk korbanbanjirbandang di Sumatera Barat.
"""


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    import newsscan

    path = tmp_path_factory.mktemp("repair") / "artikel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    run = newsscan.analyze([str(path)], use_cache=False, jobs=1)
    return run.results[0]


def test_the_body_stays_as_the_source_wrote_it(analysed):
    body = analysed.article.body
    assert "KeuanganBudi" in body and "&nbsp;" in body and "korbanbanjirbandang" in body
    assert {r.kind for r in analysed.article.repairs} == {"glued", "entity"}


def test_every_output_text_is_a_slice_of_the_body(analysed):
    body = analysed.article.body
    records = [*analysed.entities, *analysed.quotes, *analysed.dates]
    records += [c for c in analysed.claims if c.kind != "headline"]
    assert records
    for r in records:
        assert body[r.start : r.end] == r.text
    for r in [*analysed.quotes, *analysed.dates]:
        assert not r.sentence or r.sentence in body


def test_names_found_in_repaired_text_are_clean_and_point_into_the_body(analysed):
    body = analysed.article.body
    people = {m.canonical for m in analysed.entities if m.label == "PERSON"}
    assert "Budi Santoso" in people
    quote = next(q for q in analysed.quotes if q.text.startswith("Kami optimistis"))
    assert quote.speaker == "Budi Santoso"
    glued = next(q for q in analysed.quotes if "korbanbanjirbandang" in q.text)  # found in the repaired text
    assert body[glued.start : glued.end] == glued.text
    assert not any(is_glued(n) for n in people)


def test_date_after_a_glued_word_keeps_body_offsets(analysed):
    date = next(d for d in analysed.dates if d.value == "2024-06-03")
    assert analysed.article.body[date.start : date.end] == date.text


# ---------------------------------------------------------------- the eval measure


@pytest.mark.parametrize(
    ("name", "glued"),
    [
        ("KeuanganSri Lestari", True),
        ("Sri Wahyunimengatakan", True),
        ("iPhone 15", False),
        ("Sri Lestari", False),
        ("GoPay", False),
        ("korbanbanjirbandang", True),
    ],
)
def test_is_glued(name, glued):
    assert is_glued(name, Counter()) is glued


def test_few_rare_bench_words_are_split():
    """Words the bench corpus writes fewer than three times (so none is in the common-word list) are mostly
    real words; the splitter cuts very few of them (some of those it cuts are real glue in the corpus)."""
    bench = SHARED / "data" / "bench" / "indosum_devfolds_text.jsonl"
    if not bench.is_file():
        pytest.skip("bench corpus not found")
    counts: Counter[str] = Counter()
    with open(bench, encoding="utf-8") as fh:
        for line in fh:
            counts.update(re.findall(r"[^\W\d_]+", json.loads(line)["text"]))
    known = lexicon().whole
    rare = [w for w, n in counts.items() if w.islower() and len(w) >= 6 and w not in known]
    split = [w for w in rare if find_glue(w)]
    assert len(rare) > 5000
    assert len(split) / len(rare) < 0.01, split[:50]


def test_repairs_survive_the_record_codecs(analysed):
    import pickle

    import srsly

    from newsscan.extensions import set_extensions

    set_extensions()
    article = analysed.article
    assert article.repairs
    assert srsly.msgpack_loads(srsly.msgpack_dumps(article)) == article
    assert pickle.loads(pickle.dumps(analysed)) == analysed
