"""Cross-outlet diff of one story: where outlets agree, where they conflict, what only one has, shared quotes.

    diff = compare_story(story, results_by_path)
    diff.to_dict()  # {"id", "title", "articles", "outlets", "conflicts", "agreements", "only", "shared_quotes"}

Claims (claims.py) of articles from different outlets are paired when they speak of the same thing: the
same words (IDF-weighted over the story), the same predicate, or, for the story's main event, the same
event verb or an event anaphor (`peristiwa ini terjadi …`). A pair is then classified slot by slot:

* conflict: both state a value for the same slot and the values differ:
  - an amount hanging on the same verb (`20 bus yang terbakar` / `Bus yang terbakar … sekitar 50 unit`;
    rounding and approximation are not differences: `1.323.459` / `1,3 juta`; amounts of different things
    are not compared: different verbs, a negated amount against a plain one, or sentences naming
    different things), or two kinds of one measure in otherwise agreeing sentences (`3 bulan kurungan`
    / `tiga bulan penjara`);
  - the day or the venue of one statement: the attribution clauses (`ujar Syafrin, Selasa (10/6/2025)`
    / `kata … Syafrin Liputo, Rabu (11/6/2025)`) of one speaker's same quote (or of one appearance, for
    the venue: `di Istana Negara` / `di Kantor Presiden`, two sites; a complex holding a site is not);
  - the clock time of the story's event: per article the first sentence that names the event (a verb the
    titles share, or `peristiwa ini terjadi …`) with a time, so each time meets its right partner;
  - the administrative unit of one place (`Desa Debut, Kecamatan Sorbai` / `… Kecamatan Manyeu`);
  - the venue of the story's event (a kind of data/event_words.tsv, such as a meeting, whose verb the titles
    share): per article the city or site in `di X`/`ke X` just after an event word (`pertemuan akan
    berlangsung di kota pelabuhan Vladivostok` / `menyambutnya di Vostochny Cosmodrome`), noted as plan or
    report; never a region or country (data/regions.tsv, `wilayah`), a place an article puts inside the
    other (`X, Y`, `X … di Y`), a venue the other article names anyway, or sentences of two days or of an
    earlier meeting. A headline venue its own body never uses is compared too (`in_title`), also within
    its article;
  - a name filling one noun in aligned sentences (`truk Fuso` / `truk Hino`, aligned by a shared name
    such as `Daihatsu Sigra`), where neither article writes the other's name after that noun;
  - a denial against an assertion of the same predicate in near-identical sentences.
  A detail one outlet leaves out is not a conflict. Of several sentences stating one conflicting value,
  the best aligned with the other side is shown.
* agreement: a slot agrees and none conflicts, or the two say nearly the same words.
* only: a check-worthy claim no other outlet has a partner for.

Shared quotes are the same direct quote in two outlets: near-verbatim (words in order, spelling variants
such as `nggak`/`enggak` allowed), or one sentence of a longer quote (then each side is that sentence). The
words must be closer the less sure the speakers are one person (the same name or a shared name word:
0.6; one unknown: 0.7; two different names, such as a role and a name: 0.85). A quote direct in one outlet
and indirect in the other is not shared. Every side is `{"path", "outlet", "text", ...}` with `text` an
exact substring of that article's body (headline claims: of its title, with `in_title`).
"""
from __future__ import annotations

import difflib
import functools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .claims import (
    _BASE_VERBS,
    _NOUN_FORM,
    _SPEECH_LEMMAS,
    _VERB_PREFIX,
    _WORD,
    find_claims,
    lemma,
    place_kinds,
    place_words,
    stopwords,
)
from .quantities import compare as compare_quantities
from .quantities import unit_class, units_relation
from .records import ArticleResult, Claim, Quote
from .tables import load_tsv

CANDIDATE = 0.20  # word likeness below which two claims are not looked at together
PAIR = 0.30  # word likeness for two claims to be about the same thing
CONFLICT = 0.38  # … and for a difference between them to count as a conflict
NEAR_SAME = 0.75  # word likeness at which two claims agree without a shared value
QUOTE_OVERLAP = 0.6  # share of the shorter quote's words, in order, for a shared quote
TIME_TOLERANCE = 10  # minutes between two clock times that still agree (`sekitar`: APPROX_TOLERANCE)
APPROX_TOLERANCE = 45
EVENT_GAP = 360  # minutes: accounts of one happening further apart than this are of two happenings
# An event anaphor: the sentence is about the story's event itself (`Peristiwa ini terjadi sekitar pukul …`).
_ANAPHOR = re.compile(r"\b(?:peristiwa|kejadian|insiden|kecelakaan|musibah|tragedi|kebakaran|gempa)\s+"
                      r"(?:ini|itu|tersebut|nahas)?\s*(?:\w+\s+)?terjadi\b", re.IGNORECASE)
# A sentence that reports a change carries an old and a new value (`dari 15 tahun menjadi 12 tahun`).
# (`Sebelumnya,` opening a sentence only says "earlier" and is left out.)
_CHANGE = re.compile(r"\b(?:menjadi|semula|dari yang|dipangkas|dipotong|memangkas|berkurang|"
                     r"bertambah|naik|turun)\b|(?<=\w )sebelumnya\b", re.IGNORECASE)
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


