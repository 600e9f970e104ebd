"""Names across a corpus: each article's canonical -> the corpus-wide form (`merge_corpus`)."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ..records import Mention
from .lexicon import _key


def merge_corpus(per_article: Sequence[Sequence[Mention]]) -> dict[str, str]:
    """Every article-level canonical -> its corpus-wide form.

    Spelling variants (case, hyphens, spacing: `Kim Jong-un`, `Kim Jong Un`) go to the form most articles
    use (ties: the form with more capitals, then the first in sort order). A person's partial name left
    unresolved in its article (`Kim`, `Kim Jong`) goes to the person most articles name with a longer name
    containing all its words, when one has strictly more articles than any other and the two are named beside
    one same person or organisation somewhere (the same story, not a namesake elsewhere in the corpus).
    """
    forms: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    # key -> the people and bodies named beside it in some article: a partial name goes to a holder only
    # when the two are named in the company of one same person or body (one story), not across stories
    company: dict[str, set[str]] = defaultdict(set)
    for mentions in per_article:
        for canonical in {m.canonical for m in mentions}:
            forms[_key(canonical)][canonical] += 1
        for m in mentions:
            labels[_key(m.canonical)][m.label] += 1
        named = {_key(m.canonical) for m in mentions if m.label in ("PERSON", "ORG")}
        for k in {_key(m.canonical) for m in mentions}:
            company[k] |= named - {k}
    best: dict[str, str] = {}
    articles: dict[str, int] = {}
    for key, counter in forms.items():
        best[key] = min(counter, key=lambda f: (-counter[f], -sum(c.isupper() for c in f), f))
        articles[key] = sum(counter.values())
    # word -> the multi-word person keys holding it: candidates for a partial name are looked up, not
    # scanned (a corpus of 10^5 articles has tens of thousands of names)
    holding: dict[str, set[str]] = defaultdict(set)
    for k in forms:
        if labels[k].most_common(1)[0][0] == "PERSON" and len(k.split()) > 1:
            for word in k.split():
                holding[word].add(k)
    out: dict[str, str] = {}
    for key, counter in forms.items():
        target = best[key]
        if labels[key].most_common(1)[0][0] == "PERSON":
            words = set(key.split())
            candidates = set.intersection(*(holding.get(w, set()) for w in words)) if words else set()
            holders = sorted((k for k in candidates if words < set(k.split())
                              and (k in company[key] or company[k] & company[key] - {k, key})),
                             key=lambda k: (-articles[k], k))
            if holders and (len(holders) == 1 or articles[holders[0]] > articles[holders[1]]):
                target = best[holders[0]]
        for form in counter:
            out[form] = target
    return out
