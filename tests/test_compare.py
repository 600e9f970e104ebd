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
    d = diff("Sebanyak 20 bus Damri bekas terbakar di Tegal Alur.",
             "Sebanyak 20 bus Damri terbakar di Tegal Alur, Kalideres.")
    assert not d.conflicts and d.agreements


def test_conflict_on_number():
    d = diff("Total sebanyak 14 truk yang terbakar di gudang itu.",
             "Truk yang terbakar kira-kira ada sekitar 35 unit.")
    assert [c.what for c in d.conflicts] == ["number"]


def test_rounding_is_not_a_conflict():
    d = diff("Ada sebanyak 2.654.318 keluarga belum menerima kartu pangan tahap kedua.",
             "Ada 2,7 juta keluarga belum menerima kartu pangan tahap kedua.")
    assert not d.conflicts and d.agreements


def test_conflict_on_place_of_one_statement():
    q = "Sekalipun PT Sinar tidak kita cabut, kita awasi khusus"
    d = diff(f"\"{q},\" kata Rudi dalam konferensi pers di Gedung Merdeka, Selasa (10/6/2025).",
             f"\"{q},\" kata Rudi, dalam konferensi pers di Kantor Wali Kota, Selasa (10/6/2025).",
             {"quotes": [(q, "Rudi Hartono")], "dates": [("Selasa (10/6/2025)", "2025-06-10")]},
             {"quotes": [(q, "Rudi Hartono")], "dates": [("Selasa (10/6/2025)", "2025-06-10")]})
    assert [c.what for c in d.conflicts] == ["place"]
    assert d.conflicts[0].a.text.startswith("kata Rudi")
    assert d.shared_quotes


def test_conflict_on_day_of_one_statement():
    q = "Total sebanyak 14 truk yang terbakar dari 86 truk yang diparkir"
    d = diff(f"\"{q},\" ujar Hendra saat dikonfirmasi, Selasa (12/3/2024).",
             f"\"{q},\" kata Kadishub Hendra Wijaya, Rabu (13/3/2024).",
             {"quotes": [(q, "Hendra Wijaya")], "dates": [("Selasa (12/3/2024)", "2024-03-12")]},
             {"quotes": [(q, "Hendra Wijaya")], "dates": [("Rabu (13/3/2024)", "2024-03-13")]})
    assert "day" in [c.what for c in d.conflicts]


def test_conflict_on_denial():
    d = diff("Pemerintah mencabut izin usaha pertambangan PT Sinar Bumi di Pulau Kembang.",
             "Pemerintah tidak mencabut izin usaha pertambangan PT Sinar Bumi di Pulau Kembang.")
    assert [c.what for c in d.conflicts] == ["denial"]


def test_detail_left_out_is_not_a_conflict():
    d = diff("Kapal terbalik di perairan Tanjung Batu, Selasa (12/3/2024), pukul 14.47 WIT.",
             "Kapal terbalik di perairan Tanjung Batu akibat ombak.",
             {"dates": [("Selasa (12/3/2024)", "2024-03-12")]})
    assert not d.conflicts


def test_to_dict_shape_and_sides_are_substrings():
    a = "Total sebanyak 14 truk yang terbakar di gudang itu."
    b = "Truk yang terbakar kira-kira ada sekitar 35 unit."
    out = diff(a, b).to_dict()
    assert set(out) == {
        "id",
        "title",
        "articles",
        "outlets",
        "conflicts",
        "agreements",
        "only",
        "shared_quotes",
        "updates",
    }
    c = out["conflicts"][0]
    assert c["what"] == "number" and c["a"]["text"] in a and c["b"]["text"] in b
    json.dumps(out)


def test_alignment_frame():
    d = diff("Total sebanyak 14 truk yang terbakar di gudang itu.", "Truk yang terbakar ada sekitar 35 unit.")
    df = alignment_frame([d])
    assert next(iter(df["kind"])) == "conflicts" and {"a_text", "b_text", "what"} <= set(df.columns)


@pytest.mark.parametrize(
    "a, b, high",
    [
        ("Iya kan yang +81 nomornya kan", "Iya, kan yang 81 nomornya kan", True),
        (
            "Kami belum mengetahu jumlahnya, nanti kami periksa",
            "Kami belum tahu jumlahnya nanti kami periksa",
            True,
        ),
        ("Saya senang bertemu Anda", "Korea Utara memiliki puluhan juta peluru", False),
    ],
)
def test_token_overlap(a, b, high):
    assert (token_overlap(a, b) >= 0.6) is high


def diff3(bodies, kws=None, titles=None):
    """A story of several outlets' articles (bodies), with optional dates/quotes per article and titles."""
    outlets = ["detik", "kompas", "tempo", "okezone"]
    results, paths = {}, []
    for k, body in enumerate(bodies):
        path = f"a/{k}.txt"
        r = result(path, outlets[k], body, **((kws or [{}] * len(bodies))[k]))
        if titles:
            art = r.article.__class__(
                **{**{f: getattr(r.article, f) for f in r.article.__slots__}, "title": titles[k]}
            )
            r = ArticleResult(
                article=art,
                dates=r.dates,
                quotes=r.quotes,
                claims=tuple(find_claims(body, dates=r.dates, quotes=r.quotes, title=titles[k])),
            )
        results[path] = r
        paths.append(path)
    return compare_story(Story(id="s", title="t", articles=tuple(paths)), results)


