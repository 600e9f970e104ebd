"""Groups articles about the same event across outlets into stories.

    stories = group_stories([story_input(result, canonical) for result in results])

Two articles are linked when their words (TF-IDF over headline and body) and their named entities are
alike enough, and they are never linked when their event days lie too far apart: a follow-up on another
day, or another event with the same people, is another story (CONVENTIONS.md, "Stories"). Linking is
agglomerative: the strongest pairs first, a group joins another only when their average likeness stays
high and no two of their articles are date-blocked, so one article cannot chain two events together.

Scales close to linearly: only candidate pairs are compared (`candidate_blocks`: articles whose event days
lie within DAY_WINDOW of each other; an article without a dated event day against the articles that share one
of its KEYS most weighty words, or hold one of theirs), each block as a sparse product keeping the pairs
above a floor; the Python work is over those pairs only. Deterministic:
the same input gives the same stories, ids and order (ids are a hash of the member paths).
"""
from __future__ import annotations

import hashlib
import itertools
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .records import ArticleResult

# Likeness thresholds, tuned on the development corpus (9 multi-outlet stories, 5 singles) and the seeds.
LINK = 0.12  # a pair must be at least this alike to link two groups
AVERAGE = 0.09  # the average likeness between two groups that merge
WORDS_WEIGHT = 0.75  # likeness = WORDS_WEIGHT * tfidf cosine + (1 - WORDS_WEIGHT) * entity overlap
DAY_WINDOW = 4  # event days further apart than this block a link
# below this word likeness (names set aside: a shared court, ministry or official is the setting), a pair
# whose titles share neither actor nor action is two events; above it the bodies tell one story whatever the
# headlines say
OTHER_EVENT = 0.30
FLOOR = 0.05  # pairs below this tfidf cosine are not considered at all
BLOCK = 512  # rows per block of the sparse product (bounds the memory of one product)
# An undated article's blocking keys: its KEYS words (and word pairs) of most TF-IDF weight among those that
# 2..MAX_SHARED articles of the corpus use. Two reports of one event share their weightiest words (the names,
# the place, the thing that happened); a word in more than MAX_SHARED articles names a topic, not an event.
# Checked on the bench: every pair above FLOOR with an undated side shares such a key (16 keys missed 4).
KEYS = 32
MAX_SHARED = 200
MAX_CANDIDATES = 512  # an article's keys stop where their articles would add up to more
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
    published_guessed: bool = False  # the publication date was read from the body, not a header or dateline


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
    guessed = getattr(a.published_evidence, "source", "") == "body"
    return StoryInput(path=a.path, outlet=a.outlet, title=a.title or "", body=a.body,
                      published=a.published, entities=tuple(ents),
                      dates=tuple(d.value for d in result.dates if d.value), published_guessed=guessed)


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


def event_days(item: StoryInput) -> tuple[tuple[int | None, int, int], ...]:
    """The days the article's event may lie on: its publication date when it has one; else every full day
    it names (an undated article may report any of them: the day it names most often is only a guess,
    and a programme's dates outnumber the day of the announcement). A publication date read from the body
    is one such guess."""
    if item.published and _DAY.match(item.published) and not item.published_guessed:
        return (event_day(item),)
    out = set()
    if item.published and _DAY.match(item.published):
        y, m, d = item.published[:10].split("-")
        out.add((int(y), int(m), int(d)))
    for v in item.dates:
        m = _DAY.match(v)
        if m and "/" not in v:
            out.add((None if m.group(1) == "XXXX" else int(m.group(1)), int(m.group(2)), int(m.group(3))))
    return tuple(sorted(out, key=lambda d: (d[0] or 0, d[1], d[2])))


def title_event(item: StoryInput) -> tuple[frozenset[str], frozenset[str]]:
    """(actors, actions) of the event the title names: name words of the article's entities that the title
    writes, and the lemmas of its verbs (speech verbs aside)."""
    from .morphology import WORD, base_verbs, headline_verbs, lemma, looks_prefixed_verb, speech_lemmas

    words = [w.lower() for w in WORD.findall(item.title or "")]
    title = set(words)
    actors = {t for e in item.entities for t in e.lower().split() if len(t) >= 3 and t in title}
    bare = base_verbs() | headline_verbs()
    actions = {lemma(w) for w in words if w in bare or looks_prefixed_verb(w)} - speech_lemmas()
    return frozenset(actors), frozenset(actions)


