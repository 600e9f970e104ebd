"""Tokens of an article body with their offsets, and the shapes the quote readers test on them (acronyms,
the dateline at the start of a body)."""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

TOKEN_RE = re.compile(r"[^\W_](?:[\w'’.\-]*[^\W_])?|\S")
AGE_RE = re.compile(r"[ \t]*\(\d{1,3}\)")  # an age in brackets after a name: `Budi (45)`

# a dateline at the very start of the body: `JAKARTA, KOMPAS.com -`, `Liputan6.com, Jakarta -`,
# `TRIBUNJABAR.ID -`, or glued by a scraper to the first word (`Liputan6.com, JakartaMenteri …`)
DATELINE_RE = re.compile(
    r"\s*(?:[A-Z][\w.]*(?:,?[ \t]+[A-Z][\w.]*){0,4}[ \t]*(?:\([^()\n]{0,30}\)[ \t]*)?[-\u2013\u2014]+[ \t]*"
    r"|[\w-]+\.(?:com|id|co\.id|net)[ \t]*,[ \t]*[A-Z][a-z]+(?=[A-Z][a-z]))")


def dateline_end(body: str) -> int:
    m = DATELINE_RE.match(body[:80])
    if not m or m.end() > 70 or "\n" in m.group(0):
        return 0
    # a dateline names an outlet or a place in capitals: not an ordinary sentence opening with a dash
    head = m.group(0)
    if not re.search(r"\.(?:com|id|co|net)|[A-Z]{3,}", head):
        return 0
    return m.end()



@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    text: str

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


def tokens(text: str, offset: int = 0) -> list[Tok]:
    return [Tok(m.start() + offset, m.end() + offset, m.group(0)) for m in TOKEN_RE.finditer(text)]


def iter_tokens(body: str, a: int, b: int):
    """The tokens of body[a:b] one by one (with body offsets), as `tokens(body[a:b], a)` gives them."""
    for m in TOKEN_RE.finditer(body, a, b):
        yield Tok(m.start(), m.end(), m.group(0))


def tokens_in(body: str, a: int, b: int, limit: int | None = None) -> list[Tok]:
    """`tokens(body[a:b], a)[:limit]`, reading only the tokens it returns (no slice, no tokenising the
    rest)."""
    it = TOKEN_RE.finditer(body, a, b)
    if limit is not None:
        it = itertools.islice(it, limit)
    return [Tok(m.start(), m.end(), m.group(0)) for m in it]


def is_acronym(t: str) -> bool:
    letters = [c for c in t if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1 and t[:1].isupper()
