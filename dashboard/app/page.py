"""The app's pages in one registry (file, title, URL path, icon) and what every page does first.

The entrypoint builds the navigation from ``PAGES``; pages link to each other by name through
``switch_to``; tests and benchmarks find a page's file through ``page_file``. A page starts with
``start_page``: its context, its heading, and (unless it says otherwise) the provenance line.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard.app.components import basis, empty_state, stop_page
from dashboard.app.i18n import t
from dashboard.app.state import Context, context


@dataclass(frozen=True)
class PageSpec:
    name: str   # also the URL path and the file's stem
    icon: str

    @property
    def file(self) -> str:
        return f"dashboard/app/pages/{self.name}.py"

    @property
    def title_key(self) -> str:
        return f"page_{self.name}"


PAGES = (
    PageSpec("overview", ":material/dashboard:"),
    PageSpec("timeline", ":material/timeline:"),
    PageSpec("entities", ":material/hub:"),
    PageSpec("sources", ":material/compare:"),
    PageSpec("words", ":material/cloud:"),
    PageSpec("compare", ":material/stacked_line_chart:"),
    PageSpec("concordance", ":material/format_quote:"),
    PageSpec("collocates", ":material/join_inner:"),
    PageSpec("map", ":material/public:"),
)
_BY_NAME = {p.name: p for p in PAGES}


def page_file(name: str) -> str:
    """The script of the page called ``name`` (a KeyError names an unknown page)."""
    return _BY_NAME[name].file


def navigation(lang: str):
    """``st.navigation`` over every page, titles in ``lang``, the first page the default."""
    pages = [st.Page(p.file, title=t(p.title_key, lang), url_path=p.name, icon=p.icon,
                     default=i == 0) for i, p in enumerate(PAGES)]
    return st.navigation(pages, position="sidebar")


def unknown_page(url: str | None) -> str | None:
    """The page a URL asks for when no page has that name (None for a known page or the root)."""
    from urllib.parse import urlparse

    wanted = urlparse(url or "").path.rstrip("/").rsplit("/", 1)[-1]
    return wanted if wanted and wanted not in _BY_NAME else None


def switch_to(name: str) -> None:
    st.switch_page(page_file(name))


def start_page(name: str, *, show_basis: bool = True, needs_articles: bool = False) -> Context:
    """The preamble of the page called ``name``: its heading, the provenance line, and, when the
    page ``needs_articles`` and the filters leave none, the empty state (the page stops there)."""
    ctx = context()
    st.header(t(_BY_NAME[name].title_key, ctx.lang))
    if show_basis:
        basis(ctx)
    if needs_articles and ctx.sel.n_articles == 0:
        empty_state(ctx.lang)
        stop_page()
    return ctx
