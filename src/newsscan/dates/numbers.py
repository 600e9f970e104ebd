"""Indonesian number words -> numbers (`dua puluh lima` -> 25, `seratus` -> 100), from `data/numbers.tsv`.

Used by the temporal tagger (`enam bulan`, `dua hari lalu`); general enough for quantities too.
"""
from __future__ import annotations

from ..tables import Folders, cache_per_folders, table

NUMBER_KINDS = ("digit", "teen", "tens", "hundreds", "thousands", "scale", "fraction", "prefix")


@cache_per_folders
def number_words(folders: Folders | None = None) -> dict[str, tuple[float, str]]:
    """word -> (value, kind) from numbers.tsv (and a user table of the same name)."""
    rows = table('numbers.tsv', folders)
    return {r["word"].lower(): (float(r["value"]), r["kind"]) for r in rows}


def parse_number(text: str, folders: Folders | None = None) -> float | None:
    """The value of digits (`1.956`, `12,5`) or number words (`dua puluh lima`, `sebelas`); None if neither.

    Indonesian digits: `.` groups thousands, `,` is the decimal mark.
    """
    t = text.strip().lower()
    if not t:
        return None
    if t[0].isdigit():
        t = t.replace(".", "").replace(",", ".")
        try:
            return float(t)
        except ValueError:
            return None
    words = number_words(folders)
    total = 0.0  # completed scale groups (juta, miliar …)
    group = 0.0  # below the current scale
    current = None  # the last digit word, waiting for a multiplier
    for w in t.split():
        if w not in words:
            return None
        value, kind = words[w]
        if kind in ("digit", "fraction"):
            if current is not None:
                group += current
            current = value
        elif kind == "teen":
            group += (current if current is not None else 1) + 10
            current = None
        elif kind in ("tens", "hundreds"):
            group += (current if current is not None else 1) * value
            current = None
        elif kind == "thousands":
            group = (group + (current or 0)) * value if (group or current) else value
            current = None
        elif kind == "scale":
            total += ((group + (current or 0)) or 1) * value
            group, current = 0.0, None
        else:  # a lone prefix word is not a number
            return None
    return total + group + (current or 0)
