"""Clitic-aware term counts for word clouds and distinctive-term statistics.

Two steps, so the build can count articles in parallel and reuse cached articles:

1. ``article_form_counts(doc)``, per article: how often each folded token form occurs, with the
   spelling the writer used (hamza, ta marbuta and case kept; diacritics and tatweel dropped).
2. ``resolve_terms(form_counts, known_keys)``, once per corpus: decides for each unique form
   whether a leading clitic is stripped, and merges forms into terms.

A proclitic (و ف ب ل ك, the article ال, ل+ال written لل) is stripped only when the corpus
backs it: the remainder is a known name, or it occurs on its own at least as often as the
glued form (the article: at least a small share as often, since definite nouns dominate).
So لروسيا, وروسيا, بروسيا merge with روسيا and الحرب with حرب, while لبنان, بوتين, وزير,
فرنسا keep their first letter: بنان, وتين, زير, رنسا are rare or absent on their own.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache

import numpy as np
import pandas as pd

from dashboard.text.normalize import fold
from dashboard.text.stopwords import is_stopword, stopwords

MIN_KEY_LETTERS = 3           # a stripped remainder shorter than this is not trusted (بنك, الف)
ARTICLE_MIN_SHARE = 0.02      # ال is stripped when the bare form has >= 2 % of the definite count
MAX_FORMS_LISTED = 10

_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_NUMBER_RE = re.compile(r"[\d.,٫]+")
# Letter forms of other scripts that folding merges into Arabic ones: a display form uses the Arabic
# letter too (copied text with Persian ک ی is not how Arabic writers spell the word).
_DISPLAY_LETTERS = {"ک": "ك", "ڪ": "ك", "ی": "ي", "ې": "ي", "ۍ": "ي", "ێ": "ي",
                    "ہ": "ه", "ە": "ه", "ھ": "ه", "ۀ": "ه", "ٱ": "ا", "ٲ": "أ", "ٳ": "إ"}


@lru_cache(maxsize=1)
def _display_table() -> tuple[dict[int, str], re.Pattern]:
    """Like ``fold`` but keeping the spelling (hamza, ى, ة, case, digits): drops what fold drops,
    applies NFKC (presentation forms). Each character yields exactly as many characters as
    ``fold`` makes of it, so a display string lines up with the normalised text. Also returns a
    regex of the characters it changes: most articles have only a few, so ``sub`` beats
    ``translate`` over every character."""
    table: dict[int, str] = {}
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        folded = fold(ch)
        if folded == ch:
            continue
        shown = "".join(
            "" if fold(c) == "" else _DISPLAY_LETTERS.get(c, c)
            for c in unicodedata.normalize("NFKC", ch)
        )
        if len(shown) != len(folded):
            shown = folded
        if shown != ch:
            table[cp] = shown
    return table, re.compile("[" + "".join(_ranges_class(sorted(table))) + "]")


def _ranges_class(codepoints: list[int]) -> list[str]:
    parts, start, prev = [], None, None
    for cp in codepoints + [-2]:
        if start is not None and cp == prev + 1:
            prev = cp
            continue
        if start is not None:
            parts.append(f"\\u{start:04x}" + (f"-\\u{prev:04x}" if prev > start else ""))
        start = prev = cp
    return parts


def display_text(text: str) -> str:
    """``text`` with diacritics, tatweel and invisible marks removed and presentation forms
    resolved, spelling otherwise kept; the same length as ``normalize(text).text``."""
    table, changed = _display_table()
    return changed.sub(lambda m: table[ord(m.group())], text)


def article_form_counts(doc) -> Counter[tuple[str, str]]:
    """``(folded form, written spelling) -> count`` for the content tokens of one article.

    Stopwords (as written, clitic forms included), one-letter tokens and numbers are left out.
    """
    norm = doc.norm.text
    shown = display_text(doc.text)
    if len(shown) != len(norm):  # cannot happen by construction; stay correct if it does
        shown = norm
    pairs = Counter(zip([norm[s:e] for s, e in doc.tokens], [shown[s:e] for s, e in doc.tokens]))
    stop = stopwords()
    for form, spelling in [p for p in pairs if len(p[0]) < 2 or p[0] in stop
                           or (p[0][0].isdigit() and _NUMBER_RE.fullmatch(p[0]))]:
        del pairs[(form, spelling)]
    return pairs


class _KeyResolver:
    """Memoised clitic stripping over a corpus's form totals."""

    def __init__(self, totals: Mapping[str, int], known_keys: Iterable[str]):
        self.totals = totals
        self.known = frozenset(k for k in known_keys if k and " " not in k)
        self.memo: dict[str, str | None] = {}

    def key(self, form: str) -> str | None:
        """The clitic-free key of ``form``, or None when it is a clitic glued to a stopword."""
        if form not in self.memo:
            self.memo[form] = self._resolve(form)
        return self.memo[form]

    def _resolve(self, form: str) -> str | None:
        if form in self.known:
            return form
        for rest in self._single_letter_remainders(form):
            if len(rest) >= MIN_KEY_LETTERS and self._backed(rest, self.totals.get(form, 0)):
                return None if is_stopword(rest) else self.key(rest)
        if form.startswith("ال"):
            rest = form[2:]
            if len(rest) >= MIN_KEY_LETTERS and (
                rest in self.known
                or self.totals.get(rest, 0) >= max(1.0, ARTICLE_MIN_SHARE * self.totals.get(form, 0))
            ):
                return None if is_stopword(rest) else self.key(rest)
        return form

    def _single_letter_remainders(self, form: str) -> list[str]:
        """What is left after one proclitic letter; ل before ال contracts (لل), so للولايات
        stands for ل + الولايات and للاجئين for ل + اللاجئين."""
        first = form[:1]
        if first not in _CONJUNCTIONS and first not in _PREPOSITIONS:
            return []
        if form.startswith("لل"):
            options = ["ا" + form[1:], "ال" + form[1:]]  # الولايات, اللاجئين
            options.sort(key=lambda r: (-self.totals.get(r, 0), r))
            return options + [form[1:]]
        return [form[1:]]

    def _backed(self, rest: str, form_count: int) -> bool:
        return rest in self.known or self.totals.get(rest, 0) >= max(1, form_count)


