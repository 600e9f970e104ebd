"""Claims into events, events across outlets: which claims of two articles speak of one happening (the
story's main event, one statement, one act) and what their slots say: conflict, agreement or nothing."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..claims import find_claims, place_kinds, place_words
from ..morphology import WORD, speech_lemmas
from ..quantities import compare as compare_quantities
from ..records import ArticleResult, Claim, Quote
from ..tables import Folders, cache_per_folders
from .records import Art, Side
from .slots import (
    APPROX_TOLERANCE,
    SENTENCE_SLOTS,
    TIME_TOLERANCE,
    clock_times,
    consulted,
    day_slot,
    limit_slot,
    number_slot,
    place_match,
    place_slot,
    time_slot,
)
from .words import numbers, token_overlap, tokens, verb_lemmas, word_alt

CANDIDATE = 0.20  # word likeness below which two claims are not looked at together


PAIR = 0.30  # word likeness for two claims to be about the same thing


CONFLICT = 0.38  # … and for a difference between them to count as a conflict


NEAR_SAME = 0.75  # word likeness at which two claims agree without a shared value


QUOTE_OVERLAP = 0.6  # share of the shorter quote's words, in order, for a shared quote


EVENT_GAP = 360  # minutes: accounts of one happening further apart than this are of two happenings


# An event anaphor: the sentence is about the story's event itself (`Peristiwa ini terjadi sekitar pukul …`).
@cache_per_folders
def _anaphor(folders: Folders) -> re.Pattern[str]:
    nouns, determiners = word_alt("event_noun", folders), word_alt("event_determiner", folders)
    happen = word_alt("happen_verb", folders)
    return re.compile(rf"\b(?:{nouns})\s+(?:{determiners})?\s*(?:\w+\s+)?(?:{happen})\b", re.IGNORECASE)


def claims_of(r: ArticleResult) -> list[Claim]:
    if r.claims:
        return list(r.claims)
    a = r.article
    return find_claims(a.body, dates=r.dates, quotes=r.quotes, mentions=r.entities, title=a.title)


def side_of(art: Art, c: Claim) -> Side:
    return Side(path=art.path, outlet=art.outlet, text=c.text, start=c.start, end=c.end, kind=c.kind,
                speaker=c.speaker, in_title=c.kind == "headline")


def _knows(art: Art, q) -> bool:
    return any(compare_quantities(q, o) == "agree" for c in art.claims for o in c.quantities)


def both_know(A: Art, B: Art, qa, qb) -> bool:
    """Each article states the other's amount somewhere: two facts (before and after, total and part),
    not two accounts of one."""
    return _knows(B, qa) and _knows(A, qb)


def _enclosing(art: Art, c: Claim) -> Claim:
    """The sentence claim around a circumstance clause (the quote and its attribution)."""
    for o in art.claims:
        if o.kind != "circumstance" and o.kind != "headline" and o.start <= c.start and o.end >= c.end:
            return o
    return c


def _paragraph(body: str, start: int, end: int) -> tuple[int, int]:
    a = body.rfind("\n", 0, start) + 1
    b = body.find("\n", end)
    return a, (len(body) if b < 0 else b)


def _quotes_in(art: Art, a: int, b: int) -> list[Quote]:
    return [q for q in art.result.quotes if q.start < b and q.end > a and len(tokens(q.text)) >= 4]


def _same_statement(A: Art, ca: Claim, B: Art, cb: Claim) -> bool:
    """The two attribution clauses report one statement: their sentences carry the same quote, or the
    quote of one stands, marked or not, in the other's paragraph (`“Perubahan ini diharapkan …,” ujar dia`
    / `…, kata Hendra …, Kamis (19/6/2025). Perubahan ini diharapkan …`)."""
    sa, sb = _enclosing(A, ca), _enclosing(B, cb)
    qa, qb = _quotes_in(A, sa.start, sa.end), _quotes_in(B, sb.start, sb.end)
    if any(token_overlap(x.text, y.text) >= QUOTE_OVERLAP for x in qa for y in qb):
        return True
    pa, pb = (
        _paragraph(A.result.article.body, sa.start, sa.end),
        _paragraph(B.result.article.body, sb.start, sb.end),
    )
    para_a, para_b = A.result.article.body[pa[0] : pa[1]], B.result.article.body[pb[0] : pb[1]]
    return any(len(tokens(x.text)) >= 6 and token_overlap(x.text, para_b) >= 0.8 for x in qa) or any(
        len(tokens(y.text)) >= 6 and token_overlap(y.text, para_a) >= 0.8 for y in qb
    )


def main_predicates(arts: Sequence[Art]) -> set[str]:
    """Predicates of the story's event: those of headlines and lead claims that two or more outlets share."""
    counts: Counter = Counter()
    for art in arts:
        preds = set()
        for c in art.claims:
            if c.kind == "headline" and c.predicate:
                preds.add(c.predicate)
        leads = [c for c in art.claims if c.kind in ("event", "quantity")][:2]
        preds.update(c.predicate for c in leads if c.predicate)
        counts.update(preds)
    return {p for p, n in counts.items() if n >= 2}


