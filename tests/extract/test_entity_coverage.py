"""The entity catalogue's coverage checklist (data/catalogues/entity_coverage.yaml) stays true to the
catalogue: every class and cell of every country is there, every id a cell lists is a loaded
catalogue entity of that country, an empty cell says why, and the Central Asian states' regions are
exactly the entities that carry their ISO 3166-2 codes."""

from __future__ import annotations

import pytest
import yaml

from dashboard.paths import CATALOGUE_DIR

CHECKLIST = CATALOGUE_DIR / "entity_coverage.yaml"

# The countries the sweep covers (issue 9: the five Central Asian states, their neighbours, the great
# powers, the Gulf, Egypt, the EU's main states, the UK, Japan and the two Koreas).
SWEPT = {"kz", "kg", "uz", "tj", "tm", "ru", "cn", "us", "tr", "ir", "af", "pk", "in", "mn", "az", "by",
         "ua", "sa", "ae", "qa", "kw", "bh", "om", "eg", "de", "fr", "it", "es", "pl", "gb", "jp", "kp", "kr"}


@pytest.fixture(scope="module")
def checklist() -> dict:
    return yaml.safe_load(CHECKLIST.read_text(encoding="utf-8"))


def _classes_of(checklist: dict, country: str) -> list[str]:
    if country in checklist["central_asia"]:
        return checklist["classes"]
    return [c for c in checklist["classes"] if c not in checklist["central_asia_only"]]


def _cells(checklist: dict):
    """(country, "class.cell", ids) for every cell of the checklist."""
    for country, classes in checklist["countries"].items():
        for name in _classes_of(checklist, country):
            for cell in checklist["cells"][name]:
                yield country, f"{name}.{cell}", classes[name][cell]


def test_every_country_and_cell_is_there(checklist):
    assert set(checklist["countries"]) == SWEPT
    assert set(checklist["central_asia"]) <= SWEPT
    for country, classes in checklist["countries"].items():
        expected = set(_classes_of(checklist, country))
        assert set(classes) - {"notes"} == expected, country
        for name in expected:
            assert set(classes[name]) == set(checklist["cells"][name]), f"{country}.{name}: a cell is missing or unknown"


# Cells that list international bodies (the UN missions a country's troops serve in), not the
# country's own: their ids are catalogue entities of no country.
INTERNATIONAL_CELLS = {"abroad.missions"}


def test_listed_ids_are_entities_of_their_country(checklist, catalogues):
    entities = catalogues.entities.entities
    problems = []
    for country, where, ids in _cells(checklist):
        for eid in ids or ():
            entity = entities.get(eid)
            if entity is None:
                problems.append(f"{country}.{where}: {eid} is no catalogue entity")
            elif where in INTERNATIONAL_CELLS:
                if entity.parent:
                    problems.append(f"{country}.{where}: {eid} belongs to {entity.parent}, not to no country")
            elif entity.parent != country:
                problems.append(f"{country}.{where}: {eid} belongs to {entity.parent}")
    assert not problems, "\n".join(problems)


def test_an_empty_cell_says_why(checklist):
    common = checklist["common_notes"]
    silent = [f"{country}.{where}" for country, where, ids in _cells(checklist)
              if not ids and where not in (checklist["countries"][country].get("notes") or {}) and where not in common]
    assert not silent, "empty cells without a note: " + ", ".join(silent)


def test_notes_name_real_cells(checklist):
    cells = {f"{name}.{cell}" for name, names in checklist["cells"].items() for cell in names}
    assert set(checklist["common_notes"]) <= cells
    for country, classes in checklist["countries"].items():
        assert set(classes.get("notes") or {}) <= cells, country


def test_regions_are_the_iso_subdivisions(checklist, catalogues):
    """The regions cell of each Central Asian state holds exactly the places carrying one of its
    ISO 3166-2 codes (test_countries checks that every code pycountry lists has its place)."""
    places = catalogues.raw["entities"]["entities/places.yaml"]["places"]
    for country in checklist["central_asia"]:
        coded = {p["id"] for p in places if str(p.get("iso3166_2", "")).lower().startswith(country + "-")}
        assert set(checklist["countries"][country]["places"]["regions"]) == coded, country


def test_the_sweeps_additions_stay_listed(checklist, catalogues):
    """An entity the sweep added is listed where it was found missing (a cell that lost it would
    make the next sweep add it again)."""
    listed = {eid for _, _, ids in _cells(checklist) for eid in ids or ()}
    added = set(checklist["added"])
    assert {"state_duma", "aramco", "poroshenko", "kcna", "naruhito", "hazzaa_al_mansouri", "mbrsc", "undof",
            "gulnara_karimova"} <= added
    assert added <= listed, sorted(added - listed)
    assert added <= set(catalogues.entities.entities)


def test_the_international_bodies_are_no_countrys(checklist, catalogues):
    """The international section lists catalogue bodies of no country (a country's body belongs in
    its country's cells), one list per class, and a note names only a class of it."""
    entities = catalogues.entities.entities
    section = checklist["international"]
    classes = {k: v for k, v in section.items() if k != "notes"}
    assert {"finance", "un_missions", "space", "rights"} <= set(classes)
    assert "rsf" in classes["rights"]
    assert set(section.get("notes") or {}) <= set(classes)
    problems = [f"{name}: {eid}" for name, ids in classes.items() for eid in ids
                if eid not in entities or entities[eid].parent]
    assert not problems, problems


GEOGRAPHY_CLASSES = {"mountains", "deserts", "seas", "lakes", "rivers", "reservoirs", "valleys"}


