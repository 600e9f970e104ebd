"""The HTML report: escaping, nesting of marks, determinism, the command; then, in a real Chromium (Debian's
`chromium` through Playwright), the seeds' report and a report of hostile articles.

The browser tests are skipped only when Playwright or chromium is missing (`.ci/run` installs chromium).
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from newsscan.api import Run
from newsscan.cli import cli
from newsscan.records import Article, ArticleResult, DateMention, Evidence, Mention, Quote, Removed
from newsscan.report import (
    SIDE_CHARS,
    Span,
    _safe_url,
    build_report,
    date_histogram,
    marked,
    report_context,
    side_view,
)

# what an article may carry that would run, were it not escaped; each payload would set window.__pwned
PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    "</textarea><script>window.__pwned=3</script>",
    '<a href="javascript:window.__pwned=4">klik di sini</a>',
    '<svg onload="window.__pwned=5"></svg>',
    '<iframe src="javascript:top.__pwned=6"></iframe>',
    '"><body onload="window.__pwned=7">',
)
HOSTILE = " ".join(PAYLOADS)


# ---------------------------------------------------------------- marks


def _text_of(tokens) -> str:
    return "".join(t[1] for t in tokens if t[0] == "t")


def _balanced(tokens) -> bool:
    depth = 0
    for t in tokens:
        depth += {"o": 1, "c": -1}.get(t[0], 0)
        if depth < 0:
            return False
    return depth == 0


def test_marks_nest_when_an_inner_span_crosses_an_outer_one():
    text = "Kata Budi Santoso di Bandung kemarin."
    quote = Span(5, 20, "q")  # `Budi Santoso di `: ends inside nothing, starts inside nothing
    person = Span(5, 17, "e")
    place = Span(18, 28, "e")  # `di Bandung` crosses the quote's end
    tokens = marked(text, [[quote], [person, place]])
    assert _text_of(tokens) == text and _balanced(tokens)
    opened = [t[1] for t in tokens if t[0] == "o"]
    assert opened.count("e") == 3  # the place is closed at the quote's end and reopened after it


def test_overlapping_spans_of_one_layer_keep_the_first():
    tokens = marked("abcdefgh", [[Span(0, 4, "x"), Span(2, 6, "y"), Span(6, 8, "z")]])
    assert [t[1] for t in tokens if t[0] == "o"] == ["x", "z"]


def test_spans_outside_the_text_are_left_out():
    tokens = marked("abc", [[Span(2, 9, "x"), Span(-1, 1, "y")]])
    assert tokens == [("t", "abc")]


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70), st.integers(0, 2)),
                                      max_size=12))
def test_marked_text_is_the_text_and_marks_are_well_nested(text, raw):
    layers = [[Span(a, b, f"c{n}") for a, b, layer in raw if layer == n] for n in range(3)]
    tokens = marked(text, layers)
    assert _text_of(tokens) == text
    assert _balanced(tokens)


# ---------------------------------------------------------------- pieces


def test_value_is_marked_in_a_side_and_a_long_side_is_cut_around_it():
    filler = "Warga berkumpul di alun-alun kota sejak pagi untuk menunggu kabar. " * 12
    text = filler + "Rapat akhirnya digelar di Surabaya pada sore hari." + filler
    view = side_view(
        {"path": "a.txt", "outlet": "Harian", "text": text, "kind": "event"},
        "Surabaya (report)",
        {"a.txt": "art-0"},
    )
    shown = _text_of(view["tokens"])
    assert len(shown) <= SIDE_CHARS and shown in text and "Surabaya" in shown
    assert view["cut_before"] and view["cut_after"]
    assert ("o", "v", "Surabaya (report)") in view["tokens"]


def test_a_value_the_sentence_does_not_say_marks_nothing():
    view = side_view({"path": "a.txt", "outlet": "Harian", "text": "Rapat digelar sore hari."}, "Malang", {})
    assert all(t[0] == "t" for t in view["tokens"])


def test_histogram_has_a_bar_per_day_with_gaps_then_months():
    h = date_histogram(["2024-03-01", "2024-03-03", "2024-03-03", None])
    assert [(b["label"], b["n"]) for b in h["bars"]] == [
        ("2024-03-01", 1),
        ("2024-03-02", 0),
        ("2024-03-03", 2),
    ]
    assert h["undated"] == 1
    h = date_histogram(["2023-10-20", "2024-01-25"])
    assert h["unit"] == "month" and [b["label"] for b in h["bars"]] == [
        "2023-10",
        "2023-11",
        "2023-12",
        "2024-01",
    ]
    h = date_histogram(["1998-07-01", "2017-12-12", "2017-12-13"])
    assert h["unit"] == "year" and len(h["bars"]) == 20 and h["bars"][-1]["n"] == 2


@pytest.mark.parametrize(
    "url,link",
    [
        ("https://contoh.co.id/berita/1", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<b>x</b>", False),
        ('http://x.id/a"onmouseover=1', False),
    ],
)
def test_only_web_addresses_become_links(url, link):
    assert (_safe_url(url) is not None) == link


# ---------------------------------------------------------------- the page, from records


NO_DATE = Evidence(None, "none")


def _one(body: str, dates=(), ref=NO_DATE, path="a/1.txt") -> ArticleResult:
    art = Article(
        id=path,
        path=path,
        outlet="Harian",
        outlet_evidence=Evidence("Harian", "header", "HARIAN"),
        title=None,
        published=ref.value,
        published_evidence=ref,
        body=body,
        paragraphs=(body,),
    )
    return ArticleResult(article=art, dates=tuple(dates), reference_date=ref)


def test_timeline_says_what_a_relative_date_was_resolved_against():
    body = "Rapat digelar Selasa lalu di Bandung. Pada 2019 rapat serupa batal."
    dates = (
        DateMention(14, 25, "Selasa lalu", "2024-03-12", "day", "relative", sentence=body[:37]),
        DateMention(41, 45, "2019", "2019", "year", "absolute", sentence=body[38:]),
    )
    run = Run(results=[_one(body, dates, Evidence("2024-03-14", "header", "Kamis, 14 Maret 2024"))])
    events = {e["text"]: e for g in report_context(run)["timeline"]["groups"] for e in g["events"]}
    assert "2024-03-14" in events["Selasa lalu"]["resolved_from"]
    assert "Kamis, 14 Maret 2024" in events["Selasa lalu"]["resolved_from"]
    assert events["2019"]["resolved_from"] == ""  # an absolute date needs no anchor


def test_dates_with_no_known_year_are_counted_not_placed():
    body = "Warga mengungsi pada Senin malam."
    dates = (DateMention(21, 26, "Senin", "XXXX-XX-XX", "day", "weekday", sentence=body),)
    timeline = report_context(Run(results=[_one(body, dates)]))["timeline"]
    assert timeline["groups"] == [] and timeline["unplaced"] == 1


def _hostile_run() -> Run:
    """A run built from records, with the payloads in every string the report shows."""
    lead = "Budi Santoso mengatakan banjir surut pada Senin. "
    body = f"{lead}“{HOSTILE}” kata Budi.\n{HOSTILE}"
    q0 = body.index(HOSTILE)
    art = Article(
        id="h1",
        path=f"corpus/{PAYLOADS[0]}.txt",
        outlet=PAYLOADS[1],
        outlet_evidence=Evidence(PAYLOADS[1], "header", PAYLOADS[2]),
        title=PAYLOADS[4],
        published="2024-05-06",
        published_evidence=Evidence("2024-05-06", "body", PAYLOADS[5]),
        url="javascript:window.__pwned=8",
        authors=(PAYLOADS[3],),
        body=body,
        paragraphs=tuple(body.split("\n")),
        boilerplate=(Removed(0, PAYLOADS[6], "baca-juga"),),
    )
    result = ArticleResult(
        article=art,
        entities=(Mention(0, 12, "Budi Santoso", "PERSON", PAYLOADS[0]),),
        dates=(DateMention(41, 46, "Senin", "2024-05-06", "day", "weekday", sentence=lead.strip()),),
        quotes=(
            Quote(
                q0,
                q0 + len(HOSTILE),
                HOSTILE,
                "direct",
                PAYLOADS[2],
                speaker_role=PAYLOADS[3],
                speaker_type="person",
                via=PAYLOADS[5],
            ),
        ),
        reference_date=Evidence("2024-05-06", "body", PAYLOADS[6]),
    )
    return Run(results=[result])


class _Tags(HTMLParser):
    """The tags and attributes a browser would build from the page."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict]]:
    p = _Tags()
    p.feed(html)
    return p.tags


