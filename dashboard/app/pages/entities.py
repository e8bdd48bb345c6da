"""Entities: most mentioned people, places and organisations by type; per-source rates; the
same-sentence network; choosing an entity opens its concordance."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.analysis.concordance import entity_concordance
from dashboard.analysis.entities import DEFAULT_MAX_EDGES, cooccurrence, entity_by_source, entity_counts
from dashboard.app import charts
from dashboard.app.components import (
    chart,
    clicked_id,
    columns,
    compute,
    empty_state,
    follow_pick,
    is_empty,
    selected_points,
    stop_page,
    table,
)
from dashboard.app.i18n import column_labels, display_names, number, plural, t, type_name
from dashboard.app.kwic_view import kwic_block, kwic_params
from dashboard.app.page import start_page, switch_to
from dashboard.app.palette import palette
from dashboard.app.safe import isolate, plain
from dashboard.app.urlstate import Param, page_params

TOP_N = 25

ctx = start_page("entities", needs_articles=True)
lang = ctx.lang
page_params("entities", {
    "ent_types": Param("types", [], kind="list"), "ent_adjectives": Param("adj", True, kind="bool"),
    "ent_roll_up": Param("rollup", False, kind="bool"), "entity_pick": Param("entity", ""),
    "ent_unreviewed": Param("unreviewed", True, kind="bool"),
    "ent_edges": Param("edges", DEFAULT_MAX_EDGES, kind="int"),
    **kwic_params("entities_kwic", "e")})

all_types = sorted(ctx.ds.entities["type"].dropna().unique().tolist())
c1, c2, c3, c4 = columns(4, lang)
st.session_state["ent_types"] = [v for v in st.session_state.get("ent_types", []) if v in all_types]
types = c1.multiselect(t("types", lang), all_types, key="ent_types",
                       format_func=lambda typ: type_name(typ, lang), placeholder=t("all", lang))
adjectives = c2.toggle(t("include_adjectives", lang), help=t("include_adjectives_help", lang), key="ent_adjectives")
roll_up = c3.toggle(t("roll_up", lang), help=t("roll_up_help", lang), key="ent_roll_up")
# names the catalogue does not know yet (persons after a title, bodies in quotes; marked unreviewed)
unreviewed = c4.toggle(t("include_unreviewed", lang), key="ent_unreviewed", help=t("include_unreviewed_help", lang))

counts: pd.DataFrame = compute(ctx, entity_counts, include_adjectives=adjectives,
                               roll_up_cities=roll_up, types=tuple(types) or None,
                               include_provisional=unreviewed)
if is_empty(counts):
    empty_state(lang)
    stop_page()

names = display_names(counts, "entity_id", lang)
colours = palette(ctx.ds)
type_colours = colours.entity_types
top = counts.head(TOP_N)
if len(counts) > TOP_N:  # the chart's cap said, with the true total (the table below has all)
    st.caption(t("shown_of", lang, shown=number(TOP_N, lang), total=plural(len(counts), "entity", lang)))
hover = [f"{isolate(a)} · {isolate(b)} ({type_name(ty, lang)}): {m:,} / {n:,}"
         for a, b, ty, m, n in zip(top["name_ar"], top["name_en"], top["type"], top["mentions"],
                                   top["articles"])]
fig = charts.hbar([names[e] for e in top["entity_id"]], top["mentions"], lang,
                  t("top_entities", lang), t("col_mentions", lang), customdata=top["entity_id"],
                  colours=[colours.entity_type(ty) for ty in top["type"]],
                  hover=hover,
                  legend={type_name(ty, lang): type_colours[ty] for ty in sorted(set(top["type"]))})
picked = chart(fig, key="entities_bar", file_name="top_entities", on_select="rerun",
               selection_mode="points")
table(counts, lang, key="entities_table", file_name="entity_counts",
      labels=column_labels(lang, "name_ar", "name_en", "type", "mentions", "articles"), folded=True)

# Per-source breakdown of the top ten.
by_source: pd.DataFrame = compute(ctx, entity_by_source, tuple(top["entity_id"].head(10)),
                                  include_adjectives=adjectives, roll_up_cities=roll_up)
if not is_empty(by_source):
    fig = charts.grouped_hbar(by_source, "entity_id", "per_1000_words", "source", lang,
                              t("per_source", lang), t("per_1000", lang), label_names=names,
                              order=top["entity_id"].head(10).tolist(), colours=colours.outlets)
    chart(fig, key="entities_by_source", file_name="entities_by_source")
    table(by_source, lang, key="entities_by_source_table", file_name="entities_by_source",
          folded=True)

# Same-sentence network: the strongest pairs by G2, as many as the reader asks for.
st.session_state["ent_edges"] = min(max(int(st.session_state.get("ent_edges") or DEFAULT_MAX_EDGES), 5), 300)
max_edges = st.number_input(t("network_edges", lang), min_value=5, max_value=300, step=5, key="ent_edges")
st.caption(t("network_help", lang, n=number(int(max_edges), lang)))
nodes, edges = compute(ctx, cooccurrence, top_n=30, max_edges=int(max_edges), include_adjectives=adjectives,
                       include_provisional=unreviewed)
# Entities named with no other (degree 0) are left out: spring layout flings them to the edges
# and the connected cluster shrinks to a blot.
if not is_empty(nodes) and "degree" in nodes:
    nodes = nodes[nodes["degree"] > 0]
if is_empty(nodes) or is_empty(edges):
    st.info(t("network_empty", lang))
else:
    fig = charts.network(nodes, edges, lang, t("network", lang), type_colours,
                         {ty: type_name(ty, lang) for ty in all_types})
    net_picked = chart(fig, key="entities_network", file_name="entity_network",
                       on_select="rerun", selection_mode="points")
    if selected_points(net_picked):
        picked = net_picked
    table(edges, lang, key="entities_edges_table", file_name="entity_cooccurrence", folded=True)

# Choosing an entity (a bar, a node, or the picker) opens its concordance.
options = counts["entity_id"].head(200).tolist()
follow_pick("entity_pick", clicked_id(picked, names), names, options[0])
if st.session_state["entity_pick"] not in options:  # a clicked node beyond the first 200
    options.append(st.session_state["entity_pick"])
entity_id = st.selectbox(t("choose_entity", lang), options, key="entity_pick",
                         format_func=lambda e: plain(names.get(e, e)))
# From the build's mentions: every alias and spelling the gazetteer matched, cities rolled up
# when asked (a keyword search on the name alone would miss بوتن for بوتين).
hits: pd.DataFrame = compute(ctx, entity_concordance, entity_id, include_adjectives=adjectives,
                             roll_up_cities=roll_up)
kwic_block(ctx, hits, key="entities_kwic", file_name=f"concordance_{entity_id}")
if st.button(t("open_concordance", lang), key="entities_open_concordance"):
    # The search language's entity atom: the same mentions, so the same articles.
    st.session_state["kwic_query_request"] = f"entity:{entity_id}"
    switch_to("concordance")
