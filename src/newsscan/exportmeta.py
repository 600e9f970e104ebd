"""The Datasette metadata written beside an exported database: table and column descriptions, default
facets and sort orders, full-text search, and canned queries for the questions readers ask.

    datasette corpus.db -m corpus.metadata.json
"""
from __future__ import annotations

import json
import os
from typing import Any

from .exportdb import META, RECORDS, write_text
from .exportschema import TABLES, Table

# canned queries: each answers one question a reader asks of a corpus; `:name` is a form field in Datasette
QUERIES: dict[str, dict[str, Any]] = {
    "quotes_by_person": {
        "title": "Quotes by a person across outlets",
        "description": "Every quote whose speaker name contains the text given (as `newsscan quotes "
        "--speaker`), in corpus order.",
        "sql": "SELECT q.path, q.outlet, q.kind, q.text, q.speaker, q.speaker_role, q.speaker_type, q.via,\n"
        '       q.anonymous, q.unclosed, q.start, q."end", a.published, a.title\n'
        "FROM quotes q JOIN articles a ON a.id = q.article_id\n"
        "WHERE instr(lower(coalesce(q.speaker, '')), lower(:speaker)) > 0\n"
        "ORDER BY a.position, q.n",
    },
    "anonymous_sources_per_outlet": {
        "title": "Anonymous sources per outlet",
        "description": "Quotes from anonymous sources, by outlet and month of publication; beside each, all "
        "the outlet's quotes that month and the share that is anonymous.",
        "sql": "SELECT q.outlet, substr(a.published, 1, 7) AS month,\n"
        "       sum(q.anonymous) AS anonymous_quotes, count(*) AS quotes,\n"
        "       round(1.0 * sum(q.anonymous) / count(*), 3) AS share\n"
        "FROM quotes q JOIN articles a ON a.id = q.article_id\n"
        "GROUP BY q.outlet, month\n"
        "ORDER BY anonymous_quotes DESC, share DESC, q.outlet, month",
    },
    "conflicts_per_story": {
        "title": "Conflicts per story",
        "description": "For each story, how many conflicts the outlets' reports have and on what.",
        "sql": "SELECT s.id AS story, s.title, s.articles, s.outlets, count(c.id) AS conflicts,\n"
        "       group_concat(DISTINCT c.what) AS about\n"
        "FROM stories s JOIN conflicts c ON c.story = s.id\n"
        "GROUP BY s.id ORDER BY conflicts DESC, s.position",
    },
    "entity_cooccurrence": {
        "title": "Entity co-occurrence",
        "description": "Pairs of entities named in the same articles, most articles first.",
        "sql": "WITH pairs AS (SELECT DISTINCT article_id, entity_id FROM mentions)\n"
        "SELECT e1.name AS entity, e1.label, e2.name AS other, e2.label AS other_label,\n"
        "       count(*) AS articles\n"
        "FROM pairs p1 JOIN pairs p2 ON p1.article_id = p2.article_id AND p1.entity_id < p2.entity_id\n"
        "JOIN entities e1 ON e1.id = p1.entity_id JOIN entities e2 ON e2.id = p2.entity_id\n"
        "GROUP BY p1.entity_id, p2.entity_id\n"
        "ORDER BY articles DESC, entity, other LIMIT 500",
    },
}


def _table_meta(t: Table) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "description": t.description,
        "columns": {c.name: c.description for c in t.columns if c.description},
    }
    if t.facets or t.array_facets:
        meta["facets"] = [*t.facets, *({"array": c} for c in t.array_facets)]
    if t.sort:
        meta["sort"] = t.sort
    if t.label:
        meta["label_column"] = t.label
    if t.fts:
        meta["fts_table"] = f"{t.name}_fts"
        meta["fts_pk"] = "rowid"
    return meta


def metadata(db_path: str) -> dict[str, Any]:
    """Datasette metadata for the database at `db_path` (Datasette names a database by its file stem)."""
    name = os.path.splitext(os.path.basename(db_path))[0]
    tables = {t.name: _table_meta(t) for t in TABLES}
    for hidden in (RECORDS, META):
        tables[hidden] = {"hidden": True}
    return {
        "title": "newsscan corpus",
        "description": "Articles, entities, dates, quotes, claims and stories exported by newsscan.",
        "databases": {name: {"tables": tables, "queries": QUERIES}},
    }


def metadata_path(db_path: str) -> str:
    """The default metadata file: beside the database, `corpus.db` -> `corpus.metadata.json`."""
    return os.path.splitext(db_path)[0] + ".metadata.json"


def write_metadata(db_path: str, path: str | None = None) -> str:
    path = path or metadata_path(db_path)
    write_text(path, json.dumps(metadata(db_path), ensure_ascii=False, indent=2) + "\n")
    return path
