"""The search language on a dataset: which articles a query matches, and where in their text.

Atoms are matched by the product's one Arabic-aware matcher, dashboard/analysis/keyword.py
(vocabulary keys for words, a confirming regex over the original text for phrases and unknown
words); entity atoms by the build's entity mentions, theme atoms by the article themes (the same
rules as the sidebar's entity and theme filters). The boolean operators are numpy mask
operations, so a query costs its atoms plus a few vector ANDs.

``Search.spans(code)`` gives the character spans of ``articles.text`` that the query's positive
atoms (those not under a NOT) matched: what the reader highlights and the concordance centres on.
"""

from __future__ import annotations

import re
from functools import cached_property

import numpy as np

from dashboard.analysis.keyword import (
    _PROCLITIC_RE,
    _key_candidates,
    _per_query,
    articles_with_terms,
    keyword_articles,
    keyword_regex,
    match_core,
    query_words,
    word_terms,
)
from dashboard.dataset import Dataset
from dashboard.search.parser import And, Field, Not, Or, QueryError, Word, leaves, parse
from dashboard.text.clitics import PREFIXES
from dashboard.text.normalize import IGNORABLE_CLASS, fold, original_pattern


def _prefix_regex(stem: str) -> re.Pattern:
    """word*: an optional proclitic, then the stem, then any letters (original text)."""
    proclitics = "|".join(original_pattern(p) for p in sorted(PREFIXES, key=lambda s: (-len(s), s)))
    return re.compile(rf"(?<![^\W_])(?P<pre>{proclitics})?{IGNORABLE_CLASS}"
                      rf"(?P<m>{original_pattern(stem)}[^\W_]*)")


