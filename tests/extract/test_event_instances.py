"""Which instance of a recurring event a sentence names (dashboard/extract/events.py,
``EventLinker._choose_instances``; event_names.py's ranking and Owner dates), and the story words
that continue an article's event (event_context.py). Sentence shapes of the unseen development
parts test7 and test8 (2019-2024) and of the ANT corpus (2018)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extract.event_context import CONTEXT
from dashboard.pipeline.article import Extractors
from dashboard.text.document import Doc


@pytest.fixture(scope="module")
def ex(catalogues) -> Extractors:
    return Extractors(catalogues)


def by_sentence(ex: Extractors, text: str, published: date, precision: str = "day") -> dict[int, dict[str, str]]:
    """sentence_id -> {event_id: cue} of the article's links, as the build finds them."""
    doc = Doc.from_text("t", text, published, precision)
    out: dict[int, dict[str, str]] = {}
    for r in ex.events.find(doc, ex.entities.find(doc), ex.dates.find(doc)):
        out.setdefault(r["sentence_id"], {})[r["event_id"]] = r["cue"]
    return out


DUSHANBE = ("وتأتي قمة دوشنبه تتويجاً لرئاسة جمهورية طاجيكستان في منظمة شنغهاي للتعاون خلال العام الجاري. "
            "وقال السفير إن من أهم النتائج التي تمخضت عنها قمة دوشنبه انضمام دول جديدة إلى المنظمة.")


def test_a_summit_named_by_its_city_is_the_one_nearest_the_article(ex):
    # Dushanbe hosted the CICA summit in June 2019 and the SCO and CSTO summits in September 2021:
    # a 2021 article naming the SCO beside "قمة دوشنبه" is on the SCO's
    found = by_sentence(ex, DUSHANBE, date(2021, 1, 1), "year")
    assert set(found[0]) == {"sco_summit_2021"}
    assert "nearest of its kind (not cica_summit_2019)" in found[0]["sco_summit_2021"]
    # the one of 2019 in an article of 2019
    found = by_sentence(ex, DUSHANBE, date(2019, 6, 16))
    assert set(found[0]) == {"cica_summit_2019"}


def test_a_recurring_summit_far_from_every_instance_is_none_of_them(ex):
    # an article of June 2020: a year after the CICA summit, 15 months before the SCO's there
    found = by_sentence(ex, DUSHANBE, date(2020, 6, 1))
    assert not found.get(0) and not found.get(1)


def test_a_day_written_right_before_the_summit_dates_it(ex):
    # the EAEU summit of 21 May 2021 is not its video summit of December 2020 (named next, dated)
    text = ("شارك الرئيس شوكت ميرضيائيف رئيس جمهورية أوزبكستان في 21 مايو في القمة الاعتيادية للاتحاد "
            "الاقتصادي الأوراسي. "
            "والجدير بالذكر أن أوزبكستان حصلت على صفة الدولة المراقبة في الاتحاد الاقتصادي الأوراسي في قمته "
            "الأخيرة المنعقدة في 11 ديسمبر عام 2020.")
    found = by_sentence(ex, text, date(2021, 5, 1), "month")
    assert "eaeu_summit_2020_december" not in found.get(0, {})
    assert "eaeu_summit_2020_december" in found[1]


def test_a_meeting_is_not_the_summit_of_the_month(ex):
    # Serdar Berdimuhamedow in the Kremlin, June 2022: the Caspian summit (Ashgabat, 29 June) is
    # not "هذا الاجتماع"
    text = ("دعا رئيس تركمانستان سردار بردي محمدوف إلى تعزيز العلاقات مع موسكو خلال اجتماع في الكرملين مع "
            "الرئيس فلاديمير بوتين. "
            "وقال بردي محمدوف إنه مقتنع بأن هذا الاجتماع سيعطي دفعا مهما للشراكة الاستراتيجية بين موسكو وعشق آباد.")
    found = by_sentence(ex, text, date(2022, 6, 1), "month")
    assert all("caspian_summit_2022" not in links for links in found.values())