def _claimed(path: str, outlet: str, body: str) -> ArticleResult:
    from newsscan.claims import find_claims

    art = Article(
        id=path,
        path=path,
        outlet=outlet,
        outlet_evidence=Evidence(outlet, "header", outlet),
        title=None,
        published="2025-06-10",
        published_evidence=Evidence("2025-06-10", "header"),
        body=body,
        paragraphs=(body,),
    )
    return ArticleResult(article=art, claims=tuple(find_claims(body)))


def test_story_with_a_conflict_comes_first_with_both_values_marked():
    told = (
        "Sebanyak {} bus Transjakarta terbakar di pool Rawa Buaya, Jakarta Barat, pada Selasa dini hari. "
        "Petugas pemadam kebakaran datang setelah api membesar."
    )
    other = _claimed("a/0.txt", "Warta Dua", "Harga cabai rawit di Pasar Induk naik menjelang Lebaran.")
    run = Run(
        results=[
            other,
            _claimed("a/1.txt", "Harian Satu", told.format(20)),
            _claimed("a/2.txt", "Warta Dua", told.format(50)),
        ]
    )
    first = report_context(run)["stories"][0]
    assert first["compared"] and len(first["articles"]) == 2
    conflict = first["sections"][0]["entries"][0]
    marks = [t[2] for side in conflict["sides"] for t in side["tokens"] if t[0] == "o"]
    assert sorted(marks) == sorted(conflict["values"]) and len(set(marks)) == 2
    html = build_report(run).split('<section id="stories">')[1]
    assert html.index('class="pair conflicts"') < html.index("Harga cabai")  # before the other story's title