def _verbs(words: Sequence[str]) -> set[str]:
    """Lemmas of the verb-like words (prefixed or listed base verbs) among `words`."""
    out = set()
    for w in words:
        lw = w.lower()
        if lw in _BASE_VERBS or (_VERB_PREFIX.match(lw) and not _NOUN_FORM.match(lw) and lw not in stopwords()
                                 and lw not in _unit_words()):
            out.add(lemma(lw))
    return out


def _frame(text: str, q) -> tuple[set[str], bool]:
    """(verbs, negated) around an amount: the verb lemmas within six words of it, and whether a negator
    (`tidak`, `belum`, `gagal`: data/hedges.tsv, negative) stands just before it."""
    i = text.find(q.text)
    if i < 0:
        return set(), False
    before = _WORD.findall(text[:i])[-6:]
    after = _WORD.findall(text[i + len(q.text):])[:6]
    neg = {m for m, cat in _hedge_rows() if cat == "negative"}
    negated = any(w.lower() in neg for w in before[-4:])
    return _verbs(before + after), negated


@functools.lru_cache(maxsize=1)
def _hedge_rows() -> tuple[tuple[str, str], ...]:
    return tuple((r["marker"].lower(), r["category"]) for r in load_tsv("hedges.tsv", ("marker", "category"), 2))


def _names(c: Claim) -> set[str]:
    """Name words of a sentence: its entities and places, and capitalised words after its first word."""
    out = {t for n in c.subjects + c.places for t in _tokens(n) if len(t) >= 3}
    words = _WORD.findall(c.text)
    out.update(w.lower() for w in words[1:] if w[:1].isupper() and len(w) >= 3)
    return out - stopwords()


def _other_names(a: Claim, b: Claim) -> bool:
    """Both sentences name someone or something and share no name: they speak of different things
    (`baterai … Ace … 260 mAh` / `F4 Plus … 4.800 mAh`)."""
    na, nb = _names(a), _names(b)
    return bool(na and nb and not na & nb)


def _number_slot(a: Claim, b: Claim) -> tuple[str | None, str, Any]:
    """Amounts of the same measure. A count conflicts when no amount of the two sentences agrees, the counted
    thing is named on both sides and the amounts hang on the same verb (`20 bus yang terbakar` / `Bus yang
    terbakar … 50 unit`; not `lima perusahaan … memiliki IUP` / `mencabut IUP empat perusahaan`), neither is
    negated alone (`gagal salur … 1,3 juta` / `disalurkan … 14 juta`). Two kinds of one measure
    (`3 bulan kurungan` / `tiga bulan penjara`) conflict when another amount of the sentences agrees."""
    results = []
    for qa in a.quantities:
        for qb in b.quantities:
            r = compare_quantities(qa, qb)
            if r != "unrelated":
                results.append((r, qa, qb))
    if not results:
        return None, "", None
    agreed = [(qa, qb) for r, qa, qb in results if r == "agree"]
    if _CHANGE.search(a.text) or _CHANGE.search(b.text):
        return ("agree", "", None) if agreed else (None, "", None)
    ba, bb = _bag(a.text), _bag(b.text)
    for r, qa, qb in results:
        if r != "conflict" or any(qa is x or qb is y for x, y in agreed):
            continue
        (va, na), (vb, nb) = _frame(a.text, qa), _frame(b.text, qb)
        if na != nb:
            continue
        if units_relation(qa.unit, qb.unit) == "differ":
            if agreed:
                return "conflict", f"{qa.text} / {qb.text}", (qa, qb)
            continue
        if agreed:
            continue
        nouns = {lemma(u.split()[-1]) for u in (qa.unit, qb.unit) if u and unit_class(u) != "classifier"}
        if not (nouns and all(n in ba and n in bb for n in nouns)):
            continue
        if va & vb and not _other_names(a, b):
            return "conflict", f"{qa.text} / {qb.text}", (qa, qb)
    if agreed:
        return "agree", "", None
    return None, "", None


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


def _both_know(A: _Art, B: _Art, qa, qb) -> bool:
    """Each article states the other's amount somewhere: two facts (before and after, total and part),
    not two accounts of one."""
    return _knows(B, qa) and _knows(A, qb)


def _enclosing(art: _Art, c: Claim) -> Claim:
    """The sentence claim around a circumstance clause (the quote and its attribution)."""
    for o in art.claims:
        if o.kind != "circumstance" and o.kind != "headline" and o.start <= c.start and o.end >= c.end:
            return o
    return c


def _paragraph(body: str, start: int, end: int) -> tuple[int, int]:
    a = body.rfind("\n", 0, start) + 1
    b = body.find("\n", end)
    return a, (len(body) if b < 0 else b)


def _quotes_in(art: _Art, a: int, b: int) -> list[Quote]:
    return [q for q in art.result.quotes if q.start < b and q.end > a and len(_tokens(q.text)) >= 4]


