"""Overview: headline figures, the filtered articles, and a reader with highlights."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.analysis.overview import article_table, headline
from dashboard.app.components import (
    columns,
    compute,
    empty_state,
    esc,
    follow_pick,
    is_empty,
    link_column,
    selected_rows,
    source_link_html,
    stop_page,
    table,
    with_safe_urls,
)
from dashboard.app.i18n import column_labels, number, plural, t
from dashboard.app.page import start_page
from dashboard.app.reader import ReaderView, reader_html
from dashboard.app.safe import isolate
from dashboard.app.state import context, query_error

PICKER_SIZE = 300
TABLE_ROWS = 1000


# Bounded in count and age: one entry can be megabytes (a long article's HTML).
@st.cache_data(show_spinner=False, max_entries=32, ttl=3600)
def reader(version: str, article_id: str, lang: str, query: str, derived: bool) -> ReaderView:
    """The reader's HTML, built once per article, language and search (a long article takes
    tens of ms); what the sidebar's search matched is marked."""
    ds = context().ds
    hits: list[tuple[int, int]] = []
    if query and query_error(ds, query, lang) is None:
        from dashboard.search import compile_query  # the filter has imported it already

        code = int(np.searchsorted(ds.ix.article_ids, article_id))
        if code < len(ds.ix.article_ids) and ds.ix.article_ids[code] == article_id:
            hits = compile_query(ds, query, derived).spans(code)
    return reader_html(ds, article_id, lang, query_spans=hits)


ctx = start_page("overview")
lang = ctx.lang

head = compute(ctx, headline)
cols = columns(5, lang)
figures = [("m_articles", head.get("articles", 0)), ("m_sentences", head.get("sentences", 0)),
           ("m_sources", head.get("sources", 0)), ("m_entities", head.get("entities", 0)),
           ("m_events", head.get("events", 0) - head.get("events_unreviewed", 0))]
# the entity count includes names the catalogue does not know yet: the card says how many
unreviewed = head.get("entities_unreviewed", 0)
notes = {"m_entities": t("m_entities_unreviewed", lang, n=plural(unreviewed, "entity", lang)) if unreviewed else None}
# the event count is the catalogue's, as the Event timeline draws by default; the card says how many
# more the build discovered (unreviewed: about one in five read on ANT was wrong)
unreviewed_events = head.get("events_unreviewed", 0)
if unreviewed_events:
    notes["m_events"] = t("m_events_unreviewed", lang, n=plural(unreviewed_events, "event", lang))
for col, (key, value) in zip(cols, figures):
    col.metric(t(key, lang), number(value or 0, lang), help=notes.get(key))
first_day, last_day = head.get("date_from_label", ""), head.get("date_to_label", "")
if first_day and last_day:  # a sentence, not a card: two full dates do not fit a card's width
    # Dates isolated left-to-right: in an Arabic sentence 2020-12-01 would otherwise reorder.
    # (Markdown drops Unicode isolates, so <bdi>; the values are formatted dates, not article text.)
    st.caption(t("period", lang, start=f'<bdi dir="ltr">{esc(first_day)}</bdi>',
                 end=f'<bdi dir="ltr">{esc(last_day)}</bdi>'), unsafe_allow_html=True)

articles: pd.DataFrame = compute(ctx, article_table)
if is_empty(articles):
    empty_state(lang)
    stop_page()

st.subheader(t("articles_table", lang))
if len(articles) > TABLE_ROWS:
    st.caption(t("table_capped", lang, shown=number(TABLE_ROWS, lang),
                 total=plural(len(articles), "article", lang)))
shown = articles.copy()
shown["title"] = shown["title"].fillna("")
# One themes column in the interface language.
if "themes_en" in shown:
    if lang != "ar":
        shown["themes"] = shown["themes_en"]
    shown = shown.drop(columns="themes_en")
labels = column_labels(lang, "title", "source", "published", "themes", "n_sentences")
shown = with_safe_urls(shown)
event = table(shown[[c for c in shown.columns if c != "article_id"] + ["article_id"]], lang,
              key="overview_articles", file_name="articles", labels=labels, max_rows=TABLE_ROWS,
              on_select="rerun", selection_mode="single-row",
              column_config={"article_id": None, "url": link_column(lang),
                             # Fixed widths: auto-sized, a long title pushes the grid into a
                             # horizontal scroll that hides the start of Arabic titles.
                             labels["title"]: st.column_config.Column(  # titles are Arabic
                                 width="large", alignment="right"),
                             labels["themes"]: st.column_config.Column(
                                 width="medium", alignment="right" if lang == "ar" else "left"),
                             labels["source"]: st.column_config.Column(width="small"),
                             labels["published"]: st.column_config.Column(width="small"),
                             labels["n_sentences"]: st.column_config.Column(width="small")})

# The reader follows a row chosen in the table, a ?article= link, or the picker below.
# numpy object arrays, not lists: iterating Arrow-backed strings in Python costs ~30 ms per
# 31k-row column.
ids = shown["article_id"].to_numpy(dtype=object)
known = set(ids)
if "reader_article_request" in st.session_state:  # sent by another page (a concordance line)
    st.session_state["reader_article"] = st.session_state.pop("reader_article_request")
rows = selected_rows(event)
row_pick = str(ids[rows[0]]) if rows and rows[0] < len(ids) else None
url_pick = st.query_params.get("article")
if "reader_article" not in st.session_state and url_pick in known:
    st.session_state["reader_article"] = url_pick
follow_pick("reader_article", row_pick, known, str(ids[0]))
# The picker lists the first articles plus the chosen one (31k options would be megabytes per run).
options = list(dict.fromkeys([str(a) for a in ids[:PICKER_SIZE]]
                             + [st.session_state["reader_article"]]))
picked = shown.set_index("article_id").loc[options]
titles = dict(zip(options, picked["title"].fillna("").astype(str)))
sources = dict(zip(options, picked["source"].fillna("").astype(str)))
st.subheader(t("reader", lang))
chosen = st.selectbox(t("choose_article", lang), options, key="reader_article",
                      format_func=lambda a: f"{isolate(titles.get(a, a)[:90])} — {isolate(sources.get(a, ''))}")
if chosen:
    st.query_params["article"] = chosen
    row = picked.loc[chosen] if chosen in picked.index else None
    if row is not None:  # where the article comes from: outlet, date, link to the original
        link = source_link_html(row.get("url"), lang) or esc(t("no_url", lang))
        st.html(f'<div class="kz-source" dir="{"rtl" if lang == "ar" else "ltr"}">'
                f'{esc(row.get("source"))} · <bdi dir="ltr">{esc(row.get("published"))}</bdi>'
                f' · {link}</div>')
    marks = (("hit",) if ctx.filters.keyword else ()) + ("ent", "date", "event")
    st.html(f'<div class="kz-legend kz-rtl" dir="{"rtl" if lang == "ar" else "ltr"}">'
            + "".join(f'<mark class="{cls}">{esc(t(f"mark_{cls}", lang))}</mark>'
                      for cls in marks) + "</div>")
    view = reader(ctx.ds.version, chosen, lang, ctx.filters.keyword, ctx.filters.keyword_derived)
    if view.marks < view.total:
        st.caption(t("reader_capped", lang, shown=number(view.marks, lang), total=number(view.total, lang)))
    # reader_html escapes the article text itself: the only unsafe HTML the app renders.
    st.html(f'<div class="kz-reader" dir="rtl" lang="ar">{view.html}</div>')