def _other_event(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Two titles that name who did what, and share neither the who nor the what: two events, however much
    else (the court, the official, the day) their articles share."""
    (actors_a, acts_a), (actors_b, acts_b) = a, b
    return (
        bool(actors_a and actors_b and acts_a and acts_b)
        and not (actors_a & actors_b)
        and not (acts_a & acts_b)
    )


def _days_gap(xs, ys) -> int | None:
    """The smallest gap between two sets of possible event days; None when either is empty."""
    gaps = [g for x in xs for y in ys if (g := _day_gap(x, y)) is not None]
    return min(gaps) if gaps else None


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


_TOKEN = re.compile(r"(?u)\b[^\W\d_][\w-]+\b")
FEATURES = 2**21  # hashed feature space: no vocabulary of every word pair is kept in memory


def _tfidf(docs: Sequence[str]):
    """Rows of L2-normalised TF-IDF over hashed words and word pairs (stop words out first; sublinear tf,
    smoothed idf). CRC32 hashing, not Python's salted `hash`, so the same corpus gives the same stories."""
    import numpy as np
    from scipy import sparse

    stop = set(_stopwords())
    indptr, cols, vals = [0], [], []  # per-document numpy arrays: lists of Python numbers cost 5x the memory
    for doc in docs:
        words = [w for w in _TOKEN.findall(doc.lower()) if w not in stop]
        counts = Counter(zlib.crc32(f.encode("utf-8", "surrogatepass")) % FEATURES
                         for f in itertools.chain(words, map(" ".join, itertools.pairwise(words))))
        keys = sorted(counts)
        cols.append(np.fromiter(keys, dtype=np.int32, count=len(keys)))
        vals.append(1.0 + np.log(np.fromiter((counts[k] for k in keys), dtype=np.float64, count=len(keys))))
        indptr.append(indptr[-1] + len(keys))
    X = sparse.csr_matrix((np.concatenate(vals) if vals else np.zeros(0),
                           np.concatenate(cols) if cols else np.zeros(0, dtype=np.int32),
                           np.asarray(indptr, dtype=np.int64)), shape=(len(docs), FEATURES))
    df = np.bincount(X.indices, minlength=FEATURES)
    idf = np.log((1 + len(docs)) / (1 + df)) + 1.0
    X = X.multiply(idf.reshape(1, -1)).tocsr()
    return _l2_rows(X)


def _l2_rows(M):
    import numpy as np
    from scipy import sparse

    norms = np.sqrt(np.asarray(M.multiply(M).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ M


def _likeness(items: Sequence[StoryInput], days: Sequence[tuple] | None = None, score: Scorer | None = None):
    """Pairwise likeness (i < j, word likeness above FLOOR) as (likeness, i, j, word likeness alone), over the
    candidate pairs of `candidate_blocks` only: a pair whose event days lie further apart than DAY_WINDOW can
    never be linked, so it is not computed. Each value is the same dot product of the same rows an all-pairs
    product gives (bit for bit), so the stories are the same; the cost grows with the articles of a few days
    around each article, not with the corpus. `score(score_blocks, X, E, blocks)` may run the blocks
    elsewhere (Dask tasks), as long as it returns `score_blocks`' pairs in the order of the blocks."""
    # the title twice and the opening of the body: the lead carries the event; the rest adds memory, not
    # signal
    X = _compact(_tfidf([f"{it.title}\n{it.title}\n{it.body[:LEAD_CHARS]}" for it in items]))
    E = _entity_rows(items)
    blocks = candidate_blocks(days if days is not None else [event_days(it) for it in items], X)
    cut = [(rows[s:s + BLOCK], cols) for rows, cols in blocks for s in range(0, len(rows), BLOCK)]
    found: dict[tuple[int, int], tuple[float, float]] = {}
    for gi, gj, v, w in (score or _here)(score_blocks, X, E, cut):
        if (gi, gj) not in found:
            found[gi, gj] = (v, w)
    return [(v, i, j, w) for (i, j), (v, w) in found.items()]


Scorer = Callable[..., Iterable[tuple[int, int, float, float]]]


def _here(fn, X, E, blocks):
    return fn(X, E, blocks)


def score_blocks(X, E, blocks: Sequence[tuple[list[int], list[int]]]) -> list[tuple[int, int, float, float]]:
    """(i, j, likeness, word likeness) of each block's pairs above FLOOR with the lower index as the row, in
    the order of the blocks (a pair found twice: its first)."""
    import numpy as np

    scratch = (np.full(X.shape[1], -1, dtype=np.int64), np.full(E.shape[1], -1, dtype=np.int64))
    out = []
    for r, cols in blocks:
        words = _product(X, r, cols, scratch[0])
        names = _product(E, r, cols, scratch[1])
        words.data[words.data < FLOOR] = 0
        words.eliminate_zeros()
        mask = words.copy()
        mask.data[:] = 1
        like = WORDS_WEIGHT * words + (1 - WORDS_WEIGHT) * names.multiply(mask)
        out += [(r[i], cols[j], v, w) for i, j, v, w in _entries(like, words) if cols[j] > r[i]]
    return out


def _compact(X):
    """X with its columns renumbered to the features the corpus uses, each row's terms kept in their order (so
    every dot product is summed as before, bit for bit): a product's transposed operand then spans the
    corpus's features, not the whole hashed space, which matters for the many small products of undated
    articles."""
    import numpy as np
    from scipy import sparse

    X = X.tocsr()
    used, cols = np.unique(X.indices, return_inverse=True)
    shape = (X.shape[0], max(1, len(used)))
    return sparse.csr_matrix((X.data, cols.astype(np.int32).ravel(), X.indptr), shape=shape)


def _product(M, rows: list[int], cols: list[int], local):
    """M[rows] @ M[cols].T over the features `cols` use only, numbered afresh: the transposed operand's size
    then follows the block, not the corpus. A row's other terms meet no column and are left out; the rest
    keep their order, so each sum is the full product's, bit for bit. `local`: -1 for each of M's features,
    left so (a scratch array, so that a block costs what it holds, not the corpus's features)."""
    import numpy as np
    from scipy import sparse

    B = M[cols]
    pos = np.arange(len(B.indices))
    local[B.indices] = pos
    used = B.indices[local[B.indices] == pos]  # each feature once (whichever position was written last)
    local[used] = np.arange(len(used))
    try:
        B = sparse.csr_matrix((B.data, local[B.indices], B.indptr), shape=(len(cols), max(1, len(used))))
        A = M[rows]
        at = local[A.indices]
    finally:
        local[used] = -1
    keep = at >= 0
    indptr = np.concatenate(([0], np.cumsum(keep)))[A.indptr]
    A = sparse.csr_matrix((A.data[keep], at[keep], indptr), shape=(len(rows), B.shape[1]))
    return (A @ B.T).tocsr()


def _entries(like, words):
    """(row, column, likeness, word likeness) of every stored entry: both matrices hold the same entries (the
    likeness is non-zero exactly where the word likeness passed the floor), read in (row, column) order."""
    import numpy as np

    a, b = like.tocoo(), words.tocoo()
    oa, ob = np.lexsort((a.col, a.row)), np.lexsort((b.col, b.row))
    if not (np.array_equal(a.row[oa], b.row[ob]) and np.array_equal(a.col[oa], b.col[ob])):
        raise RuntimeError("story likeness: the likeness and word matrices hold different entries")
    return zip(a.row[oa].tolist(), a.col[oa].tolist(), a.data[oa].tolist(), b.data[ob].tolist(), strict=True)


def _entity_rows(items: Sequence[StoryInput]):
    """L2-normalised rows of the articles' entity names (one column per name in the corpus)."""
    from scipy import sparse

    ents = sorted({e.lower() for it in items for e in it.entities})
    index = {e: i for i, e in enumerate(ents)}
    rows, cols = [], []
    for r, it in enumerate(items):
        for e in {x.lower() for x in it.entities}:
            rows.append(r)
            cols.append(index[e])
    E = sparse.csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(items), max(1, len(ents))))
    return _l2_rows(E)


def _day_numbers(ds) -> list[int] | None:
    """The article's possible event days as day numbers; None when one of them has no year or is no date
    (its gap to another day is then read another way, or not at all: such an article is compared with all)."""
    try:
        return [date(y, m, d).toordinal() for y, m, d in ds] if ds and all(y for y, _, _ in ds) else None
    except ValueError:
        return None


def candidate_blocks(days: Sequence[tuple], features=None) -> list[tuple[list[int], list[int]]]:
    """(rows, columns) index lists whose products cover, with the lower index as the row, every pair that may
    be linked (a dot product is summed in the order of its row's terms: the same pair read the other way may
    differ in its last bit). Days are cut into spans of DAY_WINDOW + 1 days, so two days at most DAY_WINDOW
    apart lie in one span or in two neighbouring ones: the articles of each span and the next are compared
    with each other. An article without a dated event day (no date, a day without its year) is compared with
    the articles that share a blocking key with it (`features`: the TF-IDF rows; without them, with every
    article)."""
    spans: dict[int, set[int]] = {}
    anywhere = []
    for i, ds in enumerate(days):
        numbers = _day_numbers(ds)
        if numbers is None:
            anywhere.append(i)
            continue
        for n in numbers:
            spans.setdefault(n // (DAY_WINDOW + 1), set()).add(i)
    blocks = []
    for k in sorted(spans):
        both = sorted(spans[k] | spans.get(k + 1, set()))
        if len(both) > 1:
            blocks.append((both, both))
    if anywhere and features is None:
        everyone = list(range(len(days)))
        blocks += [(anywhere, everyone), (everyone, anywhere)]
    elif anywhere:
        # up to ALL_PAIRS (undated x all) one product against all is cheaper than the candidates' many
        # small ones (measured on the bench: scripts/bench.py --scaling)
        if len(anywhere) * len(days) > ALL_PAIRS:
            blocks += _keyed_blocks(features, anywhere)
        else:
            everyone = list(range(len(days)))
            blocks += [(anywhere, everyone), (everyone, anywhere)]
    return blocks


ALL_PAIRS = 4_000_000
GROUP = 8  # undated articles whose candidates go into one product (one product each costs more to set up)


def _keyed_blocks(X, undated: list[int]) -> list[tuple[list[int], list[int]]]:
    """Undated articles against their candidates: the articles holding one of their keys, and those one of
    whose keys they hold. GROUP undated articles at a time against their candidates' union, as rows against
    the later ones and as columns against the earlier ones (the lower index is the row). An article's keys
    reach at most MAX_CANDIDATES articles, so the pairs grow linearly with the corpus."""
    keys, held = _key_rows(X)
    found = (keys[undated] @ held.T + held[undated] @ keys.T).tocsr()
    blocks = []
    for s in range(0, len(undated), GROUP):
        group = undated[s:s + GROUP]
        cands = set(found[s:s + GROUP].indices.tolist()) | set(group)
        later = sorted(c for c in cands if c > group[0])
        earlier = sorted(c for c in cands if c < group[-1])
        if later:
            blocks.append((group, later))
        if earlier:
            blocks.append((earlier, group))
    return blocks


def _key_rows(X):
    """(keys, held): 0/1 matrices of the articles' blocking keys and of the words they hold that may be keys
    (used by 2..MAX_SHARED articles). Ties in weight go to the lower feature: the keys are deterministic."""
    import numpy as np
    from scipy import sparse

    X = X.tocsr()  # read only: the likeness products need its rows as they are
    df = np.bincount(X.indices, minlength=X.shape[1])
    usable = (df[X.indices] >= 2) & (df[X.indices] <= MAX_SHARED)
    held = sparse.csr_matrix((usable.astype(np.float64), X.indices.copy(), X.indptr.copy()), shape=X.shape)
    held.eliminate_zeros()
    cols, indptr = [], [0]
    for r in range(X.shape[0]):
        a, b = X.indptr[r], X.indptr[r + 1]
        ok = usable[a:b]
        feats, weights = X.indices[a:b][ok], X.data[a:b][ok]
        top = np.lexsort((feats, -weights))[:KEYS]  # weight descending, then feature ascending
        # keys while their articles add up to MAX_CANDIDATES (the first one always)
        top = top[:max(1, int(np.searchsorted(np.cumsum(df[feats[top]]), MAX_CANDIDATES, side="right")))]
        cols.append(np.sort(feats[top]))
        indptr.append(indptr[-1] + len(top))
    col = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int32)
    keys = sparse.csr_matrix((np.ones(len(col)), col, np.asarray(indptr)), shape=X.shape)
    return keys, held


def _opening(body: str, limit: int = 90) -> str:
    """A stand-in title for an article without one: the start of its first line, cut at a word."""
    line = body.strip().split("\n", 1)[0].strip()
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0] + " …"


def group_stories(items: Sequence[StoryInput], score: Scorer | None = None) -> list[Story]:
    """Stories of `items` (every article in exactly one), ordered by their first article in the input.
    `score`: where the candidate blocks are scored (`_likeness`); the stories are the same."""
    items = list(items)
    n = len(items)
    if n == 0:
        return []
    days = [event_days(it) for it in items]
    events = [title_event(it) for it in items]
    pairs = _likeness(items, days, score) if n > 1 else []
    like = {(i, j): v for v, i, j, _ in pairs}
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
                gap = _days_gap(days[x], days[y])
                if gap is not None and gap > DAY_WINDOW:
                    return True
        return False

    for v, i, j, words in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if v < LINK:
            break
        if words < OTHER_EVENT and _other_event(events[i], events[j]):
            continue  # the setting alike (names shared), the who and the what not: two events
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
        title = items[lead].title or _opening(items[lead].body) or items[lead].path
        stories.append(Story(id=sid, title=title, articles=paths))
    return stories
