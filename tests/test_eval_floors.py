"""The seed, dev and dev2 figures may not fall below the floors pinned in `tests/eval_floors.json`.

The floors sit a little under the figures `make eval` measured; raise them as the figures rise, lower one only
on purpose (with the reason in the commit). Skipped where ../shared (the dev corpus and scorers) is absent.
"""
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FLOORS = json.loads((ROOT / "tests" / "eval_floors.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="../shared not present")


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("newsscan_eval", ROOT / "scripts" / "eval.py")
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)
    return ev.all_figures(SHARED, tmp_path_factory.mktemp("eval"))


@pytest.mark.parametrize("corpus,figure", [(c, f) for c, figs in FLOORS.items() for f in figs])
def test_figure_above_floor(figures, corpus, figure):
    got = figures[corpus].get(figure)
    assert got is not None, f"{corpus} {figure}: not measured"
    assert got >= FLOORS[corpus][figure], f"{corpus} {figure}: {got:.3f} < floor {FLOORS[corpus][figure]}"