def _same_statement(A: _Art, ca: Claim, B: _Art, cb: Claim) -> bool:
    """The two attribution clauses report one statement: their sentences carry the same quote, or the
    quote of one stands, marked or not, in the other's paragraph (`“Perubahan ini diharapkan …,” ujar dia`
    / `…, kata Gregorius …, Kamis (19/6/2025). Perubahan ini diharapkan …`)."""
    sa, sb = _enclosing(A, ca), _enclosing(B, cb)
    qa, qb = _quotes_in(A, sa.start, sa.end), _quotes_in(B, sb.start, sb.end)
    if any(token_overlap(x.text, y.text) >= QUOTE_OVERLAP for x in qa for y in qb):
        return True
    pa, pb = _paragraph(A.result.article.body, sa.start, sa.end), _paragraph(B.result.article.body, sb.start, sb.end)
    para_a, para_b = A.result.article.body[pa[0]:pa[1]], B.result.article.body[pb[0]:pb[1]]
    return any(len(_tokens(x.text)) >= 6 and token_overlap(x.text, para_b) >= 0.8 for x in qa) or \
        any(len(_tokens(y.text)) >= 6 and token_overlap(y.text, para_a) >= 0.8 for y in qb)


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


def _main_verbs(arts: Sequence[_Art]) -> set[str]:
    """Verbs of the story's event: verb lemmas that the titles of two or more outlets use (`Terbalik`); where
    fewer than two articles have a title, those of the titles and the first body sentences."""
    counts: Counter = Counter()
    titled = sum(1 for a in arts if a.result.article.title)
    for art in arts:
        words = _WORD.findall(art.result.article.title or "")
        if titled < 2:
            lead = next((c for c in art.claims if c.kind != "headline"), None)
            words += _WORD.findall(lead.text) if lead else []
        counts.update(_verbs(words) - _SPEECH_LEMMAS)
    return {v for v, n in counts.items() if n >= 2}


def _is_main_event(c: Claim, main: set[str]) -> bool:
    return (c.predicate in main) or bool(_ANAPHOR.search(c.text) and c.dates)


def _pair_kinds(a: Claim, b: Claim) -> bool:
    """Circumstances pair with circumstances; headlines are not compared across outlets (too terse)."""
    if a.kind == "headline" or b.kind == "headline":
        return False
    return (a.kind == "circumstance") == (b.kind == "circumstance")


def _classify(a: Claim, b: Claim, sim: float, main_pair: bool, same_act: bool = False
              ) -> tuple[str, str, str, Any]:
    """(verdict, what, note, amounts) for two sentence claims taken to be about the same thing.

    How close two claims must be before a difference counts depends on the slot: amounts need clearly
    alike sentences (or the same verb), clock times close ones, other places and days near-identical ones;
    the main event's administrative unit is compared whenever the claims pair."""
    num = _number_slot(a, b)
    slots = {"number": num[:2], "place": _place_slot(a, b), "day": _day_slot(a, b), "time": _time_slot(a, b)}
    need = {"number": PAIR - 0.05, "time": CONFLICT, "day": NEAR_SAME - 0.1, "place": NEAR_SAME - 0.1}
    if same_act:
        need.update(number=0.0)
    for what in ("number", "time", "day", "place"):
        verdict, note = slots[what]
        if verdict == "conflict" and (sim >= need[what] or (what == "place" and main_pair)):
            return "conflict", what, note, num[2] if what == "number" else None
        if verdict == "differ" and sim >= need[what]:
            if (a.modality == "planned") != (b.modality == "planned"):
                continue
            return "conflict", what, note, None
    if (a.polarity != b.polarity and sim >= NEAR_SAME and a.predicate and a.predicate == b.predicate):
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
    if sim >= NEAR_SAME:
        return "agree", "statement", "", None
    return "none", "", "", None


def _venue(c: Claim) -> tuple[str, str] | None:
    """(kind, place) of the first place of an attribution clause when it names a site or an
    administrative unit by its head word (`Istana Negara`, `Kantor Presiden`)."""
    if not c.places:
        return None
    p = c.places[0]
    words = _tokens(p)
    kind = place_kinds().get(words[0]) if len(words) > 1 else None
    if kind == "admin":
        kind = f"admin{place_words().get(words[0], 0)}"
    return (kind, p) if kind and kind not in ("container", "area", "street") else None


def _classify_circumstance(A: _Art, ca: Claim, B: _Art, cb: Claim) -> tuple[str, str, str]:
    """Two attribution clauses of one speaker: when and where the words were said. The days of one
    statement (the same quote) conflict; the venues of one appearance (one speaker, one day) conflict when
    both name a site of the same kind."""
    day, day_note = _day_slot(ca, cb)
    same = None
    if day == "conflict":
        same = _same_statement(A, ca, B, cb)
        if same:
            return "conflict", "day", day_note
    va, vb = _venue(ca), _venue(cb)
    if (va and vb and va[0] == vb[0] and not _place_match(va[1], vb[1])
            and (day == "agree" or (same if same is not None else _same_statement(A, ca, B, cb)))
            # neither clause also names the other's venue
            and not any(_place_match(va[1], p) for p in cb.places)
            and not any(_place_match(vb[1], p) for p in ca.places)):
        return "conflict", "place", f"{va[1]} / {vb[1]}"
    if day == "agree":
        return "agree", "day", ""
    return "none", "", ""