def test_hostile_strings_are_text_not_markup():
    html = build_report(_hostile_run(), title=PAYLOADS[0])
    tags = _tags(html)
    assert [t for t, _ in tags].count("script") == 1  # the report's own
    assert not {"img", "iframe", "textarea", "body"} & {t for t, _ in tags[1:] if t != "body"}
    assert not [t for t, _ in tags if t == "svg" and "onload" in _]
    assert not [a for _, a in tags for k in a if k.startswith("on")]
    assert not [a for _, a in tags if (a.get("href") or "").lower().startswith(("javascript", "data"))]
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html


def test_the_policy_allows_only_the_reports_own_script_and_style():
    html = build_report(_hostile_run())
    csp = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)[1])
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    for tag in ("script", "style"):
        inline = re.search(rf"<{tag}>(.*?)</{tag}>", html, re.DOTALL)[1]
        digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_same_run_same_bytes_and_no_clock():
    a = build_report(_hostile_run())
    assert a == build_report(_hostile_run())
    assert not re.search(r"\b20\d\d-\d\d-\d\dT\d\d:\d\d", a)  # no time of writing anywhere


def test_speaker_on_hover_is_escaped_in_its_attribute():
    html = build_report(_hostile_run())
    quote = re.search(r'<mark class="q q-direct" title="([^"]*)">', html)
    assert quote and "&lt;/textarea&gt;" in quote[1]  # the speaker, escaped inside the attribute


# ---------------------------------------------------------------- the command, on the seeds


