"""The one module that formats output: rich tables, JSON, JSON lines and CSV.

Commands hand over plain rows (dicts of JSON-ready values) or a document (a dict); this module decides how
they look. Article text is never read as rich markup (`Text` objects, not markup strings), and a file named
with `--output` is written to a temporary file and renamed, so a reader never sees half of it.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

FORMATS = ("table", "json", "jsonl", "csv")


def default_format(stream: TextIO | None = None) -> str:
    """A table on a terminal, JSON lines in a pipe."""
    stream = stream or sys.stdout
    return "table" if getattr(stream, "isatty", lambda: False)() else "jsonl"


def to_json(value: Any, *, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=False, default=str)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return to_json(value)
    return str(value)


def _columns(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None) -> list[str]:
    if columns:
        return list(columns)
    seen: dict[str, None] = {}
    for r in rows:
        for k in r:
            seen.setdefault(k, None)
    return list(seen)


def rows_to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    cols = _columns(rows, columns)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in cols])
    return buf.getvalue()


def rows_to_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(to_json(r) + "\n" for r in rows)


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None, title: str | None, width: int | None):
    from rich.table import Table
    from rich.text import Text

    cols = _columns(rows, columns)
    table = Table(title=title, show_lines=False, header_style="bold", expand=False)
    for c in cols:
        table.add_column(c, overflow="fold", max_width=width)
    for r in rows:
        table.add_row(*(Text(_cell(r.get(c))) for c in cols))
    return table


def _write(text: str, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomic(output, text)


def write_atomic(path: str, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder and a rename."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    fd, tmp = tempfile.mkstemp(prefix=".newsscan-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def emit(rows: Sequence[dict[str, Any]], fmt: str | None, output: str | None = None, *,
         columns: Sequence[str] | None = None, table_columns: Sequence[str] | None = None,
         title: str | None = None, summary: dict[str, Any] | None = None, max_width: int | None = 60) -> None:
    """Print or write rows. `columns` fixes the CSV/table columns (JSON keeps every key); `table_columns`
    narrows the terminal table to what fits; `summary` is shown under a table and kept out of the row
    formats except JSON, where the output becomes {"rows": [...], "summary": {...}}."""
    fmt = fmt or default_format()
    if fmt == "jsonl":
        _write(rows_to_jsonl(rows), output)
    elif fmt == "json":
        doc: Any = {"rows": list(rows), "summary": summary} if summary is not None else list(rows)
        _write(to_json(doc, indent=2) + "\n", output)
    elif fmt == "csv":
        _write(rows_to_csv(rows, columns), output)
    elif fmt == "table":
        _emit_tables([(title, rows, table_columns or columns)], summary, output, max_width)
    else:
        from .errors import UsageError

        raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def emit_document(doc: dict[str, Any], fmt: str | None, output: str | None = None, *,
                  sections: Sequence[tuple[str, Sequence[dict[str, Any]], Sequence[str] | None]] = (),
                  rows: Sequence[dict[str, Any]] | None = None) -> None:
    """A nested result (e.g. the diff): JSON as the document itself; JSON lines and CSV from `rows`
    (a flat view); a table shows each `(title, rows, columns)` section in turn."""
    fmt = fmt or default_format()
    if fmt == "json":
        _write(to_json(doc, indent=2) + "\n", output)
    elif fmt == "jsonl":
        _write(rows_to_jsonl(rows if rows is not None else [doc]), output)
    elif fmt == "csv":
        _write(rows_to_csv(rows or []), output)
    elif fmt == "table":
        _emit_tables(sections, None, output, 70)
    else:
        from .errors import UsageError

        raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def _emit_tables(sections, summary, output, max_width) -> None:
    from rich.console import Console

    buf = io.StringIO() if output not in (None, "-") else None
    if buf is not None:
        console = Console(file=buf, width=160)
    else:
        console = Console()
        if not console.is_terminal:  # piped or redirected: no width to fit, so do not squeeze to 80 columns
            console = Console(width=160)
    for title, rows, cols in sections:
        if not rows:
            console.print(f"{title}: none" if title else "(no rows)", markup=False)
            continue
        console.print(_table(rows, cols, title, max_width))
    if summary:
        console.print(_table([{"": k, "value": _cell(v)} for k, v in summary.items()], None, None, 100))
    if buf is not None:
        write_atomic(output, buf.getvalue())
