"""Outlet, title, dateline, byline, wire credits and publication date, read from an article's own text.

Everything is read from the text (header lines, the body's dateline, house style), from an export's columns or a
saved page's metadata; never from the file's name or modification time. Where the evidence is missing or two
outlets tie, the outlet is `unknown` and the date `None`: each decision carries an `Evidence(value, source, text)`.
The outlet signatures live in `data/outlets.toml`.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from .errors import DataTableError
from .records import Evidence, Removed
from .tables import load_toml

UNKNOWN = "unknown"

_TIME = r"(?P<hh>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?:[:.][0-5]\d)?"
_TIME_ONLY = re.compile(r"^\s*" + _TIME + r"\b")
_TIME_ANY = re.compile(r"(?<!\d)" + _TIME + r"(?!\d)")


@dataclass(frozen=True)
class _Calendar:
    months: dict[str, int]  # every spelling -> 1..12 (data/months.tsv, shared with the date tagger)
    weekdays: dict[str, int]  # every spelling -> Python weekday() number (data/weekdays.tsv)
    header_dates: tuple[re.Pattern, ...]  # a date as a header line or an export column writes it
    body_dates: tuple[re.Pattern, ...]  # a date the body's dateline gives


@functools.cache
def _calendar() -> _Calendar:
    from .dates.lexicon import Lexicon

    lex = Lexicon.load()
    months = dict(lex.months)
    weekdays = {w.replace("\u2019", "'"): n - 1 for w, n in lex.weekdays.items()}
    month_re = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    weekday_re = "|".join(re.escape(w) for w in sorted(weekdays, key=len, reverse=True)).replace("'", "['\u2019]?")
    header = (
        re.compile(r"(?P<y>(?:19|20)\d\d)[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})(?:[T ]{1,2}" + _TIME + ")?"),
        re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)(?:[\s,]{1,3}(?:pukul\s)?" + _TIME + ")?"),
        re.compile(r"(?P<d>\d{1,2})\s{1,3}(?P<mon>" + month_re + r")\.?,?\s{1,3}(?P<y>(?:19|20)\d\d)"
                   r"(?:[\s,|\-\u2013\u2014]{1,5}(?:pukul\s)?" + _TIME + ")?", re.IGNORECASE),
        re.compile(r"(?P<mon>" + month_re + r")\.?\s{1,3}(?P<d>\d{1,2}),?\s{1,3}(?P<y>(?:19|20)\d\d)"
                   r"(?:[\s,|\-\u2013\u2014]{1,5}" + _TIME + ")?", re.IGNORECASE),
    )
    body = (
        re.compile(r"\b(?P<wd>" + weekday_re + r")\s{0,3}\(\s?(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?\s?\)",
                   re.IGNORECASE),
        re.compile(r"\b(?:(?P<wd>" + weekday_re + r"),?\s{1,3})?(?P<d>\d{1,2})\s{1,3}(?P<mon>" + month_re
                   + r")\s{1,3}(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE),
    )
    return _Calendar(months, weekdays, header, body)


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_OPENING_CHARS = 1500  # "the opening paragraphs": the first three, at most this long

# A title's trailing site name (`... | tempo.co`), as score.py and the outlets print it.
_SITE_SUFFIX = re.compile(r"\s{1,3}[|\-\u2013\u2014]\s{0,3}[\w.]{0,30}\.(?:com?|id|net|co\.id)\s*$", re.IGNORECASE)

# Datelines: where the story was filed and which site filed it.
_PW = r"(?:[A-Z][a-z'\u2019]+|[A-Z][A-Z'\u2019]+)"  # a place word: `Jakarta`, `JAKARTA` (stops at `JakartaMenteri`)
_PLACE = r"(?P<place>" + _PW + r"(?:[ ]" + _PW + r"){0,3})"
_SITE = r"(?P<site>[A-Za-z0-9][A-Za-z0-9\-]{1,30}(?:\.[A-Za-z]{2,3}){1,2})"
_DASH = r"[\-\u2013\u2014]{1,2}"
_DATELINES = [
    re.compile(_PLACE + r"\s{0,3},\s{0,3}" + _SITE + r"\s{0,3}" + _DASH),            # JAKARTA, KOMPAS.com -
    re.compile(_SITE + r"\s{0,3},\s{0,3}" + _PLACE + r"(?:\s{0,3}" + _DASH + r")?"),  # TEMPO.CO, Jakarta -
    re.compile(_SITE + r"\s{0,3}" + _DASH + r"\s{0,3}" + _PLACE + r"\."),             # KONTAN.CO.ID - MOSKOW.
    re.compile(_PLACE + r"\s{0,3}\|\s{0,3}" + _SITE + r"\s{0,3}" + _DASH),            # Moskow | EGINDO.co -
    re.compile(_PLACE + r"\s{0,3}\(\s?(?P<site>ANTARA|Antara)\s?\)\s{0,3}" + _DASH),  # Jakarta (ANTARA) -
    re.compile(_SITE + r"\s{0,3}" + _DASH),                                           # Cekricek.id -
    # from here on, a place without a site name
    re.compile(r"(?P<place>[A-Z][A-Z'\u2019]+(?:[ ][A-Z][A-Z'\u2019]+){0,3})\s{0,3}" + _DASH),  # JAKARTA -
    re.compile(r"(?P<place>[A-Z][a-z'\u2019]+(?:[ ][A-Z][a-z'\u2019]+){0,2})[ \t]{0,3}\n\s{0,3}" + _DASH),  # Jakarta\n-
]
_DATELINE_HEAD = 240
_PLACE_ONLY = 6  # index of the first dateline shape without a site name
_DATELINE_PARAS = 2

_BYLINE_FIELDS = re.compile(r"(?P<k>Reporter|Penulis|Wartawan|Editor|Penyunting|Redaktur)\s?:\s?(?P<v>[^|\n]+)",
                            re.IGNORECASE)
_BYLINE_DASH = re.compile(r"^(?P<who>[^\n]{1,80}?)\s?-\s?(?P<desk>detik[A-Za-z]{0,15})\s*$")
_TEAM = re.compile(r"\s+Tim Redaksi\s*$")
_LOGO = re.compile(r"^Logo\s+(?P<name>\S.{0,60})$")
_CREDIT_LEAD = re.compile(r"^(?:Seperti\s|Sebagaimana\s)?(?:Dilansir|Melansir|Mengutip|Dikutip)(?:\s+dari)?\s+"
                          r"(?P<src>[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,3})\s?,")
_CREDIT_PAREN = re.compile(r"\((?P<src>[A-Z][A-Za-z]{1,20}(?:/[A-Za-z]{1,10})?)\)\s*$")
_FOOTER = re.compile(r"tayang di\s+(?P<src>\S+(?:\s[A-Z]\S*)?)\s+dengan judul", re.IGNORECASE)
_HOUSE_WINDOW = 20000  # house style is searched in the first and last this many characters of a huge text


@dataclass(frozen=True, slots=True)
class Outlet:
    key: str
    name: str
    domains: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    dateline: tuple[re.Pattern[str], ...] = ()
    byline: tuple[re.Pattern[str], ...] = ()
    header: tuple[re.Pattern[str], ...] = ()
    house: tuple[re.Pattern[str], ...] = ()
    title: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True, slots=True)
class Registry:
    outlets: tuple[Outlet, ...]
    wires: tuple[str, ...]

    def by_name(self, text: str | None) -> Outlet | None:
        """The outlet a source cell, a logo or a site name names (`Sindonews`, `news.detik.com`, `KOMPAS.com`)."""
        t = (text or "").strip().casefold()
        if not t:
            return None
        for o in self.outlets:
            if t in o.sources or t == o.name.casefold() or t == o.key:
                return o
        return self.by_url(t if "/" in t else "//" + t)

    def by_url(self, url: str | None) -> Outlet | None:
        host = urlsplit(url or "").hostname or ""
        host = host.casefold().removeprefix("www.")
        if not host:
            return None
        for o in self.outlets:
            for d in o.domains:
                if host == d or host.endswith("." + d):
                    return o
        return None

    def wire(self, text: str) -> str | None:
        """The credit as the article writes it, when it names a wire or medium of the `wires` list."""
        t = text.strip()
        return t if t.casefold() in {w.casefold() for w in self.wires} else None


def _compile(entry: Mapping[str, Any], kind: str, where: str, flags: int = 0) -> tuple[re.Pattern[str], ...]:
    out = []
    for pat in entry.get(kind, ()) or ():
        try:
            out.append(re.compile(pat, flags))
        except re.error as exc:
            raise DataTableError(f"outlets.toml: outlet '{where}': bad {kind} expression {pat!r}: {exc}") from exc
    return tuple(out)


_ALLOWED = {"key", "name", "domains", "sources", "dateline", "byline", "header", "house", "title"}


@functools.cache
def load_registry(extra_dir: str | None = None) -> Registry:
    """Outlets and wire names from `data/outlets.toml` (plus a user's file); a later entry with a known key wins."""
    data = load_toml("outlets.toml", extra_dir)
    by_key: dict[str, Outlet] = {}
    for i, entry in enumerate(data.get("outlet", []), 1):
        if not isinstance(entry, dict) or not entry.get("key") or not entry.get("name"):
            raise DataTableError(f"outlets.toml: outlet #{i} needs a key and a name")
        unknown = set(entry) - _ALLOWED
        if unknown:
            raise DataTableError(f"outlets.toml: outlet '{entry['key']}': unknown field(s) {sorted(unknown)} "
                                 f"(allowed: {', '.join(sorted(_ALLOWED))})")
        key = str(entry["key"])
        by_key[key] = Outlet(
            key=key, name=str(entry["name"]),
            domains=tuple(d.casefold() for d in entry.get("domains", ())),
            sources=tuple(s.casefold() for s in entry.get("sources", ())),
            dateline=_compile(entry, "dateline", key, re.IGNORECASE),
            byline=_compile(entry, "byline", key),
            header=_compile(entry, "header", key),
            house=_compile(entry, "house", key, re.MULTILINE),
            title=_compile(entry, "title", key, re.IGNORECASE),
        )
    return Registry(tuple(by_key.values()), tuple(data.get("wires", ())))


# ---------------------------------------------------------------- dates

def _month(g: dict[str, str | None]) -> int | None:
    """The month of a match: a name (`Juni`, `Jun.`) or a number."""
    if g.get("mon"):
        return _calendar().months.get((g["mon"] or "").casefold())  # None for a Unicode case-fold oddity the regex let in
    return int(g["m"] or 0)


def _valid(y: int, m: int | None, d: int) -> str | None:
    if m is None:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_header_date(text: str | None) -> tuple[str | None, str | None, str]:
    """(ISO date, HH:MM or None, the words it was read from) for a header line or a date cell, else (None, None, "").

    Reads `Kamis, 19 Jun 2025 08:22 WIB`, `Kompas.com- 18/06/2025, 22:01 WIB`, `Diperbarui 18 Jun 2025, 16:36 WIB`,
    `Tayang: Senin, 9 Juni 2025 22:43 WIB`, `Rabu, 18 Juni 2025 | 16:30 WIB`, `18 Juni 2025 | 20.37 WIB`,
    `10 Jun 2025 21:23`, `2025/07/02 10:51:26`, `2025-06-18T08:00:00+07:00`.
    """
    if not text:
        return None, None, ""
    for rx in _calendar().header_dates:
        for m in rx.finditer(text):
            g = m.groupdict()
            iso = _valid(int(g["y"]), _month(g), int(g["d"]))
            if iso:
                hhmm = f"{int(g['hh']):02d}:{g['mi']}" if g.get("hh") else None
                return iso, hhmm, m.group(0).strip()
    return None, None, ""


def parse_time(text: str | None) -> str | None:
    """`21:23` or `20.37 WIB` in an export's time column, as HH:MM."""
    m = _TIME_ONLY.match(text or "")
    return f"{int(m['hh']):02d}:{m['mi']}" if m else None


def body_date(body: str) -> Evidence:
    """The first explicit full date in the body's opening paragraphs (`pada hari Selasa (12/9/2023)`), as
    Evidence(iso, "body", words); a date without its year (`Rabu (2/7)`) counts only when its weekday fits exactly
    one year the article names. Evidence(None, "none") when there is none."""
    paras = [p for p in body.split("\n") if p.strip()][:3]
    opening = "\n".join(paras)[:_OPENING_CHARS]
    years = None
    found: list[tuple[int, re.Match[str]]] = []
    for rx in _calendar().body_dates:
        found.extend((m.start(), m) for m in rx.finditer(opening))
    for _, m in sorted(found, key=lambda t: t[0]):
        g = m.groupdict()
        month = _month(g)
        day = int(g["d"])
        if month is None:
            continue
        if g.get("y"):
            y = int(g["y"])
            iso = _valid(y + 2000 if y < 100 else y, month, day)
            if iso:
                return Evidence(iso, "body", m.group(0))
            continue
        if years is None:
            years = sorted({int(y) for y in _YEAR.findall(body[:200000])})
        wd = _calendar().weekdays.get(g["wd"].casefold().replace("\u2019", "'"))
        fits = [y for y in years if _valid(y, month, day) and date(y, month, day).weekday() == wd]
        if wd is None:
            fits = []
        if len(fits) == 1:
            return Evidence(date(fits[0], month, day).isoformat(), "body", m.group(0))
    return Evidence(None, "none")


def is_date_line(line: str) -> bool:
    """A header line that is a date and little else (`Tayang: Senin, 9 Juni 2025 22:43 WIB`)."""
    iso, _, words = parse_header_date(line)
    return bool(iso) and len(line.strip()) - len(words) <= 32


# ---------------------------------------------------------------- title, byline, dateline, credits

def clean_title(title: str | None) -> tuple[str | None, str]:
    """(title without a trailing ` | tempo.co`, the suffix taken off)."""
    if not title or not title.strip():
        return None, ""
    t = title.strip()
    m = _SITE_SUFFIX.search(t)
    if m and m.start() > 0:
        return t[:m.start()].rstrip(), m.group(0).strip()
    return t, ""


def _names(text: str) -> list[str]:
    text = _TEAM.sub("", text.strip())
    parts = re.split(r"\s?,\s?|\s+dan\s+|\s?&\s?", text)
    return [p.strip(" -") for p in parts if p.strip(" -")]


@dataclass
class Byline:
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)


