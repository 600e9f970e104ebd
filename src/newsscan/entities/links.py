"""Links between an article's mentions that the alias table cannot know: short forms of an organisation's
name, a person's initials, and a name the NER labelled as a body although the article treats it as a person.

- `link_short_names(ms)`: an organisation written as part of a longer organisation name of the article is
  that organisation (`Bank Maju` of `PT Bank Maju Sejahtera Tbk`).
- `link_initials(ms, body)`: `ABC (Andi Budi Cahyono)` and a bare `ABC` whose letters are the initials of a
  person the article names are that person (police reports and quoted testimony name people so).
- `split_merged_names(ms, body)`: a mention that runs from a body or place the article names on its own into a
  person's name (`Bank Maju Budi Hartono`) is split in two.
- `person_evidence(ms, body, ...)`: an ORG/LOC name with no head word that the article treats as a person's
  (its words are a person's, a rank or a speech verb stands before it) is a person.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from ..records import Mention
from .spans import admin_head, head_label

_CAPS = re.compile(r"^[A-Z]{2,5}$")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in re.split(r"[\s\-]+", text.strip()) if w]


def link_short_names(ms: Sequence[Mention]) -> list[Mention]:
    """ORG mentions of two or more words that open a longer ORG canonical of the article, or follow its head
    word (`Bank Maju` of `PT Bank Maju Sejahtera Tbk`), take that canonical (the longest; ties: the first in
    sort order); so do LOC mentions with a head word (`Bandara Maju` of `Bandara Maju Jaya`). A name at the
    end of a longer one is its parent, not the same body (`DPR` of `Badan Kehormatan DPR`). A place written
    with and without its administrative head (`Kota Maju`, `Maju`) is one place."""
    by_label: dict[str, list[str]] = {}
    for label in ("ORG", "LOC"):
        names = {x.canonical for x in ms if x.label == label}
        by_label[label] = sorted(names, key=lambda c: (-len(_words(c)), c))
    out = []
    for m in ms:
        words = _words(m.canonical)
        same = by_label.get(m.label, [])
        longer: list[str] = []
        if len(words) >= 2 and (m.label == "ORG" or m.label == "LOC" and head_label(m.canonical) == "LOC"):
            longer = [c for c in same if len(_words(c)) > len(words) and _opens(c, words)]
        elif m.label == "LOC":
            longer = [c for c in same if admin_head(c) and _words(c)[1:] == words]
        if longer:
            m = dataclasses.replace(
                m, canonical=longer[0], source="link" if m.source == "model" else m.source
            )
        out.append(m)
    return out


def _opens(full: str, short: list[str]) -> bool:
    words = _words(full)
    n = len(short)
    return words[:n] == short or (head_label(words[0]) is not None and words[1:n + 1] == short)


def link_clipped_names(ms: Sequence[Mention]) -> list[Mention]:
    """An ORG or LOC written with a clipped or initialled head (`Kedubes Maju` of `Kedutaan Besar Maju`, `LP
    Sukamaju` of `Lembaga Pemasyarakatan Sukamaju`, `Kemenkum HAM` of `Kementerian Hukum dan HAM`) is the
    longer name of the article: both end in the same word, and the short form's other letters appear in
    order in the long form's other words, from the same first letter. An acronym (`RSMJ`) is the name
    whose word initials it spells. The longer name's label wins."""
    bodies = {m.canonical: m.label for m in ms if m.label in ("ORG", "LOC")}
    out = []
    for m in ms:
        target = _clipped_target(m.canonical, bodies) if m.label in ("ORG", "LOC") else None
        if target:
            m = dataclasses.replace(m, canonical=target, label=bodies[target],
                                    source="link" if m.source == "model" else m.source)
        out.append(m)
    return out


def _clipped_target(short: str, bodies: dict[str, str]) -> str | None:
    sw = short.split()
    hits = []
    for full in bodies:
        fw = full.split()
        if len(full) <= len(short) or full == short:
            continue
        if (
            (_CAPS.match(short) and "".join(w[0] for w in fw if w[:1].isupper()).upper() == short)
            or (
                len(sw) >= 2
                and len(fw) > len(sw) - 1
                and sw[-1] == fw[-1]
                and head_label(sw[-1]) is None
                and _in_order(" ".join(sw[:-1]), " ".join(fw[:-1]))
            )
        ):
            hits.append(full)
    return hits[0] if len(hits) == 1 else None


