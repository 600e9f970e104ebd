"""Temporal expressions in an Indonesian news body -> `DateMention` records with ISO/TIMEX3-like values.

How it works, in three steps:
1. candidates: compiled patterns (see `lexicon.py`) propose spans — numeric and written dates, months, years,
   clock times, weekdays with what follows them, relative phrases, durations; context tests drop ages,
   regulation and case numbers, money and counts;
2. selection: the longest candidate wins an overlap, then adjacent dates joined by `hingga`/`-` become ranges;
3. resolution: in text order, against the anchor (the article's reference date, see `reference_date`); clock
   times last, since they take the day of the event they belong to (CONVENTIONS.md "Dates").
Nothing here raises on odd text: what cannot be known stays `X` in the value (`XXXX-09-13`), never invented.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from ..records import DateMention
from .lexicon import Lexicon, RelativeRule
from .numbers import parse_number

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
    article) has a stand-in year: values computed from it print `XXXX` for the year."""

    date: Date
    year_known: bool = True
    weekday_known: bool = True


# ----------------------------------------------------------------------------------------------- helpers

def _valid(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


def _year4(y: str) -> int:
    n = int(y)
    return n + 2000 if len(y) <= 2 else n


def _fmt_day(d: Date | None, year_known: bool = True) -> str:
    if d is None:
        return "XXXX-XX-XX"
    return d.isoformat() if year_known else f"XXXX-{d.month:02d}-{d.day:02d}"


def _fmt_week(d: Date | None, anchor: Anchor | None) -> str:
    if d is None or anchor is None or not anchor.weekday_known:
        return "XXXX-WXX"
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}" if anchor.year_known else f"XXXX-W{w:02d}"


def _add_months(d: Date, n: int) -> Date:
    k = d.year * 12 + d.month - 1 + n
    return Date(k // 12, k % 12 + 1, 1)


def _dur_value(parts: list[tuple[float, str]]) -> str | None:
    """ISO 8601 duration from (amount, unit) parts; fractions spill into the next unit (12,5 tahun -> P12Y6M)."""
    tot = {"Y": 0.0, "M": 0.0, "W": 0.0, "D": 0.0, "H": 0.0, "MIN": 0.0, "S": 0.0}
    for amount, unit in parts:
        tot[unit] += amount
    spill = (("Y", "M", 12), ("M", "D", 30), ("W", "D", 7), ("D", "H", 24), ("H", "MIN", 60), ("MIN", "S", 60))
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


# ------------------------------------------------------------------------------------------- candidates

_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"[^\W\d_]+")


def _is_letter(c: str) -> bool:
    return c.isalpha()


