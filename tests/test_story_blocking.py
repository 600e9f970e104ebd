"""Story grouping compares candidate pairs only (articles a few days apart, undated ones with all): the blocks
must cover every pair that may be linked, and the stories must be those of an all-pairs comparison."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsscan import stories
from newsscan.stories import DAY_WINDOW, StoryInput, _days_gap, candidate_blocks, group_stories

DAY = st.one_of(
    # some are no date (2021-02-30)
    st.tuples(st.integers(2020, 2021), st.integers(1, 12), st.integers(1, 31)),
    st.tuples(st.none(), st.integers(1, 12), st.integers(1, 28)),  # a day without its year
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(DAY, max_size=3).map(tuple), max_size=25))
def test_blocks_cover_every_pair_that_may_be_linked(days):
    covered = set()
    for rows, cols in candidate_blocks(days):
        covered |= {(i, j) for i in rows for j in cols if i < j}
    for i in range(len(days)):
        for j in range(i + 1, len(days)):
            gap = _days_gap(days[i], days[j])
            if gap is None or gap <= DAY_WINDOW:
                assert (i, j) in covered, (days[i], days[j], gap)


def test_articles_weeks_apart_share_no_block():
    days = [((2021, 3, 1),), ((2021, 3, 4),), ((2021, 5, 1),)]
    pairs = {(i, j) for rows, cols in candidate_blocks(days) for i in rows for j in cols if i < j}
    assert (0, 1) in pairs and (0, 2) not in pairs and (1, 2) not in pairs


EVENTS = [  # invented events, each told by several outlets in their own words
    ("Banjir rendam ratusan rumah di Kampung Sukamaju",
     ("Banjir setinggi satu meter merendam ratusan rumah warga Kampung Sukamaju setelah hujan deras "
     "semalaman. Warga mengungsi ke balai desa dan petugas BPBD membagikan makanan.")),
    ("Gubernur Ardi Wiranata resmikan jembatan baru di Kota Lembah",
     ("Gubernur Ardi Wiranata meresmikan jembatan baru sepanjang dua ratus meter di Kota Lembah. "
     "Jembatan itu menghubungkan dua kecamatan yang selama ini terpisah sungai.")),
    ("Pabrik tekstil di Cibaru terbakar, kerugian miliaran rupiah",
     ("Sebuah pabrik tekstil di Cibaru terbakar pada dini hari. Api diduga berasal dari korsleting "
     "listrik di gudang bahan baku, dan kerugian ditaksir mencapai miliaran rupiah.")),
]


def _corpus() -> list[StoryInput]:
    items = []
    outlets = ["Kabar Satu", "Warta Dua", "Berita Tiga"]
    for e, (title, body) in enumerate(EVENTS):
        for k, outlet in enumerate(outlets):
            day = f"2021-0{e + 3}-{10 + k:02d}"
            words = body.split()
            told = " ".join(words[k:] + words[:k])  # each outlet orders the words its own way
            items.append(StoryInput(path=f"{outlet}/{e}.txt", outlet=outlet, title=title, body=told,
                                    published=day))
    # the first event's text again, two months later (a follow-up is another story), and one undated copy
    items.append(StoryInput(path="Kabar Satu/late.txt", outlet="Kabar Satu", title=EVENTS[0][0],
                            body=EVENTS[0][1], published="2021-05-20"))
    items.append(StoryInput(path="Warta Dua/undated.txt", outlet="Warta Dua", title=EVENTS[1][0],
                            body=EVENTS[1][1], published=None))
    return items


def test_stories_are_those_of_an_all_pairs_comparison(monkeypatch):
    items = _corpus()
    blocked = group_stories(items)
    everyone = list(range(len(items)))
    monkeypatch.setattr(stories, "candidate_blocks", lambda days, *_: [(everyone, everyone)])
    assert group_stories(items) == blocked
    grouped = {p for s in blocked for p in s.articles if len(s.articles) > 1}
    assert "Kabar Satu/0.txt" in grouped and "Kabar Satu/late.txt" not in grouped


def test_undated_articles_keyed_give_the_stories_of_all_pairs(monkeypatch):
    """Without dates, each article meets only those sharing one of its weightiest words (ALL_PAIRS 0: the
    keyed path even on a small corpus); the stories are still those of every pair compared."""
    from dataclasses import replace

    items = [replace(it, published=None) for it in _corpus()]
    monkeypatch.setattr(stories, "ALL_PAIRS", 0)
    keyed = group_stories(items)
    everyone = list(range(len(items)))
    monkeypatch.setattr(stories, "candidate_blocks", lambda days, *_: [(everyone, everyone)])
    assert group_stories(items) == keyed
    assert any(len(s.articles) == 3 for s in keyed)  # the three outlets of an event still found each other


def _undated(n: int) -> list[StoryInput]:
    """n undated articles: one event each (its own invented place), all in the same common words."""
    common = "warga petugas kantor jalan kota hari malam pagi rumah kendaraan"
    return [StoryInput(path=f"a{i}.txt", outlet="Kabar", title=f"Kejadian di Desa Lokasi{i % (n // 2)}",
                       body=f"{common} Desa Lokasi{i % (n // 2)} Kecamatan Wilayah{i % (n // 2)} {common}",
                       published=None) for i in range(n)]


def test_an_undated_articles_keys_reach_a_bounded_number_of_articles(monkeypatch):
    monkeypatch.setattr(stories, "MAX_CANDIDATES", 6)
    monkeypatch.setattr(stories, "MAX_SHARED", 50)
    for n in (40, 80):
        items = _undated(n)
        X = stories._tfidf([f"{it.title}\n{it.title}\n{it.body}" for it in items])
        keys, held = stories._key_rows(X)
        reached = (keys @ held.T).tocsr()
        per_article = [reached.indptr[i + 1] - reached.indptr[i] for i in range(n)]
        assert max(per_article) <= 6  # the keys stop where their articles add up to MAX_CANDIDATES
        assert min(per_article) >= 2  # each article still meets its twin (the same place)
