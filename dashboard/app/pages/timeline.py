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
    columns,
    compute,
    day,
    empty_state,
    esc,
    is_empty,
    selected_points,
    stop_page,
    table,
)
from dashboard.app.i18n import plural, t
from dashboard.app.state import context

ctx = context()
lang = ctx.lang
st.header(t("page_timeline", lang))
basis(ctx)
if ctx.sel.n_articles == 0:
    empty_state(lang)
    stop_page()

events: pd.DataFrame = compute(ctx, event_counts)
pubs: pd.DataFrame = compute(ctx, publication_counts, freq="M")
fig = charts.timeline(events, pubs, lang, t("timeline_title", lang), t("publications", lang),
                      t("date_axis", lang), t("hover_mentions", lang), t("hover_articles", lang))
picked = chart(fig, key="timeline_chart", file_name="event_timeline", on_select="rerun",
               selection_mode="points")
x_range = fig.layout.xaxis.range
if x_range:
    first_shown = min(x_range)
    older = events[pd.to_datetime(events["date_start"], errors="coerce") < pd.Timestamp(first_shown)]
    if len(older):
        st.caption(t("timeline_window", lang, n=plural(len(older), "event", lang),
                     year=pd.to_datetime(older["date_start"]).min().year))

mentioned = events[events["mentions"].fillna(0) > 0] if not is_empty(events) else events
if is_empty(mentioned):
    empty_state(lang, "no_event_mentions")
    stop_page()

name_col = "name_ar" if lang == "ar" else "name_en"
names = dict(zip(mentioned["event_id"], mentioned[name_col].fillna(mentioned["event_id"])))
order = mentioned.sort_values(["mentions", "event_id"], ascending=[False, True])["event_id"].tolist()
# A click on an event's point chooses it (the chart returns the raw event_id in customdata).
clicked = [p.get("customdata") for p in selected_points(picked) if p.get("customdata") in names]
if clicked and clicked[0] != st.session_state.get("_last_event_click"):
    st.session_state["timeline_event"] = clicked[0]
st.session_state["_last_event_click"] = clicked[0] if clicked else None
if st.session_state.get("timeline_event") not in names:
    st.session_state["timeline_event"] = order[0]
event_id = st.selectbox(t("choose_event", lang), order, key="timeline_event",
                        format_func=lambda e: f"{names.get(e, e)}")

with st.expander(t("events", lang)):
    labels = {"name_ar": "الاسم", "name_en": "Name", "date_start": t("col_published", lang),
              "mentions": t("col_mentions", lang), "articles": t("col_articles", lang)}
    table(events, lang, key="timeline_events_table", file_name="event_counts", labels=labels)


sentences: pd.DataFrame = compute(ctx, event_sentences, event_id)
st.subheader(f"{t('event_sentences', lang)}: {names.get(event_id, event_id)}")
if is_empty(sentences):
    empty_state(lang)
    stop_page()
basis(ctx, sentences["article_id"].nunique(), len(sentences))
outlets = sorted(sentences["source"].dropna().unique().tolist())
for start in range(0, len(outlets), 3):
    for col, source in zip(columns(3, lang), outlets[start:start + 3]):
        part = sentences[sentences["source"] == source].head(40)
        quotes = "".join(
            f'<blockquote>{esc(r.sentence)}<div class="meta">{esc(str(r.title)[:90])} · <bdi dir="ltr">{esc(day(r.published))}</bdi>'
            f"</div></blockquote>" for r in part.itertuples())
        with col:
            st.html(f'<div class="kz-source kz-rtl" dir="rtl"><h4>{esc(source)} '
                    f'<small>({len(sentences[sentences["source"] == source])})</small></h4>'
                    f"{quotes}</div>")
table(sentences, lang, key="timeline_sentences_table", file_name=f"event_{event_id}_sentences",
      folded=True)
