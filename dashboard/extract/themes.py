"""Analyst themes: cue lexicons from the catalogue folder's themes.yaml scored per sentence and article.

Matching is token-level dict lookups over ``doc.tokens`` (normalised text), with proclitics
peeled off the first word of a cue and a small phrase lookup indexed by first word: the build
runs this over tens of millions of characters, so no per-cue regex scan.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import compress

import pandas as pd

from dashboard.schema import conform
from dashboard.text.clitics import ARTICLE, peel
from dashboard.text.document import Doc
from dashboard.text.normalize import squeeze_spaces

DEFAULT_MAIN_SHARE = 0.25
_MEMO_LIMIT = 500_000  # token forms a scorer remembers before it starts afresh
_MIN_STEM = 2  # a peeled remainder shorter than this is not a word


def _cue_key(cue: str) -> tuple[str, ...]:
    """Folded words of a cue, the article dropped from the first word (clitics are peeled)."""
    words = squeeze_spaces(cue).split()
    if not words:
        raise ValueError(f"empty theme cue {cue!r}")
    first = words[0]
    if first.startswith(ARTICLE) and len(first) - 2 >= _MIN_STEM + 1:
        words[0] = first[2:]
    return tuple(words)


@dataclass
class _Lexicon:
    """Cue lookup tables: weights are {theme_id: weight} so one cue may serve two themes."""

    words: dict[str, dict[str, float]] = field(default_factory=dict)
    stems: dict[str, dict[str, float]] = field(default_factory=dict)  # word* cues
    phrases: dict[str, list[tuple[tuple[str, ...], dict[str, float]]]] = field(default_factory=dict)
    stem_lengths: tuple[int, ...] = ()
    # every stem's first letters, as many as the shortest stem has: a form that starts with none
    # of them starts no stem (most forms), said by one lookup instead of one per stem length
    stem_heads: frozenset[str] = frozenset()
    stem_head_length: int = 0

    def add(self, cue: str, theme_id: str | None, weight: float) -> None:
        """Register a cue; theme_id None registers a stop phrase (matches, scores nothing)."""
        star = cue.rstrip().endswith("*")
        words = _cue_key(cue.rstrip().rstrip("*"))
        if len(words) == 1:
            table = self.stems if star else self.words
            entry = table.setdefault(words[0], {})
            if theme_id is not None:
                entry[theme_id] = weight
            return
        last = words[-1] + ("*" if star else "")
        rest = words[1:-1] + (last,)
        bucket = self.phrases.setdefault(words[0], [])
        for existing_rest, weights in bucket:
            if existing_rest == rest:
                if theme_id is not None:
                    weights[theme_id] = weight
                return
        bucket.append((rest, {} if theme_id is None else {theme_id: weight}))

    def freeze(self) -> None:
        self.stem_lengths = tuple(sorted({len(s) for s in self.stems}, reverse=True))
        self.stem_head_length = min(self.stem_lengths, default=0)
        self.stem_heads = frozenset(s[:self.stem_head_length] for s in self.stems)
        for bucket in self.phrases.values():
            bucket.sort(key=lambda item: -len(item[0]))  # longest phrase first

    def single(self, form: str) -> dict[str, float] | None:
        hit = self.words.get(form)
        if hit is not None:
            return hit
        if form[:self.stem_head_length] not in self.stem_heads:
            return None
        for n in self.stem_lengths:
            if n <= len(form):
                hit = self.stems.get(form[:n])
                if hit is not None:
                    return hit
        return None


def _word_matches(pattern: str, form: str) -> bool:
    if pattern.endswith("*"):
        return form.startswith(pattern[:-1])
    return form == pattern


@dataclass
class CueHit:
    token_start: int  # index into doc.tokens
    token_end: int    # exclusive
    cue: str          # the folded cue that matched
    weights: dict[str, float]


class ThemeScorer:
    """Scores a Doc against the theme catalogue."""

    def __init__(self, themes: list[dict], main_share: float = DEFAULT_MAIN_SHARE,
                 stop_phrases: list[str] | None = None):
        self.themes = themes
        self.main_share = main_share
        self.lexicon = _Lexicon()
        for theme in themes:
            for item in theme.get("cues") or []:
                cue, weight = (item, 1.0) if isinstance(item, str) else (item["cue"], float(item.get("weight", 1.0)))
                self.lexicon.add(cue, theme["id"], weight)
        for cue in stop_phrases or []:
            self.lexicon.add(cue, None, 0.0)
        self.lexicon.freeze()
        self._memo: dict[str, tuple] = {}
        self._starters: set[str] = set()  # the memo's forms that start a cue

    @classmethod
    def from_catalogue(cls, data: Mapping) -> ThemeScorer:
        """From themes.yaml (parsed: ``Catalogues.themes``): its themes, settings and stop phrases."""
        settings = data.get("settings") or {}
        return cls(data["themes"], float(settings.get("main_share", DEFAULT_MAIN_SHARE)),
                   data.get("stop_phrases"))

    def hits(self, doc: Doc) -> list[CueHit]:
        """Every cue occurrence, longest match first, a token counted at most once."""
        lex = self.lexicon
        forms = doc.forms
        memo, starters = self._memo, self._starters
        if len(memo) > _MEMO_LIMIT:  # bound the memory of a long-lived scorer (never mid-article)
            memo.clear()
            starters.clear()
        for form in set(forms).difference(memo):  # this article's new forms, each read once
            self._form_info(form, lex)
        # Most tokens start nothing: only the positions of forms that start a cue are tried (found
        # by one C-level pass), leftmost first, never inside the last hit: the same hits as trying
        # every token
        out: list[CueHit] = []
        end = 0
        for i in compress(range(len(forms)), map(starters.__contains__, forms)):
            if i < end:
                continue
            hit = self._match_at(forms, i, lex)
            if hit is not None:
                out.append(hit)
                end = hit.token_end
        return out

    def _form_info(self, form: str, lex: _Lexicon) -> tuple:
        """What a token form can start: (phrase buckets of its peeled readings, its single-word hit).
        Memoised: a corpus has ~40x fewer distinct forms than tokens, and peeling dominates. A form
        that starts something is also kept in ``_starters``."""
        info = self._memo.get(form)
        if info is None:
            candidates = peel(form)
            phrases = tuple((c, lex.phrases[c]) for c in candidates if c in lex.phrases)
            single = next(((c, w) for c in candidates if (w := lex.single(c)) is not None), None)
            info = self._memo[form] = (phrases, single)
            if phrases or single is not None:
                self._starters.add(form)
        return info

    def _match_at(self, forms: list[str], i: int, lex: _Lexicon) -> CueHit | None:
        phrases, single = self._form_info(forms[i], lex)
        for form, bucket in phrases:  # phrases first: they win over the words inside them
            for rest, weights in bucket:
                end = i + 1 + len(rest)
                if end <= len(forms) and all(_word_matches(p, f) for p, f in zip(rest, forms[i + 1:end])):
                    return CueHit(i, end, " ".join((form,) + rest), weights)
        if single is not None:
            return CueHit(i, i + 1, single[0], single[1])
        return None

    def score(self, doc: Doc) -> tuple[list[dict], list[dict]]:
        """Rows for 'sentence_themes' (non-zero scores) and 'article_themes'."""
        per_sentence: dict[tuple[int, str], float] = defaultdict(float)
        for hit in self.hits(doc):
            start = doc.norm.original_index(doc.tokens[hit.token_start][0])
            sentence_id = doc.sentence_at(start)
            for theme_id, weight in hit.weights.items():
                per_sentence[(sentence_id, theme_id)] += weight
        sentence_rows = [
            {"article_id": doc.article_id, "sentence_id": sid, "theme_id": tid, "score": score}
            for (sid, tid), score in sorted(per_sentence.items()) if score > 0
        ]
        per_article: dict[str, float] = defaultdict(float)
        for (_, tid), score in per_sentence.items():
            per_article[tid] += score
        return sentence_rows, self._article_rows(doc.article_id, per_article)

    def _article_rows(self, article_id: str, scores: dict[str, float]) -> list[dict]:
        total = sum(v for v in scores.values() if v > 0)
        if total <= 0:
            return []
        ranked = sorted(((tid, v) for tid, v in scores.items() if v > 0), key=lambda kv: (-kv[1], kv[0]))
        top = ranked[0][1]
        return [
            {"article_id": article_id, "theme_id": tid, "score": v, "share": v / total,
             # the top theme (ties included) and every theme holding a large share
             "is_main": v == top or v / total >= self.main_share}
            for tid, v in ranked
        ]


def check_themes(data: Mapping) -> Mapping:
    """themes.yaml (parsed), checked: a list of themes with unique ids."""
    ids = [t["id"] for t in data["themes"] or []]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate theme ids")
    return data


def themes_table(data: Mapping) -> pd.DataFrame:
    """The 'themes' table of the dataset."""
    rows = [
        {k: t.get(k, "") for k in ("name_ar", "name_en", "description")} | {"theme_id": t["id"]}
        for t in data["themes"]
    ]
    return conform("themes", sorted(rows, key=lambda r: r["theme_id"]))
