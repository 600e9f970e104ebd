"""Plain, frozen records: what every layer of newsscan produces and consumes.

Records hold no spaCy objects, so they pickle (process pool), cache (SQLite) and serialise (JSON, CSV)
cleanly. Collections are tuples, built in a fixed order, so that the same input gives the same bytes.
Character offsets (`start`, `end`) always point into `Article.body`.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


def as_dict(record: Any) -> dict[str, Any]:
    """A record (or a tuple/list of them) as plain JSON-ready Python values."""
    if dataclasses.is_dataclass(record):
        return {f.name: as_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [as_dict(r) for r in record]  # type: ignore[return-value]
    if isinstance(record, dict):
        return {k: as_dict(v) for k, v in record.items()}
    return record


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem with one input: the file is named, the rest of the corpus goes on."""

    path: str
    reason: str
    severity: str = "error"  # "error": nothing could be read; "warning": read, with a fallback or a doubt


@dataclass(frozen=True, slots=True)
class Evidence:
    """A value found in the text, and what it was found from (so that every decision can be checked)."""

    value: str | None
    source: str  # e.g. "dateline", "byline", "header", "body", "column:tanggal", "url", "none"
    text: str = ""  # the words it was read from


@dataclass(frozen=True, slots=True)
class Removed:
    """A line that boilerplate removal took out of the body, and why."""

    line: int  # 0-based line number in the raw text
    text: str
    reason: str  # the boilerplate pattern's name, e.g. "baca-juga", "scroll", "editor-code"


@dataclass(frozen=True, slots=True)
class Repair:
    """One repair of scraper damage the analysis reads through (see `newsscan.repair`); `Article.body` keeps
    the text as the source wrote it, and `original` is `body[start:end]`."""

    start: int  # offsets of `original` in `Article.body` (start == end: an insertion)
    end: int
    original: str
    replacement: str
    kind: str  # glued (a missing space) | entity (an HTML entity) | mojibake (UTF-8 read as cp1252)
    #              | space (an odd space) | newline (a lone CR)


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # stable: hash of the source path (and row, for exports) and the content
    path: str  # file path; for a row of an export `file.jsonl#12`
    outlet: str  # canonical outlet name, or "unknown"
    outlet_evidence: Evidence
    title: str | None
    published: str | None  # ISO date (YYYY-MM-DD) or None
    published_evidence: Evidence
    published_time: str | None = None  # HH:MM where the header gives it
    dateline: str | None = None  # place of the dateline (`JAKARTA, KOMPAS.com -` -> "Jakarta")
    dateline_end: int = 0  # offset in `body` just after the dateline (`JAKARTA, KOMPAS.com -`); 0 if none
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()  # wire and media sources credited for the whole article
    url: str | None = None
    body: str = ""  # the clean body: paragraphs joined by "\n"
    paragraphs: tuple[str, ...] = ()
    boilerplate: tuple[Removed, ...] = ()
    # scraper damage the analysis reads repaired, in body order (newsscan.repair)
    repairs: tuple[Repair, ...] = ()
    text_hash: str = ""  # sha256 of the clean body: the cache key and the duplicate detector
    source_format: str = "txt"  # txt | jsonl | csv | html
    encoding: str = "utf-8"

    @property
    def words(self) -> int:
        return len(self.body.split())


@dataclass(frozen=True, slots=True)
class Mention:
    """One entity mention in the body."""

    start: int
    end: int
    text: str
    label: str  # PERSON | ORG | LOC
    canonical: str  # the fullest form the article gives (titles stripped); corpus-level merging may change it
    role: str | None = None  # title or role stripped from the name (`Presiden Rusia`)
    source: str = "model"  # "model" | "gazetteer" | "link" (a surname linked to a full name)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression normalized to an ISO/TIMEX3-like value."""

    start: int
    end: int
    text: str
    value: str  # `2023-09-12`, `2023-09`, `2023-W37`, `2023-09-10/2023-09-13`, `P18M`, `XXXX-09-13`
    granularity: str  # year | month | week | day | time | range | duration
    kind: str  # absolute | relative | weekday | range | duration
    sentence: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # offsets of `text` (the content, without the marks) in the body
    end: int
    text: str
    kind: str  # direct | partial | indirect
    speaker: str | None  # canonical name, organisation or descriptor as written; None when unknown
    speaker_role: str | None = None
    speaker_type: str = "unknown"  # person | organisation | anonymous | document | unknown
    via: str | None = None  # the medium the words came through (`CNN`, `Antara`)
    anonymous: bool = False
    unclosed: bool = False  # the opening mark never closed: the text runs to the end of the paragraph
    cue: str | None = None  # the attribution words (`kata Easley`, `menurut`)
    sentence: str = ""


@dataclass(frozen=True, slots=True)
class Quantity:
    text: str
    value: float | None
    unit: str | None
    approx: str | None = None  # hampir | sekitar | lebih dari | puluhan | ...


@dataclass(frozen=True, slots=True)
class Claim:
    start: int
    end: int
    text: str  # the sentence
    subjects: tuple[str, ...] = ()
    predicate: str | None = None
    quantities: tuple[Quantity, ...] = ()
    places: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()  # normalized values
    speaker: str | None = None  # None: the outlet itself asserts it
    modality: str = "asserted"  # asserted | reported | uncertain | planned
    polarity: str = "positive"  # positive | negative
    kind: str = "event"  # quantity | event | attributed


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything newsscan found in one article."""

    article: Article
    entities: tuple[Mention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    reference_date: Evidence = field(default_factory=lambda: Evidence(None, "none"))
