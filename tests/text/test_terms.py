"""Clitic-aware terms: per-article form counts and their corpus-level resolution."""

from __future__ import annotations

import random

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.paths import SEEDS_DIR
from dashboard.text.document import Doc
from dashboard.text.normalize import fold, normalize
from dashboard.text.terms import article_form_counts, display_text, resolve_terms

SEED_DOCS = [Doc.from_text(p.name[:3], p.read_text("utf-8")) for p in sorted(SEEDS_DIR.glob("*.txt"))]
# Sentences written for these tests, in the seeds' style, for forms the seeds do not have.
EXTRA_DOCS = [
    Doc.from_text("x1", "زار الوفد لبنان ثم عاد إلى بيروت. وقال إن لبنان يحتاج إلى دعم "
                        "للولايات المتحدة وللحرب نهاية. حرب طويلة."),
    Doc.from_text("x2", "أعلن بنك الكويت الوطني عن أرباحه. وزير الخارجية التقى بوتين في موسكو، "
                        "وبوتين رحب بالوزير وبفرنسا."),
    Doc.from_text("x3", "صدرت الحكومة الهند قرارا، والتقت هند بالوفد، وهند صحفية من لبنان."),
    Doc.from_text("x4", "أطلقوا الرصاص فقتل بالرصاص وأصيب آخر بالرصاص، رصاص حي. فاز بكأس ثم "
                        "الدوري كأس أخرى، لوكاس لاعب ولوكاس مدافع. في أمل كبير وأمل، بشكل كامل."),
]


@pytest.fixture(scope="module")
def stop(catalogues) -> frozenset[str]:
    return catalogues.stopwords


def corpus_counts(stop, docs=SEED_DOCS + EXTRA_DOCS) -> dict:
    return {d.article_id: article_form_counts(d, stop) for d in docs}


@pytest.fixture(scope="module")
def resolved(stop):
    return resolve_terms(corpus_counts(stop), stop)


def vocab_row(vocabulary: pd.DataFrame, written: str) -> pd.Series:
    """The vocabulary row whose merged forms include ``written``."""
    rows = vocabulary[vocabulary["forms"].str.split("|").apply(lambda fs: written in fs)]
    assert len(rows) == 1, (written, rows)
    return rows.iloc[0]


def test_article_form_counts_keep_the_spelling_and_drop_stopwords_and_numbers(stop) -> None:
    doc = Doc.from_text("a", "قالَ الرئيسُ إن أستانا وأستـانا واستانا في 2022 و9.2 ﻷوكرانيا.")
    counts = article_form_counts(doc, stop)
    assert counts[("استانا", "أستانا")] == 1
    assert counts[("واستانا", "وأستانا")] == 1       # tatweel gone, hamza kept
    assert counts[("واستانا", "واستانا")] == 1
    assert counts[("الرئيس", "الرئيس")] == 1          # diacritics gone
    assert counts[("لاوكرانيا", "لأوكرانيا")] == 1    # ligature resolved, hamza kept
    forms = {form for form, _ in counts}
    assert not forms & {"في", "ان", "2022", "9.2", "قال", "و"}


def test_display_text_lines_up_with_the_normalised_text() -> None:
    for doc in SEED_DOCS + EXTRA_DOCS:
        shown = display_text(doc.text)
        assert len(shown) == len(doc.norm.text)
        assert fold(shown) == doc.norm.text
    assert display_text("الاستثـمارات الصـينية ﻷن") == "الاستثمارات الصينية لأن"


def test_proclitics_on_a_name_merge_into_it(resolved) -> None:
    _, vocabulary = resolved
    row = vocab_row(vocabulary, "روسيا")
    assert row["term"] == "روسيا"
    assert {"لروسيا", "وروسيا"} <= set(row["forms"].split("|"))   # seeds 001, 002
    assert vocab_row(vocabulary, "لكازاخستان")["term"] == "كازاخستان"


def test_words_that_merely_begin_with_a_clitic_letter_stay_whole(resolved) -> None:
    _, vocabulary = resolved
    for word in ("لبنان", "بوتين", "وزير", "كازاخستان", "فرنسا", "بنك"):
        assert vocab_row(vocabulary, word)["term"] == word
    assert vocab_row(vocabulary, "وبوتين")["term"] == "بوتين"
    assert vocab_row(vocabulary, "وبفرنسا")["term"] == "فرنسا"


def test_clitics_stack_only_in_arabic_order(resolved) -> None:
    """و+ل+وكاس is not a reading (a conjunction never follows a preposition); ك before a
    three-letter remainder is not trusted (كامل is not ك + أمل)."""
    _, vocabulary = resolved
    assert vocab_row(vocabulary, "ولوكاس")["term"] == "لوكاس"
    assert vocab_row(vocabulary, "كامل")["term"] == "كامل"


def test_a_letter_before_the_article_is_a_clitic(resolved) -> None:
    _, vocabulary = resolved
    row = vocab_row(vocabulary, "بالرصاص")   # commoner than الرصاص, still ب + ال
    assert row["term"] == "رصاص"
    assert {"الرصاص", "رصاص"} <= set(row["forms"].split("|"))


def test_article_merges_definite_and_bare_forms(resolved) -> None:
    _, vocabulary = resolved
    row = vocab_row(vocabulary, "الحرب")
    assert row["term"] == "حرب" and row["term_key"] == "حرب"
    assert {"الحرب", "للحرب", "وللحرب", "حرب"} <= set(row["forms"].split("|"))


def test_lam_lam_stands_for_the_article(resolved) -> None:
    _, vocabulary = resolved
    assert vocab_row(vocabulary, "للولايات")["term_key"] == vocab_row(vocabulary, "الولايات")["term_key"]


