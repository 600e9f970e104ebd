"""The export's SQLite database: writing it (incrementally, atomically) and reading its records back.

Besides the tables of `exportschema.TABLES`, the database keeps each article's full record as JSON
(`newsscan_records`) and the story grouping (`newsscan_meta`), so that the other commands read an exported
database as input and print what they printed for the corpus, without analysing it again. Records are rebuilt
from JSON by their dataclass types, never unpickled: a database shared by someone else runs no code.

Writing: the previous database is copied to a temporary file beside it, each table is brought to the wanted
rows by primary key (rows that did not change are not touched), the FTS indexes are rebuilt, and the file is
renamed over the old one. A run killed at any point leaves the previous database as it was.
"""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import sqlite3
import tempfile
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

try:
    import fcntl
except ImportError:  # not on a POSIX system: the remnants of a killed export are not swept
    fcntl = None  # type: ignore[assignment]

from .errors import NewsscanError
from .exportschema import TABLES, Rowset, Table
from .records import ArticleResult, Issue

FORMAT = "newsscan-export/1"
RECORDS = "newsscan_records"
META = "newsscan_meta"
_SQL_TYPE = {"text": "TEXT", "json": "TEXT", "int": "INTEGER", "float": "REAL", "bool": "INTEGER"}


class ExportError(NewsscanError):
    """A database that cannot be written or read as a newsscan export."""


# ---------------------------------------------------------------- records <-> JSON

