#!/usr/bin/env python3
"""Speed and memory of the full analysis on the bench corpus (../shared/data/bench).

    python scripts/bench.py [--shared ../shared] [--sizes 3] [--jobs 1,2] [--quick] [--dask 2] [--scaling]

Each run is a fresh `newsscan summarize FILE --format jsonl` process with its own empty cache folder: cold
(nothing cached), then cached (the same command again). Prints articles/s, wall seconds and peak RSS (the
largest process: the main one or a worker) per corpus size and job count, the cold/cached ratio, the start-up
time of `newsscan --help`, the throughput of the date tagger and the worst-case inputs of every extractor.

`--dask N` adds a run on a local Dask cluster of N worker processes (`--scheduler local:N`, cluster start
included) beside the `--jobs` runs. `--scaling` times the corpus-level steps (canonical entity merging, story
grouping) on 1x, 2x, 4x and 8x the first `--scaling-articles` bench articles (copies with shifted dates) and
prints nothing else (`--scaling-only`).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
NEWSSCAN = [sys.executable, "-m", "newsscan"]


def measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB of the largest process, exit code), measured in a child process so that
    RUSAGE_CHILDREN covers this command alone."""
    probe = ("import resource, subprocess, sys, time, json\n"
             "t = time.perf_counter()\n"
             "rc = subprocess.run(json.loads(sys.argv[1]), stdout=subprocess.DEVNULL).returncode\n"
             "w = time.perf_counter() - t\n"
             "print(json.dumps([w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, rc]))\n")
    out = subprocess.run([sys.executable, "-c", probe, json.dumps(cmd)], env=env, capture_output=True,
                         text=True, check=True)
    wall, rss, rc = json.loads(out.stdout.strip().splitlines()[-1])
    return wall, rss, rc


def subsets(bench: Path, tmp: Path, parts: int, limit: int | None = None) -> list[tuple[str, Path, int]]:
    lines = bench.read_text(encoding="utf-8").splitlines()[:limit]
    out = []
    for k in range(1, parts + 1):
        n = len(lines) * k // parts
        p = tmp / f"bench-{k}of{parts}.jsonl"
        p.write_text("\n".join(lines[:n]) + "\n", encoding="utf-8")
        out.append((f"{k}/{parts}", p, n))
    return out


