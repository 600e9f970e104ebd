"""Resolution: each selected candidate -> (value, granularity, kind, day), against the anchor and the days
named before it in the text (CONVENTIONS.md "Dates")."""
from __future__ import annotations

import bisect
import datetime as dt
import re

from .holidays import calendar, hijri_value, holiday_value
from .lexicon import Lexicon, RelativeRule
from .values import Anchor, Cand, Date, add_months, fmt_day, fmt_week, valid

WEEKDAY_REACH = 200  # days from the anchor within which a weekday decides a year-less date's year
SIDE_SLACK = 7  # days an article may have been written before its date (`25 Juli mendatang` on 26 July)


def _on_side(cands: list[Date], anchor: Date, direction: int) -> Date | None:
    """The latest candidate on or before the anchor (direction -1), the first on or after it (+1, with a
    week's slack: text is written before its date stamp), or the one in its year (0)."""
    slack = dt.timedelta(days=SIDE_SLACK)
    if direction < 0:
        return max((x for x in cands if x <= anchor), default=None)
    if direction > 0:
        return min((x for x in cands if x >= anchor - slack), default=None)
    return next((x for x in cands if x.year == anchor.year), None)


_PARAGRAPH = re.compile(r"\r\n?|\n")  # scrapers separate paragraphs by CR alone, too


def _quote_spans(text: str) -> list[int]:
    """Flat (open, close, …) offsets of direct speech: curly pairs, straight marks paired within a
    paragraph."""
    spans: list[int] = []
    for m in _QUOTE.finditer(text):
        c = m.group()
        inside = len(spans) % 2 == 1
        if c in "\r\n":
            if inside:
                spans.append(m.start())  # an unclosed quote ends with its paragraph
        elif (c == "“" and not inside) or (c == "”" and inside) or c == '"':
            spans.append(m.start())
    if len(spans) % 2:
        spans.append(len(text))
    return spans


_QUOTE = re.compile(r'["“”\r\n]')


