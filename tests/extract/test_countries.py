"""CLDR countries: the whole world gets Arabic and English names and ISO codes from the libraries."""

from __future__ import annotations

import re

import pytest

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



def test_an_indefinite_adjective_after_a_definite_one_is_a_given_name(catalogues):
    # an indefinite adjective cannot describe the definite noun before it: أرمن and تركي there are
    # first names (test21's g01, ANT), not Armenia and Turkey; alone or after an indefinite noun
    # they stay the countries
    matcher = EntityMatcher(catalogues.entities)

    def found(text):
        return [(r["entity_id"], r["surface"]) for r in matcher.find(Doc.from_text("t", text))]

    # (the Armenian president is a catalogue person since stop 31)
    assert found("والرئيس الأرميني أرمن سركسيان ورئيس الوزراء الجورجي") == [
        ("am", "الأرميني"), ("armen_sarkissian", "أرمن سركسيان"), ("ge", "الجورجي")]
    assert found("غرد رئيس الاتحاد العربي، السعودي تركي آل الشيخ") == [("sa", "السعودي")]
    assert found("التقى مواطنين أرمن في موسكو") == [("am", "أرمن"), ("moscow", "موسكو")]
    assert found("العلاقات الروسية التركية") == [("ru", "الروسية"), ("tr", "التركية")]

# ISO 3166-2 (pycountry) is the authority for the subdivisions of these countries: the catalogue
# holds each one with its Arabic spellings. Azerbaijan's 66 rayons are not all curated, so its
# codes (and Xinjiang's) are checked only for being real codes of the entity's country.
FULLY_CURATED_SUBDIVISIONS = ("KZ", "UZ", "KG", "TJ", "TM", "MN", "AF")


@pytest.mark.parametrize("country_code", FULLY_CURATED_SUBDIVISIONS)
def test_every_iso_subdivision_of_the_region_has_an_entity(catalogues, country_code):
    import pycountry

    places = [p for p in catalogues.raw["entities"]["entities/places.yaml"]["places"] if p.get("iso3166_2")]
    by_code = {p["iso3166_2"]: p["id"] for p in places if p["iso3166_2"].startswith(country_code + "-")}
    wanted = {s.code for s in pycountry.subdivisions.get(country_code=country_code)}
    assert wanted - set(by_code) == set()
    known = catalogues.entities.entities
    assert all(known[by_code[c]].parent == country_code.lower() for c in wanted)


def test_every_iso_code_in_the_catalogue_is_a_subdivision_of_the_entitys_country(catalogues):
    import pycountry

    places = [p for p in catalogues.raw["entities"]["entities/places.yaml"]["places"] if p.get("iso3166_2")]
    codes = [p["iso3166_2"] for p in places]
    assert len(codes) == len(set(codes)), "one entity per ISO 3166-2 code"
    for p in places:
        sub = pycountry.subdivisions.get(code=p["iso3166_2"])
        assert sub is not None, p["id"]
        assert sub.country_code.lower() == p["parent"], p["id"]