class _Finder:
    def __init__(self, text: str, lex: Lexicon):
        self.t = text
        self.n = len(text)
        self.tl = ""  # the text in lower case, set by run()
        self.lex = lex
        self.p = lex.patterns
        self.cands: list[Cand] = []

    # boundaries are tested here rather than with look-behinds, which would slow the scan down
    def _word_before(self, i: int) -> bool:
        return i > 0 and (self.t[i - 1].isalnum() or self.t[i - 1] == "_")

    def _num_before(self, i: int) -> bool:
        t = self.t
        return i > 0 and (t[i - 1].isalnum() or (t[i - 1] in "/.,-" and i > 1 and t[i - 2].isalnum()))

    def _num_after(self, j: int) -> bool:
        t = self.t
        if j >= self.n:
            return False
        c = t[j]
        return c.isalnum() or c == "/" or (c in ".,-" and j + 1 < self.n and t[j + 1].isdigit())

    def _before(self, i: int, width: int = 40) -> str:
        return self.t[max(0, i - width):i]

    def add(self, start: int, end: int, tag: str, prio: int = 5, /, **data) -> None:
        self.cands.append(Cand(start, end, tag, data, prio))

    def run(self) -> list[Cand]:
        """Candidates from every pattern. Patterns are tried only where a trigger token starts (a digit run or a
        word listed in `Lexicon.triggers`): an alternation of words scanned over the whole text is slow."""
        self._pardate()
        t = self.t
        p = self.p
        # patterns that start with a digit are scanned whole: the regex engine skips to digits by itself
        for name in ("numdate", "txtdate", "year", "ztime", "duration_digits"):
            handler = getattr(self, "_" + name.replace("_digits", ""))
            last = -2
            for m in p[name].finditer(t):
                if name == "duration_digits":
                    if m.start() == last + 1:
                        last = m.start()
                        continue  # inside a run of digits already tried
                    last = m.start()
                    if m.start() > 0 and t[m.start() - 1].isdigit():
                        continue
                    handler(m.start())
                else:
                    handler(m.start(), m)
        tl = t.lower()
        if len(tl) != len(t):  # a few characters change length in lower case: offsets must not move
            tl = "".join(c if len(c.lower()) != 1 else c.lower() for c in t)
        self.tl = tl
        trig = self.lex.triggers
        hits = self.lex.trigger_set.intersection(_WORDS.findall(tl))
        for w in hits:  # str.find runs at C speed; a regex alternation tried at every position does not
            k = len(w)
            i = tl.find(w)
            while i >= 0:
                if not (i > 0 and _is_letter(tl[i - 1])) and not (i + k < self.n and _is_letter(tl[i + k])):
                    for name in trig[w]:
                        getattr(self, "_" + name)(i)
                i = tl.find(w, i + k)
        return self.cands

    def _numdate(self, pos: int, m=None) -> None:
        m = m or self.p["numdate"].match(self.t, pos)
        if m is None:
            return
        s, e = m.span()
        if self._num_before(s) or self._num_after(e):
            return
        a, sep, b, c = m.groups()
        if len(a) == 4:  # 2025-06-18
            if sep != "-" or len(c) != 2:
                return
            d = _valid(int(a), int(b), int(c))
        else:
            if len(c) == 3 or (sep == "." and len(c) != 4) or len(a) > 2:
                return
            d = _valid(_year4(c), int(b), int(a))
        if d and 1800 <= d.year <= 2199:
            self.add(s, e, "date", 3, d=d.day, m=d.month, y=d.year)

    def _pardate(self) -> None:
        for m in self.p["pardate"].finditer(self.t):
            d, mo, y = m.group(1), m.group(2), m.group(3)
            if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
                continue
            if y is not None and len(y) == 3:
                continue
            year = _year4(y) if y else None
            if year is not None and not _valid(year, int(mo), int(d)):
                continue
            self.add(m.start(1), m.end(3) if y else m.end(2), "date", 3, d=int(d), m=int(mo), y=year)

    def _txtdate(self, pos: int, m=None) -> None:
        months = self.lex.months
        m = m or self.p["txtdate"].match(self.t, pos)
        if m is None:
            return
        s = m.start()
        if self._num_before(s):
            return
        d1, d2, mon, y = m.group(1), m.group(2), m.group(3), m.group(4)
        mo = months.get(mon.lower())
        if mo is None or not mon[0].isupper() and mon.lower() not in self.lex.full_months:
            return
        year = int(y) if y else None
        e = m.end() if y else m.end(3) + (1 if self.t[m.end(3):m.end(3) + 1] == "." and
                                           mon.lower() not in self.lex.full_months else 0)
        if year is not None and not 1800 <= year <= 2199:
            year, e = None, m.end(3)
        if not 1 <= int(d1) <= 31 or (d2 and not int(d1) < int(d2) <= 31):
            return
        if year is not None and not _valid(year, mo, int(d1)):
            return
        if d2:
            self.add(s, e, "range", 2, d=int(d1), d2=int(d2), m=mo, y=year)
        else:
            self.add(s, e, "date", 3, d=int(d1), m=mo, y=year)

    def _monyear(self, pos: int) -> None:
        m = self.p["monyear"].match(self.t, pos)
        if m is None:
            return
        if self._word_before(m.start()) or not m.group(1)[0].isupper():
            return
        y = int(m.group(2))
        if 1800 <= y <= 2199:
            self.add(m.start(), m.end(), "month", 4, m=self.lex.months[m.group(1).lower()], y=y)

    def _month(self, pos: int) -> None:
        m = self.p["month"].match(self.t, pos)
        if m is None:
            return
        s, e = m.span()
        if self._word_before(s) or not self.t[s].isupper():
            return
        mo = self.lex.months[m.group(1).lower()]
        for rx, rule in self.lex.templated:
            if rule.slots == ("month",):
                mm = rx.match(self.t, s)
                if mm:
                    self.add(s, mm.end(), "month", 4, m=mo, y=None, direction=rule.offset)
                    break
        else:
            if self.p["month_cue_before"].search(self._before(s, 30)):
                self.add(s, e, "month", 6, m=mo, y=None, direction=None)

    def _year(self, pos: int, m=None) -> None:
        p = self.p
        m = m or p["year"].match(self.t, pos)
        if m is None:
            return
        s, e = m.span()
        y1 = int(m.group(1))
        if self._num_before(s) or not 1800 <= y1 <= 2199:
            return
        y2 = int(m.group(2)) if m.group(2) else None
        if y2 is not None and not (y1 < y2 <= y1 + 200):
            y2, e = None, m.end(1)
        if self._num_after(e):
            return
        before = self._before(s, 60)
        if s > 1 and self.t[s - 2].isdigit() and self.t[s - 1] == " ":
            return  # a phone or ID number in groups of digits
        if p["currency_before"].search(before) or p["legal_before"].search(before):
            return
        tahun = p["tahun_before"].search(before)
        if not tahun and p["count_after"].match(self.t, e):
            return
        if y2 is not None:
            self.add(s, e, "year", 4, y=y1, y2=y2)
        else:
            self.add(s, e, "year", 7, y=y1)

    def _time(self, pos: int) -> None:
        m = self.p["time"].match(self.t, pos)
        if m is None:
            return
        s = m.start()
        if self._word_before(s):
            return
        h, mi, sec, _zone, part = m.groups()
        word = self.t[s:s + 3].lower()
        # `jam 7 malam`, `jam 14.30`; not `24 jam 7 hari` or `jam 3 menit`
        if word == "jam" and ((mi is None and part is None) or (s > 1 and self.t[s - 2].isdigit())):
            return
        self._add_time(m, h, mi, sec, part)

    def _ztime(self, pos: int, m=None) -> None:
        m = m or self.p["ztime"].match(self.t, pos)
        if m is None:
            return
        if self._num_before(m.start()):
            return
        self._add_time(m, m.group(1), m.group(2), m.group(3), None)

    def _add_time(self, m, h, mi, sec, part) -> None:
        hh, mm = int(h), int(mi or 0)
        ss = int(sec) if sec else None
        if hh > 24 or mm > 59 or (ss is not None and ss > 59):
            return
        shift = self.lex.dayparts.get(" ".join(part.lower().split())) if part else None
        if shift == "pm" and hh < 12 or shift == "noon" and hh < 6:
            hh += 12
        elif shift == "am" and hh == 12:
            hh = 0
        self.add(m.start(), m.end(), "time", 3, h=hh % 24, mi=mm, s=ss)

    def _weekday(self, pos: int) -> None:
        p, t, lex = self.p, self.t, self.lex
        m = p["weekday"].match(t, pos)
        if m is None:
            return
        s, ws, we = m.start(), m.start(1), m.end(1)
        if self._word_before(s):
            return
        word = m.group(1).lower()
        wd = lex.weekdays[word]
        ambiguous = word in lex.ambiguous_weekdays
        if ambiguous and not t[ws].isupper():
            return  # `minggu` in lower case is a week
        if ambiguous and ws > 0 and self._before(ws, 12).rstrip().lower().endswith(("se", "dua", "tiga")):
            return
        # 1. a modifier from relative_time.tsv: `Selasa lalu`, `Rabu pekan ini`
        best = None
        for rx, rule in lex.templated:
            if rule.slots == ("weekday",):
                mm = rx.match(t, ws)
                if mm and (best is None or mm.end() > best[0].end()):
                    best = (mm, rule)
        if best is not None:
            if ambiguous and self._sentence_initial(ws) and best[1].granularity == "weekday":
                return  # `Minggu lalu, …` opening a sentence is `last week` (relative_time.tsv)
            self.add(s, best[0].end(), "weekday", 2, wd=wd, rule=best[1])
            return
        # 2. a date after it: `Selasa (12/9/2023)`, `Rabu siang (18/6/2025)`, `Senin 9 Juni 2025`
        pos = we
        dp = p["wd_daypart"].match(t, pos)
        if dp:
            pos = dp.end()
        gap = p["wd_gap"].match(t, pos)
        opened = gap.group(1) is not None
        dpos = gap.end()
        date = self._date_at(dpos)
        if date is not None:
            end, d, mo, y = date
            ok = True
            if opened:
                cp = p["close_paren"].match(t, end)
                ok = cp is not None
                end = cp.end() if cp else end
            if ok:
                da = p["daypart_after"].match(t, end)
                if da:
                    end = da.end()
                self.add(s, end, "date", 1, d=d, m=mo, y=y, wd=wd)
                return
        # 3. the weekday alone (with a daypart): `pada Rabu`, `Selasa malam`
        end = dp.end() if dp else we
        if ambiguous and not (dp or self._sunday_context(s, end)):
            return
        self.add(s, end, "weekday", 4, wd=wd, rule=None)

    def _date_at(self, pos: int):
        """A date starting exactly at pos (after a weekday): (end, day, month, year or None)."""
        t = self.t
        m = self.p["txtdate"].match(t, pos)
        if m and not m.group(2):
            mo = self.lex.months.get(m.group(3).lower())
            y = int(m.group(4)) if m.group(4) else None
            if mo and _valid(y or 2024, mo, int(m.group(1))):
                return (m.end() if y else m.end(3)), int(m.group(1)), mo, y
        m = self.p["numdate"].match(t, pos)
        if m and len(m.group(1)) <= 2 and not self._num_after(m.end()):
            c = m.group(4)
            d = _valid(_year4(c), int(m.group(3)), int(m.group(1))) if len(c) in (2, 4) else None
            if d:
                return m.end(), d.day, d.month, d.year
        i = pos
        while i < self.n and i < pos + 2 and t[i].isdigit():
            i += 1
        if i > pos and i < self.n and t[i] == "/":
            j = i + 1
            while j < self.n and j < i + 3 and t[j].isdigit():
                j += 1
            if j > i + 1 and not self._num_after(j):
                d, mo = int(t[pos:i]), int(t[i + 1:j])
                if 1 <= mo <= 12 and _valid(2024, mo, d):
                    return j, d, mo, None
        return None

    def _sentence_initial(self, i: int) -> bool:
        k = i - 1
        while k >= 0 and self.t[k] in " \t\"“‘(":
            k -= 1
        return k < 0 or self.t[k] in ".!?\n"

    def _sunday_context(self, s: int, e: int) -> bool:
        """Capitalised `Minggu` is Sunday after `pada`/`hari`/a comma or before a comma or the sentence end."""
        before = self._before(s, 8).lower()
        if before.rstrip().endswith((",", "pada", "hari", "sejak", "hingga", "sampai", "setiap", "tiap")):
            return not self._sentence_initial(s) or before.rstrip().endswith(("pada", "hari"))
        after = self.t[e:e + 2]
        return not self._sentence_initial(s) and (after[:1] in ",.;)" or after == "" or after[:1] == "\n")

    def _fixed(self, pos: int) -> None:
        rules = self.lex.fixed
        m = self.p["fixed"].match(self.t, pos)
        if m is None:
            return
        s, e = m.span()
        phrase = " ".join(m.group(0).lower().split())
        rule = rules.get(phrase)
        if rule is None or self._word_before(s) or (s > 0 and self.t[s - 1] == "-"):
            return  # `tahun-tahun sebelumnya` is vague
        if self._before(s, 10).lower().rstrip().endswith(("beberapa", "berapa", "sejumlah")):
            return  # `beberapa hari ini` is vague (CONVENTIONS.md)
        if phrase.startswith("minggu") and self.t[s].isupper() and not self._sentence_initial(s):
            return  # `pada Minggu lalu` mid-sentence: Sunday, read by the weekday rules
        self.add(s, e, "rel", 3, rule=rule, n=None, unit=None)

    def _duration(self, pos: int, m=None) -> None:
        p, t, lex = self.p, self.t, self.lex
        m = m or p["duration"].match(t, pos)
        if m is None:
            return
        s = m.start()
        if self._num_before(s):
            return
        # `dua hari lalu`, `tiga tahun silam`: a relative phrase (relative_time.tsv)
        best = None
        for rx, rule in lex.templated:
            if "n" in rule.slots:
                mm = rx.match(t, s)
                if mm and (best is None or mm.end() > best[0].end()):
                    best = (mm, rule)
        if best is not None:
            mm, rule = best
            n = parse_number(_strip_paren(mm.group("n")), lex.extra_dir)
            if n is not None:
                self.add(s, mm.end(), "rel", 2, rule=rule, n=n, unit=lex.units[mm.group("unit").lower()])
                return
        parts = []
        end = s
        cur = m
        order = "YMWDHIS"  # a compound goes from larger units to smaller (`12 tahun dan 6 bulan`)
        for _ in range(4):
            amount = parse_number(_strip_paren(cur.group(1)), lex.extra_dir)
            unit, size = lex.units[cur.group(2).lower()]
            rank = order.index("I" if unit == "MIN" else unit)
            if amount is None or (parts and rank <= order.index("I" if parts[-1][1] == "MIN" else parts[-1][1])):
                break
            parts.append((amount * size, unit))
            end = cur.end()
            cur = p["duration_more"].match(t, end)
            if cur is None:
                break
        if not parts:
            return
        first_unit = parts[0][1]
        if first_unit == "Y" and parts[0][0] >= 200:
            return  # `2019 tahun` is not a duration worth reporting
        if first_unit == "Y" and p["year_after"].match(t, end):
            return  # `Nomor 87 Tahun 2016`: a regulation number, not 87 years
        penalty = p["penalty_after"].match(t, end) is not None
        if first_unit == "Y" and not penalty and self._is_age(s, end):
            return
        tail = t[end:end + 12].lower()
        for word in (" ini", " terakhir"):  # `dua hari ini`, `empat bulan terakhir`: still a duration
            if tail.startswith(word) and (len(tail) == len(word) or not tail[len(word)].isalnum()):
                end += len(word)
                break
        value = _dur_value(parts)
        if value:
            self.add(s, end, "dur", 5, value=value)

    def _is_age(self, s: int, e: int) -> bool:
        p = self.p
        before = self._before(s, 30)
        if p["age"].search(before):
            return True
        after = self.t[e:e + 1]
        if before.endswith("(") and after == ")":
            return True  # `Budi (21 tahun)`
        return p["name_comma"].search(before) is not None and after in (",", ")", ".", ";")  # `Septian, 21 tahun,`

    def _se_unit(self, pos: int) -> None:
        m = self.p["se_unit"].match(self.t, pos)
        if m is None:
            return
        s, e = m.span()
        if self._word_before(s) or self.t[e:e + 1] == "-":
            return
        unit, size = self.lex.units[m.group(1).lower()]
        value = _dur_value([(size, unit)])
        if value:
            self.add(s, e, "dur", 6, value=value)


