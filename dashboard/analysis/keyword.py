"""Arabic-aware keyword matching: a query finds its clitic forms and, if asked, its nisba adjectives.

Single words are matched through the vocabulary (``term_key`` is folded and clitic-free, so
كازاخستان finds the articles where لكازاخستان or وكازاخستان was written). Derived forms are the
nisba adjectives built on the key or on its stem without a final alef/ha (روسيا -> روسي, روسية;
كازاخستان -> كازاخستاني, الكازاخستانية). Phrases are confirmed by a regex over the original text.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.dataset import Dataset
from dashboard.text.normalize import IGNORABLE_CLASS as _IGNORABLE  # diacritics, tatweel, marks
from dashboard.text.normalize import fold, original_pattern
from dashboard.text.spelling import spelling_key

# Folded forms (ة is folded to ه). Longest first so the regex prefers the fullest suffix.
NISBA_SUFFIXES = ("يتين", "يتان", "يين", "يون", "يان", "يات", "يه", "ي")
ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه", "ك")
# Proclitic chains in folded spelling: conjunction, preposition, article.
_PROCLITIC_RE = re.compile(r"^(?:[وف]?(?:لل|[بكل]?ال|[بكل])|[وف])")
_WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def query_words(query: str) -> list[str]:
    """The folded words of a query (punctuation dropped)."""
    return _WORD_RE.findall(fold(query or "").strip())


def _stems(key: str) -> list[str]:
    """The key and, for a final alef/ha/ya, the stems a nisba is built on
    (امريكا -> امريك-ي; روسيا -> روس-ي: the final يا goes whole)."""
    out = [key]
    if len(key) > 3 and key[-1] in "اهي":
        out.append(key[:-1])
    if len(key) > 4 and key[-2:] in ("يا", "يه"):
        out.append(key[:-2])
    return out


def _derived_keys(key: str) -> list[str]:
    return [stem + suffix for stem in _stems(key) for suffix in NISBA_SUFFIXES if stem + suffix != key]


def _key_candidates(word: str) -> list[str]:
    """The word as typed, then with its proclitics stripped (a user may type لكازاخستان); each
    as the key of its spelling class (أميركا finds the term أمريكا)."""
    out = [word]
    m = _PROCLITIC_RE.match(word)
    if m and len(word) - m.end() >= 2:
        out.append(word[m.end():])
    return list(dict.fromkeys(spelling_key(w) for w in out))


_QUERY_CACHE_SIZE = 512


def _per_query(ds: Dataset, key: tuple, compute):
    """A bounded per-dataset cache for query results (users type many keywords in a session);
    locked because Streamlit serves sessions from several threads."""
    cache, lock = ds.memo(("query_cache",), lambda: (OrderedDict(), threading.Lock()))
    with lock:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
    value = compute()
    with lock:
        cache[key] = value
        while len(cache) > _QUERY_CACHE_SIZE:
            cache.popitem(last=False)
    return value


def word_terms(ds: Dataset, word: str, derived: bool = False) -> np.ndarray:
    """Term codes whose key is ``word`` (folded; clitics tolerated) or, if derived, a nisba of it."""
    def compute() -> np.ndarray:
        keys = ds.ix.key_terms
        candidates = _key_candidates(word)
        for i, key in enumerate(candidates):
            wanted = [key] + (_derived_keys(key) if derived else [])
            if derived:  # الصين is a key, but its nisba's key is صيني: the bare stem's forms too
                wanted += [d for bare in candidates[i + 1:] for d in _derived_keys(bare)]
            found = [keys[k] for k in wanted if k in keys]
            if found:
                return np.unique(np.concatenate(found)).astype(np.int32)
        return np.zeros(0, dtype=np.int32)

    return _per_query(ds, ("word_terms", word, derived), compute)


def match_core(ds: Dataset, word: str) -> str:
    """The clitic-free key a typed word resolves to (the word itself when nothing matches)."""
    keys = ds.ix.key_terms
    for key in _key_candidates(word):
        if key in keys:
            return key
    return word


def articles_with_terms(ds: Dataset, codes: np.ndarray) -> np.ndarray:
    """Boolean article mask: articles holding any of the term codes."""
    mask = np.zeros(len(ds.ix.article_ids), dtype=bool)
    if len(codes):
        hit = np.isin(ds.ix.term_code, codes)
        mask[ds.ix.term_article[hit]] = True
    return mask


def articles_matching(ds: Dataset, folded_words: list[str]) -> np.ndarray:
    """Boolean article mask: the folded text holds the words in sequence, whitespace between,
    each possibly inside a longer word. Arrow's RE2 over the whole column (on ANT ~85 ms, a
    third of its plain substring search)."""
    pattern = r"\s+".join(re.escape(w) for w in folded_words)
    column = ds.text_column("text_normalized")
    return pc.match_substring_regex(column, pattern).fill_null(False).to_numpy(zero_copy_only=False)


def keyword_candidates(ds: Dataset, query: str, derived: bool = False) -> np.ndarray:
    """Boolean article mask that holds every article matching the keyword, cheaply: exact for one
    word the vocabulary knows; for a phrase or an unknown word (a stopword, a number), the
    articles with its known words whose folded text holds the words in sequence (the last one
    cut to its shortest stem when derived forms count). ``keyword_articles`` confirms by regex."""
    words = query_words(query)
    n = len(ds.ix.article_ids)
    if not words:
        return np.ones(n, dtype=bool)
    if len(words) == 1:
        codes = word_terms(ds, words[0], derived)
        if len(codes):
            key = ("word_articles", words[0], derived)
            return _per_query(ds, key, lambda: articles_with_terms(ds, codes)).copy()

    def compute() -> np.ndarray:
        mask = np.ones(n, dtype=bool)
        for i, w in enumerate(words):
            codes = word_terms(ds, w, derived and i == len(words) - 1)
            if len(codes):  # stopwords are not terms: such a word is checked by the text only
                mask &= articles_with_terms(ds, codes)
        last = min(_stems(words[-1]), key=len) if derived else words[-1]
        return mask & articles_matching(ds, words[:-1] + [last])

    return _per_query(ds, ("keyword_candidates", tuple(words), derived), compute).copy()


def _alternatives(folded: list[str]) -> str:
    return "|".join(original_pattern(f) for f in sorted(set(folded), key=lambda s: (-len(s), s)))


@lru_cache(maxsize=256)
def keyword_regex(query: str, derived: bool = False, cores: tuple[str, ...] | None = None) -> re.Pattern | None:
    """Regex over *original* text: optional proclitic (group ``pre``), then the match (group ``m``):
    the query, its enclitic forms and, if derived, its nisba forms. Word-bounded on both sides.
    ``cores`` replaces the folded words of the query (e.g. with their clitic-free keys).
    Built as nested optional groups, not a cross product of forms, so it compiles fast."""
    words = list(cores) if cores else query_words(query)
    if not words:
        return None
    *head, last = words
    # Diacritics or tatweel may close a word (الولاياتِ المتحدة, ترامبـ،): allowed before the
    # space and before the boundary, outside the match itself.
    head_pat = "".join(original_pattern(w) + _IGNORABLE + r"\s+" for w in head)
    enclitic = f"(?:{_IGNORABLE}(?:{_alternatives(list(ENCLITICS))}))?"
    forms = [original_pattern(last) + enclitic]
    if derived:
        nisba = _alternatives(list(NISBA_SUFFIXES))
        forms += [original_pattern(stem) + f"{_IGNORABLE}(?:{nisba})" + enclitic for stem in _stems(last)]
    proclitic = _alternatives(list(_PROCLITICS))
    pattern = (rf"(?<![^\W_])(?P<pre>{proclitic}){'?'}{_IGNORABLE}"
               rf"(?P<m>{head_pat}(?:{'|'.join(forms)})){_IGNORABLE}(?![^\W_])")
    return re.compile(pattern)


def keyword_articles(ds: Dataset, query: str, derived: bool = False) -> np.ndarray:
    """Boolean article mask for a keyword: by vocabulary for one word; for a phrase or a word the
    vocabulary lacks, the candidates confirmed by the phrase regex over their text."""
    words = query_words(query)
    if not words or (len(words) == 1 and len(word_terms(ds, words[0], derived))):
        return keyword_candidates(ds, query, derived)

    def compute() -> np.ndarray:
        # Candidates: the articles holding every word the vocabulary knows (stopwords are no
        # terms); the exact match is then checked on those texts only.
        mask = np.ones(len(ds.ix.article_ids), dtype=bool)
        for i, w in enumerate(words):
            codes = word_terms(ds, w, derived and i == len(words) - 1)
            if len(codes):
                mask &= articles_with_terms(ds, codes)
        out = np.zeros_like(mask)
        codes = np.flatnonzero(mask)
        if len(codes):
            # keyword_regex's match, written for RE2 over the folded text (no diacritics or
            # tatweel left there): Arrow runs it without the GIL, where a Python loop over each
            # candidate's original text took 3-4 s for "الولايات المتحدة" on ANT.
            column = ds.text_column("text_normalized").take(pa.array(codes))
            hit = pc.match_substring_regex(column, folded_regex(words, derived))
            out[codes] = hit.fill_null(False).to_numpy(zero_copy_only=False)
        return out

    return _per_query(ds, ("keyword_articles", tuple(words), derived), compute).copy()


_PROCLITICS = ("و", "ف", "ب", "ك", "ل", "لل", "ال", "بال", "كال", "وال", "فال", "وب", "وك", "ول", "ولل",
               "فب", "فل", "فلل", "وبال", "وكال", "فبال")


def folded_regex(words: list[str], derived: bool = False) -> str:
    """``keyword_regex`` for folded text, in RE2 syntax (no lookbehind: the boundary before is
    the start or a non-word character): optional proclitic, the words with whitespace between,
    enclitics and, if derived, nisba endings on the last."""
    *head, last = words
    alt = lambda forms: "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))  # noqa: E731
    enclitic = f"(?:{alt(ENCLITICS)})?"
    forms = [re.escape(last) + enclitic]
    if derived:
        forms += [re.escape(stem) + f"(?:{alt(NISBA_SUFFIXES)})" + enclitic for stem in _stems(last)]
    body = "".join(re.escape(w) + r"[\s\p{Z}]+" for w in head) + f"(?:{'|'.join(forms)})"
    # [^\p{L}\p{N}]: not a letter or digit, as Python's (?<![^\W_]) in keyword_regex (there is no
    # diacritic left in folded text to tell them apart).
    return rf"(?:^|[^\p{{L}}\p{{N}}])(?:{alt(_PROCLITICS)})?{body}(?:$|[^\p{{L}}\p{{N}}])"
