"""Stopwords: the lexicon and the curated extras, folded like the text."""

from __future__ import annotations

import pytest

from dashboard.text.normalize import fold
from dashboard.text.stopwords import build_stopwords


@pytest.fixture(scope="module")
def stop(catalogues) -> frozenset[str]:
    return catalogues.stopwords


@pytest.mark.parametrize("word", [
    "في", "إلى", "الى", "على", "وفي", "بأن", "بان", "والتي",   # every hamza spelling, clitic forms
    "وقال", "قالت", "وأضاف", "خلال", "اليوم", "كانت",           # news boilerplate (extras)
])
def test_stopwords(stop, word: str) -> None:
    assert fold(word) in stop


@pytest.mark.parametrize("word", [
    "روسيا", "كازاخستان", "توكاييف", "الحرب", "ديمقراطية", "لبنان",
    "أمن", "ولاية", "أوبك",   # listed by the lexicon in another reading; folding merges them
])
def test_content_words_are_not_stopwords(stop, word: str) -> None:
    assert fold(word) not in stop


def test_extra_list_is_clean(catalogues) -> None:
    words = catalogues.raw["stopwords_extra"]
    assert words and len(words) == len(set(words))
    assert all(" " not in w and "#" not in w for w in words)


def test_initials_and_a_detached_article_are_not_content_words(stop):
    # seen as top "terms" of ANT: سي (بي بي سي), إس (إس-400), ال (ال ـ), آل (آل سعود)
    for word in ("سي", "إس", "دي", "ال", "آل"):
        assert fold(word) in stop, word
    for word in ("روسيا", "ترامب", "حد"):
        assert fold(word) not in stop, word


def test_extra_words_are_added_and_minus_lines_removed() -> None:
    assert fold("موسكو") in build_stopwords(["موسكو"], [])
    assert fold("في") not in build_stopwords(["-في"], [])
    assert fold("إف") in build_stopwords([], ["إف"])
