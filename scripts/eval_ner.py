#!/usr/bin/env python3
"""Entity-level exact-match P/R/F1 of the shipped NER on the idner-news-2k test split.

    python scripts/eval_ner.py [--shared ../shared] [--model DIR]

Scores, overall and per label (PERSON, ORG, LOC): the shipped model alone, then the model with the
newsscan pipeline around it (paragraph marks, hyphenated-name joining, gazetteer). The test sentences are
taken with their gold tokens. Where `training/runs/*.test.json` exist (the ablations of training/README.md),
their scores are listed too, so that the gain of each training addition (NERP, case augmentation) shows.
The line `overall P R F` of the shipped pipeline is what `scripts/eval.py` reads.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))
LABELS = ("PERSON", "ORG", "LOC")


def gold_docs(nlp, shared: Path):
    from convert import IDNER_MAP, map_tags, read_conll
    from spacy.tokens import Doc

    sents = read_conll(shared / "data" / "ner" / "idner-news-2k" / "test.txt", None, 2)
    return [Doc(nlp.vocab, words=w, ents=map_tags(t, IDNER_MAP)) for w, t in sents]


def spans(doc) -> set[tuple[int, int, str]]:
    return {(e.start, e.end, e.label_) for e in doc.ents if e.label_ in LABELS}


def score(pairs) -> dict[str, tuple[float, float, float]]:
    tp = dict.fromkeys(LABELS + ("overall",), 0)
    fp, fn = dict(tp), dict(tp)
    for gold, pred in pairs:
        g, p = spans(gold), spans(pred)
        for label in LABELS:
            gl, pl = {s for s in g if s[2] == label}, {s for s in p if s[2] == label}
            tp[label] += len(gl & pl)
            fp[label] += len(pl - gl)
            fn[label] += len(gl - pl)
    for k in ("tp", "fp", "fn"):
        d = {"tp": tp, "fp": fp, "fn": fn}[k]
        d["overall"] = sum(d[label] for label in LABELS)
    out = {}
    for label in ("overall",) + LABELS:
        p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        out[label] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def run(nlp, golds):
    from spacy.tokens import Doc

    preds = []
    for g in golds:
        doc = Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        preds.append(doc)
    return list(zip(golds, preds, strict=False))


def show(title: str, table) -> None:
    print(f"\n{title}")
    print(f"{'':10}{'P':>8}{'R':>8}{'F1':>8}")
    for label, (p, r, f) in table.items():
        print(f"{label:10}{p:8.4f}{r:8.4f}{f:8.4f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--model", help="a trained pipeline folder instead of the shipped one")
    args = ap.parse_args()
    import spacy

    from newsscan import nlp as nlpmod

    if args.model:
        nlpmod.model_path = lambda: Path(args.model)  # type: ignore[assignment]
    shared = Path(args.shared)
    variants = {  # the shipped pipeline first: scripts/eval.py reads the first `overall` line
        "shipped pipeline (+ gazetteer)": nlpmod.DEFAULT_COMPONENTS,
        "model alone": ("ner",),
        "model + hyphen names": ("paragraphs", "ner", "hyphen_names"),
        "gazetteer before the model": ("paragraphs", "gazetteer", "ner", "hyphen_names"),
    }
    results = {}
    for title, comps in variants.items():
        nlp = nlpmod.pipeline(tuple(comps))
        results[title] = score(run(nlp, gold_docs(nlp, shared)))
    runs = sorted((ROOT / "training" / "runs").glob("*.test.json"))
    if runs:
        print("training ablations (spacy evaluate, idner-news-2k test; see training/README.md):")
        for p in runs:
            d = json.loads(p.read_text())
            per = d.get("ents_per_type") or {}
            cells = "  ".join(f"{lab} {per.get(lab, {}).get('f', 0):.4f}" for lab in LABELS)
            print(f"  {p.name[:-10]:14} F1 {d['ents_f']:.4f}  {cells}")
    for title, table in results.items():
        show(title, table)
    del spacy
    return 0


if __name__ == "__main__":
    sys.exit(main())
