"""Concordance (keyword in context) over the selected articles, for a query of the search language.

Every match of the query's positive atoms (dashboard/search) in the articles the query selects,
found in the *original* text (every spelling variant, diacritics and tatweel between letters, a
proclitic before it, enclitics or, if asked, nisba endings after it), so ``char_start:char_end``
index ``articles.text`` exactly and the highlight is what the author wrote.

Lists are whole: the page shows them a page at a time, sorted as the reader asks, with the
true total and a CSV of every line. Contexts stop at the match's sentence and are cut at word
boundaries; lines identical in their context (the same wire story in two outlets) can be folded
into one with their count (``fold_identical``).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from dashboard.analysis.common import article_titles, entity_target, frame, mention_mask
from dashboard.analysis.filters import Selection
from dashboard.analysis.textterms import sentence_bounds
from dashboard.dataset import Dataset, date_labels

KWIC_COLUMNS = {"article_id": "string", "title": "string", "source": "string",
                "published": "datetime64[s]", "date": "string", "url": "string", "sentence_id": "int64",
                "left": "string", "match": "string", "right": "string", "char_start": "int64",
                "char_end": "int64"}
SORTS = ("position", "left", "right")
_SPACE = re.compile(r"\s")


def _article_order(ds: Dataset, codes: np.ndarray) -> np.ndarray:
    """Newest first, then by id; undated articles last."""
    published = ds.ix.article_published[codes]
    undated = np.isnat(published)
    days = np.where(undated, 0, published.astype("datetime64[D]").astype(np.int64))
    return codes[np.lexsort((ds.ix.article_ids[codes].astype(str), -days, undated))]


def context(text: str, sent_start: int, sent_end: int, ms: int, me: int, window: int) -> tuple[str, str]:
    """The text before and after ``text[ms:me]`` within its sentence, at most ``window``
    characters each, cut at a word boundary (a half word at the edge is dropped)."""
    lo = max(sent_start, ms - window)
    left = text[lo:ms]
    if lo > sent_start and lo > 0 and not text[lo - 1].isspace():
        cut = _SPACE.search(left)
        left = left[cut.end():] if cut else ""
    hi = min(max(sent_end, me), me + window)
    right = text[me:hi]
    if hi < max(sent_end, me) and hi < len(text) and not text[hi].isspace():
        cuts = [m.start() for m in _SPACE.finditer(right)]
        right = right[:cuts[-1]] if cuts else ""
    return left, right


def _lines_frame(ds: Dataset, rows: list[tuple]) -> pd.DataFrame:
    """rows: (article code, sentence_id, left, match, right, start, end)."""
    if not rows:
        return frame(KWIC_COLUMNS)
    arr = np.array([r[0] for r in rows], dtype=np.int64)
    cols = list(zip(*rows))
    out = pd.DataFrame({
        "article_id": ds.ix.article_ids[arr],
        "title": article_titles(ds)[arr],
        "source": np.asarray(ds.ix.sources, dtype=object)[ds.ix.article_source[arr]],
        "published": ds.ix.article_published[arr],
        # at its precision ("2023", "2022-07"), never a made-up first day
        "date": date_labels(ds.ix.article_published[arr], ds.ix.article_precision[arr]),
        "url": ds.articles["url"].to_numpy(dtype=object)[arr],
        "sentence_id": cols[1], "left": cols[2], "match": cols[3], "right": cols[4],
        "char_start": cols[5], "char_end": cols[6],
    })
    return out.astype(KWIC_COLUMNS)


def kwic(ds: Dataset, sel: Selection, query: str, derived: bool = False, limit: int | None = None,
         window: int = 70) -> pd.DataFrame:
    """Every match of ``query`` in the selected articles it matches, by article (newest first)
    then position (``limit``: stop after so many lines). ``left``/``right`` are at most
    ``window`` characters of the match's own sentence; ``match`` excludes the proclitic (it
    stays in ``left``) and ``text[char_start:char_end] == match``. A malformed query raises
    ``QueryError`` (pages check it first)."""
    from dashboard.search import compile_query

    search = compile_query(ds, query, derived)
    if sel.empty or search.empty or not search.can_point or (limit is not None and limit <= 0):
        return frame(KWIC_COLUMNS)
    codes = np.flatnonzero(sel.article_mask & search.mask())
    rows: list[tuple] = []
    for a in _article_order(ds, codes):
        text = ds.article_text(int(a))
        for ms, me in search.spans(int(a), text):
            ss, se, sid = sentence_bounds(ds, int(a), ms, len(text))
            left, right = context(text, ss, se, ms, me, window)
            rows.append((a, sid, left, text[ms:me], right, ms, me))
            if limit is not None and len(rows) >= limit:
                return _lines_frame(ds, rows)
    return _lines_frame(ds, rows)


def entity_concordance(ds: Dataset, sel: Selection, entity_id: str, include_adjectives: bool = True,
                       roll_up_cities: bool = False, limit: int | None = None,
                       window: int = 70) -> pd.DataFrame:
    """Like ``kwic`` but from the build's entity mentions, so every alias and spelling the
    gazetteer matched (بوتين / بوتن, نزارباييف / نازارباييف, adjectives) is listed, and, rolling
    up, a country's cities too: one line per mention the Entities page counts, so its total
    is that page's count. Same columns as ``kwic``; ``match`` is the surface as written."""
    ix = ds.ix
    codes = np.flatnonzero(ix.entity_ids == entity_id)
    if sel.empty or not len(codes) or (limit is not None and limit <= 0):
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
    days = np.where(undated, 0, pub.astype("datetime64[D]").astype(np.int64))
    order = np.lexsort((start, ix.article_ids[art].astype(str), -days, undated))
    if limit is not None:
        order = order[:limit]
    sent_rows = ix.mention_sentence[rows[order]]
    s_start = ds.sentences["char_start"].to_numpy(np.int64)
    s_end = ds.sentences["char_end"].to_numpy(np.int64)
    s_id = ds.sentences["sentence_id"].to_numpy(np.int64)
    out_rows = []
    for a, ms, me, sr in zip(art[order].tolist(), start[order].tolist(), end[order].tolist(), sent_rows.tolist()):
        text = ds.article_text(a)
        ss, se, sid = (int(s_start[sr]), int(s_end[sr]), int(s_id[sr])) if sr >= 0 else (0, len(text), -1)
        left, right = context(text, ss, se, ms, me, window)
        out_rows.append((a, sid, left, text[ms:me], right, ms, me))
    return _lines_frame(ds, out_rows)


