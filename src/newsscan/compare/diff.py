"""Orchestration: one story's diff, article pair by article pair (claim pairs, story-wide slots, entity
slots), best item per key, then shared quotes; and `alignment_frame` for pandas."""
from __future__ import annotations

import dataclasses
import functools
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..records import ArticleResult, Claim
from .agreements import same_words
from .align import (
    CANDIDATE,
    both_know,
    claims_of,
    classify,
    classify_circumstance,
    event_time,
    event_time_conflict,
    is_main_event,
    main_predicates,
    main_verbs,
    pair_kinds,
    side_of,
)
from .align_time import growth
from .descriptions import description_conflicts, story_things
from .entity_slots import entity_slot_agreements, entity_slot_conflicts
from .names import name_conflict, unit_conflicts
from .quotes import shared_quotes
from .records import Art, DiffItem, StoryDiff
from .slots import time_slot
from .states import state_conflicts
from .venues import story_venues, venue_conflict, venue_note
from .weekday import weekday_conflicts
from .words import bag, likeness, same_person, token_overlap


def _keep(found: dict, verdict: str, key: str, item: DiffItem, rank: float) -> None:
    """Keep the best-ranked item per (verdict, key)."""
    old = found.get((verdict, key))
    if old is None or rank > old[0]:
        found[(verdict, key)] = (rank, item)


@dataclass
class _Ctx:
    """What every pair of articles of one story shares: the articles, word weights and story-wide slots."""

    arts: list[Art]
    idf: dict[str, float]
    main: set[str]  # predicates of the story's event
    times: list  # per article: (claim, clock times) of the event, or None
    venues: list  # per article: (body venues, headline venue)
    vtexts: list[str]  # title and body per article
    things: frozenset[str] = frozenset()  # what the story is about (descriptions.story_things)
    paired: set[tuple[int, int]] = field(default_factory=set)  # (article, claim) given a partner

    def item(self, what: str, A: Art, ca: Claim, B: Art, cb: Claim, note: str = "", sim: float | None = None
             ) -> DiffItem:
        score = likeness(bag(ca.text), bag(cb.text), self.idf) if sim is None else sim
        return DiffItem(what=what, a=side_of(A, ca), b=side_of(B, cb), score=score, note=note)


def _articles(story: Any, results_by_path: Mapping[str, ArticleResult]) -> list[Art]:
    """The story's articles in path order: a corpus gives the same diff whatever order it was named in."""
    arts: list[Art] = []
    for p in sorted(story.articles):
        r = results_by_path.get(p)
        if r is None:
            continue
        art = Art(path=p, outlet=r.article.outlet or "unknown", result=r)
        art.claims = claims_of(r)
        art.bags = [bag(c.text) for c in art.claims]
        arts.append(art)
    return arts


def _context(arts: list[Art]) -> _Ctx:
    df: Counter = Counter()
    for art in arts:
        for words in art.bags:
            df.update(words.keys())
    n_claims = max(1, sum(len(a.claims) for a in arts))
    idf = {w: math.log((1 + n_claims) / (1 + k)) + 1 for w, k in df.items()}
    verbs = main_verbs(arts)
    return _Ctx(arts=arts, idf=idf, main=main_predicates(arts), times=[event_time(a, verbs) for a in arts],
                venues=story_venues(arts, verbs),
                vtexts=[(a.result.article.title or "") + "\n" + a.result.article.body for a in arts],
                things=story_things(arts))


def _circumstance_pair(ctx: _Ctx, keep, A: Art, x: int, B: Art, y: int, sim: float) -> bool:
    """Two attribution clauses of one speaker: the day and place of one statement."""
    ca, cb = A.claims[x], B.claims[y]
    if not (same_person(ca.speaker, cb.speaker) or set(ca.subjects) & set(cb.subjects)):
        return False
    verdict, what, note = classify_circumstance(A, ca, B, cb)
    if verdict == "none":
        return False
    item = ctx.item(what, A, ca, B, cb, note, sim)
    # the attribution clause says when and where more precisely than its sentence
    keep(verdict, f"{what}|{note}" if verdict == "conflict" else f"c{x}", item, 10.0 + sim)
    return True


