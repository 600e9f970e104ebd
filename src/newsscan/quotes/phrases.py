"""Reading the words around a speech verb: the speaker phrase after it, the subject before it, the medium
credited (`kepada CNN`, `dilansir Reuters`). `PhraseReader` holds the article's context for the readers of
indirect (`indirect.py`) and direct (`finder.py`) speech."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Mention, Quote
from .grammar_words import alt, word_set
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
        sentence body[a:b]. The run from `a` is matched once per sentence: a match that ends before `p` is
        also the match within body[a:p] (the pattern has no look-ahead), so many verbs in one sentence do not
        rescan."""
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
        out: list[Tok] = []
        i = 0
        comma_at: int | None = None  # where an apposition after a comma began (`kata X, mantan …`)
        clause = False  # the words after that comma turned out to be a clause of their own
        while i < len(toks) and len(out) < MAX_PHRASE:
            action = self._after_action(out, toks, i, comma_at is not None)
            if action.startswith("clause"):
                clause = True
            if action.endswith("stop"):
                break
            if action == "apposition" and comma_at is None:
                comma_at = len(out)
            out.append(toks[i])
            i += 1
        if comma_at is not None and (clause or len(out) >= MAX_PHRASE):
            # `Menurut Menteri ESDM Basir Latuconsina, Presiden Prabowo Subianto telah memerintahkan …`
            out = out[:comma_at]
        while out and out[-1].text in ",(":
            out.pop()
        if not out:
            return "", pos, pos
        return self.body[out[0].start : out[-1].end], out[0].start, out[-1].end

    def _after_action(self, out: list[Tok], toks: list[Tok], i: int, in_apposition: bool) -> str:
        """What toks[i] does to the speaker phrase `out` read after a verb: `take` it, `stop` before it,
        `apposition` (a comma opening one), or `clause_take` / `clause_stop` (the words after the
        apposition's comma are a clause of their own)."""
        t = toks[i]
        low = t.text.lower()
        lex = self.lex
        if t.text == "." and self._abbreviation_dot(out, toks, i):
            return "take"  # `Kombes Pol. Harwanto`, `M. Fadli`: the full stop of a short title or an initial
        if t.text in '.!?"“”;:' or (out and LINE_BREAK.search(self.body, out[-1].end, t.start)):
            return "stop"  # a speaker phrase ends with its sentence or its line
        joins = low in word_set("defined_name_joiner")
        if joins and out and out[-1].cap and defined_name_follows(toks, i + 1):
            return "take"  # `Direktur Pengabdian kepada Masyarakat (DPKM) UGM`: inside a defined name
        # `menurut para ahli senjata merupakan …`: a predicate word ends any speaker phrase
        if out and low in lex.cue("predicate") and out[-1].text != ",":
            # `Menurut X, Presiden Y telah …`: the words after the comma are a clause
            return "clause_stop" if in_apposition else "stop"
        if not in_apposition and self._ends_name(out, t, low):
            return "stop"
        if t.text == ",":
            return self._comma_action(out, toks, i)
        if (
            out
            and (low in self.stops or low in lex.pre or low in lex.post)
            and not (out[-1].text == "," and low in lex.roles)
        ):
            clause = in_apposition and (low in lex.pre or low in lex.post)
            # `profesor studi internasional di Universitas …` inside an apposition is kept
            place_next = i + 1 < len(toks) and toks[i + 1].cap
            if "," in [x.text for x in out] and low in word_set("place_preposition") and place_next:
                return "clause_take" if clause else "take"
            return "clause_stop" if clause else "stop"
        if not out and low in self.stops:
            return "stop"
        return "take"

    def _ends_name(self, out: list[Tok], t: Tok, low: str) -> bool:
        """`kata Sastromadji petang tadi`, `dikatakan oleh Korea Selatan dapat dikirim …`: after a name, a
        lower-case word that is no part of a title or a name ends the phrase."""
        lex = self.lex
        joiners = word_set("name_joiner")
        return bool(
            out
            and t.text[:1].islower()
            and out[-1].cap
            and out[-1].text[0].isalpha()
            and low not in lex.roles
            and low not in joiners
            and (
                low in lex.cue("predicate")
                or low in self.adverbs
                or low in lex.cue("time")
                or low in lex.cue("negation")
                or not any(x.text[:1].islower() for x in out)
            )
        )

    def _comma_action(self, out: list[Tok], toks: list[Tok], i: int) -> str:
        """A comma in the phrase after a verb: an apposition follows (a role, a quantifier), a title's name
        follows (`tanya Jaksa KPK, Wahyu Sunarwanto`: `take`), or the phrase ends (`stop`)."""
        lex = self.lex
        nxt = toks[i + 1].text.lower() if i + 1 < len(toks) else ""
        nxt2 = " ".join(x.text.lower() for x in toks[i + 1 : i + 3])
        if out and (nxt in lex.roles or nxt2 in lex.roles or nxt in lex.quantifiers):
            return "apposition"
        if (
            out
            and i + 1 < len(toks)
            and toks[i + 1].cap
            and toks[i + 1].text[0].isalpha()
            and (
                self.ctx.split_glue(out[0].text)[0].lower() in lex.roles
                or " ".join(x.text.lower() for x in out[:2]) in lex.roles
            )
            and toks[i + 1].text.lower() not in self.stops
        ):
            return "take"
        return "stop"

    def _abbreviation_dot(self, out: list[Tok], toks: list[Tok], i: int) -> bool:
        """The full stop at toks[i] closes an initial or a short title written with a dot (`Pol.`, roles.tsv)
        right before it, and a capitalised word follows: the phrase goes on."""
        if not out or out[-1].end != toks[i].start or i + 1 >= len(toks) or not toks[i + 1].cap:
            return False
        w = out[-1].text
        return (
            (len(w) == 1 and w.isupper())
            or (w + ".").lower() in self.lex.roles
            or any(r.endswith(" " + (w + ".").lower()) for r in self.lex.roles if r.endswith("."))
        )

    def _is_adjunct(self, chunk: list[Tok]) -> bool:
        """A comma chunk between a speaker and the verb that is not part of the speaker: a time, a place, a
        circumstance, a medium, a relative clause (`X, Selasa malam, mengatakan`, `X, seperti dikutip Y,
        …`)."""
        lex = self.lex
        first = chunk[0].text
        low = first.lower()
        if first in "([" or first[:1].isdigit() or low in word_set("relative"):
            return True
        if low in self.stops or low in lex.cue("time") or low in lex.cue("subordinator"):
            return True
        text = self.body[chunk[0].start : chunk[-1].end].lower()
        if lex.re_via_before.match(text) or lex.re_according.match(text):
            return True
        return all(
            t.text.lower() in lex.cue("time")
            or t.text[:1].isdigit()
            or t.text in "()/"
            or t.text.lower() in self.stops
            for t in chunk
        )

    def _cut_chunk(self, sub: list[Tok]) -> list[Tok]:
        """The speaker words of the chunk before the verb: what a relative clause, a nickname, a circumstance
        or `A melalui B` leave of it."""
        lex = self.lex
        if not sub:
            return sub
        # `Pemerintah melalui Kementerian ESDM`: the body named after `melalui` speaks
        for i, t in enumerate(sub[:-1]):
            if i > 0 and t.text.lower() in lex.cue("through") and sub[i + 1].cap:
                sub = sub[i + 1 :]
                break
        low = [t.text.lower() for t in sub]
        for i in range(1, len(sub)):
            w = low[i]
            two = " ".join(low[i : i + 2])
            # `Saepul Yamin atau akrab disapa Gus Epul`, `Bupati yang karib disapa Gus Epul itu`
            if (
                w in lex.cue("alias")
                or two in lex.cue("alias")
                or w in word_set("relative")
                or (
                    w in word_set("alternative")
                    and (
                        low[i + 1 : i + 2]
                        and (
                            low[i + 1] in lex.cue("alias") or " ".join(low[i + 1 : i + 3]) in lex.cue("alias")
                        )
                    )
                )
            ):
                return sub[:i]
            # `Putin pekan lalu berjanji`: a time after the name
            if w in lex.cue("time") and sub[i].text.islower() and any(x.cap for x in sub[:i]):
                return sub[:i]
            # `Sastromadji dalam keterangan resmi di Yogyakarta`, `X saat dihubungi`
            in_name = w in word_set("inner_preposition") and i + 1 < len(sub) and sub[i + 1].cap
            named = (
                any(x.cap for x in sub[:i])
                or sub[0].text.lower() in lex.quantifiers
                or sub[0].text.lower() in lex.anon_heads
            )
            if w in self.stops and not in_name and named:
                return sub[:i]
        return sub

    def subject_before(self, a: int, pos: int, loose: bool = False) -> tuple[str, int]:
        """The speaker words before a verb, from sentence start `a` to the verb at `pos`."""
        lex = self.lex
        toks = self._before_verb(a, pos)
        if not toks:
            return "", pos
        # a pronoun right before the verb is the subject, whatever stands before it
        if toks[-1].text.lower() in lex.pronouns and (
            len(toks) == 1 or toks[-2].text.lower() not in word_set("relative")
        ):
            return toks[-1].text, toks[-1].start
        defined = self._defined_here(a, pos, toks)
        if defined is not None:
            return defined
        chunks = _comma_chunks(self._after_subordinate(toks))
        if not chunks:
            return "", pos
        while len(chunks) > 1 and self._is_adjunct(chunks[-1]):
            chunks.pop()
        listed = self._speaker_list(chunks)
        if listed is not None:
            return listed
        last = self._cut_chunk(self._without_opener(chunks[-1]))
        if not last:
            return "", pos
        apposition = self._apposition_subject(chunks, last)
        if apposition is not None:
            return apposition
        # sentence openers are not speakers
        return self._noun_phrase(self._without_opener(last), pos, loose)

    def _before_verb(self, a: int, pos: int) -> list[Tok]:
        """The tokens of body[a:pos] without a closing dash's dashes and without adverbs or negations right
        before the verb."""
        toks = tokens(self.body[a:pos], a)
        toks = [t for t in toks if t.text not in ("—", "–")] if toks and toks[-1].text in ("—", "–") else toks
        while toks and (
            toks[-1].text.lower() in self.adverbs or toks[-1].text.lower() in self.lex.cue("negation")
        ):
            toks.pop()
        return toks

    def _defined_here(self, a: int, pos: int, toks: list[Tok]) -> tuple[str, int] | None:
        """`…, Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)`: an organisation the article defines
        here."""
        lex = self.lex
        if not (
            len(toks) >= 4
            and toks[-1].text == ")"
            and toks[-3].text == "("
            and toks[-2].text in self.ctx.acronyms
        ):
            return None
        long = self.ctx.acronyms[toks[-2].text]
        k = self.body.rfind(long.rsplit(" (", 1)[0], a, pos)
        if k < 0:
            return None
        lead = lex.re_connector.match(self.body[a:k])
        head = self.body[a:k].strip(" ,")
        if (
            not head
            or (lead and lead.end() >= len(self.body[a:k].rstrip(" ,")))
            or tokens(head)[-1].text.lower() in lex.cue("through")
        ):
            return self.body[k : toks[-1].end], k
        return None

    def _after_subordinate(self, toks: list[Tok]) -> list[Tok]:
        """A clause before the subject is set aside: `AS … akan fokus pada …, setelah Rusia mengatakan`; so is
        one before a connector inside the sentence when a source noun follows it (`Harga naik tetapi analis
        mengatakan`: the analysts speak, not the prices)."""
        clause_words = self.lex.cue("subordinator") | self.lex.cue("contrast")
        for i in range(len(toks) - 1, 0, -1):
            if (
                toks[i].text.lower() in clause_words
                and i + 1 < len(toks)
                and (toks[i + 1].cap or toks[i + 1].text in self.lex.anon_heads)
                and toks[i + 1].text[0].isalpha()
                and len([t for t in toks[i + 1 :] if t.text[:1].islower()]) <= 2
            ):
                return toks[i + 1 :]
        return toks

    def _is_connector_chunk(self, chunk: list[Tok]) -> bool:
        return self.lex.re_connector.fullmatch(self.body[chunk[0].start : chunk[-1].end] + " ") is not None

    def _without_opener(self, chunk: list[Tok]) -> list[Tok]:
        """The chunk without the sentence connectors it opens with (`Sementara itu`, `Menurut`)."""
        m = self.lex.re_connector.match(self.body[chunk[0].start : chunk[-1].end])
        if m and m.end() > 0:
            k = chunk[0].start + m.end()
            return [t for t in chunk if t.start >= k]
        return chunk

    def _speaker_list(self, chunks: list[list[Tok]]) -> tuple[str, int] | None:
        """A list of speakers: `AS, Inggris, Korea Selatan, dan Jepang`."""
        if not (
            len(chunks) >= 2 and chunks[-1][0].text.lower() in word_set("coordinator") and len(chunks[-1]) > 1
        ):
            return None
        k = len(chunks) - 1
        while (
            k - 1 >= 0
            and chunks[k - 1][0].cap
            and len(chunks[k - 1]) <= 4
            and not self._is_connector_chunk(chunks[k - 1])
        ):
            k -= 1
        if k == len(chunks) - 1:
            return None
        group = chunks[k:]
        first = group[0]
        m = self.lex.re_connector.match(self.body[first[0].start : group[-1][-1].end])
        st = first[0].start + (m.end() if m else 0)
        return self.body[st : group[-1][-1].end], st

    def _apposition_subject(self, chunks: list[list[Tok]], last: list[Tok]) -> tuple[str, int] | None:
        """`Leif-Eric Easley, profesor …` — or `Komisaris Independen PT Laut, Rudi Hamdani`: a name and its
        apposition, one chunk each, are one speaker."""
        lex = self.lex
        if len(chunks) < 2:
            return None
        first_low = last[0].text.lower()
        prev_first = chunks[-2][0].text.lower()
        cue_words = lex.cue("via_before") | lex.cue("according") | lex.cue("connector")
        if not (
            prev_first not in cue_words
            and not self._is_connector_chunk(chunks[-2])
            and not self._is_adjunct(chunks[-2])
            and (
                first_low in lex.roles
                or " ".join(x.text.lower() for x in last[:2]) in lex.roles
                or first_low in lex.quantifiers
                or (
                    last[0].text[:1].islower()
                    and first_low not in lex.anon_heads
                    and first_low not in lex.quantifiers
                )
            )
            and chunks[-2][-1].cap
        ):
            return None
        prev = self._cut_chunk(chunks[-2])
        if prev:
            prev = self._without_opener(prev)
        if not prev:
            return None
        sub = prev + [Tok(prev[-1].end, prev[-1].end + 1, ",")] + last
        if any(t.text.lower() in lex.cue("passive_marker") for t in sub):
            return None
        return self.body[sub[0].start : sub[-1].end], sub[0].start

    def _noun_phrase(self, sub: list[Tok], pos: int, loose: bool) -> tuple[str, int]:
        """`sub` as a speaker: a noun phrase, no second speech verb, no clause words, no agentless passive
        inside; a long one gives its first capitalised run when `loose`."""
        lex = self.lex
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
        if any(t.text.lower() in lex.cue("passive_marker") for t in sub):
            return "", pos
        relative = word_set("relative")
        if any(t.text.lower() in lex.pre or t.text.lower() in relative for t in sub) and not loose:
            return "", pos
        return self.body[sub[0].start : sub[-1].end], sub[0].start

    def via_in(self, a: int, b: int) -> str | None:
        """A medium credited in body[a:b]: `kepada CNN`, `dilansir Antara`, `RIA mengutip`."""
        text = self.body[a:b]
        lex = self.lex
        for m in re.finditer(rf"(?<![\w-])(?:{alt('addressee')})\s+", text, re.IGNORECASE):
            if defined_name_follows(tokens(text[m.end() : m.end() + 80]), 0):
                continue
            v = clean_medium(self.ctx, text[m.end() : m.end() + 60])
            if v:
                return v
        agencies = "|".join(re.escape(x) for x in sorted(lex.cue("via_agency"), key=len, reverse=True))
        according = alt("according")
        for m in re.finditer(rf"(?<![\w-])(?:{according})\s+(?=(?:{agencies})\s)", text, re.IGNORECASE):
            v = clean_medium(self.ctx, text[m.end() : m.end() + 80])
            if v:
                return v
        # `dalam wawancara (terbaru|eksklusif) dengan Bloomberg News`
        interview = rf"(?<![\w-])(?:{alt('interview')})(?:\s+[a-z]+){{0,3}}?\s+(?:{alt('interview_with')})\s+"
        for m in re.finditer(interview, text, re.IGNORECASE):
            v = clean_medium(self.ctx, text[m.end() : m.end() + 80])
            if v:
                return v
        for m in lex.re_via_before.finditer(text):
            rest = text[m.end() : m.end() + 80]
            rest = re.sub(rf"^\s*(?:(?:{alt('source_preposition')})\s+)?", "", rest)
            v = clean_medium(self.ctx, rest)
            if v:
                return v
        return self._via_after_cue(text)

    def _via_after_cue(self, text: str) -> str | None:
        """`RIA mengutip`: the capitalised words right before a cue that follows its medium."""
        for cue in self.lex.cue("via_after"):
            for m in re.finditer(r"(?<![\w-])" + re.escape(cue) + r"(?![\w-])", text, re.IGNORECASE):
                before = tokens(text[max(0, m.start() - 80) : m.start()])
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
        """A medium credited at the end of reported content (`…, menurut kantor berita Interfax`, `…, kantor
        berita negara Korea Utara KCNA melaporkan pada hari Rabu`, `…, seperti dilansir Reuters`): where the
        content ends without it, and the medium."""
        body = self.body
        lex = self.lex
        text = body[a:b]
        k = text.rfind(",")
        tries = 0
        agencies = alt_words(lex.cue("via_agency"))
        while k > 0 and tries < 2:
            tries += 1
            clause = text[k + 1 :].strip(" .")
            via = None
            m = re.match(
                rf"(?:(?:{alt('closing_lead')})\s+)?(?:{alt('according')})\s+(?=(?:{agencies})\s)",
                clause,
                re.IGNORECASE,
            )
            if m:
                via = clean_medium(self.ctx, clause[m.end() :])
            if via is None:
                m = lex.re_via_before.match(clause)
                if m:
                    source = rf"^\s*(?:(?:{alt('source_preposition')})\s+)?"
                    via = clean_medium(self.ctx, re.sub(source, "", clause[m.end() :]))
            if via is None:
                m = re.search(rf"(?<![\w-])(?:{alt('medium_report')})(?![\w-])", clause, re.IGNORECASE)
                if m and m.start() > 0:
                    who = clause[: m.start()].strip()
                    words = who.split()
                    if (
                        words
                        and (words[0][:1].isupper() or who.lower().startswith(tuple(lex.cue("via_agency"))))
                        and len(words) <= 8
                    ):
                        via = clean_medium(self.ctx, who)
            if via:
                _, cb = trim_span(body, a, a + k, True)
                return cb, via
            k = text.rfind(",", 0, k)
        return b, None


def _comma_chunks(toks: list[Tok]) -> list[list[Tok]]:
    """The tokens split at commas outside brackets; empty chunks left out."""
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
    return [c for c in chunks if c]
