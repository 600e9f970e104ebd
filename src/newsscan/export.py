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
from .exportdb import is_export, locked, read_export, record_json, write_export
from .exportmeta import write_metadata
from .exportschema import TABLES, Column, Rowset, Table, cell, column_kind
from .records import ArticleResult, Issue, as_dict


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


# table name -> the function that makes its rows (the tables themselves: exportschema.TABLES)
ROWS: dict[str, Callable[[Corpus], Iterable[dict[str, Any]]]] = {
    "articles": _article_rows, "boilerplate": _boilerplate_rows, "entities": _entity_rows,
    "mentions": _mention_rows, "dates": _date_rows, "quotes": _quote_rows, "sources": _source_rows,
    "claims": _claim_rows, "stories": _story_rows, "story_articles": _story_article_rows,
    **{kind: _diff_rows(kind) for kind in ("conflicts", "updates", "agreements", "only", "shared_quotes")},
    "problems": _problem_rows,
}


def table_rows(table: Table, corpus: Corpus,
               rows: Callable[[Corpus], Iterable[dict[str, Any]]] | None = None) -> Rowset:
    """The table's rows over `corpus`, made by `rows` (by default its function in `ROWS`)."""
    dicts = list((rows or ROWS[table.name])(corpus))
    known = set(table.names)
    extra = list(dict.fromkeys(k for d in dicts for k in d if k not in known))
    columns = table.columns + tuple(Column(k, column_kind([d.get(k) for d in dicts])) for k in extra)
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
    prepare(folder)
    return [os.path.dirname(write_part(rs, folder, 0)) for rs in rows.values()]


def prepare(folder: str) -> None:
    """Parts of an earlier export into `folder` (more partitions than this one) would be read back with this
    one's: each table's folder is emptied of parts first."""
    for table in TABLES:
        d = os.path.join(folder, table.name)
        for name in sorted(os.listdir(d)) if os.path.isdir(d) else ():
            if name.startswith("part-") and name.endswith(".parquet"):
                os.remove(os.path.join(d, name))


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
                   keys=[k for _, k in merged], settings=new.settings)


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
    return [(r.article.id, n, k, record_json(r)) for n, (r, k) in enumerate(zip(run.results, run.keys,
                                                                                strict=False))]


def _meta(run: api.Run) -> dict[str, str]:
    from . import __version__
    from .analysis import pipeline_version

    stories = json.dumps(as_dict(list(run.stories)), ensure_ascii=True, sort_keys=True)
    return {"stories": stories, "newsscan": __version__, "pipeline": pipeline_version(run.settings)}


def export(run: api.Run, *, db: str | None = None, metadata: str | None = None,
           parquet: str | None = None) -> Exported:
    """Writes `run` into the database `db` (its articles added to those of an earlier export, an article of
    the same path or text replaced; corpus-level tables made over the whole), the Datasette metadata beside it
    (or at `metadata`), and the Parquet files into the folder `parquet`."""
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
