"""Indonesian word forms shared by claims, stories and the cross-outlet diff.

    lemma("mengatakan") == "kata"; is_verb("terbakar") is True; is_verb("pertemuan") is False

A small affix-stripping lemmatiser (rules in data/lemma_rules.tsv), the prefixes that mark a verb, the
per-/pe-/ke-…-an nominalisations that look prefixed but are nouns, and two word lists (data/base_verbs.tsv):
base verbs with no prefix and the lemmas of speech verbs. Consistency matters more than correctness: two
outlets' forms of one verb must meet at one key.
"""
from __future__ import annotations

import functools
import re

from .tables import Folders, cache_per_folders, folders_in_effect, table

WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
# meN-, di-, ber-, ter-, per- before a stem of three letters or more (Sneddon 2.3)
VERB_PREFIX = re.compile(r"^(?:me|di|ber|ter|mem|men|meng|meny|per)[a-z]{3,}$")
# per-/pe-/ke- … -an nouns (`perjalanan`, `pertemuan`, `kecelakaan`, `perawatan`) are not verbs
NOUN_FORM = re.compile(r"^(?:per|pe|ke)[a-z]{3,}an(?:nya)?$")


@cache_per_folders
def _word_kinds(folders: Folders) -> dict[str, frozenset[str]]:
    rows = table('base_verbs.tsv', folders)
    out: dict[str, set[str]] = {"base": set(), "speech": set(), "notverb": set(), "headline": set()}
    for r in rows:
        out[r["kind"]].add(r["word"].lower())
    return {k: frozenset(v) for k, v in out.items()}


def base_verbs() -> frozenset[str]:
    """Base verbs with no prefix that carry an event (`tiba`, `tewas`)."""
    return _word_kinds()["base"]


def headline_verbs() -> frozenset[str]:
    """Transitive verbs in the bare form headlines use (`Tangkap`, `Vonis`)."""
    return _word_kinds()["headline"]


def speech_lemmas() -> frozenset[str]:
    """Lemmas of speech verbs (`kata`, `ujar`, `ungkap`)."""
    return _word_kinds()["speech"]


@cache_per_folders
def _lemma_rules(folders: Folders) -> tuple[tuple[re.Pattern[str], str, str, int], ...]:
    rows = table('lemma_rules.tsv', folders)
    return tuple((re.compile(r["pattern"]), r["replacement"], r["kind"], int(r["min_stem"])) for r in rows)


def lemma(word: str) -> str:
    """A rough Indonesian lemma: particles, possessives, -kan/-an/-i and meN-/di-/ber-/ter- stripped.

    `mengatakan` -> `kata`, `bertemu` and `pertemuan` -> `temu`, `keterangannya` -> `terang`.
    """
    return _lemma(word, folders_in_effect())


@functools.lru_cache(maxsize=65536)
def _lemma(word: str, folders: Folders) -> str:
    # keyed by the folders too: a user's lemma_rules.tsv gives its own lemmas
    w = word.lower()
    if len(w) <= 4 or not w.isalpha():
        return w
    done: set[str] = set()  # one rule of each kind
    for pat, rep, kind, min_stem in _lemma_rules(folders):
        if kind in done:
            continue
        m = pat.fullmatch(w)
        if m:
            stem = m.expand(rep)
            if len(stem) >= min_stem:
                w = stem
                done.add(kind)
    return w


def is_nominalisation(word: str) -> bool:
    return bool(NOUN_FORM.match(word.lower()))


def looks_prefixed_verb(word: str) -> bool:
    """A verb by its form: a verb prefix, not a per-/ke-…-an noun and not a listed word that only looks
    prefixed (`terdakwa`, `terhadap`); stop words and units are the caller's."""
    w = word.lower()
    return bool(VERB_PREFIX.match(w)) and not NOUN_FORM.match(w) and w not in _word_kinds()["notverb"]


# a word of three letters or more written in lower case at least MIN_LOWER times, and at least RATIO times as
# often as capitalised inside a sentence, is a common word
MIN_LOWER = 3
RATIO = 5


@cache_per_folders
def _lowercase_words(folders: Folders) -> frozenset[str]:
    rows = table("word_counts.tsv", folders)
    return frozenset(
        r["word"]
        for r in rows
        if len(r["word"]) >= 3
        and int(r["word_lower"]) >= MIN_LOWER
        and int(r["word_lower"]) >= RATIO * int(r["word_capitalised"])
    )


def common_word(word: str) -> bool:
    """A word the language writes in lower case inside a sentence (`data/word_counts.tsv`, counted over news
    text): capitalised at a sentence start it is no name (`Sontak`, `Mayat`, `Kunjungan`)."""
    return word.casefold() in _lowercase_words()


@cache_per_folders
def weekday_names(folders: Folders) -> tuple[str, ...]:
    """The weekday names as a date writes them (`Senin` … `Minggu`), from `data/weekdays.tsv`."""
    return tuple(r["name"].capitalize() for r in table("weekdays.tsv", folders))


@cache_per_folders
def month_names(folders: Folders) -> tuple[str, ...]:
    """The month names as a date writes them (`Januari` … `Desember`), from `data/months.tsv`."""
    return tuple(r["name"].capitalize() for r in table("months.tsv", folders))
