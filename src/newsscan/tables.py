"""Loads the linguistic data tables in `newsscan/data/`, merged with a user's own.

Tables are TSV (a header line, `#` comments, one row a line), TOML, or the gazetteer's JSON lines. Each TSV
table is declared once, in `TABLE_SPECS`, and read through `table(name)`; the gazetteer through
`gazetteer()`. A user folder named by `NEWSSCAN_TABLES` (or `table(name, extra_dir)`) may hold TSV and TOML
files of the same name: their rows are added after the packaged ones, and a row whose key (first column)
matches a packaged row replaces it.
Every row is checked; a bad one raises `DataTableError("file:line: why")`. `validate_user_tables()` checks
every user table at start-up against `TABLE_SPECS` (the strictest rules any reader of the table applies),
so that a bad header or row is reported before any analysis, whichever command reads the table.
"""
from __future__ import annotations

import functools
import json
import os
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import DataTableError

ENV_EXTRA = "NEWSSCAN_TABLES"


def _packaged_text(name: str) -> str:
    return resources.files("newsscan").joinpath("data", name).read_text(encoding="utf-8")


def _extra_dirs(extra_dir: str | None) -> list[Path]:
    dirs = [extra_dir] if extra_dir else []
    env = os.environ.get(ENV_EXTRA)
    if env:
        dirs.extend(env.split(os.pathsep))
    return [Path(d) for d in dirs if d]


# column -> allowed values; the values (or the whole tuple) may be named as "module:CONSTANT" of the module
# that reads the table, so that the start-up check and the reader allow the same values
Choices = tuple[tuple[str, "tuple[str, ...] | str"], ...] | str


@dataclass(frozen=True)
class TableSpec:
    """What every row of a TSV table must satisfy: its header, how many leading columns must be filled, the
    values some columns allow, and the columns that hold an integer or a regular expression."""

    columns: tuple[str, ...]
    required: int = 1
    choices: Choices = ()
    integers: tuple[str, ...] = ()
    regexes: tuple[str, ...] = ()


