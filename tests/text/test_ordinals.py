"""Arabic ordinal words composed from their parts (dates' days and event series' rounds share it)."""

from dashboard.text.normalize import squeeze_spaces
from dashboard.text.ordinals import ordinal_words


def f(word: str) -> str:  # keys are folded, as the scans that look them up fold
    return squeeze_spaces(word)


UNITS = [["الأول", "الأولى", "الحادي", "الحادية"], ["الثاني", "الثانية"], ["الثالث", "الثالثة"]]


def test_units_teens_and_tens_of_both_genders():
    words = ordinal_words(UNITS, ["العاشر", "العاشرة"], ["عشر", "عشرة"], {20: ["العشرون", "العشرين"]})
    assert words[f("الأولى")] == 1 and words[f("الثالثة")] == 3 and words[f("العاشرة")] == 10
    assert words[f("الثالثة عشرة")] == 13 and words[f("الحادي عشر")] == 11
    assert words[f("العشرون")] == 20 and words[f("الحادية والعشرين")] == 21
    # the compound form of one is never a word alone, and the plain form of one never in a compound
    assert f("الحادي") not in words and f("الأول عشر") not in words


def test_the_limit_drops_larger_numbers():
    words = ordinal_words(UNITS, "العاشر", "عشر", {20: "العشرين", 30: "الثلاثين"}, limit=31)
    assert words[f("الحادي والثلاثين")] == 31
    assert f("الثاني والثلاثين") not in words and max(words.values()) == 31
