#!/usr/bin/env python3
"""Accuracy of every layer on the seeds and the development corpus, scored by the reference scorers.

    python scripts/eval.py [--shared ../shared] [--json FILE] [-v]

Runs newsscan (the library, as the CLI would) over `seeds/` and the article folders of `../shared/data/dev/`
and `../shared/data/dev2/`, writes the predictions as the commands print them (`--format jsonl/json`), scores
them with `../shared/tools/score.py`, `score_stories.py` (and the NER test split with `scripts/eval_ner.py`),
and prints one table: layer by corpus, each figure beside its goal. Where the scorers' keys differ from
newsscan's, this script adapts them; the product keeps the keys the issues name.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

# (layer, figure) -> goal on the dev corpus (issue #14) and on the seeds (issues #4, #5, #6)
GOALS: dict[str, float | int | None] = {
    "articles.outlet": 0.97, "articles.date": 0.97, "articles.title": 0.97,
    "quotes.f1": 0.92, "quotes.recall": 0.95, "quotes.speaker": 0.95, "quotes.precision": 0.90,
    "quotes.indirect_recall": 0.80, "quotes.speaker_exact": 0.90,
    "entities.f1": 0.80, "entities.precision": None, "entities.recall": None,
    "dates.value_accuracy": 0.90, "dates.durations": None,
    "stories.pair_f1": 0.95,
    "diff.conflicts_f1": 0.70, "diff.agreement_recall": None, "diff.shared_quote_recall": 0.90,
    "ner.test_f1": 0.85,
    "glued.speakers": 0, "glued.entities": 0,  # names still holding a glued word (issue #17): counts, goal 0
}


def dev_folders(dev: Path) -> list[str]:
    if not dev.is_dir():
        return []
    return sorted(str(p) for p in dev.iterdir()
                  if p.is_dir() and p.name not in ("gold", "exports"))


def write_jsonl(path: Path, rows) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def scorer(args: list[str], verbose: bool) -> str:
    out = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=False)
    if verbose:
        print(out.stdout, file=sys.stderr)
    return out.stdout


def number(pattern: str, text: str) -> float | None:
    m = re.search(pattern, text)
    return float(m.group(1)) if m else None


# what each scorer prints, figure by figure: the pattern of its line (one group: the value; two: a count and
# its total, the figure being their ratio)
FIGURES: dict[str, dict[str, str]] = {
    "articles": {"articles.outlet": r"outlet accuracy ([\d.]+)", "articles.date": r"date accuracy ([\d.]+)",
                 "articles.title": r"title accuracy ([\d.]+)"},
    "quotes": {"quotes.f1": r"quote\+speaker F1 ([\d.]+)",
               "quotes.recall": r"direct\+partial: \d+ gold, recall ([\d.]+)",
               "quotes.speaker": r"speaker right (\d+)/(\d+)", "quotes.precision": r"precision ([\d.]+) \(",
               "quotes.indirect_recall": r"indirect: \d+ gold, recall ([\d.]+)",
               "quotes.speaker_exact": r"speaker exact .*= ([\d.]+)"},
    "entities": {"entities.f1": r"entities F1 ([\d.]+)", "entities.precision": r"overall\s+([\d.]+)",
                 "entities.recall": r"overall\s+[\d.]+\s+([\d.]+)"},
    "dates": {"dates.value_accuracy": r"value accuracy ([\d.]+)",
              "dates.durations": r"duration accuracy ([\d.]+)"},
    "stories": {"stories.pair_f1": r"story pairs: .*F1 ([\d.]+)"},
    "diff": {"diff.conflicts_f1": r"conflicts F1 ([\d.]+)",
             "diff.agreement_recall": r"agreement recall ([\d.]+)",
             "diff.shared_quote_recall": r"shared-quote recall ([\d.]+)"},
}


def figures(kind: str, out: str) -> dict[str, float | None]:
    """The figures of one scorer's output (None where its line is missing)."""
    found: dict[str, float | None] = {}
    for name, pattern in FIGURES[kind].items():
        m = re.search(pattern, out)
        if m is None:
            found[name] = None
        elif m.re.groups == 2:
            found[name] = int(m.group(1)) / max(int(m.group(2)), 1)
        else:
            found[name] = float(m.group(1))
    return found


def _outputs(name: str, run, gold: dict[str, Path], tmp: Path) -> dict[str, list[str]]:
    """kind -> the scorer and its arguments, for each gold the corpus has (the run's rows written first)."""
    from newsscan import api

    files = {k: tmp / f"{name}-{k}.{'json' if k in ('stories', 'diff') else 'jsonl'}" for k in FIGURES}
    out: dict[str, list[str]] = {}
    if "manifest" in gold and "outlet_key" in gold["manifest"].read_text(encoding="utf-8"):
        write_jsonl(files["articles"], ({"path": r.article.path, "outlet": r.article.outlet,
                                         "title": r.article.title, "published": r.article.published}
                                        for r in run.results))
        out["articles"] = ["score.py", "articles", str(gold["manifest"]), str(files["articles"])]
    for kind, rows in (("quotes", api.quote_rows), ("entities", api.mention_rows), ("dates", api.date_rows)):
        if kind in gold:
            write_jsonl(files[kind], rows(run))
            tool = ["score_entities.py"] if kind == "entities" else ["score.py", kind]
            out[kind] = [*tool, str(gold[kind]), str(files[kind])]
    if "manifest" in gold:
        files["stories"].write_text(json.dumps({"stories": [{"id": st.id, "articles": list(st.articles)}
                                                            for st in run.stories]}), encoding="utf-8")
        out["stories"] = ["score.py", "stories", str(files["stories"]), str(gold["manifest"])]
    if "stories" in gold:
        files["diff"].write_text(json.dumps(api.diff_document(run), ensure_ascii=False), encoding="utf-8")
        out["diff"] = ["score_stories.py", str(gold["stories"]), str(files["diff"])]
    return out


