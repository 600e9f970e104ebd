"""Every Doc/Span extension newsscan sets, in one place.

Importing newsscan sets none: `set_extensions()` does, and `nlp.pipeline()` calls it. It is idempotent, so
rule components and tests may call it too. Extensions hold records or plain values, never other Docs.
"""
from __future__ import annotations

import dataclasses

import srsly
from spacy.tokens import Doc, Span

from . import records

# name -> default, for Doc extensions that components fill in
DOC_EXTENSIONS: dict[str, object] = {
    "article": None,  # the `Article` record the Doc was made from (set by the caller, when known)
    "mentions": None,  # tuple[Mention]: canonical entities (entities component)
    "reference_date": None,  # Evidence: the date relative expressions are resolved against (dates component)
    "dates": None,  # list[DateMention] (dates component)
    "quotes": None,  # list[Quote] (quotes component)
    "claims": None,  # list[Claim] (claims component)
}


def _span_source(span: Span) -> str:
    """Who found the entity: the ruler's patterns carry an `id` starting with `gazetteer`."""
    return "gazetteer" if span.ent_id_.startswith("gazetteer") else "model"


def _encode_record(obj, chain=None):
    """msgpack encoder for newsscan's records, so that Docs carrying them survive `Doc.to_bytes` and
    `nlp.pipe(n_process=N)`."""
    if dataclasses.is_dataclass(obj) and type(obj).__module__ == records.__name__:
        return {"__newsscan__": type(obj).__name__,
                "fields": [getattr(obj, f.name) for f in dataclasses.fields(obj)]}
    return obj if chain is None else chain(obj)


def _decode_record(obj, chain=None):
    if isinstance(obj, dict) and "__newsscan__" in obj:
        cls = getattr(records, obj["__newsscan__"])
        return cls(*(tuple(v) if isinstance(v, list) else v for v in obj["fields"]))
    return obj if chain is None else chain(obj)


def set_extensions() -> None:
    """Declares newsscan's extensions (and the msgpack codec for its records) once; calling it again
    changes nothing."""
    if "newsscan" not in srsly.msgpack_encoders.get_all():
        srsly.msgpack_encoders.register("newsscan", func=_encode_record)
        srsly.msgpack_decoders.register("newsscan", func=_decode_record)
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Span.has_extension("source"):
        Span.set_extension("source", getter=_span_source)