def main_verbs(arts: Sequence[Art]) -> set[str]:
    """Verbs of the story's event: verb lemmas that the titles of two or more outlets use (`Tenggelam`); where
    fewer than two articles have a title, those of the titles and the first body sentences."""
    counts: Counter = Counter()
    titled = sum(1 for a in arts if a.result.article.title)
    for art in arts:
        words = WORD.findall(art.result.article.title or "")
        if titled < 2:
            lead = next((c for c in art.claims if c.kind != "headline"), None)
            words += WORD.findall(lead.text) if lead else []
        counts.update(verb_lemmas(words) - speech_lemmas())
    return {v for v, n in counts.items() if n >= 2}


def is_main_event(c: Claim, main: set[str]) -> bool:
    return (c.predicate in main) or bool(_anaphor().search(c.text) and c.dates)


def pair_kinds(a: Claim, b: Claim) -> bool:
    """Circumstances pair with circumstances; headlines are not compared across outlets (too terse)."""
    if a.kind == "headline" or b.kind == "headline":
        return False
    return (a.kind == "circumstance") == (b.kind == "circumstance")


def _guessed(c: Claim) -> bool:
    return c.modality in ("planned", "uncertain")


def classify(a: Claim, b: Claim, sim: float, main_pair: bool, same_act: bool = False
             ) -> tuple[str, str, str, Any]:
    """(verdict, what, note, amounts) for two sentence claims taken to be about the same thing.

    How close two claims must be before a difference counts depends on the slot: amounts need clearly
    alike sentences (or the same verb), clock times close ones, other places and days near-identical ones;
    the main event's administrative unit is compared whenever the claims pair."""
    num = number_slot(a, b)
    limit = limit_slot(a, b)
    slots = {"limit": limit[:2], "number": num[:2], "place": place_slot(a, b), "day": day_slot(a, b),
             "time": time_slot(a, b)}
    need = {"limit": PAIR, "number": PAIR - 0.05, "time": CONFLICT, "day": NEAR_SAME - 0.1,
            "place": NEAR_SAME - 0.1}
    if same_act:
        need.update(number=0.0)
    if limit[2]:
        need.update(limit=CANDIDATE)
    # two actions (`menghentikan` / `membuka`) are two events: their days, times and places do not compete
    other_act = bool(a.predicate and b.predicate and a.predicate != b.predicate)
    for what in SENTENCE_SLOTS:
        verdict, note = slots[what]
        two_events = other_act and not main_pair
        if two_events and what in ("time", "day", "place") and verdict in ("conflict", "differ"):
            continue
        if what in ("number", "limit") and verdict == "conflict" and _guessed(a) != _guessed(b):
            # a plan or estimate against a report says two things (`akan diikuti 600` / `dihadiri 450`)
            continue
        if verdict == "conflict" and (sim >= need[what] or (what == "place" and main_pair)):
            return "conflict", what, note, num[2] if what == "number" else None
        if verdict == "differ" and sim >= need[what]:
            if (a.modality == "planned") != (b.modality == "planned"):
                continue
            return "conflict", what, note, None
    if a.polarity != b.polarity and sim >= NEAR_SAME and a.predicate and a.predicate == b.predicate:
        return "conflict", "denial", f"{a.polarity} / {b.polarity}", None
    agreed = [w for w, (v, _) in slots.items() if v == "agree"]
    if agreed and sim >= PAIR:
        return "agree", agreed[0], "", None
    # the same amount or clock time in two sentences of some likeness is one fact stated alike
    if sim >= CANDIDATE and ("time" in agreed or ("number" in agreed and same_act)):
        return "agree", "time" if "time" in agreed else "number", "", None
    # the same verb on the same day in the same place (`Kim tiba di Rusia pada hari Selasa`)
    if a.predicate and a.predicate == b.predicate and len(agreed) >= 2 and sim >= CANDIDATE / 2:
        return "agree", "day" if "day" in agreed else agreed[0], "", None
    # near-same words with other numbers (`naik 5 persen` / `naik 8 persen`, a change no slot compares) are
    # not one statement
    na, nb = numbers(a.text), numbers(b.text)
    if sim >= NEAR_SAME and not (na and nb and na != nb):
        return "agree", "statement", "", None
    return "none", "", "", None


