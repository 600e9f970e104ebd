"""Speakers: from the words of an attribution to a canonical name, role, type and medium.

Works without NER: names are runs of capitalised words, roles come from `roles.tsv`, unnamed sources from
`anonymous.tsv`. Entity mentions, where given, are preferred. Within one article a surname, a first name, a
title alone or a pronoun resolves to the person named in full before (or, for a title, anywhere).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..records import Mention
from .lexicon import Lexicon

TOKEN_RE = re.compile(r"[^\W_](?:[\w'’.\-]*[^\W_])?|\S")
ACRONYM_RE = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
ALIAS_RE = re.compile(r"(?:yang\s+(?:akrab|karib|biasa)\s+(?:disapa|dipanggil|disebut)|alias)\s+"
                      r"((?:[A-Z][\w'’\-]*\s*){1,4})")
PAREN_ALIAS_RE = re.compile(r"((?:[A-Z][\w'’\-]*\s+){1,3}[A-Z][\w'’\-]*)\s*\(((?:[A-Z][a-z][\w'’\-]*\s*){1,3})\)")
CONNECT = {"dan", ",", "&", "untuk", "of", "the", "and", "kepada", "dari"}


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

    def __post_init__(self) -> None:
        toks = tokens(self.body)
        self.words = {t.text for t in toks if t.text.islower()}
        for m in ACRONYM_RE.finditer(self.body):
            long = self._expand_acronym(m.group(1), m.start())
            if long and m.group(1) not in self.acronyms:
                self.acronyms[m.group(1)] = long + " (" + m.group(1) + ")"
        run: list[Tok] = []
        known = (self.lex.cue("connector") | self.lex.cue("according") | self.lex.cue("via_before") |
                 self.lex.cue("stop") | self.lex.cue("adverb") | set(self.lex.pre) | self.lex.post |
                 self.lex.pronouns | self.lex.quantifiers)
        for t in toks:
            if t.cap and t.text[0].isalpha() and not (not run and t.text.lower() in known):
                run.append(t)
            else:
                if run:
                    self.runs.append(run)
                run = []
        if run:
            self.runs.append(run)
        for m in PAREN_ALIAS_RE.finditer(self.body):
            _, rest = self.strip_roles(m.group(1).split())
            if len(rest) >= 2:
                self.aliases[m.group(2).strip()] = " ".join(rest)
        for m in ALIAS_RE.finditer(self.body):
            alias = " ".join(x.text for x in tokens(m.group(1)) if x.cap)
            holder = self._subject_before(m.start())
            if alias and holder:
                self.aliases[alias] = holder

    # -- article scans -------------------------------------------------------------------------------
    def _expand_acronym(self, acr: str, paren: int) -> str | None:
        """`Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)`: words before the bracket whose initials
        spell the acronym, then any capitalised words before them (`Kementerian Energi … (ESDM)`)."""
        before = tokens(self.body[max(0, paren - 300):paren], max(0, paren - 300))
        letters = [c.lower() for c in acr if c.isupper()] or [acr[0].lower()]
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
        toks = tokens(self.body[max(0, pos - 200):pos], max(0, pos - 200))
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
        n = len(seq)
        low = [s for s in seq]
        for run in self.runs:
            texts = [t.text for t in run]
            for i in range(len(texts) - n + 1):
                if texts[i:i + n] == low and (i + n >= len(texts) or texts[i + n] != nxt):
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
            if t[:1].islower() or not t[:1].isalpha() or (is_acronym(t) and i + 1 < len(toks)):
                role.append(t)
                i += 1
                continue
            break
        rest = toks[i:]
        # scope words after the title (`Presiden Rusia Vladimir Putin`, `Kadishub Jakarta Syafrin Liputo`)
        if role and len(rest) >= 3 and rest[0].lower() in lex.cue("org_head"):
            role.append(rest[0])
            rest = rest[1:]
        if role and len(rest) >= 3:
            for k in range(len(rest) - 2, 0, -1):
                if self.standalone(rest[:k], rest[k]):
                    role.extend(rest[:k])
                    rest = rest[k:]
                    break
        # trailing degrees (`…, SIK, MH`)
        while rest and rest[-1].lower().rstrip(".") in {r.rstrip(".") for r, k in lex.roles.items() if k == "degree"}:
            rest = rest[:-1]
        return role, rest

    def full_name(self, name: str) -> str:
        """A surname, first name or alias -> the fullest form of that person in the article."""
        if name in self.aliases:
            return self.aliases[name]
        parts = name.split()
        for sp in reversed(self.speakers):
            if sp.name and sp.type == "person" and all(p in sp.name.split() for p in parts):
                return sp.name
        for m in self.mentions:
            if m.label == "PERSON" and all(p in m.canonical.split() for p in parts) and m.canonical != name:
                return m.canonical
        if len(parts) == 1 and not is_acronym(name):
            counts: dict[str, int] = {}
            first: dict[str, int] = {}
            for run in self.runs:
                texts = [self.unglue(t.text) for t in run]
                if name in texts and len(texts) > 1:
                    _, rest = self.strip_roles(texts)
                    if name in rest and 1 < len(rest) <= 4:
                        key = " ".join(rest)
                        counts[key] = counts.get(key, 0) + 1
                        first.setdefault(key, run[0].start)
            if counts:
                return max(counts, key=lambda k: (counts[k], -first[k]))
        return name

    def holder(self, role: str) -> str | None:
        """The named holder of a bare title (`Menlu`, `jaksa`, `hakim`), wherever the article names one."""
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
        return None

    def org_form(self, name: str) -> str:
        """An organisation in its fullest form: acronyms the article defines are spelled out."""
        toks = name.split()
        out = []
        for t in toks:
            if t in self.acronyms and not name.endswith("(" + t + ")"):
                out.append(self.acronyms[t])
            else:
                out.append(t)
        return " ".join(out)

    # -- a speaker phrase ----------------------------------------------------------------------------
    def parse(self, phrase: str, register: bool = True, start: int | None = None) -> Speaker:
        sp = self._parse(phrase.strip(" ,.:;"), start)
        if register and sp.name and sp.type in ("person", "organisation"):
            self.speakers.append(sp)
        return sp

    def last(self) -> Speaker:
        for sp in reversed(self.speakers):
            if sp.type == "person":
                return Speaker(sp.name, sp.role, sp.type)
        if self.speakers:
            sp = self.speakers[-1]
            return Speaker(sp.name, sp.role, sp.type, sp.anonymous)
        return Speaker(None)

    def _mention_in(self, start: int | None, phrase: str) -> Mention | None:
        if start is None:
            return None
        end = start + len(phrase)
        best = None
        for m in self.mentions:
            if m.start >= start and m.end <= end + 1 and m.label in ("PERSON", "ORG"):
                if best is None or (m.label == "PERSON" and best.label != "PERSON"):
                    best = m
        return best

    def _parse(self, phrase: str, start: int | None) -> Speaker:
        lex = self.lex
        if not phrase:
            return Speaker(None)
        low = phrase.lower()
        if low in lex.pronouns or low in lex.post_nya:
            return self.last()
        if phrase in self.aliases:
            return Speaker(self.aliases[phrase], None, "person")
        m = self._mention_in(start, phrase)
        if m is not None:
            return Speaker(m.canonical, m.role, "person" if m.label == "PERSON" else "organisation")
        toks = [t.text for t in tokens(phrase)]
        # apposition: `Carl Schuster, mantan direktur …` / `Jaksa KPK, Wawan Yunarwanto`
        chunks = [c.strip() for c in phrase.split(",") if c.strip()]
        if len(chunks) > 1:
            a = self._parse(chunks[0], None)
            if a.role and chunks[1][:1].isupper():
                b = self._parse(chunks[1], None)
                if b.type == "person" and not b.role and b.name:
                    return Speaker(b.name, chunks[0], "person")
            if a.type == "person" and a.name and a.name[:1].isupper() and not a.role:
                return Speaker(a.name, chunks[1], "person")
            b = self._parse(chunks[1], None)
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
                return Speaker(holder, phrase, "person")
            if len(named) < 2 or words[0] in lex.quantifiers:
                return Speaker(phrase[:1].lower() + phrase[1:], None, "anonymous", True)
        role, rest = self.strip_roles([self.unglue(t) if t[:1].isupper() else t for t in toks])
        rest = [t for t in rest if t not in "()"]
        # the name is a run of capitalised words: the last one when the phrase ends in it, else the first
        runs: list[list[str]] = [[]]
        for t in rest:
            if t[:1].isupper() and not is_acronym(t):
                runs[-1].append(t)
            else:
                runs.append([])
        runs = [r for r in runs if r]
        if len(runs) > 1 and not any(t.lower() in lex.cue("org_head") for t in rest):
            pick = runs[-1] if rest[-1][:1].isupper() and not is_acronym(rest[-1]) else runs[0]
            k = rest.index(pick[0])
            role = role + rest[:k]
            rest = pick
        role_s = " ".join(role) or None
        if not rest:
            # a bare title: the named holder of it
            key = phrase.strip()
            h = self.holder(key) or (self.holder(role[0]) if role else None)
            if h:
                return Speaker(self.full_name(h), role_s, "person")
            return Speaker(phrase[:1].lower() + phrase[1:] if phrase[:1].isupper() and
                           phrase.lower() in lex.roles else phrase, None, "anonymous", True)
        name = " ".join(rest)
        if any(t.lower() in lex.cue("org_head") for t in rest) or (len(rest) == 1 and is_acronym(rest[0])):
            return Speaker(self.org_form(name), role_s, "organisation")
        if role and len(role) == 1 and role[0].lower() in lex.cue("org_head"):
            return Speaker(self.org_form(phrase), None, "organisation")
        if len(rest) <= 2:
            name = self.full_name(name)
        return Speaker(name, role_s, "person")


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
    for x in toks:
        if x[:1].isupper() or x[:1].isdigit() or (keep and x.lower() in {"of", "the"}):
            keep.append(x)
        else:
            break
    if not keep:
        return None
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
        if a and b and (a.startswith(b) or b.startswith(a) or a[:6] == b[:6]):
            return None
    return m
