"""Stopwords: the arabic-stopwords lexicon (13,465 forms, clitic forms included) plus the curated
news boilerplate in ``data/catalogues/stopwords_extra.txt``, both folded exactly as text is folded.

The lexicon is hamza-sensitive (إلى is listed, الى is not); folding both sides makes a check on a
folded token see every spelling. Side effect worth knowing: علي (Ali) folds onto على.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from arabicstopwords.arabicstopwords import stopwords_list

from dashboard.paths import CATALOGUE_DIR
from dashboard.text.normalize import fold
from dashboard.text.wordlists import read_word_list

EXTRA_FILE = "stopwords_extra.txt"
EXTRA_PATH = CATALOGUE_DIR / EXTRA_FILE
# Latin letters spelled in Arabic (سي in بي بي سي, إس in إس-400): initials, not content words.
LETTER_NAMES_FILE = "latin_letter_names_ar.txt"


def stopwords(catalogue_dir: Path | str = CATALOGUE_DIR) -> frozenset[str]:
    """Every stopword, folded: the lexicon plus the catalogue folder's extra words and Latin letter
    names, minus the extra file's ``-word`` lines (content words the lexicon lists in another
    reading that folding merges with them). Read again when a file changes (the app rebuilds
    after an analyst's edit without restarting)."""
    folder = Path(catalogue_dir)
    stamps = tuple(_mtime(folder / name) for name in (EXTRA_FILE, LETTER_NAMES_FILE))
    return _stopwords(folder, stamps)


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


@lru_cache(maxsize=4)
def _stopwords(folder: Path, _stamps: tuple[int, ...]) -> frozenset[str]:
    # Both lists are optional in a catalogue folder: without them, the lexicon alone.
    extra, letters = (read_word_list(folder / name) if (folder / name).exists() else []
                      for name in (EXTRA_FILE, LETTER_NAMES_FILE))
    added = {fold(w) for w in extra if not w.startswith("-")} | {fold(w) for w in letters}
    removed = {fold(w[1:]) for w in extra if w.startswith("-")}
    return frozenset(({fold(w) for w in stopwords_list()} | added) - removed)


def is_stopword(folded_form: str, catalogue_dir: Path | str = CATALOGUE_DIR) -> bool:
    """Whether a folded token form is a stopword."""
    return folded_form in stopwords(catalogue_dir)
