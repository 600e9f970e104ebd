"""The library API on the seeds: `newsscan.analyze`, the rows behind each command, DataFrames."""
import os

import pytest

import newsscan
from newsscan import api


@pytest.fixture(scope="module")
def run(seeds_dir, tmp_path_factory):
    return newsscan.analyze([str(seeds_dir)], cache_dir=str(tmp_path_factory.mktemp("cache")), jobs=1)


def _name(path):
    return os.path.basename(path)[:3]


def test_analyze_returns_plain_records(run):
    assert len(run.results) == 5 and not run.issues
    for r in run.results:
        body = r.article.body
        for rec in (*r.entities, *r.dates, *r.quotes):
            assert body[rec.start:rec.end] == rec.text


def test_stories_split_the_2023_visit_from_the_2024_one(run):
    groups = sorted(sorted(_name(p) for p in s.articles) for s in run.stories)
    assert groups == [["000", "001", "002", "003"], ["004"]]


def test_claims_to_dataframe(run):
    df = run.claims.to_dataframe()
    assert {"path", "outlet", "text", "subjects", "quantities", "places", "dates", "speaker", "modality",
            "polarity"} <= set(df.columns)
    assert len(df) == len(run.claims) > 0


def test_shell_counts_of_different_stories_are_never_paired(run):
    doc = api.diff_document(run)
    for story in doc["stories"]:
        for item in story["conflicts"] + story["agreements"]:
            assert {_name(item["a"]["path"]), _name(item["b"]["path"])} != {"002", "004"}


def test_easley_quote_shared_by_000_and_002(run):
    doc = api.diff_document(run)
    shared = [q for s in doc["stories"] for q in s["shared_quotes"]]
    assert any({_name(q["a"]["path"]), _name(q["b"]["path"])} == {"000", "002"}
               and "teknologi militer" in q["a"]["text"] for q in shared)


def test_corpus_canonical_names_merge_spellings(run):
    rows = api.entity_rows(run, label="PERSON")
    names = {r["name"] for r in rows}
    assert "Kim Jong Un" in names and "Kim Jong-un" not in names
    kim = next(r for r in rows if r["name"] == "Kim Jong Un")
    assert kim["articles"] == 5
    assert "Lami Kim" in names


def test_summary_totals(run):
    rows, summary = api.summary_rows(run)
    assert len(rows) == 5
    assert summary["articles"] == 5 and summary["stories"] == 2
    assert summary["outlets"] >= 4


def test_long_body_is_analyzed_in_parts_with_offsets_into_the_whole(tmp_path):
    from newsscan.analysis import PART_CHARS, split_parts

    para = ('"Kami akan membangun jalan baru," kata Gubernur Jawa Tengah Ahmad Luthfi di Semarang, '
            "Senin (9/6/2025).\n")
    body = para * (2 * PART_CHARS // len(para) + 50)
    parts = split_parts(body)
    assert len(parts) == 3 and "".join(t for _, t in parts) == body
    assert all(len(t) <= PART_CHARS for _, t in parts)
    p = tmp_path / "panjang.txt"
    p.write_text("Judul panjang\n\n" + body, encoding="utf-8")
    run = newsscan.analyze([str(p)], use_cache=False, jobs=1)
    [r] = run.results
    assert any("very long body" in i.reason for i in run.issues)
    assert len(r.quotes) == body.count("kata Gubernur")
    last = max(r.quotes, key=lambda q: q.start)
    assert last.start > 2 * PART_CHARS and r.article.body[last.start:last.end] == last.text
    assert all(r.article.body[d.start:d.end] == d.text for d in r.dates)


def test_the_diff_does_not_depend_on_the_order_the_files_are_named_in(seeds_dir, tmp_path):
    seeds = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    backwards = api.analyze(seeds[::-1], jobs=1, cache_dir=str(tmp_path / "cache"))
    forwards = api.analyze(seeds, jobs=1, cache_dir=str(tmp_path / "cache"))
    def items(run):  # a story lists its articles in the order given; what it finds must not depend on it
        stories = api.diff_document(run)["stories"]
        return [{k: v for k, v in story.items() if k != "articles"} for story in stories]

    assert items(backwards) == items(forwards)


def test_every_quoted_speaker_is_listed_under_the_same_name_in_sources(run):
    speakers = {q["speaker"] for q in api.quote_rows(run) if q["speaker"]}
    assert speakers == {s["name"] for s in api.source_rows(run)}
