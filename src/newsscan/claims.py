"""Check-worthy claims: the sentences of an article that state something another outlet could state otherwise.

`find_claims(body, dates=..., quotes=..., mentions=..., title=...)` returns `Claim` records, in text order:

* `quantity`: a sentence with an amount (`12 truk terbakar`, `hampir 5 juta peluru`);
* `event`: a sentence with a verb and a place or a time (`bertemu … di Vladivostok`, `Selasa (10/6/2025)`);
* `statement`: a sentence with a verb and a name, but no amount, place or time (`Kecelakaan melibatkan mobil
  Wira Sakti … dengan truk Rajawali hijau`): two outlets can fill one slot with different names;
* `attributed`: every sentence that carries a quote (`speaker` is the quote's speaker);
* `circumstance`: the attribution clause around a direct quote when it says when or where the words were
  said (`ujar Hendra saat dikonfirmasi, Selasa (10/6/2025)`): outlets that carry the same statement can
  disagree on its day or place;
* `headline`: a claim of the title (its offsets point into `title`, not into the body).

For every claim but headlines `body[start:end] == text`. Modality and polarity come from
`data/hedges.tsv`, the predicate from the lemmatiser of morphology.py (`data/lemma_rules.tsv`).
Nothing here raises on odd input: no sentence, no claim.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .morphology import WORD, base_verbs, lemma, looks_prefixed_verb, speech_lemmas, weekday_names
from .quantities import find_quantities
from .records import Claim, DateMention, Mention, Quote
from .tables import Folders, cache_per_folders, table, words_by_kind

_WORD = WORD
_QUOTE_CHARS = "\"“”„‟«»"
# the kinds of claim_words.tsv (its header comment says what each is)
WORD_KINDS = ("place_lead", "place_lead_lower", "premises_lead", "circumstance", "abbreviation")


@cache_per_folders
def _claim_words(folders: Folders) -> dict[str, tuple[str, ...]]:
    return words_by_kind("claim_words.tsv", WORD_KINDS, folders)


@cache_per_folders
def _abbreviations(folders: Folders) -> frozenset[str]:
    return frozenset(_claim_words(folders)["abbreviation"])


def _word_alt(kind: str, folders: Folders | None = None, either_case: bool = False) -> str:
    """An alternation of the words of a kind of claim_words.tsv, in the table's order; `either_case`: the
    first letter in either case (`[Dd]i`)."""
    words = _claim_words(folders)[kind]
    return "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" if either_case else re.escape(w)
                    for w in words)


@cache_per_folders
def _hedges(folders: Folders) -> tuple[tuple[tuple[str, ...], str], ...]:
    rows = table('hedges.tsv', folders)
    return tuple(sorted(((tuple(r["marker"].lower().split()), r["category"]) for r in rows),
                        key=lambda x: -len(x[0])))


@cache_per_folders
def stopwords(folders: Folders) -> frozenset[str]:
    return frozenset(r["word"].lower() for r in table('claim_stopwords.tsv', folders))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text`: newlines always end one; `.`, `!`, `?` (and a closing quote mark after
    them) end one before a capital, a digit or an opening mark, unless the word before is an abbreviation,
    an initial or a number (`1.323.459`, `14.40`)."""
    spans: list[tuple[int, int]] = []
    abbreviations = _abbreviations()
    for para in re.finditer(r"[^\n]+", text):
        p0 = para.start()
        seg = para.group()
        start = 0
        for m in _BOUNDARY.finditer(seg):
            end = m.end()
            before = seg[start:m.start()]
            lastword = re.findall(r"[\w.]+$", before)
            lw = lastword[0].lower() if lastword else ""
            if m.group()[0] == "." and (lw in abbreviations or (len(lw) == 1 and lw.isalpha())):
                continue
            _add_span(spans, seg, p0, start, end)
            start = end
        _add_span(spans, seg, p0, start, len(seg))
    return spans


