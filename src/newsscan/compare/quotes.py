"""Shared quotes: the same direct quote in two outlets, near-verbatim (spelling variants allowed) or one
sentence of a longer quote. The words must be closer the less sure the speakers are one person; a quote
identical in text is shared whoever each outlet credits, and each side keeps its own speaker."""
from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from ..claims import split_sentences, stopwords
from ..records import Quote
from .align import QUOTE_OVERLAP
from .records import Art, DiffItem, Side
from .words import same_person, tokens

SAME_SPEAKER_OVERLAP = QUOTE_OVERLAP  # the same speaker: 0.6 of the shorter quote's words in order


UNKNOWN_SPEAKER_OVERLAP = 0.7  # one speaker unknown


OTHER_SPEAKER_OVERLAP = 0.85  # two different speaker names (a role in one outlet, the name in another)


def _skeleton(tok: str) -> str:
    """A spelling-tolerant key for a word of five letters or more: its consonants (`enggak`/`nggak`)."""
    if len(tok) < 5 or not tok.isalpha():
        return tok
    return re.sub(r"[aeiou]", "", tok) or tok


# a gloss an outlet adds in brackets (`Budi (Direktur PT X)`) is not the speaker's words
_GLOSS = re.compile(r"\([^()]{0,80}\)")


def _quote_overlap(a: str, b: str) -> float:
    ta = [_skeleton(t) for t in tokens(_GLOSS.sub(" ", a))]
    tb = [_skeleton(t) for t in tokens(_GLOSS.sub(" ", b))]
    if not ta or not tb:
        return 0.0
    m = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    blocks = [bl for bl in m.get_matching_blocks() if bl.size]
    if not blocks:
        return 0.0
    n = sum(bl.size for bl in blocks)
    # the matched words must lie close together in the longer text too: a short sentence is not found in
    # a long quote word by scattered word
    if len(ta) >= len(tb):
        span = blocks[-1].a + blocks[-1].size - blocks[0].a
    else:
        span = blocks[-1].b + blocks[-1].size - blocks[0].b
    return n / max(min(len(ta), len(tb)), int(0.7 * span))


def _speakers(a: str | None, b: str | None) -> str:
    """`same` (one name's words in the other, or a shared name word: `Wiratmo` / `Wiratmo dikutip
    dari laman kampus`), `unknown` (one is missing) or `other`."""
    if not a or not b:
        return "unknown"
    if same_person(a, b):
        return "same"
    stop = stopwords()
    wa = {t for t in tokens(a) if len(t) >= 4 and t not in stop}
    wb = {t for t in tokens(b) if len(t) >= 4 and t not in stop}
    return "same" if wa & wb else "other"


def _quote_units(q: Quote) -> list[tuple[int, int, str]]:
    """The quote itself and, when it has several, its sentences: (start, end, text) in body offsets."""
    units = [(q.start, q.end, q.text)]
    spans = split_sentences(q.text)
    if len(spans) > 1:
        units += [(q.start + a, q.start + b, q.text[a:b]) for a, b in spans if len(tokens(q.text[a:b])) >= 5]
    return units


def _best_pair(qa: Quote, units_a, qbs, units_b) -> tuple | None:
    """The best-aligned (rank, overlap, unit of qa, unit of qb, qb) for one quote of A among B's quotes."""
    need = {"same": SAME_SPEAKER_OVERLAP, "unknown": UNKNOWN_SPEAKER_OVERLAP, "other": OTHER_SPEAKER_OVERLAP}
    min_len = {"same": 3, "unknown": 6, "other": 8}
    best = None
    for qb in qbs:
        rel = _speakers(qa.speaker, qb.speaker)
        for k, ua in enumerate(units_a):
            for m, ub in enumerate(units_b[id(qb)]):
                n = min(len(tokens(ua[2])), len(tokens(ub[2])))
                if n < min_len[rel] or (k or m) and n < 5:
                    continue
                ov = _quote_overlap(ua[2], ub[2])
                if ov < need[rel]:
                    continue
                # of equally alike pairs the shortest: a sentence of a longer quote is that sentence
                rank = ov - 0.0005 * (len(ua[2]) + len(ub[2])) / 6
                if best is None or rank > best[0]:
                    best = (rank, ov, ua, ub, qb)
    return best


