"""Runs every layer over a batch of articles and turns the result into plain records.

spaCy gives the entities (one `nlp.pipe` over the batch); the rule layers (dates, quotes, claims) are plain
functions over the clean body and the records before them. Nothing spaCy leaves this module.
"""
from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from . import __version__
from .records import Article, ArticleResult


@functools.lru_cache(maxsize=1)
def pipeline_version() -> str:
    """newsscan's version + a hash of its code, data tables and model meta: the cache key's version part,
    so that any change to what decides a result invalidates the cached results."""
    h = hashlib.sha256(__version__.encode())
    root = Path(__file__).parent
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if rel.startswith("models/") and not rel.endswith("meta.json"):
            continue  # the model's meta.json carries its version; its weights are large
        if p.is_file() and p.suffix in (".py", ".tsv", ".toml", ".jsonl", ".json"):
            h.update(rel.encode())
            h.update(p.read_bytes())
    extra = os.environ.get("NEWSSCAN_TABLES")
    if extra:  # user tables change results too
        for d in extra.split(os.pathsep):
            for p in sorted(Path(d).glob("*")) if Path(d).is_dir() else []:
                if p.is_file():
                    h.update(p.name.encode())
                    h.update(p.read_bytes())
    return f"{__version__}+{h.hexdigest()[:16]}"


def warm_up() -> None:
    """Load the pipeline and the tables once per process (the pool's initializer)."""
    from .nlp import pipeline

    pipeline()


def analyze_batch(articles: list[Article]) -> list[ArticleResult]:
    """Every layer over a batch: one `nlp.pipe` call; each Doc knows its `Article` (`doc._.article`), so the
    rule components can read the publication date and the outlet."""
    from .nlp import pipeline
    from .records import Evidence

    nlp = pipeline()
    # the memory zone frees the strings and lexemes these Docs added to the vocab, so a worker's memory stays
    # flat however many articles pass through it (the records keep plain Python strings)
    with nlp.memory_zone():
        docs = []
        for article in articles:
            doc = nlp.make_doc(article.body)
            doc._.article = article
            docs.append(doc)
        return [ArticleResult(article=doc._.article, entities=doc._.mentions or (), dates=doc._.dates or (),
                              quotes=doc._.quotes or (), claims=doc._.claims or (),
                              reference_date=doc._.reference_date or Evidence(None, "none"))
                for doc in nlp.pipe(docs)]