def _venue(c: Claim) -> tuple[str, str] | None:
    """(kind, place) of the first place of an attribution clause when it names a site or an
    administrative unit by its head word (`Balai Kota`, `Gedung Sate`)."""
    if not c.places:
        return None
    p = c.places[0]
    words = tokens(p)
    kind = place_kinds().get(words[0]) if len(words) > 1 else None
    if kind == "admin":
        kind = f"admin{place_words().get(words[0], 0)}"
    return (kind, p) if kind and kind not in ("container", "area", "street") else None


def classify_circumstance(A: Art, ca: Claim, B: Art, cb: Claim) -> tuple[str, str, str]:
    """Two attribution clauses of one speaker: when and where the words were said. The days of one
    statement (the same quote) conflict; the venues of one appearance (one speaker, one day) conflict when
    both name a site of the same kind."""
    day, day_note = day_slot(ca, cb)
    same = None
    if day == "conflict":
        same = _same_statement(A, ca, B, cb)
        if same:
            return "conflict", "day", day_note
    va, vb = _venue(ca), _venue(cb)
    if (
        va
        and vb
        and va[0] == vb[0]
        and not place_match(va[1], vb[1])
        and (day == "agree" or (same if same is not None else _same_statement(A, ca, B, cb)))
        # neither clause also names the other's venue
        and not any(place_match(va[1], p) for p in cb.places)
        and not any(place_match(vb[1], p) for p in ca.places)
    ):
        return "conflict", "place", f"{va[1]} / {vb[1]}"
    if day == "agree":
        return "agree", "day", ""
    return "none", "", ""


def event_time(art: Art, main: set[str]) -> tuple[Claim, list[int]] | None:
    """The clock time the article gives for the story's event: the first sentence that names the event
    (a verb of the titles, or `peristiwa ini terjadi …`) and gives a time."""
    for c in art.claims:
        if c.kind in ("headline", "circumstance"):
            continue
        ts = clock_times(c)
        if not ts or consulted(c.text):
            continue  # `pantauan … pukul 10.30`: when the outlet looked
        if verb_lemmas(WORD.findall(c.text)) & main or _anaphor().search(c.text):
            return c, ts
    return None


@cache_per_folders
def _approx(folders: Folders) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{word_alt('approx', folders, ' ')})\b", re.IGNORECASE)


def _clocks(ms) -> str:
    """Minutes of the day as `HH:MM, HH:MM`."""
    return ", ".join(f"{m // 60:02d}:{m % 60:02d}" for m in ms)


def event_time_conflict(ea, eb) -> str | None:
    (ca, ta), (cb, tb) = ea, eb
    if day_slot(ca, cb)[0] == "conflict":
        return None  # two days: two happenings (or a day conflict), not two clock times of one
    approx = bool(_approx().search(ca.text) or _approx().search(cb.text))
    gap = min(abs(x - y) for x in ta for y in tb)
    if gap <= (APPROX_TOLERANCE if approx else TIME_TOLERANCE) or (approx and gap < 60) or gap > EVENT_GAP:
        return None
    return f"{_clocks(ta)} / {_clocks(tb)}"
