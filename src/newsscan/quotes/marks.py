"""Quote marks: find them, pair them, never run away.

Marks are paired in one left-to-right pass over the body (linear in its length). A mark's direction comes
from its shape (“ opens, ” closes) and, for straight or misused marks, from what stands on either side of it.
An opening mark that never closes yields an `unclosed` span that ends with its paragraph; a quote the scraper
broke over a few lines (no mark at all on the lines between) is joined across them.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# family, direction: o = opens, c = closes, a = either
_MARKS = {
    "“": ("d", "o"),
    "„": ("d", "o"),
    "‟": ("d", "o"),
    "«": ("d", "o"),
    "”": ("d", "c"),
    "»": ("d", "c"),
    '"': ("d", "a"),
    "″": ("d", "a"),
    "‘": ("s", "o"),
    "‹": ("s", "o"),
    "’": ("s", "c"),
    "›": ("s", "c"),
    "'": ("s", "a"),
    "&ldquo;": ("d", "o"),
    "&bdquo;": ("d", "o"),
    "&laquo;": ("d", "o"),
    "&rdquo;": ("d", "c"),
    "&raquo;": ("d", "c"),
    "&quot;": ("d", "a"),
    "&#8220;": ("d", "o"),
    "&#8222;": ("d", "o"),
    "&#171;": ("d", "o"),
    "&#8221;": ("d", "c"),
    "&#187;": ("d", "c"),
    "&#34;": ("d", "a"),
    "&lsquo;": ("s", "o"),
    "&rsquo;": ("s", "c"),
    "&#8216;": ("s", "o"),
    "&#8217;": ("s", "c"),
    "&#39;": ("s", "a"),
}
MARK_RE = re.compile("|".join(re.escape(m) for m in sorted(_MARKS, key=len, reverse=True)), re.IGNORECASE)
JOIN_LINES = 3  # a quote broken by the scraper may run over this many more lines
JOIN_CHARS = 2000
# a line (paragraph) with more quote marks than this, and more than one for every MARK_DENSITY characters, is
# no prose (a data dump, a run of stray marks, a hostile input): its marks are left unpaired. Prose has a mark
# every hundred characters or so; this keeps the marks of such a line from costing a mark, a span and a quote
# each.
MAX_LINE_MARKS = 256
MARK_DENSITY = 16


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    family: str  # d(ouble) | s(ingle)
    direction: str  # o | c | a


@dataclass(frozen=True, slots=True)
class Span:
    open_start: int
    open_end: int
    close_start: int  # == end of the paragraph when unclosed
    close_end: int
    family: str
    unclosed: bool


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


_MARK_CHARS = tuple(k for k in _MARKS if not k.startswith("&"))
_MARK_ENTITIES = tuple(k for k in _MARKS if k.startswith("&"))


def _too_many_marks(body: str, a: int, b: int) -> bool:
    """body[a:b] (a line) holds more quote marks (characters or entities, apostrophes included) than prose
    has: more than MAX_LINE_MARKS and more than one for every MARK_DENSITY characters. Counted with
    `str.count`."""
    limit = max(MAX_LINE_MARKS, (b - a) // MARK_DENSITY)
    if b - a <= limit:
        return False
    n = 0
    for c in _MARK_CHARS:
        n += body.count(c, a, b)
        if n > limit:
            return True
    if body.find("&", a, b) >= 0:
        seg = body[a:b].lower()
        for e in _MARK_ENTITIES:
            n += seg.count(e)
    return n > limit


def _marks(body: str, nl: list[int] | None = None) -> list[Mark]:
    """The quote marks of the body, with their direction; `nl` are the offsets of its line breaks. The marks
    of a line that has too many of them (`_too_many_marks`) are skipped without being read one by one."""
    if nl is None:
        nl = [m.start() for m in re.finditer("\n", body)]
    out: list[Mark] = []
    n = len(body)
    line_end = -1  # the end of the line of the last mark read
    pos = 0
    while pos < n:
        for m in MARK_RE.finditer(body, pos):
            if m.start() > line_end:
                k = bisect.bisect_left(nl, m.start())
                line_start = nl[k - 1] + 1 if k > 0 else 0
                line_end = nl[k] if k < len(nl) else n
                if _too_many_marks(body, line_start, line_end):
                    pos = line_end
                    break
            fam, d = _MARKS[m.group(0).lower()] if m.group(0).startswith("&") else _MARKS[m.group(0)]
            prev = body[m.start() - 1] if m.start() > 0 else ""
            nxt = body[m.end()] if m.end() < n else ""
            if fam == "s":
                # apostrophes: Ma'ruf, Jum’at, '98, Indonesia's
                if prev.isalnum() and nxt.isalnum():
                    continue
                if nxt.isdigit() and (_is_space(prev) or prev in "(["):
                    continue
                if d == "c" and prev.isalpha() and nxt in "s" and nxt:
                    continue
            left = (_is_space(prev) or prev in "([{—–-:") and not _is_space(nxt)
            right = not _is_space(prev) and (_is_space(nxt) or (not nxt.isalnum() and nxt not in "([{"))
            if d == "a":
                d = "o" if left and not right else "c" if right and not left else "a"
            out.append(Mark(m.start(), m.end(), fam, d))
        else:
            break
    return out


def _pair(body: str, marks: list[Mark], family: str, line_end, line_of) -> list[Span]:
    spans: list[Span] = []
    cur: Mark | None = None
    for mk in marks:
        if mk.family != family:
            continue
        if cur is not None and line_of(mk.start) != line_of(cur.start):
            # a quote broken over lines with no mark in between: join when this mark can close it
            near = line_of(mk.start) - line_of(cur.start) <= JOIN_LINES and mk.start - cur.end <= JOIN_CHARS
            starts_line = mk.start == 0 or body[body.rfind("\n", 0, mk.start) + 1 : mk.start].strip() == ""
            if family == "d" and near and mk.direction in "ca" and not (starts_line and mk.direction != "c"):
                spans.append(Span(cur.start, cur.end, mk.start, mk.end, family, False))
                cur = None
                continue
            if family == "d":
                e = line_end(cur.start)
                spans.append(Span(cur.start, cur.end, e, e, family, True))
            cur = None
        if cur is None:
            if mk.direction in "oa":
                cur = mk
            continue
        if mk.direction in "ca":
            spans.append(Span(cur.start, cur.end, mk.start, mk.end, family, False))
            cur = None
        else:  # a second opening mark: the first one never closed
            if family == "d":
                spans.append(Span(cur.start, cur.end, mk.start, mk.start, family, True))
            cur = mk
    if cur is not None and family == "d":
        e = line_end(cur.start)
        spans.append(Span(cur.start, cur.end, e, e, family, True))
    return spans


def find_spans(body: str) -> list[Span]:
    """Paired quote spans, double marks first; single marks only outside double-quoted text."""
    nl = [m.start() for m in re.finditer("\n", body)]

    def line_of(pos: int) -> int:
        return bisect.bisect_left(nl, pos)

    def line_end(pos: int) -> int:
        k = bisect.bisect_left(nl, pos)
        return nl[k] if k < len(nl) else len(body)

    marks = _marks(body, nl)
    doubles = _pair(body, marks, "d", line_end, line_of)
    inside = sorted((s.open_start, s.close_end) for s in doubles)
    starts = [a for a, _ in inside]

    def covered(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and inside[k][0] <= pos < inside[k][1]

    singles = _pair(
        body, [m for m in marks if m.family == "s" and not covered(m.start)], "s", line_end, line_of
    )
    spans = doubles + [s for s in singles if line_of(s.open_start) == line_of(s.close_start)]
    return sorted(spans, key=lambda s: s.open_start)
