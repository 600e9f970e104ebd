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
