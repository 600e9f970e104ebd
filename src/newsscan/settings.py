"""What a run of newsscan may be configured with, in one frozen value: `Settings`.

The user's extension tables are named by the `NEWSSCAN_TABLES` environment variable (folders separated by
`os.pathsep`); `Settings.from_env()` is the one place that reads it, called at the edge (the CLI; and
`api.analyze`, `newsscan.load` and `newsscan.pipeline` when given no settings). Below the edge the settings,
or only their `tables` folders, are an argument (a layer that takes none reads the folders its caller put in
effect with `tables.using`): two pipelines with different folders in one process give their own results.
A Settings is hashable and picklable: it travels with each task to the pool's and the Dask cluster's workers,
and `analysis.pipeline_version(settings)` puts a hash of its tables into the cache key.

    >>> Settings.from_env({"NEWSSCAN_TABLES": "/a:/b"}).tables
    ('/a', '/b')
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from .loader import MAX_CHARS

ENV_TABLES = "NEWSSCAN_TABLES"

BATCH_ARTICLES = 32  # articles per task sent to a worker (and per nlp.pipe call)
BATCH_CHARS = 50_000  # characters of text per task, unless one article alone is longer
PIPE_CHARS = 200_000  # text per nlp.pipe batch: the NER's working memory grows with the text in a batch


@dataclass(frozen=True, slots=True)
class Settings:
    """A run's configuration. `tables`: the user's table folders, in order (a later folder's row replaces an
    earlier one's of the same key); empty: the packaged tables only. `max_chars`: a longer body is skipped
    as an issue (None: no limit). The batch sizes bound a task's and a spaCy batch's memory; they change no
    result."""

    tables: tuple[str, ...] = ()
    max_chars: int | None = MAX_CHARS
    batch_articles: int = BATCH_ARTICLES
    batch_chars: int = BATCH_CHARS
    pipe_chars: int = PIPE_CHARS

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **fields: object) -> Settings:
        """The settings the environment names (`NEWSSCAN_TABLES`; empty parts are ignored), with `fields`
        given explicitly taking their place beside it."""
        env = os.environ if environ is None else environ
        folders = tuple(d for d in env.get(ENV_TABLES, "").split(os.pathsep) if d)
        return cls(tables=folders, **fields)  # type: ignore[arg-type]
