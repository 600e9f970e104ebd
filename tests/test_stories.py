"""Story grouping on the seeds (own gold in tests/data) and on the development corpus."""
import json
import re
from pathlib import Path

import pytest

from newsscan.stories import StoryInput, event_day, group_stories

HERE = Path(__file__).parent
SEEDS = HERE.parent / "seeds"
DEV = Path("/work/shared/data/dev")


def explicit_dates(text: str) -> tuple[str, ...]:
    """Only the fully written dates (`(12/9/2023)`): the test does not depend on the date tagger."""
    return tuple(f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
                 for d, m, y in re.findall(r"\((?:\w+, )?(\d{1,2})/(\d{1,2})/(\d{4})\)", text))


def read(path: Path, name: str, outlet: str, published=None) -> StoryInput:
    raw = path.read_text(encoding="utf-8")
    title = raw.split("\n", 1)[0].strip()
    body = raw.split("\n\n", 1)[1] if "\n\n" in raw else raw
    ents = tuple(sorted(set(re.findall(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+", body))))
    return StoryInput(name, outlet, title, body, published, ents, explicit_dates(body))


def gold_groups(manifest: Path) -> dict[str, str]:
    rows = [json.loads(line) for line in manifest.read_text().splitlines() if line]
    return {r["file"]: r["cluster"] for r in rows}


def test_seeds_group_by_event():
    gold = gold_groups(HERE / "data" / "seed-manifest.jsonl")
    items = [read(SEEDS / f, f, f[:3]) for f in sorted(gold)]
    stories = group_stories(items)
    got = sorted(sorted(s.articles) for s in stories)
    want = sorted(sorted(f for f in gold if gold[f] == c) for c in set(gold.values()))
    assert got == want


def test_deterministic_ids_and_order():
    gold = gold_groups(HERE / "data" / "seed-manifest.jsonl")
    items = [read(SEEDS / f, f, f[:3]) for f in sorted(gold)]
    assert group_stories(items) == group_stories(items)


def test_other_day_blocks_link():
    a = StoryInput(
        "a", "x", "Gempa guncang Lembah Hijau", "Gempa magnitudo 5 guncang Lembah Hijau.", "2025-06-10"
    )
    b = StoryInput(
        "b", "y", "Gempa guncang Lembah Hijau", "Gempa magnitudo 5 guncang Lembah Hijau.", "2025-07-20"
    )
    assert len(group_stories([a, b])) == 2
    c = StoryInput(
        "c", "y", "Gempa guncang Lembah Hijau", "Gempa magnitudo 5 guncang Lembah Hijau.", "2025-06-11"
    )
    assert len(group_stories([a, c])) == 1


def test_event_day_from_text_when_undated():
    it = StoryInput("a", "x", "t", "b", None, (), ("2024-06-19", "2024-06-19", "XXXX-06-18", "2019"))
    assert event_day(it) == (2024, 6, 19)


def test_empty():
    assert group_stories([]) == []


@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev corpus not available")
def test_dev_grouping_pairs_f1():
    man = [json.loads(line) for line in (DEV / "manifest.jsonl").read_text().splitlines() if line]
    items = [read(DEV / m["file"], m["file"], m.get("outlet_key") or "x",
                  m.get("date_iso") if m.get("date_in_text") is not False else None) for m in man]
    stories = group_stories(items)
    cluster = {m["file"]: (m["cluster"] if m["cluster"] != "singles" else m["file"]) for m in man}
    pred = {p: s.id for s in stories for p in s.articles}
    files = sorted(cluster)
    tp = fp = fn = 0
    for i, x in enumerate(files):
        for y in files[i + 1:]:
            g, p = cluster[x] == cluster[y], pred[x] == pred[y]
            tp += g and p
            fp += p and not g
            fn += g and not p
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.95
    singles = [m["file"] for m in man if m["cluster"] == "singles"]
    assert all(len(s.articles) == 1 for s in stories if s.articles[0] in singles)


def test_undated_article_may_report_any_day_it_names():
    body = "Banjir merendam ratusan rumah warga di tepi sungai kota itu setelah hujan deras semalaman."
    a = StoryInput("a", "x", "Banjir rendam ratusan rumah", body, "2024-03-05")
    # undated: names a programme day far off and the day of the flood; the flood day is near a's
    b = StoryInput("b", "y", "Banjir rendam ratusan rumah", body, None, (),
                   ("2024-04-20", "2024-04-20", "2024-03-05"))
    assert len(group_stories([a, b])) == 1
    c = StoryInput("c", "y", "Banjir rendam ratusan rumah", body, None, (), ("2024-04-20",))
    assert len(group_stories([a, c])) == 2  # the date block holds


def test_publication_date_read_from_the_body_is_only_a_guess():
    body = "Banjir merendam ratusan rumah warga di tepi sungai kota itu setelah hujan deras semalaman."
    a = StoryInput("a", "x", "Banjir rendam ratusan rumah", body, "2024-03-05")
    b = StoryInput("b", "y", "Banjir rendam ratusan rumah", body, "2024-04-20", (), ("2024-03-05",),
                   published_guessed=True)
    assert len(group_stories([a, b])) == 1
    b_header = StoryInput("b", "y", "Banjir rendam ratusan rumah", body, "2024-04-20", (), ("2024-03-05",))
    assert len(group_stories([a, b_header])) == 2


def test_two_hearings_in_one_court_on_one_afternoon_stay_apart():
    def hearing(path, title, lead, ents):
        body = (
            lead + " Sidang di Pengadilan Negeri Kota Hilir pada Senin (3/3/2025) dipimpin hakim Ratna Dewi."
        )
        return StoryInput(
            path, path, title, body, "2025-03-03", ents + ("Pengadilan Negeri Kota Hilir", "Ratna Dewi")
        )

    a = hearing(
        "a",
        "Hakim Vonis Andi Saputra 5 Tahun Penjara",
        "Andi Saputra divonis lima tahun penjara karena menipu puluhan calon jemaah umrah. Uang setoran "
        "para korban dipakai membeli rumah dan mobil mewah.",
        ("Andi Saputra",),
    )
    b = hearing(
        "b",
        "Jaksa Tuntut Bambang Wijaya 7 Tahun Penjara",
        "Bambang Wijaya dituntut tujuh tahun karena korupsi dana desa bersama dua perangkat desa. Anggaran "
        "jalan desa tidak pernah dibangun menurut laporan inspektorat.",
        ("Bambang Wijaya",),
    )
    assert len(group_stories([a, b])) == 2
    # the same hearing told by another outlet links: it shares the actor
    c = hearing("c", "Andi Saputra Divonis 5 Tahun Penjara",
                "Majelis hakim memvonis Andi Saputra lima tahun penjara karena menipu calon jemaah umrah.",
                ("Andi Saputra",))
    assert len(group_stories([a, c])) == 1
