"""AppTest: every page's tables speak the interface language — no raw column name, no internal
id beside a name, shares as percentages — in Arabic and English."""

from __future__ import annotations

import json

import pytest
from test_app_pages import PAGES, run_page

from dashboard.app.i18n import COLUMNS

RAW = {name for name in COLUMNS} | {"share", "log_odds", "count_rest", "per_1000_words"}


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_no_raw_column_names_or_ids_in_any_table(make_app, name, lang):
    query = {"lang": lang} if lang == "en" else {}
    at = make_app(**query)
    if name == "concordance":
        at.query_params["keyword"] = "كازاخستان"
    run_page(at, name)
    if name == "concordance" and not at.dataframe:
        at.text_input(key="kwic_query").input("كازاخستان").run()
    for frame in at.dataframe:
        headers = [str(c) for c in frame.value.columns]
        raw = [h for h in headers if h in RAW and COLUMNS.get(h, {}).get(lang) != h]
        assert not raw, (name, lang, headers)
        assert not [h for h in headers if "_" in h], (name, lang, headers)


def test_shares_are_percentages(make_app):
    at = run_page(make_app(), "sources")
    share = [f for f in at.dataframe if "الحصة" in f.value.columns]
    assert share
    values = share[0].value["الحصة"]
    assert values.max() > 1 and values.max() <= 100  # 16.5, not 0.165


def test_charts_carry_their_context_and_never_fade(make_app):
    at = run_page(make_app(sources="RT Arabic"), "sources")
    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    assert specs
    for spec in specs:
        notes = spec["layout"]["title"]["subtitle"]["text"]
        assert "RT Arabic" in notes  # the filter
        assert "أساس الأرقام" in notes and "dataset" in notes  # the counts and the dataset's name
        for trace in spec["data"]:
            if trace["type"] in ("bar", "scatter", "choropleth"):
                assert trace["unselected"]["marker"]["opacity"] == 1
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["toImageButtonOptions"]["filename"].startswith("dataset-")
    assert config["toImageButtonOptions"]["width"] >= 1200
    assert config["locale"] == "ar" and "ar" in config["locales"]


def test_briefing_is_self_contained_and_escaped(make_app):
    from dashboard.app.exports import briefing_html
    from dashboard.app.state import Context

    at = run_page(make_app(keyword="<script>alert(1)</script>"), "overview")
    assert at.session_state["_ctx"] is not None
    ctx: Context = at.session_state["_ctx"]
    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=[1, 2], y=["a", "b"]))
    page = briefing_html(ctx, "ar", "نظرة <b>عامة</b>", [("x", fig)])
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)" in page
    assert "&lt;b&gt;عامة" in page
    assert "<script src" not in page and 'src="http' not in page  # nothing fetched
    assert len(page) > 1_000_000  # plotly.js itself is embedded


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_distinctive_word_hovers_speak_the_interface_language(make_app, lang):
    """The Sources page's distinctive-word bars: each hover names its numbers in the interface
    language (not "z=…, log-odds=…"), the word isolated, the line escaped for Plotly."""
    from dashboard.app.i18n import column_label

    at = run_page(make_app(**({"lang": lang} if lang == "en" else {})), "sources")
    hovers = [h for el in at.get("plotly_chart") for trace in json.loads(el.proto.spec)["data"]
              if trace.get("hovertemplate") == "%{hovertext}<extra></extra>"
              for h in trace.get("hovertext") or []]
    assert hovers, "no distinctive-word chart with hover lines"
    labels = [column_label(c, lang) for c in ("z", "log_odds", "count_source", "count_rest")]
    other = [column_label(c, "en" if lang == "ar" else "ar") for c in ("z", "log_odds")]
    for hover in hovers:
        assert all(label in hover for label in labels), hover
        assert not any(label in hover for label in other), hover
        assert "z=" not in hover and "log-odds" not in hover and "log_odds" not in hover, hover
        assert hover.startswith("\u2068") and "\u2069: " in hover  # the word, isolated
        assert "<" not in hover and "%{" not in hover  # nothing for Plotly to interpret
