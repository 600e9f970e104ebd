"""Shared fixtures: the seeds, the development corpus (beside the clone, as in CI), a file writer for
tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# keep test runs light on a shared machine
os.environ.setdefault("OMP_NUM_THREADS", "1")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    d = REPO / "seeds"
    if not d.is_dir():
        pytest.skip("seeds/ not found")
    return d


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    """shared/data/dev beside the repository clone; tests that need it are skipped where it is absent."""
    d = SHARED / "data" / "dev"
    if not (d / "manifest.jsonl").is_file():
        pytest.skip("development corpus (../shared/data/dev) not found")
    return d


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def write(tmp_path: Path):
    """write(name, text_or_bytes, encoding="utf-8") -> Path, in a fresh tmp_path."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode(encoding)
        p.write_bytes(content)
        return p

    return _write
