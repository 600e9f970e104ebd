"""Typed slots of a claim and how two values of one slot compare.

Where each slot type lives:

| slot | read by | compared as | |---|---|---| | count of X, amount, duration | `number_slot` | intervals
(`sekitar 40` / `hampir 60` conflict; `1,3 juta` / `1.323.459` agree) | | limit a rule sets | `limit_slot` |
values (`paling lama 5 tahun` / `maksimal 7 tahun`) | | date, day, clock time | `day_slot`, `time_slot`
(align: the event's time) | days written out; tolerances | | place | `place_slot` (venues, names: venue, unit)
| names, administrative level | | age, identifier | entity_slots.FINDERS | per person; registrations one
misprint apart | | state, outcome | states.state_conflicts | asserted against negated or denied | | category
(container, ground) | descriptions.description_conflicts | kinds (data/descriptions.tsv) |

Sentence slots are registered in `SENTENCE_SLOTS` in the order `align.classify` tries them; whole-pair slots
in `diff.PAIR_SLOTS`.

Sentence slots (amount, day, clock time, place) are compared for two claims taken to be about one thing;
rounding and approximations are not differences (`1.323.459` / `1,3 juta`), a change (`naik dari … menjadi`)
carries two values of one slot and is not compared."""
from __future__ import annotations

import difflib
import re
from typing import Any

from ..claims import place_words
from ..morphology import WORD, lemma
from ..quantities import compare as compare_quantities
from ..quantities import limit_relation, unit_class, units_relation
from ..records import Claim
from ..tables import Folders, cache_per_folders, table
from .words import bag, event_groups, hedge_rows, other_names, tokens, verb_lemmas, word_alt

TIME_TOLERANCE = 10  # minutes between two clock times that still agree (`sekitar`: APPROX_TOLERANCE)


APPROX_TOLERANCE = 45


# A sentence that reports a change carries an old and a new value (`dari 15 tahun menjadi 12 tahun`).
# (`Sebelumnya,` opening a sentence only says "earlier" and is left out.)
@cache_per_folders
def _change(folders: Folders) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{word_alt('change_word', folders, ' ')})\b"
                      rf"|(?<=\w )(?:{word_alt('change_after_word', folders, ' ')})\b", re.IGNORECASE)


_TIME = re.compile(r"T(\d\d):(\d\d)")


_DAYV = re.compile(r"^(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)$")


def _days(c: Claim) -> set[str]:
    out = set()
    for v in c.dates:
        m = _DAYV.match(v.split("T")[0])
        if m and "XX" not in (m.group(2), m.group(3)):
            out.add(v.split("T")[0])
    return out


def _same_day(x: str, y: str) -> bool:
    return all(p == q or "X" in p or "X" in q for p, q in zip(x.split("-"), y.split("-"), strict=False))


def clock_times(c: Claim) -> list[int]:
    return [int(m.group(1)) * 60 + int(m.group(2)) for v in c.dates for m in [_TIME.search(v)] if m]


def place_parts(p: str) -> tuple[str | None, frozenset[str]]:
    """(head word, name words) of a place: `Kecamatan Sindangsari` -> ("kecamatan", {"sindangsari"})."""
    words = tokens(p)
    heads = place_words()
    head = None
    while words and words[0] in heads:
        head = words.pop(0)
    return head, frozenset(words)


def place_match(p: str, q: str) -> bool:
    _, a = place_parts(p)
    _, b = place_parts(q)
    if not a or not b:
        return False
    if a <= b or b <= a:
        return True
    # spelling variants (`Ciater` / `Ciatter` / `Tjiater`)
    return difflib.SequenceMatcher(None, " ".join(sorted(a)), " ".join(sorted(b))).ratio() >= 0.75


def place_slot(a: Claim, b: Claim) -> tuple[str | None, str]:
    pa, pb = list(a.places), list(b.places)
    if not pa or not pb:
        return None, ""
    levels = place_words()
    # one place under two different administrative units of the same level
    for x in pa:
        hx, nx = place_parts(x)
        for y in pb:
            hy, ny = place_parts(y)
            if (hx and hx == hy and levels.get(hx, 0) > 0 and nx and ny and not place_match(x, y)
                    and any(place_match(u, v) for u in pa for v in pb)):
                return "conflict", f"{x} / {y}"
    if any(place_match(x, y) for x in pa for y in pb):
        return "agree", ""
    if len(pa) <= 2 and len(pb) <= 2:
        return "differ", f"{', '.join(pa)} / {', '.join(pb)}"  # a conflict only for claims close enough
    return None, ""


