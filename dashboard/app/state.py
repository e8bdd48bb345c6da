"""The shared filter state: sidebar widgets <-> ``Filters`` <-> the URL's query parameters.

On a session's first run the widgets are seeded from the URL (``Filters.from_params``); after every
run the URL is rewritten from the widgets (``Filters.to_params``), so a copied link reproduces the
view and page switches keep the filters. Values the dataset does not know are dropped, never raised.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.analysis.filters import Filters, Selection, select
from dashboard.app import urlstate
from dashboard.app.i18n import DEFAULT_LANG, LANGS, display_names, plural, t
from dashboard.app.safe import isolate, md
from dashboard.dataset import Dataset

LANG_PARAM = "lang"
# Query parameters that are not filters and survive the rewrite (the dataset, the reader's article).
EXTRA_PARAMS = ("dataset", "article")
_KEYS = {
    "sources": "f_sources", "themes": "f_themes", "entities": "f_entities", "events": "f_events",
    "keyword": "f_keyword", "keyword_derived": "f_derived", "dates": "f_dates", "include_copies": "f_copies",
}


@dataclass(frozen=True)
class Context:
    """What every page needs: the data, the current filters and selection, the language."""

    ds: Dataset
    filters: Filters
    sel: Selection
    lang: str


def current_lang() -> str:
    """The interface language, seeded from ``?lang=`` on the first run."""
    moved = urlstate.note_run_start()  # the first thing of every run
    if "lang" not in st.session_state or moved:
        wanted = st.query_params.get(LANG_PARAM, DEFAULT_LANG)
        st.session_state["lang"] = wanted if wanted in LANGS else DEFAULT_LANG
    return st.session_state["lang"]


def _options(ds: Dataset) -> dict[str, list[str]]:
    return {
        "sources": sorted(ds.articles["source"].dropna().unique().tolist()),
        "themes": ds.themes["theme_id"].tolist(),
        "entities": ds.entities["entity_id"].tolist(),
        "events": ds.events["event_id"].tolist(),
    }


def _date_bounds(ds: Dataset) -> tuple[date, date] | None:
    def compute() -> tuple[date, date] | None:
        published = pd.to_datetime(ds.articles["published"], errors="coerce").dropna()
        if published.empty:
            return None
        return published.min().date(), published.max().date()

    return ds.memo(("app_date_bounds",), compute)  # once per dataset, not per rerun


def _defaults(ds: Dataset) -> dict[str, Any]:
    bounds = _date_bounds(ds)
    return {"f_sources": [], "f_themes": [], "f_entities": [], "f_events": [], "f_keyword": "",
            "f_derived": False, "f_dates": bounds, "f_copies": False}


def _seed_from_url(ds: Dataset) -> None:
    """First run of a session: widget values from the URL, unknown values dropped."""
    params = {k: st.query_params.get(k) for k in st.query_params}
    filters = Filters.from_params(params)
    opts = _options(ds)
    state = _defaults(ds)
    for field in ("sources", "themes", "entities", "events"):
        state[_KEYS[field]] = [v for v in getattr(filters, field) if v in opts[field]]
    state["f_keyword"] = filters.keyword
    state["f_derived"] = filters.keyword_derived
    state["f_copies"] = filters.include_copies
    bounds = state["f_dates"]
    if bounds:
        lo = max(filters.date_from or bounds[0], bounds[0])
        hi = min(filters.date_to or bounds[1], bounds[1])
        state["f_dates"] = (lo, hi) if lo <= hi else bounds
    st.session_state.update(state)


def reset_filters(ds: Dataset) -> None:
    """Back to everything: widget values to their defaults (a callback, so before widgets draw)."""
    st.session_state.update(_defaults(ds))


def sidebar_filters(ds: Dataset, lang: str) -> Filters:
    """Draw the shared filters and return the ``Filters`` they describe."""
    if not st.session_state.get("_filters_seeded") or urlstate.url_moved():  # first run, or Back/Forward
        _seed_from_url(ds)
        st.session_state["_filters_seeded"] = True
    if st.session_state.get("_filters_lang") != lang:
        # A language switch: hand the chosen values to the widgets again, so their chips are
        # drawn with the new language's names (the browser kept the old labels otherwise).
        for key in ("f_sources", "f_themes", "f_entities", "f_events"):
            if key in st.session_state:
                st.session_state[key] = list(st.session_state[key])
        st.session_state["_filters_lang"] = lang
    opts = _options(ds)
    theme_names = display_names(ds.themes, "theme_id", lang)
    entity_names = display_names(ds.entities, "entity_id", lang)
    event_names = display_names(ds.events, "event_id", lang)
    sb = st.sidebar
    sb.subheader(t("filters", lang))
    sb.multiselect(t("sources", lang), opts["sources"], key="f_sources", placeholder=t("all", lang),
                   format_func=isolate)  # outlet names come from the articles
    sb.multiselect(t("themes", lang), opts["themes"], key="f_themes", placeholder=t("all", lang),
                   format_func=lambda v: theme_names.get(v, v))
    bounds = _date_bounds(ds)
    dates = None
    if bounds:
        dates = sb.date_input(t("date_range", lang), key="f_dates", min_value=bounds[0],
                              max_value=bounds[1], format="YYYY-MM-DD")
        # Say how dates known to the month or year only are treated (see analysis/filters.py).
        partial = int(((ds.ix.article_precision == 1) | (ds.ix.article_precision == 2)).sum())
        if partial:
            sb.caption(t("partial_dates", lang, articles=plural(partial, "article", lang)))
    sb.multiselect(t("entities", lang), sorted(opts["entities"], key=lambda v: entity_names[v]),
                   key="f_entities", placeholder=t("all", lang),
                   format_func=lambda v: entity_names.get(v, v))
    sb.multiselect(t("events", lang), opts["events"], key="f_events", placeholder=t("all", lang),
                   format_func=lambda v: event_names.get(v, v))
    sb.text_input(t("keyword", lang), key="f_keyword", help=t("keyword_help", lang))
    error = query_error(ds, st.session_state.get("f_keyword", ""), lang)
    if error:
        sb.error(t("query_error", lang, error=md(error)), icon=":material/search_off:")
    sb.toggle(t("derived", lang), key="f_derived")
    n_copies = int(ds.ix.article_is_copy.sum())
    sb.toggle(t("include_copies", lang), key="f_copies", disabled=n_copies == 0,
              help=t("include_copies_help", lang, copies=plural(n_copies, "copy", lang)))
    sb.button(t("reset", lang), on_click=reset_filters, args=(ds,), width="stretch")

    date_from = date_to = None
    if bounds and isinstance(dates, (tuple, list)) and len(dates) == 2:
        # The full range is no filter: keeps the URL short and includes undated articles.
        if tuple(dates) != bounds:
            date_from, date_to = dates
    ss = st.session_state
    return Filters(
        sources=tuple(sorted(ss["f_sources"])), themes=tuple(sorted(ss["f_themes"])),
        date_from=date_from, date_to=date_to, entities=tuple(sorted(ss["f_entities"])),
        events=tuple(sorted(ss["f_events"])),
        keyword=ss["f_keyword"].strip(), keyword_derived=bool(ss["f_derived"]),
        include_copies=bool(ss["f_copies"]))


def query_error(ds: Dataset, query: str, lang: str) -> str | None:
    """The sentence saying why ``query`` cannot be searched, or None (also for an empty one)."""
    if not (query or "").strip():
        return None
    from dashboard.search import check  # imported on first use, as the filter does

    return check(ds, query, lang)


def write_url(filters: Filters, lang: str) -> None:
    """Rewrite the query string from the state: the filters, the language (always: an address
    with parameters is one the app wrote, see urlstate), the reader's article and the running
    page's own choices. Only when it changed, so no needless history entry."""
    params: dict[str, list[str]] = {k: [v] for k, v in filters.to_params().items()}
    params[LANG_PARAM] = [lang]
    for key in EXTRA_PARAMS:
        if st.query_params.get(key):
            params[key] = st.query_params.get_all(key)
    params.update(urlstate.page_values())
    urlstate.write(params)


@st.cache_resource(show_spinner=False, max_entries=64, ttl=3600)
def _select(_ds: Dataset, version: str, filters_key: str, _filters: Filters) -> Selection:
    return select(_ds, _filters)


def selection(ds: Dataset, filters: Filters) -> Selection:
    """The filtered selection, memoised per (dataset version, filters)."""
    return _select(ds, ds.version, repr(filters), filters)


def set_context(ctx: Context) -> None:
    st.session_state["_ctx"] = ctx


def context() -> Context:
    """The context the entrypoint prepared for the page being run."""
    return st.session_state["_ctx"]
