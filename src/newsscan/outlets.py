"""Outlet, title, dateline, byline, wire credits and publication date, read from an article's own text.

Everything is read from the text (header lines, the body's dateline, house style), from an export's columns or
a saved page's metadata; never from the file's name or modification time. Where the evidence is missing or two
outlets tie, the outlet is `unknown` and the date `None`: each decision carries an `Evidence(value, source,
text)`.

The outlet is weighed from every signal (`detect_outlet`): the URL or a source cell, a dateline shape or the
site a dateline names (`BANDUNG--XYZCOM:`, `Wamena (ANTARA News) -`), bylines and logos, header date shapes,
the title's site segment, the outlet naming itself as the one told or present (`kepada detikcom`, `Pantauan
detikcom`) and house style (editor codes, promos). A regional edition counts for its group and is kept as the
evidence's value (`detikJatim` -> detikcom). The signatures live in `data/outlets.toml`; titles are cleaned in
`titles.py`, dates read in `pubdate.py`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from . import titles
from .errors import DataTableError
from .pubdate import body_date, is_date_line, parse_header_date, parse_time, url_date
from .records import Evidence, Removed
from .tables import Folders, cache_per_folders, load_toml
from .titles import norm_name

UNKNOWN = "unknown"

# Datelines: where the story was filed and which site filed it.
# a place word: `Jakarta`, `JAKARTA` (stops at `JakartaMenteri`)
_PW = r"(?:[A-Z][a-z'\u2019]+|[A-Z][A-Z'\u2019]+)"
_PLACE = r"(?P<place>" + _PW + r"(?:[ ]" + _PW + r"){0,3})"
_SITE = r"(?P<site>[A-Za-z0-9][A-Za-z0-9\-]{1,30}(?:\.[A-Za-z]{2,3}){1,2})"
_DASH = r"[\-\u2013\u2014]{1,2}"
# a site's name: needs the registry
_NAME = r"(?P<site>[A-Za-z][A-Za-z0-9.]{1,24}(?: [A-Z][A-Za-z0-9.]{1,20}){0,2})"
# (shape, whether its site must be an outlet of the registry): the first shape that matches is the dateline
_DATELINES: list[tuple[re.Pattern[str], bool]] = [
    # JAKARTA, KOMPAS.com - (the dash may be lost by a scraper, `JAKARTA, KOMPAS.com  Polisi …`: the
    # site's domain still ends it)
    (re.compile(_PLACE + r"\s{0,3},\s{0,3}" + _SITE + r"(?:\s{0,3}" + _DASH + r"|(?=\s{1,3}[A-Z]))"), False),
    # TEMPO.CO, Jakarta -
    (re.compile(_SITE + r"\s{0,3},\s{0,3}" + _PLACE + r"(?:\s{0,3}" + _DASH + r")?"), False),
    # KONTAN.CO.ID - MOSKOW.
    (re.compile(_SITE + r"\s{0,3}" + _DASH + r"\s{0,3}" + _PLACE + r"\."), False),
    # Moskow | EGINDO.co -
    (re.compile(_PLACE + r"\s{0,3}\|\s{0,3}" + _SITE + r"\s{0,3}" + _DASH), False),
    # Jakarta (ANTARA) -
    (re.compile(_PLACE + r"\s{0,3}\(\s?" + _NAME + r"\s?\)\s{0,3}" + _DASH), True),
    # JAKARTA--XYZCOM:
    (re.compile(_PLACE + r"\s{0,3}-{1,2}\s{0,3}" + _NAME + r"\s{0,2}:"), True),
    # Jakarta, CNN Indonesia -
    (re.compile(_PLACE + r"\s{0,3},\s{0,3}" + _NAME + r"\s{0,3}" + _DASH), True),
    # KBR, Jakarta -
    (re.compile(_NAME + r"\s{0,3},\s{0,3}" + _PLACE + r"\s{0,3}" + _DASH), True),
    (re.compile(_SITE + r"\s{0,3}" + _DASH), False),                                           # Cekricek.id -
    # from here on, a place without a site name
    # JAKARTA -
    (re.compile(r"(?P<place>[A-Z][A-Z'\u2019]+(?:[ ][A-Z][A-Z'\u2019]+){0,3})\s{0,3}" + _DASH), False),
    (re.compile(r"(?P<place>[A-Z][a-z'\u2019]+(?:[ ][A-Z][a-z'\u2019]+){0,2})[ \t]{0,3}\n\s{0,3}" + _DASH),
     False),  # Jakarta\n-
]
_DATELINE_HEAD = 240
_PLACE_ONLY = 9  # index of the first dateline shape without a site name
_DATELINE_PARAS = 2

_BYLINE_DASH = re.compile(r"^(?P<who>[^\n]{1,80}?)\s?-\s?(?P<desk>detik[A-Za-z]{0,15})\s*$")
_LOGO = re.compile(r"^Logo\s+(?P<name>\S.{0,60})$")
_CREDIT_PAREN = re.compile(r"\((?P<src>[A-Z][A-Za-z]{1,20}(?:/[A-Za-z]{1,10})?)\)\s*$")
_HOUSE_WINDOW = 20000  # house style is searched in the first and last this many characters of a huge text


@dataclass(frozen=True, slots=True)
class Outlet:
    key: str
    name: str
    # a regional edition or desk: the key of the outlet it belongs to (detikJatim -> detik)
    group: str | None = None
    domains: tuple[str, ...] = ()  # `detik.com`, or a host with a path for an edition (`detik.com/jatim`)
    sources: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()  # how its own articles name it in running text (`kepada detikcom`)
    dateline: tuple[re.Pattern[str], ...] = ()
    byline: tuple[re.Pattern[str], ...] = ()
    header: tuple[re.Pattern[str], ...] = ()
    house: tuple[re.Pattern[str], ...] = ()
    title: tuple[re.Pattern[str], ...] = ()
    self_ref: re.Pattern[str] | None = None  # a self-reference cue before one of `mentions`


def _alt(words: Sequence[object]) -> str:
    return "|".join(re.escape(str(w)) for w in words) or "(?!)"


@dataclass(frozen=True, slots=True)
class CreditWords:
    """The byline and credit patterns, built from the word lists of outlets.toml (`byline_authors` …)."""

    byline_fields: re.Pattern[str]  # `Reporter: X`, `Editor: Y`
    editors: frozenset[str]  # case-folded field names that name an editor
    team: re.Pattern[str]  # `Tim Redaksi` closing a list of names
    name_split: re.Pattern[str]  # between two names of a byline: a comma, `dan`, `&`
    credit_lead: re.Pattern[str]  # `Dilansir dari X,` opening a paragraph
    footer: re.Pattern[str]  # `tayang di X dengan judul`

    @classmethod
    def from_table(cls, data: Mapping[str, Any]) -> CreditWords:
        def words(key: str) -> list[Any]:
            return list(data.get(key, ()))

        fields = _alt(words("byline_authors") + words("byline_editors"))
        leads = "".join(f"{re.escape(str(w))}\\s|" for w in words("credit_leads")).rstrip("|")
        return cls(
            re.compile(rf"(?P<k>{fields})\s?:\s?(?P<v>[^|\n]+)", re.IGNORECASE),
            frozenset(str(w).casefold() for w in words("byline_editors")),
            re.compile(rf"\s+(?:{_alt(words('byline_team'))})\s*$"),
            re.compile(rf"\s?,\s?|\s+(?:{_alt(words('byline_and'))})\s+|\s?&\s?"),
            re.compile(
                rf"^(?:{leads})?(?:{_alt(words('credit_verbs'))})(?:\s+(?:{_alt(words('credit_from'))}))?\s+"
                r"(?P<src>[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,3})\s?,"
            ),
            re.compile(rf"(?:{_alt(words('footer_before'))})\s+(?P<src>\S+(?:\s[A-Z]\S*)?)\s+"
                       rf"(?:{_alt(words('footer_after'))})", re.IGNORECASE),
        )


@dataclass(frozen=True, slots=True)
class Registry:
    outlets: tuple[Outlet, ...]
    wires: tuple[str, ...]
    # norm_name of a name, source, mention, domain -> key
    names: Mapping[str, str] = field(default_factory=dict)
    # norm_name of section names a title may carry beside the site name
    sections: frozenset[str] = frozenset()
    trailers: tuple[re.Pattern[str], ...] = ()  # page markers at the end of a headline (`Halaman all`)
    suffixes: frozenset[str] = frozenset()  # words a site name may carry after the outlet's name (`News`)
    credits: CreditWords = field(default_factory=lambda: CreditWords.from_table({}))

    def get(self, key: str) -> Outlet | None:
        return next((o for o in self.outlets if o.key == key), None)

    def group_of(self, o: Outlet) -> Outlet:
        """The outlet an edition belongs to (itself for an outlet of its own)."""
        return (self.get(o.group) if o.group else None) or o

    def by_name(self, text: str | None) -> Outlet | None:
        """The outlet a source cell, a logo or a site name names (`Sindonews`, `news.detik.com`, `KOMPAS.com`,
        `ANTARA News`, `MICOM`), whatever its case, spacing and punctuation."""
        t = (text or "").strip()
        if not t:
            return None
        key = self.names.get(norm_name(t))
        words = t.split()
        while key is None and len(words) > 1 and norm_name(words[-1]) in self.suffixes:
            words = words[:-1]  # `Okezone News` -> `Okezone`
            key = self.names.get(norm_name(" ".join(words)))
        if key:
            return self.get(key)
        return self.by_url(t if "/" in t else "//" + t.casefold()) if "." in t and " " not in t else None

    def by_url(self, url: str | None) -> Outlet | None:
        """The outlet of a URL; an edition's host-and-path (`detik.com/jatim`) wins over its group's host."""
        parts = urlsplit(url or "")
        host = (parts.hostname or "").casefold().removeprefix("www.")
        if not host:
            return None
        path = parts.path.casefold() + "/"
        best: tuple[int, Outlet] | None = None
        for o in self.outlets:
            for d in o.domains:
                dom, _, sub = d.partition("/")
                if not (host == dom or host.endswith("." + dom)) or (sub and not path.startswith(f"/{sub}/")):
                    continue
                if best is None or len(d) > best[0]:
                    best = (len(d), o)
        return best[1] if best else None

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
            raise DataTableError(
                f"outlets.toml: outlet '{where}': bad {kind} expression {pat!r}: {exc}"
            ) from exc
    return tuple(out)


_ALLOWED = {
    "key",
    "name",
    "group",
    "domains",
    "sources",
    "mentions",
    "dateline",
    "byline",
    "header",
    "house",
    "title",
}


def _self_ref(mentions: Sequence[str], cues: Sequence[str]) -> re.Pattern[str] | None:
    """`kepada detikcom`, `Pantauan detikcom`, `dikirim ke Okezone`: the outlet naming itself as the one that
    was told, asked or present. Names are matched as written (case matters: `Tempo` is not `tempo`)."""
    if not mentions or not cues:
        return None
    cue = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    names = "|".join(re.escape(m) for m in sorted(mentions, key=len, reverse=True))
    # not followed by another capitalised word: `dijual ke Tempo Scan` names a company, not the outlet
    return re.compile(r"(?<!\w)(?i:" + cue + r")\s{1,3}(?:" + names + r")(?!\w|\.\w|\s{1,3}[A-Z][a-z])")


def _entry(entry: Any, i: int, cues: Sequence[str]) -> Outlet:
    if not isinstance(entry, dict) or not entry.get("key") or not entry.get("name"):
        raise DataTableError(f"outlets.toml: outlet #{i} needs a key and a name")
    unknown = set(entry) - _ALLOWED
    if unknown:
        raise DataTableError(
            f"outlets.toml: outlet '{entry['key']}': unknown field(s) {sorted(unknown)} "
            f"(allowed: {', '.join(sorted(_ALLOWED))})"
        )
    key = str(entry["key"])
    mentions = tuple(str(m) for m in entry.get("mentions", ()))
    return Outlet(
        key=key,
        name=str(entry["name"]),
        group=entry.get("group"),
        domains=tuple(d.casefold() for d in entry.get("domains", ())),
        sources=tuple(s.casefold() for s in entry.get("sources", ())),
        mentions=mentions,
        dateline=_compile(entry, "dateline", key, re.IGNORECASE),
        byline=_compile(entry, "byline", key),
        header=_compile(entry, "header", key),
        house=_compile(entry, "house", key, re.MULTILINE),
        title=_compile(entry, "title", key, re.IGNORECASE),
        self_ref=_self_ref(mentions, cues),
    )


@cache_per_folders
def load_registry(folders: Folders | None = None) -> Registry:
    """Outlets and wire names from `data/outlets.toml` (plus a user's file); a later entry with a known key
    wins."""
    data = load_toml("outlets.toml", folders)
    cues = tuple(str(c) for c in data.get("self_reference", ()))
    by_key: dict[str, Outlet] = {}
    for i, entry in enumerate(data.get("outlet", []), 1):
        o = _entry(entry, i, cues)
        by_key[o.key] = o
    for o in by_key.values():
        if o.group and o.group not in by_key:
            raise DataTableError(f"outlets.toml: outlet '{o.key}': unknown group '{o.group}'")
    names: dict[str, str] = {}
    for o in by_key.values():  # the first outlet to claim a name keeps it
        for n in (o.name, o.key, *o.sources, *o.mentions, *(d for d in o.domains if "/" not in d)):
            names.setdefault(norm_name(n), o.key)
    sections = frozenset(norm_name(str(x)) for x in data.get("title_sections", ()))
    trailers = _compile(data, "title_trailers", "title_trailers")
    suffixes = frozenset(norm_name(str(x)) for x in data.get("name_suffixes", ()))
    return Registry(tuple(by_key.values()), tuple(data.get("wires", ())), names, sections, trailers, suffixes,
                    CreditWords.from_table(data))


# ---------------------------------------------------------------- title, byline, dateline, credits


def clean_title(
    title: str | None, reg: Registry | None = None, hint: str | None = None
) -> tuple[str | None, str]:
    """(the headline without a site or section name at either end, the site name taken off); see titles.py."""
    return titles.clean_title(title, reg or load_registry(), hint)


def _names(text: str, words: CreditWords) -> list[str]:
    text = words.team.sub("", text.strip())
    parts = words.name_split.split(text)
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
    words = reg.credits
    fields = list(words.byline_fields.finditer(s))
    if fields:
        for m in fields:
            who = _names(m["v"], words)
            (out.editors if m["k"].casefold() in words.editors else out.authors).extend(who)
        return out
    m = _BYLINE_DASH.match(s)
    if m:
        s = m["who"]
    for name in _names(s, words):
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
            out.append((pos + lead, body[pos + lead : pos + lead + _DATELINE_HEAD]))
            if len(out) == n:
                break
        pos += len(para) + 1
    return out


def find_dateline(body: str, reg: Registry | None = None) -> Dateline | None:
    """The dateline the body opens with (`JAKARTA, KOMPAS.com -` -> place Jakarta, site KOMPAS.com), at the
    start of one of the first two paragraphs. An outlet's name in capitals (`POSMETRO MEDAN-`, Tempo's `INFO
    NASIONAL -`) is not read as a place."""
    reg = reg or load_registry()
    for start, head in _openings(body):
        outlet_first = any(rx.match(head) for o in reg.outlets for rx in o.dateline)
        for i, (rx, known) in enumerate(_DATELINES):
            if outlet_first and i >= _PLACE_ONLY:
                break
            m = rx.match(head)
            if m and known and reg.by_name(m["site"]) is None:
                continue
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
            m = reg.credits.footer.search(t)
            if m:
                out.append(m["src"].rstrip(".,"))
    for line in body_lines:
        m = reg.credits.credit_lead.match(line.strip())
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


def _named_clues(reg: Registry, url: str | None, source: str | None, source_column: str) -> list[_Clue]:
    """What an export's columns or a page's metadata name: the URL's host, a source cell, a site name."""
    clues = []
    o = reg.by_url(url) if url else None
    if o:
        clues.append(_Clue(100, o.key, "url", url or ""))
    o = reg.by_name(source) if source else None
    if o:
        clues.append(_Clue(100, o.key, f"column:{source_column}", source or ""))
    return clues


