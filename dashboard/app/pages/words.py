"""Words: a word cloud for the current filters, the term table and PNG downloads, and one cloud per
outlet on demand. Clouds are drawn by dashboard.app.clouds (Arabic shaped, an Arabic font), one
at a time for the whole server and cached by content: the table shows at once, each cloud
replaces its placeholder when drawn (see clouds.py for why drawing is inline and bounded).

The per-outlet clouds are drawn only while their expander is open (a lazy expander reruns the
page when toggled): drawn on every visit, they were five of the six clouds of an unfiltered page
and most of the drawing time when several analysts arrive at once."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.analysis.sources import source_volume
from dashboard.analysis.words import term_frequencies
from dashboard.app.clouds import cloud_png
from dashboard.app.components import columns, compute, empty_state, grid, is_empty, stop_page, table
from dashboard.app.i18n import column_labels, number, plural, t
from dashboard.app.page import start_page
from dashboard.app.safe import md

TOP_N = 150
OUTLET_TOP_N = 80

ctx = start_page("words")
lang = ctx.lang
freqs: pd.DataFrame = compute(ctx, term_frequencies, top_n=TOP_N)
if is_empty(freqs):
    empty_state(lang)
    stop_page()
volume = compute(ctx, source_volume)
outlets = sorted(volume["source"].dropna().astype(str).tolist())


def placeholder() -> tuple:
    """Where a cloud and its download button will go; says "drawing" until then."""
    picture, button = st.empty(), st.empty()
    picture.info(t("drawing", lang), icon=":material/hourglass_top:")
    return picture, button


# Layout first, with a placeholder where each cloud goes; then the clouds, one by one.
left, right = columns(2, lang, [3, 2])
with left:
    st.subheader(t("cloud_all", lang))
    slots = {None: (*placeholder(), freqs, 900, 500, "wordcloud")}
with right:
    st.subheader(t("term_table", lang))
    every_term = compute(ctx, term_frequencies, top_n=None)  # the true total, and the CSV's rows
    if len(every_term) > TOP_N:
        st.caption(t("shown_of", lang, shown=number(TOP_N, lang), total=plural(len(every_term), "term", lang)))
    table(every_term, lang, key="words_table", file_name="term_frequencies", height=520,
          labels=column_labels(lang, "term", "count", "articles"), max_rows=TOP_N)
per_outlet = st.expander(t("cloud_per_source", lang), key="words_outlets", on_change="rerun",
                         icon=":material/grid_view:")
if per_outlet.open:
    with per_outlet:
        for col, (i, source) in grid(list(enumerate(outlets)), lang):
            with col:
                part = compute(ctx, term_frequencies, top_n=OUTLET_TOP_N, source=source)
                if is_empty(part):
                    st.caption(f"{md(source)}: {t('empty', lang)}")
                    continue
                # File names and widget keys by position: an outlet's name is untrusted text.
                slots[source] = (*placeholder(), part, 600, 380, f"wordcloud_{i + 1}")

for source, (picture, button, part, width, height, key) in slots.items():
    pairs = tuple(zip(part["term"].astype(str), part["count"].astype(int).tolist()))
    try:
        png = cloud_png(pairs, width, height)
    except Exception as exc:  # a drawing failure must not take the page down
        picture.warning(f"{t('cloud_failed', lang)}: {md(exc)}")
        continue
    picture.image(png, caption=md(source) if source else None, width="stretch")
    button.download_button(t("download_png", lang), png, file_name=f"{key}.png", mime="image/png",
                           key=f"{key}_png", icon=":material/download:", on_click="ignore")
