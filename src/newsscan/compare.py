"""Cross-outlet diff of one story: where outlets agree, where they conflict, what only one has, shared quotes.

    diff = compare_story(story, results_by_path)
    diff.to_dict()  # {"id", "title", "articles", "outlets", "conflicts", "agreements", "only", "shared_quotes"}

Claims (claims.py) of articles from different outlets are paired when they speak of the same thing: the
same words (IDF-weighted over the story), the same predicate, or, for the story's main event, the same
event verb or an event anaphor (`peristiwa ini terjadi …`). A pair is then classified slot by slot:

* conflict: both state a value for the same slot and the values differ: an amount (`20 bus` / `sekitar
  50 unit`; rounding and approximation are not differences: `1.323.459` / `1,3 juta`), a place, a day, a
  clock time, or one denies what the other asserts. A detail one outlet leaves out is not a conflict.
* agreement: a slot agrees and none conflicts, or the two say nearly the same words.
* only: a check-worthy claim no other outlet has a partner for.

Shared quotes are the same direct quote (near-verbatim: at least 0.6 of the shorter quote's words in
order) by the same speaker in two outlets. Every side is `{"path", "outlet", "text", ...}` with `text`
an exact substring of that article's body (headline claims: of its title).
"""
from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .claims import _WORD, find_claims, lemma, place_words, stopwords
from .quantities import compare as compare_quantities
from .quantities import unit_class
from .records import ArticleResult, Claim, Quote

CANDIDATE = 0.20  # word likeness below which two claims are not looked at together
PAIR = 0.30  # word likeness for two claims to be about the same thing
CONFLICT = 0.38  # … and for a difference between them to count as a conflict
NEAR_SAME = 0.75  # word likeness at which two claims agree without a shared value
QUOTE_OVERLAP = 0.6  # share of the shorter quote's words, in order, for a shared quote
TIME_TOLERANCE = 10  # minutes between two clock times that still agree (`sekitar`: APPROX_TOLERANCE)
APPROX_TOLERANCE = 45
# An event anaphor: the sentence is about the story's event itself (`Peristiwa ini terjadi sekitar pukul …`).
_ANAPHOR = re.compile(r"\b(?:peristiwa|kejadian|insiden|kecelakaan|musibah|tragedi|kebakaran|gempa)\s+"
                      r"(?:ini|itu|tersebut|nahas)?\s*(?:\w+\s+)?terjadi\b", re.IGNORECASE)
# A sentence that reports a change carries an old and a new value (`dari 15 tahun menjadi 12 tahun`).
_CHANGE = re.compile(r"\b(?:menjadi|semula|sebelumnya|dari yang|dipangkas|dipotong|memangkas|berkurang|"
                     r"bertambah|naik|turun)\b", re.IGNORECASE)
_TIME = re.compile(r"T(\d\d):(\d\d)")
_DAYV = re.compile(r"^(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)$")


@dataclass(frozen=True, slots=True)
class Side:
    path: str
    outlet: str
    text: str
    start: int
    end: int
    kind: str  # the claim's kind, or "quote"
    speaker: str | None = None
    in_title: bool = False  # offsets point into the title, not the body

    def to_dict(self) -> dict[str, Any]:
        d = {"path": self.path, "outlet": self.outlet, "text": self.text, "start": self.start,
             "end": self.end, "kind": self.kind}
        if self.speaker:
            d["speaker"] = self.speaker
        if self.in_title:
            d["in_title"] = True
        return d


@dataclass(frozen=True, slots=True)
class DiffItem:
    what: str  # number | place | day | time | person | denial | statement | quote
    a: Side
    b: Side | None = None
    score: float = 0.0  # word likeness of the two sides
    note: str = ""  # the values that differ or agree (`20 bus / sekitar 50 unit`)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"what": self.what, "a": self.a.to_dict()}
        if self.b is not None:
            d["b"] = self.b.to_dict()
        d["score"] = round(self.score, 3)
        if self.note:
            d["note"] = self.note
        return d


