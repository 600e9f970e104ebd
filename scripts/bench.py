#!/usr/bin/env python3
"""Speed and memory of the full analysis on the bench corpus (../shared/data/bench).

    python scripts/bench.py [--shared ../shared] [--sizes 3] [--jobs 1,2] [--quick] [--dask 2] [--scaling]

Each run is a fresh `newsscan summarize FILE --format jsonl` process with its own empty cache folder: cold
(nothing cached), then cached (the same command again). Prints articles/s, wall seconds and peak RSS (the
largest process: the main one or a worker) per corpus size and job count, the cold/cached ratio, the start-up
time of `newsscan --help`, the throughput of the date tagger and the worst-case inputs of every extractor.

`--dask N` adds a run on a local Dask cluster of N worker processes (`--scheduler local:N`, cluster start
included) beside the `--jobs` runs. `--scaling` times the corpus-level steps (canonical entity merging, story
grouping) on 1x, 2x, 4x and 8x the first `--scaling-articles` bench articles (copies with shifted dates; then
copies with every date blanked), and `export --parquet` of 300 articles written by the client or by the
workers of a local cluster (`--scaling-only`: nothing else).
"""
from __future__ import annotations

import argparse
import itertools
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
        cmd = NEWSSCAN + ["summarize", str(path), "--format", "jsonl", "--scheduler", f"local:{workers}",
                          "--quiet"]
        cold, rss, rc = measure(cmd, env)
        warm, rss2, _ = measure(cmd, env)
        print(f"{label:>7} {n:>8} {'d:' + str(workers):>4} {cold:>8.1f} {n / cold:>10.1f} {warm:>9.2f} "
              f"{n / warm:>12.0f} {cold / warm:>11.1f} {max(rss, rss2):>11.0f}"
              + (f"  (exit {rc})" if rc else ""))


def print_hostile_layers() -> None:
    print("per layer, seconds at " + ", ".join(f"{n:,}" for n in HOSTILE_SIZES)
          + " characters; ratio between successive sizes (linear: ~2, must stay <= 2.5)")
    for line in hostile_layers():
        print(line)


def scaling_run(bench: Path, n: int, export_articles: int = 300) -> None:
    with tempfile.TemporaryDirectory() as t:
        print(f"corpus-level steps on copies of {n} bench articles:")
        items, mentions = scaling_inputs(bench, Path(t), n)
        scaling(items, mentions)
        print()
        print("story grouping with more articles a day (the same articles packed into fewer days):")
        density(items)
        print()
        print("story grouping without any date (copy c: every capitalised word marked with c, so each copy")
        print("tells other events in the same language; undated articles are blocked by their keys):")
        undated_scaling(items)
        print()
        print(f"export --parquet of {export_articles} bench articles: the client writing every table, or")
        print("the workers writing their partitions' parts (client peak memory: this process alone)")
        export_timing(bench, Path(t), export_articles)
        print()


def scaling_inputs(bench: Path, tmp: Path, n: int):
    """(StoryInputs, per-article mentions) of the first `n` bench articles, each dated by its IndoSum id (a
    Unix time: the bench text has no date line), as an archive's articles carry their publication date."""
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
    print(f"{'copies':>6} {'articles':>8} {'merge s':>8} {'stories s':>9} {'ms/article':>10} "
          f"{'pairs/article':>13} {'stories':>8}")
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


def _marked(item, c: int):
    """Copy `c` of an article with its dates blanked and every capitalised word marked (`Jakarta` ->
    `Jakartaqq`): the same language, other names, so copies are other events, not duplicates."""
    import re
    from dataclasses import replace

    def mark(text: str) -> str:
        return re.sub(r"\b([A-Z]\w+)", lambda m: m.group(1) + "q" * c, text)

    return replace(item, path=f"{item.path}@{c}", published=None, published_guessed=False, dates=(),
                   title=mark(item.title), body=mark(item.body),
                   entities=tuple(mark(e) for e in item.entities))


def undated_scaling(items, factors=(1, 2, 4, 8)) -> None:
    from newsscan import stories

    print(f"{'copies':>6} {'articles':>8} {'stories s':>9} {'ms/article':>10} {'cells/article':>13} "
          f"{'path':>6} {'stories':>8}")
    for k in factors:
        batch = [_marked(it, c) for c in range(k) for it in items]
        t, found = best_of(1, stories.group_stories, batch)
        days = [stories.event_days(it) for it in batch]
        X = stories._compact(stories._tfidf([f"{it.title}\n{it.title}\n{it.body[:stories.LEAD_CHARS]}"
                                             for it in batch]))
        cells = sum(len(r) * len(c) for r, c in stories.candidate_blocks(days, X))
        path = "keyed" if len(batch) ** 2 > stories.ALL_PAIRS else "all"
        print(f"{k:>6} {len(batch):>8} {t:>9.2f} {1000 * t / len(batch):>10.2f} {cells / len(batch):>13.0f} "
              f"{path:>6} {len(found):>8}")


