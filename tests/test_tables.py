import ast
from pathlib import Path

import pytest

from newsscan import tables
from newsscan.errors import DataTableError


@pytest.mark.parametrize("name", tables.packaged_tables())
def test_every_packaged_table_loads(name):
    text = tables._packaged_text(name)
    if name.endswith(".toml"):
        assert tables.load_toml(name)
    elif name.endswith(".tsv"):
        header = next(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
        cols = tuple(c.strip() for c in header.split("\t"))
        assert tables.parse_tsv(text, name, cols)
    else:
        assert text.strip()


def test_bad_row_names_file_and_line():
    text = "# comment\nlemma\tkind\nkata\tdirect\nujar\tdirct\n"
    with pytest.raises(DataTableError, match=r"verbs.tsv:4: unknown kind 'dirct'"):
        tables.parse_tsv(text, "verbs.tsv", ("lemma", "kind"), choices={"kind": {"direct", "indirect"}})


def test_wrong_header_is_refused():
    with pytest.raises(DataTableError, match="x.tsv:1: header"):
        tables.parse_tsv("a\tb\n", "x.tsv", ("lemma", "kind"))


def test_too_many_columns():
    with pytest.raises(DataTableError, match="x.tsv:2"):
        tables.parse_tsv("lemma\tkind\na\tb\tc\n", "x.tsv", ("lemma", "kind"))


# ---------------------------------------------------------------- start-up validation of user tables

SRC = Path(tables.__file__).resolve().parent
TSVS = [n for n in tables.packaged_tables() if n.endswith(".tsv")]


def _header(name: str) -> tuple[str, ...]:
    text = tables._packaged_text(name)
    line = next(x for x in text.splitlines() if x.strip() and not x.lstrip().startswith("#"))
    return tuple(c.strip() for c in line.split("\t"))


@pytest.mark.parametrize("name", TSVS)
def test_every_packaged_tsv_has_a_spec_it_passes(name):
    spec = tables.TABLE_SPECS[name]
    assert spec.columns == _header(name)
    assert tables.check_tsv(tables._packaged_text(name), name, spec)


def _load_tsv_calls():
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        consts = {t.id: n.value for n in tree.body if isinstance(n, ast.Assign)
                  for t in n.targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "load_tsv" \
                    and node.args and isinstance(node.args[0], ast.Constant):
                yield path.name, node, consts


def test_every_reader_asks_for_the_columns_of_the_spec_and_no_more_cells():
    seen = 0
    for where, call, consts in _load_tsv_calls():
        name = call.args[0].value
        if name not in tables.TABLE_SPECS:
            continue  # `load_tsv(name, ...)` with a name the reader computes
        cols = call.args[1] if len(call.args) > 1 else None
        cols = consts.get(cols.id, cols) if isinstance(cols, ast.Name) else cols
        if isinstance(cols, ast.Tuple):
            assert tuple(c.value for c in cols.elts) == tables.TABLE_SPECS[name].columns, (where, name)
            seen += 1
        if len(call.args) > 2 and isinstance(call.args[2], ast.Constant):
            assert call.args[2].value <= tables.TABLE_SPECS[name].required, (where, name)
    assert seen >= len(TSVS)


@pytest.mark.parametrize("name", sorted(tables.TABLE_SPECS))
def test_spec_choices_resolve(name):
    for values in tables.spec_choices(tables.TABLE_SPECS[name]).values():
        assert values and all(isinstance(v, str) for v in values)


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    d = tmp_path / "tables"
    d.mkdir()
    monkeypatch.setenv(tables.ENV_EXTRA, str(d))
    return d


def test_user_table_with_a_bad_row_names_file_and_line(user_dir):
    (user_dir / "hedges.tsv").write_text("# mine\nmarker\tcategory\nkonon\treported\nkabarnya\tgosip\n",
                                         encoding="utf-8")
    with pytest.raises(DataTableError, match=r"hedges.tsv:4: unknown category 'gosip'"):
        tables.validate_user_tables()


def test_user_table_with_a_bad_header_names_file_and_line(user_dir):
    (user_dir / "roles.tsv").write_text("kata\tjenis\nCamat\ttitle\n", encoding="utf-8")
    with pytest.raises(DataTableError, match=r"roles.tsv:1: header must be word \| kind \| abbrev"):
        tables.validate_user_tables()


@pytest.mark.parametrize(("name", "row", "why"), [
    ("months.tsv", "name\tnumber\tabbrevs\nsuro\tsatu\n", "number must be a whole number"),
    ("lemma_rules.tsv", "pattern\treplacement\tkind\tmin_stem\n(.+nya\t\\1\tpossessive\t4\n",
     "bad regular expression in pattern"),
    ("speech_verbs.tsv", "lemma\tforms\tkind\tslot\tclass\nucap\tucap\tboth\n", "empty 'slot'"),
])
def test_user_table_typed_cells(user_dir, name, row, why):
    (user_dir / name).write_text(row, encoding="utf-8")
    with pytest.raises(DataTableError, match=rf"{name}:2: {why}"):
        tables.validate_user_tables()


def test_user_table_not_utf8_names_the_line(user_dir):
    (user_dir / "regions.tsv").write_bytes(b"name\tkind\nJawa\tregion\nK\xe9diri\tregion\n")
    with pytest.raises(DataTableError, match=r"regions.tsv:3: not UTF-8"):
        tables.validate_user_tables()
    with pytest.raises(DataTableError, match=r"regions.tsv:3: not UTF-8"):
        tables.load_tsv.__wrapped__("regions.tsv", ("name", "kind"), 2)


def test_user_toml_syntax_and_required_keys(user_dir):
    p = user_dir / "outlets.toml"
    p.write_text('[[outlet]]\nkey = "a"\nname = "A"\n\n[[outlet]]\nkey = "b"\n', encoding="utf-8")
    with pytest.raises(DataTableError, match=r"outlets.toml:5: \[\[outlet\]\] entry without name"):
        tables.validate_user_tables()
    p.write_text('wires = "Antara"\n', encoding="utf-8")
    with pytest.raises(DataTableError, match=r"outlets.toml: 'wires' must be a list"):
        tables.validate_user_tables()
    p.write_text('[[outlet]\nkey = "a"\n', encoding="utf-8")
    with pytest.raises(DataTableError, match=r"outlets.toml: .*line 1"):
        tables.validate_user_tables()


def test_good_user_tables_pass_and_unknown_files_are_warnings(user_dir):
    (user_dir / "hedges.tsv").write_text("marker\tcategory\nkonon\treported\n", encoding="utf-8")
    (user_dir / "columns.toml").write_text('text = ["naskah_berita"]\n', encoding="utf-8")
    (user_dir / "hedge.tsv").write_text("marker\tcategory\n", encoding="utf-8")
    warnings = tables.validate_user_tables()
    assert len(warnings) == 1 and "hedge.tsv" in warnings[0] and "ignored" in warnings[0]


def test_a_missing_user_folder_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv(tables.ENV_EXTRA, str(tmp_path / "nowhere"))
    with pytest.raises(DataTableError, match="nowhere"):
        tables.validate_user_tables()
