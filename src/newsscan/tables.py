"""The registry of the linguistic data tables in `newsscan/data/`, and the one way to read them.

Each TSV table is declared once, in `TABLE_SPECS` (its header, the columns that must be filled, the values a
column allows, the integer and regex columns), and read through `table(name, folders)`; the TOML registries
through `load_toml(name, folders)`, the gazetteer's JSON lines through `gazetteer(folders)`. `folders` are
the user's table folders (`Settings.tables`, which `settings.py` reads from NEWSSCAN_TABLES at the edge; this
module reads no environment): a file there of a packaged table's name adds its rows after the packaged ones,
and a row whose key (first column; the pattern of a gazetteer row) matches a packaged row replaces it. The
loaders are cached per name and folders. A caller that passes no folders gets those in effect
(`using(folders)`, which the spaCy components and the API wrap around their work; the packaged tables alone
outside it), so a layer that does not take the folders as an argument still reads the user's tables of its
run.

`attribution.tsv`, once one table of every quote cue, is split by kind (`ATTRIBUTION_SPLIT`); a user's old
`attribution.tsv` is still read, its rows going to the new tables by kind, with a warning naming them.
Every row is checked; a bad one raises `DataTableError("file:line: why")`. `validate_user_tables(folders)`
checks every user table at start-up against `TABLE_SPECS` (the strictest rules any reader of the table
applies), so that a bad header or row is reported before any analysis, whichever command reads the table.
"""
from __future__ import annotations

import contextlib
import functools
import json
import re
import tomllib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from .errors import DataTableError

Folders = tuple[str, ...]  # the user's table folders, in order (Settings.tables)
T = TypeVar("T")

# the folders in effect for a caller that names none: set by `using`, never read from the environment
_ACTIVE: ContextVar[Folders] = ContextVar("newsscan_tables", default=())


@contextlib.contextmanager
def using(folders: Folders) -> Iterator[None]:
    """Within it, a loader called without folders reads these (a layer that takes no folders argument reads
    the user's tables of the pipeline or run that called it)."""
    token = _ACTIVE.set(folders_in_effect(folders))
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def folders_in_effect(folders: Folders | str | None = None) -> Folders:
    """`folders` when given (one path: that folder alone), else those `using` put in effect (none: the
    packaged tables alone)."""
    if folders is None:
        return _ACTIVE.get()
    return (folders,) if isinstance(folders, str) else tuple(folders)


def cache_per_folders(fn: Callable[[Folders], T]) -> Callable[..., T]:
    """`functools.cache` for a loader whose one argument is the tables folders: None (or nothing) is read as
    the folders in effect before the cache is asked, so a result cached for one run's folders never serves
    another's."""
    cached = functools.cache(fn)

    @functools.wraps(fn)
    def load(folders: Folders | None = None) -> T:
        return cached(folders_in_effect(folders))

    load.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return load


def _packaged_text(name: str) -> str:
    return resources.files("newsscan").joinpath("data", name).read_text(encoding="utf-8")


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


# attribution.tsv's kinds, by the table that holds them now (one family of quote cues each; quotes/lexicon.py
# reads them all). A user's attribution.tsv is read into these by kind (`_legacy_rows`).
LEGACY_ATTRIBUTION = "attribution.tsv"
ATTRIBUTION_SPLIT: dict[str, tuple[str, ...]] = {
    "source_cues.tsv": ("according", "written", "document", "closing", "through"),
    "medium_cues.tsv": ("via_before", "via_to", "via_after", "via_agency", "not_medium", "channel"),
    "organisation_words.tsv": ("org_head", "org_head_final", "org_prefix", "legal_form", "document_head"),
    "clause_words.tsv": (
        "stop", "adverb", "connector", "complementiser", "question_word", "negation", "passive_marker",
        "subordinator", "object_preposition", "verb_like", "predicate", "purpose", "addressee", "time",
        "contrast",
    ),
    "reference_words.tsv": ("pronoun", "demonstrative", "introduces", "alias", "presiding"),
    "typography_words.tsv": ("heading", "abbreviation", "title_word"),
}