def test_conflict_on_name_in_aligned_sentences():
    d = diff(
        "Kecelakaan melibatkan minibus Wira Sakti abu-abu dengan truk Garuda hijau di jalur lambat.",
        "Kecelakaan melibatkan mobil Wira Sakti abu-abu dengan truk Rajawali hijau.",
    )
    assert [c.what for c in d.conflicts] == ["name"]
    assert "Garuda" in d.conflicts[0].note and "Rajawali" in d.conflicts[0].note


def test_name_used_generically_elsewhere_is_still_a_conflict_but_not_when_both_name_it():
    a = "Kecelakaan melibatkan minibus Wira Sakti dengan truk Garuda hijau."
    d = diff(
        a, "Kecelakaan melibatkan mobil Wira Sakti dengan truk Rajawali hijau. Sopir truk garuda itu selamat."
    )
    assert [c.what for c in d.conflicts] == ["name"]  # `truk garuda` in lower case: any heavy truck
    d = diff(
        a, "Kecelakaan melibatkan mobil Wira Sakti dengan truk Rajawali hijau. Truk itu menyusul truk Garuda."
    )
    assert not d.conflicts  # the other article names the Garuda too: two trucks, not two accounts


def test_different_names_without_an_anchor_are_not_a_conflict():
    d = diff(
        "Warga melihat truk Garuda melintas di jalan itu.", "Polisi memeriksa truk Rajawali di pos jaga."
    )
    assert not d.conflicts


def test_conflict_on_administrative_unit():
    d = diff(
        "Kapal terbalik di perairan Dusun Pule, Desa Sukamaju, Kecamatan Sindangsari, "
        "Kabupaten Lembah Hijau.",
        "Rombongan itu berangkat dari Pulau Kecil menuju Desa Sukamaju, Kecamatan Karangjaya, usai "
        "mengangkut pasir.",
    )
    assert [c.what for c in d.conflicts] == ["place"]
    assert "Sindangsari" in d.conflicts[0].note and "Karangjaya" in d.conflicts[0].note


def test_conflict_on_time_of_the_event_with_the_right_partner():
    titles = [
        "Kapal Nelayan Terbalik di Laut Banda",
        "Perahu Terbalik Diterjang Gelombang",
        "Kapal Terbalik, 3 Hilang",
    ]
    bodies = [
        (
            "Mereka berangkat dengan dua perahu motor pada pukul 10.00 WIT. Saat pulang ke darat, satu "
            "perahu terbalik sekitar pukul 14.47 WIT."
        ),
        (
            'Para nelayan berangkat pukul 10.00 WIT dari pulau itu. "Peristiwa ini terjadi sekitar '
            'pukul 12.50 WIT," ujar Dedi dalam jumpa pers.'
        ),
        (
            "Kapal yang dinaiki lima nelayan terbalik di perairan Tanjung Batu, pukul 14:47 WIT. Mereka "
            "berangkat "
            "pukul 10:00 WIT."
        ),
    ]
    kws = [
        {"dates": [("pukul 10.00 WIT", "2024-03-12T10:00"), ("pukul 14.47 WIT", "2024-03-12T14:47")]},
        {
            "dates": [("pukul 10.00 WIT", "2024-03-12T10:00"), ("pukul 12.50 WIT", "2024-03-12T12:50")],
            "quotes": [("Peristiwa ini terjadi sekitar pukul 12.50 WIT", "Dedi Kurniawan")],
        },
        {"dates": [("pukul 14:47 WIT", "2024-03-12T14:47"), ("pukul 10:00 WIT", "2024-03-12T10:00")]},
    ]
    d = diff3(bodies, kws, titles)
    times = [c for c in d.conflicts if c.what == "time"]
    assert len(times) == 2
    for c in times:
        texts = c.a.text + " | " + c.b.text
        assert "12.50" in texts and ("14.47" in texts or "14:47" in texts) and "10" not in c.note
    assert any(
        a.what == "time" and "14.47" in a.a.text + a.b.text and "14:47" in a.a.text + a.b.text
        for a in d.agreements
    )


