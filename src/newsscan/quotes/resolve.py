"""Speakers as references to the people of the article (gold/CONVENTIONS.md, "Speakers").

The finder reads a speaker off the words of an attribution: `Gubnut Agus`, `Wenny`, `Direktur Komunikasi
Program Bantuan Usaha Bayu Wirasetya Rukmana`, `Politikus partai itu`. This module maps each such string to a
person the article names in full (`Agus Rahmadani`, `Wenny K. Susanto`, `Bayu Wirasetya Rukmana`), moving the
words that are no part of the name to the role, and to the person spoken of before for an epithet. A speaker
it cannot place is left as the finder read it: nothing is invented, every name is a slice of the body.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..morphology import common_word
from ..records import Mention, Quote
from .lexicon import Lexicon, load_lexicon
from .salience import anaphoric, previous_end, subject_before
from .speakers import ArticleContext, is_acronym
from .tokens import AGE_RE, Tok

MAX_NAME = 5  # words in a personal name (`Muhammad Al Fathir`, `Sari Wulandari Lubis`)
MIN_FUZZY = 5
_INITIAL_RE = re.compile(r"[A-Z]\.")
# a noun made with ke-…-an or pe(r/n/m)-…-an (`Kebudayaan`, `Perhubungan`, `Pemberitaan`): a role's scope,
# never a given name (Indonesian derivational morphology; `-wan` names such as `Setiawan` do not take these
# prefixes)
NOMINAL_RE = re.compile(r"(?:ke|pe[rnm]?)[a-z]{3,}an")
GRAMMAR_CUES = (
    "according",
    "connector",
    "stop",
    "adverb",
    "via_before",
    "time",
    "demonstrative",
    "subordinator",
    # letters a name word needs before a one-letter slip in its spelling is matched
    "predicate",
    "negation",
    "written",
    "closing",
    "heading",
)


@dataclass(frozen=True, slots=True)
class Person:
    """A person the article names in full."""

    form: str  # as the body writes it (`Wenny K. Susanto`)
    words: tuple[str, ...]  # the name words, lower case, dots dropped: what forms are matched on
    start: int  # where the body first names the person this way
    introduced: bool  # named with a title, as the subject of a sentence or in apposition
    title: str = ""  # the title (and its scope) the body writes before the name there


def _key(word: str) -> str:
    return word.rstrip(".").lower()


class People:
    """The people of one article and the name words around them."""

    def __init__(self, ctx: ArticleContext, mentions: Sequence[Mention]):
        self.ctx = ctx
        self.lex: Lexicon = ctx.lex
        self.body = ctx.body
        lex = self.lex
        self.initial_heads = frozenset(h.lower() for h in lex.cue("org_head"))
        self.common = ctx.words
        self.org_prefixes = tuple(sorted(w.lower() for w in lex.cue("org_prefix")))
        # words that belong to places and organisations the NER found: a role's scope, not a given name
        self.scope = {_key(w) for m in mentions if self._placed(m) for w in m.text.split()}
        self.mention_people = {m.canonical for m in mentions if m.label == "PERSON"}
        # words of the attribution grammar, capitalised at a sentence start (`Menurut Budi`, `Kata Sari`)
        self.grammar = frozenset(
            set(lex.pre)
            | lex.post
            | lex.pronouns
            | lex.quantifiers
            | lex.anon_heads
            | set().union(*(lex.cue(k) for k in GRAMMAR_CUES))
        )
        self.people: list[Person] = []
        seen: set[tuple[str, ...]] = set()
        for run in ctx.runs:
            p = self._person(run)
            if p is not None and (p.words, p.introduced) not in seen:
                seen.add((p.words, p.introduced))
                self.people.append(p)

    def _placed(self, m: Mention) -> bool:
        """A place, or an organisation the words themselves show to be one (a head word, a contracted
        institution, an acronym) or by being one word: the NER's ORG over plain name words (`Budi Wijaya` as
        ORG) would otherwise take a person's given name out of every speaker that holds it."""
        words = m.text.split()
        if m.label == "LOC" or (m.label == "ORG" and len(words) == 1):
            return True  # one word (`Kemlu`) is a body's short name, never a person's given name and surname
        heads = self.ctx._heads  # the organisation head words, first and final
        return m.label == "ORG" and any(
            _key(w) in heads or _key(w).startswith(self.org_prefixes) or is_acronym(w) for w in words)

    def named_by(self, word: str) -> str | None:
        """The one person the NER found whose name holds `word` (any case), None for none or several."""
        found = {n for n in self.mention_people if word.lower() in n.lower().split()}
        return found.pop() if len(found) == 1 else None

    # -- reading names off the body -------------------------------------------------------------------
    def name_like(self, word: str) -> bool:
        """Could this capitalised word be part of a personal name? Not a title or role word, an acronym, an
        organisation's head word, a word of a place or organisation, or a common word the body writes in
        lower case (`Komunikasi`, `Pemberitaan`)."""
        low = _key(word)
        if len(word) == 2 and word.endswith("."):
            return True  # an initial
        lex = self.lex
        return not (
            low in lex.roles
            or NOMINAL_RE.fullmatch(low) is not None
            or low in lex.places
            or low.startswith(self.org_prefixes)
            or is_acronym(word)
            or low in self.ctx._heads
            or low in self.scope
            or low in self.common
            or low in self.grammar
            or not word[:1].isupper()
        )

    def core(self, words: Sequence[str]) -> int:
        """How many of the last words of a phrase form the personal name at its end. The word after an
        organisation's head word is that organisation's (`Kejaksaan Agung`)."""
        n = 0
        for i in range(len(words) - 1, -1, -1):
            if (
                not self.name_like(words[i])
                or n == MAX_NAME
                or (i > 0 and _key(words[i - 1]) in self.initial_heads)
            ):
                break
            n += 1
        return n

    def _person(self, run: Sequence[Tok]) -> Person | None:
        """The person a run of capitalised words names: two name words or more at its end, or one after a
        title (`Direktur Pemberitaan Metro TV Wiryopratomo`)."""
        if self.ctx.opening_common(run[0].start, run[0].text):
            run = run[1:]  # `Kunjungan Putin terjadi …`: a common noun capitalised by the sentence start
        if not run:
            return None
        texts = [t.text for t in run]
        role, rest = self.ctx.strip_roles(texts)  # the finder's own reading of titles and their scope
        initials = 0  # `Menteri X M. Rizal Hakim`: an initial the title reading took belongs to the name
        while initials < len(role) and _INITIAL_RE.fullmatch(role[len(role) - 1 - initials]):
            initials += 1
        n = self._scope_out(texts, min(self.core(texts), len(rest) + initials))
        before = self._titled_bracket(run[0].start)
        title = " ".join(role) if any(_key(w) in self.lex.roles for w in role) else before
        if n < 2 and not (n == 1 and (len(texts) > 1 or before) and title):
            return None  # one name word only after a title (`Direktur Pemberitaan Metro TV Wiryopratomo`)
        first = len(run) - n
        a, b = run[first].start, run[-1].end
        follow = self.body[b : b + 12].split()
        if follow and follow[0].lower() in self.lex.cue("demonstrative"):
            return None  # `Ketua Umum Persatuan Petani itu`: a description pointing back, not a name
        nxt = self.body[b : b + 3].lstrip(" \t")
        # named with a title, as a sentence's subject, in apposition, or with an age (`Togar Sinaga (58)`)
        introduced = (
            bool(title)
            or self.ctx._sentence_start(a)
            and nxt[:1].islower()
            or nxt[:1] == ","
            or AGE_RE.match(self.body, b) is not None
        )
        if first > 0:
            title = " ".join(texts[:first])  # the title with its scope, as written before the name
        return Person(self.body[a:b], tuple(_key(w) for w in texts[first:]), a, introduced, title)

    def _scope_out(self, texts: Sequence[str], n: int) -> int:
        """`Dirlantas Polda Metro Jaya Sudarsono`: a name word that ends an organisation's name (a head word
        and what follows it) the body writes elsewhere before another word belongs to that name, not the
        person's."""
        while n > 1:
            first = len(texts) - n
            if not any(
                _key(texts[first + 1 - k]) in self.initial_heads
                and self.ctx.standalone(list(texts[first + 1 - k : first + 1]), texts[first + 1])
                for k in (2, 3)
                if first + 1 - k >= 0
            ):
                break
            n -= 1
        return n

    def _titled_bracket(self, a: int) -> str:
        """The title written right before the run, set apart by a bracketed short form or a comma
        (`Gubernur Nusa Tenggara (Nuteng) Agus Rahmadani`, `Wali Nagari Sukamaju, Ferdizanko`); "" if none."""
        before = self.body[max(0, a - 80) : a].rstrip(" \t")
        if before.endswith(")") and "(" in before:
            before = before[: before.rindex("(")]
        elif before.endswith(","):
            before = before[:-1]
        else:
            return ""
        head = re.split(r"[.!?;\n\r]", before)[-1].split()[-10:]
        for i, w in enumerate(head):
            if _key(w) in self.lex.roles:
                return " ".join(head[i:])
        return ""

    # -- resolving a speaker -----------------------------------------------------------------------------
    def containing(self, words: Sequence[str], introduced: bool = False) -> Person | None:
        """The fullest person whose name holds all these words in order; None when two people differ."""
        want = [_key(w) for w in words]
        found = [p for p in self.people if _subsequence(want, p.words) and (p.introduced or not introduced)]
        if not found:
            return None
        best = max(found, key=lambda p: (len(p.words), -p.start))
        if any(not set(p.words) <= set(best.words) for p in found):
            return None  # two people share the words (`Budi` in `Hendra Budi` and `Budi Prasetyo`)
        return min((p for p in found if p.words == best.words), key=lambda p: p.start)

    def contracted(self, words: Sequence[str]) -> Person | None:
        """The person introduced with a title that `words[0]` contracts (`Gubsu` for `Gubernur Sumatera
        Utara`, `Seskab` for `Sekretaris Kabinet`) whose name holds the other words."""
        if (
            len(words) < 2
            or len(words[0]) < 3
            or not words[0][:1].isupper()
            or _key(words[0]) in self.lex.roles
        ):
            return None
        short = _key(words[0])
        rest = [_key(w) for w in words[1:]]
        found = {
            p.words: p
            for p in self.people
            if p.title and short not in p.words and _subsequence(rest, p.words) and _contracts(short, p.title)
        }
        return min(found.values(), key=lambda p: p.start) if len(found) == 1 else None

    def org_name(self, name: str) -> str:
        """An organisation's name without the common words around it (`pernyataan resmi Bank X`, `KPK
        ternyata`), in the fullest company form the body gives it (`PT Bank X Indonesia Tbk`)."""
        words = name.split()
        while len(words) > 1 and words[-1][:1].islower() and words[-1] in self.common | self.grammar:
            words.pop()
        lex = self.lex
        while (
            len(words) > 1
            and words[0][:1].islower()
            and words[1][:1].isupper()
            and words[0] not in lex.anon_heads | lex.quantifiers
            and words[0] not in lex.roles
        ):
            words.pop(0)
        core = " ".join(words)
        if len(words) > 4 or "(" in core:
            return core
        return max([self.ctx.org_form(core)] + self._company_forms(core), key=len)

    def names_org(self, name: str) -> bool:
        """Common words around an organisation's name (`KPK ternyata`, `pernyataan resmi Bank X`)."""
        core = self.org_name(name).split()
        return (
            core != name.split()
            and bool(core)
            and (
                is_acronym(core[0])
                or _key(core[0]) in self.ctx._heads
                or _key(core[0]) in {f.lower() for f in self.lex.cue("legal_form")}
            )
        )

    def _company_forms(self, core: str) -> list[str]:
        """`PT Bank X Indonesia Tbk.` for `Bank X`: the name with a legal form before and after it, and up to
        three more capitalised words between, as the body writes it."""
        forms = sorted((f for f in self.lex.cue("legal_form") if f[:1].isalpha()), key=len, reverse=True)
        alt = "|".join(re.escape(f) for f in forms)
        rx = re.compile(
            rf"(?:(?i:{alt})[ \t]+)?{re.escape(core)}(?:[ \t]+[A-Z][\w-]*){{0,3}}[ \t]+(?i:{alt})(?![\w-])"
        )
        return [m.group(0) for m in itertools.islice(rx.finditer(self.body), 20)]

    def is_place(self, name: str) -> bool:
        """Every word of the name is a place the gazetteer knows (the NER's LOC mentions are too noisy to
        take a speaker's name away on their own)."""
        words = [_key(w) for w in name.split()]
        return (
            bool(words) and all(w in self.lex.places for w in words) and self.containing(name.split()) is None
        )

    def title_holder(self, short: str) -> Person | None:
        """The one person introduced with a title that `short` contracts (`Mendag`: `Menteri Perdagangan`)."""
        low = short.lower()
        found = {p.words: p for p in self.people if p.title and _contracts(low, p.title)}
        return min(found.values(), key=lambda p: p.start) if len(found) == 1 else None

    def similar(self, word: str) -> Person | None:
        """The one person named in full (or introduced) with a name word spelled one letter apart (`Fathir` /
        `Fatir`): where an article spells one person two ways, the first full form stands (CONVENTIONS)."""
        low = _key(word)
        if len(low) < MIN_FUZZY:
            return None
        found = {
            p.words: p
            for p in self.people
            if (p.introduced or len(p.words) > 1)
            and any(len(w) >= MIN_FUZZY - 1 and _one_apart(low, w) for w in p.words)
        }
        return min(found.values(), key=lambda p: p.start) if len(found) == 1 else None

    def holder_in(self, phrase: str, role: str | None) -> tuple[str, str] | None:
        """`Head of Nusa Institute Mukti Sujatmiko`: a title, its organisation, then a person the
        article names: the person speaks, the rest is the role."""
        words = ((role or "") + " " + phrase).split()
        n = self.core(words)
        if n < 2 or n == len(words) or _key(words[0]) not in self.lex.roles:
            return None
        p = self.containing(words[-n:])
        return (p.form, " ".join(words[:-n])) if p is not None else None

    def resolve(self, name: str, role: str | None) -> tuple[str, str | None]:
        """A speaker's name (and role) -> the fullest form of that person in the article."""
        words = name.split()
        n = self.core(words)
        if 0 < n < len(words) and (n >= 2 or self.containing(words[-n:], True)):
            # `Komunikasi Program Bantuan Usaha Bayu Wirasetya Rukmana`: the role's scope ran into the name
            role = " ".join(x for x in (role, " ".join(words[:-n])) if x)
            words = words[-n:]
        p = self.contracted(words)
        if p is not None:
            # `Gubnut Agus`: a contraction of the title the person was introduced with, then the first name
            return p.form, " ".join(x for x in (role, words[0]) if x)
        p = self.containing(words)
        if p is not None:
            return p.form, role
        if len(words) == 1:
            p = self.similar(words[0])
            if p is not None:
                return p.form, role
        return " ".join(words), role