# What the modules that read each table ask of it (tests/test_tables.py checks that every packaged table has a
# spec matching its header and passes it, and that every reader asks for the same columns); a reader may check
# more (a month number 1-12): its error is one line too, only later.
TABLE_SPECS: dict[str, TableSpec] = {
    "aliases.tsv": TableSpec(("canonical", "alias", "rule", "note"), 2, (("rule", ("replace",)),)),
    "anonymous.tsv": TableSpec(("descriptor", "kind"), 2, (("kind", ("quantifier", "head", "modifier")),)),
    "boilerplate.tsv": TableSpec(("pattern", "kind", "reason"), 3, (("kind", "newsscan.boilerplate:KINDS"),)),
    "claim_stopwords.tsv": TableSpec(("word",)),
    "claim_words.tsv": TableSpec(("word", "kind"), 2, (("kind", "newsscan.claims:WORD_KINDS"),)),
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
    "compare_words.tsv": TableSpec(("word", "kind"), 2, (("kind", "newsscan.compare.words:KINDS"),)),
    "glue_names.tsv": TableSpec(("name", "kind"), 2, (("kind", ("whole", "prefix")),)),
    "glue_pieces.tsv": TableSpec(
        ("word", "rule"), 2, (("rule", ("never", "clitic", "final", "notlast", "short")),)
    ),
    "holidays.tsv": TableSpec(("holiday", "date", "names", "first_year"), 3),
    "holiday_dates.tsv": TableSpec(("occurrence", "date", "hijri_year"), 2),
    "pubdate_cues.tsv": TableSpec(("cue", "kind"), 2, (("kind", "newsscan.pubdate:CUE_KINDS"),)),
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
    **{name: TableSpec(("cue", "kind"), 2, (("kind", kinds),)) for name, kinds in ATTRIBUTION_SPLIT.items()},
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
    folders: Folders = (),
) -> tuple[dict[str, str], ...]:
    """The packaged table `name`, with the rows of the user's tables of the same name in `folders` laid over
    it (cached per arguments: other folders, another result)."""
    ch = {k: set(v) for k, v in choices}
    rows = parse_tsv(_packaged_text(name), name, columns, required, ch)
    for d in map(Path, folders):
        user = _legacy_rows(d, name, columns, required, ch)
        p = d / name
        if p.is_file():
            user += parse_tsv(_user_text(p), str(p), columns, required, ch)
        if user:
            keys = {r[columns[0]] for r in user}
            rows = [r for r in rows if r[columns[0]] not in keys] + user
    return tuple(rows)


def _legacy_rows(
    folder: Path, name: str, columns: tuple[str, ...], required: int, choices: dict[str, set[str]]
) -> list[dict[str, str]]:
    """The rows of a user's old `attribution.tsv` in `folder` whose kind the split table `name` holds."""
    p = folder / LEGACY_ATTRIBUTION
    if name not in ATTRIBUTION_SPLIT or not p.is_file():
        return []
    rows = parse_tsv(_user_text(p), str(p), columns, required, {"kind": _legacy_kinds()})
    return [r for r in rows if r["kind"] in choices["kind"]]


def _legacy_kinds() -> set[str]:
    return {kind for kinds in ATTRIBUTION_SPLIT.values() for kind in kinds}


def table(name: str, folders: Folders | None = None) -> tuple[dict[str, str], ...]:
    """The rows of the TSV table `name` as its spec in TABLE_SPECS declares it (header, filled columns,
    allowed values), with the user's tables of the same name in `folders` (None: those in effect, `using`)
    laid over the packaged one. Every reader of a table goes through here, so a table is declared once; an
    undeclared name raises KeyError."""
    spec = TABLE_SPECS[name]
    choices = tuple((col, tuple(sorted(values))) for col, values in sorted(spec_choices(spec).items()))
    return load_tsv(name, spec.columns, spec.required, choices, folders_in_effect(folders))


def words_by_kind(name: str, kinds: tuple[str, ...], folders: Folders | None = None,
                  ) -> dict[str, tuple[str, ...]]:
    """kind -> its words, in the table's order, for a `word`/`kind` table (`claim_words.tsv`,
    `compare_words.tsv`, `quote_words.tsv`); every kind of `kinds` is present, empty if the table has none."""
    out: dict[str, list[str]] = {k: [] for k in kinds}
    for r in table(name, folders):
        out[r["kind"]].append(r["word"])
    return {k: tuple(v) for k, v in out.items()}


GAZETTEER = "gazetteer.jsonl"


def gazetteer(folders: Folders | None = None) -> tuple[tuple[int | str, dict[str, Any]], ...]:
    """(where, entity_ruler pattern) of every row of the packaged gazetteer (where: its line number), then of
    the user's `gazetteer.jsonl` in `folders` (None: those in effect; where: `file:line`); a user row whose
    pattern is a packaged row's replaces it (a new label or id). Each row is an object with a string `label`
    and a `pattern` (a phrase or a list of token patterns), and an `id` string if any; a bad line raises
    DataTableError("file:line: why"). The rows are shared: a caller copies one before changing it."""
    return _gazetteer(folders_in_effect(folders))


