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
Clitics stack only in Arabic's order (conjunction, preposition, article), so ولوكاس is never
و+ل+وكاس. Counts cannot settle every case: a word that is a preposition plus another common
word (لجان = ل + جان) is still split; the entity catalogue's names (known keys) are protected.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache

import numpy as np
import pandas as pd

from dashboard.text.clitics import ARTICLE, CONJUNCTIONS, PREPOSITIONS
from dashboard.text.normalize import fold, folded_characters
from dashboard.text.spelling import spelling_key

MIN_KEY_LETTERS = 3           # a stripped remainder shorter than this is not trusted (بنك, الف)
ARTICLE_MIN_SHARE = 0.02      # ال is stripped when the bare form has >= 2 % of the definite count
MAX_FORMS_LISTED = 10

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
    for cp in folded_characters():  # a character fold keeps is shown as it is
        ch = chr(cp)
        folded = fold(ch)
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


def article_form_counts(doc, stop: frozenset[str]) -> Counter[tuple[str, str]]:
    """``(folded form, written spelling) -> count`` for the content tokens of one article.

    Stopwords (``stop``, folded: ``Catalogues.stopwords``; as written, clitic forms included),
    one-letter tokens and numbers are left out.
    """
    norm = doc.norm.text
    shown = display_text(doc.text)
    if len(shown) != len(norm):  # cannot happen by construction; stay correct if it does
        shown = norm
    pairs = Counter(zip(doc.forms, [shown[s:e] for s, e in doc.tokens]))
    for form, spelling in [p for p in pairs if len(p[0]) < 2 or p[0] in stop
                           or (p[0][0].isdigit() and _NUMBER_RE.fullmatch(p[0]))]:
        del pairs[(form, spelling)]
    return pairs


# How far a form may still be stripped: Arabic stacks proclitics in this order only,
# conjunction (و ف), then preposition (ب ل ك), then the article (ال).
_ANY, _AFTER_CONJUNCTION, _ARTICLE_ONLY, _NOTHING = 0, 1, 2, 3


