"""Glued words: where a scraper dropped the space between two words (`KeuanganSri`, `korbanbanjirbandang`,
`Rinayang`), the positions a space belongs at.

    >>> from newsscan.glued import find_glue
    >>> text = "Menteri KeuanganSri Wahyuni"
    >>> [text[:p] + "|" + text[p:] for p in find_glue(text)]
    ['Menteri Keuangan|Sri Wahyuni']

A token is split only into known pieces: common words (`data/word_counts.tsv`, counted on the bench corpus),
function words (`data/function_words.tsv`), speech verbs (`data/speech_verbs.tsv`), or a name the same article
writes on its own elsewhere. Precision comes first, so:
- a word the common-word list knows is never split, nor a name with capitals inside it on purpose
  (`data/glue_names.tsv`: `iPhone`, `GoPay`, `detikNews`);
- a case change inside a word (`daerahKota`, `DPRDBudi`) is split where one side is a known word or a word
  the article writes on its own;
- a lower-case run is split only when every piece is a known word of at least four letters (three for function
  words and frequent short words), never at an affix or clitic (`data/glue_pieces.tsv`): `berkata` stays
  whole;
- a capitalised run loses a tail (`Rina|yang`, `Budi|menggunakan`) only where the article writes the head on
its
  own, or the tail starts with a long speech verb (`Wahyuni|mengatakan`).
Each scan is linear in the text: the dictionary search looks at runs of at most `MAX_RUN` letters.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .tables import Folders, cache_per_folders, table

MAX_RUN = 40  # letters: a longer run is not split by the dictionary (a real glue joins two or three words)
MAX_GLUED = 10 * MAX_RUN  # letters: a longer run is no prose (a code, a blob) and is left alone
MAX_PIECE = 24  # letters in one dictionary piece
MIN_PIECE = 4  # letters in a common-word piece (function words and speech verbs: three)
# letters in a common-word piece with no function word beside it (`meme|rinci` is one word)
MIN_LONE_PIECE = 5
MIN_VERB_TAIL = 8  # a speech verb this long after a capitalised head needs no other evidence (`mengatakan`)
# a word of the bench corpus written this often is known: never split itself (any case) and a piece a glued
# token may be split into (lower case)
ANY_MIN = 3
LOWER_MIN = 5

_LETTERS = re.compile(r"[^\W\d_]+")
# a whitespace-delimited chunk holding an address, a handle, a hashtag or an underscore; it starts at a chunk
# start only, so that each chunk is scanned once
_NOT_PROSE = re.compile(r"(?<!\S)\S*?(?:://|www\.|@|#|_|\.(?:com|id|net|org|co)\b)\S*", re.IGNORECASE)
_CASES = re.compile(r"U+(?=Ul)|U?l+|U+")  # camel words over a case string (U upper, l anything else)


@dataclass(frozen=True, slots=True)
class GlueLexicon:
    """What the splitter knows; every set holds lower-case words."""

    counts: dict[str, int]  # common lower-case words and how often the bench corpus writes them
    whole: frozenset[str]  # every known word: never split itself
    closed: frozenset[str]  # function words and one-word speech-verb forms
    function: frozenset[str]  # function words
    verbs: frozenset[str]  # speech-verb forms of at least MIN_VERB_TAIL letters
    never: frozenset[str]  # affixes and clitics: never a piece
    clitics: tuple[str, ...]  # never-pieces that end a word (`-nya`): a piece's stem is measured without them
    short: frozenset[str]  # two-letter words a scraper glues before a capitalised word (`diKota`)
    final: frozenset[str]  # pieces only at the end of a token (`di`)
    notlast: frozenset[str]  # pieces never at the end of a lower-case token (`akan`, read as `-kan`)
    keep: re.Pattern[str]  # names with internal capitals, kept whole


@cache_per_folders
def lexicon(folders: Folders | None = None) -> GlueLexicon:
    """The splitter's word lists, from the packaged tables and a user's tables of the same names."""
    rows = table('word_counts.tsv', folders)
    rows = [r for r in rows if len(r["word"]) >= 2 and int(r["any"]) >= ANY_MIN]
    counts = {r["word"]: int(r["lower"]) for r in rows if int(r["lower"]) >= LOWER_MIN}
    function = {r["word"].casefold() for r in table('function_words.tsv', folders)}
    verbs: set[str] = set()
    for r in table('speech_verbs.tsv', folders):
        verbs.update(
            f.strip().casefold() for f in r["forms"].split(",") if f.strip() and " " not in f.strip()
        )
    pieces = table('glue_pieces.tsv', folders)
    names = table('glue_names.tsv', folders)
    whole = [
        re.escape(r["name"]) for r in sorted(names, key=lambda r: -len(r["name"])) if r["kind"] == "whole"
    ]
    prefix = [rf"(?<![A-Z]){re.escape(r['name'])}[A-Z][a-z]+" for r in names if r["kind"] == "prefix"]
    keep = re.compile("|".join(whole + prefix) or r"(?!)")
    return GlueLexicon(
        counts=counts,
        whole=frozenset(r["word"] for r in rows) | function | verbs,
        closed=frozenset(function | verbs),
        function=frozenset(function),
        verbs=frozenset(v for v in verbs if len(v) >= MIN_VERB_TAIL),
        never=frozenset(r["word"] for r in pieces if r["rule"] in ("never", "clitic")),
        clitics=tuple(r["word"] for r in pieces if r["rule"] == "clitic"),
        short=frozenset(r["word"] for r in pieces if r["rule"] == "short"),
        final=frozenset(r["word"] for r in pieces if r["rule"] == "final"),
        notlast=frozenset(r["word"] for r in pieces if r["rule"] == "notlast"),
        keep=keep,
    )


# ---------------------------------------------------------------- pieces


def _is_piece(p: str, lex: GlueLexicon, last: bool, seen: Counter[str], after_name: bool = False) -> bool:
    """A known piece: a common word, a function word or speech verb, or a word the article writes on its own
    elsewhere (`penggunaan|drone` where the article writes `drone` on its own). `last`: it ends the token;
    `after_name`: the token is a capitalised name's tail."""
    if p in lex.never or (last and not after_name and p in lex.notlast):
        return False
    if p in lex.final:
        return last
    if p in lex.closed or seen[p]:
        return len(p) >= 3
    return len(p) >= MIN_PIECE and p in lex.counts


