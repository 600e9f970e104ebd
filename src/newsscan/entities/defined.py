"""Names an article defines by their initials: `Lembaga Riset dan Pengembangan Teknologi (LRPT)`.

The NER often finds only part of a long body's name, or splits it at `dan`, or takes part of it for a person.
Where the article writes the full name right before its initials in parentheses, the words whose initials
spell the abbreviation are the name: `defined_names(body, mentions)` returns the mentions with each such
name as one mention (replacing the fragments inside it), and the abbreviation's own mentions relabelled
to the name's label. A head word fixes the label (`Rumah Sakit` -> LOC); otherwise the fragments' most
common non-person label, else ORG (a body is defined by initials far more often than a person).
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from ..records import Mention
from .spans import head_label, name_words

# `… Nama Lengkap (NL)`: an all-capital abbreviation of two to eight letters in parentheses
_ABBR = re.compile(r"\(([A-Z]{2,8})\)")
_WORD_BEFORE = re.compile(r"(\S+)\s*$")


def _words_before(body: str, end: int, n: int) -> list[tuple[int, str]]:
    """Up to `n` (start, word) pairs written right before `end`, nearest last, within one sentence."""
    out: list[tuple[int, str]] = []
    pos = end
    while len(out) < n:
        m = _WORD_BEFORE.search(body, max(0, pos - 40), pos)
        if not m or any(c in body[m.end(1):pos] for c in "\n") or m.group(1)[-1:] in ".,;:!?)\"”":
            break
        out.append((m.start(1), m.group(1)))
        pos = m.start(1)
    return out[::-1]


def _spelled(abbr: str, body: str, end: int) -> int | None:
    """Start of the words before `end` whose capitalised initials spell `abbr` (joiners skipped; a legal
    form closing the name is allowed past the last letter: `Maju Group Inc (MG)`)."""
    words = _words_before(body, end, len(abbr) + 4)
    tails = name_words().tails
    while words and words[-1][1].casefold() in tails and words[-1][1][:1] != abbr[-1]:
        words.pop()  # `Inc`, `Tbk` after the spelled words
    initials = ""
    for start, w in reversed(words):
        if w.casefold() in name_words().joiners:
            continue
        if not w[:1].isupper():
            return None
        initials = w[0] + initials
        if initials == abbr:
            return start
        if not abbr.endswith(initials):
            return None
    return None


def _label(inside: Sequence[Mention], name: str) -> str:
    by_head = head_label(name)
    if by_head:
        return by_head
    votes = Counter(m.label for m in inside if m.label != "PERSON")
    return votes.most_common(1)[0][0] if votes else "ORG"


def defined_names(body: str, ms: Sequence[Mention]) -> list[Mention]:
    """The mentions with each name the article defines by its initials as one mention (see the module)."""
    out = list(ms)
    relabel: dict[str, tuple[str, str]] = {}
    for m in _ABBR.finditer(body):
        abbr, end = m.group(1), m.start()
        while end > 0 and body[end - 1] == " ":
            end -= 1
        start = _spelled(abbr, body, end)
        if start is None or abbr in relabel:
            continue
        inside = [x for x in out if x.start < end and x.end > start]
        if any(x.start < start or x.end > end for x in inside) or not inside:
            continue  # a mention running past the name, or no fragment the NER found: leave it
        name = body[start:end]
        label = _label(inside, name)
        out = [x for x in out if x not in inside]
        out.append(Mention(start, end, name, label, name, None, "link"))
        relabel[abbr] = (label, name)
    if not relabel:
        return out
    return sorted((dataclasses.replace(x, label=relabel[x.text][0], canonical=relabel[x.text][1])
                   if x.text in relabel else x for x in out), key=lambda x: (x.start, -x.end))
