"""Words panel: term frequencies of the selection and Arabic word clouds drawn from them.

Terms come from the dataset's ``terms`` table (clitic forms merged, stopwords and numbers already
left out by the build), so the cloud never re-tokenises text (wordcloud's own tokeniser splits
diacritised Arabic into letters, GUIDE.md).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import lru_cache

import numpy as np
import pandas as pd

from dashboard.analysis.common import frame, term_counts_by_source, top_indices
from dashboard.analysis.filters import Selection
from dashboard.dataset import Dataset

FREQ_COLUMNS = {"term": "string", "count": "int64", "articles": "int64"}


def term_frequencies(ds: Dataset, sel: Selection, top_n: int = 150, source: str | None = None) -> pd.DataFrame:
    """The top_n terms by count (ties by term) in the selection, or in one source of it."""
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
    pick = used[top_indices(counts[used], ix.term_list[used], top_n)]
    return pd.DataFrame({"term": ix.term_list[pick], "count": counts[pick].astype(np.int64),
                         "articles": articles[pick].astype(np.int64)}).astype(FREQ_COLUMNS)


@lru_cache(maxsize=1)
def arabic_font_path() -> str:
    import fontpkg

    return str(fontpkg.path("Noto Sans Arabic"))


@lru_cache(maxsize=1)
def pillow_has_raqm() -> bool:
    from PIL import features

    return bool(features.check("raqm"))


def display_form(word: str, raqm: bool | None = None) -> str:
    """What to hand to Pillow: the word itself under raqm (it shapes and orders), otherwise the
    word reshaped and reordered by hand (Pillow's basic layout would draw it unjoined and LTR).
    Doing both under raqm would reverse every word (GUIDE.md)."""
    if raqm if raqm is not None else pillow_has_raqm():
        return word
    import arabic_reshaper
    from bidi.algorithm import get_display

    return get_display(arabic_reshaper.reshape(word))


def wordcloud_png(freqs: Mapping[str, int], width: int = 900, height: int = 500, seed: int = 0) -> bytes:
    """A PNG word cloud of ``freqs`` (Arabic joined and right-to-left, Noto Sans Arabic),
    deterministic for a given seed. Empty frequencies give a blank image."""
    from PIL import Image
    from wordcloud import WordCloud

    clean = {display_form(str(w)): float(c) for w, c in sorted(freqs.items()) if w and c and c > 0}
    buf = io.BytesIO()
    if not clean:
        Image.new("RGB", (width, height), "white").save(buf, format="PNG")
        return buf.getvalue()
    cloud = WordCloud(
        font_path=arabic_font_path(), width=width, height=height, background_color="white",
        prefer_horizontal=1.0,  # vertical Arabic is unreadable
        random_state=seed, colormap="tab10", max_words=len(clean), collocations=False,
        normalize_plurals=False, include_numbers=True, margin=4,
        # Capped: uncapped, the top word filled half the picture (293 px on ANT) and the search
        # for room took twice as long; every one of ANT's 150 words still fits.
        max_font_size=max(height // 4, 10),
    ).generate_from_frequencies(clean)
    cloud.to_image().save(buf, format="PNG", optimize=False)
    return buf.getvalue()
