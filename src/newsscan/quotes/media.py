"""The medium a statement came through (`kepada CNN`, `kantor berita Interfax`): a name, never an addressee,
the speaker's own channel or the publishing outlet."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .tokens import is_acronym, tokens

if TYPE_CHECKING:
    from .speakers import ArticleContext


def clean_medium(ctx: ArticleContext, text: str) -> str | None:
    """`kantor berita Interfax` -> `Interfax`; None for addressees, own channels and the outlet itself."""
    lex = ctx.lex
    t = text.strip(" ,.;:")
    low = t.lower()
    for a in sorted(lex.cue("via_agency"), key=len, reverse=True):
        if low.startswith(a + " "):
            t = t[len(a) :].strip()
            low = t.lower()
            break
    toks = [x.text for x in tokens(t)]
    keep: list[str] = []
    if toks and re.fullmatch(r"[\w-]+(?:\.[\w-]+)*\.(?:com|id|co|net|org|tv|news)", toks[0], re.IGNORECASE):
        toks = toks[:1]  # a site credited by its address (`ameks.id`)
        keep = toks[:]
    for x in toks[len(keep) :]:
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
