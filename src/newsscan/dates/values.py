"""Records and value helpers shared by the tagger's stages: a candidate span, the anchor, ISO formatting."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Date = dt.date


@dataclass


class Cand:
    start: int
    end: int
    tag: str  # date | month | year | time | weekday | rel | dur | range
    data: dict = field(default_factory=dict)
    prio: int = 5  # lower wins a tie of equal length


@dataclass(frozen=True)


class Anchor:
    """The date relative expressions are counted from. A partial anchor (from `Senin (30/6)` in an undated
    article) has a stand-in year unless the text writes the year: values computed from it then print
    `XXXX` for the year."""

    date: Date
    year_known: bool = True
    weekday_known: bool = True
    # the date of an event the body states, not the publication date: the article appeared on it or after
    event: bool = False


def valid(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


def year4(y: str) -> int:
    n = int(y)
    return n + 2000 if len(y) <= 2 else n


def fmt_day(d: Date | None, year_known: bool = True) -> str:
    if d is None:
        return "XXXX-XX-XX"
    return d.isoformat() if year_known else f"XXXX-{d.month:02d}-{d.day:02d}"


def fmt_week(d: Date | None, anchor: Anchor | None) -> str:
    if d is None or anchor is None or not anchor.weekday_known:
        return "XXXX-WXX"
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}" if anchor.year_known else f"XXXX-W{w:02d}"


def add_months(d: Date, n: int) -> Date:
    k = d.year * 12 + d.month - 1 + n
    return Date(k // 12, k % 12 + 1, 1)


def dur_value(parts: list[tuple[float, str]]) -> str | None:
    """ISO 8601 duration from (amount, unit) parts; fractions spill into the next unit (12,5 tahun ->
    P12Y6M)."""
    tot = {"Y": 0.0, "M": 0.0, "W": 0.0, "D": 0.0, "H": 0.0, "MIN": 0.0, "S": 0.0}
    for amount, unit in parts:
        tot[unit] += amount
    spill = (("Y", "M", 12), ("M", "D", 30), ("W", "D", 7), ("D", "H", 24), ("H", "MIN", 60),
             ("MIN", "S", 60))
    for a, b, k in spill:
        frac = tot[a] - int(tot[a])
        if frac > 1e-9:
            tot[a] = int(tot[a])
            tot[b] += round(frac * k, 6)
    def num(x: float) -> str:
        return str(int(x)) if abs(x - round(x)) < 1e-9 else f"{x:g}"
    date_part = "".join(f"{num(tot[u])}{u}" for u in ("Y", "M", "W", "D") if tot[u])
    time_part = "".join(f"{num(tot[u])}{'M' if u == 'MIN' else u}" for u in ("H", "MIN", "S") if tot[u])
    if not date_part and not time_part:
        return None
    return "P" + date_part + ("T" + time_part if time_part else "")