def _dateline_clues(reg: Registry, body: str) -> list[_Clue]:
    """An outlet's own dateline shape at the start of an opening paragraph, else the site a dateline names."""
    heads = [h for _, h in _openings(body)]
    clues = []
    for o in reg.outlets:
        m = next((m for rx in o.dateline for h in heads if (m := rx.match(h))), None)
        if m:
            clues.append(_Clue(50, o.key, "dateline", m.group(0)))
    if not clues:
        dl = find_dateline(body, reg)
        o = reg.by_name(dl.site) if dl and dl.site else None
        if o and dl:
            clues.append(_Clue(50, o.key, "dateline", dl.text))
    return clues


def _header_clues(
    reg: Registry, header_lines: Sequence[str], bylines: Sequence[str], title: str | None, title_suffix: str
) -> list[_Clue]:
    """Logos, bylines (`-detikNews`), header date shapes peculiar to an outlet, the title's site name."""
    clues = []
    head_lines = [h.strip() for h in header_lines if h.strip()]
    for line in head_lines:
        m = _LOGO.match(line)
        o = reg.by_name(m["name"]) if m else None
        if o:
            clues.append(_Clue(40, o.key, "logo", line))
    for o in reg.outlets:
        hit = _search_all(o.byline, bylines)
        if hit:
            clues.append(_Clue(40, o.key, "byline", hit))
        hit = _search_all(o.header, head_lines)
        if hit:
            clues.append(_Clue(30, o.key, "header", hit))
        hit = _search_all(o.title, [title_suffix or title or ""]) if (title_suffix or title) else None
        if hit:
            clues.append(_Clue(30, o.key, "title", hit))
    if title_suffix and not any(c.source == "title" for c in clues):
        o = reg.by_name(title_suffix.strip(" |-:\u2013\u2014"))
        if o:
            clues.append(_Clue(30, o.key, "title", title_suffix))
    return clues


