"""Concordance: keyword in context over the filtered sentences, Arabic-aware (spelling variants,
attached prefixes, optionally derived forms), the match highlighted, each line opening its article."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.analysis.concordance import kwic
from dashboard.app.components import basis, columns, compute, empty_state, stop_page
from dashboard.app.i18n import t
from dashboard.app.kwic_view import kwic_block
from dashboard.app.page import start_page

LIMIT = 500

ctx = start_page("concordance", show_basis=False)  # the basis follows the query
lang = ctx.lang
if "kwic_query_request" in st.session_state:  # sent by the Entities page
    st.session_state["kwic_query"] = st.session_state.pop("kwic_query_request")
if not st.session_state.get("kwic_query") and ctx.filters.keyword:
    st.session_state["kwic_query"] = ctx.filters.keyword
c1, c2 = columns(2, lang, [3, 1])
query = c1.text_input(t("query", lang), key="kwic_query")
derived = c2.toggle(t("derived", lang), key="kwic_derived", value=ctx.filters.keyword_derived)
if ctx.sel.n_articles == 0:
    basis(ctx)
    empty_state(lang)
    stop_page()
if not query.strip():
    basis(ctx)
    st.info(t("query_hint", lang))
    stop_page()
hits: pd.DataFrame = compute(ctx, kwic, query.strip(), derived=derived, limit=LIMIT)
kwic_block(ctx, hits, key="concordance", file_name="concordance")
