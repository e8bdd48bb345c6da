"""CLDR countries: the whole world gets Arabic and English names and ISO codes from the libraries."""

from __future__ import annotations

import re

from dashboard.extract.countries import cldr_countries
from dashboard.extract.entities import EntityMatcher
from dashboard.text.document import Doc

ARABIC = re.compile(r"[\u0600-\u06FF]")


def test_every_country_has_names_and_codes():
    records = cldr_countries()
    assert 249 <= len(records) <= 260
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    for r in records:
        assert re.fullmatch(r"[a-z]{2}", r["id"]) and r["iso2"] == r["id"].upper()
        assert re.fullmatch(r"[A-Z]{3}", r["iso3"]), r
        assert ARABIC.search(r["name_ar"]), r
        assert r["name_en"] and r["name_en"] != r["iso2"], r


def test_known_countries():
    by_id = {r["id"]: r for r in cldr_countries()}
    assert (by_id["kz"]["name_ar"], by_id["kz"]["iso3"], by_id["kz"]["name_en"]) == (
        "كازاخستان", "KAZ", "Kazakhstan")
    assert by_id["xk"]["iso3"] == "XKX"  # Kosovo: CLDR name, no ISO 3166 entry
    # Groupings CLDR also calls territories are not countries (eu, un are organisations).
    assert not {"eu", "un", "ez", "qo", "zz"} & set(by_id)
    assert "ميانمار" in by_id["mm"]["aliases"]  # parenthesis "(بورما)" dropped


def test_every_country_is_a_catalogue_entity(catalogues):
    cat = catalogues.entities
    countries = {e.id for e in cat.entities.values() if e.type == "country"}
    assert countries == {r["id"] for r in cldr_countries()}
    assert cat.entities["eu"].type == "organisation"


def test_uncurated_country_found_by_its_cldr_name(catalogues):
    matcher = EntityMatcher(catalogues.entities)
    rows = matcher.find(Doc.from_text("t", "صوتت بوليفيا وغينيا الاستوائية وبيرو ضد القرار"))
    assert [r["entity_id"] for r in rows] == ["bo", "gq", "pe"]


def test_cldr_names_that_are_ordinary_words_are_dropped(catalogues):
    # "محلل مالي" (financial analyst, seed 000) is not Mali; "عمان" is also Amman.
    matcher = EntityMatcher(catalogues.entities)
    rows = matcher.find(Doc.from_text("t", "محلل مالي مستقل زار جمهورية مالي وسلطنة عمان"))
    assert [(r["entity_id"], r["surface"]) for r in rows] == [
        ("ml", "جمهورية مالي"), ("om", "سلطنة عمان")]


def test_every_iso_subdivision_of_kazakhstan_has_an_entity(catalogues):
    """pycountry (ISO 3166-2) is the authority for the list of Kazakhstan's regions and cities of
    republican significance; the catalogue must hold each one (with its Arabic spellings)."""
    import pycountry

    places = [p for p in catalogues.raw["entities"]["entities/places.yaml"]["places"] if p.get("iso3166_2")]
    by_code = {p["iso3166_2"]: p["id"] for p in places}
    wanted = {s.code for s in pycountry.subdivisions.get(country_code="KZ")}
    assert wanted - set(by_code) == set()
    assert set(by_code) - wanted == set()  # no code pycountry does not know
    known = catalogues.entities.entities
    assert all(by_code[c] in known and known[by_code[c]].parent == "kz" for c in wanted)
