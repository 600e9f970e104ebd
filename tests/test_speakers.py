"""Speakers resolved to the people of the article (issue #18): the fullest form the article gives, a title
the tables lack moved to the role, a name spelled one letter apart, an English title before an organisation.
Every sentence is invented."""
from __future__ import annotations

import pytest

from newsscan.quotes import find_quotes


def speakers(body: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in find_quotes(body)]


@pytest.mark.parametrize(
    "body, text, speaker",
    [
        # a short title the tables lack, before the first name of a person introduced in full
        (
            (
                "Gubernur Nusa Tenggara (Nuteng) Rudi Hartawan meninjau banjir di Kupang. Gubnut Rudi "
                "mengatakan bantuan "
                "sudah dikirim ke semua kecamatan."
            ),
            "bantuan sudah dikirim ke semua kecamatan",
            "Rudi Hartawan",
        ),
        # an initial keeps its dot; a first name resolves to the full form
        (
            (
                "Sari W. Lestari, Kepala Balai Benih, meresmikan gudang baru. “Kami siap menyalurkan "
                "benih,” kata Sari."
            ),
            "Kami siap menyalurkan benih",
            "Sari W. Lestari",
        ),
        # the same person spelled one letter apart later in the article
        (
            (
                "Direktur Utama PT Sinar Pangan, Bambang Santosa, menjelaskan bahwa harga beras stabil. "
                "“Stok kami cukup "
                "sampai Lebaran,” kata Santoso."
            ),
            "Stok kami cukup sampai Lebaran",
            "Bambang Santosa",
        ),
        # an English title, its organisation, then the holder's name
        (
            "Head of Nusantara Institute Bayu Pratama mengatakan bahwa riset itu selesai tahun depan.",
            "riset itu selesai tahun depan",
            "Bayu Pratama",
        ),
        # a nominalised noun (ke-…-an, pe-…-an) is the scope of a role, not a given name
        (
            "Direktur Pemasaran Wulan Sari menyampaikan bahwa penjualan naik dua kali lipat.",
            "penjualan naik dua kali lipat",
            "Wulan Sari",
        ),
    ],
)
def test_speaker_is_the_fullest_form_of_a_person_of_the_article(body, text, speaker):
    assert (text, speaker) in speakers(body)


def test_people_who_share_a_name_part_stay_apart():
    body = (
        "Menteri Luar Negeri Andi Kusuma bertemu Rina Andi, peneliti senior. “Kerja sama ini penting,” kata "
        "Rina Andi."
    )
    assert ("Kerja sama ini penting", "Rina Andi") in speakers(body)


def test_a_word_of_a_sentence_glued_to_the_next_is_not_part_of_the_name():
    body = (
        "Harga cabai turun tajam pekan ini.Dewi K. Anggraini, Kepala Dinas Pasar, meninjau pasar. "
        "“Pasokan melimpah,” kata Dewi."
    )
    assert ("Pasokan melimpah", "Dewi K. Anggraini") in speakers(body)


def test_organisation_speaker_drops_its_defined_short_form_but_keeps_a_legal_form():
    body = (
        "Otoritas Pelabuhan Nusantara (OPN) menyatakan bahwa kapal sudah boleh berlayar. "
        "PT Kapal Jaya (Persero) menyebut bahwa tiket sudah habis terjual."
    )
    got = dict(speakers(body))
    assert got["kapal sudah boleh berlayar"] == "Otoritas Pelabuhan Nusantara"
    assert got["tiket sudah habis terjual"] == "PT Kapal Jaya (Persero)"


@pytest.mark.parametrize(
    "body, text",
    [
        (
            (
                "Bupati Hendra Wijaya meninjau pasar. “Harga stabil,” kata Hendra. Mantan Ketua Umum "
                "Persatuan Petani itu "
                "juga mengingatkan bahwa pasokan pupuk harus dijaga."
            ),
            "pasokan pupuk harus dijaga",
        ),
        (
            (
                "Bupati Hendra Wijaya meninjau pasar. “Harga stabil,” kata Hendra. “Kami terus memantau,” "
                "kata Politikus "
                "asal daerah pemilihan Jawa Tengah ini."
            ),
            "Kami terus memantau",
        ),
    ],
)
def test_an_epithet_ending_in_a_demonstrative_is_the_person_spoken_of_before(body, text):
    assert (text, "Hendra Wijaya") in speakers(body)


