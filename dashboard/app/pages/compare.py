"""Compare: two to five searches side by side (Media Cloud's attention chart, GDELT's timelines):
matching articles per day, week or month as a share of everything the selected outlets published
(or as counts, with the period's volume behind), one line per search or per search and outlet;
each search's share per outlet; and the words most distinctive of each search's sentences.
Clicking a point lists that period's matching articles. Every choice is in the URL."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.analysis.attention import (
    GRANULARITIES,
    MAX_ARTICLES,
    attention,
    distinctive_words,
    period_articles,
    share_by_source,
    unplaced,
)
from dashboard.app.compare_charts import attention_figure, share_figure
from dashboard.app.components import (
    chart,
    columns,
    compute,
    esc,
    grid,
    is_empty,
    link_column,
    selected_points,
    stop_page,
    table,
    with_safe_urls,
)
from dashboard.app.i18n import column_labels, display_names, number, t
from dashboard.app.page import start_page
from dashboard.app.safe import md
from dashboard.app.state import query_error
from dashboard.app.urlstate import Param, page_params

MAX_QUERIES = 5
# The product's own question, as a first view.
DEFAULT_QUERIES = ("روسيا", "الصين", '"الولايات المتحدة" OR أمريكا OR أميركا', '"الاتحاد الأوروبي"', "")
MEASURES = ("share", "count")
GRANULARITY_LABELS = {"day": "gran_day", "week": "gran_week", "month": "gran_month"}
MEASURE_LABELS = {"share": "measure_share", "count": "measure_count"}

ctx = start_page("compare", needs_articles=True)
lang = ctx.lang
ds = ctx.ds
page_params("compare", {
    **{f"cmp_q{i + 1}": Param(f"q{i + 1}", DEFAULT_QUERIES[i]) for i in range(MAX_QUERIES)},
    "cmp_gran": Param("gran", "month", choices=GRANULARITIES),
    "cmp_measure": Param("measure", "share", choices=MEASURES),
    "cmp_split": Param("split", False, kind="bool"),
    "cmp_point": Param("point", ""),
})
st.caption(t("compare_intro", lang))

entity_names = display_names(ds.entities, "entity_id", lang)


def add_entity() -> None:
    """Put the chosen entity, as the search language's entity:ID, into the first empty slot."""
    entity = st.session_state.get("cmp_entity")
    if not entity:
        return
    for i in range(MAX_QUERIES):
        if not st.session_state.get(f"cmp_q{i + 1}", "").strip():
            st.session_state[f"cmp_q{i + 1}"] = f"entity:{entity}"
            break
    st.session_state["cmp_entity"] = None


for col, i in grid(list(range(MAX_QUERIES)), lang, per_row=MAX_QUERIES):
    col.text_input(t("compare_query", lang, n=i + 1), key=f"cmp_q{i + 1}", help=t("keyword_help", lang))
c1, c2, c3, c4 = columns(4, lang, [2, 3, 2, 2])
c1.segmented_control(t("granularity", lang), GRANULARITIES, key="cmp_gran",
                     format_func=lambda g: t(GRANULARITY_LABELS[g], lang))
c2.segmented_control(t("measure", lang), MEASURES, key="cmp_measure",
                     format_func=lambda m: t(MEASURE_LABELS[m], lang))
c3.toggle(t("split_outlets", lang), key="cmp_split")
c4.selectbox(t("entity_helper", lang), sorted(entity_names, key=lambda e: entity_names[e]),
             index=None, key="cmp_entity", format_func=lambda e: entity_names.get(e, e),
             on_change=add_entity, placeholder="entity:…")

queries: list[str] = []
for i in range(MAX_QUERIES):
    query = st.session_state.get(f"cmp_q{i + 1}", "").strip()
    if not query or query in queries:
        continue
    error = query_error(ds, query, lang)
    if error:
        st.error(f"{t('compare_query', lang, n=i + 1)}: {md(error)}", icon=":material/search_off:")
        continue
    queries.append(query)
if len(queries) < 2:
    st.info(t("compare_need_two", lang))
    stop_page()


