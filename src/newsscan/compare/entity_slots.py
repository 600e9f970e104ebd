"""Slots read off an entity of the story rather than one sentence: a person's age, a vehicle's registration.

Each finder (registered in `FINDERS`) returns `Attribute`s of one article: who or what holds it, the value,
and where the value is written. Two articles conflict on a slot when they give one holder two values and
neither also writes the other's value for it (then both are facts: an age now and an age then). Ages are
paired only for one person (`Budi (45)` / `Budi (54)`), never across two people; registrations only when
they differ as a misprint does (same region letters, same length, at most two digits apart:
`B 1234 XY` / `B 1243 XY`), since two vehicles of one story differ more.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..records import Claim
from ..tables import Folders, cache_per_folders, table
from .records import Art, claim_at
from .words import same_person

_NAME = r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,3}"
MAX_AGE = 120


@dataclass(frozen=True, slots=True)
class Attribute:
    kind: str  # the slot: age | identifier
    holder: str  # the person (age) or the registration's region letters (identifier)
    value: str  # as compared: `45`, `1234XY`
    text: str  # as written: `45`, `B 1234 XY`
    start: int  # offset of the value in the body
    end: int


@cache_per_folders
def _cues(folders: Folders) -> dict[str, str]:
    rows = table('attribute_cues.tsv', folders)
    return {r["word"].lower(): r["kind"] for r in rows}


def _alt(kind: str, folders: Folders | None = None) -> str:
    words = sorted((w for w, k in _cues(folders).items() if k == kind), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


@cache_per_folders
def _age_patterns(folders: Folders) -> tuple[re.Pattern[str], ...]:
    """`Budi (45)`, `Budi (45 tahun)`, `Budi, 45 tahun,`, `Budi kini berusia 45 tahun`."""
    now, age_verb = _alt('now', folders), _alt('age_verb', folders)
    return (re.compile(rf"({_NAME})\s*\((\d{{1,3}})(?:\s+tahun)?\)"),
            re.compile(rf"({_NAME}),\s+(\d{{1,3}})\s+tahun,"),
            re.compile(rf"({_NAME})\s+(?:(?i:{now})\s+)*(?i:{age_verb})\s+(\d{{1,3}})\s+tahun\b"))


def _person_at(art: Art, start: int, end: int, name: str) -> str | None:
    """The article's PERSON the name stands for: a mention overlapping it, or a canonical holding its
    words."""
    people = [m for m in art.result.entities if m.label == "PERSON"]
    for m in people:
        if m.start < end and m.end > start:
            return m.canonical
    return next((m.canonical for m in people if same_person(name, m.canonical)), None)


def ages(art: Art) -> list[Attribute]:
    body, out = art.result.article.body, []
    for pat in _age_patterns():
        for m in pat.finditer(body):
            person = _person_at(art, m.start(1), m.end(1), m.group(1))
            if person and 0 < int(m.group(2)) <= MAX_AGE:
                out.append(Attribute("age", person, m.group(2), m.group(2), m.start(2), m.end(2)))
    return out


@cache_per_folders
def _plate_pattern(folders: Folders) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?i:{_alt('plate', folders)})\s+(?:(?i:nomor)\s+)?([A-Z]{{1,2}})\s?(\d{{1,4}}(?:\s\d{{1,3}})?)"
        rf"(?:\s?([A-Z]{{1,3}}))?\b"
    )


def plates(art: Art) -> list[Attribute]:
    body, out = art.result.article.body, []
    for m in _plate_pattern().finditer(body):
        digits = m.group(2).replace(" ", "")
        if len(digits) <= 4:
            out.append(
                Attribute(
                    "identifier",
                    m.group(1),
                    digits + (m.group(3) or ""),
                    body[m.start(1) : m.end()],
                    m.start(1),
                    m.end(),
                )
            )
    return out


def _same_holder(x: Attribute, y: Attribute) -> bool:
    return same_person(x.holder, y.holder) if x.kind == "age" else x.holder == y.holder


def _misprint(x: str, y: str) -> bool:
    """Two registrations one misprint apart: digits of one length, at most two differ; letters alike or one
    missing."""
    dx, dy = re.match(r"\d+", x).group(), re.match(r"\d+", y).group()
    lx, ly = x[len(dx) :], y[len(dy) :]
    if len(dx) != len(dy) or (lx and ly and lx != ly):
        return False
    return sum(p != q for p, q in zip(dx, dy, strict=False)) <= 2


def _differ(x: Attribute, y: Attribute) -> bool:
    if x.value == y.value:
        return False
    return x.kind != "identifier" or _misprint(x.value, y.value)


FINDERS: dict[str, Callable[[Art], list[Attribute]]] = {"age": ages, "identifier": plates}


def _knows(attrs: Sequence[Attribute], other: Attribute) -> bool:
    return any(_same_holder(a, other) and a.value == other.value for a in attrs)


def entity_slot_conflicts(A: Art, B: Art) -> list[tuple[Claim, Claim, str, str]]:
    """(claim of A, claim of B, slot, note) for every holder the two articles give different values."""
    out, seen = [], set()
    for kind, find in FINDERS.items():
        xs, ys = find(A), find(B)
        for x in xs:
            for y in ys:
                if not _same_holder(x, y) or not _differ(x, y) or _knows(xs, y) or _knows(ys, x):
                    continue
                key = (kind, x.holder, x.value, y.value)
                if key not in seen:
                    seen.add(key)
                    out.append(
                        (
                            claim_at(A, x.start),
                            claim_at(B, y.start),
                            kind,
                            f"{x.holder} {x.text} / {y.holder} {y.text}"
                            if kind == "age"
                            else f"{x.text} / {y.text}",
                        )
                    )
    return out


def entity_slot_agreements(A: Art, B: Art) -> list[tuple[Claim, Claim, str, str]]:
    """(claim of A, claim of B, slot, value) for every holder the two articles give the same value."""
    out, seen = [], set()
    for kind, find in FINDERS.items():
        ys = find(B)
        for x in find(A):
            y = next((y for y in ys if _same_holder(x, y) and x.value == y.value), None)
            if y is not None and (kind, x.holder, x.value) not in seen:
                seen.add((kind, x.holder, x.value))
                out.append((claim_at(A, x.start), claim_at(B, y.start), kind, x.text))
    return out
