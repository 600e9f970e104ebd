"""Who `katanya`, `ujarnya`, `kata dia` and a sentence opening with `Ia` point back to.

CONVENTIONS: such a speaker is "the person the article means, normally the last named speaker". A person the
article has just made the subject of a sentence, after the last attributed quote, is the one meant:

    “…,” kata Budi. Sementara itu, Kepala Desa Rina Wati membantah kabar itu. “Tidak benar,” ujarnya.

`ujarnya` is Rina Wati, not Budi. The finder resolves it to the last speaker; this pass looks at the sentences
between the previous row and the quote and takes the latest sentence subject that is a person of the article.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..records import Quote
from .tokens import AGE_RE, TOKEN_RE

if TYPE_CHECKING:
    from .resolve import People, Person

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+|\n+")
_MARKS = "\"“”‘’«»"
# a passive verb form (di-…): its subject is acted on, not speaking (Indonesian verbal morphology)
_PATIENT = re.compile(r"di[a-z]{3,}")
MAX_BACK = 600  # characters before a quote read for a subject (two or three sentences)


def anaphoric(q: Quote, people: People) -> bool:
    """The row's speaker was read off a pronoun: a `-nya` verb (`ujarnya`), `kata dia`, or a sentence opening
    with `Ia`/`Dia`."""
    lex = people.lex
    cue = (q.cue or "").lower()
    if cue in lex.post_nya:
        return True
    k = q.sentence.find(q.text)
    after = (
        q.sentence[k + len(q.text) : k + len(q.text) + 40].strip(_MARKS + " ,.").lower().split()
        if k >= 0
        else []
    )
    if len(after) >= 2 and after[0] in lex.post and after[1].strip(",.") in lex.pronouns:
        return True
    head = lex.re_connector.sub("", q.sentence.lstrip(_MARKS + " ")).split()[:2]
    if q.kind != "indirect" or not head:
        return False
    first = head[0].lower().strip(",")
    # `Ia mengatakan …`, `Menurut dia, …`, `Menurutnya, …`
    return (
        first in lex.pronouns
        or (first in lex.cue("according") and len(head) > 1 and head[1].lower().strip(",") in lex.pronouns)
        or any(first == w + "nya" for w in lex.cue("according"))
    )


def subject_before(body: str, start: int, floor: int, people: People) -> Person | None:
    """The latest person that a sentence between `floor` and `start` opens with as its subject."""
    a = max(floor, start - MAX_BACK)
    stretch = body[a:start]
    sentences = [s for s in _SENTENCE_END.split(stretch) if s and s.strip()]
    # the sentence the quote opens in is not before it: drop a last piece that runs into the quote mark
    for sentence in reversed(
        sentences[:-1] if not stretch.rstrip().endswith((".", "!", "?") + tuple(_MARKS)) else sentences
    ):
        p = _subject(sentence, people)
        if p is not None:
            return p
    return None


def _subject(sentence: str, people: People) -> Person | None:
    """`Sementara Wali Nagari X, Ferdizanko mengapresiasi …`: the capitalised run right before the first
    lower-case word, after the sentence's connectors, when it names a person of the article."""
    lex = people.lex
    text = lex.re_connector.sub("", sentence.strip(_MARKS + " \t"))
    introduced = _introduced_subject(text, people)
    if introduced is not None:
        return introduced
    runs: list[list[str]] = [[]]  # the capitalised runs before the first lower-case word, split at commas
    for m in TOKEN_RE.finditer(text):
        w = m.group(0)
        if w[:1].islower() and runs[-1]:
            if _PATIENT.fullmatch(w) or w in lex.cue("predicate"):
                # `X diangkat menjadi …`, `X adalah mahasiswa …`: the sentence is about X, X does not act
                return None
            break
        if w[:1].islower() and len(runs) > 1:
            continue  # `Rina Wulandari, kakaknya, ingin …`: an apposition after the subject
        if w[:1].isupper() and w[0].isalpha():
            runs[-1].append(w)
        elif w in ",()":
            runs.append([])  # `Wali Nagari X, Ferdizanko …`: the name after the comma
        else:
            return None
    else:
        return None
    for run in reversed([r for r in runs if r]):
        p = _person_in(run, people)
        if p is not None:
            return p
    return None


def _introduced_subject(text: str, people: People) -> Person | None:
    """`seorang guru dari Bandung, yakni Sarmin Hutapea (58), mendatangi …`: a subject described, then named
    after an introducing word, that the predicate follows (an age and a comma between them)."""
    words = list(TOKEN_RE.finditer(text))
    for i, m in enumerate(words[:-1]):
        if m.group(0).lower() not in people.lex.cue("introduces"):
            continue
        run = list(itertools.takewhile(lambda w: w.group(0)[:1].isupper(), words[i + 1:i + 6]))
        if not run:
            continue
        rest = AGE_RE.sub("", text[run[-1].end():], count=1).lstrip(" ,")
        if rest[:1].islower():
            return _person_in([w.group(0) for w in run], people)
    return None


def _person_in(run: list[str], people: People) -> Person | None:
    """The person of the article a capitalised run ends with (not a pronoun, not a related-article line)."""
    lex = people.lex
    if run[0].lower() in lex.pronouns or any(w.lower() in lex.cue("heading") for w in run):
        return None
    for n in range(min(len(run), 5), 0, -1):
        p = people.containing(run[-n:], True)
        if p is not None:
            return p
    return None


def previous_end(quotes: Sequence[Quote], k: int) -> int:
    """Where the row before the k-th ends (0 for the first)."""
    return quotes[k - 1].end if k > 0 else 0
