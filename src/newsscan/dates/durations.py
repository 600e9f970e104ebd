"""Candidates for durations (`16 tahun penjara` -> P16Y, `12 tahun dan 6 bulan`, `setahun`) and counted
relative phrases (`dua hari lalu`, `tiga tahun kemudian`); ages and regulation numbers are dropped."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .numbers import parse_number
from .values import dur_value

if TYPE_CHECKING:
    from .scan import Scan


def duration(f: Scan, pos: int, m=None) -> None:
    p, t = f.p, f.t
    m = m or p["duration"].match(t, pos)
    if m is None:
        return
    s = m.start()
    if f.num_before(s) or _counted_relative(f, s):
        return
    parts, end = _parts(f, m)
    if not parts:
        return
    first_unit = parts[0][1]
    if first_unit == "Y" and parts[0][0] >= 200:
        return  # `2019 tahun` is not a duration worth reporting
    if first_unit == "Y" and p["year_after"].match(t, end):
        return  # `Nomor 87 Tahun 2016`: a regulation number, not 87 years
    penalty = p["penalty_after"].match(t, end) is not None
    if first_unit == "Y" and not penalty and is_age(f, s, end):
        return
    tail = t[end:end + 12].lower()
    for word in (" ini", " terakhir"):  # `dua hari ini`, `empat bulan terakhir`: still a duration
        if tail.startswith(word) and (len(tail) == len(word) or not tail[len(word)].isalnum()):
            end += len(word)
            break
    value = dur_value(parts)
    if value:
        f.add(s, end, "dur", 5, value=value)


def _counted_relative(f: Scan, s: int) -> bool:
    """Adds `dua hari lalu`, `tiga tahun silam` (relative_time.tsv) at s; whether it did."""
    best = f.lex.longest_template(f.t, "n", s)
    if best is None:
        return False
    mm, rule = best
    n = parse_number(strip_paren(mm.group("n")), f.lex.folders)
    unit, size = f.lex.units[mm.group("unit").lower()]
    if n is None or (unit == "Y" and n * size >= 200):
        return False  # `Nokia 3310 tahun lalu`: a model number before `tahun lalu`
    if rule.sign > 0 and f.p["period_before"].search(f.before(s, 16)):
        return False  # `selama lima tahun ke depan`: a period, so a duration
    f.add(s, mm.end(), "rel", 2, rule=rule, n=n, unit=(unit, size))
    return True


_ORDER = "YMWDHIS"  # a compound goes from larger units to smaller (`12 tahun dan 6 bulan`)


def _rank(unit: str) -> int:
    return _ORDER.index("I" if unit == "MIN" else unit)


def _parts(f: Scan, m) -> tuple[list[tuple[float, str]], int]:
    """The (amount, unit) parts of a compound duration from match m on, and where it ends."""
    lex = f.lex
    parts: list[tuple[float, str]] = []
    end, cur = m.start(), m
    for _ in range(4):
        amount = parse_number(strip_paren(cur.group(1)), lex.folders)
        unit, size = lex.units[cur.group(2).lower()]
        if amount is None or (parts and _rank(unit) <= _rank(parts[-1][1])):
            break
        parts.append((amount * size, unit))
        end = cur.end()
        cur = f.p["duration_more"].match(f.t, end)
        if cur is None:
            break
    return parts, end


def is_age(f: Scan, s: int, e: int) -> bool:
    p = f.p
    before = f.before(s, 30)
    if p["age"].search(before):
        return True
    after = f.t[e:e + 1]
    if before.endswith("(") and after == ")":
        return True  # `Budi (21 tahun)`
    # `Septian, 21 tahun,`
    return p["name_comma"].search(before) is not None and after in (",", ")", ".", ";")


def se_unit(f: Scan, pos: int) -> None:
    m = f.p["se_unit"].match(f.t, pos)
    if m is None:
        return
    s, e = m.span()
    if f.word_before(s) or f.t[e:e + 1] == "-":
        return
    unit, size = f.lex.units[m.group(1).lower()]
    value = dur_value([(size, unit)])
    if value:
        f.add(s, e, "dur", 6, value=value)


def strip_paren(num: str) -> str:
    i = num.find("(")
    return num[:i] if i >= 0 else num


def times(f: Scan, pos: int, m=None) -> None:
    """`3x24 jam` -> PT72H."""
    m = m or f.p["times"].match(f.t, pos)
    if m is None or f.num_before(m.start()):
        return
    unit, size = f.lex.units[m.group(3).lower()]
    value = dur_value([(int(m.group(1)) * int(m.group(2)) * size, unit)])
    if value:
        f.add(m.start(), m.end(), "dur", 4, value=value)
