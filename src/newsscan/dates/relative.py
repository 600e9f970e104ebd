"""Candidates for weekdays (`Selasa lalu`, `Rabu (18/6)`, `pada Minggu`) and fixed relative phrases from
`relative_time.tsv` (`kemarin`, `pekan lalu`)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .absolute import date_at

if TYPE_CHECKING:
    from .scan import Scan


def weekday(f: Scan, pos: int) -> None:
    p, t, lex = f.p, f.t, f.lex
    m = p["weekday"].match(t, pos)
    if m is None:
        return
    s, ws, we = m.start(), m.start(1), m.end(1)
    if f.word_before(s):
        return
    word = m.group(1).lower()
    wd = lex.weekdays[word]
    ambiguous = word in lex.ambiguous_weekdays
    if ambiguous and not t[ws].isupper():
        return  # `minggu` in lower case is a week
    if ambiguous and ws > 0 and f.before(ws, 12).rstrip().lower().endswith(("se", "dua", "tiga")):
        return
    # 1. a modifier from relative_time.tsv: `Selasa lalu`, `Rabu pekan ini`
    best = f.lex.longest_template(f.t, "weekday", ws)
    if best is not None:
        if ambiguous and sentence_initial(f, ws) and best[1].granularity == "weekday":
            return  # `Minggu lalu, …` opening a sentence is `last week` (relative_time.tsv)
        f.add(s, best[0].end(), "weekday", 2, wd=wd, rule=best[1])
        return
    # 2. a date after it: `Selasa (12/9/2023)`, `Rabu siang (18/6/2025)`, `Senin 9 Juni 2025`
    dp = p["wd_daypart"].match(t, we)
    if _dated_weekday(f, s, dp.end() if dp else we, wd):
        return
    # 3. the weekday alone (with a daypart): `pada Rabu`, `Selasa malam`
    end = dp.end() if dp else we
    if ambiguous and not (dp or sunday_context(f, s, end)):
        return
    f.add(s, end, "weekday", 4, wd=wd, rule=None)


def _dated_weekday(f: Scan, s: int, pos: int, wd: int) -> bool:
    """Adds `Selasa (12/9/2023)` as one date when a date follows the weekday at pos; whether it did."""
    p, t = f.p, f.t
    gap = p["wd_gap"].match(t, pos)
    date = date_at(f, gap.end())
    if date is None:
        return False
    end, d, mo, y = date
    if gap.group(1) is not None:  # opened a parenthesis: it must close
        cp = p["close_paren"].match(t, end)
        if cp is None:
            return False
        end = cp.end()
    da = p["daypart_after"].match(t, end)
    if da:
        end = da.end()
    f.add(s, end, "date", 1, d=d, m=mo, y=y, wd=wd)
    return True


def sentence_initial(f: Scan, i: int) -> bool:
    k = i - 1
    while k >= 0 and f.t[k] in " \t\"“‘(":
        k -= 1
    return k < 0 or f.t[k] in ".!?\n"


def sunday_context(f: Scan, s: int, e: int) -> bool:
    """Capitalised `Minggu` is Sunday after `pada`/`hari`/a comma or before a comma or the sentence end."""
    before = f.before(s, 8).lower().rstrip()
    cues = f.lex.cues
    if before.endswith((",", *cues["day_before"])):
        return not sentence_initial(f, s) or before.endswith(tuple(cues["day_lead"]))
    after = f.t[e:e + 2]
    return not sentence_initial(f, s) and (after[:1] in ",.;)" or after == "" or after[:1] == "\n")


def fixed(f: Scan, pos: int) -> None:
    rules = f.lex.fixed
    m = f.p["fixed"].match(f.t, pos)
    if m is None:
        return
    s, e = m.span()
    phrase = " ".join(m.group(0).lower().split())
    rule = rules.get(phrase)
    if rule is None or f.word_before(s) or (s > 0 and f.t[s - 1] == "-"):
        return  # `tahun-tahun sebelumnya` is vague
    if f.before(s, 10).lower().rstrip().endswith(("beberapa", "berapa", "sejumlah")):
        return  # `beberapa hari ini` is vague (CONVENTIONS.md)
    if rule.base == "event" and f.p["frequency_before"].search(f.before(s, 12)):
        return  # `setiap malam harinya` is a habit, not a day
    if _counted_before(f, s):
        return  # `14 hari itu`, `dua hari berikutnya` without its number: a count of days
    if phrase.startswith("minggu") and f.t[s].isupper() and not sentence_initial(f, s):
        return  # `pada Minggu lalu` mid-sentence: Sunday, read by the weekday rules
    f.add(s, e, "rel", 3, rule=rule, n=None, unit=None)


def _counted_before(f: Scan, s: int) -> bool:
    """A number right before (`14 hari itu`, `dua tahun sebelumnya`): the phrase counts, it names no day."""
    words = f.before(s, 16).split()
    if not words:
        return False
    last = words[-1]
    if last.isdigit():
        return int(last) < 200  # `Nokia 3310 tahun lalu`: a model number, not a count
    return last.lower() in f.lex.numbers
