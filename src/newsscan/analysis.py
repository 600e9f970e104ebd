"""Runs every layer over a batch of articles and turns the result into plain records.

The whole pipeline of `nlp.py` (the NER, then the rule components: entities, dates, quotes, claims) runs over
the batch in `nlp.pipe` calls bounded by text size, with the tables of the run's `Settings`; each Doc's
records are shifted back to offsets in the article's body as written. Nothing spaCy leaves this module.
"""
from __future__ import annotations

import functools
import hashlib
from dataclasses import replace
from pathlib import Path

from . import __version__
from .loader import LONG_BODY
from .records import Article, ArticleResult
from .repair import OffsetMap, repaired, to_body
from .settings import PIPE_CHARS, Settings
from .tables import tables_digest


def pipeline_version(settings: Settings | None = None) -> str:
    """`code_version()`, with a hash of the user's tables in `settings.tables` when there are any: the cache
    key's version part, so that any change to what decides a result invalidates the cached results."""
    code = code_version()
    if settings is None or not settings.tables:
        return code
    return _with_tables(code, settings.tables)


@functools.lru_cache(maxsize=8)
def _with_tables(code: str, folders: tuple[str, ...]) -> str:
    # read once per run's folders (a run reads its tables once too)
    return f"{code}.{hashlib.sha256(tables_digest(folders)).hexdigest()[:16]}"


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """newsscan's version + a hash of its code, packaged data tables and model meta (what a Dask worker must
    share with the client)."""
    h = hashlib.sha256(__version__.encode())
    root = Path(__file__).parent
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if rel.startswith("models/") and not rel.endswith("meta.json"):
            continue  # the model's meta.json carries its version; its weights are large
        if p.is_file() and p.suffix in (".py", ".tsv", ".toml", ".jsonl", ".json"):
            h.update(rel.encode())
            h.update(p.read_bytes())
    return f"{__version__}+{h.hexdigest()[:16]}"


def warm_up(settings: Settings | None = None) -> None:
    """Load the pipeline and the tables once per process (the pool's initializer)."""
    from .nlp import pipeline

    pipeline(settings=settings)


PART_CHARS = LONG_BODY  # longer bodies go through the pipeline in parts (spaCy's NER wants short texts)


def split_parts(body: str, limit: int = PART_CHARS) -> list[tuple[int, str]]:
    """(offset, text) parts of at most `limit` characters, cut at a line break, else at a space."""
    parts, start = [], 0
    while len(body) - start > limit:
        end = body.rfind("\n", start + 1, start + limit)
        if end <= start:
            end = body.rfind(" ", start + 1, start + limit)
        if end <= start:
            end = start + limit
        parts.append((start, body[start:end]))
        start = end
    parts.append((start, body[start:]))
    return parts


def _shift(records, offset: int) -> tuple:
    if not offset:
        return tuple(records or ())
    return tuple(replace(r, start=r.start + offset, end=r.end + offset) for r in records or ())


def _pipe_bounded(nlp, docs, limit: int = PIPE_CHARS):
    """`nlp.pipe` over `docs` in batches of at most `limit` characters (at least one Doc each), so that a
    10 MB page in parts costs the memory of two parts, not of all of them."""
    batch, size = [], 0
    for doc in docs:
        if batch and size + len(doc.text) > limit:
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, size = [], 0
        batch.append(doc)
        size += len(doc.text)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


def analyze_batch(articles: list[Article], settings: Settings | None = None) -> list[ArticleResult]:
    """Every layer over a batch (`nlp.pipe` in batches of at most `settings.pipe_chars` characters), with the
    pipeline of `settings` (None: the packaged tables alone); each Doc knows its `Article` (`doc._.article`),
    so the rule components can read the publication date and the outlet. A body longer than `PART_CHARS` goes
    through in parts whose records are shifted back to offsets in the whole body (the loader warns about such
    a body: an expression that straddles two parts may be missed)."""
    from .nlp import pipeline

    settings = settings or Settings()
    nlp = pipeline(settings=settings)
    texts = [repaired(a.body, a.repairs) for a in articles]  # the NLP reads scraper damage repaired
    # the memory zone frees the strings and lexemes these Docs added to the vocab, so a worker's memory stays
    # flat however many articles pass through it (the records keep plain Python strings)
    with nlp.memory_zone():
        docs, owners = [], []
        for i, article in enumerate(articles):
            for offset, text in split_parts(texts[i]):
                doc = nlp.make_doc(text)
                doc._.article = article
                docs.append(doc)
                owners.append((i, offset))
        found: list[dict[str, list]] = [{"e": [], "d": [], "q": [], "c": [], "ref": []} for _ in articles]
        for doc, (i, offset) in zip(_pipe_bounded(nlp, docs, settings.pipe_chars), owners, strict=False):
            f = found[i]
            f["e"].extend(_shift(doc._.mentions, offset))
            f["d"].extend(_shift(doc._.dates, offset))
            f["q"].extend(_shift(doc._.quotes, offset))
            # the headline's claim (offsets in the title) comes with the first part only
            claims = [c for c in doc._.claims or () if not (offset and c.kind == "headline")]
            f["c"].extend(_shift(claims, offset))
            f["ref"].append(doc._.reference_date)
    return [_result(a, t, f) for a, t, f in zip(articles, texts, found, strict=False)]


def _result(article: Article, text: str, found: dict[str, list]) -> ArticleResult:
    """The article's records, with offsets carried from the repaired `text` back to `Article.body` (every text
    a record shows is then a slice of the body as the source wrote it); the headline's claim keeps its offsets
    in the title. Mentions inside the dateline are left out."""
    from .records import Evidence

    ents, dates, quotes, claims = found["e"], found["d"], found["q"], found["c"]
    if article.repairs:
        omap, body = OffsetMap(article.repairs), article.body
        ents, dates, quotes = (to_body(x, body, text, omap) for x in (ents, dates, quotes))
        claims = [c if c.kind == "headline" else to_body([c], body, text, omap)[0] for c in claims]
    # a dateline (`JAKARTA, KOMPAS.com -`) names no entity (gold/CONVENTIONS.md, Entities); with its odd space
    # repaired, the NER reads its place as a name
    ents = [m for m in ents if m.start >= article.dateline_end]
    return ArticleResult(
        article=article,
        entities=tuple(ents),
        dates=tuple(dates),
        quotes=tuple(quotes),
        claims=tuple(claims),
        reference_date=found["ref"][0] or Evidence(None, "none"),
    )
