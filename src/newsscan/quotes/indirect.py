"""Reported speech in one sentence: `menurut X`, `kata X`, `X mengatakan (bahwa) …`, passives with an agent,
`menurutnya`. Each shape returns an `Attribution` with the reported content's offsets."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..tables import Folders, cache_per_folders, table
from .grammar_words import alt, word, word_set, words
from .lexicon import Lexicon
from .media import clean_medium
from .phrases import Attribution, PhraseReader
from .sentences import (
    FIRST_WORD_RE,
    PLACE_TIME_RE,
    SUBJECT_WINDOW,
    alt_words,
    at_least_words,
    count_words,
    demikian_before,
    iter_candidates,
    make_masker,
    only_in,
    rstrip_at,
    trim_span,
    window_start,
)
from .speakers import (
    tokens,
    tokens_in,
)

# …`): the prefixes me(N)-, ber-, ter-, di- (Indonesian verbal morphology) on a word of five letters or more
_VERB_FORM = re.compile(r"(?:me[mnr]?|meng|meny|ber|ter|di)[a-z]{3,}")


def _verb_after_addressee(words: Sequence[str], lex: Lexicon) -> bool:
    """A directive's clause without `agar`/`untuk`: an addressee of one to five words, then a verb (not a
    preposition built like one, `terhadap`)."""
    return any(_VERB_FORM.fullmatch(w) is not None and w not in lex.cue("verb_like") for w in words[1:6])


@cache_per_folders
def _comitative_forms(folders: Folders) -> frozenset[str]:
    """Directive verbs that also mean "take someone along" (data/comitative_verbs.tsv)."""
    return frozenset(r["form"].lower() for r in table("comitative_verbs.tsv", folders))


def _joint_activity(verb: str, words: Sequence[str], lex: Lexicon) -> bool:
    """`mengajak X berkeliling …`: with no clause marker, a take-along verb before an addressee and a `ber-`
    verb names an activity the subject shares, not an appeal (`mengajak X menjaga …` is one)."""
    if verb not in _comitative_forms():
        return False
    first = next((w for w in words[1:6] if _VERB_FORM.fullmatch(w) and w not in lex.cue("verb_like")), "")
    return first.startswith("ber")


def _word_re(kind: str) -> re.Pattern[str]:
    """A word of `kind` with the spaces around it (`kepada`, `oleh` after a verb)."""
    return re.compile(rf"\s*(?:{alt(kind)})\s+", re.IGNORECASE)


def _record_noun(phrase: str) -> int:
    """The length of a record noun and its space opening the phrase (`data BPS`), else 0."""
    low = phrase.lower()
    return next((len(w) + 1 for w in words("record_noun") if low.startswith(w + " ")), 0)


def _relative_before(body: str, a: int, e: int) -> bool:
    """body[a:e] is a relative pronoun, or ends with one after a space (`…, yang menurut X`)."""
    return any(
        body[a:e] == w or (e - len(w) - 1 >= a and body[e - len(w) - 1 : e] == " " + w)
        for w in words("relative")
    )


def _reads_as_clause(words: Sequence[str], lex: Lexicon) -> bool:
    """The words after a verb read as a clause: a subject, then a verb form or an auxiliary (`pelaku sudah
    ditangkap`, `harga akan naik`), before any relative `yang` (`dugaan keterlibatan X yang disebut …` is a
    noun phrase)."""
    aux = lex.cue("predicate") | lex.cue("negation") | lex.cue("adverb")
    for w in (w.lower() for w in words[1:12]):
        if w in word_set("relative") or w in ".;:":
            return False
        if w in aux or (_VERB_FORM.fullmatch(w) is not None and w not in lex.cue("verb_like")):
            return True
    return False


class IndirectReader(PhraseReader):
    """Reported speech in a sentence: one method per attribution shape, `attribute` tries them in order."""

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
        for m, p in iter_candidates(self.re_according_nya, body[a:b], a, masked):
            lead_end = self._lead_end(a, p, b)
            before = trim_span(body, lead_end, p, True)
            after = trim_span(body, a + m.end(), b, True)
            nb, na = count_words(body[before[0]:before[1]]), count_words(body[after[0]:after[1]])
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
        """Reported speech in body[a:b] (a sentence); `masks` are quoted stretches to skip. The shapes are
        tried in order; the first that reads the sentence gives the attribution."""
        masked = make_masker(masks)
        for shape in (self._according_nya, self._according, self._post_verb):
            found = shape(a, b, masked)
            if found is not None:
                return found
        return self._pre_verb(a, b, masked, loose) or self._passive(a, b, masked)

    def _according(self, a: int, b: int, masked) -> Attribution | None:
        """`menurut X, …`, `…, (demikian) menurut X`, `Dalam keterangan tertulis X, …`, `…, yang menurut X
        …`."""
        body = self.body
        lex = self.lex
        text = body[a:b]
        for rx, cue in ((lex.re_according, word("according")), (lex.re_written, word("written"))):
            for m, p in iter_candidates(rx, text, a, masked):
                pa, ps, pe = self.phrase_after(a + m.end(), b)
                if not pa:
                    continue
                cut = _record_noun(pa)  # `menurut data X`: X speaks
                if cut:
                    pa, ps = pa[cut:], ps + cut
                elif not self._may_speak(pa):
                    continue  # `Menurut riwayat perjalanan, …`: a record, not a source
                lead_end = self._lead_end(a, p, b)
                ce, mid_via = self._adjunct_end(pe, b)
                comma_after = body[ce:ce + 3].lstrip().startswith(",")
                nxt = tokens(body[ce:ce + 40])
                # an unnamed descriptor runs into the content without a comma (`menurut para ahli senjata
                # merupakan …`): the predicate starts the content
                bare = not comma_after and nxt and (nxt[0].text.lower() in lex.cue("predicate") or
                                                    nxt[0].text.lower() in lex.pre)
                aa, ab = trim_span(body, ce, b, True)
                after_words = count_words(body[aa:ab]) if (comma_after or bare) else 0
                e = rstrip_at(body, lead_end, p)
                if only_in(body, lead_end, e, " ,") or _relative_before(body, lead_end, e):
                    # at the start (or opening a relative clause): the content follows the phrase
                    if after_words >= 2:
                        sp = self.ctx.parse(pa, start=ps)
                        cb, via = self.tail_via(aa, ab)
                        return Attribution(sp, mid_via or via, cue, (aa, cb), pe)
                    continue
                dm = demikian_before(body, a, p)  # `…, demikian menurut X`
                if not (body[p - 2:p].strip() in (",", "") or (dm is not None and dm[1])):
                    continue
                ce2 = p
                if dm is not None:
                    ce2 = dm[0]
                ca, cb = trim_span(body, lead_end, ce2, True)
                if count_words(body[ca:cb]) < 3:
                    continue
                agency = any(pa.lower().startswith(x + " ") for x in lex.cue("via_agency"))
                if agency:
                    continue  # `menurut kantor berita X` after someone's words: a medium
                sp = self.ctx.parse(pa, start=ps)
                if after_words >= 3 and after_words > count_words(body[ca:cb]):
                    # in the middle: `Kronologi kejadian ini, menurut Sastromadji, bermula ketika …`
                    cb2, via = self.tail_via(aa, ab)
                    return Attribution(sp, via, cue, (aa, cb2), pe)
                return Attribution(sp, self.via_in(pe, b), cue, (ca, cb), pe)
        return None

    def _adjunct_end(self, pe: int, b: int) -> tuple[int, str | None]:
        """Where the words between a `menurut X` phrase and its content's comma end: a time or a place
        (`menurut Sastromadji petang tadi, …`) or a medium (`Menurut X seperti dikutip Antara, …`), with that
        medium."""
        body = self.body
        lex = self.lex
        am = PLACE_TIME_RE.match(body, pe, b)
        if am and all(t.text.lower() in lex.cue("time") or t.text.lower() in self.stops or
                      t.text[:1].isdigit() or t.text in "()/" for t in tokens(am.group(0)[:-1])):
            return am.end() - 1, None
        k = pe
        while k < b and body[k] in " \t":
            k += 1
        vm = lex.re_via_before.match(body, k, b)
        comma = body.find(",", vm.end(), min(b, vm.end() + 80)) if vm else -1
        if vm and comma > 0:
            source = rf"^\s*(?:(?:{alt('source_preposition')})\s+)?"
            via = clean_medium(self.ctx, re.sub(source, "", body[vm.end():comma]))
            if via:
                return comma, via
        return pe, None

    def _post_verb(self, a: int, b: int, masked) -> Attribution | None:
        """`…, kata X.`, `…, katanya.`, `Polisi, kata dia, sudah …`, `Kata X, …`."""
        text = self.body[a:b]
        for rx, nya in ((self.lex.re_post_nya, True), (self.lex.re_post, False)):
            for m, p in iter_candidates(rx, text, a, masked):
                found = self._post_verb_at(a, b, m, p, nya)
                if found is not None:
                    return found
        return None

    def _post_verb_at(self, a: int, b: int, m: re.Match, p: int, nya: bool) -> Attribution | None:
        """One candidate verb of `_post_verb` (match `m` at body offset `p`), or None to try the next."""
        body = self.body
        # what stands before the verb, without its trailing spaces: body[a:pre_end]
        pre_end = rstrip_at(body, a, p)
        at_start = pre_end == a or self._conn.fullmatch(body, a, pre_end) is not None
        if not at_start and body[pre_end - 1] != ",":
            return None
        base = m.group(0).lower()
        if self.lex.post_kind.get(base[:-3] if nya else base) == "direct":
            return None  # `teriak`: a chant in marks, never reported speech
        speaker = self._post_speaker(a, b, m, nya)
        if speaker is None:
            return None
        sp, via, pe = speaker
        after = trim_span(body, pe, b, True)
        after_ok, extra = self._post_after(pe, after, at_start)
        content = self._post_content(a, b, p, pre_end, at_start, after if after_ok else None)
        if content is None:
            return None
        if via is None:
            via = self.via_in(pe, extra[0] if extra else b)
        if content[0] >= pe:
            cb, tv = self.tail_via(*content)
            content, via = (content[0], cb), via or tv
        return Attribution(sp, via, m.group(0), content, pe, extra)

    def _post_speaker(self, a: int, b: int, m: re.Match, nya: bool):
        """(speaker, medium, end of the speaker phrase) after the verb; None when no phrase follows."""
        if nya:
            return self.ctx.last(), None, a + m.end()
        body = self.body
        pa, ps, pe = self.phrase_after(a + m.end(), b)
        if not pa:
            return None
        via = None
        # `…, lapor kantor berita Interfax, mengutip penasihat kebijakan luar negeri Putin`
        um = re.match(rf"\s*,?\s*(?:{alt('quoting')})\s+(?:(?:{alt('quoted_thing')})\s+)?", body[pe:b],
                      re.IGNORECASE)
        pb = self.phrase_after(pe + um.end(), b) if um else ("", pe, pe)
        if pb[0]:
            via = clean_medium(self.ctx, pa)
            pa, ps, pe = pb
        return self.ctx.parse(pa, start=ps), via, pe

    def _post_after(self, pe: int, after: tuple[int, int], at_start: bool):
        """Whether the words after the speaker phrase may be the content, and a second statement by the same
        speaker there (`…, kata Shin, menambahkan bahwa …`) as (start, end) or None."""
        body = self.body
        after_a, after_b = after
        after_ok = body[pe:pe + 2].lstrip().startswith(",") and count_words(body[after_a:after_b]) >= 3
        after_first = body[after_a:after_a + 30].split()[:1]
        # `…, kata para analis, yang …`: a relative clause on the speaker is not the content
        if after_first and after_first[0].lower() in word_set("relative"):
            after_ok = False
        lead = rf"(?:(?:{alt('adding')})\s+)?"
        that = rf"(?:(?:{alt('complementiser')})\s+)?"
        tail = re.match(rf"{lead}(?:{alt_words(self.lex.pre)})(?![\w-])\s*(?:,\s*)?{that}",
                        body[after_a:after_b], re.IGNORECASE)
        extra = None
        if tail and not at_start:
            ta, tb = trim_span(body, after_a + tail.end(), after_b, True)
            if count_words(body[ta:tb]) >= 3:
                extra = (ta, tb)
            after_ok = False
        return after_ok, extra

    def _post_content(self, a: int, b: int, p: int, pre_end: int, at_start: bool,
                      after: tuple[int, int] | None) -> tuple[int, int] | None:
        """The content: the words before the verb, or `after` (the words after the speaker, when they may
        be the content) if the verb opens the sentence or they are the longer; None below two words."""
        body = self.body
        ba, bb = trim_span(body, self._lead_end(a, pre_end, b), p, True)
        if at_start:
            if after is None:
                return None
            content = after
        elif after is not None and count_words(body[after[0]:after[1]]) > count_words(body[ba:bb]):
            content = after
        else:
            content = (ba, bb)
        if count_words(body[content[0]:content[1]]) < 2:
            return None
        return content

    def _pre_verb(self, a: int, b: int, masked, loose: bool) -> Attribution | None:
        """`X mengatakan (bahwa) …`, directives (`X meminta Y agar …`), questions (`X mempertanyakan apakah
        …`)."""
        body = self.body
        lex = self.lex
        text = body[a:b]
        for m, p in iter_candidates(lex.re_pre, text, a, masked):
            verb = m.group(0).lower()
            cls = lex.pre.get(verb, "statement")
            if lex.pre_kind.get(verb) == "direct":
                continue  # `berteriak`, `menanggapi`: they attribute a quote in marks, never reported speech
            subj, ss = self.subject_before(window_start(body, a, p, SUBJECT_WINDOW), p, loose)
            if not subj:
                continue
            if subj.split()[0].lower() in lex.cue("stop") and not loose:
                continue
            q = a + m.end()
            via = None
            km = _word_re("addressee").match(body, q, b)
            if km:
                pa, _, pe = self.phrase_after(km.end(), b)
                via = clean_medium(self.ctx, pa) if pa else None
                # `kepada CNN` is a medium and no part of the content; `kepada pemerintah untuk …` an
                # addressee
                q = pe if via else q
            toks = tokens_in(body, q, b, 16)  # (no more are read)
            start = self._content_start(verb, cls, toks, q)
            if start is None:
                continue
            ca, cb = trim_span(body, start[0], b, True)
            if not at_least_words(body, ca, cb, 3) or self._no_statement(ss, p, (ca, cb), cls, start[1]):
                continue
            sp = self.ctx.parse(subj, start=ss)
            if sp.name is None:
                continue
            cb2, tv = self.tail_via(ca, cb)
            if via is None:
                via = self.via_in(a, ss) or self.via_in(ss + len(subj), p) or tv
            return Attribution(sp, via, m.group(0), (ca, cb2), q)
        return None

    def _content_start(self, verb: str, cls: str, toks: list, q: int) -> tuple[int, bool] | None:
        """Where the content after a verb starts (after `bahwa`, a comma, a colon, or the verb itself) and
        whether a clause marker opens it; None when the verb's class needs a clause the words do not give."""
        lex = self.lex
        comp = lex.cue("complementiser")
        bahwa = None
        for t in toks[:16]:
            tl = t.text.lower()
            if tl in word_set("complementiser"):
                bahwa = t
                break
            if tl in lex.pre or t.text in ".!?":
                break
        head = toks[0].text.lower() if toks else ""
        clause = bahwa is not None or head in (",", ":") or head in comp or head in lex.cue("question_word")
        if bahwa is not None:
            return bahwa.end, clause
        ca = q
        # the content right after the verb (and its comma or colon)
        if cls == "confirm" and head not in (",", ":"):
            return None
        if cls == "question" and head not in lex.cue("question_word"):
            return None
        if cls == "report" and head not in comp and head not in (",", ":") and \
                not _reads_as_clause([t.text for t in toks], lex):
            return None  # `menyampaikan ucapan selamat Natal kepada …`: a noun-phrase object
        if cls == "describe" and not any(t.text.lower() in word_set("describe_as") for t in toks[:10]):
            return None  # `menggambarkan X sebagai Y` reports a view; without `sebagai` it describes
        if cls == "directive":
            first6 = [t.text.lower() for t in toks[:7]]
            k = next((i for i, w in enumerate(first6) if w in comp), None)
            if k is None and (not _verb_after_addressee(first6, lex) or _joint_activity(verb, first6, lex)):
                return None
            if k is not None and (
                verb in word_set("directive_verb")
                or toks[k].text.lower() in word_set("directive_comp")
                and k == 0
            ):
                ca = toks[k].end
        if head in comp and cls != "directive":
            ca = toks[0].end
        return ca, clause

    def _no_statement(self, ss: int, p: int, content: tuple[int, int], cls: str, clause: bool) -> bool:
        """The verb at `p` reports no statement: it stands in a purpose clause, or, with no clause marker, it
        is denied (`belum mencatat adanya …`) or its object is a possessed noun (`kekhawatirannya tentang
        …`)."""
        body = self.body
        lex = self.lex
        # `… memudahkan wisatawan untuk memastikan bahwa …`: a verb in a purpose clause reports nothing
        before = [t.text.lower() for t in tokens(body[max(ss, p - 40):p])]
        if before and before[-1] in lex.cue("purpose"):
            return True
        if clause:
            return False
        if any(w in lex.cue("negation") for w in before[-3:]):
            return True
        ct = tokens_in(body, content[0], content[1], 2)
        w0 = ct[0].text.lower() if ct else ""
        w1 = ct[1].text.lower() if len(ct) > 1 else ""
        return (
            cls != "directive"
            and w0.endswith("nya")
            and len(w0) > 5
            and bool(
                re.match(r"(?:ke|pe)\w+an(?:nya)$", w0)
                or (w1 in lex.cue("object_preposition") and w0 not in lex.pronouns)
            )
        )

    def _passive(self, a: int, b: int, masked) -> Attribution | None:
        """A passive with a named agent: `… dikatakan Menteri X bakal …`, `… dilaporkan oleh New York
        Times`."""
        body = self.body
        lex = self.lex
        text = body[a:b]
        for m, p in iter_candidates(lex.re_passive, text, a, masked):
            q = a + m.end()
            om = _word_re("agent").match(body, q, b)
            if om:
                q = om.end()
            nw = FIRST_WORD_RE.match(body, q, b)  # the first word after the verb (and `oleh`)
            if not nw or not (nw.group(1)[0].isupper() or nw.group(1).lower() in lex.roles):
                continue
            pa, ps, pe = self.phrase_after(q, b)
            if not pa:
                continue
            before = body[a:p]
            dm = re.search(
                rf"(?:,\s*)?(?:(?:{alt('closing_lead')})\s+)?(?:(?:{alt('relative')})\s+)?"
                rf"(?:(?:{alt('first_time')})\s+)?$",
                before,
            )
            lead = lex.re_connector.match(before)
            ba, bb = trim_span(
                body, a + (lead.end() if lead else 0), a + (dm.start() if dm else len(before)), True
            )
            aa, ab = trim_span(body, pe, b, True)
            if re.match(
                rf"^(?:{alt('statement_noun')})\s+(?:{alt('demonstrative')})\s*$", body[ba:bb], re.IGNORECASE
            ):
                return Attribution(self.ctx.parse(pa, start=ps), None, "closing", None, pe)
            content = (ba, bb) if count_words(body[ba:bb]) >= count_words(body[aa:ab]) else (aa, ab)
            if re.search(rf"(?<![\w-])(?:{alt('relative')})\s*$", before) and count_words(body[aa:ab]) >= 2:
                # `uji coba senjata yang dikatakan oleh Korea Selatan dapat dikirim ke Rusia`: the relative
                # clause after the agent carries the reported content
                content = (aa, ab)
            elif count_words(body[content[0]:content[1]]) < 3:
                continue
            return Attribution(self.ctx.parse(pa, start=ps), self.via_in(pe, b), m.group(0), content, pe)
        return None


