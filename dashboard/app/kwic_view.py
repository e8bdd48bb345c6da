"""Keyword-in-context lines as an escaped right-to-left table, with a CSV download and a way to
open the article a line comes from (the Overview page's reader)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.app.components import basis, empty_state, esc, is_empty, selected_rows, table
from dashboard.app.i18n import column_labels, fmt_int, t
from dashboard.app.page import switch_to
from dashboard.app.state import Context

SHOWN_LINES = 150


def kwic_lines_html(hits: pd.DataFrame, limit: int = SHOWN_LINES) -> str:
    """One row per hit, read right to left: the text before the match (right-hand cell, aligned
    towards the match), the match, the text after it. All text from the articles is escaped."""
    rows = []
    for r in hits.head(limit).itertuples():
        rows.append(
            f'<tr><td class="before">{esc(r.left)}</td><td class="match"><mark>{esc(r.match)}</mark>'
            f'</td><td class="after">{esc(r.right)}</td><td class="meta">{esc(r.source)}<br>'
            f'<bdi dir="ltr">{esc(str(r.published)[:10])}</bdi></td></tr>')
    return f'<table class="kz-kwic" dir="rtl">{"".join(rows)}</table>'


def kwic_block(ctx: Context, hits: pd.DataFrame, key: str, file_name: str) -> None:
    """The concordance lines, their counts, a CSV of all of them, and an article opener."""
    lang = ctx.lang
    if is_empty(hits):
        empty_state(lang)
        return
    n_articles = hits["article_id"].nunique()
    basis(ctx, n_articles, hits[["article_id", "sentence_id"]].drop_duplicates().shape[0])
    st.caption(t("kwic_count", lang, n=fmt_int(len(hits)), a=fmt_int(n_articles)))
    st.html(kwic_lines_html(hits))
    labels = column_labels(lang, "title", "source", "published", "left", "match", "right")
    shown = hits[["source", "published", "title", "left", "match", "right", "article_id",
                  "sentence_id", "char_start", "char_end"]]
    event = table(shown, lang, key=f"{key}_table", file_name=file_name, labels=labels,
                  on_select="rerun", selection_mode="single-row",
                  column_config={"article_id": None, "sentence_id": None, "char_start": None,
                                 "char_end": None})
    st.caption(t("open_article", lang))
    rows = selected_rows(event)
    if rows and rows[0] < len(shown):
        open_article(shown.iloc[rows[0]]["article_id"])


def open_article(article_id: str) -> None:
    """Switch to the Overview page with the reader on ``article_id``."""
    st.session_state["reader_article_request"] = article_id
    st.query_params["article"] = article_id
    switch_to("overview")
