"""The temporal tagger: dates, times, relative expressions, holidays, ranges and durations in Indonesian news.

Modules, in the order a text goes through them: `lexicon` (the tables, compiled once), `scan` (candidates,
with one module per family: `absolute`, `clock`, `relative`, `holidays`, `durations`), `selection`
(overlaps and ranges), `resolve` (values against the anchor), `tagger` (`find_dates`); `anchor` chooses
the anchor, `values` holds the shared records and ISO helpers, `numbers` reads number words.

    >>> import datetime
    >>> from newsscan.dates import find_dates
    >>> [m.value for m in find_dates("Rapat digelar Selasa (12/9/2023) pukul 14.45 WIB.", None)]
    ['2023-09-12', '2023-09-12T14:45']
"""
from __future__ import annotations

from .anchor import body_date, reference_date
from .bench import bench
from .lexicon import Lexicon
from .numbers import parse_number
from .tagger import find_dates

__all__ = ["Lexicon", "bench", "body_date", "find_dates", "parse_number", "reference_date"]
