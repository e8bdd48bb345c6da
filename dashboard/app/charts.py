"""Plotly figure builders. They only draw: every number arrives computed from dashboard.analysis.

Every display string goes through ``iso`` (or ``hover_text``): escaped for Plotly (its pseudo-HTML
renders <a href> and <b>, and %{...} in a hover template is a substitution: safe.plotly_text), stray
bidi controls neutralised, and isolated: right-to-left (U+2067 … U+2069) in the Arabic interface,
where Plotly lays labels out left-to-right and mixed text ("نموذج GPT-4", "(قوس) نص") comes out
misordered otherwise; first-strong (U+2068 … U+2069) in English. Only display text is wrapped;
``customdata`` keeps the raw ids that selection events return.

Figures are written as plain dicts and wrapped without validation: plotly.py validates every
property set through its object API (30-60 ms per figure here), a large share of the 300 ms a
filter change may take. The tests check the resulting specs instead.

Colours of outlets, themes and entity types come from the dataset's palette (app/palette.py),
passed in by the page: a chart never derives them from the groups it happens to draw.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.app.i18n import name_column
from dashboard.app.palette import SINGLE_SERIES_COLOUR, UNKNOWN_COLOUR, UNREVIEWED_COLOUR
from dashboard.app.safe import FSI, PDI, plotly_escape, plotly_text

RLI = "\u2067"
FONT = "Noto Sans Arabic, Source Sans, Arial, sans-serif"
# Light to dark (Plotly's named "Blues" runs dark to light).
BLUES = [[0.0, "#f7fbff"], [0.25, "#c6dbef"], [0.5, "#6baed6"], [0.75, "#2171b5"], [1.0, "#08306b"]]
YLGNBU = [[0.0, "#ffffd9"], [0.25, "#c7e9b4"], [0.5, "#41b6c4"], [0.75, "#225ea8"],
          [1.0, "#081d58"]]  # light (few mentions) to dark (many); Plotly's named one is reversed
# Ticks as whole numbers with separators: Plotly's default SI suffixes (10k, 1.2M) read as Latin
# abbreviations in the Arabic interface.
_AXIS = {"gridcolor": "#e8eaee", "zerolinecolor": "#cbd5e1", "linecolor": "#cbd5e1",
         "automargin": True, "exponentformat": "none", "separatethousands": True}


def iso(label: object, lang: str = "ar") -> str:
    """A display label for Plotly: escaped, isolated (right-to-left in the Arabic interface)."""
    text = plotly_text(label)
    if not text:
        return ""
    return f"{RLI}{text}{PDI}" if lang == "ar" else f"{FSI}{text}{PDI}"


def hover_text(text: object) -> str:
    """A hover line composed by a page, its untrusted parts passed through safe.isolate (which
    neutralised their stray controls): escaped for Plotly, the isolates kept."""
    return plotly_escape(str(text))


def isos(labels: Sequence, lang: str) -> list[str]:
    return [iso(v, lang) for v in labels]


# An axis label longer than this is cut (the full name is in the hover): Plotly gives a long
# category label its whole width as margin, which leaves a 390 px phone no room for the chart.
AXIS_LABEL_CHARS = 26


def short_labels(labels: Sequence, limit: int = AXIS_LABEL_CHARS) -> list[str]:
    """``labels`` cut to ``limit`` characters at a word boundary with an ellipsis; a cut label
    that would equal another keeps its full text (categories must stay distinct)."""
    out = []
    for text in (str(v) for v in labels):
        if len(text) > limit:
            cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
            text = cut.rstrip(" ،,-–") + "…"
        out.append(text)
    seen: dict[str, int] = {}
    for text in out:
        seen[text] = seen.get(text, 0) + 1
    return [str(full) if seen[cut] > 1 else cut for full, cut in zip(labels, out)]


def _list(values: Any) -> list:
    """JSON-ready values (numpy scalars, NA and NaT become plain numbers / None)."""
    if isinstance(values, (pd.Series, pd.Index)):
        values = values.astype(object).where(values.notna(), None).tolist()
    elif isinstance(values, np.ndarray):
        values = values.tolist()
    return list(values)


def _dates(values: pd.Series) -> list:
    """ISO days; numpy's conversion (a Python strftime loop costs ~100 ms on 31k articles)."""
    days = pd.to_datetime(values, errors="coerce").to_numpy().astype("datetime64[D]")
    out = days.astype(str).astype(object)
    out[np.isnat(days)] = None
    return out.tolist()


