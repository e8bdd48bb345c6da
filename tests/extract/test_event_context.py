"""Sentences continuing the story of the event an article is about (dashboard/extract/event_context.py):
real sentence shapes of unseen articles, linked with a ``context:`` cue, and the guards that keep a
second event, another date or a heading out."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extract.event_context import CONTEXT
from dashboard.pipeline.article import Extractors
from tests.extract.event_links import rule_links


@pytest.fixture(scope="module")
def ex(catalogues) -> Extractors:
    return Extractors(catalogues)


def linked(ex: Extractors, text: str, published: date) -> dict[int, tuple[str, str]]:
    """sentence_id -> (event_id, cue) of its (first) link."""
    out: dict[int, tuple[str, str]] = {}
    for r in rule_links(ex, text, published):
        out.setdefault(r["sentence_id"], (r["event_id"], r["cue"]))
    return out


ELECTION = ("انطلقت الانتخابات البرلمانية في كازاخستان اليوم العاشر من يناير، وحسب القوائم الحزبية. "
            "حيث سجلت لجنة الانتخابات المركزية في كازاخستان قوائم حزبية لخمسة أحزاب سياسية، بإجمالي 312 مرشحا. "
            "وحزب نور أوتان تأسس عام 1999 بمبادرة من الرئيس الأول لكازاخستان. "
            "يضع الحزب نفسه على أنه معارضة بناءة وحزب رجال الأعمال.")


def test_the_procedure_of_an_election_named_in_the_lead_is_its_story(ex):
    found = linked(ex, ELECTION, date(2021, 1, 10))
    assert found[0][0] == "kz_parliamentary_election_2021"
    event, cue = found[1]
    assert event == "kz_parliamentary_election_2021"
    assert cue.startswith(CONTEXT) and "event of the article (s0)" in cue
    # a sentence dated elsewhere (the party founded in 1999) and one without a story word are not
    assert 2 not in found and 3 not in found


def test_an_article_published_far_from_the_event_has_no_story_of_it(ex):
    # the same lines in an article of 2018 (as in the ANT corpus): no election near, no link at all
    assert linked(ex, ELECTION, date(2018, 3, 1)) == {}


def test_the_guests_of_a_summit_and_the_talks_of_a_visit(ex):
    summit = ("انطلقت القمة الثامنة لمجلس الدول الناطقة بالتركية في إسطنبول برعاية الرئيس رجب طيب أردوغان. "
              "بالاضافة الى الرئيس التركماني قربان قولي بيردي محمدوف لأول مرة بصفته رئيس دولة عضو مراقب.")
    found = linked(ex, summit, date(2021, 11, 12))
    assert found[1][0] == found[0][0] == "ots_summit_2021"
    assert found[1][1].startswith(CONTEXT)
    visit = ("رئيس جمهورية أوزبكستان شوكت ميرضيائيف سيقوم بزيارة رسمية لطاجيكستان. "
             "ويتوقع مناقشة مسائل ترسيخ علاقات الصداقة وحسن الجوار بين أوزبكستان وطاجيكستان. "
             "وسيتبادل الرئيسان الآراء حول بعض المسائل الدولية والإقليمية.")
    found = linked(ex, visit, date(2021, 6, 9))
    assert [found[s][0] for s in (0, 1, 2)] == ["mirziyoyev_visit_tj_2021"] * 3
    assert found[1][1].startswith(CONTEXT + "مناقشة + actor:")
    assert "story: الرئيسان" in found[2][1]


def test_two_summits_named_leave_the_article_without_a_story(ex):
    # the article names the SCO summit and the OTS summit, both in Samarkand in 2022: a story
    # sentence far from either is neither's
    text = ("وانطلقت قمة منظمة شنغهاي للتعاون في سمرقند بحضور القادة. "
            "وتستعد سمرقند أيضا لقمة منظمة الدول التركية في نوفمبر. "
            "وقال مسؤول إن الاقتصاد ينمو بسرعة وإن الاستثمارات تتزايد في البلاد. "
            "وأضاف أن الموانئ الجديدة تخدم التجارة. "
            "وشكر الرئيس الأوزبكي الرؤساء الحاضرين على المحادثات المثمرة.")
    found = linked(ex, text, date(2022, 9, 16))
    assert 4 not in found


def test_a_heading_and_a_sentence_naming_another_event_are_not_the_story(ex):
    text = ("أعلنت طاجيكستان مقتل 19 شخصا في المعارك مع قرغيزستان على الحدود. "
            "وقف إطلاق النار "
            "\nوقال الوزير إن وقف إطلاق النار صامد منذ تفكك الاتحاد السوفياتي، والحرب في أوكرانيا تشغل الجميع.")
    found = linked(ex, text, date(2021, 5, 1))
    assert found[0][0] == "kg_tj_border_clashes_2021"
    assert all(not cue.startswith(CONTEXT) for _, cue in found.values())


def test_the_story_of_a_planned_vote_continues_where_the_article_named_it_planned(ex):
    text = ("أقر البرلمان الأوزبكي قانونا يدعو إلى استفتاء دستوري يوم 30 أبريل سيسمح للرئيس شوكت ميرضيائيف "
            "بالترشح مجددا. لكن مسؤولين قالوا إنه إذا جرى اعتماد النسخة الجديدة، فلن تحتسب ولايتا ميرضيائيف السابقتان.")
    found = linked(ex, text, date(2023, 3, 10))
    assert found[0][0] == found[1][0] == "uz_constitutional_referendum_2023"
    assert found[1][1].startswith(CONTEXT) and found[1][1].endswith("+ planned: as s0")


def test_a_dateline_does_not_push_the_event_out_of_the_lead(ex):
    text = ("السياسي - وكالات : "
            "\nيوم حاسم في تاريخ البلاد الحديث كما يقول المحللون. "
            "\nأعلنت لجنة الانتخابات المركزية في كازاخستان نتائج الانتخابات البرلمانية التي جرت اليوم العاشر من يناير. "
            "\nوكان حزب نور أوتان قد أعلن برنامجه الاقتصادي في بداية الشهر. "
            "\nويتوقع الاقتصاديون نموا سريعا للاستثمارات في العام الجاري. "
            "\nوقال المراقبون الدوليون إن الفرز جرى بهدوء في كازاخستان.")
    found = linked(ex, text, date(2021, 1, 10))
    assert found[2][0] == "kz_parliamentary_election_2021"
    assert found[5][0] == "kz_parliamentary_election_2021" and found[5][1].startswith(CONTEXT)


def test_a_pandemic_named_beside_a_summits_story_leaves_it_the_summits(ex):
    text = ("اجتماع طارئ لزعماء المجلس التركي لبحث أزمة كورونا. "
            "باكو - يبحث رؤساء الدول الأعضاء في المجلس التركي، في اجتماع طارئ اليوم الجمعة، تداعيات وباء كورونا. "
            "وبحسب الأناضول، من المقرر أن يجتمع رؤساء دول المجلس بمبادرة من الرئيس الأذري إلهام علييف، "
            "تحت عنوان التعاون والتضامن في مواجهة وباء كورونا.")
    rows = {(r["sentence_id"], r["event_id"]): r["cue"] for r in rule_links(ex, text, date(2020, 4, 10))}
    assert (2, "covid_pandemic") in rows
    assert rows[(2, "ots_extraordinary_summit_2020")].startswith(CONTEXT)  # the summit's story too


def test_as_well_as_is_no_word_of_a_summits_story(ex):
    # test11 (k05_russiaislworld), a tuning part: a phone call on the CIS summit to come; "فضلاً عن"
    # (as well as) in the pandemic's topics of the call is not the summit's story
    text = ("ناقش الرئيس الروسي فلاديمير بوتين، في محادثة هاتفية، مع نظيره الأوزبكي شوكت ميرضيايف الاستعدادات "
            "لعقد \"قمة رابطة الدول المستقلة\"، ومسألة مكافحة فيروس كورونا المستجد، بما في ذلك استخدام اللقاح الروسي.\n"
            "وأضاف البيان أن الرئيسين أكّدا مجددا استعدادهما المتبادل لتعزيز الشراكة الاستراتيجية الروسية - الأوزبكية، "
            "والتحالف مع التركيز على توسيع العلاقات التجارية والاقتصادية.\n"
            "كما تم إيلاء اهتمام خاص لمشاكل مكافحة انتشار عدوى فيروس كورونا، بما في ذلك مسألة استخدام اللقاح الروسي، "
            "فضلاً عن التطرق إلى قضايا الساعة على الأجندة الثنائية والإقليمية.")
    found = linked(ex, text, date(2020, 12, 1))
    assert found[0][0] == "cis_summit_2020"
    assert found.get(2, ("",))[0] != "cis_summit_2020"


# test21 g11_almayadeen (Zhambyl, August 2021): the second video follows the sentence naming the blast
BLAST = ("ارتفعت حصيلة سلسلة انفجارات وقعت في مستودع للذخيرة في كازاخستان إلى 13 قتيلاً. "
         "ووقعت الانفجارات في مستودع ذخيرة تابع لوازرة الدفاع الكازاخستانية في منطقة جامبيل جنوبي البلاد، "
         "وتسبّبت بإصابة عشرات الأشخاص بجروح. "
         "وأظهر شريط فيديو، نُشر في مواقع التواصل الاجتماعي، سحابة دخان تتصاعد من حريق قبل وقوع انفجار قوي. "
         "وأظهر فيديو آخر تطاير الركام، بينما كانت النيران تستعر.")


def test_the_footage_of_an_incident_is_its_story(ex):
    found = linked(ex, BLAST, date(2021, 8, 27))
    assert found[0][0] == "zhambyl_depot_explosions_2021"
    event, cue = found[3]
    assert event == "zhambyl_depot_explosions_2021"
    assert cue.startswith(CONTEXT + "فيديو + after s2")


def test_footage_is_no_story_of_a_ceremony_nor_far_from_its_incident(ex):
    # a visit's photos (test6 r12_arabkhabar's shape) are not its story: footage is an incident's only
    visit = ("وصل الرئيس الروسي فلاديمير بوتين إلى طشقند في زيارة رسمية إلى أوزبكستان. "
             "وأظهرت الصور واللقطات المصورة التي نشرت على موقع الكرملين بوتين أثناء جولته في المدينة.")
    found = linked(ex, visit, date(2024, 5, 26))
    assert 1 not in found or "لقطات" not in found[1][1]
    # the video three sentences after the last sentence naming the blast, with no actor of it: the
    # article is the blast's, but footage alone does not say which story it shows
    late = ("ووقعت الانفجارات في مستودع ذخيرة تابع لوازرة الدفاع الكازاخستانية في منطقة جامبيل جنوبي البلاد. "
            "وتابعت الوزارة أن فرق الطوارئ تعمل في المكان منذ الصباح الباكر بلا توقف. "
            "وأضافت أن السكان عادوا إلى منازلهم في القرى المجاورة بعد الظهر. "
            "وقال مسؤول إن الطرق أعيد فتحها أمام حركة السير مساء اليوم. "
            "وأظهر فيديو آخر تطاير الركام، بينما كانت النيران تستعر.")
    found = linked(ex, late, date(2021, 8, 27))
    assert found[0][0] == "zhambyl_depot_explosions_2021"
    assert 4 not in found
