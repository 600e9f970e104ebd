"""The scrapers' exports in the development corpus: every row loads, and each row's clean body equals its
`.txt` twin's (the manifest's `export` and `url` name the twin); outlet from the URL or `sumber` column, date
from the date column."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newsscan.loader import find_columns, iter_articles
from newsscan.outlets import clean_title, load_registry
from newsscan.records import Article, Issue


def _exports(dev_dir: Path) -> list[Path]:
    return sorted((dev_dir / "exports").glob("*.*"))


def _rows(p: Path) -> list[dict]:
    text = p.read_text(encoding="utf-8-sig")
    if p.suffix == ".jsonl":
        return [json.loads(x) for x in text.splitlines() if x.strip()]
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _load(p: Path) -> tuple[list[Article], list[Issue]]:
    items = list(iter_articles([str(p)]))
    return [a for a in items if isinstance(a, Article)], [i for i in items if isinstance(i, Issue)]


@pytest.fixture(scope="module")
def manifest(dev_dir):
    return [json.loads(x) for x in (dev_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if x]


@pytest.fixture(scope="module")
def loaded(dev_dir):
    return {p.name: _load(p) for p in _exports(dev_dir)}


def test_every_row_of_every_export_loads(dev_dir, loaded):
    files = _exports(dev_dir)
    assert len(files) >= 14
    for p in files:
        arts, issues = loaded[p.name]
        assert issues == [], (p.name, issues[:3])
        assert len(arts) == len(_rows(p)), p.name
        assert [a.path for a in arts] == [f"{p}#{n}" for n in range(1, len(arts) + 1)]
        assert all(a.source_format == p.suffix[1:] for a in arts)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_each_row_matches_its_txt_twin(dev_dir, manifest, loaded, suffix):
    reg = load_registry()
    twins = 0
    for m in manifest:
        export = (dev_dir / m["export"]).with_suffix(suffix)
        rows = _rows(export)
        url_col = find_columns(list(rows[0]))["url"]
        n = next(i for i, r in enumerate(rows, 1) if r[url_col] == m["url"])
        row_article = loaded[export.name][0][n - 1]
        [txt] = [a for a in iter_articles([str(dev_dir / m["file"])]) if isinstance(a, Article)]
        assert row_article.body == txt.body, m["file"]
        assert row_article.paragraphs == txt.paragraphs
        assert reg.by_name(row_article.outlet).key == m["outlet_key"], (m["file"], row_article.outlet)
        assert row_article.outlet_evidence.source in ("url", *(f"column:{c}" for c in rows[0])), m["file"]
        expected = m["date_iso"] or m.get("date_meta")
        if expected:
            assert row_article.published == expected, m["file"]
            assert row_article.published_evidence.source.startswith("column:")
        else:  # `Tanggal tidak ditemukan`: the placeholder is not a date
            assert not row_article.published_evidence.source.startswith("column:")
        if m["title"]:
            assert row_article.title == clean_title(m["title"])[0]  # a ` | tempo.co` suffix is set aside
        twins += 1
    assert twins == len(manifest)
