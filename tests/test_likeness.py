"""An export whose rows do not read as articles is skipped whole, and its own problems stay reported."""
from newsscan.loader import iter_articles
from newsscan.records import Article, Issue


def test_short_rows_are_one_issue_and_a_broken_line_keeps_its_own(tmp_path):
    export = tmp_path / "catatan.jsonl"
    export.write_text('{"text": "Kutipan pendek seorang warga."}\n{broken\n'
                      '{"text": "Judul berita yang singkat saja."}\n', encoding="utf-8")
    items = list(iter_articles([str(export)]))
    assert not [x for x in items if isinstance(x, Article)]
    reasons = [x.reason for x in items if isinstance(x, Issue)]
    assert any("broken JSON" in r for r in reasons), reasons
    assert any("do not look like articles" in r and "columns found: text" in r for r in reasons), reasons


def test_rows_of_article_length_are_read(tmp_path):
    line = "Warga desa membangun jembatan bambu di atas sungai yang meluap setiap musim hujan."
    body = " ".join([line] * 4)
    export = tmp_path / "berita.jsonl"
    export.write_text("".join(f'{{"text": "{body} Nomor {i}."}}\n' for i in range(3)), encoding="utf-8")
    assert sum(isinstance(x, Article) for x in iter_articles([str(export)])) == 3
