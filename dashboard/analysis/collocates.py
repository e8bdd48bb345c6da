"""Collocates: the words that keep company with a query (Voyant's Collocates and Links).

Window: ``window`` tokens on each side of every match of the query's positive atoms, inside the
match's sentence (stopwords take up room in the window but are not counted, as in the build's
term counts). A token in the windows of two matches counts once.

Measure: Dunning's log-likelihood ratio G2 (Dunning 1993, "Accurate methods for the statistics
of surprise and coincidence") on the 2x2 table of "in the windows / elsewhere" against "this
word / any other word", over the term tokens of the selection (per outlet, of that outlet):

    O11 = w in the windows          O12 = other terms in the windows   (R1 = O11 + O12)
    O21 = w elsewhere               O22 = other terms elsewhere        (C1 = O11 + O21, N total)
    E_ij = R_i * C_j / N            G2 = 2 * sum O_ij * ln(O_ij / E_ij)

Why G2 and not PMI: PMI rewards rarity (a word seen once, next to the query, gets the highest
score possible), so it needs a high frequency cut-off to be usable; G2 grows with the evidence,
so a word met 40 times near روسيا outranks one met twice. A minimum co-occurrence count
(``min_count``, default 3) still removes pairs too rare to read, and only words seen *more*
often than chance (O11 > E11) are listed: G2 also scores avoidance. G2 > 10.83 is p < 0.001
for one degree of freedom; the column ``g2`` lets a reader apply it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.analysis.common import frame, log_likelihood, term_rows, top_indices
from dashboard.analysis.concordance import kwic
from dashboard.analysis.filters import Selection
from dashboard.analysis.textterms import sentence_bounds, term_of, window_terms
from dashboard.dataset import Dataset
from dashboard.search import compile_query
from dashboard.text.normalize import fold

COLLOCATE_COLUMNS = {"source": "string", "term": "string", "together": "int64", "term_total": "int64",
                     "expected": "float64", "g2": "float64", "pmi": "float64"}
ALL_SOURCES = ""
DEFAULT_WINDOW = 5
DEFAULT_MIN_COUNT = 3


def _window_hits(ds: Dataset, sel: Selection, query: str, derived: bool, window: int):
    """(article code, term code) of every distinct window token of the query's matches."""
    search = compile_query(ds, query, derived)
    arts: list[int] = []
    codes: list[int] = []
    if sel.empty or not search.can_point:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    for a in np.flatnonzero(sel.article_mask & search.mask()).tolist():
        text = ds.article_text(a)
        seen: dict[int, int] = {}
        spans = search.spans(a, text)
        for ms, me in spans:
            ss, se, _ = sentence_bounds(ds, a, ms, len(text))
            left, right = window_terms(ds, text, ss, se, ms, me, window)
            for pos, code in left + right:
                if not any(s <= pos < e for s, e in spans):  # another match is not its own company
                    seen[pos] = code
        arts.extend([a] * len(seen))
        codes.extend(seen.values())
    return np.asarray(arts, np.int64), np.asarray(codes, np.int64)


def collocates(ds: Dataset, sel: Selection, query: str, derived: bool = False,
               window: int = DEFAULT_WINDOW, min_count: int = DEFAULT_MIN_COUNT, top_n: int = 30,
               by_source: bool = False) -> pd.DataFrame:
    """The top_n words by G2 near ``query`` (seen together at least ``min_count`` times and more
    often than chance), over the selection, or per outlet with ``by_source`` (``source`` is ""
    otherwise). ``term_total``: the word's count in the selection (outlet); ``pmi`` (log2) is
    given for readers who know it, not used to rank."""
    win_art, win_code = _window_hits(ds, sel, query, derived, window)
    if not len(win_code):
        return frame(COLLOCATE_COLUMNS)
    t_art, t_src, t_code, t_count = term_rows(ds)
    keep = sel.article_mask[t_art]
    n_terms = len(ds.ix.term_list)
    groups = [(ALL_SOURCES, None)]
    if by_source:
        present = np.unique(ds.ix.article_source[win_art])
        groups = [(ds.ix.sources[s], s) for s in present]
    frames = []
    for label, s in groups:
        t_keep = keep if s is None else keep & (t_src == s)
        w_keep = np.ones(len(win_art), bool) if s is None else ds.ix.article_source[win_art] == s
        corpus = np.bincount(t_code[t_keep], weights=t_count[t_keep], minlength=n_terms)
        together = np.bincount(win_code[w_keep], minlength=n_terms).astype(float)
        # The window tokens are corpus tokens; a resolution difference must not make O11 > C1.
        corpus = np.maximum(corpus, together)
        n, r1 = corpus.sum(), together.sum()
        if n <= 0 or r1 <= 0:
            continue
        expected = r1 * corpus / n
        cand = np.flatnonzero((together >= min_count) & (together > expected))
        if not len(cand):
            continue
        g2 = log_likelihood(together[cand], r1, corpus[cand], n)
        pick = top_indices(g2, ds.ix.term_list[cand], top_n)
        sel_codes = cand[pick]
        with np.errstate(divide="ignore"):
            pmi = np.log2(together[sel_codes] / expected[sel_codes])
        frames.append(pd.DataFrame({
            "source": label, "term": ds.ix.term_list[sel_codes],
            "together": together[sel_codes].astype(np.int64), "term_total": corpus[sel_codes].astype(np.int64),
            "expected": expected[sel_codes], "g2": g2[pick], "pmi": pmi}))
    if not frames:
        return frame(COLLOCATE_COLUMNS)
    return pd.concat(frames, ignore_index=True).astype(COLLOCATE_COLUMNS)


def collocate_lines(ds: Dataset, sel: Selection, query: str, term: str, derived: bool = False,
                    window: int = DEFAULT_WINDOW, source: str | None = None) -> pd.DataFrame:
    """The concordance lines of ``query`` whose window holds ``term`` (a clicked collocate)."""
    lines = kwic(ds, sel, query, derived)
    if lines.empty:
        return lines
    if source:
        lines = lines[lines["source"] == source]
    wanted = {term_of(ds, fold(term)), *np.flatnonzero(ds.ix.term_list == term).tolist()}
    codes = pd.Index(ds.ix.article_ids).get_indexer(lines["article_id"].astype(object))
    keep = []
    for a, ms, me in zip(codes.tolist(), lines["char_start"].tolist(), lines["char_end"].tolist()):
        text = ds.article_text(a)
        ss, se, _ = sentence_bounds(ds, a, ms, len(text))
        left, right = window_terms(ds, text, ss, se, ms, me, window)
        keep.append(any(code in wanted for _, code in left + right))
    return lines[np.asarray(keep, bool)].reset_index(drop=True)
