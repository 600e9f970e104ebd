"""Name slots: a name filling one noun in aligned sentences (`truk Garuda` / `truk Rajawali`), and the
administrative unit an article puts a place in (`Desa X, Kecamatan Y`)."""
from __future__ import annotations

import re

from ..claims import place_words, stopwords
from ..morphology import VERB_PREFIX, base_verbs, month_names, weekday_names
from ..records import Claim
from ..tables import Folders, cache_per_folders, table
from .records import Art
from .slots import place_match, place_parts
from .words import compare_words, name_like, unit_words

NAMEW = r"[A-Z][\w'-]*"


_SLOT = re.compile(rf"\b([a-z][a-z-]{{2,}})\s+({NAMEW}(?:\s+{NAMEW}){{0,2}})")


@cache_per_folders
def _slot_skip(folders: Folders) -> frozenset[str]:
    """Words that do not head a name slot: speech verbs (`kata X`), place heads (places are compared
    as places), month and weekday words."""
    out = set(place_words(folders))
    for r in table('speech_verbs.tsv', folders):
        out.add(r["lemma"].lower())
        out.update(f.strip().lower() for f in (r.get("forms") or "").split(",") if f.strip())
    out.update(compare_words("not_name_slot", folders))
    return frozenset(out)


@cache_per_folders
def calendar_words(folders: Folders) -> frozenset[str]:
    """Weekday and month names (and `Baca` of a `Baca juga` line): never the name in a slot."""
    return frozenset(weekday_names(folders) + month_names(folders) + compare_words("not_a_name", folders))


def _name_slots(text: str) -> list[tuple[str, str]]:
    """(common noun, name) pairs: a lower-case noun and the name right after it (`truk Garuda`,
    `minibus Wira Sakti`)."""
    out = []
    skip = _slot_skip()
    for m in _SLOT.finditer(text):
        head, name = m.group(1).lower(), m.group(2)
        words = name.split()
        while words and words[-1] in calendar_words():
            words.pop()
        if not words or words[0] in calendar_words():
            continue
        if head in skip or head in stopwords() or VERB_PREFIX.match(head) or head in base_verbs():
            continue
        if len(words) == 1 and words[0].isupper() and len(words[0]) <= 3:
            continue  # initials (`pria berinisial DI`)
        if any(not w.isalpha() or w.lower() in unit_words() for w in words):
            continue  # `denda Rp500`, `sebesar US$`
        out.append((head, " ".join(words)))
    return out


def name_conflict(A: Art, ca: Claim, B: Art, cb: Claim) -> str | None:
    """Aligned sentences (they share another name: `minibus Wira Sakti` / `mobil Wira Sakti`) that
    fill one noun with two different names (`truk Garuda` / `truk Rajawali`), where neither article ever
    writes
    the other's name after that noun."""
    sa, sb = _name_slots(ca.text), _name_slots(cb.text)
    if not sa or not sb:
        return None
    for ha, na in sa:
        for hb, nb in sb:
            if ha != hb or name_like(na, nb):
                continue
            anchor = any(name_like(x, y) for h1, x in sa for h2, y in sb if x != na and y != nb)
            if not anchor:
                continue
            body_a, body_b = A.result.article.body, B.result.article.body
            if re.search(rf"\b{re.escape(hb)}\s+{re.escape(nb)}\b", body_a) or \
                    re.search(rf"\b{re.escape(ha)}\s+{re.escape(na)}\b", body_b):
                continue
            return f"{ha} {na} / {hb} {nb}"
    return None


def _chains(art: Art) -> list[tuple[frozenset[str], str, str, int]]:
    """(place name words, unit head, unit name, offset) for every `X, <unit> Y` in the body
    (`Desa Sukamaju, Kecamatan Sindangsari`): the administrative unit the article puts a place in."""
    body = art.result.article.body
    levels = place_words()
    admin = "|".join(sorted((re.escape(w) for w, lv in levels.items() if lv > 0), key=len, reverse=True))
    pat = re.compile(rf"((?:{NAMEW}\s+){{0,3}}{NAMEW}),\s+((?i:{admin}))\s+({NAMEW}(?:\s+{NAMEW}){{0,2}})")
    out = []
    pos = 0
    while True:
        m = pat.search(body, pos)
        if not m:
            break
        _, names = place_parts(m.group(1))
        if names:
            out.append((names, m.group(2).lower(), m.group(3), m.start()))
        pos = m.start(2)  # chains overlap: `Dusun Pule, Desa Sukamaju, Kecamatan Sindangsari`
    return out


def _claim_at(art: Art, pos: int) -> Claim | None:
    for c in art.claims:
        if c.kind not in ("headline", "circumstance") and c.start <= pos < c.end:
            return c
    return None


def unit_conflicts(A: Art, B: Art) -> list[tuple[Claim, Claim, str]]:
    """One place put in two different units of the same level (`Desa Sukamaju, Kecamatan Sindangsari` /
    `Desa Sukamaju, Kecamatan Karangjaya`), where neither article also gives the other's unit."""
    out = []
    ca_, cb_ = _chains(A), _chains(B)
    seen = set()
    for na, ha, ua, pa in ca_:
        for nb, hb, ub, pb in cb_:
            if ha != hb or not place_match(" ".join(na), " ".join(nb)) or place_match(ua, ub):
                continue
            if any(
                hb2 == ha and place_match(ua, ub2)
                for nb2, hb2, ub2, _ in cb_
                if place_match(" ".join(na), " ".join(nb2))
            ):
                continue
            if any(
                ha2 == hb and place_match(ub, ua2)
                for na2, ha2, ua2, _ in ca_
                if place_match(" ".join(nb), " ".join(na2))
            ):
                continue
            key = (ha, ua, ub)
            x, y = _claim_at(A, pa), _claim_at(B, pb)
            if key in seen or x is None or y is None:
                continue
            seen.add(key)
            out.append((x, y, f"{ha} {ua} / {hb} {ub}"))
    return out