_WORDS = re.compile(r"\w+")
_OPEN_MARKS = "\"“”„‟«»‘’'"
VERBATIM_OVERLAP = 0.9  # a quote the quote layer missed in the other article: nearly every word, in order
VERBATIM_MIN_WORDS = 8


def _verbatim_in(body: str, text: str) -> tuple[int, int] | None:
    """Where `text` stands nearly word for word in `body` right after a quote mark (a quote the quote layer
    did not find there, e.g. opened with a closing mark): (start, end) of that slice, or None."""
    want = [_skeleton(t) for t in tokens(text)]
    spans = [(m.start(), m.end()) for m in _WORDS.finditer(body)]
    have = [_skeleton(body[a:b].lower()) for a, b in spans]
    blocks = [bl for bl in difflib.SequenceMatcher(None, want, have, autojunk=False).get_matching_blocks()
              if bl.size >= 3]
    if not blocks or sum(bl.size for bl in blocks) < VERBATIM_OVERLAP * len(want):
        return None
    first, last = blocks[0].b, blocks[-1].b + blocks[-1].size - 1
    if last - first + 1 > 1.2 * len(want):
        return None  # the words are scattered over the body, not one passage
    start, end = spans[first][0], spans[last][1]
    return (start, end) if any(c in _OPEN_MARKS for c in body[max(0, start - 3):start]) else None


def _missed_quotes(A: Art, B: Art, done: set[int]) -> list[DiffItem]:
    """Direct quotes of A (not yet shared) that B carries word for word after a quote mark: shared whoever
    B credits (its quote layer may have missed the quote or given it another speaker)."""
    out = []
    body = B.result.article.body
    for qa in A.result.quotes:
        if qa.kind != "direct" or id(qa) in done:
            continue
        for ua in _quote_units(qa):
            if len(tokens(ua[2])) < VERBATIM_MIN_WORDS:
                continue
            hit = _verbatim_in(body, ua[2])
            if hit:
                # the speaker B gives, where its quote layer found a quote there under another speaker
                sp = next((q.speaker for q in B.result.quotes if q.start < hit[1] and q.end > hit[0]), None)
                out.append(
                    DiffItem(
                        what="quote",
                        a=Side(A.path, A.outlet, ua[2], ua[0], ua[1], "quote", qa.speaker),
                        b=Side(B.path, B.outlet, body[hit[0] : hit[1]], hit[0], hit[1], "quote", sp),
                        score=VERBATIM_OVERLAP,
                        note=qa.speaker or "",
                    )
                )
                break
    return out


def shared_quotes(arts: Sequence[Art]) -> list[DiffItem]:
    """The same direct quote in two outlets: near-verbatim (spelling variants allowed), or one sentence of
    a longer quote (then each side is that sentence). How alike the words must be depends on how sure the
    speakers are the same. A quote of one outlet that the other carries word for word after a quote mark is
    shared too, though the other's quote layer missed it."""
    out = []
    for i, A in enumerate(arts):
        for B in arts[i + 1 :]:
            if A.outlet == B.outlet and A.outlet != "unknown":
                continue
            qbs = [q for q in B.result.quotes if q.kind in ("direct", "partial") and len(tokens(q.text)) >= 3]
            units_b = {id(q): _quote_units(q) for q in qbs}
            done_a: set[int] = set()
            done_b: set[int] = set()
            for qa in A.result.quotes:
                if qa.kind not in ("direct", "partial") or len(tokens(qa.text)) < 3:
                    continue
                best = _best_pair(qa, _quote_units(qa), qbs, units_b)
                if best:
                    _, ov, ua, ub, qb = best
                    done_a.add(id(qa))
                    done_b.add(id(qb))
                    out.append(
                        DiffItem(
                            what="quote",
                            a=Side(A.path, A.outlet, ua[2], ua[0], ua[1], "quote", qa.speaker),
                            b=Side(B.path, B.outlet, ub[2], ub[0], ub[1], "quote", qb.speaker),
                            score=ov,
                            note=qa.speaker or qb.speaker or "",
                        )
                    )
            out += _missed_quotes(A, B, done_a)
            out += [
                DiffItem(what="quote", a=it.b, b=it.a, score=it.score, note=it.note)
                for it in _missed_quotes(B, A, done_b)
            ]
    return out
