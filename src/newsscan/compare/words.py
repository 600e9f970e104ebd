"""Words of a claim: IDF-weighted bags and their likeness, tokens, word overlap in order, verb lemmas and the
names a sentence holds. Function words come from data/claim_stopwords.tsv, word forms from morphology.py."""
from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from ..claims import stopwords
from ..morphology import WORD, base_verbs, lemma, looks_prefixed_verb
from ..records import Claim
from ..tables import Folders, cache_per_folders, table, words_by_kind


def bag(text: str) -> Counter:
    stop = stopwords()
    return Counter(lemma(w) for w in WORD.findall(text) if w.lower() not in stop and len(w) > 1)


def likeness(a: Counter, b: Counter, idf: Mapping[str, float]) -> float:
    """IDF-weighted cosine of two word bags."""
    if not a or not b:
        return 0.0
    dot = sum(idf.get(w, 1.0) ** 2 for w in a.keys() & b.keys())
    na = math.sqrt(sum(idf.get(w, 1.0) ** 2 for w in a))
    nb = math.sqrt(sum(idf.get(w, 1.0) ** 2 for w in b))
    return dot / (na * nb)


def tokens(s: str) -> list[str]:
    return re.findall(r"\w+", (s or "").lower())


def token_overlap(a: str, b: str) -> float:
    """Words of the shorter text found, in order, in the other (difflib matching blocks)."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    m = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    return sum(bl.size for bl in m.get_matching_blocks()) / min(len(ta), len(tb))


def numbers(s: str) -> frozenset[str]:
    """The digit runs of a text (`5,3 persen` -> {5, 3}): two statements of one fact state the same ones."""
    return frozenset(t for t in tokens(s) if t.isdigit())


def same_person(a: str | None, b: str | None) -> bool:
    """Two speaker names of one person: the words of one are all in the other (`Hendra` / `Hendra Wijaya`)."""
    if not a or not b:
        return False
    ta, tb = set(tokens(a)), set(tokens(b))
    return bool(ta and tb) and (ta <= tb or tb <= ta)


def verb_lemmas(words: Sequence[str]) -> set[str]:
    """Lemmas of the verb-like words (prefixed or listed base verbs) among `words`."""
    out = set()
    for w in words:
        lw = w.lower()
        if lw in base_verbs() or (looks_prefixed_verb(lw) and lw not in stopwords()
                                 and lw not in unit_words()):
            out.add(lemma(lw))
    return out


# the kinds of compare_words.tsv (its header comment says what each is)
KINDS = (
    "event_noun", "event_determiner", "happen_verb", "change_word", "change_after_word", "clause_break",
    "container_lead", "container_prep", "container_article", "ground_prep", "ground_relation",
    "ground_article", "not_name_slot", "not_a_name", "venue_lead", "past_marker", "see_also", "approx",
    "approx_clock",
)


@cache_per_folders
def _compare_words(folders: Folders) -> dict[str, tuple[str, ...]]:
    return words_by_kind("compare_words.tsv", KINDS, folders)


def compare_words(kind: str, folders: Folders | None = None) -> tuple[str, ...]:
    """The words of a kind of compare_words.tsv, in the table's order."""
    return _compare_words(folders)[kind]


def word_alt(kind: str, folders: Folders | None = None, sep: str = r"\s+", either_case: bool = False) -> str:
    """A regular-expression alternation of the words of a kind, in the table's order; a phrase's spaces match
    `sep`; `either_case`: the first letter in either case (`[Dd]i`), the rest as written."""
    out = []
    for w in compare_words(kind, folders):
        pattern = sep.join(re.escape(p) for p in w.split(" "))
        if either_case:
            pattern = f"[{w[0].upper()}{w[0]}]" + pattern[len(re.escape(w[0])):]
        out.append(pattern)
    return "|".join(out)


@cache_per_folders
def hedge_rows(folders: Folders) -> tuple[tuple[str, str], ...]:
    return tuple(
        (r["marker"].lower(), r["category"]) for r in table('hedges.tsv', folders)
    )


def _names(c: Claim) -> set[str]:
    """Name words of a sentence: its entities and places, and capitalised words after its first word."""
    out = {t for n in c.subjects + c.places for t in tokens(n) if len(t) >= 3}
    words = WORD.findall(c.text)
    out.update(w.lower() for w in words[1:] if w[:1].isupper() and len(w) >= 3)
    return out - stopwords()


def other_names(a: Claim, b: Claim) -> bool:
    """Both sentences name someone or something and share no name: they speak of different things
    (`baterai … Kilat … 300 mAh` / `Pro 5 … 4.500 mAh`)."""
    na, nb = _names(a), _names(b)
    return bool(na and nb and not na & nb)


@cache_per_folders
def unit_words(folders: Folders) -> frozenset[str]:
    return frozenset(r["word"].lower() for r in table('units.tsv', folders))


def name_like(x: str, y: str) -> bool:
    a, b = set(tokens(x)), set(tokens(y))
    if a & b:
        return True
    return difflib.SequenceMatcher(None, x.lower(), y.lower()).ratio() >= 0.75


@cache_per_folders
def event_groups(folders: Folders) -> dict[str, str]:
    """Lemma -> event kind (data/event_words.tsv): `temu`, `sambut` -> meeting; `langsung` -> venue;
    `akses`, `baca` -> access."""
    return {r["lemma"].lower(): r["group"] for r in table('event_words.tsv', folders)}
