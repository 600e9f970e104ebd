"""Inputs named by URL (`s3://bucket/news/`, `gs://…/export.jsonl`, `memory://…`, `file:///…`), read
through fsspec: the protocol's package (s3fs, gcsfs, …) must be installed. fsspec is imported only when a URL
is given.

A folder URL lists its article files (recursive, sorted, hidden ones left out) as full URLs, so that paths in
the output name where each article came from; the loader then reads each URL's bytes as it reads a local
file's.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection

from .records import Issue

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(path: str) -> bool:
    return bool(_URL.match(path))


def _fs(url: str):
    try:
        import fsspec
    except ImportError:
        from .errors import NewsscanError

        raise NewsscanError(f"{url}: reading URLs needs fsspec (pip install 'newsscan[dask]')") from None
    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:  # no package for the protocol (s3fs, gcsfs, …)
        from .errors import NewsscanError

        raise NewsscanError(f"{url}: {exc}") from None


def list_files(url: str, article_exts: Collection[str], passed_over: Callable[[str], Issue],
               ) -> tuple[list[str], list[Issue]]:
    """(file URLs, issues) for a file, folder or glob pattern URL, as `loader.expand_paths` does for paths: a
    file of a folder or pattern is listed when its extension is one of `article_exts`, else `passed_over`
    makes its issue (both the loader's: this module imports no loader)."""
    import glob

    fs, root = _fs(url)
    if glob.has_magic(root):
        found = sorted(p for p in fs.glob(root) if fs.isfile(p))
        if not found:
            return [], [Issue(url, "no files match this pattern")]
    elif fs.isdir(root):
        found = sorted(p for p in fs.find(root) if not _hidden(posixpath.relpath(p, root)))
    elif fs.exists(root):
        return [url], []
    else:
        return [], [Issue(url, "no such file or folder")]
    files, issues = [], []
    for p in found:
        full = fs.unstrip_protocol(p)
        if posixpath.splitext(p)[1].lower() in article_exts:
            files.append(full)
        else:
            issues.append(passed_over(full))
    return files, issues


def _hidden(relative: str) -> bool:
    return any(part.startswith(".") for part in relative.split("/"))


def read_bytes(url: str, limit: int) -> bytes:
    """At most `limit` bytes of the file at `url`; OSError when it cannot be read."""
    fs, root = _fs(url)
    try:
        with fs.open(root, "rb") as fh:
            return fh.read(limit)
    except (OSError, ValueError) as exc:
        raise OSError(str(exc)) from None
