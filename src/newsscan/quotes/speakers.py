"""Speakers: from the words of an attribution to a canonical name, role, type and medium.

Works without NER: names are runs of capitalised words, roles come from `roles.tsv`, unnamed sources from
`anonymous.tsv`. Entity mentions, where given, only type a speaker (a LOC or ORG speaking is an organisation)
and mark a place in front of a name as the title's scope; they never rename a speaker. Within one article a
surname, a first name, a title alone or a pronoun resolves to the person named in full before (or, for a
title, anywhere).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..morphology import common_word
from ..records import Mention
from .grammar_words import alt, word_set
from .lexicon import Lexicon
from .names_read import read_body
from .parse import Speaker, SpeakerParser
from .tokens import TOKEN_RE, Tok, dateline_end, is_acronym, iter_tokens, tokens, tokens_in  # noqa: F401

ACRONYM_RE = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")


def _alias_re() -> re.Pattern[str]:
    """`yang akrab disapa X`, `atau disebut X`, `karib dipanggil X`, `alias X` (data/quote_words.tsv)."""
    lead, adverb, call = alt("alias_lead"), alt("alias_adverb"), alt("call_verb")
    return re.compile(
        rf"(?:(?:{lead})\s+(?:(?:{adverb})\s+)?(?:{call}|{alt('name_verb')})|(?:{adverb})\s+(?:{call})|"
        rf"{alt('alias_word')})\s+((?:[A-Z][\w'’\-]*[ \t]*){{1,4}})"
    )


def _reverse_alias_re() -> re.Pattern[str]:
    """`Yoyok, demikian Wiryopratomo disapa`: the nickname first, then the name it stands for."""
    return re.compile(
        rf"(?<![\w-])([A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){{0,2}}),[ \t]*(?:{alt('reverse_alias')})[ \t]+"
        rf"((?:[A-Z][\w'’\-]*[ \t]*){{1,4}}?)[ \t]*(?:(?:{alt('alias_adverb')})[ \t]+)?"
        rf"(?:{alt('call_verb')})"
    )


def _initial_re() -> re.Pattern[str]:
    """`seorang warga berinisial H`: a person known by initials only."""
    return re.compile(rf"(?P<cue>{alt('initials_cue')})\s+([A-Z]{{1,4}})\b")


GLUE_RE = re.compile(r"([A-Z][a-z]{2,})([A-Z][\w'’\-]*)")
PAREN_ALIAS_RE = re.compile(
    r"(?<![\w'’\-])((?:[A-Z][\w'’\-]*\s+){1,3}[A-Z][\w'’\-]*)\s*\(((?:[A-Z][a-z][\w'’\-]*\s*){1,3})\)"
)


@dataclass
class ArticleContext(SpeakerParser):
    body: str
    lex: Lexicon
    mentions: Sequence[Mention] = ()
    outlet: str | None = None
    # lower-case words standing alone in the body (but after a speech verb: `ujar karta` is a name)
    words: frozenset[str] = frozenset()
    acronyms: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    runs: tuple[tuple[Tok, ...], ...] = ()  # capitalised runs of the body, in order (names_read.py)
    speakers: list[Speaker] = field(default_factory=list)  # resolved speakers so far, in order
    capwords: frozenset[str] = frozenset()  # capitalised words standing alone in the body
    initials: dict[str, str] = field(default_factory=dict)  # `H` -> `seorang warga berinisial H`
    # nicknames given in an epithet (`Pria … disapa X ini`)
    epithet_aliases: set[str] = field(default_factory=set)
    cursor: int = 0  # where the finder is reading (for pronouns before any named speaker)
    start: int = 0  # where the body starts after its dateline
    _org_memo: dict[str, list[str]] = field(default_factory=dict)
    _named: list[tuple[int, Speaker]] | None = None  # people named with a title, in order (for `dia`)
    _memo: dict[tuple, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # word sets of the lexicon that every parse asks about, built once per article rather than per call
        self._heads = frozenset(h.lower() for h in self.lex.cue("org_head") | self.lex.cue("org_head_final"))
        self._degrees = frozenset(r.rstrip(".") for r, k in self.lex.roles.items() if k == "degree")
        self._read_initials()
        self._read_acronyms()
        self.start = dateline_end(self.body)
        self._read_words()
        self._read_aliases()

    def _read_initials(self) -> None:
        """`Seorang warga berinisial H (32)`: a person known only by initials keeps the article's
        descriptor."""
        for m in _initial_re().finditer(self.body):
            desc = self._initial_descriptor(m.start())
            if desc and m.group(2) not in self.initials:
                d = " ".join(desc + [m.group("cue"), m.group(2)])
                self.initials[m.group(2)] = d[:1].lower() + d[1:]

    def _initial_descriptor(self, at: int) -> list[str]:
        """Up to three lower-case words before `berinisial` at `at` (a quantifier ends them)."""
        before = tokens(self.body[max(0, at - 60) : at])
        desc: list[str] = []
        for t in reversed(before):
            low = t.text.lower()
            if (
                not t.text[:1].isalpha()
                or (t.cap and low not in self.lex.quantifiers)
                or low in self.lex.cue("stop")
                or low in word_set("descriptor_stop")
            ):
                break
            desc.insert(0, t.text)
            if len(desc) >= 3 or low in self.lex.quantifiers:
                break
        return desc

    def _read_acronyms(self) -> None:
        for m in ACRONYM_RE.finditer(self.body):
            if m.group(1) in self.acronyms:
                continue  # the first definition stands
            long = self._expand_acronym(m.group(1), m.start())
            if long:
                self.acronyms[m.group(1)] = long + " (" + m.group(1) + ")"

    def _run_openers(self) -> set[str]:
        """Capitalised words that open no name (`Menurut`, `Ia`, `Kemarin`)."""
        lex = self.lex
        return (
            lex.cue("connector")
            | lex.cue("according")
            | lex.cue("via_before")
            | lex.cue("stop")
            | lex.cue("adverb")
            | set(lex.pre)
            | lex.post
            | lex.pronouns
            | lex.quantifiers
        )

    def _read_words(self) -> None:
        """The body's lower-case and capitalised words and its capitalised runs, read once (names_read.py)."""
        bw = read_body(self.body, self.start, self._run_openers(), self.lex.post)
        self.words, self.capwords, self.runs = bw.lower, bw.capitalised, bw.runs

    def _read_aliases(self) -> None:
        """Short names the body gives a holder: in brackets, `akrab disapa X`, `X alias Y`; a name met without
        its honorific too."""
        for m in PAREN_ALIAS_RE.finditer(self.body):
            _, rest = self.strip_roles(m.group(1).split())
            if len(rest) >= 2:
                self.aliases[m.group(2).strip()] = " ".join(rest)
        for m in _alias_re().finditer(self.body):
            self._called(m)
        for m in _reverse_alias_re().finditer(self.body):
            if m.group(1) not in self.aliases:
                self.aliases[m.group(1)] = m.group(2).strip()
        for alias, holder in list(self.aliases.items()):
            # `Gus Epul` is also met as `Epul` once the honorific is set aside
            _, rest = self.strip_roles(alias.split())
            if rest and " ".join(rest) != alias:
                self.aliases.setdefault(" ".join(rest), holder)

    def _called(self, m: re.Match[str]) -> None:
        """`… akrab disapa X`: X is the alias of the subject before, or an epithet's nickname."""
        alias = " ".join(x.text for x in tokens(m.group(1)) if x.cap)
        if not alias or alias in self.aliases:
            return  # the first holder stands (`setdefault`): no need to look for another
        holder = self._subject_before(m.start())
        after = self.body[m.end() : m.end() + 12].split()
        if after and after[0].lower() in self.lex.cue("demonstrative"):
            # `Pria yang akrab disapa Yoyok ini …`: the nickname of the person spoken of before, not of `Pria`
            self.epithet_aliases.add(alias)
            return
        if alias and holder and alias != holder:
            self.aliases.setdefault(alias, holder)

    # -- article scans -------------------------------------------------------------------------------
    def _expand_acronym(self, acr: str, paren: int) -> str | None:
        """`Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)`: words before the bracket whose initials
        spell the acronym, then any capitalised words before them (`Kementerian Energi … (ESDM)`)."""
        letters = [c.lower() for c in acr if c.isupper()]
        if len(letters) < 2:
            return None  # `(Persero)`, `(Mensos)`: not an acronym to spell out
        w0 = max(0, paren - 300)
        # the common way out first: the word right before the bracket is no word (`…) (ABC)`). The last token
        # of the window is the last token after its last space (no token holds a space), so read only those.
        e = paren
        while e > w0 and self.body[e - 1].isspace():
            e -= 1
        sp = max(self.body.rfind(" ", w0, e), self.body.rfind("\n", w0, e), self.body.rfind("\t", w0, e))
        if sp >= 0:
            tail = tokens_in(self.body, sp + 1, e)
            last = tail[-1].text if tail else ""
            if last and last.lower() not in word_set("acronym_joiner") and not last[:1].isalpha():
                return None
        before = tokens(self.body[w0:paren], w0)
        i = len(before) - 1
        k = len(letters) - 1
        first = None
        while i >= 0 and k >= 0:
            t = before[i].text
            if t.lower() in word_set("acronym_joiner"):
                i -= 1
                continue
            if not t[:1].isalpha():
                return None
            if t[0].lower() == letters[k]:
                first = i
                k -= 1
                i -= 1
                continue
            if t[:1].isupper() and k == len(letters) - 1:
                return None
            if t.lower() in self.lex.roles or t[:1].islower():
                return None
            i -= 1
        if first is None or k >= 0:
            return None
        j = first
        while (
            j - 1 >= 0
            and before[j - 1].cap
            and before[j - 1].text.lower() not in self.lex.roles
            and not self._sentence_start(before[j - 1].start)
            and not is_acronym(before[j - 1].text)
        ):
            j -= 1
        return self.body[before[j].start : before[-1].end]

    def opening_common(self, pos: int, word: str) -> bool:
        """A common word capitalised only because it opens a sentence at `pos` (`Kunjungan Putin terjadi`):
        no part of a name."""
        return self._sentence_start(pos) and common_word(word)

    def _sentence_start(self, pos: int) -> bool:
        k = pos - 1
        while k >= 0 and self.body[k] in " \t":
            k -= 1
        return k < 0 or self.body[k] in '\n.!?"”:'

    def _subject_before(self, pos: int) -> str | None:
        a = max(self.start, pos - 200)
        toks = tokens(self.body[a:pos], a)
        run: list[Tok] = []
        for t in reversed(toks):
            if t.cap and t.text[0].isalpha():
                run.insert(0, t)
            elif run:
                break
        if not run:
            return None
        sp = self.parse(" ".join(t.text for t in run), register=False)
        return sp.name

    # -- names ---------------------------------------------------------------------------------------
    def split_glue(self, word: str) -> list[str]:
        """`JaksaKPK` -> `Jaksa KPK`, `JakartaMenteri` -> `Jakarta Menteri`: two words a scraper glued
        together (a title or a word the body has on its own, then a capitalised word)."""
        m = GLUE_RE.fullmatch(word)
        if not m:
            return [word]
        a, b = m.group(1), m.group(2)
        b_head = re.match(r"[A-Z][a-z]+", b)
        if (
            a.lower() in self.lex.roles
            or is_acronym(b)
            or (a in self.capwords and b in self.capwords)
            or (b_head is not None and b_head.group(0).lower() in self.lex.roles)
        ):
            return [a] + self.split_glue(b)
        return [word]

    def unglue(self, word: str) -> str:
        """`Yusufbakal` -> `Yusuf` (a scraper glued the next word on) when the tail is a word of the body."""
        if not word[:1].isupper() or len(word) < 7 or not word[1:].islower():
            return word
        for i in range(3, len(word) - 3):
            if word[i:] in self.words and len(word) - i >= 4:
                return word[:i]
        return word

    def standalone(self, seq: list[str], nxt: str) -> bool:
        """Does this capitalised sequence stand elsewhere in the body without `nxt` after it?"""
        key = ("standalone", tuple(seq), nxt)
        if key not in self._memo:
            self._memo[key] = self._standalone(seq, nxt)
        return bool(self._memo[key])

    def _standalone(self, seq: list[str], nxt: str) -> bool:
        n = len(seq)
        low = [s for s in seq]
        for run in self.runs:
            texts = [t.text for t in run]
            for i in range(len(texts) - n + 1):
                if texts[i : i + n] == low and (i + n >= len(texts) or texts[i + n] != nxt):
                    return True
        return False

    def named_alone(self, seq: list[str], prev: str) -> bool:
        """Does the body give this name (two words or more) elsewhere without `prev` before it?"""
        key = ("named_alone", tuple(seq), prev)
        if key not in self._memo:
            self._memo[key] = self._named_alone(seq, prev)
        return bool(self._memo[key])

    def _named_alone(self, seq: list[str], prev: str) -> bool:
        n = len(seq)
        if n < 2:
            return False
        for run in self.runs:
            texts = [t.text for t in run]
            for i in range(len(texts) - n + 1):
                if texts[i : i + n] == seq and (i == 0 or texts[i - 1] != prev):
                    return True
        return False

    def _leading_roles(self, toks: list[str]) -> int:
        """How many leading words of `toks` are titles, roles, lower-case descriptions or scope acronyms."""
        i = 0
        lex = self.lex
        while i < len(toks):
            matched = 0
            for n in range(min(lex.role_max_words, len(toks) - i), 0, -1):
                if " ".join(toks[i : i + n]).lower() in lex.roles:
                    matched = n
                    break
            if matched:
                i += matched
                continue
            t = toks[i]
            # an acronym before a name is a scope (`Menteri ESDM Basir`); before nothing but acronyms it is
            # the organisation itself (`PHRI DIY`)
            if (
                t[:1].islower()
                or not t[:1].isalpha()
                or (is_acronym(t) and any(x[:1].isupper() and not is_acronym(x) for x in toks[i + 1 :]))
            ):
                i += 1
                continue
            break
        return i

    def _inner_title_end(self, rest: list[str]) -> int:
        """A rank, degree or short title inside the phrase stands right before the name (`Ps Kasubdit Gakkum
        Ditlantas Polda Lampung Kompol Yosef Wardana`): where the name after the last such title starts, else
        0."""
        lex = self.lex
        for k in range(len(rest) - 2, -1, -1):
            n = 0
            for w in range(min(lex.role_max_words, len(rest) - 1 - k), 0, -1):
                key = " ".join(rest[k : k + w]).lower()
                if lex.roles.get(key) in ("rank", "degree", "honorific") or key in lex.role_abbrev:
                    n = w
                    break
            if n and all(
                t[:1].isupper() and not is_acronym(t) and t.lower() not in lex.roles for t in rest[k + n :]
            ):
                return k + n
        return 0

    def strip_roles(self, toks: list[str]) -> tuple[list[str], list[str]]:
        """Leading titles, roles, lower-case descriptions and acronyms -> (role words, the rest)."""
        i = self._leading_roles(toks)
        role, rest = list(toks[:i]), toks[i:]
        k = self._inner_title_end(rest)
        if k:
            role.extend(rest[:k])
            rest = rest[k:]
        lex = self.lex
        # scope words after the title (`Presiden Rusia Vladimir Putin`, `Kadishub Jakarta Darwin Lubisono`)
        if role and len(rest) >= 3 and rest[0].lower() in lex.cue("org_head"):
            role.append(rest[0])
            rest = rest[1:]
        if role and len(rest) >= 3:
            # the scope of the title (`Gubernur Jawa Barat Dedi Mulyadi`): words the body has on their own, a
            # place the entity mentions name, or a name the body gives without them
            locs = {m.text for m in self.mentions if m.label == "LOC"}
            for k in range(len(rest) - 2, 0, -1):
                if (
                    self.standalone(rest[:k], rest[k])
                    or " ".join(rest[:k]) in locs
                    or self.named_alone(rest[k:], rest[k - 1])
                ):
                    role.extend(rest[:k])
                    rest = rest[k:]
                    break
        # trailing degrees (`…, SIK, MH`)
        while rest and rest[-1].lower().rstrip(".") in self._degrees:
            rest = rest[:-1]
        return role, rest

    def full_name(self, name: str) -> str:
        """A surname, first name or alias -> the fullest form of that person in the article."""
        if name in self.aliases:
            return self.aliases[name]
        if name in self.epithet_aliases:
            return self.last().name or name
        parts = name.split()
        for sp in reversed(self.speakers):
            if sp.name and sp.type == "person" and all(p in sp.name.split() for p in parts):
                return sp.name
        if len(parts) == 1 and not is_acronym(name):
            key = ("full_name", name)
            if key not in self._memo:
                self._memo[key] = self._full_from_runs(name)
            return self._memo[key]  # type: ignore[return-value]
        return name

    def _full_from_runs(self, name: str) -> str:
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        titled: set[str] = set()
        for run in self.runs:
            texts = [self.unglue(t.text) for t in run]
            # a common word capitalised at a sentence start is no part of a name (`Kunjungan Putin`): one
            # the body writes in lower case, or, first in a sentence, one the language does
            opening = True
            while len(texts) > 1 and texts[0].lower() not in self.lex.roles and (
                texts[0].lower() in self.words or (opening and self.opening_common(run[0].start, texts[0]))
            ):
                texts, opening = texts[1:], False
            if name in texts and len(texts) > 1:
                role, rest = self.strip_roles(texts)
                if name in rest and 1 < len(rest) <= 4:
                    key = " ".join(rest)
                    counts[key] = counts.get(key, 0) + 1
                    first.setdefault(key, run[0].start)
                    if role:
                        titled.add(key)
        if counts:
            # a name introduced with a title (`Pemimpin Korea Utara Kim Jong Un`) is the person's full name;
            # an untitled run may be two names side by side (`Kim Jong Un Moskow`)
            return max(counts, key=lambda k: (k in titled, counts[k], -first[k]))
        return name

    def holder(self, role: str) -> str | None:
        """The named holder of a bare title (`Menlu`, `jaksa`, `hakim`), wherever the article names one; a
        bare `hakim` is the presiding judge (`ketua majelis Darma Wija`, `majelis hakim yang diketuai …`)."""
        key = ("holder", role)
        if key not in self._memo:
            self._memo[key] = self._holder_any(role)
        return self._memo[key]  # type: ignore[return-value]

    def _holder_any(self, role: str) -> str | None:
        if word_set("judge") & set(role.lower().split()) or role.lower() in word_set("judge_panel"):
            for cue in sorted(self.lex.cue("presiding"), key=len, reverse=True):
                h = self._holder(cue)
                if h:
                    return h
        return self._holder(role)

    def _holder(self, role: str) -> str | None:
        """The person the body names right after `role` (`Jaksa KPK, Wahyu Sunarwanto`), else before it."""
        pat = re.compile(r"(?<![\w-])" + re.escape(role).replace(r"\ ", r"\s+"), re.IGNORECASE)
        for m in pat.finditer(self.body):
            nxt = self.body[m.end() : m.end() + 1]
            if nxt and (nxt.islower() or nxt.isdigit() or nxt in "-_"):
                continue  # part of a longer word (`JaksaKPK`, glued by a scraper, is still the title)
            toks = tokens(self.body[m.end() : m.end() + 120], m.end())[:12]
            lead, words = self._name_after_title([m.group(0)], toks)
            if words:
                _, rest = self.strip_roles(lead + words)
                if len(rest) >= 2:
                    return " ".join(rest)
        return self._holder_before(role)

    def _name_after_title(self, lead: list[str], toks: Sequence[Tok]) -> tuple[list[str], list[str]]:
        """(the title's words, the capitalised words after them) read from `toks`: brackets are skipped, one
        comma may follow the title or its acronyms, a glued word ends the name."""
        words: list[str] = []
        comma = False
        for t in toks:
            if t.text in "()":
                if words:
                    break
                continue
            if t.text == ",":
                if words and all(is_acronym(w) for w in words) and not comma:
                    lead.extend(words)
                    words = []
                    comma = True
                    continue
                if not words and not comma:
                    comma = True
                    continue
                break
            if t.cap and t.text[0].isalpha():
                words.append(self.unglue(t.text))
                if words[-1] != t.text:
                    break
                continue
            if not words and t.text.lower() in self.lex.roles:
                lead.append(t.text)
                continue
            break
        return lead, words

    def _holder_before(self, role: str) -> str | None:
        """`Ujang Rahmat hadir menjadi saksi meringankan`: the holder named before the role."""
        back = re.compile(
            rf"(?<![\w-])(?:{alt('role_copula')})\s+"
            + re.escape(role).replace(r"\ ", r"\s+")
            + r"(?![\w-])",
            re.IGNORECASE,
        )
        for m in back.finditer(self.body):
            a = max(0, m.start() - 150)
            seg = self.body[a : m.start()]
            cut = max(seg.rfind("."), seg.rfind("\n"), seg.rfind('"'))
            toks = tokens(seg[cut + 1 :], a + cut + 1)
            run: list[str] = []
            for t in reversed(toks):
                if t.cap and t.text[0].isalpha():
                    run.insert(0, t.text)
                elif run:
                    break
            if run:
                _, rest = self.strip_roles(run)
                rest = [x for x in rest if not is_acronym(x)]
                if 2 <= len(rest) <= 4:
                    return " ".join(rest)
        return None

    def org_candidates(self, name: str) -> list[str]:
        """Longer forms of an organisation's short name the body gives: `PT PLN (Persero)` for `PLN`."""
        if name in self._org_memo:
            return self._org_memo[name]
        forms = sorted(self.lex.cue("legal_form"), key=len, reverse=True)
        pre = re.compile(
            r"(?i:{})\.?[ \t]+$".format("|".join(re.escape(f) for f in forms if f[:1].isalpha()))
        )
        post = re.compile(r"[ \t]*(?i:{})(?![\w-])".format("|".join(re.escape(f) for f in forms)))
        out: list[str] = []
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", self.body):
            a, b = m.start(), m.end()
            pm = pre.search(self.body[max(0, a - 12) : a])
            if pm:
                a = max(0, a - 12) + pm.start()
                if a > 0 and (self.body[a - 1].isalnum()):
                    a = m.start()
            qm = post.match(self.body, b)
            if qm:
                b = qm.end()
            if (a, b) != m.span():
                out.append(self.body[a:b])
            if len(out) >= 20:
                break
        self._org_memo[name] = out
        return out

    def org_form(self, name: str) -> str:
        """An organisation in its fullest form: the acronym the article defines is spelled out
        (`PHRI DIY` -> `Perhimpunan Hotel dan Restoran Indonesia (PHRI) DIY`), a short name takes the company
        form the body gives it (`PLN` -> `PT PLN (Persero)`)."""
        toks = name.split()
        if "(" in name:
            return name
        for long in self.acronyms.values():
            if long.rsplit(" (", 1)[0] in name:
                return name  # spelled out already
        for i, t in enumerate(toks):
            if t in self.acronyms:
                return " ".join(toks[:i] + [self.acronyms[t]] + toks[i + 1 :])
        if len(toks) <= 3:
            longer = self.org_candidates(name)
            if longer:
                return max(longer, key=len)
        return name
