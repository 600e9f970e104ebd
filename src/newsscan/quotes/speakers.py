"""Speakers: from the words of an attribution to a canonical name, role, type and medium.

Works without NER: names are runs of capitalised words, roles come from `roles.tsv`, unnamed sources from
`anonymous.tsv`. Entity mentions, where given, only type a speaker (a LOC or ORG speaking is an organisation)
and mark a place in front of a name as the title's scope; they never rename a speaker. Within one article a surname, a first name, a
title alone or a pronoun resolves to the person named in full before (or, for a title, anywhere).
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..records import Mention
from .lexicon import Lexicon

TOKEN_RE = re.compile(r"[^\W_](?:[\w'’.\-]*[^\W_])?|\S")
ACRONYM_RE = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
ALIAS_RE = re.compile(r"(?:(?:yang|atau)\s+(?:(?:akrab|karib|biasa)\s+)?(?:disapa|dipanggil|disebut)|"
                      r"(?:akrab|karib|biasa)\s+(?:disapa|dipanggil)|alias)\s+"
                      r"((?:[A-Z][\w'’\-]*[ \t]*){1,4})")
# `Tomi, demikian Suryopratomo disapa`: the nickname first, then the name it stands for
REVERSE_ALIAS_RE = re.compile(r"(?<![\w-])([A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,2}),[ \t]*demikian[ \t]+"
                              r"((?:[A-Z][\w'’\-]*[ \t]*){1,4}?)[ \t]*(?:(?:akrab|biasa)[ \t]+)?(?:disapa|dipanggil)")
INITIAL_RE = re.compile(r"berinisial\s+([A-Z]{1,4})\b")
GLUE_RE = re.compile(r"([A-Z][a-z]{2,})([A-Z][\w'’\-]*)")
PAREN_ALIAS_RE = re.compile(r"((?:[A-Z][\w'’\-]*\s+){1,3}[A-Z][\w'’\-]*)\s*\(((?:[A-Z][a-z][\w'’\-]*\s*){1,3})\)")
CONNECT = {"dan", ",", "&", "untuk", "of", "the", "and", "kepada", "dari"}


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
    """`tokens(body[a:b], a)[:limit]`, reading only the tokens it returns (no slice, no tokenising the rest)."""
    it = TOKEN_RE.finditer(body, a, b)
    if limit is not None:
        it = itertools.islice(it, limit)
    return [Tok(m.start(), m.end(), m.group(0)) for m in it]


def is_acronym(t: str) -> bool:
    letters = [c for c in t if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1 and t[:1].isupper()


@dataclass
class Speaker:
    name: str | None
    role: str | None = None
    type: str = "unknown"  # person | organisation | anonymous | document | unknown
    anonymous: bool = False


@dataclass
class ArticleContext:
    body: str
    lex: Lexicon
    mentions: Sequence[Mention] = ()
    outlet: str | None = None
    words: set[str] = field(default_factory=set)      # lower-case words standing alone in the body
    acronyms: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    runs: list[list[Tok]] = field(default_factory=list)  # capitalised runs of the body, in order
    speakers: list[Speaker] = field(default_factory=list)  # resolved speakers so far, in order
    capwords: set[str] = field(default_factory=set)    # capitalised words standing alone in the body
    initials: dict[str, str] = field(default_factory=dict)  # `H` -> `seorang warga berinisial H`
    epithet_aliases: set[str] = field(default_factory=set)  # nicknames given in an epithet (`Pria … disapa X ini`)
    cursor: int = 0  # where the finder is reading (for pronouns before any named speaker)
    start: int = 0  # where the body starts after its dateline
    _org_memo: dict[str, list[str]] = field(default_factory=dict)
    _named: list[tuple[int, Speaker]] | None = None  # people named with a title, in order (for `dia`)
    _memo: dict[tuple, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # word sets of the lexicon that every parse asks about, built once per article rather than per call
        self._heads = frozenset(h.lower() for h in self.lex.cue("org_head") | self.lex.cue("org_head_final"))
        self._degrees = frozenset(r.rstrip(".") for r, k in self.lex.roles.items() if k == "degree")
        for m in INITIAL_RE.finditer(self.body):
            # `Seorang warga berinisial H (32)`: a person known only by initials keeps the article's descriptor
            before = tokens(self.body[max(0, m.start() - 60):m.start()])
            desc: list[str] = []
            for t in reversed(before):
                low = t.text.lower()
                if not t.text[:1].isalpha() or (t.cap and low not in self.lex.quantifiers) or \
                        low in self.lex.cue("stop") or low in ("oleh", "yang", "dan", "bernama", "adalah", "dari"):
                    break
                desc.insert(0, t.text)
                if len(desc) >= 3 or low in self.lex.quantifiers:
                    break
            if desc and m.group(1) not in self.initials:
                d = " ".join(desc + ["berinisial", m.group(1)])
                self.initials[m.group(1)] = d[:1].lower() + d[1:]
        for m in ACRONYM_RE.finditer(self.body):
            if m.group(1) in self.acronyms:
                continue  # the first definition stands
            long = self._expand_acronym(m.group(1), m.start())
            if long:
                self.acronyms[m.group(1)] = long + " (" + m.group(1) + ")"
        self.start = dateline_end(self.body)
        run: list[Tok] = []
        known = (self.lex.cue("connector") | self.lex.cue("according") | self.lex.cue("via_before") |
                 self.lex.cue("stop") | self.lex.cue("adverb") | set(self.lex.pre) | self.lex.post |
                 self.lex.pronouns | self.lex.quantifiers)
        # one pass over the body's tokens, keeping only what is needed (no list of every token of a long body):
        # the lower-case and capitalised words, and the capitalised runs after the dateline
        words, capwords, runs, start = self.words, self.capwords, self.runs, self.start
        for m in TOKEN_RE.finditer(self.body):
            text = m.group(0)
            cap = text[:1].isupper()
            if cap:
                capwords.add(text)
            elif text.islower():
                words.add(text)
            if m.start() < start:
                continue
            if run and ("\n" in self.body[run[-1].end:m.start()] or "\r" in self.body[run[-1].end:m.start()]):
                runs.append(run)  # a name does not run over a line break
                run = []
            if cap and text[0].isalpha() and not (not run and text.lower() in known):
                run.append(Tok(m.start(), m.end(), text))
            else:
                if run:
                    runs.append(run)
                    run = []
        if run:
            runs.append(run)
        for m in PAREN_ALIAS_RE.finditer(self.body):
            _, rest = self.strip_roles(m.group(1).split())
            if len(rest) >= 2:
                self.aliases[m.group(2).strip()] = " ".join(rest)
        for m in ALIAS_RE.finditer(self.body):
            alias = " ".join(x.text for x in tokens(m.group(1)) if x.cap)
            if not alias or alias in self.aliases:
                continue  # the first holder stands (`setdefault`): no need to look for another
            holder = self._subject_before(m.start())
            after = self.body[m.end():m.end() + 12].split()
            if after and after[0].lower() in self.lex.cue("demonstrative"):
                # `Pria yang akrab disapa Tomi ini …`: the nickname of the person spoken of before, not of `Pria`
                self.epithet_aliases.add(alias)
                continue
            if alias and holder and alias != holder:
                self.aliases.setdefault(alias, holder)
        for m in REVERSE_ALIAS_RE.finditer(self.body):
            if m.group(1) not in self.aliases:
                self.aliases[m.group(1)] = m.group(2).strip()
        for alias, holder in list(self.aliases.items()):
            # `Gus Ipul` is also met as `Ipul` once the honorific is set aside
            _, rest = self.strip_roles(alias.split())
            if rest and " ".join(rest) != alias:
                self.aliases.setdefault(" ".join(rest), holder)

    # -- article scans -------------------------------------------------------------------------------
    def _expand_acronym(self, acr: str, paren: int) -> str | None:
        """`Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)`: words before the bracket whose initials
        spell the acronym, then any capitalised words before them (`Kementerian Energi … (ESDM)`)."""
        letters = [c.lower() for c in acr if c.isupper()]
        if len(letters) < 2:
            return None  # `(Persero)`, `(Mensos)`: not an acronym to spell out
        w0 = max(0, paren - 300)
        # the common way out first: the word right before the bracket is no word (`…) (ABC)`). The last token of
        # the window is the last token after its last space (no token holds a space), so read only those.
        e = paren
        while e > w0 and self.body[e - 1].isspace():
            e -= 1
        sp = max(self.body.rfind(" ", w0, e), self.body.rfind("\n", w0, e), self.body.rfind("\t", w0, e))
        if sp >= 0:
            tail = tokens_in(self.body, sp + 1, e)
            if tail and tail[-1].text.lower() not in CONNECT and not tail[-1].text[:1].isalpha():
                return None
        before = tokens(self.body[w0:paren], w0)
        i = len(before) - 1
        k = len(letters) - 1
        first = None
        while i >= 0 and k >= 0:
            t = before[i].text
            if t.lower() in CONNECT:
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
        while j - 1 >= 0 and before[j - 1].cap and before[j - 1].text.lower() not in self.lex.roles \
                and not self._sentence_start(before[j - 1].start) and not is_acronym(before[j - 1].text):
            j -= 1
        return self.body[before[j].start:before[-1].end]

    def _sentence_start(self, pos: int) -> bool:
        k = pos - 1
        while k >= 0 and self.body[k] in " \t":
            k -= 1
        return k < 0 or self.body[k] in "\n.!?\"”:"

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
        """`JaksaKPK` -> `Jaksa KPK`, `JakartaMenteri` -> `Jakarta Menteri`: two words a scraper glued together
        (a title or a word the body has on its own, then a capitalised word)."""
        m = GLUE_RE.fullmatch(word)
        if not m:
            return [word]
        a, b = m.group(1), m.group(2)
        b_head = re.match(r"[A-Z][a-z]+", b)
        if a.lower() in self.lex.roles or is_acronym(b) or (a in self.capwords and b in self.capwords) or \
                (b_head is not None and b_head.group(0).lower() in self.lex.roles):
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
                if texts[i:i + n] == low and (i + n >= len(texts) or texts[i + n] != nxt):
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
                if texts[i:i + n] == seq and (i == 0 or texts[i - 1] != prev):
                    return True
        return False

    def strip_roles(self, toks: list[str]) -> tuple[list[str], list[str]]:
        """Leading titles, roles, lower-case descriptions and acronyms -> (role words, the rest)."""
        role: list[str] = []
        i = 0
        lex = self.lex
        while i < len(toks):
            matched = 0
            for n in range(min(lex.role_max_words, len(toks) - i), 0, -1):
                if " ".join(toks[i:i + n]).lower() in lex.roles:
                    matched = n
                    break
            if matched:
                role.extend(toks[i:i + matched])
                i += matched
                continue
            t = toks[i]
            # an acronym before a name is a scope (`Menteri ESDM Bahlil`); before nothing but acronyms it is the
            # organisation itself (`PHRI DIY`)
            if t[:1].islower() or not t[:1].isalpha() or (is_acronym(t) and any(
                    x[:1].isupper() and not is_acronym(x) for x in toks[i + 1:])):
                role.append(t)
                i += 1
                continue
            break
        rest = toks[i:]
        # a rank, degree or short title inside the phrase stands right before the name
        # (`Ps Kasubdit Gakkum Ditlantas Polda Lampung Kompol Yerru Wandono`)
        if rest:
            for k in range(len(rest) - 2, -1, -1):
                n = 0
                for w in range(min(lex.role_max_words, len(rest) - 1 - k), 0, -1):
                    key = " ".join(rest[k:k + w]).lower()
                    if lex.roles.get(key) in ("rank", "degree", "honorific") or key in lex.role_abbrev:
                        n = w
                        break
                if n and all(t[:1].isupper() and not is_acronym(t) and t.lower() not in lex.roles
                             for t in rest[k + n:]):
                    role.extend(rest[:k + n])
                    rest = rest[k + n:]
                    break
        # scope words after the title (`Presiden Rusia Vladimir Putin`, `Kadishub Jakarta Syafrin Liputo`)
        if role and len(rest) >= 3 and rest[0].lower() in lex.cue("org_head"):
            role.append(rest[0])
            rest = rest[1:]
        if role and len(rest) >= 3:
            # the scope of the title (`Gubernur Jawa Barat Dedi Mulyadi`): words the body has on their own, a
            # place the entity mentions name, or a name the body gives without them
            locs = {m.text for m in self.mentions if m.label == "LOC"}
            for k in range(len(rest) - 2, 0, -1):
                if self.standalone(rest[:k], rest[k]) or " ".join(rest[:k]) in locs or \
                        self.named_alone(rest[k:], rest[k - 1]):
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
            # a common word capitalised at a sentence start is no part of a name (`Kunjungan Putin`)
            while len(texts) > 1 and texts[0].lower() in self.words and texts[0].lower() not in self.lex.roles:
                texts = texts[1:]
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
        """The named holder of a bare title (`Menlu`, `jaksa`, `hakim`), wherever the article names one; a bare
        `hakim` is the presiding judge (`ketua majelis Surya Jaya`, `majelis hakim yang diketuai …`)."""
        key = ("holder", role)
        if key not in self._memo:
            self._memo[key] = self._holder_any(role)
        return self._memo[key]  # type: ignore[return-value]

    def _holder_any(self, role: str) -> str | None:
        if "hakim" in role.lower().split() or role.lower() in ("majelis", "majelis hakim"):
            for cue in sorted(self.lex.cue("presiding"), key=len, reverse=True):
                h = self._holder(cue)
                if h:
                    return h
        return self._holder(role)

    def _holder(self, role: str) -> str | None:
        pat = re.compile(r"(?<![\w-])" + re.escape(role).replace(r"\ ", r"\s+"), re.IGNORECASE)
        for m in pat.finditer(self.body):
            nxt = self.body[m.end():m.end() + 1]
            if nxt and (nxt.islower() or nxt.isdigit() or nxt in "-_"):
                continue  # part of a longer word (`JaksaKPK`, glued by a scraper, is still the title)
            toks = tokens(self.body[m.end():m.end() + 120], m.end())[:12]
            words: list[str] = []
            lead = [m.group(0)]
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
            if words:
                _, rest = self.strip_roles(lead + words)
                if len(rest) >= 2:
                    return " ".join(rest)
        # `Cecep Hidayat hadir menjadi saksi meringankan`: the holder named before the role
        back = re.compile(r"(?<![\w-])(?:sebagai|menjadi|selaku)\s+" + re.escape(role).replace(r"\ ", r"\s+") +
                          r"(?![\w-])", re.IGNORECASE)
        for m in back.finditer(self.body):
            a = max(0, m.start() - 150)
            seg = self.body[a:m.start()]
            cut = max(seg.rfind("."), seg.rfind("\n"), seg.rfind("\""))
            toks = tokens(seg[cut + 1:], a + cut + 1)
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
        pre = re.compile(r"(?i:{})\.?[ \t]+$".format("|".join(re.escape(f) for f in forms if f[:1].isalpha())))
        post = re.compile(r"[ \t]*(?i:{})(?![\w-])".format("|".join(re.escape(f) for f in forms)))
        out: list[str] = []
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", self.body):
            a, b = m.start(), m.end()
            pm = pre.search(self.body[max(0, a - 12):a])
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
                return " ".join(toks[:i] + [self.acronyms[t]] + toks[i + 1:])
        if len(toks) <= 3:
            longer = self.org_candidates(name)
            if longer:
                return max(longer, key=len)
        return name

    # -- a speaker phrase ----------------------------------------------------------------------------
    def parse(self, phrase: str, register: bool = True, start: int | None = None) -> Speaker:
        sp = self._parse(phrase.strip(" ,.:;"), start)
        if register and sp.name and sp.type in ("person", "organisation"):
            self.speakers.append(sp)
        return sp

    def last(self, kind: str = "person") -> Speaker:
        for sp in reversed(self.speakers):
            if sp.type == kind:
                return Speaker(sp.name, sp.role, sp.type, sp.anonymous)
        if kind != "person":
            return Speaker(None)
        if self.speakers:
            sp = self.speakers[-1]
            return Speaker(sp.name, sp.role, sp.type, sp.anonymous)
        # no speaker yet: the last person the article has named with a title (`…, Kompol Yerru Wandono
        # mengonfirmasi insiden tersebut. Dia menyebut …`)
        if self._named is None:
            self._named = []
            heads = self._heads
            for run in self.runs:
                texts = [t.text for t in run]
                if len(texts) == 1 and texts[0] in self.initials:
                    self._named.append((run[0].start, Speaker(self.initials[texts[0]], None, "person", True)))
                    continue
                role, rest = self.strip_roles(texts)
                # named with a title, or as the subject of a sentence (`Oki Setiana Dewi mengaku …`)
                subject = self._sentence_start(run[0].start) and texts[0].lower() not in self.words and \
                    self.body[run[-1].end:run[-1].end + 2].strip()[:1].islower() or self._introduced_by_cue(run[0].start)
                if (role or subject) and 2 <= len(rest) <= 4 and not any(t.lower() in heads for t in rest) \
                        and not any(is_acronym(t) for t in rest):
                    self._named.append((run[0].start, Speaker(" ".join(rest), " ".join(role) or None, "person")))
        k = bisect.bisect_left(self._named, self.cursor, key=lambda x: x[0]) - 1
        if k >= 0:
            sp = self._named[k][1]
            return Speaker(sp.name, sp.role, sp.type, sp.anonymous)
        return Speaker(None)

    def _introduced_by_cue(self, a: int) -> bool:
        """`seorang guru bernama Tanti Oktaria`, `yakni Tumpal Siahaan`: a word that introduces the name."""
        before = self.body[max(0, a - 12):a].split()
        return bool(before) and before[-1].lower() in self.lex.cue("introduces")

    def mention_type(self, name: str, start: int | None) -> str | None:
        """What the entity mentions say this name is: person (PERSON) or organisation (ORG, or a LOC: a country
        or a city speaking is its government). The mentions only type a speaker, never rename it."""
        if not self.mentions or not name:
            return None
        key = name.lower()
        votes: dict[str, int] = {}
        for m in self.mentions:
            near = start is not None and m.start < start + len(name) + 40 and m.end > start - 2
            if m.text.lower() == key or m.canonical.lower() == key or (near and key in m.text.lower()):
                t = "person" if m.label == "PERSON" else "organisation"
                votes[t] = votes.get(t, 0) + (2 if near else 1)
        if not votes:
            return None
        return max(votes, key=lambda t: votes[t])

    def _typed(self, sp: Speaker, start: int | None) -> Speaker:
        if sp.name and sp.type in ("person", "organisation") and not sp.anonymous:
            t = self.mention_type(sp.name, start)
            if t == "organisation" and sp.type == "person" and not sp.role:
                sp.type = "organisation"
        return sp

    def _anaphor(self, toks: list[str]) -> Speaker | None:
        """`Perempuan berhijab ini`, `Mensos itu`, `perusahaan tersebut`: an epithet that points back."""
        lex = self.lex
        if len(toks) < 2 or toks[-1].lower() not in lex.cue("demonstrative"):
            return None
        inner = toks[1:-1]
        if any(t[:1].isupper() and not is_acronym(t) and t.lower() not in lex.roles for t in inner):
            return None
        heads = self._heads
        if toks[0].lower() in heads:
            return self.last("organisation")
        if toks[0].lower() in ("hal", "informasi", "pernyataan", "kabar", "data", "kejadian", "peristiwa"):
            return Speaker(None)
        return self.last()

    def _group(self, phrase: str) -> Speaker | None:
        """`AS, Inggris, Korea Selatan, dan Jepang`, `militer Korea Selatan dan pemerintah Jepang`: several
        speakers at once, kept whole."""
        lex = self.lex
        parts = [x.strip() for x in re.split(r",\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+", phrase) if x.strip()]
        if len(parts) < 2 or not re.search(r"(?<![\w-])(?:dan|serta)\s", phrase):
            return None
        for part in parts:
            ws = part.split()
            if len(ws) > 4:
                return None
            first = ws[0]
            if first.lower() in lex.roles or first.lower() in lex.pronouns:
                return None
            if first[:1].isupper():
                continue
            if first.lower() in lex.anon_heads and len(ws) > 1 and ws[1][:1].isupper():
                continue
            return None
        return Speaker(phrase, None, "organisation")

    def _parse(self, phrase: str, start: int | None) -> Speaker:
        return self._typed(self._parse_words(phrase, start), start)

    def _parse_words(self, phrase: str, start: int | None) -> Speaker:
        lex = self.lex
        if not phrase:
            return Speaker(None)
        low = phrase.lower()
        if low in lex.pronouns or low in lex.post_nya:
            return self.last()
        if re.fullmatch(r"[a-z]{2,4}", low) and low not in self.words - {low} and \
                any(_one_edit(low, p) for p in lex.pronouns):
            return self.last()  # `ujar dja`: a typo of `dia`
        if phrase in self.epithet_aliases:
            return self.last()
        if phrase in self.aliases:
            target = self.aliases[phrase]
            heads = self._heads
            if any(w.lower() in heads for w in target.split()):
                full = f"{target} ({phrase})"
                return Speaker(full if full in self.body else self.org_form(target), None, "organisation")
            return Speaker(target, None, "person")
        if phrase in self.initials:
            return Speaker(self.initials[phrase], None, "person", True)
        if low.split()[0] in lex.cue("document_head"):
            # `UU KPK No 30 Tahun 2002 menyebutkan …`: a regulation speaks as a document, named in full
            return Speaker(phrase, None, "document")
        g = self._group(phrase)
        if g is not None:
            return g
        toks = [w for t in tokens(phrase) for w in self.split_glue(t.text)]
        an = self._anaphor(toks)
        if an is not None:
            return an
        # apposition: `Carl Schuster, mantan direktur …` / `Jaksa KPK, Wawan Yunarwanto`
        chunks = [c.strip() for c in phrase.split(",") if c.strip()]
        if len(chunks) > 1:
            a = self._parse_words(chunks[0], None)
            if a.role and chunks[1][:1].isupper():
                b = self._parse_words(chunks[1], None)
                # `Kapolres Maluku Tenggara, AKBP Frans Duma`: a rank or honorific stands before a person's name
                if b.type == "person" and b.name and (not b.role or all(
                        lex.roles.get(w.lower()) in ("rank", "degree", "honorific") for w in b.role.split())):
                    return Speaker(b.name, ", ".join(x for x in (chunks[0], b.role) if x), "person")
            if a.type == "person" and a.name and a.name[:1].isupper() and not a.role:
                return Speaker(a.name, chunks[1], "person")
            b = self._parse_words(chunks[1], None)
            if b.type == "person" and a.type in ("anonymous", "unknown", "organisation") and not b.role:
                return Speaker(b.name, chunks[0], "person")
            if a.type == "person" and a.name:
                return a
            if len(chunks) > 2 or a.type == "unknown":
                return b if b.name else a
            return a
        # unnamed sources: `seorang pejabat AS`, `para analis`, `analis lain`
        words = low.split()
        head2 = " ".join(words[:2])
        if words and (words[0] in lex.quantifiers or head2 in lex.quantifiers or
                      (phrase[:1].islower() and (words[0] in lex.anon_heads or head2 in lex.anon_heads))):
            named = [t for t in toks[1:] if t[:1].isupper() and not is_acronym(t)]
            holder = None
            if not named and words[0] in lex.roles and words[0] not in lex.quantifiers:
                holder = self.holder(words[0])
            if holder:
                return Speaker(self.full_name(holder), phrase, "person")
            if len(named) < 2 or words[0] in lex.quantifiers:
                return Speaker(phrase[:1].lower() + phrase[1:], None, "anonymous", True)
        role, rest = self.strip_roles([self.unglue(t) if t[:1].isupper() else t for t in toks])
        if ")" in rest and all(is_acronym(t) for t in rest[rest.index(")") + 1:]) and role and \
                not (rest[0] == "(" or is_acronym(rest[0])):
            # `Direktur Pengabdian kepada Masyarakat (DPKM) UGM`: a title and its office, no personal name
            h = self.holder(phrase)
            if h:
                return Speaker(self.full_name(h), phrase, "person")
            return Speaker(phrase, None, "anonymous", True)
        rest = [t for t in rest if t not in "()"]
        # `penasihat kebijakan luar negeri Putin`: a function described by its domain and the person it serves
        # is an unnamed source, not that person
        if phrase[:1].islower() and len(rest) == 1 and len(role) >= 3 and role[0].lower() in lex.roles and \
                all(w[:1].islower() and w.lower() not in lex.roles for w in role[-2:]):
            return Speaker(phrase, None, "anonymous", True)
        if rest and all(is_acronym(t) for t in rest):
            # `PHRI DIY`, `KPK`: an organisation by its short name
            if rest[0] in self.initials:
                return Speaker(self.initials[rest[0]], None, "person", True)
            name = " ".join(rest)
            return Speaker(self.org_form(name), " ".join(role) or None, "organisation")
        org = any(t.lower() in self._heads for t in rest)
        # the name is a run of capitalised words: the last one when the phrase ends in it, else the first
        runs: list[list[str]] = [[]]
        for t in rest:
            if t[:1].isupper() and not is_acronym(t):
                runs[-1].append(t)
            else:
                runs.append([])
        runs = [r for r in runs if r]
        if runs and not org:
            pick = runs[-1] if rest[-1][:1].isupper() and not is_acronym(rest[-1]) else runs[0]
            k = rest.index(pick[0])
            role = role + rest[:k]
            rest = pick
        role_s = " ".join(role) or None
        if not rest or not runs:
            # a bare title: the named holder of it
            key = phrase.strip()
            h = self.holder(key) or (self.holder(role[0]) if role else None)
            if h:
                return Speaker(self.full_name(h), role_s, "person")
            return Speaker(phrase[:1].lower() + phrase[1:] if phrase[:1].isupper() and
                           phrase.lower() in lex.roles else phrase, None, "anonymous", True)
        name = " ".join(rest)
        if org:
            heads = self._heads
            # `Kepala Pusat Penerangan Hukum Kejaksaan Agung Harli Siregar`, `Direktur Utama PT Pertamina
            # (Persero) Simon Aloysius Mantiri`: a title, its organisation, then the holder's name
            if role and any(lex.roles.get(w.lower()) == "title" for w in role):
                toks2 = [t for t in toks if t not in "()"]
                if ")" in toks:
                    tail = toks[len(toks) - 1 - toks[::-1].index(")") + 1:]
                else:
                    last_head = max(i for i, t in enumerate(toks2) if t.lower() in heads)
                    tail = toks2[last_head + 2:]
                if 2 <= len(tail) <= 4 and all(t[:1].isupper() and not is_acronym(t) and t.lower() not in heads
                                               for t in tail):
                    return Speaker(self.full_name(" ".join(tail)), " ".join(toks[:len(toks) - len(tail)]),
                                   "person")
            if "(" in phrase:
                k = phrase.find(rest[0])
                if k >= 0:
                    name = phrase[k:].strip()
            return Speaker(self.org_form(name), role_s, "organisation")
        if role and len(role) == 1 and role[0].lower() in self._heads:
            return Speaker(self.org_form(phrase), None, "organisation")
        if len(rest) == 1 and not role and self.org_candidates(name):
            return Speaker(self.org_form(name), None, "organisation")  # `Pertamina` -> `PT Pertamina (Persero)`
        if len(rest) <= 2:
            name = self.full_name(name)
        return Speaker(name, role_s, "person")


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one substitution (`dja`/`dia`)."""
    return len(a) == len(b) and a != b and sum(x != y for x, y in zip(a, b)) == 1


