"""Helpers several panels share: entity code maps, mention masks, empty frames, per-source words."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.analysis.filters import Selection
from dashboard.dataset import Dataset

# Only places roll up into their country. The catalogue also gives people, parties, media and
# companies a parent country (their nationality), which must not count as naming the country.
PLACE_TYPES = {"city", "region", "province", "district", "town", "capital", "place"}


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
            if types[i] not in PLACE_TYPES:
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
    """entity_mentions rows inside the selection (catalogued entities only); once per selection."""
    return sel.memo(("mention_mask", include_adjectives), lambda: _mention_mask(ds, sel, include_adjectives))


def _mention_mask(ds: Dataset, sel: Selection, include_adjectives: bool) -> np.ndarray:
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
    """Distinct (sentence row, entity) pairs in sentences naming two or more entities, with the
    article of each (co-occurrence), sorted by sentence."""
    def compute():
        ix = ds.ix
        ok = (ix.mention_entity >= 0) & (ix.mention_sentence >= 0)
        if not include_adjectives:
            ok &= ~ix.mention_is_adjective
        n_ent = max(len(ix.entity_ids), 1)
        key = np.unique(ix.mention_sentence[ok].astype(np.int64) * n_ent + ix.mention_entity[ok])
        sent = (key // n_ent).astype(np.int64)
        # A sentence naming a single entity never makes an edge: drop it once here.
        first = np.r_[True, sent[1:] != sent[:-1]]
        group = np.cumsum(first) - 1
        shared = np.bincount(group)[group] >= 2
        sent, key = sent[shared], key[shared]
        return sent, (key % n_ent).astype(np.int32), ix.sentence_article[sent]

    return ds.memo(("sentence_entity_pairs", include_adjectives), compute)


def entity_mention_counts(ds: Dataset, sel: Selection, include_adjectives: bool, roll_up_cities: bool):
    """(mentions, articles) per entity code for the selection (computed once per selection)."""
    return sel.memo(("entity_mention_counts", include_adjectives, roll_up_cities),
                    lambda: _entity_mention_counts(ds, sel, include_adjectives, roll_up_cities))


def _entity_mention_counts(ds: Dataset, sel: Selection, include_adjectives: bool, roll_up_cities: bool):
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


def term_rows(ds: Dataset) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """terms rows with a known article and term: (article, source, term code, count), built once
    and kept narrow (millions of rows)."""
    def compute():
        ix = ds.ix
        ok = (ix.term_article >= 0) & (ix.term_code >= 0)
        pick = (lambda a: a) if ok.all() else (lambda a: a[ok])
        art = pick(ix.term_article)
        return art, ix.article_source[art].astype(np.int16), pick(ix.term_code), pick(ix.term_count)

    return ds.memo(("term_rows",), compute)


def term_counts_by_source(ds: Dataset, sel: Selection) -> tuple[np.ndarray, np.ndarray]:
    """(counts, articles): arrays [source, term code] of term occurrences and of articles using
    the term, over the selection. One pass over the terms table, shared by the Words and Source
    pages within a selection."""
    def compute():
        art, src, code, count = term_rows(ds)
        keep = sel.article_mask[art]
        n_src, n_terms = len(ds.ix.sources), len(ds.ix.term_list)
        key = src[keep].astype(np.int64) * n_terms + code[keep]
        counts = np.bincount(key, weights=count[keep], minlength=n_src * n_terms).reshape(n_src, n_terms)
        articles = np.bincount(key, minlength=n_src * n_terms).reshape(n_src, n_terms)
        return counts, articles

    return sel.memo(("term_counts_by_source",), compute)


def log_likelihood(o11, r1, c1, n):
    """Dunning's G2 for the 2x2 table of "with A / without A" against "with B / without B":
    o11 together, r1 A's total, c1 B's total, n the whole (collocates.py's docstring lays the
    table out). Vectorised: o11, r1 and c1 may be arrays of equal length."""
    o11, r1, c1 = np.asarray(o11, float), np.asarray(r1, float), np.asarray(c1, float)
    obs = [o11, r1 - o11, c1 - o11, n - r1 - c1 + o11]
    exp = [r1 * c1 / n, r1 * (n - c1) / n, (n - r1) * c1 / n, (n - r1) * (n - c1) / n]
    g2 = np.zeros(np.broadcast(o11, r1, c1).shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        for o, e in zip(obs, exp):
            g2 += np.where(o > 0, o * np.log(o / e), 0.0)
    return 2 * g2


def top_indices(values: np.ndarray, labels: np.ndarray, top_n: int) -> np.ndarray:
    """Indices of the top_n largest values, ties broken by label; partial sort first so only the
    few candidates at the top are ordered (vocabularies reach 10^5 terms)."""
    if len(values) > top_n:
        part = np.argpartition(-values, top_n - 1)[:top_n]
        cand = np.flatnonzero(values >= values[part].min())
    else:
        cand = np.arange(len(values))
    order = np.lexsort((np.asarray(labels[cand], dtype=str), -values[cand]))[:top_n]
    return cand[order]


TITLE_WORDS = 8  # an untitled article is shown by its opening words


def opening_words(text: str, n: int = TITLE_WORDS) -> str:
    """The first ``n`` words of ``text``, with "…" when there is more."""
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def article_titles(ds: Dataset) -> np.ndarray:
    """Display titles by article code; an article without a title (seed 002 opens with a
    paragraph) gets its opening words and "…", so tables and pickers never show a blank."""
    def compute() -> np.ndarray:
        titles = ds.articles["title"].fillna("").astype(str).str.strip()
        out = titles.to_numpy(dtype=object)
        for code in np.flatnonzero(out == ""):  # only these need their text
            out[code] = opening_words(ds.article_text(int(code)))
        return out

    return ds.memo(("article_titles",), compute)
