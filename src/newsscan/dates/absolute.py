"""Candidates for dates written out: numeric (`12/9/2023`, `(12/9)`), with a month name (`13 September 2023`,
`10-13 September`), a month (`Juni 2025`, `pada Oktober`) and years (`tahun 2019`, `2004-2010`)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .values import valid, year4

if TYPE_CHECKING:
    from .scan import Scan


def numdate(f: Scan, pos: int, m=None) -> None:
    m = m or f.p["numdate"].match(f.t, pos)
    if m is None:
        return
    s, e = m.span()
    if f.num_before(s) or f.num_after(e):
        return
    a, sep, b, c = m.groups()
    if len(a) == 4:  # 2025-06-18
        if sep != "-" or len(c) != 2:
            return
        d = valid(int(a), int(b), int(c))
    else:
        if len(c) == 3 or (sep == "." and len(c) != 4) or len(a) > 2:
            return
        d = valid(year4(c), int(b), int(a))
    if d and 1800 <= d.year <= 2199:
        f.add(s, e, "date", 3, d=d.day, m=d.month, y=d.year)


def pardate(f: Scan) -> None:
    for m in f.p["pardate"].finditer(f.t):
        d, mo, y = m.group(1), m.group(2), m.group(3)
        if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
            continue
        if y is not None and len(y) == 3:
            continue
        year = year4(y) if y else None
        if year is not None and not valid(year, int(mo), int(d)):
            continue
        f.add(m.start(1), m.end(3) if y else m.end(2), "date", 3, d=int(d), m=int(mo), y=year)


def txtdate(f: Scan, pos: int, m=None) -> None:
    months = f.lex.months
    m = m or f.p["txtdate"].match(f.t, pos)
    if m is None:
        return
    s = m.start()
    if f.num_before(s):
        return
    d1, d2, mon, y = m.group(1), m.group(2), m.group(3), m.group(4)
    mo = months.get(mon.lower())
    if mo is None or not mon[0].isupper() and mon.lower() not in f.lex.full_months:
        return
    year = int(y) if y else None
    e = m.end() if y else m.end(3) + (1 if f.t[m.end(3):m.end(3) + 1] == "." and
                                       mon.lower() not in f.lex.full_months else 0)
    if year is not None and not 1800 <= year <= 2199:
        year, e = None, m.end(3)
    if not 1 <= int(d1) <= 31 or (d2 and not int(d1) < int(d2) <= 31):
        return
    if year is not None and not valid(year, mo, int(d1)):
        return
    tag, prio, days = ("range", 2, {"d": int(d1), "d2": int(d2)}) if d2 else ("date", 3, {"d": int(d1)})
    best = f.lex.longest_template(f.t, "month", m.start(3)) if year is None else None
    if best is not None:  # `21 Februari lalu`: the latest such day; `5-7 Maret mendatang`: the next
        f.add(s, best[0].end(), tag, prio, m=mo, y=None, direction=best[1].offset, **days)
    else:
        f.add(s, e, tag, prio, m=mo, y=year, **days)


def monyear(f: Scan, pos: int) -> None:
    m = f.p["monyear"].match(f.t, pos)
    if m is None:
        return
    if f.word_before(m.start()) or not m.group(1)[0].isupper():
        return
    y = int(m.group(2))
    if 1800 <= y <= 2199:
        f.add(m.start(), m.end(), "month", 4, m=f.lex.months[m.group(1).lower()], y=y)


def month(f: Scan, pos: int) -> None:
    m = f.p["month"].match(f.t, pos)
    if m is None:
        return
    s, e = m.span()
    if f.word_before(s) or not f.t[s].isupper():
        return
    mo = f.lex.months[m.group(1).lower()]
    for rx, rule in f.lex.templated:
        if rule.slots == ("month",):
            mm = rx.match(f.t, s)
            if mm:
                f.add(s, mm.end(), "month", 4, m=mo, y=None, direction=rule.offset)
                break
    else:
        if f.p["month_cue_before"].search(f.before(s, 30)):
            f.add(s, e, "month", 6, m=mo, y=None, direction=None)


def year(f: Scan, pos: int, m=None) -> None:
    p = f.p
    m = m or p["year"].match(f.t, pos)
    if m is None:
        return
    s, e = m.span()
    y1 = int(m.group(1))
    if f.num_before(s) or not 1800 <= y1 <= 2199:
        return
    y2 = int(m.group(2)) if m.group(2) else None
    if y2 is not None and not (y1 < y2 <= y1 + 200):
        y2, e = None, m.end(1)
    if f.num_after(e):
        return
    before = f.before(s, 60)
    if s > 1 and f.t[s - 2].isdigit() and f.t[s - 1] == " ":
        return  # a phone or ID number in groups of digits
    if p["currency_before"].search(before) or p["legal_before"].search(before):
        return
    tahun = p["tahun_before"].search(before)
    if not tahun and p["count_after"].match(f.t, e):
        return
    if y2 is not None:
        f.add(s, e, "year", 4, y=y1, y2=y2)
    else:
        f.add(s, e, "year", 7, y=y1)


def date_at(f: Scan, pos: int):
    """A date starting exactly at pos (after a weekday): (end, day, month, year or None)."""
    t = f.t
    m = f.p["txtdate"].match(t, pos)
    if m and not m.group(2):
        mo = f.lex.months.get(m.group(3).lower())
        y = int(m.group(4)) if m.group(4) else None
        if mo and valid(y or 2024, mo, int(m.group(1))):
            best = None if y else f.lex.longest_template(t, "month", m.start(3))  # `8 Oktober mendatang`
            return (m.end() if y else best[0].end() if best else m.end(3)), int(m.group(1)), mo, y
    m = f.p["numdate"].match(t, pos)
    if m and len(m.group(1)) <= 2 and not f.num_after(m.end()):
        c = m.group(4)
        d = valid(year4(c), int(m.group(3)), int(m.group(1))) if len(c) in (2, 4) else None
        if d:
            return m.end(), d.day, d.month, d.year
    i = pos
    while i < f.n and i < pos + 2 and t[i].isdigit():
        i += 1
    if i > pos and i < f.n and t[i] == "/":
        j = i + 1
        while j < f.n and j < i + 3 and t[j].isdigit():
            j += 1
        if j > i + 1 and not f.num_after(j):
            d, mo = int(t[pos:i]), int(t[i + 1:j])
            if 1 <= mo <= 12 and valid(2024, mo, d):
                return j, d, mo, None
    return None


def yy_mark(f: Scan, pos: int, m=None) -> None:
    """`tragedi '98`: an apostrophe and two digits after a space, the start or an opening bracket."""
    m = m or f.p["yy_mark"].match(f.t, pos)
    if m is None or (m.start() > 0 and (f.t[m.start() - 1].isalnum() or f.t[m.start() - 1] in "'’‘")):
        return
    if f.p["count_after"].match(f.t, m.end()) or f.p["closing_mark"].match(f.t, m.end()):
        return  # `'12 orang'`: a number in scare quotes
    f.add(m.start(), m.end(), "yy", 7, yy=int(m.group(1)))


def yy_abbrev(f: Scan, pos: int) -> None:
    """`th. 98`, `thn 05`: the abbreviated `tahun` and two digits, not in a regulation number."""
    m = f.p["yy_abbrev"].match(f.t, pos)
    if m is None or f.word_before(pos) or f.p["legal_before"].search(f.before(pos, 60)):
        return
    f.add(m.start(), m.end(), "yy", 7, yy=int(m.group(1)))