def test_a_clause_after_the_speaker_is_no_epithet():
    body = (
        "Korea Selatan dan Jepang telah memperingatkan bahwa kesepakatan semacam itu melanggar resolusi. "
        "“Kami siap,” kata Presiden Andi Saputra."
    )
    got = dict(speakers(body))
    assert got["kesepakatan semacam itu melanggar resolusi"] == "Korea Selatan dan Jepang"


def test_a_nickname_given_as_x_demikian_y_disapa():
    body = (
        "Bayu, demikian Bayu Anggara disapa, hadir di pengadilan. Bayu mengatakan bahwa semua bukti sudah "
        "diserahkan."
    )
    assert ("semua bukti sudah diserahkan", "Bayu Anggara") in speakers(body)


def test_a_speaker_name_does_not_run_over_a_line_break():
    body = ("Kapolsek Darmawan Saleh hadir.\r\n“Kami masih menyelidiki,” kata Darmawan\r\n"
            "Hingga kini polisi belum menahan siapa pun.")
    assert ("Kami masih menyelidiki", "Darmawan Saleh") in speakers(body)


def test_a_unit_name_the_body_writes_elsewhere_is_not_part_of_the_person_s_name():
    body = (
        "Petugas Polda Nusa Jaya menutup jalan. Kasubdit Gakkum Polda Nusa Jaya Wiryawan menutup jalan itu.\n"
        "“Kami minta warga bersabar,” kata Wiriawan."
    )
    assert ("Kami minta warga bersabar", "Wiryawan") in speakers(body)


@pytest.mark.parametrize(
    "body, text, speaker",
    [
        # a titled person made the subject after the last speaker: `ujarnya` is that person
        (
            (
                "“Jembatan sudah aman,” kata Budi Hartono. Sementara itu, Kepala Desa Rina Wati membantah "
                "kabar itu. "
                "“Tidak benar ada korban,” ujarnya."
            ),
            "Tidak benar ada korban",
            "Rina Wati",
        ),
        # a person introduced with an age, then made the subject
        (
            (
                "“Kami siap,” kata Budi Hartono. Seorang pedagang, yakni Sari Lestari (45), datang ke "
                "lokasi. Sari yang "
                "sudah berjualan sejak 2010 itu pernah mengalami banjir. “Air setinggi lutut,” ucapnya."
            ),
            "Air setinggi lutut",
            "Sari Lestari",
        ),
    ],
)
def test_a_pronoun_points_to_the_person_just_made_the_subject(body, text, speaker):
    assert (text, speaker) in speakers(body)


@pytest.mark.parametrize(
    "body",
    [
        # the subject is acted on (a passive) or described (a copula): the last speaker stays
        (
            "“Jembatan sudah aman,” kata Budi Hartono. Wakil Bupati Rina Wati diangkat menjadi ketua tim. "
            "“Tim bekerja mulai besok,” ujarnya."
        ),
        (
            "“Jembatan sudah aman,” kata Budi Hartono. Korban, Dodi Saputra, adalah mahasiswa teknik. "
            "“Kami kehilangan dia,” ujarnya."
        ),
    ],
)
def test_a_subject_that_does_not_act_is_not_the_antecedent(body):
    assert all(s == "Budi Hartono" for _, s in speakers(body))


def test_a_single_name_after_a_title_and_a_comma_is_a_person_of_the_article():
    body = (
        "Direktur Jenderal Perdagangan Luar Negeri Kementerian Perdagangan, Hartono mencatat bahwa ekspor "
        "naik. "
        "“Pasar kita makin luas,” ujar Hartano."
    )
    assert ("Pasar kita makin luas", "Hartono") in speakers(body)