def fold_identical(lines: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct (left, match, right): the first line (in the list's order) with
    ``copies``, how many lines read the same (a story republished, or repeated boilerplate)."""
    if lines.empty:
        return lines.assign(copies=pd.Series(dtype="int64"))
    key = lines["left"].fillna("") + "\x1f" + lines["match"].fillna("") + "\x1f" + lines["right"].fillna("")
    copies = key.map(key.value_counts())
    first = ~key.duplicated()
    return lines.loc[first].assign(copies=copies[first].astype("int64")).reset_index(drop=True)


def _left_key(left: str) -> str:
    """Left context read from the match outwards: its words in reverse order, nearest first."""
    return " ".join(reversed(str(left).split()))


def sort_lines(lines: pd.DataFrame, by: str = "position") -> pd.DataFrame:
    """``position``: the list's own order (newest article first); ``left``: by the words just
    before the match, nearest first; ``right``: by the words just after it (ties keep order)."""
    if by not in SORTS or by == "position" or lines.empty:
        return lines
    if by == "left":
        keys = lines["left"].fillna("").map(_left_key)
    else:
        keys = lines["right"].fillna("").astype(str)
    keys = keys.astype(str) + "\x1f" + lines["match"].fillna("").astype(str)
    order = np.argsort(keys.to_numpy(dtype=object).astype(str), kind="stable")
    return lines.iloc[order].reset_index(drop=True)


def page_of(lines: pd.DataFrame, page: int, size: int) -> tuple[pd.DataFrame, int, int]:
    """(the rows of ``page`` (0-based, clamped), that page, the number of pages)."""
    n_pages = max(1, -(-len(lines) // size))
    page = min(max(0, int(page)), n_pages - 1)
    return lines.iloc[page * size:(page + 1) * size], page, n_pages
