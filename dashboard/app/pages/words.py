"""Words: a word cloud for the current filters and one per outlet, with the term table and PNG
downloads. Clouds are drawn by dashboard.analysis.words (Arabic shaped, an Arabic font)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.analysis.sources import source_volume
from dashboard.analysis.words import term_frequencies, wordcloud_png
from dashboard.app.components import basis, columns, compute, empty_state, is_empty, table
from dashboard.app.i18n import t
from dashboard.app.state import context

TOP_N = 150


@st.cache_data(show_spinner=False, max_entries=64)
def cloud(version: str, filters_key: str, source: str | None, freqs: tuple, width: int,
          height: int) -> bytes:
    """PNG bytes, cached by what they are drawn from (drawing is the slow part: ~0.3-1 s)."""
    return wordcloud_png(dict(freqs), width=width, height=height, seed=0)


def show_cloud(freqs: pd.DataFrame, source: str | None, width: int, height: int, key: str,
               caption: str | None) -> None:
    pairs = tuple(zip(freqs["term"].astype(str), freqs["count"].astype(int)))
    png = cloud(ctx.ds.version, repr(ctx.filters), source, pairs, width, height)
    st.image(png, caption=caption, width="stretch")
    st.download_button(t("download_png", lang), png, file_name=f"{key}.png", mime="image/png",
                       key=f"{key}_png", icon=":material/download:", on_click="ignore")


ctx = context()
lang = ctx.lang
st.header(t("page_words", lang))
basis(ctx)
freqs: pd.DataFrame = compute(ctx, term_frequencies, top_n=TOP_N)
if is_empty(freqs):
    empty_state(lang)
    st.stop()

left, right = columns(2, lang, [3, 2])
with left:
    st.subheader(t("cloud_all", lang))
    show_cloud(freqs, None, 900, 500, "wordcloud", None)
with right:
    st.subheader(t("term_table", lang))
    table(freqs, lang, key="words_table", file_name="term_frequencies", height=520,
          labels={"term": t("col_term", lang), "count": t("col_count", lang),
                  "articles": t("col_articles", lang)})

st.subheader(t("cloud_per_source", lang))
volume = compute(ctx, source_volume)
outlets = sorted(volume["source"].dropna().astype(str).tolist())
for start in range(0, len(outlets), 3):
    for col, source in zip(columns(3, lang), outlets[start:start + 3]):
        with col:
            part: pd.DataFrame = compute(ctx, term_frequencies, top_n=80, source=source)
            if is_empty(part):
                st.caption(f"{source}: {t('empty', lang)}")
                continue
            show_cloud(part, source, 600, 380, f"wordcloud_{source}", str(source))
