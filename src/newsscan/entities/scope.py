"""The stretches of an article's body that are no article text for the entity layer.

Gold CONVENTIONS ("Entities"): datelines (`JAKARTA, KOMPAS.com -`), bylines, related-article headlines, tag
lists and editor codes are not annotated. The boilerplate layer removes such lines when they stand alone;
scrapers glue many of them into a paragraph (`... kata dia. Baca juga: Polisi Tangkap Dua Pelaku Dia
menambahkan ...`, `... ujarnya. (Ant/OL-12)`). `out_of_scope(body, dateline_end)` returns those stretches
as sorted (start, end) offsets; a mention inside one is dropped. The cues are `data/entity_scope.tsv`.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..tables import Folders, cache_per_folders, table

Span = tuple[int, int]
# a parenthesised credit right after a sentence end: `(OL-8)`, `(Ant/OL-12)`, `(Wahyu Tri, Yoliawan H)`
_CREDIT = re.compile(
    r"(?<=[.!?\"”’'])[ \t]*\([A-Z*][\w*]*(?:(?:[ \t]*[-/,.&][ \t]*|[ \t]+)[\w*]+){0,7}[ \t]*\)"
)
# a dateline the outlet layer did not take: `JAKARTA, KOMPAS.com  Peristiwa ...`, `SURABAYA--MICOM:`
_DATELINE = re.compile(
    r"[ \t]*[A-Z]{3,}(?:[ \t]+[A-Z]{3,})?(?:(?:,[ \t]*|[ \t]*[-–—]+[ \t]*)[A-Za-z]+\.[A-Za-z.]+)?"
    r"[ \t]*(?:[-–—:]+[ \t]*|[ \t](?=[A-Z]))"
)
_SITE = re.compile(r"[ \t]*[A-Za-z.]*[A-Z]{2,}[A-Za-z.]*[ \t]*[:\-–—]+[ \t]*")
_WORD = re.compile(r"[^\s]+")
_STOP = re.compile(r"[.!?\"“”;\n]|\s[-–—]\s")


@cache_per_folders
def _cues(folders: Folders) -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = table('entity_scope.tsv', folders)
    out = []
    for r in rows:
        words = [re.escape(w) for w in r["cue"].split()]
        out.append(
            (re.compile(r"(?<!\w)" + r"\s*".join(words) + r"(?!\w)\s*:?\s*", re.IGNORECASE), r["kind"])
        )
    return tuple(out)


@cache_per_folders
def _small_words(folders: Folders) -> frozenset[str]:
    """Function words a title-case headline leaves in lower case (`Polisi Periksa Saksi di Bandung`)."""
    return frozenset(r["word"].casefold() for r in table('function_words.tsv', folders))


def _paragraph_end(body: str, i: int) -> int:
    end = body.find("\n", i)
    return len(body) if end < 0 else end


def _headline_end(body: str, start: int, stop_at: int) -> int:
    """End of a related headline glued to the next sentence. A title-case headline (most words capitalised)
    runs to the last capitalised word before the first lower-case content word, which opens the next sentence
    (`Bank X Rombak Direksi Kedua bank ...` -> `Bank X Rombak Direksi`); a sentence-case one to the first
    sentence mark or comma."""
    words = [(m.start(), m.group()) for m in _WORD.finditer(body, start, stop_at)]
    alpha = [w for _, w in words[:8] if w[:1].isalpha() and w.casefold() not in _small_words()][:6]
    title_case = len(alpha) >= 3 and sum(w[:1].isupper() for w in alpha[1:]) * 4 >= (len(alpha) - 1) * 3
    if not title_case:
        hit = re.compile(r"[.!?\"“”,;:\n]").search(body, start, stop_at)
        return hit.start() if hit else stop_at
    last_cap = start
    for at, w in words:
        if _STOP.match(w[:1]):
            return at
        if w[:1].isupper() or w[:1].isdigit():
            last_cap = at
        elif w.casefold().strip(",:") not in _small_words():
            return last_cap
        stop = _STOP.search(w)
        if stop:
            return at + stop.start()
    return stop_at


def out_of_scope(body: str, dateline_end: int = 0) -> list[Span]:
    """Sorted, non-overlapping (start, end) stretches of `body` the entity layer leaves out."""
    spans: list[Span] = []
    if dateline_end > 0:
        site = _SITE.match(body, dateline_end)  # `JAKARTA--` + `MICOM:`: the site name after the place
        spans.append((0, site.end() if site else dateline_end))
    for rx, kind in _cues():
        for m in rx.finditer(body):
            para_end = _paragraph_end(body, m.start())
            if kind == "footer":
                continue
            if kind == "related":
                spans.append((m.start(), _headline_end(body, m.end(), para_end)))
            else:
                spans.append((m.start(), para_end))
    footers = [m.start() for rx, kind in _cues() if kind == "footer" for m in rx.finditer(body)]
    for m in _CREDIT.finditer(body):
        after = m.end() + len(body[m.end():m.end() + 8]) - len(body[m.end():m.end() + 8].lstrip(" \t"))
        if after >= len(body) or body[after] == "\n" or after in footers:
            spans.append(m.span())
    if dateline_end <= 0:
        head = _DATELINE.match(body)
        if head:
            spans.append(head.span())
    return _merge(spans)


def _merge(spans: Sequence[Span]) -> list[Span]:
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def inside(spans: Sequence[Span], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted `spans`."""
    import bisect

    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    for j in (i, i + 1):
        if 0 <= j < len(spans) and spans[j][0] < end and start < spans[j][1]:
            return True
    return False
