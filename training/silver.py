#!/usr/bin/env python3
"""Silver NER data: newsscan's own entity mentions on unseen news, as spaCy training sentences.

    python training/silver.py --bench ../shared/data/bench/indosum_devfolds_text.jsonl --articles 800 \
        --out training/corpus/final/train/silver.spacy

The shipped model learned from idner-news-2k (1,464 cased sentences) and NERP (lower case). newsscan's entity
layer corrects much of what the model gets wrong on cased news (roles cut from names, a rank inside a body's
name opening a person, abbreviations the article defines, nicknames, head words fixing a label). Analysing
news the project is not evaluated on (the IndoSum articles of the bench, none from the development or sealed
sets) and training on the result teaches the model those corrections on cased text: self-training, one
round. Sentences where a mention does not fall on token boundaries are left out (never half-labelled).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def sentence_docs(nlp, result) -> list[Doc]:
    """One Doc per body sentence, its entities the article's final mentions inside it."""
    from newsscan.claims import split_sentences

    body = result.article.body
    out = []
    for a, b in split_sentences(body):
        text = body[a:b]
        if len(text.split()) < 4:
            continue
        doc = nlp.make_doc(text)
        spans = []
        for m in result.entities:
            if a <= m.start and m.end <= b:
                span = doc.char_span(m.start - a, m.end - a, m.label)
                if span is None:
                    break
                spans.append(span)
        else:
            try:
                doc.ents = spans
            except ValueError:  # overlapping mentions: leave the sentence out
                continue
            out.append(doc)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", required=True, help="JSONL of news articles (a `text` field)")
    ap.add_argument("--articles", type=int, default=800, help="how many, from the end of the file")
    ap.add_argument("--out", required=True)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    import newsscan

    lines = Path(args.bench).read_text(encoding="utf-8").splitlines()[-args.articles:]
    with tempfile.TemporaryDirectory() as tmp:
        part = Path(tmp) / "silver.jsonl"
        part.write_text("\n".join(lines) + "\n", encoding="utf-8")
        run = newsscan.analyze([str(part)], jobs=args.jobs)
    nlp = spacy.blank("id")
    docs = [d for r in run.results for d in sentence_docs(nlp, r)]
    DocBin(docs=docs).to_disk(args.out)
    ents = sum(len(d.ents) for d in docs)
    print(json.dumps({"articles": len(run.results), "sentences": len(docs), "entities": ents}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
