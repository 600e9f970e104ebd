"""Titles, ranks and roles around a person's name (`data/roles.tsv`): which words before or inside a
mention are the role (`Presiden Rusia`, `Kombes Pol.`, `Prof`), and which cues say a person stands there.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..errors import DataTableError
from ..records import Mention
from ..tables import Folders, cache_per_folders, table
from .lexicon import known_names, roles
from .spans import name_words

_WORD = re.compile(r"\S+")


def _longest(words: Sequence[str], i: int, phrases, strip: str) -> int:
    """Number of words of the longest of `phrases` (case-folded word tuples) at words[i] (0: none)."""
    best = 0
    for n in range(1, min(6, len(words) - i) + 1):
        if tuple(w.casefold().rstrip(strip) for w in words[i:i + n]) in phrases:
            best = n
    return best


def _match_role(words: Sequence[str], i: int) -> int:
    """Number of words of the longest role phrase starting at words[i] (0: none)."""
    return _longest(words, i, roles(), ".,")


def _match_known(words: Sequence[str], i: int) -> int:
    """Number of words of the longest known place or body starting at words[i] (0: none)."""
    return _longest(words, i, known_names(), ",")


def _role_kind(words: Sequence[str]) -> str:
    return roles().get(tuple(w.casefold().rstrip(".,") for w in words), "")


def split_role(name: str) -> tuple[str | None, str, int]:
    """(`role`, the name without it, offset of the name in `name`) for a person's mention.

    `Presiden Rusia Vladimir Putin` -> (`Presiden Rusia`, `Vladimir Putin`, 15); `Menlu Sugiono` ->
    (`Menlu`, `Sugiono`, 6); an honorific (`Pak`) is stripped only before a one-word name (`Pak Thae Song`
    is a Korean name); degrees after a comma (`, SIK, MH`) are dropped. A name that is only a role gives
    (role, "", len).
    """
    spans = [(m.start(), m.end()) for m in _WORD.finditer(name)]
    words = [name[s:e] for s, e in spans]
    i, role_end = 0, 0
    while i < len(words):
        n = _match_role(words, i)
        if n:
            if _role_kind(words[i:i + n]) == "honorific" and len(words) - (i + n) > 1:
                break
            i += n
            role_end = i
            continue
        if role_end and i < len(words) - 1:
            k = _match_known(words, i)  # a place or body in the role: `Presiden Rusia`, `Menlu AS`
            if k and i + k < len(words):
                i += k
                role_end = i
                continue
        break
    # degrees and ranks after the name: `Justin Hastings, SIK, MH`
    end = len(words)
    while end > role_end + 1 and _match_role(words, end - 1) and _role_kind(words[end - 1:end]) == "degree":
        end -= 1
    if role_end == 0 and end == len(words):
        return None, name, 0
    role = name[spans[0][0]:spans[role_end - 1][1]] if role_end else None
    if role_end >= len(words):
        return role, "", len(name)
    rest = name[spans[role_end][0]:spans[end - 1][1]].rstrip(" ,")
    return role, rest, spans[role_end][0]


def role_before(body: str, start: int) -> str | None:
    """The role phrase written right before a name (`... kata Menteri Pertahanan Korea Selatan Shin Wonsik`
    -> `Menteri Pertahanan Korea Selatan`): role words, then capitalised words, ending at the name."""
    line_start = body.rfind("\n", 0, start) + 1
    window = body[max(line_start, start - 120):start]
    if not window.endswith(" "):
        return None
    spans = [(m.start(), m.end()) for m in _WORD.finditer(window)]
    words = [window[s:e] for s, e in spans]
    best = None
    for k in range(1, min(8, len(words)) + 1):
        cand = words[-k:]
        if any(w.endswith((",", ".", ":", ";", "\"", "”")) for w in cand):
            break
        n = _match_role(cand, 0)
        if not n:
            continue
        j = n
        while j < len(cand):
            m = _match_role(cand, j)
            if m:
                j += m
            elif cand[j][:1].isupper() or cand[j].casefold() in name_words().title_scope:
                j += 1
            else:
                break
        if j == len(cand) and _role_kind(cand[:n]) not in ("honorific",):
            best = window[spans[-k][0]:spans[-1][1]]
    return best


def _rank_before(body: str, start: int) -> str | None:
    """The rank, honorific or degree written right before `start` (`Kombes Pol`, `Pak`, `Prof`): only a person
    is named so (a title such as `Ketua` also heads a body's name)."""
    line_start = body.rfind("\n", 0, start) + 1
    words = body[max(line_start, start - 40):start].split()
    if not body[:start].endswith(" "):
        return None
    for k in (3, 2, 1):
        cand = words[-k:]
        if (
            len(cand) == k
            and _match_role(cand, 0) == k
            and _role_kind(cand) in ("rank", "honorific", "degree")
        ):
            return " ".join(cand)
    return None


def _is_title_word(word: str) -> bool:
    """A one-word title of `roles.tsv` (`Gubernur`, `Direktur`; not a function such as `Hakim`, which also
    stands inside a body's name: `Ikatan Hakim Indonesia`)."""
    return _role_kind([word]) == "title"


def _speech_cue_before(body: str, start: int) -> bool:
    """A speech verb written before its speaker (`ujar`, `kata`: `speech_verbs.tsv`) stands right before
    `start`."""
    before = body[max(0, start - 20):start]
    words = before.split()
    return bool(words) and before.endswith(" ") and words[-1].casefold() in _post_cues()


@cache_per_folders
def _post_cues(folders: Folders) -> frozenset[str]:
    """Speech verbs written before the speaker (`kata Lami Kim`), from the quotes table `speech_verbs.tsv`."""
    try:
        rows = table('speech_verbs.tsv', folders)
    except (FileNotFoundError, DataTableError):  # the quotes layer's table; without it, no cue
        return frozenset()
    return frozenset(f.strip().casefold() for r in rows if r["slot"] == "post"
                     for f in r["forms"].split(",") if f.strip())


def _clips(title: str, before: str) -> bool:
    """`Gubnut` clips `Gubernur Nusa Tenggara`, `Seskab` `Sekretaris Kabinet`: the title's letters in order in
    the words written before the full name, from a word that opens with its first letter and does not hold
    them all (`Chrome` before `Chrome Home` is a name written again, not a clipped title)."""
    t = title.casefold()
    words = before.casefold().split()
    # a clipping spans two words or more (`Gub` + `su`)
    return any(w[:1] == t[0] and not _subsequence(t, w) and _subsequence(t, " ".join(words[i:]))
               for i, w in enumerate(words))


def _subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(c in rest for c in short)


def strip_unknown_titles(ms: Sequence[Mention], body: str) -> list[Mention]:
    """`Gubnut Agus` after `Gubernur Nusa Tenggara Agus Rahmadi`: a two-word person mention whose second word
    opens a full name the article gave earlier, after a role the first word clips, is that person under a
    clipped title the tables do not know: the first word goes to `role`, the mention keeps the name.
    (`Lami Kim` after `Kim Jong Un` stays: no role before `Kim Jong Un` is clipped to `Lami`.)"""
    people = [m for m in ms if m.label == "PERSON"]
    openers: dict[str, int] = {}  # a full name's first word -> where the article first writes that name
    for m in people:
        words = m.text.split()
        if len(words) >= 2:
            openers.setdefault(words[0], m.start)
    out = []
    for m in ms:
        words = m.text.split()
        title = words[0] if m.label == "PERSON" and len(words) == 2 else ""
        first = openers.get(words[1], m.start) if title else m.start
        if (first < m.start and len(title) >= 4 and title[1:].islower()
                and _clips(title, body[max(0, body.rfind(".", 0, first) + 1, first - 80):first])):
            cut = m.start + m.text.index(words[1], len(title))
            m = dataclasses.replace(m, start=cut, text=words[1], canonical=words[1], role=m.role or title)
        out.append(m)
    return out


def title_apposition(body: str, start: int) -> bool:
    """A name set off by a comma after a title phrase (`kata Direktur Utama Bank Maju, Budi`): a person."""
    if not body[:start].endswith(", "):
        return False
    comma = start - 2
    role = role_before(body[:comma] + " ", comma + 1)
    return role is not None and _role_kind(role.split()[:1]) == "title"


def _coordinator_before(body: str, start: int) -> str:
    """The conjunction written right before `start` between spaces (` dan `), else ""."""
    return next((c for c in sorted(name_words().coordinators) if body[:start].endswith(f" {c} ")), "")


def strip_coordinated_fields(ms: Sequence[Mention], body: str) -> list[Mention]:
    """`Menteri Koordinator Politik Hukum dan Keamanan Budi`: a person mention right after `dan` that closes a
    title's coordinated fields opens with the last field, which goes to `role` (the NER took it for a
    name)."""
    out = []
    for m in ms:
        words = m.text.split()
        c = _coordinator_before(body, m.start)
        if m.label == "PERSON" and len(words) >= 2 and c:
            role = role_before(body, m.start - len(c) - 1)
            if role is not None and _role_kind(role.split()[:1]) == "title":
                cut = m.start + m.text.index(words[1], len(words[0]))
                text = body[cut:m.end]
                m = dataclasses.replace(m, start=cut, text=text, canonical=text,
                                        role=m.role or f"{role} {c} {words[0]}")
        out.append(m)
    return out
