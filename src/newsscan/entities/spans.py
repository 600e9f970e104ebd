"""A mention's edges and label, from the words of the name and around it (`data/entity_words.tsv`).

Indonesian names are capitalised; the NER's spans are not always so disciplined. These functions work on
(start, end) offsets into the body:

- `trim_lower(body, start, end)`: a lower-case word at either edge is no part of a name (`Budi Santoso
  dituntut` -> `Budi Santoso`, `kantor KPK` -> `KPK`); a lower-case word inside a name ends it unless it is a
  particle (`Kementerian Hukum dan HAM`, `Bank of Tokyo`).
- `head_label(text)`: the label a head word gives (`Jalan`, `Desa`, `RS` -> LOC; `PT`, `Polda`, `Pengadilan`
  -> ORG); a name that is a head word alone (`Polda`, `RS`) is no name.
- `extend_to_head(body, start, end, taken)`: a place written right after capitalised words that begin with a
  head word is part of that name (`Bursa Efek Indonesia`, `Pengadilan Negeri Bandung`): the mention grows to
  the whole name (and past a number or `Tbk` after it), and no place of its own is left inside it (gold
  CONVENTIONS: no nesting inside names).
- `strip_generic(body, start, end)`: a capitalised common noun before a place is not part of it
  (`Pemerintah Indonesia` -> `Indonesia`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .. import morphology
from ..tables import Folders, cache_per_folders, load_toml, table
from .lexicon import roles

_TOKEN = re.compile(r"\S+")
_EDGE_PUNCT = "\"'“”‘’«»()[]{},.;:!?"
_ROMAN = re.compile(r"^(?:[IVX]+|\d+[A-Za-z]?)$")


@dataclass(frozen=True, slots=True)
class NameWords:
    heads: dict[tuple[str, ...], str]  # head phrase (case-folded words) -> label ("" for a head of no name)
    tails: dict[str, str]  # last word (case-folded) -> label
    particles: frozenset[str]  # lower-case words that may stand inside a name
    generic: frozenset[tuple[str, ...]]  # capitalised common nouns before a place
    place_before: frozenset[str]  # prepositions of place
    admin: frozenset[str]  # heads of administrative units (case-folded)
    joiners: frozenset[str] = frozenset()  # skipped when initials spell an abbreviation (`dan`, `of`)
    coordinators: frozenset[str] = frozenset()  # join two names or two fields of a title (`dan`)
    title_scope: frozenset[str] = frozenset()  # lower-case words of a title's scope (`luar negeri`)


@cache_per_folders
def name_words(folders: Folders) -> NameWords:
    rows = table('entity_words.tsv', folders)
    heads: dict[tuple[str, ...], str] = {}
    tails: dict[str, str] = {}
    particles: set[str] = set()
    generic: set[tuple[str, ...]] = set()
    place_before: set[str] = set()
    admin: set[str] = set()
    more: dict[str, set[str]] = {"joiner": set(), "coordinator": set(), "title_scope": set()}
    for r in rows:
        words = tuple(r["word"].casefold().split())
        if r["kind"] == "admin":
            admin.add(words[0])
        if r["kind"] in ("head", "admin", "none"):
            heads[words] = r["label"] if r["kind"] != "none" else ""
        elif r["kind"] == "tail":
            tails[words[-1]] = r["label"]
        elif r["kind"] == "particle":
            particles.add(words[0])
        elif r["kind"] == "place_before":
            place_before.add(words[0])
        elif r["kind"] in more:
            more[r["kind"]].add(words[0])
        else:
            generic.add(words)
    return NameWords(heads, tails, frozenset(particles), frozenset(generic), frozenset(place_before),
                     frozenset(admin), frozenset(more["joiner"]), frozenset(more["coordinator"]),
                     frozenset(more["title_scope"]))


def and_word() -> re.Pattern[str]:
    """` dan HAM`: a conjunction, then one capitalised word that no other capitalised word follows."""
    alt = "|".join(re.escape(c) for c in sorted(name_words().coordinators))
    return re.compile(rf" (?:{alt}) ([A-Z][\w-]*)(?![\w-]| [A-Z])")


@cache_per_folders
def outlet_names(folders: Folders) -> frozenset[str]:
    """Outlet names and sources as written in `outlets.toml` (case-folded): `detikcom` is a name though
    written in lower case."""
    try:
        data = load_toml("outlets.toml", folders)
    except FileNotFoundError:
        return frozenset()
    out: set[str] = set()
    for entry in data.get("outlet", []):
        out.add(str(entry.get("name", "")).casefold())
        out.update(str(s).casefold() for s in entry.get("sources", []))
    return frozenset(o for o in out if o)


common_word = morphology.common_word  # one table, read by entities and quotes alike


def _words(body: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(body[start:end])]


def _is_name_word(word: str) -> bool:
    """Capitalised, a number or a Roman numeral (`Komisi VI`, `RS PTPN 2`), or an abbreviation."""
    w = word.strip(_EDGE_PUNCT)
    return bool(w) and (w[:1].isupper() or w[:1].isdigit() or bool(_ROMAN.match(w)) or w[:1] in "&'")


def trim_lower(body: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) without lower-case words at the edges, cut before the first lower-case word inside
    that is not a particle; (start, start) when no name word is left. A mention that is an outlet's own
    lower-case name (`detikcom`) stays."""
    if body[start:end].casefold() in outlet_names():
        return start, end
    particles = name_words().particles
    words = _words(body, start, end)
    while words and not _is_name_word(body[words[0][0]:words[0][1]]):
        words.pop(0)
    kept: list[tuple[int, int]] = []
    for s, e in words:
        w = body[s:e]
        if not _is_name_word(w) and w.strip(_EDGE_PUNCT).casefold() not in particles:
            break
        kept.append((s, e))
    if kept and len(kept) == len(words) and body[kept[-1][0]:kept[-1][1]].casefold() in particles:
        # `Kementerian Hukum dan` + `HAM`: the name goes on
        nxt = _words(body, end, min(len(body), end + 40))[:1]
        if nxt and body[end:nxt[0][0]] == " " and _is_name_word(body[nxt[0][0]:nxt[0][1]]):
            word = body[nxt[0][0]:nxt[0][1]].rstrip(_EDGE_PUNCT)
            if word and word[:1].isalnum():
                kept.append((nxt[0][0], nxt[0][0] + len(word)))
    while kept and not _is_name_word(body[kept[-1][0]:kept[-1][1]]):
        kept.pop()
    if not kept:
        return start, start
    return kept[0][0], kept[-1][1]