@pytest.fixture(scope="module")
def seeds_report(seeds_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "seeds.html"
    result = CliRunner().invoke(
        cli, ["report", str(seeds_dir), "-o", str(out), "-j", "1", "--no-cache", "-q"]
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory) -> Path:
    """A report of hostile articles read from files: a text file and a JSONL export with a url and a title."""
    d = tmp_path_factory.mktemp("hostile")
    text = (
        "JAKARTA - Warga kampung itu menulis di papan pengumuman: " + HOSTILE + "\n"
        f"“{PAYLOADS[0]} {PAYLOADS[1]}” kata Rudi Hartono, ketua RT, Senin (6/5/2024).\n"
        f"Menurut polisi, {PAYLOADS[4]} ditemukan pada Selasa lalu.\n"
    )
    (d / "a.txt").write_text(text, encoding="utf-8")
    row = {
        "title": PAYLOADS[1],
        "url": "javascript:window.__pwned=9",
        "date": "2024-05-07",
        "text": text.replace("Rudi Hartono", "Sari Dewi"),
    }
    (d / "b.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = d / "report.html"
    result = CliRunner().invoke(
        cli,
        [
            "report",
            str(d / "a.txt"),
            str(d / "b.jsonl"),
            "-o",
            str(out),
            "-j",
            "1",
            "--no-cache",
            "-q",
            "--title",
            PAYLOADS[2],
        ],
    )
    assert result.exit_code == 0, result.output
    return out


def test_report_command_writes_one_page_with_each_section(seeds_report):
    html = seeds_report.read_text(encoding="utf-8")
    for section in ("overview", "timeline", "stories", "sources", "articles"):
        assert f'<section id="{section}">' in html
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)  # nothing to fetch


def test_open_flag_opens_the_written_file(tmp_path, monkeypatch):
    import webbrowser

    opened = []
    monkeypatch.setattr(webbrowser, "open", opened.append)
    (tmp_path / "a.txt").write_text(
        "Warga Desa Sukamaju memanen padi pada Senin (6/5/2024).\n", encoding="utf-8"
    )
    out = tmp_path / "r.html"
    result = CliRunner().invoke(
        cli, ["report", str(tmp_path / "a.txt"), "-o", str(out), "--open", "-j", "1", "--no-cache", "-q"]
    )
    assert result.exit_code == 0, result.output
    assert opened == [out.resolve().as_uri()] and out.stat().st_size > 0


def test_hostile_articles_from_files_are_escaped(hostile_report):
    tags = _tags(hostile_report.read_text(encoding="utf-8"))
    assert [t for t, _ in tags].count("script") == 1
    assert not [a for _, a in tags for k in a if k.startswith("on")]


# ---------------------------------------------------------------- in a real browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser():
    sync = pytest.importorskip(
        "playwright.sync_api", reason="playwright not installed (pip install -e '.[dev]')"
    )
    if not CHROMIUM:
        pytest.skip("chromium not installed and not installable here (.ci/run installs it with apt)")
    with sync.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM)
        yield b
        b.close()


class Page:
    """A report opened from file:// with every request routed: anything but the file itself is refused and
    counted; console errors and page errors are kept."""

    def __init__(self, browser, path: Path, width: int = 1280):
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)

    def _route(self, route):
        self.requests.append(route.request.url)
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def close(self):
        self.page.close()


@pytest.fixture(scope="module")
def seeds_page(browser, seeds_report):
    p = Page(browser, seeds_report)
    yield p
    p.close()


def test_seeds_report_loads_offline_with_no_console_error(seeds_page):
    assert seeds_page.errors == []
    assert seeds_page.requests == [seeds_page.url]


def test_seeds_report_shows_five_articles_and_two_stories(seeds_page):
    page = seeds_page.page
    assert page.locator("details.article").count() == 5
    assert page.locator("article.story").count() == 2
    assert page.locator("#articles table.index tbody tr").count() == 5


