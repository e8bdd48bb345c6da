"""A president's election named by its winner's act (events.py ``EventLinker._add_elected``, the
``elected`` words of events.yaml's presidential_election kind): "منذ انتخابه"، "فاز في انتخابات
الرئاسة"، "انتخاب ... رئيسا" with a person the election's cues name. Sentences from the unseen tuning
parts (dev2, test, test8)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.pipeline.article import Extractors
from tests.extract.event_links import links_by_sentence as links


@pytest.fixture(scope="module")
def ex(catalogues) -> Extractors:
    return Extractors(catalogues)


def test_the_winners_act_names_his_last_election_long_after_it(ex):
    # dev2 v05 (November 2021): ten months after the vote, too late for the kind's nouns alone
    text = ("وأصبح جباروف رئيساً للوزراء في غضون أيام من الإفراج عنه، ثم فاز في انتخابات الرئاسة بناءً على "
            "برنامج قومي وشعبي.")
    cue = links(ex, text, date(2021, 11, 28))[0]["kg_presidential_election_2021"]
    assert cue.startswith("elected: فاز في انتخابات الرئاسة + winner: japarov + last before the publication")
    # "رئيساً للوزراء" is another office, but not the one the act names


def test_a_date_of_the_sentence_picks_the_election(ex):
    # test8 t03: "منذ انتخابه في آذار" of Serdar Berdimuhamedov's visit to Moscow
    text = ("وهي أول زيارة لبردي محمدوف (40 عامًا) إلى الخارج منذ انتخابه في آذار رئيسا لتركمانستان "
            "الجمهورية السوفياتية السابقة الغنية بالنفط في آسيا الوسطى، خلفًا لوالده الرئيس السابق قربانقولي "
            "بردي محمدوف.")
    assert "tm_presidential_election_2022" in links(ex, text, date(2022, 6, 1))[0]
    # test u09: the year 2019 of the sentence (the text's own "في2020" overlaps no vote of his)
    text = ("وحين قرر نزارباييف التنحي عن منصبه في 2019، وجد توكاييف نفسه رئيسا موقتا لبلاده حتى تم "
            "انتخابه رئيسا رسميا في2020 .")
    assert "kz_presidential_election_2019" in links(ex, text, date(2022, 1, 1))[0]


@pytest.mark.parametrize("text", [
    # another office won: the senate's chair (test u09's biography of Tokayev)
    "كما تم انتخاب توكاييف رئيسا لمجلس الشيوخ الكازاخستاني مرتين.",
    # dated to no election of his
    "وقال الرئيس الروسي فلاديمير بوتين الذي يحكم البلاد منذ انتخابه لأول مرة عام 2000 إن العلاقات جيدة.",
])
def test_no_election_of_another_office_or_time(ex, text):
    found = links(ex, text, date(2022, 1, 1))
    assert not any(cue.startswith("elected:") for cues in found.values() for cue in cues.values())
