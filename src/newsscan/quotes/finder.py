"""Direct, partial and indirect quotes with speaker, role and medium (gold/CONVENTIONS.md, "Quotes").

One pass over the article's sentences, in order, so that `katanya`, `dia` and surnames resolve to the
speakers named before them. Quote marks are paired first (`marks.py`); sentences are cut around them.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Mention, Quote
from ..tables import Folders
from .grammar_words import alt, word, word_set
from .indirect import IndirectReader
from .lexicon import load_lexicon
from .marks import Span, find_spans
from .media import clean_medium
from .phrases import Attribution
from .resolve import align_with_people, resolve_speakers
from .sentences import (
    NOT_OUTSIDE,
    OUTSIDE_CHARS,
    Sentence,
    count_words,
    split_sentences,
    trim_span,
)
from .speakers import (
    Speaker,
    tokens,
)


class Finder(IndirectReader):
    """Direct, partial and indirect quotes of one article body, read sentence by sentence."""

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
        dm = re.match(
            rf"(?:{alt('document_cue')})\s+(?:(?:(?:{alt('relative')})\s+)?(?:{alt('document_via')})\s+"
            rf"(?:(?:{alt('source_preposition')})\s+)?)?",
            rest,
            re.IGNORECASE,
        )
        if dm and dm.end() < len(rest):
            pa, ps, pe = self.phrase_after(p + dm.end(), limit)
            doc = self.document_speaker(pa, body[p:limit])
            if doc:
                return Attribution(doc, None, rest[: dm.end()].strip(), None, pe)
        # `,” Nam mengatakan` / `,” kantor berita RIA mengutip pernyataan juru bicara … Maria Zakharova`
        vm = lex.re_pre.search(rest[:120])
        if vm:
            subj = rest[: vm.start()].strip(" ,")
            verb = vm.group(0).lower()
            if (
                verb in word_set("quoting")
                or subj.lower().split()[:1]
                and subj.lower().split()[0] in lex.cue("via_agency")
            ):
                pass
            if subj and count_words(subj) <= 8 and "." not in subj:
                sp = self.ctx.parse(subj, start=p)
                if sp.name:
                    return Attribution(sp, self.via_in(p + vm.end(), limit), vm.group(0), None, p + vm.end())
        um = re.search(
            rf"(?<![\w-])(?:{alt('quoting')})\s+(?:(?:{alt('quoted_thing')})\s+)?", rest[:150], re.IGNORECASE
        )
        if um:
            pa, ps, pe = self.phrase_after(p + um.end(), limit)
            if pa:
                sp = self.ctx.parse(pa, start=ps)
                via = clean_medium(self.ctx, rest[: um.start()])
                return Attribution(sp, via, word("quoting"), None, pe)
        return None

    def _glued_post(self, rest: str):
        """`jawabsaksi meringankan`: a post verb the scraper glued to the next word (a word of the body)."""
        wm = re.match(r"[a-z]{5,}", rest)
        if not wm:
            return None
        word = wm.group(0)
        for v in sorted(self.lex.post, key=len, reverse=True):
            tail = word[len(v) :]
            if word.startswith(v) and len(tail) >= 4 and tail in self.ctx.words:
                return re.match(re.escape(v), rest)
        return None

    def document_speaker(self, phrase: str, clause: str = "") -> Speaker | None:
        """A ruling or regulation read out (`demikian putusan …`): its issuing body, as the article names
        it."""
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
        found = list(lex.re_pre.finditer(core))
        m = found[-1] if found else None
        if (
            m is not None
            and core[m.end() :].strip(" ,") == ""
            or (
                m is not None
                and re.fullmatch(
                    rf"\s*(?:(?:{alt('addressee')})\s+[\w .]+)?", core[m.end() :] or "", re.IGNORECASE
                )
            )
        ):
            subj, ss = self.subject_before(a, a + m.start())
            if subj:
                sp = self.ctx.parse(subj, start=ss)
                if sp.name:
                    return Attribution(sp, self.via_in(a + m.end(), open_start), m.group(0), None, open_start)
        pm = re.match(
            (r"\s*(?:(?:{})\s*,?\s*)?(" + alt("post_verb_plain") + r")\s+").format(
                "|".join(re.escape(c) for c in sorted(lex.cue("connector"), key=len, reverse=True))
            ),
            core,
            re.IGNORECASE,
        )
        if pm:
            sp = self.ctx.parse(core[pm.end() :], start=a + pm.end())
            if sp.name:
                return Attribution(sp, None, pm.group(1), None, open_start)
        return None

    def is_heading(self, s: Span, sent: Sentence) -> bool:
        body = self.body
        content = body[s.open_end : s.close_start].strip()
        # only the 60 characters before the mark matter for a heading cue: look no further back for the line
        # start
        w0 = max(0, s.open_start - 60)
        nl = body.rfind("\n", w0, s.open_start)
        before = body[nl + 1 if nl >= 0 else w0 : s.open_start]
        found = list(self.lex.re_heading.finditer(before))
        hm = found[-1] if found else None
        if hm is not None and not before[hm.end() :].strip(" \t:-–—"):
            return True
        words = re.findall(r"[^\W\d_][\w'’-]*", content)
        if (
            words
            and not content.endswith((".", "!", "?", ","))
            and len(words) <= 12
            and self._alone_on_line(s)
        ):
            caps = sum(w[0].isupper() for w in words)
            if caps >= max(1, 0.6 * len(words)):
                return True
        return False

    def _alone_on_line(self, s: Span) -> bool:
        """Nothing but ` \t.:,;` stands on the span's line outside it. Scans only the run of such characters
        next to the span (the marks of a neighbouring span stop it), never the whole line."""
        body = self.body
        m = NOT_OUTSIDE.search(body, s.close_end)
        if m is not None and m.group(0) != "\n":
            return False
        k = s.open_start
        step = 16
        while k > 0:
            a = max(0, k - step)
            rest = body[a:k].rstrip(OUTSIDE_CHARS)
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
            t = self._sent_texts[key] = self.body[sent.start : sent.end]
        return t

    def emit(
        self,
        a: int,
        b: int,
        kind: str,
        sp: Speaker,
        via: str | None,
        cue: str | None,
        sent: Sentence,
        unclosed: bool = False,
    ) -> None:
        text = self.body[a:b]
        if not text.strip():
            return
        self.quotes.append(
            Quote(
                start=a,
                end=b,
                text=text,
                kind=kind,
                speaker=sp.name,
                speaker_role=sp.role,
                speaker_type=sp.type if sp.name else "unknown",
                via=via,
                anonymous=sp.anonymous,
                unclosed=unclosed,
                cue=cue,
                sentence=self._sentence_text(sent),
            )
        )

    def quote_sentence(self, sent: Sentence) -> None:
        """The quotes of a sentence holding quote marks: direct ones (the span is the whole statement), and
        partial ones (a fragment in marks inside a sentence that reports someone's words)."""
        spans = list(sent.spans)
        masks = [(s.open_start, s.close_end) for s in spans]
        sentence_attr: list[Attribution | None] = []  # the sentence's own attribution, read once when needed
        for i, s in enumerate(spans):
            read = self._read_span(sent, spans, i)
            if read is None:
                continue
            ca, cb, attr, whole, nxt_start = read
            if s.family == "s" and not (attr is not None and whole):
                continue
            if whole:
                if not self.is_heading(s, sent):
                    self._direct(s, sent, ca, cb, attr, nxt_start)
                continue  # else a heading in marks
            self._partial(s, sent, ca, cb, attr, masks, sentence_attr)

    def _read_span(
        self, sent: Sentence, spans: list[Span], i: int
    ) -> tuple[int, int, Attribution | None, bool, int] | None:
        """(content start, content end, the attribution beside the span, whether the span is the whole
        statement, where the next span starts) for spans[i]; None for a span with no words."""
        body = self.body
        s = spans[i]
        ca, cb = trim_span(body, s.open_end, s.close_start)
        # a final `.` `!` `?` stays; a trailing comma goes
        if cb <= ca or not re.search(r"\w", body[ca:cb]):
            return None
        prev_end = spans[i - 1].close_end if i > 0 else sent.start
        nxt_start = spans[i + 1].open_start if i + 1 < len(spans) else sent.end
        left = body[prev_end : s.open_start]
        right = body[s.close_end : nxt_start]
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
        return ca, cb, attr, whole, nxt_start

    def _direct(
        self, s: Span, sent: Sentence, ca: int, cb: int, attr: Attribution | None, nxt_start: int
    ) -> None:
        """A direct quote; unattributed, it carries on the quote before it."""
        if attr is None:
            ld = self.last_direct
            if ld is not None and s.open_start - ld[0] <= 900:
                sp, via = ld[1], ld[2]
            else:
                sp, via = self.ctx.last(), None
            cue = None
        else:
            sp, via, cue = attr.speaker, attr.via, attr.cue
            if (
                sp.name
                and sp.type in ("person", "organisation")
                and (not self.ctx.speakers or self.ctx.speakers[-1] is not sp)
            ):
                self.ctx.speakers.append(sp)
        self.emit(ca, cb, "direct", sp, via, cue, sent, s.unclosed)
        self.last_direct = (s.close_end, sp, via)
        if attr is not None and attr.end > s.close_end:
            self._added_after(attr.end, nxt_start, sp, sent)

    def _added_after(self, a: int, b: int, sp: Speaker, sent: Sentence) -> None:
        """`,” kata Prof Hastings, seraya menambahkan bahwa …`: what the speaker added after the attribution,
        an indirect quote of three words or more."""
        body = self.body
        verbs = "|".join(re.escape(v) for v in sorted(self.lex.pre, key=len, reverse=True))
        tail = re.match(
            rf"\s*,?\s*(?:{alt('adding')})?\s*(?:{verbs})\s+(?:(?:{alt('complementiser')})\s+)?",
            body[a:b],
            re.IGNORECASE,
        )
        if tail:
            ta, tb = trim_span(body, a + tail.end(), b, True)
            if count_words(body[ta:tb]) >= 3:
                self.emit(ta, tb, "indirect", sp, None, tail.group(0).strip(" ,"), sent)

    def _partial(
        self,
        s: Span,
        sent: Sentence,
        ca: int,
        cb: int,
        attr: Attribution | None,
        masks: list[tuple[int, int]],
        sentence_attr: list[Attribution | None],
    ) -> None:
        """A fragment inside the sentence: a partial quote when the sentence reports someone's words.
        `sentence_attr` holds the sentence's attribution once read (shared by the sentence's spans)."""
        words = re.findall(r"[^\W\d_][\w'’-]*", self.body[ca:cb])
        if words and all(w[0].isupper() for w in words):
            return  # a name or a title in marks
        if not sentence_attr:
            sentence_attr.append(
                self.attribute(sent.start, sent.end, masks, loose=True)
                or self.attribute(sent.start, sent.end, (), loose=True)
            )
        if sentence_attr[0] is None and attr is not None:
            sentence_attr[0] = attr
        found = sentence_attr[0]
        if found is None or not found.speaker.name:
            return
        self.emit(ca, cb, "partial", found.speaker, found.via, found.cue, sent, s.unclosed)

    def run(self) -> list[Quote]:
        body = self.body
        spans = find_spans(body)
        sents = split_sentences(body, spans, self.lex)
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
            if self.lex.re_heading.match(body[sent.start : sent.end]):
                continue
            attr = self.attribute(sent.start, sent.end)
            if attr is None:
                prev_plain, prev_had_row = sent, False
                continue
            if attr.content is None:
                # a closing formula: it attributes the sentence before, when that one had no attribution
                if prev_plain is not None and not prev_had_row:
                    ca, cb = trim_span(body, prev_plain.start, prev_plain.end, True)
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


def find_quotes(
    body: str, mentions: Sequence[Mention] = (), *, outlet: str | None = None, folders: Folders | None = None
) -> list[Quote]:
    """Direct, partial and indirect quotes in an article body, with speaker, role and medium.

    `mentions` (entity mentions of the body, optional) improve speaker names; `outlet` (the publishing
    outlet) keeps `kepada Tempo` in a Tempo article from being read as a medium.
    """
    if not body or not body.strip():
        return []
    lex = load_lexicon(folders)
    finder = Finder(body, mentions, outlet, lex)
    return resolve_speakers(align_with_people(finder.run(), mentions), finder.ctx, mentions)
