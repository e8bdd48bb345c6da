"""The proclitic inventory every matcher builds on."""

from __future__ import annotations

import re

import pytest

from dashboard.text.clitics import ARTICLE_PATTERN, PREFIXES, peel, possessive_forms
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


def test_peel_gives_every_prefix_reading_in_prefix_order():
    """peel looks prefixes up by length: the same readings, in the same order, as trying every
    prefix of PREFIXES in turn (every prefix and a few stems, every min_stem)."""
    def reference(form: str, min_stem: int) -> list[str]:
        return [form] + [form[len(p):] for p in PREFIXES
                         if form.startswith(p) and len(form) - len(p) >= min_stem]

    stems = ["", "ا", "ل", "لا", "بنك", "الانتخابات", "لله", "وزير", "ميرزيوئيف", "abc"]
    forms = [p + s for p in ["", *PREFIXES] for s in stems] + ["", "x", "و"]
    for form in forms:
        for min_stem in (1, 2, 3, 6):
            assert peel(form, min_stem) == reference(form, min_stem), (form, min_stem)


@pytest.mark.parametrize(("phrase", "forms"), [
    ("الحملة الانتخابية", ["حملته الانتخابية", "حملتها الانتخابية", "حملتهم الانتخابية"]),
    ("الناخبين", ["ناخبيه", "ناخبيها", "ناخبيهم"]),   # a sound plural drops its ن
    ("المقترعون", ["مقترعوه", "مقترعوها", "مقترعوهم"]),
    ("الرئيسان", []),        # a dual (or a stem ending ان: الإعلان) is left out
    ("مرشح*", []),           # any ending already
    ("على هامش", []),        # no definite noun first
])
def test_possessive_forms_of_a_definite_noun(phrase, forms):
    assert possessive_forms(phrase) == forms


def test_peel_gives_a_new_list_each_call():
    """peel's readings are memoised: a caller extending its list must not change the next answer
    (entities' _article_readings appends the ل + ال readings)."""
    first = peel(fold("للعالم"), 2)
    first.append("zzz")
    assert "zzz" not in peel(fold("للعالم"), 2)
    assert peel(fold("للعالم"), 2) == [fold("للعالم"), fold("عالم"), fold("لعالم")]
