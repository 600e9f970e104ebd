"""Reading the words around a speech verb: the speaker phrase after it, the subject before it, the medium
credited (`kepada CNN`, `dilansir Reuters`). `PhraseReader` holds the article's context for the readers of
indirect (`indirect.py`) and direct (`finder.py`) speech."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Mention, Quote
from .lexicon import Lexicon
from .media import clean_medium
from .sentences import (
    LINE_BREAK,
    MAX_PHRASE,
    alt_words,
    defined_name_follows,
    trim_span,
)
from .speakers import (
    ArticleContext,
    Speaker,
    Tok,
    tokens,
    tokens_in,
)


@dataclass
class Attribution:
    """Who said it, through which medium, by which cue; for indirect speech, where the content lies."""

    speaker: Speaker
    via: str | None
    cue: str
    content: tuple[int, int] | None = None  # for indirect speech: the reported content
    end: int = 0  # where the attribution words end (body offset)
    extra: tuple[int, int] | None = None  # a second statement after the attribution (`, menambahkan bahwa …`)


class PhraseReader:
    """The article's context and the readers of the words around a speech verb."""

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
            alt_words(w for w in lex.cue("according") if " " not in w)), re.IGNORECASE)

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
            if t.text == "." and self._abbreviation_dot(out, toks, i):
                out.append(t)  # `Kombes Pol. Zahwani`, `M. Hanif`: the full stop of a short title or an initial
                i += 1
                continue
            if t.text in ".!?\"“”;:" or (out and LINE_BREAK.search(self.body, out[-1].end, t.start)):
                break  # a speaker phrase ends with its sentence or its line
            if low in ("kepada", "dan") and out and out[-1].cap and defined_name_follows(toks, i + 1):
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

    def _abbreviation_dot(self, out: list[Tok], toks: list[Tok], i: int) -> bool:
        """The full stop at toks[i] closes an initial or a short title written with a dot (`Pol.`, roles.tsv)
        right before it, and a capitalised word follows: the phrase goes on."""
        if not out or out[-1].end != toks[i].start or i + 1 >= len(toks) or not toks[i + 1].cap:
            return False
        w = out[-1].text
        return (len(w) == 1 and w.isupper()) or (w + ".").lower() in self.lex.roles or \
            any(r.endswith(" " + (w + ".").lower()) for r in self.lex.roles if r.endswith("."))

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
            if defined_name_follows(tokens(text[m.end():m.end() + 80]), 0):
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
        agencies = alt_words(lex.cue("via_agency"))
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
                _, cb = trim_span(body, a, a + k, True)
                return cb, via
            k = text.rfind(",", 0, k)
        return b, None