def _strip_paren(num: str) -> str:
    i = num.find("(")
    return num[:i] if i >= 0 else num


# -------------------------------------------------------------------------------------------- selection

def _select(cands: list[Cand], n: int) -> list[Cand]:
    taken = bytearray(n + 1)
    out = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.prio, c.start)):
        if c.end <= c.start or any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


def _merge_ranges(sel: list[Cand], text: str, lex: Lexicon) -> list[Cand]:
    """`10 Juni hingga 13 Juni 2025`, `Januari-Maret 2025`: two dates (or months) joined by a range word."""
    out: list[Cand] = []
    conn = lex.patterns["range_conn_strict"]
    for c in sel:
        prev = out[-1] if out else None
        if (prev is not None and prev.tag == c.tag and c.tag in ("date", "month") and "wd" not in prev.data
                and c.start - prev.end <= 20 and conn.match(text[prev.end:c.start])
                and prev.data.get("direction") is None and c.data.get("direction") is None):
            a, b = dict(prev.data), dict(c.data)
            if a.get("y") is None:
                a["y"] = b.get("y")
            out[-1] = Cand(prev.start, c.end, "range", {"a": a, "b": b, "unit": c.tag}, 1)
            continue
        out.append(c)
    return out


# ------------------------------------------------------------------------------------------- resolution