class _KeyResolver:
    """Memoised clitic stripping over a corpus's form totals."""

    def __init__(self, totals: Mapping[str, int], known_keys: Iterable[str], stop: frozenset[str]):
        self.totals = totals
        self.stop = stop
        self.known = frozenset(k for k in known_keys if k and " " not in k)
        self.memo: dict[tuple[str, int], str | None] = {}

    def key(self, form: str, level: int = _ANY) -> str | None:
        """The clitic-free key of ``form``, or None when it is a clitic glued to a stopword."""
        memo_key = (form, level)
        if memo_key not in self.memo:
            self.memo[memo_key] = self._resolve(form, level)
        return self.memo[memo_key]

    def _resolve(self, form: str, level: int) -> str | None:
        if level == _NOTHING:
            return form
        if form in self.known:
            # A known name keeps its letters (لبنان, الجزائر), but a known definite form whose
            # bare form is known too (الروسي, روسي) is one term.
            bare = form[2:]
            if form.startswith(ARTICLE) and bare in self.known and len(bare) >= MIN_KEY_LETTERS:
                return bare
            return form
        count = self.totals.get(form, 0)
        for rest, next_level in self._single_letter_remainders(form, level):
            if self._backed(rest, next_level, count):
                return None if rest in self.stop else self.key(rest, next_level)
        if form.startswith(ARTICLE):
            rest = form[2:]
            if len(rest) >= MIN_KEY_LETTERS and (
                rest in self.known
                or self.totals.get(rest, 0) >= max(1.0, ARTICLE_MIN_SHARE * count)
            ):
                return None if rest in self.stop else self.key(rest, _NOTHING)
        return form

    def _single_letter_remainders(self, form: str, level: int) -> list[tuple[str, int]]:
        """What may be left after one proclitic letter, with how far it may be stripped next.
        ل before ال contracts (لل): للولايات stands for ل + الولايات, للاجئين for ل + اللاجئين.
        ك is a preposition of nouns only; a short remainder after it is too often a verb or
        another word (كادت/أدت, كامل/أمل), so it needs one letter more."""
        first = form[:1]
        options: list[tuple[str, int]] = []
        if first in CONJUNCTIONS and level == _ANY:
            options.append((form[1:], _AFTER_CONJUNCTION))
        elif first in PREPOSITIONS and level <= _AFTER_CONJUNCTION:
            if form.startswith("لل"):
                articles = sorted(["ا" + form[1:], "ال" + form[1:]],  # الولايات, اللاجئين
                                  key=lambda r: (-self.totals.get(r, 0), r))
                options.extend((a, _ARTICLE_ONLY) for a in articles)
            options.append((form[1:], _ARTICLE_ONLY))
        minimum = MIN_KEY_LETTERS + (first == "ك")
        return [(rest, lvl) for rest, lvl in options if len(rest) >= minimum]

    def _backed(self, rest: str, level: int, form_count: int) -> bool:
        """Whether the corpus supports reading ``rest`` as a word of its own: it is known, or at
        least as frequent as the glued form (before the article: a small share as frequent). For stacked clitics (وبفرنسا) whose middle is never
        written alone (بفرنسا), what the middle resolves to may back it instead."""
        needed = max(1, form_count)
        if rest.startswith(ARTICLE) and len(rest) >= MIN_KEY_LETTERS + 2:
            # A letter before the article (بالرصاص, للصحفيين) is nearly always a clitic, and
            # the glued form is often the commoner one: back it like the article itself.
            needed = max(1, int(ARTICLE_MIN_SHARE * form_count))
        if rest in self.known or self.totals.get(rest, 0) >= needed:
            return True
        if self.totals.get(rest, 0) > 0:
            return False
        deeper = self.key(rest, level)
        return deeper is not None and deeper != rest and (
            deeper in self.known or self.totals.get(deeper, 0) >= needed)


def _as_frame(form_counts) -> pd.DataFrame:
    if isinstance(form_counts, pd.DataFrame):
        return form_counts[["article_id", "form", "spelling", "count"]]
    rows = [(aid, form, spelling, n) for aid, counts in form_counts.items()
            for (form, spelling), n in counts.items()]
    return pd.DataFrame(rows, columns=["article_id", "form", "spelling", "count"])


