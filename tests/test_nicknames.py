"""Nicknames an article defines beside a person's name (entities/nicknames.py), on invented sentences."""
from __future__ import annotations

import pytest

from newsscan.entities import canonicalize
from newsscan.records import Mention


def found(body: str, *spans: tuple[str, str]) -> list[Mention]:
    """A mention of each (text, label) at every place it is written."""
    out = []
    for text, label in spans:
        i = body.find(text)
        while i != -1:
            if not any(m.start <= i < m.end for m in out):
                out.append(Mention(i, i + len(text), text, label, text))
            i = body.find(text, i + 1)
    return sorted(out, key=lambda m: m.start)


def canonical_of(body: str, spans, written: str) -> set[tuple[str, str]]:
    return {(m.canonical, m.label) for m in canonicalize(found(body, *spans), body) if m.text == written}


@pytest.mark.parametrize("body", [
    "Bambang Sulistyo, yang akrab disapa Bembeng, hadir di lokasi. Menurut Bembeng, proyek selesai.",
    "Bambang Sulistyo alias Bembeng hadir di lokasi. Menurut Bembeng, proyek selesai pekan depan.",
    "Bembeng, demikian Bambang Sulistyo biasa disapa, hadir di lokasi. Menurut Bembeng, proyek selesai.",
    "Bembeng, sapaan akrab Bambang Sulistyo, hadir di lokasi. Menurut Bembeng, proyek selesai pekan depan.",
    "Kontraktor Bambang Sulistyo hadir. Bembeng merupakan sapaan akrab Direktur Bambang Sulistyo. Menurut "
    "Bembeng, proyek selesai pekan depan.",
])
def test_a_defined_nickname_is_the_person(body):
    # the NER took the nickname for an organisation: the article's own definition decides
    got = canonical_of(body, [("Bambang Sulistyo", "PERSON"), ("Bembeng", "ORG")], "Bembeng")
    assert got == {("Bambang Sulistyo", "PERSON")}


def test_a_nickname_the_ner_missed_becomes_a_mention():
    body = "Bambang Sulistyo, yang akrab disapa Bembeng, hadir. Bembeng lalu pulang."
    ms = canonicalize(found(body, ("Bambang Sulistyo", "PERSON")), body)
    assert [(m.text, m.canonical) for m in ms if m.text == "Bembeng"] == [("Bembeng", "Bambang Sulistyo")] * 2


def test_a_nickname_after_an_honorific_links_the_name_the_layer_kept():
    body = ("Menteri Sosial Saiful Rahman hadir. Gus Epul merupakan sapaan akrab Saiful Rahman. "
            "Kata Gus Epul, bantuan siap.")
    ms = canonicalize(found(body, ("Saiful Rahman", "PERSON"), ("Gus Epul", "PERSON")), body)
    assert {m.canonical for m in ms if m.text.endswith("Epul")} == {"Saiful Rahman"}


def test_two_people_and_two_nicknames_are_not_paired_by_position():
    body = "Pasangan Tono Wijaya / Lili Sari, atau akrab disapa Ton / Lis, menang lagi. Ton senang."
    got = canonical_of(body, [("Tono Wijaya", "PERSON"), ("Lili Sari", "PERSON"), ("Ton", "PERSON")], "Ton")
    assert got == {("Ton", "PERSON")}


def test_summoned_by_a_body_is_no_nickname():
    # `dipanggil KPK` (summoned by): only `akrab/biasa dipanggil` give a nickname
    body = "Bambang Sulistyo dipanggil Komisi Antikorupsi pekan lalu. Komisi Antikorupsi menunda pemeriksaan."
    got = canonical_of(body, [("Bambang Sulistyo", "PERSON"), ("Komisi Antikorupsi", "ORG")],
                       "Komisi Antikorupsi")
    assert got == {("Komisi Antikorupsi", "ORG")}
