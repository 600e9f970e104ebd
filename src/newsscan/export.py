"""The corpus as linked tables: one `Table` spec per record kind, declared once and shared by the SQLite
writer (`exportdb`), the Parquet writer and `Run.to_dataframes()`.

Rows come from `api`'s row functions, so that column names are the JSON keys of the other commands; each row
gets a stable `id` (a hash of the article's id, itself a hash of path and content, and of what the row is),
never an insertion number, so that exporting unchanged input twice gives the same rows. Lists and objects are
stored as JSON text (the same in SQLite, Parquet and the DataFrames).
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from . import api
from .records import ArticleResult, Issue, as_dict


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
    """One table of the export: its columns, keys, indexes, full-text columns and how Datasette shows it."""

    name: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[Corpus], Iterable[dict[str, Any]]]
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


def row_id(*parts: Any) -> str:
    h = hashlib.sha256("\0".join("" if p is None else str(p) for p in parts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]


@dataclass
class Corpus:
    """A run seen as tables: each article's id by path, the diff document (made once for its five tables)."""

    run: api.Run

    @functools.cached_property
    def ids(self) -> dict[str, str]:
        return {r.article.path: r.article.id for r in self.run.results}

    @functools.cached_property
    def diff(self) -> dict[str, Any]:
        return api.diff_document(self.run)

    @functools.cached_property
    def outlets(self) -> dict[str, str]:
        return {r.article.path: r.article.outlet for r in self.run.results}


