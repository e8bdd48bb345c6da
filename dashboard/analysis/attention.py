"""Attention over time (Media Cloud's and GDELT's main chart) and side-by-side comparison of queries.

For each query (any query of the search language: words, phrases, ``entity:ID``, ``theme:ID``)
and each period, the selected articles that match it (``matching``), all selected articles of
the same outlets in that period (``total``) and their ratio (``share``). The denominator is the
selection (the sidebar's filters, its own search included), so "share of what Sky News
published that month" respects the chosen outlets and dates.

Periods: ``day``, ``week`` (ISO weeks, Monday first; ``period`` is the Monday) or ``month``.
An article is placed only if its publication date is at least as precise as the period: an
article dated only "2018" is in no month (``unplaced`` counts them; the page says so).

``distinctive_words`` compares the queries' *sentences*: the words in the sentences where each
query matched, against the sentences of the other queries, with the log-odds ratio and
informative Dirichlet prior of the Source page (analysis/sources.py, Monroe et al. 2008). The
words any of the searches matched are left out of all of them (روسيا is not news about
روسيا's sentences, nor a word distinctive of China's for having been removed from Russia's). A search
matching more than MAX_ARTICLES articles is read in an even sample of them (said on the page).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.analysis.common import article_titles, frame
from dashboard.analysis.filters import Selection
from dashboard.analysis.sources import one_against_rest
from dashboard.analysis.textterms import sentence_bounds, term_codes_in
from dashboard.dataset import Dataset, date_labels
from dashboard.search import compile_query

GRANULARITIES = ("day", "week", "month")
MAX_ARTICLES = 1000  # per search, for the distinctive words of its sentences
ALL_SOURCES = ""  # the ``source`` of a row summed over outlets
# How precise a date must be for each period (published_precision of the articles table).
_PRECISE_ENOUGH = {"day": {"day"}, "week": {"day"}, "month": {"day", "month"}}

ATTENTION_COLUMNS = {"query": "string", "source": "string", "period": "datetime64[s]",
                     "matching": "int64", "total": "int64", "share": "float64"}
SHARE_COLUMNS = {"query": "string", "source": "string", "matching": "int64", "total": "int64",
                 "share": "float64"}
ARTICLE_COLUMNS = {"article_id": "string", "title": "string", "source": "string",
                   "published": "datetime64[s]", "date": "string", "url": "string"}
DISTINCTIVE_COLUMNS = {"query": "string", "term": "string", "count_query": "int64",
                       "count_rest": "int64", "log_odds": "float64", "z": "float64"}


def period_codes(ds: Dataset, granularity: str) -> tuple[np.ndarray, np.ndarray]:
    """(period start as datetime64[D] per article, placeable mask) for ``granularity``."""
    if granularity not in GRANULARITIES:
        raise ValueError(f"granularity must be one of {', '.join(GRANULARITIES)}, not {granularity!r}")

    def compute():
        pub = ds.ix.article_published.astype("datetime64[D]")
        precision = ds.articles["published_precision"].fillna("unknown").astype(str).to_numpy(object)
        ok = ~np.isnat(pub) & np.isin(precision, list(_PRECISE_ENOUGH[granularity]))
        days = np.where(ok, pub, np.datetime64("1970-01-01")).astype(np.int64)
        if granularity == "week":
            days = days - (days + 3) % 7  # 1970-01-01 was a Thursday: back to Monday
        elif granularity == "month":
            days = np.where(ok, pub, np.datetime64("1970-01-01")).astype("datetime64[M]") \
                .astype("datetime64[D]").astype(np.int64)
        return days.astype("datetime64[D]"), ok

    return ds.memo(("attention_periods", granularity), compute)


def unplaced(ds: Dataset, sel: Selection, granularity: str) -> int:
    """Selected articles with no date, or one less precise than ``granularity``."""
    _, ok = period_codes(ds, granularity)
    return int((sel.article_mask & ~ok).sum())


def attention(ds: Dataset, sel: Selection, queries: tuple[str, ...], granularity: str = "month",
              by_source: bool = False, derived: bool = False) -> pd.DataFrame:
    """One row per (query, source, period) with selected articles in that period: ``matching``,
    ``total`` and ``share``; ``source`` is "" (ALL_SOURCES) unless ``by_source``. Periods with
    no match are kept (zero), so a line drops to the axis instead of skipping a month.
    Raises ``QueryError`` for a malformed query (pages check first)."""
    periods, ok = period_codes(ds, granularity)
    base = sel.article_mask & ok
    if not queries or not base.any():
        return frame(ATTENTION_COLUMNS)
    day = periods.astype(np.int64)
    uniq, inverse = np.unique(day[base], return_inverse=True)
    src = ds.ix.article_source[base] if by_source else np.zeros(int(base.sum()), np.int64)
    n_src = len(ds.ix.sources) if by_source else 1
    key = inverse.astype(np.int64) * n_src + src
    total = np.bincount(key, minlength=len(uniq) * n_src)
    present = np.flatnonzero(total)
    frames = []
    for query in queries:
        hit = compile_query(ds, query, derived).mask()[base]
        matching = np.bincount(key[hit], minlength=len(uniq) * n_src)
        frames.append(pd.DataFrame({
            "query": query,
            "source": [ds.ix.sources[k % n_src] if by_source else ALL_SOURCES for k in present],
            "period": uniq[present // n_src].astype("datetime64[D]"),
            "matching": matching[present], "total": total[present],
            "share": matching[present] / total[present],
        }))
    return pd.concat(frames, ignore_index=True).astype(ATTENTION_COLUMNS)


def share_by_source(ds: Dataset, sel: Selection, queries: tuple[str, ...],
                    derived: bool = False) -> pd.DataFrame:
    """Per query and outlet: matching selected articles, the outlet's selected articles, share."""
    if sel.empty or not queries:
        return frame(SHARE_COLUMNS)
    n_src = len(ds.ix.sources)
    src = ds.ix.article_source
    total = np.bincount(src[sel.article_mask], minlength=n_src)
    present = np.flatnonzero(total)
    rows = []
    for query in queries:
        hit = sel.article_mask & compile_query(ds, query, derived).mask()
        matching = np.bincount(src[hit], minlength=n_src)
        rows.extend((query, ds.ix.sources[s], int(matching[s]), int(total[s]), matching[s] / total[s])
                    for s in present)
    return pd.DataFrame(rows, columns=list(SHARE_COLUMNS)).astype(SHARE_COLUMNS)


