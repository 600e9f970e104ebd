"""Entity post-processing: the NER's entities -> `Mention` records with one canonical name per entity.

- `scope`: the parts of a body that are no article text (dateline, credits, related headlines).
- `spans`: a mention's edges and label (edge words, head words, places inside names).
- `lexicon`: the tables (stop list, roles, aliases, gazetteer); `roles`: titles and ranks around a name.
- `core`: the Doc -> mentions step and the canonical names of an article; `links`: short forms, initials,
  merged names and the evidence that a name is a person's; `corpus`: names across articles.
"""
from __future__ import annotations

from .core import at_sentence_start, canonicalize, definitions, mentions_from_doc
from .corpus import merge_corpus
from .lexicon import stoplist
from .roles import role_before, split_role

__all__ = ["at_sentence_start", "canonicalize", "definitions", "mentions_from_doc", "merge_corpus",
           "role_before", "split_role", "stoplist"]
