"""Numbers in Indonesian news text: value, unit and approximation.

    >>> [(q.value, q.unit, q.approx) for _, _, q in find_quantities("hampir 5 juta peluru artileri")]
    [(5000000.0, 'peluru', 'below')]

`find_quantities(text)` returns `(start, end, Quantity)` triples with `text[start:end] == Quantity.text`.
Indonesian writes `.` between thousands and `,` before decimals (`1.323.459`, `1,3 juta`). Number words
(`dua puluh lima`), scale words (`juta`, `miliar`), vague counts (`puluhan juta`), approximation markers
(`sekitar`, `hampir`, `lebih dari`) and units (`orang`, `unit`, `persen`, `tahun penjara`) come from
`data/quantity_words.tsv` and `data/units.tsv`. Clock times (`pukul 14.40 WIB`), dates (`10/6/2025`,
`13 September`), years (`tahun 2019`) and reference numbers (`Pasal 3`, `nomor 32`) are not quantities.

`interval(q)` gives the range of values a quantity admits (rounding and approximation included), and
`compare(a, b)` says whether two quantities are about the same measure and, if so, whether they agree:
`1.323.459` and `1,3 juta` agree (rounding), `12 truk` and `sekitar 30 unit` do not.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .records import Quantity
from .tables import Folders, cache_per_folders, table

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[%°]|[A-Za-z$]+(?:-[A-Za-z]+)*|[^\sA-Za-z\d]")


@dataclass(frozen=True, slots=True)
class _Words:
    # word -> (value, kind) for number|teen|tens|hundreds|thousands|scale
    numbers: dict[str, tuple[float, str]]
    vague: dict[tuple[str, ...], float]  # phrase -> lower bound
    approx: dict[tuple[str, ...], str]  # phrase -> about|below|above|atleast|atmost
    months: frozenset[str]
    clock: frozenset[str]
    refs: dict[str, str]  # word -> ref|year
    units: dict[str, tuple[str, str]]  # word -> (unit, class)
    stop: frozenset[str]


@cache_per_folders
def _words(folders: Folders) -> _Words:
    rows = table('quantity_words.tsv', folders)
    numbers, vague, approx, refs = {}, {}, {}, {}
    clock: set[str] = set()
    kinds = {"digit": "number", "fraction": "number", "teen": "teen", "tens": "tens", "hundreds": "hundreds",
             "thousands": "thousands", "scale": "scale"}  # numbers.tsv is shared with the date tagger
    for r in table('numbers.tsv', folders):
        if r["kind"] in kinds:
            numbers[r["word"].lower()] = (float(r["value"]), kinds[r["kind"]])
    months = set()
    for r in table('months.tsv', folders):
        months.add(r["name"].lower())
        months.update(a.lower() for a in r["abbrevs"].split("|") if a)
    for r in rows:
        w, k = r["word"].lower(), r["kind"]
        if k == "vague":
            vague[tuple(w.split())] = float(r["value"])
        elif k == "approx":
            approx[tuple(w.split())] = r["value"]
        elif k == "clock":
            clock.add(w)
        else:
            refs[w] = r["value"]
    units = {r["word"].lower(): (r["unit"], r["class"])
             for r in table('units.tsv', folders)}
    stop = frozenset(r["word"].lower() for r in table('claim_stopwords.tsv', folders))
    return _Words(numbers, vague, approx, frozenset(months), frozenset(clock), refs, units, stop)


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def parse_number(s: str) -> tuple[float, int] | None:
    """A written number as (value, decimals): `1.323.459` -> 1323459, `1,3` -> (1.3, 1), `2.5` -> (2.5, 1)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        whole, _, dec = s.partition(",")
        return float(whole.replace(".", "") + ("." + dec if dec else "")), len(dec)
    if re.fullmatch(r"\d+,\d+", s):
        whole, dec = s.split(",")
        return float(whole + "." + dec), len(dec)
    if re.fullmatch(r"\d+\.\d{1,2}", s):  # `2.5` (English decimal); times are excluded by the caller
        return float(s), len(s.split(".")[1])
    if re.fullmatch(r"\d+", s):
        return float(s), 0
    return None


# id(table) -> first words of its phrases (tables live as long as the process)
_FIRST_WORDS: dict[int, frozenset[str]] = {}


def _match_phrase(toks, i, table) -> tuple[int, object] | None:
    """Longest phrase of `table` (keys: tuples of lower-case words) starting at token i."""
    firsts = _FIRST_WORDS.get(id(table))
    if firsts is None:
        firsts = _FIRST_WORDS[id(table)] = frozenset(k[0] for k in table)
    if i >= len(toks) or toks[i][2].lower() not in firsts:  # most tokens start no phrase: answer at once
        return None
    best = None
    for n in (3, 2, 1):
        if i + n <= len(toks):
            key = tuple(t[2].lower() for t in toks[i:i + n])
            if key in table:
                best = (n, table[key])
                break
    return best