def test_display_form_keeps_hamza_and_ta_marbuta(resolved) -> None:
    _, vocabulary = resolved
    row = vocab_row(vocabulary, "الديمقراطية")
    assert row["term"] == "ديمقراطية" and row["term_key"] == "ديمقراطيه"
    assert vocab_row(vocabulary, "أوكرانيا")["term"] == "أوكرانيا"


def test_stopwords_and_numbers_are_not_terms(resolved) -> None:
    terms, vocabulary = resolved
    for word in ("في", "وفي", "بأن", "إن", "قال", "وقال", "2022", "9.2"):
        assert fold(word) not in set(vocabulary["term_key"])
        assert word not in set(terms["term"])


def test_known_keys_protect_a_name_and_back_a_remainder(stop) -> None:
    counts = corpus_counts(stop, EXTRA_DOCS)
    _, plain = resolve_terms(counts, stop)
    assert vocab_row(plain, "الهند")["term_key"] == "هند"    # هند is attested on its own
    _, known = resolve_terms(counts, stop, known_keys=[fold("الهند"), fold("نور سلطان")])
    assert vocab_row(known, "الهند")["term_key"] == "الهند"
    assert vocab_row(known, "وهند")["term_key"] == "هند"
    # Known in both forms: one term.
    _, both = resolve_terms(counts, stop, known_keys=[fold("الهند"), fold("هند")])
    assert vocab_row(both, "الهند")["term_key"] == "هند"


def test_terms_and_vocabulary_agree(resolved) -> None:
    terms, vocabulary = resolved
    assert list(terms.columns) == ["article_id", "term", "count"]
    assert list(vocabulary.columns) == ["term", "term_key", "count", "n_articles", "forms"]
    assert vocabulary["term"].is_unique and vocabulary["term_key"].is_unique
    by_term = terms.groupby("term")["count"].sum()
    assert (vocabulary.set_index("term")["count"] == by_term.reindex(vocabulary["term"])).all()
    assert (vocabulary.set_index("term")["n_articles"]
            == terms.groupby("term").size().reindex(vocabulary["term"])).all()
    assert not terms.duplicated(["article_id", "term"]).any()
    assert (vocabulary["forms"].str.count(r"\|") < 10).all()
    kz = terms[terms["term"] == "كازاخستان"].set_index("article_id")["count"]
    assert set(kz.index) == {"000", "001", "002", "003", "004"}


def test_resolution_ignores_input_order(resolved, stop) -> None:
    terms, vocabulary = resolved
    rows = [{"article_id": aid, "form": f, "spelling": s, "count": n}
            for aid, counts in corpus_counts(stop).items() for (f, s), n in counts.items()]
    random.Random(7).shuffle(rows)
    shuffled_terms, shuffled_vocabulary = resolve_terms(pd.DataFrame(rows), stop)
    pd.testing.assert_frame_equal(shuffled_terms, terms)
    pd.testing.assert_frame_equal(shuffled_vocabulary, vocabulary)


def test_empty_corpus() -> None:
    terms, vocabulary = resolve_terms({}, frozenset())
    assert terms.empty and vocabulary.empty
    assert list(vocabulary.columns) == ["term", "term_key", "count", "n_articles", "forms"]


def test_presentation_forms_count_as_their_letters(stop) -> None:
    doc = Doc.from_text("p", "ﺃﺳﺘﺎﻧﺎ أستانا")
    assert normalize(doc.text).text == "استانا استانا"
    _, vocabulary = resolve_terms({"p": article_form_counts(doc, stop)}, stop)
    assert vocabulary.set_index("term_key").loc["استانا", "count"] == 2


# Letters, marks, presentation forms (some expanding), Persian letters, Latin, digits, punctuation.
ALPHABET = ("ابتلمنوكيءأإآىةئؤ\u064b\u064e\u0650\u0651\u0652ـ\u200c\u200f\ufeff"
            "ﻷﻵﻻﺃﺁﺔﻰﷲﷺکیۀ٠١٢abcXYZé019 \n.,،-")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_display_text_lines_up_on_random_text(text: str) -> None:
    shown = display_text(text)
    assert len(shown) == len(normalize(text).text)
    assert fold(shown) == fold(text)


def test_spelling_variants_are_one_term_with_their_forms_listed(stop) -> None:
    docs = [Doc.from_text("v1", "انهار الاتحاد السوفييتي وتراجع النفوذ السوفياتي. والسياسة الأميركية تغيرت."),
            Doc.from_text("v2", "قال المؤرخ إن الجيش السوفياتي انسحب، وإن الإدارة الأمريكية والأمريكية رحبت."),
            Doc.from_text("v3", "كتب الكاتب كتابا عن السيارة وسيرة صاحبها.")]
    terms, vocab = resolve_terms(corpus_counts(stop, docs), stop)
    by_term = vocab.set_index("term")
    soviet = by_term.loc["السوفياتي"]  # the commoner spelling is shown
    assert soviet["count"] == 3 and set(soviet["forms"].split("|")) == {"السوفياتي", "السوفييتي"}
    american = by_term.loc["الأمريكية"]
    assert american["count"] == 3 and set(american["forms"].split("|")) >= {"الأمريكية", "الأميركية"}
    assert "السوفييتي" not in by_term.index and "الأميركية" not in by_term.index
    # words that merely share their consonants stay apart
    assert len({t for t in by_term.index if t in {"الكاتب", "كاتب", "كتابا", "كتاب"}}) == 2
    assert len({t for t in by_term.index if t in {"السيارة", "سيارة", "سيرة", "وسيرة"}}) == 2
    assert terms.groupby("term")["count"].sum().to_dict()["السوفياتي"] == 3