def _as_frame(form_counts) -> pd.DataFrame:
    if isinstance(form_counts, pd.DataFrame):
        return form_counts[["article_id", "form", "spelling", "count"]]
    rows = [(aid, form, spelling, n) for aid, counts in form_counts.items()
            for (form, spelling), n in counts.items()]
    return pd.DataFrame(rows, columns=["article_id", "form", "spelling", "count"])


def resolve_terms(form_counts, known_keys: Iterable[str] = ()) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Merge the forms of a corpus into terms.

    ``form_counts``: a DataFrame with article_id, form, spelling, count (the rows of every
    article's ``article_form_counts``), or a mapping ``article_id -> that Counter``.
    ``known_keys``: folded names that are words in their own right (the entity catalogue's
    aliases): a form equal to one is never stripped, a remainder equal to one is always accepted.

    Returns ``terms`` (article_id, term, count) and ``vocabulary`` (term, term_key, count,
    n_articles, forms), sorted, independent of the input's row order. Works on integer codes of
    the unique forms, so the cost is one hash pass over the rows plus Python over unique forms.
    """
    df = _as_frame(form_counts)
    if df.empty:
        return (pd.DataFrame(columns=["article_id", "term", "count"]),
                pd.DataFrame(columns=["term", "term_key", "count", "n_articles", "forms"]))
    counts = df["count"].to_numpy(dtype=np.int64)
    form_codes, form_index = pd.factorize(df["form"], sort=True)
    forms = form_index.tolist()
    totals = np.bincount(form_codes, weights=counts).astype(np.int64)
    resolver = _KeyResolver(dict(zip(forms, totals.tolist())), known_keys)
    form_keys = [resolver.key(f) for f in forms]
    display, listed = _spellings_by_key(df, form_codes, forms, form_keys, counts)
    # Keys numbered in the order of their display forms, so terms come out sorted by (article, term).
    keys = sorted(display, key=lambda k: (display[k], k))
    key_index = {k: i for i, k in enumerate(keys)}
    key_of_form = np.array([key_index[k] if k is not None else -1 for k in form_keys], dtype=np.int64)
    terms_shown = [display[k] for k in keys]

    # Per article and key: sum the counts of every form merged into the key.
    row_keys = key_of_form[form_codes]
    kept = row_keys >= 0
    article_codes, articles = pd.factorize(df["article_id"], sort=True)
    pair = article_codes[kept].astype(np.int64) * len(keys) + row_keys[kept]
    pairs, pair_index = np.unique(pair, return_inverse=True)
    pair_counts = np.bincount(pair_index, weights=counts[kept]).astype(np.int64)
    pair_article, pair_key = np.divmod(pairs, len(keys))
    terms = pd.DataFrame({
        # Index.take keeps the string arrays columnar: no Python object per row.
        "article_id": articles.take(pair_article),  # sorted by article, then term
        "term": pd.Index(terms_shown, dtype="string").take(pair_key),
        "count": pair_counts,
    })

    key_totals = np.bincount(pair_key, weights=pair_counts, minlength=len(keys)).astype(np.int64)
    key_articles = np.bincount(pair_key, minlength=len(keys))
    vocabulary = pd.DataFrame({
        "term": terms_shown, "term_key": keys, "count": key_totals, "n_articles": key_articles,
        "forms": [listed[k] for k in keys],
    })
    vocabulary = vocabulary.sort_values(["count", "term_key"], ascending=[False, True],
                                        kind="stable").reset_index(drop=True)
    return terms, vocabulary


def _bare_spelling(form: str, spelling: str, key: str) -> str:
    """The spelling with the stripped clitics removed. A spelling lines up with its form letter by
    letter and the key is a suffix of the form, except after لل, where the key may keep the
    article (للولايات -> الولايات): that ال is restored from the key."""
    if form.endswith(key):
        return spelling[len(form) - len(key):]
    shared = len(key) - 2 if key.startswith("ال") and form.endswith(key[2:]) else len(key)
    return key[:len(key) - shared] + spelling[len(spelling) - shared:]


def _spellings_by_key(df, form_codes, forms, form_keys, counts) -> tuple[dict[str, str], dict[str, str]]:
    """Per key: the display form (most frequent clitic-free spelling) and the '|'-joined list of
    written forms merged into it, most frequent first; ties broken by string order."""
    spelling_codes, spelling_index = pd.factorize(df["spelling"], sort=True)
    spellings = spelling_index.tolist()
    pair = form_codes.astype(np.int64) * len(spellings) + spelling_codes
    pairs, pair_index = np.unique(pair, return_inverse=True)
    pair_counts = np.bincount(pair_index, weights=counts).astype(np.int64)
    bare: defaultdict[str, Counter[str]] = defaultdict(Counter)
    written: defaultdict[str, Counter[str]] = defaultdict(Counter)
    pair_forms, pair_spellings = np.divmod(pairs, len(spellings))
    for form_code, spelling_code, n in zip(pair_forms.tolist(), pair_spellings.tolist(),
                                           pair_counts.tolist()):
        key = form_keys[form_code]
        if key is None:
            continue
        spelling = spellings[spelling_code]
        bare[key][_bare_spelling(forms[form_code], spelling, key)] += n
        written[key][spelling] += n
    display = {k: _ranked(c)[0] for k, c in bare.items()}
    listed = {k: "|".join(_ranked(c)[:MAX_FORMS_LISTED]) for k, c in written.items()}
    return display, listed


def _ranked(counter: Counter[str]) -> list[str]:
    return sorted(counter, key=lambda s: (-counter[s], s))
