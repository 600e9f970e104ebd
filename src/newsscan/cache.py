"""A content-addressed result cache in SQLite (standard library).

The key is a hash of everything that decides an article's result: its clean body and header fields, and the
pipeline version (code version + model version + data tables). SQLite commits are atomic, so a run killed in
the middle of a write leaves the previous state, never a torn entry; a value that fails to unpickle is
treated as a miss and overwritten.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from .records import Article, ArticleResult

ENV_DIR = "NEWSSCAN_CACHE_DIR"


def default_dir() -> Path:
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsscan"


def article_key(article: Article, version: str) -> str:
    """What the result depends on: not the path (a renamed file is the same article), but the text and
    the header fields the layers read (the publication date anchors relative dates)."""
    h = hashlib.sha256()
    for part in (version, article.text_hash, article.outlet, article.published or "", article.title or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


# what unpickling an entry written by an older newsscan (other record layout) can raise
_STALE = (pickle.UnpicklingError, AttributeError, EOFError, ImportError, IndexError, TypeError, ValueError)


def _unpickle(blob: bytes):
    """The cached value, or None for an entry from an older layout (it is then recomputed)."""
    try:
        return pickle.loads(blob)
    except _STALE:
        return None


class ResultCache:
    def __init__(self, folder: Path | str | None = None):
        self.folder = Path(folder) if folder else default_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / "results.sqlite"
        self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        # corpus-level results (the story grouping), keyed by the whole corpus's article keys
        self._db.execute("CREATE TABLE IF NOT EXISTS corpus (key TEXT PRIMARY KEY, value BLOB NOT NULL)")

    def get_many(self, keys: Iterable[str]) -> dict[str, ArticleResult]:
        keys = list(keys)
        out: dict[str, ArticleResult] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            q = f"SELECT key, value FROM results WHERE key IN ({','.join('?' * len(chunk))})"
            for key, value in self._db.execute(q, chunk):
                result = _unpickle(value)
                if result is not None:
                    out[key] = result
        return out

    def put_many(self, items: Iterable[tuple[str, ArticleResult]]) -> None:
        rows = [(k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for k, v in items]
        if not rows:
            return
        with self._db:  # one transaction: all or nothing
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", rows)

    def get_corpus(self, key: str):
        row = self._db.execute("SELECT value FROM corpus WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        return _unpickle(row[0])

    def put_corpus(self, key: str, value) -> None:
        self.put_corpus_many([(key, value)])

    def put_corpus_many(self, items) -> None:
        rows = [(k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for k, v in items]
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO corpus (key, value) VALUES (?, ?)", rows)

    def clear(self) -> int:
        n = self._db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
        with self._db:
            self._db.execute("BEGIN")
            self._db.execute("DELETE FROM results")
            self._db.execute("DELETE FROM corpus")
        self._db.execute("VACUUM")
        return n

    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM results").fetchone()[0]

    def close(self) -> None:
        self._db.close()


def open_cache(folder: Path | str | None = None) -> tuple[ResultCache | None, str | None]:
    """(the cache, None), or (None, why) when its folder cannot be made or its database opened or written
    (a read-only place, a file in the way): the caller then runs without a cache and says so."""
    where = Path(folder) if folder else default_dir()
    try:
        return ResultCache(where), None
    except (OSError, sqlite3.Error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return None, f"cache folder {where} is not usable ({reason}): running without a cache"


class FileCache:
    """What the loader made of each input file, keyed by path, size and modification time (plus the pipeline
    version, since the loader's code is part of it). Writes are buffered and committed together."""

    def __init__(self, cache: ResultCache, version: str):
        self.cache = cache
        self.version = version
        self._pending: list[tuple[str, object]] = []

    def get(self, key: str):
        return self.cache.get_corpus(f"{self.version}\0{key}")

    def put(self, key: str, items) -> None:
        self._pending.append((f"{self.version}\0{key}", items))
        if len(self._pending) >= 256:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self.cache.put_corpus_many(self._pending)
            self._pending = []
