"""The temporal tagger (newsscan.dates): one behaviour per case, in Indonesian (CONVENTIONS.md "Dates")."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsscan.dates import Lexicon, body_date, find_dates, parse_number, reference_date

WED = date(2025, 6, 18)  # a Wednesday
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_GOLD = Path(__file__).resolve().parent / "data" / "seed-dates.jsonl"


def one(text: str, anchor: date | None, needle: str | None = None):
    """The mention that covers `needle` (default: the only mention)."""
    ms = find_dates(text, anchor)
    if needle is None:
        assert len(ms) == 1, ms
        return ms[0]
    hits = [m for m in ms if needle in m.text or m.text in needle]
    assert hits, (needle, ms)
    return hits[0]


CASES = [
    # absolute
    ("Kim tiba pada hari Selasa (12/9/2023) pagi.", None, "Selasa (12/9/2023)", "2023-09-12", "day"),
    ("Putin ke Vietnam pada Rabu (19/06/2024) malam.", None, "19/06/2024", "2024-06-19", "day"),
    ("Mereka bertemu 13 September 2023 di Vladivostok.", None, "13 September 2023", "2023-09-13", "day"),
    ("Rapat digelar 18 Juni 2025.", None, "18 Juni 2025", "2025-06-18", "day"),
    ("Harga naik sejak Juni 2025.", None, "Juni 2025", "2025-06", "month"),
    ("Pada Agt 2024 harga turun.", None, "Agt 2024", "2024-08", "month"),
    ("Laporan Nop 2023 sudah terbit.", None, "Nop 2023", "2023-11", "month"),
    ("Dari 3 Sept 2022 hingga kini.", None, "3 Sept 2022", "2022-09-03", "day"),
    ("Kasus itu terjadi pada tahun 2019.", None, "2019", "2019", "year"),
    ("Perjanjian itu ada sejak tahun 1961.", None, "1961", "1961", "year"),
    ("Perjanjian itu diteken pada 1961.", None, "1961", "1961", "year"),
    ("Ia menjabat pada 2004-2010.", None, "2004-2010", "2004/2010", "range"),
    ("Harga naik pada 2006–2008.", None, "2006–2008", "2006/2008", "range"),
    ("Rapat dimulai 16:30 WIB.", WED, "16:30 WIB", "2025-06-18T16:30", "time"),
    ("Pemadaman dimulai pukul 14.45 WIB.", WED, "pukul 14.45 WIB", "2025-06-18T14:45", "time"),
    ("Gempa terjadi Senin (9/6/2025), pukul 23.55.05 WIB.", None, "23.55.05", "2025-06-09T23:55:05", "time"),
    ("Ia pulang pukul 7 malam.", WED, "pukul 7 malam", "2025-06-18T19:00", "time"),
    ("Rilis tanggal 2025-06-18 itu.", None, "2025-06-18", "2025-06-18", "day"),
    # weekday + date
    ("RUPS digelar Rabu siang (18/6/2025).", None, "Rabu siang (18/6/2025)", "2025-06-18", "day"),
    ("Kecelakaan terjadi Senin 9 Juni 2025 malam.", None, "Senin 9 Juni 2025", "2025-06-09", "day"),
    ("Mereka bertemu pada Rabu (13 September).", date(2023, 9, 14), "Rabu (13 September)", "2023-09-13",
     "day"),
    ("Sidang digelar Kamis (19/6).", WED, "Kamis (19/6)", "2025-06-19", "day"),
    ("Putusan dibacakan Rabu (2/7).", date(2025, 6, 4), "Rabu (2/7)", "2025-07-02", "day"),
    ("Ia datang Senin (18/6/2025).", date(2025, 6, 20), "Senin (18/6/2025)", "2025-06-18", "day"),
    ("Insiden terjadi Minggu (8/6/2027) malam.", date(2025, 6, 9), "Minggu (8/6/2027)", "2025-06-08", "day"),
    ("Peristiwa itu terjadi Minggu malam (8/6/2025).", None, "Minggu malam (8/6/2025)", "2025-06-08", "day"),
    # relative
    ("Putin berada di Vladivostok pada hari Selasa.", WED, "Selasa", "2025-06-17", "day"),
    ("Menteri akan berkunjung pada hari Selasa.", WED, "Selasa", "2025-06-24", "day"),
    ("Selasa lalu, ia memperingatkan Korea Utara.", WED, "Selasa lalu", "2025-06-17", "day"),
    ("Kamis lalu ia datang.", date(2025, 6, 19), "Kamis lalu", "2025-06-12", "day"),
    ("Pekan lalu, Gedung Putih mengungkapkan hal itu.", WED, "Pekan lalu", "2025-W24", "week"),
    ("Seminggu lalu reservasi mulai ada.", date(2025, 6, 10), "Seminggu lalu", "2025-W23", "week"),
    ("Ia akan kembali minggu depan.", WED, "minggu depan", "2025-W26", "week"),
    ("Tarif naik bulan depan.", WED, "bulan depan", "2025-07", "month"),
    ("Angka itu turun dari tahun lalu.", WED, "tahun lalu", "2024", "year"),
    ("Anggaran tahun berjalan masih cukup.", WED, "tahun berjalan", "2025", "year"),
    ("Polisi menangkapnya kemarin.", WED, "kemarin", "2025-06-17", "day"),
    ("Rapat digelar hari ini.", WED, "hari ini", "2025-06-18", "day"),
    ("Mereka dipanggil besok.", WED, "besok", "2025-06-19", "day"),
    ("Sidang dilanjutkan lusa.", WED, "lusa", "2025-06-20", "day"),
    ("Ia tiba dua hari lalu.", WED, "dua hari lalu", "2025-06-16", "day"),
    ("Gempa terasa tadi malam.", WED, "tadi malam", "2025-06-17", "day"),
    ("Hujan deras semalam.", WED, "semalam", "2025-06-17", "day"),
    ("Hal itu disampaikan Rabu pekan ini.", date(2025, 6, 19), "Rabu pekan ini", "2025-06-18", "day"),
    ("Harga naik sejak Juni lalu.", WED, "Juni lalu", "2025-06", "month"),
    ("Ia terakhir ke sana November tadi.", date(2025, 6, 20), "November tadi", "2024-11", "month"),
    ("Rezim itu berencana meluncurkan satelit pada Oktober.", date(2023, 9, 12), "Oktober", "2023-10",
     "month"),
    ("Pada bulan Desember, Gedung Putih mengatakan hal itu.", date(2023, 9, 12), "Desember", "2022-12",
     "month"),
    ("Kunjungan terakhir pada bulan Juli.", date(2023, 9, 12), "Juli", "2023-07", "month"),
    # ranges
    ("Forum berlangsung dari tanggal 10 hingga 13 September.", date(2023, 9, 12), "10 hingga 13 September",
     "2023-09-10/2023-09-13", "range"),
    ("Pameran digelar 10-13 September 2023.", None, "10-13 September 2023", "2023-09-10/2023-09-13", "range"),
    ("Acara 10 Juni hingga 13 Juni 2025 di Jakarta.", None, "10 Juni hingga 13 Juni 2025",
     "2025-06-10/2025-06-13", "range"),
    # durations
    ("Perang sudah lebih dari 18 bulan.", None, "18 bulan", "P18M", "duration"),
    ("Ia berkuasa 12 tahun.", None, "12 tahun", "P12Y", "duration"),
    ("Ia divonis 16 tahun penjara.", None, "16 tahun", "P16Y", "duration"),
    ("Hukumannya dipotong menjadi 8,5 tahun.", None, "8,5 tahun", "P8Y6M", "duration"),
    ("Vonisnya 9 tahun dan 4 bulan.", None, "9 tahun dan 4 bulan", "P9Y4M", "duration"),
    ("Vonisnya 9 tahun dan 4 (empat) bulan.", None, "9 tahun dan 4 (empat) bulan", "P9Y4M", "duration"),
    ("Api dipadamkan hampir satu jam.", None, "satu jam", "PT1H", "duration"),
    ("Ia sudah menjalani 1.487 hari.", None, "1.487 hari", "P1487D", "duration"),
    ("Harga naik dua hari ini.", WED, "dua hari ini", "P2D", "duration"),
    ("Dua kali gagal dalam empat bulan terakhir.", None, "empat bulan terakhir", "P4M", "duration"),
    ("Ia ditahan selama dua minggu.", None, "dua minggu", "P2W", "duration"),
    ("Proses itu butuh setahun.", None, "setahun", "P1Y", "duration"),
    ("Menunggu 1,5 jam di sana.", None, "1,5 jam", "PT1H30M", "duration"),
    ("Mereka tinggal dua puluh lima tahun di sana.", None, "dua puluh lima tahun", "P25Y", "duration"),
    # unknown anchor: underspecified, never invented
    ("Mereka bertemu pada Rabu (13 September).", None, "Rabu (13 September)", "XXXX-09-13", "day"),
    ("Putin tiba di sana pada hari Selasa.", None, "Selasa", "XXXX-XX-XX", "day"),
    ("Ia datang kemarin.", None, "kemarin", "XXXX-XX-XX", "day"),
    ("Tarif naik Senin (30/6). Kemenhub memanggil aplikator besok.", None, "besok", "XXXX-07-01", "day"),
    ("Ia kembali bulan depan.", None, "bulan depan", "XXXX-XX", "month"),
]


@pytest.mark.parametrize("text,anchor,needle,value,granularity", CASES)
def test_value(text, anchor, needle, value, granularity):
    m = one(text, anchor, needle)
    assert (m.value, m.granularity) == (value, granularity)
    assert text[m.start:m.end] == m.text


NOT_DATES = [
    "Korban berusia 21 tahun.",
    "Budi (21) ditemukan tewas.",
    "Septian Eka, 21 tahun, adalah mahasiswa.",
    "Aturan itu tercantum dalam Peraturan Presiden Nomor 87 Tahun 2016.",
    "Perkara nomor 32 PK/Pid.Sus/2020 diputus.",
    "Hal itu diatur dalam UUD 1945.",
    "Kini harga naik, saat ini stok cukup, sekarang aman, nanti dicek.",
    "Kita mencermati tadi bahwa harga naik.",
    "Ia membayar Rp 2000 untuk parkir.",
    "Anak-anak di bawah lima tahun kekurangan gizi.",
    "Beberapa hari ini hujan, dan tahun-tahun sebelumnya juga.",
    "Seminar digelar sehari-hari di kampus.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    assert find_dates(text, WED) == []


def test_minggu_sunday_or_week():
    assert one("Kejadian itu pada Minggu (8/6/2025).", None, "Minggu").value == "2025-06-08"
    assert one("Polisi datang pada Minggu.", date(2025, 6, 10), "Minggu").value == "2025-06-08"
    assert one("Minggu lalu harga naik.", WED, "Minggu lalu").granularity == "week"
    assert one("Ia ditahan dua minggu.", None, "dua minggu").value == "P2W"


def test_clock_time_takes_event_day_not_report_day():
    text = ("Perahu terbalik di perairan Batu Merah, Selasa (12/3/2024). "
            "\"Kejadian itu berlangsung sekitar pukul 12.50 WIT,\" "
            "ujar Dedi dalam jumpa pers di Ambon, Rabu (13/3/2024).")
    assert one(text, date(2024, 3, 13), "12.50").value == "2024-03-12T12:50"


def test_clock_time_past_midnight():
    text = "Gempa terjadi Senin (9/6/2025) pukul 23.55 WIB. Hingga pukul 00.20 WIB, belum ada gempa susulan."
    assert one(text, date(2025, 6, 10), "00.20").value == "2025-06-10T00:20"


def test_kinds():
    ms = find_dates("Rabu (18/6/2025), kemarin, pada Selasa, 2004-2010, 16 tahun penjara.", WED)
    assert [m.kind for m in ms] == ["absolute", "relative", "weekday", "range", "duration"]


def test_sentence_is_reported():
    m = one("Hujan turun. Rapat digelar kemarin. Lalu selesai.", WED, "kemarin")
    assert m.sentence == "Rapat digelar kemarin."


def test_reference_and_body_date():
    body = "JAKARTA - Rapat digelar Selasa (10/6/2025). Sebelumnya, 4 Juni 2025, ada pertemuan."
    assert reference_date(body, "2025-06-11").value == "2025-06-11"
    assert reference_date(body, None).value == "2025-06-10"
    assert reference_date(body, None).source == "body"
    assert reference_date("Tidak ada tanggal.", None).source == "none"
    assert body_date(body).value == "2025-06-10"
    assert body_date("Rabu, 13 Mar 2024 18:49 WIB").value == "2024-03-13"
    assert body_date("Kompas.com- 13/03/2024, 19:41 WIB").value == "2024-03-13"


def test_parse_number():
    assert parse_number("dua puluh lima") == 25
    assert parse_number("sebelas") == 11
    assert parse_number("tiga belas") == 13
    assert parse_number("seratus dua puluh") == 120
    assert parse_number("dua ribu lima ratus") == 2500
    assert parse_number("1.487") == 1487
    assert parse_number("12,5") == 12.5
    assert parse_number("bukan angka") is None


def test_lexicon_cached_and_ambiguity_marked():
    assert Lexicon.load() is Lexicon.load()
    lex = Lexicon.load()
    assert "minggu" in lex.ambiguous_weekdays
    assert lex.months["agt"] == lex.months["agu"] == 8


def test_seed_gold_accuracy():
    """Hand-checked gold for the five seeds: every row found with the right value (>= 0.90)."""
    import re

    gold = [json.loads(line) for line in SEED_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    right = 0
    for g in gold:
        body = (SEEDS / g["file"]).read_text(encoding="utf-8")
        assert g["text"] in body
        ref = reference_date(body, None)
        anchor = date.fromisoformat(ref.value) if ref.value else None
        ms = find_dates(body, anchor)
        def within(a, b):
            return re.search(r"(?<!\w)" + re.escape(a) + r"(?!\w)", b) is not None
        cands = [m for m in ms if within(m.text, g["text"]) or within(g["text"], m.text)]
        right += any(m.value == g["value"] for m in cands)
    assert right / len(gold) >= 0.9


def test_adversarial_megabyte_is_fast():
    import random

    rnd = random.Random(5)
    words = ["Selasa", "Juni", "Rabu", "Kota", "Besar", "Ahmad", "Minggu", "Tahun", "Pukul", "Nomor"]
    pieces = []
    size = 0
    while size < 1_000_000:
        k = rnd.random()
        piece = (str(rnd.randint(0, 99999)) if k < 0.4 else "/" if k < 0.55 else " " * rnd.randint(1, 3)
                 if k < 0.75 else rnd.choice(words))
        pieces.append(piece)
        size += len(piece)
    text = "".join(pieces)[:1_000_000]
    find_dates("Selasa (12/9/2023)", None)
    ms = find_dates(text, WED)
    assert all(text[m.start:m.end] == m.text for m in ms)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789/.-:() ,\nabcSRJMKPWIBhariSelasaMinggujuniJuni")),
               max_size=200),
       st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_property_offsets_and_determinism(text, anchor):
    ms = find_dates(text, anchor)
    assert ms == find_dates(text, anchor)
    last_end = 0
    for m in ms:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end
        last_end = m.end


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_property_any_text_never_raises(text):
    for m in find_dates(text, date(2025, 6, 18)):
        assert text[m.start:m.end] == m.text


# ------------------------------------------------------------------------------------------- holidays

HOLIDAYS = [
    # with a Gregorian year: the table's date for that year (fixed or moving)
    ("Gereja penuh saat Natal 2024.", WED, "Natal 2024", "2024-12-25", "day"),
    ("Pasar ramai menjelang Idul Adha 2024.", WED, "Idul Adha 2024", "2024-06-17", "day"),
    ("Libur Hari Raya Idul Fitri 2023 diperpanjang.", WED, "Hari Raya Idul Fitri 2023", "2023-04-22", "day"),
    ("Pawai digelar pada Tahun Baru Imlek 2024.", WED, "Tahun Baru Imlek 2024", "2024-02-10", "day"),
    ("Bali sepi pada Hari Raya Nyepi tahun 2024.", WED, "Hari Raya Nyepi tahun 2024", "2024-03-11", "day"),
    ("Upacara Hari Pahlawan 2019 berlangsung khidmat.", WED, "Hari Pahlawan 2019", "2019-11-10", "day"),
    # with a Hijri year: the Hijri calendar decides, also beside a Gregorian one
    ("Takbir menyambut Idul Fitri 1445 H terdengar.", WED, "Idul Fitri 1445 H", "2024-04-10", "day"),
    ("Salat Idul Adha 1444 Hijriah/2023 M digelar.", WED, "Idul Adha 1444 Hijriah/2023 M", "2023-06-29",
     "day"),
    # a deictic: counted from the anchor
    ("Buruh turun ke jalan pada Hari Buruh ini.", date(2024, 5, 1), "Hari Buruh ini", "2024-05-01", "day"),
    ("Misa Natal tahun ini dijaga polisi.", date(2024, 12, 20), "Natal tahun ini", "2024-12-25", "day"),
    ("Harga tiket naik seperti Lebaran tahun lalu.", WED, "Lebaran tahun lalu", "2024-04-10", "day"),
    ("Arus balik Lebaran lalu lancar.", date(2024, 8, 1), "Lebaran lalu", "2024-04-10", "day"),
    ("Stok beras aman untuk Idul Adha mendatang.", date(2024, 5, 1), "Idul Adha mendatang", "2024-06-17",
     "day"),
    # bare, after a time preposition: the nearest one, the next in a plan
    ("Harga cabai naik menjelang Lebaran.", date(2024, 3, 25), "Lebaran", "2024-04-10", "day"),
    ("Pemerintah akan menambah kereta sebelum Natal.", date(2024, 1, 3), "Natal", "2024-12-25", "day"),
    # two holidays joined, and a season: ranges
    ("Arus mudik Natal dan Tahun Baru 2024/2025 padat.", WED, "Natal dan Tahun Baru 2024/2025",
     "2024-12-25/2025-01-01", "range"),
    ("Jalur mudik Natal dan Tahun Baru kali ini padat.", date(2024, 12, 23), "Natal dan Tahun Baru kali ini",
     "2024-12-25/2025-01-01", "range"),
    ("Polisi siaga selama Nataru 2024/2025.", WED, "Nataru 2024/2025", "2024-12-25/2025-01-01", "range"),
    # an anniversary: the year the day was first marked plus the ordinal
    ("Upacara HUT RI ke-79 digelar di lapangan.", WED, "HUT RI ke-79", "2024-08-17", "day"),
    ("Pawai Hari Sumpah Pemuda ke-90 meriah.", WED, "Hari Sumpah Pemuda ke-90", "2018-10-28", "day"),
    # a Hijri year alone: its Gregorian span (1 Muharram to the day before the next)
    ("Kuota haji 1446 Hijriah ditambah.", WED, "1446 Hijriah", "2024-07-07/2025-06-26", "range"),
    # an undated text: the month and day of a fixed holiday, nothing of a moving one
    ("Misa Natal tahun ini dijaga polisi.", None, "Natal tahun ini", "XXXX-12-25", "day"),
    ("Mudik Lebaran tahun ini ramai.", None, "Lebaran tahun ini", "XXXX-XX-XX", "day"),
]


@pytest.mark.parametrize("text,anchor,needle,value,granularity", HOLIDAYS)
def test_holiday(text, anchor, needle, value, granularity):
    m = one(text, anchor, needle)
    assert (m.text, m.value, m.granularity) == (needle, value, granularity)


@pytest.mark.parametrize("text", [
    "Mereka merayakan Natal bersama keluarga.",  # a bare holiday with no time preposition names no day
    "Keluarga itu menyambut tahun baru dengan doa.",  # `tahun baru` in lower case is any new year
    "Warga Tionghoa merayakan Imlek 2575 dengan barongsai.",  # a Chinese year is no Gregorian one
])
def test_holiday_not_a_date(text):
    assert [m for m in find_dates(text, WED) if m.granularity in ("day", "range")] == []


def test_holiday_table_has_every_moving_holiday_each_year():
    from newsscan.dates.holidays import calendar, on_year

    cal = calendar()
    for key in cal.moving:
        for year in range(2000, 2036):
            assert on_year(cal, key, year) is not None, (key, year)
    for hy in range(1421, 1457):  # every Hijri year of the range has a span
        assert cal.muharram[hy] < cal.muharram[hy + 1]


# ------------------------------------------------------------------------------- counted from the text

FROM_TEXT = [
    # a year counted from the year just named in the paragraph, not from the publication year
    ("Pabrik itu dibuka pada 2012. Setahun kemudian pabrik itu tutup.", WED, "Setahun kemudian", "2013",
     "year"),
    ("Ekspor naik pada 2019. Tahun sebelumnya ekspor turun.", WED, "Tahun sebelumnya", "2018", "year"),
    ("Ia lulus pada 2008, dan setahun berikutnya bekerja.", WED, "setahun berikutnya", "2009", "year"),
    ("Ia menikah pada 1999 dan tiga tahun kemudian pindah.", WED, "tiga tahun kemudian", "2002", "year"),
    # a model number before `tahun lalu` counts no years
    ("Ponsel itu mirip Nokia 3310 tahun lalu.", WED, "tahun lalu", "2024", "year"),
    # no year named: from the anchor's
    ("Laba turun dari tahun sebelumnya.", WED, "tahun sebelumnya", "2024", "year"),
    # a day counted from the day just named
    ("Sidang dibuka 3 Maret 2020. Pada hari berikutnya saksi diperiksa.", WED, "hari berikutnya",
     "2020-03-04",
     "day"),
    ("Banjir datang Senin (2/6/2025). Pada hari itu sekolah libur.", WED, "Pada hari itu", "2025-06-02",
     "day"),
    # a day and month with a modifier: the latest such day, or the next one
    ("Pelaku ditangkap 21 Maret lalu.", WED, "21 Maret lalu", "2025-03-21", "day"),
    ("Pelaku ditangkap 21 Juli lalu.", WED, "21 Juli lalu", "2024-07-21", "day"),
    ("Tender dibuka 5 Februari mendatang.", WED, "5 Februari mendatang", "2026-02-05", "day"),
    ("Konser digelar Minggu, 22 Juni mendatang.", WED, "Minggu, 22 Juni mendatang", "2025-06-22", "day"),
    ("Pelaku ditangkap 21 Maret lalu.", None, "21 Maret lalu", "XXXX-03-21", "day"),
    # clock times with the part of the day, in words, or with a meridiem marker
    ("Korban mual sekitar jam delapan malam.", WED, "jam delapan malam", "2025-06-18T20:00", "time"),
    ("Pasar buka pukul lima pagi.", WED, "pukul lima pagi", "2025-06-18T05:00", "time"),
    ("Acara dimulai pukul 8 PM waktu setempat.", WED, "pukul 8 PM", "2025-06-18T20:00", "time"),
    ("Pesawat mendarat 10.30 p.m. waktu setempat.", WED, "10.30 p.m.", "2025-06-18T22:30", "time"),
    ("Kapal tiba pukul 7 malam WIB.", WED, "pukul 7 malam WIB", "2025-06-18T19:00", "time"),
    # two-digit years: the century that puts them on or before the anchor's year
    ("Para korban tragedi '98 berkumpul.", WED, "'98", "1998", "year"),
    ("Alumni angkatan ’05 hadir.", WED, "’05", "2005", "year"),
    ("Ia lulus th. 98 dari kampus itu.", WED, "th. 98", "1998", "year"),
    ("Para korban tragedi '98 berkumpul.", None, "'98", "XX98", "year"),
    # `N unit ke depan` after `selama`: a period from now, a duration
    ("Ia menjabat selama lima tahun ke depan.", WED, "lima tahun", "P5Y", "duration"),
    # a month with `mendatang` written in that month is this month; `nanti` looks ahead too
    ("Hujan lebat terjadi hingga akhir Juni mendatang.", WED, "Juni mendatang", "2025-06", "month"),
    ("Mereka bertanding April nanti.", date(2025, 3, 25), "April nanti", "2025-04", "month"),
    ("Laga digelar Sabtu nanti.", WED, "Sabtu nanti", "2025-06-21", "day"),
    ("Harga naik dua tahun ke depan.", WED, "dua tahun ke depan", "2027", "year"),
    # a product of two numbers as a duration
    ("Polisi memberi waktu 3x24 jam.", WED, "3x24 jam", "PT72H", "duration"),
    ("Pertandingan berlangsung 2 x 45 menit.", WED, "2 x 45 menit", "PT90M", "duration"),
]


@pytest.mark.parametrize("text,anchor,needle,value,granularity", FROM_TEXT)
def test_counted_from_the_text(text, anchor, needle, value, granularity):
    m = one(text, anchor, needle)
    assert (m.text, m.value, m.granularity) == (needle, value, granularity)


@pytest.mark.parametrize("text", [
    "Petugas berjaga setiap malam hari.",  # a habit
    "Jalur itu gelap pada malam hari.",  # a part of the day alone: mostly a habit
    "Ia menjawab '12 orang' saat ditanya.",  # a number in scare quotes
    "Masa kampanye 14 hari itu dipangkas.",  # a count of days
    "Aturan delapan gelas per hari itu keliru.",  # a rate
    "Lihat Perda No. 5 th. 98 tentang pasar.",  # a regulation number
    "Lagu era '90-an diputar lagi.",  # a decade, not a year
])
def test_counted_not_a_date(text):
    assert [m for m in find_dates(text, WED) if m.granularity != "duration"] == []


# ------------------------------------------------------------------------------- weekdays and anchors

FRI = date(2025, 6, 20)  # a Friday


@pytest.mark.parametrize("text,anchor,event,value", [
    # published on a Friday: a bare weekday in a report is the latest such day on or before it
    ("Polisi menangkap pelaku pada Kamis.", FRI, False, "2025-06-19"),
    ("Polisi menangkap pelaku pada Jumat.", FRI, False, "2025-06-20"),
    ("Polisi menangkap pelaku pada Sabtu.", FRI, False, "2025-06-14"),
    # a plan looks ahead
    ("Menteri akan meninjau lokasi pada Senin.", FRI, False, "2025-06-23"),
    ("Rapat lanjutan dijadwalkan Kamis.", FRI, False, "2025-06-26"),
    # the anchor is a date the body states (the article appeared then or later): the nearest such day
    ("Ia dihubungi wartawan, Kamis.", WED, True, "2025-06-19"),
    ("Ia dihubungi wartawan, Senin.", WED, True, "2025-06-16"),
])
def test_weekday_against_its_anchor(text, anchor, event, value):
    ms = [m for m in find_dates(text, anchor, anchor_is_event=event) if m.kind == "weekday"]
    assert [m.value for m in ms] == [value]


def test_undated_text_takes_the_year_its_weekday_fits():
    text = "Toko dibuka sejak 15 Juni 2020. Webinar digelar Kamis (25/6). Kunjungan naik minggu ini."
    ref = reference_date(text, None)
    assert (ref.value, ref.source, ref.text) == ("2020-06-25", "body", "Kamis (25/6)")
    ms = find_dates(text, None)
    assert one(text, None, "Kamis (25/6)").value == "2020-06-25"
    assert [m.value for m in ms if m.text == "minggu ini"] == ["2020-W26"]


def test_undated_text_without_a_fitting_year_keeps_x():
    text = "Toko dibuka sejak 15 Juni 2021. Webinar digelar Kamis (25/6)."  # 25 June 2021 was a Friday
    assert one(text, None, "Kamis (25/6)").value == "XXXX-06-25"
    assert reference_date(text, None).value == "2021-06-15"


def test_holiday_with_a_year_anchors_an_undated_text():
    text = "Gereja dijaga selama Natal 2024. Gubernur meninjau gereja, Rabu."
    assert reference_date(text, None).value == "2024-12-25"


def test_speakers_deictic_day_is_not_the_narrations_event():
    # `kemarin` inside a quote counts from when the words were said; the reporter's clock time keeps the
    # anchor's day rather than the speaker's yesterday
    text = ('Warga menemukan karung di tepi sungai. "Kemarin karung itu belum ada," kata Sugi.\n'
            'Pantauan wartawan, pukul 10.30 WIB, petugas sudah datang.')
    assert one(text, WED, "pukul 10.30 WIB").value == "2025-06-18T10:30"
    narrated = 'Warga menemukan karung kemarin.\nPantauan wartawan, pukul 10.30 WIB, petugas sudah datang.'
    assert one(narrated, WED, "pukul 10.30 WIB").value == "2025-06-17T10:30"


def test_a_planned_date_does_not_date_an_undated_text():
    text = "Polisi menangkap dua pelaku pada 3 Maret 2025. Sidang akan digelar 20 April 2025."
    assert reference_date(text, None).value == "2025-03-03"


@pytest.mark.parametrize("text,anchor,value", [
    # `mendatang` a day after the date stamp: the text was written before it was stamped
    ("Toko itu akan dibuka pada 17 Juni mendatang.", WED, "2025-06-17"),
    ("Toko itu akan dibuka pada 2 Juni mendatang.", WED, "2026-06-02"),
    # `lalu` never reaches past the anchor
    ("Album itu rilis pada 20 Juni lalu.", WED, "2024-06-20"),
    # a range with a modifier, and `nanti`
    ("Turnamen digelar 16-18 Juli mendatang.", WED, "2025-07-16"),
    ("Pameran digelar 10-16 Juli lalu.", WED, "2024-07-10"),
    ("Sidang dilanjutkan 2 Juli nanti.", WED, "2025-07-02"),
    # a weekday that fits only a year away is a wrong weekday: the side of the anchor decides
    ("KPK menahan tersangka pada Kamis, 5 Februari.", WED, "2025-02-05"),
    # a weekday that fits within months picks the year
    ("Sidang digelar Senin (2/12).", date(2025, 1, 10), "2024-12-02"),
])
def test_year_less_day_near_its_anchor(text, anchor, value):
    ms = [m for m in find_dates(text, anchor) if m.granularity in ("day", "range")]
    assert [m.value.split("/")[0] for m in ms] == [value]
