"""Sentences of an article body cut around its quote marks, and the small text helpers the quote readers share
(trimming, masking quoted stretches, bounded candidate matches)."""
from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .lexicon import Lexicon
from .marks import Span
from .speakers import (
    Tok,
    dateline_end,
    is_acronym,
    iter_tokens,
)

# a sentence ends at a line break, or at `.` `!` `?` before a capital, a quote mark or the end; a scraper that
# joins paragraphs with `.,` (`… ujarnya.,Menurut dia …`) leaves a comma between the stop and the next
# sentence
BOUNDARY_RE = re.compile(r"\n|[.!?]+(?=\s*(?:[A-Z\"“‘'(\[«]|&(?:ldquo|quot|bdquo|laquo|#8220|#34);|$|\n))"
                         r"|(?<=[.!?\"”]),(?=[A-Z\"“])")
MAX_PHRASE = 16  # tokens of a speaker phrase after a verb: a long title, its bracketed short form, a name
MAX_SUBJECT = 10
OUTSIDE_CHARS = " \t.:,;"  # what may stand beside a heading in marks on its line
NOT_OUTSIDE = re.compile(r"[^ \t.:,;]")
# a sentence is read for at most this many matches of each kind of cue (`menurut`, `kata`, `mengatakan`,
# `dikatakan`) outside its quotes: prose has a handful; a run of cue words (hostile input) must not cost a
# reading of the sentence for each of them
MAX_CANDIDATES = 16
# the speaker before a verb is looked for in at most this many characters before it
SUBJECT_WINDOW = 1000
FIRST_WORD_RE = re.compile(r"\s*(\S+)")
PLACE_TIME_RE = re.compile(r"[^,.;\n]{1,40},")
_WORD_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s")
LINE_BREAK = re.compile(r"[\n\r]")


@dataclass
class Sentence:
    start: int
    end: int
    spans: list[Span]


# -- sentences ---------------------------------------------------------------------------------------------
def split_sentences(body: str, spans: list[Span], lex: Lexicon) -> list[Sentence]:
    """The body's sentences after its dateline, each with the quote spans opening inside it. No cut falls
    inside a quote span."""
    covered = _coverage(spans)
    cuts = _boundary_cuts(body, covered, lex) | _heading_cuts(body, covered, lex)
    cuts |= _quote_end_cuts(body, spans)
    return _cut_sentences(body, spans, cuts)


