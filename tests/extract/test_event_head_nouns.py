"""An event of no kind referred to by its name's head noun made definite (dashboard/extract/events.py
``_add_head_nouns``): "فكرة المؤتمر" after a sentence naming "مؤتمر آسيا الوسطى وجنوب آسيا للترابط
الإقليمي". Sentences from the unseen development part test19 (an Egyptian outlet, July 2021)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extract.events import head_noun
from dashboard.pipeline.article import Extractors
from dashboard.text.document import Doc

CONFERENCE = "tashkent_connectivity_conference_2021"
NAMED = ("تستضيف أوزبكستان المؤتمر الدولي\" التواصل في وسط وجنوب آسيا.. التحديات والفرص\" في العاصمة "
         "طشقند خلال الفترة 15-16 يوليو الجارى. ")
IDEA = "وقال بيان من سفارة أوزبكستان بالقاهرة إن فكرة المؤتمر كانت مبادرة من الرئيس شوكت ميرضيائيف، رئيس البلاد."


@pytest.fixture(scope="module")
def ex(catalogues) -> Extractors:
    return Extractors(catalogues)


def by_sentence(ex: Extractors, text: str, published: date) -> dict[int, dict[str, str]]:
    doc = Doc.from_text("t", text, published, "day")
    out: dict[int, dict[str, str]] = {}
    for r in ex.events.find(doc, ex.entities.find(doc), ex.dates.find(doc)):
        out.setdefault(r["sentence_id"], {})[r["event_id"]] = r["cue"]
    return out


def test_the_head_noun_with_the_article_refers_to_the_event_named_before(ex):
    found = by_sentence(ex, NAMED + IDEA, date(2021, 7, 1))
    assert CONFERENCE in found[0]  # named: "وسط وجنوب آسيا" + المؤتمر, published that month
    assert found[2][CONFERENCE] == "head noun: المؤتمر + event named in the article (s0)"


def test_not_before_the_event_is_named_nor_dated_years_away(ex):
    # the same sentence before the one naming the conference refers to nothing yet
    assert CONFERENCE not in by_sentence(ex, IDEA + " " + NAMED, date(2021, 7, 1)).get(0, {})
    # an earlier conference, dated: "فكرة المؤتمر" of March 2015 is not July 2021's
    dated = IDEA.replace("كانت مبادرة", "في مارس 2015 كانت مبادرة")
    assert CONFERENCE not in by_sentence(ex, NAMED + dated, date(2021, 7, 1)).get(2, {})


def test_the_head_noun_of_a_name():
    assert head_noun("مؤتمر آسيا الوسطى وجنوب آسيا للترابط الإقليمي في طشقند 2021") == "مؤتمر"
    assert head_noun("اتفاقية كومتور") == "اتفاقيه"  # folded: ة -> ه
    # a word this frequent in any text refers to nothing
    assert head_noun("الأمر التنفيذي") == ""
    # a hamza-seated alif and a lam are the word's own letters, not the article
    assert head_noun("ألعاب الرحل العالمية الخامسة في أستانا 2024") == "العاب"
    assert head_noun("إلغاء عقوبة الإعدام في كازاخستان 2021") == "الغاء"
    assert head_noun("المنتدى الاقتصادي الأول لبحر قزوين في أفازا 2019") == "منتدي"


def test_a_name_whose_first_word_starts_with_a_hamza_seat_is_referred_to_by_it(ex):
    # (no text of the seen parts refers to the games by the head noun alone: a sentence written here)
    games = ("افتتحت في أستانا عاصمة كازاخستان ألعاب الرحل العالمية الخامسة بمشاركة رياضيين من عشرات الدول. "
             "وتضم الألعاب هذا العام مسابقات في رياضات تقليدية كثيرة.")
    found = by_sentence(ex, games, date(2024, 9, 8))
    assert "world_nomad_games_2024" in found[0]
    last = max(found)
    assert found[last]["world_nomad_games_2024"] == "head noun: الالعاب + event named in the article (s0)"  # folded