def period_articles(ds: Dataset, sel: Selection, query: str, granularity: str, period,
                    source: str | None = None, derived: bool = False) -> pd.DataFrame:
    """The selected articles matching ``query`` in the period starting ``period`` (a clicked
    point), of ``source`` if given: newest first, with their URL."""
    periods, ok = period_codes(ds, granularity)
    start = np.datetime64(pd.Timestamp(period).date(), "D")
    mask = sel.article_mask & ok & (periods == start) & compile_query(ds, query, derived).mask()
    if source:
        codes = [i for i, s in enumerate(ds.ix.sources) if s == source]
        mask &= np.isin(ds.ix.article_source, codes)
    return articles_frame(ds, np.flatnonzero(mask))


def articles_frame(ds: Dataset, codes: np.ndarray) -> pd.DataFrame:
    """Article rows (title, outlet, date, URL) for article codes, newest first."""
    if not len(codes):
        return frame(ARTICLE_COLUMNS)
    pub = ds.ix.article_published[codes]
    undated = np.isnat(pub)
    days = np.where(undated, 0, pub.astype("datetime64[D]").astype(np.int64))
    codes = codes[np.lexsort((ds.ix.article_ids[codes].astype(str), -days, undated))]
    return pd.DataFrame({
        "article_id": ds.ix.article_ids[codes], "title": article_titles(ds)[codes],
        "source": np.asarray(ds.ix.sources, dtype=object)[ds.ix.article_source[codes]],
        "published": ds.ix.article_published[codes],
        "date": date_labels(ds.ix.article_published[codes], ds.ix.article_precision[codes]),
        "url": ds.articles["url"].to_numpy(dtype=object)[codes],
    }).astype(ARTICLE_COLUMNS)


