"""Stopwords: the lexicon and the curated extras, folded like the text."""

from __future__ import annotations

import pytest

from dashboard.text.normalize import fold
from dashboard.text.stopwords import EXTRA_PATH, is_stopword
from dashboard.text.wordlists import read_word_list


@pytest.mark.parametrize("word", [
    "في", "إلى", "الى", "على", "وفي", "بأن", "بان", "والتي",   # every hamza spelling, clitic forms
    "وقال", "قالت", "وأضاف", "خلال", "اليوم", "كانت",           # news boilerplate (extras)
])
def test_stopwords(word: str) -> None:
    assert is_stopword(fold(word))


@pytest.mark.parametrize("word", [
    "روسيا", "كازاخستان", "توكاييف", "الحرب", "ديمقراطية", "لبنان",
    "أمن", "ولاية", "أوبك",   # listed by the lexicon in another reading; folding merges them
])
def test_content_words_are_not_stopwords(word: str) -> None:
    assert not is_stopword(fold(word))


def test_extra_list_is_clean() -> None:
    words = read_word_list(EXTRA_PATH)
    assert words and len(words) == len(set(words))
    assert all(" " not in w and "#" not in w for w in words)


def test_initials_and_a_detached_article_are_not_content_words():
    # seen as top "terms" of ANT: سي (بي بي سي), إس (إس-400), ال (ال ـ), آل (آل سعود)
    for word in ("سي", "إس", "دي", "ال", "آل"):
        assert is_stopword(fold(word)), word
    for word in ("روسيا", "ترامب", "حد"):
        assert not is_stopword(fold(word)), word
