"""Entity panel: counts by type, per-source rates, and the same-sentence co-occurrence network."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import networkx as nx
import numpy as np
import pandas as pd

from dashboard.analysis.common import (
    entity_mention_counts,
    entity_target,
    frame,
    log_likelihood,
    mention_mask,
    sentence_entity_pairs,
    words_by_source,
)
from dashboard.analysis.filters import Selection
from dashboard.dataset import Dataset
from dashboard.schema import PROVISIONAL_PREFIX

COUNT_COLUMNS = {"entity_id": "string", "name_ar": "string", "name_en": "string", "type": "string",
                 "mentions": "int64", "articles": "int64"}
BY_SOURCE_COLUMNS = {"source": "string", "entity_id": "string", "mentions": "int64",
                     "per_1000_words": "float64"}
NODE_COLUMNS = {"entity_id": "string", "name_ar": "string", "name_en": "string", "type": "string",
                "mentions": "int64", "degree": "int64", "x": "float64", "y": "float64"}
EDGE_COLUMNS = {"source": "string", "target": "string", "weight": "int64", "expected": "float64",
                "g2": "float64"}


def entity_counts(ds: Dataset, sel: Selection, include_adjectives: bool = True,
                  roll_up_cities: bool = False, types: Iterable[str] | None = None,
                  include_provisional: bool = True) -> pd.DataFrame:
    """Mentions and articles per entity, most mentioned first (ties by entity_id).
    ``include_provisional``: also the persons and bodies the catalogue does not know yet (ids
    new:..., found by the build after a title or role, or named in quotes after their noun;
    unreviewed)."""
    if sel.empty or len(ds.ix.entity_ids) == 0:
        return frame(COUNT_COLUMNS)
    mentions, articles = entity_mention_counts(ds, sel, include_adjectives, roll_up_cities)
    keep = mentions > 0
    if types:
        keep &= ds.entities["type"].isin(list(types)).to_numpy(bool)
    if not include_provisional:
        keep &= ~ds.entities["entity_id"].astype(str).str.startswith(PROVISIONAL_PREFIX).to_numpy(bool)
    idx = np.flatnonzero(keep)
    out = ds.entities.iloc[idx][["entity_id", "name_ar", "name_en", "type"]].reset_index(drop=True)
    out["mentions"] = mentions[idx].astype(np.int64)
    out["articles"] = articles[idx].astype(np.int64)
    return out.sort_values(["mentions", "entity_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def entity_by_source(ds: Dataset, sel: Selection, entity_ids: Iterable[str],
                     include_adjectives: bool = True, roll_up_cities: bool = False) -> pd.DataFrame:
    """Mentions of each chosen entity per source of the selection, raw and per 1,000 words.
    Every (source, entity) pair is listed, zeros included, so outlets compare side by side."""
    ix = ds.ix
    wanted = sorted(set(entity_ids))
    codes = [int(c) for c in pd.Index(ix.entity_ids).get_indexer(wanted) if c >= 0]
    if sel.empty or not codes:
        return frame(BY_SOURCE_COLUMNS)
    mask = mention_mask(ds, sel, include_adjectives)
    target = entity_target(ds, roll_up_cities)[ix.mention_entity[mask]]
    local = np.full(len(ix.entity_ids), -1, dtype=np.int64)
    local[codes] = np.arange(len(codes))
    lt = local[target]
    src = ix.article_source[ix.mention_article[mask]]
    n_src, n_e = len(ix.sources), len(codes)
    counts = np.bincount(src[lt >= 0] * n_e + lt[lt >= 0], minlength=n_src * n_e).reshape(n_src, n_e)
    words = words_by_source(ds, sel)
    present = np.flatnonzero(np.bincount(ix.article_source[sel.article_mask], minlength=n_src))
    rows = []
    for s in present:
        for j, c in enumerate(codes):
            m = int(counts[s, j])
            rows.append((ix.sources[s], ix.entity_ids[c], m, 1000.0 * m / words[s] if words[s] else 0.0))
    out = pd.DataFrame(rows, columns=list(BY_SOURCE_COLUMNS))
    return out.astype(BY_SOURCE_COLUMNS).sort_values(["source", "entity_id"]).reset_index(drop=True)


DEFAULT_MAX_EDGES = 60  # about two per node of the default 30: readable, never a hairball
DEFAULT_MIN_TOGETHER = 2  # one shared sentence is an anecdote, not an association


def cooccurrence(ds: Dataset, sel: Selection, top_n: int = 30, max_edges: int = DEFAULT_MAX_EDGES,
                 min_together: int = DEFAULT_MIN_TOGETHER,
                 include_adjectives: bool = True,
                 include_provisional: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Entities named in the same sentence: the top_n most mentioned entities as nodes (with a
    fixed-seed spring layout) and the ``max_edges`` strongest pairs among them as edges.

    Strength is Dunning's G2 (common.log_likelihood) over the selection's sentences: "names A /
    not A" against "names B / not B". A raw count ranks every pair of two frequent entities
    (Russia, Syria) above a pair that is almost always named together, and a fixed minimum count
    keeps a dozen edges on the seeds and thousands on 31k articles; the top pairs by G2 give a
    readable network at any size. Only pairs seen together at least ``min_together`` times and
    more often than chance are edges. ``weight``: sentences naming both; ``expected``: that count
    under independence."""
    counts = entity_counts(ds, sel, include_adjectives=include_adjectives, include_provisional=include_provisional)
    if counts.empty:
        return frame(NODE_COLUMNS), frame(EDGE_COLUMNS)
    top = counts.head(top_n)
    ix = ds.ix
    top_codes = pd.Index(ix.entity_ids).get_indexer(top["entity_id"].astype(object)).astype(np.int64)
    local = np.full(len(ix.entity_ids), -1, dtype=np.int64)
    local[top_codes] = np.arange(len(top_codes))
    k = len(top_codes)
    sent, ent, art = sentence_entity_pairs(ds, include_adjectives)
    keep = sel.article_mask[np.maximum(art, 0)] & (art >= 0) & (local[ent] >= 0)
    weights = _pair_counts(sent[keep], local[ent[keep]], k)
    # Sentences naming each node (one entity alone counts too) and the selection's sentences.
    mask = mention_mask(ds, sel, include_adjectives) & (ix.mention_sentence >= 0)
    m_sent, m_ent = ix.mention_sentence[mask].astype(np.int64), local[ix.mention_entity[mask]]
    named = np.unique(m_sent[m_ent >= 0] * max(k, 1) + m_ent[m_ent >= 0])
    per_node = np.bincount(named % max(k, 1), minlength=k).astype(float)
    n = float(max(sel.n_sentences, 1))
    ii, jj = np.triu_indices(k, 1)
    w = weights[ii, jj].astype(float)
    expected = per_node[ii] * per_node[jj] / n
    ok = (w >= max(min_together, 1)) & (w > expected)
    ii, jj, w, expected = ii[ok], jj[ok], w[ok], expected[ok]
    g2 = log_likelihood(w, per_node[ii], per_node[jj], n)
    ids = top["entity_id"].tolist()
    edges = pd.DataFrame({"source": [ids[i] for i in ii], "target": [ids[j] for j in jj],
                          "weight": w.astype(np.int64), "expected": expected, "g2": g2})
    edges = edges.sort_values(["g2", "source", "target"], ascending=[False, True, True], kind="stable")
    edges = edges.head(max(max_edges, 0)).astype(EDGE_COLUMNS).reset_index(drop=True)
    pos = _layout(tuple(ids), tuple(map(tuple, edges[["source", "target", "weight"]].itertuples(index=False))))
    nodes = top[["entity_id", "name_ar", "name_en", "type", "mentions"]].reset_index(drop=True).copy()
    degree = pd.concat([edges["source"], edges["target"]]).value_counts()
    nodes["degree"] = nodes["entity_id"].map(degree).fillna(0).astype("int64")
    nodes["x"] = [pos[i][0] for i in ids]
    nodes["y"] = [pos[i][1] for i in ids]
    return nodes.astype(NODE_COLUMNS), edges


