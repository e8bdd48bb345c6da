"""Words panel: term frequencies of the selection (the app draws the word clouds from them).

Terms come from the dataset's ``terms`` table (clitic forms merged, stopwords and numbers already
left out by the build), so the clouds never re-tokenise text (wordcloud's own tokeniser splits
diacritised Arabic into letters, GUIDE.md).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.analysis.common import frame, term_counts_by_source, top_indices
from dashboard.analysis.filters import Selection
from dashboard.dataset import Dataset

FREQ_COLUMNS = {"term": "string", "count": "int64", "articles": "int64"}


def term_frequencies(ds: Dataset, sel: Selection, top_n: int | None = 150, source: str | None = None) -> pd.DataFrame:
    """The top_n terms by count (ties by term) in the selection, or in one source of it; every
    term of it, in that order, when ``top_n`` is None (a table's full CSV)."""
    ix = ds.ix
    if sel.empty or (source is not None and source not in ix.sources) or not len(ix.term_list):
        return frame(FREQ_COLUMNS)
    counts, articles = term_counts_by_source(ds, sel)
    if source is None:
        counts, articles = counts.sum(axis=0), articles.sum(axis=0)
    else:
        s = ix.sources.index(source)
        counts, articles = counts[s], articles[s]
    used = np.flatnonzero(counts)
    if not len(used):
        return frame(FREQ_COLUMNS)
    pick = used[top_indices(counts[used], ix.term_list[used], len(used) if top_n is None else top_n)]
    return pd.DataFrame({"term": ix.term_list[pick], "count": counts[pick].astype(np.int64),
                         "articles": articles[pick].astype(np.int64)}).astype(FREQ_COLUMNS)