# ---------------------------------------------------------------- whole-article slots


def _event_time(art: _Art, main: set[str]) -> tuple[Claim, list[int]] | None:
    """The clock time the article gives for the story's event: the first sentence that names the event
    (a verb of the titles, or `peristiwa ini terjadi …`) and gives a time."""
    for c in art.claims:
        if c.kind in ("headline", "circumstance"):
            continue
        ts = _times(c)
        if not ts:
            continue
        if _verbs(_WORD.findall(c.text)) & main or _ANAPHOR.search(c.text):
            return c, ts
    return None


_APPROX = re.compile(r"\b(?:sekitar|sekira|kira-kira|kurang lebih|sekitaran)\b", re.IGNORECASE)


def _event_time_conflict(ea, eb) -> str | None:
    (ca, ta), (cb, tb) = ea, eb
    if _day_slot(ca, cb)[0] == "conflict":
        return None  # two days: two happenings (or a day conflict), not two clock times of one
    approx = bool(_APPROX.search(ca.text) or _APPROX.search(cb.text))
    gap = min(abs(x - y) for x in ta for y in tb)
    if gap <= (APPROX_TOLERANCE if approx else TIME_TOLERANCE) or (approx and gap < 60) or gap > EVENT_GAP:
        return None
    fmt = lambda ms: ", ".join(f"{m // 60:02d}:{m % 60:02d}" for m in ms)
    return f"{fmt(ta)} / {fmt(tb)}"


_NAMEW = r"[A-Z][\w'-]*"
_SLOT = re.compile(rf"\b([a-z][a-z-]{{2,}})\s+({_NAMEW}(?:\s+{_NAMEW}){{0,2}})")


@functools.lru_cache(maxsize=1)
def _slot_skip() -> frozenset[str]:
    """Words that do not head a name slot: speech verbs (`kata X`), place heads (places are compared
    as places), month and weekday words."""
    out = set(place_words())
    for r in load_tsv("speech_verbs.tsv", ("lemma", "forms", "kind", "slot", "class"), 1):
        out.add(r["lemma"].lower())
        out.update(f.strip().lower() for f in (r.get("forms") or "").split(",") if f.strip())
    out.update(["hari", "tanggal", "bulan", "tahun", "pukul", "jam", "kabupaten", "provinsi", "kota"])
    return frozenset(out)


_CALENDAR = frozenset(["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Januari", "Februari",
                       "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November",
                       "Desember", "Baca"])


def _name_slots(text: str) -> list[tuple[str, str]]:
    """(common noun, name) pairs: a lower-case noun and the name right after it (`truk Fuso`,
    `minibus Daihatsu Sigra`)."""
    out = []
    skip = _slot_skip()
    for m in _SLOT.finditer(text):
        head, name = m.group(1).lower(), m.group(2)
        words = name.split()
        while words and words[-1] in _CALENDAR:
            words.pop()
        if not words or words[0] in _CALENDAR:
            continue
        if head in skip or head in stopwords() or _VERB_PREFIX.match(head) or head in _BASE_VERBS:
            continue
        if len(words) == 1 and words[0].isupper() and len(words[0]) <= 3:
            continue  # initials (`pria berinisial DI`)
        if any(not w.isalpha() or w.lower() in _unit_words() for w in words):
            continue  # `denda Rp500`, `sebesar US$`
        out.append((head, " ".join(words)))
    return out


@functools.lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in load_tsv("units.tsv", ("word", "unit", "class"), 3))


def _name_like(x: str, y: str) -> bool:
    a, b = set(_tokens(x)), set(_tokens(y))
    if a & b:
        return True
    return difflib.SequenceMatcher(None, x.lower(), y.lower()).ratio() >= 0.75


def _name_conflict(A: _Art, ca: Claim, B: _Art, cb: Claim) -> str | None:
    """Aligned sentences (they share another name: `minibus Daihatsu Sigra` / `mobil Daihatsu Sigra`) that
    fill one noun with two different names (`truk Fuso` / `truk Hino`), where neither article ever writes
    the other's name after that noun."""
    sa, sb = _name_slots(ca.text), _name_slots(cb.text)
    if not sa or not sb:
        return None
    for ha, na in sa:
        for hb, nb in sb:
            if ha != hb or _name_like(na, nb):
                continue
            anchor = any(_name_like(x, y) for h1, x in sa for h2, y in sb if x != na and y != nb)
            if not anchor:
                continue
            body_a, body_b = A.result.article.body, B.result.article.body
            if re.search(rf"\b{re.escape(hb)}\s+{re.escape(nb)}\b", body_a) or \
                    re.search(rf"\b{re.escape(ha)}\s+{re.escape(na)}\b", body_b):
                continue
            return f"{ha} {na} / {hb} {nb}"
    return None