def _stem_length(p: str, lex: GlueLexicon) -> int:
    """Letters of a piece without its enclitic (`turnya` -> 3): a short stem with `-nya` is no safer a
    piece."""
    for c in lex.clitics:
        if p.endswith(c) and len(p) > len(c):
            return len(p) - len(c)
    return len(p)


def _plausible(pieces: list[str], lex: GlueLexicon) -> bool:
    """A short common-word piece (under MIN_LONE_PIECE letters, enclitic aside) needs a function word of four
    letters or more beside it (`baik|dari`, `jet|dengan`; not `pena|sehat`, `diam|ini`)."""
    for k, p in enumerate(pieces):
        if p in lex.closed or p in lex.final or _stem_length(p, lex) >= MIN_LONE_PIECE:
            continue
        near = pieces[max(0, k - 1) : k] + pieces[k + 1 : k + 2]
        if not any(q in lex.function and len(q) >= MIN_PIECE for q in near):
            return False
    return True


def _suffix_table(
    word: str,
    lex: GlueLexicon,
    seen: Counter[str],
    after_name: bool = False,
) -> tuple[list[tuple[int, int] | None], list[int]]:
    """For every start j, the best split of word[j:] into known pieces: (pieces, -shortest piece), fewest
    pieces first, then the longest shortest piece; and where its first piece ends. One pass from the right,
    each position trying pieces of at most MAX_PIECE letters."""
    n = len(word)
    best: list[tuple[int, int] | None] = [None] * (n + 1)
    nxt = [n] * (n + 1)
    best[n] = (0, -MAX_RUN)
    for j in range(n - 1, -1, -1):
        for i in range(j + 1, min(n, j + MAX_PIECE) + 1):
            rest = best[i]
            if rest is None or not _is_piece(word[j:i], lex, i == n, seen, after_name):
                continue
            cand = (rest[0] + 1, max(rest[1], -(i - j)))
            cur = best[j]
            if cur is None or cand < cur:
                best[j], nxt[j] = cand, i
    return best, nxt


def _pieces(word: str, nxt: list[int], j: int) -> list[str]:
    out = []
    while j < len(word):
        out.append(word[j : nxt[j]])
        j = nxt[j]
    return out


def segment(
    word: str,
    lex: GlueLexicon,
    min_pieces: int = 2,
    seen: Counter[str] | None = None,
) -> list[str] | None:
    """The fewest known pieces `word` (lower case) is made of, longest shortest piece on a tie; None when it
    is not made of at least `min_pieces` of them, or is longer than MAX_RUN."""
    if len(word) > MAX_RUN or len(word) < 2:
        return None
    best, nxt = _suffix_table(word, lex, seen if seen is not None else Counter())
    if best[0] is None or best[0][0] < min_pieces:
        return None
    pieces = _pieces(word, nxt, 0)
    return pieces if _plausible(pieces, lex) else None


def _known(word: str, lex: GlueLexicon) -> bool:
    w = word.casefold()
    return w not in lex.never and (w in lex.whole or w in lex.closed)


# ---------------------------------------------------------------- one letter run


