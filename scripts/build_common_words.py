#!/usr/bin/env python3
"""Builds `src/newsscan/data/common_words.tsv`, the word list the glued-word splitter (`newsscan.glued`)
reads.

    python scripts/build_common_words.py [--shared ../shared]

Source: the IndoSum development folds in `../shared/data/bench/` (3,463 tokenized Indonesian news articles,
CC BY-SA 4.0; see that folder's SOURCE.md). A word written in lower case at least LOWER_MIN times is `lower`
(a piece a glued token may be split into, and a whole word that is never split); any other word written at
least ANY_MIN times, in any case, is `name` (a whole word that is never split, mostly proper names).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOWER_MIN = 5
ANY_MIN = 3
WORD = re.compile(r"[^\W\d_]+")

HEADER = """# Common words of Indonesian news, for the glued-word splitter (newsscan.glued).
# Source: word counts over the IndoSum development folds (Kurniawan & Louvan 2018, CC BY-SA 4.0), 3,463
# tokenized articles in shared/data/bench/; regenerate with scripts/build_common_words.py.
# form: lower = written in lower case at least {lower} times (a piece a glued token may split into, and a
#       word never split itself); name = written at least {any} times in any case (never split).
# count: how often the word occurs in that corpus (in lower case for `lower`, in any case for `name`).
word\tform\tcount
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    lower: Counter[str] = Counter()
    anycase: Counter[str] = Counter()
    path = Path(args.shared) / "data" / "bench" / "indosum_devfolds_text.jsonl"
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            for w in WORD.findall(json.loads(line)["text"]):
                anycase[w.lower()] += 1
                if w.islower():
                    lower[w] += 1
    rows = []
    for w, n in anycase.items():
        if len(w) < 2:
            continue
        if lower[w] >= LOWER_MIN:
            rows.append((w, "lower", lower[w]))
        elif n >= ANY_MIN:
            rows.append((w, "name", n))
    out = ROOT / "src" / "newsscan" / "data" / "common_words.tsv"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(HEADER.format(lower=LOWER_MIN, any=ANY_MIN))
        fh.writelines(f"{w}\t{f}\t{n}\n" for w, f, n in sorted(rows))
    print(f"{out}: {len(rows)} words")


if __name__ == "__main__":
    main()
