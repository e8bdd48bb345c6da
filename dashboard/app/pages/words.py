"""Words: a word cloud for the current filters and one per outlet, with the term table and PNG
downloads. Clouds are drawn by dashboard.analysis.words (Arabic shaped, an Arabic font).

Drawing a cloud takes 0.5-3 s (the wordcloud library's placement loop), far over the 300 ms a
filter change may cost. So clouds are drawn in a background thread, shared by all sessions and
cached by what they are drawn from; the page shows the term table at once and a fragment polls
until the pictures are ready.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

import pandas as pd
import streamlit as st

from dashboard.analysis.sources import source_volume
from dashboard.analysis.words import term_frequencies, wordcloud_png
from dashboard.app.components import columns, compute, empty_state, grid, is_empty, stop_page, table
from dashboard.app.i18n import column_labels, t
from dashboard.app.page import start_page

TOP_N = 150
OUTLET_TOP_N = 80
POLL_SECONDS = 0.6


@st.cache_resource(show_spinner=False)
def _painter() -> ThreadPoolExecutor:
    # One painter: drawing is Python-bound, and two painters starved the script runs of the GIL.
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="wordcloud")


@st.cache_resource(show_spinner=False, max_entries=96)
def _cloud(version: str, filters_key: str, source: str | None, width: int, height: int,
           _pairs: tuple) -> Future:
    """The (pending or finished) drawing of one cloud; one per distinct input, for every session."""
    return _painter().submit(wordcloud_png, dict(_pairs), width, height, 0)


def cloud_job(freqs: pd.DataFrame, source: str | None, width: int, height: int) -> Future:
    pairs = tuple(zip(freqs["term"].astype(str), freqs["count"].astype(int)))
    return _cloud(ctx.ds.version, repr(ctx.filters), source, width, height, pairs)


def show_cloud(job: Future, key: str, caption: str | None) -> None:
    if not job.done():
        st.info(t("drawing", lang), icon=":material/hourglass_top:")
        return
    try:
        png = job.result()
    except Exception as exc:  # a drawing failure must not take the page down
        st.warning(f"{t('cloud_failed', lang)}: {exc}")
        return
    st.image(png, caption=caption, width="stretch")
    st.download_button(t("download_png", lang), png, file_name=f"{key}.png", mime="image/png",
                       key=f"{key}_png", icon=":material/download:", on_click="ignore")


ctx = start_page("words")
lang = ctx.lang
freqs: pd.DataFrame = compute(ctx, term_frequencies, top_n=TOP_N)
if is_empty(freqs):
    empty_state(lang)
    stop_page()
volume = compute(ctx, source_volume)
outlets = sorted(volume["source"].dropna().astype(str).tolist())
per_outlet = {s: compute(ctx, term_frequencies, top_n=OUTLET_TOP_N, source=s) for s in outlets}
jobs = {None: cloud_job(freqs, None, 900, 500)} | {
    s: cloud_job(f, s, 600, 380) for s, f in per_outlet.items() if not is_empty(f)}
waiting = any(not job.done() for job in jobs.values())


@st.fragment(run_every=POLL_SECONDS if waiting else None)
def words_panel() -> None:
    left, right = columns(2, lang, [3, 2])
    with left:
        st.subheader(t("cloud_all", lang))
        show_cloud(jobs[None], "wordcloud", None)
    with right:
        st.subheader(t("term_table", lang))
        table(freqs, lang, key="words_table", file_name="term_frequencies", height=520,
              labels=column_labels(lang, "term", "count", "articles"))
    st.subheader(t("cloud_per_source", lang))
    for col, source in grid(outlets, lang):
        with col:
            if source not in jobs:
                st.caption(f"{source}: {t('empty', lang)}")
                continue
            show_cloud(jobs[source], f"wordcloud_{source}", source)
    # All drawn: one full rerun so the page is registered again without polling.
    if waiting and all(job.done() for job in jobs.values()):
        st.rerun()


words_panel()