def figure(data: list[dict], layout: dict) -> go.Figure:
    return go.Figure({"data": data, "layout": layout}, _validate=False)


def layout(title: str, lang: str, height: int = 420, x_title: str | None = None,
           y_title: str | None = None, **extra: Any) -> dict:
    """Title (right-anchored in Arabic), fonts, white background, margins, axis titles."""
    rtl = lang == "ar"
    out: dict[str, Any] = {
        "title": {"text": iso(title, lang), "x": 1 if rtl else 0,
                  "xanchor": "right" if rtl else "left", "font": {"size": 17}},
        "font": {"family": FONT, "size": 13}, "height": height,
        "plot_bgcolor": "white", "paper_bgcolor": "white",
        "margin": {"l": 20, "r": 20, "t": 60, "b": 40},
        "hoverlabel": {"font": {"family": FONT}},
        "xaxis": dict(_AXIS), "yaxis": dict(_AXIS),
    }
    if x_title is not None:
        out["xaxis"]["title"] = {"text": iso(x_title, lang)}
    if y_title is not None:
        out["yaxis"]["title"] = {"text": iso(y_title, lang)}
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = out[key] | value
        else:
            out[key] = value
    return out


def _rtl_bars(lay: dict, lang: str) -> None:
    """Horizontal bars: first item on top; in Arabic labels on the right, bars growing leftwards."""
    rtl = lang == "ar"
    lay["yaxis"] |= {"autorange": "reversed", "side": "right" if rtl else "left"}
    lay["xaxis"] |= {"autorange": "reversed" if rtl else True}


def hbar(labels: Sequence[str], values: Sequence[float], lang: str, title: str, x_title: str,
         customdata: Sequence | None = None, colours: Sequence[str] | None = None,
         hover: Sequence[str] | None = None, height: int | None = None,
         text_format: str = ",", legend: dict[str, str] | None = None) -> go.Figure:
    """Horizontal bars, first item on top. ``legend``: name -> colour entries to explain
    ``colours`` (e.g. entity types)."""
    bar: dict[str, Any] = {
        "type": "bar", "orientation": "h", "x": _list(values), "y": isos(labels, lang),
        "marker": {"color": _list(colours) if colours is not None else SINGLE_SERIES_COLOUR},
        "texttemplate": f"%{{x:{text_format}}}", "textposition": "outside", "cliponaxis": False,
        "showlegend": False,
    }
    if customdata is not None:
        bar["customdata"] = _list(customdata)
    if hover is not None:
        bar["hovertext"] = [hover_text(h) for h in _list(hover)]
        bar["hovertemplate"] = "%{hovertext}<extra></extra>"
    else:
        bar["hovertemplate"] = "%{y}: %{x}<extra></extra>"
    data = [bar]
    for name, colour in (legend or {}).items():  # legend-only entries
        data.append({"type": "bar", "orientation": "h", "x": [None], "y": [None],
                     "name": iso(name, lang), "marker": {"color": colour}, "hoverinfo": "skip"})
    lay = layout(title, lang, height=height or max(300, 26 * len(labels) + 120), x_title=x_title)
    if legend:
        lay |= {"legend": {"orientation": "h", "y": -0.15}, "barmode": "overlay"}
    _rtl_bars(lay, lang)
    _label_headroom(lay, values, lang)
    _whole_ticks(lay, values)
    return figure(data, lay)


def _whole_ticks(lay: dict, values: Sequence[float]) -> None:
    """Counts are whole articles or mentions: with a few, one tick per unit (Plotly's own
    choice drew 0.5 article ticks on the seeds' outlet bars)."""
    finite = [float(v) for v in _list(values) if v is not None and np.isfinite(float(v))]
    if finite and all(v.is_integer() for v in finite) and max(finite) <= 5:
        lay["xaxis"]["dtick"] = 1