# A sentence end: `.`, `!`, `?` (and a closing mark) before white space (or the scraper's `&nbsp;`) and a
# capital, a digit or an opening mark; or glued to the next sentence by the scraper (`(11/6/2025).Baca`,
# `kerugian.Dia`) after a closing bracket or a lower-case word, before a capitalised word.
_SPACE = r"(?:\s|&nbsp;)"
_BOUNDARY = re.compile(rf"[.!?]+[\"”’']?(?={_SPACE}+[\"“‘]?[A-Z0-9\"“])|[.!?]+[\"”’]?(?=[\"“][A-Z])"
                       rf"|(?:(?<=\))|(?<=[a-z]{{3}}))[.!?](?=[A-Z][a-z]{{2,}})")


def _add_span(spans, seg, p0, a, b):
    while a < b and (seg[a].isspace() or seg.startswith("&nbsp;", a)):
        a += 6 if seg.startswith("&nbsp;", a) else 1
    while b > a and (seg[b - 1].isspace() or seg.endswith("&nbsp;", 0, b)):
        b -= 6 if seg.endswith("&nbsp;", 0, b) else 1
    if b > a:
        spans.append((p0 + a, p0 + b))


@cache_per_folders
def _hedge_index(folders: Folders) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First word -> the hedge phrases starting with it, so a sentence is scanned once."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, cat in _hedges(folders):
        index.setdefault(phrase[0], []).append((phrase, cat))
    return {k: tuple(v) for k, v in index.items()}


def marker_spans(words: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first word, end word, category) of every hedge marker in `words` (data/hedges.tsv); at each word the
    longest marker wins, so `tidak hanya` (neutral) is not `tidak` (negative)."""
    found = []
    low = [w.lower() for w in words]
    index = _hedge_index()
    i = 0
    while i < len(low):
        for phrase, cat in index.get(low[i], ()):  # longest first
            if tuple(low[i:i + len(phrase)]) == phrase:
                found.append((i, i + len(phrase), cat))
                i += len(phrase) - 1
                break
        i += 1
    return found


def _markers(words: Sequence[str]) -> set[str]:
    return {cat for _, _, cat in marker_spans(words)}


def _modality(words, speaker) -> tuple[str, str]:
    cats = _markers(words)
    polarity = "negative" if cats & {"negative", "pending"} else "positive"
    if "uncertain" in cats:
        modality = "uncertain"
    elif "planned" in cats:
        modality = "planned"
    elif "reported" in cats or speaker:
        modality = "reported"
    else:
        modality = "asserted"
    return modality, polarity


def _predicate(words: Sequence[str], skip: Iterable[str] = ()) -> str | None:
    """Lemma of the main verb: the first prefixed verb or listed base verb that is not a speech verb."""
    skip = set(skip)
    for w in words:
        lw = w.lower()
        if lw in base_verbs():
            return lw
        if w[:1].islower() and looks_prefixed_verb(lw) and lw not in stopwords() and lw not in _unit_words():
            lm = lemma(lw)
            if lm not in skip:
                return lm
    return None


@cache_per_folders
def _unit_words(folders: Folders) -> frozenset[str]:
    """Unit words (`menit`, `meter`): never verbs, though some look prefixed."""
    return frozenset(r["word"].lower() for r in table('units.tsv', folders))


@cache_per_folders
def place_words(folders: Folders) -> dict[str, int]:
    """Words that head a place name, with their administrative level (data/place_words.tsv)."""
    return {r["word"].lower(): int(r["level"] or 0)
            for r in table('place_words.tsv', folders)}


@cache_per_folders
def place_kinds(folders: Folders) -> dict[str, str]:
    """Words that head a place name, with their kind: admin, site, container, area or street."""
    return {r["word"].lower(): (r["kind"] or ("admin" if int(r["level"] or 0) else "site"))
            for r in table('place_words.tsv', folders)}


_NAME = r"[A-Z][\w'-]*"


def _places_fallback(text: str, headline: bool = False) -> list[str]:
    """Capitalised words after `di`/`ke`/`dari` (`di Vostochny Cosmodrome`, `di perairan Tanjung Lor`) and
    after a place word (`Kecamatan Sindangsari`), when no LOC mentions are given. In a title-case headline,
    one word."""
    heads = "|".join(sorted((re.escape(w) for w in place_words()), key=len, reverse=True))
    more = "" if headline else rf"(?:\s+(?:{_NAME}|\d+))*"
    lead = "|".join(filter(None, (_word_alt("place_lead", either_case=True), _word_alt("place_lead_lower"))))
    pat = re.compile(rf"\b(?:{lead})\s+((?:(?:{heads})\s+)?{_NAME}{more})"
                     rf"|\b((?i:{heads})\s+{_NAME}{more})")
    out = []
    for m in pat.finditer(text):
        words = (m.group(1) or m.group(2)).split()
        while words and words[-1] in weekday_names():
            words.pop()
        lone = len(words) == 1 and words[0].lower() in place_words()
        if words and words[0] not in weekday_names() and not lone:
            out.append(" ".join(words))
    return out


def _subjects_fallback(text: str) -> list[str]:
    """Runs of two or more capitalised words (names), when no mentions are given."""
    return [m.group() for m in re.finditer(r"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+", text)]


def _dedup(xs: Iterable[str]) -> tuple[str, ...]:
    seen, out = set(), []
    for x in xs:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return tuple(out)


def _outside_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of `text` outside closed quote marks, when the text has a closed quotation of 4+ words."""
    marks = [m.start() for m in re.finditer(f"[{_QUOTE_CHARS}]", text)]
    if len(marks) < 2:
        return []
    inside, pairs = [], list(zip(marks[0::2], marks[1::2], strict=False))
    for a, b in pairs:
        if len(text[a + 1:b].split()) >= 4:
            inside.append((a, b + 1))
    if not inside:
        return []
    out, pos = [], 0
    for a, b in inside:
        out.append((pos, a))
        pos = b
    out.append((pos, len(text)))
    return [(a, b) for a, b in out if len(text[a:b].split()) >= 2]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",.;:–—-"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",.;:–—-"):
        b -= 1
    return a, b