# What the modules that read each table ask of it (tests/test_tables.py checks that every packaged table has a
# spec matching its header and passes it, and that every reader asks for the same columns); a reader may check
# more (a month number 1-12): its error is one line too, only later.
TABLE_SPECS: dict[str, TableSpec] = {
    "aliases.tsv": TableSpec(("canonical", "alias", "rule", "note"), 2, (("rule", ("replace",)),)),
    "anonymous.tsv": TableSpec(("descriptor", "kind"), 2, (("kind", ("quantifier", "head", "modifier")),)),
    "attribution.tsv": TableSpec(("cue", "kind"), 2, (("kind", "newsscan.quotes.lexicon:CUE_KINDS"),)),
    "boilerplate.tsv": TableSpec(("pattern", "kind", "reason"), 3, (("kind", "newsscan.boilerplate:KINDS"),)),
    "claim_stopwords.tsv": TableSpec(("word",)),
    "date_cues.tsv": TableSpec(("cue", "kind", "value"), 2, (("kind", "newsscan.dates.lexicon:CUE_KINDS"),)),
    "event_words.tsv": TableSpec(("lemma", "group"), 2),
    "function_words.tsv": TableSpec(("word",)),
    "nickname_cues.tsv": TableSpec(
        ("cue", "kind", "end"), 2, (("kind", ("after", "before", "around", "lead")),)
    ),
    "hedges.tsv": TableSpec(
        ("marker", "category"),
        2,
        (("category", ("reported", "uncertain", "planned", "negative", "pending", "neutral")),),
    ),
    "attribute_cues.tsv": TableSpec(("word", "kind"), 2, (("kind", ("age_verb", "now", "plate")),)),
    "base_verbs.tsv": TableSpec(("word", "kind"), 2, (("kind", ("base", "speech", "notverb", "headline")),)),
    "comitative_verbs.tsv": TableSpec(("form",), 1),
    "quote_words.tsv": TableSpec(("word", "kind"), 2, (("kind", "newsscan.quotes.grammar_words:KINDS"),)),
    "word_counts.tsv": TableSpec(
        ("word", "lower", "any", "word_lower", "word_capitalised"),
        5,
        integers=("lower", "any", "word_lower", "word_capitalised"),
    ),
    "descriptions.tsv": TableSpec(("word", "slot", "value"), 3, (("slot", ("container", "ground")),)),
    "glue_names.tsv": TableSpec(("name", "kind"), 2, (("kind", ("whole", "prefix")),)),
    "glue_pieces.tsv": TableSpec(
        ("word", "rule"), 2, (("rule", ("never", "clitic", "final", "notlast", "short")),)
    ),
    "holidays.tsv": TableSpec(("holiday", "date", "names", "first_year"), 3),
    "holiday_dates.tsv": TableSpec(("occurrence", "date", "hijri_year"), 2),
    "pubdate_cues.tsv": TableSpec(("cue", "kind"), 2, (("kind", ("past_after", "today_before")),)),
    "lemma_rules.tsv": TableSpec(
        ("pattern", "replacement", "kind", "min_stem"),
        4,
        (("kind", ("particle", "possessive", "derivational", "prefix")),),
        integers=("min_stem",),
        regexes=("pattern",),
    ),
    "months.tsv": TableSpec(("name", "number", "abbrevs"), 2, integers=("number",)),
    "not_entities.tsv": TableSpec(
        ("phrase", "kind", "note"),
        2,
        (
            (
                "kind",
                (
                    "weekday",
                    "month",
                    "furniture",
                    "common",
                    "acronym",
                    "english",
                    "legal",
                    "epithet",
                    "sentence_start",
                    "headline_word",
                ),
            ),
        ),
    ),
    "entity_scope.tsv": TableSpec(
        ("cue", "kind", "note"), 2, (("kind", ("related", "credits", "headline", "footer")),)
    ),
    "entity_words.tsv": TableSpec(
        ("word", "kind", "label", "note"),
        2,
        (
            (
                "kind",
                (
                    "head", "admin", "tail", "particle", "generic", "none", "place_before", "joiner",
                    "coordinator", "title_scope",
                ),
            ),
            ("label", ("PERSON", "ORG", "LOC")),
        ),
    ),
    "numbers.tsv": TableSpec(
        ("word", "value", "kind"), 3, (("kind", "newsscan.dates.numbers:NUMBER_KINDS"),)
    ),
    "place_words.tsv": TableSpec(("word", "level", "kind"), 2, integers=("level",)),
    "pronouns.tsv": TableSpec(("form", "kind"), 2, (("kind", ("singular", "plural", "possessive")),)),
    "quantity_words.tsv": TableSpec(
        ("word", "value", "kind"), 3, (("kind", ("vague", "approx", "clock", "reference")),)
    ),
    "regions.tsv": TableSpec(("name", "kind"), 2),
    "relative_time.tsv": TableSpec(
        ("phrase", "offset", "granularity", "base"),
        4,
        (("granularity", "newsscan.dates.lexicon:GRANULARITIES"), ("base", ("publication", "event"))),
    ),
    "roles.tsv": TableSpec(("word", "kind", "abbrev"), 2, (("kind", "newsscan.quotes.lexicon:ROLE_KINDS"),)),
    "speech_verbs.tsv": TableSpec(
        ("lemma", "forms", "kind", "slot", "class"), 4, "newsscan.quotes.lexicon:VERB_CHOICES"
    ),
    "time_units.tsv": TableSpec(
        ("word", "unit", "size"), 3, (("unit", "newsscan.dates.lexicon:UNITS"),), integers=("size",)
    ),
    "units.tsv": TableSpec(("word", "unit", "class"), 3),
    "weekdays.tsv": TableSpec(
        ("name", "iso_weekday", "variants", "ambiguous_with"), 2, integers=("iso_weekday",)
    ),
}