@dataclass(frozen=True, slots=True)
class StoryDiff:
    id: str
    title: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    conflicts: tuple[DiffItem, ...] = ()
    agreements: tuple[DiffItem, ...] = ()
    only: tuple[DiffItem, ...] = ()
    shared_quotes: tuple[DiffItem, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict; the conflicts come first."""
        return {"id": self.id, "title": self.title, "articles": list(self.articles),
                "outlets": list(self.outlets),
                "conflicts": [i.to_dict() for i in self.conflicts],
                "agreements": [i.to_dict() for i in self.agreements],
                "only": [i.to_dict() for i in self.only],
                "shared_quotes": [i.to_dict() for i in self.shared_quotes]}


# ---------------------------------------------------------------- words


def _bag(text: str) -> Counter:
    stop = stopwords()
    return Counter(lemma(w) for w in _WORD.findall(text) if w.lower() not in stop and len(w) > 1)


def _likeness(a: Counter, b: Counter, idf: Mapping[str, float]) -> float:
    """IDF-weighted cosine of two word bags."""
    if not a or not b:
        return 0.0
    dot = sum(idf.get(w, 1.0) ** 2 for w in a.keys() & b.keys())
    na = math.sqrt(sum(idf.get(w, 1.0) ** 2 for w in a))
    nb = math.sqrt(sum(idf.get(w, 1.0) ** 2 for w in b))
    return dot / (na * nb)


def _tokens(s: str) -> list[str]:
    return re.findall(r"\w+", (s or "").lower())


def token_overlap(a: str, b: str) -> float:
    """Words of the shorter text found, in order, in the other (difflib matching blocks)."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    m = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    return sum(bl.size for bl in m.get_matching_blocks()) / min(len(ta), len(tb))


def _same_person(a: str | None, b: str | None) -> bool:
    """Two speaker names of one person: the words of one are all in the other (`Syafrin` / `Syafrin Liputo`)."""
    if not a or not b:
        return False
    ta, tb = set(_tokens(a)), set(_tokens(b))
    return bool(ta and tb) and (ta <= tb or tb <= ta)


# ---------------------------------------------------------------- slots


def _days(c: Claim) -> set[str]:
    out = set()
    for v in c.dates:
        m = _DAYV.match(v.split("T")[0])
        if m and "XX" not in (m.group(2), m.group(3)):
            out.add(v.split("T")[0])
    return out


def _same_day(x: str, y: str) -> bool:
    return all(p == q or "X" in p or "X" in q for p, q in zip(x.split("-"), y.split("-")))


def _times(c: Claim) -> list[int]:
    return [int(m.group(1)) * 60 + int(m.group(2)) for v in c.dates for m in [_TIME.search(v)] if m]


def _place_parts(p: str) -> tuple[str | None, frozenset[str]]:
    """(head word, name words) of a place: `Kecamatan Sorbai` -> ("kecamatan", {"sorbai"})."""
    words = _tokens(p)
    heads = place_words()
    head = None
    while words and words[0] in heads:
        head = words.pop(0)
    return head, frozenset(words)


def _place_match(p: str, q: str) -> bool:
    _, a = _place_parts(p)
    _, b = _place_parts(q)
    if not a or not b:
        return False
    if a <= b or b <= a:
        return True
    # spelling variants (`Wahr` / `Wahru` / `Wearhu`)
    return difflib.SequenceMatcher(None, " ".join(sorted(a)), " ".join(sorted(b))).ratio() >= 0.75


def _place_slot(a: Claim, b: Claim) -> tuple[str | None, str]:
    pa, pb = list(a.places), list(b.places)
    if not pa or not pb:
        return None, ""
    levels = place_words()
    # one place under two different administrative units of the same level
    for x in pa:
        hx, nx = _place_parts(x)
        for y in pb:
            hy, ny = _place_parts(y)
            if (hx and hx == hy and levels.get(hx, 0) > 0 and nx and ny and not _place_match(x, y)
                    and any(_place_match(u, v) for u in pa for v in pb)):
                return "conflict", f"{x} / {y}"
    if any(_place_match(x, y) for x in pa for y in pb):
        return "agree", ""
    if len(pa) <= 2 and len(pb) <= 2:
        return "differ", f"{', '.join(pa)} / {', '.join(pb)}"  # a conflict only for claims close enough
    return None, ""


def _number_slot(a: Claim, b: Claim) -> tuple[str | None, str]:
    results = []
    for qa in a.quantities:
        for qb in b.quantities:
            r = compare_quantities(qa, qb)
            if r != "unrelated":
                results.append((r, qa, qb))
    if not results:
        return None, ""
    if any(r == "agree" for r, _, _ in results):
        return "agree", ""
    if _CHANGE.search(a.text) or _CHANGE.search(b.text):
        return None, ""
    # the counted thing must be named on both sides (`20 bus` / `sekitar 50 unit`: `bus` in both sentences)
    ba, bb = _bag(a.text), _bag(b.text)
    for _, qa, qb in results:
        nouns = {lemma(u.split()[-1]) for u in (qa.unit, qb.unit) if u and unit_class(u) != "classifier"}
        if nouns and all(n in ba and n in bb for n in nouns):
            return "conflict", f"{qa.text} / {qb.text}"
    return None, ""
    _, qa, qb = results[0]
    return "conflict", f"{qa.text} / {qb.text}"


def _day_slot(a: Claim, b: Claim) -> tuple[str | None, str]:
    da, db = _days(a), _days(b)
    if not da or not db:
        return None, ""
    if any(_same_day(x, y) for x in da for y in db):
        return "agree", ""
    return "conflict", f"{', '.join(sorted(da))} / {', '.join(sorted(db))}"


def _time_slot(a: Claim, b: Claim) -> tuple[str | None, str]:
    ta, tb = _times(a), _times(b)
    if not ta or not tb:
        return None, ""
    approx = bool(re.search(r"\b(?:sekitar|sekira|kira-kira|kurang lebih)\b", a.text + " " + b.text, re.IGNORECASE))
    tol = APPROX_TOLERANCE if approx else TIME_TOLERANCE
    if any(abs(x - y) <= tol for x in ta for y in tb):
        return "agree", ""
    if approx and min(abs(x - y) for x in ta for y in tb) < 60:
        return None, ""  # two rough times half an hour apart say little
    fmt = lambda ms: ", ".join(f"{m // 60:02d}:{m % 60:02d}" for m in ms)
    return "conflict", f"{fmt(ta)} / {fmt(tb)}"


# ---------------------------------------------------------------- story


@dataclass
class _Art:
    path: str
    outlet: str
    result: ArticleResult
    claims: list[Claim] = field(default_factory=list)
    bags: list[Counter] = field(default_factory=list)


def _claims_of(r: ArticleResult) -> list[Claim]:
    if r.claims:
        return list(r.claims)
    a = r.article
    return find_claims(a.body, dates=r.dates, quotes=r.quotes, mentions=r.entities, title=a.title)


def _side(art: _Art, c: Claim) -> Side:
    return Side(path=art.path, outlet=art.outlet, text=c.text, start=c.start, end=c.end, kind=c.kind,
                speaker=c.speaker, in_title=c.kind == "headline")


def _knows(art: _Art, q) -> bool:
    return any(compare_quantities(q, o) == "agree" for c in art.claims for o in c.quantities)


def _both_know(A: _Art, B: _Art, ca: Claim, cb: Claim) -> bool:
    """Each article states the other's amount somewhere: two facts (before and after, total and part),
    not two accounts of one."""
    return any(_knows(B, qa) for qa in ca.quantities) and any(_knows(A, qb) for qb in cb.quantities)


def _sentence_of(art: _Art, c: Claim) -> str:
    """The sentence claim around a circumstance clause (the quote and its attribution)."""
    for o in art.claims:
        if o.kind != "circumstance" and o.kind != "headline" and o.start <= c.start and o.end >= c.end:
            return o.text
    return c.text


def _main_predicates(arts: Sequence[_Art]) -> set[str]:
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


def _is_main_event(c: Claim, main: set[str]) -> bool:
    return (c.predicate in main) or bool(_ANAPHOR.search(c.text) and c.dates)


def _pair_kinds(a: Claim, b: Claim) -> bool:
    """Circumstances pair with circumstances; headlines are not compared across outlets (too terse)."""
    if a.kind == "headline" or b.kind == "headline":
        return False
    return (a.kind == "circumstance") == (b.kind == "circumstance")


def _classify(a: Claim, b: Claim, sim: float, main_pair: bool, same_act: bool = False
              ) -> tuple[str, str, str]:
    """(verdict, what, note) for two claims taken to be about the same thing.

    How close two claims must be before a difference counts depends on the slot: a statement's own day
    and place (circumstance claims of one speaker) and the main event's clock time and administrative
    unit are compared whenever the claims pair; amounts need clearly alike sentences; other places and
    days need near-identical ones."""
    circ = a.kind == "circumstance"
    slots = {"number": _number_slot(a, b), "place": _place_slot(a, b), "day": _day_slot(a, b),
             "time": _time_slot(a, b)}
    need = {"number": PAIR - 0.05, "time": CONFLICT, "day": NEAR_SAME - 0.1, "place": NEAR_SAME - 0.1}
    if circ:
        need.update(number=2.0, day=0.0, place=0.0, time=0.0)
    elif main_pair:
        need.update(time=0.0)
    if same_act and not circ:
        need.update(number=0.0)
    for what in ("number", "time", "day", "place"):
        verdict, note = slots[what]
        if verdict == "conflict" and (sim >= need[what] or (what == "place" and main_pair)):
            return "conflict", what, note
        if verdict == "differ" and sim >= need[what]:
            if (a.modality == "planned") != (b.modality == "planned") and not circ:
                continue
            return "conflict", what, note
    if (a.polarity != b.polarity and sim >= NEAR_SAME and a.predicate and a.predicate == b.predicate
            and not circ):
        return "conflict", "denial", f"{a.polarity} / {b.polarity}"
    agreed = [w for w, (v, _) in slots.items() if v == "agree"]
    if agreed and sim >= PAIR:
        return "agree", agreed[0], ""
    if sim >= NEAR_SAME:
        return "agree", "statement", ""
    return "none", "", ""


def _shared_quotes(arts: Sequence[_Art]) -> list[DiffItem]:
    out = []
    for i, A in enumerate(arts):
        for B in arts[i + 1:]:
            if A.outlet == B.outlet and A.outlet != "unknown":
                continue
            for qa in A.result.quotes:
                if qa.kind not in ("direct", "partial") or len(_tokens(qa.text)) < 3:
                    continue
                best: tuple[float, Quote] | None = None
                for qb in B.result.quotes:
                    if qb.kind not in ("direct", "partial") or len(_tokens(qb.text)) < 3:
                        continue
                    ov = token_overlap(qa.text, qb.text)
                    same = _same_person(qa.speaker, qb.speaker)
                    unknown = not qa.speaker or not qb.speaker
                    if ov >= QUOTE_OVERLAP and (same or (unknown and ov >= 0.8)) and (best is None or ov > best[0]):
                        best = (ov, qb)
                if best:
                    qb = best[1]
                    out.append(DiffItem(
                        what="quote",
                        a=Side(A.path, A.outlet, qa.text, qa.start, qa.end, "quote", qa.speaker),
                        b=Side(B.path, B.outlet, qb.text, qb.start, qb.end, "quote", qb.speaker),
                        score=best[0], note=qa.speaker or qb.speaker or ""))
    return out


def compare_story(story: Any, results_by_path: Mapping[str, ArticleResult]) -> StoryDiff:
    """The diff of one story (a `stories.Story`, or anything with `id`, `title`, `articles`)."""
    arts: list[_Art] = []
    for p in story.articles:
        r = results_by_path.get(p)
        if r is None:
            continue
        art = _Art(path=p, outlet=r.article.outlet or "unknown", result=r)
        art.claims = _claims_of(r)
        art.bags = [_bag(c.text) for c in art.claims]
        arts.append(art)
    df: Counter = Counter()
    for art in arts:
        for bag in art.bags:
            df.update(bag.keys())
    n_claims = max(1, sum(len(a.claims) for a in arts))
    idf = {w: math.log((1 + n_claims) / (1 + k)) + 1 for w, k in df.items()}
    main = _main_predicates(arts)
    conflicts: list[DiffItem] = []
    agreements: list[DiffItem] = []
    paired: set[tuple[int, int]] = set()
    for i, A in enumerate(arts):
        for j in range(i + 1, len(arts)):
            B = arts[j]
            if A.outlet == B.outlet and A.outlet != "unknown":
                continue
            found: dict[tuple[str, str], DiffItem] = {}  # best item per (verdict, what, note)
            for x, ca in enumerate(A.claims):
                for y, cb in enumerate(B.claims):
                    if not _pair_kinds(ca, cb):
                        continue
                    if ca.kind == "circumstance" and not (
                            _same_person(ca.speaker, cb.speaker) or set(ca.subjects) & set(cb.subjects)
                            or token_overlap(_sentence_of(A, ca), _sentence_of(B, cb)) >= QUOTE_OVERLAP):
                        continue
                    sim = _likeness(A.bags[x], B.bags[y], idf)
                    main_pair = _is_main_event(ca, main) and _is_main_event(cb, main) \
                        and ca.kind != "circumstance"
                    # amounts of the same happening (`20 bus yang terbakar` / `Bus yang terbakar … 50 unit`)
                    same_act = bool(ca.quantities and cb.quantities and ca.predicate
                                    and ca.predicate == cb.predicate)
                    if sim < CANDIDATE and not main_pair and not same_act and ca.kind != "circumstance":
                        continue
                    if ca.kind == "circumstance" and sim < PAIR / 2:
                        continue
                    verdict, what, note = _classify(ca, cb, sim, main_pair, same_act)
                    if verdict == "none":
                        continue
                    if verdict == "conflict" and what == "number" and _both_know(A, B, ca, cb):
                        continue
                    paired.add((i, x))
                    paired.add((j, y))
                    item = DiffItem(what=what, a=_side(A, ca), b=_side(B, cb), score=sim, note=note)
                    key = (verdict, what + "|" + note if verdict == "conflict" else f"{x}")
                    old = found.get(key)
                    # the attribution clause says it more precisely than its whole sentence
                    rank = (item.a.kind == "circumstance", item.score)
                    if old is None or rank > (old.a.kind == "circumstance", old.score):
                        found[key] = item
            for (verdict, _), item in sorted(found.items(), key=lambda kv: (kv[1].a.start, kv[1].b.start)):
                (conflicts if verdict == "conflict" else agreements).append(item)
    only = [DiffItem(what=c.kind, a=_side(A, c)) for i, A in enumerate(arts) for x, c in enumerate(A.claims)
            if (i, x) not in paired and c.kind in ("quantity", "event")]
    outlets = tuple(sorted({a.outlet for a in arts}))
    return StoryDiff(id=story.id, title=story.title, articles=tuple(story.articles), outlets=outlets,
                     conflicts=tuple(conflicts), agreements=tuple(agreements), only=tuple(only),
                     shared_quotes=tuple(_shared_quotes(arts)))


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
    return pd.DataFrame(rows, columns=["story", "kind", "what", "score", "note", "a_outlet", "a_path",
                                       "a_text", "b_outlet", "b_path", "b_text"])
