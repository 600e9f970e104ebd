"""Selection: the longest candidate wins an overlap; adjacent dates or months joined by a range word merge."""
from __future__ import annotations

from .lexicon import Lexicon
from .values import Cand


def select(cands: list[Cand], n: int) -> list[Cand]:
    taken = bytearray(n + 1)
    out = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.prio, c.start)):
        if c.end <= c.start or any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


def merge_ranges(sel: list[Cand], text: str, lex: Lexicon) -> list[Cand]:
    """`10 Juni hingga 13 Juni 2025`, `Januari-Maret 2025`: two dates (or months) joined by a range word."""
    out: list[Cand] = []
    conn = lex.patterns["range_conn_strict"]
    for c in sel:
        prev = out[-1] if out else None
        if (prev is not None and prev.tag == c.tag and c.tag in ("date", "month") and "wd" not in prev.data
                and c.start - prev.end <= 20 and conn.match(text[prev.end:c.start])
                and prev.data.get("direction") is None and c.data.get("direction") is None):
            a, b = dict(prev.data), dict(c.data)
            if a.get("y") is None:
                a["y"] = b.get("y")
            out[-1] = Cand(prev.start, c.end, "range", {"a": a, "b": b, "unit": c.tag}, 1)
            continue
        out.append(c)
    return out
