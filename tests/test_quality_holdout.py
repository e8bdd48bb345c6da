"""The catalogue copy without later parts' events (dashboard/quality/holdout.py)."""

from pathlib import Path

import yaml

from dashboard.quality import holdout

NEW_IDS = """# Ids

## Entities

| id | type |
|---|---|
| nukus | city |

## Events

| id | name_en | name_ar | date_start | date_end |
|---|---|---|---|---|
| tokayev_visit_ru_2022 | Tokayev's visit to Russia, February 2022 | x | 2022-02-10 | 2022-02-10 |
| bek_air_crash_2019 | Bek Air crash | x | 2019-12-27 | 2019-12-27 |
| never_added_2019 | not in the catalogue | x | 2019-01-01 | 2019-01-01 |
"""

ID_MAP = """table,product_id,gold_id,why
event_mentions,tokayev_visit_ru_2022_02,tokayev_visit_ru_2022,"one event"
event_mentions,tokayev_visit_ru_2022,catalogue:tokayev_visit_ru_2022_november,"not the same event"
"""


def _part(tmp_path: Path) -> Path:
    part = tmp_path / "unseen" / "test10"
    part.mkdir(parents=True)
    (part / "NEW_IDS.md").write_text(NEW_IDS, encoding="utf-8")
    (part / "ID_MAP.csv").write_text(ID_MAP, encoding="utf-8")
    return part


def test_new_event_ids_reads_the_events_table_only(tmp_path):
    assert holdout.new_event_ids(_part(tmp_path)) == ["tokayev_visit_ru_2022", "bek_air_crash_2019", "never_added_2019"]


def test_a_gold_id_the_map_gives_to_another_product_id_is_not_the_catalogue_event_of_its_spelling(tmp_path):
    # test10: the gold's tokayev_visit_ru_2022 is the February visit (the catalogue's
    # tokayev_visit_ru_2022_02); the catalogue's tokayev_visit_ru_2022 is the November one and stays
    part = _part(tmp_path)
    catalogue = {"tokayev_visit_ru_2022", "tokayev_visit_ru_2022_02", "bek_air_crash_2019", "kz_unrest_2022"}
    assert holdout.catalogue_ids_of(part, holdout.new_event_ids(part), catalogue) == \
        ["tokayev_visit_ru_2022_02", "bek_air_crash_2019"]
    assert holdout.held_out_events(["test10"], catalogue, tmp_path / "unseen") == \
        {"tokayev_visit_ru_2022_02": "test10", "bek_air_crash_2019": "test10"}


def test_the_copy_lacks_the_events_and_their_series_instances(tmp_path):
    source = tmp_path / "cat"
    source.mkdir()
    (source / "themes.yaml").write_text("themes: []\n", encoding="utf-8")
    (source / "events.yaml").write_text(yaml.safe_dump({
        "planned_words": ["سيعقد"],
        "series": [{"id": "sco_summits", "instances": [{"n": 22, "event": "sco_summit_2022"},
                                                        {"n": 23, "event": "sco_summit_2023"}]}],
        "events": [{"id": "sco_summit_2022"}, {"id": "sco_summit_2023"}, {"id": "bek_air_crash_2019"}]},
        allow_unicode=True), encoding="utf-8")
    out = tmp_path / "copy"
    assert holdout.write_copy(source, out, {"sco_summit_2023", "bek_air_crash_2019"}) == 2
    data = yaml.safe_load((out / "events.yaml").read_text(encoding="utf-8"))
    assert [e["id"] for e in data["events"]] == ["sco_summit_2022"]
    assert data["series"][0]["instances"] == [{"n": 22, "event": "sco_summit_2022"}]
    assert data["planned_words"] == ["سيعقد"]
    assert (out / "themes.yaml").is_file()
    assert len(yaml.safe_load((source / "events.yaml").read_text(encoding="utf-8"))["events"]) == 3
