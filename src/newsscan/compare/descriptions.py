"""Descriptions that cannot both hold of the story's thing: what it was in (a sack, a bag, a box) and what
ground it lay on or in (a pavement, a drain, a river), from data/descriptions.tsv.

The story's things are the words two or more titles share that the bodies also write in lower case (`mayat` in
three headlines about a body). Per article, the first container (`dalam karung`, `ke dalam tas`) and the first
ground (`di trotoar`, `di dalam saluran air`) within a few words after such a thing (or, for the ground, after
its container) are its description. Two articles conflict when their descriptions are of two kinds and one of
them never writes the other's kind in such a frame (an article that names both, `dalam karung besar atau tas
besar`, still gives its own first).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..claims import split_sentences, stopwords
from ..morphology import WORD, looks_prefixed_verb
from ..records import Claim
from ..tables import Folders, cache_per_folders, table
from .records import Art, span_claim
from .words import word_alt


@dataclass(frozen=True, slots=True)
class Description:
    slot: str  # container | ground
    value: str  # the kind (`sack`, `drain`)
    word: str  # as written (`karung`, `saluran`)
    start: int  # the sentence in the body
    end: int


@cache_per_folders
def _words(folders: Folders) -> dict[str, tuple[str, str]]:
    rows = table('descriptions.tsv', folders)
    return {r["word"].lower(): (r["slot"], r["value"]) for r in rows}


@cache_per_folders
def _frames(folders: Folders) -> dict[str, re.Pattern[str]]:
    """Per slot the frame before the word: `dalam` / `ke dalam` (container), `di` / `di dalam` (ground)."""
    alts = {slot: "|".join(sorted((re.escape(w) for w, (s, _) in _words(folders).items() if s == slot),
                                  key=len, reverse=True)) for slot in ("container", "ground")}
    def w(kind: str, either_case: bool = False) -> str:
        return word_alt(kind, folders, either_case=either_case)

    return {
        "container": re.compile(
            rf"\b(?:(?:{w('container_lead', True)})\s+)?(?:{w('container_prep', True)})\s+"
            rf"(?:(?:{w('container_article')})\s+)?({alts['container']})\b"
        ),
        "ground": re.compile(
            rf"\b(?:{w('ground_prep', True)})\s+(?:(?:{w('ground_relation')})\s+)?"
            rf"(?:(?:{w('ground_article')})\s+)?({alts['ground']})\b"
        ),
    }


def story_things(arts: Sequence[Art]) -> frozenset[str]:
    """Words two or more titles share that two or more bodies write in lower case (not verbs, not function
    words): what the story is about (`mayat`)."""
    titles: Counter = Counter()
    for a in arts:
        titles.update({w.lower() for w in WORD.findall(a.result.article.title or "")})
    out = set()
    for w, n in titles.items():
        if n < 2 or len(w) < 4 or w in stopwords() or looks_prefixed_verb(w):
            continue
        lower = re.compile(rf"\b{re.escape(w)}\b")
        if sum(1 for a in arts if lower.search(a.result.article.body)) >= 2:
            out.add(w)
    return frozenset(out)


THING_REACH = 8  # words between the thing and the frame that describes it


def _near_thing(text: str, at: int, things) -> bool:
    """A word of the story's thing (or of its container) stands within THING_REACH words before offset `at`
    (`mayat … dalam tas`)."""
    return bool(things & {w.lower() for w in WORD.findall(text[:at])[-THING_REACH:]})


def descriptions(art: Art, things: frozenset[str]) -> list[Description]:
    """The containers and grounds the article gives the story's thing, in text order."""
    body, out = art.result.article.body, []
    # a ground may describe the thing's container (`mayat … dalam sebuah tas plastik besar … di trotoar`)
    holders = {
        "container": things,
        "ground": things | {w for w, (s, _) in _words().items() if s == "container"},
    }
    for a, b in split_sentences(body):
        text = body[a:b]
        if not things & {w.lower() for w in WORD.findall(text)}:
            continue
        for slot, pat in _frames().items():
            for m in pat.finditer(text):
                if _near_thing(text, m.start(), holders[slot]):
                    word = m.group(1).lower()
                    out.append(Description(slot, _words()[word][1], word, a, b))
    out.sort(key=lambda d: d.start)
    return out


def _first(ds: Sequence[Description], slot: str) -> Description | None:
    return next((d for d in ds if d.slot == slot), None)


def description_conflicts(A: Art, B: Art, things: frozenset[str]) -> list[tuple[Claim, Claim, str, str]]:
    """(claim of A, claim of B, slot, note) where the two describe the story's thing as two kinds."""
    if not things:
        return []
    da, db = descriptions(A, things), descriptions(B, things)
    out = []
    for slot in ("container", "ground"):
        x, y = _first(da, slot), _first(db, slot)
        if x is None or y is None or x.value == y.value:
            continue
        a_knows = any(d.slot == slot and d.value == y.value for d in da)
        b_knows = any(d.slot == slot and d.value == x.value for d in db)
        if a_knows and b_knows:
            continue
        ca, cb = span_claim(A, x.start, x.end), span_claim(B, y.start, y.end)
        out.append((ca, cb, slot, f"{x.word} ({x.value}) / {y.word} ({y.value})"))
    return out
