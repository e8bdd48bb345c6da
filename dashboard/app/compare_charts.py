"""Figures of the compare view: attention over time (one line per search, or small multiples per
outlet) with the period's total volume for context, and each search's share per outlet. Built as
plain dicts like dashboard/app/charts.py; searches are typed by users (and arrive in shared
links), so every label passes through ``safe.plotly_text`` before Plotly sees it."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.app.charts import _dates, _list, figure, iso, layout
from dashboard.app.palette import PALETTE
from dashboard.app.safe import plotly_text

TOTAL_COLOUR = "#cbd5e1"


def query_colours(labels: Sequence[str]) -> dict[str, str]:
    """One colour per search, in the order typed (search 1 is always the first colour)."""
    return {q: PALETTE[i % len(PALETTE)] for i, q in enumerate(labels)}


def busy_range(df: pd.DataFrame, tail: float = 0.01) -> list[str] | None:
    """The x range holding all but the first ``tail`` of the articles (by period): a few stray
    early articles (ANT has some from 2012-2014 beside 30k from 2018) would squeeze the busy
    months to a sliver and draw 100% spikes from single articles. Zooming out still shows them."""
    totals = df.drop_duplicates(["source", "period"]).groupby("period")["total"].sum().sort_index()
    if totals.empty or totals.sum() <= 0:
        return None
    share = totals.cumsum() / totals.sum()
    start = share.index[np.searchsorted(share.to_numpy(), tail, side="left")]
    if start == totals.index[0]:
        return None
    pad = pd.Timedelta(days=15)
    return [str((start - pad).date()), str((totals.index[-1] + pad).date())]


def attention_figure(df: pd.DataFrame, labels: dict[str, str], lang: str, title: str,
                     value: str, y_title: str, total_title: str, height: int = 460) -> go.Figure:
    """Lines per search over the periods; ``value`` is "share" or "matching". With one outlet
    (source "") the selection's total articles per period are grey bars on a second axis.
    Each point carries [search index, period, outlet] as customdata for click-through."""
    order = list(labels)
    colours = query_colours(order)
    data: list[dict] = []
    sources = sorted(df["source"].dropna().unique().tolist())
    split = sources != [""]
    dash = ["solid", "dot", "dash", "longdash", "dashdot", "longdashdot"]
    if not split and not df.empty:
        first = df[df["query"] == order[0]]
        data.append({"type": "bar", "x": _dates(first["period"]), "y": _list(first["total"]),
                     "name": iso(plotly_text(total_title), lang), "yaxis": "y2",
                     "marker": {"color": TOTAL_COLOUR}, "opacity": 0.5,
                     "hovertemplate": "%{x}: %{y:,}<extra></extra>"})
    fmt = ".1%" if value == "share" else ","
    for qi, query in enumerate(order):
        part = df[df["query"] == query]
        for si, source in enumerate(sources):
            rows = part[part["source"] == source]
            if rows.empty:
                continue
            name = plotly_text(labels[query]) + (f" · {plotly_text(source)}" if split else "")
            data.append({
                "type": "scatter", "mode": "lines+markers", "x": _dates(rows["period"]),
                "y": _list(rows[value]), "name": iso(name, lang),
                "line": {"color": colours[query], "dash": dash[si % len(dash)] if split else "solid",
                         "width": 2},
                "marker": {"size": 6},
                "customdata": [[qi, d, source] for d in _dates(rows["period"])],
                "hovertemplate": f"{iso(name, lang)}<br>%{{x}}: %{{y:{fmt}}}<extra></extra>"})
    # Legend above the plot: below it, it met the source line the app adds under every chart.
    lay = layout(title, lang, height=height, y_title=y_title,
                 legend={"orientation": "h", "y": 1.02, "yanchor": "bottom",
                         "x": 1 if lang == "ar" else 0, "xanchor": "right" if lang == "ar" else "left"},
                 margin={"l": 20, "r": 20, "t": 150 if split else 100, "b": 90},
                 hovermode="closest")
    # The title at the top of the figure, the legend (up to three rows per outlet) below it.
    lay["title"] |= {"y": 0.99, "yanchor": "top", "yref": "container"}
    window = busy_range(df)
    if window:
        lay["xaxis"]["range"] = window
    if value == "share":
        lay["yaxis"]["tickformat"] = ".0%"
        lay["yaxis"]["rangemode"] = "tozero"
    else:
        lay["yaxis"]["rangemode"] = "tozero"
    if not split:
        lay["yaxis2"] = {"overlaying": "y", "side": "left" if lang == "ar" else "right",
                         "showgrid": False, "rangemode": "tozero",
                         "title": {"text": iso(plotly_text(total_title), lang)}}
    if lang == "ar":
        lay["yaxis"]["side"] = "right"
    return figure(data, lay)


def share_figure(df: pd.DataFrame, labels: dict[str, str], lang: str, title: str,
                 y_title: str) -> go.Figure:
    """Grouped bars: per outlet, the share of its selected articles each search matches."""
    order = list(labels)
    colours = query_colours(order)
    outlets = sorted(df["source"].dropna().unique().tolist())
    if lang == "ar":
        outlets = outlets[::-1]  # read from the right
    data = []
    for qi, query in enumerate(order):
        part = df[df["query"] == query].set_index("source").reindex(outlets)
        name = plotly_text(labels[query])
        data.append({"type": "bar", "x": [iso(plotly_text(o), lang) for o in outlets],
                     "y": _list(part["share"]), "name": iso(name, lang),
                     "marker": {"color": colours[query]},
                     "customdata": [[qi, o] for o in outlets],
                     "text": [f"{v:.0%}" if v == v else "" for v in part["share"].astype(float)],
                     "textposition": "outside", "cliponaxis": False,
                     "hovertemplate": f"{iso(name, lang)} — %{{x}}: %{{y:.1%}}<extra></extra>"})
    lay = layout(title, lang, height=420, y_title=y_title, barmode="group",
                 legend={"orientation": "h", "y": 1.02, "yanchor": "bottom",
                         "x": 1 if lang == "ar" else 0, "xanchor": "right" if lang == "ar" else "left"},
                 margin={"l": 20, "r": 20, "t": 100, "b": 90})
    lay["yaxis"]["tickformat"] = ".0%"
    if lang == "ar":
        lay["yaxis"]["side"] = "right"
    return figure(data, lay)
