"""The pipeline builder and its components."""
from __future__ import annotations

import pytest
import spacy

from newsscan.extensions import set_extensions
from newsscan.nlp import COMPONENTS, DEFAULT_COMPONENTS, join_hyphen_names, pipeline


def test_pipeline_is_built_once():
    assert pipeline() is pipeline()
    assert pipeline().pipe_names == [
        "newsscan_paragraphs",
        "ner",
        "newsscan_hyphen_names",
        "gazetteer",
        "newsscan_entities",
        "newsscan_dates",
        "newsscan_quotes",
        "newsscan_claims",
    ]
    assert pipeline(("ner",)).pipe_names == ["ner"]


def test_components_declare_a_consistent_order():
    problems = pipeline().analyze_pipes(pretty=False)["problems"]
    assert not any(problems.values())


def test_rule_components_fill_the_doc_extensions():
    doc = pipeline()('Kim Jong Un tiba di Rusia, Selasa (12/9/2023). "Ini kosmodrom baru kami," kata Putin.')
    assert [d.value for d in doc._.dates] == ["2023-09-12"]
    assert [q.text for q in doc._.quotes] == ["Ini kosmodrom baru kami"]
    assert any(m.canonical == "Kim Jong Un" for m in doc._.mentions)
    assert doc._.claims and all(doc.text[c.start : c.end] == c.text for c in doc._.claims)


def test_pipe_in_two_processes_gives_the_same_records():
    texts = [
        "Menlu Sugiono bertemu Sergei Lavrov di Moskow, Rabu (18/6/2025).",
        '"Kami siap," ujar Kapolri Listyo Sigit Prabowo kepada wartawan.',
    ] * 2
    nlp = pipeline()
    one = [(list(d._.mentions), list(d._.dates), list(d._.quotes)) for d in nlp.pipe(texts)]
    two = [(list(d._.mentions), list(d._.dates), list(d._.quotes)) for d in nlp.pipe(texts, n_process=2)]
    assert one == two and one[0][0]


def test_doc_with_records_round_trips_through_bytes():
    from spacy.tokens import Doc

    doc = pipeline()("Menlu Sugiono bertemu Sergei Lavrov di Moskow, Rabu (18/6/2025).")
    back = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert list(back._.dates) == list(doc._.dates) and list(back._.mentions) == list(doc._.mentions)


def test_pipeline_finds_people_places_organisations():
    doc = pipeline()("Presiden Rusia Vladimir Putin bertemu pejabat PBB di Pyongyang.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Vladimir Putin", "PERSON") in ents
    assert ("PBB", "ORG") in ents
    assert ("Pyongyang", "LOC") in ents


def test_unknown_component_is_named():
    with pytest.raises(KeyError, match="known"):
        pipeline(("ner", "nope"))
    assert set(DEFAULT_COMPONENTS) <= set(COMPONENTS)


def test_no_entity_across_paragraphs():
    doc = pipeline()("Membangun Aliansi\n\nProfesor Justin Hastings berkata.")
    assert all("\n" not in e.text for e in doc.ents)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Pemimpin Korea Utara Kim Jong-un tiba di Rusia.", "Kim Jong-un"),
        ("Analis Nam Sung-wook mengatakan itu.", "Nam Sung-wook"),
    ],
)
def test_hyphenated_names_stay_whole(text, name):
    nlp = spacy.blank("id")
    doc = nlp(text)
    start = text.index(name)
    doc.ents = [doc.char_span(start, start + len(name.split("-")[0]), label="PERSON")]
    doc = join_hyphen_names(doc)
    assert [e.text for e in doc.ents] == [name]


def test_gazetteer_alone():
    nlp = pipeline(("gazetteer",))
    doc = nlp("Pejabat Korut dan Kemlu bertemu di Dewan Keamanan PBB.")
    assert {e.text for e in doc.ents} >= {"Korut", "Kemlu", "Dewan Keamanan PBB"}
    assert all(e._.source == "gazetteer" for e in doc.ents)


def test_extensions_idempotent():
    set_extensions()
    set_extensions()
    doc = pipeline()("Menlu Sugiono bertemu Menteri Luar Negeri Rusia Sergei Lavrov di Moskow.")
    assert doc._.article is None
    assert any(m.canonical == "Sergei Lavrov" for m in doc._.mentions)


def test_pipe_in_two_processes():
    texts = ["Vladimir Putin tiba di Moskow.", "KPK memeriksa pejabat di Jakarta."] * 2
    nlp = pipeline()
    one = [[(e.text, e.label_) for e in d.ents] for d in nlp.pipe(texts)]
    two = [[(e.text, e.label_) for e in d.ents] for d in nlp.pipe(texts, n_process=2)]
    assert one == two


def test_public_pipeline_is_the_callers_own():
    """newsscan.pipeline() gives a pipeline with the library's components; changing it leaves the library's
    own pipeline as it was."""
    import newsscan

    mine = newsscan.pipeline()
    assert mine is not pipeline()
    assert mine.pipe_names == pipeline().pipe_names
    mine.remove_pipe("gazetteer")
    assert "gazetteer" in pipeline().pipe_names