def test_conflict_on_day_of_one_written_statement_quoted_in_one_outlet_only():
    q = "Pergantian ini diharapkan dapat memperkuat tata kelola perusahaan dalam menghadapi persaingan pasar"
    a = f"“{q},” ujar dia dalam keterangan tertulis, Rabu (13/3/2024)."
    b = (
        f'"Segenap insan PDAM mengucapkan terima kasih kepada seluruh jajaran direksi," kata Rudi Hartanto '
        f"dalam keterangannya, Jakarta, Kamis (14/3/2024).{q}."
    )
    d = diff(
        a,
        b,
        {"quotes": [(q, "Rudi Hartanto")], "dates": [("Rabu (13/3/2024)", "2024-03-13")]},
        {
            "quotes": [
                (
                    "Segenap insan PDAM mengucapkan terima kasih kepada seluruh jajaran direksi",
                    "Rudi Hartanto",
                )
            ],
            "dates": [("Kamis (14/3/2024)", "2024-03-14")],
        },
    )
    assert [c.what for c in d.conflicts] == ["day"]
    assert d.conflicts[0].a.text.startswith("ujar dia") and d.conflicts[0].b.text.startswith("kata Rudi")


def test_same_speaker_on_two_days_with_two_statements_is_not_a_conflict():
    d = diff(
        '"Kami masih menghitung kerugian dari kebakaran itu," ujar Hendra, Selasa (10/6/2025).',
        '"Bus bekas itu akan dilelang tahun depan oleh pemerintah," kata Hendra Wijaya, Rabu (11/6/2025).',
        {
            "quotes": [("Kami masih menghitung kerugian dari kebakaran itu", "Hendra Wijaya")],
            "dates": [("Selasa (10/6/2025)", "2025-06-10")],
        },
        {
            "quotes": [("Bus bekas itu akan dilelang tahun depan oleh pemerintah", "Hendra Wijaya")],
            "dates": [("Rabu (11/6/2025)", "2025-06-11")],
        },
    )
    assert not d.conflicts


def test_venue_inside_a_complex_is_not_a_conflict():
    q = "Sekalipun PT Sinar tidak kita cabut, kita awasi khusus"
    d = diff(
        f'"{q}," beber Rudi di Kompleks Gedung Merdeka, Jakarta Pusat, Selasa (10/6/2025).',
        f'"{q}," kata Rudi dalam konferensi pers di Gedung Merdeka, Selasa (10/6/2025).',
        {"quotes": [(q, "Rudi Hartono")], "dates": [("Selasa (10/6/2025)", "2025-06-10")]},
        {"quotes": [(q, "Rudi Hartono")], "dates": [("Selasa (10/6/2025)", "2025-06-10")]},
    )
    assert not d.conflicts


def test_different_quantities_of_different_things_are_not_a_conflict():
    d = diff(
        "Tercatat lima perusahaan tambang yang memiliki izin di wilayah Pulau Kembang.",
        "Untuk itu, pemerintah mencabut izin empat perusahaan tambang di Pulau Kembang.",
    )
    assert not d.conflicts


def test_failed_and_done_amounts_are_not_a_conflict():
    d = diff(
        "Termasuk juga gagal cair bantuan sebanyak 2,7 juta keluarga.",
        "Bantuan pangan telah disalurkan kepada lebih dari 11 juta keluarga.",
    )
    assert not d.conflicts


def test_conflict_on_kind_of_penalty_when_the_rest_agrees():
    d = diff(
        "Pada 2018, Santoso divonis 15 tahun penjara dan denda Rp 500 juta subsider 3 bulan kurungan.",
        "Sebelumnya, Joko Santoso dijatuhi hukuman 15 tahun penjara dan denda Rp 500 juta subsider tiga "
        "bulan penjara.",
    )
    assert [c.what for c in d.conflicts] == ["number"]
    assert "kurungan" in d.conflicts[0].note and "penjara" in d.conflicts[0].note


def test_amount_conflict_uses_the_best_aligned_sentence():
    d = diff(
        'Sebanyak 14 truk sampah bekas terbakar di pool gudang. "Total 14 truk yang terbakar dari '
        'sebanyak 86 truk yang diparkir," ujar Hendra.',
        '"Truk yang terbakar kira-kira ada sekitar 35 unit," ucapnya.',
        {"quotes": [("Total 14 truk yang terbakar dari sebanyak 86 truk yang diparkir", "Hendra Wijaya")]},
        {"quotes": [("Truk yang terbakar kira-kira ada sekitar 35 unit", "Rahmat Santoso")]},
    )
    assert [c.what for c in d.conflicts] == ["number"]
    assert d.conflicts[0].a.text.startswith('"Total 14 truk')


def test_shared_quote_near_verbatim_and_as_a_sentence_of_a_longer_quote():
    qa = "Total sebanyak 14 truk yang terbakar dari sebanyak 86 truk yang diparkir"
    qb = "Total 14 truk yang terbakar dari sebanyak 86 truk yang diparkir"
    d = diff(
        f'"{qa}," ujar Hendra.',
        f'"{qb}," kata Hendra Wijaya.',
        {"quotes": [(qa, "Hendra")]},
        {"quotes": [(qb, "Hendra Wijaya")]},
    )
    assert len(d.shared_quotes) == 1
    long = (
        "Dengan memperhatikan tinggi muka air, banjir ini merupakan banjir kiriman. Hasil pengukuran debit "
        "sungai menunjukkan bahwa air bah memiliki kecepatan aliran sangat tinggi"
    )
    short = "Hasil pengukuran debit sungai menunjukkan bahwa airbah memiliki kecepatan aliran sangat tinggi"
    d = diff(
        f'"{long}," kata Sutrisno.',
        f'"{short}," ujar Kepala Balai Sungai Sutrisno.',
        {"quotes": [(long, "Sutrisno")]},
        {"quotes": [(short, "Sutrisno")]},
    )
    (sq,) = d.shared_quotes
    assert sq.a.text.startswith("Hasil pengukuran") and sq.a.text in long