def _match_head(words: Sequence[str]) -> tuple[int, str]:
    """(number of words, label) of the longest head phrase at the start of `words`, (0, "") for none."""
    heads = name_words().heads
    best = (0, "")
    for n in range(1, min(3, len(words)) + 1):
        label = heads.get(tuple(w.casefold().strip(_EDGE_PUNCT) for w in words[:n]))
        if label is not None:
            best = (n, label)
    return best


def head_label(text: str) -> str | None:
    """The label the name's head (first words) or tail (`Tbk`, `Institute`) gives; None when neither does,
    "" when the head says it names no entity (`UU Pers`: a law)."""
    words = text.split()
    n, label = _match_head(words)
    if n:
        return label
    if len(words) > 1:
        return name_words().tails.get(words[-1].casefold().strip(_EDGE_PUNCT))
    return None


def admin_head(text: str) -> bool:
    """The name opens with the head of an administrative unit (`Kabupaten Maju`)."""
    words = text.split()
    return len(words) > 1 and words[0].casefold() in name_words().admin


def is_bare_head(text: str) -> bool:
    """A head word alone (`Polda`, `RS`, `Jalan`, `Kedutaan Besar`) names nothing."""
    words = text.split()
    return bool(words) and _match_head(words)[0] == len(words)


def extend_to_head(body: str, start: int, end: int, taken: Sequence[tuple[int, int]],
                   is_role: Callable[[str], bool] = lambda w: False) -> tuple[int, int, str]:
    """(start, end, label) of the name a mention sits in: it grows left over up to four capitalised words on
    the same line when the leftmost begins with a head word (`Bursa Efek` + `Indonesia`), and then right over
    a number, Roman numeral or legal-form tail (`Komisi Daerah` + `Jawa` + `II`).
    A title word (`is_role`: `Gubernur`) ends the walk: `Dewan Gubernur Senior` + `Bank Indonesia` is a role
    before a name. Unchanged, with label "", when no head word stands before it."""
    line_start = body.rfind("\n", 0, start) + 1
    before = _words(body, max(line_start, start - 80), start)
    cand: list[tuple[int, int]] = []
    for s, e in reversed(before):
        w = body[s:e]
        if (w != w.strip(_EDGE_PUNCT) or not _is_name_word(w) or any(a < e and s < b for a, b in taken)
                or len(cand) == 4 or is_role(w)):
            break
        if cand and body[e:cand[0][0]] != " ":
            break
        if not cand and body[e:start] != " ":
            break
        cand.insert(0, (s, e))
    for i in range(len(cand)):
        n, label = _match_head([body[s:e] for s, e in cand[i:]])
        if n and label:
            new_start = cand[i][0]
            return new_start, _extend_right(body, end, taken), label
    return start, end, ""