def parse_byline(line: str, reg: Registry | None = None) -> Byline:
    """Authors, editors and wire credits of a byline: `Reporter: X | Editor: Y`, `Penulis: X`,
    `Heri Purnomo -detikFinance` (author), `Antara -detikNews` (a wire credit), `A, B Tim Redaksi`."""
    reg = reg or load_registry()
    out = Byline()
    s = line.strip()
    fields = list(_BYLINE_FIELDS.finditer(s))
    if fields:
        for m in fields:
            who = _names(m["v"])
            (out.editors if m["k"].casefold() in ("editor", "penyunting", "redaktur") else out.authors).extend(who)
        return out
    m = _BYLINE_DASH.match(s)
    if m:
        s = m["who"]
    for name in _names(s):
        w = reg.wire(name)
        (out.credits if w else out.authors).append(w or name)
    return out


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None
    site: str | None
    text: str
    end: int  # offset in the body just after the dateline


def _place(p: str | None) -> str | None:
    if not p:
        return None
    return " ".join(w if not w.isupper() else w.capitalize() for w in p.split())


def _openings(body: str, n: int = _DATELINE_PARAS) -> list[tuple[int, str]]:
    """(offset, head) of the first `n` paragraphs: a dateline may follow a one-line summary (seed 001)."""
    out = []
    pos = 0
    for para in body.split("\n"):
        if para.strip():
            lead = len(para) - len(para.lstrip())
            out.append((pos + lead, body[pos + lead:pos + lead + _DATELINE_HEAD]))
            if len(out) == n:
                break
        pos += len(para) + 1
    return out


