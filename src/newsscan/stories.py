"""Groups articles about the same event across outlets into stories.

    stories = group_stories([story_input(result, canonical) for result in results])

Two articles are linked when their words (TF-IDF over headline and body) and their named entities are
alike enough, and they are never linked when their event days lie too far apart: a follow-up on another
day, or another event with the same people, is another story (CONVENTIONS.md, "Stories"). Linking is
agglomerative: the strongest pairs first, a group joins another only when their average likeness stays
high and no two of their articles are date-blocked, so one article cannot chain two events together.

Scales with sparse matrices: the pairwise likeness is computed block by block as a sparse product and
only pairs above a floor are kept; the Python work is over those pairs only. Deterministic: the same
input gives the same stories, ids and order (ids are a hash of the member paths).
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .records import ArticleResult

# Likeness thresholds, tuned on the development corpus (9 multi-outlet stories, 5 singles) and the seeds.
LINK = 0.12  # a pair must be at least this alike to link two groups
AVERAGE = 0.09  # the average likeness between two groups that merge
WORDS_WEIGHT = 0.75  # likeness = WORDS_WEIGHT * tfidf cosine + (1 - WORDS_WEIGHT) * entity overlap
DAY_WINDOW = 4  # event days further apart than this block a link
FLOOR = 0.05  # pairs below this tfidf cosine are not considered at all
BLOCK = 512  # rows per block of the sparse product (bounds the memory of one product)
LEAD_CHARS = 1500  # how much of the body the likeness reads


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What grouping needs of one article."""

    path: str
    outlet: str
    title: str
    body: str
    published: str | None  # ISO date, or None when the article gives none
    entities: tuple[str, ...] = ()  # canonical names (PERSON, ORG, LOC), corpus-wide forms where known
    dates: tuple[str, ...] = ()  # normalized date values from the dates layer (`2025-06-10`, `XXXX-09-13`)


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    articles: tuple[str, ...]  # paths, in the order of the input


def story_input(result: ArticleResult, canonical: Mapping[str, str] | None = None) -> StoryInput:
    """A StoryInput from an ArticleResult; `canonical` maps article-level names to corpus-wide ones."""
    a = result.article
    canon = canonical or {}
    ents = sorted({canon.get(m.canonical, m.canonical) for m in result.entities if m.canonical})
    return StoryInput(path=a.path, outlet=a.outlet, title=a.title or "", body=a.body,
                      published=a.published, entities=tuple(ents),
                      dates=tuple(d.value for d in result.dates if d.value))


def _stopwords() -> list[str]:
    from .claims import stopwords

    return sorted(stopwords())


_DAY = re.compile(r"^(\d{4}|XXXX)-(\d\d)-(\d\d)")


def event_day(item: StoryInput) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the event the article reports: its publication date, else the day it
    names most often (ties: the latest). None when neither is known."""
    if item.published and _DAY.match(item.published):
        y, m, d = item.published[:10].split("-")
        return int(y), int(m), int(d)
    days = Counter()
    for v in item.dates:
        m = _DAY.match(v)
        if m and "/" not in v:
            days[(None if m.group(1) == "XXXX" else int(m.group(1)), int(m.group(2)), int(m.group(3)))] += 1
    if not days:
        return None
    best = max(days.values())
    return max((k for k, n in days.items() if n == best), key=lambda k: (k[0] or 0, k[1], k[2]))


def _day_gap(a, b) -> int | None:
    """Days between two event days; a missing year is read as the year that brings them closest."""
    if a is None or b is None:
        return None
    try:
        if a[0] is not None and b[0] is not None:
            return abs((date(a[0], a[1], a[2]) - date(b[0], b[1], b[2])).days)
        y = a[0] or b[0] or 2001
        da = date(y, a[1], a[2])
        return min(abs((da - date(y + k, b[1], b[2])).days) for k in (-1, 0, 1))
    except ValueError:
        return None


def _likeness(items: Sequence[StoryInput]):
    """Sparse matrix of pairwise likeness (upper triangle, above FLOOR)."""
    from scipy import sparse
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
    from sklearn.preprocessing import normalize

    # the title twice and the opening of the body: the lead carries the event; the rest adds memory, not signal
    docs = [f"{it.title}\n{it.title}\n{it.body[:LEAD_CHARS]}" for it in items]
    # hashed features: no vocabulary of every word pair in memory (it grew faster than the corpus)
    counts = HashingVectorizer(lowercase=True, stop_words=_stopwords(), token_pattern=r"(?u)\b[^\W\d_][\w-]+\b",
                               ngram_range=(1, 2), n_features=2**21, alternate_sign=False, norm=None,
                               ).transform(docs)
    X = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
    ents = sorted({e.lower() for it in items for e in it.entities})
    index = {e: i for i, e in enumerate(ents)}
    rows, cols = [], []
    for r, it in enumerate(items):
        for e in {x.lower() for x in it.entities}:
            rows.append(r)
            cols.append(index[e])
    E = sparse.csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(items), max(1, len(ents))))
    E = normalize(E)
    out = []
    n = len(items)
    for s in range(0, n, BLOCK):
        words = (X[s:s + BLOCK] @ X.T).tocsr()
        names = (E[s:s + BLOCK] @ E.T).tocsr()
        words.data[words.data < FLOOR] = 0
        words.eliminate_zeros()
        mask = words.copy()
        mask.data[:] = 1
        like = WORDS_WEIGHT * words + (1 - WORDS_WEIGHT) * names.multiply(mask)
        like = sparse.triu(like, k=s + 1).tocoo()  # keep j > i of the global matrix
        for i, j, v in zip(like.row, like.col, like.data):
            gi = s + int(i)
            if int(j) > gi:
                out.append((float(v), gi, int(j)))
    return out


def _opening(body: str, limit: int = 90) -> str:
    """A stand-in title for an article without one: the start of its first line, cut at a word."""
    line = body.strip().split("\n", 1)[0].strip()
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0] + " …"


def group_stories(items: Sequence[StoryInput]) -> list[Story]:
    """Stories of `items` (every article in exactly one), ordered by their first article in the input."""
    items = list(items)
    n = len(items)
    if n == 0:
        return []
    days = [event_day(it) for it in items]
    pairs = _likeness(items) if n > 1 else []
    like = {(i, j): v for v, i, j in pairs}
    parent = list(range(n))
    members = {i: [i] for i in range(n)}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def blocked(ga, gb) -> bool:
        for x in members[ga]:
            for y in members[gb]:
                gap = _day_gap(days[x], days[y])
                if gap is not None and gap > DAY_WINDOW:
                    return True
        return False

    for v, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if v < LINK:
            break
        gi, gj = find(i), find(j)
        if gi == gj or blocked(gi, gj):
            continue
        total = sum(like.get((min(x, y), max(x, y)), 0.0) for x in members[gi] for y in members[gj])
        if total / (len(members[gi]) * len(members[gj])) < AVERAGE:
            continue
        keep, gone = min(gi, gj), max(gi, gj)
        parent[gone] = keep
        members[keep] = sorted(members[keep] + members.pop(gone))
    stories = []
    for root in sorted(members, key=lambda r: members[r][0]):
        idx = members[root]
        paths = tuple(items[k].path for k in idx)
        lead = min(idx, key=lambda k: (items[k].published or "9999", k))
        sid = "s" + hashlib.sha1("\n".join(sorted(paths)).encode()).hexdigest()[:10]
        stories.append(Story(id=sid, title=items[lead].title or _opening(items[lead].body) or items[lead].path,
                             articles=paths))
    return stories
