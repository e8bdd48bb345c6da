"""Map: countries mentioned in the filtered articles, shaded by mentions (ISO codes from the
entity catalogue; cities counted in their country)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.analysis.geo import country_mentions
from dashboard.app import charts
from dashboard.app.components import basis, chart, columns, compute, empty_state, is_empty, stop_page, table
from dashboard.app.i18n import t
from dashboard.app.state import context

ctx = context()
lang = ctx.lang
st.header(t("page_map", lang))
basis(ctx)
c1, c2 = columns(2, lang)
adjectives = c1.toggle(t("include_adjectives", lang), value=True, key="map_adjectives")
roll_up = c2.toggle(t("roll_up", lang), value=True, key="map_roll_up")
countries: pd.DataFrame = compute(ctx, country_mentions, include_adjectives=adjectives,
                                  roll_up_cities=roll_up)
if is_empty(countries):
    empty_state(lang)
    stop_page()
fig = charts.choropleth(countries, lang, t("map_title", lang), t("col_mentions", lang))
chart(fig, key="map_chart", file_name="country_mentions")
name_col = "name_ar" if lang == "ar" else "name_en"
top = countries.head(20)
fig = charts.hbar(top[name_col].fillna(top["iso3"]).tolist(), top["mentions"], lang,
                  t("map_title", lang), t("col_mentions", lang), customdata=top["entity_id"])
chart(fig, key="map_bar", file_name="country_mentions_bar")
labels = {"name_ar": "الاسم", "name_en": "Name", "mentions": t("col_mentions", lang)}
table(countries, lang, key="map_table", file_name="country_mentions", labels=labels, folded=True)
