"""The event catalogue's coverage checklist (data/catalogues/event_coverage.yaml) stays true to the
catalogue: every cell of every class, country, summit format and year is there (checked), and every
event a cell lists is a loaded catalogue event whose dates meet that year."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from dashboard.paths import CATALOGUE_DIR

CHECKLIST = CATALOGUE_DIR / "event_coverage.yaml"


@pytest.fixture(scope="module")
def checklist() -> dict:
    return yaml.safe_load(CHECKLIST.read_text(encoding="utf-8"))


def _cells(checklist: dict):
    """(where, year, ids) for every cell of the checklist."""
    for country, classes in checklist["countries"].items():
        for name, years in classes.items():
            if name != "notes":
                for year, ids in years.items():
                    yield f"countries.{country}.{name}", year, ids
    for section in ("summits", "outside"):
        for name, years in checklist[section].items():
            if name != "notes":
                for year, ids in years.items():
                    yield f"{section}.{name}", year, ids


def test_every_cell_is_checked(checklist):
    years = set(checklist["years"])
    assert years == set(range(2019, 2025))
    for country, classes in checklist["countries"].items():
        assert set(classes) - {"notes"} == set(checklist["classes"]), country
        for name in checklist["classes"]:
            assert set(classes[name]) == years, f"{country}.{name}: a year is unchecked"
    for section in ("summits", "outside"):
        for name, cells in checklist[section].items():
            if name != "notes":
                assert set(cells) == years, f"{section}.{name}: a year is unchecked"


def test_listed_events_exist_and_meet_their_year(checklist, catalogues):
    events = {e.id: e for e in catalogues.events}
    problems = []
    for where, year, ids in _cells(checklist):
        for event_id in ids or ():
            event = events.get(event_id)
            if event is None:
                problems.append(f"{where}.{year}: {event_id} is not a catalogue event")
                continue
            start, end = date.fromisoformat(str(event.date_start)), date.fromisoformat(str(event.date_end))
            if not (start.year <= year <= end.year):
                problems.append(f"{where}.{year}: {event_id} runs {start}..{end}")
    assert not problems, "\n".join(problems)


def test_checklist_names_the_sweeps_additions(checklist):
    """The events the sweep added are listed where it found them missing (a cell that lost its
    event would make the next sweep add it again)."""
    listed = {event_id for _, _, ids in _cells(checklist) for event_id in ids or ()}
    for event_id in ("kg_coup_plot_arrests_2023", "cis_informal_summit_2024", "pope_francis_visit_mn_2023",
                     "af_herat_earthquake_2023", "russia_annexation_2022", "moscow_format_afghanistan_2023",
                     "soyuz_ms15_mansouri_2019", "soyuz_ms20_maezawa_2021", "kz_peacekeepers_golan_2024",
                     "unwto_general_assembly_2023", "chess_world_championship_2023",
                     # stop 29
                     "rogun_unit2_launch_2019", "kz_anti_china_protests_2019", "zarif_central_asia_tour_2021"):
        assert event_id in listed


def test_the_classes_of_stop_28_are_swept(checklist):
    """The space class (Baikonur's crewed launches) and the abroad class (troops abroad, events hosted)
    are classes of every country, and Baikonur's launches are Kazakhstan's cells (the cosmodrome's
    country)."""
    assert {"space", "abroad"} <= set(checklist["classes"])
    kz_abroad = {e for ids in checklist["countries"]["kz"]["abroad"].values() for e in ids or ()}
    assert "kz_peacekeepers_golan_2024" in kz_abroad
    kz_space = {e for ids in checklist["countries"]["kz"]["space"].values() for e in ids or ()}
    assert {"soyuz_ms15_mansouri_2019", "soyuz_ms20_maezawa_2021"} <= kz_space


def test_the_tuning_parts_nil_events_are_catalogued(checklist, catalogues):
    """(stop 30) Every NIL event the checklist lists for a TUNING part (a gold event id no catalogue event
    held) is now a catalogue event under the gold's id, listed in a cell of its class and year; or it is
    left out with a reason."""
    section = checklist["nil_events"]
    left_out = section.get("left_out") or {}
    events = {e.id for e in catalogues.events}
    listed = {event_id for _, _, ids in _cells(checklist) for event_id in ids or ()}
    problems = []
    for part, ids in section.items():
        if part == "left_out":
            continue
        for event_id in ids:
            if event_id in left_out:
                continue
            if event_id not in events:
                problems.append(f"{part}: {event_id} is no catalogue event")
            elif event_id not in listed:
                problems.append(f"{part}: {event_id} is in no cell")
    assert not problems, problems
    assert {"japarov_visit_tr_2021", "panjshir_battle_2021"} <= set(section["test17"]) | set(section["test25"])
    assert all(reason for reason in left_out.values())
