"""The library behind the commands: `analyze(paths)` runs every layer; one function per command turns the
run into rows. The CLI only parses options, calls one of these and hands the rows to `render`."""
from __future__ import annotations

import functools
import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from .backends import LocalBackend, batched, batched_by_size, default_jobs, guarded
from .cache import open_cache
from .records import ArticleResult, Issue, as_dict
from .settings import Settings
from .tables import using

CHUNK = 1024  # articles looked up in the cache at once (bounds memory between cache and pool)


class Rows(list):
    """A list of plain dict rows that can become a pandas DataFrame. `columns` names the keys of a row, so
    that an empty result still has them (a CSV header, the DataFrame's columns)."""

    def __init__(self, items: Iterable[dict[str, Any]] = (), columns: Sequence[str] = ()):
        super().__init__(items)
        self.columns = tuple(columns)

    def to_dataframe(self):
        import pandas as pd

        if not self:  # the columns of an empty result; a row's own keys otherwise (none is dropped)
            return pd.DataFrame(columns=list(self.columns))
        return pd.DataFrame(list(self))


@dataclass
class Run:
    """What one analysis of a corpus produced."""

    results: list[ArticleResult]
    issues: list[Issue] = field(default_factory=list)
    files: int = 0  # input files listed (after folders and patterns were expanded)
    notices: list[str] = field(default_factory=list)  # about the run itself (a cache that could not be used)
    cached: int = 0  # how many results came from the cache
    cache_dir: str | None = None  # where the cache lives; None: no cache
    keys: list[str] = field(default_factory=list)  # each result's cache key, in order
    settings: Settings = field(default_factory=Settings)  # what the run was made with (its tables folders)

    @property
    def articles(self):
        return [r.article for r in self.results]

    @functools.cached_property
    def canonical(self) -> dict[str, str]:
        """Article-level canonical names -> the corpus-wide form (`Kim Jong-un` -> `Kim Jong Un`)."""
        from .entities import merge_corpus

        with using(self.settings.tables):
            return merge_corpus([list(r.entities) for r in self.results])

    def name(self, canonical: str | None) -> str | None:
        return self.canonical.get(canonical, canonical) if canonical else canonical

    @functools.cached_property
    def stories(self):
        """Stories across the corpus; a cached run over an unchanged corpus reads the grouping back."""
        import hashlib

        from .stories import group_stories, story_input

        def group():
            with using(self.settings.tables):
                return group_stories([story_input(r, self.canonical) for r in self.results])

        if self.cache_dir is None or len(self.keys) != len(self.results):
            return group()
        h = hashlib.sha256()
        for r, k in zip(self.results, self.keys, strict=False):
            h.update(f"{r.article.path}\0{k}\n".encode("utf-8", "surrogatepass"))
        key = "stories:" + h.hexdigest()
        cache, _ = open_cache(self.cache_dir)
        if cache is None:
            return group()
        try:
            stories = cache.get_corpus(key)
            if stories is None:
                stories = group()
                cache.put_corpus(key, stories)
        except sqlite3.Error:  # the cache went read-only since the run: the grouping is only not kept
            stories = group()
        finally:
            cache.close()
        return stories

    @functools.cached_property
    def story_of(self) -> dict[str, str]:
        return {p: s.id for s in self.stories for p in s.articles}

    @property
    def claims(self) -> Rows:
        return claim_rows(self)

    @property
    def quotes(self) -> Rows:
        return quote_rows(self)

    def to_dataframes(self) -> dict[str, Any]:
        """A pandas DataFrame per table of `newsscan export` (`articles`, `quotes`, ...), equal to the Parquet
        files it writes."""
        from .export import dataframes

        return dataframes(self)


class Progress(Protocol):
    """What `analyze` reports while it runs (the CLI's progress bar)."""

    def listed(self, files: int) -> None: ...  # the inputs are listed: how many files will be read

    def loading(self) -> None: ...  # the spaCy pipeline is being loaded (first articles to analyze)

    def advance(self, articles: int, files_done: int) -> None: ...  # articles done; files wholly done


class _Ticks:
    """A plain `progress(n)` callable (the earlier interface) seen as a `Progress`."""

    def __init__(self, tick: Callable[[int], None]):
        self.tick = tick

    def listed(self, files: int) -> None:
        pass

    def loading(self) -> None:
        pass

    def advance(self, articles: int, files_done: int) -> None:
        self.tick(articles)


