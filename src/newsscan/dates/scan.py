"""Step 1 of the tagger: candidate spans from every pattern of the lexicon, tried only where a trigger starts.

The handlers live by what they read (`absolute.py`, `clock.py`, `relative.py`, `durations.py`); this module
holds the text, the boundary tests they share and the dispatch.
"""
from __future__ import annotations

import re

from . import absolute, clock, durations, holidays, relative
from .lexicon import Lexicon
from .values import Cand

_WORDS = re.compile(r"[^\W\d_]+")

# handler names as `Lexicon.triggers` and the digit scan give them -> functions (Scan, pos[, match])
HANDLERS = {
    "numdate": absolute.numdate, "txtdate": absolute.txtdate, "monyear": absolute.monyear,
    "month": absolute.month, "year": absolute.year, "time": clock.time, "ztime": clock.ztime,
    "ampm": clock.ampm, "times": durations.times,
    "yy_mark": absolute.yy_mark, "yy_abbrev": absolute.yy_abbrev,
    "weekday": relative.weekday, "fixed": relative.fixed, "duration": durations.duration,
    "se_unit": durations.se_unit, "holiday": holidays.holiday, "hijri_year": holidays.hijri_year,
}
# patterns that start with a digit are scanned whole: the regex engine skips to digits by itself
DIGIT_SCANS = ("numdate", "txtdate", "year", "ztime", "hijri_year", "ampm", "times", "yy_mark")


def _is_letter(c: str) -> bool:
    return c.isalpha()


def lower_same_length(t: str) -> str:
    """The text in lower case with every offset kept (a few characters change length in lower case)."""
    tl = t.lower()
    if len(tl) != len(t):
        tl = "".join(c if len(c.lower()) != 1 else c.lower() for c in t)
    return tl


class Scan:
    """The text being tagged, its lexicon and the candidates found so far."""

    def __init__(self, text: str, lex: Lexicon):
        self.t = text
        self.n = len(text)
        self.tl = ""  # the text in lower case, set by run()
        self.lex = lex
        self.p = lex.patterns
        self.cands: list[Cand] = []

    # boundaries are tested here rather than with look-behinds, which would slow the scan down
    def word_before(self, i: int) -> bool:
        return i > 0 and (self.t[i - 1].isalnum() or self.t[i - 1] == "_")

    def num_before(self, i: int) -> bool:
        t = self.t
        return i > 0 and (t[i - 1].isalnum() or (t[i - 1] in "/.,-" and i > 1 and t[i - 2].isalnum()))

    def num_after(self, j: int) -> bool:
        t = self.t
        if j >= self.n:
            return False
        c = t[j]
        return c.isalnum() or c == "/" or (c in ".,-" and j + 1 < self.n and t[j + 1].isdigit())

    def before(self, i: int, width: int = 40) -> str:
        return self.t[max(0, i - width):i]

    def add(self, start: int, end: int, tag: str, prio: int = 5, /, **data) -> None:
        self.cands.append(Cand(start, end, tag, data, prio))

    def run(self) -> list[Cand]:
        """Candidates from every pattern. Patterns are tried only where a trigger token starts (a digit run
        or a word listed in `Lexicon.triggers`): an alternation of words scanned over the whole text is
        slow."""
        absolute.pardate(self)
        for name in DIGIT_SCANS:
            handler = HANDLERS[name]
            for m in self.p[name].finditer(self.t):
                handler(self, m.start(), m)
        self._digit_durations()
        self.tl = lower_same_length(self.t)
        self._triggered_words()
        return self.cands

    def _digit_durations(self) -> None:
        t, last = self.t, -2
        for m in self.p["duration_digits"].finditer(t):
            if m.start() == last + 1:
                last = m.start()
                continue  # inside a run of digits already tried
            last = m.start()
            if m.start() > 0 and t[m.start() - 1].isdigit():
                continue
            durations.duration(self, m.start())

    def _triggered_words(self) -> None:
        tl, trig = self.tl, self.lex.triggers
        hits = self.lex.trigger_set.intersection(_WORDS.findall(tl))
        # str.find runs at C speed; a regex alternation tried at every position does not
        for w in sorted(hits):
            k = len(w)
            i = tl.find(w)
            while i >= 0:
                if not (i > 0 and _is_letter(tl[i - 1])) and not (i + k < self.n and _is_letter(tl[i + k])):
                    for name in trig[w]:
                        HANDLERS[name](self, i)
                i = tl.find(w, i + k)