def test_the_geography_classes_are_places(checklist, catalogues):
    """The geography section (stop 29) lists, class by class, places of type region (a lake, a range or a
    dam is a region, as the Caspian): every class is there, an empty class says why, and the sweep's
    additions stay listed."""
    section = checklist["geography"]
    classes = {k: v for k, v in section.items() if k != "notes"}
    assert set(classes) == GEOGRAPHY_CLASSES
    notes = section.get("notes") or {}
    assert set(notes) <= GEOGRAPHY_CLASSES
    assert not [name for name, ids in classes.items() if not ids and name not in notes]
    places = {p["id"]: p for p in catalogues.raw["entities"]["entities/places.yaml"]["places"]}
    problems = [f"{name}: {eid}" for name, ids in classes.items() for eid in ids
                if eid not in places or places[eid]["type"] != "region"]
    assert not problems, problems
    listed = {eid for ids in classes.values() for eid in ids}
    assert {"pamir_mountains", "karakum_desert", "sarez_lake", "kempir_abad_reservoir", "rogun_hpp", "tian_shan"} <= listed


def test_the_sweep_classes_hold_entities_of_their_kind(checklist, catalogues):
    """The stop-29 classes that are no country's cells (diplomats, family, outlets, science; stop 30:
    afghanistan; stop 33: powers_officials) list catalogue entities: people for diplomats and family, media for
    outlets, entities of Afghanistan for afghanistan, Russian or Chinese people for powers_officials; an empty
    class says why."""
    section = checklist["sweep_classes"]
    classes = {k: v for k, v in section.items() if k != "notes"}
    assert set(classes) == {"diplomats", "family", "outlets", "science", "afghanistan", "powers_officials"}
    assert set(section.get("notes") or {}) <= set(classes)
    entities = catalogues.entities.entities
    people = {p["id"] for p in catalogues.raw["entities"]["entities/people.yaml"]["people"]}
    problems = [f"{name}: {eid}" for name, ids in classes.items() for eid in ids if eid not in entities]
    problems += [f"{name}: {eid} is no person" for name in ("diplomats", "family") for eid in classes[name]
                 if eid not in people]
    problems += [f"outlets: {eid} is no outlet" for eid in classes["outlets"]
                 if eid in entities and entities[eid].type != "media"]
    problems += [f"afghanistan: {eid} is no entity of Afghanistan" for eid in classes["afghanistan"]
                 if eid in entities and entities[eid].parent != "af"]
    # stop 33: Russia's and China's officials of the region's files are people of those two countries
    problems += [f"powers_officials: {eid} is no Russian or Chinese person" for eid in classes["powers_officials"]
                 if eid not in people or entities[eid].parent not in ("ru", "cn")]
    assert not problems, problems
    assert {"berik_aryn", "abdulnasser_alshaali", "peng_liyuan", "una", "usgs", "ahmad_massoud", "maraya_news"} <= \
        {e for ids in classes.values() for e in ids}


def test_the_long_names_are_read_as_their_body(checklist, catalogues):
    """(stop 30) Every written-out name of a regional body the checklist lists, as Arabic outlets print it,
    is an alias form of that body in the loaded catalogue: no other entity's, and not left unmatched."""
    from dashboard.extract.entity_catalogue import alias_key, alias_parts

    cat = catalogues.entities
    section = checklist["long_names"]
    assert {"cica", "sco", "csto", "cis", "eaeu", "ots"} <= set(section)
    problems = []
    for body, names in section.items():
        assert body in cat.entities, body
        for name in names:
            form = cat.forms.get(alias_key(*alias_parts(name)[:2]))
            if form is None or form.entity_id != body:
                problems.append(f"{body}: {name!r} -> {form.entity_id if form else None}")
    assert not problems, problems
    assert "منظمة التعاون وبناء تدابير الثقة في آسيا" in section["cica"]


# (stop 31) the borderlands classes: which countries' cities each may list
BORDERLANDS = {"afghan_crossings": {"af", "uz", "tj", "tm", "pk", "ir"}, "russian_cities": {"ru"}, "xinjiang_cities": {"cn"}}


def test_the_borderlands_are_cities_of_their_countries(checklist, catalogues):
    """(stop 31) Every class of the borderlands section is there and lists catalogue cities of its countries
    (an Afghan crossing's town, a Russian city near Kazakhstan, a city of Xinjiang); a note names only a class."""
    section = checklist["borderlands"]
    classes = {k: v for k, v in section.items() if k != "notes"}
    assert set(classes) == set(BORDERLANDS)
    assert set(section.get("notes") or {}) <= set(classes)
    entities = catalogues.entities.entities
    problems = [f"{name}: {eid}" for name, ids in classes.items() for eid in ids
                if eid not in entities or entities[eid].type != "city" or entities[eid].parent not in BORDERLANDS[name]]
    assert not problems, problems
    assert {"sher_khan_bandar", "spin_boldak", "orsk", "kurgan", "aksu"} <= {e for ids in classes.values() for e in ids}


def test_the_tuning_nil_entities_are_catalogue_entities(checklist, catalogues):
    """(stop 31) Every NIL entity of a TUNING part the stop added is a catalogue entity under the gold's id,
    no part of the checking half is listed, and what was left out says why."""
    section = checklist["nil_entities"]
    parts = {k: v for k, v in section.items() if k != "left_out"}
    tuning = {"dev", "dev2", "test"} | {f"test{i}" for i in range(2, 10)} | {f"test{i}" for i in range(11, 38, 2)}  # test37 tunes from stop 33
    assert set(parts) <= tuning, sorted(set(parts) - tuning)
    entities = catalogues.entities.entities
    missing = sorted({eid for ids in parts.values() for eid in ids or ()} - set(entities))
    assert not missing, missing
    assert section["left_out"] and all(section["left_out"].values())
    assert {"iss", "koi_tash", "sher_khan_bandar"} <= {e for ids in parts.values() for e in ids or ()}