class _Ids:
    """Row ids from content; a second row with the same content gets its occurrence number too."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, *parts: Any) -> str:
        rid = row_id(*parts)
        n = self.seen.get(rid, 0)
        self.seen[rid] = n + 1
        return rid if n == 0 else row_id(*parts, n)


# ---------------------------------------------------------------- rows per table

_ARTICLE_SKIP = ("boilerplate", "paragraphs")


def _article_rows(c: Corpus) -> Iterable[dict[str, Any]]:
    summary, _ = api.summary_rows(c.run)
    for n, (r, s) in enumerate(zip(c.run.results, summary, strict=False)):
        row = {k: v for k, v in as_dict(r.article).items() if k not in _ARTICLE_SKIP}
        row.update(position=n, words=s["words"], paragraphs=s["paragraphs"], quotes=s["quotes"],
                   claims=s["claims"], story=s["story"], reference_date=as_dict(r.reference_date))
        yield row


def _per_article(c: Corpus, rows: Sequence[dict[str, Any]], key: Sequence[str]) -> Iterable[dict[str, Any]]:
    """Rows of a per-article table (in the order of the articles, then of the records) with their article's
    id, their number in the article and an id from the article and `key`."""
    ids = _Ids()
    number: dict[str, int] = {}
    for row in rows:
        aid = c.ids[row["path"]]
        n = number.get(aid, 0)
        number[aid] = n + 1
        yield {"id": ids(aid, *(row.get(k) for k in key)), "article_id": aid, "n": n, **row}


def _boilerplate_rows(c: Corpus) -> Iterable[dict[str, Any]]:
    rows = [{"path": r.article.path, "line": b.line, "text": b.text, "reason": b.reason}
            for r in c.run.results for b in r.article.boilerplate]
    return _per_article(c, rows, ("line", "reason", "text"))


def _entity_id(name: str | None, label: str | None) -> str:
    return row_id("entity", name, label)


def _source_id(name: str | None) -> str | None:
    return row_id("source", name) if name else None


def _entity_rows(c: Corpus) -> Iterable[dict[str, Any]]:
    for e in api.entity_rows(c.run):
        yield {"id": _entity_id(e["name"], e["label"]), **e}


def _mention_rows(c: Corpus) -> Iterable[dict[str, Any]]:
    for row in _per_article(c, api.mention_rows(c.run), ("start", "end", "label", "text")):
        yield {**row, "entity_id": _entity_id(row["canonical"], row["label"])}


def _date_rows(c: Corpus) -> Iterable[dict[str, Any]]:
    return _per_article(c, api.date_rows(c.run), ("start", "end", "value", "text"))


def _quote_rows(c: Corpus) -> Iterable[dict[str, Any]]:
    cues = [q.cue for r in c.run.results for q in r.quotes]
    rows = [{**q, "cue": cue} for q, cue in zip(api.quote_rows(c.run), cues, strict=False)]
    for row in _per_article(c, rows, ("start", "end", "kind", "text")):
        yield {**row, "source_id": _source_id(row["speaker"])}


def _source_rows(c: Corpus) -> Iterable[dict[str, Any]]:
    for s in api.source_rows(c.run):
        yield {"id": _source_id(s["name"]), **s}


def _claim_rows(c: Corpus) -> Iterable[dict[str, Any]]:
    return _per_article(c, api.claim_rows(c.run), ("start", "end", "kind", "text"))


def _story_rows(c: Corpus) -> Iterable[dict[str, Any]]:
    outlet = c.outlets
    for n, s in enumerate(c.run.stories):
        yield {"id": s.id, "position": n, "title": s.title, "articles": len(s.articles),
               "outlets": sorted({outlet[p] for p in s.articles})}


def _story_article_rows(c: Corpus) -> Iterable[dict[str, Any]]:
    for s in c.run.stories:
        for n, p in enumerate(s.articles):
            yield {"id": row_id("story", s.id, c.ids[p]), "story": s.id, "article_id": c.ids[p], "path": p,
                   "n": n}


def _problem_rows(c: Corpus) -> Iterable[dict[str, Any]]:
    ids = _Ids()
    for n, issue in enumerate(c.run.issues):
        row = {"position": n, "type": type(issue).__name__, **as_dict(issue)}
        yield {"id": ids(row["type"], issue.path, issue.reason), **row}


def _diff_rows(kind: str) -> Callable[[Corpus], Iterable[dict[str, Any]]]:
    """The items of one kind of the diff: `api.diff_rows`'s columns, plus each side's article and offsets."""

    def rows(c: Corpus) -> Iterable[dict[str, Any]]:
        doc = api.diff_only(c.diff, [kind])
        items = [item for s in doc["stories"] for item in s.get(kind) or ()]
        ids = _Ids()
        for row, item in zip(api.diff_rows(doc), items, strict=False):
            extra: dict[str, Any] = {}
            for side in ("a", "b"):
                got = item.get(side) or {}
                extra[f"{side}_article_id"] = c.ids.get(got["path"]) if got else None
                extra[f"{side}_start"] = got.get("start")
                extra[f"{side}_end"] = got.get("end")
                extra[f"{side}_in_title"] = bool(got.get("in_title"))
            # the two sides sorted: which one is `a` follows the order of the input, the item does not
            sides = sorted((str(row[f"{s}_path"]), str(extra[f"{s}_start"]),
                            str(extra[f"{s}_end"])) for s in "ab")
            yield {"id": ids(row["story"], kind, row["what"], *sides[0], *sides[1]), **row, **extra}

    return rows


# ---------------------------------------------------------------- the tables

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
    _article_rows, (ForeignKey("story", "stories"),), ("outlet", "published", "story", "text_hash"),
    ("title", "body"), ("outlet", "published", "source_format"), "position", "title")

BOILERPLATE = Table(
    "boilerplate", "Lines boilerplate removal took out of each article, and why.",
    _cols(_ID, _ART, _N, "path", ("line", "int", "0-based line in the raw text"), "text",
          ("reason", "text", "the boilerplate pattern's name")),
    _boilerplate_rows, (ForeignKey("article_id", "articles"),), ("article_id", "reason"), (), ("reason",))

ENTITIES = Table(
    "entities", "People, organisations and places, one row per canonical name and label across the corpus.",
    _cols(_ID, "name", ("label", "text", "PERSON | ORG | LOC"), ("mentions", "int"), ("articles", "int"),
          ("outlets", "json"), ("aliases", "json"), ("roles", "json"), ("paths", "json")),
    _entity_rows, (), ("name", "label"), (), ("label",), "name", "name", ("outlets", "roles"))

MENTIONS = Table(
    "mentions", "Each entity mention in an article body.",
    _cols(_ID, _ART, ("entity_id", "text", "entities.id"), _N, "path", "text", "canonical", "label", "role",
          *_SPAN),
    _mention_rows, (ForeignKey("article_id", "articles"), ForeignKey("entity_id", "entities")),
    ("article_id", "entity_id", "canonical", "label"), (), ("label",))

DATES = Table(
    "dates", "Temporal expressions with their ISO value (relative ones resolved against the article's date).",
    _cols(_ID, _ART, _N, "path", "outlet", "text", ("value", "text", "ISO/TIMEX3-like value"), "granularity",
          "kind", *_SPAN, "sentence"),
    _date_rows, (ForeignKey("article_id", "articles"),), ("article_id", "value", "outlet"), (),
    ("outlet", "granularity", "kind"), "value")

QUOTES = Table(
    "quotes", "Direct, partial and indirect quotes with their speaker, role and medium.",
    _cols(_ID, _ART, ("source_id", "text", "sources.id (null: speaker unknown)"), _N, "path", "outlet",
          ("kind", "text", "direct | partial | indirect"), "text", "speaker", "speaker_role",
          ("speaker_type", "text", "person | organisation | anonymous | document | unknown"),
          ("via", "text", "the medium the words came through"), ("anonymous", "bool"), ("unclosed", "bool"),
          *_SPAN, ("cue", "text", "the attribution words")),
    _quote_rows, (ForeignKey("article_id", "articles"), ForeignKey("source_id", "sources")),
    ("article_id", "source_id", "speaker", "outlet", "kind", "anonymous"), ("text", "speaker"),
    ("outlet", "speaker", "kind", "speaker_type"))

SOURCES = Table(
    "sources", "Who is quoted: one row per speaker across the corpus.",
    _cols(_ID, "name", "type", ("roles", "json"), ("quotes", "int"), ("outlets", "json"), ("articles", "int"),
          "first_quote", "first_date", "last_quote", "last_date"),
    _source_rows, (), ("name", "type"), (), ("type",), "name", "name", ("outlets", "roles"))

CLAIMS = Table(
    "claims", "Check-worthy statements: quantities, events with place or time, attributed statements.",
    _cols(_ID, _ART, _N, "path", "outlet", "text", ("subjects", "json"), "predicate", ("quantities", "json"),
          ("places", "json"), ("dates", "json"), "speaker", "modality", "polarity", "kind", *_SPAN),
    _claim_rows, (ForeignKey("article_id", "articles"),), ("article_id", "outlet", "kind", "speaker"), (),
    ("outlet", "kind", "modality"))

STORIES = Table(
    "stories", "Articles about the same event across outlets.",
    _cols(_ID, ("position", "int"), "title", ("articles", "int"), ("outlets", "json")),
    _story_rows, (), (), (), (), "position", "title", ("outlets",))

STORY_ARTICLES = Table(
    "story_articles", "Which article belongs to which story.",
    _cols(_ID, ("story", "text", "stories.id"), _ART, "path", ("n", "int",
                                                               "the article's number in its story")),
    _story_article_rows, (ForeignKey("story", "stories"), ForeignKey("article_id", "articles")),
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
    _problem_rows, (), ("path", "severity", "type"), (), ("severity", "type"), "position")


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
        _diff_rows(kind), (ForeignKey("story", "stories"), ForeignKey("a_article_id", "articles"),
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


def _kind(values: Sequence[Any]) -> str:
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


def table_rows(table: Table, corpus: Corpus) -> Rowset:
    dicts = list(table.rows(corpus))
    known = set(table.names)
    extra = list(dict.fromkeys(k for d in dicts for k in d if k not in known))
    columns = table.columns + tuple(Column(k, _kind([d.get(k) for d in dicts])) for k in extra)
    rows = [tuple(cell(c.kind, d.get(c.name)) for c in columns) for d in dicts]
    return Rowset(replace(table, columns=columns), rows)


def all_rows(run: api.Run) -> dict[str, Rowset]:
    corpus = Corpus(run)
    return {t.name: table_rows(t, corpus) for t in TABLES}


# ---------------------------------------------------------------- Arrow, pandas, Parquet

_ARROW = {"text": "string", "json": "string", "int": "int64", "float": "float64", "bool": "bool_"}


def arrow_tables(rowsets: dict[str, Rowset]):
    """One pyarrow Table per export table, with the spec's column types."""
    import pyarrow as pa

    out = {}
    for name, rs in rowsets.items():
        fields = [pa.field(c.name, getattr(pa, _ARROW[c.kind])()) for c in rs.table.columns]
        arrays = [pa.array([r[i] for r in rs.rows], type=f.type) for i, f in enumerate(fields)]
        out[name] = pa.Table.from_arrays(arrays, schema=pa.schema(fields))
    return out


