"""Paths -> `Article` records: plain-text files, JSONL/CSV/JSON exports and saved HTML pages.

    >>> from newsscan.loader import iter_articles
    >>> [a.outlet for a in iter_articles(["seeds/"]) if hasattr(a, "outlet")]  # doctest: +SKIP
    ['Tempo', 'Cekricek', 'Kontan', 'EGINDO', 'Bloomberg Technoz']

A bad input is never an exception: `iter_articles` yields an `Issue(path, reason)` for it and goes on (an
empty, binary, unreadable or oversized file, a broken JSONL line, an export without a text column). Doubts are
warnings yielded before the article they concern (a fallback encoding, a text that does not read as
Indonesian); a second copy of an article already seen is a warning and is not yielded again.

Text files follow the scrapers' layout: headline, optional byline and date lines, an empty line, the body; or
the body alone. The clean body is the body's lines, minus boilerplate, joined by "\\n" exactly as scraped.
"""
from __future__ import annotations

import codecs
import csv
import glob
import hashlib
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from . import outlets
from .boilerplate import strip_boilerplate
from .likeness import articles_or_nothing
from .records import Article, Issue
from .repair import find_repairs
from .tables import Folders, cache_per_folders, load_toml, table

MAX_BYTES = 50 * 1024 * 1024
# a path that names standard input: one article (plain text or an HTML page), as trafilatura reads it
STDIN = "-"
MAX_CHARS = 500_000  # characters: a longer body is no news article (a dump, a log); skipped unless asked for
LONG_BODY = 100_000  # characters: a longer body is analyzed in parts, and the loader says so
TEXT_EXTS = {".txt", ".text", ""}
JSONL_EXTS = {".jsonl", ".ndjson"}
JSON_EXTS = {".json"}
CSV_EXTS = {".csv", ".tsv"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
ARTICLE_EXTS = TEXT_EXTS | JSONL_EXTS | JSON_EXTS | CSV_EXTS | HTML_EXTS

_MAX_HEADER_LINES = 6
_MAX_HEADER_CHARS = 300
_MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
          b"%PDF": "PDF document", b"PK\x03\x04": "ZIP archive (docx/xlsx?)", b"\x1f\x8b": "gzip archive",
          b"\x7fELF": "executable", b"SQLite format 3": "SQLite database"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_CONTROL_MAX = 0.05  # more control characters than this and the file is binary, whatever it decodes as
@cache_per_folders
def _function_words(folders: Folders) -> frozenset[str]:
    """Indonesian function words (data/function_words.tsv): the cheap language check; a text with almost none
    of them is flagged, not dropped."""
    return frozenset(r["word"].casefold() for r in table('function_words.tsv', folders))


_ID_MIN_WORDS = 30
_ID_MIN_RATIO = 0.05


class _Bad(Exception):
    """An input that cannot give an article: becomes an Issue."""


@dataclass(frozen=True, slots=True)
class PassedOver(Issue):
    """A file inside a folder that is not of a kind newsscan reads (.md, .toml, an image): not an input."""


@dataclass(frozen=True, slots=True)
class Duplicate(Issue):
    """An article whose clean body was already read under another name; it is analyzed once."""

    kept: str = ""  # the path of the copy that was analyzed
    previous: str = ""  # the last name this text was seen under (a row of the same export in another format)


def passed_over(path: str) -> PassedOver:
    ext = os.path.splitext(path)[1]
    return PassedOver(path, f"skipped: not an article file type ({ext or 'no extension'})", "warning")


# ---------------------------------------------------------------- paths

def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: str, files: list[str], issues: list[Issue]) -> None:
    seen: set[tuple[int, int]] = set()
    found = 0
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=True, onerror=lambda e: issues.append(
            Issue(getattr(e, "filename", None) or folder, f"unreadable folder: {e.strerror or e}"))):
        try:
            st = os.stat(dirpath)
            key = (st.st_dev, st.st_ino)
        except OSError as exc:
            issues.append(Issue(dirpath, f"unreadable folder: {exc.strerror or exc}"))
            dirnames[:] = []
            continue
        if key in seen:
            issues.append(Issue(dirpath, "folder already visited (a symlink loop): skipped", "warning"))
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = sorted(d for d in dirnames if not _is_hidden(d))
        for name in sorted(filenames):
            if _is_hidden(name):
                continue  # dotfiles (.DS_Store, .gitignore) are not articles
            path = os.path.join(dirpath, name)
            if os.path.splitext(name)[1].lower() in ARTICLE_EXTS:
                files.append(path)
                found += 1
            else:
                issues.append(passed_over(path))
    if not found:
        issues.append(Issue(folder, "folder holds no article files", "warning"))