def test_the_visitors_home_and_the_acts_of_the_visit_continue_it(ex):
    text = ("أردوغان يختتم زيارته إلى أوزبكستان بعد يومين من المحادثات مع نظيره. "
            "غادر الرئيس التركي رجب طيب أردوغان العاصمة الأوزبكية طشقند، عائدا إلى تركيا في ختام زيارة رسمية "
            "استمرت ليومين. "
            "وأعلنت الرئاسة التركية أن تركيا وأوزبكستان وقعتا مساء الثلاثاء عشر اتفاقيات تعاون بحضور أردوغان "
            "وميرضيائيف.")
    found = by_sentence(ex, text, date(2022, 3, 30))
    assert "erdogan_visit_uz_2022" in found[0]
    assert found[1]["erdogan_visit_uz_2022"].startswith(CONTEXT)
    assert found[2]["erdogan_visit_uz_2022"].startswith(CONTEXT)


def test_a_press_reviews_other_country_is_not_the_votes_story(ex):
    # ANT, France24, 7 May 2018: a press review; Tunisia's turnout is not Russia's election, named
    # further on
    text = ("نبدأ جولتنا في الصحف من تونس حيث جرت الانتخابات البلدية أمس. "
            "تقول لابريس إن نسبة المشاركة الضعيفة ستبقى نقطة سوداء لكنها لن توقف المسار الديموقراطي في تونس. "
            "وترجح الصحيفة فوز حزب النهضة في هذه الانتخابات بحسب التقديرات الأولية. "
            "وننتقل إلى روسيا حيث تكتب الصحف عن فوز فلاديمير بوتين في الانتخابات الرئاسية الروسية. "
            "وترى صحيفة أخرى أن الانتخابات الرئاسية الروسية في مارس لم تحمل مفاجأة لأحد.")
    found = by_sentence(ex, text, date(2018, 5, 7))
    assert "ru_presidential_election_2018" in found[3] and "ru_presidential_election_2018" in found[4]
    # neither its story nor its referring word ("هذه الانتخابات") in the sentences on Tunisia
    assert "ru_presidential_election_2018" not in found.get(1, {})
    assert "ru_presidential_election_2018" not in found.get(2, {})


def test_a_visit_named_further_down_is_the_leads_where_its_actors_are_the_leads(ex):
    # i24news, 28 February 2023: Blinken's visit; "يتوجه إلى أوزبكستان" near Tokayev's name is his
    # visit's programme, not Tokayev's own visit to Uzbekistan of December 2022; and "هذه الرحلة"
    # is then the one visit the article names
    text = ("وصل وزير الخارجية الأمريكي أنتوني بلينكين إلى كازاخستان يوم الاثنين في زيارة تهدف إلى تعزيز دور "
            "الولايات المتحدة في آسيا الوسطى. "
            "واستقبل المسؤولون الكازاخستانيون الدبلوماسي الأمريكي في العاصمة أستانا، حيث سيلتقي برئيس كازاخستان "
            "قاسم جومارت توكاييف، ثم يتوجه إلى أوزبكستان. "
            "وتتسم هذه الرحلة بوصول أكبر مسؤول في إدارة الرئيس الأمريكي جو بايدن إلى آسيا الوسطى.")
    found = by_sentence(ex, text, date(2023, 2, 28))
    assert set(found[1]) == {"blinken_visit_central_asia_2023"}
    assert "the article's event (not tokayev_visit_uz_2022)" in found[1]["blinken_visit_central_asia_2023"]
    assert set(found[2]) == {"blinken_visit_central_asia_2023"}



def test_a_date_a_period_runs_from_does_not_take_the_sentence_from_the_visits_story(ex):
    # Elaph, February 2020: Pompeo in Tashkent; "منذ عام 2016" covers his visit
    text = ("وصل وزير الخارجية الأمريكي مايك بومبيو إلى طشقند في جولة في آسيا الوسطى. "
            "وأجرى الرئيس الأوزبكي شوكت ميرضيائيف محادثات مع الضيف حول الإصلاحات الجارية في أوزبكستان "
            "منذ عام 2016. "
            "وأجرى الرئيس الأوزبكي محادثات مع الضيف حول الانتخابات التي جرت عام 2016.")
    found = by_sentence(ex, text, date(2020, 2, 3))
    assert found[1]["pompeo_visit_central_asia_2020"].startswith(CONTEXT)
    assert "pompeo_visit_central_asia_2020" not in found.get(2, {})  # dated another time