@cache_per_folders
def _premises_before(folders: Folders) -> re.Pattern[str]:
    """What precedes an organisation named as the place of an event: `di`/`ke` and a site word
    (`di kantor Kementerian X`, `ke gedung X`; not `saham di Bank X`, `bekerja di X`)."""
    kinds = place_kinds(folders)
    sites = "|".join(sorted((re.escape(w) for w, k in kinds.items() if k in ("site", "container")),
                            key=len, reverse=True))
    return re.compile(rf"\b(?:{_word_alt('premises_lead', folders)})\s+(?:{sites})\s+$", re.IGNORECASE)


def _at_premises(body: str, a: int, m: Mention) -> bool:
    """An organisation after a locative and a site word, written before it or opening its name (`di kantor
    Kementerian X`, `di Markas Besar X`): its premises are the claim's place."""
    if m.label != "ORG":
        return False
    first = m.text.split(" ", 1)[0].lower()
    before = body[max(a, m.start - 40):m.start]
    at_site = place_kinds().get(first) in ("site", "container")
    if at_site and re.search(rf"\b(?:{_word_alt('premises_lead')})\s+$", before, re.IGNORECASE):
        return True
    return bool(_premises_before().search(before))


def _claim(body, a, b, *, dates, quotes, mentions, speaker=None, kind=None, place=None) -> Claim | None:
    text = body[a:b]
    words = _WORD.findall(text)
    if not words:
        return None
    qs = tuple(q for _, _, q in find_quantities(text))
    ds = _dedup(d.value for d in dates if d.start >= a and d.end <= b and d.value)
    in_span = [m for m in mentions if m.start >= a and m.end <= b]
    if mentions:
        places = _dedup(m.canonical for m in in_span if m.label == "LOC" or _at_premises(body, a, m))
        subjects = _dedup(m.canonical for m in in_span if m.label in ("PERSON", "ORG"))
    else:
        places = _dedup(_places_fallback(text, headline=kind == "headline"))
        subjects = _dedup(s for s in _subjects_fallback(text) if s not in places)
    if speaker is None:
        for q in quotes:
            if q.start < b and q.end > a and q.speaker:
                speaker = q.speaker
                break
    if place and not speaker:
        # the dateline's place, first as it reads first: where the reported event was filed from, not where
        # a speaker spoke (an attribution names its own venue, `kata X di Y`)
        places = _dedup((place, *places))
    pwords = [w.lower() for w in words] if kind == "headline" else words  # title case hides verbs
    predicate = _predicate(pwords, skip=speech_lemmas() if speaker else ())
    if kind is None:
        if speaker:
            kind = "attributed"
        elif qs:
            kind = "quantity"
        elif (places or ds) and predicate:
            kind = "event"
        elif predicate and len(words) >= 5 and (subjects or re.search(r"\s[A-Z][a-z]", text)):
            kind = "statement"  # who did what, with a name in it (`… dengan truk Rajawali hijau`)
        else:
            return None
    modality, polarity = _modality(words, speaker)
    return Claim(start=a, end=b, text=text, subjects=subjects, predicate=predicate, quantities=qs,
                 places=places, dates=ds, speaker=speaker, modality=modality, polarity=polarity, kind=kind)


