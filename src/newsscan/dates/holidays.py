"""Holidays: `Natal 2025`, `Idul Fitri 1446 H`, `Hari Buruh ini`, `Natal dan Tahun Baru 2025/2026`, and Hijri
years (`1447 Hijriah` -> its Gregorian span).

Dates come from `holidays.tsv` (fixed month-days and the names) and `holiday_dates.tsv` (the moving holidays,
per Gregorian year, with the Hijri year of the Islamic ones). A holiday is a candidate where its name has a
capitalised word and it carries a year, a deictic from `relative_time.tsv` (`{holiday} tahun ini`), or stands
after a time preposition (`menjelang Lebaran`, cue kind `point`); `merayakan Natal` names no day.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import DataTableError
from ..tables import Folders, cache_per_folders, table
from .values import Anchor, Date, valid

if TYPE_CHECKING:
    from .scan import Scan


_COLUMNS = ("holiday", "date", "names", "first_year")
STAND_IN = dt.date(2024, 7, 1)  # an anchor for fixed holidays in an undated text (its year is not shown)


@dataclass(frozen=True)
class Calendar:
    """Every holiday's dates: fixed ones as (month, day), moving ones as sorted dates, and Hijri years."""

    fixed: dict[str, tuple[int, int]]
    season_end: dict[str, tuple[int, int]]  # a season running into the next year (`nataru`: 12-25/01-01)
    moving: dict[str, tuple[Date, ...]]
    hijri: dict[tuple[str, int], Date]  # (holiday, Hijri year) -> date
    muharram: dict[int, Date]  # Hijri year -> its 1 Muharram
    first_year: dict[str, int]  # the year a day was first marked, for `HUT RI ke-80`


def _month_day(cell: str, where: str) -> tuple[int, int]:
    try:
        m, d = (int(x) for x in cell.split("-"))
    except ValueError:
        raise DataTableError(f"{where}: date must be MM-DD, MM-DD/MM-DD or moving, not '{cell}'") from None
    if valid(2024, m, d) is None:
        raise DataTableError(f"{where}: no such day '{cell}'")
    return m, d


def holiday_names(folders: Folders | None = None) -> dict[str, str]:
    """Every spelling (lower case) -> holiday key."""
    return dict(_names(folders))


@cache_per_folders
def _names(folders: Folders | None) -> tuple[tuple[str, str], ...]:
    out = []
    for r in table('holidays.tsv', folders):
        out.extend((" ".join(n.lower().split()), r["holiday"]) for n in r["names"].split("|") if n.strip())
    return tuple(out)


@cache_per_folders
def calendar(folders: Folders | None = None) -> Calendar:
    fixed, season_end, moving_keys, first_year = {}, {}, set(), {}
    for r in table('holidays.tsv', folders):
        if r["first_year"]:
            if not r["first_year"].isdigit():
                raise DataTableError(f"{r['_where']}: first_year must be a year, not '{r['first_year']}'")
            first_year[r["holiday"]] = int(r["first_year"])
        if r["date"] == "moving":
            moving_keys.add(r["holiday"])
            continue
        start, _, end = r["date"].partition("/")
        fixed[r["holiday"]] = _month_day(start, r["_where"])
        if end:
            season_end[r["holiday"]] = _month_day(end, r["_where"])
    moving: dict[str, list[Date]] = {k: [] for k in moving_keys}
    hijri: dict[tuple[str, int], Date] = {}
    for r in table('holiday_dates.tsv', folders):
        key = r["occurrence"].split()[0]
        try:
            day = dt.date.fromisoformat(r["date"])
            hy = int(r["hijri_year"]) if r["hijri_year"] else None
        except ValueError:
            raise DataTableError(f"{r['_where']}: date must be ISO and hijri_year a number") from None
        if key not in moving:
            raise DataTableError(f"{r['_where']}: '{key}' is no moving holiday of holidays.tsv")
        moving[key].append(day)
        if hy is not None:
            hijri[(key, hy)] = day
    muharram = {hy: d for (k, hy), d in hijri.items() if k == "tahun_baru_islam"}
    return Calendar(fixed, season_end, {k: tuple(sorted(v)) for k, v in moving.items()}, hijri, muharram,
                    first_year)


