"""The publication date: from a header line or an export's date cell, else the day the body reports from.

A body names many full dates: the day the words were said (`kata X, Kamis (14/7/2022)`), a dateline's date,
but also a rule that takes effect next month or an event that runs over several days. The body's date is
therefore the best-scored candidate, not the first one: the dateline sentence, the `Hari (d/m/y)` form
Indonesian news writes the reporting day in, and a speech or report cue before it count for a candidate; a
plan cue (`akan`) or a range (`28 Januari hingga 1 Februari 2019`) count against it, and a related-article
headline is never read. The cue words are `data/date_cues.tsv` (kinds `report` and `plan`), shared with the
date tagger.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .records import Evidence
from .tables import Folders, cache_per_folders, table

# the kinds of pubdate_cues.tsv (its header comment says what each is)
CUE_KINDS = ("past_after", "today_before", "related", "related_also")
_TIME = r"(?P<hh>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?:[:.][0-5]\d)?"
_TIME_ONLY = re.compile(r"^\s*" + _TIME + r"\b")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# candidates are read in the body's first this many characters: the report, not the archive
_BODY_CHARS = 3000
_CUE_WINDOW = 160  # how far before a date a cue still belongs to it (within its sentence)
_SHORT_PARAGRAPH = 600  # a first paragraph up to this long is the opening; a longer one was flattened


@dataclass(frozen=True)
class _Calendar:
    months: dict[str, int]  # every spelling -> 1..12 (data/months.tsv, shared with the date tagger)
    weekdays: dict[str, int]  # every spelling -> Python weekday() number (data/weekdays.tsv)
    header_dates: tuple[re.Pattern, ...]  # a date as a header line or an export column writes it
    # a full date in running text: `Senin (30/5/2011)`, `Senin, 30 Mei 2011`
    body_dates: tuple[re.Pattern, ...]
    report: re.Pattern  # a speech or report cue: the date after it is the day the words were said
    plan: re.Pattern  # a plan cue: the date after it is an event to come
    past: re.Pattern  # just after a date: a day before the report (`lalu`)
    today: re.Pattern  # just before a date: the report's own day (`hari ini`)
    related: re.Pattern  # a related-article headline in a flattened paragraph (`Baca juga: ...`) to its end
    range_after: re.Pattern  # just after a date: it is one end of a period (`hingga`, `s.d.`, a dash)
    range_before: re.Pattern  # just before a date: the same


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache_per_folders
def _calendar(folders: Folders) -> _Calendar:
    from .dates.lexicon import Lexicon

    lex = Lexicon.load(folders)
    months = dict(lex.months)
    weekdays = {w.replace("\u2019", "'"): n - 1 for w, n in lex.weekdays.items()}
    month_re = _alternation(months)
    weekday_re = _alternation(weekdays).replace("'", "['\u2019]?")
    header = (
        re.compile(r"(?P<y>(?:19|20)\d\d)[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})(?:[T ]{1,2}" + _TIME + ")?"),
        re.compile(
            r"(?<![\d.:])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)"
            r"(?:[\s,]{1,3}(?:pukul\s)?" + _TIME + ")?"
        ),
        re.compile(
            r"(?P<d>\d{1,2})\s{1,3}(?P<mon>" + month_re + r")\.?,?\s{1,3}(?P<y>(?:19|20)\d\d)"
            r"(?:[\s,|\-\u2013\u2014/]{1,5}(?:pukul\s)?" + _TIME + ")?",
            re.IGNORECASE,
        ),
        re.compile(
            r"(?P<mon>" + month_re + r")\.?\s{1,3}(?P<d>\d{1,2}),?\s{1,3}(?P<y>(?:19|20)\d\d)"
            r"(?:[\s,|\-\u2013\u2014]{1,5}" + _TIME + ")?",
            re.IGNORECASE,
        ),
        # a two-digit year, last: `Kamis, 15/12/22 07:30 WIB`
        re.compile(
            r"(?<![\d.:/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d\d)(?![\d/])(?:[\s,]{1,3}" + _TIME + ")?"
        ),
    )
    body = (
        re.compile(
            r"\b(?P<wd>" + weekday_re + r")\s{0,3},?\s{0,2}\(\s?(?P<d>\d{1,2})\s?/\s?(?P<m>\d{1,2})"
            r"(?:\s?/\s?(?P<y>\d{4}|\d{2}))?\s?\)",
            re.IGNORECASE,
        ),
        re.compile(
            r"\b(?:(?P<wd>"
            + weekday_re
            + r"),?\s{1,3})?(?P<d>\d{1,2})\s{1,3}(?P<mon>"
            + month_re
            + r")\s{1,3}(?P<y>(?:19|20)\d\d)\b",
            re.IGNORECASE,
        ),
    )
    own: dict[str, list[str]] = {k: [] for k in CUE_KINDS}
    for r in table('pubdate_cues.tsv', folders):
        own[r["kind"]].append(r["cue"])
    cue = r"(?<![\w])(?:{})(?![\w])"
    return _Calendar(
        months,
        weekdays,
        header,
        body,
        re.compile(cue.format(_alternation(lex.cues.get("report", ()))), re.IGNORECASE),
        re.compile(cue.format(_alternation(lex.cues.get("plan", ()))), re.IGNORECASE),
        re.compile(r"[\s,]{0,3}(?:" + _alternation(own["past_after"]) + r")(?![\w])", re.IGNORECASE),
        re.compile(cue.format(_alternation(own["today_before"])), re.IGNORECASE),
        *_around(own, lex.cues.get("range", ())),
    )


def _around(own: dict[str, list[str]], ranges: Iterable[str]) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The related-article pattern and the range words after and before a date (a one-word `range` cue of
    date_cues.tsv: `hingga`, `sampai`)."""
    related = re.compile(
        rf"(?i)\b(?:{_alternation(own['related'])})\s(?:{_alternation(own['related_also'])})\s?:?"
        r"[^\n]{0,160}?(?=[.!?]\s|\n|$)"
    )
    words = _alternation(sorted(w for w in ranges if " " not in w))
    after = re.compile(rf"^\s{{0,2}}(?:[-\u2013\u2014]|s\.?d\.?|{words})\s", re.IGNORECASE)
    before = re.compile(rf"(?:\d\s{{0,2}}[-\u2013\u2014]|\b(?:{words}|s\.?d\.?))\s{{0,2}}$", re.IGNORECASE)
    return related, after, before


