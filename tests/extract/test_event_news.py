"""How the story of an event is followed through an article (dashboard/extract/event_names.py):
the news of the day named by a referring word, disasters and their referring nouns, unrest named
by its clashes, and the guards that keep another country's or another body's event out. Sentences
from the unseen development parts (test3, test4) and the ANT corpus (2018)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.pipeline.article import Extractors
from dashboard.text.document import Doc
from tests.extract.event_links import links_by_sentence as by_sentence


@pytest.fixture(scope="module")
def ex(catalogues) -> Extractors:
    return Extractors(catalogues)


TAJIK_VOTE = ("يتجه رئيس طاجيكستان المخضرم، إمام على رحمان، على ما يبدو للفوز بفترة رئاسة خامسة في "
              "الانتخابات التي شهدتها بلاده، الأحد، مع إعلان مسؤولي الدعاية الانتخابية لمنافسيه الأربعة، "
              "أنهم لا يتوقعون الحصول على عدد كبير من الأصوات. "
              "غير أن انتخابات الرئاسة ربما تجذب اهتماما أكبر هذه المرة، بعد أن أثارت الانتخابات الأخيرة في "
              "روسيا البيضاء وقرغيزستان، وهما من الجمهوريات السوفيتية السابقة، احتجاجات.")


def test_a_referring_word_with_an_actor_names_the_vote_of_the_publication_day(ex):
    found = by_sentence(ex, TAJIK_VOTE, date(2020, 10, 11))
    cue = found[0]["tj_presidential_election_2020"]
    assert cue.startswith("generated: الانتخابات + actor: rahmon+tj + published on the event")
    # then the vote's own noun, its phrase naming no place, refers to it; the Belarusian and Kyrgyz
    # elections named after it in the same sentence do not make it theirs
    assert found[1]["tj_presidential_election_2020"] == "generated: انتخابات الرئاسة + event named in the article"
    # two months later the same words name no vote of that day
    assert "tj_presidential_election_2020" not in by_sentence(ex, TAJIK_VOTE, date(2020, 12, 20)).get(0, {})


def test_the_news_of_the_day_refuses_a_sentence_dated_another_year(ex):
    # ANT, 20 March 2018, two days after Russia's presidential election: Mueller's inquiry into 2016
    text = ("ويحقق مولر في ما إذا كان الفريق الانتخابي لترامب قد تواطأ مع الكرملين خلال الاقتراع الرئاسي "
            "في 2016، وهو ما يعتقد أنه عزز من فرص ترامب للفوز في الانتخابات أمام منافسته هيلاري كيلنتون.")
    assert by_sentence(ex, text, date(2018, 3, 20)) == {}
    congratulation = ("قال الرئيس الأميركي، دونالد ترامب، الثلاثاء، إنه اتصل بنظيره الروسي فلاديمير بوتن "
                      "لتهنئته على فوزه في الانتخابات، واقترح أن يجتمعا قريبا.")
    assert set(by_sentence(ex, congratulation, date(2018, 3, 20))[0]) == {"ru_presidential_election_2018"}


def test_an_explosion_in_the_articles_country_and_then_the_event_alone(ex):
    text = ("أجلت سلطات كازاخستان أهالي بلدة في جنوب البلاد يبلغ عدد سكانها 40 ألف شخص في أعقاب انفجارات في "
            "مخزن ذخيرة، فيما نقل العشرات إلى المستشفيات. "
            "ونجمت الانفجارات في بلدة آريس عن حريق أدى إلى انفجار بعض الذخيرة وفق بيان لوزارة الدفاع الكازاخية. "
            "وقالت وزارة الدفاع إنه لم تسجل وفيات أو إصابات. "
            "وقال رئيس منطقة تركستان في تصريحات نشرها موقع تنغرينيوز الخاص: نظرا الى حجم الحدث، نرى حاجة "
            "الى إخلاء المدينة برمتها.")
    found = by_sentence(ex, text, date(2019, 6, 24))
    assert found[0]["arys_explosions_2019"] == "generated: انفجارات + article country: kz + published 2019-06"
    assert found[3]["arys_explosions_2019"] == "generated: الحدث + event named in the article"
    # a casualty count that neither names nor refers to the explosions is a side fact (gold README)
    assert 2 not in found


def test_a_dam_collapse_and_its_referring_noun(ex):
    text = ("قالت السلطات، السبت، إن أوزبكستان وكازاخستان قامتا بإجلاء عشرات الآلاف من السكان من منطقة حوض "
            "نهر سير داريا، بعد انهيار مفاجئ في جزء من سد لتخزين المياه داخل أوزبكستان. "
            "وقالت الحكومة في طشقند إن أوزبكستان أجلت نحو 70 ألفا من 22 قرية في المنطقة المتضررة بعد الانهيار "
            "الذي وقع في الأول من أيار/ مايو.")
    found = by_sentence(ex, text, date(2020, 5, 2))
    assert found[0]["sardoba_dam_collapse_2020"].endswith("name: uz + published 2020-05")
    assert found[1]["sardoba_dam_collapse_2020"] == "generated: الانهيار + event named in the article"
    # the collapse of a state is no dam's
    found = by_sentence(ex, "وجاء ذلك بعد انهيار الاتحاد السوفيتي وانفصال أوزبكستان.", date(2020, 5, 2))
    assert set(found[0]) == {"ussr_dissolution_1991"}


def test_a_crash_named_with_its_place_after_a_comma_and_a_day_of_it(ex):
    text = ("تحطمت طائرة إمبراير 190 تابعة لشركة الخطوط الجوية الأذربيجانية ، والتي كانت في رحلة بين باكو "
            "وغروزني ، في 25 ديسمبر بالقرب من أكتاو في كازاخستان. "
            "قُتل 38 شخصًا في الحادث ونجا 29 آخرون.")
    found = by_sentence(ex, text, date(2024, 12, 30))
    cue = found[0]["aktau_plane_crash_2024"]
    assert cue.startswith("generated: تحطمت طائرة + name: ") and cue.endswith("date: 25 ديسمبر")
    assert found[1]["aktau_plane_crash_2024"] == "generated: الحادث + event named in the article"


def test_ethnic_clashes_in_one_country_are_its_unrest_a_border_clash_is_not(ex):
    text = ("عشرة قتلى إثر اشتباكات عرقية في كازاخستان. "
            "وأدت الواقعة التي بدأت بخلاف على حق المرور إلى شجار بين عرقيتي الكازاخ والدونغان. "
            "وأسفرت الصدامات كذلك عن إصابة العشرات بجروح، بينهم 39 لا يزالون في المستشفى.")
    found = by_sentence(ex, text, date(2020, 2, 9))
    assert [set(found[s]) for s in (0, 1, 2)] == [{"kordai_clashes_2020"}] * 3
    assert found[1]["kordai_clashes_2020"] == "generated: الواقعة التي + event named in the article"
    # Tajikistan's unrest of May 2022 is not the border clash with Kyrgyzstan of September
    border = ("طاجيكستان تؤكد مقتل 35 من مواطنيها في اشتباكات مع قرغيزستان. "
              "أعلنت طاجيكستان الأحد أن 35 من مواطنيها قتلوا هذا الأسبوع.")
    assert "gbao_unrest_2022" not in {e for links in by_sentence(ex, border, date(2022, 9, 18)).values() for e in links}


def test_the_located_country_is_no_incident(ex):
    # الواقعة is "located" as often as "the incident": only its incident phrasings refer to unrest
    text = ("ووصل جباروف إلى السلطة خلال الاضطرابات التي أعقبت الانتخابات البرلمانية التي جرت في أكتوبر 2020. "
            "ويتوقع متابعون أن يعزز ذلك قبضته على الدولة الواقعة في آسيا الوسطى.")
    found = by_sentence(ex, text, date(2021, 11, 28))
    assert "kyrgyzstan_crisis_2020" in found[0]
    assert 1 not in found


def test_another_bodys_summit_is_not_the_articles(ex):
    # ANT, 9 June 2018: the SCO summit in Qingdao and, in the same sentence, the G7's own summit
    text = ("انطلقت قمة منظمة شنغهاي للتعاون في تشينغداو بحضور الرئيس الروسي فلاديمير بوتين. "
            "أشاد الرئيس الصيني شي جينبينغ السبت بوحدة دول هذا التكتل، بينما كشفت مجموعة السبع في قمتها عن "
            "خلافات بين الولايات المتحدة وحلفائها.")
    found = by_sentence(ex, text, date(2018, 6, 9))
    assert "sco_summit_2018" in found[0]
    assert 1 not in found


def test_the_pandemics_virus_and_its_cases(ex):
    text = ("قالت السلطات إن الحكومة أغلقت خامس أكبر مدينة في البلاد اليوم الأحد في نطاق إجراءات منع انتشار "
            "فيروس كورونا. "
            "وأكدت الدولة الواقعة في آسيا الوسطى إصابة 265 شخصا بالفيروس وأغلقت بالفعل عاصمتها نور سلطان.")
    found = by_sentence(ex, text, date(2020, 3, 29))
    assert found[1]["covid_pandemic"] == "generated: بالفيروس + event named in the article"


PUTIN_TRIP = ("وقال مراسل قناة روسيا 1 التلفزيونية الرسمية إن بوتين سيزور طاجيكستان وتركمانستان ثم يجري محادثات "
              "بعد ذلك مع الرئيس الإندونيسي جوكو ويدودو في موسكو. "
              "وفي دوشنبه، عاصمة طاجيكستان، سيجتمع بوتين مع الرئيس إمام علي رحمن وهو حليف وثيق لروسيا وأكثر "
              "رئيس بقاء في الحكم لجمهورية سوفيتية سابقة.")


def test_one_sentence_naming_two_visits_and_the_story_of_the_one_its_actors_name(ex):
    # June 2022 (month precision in the gold): Putin's visit to Tajikistan and Widodo's to Moscow
    doc = Doc.from_text("t", PUTIN_TRIP, date(2022, 6, 1), "month")
    rows = ex.events.find(doc, ex.entities.find(doc), ex.dates.find(doc))
    found: dict[int, dict[str, str]] = {}
    for r in rows:
        found.setdefault(r["sentence_id"], {})[r["event_id"]] = r["cue"]
    # a catalogue cue links Widodo's visit; the name word after سيزور still names Putin's
    assert {"widodo_visit_ru_2022", "putin_visit_tj_2022"} <= set(found[0])
    assert found[0]["putin_visit_tj_2022"].startswith("generated: سيزور + name: طاجيكستان")
    # both visits named last in s0: Dushanbe, Tajikistan and Rahmon are the Tajik visit's alone
    assert set(found[1]) == {"putin_visit_tj_2022"}
    assert found[1]["putin_visit_tj_2022"].startswith("context: سيجتمع + actor:")


def test_an_article_published_on_the_visit_is_its_story_from_the_start(ex):
    # Xinhua, Ankara, 10 May 2022: the visit is named in the last sentence only
    text = ("أنقرة 10 مايو 2022 (شينخوا) قال الرئيس التركي رجب طيب أردوغان يوم الثلاثاء إن تركيا وقازاقستان "
            "تستهدفان الوصول بتجارتهما الثنائية إلى 10 مليارات دولار أمريكي. "
            "وقال أردوغان في مؤتمر صحفي مشترك عقده مع الرئيس القازاقي الزائر قاسم جومارت توكاييف في العاصمة "
            "أنقرة قمنا بتقييم إمكانية زيادة تطوير وتعميق تعاوننا. "
            "وبحث الزعيمان التداعيات الإقليمية للأزمة الأوكرانية وأعربا عن وجهات نظرهما بشأن الحل السلمي. "
            "وتعد هذه أول زيارة دولة يقوم بها توكاييف إلى تركيا منذ توليه منصبه.")
    found = by_sentence(ex, text, date(2022, 5, 10))
    # reaching a sum of trade is no arrival
    assert "tokayev_visit_tr_2022" not in found.get(0, {})
    assert found[1]["tokayev_visit_tr_2022"].startswith("context: ")
    # the leaders' talks on the war: the sentence is the war's and the visit's
    assert set(found[2]) == {"russia_invades_ukraine_2022", "tokayev_visit_tr_2022"}
    assert found[2]["tokayev_visit_tr_2022"].startswith("context: الزعيمان + story: الزعيمان")
    # published a month later, the visit named last is no story of the sentences before it
    assert 1 not in by_sentence(ex, text, date(2022, 6, 20))


def test_a_story_joins_a_sentence_of_another_event_only_by_an_actor_of_its_own(ex):
    # Bishkek hosts Putin's visit and, the next day, the CIS summit: Bishkek is no anchor of the
    # summit's story in a sentence of the visit
    text = ("وصل الرئيس الروسي فلاديمير بوتين إلى جمهورية قيرغيزستان اليوم الخميس 12 أكتوبر 2023. "
            "وسيبدأ الرئيس بوتين برنامجه المزدحم في عاصمة الجمهورية بيشكيك، إذ من المقرر عقد اجتماع رسمي مع "
            "نظيره القيرغيزستاني صادر جاباروف حيث ستتم المحادثات. "
            "هذا وسيعقد اجتماع لمجلس رؤساء دول رابطة الدول المستقلة في بيشكيك، يوم غد الجمعة 13 أكتوبر.")
    found = by_sentence(ex, text, date(2023, 10, 12))
    assert "cis_summit_2023" in found[2]
    assert "cis_summit_2023" not in found.get(1, {})


def test_an_attack_and_its_victims_nationalities_then_unrest_called_a_terrorist_attack(ex):
    # France 24 (ANT), 31 July 2018: the attack on cyclists in Tajikistan; the victims'
    # nationalities are no places of another country's attack
    text = ("تبنى تنظيم الدولة الإسلامية الاثنين اعتداء تسبب بمقتل أربعة سياح أجانب وجريحين في منطقة دنغارا "
            "على بعد 150 كلم جنوب العاصمة دوشانبي في طاجيكستان. "
            "وكان تنظيم الدولة الإسلامية قد تبنى الاثنين الاعتداء الذي أوقع أربعة قتلى هم أمريكيان وسويسري "
            "وهولندي بمنطقة نائية في طاجيكستان، البلد الصغير في آسيا الوسطى.")
    found = by_sentence(ex, text, date(2018, 7, 31))
    assert "tajik_cyclists_attack_2018" in found[0]
    assert found[1]["tajik_cyclists_attack_2018"] == "generated: الاعتداء + event named in the article"
    # a minister calling the January 2022 unrest "a hybrid terrorist attack" tells the unrest's story
    unrest = ("وتشهد كازاخستان منذ أيام موجة احتجاجات بدأت بمطالب اقتصادية وتحولت لاشتباكات عنيفة في ألما آتا. "
              "وفي الصدد ذاته، وصف وزير خارجية كازاخستان، ييرلان كارين، الأحداث الأخيرة التي وقعت في بلاده "
              "بـ هجوم إرهابي هجين، هدفه زعزعة الاستقرار والانقلاب لاحقا.")
    assert set(by_sentence(ex, unrest, date(2022, 1, 10))[1]) == {"kz_unrest_2022"}


def test_a_forum_by_its_city_in_another_spelling(ex):
    # آستانة is no spelling the forum's cues list; the cue's phrase "منتدى أستانا الدولي" finds it as
    # another catalogue spelling of the city's name (before that the forum kind named it by the city
    # after منتدى)
    forum = "افتتح الرئيس توكاييف منتدى آستانة الدولي بمشاركة وفود من خمسين دولة."
    cue = by_sentence(ex, forum, date(2023, 6, 8))[0]["astana_international_forum_2023"]
    assert cue.startswith("phrase: منتدى آستانة الدولي")
    # a year later it is no forum of 2023
    assert by_sentence(ex, forum, date(2024, 9, 1)) == {}


def test_the_amendments_voted_on_are_the_referendums_story(ex):
    # Al-Roeya, 12 April 2021: Kyrgyzstan's constitutional referendum
    text = ("أظهرت نتائج شبه نهائية لاستفتاء دستوري في قرغيزستان، أمس الأحد، موافقة أغلبية واسعة على توسيع "
            "السلطات الرئاسية. "
            "ووافق نحو 79% من المشاركين في الاستفتاء على التعديلات الدستورية، بعد الفرز شبه التام للأصوات. "
            "وجاءت نسبة المشاركة ضعيفة، لكنها بلغت نحو 37 %، أي تخطت عتبة الـ30 % الضرورية لاعتماد النتائج. "
            "ويقرب النظام السياسي الجديد قرغيزستان من الدول المجاورة لها ذات الأنظمة الاستبدادية وروسيا. "
            "وبموجب التعديلات، سيتمكن الرئيس من العمل لولايتين تمتد كل منها خمس سنوات.")
    found = by_sentence(ex, text, date(2021, 4, 12))
    assert found[4]["kg_constitutional_referendum_2021"].startswith("context: ")
    assert "story: وبموجب التعديلات" in found[4]["kg_constitutional_referendum_2021"]


def test_a_referring_noun_owned_by_another_country_or_year_is_not_the_articles_vote(ex):
    # BBC (ANT), 5 March 2018: an article on Russia's election of 18 March also speaks of the 2016 US one
    text = ("وتجرى الانتخابات الرئاسية في روسيا في الثامن عشر من مارس الجاري ويتوقع أن يفوز بها بوتين. "
            "وتتهم وكالات المخابرات الأمريكية موسكو بالتدخل فى الانتخابات الرئاسية الأمريكية لعام 2016، وهو ما "
            "تنفيه روسيا.")
    found = by_sentence(ex, text, date(2018, 3, 5))
    assert "ru_presidential_election_2018" in found[0]
    assert 1 not in found


SWEIDA = ("أفاد المرصد السوري لحقوق الإنسان الخميس أن حصيلة الهجمات التي شهدتها محافظة السويداء جنوب البلاد "
          "صباح الأربعاء قد بلغت 252 قتيلا. وشيعت المحافظة ذات الغالبية الدرزية عشرات من الشبان الذين سقطوا في "
          "الهجوم الذي تبناه تنظيم \"الدولة الإسلامية\".")


def test_the_news_of_the_day_needs_the_events_country_in_the_article(ex):
    # ANT (AFP, 26 July 2018): IS claimed Sweida's massacre in Syria, and three days later the attack on
    # cyclists in Tajikistan; an article that never names Tajikistan speaks of the other one
    assert "tajik_cyclists_attack_2018" not in {e for links in by_sentence(ex, SWEIDA, date(2018, 7, 31)).values()
                                                for e in links}
    # (ANT, AFP, 31 July 2018) the same claim in an article on Tajikistan names its attack
    tajik = ("قتل أربعة سياح أجانب في منطقة دنغارا جنوب العاصمة دوشانبي في طاجيكستان. "
             "وكان تنظيم \"الدولة الإسلامية\" قد تبنى الاثنين الاعتداء الذي أوقع أربعة قتلى هم أمريكيان وسويسري "
             "وهولندي بمنطقة نائية في طاجيكستان، البلد الصغير في آسيا الوسطى.")
    assert "tajik_cyclists_attack_2018" in by_sentence(ex, tajik, date(2018, 7, 31)).get(1, {})


def test_a_claimants_word_is_no_part_of_an_events_name(ex):
    # ANT (CNN, 12 September 2018, an op-ed): "تنظيم" of "تنظيم أنصار الشريعة" is no part of the name
    # "هجوم تنظيم الدولة الإسلامية على السياح الأجانب في طاجيكستان"
    text = ("وهنا تكمن الطامة الكبرى حيث انتهت مخرجات وتداعيات تلك السياسة الكارثية إلى اعتداء آخر في الذكرى "
            "الحادية عشرة للحادي عشر من سبتمبر تمثلت باعتداء تنظيم من تفريخ القاعدة، تنظيم \"أنصار الشريعة\" في "
            "حرق ونهب القنصلية الأميركية في بنغازي.")
    assert by_sentence(ex, text, date(2018, 9, 12)) == {}