def on_year(cal: Calendar, key: str, year: int) -> Date | None:
    """The holiday in that Gregorian year (the first, where a Hijri holiday falls twice in one year)."""
    if key in cal.fixed:
        return valid(year, *cal.fixed[key])
    return next((d for d in cal.moving.get(key, ()) if d.year == year), None)


def on_hijri(cal: Calendar, key: str, hijri_year: int) -> Date | None:
    return cal.hijri.get((key, hijri_year))


def around(cal: Calendar, key: str, anchor: Date, direction: int) -> Date | None:
    """The occurrence nearest the anchor (direction 0), the latest on or before it (-1), the next on or
    after it (+1)."""
    days = [d for d in (on_year(cal, key, anchor.year + k) for k in (-1, 0, 1)) if d]
    if key not in cal.fixed:  # a Hijri holiday may fall twice in one Gregorian year
        days = [d for d in cal.moving.get(key, ()) if abs(d.year - anchor.year) <= 1]
    if direction < 0:
        days = [d for d in days if d <= anchor]
        return max(days, default=None)
    if direction > 0:
        days = [d for d in days if d >= anchor]
        return min(days, default=None)
    return min(days, key=lambda d: abs((d - anchor).days), default=None)


def hijri_span(cal: Calendar, hijri_year: int) -> tuple[Date, Date] | None:
    """A Hijri year's Gregorian span: its 1 Muharram to the day before the next."""
    a, b = cal.muharram.get(hijri_year), cal.muharram.get(hijri_year + 1)
    if a is None or b is None:
        return None
    return a, b - dt.timedelta(days=1)


# ------------------------------------------------------------------------------------------- candidates

def _name_at(f: Scan, pos: int):
    """(key, end) of a holiday name starting at pos with a capitalised word, else None."""
    m = f.p["holiday"].match(f.t, pos)
    if m is None or f.word_before(pos):
        return None
    words = m.group(0).split()
    if not any(w[:1].isupper() for w in words):
        return None  # `tahun baru` in lower case is any new year
    return f.lex.holidays.get(" ".join(m.group(0).lower().split())), m.end()


def _year_spec(f: Scan, end: int) -> tuple[dict, int] | None:
    """A year after a holiday: `2025`, `tahun 2025`, `1446 H`, `1446 H/2025 M`, `2025/2026`."""
    m = f.p["holiday_year"].match(f.t, end)
    if m is None:
        return None
    y1, era1, y2, era2 = m.group(1), m.group(2), m.group(3), m.group(4)
    hijri_eras = f.lex.eras
    data: dict = {}
    if era1 and hijri_eras.get(era1.lower()) == "hijri":
        data["hy"] = int(y1)
        if y2 and not (era2 and hijri_eras.get(era2.lower()) == "hijri"):
            data["y"] = int(y2)
    else:
        data["y"] = int(y1)
        if y2 and not era2:
            data["y_end"] = int(y2)
    if not all(1800 <= data[k] <= 2199 for k in ("y", "y_end") if k in data):
        return None  # `Imlek 2569` counts Chinese years
    return data, m.end()


def _anniversary(f: Scan, key: str, end: int) -> tuple[dict, int] | None:
    """`HUT RI ke-80`: the year the day was first marked plus the ordinal."""
    m = f.p["anniversary"].match(f.t, end)
    first = calendar(f.lex.folders).first_year.get(key)
    if m is None or first is None:
        return None
    return {"y": first + int(m.group(1))}, m.end()


def holiday(f: Scan, pos: int) -> None:
    """A holiday with a year, a deictic or a time preposition; two joined by `dan` (`Natal dan Tahun Baru
    2025/2026`) make one range."""
    first = _name_at(f, pos)
    if first is None or first[0] is None:
        return
    key, end = first
    second = None
    j = f.p["holiday_and"].match(f.t, end)
    if j is not None:
        second = _name_at(f, j.end())
        if second is not None and second[0] is not None:
            key2, end = second
            data = {"key": key, "key2": key2}
        else:
            second = None
    if second is None:
        data = {"key": key}
    spec = _year_spec(f, end) or _anniversary(f, key if second is None else data["key2"], end)
    if spec is not None:
        data.update(spec[0])
        f.add(pos, spec[1], "holiday", 2, **data)
        return
    best = f.lex.longest_template(f.t, "holiday", (second and j.end()) or pos)
    if best is not None:
        f.add(pos, best[0].end(), "holiday", 2, rule=best[1], **data)
    elif f.p["point_before"].search(f.before(pos, 20)):
        f.add(pos, end, "holiday", 4, **data)


