"""Curated one-word-per-line lists under data/catalogues (stopword extras, letter names)."""

from __future__ import annotations

from pathlib import Path


def read_word_list(path: Path) -> list[str]:
    """Words of a one-per-line list, in file order; blank lines and ``#`` comments skipped."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words