_SETTINGS = object()  # `max_chars` not given: the settings' own


def analyze(paths: Sequence[str], *, jobs: int | None = None, use_cache: bool = True,
            cache_dir: str | None = None, text_column: str | None = None,
            progress: Progress | Callable[[int], None] | None = None, max_chars: Any = _SETTINGS,
            scheduler: str | None = None, settings: Settings | None = None) -> Run:
    """Loads every article under `paths` and runs all layers. Bad inputs become `Run.issues` (a body longer
    than `max_chars` characters is one, by default `settings.max_chars`; None: no limit); results keep the
    loader's order whatever `jobs` is. A cache that cannot be opened or written is left out (the run goes on
    without it and `Run.notices` says why). `settings` (None: `Settings.from_env()`, the tables
    NEWSSCAN_TABLES names) gives the user's tables, checked first (a bad one raises `DataTableError`), and the
    limits.
    `scheduler`: a Dask scheduler's address, or `local:N` (a LocalCluster of N processes on this machine),
    runs the per-article work there instead of `jobs` local processes; the results are the same, in the same
    order."""
    from .analysis import pipeline_version
    from .cache import FileCache, open_cache
    from .loader import expand_paths, iter_files

    settings = _checked_settings(settings, max_chars)
    if progress is not None and not hasattr(progress, "advance"):
        progress = _Ticks(progress)
    run = Run(results=[], settings=settings)
    files, run.issues = expand_paths(paths)
    files, exports = _exported(files)
    run.files = len(files)
    if progress:
        progress.listed(len(files))
    cache, why = open_cache(cache_dir) if use_cache else (None, None)
    if why:
        run.notices.append(why)
    version = pipeline_version(settings)
    file_cache = FileCache(cache, version) if cache else None

    backend = _backend(jobs, scheduler, settings)

    def articles():  # runs inside `with backend`: a cluster may read (and clean) the files itself
        # the cluster's file reader knows the packaged tables alone: with the user's, the files are read here
        remote = hasattr(backend, "file_reader") and not settings.tables
        read = backend.file_reader(files, text_column) if remote else None
        for item in iter_files(files, text_column=text_column, folders=settings.tables, file_cache=file_cache,
                               max_chars=settings.max_chars, read=read):
            if isinstance(item, Issue):
                run.issues.append(item)
            else:
                yield item

    try:
        cache = _analyze_into(run, articles(), cache, version, backend, progress, files)
    finally:
        if cache is not None:
            try:
                file_cache.flush()
            except sqlite3.Error as exc:
                run.notices.append(f"cache not written ({exc})")
            cache.close()
    run.cache_dir = str(cache.folder) if cache is not None else None
    return _with_exports(run, exports)


def _checked_settings(settings: Settings | None, max_chars: Any) -> Settings:
    """The run's settings (None: the environment's, read here at the edge), with `max_chars` when it is given;
    the user's tables checked (a bad one raises DataTableError)."""
    from dataclasses import replace

    from .tables import validate_user_tables

    settings = settings or Settings.from_env()
    if max_chars is not _SETTINGS:
        settings = replace(settings, max_chars=max_chars)
    validate_user_tables(settings.tables)
    return settings


def _exported(files: list[str]) -> tuple[list[str], list[str]]:
    """(files to read, databases written by `newsscan export`): a database is read back, not analysed."""
    from .exportdb import is_export

    exports = [f for f in files if f.lower().endswith(_DB_EXTS) and is_export(f)]
    return [f for f in files if f not in exports], exports


_DB_EXTS = (".db", ".sqlite", ".sqlite3")


def _with_exports(run: Run, exports: Sequence[str]) -> Run:
    if not exports:
        return run
    from .export import with_exports

    return with_exports(run, exports)


def _backend(jobs: int | None, scheduler: str | None, settings: Settings):
    """The process pool, or (only when a scheduler is named: nothing of Dask is imported otherwise) a Dask
    cluster's client. The workers receive `settings` with each task (and the pool's at start-up): they run the
    pipeline of its tables."""
    from .analysis import code_version, warm_up

    if scheduler:
        from .dask_backend import DaskBackend

        # the workers must run this code; the user's tables travel with the tasks
        return DaskBackend(scheduler, expect_version=code_version())
    return LocalBackend(jobs or default_jobs(), functools.partial(warm_up, settings))


