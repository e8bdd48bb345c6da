"""Concordance: every line where a search matched in the filtered articles (the search language of
dashboard/search: Arabic forms, "phrases", AND/OR/NOT, word*, entity:ID), a page at a time, with
the true totals, sorting by context, identical lines folded, and each line opening its article."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.analysis.concordance import kwic
from dashboard.app.components import basis, columns, compute, empty_state, stop_page
from dashboard.app.i18n import t
from dashboard.app.kwic_view import kwic_block, kwic_params
from dashboard.app.page import start_page
from dashboard.app.safe import md
from dashboard.app.state import query_error
from dashboard.app.urlstate import Param, page_params
from dashboard.search import compile_query

KEY = "concordance"

ctx = start_page("concordance", show_basis=False)  # the basis follows the query
lang = ctx.lang
page_params("concordance", {"kwic_query": Param("q", ""), "kwic_derived": Param("qd", False, kind="bool"),
                            **kwic_params(KEY, "q")})
if "kwic_query_request" in st.session_state:  # sent by another page (Entities, Collocates)
    st.session_state["kwic_query"] = st.session_state.pop("kwic_query_request")
if not st.session_state.get("kwic_query") and ctx.filters.keyword:
    st.session_state["kwic_query"] = ctx.filters.keyword
    st.session_state["kwic_derived"] = ctx.filters.keyword_derived
c1, c2 = columns(2, lang, [3, 1])
query = c1.text_input(t("query", lang), key="kwic_query", help=t("keyword_help", lang)).strip()
derived = c2.toggle(t("derived", lang), key="kwic_derived")
if ctx.sel.n_articles == 0:
    basis(ctx)
    empty_state(lang)
    stop_page()
if not query:
    basis(ctx)
    st.info(t("query_hint", lang))
    stop_page()
error = query_error(ctx.ds, query, lang)
if error:
    st.error(t("query_error", lang, error=md(error)), icon=":material/search_off:")
    stop_page()
search = compile_query(ctx.ds, query, derived)
if not search.can_point:
    st.info(t("kwic_no_context", lang))
    stop_page()
found = int(np.count_nonzero(ctx.sel.article_mask & search.mask()))
hits: pd.DataFrame = compute(ctx, kwic, query, derived=derived)
kwic_block(ctx, hits, key=KEY, file_name="concordance", filter_articles=found)
