"""The temporal tagger's vocabulary, read once from the data tables and compiled into linear regexes.

Tables (all in `newsscan/data/`, a user folder may add or override rows, see `newsscan.tables`):
months.tsv, weekdays.tsv, relative_time.tsv, time_units.tsv, date_cues.tsv, numbers.tsv.
Every pattern here is compiled once per (folders) and uses only bounded or single-level repetition, so
that matching stays linear in the length of the text (no nested quantifiers over the same characters).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import DataTableError
from ..tables import Folders, cache_per_folders, table
from .holidays import holiday_names
from .numbers import number_words

GRANULARITIES = ("day", "week", "month", "year", "unit", "weekday", "weekday_of_week", "month_occurrence",
                 "holiday", "holiday_year")
CUE_KINDS = ("plan", "report", "age", "legal", "currency", "count", "daypart", "penalty", "era", "point",
             "frequency", "meridiem", "period", "range", "month_before", "day_before", "day_lead", "and",
             "holiday_and", "ordinal_lead", "ordinal")
UNITS = ("Y", "M", "W", "D", "H", "MIN", "S")


def _alt(words) -> str:
    """A regex alternation of literal words, longest first (so `jumat` is not cut to `jum`), spaces as
    `\\s+`."""
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in uniq)


@dataclass(frozen=True)
class RelativeRule:
    offset: int | None  # None: the number of the {n} placeholder, with `sign`
    sign: int
    granularity: str
    base: str  # publication | event
    slots: tuple[str, ...]  # placeholders in order: weekday, month, n, unit
    where: str


@dataclass
class Lexicon:
    """Word lists and compiled patterns of the temporal tagger. Build with `Lexicon.load(folders)`
    (cached)."""

    months: dict[str, int] = field(default_factory=dict)  # every spelling -> 1..12
    full_months: frozenset[str] = frozenset()  # spellings that may stand alone (`pada Oktober`)
    weekdays: dict[str, int] = field(default_factory=dict)  # every spelling -> ISO weekday
    ambiguous_weekdays: frozenset[str] = frozenset()  # spellings with another reading (`minggu`: week)
    units: dict[str, tuple[str, int]] = field(default_factory=dict)  # word -> (Y|M|W|D|H|MIN|S, size)
    numbers: dict[str, tuple[float, str]] = field(default_factory=dict)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> words
    dayparts: dict[str, str] = field(default_factory=dict)  # word -> am | pm | noon
    eras: dict[str, str] = field(default_factory=dict)  # `H`, `Hijriah`, `M` -> hijri | gregorian
    holidays: dict[str, str] = field(default_factory=dict)  # every spelling -> holiday key (holidays.tsv)
    fixed: dict[str, RelativeRule] = field(default_factory=dict)  # `kemarin` -> rule
    templated: list[tuple[re.Pattern, RelativeRule]] = field(default_factory=list)
    patterns: dict[str, re.Pattern] = field(default_factory=dict)
    triggers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # first word -> tagger handlers
    trigger_set: frozenset[str] = frozenset()
    folders: Folders | None = None

    @classmethod
    def load(cls, folders: Folders | None = None) -> Lexicon:
        return _load(folders)

    def longest_template(self, text: str, slot: str, pos: int):
        """(match, rule) of the longest `relative_time.tsv` template with that slot matching text at pos, or
        None. A weekday template has the weekday as its only slot."""
        best = None
        for rx, rule in self.templated:
            if slot in rule.slots and (slot != "weekday" or rule.slots == ("weekday",)):
                mm = rx.match(text, pos)
                if mm and (best is None or mm.end() > best[0].end()):
                    best = (mm, rule)
        return best


def _split(cell: str) -> list[str]:
    return [v.strip().lower() for v in cell.split("|") if v.strip()]


@cache_per_folders
def _load(folders: Folders | None) -> Lexicon:
    lex = Lexicon(folders=folders)
    _load_months(lex)
    _load_weekdays(lex)
    for r in table('time_units.tsv', folders):
        if not r["size"].isdigit():
            raise DataTableError(f"{r['_where']}: size must be a whole number, not '{r['size']}'")
        lex.units[r["word"].lower()] = (r["unit"], int(r["size"]))
    lex.numbers = number_words(folders)
    _load_cues(lex)
    lex.holidays = holiday_names(folders)
    _compile(lex)
    _relative(lex)
    return lex


def _load_months(lex: Lexicon) -> None:
    full = set()
    for r in table('months.tsv', lex.folders):
        try:
            n = int(r["number"])
        except ValueError:
            n = 0
        if not 1 <= n <= 12:
            raise DataTableError(f"{r['_where']}: month number must be 1-12, not '{r['number']}'")
        name = r["name"].lower()
        lex.months[name] = n
        full.add(name)
        for a in _split(r["abbrevs"]):
            lex.months[a] = n
            if len(a) > 4:  # an old spelling (`nopember`), not an abbreviation
                full.add(a)
    lex.full_months = frozenset(full)


def _load_weekdays(lex: Lexicon) -> None:
    amb = set()
    for r in table('weekdays.tsv', lex.folders):
        if r["iso_weekday"] not in {str(i) for i in range(1, 8)}:
            raise DataTableError(f"{r['_where']}: iso_weekday must be 1-7, not '{r['iso_weekday']}'")
        names = [r["name"].lower(), *_split(r["variants"])]
        for w in names:
            lex.weekdays[w] = int(r["iso_weekday"])
            if r["ambiguous_with"]:
                amb.add(w)
    lex.ambiguous_weekdays = frozenset(amb)


_CUE_VALUES = {"daypart": ("am", "pm", "noon"), "meridiem": ("am", "pm"), "era": ("hijri", "gregorian")}


def _load_cues(lex: Lexicon) -> None:
    cues: dict[str, set[str]] = {k: set() for k in CUE_KINDS}
    for r in table('date_cues.tsv', lex.folders):
        kind, cue = r["kind"], r["cue"].lower()
        cues[kind].add(cue)
        if kind in _CUE_VALUES and r["value"] not in _CUE_VALUES[kind]:
            raise DataTableError(f"{r['_where']}: a {kind}'s value must be {' or '.join(_CUE_VALUES[kind])}")
        if kind in ("daypart", "meridiem"):
            lex.dayparts[cue] = r["value"]
        elif kind == "era":
            lex.eras[cue] = r["value"]
    lex.cues = {k: frozenset(v) for k, v in cues.items()}


def _number_re(lex: Lexicon) -> str:
    # digits (`1.956`, `12,5`, `6 (enam)`) or up to five number words (`dua puluh lima`)
    digit_words = [w for w, (_, k) in lex.numbers.items() if k in ("digit", "fraction")]
    all_words = [w for w, (_, k) in lex.numbers.items() if k != "prefix"]
    words = rf"(?:{_alt(digit_words)})(?:\s(?:{_alt(all_words)})){{0,4}}"
    digits = r"(?:\d{1,3}(?:\.\d{3}){1,4}|\d{1,6}(?:,\d{1,2})?)(?:\s{0,2}\([a-z ]{2,30}\))?"
    return rf"{digits}|{words}"


def _hour_words(lex: Lexicon) -> str:
    """Number words for the hours 1-12 (`satu` … `sebelas`, `dua belas`)."""
    digits = [(w, v) for w, (v, k) in lex.numbers.items() if k == "digit" and 1 <= v <= 12]
    teens = [w for w, (_, k) in lex.numbers.items() if k == "teen"]
    words = [w for w, _ in digits] + [f"{w} {t}" for w, v in digits for t in teens if v + 10 <= 12]
    return _alt(words) or "(?!)"


def _compile(lex: Lexicon) -> None:
    mon_all = _alt(lex.months)
    mon_full = _alt(lex.full_months)
    wd = _alt(lex.weekdays)
    unit = _alt(lex.units)
    num = _number_re(lex)
    daypart = _alt(lex.dayparts)
    and_ = _alt(lex.cues["and"])
    conn = rf"(?:-|–|—|s\.?d\.?|s/d|{_alt(lex.cues['range'])})"
    p = lex.patterns
    f = re.IGNORECASE
    # 12/9/2023, 19/06/2024, 18-6-2025, 2025-06-18 (boundaries are checked in code, so the pattern starts
    # with a digit and the regex engine can skip to digits quickly)
    p["numdate"] = re.compile(r"(\d{1,4})([/.\-])(\d{1,2})\2(\d{2,4})")
    # (12/9) and (12/9/2023) inside parentheses: a year-less numeric date only ever appears in them
    p["pardate"] = re.compile(r"\(\s{0,2}(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\s{0,2}\)")
    # 13 September 2023, 18 Jun 2025, 13 September, 10 hingga 13 September, 10-13 September 2023
    p["txtdate"] = re.compile(
        rf"(\d{{1,2}})(?=\s{{0,3}}[-–—a-z])(?:\s{{0,3}}{conn}\s{{0,3}}(\d{{1,2}}))?\s{{0,3}}({mon_all})\.?(?!\w)"
        rf"(?:\s{{0,2}},?\s{{0,2}}(\d{{4}})(?!\d))?", f)
    # Juni 2025, Jan 2024
    p["monyear"] = re.compile(rf"({mon_all})\.?\s{{1,3}}(\d{{4}})(?!\d)", f)
    # a month name standing alone, with the cue before it or the modifier after it read in code
    p["month"] = re.compile(rf"({mon_full})(?!\w)", f)
    p["month_cue_before"] = re.compile(
        rf"(?:{_alt(lex.cues['month_before'])})\s{{1,3}}(?:bulan\s{{1,3}})?$", f)
    # tahun 2019 and bare four-digit years; ranges 2004-2010, 2006–2008, 2004 hingga 2010
    p["year"] = re.compile(r"(\d{4})(?:\s{0,2}" + conn + r"\s{0,2}(\d{4}))?")
    p["tahun_before"] = re.compile(r"(?:tahun|thn\.?)\s{1,3}$", f)
    # clock times: pukul 14.45 WIB, pukul 23.55.05 WIB, 16:30 WIB, pukul 7 malam
    p["time"] = re.compile(
        rf"(?:pukul|pkl\.?|jam)\s{{1,3}}(\d{{1,2}})(?:[.:](\d{{2}}))?(?:[.:](\d{{2}}))?(?!\d)"
        rf"(?:\s{{0,2}}(WIB|WITA|WIT)(?!\w))?(?:\s{{0,3}}({daypart})(?!\w))?"
        r"(?:\s{1,2}(?:WIB|WITA|WIT)(?!\w))?", f)
    # `jam delapan malam`, `pukul tujuh pagi`: an hour in words needs its part of the day
    p["time_words"] = re.compile(rf"(?:pukul|jam)\s{{1,3}}({_hour_words(lex)})\s{{1,3}}({daypart})(?!\w)", f)
    # `10.30 PM`, `8 p.m.`: a meridiem marker after the digits
    meridiem = _alt(lex.cues["meridiem"]) or "(?!)"
    p["ampm"] = re.compile(rf"(\d{{1,2}})(?:[.:](\d{{2}}))?\s{{0,2}}({meridiem})(?!\w)", f)
    p["ztime"] = re.compile(r"(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?\s{0,2}(WIB|WITA|WIT)(?!\w)")
    # weekdays, and what may follow one: a daypart, a date in parentheses or plain, a modifier
    p["weekday"] = re.compile(rf"(?:hari\s{{1,3}})?({wd})(?!\w)", f)
    p["wd_daypart"] = re.compile(rf"\s{{0,2}},?\s{{0,2}}({daypart})(?!\w)", f)
    p["wd_gap"] = re.compile(r"\s{0,2},?\s{0,2}(\(\s{0,2})?")
    p["close_paren"] = re.compile(r"\s{0,2}\)")
    p["daypart_after"] = re.compile(rf"\s{{1,2}}({daypart})(?!\w)", f)
    # durations and `N unit lalu`: 18 bulan, 12,5 tahun, 12 tahun dan 6 (enam) bulan, dua hari
    p["duration"] = re.compile(rf"({num})\s{{1,3}}({unit})(?!\w)", f)
    p["duration_digits"] = re.compile(r"\d(?=[\d.,]{0,20}\s{0,3}[a-z(])", f)  # a cheap first test
    # `3x24 jam`, `2 x 24 jam`: a product of two numbers, as police deadlines are written
    p["times"] = re.compile(rf"(\d{{1,3}})\s{{0,1}}[x×]\s{{0,1}}(\d{{1,3}})\s{{1,3}}({unit})(?!\w)", f)
    p["duration_more"] = re.compile(rf"\s{{1,3}}(?:(?:{and_})\s{{1,3}})?({num})\s{{1,3}}({unit})(?!\w)", f)
    p["se_unit"] = re.compile(rf"se({unit})(?!\w)", f)
    p["number"] = re.compile(rf"(?:{num})$", f)
    _compile_context(lex, conn)
    _compile_short_years(lex)
    _compile_holidays(lex)


def _compile_holidays(lex: Lexicon) -> None:
    """Holiday names, the year after one (`2025`, `1446 H/2025 M`, `2025/2026`) and Hijri years alone."""
    p, f = lex.patterns, re.IGNORECASE
    era = _alt(lex.eras) or "(?!)"
    p["holiday"] = re.compile(rf"(?:{_alt(lex.holidays) or '(?!)'})(?!\w)", f)
    p["holiday_year"] = re.compile(
        rf"\s{{1,3}}(?:tahun\s{{1,3}})?(\d{{4}})(?!\d)(?:\s{{0,2}}({era})(?!\w)\.?)?"
        rf"(?:\s{{0,2}}/\s{{0,2}}(\d{{4}})(?!\d)(?:\s{{0,2}}({era})(?!\w)\.?)?)?", f)
    lead, ordinal = _alt(lex.cues["ordinal_lead"]), _alt(lex.cues["ordinal"])
    p["anniversary"] = re.compile(
        rf"\s{{1,3}}(?:(?:{lead})\s{{1,3}})?(?:{ordinal})\s{{0,1}}-\s{{0,1}}(\d{{1,3}})(?!\d)", f)
    p["holiday_and"] = re.compile(rf"\s{{1,3}}(?:{_alt(lex.cues['holiday_and'])}|&)\s{{1,3}}", f)
    p["hijri_year"] = re.compile(rf"(\d{{4}})\s{{0,2}}({era})(?!\w)", f)
    p["frequency_before"] = re.compile(rf"(?<!\w)(?:{_alt(lex.cues['frequency']) or '(?!)'})\s{{1,3}}$", f)
    p["period_before"] = re.compile(rf"(?<!\w)(?:{_alt(lex.cues['period']) or '(?!)'})\s{{1,3}}$", f)
    p["point_before"] = re.compile(rf"(?<!\w)(?:{_alt(lex.cues['point']) or '(?!)'})\s{{1,3}}$", f)


def _compile_short_years(lex: Lexicon) -> None:
    """Two-digit years: `tragedi '98`, `th. 98`, `thn 05` (the century comes from the anchor)."""
    p = lex.patterns
    p["yy_mark"] = re.compile(r"['’‘](\d{2})(?![\w'’%])(?!\s?-\s?an(?!\w))")  # not the decade `'90-an`
    p["closing_mark"] = re.compile(r"[^'’\n.!?]{0,40}\w['’](?!\w)")  # a quote closing within the phrase
    p["yy_abbrev"] = re.compile(r"(?:th|thn)\.?\s{0,2}(\d{2})(?![\w'’%,.]\w|[\w'’%])", re.IGNORECASE)


def _compile_context(lex: Lexicon, conn: str) -> None:
    """Sentence boundaries and the context tests read around a candidate (date_cues.tsv)."""
    p = lex.patterns
    f = re.IGNORECASE
    # sentence boundaries: end punctuation + space + a capital, a digit or a quote; or a line break
    p["sentence"] = re.compile(r"[.!?]+[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n")
    # context tests, applied to a short window of text before or after a candidate
    p["plan"] = re.compile(rf"(?<!\w)(?:{_alt(lex.cues['plan'])})(?!\w)", f)
    p["report"] = re.compile(rf"(?<!\w)(?:{_alt(lex.cues['report'])})(?!\w)", f)
    p["age"] = re.compile(
        rf"(?<!\w)(?:{_alt(lex.cues['age'])})\s{{1,3}}(?:sekitar\s{{1,3}}|kira-kira\s{{1,3}})?$", f)
    p["year_after"] = re.compile(r"\s{1,3}\d{4}(?!\d)")
    p["penalty_after"] = re.compile(rf"\s{{1,3}}(?:{_alt(lex.cues['penalty'])})(?!\w)", f)
    p["legal_before"] = re.compile(
        rf"(?<!\w)(?:{_alt(lex.cues['legal'])})\s{{0,3}}(?:nomor\s{{0,3}}|no\.?\s{{0,3}})?"
        rf"(?:[\w./-]{{1,20}}\s{{1,3}})?(?:tahun\s{{1,3}})?$", f)
    p["currency_before"] = re.compile(rf"(?:{_alt(lex.cues['currency'])})\s{{0,2}}$", f)
    p["count_after"] = re.compile(rf"\s{{0,2}}(?:{_alt(lex.cues['count'])})(?!\w)", f)
    p["name_comma"] = re.compile(r"[A-Z][\w.'-]{1,30}\s{0,2}[,(]\s{0,2}$")
    p["range_conn"] = re.compile(rf"\s{{0,3}}(?:{conn}|{_alt(lex.cues['and'])})\s{{0,3}}$", f)
    p["range_conn_strict"] = re.compile(rf"\s{{0,3}}{conn}\s{{0,3}}$", f)


def _relative(lex: Lexicon) -> None:
    rows = table('relative_time.tsv', lex.folders)
    slot_re = {
        "{weekday}": rf"(?P<weekday>{_alt(lex.weekdays)})",
        "{month}": rf"(?P<month>{_alt(lex.full_months)})",
        "{n}": rf"(?P<n>{_number_re(lex)})",
        "{unit}": rf"(?P<unit>{_alt(lex.units)})",
        "{holiday}": rf"(?P<holiday>{_alt(lex.holidays) or '(?!)'})",
    }
    templated: dict[tuple, list[str]] = {}
    for r in rows:
        phrase = " ".join(r["phrase"].lower().split())
        off = r["offset"]
        if off in ("-n", "+n", "n"):
            offset, sign = None, -1 if off.startswith("-") else 1
        else:
            try:
                offset, sign = int(off), 1
            except ValueError:
                raise DataTableError(
                    f"{r['_where']}: offset must be an integer or -n/+n, not '{off}'") from None
        slots = tuple(s for s in ("weekday", "month", "n", "unit", "holiday") if "{" + s + "}" in phrase)
        if (offset is None) != ("n" in slots):
            raise DataTableError(f"{r['_where']}: an offset of -n/+n needs a {{n}} in the phrase, and back")
        rule = RelativeRule(offset, sign, r["granularity"], r["base"], slots, r["_where"])
        if not slots:
            lex.fixed[phrase] = rule
            continue
        rx = []
        for word in phrase.split(" "):
            rx.append(slot_re.get(word, re.escape(word)))
        # one compiled pattern per template, anchored where the tagger tries it
        lex.templated.append((re.compile(r"\s{1,3}".join(rx) + r"(?!\w)", re.IGNORECASE), rule))
        templated.setdefault(slots, []).append(phrase)
    lex.patterns["fixed"] = re.compile(rf"(?:{_alt(lex.fixed)})(?!\w)", re.IGNORECASE)
    _triggers(lex)


def _first_token(phrase: str) -> str:
    m = re.match(r"[^\W\d_]+", phrase.lower())
    return m.group() if m else ""


def _triggers(lex: Lexicon) -> None:
    """Which handlers to try where a word starts (digit runs have their own, fixed list in the tagger)."""
    trig: dict[str, list[str]] = {}

    def put(word: str, name: str) -> None:
        w = _first_token(word)
        if w and name not in trig.setdefault(w, []):
            trig[w].append(name)

    for w in lex.months:
        put(w, "monyear")
    for w in lex.full_months:
        put(w, "month")
    for w in lex.weekdays:
        put(w, "weekday")
    put("hari", "weekday")
    for w in ("pukul", "pkl", "jam"):
        put(w, "time")
    for phrase in lex.fixed:
        put(phrase, "fixed")
    for w, (_, kind) in lex.numbers.items():
        if kind in ("digit", "fraction"):
            put(w, "duration")
    for u in lex.units:
        put("se" + u, "se_unit")
    for w in lex.holidays:
        put(w, "holiday")
    for w in ("th", "thn"):
        put(w, "yy_abbrev")
    lex.triggers = {k: tuple(v) for k, v in trig.items()}
    lex.trigger_set = frozenset(lex.triggers)