def _decode(tp: Any, value: Any) -> Any:
    """`value` (from JSON) as type `tp`: dataclasses by their fields, tuples element by element."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        elem = typing.get_args(tp)[0]
        return tuple(_decode(elem, v) for v in value)
    if dataclasses.is_dataclass(tp):
        return from_json(tp, value)
    return value


def from_json(cls: type, data: dict[str, Any]) -> Any:
    """A record of `cls` from `as_dict` output; keys the class does not know are left out and missing ones
    take their defaults, so a database from another version of newsscan still reads."""
    hints = typing.get_type_hints(cls)
    kwargs = {f.name: _decode(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)


def record_json(result: ArticleResult) -> str:
    from .records import as_dict

    return json.dumps(as_dict(result), ensure_ascii=True, sort_keys=True)


# ---------------------------------------------------------------- schema

def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create_sql(t: Table) -> list[str]:
    cols = [f"{_q(c.name)} {_SQL_TYPE[c.kind]}{' PRIMARY KEY' if c.name == 'id' else ''}" for c in t.columns]
    cols += [
        f"FOREIGN KEY ({_q(fk.column)}) REFERENCES {_q(fk.table)}({_q(fk.other)})" for fk in t.foreign_keys
    ]
    sql = [f"CREATE TABLE {_q(t.name)} (\n  " + ",\n  ".join(cols) + "\n)"]
    sql += [f"CREATE INDEX {_q(f'idx_{t.name}_{c}')} ON {_q(t.name)}({_q(c)})" for c in t.indexes]
    if t.fts:
        fts = f"{t.name}_fts"
        sql.append(
            f"CREATE VIRTUAL TABLE {_q(fts)} USING fts5({', '.join(_q(c) for c in t.fts)}, "
            f'content="{t.name}")'
        )
    return sql


def schema(tables: Sequence[Table]) -> list[str]:
    sql = [sql for t in tables for sql in _create_sql(t)]
    sql.append(
        f"CREATE TABLE {RECORDS} (article_id TEXT PRIMARY KEY REFERENCES articles(id), "
        "position INTEGER NOT NULL, key TEXT NOT NULL, record TEXT NOT NULL)"
    )
    sql.append(f"CREATE TABLE {META} (key TEXT PRIMARY KEY, value TEXT)")
    return sql


def schema_hash(tables: Sequence[Table]) -> str:
    return hashlib.sha256("\n".join(schema(tables)).encode()).hexdigest()[:16]


def _ensure_schema(db: sqlite3.Connection, tables: Sequence[Table]) -> None:
    """The export's tables, made anew when the file holds another layout (another version of newsscan, a
    column a layer added): every table is then written afresh."""
    ours = [name for t in TABLES for name in (f"{t.name}_fts", t.name)] + [RECORDS, META]
    row = None
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (META,)).fetchone():
        row = db.execute(f"SELECT value FROM {META} WHERE key = 'schema'").fetchone()
    if row and row[0] == schema_hash(tables):
        return
    for name in ours:  # a table someone added beside ours stays; an FTS table drops its own shadow tables
        db.execute(f"DROP TABLE IF EXISTS {_q(name)}")
    for sql in schema(tables):
        db.execute(sql)


# ---------------------------------------------------------------- reading


def is_export(path: str) -> bool:
    """Whether `path` is a database written by `newsscan export` (cheap: the header, then one query)."""
    try:
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                return False
    except OSError:
        return False
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute(f"SELECT value FROM {META} WHERE key = 'format'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == FORMAT


@dataclass(frozen=True)
class Stored:
    """What an exported database holds of the analysis: each article's result and cache key, in corpus
    order, and the story grouping it was exported with."""

    results: tuple[tuple[ArticleResult, str], ...]
    stories: tuple | None
    issues: tuple[Issue, ...] = ()


def _issue(row: dict[str, Any]) -> Issue:
    """A problem as the loader reported it (its class from `type`; an unknown class reads as an Issue)."""
    from .loader import Duplicate, PassedOver

    cls = {c.__name__: c for c in (Issue, Duplicate, PassedOver)}.get(row["type"], Issue)
    return from_json(cls, {k: v for k, v in row.items() if v is not None})


def read_export(path: str) -> Stored:
    from .stories import Story

    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = db.execute(f"SELECT key, record FROM {RECORDS} ORDER BY position").fetchall()
            got = db.execute(f"SELECT value FROM {META} WHERE key = 'stories'").fetchone()
            cur = db.execute("SELECT * FROM problems ORDER BY position")
            names = [d[0] for d in cur.description]
            issues = tuple(_issue(dict(zip(names, r, strict=False))) for r in cur)
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise ExportError(f"{path}: not readable as a newsscan export ({exc})") from exc
    results = tuple((from_json(ArticleResult, json.loads(rec)), key) for key, rec in rows)
    stories = tuple(from_json(Story, s) for s in json.loads(got[0])) if got else None
    return Stored(results, stories, issues)


# ---------------------------------------------------------------- writing


@dataclass(frozen=True)
class Change:
    inserted: int = 0
    updated: int = 0
    deleted: int = 0


def _sync(db: sqlite3.Connection, name: str, columns: Sequence[str], rows: Sequence[tuple]) -> Change:
    """Bring table `name` to `rows` by its first column (the id): only new, changed and gone rows are
    written."""
    cols = ", ".join(_q(c) for c in columns)
    have = {r[0]: r for r in db.execute(f"SELECT {cols} FROM {_q(name)}")}
    want = {r[0]: tuple(int(v) if isinstance(v, bool) else v for v in r) for r in rows}
    gone = [(k,) for k in have if k not in want]
    new = [r for k, r in want.items() if k not in have]
    changed = [r for k, r in want.items() if k in have and have[k] != r]
    if gone:
        db.executemany(f"DELETE FROM {_q(name)} WHERE {_q(columns[0])} = ?", gone)
    if changed:
        sets = ", ".join(f"{_q(c)} = ?" for c in columns[1:])
        db.executemany(
            f"UPDATE {_q(name)} SET {sets} WHERE {_q(columns[0])} = ?", [r[1:] + r[:1] for r in changed]
        )
    if new:
        db.executemany(f"INSERT INTO {_q(name)} ({cols}) VALUES ({', '.join('?' * len(columns))})", new)
    return Change(len(new), len(changed), len(gone))


def _write(
    db: sqlite3.Connection, rowsets: dict[str, Rowset], records: list[tuple], meta: dict[str, str]
) -> dict[str, Change]:
    tables = [rs.table for rs in rowsets.values()]
    changes = {t.name: _sync(db, t.name, t.names, rowsets[t.name].rows) for t in tables}
    _sync(db, RECORDS, ("article_id", "position", "key", "record"), records)
    for t in tables:
        if t.fts and changes[t.name] != Change():
            db.execute(f"INSERT INTO {_q(t.name + '_fts')}({_q(t.name + '_fts')}) VALUES ('rebuild')")
    db.executemany(f"INSERT OR REPLACE INTO {META} (key, value) VALUES (?, ?)", sorted(meta.items()))
    broken = db.execute("PRAGMA foreign_key_check").fetchall()
    if broken:  # a bug of ours: refuse to publish a database whose links do not hold
        raise ExportError(f"foreign keys do not hold ({broken[:3]}...): the database was not written")
    return changes


def _copy(src: str, dst: str) -> None:
    """`src` copied page by page into `dst` (the SQLite backup API: a consistent copy even while read)."""
    a = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    b = sqlite3.connect(dst)
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()


def db_problem(path: str) -> str | None:
    """Why the database at `path` cannot be written (checked before anything is analysed), or None."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        return f"no folder {folder}"
    if not os.access(folder, os.W_OK):
        return f"folder {folder} is not writable"
    if os.path.isdir(path):
        return "it is a folder"
    if os.path.exists(path) and not is_export(path):
        return "the file exists and is not a newsscan export (it is not overwritten)"
    return None