def parse_tsv(
    text: str,
    name: str,
    columns: tuple[str, ...],
    required: int = 1,
    choices: dict[str, set[str]] | None = None,
) -> list[dict[str, str]]:
    """Rows of a TSV table as dicts. The first non-comment line is the header and must equal `columns`."""
    rows: list[dict[str, str]] = []
    header_seen = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            if tuple(c.strip() for c in cells) != columns:
                raise DataTableError(f"{name}:{lineno}: header must be {' | '.join(columns)}")
            continue
        if len(cells) > len(columns):
            raise DataTableError(f"{name}:{lineno}: {len(cells)} columns, expected at most {len(columns)}")
        cells = [c.strip() for c in cells] + [""] * (len(columns) - len(cells))
        row = dict(zip(columns, cells, strict=False))
        for col in columns[:required]:
            if not row[col]:
                raise DataTableError(f"{name}:{lineno}: empty '{col}'")
        for col, allowed in (choices or {}).items():
            if row[col] and row[col] not in allowed:
                raise DataTableError(
                    f"{name}:{lineno}: unknown {col} '{row[col]}' (allowed: {', '.join(sorted(allowed))})"
                )
        row["_where"] = f"{name}:{lineno}"
        rows.append(row)
    return rows


@functools.cache
def load_tsv(
    name: str,
    columns: tuple[str, ...],
    required: int = 1,
    choices: tuple[tuple[str, tuple[str, ...]], ...] = (),
    extra_dir: str | None = None,
) -> tuple[dict[str, str], ...]:
    """The packaged table `name`, with the rows of any user table of the same name laid over it."""
    ch = {k: set(v) for k, v in choices}
    rows = parse_tsv(_packaged_text(name), name, columns, required, ch)
    for d in _extra_dirs(extra_dir):
        p = d / name
        if p.is_file():
            user = parse_tsv(_user_text(p), str(p), columns, required, ch)
            keys = {r[columns[0]] for r in user}
            rows = [r for r in rows if r[columns[0]] not in keys] + user
    return tuple(rows)


def table(name: str, extra_dir: str | None = None) -> tuple[dict[str, str], ...]:
    """The rows of the TSV table `name` as its spec in TABLE_SPECS declares it (header, filled columns,
    allowed values), with a user's table of the same name laid over the packaged one. Every reader of a table
    goes through here, so a table is declared once; an undeclared name raises KeyError."""
    spec = TABLE_SPECS[name]
    choices = tuple((col, tuple(sorted(values))) for col, values in sorted(spec_choices(spec).items()))
    return load_tsv(name, spec.columns, spec.required, choices, extra_dir)


GAZETTEER = "gazetteer.jsonl"