class _Resolver:
    def __init__(self, text: str, lex: Lexicon, anchor: Anchor | None, sel: list[Cand], lower: str):
        self.t, self.lex, self.anchor, self.sel, self.tl = text, lex, anchor, sel, lower
        self.plan_pos = self._cue_positions(lex.cues["plan"])
        self.report_pos = self._cue_positions(lex.cues["report"])
        p = lex.patterns
        starts = [0]
        for m in p["sentence"].finditer(text):
            starts.append(m.end())
        self.sent_starts = starts
        self.days: list[tuple[int, Date, bool, int]] = []  # (position, day, is_report_date, sentence index)
        self.vague_days: set[int] = set()  # positions of days given by a relative phrase or a weekday alone
        self.day_pos: list[int] = []
        self.event_pos: list[int] = []  # days that are not report dates, for `event_day`
        self.event_days: list[Date] = []
        self._sentences: dict[int, str] = {}
        self.known_year_days: set[Date] = set()  # days whose year the text writes out

    def sentence_of(self, i: int) -> int:
        return bisect.bisect_right(self.sent_starts, i) - 1

    def sentence_text(self, k: int) -> str:
        if k not in self._sentences:  # one string per sentence, shared by its mentions
            s = self.sent_starts[k]
            e = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.t)
            self._sentences[k] = self.t[s:e].strip()
        return self._sentences[k]

    def _cue_positions(self, words) -> list[int]:
        """Start offsets of whole-word cues, found once per text with str.find."""
        tl, n, out = self.tl, len(self.tl), []
        for w in words:
            k = len(w)
            i = tl.find(w)
            while i >= 0:
                if not (i > 0 and tl[i - 1].isalnum()) and not (i + k < n and tl[i + k].isalnum()):
                    out.append(i)
                i = tl.find(w, i + k)
        return sorted(out)

    def _cue_between(self, positions: list[int], lo: int, hi: int) -> bool:
        i = bisect.bisect_left(positions, lo)
        return i < len(positions) and positions[i] < hi

    def is_plan(self, c: Cand) -> bool:
        """A plan cue (`akan`, `dijadwalkan`) before the expression in its sentence."""
        return self._cue_between(self.plan_pos, max(self.sent_starts[self.sentence_of(c.start)], c.start - 300),
                                 c.start)

    def is_report(self, c: Cand) -> bool:
        """A reporting cue just before (`ujar Arie dalam jumpa pers …, Rabu`): the day the words were said."""
        return self._cue_between(self.report_pos, max(self.sent_starts[self.sentence_of(c.start)], c.start - 80),
                                 c.start)

    def event_day(self, before: int) -> Date | None:
        """The day of the event last named before `before`: the latest day that is not the day words were said."""
        i = bisect.bisect_left(self.day_pos, before)
        j = bisect.bisect_left(self.event_pos, before)
        if j > 0:
            return self.event_days[j - 1]
        if i > 0:
            return self.days[i - 1][1]
        return self.anchor.date if self.anchor is not None else None

    def add_day(self, pos: int, day: Date, explicit: bool, c: Cand) -> None:
        report = self.is_report(c)
        self.days.append((pos, day, report, self.sentence_of(pos)))
        self.day_pos.append(pos)
        if not report:
            self.event_pos.append(pos)
            self.event_days.append(day)
        if not explicit:
            self.vague_days.add(pos)

    def fmt(self, d: Date | None, explicit_year: bool = False) -> str:
        if d is None:
            return "XXXX-XX-XX"
        return _fmt_day(d, explicit_year or (self.anchor is not None and self.anchor.year_known))

    # each resolver returns (value, granularity, kind, day or None)
    def resolve(self, c: Cand):
        return getattr(self, "_r_" + c.tag)(c)

    def _md(self, d: int, m: int, wd: int | None, plan: bool, slack: int = 0) -> Date | None:
        a = self.anchor
        if a is None:
            return None
        if not a.year_known:
            return _valid(a.date.year, m, d) or _valid(2024, m, d)
        cands = [x for x in (_valid(a.date.year + k, m, d) for k in (-1, 0, 1)) if x]
        if not cands:
            return None
        if wd:
            match = [x for x in cands if x.isoweekday() == wd]
            if match:
                return min(match, key=lambda x: abs((x - a.date).days))
        # the nearest such day; a plan leans to the future and a report to the past (by 60 days)
        def cost(x: Date) -> int:
            days = (x - (a.date - dt.timedelta(days=slack))).days
            wrong_side = (days < 0) if plan else (days > 2 * slack)
            return abs((x - a.date).days) + (60 if wrong_side else 0)
        return min(cands, key=cost)

    def _r_date(self, c: Cand):
        d, m, y, wd = c.data["d"], c.data["m"], c.data.get("y"), c.data.get("wd")
        if y is not None:
            day = _valid(y, m, d)
            a = self.anchor
            if (day and wd and day.isoweekday() != wd and a is not None and a.year_known and day > a.date
                    and not self.is_plan(c)):
                # an impossible future year for a past event: the weekday and the anchor decide
                for yy in (a.date.year, a.date.year - 1):
                    alt = _valid(yy, m, d)
                    if alt and alt <= a.date and alt.isoweekday() == wd:
                        day = alt
                        break
            return (day.isoformat() if day else f"{y:04d}-{m:02d}-{d:02d}"), "day", "absolute", day
        day = self._md(d, m, wd, self.is_plan(c))
        if day is None:
            return f"XXXX-{m:02d}-{d:02d}", "day", "relative", None
        return self.fmt(day), "day", "relative", day

    def _r_range(self, c: Cand):
        if "a" in c.data:  # two merged dates or months
            a, b, unit = c.data["a"], c.data["b"], c.data["unit"]
            if unit == "month":
                va, vb = self._month_value(a, c), self._month_value(b, c)
            else:
                ca, cb = Cand(c.start, c.end, "date", a), Cand(c.start, c.end, "date", b)
                va, vb = self._r_date(ca)[0], self._r_date(cb)[0]
            return f"{va}/{vb}", "range", "range", None
        d1, d2, m, y = c.data["d"], c.data["d2"], c.data["m"], c.data.get("y")
        if y is not None:
            start, end = _valid(y, m, d1), _valid(y, m, d2)
            if start and end:
                return f"{start.isoformat()}/{end.isoformat()}", "range", "range", None
            return f"{y:04d}-{m:02d}-{d1:02d}/{y:04d}-{m:02d}-{d2:02d}", "range", "range", None
        start = self._md(d1, m, None, self.is_plan(c), slack=d2 - d1)
        if start is None or not (self.anchor and self.anchor.year_known):
            return f"XXXX-{m:02d}-{d1:02d}/XXXX-{m:02d}-{d2:02d}", "range", "range", None
        end = _valid(start.year, m, d2)
        return f"{start.isoformat()}/{end.isoformat() if end else ''}", "range", "range", None

    def _month_value(self, data: dict, c: Cand) -> str:
        m, y = data["m"], data.get("y")
        if y is not None:
            return f"{y:04d}-{m:02d}"
        a = self.anchor
        if a is None or not a.year_known:
            return f"XXXX-{m:02d}"
        direction = data.get("direction")
        am = a.date.month
        if direction == 0:
            yy = a.date.year
        elif direction == 1:
            yy = a.date.year if m > am else a.date.year + 1
        elif direction == -1 or not self.is_plan(c):
            yy = a.date.year if m <= am else a.date.year - 1
        else:
            yy = a.date.year if m >= am else a.date.year + 1
        return f"{yy:04d}-{m:02d}"

    def _r_month(self, c: Cand):
        kind = "absolute" if c.data.get("y") is not None else "relative"
        return self._month_value(c.data, c), "month", kind, None

    def _r_year(self, c: Cand):
        if c.data.get("y2"):
            return f"{c.data['y']}/{c.data['y2']}", "range", "range", None
        return f"{c.data['y']:04d}", "year", "absolute", None

    def _r_dur(self, c: Cand):
        return c.data["value"], "duration", "duration", None

    def _r_weekday(self, c: Cand):
        wd, rule = c.data["wd"], c.data["rule"]
        a = self.anchor
        kind = "weekday" if rule is None else "relative"
        if a is None or not a.weekday_known:
            return "XXXX-XX-XX", "day", kind, None
        base = a.date
        bw = base.isoweekday()
        if rule is None:
            if self.is_plan(c) and not self.is_report(c):
                day = base + dt.timedelta(days=(wd - bw) % 7)
            else:
                day = base - dt.timedelta(days=(bw - wd) % 7)
        elif rule.granularity == "weekday_of_week":
            day = base + dt.timedelta(days=wd - bw + 7 * (rule.offset or 0))
        elif rule.offset == 0:
            day = base + dt.timedelta(days=wd - bw)
        elif (rule.offset or 0) < 0:
            day = base - dt.timedelta(days=(bw - wd - 1) % 7 + 1)
        else:
            day = base + dt.timedelta(days=(wd - bw - 1) % 7 + 1)
        return self.fmt(day), "day", kind, day

    def _r_rel(self, c: Cand):
        rule: RelativeRule = c.data["rule"]
        a = self.anchor
        if rule.offset is None:
            n = c.data["n"] or 0
            unit, size = c.data["unit"]
            off = round(n * size) * rule.sign
        else:
            off, unit = rule.offset, {"day": "D", "week": "W", "month": "M", "year": "Y"}[rule.granularity]
        gran = {"D": "day", "W": "week", "M": "month", "Y": "year"}.get(unit, "day")
        base = self.event_day(c.start) if rule.base == "event" else (a.date if a else None)
        if base is None:
            blank = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[gran]
            return blank, gran, "relative", None
        known = a is not None and a.year_known
        if unit == "D":
            day = base + dt.timedelta(days=off)
            return self.fmt(day), "day", "relative", day
        if unit == "W":
            return _fmt_week(base + dt.timedelta(weeks=off), a), "week", "relative", None
        if unit == "M":
            d = _add_months(base, off)
            return (f"{d.year:04d}-{d.month:02d}" if known else f"XXXX-{d.month:02d}"), "month", "relative", None
        if unit == "Y":
            return (f"{base.year + off:04d}" if known else "XXXX"), "year", "relative", None
        return self.fmt(base), "day", "relative", base  # `dua jam lalu`: the day only

    def time_day(self, c: Cand, prev: tuple | None) -> tuple[Date | None, bool]:
        """The day a clock time belongs to: a day named in its sentence (not the day the words were said), else
        the closest earlier event day, else the anchor. Returns (day, inherited from an earlier sentence)."""
        k = self.sentence_of(c.start)
        lo = bisect.bisect_left(self.day_pos, self.sent_starts[k])
        hi = bisect.bisect_left(self.day_pos, self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.t))
        mid = bisect.bisect_left(self.day_pos, c.start, lo, hi)
        near = self.days[max(lo, mid - 8):min(hi, mid + 8)]  # the nearest days only: linear on any text
        same = [(abs(pos - c.start), day, pos) for pos, day, report, _ in near if not report]
        if same:
            _, day, pos = min(same, key=lambda x: x[0])
            return day, pos in self.vague_days  # `tadi malam` may still run past midnight
        j = bisect.bisect_left(self.event_pos, c.start)
        if j > 0:
            return self.event_days[j - 1], True
        if self.anchor is not None:
            return self.anchor.date, True
        return None, True


