import csv
import io
import json

import pytest

from newsscan import render

ROWS = [{"path": "a.txt", "title": "Kim [bold]tiba[/bold] di Rusia", "n": 2, "tags": ["x", "y"]},
        {"path": "b.txt", "title": "Putin, \"Moskow\"", "n": 0, "tags": []}]


def test_jsonl_round_trip(capsys):
    render.emit(ROWS, "jsonl")
    back = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert back == ROWS


def test_json_is_rows_plus_what_the_command_adds(capsys):
    render.emit(ROWS, "json", extra={"summary": {"articles": 2}})
    doc = json.loads(capsys.readouterr().out)
    assert doc["rows"] == ROWS and doc["summary"] == {"articles": 2}
    render.emit(ROWS, "json")
    assert json.loads(capsys.readouterr().out) == {"rows": ROWS}


def test_csv_quotes_and_lists(capsys):
    render.emit(ROWS, "csv")
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[1]["title"] == 'Putin, "Moskow"'
    assert rows[0]["tags"] == "x; y"


def test_table_does_not_read_article_text_as_markup(tmp_path):
    out = tmp_path / "t.txt"
    render.emit(ROWS, "table", str(out))
    assert "[bold]tiba[/bold]" in out.read_text(encoding="utf-8")


def test_output_is_written_atomically(tmp_path):
    out = tmp_path / "rows.jsonl"
    out.write_text("old", encoding="utf-8")
    render.emit(ROWS, "jsonl", str(out))
    assert out.read_text(encoding="utf-8").count("\n") == 2
    assert [p.name for p in tmp_path.iterdir()] == ["rows.jsonl"]  # no temporary file left behind


def test_unknown_format():
    with pytest.raises(ValueError):
        render.emit(ROWS, "xml")


# ---------------------------------------------------------------- format choice and output paths

@pytest.mark.parametrize("fmt, output, expected", [
    ("csv", "x.json", "csv"), (None, "x.CSV", "csv"), (None, "x.json", "json"), (None, "x.jsonl", "jsonl"),
    (None, "x.ndjson", "jsonl"), (None, "x.txt", "jsonl"), (None, None, "jsonl"), (None, "-", "jsonl"),
])
def test_choose_format(fmt, output, expected):
    import io

    assert render.choose_format(fmt, output, io.StringIO()) == expected


def test_output_problem(tmp_path):
    (tmp_path / "f").write_text("x", encoding="utf-8")
    assert render.output_problem(str(tmp_path / "ok.csv")) is None
    assert render.output_problem(None) is None and render.output_problem("-") is None
    assert "does not exist" in render.output_problem(str(tmp_path / "no" / "x.csv"))
    assert "not a folder" in render.output_problem(str(tmp_path / "f" / "x.csv"))
    assert "is a folder" in render.output_problem(str(tmp_path))


def test_csv_header_without_rows():
    from newsscan.api import Rows

    assert render.rows_to_csv(Rows(columns=("a", "b"))) == "a,b\n"
    assert render.rows_to_csv(Rows(columns=("a", "b")), headers=False) == ""


# ---------------------------------------------------------------- tables fitted to a width

LONG = (
    "Pemerintah daerah menyatakan bahwa pembangunan jembatan baru di kawasan pesisir akan dimulai bulan "
    "depan "
    "setelah izin lingkungan diterbitkan."
)
TABLE_ROWS = [
    {
        "outlet": "Harian Nusantara Raya",
        "date": "2025-06-18",
        "count": 12345,
        "who": "Gubernur Jawa Tengah",
        "role": "kepala daerah provinsi",
        "text": LONG,
    },
    {"outlet": "Kabar", "date": "2025-W23", "count": 7, "who": None, "role": "", "text": "Singkat."},
]
COLS = (
    render.Col("outlet", max=18),
    render.Col("date", kind="date"),
    render.Col("count", kind="num"),
    render.Col("who", max=22),
    render.Col("role", max=24, drop=1),
    render.Col("text", kind="wide"),
)


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_table_fits_and_never_cuts_dates_or_numbers(width):
    text = render.tables_text([("t", TABLE_ROWS, COLS)], width)
    lines = text.splitlines()
    assert max(map(len, lines)) <= width
    words = text.split()
    assert {"2025-06-18", "2025-W23", "12345", "7"} <= set(words)
    header = next(line for line in lines if line.startswith("outlet"))
    # the wide column has at least half the width (a narrower terminal keeps dates whole first)
    if width >= 80:
        assert width - header.index("text") >= width // 2
    assert all(w in words for w in LONG.split())  # wrapped at spaces, never inside a word


def test_numbers_are_right_aligned():
    text = render.tables_text([(None, TABLE_ROWS, COLS)], 200)
    rows = [line for line in text.splitlines() if "12345" in line or "2025-W23" in line]
    assert rows[0].index("12345") + 5 == rows[1].index(" 7 ") + 2


def test_low_priority_columns_go_first():
    kept = [c.key for c, _ in render.fit(COLS, TABLE_ROWS, 80)]
    assert "role" not in kept and {"outlet", "date", "count", "text"} <= set(kept)
    assert [c.key for c, _ in render.fit(COLS, TABLE_ROWS, 200)] == [c.key for c in COLS]


def test_no_headers_in_a_table():
    text = render.tables_text([(None, TABLE_ROWS, COLS)], 120, headers=False)
    assert "outlet" not in text.split() and "Kabar" in text


def test_empty_rows_become_a_dataframe_with_their_columns():
    from newsscan.api import QUOTE_COLUMNS, Rows

    df = Rows(columns=QUOTE_COLUMNS).to_dataframe()
    assert list(df.columns) == list(QUOTE_COLUMNS) and len(df) == 0
    assert list(Rows([{"a": 1, "extra": 2}], columns=("a",)).to_dataframe().columns) == ["a", "extra"]
