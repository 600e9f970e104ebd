"""Scraper damage, repaired for the analysis and kept on record: the NLP reads the repaired text, and every
offset it finds is carried back to `Article.body`, which stays as the source wrote it.

    >>> from newsscan.repair import find_repairs, repaired
    >>> body = "Menteri KeuanganSri Wahyuni hadir.&nbsp;Ia"
    >>> repaired(body, find_repairs(body))
    'Menteri Keuangan Sri Wahyuni hadir. Ia'

Repairs, each a `records.Repair` (kind, offsets in the body, original and replacement text):
- `mojibake`: UTF-8 read as Windows-1252 or Latin-1 (`â€œ` for `“`) made the character it was;
- `entity`: an HTML entity the scraper left undecoded (`&nbsp;`, `&amp;`, `&#8220;`, also `&amp;nbsp;`);
- `space`: an odd space (no-break, thin, ideographic) made a plain space; a zero-width character or soft
hyphen
  dropped (a zero-width space between two letters becomes a space);
- `newline`: a lone carriage return used as a paragraph break made a line break; the CR of a CRLF dropped;
- `glued`: a missing space between two glued words (`newsscan.glued`), or after a sentence's or clause's
  punctuation (`ujarnya.Budi`, `itu,dua`, `(BPJS)Ia`, `,”kata`).
"""
from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from .glued import find_glue, not_prose
from .records import Repair
from .tables import Folders

_ENTITY = re.compile(r"&(?:amp;)?(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# odd spaces -> a plain space; invisible characters -> nothing (ZWSP is decided by its neighbours)
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u0080-\u009f]")  # C1 controls too
# UTF-8 read as Latin-1 or Windows-1252 (`â€œ` for `“`): a lead byte and its continuation bytes as characters
_CP1252 = (
    "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d"
    "\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
)
_CONT = f"[\u0080-\u00bf{_CP1252}]"
_MOJIBAKE = re.compile(f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}}")
_CR = re.compile(r"\r\n?")
# a missing space after punctuation, letters on both sides: a sentence end before a capitalised word (the word
# before it four letters or more, so that `dr.Budi` and `S.H` stay), a comma, a closing bracket, curly quotes
# each alternative tests its punctuation first, its look-behind after (fast on letters)
_PUNCT_GLUE = re.compile(
    r"[.!?;:](?<=[^\W\d_]{3}[a-z].)(?=[A-Z][a-z])"
    r"|,(?<=[^\W\d_]{2},)(?=[^\W\d_]{2})"
    r"|\.(?<=[)\u201d\"].)(?=[A-Z][a-z])"
    r"|\)(?<=[^\W\d_]\))(?=[^\W\d_]{2})"
    r"|(?=\()(?<=[^\W\d_]{3})(?=\([^\W\d_])"
    r"|(?=\u201c)(?<=[^\W\d_]{2})"
    # a closing mark after the quote's punctuation (some use ” to open)
    r"|\u201d(?<=[,.!?]\u201d)(?=[^\W\d_])"
    r"|\"(?<=[,.!?]\")(?=[a-z])"
)  # a straight closing mark before the attribution (`,"kata dia`)


def _entity(m: re.Match[str]) -> str | None:
    """The entity's text, odd spaces made plain; None when it is no entity HTML knows."""
    text = html.unescape(f"&{m.group(1)};")
    if text == f"&{m.group(1)};":
        return None
    return _INVISIBLE.sub("", _SPACES.sub(" ", text))


def _demojibake(chars: str) -> str | None:
    """The character whose UTF-8 bytes `chars` are, read as Windows-1252 or Latin-1; None if they are not."""
    raw = bytearray()
    for c in chars:
        try:
            raw += c.encode("cp1252") if ord(c) > 0xFF else bytes([ord(c)])
        except UnicodeEncodeError:
            return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return _INVISIBLE.sub("", _SPACES.sub(" ", text))


def _char_repairs(body: str) -> list[Repair]:
    """Mis-decoded characters, entities, odd spaces and carriage returns: repairs of characters, never
    overlapping one another (a space inside a mis-decoded sequence belongs to that sequence)."""
    out: list[Repair] = []
    taken: set[int] = set()
    for m in _MOJIBAKE.finditer(body):
        text = _demojibake(m.group())
        if text is not None:
            out.append(Repair(m.start(), m.end(), m.group(), text, "mojibake"))
            taken.update(range(m.start(), m.end()))
    for m in _ENTITY.finditer(body):
        text = _entity(m)
        if text is not None:
            out.append(Repair(m.start(), m.end(), m.group(), text, "entity"))
    for m in _SPACES.finditer(body):
        if m.start() not in taken:
            out.append(Repair(m.start(), m.end(), m.group(), " ", "space"))
    for m in _INVISIBLE.finditer(body):
        i = m.start()
        if i in taken:
            continue
        between_letters = (
            m.group() == "\u200b"
            and 0 < i
            and i + 1 < len(body)
            and body[i - 1].isalpha()
            and body[i + 1].isalpha()
        )
        out.append(Repair(i, m.end(), m.group(), " " if between_letters else "", "space"))
    for m in _CR.finditer(body):
        out.append(Repair(m.start(), m.start() + 1, "\r", "" if m.group() == "\r\n" else "\n", "newline"))
    return sorted(out, key=lambda r: (r.start, r.end))


