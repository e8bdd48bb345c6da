"""Exports that carry their context: what a chart's PNG, a table's CSV and the HTML briefing say
about where their numbers come from (the dataset, the filters, the articles and sentences).

Every string from a dataset (outlet names, catalogue names, the keyword, about.json) is
untrusted: escaped for HTML in the briefing, and for Plotly's text (which renders tags and
interprets ``%{...}``) in the chart's source line.
"""

from __future__ import annotations

import html
import re
import textwrap
from datetime import UTC, datetime

import plotly.graph_objects as go
import plotly.io as pio

from dashboard.app.i18n import display_names, plotly_config, plural, t
from dashboard.app.safe import html_text, plotly_text
from dashboard.app.state import Context
from dashboard.demo import read_about

SOURCE_LINE_CHARS = 60  # wrap the chart's source line: a phone-wide chart cuts a long one


def dataset_title(ctx: Context, lang: str) -> str:
    about = read_about(ctx.ds.path) if getattr(ctx.ds, "path", None) else None
    names = (about or {}).get("name")
    if isinstance(names, dict) and (names.get(lang) or names.get("en")):
        return str(names.get(lang) or names.get("en"))
    path = getattr(ctx.ds, "path", None)
    return path.name if path is not None else ""


def filters_text(ctx: Context, lang: str) -> str:
    """The filters in words ("Sources: BBC, CNN · Keyword: روسيا"), or "all articles"."""
    f = ctx.filters
    sep = "، " if lang == "ar" else ", "
    parts = []
    if f.sources:
        parts.append(f"{t('sources', lang)}: {sep.join(f.sources)}")
    for field, table, id_col, key in (("themes", ctx.ds.themes, "theme_id", "themes"),
                                      ("entities", ctx.ds.entities, "entity_id", "entities"),
                                      ("events", ctx.ds.events, "event_id", "events")):
        values = getattr(f, field)
        if values:
            names = display_names(table, id_col, lang)
            parts.append(f"{t(key, lang)}: {sep.join(names.get(v, v) for v in values)}")
    if f.date_from or f.date_to:
        start = f.date_from.isoformat() if f.date_from else "…"
        end = f.date_to.isoformat() if f.date_to else "…"
        parts.append(f"{t('date_range', lang)}: {start} – {end}")
    if f.keyword:
        parts.append(f"{t('keyword', lang)}: {f.keyword}")
    return " · ".join(parts) if parts else t("no_filters", lang)


def counts_text(ctx: Context, lang: str) -> str:
    return t("basis", lang, articles=plural(ctx.sel.n_articles, "article", lang),
             sentences=plural(ctx.sel.n_sentences, "sentence", lang))


def context_lines(ctx: Context, lang: str) -> list[str]:
    """Dataset, filters, counts: one line each (plain text, not escaped)."""
    return [f"{t('dataset', lang)}: {dataset_title(ctx, lang)}",
            f"{t('filters', lang)}: {filters_text(ctx, lang)}", counts_text(ctx, lang)]


def add_source_line(fig: go.Figure, ctx: Context, lang: str) -> None:
    """The context as the chart's subtitle, so a saved PNG says what it shows. Under the title,
    not the plot: legends and axis titles below a plot would collide with it. The top margin
    and the height grow to hold it."""
    lines: list[str] = []
    for line in context_lines(ctx, lang):
        lines += textwrap.wrap(line, SOURCE_LINE_CHARS) or [""]
    isolate = ("\u2067", "\u2069") if lang == "ar" else ("", "")
    text = "<br>".join(f"{isolate[0]}{plotly_text(x)}{isolate[1]}" for x in lines)
    extra = 13 * len(lines) + 8
    margin = fig.layout.margin
    top = (margin.t if margin and margin.t is not None else 60) + extra
    fig.update_layout(
        margin={"t": top},
        title={"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 12},
               "subtitle": {"text": text, "font": {"size": 10, "color": "#64748b"}}})
    if fig.layout.height:
        fig.update_layout(height=fig.layout.height + extra)