def write_export(
    path: str, rowsets: dict[str, Rowset], records: list[tuple], meta: dict[str, str]
) -> dict[str, Change]:
    """Writes the tables and records into the database at `path` (made, or updated in place of the old one);
    returns what changed per table. The old file is replaced only once the new one is complete."""
    if os.path.exists(path) and not is_export(path):
        raise ExportError(f"{path} exists and is not a newsscan export: not overwritten")
    folder = os.path.dirname(os.path.abspath(path))
    _sweep(path)
    tmp = _temp_beside(path)
    held = _hold(tmp)
    try:
        if os.path.exists(path):
            _copy(path, tmp)
        db = sqlite3.connect(tmp, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=DELETE")
            db.execute("BEGIN")
            tables = [rs.table for rs in rowsets.values()]
            _ensure_schema(db, tables)
            changes = _write(db, rowsets, records, {**meta, "format": FORMAT, "schema": schema_hash(tables)})
            db.execute("COMMIT")
        finally:
            db.close()
        _fsync(tmp)
        os.replace(tmp, path)
        _fsync(folder)
    except sqlite3.Error as exc:  # a full disk, a database locked by another program: the old file stays
        raise ExportError(f"{path} not written ({exc}); the previous database is unchanged") from exc
    finally:
        for leftover in (tmp, tmp + "-journal"):
            if os.path.exists(leftover):
                os.remove(leftover)
        os.close(held)
    return changes


@contextlib.contextmanager
def locked(path: str):
    """One export at a time into the database at `path` (a flock on its folder, held from reading the old
    database to renaming the new one), so that two exports at once both keep their articles."""
    if fcntl is None:
        yield
        return
    fd = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _hold(tmp: str) -> int:
    """An open descriptor of `tmp` with an exclusive flock while this export writes it: a later export
    knows a temporary file nobody holds is the remnant of a killed one. (SQLite's own locks are POSIX
    locks, which flock does not touch.)"""
    fd = os.open(tmp, os.O_RDONLY)
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def _sweep(path: str) -> None:
    """Removes the temporary files a killed export of `path` left beside it (those no export holds)."""
    if fcntl is None:
        return
    folder = os.path.dirname(os.path.abspath(path))
    prefix = f".{os.path.basename(path)}."
    for name in os.listdir(folder):
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        tmp = os.path.join(folder, name)
        try:
            fd = os.open(tmp, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # another export is writing it
            continue
        finally:
            os.close(fd)
        for leftover in (tmp, tmp + "-journal"):
            with contextlib.suppress(OSError):
                os.remove(leftover)


def _file_mode(path: str) -> int:
    """The mode the file at `path` has, or a new file would get (a temporary file is made 0600)."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _temp_beside(path: str) -> str:
    """An empty temporary file in the folder of `path` (so that the final rename stays on one filesystem),
    with the mode `path` has or would get."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
    os.close(fd)
    os.chmod(tmp, _file_mode(path))
    return tmp


def write_text(path: str, text: str) -> None:
    """`text` into `path` through a temporary file and a rename: a reader never sees half of it."""
    tmp = _temp_beside(path)
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _fsync(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # a folder on a filesystem that cannot sync it: the rename is still atomic
        pass
    finally:
        os.close(fd)