def _text_clues(reg: Registry, body: str, raw_text: str) -> list[_Clue]:
    """House style anywhere in the text (weight 10 each) and the outlet naming itself as the one told, asked
    or present (`kepada detikcom`, `Pantauan detikcom`: 20)."""
    clues = []
    text = raw_text or body
    window = [text] if len(text) <= 2 * _HOUSE_WINDOW else [text[:_HOUSE_WINDOW], text[-_HOUSE_WINDOW:]]
    for o in reg.outlets:
        for rx in o.house:
            hit = _search_all([rx], window)
            if hit:
                clues.append(_Clue(10, o.key, "house", hit))
        hit = _search_all([o.self_ref], window) if o.self_ref else None
        if hit:
            clues.append(_Clue(20, o.key, "self-reference", hit))
    return clues


def decide_outlet(reg: Registry, clues: Sequence[_Clue]) -> tuple[str, Evidence]:
    """The group with the highest total weight (an edition's clues count for its group); `unknown` on a tie or
    without a clue. The evidence is the strongest clue of the winner; its value is the edition where one was
    named (`detikJatim`), else the outlet's name."""
    if not clues:
        return UNKNOWN, Evidence(None, "none")
    group = {o.key: reg.group_of(o).key for o in reg.outlets}
    totals: dict[str, int] = {}
    for c in clues:
        totals[group[c.key]] = totals.get(group[c.key], 0) + c.weight
    best = max(totals.values())
    top = sorted(k for k, v in totals.items() if v == best)
    names = {o.key: o.name for o in reg.outlets}
    if len(top) > 1:
        why = "; ".join(f"{names[group[c.key]]}: {c.text}" for c in clues if group[c.key] in top)
        return UNKNOWN, Evidence(None, "tie", why)
    mine = [c for c in clues if group[c.key] == top[0]]
    others = {c.text for c in clues if group[c.key] != top[0]}
    win = max(mine, key=lambda c: (c.weight, c.text not in others))
    edition = max((c for c in mine if c.key != top[0]), key=lambda c: c.weight, default=None)
    return names[top[0]], Evidence(names[edition.key] if edition else names[top[0]], win.source, win.text)


