"""The HTML report: one self-contained file (CSS, JS and SVG charts inline, no request to any network) that
shows a corpus, its stories, conflicts and sources.

    run = newsscan.analyze(["seeds/"])
    html = build_report(run, title="Kim in Russia")

One more renderer beside `render.py`'s: it reads the `Run` and `api.diff_document(run)`, never analyzes. This
module only turns records into plain values for the templates (`templates/report.html.j2` and its parts);
every piece of markup is in the templates, where Jinja escapes every value (autoescape on). Highlighting is
a list of tokens (`("t", text)`, `("o", class, title)`, `("c",)`) whose texts are slices of the article,
escaped when the template prints them. A Content-Security-Policy allows only the report's own script and
style (by hash), so even a slip in escaping could run nothing. Same input, same bytes: no timestamp, every
collection sorted or in the run's order.
"""
from __future__ import annotations

import base64
import hashlib
import itertools
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from . import __version__

SIDE_CHARS = 560  # a side of a conflict longer than this is cut around its value (the block stays compact)
TOP_ENTITIES = 8  # people / organisations / places shown in the overview
DAY_SPAN = 92  # a publication-date histogram spanning up to this many days has one bar per day; else months
MONTH_SPAN = 60  # ... up to about this many months has one bar per month; else one per year
SHADES = 5  # shading classes of the sources matrix (s1..s5; s0 is an empty cell)

Token = tuple  # ("t", text) | ("o", css class, title) | ("c",)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text to mark: offsets into the text being marked, a CSS class and a hover title."""

    start: int
    end: int
    cls: str
    title: str = ""


# ---------------------------------------------------------------- highlighting


def _layer(spans: Iterable[Span], size: int) -> list[Span]:
    """Spans inside [0, size], without overlaps: the earlier start wins, then the longer span."""
    kept: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start), s.cls, s.title)):
        if 0 <= s.start < s.end <= size and (not kept or s.start >= kept[-1].end):
            kept.append(s)
    return kept


def marked(text: str, layers: Sequence[Iterable[Span]]) -> list[Token]:
    """`text` cut into tokens with marks nested by layer (the first layer outermost); a span of an inner
    layer that crosses an outer boundary is closed and reopened, so the markup is always well nested."""
    kept = [_layer(layer, len(text)) for layer in layers]
    cuts = sorted({0, len(text)} | {p for layer in kept for s in layer for p in (s.start, s.end)})
    tokens: list[Token] = []
    stack: list[Span] = []
    index = [0] * len(kept)
    for a, b in itertools.pairwise(cuts):
        want = []
        for i, layer in enumerate(kept):
            while index[i] < len(layer) and layer[index[i]].end <= a:
                index[i] += 1
            if index[i] < len(layer) and layer[index[i]].start <= a:
                want.append(layer[index[i]])
        same = 0
        while same < min(len(stack), len(want)) and stack[same] is want[same]:
            same += 1
        tokens.extend(("c",) for _ in stack[same:])
        tokens.extend(("o", s.cls, s.title) for s in want[same:])
        stack = want
        tokens.append(("t", text[a:b]))
    tokens.extend(("c",) for _ in stack)
    return tokens


def _quote_title(q, name: str | None) -> str:
    who = name or "speaker unknown"
    if q.speaker_role:
        who += f", {q.speaker_role}"
    if q.via:
        who += f" (via {q.via})"
    return f"{who} · {q.kind} quote"


def body_tokens(result, run) -> list[Token]:
    """An article's clean body with its quotes (speaker on hover), entities and dates marked."""
    quotes = [Span(q.start, q.end, f"q q-{q.kind}", _quote_title(q,
                                                                 run.name(q.speaker))) for q in result.quotes]
    ents = [Span(m.start, m.end, f"e e-{m.label}", f"{m.label}: {run.name(m.canonical)}")
            for m in result.entities]
    dates = [Span(d.start, d.end, "d", f"{d.value} ({d.kind})") for d in result.dates]
    return marked(result.article.body, [quotes, ents, dates])


