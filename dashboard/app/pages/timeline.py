"""Event timeline: catalogue events on a date axis over the publication dates; choosing an event
shows, outlet by outlet, the sentences that speak of it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.analysis.timeline import event_counts, event_sentences, publication_counts
from dashboard.app import charts
from dashboard.app.components import (
    basis,
    chart,
    clicked_id,
    compute,
    empty_state,
    esc,
    follow_pick,
    grid,
    is_empty,
    link_column,
    source_link_html,
    stop_page,
    table,
    with_safe_urls,
)
from dashboard.app.i18n import column_labels, display_names, plural, t
from dashboard.app.page import start_page
from dashboard.app.palette import palette
from dashboard.app.safe import md, plain
from dashboard.app.urlstate import Param, page_params

ctx = start_page("timeline", needs_articles=True)
lang = ctx.lang
page_params("timeline", {"timeline_event": Param("event", ""),
                         "timeline_unreviewed": Param("unreviewed", False, kind="bool")})

# events the catalogue lacks, discovered by the build (marked unreviewed; shown with ?unreviewed=1).
# Off by default: about one in five such links read on an ANT sample was wrong (a second id for one
# event, a wrong party), and on a large corpus they outnumber the catalogue's events on the chart.
unreviewed = st.toggle(t("include_unreviewed_events", lang), key="timeline_unreviewed",
                       help=t("include_unreviewed_events_help", lang))
events: pd.DataFrame = compute(ctx, event_counts, include_discovered=unreviewed)
pubs: pd.DataFrame = compute(ctx, publication_counts, freq="M")
fig = charts.timeline(events, pubs, lang, t("timeline_title", lang), t("publications", lang),
                      t("hover_mentions", lang), t("hover_articles", lang),
                      palette(ctx.ds).outlets, unreviewed_mark=t("mark_unreviewed", lang))
picked = chart(fig, key="timeline_chart", file_name="event_timeline", on_select="rerun",
               selection_mode="points")
outside = charts.events_outside(events, pubs) if not is_empty(events) else events


def outside_list(rows: pd.DataFrame) -> None:
    names = display_names(rows, "event_id", lang)
    items = "".join(
        f'<li>{esc(names.get(e, e))} <bdi dir="ltr">{esc(str(s)[:10])}'
        f'{" – " + esc(str(f)[:10]) if isinstance(f, str) and f != s else ""}</bdi>: '
        f'{esc(plural(int(m or 0), "mention", lang))}</li>'
        for e, s, f, m in zip(rows["event_id"], rows["date_start"], rows["date_end"],
                              rows["mentions"].fillna(0)))
    st.html(f'<ul class="kz-rtl" dir="rtl">{items}</ul>' if lang == "ar" else f"<ul>{items}</ul>")


if len(outside):
    # Listed, not drawn as empty rows far from the articles. Those the articles mention (the 1991
    # independence in 2022 coverage) are shown; the catalogue's other events, which the articles
    # never name, are folded away: a long list of zeros pushes the page down on a phone.
    named = outside[outside["mentions"].fillna(0) > 0]
    unnamed = outside[outside["mentions"].fillna(0) <= 0]
    if len(named):
        st.caption(t("timeline_outside", lang, n=plural(len(named), "event", lang)))
        outside_list(named)
    if len(unnamed):
        with st.expander(t("timeline_unmentioned", lang, n=plural(len(unnamed), "event", lang))):
            outside_list(unnamed)

mentioned = events[events["mentions"].fillna(0) > 0] if not is_empty(events) else events
if is_empty(mentioned):
    empty_state(lang, "no_event_mentions")
    stop_page()

names = display_names(mentioned, "event_id", lang)
order = mentioned.sort_values(["mentions", "event_id"], ascending=[False, True])["event_id"].tolist()
# A click on an event's point chooses it (the chart returns the raw event_id in customdata).
follow_pick("timeline_event", clicked_id(picked, names), names, order[0])
event_id = st.selectbox(t("choose_event", lang), order, key="timeline_event",
                        format_func=lambda e: plain(names.get(e, e)))

with st.expander(t("events", lang)):
    table(events, lang, key="timeline_events_table", file_name="event_counts",
          labels=column_labels(lang, "name_ar", "name_en", "date_start", "mentions", "articles"))


sentences: pd.DataFrame = compute(ctx, event_sentences, event_id)
st.subheader(f"{t('event_sentences', lang)}: {md(names.get(event_id, event_id))}")
if is_empty(sentences):
    empty_state(lang)
    stop_page()
basis(ctx, sentences["article_id"].nunique(), len(sentences))
outlets = sorted(sentences["source"].dropna().unique().tolist())
for col, source in grid(outlets, lang):
    part = sentences[sentences["source"] == source].head(40)
    quotes = "".join(
        f'<blockquote>{esc(r.sentence)}<div class="meta"><bdi>{esc(str(r.title)[:90])}</bdi> · '
        f'<bdi dir="ltr">{esc(r.date)}</bdi>'
        + (f" · {link}" if (link := source_link_html(r.url, lang)) else "")
        + "</div></blockquote>" for r in part.itertuples())
    with col:
        st.html(f'<div class="kz-source kz-rtl" dir="rtl"><h4><bdi>{esc(source)}</bdi> '
                f'<small>({len(sentences[sentences["source"] == source])})</small></h4>'
                f"{quotes}</div>")
table(with_safe_urls(sentences), lang, key="timeline_sentences_table",
      file_name=f"event_{event_id}_sentences", folded=True, column_config={"url": link_column(lang)})
