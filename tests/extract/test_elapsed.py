"""Elapsed-time phrases (dashboard/extract/elapsed.py): "بعد عام على زيارة ماكرون" dates what it
names a year before the publication, for the event stages only."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extract.elapsed import ElapsedTime, parse_elapsed
from dashboard.pipeline.article import Extractors
from dashboard.text.document import Doc


@pytest.fixture(scope="module")
def ex(catalogues) -> Extractors:
    return Extractors(catalogues)


def spans(ex: Extractors, text: str, published: date) -> list[tuple[str, str, str]]:
    doc = Doc.from_text("t", text, published, "day")
    return [(r["surface"], r["date_start"], r["date_end"]) for r in ex.elapsed.find(doc)]


def test_a_length_before_the_publication_is_read_with_a_quarter_of_slack(ex):
    assert spans(ex, "وبعد عام على زيارة ماكرون لكازاخستان، أبدى الرئيسان رغبة مشتركة.", date(2024, 11, 5)) == [
        ("وبعد عام على", "2023-08-05", "2024-02-05")]
    assert spans(ex, "بعد 10 شهور من الاجتماع الوزاري المشترك.", date(2023, 7, 19)) == [
        ("بعد 10 شهور من", "2022-07-19", "2022-11-19")]
    assert spans(ex, "كان قد دشن شراكة قبل نحو عام.", date(2024, 9, 17))[0][0] == "قبل نحو عام"


def test_a_year_number_and_a_length_ahead_are_not_elapsed_time(ex):
    # "قبل عام 2030" is before the year 2030; "بعد عامين" alone is as often two years ahead
    assert spans(ex, "قبل عام 2030 ستنتهي الخطة، وسيبدأ البناء بعد عامين.", date(2023, 7, 19)) == []


def test_elapsed_time_links_the_visit_of_a_year_before_and_writes_no_date_mention(ex):
    text = "وبعد عام على زيارة ماكرون لكازاخستان، أبدى الرئيسان خلال لقاء في قصر الإليزيه رغبة مشتركة."
    doc = Doc.from_text("t", text, date(2024, 11, 5), "day")
    ents, dates = ex.entities.find(doc), ex.dates.find(doc)
    assert dates == []  # no date mention: the dates table does not take it
    linked = {r["event_id"] for r in ex.events.find(doc, ents, dates + ex.elapsed.find(doc))}
    assert "macron_visit_central_asia_2023" in linked
    assert "macron_visit_central_asia_2023" not in {r["event_id"] for r in ex.events.find(doc, ents, dates)}


def test_bad_elapsed_time_data_is_refused_with_the_key_named():
    with pytest.raises(ValueError, match="elapsed_time.units"):
        parse_elapsed({"before": ["قبل"], "units": {"عام": "twelve"}})
    assert ElapsedTime(parse_elapsed(None)).find(Doc.from_text("t", "قبل عام", date(2024, 1, 1), "day")) == []