def find_dateline(body: str, reg: Registry | None = None) -> Dateline | None:
    """The dateline the body opens with (`JAKARTA, KOMPAS.com -` -> place Jakarta, site KOMPAS.com), at the start
    of one of the first two paragraphs. An outlet's name in capitals (`POSMETRO MEDAN-`, Tempo's `INFO NASIONAL -`)
    is not read as a place."""
    reg = reg or load_registry()
    for start, head in _openings(body):
        outlet_first = any(rx.match(head) for o in reg.outlets for rx in o.dateline)
        for i, rx in enumerate(_DATELINES):
            if outlet_first and i >= _PLACE_ONLY:
                break
            m = rx.match(head)
            if m:
                g = m.groupdict()
                return Dateline(_place(g.get("place")), g.get("site"), m.group(0), start + m.end())
    return None


def find_credits(body_lines: Sequence[str], removed: Sequence[Removed], reg: Registry) -> list[str]:
    """Wire and media credits for the whole article: `REUTERS | CNN`, `Sumber : CNA/SL`, a paragraph opening
    `Dilansir The Guardian,`, `(Antara)` closing a paragraph, a syndication footer."""
    out: list[str] = []
    for r in removed:
        t = r.text.strip()
        if r.reason == "wire-credit":
            out.extend(p.strip() for p in t.split("|") if p.strip())
        elif r.reason == "source-credit":
            src = t.split(":", 1)[1].strip() if ":" in t else ""
            if src:
                out.append(src.split("/")[0].strip())
        elif r.reason == "syndication-footer":
            m = _FOOTER.search(t)
            if m:
                out.append(m["src"].rstrip(".,"))
    for line in body_lines:
        m = _CREDIT_LEAD.match(line.strip())
        if m:
            out.append(m["src"])
        m = _CREDIT_PAREN.search(line)
        if m and reg.wire(m["src"].split("/")[0]):
            out.append(reg.wire(m["src"].split("/")[0]) or m["src"])
    seen: dict[str, None] = {}
    for c in out:
        seen.setdefault(c, None)
    return list(seen)


