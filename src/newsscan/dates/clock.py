"""Candidates for clock times: `pukul 14.45 WIB`, `16:30 WIB`, `pukul 7 malam` (a daypart shifts the hour)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .numbers import parse_number

if TYPE_CHECKING:
    from .scan import Scan


def time(f: Scan, pos: int) -> None:
    m = f.p["time"].match(f.t, pos)
    if m is None:
        _time_words(f, pos)
        return
    s = m.start()
    if f.word_before(s):
        return
    h, mi, sec, _zone, part = m.groups()
    word = f.t[s:s + 3].lower()
    # `jam 7 malam`, `jam 14.30`; not `24 jam 7 hari` or `jam 3 menit`
    if word == "jam" and ((mi is None and part is None) or (s > 1 and f.t[s - 2].isdigit())):
        return
    add_time(f, m, h, mi, sec, part)


def ztime(f: Scan, pos: int, m=None) -> None:
    m = m or f.p["ztime"].match(f.t, pos)
    if m is None:
        return
    if f.num_before(m.start()):
        return
    add_time(f, m, m.group(1), m.group(2), m.group(3), None)


def add_time(f: Scan, m, h, mi, sec, part) -> None:
    hh, mm = int(h), int(mi or 0)
    ss = int(sec) if sec else None
    if hh > 24 or mm > 59 or (ss is not None and ss > 59):
        return
    shift = f.lex.dayparts.get(" ".join(part.lower().split())) if part else None
    if shift == "pm" and hh < 12 or shift == "noon" and hh < 6:
        hh += 12
    elif shift == "am" and hh == 12:
        hh = 0
    f.add(m.start(), m.end(), "time", 3, h=hh % 24, mi=mm, s=ss)


def _time_words(f: Scan, pos: int) -> None:
    """`jam delapan malam` -> 20:00."""
    m = f.p["time_words"].match(f.t, pos)
    if m is None or f.word_before(pos):
        return
    hour = parse_number(m.group(1), f.lex.folders)
    if hour is not None:
        add_time(f, m, str(int(hour)), None, None, m.group(2))


def ampm(f: Scan, pos: int, m=None) -> None:
    """`10.30 PM`, `8 p.m.`: hours 1-12 with a meridiem marker."""
    m = m or f.p["ampm"].match(f.t, pos)
    if m is None or f.num_before(m.start()) or not 1 <= int(m.group(1)) <= 12:
        return
    add_time(f, m, m.group(1), m.group(2), None, m.group(3))