# ---------------------------------------------------------------- overview


def _bars(items: Sequence[tuple[str, int]], link: str) -> list[dict[str, Any]]:
    """Horizontal bars: label, count, the share of the largest (0..1), and where the bar links to."""
    top = max((n for _, n in items), default=0) or 1
    return [{"label": k, "n": n, "share": round(n / top, 4), "href": link, "q": k} for k, n in items]


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def date_histogram(published: Sequence[str | None]) -> dict[str, Any]:
    """Publication dates in bars: one per day when the corpus spans up to DAY_SPAN days, else one per month,
    else one per year (empty bars kept, so the gaps show); articles with no known date are counted apart."""
    import datetime as dt

    days = sorted(p for p in published if p and re.match(r"^\d{4}-\d\d-\d\d$", p))
    undated = len(published) - len(days)
    if not days:
        return {"bars": [], "undated": undated, "unit": "day"}
    first, last = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[-1])
    if (last - first).days < DAY_SPAN:
        keys = [(first + dt.timedelta(n)).isoformat() for n in range((last - first).days + 1)]
        unit, counts = "day", Counter(days)
    elif last.year - first.year < MONTH_SPAN // 12:
        keys = _months(days[0][:7], days[-1][:7])
        unit, counts = "month", Counter(d[:7] for d in days)
    else:
        keys = [str(y) for y in range(first.year, last.year + 1)]
        unit, counts = "year", Counter(d[:4] for d in days)
    top = max(counts.values())
    bars = [{"label": k, "n": counts.get(k, 0), "share": round(counts.get(k, 0) / top, 4)} for k in keys]
    return {"bars": bars, "undated": undated, "unit": unit}