def _chunk_size(backend, settings: Settings) -> int:
    """Articles handed to the backend at once: CHUNK, or enough to keep every worker of a cluster busy (a
    multiple of CHUNK, so the batches are cut where a local run cuts them)."""
    workers = getattr(backend, "workers", 1)
    return CHUNK * max(1, -(-workers * settings.batch_articles * 4 // CHUNK))


def _analyze_into(run: Run, articles: Iterable, cache, version: str, backend,
                  progress: Progress | None, files: Sequence[str]):
    """Fills `run.results` (cache hits and fresh results, in input order); returns the cache, or None once
    writing to it failed (the rest of the run goes without)."""
    from .analysis import analyze_batch
    from .cache import article_key

    settings = run.settings
    work = functools.partial(analyze_batch, settings=settings)  # pickled to the workers with each task
    file_index = {f: i for i, f in enumerate(files)}
    with backend:
        for chunk in batched(articles, _chunk_size(backend, settings)):
            keys = [article_key(a, version) for a in chunk]
            hits = cache.get_many(keys) if cache else {}
            todo = [a for a, k in zip(chunk, keys, strict=True) if k not in hits]
            if todo and progress and not backend.warm:
                progress.loading()
            tasks = batched_by_size(todo, _body_size, settings.batch_articles, settings.batch_chars)
            done_iter = (r for batch in backend.map(guarded(work), tasks) for r in batch)
            fresh = []
            for a, k in zip(chunk, keys, strict=True):
                if k in hits:
                    # the cache is keyed by content: keep this file's own path and id
                    run.results.append(_with_article(hits[k], a))
                    run.cached += 1
                    run.keys.append(k)
                elif isinstance(r := next(done_iter), Issue):  # its analysis failed: named, the rest goes on
                    run.issues.append(r)
                else:
                    fresh.append((k, r))
                    run.results.append(r)
                    run.keys.append(k)
                if progress:
                    progress.advance(1, file_index.get(source_file(a.path), 0))
            cache = _store(cache, fresh, run)
    if progress:
        progress.advance(0, len(files))  # every file read: the last one is done too
    return cache


def _store(cache, fresh, run: Run):
    if cache is None or not fresh:
        return cache
    try:
        cache.put_many(fresh)
        return cache
    except sqlite3.Error as exc:  # a full disk, a folder made read-only mid-run: go on without the cache
        run.notices.append(f"cache not written ({exc}): running without a cache")
        cache.close()
        return None


def source_file(path: str) -> str:
    """The file an article came from: an export's row `news.jsonl#12` -> `news.jsonl`."""
    return _ROW.sub("", path)


_ROW = re.compile(r"#\d+$")


def _body_size(article) -> int:
    return len(article.body)


def _with_article(result: ArticleResult, article) -> ArticleResult:
    if result.article == article:
        return result
    from dataclasses import replace

    return replace(result, article=article)


# ---------------------------------------------------------------- rows per command

def _top(counter: Counter, n: int) -> list[str]:
    return [k for k, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


SUMMARY_COLUMNS = ("path", "outlet", "published", "title", "words", "paragraphs", "top_entities", "quotes",
                   "people_quoted", "claims", "story")


def summary_rows(run: Run) -> tuple[Rows, dict[str, Any]]:
    rows = Rows(columns=SUMMARY_COLUMNS)
    corpus_entities: Counter = Counter()
    for r in run.results:
        a = r.article
        ents = Counter(run.name(m.canonical) for m in r.entities)
        corpus_entities.update({k: 1 for k in ents})
        people = sorted({run.name(q.speaker) for q in r.quotes if q.speaker and q.speaker_type == "person"})
        rows.append({
            "path": a.path, "outlet": a.outlet, "published": a.published, "title": a.title,
            "words": a.words, "paragraphs": len(a.paragraphs),
            "top_entities": _top(ents, 3), "quotes": len(r.quotes), "people_quoted": people,
            "claims": len(r.claims), "story": run.story_of.get(a.path),
        })
    dates = sorted(r["published"] for r in rows if r["published"])
    summary = {
        "articles": len(rows),
        "outlets": len({r["outlet"] for r in rows if r["outlet"] != "unknown"}),
        "date_range": f"{dates[0]} .. {dates[-1]}" if dates else None,
        "stories": len(run.stories),
        "quotes": sum(r["quotes"] for r in rows),
        "top_entities": _top(corpus_entities, 5),
        "problems": len(run.issues),
    }
    return rows, summary


def article_rows(run: Run) -> Rows:
    """The article records themselves (header fields, clean body, what was removed)."""
    return Rows(as_dict(r.article) for r in run.results)


ENTITY_COLUMNS = ("name", "label", "mentions", "articles", "outlets", "aliases", "roles", "paths")


def entity_rows(run: Run, *, label: str | None = None, min_mentions: int = 1) -> Rows:
    agg: dict[tuple[str, str], dict[str, Any]] = {}
    for r in run.results:
        a = r.article
        for m in r.entities:
            name = run.name(m.canonical)
            e = agg.setdefault((name, m.label), {"name": name, "label": m.label, "mentions": 0,
                                                 "paths": set(), "outlets": set(), "aliases": set(),
                                                 "roles": set()})
            e["mentions"] += 1
            e["paths"].add(a.path)
            e["outlets"].add(a.outlet)
            if m.text != name:
                e["aliases"].add(m.text)
            if m.role:
                e["roles"].add(m.role)
    rows = Rows(columns=ENTITY_COLUMNS)
    for e in agg.values():
        if label and e["label"] != label.upper():
            continue
        if e["mentions"] < min_mentions:
            continue
        rows.append({"name": e["name"], "label": e["label"], "mentions": e["mentions"],
                     "articles": len(e["paths"]), "outlets": sorted(e["outlets"]),
                     "aliases": sorted(e["aliases"]), "roles": sorted(e["roles"]),
                     "paths": sorted(e["paths"])})
    rows.sort(key=lambda e: (-e["mentions"], e["name"], e["label"]))
    return rows


MENTION_COLUMNS = ("path", "text", "canonical", "label", "role", "start", "end")


def mention_rows(run: Run, *, label: str | None = None) -> Rows:
    rows = Rows(columns=MENTION_COLUMNS)
    for r in run.results:
        for m in r.entities:
            if label and m.label != label.upper():
                continue
            rows.append({"path": r.article.path, "text": m.text, "canonical": run.name(m.canonical),
                         "label": m.label, "role": m.role, "start": m.start, "end": m.end})
    return rows


QUOTE_COLUMNS = ("path", "outlet", "kind", "text", "speaker", "speaker_role", "speaker_type", "via",
                 "anonymous", "unclosed", "start", "end")


def speaker_name(run: Run, speaker: str | None, body: str) -> str | None:
    """The corpus-wide name of a quote's speaker where the article writes it, else the article's own form:
    never another article's string (`quotes` and `sources` alike)."""
    name = run.name(speaker)
    return name if name == speaker or (name and name in body) else speaker


def quote_rows(run: Run, *, speaker: str | None = None, outlet: str | None = None,
               kind: str | None = None) -> Rows:
    rows = Rows(columns=QUOTE_COLUMNS)
    for r in run.results:
        a = r.article
        if outlet and outlet.lower() not in a.outlet.lower():
            continue
        for q in r.quotes:
            name = speaker_name(run, q.speaker, a.body)
            if kind and q.kind != kind:
                continue
            if speaker and speaker.lower() not in (name or "").lower():
                continue
            rows.append({"path": a.path, "outlet": a.outlet, "kind": q.kind, "text": q.text,
                         "speaker": name, "speaker_role": q.speaker_role, "speaker_type": q.speaker_type,
                         "via": q.via, "anonymous": q.anonymous, "unclosed": q.unclosed,
                         "start": q.start, "end": q.end})
    return rows


def distinct_roles(roles: Counter) -> list[str]:
    """A source's roles, each once: spellings that differ only in case or spacing count as one (the most
    frequent is kept), and a role whose words all recur in a longer one (`Mensos` beside `Menteri Sosial
    (Mensos)`) gives way to it. Most frequent first; each kept role is a verbatim slice of an article."""
    words = {r: frozenset(re.findall(r"\w+", r.casefold())) for r in roles}
    merged: Counter = Counter()
    spelling: dict[frozenset, str] = {}
    for r, n in sorted(roles.items(), key=lambda kv: (-kv[1], kv[0])):
        spelling.setdefault(words[r], r)
        merged[words[r]] += n
    kept = [w for w in merged if w and not any(w < other for other in merged)]
    total = {w: merged[w] + sum(merged[o] for o in merged if o < w) for w in kept}
    return [spelling[w] for w in sorted(kept, key=lambda w: (-total[w], spelling[w]))]


SOURCE_COLUMNS = ("name", "type", "roles", "quotes", "outlets", "articles", "first_quote", "first_date",
                  "last_quote", "last_date")


def source_rows(run: Run) -> Rows:
    return source_rows_from(source_agg(run))


def source_agg(run: Run) -> dict[str, dict[str, Any]]:
    """Per speaker name: what `source_rows` reports, still as counts (`merge_source_aggs` adds those of
    several runs, in corpus order)."""
    agg: dict[str, dict[str, Any]] = {}
    for r in run.results:
        a = r.article
        for q in r.quotes:
            if not q.speaker:
                continue
            name = speaker_name(run, q.speaker, a.body)
            s = agg.setdefault(name, _new_source(name))
            s["type"][q.speaker_type] += 1
            if q.speaker_role:
                s["roles"][q.speaker_role] += 1
            s["quotes"] += 1
            s["outlets"].add(a.outlet)
            s["paths"].add(a.path)
            _first_last(s, (a.published or "", q.text))
    return agg


def _new_source(name: str) -> dict[str, Any]:
    return {"name": name, "type": Counter(), "roles": Counter(), "quotes": 0, "outlets": set(),
            "paths": set(), "first": None, "last": None}


def _first_last(s: dict[str, Any], seen: tuple[str, str] | None) -> None:
    if seen is None:
        return
    if s["first"] is None or seen[0] < s["first"][0]:
        s["first"] = seen
    if s["last"] is None or seen[0] >= s["last"][0]:  # same day: the later in the corpus
        s["last"] = seen


def merge_source_aggs(parts: Sequence[dict[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """`source_agg` of a corpus from those of its parts, in corpus order."""
    agg: dict[str, dict[str, Any]] = {}
    for part in parts:
        for name, p in part.items():
            s = agg.setdefault(name, _new_source(name))
            s["type"].update(p["type"])
            s["roles"].update(p["roles"])
            s["quotes"] += p["quotes"]
            s["outlets"] |= p["outlets"]
            s["paths"] |= p["paths"]
            _first_last(s, p["first"])
            _first_last(s, p["last"])
    return agg


def source_rows_from(agg: dict[str, dict[str, Any]]) -> Rows:
    rows = Rows(columns=SOURCE_COLUMNS)
    for s in agg.values():
        rows.append({"name": s["name"], "type": _top(s["type"], 1)[0], "roles": distinct_roles(s["roles"]),
                     "quotes": s["quotes"], "outlets": sorted(s["outlets"]), "articles": len(s["paths"]),
                     "first_quote": s["first"][1], "first_date": s["first"][0] or None,
                     "last_quote": s["last"][1], "last_date": s["last"][0] or None})
    rows.sort(key=lambda s: (-s["quotes"], -len(s["outlets"]), s["name"]))
    return rows


DATE_COLUMNS = ("path", "outlet", "text", "value", "granularity", "kind", "start", "end", "sentence")


def date_rows(run: Run) -> Rows:
    rows = Rows(columns=DATE_COLUMNS)
    for r in run.results:
        for d in r.dates:
            rows.append({"path": r.article.path, "outlet": r.article.outlet, "text": d.text, "value": d.value,
                         "granularity": d.granularity, "kind": d.kind, "start": d.start, "end": d.end,
                         "sentence": d.sentence})
    return rows


TIMELINE_COLUMNS = ("date", "text", "sentence", "outlet", "path", "entities")


def timeline_rows(run: Run) -> Rows:
    """Events ordered by their normalized date: durations and dates with an unknown year left out."""
    rows = Rows(columns=TIMELINE_COLUMNS)
    for r in run.results:
        for d in r.dates:
            if d.granularity == "duration" or d.value.startswith("X") or d.value.startswith("P"):
                continue
            ents = sorted({run.name(m.canonical) for m in r.entities
                           if d.sentence and m.text in d.sentence})
            rows.append({"date": d.value, "text": d.text, "sentence": d.sentence,
                         "outlet": r.article.outlet, "path": r.article.path, "entities": ents})
    rows.sort(key=lambda e: (date_order(e["date"]), e["date"], e["path"], e["sentence"] or ""))
    return rows


_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])")


def date_order(value: str) -> str:
    """A sort key that puts ISO values of any granularity in date order: a week (`2025-W23`) or a quarter
    (`2025-Q2`) at its first day, a range at its start; a day, a month or a year sorts as its own prefix."""
    start = value.split("/", 1)[0]
    if m := _WEEK.match(start):
        import datetime as dt

        try:
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1).isoformat()
        except ValueError:
            return start
    if m := _QUARTER.match(start):
        return f"{m[1]}-{3 * int(m[2]) - 2:02d}"
    return start


CLAIM_COLUMNS = ("path", "outlet", "text", "subjects", "predicate", "quantities", "places", "dates",
                 "speaker", "modality", "polarity", "kind", "start", "end")


def claim_rows(run: Run) -> Rows:
    rows = Rows(columns=CLAIM_COLUMNS)
    for r in run.results:
        a = r.article
        for c in r.claims:
            rows.append({"path": a.path, "outlet": a.outlet, "text": c.text,
                         "subjects": [run.name(s) for s in c.subjects], "predicate": c.predicate,
                         "quantities": [as_dict(q) for q in c.quantities], "places": list(c.places),
                         "dates": list(c.dates), "speaker": run.name(c.speaker), "modality": c.modality,
                         "polarity": c.polarity, "kind": c.kind, "start": c.start, "end": c.end})
    return rows


def diff_document(run: Run) -> dict[str, Any]:
    from .compare import compare_story

    by_path = {r.article.path: r for r in run.results}
    with using(run.settings.tables):
        stories = [compare_story(s, by_path).to_dict() for s in run.stories if len(s.articles) > 1]
    return {"stories": stories}


# an update (an amount that grew between two reports hours apart) comes with the comparison engine that finds
# them; a document without that list is read as having none
DIFF_KINDS = ("conflicts", "updates", "agreements", "only", "shared_quotes")
DIFF_COLUMNS = ("story", "story_title", "kind", "what", "a_value", "a_outlet", "a_speaker", "a_path",
                "a_text",
                "b_value", "b_outlet", "b_speaker", "b_path", "b_text", "score", "note")


def diff_only(doc: dict[str, Any], kinds: Sequence[str]) -> dict[str, Any]:
    """The diff with only the item lists of `kinds` in each story (the others' keys left out)."""
    return {**doc, "stories": [{k: v for k, v in s.items() if k not in DIFF_KINDS or k in kinds}
                               for s in doc.get("stories", [])]}


def diff_rows(doc: dict[str, Any]) -> Rows:
    """The diff flattened to one row per item (for JSON lines and CSV), conflicts first: both sides side by
    side, each with its outlet, speaker and the value it gives (from the item's note, `a / b`)."""
    from .views import item_values

    rows = Rows(columns=DIFF_COLUMNS)
    for kind in DIFF_KINDS:
        for s in doc.get("stories", []):
            for item in s.get(kind) or ():
                row: dict[str, Any] = {"story": s.get("id"), "story_title": s.get("title"), "kind": kind,
                                       "what": item.get("what")}
                values = item_values(item)
                for n, side in enumerate(("a", "b")):
                    got = item.get(side) or {}
                    row[f"{side}_value"] = values[n] if got and n < len(values) else None
                    for k in ("outlet", "speaker", "path", "text"):
                        row[f"{side}_{k}"] = got.get(k)
                row.update({k: v for k, v in item.items() if k not in ("a", "b", "what")})
                rows.append(row)
    return rows


def iter_issue_lines(issues: Iterable[Issue]) -> list[str]:
    """One line per issue, nothing collapsed (see `newsscan.problems` for what the CLI prints)."""
    return [f"{'skipped' if i.severity == 'error' else 'warning'} {i.path}: {i.reason}" for i in issues]