def detect_outlet(
    *,
    reg: Registry,
    header_lines: Sequence[str] = (),
    bylines: Sequence[str] = (),
    title: str | None = None,
    title_suffix: str = "",
    body: str = "",
    raw_text: str = "",
    url: str | None = None,
    source: str | None = None,
    source_column: str = "source",
) -> tuple[str, Evidence]:
    """(outlet name or "unknown", evidence). Clues count by kind: URL or source column 100, dateline 50,
    byline and logo 40, header shape and title 30, the outlet naming itself 20, each house-style marker 10.
    The outlet with the highest total wins; a tie at the top, or no clue, is `unknown`."""
    clues = [
        *_named_clues(reg, url, source, source_column),
        *_dateline_clues(reg, body),
        *_header_clues(reg, header_lines, bylines, title, title_suffix),
        *_text_clues(reg, body, raw_text),
    ]
    return decide_outlet(reg, clues)


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


def _split_header(header_lines: Sequence[str], reg: Registry) -> tuple[str, list[str], list[str]]:
    """(headline, date lines, byline lines): headline, then byline and date lines in any order; a logo is no
    headline."""
    title_line = ""
    dates: list[str] = []
    bylines: list[str] = []
    for raw in header_lines:
        line = raw.strip()
        if not line or _LOGO.match(line):
            continue
        if reg.credits.byline_fields.search(line):
            bylines.append(line)
        elif is_date_line(line):
            dates.append(line)
        elif not title_line:
            title_line = line
        elif len(line) <= 120 and not line.endswith("."):
            bylines.append(line)  # names (`A, B Tim Redaksi`), `X -detikNews`
    return title_line, dates, bylines


