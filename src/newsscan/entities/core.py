"""Doc entities -> `Mention` records with one canonical name per entity of an article.

Plain functions over records and the body text, testable without the model:

- `mentions_from_doc(doc, skip)`: the NER/gazetteer entities as `Mention`s, trimmed to the name and labelled
  by their head word (`spans`); weekdays, months, site furniture and the stop list (`data/not_entities.tsv`)
  are never entities, nor is anything inside `skip` (`scope.out_of_scope`).
- `canonicalize(mentions, body)`: one canonical name per entity in the article (gold CONVENTIONS, "Entities"):
  titles and roles (`roles`) stripped into `role`; surnames, short forms, initials and clipped heads linked to
  the fullest name the article gives (`links`); abbreviations grouped through the article's own `Full Name
  (ABBR)` definitions and the alias table, under the article's fullest written form.
- `merge_corpus(per_article)` (`corpus`): canonical -> corpus-wide canonical (`Kim Jong-un` -> `Kim Jong Un`).

Linking a bare name part (`Kim`) follows newswire practice: after a full name is given, a part of it refers to
the most recently named holder; a part used before any full name that contains it (a well-known person, named
by the part alone) refers to the holder most often named by it, or stays as written when that is undecided,
and `merge_corpus` then resolves it to the corpus's dominant holder. People who share a part stay apart: a
name links only to a longer name containing all its words (`Lami Kim` never becomes `Kim Jong Un`).
"""
from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from ..records import Mention
from .defined import defined_names
from .lexicon import (
    _PUNCT_EDGES,
    _key,
    _tokens,
    alias_target,
    aliases,
    gazetteer_labels,
    headline_words,
    known_names,
    replacing_aliases,
    stoplist,
)
from .links import (
    link_clipped_names,
    link_initials,
    link_short_names,
    person_evidence,
    split_at_rank,
    split_merged_names,
)
from .nicknames import link_nicknames
from .roles import (
    _is_title_word,
    _match_known,
    _match_role,
    _post_cues,
    _rank_before,
    _role_kind,
    _speech_cue_before,
    role_before,
    split_role,
    strip_coordinated_fields,
    strip_unknown_titles,
    title_apposition,
)
from .scope import inside
from .spans import (
    after_place_word,
    and_word,
    common_word,
    extend_to_head,
    head_label,
    is_bare_head,
    is_bare_tail,
    legal_form_after,
    name_before_tail,
    numeral_after,
    strip_generic,
    trim_lower,
)
from .variants import link_name_variants

LABELS = ("PERSON", "ORG", "LOC")
_WORD = re.compile(r"\S+")
_SENT_END = re.compile(r"(?:^|[.!?…:\n]['\"”’)]?)\s*$")
_DEFINITION = re.compile(r"\.?\s*\(\s*([A-Z][A-Za-z0-9&.\-]{1,14})\s*\)")


