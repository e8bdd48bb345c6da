"""Plotly figure builders. They only draw: every number arrives computed from dashboard.analysis.

Arabic display labels are wrapped in right-to-left isolates (U+2067 … U+2069): Plotly lays labels
out left-to-right and mixed text ("نموذج GPT-4", "(قوس) نص") comes out misordered otherwise.
Only display text is wrapped; ``customdata`` keeps the raw ids that selection events return.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

RLI, PDI = "\u2067", "\u2069"
FONT = "Noto Sans Arabic, Source Sans, Arial, sans-serif"
# Colour-blind-safe qualitative palette (Okabe-Ito), one colour per outlet / type.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def iso(label: object, lang: str = "ar") -> str:
    """A display label isolated right-to-left in the Arabic interface."""
    text = "" if label is None or (isinstance(label, float) and math.isnan(label)) else str(label)
    return f"{RLI}{text}{PDI}" if lang == "ar" and text else text


def isos(labels: Sequence, lang: str) -> list[str]:
    return [iso(v, lang) for v in labels]


def colour_map(keys: Sequence[str]) -> dict[str, str]:
    """A stable colour per key (sorted, so an outlet keeps its colour across pages)."""
    return {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(sorted(set(keys)))}


def finish(fig: go.Figure, title: str, lang: str, height: int = 420,
           x_title: str | None = None, y_title: str | None = None,
           legend_title: str | None = None) -> go.Figure:
    """Title, axis titles, fonts and margins; right-anchored title in Arabic."""
    rtl = lang == "ar"
    fig.update_layout(
        title={"text": iso(title, lang), "x": 1 if rtl else 0, "xanchor": "right" if rtl else "left",
               "font": {"size": 17}},
        font={"family": FONT, "size": 13}, template="plotly_white", height=height,
        margin={"l": 20, "r": 20, "t": 60, "b": 40},
        hoverlabel={"font": {"family": FONT}},
        legend={"title": {"text": iso(legend_title, lang) if legend_title else ""}},
    )
    if x_title is not None:
        fig.update_xaxes(title_text=iso(x_title, lang))
    if y_title is not None:
        fig.update_yaxes(title_text=iso(y_title, lang))
    return fig


def hbar(labels: Sequence[str], values: Sequence[float], lang: str, title: str, x_title: str,
         customdata: Sequence | None = None, colours: Sequence[str] | None = None,
         hover: Sequence[str] | None = None, height: int | None = None) -> go.Figure:
    """Horizontal bars, first item on top; in Arabic the bars grow leftwards from the right."""
    rtl = lang == "ar"
    fig = go.Figure(go.Bar(
        x=list(values), y=isos(labels, lang), orientation="h",
        customdata=list(customdata) if customdata is not None else None,
        marker={"color": list(colours) if colours is not None else PALETTE[0]},
        hovertext=list(hover) if hover is not None else None,
        hovertemplate="%{hovertext}<extra></extra>" if hover is not None else "%{y}: %{x}<extra></extra>",
        texttemplate="%{x:,}", textposition="outside", cliponaxis=False,
    ))
    fig.update_yaxes(autorange="reversed", side="right" if rtl else "left", automargin=True)
    fig.update_xaxes(autorange="reversed" if rtl else True, automargin=True)
    finish(fig, title, lang, height=height or max(300, 26 * len(labels) + 120), x_title=x_title)
    return fig


def grouped_hbar(df: pd.DataFrame, label_col: str, value_col: str, group_col: str, lang: str,
                 title: str, x_title: str, label_names: dict[str, str] | None = None,
                 barmode: str = "group", value_format: str = ",.2f",
                 order: Sequence[str] | None = None) -> go.Figure:
    """Horizontal bars per label, one colour per group (outlet)."""
    rtl = lang == "ar"
    colours = colour_map(df[group_col].astype(str).tolist())
    order = list(order) if order is not None else list(dict.fromkeys(df[label_col].tolist()))
    fig = go.Figure()
    for group, part in df.groupby(group_col, sort=True):
        part = part.set_index(label_col).reindex(order).reset_index()
        names = [label_names.get(v, v) if label_names else v for v in part[label_col]]
        fig.add_bar(x=part[value_col], y=isos(names, lang), name=iso(group, lang), orientation="h",
                    marker_color=colours[str(group)], customdata=part[label_col],
                    hovertemplate=f"%{{y}} — {iso(group, lang)}: %{{x:{value_format}}}<extra></extra>")
    fig.update_layout(barmode=barmode, legend={"orientation": "h", "y": -0.12})
    fig.update_yaxes(autorange="reversed", side="right" if rtl else "left", automargin=True)
    fig.update_xaxes(autorange="reversed" if rtl else True, automargin=True)
    n = len(order) * (1 if barmode == "stack" else max(1, df[group_col].nunique()))
    finish(fig, title, lang, height=max(340, 16 * n + 160), x_title=x_title)
    return fig


def heatmap(z: pd.DataFrame, lang: str, title: str, colour_title: str,
            x_names: dict[str, str] | None = None) -> go.Figure:
    """``z``: rows = outlets, columns = ids (names through ``x_names``), values shown in cells."""
    cols = [x_names.get(c, c) if x_names else c for c in z.columns]
    fig = go.Figure(go.Heatmap(
        z=z.values, x=isos(cols, lang), y=isos(z.index, lang), colorscale="Blues",
        text=np.round(z.values, 2), texttemplate="%{text}", hoverongaps=False,
        colorbar={"title": {"text": iso(colour_title, lang)},
                  # Arabic puts the row labels on the right, so the colour bar goes left.
                  **({"x": -0.02, "xanchor": "right"} if lang == "ar" else {})},
        hovertemplate="%{y} · %{x}: %{z:.2f}<extra></extra>"))
    fig.update_xaxes(autorange="reversed" if lang == "ar" else True, tickangle=-40, automargin=True)
    fig.update_yaxes(side="right" if lang == "ar" else "left", automargin=True, autorange="reversed")
    finish(fig, title, lang, height=max(320, 48 * len(z.index) + 200))
    return fig


def add_legend(fig: go.Figure, colours: dict[str, str], lang: str) -> None:
    """Legend entries for colours a single trace uses (e.g. entity types of one bar trace)."""
    for name, colour in colours.items():
        fig.add_trace(go.Bar(x=[None], y=[None], name=iso(name, lang), marker_color=colour,
                             orientation="h", showlegend=True, hoverinfo="skip"))
    fig.data[0].showlegend = False
    fig.update_layout(legend={"orientation": "h", "y": -0.15}, barmode="overlay")


def timeline(events: pd.DataFrame, pubs: pd.DataFrame, lang: str, title: str, pubs_title: str,
             date_title: str, hover_mentions: str, hover_articles: str) -> go.Figure:
    """Events (points and ranges, sized by mentions) over a publication-date track.

    ``events``: event_id, name_ar, name_en, date_start, date_end, mentions, articles.
    ``pubs``: published (date-like), source — Plotly bins them in the browser.
    """
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.72, 0.28],
                        vertical_spacing=0.06)
    ev = events.copy()
    ev["start"] = pd.to_datetime(ev["date_start"], errors="coerce")
    ev["end"] = pd.to_datetime(ev["date_end"], errors="coerce")
    ev = ev.dropna(subset=["start"]).sort_values(["start", "event_id"])
    name_col = "name_ar" if lang == "ar" else "name_en"
    labels = isos(ev[name_col].fillna(ev["event_id"]), lang)
    mentions = ev["mentions"].fillna(0).astype(float)
    top = max(float(mentions.max()) if len(mentions) else 0.0, 1.0)
    sizes = 9 + 34 * np.sqrt(mentions / top)
    for (_, row), label in zip(ev.iterrows(), labels):
        if pd.notna(row["end"]) and row["end"] > row["start"]:
            fig.add_trace(go.Scatter(
                x=[row["start"], row["end"]], y=[label, label], mode="lines",
                line={"width": 8, "color": "rgba(0,114,178,0.35)"}, hoverinfo="skip",
                showlegend=False), row=1, col=1)
    hover = [f"<b>{iso(a, 'ar')}</b><br>{b}<br>{hover_mentions}: {int(m):,} · {hover_articles}: "
             f"{int(n):,}" for a, b, m, n in zip(ev["name_ar"].fillna(""), ev["name_en"].fillna(""),
                                                   mentions, ev["articles"].fillna(0))]
    fig.add_trace(go.Scatter(
        x=ev["start"], y=labels, mode="markers", customdata=ev["event_id"], hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
        marker={"size": sizes, "color": np.where(mentions > 0, "#0072B2", "#cbd5e1"),
                "line": {"width": 1, "color": "white"}, "opacity": 0.9}), row=1, col=1)
    p = pubs.copy()
    p["published"] = pd.to_datetime(p["published"], errors="coerce")
    p = p.dropna(subset=["published"])
    colours = colour_map(p["source"].astype(str).tolist())
    for source, part in p.groupby("source", sort=True):
        fig.add_trace(go.Histogram(
            x=part["published"], name=iso(source, lang), marker_color=colours[str(source)],
            xbins={"size": "M1"}, hovertemplate="%{x|%Y-%m}: %{y}<extra>" + iso(source, lang)
            + "</extra>"), row=2, col=1)
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.15})
    rtl = lang == "ar"
    fig.update_yaxes(side="right" if rtl else "left", automargin=True, row=1, col=1)
    fig.update_yaxes(side="right" if rtl else "left", title_text=iso(pubs_title, lang), row=2, col=1)
    fig.update_xaxes(autorange="reversed" if rtl else True)
    fig.update_xaxes(title_text=iso(date_title, lang), row=2, col=1)
    finish(fig, title, lang, height=max(480, 34 * len(ev) + 300))
    return fig


def network(nodes: pd.DataFrame, edges: pd.DataFrame, lang: str, title: str,
            colours: dict[str, str], type_names: dict[str, str]) -> go.Figure:
    """Nodes at their precomputed x, y (sized by mentions, coloured by type); edges as lines."""
    pos = nodes.set_index("entity_id")[["x", "y"]]
    a, b = _edge_columns(edges)
    xs: list = []
    ys: list = []
    for s, e in zip(edges[a], edges[b]):
        if s in pos.index and e in pos.index:
            xs += [pos.at[s, "x"], pos.at[e, "x"], None]
            ys += [pos.at[s, "y"], pos.at[e, "y"], None]
    fig = go.Figure(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                               line={"width": 1, "color": "rgba(100,116,139,0.45)"}))
    name_col = "name_ar" if lang == "ar" else "name_en"
    weight = nodes["mentions"].astype(float) if "mentions" in nodes else pd.Series(1.0, nodes.index)
    top = max(float(weight.max()) if len(weight) else 1.0, 1.0)
    for typ, part in nodes.groupby("type", sort=True):
        w = weight.loc[part.index]
        fig.add_trace(go.Scatter(
            x=part["x"], y=part["y"], mode="markers+text", name=iso(type_names.get(typ, typ), lang),
            text=isos(part[name_col].fillna(part["entity_id"]), lang), textposition="top center",
            customdata=part["entity_id"], marker={"size": 10 + 30 * np.sqrt(w / top),
                                                  "color": colours.get(typ, PALETTE[0]),
                                                  "line": {"width": 1, "color": "white"}},
            hovertemplate="%{text}<extra></extra>"))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    finish(fig, title, lang, height=560)
    fig.update_layout(legend={"orientation": "h", "y": -0.05})
    return fig


def _edge_columns(edges: pd.DataFrame) -> tuple[str, str]:
    for pair in (("source", "target"), ("entity_a", "entity_b"), ("a", "b"), ("u", "v")):
        if set(pair) <= set(edges.columns):
            return pair
    return edges.columns[0], edges.columns[1]


def choropleth(df: pd.DataFrame, lang: str, title: str, colour_title: str) -> go.Figure:
    """Countries shaded by mentions (log-scaled colour so Kazakhstan does not wash out the rest)."""
    name_col = "name_ar" if lang == "ar" else "name_en"
    z = np.log10(df["mentions"].astype(float) + 1)
    top = float(z.max()) if len(z) else 1.0
    low = float(z.min()) if len(z) else 0.0
    nice = [v for v in (1, 10, 100, 1000, 10000, 100000) if low <= math.log10(v + 1) <= top]
    ends = [int(df["mentions"].min()), int(df["mentions"].max())] if len(df) else []
    ticks = sorted(set(nice + ends))
    fig = go.Figure(go.Choropleth(
        locations=df["iso3"], z=z, locationmode="ISO-3", customdata=df["entity_id"],
        text=isos(df[name_col].fillna(df["iso3"]), lang), colorscale="YlGnBu",
        hovertext=[f"{iso(n, lang)}: {int(m):,}" for n, m in zip(df[name_col], df["mentions"])],
        hovertemplate="%{hovertext}<extra></extra>", marker_line_color="white",
        colorbar={"title": {"text": iso(colour_title, lang)},
                  "tickvals": [math.log10(v + 1) for v in ticks], "ticktext": [f"{v:,}" for v in ticks]}))
    fig.update_geos(showcountries=True, countrycolor="#cbd5e1", showcoastlines=False,
                    showframe=False, projection_type="natural earth", landcolor="#f1f5f9", fitbounds=False,
                    projection_rotation_lon=40, lataxis_range=[-58, 85], lonaxis_range=[-140, 220],
                    showland=True)
    finish(fig, title, lang, height=520)
    fig.update_layout(margin={"l": 0, "r": 0, "t": 60, "b": 0})
    return fig
