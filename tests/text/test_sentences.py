"""Sentence splitting on the seeds and on the cases a reader would object to."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.catalogues import FILES, read_word_list
from dashboard.paths import CATALOGUE_DIR, SEEDS_DIR
from dashboard.text.normalize import fold
from dashboard.text.sentences import split_sentences

SEEDS = {p.name[:3]: p.read_text("utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))}
# The shipped Latin letter names (what Catalogues.latin_letter_names holds), read cheaply.
_LETTERS_FILE = FILES["latin_letter_names"].path
LETTERS = frozenset(fold(w) for w in read_word_list(_LETTERS_FILE, (CATALOGUE_DIR / _LETTERS_FILE).read_bytes()))


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, LETTERS)]


def seed_sentences(seed: str) -> list[str]:
    return sentences(SEEDS[seed])


def test_seed_001_title_and_dateline_are_sentences_of_their_own() -> None:
    first = seed_sentences("001")[:3]
    assert first[0] == "الديمقراطية في آسيا الوسطى في طور التكوين"
    assert first[1] == "أستانا ، برلين ، بروكسل (27/10 – 49.00)."
    assert first[2].startswith("في مؤتمر القمة الأخير") and first[2].endswith("إلى الاحترام.")


def test_decimals_do_not_end_sentences() -> None:
    found = [s for s in seed_sentences("001") if "9.2 مليار" in s]
    assert len(found) == 1 and found[0].startswith("بين يناير ومايو")
    assert found[0].endswith("لتصل إلى 9.2 مليار دولار.")


def test_a_full_stop_after_a_number_ends_the_sentence() -> None:
    found = seed_sentences("002")
    assert any(s.endswith("ومحاولة Belomaidan عام 2020.") for s in found)
    assert any(s.startswith("ثم لجأ توكاييف نفسه إلى موسكو") for s in found)


def test_opening_quote_of_the_next_line_is_not_swallowed() -> None:
    found = seed_sentences("002")
    assert any(s.endswith("بين موسكو ونور سلطان بشكل ملحوظ.") for s in found)
    assert '"ميثاق بوتين - توكاييف"؟' in found


def test_closing_quote_stays_with_its_sentence() -> None:
    found = seed_sentences("004")
    assert any(s.endswith('على مدار السنوات الماضية".') for s in found)
    assert sentences('قال "نعم." ثم مضى') == ['قال "نعم."', "ثم مضى"]
    assert sentences("قال «انتهى!» ثم مضى") == ["قال «انتهى!»", "ثم مضى"]
    # Seed 004: a question mark, the closing quote, then a full stop.
    assert any(s.endswith('من يدافع عن الشعب؟".') for s in found)


def test_letterless_leftover_joins_its_sentence() -> None:
    """Seed 000 has a misplaced full stop: "(بموجب المادة). 488)." is not two sentences."""
    found = seed_sentences("000")
    assert not any(s == "488)." for s in found)
    assert any(s.endswith("(بموجب المادة). 488).") for s in found)


def test_headings_without_punctuation_are_sentences() -> None:
    found = seed_sentences("003")
    for heading in ("انتخابات برلمانية", "مرحلة جديدة", "الاستقرار الداخلي"):
        assert heading in found


def test_double_dot_title_separator_splits() -> None:
    assert seed_sentences("004")[:2] == ["أميركا أول دولة اعترفت باستقلالها..",
                                         "لماذا تمثل كازاخستان معضلة لواشنطن؟"]


@pytest.mark.parametrize(("text", "expected"), [
    ("مدير مكتب التحقيقات الفدرالي (إف. بي. آي) جيمس كومي. ثم غادر",
     ["مدير مكتب التحقيقات الفدرالي (إف. بي. آي) جيمس كومي.", "ثم غادر"]),
    ("قالت شبكة بي. بي. سي إن الوفد وصل. وأضافت",
     ["قالت شبكة بي. بي. سي إن الوفد وصل.", "وأضافت"]),
    ("مستشار الأمن القومي إتش. أر. ماكماستر عقب لقائه. ثم", ["مستشار الأمن القومي إتش. أر. ماكماستر عقب لقائه.", "ثم"]),
    ("قال د. أحمد إن the U.S. officials met. ثم", ["قال د. أحمد إن the U.S. officials met.", "ثم"]),
    ("ألصقوه بي. الناس قالوا", ["ألصقوه بي.", "الناس قالوا"]),
    # Letter names spaced from their dots (a Soyuz rocket's and capsule's names; ANT's "بي . إن.")
    ("تثبيت الصاروخ “سويوز أف . جي”، الذي سيحمل “مركبة سويوز إم . اس 15” على المنصة. ثم",
     ["تثبيت الصاروخ “سويوز أف . جي”، الذي سيحمل “مركبة سويوز إم . اس 15” على المنصة.", "ثم"]),
    ('منع قنوات "بي . إن. سبورت" من البث. ثم', ['منع قنوات "بي . إن. سبورت" من البث.', "ثم"]),
    ("وصلت الرسالة إلى سي . وعاد", ["وصلت الرسالة إلى سي .", "وعاد"]),  # no letter name after
    ("تأسست عام 1991 م. وقال", ["تأسست عام 1991 م.", "وقال"]),
    ("انظر aljazeera.net الآن. نعم", ["انظر aljazeera.net الآن.", "نعم"]),
    ("قال: (...) ثم ذهب. وعاد", ["قال: (...) ثم ذهب.", "وعاد"]),
    ("ليست (..) سوى تدهور. ثم", ["ليست (..) سوى تدهور.", "ثم"]),
    ("مكافأة لحزب النهضة...الذي بحث. ثم", ["مكافأة لحزب النهضة...الذي بحث.", "ثم"]),
    ("الحرب.وقال الوزير", ["الحرب.", "وقال الوزير"]),
    ("هل انتهت؟! لا", ["هل انتهت؟!", "لا"]),
    ("1. النقطة الأولى\n2. الثانية", ["1. النقطة الأولى", "2. الثانية"]),
    ("التاريخ 27.10.2022 معروف. ثم", ["التاريخ 27.10.2022 معروف.", "ثم"]),
    ("بلغ ٩.٢ مليار. ثم", ["بلغ ٩.٢ مليار.", "ثم"]),   # Arabic-Indic digits, unnormalised
])
def test_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spelled_initials_need_the_catalogue_letter_names() -> None:
    text = "مدير مكتب التحقيقات الفدرالي (إف. بي. آي) جيمس كومي. ثم غادر"
    assert len(split_sentences(text, LETTERS)) == 2
    assert len(split_sentences(text)) > 2  # without the catalogue's list, every dot ends a sentence


@pytest.mark.parametrize("text", ["", "   \n\n ", "...", "—"])
def test_no_sentence_without_content(text: str) -> None:
    assert split_sentences(text) == []


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_spans_are_trimmed_sorted_disjoint_and_hold_a_letter(seed: str) -> None:
    text = SEEDS[seed]
    spans = split_sentences(text)
    assert spans
    for (s, e), nxt in zip(spans, spans[1:] + [(len(text), len(text))]):
        assert 0 <= s < e <= nxt[0]
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert any(c.isalpha() for c in text[s:e])
    # Nothing but whitespace falls between sentences.
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


# Random text from the characters the splitter reacts to: the invariants hold whatever comes.
SPLITTER_ALPHABET = "ابتدرسلمنوكفيةأإىد USabc0123456789.!?؟…۔\"'”»«)(]\n\t،,-"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=SPLITTER_ALPHABET, max_size=80))
def test_spans_invariants_on_random_text(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for s, e in spans:
        assert previous_end <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert any(c.isalnum() for c in text[s:e])
        previous_end = e
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    # Every letter belongs to a sentence.
    assert all(i in covered for i, c in enumerate(text) if c.isalpha())
