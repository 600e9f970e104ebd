"""Quantities, the lemmatiser and find_claims on small Indonesian fixtures."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsscan.claims import find_claims, split_sentences
from newsscan.morphology import lemma
from newsscan.quantities import compare, find_quantities, interval
from newsscan.records import DateMention, Quote


@pytest.mark.parametrize("text, value, unit, approx", [
    ("puluhan juta peluru artileri", 10_000_000, "peluru", "puluhan juta"),
    ("hampir 5 juta peluru", 5_000_000, "peluru", "below"),
    ("sekitar 380 orang WNI", 380, "orang", "about"),
    ("2,7 juta rekening", 2_700_000, "rekening", None),
    ("ada 2.654.318 keluarga", 2_654_318, "keluarga", None),
    ("Total sebanyak 14 truk yang terbakar", 14, "truk", None),
    ("kira-kira ada sekitar 35 unit", 35, "unit", "about"),
    ("divonis 9 tahun penjara", 9, "tahun penjara", None),
    ("subsider enam bulan kurungan", 6, "bulan kurungan", None),
    ("dua puluh lima orang", 25, "orang", None),
    ("denda Rp 500 juta", 500_000_000, "Rp", None),
    ("Sebanyak 14bus bekas", 14, "bus", None),
    ("lebih dari 18 bulan perang", 18, "bulan", "above"),
])
def test_quantity_parsed(text, value, unit, approx):
    (_, _, q), *_ = find_quantities(text)
    assert (q.value, q.unit, q.approx) == (value, unit, approx)


@pytest.mark.parametrize("text", [
    "pukul 14.40 WIB", "Selasa (12/3/2024)", "pada tahun 2019", "Pasal 3 ayat 2", "Rabu (13 September)",
    "korban H (32)", "nomor 32 PK/Pid.Sus/2020",
])
def test_not_a_quantity(text):
    assert find_quantities(text) == []


def test_offsets_point_into_text():
    text = "Sebanyak 11 unit mobil tangki beserta 65 personel dikerahkan."
    for a, b, q in find_quantities(text):
        assert text[a:b] == q.text


@pytest.mark.parametrize("a, b, verdict", [
    ("2.654.318 keluarga", "2,7 juta keluarga", "agree"),  # rounding is not a conflict
    ("14 bus", "sekitar 35 unit", "conflict"),
    ("3 bulan kurungan", "tiga bulan penjara", "conflict"),
    ("3 bulan kurungan", "3 bulan", "agree"),
    ("14 bus", "18 unit mobil", "unrelated"),
    ("sekitar 50 unit", "sekitar 55 unit", "agree"),
])
def test_quantity_compare(a, b, verdict):
    qa, qb = find_quantities(a)[0][2], find_quantities(b)[0][2]
    assert compare(qa, qb) == verdict


def test_interval_of_vague_count():
    q = find_quantities("puluhan juta peluru")[0][2]
    lo, hi = interval(q)
    assert lo == 10_000_000 and hi <= 100_000_000


@pytest.mark.parametrize("word, expected", [
    ("mengatakan", "kata"), ("bertemu", "temu"), ("pertemuan", "temu"), ("dicabut", "cabut"),
    ("mencabut", "cabut"), ("memastikan", "pasti"), ("menjelaskan", "jelas"), ("dikabulkan", "kabul"),
])
def test_lemma(word, expected):
    assert lemma(word) == expected


def test_sentences_keep_numbers_and_abbreviations():
    text = "Ada 2.654.318 keluarga belum terdaftar. Prof. Hastings berkata. Pukul 14.40 WIB api padam."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Ada 2.654.318 keluarga belum terdaftar.", "Prof. Hastings berkata.", "Pukul 14.40 WIB api padam."]


BODY = ("Sebanyak 14 truk sampah bekas terbakar di Pool Terminal Sukamaju, Selasa (12/3/2024).\n"
        "\"Total sebanyak 14 truk yang terbakar,\" ujar Hendra saat dikonfirmasi, Selasa (12/3/2024).\n"
        "Kim Jong-un diperkirakan akan bertemu Putin di Vladivostok.\n"
        "Moskow dan Pyongyang membantah transfer senjata.\n"
        "Cuaca cerah.")


def _claims():
    i = BODY.index("Selasa (12/3/2024)")
    j = BODY.index("Selasa (12/3/2024)", i + 1)
    dates = [DateMention(i, i + 18, "Selasa (12/3/2024)", "2024-03-12", "day", "absolute"),
             DateMention(j, j + 18, "Selasa (12/3/2024)", "2024-03-12", "day", "absolute")]
    q0 = BODY.index("Total")
    said = "Total sebanyak 14 truk yang terbakar"
    quotes = [Quote(q0, q0 + len(said), said, "direct", "Hendra Wijaya")]
    return find_claims(BODY, dates=dates, quotes=quotes)


def test_claim_kinds_and_fields():
    claims = _claims()
    first = claims[0]
    assert first.kind == "quantity" and first.quantities[0].value == 14
    assert "2024-03-12" in first.dates and first.predicate == "bakar"
    assert any("Pool Terminal Sukamaju" in p for p in first.places)
    attributed = [c for c in claims if c.kind == "attributed"]
    assert attributed and attributed[0].speaker == "Hendra Wijaya" and attributed[0].modality == "reported"
    circ = [c for c in claims if c.kind == "circumstance"]
    assert circ and circ[0].text == "ujar Hendra saat dikonfirmasi, Selasa (12/3/2024)"
    plan = next(c for c in claims if "Vladivostok" in c.text)
    assert plan.modality == "uncertain" and plan.places == ("Vladivostok",)
    denial = [c for c in claims if "membantah" in c.text]
    assert not denial or denial[0].polarity == "negative"
    assert not any(c.text == "Cuaca cerah." for c in claims)


def test_claim_offsets():
    for c in _claims():
        assert BODY[c.start:c.end] == c.text


def test_headline_claim():
    claims = find_claims("Kim tiba.", title="Kim Dari Korut Bertemu Putin Di Moskow, Washington Curiga")
    head = [c for c in claims if c.kind == "headline"]
    assert head and "Moskow" in head[0].places and head[0].predicate == "temu"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Ab.,\"“”0123456789 \nDdi juta sekitar")), max_size=200))
def test_find_claims_never_raises_and_offsets_hold(body):
    for c in find_claims(body):
        assert body[c.start:c.end] == c.text


def test_adversarial_line_is_fast():

    line = ("1.2.3.4 " * 20000) + ("di Aaa " * 20000)
    find_claims(line)


@pytest.mark.parametrize("text, n", [
    ("ujar Hendra, Rabu (13/3/2024).Baca juga: Gudang truk terbakar", 2),  # glued by the scraper
    ("metode Artificial Patch Reef&nbsp;(APR).&nbsp;Mereka berangkat pukul 11:00 WIT.", 2),
    ("Situs Liputan6.com melaporkan kejadian itu.", 1),  # a domain is not a sentence end
    ("Kapolres AKBP H. Darmo Sitepu tiba.", 1),
])
def test_split_sentences_scraper_glue(text, n):
    spans = split_sentences(text)
    assert len(spans) == n
    assert all(not text[a:b].startswith("&nbsp;") for a, b in spans)


def test_noun_forms_are_not_the_predicate():
    (c,) = find_claims("Dalam pelayaran kembali, sebuah kapal terbalik di perairan Tanjung Batu.")
    assert c.predicate == "balik"


def test_sentence_with_a_name_and_a_verb_is_a_statement_claim():
    (c,) = find_claims("Kecelakaan melibatkan mobil Wira Sakti abu-abu dengan truk Rajawali hijau.")
    assert c.kind == "statement"
    assert find_claims("Hal itu terus dilakukan sampai sekarang.") == []


@pytest.mark.parametrize("a, b, verdict", [
    ("sekitar 40 orang", "hampir 60 orang", "conflict"),  # approximations compare by interval
    ("sekitar 40 orang", "lebih dari 38 orang", "agree"),
    ("dua puluh lima orang", "25 orang", "agree"),  # numbers in words
])
def test_quantity_compare_by_interval(a, b, verdict):
    qa, qb = find_quantities(a)[0][2], find_quantities(b)[0][2]
    assert compare(qa, qb) == verdict


@pytest.mark.parametrize("a, b, verdict", [
    ("paling lama 5 tahun", "maksimal 7 tahun", "conflict"),  # limits are values, not ranges
    ("paling lama 5 tahun", "selama-lamanya 5 tahun", "agree"),
    ("paling lama 5 tahun", "paling singkat 7 tahun", "unrelated"),  # upper and lower limits
    ("minimal 10 orang", "minimal 12 orang", "unrelated"),  # a count estimate is not a rule
])
def test_limit_relation(a, b, verdict):
    from newsscan.quantities import limit_relation

    qa, qb = find_quantities(a)[0][2], find_quantities(b)[0][2]
    assert limit_relation(qa, qb) == verdict


def test_dateline_place_is_the_lead_sentences_place():
    body = ("BANDUNG, CONTOH.com - Petugas memadamkan kebakaran gudang kain semalam. "
            "Api membakar tiga gudang lain.")
    end = body.index("Petugas")
    lead, other = find_claims(body, dateline="Bandung", dateline_end=end)[:2]
    assert lead.places[:1] == ("Bandung",)
    assert "Bandung" not in other.places
    # without a dateline record the lead has no place of its own
    assert "Bandung" not in find_claims(body)[0].places


def test_dateline_place_is_not_where_a_speaker_spoke():
    body = ("BANDUNG, CONTOH.com - Kepala dinas mengatakan tiga gudang terbakar semalam.")
    end = body.index("Kepala")
    q = Quote(start=body.index("tiga"), end=len(body) - 1, text=body[body.index("tiga"):-1], kind="indirect",
              speaker="Kepala dinas")
    (lead,) = find_claims(body, quotes=[q], dateline="Bandung", dateline_end=end)
    assert lead.speaker and "Bandung" not in lead.places


@pytest.mark.parametrize("before, is_place", [
    ("Rapat digelar di kantor ", True),
    ("Berkas diantar ke gedung ", True),
    ("Ia membeli saham di ", False),
    ("Ia pernah bekerja di ", False),
])
def test_organisation_after_a_site_word_is_a_place(before, is_place):
    from newsscan.records import Mention

    body = before + "Badan Contoh Nasional pada Senin."
    org = "Badan Contoh Nasional"
    m = Mention(body.index(org), body.index(org) + len(org), org, "ORG", org)
    (c,) = find_claims(body, mentions=[m])
    assert (org in c.places) is is_place


@pytest.mark.parametrize("body, is_place", [
    ("Rapat digelar di Markas Besar Polisi Contoh pada Senin.", True),  # a site word opens the name
    ("Rapat digelar oleh Markas Besar Polisi Contoh pada Senin.", False),  # no locative before it
])
def test_organisation_named_by_its_premises_after_di_is_a_place(body, is_place):
    from newsscan.records import Mention

    org = "Markas Besar Polisi Contoh"
    m = Mention(body.index(org), body.index(org) + len(org), org, "ORG", org)
    (c,) = find_claims(body, mentions=[m])
    assert (org in c.places) is is_place
