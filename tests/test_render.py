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