def _word_number(toks, i, W) -> tuple[int, float] | None:
    """Number words from token i (`dua puluh lima`, `seratus`, `dua belas`): (tokens used, value)."""
    total, current, j, seen = 0.0, 0.0, i, False
    while j < len(toks):
        w = toks[j][2].lower()
        if w not in W.numbers or w == "se":
            break
        v, k = W.numbers[w]
        if k == "number":
            if seen and current and current % 10 != 0 and v < 10:
                break  # `dua tiga` is two numbers, not one
            current += v
        elif not seen:
            break  # a number cannot start with `puluh`, `juta`
        elif k == "teen":
            current += 10
        elif k in ("tens", "hundreds"):
            current = (current or 1) * v
        elif k == "thousands":
            total += (current or 1) * v
            current = 0
        elif k == "scale":
            total = (total + (current or 1)) * v
            current = 0
        seen = True
        j += 1
    if not seen:
        return None
    return j - i, total + current


def _scale_after(toks, j, W) -> tuple[int, float]:
    """Scale words after a digit number (`1,3 juta`, `5 ribu`): (tokens used, multiplier)."""
    mult, n = 1.0, 0
    while j + n < len(toks):
        w = toks[j + n][2].lower()
        if w in W.numbers and W.numbers[w][1] in ("scale", "thousands"):
            mult *= W.numbers[w][0]
            n += 1
        else:
            break
    return n, mult


def _unit_at(toks, j, W, text) -> tuple[int, str | None]:
    """The unit after a number: a listed unit, else a lower-case counted noun. (tokens used, unit)."""
    if j >= len(toks):
        return 0, None
    s, _, w = toks[j]
    lw = w.lower()
    if j > 0 and text[toks[j - 1][1]:s].count("\n"):
        return 0, None
    if lw in W.units:
        unit, cls = W.units[lw]
        n = 1
        if cls in ("classifier", "duration") and j + 1 < len(toks):
            nw = toks[j + 1][2].lower()
            if (cls == "duration" and W.units.get(nw, ("", ""))[1] == "penalty") or (
                    cls == "classifier" and nw.isalpha() and nw not in W.stop and nw not in W.units
                    and toks[j + 1][2].islower()):
                return 2, f"{unit} {W.units.get(nw, (nw,))[0]}"
        return n, unit
    if w.isalpha() and lw not in W.stop \
            and lw not in W.numbers and lw not in W.months and lw not in W.clock and len(lw) > 1:
        return 1, lw
    return 0, None


def find_quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """Every amount in `text`, as (start, end, Quantity); never raises on odd input."""
    W = _words()
    toks = _tokens(text)
    out: list[tuple[int, int, Quantity]] = []
    i = 0
    while i < len(toks):
        start_i, approx = i, None
        ap = _match_phrase(toks, i, W.approx)
        if ap and i + ap[0] < len(toks):
            approx = ap[1]
            i += ap[0]
        money = None  # a unit written before the number: `Rp 500 juta`, `USD 7.300.000`, `magnitudo 5,0`
        w = toks[i][2].lower()
        if W.units.get(w, ("", ""))[1] in ("money", "magnitude") and i + 1 < len(toks) \
                and toks[i + 1][2][:1].isdigit():
            money = W.units[w][0]
            i += 1
        s0, _, w = toks[i]
        value, used, vague = None, 0, None
        vg = _match_phrase(toks, i, W.vague)
        if w[:1].isdigit():
            if _not_amount(toks, i, W, text):
                i = max(i, start_i) + 1
                continue
            parsed = parse_number(w)
            if parsed is None:
                i += 1
                continue
            value = parsed[0]
            n, mult = _scale_after(toks, i + 1, W)
            value *= mult
            used = 1 + n
        elif vg:
            used, value, vague = vg[0], vg[1], " ".join(t[2].lower() for t in toks[i:i + vg[0]])
        else:
            wn = _word_number(toks, i, W)
            if not wn:
                i = start_i + 1
                continue
            used, value = wn
        j = i + used
        un, unit = (0, money) if money else _unit_at(toks, j, W, text)
        if not money and unit is None and vague is None and value is not None and not w[:1].isdigit():
            i = start_i + 1  # a bare number word (`satu`, `dua`) without a unit says too little
            continue
        end_tok = j + un - 1
        a = toks[start_i][0] if approx else s0
        if money and not approx:
            a = toks[i - 1][0]
        b = toks[end_tok][1]
        q = Quantity(text=text[a:b], value=float(value) if value is not None else None, unit=unit,
                     approx=vague or approx)
        out.append((a, b, q))
        i = end_tok + 1
    return out


def _registration(toks, i, W) -> bool:
    """A vehicle registration: region letters before the digits, and letters after them or a plate word
    before the region letters (`B 1234 XY`, `berpelat CD 3767`)."""
    prev = toks[i - 1][2] if i > 0 else ""
    if not re.fullmatch(r"[A-Z]{1,2}", prev):
        return False
    nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
    before = toks[i - 2][2].lower() if i > 1 else ""
    return bool(re.fullmatch(r"[A-Z]{1,3}", nxt)) or W.refs.get(before) == "ref"


