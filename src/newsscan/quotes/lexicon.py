"""The word lists quote finding needs, read once from the data tables and compiled into regexes.

Every list lives in `newsscan/data/` (speech_verbs.tsv, the cue tables `tables.ATTRIBUTION_SPLIT` names,
roles.tsv, anonymous.tsv, pronouns.tsv, place_words.tsv, gazetteer.jsonl); this module only turns them into
sets and linear alternations, once per tables folders (`load_lexicon(folders)`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..tables import ATTRIBUTION_SPLIT, Folders, folders_in_effect, gazetteer, table

VERB_COLUMNS = ("lemma", "forms", "kind", "slot", "class")
VERB_CHOICES = (
    ("kind", ("direct", "indirect", "both")),
    ("slot", ("post", "pre", "passive")),
    ("class", ("statement", "directive", "question", "document", "admit", "confirm", "describe", "report")),
)
ROLE_KINDS = ("title", "role", "rank", "degree", "honorific")


def _alt(words) -> str:
    """A regex alternation of literal words, longest first (so that `menurut` is not cut by `menu`)."""
    ws = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) or r"(?!x)x"


def _word_re(template: str, words) -> re.Pattern:
    """`template` (a look-behind, then `{}`) around the alternation of `words`, case-insensitive. A look-ahead
    for the words' first letters goes in front: it does not change what matches, but the regex engine then
    skips a position at the cost of one character test instead of trying every alternative there (a long body
    with none of the words, `“““…` or `"a "a …`, is scanned in linear time with a small constant)."""
    first = sorted({w[0] for w in words if w})
    head = "(?=[{}])".format("".join(re.escape(c) for c in first)) if first else ""
    return re.compile(head + template.format(_alt(words)), re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    post: frozenset[str]  # kata, ujar … (the speaker follows)
    post_nya: frozenset[str]  # katanya, ujarnya … (the last speaker)
    pre: dict[str, str]  # mengatakan -> class (the speaker precedes)
    pre_kind: dict[str, str]  # mengatakan -> direct|indirect|both
    passive: frozenset[str]  # dikatakan, disampaikan …
    post_class: dict[str, str]
    post_kind: dict[str, str]  # kata -> both; teriak -> direct (never attributes reported speech)
    cues: dict[str, frozenset[str]]
    roles: dict[str, str]  # lower-cased role/title -> kind
    role_abbrev: frozenset[str]  # lower-cased short titles that stand for the holder (menlu, mensos)
    quantifiers: frozenset[str]
    anon_heads: frozenset[str]
    anon_modifiers: frozenset[str]
    pronouns: frozenset[str]
    # one-word place names (gazetteer.jsonl LOC) and heads of places (place_words.tsv)
    places: frozenset[str]
    # compiled
    re_post: re.Pattern
    re_post_nya: re.Pattern
    re_pre: re.Pattern
    re_passive: re.Pattern
    re_role: re.Pattern
    re_connector: re.Pattern
    re_closing: re.Pattern
    re_according: re.Pattern
    re_written: re.Pattern
    re_via_before: re.Pattern
    re_heading: re.Pattern
    role_max_words: int

    def cue(self, kind: str) -> frozenset[str]:
        return self.cues.get(kind, frozenset())


_VerbForms = tuple[set[str], dict[str, str], dict[str, str], set[str], dict[str, str], dict[str, str]]


def _verb_forms(verbs) -> _VerbForms:
    """(post forms, pre form -> class, pre form -> kind, passive forms, post form -> class, post form -> kind)
    from the rows of speech_verbs.tsv: a verb's slot says whether its speaker follows, precedes or is
    absent."""
    post: set[str] = set()
    pre: dict[str, str] = {}
    pre_kind: dict[str, str] = {}
    passive: set[str] = set()
    post_class: dict[str, str] = {}
    post_kind: dict[str, str] = {}
    for r in verbs:
        forms = [f.strip().lower() for f in r["forms"].split(",") if f.strip()]
        for f in forms:
            if r["slot"] == "post":
                post.add(f)
                post_class[f] = r["class"]
                post_kind[f] = r["kind"]
            elif r["slot"] == "pre":
                pre[f] = r["class"]
                pre_kind[f] = r["kind"]
            else:
                passive.add(f)
    return post, pre, pre_kind, passive, post_class, post_kind


def _places(folders: Folders) -> set[str]:
    """One-word place names (gazetteer.jsonl LOC) and heads of places (place_words.tsv), lower-cased."""
    places = {
        r["word"].lower()
        for r in table('place_words.tsv', folders)
    }
    for _, row in gazetteer(folders):
        pattern = row.get("pattern")
        if row.get("label") == "LOC" and isinstance(pattern, str) and " " not in pattern:
            places.add(pattern.lower())  # one-word names only: `Sri Lanka` must not make `Sri` a place
    return places


def load_lexicon(folders: Folders | None = None) -> Lexicon:
    """The lexicon of the packaged tables with the user's in `folders` (None: those in effect) laid over."""
    return _load_lexicon(folders_in_effect(folders))


