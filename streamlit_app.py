"""Entrypoint: `streamlit run streamlit_app.py [-- --data DIR]` from the repo root.

Runs on every interaction: language, dataset (rebuilt first if the shipped one is stale), shared
sidebar filters (mirrored in the URL), the filtered selection, then the chosen page.
"""

from __future__ import annotations

import time

import streamlit as st

from dashboard.app import data, datasets

# A new process starts reading the dataset now, while the rest of the app is imported.
data.preload(datasets.initial_path())

from dashboard.app import state, style  # noqa: E402
from dashboard.app.components import PageDone, briefing_button, start_briefing  # noqa: E402
from dashboard.app.i18n import LANGS, t  # noqa: E402
from dashboard.app.page import PAGES, navigation, unknown_page  # noqa: E402
from dashboard.app.safe import code_text, md  # noqa: E402
from dashboard.dataset import DatasetError  # noqa: E402

_run_started = time.perf_counter()
st.set_page_config(page_title="Kazakhstan in Arabic media", page_icon=":material/public:",
                   layout="wide", initial_sidebar_state="auto")  # collapsed on a phone

lang = state.current_lang()
style.inject(lang)
st.sidebar.radio(t("language", lang), LANGS, key="lang", horizontal=True,
                 format_func=lambda code: {"ar": "العربية", "en": "English"}[code])
lang = st.session_state["lang"]
# Pages registered before anything can stop the run: a stopped run without them makes Streamlit
# answer a page's own URL with its English "Page not found" dialog.
page = navigation(lang)

path = datasets.picker(lang)
try:
    not_rebuilt = data.ensure_dataset(path, {k: t(k, lang) for k in ("building", "build_done")})
    ds = data.get_dataset(path)
except DatasetError as exc:
    # The message may quote a file's content: Markdown-escaped like any untrusted text.
    st.error(t("bad_dataset", lang, error=md(exc), command=code_text(datasets.rebuild_command(path))))
    st.stop()
if ds is None:
    st.error(t("no_dataset", lang, path=code_text(path)))
    st.stop()
if not_rebuilt is not None:  # e.g. a read-only deployment: serve what there is, and say so
    st.info(t("not_rebuilt", lang, reason=t(data.REBUILD_REASON_KEYS.get(not_rebuilt, "rebuild_failed"), lang)))

filters = state.sidebar_filters(ds, lang)
sel = state.selection(ds, filters)
state.set_context(state.Context(ds=ds, filters=filters, sel=sel, lang=lang))

st.title(t("app_title", lang))
if not st.session_state.get("_path_checked"):  # a link to a page that does not exist, said once
    st.session_state["_path_checked"] = True
    missing = unknown_page(st.context.url)
    if missing:
        st.warning(t("page_not_found", lang, page=missing, first=t(PAGES[0].title_key, lang)))
# The open dataset's own name when it has one, else the default subtitle with the years its articles span.
# (A statement, not an `or` expression: Streamlit's magic would draw the expression's value, the
# caption's DeltaGenerator, as a help table of every st method.)
if not datasets.subtitle(path, lang):
    st.caption(t("app_subtitle", lang, period=datasets.period(path)).rstrip("، ,"))
start_briefing()
try:
    page.run()
except PageDone:  # a page stopped early (its empty state is drawn)
    pass
finally:  # also when a page switches page
    briefing_button(state.context(), page.title)
    datasets.footer(path, lang)
    state.write_url(filters, lang)
    # Server time of this run, for benchmarks/bench_app.py.
    st.session_state["_run_ms"] = (time.perf_counter() - _run_started) * 1000
data.warm_up()