def _frame(text: str, q) -> tuple[set[str], bool]:
    """(verbs, negated) around an amount: the verb lemmas within six words of it, and whether a negator
    (`tidak`, `belum`, `gagal`: data/hedges.tsv, negative) stands just before it."""
    i = text.find(q.text)
    if i < 0:
        return set(), False
    before = WORD.findall(text[:i])[-6:]
    after = WORD.findall(text[i + len(q.text):])[:6]
    neg = {m for m, cat in hedge_rows() if cat in ("negative", "pending")}
    negated = any(w.lower() in neg for w in before[-4:])
    return verb_lemmas(before + after), negated


def number_slot(a: Claim, b: Claim) -> tuple[str | None, str, Any]:
    """Amounts of the same measure. A count conflicts when no amount of the two sentences agrees, the counted
    thing is named on both sides and the amounts hang on the same verb (`12 truk yang terbakar` / `Truk yang
    terbakar … 30 unit`; not `lima perusahaan … memiliki izin` / `mencabut izin empat perusahaan`), neither is
    negated alone (`gagal dibayar … 1,2 juta` / `dibayarkan … 9 juta`). Two kinds of one measure
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
    if _change().search(a.text) or _change().search(b.text):
        return ("agree", "", None) if agreed else (None, "", None)
    ba, bb = bag(a.text), bag(b.text)
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
        if va & vb and not other_names(a, b):
            return "conflict", f"{qa.text} / {qb.text}", (qa, qb)
    if agreed:
        return "agree", "", None
    return None, "", None


def limit_slot(a: Claim, b: Claim) -> tuple[str | None, str, bool]:
    """(verdict, note, anchored) for the limits a rule sets (`paling lama 5 tahun` / `maksimal 7 tahun`): a
    conflict when two limits of one kind and measure differ and none of that kind agrees. `anchored`: a limit
    of the other kind agrees (`minimal 40 tahun` on both sides, the upper limits differ), which aligns the two
    sentences on one rule better than their words do."""
    verdicts = [(limit_relation(qa, qb), qa, qb) for qa in a.quantities for qb in b.quantities]
    agreed = {(qa.approx, qa.unit) for r, qa, _ in verdicts if r == "agree"}
    for r, qa, qb in verdicts:
        if r == "conflict" and (qa.approx, qa.unit) not in agreed:
            anchored = any(unit == qa.unit and kind != qa.approx for kind, unit in agreed)
            return "conflict", f"{qa.text} / {qb.text}", anchored
    return ("agree", "", False) if agreed else (None, "", False)


@cache_per_folders
def _explicit_day(folders: Folders) -> re.Pattern[str]:
    """A day written out: `(21/1)`, `21 Januari`, a weekday name (data/months.tsv, data/weekdays.tsv)."""
    months = {r["name"] for r in table('months.tsv', folders)}
    days = {r["name"] for r in table('weekdays.tsv', folders)}
    names = "|".join(sorted(map(re.escape, months | days), key=len, reverse=True))
    return re.compile(rf"\d{{1,2}}/\d{{1,2}}|\b(?i:{names})\b")


def consulted(text: str) -> bool:
    """The sentence says when an outlet consulted a source (data/event_words.tsv, group `access`)."""
    groups = event_groups()
    return any(groups.get(lemma(w.lower())) == "access" for w in WORD.findall(text))


def day_slot(a: Claim, b: Claim) -> tuple[str | None, str]:
    """Days of two claims. A conflict needs a day written out on both sides: `hari ini` or `pagi ini` is
    each outlet's own publication day, which says when it wrote, not when the event was."""
    da, db = _days(a), _days(b)
    if not da or not db:
        return None, ""
    if any(_same_day(x, y) for x in da for y in db):
        return "agree", ""
    if not (_explicit_day().search(a.text) and _explicit_day().search(b.text)):
        return None, ""
    if consulted(a.text) or consulted(b.text):
        return None, ""  # the day an outlet read its source (`diakses Senin`) is not the event's
    return "conflict", f"{', '.join(sorted(da))} / {', '.join(sorted(db))}"


def _clocks(ms) -> str:
    """Minutes of the day as `HH:MM, HH:MM`."""
    return ", ".join(f"{m // 60:02d}:{m % 60:02d}" for m in ms)


def time_slot(a: Claim, b: Claim) -> tuple[str | None, str]:
    ta, tb = clock_times(a), clock_times(b)
    if not ta or not tb or consulted(a.text) or consulted(b.text):
        return None, ""
    approx = bool(
        re.search(rf"\b(?:{word_alt('approx_clock', sep=' ')})\b", a.text + " " + b.text, re.IGNORECASE)
    )
    tol = APPROX_TOLERANCE if approx else TIME_TOLERANCE
    if any(abs(x - y) <= tol for x in ta for y in tb):
        return "agree", ""
    if approx and min(abs(x - y) for x in ta for y in tb) < 60:
        return None, ""  # two rough times half an hour apart say little
    return "conflict", f"{_clocks(ta)} / {_clocks(tb)}"


# sentence slots in the order align.classify tries them (the first conflict found is the one shown)
SENTENCE_SLOTS = ("limit", "number", "time", "day", "place")
