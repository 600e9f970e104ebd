"""A headline without the site or section name a page or scraper put at either end of it.

`Judul Berita - Contoh.com Regional`, `Judul Berita | Contoh Online`, `Contoh.com: Judul Berita` and `Judul
Berita - Regional - Contoh.com` all give `Judul Berita`. A segment goes only when it names a site: an outlet
of `data/outlets.toml` (whatever its case and punctuation), a web address, or the page's own site name
(`og:site_name`); a section name (`title_sections` in the same table) goes only beside a site name. A rubric
that is part of the headline (`VIDEO: ...`, `Kilas Balik: ...`) names no site and stays.
"""
from __future__ import annotations

import re
from typing import Protocol


def norm_name(text: str) -> str:
    """A name as lookups compare it: case, spaces and punctuation set aside (`ANTARA News` = `antaranews`)."""
    return re.sub(r"[\W_]+", "", text.casefold())


class Registry(Protocol):
    """What a title is cleaned against: `outlets.Registry` (outlets.py imports this module, not the other way
    round)."""

    sections: frozenset[str]  # norm_name of section names a title may carry beside the site name

    def by_name(self, text: str | None) -> object: ...  # the outlet it names, or None


# separators between a headline and a site or section name; `:` only after a leading site name
_SEP = re.compile(r"\s{1,3}[|\-\u2013\u2014\u00bb\u00b7\u2022/]{1,2}\s{1,3}|\s{0,2}\|\s{0,2}")
_LEAD_SEP = re.compile(r"^(?P<seg>[^:|]{2,40}?)\s{0,2}(?::|\||\s[-\u2013\u2014])\s{1,3}")
_ADDRESS = re.compile(r"(?<![\w@])(?:www\.)?[\w-]{2,30}\.(?:co\.id|com|id|net|co|tv|org|news)(?![\w.])",
                      re.IGNORECASE)
_MAX_SITE_WORDS = 6


def _words(seg: str) -> list[str]:
    return seg.split()


def site_name(seg: str, reg: Registry, hint: str | None = None) -> str | None:
    """The words of `seg` that name a site (`Contoh.com` of `Contoh.com Regional`), or None when it names
    none.

    A segment names a site when it is an outlet's name or a web address, or the page's site name, or starts or
    ends with one of them and the rest is at most a few words (an edition or section: `ANTARA News Jawa
    Timur`)."""
    s = seg.strip(" \t|-:\u2013\u2014")
    words = _words(s)
    if not s or len(words) > _MAX_SITE_WORDS:
        return None
    if reg.by_name(s) or (hint and norm_name(hint) == norm_name(s)):
        return s
    if _ADDRESS.fullmatch(s):
        return s
    # the longest leading or trailing run of words that names an outlet
    for n in range(len(words) - 1, 0, -1):
        for part, rest in ((words[:n], words[n:]), (words[-n:], words[:-n])):
            name = " ".join(part)
            if not (
                reg.by_name(name) or _ADDRESS.fullmatch(name) or (hint and norm_name(hint) == norm_name(name))
            ):
                continue
            # a one-word brand beside other words is a site only with a web address or section words beside
            # it: `Okezone Nasional` is, `Bisnis Kuliner Meningkat` is a headline
            if n > 1 or "." in name or _is_section(" ".join(rest), reg):
                return name
    return None


def _is_section(seg: str, reg: Registry) -> bool:
    words = _words(seg.strip())
    return bool(words) and len(words) <= 3 and all(norm_name(w) in reg.sections or w.isdigit() for w in words)


def clean_title(title: str | None, reg: Registry, hint: str | None = None) -> tuple[str | None, str]:
    """(the headline, the site name taken off it or ""). Never returns an empty headline: a title that is
    nothing but a site name stays as it is."""
    if not title or not title.strip():
        return None, ""
    t = title.strip()
    site = ""
    m = _LEAD_SEP.match(t)
    if m and (name := site_name(m["seg"], reg, hint)) and t[m.end() :].strip():
        t, site = t[m.end() :].strip(), name
    parts = _SEP.split(t)
    seps = _SEP.findall(t)
    removed_site = False
    while len(parts) > 1:
        name = site_name(parts[-1], reg, hint)
        if (
            name
            or (removed_site and _is_section(parts[-1], reg))
            or (_is_section(parts[-1], reg) and len(parts) > 2 and site_name(parts[-2], reg, hint))
        ):
            site = site or name or ""
            removed_site = removed_site or bool(name)
            parts.pop()
            seps.pop()
            continue
        break
    if not removed_site and site == "":
        return t, ""
    head = "".join(p + s for p, s in zip(parts, [*seps, ""], strict=False)).strip()
    for rx in reg.trailers:  # `Judul Halaman all` once `- Kompas.com` is off
        head = rx.sub("", head).rstrip()
    return head or t, site