def overview(run, summary: dict[str, Any], sources: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Totals (each linking to its section), articles per outlet, the date histogram, top entities."""
    from .api import entity_rows

    outlets = Counter(r.article.outlet for r in run.results)
    by_outlet = sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))
    tops = {}
    for label, title in (("PERSON", "People"), ("ORG", "Organisations"), ("LOC", "Places")):
        rows = sorted(entity_rows(run, label=label), key=lambda e: (-e["articles"], -e["mentions"],
                                                                    e["name"]))
        tops[title] = _bars([(e["name"], e["articles"]) for e in rows[:TOP_ENTITIES]], "#articles")
    totals = [("articles", summary["articles"], "#articles"), ("outlets", len(outlets), "#outlets"),
              ("stories", summary["stories"], "#stories"), ("quotes", summary["quotes"], "#sources"),
              ("sources", len(sources), "#sources"), ("dates", sum(len(r.dates) for r in run.results),
                                                      "#timeline"),
              ("problems", len(run.issues), "#problems")]
    return {"totals": totals, "date_range": summary.get("date_range"),
            "outlets": _bars(by_outlet, "#articles"), "histogram": date_histogram([r.article.published
                                                                                    for r in run.results]),
            "tops": tops, "issues": [{"path": i.path, "reason": i.reason, "severity": i.severity}
                                     for i in run.issues]}


# ---------------------------------------------------------------- timeline


def _resolved_from(ref) -> str:
    """What a relative date was resolved against: the reference date and the words it was read from."""
    if not ref or not ref.value:
        return "no reference date: the article gives none"
    said = f" “{ref.text}”" if ref.text and ref.text != ref.value else ""
    return f"{ref.value} ({ref.source}{said})"


def timeline(run, anchors: dict[str, str], story_titles: dict[str, str]) -> dict[str, Any]:
    """`api.timeline_rows` grouped by story (in the run's story order), each event with its date kind and,
    for a relative date or a weekday, what it was resolved from. Dates with an unknown year are counted."""
    from .api import timeline_rows

    kinds = {(r.article.path, d.text, d.value, d.sentence): d.kind for r in run.results for d in r.dates}
    refs = {r.article.path: r.reference_date for r in run.results}
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in timeline_rows(run):
        kind = kinds.get((row["path"], row["text"], row["date"], row["sentence"]), "")
        relative = kind in ("relative", "weekday")
        groups[run.story_of.get(row["path"], "")].append({
            **row, "kind": kind, "anchor": anchors.get(row["path"], ""),
            "resolved_from": _resolved_from(refs.get(row["path"])) if relative else ""})
    unplaced = sum(1 for r in run.results for d in r.dates
                   if d.granularity != "duration" and d.value.startswith("X"))
    order = [s.id for s in run.stories] + [""]
    return {"groups": [{"id": sid, "title": story_titles.get(sid, "articles in no story"),
                        "events": groups[sid]}
                       for sid in order if groups.get(sid)], "unplaced": unplaced}


# ---------------------------------------------------------------- stories


def _bare_value(value: str) -> str:
    """`Vladivostok (plan)` -> `Vladivostok`: the words to look for in the side's sentence."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", value).strip()


def _window(text: str, at: int, size: int) -> tuple[int, int]:
    """A stretch of at most `size` characters of `text` around offset `at`, cut at spaces."""
    if len(text) <= size:
        return 0, len(text)
    start = max(0, min(at - size // 3, len(text) - size))
    end = min(len(text), start + size)
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    return start, end


def side_view(side: dict[str, Any] | None, value: str, anchors: dict[str, str]) -> dict[str, Any] | None:
    """One side of a diff item: outlet, speaker, where it comes from, and its sentence (cut around the
    value when long) with the value marked where the sentence says it."""
    if not side:
        return None
    text = side.get("text") or ""
    needle = _bare_value(value) if value else ""
    at = text.casefold().find(needle.casefold()) if needle else -1
    start, end = _window(text, max(at, 0), SIDE_CHARS)
    spans = [Span(at - start, at - start + len(needle), "v", value)] if at >= 0 and needle else []
    return {"outlet": side.get("outlet"), "speaker": side.get("speaker"), "kind": side.get("kind"),
            "in_title": bool(side.get("in_title")), "anchor": anchors.get(side.get("path") or "", ""),
            "path": side.get("path"), "cut_before": start > 0, "cut_after": end < len(text),
            "tokens": marked(text[start:end], [spans])}


def item_view(item: dict[str, Any], anchors: dict[str, str]) -> dict[str, Any]:
    """A diff item as two sides side by side (or one, for what only one outlet reports)."""
    from .views import item_values

    values = item_values(item)
    sides = [side_view(item.get(k), values[n] if n < len(values) else "", anchors)
             for n, k in enumerate(("a", "b"))]
    return {"what": item.get("what") or "", "values": values, "labels": list(dict.fromkeys(values)),
            "note": item.get("note") or "",
            "score": item.get("score"), "sides": [s for s in sides if s]}


ITEM_KINDS = (("conflicts", "Conflicts"), ("updates", "Updates (a later report)"), ("agreements",
                                                                                    "Agreements"),
              ("shared_quotes", "Quotes shared across outlets"))


def stories(run, diff: dict[str, Any], anchors: dict[str, str], outlet_of: dict[str, str]) -> list[dict]:
    """Every story of the run, titled by its headline: its articles and outlets, then (for a story told by
    more than one article) conflicts first, updates, agreements, shared quotes, and what one outlet alone
    reports, grouped by outlet."""
    compared = {s.get("id"): s for s in diff.get("stories") or []}
    heading = {r.article.path: r.article.title or os.path.basename(r.article.path) for r in run.results}
    published = {r.article.path: r.article.published for r in run.results}
    out = []
    for n, story in enumerate(run.stories):
        d = compared.get(story.id) or {}
        only: dict[str, list] = defaultdict(list)
        for item in d.get("only") or ():
            only[(item.get("a") or {}).get("outlet") or "unknown"].append(item_view(item, anchors))
        out.append({
            "id": f"story-{n}", "title": story.title or story.id,
            "articles": [{"path": p, "anchor": anchors.get(p, ""), "outlet": outlet_of.get(p, ""),
                          "heading": heading.get(p, p),
                          "published": published.get(p)} for p in story.articles],
            "outlets": sorted({outlet_of.get(p, "unknown") for p in story.articles}),
            "sections": [{"kind": k, "title": t, "entries": [item_view(i, anchors) for i in d.get(k) or ()]}
                         for k, t in ITEM_KINDS],
            "only": sorted(only.items()), "only_count": sum(len(v) for v in only.values()),
            "compared": bool(d)})
    # stories told by several articles first, those with the most conflicts on top; then the singles
    return sorted(out, key=lambda s: (not s["compared"], -len(s["sections"][0]["entries"]),
                                      -len(s["articles"]),
                                      int(s["id"].split("-")[1])))


# ---------------------------------------------------------------- sources


def _shade(n: int, top: int) -> int:
    return 0 if n <= 0 else max(1, min(SHADES, -(-n * SHADES // max(top, 1))))


def _outlet_shares(quotes: Sequence[dict[str, Any]], outlets: Sequence[str]) -> list[dict[str, Any]]:
    """Per outlet: quotes, distinct sources, how many of them are anonymous (and their share), and quotes
    with no speaker found."""
    rows = []
    for outlet in outlets:
        mine = [q for q in quotes if q["outlet"] == outlet]
        named = {q["speaker"] for q in mine if q["speaker"]}
        anon = {q["speaker"] for q in mine if q["speaker"] and q["anonymous"]}
        rows.append({"outlet": outlet, "quotes": len(mine), "sources": len(named), "anonymous": len(anon),
                     "share": round(100 * len(anon) / len(named)) if named else 0,
                     "unattributed": sum(1 for q in mine if not q["speaker"])})
    return rows


def sources(run, anchors: dict[str, str]) -> dict[str, Any]:
    """The outlet x source matrix (quotes per cell, shaded), each source's quotes, the anonymous share per
    outlet. Sources in `api.source_rows` order (most quoted first)."""
    from .api import quote_rows, source_rows

    quotes = quote_rows(run)
    outlets = sorted({r.article.outlet for r in run.results})
    said: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in quotes:
        if q["speaker"]:
            said[q["speaker"]].append({**q, "anchor": anchors.get(q["path"], "")})
    counts = {name: Counter(q["outlet"] for q in qs) for name, qs in said.items()}
    top = max((n for c in counts.values() for n in c.values()), default=1)
    rows = []
    for n, s in enumerate(source_rows(run)):
        c = counts.get(s["name"], Counter())
        rows.append({**s, "id": f"src-{n}", "said": said.get(s["name"], []),
                     "cells": [{"outlet": o, "n": c.get(o, 0), "shade": _shade(c.get(o, 0), top)}
                               for o in outlets]})
    return {"outlets": outlets, "rows": rows, "shares": _outlet_shares(quotes, outlets)}


# ---------------------------------------------------------------- articles


def _evidence(ev) -> str:
    if ev is None or ev.source == "none":
        return "no evidence in the text"
    return f"{ev.source}: “{ev.text}”" if ev.text else ev.source


def _safe_url(url: str | None) -> str | None:
    """A link only for http(s) addresses; anything else (`javascript:`, `data:`) is shown as text."""
    return url if url and re.match(r"^https?://[^\s\"'<>]+$", url, re.IGNORECASE) else None


def _metadata(r, run, story: dict[str, str] | None) -> list[dict[str, Any]]:
    a = r.article
    rows = [("file", a.path, ""), ("outlet", a.outlet, _evidence(a.outlet_evidence)),
            ("published", " ".join(x for x in (a.published or "unknown", a.published_time or "") if x),
             _evidence(a.published_evidence)),
            ("relative dates resolved against", r.reference_date.value or "nothing",
             _evidence(r.reference_date)),
            ("dateline", a.dateline, ""), ("authors", ", ".join(a.authors), ""),
            ("editors", ", ".join(a.editors), ""), ("credits", ", ".join(a.credits), ""),
            ("url", a.url, ""), ("format", f"{a.source_format}, {a.encoding}, {a.words} words", "")]
    meta = [{"label": k, "value": v, "evidence": e, "href": _safe_url(v) if k == "url" else None}
            for k, v, e in rows if v]
    if story:
        meta.append({"label": "story", "value": story["title"], "evidence": "", "href": "#" + story["id"]})
    return meta


def articles(run, anchors: dict[str, str], story_of: dict[str, dict[str, str]]) -> list[dict[str, Any]]:
    """Each article: heading, metadata with evidence, the marked body, the boilerplate taken out."""
    out = []
    for r in run.results:
        a = r.article
        names = sorted({run.name(m.canonical) for m in r.entities} | {run.name(q.speaker) for q in r.quotes
                                                                       if q.speaker})
        out.append({"anchor": anchors[a.path], "heading": a.title or os.path.basename(a.path), "path": a.path,
                    "outlet": a.outlet, "published": a.published, "words": a.words, "quotes": len(r.quotes),
                    "entities": len(r.entities), "dates": len(r.dates), "story": story_of.get(a.path),
                    "keywords": " ".join(names), "meta": _metadata(r, run, story_of.get(a.path)),
                    "tokens": body_tokens(r, run),
                    "removed": [{"line": b.line + 1, "reason": b.reason,
                                 "text": b.text} for b in a.boilerplate]})
    return out


# ---------------------------------------------------------------- the page


def _asset(name: str) -> str:
    from importlib import resources

    return resources.files("newsscan").joinpath("templates", name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    # autoescape on for every template, whatever its name: article text is hostile until escaped
    return Environment(loader=PackageLoader("newsscan", "templates"), autoescape=True,
                       undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def report_context(run, *, title: str | None = None) -> dict[str, Any]:
    """Everything the templates show, as plain values (no markup)."""
    from .api import diff_document, summary_rows

    anchors = {r.article.path: f"art-{n}" for n, r in enumerate(run.results)}
    outlet_of = {r.article.path: r.article.outlet for r in run.results}
    story_list = stories(run, diff_document(run), anchors, outlet_of)
    story_of = {p["path"]: {"id": s["id"], "title": s["title"]} for s in story_list for p in s["articles"]}
    titles = {st.id: s["title"] for st, s in zip(run.stories, story_list, strict=False)}
    _, summary = summary_rows(run)
    source_view = sources(run, anchors)
    n = len(run.results)
    return {"title": title or f"newsscan report: {n} article{'s' if n != 1 else ''}", "version": __version__,
            "overview": overview(run, summary, source_view["rows"]), "timeline": timeline(run, anchors,
                                                                                          titles),
            "stories": story_list, "sources": source_view, "articles": articles(run, anchors, story_of)}


def build_report(run, *, title: str | None = None) -> str:
    """The report of `run` as one HTML document (a str); the same run gives the same text."""
    css, js = _asset("report.css"), _asset("report.js")
    csp = (f"default-src 'none'; script-src {_csp_hash(js)}; style-src {_csp_hash(css)}; img-src data:; "
           "form-action 'none'; base-uri 'none'")
    page = _environment().get_template("report.html.j2")
    return page.render(**report_context(run, title=title), css=css, js=js, csp=csp)


def write_report(run, output: str, *, title: str | None = None) -> int:
    """Write the report to `output` (atomically; `-` is standard output); returns its size in bytes."""
    import sys

    from .render import write_atomic

    html = build_report(run, title=title)
    if output == "-":
        sys.stdout.write(html)
        sys.stdout.flush()
    else:
        write_atomic(output, html)
    return len(html.encode("utf-8"))
