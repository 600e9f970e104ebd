"""Builds the spaCy pipeline newsscan runs: `pipeline(components, settings)` returns it, built once per
process and per components and table folders.

    >>> from newsscan.nlp import pipeline
    >>> [(e.text, e.label_) for e in pipeline()("Presiden Rusia Vladimir Putin tiba di Pyongyang.").ents]
    [('Rusia', 'LOC'), ('Vladimir Putin', 'PERSON'), ('Pyongyang', 'LOC')]

The pipeline is `spacy.blank("id")`'s tokenizer (it knows Indonesian abbreviations, units and `Rp`), the
shipped NER (`models/id_news_ner`, trained by `training/train.py`), then a gazetteer (`entity_ruler`,
patterns from `data/gazetteer.jsonl`) that adds the countries, institutions and news agencies the model
misses without overwriting what it found. Rule components (dates, quotes, claims) register a builder in
`COMPONENTS` and are named in `pipeline(components=...)`; `DEFAULT_COMPONENTS` is what `newsscan` runs.
The settings' table folders reach every component as its config (`{"tables": [...]}`) and the gazetteer as its
patterns, so two pipelines with different folders in one process give their own results.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .entities import stoplist
from .extensions import set_extensions
from .settings import Settings
from .tables import Folders, cache_per_folders, table

MODEL_NAME = "id_news_ner"


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


def _add_paragraphs(nlp: Language, folders: Folders, **where: str) -> None:
    nlp.add_pipe("newsscan_paragraphs", **where)


@cache_per_folders
def _clitics(folders: Folders) -> frozenset[str]:
    """Clitics written after a hyphen (`-nya`): the `clitic` rows of glue_pieces.tsv, which the glued-word
    splitter reads too."""
    return frozenset(r["word"] for r in table("glue_pieces.tsv", folders) if r["rule"] == "clitic")


def _name_tail(doc, i: int) -> bool:
    """A capitalised word right after a person's name, on the same line and starting no entity of its own, is
    the name's last part the model cut off (`Kim Jong` + `Un`); weekdays and months never are."""
    if i >= len(doc) or not doc[i - 1].whitespace_ or "\n" in doc[i - 1].whitespace_:
        return False
    tok = doc[i]
    return (tok.is_title and tok.is_alpha and len(tok) <= 12 and tok.ent_iob_ != "B"
            and not tok.is_sent_start and tok.lower_ not in stoplist()[0] and not _title_cased_line(doc, i))


def _title_cased_line(doc, i: int) -> bool:
    """A headline written in Title Case (`Kim Dari Korut Bertemu Putin`): capitals there mark no names."""
    start = end = i
    # a headline is short: look at most 25 tokens either way (a 10 MB one-line page stays linear)
    while start > max(0, i - 25) and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    while end < min(len(doc) - 1, i + 25) and "\n" not in doc[end].text_with_ws:
        end += 1
    words = [t for t in doc[start:end + 1] if t.is_alpha]
    return len(words) >= 3 and sum(t.is_title for t in words) / len(words) > 0.6


@Language.component("newsscan_hyphen_names", requires=["doc.ents"], assigns=["doc.ents"])
def join_hyphen_names(doc):
    """Repairs name boundaries: rejoins names the tokenizer split at a hyphen (it splits `Jong-un`,
    `Leif-Eric`, `Sung-wook`, which the NER data wrote as one token): an entity takes in a `-lowercase`
    continuation (not a clitic such as `-nya`), and two PERSON entities joined by a bare hyphen become one;
    a person's name takes in a capitalised last part the model left out (`_name_tail`)."""
    ents = list(doc.ents)
    if not ents:
        return doc
    out: list = []
    clitics = _clitics()
    for ent in ents:
        end = ent.end
        while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
               and not doc[end].whitespace_ and doc[end + 1].is_lower and doc[end + 1].is_alpha
               and doc[end + 1].lower_ not in clitics and doc[end + 1].ent_iob_ != "B"):
            end += 2
        if ent.label_ == "PERSON" and _name_tail(doc, end):
            end += 1
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


def _add_ner(nlp: Language, folders: Folders, **where: str) -> None:
    """The NER comes with the loaded model (see `pipeline`); it is only placed here when the base is blank."""
    if "ner" not in nlp.pipe_names:
        nlp.add_pipe("ner", source=spacy.load(model_path(), exclude=["tokenizer"]), **where)


def _add_hyphen_names(nlp: Language, folders: Folders, **where: str) -> None:
    nlp.add_pipe("newsscan_hyphen_names", **where)


def _add_gazetteer(nlp: Language, folders: Folders, **where: str) -> None:
    from .tables import gazetteer

    patterns = []
    for n, shared in gazetteer(folders):
        row = dict(shared)
        row.setdefault("id", f"gazetteer:{n}")  # marks the entity's source (Span._.source)
        patterns.append(row)
    # after the NER, overwrite_ents=False: the gazetteer fills gaps and never cuts a model entity
    ruler = nlp.add_pipe("entity_ruler", name="gazetteer", config={"overwrite_ents": False}, **where)
    ruler.add_patterns(patterns)


