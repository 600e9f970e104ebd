"""Temporal expressions in an Indonesian news body -> `DateMention` records with ISO/TIMEX3-like values.

How it works, in three steps:
1. candidates (`scan.py` and its handlers): compiled patterns (see `lexicon.py`) propose spans — numeric and
   written dates, months, years, clock times, weekdays with what follows them, relative phrases, durations;
   context tests drop ages, regulation and case numbers, money and counts;
2. selection (`selection.py`): the longest candidate wins an overlap, then adjacent dates joined by
   `hingga`/`-` become ranges;
3. resolution (`resolve.py`): in text order, against the anchor (the article's reference date, see
   `reference_date`); clock times last, since they take the day of the event they belong to
   (CONVENTIONS.md "Dates").
Nothing here raises on odd text: what cannot be known stays `X` in the value (`XXXX-09-13`), never invented.
"""
from __future__ import annotations

import datetime as dt

from ..records import DateMention
from ..tables import Folders
from .lexicon import Lexicon
from .resolve import Resolver
from .scan import Scan
from .selection import merge_ranges, select
from .values import Anchor, Cand, Date, valid


def _written_years(sel: list[Cand]) -> list[int]:
    """The years the text writes in full (dates, months, years), latest first."""
    years = {c.data["y"] for c in sel if c.tag in ("date", "month", "year") and c.data.get("y")}
    return sorted(years, reverse=True)


def _partial_anchor(sel: list[Cand]) -> tuple[Anchor, Cand] | None:
    """For an undated article, an anchor from its first year-less dated day (`Senin (30/6)`), and that day's
    candidate. Its year is the latest year the text writes on which the weekday falls (`Kamis (25/6)` beside
    `sejak 15 Juni 2020`), else a stand-in that prints as `XXXX`."""
    years = _written_years(sel)
    for c in sel:
        if c.tag == "date" and c.data.get("y") is None:
            m, d, wd = c.data["m"], c.data["d"], c.data.get("wd")
            if wd:
                for y in years:
                    day = valid(y, m, d)
                    if day and day.isoweekday() == wd:
                        return Anchor(day, year_known=True, weekday_known=True, event=True), c
                for y in range(2030, 1990, -1):
                    day = valid(y, m, d)
                    if day and day.isoweekday() == wd:
                        return Anchor(day, year_known=False, weekday_known=True, event=True), c
            day = valid(2024, m, d)
            if day:
                return Anchor(day, year_known=False, weekday_known=False, event=True), c
    return None


def dated_weekday(text: str, *, folders: Folders | None = None) -> tuple[Date, str] | None:
    """The first year-less dated weekday of an undated text whose year the text fixes (`Kamis (25/6)` with
    2020 written elsewhere and 25 June 2020 a Thursday): (day, its words); None if there is none."""
    lex = Lexicon.load(folders)
    sel = merge_ranges(select(Scan(text, lex).run(), len(text)), text, lex)
    found = _partial_anchor(sel)
    if found is None or not found[0].year_known:
        return None
    c = found[1]
    return found[0].date, text[c.start:c.end]


def _resolve_days(res: Resolver, sel: list[Cand]) -> list[tuple[Cand, str, str, str]]:
    """(candidate, value, granularity, kind) in text order; clock times wait for `_clock_value`."""
    resolved: list[tuple[Cand, str, str, str]] = []
    for c in sel:
        if c.tag == "time":
            resolved.append((c, "", "time", "relative"))
            continue
        value, gran, kind, day = res.resolve(c)
        if gran != "duration":
            res.add_year(c.start, value)
        if day is not None and gran == "day":
            res.add_day(c.start, day, c.tag == "date", c)
            if c.tag == "date" and c.data.get("y") is not None:
                res.known_year_days.add(day)
        resolved.append((c, value, gran, kind))
    return resolved


def _clock_value(res: Resolver, c: Cand, prev: tuple | None) -> tuple[str, tuple]:
    """A clock time's value on the day of its event, and the new `prev` (event day, hour; hour + 24 once the
    times ran past midnight: `23.55 WIB` … `hingga pukul 00.20 WIB`)."""
    day, inherited = res.time_day(c, prev)
    h, mi, s = c.data["h"], c.data["mi"], c.data["s"]
    base, hour = day, h
    if day is not None and inherited and prev and prev[0] == day and prev[1] >= 18 and h < 6:
        day, hour = day + dt.timedelta(days=1), h + 24
    known = day is not None and (base in res.known_year_days or day in res.known_year_days)
    value = res.fmt(day, known) + f"T{h:02d}:{mi:02d}" + (f":{s:02d}" if s is not None else "")
    return value, (base, hour)


def find_dates(text: str, anchor: Date | None, *, folders: Folders | None = None,
               anchor_is_event: bool = False) -> list[DateMention]:
    """Every temporal expression in `text` (a clean article body), sorted by start, non-overlapping.

    `anchor` is the article's reference date (`reference_date(...)`), or None: then year-less and relative
    values keep `X` where they cannot be known (`XXXX-09-13`, `XXXX-XX-XX`), counted from the first year-less
    dated day the article gives, if any. Durations are ISO 8601 (`P12Y6M`), ranges `START/END`.
    `anchor_is_event`: the anchor is the date of an event the body states, not the publication date (the
    article appeared then or later), so a bare weekday is the nearest such day rather than the latest.
    """
    if not text:
        return []
    lex = Lexicon.load(folders)
    scan = Scan(text, lex)
    sel = merge_ranges(select(scan.run(), len(text)), text, lex)
    if not sel:
        return []
    if anchor is not None:
        anc: Anchor | None = Anchor(anchor, event=anchor_is_event)
    else:
        found = _partial_anchor(sel)
        anc = found[0] if found else None
    res = Resolver(text, lex, anc, sel, scan.tl)
    out = []
    prev = None
    for c, value, gran, kind in _resolve_days(res, sel):
        if c.tag == "time":
            value, prev = _clock_value(res, c, prev)
        out.append(DateMention(c.start, c.end, text[c.start:c.end], value, gran, kind,
                               res.sentence_text(res.sentence_of(c.start))))
    return out
