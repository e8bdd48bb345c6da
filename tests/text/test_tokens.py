"""Tokens of normalised text."""

from __future__ import annotations

import pytest

from dashboard.paths import SEEDS_DIR
from dashboard.text.normalize import fold, normalize
from dashboard.text.tokens import tokenize


def tokens(text: str) -> list[str]:
    norm = fold(text)
    return [norm[s:e] for s, e in tokenize(norm)]


@pytest.mark.parametrize(("text", "expected"), [
    # Seed 002: a hyphenated event name is one token.
    ("التصريحات الأخيرة للرئيس توكاييف في SPIEF-2022 ،",
     ["التصريحات", "الاخيره", "للرئيس", "توكاييف", "في", "spief-2022"]),
    # Seed 001: decimals and the dateline's 27/10.
    ("لتصل إلى 9.2 مليار دولار", ["لتصل", "الي", "9.2", "مليار", "دولار"]),
    ("(27/10 – 49.00).", ["27", "10", "49.00"]),
    ("covid-19 وكوفيد-19", ["covid-19", "وكوفيد-19"]),  # the clitic is for terms to resolve
    ("بلغ 1,000,000 دولار", ["بلغ", "1,000,000", "دولار"]),
    # A conjunction glued to a number or Latin word comes off, so the number stays whole.
    ("و2022 و49.00 وSPIEF", ["و", "2022", "و", "49.00", "و", "spief"]),
    ("near the mayor's office", ["near", "the", "mayor's", "office"]),
    ("#صلاح_السعدني", ["صلاح", "السعدني"]),
    ("بوتين - توكاييف", ["بوتين", "توكاييف"]),
    ("الحرب.وقال", ["الحرب", "وقال"]),
    ("--- ... ، ؟ !! «» ()", []),
])
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_seed_tokens_are_words_or_numbers_and_map_back() -> None:
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        text = path.read_text("utf-8")
        norm = normalize(text)
        spans = tokenize(norm.text)
        assert spans == sorted(spans)
        for s, e in spans:
            token = norm.text[s:e]
            assert any(c.isalnum() for c in token)
            assert token[0].isalnum() and token[-1].isalnum()
            a, b = norm.to_original(s, e)
            assert fold(text[a:b]) == token
