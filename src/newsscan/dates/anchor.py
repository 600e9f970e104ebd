"""The article's anchor date: the date relative expressions are counted from (CONVENTIONS.md "Dates")."""
from __future__ import annotations

import datetime as dt

from ..records import Evidence
from ..tables import Folders
from .lexicon import Lexicon
from .tagger import dated_weekday, find_dates

OPENING = 600  # characters of the body that count as its opening (lead paragraph and dateline)


def _explicit_days(text: str, folders: Folders | None = None):
    """(day, mention) for every explicit full date (day, month and year written) in text, in text order."""
    for m in find_dates(text, None, folders=folders):
        if m.granularity == "day" and m.kind == "absolute":
            try:
                yield dt.date.fromisoformat(m.value), m
            except ValueError:
                continue


def _planned(m, folders: Folders | None) -> bool:
    """A plan cue before the mention in its sentence (`sidang akan digelar 20 Juni 2025`): a date still to
    come, which does not date the article."""
    i = m.sentence.find(m.text)
    return Lexicon.load(folders).patterns["plan"].search(m.sentence[:max(i, 0)]) is not None


def body_date(body: str, *, folders: Folders | None = None) -> Evidence:
    """The first explicit full date in the body's opening (a dateline date such as `pada hari Selasa
    (12/9/2023)`), as Evidence(ISO date, "body", the words); Evidence(None, "none") when there is none.
    For the loader's publication-date fallback; it also reads header lines (`Rabu, 18 Jun 2025 18:49 WIB`)."""
    for day, m in _explicit_days(body[:OPENING], folders):
        return Evidence(day.isoformat(), "body", m.text)
    return Evidence(None, "none")


def reference_date(body: str, published: str | None, *, folders: Folders | None = None) -> Evidence:
    """The anchor for `find_dates`: the publication date (source "published"); else the latest explicit full
    date in the body that is no plan, a holiday with its year or a dated weekday whose year the body fixes
    (source "body": the article states the date of the event it reports; pass `anchor_is_event=True` to
    `find_dates`); else Evidence(None, "none"), and relative values stay underspecified."""
    if published:
        return Evidence(str(published)[:10], "published", str(published))
    days = [(d, m) for d, m in _explicit_days(body, folders) if not _planned(m, folders)]
    inferred = dated_weekday(body, folders=folders)
    if inferred is not None:
        days.append(inferred)
    if not days:
        return Evidence(None, "none")
    day, m = max(days, key=lambda x: x[0])
    return Evidence(day.isoformat(), "body", m if isinstance(m, str) else m.text)