EXPORT_PROBE = """
import json, resource, sys, time
t = time.perf_counter()
corpus, folder, how = sys.argv[1:4]
if how == "local":
    from newsscan import api, export
    export.export(api.analyze([corpus], jobs=2, use_cache=False), parquet=folder)
else:
    from newsscan.dask_export import export_parquet
    export_parquet([corpus], folder, scheduler=how)
print(json.dumps([time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]))
"""


def export_timing(bench: Path, tmp: Path, n: int) -> None:
    """`export --parquet` of the first n bench articles: local (2 processes; the client gathers every record
    and writes each table) against local:2 (the workers write their parts); the tables read back equal."""
    import pandas as pd

    corpus = tmp / f"export-{n}.jsonl"
    lines = bench.read_text(encoding="utf-8").splitlines(keepends=True)[:n]
    corpus.write_text("".join(lines), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    print(f"{'how':>12} {'articles':>8} {'wall s':>7} {'client peak MB':>14}")
    for how in ("local", "local:2"):
        out = subprocess.run([sys.executable, "-c", EXPORT_PROBE, str(corpus), str(tmp / how), how], env=env,
                             capture_output=True, text=True, check=True)
        wall, rss = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{'jobs 2' if how == 'local' else how:>12} {n:>8} {wall:>7.1f} {rss:>14.0f}")
    same = all(pd.read_parquet(tmp / "local" / t.name).equals(pd.read_parquet(tmp / "local:2" / t.name))
               for t in (tmp / "local").iterdir())
    print(f"tables read back equal: {same}")


def density(items, spans=(None, 120, 30, 8)) -> None:
    """Story grouping with the same articles packed into fewer days (more articles a day): the per-article
    cost follows the articles within a few days of each, not the corpus size."""
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
                  for rank, it in sorted(zip(range(len(items)), (items[i] for i in order), strict=True))]
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
                res = subprocess.run(
                    [sys.executable, "-c", code], capture_output=True, text=True, timeout=limit, check=False
                )
                figure = res.stdout.strip() or f"failed: {res.stderr.strip().splitlines()[-1:]}"
            except subprocess.TimeoutExpired:
                figure = f"> {limit:.0f} s (stopped)"
            out.append((f"{ex} / {name}", figure))
    return out


HOSTILE_KINDS = {  # one adversarial text per kind, repeated to the wanted size
    "letters": "A",  # one token of capital letters with no space (a base64 blob, a minified script)
    "speech verbs": "kata dia ujarnya ",
    "quote marks": "“a ”b “c “",
    "quote-mark run": "“",  # one token of unbalanced quote marks: every one an affix the tokenizer strips
    "capitalised": "Kim Jong Presiden Dewan Rakyat ",
    "digits": "1",
}
HOSTILE_SIZES = (10_000, 20_000, 40_000, 80_000)

# runs in a child process per kind: times every pipeline component, then the stories, on each size
_HOSTILE_PROBE = """
import json, sys, time
from newsscan.nlp import pipeline
from newsscan.records import Article, ArticleResult, Evidence
from newsscan.stories import group_stories, story_input
unit, sizes = json.loads(sys.argv[1]), json.loads(sys.argv[2])
nlp = pipeline()


def timed(n):
    text = (unit * (n // len(unit) + 1))[:n]
    times = {}
    t = time.perf_counter(); doc = nlp.make_doc(text); times["tokenizer"] = time.perf_counter() - t
    for name, proc in nlp.pipeline:
        t = time.perf_counter(); doc = proc(doc); times[name] = time.perf_counter() - t
    return text, doc, times


timed(sizes[0])  # warm: the tables and lexicons load on the first call
for n in sizes:
    # the best of two runs: the machine is shared, a single run measures the neighbours too
    (text, doc, times), (_, _, again) = timed(n), timed(n)
    times = {k: min(v, again[k]) for k, v in times.items()}
    none = Evidence(None, "none")
    a = Article(id="x", path="x.txt", outlet="unknown", outlet_evidence=none, title=None, published=None,
                published_evidence=none, body=text, paragraphs=(text,), text_hash=str(n))
    r = ArticleResult(article=a, entities=doc._.mentions, dates=doc._.dates, quotes=doc._.quotes,
                      claims=doc._.claims, reference_date=none)
    runs = []
    for _ in range(2):  # the first call imports SciPy
        t = time.perf_counter()
        group_stories([story_input(r), story_input(r)])
        runs.append(time.perf_counter() - t)
    times["stories"] = min(runs)
    print(json.dumps([n, times]), flush=True)
"""


