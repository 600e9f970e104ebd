"""The one module that formats output: terminal tables, JSON, JSON lines and CSV.

Commands hand over plain rows (dicts of JSON-ready values) and, for a table, the columns a reader needs
(`Col`); this module decides how they look. Article text is never read as rich markup (`Text` objects, not
markup strings), and a file named with `--output` is written to a temporary file and renamed, so a reader
never sees half of it.

Formats: `--format` decides; else the output file's extension (`.csv`, `.json`, `.jsonl`/`.ndjson`); else a
table on a terminal and JSON lines in a pipe or any other file. JSON is always one object whose `rows` are
the rows JSON lines and CSV print, plus what a command adds (`summary`, `stories`).
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

FORMATS = ("table", "json", "jsonl", "csv")
EXTENSIONS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
FILE_WIDTH = 160  # a table written to a file or a pipe (no terminal to fit) is this wide, unless $COLUMNS
GAP = 2  # spaces between two table columns
MIN_WIDE = 10  # the narrowest a wrapped text column becomes on a very narrow terminal


def choose_format(fmt: str | None, output: str | None, stream: TextIO | None = None) -> str:
    """`fmt` if given; else from the output file's extension; else a table on a terminal, JSON lines
    otherwise (a pipe, or a file of another extension)."""
    if fmt:
        return fmt
    if output not in (None, "-"):
        return EXTENSIONS.get(os.path.splitext(output)[1].lower(), "jsonl")
    stream = stream or sys.stdout
    return "table" if getattr(stream, "isatty", lambda: False)() else "jsonl"


def default_format(stream: TextIO | None = None) -> str:
    """A table on a terminal, JSON lines in a pipe."""
    return choose_format(None, None, stream)


def to_json(value: Any, *, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=False, default=str)


def _cell(value: Any, sep: str = "; ") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (list, tuple)):
        return sep.join(_cell(v) for v in value)
    if isinstance(value, dict):
        return to_json(value)
    return str(value)


def _columns(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None) -> list[str]:
    if columns:
        return list(columns)
    known = getattr(rows, "columns", None)  # api.Rows knows its keys even when it holds no row
    seen: dict[str, None] = dict.fromkeys(known or ())
    for r in rows:
        for k in r:
            seen.setdefault(k, None)
    return list(seen)


def rows_to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None, *,
                headers: bool = True) -> str:
    """CSV with a header row (also when there is no row at all); lists joined by `; `."""
    cols = _columns(rows, columns)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if headers:
        w.writerow(cols)
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in cols])
    return buf.getvalue()


def rows_to_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(to_json(r) + "\n" for r in rows)


# ---------------------------------------------------------------- tables that fit a width

@dataclass(frozen=True, slots=True)
class Col:
    """One column of a terminal table.

    kind: "text" (cut with … to `max`), "wide" (wraps at spaces and takes the width left over, at least
    `min`, or half the table when `min` is 0), "num" (right-aligned, never cut) or "date" (never cut).
    drop: 0 never; otherwise columns go, highest first, while the table is too wide."""

    key: str
    header: str = ""
    kind: str = "text"
    max: int = 24
    min: int = 0
    drop: int = 0
    value: Callable[[dict[str, Any]], Any] | None = None  # the cell from the row, when not row[key]

    def cell(self, row: dict[str, Any]) -> str:
        v = self.value(row) if self.value else row.get(self.key)
        return _cell(v, ", ").replace("\n", " ")

    @property
    def title(self) -> str:
        return self.header or self.key


def _natural(col: Col, cells: Sequence[str]) -> int:
    longest = max([len(col.title), *map(len, cells)])
    return longest if col.kind in ("num", "date", "wide") else min(longest, max(col.max, len(col.title)))


def _floor(col: Col, natural: int, width: int) -> int:
    """The narrowest a column may become: a wide one `min` (default half the width), a text one its header
    or `min` (default 8); numbers and dates are never cut."""
    if col.kind == "wide":
        return min(natural, col.min or max(20, width // 2))
    if col.kind == "text":
        return min(natural, max(len(col.title), col.min or 8))
    return natural


def _want(col: Col, natural: int, width: int) -> int:
    """The width a column should keep before lower-priority columns are kept: the table's main text (a wide
    column that is never dropped) half the width; an optional wide column only its floor."""
    floor = _floor(col, natural, width)
    if col.kind == "wide" and not col.drop:
        return min(natural, max(floor, width // 2))
    return floor if col.kind == "wide" else natural


def fit(cols: Sequence[Col], rows: Sequence[dict[str, Any]], width: int) -> list[tuple[Col, int]]:
    """The columns kept and their widths for a table at most `width` characters wide. Columns are dropped
    (highest `drop` first) while the rest would not fit with the main text at half the width and the text
    columns cut by at most a third; then the text columns shrink as needed, and the wide ones share what is
    left."""
    cells = {c.key: [c.cell(r) for r in rows] for c in cols}
    natural = {c.key: _natural(c, cells[c.key]) for c in cols}
    kept = list(cols)
    droppable = sorted((c for c in cols if c.drop), key=lambda c: -c.drop)
    while droppable and not _fits(kept, natural, width):
        kept.remove(droppable.pop(0))
    widths = {c.key: natural[c.key] for c in kept if c.kind != "wide"}
    _shrink(kept, widths, natural, width)
    left = width - sum(widths.values()) - GAP * (len(kept) - 1)
    wide = [c for c in kept if c.kind == "wide"]
    floors = sum(_floor(c, natural[c.key], width) for c in wide)
    for i, c in enumerate(wide):
        # below their floor only on a terminal too narrow for the rest: dates and numbers are never cut
        least = _floor(c, natural[c.key], width) if left >= floors else MIN_WIDE
        share = max(least, left // (len(wide) - i))
        widths[c.key] = min(natural[c.key], share)
        left -= widths[c.key]
    return [(c, widths[c.key]) for c in kept]


def _fits(kept: Sequence[Col], natural: dict[str, int], width: int) -> bool:
    """Whether `kept` fits with the wide columns as they want and the text ones losing at most a third."""
    fixed = sum(_want(c, natural[c.key], width) for c in kept if c.kind != "text")
    text = sum(natural[c.key] for c in kept if c.kind == "text")
    room = width - fixed - GAP * (len(kept) - 1)
    return room >= text * 2 / 3 and room >= sum(_floor(c, natural[c.key], width) for c in kept
                                                if c.kind == "text")


def _shrink(kept: Sequence[Col], widths: dict[str, int], natural: dict[str, int], width: int) -> None:
    """Narrows the text columns, widest first, until the table fits (never below their floor)."""
    wide = sum(_floor(c, natural[c.key], width) for c in kept if c.kind == "wide")
    over = sum(widths.values()) + wide + GAP * (len(kept) - 1) - width
    texts = sorted((c for c in kept if c.kind == "text"), key=lambda c: -widths[c.key])
    while over > 0 and texts:
        c = max(texts, key=lambda c: widths[c.key])
        floor = _floor(c, natural[c.key], width)
        if widths[c.key] <= floor:
            texts.remove(c)
            continue
        widths[c.key] -= 1
        over -= 1


def table(rows: Sequence[dict[str, Any]], cols: Sequence[Col], width: int, *, title: str | None = None,
          headers: bool = True):
    """A rich Table of `rows` at most `width` wide (see `fit`); cells are plain `Text`, never markup."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    t = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
              padding=(0, 1, 0, 0), show_header=headers, header_style="bold", expand=False,
              collapse_padding=True)
    layout = fit(cols, rows, width)
    for c, w in layout:
        wraps = c.kind == "wide"
        t.add_column(c.title, width=w, min_width=w, max_width=w, no_wrap=not wraps,
                     overflow="fold" if wraps else "ellipsis",
                     justify="right" if c.kind == "num" else "left")
    for r in rows:
        t.add_row(*(Text(c.cell(r)) for c, _ in layout), end_section=bool(r.get("_end_section")))
    return t