def _coverage(spans: list[Span]) -> Callable[[int], bool]:
    """Whether an offset lies inside one of the quote spans."""
    inside = [(s.open_start, max(s.close_end, s.open_end)) for s in spans]
    starts = [a for a, _ in inside]

    def covered(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and inside[k][0] <= pos < inside[k][1]

    return covered


def _boundary_cuts(body: str, covered: Callable[[int], bool], lex: Lexicon) -> set[int]:
    """Sentence ends outside quotes. A full stop after a short title or degree (`Prof.`, `Kombes.`) or an
    initial does not end a sentence; after a long role word (`komisaris.`) it does."""
    abbrev = lex.cue("abbreviation") | {
        r.rstrip(".").lower()
        for r, k in lex.roles.items()
        if r.endswith(".") or (k in ("degree", "rank", "honorific") and len(r) <= 5)
    }
    cuts: set[int] = set()
    for m in BOUNDARY_RE.finditer(body):
        if covered(m.start()):
            continue
        if m.group(0) == "\n" and glued_line(body, m.start()):
            continue
        if m.group(0) != "\n":
            j = m.start()
            w = re.search(r"([\w]+)$", body[max(0, j - 12) : j])
            if w and (len(w.group(1)) == 1 and w.group(1).isupper() or w.group(1).lower() in abbrev):
                continue
        cuts.add(m.end())
    return cuts


def _heading_cuts(body: str, covered: Callable[[int], bool], lex: Lexicon) -> set[int]:
    """A related-article line run into the next sentence (`Baca juga:Jenazah … ke Rumah Duka Ia menjelaskan,
    …`): the headline is title case; the sentence starts at the capitalised word before the first lower-case
    word that a title would not have, or at a quote mark."""
    title_words = lex.cue("title_word")
    cuts: set[int] = set()
    for m in lex.re_heading.finditer(body):
        colon = re.match(r"\s*:\s*", body[m.end() : m.end() + 5])
        if not colon or covered(m.start()):
            continue
        line_end = body.find("\n", m.end(), m.end() + 300)
        line_end = min(len(body), m.end() + 300) if line_end < 0 else line_end
        start = _after_heading(body, m.end(), line_end, title_words)
        if start is not None:
            cuts.add(m.start())
            cuts.add(start)
    return cuts


def _after_heading(body: str, a: int, b: int, title_words: frozenset[str] | set[str]) -> int | None:
    """Where the sentence after a headline in body[a:b] starts, or None."""
    toks: list[Tok] = []  # read as far as the loop goes (it stops at the first lower-case word)
    for i, t in enumerate(iter_tokens(body, a, b)):
        toks.append(t)
        if i > 0 and t.text in '"“«' or (t.text == "&" and body.startswith(("&ldquo;", "&quot;"), t.start)):
            return t.start  # a quote opens after the headline
        if t.text[:1].islower() and t.text.lower() not in title_words and i > 0:
            j = i - 1
            while j > 0 and not (toks[j].cap and toks[j].text[0].isalpha()):
                j -= 1
            return toks[j].start if j > 0 else None
    return None


def _quote_end_cuts(body: str, spans: list[Span]) -> set[int]:
    """A closed quote whose content ends a sentence ends one, when a line, a quote or a capital follows."""
    cuts: set[int] = set()
    for s in spans:
        if s.unclosed:
            continue
        content = body[s.open_end : s.close_start].rstrip()
        if content.endswith((".", "!", "?")):
            rest = body[s.close_end : s.close_end + 3].lstrip(" \t")
            if not rest or rest[0] in '\n"“‘«' or rest[0].isupper():
                cuts.add(s.close_end)
    return cuts


def _cut_sentences(body: str, spans: list[Span], cuts: set[int]) -> list[Sentence]:
    """The body after its dateline cut at `cuts`, each piece trimmed of spaces, with its spans."""
    out: list[Sentence] = []
    prev = dateline_end(body)
    si = 0
    spans_sorted = sorted(spans, key=lambda s: s.open_start)
    for c in sorted(cuts) + [len(body)]:
        if c <= prev:
            continue
        seg = []
        while si < len(spans_sorted) and spans_sorted[si].open_start < c:
            if spans_sorted[si].open_start >= prev:
                seg.append(spans_sorted[si])
            si += 1
        a, b = prev, c
        while a < b and body[a].isspace():
            a += 1
        while b > a and body[b - 1].isspace():
            b -= 1
        if a < b:
            out.append(Sentence(a, b, seg))
        prev = c
    return out


def glued_line(body: str, nl: int) -> bool:
    """A line break the scraper put inside a sentence (around italics or a link), not a paragraph end: the
    line does not end a sentence and the next one carries it on (`… 20 bus bekas\nTransjakarta\nterbakar`)."""
    a = body.rfind("\n", 0, nl) + 1
    prev = body[a:nl].rstrip(" \t")
    e = body.find("\n", nl + 1)
    nxt = body[nl + 1 : e if e >= 0 else len(body)].lstrip(" \t")
    if not prev or not nxt or prev[-1] in ".!?:;\"”’'»" or (nl + 1 < len(body) and body[nl + 1] == "\n"):
        return False
    if prev.endswith("(") or nxt[0] in "),;" or nxt[0].islower():
        return True
    last = re.search(r"(\w+)\W*$", prev)
    # the line stops on a lower-case word in the middle of a long sentence (headings are short and
    # capitalised) and the next line is a word or two set apart (an italic term, a linked name) before the
    # sentence goes on
    return bool(
        last
        and last.group(1)[:1].islower()
        and count_words(prev) >= 5
        and count_words(nxt) <= 3
        and nxt[-1:] not in '.!?:"”'
    )


# -- helpers -----------------------------------------------------------------------------------------------
def trim_span(body: str, a: int, b: int, drop_final: bool = False) -> tuple[int, int]:
    while a < b and body[a] in " \t\n,;:—–-":
        a += 1
    while b > a and body[b - 1] in " \t\n":
        b -= 1
    while b > a and (body[b - 1] in ",;:" or (drop_final and body[b - 1] in ".")):
        b -= 1
        while b > a and body[b - 1] in " \t\n":
            b -= 1
    return a, b


def defined_name_follows(toks: list[Tok], i: int) -> bool:
    """Capitalised words from toks[i] and then `(ACRONYM)`: the words before belong to a defined name."""
    j = i
    while j < len(toks) and j - i < 4 and toks[j].cap and toks[j].text[0].isalpha():
        j += 1
    return (
        j > i
        and j + 2 < len(toks)
        and toks[j].text == "("
        and is_acronym(toks[j + 1].text)
        and toks[j + 2].text == ")"
    )


def iter_candidates(rx: re.Pattern, text: str, a: int, masked) -> Iterator[tuple[re.Match, int]]:
    """The first MAX_CANDIDATES matches of `rx` in a sentence (`text`, starting at body offset `a`) that no
    quote masks, with their body offsets: a bound that keeps hostile sentences linear."""
    seen = 0
    for m in rx.finditer(text):
        p = a + m.start()
        if masked(p):
            continue
        seen += 1
        if seen > MAX_CANDIDATES:
            return
        yield m, p


def make_masker(masks: Sequence[tuple[int, int]]):
    """`pos -> any(x <= pos < y for x, y in masks)` in O(log n) (masks may nest)."""
    if not masks:
        return lambda pos: False
    order = sorted(masks)
    starts = [x for x, _ in order]
    reach: list[int] = []  # the furthest end among masks[0..k]
    r = -1
    for _, y in order:
        r = max(r, y)
        reach.append(r)

    def masked(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and reach[k] > pos

    return masked


def rstrip_at(body: str, a: int, p: int) -> int:
    """The end of body[a:p].rstrip() (a body offset), reading only the trailing spaces."""
    while p > a and body[p - 1].isspace():
        p -= 1
    return p


def only_in(body: str, a: int, e: int, chars: str) -> bool:
    """body[a:e] is made of `chars` only (read from the end, stopping at the first other character)."""
    while e > a and body[e - 1] in chars:
        e -= 1
    return e <= a


def demikian_before(body: str, a: int, p: int) -> tuple[int, bool] | None:
    r"""What `re.search(r",?\s*demikian\s*$", body[a:p])` finds (its body offset and whether it has the
    comma), read from `p` backwards instead of over the whole prefix."""
    k = rstrip_at(body, a, p)
    if k - 8 < a or body[k - 8 : k] != "demikian":
        return None
    k = rstrip_at(body, a, k - 8)
    if k > a and body[k - 1] == ",":
        return k - 1, True
    return k, False


def alt_words(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def count_words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def at_least_words(body: str, a: int, b: int, k: int) -> bool:
    """`count_words(body[a:b]) >= k`, reading only the first k words."""
    return sum(1 for _ in itertools.islice(_WORD_RE.finditer(body, a, b), k)) >= k


# a verb form opening the clause a directive asks for (`meminta warga membatasi …`, `menuntut terdakwa dihukum


def window_start(body: str, a: int, p: int, width: int) -> int:
    """The start of the last `width` characters of body[a:p] (`a` when it is shorter), moved on to a word
    start."""
    if p - a <= width:
        return a
    m = _SPACE_RE.search(body, p - width, p)
    return m.end() if m else p