def no_fading(fig: go.Figure) -> None:
    """Keep every mark at full strength when a point is chosen: the choice shows in the picker
    below the chart, and a PNG saved after a click must not carry faded marks."""
    for trace in fig.data:
        if trace.type in ("bar", "scatter", "choropleth"):
            trace.unselected = {"marker": {"opacity": 1}}
            if trace.type == "scatter":
                trace.unselected.textfont = {"color": None}


def csv_preamble(ctx: Context, lang: str) -> str:
    """Comment lines that open a CSV export (``pandas.read_csv(comment="#")`` skips them)."""
    return "".join(f"# {_csv_safe(line)}\n" for line in context_lines(ctx, lang))


def _csv_safe(text: str) -> str:
    return re.sub(r"[\r\n]+", " ", text)


def file_stem(ctx: Context, name: str) -> str:
    """``<dataset>-<panel>``: a saved file names the dataset it came from."""
    path = getattr(ctx.ds, "path", None)
    dataset = re.sub(r"[^\w.-]+", "_", path.name) if path is not None else "dataset"
    return f"{dataset}-{name}"


def briefing_html(ctx: Context, lang: str, page_title: str,
                  figures: list[tuple[str, go.Figure]]) -> str:
    """A self-contained HTML page of the current view: the charts interactive (Plotly's JS
    embedded once, no network), the dataset, filters and counts written out, the dataset's
    licence and citation. Every dataset-supplied string is escaped."""
    rtl = lang == "ar"
    config = {"displaylogo": False} | plotly_config(lang)
    parts = []
    for i, (_, fig) in enumerate(figures):
        fig = go.Figure(fig)  # a copy: the app's figure is left as drawn
        # The embedded plotly.js does not grow the margin for category labels as the app's does
        # (they were cut at the edge): room for them on the side they stand.
        if fig.layout.yaxis.type != "linear" and fig.layout.yaxis.visible is not False:
            side = "r" if fig.layout.yaxis.side == "right" else "l"
            current = getattr(fig.layout.margin, side) or 0
            fig.update_layout(margin={side: max(current, 170)})
        parts.append(pio.to_html(fig, include_plotlyjs=i == 0, full_html=False, config=config,
                                 div_id=f"chart-{i}", validate=False))
    about = read_about(ctx.ds.path) if getattr(ctx.ds, "path", None) else None
    citation = ""
    if about:
        citation = t("dataset_about", lang, corpus=about.get("corpus", ""),
                     licence=about.get("licence", ""), citation=about.get("citation", ""))
    # Isolated left to right: in an Arabic line the date's parts reordered (28-11-2026).
    made = "\u2066" + datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC") + "\u2069"
    # The lines name outlets (untrusted): escaped, stray bidi controls neutralised, isolated.
    facts = "".join(f"<li><bdi>{html_text(line)}</bdi></li>" for line in context_lines(ctx, lang))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{"rtl" if rtl else "ltr"}"><head>'
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(t('app_title', lang))} — {html.escape(page_title)}</title>"
        "<style>body{font-family:'Noto Sans Arabic',Arial,sans-serif;margin:1rem auto;"
        "max-width:1100px;padding:0 1rem;color:#1e293b}h1{font-size:1.5rem}"
        ".meta{color:#475569}.chart{margin:1.5rem 0}.about{color:#64748b;font-size:.85rem;"
        "border-top:1px solid #e2e8f0;padding-top:.6rem}</style></head><body>"
        f"<h1>{html.escape(t('app_title', lang))} — {html.escape(page_title)}</h1>"
        f'<ul class="meta">{facts}<li>{html.escape(t("briefing_made", lang, when=made))}</li></ul>'
        # Plotly lays a chart out left to right itself (its Arabic labels are isolated); inside
        # a dir="rtl" page its right-hand tick labels were cut at the chart's edge.
        + "".join(f'<div class="chart" dir="ltr">{p}</div>' for p in parts)
        + (f'<p class="about">{html.escape(citation)}</p>' if citation else "")
        + "</body></html>\n")
