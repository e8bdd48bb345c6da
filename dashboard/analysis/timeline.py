"""Event timeline: catalogue events with their mention counts, publication dates, and what each
outlet says about one event."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.analysis.common import article_titles, frame
from dashboard.analysis.filters import Selection
from dashboard.dataset import Dataset, date_labels
from dashboard.schema import PROVISIONAL_PREFIX

EVENT_COLUMNS = {"event_id": "string", "name_ar": "string", "name_en": "string",
                 "date_start": "datetime64[s]", "date_end": "datetime64[s]", "mentions": "int64",
                 "articles": "int64", "unreviewed": "bool"}  # unreviewed: an event the build discovered
COUNT_COLUMNS = {"period": "datetime64[s]", "source": "string", "articles": "int64"}
SENTENCE_COLUMNS = {"source": "string", "article_id": "string", "title": "string",
                    "published": "datetime64[s]", "date": "string", "url": "string", "sentence_id": "int64",
                    "sentence": "string", "cue": "string"}


def _event_mask(ds: Dataset, sel: Selection) -> np.ndarray:
    art = ds.ix.event_mention_article
    ok = (art >= 0) & (ds.ix.event_mention_event >= 0)
    return ok & sel.article_mask[np.maximum(art, 0)] if len(art) else ok


def event_counts(ds: Dataset, sel: Selection, include_discovered: bool = True) -> pd.DataFrame:
    """Every catalogue event (zeros included: the axis shows the whole catalogue), then the events
    the build discovered (ids new:..., unreviewed; left out with ``include_discovered=False``), by
    start date; ``unreviewed`` marks the discovered ones."""
    if sel.empty or ds.events.empty:
        return frame(EVENT_COLUMNS)
    n = len(ds.ix.event_ids)
    mask = _event_mask(ds, sel)
    ev = ds.ix.event_mention_event[mask]
    mentions = np.bincount(ev, minlength=n)
    pairs = np.unique(ds.ix.event_mention_article[mask].astype(np.int64) * n + ev)
    articles = np.bincount(pairs % n, minlength=n) if len(pairs) else np.zeros(n, np.int64)
    out = ds.events[["event_id", "name_ar", "name_en"]].copy()
    out["date_start"] = pd.to_datetime(ds.events["date_start"], errors="coerce", format="ISO8601")
    out["date_end"] = pd.to_datetime(ds.events["date_end"], errors="coerce", format="ISO8601")
    out["mentions"] = mentions
    out["articles"] = articles
    out["unreviewed"] = out["event_id"].astype(str).str.startswith(PROVISIONAL_PREFIX)
    out = out.astype(EVENT_COLUMNS)
    if not include_discovered:
        out = out[~out["unreviewed"]]
    return out.sort_values(["date_start", "event_id"], na_position="last").reset_index(drop=True)


def publication_counts(ds: Dataset, sel: Selection, freq: str = "M") -> pd.DataFrame:
    """Selected dated articles per period and source: one row per non-empty (period, source),
    oldest first. ``freq``: "D", "M" or "Y"; ``period`` is the period's first day. The chart gets
    a few hundred counts instead of every article's date (31k on ANT)."""
    if freq not in ("D", "M", "Y"):
        raise ValueError(f"freq must be D, M or Y, not {freq!r}")
    ix = ds.ix
    dated = sel.article_mask & ~np.isnat(ix.article_published) if not sel.empty else None
    if dated is None or not dated.any():
        return frame(COUNT_COLUMNS)
    n_src = len(ix.sources)
    periods = ix.article_published[dated].astype(f"datetime64[{freq}]").astype(np.int64)
    keys, counts = np.unique(periods * n_src + ix.article_source[dated], return_counts=True)
    return pd.DataFrame({
        "period": (keys // n_src).astype(f"datetime64[{freq}]").astype("datetime64[s]"),
        "source": np.asarray(ix.sources, dtype=object)[keys % n_src],
        "articles": counts.astype(np.int64),
    }).astype(COUNT_COLUMNS)


def event_sentences(ds: Dataset, sel: Selection, event_id: str) -> pd.DataFrame:
    """The sentences linked to one event, one row per sentence, by source then date."""
    codes = np.flatnonzero(ds.ix.event_ids == event_id)
    if sel.empty or not len(codes):
        return frame(SENTENCE_COLUMNS)
    mask = _event_mask(ds, sel) & (ds.ix.event_mention_event == codes[0]) & (ds.ix.event_mention_sentence >= 0)
    if not mask.any():
        return frame(SENTENCE_COLUMNS)
    em = ds.event_mentions.loc[mask, ["cue"]].copy()
    em["row"] = ds.ix.event_mention_sentence[mask]
    em["cue"] = em["cue"].fillna("")
    cues = em.groupby("row", sort=True)["cue"].agg(lambda s: " | ".join(sorted({c for c in s if c})))
    rows = cues.index.to_numpy()
    art = ds.ix.sentence_article[rows]
    sents = ds.sentences.iloc[rows]
    starts, ends = sents["char_start"].to_numpy(np.int64), sents["char_end"].to_numpy(np.int64)
    out = pd.DataFrame({
        "source": np.asarray(ds.ix.sources, dtype=object)[ds.ix.article_source[art]],
        "article_id": ds.ix.article_ids[art],
        "title": article_titles(ds)[art],
        "published": ds.ix.article_published[art],
        # shown and exported at its precision ("2023", "2022-07"), never as a made-up first day
        "date": date_labels(ds.ix.article_published[art], ds.ix.article_precision[art]),
        "url": ds.articles["url"].to_numpy(dtype=object)[art],
        "sentence_id": sents["sentence_id"].to_numpy(np.int64),
        "sentence": [ds.article_text(a)[s:e] for a, s, e in zip(art, starts, ends)],
        "cue": cues.to_numpy(dtype=object),
    }).astype(SENTENCE_COLUMNS)
    return out.sort_values(["source", "published", "article_id", "sentence_id"], na_position="last").reset_index(drop=True)
