"""Reading a speaker phrase (`Menteri ESDM Basir Latuconsina`, `seorang pejabat AS`, `dia`, `KPK`) into a
`Speaker`: name, role, type. `SpeakerParser` is the part of `ArticleContext` that does it, one method per
shape
of phrase; the article scans it relies on (titles, holders, aliases, organisations) live in `speakers.py`."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .grammar_words import alt, word_set
from .tokens import is_acronym, tokens


@dataclass
class Speaker:
    name: str | None
    role: str | None = None
    type: str = "unknown"  # person | organisation | anonymous | document | unknown
    anonymous: bool = False


class SpeakerParser:
    """Parsing methods of `ArticleContext` (its fields and scans are declared there)."""

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
        # no speaker yet: the last person the article has named with a title (`…, Kompol Yosef Wardana
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
                # named with a title, or as the subject of a sentence (`Ayu Lestiana Dewi mengaku …`)
                subject = (
                    self._sentence_start(run[0].start)
                    and texts[0].lower() not in self.words
                    and self.body[run[-1].end : run[-1].end + 2].strip()[:1].islower()
                    or self._introduced_by_cue(run[0].start)
                )
                if (
                    (role or subject)
                    and 2 <= len(rest) <= 4
                    and not any(t.lower() in heads for t in rest)
                    and not any(is_acronym(t) for t in rest)
                ):
                    self._named.append(
                        (run[0].start, Speaker(" ".join(rest), " ".join(role) or None, "person"))
                    )
        k = bisect.bisect_left(self._named, self.cursor, key=lambda x: x[0]) - 1
        if k >= 0:
            sp = self._named[k][1]
            return Speaker(sp.name, sp.role, sp.type, sp.anonymous)
        return Speaker(None)

    def _introduced_by_cue(self, a: int) -> bool:
        """`seorang guru bernama Wulan Ramadhani`, `yakni Togar Sinaga`: a word that introduces the name."""
        before = self.body[max(0, a - 12) : a].split()
        return bool(before) and before[-1].lower() in self.lex.cue("introduces")

    def mention_type(self, name: str, start: int | None) -> str | None:
        """What the entity mentions say this name is: person (PERSON) or organisation (ORG, or a LOC: a
        country or a city speaking is its government). The mentions only type a speaker, never rename it."""
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
        if toks[0].lower() in word_set("not_a_speaker"):
            return Speaker(None)
        return self.last()

    def _group(self, phrase: str) -> Speaker | None:
        """`AS, Inggris, Korea Selatan, dan Jepang`, `militer Korea Selatan dan pemerintah Jepang`: several
        speakers at once, kept whole."""
        lex = self.lex
        co = alt("coordinator")
        parts = [x.strip() for x in re.split(rf",\s*(?:(?:{co})\s+)?|\s+(?:{co})\s+", phrase) if x.strip()]
        if len(parts) < 2 or not re.search(rf"(?<![\w-])(?:{co})\s", phrase):
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
        """The speaker a phrase names, tried shape by shape: a pronoun, an alias or initials, a document, a
        group, an epithet, an apposition, an unnamed source, then a title and a name."""
        if not phrase:
            return Speaker(None)
        sp = self._pointer(phrase)
        if sp is not None:
            return sp
        g = self._group(phrase)
        if g is not None:
            return g
        toks = [w for t in tokens(phrase) for w in self.split_glue(t.text)]
        an = self._anaphor(toks)
        if an is not None:
            return an
        chunks = [c.strip() for c in phrase.split(",") if c.strip()]
        if len(chunks) > 1:
            return self._apposition(chunks)
        sp = self._unnamed(phrase, toks)
        if sp is not None:
            return sp
        return self._titled(phrase, toks)

    def _pointer(self, phrase: str) -> Speaker | None:
        """A pronoun (or a typo of one), a nickname, initials, a regulation: what the phrase points to."""
        lex = self.lex
        low = phrase.lower()
        if low in lex.pronouns or low in lex.post_nya:
            return self.last()
        if (
            re.fullmatch(r"[a-z]{2,4}", low)
            and low not in self.words - {low}
            and any(_one_edit(low, p) for p in lex.pronouns)
        ):
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
        return None

    def _apposition(self, chunks: list[str]) -> Speaker:
        """`Carl Schuster, mantan direktur …` / `Jaksa KPK, Wahyu Sunarwanto`."""
        a = self._parse_words(chunks[0], None)
        if a.role and chunks[1][:1].isupper():
            b = self._parse_words(chunks[1], None)
            # `Kapolres Kepulauan Sula, AKBP Markus Lewa`: a rank or honorific stands before a person's name
            if b.type == "person" and b.name and self._personal(b.role):
                return Speaker(b.name, ", ".join(x for x in (chunks[0], b.role) if x), "person")
        if a.type == "person" and a.name and a.name[:1].isupper() and not a.role:
            return Speaker(a.name, chunks[1], "person")
        b = self._parse_words(chunks[1], None)
        if b.type == "person" and a.type in ("anonymous", "unknown", "organisation") and self._personal(
                b.role):
            # `Kanit Polsek Maju, AKP Darto`: a title the tables lack, then a ranked name
            return Speaker(b.name, ", ".join(x for x in (chunks[0], b.role) if x), "person")
        if a.type == "person" and a.name:
            return a
        if len(chunks) > 2 or a.type == "unknown":
            return b if b.name else a
        return a

    def _personal(self, role: str | None) -> bool:
        """No role, or only a rank, degree or honorific: words that stand before a person's name alone."""
        return not role or all(
            self.lex.roles.get(w.lower()) in ("rank", "degree", "honorific") for w in role.split()
        )

    def _unnamed(self, phrase: str, toks: list[str]) -> Speaker | None:
        """Unnamed sources: `seorang pejabat AS`, `para analis`, `analis lain`; a bare role with a named
        holder."""
        lex = self.lex
        words = phrase.lower().split()
        head2 = " ".join(words[:2])
        if not (
            words
            and (
                words[0] in lex.quantifiers
                or head2 in lex.quantifiers
                or (phrase[:1].islower() and (words[0] in lex.anon_heads or head2 in lex.anon_heads))
            )
        ):
            return None
        named = [t for t in toks[1:] if t[:1].isupper() and not is_acronym(t)]
        holder = None
        if not named and words[0] in lex.roles and words[0] not in lex.quantifiers:
            holder = self.holder(words[0])
        if holder:
            return Speaker(self.full_name(holder), phrase, "person")
        if len(named) < 2 or words[0] in lex.quantifiers:
            return Speaker(phrase[:1].lower() + phrase[1:], None, "anonymous", True)
        return None

    def _titled(self, phrase: str, toks: list[str]) -> Speaker:
        """Titles and roles, then a name or an organisation: `Menteri ESDM Basir Latuconsina`, `PHRI DIY`."""
        lex = self.lex
        role, rest = self.strip_roles([self.unglue(t) if t[:1].isupper() else t for t in toks])
        if (
            ")" in rest
            and all(is_acronym(t) for t in rest[rest.index(")") + 1 :])
            and role
            and not (rest[0] == "(" or is_acronym(rest[0]))
        ):
            # `Direktur Pengabdian kepada Masyarakat (DPKM) UGM`: a title and its office, no personal name
            h = self.holder(phrase)
            if h:
                return Speaker(self.full_name(h), phrase, "person")
            return Speaker(phrase, None, "anonymous", True)
        rest = [t for t in rest if t not in "()"]
        # `penasihat kebijakan luar negeri Putin`: a function described by its domain and the person it serves
        # is an unnamed source, not that person
        if (
            phrase[:1].islower()
            and len(rest) == 1
            and len(role) >= 3
            and role[0].lower() in lex.roles
            and all(w[:1].islower() and w.lower() not in lex.roles for w in role[-2:])
        ):
            return Speaker(phrase, None, "anonymous", True)
        if rest and all(is_acronym(t) for t in rest):
            # `PHRI DIY`, `KPK`: an organisation by its short name
            if rest[0] in self.initials:
                return Speaker(self.initials[rest[0]], None, "person", True)
            name = " ".join(rest)
            return Speaker(self.org_form(name), " ".join(role) or None, "organisation")
        org = any(t.lower() in self._heads for t in rest)
        runs = _capital_runs(rest)
        if runs and not org:
            # the name is a run of capitalised words: the last one when the phrase ends in it, else the first
            pick = runs[-1] if rest[-1][:1].isupper() and not is_acronym(rest[-1]) else runs[0]
            k = rest.index(pick[0])
            role = role + rest[:k]
            rest = pick
        role_s = " ".join(role) or None
        if not rest or not runs:
            return self._bare_title(phrase, role, role_s)
        if org:
            return self._organisation(phrase, toks, role, rest, role_s)
        name = " ".join(rest)
        if role and len(role) == 1 and role[0].lower() in self._heads:
            return Speaker(self.org_form(phrase), None, "organisation")
        if len(rest) == 1 and not role and self.org_candidates(name):
            # `Pertamina` -> `PT Pertamina (Persero)`
            return Speaker(self.org_form(name), None, "organisation")
        if len(rest) <= 2:
            name = self.full_name(name)
        return Speaker(name, role_s, "person")

    def _bare_title(self, phrase: str, role: list[str], role_s: str | None) -> Speaker:
        """A bare title: the named holder of it, else an unnamed source."""
        h = self.holder(phrase.strip()) or (self.holder(role[0]) if role else None)
        if h:
            return Speaker(self.full_name(h), role_s, "person")
        if phrase[:1].isupper() and phrase.lower() in self.lex.roles:
            return Speaker(phrase[:1].lower() + phrase[1:], None, "anonymous", True)
        return Speaker(phrase, None, "anonymous", True)

    def _organisation(
        self, phrase: str, toks: list[str], role: list[str], rest: list[str], role_s: str | None
    ) -> Speaker:
        """An organisation's name, or a title, its organisation and the holder's name after it
        (`Kepala Pusat Penerangan Hukum Kejaksaan Agung Harli Siregar`, `Direktur Utama PT Pertamina (Persero)
        Simon Aloysius Mantiri`)."""
        lex = self.lex
        heads = self._heads
        name = " ".join(rest)
        if role and any(lex.roles.get(w.lower()) == "title" for w in role):
            toks2 = [t for t in toks if t not in "()"]
            if ")" in toks:
                tail = toks[len(toks) - 1 - toks[::-1].index(")") + 1 :]
            else:
                last_head = max(i for i, t in enumerate(toks2) if t.lower() in heads)
                tail = toks2[last_head + 2 :]
            if 2 <= len(tail) <= 4 and all(
                t[:1].isupper() and not is_acronym(t) and t.lower() not in heads for t in tail
            ):
                return Speaker(
                    self.full_name(" ".join(tail)), " ".join(toks[: len(toks) - len(tail)]), "person"
                )
        if "(" in phrase:
            k = phrase.find(rest[0])
            if k >= 0:
                name = phrase[k:].strip()
        return Speaker(self.org_form(name), role_s, "organisation")


def _capital_runs(words: list[str]) -> list[list[str]]:
    """The runs of capitalised words (acronyms apart) among `words`, in order."""
    runs: list[list[str]] = [[]]
    for t in words:
        if t[:1].isupper() and not is_acronym(t):
            runs[-1].append(t)
        else:
            runs.append([])
    return [r for r in runs if r]


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one substitution (`dja`/`dia`)."""
    return len(a) == len(b) and a != b and sum(x != y for x, y in zip(a, b, strict=False)) == 1
