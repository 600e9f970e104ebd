"""The weekday two outlets write beside one date: `Senin (9/6/2025)` against `Selasa (9/6/2025)`.

The date tagger lets the written date win over a wrong weekday (gold CONVENTIONS), so both articles resolve to
one day and no day slot differs; yet the outlets disagree on the weekday, and one of them is wrong. Only a
full date written with digits or a month name on both sides is compared (a weekday alone is resolved from the
publication date and may differ for good reason), and the note says which weekday the calendar gives.
"""
from __future__ import annotations

import datetime as dt
import re

from ..dates.lexicon import Lexicon
from ..records import Claim, DateMention
from ..tables import Folders, cache_per_folders
from .records import Art, claim_at

_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_FIRST_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache_per_folders
def _weekdays(folders: Folders) -> tuple[dict[str, int], dict[int, str]]:
    """Every spelling -> ISO weekday, and ISO weekday -> its name as the table writes it."""
    spellings = Lexicon.load(folders).weekdays
    names: dict[int, str] = {}
    for word, iso in sorted(spellings.items(), key=lambda kv: (len(kv[0]), kv[0])):
        names.setdefault(iso, word)
    return spellings, names


def written_weekday(d: DateMention) -> int | None:
    """The ISO weekday a date mention writes before its date (`Senin (9/6)`), None without one or without a
    written date (digits) beside it."""
    first = _FIRST_WORD.search(d.text)
    if not first or first.start() != 0 or not any(c.isdigit() for c in d.text):
        return None
    return _weekdays()[0].get(first.group().lower())


def _dated_weekdays(art: Art) -> list[tuple[str, int, DateMention]]:
    out = []
    for d in art.result.dates:
        if d.granularity == "day" and _FULL_DAY.match(d.value):
            wd = written_weekday(d)
            if wd:
                out.append((d.value, wd, d))
    return out


def weekday_conflicts(A: Art, B: Art) -> list[tuple[Claim, Claim, str, str]]:
    """(claim of A, claim of B, `day`, note) for each date both write with different weekdays."""
    names = _weekdays()[1]
    out, seen = [], set()
    ys = _dated_weekdays(B)
    for value, wa, da in _dated_weekdays(A):
        for value_b, wb, db in ys:
            if value_b != value or wa == wb or value in seen:
                continue
            seen.add(value)
            real = dt.date.fromisoformat(value).isoweekday()
            note = f"{names[wa]} / {names[wb]} {value} ({names[real]} by the calendar)"
            out.append((claim_at(A, da.start), claim_at(B, db.start), "day", note))
    return out
