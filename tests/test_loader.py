"""loader.py: files, folders, globs, text/JSONL/CSV/JSON/HTML, encodings and line endings."""
from __future__ import annotations

import json

import pytest

from newsscan.loader import expand_paths, iter_articles, split_header
from newsscan.records import Article, Issue

BODY = (
    "JAKARTA, KOMPAS.com - Menteri Pekerjaan Umum Haryanto Wibisono mengatakan bahwa perbaikan jalan tahap "
    "kedua akan rampung pekan ini. Ia menyebut ada 240 ruas jalan yang gagal diperbaiki karena hujan."
)
BODY2 = (
    "Haryanto menambahkan, hingga kini perbaikan jalan di lintas tengah Pulau Sumatra telah selesai untuk "
    "70 persen ruas dan sisanya akan dikejar dalam waktu dekat oleh kementerian."
)
TXT = (
    f"Kenapa Ada 240 Ruas Jalan yang Gagal?\nRatih Kusumawardani\n"
    f"Kompas.com- 14/03/2024, 10:12 WIB\n\n"
    f"{BODY}\n{BODY2}\n"
)


def load(*paths, **kw):
    items = list(iter_articles([str(p) for p in paths], **kw))
    return [a for a in items if isinstance(a, Article)], [i for i in items if isinstance(i, Issue)]


def test_text_file_with_header(write):
    [a], issues = load(write("a.txt", TXT))
    assert issues == []
    assert a.title == "Kenapa Ada 240 Ruas Jalan yang Gagal?"
    assert a.authors == ("Ratih Kusumawardani",)
    assert (a.outlet, a.published, a.published_time) == ("Kompas.com", "2024-03-14", "10:12")
    assert a.body == f"{BODY}\n{BODY2}" and a.paragraphs == (BODY, BODY2)
    assert a.source_format == "txt" and a.encoding == "utf-8"
    assert len(a.id) == 16 and len(a.text_hash) == 64


def test_body_only_text_file(fixtures_dir):
    [a], _ = load(fixtures_dir / "body_only_kontan.txt")
    assert a.title is None
    assert a.outlet == "Kontan" and a.dateline == "Moskow" and a.published == "2023-09-12"
    assert a.authors == ("Barratut Taqiyyah Rafie",) and a.editors == ("Barratut Taqiyyah Rafie",)
    assert a.credits == ("Time",)
    assert a.body.startswith("KONTAN.CO.ID - MOSKOW.") and "Baca Juga" not in a.body


def test_extensionless_text_file(write):
    [a], _ = load(write("artikel", TXT))
    assert a.outlet == "Kompas.com"


def test_long_first_block_is_body_not_header(write):
    text = "\n".join([BODY] * 8) + "\n\n" + BODY2
    [a], _ = load(write("a.txt", text))
    assert a.title is None and a.body.startswith(BODY)


def test_split_header():
    header, body, first = split_header("Judul\nPenulis\n\nIsi satu\nIsi dua")
    assert header == ["Judul", "Penulis"] and body == ["Isi satu", "Isi dua"] and first == 3


def test_folder_recursive_sorted_and_glob(write, tmp_path):
    write("b/2.txt", TXT.replace("240", "250"))
    write("b/1.txt", TXT)
    write("a/z.txt", TXT.replace("240", "260"))
    write("a/.hidden.txt", TXT.replace("240", "270"))
    write("a/notes.md", "catatan")
    arts, issues = load(tmp_path)
    assert [a.path[len(str(tmp_path)) + 1 :] for a in arts] == ["a/z.txt", "b/1.txt", "b/2.txt"]
    assert [(i.path.rsplit("/", 1)[-1], i.severity) for i in issues] == [("notes.md", "warning")]
    arts, _ = load(tmp_path / "b" / "*.txt")
    assert [a.path.rsplit("/", 1)[-1] for a in arts] == ["1.txt", "2.txt"]
    arts, _ = load(tmp_path / "**" / "z.txt")
    assert len(arts) == 1


def test_missing_path_and_empty_glob_are_issues(tmp_path):
    arts, issues = load(tmp_path / "nope.txt", tmp_path / "*.nothing")
    assert arts == []
    assert [i.reason for i in issues] == ["no such file or folder", "no files match this pattern"]