def resolve_terms(form_counts, stop: frozenset[str], known_keys: Iterable[str] = (),
                  counts: np.ndarray | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Merge the forms of a corpus into terms.

    ``form_counts``: a DataFrame with article_id, form, spelling, count (the rows of every
    article's ``article_form_counts``), or a mapping ``article_id -> that Counter``.
    ``stop``: the stopwords (folded), as given to ``article_form_counts``.
    ``known_keys``: folded names that are words in their own right (the entity catalogue's
    aliases): a form equal to one keeps its letters (unless it is a definite form whose bare form
    is known too: الروسي/روسي), a remainder equal to one is always accepted.

    Returns ``terms`` (article_id, term, count) and ``vocabulary`` (term, term_key, count,
    n_articles, forms), sorted, independent of the input's row order. Works on integer codes of
    the unique forms, so the cost is one hash pass over the rows plus Python over unique forms.
    ``counts``: the rows' counts, when they differ from the frame's column (the build takes the
    words of boilerplate out this way, without copying millions of rows); a row counted 0 is as
    if absent.
    """
    df = _as_frame(form_counts)
    if df.empty:
        return _empty_tables()
    counts = df["count"].to_numpy(dtype=np.int64) if counts is None else np.asarray(counts, dtype=np.int64)
    form_codes, form_index = pd.factorize(df["form"], sort=True)
    forms = form_index.tolist()
    totals = np.bincount(form_codes, weights=counts).astype(np.int64)
    resolver = _KeyResolver(dict(zip(forms, totals.tolist())), known_keys, stop)
    form_keys = [resolver.key(f) for f in forms]
    # Each distinct key's spelling class, computed once (keys repeat over forms and spellings).
    class_of = {k: spelling_key(k) for k in set(form_keys) if k is not None}
    display, listed = _spellings_by_key(df, form_codes, forms, form_keys, counts, class_of)
    # From here on a key is its spelling class's (سوفييتي and سوفياتي are one term).
    form_keys = [class_of[k] if k is not None else None for k in form_keys]
    # Keys numbered in the order of their display forms, so terms come out sorted by (article, term).
    keys = sorted(display, key=lambda k: (display[k], k))
    if not keys:
        return _empty_tables()
    key_index = {k: i for i, k in enumerate(keys)}
    key_of_form = np.array([key_index.get(k, -1) if k is not None else -1 for k in form_keys], dtype=np.int64)
    terms_shown = [display[k] for k in keys]

    # Per article and key: sum the counts of every form merged into the key.
    row_keys = key_of_form[form_codes]
    kept = (row_keys >= 0) & (counts > 0)
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


def _empty_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    return (pd.DataFrame(columns=["article_id", "term", "count"]),
            pd.DataFrame(columns=["term", "term_key", "count", "n_articles", "forms"]))


def _bare_spelling(form: str, spelling: str, key: str) -> str:
    """The spelling with the stripped clitics removed. A spelling lines up with its form letter by
    letter and the key is a suffix of the form, except after لل, where the key may keep the
    article (للولايات -> الولايات): that ال is restored from the key."""
    if form.endswith(key):
        return spelling[len(form) - len(key):]
    shared = len(key) - 2 if key.startswith("ال") and form.endswith(key[2:]) else len(key)
    return key[:len(key) - shared] + spelling[len(spelling) - shared:]


def _spellings_by_key(df, form_codes, forms, form_keys, counts,
                      class_of: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Per key: the display form (most frequent clitic-free spelling) and the '|'-joined list of
    written forms merged into it, most frequent first; ties broken by string order.
    ``class_of``: each key's spelling class (spelling_key)."""
    spelling_codes, spelling_index = pd.factorize(df["spelling"], sort=True)
    spellings = spelling_index.tolist()
    pair = form_codes.astype(np.int64) * len(spellings) + spelling_codes
    pairs, pair_index = np.unique(pair, return_inverse=True)
    pair_counts = np.bincount(pair_index, weights=counts).astype(np.int64)
    # Flat (key, spelling) -> count dicts, ranked in one sort: most keys have a single spelling,
    # and a Counter per key costs more than the counting.
    bare: dict[tuple[str, str], int] = {}
    written: dict[tuple[str, str], int] = {}
    pair_forms, pair_spellings = np.divmod(pairs, len(spellings))
    for form_code, spelling_code, n in zip(pair_forms.tolist(), pair_spellings.tolist(),
                                           pair_counts.tolist()):
        key = form_keys[form_code]
        if key is None or n <= 0:
            continue
        spelling = spellings[spelling_code]
        group = class_of[key]  # forms of one spelling class are listed together
        b = (group, _bare_spelling(forms[form_code], spelling, key))
        bare[b] = bare.get(b, 0) + n
        w = (group, spelling)
        written[w] = written.get(w, 0) + n
    display: dict[str, str] = {}
    for key, spelling in _ranked(bare):
        display.setdefault(key, spelling)
    listed: dict[str, list[str]] = defaultdict(list)
    for key, spelling in _ranked(written):
        if len(listed[key]) < MAX_FORMS_LISTED:
            listed[key].append(spelling)
    return display, {k: "|".join(v) for k, v in listed.items()}


def _ranked(counts: dict[tuple[str, str], int]) -> list[tuple[str, str]]:
    """(key, spelling) pairs by key, then count descending, then spelling."""
    return sorted(counts, key=lambda ks: (ks[0], -counts[ks], ks[1]))
