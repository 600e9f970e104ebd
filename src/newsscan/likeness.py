"""Whether a scraper export's rows read as articles: an annotation file, a list of quotes or of titles beside
the articles is skipped whole, with one Issue naming its columns (so `--text-column` can pick another)."""
from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator

from .records import Article, Issue

# an export whose rows are shorter than this (median words of its first rows) holds annotations, quotes or
# titles rather than articles: a quote or a headline has 10-20 words, the shortest of 3,463 IndoSum articles
# 44
MIN_ARTICLE_WORDS = 25
_LIKENESS_ROWS = 20
_CSV_EXTS = (".csv", ".tsv")


def articles_or_nothing(path: str, items: Iterable[Article | Issue]) -> Iterator[Article | Issue]:
    """The items of an export, or, when its first rows are too short to be article bodies, its own Issues
    (a broken line stays reported) and one Issue saying why its rows were not read."""
    it = iter(items)
    head: list[Article | Issue] = []
    for item in it:
        head.append(item)
        if sum(isinstance(x, Article) for x in head) >= _LIKENESS_ROWS:
            break
    words = sorted(len(x.body.split()) for x in head if isinstance(x, Article))
    if words and words[len(words) // 2] < MIN_ARTICLE_WORDS:
        rest = list(it)
        rows = len(words) + sum(isinstance(x, Article) for x in rest)
        yield from (x for x in head + rest if not isinstance(x, Article))
        yield Issue(path, f"its {rows} rows do not look like articles (median {words[len(words) // 2]} "
                    f"words, articles have {MIN_ARTICLE_WORDS} or more; columns found: "
                    f"{export_columns(path)}); name the body's column with --text-column to read them anyway")
        return
    yield from head
    yield from it


def export_columns(path: str) -> str:
    """The column names of an export, read from its first line (CSV header, first JSON object)."""
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as fh:
            line = fh.readline(65536).strip()
    except OSError:
        return "unknown"
    if os.path.splitext(path)[1].lower() in _CSV_EXTS:
        delim = "\t" if path.lower().endswith(".tsv") else max(",;\t|", key=line.count)
        return ", ".join(next(csv.reader([line], delimiter=delim), [])) or "none"
    try:
        row = json.loads(line)
    except ValueError:
        return "unknown"
    return ", ".join(map(str, row)) if isinstance(row, dict) else "unknown"
