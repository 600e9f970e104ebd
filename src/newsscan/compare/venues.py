"""The venue of the story's event: where each article puts a meeting-like event (a kind of
data/event_words.tsv whose verb the titles share); never a region or country (data/regions.tsv)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..claims import place_kinds, place_words
from ..morphology import WORD, lemma
from ..records import Claim
from ..tables import Folders, cache_per_folders, table
from .names import NAMEW, calendar_words
from .records import Art
from .slots import day_slot, place_match
from .words import compare_words, event_groups, word_alt


@cache_per_folders
def _regions(folders: Folders) -> frozenset[str]:
    """Names of countries and large regions, lower case (data/regions.tsv)."""
    return frozenset(r["name"].lower() for r in table('regions.tsv', folders))


@cache_per_folders
def _venue_at(folders: Folders) -> re.Pattern[str]:
    # either case of the first letter (`di`, `Di`), or all capitals (`DI`)
    lead = "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}|{re.escape(w.upper())}"
                    for w in compare_words("venue_lead", folders))
    return re.compile(rf"\b(?:{lead})\s+((?:[a-z]+\s+){{0,2}})({NAMEW}(?:\s+{NAMEW}){{0,3}})")


_CLAUSE_END = re.compile(r"[,;:.!?()\"“”–—]| - ")


@cache_per_folders
def _past(folders: Folders) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{word_alt('past_marker', folders, ' ')})\b", re.IGNORECASE)


@cache_per_folders
def _see_also(folders: Folders) -> re.Pattern[str]:
    """A link to another article (`Baca juga:`)."""
    return re.compile(rf"\b(?:{word_alt('see_also', folders, ' ')})\s*:", re.IGNORECASE)


VENUE_REACH = 5  # words between the event word and its `di X`


@dataclass(frozen=True, slots=True)
class Venue:
    claim: Claim
    name: str  # the place name (`Vladivostok`, `Vostochny Cosmodrome`)
    planned: bool  # the sentence says it is a plan or a guess (`diperkirakan … akan berlangsung di X`)
    explicit: bool  # a take-place verb states it (`berlangsung di X`)
    headline: bool


def _event_lemmas(main: set[str]) -> set[str]:
    groups = event_groups()
    kinds = {groups[v] for v in main if v in groups and groups[v] != "venue"}
    # only events of a kind the table knows (a meeting): a verb the titles share is not always an event
    # with one venue (`memastikan tempat`, `mengikuti turnamen`)
    return {w for w, g in groups.items() if g in kinds}


def _is_region(heads: Sequence[str], name: str, texts: Sequence[str]) -> bool:
    """A country, a large region or an area holding other places: `Timur Jauh Rusia`, `wilayah Amur`,
    `Rusia`; or a name the articles write as the container of another place (`Vladivostok, Rusia`,
    `di X di Amur`)."""
    kinds, levels = place_kinds(), place_words()
    if any(kinds.get(h) in ("container", "area") or levels.get(h, 0) >= 4 for h in heads):
        return True
    regions = _regions()
    words = name.lower().split()
    grams = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    return bool(grams & regions)


def _contains(texts: Sequence[str], outer: str, inner: str) -> bool:
    """An article writes `inner` as lying in `outer`: `X, Y` or `X, <apposition> di Y` (`Universitas
    Federal Timur Jauh di Vladivostok`, `Bandara Soekarno-Hatta, Tangerang`)."""
    i, o = re.escape(inner), re.escape(outer)
    pat = re.compile(rf"\b{i}\b(?:,\s+|[^.!?]{{0,80}}?\b[Dd]i\s+)(?:[a-z]+\s+){{0,2}}{o}\b")
    return any(pat.search(t) for t in texts)


def _venues(art: Art, events: set[str], year: str | None, texts: Sequence[str]) -> list[Venue]:
    """Where the article puts the story's event: a city or a site (not a region or a country) in `di X` /
    `ke X` within a few words after a word of the event (`bertemu`, `pertemuan … berlangsung`,
    `menyambutnya`), in the same clause; sentences of another year or of an earlier happening (`terakhir
    kali`) are left out."""
    out = []
    heads = place_words()
    groups = event_groups()
    for c in art.claims:
        if c.kind == "circumstance":
            continue
        if year and any(v[:4].isdigit() and v[:4] != year for v in c.dates):
            continue
        if _past().search(c.text) or _see_also().search(c.text):
            continue
        explicit = any(groups.get(lemma(w.lower())) == "venue" for w in WORD.findall(c.text))
        for m in WORD.finditer(c.text):
            if lemma(m.group(0).lower()) not in events:
                continue
            rest = c.text[m.end():m.end() + 120]
            stop = _CLAUSE_END.search(rest)
            rest = rest[:stop.start()] if stop else rest
            v = _venue_at().search(rest)
            if not v or len(WORD.findall(rest[:v.start()])) > VENUE_REACH:
                continue
            lead = v.group(1).split()
            if any(w not in heads for w in lead):
                continue
            names = v.group(2).split()
            if c.kind == "headline":
                names = names[:1]  # a title-case headline: one word
            while names and names[-1] in calendar_words():
                names.pop()
            if not names or names[0] in calendar_words():
                continue
            name = " ".join(names)
            if _is_region(lead, name, texts):
                continue
            # a title-case headline capitalises every word: its place must be a name some body writes so
            in_text = any(re.search(rf"(?<=[a-z,] ){re.escape(name)}\b", t) for t in texts)
            if c.kind == "headline" and not in_text:
                continue
            planned = c.modality in ("planned", "uncertain")
            out.append(Venue(c, name, planned, explicit, c.kind == "headline"))
            break
    return out


def _mentions(text: str, name: str) -> bool:
    return bool(re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE)) or any(
        re.search(rf"\b{re.escape(w)}\b", text)
        for w in name.split()
        if len(w) >= 5 and w.lower() not in _regions()
    )


def _venue_tag(v: Venue) -> str:
    return f"{v.name} ({'title, ' if v.headline else ''}{'plan' if v.planned else 'report'})"


def venue_note(x: Venue, y: Venue) -> str:
    return f"{_venue_tag(x)} / {_venue_tag(y)}"


def story_venues(arts: Sequence[Art], main: set[str]) -> list[tuple[list[Venue], Venue | None]]:
    """Per article (body venues, headline venue when it differs from every body venue)."""
    events = _event_lemmas(main)
    years = Counter(a.result.article.published[:4] for a in arts if a.result.article.published)
    year = years.most_common(1)[0][0] if years else None
    texts = [a.result.article.body for a in arts]
    out = []
    for art in arts:
        vs = _venues(art, events, year, texts)
        body = [v for v in vs if not v.headline]
        head = next((v for v in vs if v.headline), None)
        if head and any(place_match(head.name, v.name) for v in body):
            head = None
        # the explicit venue statement first (`pertemuan akan berlangsung di X`)
        body.sort(key=lambda v: not v.explicit)
        out.append((body, head))
    return out


def _text_of(art: Art, title: bool = True) -> str:
    a = art.result.article
    return ((a.title or "") + "\n" if title else "") + a.body[a.dateline_end :]


def venue_conflict(
    A: Art, xs: Sequence[Venue], B: Art, ys: Sequence[Venue], texts: Sequence[str] = ()
) -> tuple[Venue, Venue] | None:
    """Two accounts put the event in two different cities or sites: no venue of one matches a venue of the
    other, and neither article names the other's venue anywhere (then one may hold the other)."""
    if not xs or not ys or any(place_match(x.name, y.name) for x in xs for y in ys):
        return None
    x, y = xs[0], ys[0]
    if day_slot(x.claim, y.claim)[0] == "conflict":
        return None  # two days: two happenings
    if any(_contains(texts, u.name, v.name) or _contains(texts, v.name, u.name) for u in xs for v in ys):
        return None
    if A is B:  # the headline against its own body: the body never puts anything in the headline's venue
        at = re.compile(rf"\b(?:[Dd]i|[Kk]e|[Dd]ari)\s+(?:[a-z]+\s+){{0,2}}{re.escape(x.name)}\b")
        return None if at.search(_text_of(A, False)) else (x, y)
    if any(_mentions(_text_of(A, not x.headline), v.name) for v in ys) or any(
        _mentions(_text_of(B, not y.headline), v.name) for v in xs
    ):
        return None
    return x, y
