"""The entity layer's tables: the stop list, titles and roles, aliases and the gazetteer, read once.

`stoplist()` (`data/not_entities.tsv` plus the weekday and month tables), `headline_words()`, `roles()`
(`data/roles.tsv`), `aliases()` / `alias_target()` / `replacing_aliases()` (`data/aliases.tsv`),
`gazetteer_labels()` and `known_names()` (`data/gazetteer.jsonl` and the alias table).
"""
from __future__ import annotations

import re
from importlib import resources

from ..tables import Folders, cache_per_folders, gazetteer, table

_PUNCT_EDGES = " \t\n\"'“”‘’«»()[]{},.;:!?-–—/"


def _key(text: str) -> str:
    """Case-folded, hyphens and spacing normalised: `Kim Jong-un` and `Kim Jong Un` share a key."""
    return " ".join(_tokens(text))


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s\-‐–]+", text.casefold().strip(_PUNCT_EDGES)) if t]


def _optional_names(name: str) -> list[str]:
    """First column of another engineer's table (`weekdays.tsv`, `months.tsv`) when it exists."""
    try:
        text = resources.files("newsscan").joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return []
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return [r[0].strip() for r in rows[1:] if r and r[0].strip()]


@cache_per_folders
def stoplist(folders: Folders) -> tuple[frozenset[str], frozenset[str]]:
    """(never entities, not entities at a sentence start), case-folded."""
    rows = table('not_entities.tsv', folders)
    never = {r["phrase"].casefold() for r in rows if r["kind"] not in ("sentence_start", "headline_word")}
    never.update(n.casefold() for n in _optional_names("weekdays.tsv") + _optional_names("months.tsv"))
    start = {r["phrase"].casefold() for r in rows if r["kind"] == "sentence_start"}
    return frozenset(never), frozenset(start)


@cache_per_folders
def headline_words(folders: Folders) -> frozenset[str]:
    rows = table('not_entities.tsv', folders)
    return frozenset(r["phrase"] for r in rows if r["kind"] == "headline_word")


@cache_per_folders
def roles(folders: Folders) -> dict[tuple[str, ...], str]:
    """Role phrase (case-folded words, `.` kept optional) -> kind, from `roles.tsv`."""
    try:
        rows = table('roles.tsv', folders)
    except FileNotFoundError:
        return {}
    out: dict[tuple[str, ...], str] = {}
    for r in rows:
        words = tuple(w.rstrip(".") for w in r["word"].casefold().split())
        out[words] = r["kind"]
    return out


@cache_per_folders
def aliases(folders: Folders) -> dict[str, str]:
    """Alias as written -> canonical; also the case-folded alias for aliases longer than four characters."""
    out: dict[str, str] = {}
    for r in _alias_rows(folders):
        out[r["alias"]] = r["canonical"]
        if len(r["alias"]) > 4:
            out.setdefault(r["alias"].casefold(), r["canonical"])
    return out


def _alias_rows(folders: Folders | None = None) -> tuple[dict[str, str], ...]:
    return table('aliases.tsv', folders)


@cache_per_folders
def replacing_aliases(folders: Folders) -> frozenset[str]:
    """Aliases whose canonical stands even where the article never writes it (`RI` -> `Indonesia`)."""
    return frozenset(r["alias"] for r in _alias_rows(folders) if r["rule"] == "replace")


def alias_target(text: str) -> str | None:
    """The alias table's canonical for a form as written (exact, or case-folded beyond four characters)."""
    table = aliases()
    return table.get(text) or (table.get(text.casefold()) if len(text) > 4 else None)


@cache_per_folders
def gazetteer_labels(folders: Folders) -> dict[str, str]:
    """Gazetteer phrase as written -> its label."""
    out: dict[str, str] = {}
    for _, row in gazetteer(folders):
        pat = row["pattern"]
        phrase = pat if isinstance(pat, str) else " ".join(str(next(iter(t.values()))) for t in pat)
        out.setdefault(phrase, row["label"])
    return out


@cache_per_folders
def known_names(folders: Folders) -> frozenset[tuple[str, ...]]:
    """Places and organisations of the gazetteer and alias table (case-folded words): in a role phrase
    (`Presiden Rusia`) they belong to the role, not to the person's name."""
    names: set[tuple[str, ...]] = set()
    for _, row in gazetteer(folders):
        pat = row["pattern"]
        phrase = pat if isinstance(pat, str) else " ".join(str(next(iter(t.values()))) for t in pat)
        names.add(tuple(phrase.casefold().split()))
    for alias, canonical in aliases(folders).items():
        names.add(tuple(alias.casefold().split()))
        names.add(tuple(canonical.casefold().split()))
    return frozenset(names)
