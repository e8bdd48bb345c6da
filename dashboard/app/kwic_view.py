"""Keyword-in-context lines: the whole list a page at a time, sorted by position or by the
context on either side, identical lines folded with their count, each line with its outlet, date
and a link to the original article; a CSV of every line, and a way to open a line's article in
the Overview page's reader. All article text is escaped."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.analysis.concordance import SORTS, fold_identical, page_of, sort_lines
from dashboard.app.components import (
    basis,
    columns,
    empty_state,
    esc,
    is_empty,
    link_column,
    selected_rows,
    source_link_html,
    table,
    with_safe_urls,
)
from dashboard.app.i18n import column_labels, number, plural, t
from dashboard.app.page import switch_to
from dashboard.app.state import Context
from dashboard.app.urlstate import Param

PAGE_SIZE = 100
SORT_LABELS = {"position": "sort_position", "left": "sort_left", "right": "sort_right"}


def kwic_params(key: str, prefix: str) -> dict[str, Param]:
    """The URL parameters of a concordance block whose widgets use ``key``."""
    return {f"{key}_sort": Param(f"{prefix}sort", "position", choices=SORTS),
            f"{key}_fold": Param(f"{prefix}fold", True, kind="bool"),
            f"{key}_page": Param(f"{prefix}page", 1, kind="int")}


def kwic_lines_html(hits: pd.DataFrame, lang: str = "ar") -> str:
    """One row per line, read right to left: the text before the match (right-hand cell, aligned
    towards the match), the match, the text after it, then outlet, date, copies and the link."""
    rows = []
    has_copies = "copies" in hits
    for r in hits.itertuples():
        copies = int(r.copies) if has_copies else 1
        extra = f' <span class="copies">×{copies}</span>' if copies > 1 else ""
        link = source_link_html(getattr(r, "url", None), lang)
        rows.append(
            f'<tr><td class="before">{esc(r.left)}</td><td class="match"><mark>{esc(r.match)}</mark>'
            f'</td><td class="after">{esc(r.right)}</td><td class="meta"><bdi>{esc(r.source)}</bdi>{extra}<br>'
            f'<bdi dir="ltr">{esc(r.date)}</bdi>{"<br>" + link if link else ""}</td></tr>')
    return f'<table class="kz-kwic" dir="rtl">{"".join(rows)}</table>'


def kwic_block(ctx: Context, hits: pd.DataFrame, key: str, file_name: str,
               filter_articles: int | None = None) -> None:
    """Every concordance line of ``hits``, a page at a time (controls keyed ``{key}_sort``,
    ``{key}_fold``, ``{key}_page``: declare them with ``kwic_params`` to have them in the URL),
    the true totals, a CSV of all lines and an article opener. ``filter_articles``: how many
    articles the filters find for this search (said next to the concordance's own count)."""
    lang = ctx.lang
    if is_empty(hits):
        empty_state(lang)
        return
    ss = st.session_state
    ss.setdefault(f"{key}_sort", "position")
    ss.setdefault(f"{key}_fold", True)
    c1, c2 = columns(2, lang, [2, 1])
    c1.segmented_control(t("kwic_sort", lang), SORTS, key=f"{key}_sort",
                         format_func=lambda s: t(SORT_LABELS[s], lang))
    c2.toggle(t("kwic_fold", lang), key=f"{key}_fold")
    by = ss.get(f"{key}_sort") or "position"
    lines = sort_lines(fold_identical(hits) if ss.get(f"{key}_fold") else hits, by)
    n_articles = hits["article_id"].nunique()
    basis(ctx, n_articles, hits[["article_id", "sentence_id"]].drop_duplicates().shape[0])
    n_pages = max(1, -(-len(lines) // PAGE_SIZE))
    page_key = f"{key}_page"
    current = ss.get(page_key, 1)
    if not isinstance(current, int) or not 1 <= current <= n_pages:  # the list got shorter
        ss[page_key] = min(max(1, int(current) if isinstance(current, int) else 1), n_pages)
    shown, page, _ = page_of(lines, ss[page_key] - 1, PAGE_SIZE)
    first, last = page * PAGE_SIZE + 1, page * PAGE_SIZE + len(shown)
    st.caption(t("kwic_total", lang, lines=plural(len(lines), "hit", lang),
                 a=plural(n_articles, "article", lang),
                 m=plural(n_articles if filter_articles is None else filter_articles, "article", lang),
                 first=number(first, lang), last=number(last, lang)))
    if len(lines) < len(hits):
        st.caption(t("kwic_folded", lang, n=number(len(hits) - len(lines), lang)))
    if n_pages > 1:
        p1, p2 = columns(2, lang, [1, 3])
        p1.number_input(t("kwic_page", lang), min_value=1, max_value=n_pages, step=1, key=page_key)
        p2.caption(t("kwic_pages", lang, n=number(n_pages, lang)))
    st.html(kwic_lines_html(shown, lang))
    cols = ["source", "date", "title", "left", "match", "right", "url", "article_id",
            "sentence_id", "char_start", "char_end"] + (["copies"] if "copies" in lines else [])
    labels = column_labels(lang, "title", "source", "left", "match", "right", "copies")
    labels["date"] = column_labels(lang, "published")["published"]  # the date at its precision
    event = table(with_safe_urls(shown[cols]), lang, key=f"{key}_table", file_name=file_name,
                  labels=labels, csv_df=lines[cols], on_select="rerun", selection_mode="single-row",
                  column_config={"url": link_column(lang), "article_id": None, "sentence_id": None,
                                 "char_start": None, "char_end": None})
    st.caption(t("open_article", lang))
    rows = selected_rows(event)
    if rows and rows[0] < len(shown):
        open_article(shown.iloc[rows[0]]["article_id"])


def open_article(article_id: str) -> None:
    """Switch to the Overview page with the reader on ``article_id``."""
    st.session_state["reader_article_request"] = article_id
    st.query_params["article"] = article_id
    switch_to("overview")
