"""Source comparison: outlets side by side — volume, theme shares, entity rates per 1,000 words,
and each outlet's distinctive words (log-odds ratio with an informative Dirichlet prior)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.analysis.sources import (
    Z_SIGNIFICANT,
    boilerplate_left_out,
    distinctive_terms,
    entity_rates,
    source_volume,
    theme_shares,
)
from dashboard.app import charts
from dashboard.app.components import chart, columns, compute, empty_state, grid, is_empty, stop_page, table
from dashboard.app.i18n import column_labels, display_names, name_column, number, t
from dashboard.app.page import start_page
from dashboard.app.palette import palette
from dashboard.app.safe import isolate, md
from dashboard.paths import CATALOGUE_DIR, REPO_ROOT

BOILERPLATE_CATALOGUE = (CATALOGUE_DIR / "boilerplate.yaml").relative_to(REPO_ROOT).as_posix()

ctx = start_page("sources")
lang = ctx.lang
volume: pd.DataFrame = compute(ctx, source_volume)
if is_empty(volume):
    empty_state(lang)
    stop_page()

# Volume: articles and words per outlet, one bar chart each (their scales differ by 1000x).
c1, c2 = columns(2, lang)
colours = palette(ctx.ds)
bar_colours = [colours.outlet(s) for s in volume["source"]]
with c1:
    fig = charts.hbar(volume["source"].tolist(), volume["articles"], lang,
                      f"{t('volume', lang)} — {t('col_articles', lang)}", t("col_articles", lang),
                      colours=bar_colours, height=320)
    chart(fig, key="sources_articles", file_name="source_articles")
with c2:
    fig = charts.hbar(volume["source"].tolist(), volume["words"], lang,
                      f"{t('volume', lang)} — {t('words', lang)}", t("words", lang),
                      colours=bar_colours, height=320)
    chart(fig, key="sources_words", file_name="source_words")
table(volume, lang, key="sources_volume_table", file_name="source_volume",
      labels=column_labels(lang, "source", "articles", "sentences", "words"), folded=True)

# Theme shares: one stacked bar per outlet.
shares: pd.DataFrame = compute(ctx, theme_shares)
if not is_empty(shares):
    shares = shares.copy()
    shares["theme"] = shares[name_column(lang)].fillna(shares["theme_id"])
    names = dict(zip(shares["theme_id"], shares["theme"]))
    fig = charts.grouped_hbar(shares, "source", "share", "theme", lang, t("theme_shares", lang),
                              t("share", lang), barmode="stack", value_format=".0%",
                              tick_format=".0%",
                              colours=colours.by_label("themes", names))
    chart(fig, key="sources_themes", file_name="theme_shares")
    table(shares.drop(columns="theme"), lang, key="sources_themes_table", file_name="theme_shares",
          folded=True)

# Entity rates: outlet x entity heatmap.
rates: pd.DataFrame = compute(ctx, entity_rates, top_n=15)
if not is_empty(rates):
    names = display_names(rates, "entity_id", lang)
    order = list(dict.fromkeys(rates["entity_id"]))
    z = rates.pivot_table(index="source", columns="entity_id", values="per_1000_words",
                          fill_value=0.0, observed=True)[order]
    fig = charts.heatmap(z, lang, t("entity_rates", lang), t("per_1000", lang), x_names=names)
    chart(fig, key="sources_entities", file_name="entity_rates")
    table(rates, lang, key="sources_entities_table", file_name="entity_rates", folded=True)

# Distinctive words, with the statistic's numbers.
st.subheader(t("distinctive", lang))
st.caption(t("distinctive_help", lang, z=Z_SIGNIFICANT) + " " + t("distinctive_left_out", lang))
terms: pd.DataFrame = compute(ctx, distinctive_terms, top_n=15)
if is_empty(terms):
    empty_state(lang)
else:
    outlets = sorted(terms["source"].dropna().unique().tolist())
    for col, (i, source) in grid(list(enumerate(outlets)), lang):
        # Only significant differences are drawn; the table lists the rest, marked.
        part = terms[(terms["source"] == source) & terms["significant"]]
        with col:
            if part.empty:
                st.caption(t("distinctive_none", lang, source=md(source), z=Z_SIGNIFICANT))
                continue
            # Hover in the interface language: z, log-odds, and the counts here / elsewhere.
            names = column_labels(lang, "z", "log_odds", "count_source", "count_rest")
            fig = charts.hbar(part["term"].tolist(), part["z"].round(2), lang, str(source),
                              names["z"],
                              colours=[colours.outlet(source)] * len(part),
                              hover=[f"{isolate(w)}: {names['z']} {number(z, lang, 2)} · "
                                     f"{names['log_odds']} {number(d, lang, 2)} · "
                                     f"{names['count_source']} {number(a, lang)} · "
                                     f"{names['count_rest']} {number(b, lang)}"
                                     for w, z, d, a, b in zip(
                                         part["term"], part["z"], part["log_odds"],
                                         part["count_source"], part["count_rest"])],
                              text_format=".2f")
            # Key and file name by position: an outlet's name is untrusted text.
            chart(fig, key=f"sources_distinctive_{i}", file_name=f"distinctive_{i + 1}")
    table(terms, lang, key="sources_distinctive_table", file_name="distinctive_terms",
          labels=column_labels(lang, "source", "term"))

# What the build left out as each outlet's boilerplate, and where an analyst overrides it.
BOILERPLATE_SHOWN = 8
with st.expander(t("boilerplate_title", lang), icon=":material/content_cut:"):
    st.caption(t("boilerplate_help", lang, n=number(BOILERPLATE_SHOWN, lang), file=BOILERPLATE_CATALOGUE))
    marked: pd.DataFrame = compute(ctx, boilerplate_left_out, top_n=BOILERPLATE_SHOWN)
    if is_empty(marked):
        st.caption(t("boilerplate_none", lang))
    else:
        shown = marked.assign(kind=[t(f"bp_kind_{k}", lang) for k in marked["kind"]],
                              status=[t(f"bp_status_{v}", lang) for v in marked["status"]])
        table(shown, lang, key="sources_boilerplate_table", file_name="boilerplate_left_out",
              labels=column_labels(lang, "source", "kind", "example", "n_articles", "share", "status",
                                   "marked_in_outlet"))