def _chains(art: _Art) -> list[tuple[frozenset[str], str, str, int]]:
    """(place name words, unit head, unit name, offset) for every `X, <unit> Y` in the body
    (`Desa Debut, Kecamatan Sorbai`): the administrative unit the article puts a place in."""
    body = art.result.article.body
    levels = place_words()
    admin = "|".join(sorted((re.escape(w) for w, lv in levels.items() if lv > 0), key=len, reverse=True))
    pat = re.compile(rf"((?:{_NAMEW}\s+){{0,3}}{_NAMEW}),\s+((?i:{admin}))\s+({_NAMEW}(?:\s+{_NAMEW}){{0,2}})")
    out = []
    pos = 0
    while True:
        m = pat.search(body, pos)
        if not m:
            break
        _, names = _place_parts(m.group(1))
        if names:
            out.append((names, m.group(2).lower(), m.group(3), m.start()))
        pos = m.start(2)  # chains overlap: `Ohoi, Desa Debut, Kecamatan Sorbai`
    return out


def _claim_at(art: _Art, pos: int) -> Claim | None:
    for c in art.claims:
        if c.kind not in ("headline", "circumstance") and c.start <= pos < c.end:
            return c
    return None


def _unit_conflicts(A: _Art, B: _Art) -> list[tuple[Claim, Claim, str]]:
    """One place put in two different units of the same level (`Desa Debut, Kecamatan Sorbai` /
    `Desa Debut, Kecamatan Manyeu`), where neither article also gives the other's unit."""
    out = []
    ca_, cb_ = _chains(A), _chains(B)
    seen = set()
    for na, ha, ua, pa in ca_:
        for nb, hb, ub, pb in cb_:
            if ha != hb or not _place_match(" ".join(na), " ".join(nb)) or _place_match(ua, ub):
                continue
            if any(hb2 == ha and _place_match(ua, ub2) for nb2, hb2, ub2, _ in cb_ if _place_match(" ".join(na), " ".join(nb2))):
                continue
            if any(ha2 == hb and _place_match(ub, ua2) for na2, ha2, ua2, _ in ca_ if _place_match(" ".join(nb), " ".join(na2))):
                continue
            key = (ha, ua, ub)
            x, y = _claim_at(A, pa), _claim_at(B, pb)
            if key in seen or x is None or y is None:
                continue
            seen.add(key)
            out.append((x, y, f"{ha} {ua} / {hb} {ub}"))
    return out


# ---------------------------------------------------------------- venue of the story's event


@functools.lru_cache(maxsize=1)
def _event_groups() -> dict[str, str]:
    """Lemma -> event kind (data/event_words.tsv): `temu`, `sambut` -> meeting; `langsung` -> venue."""
    return {r["lemma"].lower(): r["group"] for r in load_tsv("event_words.tsv", ("lemma", "group"), 2)}


@functools.lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """Names of countries and large regions, lower case (data/regions.tsv)."""
    return frozenset(r["name"].lower() for r in load_tsv("regions.tsv", ("name", "kind"), 2))


_VENUE_AT = re.compile(rf"\b(?:[Dd]i|[Kk]e|DI|KE)\s+((?:[a-z]+\s+){{0,2}})({_NAMEW}(?:\s+{_NAMEW}){{0,3}})")
_CLAUSE_END = re.compile(r"[,;:.!?()\"“”–—]| - ")
_PAST = re.compile(r"\b(?:terakhir kali|pertama kali(?:nya)?|silam)\b", re.IGNORECASE)
_SEE_ALSO = re.compile(r"\bbaca(?: juga)?\s*:", re.IGNORECASE)  # a link to another article
VENUE_REACH = 5  # words between the event word and its `di X`


@dataclass(frozen=True, slots=True)
class _Venue:
    claim: Claim
    name: str  # the place name (`Vladivostok`, `Vostochny Cosmodrome`)
    planned: bool  # the sentence says it is a plan or a guess (`diperkirakan … akan berlangsung di X`)
    explicit: bool  # a take-place verb states it (`berlangsung di X`)
    headline: bool


def _event_lemmas(main: set[str]) -> set[str]:
    groups = _event_groups()
    kinds = {groups[v] for v in main if v in groups and groups[v] != "venue"}
    # only events of a kind the table knows (a meeting): a verb the titles share is not always an event
    # with one venue (`memastikan tempat`, `mengikuti turnamen`)
    return {w for w, g in groups.items() if g in kinds}


def _is_region(heads: Sequence[str], name: str, texts: Sequence[str]) -> bool:
    """A country, a large region or an area holding other places: `Timur Jauh Rusia`, `wilayah Amur`,
    `Rusia`; or a name the articles write as the container of another place (`Vladivostok, Rusia`,
    `di X di Amur`)."""
    kinds, levels = place_kinds(), place_words()
    if any(kinds.get(h) in ("container", "area") or levels.get(h, 0) >= 4 for h in heads):
        return True
    regions = _regions()
    words = name.lower().split()
    grams = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    return bool(grams & regions)


