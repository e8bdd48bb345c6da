"""Source comparison: volume, theme shares, entity rates, and each outlet's distinctive words.

Distinctive words: the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &
Quinn 2008, "Fightin' words", eq. 16-22). For outlet s against the rest r of the filtered corpus:

    alpha_w = prior_scale * y_w          (prior: the whole filtered corpus' count of w)
    alpha_0 = sum_w alpha_w
    delta_w = log((y_sw + alpha_w) / (n_s + alpha_0 - y_sw - alpha_w))
            - log((y_rw + alpha_w) / (n_r + alpha_0 - y_rw - alpha_w))
    var_w  ~= 1 / (y_sw + alpha_w) + 1 / (y_rw + alpha_w)
    z_w     = delta_w / sqrt(var_w)

y_sw is w's count in s, y_rw in the rest, n_s and n_r their totals. The z-score ranks: it shrinks
rare words (a word seen twice in one outlet is not "distinctive") without a frequency cut-off.
A word is a significant difference when z >= Z_SIGNIFICANT (1.96: two-sided 5 %, the threshold
the Sources page names); ``distinctive_terms`` says so per word, and the page draws only those.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.analysis.common import frame, term_counts_by_source, top_indices, words_by_source
from dashboard.analysis.entities import entity_by_source, entity_counts
from dashboard.analysis.filters import Selection
from dashboard.dataset import Dataset

VOLUME_COLUMNS = {"source": "string", "articles": "int64", "sentences": "int64", "words": "int64"}
THEME_COLUMNS = {"source": "string", "theme_id": "string", "name_ar": "string", "name_en": "string",
                 "share": "float64"}
RATE_COLUMNS = {"source": "string", "entity_id": "string", "name_ar": "string", "name_en": "string",
                "mentions": "int64", "per_1000_words": "float64"}
DISTINCTIVE_COLUMNS = {"source": "string", "term": "string", "count_source": "int64",
                       "count_rest": "int64", "log_odds": "float64", "z": "float64", "significant": "bool"}
Z_SIGNIFICANT = 1.96
BOILERPLATE_COLUMNS = {"source": "string", "kind": "string", "example": "string", "n_articles": "int64",
                       "share": "float64", "status": "string", "marked_in_outlet": "int64"}


def _present_sources(ds: Dataset, sel: Selection) -> np.ndarray:
    counts = np.bincount(ds.ix.article_source[sel.article_mask], minlength=len(ds.ix.sources))
    return np.flatnonzero(counts)


def source_volume(ds: Dataset, sel: Selection) -> pd.DataFrame:
    """Articles, sentences and words per source."""
    if sel.empty:
        return frame(VOLUME_COLUMNS)
    ix, m = ds.ix, sel.article_mask
    n = len(ix.sources)
    src = ix.article_source[m]
    arts = np.bincount(src, minlength=n)
    sents = np.bincount(src, weights=ix.article_sentences[m], minlength=n)
    words = words_by_source(ds, sel)
    keep = np.flatnonzero(arts)
    out = pd.DataFrame({"source": [ix.sources[i] for i in keep], "articles": arts[keep],
                        "sentences": sents[keep].astype(np.int64), "words": words[keep].astype(np.int64)})
    return out.astype(VOLUME_COLUMNS)


NO_THEME_ID = "_none"  # the share of a source's articles no theme was found in
NO_THEME_NAMES = {"name_ar": "بلا موضوع", "name_en": "No theme"}


def theme_shares(ds: Dataset, sel: Selection) -> pd.DataFrame:
    """Per source, each theme's mean share over the source's selected articles, plus a
    NO_THEME_ID row for the articles without any theme: a source's shares sum to 1."""
    present = _present_sources(ds, sel)
    if sel.empty or ds.themes.empty:
        return frame(THEME_COLUMNS)
    at = ds.article_themes
    codes = ds.memo(("article_theme_codes",), lambda: (
        pd.Index(ds.ix.article_ids).get_indexer(at["article_id"].astype(object)).astype(np.int64),
        pd.Index(ds.themes["theme_id"].astype(object)).get_indexer(at["theme_id"].astype(object)).astype(np.int64),
    ))
    art, th = codes
    ok = (art >= 0) & (th >= 0)
    ok &= sel.article_mask[np.maximum(art, 0)]
    n_src, n_th = len(ds.ix.sources), len(ds.themes)
    src = ds.ix.article_source[art[ok]]
    sums = np.bincount(src * n_th + th[ok], weights=at["share"].fillna(0).to_numpy(float)[ok],
                       minlength=n_src * n_th).reshape(n_src, n_th)
    n_art = np.bincount(ds.ix.article_source[sel.article_mask], minlength=n_src)
    rows = []
    for s in present:
        for t in range(n_th):
            rows.append((ds.ix.sources[s], ds.themes["theme_id"].iat[t], ds.themes["name_ar"].iat[t],
                         ds.themes["name_en"].iat[t], float(sums[s, t] / n_art[s])))
        rows.append((ds.ix.sources[s], NO_THEME_ID, NO_THEME_NAMES["name_ar"], NO_THEME_NAMES["name_en"],
                     max(0.0, 1.0 - float(sums[s].sum() / n_art[s]))))
    return pd.DataFrame(rows, columns=list(THEME_COLUMNS)).astype(THEME_COLUMNS)


