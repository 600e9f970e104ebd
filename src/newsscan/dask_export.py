"""`export --parquet DIR --scheduler ADDRESS`: the article-level tables written by the workers, one part per
partition (`DIR/<table>/part-00007.parquet`), with no gather of the records on the client.

    pass 1 (workers)  analyze each partition; the records stay on the worker; send back per article only
                      the names it mentions (canonical, label) and its StoryInput (the body cut to the lead)
    client            corpus-wide names (`merge_corpus`) and stories (`group_stories`) from those summaries,
                      the stories' candidate blocks scored as tasks (`dask_backend.block_scorer`)
    pass 2 (workers)  each partition writes its rows of articles, boilerplate, mentions, dates, quotes and
                      claims (names and story ids known now) and returns its row counts and the partial
                      entity and source aggregates; the multi-article stories are compared (`compare_story`)
                      in tasks that take the partitions holding their articles, worker to worker
    client            writes the corpus-level tables (entities, sources, stories, story_articles, the five
                      diff tables, problems) from those small results

Two passes because the article rows carry corpus-level values (a mention's corpus-wide name, an article's
story) that need every article's names first. The tables read back (`pandas.read_parquet(DIR/<table>)`)
equal those of a local `export --parquet`, which writes the same layout with one part per table. The result
cache is not read or written on this path (the records never come to the client that owns it).
"""
from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .records import Issue
from .settings import Settings

ARTICLE_TABLES = ("articles", "boilerplate", "mentions", "dates", "quotes", "claims")
STORIES_PER_TASK = 16  # multi-article stories compared in one task


@dataclass(frozen=True, slots=True)
class Name:
    """What `merge_corpus` reads of a mention."""

    canonical: str
    label: str


@dataclass(frozen=True)
class Written:
    """What `export_parquet` did: the parts and files written, the articles analyzed, the problems."""

    files: tuple[str, ...]
    paths: tuple[str, ...]  # the analyzed articles' paths, in corpus order
    issues: list[Issue] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)  # rows per table


# ---------------------------------------------------------------- worker side

def summaries(results: list) -> list:
    """Pass 1, per partition: each article's (id, path, names, StoryInput) or its Issue."""
    from .stories import LEAD_CHARS, story_input

    out: list[Any] = []
    for r in results:
        if isinstance(r, Issue):
            out.append(r)
            continue
        names = tuple(Name(m.canonical, m.label) for m in r.entities)  # each mention: labels are counted
        item = story_input(r)
        out.append((r.article.id, r.article.path, names, replace(item, body=item.body[:LEAD_CHARS])))
    return out


def partial_run(results: list, canonical: dict[str, str], story_of: dict[str, str]):
    """An `api.Run` over one partition's results, with the corpus-wide names and story ids given."""
    from .api import Run

    run = Run(results=[r for r in results if not isinstance(r, Issue)])
    run.__dict__.update(canonical=canonical, story_of=story_of, stories=[])
    return run


def write_partition(results: list, folder: str, index: int, offset: int, canonical: dict[str, str],
                    story_of: dict[str, str]) -> dict[str, Any]:
    """Pass 2, per partition: its parts of the article-level tables; returns row counts and the partial
    entity and source aggregates (small: one entry per name the partition mentions)."""
    from . import api
    from .export import ROWS, TABLES, Corpus, table_rows, write_part

    run = partial_run(results, canonical, story_of)
    corpus = Corpus(run)
    counts = {}
    for table in TABLES:
        if table.name not in ARTICLE_TABLES:
            continue
        # an article's position counts over the whole corpus, not its partition
        rows = _shifted(ROWS["articles"], offset) if table.name == "articles" else None
        rs = table_rows(table, corpus, rows)
        write_part(rs, folder, index)
        counts[table.name] = len(rs.rows)
    return {"rows": counts, "entities": list(api.entity_rows(run)), "sources": api.source_agg(run)}


def _shifted(rows, offset: int):
    def shifted(c):
        for row in rows(c):
            yield {**row, "position": row["position"] + offset}

    return shifted


def compare(stories: list, *parts: list) -> list[dict[str, Any]]:
    """The diff document's entries of `stories` (each with more than one article), from the partitions
    holding their articles."""
    from .compare import compare_story

    by_path = {r.article.path: r for part in parts for r in part if not isinstance(r, Issue)}
    return [compare_story(s, by_path).to_dict() for s in stories]


# ---------------------------------------------------------------- client side

@dataclass(frozen=True, slots=True)
class _Analyzed:
    """An analyzed article as the closing line counts it (its path only: the records stayed on a worker)."""

    article: Any


@dataclass(frozen=True, slots=True)
class _Path:
    path: str


def finished_run(done: Written):
    """An `api.Run` of the articles' paths and the problems only, for the CLI's problem and closing lines."""
    from .api import Run

    return Run(results=[_Analyzed(_Path(p)) for p in done.paths], issues=list(done.issues))