@functools.cache
def gazetteer() -> tuple[tuple[int, dict[str, Any]], ...]:
    """(line number, entity_ruler pattern) of every row of the packaged gazetteer, each an object with a
    string `label` and a `pattern` (a phrase or a list of token patterns); a bad line raises
    DataTableError("gazetteer.jsonl:line: why"). The rows are shared: a caller copies one before changing
    it."""
    rows = []
    for n, line in enumerate(_packaged_text(GAZETTEER).splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataTableError(f"{GAZETTEER}:{n}: {exc.msg}") from None
        if not (
            isinstance(row, dict)
            and isinstance(row.get("label"), str)
            and isinstance(row.get("pattern"), (str, list))
        ):
            raise DataTableError(f"{GAZETTEER}:{n}: a row needs a string label and a pattern")
        rows.append((n, row))
    return tuple(rows)


@functools.cache
def load_toml(name: str, extra_dir: str | None = None) -> dict[str, Any]:
    """The packaged TOML table; a user file of the same name adds or replaces top-level entries."""
    try:
        data = tomllib.loads(_packaged_text(name))
    except tomllib.TOMLDecodeError as exc:
        raise DataTableError(f"{name}: {exc}") from exc
    for d in _extra_dirs(extra_dir):
        p = d / name
        if p.is_file():
            try:
                user = tomllib.loads(_user_text(p))
            except tomllib.TOMLDecodeError as exc:
                raise DataTableError(f"{p}: {exc}") from exc
            for key, value in user.items():
                if isinstance(value, list) and isinstance(data.get(key), list):
                    data[key] = data[key] + value
                else:
                    data[key] = value
    return data


def _user_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise DataTableError(f"{path}:{line}: not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise DataTableError(f"{path}: unreadable ({exc.strerror or exc})") from None


def _resolve(ref: Any) -> Any:
    """A "module:CONSTANT" reference as the constant's value; anything else as it is."""
    if not isinstance(ref, str):
        return ref
    import importlib

    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


def spec_choices(spec: TableSpec) -> dict[str, set[str]]:
    return {col: set(_resolve(values)) for col, values in _resolve(spec.choices)}


def check_tsv(text: str, where: str, spec: TableSpec) -> list[dict[str, str]]:
    """The rows of a user TSV table, checked against `spec`; raises DataTableError("file:line: why")."""
    rows = parse_tsv(text, where, spec.columns, spec.required, spec_choices(spec))
    for row in rows:
        for col in spec.integers:
            if row[col] and not re.fullmatch(r"[+-]?\d{1,9}", row[col]):
                raise DataTableError(f"{row['_where']}: {col} must be a whole number, not '{row[col]}'")
        for col in spec.regexes:
            try:
                re.compile(row[col])
            except re.error as exc:
                raise DataTableError(f"{row['_where']}: bad regular expression in {col}: {exc}") from None
    return rows


def _toml_line(text: str, table: str, index: int) -> int:
    """The line of the `index`-th (0-based) `[[table]]` header in a TOML text, 1 when it is not found."""
    heads = [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == f"[[{table}]]"]
    return heads[index] if index < len(heads) else 1


# TOML tables: array of tables -> the keys each entry must carry (what the reader, outlets.py, requires)
TOML_REQUIRED: dict[str, dict[str, tuple[str, ...]]] = {"outlets.toml": {"outlet": ("key", "name")}}


def check_toml(
    text: str, where: str, packaged: dict[str, Any], required: dict[str, tuple[str, ...]] | None = None
) -> dict[str, Any]:
    """A user TOML table, checked against the packaged one: valid TOML, each top-level entry of the packaged
    table's type (a list stays a list); each entry of an array of tables carries its `required` keys."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataTableError(f"{where}: {exc}") from None
    for key, value in data.items():
        base = packaged.get(key)
        if base is not None and isinstance(base, list) != isinstance(value, list):
            raise DataTableError(
                f"{where}: '{key}' must be {'a list' if isinstance(base, list) else 'a single value'}"
            )
        needed = set((required or {}).get(key, ()))
        for i, entry in enumerate(value if needed and isinstance(value, list) else []):
            missing = needed - set(entry) if isinstance(entry, dict) else needed
            if missing:
                raise DataTableError(
                    f"{where}:{_toml_line(text, key, i)}: [[{key}]] entry without "
                    f"{', '.join(sorted(missing))}"
                )
    return data


def validate_user_tables(extra_dir: str | None = None) -> list[str]:
    """Checks every table in the user's folders (NEWSSCAN_TABLES, `extra_dir`) before any analysis: raises
    DataTableError naming the file and line of the first bad header or row; returns warnings (a file that
    names no packaged table and is ignored)."""
    warnings: list[str] = []
    packaged = set(packaged_tables())
    for d in _extra_dirs(extra_dir):
        if not d.is_dir():
            raise DataTableError(f"{d}: the folder named by {ENV_EXTRA} does not exist")
        for p in sorted(d.iterdir()):
            if p.name.startswith(".") or not p.is_file():
                continue
            if p.name in TABLE_SPECS:
                check_tsv(_user_text(p), str(p), TABLE_SPECS[p.name])
            elif p.name.endswith(".toml") and p.name in packaged:
                check_toml(
                    _user_text(p), str(p), tomllib.loads(_packaged_text(p.name)), TOML_REQUIRED.get(p.name)
                )
            else:
                warnings.append(f"{p}: no newsscan table has this name; ignored")
    return warnings


def packaged_tables() -> list[str]:
    """Names of every packaged table, for checks and for `newsscan` documentation."""
    root = resources.files("newsscan").joinpath("data")
    return sorted(p.name for p in root.iterdir() if p.name.endswith((".tsv", ".toml", ".jsonl")))