def expand_paths(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
                 ) -> tuple[list[str], list[Issue]]:
    """(files, issues) for files, folders (recursive, sorted) and glob patterns, in the order given.

    A path that exists but cannot be read (a broken symlink, a symlink loop) is returned as a file, so that
    reading it reports why; a path or pattern that names nothing is an Issue.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: list[str] = []
    issues: list[Issue] = []
    for p in _unique(paths):
        s = os.fspath(p)
        if s == STDIN:
            files.append(s)
        elif _remote(s):  # s3://, gs://, … through fsspec (issue #25)
            found, problems = _remote(s).list_files(s, ARTICLE_EXTS, passed_over)
            files.extend(found)
            issues.extend(problems)
        elif os.path.isdir(s):
            _walk(s, files, issues)
        elif os.path.lexists(s):
            files.append(s)
        elif glob.has_magic(s):
            matches = sorted(glob.glob(s, recursive=True))
            if not matches:
                issues.append(Issue(s, "no files match this pattern"))
            for m in matches:
                if os.path.isdir(m):
                    _walk(m, files, issues)
                elif os.path.splitext(m)[1].lower() in ARTICLE_EXTS:
                    files.append(m)
                else:
                    issues.append(passed_over(m))
        else:
            issues.append(Issue(s, "no such file or folder"))
    return _unique(files), issues


def _remote(path: str):
    """`newsscan.remote` for a URL (`s3://…`, read through fsspec), None for a local path."""
    if "://" not in path:
        return None
    from . import remote

    return remote if remote.is_url(path) else None


def _unique(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The paths in order, each once: a file or folder named twice (`seeds/ seeds/`, `seeds/ seeds/a.txt`)
    is read once and is no duplicate of itself. Two names of one file through a symlink stay two inputs."""
    seen: set[str] = set()
    out: list[str] = []
    for p in paths:
        s = os.fspath(p)
        key = os.path.normpath(os.path.abspath(s))
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


# ---------------------------------------------------------------- bytes -> text

