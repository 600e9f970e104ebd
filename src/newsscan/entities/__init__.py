"""Entity post-processing: the NER's entities -> `Mention` records with one canonical name per entity.

- `scope`: the parts of a body that are no article text (dateline, credits, related headlines).
- `spans`: a mention's edges and label (edge words, head words, places inside names, stop list).
- `core`: the Doc -> mentions step, roles, canonical names and links in an article, and `merge_corpus`.
"""
from __future__ import annotations

from .core import (
    at_sentence_start,
    canonicalize,
    definitions,
    mentions_from_doc,
    merge_corpus,
    role_before,
    split_role,
    stoplist,
)

__all__ = ["at_sentence_start", "canonicalize", "definitions", "mentions_from_doc", "merge_corpus",
           "role_before", "split_role", "stoplist"]