def _contracts(short: str, title: str) -> bool:
    """`gubnut` contracts `Gubernur Nusa Tenggara`: same first letter, its letters in order in the title."""
    letters = re.sub(r"[^a-z]", "", title.lower())
    return len(letters) > len(short) + 2 and letters[:1] == short[:1] and _subsequence(short, letters)


def _subsequence(want: Sequence[str], have: Sequence[str]) -> bool:
    it = iter(have)
    return all(w in it for w in want)


def _one_apart(a: str, b: str) -> bool:
    """a and b differ by one letter changed, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=False)) == 1
    s, t = (a, b) if len(a) < len(b) else (b, a)
    return any(t[:i] + t[i + 1 :] == s for i in range(len(t)))


_BRACKET_RE = re.compile(r"\s*\(([^()]*)\)\s*$")


def _epithet(q: Quote, people: People) -> bool:
    """`Mantan Ketua Umum PSSI itu`, `kata Legislator asal Jawa Barat ini`, `Pria yang akrab disapa X ini`: a
    description that ends in a demonstrative points back to a person spoken of before. Read on the quote's
    sentence: the speaker's words and what follows them up to a punctuation mark end with
    `ini`/`itu`/`tersebut`, and no person of the article is named in them."""
    name = q.speaker or ""
    words = name.split()
    if not words or people.containing(words) is not None or _key(words[0]) in people.ctx._heads:
        return False  # a person of the article, or an organisation (`perusahaan tersebut`)
    k = q.sentence.find(name)
    if k < 0:
        return False
    stretch = re.split(r"[,.;:!?\"“”]", q.sentence[k : k + 120], maxsplit=1)[0].split()
    lex = people.lex
    demonstratives = lex.cue("demonstrative")
    clause = set(lex.pre) | lex.post | lex.cue("complementiser") | lex.cue("adverb") | lex.cue("negation")
    for i, w in enumerate(stretch[:12]):
        if w.lower() in clause:
            return False  # the words after the speaker are a clause (`… telah memperingatkan bahwa … itu`)
        if w.lower() in demonstratives:
            return i > 0 and not any(people.containing([x]) for x in stretch[1:i] if x[:1].isupper())
    return False


def _no_speaker(name: str, people: People) -> bool:
    """The words open with a clause word (a conjunction, a preposition, an agentless passive: `Meski`,
    `Termasuk`, `Diberitakan`) and name no person of the article after it."""
    lex = people.lex
    words = name.split()
    first = _key(words[0])
    if first.endswith("nya") and len(first) > 5 and people.containing(words) is None:
        return True  # `Facebooknya`, `Hadirnya X`: a possessed noun, no name
    if (
        len(words) == 1
        and words[0][:1].isupper()
        and first in people.common
        and people.containing(words) is None
        and first not in lex.anon_heads
        and first not in lex.roles
        and first not in lex.pronouns
    ):
        return True  # `Kabar …`, `Hal …`: a common noun opening the sentence
    clause = lex.cue("subordinator") | lex.cue("verb_like") | lex.cue("passive_marker") | lex.cue("connector")
    if first not in clause and first not in lex.passive:
        return False
    return not any(people.containing(words[i:]) for i in range(1, len(words)))


def _last_person(quotes: Sequence[Quote]) -> tuple[str, str | None] | None:
    for q in reversed(quotes):
        if q.speaker and q.speaker_type == "person" and not q.anonymous:
            return q.speaker, q.speaker_role
    return None


def _legal_form(role: str | None, lex: Lexicon) -> bool:
    """The role starts with a company form (`PT`, `CV`): the phrase names a company, not a person."""
    return bool(role) and role.split()[0].lower() in {f.lower() for f in lex.cue("legal_form")}


def _short_form(name: str, lex: Lexicon) -> bool:
    """The name ends with its short form in brackets (`(BEI)`, `(Kemenkes)`), not a legal form
    (`(Persero)`)."""
    m = _BRACKET_RE.search(name)
    return m is not None and len(m.group(1).split()) <= 2 and m.group(1).lower() not in lex.cue("legal_form")


def resolve_speakers(
    quotes: Sequence[Quote], ctx: ArticleContext, mentions: Sequence[Mention]
) -> list[Quote]:
    """Each person speaker mapped to the article's fullest form of that person, its extra words to the role;
    an epithet to the person spoken of before; an organisation without the bracketed short form the article
    defines beside it (`Bursa Efek Indonesia`)."""
    people = People(ctx, mentions)
    out: list[Quote] = []
    epithets: dict[str, tuple[str, str | None]] = {}  # an epithet read once is the same person in later rows
    for k, q in enumerate(quotes):
        if q.speaker and _no_speaker(q.speaker, people):
            # `Termasuk`, `Meski`, `Diberitakan X`: a clause word read as a speaker; reported speech with no
            # speaker is no row, a quote in marks stays without one
            if q.kind != "indirect":
                out.append(
                    replace(q, speaker=None, speaker_role=None, speaker_type="unknown", anonymous=False)
                )
            continue
        if q.speaker_type in ("person", "unknown") and anaphoric(q, people):
            # `Sementara itu, Kepala Desa Rina Wati membantah …. “…,” ujarnya.`: the subject just named
            p = subject_before(ctx.body, q.start, previous_end(quotes, k), people)
            if p is not None and p.form != q.speaker:
                out.append(
                    replace(
                        q,
                        speaker=p.form,
                        speaker_role=p.title or None,
                        speaker_type="person",
                        anonymous=False,
                    )
                )
                continue
        if q.speaker and (q.speaker in epithets or _epithet(q, people)):
            antecedent = epithets.get(q.speaker) or _last_person(out)
            if antecedent is not None:
                epithets[q.speaker] = antecedent
                out.append(
                    replace(
                        q,
                        speaker=antecedent[0],
                        speaker_role=antecedent[1],
                        speaker_type="person",
                        anonymous=False,
                    )
                )
                continue
        out.append(_resolve_one(q, people) if q.speaker else q)
    return out


def _resolve_one(q: Quote, people: People) -> Quote:
    """One quote's speaker read against the article's people, by what the finder took it for."""
    lex = people.lex
    if q.speaker_type == "organisation" and not q.anonymous:
        return _organisation(q, people)
    if q.speaker_type in ("anonymous", "document") and people.names_org(q.speaker or ""):
        return _organisation(replace(q, speaker_type="organisation", anonymous=False), people)
    if q.speaker_type == "person" and _legal_form(q.speaker_role, lex):
        # `PT Kapal Jaya (Persero) menyebut`: a company read as a title and a name
        role = q.speaker_role or ""
        org = role if role.endswith(q.speaker or "") else f"{role} {q.speaker}"
        return replace(q, speaker=people.ctx.org_form(org), speaker_role=None, speaker_type="organisation")
    if q.anonymous and (q.speaker or "").lower() in lex.role_abbrev:
        # `kata Mendag`: the person the article introduces with the title it contracts
        p = people.title_holder(q.speaker or "")
        return (
            q
            if p is None
            else replace(q, speaker=p.form, speaker_role=q.speaker, speaker_type="person", anonymous=False)
        )
    if q.speaker_type == "person" and not q.anonymous and q.speaker_role and people.is_place(q.speaker or ""):
        # `Gubernur Hamedan`: a title and its place, no holder named: the descriptor stays (CONVENTIONS)
        desc = f"{q.speaker_role} {q.speaker}"
        return replace(
            q,
            speaker=desc[:1].lower() + desc[1:],
            speaker_role=None,
            speaker_type="anonymous",
            anonymous=True,
        )
    if q.anonymous and q.speaker and " " not in q.speaker and q.speaker.islower():
        # `terang sunaryo`: a person's name the body writes in lower case once, not a description
        full = people.named_by(q.speaker)
        if full is not None and q.speaker not in lex.anon_heads and not common_word(q.speaker):
            return replace(q, speaker=full, speaker_type="person", anonymous=False)
    named = _introduced_name(q.speaker or "", lex)
    if named is not None and q.speaker_type in ("person", "anonymous"):
        # `penemu dompet bernama Karim (58)`: a description that names its person: the name speaks
        name, role = people.resolve(named[0], named[1])
        return replace(q, speaker=name, speaker_role=role, speaker_type="person", anonymous=False)
    if q.speaker_type == "person" and not q.anonymous:
        name, role = people.resolve(q.speaker or "", q.speaker_role)
        return q if name == q.speaker else replace(q, speaker=name, speaker_role=role)
    return q


def _introduced_name(phrase: str, lex: Lexicon) -> tuple[str, str | None] | None:
    """(name, description) of a speaker phrase that names its person after an introducing word
    (`penemu dompet bernama Karim (58)` -> `Karim`, `penemu dompet`); None when it names none."""
    words = AGE_RE.sub("", phrase).split()
    for i, w in enumerate(words[:-1]):
        if w.lower() in lex.cue("introduces") and i > 0:
            name = words[i + 1:]
            if all(x[:1].isupper() for x in name):  # the phrase ends with the name, nothing after it
                return " ".join(name), " ".join(words[:i])
    return None


def _organisation(q: Quote, people: People) -> Quote:
    """`Head of X Institute Budi Santoso`: the person named after a title and its organisation; else the
    organisation without its bracketed short form."""
    name = q.speaker or ""
    holder = people.holder_in(name, q.speaker_role)
    if holder is not None:
        return replace(q, speaker=holder[0], speaker_role=holder[1], speaker_type="person")
    name = people.org_name(name)
    bare = _BRACKET_RE.sub("", name) if _short_form(name, people.lex) else name
    return replace(q, speaker=bare or name)


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
    people = sorted(
        {m.canonical for m in mentions if m.label == "PERSON" and len(m.canonical.split()) >= 2},
        key=lambda n: (-len(n.split()), n),
    )
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
            if (
                k < 0
                and rw
                and sw[-k:] == pw
                and name not in texts
                and _scope_words(sw[:-k], places, lex)
                and not any(w.lower() in given for w in sw[:-k])
            ):
                # run on: the role's scope ran into the name
                q = replace(q, speaker=person, speaker_role=" ".join(rw + sw[:-k]))
                moved[name] = person
                break
        out.append(q)
    return [replace(q, speaker=moved[q.speaker]) if q.speaker in moved else q for q in out]