def _partial_anchor(sel: list[Cand]) -> Anchor | None:
    """For an undated article, a stand-in anchor from its first year-less dated day (`Senin (30/6)`)."""
    for c in sel:
        if c.tag == "date" and c.data.get("y") is None:
            m, d, wd = c.data["m"], c.data["d"], c.data.get("wd")
            if wd:
                for y in range(2030, 1990, -1):
                    day = _valid(y, m, d)
                    if day and day.isoweekday() == wd:
                        return Anchor(day, year_known=False, weekday_known=True)
            day = _valid(2024, m, d)
            if day:
                return Anchor(day, year_known=False, weekday_known=False)
    return None


def find_dates(text: str, anchor: Date | None, *, extra_dir: str | None = None) -> list[DateMention]:
    """Every temporal expression in `text` (a clean article body), sorted by start, non-overlapping.

    `anchor` is the article's reference date (`reference_date(...)`), or None: then year-less and relative
    values keep `X` where they cannot be known (`XXXX-09-13`, `XXXX-XX-XX`), counted from the first year-less
    dated day the article gives, if any. Durations are ISO 8601 (`P12Y6M`), ranges `START/END`.
    """
    if not text:
        return []
    lex = Lexicon.load(extra_dir)
    finder = _Finder(text, lex)
    sel = _merge_ranges(_select(finder.run(), len(text)), text, lex)
    if not sel:
        return []
    anc = Anchor(anchor) if anchor is not None else _partial_anchor(sel)
    res = _Resolver(text, lex, anc, sel, finder.tl)
    resolved: list[tuple[Cand, str, str, str]] = []
    for c in sel:
        if c.tag == "time":
            resolved.append((c, "", "time", "relative"))
            continue
        value, gran, kind, day = res.resolve(c)
        if day is not None and gran == "day":
            res.add_day(c.start, day, c.tag == "date", c)
            if c.tag == "date" and c.data.get("y") is not None:
                res.known_year_days.add(day)
        resolved.append((c, value, gran, kind))
    out = []
    prev = None  # (event day, hour) of the last clock time; hour + 24 once it ran past midnight
    for c, value, gran, kind in resolved:
        if c.tag == "time":
            day, inherited = res.time_day(c, prev)
            h, mi, s = c.data["h"], c.data["mi"], c.data["s"]
            base, hour = day, h
            if day is not None and inherited and prev and prev[0] == day and prev[1] >= 18 and h < 6:
                day, hour = day + dt.timedelta(days=1), h + 24  # `23.55 WIB` … `hingga pukul 00.20 WIB`
            prev = (base, hour)
            known = day is not None and (base in res.known_year_days or day in res.known_year_days)
            value = res.fmt(day, known) + f"T{h:02d}:{mi:02d}" + (f":{s:02d}" if s is not None else "")
        out.append(DateMention(c.start, c.end, text[c.start:c.end], value, gran, kind,
                               res.sentence_text(res.sentence_of(c.start))))
    return out