def entity_rates(ds: Dataset, sel: Selection, top_n: int = 15) -> pd.DataFrame:
    """Mentions per 1,000 words, per source, of the top_n entities of the selection."""
    top = entity_counts(ds, sel).head(top_n)
    if top.empty:
        return frame(RATE_COLUMNS)
    rates = entity_by_source(ds, sel, top["entity_id"].tolist())
    out = rates.merge(top[["entity_id", "name_ar", "name_en"]], on="entity_id", how="left")
    order = {e: i for i, e in enumerate(top["entity_id"])}
    out["_rank"] = out["entity_id"].map(order)
    out = out.sort_values(["source", "_rank"]).drop(columns="_rank").reset_index(drop=True)
    return out[list(RATE_COLUMNS)].astype(RATE_COLUMNS)


def log_odds_dirichlet(y_s: np.ndarray, y_r: np.ndarray, prior_scale: float = 1.0):
    """delta and z (module docstring) for counts in s and in the rest, word-aligned arrays."""
    y_s, y_r = y_s.astype(float), y_r.astype(float)
    alpha = prior_scale * (y_s + y_r)
    a0 = alpha.sum()
    n_s, n_r = y_s.sum(), y_r.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (np.log((y_s + alpha) / (n_s + a0 - y_s - alpha))
                 - np.log((y_r + alpha) / (n_r + a0 - y_r - alpha)))
        z = delta / np.sqrt(1.0 / (y_s + alpha) + 1.0 / (y_r + alpha))
    return np.nan_to_num(delta), np.nan_to_num(z)


def one_against_rest(ds: Dataset, counts: np.ndarray, top_n: int, prior_scale: float = 1.0):
    """For each row of ``counts`` (groups x term codes), its top_n terms by z against the other
    rows together (positive z only), as (row, frame of term, count, count_rest, log_odds, z,
    significant). Rows with no such term are skipped. Shared by outlets (here) and by searches
    (analysis/attention.py)."""
    used = np.flatnonzero(counts.sum(axis=0))
    counts = counts[:, used]
    total = counts.sum(axis=0)
    for i, y in enumerate(counts):
        y_r = total - y
        delta, z = log_odds_dirichlet(y, y_r, prior_scale)
        cand = np.flatnonzero((y > 0) & (z > 0))
        if not len(cand):
            continue
        pick = cand[top_indices(z[cand], ds.ix.term_list[used[cand]], top_n)]
        yield i, pd.DataFrame({
            "term": ds.ix.term_list[used[pick]], "count": y[pick].astype(np.int64),
            "count_rest": y_r[pick].astype(np.int64), "log_odds": delta[pick], "z": z[pick],
            "significant": z[pick] >= Z_SIGNIFICANT,
        })


def distinctive_terms(ds: Dataset, sel: Selection, top_n: int = 15, prior_scale: float = 1.0) -> pd.DataFrame:
    """Each source's top_n words by z against the rest of the selection (positive z only).
    Needs at least two sources in the selection."""
    present = _present_sources(ds, sel)
    if sel.empty or len(present) < 2:
        return frame(DISTINCTIVE_COLUMNS)
    counts, _ = term_counts_by_source(ds, sel)
    frames = [rows.rename(columns={"count": "count_source"}).assign(source=ds.ix.sources[present[i]])
              for i, rows in one_against_rest(ds, counts[present], top_n, prior_scale)]
    if not frames:
        return frame(DISTINCTIVE_COLUMNS)
    return pd.concat(frames, ignore_index=True)[list(DISTINCTIVE_COLUMNS)].astype(DISTINCTIVE_COLUMNS)


def boilerplate_left_out(ds: Dataset, sel: Selection, top_n: int = 8) -> pd.DataFrame:
    """Per outlet of the selection, what the build marked as its boilerplate (the dataset's
    'boilerplate' table: recurring sentences, datelines, the words by which it names itself) and
    what the catalogue kept: the ``top_n`` found in most of the outlet's articles, with
    ``marked_in_outlet`` the outlet's whole count (so a page can say "8 of 23"). Marked text is
    left out of terms, themes, entity counts and distinctive words; an analyst overrides an entry
    in data/catalogues/boilerplate.yaml (``never`` / ``force``)."""
    table = ds.boilerplate
    present = {ds.ix.sources[i] for i in _present_sources(ds, sel)}
    if sel.empty or table is None or table.empty or not present:
        return frame(BOILERPLATE_COLUMNS)
    rows = table[table["source"].astype(str).isin(present)].copy()
    if rows.empty:
        return frame(BOILERPLATE_COLUMNS)
    rows["n_articles"] = rows["n_articles"].fillna(0).astype("int64")
    rows["marked_in_outlet"] = rows.groupby("source")["source"].transform("size").astype("int64")
    rows = rows.sort_values(["source", "n_articles", "kind", "example"], ascending=[True, False, True, True],
                            kind="stable")
    rows = rows.groupby("source", sort=False).head(top_n)
    return rows[list(BOILERPLATE_COLUMNS)].astype(BOILERPLATE_COLUMNS).reset_index(drop=True)