def _camel_words(run: str) -> list[tuple[int, int]]:
    """(start, end) of the case words of `run`: `DPRDBudi` -> DPRD, Budi; `daerahKota` -> daerah, Kota."""
    cases = "".join("U" if c.isupper() else "l" for c in run)
    return [m.span() for m in _CASES.finditer(cases)]


def _capital_boundary(
    run: str, a: tuple[int, int], b: tuple[int, int], seen: Counter[str], lex: GlueLexicon
) -> int | None:
    """Where an upper-case run `a` meets a capitalised word `b` (`UU` + `Dtentang`): before b's capital when b
    is a word (`DPRD|Kota`), after it when the rest is (`UUD|tentang`); None when neither reads as a word."""
    word = run[b[0] : b[1]]
    if len(word) >= 3 and (_known(word, lex) or seen[word]):
        return b[0] if a[1] - a[0] >= 2 else None
    rest = word[1:]
    if len(rest) >= MIN_PIECE and (_known(rest, lex) or segment(rest, lex, 1, seen)) and a[1] - a[0] + 1 >= 2:
        return b[0] + 1
    return None


def _case_boundary(left: str, right: str, seen: Counter[str], lex: GlueLexicon) -> bool:
    """A lower-to-upper change is a missing space when the words read as words. After a lower-case word
    (`daerah|Kota`, `oleh|Budi`): either side known, or written on its own in the article. Between two
    capitalised words, where brands join words on purpose (`KakaoTalk`, `OnePlus`): a long common word or a
    function word on one side (`Keuangan|Sri`), or the two written apart elsewhere (`Dewi Anggraini`)."""
    if len(right) < 2 or len(left) < 2 or left.casefold() in lex.never:
        return False
    if len(left) == 2 and left not in lex.short:
        return False
    if left.islower():
        return any(_known(w, lex) or seen[w] for w in (left, right))
    if any(_common(w, lex) for w in (left, right)):
        return True
    return bool(seen[f"{left} {right}"])


def _common(word: str, lex: GlueLexicon) -> bool:
    w = word.casefold()
    return w in lex.closed or (len(w) >= MIN_LONE_PIECE and w in lex.counts)


def _split_capitalised(word: str, seen: Counter[str], lex: GlueLexicon) -> list[int]:
    """Cuts in a capitalised word that ends in glued words: `Rina|yang` where the article writes `Rina` on its
    own, `Wahyuni|mengatakan` (a long speech verb)."""
    if _known(word, lex) or seen[word] or len(word) > MAX_RUN:
        return []
    best, nxt = _suffix_table(word, lex, seen, after_name=True)
    for i in range(len(word) - 2, 2, -1):
        if best[i] is None:
            continue
        pieces, head = _pieces(word, nxt, i), word[:i]
        if pieces[0] in lex.verbs or _head_evidence(head, pieces, seen, lex):
            return _cuts(i, pieces)
    return []


def _head_evidence(head: str, pieces: list[str], seen: Counter[str], lex: GlueLexicon) -> bool:
    """A capitalised head before glued words: a name the article writes on its own (`Rina|yang`), or a common
    word before function words only (`Banjir|dan`); a common word before a common word is a compound
    (`Sukabumi`) and stays whole."""
    if head.casefold() in lex.counts:
        return len(head) >= MIN_PIECE and all(p in lex.function for p in pieces)
    return bool(seen[head]) and _plausible(pieces, lex)


def _cuts(start: int, pieces: list[str]) -> list[int]:
    out, at = [], start
    for p in pieces:
        out.append(at)
        at += len(p)
    return out


def _split_word(word: str, seen: Counter[str], lex: GlueLexicon) -> list[int]:
    """Cuts inside one case word: a lower-case run by the dictionary, a capitalised one by
    `_split_capitalised`."""
    if len(word) < 5:
        return []
    if word.islower():
        if _known(word, lex) or seen[word]:
            return []
        pieces = segment(word, lex, 2, seen)
        return _cuts(0, pieces)[1:] if pieces else []
    if word[0].isupper() and word[1:].islower():
        return _split_capitalised(word, seen, lex)
    return []


def split_run(run: str, seen: Counter[str], lex: GlueLexicon) -> list[int]:
    """Offsets inside `run` (a maximal run of letters) where a space is missing."""
    cuts: list[int] = []
    words: list[tuple[int, int, bool]] = []  # (start, end, kept whole)
    at = 0
    for m in lex.keep.finditer(run):
        words.extend((s, e, False) for s, e in _shifted(_camel_words(run[at : m.start()]), at))
        words.append((m.start(), m.end(), True))
        at = m.end()
    words.extend((s, e, False) for s, e in _shifted(_camel_words(run[at:]), at))
    for k, (s, e, kept) in enumerate(words):
        if k:
            cut = _boundary(run, words[k - 1], (s, e, kept), seen, lex)
            if cut is not None:
                cuts.append(cut)
        if not kept:
            cuts.extend(s + c for c in _split_word(run[s:e], seen, lex))
    return sorted({c for c in cuts if 0 < c < len(run)})