def _contains(texts: Sequence[str], outer: str, inner: str) -> bool:
    """An article writes `inner` as lying in `outer`: `X, Y` or `X, <apposition> di Y` (`Universitas
    Federal Timur Jauh di Vladivostok`, `Bandara Soekarno-Hatta, Tangerang`)."""
    i, o = re.escape(inner), re.escape(outer)
    pat = re.compile(rf"\b{i}\b(?:,\s+|[^.!?]{{0,80}}?\b[Dd]i\s+)(?:[a-z]+\s+){{0,2}}{o}\b")
    return any(pat.search(t) for t in texts)


def _venues(art: _Art, events: set[str], year: str | None, texts: Sequence[str]) -> list[_Venue]:
    """Where the article puts the story's event: a city or a site (not a region or a country) in `di X` /
    `ke X` within a few words after a word of the event (`bertemu`, `pertemuan … berlangsung`,
    `menyambutnya`), in the same clause; sentences of another year or of an earlier happening (`terakhir
    kali`) are left out."""
    out = []
    heads = place_words()
    groups = _event_groups()
    for c in art.claims:
        if c.kind == "circumstance":
            continue
        if year and any(v[:4].isdigit() and v[:4] != year for v in c.dates):
            continue
        if _PAST.search(c.text) or _SEE_ALSO.search(c.text):
            continue
        explicit = any(groups.get(lemma(w.lower())) == "venue" for w in _WORD.findall(c.text))
        for m in _WORD.finditer(c.text):
            if lemma(m.group(0).lower()) not in events:
                continue
            rest = c.text[m.end():m.end() + 120]
            stop = _CLAUSE_END.search(rest)
            rest = rest[:stop.start()] if stop else rest
            v = _VENUE_AT.search(rest)
            if not v or len(_WORD.findall(rest[:v.start()])) > VENUE_REACH:
                continue
            lead = v.group(1).split()
            if any(w not in heads for w in lead):
                continue
            names = v.group(2).split()
            if c.kind == "headline":
                names = names[:1]  # a title-case headline: one word
            while names and names[-1] in _CALENDAR:
                names.pop()
            if not names or names[0] in _CALENDAR:
                continue
            name = " ".join(names)
            if _is_region(lead, name, texts):
                continue
            # a title-case headline capitalises every word: its place must be a name some body writes so
            if c.kind == "headline" and not any(re.search(rf"(?<=[a-z,] ){re.escape(name)}\b", t) for t in texts):
                continue
            planned = c.modality in ("planned", "uncertain")
            out.append(_Venue(c, name, planned, explicit, c.kind == "headline"))
            break
    return out


def _mentions(text: str, name: str) -> bool:
    return bool(re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE)) or any(
        re.search(rf"\b{re.escape(w)}\b", text) for w in name.split() if len(w) >= 5 and w.lower() not in _regions())


def _venue_note(x: _Venue, y: _Venue) -> str:
    tag = lambda v: f"{v.name} ({'title, ' if v.headline else ''}{'plan' if v.planned else 'report'})"
    return f"{tag(x)} / {tag(y)}"


def _story_venues(arts: Sequence[_Art], main: set[str]) -> list[tuple[list[_Venue], _Venue | None]]:
    """Per article (body venues, headline venue when it differs from every body venue)."""
    events = _event_lemmas(main)
    years = Counter(a.result.article.published[:4] for a in arts if a.result.article.published)
    year = years.most_common(1)[0][0] if years else None
    texts = [a.result.article.body for a in arts]
    out = []
    for art in arts:
        vs = _venues(art, events, year, texts)
        body = [v for v in vs if not v.headline]
        head = next((v for v in vs if v.headline), None)
        if head and any(_place_match(head.name, v.name) for v in body):
            head = None
        # the explicit venue statement first (`pertemuan akan berlangsung di X`)
        body.sort(key=lambda v: not v.explicit)
        out.append((body, head))
    return out


def _text_of(art: _Art, title: bool = True) -> str:
    a = art.result.article
    return ((a.title or "") + "\n" if title else "") + a.body[a.dateline_end:]


def _venue_conflict(A: _Art, xs: Sequence[_Venue], B: _Art, ys: Sequence[_Venue], texts: Sequence[str] = ()
                    ) -> tuple[_Venue, _Venue] | None:
    """Two accounts put the event in two different cities or sites: no venue of one matches a venue of the
    other, and neither article names the other's venue anywhere (then one may hold the other)."""
    if not xs or not ys or any(_place_match(x.name, y.name) for x in xs for y in ys):
        return None
    x, y = xs[0], ys[0]
    if _day_slot(x.claim, y.claim)[0] == "conflict":
        return None  # two days: two happenings
    if any(_contains(texts, u.name, v.name) or _contains(texts, v.name, u.name) for u in xs for v in ys):
        return None
    if A is B:  # the headline against its own body: the body never puts anything in the headline's venue
        at = re.compile(rf"\b(?:[Dd]i|[Kk]e|[Dd]ari)\s+(?:[a-z]+\s+){{0,2}}{re.escape(x.name)}\b")
        return None if at.search(_text_of(A, False)) else (x, y)
    if any(_mentions(_text_of(A, not x.headline), v.name) for v in ys) or any(
            _mentions(_text_of(B, not y.headline), v.name) for v in xs):
        return None
    return x, y