def clean_medium(ctx: ArticleContext, text: str) -> str | None:
    """`kantor berita Interfax` -> `Interfax`; None for addressees, own channels and the outlet itself."""
    lex = ctx.lex
    t = text.strip(" ,.;:")
    low = t.lower()
    for a in sorted(lex.cue("via_agency"), key=len, reverse=True):
        if low.startswith(a + " "):
            t = t[len(a):].strip()
            low = t.lower()
            break
    toks = [x.text for x in tokens(t)]
    keep: list[str] = []
    if toks and re.fullmatch(r"[\w-]+(?:\.[\w-]+)*\.(?:com|id|co|net|org|tv|news)", toks[0], re.IGNORECASE):
        toks = toks[:1]  # a site credited by its address (`ameks.id`)
        keep = toks[:]
    for x in toks[len(keep):]:
        if x[:1].isupper() or x[:1].isdigit() or (keep and x.lower() in {"of", "the"}):
            keep.append(x)
        else:
            break
    if not keep:
        return None
    if len(keep) >= 2 and is_acronym(keep[-1]) and not any(is_acronym(x) for x in keep[:-1]):
        keep = keep[-1:]  # `Korea Utara KCNA`: the agency by its name, without its country
    if len(keep) >= 3:
        for k in range(len(keep) - 1, 0, -1):
            if ctx.standalone(keep[:k], keep[k]):
                keep = keep[k:]
                break
    m = " ".join(keep)
    ml = m.lower()
    if ml in lex.cue("not_medium") or ml.split()[0] in lex.cue("channel") or ml in lex.cue("channel"):
        return None
    if ctx.outlet:
        def norm(s: str) -> str:
            return re.sub(r"[^a-z0-9]", "", re.sub(r"\.(com|co|id|net)\b", "", s.lower()))
        a, b = norm(m), norm(ctx.outlet)
        # the outlet, or its own site under a regional address (`Tribunkaltim.co` in a Tribunnews article)
        site = re.search(r"\.(?:com|co|id|net)\b", m.lower()) is not None
        if a and b and (a.startswith(b) or b.startswith(a) or (site and a[:6] == b[:6])):
            return None
    return m
