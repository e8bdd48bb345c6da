"""Stopwords: the arabic-stopwords lexicon (13,465 forms, clitic forms included) plus the curated
news boilerplate of the catalogue folder's ``stopwords_extra.txt`` and its Latin letter names
(``latin_letter_names_ar.txt``: سي in بي بي سي, إس in إس-400 are initials, not content words),
all folded exactly as text is folded. ``Catalogues.stopwords`` is the set a build uses.

The lexicon is hamza-sensitive (إلى is listed, الى is not); folding both sides makes a check on a
folded token see every spelling. Side effect worth knowing: علي (Ali) folds onto على.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from arabicstopwords.arabicstopwords import stopwords_list

from dashboard.text.normalize import fold


@lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """The arabic-stopwords lexicon, folded (library data: read once per process)."""
    return frozenset(fold(w) for w in stopwords_list())


def build_stopwords(extra: Iterable[str], letter_names: Iterable[str]) -> frozenset[str]:
    """Every stopword, folded: the lexicon plus the extra words and Latin letter names, minus the
    extra list's ``-word`` lines (content words the lexicon lists in another reading that folding
    merges with them)."""
    extra = list(extra)
    added = {fold(w) for w in extra if not w.startswith("-")} | {fold(w) for w in letter_names}
    removed = {fold(w[1:]) for w in extra if w.startswith("-")}
    return frozenset((lexicon() | added) - removed)
