"""Entity canonicalisation: plain functions over records, then the seeds through the shipped model."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsscan.entities import canonicalize, definitions, merge_corpus, split_role
from newsscan.records import Mention

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def mentions(body: str, *found: tuple[str, str]) -> list[Mention]:
    """Mentions of each (text, label) at every place the text occurs as written."""
    out, seen = [], set()
    for text, label in found:
        start = body.find(text)
        while start != -1:
            if start not in seen:
                out.append(Mention(start, start + len(text), text, label, text))
                seen.add(start)
            start = body.find(text, start + 1)
    return sorted(out, key=lambda m: m.start)


@pytest.mark.parametrize("text, role, name", [
    ("Presiden Rusia Vladimir Putin", "Presiden Rusia", "Vladimir Putin"),
    ("Menlu Sugiono", "Menlu", "Sugiono"),
    ("Prof Hastings", "Prof", "Hastings"),
    ("Kombes Pol. Ade Ary Syam", "Kombes Pol.", "Ade Ary Syam"),
    ("Justin Hastings, SIK, MH", None, "Justin Hastings"),
    ("Pak Thae Song", None, "Pak Thae Song"),  # a Korean name, not the honorific
    ("Vladimir Putin", None, "Vladimir Putin"),
])
def test_split_role(text, role, name):
    got_role, got_name, _ = split_role(text)
    assert (got_role, got_name) == (role, name)


def test_role_before_the_name_goes_into_role():
    body = "Hal itu dikatakan Menteri Pertahanan Korea Selatan Shin Wonsik kepada wartawan."
    (m,) = canonicalize(mentions(body, ("Shin Wonsik", "PERSON")), body)
    assert (m.canonical, m.role) == ("Shin Wonsik", "Menteri Pertahanan Korea Selatan")


def test_title_alone_is_not_a_mention():
    body = "Menlu mengatakan hal itu."
    assert canonicalize(mentions(body, ("Menlu", "PERSON")), body) == []


def test_surname_links_to_full_name():
    body = "Leif-Eric Easley mengatakan itu. Menurut Easley, Prof Easley benar."
    ms = canonicalize(mentions(body, ("Leif-Eric Easley", "PERSON"), ("Easley", "PERSON"),
                               ("Prof Easley", "PERSON")), body)
    assert {m.canonical for m in ms} == {"Leif-Eric Easley"}
    assert [m.source for m in ms] == ["model", "link", "link"]


def test_people_sharing_a_part_stay_apart():
    body = ("Kim Jong Un tiba. Kim disambut. Lami Kim, seorang profesor, berkata. "
            "Kim Jong Un lalu pergi dan Kim tersenyum.")
    ms = canonicalize(
        mentions(body, ("Kim Jong Un", "PERSON"), ("Lami Kim", "PERSON"), ("Kim", "PERSON")), body
    )
    by_start = {m.start: m.canonical for m in ms}
    assert by_start[body.index("Lami Kim")] == "Lami Kim"
    assert by_start[body.index("Kim disambut")] == "Kim Jong Un"
    assert by_start[body.rindex("Kim tersenyum")] == "Kim Jong Un"  # the most recently named Kim


def test_part_used_before_any_full_name_goes_to_the_most_often_named():
    body = "Kim berangkat. Lami Kim berkata. Kim Jong Un tiba. Kim Jong Un tersenyum. Kim pulang."
    ms = canonicalize(
        mentions(body, ("Kim Jong Un", "PERSON"), ("Lami Kim", "PERSON"), ("Kim", "PERSON")), body
    )
    assert ms[0].canonical == ms[-1].canonical == "Kim Jong Un"


def test_undecided_part_stays_as_written_for_the_corpus_to_resolve():
    # the part was in use before either full name and both are named once: the article cannot decide
    body = "Kim berangkat. Lami Kim berkata. Kim Jong Un tiba. Kim pulang."
    ms = canonicalize(
        mentions(body, ("Kim Jong Un", "PERSON"), ("Lami Kim", "PERSON"), ("Kim", "PERSON")), body
    )
    assert [m.canonical for m in ms if m.text == "Kim"] == ["Kim", "Kim"]


def test_spelling_variants_in_one_article_take_the_first_form():
    body = "Kim Jong-un tiba. Kim Jong Un pergi."
    ms = canonicalize(mentions(body, ("Kim Jong-un", "PERSON"), ("Kim Jong Un", "PERSON")), body)
    assert {m.canonical for m in ms} == {"Kim Jong-un"}


@pytest.mark.parametrize("alias, full, label", [
    ("Korut", "Korea Utara", "LOC"), ("AS", "Amerika Serikat", "LOC"), ("MA", "Mahkamah Agung", "ORG"),
])
def test_alias_links_to_the_full_form_the_article_writes(alias, full, label):
    body = f"Kabar dari {full} datang pagi ini. Pejabat {alias} lalu berbicara."
    ms = canonicalize(mentions(body, (full, label), (alias, label)), body)
    assert [m.canonical for m in ms] == [full, full]


@pytest.mark.parametrize("alias, label", [("Korut", "LOC"), ("MA", "ORG"), ("DPR", "ORG")])
def test_alias_alone_keeps_the_article_form(alias, label):
    # the table's full form is not written here: the article's own form is its canonical
    body = f"Kabar dari {alias} hari ini."
    (m,) = canonicalize(mentions(body, (alias, label)), body)
    assert m.canonical == alias


def test_alias_forms_of_one_body_share_the_longest_written_form():
    body = "Anggota DPR RI bertemu. Rapat DPR berakhir."
    ms = canonicalize(mentions(body, ("DPR RI", "ORG"), ("DPR", "ORG")), body)
    assert {m.canonical for m in ms} == {"DPR RI"}


def test_ri_is_indonesia_even_unwritten():
    body = "Diplomat RI itu pulang."
    (m,) = canonicalize(mentions(body, ("RI", "LOC")), body)
    assert m.canonical == "Indonesia"


def test_definition_in_the_article():
    body = "Komisi Pemberantasan Korupsi Daerah (KPKD) memeriksa. KPKD lalu menahan."
    ms = canonicalize(mentions(body, ("Komisi Pemberantasan Korupsi Daerah", "ORG")), body)
    assert definitions(body, ms) == {"KPKD": "Komisi Pemberantasan Korupsi Daerah"}
    assert [m.canonical for m in ms] == ["Komisi Pemberantasan Korupsi Daerah"] * 3


def test_merge_corpus_normalises_spelling():
    a = [Mention(0, 11, "Kim Jong-un", "PERSON", "Kim Jong-un")]
    b = [Mention(0, 11, "Kim Jong Un", "PERSON", "Kim Jong Un")]
    c = [Mention(0, 11, "Kim Jong Un", "PERSON", "Kim Jong Un"), Mention(20, 23, "Kim", "PERSON", "Kim")]
    d = [Mention(0, 8, "Lami Kim", "PERSON", "Lami Kim")]
    cmap = merge_corpus([a, b, c, d])
    assert cmap["Kim Jong-un"] == cmap["Kim Jong Un"] == "Kim Jong Un"
    assert cmap["Kim"] == "Kim Jong Un"  # the dominant holder of the part
    assert cmap["Lami Kim"] == "Lami Kim"


# ---------------------------------------------------------------- the seeds, through the shipped model

SEED_PEOPLE = [
    "Vladimir Putin", "Kim Jong Un", "Leif-Eric Easley", "Carl Schuster", "Joseph Dempsey", "Jake Sullivan",
    "Adrienne Watson", "John Kirby", "Sergei Shoigu", "Nam Sung-wook", "Justin Hastings", "Maria Zakharova",
    "Dmitry Peskov", "Antony Blinken", "Jens Stoltenberg", "Lami Kim", "Rachel Minyoung Lee", "Shin Wonsik",
]


@pytest.fixture(scope="session")
def seed_mentions():
    from newsscan.entities import mentions_from_doc
    from newsscan.nlp import pipeline

    nlp = pipeline()
    paths = sorted(SEEDS.glob("*.txt"))
    bodies = [p.read_text(encoding="utf-8") for p in paths]
    return {p.name: canonicalize(mentions_from_doc(doc), body)
            for p, body, doc in zip(paths, bodies, nlp.pipe(bodies), strict=True)}


@pytest.fixture(scope="session")
def seed_map(seed_mentions):
    return merge_corpus(list(seed_mentions.values()))


def _names(seed_mentions, seed_map, label):
    return {
        seed_map.get(m.canonical, m.canonical)
        for ms in seed_mentions.values()
        for m in ms
        if m.label == label
    }


@pytest.mark.parametrize("person", SEED_PEOPLE)
def test_seed_person(seed_mentions, seed_map, person):
    assert person in _names(seed_mentions, seed_map, "PERSON")


def test_seed_kim_jong_un_spellings_merge(seed_mentions, seed_map):
    forms = {m.canonical for ms in seed_mentions.values() for m in ms if "jong" in m.canonical.casefold()}
    assert "Kim Jong-un" in {m.text for m in seed_mentions["001_3be73e4ec580f4f8.txt"]}
    assert {seed_map[f] for f in forms if f.casefold().startswith("kim jong")} == {"Kim Jong Un"}


def test_seed_korut_is_korea_utara(seed_mentions, seed_map):
    korut = [m for ms in seed_mentions.values() for m in ms if m.text == "Korut"]
    assert korut and {seed_map.get(m.canonical, m.canonical) for m in korut} == {"Korea Utara"}


def test_seed_no_calendar_or_furniture_entities(seed_mentions):
    from newsscan.entities import stoplist

    never, _ = stoplist()
    texts = {m.text.casefold() for ms in seed_mentions.values() for m in ms}
    assert not texts & never
    assert not any(t.startswith(("baca juga", "iklan")) for t in texts)


# ---------------------------------------------------------------- scope, edges, labels, links (invented text)


def test_out_of_scope_dateline_credit_and_related_headline():
    from newsscan.entities.scope import out_of_scope

    body = ("BANDUNG--KABARKU: Warga Desa Sukamaju berkumpul. Baca juga: Polisi Tangkap Dua Pencuri di Garut "
            "Kepala desa lalu datang. \"Kami siap,\" kata dia. (Ant/KB-3)\nPewarta: Rina Sari Editor: Budi")
    spans = [body[s:e] for s, e in out_of_scope(body, dateline_end=len("BANDUNG--"))]
    assert spans[0] == "BANDUNG--KABARKU: "
    assert "Baca juga: Polisi Tangkap Dua Pencuri di Garut" in spans[1] and "Kepala" not in spans[1]
    assert spans[2].strip() == "(Ant/KB-3)"
    assert spans[3].startswith("Pewarta: Rina Sari")


def test_parenthesised_abbreviation_inside_a_sentence_is_no_credit():
    from newsscan.entities.scope import out_of_scope

    body = "Saham PT Maju Jaya Tbk. (MAJU) naik hari ini."
    assert out_of_scope(body) == []


@pytest.mark.parametrize("text, name", [
    ("Budi Santoso dituntut", "Budi Santoso"),
    ("kantor Polres Garut", "Polres Garut"),
    ("Kementerian Hukum dan HAM", "Kementerian Hukum dan HAM"),
    ("Toyota Avanza warna merah", "Toyota Avanza"),
    ("jalan tol", ""),
])
def test_trim_lower_edges(text, name):
    from newsscan.entities.spans import trim_lower

    s, e = trim_lower(text, 0, len(text))
    assert text[s:e] == name


@pytest.mark.parametrize("text, label", [
    ("Dusun Sukamaju", "LOC"), ("Jalan Merdeka", "LOC"), ("RS Harapan Kita", "LOC"), ("PT Maju Jaya", "ORG"),
    ("Polda Jawa Tengah", "ORG"), ("Pengadilan Negeri Bandung", "ORG"), ("Maju Jaya Tbk", "ORG"),
    ("UU Cipta Kerja", ""), ("Budi Santoso", None),
])
def test_head_label(text, label):
    from newsscan.entities.spans import head_label

    assert head_label(text) == label


def test_place_after_a_head_word_grows_into_the_name():
    from newsscan.entities.spans import extend_to_head

    body = "Sidang di Pengadilan Negeri Bandung ditunda."
    s0 = body.index("Bandung")
    s, e, label = extend_to_head(body, s0, s0 + len("Bandung"), [])
    assert (body[s:e], label) == ("Pengadilan Negeri Bandung", "ORG")


def test_role_words_before_a_place_stay_out_of_the_name():
    from newsscan.entities.spans import extend_to_head

    body = "Kata Kapolda Jawa Tengah kemarin."
    s0 = body.index("Jawa")
    assert extend_to_head(body, s0, s0 + len("Jawa Tengah"), [])[2] == ""


def test_generic_noun_before_a_place_is_set_aside():
    from newsscan.entities.spans import strip_generic

    body = "Pemerintah Malaysia menolak."
    assert body[strip_generic(body, 0, len("Pemerintah Malaysia")):] .startswith("Malaysia")


def test_short_form_of_an_organisation_links_to_its_full_name():
    body = "PT Bank Maju Sejahtera Tbk (BMS) rugi. Bank Maju Sejahtera lalu menutup cabang. BMS menolak."
    ms = canonicalize(mentions(body, ("PT Bank Maju Sejahtera Tbk", "ORG"), ("Bank Maju Sejahtera", "ORG"),
                               ("BMS", "ORG")), body)
    assert {m.canonical for m in ms} == {"PT Bank Maju Sejahtera Tbk"}


def test_parent_at_the_end_of_a_unit_name_stays_apart():
    body = "Badan Pengawas DPRD Kota menegur. DPRD Kota membela diri."
    ms = canonicalize(mentions(body, ("Badan Pengawas DPRD Kota", "ORG"), ("DPRD Kota", "ORG")), body)
    assert {m.canonical for m in ms} == {"Badan Pengawas DPRD Kota", "DPRD Kota"}


def test_initials_are_a_mention_of_the_person():
    body = "Saksi Andi Budi Cahyono hadir. ABC (Andi Budi Cahyono) mengaku menerima uang."
    ms = canonicalize(mentions(body, ("Andi Budi Cahyono", "PERSON"), ("ABC", "ORG")), body)
    abc = [m for m in ms if m.text == "ABC"]
    assert abc and {(m.label, m.canonical) for m in abc} == {("PERSON", "Andi Budi Cahyono")}


def test_name_tagged_as_organisation_is_a_person_where_the_article_says_so():
    body = "Sidang itu, Rudi Hartono hadir. Hakim menanyai Rudi Hartono. Rudi Hartono diam."
    found = mentions(body, ("Rudi Hartono", "ORG"))
    found[1] = dataclasses.replace(found[1], label="PERSON")  # the NER said PERSON once, ORG twice
    ms = canonicalize(found, body)
    assert {(m.label, m.canonical) for m in ms} == {("PERSON", "Rudi Hartono")}


def test_title_before_an_organisation_is_not_part_of_its_name():
    body = "Kata Chairman Maju Institute itu."
    ms = canonicalize(mentions(body, ("Chairman Maju Institute", "ORG")), body)
    assert [(m.text, m.label) for m in ms] == [("Maju Institute", "ORG")]


def test_merge_corpus_leaves_a_namesake_of_another_story_alone():
    a = [Mention(0, 11, "Andi Wijaya", "PERSON", "Andi Wijaya"), Mention(20, 23, "KPU", "ORG", "KPU")]
    b = [Mention(0, 11, "Andi Wijaya", "PERSON", "Andi Wijaya"), Mention(20, 23, "KPU", "ORG", "KPU")]
    c = [Mention(0, 6, "Wijaya", "PERSON", "Wijaya"), Mention(20, 26, "Polsek", "ORG", "Polsek Baru")]
    d = [Mention(0, 6, "Wijaya", "PERSON", "Wijaya"), Mention(20, 23, "KPU", "ORG", "KPU")]
    assert merge_corpus([a, b, c])["Wijaya"] == "Wijaya"
    assert merge_corpus([a, b, d])["Wijaya"] == "Andi Wijaya"


def test_mention_from_doc_drops_a_common_word_at_a_sentence_start():
    import spacy
    from spacy.tokens import Span

    from newsscan.entities import mentions_from_doc

    nlp = spacy.blank("id")
    doc = nlp("Mayat itu ditemukan. Polisi memeriksa mayat di Jalan Merdeka.")
    doc.ents = [Span(doc, 0, 1, label="PERSON"), Span(doc, 8, 10, label="PERSON")]
    assert [(m.text, m.label) for m in mentions_from_doc(doc)] == [("Jalan Merdeka", "LOC")]


def _doc_with(text: str, *spans: tuple[str, str]):
    import spacy
    from spacy.tokens import Span

    doc = spacy.blank("id")(text)
    ents = []
    for words, label in spans:
        start = text.index(words)
        ents.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = [e for e in ents if isinstance(e, Span)]
    return doc


def test_person_after_a_place_preposition_is_a_place():
    from newsscan.entities import mentions_from_doc

    doc = _doc_with("Rombongan itu tiba di Canberra pada malam hari.", ("Canberra", "PERSON"))
    assert [(m.text, m.label) for m in mentions_from_doc(doc)] == [("Canberra", "LOC")]


def test_epithet_and_event_are_no_entities():
    from newsscan.entities import mentions_from_doc

    doc = _doc_with("Investor kembali ke Tanah Air untuk Jakarta Fintech Expo tahun ini.",
                    ("Tanah Air", "LOC"), ("Jakarta Fintech Expo", "ORG"))
    assert mentions_from_doc(doc) == []


def test_initial_before_a_name_and_numeral_after_a_dropped_word():
    from newsscan.entities import mentions_from_doc

    doc = _doc_with("Ketua panitia M. Rudi Hartono hadir bersama Teradu II Sinta Dewi.",
                    ("Rudi Hartono", "PERSON"), ("Teradu II Sinta Dewi", "PERSON"))
    assert [m.text for m in mentions_from_doc(doc)] == ["M. Rudi Hartono", "Sinta Dewi"]


def test_body_run_into_a_persons_name_is_split():
    body = "Komisi Maju Rudi Hartono datang. Komisi Maju menolak, kata Rudi kemudian."
    ms = canonicalize(mentions(body, ("Komisi Maju Rudi Hartono", "ORG"), ("Komisi Maju", "ORG"),
                               ("Rudi", "PERSON")), body)
    assert {(m.text, m.label) for m in ms} >= {("Komisi Maju", "ORG"), ("Rudi Hartono", "PERSON")}


def test_name_going_on_after_a_particle_and_a_numeral():
    from newsscan.entities import mentions_from_doc

    doc = _doc_with("Berkas dikirim ke Kementerian Sosial dan HAM lalu dibahas Komisi VI kemarin.",
                    ("Kementerian Sosial dan", "ORG"), ("Komisi", "ORG"))
    assert [m.text for m in mentions_from_doc(doc)] == ["Kementerian Sosial dan HAM", "Komisi VI"]


def test_title_stops_a_name_growing_left():
    from newsscan.entities.roles import _is_title_word
    from newsscan.entities.spans import extend_to_head

    body = "Pemilihan Deputi Gubernur Bank Sentral kemarin."
    s0 = body.index("Sentral")
    s, e, label = extend_to_head(body, s0, s0 + len("Sentral"), [], _is_title_word)
    assert (body[s:e], label) == ("Bank Sentral", "ORG")


def test_place_with_and_without_its_administrative_head_is_one_place():
    body = "Banjir melanda Kota Sukamaju. Warga Sukamaju mengungsi ke Stasiun Sukajaya dekat Sukajaya."
    ms = canonicalize(
        mentions(
            body,
            ("Kota Sukamaju", "LOC"),
            ("Sukamaju", "LOC"),
            ("Stasiun Sukajaya", "LOC"),
            ("Sukajaya", "LOC"),
        ),
        body,
    )
    by_text = {m.text: m.canonical for m in ms}
    assert by_text["Sukamaju"] == "Kota Sukamaju"
    assert by_text["Sukajaya"] == "Sukajaya"  # a station is not the town


def test_rank_alone_after_a_role_is_no_person():
    body = "Hal itu disampaikan Kabid Humas Polda Maju Kombes Pol. Rudi Hartono."
    ms = canonicalize(mentions(body, ("Rudi Hartono", "PERSON")), body)
    assert [m.text for m in ms if m.label == "PERSON"] == ["Rudi Hartono"]


def test_person_a_place_or_school_is_named_after_grows_into_its_name():
    from newsscan.entities import mentions_from_doc

    doc = _doc_with("Dosen Universitas Jenderal Sudarsono hadir. Sekretaris Kabinet Rudi Hartono datang.",
                    ("Sudarsono", "PERSON"), ("Rudi Hartono", "PERSON"))
    assert [(m.text, m.label) for m in mentions_from_doc(doc)] == [
        ("Universitas Jenderal Sudarsono", "ORG"), ("Rudi Hartono", "PERSON")]


def test_common_words_after_a_title_are_its_scope_not_a_name():
    body = "Kata Direktur Pemberitaan Garuda TV kepada wartawan."
    ms = canonicalize(mentions(body, ("Direktur Pemberitaan Garuda TV", "PERSON")), body)
    assert [(m.text, m.label) for m in ms] == [("Garuda TV", "ORG")]


@pytest.mark.parametrize("body, name", [
    ("Budi mengaku lelah. Kemarin Budi Hartono pulang.", "Budi Hartono"),  # called by the first name
    ('"Kami siap," ujar Sutarmin kepada wartawan.', "Sutarmin"),  # speech verb before the speaker
    ("Hal itu dibenarkan Pak Sutarmin kemarin.", "Sutarmin"),  # an honorific
])
def test_name_the_ner_calls_an_organisation_is_a_person_by_the_articles_evidence(body, name):
    found = mentions(body, (name, "ORG"))
    if name == "Budi Hartono":
        found += mentions(body, ("Budi", "PERSON"))[:1]
    ms = canonicalize(sorted(found, key=lambda m: m.start), body)
    assert {m.label for m in ms if m.text == name} == {"PERSON"}


@pytest.mark.parametrize("full, short", [
    ("Kedutaan Besar Finlandia", "Kedubes Finlandia"),
    ("Lembaga Pemasyarakatan Sukamiskin", "LP Sukamiskin"),
    ("Rumah Sakit Mitra Jaya", "RSMJ"),
])
def test_clipped_or_initialled_name_links_to_the_long_form(full, short):
    body = f"Petugas {full} datang. Lalu petugas {short} pergi."
    ms = canonicalize(mentions(body, (full, "ORG"), (short, "ORG")), body)
    assert {m.canonical for m in ms} == {full}


def test_places_sharing_a_last_word_stay_apart():
    body = "Banjir di Jawa Barat dan Nusa Tenggara Barat."
    ms = canonicalize(mentions(body, ("Jawa Barat", "LOC"), ("Nusa Tenggara Barat", "LOC")), body)
    assert {m.canonical for m in ms} == {"Jawa Barat", "Nusa Tenggara Barat"}


def test_numeral_after_a_formula_word_is_no_initial():
    from newsscan.entities import mentions_from_doc

    doc = _doc_with("Sanksi dijatuhkan kepada Teradu I Sinta Dewi kemarin.", ("Sinta Dewi", "PERSON"))
    assert [m.text for m in mentions_from_doc(doc)] == ["Sinta Dewi"]


def test_unit_name_with_a_slash_is_one_name():
    from newsscan.entities import mentions_from_doc

    doc = _doc_with("Prajurit Kodam IV/Sukamaju dikirim.", ("Kodam IV", "ORG"))
    assert [m.text for m in mentions_from_doc(doc)] == ["Kodam IV/Sukamaju"]


def test_person_with_an_initial_split_from_a_known_body():
    body = "Deputi BI Rina S Wibowo hadir. Rina menolak berkomentar."
    ms = canonicalize(mentions(body, ("BI Rina S Wibowo", "ORG"), ("Rina", "PERSON")), body)
    assert ("Rina S Wibowo", "PERSON") in {(m.text, m.label) for m in ms}


def test_rank_inside_a_body_mention_opens_a_persons_name():
    body = "Hal itu dikatakan Kapendam Kolonel Inf Rudi Hartono kemarin. Direktorat Jenderal Pajak menolak."
    ms = canonicalize(mentions(body, ("Kapendam Kolonel Inf Rudi Hartono", "ORG"),
                               ("Direktorat Jenderal Pajak", "ORG")), body)
    assert {(m.text, m.label) for m in ms} == {
        ("Rudi Hartono", "PERSON"),
        ("Direktorat Jenderal Pajak", "ORG"),
    }


def test_rank_closing_a_body_mention_is_the_next_persons():
    body = "Kata Kanit Polsek Sukamaju AKP Darto di lokasi. Polsek Sukamaju AKBP menolak."
    ms = canonicalize(mentions(body, ("Polsek Sukamaju AKP", "ORG"), ("Darto", "PERSON"),
                               ("Polsek Sukamaju AKBP", "ORG")), body)
    got = {(m.text, m.label) for m in ms}
    assert ("Polsek Sukamaju", "ORG") in got and ("Darto", "PERSON") in got
    assert ("Polsek Sukamaju AKBP", "ORG") in got  # no name follows: nothing to give the rank to


def test_head_word_of_a_body_stands_in_no_persons_name():
    from newsscan.entities import mentions_from_doc

    doc = _doc_with("Anggota Satgas Polda Sukamaju berjaga.", ("Satgas Polda Sukamaju", "PERSON"))
    assert [(m.text, m.label) for m in mentions_from_doc(doc)] == [("Satgas Polda Sukamaju", "ORG")]


def test_stock_code_after_a_company_name_is_its_mention():
    body = "Saham PT Bank Sinar Harapan Tbk. (BBSH) naik. BBSH lalu ditutup."
    ms = canonicalize(mentions(body, ("PT Bank Sinar Harapan Tbk", "ORG"), ("BBSH", "ORG")), body)
    assert {m.canonical for m in ms} == {"PT Bank Sinar Harapan Tbk"}


def test_legal_form_in_parentheses_is_part_of_the_company_name():
    from newsscan.entities import mentions_from_doc

    doc = _doc_with("Saham PT Bank Sinar (Persero) Tbk naik.", ("PT Bank Sinar", "ORG"), ("Persero", "ORG"))
    assert [m.text for m in mentions_from_doc(doc)] == ["PT Bank Sinar (Persero) Tbk"]


def test_body_name_goes_on_past_dan_but_not_into_a_person():
    from newsscan.entities import mentions_from_doc

    doc = _doc_with("Pejabat Dinas Pertanian dan Perkebunan hadir.", ("Dinas Pertanian", "ORG"))
    assert [m.text for m in mentions_from_doc(doc)] == ["Dinas Pertanian dan Perkebunan"]
    doc = _doc_with("Pejabat Dinas Pertanian dan Sugiharto hadir.", ("Dinas Pertanian", "ORG"),
                    ("Sugiharto", "PERSON"))
    assert [m.text for m in mentions_from_doc(doc)] == ["Dinas Pertanian", "Sugiharto"]


@pytest.mark.parametrize(
    "text, ner, expected",
    [
        # the NER found only the company's last words: the capitalised words before them are its name
        (
            "Saham milik Sentosa Raya Holdings Group Inc naik tajam.",
            "Group Inc",
            "Sentosa Raya Holdings Group Inc",
        ),
        ("Bank itu dimiliki oleh KLMN Bank Ltd sejak lama.", "Bank Ltd", "KLMN Bank Ltd"),
        # a title before the name and a sentence opening are no part of it
        ("Kata Direktur Sentosa Group Inc kemarin, laba naik.", "Group Inc", "Sentosa Group Inc"),
        ("Laba naik. Sentosa Group Inc mencatat laba.", "Group Inc", "Group Inc"),
    ],
)
def test_company_name_before_its_legal_form(text, ner, expected):
    from newsscan.entities import mentions_from_doc

    doc = _doc_with(text, (ner, "ORG"))
    assert [m.text for m in mentions_from_doc(doc)] == [expected]


def test_nickname_links_to_the_full_name_the_article_writes():
    body = "Presiden Joko Widodo meresmikan bendungan. Jokowi lalu berpidato."
    ms = canonicalize(mentions(body, ("Joko Widodo", "PERSON"), ("Jokowi", "PERSON")), body)
    assert {m.text: m.canonical for m in ms}["Jokowi"] == "Joko Widodo"
    alone = "Jokowi lalu berpidato di depan warga."
    assert [m.canonical for m in canonicalize(mentions(alone, ("Jokowi", "PERSON")), alone)] == ["Jokowi"]


def test_clipped_title_before_a_first_name():
    body = ("Gubernur Jawa Barat Dedi Kurniawan meninjau banjir. Gubjab Dedi meminta warga waspada. "
            "Rina Dewi dan Sari Dedi datang kemudian.")
    ms = canonicalize(mentions(body, ("Dedi Kurniawan", "PERSON"), ("Gubjab Dedi", "PERSON"),
                               ("Rina Dewi", "PERSON"), ("Sari Dedi", "PERSON")), body)
    by_start = {m.start: m for m in ms}
    clipped = by_start[body.index("Dedi meminta")]
    assert (clipped.text, clipped.canonical, clipped.role) == ("Dedi", "Dedi Kurniawan", "Gubjab")
    # a given name before the same word clips no role of the article: another person
    assert by_start[body.index("Sari Dedi")].canonical == "Sari Dedi"


def test_name_defined_by_its_initials_is_one_mention():
    body = ("Riset itu dibiayai Lembaga Riset dan Pengembangan Teknologi (LRPT) sejak 2020. "
            "Kepala LRPT menyebut dana naik.")
    found = mentions(body, ("Lembaga Riset", "ORG"), ("Pengembangan Teknologi", "PERSON"), ("LRPT", "PERSON"))
    ms = canonicalize(found, body)
    names = {(m.text, m.label, m.canonical) for m in ms}
    full = "Lembaga Riset dan Pengembangan Teknologi"
    assert (full, "ORG", full) in names
    assert {(m.label, m.canonical) for m in ms if m.text == "LRPT"} == {("ORG", full)}
    assert not any(m.text in ("Lembaga Riset", "Pengembangan Teknologi") for m in ms)


def test_initials_that_do_not_spell_the_words_define_nothing():
    body = "Dana itu dari Lembaga Riset Nasional (LPPM) tahun lalu."
    ms = canonicalize(mentions(body, ("Riset Nasional", "ORG")), body)
    assert [m.text for m in ms if m.label == "ORG"][:1] == ["Riset Nasional"]


def test_name_after_a_title_and_a_comma_is_a_person():
    body = "Dana itu cair, kata Direktur Utama Bank Sentosa, Hartawan, di kantornya."
    ms = canonicalize(mentions(body, ("Bank Sentosa", "ORG"), ("Hartawan", "LOC")), body)
    assert {m.text: m.label for m in ms}["Hartawan"] == "PERSON"
    plain = "Dana itu cair di kota Sentosa, Hartawan, dan sekitarnya."
    ms = canonicalize(mentions(plain, ("Hartawan", "LOC")), plain)
    assert {m.text: m.label for m in ms}["Hartawan"] == "LOC"


def test_last_field_of_a_title_is_no_part_of_the_name():
    body = "Hal itu disampaikan Menteri Koordinator Ekonomi dan Kemaritiman Hartawan Saleh di Jakarta."
    ms = canonicalize(mentions(body, ("Kemaritiman Hartawan Saleh", "PERSON")), body)
    person = next(m for m in ms if m.label == "PERSON")
    assert (person.text, person.canonical) == ("Hartawan Saleh", "Hartawan Saleh")
    # `dan` between two people leaves both names whole
    pair = "Pertemuan itu dihadiri Budi Santoso dan Rina Dewi Lestari kemarin."
    ms = canonicalize(mentions(pair, ("Budi Santoso", "PERSON"), ("Rina Dewi Lestari", "PERSON")), pair)
    assert "Rina Dewi Lestari" in {m.canonical for m in ms}


@pytest.mark.parametrize("first, other, same", [
    ("Muhammad Hartawan", "M Hartawan", True),  # an initial
    ("Dewi Rosalina Putri", "Dewi Rosa Putri", True),  # a clipped given name
    ("Sri Rahayu Lestari", "Sri Rahayu Lestary", True),  # a spelling variant of the surname
    ("Kim Jong Un", "Lami Kim", False),  # people who share a part stay apart
    ("Budi Hartawan", "Bambang Hartawan", False),  # one family name, two given names
])
def test_one_person_spelt_two_ways(first, other, same):
    body = f"{first} datang pagi itu. Beberapa jam kemudian {other} pulang."
    ms = canonicalize(mentions(body, (first, "PERSON"), (other, "PERSON")), body)
    canon = {m.text: m.canonical for m in ms}
    assert (canon[other] == first) is same


def test_a_known_organisation_keeps_its_label_where_the_model_read_a_person():
    from newsscan.entities.core import _vote_labels
    from newsscan.records import Mention

    body = "Rencana itu, demikian menurut Yonhap, belum pasti."
    at = body.index("Yonhap")
    model = Mention(at, at + 6, "Yonhap", "PERSON", "Yonhap", None, "model")
    assert [m.label for m in _vote_labels([model], body)] == ["ORG"]
    unknown = Mention(at, at + 6, "Sutrisno", "PERSON", "Sutrisno", None, "model")
    assert [m.label for m in _vote_labels([unknown], body)] == ["PERSON"]