def test_dia_before_any_speaker_is_the_person_introduced_with_bernama():
    body = (
        "Seorang guru di Kecamatan Sukamaju bernama Lina Marlina melapor ke kantor desa. “Saya sudah tidak "
        "layak menerima bantuan,” kata dia."
    )
    assert ("Saya sudah tidak layak menerima bantuan", "Lina Marlina") in speakers(body)


@pytest.mark.parametrize(
    "body",
    [
        "Persib sudah berlatih sejak pekan lalu. Termasuk menjelaskan bahwa jadwal latihan akan ditambah.",
        "Tim itu kalah dua kali. Meski menegaskan bahwa timnya siap bertanding lagi pekan depan.",
    ],
)
def test_a_clause_word_is_never_a_speaker(body):
    assert all(s is None or s.split()[0] not in ("Termasuk", "Meski") for _, s in speakers(body))


@pytest.mark.parametrize(
    "body, text, speaker",
    [
        # a regulation speaks as a document, named in full
        (
            "UU Pangan No 18 Tahun 2012 menyebutkan bahwa negara wajib menjamin ketersediaan pangan.",
            "negara wajib menjamin ketersediaan pangan",
            "UU Pangan No 18 Tahun 2012",
        ),
        # common words around an organisation's name go; its fullest company form stays
        (
            (
                "Saham PT Bank Sentosa Raya Tbk. naik. Dalam keterangan resmi, Bank Sentosa menyatakan "
                "bahwa rencana "
                "merger masih dikaji."
            ),
            "rencana merger masih dikaji",
            "PT Bank Sentosa Raya Tbk.",
        ),
        (
            (
                "Komisi Pengawas Persaingan Usaha (KPPU) memeriksa dua perusahaan. KPPU ternyata juga "
                "meminta kedua "
                "perusahaan agar menyerahkan dokumen kontrak."
            ),
            "kedua perusahaan agar menyerahkan dokumen kontrak",
            "Komisi Pengawas Persaingan Usaha",
        ),
    ],
)
def test_documents_and_organisations_as_the_article_names_them(body, text, speaker):
    assert (text, speaker) in speakers(body)


def test_a_nickname_given_inside_an_epithet_belongs_to_the_person_spoken_of_before():
    body = (
        "“Laporan kami ditolak,” ujar Direktur Pemberitaan, Bambang Sutrisno. Pria yang akrab disapa Tommy "
        "ini "
        "menyayangkan keputusan itu.\nTommy menambahkan, pihaknya akan mengajukan bukti baru."
    )
    assert ("pihaknya akan mengajukan bukti baru", "Bambang Sutrisno") in speakers(body)


@pytest.mark.parametrize(
    "body, speaker",
    [
        (
            "“Kabar itu hoaks,” kata Kabid Humas Polda Nusa Kombes Pol. Hendra Gunawan di Kupang.",
            "Hendra Gunawan",
        ),
        ("“Gaji naik tahun depan,” kata Menteri Ketenagakerjaan M. Rizal Hartono.", "M. Rizal Hartono"),
    ],
)
def test_the_full_stop_of_a_short_title_or_an_initial_does_not_end_the_speaker(body, speaker):
    assert next(s for _, s in speakers(body)) == speaker


@pytest.mark.parametrize(
    "body",
    [
        "Pemain itu belum memberi kabar. Kabar menyebutkan bahwa pemain itu segera pindah ke klub lain.",
        "Unggahan itu dihapus. Facebooknya menyebutkan bahwa akun tersebut melanggar aturan.",
    ],
)
def test_a_common_noun_or_a_possessed_noun_is_never_a_speaker(body):
    assert [s for _, s in speakers(body) if s] == []


def test_a_title_and_its_place_without_a_named_holder_stays_a_descriptor():
    body = "Gubernur Jakarta menyatakan bahwa banjir sudah surut di semua wilayah."
    [(_, s)] = speakers(body)
    assert s == "gubernur Jakarta"