def _people(
    bylines: Sequence[str],
    body: str,
    removed: Sequence[Removed],
    reg: Registry,
) -> tuple[list[str], list[str], list[str]]:
    """(authors, editors, credits) of the bylines, and the credits the body and its furniture give."""
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
    credits += find_credits(body.split("\n"), removed, reg)
    return authors, editors, credits


def _published(
    meta: Meta,
    lines: Sequence[str],
    body: str,
    dateline_end: int,
) -> tuple[str | None, str | None, Evidence]:
    """(ISO date, HH:MM, evidence): the export's date cell, else a header line (a date line, or a byline that
    carries one), else the URL's date, else the day the body reports from."""
    if meta.date:
        iso, hhmm, _ = parse_header_date(meta.date)
        if iso:
            return (
                iso,
                hhmm or parse_time(meta.time),
                Evidence(iso, f"column:{meta.columns.get('date', 'date')}", meta.date.strip()),
            )
    for line in lines:
        iso, hhmm, _ = parse_header_date(line)
        if iso:
            return iso, hhmm, Evidence(iso, "header", line)
    ev = url_date(meta.url) if meta.url else Evidence(None, "none")
    if ev.value is None:
        ev = body_date(body, dateline_end)
    return ev.value, None, ev


def analyze(
    header_lines: Sequence[str],
    body: str,
    removed: Sequence[Removed] = (),
    *,
    meta: Meta | None = None,
    folders: Folders | None = None,
) -> HeaderInfo:
    """Reads outlet, title, date, dateline, authors and credits from the header lines (the lines before the
    first empty line), the clean body, the removed furniture and an export's columns. Never raises on odd
    text."""
    reg = load_registry(folders)
    meta = meta or Meta()
    title_line, dates, bylines = _split_header(header_lines, reg)
    for r in removed:
        if r.reason == "byline":
            bylines.append(r.text.strip())
        elif r.reason == "logo":
            header_lines = [*header_lines, r.text]
    if meta.author:
        bylines.append(meta.author)
    title, suffix = clean_title(meta.title or title_line or None, reg, meta.outlet)
    authors, editors, credits = _people(bylines, body, removed, reg)
    raw_text = "\n".join([*header_lines, body, *(r.text for r in removed)])
    outlet, outlet_ev = detect_outlet(
        reg=reg,
        header_lines=[h for h in header_lines if h.strip() and h.strip() != title_line],
        bylines=bylines,
        title=title,
        title_suffix=suffix,
        body=body,
        raw_text=raw_text,
        url=meta.url,
        source=meta.outlet,
        source_column=meta.columns.get("outlet", "source"),
    )
    dl = find_dateline(body, reg)
    published, ptime, pev = _published(meta, [*dates, *bylines], body, dl.end if dl else 0)
    return HeaderInfo(
        outlet=outlet,
        outlet_evidence=outlet_ev,
        title=title,
        published=published,
        published_evidence=pev,
        published_time=ptime,
        dateline=dl.place if dl else None,
        dateline_end=dl.end if dl else 0,
        authors=tuple(dict.fromkeys(authors)),
        editors=tuple(dict.fromkeys(editors)),
        credits=tuple(dict.fromkeys(credits)),
        url=meta.url,
    )
