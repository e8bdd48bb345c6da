"""The normaliser: what it folds (on real seed spellings) and the exactness of its offset map."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dashboard.paths import SEEDS_DIR
from dashboard.text.normalize import fold, normalize, original_pattern, squeeze_spaces

SEED_003 = (SEEDS_DIR / "003_66d920fe0e9a548e.txt").read_text("utf-8")


@pytest.mark.parametrize(("written", "folded"), [
    ("أستانا", "استانا"),            # hamza on alef (seed 001's dateline)
    ("إلى", "الي"),                  # hamza below, alef maqsura
    ("آسيا", "اسيا"),                # madda
    ("الديمقراطية", "الديمقراطيه"),   # ta marbuta
    ("کازاخستان", "كازاخستان"),       # Persian kaf in copied text
    ("روسیا", "روسيا"),              # Persian yeh
    ("پزشکیان", "بزشكيان"),          # Persian pe, kaf, yeh (Iran Press, test16 b13)
    ("عراقچی", "عراقجي"),            # Persian che
    ("ژاله گرگان", "جاله كركان"),    # Persian zhe and gaf
    ("ڤلاديمير", "فلاديمير"),        # the Maghrebi and Gulf letter for v
    ("حُكم", "حكم"),                 # damma (seed 000)
    ("صحفيًا", "صحفيا"),             # tanween (seed 000)
    ("الاستثـمارات", "الاستثمارات"),   # tatweel (seed 003)
    ("كازا\u200cخستان", "كازاخستان"),  # zero-width non-joiner
    ("\u200fروسيا\u200e", "روسيا"),   # direction marks
    ("\ufeffموسكو", "موسكو"),         # BOM
    ("ﻷوكرانيا", "لاوكرانيا"),       # lam-alef ligature with hamza: two letters
    ("ﺃﺳﺘﺎﻧﺎ", "استانا"),             # presentation forms
    ("٢٠٢٢", "2022"),                # Arabic-Indic digits
    ("۲۰۲۲", "2022"),                # Persian digits
    ("SPIEF-2022 CICA", "spief-2022 cica"),
])
def test_fold_spelling_variants(written: str, folded: str) -> None:
    assert fold(written) == folded
    assert normalize(written).text == folded


def test_seed_tatweel_maps_back_to_the_written_word() -> None:
    norm = normalize(SEED_003)
    start = norm.text.index("الاستثمارات الصينيه")
    a, b = norm.to_original(start, start + len("الاستثمارات الصينيه"))
    assert SEED_003[a:b] == "الاستثـمارات الصـينية"


def test_span_end_keeps_trailing_diacritics() -> None:
    text = "قالَ رئيسٌ"
    norm = normalize(text)
    assert norm.text == "قال رئيس"
    assert text[slice(*norm.to_original(0, 3))] == "قالَ"
    assert text[slice(*norm.to_original(4, 8))] == "رئيسٌ"


def test_ligature_maps_both_letters_to_the_one_character() -> None:
    text = "ﻷن روسيا"
    norm = normalize(text)
    assert norm.text == "لان روسيا"
    assert norm.to_original(0, 2) == (0, 1)
    assert text[slice(*norm.to_original(4, 9))] == "روسيا"


def test_squeeze_spaces_is_the_key_of_a_multiword_name() -> None:
    assert squeeze_spaces(" نور  سلطان\n") == "نور سلطان"


@pytest.mark.parametrize("written", ["أستانا", "استانا", "أَسْتانا", "آستانا", "أستـانا", "إستانا",
                                     "أس\u200cتانا"])
def test_original_pattern_finds_every_spelling(written: str) -> None:
    text = f"وصل الوفد إلى {written} أمس."
    m = re.search(original_pattern("أستانا"), text)
    assert m is not None and m.group() == written


def test_original_pattern_spaces_match_any_whitespace() -> None:
    m = re.search(original_pattern("نور سلطان"), "العاصمة نور\n سُلطان اليوم")
    assert m is not None and m.group() == "نور\n سُلطان"


def test_original_pattern_does_not_match_other_letters() -> None:
    assert re.search(original_pattern("أستانا"), "استانة ابستانا") is None


# --- Properties of the offset map --------------------------------------------------------------

ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱىةئؤ"      # Arabic letters, hamza seats
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"  # tashkeel, dagger alef
    "ـ"                                            # tatweel
    "\u200b\u200c\u200d\u200e\u200f\u202b\u2067\ufeff\u00ad\u061c"  # invisible and direction marks
    "ﻷﻵﻹﻻﺃﺇﺁﺎﺑﺔﻰﷲ"                                # presentation forms, some expanding
    "کیۀ"                                          # Persian letters
    "٠١٢٣٩۴۵"                                       # Arabic-Indic and Persian digits
    "abcXYZé0123456789"
    " \n\t.,،؛؟!-()«»\"'"
)
texts = st.text(alphabet=ALPHABET, max_size=60)


def _cuts_expansion(norm, s: int, e: int) -> bool:
    """Whether [s, e) splits the letters that one original character expanded to."""
    n = len(norm.text)
    left = 0 < s < n and norm.original_index(s) == norm.original_index(s - 1)
    right = 0 < e < n and norm.original_index(e) == norm.original_index(e - 1)
    return left or right


@settings(max_examples=300, deadline=None)
@given(texts)
@example("ﻷَن")
@example("ـًﷲ")
def test_spans_map_into_the_original_in_order(text: str) -> None:
    norm = normalize(text)
    n = len(norm.text)
    previous = (0, 0)
    for s in range(n + 1):
        a, b = norm.to_original(s, n)
        assert 0 <= a <= b <= len(text)
        assert a >= previous[0]
        previous = (a, b)
    for e in range(n + 1):
        a, b = norm.to_original(0, e)
        assert 0 <= a <= b <= len(text)


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
@example("ﻷَن روسيا", None)
def test_uncut_spans_fold_back_to_the_normalised_text(text: str, data) -> None:
    norm = normalize(text)
    n = len(norm.text)
    spans = [(s, e) for s in range(n + 1) for e in range(s, n + 1)]
    if data is not None and len(spans) > 40:
        spans = data.draw(st.lists(st.sampled_from(spans), min_size=40, max_size=40))
    for s, e in spans:
        if _cuts_expansion(norm, s, e):
            continue
        a, b = norm.to_original(s, e)
        assert fold(text[a:b]) == norm.text[s:e], (s, e, a, b)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalize_and_fold_agree(text: str) -> None:
    assert normalize(text).text == fold(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once


def test_precomputed_tables_are_what_the_rules_build() -> None:
    """normalize_tables.json (loaded at import instead of a pass over the BMP) equals a fresh
    build; if not, regenerate it: python -m dashboard.text.normalize."""
    import json

    import numpy as np

    from dashboard.text import normalize as module

    one_to_one, expansions, kinds = module._build_tables()
    assert json.loads(module.TABLES_FILE.read_text("utf-8")) == module._tables_document(one_to_one, expansions)
    assert module._ONE_TO_ONE == one_to_one and module._EXPANSIONS == expansions
    assert np.array_equal(module._KINDS, kinds)


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
@example("ﻷَن روسيا", None)
def test_original_spans_map_to_what_they_fold_to(text: str, data) -> None:
    """from_original: the folded text of any original span, read from the article's normalised
    text (what the build keys sentences with), is that span folded alone."""
    norm = normalize(text)
    n = len(text)
    spans = [(a, b) for a in range(n + 1) for b in range(a, n + 1)]
    if data is not None and len(spans) > 40:
        spans = data.draw(st.lists(st.sampled_from(spans), min_size=40, max_size=40))
    starts, ends = norm.from_original([a for a, _ in spans], [b for _, b in spans])
    for (a, b), s, e in zip(spans, starts, ends):
        assert norm.text[s:e] == fold(text[a:b]), (a, b, s, e)


def test_every_character_folds_as_fold_does() -> None:
    """normalize() folds by an array over all code points (built from the folding table at
    import): each character's fold must be fold()'s, on the path where marks are removed and on
    the one where nothing is (a ligature that expands takes a third path, tested above)."""
    from dashboard.text import normalize as module

    kinds = module._KINDS
    no_expansion = "".join(chr(cp) for cp in range(0x110000) if kinds[cp] != module.KIND_EXPAND)
    assert normalize(no_expansion).text == fold(no_expansion)
    kept = "".join(chr(cp) for cp in range(0x110000) if kinds[cp] == module.KIND_KEEP)
    assert normalize(kept).text == fold(kept)
    assert normalize("\ud800أ\udfffة").text == "\ud800ا\udfffه"  # lone surrogates pass through


@pytest.mark.parametrize("text", ["قاسمُ جومارت توكاييف", "الكازاخـــي مُسْتَقِلّة", "plain text", "بوتين"])
def test_to_original_many_maps_each_span_as_to_original(text):
    """Many tokens' spans at once, diacritics and tatweel inside and at the end of the text."""
    import numpy as np

    n = normalize(text)
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", n.text)]
    starts, ends = n.to_original_many(np.array([s for s, _ in spans]), np.array([e for _, e in spans]))
    assert list(zip(starts.tolist(), ends.tolist())) == [n.to_original(s, e) for s, e in spans]


def test_strip_marks_removes_what_normalize_removes_and_keeps_the_letters_as_written():
    from dashboard.text.normalize import strip_marks

    assert strip_marks("عَلَى") == "على"  # the preposition stays على: fold would make it علي (Ali)
    assert strip_marks("أمـــام\u200f") == "أمام"
    for word in ("وحُكِمَ", "الإِمَارَات", "قـــمّة"):
        assert fold(strip_marks(word)) == fold(word)