def _width() -> int:
    """$COLUMNS if set; else the terminal's width when printing to one; else FILE_WIDTH."""
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) >= 20:
        return int(env)
    if getattr(sys.stdout, "isatty", lambda: False)():
        return shutil.get_terminal_size((FILE_WIDTH, 24)).columns
    return FILE_WIDTH


Section = tuple[str | None, Sequence[dict[str, Any]], Sequence[Col]]


def tables_text(sections: Sequence[Section], width: int, *, headers: bool = True,
                footer: Sequence[str] = ()) -> str:
    """Every section as a table under its title (`title: none` for an empty one), then the footer lines."""
    from rich.console import Console

    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=False, color_system=None, highlight=False,
                      soft_wrap=False)
    for i, (title, rows, cols) in enumerate(sections):
        if i:
            console.print()
        if not rows:
            console.print(f"{title}: none" if title else "(no rows)", markup=False)
            continue
        console.print(table(rows, cols, width, title=title, headers=headers))
    for line in footer:
        console.print(line, markup=False, highlight=False)
    return "\n".join(line.rstrip() for line in buf.getvalue().split("\n"))


# ---------------------------------------------------------------- writing

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


def output_problem(output: str | None) -> str | None:
    """Why `output` cannot be written (a missing or unwritable folder, a folder in its place), or None."""
    if output in (None, "-"):
        return None
    folder = os.path.dirname(os.path.abspath(output))
    if os.path.isdir(output):
        return f"{output} is a folder"
    if not os.path.isdir(folder):
        if not os.path.exists(folder):
            return f"folder {folder} does not exist"
        return f"{folder} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"folder {folder} is not writable"
    if os.path.exists(output) and not os.access(output, os.W_OK):
        return f"{output} is not writable"
    return None


def emit(
    rows: Sequence[dict[str, Any]],
    fmt: str | None,
    output: str | None = None,
    *,
    table_columns: Sequence[Col] | None = None,
    sections: Sequence[Section] | None = None,
    title: str | None = None,
    extra: dict[str, Any] | None = None,
    footer: Sequence[str] = (),
    headers: bool = True,
) -> None:
    """Print or write `rows` in the chosen format (see `choose_format`).

    JSON is `{"rows": [...], **extra}`; JSON lines and CSV are the rows (CSV keeps its header when there is no
    row; `headers=False` leaves it out, as it does the table's). A table shows `sections` when given (each a
    (title, rows, columns) triple), else `rows` under `title` with `table_columns`, then the `footer`
    lines."""
    fmt = choose_format(fmt, output)
    if fmt == "jsonl":
        text = rows_to_jsonl(rows)
    elif fmt == "json":
        text = to_json({"rows": list(rows), **(extra or {})}, indent=2) + "\n"
    elif fmt == "csv":
        text = rows_to_csv(rows, headers=headers)
    elif fmt == "table":
        cols = table_columns or [Col(k) for k in _columns(rows, None)]
        text = (
            tables_text(
                sections if sections is not None else [(title, rows, cols)],
                _width(),
                headers=headers,
                footer=footer,
            )
            + "\n"
        )
    else:
        from .errors import UsageError

        raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    _write(text, output)