def _rule(factory: str) -> Callable[..., None]:
    def add(nlp: Language, folders: Folders, **where: str) -> None:
        from . import components  # noqa: F401  (registers the newsscan_* factories)

        nlp.add_pipe(factory, config={"tables": list(folders)}, **where)

    return add


# name -> builder that adds the component(s) to the pipeline, in the order of `components`
COMPONENTS: dict[str, Callable[..., None]] = {
    "paragraphs": _add_paragraphs,
    "ner": _add_ner,
    "hyphen_names": _add_hyphen_names,
    "gazetteer": _add_gazetteer,
    "entities": _rule("newsscan_entities"),
    "dates": _rule("newsscan_dates"),
    "quotes": _rule("newsscan_quotes"),
    "claims": _rule("newsscan_claims"),
}
NER_COMPONENTS: tuple[str, ...] = ("paragraphs", "ner", "hyphen_names", "gazetteer")
DEFAULT_COMPONENTS: tuple[str, ...] = NER_COMPONENTS + ("entities", "dates", "quotes", "claims")


MAX_RUN = 500  # characters without a space: longer than any word or web address of a news article
SUFFIX_WINDOW = 100  # characters: far longer than any suffix the tokenizer splits off (`km²`, `...`, `'s`)
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


class _TailSearch:
    """The tokenizer's suffix search, run on the last SUFFIX_WINDOW characters of a long string. spaCy calls
    it once per affix it strips, and a `$`-anchored search starts at every position: a run of 8,000 quote
    marks took 18 s. spaCy only reads the match's length, which the window does not change for any real
    suffix."""

    def __init__(self, search: Callable[[str], Any]):
        self.search = search

    def __call__(self, text: str):
        if len(text) <= SUFFIX_WINDOW:
            return self.search(text)
        return self.search(text, len(text) - SUFFIX_WINDOW)  # a lookbehind still sees the text before


class BoundedTokenizer:
    """spaCy's tokenizer, except that a run of more than MAX_RUN characters without a space (a base64 blob, a
    minified script, a line of quote marks) becomes tokens of MAX_RUN characters: the tokenizer copies the
    rest of a run for each affix it strips, so one run cost the square of its length, and each quote mark of
    it was a token for the NER. Text without such a run goes to the tokenizer unchanged; the Doc's text is
    always the
    input, character for character."""

    def __init__(self, tokenizer: Any):
        self.tokenizer = tokenizer
        if getattr(tokenizer, "suffix_search", None) is not None:
            tokenizer.suffix_search = _TailSearch(tokenizer.suffix_search)

    def __getattr__(self, name: str) -> Any:  # to_disk, memory_zone, explain … of the tokenizer itself
        return getattr(self.tokenizer, name)

    def __call__(self, text: str):
        if not _LONG_RUN.search(text):
            return self.tokenizer(text)
        docs, pos = [], 0
        for run in _LONG_RUN.finditer(text):
            if run.start() > pos:
                docs.append(self.tokenizer(text[pos : run.start()]))
            # no word stands in such a run: its pieces are tokens as they are (the NER's cost is per token)
            pieces = [text[i : min(i + MAX_RUN, run.end())] for i in range(run.start(), run.end(), MAX_RUN)]
            docs.append(Doc(self.tokenizer.vocab, words=pieces, spaces=[False] * len(pieces)))
            pos = run.end()
        if pos < len(text):
            docs.append(self.tokenizer(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)


def pipeline(components: tuple[str, ...] = DEFAULT_COMPONENTS, settings: Settings | None = None) -> Language:
    """The pipeline newsscan itself runs, with `components` in that order and the tables of `settings` (None:
    the packaged tables alone), built once per process, components and table folders: not to be changed by a
    caller (`newsscan.pipeline()` hands users a copy of their own).

    Raises `UnknownNameError` (a `KeyError`) naming the known components for an unknown name.
    """
    return _pipeline(tuple(components), (settings or Settings()).tables)


@functools.cache
def _pipeline(components: tuple[str, ...], folders: Folders) -> Language:
    # keyed by the folders alone: the other settings (limits, batch sizes) change no component
    return build_pipeline(components, Settings(tables=folders))


def build_pipeline(components: tuple[str, ...] = DEFAULT_COMPONENTS, settings: Settings | None = None,
                   ) -> Language:
    """A new pipeline with `components` in that order, shared with no one (`pipeline()` caches one); its
    components read the packaged tables with the user's in `settings.tables` laid over them."""
    folders = (settings or Settings()).tables
    unknown = [c for c in components if c not in COMPONENTS]
    if unknown:
        from .errors import UnknownNameError

        raise UnknownNameError(f"unknown component(s) {unknown}; known: {sorted(COMPONENTS)}")
    set_extensions()
    # Start from the shipped model when it is wanted: its tokenizer is the language default, so it is built
    # once from `spacy.lang.id` rather than loaded a second time from disk (that halves the start-up time).
    nlp = spacy.load(model_path(), exclude=["tokenizer"]) if "ner" in components else spacy.blank("id")
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    ner_at = components.index("ner") if "ner" in components else len(components)
    for i, name in enumerate(components):
        # components named before the NER go before it (paragraphs marks the sentence starts it respects)
        where = {"before": "ner"} if i < ner_at and "ner" in nlp.pipe_names else {}
        COMPONENTS[name](nlp, folders, **where)
    return nlp