SAME_SPEAKER_OVERLAP = QUOTE_OVERLAP  # the same speaker: 0.6 of the shorter quote's words in order
UNKNOWN_SPEAKER_OVERLAP = 0.7  # one speaker unknown
OTHER_SPEAKER_OVERLAP = 0.85  # two different speaker names (a role in one outlet, the name in another)


def _skeleton(tok: str) -> str:
    """A spelling-tolerant key for a word of five letters or more: its consonants (`enggak`/`nggak`)."""
    if len(tok) < 5 or not tok.isalpha():
        return tok
    return re.sub(r"[aeiou]", "", tok) or tok


def _quote_overlap(a: str, b: str) -> float:
    ta = [_skeleton(t) for t in _tokens(a)]
    tb = [_skeleton(t) for t in _tokens(b)]
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
    """`same` (one name's words in the other, or a shared name word: `Rustamadji` / `Rustamadji dikutip
    dari laman UGM`), `unknown` (one is missing) or `other`."""
    if not a or not b:
        return "unknown"
    if _same_person(a, b):
        return "same"
    stop = stopwords()
    wa = {t for t in _tokens(a) if len(t) >= 4 and t not in stop}
    wb = {t for t in _tokens(b) if len(t) >= 4 and t not in stop}
    return "same" if wa & wb else "other"


def _quote_units(q: Quote) -> list[tuple[int, int, str]]:
    """The quote itself and, when it has several, its sentences: (start, end, text) in body offsets."""
    from .claims import split_sentences

    units = [(q.start, q.end, q.text)]
    spans = split_sentences(q.text)
    if len(spans) > 1:
        units += [(q.start + a, q.start + b, q.text[a:b]) for a, b in spans if len(_tokens(q.text[a:b])) >= 5]
    return units


def _shared_quotes(arts: Sequence[_Art]) -> list[DiffItem]:
    """The same direct quote in two outlets: near-verbatim (spelling variants allowed), or one sentence of
    a longer quote (then each side is that sentence). How alike the words must be depends on how sure the
    speakers are the same."""
    out = []
    need = {"same": SAME_SPEAKER_OVERLAP, "unknown": UNKNOWN_SPEAKER_OVERLAP, "other": OTHER_SPEAKER_OVERLAP}
    min_len = {"same": 3, "unknown": 6, "other": 8}
    for i, A in enumerate(arts):
        for B in arts[i + 1:]:
            if A.outlet == B.outlet and A.outlet != "unknown":
                continue
            qbs = [q for q in B.result.quotes if q.kind in ("direct", "partial") and len(_tokens(q.text)) >= 3]
            units_b = {id(q): _quote_units(q) for q in qbs}
            for qa in A.result.quotes:
                if qa.kind not in ("direct", "partial") or len(_tokens(qa.text)) < 3:
                    continue
                units_a = _quote_units(qa)
                best = None
                for qb in qbs:
                    rel = _speakers(qa.speaker, qb.speaker)
                    for k, ua in enumerate(units_a):
                        for m, ub in enumerate(units_b[id(qb)]):
                            n = min(len(_tokens(ua[2])), len(_tokens(ub[2])))
                            if n < min_len[rel] or (k or m) and n < 5:
                                continue
                            ov = _quote_overlap(ua[2], ub[2])
                            if ov < need[rel]:
                                continue
                            # of equally alike pairs the shortest: a sentence of a longer quote is that sentence
                            rank = ov - 0.0005 * (len(ua[2]) + len(ub[2])) / 6
                            if best is None or rank > best[0]:
                                best = (rank, ov, ua, ub, qb)
                if best:
                    _, ov, ua, ub, qb = best
                    out.append(DiffItem(
                        what="quote",
                        a=Side(A.path, A.outlet, ua[2], ua[0], ua[1], "quote", qa.speaker),
                        b=Side(B.path, B.outlet, ub[2], ub[0], ub[1], "quote", qb.speaker),
                        score=ov, note=qa.speaker or qb.speaker or ""))
    return out


