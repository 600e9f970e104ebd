"""Direct, partial and indirect quotes with speaker, role and medium (gold/CONVENTIONS.md, "Quotes").

One pass over the article's sentences, in order, so that `katanya`, `dia` and surnames resolve to the
speakers named before them. Quote marks are paired first (`marks.py`); sentences are cut around them.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ..records import Mention, Quote
from .lexicon import Lexicon, load_lexicon
from .marks import Span, find_spans
from .resolve import resolve_speakers
from .speakers import (
    ArticleContext,
    Speaker,
    Tok,
    clean_medium,
    dateline_end,
    is_acronym,
    iter_tokens,
    tokens,
    tokens_in,
)

# a sentence ends at a line break, or at `.` `!` `?` before a capital, a quote mark or the end; a scraper that
# joins paragraphs with `.,` (`… ujarnya.,Menurut dia …`) leaves a comma between the stop and the next sentence
BOUNDARY_RE = re.compile(r"\n|[.!?]+(?=\s*(?:[A-Z\"“‘'(\[«]|&(?:ldquo|quot|bdquo|laquo|#8220|#34);|$|\n))"
                         r"|(?<=[.!?\"”]),(?=[A-Z\"“])")
MAX_PHRASE = 12
MAX_SUBJECT = 10
_OUTSIDE_CHARS = " \t.:,;"  # what may stand beside a heading in marks on its line
_NOT_OUTSIDE = re.compile(r"[^ \t.:,;]")
# a sentence is read for at most this many matches of each kind of cue (`menurut`, `kata`, `mengatakan`,
# `dikatakan`) outside its quotes: prose has a handful; a run of cue words (hostile input) must not cost a
# reading of the sentence for each of them
MAX_CANDIDATES = 16
# the speaker before a verb is looked for in at most this many characters before it
SUBJECT_WINDOW = 1000
_KEPADA_RE = re.compile(r"\s*kepada\s+", re.IGNORECASE)
_OLEH_RE = re.compile(r"\s*oleh\s+", re.IGNORECASE)
_FIRST_WORD_RE = re.compile(r"\s*(\S+)")
_PLACE_TIME_RE = re.compile(r"[^,.;\n]{1,40},")
_WORD_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s")
_LINE_BREAK = re.compile(r"[\n\r]")


@dataclass
class Sentence:
    start: int
    end: int
    spans: list[Span]


@dataclass
class Attribution:
    speaker: Speaker
    via: str | None
    cue: str
    content: tuple[int, int] | None = None  # for indirect speech: the reported content
    end: int = 0  # where the attribution words end (body offset)
    extra: tuple[int, int] | None = None  # a second statement after the attribution (`, menambahkan bahwa …`)


# -- sentences ---------------------------------------------------------------------------------------------
def _sentences(body: str, spans: list[Span], lex: Lexicon) -> list[Sentence]:
    inside = [(s.open_start, max(s.close_end, s.open_end)) for s in spans]
    starts = [a for a, _ in inside]

    def covered(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and inside[k][0] <= pos < inside[k][1]

    # a full stop after a short title or degree (`Prof.`, `Kombes.`) does not end a sentence; after a long role
    # word (`komisaris.`) it does
    abbrev = lex.cue("abbreviation") | {r.rstrip(".").lower() for r, k in lex.roles.items()
                                        if r.endswith(".") or (k in ("degree", "rank", "honorific") and len(r) <= 5)}
    cuts: set[int] = set()
    for m in BOUNDARY_RE.finditer(body):
        if covered(m.start()):
            continue
        if m.group(0) == "\n" and _glued_line(body, m.start()):
            continue
        if m.group(0) != "\n":
            j = m.start()
            w = re.search(r"([\w]+)$", body[max(0, j - 12):j])
            if w and (len(w.group(1)) == 1 and w.group(1).isupper() or w.group(1).lower() in abbrev):
                continue
        cuts.add(m.end())
    # a related-article line run into the next sentence (`Baca juga:Jenazah … ke Rumah Duka Ia menjelaskan, …`):
    # the headline is title case; the sentence starts at the capitalised word before the first lower-case word
    # that a title would not have
    title_words = lex.cue("title_word")
    for m in lex.re_heading.finditer(body):
        colon = re.match(r"\s*:\s*", body[m.end():m.end() + 5])
        if not colon or covered(m.start()):
            continue
        line_end = body.find("\n", m.end(), m.end() + 300)
        line_end = min(len(body), m.end() + 300) if line_end < 0 else line_end
        toks: list[Tok] = []  # read as far as the loop goes (it stops at the first lower-case word)
        for i, t in enumerate(iter_tokens(body, m.end(), line_end)):
            toks.append(t)
            if i > 0 and t.text in "\"“«" or (t.text == "&" and body.startswith(("&ldquo;", "&quot;"), t.start)):
                cuts.add(m.start())
                cuts.add(t.start)  # a quote opens after the headline
                break
            if t.text[:1].islower() and t.text.lower() not in title_words and i > 0:
                j = i - 1
                while j > 0 and not (toks[j].cap and toks[j].text[0].isalpha()):
                    j -= 1
                if j > 0:
                    cuts.add(m.start())
                    cuts.add(toks[j].start)
                break
    for s in spans:
        if s.unclosed:
            continue
        content = body[s.open_end:s.close_start].rstrip()
        if content.endswith((".", "!", "?")):
            rest = body[s.close_end:s.close_end + 3].lstrip(" \t")
            if not rest or rest[0] in "\n\"“‘«" or rest[0].isupper():
                cuts.add(s.close_end)
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


def _glued_line(body: str, nl: int) -> bool:
    """A line break the scraper put inside a sentence (around italics or a link), not a paragraph end:
    the line does not end a sentence and the next one carries it on (`… 20 bus bekas\nTransjakarta\nterbakar`)."""
    a = body.rfind("\n", 0, nl) + 1
    prev = body[a:nl].rstrip(" \t")
    e = body.find("\n", nl + 1)
    nxt = body[nl + 1:e if e >= 0 else len(body)].lstrip(" \t")
    if not prev or not nxt or prev[-1] in ".!?:;\"”’'»" or (nl + 1 < len(body) and body[nl + 1] == "\n"):
        return False
    if prev.endswith("(") or nxt[0] in "),;" or nxt[0].islower():
        return True
    last = re.search(r"(\w+)\W*$", prev)
    # the line stops on a lower-case word in the middle of a long sentence (headings are short and capitalised)
    # and the next line is a word or two set apart (an italic term, a linked name) before the sentence goes on
    return bool(last and last.group(1)[:1].islower() and _words(prev) >= 5 and _words(nxt) <= 3
                and nxt[-1:] not in ".!?:\"”")


# -- helpers -----------------------------------------------------------------------------------------------
def _trim(body: str, a: int, b: int, drop_final: bool = False) -> tuple[int, int]:
    while a < b and body[a] in " \t\n,;:—–-":
        a += 1
    while b > a and body[b - 1] in " \t\n":
        b -= 1
    while b > a and (body[b - 1] in ",;:" or (drop_final and body[b - 1] in ".")):
        b -= 1
        while b > a and body[b - 1] in " \t\n":
            b -= 1
    return a, b


def _defined_name_follows(toks: list[Tok], i: int) -> bool:
    """Capitalised words from toks[i] and then `(ACRONYM)`: the words before belong to a defined name."""
    j = i
    while j < len(toks) and j - i < 4 and toks[j].cap and toks[j].text[0].isalpha():
        j += 1
    return j > i and j + 2 < len(toks) and toks[j].text == "(" and is_acronym(toks[j + 1].text) and \
        toks[j + 2].text == ")"


def _candidates(rx: re.Pattern, text: str, a: int, masked) -> Iterator[tuple[re.Match, int]]:
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


def _masker(masks: Sequence[tuple[int, int]]):
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


def _rstrip_at(body: str, a: int, p: int) -> int:
    """The end of body[a:p].rstrip() (a body offset), reading only the trailing spaces."""
    while p > a and body[p - 1].isspace():
        p -= 1
    return p


def _only_in(body: str, a: int, e: int, chars: str) -> bool:
    """body[a:e] is made of `chars` only (read from the end, stopping at the first other character)."""
    while e > a and body[e - 1] in chars:
        e -= 1
    return e <= a


def _demikian_before(body: str, a: int, p: int) -> tuple[int, bool] | None:
    r"""What `re.search(r",?\s*demikian\s*$", body[a:p])` finds (its body offset and whether it has the comma),
    read from `p` backwards instead of over the whole prefix."""
    k = _rstrip_at(body, a, p)
    if k - 8 < a or body[k - 8:k] != "demikian":
        return None
    k = _rstrip_at(body, a, k - 8)
    if k > a and body[k - 1] == ",":
        return k - 1, True
    return k, False


def _alt_words(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _at_least_words(body: str, a: int, b: int, k: int) -> bool:
    """`_words(body[a:b]) >= k`, reading only the first k words."""
    return sum(1 for _ in itertools.islice(_WORD_RE.finditer(body, a, b), k)) >= k


# a verb form opening the clause a directive asks for (`meminta warga membatasi …`, `menuntut terdakwa dihukum
# …`): the prefixes me(N)-, ber-, ter-, di- (Indonesian verbal morphology) on a word of five letters or more
_VERB_FORM = re.compile(r"(?:me[mnr]?|meng|meny|ber|ter|di)[a-z]{3,}")


def _verb_after_addressee(words: Sequence[str], lex: Lexicon) -> bool:
    """A directive's clause without `agar`/`untuk`: an addressee of one to five words, then a verb (not a
    preposition built like one, `terhadap`)."""
    return any(_VERB_FORM.fullmatch(w) is not None and w not in lex.cue("verb_like") for w in words[1:6])


def _reads_as_clause(words: Sequence[str], lex: Lexicon) -> bool:
    """The words after a verb read as a clause: a subject, then a verb form or an auxiliary (`pelaku sudah
    ditangkap`, `harga akan naik`), before any relative `yang` (`dugaan keterlibatan X yang disebut …` is a noun
    phrase)."""
    aux = lex.cue("predicate") | lex.cue("negation") | lex.cue("adverb")
    for w in (w.lower() for w in words[1:12]):
        if w == "yang" or w in ".;:":
            return False
        if w in aux or (_VERB_FORM.fullmatch(w) is not None and w not in lex.cue("verb_like")):
            return True
    return False


def _window_start(body: str, a: int, p: int, width: int) -> int:
    """The start of the last `width` characters of body[a:p] (`a` when it is shorter), moved on to a word start."""
    if p - a <= width:
        return a
    m = _SPACE_RE.search(body, p - width, p)
    return m.end() if m else p


class Finder:
    def __init__(self, body: str, mentions: Sequence[Mention], outlet: str | None, lex: Lexicon):
        self.body = body
        self.lex = lex
        self.ctx = ArticleContext(body, lex, tuple(mentions), outlet)
        self.stops = lex.cue("stop")
        self.adverbs = lex.cue("adverb")
        self.quotes: list[Quote] = []
        self.last_direct: tuple[int, Speaker, str | None] | None = None
        self._sent_texts: dict[tuple[int, int], str] = {}
        # the connector run (`Namun, sementara itu, …`) matched in place: `lex.re_connector` without its `^`
        self._conn = re.compile(lex.re_connector.pattern.removeprefix("^"), lex.re_connector.flags)
        self._lead_memo: dict[tuple[int, int], int] = {}
        # `menurutnya`: an `according` cue with the possessive of the last speaker
        self.re_according_nya = re.compile(r"(?<![\w-])(?:{})nya(?![\w-])".format(
            _alt_words(w for w in lex.cue("according") if " " not in w)), re.IGNORECASE)

    def _lead_end(self, a: int, p: int, b: int) -> int:
        """Where the connectors opening body[a:p] end (a + `lex.re_connector.match(body[a:p]).end()`), for a
        sentence body[a:b]. The run from `a` is matched once per sentence: a match that ends before `p` is also
        the match within body[a:p] (the pattern has no look-ahead), so many verbs in one sentence do not rescan."""
        full = self._lead_memo.get((a, b))
        if full is None:
            m = self._conn.match(self.body, a, b)
            full = self._lead_memo[(a, b)] = m.end() if m else a
        if full <= p:
            return full
        m = self._conn.match(self.body, a, p)
        return m.end() if m else a

    # -- phrases -------------------------------------------------------------------------------------------
    def phrase_after(self, pos: int, limit: int) -> tuple[str, int, int]:
        """The speaker words after a verb (`kata Carl Schuster, mantan direktur …`): text, start, end."""
        toks = tokens_in(self.body, pos, limit, MAX_PHRASE + 8)
        lex = self.lex
        out: list[Tok] = []
        i = 0
        comma_at: int | None = None  # where an apposition after a comma began (`kata X, mantan …`)
        clause = False  # the words after that comma turned out to be a clause of their own
        joiners = ("dan", "serta", "bin", "binti", "van", "de", "al", "von", "of", "the")
        while i < len(toks) and len(out) < MAX_PHRASE:
            t = toks[i]
            low = t.text.lower()
            if t.text in ".!?\"“”;:" or (out and _LINE_BREAK.search(self.body, out[-1].end, t.start)):
                break  # a speaker phrase ends with its sentence or its line
            if low in ("kepada", "dan") and out and out[-1].cap and _defined_name_follows(toks, i + 1):
                out.append(t)  # `Direktur Pengabdian kepada Masyarakat (DPKM) UGM`: inside a defined name
                i += 1
                continue
            # `menurut para ahli senjata merupakan …`: a predicate word ends any speaker phrase
            if out and low in lex.cue("predicate") and out[-1].text != ",":
                if comma_at is not None:
                    clause = True  # `Menurut X, Presiden Y telah …`: the words after the comma are a clause
                break
            # `kata Rustamadji petang tadi`, `dikatakan oleh Korea Selatan dapat dikirim …`: after a name, a
            # lower-case word that is no part of a title or a name ends the phrase
            if out and comma_at is None and t.text[:1].islower() and out[-1].cap and out[-1].text[0].isalpha() \
                    and low not in lex.roles and low not in joiners and (
                        low in lex.cue("predicate") or low in self.adverbs or low in lex.cue("time") or
                        low in lex.cue("negation") or not any(x.text[:1].islower() for x in out)):
                break
            if t.text == ",":
                nxt = toks[i + 1].text.lower() if i + 1 < len(toks) else ""
                nxt2 = " ".join(x.text.lower() for x in toks[i + 1:i + 3])
                name_next = i + 1 < len(toks) and toks[i + 1].cap and toks[i + 1].text[0].isalpha() and \
                    out and all(not x.cap for x in out if x.text[0].isalpha()) is False and False
                if out and (nxt in lex.roles or nxt2 in lex.roles or nxt in lex.quantifiers or name_next):
                    if comma_at is None:
                        comma_at = len(out)
                    out.append(t)
                    i += 1
                    continue
                # `tanya Jaksa KPK, Wawan Yunarwanto`: a title, then the name after the comma
                if out and i + 1 < len(toks) and toks[i + 1].cap and toks[i + 1].text[0].isalpha() and \
                        (self.ctx.split_glue(out[0].text)[0].lower() in lex.roles or
                         " ".join(x.text.lower() for x in out[:2]) in lex.roles) and \
                        toks[i + 1].text.lower() not in self.stops:
                    out.append(t)
                    i += 1
                    continue
                break
            if out and (low in self.stops or low in lex.pre or low in lex.post) and not (
                    out[-1].text == "," and low in lex.roles):
                if comma_at is not None and (low in lex.pre or low in lex.post):
                    clause = True
                # `profesor studi internasional di Universitas …` inside an apposition is kept
                if "," in [x.text for x in out] and low in ("di", "dari", "pada") and i + 1 < len(toks) \
                        and toks[i + 1].cap:
                    out.append(t)
                    i += 1
                    continue
                break
            if not out and low in self.stops:
                break
            out.append(t)
            i += 1
        if comma_at is not None and (clause or len(out) >= MAX_PHRASE):
            # `Menurut Menteri ESDM Bahlil Lahadalia, Presiden Prabowo Subianto telah memerintahkan …`
            out = out[:comma_at]
        while out and out[-1].text in ",(":
            out.pop()
        if not out:
            return "", pos, pos
        return self.body[out[0].start:out[-1].end], out[0].start, out[-1].end

    def _is_adjunct(self, chunk: list[Tok]) -> bool:
        """A comma chunk between a speaker and the verb that is not part of the speaker: a time, a place, a
        circumstance, a medium, a relative clause (`X, Selasa malam, mengatakan`, `X, seperti dikutip Y, …`)."""
        lex = self.lex
        first = chunk[0].text
        low = first.lower()
        if first in "([" or first[:1].isdigit() or low == "yang":
            return True
        if low in self.stops or low in lex.cue("time") or low in lex.cue("subordinator"):
            return True
        text = self.body[chunk[0].start:chunk[-1].end].lower()
        if lex.re_via_before.match(text) or lex.re_according.match(text):
            return True
        return all(t.text.lower() in lex.cue("time") or t.text[:1].isdigit() or t.text in "()/" or
                   t.text.lower() in self.stops for t in chunk)

    def _cut_chunk(self, sub: list[Tok]) -> list[Tok]:
        """The speaker words of the chunk before the verb: what a relative clause, a nickname, a circumstance
        or `A melalui B` leave of it."""
        lex = self.lex
        if not sub:
            return sub
        # `Pemerintah melalui Kementerian ESDM`: the body named after `melalui` speaks
        for i, t in enumerate(sub[:-1]):
            if i > 0 and t.text.lower() in lex.cue("through") and sub[i + 1].cap:
                sub = sub[i + 1:]
                break
        low = [t.text.lower() for t in sub]
        for i in range(1, len(sub)):
            w = low[i]
            two = " ".join(low[i:i + 2])
            # `Saifullah Yusuf atau akrab disapa Gus Ipul`, `Mensos yang karib disapa Gus Ipul itu`
            if w in lex.cue("alias") or two in lex.cue("alias") or w == "yang" or \
                    (w == "atau" and (low[i + 1:i + 2] and (low[i + 1] in lex.cue("alias") or
                                                            " ".join(low[i + 1:i + 3]) in lex.cue("alias")))):
                return sub[:i]
            # `Putin pekan lalu berjanji`: a time after the name
            if w in lex.cue("time") and sub[i].text.islower() and any(x.cap for x in sub[:i]):
                return sub[:i]
            # `Rustamadji dalam keterangan resmi di Yogyakarta`, `X saat dihubungi`
            in_name = w in ("kepada", "dengan", "dari") and i + 1 < len(sub) and sub[i + 1].cap
            named = any(x.cap for x in sub[:i]) or sub[0].text.lower() in lex.quantifiers or \
                sub[0].text.lower() in lex.anon_heads
            if w in self.stops and not in_name and named:
                return sub[:i]
        return sub

    def subject_before(self, a: int, pos: int, loose: bool = False) -> tuple[str, int]:
        """The speaker words before a verb, from sentence start `a` to the verb at `pos`."""
        lex = self.lex
        toks = tokens(self.body[a:pos], a)
        toks = [t for t in toks if t.text not in ("—", "–")] if toks and toks[-1].text in ("—", "–") else toks
        while toks and (toks[-1].text.lower() in self.adverbs or toks[-1].text.lower() in lex.cue("negation")):
            toks.pop()
        if not toks:
            return "", pos
        # a pronoun right before the verb is the subject, whatever stands before it
        if toks[-1].text.lower() in lex.pronouns and (len(toks) == 1 or toks[-2].text.lower() not in ("yang",)):
            return toks[-1].text, toks[-1].start
        # `…, Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)`: an organisation the article defines here
        if len(toks) >= 4 and toks[-1].text == ")" and toks[-3].text == "(" and toks[-2].text in self.ctx.acronyms:
            long = self.ctx.acronyms[toks[-2].text]
            k = self.body.rfind(long.rsplit(" (", 1)[0], a, pos)
            if k >= 0:
                lead = lex.re_connector.match(self.body[a:k])
                head = self.body[a:k].strip(" ,")
                if not head or (lead and lead.end() >= len(self.body[a:k].rstrip(" ,"))) or \
                        tokens(head)[-1].text.lower() in lex.cue("through"):
                    return self.body[k:toks[-1].end], k
        # a clause before the subject: `AS … akan fokus pada …, setelah Rusia mengatakan`
        for i in range(len(toks) - 1, 0, -1):
            if toks[i].text.lower() in lex.cue("subordinator") and i + 1 < len(toks) and \
                    toks[i + 1].cap and toks[i + 1].text[0].isalpha() and \
                    len([t for t in toks[i + 1:] if t.text[:1].islower()]) <= 2:
                toks = toks[i + 1:]
                break
        # split at commas (not inside brackets); an apposition chunk joins the chunk before it
        chunks: list[list[Tok]] = [[]]
        depth = 0
        for t in toks:
            if t.text in "([":
                depth += 1
            elif t.text in ")]":
                depth = max(0, depth - 1)
            if t.text == "," and depth == 0:
                chunks.append([])
            else:
                chunks[-1].append(t)
        chunks = [c for c in chunks if c]
        if not chunks:
            return "", pos
        while len(chunks) > 1 and self._is_adjunct(chunks[-1]):
            chunks.pop()
        # a list of speakers: `AS, Inggris, Korea Selatan, dan Jepang`
        if len(chunks) >= 2 and chunks[-1][0].text.lower() in ("dan", "serta") and len(chunks[-1]) > 1:
            k = len(chunks) - 1
            while k - 1 >= 0 and chunks[k - 1][0].cap and len(chunks[k - 1]) <= 4 and \
                    not lex.re_connector.fullmatch(self.body[chunks[k - 1][0].start:chunks[k - 1][-1].end] + " "):
                k -= 1
            if k < len(chunks) - 1:
                group = chunks[k:]
                first = group[0]
                m = lex.re_connector.match(self.body[first[0].start:group[-1][-1].end])
                st = first[0].start + (m.end() if m else 0)
                return self.body[st:group[-1][-1].end], st
        last = chunks[-1]
        m = lex.re_connector.match(self.body[last[0].start:last[-1].end])
        if m and m.end() > 0:
            last = [t for t in last if t.start >= last[0].start + m.end()]
        last = self._cut_chunk(last)
        if not last:
            return "", pos
        first_low = last[0].text.lower()
        prev_first = chunks[-2][0].text.lower() if len(chunks) >= 2 else ""
        cue_words = lex.cue("via_before") | lex.cue("according") | lex.cue("connector")
        prev_is_connector = len(chunks) >= 2 and lex.re_connector.fullmatch(
            self.body[chunks[-2][0].start:chunks[-2][-1].end] + " ") is not None
        if len(chunks) >= 2 and prev_first not in cue_words and not prev_is_connector and \
                not self._is_adjunct(chunks[-2]) and (
                first_low in lex.roles or " ".join(x.text.lower() for x in last[:2]) in lex.roles or
                first_low in lex.quantifiers or (last[0].text[:1].islower() and first_low not in lex.anon_heads and
                                                 first_low not in lex.quantifiers)) and chunks[-2][-1].cap:
            prev = self._cut_chunk(chunks[-2])
            # `Leif-Eric Easley, profesor …` — or `Komisaris Independen PLN, Andi Arief`
            if prev:
                m = lex.re_connector.match(self.body[prev[0].start:prev[-1].end])
                if m and m.end() > 0:
                    prev = [t for t in prev if t.start >= prev[0].start + m.end()]
            if prev:
                sub = prev + [Tok(prev[-1].end, prev[-1].end + 1, ",")] + last
                if not any(t.text.lower() in lex.cue("passive_marker") for t in sub):
                    return self.body[sub[0].start:sub[-1].end], sub[0].start
        sub = last
        # sentence openers are not speakers
        m = lex.re_connector.match(self.body[sub[0].start:sub[-1].end])
        if m and m.end() > 0:
            k = sub[0].start + m.end()
            sub = [t for t in sub if t.start >= k]
        if not sub:
            return "", pos
        lower = [t for t in sub if t.text[:1].islower()]
        if len(sub) > 24 or len(lower) > 6:
            if not loose:
                return "", pos
            run = []
            for t in sub:
                if t.cap and t.text[0].isalpha():
                    run.append(t)
                elif run:
                    break
            if not run:
                return "", pos
            sub = run
        # a speaker is a noun phrase: no second speech verb, no clause words, no agentless passive inside
        if any(t.text.lower() in lex.cue("passive_marker") for t in sub):
            return "", pos
        if any(t.text.lower() in lex.pre or t.text.lower() in ("yang",) for t in sub) and not loose:
            return "", pos
        return self.body[sub[0].start:sub[-1].end], sub[0].start

    def via_in(self, a: int, b: int) -> str | None:
        """A medium credited in body[a:b]: `kepada CNN`, `dilansir Antara`, `RIA mengutip`."""
        text = self.body[a:b]
        lex = self.lex
        for m in re.finditer(r"(?<![\w-])kepada\s+", text, re.IGNORECASE):
            if _defined_name_follows(tokens(text[m.end():m.end() + 80]), 0):
                continue
            v = clean_medium(self.ctx, text[m.end():m.end() + 60])
            if v:
                return v
        agencies = "|".join(re.escape(x) for x in sorted(lex.cue("via_agency"), key=len, reverse=True))
        for m in re.finditer(rf"(?<![\w-])menurut\s+(?=(?:{agencies})\s)", text, re.IGNORECASE):
            v = clean_medium(self.ctx, text[m.end():m.end() + 80])
            if v:
                return v
        # `dalam wawancara (terbaru|eksklusif) dengan Bloomberg News`
        for m in re.finditer(r"(?<![\w-])wawancara(?:\s+[a-z]+){0,3}?\s+dengan\s+", text, re.IGNORECASE):
            v = clean_medium(self.ctx, text[m.end():m.end() + 80])
            if v:
                return v
        for m in lex.re_via_before.finditer(text):
            rest = text[m.end():m.end() + 80]
            rest = re.sub(r"^\s*(?:dari\s+)?", "", rest)
            v = clean_medium(self.ctx, rest)
            if v:
                return v
        for cue in lex.cue("via_after"):
            for m in re.finditer(r"(?<![\w-])" + re.escape(cue) + r"(?![\w-])", text, re.IGNORECASE):
                before = tokens(text[max(0, m.start() - 80):m.start()])
                run: list[str] = []
                for t in reversed(before):
                    if t.cap or t.text[:1].isdigit():
                        run.insert(0, t.text)
                    else:
                        break
                if run:
                    v = clean_medium(self.ctx, " ".join(run))
                    if v:
                        return v
        return None

    # -- indirect speech in one stretch of text ----------------------------------------------------------
    def tail_via(self, a: int, b: int) -> tuple[int, str | None]:
        """A medium credited at the end of reported content (`…, menurut kantor berita Interfax`, `…, kantor berita
        negara Korea Utara KCNA melaporkan pada hari Rabu`, `…, seperti dilansir Reuters`): where the content
        ends without it, and the medium."""
        body = self.body
        lex = self.lex
        text = body[a:b]
        k = text.rfind(",")
        tries = 0
        agencies = _alt_words(lex.cue("via_agency"))
        while k > 0 and tries < 2:
            tries += 1
            clause = text[k + 1:].strip(" .")
            via = None
            m = re.match(rf"(?:demikian\s+)?menurut\s+(?=(?:{agencies})\s)", clause, re.IGNORECASE)
            if m:
                via = clean_medium(self.ctx, clause[m.end():])
            if via is None:
                m = lex.re_via_before.match(clause)
                if m:
                    via = clean_medium(self.ctx, re.sub(r"^\s*(?:dari\s+)?", "", clause[m.end():]))
            if via is None:
                m = re.search(r"(?<![\w-])(?:melaporkan|melansir|mengutip)(?![\w-])", clause, re.IGNORECASE)
                if m and m.start() > 0:
                    who = clause[:m.start()].strip()
                    words = who.split()
                    if words and (words[0][:1].isupper() or who.lower().startswith(tuple(lex.cue("via_agency")))) \
                            and len(words) <= 8:
                        via = clean_medium(self.ctx, who)
            if via:
                _, cb = _trim(body, a, a + k, True)
                return cb, via
            k = text.rfind(",", 0, k)
        return b, None

    def _may_speak(self, phrase: str) -> bool:
        """A lower-case phrase after `menurut` names a source only when it opens with a descriptor, a role, a
        quantifier or a pronoun (`para ahli`, `polisi`, `dia`); `riwayat perjalanan` is a record."""
        if not phrase[:1].islower():
            return True
        lex = self.lex
        words = phrase.lower().split()
        first, two = words[0], " ".join(words[:2])
        return any(w in lex.anon_heads or w in lex.quantifiers or w in lex.roles or w in lex.pronouns
                   for w in (first, two)) or first in lex.post_nya

    def _according_nya(self, a: int, b: int, masked) -> Attribution | None:
        """`Menurutnya(,) …`, `Namun, menurutnya, …`, `…, menurutnya.`: the words of the last speaker. The
        content is the part of the sentence after the cue, or before it when that part is the longer."""
        body = self.body
        for m, p in _candidates(self.re_according_nya, body[a:b], a, masked):
            lead_end = self._lead_end(a, p, b)
            before = _trim(body, lead_end, p, True)
            after = _trim(body, a + m.end(), b, True)
            nb, na = _words(body[before[0]:before[1]]), _words(body[after[0]:after[1]])
            if lead_end < p and body[before[1]:p].strip() not in (",", ""):
                continue
            content = after if na >= nb else before
            if max(na, nb) < 3:
                continue
            sp = self.ctx.last()
            if not sp.name:
                return None
            return Attribution(sp, None, m.group(0), content, a + m.end())
        return None

    def attribute(self, a: int, b: int, masks: Sequence[tuple[int, int]] = (), loose: bool = False
                  ) -> Attribution | None:
        """Reported speech in body[a:b] (a sentence); `masks` are quoted stretches to skip."""
        body = self.body
        lex = self.lex

        masked = _masker(masks)
        text = body[a:b]
        nya = self._according_nya(a, b, masked)
        if nya is not None:
            return nya
        # `menurut X, …` / `…, (demikian) menurut X` / `Dalam keterangan tertulis X, …` / `…, yang menurut X …`
        for rx, cue in ((lex.re_according, "menurut"), (lex.re_written, "keterangan tertulis")):
            for m, p in _candidates(rx, text, a, masked):
                pa, ps, pe = self.phrase_after(a + m.end(), b)
                if not pa:
                    continue
                if pa.lower().startswith("data "):
                    pa, ps = pa[5:], ps + 5
                elif not self._may_speak(pa):
                    continue  # `Menurut riwayat perjalanan, …`: a record, not a source
                lead_end = self._lead_end(a, p, b)
                # a time or a place left between the phrase and the content (`menurut Rustamadji petang tadi, …`)
                ce = pe
                am = _PLACE_TIME_RE.match(body, pe, b)
                if am and all(t.text.lower() in lex.cue("time") or t.text.lower() in self.stops or
                              t.text[:1].isdigit() or t.text in "()/" for t in tokens(am.group(0)[:-1])):
                    ce = am.end() - 1
                comma_after = body[ce:ce + 3].lstrip().startswith(",")
                nxt = tokens(body[ce:ce + 40])
                # an unnamed descriptor runs into the content without a comma (`menurut para ahli senjata
                # merupakan …`): the predicate starts the content
                bare = not comma_after and nxt and (nxt[0].text.lower() in lex.cue("predicate") or
                                                    nxt[0].text.lower() in lex.pre)
                aa, ab = _trim(body, ce, b, True)
                after_words = _words(body[aa:ab]) if (comma_after or bare) else 0
                e = _rstrip_at(body, lead_end, p)
                if _only_in(body, lead_end, e, " ,") or (e - 5 >= lead_end and body[e - 5:e] == " yang") or \
                        body[lead_end:e] == "yang":
                    # at the start (or opening a relative clause): the content follows the phrase
                    if after_words >= 2:
                        sp = self.ctx.parse(pa, start=ps)
                        cb, via = self.tail_via(aa, ab)
                        return Attribution(sp, via, cue, (aa, cb), pe)
                    continue
                dm = _demikian_before(body, a, p)  # `…, demikian menurut X`
                if not (body[p - 2:p].strip() in (",", "") or (dm is not None and dm[1])):
                    continue
                ce2 = p
                if dm is not None:
                    ce2 = dm[0]
                ca, cb = _trim(body, lead_end, ce2, True)
                if _words(body[ca:cb]) < 3:
                    continue
                agency = any(pa.lower().startswith(x + " ") for x in lex.cue("via_agency"))
                if agency:
                    continue  # `menurut kantor berita X` after someone's words: a medium
                sp = self.ctx.parse(pa, start=ps)
                if after_words >= 3 and after_words > _words(body[ca:cb]):
                    # in the middle: `Kronologi kejadian ini, menurut Rustamadji, bermula ketika …`
                    cb2, via = self.tail_via(aa, ab)
                    return Attribution(sp, via, cue, (aa, cb2), pe)
                return Attribution(sp, self.via_in(pe, b), cue, (ca, cb), pe)
        # `…, kata X.` / `…, katanya.` / `Polisi, kata dia, sudah …` / `Kata X, …`
        for rx, nya in ((lex.re_post_nya, True), (lex.re_post, False)):
            for m, p in _candidates(rx, text, a, masked):
                # what stands before the verb, without its trailing spaces: body[a:pre_end]
                pre_end = _rstrip_at(body, a, p)
                at_start = pre_end == a or self._conn.fullmatch(body, a, pre_end) is not None
                if not at_start and body[pre_end - 1] != ",":
                    continue
                base = m.group(0).lower()
                if lex.post_kind.get(base[:-3] if nya else base) == "direct":
                    continue  # `teriak`: a chant in marks, never reported speech
                via = None
                if nya:
                    sp = self.ctx.last()
                    pe = a + m.end()
                    pa = m.group(0)
                else:
                    pa, ps, pe = self.phrase_after(a + m.end(), b)
                    if not pa:
                        continue
                    # `…, lapor kantor berita Interfax, mengutip penasihat kebijakan luar negeri Putin`
                    um = re.match(r"\s*,?\s*mengutip\s+(?:pernyataan\s+|ucapan\s+|keterangan\s+)?", body[pe:b],
                                  re.IGNORECASE)
                    pb = self.phrase_after(pe + um.end(), b) if um else ("", pe, pe)
                    if pb[0]:
                        via = clean_medium(self.ctx, pa)
                        pa, ps, pe = pb
                    sp = self.ctx.parse(pa, start=ps)
                after_a, after_b = _trim(body, pe, b, True)
                after_ok = body[pe:pe + 2].lstrip().startswith(",") and _words(body[after_a:after_b]) >= 3
                after_first = body[after_a:after_a + 30].split()[:1]
                # `…, kata para analis, yang …`: a relative clause on the speaker is not the content
                if after_first and after_first[0].lower() == "yang":
                    after_ok = False
                # `…, kata Shin, menambahkan bahwa …`: a second statement by the same speaker
                tail = re.match(rf"(?:seraya\s+|sambil\s+|dan\s+)?(?:{_alt_words(lex.pre)})(?![\w-])\s*(?:,\s*)?(?:bahwa\s+)?", body[after_a:after_b], re.IGNORECASE)
                extra = None
                if tail and not at_start:
                    ta, tb = _trim(body, after_a + tail.end(), after_b, True)
                    if _words(body[ta:tb]) >= 3:
                        extra = (ta, tb)
                    after_ok = False
                ba, bb = _trim(body, self._lead_end(a, pre_end, b), p, True)
                if at_start:
                    if not after_ok:
                        continue
                    content = (after_a, after_b)
                elif after_ok and _words(body[after_a:after_b]) > _words(body[ba:bb]):
                    content = (after_a, after_b)
                else:
                    content = (ba, bb)
                if _words(body[content[0]:content[1]]) < 2:
                    continue
                if via is None:
                    via = self.via_in(pe, extra[0] if extra else b)
                if content[0] >= pe:
                    cb, tv = self.tail_via(*content)
                    content, via = (content[0], cb), via or tv
                return Attribution(sp, via, m.group(0), content, pe, extra)
        # `X mengatakan (bahwa) …`
        for m, p in _candidates(lex.re_pre, text, a, masked):
            verb = m.group(0).lower()
            cls = lex.pre.get(verb, "statement")
            if lex.pre_kind.get(verb) == "direct":
                continue  # `berteriak`, `menanggapi`: they attribute a quote in marks, never reported speech
            subj, ss = self.subject_before(_window_start(body, a, p, SUBJECT_WINDOW), p, loose)
            if not subj:
                continue
            if subj.split()[0].lower() in lex.cue("stop") and not loose:
                continue
            q = a + m.end()
            via = None
            km = _KEPADA_RE.match(body, q, b)
            if km:
                pa, ps, pe = self.phrase_after(km.end(), b)
                via = clean_medium(self.ctx, pa) if pa else None
                q = pe if pa else q
            toks = tokens_in(body, q, b, 16)  # (no more are read)
            bahwa = None
            comp = lex.cue("complementiser")
            for i, t in enumerate(toks[:16]):
                tl = t.text.lower()
                if tl in ("bahwa",):
                    bahwa = t
                    break
                if tl in lex.pre or t.text in ".!?":
                    break
            ca = bahwa.end if bahwa is not None else q
            head = toks[0].text.lower() if toks else ""
            if bahwa is None:
                # the content right after the verb (and its comma or colon)
                if cls == "confirm" and head not in (",", ":"):
                    continue
                if cls == "question" and head not in lex.cue("question_word"):
                    continue
                if cls == "report" and head not in comp and head not in (",", ":") and \
                        not _reads_as_clause([t.text for t in toks], lex):
                    continue  # `menyampaikan ucapan selamat Natal kepada …`: a noun-phrase object
                if cls == "describe" and not any(t.text.lower() == "sebagai" for t in toks[:10]):
                    continue  # `menggambarkan X sebagai Y` reports a view; without `sebagai` it describes
                if cls == "directive":
                    first6 = [t.text.lower() for t in toks[:7]]
                    k = next((i for i, w in enumerate(first6) if w in comp), None)
                    if k is None and not _verb_after_addressee(first6, lex):
                        continue
                    if k is not None and (verb in ("mengimbau",) or toks[k].text.lower() in ("agar", "supaya") and k == 0):
                        ca = toks[k].end
                if head in comp and cls != "directive":
                    ca = toks[0].end
            else:
                pass
            ca, cb = _trim(body, ca, b, True)
            if not _at_least_words(body, ca, cb, 3):
                continue
            clause = bahwa is not None or head in (",", ":") or head in comp or head in lex.cue("question_word")
            # `… memudahkan wisatawan untuk memastikan bahwa …`: a verb in a purpose clause reports nothing
            before = tokens(body[max(ss, p - 40):p])
            if before and before[-1].text.lower() in lex.cue("purpose"):
                continue
            if not clause:
                # `BMKG belum mencatat adanya …`, `enggan menyebutkan …`: a denied act with no statement
                between = [t.text.lower() for t in tokens(body[max(ss, p - 40):p])]
                if any(w in lex.cue("negation") for w in between[-3:]):
                    continue
                # `menyatakan kekhawatirannya tentang …`: a noun-phrase object, not a statement
                ct = tokens_in(body, ca, cb, 2)
                w0 = ct[0].text.lower() if ct else ""
                w1 = ct[1].text.lower() if len(ct) > 1 else ""
                if cls != "directive" and w0.endswith("nya") and len(w0) > 5 and (
                        re.match(r"(?:ke|pe)\w+an(?:nya)$", w0) or (
                            w1 in lex.cue("object_preposition") and w0 not in lex.pronouns)):
                    continue
            sp = self.ctx.parse(subj, start=ss)
            if sp.name is None:
                continue
            cb2, tv = self.tail_via(ca, cb)
            if via is None:
                via = self.via_in(a, ss) or self.via_in(ss + len(subj), p) or tv
            return Attribution(sp, via, m.group(0), (ca, cb2), q)
        # passive with a named agent: `… dikatakan Menteri X bakal …`, `… dilaporkan oleh New York Times`
        for m, p in _candidates(lex.re_passive, text, a, masked):
            q = a + m.end()
            om = _OLEH_RE.match(body, q, b)
            if om:
                q = om.end()
            nw = _FIRST_WORD_RE.match(body, q, b)  # the first word after the verb (and `oleh`)
            if not nw or not (nw.group(1)[0].isupper() or nw.group(1).lower() in lex.roles):
                continue
            pa, ps, pe = self.phrase_after(q, b)
            if not pa:
                continue
            before = body[a:p]
            dm = re.search(r"(?:,\s*)?(?:demikian\s+)?(?:yang\s+)?(?:pertama\s+kali\s+)?$", before)
            lead = lex.re_connector.match(before)
            ba, bb = _trim(body, a + (lead.end() if lead else 0), a + (dm.start() if dm else len(before)), True)
            aa, ab = _trim(body, pe, b, True)
            if re.match(r"^(?:Informasi|Hal|Pernyataan|Kabar)\s+(?:ini|itu|tersebut)\s*$", body[ba:bb], re.IGNORECASE):
                return Attribution(self.ctx.parse(pa, start=ps), None, "closing", None, pe)
            content = (ba, bb) if _words(body[ba:bb]) >= _words(body[aa:ab]) else (aa, ab)
            if re.search(r"(?<![\w-])yang\s*$", before) and _words(body[aa:ab]) >= 2:
                # `uji coba senjata yang dikatakan oleh Korea Selatan dapat dikirim ke Rusia`: the relative
                # clause after the agent carries the reported content
                content = (aa, ab)
            elif _words(body[content[0]:content[1]]) < 3:
                continue
            return Attribution(self.ctx.parse(pa, start=ps), self.via_in(pe, b), m.group(0), content, pe)
        return None

    # -- direct quotes -------------------------------------------------------------------------------------
    def right_attribution(self, q_end: int, limit: int) -> Attribution | None:
        """Attribution after a closing mark: `,” kata Easley`, `,” katanya`, `,” demikian putusan …`."""
        body = self.body
        lex = self.lex
        seg = body[q_end:limit]
        lead = re.match(r"[\s,.]*", seg)
        p = q_end + lead.end()
        rest = body[p:limit]
        m = lex.re_post_nya.match(rest)
        if m:
            return Attribution(self.ctx.last(), self.via_in(p, limit), m.group(0), None, p + m.end())
        m = lex.re_post.match(rest) or self._glued_post(rest)
        if m:
            pa, ps, pe = self.phrase_after(p + m.end(), limit)
            if pa:
                cls = lex.post_class.get(m.group(0).lower())
                sp = self.ctx.parse(pa, start=ps)
                if cls == "document" and sp.type in ("unknown",):
                    sp.type = "document"
                return Attribution(sp, self.via_in(pe, limit), m.group(0), None, pe)
        dm = re.match(r"(?:demikian|bunyi|berbunyi|tulis)\s+(?:(?:yang\s+)?(?:dilansir|dikutip|tertulis)\s+(?:dari\s+)?)?", rest, re.IGNORECASE)
        if dm and dm.end() < len(rest):
            pa, ps, pe = self.phrase_after(p + dm.end(), limit)
            doc = self.document_speaker(pa, body[p:limit])
            if doc:
                return Attribution(doc, None, rest[:dm.end()].strip(), None, pe)
        # `,” Nam mengatakan` / `,” kantor berita RIA mengutip pernyataan juru bicara … Maria Zakharova`
        vm = lex.re_pre.search(rest[:120])
        if vm:
            subj = rest[:vm.start()].strip(" ,")
            verb = vm.group(0).lower()
            if verb == "mengutip" or subj.lower().split()[:1] and subj.lower().split()[0] in lex.cue("via_agency"):
                pass
            if subj and _words(subj) <= 8 and "." not in subj:
                sp = self.ctx.parse(subj, start=p)
                if sp.name:
                    return Attribution(sp, self.via_in(p + vm.end(), limit), vm.group(0), None, p + vm.end())
        um = re.search(r"(?<![\w-])mengutip\s+(?:pernyataan\s+|ucapan\s+|keterangan\s+)?", rest[:150], re.IGNORECASE)
        if um:
            pa, ps, pe = self.phrase_after(p + um.end(), limit)
            if pa:
                sp = self.ctx.parse(pa, start=ps)
                via = clean_medium(self.ctx, rest[:um.start()])
                return Attribution(sp, via, "mengutip", None, pe)
        return None

    def _glued_post(self, rest: str):
        """`jawabsaksi meringankan`: a post verb the scraper glued to the next word (a word of the body)."""
        wm = re.match(r"[a-z]{5,}", rest)
        if not wm:
            return None
        word = wm.group(0)
        for v in sorted(self.lex.post, key=len, reverse=True):
            tail = word[len(v):]
            if word.startswith(v) and len(tail) >= 4 and tail in self.ctx.words:
                return re.match(re.escape(v), rest)
        return None

    def document_speaker(self, phrase: str, clause: str = "") -> Speaker | None:
        """A ruling or regulation read out (`demikian putusan …`): its issuing body, as the article names it."""
        if not phrase:
            return None
        heads = self.lex.cue("org_head")

        def is_org(long: str) -> bool:
            return any(w.lower() in heads for w in long.split())

        for t in tokens(phrase + " " + clause):
            long = self.ctx.acronyms.get(t.text)
            if long and is_org(long):
                return Speaker(long.rsplit(" (", 1)[0], None, "organisation")
        orgs = [v for v in self.ctx.acronyms.values() if is_org(v)]
        if orgs:
            first = min(orgs, key=lambda v: self.body.find(v))
            return Speaker(first.rsplit(" (", 1)[0], None, "organisation")
        return Speaker(phrase, None, "document")

    def left_attribution(self, a: int, open_start: int) -> Attribution | None:
        """Attribution before an opening mark: `X mengatakan: “…”`, `Kata X, “…”`."""
        body = self.body
        lex = self.lex
        text = body[a:open_start].rstrip()
        if not text:
            return None
        if not text.endswith((":", ",")) and not lex.re_pre.search(text[-40:] or ""):
            return None
        core = text.rstrip(":, ")
        m = None
        for m in lex.re_pre.finditer(core):
            pass
        if m is not None and core[m.end():].strip(" ,") == "" or (m is not None and re.fullmatch(
                r"\s*(?:kepada\s+[\w .]+)?", core[m.end():] or "", re.IGNORECASE)):
            subj, ss = self.subject_before(a, a + m.start())
            if subj:
                sp = self.ctx.parse(subj, start=ss)
                if sp.name:
                    return Attribution(sp, self.via_in(a + m.end(), open_start), m.group(0), None, open_start)
        pm = re.match(r"\s*(?:(?:{})\s*,?\s*)?(kata|ujar|menurut)\s+".format(
            "|".join(re.escape(c) for c in sorted(lex.cue("connector"), key=len, reverse=True))), core, re.IGNORECASE)
        if pm:
            sp = self.ctx.parse(core[pm.end():], start=a + pm.end())
            if sp.name:
                return Attribution(sp, None, pm.group(1), None, open_start)
        return None

    def is_heading(self, s: Span, sent: Sentence) -> bool:
        body = self.body
        content = body[s.open_end:s.close_start].strip()
        # only the 60 characters before the mark matter for a heading cue: look no further back for the line start
        w0 = max(0, s.open_start - 60)
        nl = body.rfind("\n", w0, s.open_start)
        before = body[nl + 1 if nl >= 0 else w0:s.open_start]
        hm = None
        for hm in self.lex.re_heading.finditer(before):
            pass
        if hm is not None and not before[hm.end():].strip(" \t:-–—"):
            return True
        words = re.findall(r"[^\W\d_][\w'’-]*", content)
        if words and not content.endswith((".", "!", "?", ",")) and len(words) <= 12 and self._alone_on_line(s):
            caps = sum(w[0].isupper() for w in words)
            if caps >= max(1, 0.6 * len(words)):
                return True
        return False

    def _alone_on_line(self, s: Span) -> bool:
        """Nothing but ` \t.:,;` stands on the span's line outside it. Scans only the run of such characters
        next to the span (the marks of a neighbouring span stop it), never the whole line."""
        body = self.body
        m = _NOT_OUTSIDE.search(body, s.close_end)
        if m is not None and m.group(0) != "\n":
            return False
        k = s.open_start
        step = 16
        while k > 0:
            a = max(0, k - step)
            rest = body[a:k].rstrip(_OUTSIDE_CHARS)
            if rest:
                return rest[-1] == "\n"
            k = a
            step *= 2
        return True

    def _sentence_text(self, sent: Sentence) -> str:
        """The sentence's text, sliced once and shared by every row of it (a long sentence with many quotes
        must not be copied once per quote)."""
        key = (sent.start, sent.end)
        t = self._sent_texts.get(key)
        if t is None:
            t = self._sent_texts[key] = self.body[sent.start:sent.end]
        return t

    def emit(self, a: int, b: int, kind: str, sp: Speaker, via: str | None, cue: str | None,
             sent: Sentence, unclosed: bool = False) -> None:
        text = self.body[a:b]
        if not text.strip():
            return
        self.quotes.append(Quote(
            start=a, end=b, text=text, kind=kind, speaker=sp.name, speaker_role=sp.role,
            speaker_type=sp.type if sp.name else "unknown", via=via, anonymous=sp.anonymous, unclosed=unclosed,
            cue=cue, sentence=self._sentence_text(sent)))

    def quote_sentence(self, sent: Sentence) -> None:
        body = self.body
        spans = [s for s in sent.spans]
        masks = [(s.open_start, s.close_end) for s in spans]
        sentence_attr: Attribution | None = None
        sentence_attr_done = False
        emitted_direct = False
        for i, s in enumerate(spans):
            ca, cb = _trim(body, s.open_end, s.close_start)
            # a final `.` `!` `?` stays; a trailing comma goes
            if cb <= ca or not re.search(r"\w", body[ca:cb]):
                continue
            prev_end = spans[i - 1].close_end if i > 0 else sent.start
            nxt_start = spans[i + 1].open_start if i + 1 < len(spans) else sent.end
            left = body[prev_end:s.open_start]
            right = body[s.close_end:nxt_start]
            attr = self.right_attribution(s.close_end, nxt_start)
            if attr is None:
                attr = self.left_attribution(prev_end, s.open_start)
            left_plain = left.strip(" \t\n,:;—–-")
            if left_plain and attr is not None and attr.end == s.open_start:
                left_plain = ""
            if left_plain and self.lex.re_connector.fullmatch(left_plain + " "):
                left_plain = ""
            right_plain = right.strip(" \t\n.,:;!?)")
            right_is_attr = attr is not None and attr.end > s.close_end
            whole = not left_plain and (not right_plain or right_is_attr)
            if s.family == "s" and not (attr is not None and whole):
                continue
            if whole and not self.is_heading(s, sent):
                if attr is None:
                    # an unattributed quote carries on the quote before it
                    ld = self.last_direct
                    if ld is not None and s.open_start - ld[0] <= 900:
                        sp, via = ld[1], ld[2]
                    else:
                        sp, via = self.ctx.last(), None
                    cue = None
                else:
                    sp, via, cue = attr.speaker, attr.via, attr.cue
                    if sp.name and sp.type in ("person", "organisation") and (not self.ctx.speakers or
                                                                              self.ctx.speakers[-1] is not sp):
                        self.ctx.speakers.append(sp)
                self.emit(ca, cb, "direct", sp, via, cue, sent, s.unclosed)
                self.last_direct = (s.close_end, sp, via)
                emitted_direct = True
                # `,” kata Prof Hastings, seraya menambahkan bahwa …`
                if attr is not None and attr.end > s.close_end:
                    tail = re.match(r"\s*,?\s*(?:seraya|sambil|dan)?\s*(?:{})\s+(?:bahwa\s+)?".format(
                        "|".join(re.escape(v) for v in sorted(self.lex.pre, key=len, reverse=True))),
                        body[attr.end:nxt_start], re.IGNORECASE)
                    if tail:
                        ta, tb = _trim(body, attr.end + tail.end(), nxt_start, True)
                        if _words(body[ta:tb]) >= 3:
                            self.emit(ta, tb, "indirect", sp, None, tail.group(0).strip(" ,"), sent)
                continue
            if whole:
                continue  # a heading in marks
            # a fragment inside the sentence: a partial quote when the sentence reports someone's words
            words = re.findall(r"[^\W\d_][\w'’-]*", body[ca:cb])
            if words and all(w[0].isupper() for w in words):
                continue  # a name or a title in marks
            if not sentence_attr_done:
                sentence_attr_done = True
                sentence_attr = self.attribute(sent.start, sent.end, masks, loose=True) or \
                    self.attribute(sent.start, sent.end, (), loose=True)
            if sentence_attr is None and attr is not None:
                sentence_attr = attr
            if sentence_attr is None or not sentence_attr.speaker.name:
                continue
            self.emit(ca, cb, "partial", sentence_attr.speaker, sentence_attr.via, sentence_attr.cue, sent,
                      s.unclosed)
        _ = emitted_direct

    def run(self) -> list[Quote]:
        body = self.body
        spans = find_spans(body)
        sents = _sentences(body, spans, self.lex)
        prev_plain: Sentence | None = None
        prev_had_row = True
        for sent in sents:
            self.ctx.cursor = sent.start
            if any(s.family == "d" for s in sent.spans) or sent.spans:
                n0 = len(self.quotes)
                self.quote_sentence(sent)
                if len(self.quotes) > n0:
                    prev_plain, prev_had_row = None, True
                    continue
            if self.lex.re_heading.match(body[sent.start:sent.end]):
                continue
            attr = self.attribute(sent.start, sent.end)
            if attr is None:
                prev_plain, prev_had_row = sent, False
                continue
            if attr.content is None:
                # a closing formula: it attributes the sentence before, when that one had no attribution
                if prev_plain is not None and not prev_had_row:
                    ca, cb = _trim(body, prev_plain.start, prev_plain.end, True)
                    self.emit(ca, cb, "indirect", attr.speaker, attr.via, attr.cue, prev_plain)
                prev_plain, prev_had_row = sent, True
                continue
            ca, cb = attr.content
            self.emit(ca, cb, "indirect", attr.speaker, attr.via, attr.cue, sent)
            if attr.extra is not None:
                self.emit(attr.extra[0], attr.extra[1], "indirect", attr.speaker, None, attr.cue, sent)
            prev_plain, prev_had_row = sent, True
        seen = set()
        out = []
        for q in sorted(self.quotes, key=lambda q: (q.start, q.end, q.kind)):
            if (q.start, q.end) in seen:
                continue
            seen.add((q.start, q.end))
            out.append(q)
        return out


def find_quotes(body: str, mentions: Sequence[Mention] = (), *, outlet: str | None = None,
                extra_dir: str | None = None) -> list[Quote]:
    """Direct, partial and indirect quotes in an article body, with speaker, role and medium.

    `mentions` (entity mentions of the body, optional) improve speaker names; `outlet` (the publishing
    outlet) keeps `kepada Tempo` in a Tempo article from being read as a medium.
    """
    if not body or not body.strip():
        return []
    lex = load_lexicon(extra_dir)
    finder = Finder(body, mentions, outlet, lex)
    return resolve_speakers(align_with_people(finder.run(), mentions), finder.ctx, mentions)


def _scope_words(words: Sequence[str], places: set[str], lex: Lexicon) -> bool:
    """Words that can be a role's scope rather than a given name: a place or organisation the NER found, a
    title or role word, or a nominalised noun (`Perikanan`, `Pendidikan`, `Penanaman Modal`)."""
    for w in words:
        low = w.lower().strip(",.")
        if low in places or low in lex.roles or (len(low) >= 7 and low.endswith("an")):
            return True
    return False


def align_with_people(quotes: list[Quote], mentions: Sequence[Mention]) -> list[Quote]:
    """Moves the boundary between a speaker's role and name to where the article's PERSON entities put it.

    A role phrase and a name are both capitalised (`Menteri Kesehatan Nila F Moeloek`, `Menteri Pendidikan
    dan Kebudayaan Muhadjir Effendy`), so the finder can cut a name short (`F Moeloek`, role `Menteri
    Kesehatan Nila`) or let the role's scope run into it (`Kebudayaan Muhadjir Effendy`). Where a person of
    the article ends with the same words, the name becomes that person's and the rest goes to the role:
    words move only between the role and the name, never appear from elsewhere.
    """
    people = sorted({m.canonical for m in mentions if m.label == "PERSON" and len(m.canonical.split()) >= 2},
                    key=lambda n: (-len(n.split()), n))
    if not people:
        return quotes
    texts = {m.text for m in mentions}
    places = {w.lower() for m in mentions if m.label in ("LOC", "ORG") for w in m.text.split()}
    # a word the NER also tags as a person elsewhere stays in the name (`Pertamina Elia` + `Massa Manik`)
    given = {w.lower() for m in mentions if m.label == "PERSON" for w in m.text.split()}
    lex = load_lexicon()
    out = []
    moved: dict[str, str] = {}  # a name aligned once is the same person in the article's other rows
    for q in quotes:
        name, role = q.speaker, q.speaker_role or ""
        if not name or q.anonymous or name in people:
            out.append(q)
            continue
        sw, rw = name.split(), role.split()
        for person in people:
            pw = person.split()
            k = len(pw) - len(sw)
            if k > 0 and pw[k:] == sw and rw[-k:] == pw[:k]:
                # cut short: the role took the first words of the name
                q = replace(q, speaker=person, speaker_role=" ".join(rw[:-k]) or None)
                moved[name] = person
                break
            if k < 0 and rw and sw[-k:] == pw and name not in texts and _scope_words(sw[:-k], places, lex) \
                    and not any(w.lower() in given for w in sw[:-k]):
                # run on: the role's scope ran into the name
                q = replace(q, speaker=person, speaker_role=" ".join(rw + sw[:-k]))
                moved[name] = person
                break
        out.append(q)
    return [replace(q, speaker=moved[q.speaker]) if q.speaker in moved else q for q in out]