def test_shared_quote_across_speaker_forms_and_spelling_variants():
    qa = "Saudara tahu nggak yang dikirim itu pesan dari nomor dalam negeri atau luar negeri"
    qb = "Saudara tahu enggak yang dikirim itu pesan dari nomor dalam negeri atau luar negeri"
    d = diff(
        f'"{qa}?" tanya jaksa Budi Hartanto.',
        f'"{qb}?" tanya JaksaKPK.',
        {"quotes": [(qa, "Budi Hartanto")]},
        {"quotes": [(qb, "JaksaKPK")]},
    )
    assert len(d.shared_quotes) == 1


def test_scattered_words_are_not_a_shared_quote():
    qa = "Tapi, nanti kita periksa lebih dalam"
    qb = (
        "Tapi kami sudah bertemu dengan dinas dan nanti kita akan periksa datanya satu per satu agar lebih "
        "cepat dan lebih tepat sasaran dalam penyalurannya"
    )
    d = diff(
        f'"{qa}," kata Pak Haryanto.',
        f'"{qb}," kata Haryanto Wibisono.',
        {"quotes": [(qa, "Haryanto Wibisono")]},
        {"quotes": [(qb, "Haryanto Wibisono")]},
    )
    assert not d.shared_quotes


def test_direct_and_indirect_quote_is_not_shared():
    q = "gempa ini tidak berpotensi tsunami karena kedalamannya"
    ra = result("a/1.txt", "detik", f'"{q}," kata Sutrisno.', quotes=[(q, "Sutrisno")])
    body = f"Sutrisno mengatakan {q}."
    i = body.index(q)
    rb = ArticleResult(
        article=result("a/2.txt", "kompas", body).article,
        quotes=(Quote(i, i + len(q), q, "indirect", "Sutrisno"),),
    )
    d = compare_story(
        Story(id="s", title="t", articles=("a/1.txt", "a/2.txt")), {"a/1.txt": ra, "a/2.txt": rb}
    )
    assert not d.shared_quotes


def titled(path, outlet, title, body):
    art = Article(
        id=path,
        path=path,
        outlet=outlet,
        outlet_evidence=Evidence(outlet, "test"),
        title=title,
        published="2023-09-12",
        published_evidence=Evidence("2023-09-12", "test"),
        body=body,
    )
    return ArticleResult(article=art, claims=tuple(find_claims(body, title=title)))


def venue_diff(*arts):
    rs = {
        f"v/{i}.txt": titled(f"v/{i}.txt", outlet, title, body)
        for i, (outlet, title, body) in enumerate(arts)
    }
    return compare_story(Story(id="s", title="t", articles=tuple(rs)), rs)


def venue_conflicts(d):
    return [c for c in d.conflicts if c.what == "place"]


def test_planned_venue_against_reported_venue_is_a_conflict():
    d = venue_diff(
        (
            "cekricek",
            "Kim Akan Bertemu Putin",
            (
                "Kim dikabarkan akan bertemu Putin pekan ini. Diperkirakan pertemuan akan berlangsung di "
                "kota "
                "pelabuhan Vladivostok, Rusia, mengingat lokasinya yang dekat."
            ),
        ),
        (
            "egindo",
            "Kim Bertemu Putin",
            (
                "Kim bertemu Putin pada Rabu. Putin menyambutnya di Vostochny Cosmodrome, fasilitas "
                "peluncuran "
                "luar angkasa di wilayah Amur."
            ),
        ),
    )
    cs = venue_conflicts(d)
    assert len(cs) == 1
    assert "Vladivostok (plan)" in cs[0].note and "Vostochny Cosmodrome (report)" in cs[0].note
    assert "berlangsung di kota pelabuhan Vladivostok" in cs[0].a.text


def test_city_against_its_region_or_country_is_not_a_conflict():
    d = venue_diff(
        ("a", "Kim Bertemu Putin", "Kim bertemu Putin di Vladivostok pada Rabu."),
        ("b", "Kim Bertemu Putin", "Kim bertemu Putin di Timur Jauh Rusia pada Rabu."),
        ("c", "Kim Bertemu Putin", "Kim bertemu Putin di Rusia pada Rabu."),
        ("d", "Kim Bertemu Putin", "Kim bertemu Putin di wilayah Amur pada Rabu."),
    )
    assert not venue_conflicts(d)