# ---------------------------------------------------------------- outlet

@dataclass(frozen=True, slots=True)
class _Clue:
    weight: int
    key: str
    source: str
    text: str


def _search_all(patterns: Iterable[re.Pattern[str]], texts: Iterable[str]) -> str | None:
    for rx in patterns:
        for t in texts:
            m = rx.search(t)
            if m:
                return m.group(0)
    return None


def detect_outlet(*, reg: Registry, header_lines: Sequence[str] = (), bylines: Sequence[str] = (),
                  title: str | None = None, title_suffix: str = "", body: str = "", raw_text: str = "",
                  url: str | None = None, source: str | None = None, source_column: str = "source",
                  ) -> tuple[str, Evidence]:
    """(outlet name or "unknown", evidence). Clues count by kind: URL or source column 100, dateline 50, byline
    and logo 40, header shape and title 30, each house-style marker 10. The outlet with the highest total wins;
    a tie at the top, or no clue, is `unknown`."""
    clues: list[_Clue] = []
    o = reg.by_url(url) if url else None
    if o:
        clues.append(_Clue(100, o.key, "url", url or ""))
    o = reg.by_name(source) if source else None
    if o:
        clues.append(_Clue(100, o.key, f"column:{source_column}", source or ""))
    heads = [h for _, h in _openings(body)]
    dl = find_dateline(body, reg)
    for o in reg.outlets:
        m = next((m for rx in o.dateline for h in heads if (m := rx.match(h))), None)
        if m:
            clues.append(_Clue(50, o.key, "dateline", m.group(0)))
    if dl and dl.site and not any(c.source == "dateline" for c in clues):
        o = reg.by_name(dl.site)
        if o:
            clues.append(_Clue(50, o.key, "dateline", dl.text))
    for line in header_lines:
        m = _LOGO.match(line.strip())
        if m:
            o = reg.by_name(m["name"])
            if o:
                clues.append(_Clue(40, o.key, "logo", line.strip()))
    head_lines = [h.strip() for h in header_lines if h.strip()]
    for o in reg.outlets:
        hit = _search_all(o.byline, bylines)
        if hit:
            clues.append(_Clue(40, o.key, "byline", hit))
        hit = _search_all(o.header, head_lines)
        if hit:
            clues.append(_Clue(30, o.key, "header", hit))
        if title_suffix or title:
            hit = _search_all(o.title, [title_suffix or title or ""])
            if hit:
                clues.append(_Clue(30, o.key, "title", hit))
    if title_suffix and not any(c.source == "title" for c in clues):
        o = reg.by_name(title_suffix.strip(" |-\u2013\u2014"))
        if o:
            clues.append(_Clue(30, o.key, "title", title_suffix))
    text = raw_text or body
    window = [text] if len(text) <= 2 * _HOUSE_WINDOW else [text[:_HOUSE_WINDOW], text[-_HOUSE_WINDOW:]]
    for o in reg.outlets:
        for rx in o.house:
            hit = _search_all([rx], window)
            if hit:
                clues.append(_Clue(10, o.key, "house", hit))
    if not clues:
        return UNKNOWN, Evidence(None, "none")
    totals: dict[str, int] = {}
    for c in clues:
        totals[c.key] = totals.get(c.key, 0) + c.weight
    best = max(totals.values())
    top = sorted(k for k, v in totals.items() if v == best)
    names = {o.key: o.name for o in reg.outlets}
    if len(top) > 1:
        why = "; ".join(f"{names[c.key]}: {c.text}" for c in clues if c.key in top)
        return UNKNOWN, Evidence(None, "tie", why)
    others = {c.text for c in clues if c.key != top[0]}
    win = max((c for c in clues if c.key == top[0]), key=lambda c: (c.weight, c.text not in others))
    return names[top[0]], Evidence(names[top[0]], win.source, win.text)