def _month(g: dict[str, str | None]) -> int | None:
    """The month of a match: a name (`Juni`, `Jun.`) or a number."""
    if g.get("mon"):
        return _calendar().months.get((g["mon"] or "").casefold())  # None for a Unicode case-fold oddity
    return int(g["m"] or 0)


def _valid(y: int, m: int | None, d: int) -> str | None:
    if m is None:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_header_date(text: str | None) -> tuple[str | None, str | None, str]:
    """(ISO date, HH:MM or None, the words it was read from) for a header line or a date cell, else (None,
    None, "").

    Reads `Kamis, 19 Jun 2025 08:22 WIB`, `Kompas.com- 18/06/2025, 22:01 WIB`, `Diperbarui 18 Jun 2025, 16:36
    WIB`, `Tayang: Senin, 9 Juni 2025 22:43 WIB`, `Rabu, 18 Juni 2025 | 16:30 WIB`, `18 Juni 2025 | 20.37
    WIB`, `10 Jun 2025 21:23`, `2025/07/02 10:51:26`, `2025-06-18T08:00:00+07:00`, `Senin, 21 Januari 2019 /
    21:34 WIB`; day first, unless only month first gives a date (`10/21/2025 14:50`).
    """
    if not text:
        return None, None, ""
    for rx in _calendar().header_dates:
        for m in rx.finditer(text):
            g = m.groupdict()
            year = int(g["y"]) + (2000 if len(g["y"]) == 2 else 0)
            iso = _valid(year, _month(g), int(g["d"]))
            if iso is None and g.get("m") and not g.get("mon"):
                iso = _valid(year, int(g["d"]), int(g["m"]))  # `10/21/2025`: a month-first export cell
            if iso:
                hhmm = f"{int(g['hh']):02d}:{g['mi']}" if g.get("hh") else None
                return iso, hhmm, m.group(0).strip()
    return None, None, ""


def parse_time(text: str | None) -> str | None:
    """`21:23` or `20.37 WIB` in an export's time column, as HH:MM."""
    m = _TIME_ONLY.match(text or "")
    return f"{int(m['hh']):02d}:{m['mi']}" if m else None


# a date in an article URL's path, as most Indonesian portals write it: /read/2019/01/21/, /read/20190122/
_URL_DATE = re.compile(r"/(?P<y>20\d\d)/?(?P<m>[01]\d)/?(?P<d>[0-3]\d)(?=/)")


def url_date(url: str | None) -> Evidence:
    """The date an article's URL path carries (`https://x.com/read/2019/01/21/152407126/judul`), else none."""
    from urllib.parse import urlsplit

    m = _URL_DATE.search(urlsplit(url or "").path)
    iso = _valid(int(m["y"]), int(m["m"]), int(m["d"])) if m else None
    return Evidence(iso, "url", m.group(0)) if iso and m else Evidence(None, "none")