def test_site_the_other_outlet_places_in_the_city_is_not_a_conflict():
    d = venue_diff(
        ("a", "Jokowi Bertemu Anwar", "Jokowi bertemu Anwar di Istana Bogor pada Selasa."),
        (
            "b",
            "Jokowi Bertemu Anwar",
            "Jokowi bertemu Anwar di Bogor. Pertemuan di Istana Bogor, Bogor, hangat.",
        ),
    )
    assert not venue_conflicts(d)


def test_same_venue_is_not_a_conflict():
    d = venue_diff(
        ("a", "Kim Bertemu Putin", "Kim bertemu Putin di Vostochny Cosmodrome pada Rabu."),
        ("b", "Kim Bertemu Putin", "Putin menyambut Kim di Vostochny Cosmodrome, kata media pemerintah."),
    )
    assert not venue_conflicts(d)


def test_headline_venue_against_its_own_body_is_a_conflict_with_the_title_side_marked():
    d = venue_diff(
        (
            "a",
            "Kim Bertemu Putin Di Moskow, Washington Curiga",
            "Kim bertemu Putin pada Rabu. Putin menyambutnya di Vostochny Cosmodrome, fasilitas peluncuran.",
        ),
        (
            "b",
            "Kim Tiba Untuk Bertemu Putin",
            "Kim tiba di Rusia untuk bertemu Putin. Kremlin di Moskow diam.",
        ),
    )
    cs = venue_conflicts(d)
    assert len(cs) == 1 and cs[0].a.path == cs[0].b.path
    assert cs[0].a.in_title and cs[0].a.text.startswith("Kim Bertemu Putin Di Moskow")
    assert cs[0].to_dict()["a"]["in_title"] is True


def test_earlier_meeting_is_not_the_story_venue():
    d = venue_diff(
        ("a", "Kim Bertemu Putin", "Kim bertemu Putin di Vostochny Cosmodrome pada Rabu."),
        ("b", "Kim Akan Bertemu Putin", "Kim terakhir kali bertemu Putin di Vladivostok pada April 2019."),
    )
    assert not venue_conflicts(d)


# ---------------------------------------------------------------- slots of the redesign (invented sentences)


def with_people(r: ArticleResult, *names: str) -> ArticleResult:
    """The result with a PERSON mention for every occurrence of each name (no NER in these tests)."""
    import dataclasses
    import re as _re

    from newsscan.records import Mention

    body = r.article.body
    ms = [
        Mention(m.start(), m.end(), n, "PERSON", n) for n in names for m in _re.finditer(_re.escape(n), body)
    ]
    return dataclasses.replace(r, entities=tuple(ms))


def diff_people(a_body, b_body, names):
    ra = with_people(result("a/1.txt", "detik", a_body), *names)
    rb = with_people(result("a/2.txt", "kompas", b_body), *names)
    story = Story(id="s1", title="t", articles=("a/1.txt", "a/2.txt"))
    return compare_story(story, {"a/1.txt": ra, "a/2.txt": rb})


def test_conflict_on_an_upper_limit_when_the_lower_limit_agrees():
    d = diff(
        "Menurut aturan itu, calon ketua berusia paling rendah 30 tahun dan paling tinggi 55 tahun.",
        "Aturan itu mensyaratkan calon ketua berusia minimal 30 tahun dan maksimal 60 tahun.",
    )
    assert [c.what for c in d.conflicts] == ["limit"]
    assert "55" in d.conflicts[0].note and "60" in d.conflicts[0].note


def test_same_limits_are_no_conflict():
    d = diff(
        "Menurut aturan itu, calon ketua berusia paling rendah 30 tahun dan paling tinggi 55 tahun.",
        "Aturan itu mensyaratkan calon ketua berusia minimal 30 tahun dan maksimal 55 tahun.",
    )
    assert not d.conflicts


def test_conflict_on_the_age_of_one_person():
    d = diff_people(
        "Penjaga toko bernama Rahmat (41) melihat asap keluar dari gudang.",
        "Rahmat (47), seorang penjaga toko, melihat asap keluar dari gudang.",
        ["Rahmat"],
    )
    assert [(c.what, c.values) for c in d.conflicts] == [("age", ("Rahmat 41", "Rahmat 47"))]
    assert "Rahmat (41)" in d.conflicts[0].a.text and "Rahmat (47)" in d.conflicts[0].b.text


def test_ages_of_two_people_are_never_paired():
    d = diff_people(
        "Penjaga toko bernama Rahmat (41) melihat asap keluar dari gudang.",
        "Sutrisno (47), seorang penjaga toko, melihat asap keluar dari gudang.",
        ["Rahmat", "Sutrisno"],
    )
    assert not [c for c in d.conflicts if c.what == "age"]


def test_an_age_the_other_article_also_gives_is_no_conflict():
    d = diff_people(
        "Rahmat (41) melihat asap. Tahun lalu Rahmat (40) pindah ke kota itu.",
        "Rahmat (40) melihat asap keluar dari gudang.",
        ["Rahmat"],
    )
    assert not [c for c in d.conflicts if c.what == "age"]