def _extend_right(body: str, end: int, taken: Sequence[tuple[int, int]]) -> int:
    """The end of the name past a number, Roman numeral or legal-form tail right after it (`Komisi` + `VI`,
    `Maju Jaya` + `Tbk`); other capitalised words may be the next name (`Ikatan Advokat Indonesia Budi
    ...`)."""
    line_end = body.find("\n", end)
    after = _words(body, end, line_end if line_end >= 0 else min(len(body), end + 80))
    tails = name_words().tails
    for s, e in after[:3]:
        w = body[s:e]
        word = w.rstrip(_EDGE_PUNCT)
        if (body[end:s] != " " or any(a < e and s < b for a, b in taken) or not word
                or not (_ROMAN.match(word) or word.casefold() in tails)):
            break
        end = s + len(word)
        if word != w:
            break
    return end


def strip_generic(body: str, start: int, end: int) -> int:
    """The start of the name once a leading capitalised common noun (`Pemerintah`, `Warga`) is set aside."""
    words = _words(body, start, end)
    generic = name_words().generic
    for n in (2, 1):
        if len(words) > n and tuple(body[s:e].casefold() for s, e in words[:n]) in generic:
            return words[n][0]
    return start


def generic_before(body: str, start: int) -> bool:
    """Whether the word right before `start` is a generic noun (`Pemerintah [Indonesia]`)."""
    words = _words(body, max(0, start - 30), start)
    return bool(words) and (body[words[-1][0]:words[-1][1]].casefold(),) in name_words().generic


def after_place_word(body: str, start: int) -> bool:
    """The word right before `start` is a preposition of place (`di`, `ke`), on the same line."""
    line_start = body.rfind("\n", 0, start) + 1
    words = body[max(line_start, start - 20):start].split()
    return bool(words) and body[:start].endswith(" ") and words[-1] in name_words().place_before


_NUMERAL_AFTER = re.compile(r" (?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XI?V|XVI{0,3})(?![\w-])")


def numeral_after(body: str, end: int) -> int:
    """The end of a name past a Roman numeral right after it (`Komisi` + `VI`, `Sumatera Selatan` + `II`)."""
    m = _NUMERAL_AFTER.match(body, end)
    return m.end() if m else end


_LEGAL_PAREN = re.compile(r" \(([A-Z][a-z]+)\)(?: ([A-Z][A-Za-z]+))?")


def legal_form_after(body: str, end: int) -> int:
    """The end of a company name past a legal form in parentheses and after it (`PT Bank Maju` + ` (Persero)
    Tbk`): both are tail words (`data/entity_words.tsv`)."""
    m = _LEGAL_PAREN.match(body, end)
    tails = name_words().tails
    if not m or tails.get(m.group(1).casefold()) != "ORG":
        return end
    if m.group(2) and tails.get(m.group(2).casefold()) == "ORG":
        return m.end()
    return m.end(1) + 1


_WORD_BEFORE = re.compile(r"([A-Z][\w&.-]*) $")


def name_before_tail(body: str, start: int, end: int) -> int:
    """The start of a company name the NER cut short before its last words (`Contoh Holdings` + `Group Inc`,
    `ABCD` + `Bank Ltd`): a name closing on an organisation's tail word (`data/entity_words.tsv`) takes in
    the capitalised words written right before it, up to a word the language writes in lower case, a
    title or head word, or a sentence end."""
    words = body[start:end].split()
    if len(words) > 2 or name_words().tails.get(words[-1].casefold()) != "ORG":
        return start
    s = start
    for _ in range(4):
        m = _WORD_BEFORE.search(body, max(0, s - 40), s)
        if (
            not m
            or common_word(m.group(1))
            or head_label(m.group(1)) is not None
            or (m.group(1).casefold().rstrip("."),) in roles()
        ):
            break
        before = body[max(0, m.start() - 2):m.start()]
        if before and not before.endswith(" ") or before[:1] in ".!?\n":
            break  # the word opens a sentence or a paragraph: it may be no part of the name
        s = m.start()
    return s


def is_bare_tail(text: str) -> bool:
    """A legal form alone (`Persero`, `Tbk`) names nothing."""
    return " " not in text and text.casefold() in name_words().tails
