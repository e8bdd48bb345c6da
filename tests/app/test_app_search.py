"""AppTest of the search-driven views: compare, concordance paging, collocates, and the page
choices kept in the URL (a link reproduces the view; going Back restores the previous state)."""

from __future__ import annotations

import json

from dashboard.app.page import page_file


def open_page(make_app, name: str, **params: str):
    """An AppTest opened on page ``name`` with the URL ``params`` (as a pasted link would)."""
    at = make_app(**params)
    at.switch_page(page_file(name))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def figures(at) -> dict[str, dict]:
    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    return {s["layout"]["title"]["text"].strip("\u2066\u2067\u2068\u2069"): s for s in specs}


def params(at) -> dict[str, str]:
    return {k: at.query_params[k][-1] if isinstance(at.query_params[k], list) else at.query_params[k]
            for k in at.query_params}


def test_compare_draws_attention_shares_and_words_from_the_url(make_app):
    at = open_page(make_app, "compare", q1="كازاخستان", q2="روسيا", q3="", q4="", gran="week", lang="en")
    assert [at.text_input(key=f"cmp_q{i}").value for i in (1, 2, 3)] == ["كازاخستان", "روسيا", ""]
    assert at.segmented_control(key="cmp_gran").value == "week"
    figs = figures(at)
    attention = figs["Attention over time"]
    names = [d["name"].strip("\u2066\u2067\u2068\u2069") for d in attention["data"]]
    assert names == ["All articles", "كازاخستان", "روسيا"]
    # Shares are fractions of the period's volume: never above 1
    assert all(0 <= y <= 1 for d in attention["data"][1:] for y in d["y"])
    assert "Share per outlet" in figs
    assert not at.error


def test_compare_choices_round_trip_through_the_url(make_app):
    at = open_page(make_app, "compare", lang="en")
    at.text_input(key="cmp_q3").input("آسيا").run()
    at.toggle(key="cmp_split").set_value(True).run()
    link = params(at)
    assert link["q3"] == "آسيا" and link["split"] == "1"
    again = open_page(make_app, "compare", **link)
    assert again.text_input(key="cmp_q3").value == "آسيا"
    assert again.toggle(key="cmp_split").value is True
    assert figures(again)["Attention over time"]["data"] == figures(at)["Attention over time"]["data"]


def test_back_restores_the_previous_choices(make_app):
    at = open_page(make_app, "compare", lang="en")
    before = params(at)
    at.text_input(key="cmp_q2").input("بوتين").run()
    assert params(at)["q2"] == "بوتين"
    # The browser goes Back: Streamlit reruns with the previous address
    at.query_params.clear()
    for key, value in before.items():
        at.query_params[key] = value
    at.run()
    assert at.text_input(key="cmp_q2").value == "الصين"  # the default, as before the change
    assert "q2" not in params(at)


def test_a_bad_search_is_explained_not_raised(make_app):
    at = open_page(make_app, "compare", q2="(روسيا", lang="en")
    assert any("never closed" in e.value for e in at.error)
    at = make_app(keyword='"روسيا', lang="en")
    at.run()
    assert not at.exception
    assert any("never closed" in e.value for e in at.sidebar.error)


def test_concordance_pages_through_every_line_with_the_true_total(make_app):
    at = open_page(make_app, "concordance", q="كازاخستان OR روسيا", lang="en")
    totals = [c.value for c in at.caption if "(the filters find" in c.value]
    assert totals, [c.value for c in at.caption]
    lines = int(totals[0].split(" matches")[0].replace(",", ""))
    assert lines > 100  # more than one page of 100
    assert at.number_input(key="concordance_page").value == 1
    at.number_input(key="concordance_page").set_value(2).run()
    assert params(at)["qpage"] == "2"
    assert "showing 101–" in [c.value for c in at.caption if "(the filters find" in c.value][0]
    at.segmented_control(key="concordance_sort").set_value("left").run()
    again = open_page(make_app, "concordance", **params(at))
    assert again.segmented_control(key="concordance_sort").value == "left"
    assert again.number_input(key="concordance_page").value == 2


def test_entity_choice_and_types_are_in_the_url(make_app):
    at = open_page(make_app, "entities", entity="ru", types="country", lang="en")
    assert at.selectbox(key="entity_pick").value == "ru"
    assert at.multiselect(key="ent_types").value == ["country"]
    assert params(at)["entity"] == "ru" and params(at)["types"] == "country"


def test_collocates_page_lists_g2_scores(make_app):
    at = open_page(make_app, "collocates", q="كازاخستان", min="2", lang="en")
    assert not at.error
    assert at.get("arrow_data_frame") or at.dataframe


def test_reader_marks_what_the_search_matched(make_app):
    at = make_app(keyword="روسيا OR الصين", lang="en")
    at.run()
    body = " ".join(h.proto.body for h in at.get("html"))
    assert 'class="hit"' in body


def test_attention_axis_starts_where_the_articles_are():
    import pandas as pd

    from dashboard.app.compare_charts import busy_range

    periods = pd.to_datetime(["2012-10-01", "2014-01-01", "2018-01-01", "2018-02-01", "2018-03-01"])
    df = pd.DataFrame({"source": "", "period": periods, "total": [1, 2, 500, 600, 700], "query": "q"})
    assert busy_range(df) == ["2017-12-17", "2018-03-16"]  # two stray early articles left out
    assert busy_range(df.iloc[2:]) is None  # nothing stray: Plotly's own range