def _keep(found: dict, verdict: str, key: str, item: DiffItem, rank: float) -> None:
    """Keep the best-ranked item per (verdict, key)."""
    old = found.get((verdict, key))
    if old is None or rank > old[0]:
        found[(verdict, key)] = (rank, item)


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
    verbs = _main_verbs(arts)
    times = [_event_time(a, verbs) for a in arts]
    venues = _story_venues(arts, verbs)
    vtexts = [(a.result.article.title or "") + "\n" + a.result.article.body for a in arts]
    conflicts: list[DiffItem] = []
    agreements: list[DiffItem] = []
    paired: set[tuple[int, int]] = set()
    for i, A in enumerate(arts):
        for j in range(i + 1, len(arts)):
            B = arts[j]
            if A.outlet == B.outlet and A.outlet != "unknown":
                continue
            # best item per key: conflicts by (what, note), agreements by A's claim; rank = likeness of the
            # two sentences (bag of words and words in order)
            found: dict[tuple[str, str], tuple[float, DiffItem]] = {}
            keep = functools.partial(_keep, found)

            for x, ca in enumerate(A.claims):
                for y, cb in enumerate(B.claims):
                    if not _pair_kinds(ca, cb):
                        continue
                    sim = _likeness(A.bags[x], B.bags[y], idf)
                    if ca.kind == "circumstance":
                        if not (_same_person(ca.speaker, cb.speaker) or set(ca.subjects) & set(cb.subjects)):
                            continue
                        verdict, what, note = _classify_circumstance(A, ca, B, cb)
                        if verdict == "none":
                            continue
                        item = DiffItem(what=what, a=_side(A, ca), b=_side(B, cb), score=sim, note=note)
                        # the attribution clause says when and where more precisely than its sentence
                        keep(verdict, f"{what}|{note}" if verdict == "conflict" else f"c{x}", item, 10.0 + sim)
                        paired.update({(i, x), (j, y)})
                        continue
                    name_note = _name_conflict(A, ca, B, cb)
                    if name_note:
                        item = DiffItem(what="name", a=_side(A, ca), b=_side(B, cb), score=sim, note=name_note)
                        keep("conflict", f"name|{name_note}", item, sim + token_overlap(ca.text, cb.text))
                        paired.update({(i, x), (j, y)})
                    main_pair = _is_main_event(ca, main) and _is_main_event(cb, main)
                    # amounts of the same happening (`20 bus yang terbakar` / `Bus yang terbakar … 50 unit`)
                    same_act = bool(ca.quantities and cb.quantities and ca.predicate
                                    and ca.predicate == cb.predicate)
                    if sim < CANDIDATE and not main_pair and not same_act and not (
                            ca.predicate and ca.predicate == cb.predicate):
                        continue
                    verdict, what, note, amounts = _classify(ca, cb, sim, main_pair, same_act)
                    if verdict == "none":
                        continue
                    if verdict == "conflict" and what == "number" and amounts and _both_know(A, B, *amounts):
                        continue
                    paired.update({(i, x), (j, y)})
                    item = DiffItem(what=what, a=_side(A, ca), b=_side(B, cb), score=sim, note=note)
                    key = f"{what}|{note}" if verdict == "conflict" else f"{x}"
                    same_pred = bool(ca.predicate and ca.predicate == cb.predicate)
                    keep(verdict, key, item, sim + token_overlap(ca.text, cb.text) + 0.5 * same_pred)
            # the story's event at two clock times
            if times[i] and times[j]:
                note = _event_time_conflict(times[i], times[j])
                if note is None and _time_slot(times[i][0], times[j][0])[0] == "agree":
                    ca, cb = times[i][0], times[j][0]
                    item = DiffItem(what="time", a=_side(A, ca), b=_side(B, cb),
                                    score=_likeness(_bag(ca.text), _bag(cb.text), idf))
                    keep("agree", "event-time", item, 9.0)
                if note:
                    ca, cb = times[i][0], times[j][0]
                    item = DiffItem(what="time", a=_side(A, ca), b=_side(B, cb),
                                    score=_likeness(_bag(ca.text), _bag(cb.text), idf), note=note)
                    keep("conflict", "event-time", item, 9.0)
            for ca, cb, note in _unit_conflicts(A, B):
                item = DiffItem(what="place", a=_side(A, ca), b=_side(B, cb),
                                score=_likeness(_bag(ca.text), _bag(cb.text), idf), note=note)
                keep("conflict", f"unit|{note}", item, 9.0)
            # the venue of the story's event: bodies, and a headline that differs from its own body
            (xb, xh), (yb, yh) = venues[i], venues[j]
            for xs, ys in ((xb, yb), ([xh] if xh else [], yb), (xb, [yh] if yh else [])):
                hit = _venue_conflict(A, xs, B, ys, vtexts)
                if hit:
                    x, y = hit
                    note = _venue_note(x, y)
                    item = DiffItem(what="place", a=_side(A, x.claim), b=_side(B, y.claim),
                                    score=_likeness(_bag(x.claim.text), _bag(y.claim.text), idf), note=note)
                    keep("conflict", f"venue|{note}", item, 9.0)
            items = sorted(found.items(), key=lambda kv: (kv[1][1].a.start, kv[1][1].b.start))
            # a clock-time conflict between two sentences is the event-time conflict when that is found
            if ("conflict", "event-time") in found:
                items = [kv for kv in items if not (kv[0][0] == "conflict" and kv[1][1].what == "time"
                                                    and kv[0][1] != "event-time")]
            for (verdict, _), (_, item) in items:
                (conflicts if verdict == "conflict" else agreements).append(item)
    # an article whose headline puts the event elsewhere than its own body
    for A, (xb, xh) in zip(arts, venues):
        hit = _venue_conflict(A, [xh] if xh else [], A, xb, vtexts)
        if hit:
            x, y = hit
            conflicts.append(DiffItem(what="place", a=_side(A, x.claim), b=_side(A, y.claim),
                                      score=_likeness(_bag(x.claim.text), _bag(y.claim.text), idf),
                                      note=_venue_note(x, y)))
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
