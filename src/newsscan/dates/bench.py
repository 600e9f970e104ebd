"""Throughput of `find_dates` alone: `python -m newsscan.dates.bench FILE.jsonl` (rows with a `text`
field)."""
from __future__ import annotations

import json
import sys
import time

from .tagger import find_dates


def bench(path: str, field: str = "text", repeat: int = 1) -> dict[str, float]:
    """Runs find_dates over every row's `field` (anchor None); returns articles, seconds, articles/s,
    mentions."""
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                texts.append(json.loads(line).get(field) or "")
    find_dates("Selasa (12/9/2023)", None)  # load and compile the tables outside the timing
    mentions = 0
    t0 = time.perf_counter()
    for _ in range(repeat):
        for t in texts:
            mentions += len(find_dates(t, None))
    secs = time.perf_counter() - t0
    n = len(texts) * repeat
    return {"articles": n, "seconds": secs, "articles_per_s": n / secs if secs else float("inf"),
            "chars": sum(map(len, texts)) * repeat, "mentions": mentions}


if __name__ == "__main__":
    r = bench(sys.argv[1])
    print(f"{r['articles']} articles, {r['chars'] / 1e6:.1f} M chars, {r['mentions']} mentions, "
          f"{r['seconds']:.2f} s: {r['articles_per_s']:.0f} articles/s")