@functools.cache
def _gazetteer(folders: Folders) -> tuple[tuple[int | str, dict[str, Any]], ...]:
    rows: list[tuple[int | str, dict[str, Any]]] = list(check_gazetteer(_packaged_text(GAZETTEER), GAZETTEER))
    for d in map(Path, folders):
        p = d / GAZETTEER
        if not p.is_file():
            continue
        user = [(f"{p}:{n}", row) for n, row in check_gazetteer(_user_text(p), str(p))]
        keys = {_pattern_key(row) for _, row in user}
        rows = [r for r in rows if _pattern_key(r[1]) not in keys] + user
    return tuple(rows)


def _is_pattern_row(row: Any) -> bool:
    if not isinstance(row, dict) or not isinstance(row.get("label"), str) or not row.get("pattern"):
        return False
    pattern = row["pattern"]
    tokens_ok = isinstance(pattern, list) and all(isinstance(t, dict) for t in pattern)
    return (isinstance(pattern, str) or tokens_ok) and isinstance(row.get("id", ""), str)


def _pattern_key(row: dict[str, Any]) -> str:
    return json.dumps(row["pattern"], sort_keys=True, ensure_ascii=False)


def check_gazetteer(text: str, where: str) -> list[tuple[int, dict[str, Any]]]:
    """(line number, row) of every row of a gazetteer text; a line that is not a JSON object with a string
    `label`, a `pattern` (a string or a list of token objects) and, if any, a string `id` raises
    DataTableError("file:line: why")."""
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataTableError(f"{where}:{n}: {exc.msg}") from None
        if not _is_pattern_row(row):
            raise DataTableError(f"{where}:{n}: a row needs a string label and a pattern (a phrase or a "
                                 "list of token objects)")
        rows.append((n, row))
    return rows


def load_toml(name: str, folders: Folders | None = None) -> dict[str, Any]:
    """The packaged TOML table; a user file of the same name in `folders` (None: those in effect) adds or
    replaces top-level entries. The value is shared: a caller does not change it."""
    return _load_toml(name, folders_in_effect(folders))


@functools.cache
def _load_toml(name: str, folders: Folders) -> dict[str, Any]:
    try:
        data = tomllib.loads(_packaged_text(name))
    except tomllib.TOMLDecodeError as exc:
        raise DataTableError(f"{name}: {exc}") from exc
    for d in map(Path, folders):
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


def validate_user_tables(folders: Folders) -> list[str]:
    """Checks every table in the user's `folders` (Settings.tables) before any analysis: raises
    DataTableError naming the file and line of the first bad header or row; returns warnings, one line each
    (a file that names no packaged table and is ignored; an old `attribution.tsv`, read into the tables it was
    split into)."""
    warnings: list[str] = []
    packaged = set(packaged_tables())
    for d in map(Path, folders):
        if not d.is_dir():
            raise DataTableError(f"{d}: the tables folder (NEWSSCAN_TABLES) does not exist")
        for p in sorted(d.iterdir()):
            if p.name.startswith(".") or not p.is_file():
                continue
            warning = _check_user_file(p, packaged)
            if warning:
                warnings.append(warning)
    return warnings


def _check_user_file(p: Path, packaged: set[str]) -> str | None:
    """Checks one file of a user's tables folder; returns a warning about it, if any."""
    if p.name in TABLE_SPECS:
        check_tsv(_user_text(p), str(p), TABLE_SPECS[p.name])
    elif p.name == LEGACY_ATTRIBUTION:
        kinds = tuple(sorted(_legacy_kinds()))
        check_tsv(_user_text(p), str(p), TableSpec(("cue", "kind"), 2, (("kind", kinds),)))
        return (f"{p}: attribution.tsv is split by kind into {', '.join(ATTRIBUTION_SPLIT)}; its rows are "
                "read into those (split the file so to silence this)")
    elif p.name == GAZETTEER:
        check_gazetteer(_user_text(p), str(p))
    elif p.name.endswith(".toml") and p.name in packaged:
        check_toml(_user_text(p), str(p), tomllib.loads(_packaged_text(p.name)), TOML_REQUIRED.get(p.name))
    else:
        return f"{p}: no newsscan table has this name; ignored"
    return None


def tables_digest(folders: Folders) -> bytes:
    """The names and bytes of every file in the user's `folders`, in order: what a cache key needs of them."""
    parts: list[bytes] = []
    for d in map(Path, folders):
        for p in sorted(d.glob("*")) if d.is_dir() else []:
            if p.is_file():
                parts += [p.name.encode(), p.read_bytes()]
    return b"\0".join(parts)


def packaged_tables() -> list[str]:
    """Names of every packaged table, for checks and for `newsscan` documentation."""
    root = resources.files("newsscan").joinpath("data")
    return sorted(p.name for p in root.iterdir() if p.name.endswith((".tsv", ".toml", ".jsonl")))