def test_conflict_on_a_registration_one_misprint_apart():
    d = diff(
        "Sebuah mobil berpelat B 1234 XY menabrak pagar rumah warga.",
        "Mobil bernopol B 1243 XY itu menabrak pagar sebuah rumah.",
    )
    assert [c.what for c in d.conflicts] == ["identifier"]
    assert d.conflicts[0].note == "B 1234 XY / B 1243 XY"


def test_registrations_of_two_vehicles_are_no_conflict():
    d = diff(
        "Sebuah mobil berpelat B 1234 XY menabrak pagar rumah warga.",
        "Mobil bernopol B 8810 KQ itu menabrak pagar sebuah rumah.",
    )
    assert not [c for c in d.conflicts if c.what == "identifier"]


def test_two_actions_on_two_days_are_two_events():
    d = diff(
        "Polisi menutup jalan di depan pasar itu pada Senin (9/6/2025) untuk umum.",
        "Polisi membuka jalan di depan pasar itu pada Selasa (10/6/2025) untuk umum.",
        {"dates": [("Senin (9/6/2025)", "2025-06-09")]},
        {"dates": [("Selasa (10/6/2025)", "2025-06-10")]},
    )
    assert not d.conflicts


def test_each_outlets_today_is_no_day_conflict():
    d = diff(
        "Bursa mengumumkan penghentian perdagangan saham itu hari ini kepada para anggota.",
        "Bursa mengumumkan penghentian perdagangan saham itu hari ini kepada seluruh anggota.",
        {"dates": [("hari ini", "2025-06-09")]},
        {"dates": [("hari ini", "2025-06-10")]},
    )
    assert not d.conflicts


def test_quote_missed_by_the_other_quote_layer_is_shared_with_its_own_speaker_left_open():
    q = "Kami akan memperbaiki seluruh saluran air sebelum musim hujan tiba di kota ini"
    d = diff(
        f'"{q}," kata Lurah Sukamaju Andi Wijaya.',
        f"Warga mengeluh soal banjir.”{q},” ujar Andi.",
        {"quotes": [(q, "Andi Wijaya")]},
        {},
    )
    assert len(d.shared_quotes) == 1
    s = d.shared_quotes[0]
    assert s.a.text == q and s.b.text == q and s.b.speaker is None


def test_state_asserted_against_state_negated_is_a_conflict():
    d = diff(
        "Petugas menemukan luka di leher korban itu.",
        "Menurut polisi, petugas tidak menemukan luka di tubuh korban itu.",
    )
    assert [c.what for c in d.conflicts] == ["state"]
    assert d.conflicts[0].values == ("temu luka", "not temu luka")


def test_state_denied_by_a_speaker_is_a_conflict():
    d = diff(
        "Akibat kejadian itu, sopir bus mengalami patah tulang di lengan kanan.",
        "Kepala dinas membantah, jika sopir bus mengalami patah tulang setelah kejadian itu.",
    )
    assert [c.what for c in d.conflicts] == ["state"]


@pytest.mark.parametrize(
    "negated",
    [
        "Tidak hanya itu, petugas menemukan luka di tubuh korban.",  # "not only that": no denial
        "Hingga kini petugas belum menemukan luka di tubuh korban.",  # not yet: an update, not a denial
        "Petugas diduga tidak menemukan luka di tubuh korban.",  # a guess states no fact
        "Pemerintah tidak mencabut izin usaha milik PT Sinar Jaya di kota itu.",  # another owner's licence
    ],
)
def test_what_is_no_state_conflict(negated):
    asserted = (
        "Petugas menemukan luka di tubuh korban."
        if "izin" not in negated
        else "Pemerintah mencabut izin usaha empat perusahaan di kota itu."
    )
    d = diff(asserted, negated)
    assert not [c for c in d.conflicts if c.what == "state"]


def titled_result(path, outlet, title, body):
    import dataclasses

    r = result(path, outlet, body)
    return dataclasses.replace(r, article=dataclasses.replace(r.article, title=title))


def diff_titled(a, b):
    ra, rb = titled_result("a/1.txt", "detik", *a), titled_result("a/2.txt", "kompas", *b)
    story = Story(id="s1", title="t", articles=("a/1.txt", "a/2.txt"))
    return compare_story(story, {"a/1.txt": ra, "a/2.txt": rb})


def test_container_of_the_story_thing_is_a_description_conflict():
    d = diff_titled(
        (
            "Koper Berisi Uang Ditemukan di Stasiun",
            "Sebuah koper berisi uang ditemukan dalam kardus di peron.",
        ),
        (
            "Koper Berisi Uang Ditemukan Petugas",
            "Petugas menemukan koper berisi uang di dalam sebuah karung.",
        ),
    )
    assert [(c.what, c.values) for c in d.conflicts] == [("container", ("kardus (box)", "karung (sack)"))]


