"""The pipeline builder and its components."""
from __future__ import annotations

import pytest
import spacy

from newsscan.extensions import set_extensions
from newsscan.nlp import COMPONENTS, DEFAULT_COMPONENTS, join_hyphen_names, pipeline


def test_pipeline_is_built_once():
    assert pipeline() is pipeline()
    assert pipeline().pipe_names == ["newsscan_paragraphs", "ner", "newsscan_hyphen_names", "gazetteer"]


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


@pytest.mark.parametrize("text, name", [
    ("Pemimpin Korea Utara Kim Jong-un tiba di Rusia.", "Kim Jong-un"),
    ("Analis Nam Sung-wook mengatakan itu.", "Nam Sung-wook"),
])
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