def sample_evenly(codes: np.ndarray, limit: int | None) -> np.ndarray:
    """At most ``limit`` of ``codes``, evenly spaced through them (deterministic)."""
    if limit is None or len(codes) <= limit:
        return codes
    return codes[np.linspace(0, len(codes) - 1, limit).round().astype(np.int64)]


def sentence_term_counts(ds: Dataset, sel: Selection, query: str, derived: bool = False,
                         max_articles: int | None = MAX_ARTICLES) -> np.ndarray:
    """Term counts (by term code) over the sentences where ``query`` matched in the selection,
    the matched words themselves left out; from at most ``max_articles`` matching articles,
    evenly spread (the words of 1,000 articles' sentences rank much the same; reading all of
    روسيا's 4,664 ANT articles took tens of seconds)."""
    return _sentence_terms(ds, sel, query, derived, max_articles)[0]


def _sentence_terms(ds: Dataset, sel: Selection, query: str, derived: bool,
                    max_articles: int | None) -> tuple[np.ndarray, set[int]]:
    """(term counts of the matched sentences without the matches, term codes of the matches)."""
    search = compile_query(ds, query, derived)
    counts = np.zeros(len(ds.ix.term_list), dtype=np.int64)
    matched: set[int] = set()
    if sel.empty or not search.can_point:
        return counts, matched
    found: list[int] = []
    matching = np.flatnonzero(sel.article_mask & search.mask())
    for a in sample_evenly(matching, max_articles).tolist():
        text = ds.article_text(a)
        spans = search.spans(a, text)
        done: set[int] = set()
        for ms, _ in spans:
            ss, se, _sid = sentence_bounds(ds, a, ms, len(text))
            if ss in done:
                continue
            done.add(ss)
            inside = [(s - ss, e - ss) for s, e in spans if s >= ss and e <= se]
            found.extend(term_codes_in(ds, text[ss:se], skip=inside))
            matched.update(code for s, e in inside for code in term_codes_in(ds, text[ss + s:ss + e]))
    if found:
        counts += np.bincount(np.asarray(found, dtype=np.int64), minlength=len(counts))
    return counts, matched


def distinctive_words(ds: Dataset, sel: Selection, queries: tuple[str, ...], top_n: int = 15,
                      derived: bool = False, prior_scale: float = 1.0,
                      max_articles: int | None = MAX_ARTICLES) -> pd.DataFrame:
    """Each query's top_n words by z against the other queries' sentences (positive z only),
    from at most ``max_articles`` articles per query (``sentence_term_counts``). Needs two
    queries or more."""
    if sel.empty or len(queries) < 2:
        return frame(DISTINCTIVE_COLUMNS)
    parts = [_sentence_terms(ds, sel, q, derived, max_articles) for q in queries]
    counts = np.vstack([c for c, _ in parts])
    # Every search's own words are left out of every search's counts: روسيا is not a word
    # "distinctive" of China's sentences only because it was removed from Russia's.
    searched = sorted(set().union(*(m for _, m in parts)))
    if searched:
        counts[:, searched] = 0
    frames = [rows.rename(columns={"count": "count_query"}).assign(query=queries[i])
              for i, rows in one_against_rest(ds, counts, top_n, prior_scale)]
    if not frames:
        return frame(DISTINCTIVE_COLUMNS)
    return pd.concat(frames, ignore_index=True)[list(DISTINCTIVE_COLUMNS)].astype(DISTINCTIVE_COLUMNS)
