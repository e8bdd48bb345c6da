from __future__ import annotations

from dashboard.analysis.filters import Filters, select
from dashboard.analysis.geo import country_mentions


def test_countries_with_cities_rolled_up(tiny):
    df = country_mentions(tiny, select(tiny, Filters()))
    got = dict(zip(df["iso3"], df["mentions"]))
    assert got == {"KAZ": 8, "RUS": 4, "CHN": 3, "USA": 2}  # KAZ: 6 + Almaty + Astana; RUS: + Moscow
    assert "ALA" not in set(df["entity_id"])


def test_without_adjectives_or_roll_up(tiny):
    df = country_mentions(tiny, select(tiny, Filters()), include_adjectives=False, roll_up_cities=False)
    assert dict(zip(df["iso3"], df["mentions"]))["KAZ"] == 4


def test_empty(tiny):
    df = country_mentions(tiny, select(tiny, Filters(keyword="غير موجود")))
    assert df.empty and list(df.columns) == ["iso3", "entity_id", "name_en", "name_ar", "mentions"]