def test_expand_paths_returns_files_and_issues(write, tmp_path):
    write("x/a.txt", TXT)
    files, issues = expand_paths([tmp_path / "x", tmp_path / "missing"])
    assert files == [str(tmp_path / "x" / "a.txt")] and len(issues) == 1


def test_jsonl_export(write):
    rows = [
        {
            "sumber": "detik.com",
            "url": "https://finance.detik.com/energi/d-1/x",
            "judul": "Judul Satu",
            "author": "Sari Wulandari -detikFinance",
            "tanggal_publikasi": "Kamis, 14 Mar 2024 09:05 WIB",
            "isi_berita": BODY,
        },
        {
            "sumber": "Liputan6.com",
            "url": "https://www.liputan6.com/bisnis/read/2/y",
            "judul": "Judul Dua",
            "author": None,
            "tanggal_publikasi": "Diperbarui 14 Mar 2024, 11:40 WIB",
            "isi_berita": BODY2,
        },
    ]
    p = write("e.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    arts, issues = load(p)
    assert issues == []
    assert [a.path for a in arts] == [f"{p}#1", f"{p}#2"]
    assert [(a.outlet, a.title, a.published) for a in arts] == [
        ("detikcom", "Judul Satu", "2024-03-14"),
        ("Liputan6.com", "Judul Dua", "2024-03-14"),
    ]
    assert arts[0].authors == ("Sari Wulandari",) and arts[0].url.startswith("https://finance.detik.com")
    assert arts[0].published_evidence.source == "column:tanggal_publikasi"
    assert arts[0].source_format == "jsonl"


def test_csv_export_with_date_and_time_columns(write):
    text = (
        "title,source,date,time,category,content,url\n"
        f'Judul Satu,news.detik.com,10 Jun 2025,21:23,Berita,"Jakarta\n-\n{BODY}",https://news.detik.com/x\n'
        f'Judul Dua,www.kapanlagi.com,09 Juni 2025,21:32,,"{BODY2}",https://www.kapanlagi.com/y\n'
    )
    p = write("e.csv", text)
    arts, issues = load(p)
    assert issues == []
    assert [a.path for a in arts] == [f"{p}#1", f"{p}#2"]
    assert [(a.outlet, a.published, a.published_time) for a in arts] == [
        ("detikcom", "2025-06-10", "21:23"),
        ("KapanLagi.com", "2025-06-09", "21:32"),
    ]
    assert arts[0].paragraphs[:2] == ("Jakarta", "-") and arts[0].source_format == "csv"


def test_semicolon_csv_and_utf8_bom_header(write):
    p = write("e.csv", b"\xef\xbb\xbfJudul;Isi\nSatu;" + BODY.encode() + b"\n")
    [a], _ = load(p)
    assert a.title == "Satu" and a.body == BODY


def test_text_column_override(write):
    p = write("e.csv", f'judul,ringkasan,naskah_lengkap\nSatu,pendek,"{BODY}"\n')
    arts, issues = load(p)
    assert arts == [] and "no text column" in issues[0].reason and "naskah_lengkap" in issues[0].reason
    [a], _ = load(p, text_column="naskah_lengkap")
    assert a.body == BODY and a.title == "Satu"
    arts, issues = load(p, text_column="tidak_ada")
    assert arts == [] and "no column 'tidak_ada'" in issues[0].reason


def test_json_array_export(write):
    p = write("e.json", json.dumps([{"title": "Satu", "content": BODY}, {"title": "Dua", "content": BODY2}]))
    arts, _ = load(p)
    assert [a.path for a in arts] == [f"{p}#1", f"{p}#2"] and arts[1].source_format == "json"


HTML = f"""<!DOCTYPE html><html><head><title>Judul Berita Uji | Kompas.com</title>
<meta property="og:title" content="Judul Berita Uji">
<meta property="og:site_name" content="KOMPAS.com">
<meta property="og:url" content="https://nasional.kompas.com/read/2024/03/14/1/judul-berita-uji">
<meta property="article:published_time" content="2024-03-14T10:12:00+07:00">
</head><body><nav>Beranda | Nasional | Ekonomi</nav><article><h1>Judul Berita Uji</h1>
<p>{BODY}</p><p>{BODY2}</p>
<p>Warga berharap perbaikan itu segera selesai karena jalan itu dilalui truk setiap hari.</p>
</article><footer>Hak cipta Kompas.com</footer></body></html>"""


def test_saved_html_page(write):
    [a], issues = load(write("page.html", HTML))
    assert [i for i in issues if i.severity == "error"] == []
    assert a.source_format == "html" and a.title == "Judul Berita Uji"
    assert a.outlet == "Kompas.com" and a.published == "2024-03-14"
    assert BODY in a.body and "Beranda" not in a.body


def test_html_sniffed_without_extension(write):
    [a], _ = load(write("halaman", HTML))
    assert a.source_format == "html"


@pytest.mark.parametrize(
    "encoding, name",
    [
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-be", None),
    ],
)
def test_bom_encodings(write, encoding, name):
    data = TXT.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
        name = "utf-16"
    [a], issues = load(write("a.txt", data))
    assert issues == [] and a.encoding == name and a.body == f"{BODY}\n{BODY2}"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_non_utf8_is_decoded_with_a_stated_fallback(write, encoding):
    text = (
        TXT.replace("Gagal?", "Gagal? \u201cKata\u201d") if encoding == "cp1252" else TXT + "Caf\xe9 \x81\n"
    )
    arts, issues = load(write("a.txt", text.encode(encoding)))
    assert len(arts) == 1 and arts[0].encoding == encoding
    assert [(i.severity, i.reason) for i in issues] == [("warning", f"not UTF-8: decoded as {encoding}")]


def test_crlf_cr_and_mixed_line_endings(write):
    lf = load(write("lf.txt", TXT))[0][0]
    for name, text in [
        ("crlf.txt", TXT.replace("\n", "\r\n")),
        ("cr.txt", TXT.replace("\n", "\r")),
        ("mixed.txt", TXT.replace("\n", "\r\n", 2).replace("\n\n", "\r\r")),
    ]:
        [a], _ = load(write(name, text))
        assert (a.body, a.title, a.published) == (lf.body, lf.title, lf.published)


def test_jsonl_without_text_column_is_one_line_for_the_file(tmp_path):
    from newsscan.loader import iter_articles
    from newsscan.records import Issue

    p = tmp_path / "meta.jsonl"
    p.write_text(
        "".join(f'{{"judul": "Berita {i}", "url": "https://x.id/{i}"}}\n' for i in range(50)),
        encoding="utf-8",
    )
    items = list(iter_articles([str(p)]))
    assert len(items) == 1 and isinstance(items[0], Issue)
    assert "50 rows" in items[0].reason and "no text column" in items[0].reason


# ---------------------------------------------------------------- saved pages, one class each
# (tests/fixtures/html)


def page(fixtures_dir, name):
    [a] = [x for x in iter_articles([fixtures_dir / "html" / name]) if isinstance(x, Article)]
    return a


def test_page_leaves_out_teasers_embeds_captions_and_bylines(fixtures_dir):
    a = page(fixtures_dir, "article_teasers_embed.html")
    assert a.paragraphs[0].startswith("GARUT, CONTOHNEWS.ID - Banjir merendam")
    assert a.paragraphs[-1].startswith("Hingga Kamis siang")
    for furniture in (
        "Longsor Tutup Jalan",
        "Terpopuler",
        "Harga Cabai",
        "pic.twitter.com",
        "@akunwarga",
        "(Foto: Rina Wati)",
        "Penulis:",
        "Tag:",
        "Hak cipta",
    ):
        assert furniture not in a.body, furniture
    assert a.title == "Banjir Rendam Tiga Desa di Garut, Ratusan Warga Mengungsi"


def test_page_date_from_json_ld_before_the_extractor(fixtures_dir):
    a = page(fixtures_dir, "article_teasers_embed.html")
    assert a.published == "2022-07-14" and a.published_evidence.source == "column:html:datePublished"


def test_photo_page_takes_the_caption_as_body(fixtures_dir):
    a = page(fixtures_dir, "photo_caption.html")
    assert a.paragraphs == (
        (
            "Ribuan umat Islam mengikuti salat Iduladha 1444 Hijriah di Lapangan Merdeka, Medan, "
            "Sumatera Utara, Kamis (29/6/2023). Salat dipimpin imam masjid raya dan diikuti warga "
            "dari berbagai kecamatan."
        ),
    )
    assert a.title.startswith("FOTO: Ribuan Umat")  # the rubric is part of the headline


def test_page_keeps_the_lead_that_opens_with_the_dateline(fixtures_dir):
    a = page(fixtures_dir, "dateline_lead.html")
    assert a.paragraphs[0].startswith("JAKARTA, CONTOHPOST.COM \u2013 Harga beras medium")
    assert len(a.paragraphs) == 4 and a.dateline == "Jakarta"
    assert (a.title, a.published) == ("Harga Beras Turun di Pasar Induk", "2021-03-02")


def test_page_body_is_the_article_not_the_headline_column(fixtures_dir):
    a = page(fixtures_dir, "teaser_column.html")
    assert a.paragraphs[0].startswith("BANDUNG - Kereta cepat")
    assert len(a.paragraphs) == 2 and "Stasiun Halim" not in a.body and "jam lalu" not in a.body
    assert a.title == "Kereta Cepat Uji Coba Penumpang Pekan Depan"


@pytest.mark.parametrize(
    "site, title_tag, outlet",
    [
        ("ANTARA News", "Banjir Rendam Tiga Desa - ANTARA News", "ANTARA"),
        ("Contoh Online", "Banjir Rendam Tiga Desa | Contoh Online", "unknown"),
    ],
)
def test_page_site_name_gives_outlet_and_leaves_the_title(write, site, title_tag, outlet):
    html = (
        f'<html><head><title>{title_tag}</title><meta property="og:site_name" content="{site}"></head>'
        f"<body><article><p>{BODY2}</p><p>{BODY2.replace('Haryanto', 'Ia')}</p></article></body></html>"
    )
    [a], _ = load(write("p.html", html))
    assert (a.title, a.outlet) == ("Banjir Rendam Tiga Desa", outlet)


def test_page_with_an_encoding_declaration(write):
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + HTML
    [a], _ = load(write("x.html", html))
    assert BODY in a.body


def test_page_author_line_is_not_body(write):
    html = (
        '<html><head><title>Banjir Rendam Tiga Desa</title><meta name="author" content="Rina Wati"></head>'
        f"<body><article><h1>Banjir Rendam Tiga Desa</h1><div>Rina Wati - detikJabar</div>"
        f"<p>{BODY2}</p><p>{BODY2.replace('Haryanto', 'Ia')}</p>"
        "<p>Rina Wati, warga setempat, mengaku rumahnya terendam sejak pagi hari.</p></article></body></html>"
    )
    [a], _ = load(write("p.html", html))
    assert "detikJabar" not in a.body and a.outlet == "detikcom"
    assert a.paragraphs[-1].startswith("Rina Wati, warga setempat")  # a sentence that names the author stays


def test_page_headline_repeated_in_the_text_is_not_body(write):
    html = (
        "<html><head><title>Banjir Rendam Tiga Desa | Contoh Online</title>"
        '<meta property="og:site_name" content="Contoh Online"></head>'
        f"<body><article><h1>Banjir Rendam Tiga Desa</h1><p>{BODY2}</p>"
        f"<p>{BODY2.replace('Haryanto', 'Ia')}</p></article></body></html>"
    )
    [a], _ = load(write("p.html", html))
    assert a.title == "Banjir Rendam Tiga Desa" and a.paragraphs[0].startswith("Haryanto")


def test_an_uppercase_desk_code_closing_the_body_is_furniture_and_names_the_outlet(write):
    [a], _ = load(write("a.txt", f"Judul Uji\n\n{BODY2}\nPolisi masih menyelidiki kasus itu. (Ant/OL-5)\n"))
    assert a.body.endswith("menyelidiki kasus itu.") and a.outlet == "Media Indonesia"
    assert [r.text for r in a.boilerplate if r.reason == "editor-code"] == ["(Ant/OL-5)"]
