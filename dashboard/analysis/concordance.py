"""Concordance (keyword in context) over the selected articles' sentences, Arabic-aware.

The match is found in the *original* text with ``keyword_regex`` (every spelling variant,
diacritics and tatweel between letters, a proclitic before it, enclitics or — if asked — nisba
endings after it), so ``char_start:char_end`` index ``articles.text`` exactly and the highlight is
what the author wrote. Only articles the vocabulary says hold the word are scanned.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.analysis.common import article_titles, entity_target, frame, mention_mask
from dashboard.analysis.filters import Selection
from dashboard.analysis.keyword import keyword_candidates, keyword_regex, match_core, query_words
from dashboard.dataset import Dataset

KWIC_COLUMNS = {"article_id": "string", "title": "string", "source": "string",
                "published": "datetime64[s]", "sentence_id": "int64", "left": "string",
                "match": "string", "right": "string", "char_start": "int64", "char_end": "int64"}


def kwic(ds: Dataset, sel: Selection, query: str, derived: bool = False, limit: int = 500,
         window: int = 70) -> pd.DataFrame:
    """Up to ``limit`` matches, by article (newest first) then position. ``left``/``right`` are
    at most ``window`` characters of the match's own sentence; ``match`` excludes the proclitic
    (it stays in ``left``) and ``text[char_start:char_end] == match``."""
    words = query_words(query)
    if sel.empty or not words or limit <= 0:
        return frame(KWIC_COLUMNS)
    cores = tuple(match_core(ds, w) for w in words) if len(words) == 1 else tuple(words)
    regex = keyword_regex(query, derived, cores)
    # Candidates, not confirmed articles: the regex below confirms them newest first and stops
    # at ``limit``, instead of first scanning every candidate (a stopword: all of ANT).
    candidates = sel.article_mask & keyword_candidates(ds, query, derived)
    # A typed form the vocabulary does not know (a stopword, a phrase) is still searched as text.
    if not candidates.any():
        return frame(KWIC_COLUMNS)
    codes = np.flatnonzero(candidates)
    published = ds.ix.article_published[codes]
    order = codes[np.lexsort((ds.ix.article_ids[codes].astype(str), -published.astype("int64")))]
    order = np.concatenate([order[~np.isnat(ds.ix.article_published[order])],
                            order[np.isnat(ds.ix.article_published[order])]])
    ptr = ds.ix.sentence_ptr
    s_start = ds.sentences["char_start"].to_numpy(np.int64)
    s_end = ds.sentences["char_end"].to_numpy(np.int64)
    s_id = ds.sentences["sentence_id"].to_numpy(np.int64)
    rows: list[tuple] = []
    for a in order:
        text = ds.article_text(a)
        lo, hi = ptr[a], ptr[a + 1]
        starts = s_start[lo:hi]
        for m in regex.finditer(text):
            ms, me = m.span("m")
            k = int(np.searchsorted(starts, ms, side="right")) - 1
            if k >= 0:
                ss, se, sid = int(starts[k]), int(s_end[lo + k]), int(s_id[lo + k])
            else:
                ss, se, sid = 0, len(text), -1
            left = text[max(ss, ms - window):ms]
            right = text[me:min(max(se, me), me + window)]
            rows.append((a, sid, left, text[ms:me], right, ms, me))
            if len(rows) >= limit:
                break
        if len(rows) >= limit:
            break
    if not rows:
        return frame(KWIC_COLUMNS)
    arr = np.array([r[0] for r in rows])
    out = pd.DataFrame({
        "article_id": ds.ix.article_ids[arr],
        "title": article_titles(ds)[arr],
        "source": ds.articles["source"].to_numpy(dtype=object)[arr],
        "published": ds.ix.article_published[arr],
        "sentence_id": [r[1] for r in rows],
        "left": [r[2] for r in rows], "match": [r[3] for r in rows], "right": [r[4] for r in rows],
        "char_start": [r[5] for r in rows], "char_end": [r[6] for r in rows],
    })
    return out.astype(KWIC_COLUMNS)


def entity_concordance(ds: Dataset, sel: Selection, entity_id: str, include_adjectives: bool = True,
                       roll_up_cities: bool = False, limit: int = 500, window: int = 70) -> pd.DataFrame:
    """Like ``kwic`` but from the build's entity mentions, so every alias and spelling the
    gazetteer matched (بوتين / بوتن, نزارباييف / نازارباييف, adjectives) is listed, and — rolling
    up — a country's cities too. Same columns as ``kwic``; ``match`` is the surface as written."""
    ix = ds.ix
    codes = np.flatnonzero(ix.entity_ids == entity_id)
    if sel.empty or not len(codes) or limit <= 0:
        return frame(KWIC_COLUMNS)
    target = entity_target(ds, roll_up_cities)
    rows = np.flatnonzero(mention_mask(ds, sel, include_adjectives))
    rows = rows[target[ix.mention_entity[rows]] == codes[0]]
    if not len(rows):
        return frame(KWIC_COLUMNS)
    em = ds.entity_mentions
    art = ix.mention_article[rows]
    start = em["char_start"].to_numpy(np.int64)[rows]
    end = em["char_end"].to_numpy(np.int64)[rows]
    pub = ix.article_published[art]
    undated = np.isnat(pub)
    days = np.where(undated, np.iinfo(np.int64).min + 1, pub.astype("datetime64[D]").astype(np.int64))
    order = np.lexsort((start, ix.article_ids[art].astype(str), -days, undated))[:limit]
    sent_rows = ix.mention_sentence[rows[order]]
    s_start = ds.sentences["char_start"].to_numpy(np.int64)
    s_end = ds.sentences["char_end"].to_numpy(np.int64)
    s_id = ds.sentences["sentence_id"].to_numpy(np.int64)
    out_rows = []
    for a, ms, me, sr in zip(art[order], start[order], end[order], sent_rows):
        text = ds.article_text(a)
        ss, se, sid = (int(s_start[sr]), int(s_end[sr]), int(s_id[sr])) if sr >= 0 else (0, len(text), -1)
        out_rows.append((sid, text[max(ss, ms - window):ms], text[ms:me], text[me:min(max(se, me), me + window)],
                         int(ms), int(me)))
    a = art[order]
    out = pd.DataFrame({
        "article_id": ix.article_ids[a], "title": article_titles(ds)[a],
        "source": np.asarray(ix.sources, dtype=object)[ix.article_source[a]],
        "published": ix.article_published[a],
        "sentence_id": [r[0] for r in out_rows], "left": [r[1] for r in out_rows],
        "match": [r[2] for r in out_rows], "right": [r[3] for r in out_rows],
        "char_start": [r[4] for r in out_rows], "char_end": [r[5] for r in out_rows],
    })
    return out.astype(KWIC_COLUMNS)
