"""The library behind the commands: `analyze(paths)` runs every layer; one function per command turns the
run into rows. The CLI only parses options, calls one of these and hands the rows to `render`."""
from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .backends import LocalBackend, batched, default_jobs
from .cache import ResultCache
from .records import ArticleResult, Issue, as_dict

BATCH = 32  # articles per nlp.pipe call and per task sent to a worker
CHUNK = 1024  # articles looked up in the cache at once (bounds memory between cache and pool)


class Rows(list):
    """A list of plain dict rows that can become a pandas DataFrame."""

    def to_dataframe(self):
        import pandas as pd

        return pd.DataFrame(list(self))


@dataclass
class Run:
    """What one analysis of a corpus produced."""

    results: list[ArticleResult]
    issues: list[Issue] = field(default_factory=list)
    cached: int = 0  # how many results came from the cache
    cache_dir: str | None = None  # where the cache lives; None: no cache
    keys: list[str] = field(default_factory=list)  # each result's cache key, in order

    @property
    def articles(self):
        return [r.article for r in self.results]

    @functools.cached_property
    def canonical(self) -> dict[str, str]:
        """Article-level canonical names -> the corpus-wide form (`Kim Jong-un` -> `Kim Jong Un`)."""
        from .entities import merge_corpus

        return merge_corpus([list(r.entities) for r in self.results])

    def name(self, canonical: str | None) -> str | None:
        return self.canonical.get(canonical, canonical) if canonical else canonical

    @functools.cached_property
    def stories(self):
        """Stories across the corpus; a cached run over an unchanged corpus reads the grouping back."""
        import hashlib

        from .stories import group_stories, story_input

        def group():
            return group_stories([story_input(r, self.canonical) for r in self.results])

        if self.cache_dir is None or len(self.keys) != len(self.results):
            return group()
        h = hashlib.sha256()
        for r, k in zip(self.results, self.keys):
            h.update(f"{r.article.path}\0{k}\n".encode("utf-8", "surrogatepass"))
        key = "stories:" + h.hexdigest()
        cache = ResultCache(self.cache_dir)
        try:
            stories = cache.get_corpus(key)
            if stories is None:
                stories = group()
                cache.put_corpus(key, stories)
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


def analyze(paths: Sequence[str], *, jobs: int | None = None, use_cache: bool = True,
            cache_dir: str | None = None, text_column: str | None = None,
            progress: Callable[[int], None] | None = None) -> Run:
    """Loads every article under `paths` and runs all layers. Bad inputs become `Run.issues`; results keep
    the loader's order whatever `jobs` is."""
    from .analysis import analyze_batch, pipeline_version, warm_up
    from .cache import FileCache, article_key
    from .loader import iter_articles

    issues: list[Issue] = []
    cache = ResultCache(cache_dir) if use_cache else None
    version = pipeline_version()
    files = FileCache(cache, version) if cache else None

    def articles():
        for item in iter_articles(paths, text_column=text_column, file_cache=files):
            if isinstance(item, Issue):
                issues.append(item)
            else:
                yield item

    results: list[ArticleResult] = []
    all_keys: list[str] = []
    n_cached = 0
    try:
        with LocalBackend(jobs or default_jobs(), warm_up) as backend:
            for chunk in batched(articles(), CHUNK):
                keys = [article_key(a, version) for a in chunk]
                all_keys.extend(keys)
                hits = cache.get_many(keys) if cache else {}
                todo = [a for a, k in zip(chunk, keys) if k not in hits]
                done_iter = (r for batch in backend.map(analyze_batch, batched(todo, BATCH)) for r in batch)
                fresh = []
                for a, k in zip(chunk, keys):
                    if k in hits:
                        # the cache is keyed by content: keep this file's own path and id
                        results.append(_with_article(hits[k], a))
                        n_cached += 1
                    else:
                        r = next(done_iter)
                        fresh.append((k, r))
                        results.append(r)
                    if progress:
                        progress(1)
                if cache:
                    cache.put_many(fresh)
    finally:
        if cache:
            files.flush()
            cache.close()
    return Run(results=results, issues=issues, cached=n_cached,
               cache_dir=str(cache.folder) if cache else None, keys=all_keys)


def _with_article(result: ArticleResult, article) -> ArticleResult:
    if result.article == article:
        return result
    from dataclasses import replace

    return replace(result, article=article)


# ---------------------------------------------------------------- rows per command

