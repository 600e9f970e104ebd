"""The diff records: one side of an item (`Side`), an item (`DiffItem`), a story's diff (`StoryDiff`), and the
working record of one article while its story is compared (`Art`)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..claims import split_sentences
from ..records import ArticleResult, Claim


@dataclass(frozen=True, slots=True)
class Side:
    path: str
    outlet: str
    text: str
    start: int
    end: int
    kind: str  # the claim's kind, or "quote"
    speaker: str | None = None
    in_title: bool = False  # offsets point into the title, not the body

    def to_dict(self) -> dict[str, Any]:
        d = {"path": self.path, "outlet": self.outlet, "text": self.text, "start": self.start,
             "end": self.end, "kind": self.kind}
        if self.speaker:
            d["speaker"] = self.speaker
        if self.in_title:
            d["in_title"] = True
        return d


@dataclass(frozen=True, slots=True)
class DiffItem:
    # the slot: number | limit | age | identifier | state | container | ground | place | day | time | name |
    # denial | statement | quote
    what: str
    a: Side
    b: Side | None = None
    score: float = 0.0  # word likeness of the two sides
    note: str = ""  # the values that differ or agree (`12 truk / sekitar 30 unit`), A's first
    later: str = ""  # for an update: "a" or "b", the side published later

    @property
    def values(self) -> tuple[str, str] | None:
        """(A's value, B's value) as the note gives them, when it gives two."""
        if " / " not in self.note:
            return None
        x, y = self.note.split(" / ", 1)
        return x, y

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"what": self.what, "a": self.a.to_dict()}
        if self.b is not None:
            d["b"] = self.b.to_dict()
            if self.a.in_title != self.b.in_title:
                d["headline_vs_body"] = True  # one side is a headline, the other a body sentence
        d["score"] = round(self.score, 3)
        if self.note:
            d["note"] = self.note
        if self.values:
            d["values"] = list(self.values)
        if self.later:
            d["later"] = self.later
        return d


@dataclass(frozen=True, slots=True)
class StoryDiff:
    id: str
    title: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    conflicts: tuple[DiffItem, ...] = ()
    agreements: tuple[DiffItem, ...] = ()
    only: tuple[DiffItem, ...] = ()
    shared_quotes: tuple[DiffItem, ...] = ()
    updates: tuple[DiffItem, ...] = ()  # an amount that grew between reports published hours apart

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict; the conflicts come first."""
        return {"id": self.id, "title": self.title, "articles": list(self.articles),
                "outlets": list(self.outlets),
                "conflicts": [i.to_dict() for i in self.conflicts],
                "agreements": [i.to_dict() for i in self.agreements],
                "only": [i.to_dict() for i in self.only],
                "shared_quotes": [i.to_dict() for i in self.shared_quotes],
                "updates": [i.to_dict() for i in self.updates]}


@dataclass
class Art:
    path: str
    outlet: str
    result: ArticleResult
    claims: list[Claim] = field(default_factory=list)
    bags: list[Counter] = field(default_factory=list)


def span_claim(art: Art, start: int, end: int) -> Claim:
    """A bare claim of a body span, its speaker the one of a quote it overlaps (a slot read outside the
    claims layer still shows who said it)."""
    speaker = next(
        (q.speaker for q in art.result.quotes if q.start < end and q.end > start and q.speaker), None
    )
    return Claim(
        start=start, end=end, text=art.result.article.body[start:end], speaker=speaker, kind="statement"
    )


def claim_at(art: Art, pos: int) -> Claim:
    """The claim around an offset (not a headline or an attribution clause), or a bare claim of its sentence:
    a slot read off an entity or a date still shows the sentence it stands in."""
    for c in art.claims:
        if c.kind not in ("headline", "circumstance") and c.start <= pos < c.end:
            return c
    body = art.result.article.body
    a, b = next(((a, b) for a, b in split_sentences(body) if a <= pos < b), (pos, pos + 1))
    return span_claim(art, a, b)
