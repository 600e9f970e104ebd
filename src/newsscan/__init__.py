"""newsscan: analyze corpora of Indonesian online news.

    >>> import newsscan
    >>> run = newsscan.analyze(["seeds/"])
    >>> run.articles[0].outlet

Importing newsscan loads neither spaCy nor pandas: they come in when a function needs them.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .records import (
    Article,
    ArticleResult,
    Claim,
    DateMention,
    Evidence,
    Issue,
    Mention,
    Quantity,
    Quote,
    Removed,
    as_dict,
)

__all__ = [
    "Article",
    "ArticleResult",
    "Claim",
    "DateMention",
    "Evidence",
    "Issue",
    "Mention",
    "Quantity",
    "Quote",
    "Removed",
    "__version__",
    "analyze",
    "as_dict",
    "load",
    "pipeline",
]


def load(paths, **kwargs):
    """Articles and Issues from files, folders, globs and exports (see `newsscan.loader.iter_articles`)."""
    from .loader import iter_articles

    return iter_articles(paths, **kwargs)


def analyze(paths, **kwargs):
    """Runs every layer over a corpus; returns an `api.Run` (articles, results, issues, stories)."""
    from .api import analyze as _analyze

    return _analyze(paths, **kwargs)


def pipeline():
    """A spaCy `Language` built as newsscan's own (Indonesian tokenizer, the shipped NER, the rule
    components), yours to change: adding or removing a component here changes no result of newsscan, which
    runs on a pipeline of its own. Each call builds a new one."""
    from .nlp import build_pipeline

    return build_pipeline()