# ---------------------------------------------------------------- Doc -> mentions


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets with punctuation and never-entity words (weekdays, months, furniture) cut off both ends."""
    never, _ = stoplist()
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in _PUNCT_EDGES:
            start, changed = start + 1, True
        while end > start and text[end - 1] in _PUNCT_EDGES and not _keeps_final_dot(text, start, end):
            end, changed = end - 1, True
        for phrase in never:
            n = len(phrase)
            head = text[start:start + n]
            if head.casefold() == phrase and (start + n == end or not text[start + n].isalnum()):
                start, changed = start + n, True
            tail = text[max(start, end - n):end]
            if end - n > start and tail.casefold() == phrase and not text[end - n - 1].isalnum():
                end, changed = end - n, True
    return start, end


def _keeps_final_dot(text: str, start: int, end: int) -> bool:
    """`Jr.`, `S.H.`, `Inc.`: a final dot that belongs to an abbreviation inside a name."""
    return text[end - 1] == "." and bool(re.search(r"(?:\b[A-Z][a-z]?|\.[A-Za-z])\.$", text[start:end]))


def at_sentence_start(body: str, start: int) -> bool:
    return bool(_SENT_END.search(body[max(0, start - 40):start]))


def mentions_from_doc(doc, skip: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """The Doc's PERSON/ORG/LOC entities as `Mention`s (canonical = the text for now), in text order.

    A mention is trimmed to the name (punctuation, calendar words and lower-case words at its edges; see
    `spans.trim_lower`) and takes the label its head word gives (`Jalan` -> LOC, `PT` -> ORG). Dropped: one
    inside `skip` (datelines, credits, related headlines: `scope.out_of_scope`), one that is only a weekday,
    month, site furniture or a common word of the stop list, a head word alone (`Polda`), a `sentence_start`
    word (`Antara`) or a word the article also writes in lower case (`Mayat`) at the start of a sentence. A
    place written after a head word (`Bursa Efek` + `Indonesia`) grows into the organisation's name.
    """
    text = doc.text
    pieces = []
    for ent in doc.ents:
        if ent.label_ in LABELS and not (skip and inside(skip, ent.start_char, ent.end_char)):
            source = "gazetteer" if ent.ent_id_.startswith("gazetteer") else "model"
            pieces.extend((s, e, ent.label_, source) for s, e in _cut_headline_words(ent))
    people = frozenset(ent.start_char for ent in doc.ents if ent.label_ == "PERSON")
    out = []
    for s, e, label, source in pieces:
        found = _clean(text, s, e, label, people)
        if found is not None:
            out.append(Mention(found[0], found[1], text[found[0]:found[1]], found[2], text[found[0]:found[1]],
                               None, source))
    return _grow_into_names(out, text)


def _cut_headline_words(ent) -> list[tuple[int, int]]:
    """The entity cut at a capitalised function word (title-case headline: `Kim Dari Korut`)."""
    cut_words = headline_words()
    s0, out = ent.start_char, []
    for w in _WORD.finditer(ent.text):
        if w.group() in cut_words:
            out.append((s0, ent.start_char + w.start()))
            s0 = ent.start_char + w.end()
    out.append((s0, ent.end_char))
    return out


def _clean(
    text: str, s: int, e: int, label: str, people: frozenset[int] = frozenset()
) -> tuple[int, int, str] | None:
    """(start, end, label) of the name in text[s:e], or None when it names nothing."""
    never, start_only = stoplist()
    s0 = s
    s, e = _trim(text, s, e)
    s, e = trim_lower(text, s, e)
    s, e = _trim(text, s, e)
    if s >= e:
        return None
    if label != "PERSON":
        e = numeral_after(text, e)
        slash = _SLASH_NAME.match(text, e)  # `Kodam IV` + `/Diponegoro`: one name
        e = legal_form_after(text, slash.end() if slash else e)
        e = _joined_part_after(text, s, e, people)
        s = name_before_tail(text, s, e)
    # `Teradu II Budi` -> `Budi` once `Teradu` is gone (and `I` too then: a Balinese name opens with `I`)
    after_stop = s != s0 or _word_before(text, s).casefold() in never  # `Teradu` + `I Budi`
    lead = (_LEADING_NUMERAL_ANY if after_stop else _LEADING_NUMERAL).match(text, s, e)
    if lead:
        s = lead.end()
    if _ONLY_NUMERAL.fullmatch(text, s, e):
        return None
    if label == "PERSON" and not after_stop:
        initial = _INITIAL_BEFORE.search(text, max(0, s - 4), s)  # `M. Budi Santoso`: the NER left out `M.`
        if initial and _word_before(text, initial.start()).casefold() not in never:
            s = initial.start()
    surface = text[s:e]
    if (
        len(surface) < 2
        or not any(c.isalpha() for c in surface)
        or is_bare_head(surface)
        or is_bare_tail(surface)
    ):
        return None
    folded = surface.casefold()
    if folded in never:
        return None
    if at_sentence_start(text, s):
        if (
            folded in start_only
            or _written_lower(text, surface)
            or (" " not in surface and common_word(surface))
        ):
            return None
        s = _skip_common_opener(text, s, e)
    generic_end = strip_generic(text, s, e)
    if generic_end != s:
        s, label = generic_end, "LOC" if gazetteer_labels().get(text[generic_end:e]) == "LOC" else label
    by_head = head_label(text[s:e])
    if by_head == "":
        return None
    if label == "PERSON" and " " not in text[s:e] and after_place_word(text, s):
        label = "LOC"  # `tiba di Canberra`: the NER's PERSON is a place after a preposition of place
    elif label == "PERSON" and any(head_label(w) == "ORG" for w in text[s:e].split()[1:]):
        label = "ORG"  # `Satgas Polda Maju`: a body's head word stands in no person's name
    return s, e, by_head or label


def _skip_common_opener(text: str, s: int, e: int) -> int:
    """A sentence's capitalised first word glued to a name (`Sontak Budi`, `Gaet Bank Maju`) is set aside
    when the language writes it in lower case and the article never capitalises it inside a sentence."""
    first = text[s:e].split(" ", 1)
    if len(first) < 2 or not common_word(first[0]) or head_label(first[0]) is not None:
        return s
    inside = re.compile(rf"(?<=[a-z,] ){re.escape(first[0])}(?![\w-])")
    return s if inside.search(text) else s + len(first[0]) + 1


_LEADING_NUMERAL = re.compile(r"(?:II|III|IV|VI{0,3}|IX|X{1,3}|\d+)\s+(?=[A-Z])")  # not `I`: `I Made Sudarta`
_LEADING_NUMERAL_ANY = re.compile(r"(?:[IVX]+|\d+)\s+(?=[A-Z])")
_SLASH_NAME = re.compile(r"/[A-Z][\w-]*(?![\w/])")
_ONLY_NUMERAL = re.compile(r"[IVXLC]+|\d+")
_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z]\.? $")


def _joined_part_after(text: str, s: int, e: int, people: frozenset[int]) -> int:
    """A body's name that goes on past `dan` (`Kementerian Hukum` + ` dan HAM`): one capitalised word that is
    no known place or body of its own, no person the NER found (`people`: their start offsets), and no name
    follows it."""
    m = and_word().match(text, e)
    if (not m or head_label(text[s:e]) != "ORG" or tuple(m.group(1).casefold().split()) in known_names()
            or m.start(1) in people):
        return e
    return m.end()


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 30):start].split()
    return words[-1] if words and text[:start].endswith(" ") else ""


def _written_lower(text: str, surface: str) -> bool:
    """A one-word mention the article also writes in lower case is a common word capitalised at a sentence
    start (`Mayat`, `Polisi`, `Sontak`), not a name."""
    if " " in surface or not surface[:1].isupper() or not surface[1:].islower():
        return False
    return re.search(rf"(?<![\w-]){re.escape(surface.lower())}(?![\w-])", text) is not None


def _grow_into_names(ms: list[Mention], text: str) -> list[Mention]:
    """A mention written right after a head word grows into that name (`Bursa Efek` + `Indonesia`, `Kedubes` +
    `Rusia`, `Universitas Jenderal` + `Sudirman`, a person the street or school is named after); the mentions
    it swallows go (no nesting inside names). A person's name grows only over a head word and at most one
    more word that no other mention holds."""
    people = [(m.start, m.end) for m in ms if m.label == "PERSON"]
    everyone = [(m.start, m.end) for m in ms]
    out = []
    for m in ms:
        taken = [t for t in everyone if t != (m.start, m.end)] if m.label == "PERSON" else people
        s, e, label = extend_to_head(text, m.start, m.end, taken, _is_title_word)
        too_far = m.label == "PERSON" and _person_stays(text, s, m.start)
        if label and (s, e) != (m.start, m.end) and not too_far:
            m = dataclasses.replace(m, start=s, end=e, text=text[s:e], canonical=text[s:e], label=label)
        out.append(m)
    out.sort(key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    for m in out:
        if kept and m.start < kept[-1].end and m.label != "PERSON":
            continue
        kept.append(m)
    return kept


def _person_stays(text: str, s: int, start: int) -> bool:
    """A person's name does not grow into a head word more than one word away (`Provinsi Bali Ni` + `Wayan
    Sari`) or one that ends a title (`Sekretaris Kabinet` + `Budi`, `Wali Kota Maju` + `Budi`)."""
    if len(text[s:start].split()) > 2:
        return True
    before = text[max(0, s - 30):s].split()[-2:]
    head = text[s:start].split()
    return bool(before) and (
        _is_title_word(before[-1])
        or any(_match_role(before[-k:] + head, 0) > k for k in range(1, len(before) + 1))
    )


# ---------------------------------------------------------------- canonicalisation


def canonicalize(mentions: Iterable[Mention], body: str) -> list[Mention]:
    """Mentions with their article-level canonical name, role and source, in text order.

    Persons: titles stripped into `role`, name variants (`Kim Jong-un`/`Kim Jong Un`) under the first full
    form, parts linked to the fullest name (see the module docstring). Organisations and places: aliases
    (`Korut` -> `Korea Utara`) and the article's `Full Name (ABBR)` definitions. A mention that is only a
    role (`Menlu`) is dropped. Each entity gets the label most of its mentions have.
    """
    known = _is_known
    ms = sorted(_strip_roles(_split_role_names(list(mentions), body), body), key=lambda m: (m.start, -m.end))
    ms = defined_names(body, ms)
    ms = _dedupe(sorted(ms + _people_after_cues(ms, body), key=lambda m: (m.start, -m.end)))
    ms = sorted(split_merged_names(ms, body, known), key=lambda m: (m.start, -m.end))
    ms = split_at_rank(ms, body, _rank_at)
    ms = strip_unknown_titles(person_evidence(ms, body, _rank_before, known, _person_cue_before), body)
    ms = strip_coordinated_fields(ms, body)
    ms = sorted(_link_abbreviations(ms, body), key=lambda m: m.start)
    ms = link_initials(link_clipped_names(link_short_names(ms)), body)
    ms = link_nicknames(link_name_variants(_link_people(ms)), body)
    return _vote_labels(ms, body)


def _rank_at(words: list[str], i: int) -> int:
    """The length of a rank (`Kolonel Inf`, `AKBP`) starting at words[i], 0 for none or where the word
    follows a head or title word (`Direktorat Jenderal`, `Sekretaris Jenderal`: a body or a title)."""
    n = _match_role(words, i)
    if not n or _role_kind(words[i:i + n]) != "rank":
        return 0
    prev = words[i - 1] if i else ""
    return 0 if prev and (head_label(prev) is not None or _is_title_word(prev)) else n


def _is_known(text: str) -> bool:
    """A place or body of the alias table or the gazetteer."""
    return alias_target(text) is not None or tuple(text.casefold().split()) in known_names()


def _strip_roles(mentions: Iterable[Mention], body: str) -> list[Mention]:
    out = []
    for m in mentions:
        if m.label != "PERSON":
            out.extend(_strip_role_from_body(m))
            continue
        role, name, offset = split_role(m.text)
        if role is not None and name:
            scope = _role_scope(name)  # `Direktur [Pemberitaan] Maju TV`: the role's body, not a person
            if scope is not None:
                if scope:
                    at = m.start + offset + name.index(scope)
                    out.append(
                        dataclasses.replace(
                            m,
                            start=at,
                            end=at + len(scope),
                            text=scope,
                            canonical=scope,
                            label=head_label(scope) or "ORG",
                        )
                    )
                continue
        if not name:
            continue  # a title alone is not a mention
        start = m.start + offset
        end = start + len(name)
        if role is None:
            role = role_before(body, m.start) or m.role
        else:
            before = role_before(body, m.start)
            role = f"{before} {role}" if before else role
        canonical = name if m.canonical == m.text else m.canonical
        out.append(dataclasses.replace(m, start=start, end=end, text=name, canonical=canonical, role=role))
    return out


def _role_scope(name: str) -> str | None:
    """After a title, words the language writes in lower case (`Pemberitaan`, `Modal`) are the title's
    scope, not a name: the body named after them (`Maju TV`), "" when none is left, None for a person's
    name."""
    words = name.split()
    i = 0
    while i < len(words) and common_word(words[i]) and head_label(words[i]) is None:
        i += 1
    if i == 0:
        return None
    rest = " ".join(words[i:])
    return "" if not rest or is_bare_head(rest) else rest


def _strip_role_from_body(m: Mention) -> list[Mention]:
    """An organisation or place mention that opens with title words (`Chairman Nusa Institute`, `Anggota
    DPRD Jawa Tengah`) is the name after them; a title alone (`Sekretaris Kabinet`) is no mention. After a
    rank, honorific or degree (`Pak`, `Kombes`, `Prof`) the name is a person's."""
    words = [w.group() for w in _WORD.finditer(m.text)]
    i = 0
    while m.source != "gazetteer" and i < len(words) and (n := _match_role(words, i)):
        i += n
    if i == 0:
        return [m]
    name = " ".join(words[i:])
    if not name or is_bare_head(name):
        return []
    start = m.start + m.text.index(words[i], sum(len(w) for w in words[:i]))
    rest = m.text[start - m.start:]
    # `Pak Budi Hartono`, `Prof Budi`: only a person is named after a rank, an honorific or a degree
    personal = _role_kind(words[:i]) in ("rank", "honorific", "degree") or _role_kind(words[:1]) in (
        "rank", "honorific", "degree")
    label = "PERSON" if personal and head_label(rest) is None else m.label
    return [dataclasses.replace(m, start=start, text=rest, canonical=rest, label=label)]


# a run starts at a word's start: tried inside a word too, it re-scanned a long word from each of its letters
_CAP_RUN = re.compile(r"(?<![\w'’])[A-Z][\w'’]*(?:-[\w'’]+)*(?:[ ]+[A-Z][\w'’]*(?:-[\w'’]+)*){1,3}")


def _people_after_cues(ms: list[Mention], body: str) -> list[Mention]:
    """Names the model missed where the grammar says a person stands: two to four capitalised words right
    after a role phrase (`Menteri Pertahanan Korea Selatan Shin Wonsik`) or a post-posed speech verb
    (`kata Lami Kim,`), not overlapping another mention and not a known place or body."""
    taken = sorted((m.start, m.end) for m in ms)
    starts = [a for a, _ in taken]
    reach = list(itertools.accumulate((b for _, b in taken), max))  # the furthest end among the first n
    cues = _post_cues()
    names = known_names()
    never = stoplist()[0]
    out = []
    for run in _CAP_RUN.finditer(body):
        s, e = run.span()
        n = bisect.bisect_left(starts, e)  # the mentions that start before the run ends
        if (n and reach[n - 1] > s) or tuple(run.group().casefold().split()) in names:
            continue
        prev = body[max(0, s - 30):s]
        word = prev.split()[-1].casefold() if prev.split() and prev.endswith(" ") else ""
        role = role_before(body, s)
        if not role and word not in cues:
            continue
        title, name, offset = split_role(run.group())  # `Kombes Pol` + `.`: a rank, no name
        if not name or (title is None and _match_role(run.group().split(), 0)) or name.casefold() in never:
            continue
        scope = _role_scope(name)  # `Direktur [Pemberitaan Garuda TV]`: the role's body, not a person
        if scope is not None:
            if scope:
                at = s + offset + name.index(scope)
                out.append(
                    Mention(at, at + len(scope), scope, head_label(scope) or "ORG", scope, None, "link")
                )
            continue
        body_head = next((head_label(w) for w in name.split() if head_label(w)), None)
        if body_head:  # `anggota [Satgas Polda Maju]`: a body's head word stands in no person's name
            out.append(Mention(s + offset, s + offset + len(name), name, body_head, name, None, "link"))
            continue
        out.append(Mention(s + offset, s + offset + len(name), name, "PERSON", name, role, "link"))
    return out


def _split_role_names(ms: list[Mention], body: str) -> list[Mention]:
    """An ORG/LOC mention that runs from a known body into a person's name after a role phrase
    (`Sekretaris Jenderal [NATO Jens Stoltenberg]`) becomes the body and the person."""
    out = []
    for m in ms:
        words = m.text.split()
        k = _match_known(words, 0) if m.label != "PERSON" else 0
        rest = words[k:]
        if (k and 1 < len(rest) <= 4 and all(w[:1].isupper() for w in rest) and role_before(body, m.start)
                and _match_known(rest, 0) == 0):
            cut = m.start + m.text.index(rest[0], len(" ".join(words[:k])))
            known = body[m.start:cut].rstrip()
            out.append(dataclasses.replace(m, end=m.start + len(known), text=known, canonical=known))
            out.append(Mention(cut, m.end, body[cut:m.end], "PERSON", body[cut:m.end], None, "link"))
        else:
            out.append(m)
    return out


def _dedupe(ms: list[Mention]) -> list[Mention]:
    """Drops mentions that overlap an earlier, longer one (model and gazetteer finding the same words)."""
    out: list[Mention] = []
    for m in ms:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def definitions(body: str, ms: Sequence[Mention]) -> dict[str, str]:
    """`Full Name (ABBR)` in the article -> {ABBR: full name}, where ABBR's letters follow the full name's
    (`Komisi Pemberantasan Korupsi (KPK)`, `Kementerian Luar Negeri (Kemlu)`)."""
    by_end = {m.end: m for m in ms if m.label in ("ORG", "LOC")}
    out: dict[str, str] = {}
    for match in _DEFINITION.finditer(body):
        full = by_end.get(match.start())
        abbr = match.group(1).rstrip(".")
        if full is None or len(full.text.split()) < 2 or abbr in out:
            continue
        if _abbreviates(abbr, full.canonical) or _ticker(abbr, full.canonical):
            out[abbr] = full.canonical
    return out


def _ticker(abbr: str, full: str) -> bool:
    """A company's stock code in parentheses after its legal name (`PT Bank Maju Tbk (BBMJ)`): capitals whose
    letters need not follow the name's, opening with the initial of one of its words."""
    return (abbr.isupper() and 3 <= len(abbr) <= 5 and head_label(full) == "ORG"
            and abbr[0] in {w[0] for w in full.split() if w[:1].isupper()})


def _abbreviates(abbr: str, full: str) -> bool:
    """ABBR's letters appear in order in the full name, starting with its first letter or, past a legal
    form or other head word (`PT`), with its second word's (`PT Bank Maju Nusantara (BMN)`)."""
    a, f = abbr.casefold(), full.casefold()
    if not a or not f:
        return False
    words = f.split()
    starts = [f] + ([f[f.index(words[1]):]] if len(words) > 2 and head_label(words[0]) else [])
    for tail in starts:
        if tail[0] != a[0]:
            continue
        i = 0
        for ch in tail:
            if i < len(a) and ch == a[i]:
                i += 1
        if i == len(a):
            return True
    return False


def _link_abbreviations(ms: list[Mention], body: str) -> list[Mention]:
    """Organisations and places linked through the article's `Full Name (ABBR)` definitions and the alias
    table. A definition gives the full name as canonical; the alias table only groups forms, and the group's
    canonical is the fullest form the article writes (the table's form only where the article writes it, or
    for a `replace` row: `RI` -> `Indonesia`). A known place or body taken for a person (`Korut`) is
    relabelled.
    """
    defs = definitions(body, ms)
    glabels = gazetteer_labels()
    written = {_key(m.text) for m in ms}
    people = {_key(m.text): m.canonical for m in ms if m.label == "PERSON"}
    groups: dict[str, list[int]] = defaultdict(list)
    out = []
    for m in ms:
        target = alias_target(m.text)
        if m.label == "PERSON" and not (target and m.text in glabels):
            # a nickname (`Jokowi`) is a mention of the person only where the article writes the full name
            full_person = people.get(_key(target)) if target else None
            out.append(dataclasses.replace(m, canonical=full_person, source="link") if full_person else m)
            continue
        if m.label == "PERSON":
            m = dataclasses.replace(m, label=glabels[m.text])
        full = defs.get(m.text)
        if full is None and target and (_key(target) in written or m.text in replacing_aliases()):
            full = target
        if full and full != m.canonical:
            m = dataclasses.replace(m, canonical=full, source="link" if m.source == "model" else m.source)
        elif target:
            groups[_key(target)].append(len(out))
        out.append(m)
    for idxs in groups.values():  # unwritten full form: the group's longest written form
        best = max((out[i].canonical for i in idxs), key=lambda c: (len(c.split()), len(c)))
        for i in idxs:
            if out[i].canonical != best:
                out[i] = dataclasses.replace(out[i], canonical=best, source="link")
    return out + _undefined_abbreviations(out, defs, body)


def _undefined_abbreviations(ms: list[Mention], defs: dict[str, str], body: str) -> list[Mention]:
    """Abbreviations defined in the article but missed by the NER are mentions too."""
    taken = [(m.start, m.end) for m in ms]
    labels = {m.canonical: m.label for m in ms}
    out = []
    for abbr, full in defs.items():
        for hit in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", body):
            if not any(s < hit.end() and hit.start() < e for s, e in taken):
                out.append(Mention(hit.start(), hit.end(), abbr, labels.get(full, "ORG"), full, None, "link"))
    return out


def _strict_supersets(keys: Iterable[str], among: Iterable[str]) -> dict[str, list[str]]:
    """key -> the names of `among` whose words strictly contain the key's words, found through an index of
    words (comparing every pair was quadratic in a text that names many people)."""
    pool = {o: frozenset(o.split()) for o in among}
    by_word: dict[str, set[str]] = defaultdict(set)
    for o, words in pool.items():
        for w in words:
            by_word[w].add(o)
    out: dict[str, list[str]] = {}
    for k in set(keys):
        words = frozenset(k.split())
        postings = sorted((by_word.get(w, set()) for w in words), key=len) or [set(pool)]
        found = sorted(o for o in postings[0] if pool[o] > words and all(o in p for p in postings[1:]))
        if found:
            out[k] = found
    return out


def _name_parts_of_other_labels(ms: list[Mention], full: set[str]) -> dict[int, str]:
    """Index -> key of each one-word mention of another label that is part of a person's full name (`rezim
    Kim` tagged ORG)."""
    full_words = {w for f in full if len(f.split()) > 1 for w in f.split()}
    out = {}
    for i, m in enumerate(ms):
        if m.label != "PERSON" and m.source == "model" and len(_tokens(m.text)) == 1:
            k = _key(m.text)
            if k in full_words and m.text not in aliases():
                out[i] = k
    return out


def _link_people(ms: list[Mention]) -> list[Mention]:
    people = [i for i, m in enumerate(ms) if m.label == "PERSON"]
    # spelling variants of one name share a key; the first form written is the canonical
    first_form: dict[str, str] = {}
    for i in people:
        first_form.setdefault(_key(ms[i].canonical), ms[i].canonical)
    keys = {i: _key(ms[i].canonical) for i in people}
    # the fullest names: not contained in a longer person name of the article
    full = set(keys.values()) - set(_strict_supersets(keys.values(), keys.values()))
    keys.update(_name_parts_of_other_labels(ms, full))
    resolved = _resolve_parts(keys, full, people)
    out = []
    for i, m in enumerate(ms):
        if i not in keys:
            out.append(m)
            continue
        k = resolved.get(i, keys[i])
        source = "link" if i in resolved and m.source == "model" else m.source
        out.append(
            dataclasses.replace(m, canonical=first_form.get(k, m.canonical), label="PERSON", source=source)
        )
    return out


def _resolve_parts(keys: dict[int, str], full: set[str], people: list[int]) -> dict[int, str]:
    """Mention index -> the full name a part of a name refers to: the most recently named holder, or where
    the part was in use before any full name containing it, the holder it referred to most."""
    person_at = sorted(i for i in people if keys[i] in full)
    at: dict[str, list[int]] = defaultdict(list)  # full name -> where it is written, in order
    for j in person_at:
        at[keys[j]].append(j)
    first_use: dict[str, int] = {}
    for j in sorted(keys):
        first_use.setdefault(keys[j], j)
    owners = _strict_supersets(keys.values(), full)  # a part -> the full names that contain it
    resolved: dict[int, str] = {}
    named_by: Counter = Counter()  # (part, full name) -> times the part referred to it after it was named
    deferred: dict[str, list[int]] = defaultdict(list)
    for i in sorted(keys):
        k = keys[i]
        if k in full or k not in owners:
            continue
        first_holder = min(at[f][0] for f in owners[k])
        earlier = [(at[f][n - 1], f) for f in owners[k] if (n := bisect.bisect_left(at[f], i))]
        if earlier and first_use[k] > first_holder:
            resolved[i] = max(earlier)[1]  # the most recently named holder
            named_by[(k, resolved[i])] += 1
        else:
            deferred[k].append(i)  # the part was in use before any full name containing it
    mentions_of = Counter(keys[j] for j in people)
    for k, idxs in deferred.items():
        cands = owners[k]
        choice: str | None = cands[0]
        if len(cands) > 1:
            score = {c: (named_by[(k, c)], mentions_of[c]) for c in cands}
            ranked = sorted(cands, key=lambda c: score[c], reverse=True)
            choice = ranked[0] if score[ranked[0]] > score[ranked[1]] else None  # undecided: as written
        for i in idxs:
            if choice:
                resolved[i] = choice
    return resolved


def _person_cue_before(body: str, start: int) -> bool:
    """A speech verb before its speaker (`ujar X`) or a title phrase and a comma (`Direktur Bank Maju, X`)."""
    return _speech_cue_before(body, start) or title_apposition(body, start)


def _vote_labels(ms: list[Mention], body: str) -> list[Mention]:
    """One label per canonical entity in the article: a head word's (`Jalan`, `PT`), else the gazetteer's
    (also where the model read a known name otherwise: `menurut Yonhap` as a person) or a place
    preposition's (`di X`), else the most frequent."""
    known = gazetteer_labels()
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in ms:
        by_head = head_label(m.text) == m.label
        by_context = m.source == "gazetteer" or (m.label == "LOC" and after_place_word(body, m.start))
        votes[m.canonical][m.label] += 5 if by_head else 3 if by_context else 1
        if known.get(m.text, m.label) != m.label:
            votes[m.canonical][known[m.text]] += 3
    best = {c: v.most_common(1)[0][0] for c, v in votes.items()}
    return [
        m if best[m.canonical] == m.label else dataclasses.replace(m, label=best[m.canonical]) for m in ms
    ]