def _label_headroom(lay: dict, values: Sequence[float], lang: str, share: float = 0.18) -> None:
    """Room past the longest bar for its value label ("13,708" was cut at the plot's edge)."""
    finite = [float(v) for v in _list(values) if v is not None and np.isfinite(float(v))]
    top = max(finite, default=0.0)
    if top <= 0:
        return
    lo, hi = min(0.0, min(finite)), top * (1 + share)
    lay["xaxis"].pop("autorange", None)
    lay["xaxis"]["range"] = [hi, lo] if lang == "ar" else [lo, hi]


def grouped_hbar(df: pd.DataFrame, label_col: str, value_col: str, group_col: str, lang: str,
                 title: str, x_title: str, label_names: dict[str, str] | None = None,
                 barmode: str = "group", value_format: str = ",.2f",
                 order: Sequence[str] | None = None, tick_format: str | None = None,
                 colours: Mapping[str, str] | None = None) -> go.Figure:
    """Horizontal bars per label, one colour per group (outlet or theme). ``colours``: group ->
    colour from the dataset's palette (app/palette.py), so a group keeps its colour whatever the
    filters leave; required."""
    if colours is None:
        raise ValueError("grouped_hbar needs the palette's colours for its groups (app/palette.py)")
    order = list(order) if order is not None else list(dict.fromkeys(df[label_col].tolist()))
    data = []
    for group, part in df.groupby(group_col, sort=True):
        part = part.set_index(label_col).reindex(order)
        names = [label_names.get(v, v) if label_names else v for v in part.index]
        data.append({
            "type": "bar", "orientation": "h", "x": _list(part[value_col]),
            "y": isos(names, lang), "name": iso(group, lang), "customdata": _list(part.index),
            "marker": {"color": colours[str(group)]},
            # The group's name by reference: a template never holds article text.
            "hovertemplate": f"%{{y}} — %{{fullData.name}}: %{{x:{value_format}}}<extra></extra>"})
    n = len(order) * (1 if barmode == "stack" else max(1, df[group_col].nunique()))
    height = max(380, 16 * n + 230)
    # Legend 70 px under the plot area, below the axis title (legend y is a fraction of the
    # plot area's height, not of the figure's).
    plot_height = height - 60 - 160
    lay = layout(title, lang, height=height, x_title=x_title, barmode=barmode,
                 legend={"orientation": "h", "y": -70 / plot_height, "yanchor": "top"},
                 margin={"l": 20, "r": 20, "t": 60, "b": 160})
    if tick_format:
        lay["xaxis"]["tickformat"] = tick_format
    _rtl_bars(lay, lang)
    return figure(data, lay)


def heatmap(z: pd.DataFrame, lang: str, title: str, colour_title: str,
            x_names: dict[str, str] | None = None) -> go.Figure:
    """``z``: rows = outlets, columns = ids (names through ``x_names``), values shown in cells."""
    rtl = lang == "ar"
    cols = [x_names.get(c, c) if x_names else c for c in z.columns]
    values = np.asarray(z.values, dtype=float)
    colorbar: dict[str, Any] = {"title": {"text": iso(colour_title, lang)}}
    if rtl:  # the row labels sit on the right, so the colour bar goes left
        colorbar |= {"x": -0.02, "xanchor": "right"}
    data = [{"type": "heatmap", "z": values.tolist(), "x": isos(cols, lang),
             "y": isos(z.index, lang), "colorscale": BLUES, "text": np.round(values, 2).tolist(),
             "texttemplate": "%{text}", "hoverongaps": False, "colorbar": colorbar,
             "hovertemplate": "%{y} · %{x}: %{z:.2f}<extra></extra>"}]
    lay = layout(title, lang, height=max(320, 48 * len(z.index) + 200))
    lay["xaxis"] |= {"autorange": "reversed" if rtl else True, "tickangle": -40}
    lay["yaxis"] |= {"side": "right" if rtl else "left", "autorange": "reversed"}
    return figure(data, lay)


