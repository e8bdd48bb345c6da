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


# --- stop 32: the crewed flights from Baikonur of 2020-2021 (test35's gold)

MS16 = ('صرح ناطق باسم مؤسسة "روس كوسموس" الروسية أن صاروخ "سويوز – 2.1 آ" الروسي قد نصب الاثنين 6 أبريل في منصة الإطلاق. '
        'وستضم مركبة "سويوز إم إس -16" التي سيحملها الصاروخ رائدي الفضاء الروسيين، أناتولي إيفانيشين وإيفان فاغنر.')


def test_a_soyuz_flight_is_linked_in_the_weeks_of_its_launch_only(ex):
    # test35 (zi05, 6 April 2020); the same crew named at their landing in October is no launch
    assert "soyuz_ms16_2020" in linked(ex, MS16, date(2020, 4, 6))
    assert "soyuz_ms16_2020" not in linked(ex, MS16, date(2020, 10, 20))
    assert "soyuz_ms16_2020" not in linked(ex, MS16, date(2018, 4, 6))


def test_the_film_flight_by_its_crew_or_the_first_film_in_orbit(ex):
    # test35 (zi13, 18 October 2021): MS-18 is the craft that landed the film crew, not its own April flight
    text = ('عاد الطاقم الروسي الذي يضم في عداده ممثلة ومخرجا أمضيا 12 يوما في محطة الفضاء الدولية لتصوير أول فيلم في الفضاء، الأحد إلى الأرض. '
            'وهبطت المركبة "سويوز إم إس-18" وعلى متنها الممثلة يوليا بيريسيلد والمخرج كليم تشيبينكو.')
    found = linked(ex, text, date(2021, 10, 18))
    assert "soyuz_ms19_film_2021" in found
    assert "soyuz_ms18_2021" not in found
    # the commander alone, named for his role in the film's plot, is no cue (test35's gold, zi12)
    plot = "يقال إن شكابليروف (49 عامًا) كان له دور كبير في الفيلم."
    assert "soyuz_ms19_film_2021" not in linked(ex, plot, date(2021, 10, 17))


def test_the_later_flights_by_their_crews_in_their_own_weeks(ex):
    # Youm7 (23 September 2022, after RT); Oman News Agency (14 September 2023)
    ms22 = "وحملت المركبة على متنها إلى المحطة رائدي الفضاء سيرجي بروكوباييف، ودميتري بيتيلين، ورائد الفضاء التابع لوكالة ناسا، فرانسيسكو روبيو."
    assert "soyuz_ms22_2022" in linked(ex, ms22, date(2022, 9, 23))
    assert "soyuz_ms22_2022" not in linked(ex, ms22, date(2023, 3, 28))
    ms24 = "وستحمل مركبة Soyuz MS-24 على متنها رائدي الفضاء الروسيين، أوليغ كونوننكو ونيكولاي تشوب، ورائدة ناسا، لورال أوهارا."
    assert "soyuz_ms24_2023" in linked(ex, ms24, date(2023, 9, 14))


# --- stop 33: the Taliban's interim government (test37's NIL event; its announcement's links, Atambayev's
# arrest and the US withdrawal by the Taliban are tested in test_event_recall_cues.py)


def test_the_taliban_government_criticised_later_is_no_announcement(ex):
    # test31 (ze12, 2021): objections to the Taliban's government name no event
    text = "تشمل اعتراضات طاجيكستان على حكومة طالبان الحالية احتمال تصدير التطرف إلى دول أخرى."
    assert "taliban_interim_government_2021" not in linked(ex, text, date(2021, 10, 20))
    assert "taliban_interim_government_2021" not in linked(ex, text, date(2021, 9, 10))
