"""Chart builders: value labels have room, and the Arabic orientation is kept."""

from __future__ import annotations

import pytest

from dashboard.app import charts


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_bar_axis_leaves_room_for_the_longest_label(lang):
    fig = charts.hbar(["الجزيرة", "RT"], [13708, 2500], lang, "title", "articles")
    lo, hi = sorted(fig.layout.xaxis.range)
    assert lo == 0 and hi > 13708 * 1.1
    # Arabic bars grow leftwards: the axis runs from the far end to zero
    assert (fig.layout.xaxis.range[0] > fig.layout.xaxis.range[1]) == (lang == "ar")


def test_empty_bars_keep_autorange():
    fig = charts.hbar([], [], "en", "title", "articles")
    assert fig.layout.xaxis.range is None


def test_every_entity_type_of_the_catalogue_gets_its_own_colour(catalogues):
    from dashboard.app.charts import colour_map
    from dashboard.extract.entities import entities_table

    types = sorted(set(entities_table(catalogues.entities)["type"]))
    colours = colour_map(types)
    assert len(types) >= 10 and len(set(colours.values())) == len(types)