def timeline(events: pd.DataFrame, pubs: pd.DataFrame, lang: str, title: str, pubs_title: str,
             hover_mentions: str, hover_articles: str,
             outlet_colours: Mapping[str, str], unreviewed_mark: str | None = None) -> go.Figure:
    """Events (points and ranges, sized by mentions) over a publication-date track.

    Events the build discovered (``events.unreviewed``) are drawn hollow with an UNREVIEWED_COLOUR
    ring, their (shortened) label followed by ``(unreviewed_mark)``.
    ``events``: event_id, name_ar, name_en, date_start, date_end, mentions, articles.
    ``pubs``: period (month start), source, articles — monthly counts (publication_counts).
    Two tracks share one date axis: events on y (top), publications on y2 (bottom).
    """
    rtl = lang == "ar"
    p = pubs[["period", "source", "articles"]].copy()
    p["period"] = pd.to_datetime(p["period"], errors="coerce")
    p = p.dropna(subset=["period"])
    window = publication_window(p)
    # Only events that overlap the view are rows; the page lists the others (events_outside).
    ev = events_inside(events, window)
    unreviewed = ev["unreviewed"].fillna(False).astype(bool).tolist() if "unreviewed" in ev.columns \
        else [False] * len(ev)
    labels = short_labels(ev[name_column(lang)].fillna(ev["event_id"]))
    if unreviewed_mark:
        labels = [f"{label} ({unreviewed_mark})" if u else label for label, u in zip(labels, unreviewed)]
    labels = isos(labels, lang)
    mentions = ev["mentions"].fillna(0).astype(float).to_numpy()
    top = max(float(mentions.max()) if len(mentions) else 0.0, 1.0)
    data: list[dict] = []
    range_x: list = []
    range_y: list = []
    for start, end, label in zip(ev["start"], ev["end"], labels):
        if pd.notna(end) and end > start:  # every range in one trace, None between events
            range_x += [start.strftime("%Y-%m-%d"), end.strftime("%Y-%m-%d"), None]
            range_y += [label, label, None]
    if range_x:
        data.append({"type": "scatter", "mode": "lines", "x": range_x, "y": range_y,
                     "line": {"width": 8, "color": "rgba(0,114,178,0.35)"}, "hoverinfo": "skip",
                     "showlegend": False})
    hover = [f"<b>{iso(a, 'ar')}</b><br>{iso(b, 'en')}<br>{hover_mentions}: {int(m):,} · {hover_articles}: "
             f"{int(n):,}" for a, b, m, n in zip(ev["name_ar"].fillna(""), ev["name_en"].fillna(""),
                                                   mentions, ev["articles"].fillna(0))]
    data.append({
        "type": "scatter", "mode": "markers", "x": _dates(ev["start"]), "y": labels,
        "customdata": _list(ev["event_id"]), "hovertext": hover,
        "hovertemplate": "%{hovertext}<extra></extra>", "showlegend": False,
        "marker": {"size": (9 + 34 * np.sqrt(mentions / top)).round(1).tolist(),
                   "color": ["white" if u else "#0072B2" if m > 0 else "#cbd5e1"
                             for m, u in zip(mentions, unreviewed)],
                   "line": {"width": [2.5 if u else 1 for u in unreviewed],
                            "color": [UNREVIEWED_COLOUR if u else "white" for u in unreviewed]},
                   "opacity": 0.9}})
    for source, part in p.groupby("source", sort=True):
        data.append({"type": "bar", "x": _dates(part["period"]), "y": _list(part["articles"]),
                     "yaxis": "y2", "name": iso(source, lang),
                     "marker": {"color": outlet_colours.get(str(source), UNKNOWN_COLOUR)},
                     "xperiod": "M1", "xperiodalignment": "middle",
                     "hovertemplate": "%{x|%Y-%m}: %{y}<extra>%{fullData.name}</extra>"})
    side = "right" if rtl else "left"
    height = max(480, 26 * len(ev) + 320)
    lay = layout(title, lang, height=height, barmode="stack",
                 legend={"orientation": "h", "y": -90 / height, "yanchor": "top"})
    # Events oldest first from the top; the date axis sits under the publications track.
    lay["yaxis"] |= {"domain": [0.26, 1.0], "side": side, "autorange": "reversed",
                     "categoryorder": "array", "categoryarray": labels}
    # Counts are whole articles: integer ticks (never 0.5 article), one per article when few.
    peak = int(p.groupby("period")["articles"].sum().max()) if len(p) else 0
    lay["yaxis2"] = dict(_AXIS) | {"domain": [0.0, 0.2], "anchor": "x", "side": side,
                                   "title": {"text": iso(pubs_title, lang)}, "tickformat": "d",
                                   "rangemode": "tozero"} | ({"dtick": 1} if peak <= 5 else {})
    # No axis title: the ticks are dates, and on a phone the title sat on the tilted Arabic ticks.
    lay["xaxis"] |= {"type": "date", "anchor": "y2"}
    if window:
        lay["xaxis"]["range"] = list(window)[::-1] if rtl else list(window)
    elif rtl:
        lay["xaxis"]["autorange"] = "reversed"
    return figure(data, lay)


