"""A saved news page -> headline, metadata and the article's own paragraphs.

trafilatura finds the main text and the metadata; this module adds what it lacks on Indonesian news pages:
- teaser and link lists (`Baca juga`, `Terpopuler`, related headlines) go before extraction: a block whose
text is
  nearly all link text is furniture, whatever its class name;
- embedded posts (X/Twitter, Instagram, TikTok) and image captions go before extraction, bylines after it;
- the lead paragraph that opens with the outlet's dateline (`JAKARTA, KOMPAS.com -`) is put back when the
  extractor dropped it;
- on a photo or video page, where the article is the caption, the caption is the body;
- the headline the extractor repeats as the first line is not body;
- the publication date comes from JSON-LD `datePublished` or `article:published_time` before trafilatura's
guess. Every line returned is text of the page; nothing is rewritten.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from .pubdate import is_date_line

# embedded posts: the embed code each platform publishes (its blockquote or container class)
_EMBED_XPATH = ("//blockquote[contains(@class,'twitter-tweet') or contains(@class,'instagram-media') or "
                "contains(@class,'tiktok-embed') or contains(@class,'twitter-video')] | "
                "//div[contains(@class,'twitter-tweet') or contains(@class,'instagram-media')] | //iframe")
# image captions: <figcaption> and the caption blocks the portals' templates name so (`photo__caption`,
# `detail__media-caption`, `wp-caption-text`)
_CAPTION_XPATH = (
    "//figcaption | //*[contains(@class,'caption') and not(.//p[string-length(normalize-space()) > 400])]"
)
_BLOCKS = ("ul", "ol", "div", "section", "aside", "nav", "table", "p")
_LINK_SHARE = 0.7  # a block whose text is at least this share link text is a link list
_MIN_LINKS = 2
_HEADLINE_WORDS = 4  # a link this long reads as another article's headline
_TEASER_SHARE = 0.45
_PROSE_WORDS = 12  # a line with at least this many words is prose; shorter ones are labels, names, dates
_PHOTO_BODY = 200  # characters of prose: less than this on a page with a longer caption is a photo page
_MIN_CAPTION = 80
_LEAD_MIN = 60
_TOP_LINES = 6  # a date line is page furniture only among the first lines
_DATE_LINE = 60
_BYLINE_CHARS = 80
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")  # lxml refuses a str that declares its encoding
_TWEET_LINE = re.compile(
    r"pic\.twitter\.com/|^\u2014\s?.{1,60}\(@\w{1,30}\)|^[\u2014-]\s?\S.{0,60}\(@\w{1,30}\)"
)


@dataclass
class Page:
    title: str | None = None
    lines: list[str] = field(default_factory=list)
    url: str | None = None
    date: str | None = None
    date_source: str = ""
    sitename: str | None = None
    author: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)  # (text, reason) taken out for audit


def _text(el: Any) -> str:
    return " ".join(" ".join(el.itertext()).split())


def _json_ld(tree: Any) -> dict[str, str]:
    """`datePublished`, `headline` and the publisher's name of the page's NewsArticle JSON-LD, where it has
    one."""
    out: dict[str, str] = {}
    for node in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(node.text or "")
        except ValueError:
            continue
        items = (
            data
            if isinstance(data, list)
            else [data, *((data.get("@graph") or []) if isinstance(data, dict) else [])]
        )
        for it in items:
            if not isinstance(it, dict):
                continue
            for key in ("datePublished", "headline"):
                if isinstance(it.get(key), str) and key not in out:
                    out[key] = it[key]
            pub = it.get("publisher")
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                out.setdefault("publisher", pub["name"])
    return out


def _meta(tree: Any, *names: str) -> str | None:
    for n in names:
        hit = tree.xpath(f"//meta[@property='{n}' or @name='{n}' or @itemprop='{n}']/@content")
        if hit and str(hit[0]).strip():
            return str(hit[0]).strip()
    return None


def _has_prose(el: Any) -> bool:
    """A paragraph of running text outside links: the block holds an article, whatever its links."""
    for p in el.xpath("descendant-or-self::p"):
        words = len(_text(p).split()) - sum(len(_text(a).split()) for a in p.xpath(".//a"))
        if words >= _PROSE_WORDS:
            return True
    return False


def _is_link_list(el: Any) -> bool:
    """Teasers and link lists: several links whose text is nearly all of the block's text, or several
    headline-long links (a teaser list with a line of summary under each) that are half of it."""
    links = el.xpath(".//a")
    if len(links) < _MIN_LINKS or _has_prose(el):
        return False
    total = len(_text(el))
    texts = [_text(a) for a in links]
    linked = sum(len(t) for t in texts)
    headlines = sum(len(t.split()) >= _HEADLINE_WORDS for t in texts)
    share = linked / total if total else 0.0
    return share >= _LINK_SHARE or (headlines >= _MIN_LINKS and share >= _TEASER_SHARE)


def _prune(tree: Any, page: Page) -> list[str]:
    """Takes embeds, captions and link lists out of the tree (kept on the page for audit); returns the
    captions."""
    captions = []
    for el in tree.xpath(_EMBED_XPATH):
        page.removed.append((_text(el), "embedded-post"))
        el.drop_tree()
    for el in tree.xpath(_CAPTION_XPATH):
        t = _text(el)
        if t:
            captions.append(t)
            page.removed.append((t, "caption"))
        el.drop_tree()
    for el in reversed(tree.xpath("//" + " | //".join(_BLOCKS))):  # innermost first
        if el.getparent() is not None and _is_link_list(el):
            page.removed.append((_text(el), "link-list"))
            el.drop_tree()
    return captions


def _lead_paragraph(tree: Any) -> tuple[str, str] | None:
    """(text, text of its container) of the first paragraph of the page that opens with a dateline
    (`GARUT, KOMPAS.com - ...`)."""
    from .outlets import find_dateline

    for el in tree.xpath("//p | //div[not(.//p) and not(.//div)]"):
        t = _text(el)
        if len(t) >= _LEAD_MIN and find_dateline(t) is not None:
            box = el.getparent()
            box = box.getparent() if box is not None and box.getparent() is not None else box
            return t, _text(box) if box is not None else t
    return None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _headline(page: Page) -> str:
    """The page title without its site name: the extractor may repeat either form as the first line."""
    from .outlets import clean_title

    return clean_title(page.title, hint=page.sitename)[0] or ""


def _author_words(author: str | None) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", author or "")}


def _furniture(s: str, top: bool, page: Page, captions: list[str]) -> str | None:
    """Why a line of the extracted text is page furniture, or None for article text."""
    if page.title and (_same(s, page.title) or _same(s, _headline(page))):
        return "headline"
    if top and is_date_line(s) and len(s) <= _DATE_LINE:
        return "date-line"
    if _TWEET_LINE.search(s):
        return "embedded-post"
    if any(_same(s, c) for c in captions):
        return "caption"
    names = _author_words(page.author)
    words = re.findall(r"[^\W\d_]{3,}", s)
    if (
        top
        and names
        and len(s) <= _BYLINE_CHARS
        and words
        and names & {w.casefold() for w in words}
        and not s.rstrip().endswith((".", '"', "\u201d"))
    ):
        return "byline"  # `Rina Wati - detikNews`, `Oleh: Rina Wati`: the page's author line
    return None


def _clean_lines(lines: list[str], page: Page, captions: list[str]) -> list[str]:
    out = []
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        why = _furniture(s, i < _TOP_LINES, page, captions)
        if why:
            page.removed.append((s, why))
            continue
        out.append(line)
    return out


def _starts_container(lead: tuple[str, str], lines: list[str]) -> bool:
    """The dateline paragraph belongs to the extracted article: the article's first line is in its
    container."""
    first = " ".join(lines[0].split())[:_LEAD_MIN]
    return bool(first) and first in lead[1]


def read_page(html: str) -> Page | None:
    """The page's headline, metadata and body lines, or None when it holds no article text."""
    import lxml.html
    import trafilatura

    tree = lxml.html.fromstring(_XML_DECLARATION.sub("", html, count=1))
    page = Page()
    ld = _json_ld(tree)
    published = ld.get("datePublished") or _meta(tree, "article:published_time", "datePublished", "pubdate")
    sitename = _meta(tree, "og:site_name") or ld.get("publisher")
    captions = _prune(tree, page)
    lead = _lead_paragraph(tree)
    doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=False)
    d: dict[str, Any] = {}
    if doc is not None:
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    page.title = ld.get("headline") or d.get("title") or _meta(tree, "og:title")
    page.url = (
        d.get("url") or _meta(tree, "og:url") or (f"https://{d['hostname']}/" if d.get("hostname") else None)
    )
    page.sitename = sitename or d.get("sitename")
    page.author = d.get("author")
    page.date, page.date_source = (
        (published, "html:datePublished") if published else (d.get("date"), "html:date")
    )
    body = (d.get("text") or "").replace("\r\n", "\n").replace("\r", "\n")
    lines = _clean_lines(body.split("\n"), page, captions)
    if (
        lead
        and lines
        and _starts_container(lead, lines)
        and not any(_same(lead[0][:_LEAD_MIN], ln.strip()[:_LEAD_MIN]) for ln in lines)
    ):
        lines.insert(0, lead[0])  # the extractor dropped the lead paragraph of the article it kept
    prose = sum(len(ln) for ln in lines if len(ln.split()) >= _PROSE_WORDS)
    best_caption = max(captions, key=len, default="")
    if prose < _PHOTO_BODY and len(best_caption) >= max(_MIN_CAPTION, prose):
        lines = [best_caption]  # a photo or video page: the caption is the article
    page.lines = lines
    return page if any(ln.strip() for ln in lines) else None
