"""When each report was published: a count that grows between two reports published hours apart (a death
toll rising) is an update of one fact, not two accounts that conflict."""
from __future__ import annotations

from datetime import datetime

from ..records import Quantity
from .records import Art

UPDATE_GAP_HOURS = 1.0  # reports closer than this are two accounts of one moment


def published_at(art: Art) -> datetime | None:
    """The article's publication time (date, and the header's clock time where given)."""
    a = art.result.article
    if not a.published:
        return None
    try:
        return datetime.fromisoformat(f"{a.published[:10]}T{a.published_time or '00:00'}")
    except ValueError:
        return None


def growth(A: Art, B: Art, amounts: tuple[Quantity, Quantity]) -> str | None:
    """"a" or "b", the later report, when the later one gives the larger amount and the two were published at
    least UPDATE_GAP_HOURS apart (both with a clock time, or on different days); None otherwise."""
    ta, tb = published_at(A), published_at(B)
    qa, qb = amounts
    if ta is None or tb is None or qa.value is None or qb.value is None:
        return None
    same_day = ta.date() == tb.date()
    if same_day and not (A.result.article.published_time and B.result.article.published_time):
        return None  # the same day without clock times: which came first is unknown
    if abs((ta - tb).total_seconds()) < UPDATE_GAP_HOURS * 3600:
        return None
    later_a = ta > tb
    grew = qa.value > qb.value if later_a else qb.value > qa.value
    return ("a" if later_a else "b") if grew else None