class Search:
    """A parsed query bound to a dataset. Raises ``QueryError`` for bad syntax or unknown ids."""

    def __init__(self, ds: Dataset, query: str, derived: bool = False):
        self.ds = ds
        self.query = (query or "").strip()
        self.derived = bool(derived)
        self.tree = parse(self.query)
        self.canonical = "" if self.tree is None else self.tree.canonical()
        for leaf in leaves(self.tree, positive=False) if self.tree is not None else []:
            if isinstance(leaf, Field):
                self._field_code(leaf)  # unknown ids fail now, not half-way through a page

    @property
    def empty(self) -> bool:
        return self.tree is None

    # ---- which articles ------------------------------------------------------------------

    def mask(self) -> np.ndarray:
        """Boolean per article code: the articles the query matches (all for an empty query).
        Shared by every caller on the dataset: copy before changing it."""
        n = len(self.ds.ix.article_ids)
        if self.tree is None:
            return np.ones(n, dtype=bool)
        key = ("search", self.canonical, self.derived)
        return _per_query(self.ds, key, lambda: self._eval(self.tree))

    def _eval(self, node) -> np.ndarray:
        if isinstance(node, Or):
            out = self._eval(node.children[0]).copy()
            for child in node.children[1:]:
                out |= self._eval(child)
            return out
        if isinstance(node, And):
            # Positive parts first: a NOT then only removes from a (usually small) set.
            out = None
            for child in sorted(node.children, key=lambda c: isinstance(c, Not)):
                part = self._eval(child)
                out = part.copy() if out is None else out & part
            return out
        if isinstance(node, Not):
            return ~self._eval(node.child)
        return self._leaf_mask(node)

    def _leaf_mask(self, leaf) -> np.ndarray:
        ds = self.ds
        if isinstance(leaf, Field):
            return self._field_mask(leaf)
        if isinstance(leaf, Word) and leaf.prefix:
            codes = self._prefix_codes(leaf)
            return _per_query(ds, ("prefix_articles", self._prefix_stem(leaf)),
                              lambda: articles_with_terms(ds, codes))
        return keyword_articles(ds, leaf.text, self.derived)

    def _prefix_stem(self, leaf: Word) -> str:
        """The folded prefix as the vocabulary has it: as typed, else without its proclitics
        (والروس* searches روس*)."""
        typed = "".join(query_words(leaf.text))
        for cand in _key_candidates(typed):
            if len(self.ds.ix.key_terms.prefixed(cand)):
                return cand
        return typed

    def _prefix_codes(self, leaf: Word) -> np.ndarray:
        return np.unique(self.ds.ix.key_terms.prefixed(self._prefix_stem(leaf)))

    def _field_code(self, leaf: Field) -> int:
        ix = self.ds.ix
        if leaf.field == "entity":
            code = int(np.searchsorted(ix.entity_ids, leaf.value))
            if code < len(ix.entity_ids) and ix.entity_ids[code] == leaf.value:
                return code
            raise QueryError("unknown_entity", value=leaf.value)
        themes = self.ds.themes["theme_id"].astype(str).tolist()
        if leaf.value in themes:
            return themes.index(leaf.value)
        raise QueryError("unknown_theme", value=leaf.value)

    def _field_mask(self, leaf: Field) -> np.ndarray:
        ds, ix = self.ds, self.ds.ix
        n = len(ix.article_ids)

        def compute() -> np.ndarray:
            out = np.zeros(n, dtype=bool)
            if leaf.field == "entity":
                hit = ix.mention_entity == self._field_code(leaf)
                arts = ix.mention_article[hit]
            else:
                at = ds.article_themes
                hit = (at["theme_id"].astype(str) == leaf.value).to_numpy(bool) & \
                    at["is_main"].fillna(False).to_numpy(bool)
                codes = ds.memo(("search_article_theme_codes",), lambda: np.asarray(
                    [int(i) for i in np.searchsorted(ix.article_ids, at["article_id"].astype(str).to_numpy(object))]))
                arts = codes[hit]
            out[arts[(arts >= 0) & (arts < n)]] = True
            return out

        return _per_query(ds, ("field", leaf.field, leaf.value), compute)

    # ---- where in the text ---------------------------------------------------------------

    @cached_property
    def _highlighters(self) -> list:
        """For each positive atom: a regex over original text, or an entity's mention spans."""
        out = []
        for leaf in leaves(self.tree) if self.tree is not None else []:
            if isinstance(leaf, Field):
                if leaf.field == "entity":
                    out.append(("entity", self._entity_spans(self._field_code(leaf))))
                continue  # a theme is about the whole article: nothing to point at
            if isinstance(leaf, Word) and leaf.prefix:
                out.append(("regex", _prefix_regex(self._prefix_stem(leaf))))
                continue
            words = query_words(leaf.text)
            if not words:
                continue
            cores = (match_core(self.ds, words[0]),) if isinstance(leaf, Word) and len(words) == 1 else None
            regex = keyword_regex(leaf.text, self.derived, cores)
            if regex is not None:
                out.append(("regex", regex))
            if cores:  # the other spellings the build merged into the same terms (أمريكا/أميركا)
                for variant in self._spellings(words[0], cores[0]):
                    out.append(("regex", keyword_regex(variant, self.derived, (variant,))))
        return out

    def _spellings(self, word: str, core: str, limit: int = 12) -> list[str]:
        """Clitic-free folded spellings of the terms ``word`` matches, other than ``core``."""
        ds = self.ds

        def forms_by_code() -> np.ndarray:
            out = np.full(len(ds.ix.term_list), "", dtype=object)
            voc = ds.vocabulary
            codes = np.searchsorted(ds.ix.term_list, voc["term"].astype(str).to_numpy(object))
            ok = (codes < len(out))
            out[codes[ok]] = voc["forms"].fillna("").astype(str).to_numpy(object)[ok]
            return out

        forms = ds.memo(("search_forms_by_code",), forms_by_code)
        found: list[str] = []
        for code in word_terms(ds, word, self.derived).tolist():
            for form in str(forms[code]).split("|"):
                folded = fold(form)
                m = _PROCLITIC_RE.match(folded)  # as written: keys are spelling classes
                bare = folded[m.end():] if m and len(folded) - m.end() >= 2 else folded
                if len(bare) >= 2 and bare != core and bare not in found:
                    found.append(bare)
        return found[:limit]

    def _entity_spans(self, entity_code: int) -> dict[int, list[tuple[int, int]]]:
        def compute():
            ix, em = self.ds.ix, self.ds.entity_mentions
            rows = np.flatnonzero(ix.mention_entity == entity_code)
            starts = em["char_start"].to_numpy(np.int64)[rows]
            ends = em["char_end"].to_numpy(np.int64)[rows]
            out: dict[int, list[tuple[int, int]]] = {}
            for a, s, e in zip(ix.mention_article[rows].tolist(), starts.tolist(), ends.tolist()):
                out.setdefault(a, []).append((s, e))
            return out

        return _per_query(self.ds, ("entity_spans", entity_code), compute)

    @property
    def can_point(self) -> bool:
        """Whether the query has anything to show in context (not only NOTs or themes)."""
        return bool(self._highlighters)

    def spans(self, code: int, text: str | None = None) -> list[tuple[int, int]]:
        """Sorted, non-overlapping ``(start, end)`` of article ``code``'s text matched by the
        positive atoms (the proclitic before a word is left out of the span)."""
        if not self._highlighters:
            return []
        text = self.ds.article_text(code) if text is None else text
        found: list[tuple[int, int]] = []
        for kind, how in self._highlighters:
            if kind == "entity":
                found.extend(how.get(int(code), ()))
            else:
                found.extend(m.span("m") for m in how.finditer(text))
        found.sort(key=lambda s: (s[0], -s[1]))
        out: list[tuple[int, int]] = []
        for s, e in found:
            if e > s and (not out or s >= out[-1][1]):
                out.append((s, e))
        return out


def compile_query(ds: Dataset, query: str, derived: bool = False) -> Search:
    """``Search(ds, query, derived)``, memoised per dataset (pages ask for the same query often;
    a malformed query's error is remembered too)."""
    def compute():
        try:
            return Search(ds, query, derived)
        except QueryError as exc:
            return exc

    found = _per_query(ds, ("compiled", (query or "").strip(), bool(derived)), compute)
    if isinstance(found, QueryError):
        raise found
    return found


def query_mask(ds: Dataset, query: str, derived: bool = False) -> np.ndarray:
    """Boolean per article code (a copy): the articles ``query`` matches."""
    return compile_query(ds, query, derived).mask().copy()


def check(ds: Dataset, query: str, lang: str = "en") -> str | None:
    """None when ``query`` is valid on ``ds``, else the sentence saying what is wrong."""
    try:
        compile_query(ds, query)
    except QueryError as exc:
        return exc.message(lang)
    return None
