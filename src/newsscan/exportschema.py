"""The tables of `newsscan export`, declared once: each `Table`'s name, columns, keys, indexes, full-text
columns and Datasette facets, shared by the SQLite writer and reader (`exportdb`), the Datasette metadata
(`exportmeta`), the Parquet writer and `Run.to_dataframes()` (`export`, which makes each table's rows). This
module imports nothing else of newsscan, so that all of them can import it.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str = "text"  # text | int | float | bool | json (a list or an object, as JSON text)
    description: str = ""


@dataclass(frozen=True, slots=True)
class ForeignKey:
    column: str
    table: str
    other: str = "id"


@dataclass(frozen=True)
class Table:
    """One table of the export: its columns, keys, indexes, full-text columns and how Datasette shows it (its
    rows: `export.ROWS[name]`)."""

    name: str
    description: str
    columns: tuple[Column, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    indexes: tuple[str, ...] = ()  # columns people filter by
    fts: tuple[str, ...] = ()  # columns in the FTS5 index
    facets: tuple[str, ...] = ()
    sort: str | None = None  # Datasette's default order (ascending)
    label: str | None = None  # the column Datasette shows for a row linked by a foreign key
    array_facets: tuple[str, ...] = ()  # JSON list columns Datasette facets by element (`outlets`)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _cols(*spec: str | tuple[str, str] | tuple[str, str, str]) -> tuple[Column, ...]:
    """Columns from names (`"path"`: text), (name, kind) or (name, kind, description)."""
    return tuple(Column(s) if isinstance(s, str) else Column(*s) for s in spec)


_ID = ("id", "text", "stable row id: a hash of the article (path and content) and of what the row is")
_ART = ("article_id", "text", "the article (articles.id)")
_N = ("n", "int", "the row's number within its article")
_SPAN = (("start", "int", "offset of `text` in the article body"), ("end", "int"))

ARTICLES = Table(
    "articles", "One row per article: header fields, the clean body, what each field was read from.",
    _cols(_ID, ("position", "int", "the article's place in the corpus (the order of the other commands)"),
          "path", "outlet", ("outlet_evidence", "json"), "title", ("published", "text", "ISO date"),
          ("published_evidence", "json"), "published_time", "dateline", ("dateline_end", "int"),
          ("authors", "json"), ("editors", "json"), ("credits", "json"), "url",
          ("body", "text", "the clean body (paragraphs joined by newlines); every offset points into it"),
          ("text_hash", "text", "sha256 of the clean body"), "source_format", "encoding",
          ("words", "int"), ("paragraphs", "int"), ("quotes", "int"), ("claims", "int"),
          ("story", "text", "stories.id"), ("reference_date", "json",
                                            "the date relative dates were read from")),
    (ForeignKey("story", "stories"),), ("outlet", "published", "story", "text_hash"),
    ("title", "body"), ("outlet", "published", "source_format"), "position", "title")

BOILERPLATE = Table(
    "boilerplate", "Lines boilerplate removal took out of each article, and why.",
    _cols(_ID, _ART, _N, "path", ("line", "int", "0-based line in the raw text"), "text",
          ("reason", "text", "the boilerplate pattern's name")),
    (ForeignKey("article_id", "articles"),), ("article_id", "reason"), (), ("reason",))

ENTITIES = Table(
    "entities", "People, organisations and places, one row per canonical name and label across the corpus.",
    _cols(_ID, "name", ("label", "text", "PERSON | ORG | LOC"), ("mentions", "int"), ("articles", "int"),
          ("outlets", "json"), ("aliases", "json"), ("roles", "json"), ("paths", "json")),
    (), ("name", "label"), (), ("label",), "name", "name", ("outlets", "roles"))

MENTIONS = Table(
    "mentions", "Each entity mention in an article body.",
    _cols(_ID, _ART, ("entity_id", "text", "entities.id"), _N, "path", "text", "canonical", "label", "role",
          *_SPAN),
    (ForeignKey("article_id", "articles"), ForeignKey("entity_id", "entities")),
    ("article_id", "entity_id", "canonical", "label"), (), ("label",))

DATES = Table(
    "dates", "Temporal expressions with their ISO value (relative ones resolved against the article's date).",
    _cols(_ID, _ART, _N, "path", "outlet", "text", ("value", "text", "ISO/TIMEX3-like value"), "granularity",
          "kind", *_SPAN, "sentence"),
    (ForeignKey("article_id", "articles"),), ("article_id", "value", "outlet"), (),
    ("outlet", "granularity", "kind"), "value")

QUOTES = Table(
    "quotes", "Direct, partial and indirect quotes with their speaker, role and medium.",
    _cols(_ID, _ART, ("source_id", "text", "sources.id (null: speaker unknown)"), _N, "path", "outlet",
          ("kind", "text", "direct | partial | indirect"), "text", "speaker", "speaker_role",
          ("speaker_type", "text", "person | organisation | anonymous | document | unknown"),
          ("via", "text", "the medium the words came through"), ("anonymous", "bool"), ("unclosed", "bool"),
          *_SPAN, ("cue", "text", "the attribution words")),
    (ForeignKey("article_id", "articles"), ForeignKey("source_id", "sources")),
    ("article_id", "source_id", "speaker", "outlet", "kind", "anonymous"), ("text", "speaker"),
    ("outlet", "speaker", "kind", "speaker_type"))

SOURCES = Table(
    "sources", "Who is quoted: one row per speaker across the corpus.",
    _cols(_ID, "name", "type", ("roles", "json"), ("quotes", "int"), ("outlets", "json"), ("articles", "int"),
          "first_quote", "first_date", "last_quote", "last_date"),
    (), ("name", "type"), (), ("type",), "name", "name", ("outlets", "roles"))

CLAIMS = Table(
    "claims", "Check-worthy statements: quantities, events with place or time, attributed statements.",
    _cols(_ID, _ART, _N, "path", "outlet", "text", ("subjects", "json"), "predicate", ("quantities", "json"),
          ("places", "json"), ("dates", "json"), "speaker", "modality", "polarity", "kind", *_SPAN),
    (ForeignKey("article_id", "articles"),), ("article_id", "outlet", "kind", "speaker"), (),
    ("outlet", "kind", "modality"))

STORIES = Table(
    "stories", "Articles about the same event across outlets.",
    _cols(_ID, ("position", "int"), "title", ("articles", "int"), ("outlets", "json")),
    (), (), (), (), "position", "title", ("outlets",))

STORY_ARTICLES = Table(
    "story_articles", "Which article belongs to which story.",
    _cols(_ID, ("story", "text", "stories.id"), _ART, "path", ("n", "int",
                                                               "the article's number in its story")),
    (ForeignKey("story", "stories"), ForeignKey("article_id", "articles")),
    ("story", "article_id"), (), ("story",))


PROBLEMS = Table(
    "problems", "Inputs that were skipped, read with a doubt, or repeat an article already read (as the "
                "other "
    "commands print them on stderr).",
    _cols(_ID, ("position", "int"), ("path", "text", "the file, or the row of an export (`file.jsonl#12`)"),
          "reason", ("severity", "text", "error: not analysed; warning: analysed, or passed over"),
          ("type", "text", "Issue | Duplicate | PassedOver"), ("kept", "text", "a duplicate: the copy "
                                                                               "analysed"),
          ("previous", "text", "a duplicate: the last name its text was seen under")),
    (), ("path", "severity", "type"), (), ("severity", "type"), "position")


def _diff_table(kind: str, description: str) -> Table:
    sides = []
    for s in ("a", "b"):
        sides += [f"{s}_value", f"{s}_outlet", f"{s}_speaker", f"{s}_path", f"{s}_text",
                  (f"{s}_article_id", "text"), (f"{s}_start", "int"), (f"{s}_end", "int"), (f"{s}_in_title",
                                                                                            "bool")]
    return Table(
        kind, description,
        _cols(_ID, ("story", "text", "stories.id"), "story_title", "kind",
              ("what", "text", "number | place | day | time | person | denial | statement | quote"),
              *sides, ("score", "float", "word likeness of the two sides"), ("note", "text", "the values")),
        (ForeignKey("story", "stories"), ForeignKey("a_article_id", "articles"),
                           ForeignKey("b_article_id", "articles")),
        ("story", "what", "a_outlet", "b_outlet"), (), ("story", "what", "a_outlet"))


TABLES: tuple[Table, ...] = (
    ARTICLES, BOILERPLATE, ENTITIES, MENTIONS, DATES, QUOTES, SOURCES, CLAIMS, STORIES, STORY_ARTICLES,
    _diff_table("conflicts",
                "Where two outlets' reports of one story differ (each side's value and outlet)."),
    _diff_table("updates", "Amounts that changed between two reports of one story hours apart."),
    _diff_table("agreements", "Where outlets' reports of one story agree."),
    _diff_table("only", "Claims only one outlet of a story has."),
    _diff_table("shared_quotes", "Quotes several outlets of a story share."),
    PROBLEMS,
)


# ---------------------------------------------------------------- typed values

def cell(kind: str, value: Any) -> Any:
    """A row value as stored: JSON text for lists and objects, bool as bool, None kept."""
    if value is None:
        return None
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if kind == "bool":
        return bool(value)
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    return value if isinstance(value, str) else str(value)


def column_kind(values: Sequence[Any]) -> str:
    """The column kind of a key the spec does not declare, from its values."""
    seen = {type(v) for v in values if v is not None}
    if seen & {list, tuple, dict}:
        return "json"
    for kind, types in (("bool", {bool}), ("int", {int}), ("float", {int, float})):
        if seen and seen <= types:
            return kind
    return "text"


@dataclass(frozen=True)
class Rowset:
    """A table's rows as tuples in the order of `table.columns`: the spec's columns, then any key a layer's
    rows have that the spec does not declare yet (a field another layer adds is exported, not dropped)."""

    table: Table
    rows: list[tuple]
