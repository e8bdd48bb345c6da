"""Events of one conflict told apart by what the sentence says was taken: the Taliban's offensive
(May to 15 August 2021) ended with the fall of Kabul, and "control of the capital / the country" is the
takeover that followed (the ``unless`` of the offensive's cues in events.yaml). Real sentences of the
tuning parts (test31 ze10_yevoice, published August 2021, month precision; test7 s10_raiam, July 2021)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.pipeline.article import Extractors
from tests.extract.event_links import rule_links


@pytest.fixture(scope="module")
def ex(catalogues) -> Extractors:
    return Extractors(catalogues)


def events_of(ex: Extractors, text: str, published: date, precision: str) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for r in rule_links(ex, text, published, precision):
        out.setdefault(r["sentence_id"], set()).add(r["event_id"])
    return out


def test_the_capital_taken_is_the_takeover_not_the_offensive(ex):
    text = ("يأتي ذلك، بعد سيطرة حركة طالبان، الأحد، على العاصمة كابل والعديد من عواصم الولايات الاستراتيجية "
            "الرئيسية، وإجبار القوات الحكومية على الاستسلام أو الفرار.")
    found = events_of(ex, text, date(2021, 8, 1), "month")
    assert "taliban_takeover_2021" in found[0]
    assert "taliban_offensive_2021" not in found[0]


def test_attacks_on_the_regions_kabul_governs_are_still_the_offensive(ex):
    # "حكومة كابول" names the government, not the capital taken
    text = ("وكانت هجمات «طالبان» على المناطق الأفغانية التي تُديرها حكومة كابول، قد تسارعت بعد انطلاق عملية "
            "انسحاب القوات الأجنبية من أفغانستان.")
    found = events_of(ex, text, date(2021, 7, 1), "month")
    assert "taliban_offensive_2021" in found[0]