def hijri_year(f: Scan, pos: int, m=None) -> None:
    """`1447 Hijriah`, `1446 H`: a Hijri year the calendar knows, as its Gregorian span."""
    m = m or f.p["hijri_year"].match(f.t, pos)
    if m is None or f.num_before(m.start()):
        return
    if f.lex.eras.get(m.group(2).lower()) != "hijri":
        return
    if hijri_span(calendar(f.lex.folders), int(m.group(1))) is not None:
        f.add(m.start(), m.end(), "hijri", 3, hy=int(m.group(1)))


# ------------------------------------------------------------------------------------------- resolution

def _day_of(cal: Calendar, key: str, data: dict, anchor: Anchor | None, plan: bool, year: int | None):
    """The day a holiday names: by its Hijri or Gregorian year, else by its deictic from the anchor, else the
    occurrence nearest the anchor (the next one in a plan)."""
    if data.get("hy") is not None:
        day = on_hijri(cal, key, data["hy"])
        if day is not None or year is None:
            return day
    if year is not None:
        return on_year(cal, key, year)
    if anchor is None:
        return None
    rule = data.get("rule")
    if rule is not None and rule.granularity == "holiday_year":
        return on_year(cal, key, anchor.date.year + (rule.offset or 0))
    if rule is not None:
        return around(cal, key, anchor.date, rule.offset or 0)
    return around(cal, key, anchor.date, 1 if plan else 0)  # news of a holiday is mostly around it


def holiday_value(cal: Calendar, data: dict, anchor: Anchor | None, plan: bool,
                  fmt: Callable[[Date | None, bool], str]) -> tuple[str, str, str, Date | None]:
    """(value, granularity, kind, day) of a holiday candidate; a pair or a season gives a range. Values whose
    year the text does not write follow the anchor's (`XXXX-12-25`); a moving holiday in an unknown year
    stays `XXXX-XX-XX`."""
    key, key2 = data["key"], data.get("key2")
    written = data.get("y") is not None or data.get("hy") is not None
    unknown_year = not written and (anchor is None or not anchor.year_known)
    if unknown_year and any(k not in cal.fixed for k in (key, key2) if k):
        return ("XXXX-XX-XX/XXXX-XX-XX" if key2 else "XXXX-XX-XX"), ("range" if key2 else "day"), \
            ("range" if key2 else "relative"), None
    if anchor is None:  # fixed days keep their month and day; fmt prints the unknown year as XXXX
        anchor = Anchor(STAND_IN, year_known=False, weekday_known=False)
    if key2 is not None:
        end = _day_of(cal, key2, data, anchor, plan, data.get("y_end", data.get("y")))
        start = on_year(cal, key, data["y"]) if data.get("y_end") else (end and around(cal, key, end, -1))
        if start is None or end is None or not 0 <= (end - start).days <= 366:
            return "XXXX-XX-XX/XXXX-XX-XX", "range", "range", None
        return f"{fmt(start, written)}/{fmt(end, written)}", "range", "range", None
    day = _day_of(cal, key, data, anchor, plan, data.get("y"))
    if day is None:
        return "XXXX-XX-XX", "day", "absolute" if written else "relative", None
    if key in cal.season_end:
        end = valid(day.year + 1, *cal.season_end[key])
        return f"{fmt(day, written)}/{fmt(end, written)}", "range", "range", None
    return fmt(day, written), "day", "absolute" if written else "relative", day


def hijri_value(cal: Calendar, hijri_year: int) -> tuple[str, str, str, None]:
    span = hijri_span(cal, hijri_year)
    if span is None:
        return "XXXX/XXXX", "range", "range", None
    return f"{span[0].isoformat()}/{span[1].isoformat()}", "range", "range", None
