#!/usr/bin/env bash
# Ablation runs reported in training/README.md (not needed to rebuild the model: see train.sh).
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
run() {  # name corpus steps [extra overrides]
  local name=$1 corpus=$2 steps=$3; shift 3
  local t0=$(date +%s)
  $PY -m spacy train training/ner.cfg --output training/runs/$name \
      --paths.train training/corpus/$corpus/train --paths.dev training/corpus/$corpus/dev.spacy \
      --training.max_steps $steps "$@" > training/runs/$name.log 2>&1
  $PY -m spacy evaluate training/runs/$name/model-best training/corpus/$corpus/test.spacy \
      --output training/runs/$name.test.json > training/runs/$name.test.txt 2>&1
  echo "$name $(( $(date +%s) - t0 ))s" >> training/runs/times.txt
}
for spec in "$@"; do eval run $spec; done
