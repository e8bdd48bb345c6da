"""Overview panel: headline figures, the article table, and the reader's highlights (spans the
app draws)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from dashboard.analysis.common import article_titles, frame, mention_mask
from dashboard.analysis.filters import Selection
from dashboard.dataset import Dataset, date_labels
from dashboard.schema import is_provisional

ARTICLE_COLUMNS = {"article_id": "string", "title": "string", "source": "string",
                   "published": "string", "themes": "string", "themes_en": "string",
                   "n_sentences": "int64", "url": "string"}
THEME_SEP = "، "


def _provisional(ids: np.ndarray) -> np.ndarray:
    return np.fromiter(map(is_provisional, ids), bool, len(ids))


def headline(ds: Dataset, sel: Selection) -> dict:
    """Counts for the headline cards; dates are datetime.date or None."""
    ix = ds.ix
    n_sources = int(np.count_nonzero(np.bincount(ix.article_source[sel.article_mask], minlength=len(ix.sources))))
    # Mentions only: entity_mention_counts also builds the distinct (article, entity) pairs, 80 of
    # the 100 ms this took on ANT's first page, which no headline figure needs.
    mentions = (np.bincount(ix.mention_entity[mention_mask(ds, sel, True)], minlength=len(ix.entity_ids))
                if not sel.empty else np.zeros(0, np.int64))
    ev_art = ix.event_mention_article
    ev_ok = (ev_art >= 0) & (ix.event_mention_event >= 0)
    if len(ev_art):
        ev_ok &= sel.article_mask[np.maximum(ev_art, 0)]
    pub = ix.article_published[sel.article_mask]
    end = ix.article_published_end[sel.article_mask]
    precision = ix.article_precision[sel.article_mask]
    dated = ~np.isnat(pub)
    pub, end, precision = pub[dated], end[dated], precision[dated]
    first, last = (int(np.argmin(pub)), int(np.argmax(end))) if len(pub) else (0, 0)
    return {
        "articles": sel.n_articles,
        "sentences": sel.n_sentences,
        "words": int(ix.article_words[sel.article_mask].sum()),
        "sources": n_sources,
        "entities": int(np.count_nonzero(mentions)),
        # of which names the catalogue does not know yet (provisional ids, shown as unreviewed)
        "entities_unreviewed": int(np.count_nonzero(mentions[_provisional(ix.entity_ids)])) if len(mentions) else 0,
        "entity_mentions": int(mentions.sum()),
        "events": int(len(np.unique(ix.event_mention_event[ev_ok]))),
        # of which events the build discovered, not in the catalogue (new:..., shown as unreviewed)
        "events_unreviewed": int(np.count_nonzero(_provisional(
            ix.event_ids[np.unique(ix.event_mention_event[ev_ok])]))) if ev_ok.any() else 0,
        "date_from": pub.min().astype(object) if len(pub) else None,
        "date_to": end.max().astype(object) if len(pub) else None,
        # the period's ends written at their precision ("2018", "2022-07", "2022-01-06")
        "date_from_label": date_labels(pub[first:first + 1], precision[first:first + 1])[0] if len(pub) else "",
        "date_to_label": date_labels(pub[last:last + 1], precision[last:last + 1])[0] if len(pub) else "",
    }


def _main_theme_names(ds: Dataset) -> pd.DataFrame:
    """Per article (index: article codes' ids), its main themes' names joined, best score first.
    Built rank by rank over whole columns: a pandas groupby-join took over a second on ANT."""
    def compute() -> pd.DataFrame:
        at = ds.article_themes[ds.article_themes["is_main"].fillna(False).astype(bool)]
        at = at.merge(ds.themes[["theme_id", "name_ar", "name_en"]], on="theme_id", how="left")
        code = np.searchsorted(ds.ix.article_ids, at["article_id"].fillna("").to_numpy(dtype=object))
        code = np.minimum(code, max(len(ds.ix.article_ids) - 1, 0))
        known = ds.ix.article_ids[code] == at["article_id"].fillna("").to_numpy(dtype=object) \
            if len(ds.ix.article_ids) else np.zeros(len(at), bool)
        at, code = at[known], code[known]
        order = np.lexsort((at["theme_id"].to_numpy(dtype=str), -at["score"].fillna(0).to_numpy(float), code))
        code = code[order]
        names = {lang: at[f"name_{lang}"].fillna(at["theme_id"]).to_numpy(dtype=object)[order]
                 for lang in ("ar", "en")}
        first = np.r_[True, code[1:] != code[:-1]] if len(code) else np.zeros(0, bool)
        rank = np.arange(len(code)) - np.maximum.accumulate(np.where(first, np.arange(len(code)), 0))
        n = len(ds.ix.article_ids)
        out = {}
        for lang, sep in (("ar", THEME_SEP), ("en", ", ")):
            joined = np.full(n, "", dtype=object)
            for r in range(int(rank.max()) + 1 if len(rank) else 0):
                at_r = rank == r
                prefix = "" if r == 0 else sep
                joined[code[at_r]] = joined[code[at_r]] + prefix + names[lang][at_r]
            out["themes" if lang == "ar" else "themes_en"] = joined
        return pd.DataFrame(out, index=ds.ix.article_ids)

    return ds.memo(("main_theme_names",), compute)


def article_table(ds: Dataset, sel: Selection) -> pd.DataFrame:
    """The selected articles, newest first (undated last), with their main themes' names
    (``themes`` in Arabic, ``themes_en`` in English)."""
    def compute():
        names = _main_theme_names(ds)
        arts = ds.articles
        full = pd.DataFrame({
            "article_id": ds.ix.article_ids, "title": article_titles(ds),
            # the date at its precision ("2023", "2022-07", "2022-01-06"), never a made-up day
            "source": arts["source"].to_numpy(dtype=object),
            "published": date_labels(ds.ix.article_published, ds.ix.article_precision),
            "themes": names["themes"].to_numpy(dtype=object),
            "themes_en": names["themes_en"].to_numpy(dtype=object),
            "n_sentences": arts["n_sentences"].fillna(0).to_numpy(np.int64),
            "url": arts["url"].to_numpy(dtype=object),
        }).astype(ARTICLE_COLUMNS)
        full["_code"] = np.arange(len(full))
        full["_start"] = ds.ix.article_published
        full = full.sort_values(["_start", "article_id"], ascending=[False, True], na_position="last")
        full = full.drop(columns="_start")
        return full.drop(columns="_code").reset_index(drop=True), full["_code"].to_numpy()

    if sel.empty:
        return frame(ARTICLE_COLUMNS)
    table, codes = ds.memo(("article_table",), compute)
    return table[sel.article_mask[codes]].reset_index(drop=True)


# Precedence when marks overlap: the shorter, more specific marks win over the event cue spans.
HIGHLIGHT_KINDS = ("entity", "date", "event", "hit")  # hit: what the search matched, first
HIGHLIGHT_COLUMNS = {"start": "int64", "end": "int64", "kind": "string", "ref": "string",
                     "ref_end": "string", "adjective": "bool"}


def _sweep(s: np.ndarray, e: np.ndarray) -> np.ndarray:
    """Greedy in start order: which spans to keep so that none overlaps an earlier kept one.
    A span starting at or after every earlier end is always kept; only the others (nested or
    crossing spans, rare in real text) go through the sequential loop."""
    n = len(s)
    take = np.ones(n, bool)
    if n < 2:
        return take
    reach_before = np.maximum.accumulate(e)[:-1]
    contested = np.r_[False, s[1:] < reach_before]
    reach = np.iinfo(np.int64).min
    for i in np.flatnonzero(contested).tolist():
        if not contested[i - 1]:  # the span before is uncontested, so kept: it sets the reach
            reach = int(e[i - 1])
        if s[i] >= reach:
            reach = int(e[i])
        else:
            take[i] = False
    return take


def resolve_overlaps(starts: np.ndarray, ends: np.ndarray, priority: np.ndarray) -> np.ndarray:
    """Indices of the spans kept, in text order: spans are taken by priority (lowest first), then
    by start, longer first, each kept unless it overlaps one kept before it.

    Sort and sweep, O(n log n): within one priority the spans come in start order, so a span
    overlaps an earlier kept span of its priority exactly when it starts before the last kept one
    ends; the spans kept at higher priorities are disjoint and sorted, so one binary search finds
    the only one that could overlap. (Comparing each span with every kept one was quadratic: an
    article with 258k mentions on one line took about 20 minutes.)"""
    starts = np.asarray(starts, np.int64)
    ends = np.asarray(ends, np.int64)
    priority = np.asarray(priority, np.int64)
    kept_starts = np.zeros(0, np.int64)
    kept_ends = np.zeros(0, np.int64)
    kept_index = np.zeros(0, np.int64)
    for level in np.unique(priority):
        idx = np.flatnonzero(priority == level)
        idx = idx[np.lexsort((idx, starts[idx] - ends[idx], starts[idx]))]
        s, e = starts[idx], ends[idx]
        # Against the kept spans of higher priority: the first kept span ending after s is the
        # only candidate for an overlap.
        nxt = np.searchsorted(kept_ends, s, side="right")
        blocked = nxt < len(kept_starts)
        blocked[blocked] = kept_starts[nxt[blocked]] < e[blocked]
        free = np.flatnonzero(~blocked)
        take = free[_sweep(s[free], e[free])]
        order = np.argsort(np.concatenate([kept_starts, s[take]]), kind="stable")
        kept_starts = np.concatenate([kept_starts, s[take]])[order]
        kept_ends = np.concatenate([kept_ends, e[take]])[order]
        kept_index = np.concatenate([kept_index, idx[take]])[order]
    return kept_index


def highlights(ds: Dataset, article_id: str, limit: int | None = None,
               text: str | None = None,
               query_spans: Sequence[tuple[int, int]] = ()) -> tuple[pd.DataFrame, int]:
    """The entity, date and event marks of one article, overlaps resolved, in text order, and how
    many there are. Only the first ``limit`` are returned as rows (all when None): ``start``/``end``
    (character offsets), ``kind`` (one of HIGHLIGHT_KINDS), ``ref`` (the entity_id, the event_id,
    or the date's first day), ``ref_end`` (a date range's last day), ``adjective`` (an entity named
    by its adjective form). The app names and draws them. ``text``: the article's text, when
    the caller has it already (it is read otherwise). ``query_spans``: what the search matched
    (dashboard/search), kind "hit", drawn before every other mark."""
    rows = np.flatnonzero(ds.ix.article_ids == article_id)
    if not len(rows):
        return frame(HIGHLIGHT_COLUMNS), 0
    code = int(rows[0])
    length = len(ds.article_text(code) if text is None else text)
    tables = [
        ds.entity_mentions.iloc[np.flatnonzero(ds.ix.mention_article == code)],
        ds.date_mentions[(ds.date_mentions["article_id"] == article_id).fillna(False).to_numpy(bool)],
        ds.event_mentions.iloc[np.flatnonzero(ds.ix.event_mention_article == code)],
    ]
    hits = np.asarray(list(query_spans), dtype=np.int64).reshape(-1, 2)
    start = np.concatenate([tb["char_start"].to_numpy(np.int64, na_value=-1) for tb in tables] + [hits[:, 0]])
    end = np.concatenate([tb["char_end"].to_numpy(np.int64, na_value=-1) for tb in tables] + [hits[:, 1]])
    kind = np.concatenate([np.full(len(tb), i, np.int64) for i, tb in enumerate(tables)]
                          + [np.full(len(hits), len(tables), np.int64)])
    row = np.concatenate([np.arange(len(tb)) for tb in tables] + [np.arange(len(hits))]).astype(np.int64)
    valid = np.flatnonzero((start >= 0) & (start < end) & (end <= length))
    priority = np.where(kind == len(tables), -1, kind)  # the search's own matches win
    kept = valid[resolve_overlaps(start[valid], end[valid], priority[valid])]
    total = len(kept)
    if limit is not None:
        kept = kept[:limit]
    ents, dates, events = tables
    refs = np.empty(len(kept), dtype=object)
    ref_end = np.full(len(kept), None, dtype=object)
    adjective = np.zeros(len(kept), bool)
    for i, tb in enumerate(tables):
        at = np.flatnonzero(kind[kept] == i)
        part = tb.iloc[row[kept[at]]]
        if tb is ents:
            refs[at] = part["entity_id"].to_numpy(dtype=object)
            adjective[at] = (part["form"] == "adjective").fillna(False).to_numpy(bool)
        elif tb is dates:
            first = part["date_start"].astype(str).to_numpy(dtype=object)
            last = part["date_end"].astype(object).to_numpy()
            refs[at] = first
            ref_end[at] = [None if v is None or pd.isna(v) or str(v) == f else str(v)
                           for v, f in zip(last, first)]
        else:
            refs[at] = part["event_id"].to_numpy(dtype=object)
    refs[kind[kept] == len(tables)] = ""
    out = pd.DataFrame({"start": start[kept], "end": end[kept],
                        "kind": np.array(HIGHLIGHT_KINDS, dtype=object)[kind[kept]],
                        "ref": refs, "ref_end": ref_end, "adjective": adjective})
    return out.astype(HIGHLIGHT_COLUMNS), total