def hostile_layers(limit: float = 300.0) -> list[str]:
    """Per kind of adversarial text and per layer: the time at each size and the ratio between successive
    sizes (a linear layer doubles, ratio ~2; a quadratic one quadruples). Each kind in its own process."""
    lines = []
    for kind, unit in HOSTILE_KINDS.items():
        cmd = [sys.executable, "-c", _HOSTILE_PROBE, json.dumps(unit), json.dumps(HOSTILE_SIZES)]
        try:
            res = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, check=False)
            out = res.stdout
        except subprocess.TimeoutExpired as exc:
            out = (exc.stdout or b"").decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
            res = None
        rows = [json.loads(line) for line in out.splitlines() if line.startswith("[")]
        if not rows:
            err = res.stderr.strip().splitlines()[-1:] if res else [f"> {limit:.0f} s (stopped)"]
            lines.append(f"{kind}: failed {err}")
            continue
        layers = list(rows[0][1])
        lines.append(
            f"{kind} ({', '.join(f'{n // 1000}k' for n, _ in rows)} characters)"
            + ("" if len(rows) == len(HOSTILE_SIZES) else f"  stopped after {limit:.0f} s")
        )
        for layer in layers:
            ts = [r[1][layer] for r in rows]
            # below 5 ms a time is noise: no ratio
            ratios = [b / a if a > 0.005 else None for a, b in itertools.pairwise(ts)]
            # over the whole range (8x the size) a linear layer grows ~8x, a quadratic one ~64x
            growth = ts[-1] / ts[0] if ts[0] > 0.005 else 0.0
            flag = "  QUADRATIC?" if ts[-1] > 0.05 and growth > 20 else ""
            lines.append(
                f"  {layer:<22} "
                + " ".join(f"{t:8.3f}s" for t in ts)
                + "   ratios "
                + " ".join("   -" if r is None else f"{r:4.1f}" for r in ratios)
                + flag
            )
    return lines


ARTICLE = (
    "Menteri Sosial mengatakan bantuan tahap kedua rampung pekan ini. “Kami pastikan semua keluarga "
    "menerima haknya,” kata dia di Jakarta, Rabu (18/6/2025).\n"
)


