"""State and outcome slot: a fact one outlet asserts and another negates or reports denied.

A state fact is a verb and the thing it governs (`mengalami luka bakar`, `ditemukan luka`): the verb's lemma
and the first content word after it, with the next content word when it qualifies it (`luka bakar`, not
`luka membiru`). It is negated when a negator stands just before the verb (`tidak ditemukan ada luka`) or a
denial verb a few words before it (`membantah, jika korban mengalami luka bakar`). Markers come from
data/hedges.tsv: `belum` ("not yet") is pending, not a denial (a later report of the fact is an update), and
`tidak hanya` denies nothing. Guesses and plans (`diduga`, `akan`) state no fact. Two sentences that name
different people are about different people and are not paired.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..claims import marker_spans, split_sentences, stopwords
from ..morphology import WORD, is_nominalisation, lemma, looks_prefixed_verb, speech_lemmas
from ..records import Claim
from ..tables import Folders, cache_per_folders, table
from .records import Art, span_claim
from .words import same_person, unit_words, word_alt


@cache_per_folders
def number_words(folders: Folders) -> frozenset[str]:
    """Number words (data/numbers.tsv): an owner's count (`empat perusahaan`) tells two owners apart."""
    return frozenset(r["word"].lower() for r in table('numbers.tsv', folders))


NEGATOR_REACH = 2  # words between a negator and its verb (`tidak juga ditemukan`)
DENIAL_REACH = 5  # words between a denial verb and the verb it denies (`membantah, jika X mengalami`)


@dataclass(frozen=True, slots=True)
class StateFact:
    verb: str  # lemma
    thing: str  # the governed word or compound, lower case
    negated: bool
    start: int  # sentence span in the body
    end: int
    # names and numbers right after the thing (`izin … PT X`, `… empat perusahaan`)
    owner: frozenset[str] = frozenset()


def _content(w: str) -> bool:
    lw = w.lower()
    return (w.islower() and w.isalpha() and len(w) >= 3 and lw not in stopwords() and lw not in unit_words()
            and not looks_prefixed_verb(lw))


def _thing(words: list[str], i: int) -> tuple[str, int] | None:
    """The content word after the verb at i (past function words), and its qualifier when one follows:
    (thing, index of its last word)."""
    j = i + 1
    while j < len(words) and j <= i + 3 and words[j].lower() in stopwords():
        j += 1
    if j >= len(words) or not _content(words[j]):
        return None
    if j + 1 < len(words) and _content(words[j + 1]):
        return f"{words[j].lower()} {words[j + 1].lower()}", j + 1
    return words[j].lower(), j


@cache_per_folders
def _clause_end(folders: Folders) -> re.Pattern[str]:
    return re.compile(rf"[,.;:!?]|\s(?:{word_alt('clause_break', folders)})\s")
_OWNER = re.compile(r"\b(?:[A-Z][\w-]*|\d[\d.,]*)")


def _owner(text: str, end: int) -> frozenset[str]:
    """Names and numbers between the thing and the end of its clause: whose thing it is (`izin PT X`)."""
    rest = text[end:end + 80]
    stop = _clause_end().search(rest)
    rest = rest[:stop.start()] if stop else rest
    words = {w.lower() for w in _OWNER.findall(rest)}
    words |= {w.lower() for w in WORD.findall(rest) if w.lower() in number_words()}
    return frozenset(words)


def _polarity(spans: list[tuple[int, int, str]], words: list[str], i: int) -> str | None:
    """`negated`, `asserted`, or None for a pending fact (`belum ditemukan`: not yet, so a later report of
    the fact is an update, not a conflict)."""
    for a, b, cat in spans:
        if b > i or cat not in ("negative", "pending"):
            continue
        near = i - b < NEGATOR_REACH
        if cat == "pending" and near:
            return None
        if cat == "negative" and (near or (looks_prefixed_verb(words[a].lower()) and i - b < DENIAL_REACH)):
            return "negated"
    return "asserted"


def state_facts(text: str, start: int = 0) -> list[StateFact]:
    """State facts of one sentence (offsets: the sentence in the body). None in a guess or a plan."""
    found = list(WORD.finditer(text))
    words = [m.group() for m in found]
    spans = marker_spans(words)
    if any(cat in ("uncertain", "planned") for _, _, cat in spans):
        return []
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if not (w.islower() and looks_prefixed_verb(lw)) or lemma(lw) in speech_lemmas():
            continue
        if i and is_nominalisation(words[i - 1]):
            # a verb completing a noun (`keputusan menaikkan`, `kesiapannya memenuhi`) asserts nothing
            continue
        hit = _thing(words, i)
        polarity = _polarity(spans, words, i)
        if hit and polarity:
            owner = _owner(text, found[hit[1]].end())
            out.append(StateFact(lemma(lw), hit[0], polarity == "negated", start, start + len(text), owner))
    return out


def _facts(art: Art) -> list[StateFact]:
    body = art.result.article.body
    return [f for a, b in split_sentences(body) for f in state_facts(body[a:b], a)]


def _people(art: Art, f: StateFact) -> set[str]:
    return {m.canonical for m in art.result.entities if m.label == "PERSON" and f.start <= m.start < f.end}


def _other_people(A: Art, x: StateFact, B: Art, y: StateFact) -> bool:
    pa, pb = _people(A, x), _people(B, y)
    return bool(pa and pb) and not any(same_person(p, q) for p in pa for q in pb)


def _claim(art: Art, f: StateFact) -> Claim:
    return span_claim(art, f.start, f.end)


def _neg(f) -> str:
    return "not " if f.negated else ""


def state_conflicts(A: Art, B: Art) -> list[tuple[Claim, Claim, str, str]]:
    """(claim of A, claim of B, "state", note) where one article asserts what the other negates."""
    xs, ys = _facts(A), _facts(B)
    out, seen = [], set()
    for x in xs:
        for y in ys:
            if (x.verb, x.thing) != (y.verb, y.thing) or x.negated == y.negated or _other_people(A, x, B, y):
                continue
            if x.owner and y.owner and x.owner != y.owner:
                continue  # one thing of two owners (`izin PT X` / `izin empat perusahaan`)
            if (x.verb, x.thing) in seen:
                continue
            seen.add((x.verb, x.thing))
            out.append((_claim(A, x), _claim(B, y), "state",
                        f"{_neg(x)}{x.verb} {x.thing} / {_neg(y)}{y.verb} {y.thing}"))
    return out