def _in_order(short: str, full: str) -> bool:
    """The letters of `short` appear in order in `full`, both starting with the same letter."""
    a, f = short.casefold().replace(" ", ""), full.casefold()
    if not a or not f or a[0] != f[0] or len(a) >= len(f.replace(" ", "")):
        return False
    i = 0
    for ch in f:
        if i < len(a) and ch == a[i]:
            i += 1
    return i == len(a)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isalpha()).upper()


def link_initials(ms: Sequence[Mention], body: str) -> list[Mention]:
    """All-capital mentions of two to five letters that are the initials of a person of the article with as
    many name words (`DMM` of `Dudi Makmur Murad`) become mentions of that person; where two people share
    the initials, the mention stays as it was."""
    people: dict[str, set[str]] = {}
    for m in ms:
        if m.label == "PERSON" and len(m.canonical.split()) >= 2:
            people.setdefault(_initials(m.canonical), set()).add(m.canonical)
    out = []
    for m in ms:
        holders = people.get(m.text, set()) if _CAPS.match(m.text) else set()
        if len(holders) == 1:
            (name,) = holders
            m = dataclasses.replace(m, label="PERSON", canonical=name, source="link")
        out.append(m)
    return out


def person_evidence(ms: Sequence[Mention], body: str, rank_before: Callable[[str, int], str | None],
                    known: Callable[[str], bool], cue_before: Callable[[str, int], bool]) -> list[Mention]:
    """ORG and LOC names relabelled PERSON, at every mention, where the article treats them as a person's:
    all the name's words are words of the article's PERSON mentions, or its first word is a one-word PERSON
    mention (people are called by their first name: `Budi` ... `Budi Hartono`), or a rank, honorific or
    degree (`Kombes Pol`, `Pak`, `Prof`) or a speech verb written before the speaker (`ujar`, `kata`) stands
    right before one of its mentions. Names with a head word, known places and bodies and acronyms keep
    their label. An ORG mention that runs from an acronym into a person's name after a rank (`APPI Budi
    Hartono`) is split in two."""
    person_words = {w for m in ms if m.label == "PERSON" for w in _words(m.text)}
    first_names = {m.text.casefold() for m in ms if m.label == "PERSON" and " " not in m.text}
    people: set[str] = set()
    out: list[Mention] = []
    for m in ms:
        words = m.text.split()
        if (m.label == "PERSON" or m.source == "gazetteer" or head_label(m.text) is not None or known(m.text)
                or m.text.isupper() or m.canonical != m.text or not words):
            out.append(m)
            continue
        has_rank = rank_before(body, m.start) is not None
        personal_words = (
            set(_words(m.text)) <= person_words if len(words) > 1 else m.text.casefold() in first_names
        )
        if not words[0].isupper() and (personal_words or has_rank or cue_before(body, m.start)
                                       or words[0].casefold() in first_names and len(words) > 1):
            people.add(m.text)
        elif (m.label == "ORG" and len(words) >= 3 and words[0].isupper() and has_rank
              and all(w[:1].isupper() for w in words[1:])):
            cut = m.start + m.text.index(words[1], len(words[0]))
            out.append(dataclasses.replace(m, end=m.start + len(words[0]), text=words[0], canonical=words[0]))
            out.append(Mention(cut, m.end, body[cut:m.end], "PERSON", body[cut:m.end], None, "link"))
            continue
        out.append(m)
    return [
        dataclasses.replace(m, label="PERSON") if m.label != "PERSON" and m.text in people else m for m in out
    ]


def split_merged_names(ms: Sequence[Mention], body: str, known: Callable[[str], bool]) -> list[Mention]:
    """Mentions of three or more words that run from a body or place into a person's name become that body
    or place and a PERSON (`Komisi Maju Budi Hartono`). The first words are an ORG/LOC the article writes on
    its own (or the end of one: `Maju Sekuritas` of `PT Maju Sekuritas`), a known body or place, or a name
    with a head word ending in a known body (`Komisi IX DPR`) or opening with an acronym (`PDI Maju`). The
    rest is a person's mention of the article, or two or more capitalised words one of which the article
    also writes alone (`Menurut Budi`) or that stand where the grammar puts a person (a name found after a
    role phrase: source "link")."""
    bodies = {m.text.casefold(): m.label for m in ms if m.label != "PERSON"}
    people = {m.text.casefold() for m in ms if m.label == "PERSON"}
    out: list[Mention] = []
    for m in ms:
        words = m.text.split()
        cut = _merge_point(m, words, bodies, people, known, body) if len(words) >= 3 else 0
        if not cut:
            out.append(m)
            continue
        head = " ".join(words[:cut])
        rest_at = m.start + m.text.index(words[cut], len(head))
        label = bodies.get(head.casefold()) or (m.label if m.label != "PERSON" else head_label(head) or "ORG")
        out.append(dataclasses.replace(m, end=m.start + len(head), text=head, canonical=head, label=label))
        out.append(Mention(rest_at, m.end, body[rest_at:m.end], "PERSON", body[rest_at:m.end], None, "link"))
    return out