def _not_amount(toks, i, W, text) -> bool:
    """A digit token that is a clock time, a date, a year or a reference number."""
    s, e, w = toks[i]
    prev = toks[i - 1][2].lower() if i > 0 else ""
    nxt = toks[i + 1][2].lower() if i + 1 < len(toks) else ""
    if prev in W.clock or nxt in W.clock:
        return True
    if re.fullmatch(r"\d{1,2}[.:]\d{2}", w) and (nxt in W.clock or prev in W.clock):
        return True
    after, before = text[e:e + 1], text[s - 1:s]
    if (after and after in "/:+" and text[e:e + 2] != "/ ") or (before and before in "/:+-–—"):
        return True
    if nxt in W.months or prev in W.months:
        return True
    if prev in W.refs:
        kind = W.refs[prev]
        if kind == "ref" or (kind == "year" and re.fullmatch(r"(1[89]|20)\d\d", w)):
            return True
    if re.fullmatch(r"(1[89]|20)\d\d", w) and nxt not in W.units:
        return True  # a bare year
    if _registration(toks, i, W):
        return True
    if s > 0 and text[s - 1] == "(" and text[e:e + 1] == ")":
        return True  # `(21)`: an age or a list number
    # `14.40` without a clock word is still more likely a time than 14.4
    return bool(re.fullmatch(r"\d+\.\d{2}", w)) and nxt not in W.units


def unit_class(unit: str | None) -> str | None:
    if unit is None:
        return None
    W = _words()
    base = unit.split()[0]
    for u, cls in W.units.values():
        if u == base:
            return cls
    return "count"


def interval(q: Quantity) -> tuple[float, float]:
    """The values `q` admits: rounding of the written digits, then its approximation marker."""
    if q.value is None:
        return (-math.inf, math.inf)
    v = q.value
    decimals, scale = _precision(q.text)
    half = 0.5 * 10 ** (-decimals) * scale if scale > 1 else (0.5 * 10 ** (-decimals) if decimals else 0.0)
    lo, hi = v - half, v + half
    a = q.approx
    if a in ("about",):
        lo, hi = min(lo, v * 0.85), max(hi, v * 1.15)
    elif a == "below":
        lo = v * 0.8
    elif a == "above":
        hi = v * 2
    elif a in ("atleast", "min"):
        hi = math.inf
    elif a in ("atmost", "max"):
        lo = 0.0
    elif a:  # vague count: `puluhan juta` = 10..99 million
        lo, hi = v, v * 10 - 1e-9
    return lo, hi


def _precision(text: str) -> tuple[int, float]:
    """(decimals written, scale word multiplier) of the first digit number in a quantity's text."""
    W = _words()
    toks = _tokens(text)
    for i, (_, _, w) in enumerate(toks):
        if w[:1].isdigit():
            parsed = parse_number(w)
            if parsed is None:
                break
            return parsed[1], _scale_after(toks, i + 1, W)[1]
    return 0, 1.0


def units_relation(u1: str | None, u2: str | None) -> str:
    """`same` (comparable), `differ` (same measure, different kind: `bulan kurungan` / `bulan penjara`),
    or `unrelated` (different things counted)."""
    if u1 is None or u2 is None:
        return "same" if u1 == u2 else "unrelated"
    p1, p2 = u1.split(), u2.split()
    c1, c2 = unit_class(u1), unit_class(u2)
    if p1[0] == p2[0]:
        if len(p1) > 1 and len(p2) > 1 and p1[1] != p2[1]:
            return "differ" if c1 == "duration" else "unrelated"
        return "same"
    countish = ("count", "person", "classifier")
    if c1 in countish and c2 in countish:
        if (c1 == "classifier" and len(p1) == 1) or (c2 == "classifier" and len(p2) == 1):
            return "same"
        if c1 == "classifier" and len(p1) > 1 and p1[1] == p2[-1]:
            return "same"
        if c2 == "classifier" and len(p2) > 1 and p2[1] == p1[-1]:
            return "same"
    return "unrelated"


# the limits a rule sets (`paling lama 5 tahun`): compared as values, by limit_relation
LIMITS = ("max", "min")


def limit_relation(a: Quantity, b: Quantity) -> str:
    """`agree`, `conflict` or `unrelated` for two limits: the same kind of limit (upper, lower) of the same
    measure agrees only at the same value (`paling lama 5 tahun` / `maksimal 7 tahun` conflict, though the
    ranges they admit overlap); counts of people or things are estimates, not rules, and are not limits."""
    if a.approx not in LIMITS or a.approx != b.approx or a.value is None or b.value is None:
        return "unrelated"
    if a.unit is None or units_relation(a.unit, b.unit) != "same" or \
            unit_class(a.unit) in ("count", "person", "classifier"):
        return "unrelated"
    return "agree" if a.value == b.value else "conflict"


def compare(a: Quantity, b: Quantity) -> str:
    """`agree`, `conflict` or `unrelated` for two quantities. Rounding and approximations are not
    conflicts."""
    rel = units_relation(a.unit, b.unit)
    if rel == "unrelated" or a.value is None or b.value is None:
        return "unrelated"
    if rel == "differ":
        return "conflict" if a.value == b.value else "unrelated"
    la, ha = interval(a)
    lb, hb = interval(b)
    return "agree" if la <= hb and lb <= ha else "conflict"
