"""The function words the quote readers match on their own (`data/quote_words.tsv`), by the part they play.

    >>> "bahwa" in word_set("complementiser")
    True

A reader asks for a kind (`word_set("relative")`, or `alt("call_verb")` inside a regular expression) rather
than writing the words in Python, so that a user's table (NEWSSCAN_TABLES) changes every reader alike.
"""
from __future__ import annotations

import re

from ..tables import Folders, cache_per_folders, words_by_kind

KINDS = (
    "relative", "alternative", "coordinator", "adding", "complementiser", "alias_lead", "alias_adverb",
    "call_verb", "name_verb", "alias_word", "reverse_alias", "initials_cue", "descriptor_stop",
    "acronym_joiner", "judge", "judge_panel", "role_copula", "not_a_speaker", "statement_noun",
    "demonstrative", "defined_name_joiner", "place_preposition", "name_joiner", "inner_preposition",
    "addressee", "agent", "interview", "interview_with", "source_preposition", "record_noun", "according",
    "written", "quoting", "quoted_thing", "medium_report", "document_cue", "document_via", "closing_lead",
    "first_time", "post_verb_plain", "directive_comp", "directive_verb", "describe_as",
)


@cache_per_folders
def _kinds(folders: Folders) -> tuple[dict[str, tuple[str, ...]], dict[str, frozenset[str]]]:
    """The words of each kind in the table's order, and as sets (the one cache of this module)."""
    out = words_by_kind("quote_words.tsv", KINDS, folders)
    return out, {k: frozenset(v) for k, v in out.items()}


def words(kind: str) -> tuple[str, ...]:
    """The words of a kind, in the table's order."""
    return _kinds()[0][kind]


def word_set(kind: str) -> frozenset[str]:
    return _kinds()[1][kind]


def word(kind: str) -> str:
    """The one word of a kind that names a cue (`according`: `menurut`)."""
    return words(kind)[0]


def alt(kind: str, sep: str = r"\s+") -> str:
    """A regular-expression alternation of the words of a kind, in the table's order; the spaces of a phrase
    match `sep`. Patterns built from it are compiled by `re`, whose own cache keeps them."""
    return "|".join(sep.join(re.escape(p) for p in w.split()) for w in words(kind))