def test_each_article_body_is_in_the_page_verbatim(seeds_page, seeds_dir):
    import newsscan

    bodies = [a.body for a in newsscan.load([str(seeds_dir)]) if hasattr(a, "body")]
    shown = seeds_page.page.locator("details.article .body").evaluate_all(
        "els => els.map(e => e.textContent)"
    )
    assert sorted(shown) == sorted(bodies)


def test_place_conflict_sits_side_by_side(seeds_page):
    pair = (
        seeds_page.page.locator(".pair.conflicts")
        .filter(has_text="Vladivostok")
        .filter(has_text="Vostochny Cosmodrome")
        .first
    )
    sides = pair.locator(".side")
    assert sides.count() == 2
    a, b = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert a["x"] + a["width"] <= b["x"] and abs(a["y"] - b["y"]) < 5  # two columns, one row
    assert "Vladivostok" in sides.nth(0).inner_text() + sides.nth(1).inner_text()
    assert len(pair.inner_text()) <= 1500
    assert pair.locator("mark.v").count() >= 2  # the differing values marked


def test_easley_quote_is_shared_across_two_outlets(seeds_page):
    pair = seeds_page.page.locator(".pair.shared_quotes").filter(has_text="Leif-Eric Easley").first
    outlets = [w.inner_text().split(" · ")[0] for w in pair.locator(".who").all()]
    assert len(outlets) == 2 and outlets[0] != outlets[1]


def test_matrix_has_easley_under_two_outlets(seeds_page):
    row = seeds_page.page.locator("#matrix tbody tr").filter(
        has=seeds_page.page.locator("th", has_text="Leif-Eric Easley")
    )
    cells = [c.strip() for c in row.locator("td.n").all_inner_texts()][1:]  # the first is the total
    assert len([c for c in cells if c]) == 2


def test_source_name_opens_its_quotes(seeds_page):
    page = seeds_page.page
    page.locator("#matrix tbody th a", has_text="Leif-Eric Easley").click()
    target = page.locator("details.source[open]")
    assert target.count() == 1 and "Easley" in target.inner_text()


def test_filter_box_narrows_the_tables(seeds_page):
    page = seeds_page.page
    rows = page.locator("#matrix tbody tr")
    before = rows.count()
    page.fill("#filter", "easley")
    visible = [t.lower() for t in page.locator("#matrix tbody tr:not(.hide)").all_inner_texts()]
    assert 0 < len(visible) < before and all("easley" in t for t in visible)
    assert page.locator("#articles table.index tbody tr:not(.hide)").count() < 5
    page.fill("#filter", "")
    assert page.locator("#matrix tbody tr:not(.hide)").count() == before


def test_sorting_a_column(seeds_page):
    page = seeds_page.page
    header = page.locator("#matrix thead th").nth(2)  # quotes
    header.locator("button").click()
    values = [int(v) for v in page.locator("#matrix tbody tr td:nth-child(3)").all_inner_texts()]
    assert values == sorted(values)
    header.locator("button").click()
    values = [int(v) for v in page.locator("#matrix tbody tr td:nth-child(3)").all_inner_texts()]
    assert values == sorted(values, reverse=True)


def test_phone_width_has_no_sideways_page_scroll(browser, seeds_report):
    p = Page(browser, seeds_report, width=390)
    try:
        assert p.page.evaluate("document.documentElement.scrollWidth") <= 392
        assert p.errors == []
    finally:
        p.close()


def test_hostile_report_runs_no_script(browser, hostile_report):
    p = Page(browser, hostile_report)
    try:
        page = p.page
        for d in page.locator("details").all():  # unfold everything: folded content must not run either
            d.evaluate("el => { el.open = true }")
        page.wait_for_timeout(100)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert "<script>window.__pwned=1</script>" in page.inner_text("body")
        assert p.requests == [p.url]
        assert page.locator("iframe, img, textarea, main script").count() == 0
    finally:
        p.close()
