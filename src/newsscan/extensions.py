"""Every Doc/Span extension newsscan sets, in one place.

Importing newsscan sets none: `set_extensions()` does, and `nlp.pipeline()` calls it. It is idempotent, so
rule components and tests may call it too. Extensions hold records or plain values, never other Docs.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

# name -> default, for Doc extensions that components fill in
DOC_EXTENSIONS: dict[str, object] = {
    "article": None,  # the `Article` record the Doc was made from (set by the caller, when known)
    "dates": None,  # list[DateMention] (dates component)
    "quotes": None,  # list[Quote] (quotes component)
    "claims": None,  # list[Claim] (claims component)
}


def _mentions(doc: Doc):
    from .entities import canonicalize, mentions_from_doc

    return canonicalize(mentions_from_doc(doc), doc.text)


def _span_source(span: Span) -> str:
    """Who found the entity: the ruler's patterns carry an `id` starting with `gazetteer`."""
    return "gazetteer" if span.ent_id_.startswith("gazetteer") else "model"


def set_extensions() -> None:
    """Declares newsscan's extensions once; calling it again changes nothing."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("mentions"):
        # list[Mention]: canonical entities of the Doc (titles stripped, surnames linked), computed on access
        Doc.set_extension("mentions", getter=_mentions)
    if not Span.has_extension("source"):
        Span.set_extension("source", getter=_span_source)
