"""Stopwords: the arabic-stopwords lexicon (13,465 forms, clitic forms included) plus the curated
news boilerplate in ``data/catalogues/stopwords_extra.txt``, both folded exactly as text is folded.

The lexicon is hamza-sensitive (إلى is listed, الى is not); folding both sides makes a check on a
folded token see every spelling. Side effect worth knowing: علي (Ali) folds onto على.
"""

from __future__ import annotations

from functools import lru_cache

from arabicstopwords.arabicstopwords import stopwords_list

from dashboard.paths import CATALOGUE_DIR
from dashboard.text.normalize import fold
from dashboard.text.wordlists import read_word_list

EXTRA_PATH = CATALOGUE_DIR / "stopwords_extra.txt"
# Latin letters spelled in Arabic (سي in بي بي سي, إس in إس-400): initials, not content words.
LETTER_NAMES_PATH = CATALOGUE_DIR / "latin_letter_names_ar.txt"


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Every stopword, folded: the lexicon plus the extra words and Latin letter names, minus the
    extra file's ``-word`` lines (content words the lexicon lists in another reading that folding
    merges with them)."""
    extra = read_word_list(EXTRA_PATH)
    added = {fold(w) for w in extra if not w.startswith("-")}
    added |= {fold(w) for w in read_word_list(LETTER_NAMES_PATH)}
    removed = {fold(w[1:]) for w in extra if w.startswith("-")}
    return frozenset(({fold(w) for w in stopwords_list()} | added) - removed)


def is_stopword(folded_form: str) -> bool:
    """Whether a folded token form is a stopword."""
    return folded_form in stopwords()
