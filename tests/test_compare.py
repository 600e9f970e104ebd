"""The cross-outlet diff on small fixture pairs: agree, conflicts (number, place, day, denial), rounding."""
import json

import pytest

from newsscan.claims import find_claims
from newsscan.compare import alignment_frame, compare_story, token_overlap
from newsscan.records import Article, ArticleResult, DateMention, Evidence, Quote
from newsscan.stories import Story


def result(path, outlet, body, dates=(), quotes=()):
    art = Article(id=path, path=path, outlet=outlet, outlet_evidence=Evidence(outlet, "test"), title=None,
                  published="2025-06-10", published_evidence=Evidence("2025-06-10", "test"), body=body)
    ds = []
    for text, value in dates:
        i = body.index(text)
        ds.append(DateMention(i, i + len(text), text, value, "day", "absolute"))
    qs = []
    for text, speaker in quotes:
        i = body.index(text)
        qs.append(Quote(i, i + len(text), text, "direct", speaker))
    claims = find_claims(body, dates=ds, quotes=qs)
    return ArticleResult(article=art, dates=tuple(ds), quotes=tuple(qs), claims=tuple(claims))


def diff(a_body, b_body, a_kw=None, b_kw=None):
    ra = result("a/1.txt", "detik", a_body, **(a_kw or {}))
    rb = result("a/2.txt", "kompas", b_body, **(b_kw or {}))
    story = Story(id="s1", title="t", articles=("a/1.txt", "a/2.txt"))
    return compare_story(story, {"a/1.txt": ra, "a/2.txt": rb})


def test_agree_same_number():
    d = diff("Sebanyak 20 bus Transjakarta bekas terbakar di Rawa Buaya.",
             "Sebanyak 20 bus Transjakarta terbakar di Rawa Buaya, Cengkareng.")
    assert not d.conflicts and d.agreements


def test_conflict_on_number():
    d = diff("Total sebanyak 20 bus yang terbakar di terminal itu.",
             "Bus yang terbakar kira-kira ada sekitar 50 unit.")
    assert [c.what for c in d.conflicts] == ["number"]


def test_rounding_is_not_a_conflict():
    d = diff("Ada sebanyak 1.323.459 KPM mengalami gagal salur bansos tahap kedua.",
             "Ada 1,3 juta KPM mengalami gagal salur bansos tahap kedua.")
    assert not d.conflicts and d.agreements


def test_conflict_on_place_of_one_statement():
    q = "Sekalipun PT Gag tidak kita cabut, kita awasi khusus"
    d = diff(f"\"{q},\" kata Bahlil dalam konferensi pers di Istana Negara, Selasa (10/6/2025).",
             f"\"{q},\" kata Bahlil, dalam konferensi pers di Kantor Presiden, Selasa (10/6/2025).",
             {"quotes": [(q, "Bahlil Lahadalia")], "dates": [("Selasa (10/6/2025)", "2025-06-10")]},
             {"quotes": [(q, "Bahlil Lahadalia")], "dates": [("Selasa (10/6/2025)", "2025-06-10")]})
    assert [c.what for c in d.conflicts] == ["place"]
    assert d.conflicts[0].a.text.startswith("kata Bahlil")
    assert d.shared_quotes


def test_conflict_on_day_of_one_statement():
    q = "Total sebanyak 20 bus yang terbakar dari 104 bus yang dititipkan"
    d = diff(f"\"{q},\" ujar Syafrin saat dikonfirmasi, Selasa (10/6/2025).",
             f"\"{q},\" kata Kadishub Syafrin Liputo, Rabu (11/6/2025).",
             {"quotes": [(q, "Syafrin Liputo")], "dates": [("Selasa (10/6/2025)", "2025-06-10")]},
             {"quotes": [(q, "Syafrin Liputo")], "dates": [("Rabu (11/6/2025)", "2025-06-11")]})
    assert "day" in [c.what for c in d.conflicts]


def test_conflict_on_denial():
    d = diff("Pemerintah mencabut izin usaha pertambangan PT Gag Nikel di Raja Ampat.",
             "Pemerintah tidak mencabut izin usaha pertambangan PT Gag Nikel di Raja Ampat.")
    assert [c.what for c in d.conflicts] == ["denial"]


def test_detail_left_out_is_not_a_conflict():
    d = diff("Kapal terbalik di perairan Debut, Selasa (1/7/2025), pukul 15.28 WIT.",
             "Kapal terbalik di perairan Debut akibat ombak.",
             {"dates": [("Selasa (1/7/2025)", "2025-07-01")]})
    assert not d.conflicts


def test_to_dict_shape_and_sides_are_substrings():
    a = "Total sebanyak 20 bus yang terbakar di terminal itu."
    b = "Bus yang terbakar kira-kira ada sekitar 50 unit."
    out = diff(a, b).to_dict()
    assert set(out) == {"id", "title", "articles", "outlets", "conflicts", "agreements", "only", "shared_quotes"}
    c = out["conflicts"][0]
    assert c["what"] == "number" and c["a"]["text"] in a and c["b"]["text"] in b
    json.dumps(out)


def test_alignment_frame():
    d = diff("Total sebanyak 20 bus yang terbakar di terminal itu.", "Bus yang terbakar ada sekitar 50 unit.")
    df = alignment_frame([d])
    assert next(iter(df["kind"])) == "conflicts" and {"a_text", "b_text", "what"} <= set(df.columns)


@pytest.mark.parametrize("a, b, high", [
    ("Iya kan yang +62 maksudnya kan", "Iya, kan yang 62 maksudnya kan", True),
    ("Kami belum mengetahu nilainya, nanti kami koordinasikan", "Kami belum tahu nilainya nanti kami koordinasikan", True),
    ("Saya senang bertemu Anda", "Korea Utara memiliki puluhan juta peluru", False),
])
def test_token_overlap(a, b, high):
    assert (token_overlap(a, b) >= 0.6) is high