def test_geonames_ids_are_unique_integers(catalogues):
    places = catalogues.raw["entities"]["entities/places.yaml"]["places"]
    ids = [p["geonames_id"] for p in places if "geonames_id" in p]
    assert len(ids) > 80 and all(isinstance(i, int) and i > 0 for i in ids)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("text", "expected"), [
    # a region by its ISO code's entity; the bare name of its capital stays the city
    ("وصل الرئيس إلى ولاية سمرقند ثم زار سمرقند القديمة", [("samarkand_region", "ولاية سمرقند"), ("samarkand", "سمرقند")]),
    ("اشتباكات في منطقة باتكن ومنطقة تشوي شمال قرغيزستان",
     [("batken", "باتكن"), ("chuy_region", "منطقة تشوي"), ("kg", "قرغيزستان")]),
    ("سيطرت طالبان على ولاية هلمند وعاصمتها لشكركاه ثم على بنجشير",
     [("taliban", "طالبان"), ("helmand_province", "ولاية هلمند"), ("lashkar_gah", "لشكركاه"), ("panjshir_province", "بنجشير")]),
    ("زلزال يضرب ولاية ختلان جنوب طاجيكستان", [("khatlon_region", "ولاية ختلان"), ("tj", "طاجيكستان")]),
    ("أعلنت السلطات المنغولية حالة الطوارئ في مقاطعة دورنوغوفي", [("mn", "المنغولية"), ("dornogovi_province", "مقاطعة دورنوغوفي")]),
])
def test_region_of_an_iso_code_found_in_arabic_text(catalogues, text, expected):
    rows = EntityMatcher(catalogues.entities).find(Doc.from_text("t", text))
    assert [(r["entity_id"], r["surface"]) for r in rows] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # cities keyed by GeoNames id, with the spellings Arabic text uses
    ("وصل الوفد إلى مدينة قوقند ثم إلى تركمن آباد", [("kokand", "قوقند"), ("turkmenabat", "تركمن آباد")]),
    ("هجوم في قندوز وفي ولاية قندوز", [("kunduz", "قندوز"), ("kunduz_province", "ولاية قندوز")]),
    # bare جلال آباد is Afghanistan's, and Kyrgyzstan's in an article about Kyrgyzstan
    ("انفجار في جلال آباد شرق أفغانستان", [("jalalabad_af", "جلال آباد"), ("af", "أفغانستان")]),
    ("احتجاجات في جلال آباد جنوب قرغيزستان", [("jalal_abad", "جلال آباد"), ("kg", "قرغيزستان")]),
    # a given name, not Naryn; بروان is Brown, not Parwan
    ("وقال الباحث ساشانك نارين إن حاكم كاليفورنيا جيري بروان", []),
])
def test_city_found_in_arabic_text(catalogues, text, expected):
    rows = EntityMatcher(catalogues.entities).find(Doc.from_text("t", text))
    assert [(r["entity_id"], r["surface"]) for r in rows] == expected


def test_english_names_come_from_cldr_and_pycountry_without_list_forms():
    by_id = {r["id"]: r for r in cldr_countries()}
    assert "Kyrgyzstan" in by_id["kg"]["aliases_en"]
    assert {"Russia", "Russian Federation"} <= set(by_id["ru"]["aliases_en"])
    assert not [n for r in cldr_countries() for n in r["aliases_en"] if "," in n or " - " in n]


def test_world_cities_come_from_cldr_time_zones_and_curated_cities_win(catalogues):
    from dashboard.extract.countries import cldr_cities
    (nairobi,) = cldr_cities(("Africa/Nairobi",))
    assert (nairobi["id"], nairobi["name_ar"], nairobi["name_en"], nairobi["parent"]) == (
        "nairobi", "نيروبي", "Nairobi", "ke")
    with pytest.raises(ValueError, match="Mars/Olympus"):
        cldr_cities(("Mars/Olympus",))
    cat = catalogues.entities
    assert cat.entities["nairobi"].type == "city" and cat.entities["nairobi"].parent == "ke"
    # a city the curated files hold stays the curated entity: the zone adds no second one
    from dashboard.extract.entity_catalogue import build_catalogue
    small = build_catalogue({"places.yaml": {
        "places": [{"id": "moskva", "type": "city", "parent": "ru", "name_ar": "موسكو", "name_en": "Moskva"}],
        "cldr_cities": ["Europe/Moscow", "Africa/Nairobi"]}})
    assert "moscow" not in small.entities and small.forms["موسكو"].entity_id == "moskva"
    assert small.forms["نيروبي"].entity_id == "nairobi"
    found = EntityMatcher(cat).find(Doc.from_text("t", "وصل الوزير إلى نيروبي ثم جاكرتا. وفاز ريال مدريد."))
    assert [(r["entity_id"], r["surface"]) for r in found] == [("nairobi", "نيروبي"), ("jakarta", "جاكرتا")]
