"""Quotes: direct, partial and indirect speech, speakers, roles and media (issue #4)."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsscan.quotes import find_quotes, find_spans

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def kinds(body, **kw):
    return [(q.kind, q.text, q.speaker) for q in find_quotes(body, **kw)]


def test_speaker_after_quote_and_surname_resolution():
    body = ("Leif-Eric Easley, profesor studi internasional di Universitas Ewha, mengatakan pertemuan itu penting.\n"
            "“Rusia memiliki teknologi militer,” kata Easley.")
    qs = find_quotes(body)
    direct = [q for q in qs if q.kind == "direct"]
    assert direct and direct[0].text == "Rusia memiliki teknologi militer"
    assert direct[0].speaker == "Leif-Eric Easley"
    ind = [q for q in qs if q.kind == "indirect"]
    assert ind and ind[0].text == "pertemuan itu penting" and ind[0].speaker == "Leif-Eric Easley"


def test_colon_before_quote():
    qs = find_quotes("Menteri Keuangan Sri Mulyani mengatakan: “Anggaran sudah cukup.”")
    assert [(q.kind, q.text, q.speaker) for q in qs] == [("direct", "Anggaran sudah cukup.", "Sri Mulyani")]
    assert qs[0].speaker_role and "Menteri" in qs[0].speaker_role


def test_attribution_in_the_middle_gives_two_rows():
    body = "“Artileri mereka bagus,” kata Carl Schuster, mantan direktur operasi. “Sangat mirip desain Rusia.”"
    qs = [q for q in find_quotes(body) if q.kind == "direct"]
    assert [q.text for q in qs] == ["Artileri mereka bagus", "Sangat mirip desain Rusia."]
    assert {q.speaker for q in qs} == {"Carl Schuster"}
    assert qs[0].speaker_role and qs[0].speaker_role.startswith("mantan direktur")


def test_ujar_dia_and_tuturnya_resolve_to_last_speaker():
    body = ("Kepala Dinas Perhubungan Syafrin Liputo mengatakan bus sudah dilelang sejak tahun lalu.\n"
            "\"Bus itu bukan aset kami lagi,\" ujar dia.\n"
            "\"Kami akan berkoordinasi dengan pemenang lelang,\" tuturnya.")
    direct = [q for q in find_quotes(body) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Syafrin Liputo", "Syafrin Liputo"]


def test_continuation_paragraph_and_via():
    body = ("“Ini kesepakatan yang saling menguntungkan,” kata Nam Sung-wook kepada Associated Press.\n"
            "“Kebutuhan mereka kini terpenuhi.”")
    direct = [q for q in find_quotes(body) if q.kind == "direct"]
    assert [(q.speaker, q.via) for q in direct] == [("Nam Sung-wook", "Associated Press")] * 2


def test_quote_inside_quote_is_one_quote():
    body = "“Dia bilang ‘tunggu dulu’ kepada kami,” kata Budi Santoso."
    direct = [q for q in find_quotes(body) if q.kind != "indirect"]
    assert len(direct) == 1 and direct[0].text == "Dia bilang ‘tunggu dulu’ kepada kami"


def test_menurut_and_unnamed_sources():
    body = ("Menurut Yonhap, rezim ini berencana melakukan peluncuran lain pada Oktober.\n"
            "Dilansir The Guardian, seorang pejabat AS mengungkapkan bahwa detail pertemuan masih belum jelas.")
    qs = find_quotes(body)
    assert ("indirect", "rezim ini berencana melakukan peluncuran lain pada Oktober", "Yonhap") in kinds(body)
    anon = [q for q in qs if q.anonymous]
    assert anon and anon[0].speaker == "seorang pejabat AS" and anon[0].via == "The Guardian"
    assert anon[0].text == "detail pertemuan masih belum jelas"


def test_outlet_is_not_a_via():
    body = "“Kami siap membantu,” kata Andi Wijaya kepada Tempo."
    assert find_quotes(body, outlet="Tempo")[0].via is None
    assert find_quotes(body, outlet="Kompas.com")[0].via == "Tempo"


def test_partial_quote_and_scare_quote():
    body = ("Juru bicara Kremlin Dmitry Peskov mengatakan kunjungan itu akan menjadi kunjungan yang “sepenuhnya”.\n"
            "Film “Merah Putih” diputar di bioskop.")
    qs = find_quotes(body)
    partial = [q for q in qs if q.kind == "partial"]
    assert [(q.text, q.speaker) for q in partial] == [("sepenuhnya", "Dmitry Peskov")]
    assert all("Merah Putih" not in q.text for q in qs)


def test_apostrophes_are_not_marks():
    assert find_spans("Aminuddin Ma'ruf dan angkatan '98 hadir. Jum’at lalu.") == []


def test_html_entities_and_mixed_marks():
    body = "&ldquo;Kami kehilangan sosok muda,&rdquo; kata Rustamadji.\n\"Semoga tenang,” ujarnya."
    direct = [q for q in find_quotes(body) if q.kind == "direct"]
    assert [q.text for q in direct] == ["Kami kehilangan sosok muda", "Semoga tenang"]
    assert {q.speaker for q in direct} == {"Rustamadji"}


def test_unclosed_quote_stays_in_its_paragraph():
    body = "“Kami belum tahu nilainya, kata Syafrin.\nParagraf berikutnya tanpa tanda kutip sama sekali."
    qs = [q for q in find_quotes(body) if q.kind != "indirect"]
    assert qs and qs[0].unclosed and "\n" not in qs[0].text


def test_seed_easley_and_daerah_sensitif():
    s0 = (SEEDS / "000_2fb6c2790db198fd.txt").read_text(encoding="utf-8")
    q = [q for q in find_quotes(s0) if q.text.startswith("Rusia memiliki teknologi militer")]
    assert q and q[0].speaker == "Leif-Eric Easley"
    s3 = (SEEDS / "003_5ac5b0db553359ce.txt").read_text(encoding="utf-8")
    assert all(q.text != "Daerah Sensitif" for q in find_quotes(s3))


def test_adversarial_unbalanced_marks_are_fast():
    body = "“" * 10_000
    t = time.perf_counter()
    assert find_quotes(body) == []
    body2 = ("Kata dia “ ya " * 5_000) + "\n" + "\"" * 5_001
    qs = find_quotes(body2)
    assert time.perf_counter() - t < 5
    assert all(body2[q.start:q.end] == q.text for q in qs)


hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings
from hypothesis import strategies as st

ALPHABET = st.sampled_from(list("abc XYZ.,:;!?\n\"'“”‘’«»") + ["kata ", "ujarnya", "menurut ", "Budi ", "&ldquo;",
                                                              "mengatakan ", "bahwa ", "Presiden "])


@settings(max_examples=150, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_arbitrary_text_never_raises_and_offsets_hold(body):
    qs = find_quotes(body)
    for q in qs:
        assert body[q.start:q.end] == q.text
        assert q.kind in ("direct", "partial", "indirect")
    assert find_quotes(body) == qs
