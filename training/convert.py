"""Converts the NER training data to spaCy DocBin files (labels PERSON, ORG, LOC).

    python training/convert.py --out training/corpus [--nerp] [--augment]

Writes `train/idner.spacy`, `dev.spacy`, `test.spacy` (idner-news-2k) and, with `--nerp`,
`train/nerp.spacy` (NERP train + valid + test, lower-cased news, with valid/test sentences that duplicate
train dropped). spaCy's corpus reader reads every `.spacy` file in `train/`.

- idner-news-2k: `TOKEN UPOS NER`, space separated, CRLF line endings, IOB2 PER/ORG/LOC.
- NERP: `TOKEN<TAB>TAG`, IOB2 PPL/PLC/IND/EVT/FNB, all lower case. PPL->PERSON, PLC->LOC, IND->ORG;
  EVT and FNB become O.
- `--augment` (NERP only): entity tokens and sentence starts are re-capitalised (`title case`, or upper case
  for short all-letter ORG tokens that look like acronyms), because the shipped model runs on cased text.
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ner"  # overridden by --shared
IDNER_MAP = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
NERP_MAP = {"PPL": "PERSON", "PLC": "LOC", "IND": "ORG"}  # EVT, FNB -> O
SEED = 13


def read_conll(path: Path, sep: str | None, tag_col: int) -> list[tuple[list[str], list[str]]]:
    sents, words, tags = [], [], []
    for raw in path.read_text(encoding="utf-8").splitlines():  # splitlines also strips '\r'
        line = raw.strip()
        if not line:
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        cells = line.split(sep)
        words.append(cells[0])
        tags.append(cells[tag_col])
    if words:
        sents.append((words, tags))
    return sents


def ngrams(words: list[str], n: int = 8) -> set[tuple[str, ...]]:
    """Lower-cased word n-grams (punctuation dropped): the key for finding shared sentences."""
    toks = [k for k in (re.sub(r"\W", "", w.lower()) for w in words) if k]
    if len(toks) < n:
        return {tuple(toks)} if toks else set()
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}


def map_tags(tags: list[str], mapping: dict[str, str], missing: frozenset[str] = frozenset(),
             ) -> list[str | None]:
    """IOB2 tags with mapped labels. Labels in `missing` become unknown (None: the model is not taught either
    way there), other unmapped labels become O, and a broken I- after O becomes B-."""
    out: list[str | None] = []
    for tag in tags:
        if tag == "O":
            out.append("O")
            continue
        prefix, _, label = tag.partition("-")
        new = mapping.get(label)
        if label in missing:
            out.append(None)
        elif new is None:
            out.append("O")
        elif prefix == "I" and (not out or out[-1] is None or out[-1] == "O" or out[-1][2:] != new):
            out.append("B-" + new)
        else:
            out.append(f"{prefix}-{new}")
    return out


def capitalise(words: list[str], tags: list[str], rng: random.Random) -> list[str]:
    """Re-capitalise a lower-cased sentence: sentence start and entity tokens (acronym-like ORG: upper)."""
    out = []
    for i, (w, t) in enumerate(zip(words, tags, strict=False)):
        if t != "O":
            if t is None:  # unknown label (missing): capitalise like a name
                w = w[:1].upper() + w[1:] if w[:1].isalpha() else w
            elif t.endswith("ORG") and w.isalpha() and len(w) <= 4 and rng.random() < 0.6:
                w = w.upper()
            elif w[:1].isalpha():
                w = w[:1].upper() + w[1:]
        elif i == 0 or (i > 0 and words[i - 1] in {".", "!", "?"}):
            w = w[:1].upper() + w[1:]
        out.append(w)
    return out


def to_doc(nlp, words: list[str], tags: list[str | None]) -> Doc:
    return Doc(nlp.vocab, words=words, ents=tags)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="training/corpus")
    ap.add_argument("--nerp", action="store_true")
    ap.add_argument("--augment", action="store_true", help="re-capitalise NERP")
    ap.add_argument("--nerp-person-only", action="store_true",
                    help="keep only NERP's people: PLC and IND become missing (their conventions differ)")
    ap.add_argument("--nerp-lower-copy", action="store_true", help="also keep a lower-case copy of NERP")
    ap.add_argument("--shared", help="the shared folder holding data/ner/ (default ../shared)")
    args = ap.parse_args()
    global DATA
    if args.shared:
        DATA = Path(args.shared) / "data" / "ner"
    rng = random.Random(SEED)
    nlp = spacy.blank("id")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "train").mkdir(exist_ok=True)
    for split in ("train", "dev", "test"):
        sents = read_conll(DATA / "idner-news-2k" / f"{split}.txt", None, 2)
        db = DocBin(docs=[to_doc(nlp, w, map_tags(t, IDNER_MAP)) for w, t in sents])
        db.to_disk(out / "train" / "idner.spacy" if split == "train" else out / f"{split}.spacy")
        print(f"{split}: {len(sents)} sentences")
    if args.nerp:
        nerp = []
        train = read_conll(DATA / "nerp" / "train_preprocess.txt", "\t", 1)
        valid = read_conll(DATA / "nerp" / "valid_preprocess.txt", "\t", 1)
        test = read_conll(DATA / "nerp" / "test_preprocess.txt", "\t", 1)
        seen = {tuple(w) for w, _ in train}
        extra = [(w, t) for w, t in valid + test if tuple(w) not in seen]  # drop duplicates of train
        # NERP and idner-news-2k share source sentences (both go back to the same news crawl): drop every
        # NERP sentence that shares an 8-gram with idner dev/test, so the scores stay clean.
        held = {g for split in ("dev", "test")
                for w, _ in read_conll(DATA / "idner-news-2k" / f"{split}.txt", None, 2) for g in ngrams(w)}
        kept = [(w, t) for w, t in train + extra if not (ngrams(w) & held)]
        print(f"nerp: dropped {len(train) + len(extra) - len(kept)} sentences overlapping idner dev/test")
        for words, tags in kept:
            if args.nerp_person_only:
                tags = map_tags(tags, {"PPL": "PERSON"}, missing=frozenset({"PLC", "IND"}))
            else:
                tags = map_tags(tags, NERP_MAP)
            if args.augment:
                nerp.append(to_doc(nlp, capitalise(words, tags, rng), tags))
                if args.nerp_lower_copy:
                    nerp.append(to_doc(nlp, words, tags))
            else:
                nerp.append(to_doc(nlp, words, tags))
        DocBin(docs=nerp).to_disk(out / "train" / "nerp.spacy")
        print(f"nerp: {len(nerp)} docs from {len(train)} train + {len(extra)} valid/test not in train")


if __name__ == "__main__":
    main()