def decode(data: bytes) -> tuple[str, str, str | None]:
    """(text with "\\n" line ends, encoding, warning or None). Raises _Bad for empty or binary data.

    UTF-8 (with or without BOM), UTF-16/32 with BOM; anything else is decoded as cp1252, then latin-1, with a
    warning naming the fallback.
    """
    if not data:
        raise _Bad("empty file")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise _Bad(f"binary file ({what})")
    warning = None
    boms = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
            (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
    enc = next((e for bom, e in boms if data.startswith(bom)), None)
    if enc:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            if enc != "utf-8-sig":
                raise _Bad(f"binary file (not valid {enc.upper()} despite its byte-order mark)") from None
            text = data.decode(enc, errors="replace")
            warning = "not valid UTF-8 after its byte-order mark: bad bytes replaced with U+FFFD"
    else:
        if b"\x00" in data[:65536]:
            raise _Bad("binary file (NUL bytes; UTF-16 without a byte-order mark is not read)")
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, enc = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, enc = data.decode("latin-1"), "latin-1"
            warning = f"not UTF-8: decoded as {enc}"
    sample = text[:100000]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > _CONTROL_MAX:
        raise _Bad("binary file (mostly non-text characters)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _Bad("only whitespace")
    return text, enc, warning


def read_file(path: str) -> tuple[str, str, str | None]:
    """(text, encoding, warning) of one file; raises _Bad with the reason it cannot be read."""
    if path == STDIN:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise _Bad(f"too large (more than {MAX_BYTES // (1024 * 1024)} MB)")
        return decode(data)
    if _remote(path):  # a URL (issue #25): its bytes through fsspec
        try:
            data = _remote(path).read_bytes(path, MAX_BYTES + 1)
        except OSError as exc:
            raise _Bad(f"unreadable: {exc}") from None
        if len(data) > MAX_BYTES:
            raise _Bad(f"too large (more than {MAX_BYTES // (1024 * 1024)} MB)")
        return decode(data)
    try:
        st = os.stat(path)
        size = st.st_size
        if not stat.S_ISREG(st.st_mode):  # a named pipe would block the run on open()
            raise _Bad("not a regular file (a pipe, socket or device)")
        if size > MAX_BYTES:
            raise _Bad(f"too large ({size / 1e6:.0f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)")
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _Bad(f"unreadable: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise _Bad(f"too large (more than {MAX_BYTES // (1024 * 1024)} MB)")
    return decode(data)


# ---------------------------------------------------------------- text -> article

def split_header(text: str) -> tuple[list[str], list[str], int]:
    """(header lines, body lines, number of the body's first line). The header is what comes before the first
    empty line when it is short (at most 6 lines of at most 300 characters: headline, byline, date);
    otherwise the whole text is body."""
    lines = text.split("\n")
    k = next((i for i, line in enumerate(lines) if not line.strip()), None)
    if k is not None and 0 < k <= _MAX_HEADER_LINES and all(len(x) <= _MAX_HEADER_CHARS for x in lines[:k]) \
            and any(x.strip() for x in lines[k + 1:]) and not _is_lede(lines[:k]):
        return lines[:k], lines[k + 1:], k + 1
    return [], lines, 0


def _is_lede(block: Sequence[str]) -> bool:
    """A lone opening sentence set off by an empty line is body, not a headline: headlines end without a full
    stop and carry no dateline."""
    if len(block) != 1:
        return False
    s = block[0].strip()
    return (s.endswith(".") and not s.endswith("..")) or outlets.find_dateline(s) is not None


def _looks_indonesian(body: str) -> bool:
    words = re.findall(r"[a-z]+", body[:20000].lower())
    if len(words) < _ID_MIN_WORDS:
        return True  # too short to judge
    return sum(w in _function_words() for w in words) / len(words) >= _ID_MIN_RATIO


def make_article(path: str, header: Sequence[str], body_lines: Sequence[str], *, first_line: int = 0,
                 meta: outlets.Meta | None = None, source_format: str = "txt", encoding: str = "utf-8",
                 folders: Folders | None = None) -> Article:
    """One Article from header lines and body lines; raises _Bad when no text is left."""
    kept, removed = strip_boilerplate(body_lines, first_line=first_line, folders=folders)
    paragraphs = tuple(line for line in kept if line.strip())
    body = "\n".join(paragraphs)
    if not body.strip():
        raise _Bad("no article text (empty, or nothing but site furniture)")
    info = outlets.analyze(header, body, removed, meta=meta, folders=folders)
    text_hash = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
    return Article(
        id=hashlib.sha256(f"{path}\n{text_hash}".encode("utf-8", "surrogatepass")).hexdigest()[:16],
        path=path, outlet=info.outlet, outlet_evidence=info.outlet_evidence, title=info.title,
        published=info.published, published_evidence=info.published_evidence,
        published_time=info.published_time, dateline=info.dateline, dateline_end=info.dateline_end,
        authors=info.authors, editors=info.editors, credits=info.credits, url=info.url, body=body,
        paragraphs=paragraphs, boilerplate=removed, text_hash=text_hash, source_format=source_format,
        # scraper damage, read through by the analysis
        encoding=encoding, repairs=find_repairs(body, folders, info.dateline_end))


# ---------------------------------------------------------------- exports

def _norm_col(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", str(name).replace("\ufeff", "")).casefold()


@cache_per_folders
def column_aliases(folders: Folders | None = None) -> dict[str, tuple[str, ...]]:
    """Role -> normalized column names, from `data/columns.toml`."""
    data = load_toml("columns.toml", folders)
    return {role: tuple(_norm_col(n) for n in names) for role, names in data.items() if isinstance(names,
                                                                                                   list)}


def find_columns(columns: Sequence[str], *, text_column: str | None = None, folders: Folders | None = None,
                 ) -> dict[str, str]:
    """Role (text, title, url, date, time, outlet, author) -> the column of `columns` that plays it."""
    norm = {}
    for c in columns:
        norm.setdefault(_norm_col(c), c)
    roles: dict[str, str] = {}
    for role, names in column_aliases(folders).items():
        for n in names:
            if n in norm and norm[n] not in roles.values():
                roles[role] = norm[n]
                break
    if text_column is not None:
        roles.pop("text", None)
        hit = text_column if text_column in columns else norm.get(_norm_col(text_column))
        if hit is not None:
            for role in [r for r, c in roles.items() if c == hit]:
                roles.pop(role)
            roles["text"] = hit
    return roles


def _cell(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return "\n".join(str(v) for v in value if v is not None)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    s = str(value)
    return s if s.strip() else None


_PLACEHOLDERS = ("tanggal tidak ditemukan", "penulis tidak ditemukan", "nan", "none", "null", "-")


def _meta(row: Mapping[str, Any], roles: Mapping[str, str]) -> outlets.Meta:
    def get(role: str) -> str | None:
        v = _cell(row.get(roles[role])) if role in roles else None
        return None if v is None or v.strip().casefold() in _PLACEHOLDERS else v.strip()

    return outlets.Meta(title=get("title"), url=get("url"), date=get("date"), time=get("time"),
                        outlet=get("outlet"), author=get("author"),
                        columns={r: c for r, c in roles.items() if r != "text"})


def _row_article(path: str, row: Mapping[str, Any], roles: Mapping[str, str], fmt: str, enc: str,
                 folders: Folders | None) -> Article:
    text = _cell(row.get(roles["text"]))
    if text is None:
        raise _Bad(f"empty text column '{roles['text']}'")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return make_article(path, [], text.split("\n"), meta=_meta(row, roles), source_format=fmt, encoding=enc,
                        folders=folders)


def _no_text_column(columns: Sequence[str], text_column: str | None) -> str:
    cols = ", ".join(map(str, columns)) or "none"
    if text_column:
        return f"no column '{text_column}' (columns found: {cols})"
    return f"no text column (columns found: {cols}); name one with --text-column"


def _iter_jsonl(path: str, text: str, enc: str, text_column: str | None, folders: Folders | None,
                ) -> Iterator[Article | Issue]:
    missing: list[int] = []
    first_keys: list[str] = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}#{n}"
        try:
            row = json.loads(line)
        except (ValueError, RecursionError) as exc:  # JSONDecodeError, or an integer of 5,000 digits
            yield Issue(where, f"{path}:{n}: broken JSON line ({getattr(exc, 'msg', exc)})")
            continue
        if not isinstance(row, dict):
            yield Issue(where, f"{path}:{n}: not a JSON object")
            continue
        if "text" not in find_columns(list(row), text_column=text_column, folders=folders):
            # rows of one export share their keys: one line for all of them, not one per row
            missing.append(n)
            first_keys = first_keys or list(row)
            continue
        yield from _one_row(where, row, "jsonl", enc, text_column, folders)
    if missing:
        if len(missing) == 1:
            lines = f"line {missing[0]}"
        else:
            lines = f"{len(missing)} rows, lines {missing[0]}-{missing[-1]}"
        yield Issue(path, f"{lines}: {_no_text_column(first_keys, text_column)}")


def _one_row(where: str, row: Mapping[str, Any], fmt: str, enc: str, text_column: str | None,
             folders: Folders | None) -> Iterator[Article | Issue]:
    roles = find_columns(list(row), text_column=text_column, folders=folders)
    if "text" not in roles:
        yield Issue(where, _no_text_column(list(row), text_column))
        return
    try:
        yield _row_article(where, row, roles, fmt, enc, folders)
    except _Bad as exc:
        yield Issue(where, str(exc))


def _iter_json(path: str, text: str, enc: str, text_column: str | None, folders: Folders | None,
               ) -> Iterator[Article | Issue]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        yield Issue(path, f"broken JSON ({getattr(exc, 'msg', exc)}, line {getattr(exc, 'lineno', '?')})")
        return
    if isinstance(data, dict):
        inner = next((v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)), None)
        rows = inner if inner is not None else [data]
    elif isinstance(data, list):
        rows = data
    else:
        yield Issue(path, "JSON holds neither an object nor a list of objects")
        return
    for n, row in enumerate(rows, 1):
        if isinstance(row, dict):
            yield from _one_row(f"{path}#{n}", row, "json", enc, text_column, folders)
        else:
            yield Issue(f"{path}#{n}", "not a JSON object")


def _iter_csv(path: str, text: str, enc: str, text_column: str | None, folders: Folders | None,
              ) -> Iterator[Article | Issue]:
    first = text.split("\n", 1)[0]
    delim = "\t" if path.lower().endswith(".tsv") else max(",;\t|", key=first.count)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield Issue(path, f"no CSV header ({exc})" if str(exc) else "no CSV header")
        return
    header = [h.replace("\ufeff", "").strip() for h in header]
    roles = find_columns(header, text_column=text_column, folders=folders)
    if "text" not in roles:
        yield Issue(path, _no_text_column(header, text_column))
        return
    n = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            n += 1
            yield Issue(f"{path}#{n}", f"{path}: row {n}: broken CSV ({exc})")
            continue
        n += 1
        if not any(c.strip() for c in cells):
            continue
        row = dict(zip(header, cells, strict=False))
        try:
            yield _row_article(f"{path}#{n}", row, roles, "csv", enc, folders)
        except _Bad as exc:
            yield Issue(f"{path}#{n}", str(exc))


def _iter_html(path: str, text: str, enc: str, folders: Folders | None) -> Iterator[Article | Issue]:
    """A saved page: webpage.read_page finds the headline, metadata and the article's paragraphs."""
    from .webpage import read_page

    try:
        page = read_page(text)
    except Exception as exc:  # noqa: BLE001 - a third-party parser on hostile input: any failure is an Issue
        yield Issue(path, f"HTML page could not be parsed ({type(exc).__name__}: {exc})")
        return
    if page is None:
        yield Issue(path, "no article text found in the HTML page")
        return
    meta = outlets.Meta(title=page.title, url=page.url, date=page.date, outlet=page.sitename,
                        author=page.author,
                        columns={"date": page.date_source, "outlet": "html:sitename", "title": "html:title"})
    try:
        # as a text file's header
        header = [page.title or "", *(t for t, why in page.removed if why == "byline")]
        yield make_article(path, header, page.lines, meta=meta, source_format="html", encoding=enc,
                           folders=folders)
    except _Bad as exc:
        yield Issue(path, str(exc))


def _is_html(path: str, text: str) -> bool:
    if os.path.splitext(path)[1].lower() in HTML_EXTS:
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def read_items(path: str, text_column: str | None = None) -> list[Article | Issue]:
    """One file's articles and issues, before the corpus-wide checks of `iter_files` (duplicates)."""
    return list(_iter_file(path, text_column, None))


def _iter_file(path: str, text_column: str | None, folders: Folders | None) -> Iterator[Article | Issue]:
    try:
        yield from _read_one(path, text_column, folders)
    except (MemoryError, RecursionError, re.error, UnicodeError, ValueError, IndexError, KeyError, TypeError,
            AttributeError) as exc:
        # the contract is "an Issue, never an exception" even for a bug of ours: say so, so that it gets
        # reported
        yield Issue(path, f"internal error while reading ({type(exc).__name__}: {exc}); please report it")


def _read_one(path: str, text_column: str | None, folders: Folders | None) -> Iterator[Article | Issue]:
    try:
        text, enc, warning = read_file(path)
    except _Bad as exc:
        yield Issue(path, str(exc))
        return
    if warning:
        yield Issue(path, warning, "warning")
    ext = os.path.splitext(path)[1].lower()
    if ext in JSONL_EXTS:
        yield from _iter_jsonl(path, text, enc, text_column, folders)
    elif ext in JSON_EXTS:
        yield from _iter_json(path, text, enc, text_column, folders)
    elif ext in CSV_EXTS:
        yield from _iter_csv(path, text, enc, text_column, folders)
    elif _is_html(path, text):
        yield from _iter_html(path, text, enc, folders)
    else:
        header, body_lines, first = split_header(text)
        try:
            yield make_article(path, header, body_lines, first_line=first, encoding=enc, folders=folders)
        except _Bad as exc:
            yield Issue(path, str(exc))


def iter_articles(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
                  text_column: str | None = None, folders: Folders | None = None,
                  file_cache: FileCache | None = None, max_chars: int | None = None,
                  ) -> Iterator[Article | Issue]:
    """Articles from files, folders (recursive, sorted) and glob patterns, with an Issue for every input that
    could not be read, was read with a doubt (warning), or repeats an article already yielded (a `Duplicate`
    warning naming the copy kept). A path named twice is read once; an export whose rows are too short to be
    articles (annotations, a list of titles) is skipped whole, with one Issue naming its columns.

    With a `file_cache` (see `newsscan.cache.FileCache`), what a file gave is kept under its path, size and
    modification time, and an unchanged file is not read and parsed again. A body longer than `max_chars`
    characters (None: no limit) is skipped with an Issue saying how to raise the limit."""
    files, issues = expand_paths(paths)
    yield from issues
    yield from iter_files(files, text_column=text_column, folders=folders, file_cache=file_cache,
                          max_chars=max_chars)


def iter_files(files: Sequence[str], *, text_column: str | None = None, folders: Folders | None = None,
               file_cache: FileCache | None = None, max_chars: int | None = None,
               read=None) -> Iterator[Article | Issue]:
    """`iter_articles` over files already listed by `expand_paths`. `read(path)`, when given, returns the
    items of a file the cache does not hold, read elsewhere (`read_items` on a Dask worker), or None to read
    it here."""
    seen: dict[str, str] = {}
    last: dict[str, str] = {}  # text hash -> the latest name it was seen under
    for path in files:
        items = _file_items(path, text_column, folders, file_cache, read)
        if text_column is None and os.path.splitext(path)[1].lower() in JSONL_EXTS | JSON_EXTS | CSV_EXTS:
            # a column named by the user is read whatever its length
            items = articles_or_nothing(path, items)
        for item in items:
            if isinstance(item, Article) and max_chars is not None and len(item.body) > max_chars:
                yield Issue(item.path,
                            f"body of {len(item.body):,} characters, over the limit of {max_chars:,}: "
                            "skipped (raise it with --max-chars, or max_chars= in the library)")
                continue
            if isinstance(item, Article):
                first = seen.get(item.text_hash)
                if first is not None:
                    yield Duplicate(item.path, f"duplicate of {first}: analyzed once", "warning", kept=first,
                                    previous=last[item.text_hash])
                    last[item.text_hash] = item.path
                    continue
                seen[item.text_hash] = last[item.text_hash] = item.path
                yield from _doubts(item)
            yield item


def _doubts(item: Article) -> Iterator[Issue]:
    if len(item.body) > LONG_BODY:
        yield Issue(item.path, f"very long body ({len(item.body):,} characters): analyzed in parts of "
                    f"at most {LONG_BODY:,}; a quote or date across a cut may be missed", "warning")
    if not _looks_indonesian(item.body):
        yield Issue(item.path, "does not read as Indonesian (few Indonesian function words); loaded anyway",
                    "warning")


class FileCache(Protocol):
    def get(self, key: str) -> list[Article | Issue] | None: ...

    def put(self, key: str, items: list[Article | Issue]) -> None: ...


def _file_items(path: str, text_column: str | None, folders: Folders | None,
                file_cache: FileCache | None, read=None) -> Iterable[Article | Issue]:
    def fresh() -> Iterable[Article | Issue]:  # read elsewhere (a Dask worker) when `read` takes the file
        items = read(path) if read else None
        return _iter_file(path, text_column, folders) if items is None else items

    if file_cache is None or path == STDIN:  # standard input has no modification time to key on
        return fresh()
    try:
        st = os.stat(path)
    except OSError:
        return fresh()  # it will say what is wrong
    key = "\0".join(("file", os.path.abspath(path), str(st.st_size), str(st.st_mtime_ns), str(st.st_ino),
                      text_column or "", os.pathsep.join(folders or ())))
    items = file_cache.get(key)
    if items is None:
        items = list(fresh())
        file_cache.put(key, items)
    return items


__all__ = [
    "MAX_BYTES",
    "MAX_CHARS",
    "FileCache",
    "decode",
    "expand_paths",
    "find_columns",
    "iter_articles",
    "iter_files",
    "make_article",
    "read_file",
    "read_items",
    "split_header",
]