def dataframes(run: api.Run) -> dict[str, Any]:
    """`Run.to_dataframes()`: a pandas DataFrame per table, keyed like the Parquet files, equal to what
    `write_parquet` writes (both go through the same Arrow tables)."""
    return {name: t.to_pandas() for name, t in arrow_tables(all_rows(run)).items()}


def write_parquet(rows: dict[str, Rowset], folder: str) -> list[str]:
    """Each table as a Parquet dataset in `folder` (made if missing): `<table>/part-00000.parquet`, the layout
    the workers of `--scheduler` write in parts (`dask_export`), read back alike by
    `pandas.read_parquet(folder/<table>)` and `pyarrow.dataset.dataset(...)`. Returns the table folders."""
    from .dask_export import prepare

    prepare(folder)
    return [os.path.dirname(write_part(rs, folder, 0)) for rs in rows.values()]


def write_part(rs: Rowset, folder: str, index: int) -> str:
    """`folder/<table>/part-<index>.parquet`, written to a temporary name and renamed, so that a reader never
    sees half a file. Returns its path."""
    import pyarrow.parquet as pq

    name = rs.table.name
    os.makedirs(os.path.join(folder, name), exist_ok=True)
    path = os.path.join(folder, name, f"part-{index:05d}.parquet")
    tmp = os.path.join(folder, name, f".part-{index:05d}.parquet.tmp")
    try:
        pq.write_table(arrow_tables({name: rs})[name], tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return path


def merge_results(old: Sequence[tuple[ArticleResult, str]], new: api.Run, old_issues: Sequence[Issue] = ()
                  ) -> api.Run:
    """A run over the articles of an earlier export (`old`: results with their cache keys) and those of `new`:
    an article of `new` replaces the earlier one of the same path, or of the same text under another name,
    in its place; the others of `new` come after. Corpus-level results are computed over the whole. The
    earlier problems stay, but those of a file `new` read again, which `new` reports afresh."""
    by_path = {r.article.path: (r, k) for r, k in zip(new.results, new.keys, strict=False)}
    texts = {r.article.text_hash: r.article.path for r in new.results}
    merged: list[tuple[ArticleResult, str]] = []
    placed: set[str] = set()
    old_paths: set[str] = set()
    for r, k in old:
        if r.article.path in old_paths:  # the same article in two earlier exports: the first is kept
            continue
        old_paths.add(r.article.path)
        path = r.article.path if r.article.path in by_path else texts.get(r.article.text_hash)
        if path is None:
            merged.append((r, k))
        elif path not in placed:
            placed.add(path)
            merged.append(by_path[path])
    merged += [by_path[p] for p in by_path if p not in placed]
    return api.Run(results=[r for r, _ in merged], issues=_merge_issues(old_issues, new), files=new.files,
                   notices=list(new.notices), cached=new.cached, cache_dir=new.cache_dir,
                   keys=[k for _, k in merged])


def _merge_issues(old: Sequence[Issue], new: api.Run) -> list[Issue]:
    read = {api.source_file(p) for p in [a.path for a in new.articles] + [i.path for i in new.issues]}
    kept = [i for i in dict.fromkeys(old) if api.source_file(i.path) not in read]
    return kept + list(new.issues)


# ---------------------------------------------------------------- the command

@dataclass(frozen=True)
class Exported:
    """What one export wrote: the run over the whole database, the files, what changed per table."""

    run: api.Run
    db: str | None = None
    metadata: str | None = None
    parquet: tuple[str, ...] = ()
    changes: dict[str, Any] = field(default_factory=dict)


def _records(run: api.Run) -> list[tuple]:
    from .exportdb import record_json

    return [(r.article.id, n, k, record_json(r)) for n, (r, k) in enumerate(zip(run.results, run.keys,
                                                                                strict=False))]


def _meta(run: api.Run) -> dict[str, str]:
    from . import __version__
    from .analysis import pipeline_version

    stories = json.dumps(as_dict(list(run.stories)), ensure_ascii=True, sort_keys=True)
    return {"stories": stories, "newsscan": __version__, "pipeline": pipeline_version()}


def export(run: api.Run, *, db: str | None = None, metadata: str | None = None,
           parquet: str | None = None) -> Exported:
    """Writes `run` into the database `db` (its articles added to those of an earlier export, an article of
    the same path or text replaced; corpus-level tables made over the whole), the Datasette metadata beside it
    (or at `metadata`), and the Parquet files into the folder `parquet`."""
    from .exportdb import is_export, locked, read_export, write_export
    from .exportmeta import write_metadata

    if not db:
        return Exported(run, parquet=tuple(write_parquet(all_rows(run), parquet)) if parquet else ())
    with locked(db):
        if os.path.exists(db) and is_export(db):
            stored = read_export(db)
            run = merge_results(stored.results, run, stored.issues)
        rows = all_rows(run)
        changes = write_export(db, rows, _records(run), _meta(run))
    meta_path = write_metadata(db, metadata)
    written = tuple(write_parquet(rows, parquet)) if parquet else ()
    return Exported(run, db, meta_path, written, changes)


def with_exports(run: api.Run, dbs: Sequence[str]) -> api.Run:
    """`run` (the other inputs' analysis) after the articles stored in the exported databases `dbs`, as
    `export` merges them; a run of one database alone keeps the story grouping it was exported with."""
    from .exportdb import read_export

    stored = [read_export(p) for p in dbs]
    old = [item for s in stored for item in s.results]
    merged = merge_results(old, run, [i for s in stored for i in s.issues])
    if len(stored) == 1 and not run.results and stored[0].stories is not None:
        merged.__dict__["stories"] = list(stored[0].stories)
    return merged


def written_lines(done: Exported) -> list[str]:
    """What the export wrote, for stderr: the database with the rows added, changed and removed."""
    lines = []
    if done.db:
        n = [sum(getattr(c, k) for c in done.changes.values()) for k in ("inserted", "updated", "deleted")]
        lines.append(f"wrote {done.db} ({len(done.run.results)} articles; "
                     f"rows: {n[0]} added, {n[1]} changed, "
                     f"{n[2]} removed); browse: datasette {done.db} -m {done.metadata}")
    if done.parquet:
        lines.append(f"wrote {len(done.parquet)} Parquet tables into {os.path.dirname(done.parquet[0])}")
    return lines