class Resolver:
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
        self.year_pos: list[int] = []  # where a year is named (`2019`, `Maret 2019`), for `event_year`
        self.years: list[int] = []
        self.par_starts = [0] + [m.end() for m in _PARAGRAPH.finditer(text)]
        self.quote_spans = _quote_spans(text)

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
        start = self.sent_starts[self.sentence_of(c.start)]
        return self._cue_between(self.plan_pos, max(start, c.start - 300), c.start)

    def is_report(self, c: Cand) -> bool:
        """A reporting cue just before (`ujar Ani dalam jumpa pers …, Rabu`): the day the words were said."""
        start = self.sent_starts[self.sentence_of(c.start)]
        return self._cue_between(self.report_pos, max(start, c.start - 80), c.start)

    def event_day(self, before: int) -> Date | None:
        """The day of the event last named before `before`: the latest day that is not the day words were
        said."""
        i = bisect.bisect_left(self.day_pos, before)
        j = bisect.bisect_left(self.event_pos, before)
        if j > 0:
            return self.event_days[j - 1]
        if i > 0:
            return self.days[i - 1][1]
        return self.anchor.date if self.anchor is not None else None

    def quoted(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quote_spans, pos)
        return i % 2 == 1  # spans are flat (open, close, open, close …): odd means inside

    def add_year(self, pos: int, value: str) -> None:
        """Remembers the year a resolved value names (its first four digits), for `tahun sebelumnya`."""
        if value[:4].isdigit():
            self.year_pos.append(pos)
            self.years.append(int(value[:4]))

    def event_year(self, before: int) -> int | None:
        """The year named last before `before` in its paragraph (`Pada 2014 … setahun berikutnya`), else the
        anchor's."""
        i = bisect.bisect_left(self.year_pos, before)
        par = self.par_starts[bisect.bisect_right(self.par_starts, before) - 1]
        if i > 0 and self.year_pos[i - 1] >= par:
            return self.years[i - 1]
        return self.anchor.date.year if self.anchor is not None and self.anchor.year_known else None

    def add_day(self, pos: int, day: Date, explicit: bool, c: Cand) -> None:
        report = self.is_report(c)
        self.days.append((pos, day, report, self.sentence_of(pos)))
        self.day_pos.append(pos)
        # a speaker's `kemarin` counts from when the words were said: no event day of the narration
        if not report and not (c.tag == "rel" and self.quoted(pos)):
            self.event_pos.append(pos)
            self.event_days.append(day)
        if not explicit:
            self.vague_days.add(pos)

    def fmt(self, d: Date | None, explicit_year: bool = False) -> str:
        if d is None:
            return "XXXX-XX-XX"
        return fmt_day(d, explicit_year or (self.anchor is not None and self.anchor.year_known))

    # each resolver returns (value, granularity, kind, day or None)
    def resolve(self, c: Cand):
        return getattr(self, "_r_" + c.tag)(c)

    def _md(self, d: int, m: int, wd: int | None, plan: bool, slack: int = 0,
            direction: int | None = None) -> Date | None:
        a = self.anchor
        if a is None:
            return None
        if not a.year_known:
            return valid(a.date.year, m, d) or valid(2024, m, d)
        cands = [x for x in (valid(a.date.year + k, m, d) for k in (-1, 0, 1)) if x]
        if direction is not None:  # `21 Februari lalu`, `5 Maret mendatang`, `1 Juni ini`
            return _on_side(cands, a.date, direction)
        if not cands:
            return None
        if wd:  # the weekday picks the year, unless it only fits a year away (a wrong weekday)
            match = [x for x in cands if x.isoweekday() == wd and abs((x - a.date).days) <= WEEKDAY_REACH]
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
            day = valid(y, m, d)
            a = self.anchor
            if (day and wd and day.isoweekday() != wd and a is not None and a.year_known and day > a.date
                    and not self.is_plan(c)):
                # an impossible future year for a past event: the weekday and the anchor decide
                for yy in (a.date.year, a.date.year - 1):
                    alt = valid(yy, m, d)
                    if alt and alt <= a.date and alt.isoweekday() == wd:
                        day = alt
                        break
            return (day.isoformat() if day else f"{y:04d}-{m:02d}-{d:02d}"), "day", "absolute", day
        day = self._md(d, m, wd, self.is_plan(c), direction=c.data.get("direction"))
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
            start, end = valid(y, m, d1), valid(y, m, d2)
            if start and end:
                return f"{start.isoformat()}/{end.isoformat()}", "range", "range", None
            return f"{y:04d}-{m:02d}-{d1:02d}/{y:04d}-{m:02d}-{d2:02d}", "range", "range", None
        start = self._md(d1, m, None, self.is_plan(c), slack=d2 - d1, direction=c.data.get("direction"))
        if start is None or not (self.anchor and self.anchor.year_known):
            return f"XXXX-{m:02d}-{d1:02d}/XXXX-{m:02d}-{d2:02d}", "range", "range", None
        end = valid(start.year, m, d2)
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
        elif direction == 1:  # `akhir Maret mendatang` written in March: this March
            yy = a.date.year if m >= am else a.date.year + 1
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

    def _r_holiday(self, c: Cand):
        return holiday_value(calendar(self.lex.folders), c.data, self.anchor, self.is_plan(c), self.fmt)

    def _r_hijri(self, c: Cand):
        return hijri_value(calendar(self.lex.folders), c.data["hy"])

    def _r_yy(self, c: Cand):
        """A two-digit year in the century that puts it on or before the anchor's year (news looks back);
        `XX98` without an anchor year."""
        yy, a = c.data["yy"], self.anchor
        if a is None or not a.year_known:
            return f"XX{yy:02d}", "year", "absolute", None
        year = a.date.year // 100 * 100 + yy
        return f"{year if year <= a.date.year else year - 100:04d}", "year", "absolute", None

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
            ahead, back = base + dt.timedelta(days=(wd - bw) % 7), base - dt.timedelta(days=(bw - wd) % 7)
            if self.is_plan(c) and not self.is_report(c):
                day = ahead
            elif a.event:  # the article appeared on the event's day or after: the nearest such day
                day = back if (base - back) <= (ahead - base) else ahead
            else:
                day = back
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
        if unit == "Y" and rule.base == "event":  # `tahun sebelumnya`: from the year just named
            year = self.event_year(c.start)
            return (f"{year + off:04d}" if year is not None else "XXXX"), "year", "relative", None
        base = self.event_day(c.start) if rule.base == "event" else (a.date if a else None)
        if base is None:
            blank = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[gran]
            return blank, gran, "relative", None
        known = a is not None and a.year_known
        if unit == "D":
            day = base + dt.timedelta(days=off)
            return self.fmt(day), "day", "relative", day
        if unit == "W":
            return fmt_week(base + dt.timedelta(weeks=off), a), "week", "relative", None
        if unit == "M":
            d = add_months(base, off)
            value = f"{d.year:04d}-{d.month:02d}" if known else f"XXXX-{d.month:02d}"
            return value, "month", "relative", None
        if unit == "Y":
            return (f"{base.year + off:04d}" if known else "XXXX"), "year", "relative", None
        return self.fmt(base), "day", "relative", base  # `dua jam lalu`: the day only

    def time_day(self, c: Cand, prev: tuple | None) -> tuple[Date | None, bool]:
        """The day a clock time belongs to: a day named in its sentence (not the day words were said), else
        the closest earlier event day, else the anchor. Returns (day, inherited from an earlier sentence)."""
        k = self.sentence_of(c.start)
        lo = bisect.bisect_left(self.day_pos, self.sent_starts[k])
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.t)
        hi = bisect.bisect_left(self.day_pos, end)
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
