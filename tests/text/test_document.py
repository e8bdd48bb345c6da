"""The Doc's per-sentence reading of its one tokenisation, and its publication period."""

from datetime import date

import pytest

from dashboard.text.document import Doc


def test_a_sentences_forms_are_the_docs_tokens_of_that_sentence():
    doc = Doc.from_text("a", "وصل الرئيسُ إلى أستانا في 12 مايو. وقال إن الزيارة ناجحة.\nالعنوان الأخير")
    assert len(doc.sentences) == 3
    # tashkeel folded away, the hamza seat folded: the forms the whole build reads
    assert doc.sentence_forms(0) == ["وصل", "الرئيس", "الي", "استانا", "في", "12", "مايو"]
    assert doc.sentence_forms(1) == ["وقال", "ان", "الزياره", "ناجحه"]
    assert doc.sentence_forms(2) == ["العنوان", "الاخير"]
    # every token belongs to exactly one sentence, in order
    assert [f for sid in range(3) for f in doc.sentence_forms(sid)] == doc.forms


def test_a_sentence_span_in_normalised_offsets_covers_its_tokens():
    doc = Doc.from_text("a", "أَهلاً وسهلاً. مرحباً بكم")
    start, end = doc.norm_sentence(1)
    assert doc.norm.text[start:end].strip() == "مرحبا بكم"
    assert doc.norm_sentence(5) == (0, len(doc.norm.text))  # no such sentence: the whole text


@pytest.mark.parametrize(("precision", "period"), [
    ("day", (date(2021, 2, 14), date(2021, 2, 14))),
    ("month", (date(2021, 2, 1), date(2021, 2, 28))),
    ("year", (date(2021, 1, 1), date(2021, 12, 31))),
])
def test_the_publication_period_covers_the_dates_precision(precision, period):
    assert Doc.from_text("a", "نص", date(2021, 2, 14), precision).publication_period == period


def test_no_publication_date_no_period():
    assert Doc.from_text("a", "نص").publication_period is None
