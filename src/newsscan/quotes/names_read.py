"""One reading of an article body's words for the speaker readers: its lower-case words, its capitalised
words, and the runs of capitalised words that may hold a name.

    >>> bw = read_body("Kata Wenny K. Susanto, ujar budi.Direktur Utama PT X hadir.", 0, {"kata"}, {"ujar"})
    >>> [" ".join(t.text for t in run) for run in bw.runs]
    ['Wenny K. Susanto', 'Direktur Utama PT X']

Both `ArticleContext` (speakers.py: a surname's full form, a title's scope) and `People` (resolve.py: the
persons of the article) read names off these runs, so that a name is read one way whichever asks.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Set
from dataclasses import dataclass

from .tokens import TOKEN_RE, Tok

# `biologi.Wenny`: a sentence glued to the next by a scraper
_GLUED_START = re.compile(r"(?<=[a-z])\.(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class BodyWords:
    """What the speaker readers know of a body's words."""

    # lower-case words the body writes, but for one right after a speech verb (`ujar karta`: a name written
    # in lower case, not a common word)
    lower: frozenset[str]
    capitalised: frozenset[str]  # capitalised words the body writes anywhere
    # runs of capitalised words after the dateline, in order: a run ends at a line break or any other word; an
    # initial keeps its dot (`K.`), an opener of no name (`Menurut`, `Ia`) starts no run
    runs: tuple[tuple[Tok, ...], ...]


def body_tokens(body: str, start: int = 0) -> Iterator[Tok]:
    """The body's tokens from `start`; a token that glues two sentences (`kata.Wenny`) gives a full stop and
    its second part."""
    for m in TOKEN_RE.finditer(body, start):
        text = m.group(0)
        g = _GLUED_START.search(text) if "." in text else None
        if g is None:
            yield Tok(m.start(), m.end(), text)
        else:
            yield Tok(m.start(), m.start() + g.start() + 1, ".")
            yield Tok(m.start() + g.end(), m.end(), text[g.end() :])


def read_body(body: str, start: int, openers: Set[str], speech_verbs: Set[str]) -> BodyWords:
    """The words of `body` (runs from `start`) in one pass; `openers`: lower-case words that open no name;
    `speech_verbs`: lower-case verbs after which a lower-case word may be a name."""
    lower: set[str] = set()
    capitalised: set[str] = set()
    runs = _Runs(body, openers)
    prev = ""
    for t in body_tokens(body):
        if t.cap:
            capitalised.add(t.text)
        elif t.text.islower() and prev not in speech_verbs:
            lower.add(t.text)
        prev = t.text.lower()
        if t.start >= start:
            runs.add(t)
    return BodyWords(frozenset(lower), frozenset(capitalised), runs.done())


class _Runs:
    """Runs of capitalised words, built token by token."""

    def __init__(self, body: str, openers: Set[str]):
        self.body, self.openers = body, openers
        self.runs: list[tuple[Tok, ...]] = []
        self.run: list[Tok] = []

    def add(self, t: Tok) -> None:
        run = self.run
        if run and ("\n" in self.body[run[-1].end : t.start] or "\r" in self.body[run[-1].end : t.start]):
            self._close()  # a name does not run over a line break
            run = self.run
        if t.text == "." and run and run[-1].end == t.start and len(run[-1].text) == 1:
            run[-1] = Tok(run[-1].start, t.end, run[-1].text + ".")  # an initial: `K.`
        elif t.cap and t.text[0].isalpha() and (run or t.text.lower() not in self.openers):
            run.append(t)
        elif run:
            self._close()

    def _close(self) -> None:
        self.runs.append(tuple(self.run))
        self.run = []

    def done(self) -> tuple[tuple[Tok, ...], ...]:
        if self.run:
            self._close()
        return tuple(self.runs)