def test_ground_of_the_story_thing_is_a_description_conflict():
    d = diff_titled(
        ("Bangkai Sapi Ditemukan Warga", "Bangkai sapi itu tergeletak di trotoar dekat pasar."),
        ("Bangkai Sapi Gegerkan Warga", "Warga melihat bangkai sapi di dalam selokan dekat pasar."),
    )
    assert [c.what for c in d.conflicts] == ["ground"]


def test_one_kind_in_two_words_and_things_the_story_is_not_about_are_no_description_conflict():
    d = diff_titled(
        ("Koper Berisi Uang Ditemukan", "Sebuah koper berisi uang ditemukan dalam tas di peron."),
        ("Koper Berisi Uang Ditemukan", "Petugas menemukan koper berisi uang dalam kantong plastik."),
    )
    assert not d.conflicts
    d = diff_titled(
        ("Koper Berisi Uang Ditemukan", "Sebuah koper ditemukan di peron. Sampah menumpuk di trotoar."),
        ("Koper Berisi Uang Ditemukan", "Petugas menemukan koper di peron. Air menggenang di selokan."),
    )
    assert not [c for c in d.conflicts if c.what == "ground"]


def test_count_that_grows_hours_later_is_an_update_not_a_conflict():
    import dataclasses

    def at(r, hhmm):
        return dataclasses.replace(r, article=dataclasses.replace(r.article, published_time=hhmm))

    ra = at(result("a/1.txt", "detik", "Korban tewas akibat banjir bandang itu sebanyak 12 orang."), "08:00")
    rb = at(result("a/2.txt", "kompas", "Korban tewas akibat banjir bandang itu sebanyak 17 orang."), "15:30")
    story = Story(id="s1", title="t", articles=("a/1.txt", "a/2.txt"))
    d = compare_story(story, {"a/1.txt": ra, "a/2.txt": rb})
    assert not d.conflicts
    assert [(u.what, u.later) for u in d.updates] == [("number", "b")]
    assert d.to_dict()["updates"][0]["later"] == "b"


def test_same_count_minutes_apart_stays_a_conflict():
    import dataclasses

    def at(r, hhmm):
        return dataclasses.replace(r, article=dataclasses.replace(r.article, published_time=hhmm))

    ra = at(result("a/1.txt", "detik", "Korban tewas akibat banjir bandang itu sebanyak 12 orang."), "08:00")
    rb = at(result("a/2.txt", "kompas", "Korban tewas akibat banjir bandang itu sebanyak 17 orang."), "08:20")
    story = Story(id="s1", title="t", articles=("a/1.txt", "a/2.txt"))
    d = compare_story(story, {"a/1.txt": ra, "a/2.txt": rb})
    assert [c.what for c in d.conflicts] == ["number"] and not d.updates


def test_sentences_in_nearly_the_same_words_agree():
    d = diff(
        "Rapat itu memutuskan bahwa seluruh sekolah di kabupaten tersebut libur selama tiga hari ke depan.",
        "Hasil rapat, seluruh sekolah di kabupaten tersebut libur selama tiga hari ke depan.",
    )
    assert d.agreements and not d.conflicts


def test_a_paraphrase_in_other_word_order_agrees():
    a = "Saat ditemukan, pelaku mengenakan jaket kulit hitam, celana jeans biru dan topi merah."
    b = "Dengan topi merah dan celana jeans biru, pelaku yang berjaket kulit hitam itu ditemukan warga."
    assert token_overlap(a, b) < 0.6  # not the same words in order: the content words decide
    d = diff(a, b)
    assert [(x.a.text, x.b.text) for x in d.agreements if x.what == "statement"]
    assert not d.conflicts


def test_same_content_words_with_another_number_do_not_agree():
    d = diff(
        "Pemerintah daerah menargetkan jumlah wisatawan naik 5 persen tahun depan.",
        "Tahun depan jumlah wisatawan ditargetkan pemerintah daerah naik 8 persen.",
    )
    assert not [x for x in d.agreements if x.what == "statement"]


def test_two_weekdays_for_one_written_date_conflict():
    # 9 June 2025 was a Monday: the second outlet's weekday is wrong, and the note says so
    d = diff(
        "Banjir merendam ratusan rumah warga pada Senin (9/6/2025) dini hari.",
        "Ratusan rumah warga terendam banjir pada Selasa (9/6/2025) dini hari.",
        {"dates": [("Senin (9/6/2025)", "2025-06-09")]},
        {"dates": [("Selasa (9/6/2025)", "2025-06-09")]},
    )
    notes = [c.note for c in d.conflicts if c.what == "day"]
    assert notes == ["senin / selasa 2025-06-09 (senin by the calendar)"]


def test_a_weekday_without_a_written_date_is_not_compared_with_one():
    # a bare weekday is resolved from the publication date, not written beside the date: nothing to compare
    d = diff(
        "Banjir merendam ratusan rumah warga pada Senin (9/6/2025) dini hari.",
        "Ratusan rumah warga terendam banjir pada Selasa dini hari.",
        {"dates": [("Senin (9/6/2025)", "2025-06-09")]},
        {"dates": [("Selasa", "2025-06-09")]},
    )
    assert not [c for c in d.conflicts if c.what == "day"]