def evaluate(name: str, paths: list[str], gold: dict[str, Path], tools: Path, tmp: Path,
             verbose: bool) -> dict[str, float | int | None]:
    from newsscan import api

    run = api.analyze(paths, use_cache=False, jobs=1)
    figs: dict[str, float | int | None] = dict(glued_names(run))
    for kind, args in _outputs(name, run, gold, tmp).items():
        out = scorer([str(tools / args[0]), *args[1:]], verbose)
        figs.update(figures(kind, out))
    return figs


def glued_names(run) -> dict[str, int]:
    """How many distinct speakers and entity names of the corpus still hold a glued word (`KeuanganSri`,
    `Wahyunimengatakan`): a lower-to-upper change inside a word that is not a name written so on purpose, or a
    word the splitter cuts, given the words of the article the name comes from."""
    from newsscan.glued import article_words, is_glued

    speakers: set[str] = set()
    entities: set[str] = set()
    for r in run.results:
        seen = article_words(r.article.body)
        speakers.update(n for q in r.quotes if (n := run.name(q.speaker)) and is_glued(n, seen))
        entities.update(n for m in r.entities if (n := run.name(m.canonical)) and is_glued(n, seen))
    if speakers or entities:
        print(f"glued words left in names: {sorted(speakers | entities)}", file=sys.stderr)
    return {"glued.speakers": len(speakers), "glued.entities": len(entities)}


def ner_figures(verbose: bool) -> dict[str, float | None]:
    script = ROOT / "scripts" / "eval_ner.py"
    if not script.exists():
        return {}
    out = scorer([str(script)], verbose)
    print("NER on the idner-news-2k test split (scripts/eval_ner.py):")
    print(out)
    return {"ner.test_f1": number(r"overall\s+[\d.]+\s+[\d.]+\s+([\d.]+)", out)}


def all_figures(shared: Path, tmp: Path, verbose: bool = False,
                only: list[str] | None = None) -> dict[str, dict[str, float | None]]:
    """Figures per corpus (seeds, dev) and layer, scored by the reference scorers in shared/tools."""
    tools, dev, dev2 = shared / "tools", shared / "data" / "dev", shared / "data" / "dev2"
    tests_data = ROOT / "tests" / "data"
    corpora = {
        "seeds": ([str(ROOT / "seeds")], {
            "quotes": shared / "gold" / "seed-quotes.jsonl",
            "dates": tests_data / "seed-dates.jsonl",
            "manifest": tests_data / "seed-manifest.jsonl",
            "stories": tests_data / "seed-stories.jsonl"}),
        "dev": (dev_folders(dev), {
            "quotes": dev / "gold" / "quotes.jsonl", "dates": dev / "gold" / "dates.jsonl",
            "manifest": dev / "manifest.jsonl", "stories": dev / "gold" / "stories.jsonl"}),
        "dev2": (dev_folders(dev2), {
            "quotes": dev2 / "gold" / "quotes.jsonl", "dates": dev2 / "gold" / "dates.jsonl",
            "entities": dev2 / "gold" / "entities.jsonl",
            "manifest": dev2 / "manifest.jsonl", "stories": dev2 / "gold" / "stories.jsonl"}),
    }
    results = {}
    for name, (paths, gold) in corpora.items():
        gold = {k: v for k, v in gold.items() if v.exists()}
        if not paths or (only and name not in only):
            continue
        results[name] = evaluate(name, paths, gold, tools, tmp, verbose)
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--no-ner", action="store_true", help="skip the NER test-split evaluation")
    ap.add_argument("--corpus", action="append", choices=["seeds", "dev", "dev2"],
                    help="score only this corpus (repeatable)")
    ap.add_argument("-v", "--verbose", action="store_true", help="show the scorers' own output")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "tools").is_dir():
        print(f"eval: {shared / 'tools'} not found (the shared folder must sit beside the project)",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as t:
        results = all_figures(shared, Path(t), args.verbose, args.corpus)
    if not args.no_ner:
        results["ner"] = ner_figures(args.verbose)
    print_table(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def print_table(results: dict[str, dict[str, float | None]]) -> None:
    keys = [k for k in GOALS if any(k in r for r in results.values())]
    corpora = list(results)
    head = f"{'layer.figure':<28}" + "".join(f"{c:>10}" for c in corpora) + f"{'goal':>8}"
    print(head)
    print("-" * len(head))
    for k in keys:
        cells = []
        for c in corpora:
            v = results[c].get(k)
            cells.append(
                f"{v:>10.3f}" if isinstance(v, float) else f"{v:>10d}" if isinstance(v, int) else f"{'-':>10}"
            )
        goal = GOALS[k]
        print(
            f"{k:<28}"
            + "".join(cells)
            + (f"{goal:>8}" if isinstance(goal, int) else f"{goal:>8.2f}" if goal is not None else f"{'':>8}")
        )


if __name__ == "__main__":
    sys.exit(main())
