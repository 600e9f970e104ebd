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
    """Articles and Issues from files, folders, globs and exports (see `newsscan.loader.iter_articles`); the
    user's tables are those of NEWSSCAN_TABLES unless `folders=` names them."""
    from .loader import iter_articles
    from .settings import Settings

    kwargs.setdefault("folders", Settings.from_env().tables)
    return iter_articles(paths, **kwargs)


def analyze(paths, **kwargs):
    """Runs every layer over a corpus; returns an `api.Run` (articles, results, issues, stories). `settings=`
    (a `newsscan.settings.Settings`) names the user's tables and limits; by default NEWSSCAN_TABLES does."""
    from .api import analyze as _analyze

    return _analyze(paths, **kwargs)


def pipeline(settings=None):
    """A spaCy `Language` built as newsscan's own (Indonesian tokenizer, the shipped NER, the rule
    components), yours to change: adding or removing a component here changes no result of newsscan, which
    runs on a pipeline of its own. Each call builds a new one. Its components read the user's tables of
    `settings` (a `newsscan.settings.Settings`; by default those NEWSSCAN_TABLES names)."""
    from .nlp import build_pipeline
    from .settings import Settings

    return build_pipeline(settings=settings or Settings.from_env())