# Share of the articles left outside the first view at each end: stray early (or late) articles
# stay reachable by zooming out (double-click) but do not squeeze the months most articles fall in.
WINDOW_TAIL = 0.01


def publication_window(pubs: pd.DataFrame) -> tuple[str, str] | None:
    """The first view's date range: the months holding all but WINDOW_TAIL of the articles at
    each end, padded by a month. ``pubs``: period (datetime), articles. None without dates."""
    if pubs.empty:
        return None
    monthly = pubs.groupby("period")["articles"].sum().sort_index()
    share = monthly.cumsum() / max(1, monthly.sum())
    lo = monthly.index[int(np.searchsorted(share.to_numpy(), WINDOW_TAIL, side="right"))]
    hi = monthly.index[min(len(share) - 1, int(np.searchsorted(share.to_numpy(), 1 - WINDOW_TAIL, side="left")))]
    return ((lo - pd.DateOffset(months=1)).strftime("%Y-%m-%d"),
            (hi + pd.DateOffset(months=2)).strftime("%Y-%m-%d"))


def _event_dates(events: pd.DataFrame) -> pd.DataFrame:
    ev = events.copy()
    ev["start"] = pd.to_datetime(ev["date_start"], errors="coerce")
    ev["end"] = pd.to_datetime(ev["date_end"], errors="coerce")
    return ev.dropna(subset=["start"]).sort_values(["start", "event_id"])


def _overlaps(ev: pd.DataFrame, window: tuple[str, str] | None) -> np.ndarray:
    if window is None:
        return np.ones(len(ev), dtype=bool)
    lo, hi = pd.Timestamp(window[0]), pd.Timestamp(window[1])
    end = ev["end"].fillna(ev["start"])
    return ((end >= lo) & (ev["start"] <= hi)).to_numpy(bool)


def events_inside(events: pd.DataFrame, window: tuple[str, str] | None) -> pd.DataFrame:
    """The dated events that overlap the window (the timeline's rows), oldest first."""
    ev = _event_dates(events)
    return ev[_overlaps(ev, window)]


def events_outside(events: pd.DataFrame, pubs: pd.DataFrame) -> pd.DataFrame:
    """The dated events the timeline's first view leaves out (listed under it, not drawn as
    empty rows): a 1949 treaty when the articles are from 2018."""
    p = pubs[["period", "articles"]].copy()
    p["period"] = pd.to_datetime(p["period"], errors="coerce")
    ev = _event_dates(events)
    return ev[~_overlaps(ev, publication_window(p.dropna(subset=["period"])))]


def _edge_columns(edges: pd.DataFrame) -> tuple[str, str]:
    for pair in (("source", "target"), ("entity_a", "entity_b"), ("a", "b"), ("u", "v")):
        if set(pair) <= set(edges.columns):
            return pair
    return edges.columns[0], edges.columns[1]


NETWORK_LABELS = 12  # nodes labelled on the picture; the rest are named on hover


