"""Collocates: the words that keep company with a search more than chance predicts (Voyant's
Collocates), by Dunning's log-likelihood G2 with a minimum count (analysis/collocates.py says why
G2 and not PMI), over the filtered articles or per outlet; choosing a word lists the concordance
lines where the two meet."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.analysis.collocates import DEFAULT_MIN_COUNT, DEFAULT_WINDOW, collocate_lines, collocates
from dashboard.app.components import (
    columns,
    compute,
    empty_state,
    grid,
    is_empty,
    selected_rows,
    stop_page,
    table,
)
from dashboard.app.i18n import column_labels, t
from dashboard.app.kwic_view import kwic_block, kwic_params
from dashboard.app.page import start_page
from dashboard.app.safe import md
from dashboard.app.state import query_error
from dashboard.app.urlstate import Param, page_params

TOP_N = 30

ctx = start_page("collocates", needs_articles=True)
lang = ctx.lang
page_params("collocates", {
    "coll_query": Param("q", "روسيا"), "coll_derived": Param("qd", False, kind="bool"),
    "coll_window": Param("window", DEFAULT_WINDOW, kind="int"),
    "coll_min": Param("min", DEFAULT_MIN_COUNT, kind="int"),
    "coll_split": Param("split", False, kind="bool"), "coll_term": Param("term", ""),
    "coll_source": Param("src", ""), **kwic_params("coll_kwic", "c")})
ss = st.session_state
ss["coll_window"] = min(max(int(ss.get("coll_window") or DEFAULT_WINDOW), 1), 10)
ss["coll_min"] = min(max(int(ss.get("coll_min") or DEFAULT_MIN_COUNT), 1), 50)
c1, c2, c3, c4, c5 = columns(5, lang, [3, 1, 1, 1, 1])
query = c1.text_input(t("query", lang), key="coll_query", help=t("keyword_help", lang)).strip()
derived = c2.toggle(t("derived", lang), key="coll_derived")
window = c3.number_input(t("window", lang), min_value=1, max_value=10, step=1, key="coll_window")
min_count = c4.number_input(t("min_count", lang), min_value=1, max_value=50, step=1, key="coll_min")
split = c5.toggle(t("per_outlet", lang), key="coll_split")
st.caption(t("colloc_intro", lang, w=window, m=min_count))
if not query:
    st.info(t("query_hint", lang))
    stop_page()
error = query_error(ctx.ds, query, lang)
if error:
    st.error(t("query_error", lang, error=md(error)), icon=":material/search_off:")
    stop_page()

found: pd.DataFrame = compute(ctx, collocates, query, derived=derived, window=int(window),
                              min_count=int(min_count), top_n=TOP_N, by_source=split)
if is_empty(found):
    empty_state(lang)
    stop_page()

labels = column_labels(lang, "term", "together", "term_total", "expected", "g2", "pmi")
config = {"expected": st.column_config.NumberColumn(format="%.1f"),
          "g2": st.column_config.NumberColumn(format="%.1f"),
          "pmi": st.column_config.NumberColumn(format="%.2f")}
picks: list[tuple[str, str]] = []  # (outlet, term) a click chose
groups = sorted(found["source"].unique().tolist())
for col, source in grid(groups, lang, per_row=min(len(groups), 3) or 1):
    part = found[found["source"] == source].drop(columns="source").reset_index(drop=True)
    with col:
        if source:
            st.caption(md(source))
        event = table(part, lang, key=f"coll_table_{groups.index(source)}", file_name="collocates",
                      labels=labels, on_select="rerun", selection_mode="single-row",
                      column_config={labels.get(k, k): v for k, v in config.items()})
        rows = selected_rows(event)
        if rows and rows[0] < len(part):
            picks.append((source, str(part.at[rows[0], "term"])))
st.caption(t("colloc_click", lang))
for source, term in picks:
    if (term, source) != (ss.get("coll_term"), ss.get("coll_source")):
        ss["coll_term"], ss["coll_source"] = term, source
term = ss.get("coll_term") or ""
if term and term in set(found["term"]):
    st.subheader(t("colloc_lines", lang, q=md(query), w=md(term)))
    lines = compute(ctx, collocate_lines, query, term, derived=derived, window=int(window),
                    source=ss.get("coll_source") or None)
    kwic_block(ctx, lines, key="coll_kwic", file_name=f"collocates_{term}")
