# newsscan: set-up, tests, accuracy and speed. Every target installs what it needs into .venv first.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
SHARED ?= ../shared

.PHONY: install run demo test lint eval bench bench-hostile train-ner wheel-check clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

run: install
	$(VENV)/bin/newsscan summarize seeds/

demo: run

# lint first: CI (.ci/run) runs `make test`, so the rule set of pyproject.toml is checked there too
test: install lint
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check src tests scripts training

eval: install
	$(PY) scripts/eval.py --shared $(SHARED)

bench: install
	$(PY) scripts/bench.py --shared $(SHARED)

# hostile input: per layer, the time on 10k-80k characters of each adversarial kind (ratios ~2: linear), then
# `newsscan quotes` over the generated hostile corpus beside the seeds
bench-hostile: install
	$(PY) scripts/bench.py --shared $(SHARED) --hostile
	$(PY) scripts/bench.py --shared $(SHARED) --hostile-cli

train-ner: install
	$(PY) training/train.py --shared $(SHARED)

# the model must travel inside the wheel: build it, install it in a clean venv, run `entities`
wheel-check: install
	rm -rf /tmp/newsscan-wheel && $(PY) -m pip wheel -q --no-deps -w /tmp/newsscan-wheel .
	$(PYTHON) -m venv /tmp/newsscan-wheel/venv
	/tmp/newsscan-wheel/venv/bin/pip install -q /tmp/newsscan-wheel/newsscan-*.whl
	cd /tmp && /tmp/newsscan-wheel/venv/bin/newsscan entities $(CURDIR)/seeds --label PERSON --min-mentions 3 --no-cache

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