def network(nodes: pd.DataFrame, edges: pd.DataFrame, lang: str, title: str,
            colours: dict[str, str], type_names: dict[str, str],
            labelled: int = NETWORK_LABELS) -> go.Figure:
    """Nodes at their precomputed x, y (sized by mentions, coloured by type); edges as lines,
    heavier pairs darker and wider. Only the ``labelled`` most mentioned nodes carry a label (30
    labels crowd the dense centre); hovering any node names it with its mentions."""
    pos = {e: (float(x), float(y)) for e, x, y in zip(nodes["entity_id"], nodes["x"], nodes["y"])}
    a, b = _edge_columns(edges)
    weights = edges["weight"].astype(float) if "weight" in edges else pd.Series(1.0, edges.index)
    heaviest = max(float(weights.max()) if len(weights) else 1.0, 1.0)
    # Three weight bands, one line trace each (Plotly lines take a single width and colour).
    bands = np.minimum((3 * np.sqrt(weights.to_numpy() / heaviest)).astype(int), 2)
    data: list[dict] = []
    for band in range(3):
        xs: list = []
        ys: list = []
        for s, e in zip(edges[a][bands == band], edges[b][bands == band]):
            if s in pos and e in pos:
                xs += [pos[s][0], pos[e][0], None]
                ys += [pos[s][1], pos[e][1], None]
        if xs:
            data.append({"type": "scatter", "mode": "lines", "x": xs, "y": ys, "hoverinfo": "skip",
                         "showlegend": False,
                         "line": {"width": 0.8 + 1.6 * band,
                                  "color": f"rgba(100,116,139,{0.25 + 0.2 * band:.2f})"}})
    name_col = name_column(lang)
    weight = nodes["mentions"].astype(float) if "mentions" in nodes else pd.Series(1.0, nodes.index)
    top = max(float(weight.max()) if len(weight) else 1.0, 1.0)
    rank = weight.rank(method="first", ascending=False)
    for typ, part in nodes.groupby("type", sort=True):
        w = weight.loc[part.index].to_numpy()
        names = isos(part[name_col].fillna(part["entity_id"]), lang)
        shown = rank.loc[part.index].to_numpy() <= labelled
        data.append({
            "type": "scatter", "mode": "markers+text", "x": _list(part["x"]), "y": _list(part["y"]),
            "name": iso(type_names.get(typ, typ), lang),
            "text": [n if keep else "" for n, keep in zip(names, shown)],
            "hovertext": [f"{n}: {int(m):,}" for n, m in zip(names, w)],
            "textposition": "top center", "customdata": _list(part["entity_id"]),
            "marker": {"size": (10 + 30 * np.sqrt(w / top)).round(1).tolist(),
                       "color": colours.get(typ, UNKNOWN_COLOUR), "line": {"width": 1, "color": "white"}},
            "hovertemplate": "%{hovertext}<extra></extra>"})
    lay = layout(title, lang, height=620, legend={"orientation": "h", "y": -0.05})
    lay["xaxis"] |= {"visible": False}
    lay["yaxis"] |= {"visible": False}
    return figure(data, lay)


def choropleth(df: pd.DataFrame, lang: str, title: str, colour_title: str) -> go.Figure:
    """Countries shaded by mentions (log-scaled colour so Kazakhstan does not wash out the rest)."""
    mentions = df["mentions"].astype(float).to_numpy()
    z = np.log10(mentions + 1)
    low, high = (float(z.min()), float(z.max())) if len(z) else (0.0, 1.0)
    nice = [v for v in (1, 10, 100, 1000, 10000, 100000) if low <= math.log10(v + 1) <= high]
    ends = [int(mentions.min()), int(mentions.max())] if len(mentions) else []
    ticks = sorted(set(nice + ends))
    names = df[name_column(lang)].fillna(df["iso3"])
    data = [{
        "type": "choropleth", "locations": _list(df["iso3"]), "z": z.tolist(),
        "locationmode": "ISO-3", "customdata": _list(df["entity_id"]), "colorscale": YLGNBU,
        "hovertext": [f"{iso(n, lang)}: {int(m):,}" for n, m in zip(names, mentions)],
        "hovertemplate": "%{hovertext}<extra></extra>", "marker": {"line": {"color": "white"}},
        # Under the map, not beside it: beside, it took half a phone's width from the map.
        "colorbar": {"title": {"text": iso(colour_title, lang), "side": "top"},
                     "orientation": "h", "x": 0.5, "xanchor": "center", "y": -0.02,
                     "yanchor": "top", "len": 0.7, "thickness": 12,
                     "tickvals": [math.log10(v + 1) for v in ticks],
                     "ticktext": [f"{v:,}" for v in ticks]}}]
    lay = layout(title, lang, height=560, margin={"l": 0, "r": 0, "t": 60, "b": 70})
    lay["geo"] = {"showcountries": True, "countrycolor": "#cbd5e1", "showcoastlines": False,
                  "showframe": False, "projection": {"type": "natural earth",
                                                     "rotation": {"lon": 40}},
                  "landcolor": "#f1f5f9", "showland": True, "fitbounds": False,
                  "lataxis": {"range": [-58, 85]}, "lonaxis": {"range": [-140, 220]}}
    return figure(data, lay)