def _top(counter: Counter, n: int) -> list[str]:
    return [k for k, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def summary_rows(run: Run) -> tuple[Rows, dict[str, Any]]:
    rows = Rows()
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
    rows = Rows()
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


def mention_rows(run: Run, *, label: str | None = None) -> Rows:
    rows = Rows()
    for r in run.results:
        for m in r.entities:
            if label and m.label != label.upper():
                continue
            rows.append({"path": r.article.path, "text": m.text, "canonical": run.name(m.canonical),
                         "label": m.label, "role": m.role, "start": m.start, "end": m.end})
    return rows


def quote_rows(run: Run, *, speaker: str | None = None, outlet: str | None = None,
               kind: str | None = None) -> Rows:
    rows = Rows()
    for r in run.results:
        a = r.article
        if outlet and outlet.lower() not in a.outlet.lower():
            continue
        for q in r.quotes:
            name = run.name(q.speaker)
            if name != q.speaker and name not in a.body:
                name = q.speaker  # a quote's speaker is the article's own form, never another article's string
            if kind and q.kind != kind:
                continue
            if speaker and speaker.lower() not in (name or "").lower():
                continue
            rows.append({"path": a.path, "outlet": a.outlet, "kind": q.kind, "text": q.text,
                         "speaker": name, "speaker_role": q.speaker_role, "speaker_type": q.speaker_type,
                         "via": q.via, "anonymous": q.anonymous, "unclosed": q.unclosed,
                         "start": q.start, "end": q.end})
    return rows


def source_rows(run: Run) -> Rows:
    agg: dict[str, dict[str, Any]] = {}
    for r in run.results:
        a = r.article
        for q in r.quotes:
            if not q.speaker:
                continue
            name = run.name(q.speaker)
            s = agg.setdefault(name, {"name": name, "type": Counter(), "roles": set(), "quotes": 0,
                                      "outlets": set(), "paths": set(), "first": None, "last": None})
            s["type"][q.speaker_type] += 1
            if q.speaker_role:
                s["roles"].add(q.speaker_role)
            s["quotes"] += 1
            s["outlets"].add(a.outlet)
            s["paths"].add(a.path)
            when = a.published or ""
            if s["first"] is None or when < s["first"][0]:
                s["first"] = (when, q.text)
            if s["last"] is None or when > s["last"][0]:
                s["last"] = (when, q.text)
    rows = Rows()
    for s in agg.values():
        rows.append({"name": s["name"], "type": _top(s["type"], 1)[0], "roles": sorted(s["roles"]),
                     "quotes": s["quotes"], "outlets": sorted(s["outlets"]), "articles": len(s["paths"]),
                     "first_quote": s["first"][1], "first_date": s["first"][0] or None,
                     "last_quote": s["last"][1], "last_date": s["last"][0] or None})
    rows.sort(key=lambda s: (-s["quotes"], -len(s["outlets"]), s["name"]))
    return rows


def date_rows(run: Run) -> Rows:
    rows = Rows()
    for r in run.results:
        for d in r.dates:
            rows.append({"path": r.article.path, "outlet": r.article.outlet, "text": d.text, "value": d.value,
                         "granularity": d.granularity, "kind": d.kind, "start": d.start, "end": d.end,
                         "sentence": d.sentence})
    return rows


def timeline_rows(run: Run) -> Rows:
    """Events ordered by their normalized date: durations and dates with an unknown year left out."""
    rows = Rows()
    for r in run.results:
        for d in r.dates:
            if d.granularity == "duration" or d.value.startswith("X") or d.value.startswith("P"):
                continue
            ents = sorted({run.name(m.canonical) for m in r.entities
                           if d.sentence and m.text in d.sentence})
            rows.append({"date": d.value, "text": d.text, "sentence": d.sentence,
                         "outlet": r.article.outlet, "path": r.article.path, "entities": ents})
    rows.sort(key=lambda e: (e["date"], e["path"], e["sentence"]))
    return rows


def claim_rows(run: Run) -> Rows:
    rows = Rows()
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
    stories = [compare_story(s, by_path).to_dict() for s in run.stories if len(s.articles) > 1]
    return {"stories": stories}


DIFF_KINDS = ("conflicts", "agreements", "only", "shared_quotes")


def diff_rows(doc: dict[str, Any]) -> Rows:
    """The diff flattened to one row per item (for JSON lines and CSV): both sides side by side."""
    rows = Rows()
    for kind in DIFF_KINDS:
        for s in doc["stories"]:
            for item in s[kind]:
                row: dict[str, Any] = {"story": s["id"], "kind": kind}
                for side in ("a", "b"):
                    for k in ("outlet", "path", "text"):
                        row[f"{side}_{k}"] = (item.get(side) or {}).get(k)
                row.update({k: v for k, v in item.items() if k not in ("a", "b")})
                rows.append(row)
    return rows


def diff_sections(doc: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]], Sequence[str] | None]]:
    """The diff as terminal tables: the stories, then conflicts first, agreements, only, shared quotes."""
    stories = [{"story": s["id"], "title": s["title"], "outlets": s.get("outlets"),
                "conflicts": len(s["conflicts"]), "agreements": len(s["agreements"]),
                "only": len(s["only"]), "shared_quotes": len(s["shared_quotes"])} for s in doc["stories"]]
    rows = diff_rows(doc)
    cols = ("story", "what", "a_outlet", "a_text", "b_outlet", "b_text")
    return [("stories", stories, None)] + [
        (kind, [r for r in rows if r["kind"] == kind], cols) for kind in DIFF_KINDS]


def iter_issue_lines(issues: Iterable[Issue]) -> list[str]:
    return [f"{'skipped' if i.severity == 'error' else 'warning'} {i.path}: {i.reason}" for i in issues]
