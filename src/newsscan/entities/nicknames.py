"""Nicknames an article gives its people: `Budi Santoso, yang akrab disapa Bule`, `Bule, sapaan akrab Budi
Santoso`, `Bule, demikian Budi Santoso disapa`.

Indonesian news often introduces a person by full name and then writes only the nickname, which shares no word
with it (the NER then takes it for another person, or an organisation). Where the article itself defines the
nickname next to a person's mention, every mention written as the nickname (or as its name after an honorific:
`Epul` of `Gus Epul`) is that person, and occurrences the NER missed become mentions. The cue phrases live in
data/nickname_cues.tsv; a nickname is never taken from another article (gold CONVENTIONS: one canonical per
article, aliases only where the article writes them).
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..records import Mention
from ..tables import Folders, cache_per_folders, table

# one to three capitalised words; the nickname of a person is short
_NICK = r"(?P<nick>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
_GAP_WORD = re.compile(r"[A-Z][\w.'’-]*\s+")
GAP_WORDS = 3  # a role or title between the cue and the name (`sapaan akrab Mensos Budi`)


def _alternation(cues: Sequence[str]) -> str:
    return "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len, reverse=True))


@cache_per_folders
def _patterns(folders: Folders) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(after a name, before a name, around a name) patterns built from the table."""
    rows = table("nickname_cues.tsv", folders)
    kinds = {k: [r["cue"] for r in rows if r["kind"] == k] for k in ("after", "before", "lead")}
    lead = rf"(?:(?i:{_alternation(kinds['lead'])})\s+)?"
    after = re.compile(rf"\s*,?\s*{lead}(?i:{_alternation(kinds['after'])})\s+{_NICK}")
    before = re.compile(rf"{_NICK}\s*,?\s*{lead}(?i:{_alternation(kinds['before'])})\s+")
    frames = [r for r in rows if r["kind"] == "around"]
    around = re.compile(rf"{_NICK}\s*,\s*(?i:{_alternation([r['cue'] for r in frames])})\s+")
    return after, before, around


@cache_per_folders
def _frame_ends(folders: Folders) -> re.Pattern[str]:
    ends = [r["end"] for r in table("nickname_cues.tsv", folders) if r["kind"] == "around" and r["end"]]
    return re.compile(rf"\s+(?i:{_alternation(ends)})\b")


def _definitions(ms: Sequence[Mention], body: str) -> list[tuple[str, Mention]]:
    """(nickname, the person's mention) for each nickname the body defines beside a PERSON mention."""
    after, before, around = _patterns()
    people = [m for m in ms if m.label == "PERSON"]
    starts = {m.start: m for m in people}
    out = []
    for m in people:
        hit = after.match(body, m.end)
        if hit:
            out.append((hit, m))
    for hit in before.finditer(body):
        person = _person_after(body, hit.end(), starts)
        if person:
            out.append((hit, person))
    for hit in around.finditer(body):
        person = starts.get(hit.end())
        if person and _frame_ends().match(body, person.end):
            out.append((hit, person))
    return [(hit.group("nick"), m) for hit, m in out
            if hit.group("nick") != m.text and hit.group("nick") not in m.canonical.split()
            and not _coordinated(body, m, hit)]


_JOINED = re.compile(r"\s*[/&]")


def _coordinated(body: str, m: Mention, hit: re.Match[str]) -> bool:
    """`Ahmad / Budi Santoso, akrab disapa Mad / Bud`: two people, two nicknames, not paired by position."""
    joined_before = re.search(r"[/&]\s*$", body[max(0, m.start - 3):m.start])
    return bool(joined_before or _JOINED.match(body, hit.end("nick")))


def _person_after(body: str, pos: int, starts: dict[int, Mention]) -> Mention | None:
    """The PERSON mention starting at `pos`, or after up to GAP_WORDS capitalised words (a role)."""
    for _ in range(GAP_WORDS + 1):
        if pos in starts:
            return starts[pos]
        word = _GAP_WORD.match(body, pos)
        if not word:
            return None
        pos = word.end()
    return None


def _written_as(m: Mention, nick: str) -> bool:
    """`m` is written as the nickname, or as its name after a title the entity layer stripped into its role
    (`Epul`, role `Gus`, of `Gus Epul`)."""
    return m.text == nick or bool(m.role and f"{m.role} {m.text}" == nick)


def _occurrences(body: str, nick: str) -> list[tuple[int, int]]:
    return [(x.start(), x.end()) for x in re.finditer(rf"(?<![\w-]){re.escape(nick)}(?![\w-])", body)]


def link_nicknames(ms: Sequence[Mention], body: str) -> list[Mention]:
    """Mentions with each defined nickname's mentions under its person's canonical name, labelled PERSON,
    and the nickname's other occurrences added as mentions where no mention covers them."""
    out = list(ms)
    for nick, person in _definitions(ms, body):
        for i, m in enumerate(out):
            if m is not person and _written_as(m, nick):
                out[i] = dataclasses.replace(m, label="PERSON", canonical=person.canonical, source="link")
        for s, e in _occurrences(body, nick):
            if not any(m.start < e and s < m.end for m in out):
                out.append(Mention(s, e, nick, "PERSON", person.canonical, None, "link"))
    return sorted(out, key=lambda m: (m.start, -m.end))
