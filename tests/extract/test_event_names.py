"""Variant names generated for each event from its name's parts (dashboard/extract/event_names.py):
real Arabic sentences of the kinds unseen text writes, each linked (or not) as an analyst would."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extract.event_names import GeneratedNames, redate_event_months
from dashboard.pipeline.article import Extractors
from dashboard.text.document import Doc


@pytest.fixture(scope="module")
def ex(catalogues) -> Extractors:
    return Extractors(catalogues)


def event_rows(ex: Extractors, text: str, published: date | None, precision: str = "day") -> list[dict]:
    """The event links of ``text`` as the build finds them (after its entities and dates)."""
    doc = Doc.from_text("t", text, published, precision)
    return ex.events.find(doc, ex.entities.find(doc), ex.dates.find(doc))


def links(ex: Extractors, text: str, published: date | None, precision: str = "day") -> dict[str, str]:
    """event_id -> cue of the first sentence linked to it."""
    out: dict[str, str] = {}
    for r in event_rows(ex, text, published, precision):
        out.setdefault(r["event_id"], r["cue"])
    return out


def test_a_name_word_in_an_unseen_spelling_links_after_the_noun(ex):
    # شانغاهاي is not the name's شنغهاي, nor any alias: its variant key is the same
    found = links(ex, "وتحدث الوزير عن قمة شانغاهاي في ظل تطورات جيوسياسية واقتصادية عالمية.",
                  date(2024, 7, 3))
    assert found["sco_summit_2024"] == "generated: قمة + name: شانغاهاي + published 2024-07"


def test_the_summit_by_its_place_in_any_order_is_the_nearest_in_time(ex):
    text = "وانطلقت أعمال القمة في سمرقند بحضور قادة الدول الأعضاء."
    # two summits met in Samarkand in 2022: September's SCO, November's OTS
    assert set(links(ex, text, date(2022, 9, 16))) == {"sco_summit_2022"}
    assert set(links(ex, text, date(2022, 11, 11))) == {"ots_summit_2022"}
    assert links(ex, text, date(2018, 5, 1)) == {}  # no such summit near 2018 ...
    assert links(ex, text, date(2023, 12, 1)) == {}  # ... nor undated, more than half a year on


def test_a_planned_summit_needs_a_planned_word_before_it_begins(ex):
    planned = "ستعقد قمة منظمة شنغهاي للتعاون في أستانا مطلع يوليو المقبل."
    cue = links(ex, planned, date(2024, 4, 20))["sco_summit_2024"]
    assert "planned:" in cue
    past = "عقدت قمة منظمة شنغهاي للتعاون في أستانا."
    assert "sco_summit_2024" not in links(ex, past, date(2024, 4, 20))


def test_a_visit_by_title_and_country_then_the_visit_alone(ex):
    text = ("الرئيس الفرنسي يزور كازاخستان والكرملين يعلق. "
            "وقد كان للكرملين تعليق على هذه الزيارة حيث وصفها المتحدث الرسمي بأنها شأن سيادي.")
    rows = event_rows(ex, text, date(2023, 11, 1))
    assert [(r["sentence_id"], r["event_id"]) for r in rows] == [
        (0, "macron_visit_central_asia_2023"), (1, "macron_visit_central_asia_2023")]
    assert rows[1]["cue"] == "generated: هذه الزيارة + event named in the article"
    # the same words about a president of a country the visit's name does not hold: no link
    assert links(ex, "الرئيس التركي يزور كازاخستان.", date(2023, 11, 1)) == {}


def test_a_place_in_another_clause_is_not_the_events(ex):
    text = ("لاسيما بعد احتجاجات بيلاروسيا على نتائج الانتخابات الرئاسية، وأزمة وانقلاب قيرغيزستان "
            "بعد الانتخابات البرلمانية.")
    assert "kg_presidential_election_2021" not in links(ex, text, date(2020, 12, 1), "month")


def test_a_sentence_dated_elsewhere_is_not_the_later_election(ex):
    text = ("ووصل جباروف إلى السلطة خلال الاضطرابات التي أعقبت الانتخابات البرلمانية التي جرت في "
            "أكتوبر 2020، والتي رفضت نتائجها أحزاب سياسية عدة.")
    assert "kg_parliamentary_election_2021" not in links(ex, text, date(2021, 11, 28))
    # without the date, an article of the election's month means that election
    text = "ويتنافس نحو 1300 مرشح على 90 مقعدا في الانتخابات البرلمانية في قرغيزستان."
    assert "kg_parliamentary_election_2021" in links(ex, text, date(2021, 11, 28))


def test_an_event_named_by_its_month_and_its_month_dated_by_it(ex):
    text = ("وسبق أن حكم على جباروف في قيرغيزستان بالسجن، إلا أن ذلك الحكم ألغي خلال اضطرابات أكتوبر.")
    doc = Doc.from_text("t", text, date(2021, 11, 28), "day")
    dates = ex.dates.find(doc)
    events = ex.events.find(doc, ex.entities.find(doc), dates)
    assert "kyrgyzstan_crisis_2020" in {r["event_id"] for r in events}
    assert [d["date_start"] for d in dates] == ["2021-10-01"]  # the publication year, until ...
    redate_event_months(dates, events, ex.catalogues.events)
    assert [(d["date_start"], d["date_end"]) for d in dates] == [("2020-10-01", "2020-10-31")]


def test_every_generated_name_has_a_kind_and_parts(ex):
    generated: GeneratedNames = ex.events.generated
    named = {n.event_id: n for n in generated.named}
    assert named["sco_summit_2022"].kind == "summit"
    assert {"sco"} in [set(g) for g in named["sco_summit_2022"].groups]
    assert named["xi_visit_kz_2022"].persons == {"xi_jinping"}
    # an adjective inside a name is no party to the event (الدول الناطقة بالتركية is not Turkey)
    assert all("tr" not in g or "istanbul" in g for g in named["ots_summit_2019"].groups)


def test_the_vote_on_its_day_links_then_the_elections_refer_to_it(ex):
    text = ("يدلي الناخبون في قرغيزستان بأصواتهم، الأحد 28 نوفمبر، لاختيار برلمان جديد. "
            "ويتوقع متابعون أن تأتي نتيجة الانتخابات في صالح حلفاء الرئيس.")
    rows = event_rows(ex, text, date(2021, 11, 28))
    assert [(r["sentence_id"], r["event_id"]) for r in rows] == [
        (0, "kg_parliamentary_election_2021"), (1, "kg_parliamentary_election_2021")]
    assert rows[0]["cue"].startswith("generated: يدلي الناخبون + name: kg + date: 28 نوفمبر")
    # the vote without a day of the event is no link by itself, unless the article is the news of
    # that day (news_of_the_day): published on the election day, the voters are this election's
    assert links(ex, "يدلي الناخبون في قرغيزستان بأصواتهم لاختيار برلمان جديد.", date(2021, 10, 1)) == {}


def test_a_referring_word_names_the_summit_named_last_not_a_second_one(ex):
    # the C5+1 article names "the first summit" with Central Asia; the Gulf summit of July is
    # named too: القمة after the C5+1 naming is the C5+1's only
    text = ("عقد الرئيس الأميركي جو بايدن قمة مع رؤساء دول آسيا الوسطى في نيويورك في إطار مجموعة C5+1. "
            "وشارك في القمة رئيس كازاخستان قاسم جومارت توكاييف. "
            "وتؤكد القمة الأولى لمجموعة الحوار C5+1 اهتمام واشنطن بدول آسيا الوسطى.")
    rows = event_rows(ex, text, date(2023, 9, 20))
    assert {r["event_id"] for r in rows} == {"c5_us_summit_2023"}
    text2 = ("وعقدت القمة الخليجية مع دول آسيا الوسطى في جدة. وعقد بايدن قمة مجموعة C5+1 في نيويورك. "
             "وقال بايدن في كلمة خلال القمة إن التعاون وثيق.")
    rows = event_rows(ex, text2, date(2023, 9, 20))
    assert [r["event_id"] for r in rows if r["sentence_id"] == 2] == ["c5_us_summit_2023"]


def test_kind_phrasings_exchange_of_fire_arrival_vote_on_amendments(ex):
    fire = ("قتل أربعة مدنيين في تبادل إطلاق نار بين قوات الأمن على الحدود بين قرغيزستان وطاجيكستان، "
            "اليوم الخميس.")
    assert set(links(ex, fire, date(2021, 4, 29))) == {"kg_tj_border_clashes_2021"}
    vote = "أيد 90.21% من المقترعين في أوزبكستان التعديلات الدستورية وفق النتائج الأولية."
    assert set(links(ex, vote, date(2023, 5, 1))) == {"uz_constitutional_referendum_2023"}
    # an Arabic noun glued to a Latin word still ends there
    glued = "انطلقت انتخابات مجلس النوابMazhilis لبرلمان كازاخستان اليوم العاشر من يناير."
    assert set(links(ex, glued, date(2021, 1, 10))) == {"kz_parliamentary_election_2021"}
    # reaching an office is no arrival
    assert links(ex, "ووصل توكاييف إلى الرئاسة عام 2019 بعد استقالة سلفه.", date(2019, 6, 1)) == {}


def test_the_article_country_names_a_vote_its_phrase_leaves_unnamed(ex):
    text = ("أعلنت لجنة الانتخابات المركزية في كازاخستان النتائج في أستانا. "
            "وفي وقت لاحق، أجريت انتخابات رئاسية استثنائية في البلاد، ثم انتخابات مجلس الشيوخ.")
    found = links(ex, text, date(2023, 3, 1))
    assert found["kz_presidential_election_2022"] == ("generated: انتخابات رئاسية + article country: kz"
                                                      " + published 2023-03")
    assert "kz_senate_election_2023" in found
    # the next one is not the last one; another country in the sentence is its own vote
    planned = text.replace("أجريت انتخابات رئاسية استثنائية", "ستجرى الانتخابات الرئاسية المقبلة")
    assert "kz_presidential_election_2022" not in links(ex, planned, date(2023, 3, 1))
    other = text.replace("في البلاد", "في قرغيزستان")
    assert "kz_presidential_election_2022" not in links(ex, other, date(2023, 3, 1))


def test_interference_in_a_vote_and_a_vote_owned_by_another_country_or_year(ex):
    pub = date(2018, 3, 5)
    assert links(ex, "اتهم المحقق 13 روسيا بالتدخل في سير انتخابات الرئاسة في الولايات المتحدة.", pub) == {}
    assert links(ex, "نفت موسكو دورها في انتخابات الرئاسة الأمريكية التي فاز بها ترامب.", pub) == {}
    assert links(ex, "وقال بوتين إن روسيا لم تخسر الانتخابات الرئاسية في عام 2012 أمام أحد.", pub) == {}
    assert set(links(ex, "تستعد روسيا للانتخابات الرئاسية الروسية في 18 مارس.", pub)) == {
        "ru_presidential_election_2018"}


def test_a_summit_in_a_city_is_not_any_summit_naming_its_country(ex):
    # the SCO summit met in Qingdao in June 2018; "القمة" with China two days later is Singapore's
    text = "واعتبرت الصين حليفة الشمال أن القمة هي بداية تاريخ جديد في شبه الجزيرة الكورية."
    assert links(ex, text, date(2018, 6, 12)) == {}
    assert set(links(ex, "وانطلقت قمة منظمة شنغهاي للتعاون في تشينغداو.", date(2018, 6, 9))) == {"sco_summit_2018"}


def test_the_capital_renamed_twice_and_two_votes_of_one_day(ex):
    back = "وقرر البرلمان إعادة تسمية العاصمة إلى أستانا، اسمها السابق، بعد ثلاث سنوات."
    assert set(links(ex, back, date(2022, 9, 20))) == {"astana_renaming_2022"}
    first = "اقترح توكاييف تغيير اسم العاصمة أستانا تكريما لنزارباييف."
    assert set(links(ex, first, date(2019, 3, 21))) == {"astana_renaming_2019"}
    # Kyrgyzstan voted on its president and its form of government on 10 January 2021
    vote = "صوت الناخبون في قرغيزستان في الاستفتاء على نظام الحكم يوم 10 يناير."
    assert set(links(ex, vote, date(2021, 1, 11))) == {"kg_system_referendum_2021"}


def test_a_forum_is_linked_by_its_name_only_near_its_dates(ex):
    text = "وشارك الرئيس الكازاخستاني في منتدى الحزام والطريق في بكين."
    assert set(links(ex, text, date(2023, 10, 18))) == {"belt_road_forum_2023"}
    assert set(links(ex, text, date(2019, 4, 26))) == {"belt_road_forum_2019"}
    assert links(ex, text, date(2021, 6, 1)) == {}


def test_a_compared_date_does_not_date_the_sentence(ex):
    text = ("لخصت لجنة الانتخابات المركزية في كازاخستان النتائج الأولية للانتخابات البرلمانية، حيث حصل الحزب "
            "على 53.9٪ من الأصوات مقابل 71.09٪ في (يناير) 2021.")
    found = links(ex, text, date(2023, 3, 21))
    assert "kz_parliamentary_election_2023" in found  # (يناير) 2021 dates the earlier share only
    assert "kz_parliamentary_election_2021" in found  # ... which is the 2021 election's


def test_a_visit_noun_listing_two_countries_names_both_visits(ex):
    text = "ويُذكر أن بوتين زار الصين وروسيا البيضاء منذ إعادة تنصيبه لولاية خامسة في مايو/أيار الجاري."
    found = links(ex, text, date(2024, 5, 27))
    assert {"putin_visit_cn_2024", "putin_visit_by_2024", "putin_inauguration_2024"} <= set(found)
    assert "putin_visit_uz_2024" not in found  # the visit of the day is not named here
    # one country after the noun still owns it alone
    assert set(links(ex, "وكان بوتين قد زار الصين في مايو/أيار الجاري.", date(2024, 5, 27))) == {"putin_visit_cn_2024"}


def test_the_visitors_destination_anywhere_in_the_sentence(ex):
    text = ("وصل قاسم جومارت توكاييف، رئيس جمهورية كازاخستان الصديقة إلى دولة الإمارات، الأحد، "
            "في زيارة رسمية تستغرق عدة أيام.")
    assert set(links(ex, text, date(2023, 1, 15))) == {"tokayev_visit_ae_2023"}
    # the place must be where he goes: a place he comes from is no destination
    origin = "وصل قاسم جومارت توكاييف، رئيس جمهورية كازاخستان، قادما من دولة الإمارات، الأحد، في زيارة رسمية."
    assert "tokayev_visit_ae_2023" not in links(ex, origin, date(2023, 1, 15))


def test_a_visitor_sent_elsewhere_is_not_on_his_other_visit(ex):
    # Tokayev's catalogued visit to China (September 2019) is four months before: his name after the
    # noun is not enough where the sentence sends him to the UAE
    text = "وقالت وسائل إعلام كازاخية إنّ زيارة توكاييف إلى الإمارات تعكس رغبة بلاده في المضي بمسار الشراكة."
    assert "tokayev_visit_cn_2019" not in links(ex, text, date(2020, 1, 27))
    # his visit to Beijing named so still is
    assert "tokayev_visit_cn_2019" in links(ex, text.replace("الإمارات", "الصين"), date(2019, 9, 12))


def test_two_visitors_named_are_two_visits(ex):
    text = ("وزيارة الرئيس ميرضيائيف، هي ثاني زيارة يقوم بها رئيس بلد من بلدان آسيا الوسطى إلى دولة الإمارات "
            "بعد الزيارة التي قام بها في الثالث عشر من مارس الجاري الرئيس السابق نور سلطان نزارباييف.")
    found = links(ex, text, date(2019, 3, 26))
    assert {"mirziyoyev_visit_ae_2019", "nazarbayev_visit_ae_2019"} <= set(found)


def test_an_oath_of_office_is_the_inauguration_not_the_election(ex):
    text = ("أدى قاسم جومارت توكاييف اليمين الدستورية، اليوم الأربعاء، كرئيس جديد لكازخستان. "
            "تم تنصيب الرئيس الجديد لكازاخستان، ووعد بمتابعة مسار سلفه.")
    rows = event_rows(ex, text, date(2019, 6, 12))
    assert {(r["sentence_id"], r["event_id"]) for r in rows if r["event_id"] == "tokayev_inauguration_2019"} == {
        (0, "tokayev_inauguration_2019"), (1, "tokayev_inauguration_2019")}
    assert not any(r["event_id"] == "kz_presidential_election_2019" and r["sentence_id"] == 1 for r in rows)


def test_a_meeting_a_minister_chairs_is_not_the_summit(ex):
    text = ("عقدت قمة الصين وآسيا الوسطى في شيآن بحضور الرؤساء الستة. "
            "ترأس وزير الخارجية الصيني تشين قانغ الاجتماع الذي حضره وزراء خارجية دول آسيا الوسطى. "
            "وعلى هامش الاجتماع التقى الرئيس الصيني نظراءه في شيآن لبحث التعاون.")
    rows = {(r["sentence_id"], r["event_id"]) for r in event_rows(ex, text, date(2023, 5, 19))}
    assert (0, "china_central_asia_summit_2023") in rows
    assert (1, "china_central_asia_summit_2023") not in rows
    assert (2, "china_central_asia_summit_2023") in rows  # the summit's meeting


def test_a_re_election_is_the_vote_the_sentence_dates(ex):
    recent = "وصل بوتين إلى طشقند في ثالث زيارة خارجية له منذ إعادة انتخابه في مارس/آذار الماضي."
    assert "ru_presidential_election_2024" in links(ex, recent, date(2024, 5, 27))
    older = "وتولى ميرزيوييف رئاسة الوزراء قبل فوزه بولاية رئاسية أولى في 2016 وإعادة انتخابه في 2021."
    assert "uz_presidential_election_2023" not in links(ex, older, date(2023, 7, 10))


def test_an_oath_needs_only_its_president_and_leaves_the_vote_to_its_sentence(ex):
    # the ANT corpus (Alarabiya, 21 May 2018): the oath named by its president alone, dated by the text
    decrees = "لتحقيق الأهداف الاقتصادية التي وردت في مراسيم جديدة وقعها بوتين بعد تنصيبه لفترة رئاسة جديدة في بداية مايو."
    assert set(links(ex, decrees, date(2018, 5, 21))) == {"putin_inauguration_2018"}
    # the oath beside the vote: the sentence names both (published on the day of the oath)
    both = ("أدى قاسم جومارت توكاييف اليمين الدستورية، اليوم الأربعاء، كرئيس جديد لكازخستان، بعد ثلاثة أيام من "
            "الانتخابات التي سجل فيها نحو 70 % من الأصوات.")
    assert {"tokayev_inauguration_2019", "kz_presidential_election_2019"} <= set(links(ex, both, date(2019, 6, 12)))


def test_a_plural_names_every_summit_of_the_article(ex):
    text = ("سيعقد في دوشنبه يومي 14 و15 سبتمبر الاجتماع التشاوري الخامس لرؤساء دول آسيا الوسطى وقمة الصندوق "
            "الدولي لإنقاذ بحر الآرال. "
            "ومن المتوقع أن يشارك في القمم رؤساء جمهورية كازاخستان وقيرغيزستان وتركمانستان وأوزبكستان.")
    rows = {(r["sentence_id"], r["event_id"]) for r in event_rows(ex, text, date(2023, 9, 12))}
    assert {(1, "central_asia_consultative_meeting_2023"), (1, "ifas_summit_2023")} <= rows


def test_a_word_two_linked_votes_share_names_neither(ex):
    # a presidential election and a referendum held the same day: "التصويت" is either's
    text = ("حقق صدر جباروف فوزا ساحقا اليوم الأحد في الانتخابات الرئاسية المبكرة في قرغيزستان. "
            "وقالت المفوضية إن 80% من الناخبين في قرغيزستان أيّدوا مقترحا بتعديل الدستور لمنح الرئيس سلطات أكبر. "
            "وقالت لجنة الأمن القومي إنها تحقق في تخطيط بعض المرشحين لاضطرابات بعد التصويت.")
    rows = {(r["sentence_id"], r["event_id"]) for r in event_rows(ex, text, date(2021, 1, 10))}
    assert (0, "kg_presidential_election_2021") in rows and (1, "kg_system_referendum_2021") in rows
    assert (2, "kg_system_referendum_2021") not in rows


def by_sentence(ex: Extractors, text: str, published: date) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for r in event_rows(ex, text, published):
        out.setdefault(r["sentence_id"], set()).add(r["event_id"])
    return out


def test_two_summits_of_one_day_each_takes_the_words_that_follow_it(ex):
    # the CSTO named by its body alone ("قمة منظمة معاهدة الأمن الجماعي") holds against the SCO's
    # named by a word further on, and "القمة" after it is the CSTO's, not the SCO's named later
    text = ("انطلقت أعمال قمة منظمة معاهدة الأمن الجماعي، اليوم الخميس في العاصمة الطاجيكية لبحث التحديات الأمنية. "
            "وقال الرئيس الطاجيكي إمام علي رحمن خلال افتتاح القمة إن المنطقة تواجه تهديدات غير عادية. "
            "وفي سياق متصل، تستضيف طاجيكستان اليوم قمة دول منظمة شنغهاي للتعاون في العاصمة دوشنبه.")
    found = by_sentence(ex, text, date(2021, 9, 16))
    assert "csto_summit_2021" in found[0] and "sco_summit_2021" not in found.get(0, set())
    assert "csto_summit_2021" in found[1] and "sco_summit_2021" not in found[1]
    assert "sco_summit_2021" in found[2]


def test_the_summit_named_beside_a_consultative_meeting_keeps_its_own_word(ex):
    # both named in the lead: "القمة" is the summit's ("قمة خليجية"), not the consultative meeting's
    text = ("تستضيف مدينة جدة السعودية الأربعاء أول قمة خليجية مع دول آسيا الوسطى، إضافة إلى اللقاء التشاوري "
            "لقادة دول مجلس التعاون. "
            "وقالت الأمانة العامة إن القمة تستهدف تعزيز علاقات دول المجلس مع دول آسيا الوسطى. "
            "المشاركون في القمة")
    found = by_sentence(ex, text, date(2023, 7, 17))
    assert found[1] == {"gcc_central_asia_summit_2023"}
    assert found[2] == {"gcc_central_asia_summit_2023"}  # a heading naming nothing else is the event's


def test_the_raid_and_the_attack_by_the_words_that_refer_to_them(ex):
    text = ("أعلنت روسيا أن محاولة اعتقال رئيس قرغيزستان السابق ألمظ بيك أتامباييف شأن داخلي. "
            "وأوصت السفارة المواطنين بالابتعاد عن منطقة العملية. "
            "وقالت اللجنة إن تنفيذ عملية الاعتقال يتواصل في الوقت الراهن.")
    found = by_sentence(ex, text, date(2019, 8, 8))
    assert found == {0: {"koi_tash_raid_2019"}, 1: {"koi_tash_raid_2019"}, 2: {"koi_tash_raid_2019"}}
    text = ("واقتحم مئات من الشبان نزلا في العاصمة بشكك واعتدوا على طلبة أجانب هناك. "
            "ورغم حضور الشرطة فإنها لم تتمكن من وقف أعمال العنف.")
    found = by_sentence(ex, text, date(2024, 5, 20))
    assert found == {0: {"bishkek_student_attacks_2024"}, 1: {"bishkek_student_attacks_2024"}}
    # the same words in an article on no such event link nothing
    assert by_sentence(ex, "ولم تتمكن الشرطة من وقف أعمال العنف في المدينة.", date(2024, 5, 20)) == {}


def test_an_event_told_as_part_of_another_links_the_whole(ex):
    # the annulled Kyrgyz vote of October 2020 is named by its own name, and told as the crisis it
    # set off (events.yaml part_of): the link is the crisis's, its cue says which part named it
    text = ("وقد شهدت البلاد ثلاث ثورات شعبية منذ استقلالها عام 1991، آخرها كانت في أكتوبر 2020، عندما "
            "أطاح المحتجون بالحكومة بعد انتخابات برلمانية متنازع عليها في قيرغيزستان.")
    found = links(ex, text, date(2023, 6, 6))
    assert "kg_parliamentary_election_2020" not in found
    assert found["kyrgyzstan_crisis_2020"].endswith(" + part of the event: kg_parliamentary_election_2020")


def test_part_of_must_name_another_catalogue_event():
    from dashboard.extract.events import parse_events
    event = {"id": "x", "name_ar": "س", "name_en": "X", "date_start": "2022-01-01", "date_end": "2022-01-02",
             "description": "d", "part_of": "nowhere"}
    with pytest.raises(ValueError, match="part_of"):
        parse_events({"events": [event]})


def test_a_referring_word_names_the_election_of_its_family_named_last(ex):
    # an article on the parliamentary vote of March 2023 that recalls the presidential one of 2022:
    # "الانتخابات"، "الاقتراع" are the parliamentary vote's (named last before them; of two named in
    # one sentence, the one the article named first), never the presidential one's too
    text = ("بدأ الناخبون في كازاخستان، اليوم الأحد، الإدلاء بأصواتهم لاختيار ممثليهم في الانتخابات البرلمانية "
            "المبكرة التي تشهدها البلاد. "
            "وتوجه أكثر من 12 مليون ناخب إلى مراكز الاقتراع البالغ عددها 10146 مركزًا، لبدء فرز الأصوات. "
            "وكان \"توكاييف\" قرر في يناير الماضى، حل مجلس النواب ودعا إلى انتخابات تشريعية مبكرة، بعد 4 أشهر "
            "من إعادة انتخابه في انتخابات رئاسية مبكرة. "
            "وفي رسالة إلى الكازاخستانيين نُشرت قبل شهرين، قال توكاييف آنذاك، إنه يأمل في أن تعطي هذه "
            "الانتخابات المبكرة \"دفعًا جديدًا للتحديث\".")
    found = by_sentence(ex, text, date(2023, 3, 19))
    assert found[0] == {"kz_parliamentary_election_2023"}
    assert found[1] == {"kz_parliamentary_election_2023"}
    assert found[2] == {"kz_parliamentary_election_2023", "kz_presidential_election_2022"}
    assert found[3] == {"kz_parliamentary_election_2023"}


def test_the_vote_of_the_day_named_by_a_rival_kinds_noun(ex):
    # published on the day of Kyrgyzstan's April 2021 referendum, recalling January's (dated) and the
    # annulled parliamentary vote of 2020: the voters of the first sentence are the referendum's
    # (rival_kinds voters), the referendum undated is the day's news, not January's named outright,
    # and "بعد 3 أشهر من انتخاب" dates the election after it, not the referendum before it
    text = ("يدلي الناخبون في قرغيزستان بأصواتهم اليوم الأحد في استفتاء على دستور جديد من شأنه تكريس المزيد "
            "من السلطات في يد رئيس الدولة. "
            "ويأتي الاستفتاء بعد 3 أشهر من انتخاب سادير جاباروف رئيسا. "
            "ووافق الناخبون في انتخابات يناير الماضي على استفتاء لتوسيع السلطات الرئاسية. "
            "وأطلق سراحه من قبل متظاهرين طعنوا في نتائج الانتخابات البرلمانية في أكتوبر الماضي.")
    found = by_sentence(ex, text, date(2021, 4, 11))
    assert found[0] == {"kg_constitutional_referendum_2021"}
    assert "kg_constitutional_referendum_2021" in found[1] and "kg_system_referendum_2021" not in found[1]


def test_a_vote_named_beside_a_rival_kinds_noun_keeps_its_own_word(ex):
    # "الانتخابات" is the subject here, the referendum another vote: both linked
    text = ("فاز الرئيس قاسم جومارت توكاييف بفترة ولاية ثانية في الانتخابات المبكرة في كازاخستان. "
            "جاءت الانتخابات بعد استفتاء دستوري في يونيو/حزيران 2022.")
    found = by_sentence(ex, text, date(2022, 11, 21))
    assert "kz_presidential_election_2022" in found[1]


def test_qualifiers_tell_neighbouring_events_of_a_kind_apart(ex):
    # "القمة السنوية" planned for the autumn is neither the extraordinary video summit of April 2020
    # nor the informal one of 2021, and, spoken of as still to come, not the last annual one (2019)
    text = ("أعلنت كازاخستان، الخميس، أنها تعتزم استضافة القمة السنوية لمجلس التعاون للبلدان الناطقة "
            "بالتركية (المجلس التركي) الخريف المقبل.")
    found = links(ex, text, date(2020, 1, 1), "year")
    assert not {"ots_extraordinary_summit_2020", "ots_informal_summit_2021", "ots_summit_2019"} & set(found)
    # the extraordinary summit is named so
    found = links(ex, "وشارك توكاييف في القمة الاستثنائية للمجلس التركي عبر الفيديو.", date(2020, 4, 10))
    assert "ots_extraordinary_summit_2020" in found
    # an early vote is not the regular one of its month
    text = "وتستعد كازاخستان للانتخابات البرلمانية في كازاخستان التي ستجري الأحد."
    assert "kz_parliamentary_election_2021" in links(ex, text, date(2021, 1, 8))
    text = "وتستعد كازاخستان للانتخابات البرلمانية المبكرة في كازاخستان التي ستجري الأحد."
    assert "kz_parliamentary_election_2021" not in links(ex, text, date(2021, 1, 8))


def test_world_summits_and_visits_the_regions_coverage_names(ex):
    # the G7 in Hiroshima named beside the China - Central Asia summit (by a word of its name: the
    # body is written "مجموعة الدول الصناعية الكبرى السبع")
    text = ("وتعقد القمة في الوقت ذاته تقريبا الذي تنعقد فيه قمة مجموعة الدول الصناعية الكبرى السبع (جي 7) "
            "التي تبدأ في مدينة هيروشيما اليابانية غدا الجمعة.")
    assert "g7_summit_2023" in links(ex, text, date(2023, 5, 18))
    assert "g7_summit_2023" in links(ex, "وشارك الرئيس في قمة مجموعة السبع في هيروشيما.", date(2023, 5, 20))
    # Nazarbayev's meeting with Xi in Beijing in April 2019, after he stepped down
    text = ("التقى الرئيس الصيني شي جين بينغ برئيس قازاقستان السابق نور سلطان نزارباييف في بكين اليوم "
            "(الأحد).")
    assert "nazarbayev_visit_cn_2019" in links(ex, text, date(2019, 4, 28))
    assert "nazarbayev_visit_cn_2019" not in links(ex, text, date(2017, 6, 8))
    # Xi arriving in Bishkek for the SCO summit (June 2019) is no visit of Nazarbayev's
    text = "وصل الرئيس الصيني شي جين بينغ يوم الأربعاء إلى بيشكيك في زيارة دولة ولحضور القمة الـ19 لمنظمة شانغهاي للتعاون."
    assert "nazarbayev_visit_cn_2019" not in links(ex, text, date(2019, 6, 12))


def test_a_demonstrative_with_an_event_word_refers_to_the_event_just_named(ex):
    # "هذه الأزمة" after the sentence on the January 2022 unrest (event_anaphora)
    text = ("اندلعت احتجاجات في كازاخستان على رفع أسعار الغاز في يناير 2022. "
            "وأعرب سمو الأمير عن ثقته بقدرة السلطات الكازاخستانية على تجاوز هذه الأزمة.")
    found = by_sentence(ex, text, date(2022, 1, 6))
    assert found[0] == {"kz_unrest_2022"} and found[1] == {"kz_unrest_2022"}
    # none when no sentence just before names an event
    assert by_sentence(ex, "وأعرب عن ثقته بقدرة السلطات على تجاوز هذه الأزمة.", date(2022, 1, 6)) == {}


def test_an_attack_by_its_city_as_the_nouns_construct(ex):
    # "هجوم موسكو" names the Crocus attack (place_nouns); "هجوم" alone, or Russia's, names none
    text = ("التورّط المفترض لأربعة أشخاص من طاجيكستان في هجوم موسكو الدموي أحدث هزّة في مجتمع الدولة "
            "الواقعة في آسيا الوسطى.")
    assert "crocus_attack_2024" in links(ex, text, date(2024, 3, 27))
    assert "crocus_attack_2024" not in links(ex, text, date(2019, 3, 27))
    assert "crocus_attack_2024" not in links(ex, "وأدان الرئيس هجوما إرهابيا وهجوم روسيا على المدن.", date(2024, 3, 27))


def test_a_summit_said_to_meet_in_a_country_is_the_one_held_there(ex):
    # "قمة الأمن الإقليمي في أوزبكستان" in September 2022: the SCO's in Samarkand, not the Central
    # Asian leaders' meeting held in Kyrgyzstan two months before (whose president the sentence names)
    text = ("هذا ويحضر كل من الرئيس القرغيزي صادر جاباروف والرئيس الطاجيكي إمام علي رحمان قمة الأمن الإقليمي "
            "في أوزبكستان، وظهر من بين القادة في صورة جماعية التقطت على العشاء يوم الخميس.")
    found = links(ex, text, date(2022, 9, 16))
    assert "sco_summit_2022" in found and "central_asia_consultative_meeting_2022" not in found


def test_the_war_by_its_other_names_with_ukraine_in_the_sentence(ex):
    text = ("وتأتي هذه الخطوة بعد إعلان التعبئة الجزئية في إطار \"العملية الخاصة\" التي يقوم بها الجيش الروسي "
            "في أوكرانيا.")
    assert "russia_invades_ukraine_2022" in links(ex, text, date(2022, 9, 27))
    text = "أعلن بوتين تعبئة جنود الاحتياط الأسبوع الماضي وسط حملة عسكرية متوقفة في أوكرانيا."
    assert "russia_invades_ukraine_2022" in links(ex, text, date(2022, 9, 27))
    assert "russia_invades_ukraine_2022" not in links(ex, "وسط حملة عسكرية متوقفة في سوريا.", date(2022, 9, 27))


def test_a_demonstrative_after_its_own_noun_in_the_sentence_refers_to_that(ex):
    # "هذه الأزمة" after "الأزمة الخليجية" in its own sentence is the Gulf crisis, not the unrest
    text = ("اندلعت احتجاجات في كازاخستان على رفع أسعار الغاز في يناير 2022. "
            "ولا تزال فصول الأزمة الخليجية مستمرة ولا أحد يعرف متى تنتهي هذه الأزمة.")
    assert 1 not in by_sentence(ex, text, date(2022, 1, 6))


@pytest.fixture(scope="module")
def ex_without_sept_protests(tmp_path_factory) -> Extractors:
    """The catalogue without the anti-Chinese protests of September 2019 (catalogued at stop 29), as
    the catalogue stood when test17 was read: the protests of June 2019 are the nearest of the kind."""
    from dashboard.catalogues import load_catalogues
    from dashboard.paths import CATALOGUE_DIR
    from dashboard.quality.holdout import write_copy

    folder = tmp_path_factory.mktemp("catalogues") / "copy"
    # (nor the opposition rallies of 26 October 2019, catalogued at stop 31: the month after a September
    # article, they would be the nearest protests of the kind in such a catalogue)
    write_copy(CATALOGUE_DIR, folder, {"kz_anti_china_protests_2019", "kz_opposition_protests_2019_10"})
    return Extractors(load_catalogues(folder))


def test_a_weekday_dates_the_happening_to_the_publication_not_to_an_event_months_before(ex, ex_without_sept_protests):
    # test17's anti-Chinese protests of September 2019: "الاحتجاجات" with Kazakhstan, timed by the
    # publication alone, would be the election protests of June 2019 (in a catalogue without the
    # September protests); the weekday says they are the week's own (the same sentence in June links them)
    text = ("وبدأت الاحتجاجات فى بلدة جاناوزن الصناعية الصغيرة فى غرب قازاخستان، يوم الأحد، حيث تجمع "
            "نحو مئة شخص للمطالبة بحظر نقل مصانع صينية إلى قازاخستان.")
    # the shipped catalogue links the September protests themselves (their cue: a Chinese word)
    assert "kz_anti_china_protests_2019" in links(ex, text, date(2019, 9, 1), "month")
    ex = ex_without_sept_protests
    assert "kz_election_protests_2019" not in links(ex, text, date(2019, 9, 1), "month")
    without_day = text.replace("، يوم الأحد،", "،")
    assert "kz_election_protests_2019" in links(ex, without_day, date(2019, 9, 1), "month")
    # a word recalling an earlier time before the event's words keeps it beside the day's news
    # (test5: "وبعد أشهر من الاضطرابات، أدلى الناخبون ... اليوم الأحد")
    recalled = ("وبعد أشهر من الاحتجاجات في قازاخستان، تجمع اليوم الأحد نحو مئة شخص في بلدة جاناوزن "
                "للمطالبة بحظر نقل مصانع صينية.")
    assert "kz_election_protests_2019" in links(ex, recalled, date(2019, 9, 1), "month")


def test_taking_office_on_the_month_of_the_oath_is_the_inauguration(ex):
    # test17: Japarov "who took office in January 2021" is his oath of 28 January 2021
    text = ("أجرى الرئيس الروسي فلاديمير بوتين محادثات مع نظيره القرغيزي صادر جاباروف، الذي تولى منصبه في "
            "يناير/كانون الثاني 2021 كرئيس لقرغيزستان.")
    found = links(ex, text, date(2021, 2, 24))
    assert found["japarov_inauguration_2021"].startswith("generated: تولى منصبه + name: japarov")
    # another month is another office's or another time's; a minister of the country is not the president
    assert "japarov_inauguration_2021" not in links(ex, text.replace("يناير/كانون الثاني 2021", "أكتوبر 2020"),
                                                   date(2021, 2, 24))
    minister = "وقال وزير الخارجية القرغيزي الذي تولى منصبه في يناير 2021 إن بلاده تريد علاقات جيدة مع روسيا."
    assert "japarov_inauguration_2021" not in links(ex, minister, date(2021, 2, 24))


def test_the_crashs_own_verb_and_wreck_refer_to_the_crash_the_article_names(ex):
    # test17's An-26 at Almaty (March 2021), shortened: once the crash is named, "تحطّمت" and "حطام
    # الطائرة" are it; in an article naming no crash, months later, they are nothing
    text = ("قضى أربعة أشخاص السبت جراء تحطّم طائرة عسكرية لدى محاولتها الهبوط في مطار في ألماتي كبرى مدن كازاخستان. "
            "والطائرة تابعة للجنة الأمن القومي، وقد اشتعلت فيها النيران بعدما تحطّمت في مطار ألماتي. "
            "وأفاد مراسل لوكالة فرانس برس أنه شاهد حطام الطائرة وقد انفصلت قمرة القيادة عن الهيكل.")
    rows = event_rows(ex, text, date(2021, 3, 14))
    found = {r["sentence_id"]: r["cue"] for r in rows if r["event_id"] == "kz_an26_crash_2021"}
    assert found[1] == "generated: تحطّمت + event named in the article"
    assert found[2] == "generated: حطام الطائرة + event named in the article"
    alone = " ".join(text.split(". ")[1:])
    assert not [r for r in event_rows(ex, alone, date(2021, 9, 14)) if r["event_id"] == "kz_an26_crash_2021"]


def test_a_story_phrase_in_its_possessive_form_continues_the_story(ex):
    # test13's Kyrgyz vote of January 2021: "في مقر حملته الانتخابية" is "الحملة الانتخابية" of the
    # winner the article is about (a story word with its actor)
    text = ("فاز الشعبوي صدر جاباروف بفارق كبير الاحد في الدورة الأولى من الانتخابات الرئاسية في قرغيزستان. "
            "وتحدث جاباروف مساء الاحد في مقر حملته الانتخابية، واعدا باجتثاث الفساد المتجذر في البلاد.")
    rows = event_rows(ex, text, date(2021, 1, 11))
    found = {r["sentence_id"]: r["cue"] for r in rows if r["event_id"] == "kg_presidential_election_2021"}
    assert found[1].startswith("context: حملته الانتخابية + actor: japarov")


def test_a_summit_named_by_its_body_is_not_another_bodys_summit_in_the_same_city(ex):
    # test17 (otaghiranonline): the ECO's summit, placed (wrongly) in Dushanbe; the SCO and the CSTO
    # met in Dushanbe that year too, but the sentence names the ECO, not them
    text = ("بحسب وزير النفط جواد أوجي، تم توقيع العقد على هامش اجتماع قمة منظمة التعاون الاقتصادي "
            "في دوشانبة، طاجيكستان، يوم الأحد.")
    found = links(ex, text, date(2021, 12, 1), "month")
    assert "eco_summit_2021" in found
    assert "sco_summit_2021" not in found and "csto_summit_2021" not in found
    # without a body named, the city still names the summits held there
    assert "sco_summit_2021" in links(ex, "وانطلقت أعمال القمة في دوشانبي بحضور قادة الدول الأعضاء.",
                                      date(2021, 9, 16))


def test_kind_of_each_catalogue_name_as_every_noun_phrase_searched(catalogues):
    """_kind_of skips a noun phrase whose anchor a name lacks before running its regex: the kind
    it gives each catalogue event's names is the one a search of every phrase gives."""
    from dashboard.extract.event_names import _kind_of
    from dashboard.extract.events import _phrase_regex
    from dashboard.text.normalize import squeeze_spaces

    def searched(texts, kinds):
        return next((kind for text in texts for kind in kinds
                     if any(_phrase_regex(p).search(squeeze_spaces(text)) for p in kind.noun_phrases)), None)

    kinds = catalogues.event_kinds
    extra = {e["id"]: list(e.get("names") or []) for e in catalogues.raw["events"].get("events") or []}
    found = 0
    for event in catalogues.events:
        texts = [event.name_ar, *extra.get(event.id, [])]
        kind = _kind_of(texts, kinds)
        assert kind is searched(texts, kinds), event.id
        found += kind is not None
    assert found > 100  # most events have a kind
    # "وانتخابات" holds انتخابات (the anchor) after a conjunction; "انتخب" does not
    assert _kind_of(["وانتخابات مجلس النواب"], kinds) is not None
    assert _kind_of(["انتخب رئيس"], kinds) is searched(["انتخب رئيس"], kinds)