def _is_body(head: str, bodies: dict[str, str], known: Callable[[str], bool]) -> bool:
    folded = head.casefold()
    first, last = head.split()[0], head.split()[-1]
    return (
        folded in bodies
        or known(head)
        or (" " in folded and any(b.endswith(" " + folded) for b in bodies))
        or (
            " " in head
            and (
                (head_label(head) is not None and known(last))
                or (_CAPS.match(first) is not None and head_label(first) is None)
            )
        )
    )


def _merge_point(m: Mention, words: list[str], bodies: dict[str, str], people: set[str],
                 known: Callable[[str], bool], body: str) -> int:
    """The number of leading words that make the body or place, 0 when the mention is one name."""
    for k in range(len(words) - 1, 0, -1):
        head, rest = " ".join(words[:k]), words[k:]
        if not _is_body(head, bodies, known):
            continue
        if " ".join(rest).casefold() in people or (
            head_label(head) and any(w.casefold() in people for w in rest)
        ):
            return k
        if (
            len(rest) >= 2
            and all(
                w[:1].isupper() and not (w.isupper() and len(w.rstrip(".")) > 1) and not known(w)
                for w in rest
            )
            and head_label(" ".join(rest)) is None
            and (
                m.source == "link" or any(written_alone(body, w, m.start, m.end) for w in (rest[0], rest[-1]))
            )
        ):
            return k
    return 0


def written_alone(body: str, word: str, start: int, end: int) -> bool:
    """`word` stands elsewhere in the body (outside [start, end)) with no capitalised word on either side:
    the article calls someone by that name part (`Menurut Budi, ...`)."""
    rx = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    for hit in rx.finditer(body):
        if start <= hit.start() < end:
            continue
        before = body[max(0, hit.start() - 30):hit.start()].split()
        after = body[hit.end():hit.end() + 30].split()
        if (not before or not before[-1][:1].isupper() or before[-1][-1:] in ",.;:\"”") and (
                not after or not after[0][:1].isupper() or body[hit.end():hit.end() + 1] in ",.;:"):
            return True
    return False


_NAME_NEXT = re.compile(r"\s+[A-Z]")


def _cut_before_word(m: Mention, i: int) -> Mention:
    """`m` up to (not with) its i-th word."""
    text = m.text[:[x.start() for x in re.finditer(r"\S+", m.text)][i]].rstrip()
    return dataclasses.replace(m, end=m.start + len(text), text=text, canonical=text)


def split_at_rank(
    ms: Sequence[Mention], body: str, rank_len: Callable[[list[str], int], int]
) -> list[Mention]:
    """A non-person mention with a rank inside it (`Kadispen Kolonel Inf Budi Hartono`) holds a person: the
    capitalised words after the rank are a PERSON (a rank stands only before a person's name); the words
    before it are a role, not a name. A rank closing the mention before a name (`Polsek Maju AKP` `Budi`) is
    cut off: it is that person's. A rank word right after a head or title word is part of a body's name
    (`Direktorat Jenderal Imigrasi`) and is left alone (`rank_len` gives the rank's length at a word, 0 for
    none or such a use)."""
    out: list[Mention] = []
    for m in ms:
        words = m.text.split()
        at = next((i for i in range(1, len(words)) if rank_len(words, i)), 0) if m.label != "PERSON" else 0
        if not at:
            out.append(m)
            continue
        rest = words[at + rank_len(words, at):]
        if not rest:  # `Polsek Maju AKP` + ` Budi`: the rank closing the body's name is the next person's
            out.append(_cut_before_word(m, at) if _NAME_NEXT.match(body, m.end) else m)
            continue
        if not all(w[:1].isupper() for w in rest):
            out.append(m)
            continue
        start = m.start + m.text.rindex(" ".join(rest))
        out.append(Mention(start, m.end, body[start:m.end], "PERSON", body[start:m.end], None, "link"))
    return out
