"""One person spelt two ways in one article (`M Hartono` / `Muhammad Hartono`, `Sri Rahayu Lestary` /
`Sri Rahayu Lestari`, `Dewi Rosa Putri` / `Dewi Rosalina Putri`).

Gold CONVENTIONS: where an article spells one person two ways, every row uses the first full form; a typo is
kept as written in the mention but names the same entity. Two person names of the article are one person
when their last words agree (the same word, or a spelling variant of it) and each other word of the shorter
name agrees, in order, with a word of the longer one: the same word, an initial or clipped form of it
(`M` of `Muhammad`, `Rosa` of `Rosalina`), or a spelling variant (one letter doubled or changed in a word of
five letters or more). People who share a part stay apart: `Lami Kim` and `Kim Jong Un` end differently.
"""
from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Sequence

from ..records import Mention

_VARIANT = 0.85  # similarity of two spellings of one word (`Hartono` / `Hartonno`)


def _variant(a: str, b: str) -> bool:
    return (a[:1] == b[:1] and min(len(a), len(b)) >= 5
            and difflib.SequenceMatcher(None, a, b).ratio() >= _VARIANT)


def _same_word(a: str, b: str) -> bool:
    """The same name word: equal, one an initial or a clipped start of the other, or a spelling variant."""
    return a == b or (len(a) < len(b) and b.startswith(a)) or (len(b) < len(a) and a.startswith(b)) \
        or _variant(a, b)


def same_person(a: str, b: str) -> bool:
    wa = [w.rstrip(".").casefold() for w in a.split()]
    wb = [w.rstrip(".").casefold() for w in b.split()]
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) < 2 or not (short[-1] == long[-1] or _variant(short[-1], long[-1])):
        return False
    rest = iter(long[:-1])
    return all(any(_same_word(w, x) for x in rest) for w in short[:-1])


def link_name_variants(ms: Sequence[Mention]) -> list[Mention]:
    """Person mentions under the first-written form of the person's name (see the module)."""
    order: list[str] = []
    for m in ms:
        if m.label == "PERSON" and m.canonical not in order:
            order.append(m.canonical)
    root: dict[str, str] = {}
    for i, c in enumerate(order):
        for e in order[:i]:
            if e != c and same_person(c, e):
                root[c] = root.get(e, e)
                break
    if not root:
        return list(ms)
    return [dataclasses.replace(m, canonical=root[m.canonical], source="link")
            if m.label == "PERSON" and m.canonical in root else m for m in ms]