def _sentence_pair(ctx: _Ctx, keep, A: Art, x: int, B: Art, y: int, sim: float) -> bool:
    """Two sentence claims: a name filling one noun, then the typed slots of the pair."""
    ca, cb = A.claims[x], B.claims[y]
    hit = False
    name_note = name_conflict(A, ca, B, cb)
    if name_note:
        keep("conflict", f"name|{name_note}", ctx.item("name", A, ca, B, cb, name_note, sim),
             sim + token_overlap(ca.text, cb.text))
        hit = True
    main_pair = is_main_event(ca, ctx.main) and is_main_event(cb, ctx.main)
    same_pred = bool(ca.predicate and ca.predicate == cb.predicate)
    # amounts of the same happening (`12 truk yang terbakar` / `Truk yang terbakar … 30 unit`)
    same_act = bool(ca.quantities and cb.quantities and same_pred)
    if sim < CANDIDATE and not main_pair and not same_pred:
        return hit
    verdict, what, note, amounts = classify(ca, cb, sim, main_pair, same_act)
    if verdict == "none":
        return hit
    if verdict == "conflict" and what == "number" and amounts and both_know(A, B, *amounts):
        return hit
    key = f"{what}|{note}" if verdict == "conflict" else f"{x}"
    item = ctx.item(what, A, ca, B, cb, note, sim)
    later = growth(A, B, amounts) if verdict == "conflict" and what == "number" and amounts else None
    if later:
        verdict, item = "update", dataclasses.replace(item, later=later)
    keep(verdict, key, item, sim + token_overlap(ca.text, cb.text) + 0.5 * same_pred)
    return True


def _claim_pairs(ctx: _Ctx, keep, i: int, j: int) -> None:
    A, B = ctx.arts[i], ctx.arts[j]
    for x, ca in enumerate(A.claims):
        for y, cb in enumerate(B.claims):
            if not pair_kinds(ca, cb):
                continue
            sim = likeness(A.bags[x], B.bags[y], ctx.idf)
            pair = _circumstance_pair if ca.kind == "circumstance" else _sentence_pair
            if pair(ctx, keep, A, x, B, y, sim):
                ctx.paired.update({(i, x), (j, y)})


def _story_slots(ctx: _Ctx, keep, i: int, j: int) -> None:
    """Slots of the whole story: the event's clock time, a place's unit, the event's venue."""
    A, B = ctx.arts[i], ctx.arts[j]
    ti, tj = ctx.times[i], ctx.times[j]
    if ti and tj:
        note = event_time_conflict(ti, tj)
        if note:
            keep("conflict", "event-time", ctx.item("time", A, ti[0], B, tj[0], note), 9.0)
        elif time_slot(ti[0], tj[0])[0] == "agree":
            keep("agree", "event-time", ctx.item("time", A, ti[0], B, tj[0]), 9.0)
    for ca, cb, note in unit_conflicts(A, B):
        keep("conflict", f"unit|{note}", ctx.item("place", A, ca, B, cb, note), 9.0)
    (xb, xh), (yb, yh) = ctx.venues[i], ctx.venues[j]
    for xs, ys in ((xb, yb), ([xh] if xh else [], yb), (xb, [yh] if yh else [])):
        hit = venue_conflict(A, xs, B, ys, ctx.vtexts)
        if hit:
            note = venue_note(*hit)
            keep("conflict", f"venue|{note}", ctx.item("place", A, hit[0].claim, B, hit[1].claim, note), 9.0)
    for ca, cb, what, value in entity_slot_agreements(A, B):
        keep("agree", f"{what}|{value}", ctx.item(what, A, ca, B, cb), 8.0)
    for detect in PAIR_SLOTS.values():
        for ca, cb, what, note in detect(ctx, A, B):
            keep("conflict", f"{what}|{note}", ctx.item(what, A, ca, B, cb, note), 8.0)


# Slots read over a whole pair of articles (sentence slots are compared in align.classify): slot type ->
# detector returning (claim of A, claim of B, slot, note) for every conflict it finds. A new slot type is a
# function here and its words in a data table.
PAIR_SLOTS: dict[str, Callable[[_Ctx, Art, Art], list[tuple[Claim, Claim, str, str]]]] = {
    "age, identifier": lambda ctx, A, B: entity_slot_conflicts(A, B),
    "state": lambda ctx, A, B: state_conflicts(A, B),
    "container, ground": lambda ctx, A, B: description_conflicts(A, B, ctx.things),
    "weekday": lambda ctx, A, B: weekday_conflicts(A, B),
}


