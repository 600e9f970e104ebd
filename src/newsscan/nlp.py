"""Builds the spaCy pipeline newsscan runs: `pipeline()` returns it, built once per process.

    >>> from newsscan.nlp import pipeline
    >>> [(e.text, e.label_) for e in pipeline()("Presiden Rusia Vladimir Putin tiba di Pyongyang.").ents]
    [('Rusia', 'LOC'), ('Vladimir Putin', 'PERSON'), ('Pyongyang', 'LOC')]

The pipeline is `spacy.blank("id")`'s tokenizer (it knows Indonesian abbreviations, units and `Rp`), the
shipped NER (`models/id_news_ner`, trained by `training/train.py`), then a gazetteer (`entity_ruler`,
patterns from `data/gazetteer.jsonl`) that adds the countries, institutions and news agencies the model
misses without overwriting what it found. Rule components (dates, quotes, claims) register a builder in
`COMPONENTS` and are named in `pipeline(components=...)`; `DEFAULT_COMPONENTS` is what `newsscan` runs.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Span

from .extensions import set_extensions

MODEL_NAME = "id_news_ner"
GAZETTEER = "gazetteer.jsonl"


def model_path() -> Path:
    """The shipped NER pipeline's folder inside the installed package (no network, no spacy.load by name)."""
    return Path(str(resources.files("newsscan").joinpath("models", MODEL_NAME)))


@Language.component("newsscan_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc):
    """Marks the token after a line break as a sentence start, so that no entity runs across paragraphs
    (the NER never crosses a sentence start); other tokens are left unmarked."""
    for tok in doc[1:-1]:
        if "\n" in tok.text:
            tok.is_sent_start = True
            doc[tok.i + 1].is_sent_start = True
    return doc


def _add_paragraphs(nlp: Language) -> None:
    nlp.add_pipe("newsscan_paragraphs")


_CLITICS = {"nya", "ku", "mu", "lah", "kah", "pun"}


@Language.component("newsscan_hyphen_names", requires=["doc.ents"], assigns=["doc.ents"])
def join_hyphen_names(doc):
    """Rejoins names the tokenizer split at a hyphen (it splits `Jong-un`, `Leif-Eric`, `Sung-wook`, which
    the NER data wrote as one token): an entity takes in a `-lowercase` continuation (not a clitic such as
    `-nya`), and two PERSON entities joined by a bare hyphen become one."""
    ents = list(doc.ents)
    if not ents:
        return doc
    out: list = []
    for ent in ents:
        end = ent.end
        while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
               and not doc[end].whitespace_ and doc[end + 1].is_lower and doc[end + 1].is_alpha
               and doc[end + 1].lower_ not in _CLITICS and doc[end + 1].ent_iob_ != "B"):
            end += 2
        prev = out[-1] if out else None
        if (prev is not None and prev.label_ == ent.label_ == "PERSON" and ent.start == prev.end + 1
                and doc[prev.end].text == "-" and not doc[prev.end - 1].whitespace_
                and not doc[prev.end].whitespace_):
            out[-1] = Span(doc, prev.start, end, label="PERSON")
            continue
        if end != ent.end:
            span = Span(doc, ent.start, end, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)
        else:
            span = ent
        out.append(span)
    doc.ents = out
    return doc


def _add_ner(nlp: Language) -> None:
    nlp.add_pipe("ner", source=spacy.load(model_path()))


def _add_hyphen_names(nlp: Language) -> None:
    nlp.add_pipe("newsscan_hyphen_names")


def _add_gazetteer(nlp: Language) -> None:
    import json

    text = resources.files("newsscan").joinpath("data", GAZETTEER).read_text(encoding="utf-8")
    patterns = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            row.setdefault("id", f"gazetteer:{n}")  # marks the entity's source (Span._.source)
            patterns.append(row)
    # after the NER, overwrite_ents=False: the gazetteer fills gaps and never cuts a model entity
    ruler = nlp.add_pipe("entity_ruler", name="gazetteer", config={"overwrite_ents": False})
    ruler.add_patterns(patterns)


# name -> builder that adds the component(s) to the pipeline, in the order of `components`
COMPONENTS: dict[str, Callable[[Language], None]] = {
    "paragraphs": _add_paragraphs,
    "ner": _add_ner,
    "hyphen_names": _add_hyphen_names,
    "gazetteer": _add_gazetteer,
    # "dates": ..., "quotes": ..., "claims": ...  (rule components: see STYLE.md section 3)
}
DEFAULT_COMPONENTS: tuple[str, ...] = ("paragraphs", "ner", "hyphen_names", "gazetteer")


@functools.cache
def pipeline(components: tuple[str, ...] = DEFAULT_COMPONENTS) -> Language:
    """The pipeline with `components` in that order, built once per process and per `components`.

    Raises `KeyError` naming the known components for an unknown name.
    """
    unknown = [c for c in components if c not in COMPONENTS]
    if unknown:
        raise KeyError(f"unknown component(s) {unknown}; known: {sorted(COMPONENTS)}")
    set_extensions()
    nlp = spacy.blank("id")
    for name in components:
        COMPONENTS[name](nlp)
    return nlp
