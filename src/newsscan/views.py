"""What each command shows at a terminal: its table's columns (what a reader needs first, what goes when the
terminal is narrow) and the diff's sections. The row formats (JSON, JSON lines, CSV) keep every key; only the
table is chosen here. See `render.Col` for the column kinds."""
from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from .render import Col, Section


def _title_or_file(row: dict[str, Any]) -> str:
    """An article without a headline is shown by its file name."""
    return row.get("title") or os.path.basename(row.get("path") or "")


def _count(key: str):
    return lambda row: len(row.get(key) or ())


SUMMARIZE = (
    Col("outlet", max=18),
    Col("published", kind="date"),
    Col("title", kind="wide", min=24, value=_title_or_file),
    Col("words", kind="num"),
    Col("quotes", kind="num"),
    Col("claims", kind="num"),
    Col("top_entities", "top entities", max=34, drop=2),
    Col("people_quoted", "people quoted", max=34, drop=3),
    Col("path", "file", max=28, drop=4, value=lambda r: os.path.basename(r.get("path") or "")),
)

QUOTES = (
    Col("outlet", max=18),
    Col("kind", max=8, drop=5),
    Col("speaker", max=22),
    Col("speaker_role", "role", max=24, drop=3),
    Col("via", max=12, drop=4),
    Col("text", kind="wide"),
)

SOURCES = (
    Col("name", max=24),
    Col("type", max=12, drop=4),
    Col("roles", max=32, drop=2),
    Col("quotes", kind="num"),
    Col("outlets", max=30, drop=3),
    Col("last_date", "last", kind="date", drop=5),
    Col("last_quote", "last quote", kind="wide"),
)

ENTITIES = (
    Col("name", max=30),
    Col("label", max=6),
    Col("mentions", kind="num"),
    Col("articles", kind="num"),
    Col("outlets", max=40, drop=2),
    Col("aliases", kind="wide", min=20, drop=1),
)

MENTIONS = (
    Col("path", "file", max=28, drop=2, value=lambda r: os.path.basename(r.get("path") or "")),
    Col("text", max=30),
    Col("canonical", max=30),
    Col("label", max=6),
    Col("role", max=24, drop=1),
    Col("start", kind="num", drop=3),
    Col("end", kind="num", drop=3),
)

DATES = (
    Col("outlet", max=18),
    Col("text", max=28),
    Col("value", kind="date"),
    Col("granularity", max=11, drop=3),
    Col("kind", max=9, drop=2),
    Col("sentence", kind="wide", min=30, drop=1),
)

TIMELINE = (
    Col("date", kind="date"),
    Col("outlet", max=18),
    Col("sentence", kind="wide"),
    Col("entities", max=36, drop=1),
)

CLAIMS = (
    Col("outlet", max=18),
    Col("speaker", max=22, drop=2),
    Col("modality", max=9, drop=3),
    Col("polarity", max=8, drop=4),
    Col("text", kind="wide"),
)

DIFF_STORIES = (
    Col("title", "story", kind="wide"),
    Col("outlets", kind="num", value=_count("outlets")),
    Col("articles", kind="num", value=_count("articles")),
    Col("conflicts", kind="num"),
    Col("updates", kind="num", drop=2),
    Col("agreements", kind="num", drop=1),
    Col("only", kind="num", drop=1),
    Col("shared_quotes", "shared", kind="num", drop=1),
)

DIFF_ITEMS = (
    Col("slot", max=10),
    Col("outlet", max=18),
    Col("speaker", max=20, drop=1),
    Col("value", kind="wide", min=14),
    Col("text", kind="wide", min=20, drop=2),
)

DIFF_TITLES = {
    "conflicts": "conflicts",
    "updates": "updates (a later report)",
    "agreements": "agreements",
    "only": "said by one outlet only",
    "shared_quotes": "shared quotes",
}


def _side_rows(item: dict[str, Any]) -> list[dict[str, Any]]:
    """One line per side of a diff item: the slot on the first, both values, outlets and speakers."""
    values = item_values(item)
    rows = []
    for n, side in enumerate(s for s in (item.get("a"), item.get("b")) if s):
        rows.append(
            {
                "slot": item.get("what", "") if n == 0 else "",
                "outlet": side.get("outlet"),
                "speaker": side.get("speaker"),
                "value": values[n] if n < len(values) else "",
                "text": side.get("text"),
            }
        )
    if rows:
        rows[-1]["_end_section"] = True
    return rows


def item_values(item: dict[str, Any]) -> list[str]:
    """The value each side of a diff item gives: its `values` when the engine lists them, else its note read
    as `A's value / B's value` (`20 bus / sekitar 50 unit`); a note that names one thing serves both."""
    sides = 1 if item.get("b") is None else 2
    values = item.get("values")
    if isinstance(values, list) and len(values) == sides:
        return [str(v) for v in values]
    note = item.get("note")
    if not note:
        return []
    parts = note.split(" / ", 1) if sides == 2 else [note]
    return [p.strip() for p in parts] if len(parts) == sides else [note] * sides


def diff_sections(doc: dict[str, Any], kinds: Sequence[str]) -> list[Section]:
    """The stories (by title) with their counts, then for each kind in `kinds` (conflicts first) one table
    per story that has such items."""
    stories = doc.get("stories") or []
    overview = [{**s, **{k: len(s.get(k) or ()) for k in DIFF_TITLES}} for s in stories]
    shown = tuple(c for c in DIFF_STORIES if c.key not in DIFF_TITLES or c.key in kinds)
    sections: list[Section] = [("stories told by more than one article", overview, shown)]
    for kind in kinds:
        for s in stories:
            items = s.get(kind) or []
            if items:
                rows = [r for it in items for r in _side_rows(it)]
                sections.append(
                    (f"{DIFF_TITLES[kind]} ({len(items)}): {s.get('title') or s.get('id')}", rows, DIFF_ITEMS)
                )
    if len(sections) == 1 and stories:
        sections.append((", ".join(DIFF_TITLES[k] for k in kinds), [], DIFF_ITEMS))
    return sections