def help_time(env) -> float:
    best = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "newsscan"), "--help"], env=env,
                       stdout=subprocess.DEVNULL, check=True)
        best.append(time.perf_counter() - t)
    return sorted(best)[len(best) // 2]


def tagger_speed(bench: Path) -> float:
    from newsscan.dates import find_dates

    texts = [json.loads(line)["text"] for line in bench.read_text(encoding="utf-8").splitlines() if line]
    t = time.perf_counter()
    for text in texts:
        find_dates(text, None)
    return len(texts) / (time.perf_counter() - t)


WORST_CASES = {  # 1 MB each: long runs of quote marks, spaces, digits, capitalised words, `-nya`
    "quote marks": '"“" * 1_000_000', "straight quotes": "'\"a ' * 333_333", "spaces": "' ' * 1_000_000",
    "digits": "'1' * 1_000_000", "dates": "'12/9/' * 200_000", "capitalised": "'Kim Jong ' * 111_111",
    "-nya": "'katanya ' * 125_000", "one long line": "('kata Easley ' + 'x' * 100) * 8_928",
}
EXTRACTORS = {"dates": "from newsscan.dates import find_dates as f; fn = lambda s: f(s, None)",
              "quotes": "from newsscan.quotes import find_quotes as fn",
              "claims": "from newsscan.claims import find_claims as fn"}


def dask_runs(sets, workers: int, env: dict[str, str], tmp: Path) -> None:
    """The same rows as the --jobs runs, for `--scheduler local:N` (cluster start and model load included)."""
    for label, path, n in sets:
        env["NEWSSCAN_CACHE_DIR"] = str(tmp / f"cache-{label.replace('/', '-')}-dask{workers}")
        cmd = NEWSSCAN + ["summarize", str(path), "--format", "jsonl", "--scheduler", f"local:{workers}", "--quiet"]
        cold, rss, rc = measure(cmd, env)
        warm, rss2, _ = measure(cmd, env)
        print(f"{label:>7} {n:>8} {'d:' + str(workers):>4} {cold:>8.1f} {n / cold:>10.1f} {warm:>9.2f} "
              f"{n / warm:>12.0f} {cold / warm:>11.1f} {max(rss, rss2):>11.0f}" + (f"  (exit {rc})" if rc else ""))


def scaling_inputs(bench: Path, tmp: Path, n: int):
    """(StoryInputs, per-article mentions) of the first `n` bench articles, each dated by its IndoSum id (a Unix
    time: the bench text has no date line), as an archive's articles carry their publication date."""
    import datetime as dt
    from dataclasses import replace

    from newsscan import api
    from newsscan.stories import story_input

    lines = bench.read_text(encoding="utf-8").splitlines()[:n]
    corpus = tmp / f"scaling-{n}.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = api.analyze([str(corpus)])  # the user's cache: a second scaling run does not analyze again
    stamps = [int(json.loads(line)["id"].split("-", 1)[0]) for line in lines]
    items = []
    for r in run.results:
        row = int(r.article.path.rsplit("#", 1)[1]) - 1
        day = dt.datetime.fromtimestamp(stamps[row], dt.UTC).date().isoformat()
        items.append(replace(story_input(r, run.canonical), published=day, published_guessed=False))
    return items, [list(r.entities) for r in run.results]


def best_of(times: int, fn, *args):
    """(the shortest wall time of `times` calls, the result): a shared machine's noise only ever adds time."""
    best, out = float("inf"), None
    for _ in range(times):
        t = time.perf_counter()
        out = fn(*args)
        best = min(best, time.perf_counter() - t)
    return best, out


def scaling(items, mentions, factors=(1, 2, 4, 8), shift_days: int = 1000) -> None:
    """Corpus-level steps on k copies of the corpus, copy c dated c * shift_days later (another period with
    the same density of news): near-linear cost means a flat time per article."""
    import datetime as dt
    from dataclasses import replace

    from newsscan.entities import merge_corpus
    from newsscan.stories import candidate_blocks, event_days, group_stories

    group_stories(items[:50])  # imports and tables loaded before anything is timed
    print(f"{'copies':>6} {'articles':>8} {'merge s':>8} {'stories s':>9} {'ms/article':>10} {'pairs/article':>13} "
          f"{'stories':>8}")
    for k in factors:
        batch, ments = [], []
        for c in range(k):
            for it in items:
                day = dt.date.fromisoformat(it.published) + dt.timedelta(days=c * shift_days)
                batch.append(replace(it, path=f"{it.path}@{c}", published=day.isoformat()))
            ments.extend(mentions)
        t_merge, _ = best_of(2, merge_corpus, ments)
        t_stories, found = best_of(2, group_stories, batch)
        pairs = sum(len(r) * len(cl) for r, cl in candidate_blocks([event_days(it) for it in batch]))
        n = len(batch)
        print(f"{k:>6} {n:>8} {t_merge:>8.2f} {t_stories:>9.2f} {1000 * (t_merge + t_stories) / n:>10.2f} "
              f"{pairs / n:>13.0f} {len(found):>8}")


def density(items, spans=(None, 120, 30, 8)) -> None:
    """Story grouping with the same articles packed into fewer days (more articles a day): the per-article cost
    follows the articles within a few days of each, not the corpus size."""
    import datetime as dt
    from dataclasses import replace

    from newsscan.stories import candidate_blocks, event_days, group_stories

    order = sorted(range(len(items)), key=lambda i: (items[i].published, i))
    first = dt.date.fromisoformat(items[order[0]].published)
    last = dt.date.fromisoformat(items[order[-1]].published)
    print(f"{'days':>6} {'art/day':>8} {'stories s':>9} {'ms/article':>10} {'pairs/article':>13}")
    for days in spans:
        days = days or (last - first).days + 1
        packed = [replace(it, published=(first + dt.timedelta(days=rank * days // len(items))).isoformat())
                  for rank, it in sorted(zip(range(len(items)), (items[i] for i in order)))]
        t, _ = best_of(2, group_stories, packed)
        pairs = sum(len(r) * len(c) for r, c in candidate_blocks([event_days(it) for it in packed]))
        print(f"{days:>6} {len(items) / days:>8.1f} {t:>9.2f} {1000 * t / len(items):>10.2f} "
              f"{pairs / len(items):>13.0f}")


def worst_cases(limit: float = 120.0) -> list[tuple[str, str]]:
    """Each extractor on each adversarial text, in its own process with a time limit, so that a
    catastrophic pattern shows as `> limit` instead of hanging the benchmark."""
    out = []
    for name, expr in WORST_CASES.items():
        for ex, setup in EXTRACTORS.items():
            code = (f"import time, resource\n{setup}\ntext = {expr}\nt = time.perf_counter()\nfn(text)\n"
                    "print(f'{time.perf_counter() - t:.2f} s, '"
                    "f'{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB')")
            try:
                res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=limit,
                                     check=False)
                figure = res.stdout.strip() or f"failed: {res.stderr.strip().splitlines()[-1:]}"
            except subprocess.TimeoutExpired:
                figure = f"> {limit:.0f} s (stopped)"
            out.append((f"{ex} / {name}", figure))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--sizes", type=int, default=3, help="run on 1/N, 2/N, … N/N of the corpus")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--quick", action="store_true", help="only the whole corpus with the most jobs")
    ap.add_argument("--worst-only", action="store_true", help="only the worst-case inputs")
    ap.add_argument("--dask", type=int, default=0, metavar="N",
                    help="also run on a local Dask cluster of N worker processes")
    ap.add_argument("--scaling", action="store_true", help="also time the corpus-level steps on 1x..8x the corpus")
    ap.add_argument("--scaling-only", action="store_true", help="only the scaling run")
    ap.add_argument("--articles", type=int, default=None, help="only the first N bench articles")
    ap.add_argument("--no-worst", action="store_true", help="leave out the worst-case inputs")
    ap.add_argument("--scaling-articles", type=int, default=1154, help="bench articles copied for the scaling run")
    args = ap.parse_args()
    bench = Path(args.shared) / "data" / "bench" / "indosum_devfolds_text.jsonl"
    if not bench.exists():
        print(f"bench: {bench} not found", file=sys.stderr)
        return 2
    jobs = [int(j) for j in args.jobs.split(",")]
    if args.worst_only:
        for name, figure in worst_cases():
            print(f"  {name:<32} {figure}")
        return 0
    if args.scaling or args.scaling_only:
        with tempfile.TemporaryDirectory() as t:
            print(f"corpus-level steps on copies of {args.scaling_articles} bench articles:")
            items, mentions = scaling_inputs(bench, Path(t), args.scaling_articles)
            scaling(items, mentions)
            print()
            print("story grouping with more articles a day (the same articles packed into fewer days):")
            density(items)
            print()
        if args.scaling_only:
            return 0
    env = dict(os.environ)
    print(f"machine: {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
          f"Python {sys.version.split()[0]}")
    print(f"newsscan --help: {help_time(env) * 1000:.0f} ms (median of 5)")
    print(f"date tagger alone: {tagger_speed(bench):.0f} articles/s (one process)")
    print()
    print(f"{'corpus':>7} {'articles':>8} {'jobs':>4} {'cold s':>8} {'cold art/s':>10} {'cached s':>9} "
          f"{'cached art/s':>12} {'cold/cached':>11} {'peak RSS MB':>11}")
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        sets = subsets(bench, tmp, args.sizes, args.articles)
        if args.quick:
            sets, jobs = sets[-1:], jobs[-1:]
        for label, path, n in sets:
            for j in jobs:
                env["NEWSSCAN_CACHE_DIR"] = str(tmp / f"cache-{label.replace('/', '-')}-{j}")
                cmd = NEWSSCAN + ["summarize", str(path), "--format", "jsonl", "--jobs", str(j), "--quiet"]
                cold, rss, rc = measure(cmd, env)
                warm, rss2, _ = measure(cmd, env)
                print(f"{label:>7} {n:>8} {j:>4} {cold:>8.1f} {n / cold:>10.1f} {warm:>9.2f} {n / warm:>12.0f} "
                      f"{cold / warm:>11.1f} {max(rss, rss2):>11.0f}" + (f"  (exit {rc})" if rc else ""))
        if args.dask:
            dask_runs(sets, args.dask, env, tmp)
    print()
    if args.no_worst:
        return 0
    print("worst-case inputs, 1 MB each (time, peak memory of the process):")
    for name, figure in worst_cases():
        print(f"  {name:<32} {figure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