# ---------------------------------------------------------------- all of it

@dataclass
class Meta:
    """What an export row or a saved page says about the article besides its text."""

    title: str | None = None
    url: str | None = None
    date: str | None = None
    time: str | None = None
    outlet: str | None = None
    author: str | None = None
    columns: dict[str, str] = field(default_factory=dict)  # role -> the column name it came from


@dataclass
class HeaderInfo:
    outlet: str
    outlet_evidence: Evidence
    title: str | None
    published: str | None
    published_evidence: Evidence
    published_time: str | None
    dateline: str | None
    dateline_end: int
    authors: tuple[str, ...]
    editors: tuple[str, ...]
    credits: tuple[str, ...]
    url: str | None


def analyze(header_lines: Sequence[str], body: str, removed: Sequence[Removed] = (), *,
            meta: Meta | None = None, extra_dir: str | None = None) -> HeaderInfo:
    """Reads outlet, title, date, dateline, authors and credits from the header lines (the lines before the first
    empty line), the clean body, the removed furniture and an export's columns. Never raises on odd text."""
    reg = load_registry(extra_dir)
    meta = meta or Meta()
    title_line = ""
    dates: list[str] = []
    bylines: list[str] = []
    for raw in header_lines:  # headline, then byline and date lines in any order; a logo is no headline
        line = raw.strip()
        if not line or _LOGO.match(line):
            continue
        if _BYLINE_FIELDS.search(line):
            bylines.append(line)
        elif is_date_line(line):
            dates.append(line)
        elif not title_line:
            title_line = line
        elif len(line) <= 120 and not line.endswith("."):
            bylines.append(line)  # names (`A, B Tim Redaksi`), `X -detikNews`
    for r in removed:
        if r.reason == "byline":
            bylines.append(r.text.strip())
        elif r.reason == "logo":
            header_lines = [*header_lines, r.text]
    if meta.author:
        bylines.append(meta.author)
    title, suffix = clean_title(meta.title or title_line or None)

    authors: list[str] = []
    editors: list[str] = []
    credits: list[str] = []
    for b in bylines:
        if b.strip().casefold().startswith(("penulis tidak", "author not")):
            continue  # scraper placeholders (`Penulis tidak ditemukan`)
        parsed = parse_byline(b, reg)
        authors += parsed.authors
        editors += parsed.editors
        credits += parsed.credits
    body_lines = body.split("\n")
    credits += find_credits(body_lines, removed, reg)

    raw_text = "\n".join([*header_lines, body, *(r.text for r in removed)])
    outlet, outlet_ev = detect_outlet(
        reg=reg, header_lines=[h for h in header_lines if h.strip() and h.strip() != title_line],
        bylines=bylines, title=title, title_suffix=suffix, body=body, raw_text=raw_text, url=meta.url,
        source=meta.outlet, source_column=meta.columns.get("outlet", "source"))

    published: str | None = None
    ptime: str | None = None
    pev = Evidence(None, "none")
    if meta.date:
        iso, hhmm, _ = parse_header_date(meta.date)
        if iso:
            published, ptime = iso, hhmm or parse_time(meta.time)
            pev = Evidence(iso, f"column:{meta.columns.get('date', 'date')}", meta.date.strip())
    if published is None:
        for line in dates:
            iso, hhmm, _ = parse_header_date(line)
            if iso:
                published, ptime, pev = iso, hhmm, Evidence(iso, "header", line)
                break
    if published is None:
        pev = body_date(body)
        published = pev.value
    dl = find_dateline(body, reg)
    return HeaderInfo(
        outlet=outlet, outlet_evidence=outlet_ev, title=title, published=published, published_evidence=pev,
        published_time=ptime, dateline=dl.place if dl else None, dateline_end=dl.end if dl else 0,
        authors=tuple(dict.fromkeys(authors)), editors=tuple(dict.fromkeys(editors)),
        credits=tuple(dict.fromkeys(credits)), url=meta.url)