def is_date_line(line: str) -> bool:
    """A header line that is a date and little else (`Tayang: Senin, 9 Juni 2025 22:43 WIB`)."""
    iso, _, words = parse_header_date(line)
    return bool(iso) and len(line.strip()) - len(words) <= 32


# ---------------------------------------------------------------- the body's date


@dataclass(frozen=True, slots=True)
class _Candidate:
    score: int
    start: int
    iso: str
    text: str


def _resolve(g: dict[str, str | None], years: list[int]) -> str | None:
    """The ISO date of a body match; a date without its year only when its weekday fits exactly one year the
    article names (`Rabu (2/7)` in an article that names 2025, a year in which 2 July was a Wednesday)."""
    month, day = _month(g), int(g["d"] or 0)
    if month is None:
        return None
    if g.get("y"):
        y = int(g["y"] or 0)
        return _valid(y + 2000 if y < 100 else y, month, day)
    wd = _calendar().weekdays.get((g.get("wd") or "").casefold().replace("\u2019", "'"))
    if wd is None:
        return None
    fits = [y for y in years if _valid(y, month, day) and date(y, month, day).weekday() == wd]
    return date(fits[0], month, day).isoformat() if len(fits) == 1 else None


def _sentence_before(text: str, start: int) -> str:
    """The words of the candidate's own sentence before it, at most _CUE_WINDOW characters."""
    head = text[max(0, start - _CUE_WINDOW) : start]
    cut = max(head.rfind(". "), head.rfind("\n"), head.rfind(".\u201c"), head.rfind('."'))
    return head[cut + 1 :] if cut >= 0 else head


def _score(text: str, m: re.Match[str], opening_end: int) -> int:
    """Evidence that a full date is the day the article reports from (see the module docstring)."""
    cal = _calendar()
    before = _sentence_before(text, m.start())
    after = text[m.end() : m.end() + 14]
    score = 0
    if m.start() < opening_end:
        score += 3  # the opening (the dateline's sentence or a short first paragraph) states the news
    if m.group(0).rstrip().endswith(")") or m.group("wd"):
        score += 2  # `Senin (30/5/2011)`, `Senin, 30 Mei 2011`: the reporting-day style
    if cal.report.search(before) or cal.today.search(before[-24:]):
        score += 1
    if cal.plan.search(before):
        score -= 2
    if cal.past.match(after):
        score -= 3  # `Sabtu (9/7/2022) lalu`: a day before the report
    if cal.range_after.match(after) or cal.range_before.search(text[max(0, m.start() - 12) : m.start()]):
        score -= 5  # one end of a period (`28 Januari hingga 1 Februari 2019`): an event, not the report
    return score


def _opening_end(text: str, dateline_end: int) -> int:
    """Where the opening ends: the first paragraph when it is short, else the first sentence after the
    dateline (a scraper may have flattened the whole article into one paragraph)."""
    para = text.find("\n", dateline_end)
    para = len(text) if para < 0 else para
    if para - dateline_end <= _SHORT_PARAGRAPH:
        return para
    first = re.search(r"[.!?](?:\s|$)", text[dateline_end:para])
    return dateline_end + (first.end() if first else para - dateline_end)


def body_date(body: str, dateline_end: int = 0) -> Evidence:
    """The day the body reports from, as Evidence(iso, "body", words), or Evidence(None, "none").

    Candidates are the full dates in the body's first characters (`Senin (30/5/2011)`, `Senin, 30 Mei 2011`,
    `30 Mei 2011`), outside related-article headlines; each is scored (module docstring) and the best wins,
    the earlier on a tie. A candidate with a negative score (a plan, a range) is never taken."""
    text = _calendar().related.sub(lambda m: " " * len(m.group(0)), body[:_BODY_CHARS])
    dateline_end = min(dateline_end, len(text))
    opening_end = _opening_end(text, dateline_end)
    years: list[int] | None = None
    found: list[_Candidate] = []
    for rx in _calendar().body_dates:
        for m in rx.finditer(text):
            g = m.groupdict()
            if not g.get("y") and years is None:
                years = sorted({int(y) for y in _YEAR.findall(body[:200000])})
            iso = _resolve(g, years or [])
            if iso:
                found.append(_Candidate(_score(text, m, opening_end), m.start(), iso, m.group(0)))
    best = min(found, key=lambda c: (-c.score, c.start), default=None)
    if best is None or best.score <= 0:
        return Evidence(None, "none")
    return Evidence(best.iso, "body", best.text)