def test_menurut_dia_is_the_subject_just_named_not_the_last_name_in_the_sentence():
    body = (
        "“Saya kecewa,” kata Budi Santoso. Rina Wulandari, kakaknya, ingin Budi minta maaf. Menurut dia, "
        "Budi "
        "sudah keterlaluan."
    )
    assert ("Budi sudah keterlaluan", "Rina Wulandari") in speakers(body)


def test_an_ner_organisation_over_plain_name_words_leaves_the_name_whole():
    # the NER took the person's first two words for an organisation: with no head word, acronym or one-word
    # short name to show it is one, its words stay name words and the speaker keeps the whole name
    from newsscan.records import Mention

    body = ("Direktur Komunikasi Program Bantuan Usaha Rinto Wahyu Saputra mengatakan, bantuan usaha sudah "
            "cair ke ribuan peserta.")
    at = body.index("Rinto Wahyu")
    ner = [Mention(at, at + len("Rinto Wahyu"), "Rinto Wahyu", "ORG", "Rinto Wahyu")]
    assert [q.speaker for q in find_quotes(body, ner)] == ["Rinto Wahyu Saputra"]


def test_a_description_that_names_its_person_gives_the_name():
    body = ("Sementara itu, penemu dompet bernama Karim (58) yang merupakan penjaga sekolah, menjelaskan, "
            "dia menemukan dompet saat tengah menyapu halaman. Karim lalu melapor ke polisi.")
    (q,) = find_quotes(body)
    assert (q.speaker, q.speaker_role, q.anonymous) == ("Karim", "penemu dompet", False)


@pytest.mark.parametrize("body", [
    "Harga beras naik pekan ini tetapi analis mengatakan bahwa pasokan masih cukup hingga akhir tahun.",
    "Kota itu memiliki gudang pangan terbesar namun pengamat mengatakan bahwa stoknya di bawah kebutuhan.",
])
def test_the_subject_of_a_speech_verb_after_a_contrast_is_the_source_noun(body):
    (q,) = find_quotes(body)
    assert (q.speaker, q.anonymous) in (("analis", True), ("pengamat", True))


def test_katanya_after_a_subject_named_after_yakni_is_that_person():
    import newsscan

    body = ('"Kami siap menunggu hasilnya," kata Rudi Hartawan.\nSelain Rudi, sebelumnya seorang guru dari '
            "Bandung, yakni Sarmin Hutapea (58), mendatangi meja pendaftaran. Ia belum resmi mendaftar. "
            '"Cuma memastikan syarat-syaratnya dulu," katanya.')
    doc = newsscan.pipeline()(body)
    assert [q.speaker for q in doc._.quotes] == ["Rudi Hartawan", "Sarmin Hutapea"]


def test_a_long_title_with_a_bracketed_short_form_still_reaches_the_name():
    body = ("Menurut Kepala Dinas Tenaga Kerja dan Transmigrasi (Disnakertrans) Nusa Tenggara, Rudi Santika, "
            "jumlah pekerja yang kehilangan pekerjaan sudah mencapai 6.848 orang.")
    (q,) = find_quotes(body)
    assert q.speaker == "Rudi Santika"


def test_a_name_written_once_in_lower_case_is_still_the_person():
    import newsscan

    body = ('Ahmad Sunaryo, guru di sekolah itu, ikut makan siang. "Saat ini perut saya masih bergejolak," '
            "terang sunaryo. Sunaryo lalu pulang.")
    doc = newsscan.pipeline()(body)
    assert [(q.speaker, q.anonymous) for q in doc._.quotes] == [("Ahmad Sunaryo", False)]


def test_a_ranked_name_after_a_title_the_tables_lack_is_the_speaker():
    body = ('"Dari ciri fisiknya terlihat seperti orang asing," ujar Kanitreskrim Polsek Sukamaju, '
            "AKP Darto, Senin (30/5/2011), saat dihubungi wartawan.")
    (q,) = find_quotes(body)
    assert (q.speaker, q.speaker_type) == ("Darto", "person")
