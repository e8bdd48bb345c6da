"""The catalogue's breadth by class (events.yaml, issue 9): regional conferences, OPEC+ decisions,
protests and visits named as unseen text names them, linked in their own time and never in 2018
text (the ANT corpus' year, where such a link could only be false)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.pipeline.article import Extractors
from dashboard.text.document import Doc


@pytest.fixture(scope="module")
def ex(catalogues) -> Extractors:
    return Extractors(catalogues)


def linked(ex: Extractors, text: str, published: date) -> set[str]:
    doc = Doc.from_text("t", text, published, "day")
    return {r["event_id"] for r in ex.events.find(doc, ex.entities.find(doc), ex.dates.find(doc))}


def test_a_meeting_named_by_its_body_and_number_is_the_ministers_meeting(ex):
    text = ("التقى وانغ يي بنظيره الكازاخستاني يوم الأحد على هامش الاجتماع الـ14 لوزراء خارجية "
            "آسيا-أوروبا (آسيم) في مدريد.")
    assert "asem_fmm_2019" in linked(ex, text, date(2019, 12, 16))
    assert "asem_fmm_2019" not in linked(ex, text, date(2018, 10, 19))


def test_a_conference_named_in_quotes_is_linked_in_its_month_only(ex):
    text = 'وصل ظريف إلى العاصمة الطاجيكية دوشنبه للمشاركة في مؤتمر "قلب آسيا" حول أفغانستان.'
    assert "heart_of_asia_conference_2021" in linked(ex, text, date(2021, 3, 29))
    assert not linked(ex, text, date(2018, 12, 5)) & {"heart_of_asia_conference_2021"}


def test_the_caspian_economic_forum_is_the_edition_of_its_time(ex):
    text = "جاء ذلك خلال الكلمة الافتتاحية للمنتدى الاقتصادي الأول لبحر قزوين الذي استضافته تركمانستان."
    assert "caspian_economic_forum_2019" in linked(ex, text, date(2019, 8, 14))
    later = "وشارك رئيس الوزراء في المنتدى الاقتصادي لبحر قزوين في موسكو."
    found = linked(ex, later, date(2022, 10, 6))
    assert "caspian_economic_forum_2022" in found and "caspian_economic_forum_2019" not in found


def test_talks_on_extending_the_oil_cuts_are_the_december_2020_meeting_not_the_april_agreement(ex):
    text = "وقالت مصادر إن أعضاء المجموعة المعروفة باسم أوبك+ سينظرون فيما إذا كانوا سيمددون تخفيضات النفط الحالية."
    found = linked(ex, text, date(2020, 11, 30))
    assert "opec_plus_meeting_2020_12" in found
    assert "opec_plus_cut_agreement_2020" not in found


def test_election_day_protests_are_their_own_event_and_leave_the_vote_its_own(ex):
    text = "أعلنت وزارة الداخلية الكازاخية اعتقال حوالى 100 شخص خلال مظاهرات غير مصرح بها في مدينتي نور سلطان وألماتى."
    assert "kz_election_protests_2019" in linked(ex, text, date(2019, 6, 9))
    assert "kz_election_protests_2019" not in linked(ex, text, date(2022, 1, 6))


def test_the_new_coronavirus_of_january_2020_is_the_pandemic(ex):
    # test23 (i08_elfagr, 29 January 2020): the outbreak before the WHO's declaration is the same event
    text = ("صرحت حكومة الدولة الواقعة في آسيا الوسطى، اليوم الأربعاء، أن كازاخستان أوقفت جميع أشكال سفر "
            "المسافرين من وإلى الصين المجاورة مع استمرار انتشار فيروس كورونا الجديد.")
    assert "covid_pandemic" in linked(ex, text, date(2020, 1, 29))
    # not in 2018 (the ANT corpus' year): a coronavirus then is another one
    assert "covid_pandemic" not in linked(ex, text, date(2018, 6, 1))