def _shifted(spans: list[tuple[int, int]], by: int) -> list[tuple[int, int]]:
    return [(s + by, e + by) for s, e in spans]


def _boundary(
    run: str, a: tuple[int, int, bool], b: tuple[int, int, bool], seen: Counter[str], lex: GlueLexicon
) -> int | None:
    left, right = run[a[0] : a[1]], run[b[0] : b[1]]
    if a[2] or b[2]:  # beside a kept name: split when the other side is a word (`TransJakarta|mogok`)
        other = right if a[2] else left
        return b[0] if len(other) >= 2 and (_known(other, lex) or seen[other]) else None
    if left.isupper() and len(left) >= 1 and right[:1].isupper() and not right.isupper():
        return _capital_boundary(run, (a[0], a[1]), (b[0], b[1]), seen, lex)
    if left[-1:].islower() and right[:1].isupper():
        return b[0] if _case_boundary(left, right, seen, lex) else None
    return None


# ---------------------------------------------------------------- a text


def _run_words(run: str) -> list[str]:
    """The run itself and, where its case changes inside, its case words (`daerahKota`: daerah, Kota)."""
    if run[1:].islower():
        return [run]  # the common case, without building a case string
    spans = _camel_words(run) if len(run) <= MAX_GLUED else []
    return [run] + ([run[s:e] for s, e in spans] if len(spans) > 1 else [])


_PAIR = re.compile(r"(?<![^\W\d_])([A-Z][^\W\d_]*) (?=([A-Z][^\W\d_]*)(?![^\W\d_]))")


def article_words(text: str) -> Counter[str]:
    """How often the article writes each word on its own (its letter runs, and the case words inside them),
    and each pair of capitalised words with one space between them (`Dewi Anggraini`)."""
    seen: Counter[str] = Counter(_LETTERS.findall(text))
    for run, n in list(seen.items()):
        if not run[1:].islower():
            for w in _run_words(run)[1:]:
                seen[w] += n
    seen.update(f"{m.group(1)} {m.group(2)}" for m in _PAIR.finditer(text))
    return seen


def not_prose(text: str) -> list[tuple[int, int]]:
    """Spans of the whitespace-delimited chunks that are addresses, handles, hashtags or codes
    (`https://…`, `@infoCuaca`, `#SaveHutan`, `Akun_Resmi`), in order: no glue is looked for in them."""
    return [m.span() for m in _NOT_PROSE.finditer(text)]


def _prose_runs(text: str) -> Iterable[re.Match[str]]:
    """Letter runs outside addresses, handles, hashtags and codes (`@infoCuaca`, `0031XbQ13`)."""
    skip, k = not_prose(text), 0
    for m in _LETTERS.finditer(text):
        while k < len(skip) and skip[k][1] <= m.start():
            k += 1
        if k < len(skip) and skip[k][0] <= m.start():
            continue
        if (
            m.start() > 0
            and m.end() < len(text)
            and text[m.start() - 1].isdigit()
            and text[m.end()].isdigit()
        ):
            continue  # between digits: an identifier, not prose
        yield m


def find_glue(text: str, folders: Folders | None = None, seen: Counter[str] | None = None) -> list[int]:
    """Offsets in `text` where a space is missing between two glued words, in order."""
    lex = lexicon(folders)
    seen = article_words(text) if seen is None else seen
    out: list[int] = []
    for m in _prose_runs(text):
        run = m.group()
        if len(run) < 4 or len(run) > MAX_GLUED or (run[1:].islower() and run.casefold() in lex.whole):
            continue  # short, too long to be prose, or a known word (the common case, kept fast)
        own = Counter(_run_words(run))
        seen.subtract(own)  # evidence must come from elsewhere in the article, not from the token itself
        try:
            out.extend(m.start() + c for c in split_run(run, seen, lex))
        finally:
            seen.update(own)
    return out


def is_glued(word: str, seen: Counter[str] | None = None, folders: Folders | None = None) -> bool:
    """A word that still holds a glued word: a lower-to-upper change not in a kept name, or a run the splitter
    cuts (the measure `scripts/eval.py` prints for speakers and entity names)."""
    lex = lexicon(folders)
    seen = seen if seen is not None else Counter()
    for m in _prose_runs(word):  # a handle or an address (`@infoCuaca`, `Akun_Resmi`) holds no glued word
        run = m.group()
        rest = lex.keep.sub(" ", run)
        if any(a.islower() and b.isupper() for a, b in itertools.pairwise(rest)):
            return True
        if split_run(run, seen, lex):
            return True
    return False
