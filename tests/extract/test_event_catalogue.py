"""The event catalogue's breadth (data/catalogues/events.yaml): entries are well formed for the
linker, and the region's events of 2019-2024 are linked from sentences written as coverage writes
them, only near their dates."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.pipeline.article import Extractors
from dashboard.text.document import Doc


@pytest.fixture(scope="module")
def ex(catalogues) -> Extractors:
    return Extractors(catalogues)


def links(ex: Extractors, text: str, published: date) -> dict[str, str]:
    """event_id -> cue of the first sentence of ``text`` linked to it."""
    doc = Doc.from_text("t", text, published, "day")
    out: dict[str, str] = {}
    for r in ex.events.find(doc, ex.entities.find(doc), ex.dates.find(doc)):
        out.setdefault(r["event_id"], r["cue"])
    return out


def test_every_visit_names_its_visitor_as_a_person(ex):
    # A visit without its visitor among the name's entities links any "زيارة" to its host place
    # (event_names.py asks for the person only when the name has one): "زيارة إلى روسيا" would be
    # Widodo's visit in every article of June 2022.
    generated = ex.events.generated
    visits = [n for n in generated.named if n.kind == "visit"]
    assert len(visits) >= 20
    assert [n.event_id for n in visits if not n.persons] == []


def test_every_event_is_dated_in_order_and_says_what_defines_it(catalogues):
    for event in catalogues.events:
        assert event.date_start <= event.date_end, event.id
        assert len(event.description) >= 30, event.id


def test_the_taliban_takeover_from_its_day_not_before(ex):
    text = "والوضع غير مريح في منطقة آسيا الوسطى، الذي يتطور على خلفية استيلاء “طالبان” على السلطة في أفغانستان."
    assert "taliban_takeover_2021" in links(ex, text, date(2021, 9, 20))
    assert "taliban_takeover_2021" in links(ex, text, date(2023, 5, 2))  # named for years
    # 2018: the Taliban seizing a city is no takeover of 2021
    assert links(ex, "وأعلنت الحكومة استعادة السيطرة بعد سيطرة طالبان على مدينة غزني.", date(2018, 8, 12)) == {}
    # and the rule of 1996-2001 is not it either
    assert "taliban_takeover_2021" not in links(
        ex, "وكانت حركة طالبان قد وصلت إلى السلطة عام 1996.", date(2021, 9, 20))


def test_two_depot_explosions_in_kazakhstan_by_their_year(ex):
    text = ("أعلنت وزارة الدفاع الكازاخستانية إصابة 32 شخصا جراء 6 انفجارات في مستودع عسكري للذخائر "
            "في منطقة جامبيل.")
    found = links(ex, text, date(2021, 8, 26))
    assert "zhambyl_depot_explosions_2021" in found and "arys_explosions_2019" not in found
    assert "zhambyl_depot_explosions_2021" not in links(ex, text, date(2019, 6, 25))


def test_a_cancelled_conference_is_linked_as_planned(ex):
    text = ("ونقلت إنترفاكس عن نائب رئيس الوزراء قوله إن المؤتمر الوزاري لمنظمة التجارة العالمية الذي "
            "كان مقررا عقده في قازاخستان في يونيو القادم ألغي بسبب تفشي الفيروس.")
    cue = links(ex, text, date(2020, 3, 22))["wto_mc12_2020"]
    assert "planned:" in cue  # three months before its dates: only as still to come
    # the Geneva conference of 2022 is another
    assert "wto_mc12_2020" not in links(
        ex, "واختتم المؤتمر الوزاري لمنظمة التجارة العالمية أعماله في جنيف.", date(2022, 6, 17))


def test_a_visit_as_the_two_leaders_meeting_during_it(ex):
    text = ("ومن المقرر أن يبحث الشيخ تميم بن حمد آل ثاني أمير البلاد مع الرئيس قاسم جومارت توكاييف "
            "العلاقات بين البلدين.")
    assert "tokayev_visit_qa_2024" in links(ex, text, date(2024, 2, 13))
    # the same two leaders met in Astana at the CICA summit of October 2022: not this visit
    assert "tokayev_visit_qa_2024" not in links(ex, text, date(2022, 10, 13))


def test_a_summit_is_named_by_its_body_and_place_not_by_how_it_met(ex):
    # "by video" is how a summit met, not which: no name word, or every virtual summit of late
    # 2020 would be the CIS's or the CSTO's
    found = links(ex, "وعقدت القمة عبر الفيديو بمشاركة قادة مجموعة العشرين.", date(2020, 11, 22))
    assert not {"cis_summit_2020", "csto_summit_2020"} & set(found)
    text = "وشارك الرئيس توكاييف في القمة غير الرسمية لرابطة الدول المستقلة في سانت بطرسبرغ."
    assert set(links(ex, text, date(2023, 12, 27))) == {"cis_informal_summit_2023"}
    assert set(links(ex, text, date(2022, 12, 27))) == {"cis_informal_summit_2022"}


def test_a_foreign_vote_by_its_country_and_the_nearest_in_time(ex):
    assert set(links(ex, "وتابعت أستانا نتائج الانتخابات الرئاسية الأمريكية باهتمام.",
                     date(2024, 11, 7))) == {"us_presidential_election_2024"}
    # "لولاية خامسة" (for a fifth term) is no name word of the US vote of the same autumn
    found = links(ex, "وفاز إمام علي رحمون في الانتخابات الرئاسية في طاجيكستان لولاية خامسة.", date(2020, 10, 12))
    assert set(found) == {"tj_presidential_election_2020"}


def test_context_events_of_earlier_years_in_2018_coverage(ex):
    # ANT-era articles (2018) cite the annexation of Crimea and the Astana talks on Syria
    found = links(ex, "وفرضت العقوبات على روسيا بعد ضم شبه جزيرة القرم عام 2014.", date(2018, 3, 20))
    assert set(found) == {"crimea_annexation_2014"}
    # the Astana process as a whole carries no event (the gold's convention): a round is linked
    text = "وترعى روسيا وإيران وتركيا محادثات أستانا التي أتاحت إقامة أربع مناطق لخفض التوتر في سوريا."
    assert links(ex, text, date(2018, 7, 12)) == {}
    assert set(links(ex, text, date(2018, 5, 14))) == {"astana_talks_9_2018"}  # published on a round's day
    # a summit on Syria in Astana is the talks', not the Central Asian presidents' meeting there (and
    # no round: the ministers' meeting of March 2018 was none)
    found = links(ex, "وأضاف لافروف خلال قمة بشأن سوريا في أستانة عاصمة كازاخستان أن المدنيين يواصلون مغادرة الغوطة.",
                  date(2018, 3, 16))
    assert found == {}
    assert links(ex, "وعقدت جولة من المحادثات التجارية في أستانا.", date(2018, 7, 30)) == {}


def test_two_depot_blasts_in_one_country_the_one_of_the_articles_summer(ex):
    # the town unnamed: the blasts of the article's summer (Arys 2019, Zhambyl 2021)
    blasts = "أجلت سلطات كازاخستان أهالي بلدة في جنوب البلاد في أعقاب انفجارات في مخزن ذخيرة."
    assert set(links(ex, blasts, date(2019, 6, 24))) == {"arys_explosions_2019"}
    assert set(links(ex, blasts, date(2021, 8, 26))) == {"zhambyl_depot_explosions_2021"}


def test_the_visitor_and_the_host_in_talks_not_at_the_summit_both_attended(ex):
    talks = "وأجرى بوتين وتوكاييف محادثات في قصر أكوردا تناولت التعاون في مجال الطاقة."
    assert set(links(ex, talks, date(2024, 11, 27))) == {"putin_visit_kz_2024"}
    summit = "وشارك بوتين وتوكاييف في قمة منظمة معاهدة الأمن الجماعي في أستانا."
    assert set(links(ex, summit, date(2024, 11, 28))) == {"csto_summit_2024"}
    # a visit without a visit word: "استقبل"
    received = "استقبل الرئيس الصيني شي جين بينغ نظيره الأوزبكي شوكت ميرضيائيف في قاعة الشعب الكبرى ببكين."
    assert set(links(ex, received, date(2024, 1, 24))) == {"mirziyoyev_visit_cn_2024"}


def test_the_two_leaders_congratulating_or_at_a_summit_are_no_visit(ex):
    congratulating = ("كان الرئيسان الروسي فلاديمير بوتين والصيني شي جينبينغ أول المهنئين لتوكاييف.")
    assert "tokayev_visit_ru_2022" not in links(ex, congratulating, date(2022, 11, 28))
    listed = ("يشارك رئيس الوزراء ناريندرا مودي مع قادة دول منظمة شنغهاي للتعاون، بمن فيهم الرئيس الصيني شي "
              "جين بينغ ورئيس أوزبكستان شوكت ميرزيوييف، في الدورة الثانية والعشرين للمنظمة في سمرقند.")
    assert "xi_visit_uz_2022" not in links(ex, listed, date(2022, 9, 15))
    talks = "وأجرى الرئيس الصيني شي جين بينغ محادثات مع الرئيس شوكت ميرضيائيف في سمرقند."
    assert "xi_visit_uz_2022" in links(ex, talks, date(2022, 9, 15))


# ---- the sweep of non-visit events of 2019-2024 (dismissals, arrests, the Kumtor mine, anniversaries)

def test_a_dismissal_needs_its_person_and_its_time(ex):
    text = ("أقيلت ابنة رئيس كازاخستان السابق نور سلطان نزارباييف، داريغا نزارباييفا، من منصب رئيسة "
            "مجلس الشيوخ وفق ما أعلن مكتب الرئيس.")
    assert "dariga_dismissal_2020" in links(ex, text, date(2020, 5, 2))
    # her appointment of 2019 is not her dismissal; a dismissal of someone else is none of hers
    assert "dariga_dismissal_2020" not in links(ex, text, date(2019, 3, 20))
    assert "dariga_dismissal_2020" not in links(
        ex, "وأقال الرئيس توكاييف وزير الطاقة بعد ارتفاع أسعار الوقود.", date(2020, 5, 2))


def test_an_arrest_and_a_sentence_are_two_events_of_one_person(ex):
    arrest = "وأعلنت لجنة الأمن القومي اعتقال رئيسها السابق كريم ماسيموف للاشتباه في الخيانة العظمى."
    sentence = "وقضت محكمة عسكرية في أستانا بالسجن 18 عاما على كريم ماسيموف."
    assert "massimov_arrest_2022" in links(ex, arrest, date(2022, 1, 8))
    assert "massimov_sentence_2023" in links(ex, sentence, date(2023, 4, 24))
    assert "massimov_arrest_2022" not in links(ex, sentence, date(2023, 4, 24))
    # named as a person, no act: no event
    assert links(ex, "وكان كريم ماسيموف رئيسا للوزراء مرتين.", date(2022, 1, 8)) == {}


def test_the_mine_taken_over_not_the_mine_named(ex):
    act = "وأقرت الشركة الكندية في أيار/مايو أنها لم تعد تسيطر على منجم كومتور."
    background = "أمن استغلال منجم كومتور في 2020 حوالى 12,5% من إجمالي الناتج الداخلي للبلد."
    assert "kumtor_seizure_2021" in links(ex, act, date(2021, 8, 4))
    assert "kumtor_seizure_2021" not in links(ex, background, date(2021, 8, 4))
    settled = "وأعلن جاباروف التوصل إلى اتفاق مع شركة سنتيرا تعود بموجبه ملكية منجم كومتور إلى قرغيزستان."
    assert "kumtor_agreement_2022" in links(ex, settled, date(2022, 4, 5))
    assert "kumtor_agreement_2022" not in links(ex, settled, date(2021, 6, 1))


def test_an_anniversary_names_the_independence_it_celebrates(ex):
    text = "تحتفل جمهورية كازاخستان بالذكرى الثامنة والعشرين بالإستقلال في السادس عشر من ديسمبر."
    assert "kz_independence_1991" in links(ex, text, date(2019, 12, 16))
    assert "kz_independence_1991" in links(ex, "وتحيي كازاخستان الذكرى الثلاثين لاستقلالها.", date(2021, 12, 15))
    # another anniversary of the country is not its independence
    assert "kz_independence_1991" not in links(ex, "وتحيي كازاخستان الذكرى الخامسة والعشرين لتأسيس أستانا.",
                                               date(2023, 7, 6))


def test_the_taliban_offensive_told_by_the_soldiers_who_fled_it(ex):
    text = "فر أكثر من ألف جندي أفغاني عبر الحدود إلى طاجيكستان المجاورة خوفا من تقدم طالبان."
    assert "taliban_offensive_2021" in links(ex, text, date(2021, 7, 5))
    assert "taliban_offensive_2021" not in links(ex, text, date(2019, 7, 5))


def test_a_coup_and_a_mobilisation_by_their_kind_and_country(ex):
    # the coup kind: a coup plot in Kyrgyzstan in June 2023, not Turkey's of 2016 told the same month
    plot = links(ex, "أحبطت قوات الأمن القومي في قيرغيزستان محاولة انقلابية وقالت إن مجموعة خططت لأعمال شغب.",
                 date(2023, 6, 6))
    assert "kg_coup_plot_arrests_2023" in plot and "tr_coup_attempt_2016" not in plot
    turkey = links(ex, "وتتهم أنقرة غولن بتدبير محاولة الانقلاب الفاشلة في تركيا.", date(2023, 6, 6))
    assert "tr_coup_attempt_2016" in turkey and "kg_coup_plot_arrests_2023" not in turkey
    # the mobilisation kind: the noun with its country, near the event; not a year before
    called = "وأثار إعلان التعبئة الجزئية في روسيا موجة نزوح نحو الحدود."
    assert "russia_mobilisation_2022" in links(ex, called, date(2022, 10, 3))
    assert "russia_mobilisation_2022" not in links(ex, called, date(2021, 10, 3))