def _punct_glue(text: str) -> list[int]:
    """Offsets where a space is missing after (or before) punctuation, outside web addresses."""
    skip, k, out = not_prose(text), 0, []
    for m in _PUNCT_GLUE.finditer(text):
        while k < len(skip) and skip[k][1] <= m.start():
            k += 1
        if k < len(skip) and skip[k][0] <= m.start():
            continue
        out.append(m.end() if m.group() else m.start())
    return out


def find_repairs(body: str, folders: Folders | None = None, dateline_end: int = 0) -> tuple[Repair, ...]:
    """Every repair of `body`, in order. Missing spaces are found in the text with its characters repaired (so
    `kali.&nbsp;Sinta` is not read as glued) and placed back at their offsets in `body`. A first word glued to
    the dateline (`Contoh.com, BandungGubernur`; `dateline_end` from the loader) is set off as datelines are,
    with a dash, so that the place is not read as part of a name."""
    chars = _char_repairs(body)
    text = repaired(body, chars)
    back = OffsetMap(chars)
    cuts = sorted(set(find_glue(text, folders)) | set(_punct_glue(text)))
    glued = [
        Repair(p, p, "", " - " if p == dateline_end and p else " ", "glued")
        for p in (back.start(c) for c in cuts)
    ]
    return tuple(sorted(chars + glued, key=lambda r: (r.start, r.end)))


def repaired(body: str, repairs: Sequence[Repair]) -> str:
    """`body` with `repairs` (in order, not overlapping) applied: the text the analysis reads."""
    if not repairs:
        return body
    parts, at = [], 0
    for r in repairs:
        parts.append(body[at : r.start])
        parts.append(r.replacement)
        at = r.end
    parts.append(body[at:])
    return "".join(parts)


def restore(text: str, repairs: Sequence[Repair]) -> str:
    """The body back from the repaired text and its repairs (the inverse of `repaired`)."""
    parts, at, shift = [], 0, 0
    for r in repairs:
        start = r.start + shift  # where the replacement sits in `text`
        parts.append(text[at:start])
        parts.append(r.original)
        at = start + len(r.replacement)
        shift += len(r.replacement) - (r.end - r.start)
    parts.append(text[at:])
    return "".join(parts)


class OffsetMap:
    """Carries offsets in the repaired text back to the body. A span that starts or ends inside a replaced
    stretch takes in the whole of its original (`&amp;` for `&`); an inserted space maps to the point it was
    inserted at, so that a name after it starts where the body's name starts (`Keuangan|Sri`)."""

    def __init__(self, repairs: Sequence[Repair]):
        self._orig: list[tuple[int, int]] = []
        self._rep: list[tuple[int, int]] = []
        shift = 0
        for r in repairs:
            self._orig.append((r.start, r.end))
            self._rep.append((r.start + shift, r.start + shift + len(r.replacement)))
            shift += len(r.replacement) - (r.end - r.start)
        self._rep_ends = [e for _, e in self._rep]

    def _after(self, k: int, pos: int) -> int:
        """`pos` past the first k repairs: shifted by what they added or took away."""
        return pos if k == 0 else pos + self._orig[k - 1][1] - self._rep[k - 1][1]

    def start(self, pos: int) -> int:
        """The body offset for a span starting at `pos` in the repaired text."""
        k = bisect.bisect_right(self._rep_ends, pos)  # repairs that end at or before pos
        if k < len(self._rep) and self._rep[k][0] <= pos < self._rep[k][1]:
            return self._orig[k][0]  # starts in a replacement: take in its whole original
        return self._after(k, pos)

    def end(self, pos: int) -> int:
        """The body offset for a span ending at `pos` in the repaired text."""
        k = bisect.bisect_left(self._rep_ends, pos)  # repairs that end before pos
        if k < len(self._rep) and self._rep[k][0] < pos <= self._rep[k][1]:
            return self._orig[k][1]  # ends in a replacement: take in its whole original
        return self._after(k, pos)


R = TypeVar("R")


def to_body(records: Iterable[R], body: str, text: str, omap: OffsetMap) -> tuple[R, ...]:
    """Records found in the repaired `text`, with `start`/`end` carried back to `body` and their `text` (and
    `sentence`, where they have one) cut out of `body`, so that every output is a verbatim slice of it."""
    out = []
    for r in records:
        rec: Any = r
        start, end = omap.start(rec.start), omap.end(rec.end)
        end = max(end, start)
        changes: dict[str, Any] = {"start": start, "end": end}
        if getattr(rec, "text", None) == text[rec.start : rec.end]:
            changes["text"] = body[start:end]
        sentence = getattr(rec, "sentence", "")
        if sentence:
            changes["sentence"] = _sentence(sentence, rec.start, rec.end, body, text, omap)
        out.append(replace(rec, **changes))
    return tuple(out)


def _sentence(sentence: str, start: int, end: int, body: str, text: str, omap: OffsetMap) -> str:
    """The body's slice for a sentence of the repaired text that holds the span start..end."""
    i = text.find(sentence, max(0, end - len(sentence)), start + len(sentence))
    if i < 0:
        i = text.find(sentence)
    if i < 0:
        return sentence
    return body[omap.start(i) : omap.end(i + len(sentence))]
