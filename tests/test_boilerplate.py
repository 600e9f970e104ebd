"""boilerplate.py: site furniture out, removed lines kept with their reason, the rest of the text
unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsscan.boilerplate import load_rules, looks_like_headline, strip_boilerplate
from newsscan.errors import DataTableError

BODY = "Pemerintah memastikan bantuan sosial tahap kedua disalurkan pekan ini kepada keluarga penerima."


def strip(*lines: str):
    kept, removed = strip_boilerplate(list(lines))
    return [k for k in kept if k.strip()], removed


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Baca juga:Hampir 70 Persen Petani Sudah Terima Pupuk Tahap 2", "baca-juga"),
        ("Baca Juga: Rombongan Kim Jong Un Tiba di Rusia", "baca-juga"),
        ("Baca Juga :\xa0 Rusia Menyatakan Kegagalan Fungsi Jet Penyebab Tabrak Flat", "baca-juga"),
        (
            "Pilihan Editor: Kunjungan Melonjak, Jepang Bakal Kendalikan Wisatawan ke Gunung Fuji",
            "pilihan-editor",
        ),
        ("Iklan", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Advertisement", "advertisement"),
        ("SCROLL TO CONTINUE WITH CONTENT", "scroll"),
        ("[Gambas:Video 20detik]", "video"),
        ("Simak Video: Pemerintah Cabut Izin 6 Perusahaan Tambang Pasir di Pesisir Selatan", "video"),
        ("Simak Video 'Balas Jaksa, Kuasa Hukum Bupati Ajukan Diri Jadi Saksi Meringankan':", "video"),
        ("Bagikan :", "share"),
        ("Scroll to Top", "scroll"),
        ("No more pages", "pagination"),
        ("Logo Bloomberg Technoz", "logo"),
        (
            'Artikel ini telah tayang di Kompas.com dengan judul "Analisis Penyebab Gempa"',
            "syndication-footer",
        ),
        ("Berita LainnyaPenyanyi Dangdut Buka Suara Soal Kedekatan Dengan Aktor Muda", "related"),
        ("Ikuti Whatsapp Channel Republika", "whatsapp-promo"),
        (
            "(Ayo ikuti saluran WhatsApp KapanLagi.com biar enggak ketinggalan update. Klik di sini ya, "
            "Klovers!)",
            "whatsapp-promo",
        ),
        ("REUTERS | CNN | CHANNEL NEWS ASIA", "wire-credit"),
        ("Sumber : CNA/SL", "source-credit"),
        ("Reporter: Barratut Taqiyyah Rafie | Editor: Barratut Taqiyyah Rafie", "byline"),
        ("(bbn)", "editor-code"),
    ],
)
def test_furniture_line_is_removed_with_its_reason(line, reason):
    kept, removed = strip(BODY, line, BODY + " Lagi.")
    assert line not in kept
    assert [r.reason for r in removed] == [reason]
    assert removed[0].text == line and removed[0].line == 1


def test_lone_baca_juga_takes_the_headline_on_the_next_line():
    kept, removed = strip(
        BODY, "Baca juga:", "Wali Kota Bakal Naikkan Tarif Parkir di Sukamaju untuk Subsidi", BODY
    )
    assert kept == [BODY, BODY]
    assert [r.reason for r in removed] == ["baca-juga", "baca-juga"]


def test_lone_baca_juga_keeps_a_body_paragraph_after_it():
    # Liputan6 prints a bare `Baca Juga` (its links were not scraped); the next line is the story
    para = "Karena itu, Haryanto akan segera berkoordinasi dengan Asosiasi Pengusaha Truk (Aptrindo)."
    kept, removed = strip(BODY, "Baca Juga", para)
    assert kept == [BODY, para]
    assert [r.text for r in removed] == ["Baca Juga"]


def test_headline_shape():
    assert looks_like_headline("Pria Penumpang Kereta Jelaskan Alasan Mau Damai Usai Diteriaki 'Copet'")
    assert looks_like_headline("Pelni Gelar RUPS di Kantor Menteri Sore Ini, Bakal Rombak Direksi?")
    assert not looks_like_headline("ia mengatakan bahwa truk tersebut sudah bukan lagi milik dinas.")


def test_editor_code_takes_the_tag_list_and_promo_after_it():
    kept, removed = strip(
        BODY,
        "(bel/dek)",
        "kebakaran",
        "bus",
        "Hoegeng Awards 2025",
        "Baca kisah inspiratif kandidat polisi teladan di sini",
        "Selengkapnya",
    )
    assert kept == [BODY]
    assert [r.reason for r in removed] == ["editor-code"] + ["tags"] * 5


def test_editor_code_before_a_paragraph_goes_alone():
    kept, removed = strip(BODY, "(prf/ega)", BODY + " Ini paragraf berikutnya.")
    assert kept == [BODY, BODY + " Ini paragraf berikutnya."]
    assert [r.text for r in removed] == ["(prf/ega)"]


def test_editor_code_closing_the_last_paragraph_is_cut_off():
    kept, removed = strip(BODY, "Sedangkan, 2 orang mengalami luka ringan di bagian tangan. (okz)")
    assert kept[-1] == "Sedangkan, 2 orang mengalami luka ringan di bagian tangan."
    assert removed[0].text == "(okz)" and removed[0].reason == "editor-code"


def test_kompas_whatsapp_block_over_several_lines():
    block = [
        "Simak",
        "breaking news",
        "dan",
        "berita pilihan",
        "kami langsung di ponselmu. Pilih saluran andalanmu akses berita Kompas.com WhatsApp Channel :",
        "https://www.whatsapp.com/channel/0029VaFPbedBPzjZrk13HO3D",
        ". Pastikan kamu sudah install aplikasi WhatsApp ya.",
    ]
    kept, removed = strip(BODY, *block)
    assert kept == [BODY]
    assert {r.reason for r in removed} == {"whatsapp-promo"} and len(removed) == len(block)


def test_inline_scroll_marker_is_cut_from_a_flattened_page():
    line = (
        '"Amar putusan: TOLAK," demikian dilansir dari laman Kepaniteraan MA, Selasa (12/3). '
        "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Perkara nomor: 57 PK/Pid.Sus/2021 itu diperiksa."
    )
    kept, removed = strip(line)
    assert kept == [
        (
            '"Amar putusan: TOLAK," demikian dilansir dari laman Kepaniteraan MA, Selasa (12/3). '
            "Perkara nomor: 57 PK/Pid.Sus/2021 itu diperiksa."
        )
    ]
    assert (
        removed[0].text == "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT" and removed[0].reason == "scroll"
    )


def test_trailing_video_teaser_is_cut_from_the_last_line():
    line = (
        "Hak politiknya dicabut selama 5 tahun. Simak juga Video 'LP3HI Serahkan Bukti': "
        "[Gambas:Video 20detik] "
    )
    kept, removed = strip(line)
    assert kept == ["Hak politiknya dicabut selama 5 tahun."]
    assert removed[0].reason == "video"


def test_photo_caption_given_twice_is_removed_but_repeated_paragraphs_stay():
    cap = "Vladimir Putin menyambut Kim Jong Un"
    kept, removed = strip(cap, "", cap, "", BODY, BODY)
    assert kept == [BODY, BODY]  # a scraper's repeated paragraph is kept: each occurrence is text
    assert [r.reason for r in removed] == ["caption", "caption"]


def test_kept_lines_are_unchanged_scraper_breaks_included():
    lines = ["Jakarta", "-", "ada sebanyak 14 truk bekas", "Dinas Kebersihan", "terbakar di area Pool.  "]
    kept, removed = strip_boilerplate(lines)
    assert list(kept) == lines and removed == ()


def test_removed_line_numbers_point_into_the_file():
    _, removed = strip_boilerplate([BODY, "Iklan"], first_line=4)
    assert removed[0].line == 5


@pytest.mark.parametrize(
    "line",
    [
        "Baca juga " * 100_000,
        "(" * 1_000_000,
        "Simak Video " * 90_000,
        " " * 1_000_000 + "x",
        "[Gambas:" * 120_000,
        "ADVERTISEMENT " * 70_000,
        "A | " * 250_000,
        "Simak\n" * 1000 + "breaking news " * 50_000,
    ],
)
def test_adversarial_megabyte_line_is_fast(line):
    strip_boilerplate(line.split("\n"))


def test_user_table_adds_a_pattern(tmp_path):
    (tmp_path / "boilerplate.tsv").write_text(
        "pattern\tkind\treason\nTONTON JUGA\tprefix\tvideo\n", encoding="utf-8"
    )
    kept, removed = strip_boilerplate([BODY, "Tonton juga: video lain"], folders=(str(tmp_path),))
    assert [k for k in kept if k] == [BODY] and removed[0].reason == "video"


def test_bad_user_row_names_file_and_line(tmp_path):
    (tmp_path / "boilerplate.tsv").write_text("pattern\tkind\treason\nX\tlnie\tx\n", encoding="utf-8")
    with pytest.raises(DataTableError, match=r"boilerplate.tsv:2: unknown kind 'lnie'"):
        load_rules(str(tmp_path))


def test_bad_user_regex_names_file_and_line(tmp_path):
    (tmp_path / "boilerplate.tsv").write_text(
        "pattern\tkind\treason\n(unclosed\tregex\tx\n", encoding="utf-8"
    )
    with pytest.raises(DataTableError, match=r"boilerplate.tsv:2: bad regular expression"):
        load_rules(str(tmp_path))


LINE = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            "Baca Juga",
            "Baca juga: Kim tiba di Rusia",
            "Pilihan Editor: Putin",
            "Iklan",
            "ADVERTISEMENT",
            "SCROLL TO CONTINUE WITH CONTENT",
            "(prf/ega)",
            "Bagikan :",
            "Scroll to Top",
            "Logo Kompas",
            "Presiden Joko Widodo meresmikan jalan tol di Semarang.",
            "",
        ]
    ),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=25))
def test_nothing_is_lost_and_the_result_is_deterministic(lines):
    lines = [ln.replace("\n", " ").replace("\r", " ") for ln in lines]
    kept, removed = strip_boilerplate(lines)
    assert (kept, removed) == strip_boilerplate(lines)
    whole = {(r.line, r.text) for r in removed}
    gone = {r.line for r in removed}
    k = 0
    for i, line in enumerate(lines):
        if (i, line) in whole:  # taken out whole, on record
            continue
        # kept as it was, or kept with a part cut out that is on record
        assert k < len(kept) and (kept[k] == line or i in gone)
        k += 1
    assert k == len(kept)
    for r in removed:
        assert r.text in lines[r.line]
