"""Loads the linguistic data tables in `newsscan/data/`, merged with a user's own.

Tables are TSV (a header line, `#` comments, one row a line) or TOML. A user folder named by
`NEWSSCAN_TABLES` (or `load_table(..., extra_dir=...)`) may hold files of the same name: their rows are
added after the packaged ones, and a row whose key (first column) matches a packaged row replaces it.
Every row is checked; a bad one raises `DataTableError("file:line: why")`.
"""
from __future__ import annotations

import functools
import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import DataTableError

ENV_EXTRA = "NEWSSCAN_TABLES"


def _packaged_text(name: str) -> str:
    return resources.files("newsscan").joinpath("data", name).read_text(encoding="utf-8")


def _extra_dirs(extra_dir: str | None) -> list[Path]:
    dirs = [extra_dir] if extra_dir else []
    env = os.environ.get(ENV_EXTRA)
    if env:
        dirs.extend(env.split(os.pathsep))
    return [Path(d) for d in dirs if d]


def parse_tsv(text: str, name: str, columns: tuple[str, ...], required: int = 1,
              choices: dict[str, set[str]] | None = None) -> list[dict[str, str]]:
    """Rows of a TSV table as dicts. The first non-comment line is the header and must equal `columns`."""
    rows: list[dict[str, str]] = []
    header_seen = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            if tuple(c.strip() for c in cells) != columns:
                raise DataTableError(f"{name}:{lineno}: header must be {' | '.join(columns)}")
            continue
        if len(cells) > len(columns):
            raise DataTableError(f"{name}:{lineno}: {len(cells)} columns, expected at most {len(columns)}")
        cells = [c.strip() for c in cells] + [""] * (len(columns) - len(cells))
        row = dict(zip(columns, cells))
        for col in columns[:required]:
            if not row[col]:
                raise DataTableError(f"{name}:{lineno}: empty '{col}'")
        for col, allowed in (choices or {}).items():
            if row[col] and row[col] not in allowed:
                raise DataTableError(
                    f"{name}:{lineno}: unknown {col} '{row[col]}' (allowed: {', '.join(sorted(allowed))})")
        row["_where"] = f"{name}:{lineno}"
        rows.append(row)
    return rows


@functools.cache
def load_tsv(name: str, columns: tuple[str, ...], required: int = 1,
             choices: tuple[tuple[str, tuple[str, ...]], ...] = (), extra_dir: str | None = None,
             ) -> tuple[dict[str, str], ...]:
    """The packaged table `name`, with the rows of any user table of the same name laid over it."""
    ch = {k: set(v) for k, v in choices}
    rows = parse_tsv(_packaged_text(name), name, columns, required, ch)
    for d in _extra_dirs(extra_dir):
        p = d / name
        if p.is_file():
            user = parse_tsv(p.read_text(encoding="utf-8"), str(p), columns, required, ch)
            keys = {r[columns[0]] for r in user}
            rows = [r for r in rows if r[columns[0]] not in keys] + user
    return tuple(rows)


@functools.cache
def load_toml(name: str, extra_dir: str | None = None) -> dict[str, Any]:
    """The packaged TOML table; a user file of the same name adds or replaces top-level entries."""
    try:
        data = tomllib.loads(_packaged_text(name))
    except tomllib.TOMLDecodeError as exc:
        raise DataTableError(f"{name}: {exc}") from exc
    for d in _extra_dirs(extra_dir):
        p = d / name
        if p.is_file():
            try:
                user = tomllib.loads(p.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise DataTableError(f"{p}: {exc}") from exc
            for key, value in user.items():
                if isinstance(value, list) and isinstance(data.get(key), list):
                    data[key] = data[key] + value
                else:
                    data[key] = value
    return data


def packaged_tables() -> list[str]:
    """Names of every packaged table, for checks and for `newsscan` documentation."""
    root = resources.files("newsscan").joinpath("data")
    return sorted(p.name for p in root.iterdir() if p.name.endswith((".tsv", ".toml", ".jsonl")))