def hostile_corpus(folder: Path) -> dict[str, str]:
    """Writes the hostile corpus of issue #20 into `folder`: name -> what it is. Big files are generated here,
    never committed."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, tuple[str, bytes | str]] = {
        "binary.txt": ("binary", bytes((i * 7919 + 13) % 256 for i in range(65_536))),
        "empty.txt": ("empty", b""),
        "utf16.txt": ("UTF-16 without byte-order mark", ARTICLE.encode("utf-16-le")),
        "cp1252.txt": ("cp1252", ("Judul\n\n" + ARTICLE * 3).encode("cp1252")),
        "unbalanced.txt": ("75 KB of unbalanced quote marks", "“" * 25_000 + "“a ”b “c " * 5_000),
        "speech_runs.txt": (
            "1.4 MB of speech verbs, then 200,000 letters and 200,000 digits",
            "kata dia ujarnya " * 60_000 + "\n" + "a" * 200_000 + "\n" + "7" * 200_000,
        ),
        "one_line.txt": ("6.4 MB on one line", "Presiden Joko Widodo mengatakan " * 200_000),
        "broken.jsonl": ("broken JSONL", '{"text": "' + ARTICLE.strip() + '"}\n{"text": broken\n'),
        "nocol.csv": ("CSV without a text column", "judul,tanggal\nSatu,18 Jun 2025\n"),
    }
    for name, (_, content) in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "unreadable.txt").symlink_to(folder / "gone.txt")  # as root, chmod 000 does not stop a read
    return {
        **{n: what for n, (what, _) in files.items()},
        "loop.txt": "symlink loop",
        "unreadable.txt": "unreadable (a dangling symlink)",
    }


def _quotes_run(paths: list[str], env: dict[str, str]) -> tuple[str, int, str, str]:
    """(wall and CPU seconds, exit code, stdout, stderr) of `newsscan quotes` on 2 workers. The CPU seconds
    (workers included) say what the run costs when the machine is shared."""
    import resource

    cmd = NEWSSCAN + ["quotes", *paths, "--format", "jsonl", "--no-cache", "--jobs", "2"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return f"{wall:.1f} s ({cpu:.1f} CPU s)", res.returncode, res.stdout, res.stderr


def _seed_quotes(stdout: str, seeds: Path) -> list[str]:
    """The seeds' quote rows, with the path made relative to the seeds' folder (to compare two runs)."""
    rows = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    return [
        json.dumps({**r, "path": Path(r["path"]).name}, sort_keys=True)
        for r in rows
        if Path(r["path"]).name in {p.name for p in seeds.iterdir()}
    ]


def hostile_cli(seeds: Path) -> list[str]:
    """The issue's two end-to-end runs with the CLI: the seeds plus a 200,000-letter token and 425,000
    characters of speech verbs (goal < 25 s), and the whole hostile corpus plus the seeds (goal < 40 s)."""
    import shutil

    lines = []
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        clean_time, _, clean, _ = _quotes_run([str(seeds)], env)
        lines.append(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        lines.append(f"seeds alone: {clean_time}")
        a = tmp / "a"
        shutil.copytree(seeds, a)
        (a / "token.txt").write_text("A" * 200_000, encoding="utf-8")
        (a / "verbs.txt").write_text(("kata dia ujarnya " * 25_000)[:425_000], encoding="utf-8")
        secs, rc, out, err = _quotes_run([str(a)], env)
        same = _seed_quotes(out, seeds) == _seed_quotes(clean, seeds)
        lines.append(
            f"seeds + 200,000-letter token + 425,000 chars of speech verbs: {secs}, exit {rc}, "
            f"seeds' quotes {'identical' if same else 'DIFFERENT'}"
        )
        lines += [f"    {x}" for x in err.splitlines()]
        b = tmp / "b"
        shutil.copytree(seeds, b)
        cases = hostile_corpus(b)
        secs, rc, out, err = _quotes_run([str(b)], env)
        same = _seed_quotes(out, seeds) == _seed_quotes(clean, seeds)
        lines.append(
            f"hostile corpus + seeds: {secs}, exit {rc}, seeds' quotes {'identical' if same else 'DIFFERENT'}"
        )
        for name, what in cases.items():
            said = [x for x in err.splitlines() if name in x]
            lines.append(f"    {name} ({what}): " + (" | ".join(said) if said else "analyzed, nothing said"))
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--sizes", type=int, default=3, help="run on 1/N, 2/N, … N/N of the corpus")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--quick", action="store_true", help="only the whole corpus with the most jobs")
    ap.add_argument("--worst-only", action="store_true", help="only the worst-case inputs")
    ap.add_argument("--hostile", action="store_true",
                    help="only the per-layer times on growing adversarial inputs (10k-80k characters)")
    ap.add_argument("--hostile-cli", action="store_true",
                    help="only the end-to-end `newsscan quotes` runs over the hostile corpus and the seeds")
    ap.add_argument("--dask", type=int, default=0, metavar="N",
                    help="also run on a local Dask cluster of N worker processes")
    ap.add_argument("--scaling", action="store_true",
                    help="also time the corpus-level steps on 1x..8x the corpus")
    ap.add_argument("--scaling-only", action="store_true", help="only the scaling run")
    ap.add_argument("--articles", type=int, default=None, help="only the first N bench articles")
    ap.add_argument("--no-worst", action="store_true", help="leave out the worst-case inputs")
    ap.add_argument("--scaling-articles", type=int, default=1154,
                    help="bench articles copied for the scaling run")
    args = ap.parse_args()
    if args.hostile_cli:
        for line in hostile_cli(ROOT / "seeds"):
            print(line)
        return 0
    if args.hostile:
        print_hostile_layers()
        return 0
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
        scaling_run(bench, args.scaling_articles)
        if args.scaling_only:
            return 0
    env = dict(os.environ)
    print(
        f"machine: {os.cpu_count()} cores, "
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
        f"Python {sys.version.split()[0]}"
    )
    print(f"newsscan --help: {help_time(env) * 1000:.0f} ms (median of 5)")
    print(f"date tagger alone: {tagger_speed(bench):.0f} articles/s (one process)")
    print()
    print(
        f"{'corpus':>7} {'articles':>8} {'jobs':>4} {'cold s':>8} {'cold art/s':>10} {'cached s':>9} "
        f"{'cached art/s':>12} {'cold/cached':>11} {'peak RSS MB':>11}"
    )
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
                print(f"{label:>7} {n:>8} {j:>4} {cold:>8.1f} {n / cold:>10.1f} {warm:>9.2f} "
                      f"{n / warm:>12.0f} {cold / warm:>11.1f} {max(rss, rss2):>11.0f}"
                      + (f"  (exit {rc})" if rc else ""))
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