def _ordered(found: dict) -> list:
    """Items in text order; a clock-time conflict between two sentences gives way to the event-time one; an
    agreement of two sentences already paired by a slot is not repeated."""
    items = sorted(found.items(), key=lambda kv: (kv[1][1].a.start, kv[1][1].b.start))
    slotted = {(it.a.start, it.b.start) for (v, key), (_, it) in items if not key.startswith("s")}
    items = [kv for kv in items
             if not (kv[0][1].startswith("s") and (kv[1][1].a.start, kv[1][1].b.start) in slotted)]
    if ("conflict", "event-time") in found:
        items = [
            kv
            for kv in items
            if not (kv[0][0] == "conflict" and kv[1][1].what == "time" and kv[0][1] != "event-time")
        ]
    return items


def _headline_venues(ctx: _Ctx) -> list[DiffItem]:
    """Articles whose headline puts the event elsewhere than their own body."""
    out = []
    for A, (xb, xh) in zip(ctx.arts, ctx.venues, strict=False):
        hit = venue_conflict(A, [xh] if xh else [], A, xb, ctx.vtexts)
        if hit:
            out.append(ctx.item("place", A, hit[0].claim, A, hit[1].claim, venue_note(*hit)))
    return out


def compare_story(story: Any, results_by_path: Mapping[str, ArticleResult]) -> StoryDiff:
    """The diff of one story (a `stories.Story`, or anything with `id`, `title`, `articles`)."""
    ctx = _context(_articles(story, results_by_path))
    conflicts: list[DiffItem] = []
    agreements: list[DiffItem] = []
    updates: list[DiffItem] = []
    for i, A in enumerate(ctx.arts):
        for j in range(i + 1, len(ctx.arts)):
            if A.outlet == ctx.arts[j].outlet and A.outlet != "unknown":
                continue
            # best item per key: conflicts by (slot, values), agreements by A's claim
            found: dict[tuple[str, str], tuple[float, DiffItem]] = {}
            keep = functools.partial(_keep, found)
            _claim_pairs(ctx, keep, i, j)
            _story_slots(ctx, keep, i, j)
            for ca, cb, what, sim in same_words(A, ctx.arts[j]):
                keep("agree", f"s{ca.start}", ctx.item(what, A, ca, ctx.arts[j], cb, sim=sim), sim)
            for (verdict, _), (_, item) in _ordered(found):
                {"conflict": conflicts, "update": updates}.get(verdict, agreements).append(item)
    conflicts += _headline_venues(ctx)
    only = [
        DiffItem(what=c.kind, a=side_of(A, c))
        for i, A in enumerate(ctx.arts)
        for x, c in enumerate(A.claims)
        if (i, x) not in ctx.paired and c.kind in ("quantity", "event")
    ]
    outlets = tuple(sorted({a.outlet for a in ctx.arts}))
    return StoryDiff(
        id=story.id,
        title=story.title,
        articles=tuple(story.articles),
        outlets=outlets,
        conflicts=tuple(conflicts),
        agreements=tuple(agreements),
        only=tuple(only),
        shared_quotes=tuple(shared_quotes(ctx.arts)),
        updates=tuple(updates),
    )


def alignment_frame(diffs: Sequence[StoryDiff]):
    """A pandas DataFrame with one row per diff item: story, kind, what, both sides' outlet, path, text."""
    import pandas as pd

    rows = []
    for d in diffs:
        for kind in ("conflicts", "agreements", "only", "shared_quotes"):
            for it in getattr(d, kind):
                row = {"story": d.id, "kind": kind, "what": it.what, "score": it.score, "note": it.note}
                for name, side in (("a", it.a), ("b", it.b)):
                    row[f"{name}_outlet"] = side.outlet if side else None
                    row[f"{name}_path"] = side.path if side else None
                    row[f"{name}_text"] = side.text if side else None
                rows.append(row)
    return pd.DataFrame(
        rows,
        columns=[
            "story",
            "kind",
            "what",
            "score",
            "note",
            "a_outlet",
            "a_path",
            "a_text",
            "b_outlet",
            "b_path",
            "b_text",
        ],
    )
