"""Map: countries mentioned in the filtered articles, shaded by mentions (ISO codes from the
entity catalogue; cities counted in their country)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.analysis.geo import country_mentions
from dashboard.app import charts
from dashboard.app.components import chart, columns, compute, empty_state, is_empty, stop_page, table
from dashboard.app.i18n import column_labels, name_column, number, plural, t
from dashboard.app.page import start_page
from dashboard.app.urlstate import Param, page_params

ctx = start_page("map")
lang = ctx.lang
page_params("map", {"map_adjectives": Param("adj", True, kind="bool"),
                   "map_roll_up": Param("rollup", True, kind="bool")})
c1, c2 = columns(2, lang)
adjectives = c1.toggle(t("include_adjectives", lang), help=t("include_adjectives_help", lang), key="map_adjectives")
roll_up = c2.toggle(t("roll_up", lang), help=t("roll_up_help", lang), key="map_roll_up")
countries: pd.DataFrame = compute(ctx, country_mentions, include_adjectives=adjectives,
                                  roll_up_cities=roll_up)
if is_empty(countries):
    empty_state(lang)
    stop_page()
fig = charts.choropleth(countries, lang, t("map_title", lang), t("col_mentions", lang))
chart(fig, key="map_chart", file_name="country_mentions")
top = countries.head(20)
if len(countries) > len(top):
    st.caption(t("shown_of", lang, shown=number(len(top), lang), total=plural(len(countries), "country", lang)))
fig = charts.hbar(top[name_column(lang)].fillna(top["iso3"]).tolist(), top["mentions"], lang,
                  t("map_title", lang), t("col_mentions", lang), customdata=top["entity_id"])
chart(fig, key="map_bar", file_name="country_mentions_bar")
table(countries, lang, key="map_table", file_name="country_mentions",
      labels=column_labels(lang, "name_ar", "name_en", "mentions"), folded=True)