def test_headline_against_body_is_marked():
    from newsscan.compare import DiffItem, Side

    a = Side("a/1.txt", "x", "Gempa di Kota A", 0, 15, "headline", in_title=True)
    b = Side("a/2.txt", "y", "Gempa terjadi di Kota B.", 0, 24, "event")
    assert DiffItem("place", a, b, note="Kota A / Kota B").to_dict()["headline_vs_body"] is True
    assert "headline_vs_body" not in DiffItem("place", b, b).to_dict()


def test_shared_quote_with_a_gloss_in_brackets_and_another_speaker_upstream():
    qa = ("Kami sudah memanggil Ahmad Fauzi, Budi Santoso, Citra Lestari, dan Dedi Kurniawan "
          "untuk diperiksa pekan ini")
    qb = (
        "Kami sudah memanggil Ahmad Fauzi (Direktur PT Maju), Budi Santoso (Bendahara PT Maju), Citra "
        "Lestari "
        "(staf keuangan), dan Dedi Kurniawan untuk diperiksa pekan ini"
    )
    d = diff(
        f'"{qa}," kata juru bicara itu.',
        f'"{qb}," ujar Rina Wulandari.',
        {"quotes": [(qa, "PT Maju")]},
        {"quotes": [(qb, "Rina Wulandari")]},
    )
    assert len(d.shared_quotes) == 1
    assert (d.shared_quotes[0].a.speaker, d.shared_quotes[0].b.speaker) == ("PT Maju", "Rina Wulandari")


def test_same_clock_time_of_one_act_is_an_agreement():
    d = diff(
        "Warga menemukan dompet itu di halte sekitar pukul 07.15 WIB ketika hendak berangkat kerja.",
        "Dompet tersebut ditemukan seorang warga sekitar pukul 07.15 WIB di sebuah halte bus.",
    )
    assert d.agreements and not d.conflicts


def test_same_registration_is_an_agreement_not_a_conflict():
    d = diff(
        "Sebuah mobil berpelat B 1234 XY menabrak pagar rumah warga.",
        "Mobil bernopol B 1234 XY itu kemudian diamankan polisi.",
    )
    assert not d.conflicts
    assert [a.what for a in d.agreements if a.what == "identifier"] == ["identifier"]


def test_day_an_outlet_consulted_a_source_is_not_the_events_day():
    d = diff(
        "Data jumlah pengungsi di laman resmi pemerintah daerah itu diakses pada Senin (9/6/2025).",
        "Data jumlah pengungsi di laman resmi pemerintah daerah itu dibaca pada Selasa (10/6/2025).",
        {"dates": [("Senin (9/6/2025)", "2025-06-09")]},
        {"dates": [("Selasa (10/6/2025)", "2025-06-10")]},
    )
    assert not d.conflicts


def test_an_estimate_against_a_count_is_no_number_conflict():
    d = diff(
        "Acara itu diperkirakan dihadiri 600 peserta dari berbagai daerah.",
        "Acara itu dihadiri 450 peserta dari berbagai daerah.",
    )
    assert not [c for c in d.conflicts if c.what == "number"]


def test_demanded_and_decided_amounts_are_two_quantities():
    d = diff(
        "Jaksa menuntut terdakwa dengan hukuman 10 tahun penjara dalam sidang itu.",
        "Hakim memvonis terdakwa dengan hukuman 8 tahun penjara dalam sidang itu.",
    )
    assert not [c for c in d.conflicts if c.what == "number"]


def test_a_verb_completing_a_noun_or_a_preposition_is_no_state():
    d = diff(
        "Bank sentral tidak menaikkan suku bunga acuan bulan ini.",
        "Keputusan menaikkan suku bunga acuan diambil setelah rapat dewan gubernur.",
    )
    assert not [c for c in d.conflicts if c.what == "state"]
    d = diff(
        "Pemerintah tidak main-main terhadap pencurian ikan di perairan itu.",
        "Kapal itu ditenggelamkan terhadap pencurian ikan di perairan itu.",
    )
    assert not [c for c in d.conflicts if c.what == "state"]


def test_a_ground_far_from_the_thing_describes_something_else():
    far = ("Koper berisi uang ditemukan petugas kebersihan yang sedang bekerja sejak subuh bersama "
           "rekan-rekannya di trotoar.")
    d = diff_titled(
        ("Koper Berisi Uang Ditemukan", far),
        ("Koper Berisi Uang Ditemukan", "Koper berisi uang itu tergeletak di selokan dekat stasiun."),
    )
    assert not [c for c in d.conflicts if c.what == "ground"]
    d = diff_titled(
        ("Koper Berisi Uang Ditemukan", "Koper berisi uang ditemukan dalam sebuah kardus besar di trotoar."),
        ("Koper Berisi Uang Ditemukan", "Koper berisi uang itu tergeletak di selokan dekat stasiun."),
    )
    assert [c.what for c in d.conflicts if c.what == "ground"] == ["ground"]  # the ground of its container
