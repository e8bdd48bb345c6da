"""Helpers several panels share: entity code maps, mention masks, empty frames, per-source words."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.analysis.filters import Selection
from dashboard.dataset import Dataset

# Types that never roll up into a country even when the catalogue gives them a parent.
NOT_PLACES = {"person", "organization", "organisation", "org", "event", "group"}


def frame(columns: dict[str, str]) -> pd.DataFrame:
    """An empty frame with typed columns (what an empty selection returns)."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})


def entity_target(ds: Dataset, roll_up_cities: bool) -> np.ndarray:
    """For each entity code, the code it is counted under: itself, or (rolling up) the country
    its parent chain reaches, for places (cities, regions) only."""
    def compute() -> np.ndarray:
        n = len(ds.ix.entity_ids)
        target = np.arange(n, dtype=np.int32)
        if not roll_up_cities or n == 0:
            return target
        ents = ds.entities
        code_of = {e: i for i, e in enumerate(ds.ix.entity_ids)}
        types = ents["type"].fillna("").str.lower().tolist()
        parents = ents["parent"].tolist()
        for i in range(n):
            if types[i] in NOT_PLACES or types[i] == "country":
                continue
            j, seen = i, {i}
            while types[j] != "country":
                p = parents[j]
                if not isinstance(p, str) or p not in code_of or code_of[p] in seen:
                    break
                j = code_of[p]
                seen.add(j)
            if types[j] == "country":
                target[i] = j
        return target

    return ds.memo(("entity_target", roll_up_cities), compute)


def mention_mask(ds: Dataset, sel: Selection, include_adjectives: bool) -> np.ndarray:
    """entity_mentions rows inside the selection (catalogued entities only)."""
    ix = ds.ix
    ok = (ix.mention_entity >= 0) & (ix.mention_article >= 0)
    if not include_adjectives:
        ok &= ~ix.mention_is_adjective
    if not ok.any():
        return ok
    return ok & sel.article_mask[np.maximum(ix.mention_article, 0)]


def article_entity_pairs(ds: Dataset, include_adjectives: bool, roll_up_cities: bool):
    """Distinct (article, entity) pairs, so 'articles naming X' is one bincount per filter change."""
    def compute():
        ix = ds.ix
        ok = (ix.mention_entity >= 0) & (ix.mention_article >= 0)
        if not include_adjectives:
            ok &= ~ix.mention_is_adjective
        target = entity_target(ds, roll_up_cities)
        n_ent = max(len(ix.entity_ids), 1)
        key = ix.mention_article[ok].astype(np.int64) * n_ent + target[ix.mention_entity[ok]]
        key = np.unique(key)
        return (key // n_ent).astype(np.int32), (key % n_ent).astype(np.int32)

    return ds.memo(("article_entity_pairs", include_adjectives, roll_up_cities), compute)


def sentence_entity_pairs(ds: Dataset, include_adjectives: bool):
    """Distinct (sentence row, entity) pairs, with the article of each (co-occurrence)."""
    def compute():
        ix = ds.ix
        ok = (ix.mention_entity >= 0) & (ix.mention_sentence >= 0)
        if not include_adjectives:
            ok &= ~ix.mention_is_adjective
        n_ent = max(len(ix.entity_ids), 1)
        key = np.unique(ix.mention_sentence[ok].astype(np.int64) * n_ent + ix.mention_entity[ok])
        sent = (key // n_ent).astype(np.int64)
        return sent, (key % n_ent).astype(np.int32), ix.sentence_article[sent]

    return ds.memo(("sentence_entity_pairs", include_adjectives), compute)


def entity_mention_counts(ds: Dataset, sel: Selection, include_adjectives: bool, roll_up_cities: bool):
    """(mentions, articles) per entity code for the selection."""
    n = len(ds.ix.entity_ids)
    mask = mention_mask(ds, sel, include_adjectives)
    target = entity_target(ds, roll_up_cities)
    mentions = np.bincount(target[ds.ix.mention_entity[mask]], minlength=n)
    pair_art, pair_ent = article_entity_pairs(ds, include_adjectives, roll_up_cities)
    articles = np.bincount(pair_ent[sel.article_mask[pair_art]], minlength=n) if len(pair_art) else np.zeros(n, np.int64)
    return mentions, articles


def words_by_source(ds: Dataset, sel: Selection) -> np.ndarray:
    """Tokens of the selected articles per source code."""
    ix = ds.ix
    return np.bincount(ix.article_source[sel.article_mask], weights=ix.article_words[sel.article_mask],
                       minlength=len(ix.sources))


def selected_articles(ds: Dataset, sel: Selection) -> pd.DataFrame:
    return ds.articles.loc[sel.article_mask]