@functools.lru_cache(maxsize=8)
def _load_lexicon(folders: Folders) -> Lexicon:
    verbs = table('speech_verbs.tsv', folders)
    cues_rows = [r for name in ATTRIBUTION_SPLIT for r in table(name, folders)]
    roles_rows = table('roles.tsv', folders)
    anon_rows = table('anonymous.tsv', folders)
    pron_rows = table('pronouns.tsv', folders)
    post, pre, pre_kind, passive, post_class, post_kind = _verb_forms(verbs)
    post_nya = {f + "nya" for f in post}
    cues: dict[str, set[str]] = {}
    for r in cues_rows:
        cues.setdefault(r["kind"], set()).add(r["cue"].lower())
    roles = {r["word"].lower(): r["kind"] for r in roles_rows}
    abbrev = {r["word"].lower() for r in roles_rows if r["abbrev"].lower() in ("yes", "y", "true")}
    quant = {r["descriptor"].lower() for r in anon_rows if r["kind"] == "quantifier"}
    heads = {r["descriptor"].lower() for r in anon_rows if r["kind"] == "head"}
    mods = {r["descriptor"].lower() for r in anon_rows if r["kind"] == "modifier"}
    prons = {r["form"].lower() for r in pron_rows if r["kind"] == "singular"}
    fc = {k: frozenset(v) for k, v in cues.items()}
    places = _places(folders)
    w = r"(?<![\w-])(?:{})(?![\w-])"
    # a speech verb the scraper glued to a capitalised word (`menyebutSekjen`, `tanyaJaksa`) still counts
    wg = r"(?<![\w-])(?:{})(?:(?![\w-])|(?=(?-i:[A-Z])))"
    return Lexicon(
        post=frozenset(post),
        post_nya=frozenset(post_nya),
        pre=pre,
        pre_kind=pre_kind,
        passive=frozenset(passive),
        post_class=post_class,
        post_kind=post_kind,
        cues=fc,
        roles=roles,
        role_abbrev=frozenset(abbrev),
        quantifiers=frozenset(quant),
        anon_heads=frozenset(heads),
        anon_modifiers=frozenset(mods),
        pronouns=frozenset(prons),
        places=frozenset(places),
        re_post=_word_re(wg, post),
        re_post_nya=_word_re(w, post_nya),
        re_pre=_word_re(wg, pre),
        re_passive=_word_re(w, passive),
        re_role=_word_re(w, roles),
        re_connector=re.compile(r"^(?:(?:{})\s*,?\s*)+".format(_alt(fc.get("connector", ()))), re.IGNORECASE),
        re_closing=_word_re(w, fc.get("closing", ())),
        re_according=_word_re(w, fc.get("according", ())),
        re_written=_word_re(w, fc.get("written", ())),
        re_via_before=_word_re(w, fc.get("via_before", ())),
        re_heading=_word_re(w, fc.get("heading", ())),
        role_max_words=max((len(k.split()) for k in roles), default=1),
    )