def _pair_counts(sent: np.ndarray, lent: np.ndarray, k: int) -> np.ndarray:
    """k x k counts of sentences naming both entities, from (sentence, entity) pairs sorted by
    sentence. Pairs within a sentence are rows i and i+d of the same sentence, for each offset d
    up to the largest sentence group: a few vector passes, no BLAS (whose threads stalled on a
    busy two-core machine)."""
    weights = np.zeros(k * k, dtype=np.int64)
    n = len(sent)
    d = 1
    while d < n:
        same = sent[d:] == sent[:-d]
        if not same.any():
            break
        a, b = lent[:-d][same], lent[d:][same]
        weights += np.bincount(np.minimum(a, b) * k + np.maximum(a, b), minlength=k * k)
        d += 1
    weights = weights.reshape(k, k)
    return weights + weights.T


@functools.lru_cache(maxsize=512)
def _layout(ids: tuple, edges: tuple) -> Mapping[str, tuple[float, float]]:
    """Spring layout with a fixed seed (same graph, same picture), memoised per graph (lru_cache:
    thread-safe across sessions; the read-only mapping is shared by every caller)."""
    g = nx.Graph()
    g.add_nodes_from(ids)
    # Log weights and a repulsion twice networkx's default: with raw sentence counts the few
    # heavy pairs (Kazakhstan-Russia) pulled the whole cluster into one unreadable blot.
    g.add_weighted_edges_from((s, t, float(np.log1p(w))) for s, t, w in edges)
    k = 2.0 / np.sqrt(max(len(ids), 1))
    pos = (nx.spring_layout(g, seed=0, weight="weight", k=k, iterations=200)
           if len(ids) > 1 else {i: (0.0, 0.0) for i in ids})
    return MappingProxyType({n: (float(p[0]), float(p[1])) for n, p in pos.items()})
