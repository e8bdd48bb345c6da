"""The reader: one article as safe HTML, its entity, date and event highlights in <mark>, one <p>
per paragraph. The highlights come from dashboard.analysis.overview.highlights (spans and ids);
this module names them in the interface language and draws them.

At most MAX_MARKS highlights are drawn (the first ones in the text): an article can hold hundreds
of thousands of mentions, and as many <mark> elements would cost seconds to send and to lay out.
The page says when the cap applies.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.analysis.overview import highlights
from dashboard.app.i18n import name_column, t, type_name
from dashboard.app.safe import html_text, plain
from dashboard.dataset import Dataset

MAX_MARKS = 2000
CSS_CLASS = {"entity": "ent", "date": "date", "event": "event", "hit": "hit"}


@dataclass(frozen=True)
class ReaderView:
    html: str       # '' for an unknown article
    marks: int      # highlights drawn
    total: int      # highlights found (after overlaps are resolved)


def _titles(ds: Dataset, spans: pd.DataFrame, lang: str) -> list[str]:
    """The hover title of each highlight: the entity's or event's name (entity type, adjective
    form), or the date."""
    name = name_column(lang)
    ents = ds.entities.drop_duplicates("entity_id").set_index("entity_id")
    ent_names = ents[name].fillna(pd.Series(ents.index, index=ents.index)).astype(str)
    ent_titles = {e: f"{n} ({type_name(typ, lang)})" for e, n, typ in
                  zip(ent_names.index, ent_names, ents["type"].astype(str))}
    evs = ds.events.drop_duplicates("event_id").set_index("event_id")
    ev_names = evs[name].fillna(pd.Series(evs.index, index=evs.index)).astype(str).to_dict()
    adjective = t("reader_adjective", lang)
    out = []
    for kind, ref, ref_end, adj in zip(spans["kind"], spans["ref"], spans["ref_end"],
                                       spans["adjective"]):
        if kind == "entity":
            title = ent_titles.get(ref, str(ref)) + (f" — {adjective}" if adj else "")
        elif kind == "date":
            title = str(ref) if ref_end is None or pd.isna(ref_end) else f"{ref} – {ref_end}"
        elif kind == "hit":
            title = t("mark_hit", lang)
        else:
            title = ev_names.get(ref, str(ref))
        out.append(title)
    return out


def reader_html(ds: Dataset, article_id: str, lang: str, max_marks: int = MAX_MARKS,
                query_spans: Sequence[tuple[int, int]] = ()) -> ReaderView:
    """The article as safe HTML: all text escaped, the first ``max_marks`` highlights in <mark>
    (titles in ``lang``), one <p> per paragraph (line). ``query_spans``: what the search
    matched (dashboard/search), marked first."""
    rows = np.flatnonzero(ds.ix.article_ids == article_id)
    if not len(rows):
        return ReaderView("", 0, 0)
    text = ds.article_text(int(rows[0]))
    spans, total = highlights(ds, article_id, limit=max_marks, text=text, query_spans=query_spans)
    text = plain(text)  # once for the whole text (one character for one: offsets stay valid)
    pieces: list[str] = []
    pos = 0
    drawn = 0
    for (start, end, kind), title in zip(
            zip(spans["start"].tolist(), spans["end"].tolist(), spans["kind"].tolist()),
            _titles(ds, spans, lang)):
        if text.find("\n", start, end) != -1:  # a mark must not straddle paragraphs
            continue
        pieces.append(html.escape(text[pos:start]))
        pieces.append(f'<mark class="{CSS_CLASS[kind]}" title="{html_text(title)}">'
                      f"{html.escape(text[start:end])}</mark>")
        pos = end
        drawn += 1
    pieces.append(html.escape(text[pos:]))
    paragraphs = [p.strip() for p in "".join(pieces).split("\n") if p.strip()]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return ReaderView(f'<div class="reader" dir="rtl" lang="ar">{body}</div>', drawn, total)