def label(query: str) -> str:
    """A search as its reader knows it: an entity atom by its catalogue name."""
    if query.startswith("entity:") and " " not in query and query[7:] in entity_names:
        return entity_names[query[7:]]
    return query


labels = {q: label(q) for q in queries}
granularity = st.session_state.get("cmp_gran") or "month"
measure = st.session_state.get("cmp_measure") or "share"
split = bool(st.session_state.get("cmp_split"))
qs = tuple(queries)

# Attention over time.
over_time: pd.DataFrame = compute(ctx, attention, qs, granularity, by_source=split)
left_out = compute(ctx, unplaced, granularity)
value = "share" if measure == "share" else "matching"
fig = attention_figure(over_time, labels, lang, t("attention_title", lang), value,
                       t(MEASURE_LABELS[measure], lang), t("attention_total", lang))
event = chart(fig, key="compare_attention", file_name="attention", on_select="rerun",
              selection_mode="points")
notes = [t("attention_click", lang)]
if left_out:
    notes.append(t("attention_unplaced", lang, n=number(left_out, lang)))
st.caption(" ".join(notes))
table(over_time.assign(query=over_time["query"].map(labels)), lang, key="compare_attention_table",
      file_name="attention", folded=True,
      labels=column_labels(lang, "query", "source", "period", "matching", "total", "share"))

# Click-through: the clicked period's matching articles.
points = [p for p in selected_points(event) if isinstance(p.get("customdata"), list)]
if points:
    qi, period, source = points[0]["customdata"][:3]
    st.session_state["cmp_point"] = f"{qi}|{period}|{source}"
point = st.session_state.get("cmp_point") or ""
parts = point.split("|")
if len(parts) == 3 and parts[0].isdigit() and int(parts[0]) < len(queries):
    query = queries[int(parts[0])]
    try:
        chosen_period = pd.Timestamp(parts[1])
    except ValueError:
        chosen_period = None
    if chosen_period is not None:
        found = compute(ctx, period_articles, query, granularity, chosen_period,
                        source=parts[2] or None)
        period_label = parts[1] + (f" · {parts[2]}" if parts[2] else "")
        st.subheader(t("period_articles", lang, q=md(labels[query]), p=md(period_label)))
        table(with_safe_urls(found), lang, key="compare_period_articles", file_name="period_articles",
              labels={**column_labels(lang, "title", "source"),
                      "date": column_labels(lang, "published")["published"]},
              column_config={"article_id": None, "published": None, "url": link_column(lang)})

# Share per outlet.
shares: pd.DataFrame = compute(ctx, share_by_source, qs)
if not is_empty(shares):
    chart(share_figure(shares, labels, lang, t("share_outlet_title", lang), t("measure_share", lang)),
          key="compare_shares", file_name="share_per_outlet")
    table(shares.assign(query=shares["query"].map(labels)), lang, key="compare_shares_table",
          file_name="share_per_outlet", folded=True,
          labels=column_labels(lang, "query", "source", "matching", "total", "share"))

# Distinctive words of each search's sentences.
st.subheader(t("distinctive_title", lang))
st.caption(t("distinctive_caption", lang) + " " + t("distinctive_sample", lang, n=number(MAX_ARTICLES, lang)))
words: pd.DataFrame = compute(ctx, distinctive_words, qs, top_n=15)
if not is_empty(words):
    for col, query in grid(queries, lang, per_row=min(len(queries), 3)):
        part = words[words["query"] == query]
        col.html(f'<div class="kz-query-label" dir="auto"><b>{esc(labels[query])}</b></div>')
        heads = column_labels(lang, "term", "count_query", "z")
        col.dataframe(part[["term", "count_query", "z"]].rename(columns=heads),
                      hide_index=True, width="stretch", key=f"compare_words_{queries.index(query)}",
                      column_config={heads["z"]: st.column_config.NumberColumn(format="%.1f")})
    table(words.assign(query=words["query"].map(labels)), lang, key="compare_words_table",
          file_name="distinctive_words", folded=True, labels=column_labels(lang, "query", "term"))
