"""The shared filter state, its URL form, and the selection of articles it gives.

Semantics (one rule per filter, all combined with AND):
- sources, themes, events: any of the chosen (themes: the article's *main* themes);
- entities: every chosen entity is named in the article (narrowing, as an analyst expects
  "Russia and China");
- date_from / date_to: inclusive; an article is kept when the period its date stands for
  overlaps the range (a date known to the month or the year only is that whole month or year:
  "2022-07" is kept by a range that ends on 2022-07-15); an article without a date is left out
  once either bound is set;
- keyword: a query of the search language (dashboard/search: words with their Arabic forms,
  "phrases", AND/OR/NOT, parentheses, word*, entity:ID, theme:ID); a malformed query keeps no
  article (the sidebar says why), it never raises;
- copies: an article that repeats an earlier story (articles.duplicate_of, exact or near) is left
  out unless ``include_copies``: every count is of unique stories by default, and the selection
  says how many copies it folded.
The selection is a set of articles; every panel counts within those articles.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from dashboard.dataset import Dataset

_LIST_SEP = ","
_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Filters:
    sources: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    entities: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    keyword: str = ""
    keyword_derived: bool = False
    include_copies: bool = False

    def to_params(self) -> dict[str, str]:
        """URL query parameters; defaults are left out so a plain link means "no filter"."""
        out: dict[str, str] = {}
        for name in ("sources", "themes", "entities", "events"):
            values = getattr(self, name)
            if values:
                out[name] = _LIST_SEP.join(values)
        if self.date_from:
            out["date_from"] = self.date_from.isoformat()
        if self.date_to:
            out["date_to"] = self.date_to.isoformat()
        if self.keyword.strip():
            out["keyword"] = self.keyword.strip()
        if self.keyword_derived:
            out["keyword_derived"] = "1"
        if self.include_copies:
            out["copies"] = "1"
        return out

    @classmethod
    def from_params(cls, params: Mapping) -> Filters:
        """Parse URL parameters; anything unknown or malformed is ignored, never raised."""
        def raw(name: str) -> str:
            try:
                value = params.get(name)
            except Exception:
                return ""
            if isinstance(value, (list, tuple)):  # st.query_params.to_dict() or parse_qs style
                value = value[-1] if value else ""
            return value if isinstance(value, str) else ""

        def listed(name: str) -> tuple[str, ...]:
            items = (v.strip() for v in raw(name).split(_LIST_SEP))
            return tuple(sorted({v for v in items if v}))

        def day(name: str) -> date | None:
            try:
                return date.fromisoformat(raw(name).strip())
            except ValueError:
                return None

        date_from, date_to = day("date_from"), day("date_to")
        if date_from and date_to and date_from > date_to:
            date_from, date_to = date_to, date_from
        return cls(
            sources=listed("sources"), themes=listed("themes"), date_from=date_from,
            date_to=date_to, entities=listed("entities"), events=listed("events"),
            keyword=raw("keyword").strip()[:500], keyword_derived=raw("keyword_derived").lower() in _TRUE,
            include_copies=raw("copies").lower() in _TRUE,
        )

    def is_empty(self) -> bool:
        """No filter narrows the articles (how copies are counted is not a filter)."""
        return self == Filters(keyword_derived=self.keyword_derived, include_copies=self.include_copies)


@dataclass(frozen=True, eq=False)
class Selection:
    filters: Filters
    article_mask: np.ndarray            # bool per article code
    article_ids: tuple[str, ...]        # sorted
    n_articles: int
    n_sentences: int
    sentence_mask: np.ndarray = field(repr=False)  # bool per sentences row (sentences of the articles)
    n_copies_folded: int = 0            # copies the filters matched but left out (0 with include_copies)
    _memo: dict = field(default_factory=dict, repr=False)

    def memo(self, key: tuple, compute):
        """Compute once per selection: several panels of one rerun share e.g. entity counts.
        Selections are shared by sessions (the app caches them): two threads may both compute,
        the first value stored wins (dict.setdefault is atomic), so every reader sees one value."""
        try:
            return self._memo[key]
        except KeyError:
            return self._memo.setdefault(key, compute())

    @property
    def empty(self) -> bool:
        return self.n_articles == 0


def _articles_with(ds: Dataset, article_codes: np.ndarray, hit: np.ndarray) -> np.ndarray:
    mask = np.zeros(len(ds.ix.article_ids), dtype=bool)
    mask[article_codes[hit & (article_codes >= 0)]] = True
    return mask


def article_mask(ds: Dataset, filters: Filters) -> np.ndarray:
    """The articles the filters keep, copies included (``select`` folds them)."""
    ix = ds.ix
    mask = np.ones(len(ix.article_ids), dtype=bool)
    if filters.sources:
        wanted = [i for i, s in enumerate(ix.sources) if s in set(filters.sources)]
        mask &= np.isin(ix.article_source, wanted)
    if filters.date_from or filters.date_to:
        pub, end = ix.article_published, ix.article_published_end
        ok = ~np.isnat(pub)
        if filters.date_from:
            ok &= end >= np.datetime64(filters.date_from, "D")
        if filters.date_to:
            ok &= pub <= np.datetime64(filters.date_to, "D")
        mask &= ok
    if filters.themes:
        at = ds.article_themes
        hit = at["theme_id"].isin(filters.themes).to_numpy(bool) & at["is_main"].fillna(False).to_numpy(bool)
        codes = ds.memo(("article_themes_codes",), lambda: _article_codes(ds, at["article_id"]))
        mask &= _articles_with(ds, codes, hit)
    for entity in filters.entities:
        code = np.searchsorted(ix.entity_ids, entity)
        found = code < len(ix.entity_ids) and ix.entity_ids[code] == entity
        mask &= _articles_with(ds, ix.mention_article, ix.mention_entity == code) if found else False
    if filters.events:
        codes = [i for i, e in enumerate(ix.event_ids) if e in set(filters.events)]
        mask &= _articles_with(ds, ix.event_mention_article, np.isin(ix.event_mention_event, codes))
    if filters.keyword.strip() and mask.any():
        # Imported on first use: the text folding tables it builds cost ~0.3 s at import, on the
        # first page's critical path otherwise (the app warms it up once that page is drawn).
        from dashboard.search import QueryError, compile_query

        try:
            mask &= compile_query(ds, filters.keyword, filters.keyword_derived).mask()
        except QueryError:
            mask[:] = False
    return mask


def _article_codes(ds: Dataset, ids: pd.Series) -> np.ndarray:
    return pd.Index(ds.ix.article_ids).get_indexer(ids.astype(object)).astype(np.int32)


def select(ds: Dataset, filters: Filters) -> Selection:
    """The articles (and their sentences) the filters keep; copies of earlier stories folded
    unless ``filters.include_copies``."""
    mask = article_mask(ds, filters)
    folded = 0
    if not filters.include_copies and len(mask):
        copies = mask & ds.ix.article_is_copy
        folded = int(copies.sum())
        mask = mask & ~copies
    sent_art = ds.ix.sentence_article
    sentence_mask = (sent_art >= 0) & mask[np.maximum(sent_art, 0)] if len(mask) else np.zeros(len(sent_art), bool)
    return Selection(
        filters=filters,
        article_mask=mask,
        article_ids=tuple(ds.ix.article_ids[mask].tolist()),
        n_articles=int(mask.sum()),
        n_sentences=int(sentence_mask.sum()),
        sentence_mask=sentence_mask,
        n_copies_folded=folded,
    )
