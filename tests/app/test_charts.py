"""Chart builders: value labels have room, and the Arabic orientation is kept."""

from __future__ import annotations

import pandas as pd
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
    from dashboard.app.palette import assign
    from dashboard.extract.entities import entities_table

    types = sorted(set(entities_table(catalogues.entities)["type"]))
    colours = assign(types)
    assert len(types) >= 10 and len(set(colours.values())) == len(types)


def test_timeline_view_fits_the_articles_and_lists_far_events():
    # 400 articles in 2018, one stray article in 2013; events in 1949 and 2018
    pubs = pd.DataFrame({"period": ["2013-05-01"] + [f"2018-{m:02d}-01" for m in range(1, 11)],
                         "source": "BBC", "articles": [1] + [40] * 10})
    events = pd.DataFrame({"event_id": ["treaty", "summit"], "name_ar": ["معاهدة", "قمة"],
                           "name_en": ["Treaty", "Summit"], "date_start": ["1949-04-04", "2018-06-12"],
                           "date_end": [None, "2018-06-12"], "mentions": [3, 9], "articles": [2, 5]})
    fig = charts.timeline(events, pubs, "en", "t", "p", "m", "a", {"BBC": "#0072B2"})
    lo, hi = fig.layout.xaxis.range
    assert str(lo).startswith("2017-12") and str(hi).startswith("2018-12")  # not 2013, not 1949
    rows = {y.strip("\u2066\u2067\u2068\u2069") for trace in fig.data for y in (trace.y or [])
            if isinstance(y, str) and trace.yaxis in (None, "y")}
    assert rows == {"Summit"}  # the 1949 treaty is not an empty row
    assert charts.events_outside(events, pubs)["event_id"].tolist() == ["treaty"]
    assert fig.layout.yaxis2.tickformat == "d"


def test_few_articles_get_one_tick_per_article():
    pubs = pd.DataFrame({"period": ["2022-01-01", "2022-02-01"], "source": "RT", "articles": [1, 3]})
    events = pd.DataFrame(columns=["event_id", "name_ar", "name_en", "date_start", "date_end", "mentions", "articles"])
    fig = charts.timeline(events, pubs, "ar", "t", "p", "m", "a", {"RT": "#0072B2"})
    assert fig.layout.yaxis2.dtick == 1 and fig.layout.yaxis2.tickformat == "d"


def test_few_counted_bars_get_whole_ticks_and_scores_do_not():
    """Outlet bars of 2, 1, 2, 1 articles drew ticks at 0.5 article; z scores keep Plotly's ticks."""
    counts = charts.hbar(["a", "b", "c", "d"], [2, 1, 2, 1], "ar", "t", "x")
    assert counts.layout.xaxis.dtick == 1
    scores = charts.hbar(["a", "b"], [2.22, 2.05], "ar", "t", "z")
    assert scores.layout.xaxis.dtick is None
    many = charts.hbar(["a", "b"], [1709, 331], "en", "t", "x")
    assert many.layout.xaxis.dtick is None


def test_long_event_names_are_cut_on_the_axis_and_kept_whole_in_the_hover():
    long_ar = "المؤتمر الوزاري الثاني عشر لمنظمة التجارة العالمية في نور سلطان"
    pubs = pd.DataFrame({"period": ["2020-06-01"], "source": "BBC", "articles": [3]})
    events = pd.DataFrame({"event_id": ["mc12"], "name_ar": [long_ar], "name_en": ["MC12"],
                           "date_start": ["2020-06-08"], "date_end": ["2020-06-11"],
                           "mentions": [2], "articles": [1]})
    fig = charts.timeline(events, pubs, "ar", "t", "p", "m", "a", {"BBC": "#0072B2"})
    label = fig.data[-2].y[0].strip("\u2066\u2067\u2068\u2069")
    assert label.endswith("…") and len(label) <= charts.AXIS_LABEL_CHARS + 1
    assert long_ar.startswith(label[:-1])  # cut at a word boundary, nothing rewritten
    assert long_ar in fig.data[-2].hovertext[0]


def test_cut_labels_that_would_collide_stay_whole():
    a = "الانتخابات الرئاسية في جمهورية طاجيكستان 2020"
    b = "الانتخابات الرئاسية في جمهورية طاجيكستان 2013"
    assert charts.short_labels([a, b], limit=30) == [a, b]
    assert charts.short_labels(["قمة", a], limit=30)[0] == "قمة"
