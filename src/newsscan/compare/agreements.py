"""Agreements in words: clauses of two outlets that state one fact alike, in nearly the same words (wire
copy, a shared press release), in the same content words in another order (an outlet's own paraphrase), or
in fewer words alike around one amount or one clock time. No slot is needed; numbers both state and do not
share keep two clauses apart."""
from __future__ import annotations

import difflib
import functools
import re
from collections import Counter

from ..claims import split_sentences
from ..quantities import compare as compare_quantities
from ..quantities import find_quantities, unit_class
from ..records import Claim
from ..tables import Folders, folders_in_effect
from .records import Art, span_claim
from .words import bag, numbers, tokens

SAME_WORDS = 0.6  # share of the shorter sentence's words, in order, for two sentences stating one fact alike
SAME_WORDS_MIN = 6  # words of the shorter sentence
# a paraphrase keeps the content words and reorders them (`celana hitam dan kaos putih` / `berkaos putih,
# bercelana hitam`): Dice of the two clauses' content lemmas, each clause naming CONTENT_MIN of them
SAME_CONTENT = 0.65
CONTENT_MIN = 4


_CLAUSE = re.compile(r"[^,;:]+")


def _sentences(art: Art) -> list[tuple[int, int, list[str], Counter]]:
    """Sentences and their clauses (between commas, semicolons, colons) of SAME_WORDS_MIN words or more, with
    their word counts: an outlet often puts one fact in a clause of a longer sentence."""
    body, out = art.result.article.body, []
    for a, b in split_sentences(body):
        units = [(a, b)]
        parts = [(a + m.start(), a + m.end()) for m in _CLAUSE.finditer(body[a:b])]
        if len(parts) > 1:
            units += parts
        for u0, u1 in units:
            while u0 < u1 and body[u0].isspace():
                u0 += 1
            toks = tokens(body[u0:u1])
            if len(toks) >= SAME_WORDS_MIN:
                out.append((u0, u1, toks, Counter(toks), frozenset(bag(body[u0:u1])), numbers(body[u0:u1])))
    return out


def _alike(ta: list[str], tb: list[str]) -> float:
    na, nb = {t for t in ta if t.isdigit()}, {t for t in tb if t.isdigit()}
    if na and nb and not na & nb:
        return 0.0  # both state numbers and share none: two facts
    m = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    return sum(bl.size for bl in m.get_matching_blocks()) / min(len(ta), len(tb))


def _partners(unit, sb, index) -> list[tuple[float, int, int]]:
    """(likeness, start, end) of B's units that may reach AMOUNT_WORDS: the shared word counts (through the
    word index of B's units) bound the words matched in order, so most pairs are never aligned."""
    ta, ca = unit[2], unit[3]
    shared: Counter = Counter()
    for t, n in ca.items():
        for k in index.get(t, ()):
            shared[k] += min(n, sb[k][3][t])
    return [(_alike(ta, sb[k][2]), sb[k][0], sb[k][1]) for k, n in sorted(shared.items())
            if n >= AMOUNT_WORDS * min(len(ta), len(sb[k][2]))]


def same_words(A: Art, B: Art) -> list[tuple[Claim, Claim, str, float]]:
    """Sentences of two outlets in nearly the same words state one fact alike (wire copy, a shared press
    release), whether or not they hold a slot: an agreement per sentence of A, its closest partner; or, in
    fewer words alike, when both state one amount or clock time; or in the same content words reordered."""
    out = []
    sb = _sentences(B)
    index: dict[str, list[int]] = {}
    lemma_index: dict[str, list[int]] = {}
    for k, unit in enumerate(sb):
        for t in unit[3]:
            index.setdefault(t, []).append(k)
        for t in unit[4]:
            lemma_index.setdefault(t, []).append(k)
    body_a, body_b = A.result.article.body, B.result.article.body
    for unit in _sentences(A):
        a0, a1 = unit[0], unit[1]
        found = _partners(unit, sb, index)
        best, what = max(found, default=(0.0, 0, 0)), "statement"
        if best[0] < SAME_WORDS:
            valued = [(f, v) for f in found if f[0] >= AMOUNT_WORDS
                      and (v := _same_value(body_a[a0:a1], body_b[f[1]:f[2]]))]
            if valued:
                best, what = max(valued)
            else:
                best = _same_content(unit, sb, lemma_index)
                if best[0] < SAME_CONTENT:
                    continue
        out.append((span_claim(A, a0, a1), span_claim(B, best[1], best[2]), what, best[0]))
    return out


def _same_content(unit, sb, lemma_index) -> tuple[float, int, int]:
    """(Dice, start, end) of B's unit with most content lemmas in common with `unit`, in any order. Stricter
    on numbers than word order is: both clauses state the same numbers or none, since a paraphrase that keeps
    the words and changes a number (`target 5 persen` / `tumbuh 5,3 persen`) states another fact."""
    la = unit[4]
    if len(la) < CONTENT_MIN:
        return (0.0, 0, 0)
    best = (0.0, 0, 0)
    for k in sorted({k for t in la for k in lemma_index.get(t, ())}):
        lb = sb[k][4]
        if len(lb) < CONTENT_MIN or unit[5] != sb[k][5]:
            continue
        best = max(best, (2 * len(la & lb) / (len(la) + len(lb)), sb[k][0], sb[k][1]))
    return best


AMOUNT_WORDS = 0.3  # words in order two clauses need beside one amount of one thing to state it alike


def _amounts(text: str) -> tuple:
    return _amounts_in(text, folders_in_effect())


@functools.lru_cache(maxsize=4096)
def _amounts_in(text: str, folders: Folders) -> tuple:
    # keyed by the folders too: the quantity words are the user's tables' of the run
    return tuple(q for _, _, q in find_quantities(text) if q.unit and unit_class(q.unit) != "classifier")


_CLOCK = re.compile(r"\b(?:pukul|jam)\s+(\d{1,2})[.:](\d{2})\b", re.IGNORECASE)


def _same_value(x: str, y: str) -> str | None:
    """`time` when both clauses state one clock time (`pukul 06.30` / `pukul 06:30`), `number` when both state
    one amount of one named thing (`sekitar 600 investor` / `sebanyak 600 investor`), else None."""
    if set(_CLOCK.findall(x)) & set(_CLOCK.findall(y)):
        return "time"
    same = any(qa.unit == qb.unit and qa.value == qb.value and compare_quantities(qa, qb) == "agree"
               for qa in _amounts(x) for qb in _amounts(y))
    return "number" if same else None