def export_parquet(paths: Sequence[str], folder: str, *, scheduler: str, text_column: str | None = None,
                   settings: Settings | None = None) -> Written:
    """Analyzes `paths` on the cluster at `scheduler` and writes every table into `folder` (see above)."""
    from . import export
    from .analysis import analyze_batch, code_version
    from .backends import batched_by_size, guarded
    from .dask_backend import DaskBackend, block_scorer, run_batch
    from .loader import expand_paths, iter_files
    from .tables import validate_user_tables

    settings = settings or Settings.from_env()
    validate_user_tables(settings.tables)
    files, issues = expand_paths(paths)
    with DaskBackend(scheduler, expect_version=code_version()) as backend:
        # the workers read the files unless the user's tables must be read with them (read here then)
        read = None if settings.tables else backend.file_reader(files, text_column)

        def articles():
            for item in iter_files(files, text_column=text_column, folders=settings.tables,
                                   max_chars=settings.max_chars, read=read):
                if isinstance(item, Issue):
                    issues.append(item)
                else:
                    yield item

        client = backend.connected()
        fn = guarded(functools.partial(analyze_batch, settings=settings))
        # each partition sent on as soon as it is read: the client keeps no article
        batches = batched_by_size(articles(), lambda a: len(a.body), settings.batch_articles,
                                  settings.batch_chars)
        parts = [client.submit(run_batch, fn, batch, pure=False) for batch in batches]
        firsts = client.gather(client.map(summaries, parts, pure=False))
        done = _corpus_level(firsts, issues, block_scorer(client))
        export.prepare(folder)
        written = _second_pass(client, parts, firsts, done, folder)
        client.cancel(parts)
    return written


@dataclass
class _Corpus:
    """What the client knows of the corpus after pass 1: small, per article or per name."""

    ids: dict[str, str]  # path -> article id, in corpus order
    outlets: dict[str, str]
    canonical: dict[str, str]
    stories: list
    issues: list[Issue]


def _corpus_level(firsts: list[list], issues: list[Issue], score=None) -> _Corpus:
    from .entities import merge_corpus
    from .stories import group_stories

    ok = [s for part in firsts for s in part if not isinstance(s, Issue)]
    issues = issues + [s for part in firsts for s in part if isinstance(s, Issue)]
    canonical = merge_corpus([names for _, _, names, _ in ok])
    items = [replace(item, entities=tuple(sorted({canonical.get(e, e) for e in item.entities})))
             for _, _, _, item in ok]
    return _Corpus(ids={path: aid for aid, path, _, _ in ok}, outlets={it.path: it.outlet for it in items},
                   canonical=canonical, stories=group_stories(items, score), issues=issues)


def _second_pass(client, parts: list, firsts: list[list], done: _Corpus, folder: str) -> Written:
    [names] = client.scatter([done.canonical], broadcast=True)
    story_of = {p: s.id for s in done.stories for p in s.articles}
    where = {}
    offsets, offset = [], 0
    for n, part in enumerate(firsts):
        offsets.append(offset)
        for s in part:
            if not isinstance(s, Issue):
                where[s[1]] = n
                offset += 1
    tasks = [client.submit(write_partition, part, folder, n, offsets[n], names,
                           {s[1]: story_of[s[1]] for s in firsts[n] if not isinstance(s, Issue)}, pure=False)
             for n, part in enumerate(parts)]
    multi = [s for s in done.stories if len(s.articles) > 1]
    diffs = []
    for k in range(0, len(multi), STORIES_PER_TASK):
        chunk = multi[k:k + STORIES_PER_TASK]
        held = sorted({where[p] for s in chunk for p in s.articles})
        diffs.append(client.submit(compare, chunk, *[parts[n] for n in held], pure=False))
    metas = client.gather(tasks)
    doc = {"stories": [entry for chunk in client.gather(diffs) for entry in chunk]}
    rows = Counter()
    for m in metas:
        rows.update(m["rows"])
    rows.update(_write_corpus_tables(folder, done, doc, metas))
    return Written(files=tuple(sorted(os.path.join(folder, t) for t in rows)), paths=tuple(done.ids),
                   issues=done.issues, rows=dict(rows))


def _write_corpus_tables(folder: str, done: _Corpus, doc: dict, metas: list[dict]) -> dict[str, int]:
    from . import api
    from .export import TABLES, Corpus, table_rows, write_part

    run = api.Run(results=[], issues=done.issues)
    run.__dict__.update(canonical=done.canonical, stories=done.stories)
    corpus = Corpus(run)
    corpus.__dict__.update(ids=done.ids, diff=doc, outlets=done.outlets)
    entities = merge_entity_rows([m["entities"] for m in metas])
    sources = api.source_rows_from(api.merge_source_aggs([m["sources"] for m in metas]))
    counts = {}
    for table in TABLES:
        if table.name in ARTICLE_TABLES:
            continue
        # the names and sources merged from the partitions' aggregates, not recounted from records
        rows = {"entities": _with_ids(entities, "entity"), "sources": _with_ids(sources, "source")}
        rs = table_rows(table, corpus, rows.get(table.name))
        write_part(rs, folder, 0)
        counts[table.name] = len(rs.rows)
    return counts


def _with_ids(rows: list[dict], kind: str):
    from .export import _entity_id, _source_id

    def rows_fn(_corpus):
        for r in rows:
            rid = _entity_id(r["name"], r["label"]) if kind == "entity" else _source_id(r["name"])
            yield {"id": rid, **r}

    return rows_fn


def merge_entity_rows(parts: list[list[dict]]) -> list[dict]:
    """`api.entity_rows` of the whole corpus from those of its partitions (counts added, lists joined)."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for rows in parts:
        for r in rows:
            e = merged.setdefault((r["name"], r["label"]), {"name": r["name"], "label": r["label"],
                                                            "mentions": 0, "outlets": set(), "aliases": set(),
                                                            "roles": set(), "paths": set()})
            e["mentions"] += r["mentions"]
            for k in ("outlets", "aliases", "roles", "paths"):
                e[k].update(r[k])
    out = [{"name": e["name"], "label": e["label"], "mentions": e["mentions"], "articles": len(e["paths"]),
            "outlets": sorted(e["outlets"]), "aliases": sorted(e["aliases"]), "roles": sorted(e["roles"]),
            "paths": sorted(e["paths"])} for e in merged.values()]
    out.sort(key=lambda e: (-e["mentions"], e["name"], e["label"]))
    return out
