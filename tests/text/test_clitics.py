"""The proclitic inventory every matcher builds on."""

from __future__ import annotations

import re

from dashboard.text.clitics import ARTICLE_PATTERN, PREFIXES, peel
from dashboard.text.normalize import fold


def test_prefixes_stack_conjunction_preposition_article_and_contract_lam_al():
    for prefix in ("و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "وبال", "لل", "فلل"):
        assert prefix in PREFIXES, prefix
    assert "بو" not in PREFIXES and "الو" not in PREFIXES  # wrong order is not a proclitic
    assert PREFIXES == sorted(PREFIXES, key=lambda p: (-len(p), p))  # longest first


def test_peel_keeps_the_form_first_and_offers_every_reading():
    assert peel(fold("والانتخابات"))[0] == fold("والانتخابات")
    assert "انتخابات" in peel(fold("والانتخابات"))
    assert fold("امم") in peel(fold("للأمم"))
    assert peel("بنك") == ["بنك", "نك"]  # readings only: deciding is the matcher's job
    assert peel("بن") == ["بن"]  # a remainder under two letters is no word


def test_article_pattern_takes_the_article_with_what_may_precede_it():
    pattern = re.compile(ARTICLE_PATTERN + "دول")
    for written in ("الدول", "بالدول", "كالدول", "للدول"):
        assert pattern.fullmatch(written), written
    assert not pattern.fullmatch("لالدول")  # ل before ال is always written لل