def find_claims(body: str, *, dates: Sequence[DateMention] = (), quotes: Sequence[Quote] = (),
                mentions: Sequence[Mention] = (), title: str | None = None,
                dateline: str | None = None, dateline_end: int = 0) -> list[Claim]:
    """Check-worthy claims of an article body (see the module docstring), in text order.

    `dates`, `quotes` and `mentions` are the other layers' records for the same body (offsets into it);
    without mentions, places are capitalised words after `di`/`ke`/`dari` and subjects are runs of
    capitalised words. Headline claims (kind `headline`, offsets into `title`) come first.
    `dateline` is the place the body's dateline names (`Article.dateline`, the dateline ending at
    `dateline_end`): the lead sentence reports from there, so it is that sentence's first place
    (entities report no mention inside a dateline).
    """
    body = body or ""
    out: list[Claim] = []
    if title:
        c = _claim(title, 0, len(title), dates=(), quotes=(), mentions=(), kind="headline")
        if c and (c.places or c.quantities):
            out.append(c)
    lead = bool(dateline and dateline_end)
    for a, b in split_sentences(body):
        place = dateline if lead and b > dateline_end else None
        lead = lead and place is None  # the lead sentence only: the first one ending past the dateline
        c = _claim(body, a, b, dates=dates, quotes=quotes, mentions=mentions, place=place)
        if c:
            out.append(c)
        # the attribution around a direct quote: when and where the words were said
        for oa, ob in _outside_quotes(body[a:b]):
            ca, cb = _trim(body, a + oa, a + ob)
            if cb - ca < 8:
                continue
            has_time = any(d.start >= ca and d.end <= cb for d in dates) or re.search(
                r"\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)|\b(?:" + "|".join(weekday_names()) + r")\b",
                body[ca:cb],
            )
            has_place = bool(re.search(rf"\b(?:{_word_alt('circumstance')})\s+[A-Z]", body[ca:cb]))
            if not (has_time or has_place):
                continue
            sp = c.speaker if c else None
            cc = _claim(
                body, ca, cb, dates=dates, quotes=(), mentions=mentions, speaker=sp, kind="circumstance"
            )
            if cc:
                out.append(cc)
    return out
