"""Discovered events (dashboard/extract/discovered_events.py): specific events the catalogue lacks,
under one provisional id across articles and outlets, never for a generic mention, a plan, a date
far ahead or an event the catalogue holds. Sentences modelled on the unseen development parts."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.catalogues import load_catalogues
from dashboard.extract.discovered_events import (
    DISCOVERED_CUE,
    discovered_events_table,
    parse_id,
    parse_rules,
)
from dashboard.paths import CATALOGUE_DIR
from dashboard.pipeline.article import Extractors
from dashboard.quality.holdout import write_copy
from dashboard.schema import is_provisional
from dashboard.text.document import Doc

# The sentences below report events of the unseen parts that the catalogue has held since (the
# Tashkent blast, Emir Tamim's tour, Tokayev's visit to the UAE, the Kyrgyz-Uzbek border agreement):
# discovery is tried on a copy of the catalogue without them, as it stood when it lacked them.
HELD_SINCE = {"tashkent_explosion_2023", "tamim_central_asia_tour_2023", "tokayev_visit_ae_2023",
              "kg_uz_border_agreement_2022", "kg_coup_plot_arrests_2023", "aktau_plane_crash_2024",
              "russia_mobilisation_2022", "sardoba_dam_collapse_2020", "dariga_dismissal_2020",
              "tj_vahdat_prison_riot_2019", "ots_informal_summit_2021", "sco_summit_2021", "ots_summit_2021",
              "kg_constitutional_referendum_2021", "kg_tj_border_clashes_2021",
              "kg_system_referendum_2021", "tj_border_post_attack_2019", "kg_parliamentary_election_2021",
              "kz_nuclear_referendum_2024",
              # catalogued at stop 28 (class space); the launch test reads its discovery
              "soyuz_ms15_mansouri_2019",
              # catalogued at stop 29; the protest-organising test reads its discovery
              "kz_anti_china_protests_2019",
              # catalogued at stop 30 (test17's NIL events); the bare-election-noun test reads its discovery
              "tm_halk_maslahaty_election_2021", "tj_sughd_mudflow_2021", "kz_drought_2021",
              # catalogued at stop 32 (test35's crewed flights); the launch and return tests read their discovery
              "soyuz_ms16_2020", "soyuz_ms19_film_2021"}


@pytest.fixture(scope="module")
def ex(tmp_path_factory) -> Extractors:
    folder = tmp_path_factory.mktemp("catalogues") / "copy"
    write_copy(CATALOGUE_DIR, folder, HELD_SINCE)  # their series instances go too
    return Extractors(load_catalogues(folder))


def links(ex: Extractors, text: str, published: date, precision: str = "day", article_id: str = "t") -> list[dict]:
    """The article's discovered links, as the build finds them (after the catalogue's)."""
    doc = Doc.from_text(article_id, text, published, precision)
    ents, dates = ex.entities.find(doc), ex.dates.find(doc)
    catalogue = ex.events.find(doc, ents, dates)
    return ex.discovered_events.find(doc, ents, dates, catalogue)


def ids(rows: list[dict]) -> dict[int, str]:
    return {r["sentence_id"]: r["event_id"] for r in rows}


BLAST_RIYADH = ("قتل شخص على الأقل وجرح أكثر من 160 شخصاً، في انفجار قوي قرب مطار طشقند عاصمة أوزبكستان، "
                "حسبما أفادت سلطات الدولة. وأعلنت وزارة الصحة أن مجموع الضحايا 163 ضحية. "
                "وقال متحدث باسم وزارة الطوارئ، أن الانفجار حدث نتيجة إلى البرق. "
                "وتسبب الانفجار بتدمير نوافذ العديد من المنازل في المنطقة المجاورة.")
BLAST_OTHER = ("أعلنت السلطات الأوزبكية يوم 28 سبتمبر 2023 أن حريقا اندلع في مستودع قرب مطار طشقند بعد "
               "انفجار في المنطقة الجمركية. وقالت إن الحريق أخمد صباح اليوم التالي بعد ساعات من العمل.")


def test_one_explosion_two_outlets_one_id_and_its_referring_noun(ex):
    first = links(ex, BLAST_RIYADH, date(2023, 9, 1), "month", "a")
    second = links(ex, BLAST_OTHER, date(2023, 9, 28), "day", "b")
    assert ids(first) == {0: "new:blast:uz:2023-09", 2: "new:blast:uz:2023-09", 3: "new:blast:uz:2023-09"}
    assert {r["event_id"] for r in second} == {"new:blast:uz:2023-09"}
    named, referring = first[0]["cue"], first[1]["cue"]
    assert named.startswith(DISCOVERED_CUE + "انفجار قوي قرب مطار طشقند") and "anchor: uz" in named
    assert referring.startswith(DISCOVERED_CUE + "الانفجار + event named in the article (s0)")
    # every row spans its sentence, as catalogue links do
    doc = Doc.from_text("a", BLAST_RIYADH)
    assert all((r["char_start"], r["char_end"]) == doc.sentences[r["sentence_id"]] for r in first)


def test_a_visit_is_its_visitors_whoever_hosts_it(ex):
    tamim = ("اختتم سمو الأمير الشيخ تميم بن حمد آل ثاني اليوم الخميس جولة شملت أربع دول في آسيا الوسطى. "
             "وشملت الجولة التي بدأت يوم الاثنين الماضي كلا من أوزبكستان وقيرغيزيا وكازاخستان وطاجيكستان.")
    rows = links(ex, tamim, date(2023, 6, 15))
    assert {r["event_id"] for r in rows} == {"new:visit:tamim:2023-06"}
    assert len(rows) == 2  # the tour named, then referred to
    tokayev = ("وصل قاسم جومارت توكاييف، رئيس جمهورية كازاخستان إلى دولة الإمارات، الأحد، في زيارة رسمية "
               "تستغرق عدة أيام.")
    # one host named: the visit is the visitor's to it
    assert ids(links(ex, tokayev, date(2023, 1, 16))) == {0: "new:visit:tokayev+ae:2023-01"}


@pytest.mark.parametrize("text", [
    "لا تشهد البلاد أي انتخابات رئاسية في كازاخستان هذا العام حسب الدستور.",     # a generic noun
    "تعقد قمة منظمة الدول التركية سنويا في إحدى عواصم الدول الأعضاء.",           # a habit
    "ويخشى المراقبون احتمال وقوع انفجار في أوزبكستان بسبب تخزين الوقود.",       # a hypothesis
    "وقالت الوزارة إن الزيارة إلى أوزبكستان مهمة للبلدين.",                     # no visitor, no date
])
def test_generic_mentions_are_no_event(ex, text):
    assert links(ex, text, date(2023, 9, 28)) == []


def test_a_plan_without_a_date_or_dated_far_ahead_is_no_event(ex):
    planned = "ومن المقرر أن يقوم الرئيس توكاييف بزيارة إلى قطر لبحث التعاون بين البلدين."
    assert links(ex, planned, date(2023, 9, 28)) == []
    ahead = "وأعلنت أنقرة أن أردوغان سيقوم بزيارة إلى أوزبكستان في ديسمبر 2023 لبحث التعاون."
    assert links(ex, ahead, date(2023, 9, 28)) == []  # more than a month after publication
    assert ids(links(ex, ahead, date(2023, 11, 20))) == {0: "new:visit:erdogan:2023-12"}


def test_an_event_the_catalogue_holds_is_never_discovered(ex):
    sco = "انطلقت في سمرقند يوم 15 سبتمبر 2022 قمة منظمة شنغهاي للتعاون بمشاركة قادة الدول الأعضاء."
    assert links(ex, sco, date(2022, 9, 15)) == []


AGREEMENT = ("وقّع وزير خارجية قيرغيزستان جينبيك كولوباييف ونظيره الأوزبكستاني فلاديمير نوروف يوم 3 نوفمبر 2022 "
             "اتفاقا بشأن أجزاء من حدود الدولة القيرغيزية الأوزبكية.")


def test_an_event_of_no_kind_the_catalogue_links_is_not_discovered_again(catalogues):
    """With the catalogue as it is (it holds the border agreement, an event of no kind, and links
    the sentence to it), the agreement is the catalogue's."""
    assert links(Extractors(catalogues), AGREEMENT, date(2022, 11, 4)) == []


def test_an_agreement_is_an_event_when_signed_its_parties_sorted(ex):
    text = ("وقّع وزير خارجية قيرغيزستان جينبيك كولوباييف ونظيره الأوزبكستاني فلاديمير نوروف يوم 3 نوفمبر 2022 "
            "اتفاقا بشأن أجزاء من حدود الدولة القيرغيزية الأوزبكية.")
    assert {r["event_id"] for r in links(ex, text, date(2022, 11, 4))} == {"new:agreement:kg+uz:2022-11"}
    unsigned = "وتنص اتفاقية الحدود بين قيرغيزستان وأوزبكستان المؤرخة في 3 نوفمبر 2022 على إدارة مشتركة للخزان."
    assert links(ex, unsigned, date(2023, 1, 4)) == []


def test_ids_parse_and_the_events_table(catalogues):
    assert parse_id("new:agreement:kg+uz:2022-11") == ("agreement", "kg+uz", "2022-11")
    assert parse_id("new:presidential_election:uz:2021") == ("presidential_election", "uz", "2021")
    assert is_provisional("new:blast:uz:2023-09") and not is_provisional("sco_summit_2022")
    mentions = pd.DataFrame([
        ("b", 0, "new:blast:uz:2023-09", DISCOVERED_CUE + "حريقا اندلع في مستودع قرب مطار طشقند + anchor: uz "
                                             "+ date: 28 سبتمبر 2023 [2023-09-28..2023-09-28]"),
        ("a", 0, "new:blast:uz:2023-09", DISCOVERED_CUE + "انفجار قوي قرب مطار طشقند + anchor: uz "
                                             "+ published 2023-09-01..2023-09-30"),
        ("a", 3, "new:blast:uz:2023-09", DISCOVERED_CUE + "الانفجار + event named in the article (s0)"),
        ("a", 1, "kz_unrest_2022", "phrase: أحداث يناير"),
    ], columns=["article_id", "sentence_id", "event_id", "cue"])
    names = {e.id: (e.name_ar, e.name_en) for e in catalogues.entities.entities.values()}
    table = discovered_events_table(mentions, catalogues.discovered_events, names)
    assert list(table["event_id"]) == ["new:blast:uz:2023-09"]
    row = table.iloc[0]
    assert row["name_ar"] == "انفجار قوي قرب مطار طشقند"  # as the first article wrote it
    assert row["name_en"] == "Explosion or fire: Uzbekistan (2023-09)"
    assert (row["date_start"], row["date_end"]) == ("2023-09-01", "2023-09-30")
    assert "3 sentences in 2 articles" in row["description"]


def test_rules_are_checked():
    with pytest.raises(ValueError, match="kind blast: anchor is one of"):
        parse_rules({"kinds": {"blast": {"en": "x", "ar": "x", "nouns": ["انفجار"], "anchor": "where",
                                         "period": "month"}}})
    with pytest.raises(ValueError, match="kind blast: missing nouns"):
        parse_rules({"kinds": {"blast": {"en": "x", "ar": "x", "anchor": "place", "period": "month"}}})


def test_the_host_is_not_the_visitor(ex):
    text = ("أنهى الثلاثاء ولي العهد السعودي محمد بن سلمان زيارته الرسمية لفرنسا التي استمرت يومين بمؤتمر "
            "صحفي جمعه بالرئيس إيمانويل ماكرون في قصر الإليزيه.")
    assert ids(links(ex, text, date(2018, 4, 10))) == {0: "new:visit:mohammed_bin_salman+fr:2018-04"}


def test_a_date_belongs_to_the_event_noun_it_follows(ex):
    # 12 May dates the election, not the fire: the fire is news of the day
    text = ("أوقفت السلطات أربعة أشخاص بتهمة التورط في حريق نشب في مخازن صناديق الاقتراع في بغداد الخاصة "
            "بالانتخابات التشريعية في العراق، والتي جرت في 12 أيار/مايو 2018، وشابها اتهامات بالتزوير.")
    rows = links(ex, text, date(2018, 6, 11), article_id="x")
    cues = {r["event_id"]: r["cue"] for r in rows}
    assert set(cues) == {"new:blast:iq:2018-06", "new:parliamentary_election:iq:2018"}
    assert "published 2018-06-11" in cues["new:blast:iq:2018-06"]
    assert "[2018-05-12..2018-05-12]" in cues["new:parliamentary_election:iq:2018"]


# An article on a visit names it by its structure, a part in each sentence: who is received where,
# who arrived where and when, the talks. Modelled on the unseen parts' visit reports.
RECEIVED = ("ولي العهد السعودي يستقبل الرئيس الأوزبكي في جدة\n"
            "استقبل ولي العهد السعودي الأمير محمد بن سلمان، الرئيس الأوزبكي لدى وصوله إلى قصر السلام في جدة، "
            "حيث أقيمت لرئيس جمهورية أوزبكستان شوكت ميرضيائيف مراسم استقبال رسمية.\n"
            "وعقب ذلك، عقد الطرفان جلسة مباحثات رسمية تطرقت إلى تعزيز العلاقات بين البلدين.\n"
            "وكان ميرضيائيف قد وصل إلى جدة، الأربعاء، حيث كان في استقباله أمير منطقة مكة المكرمة بالنيابة.")


def test_a_visit_found_from_its_structure_is_the_catalogues_when_it_holds_it(ex):
    # August 2022: the catalogue's visit (its visitor, its host among its places, its dates)
    doc = Doc.from_text("v", RECEIVED, date(2022, 8, 18), "day")
    ents, dates = ex.entities.find(doc), ex.dates.find(doc)
    catalogue = ex.events.find(doc, ents, dates)
    rows = catalogue + ex.discovered_events.find(doc, ents, dates, catalogue)
    assert {(r["sentence_id"], r["event_id"]) for r in rows} == {(s, "mirziyoyev_visit_sa_2022") for s in range(4)}
    # the same report in 2018 (an ANT article) is a visit of 2018, never the catalogue's of 2022
    rows = links(ex, RECEIVED, date(2018, 5, 10))
    assert ids(rows) == {0: "new:visit:mirziyoyev+sa:2018-05", 1: "new:visit:mirziyoyev+sa:2018-05",
                         2: "new:visit:mirziyoyev+sa:2018-05", 3: "new:visit:mirziyoyev+sa:2018-05"}
    assert all(r["cue"].startswith(DISCOVERED_CUE) for r in rows)


def test_here_is_the_datelines_city_and_a_leaving_visitor_names_the_host(ex):
    here = ("بيشكيك، 20 مايو (شينخوا) وصل الرئيس الصيني شي جين بينغ يوم الأحد إلى هنا في زيارة دولة.\n"
            "وكان في استقبال شي نظيره القيرغيزي سورونباي جينبيكوف في المطار، وعقدا محادثات ودية.")
    assert ids(links(ex, here, date(2018, 5, 21))) == {0: "new:visit:xi_jinping+kg:2018-05",
                                                       1: "new:visit:xi_jinping+kg:2018-05"}
    left = "غادر الرئيس التركي رجب طيب أردوغان، العاصمة الأوزبكية طشقند، عائدا إلى تركيا بعد زيارة استمرت يومين."
    assert ids(links(ex, left, date(2018, 4, 30))) == {0: "new:visit:erdogan+uz:2018-04"}


def test_a_visit_noun_names_its_host_with_fi(ex):
    # test6's r13 (Xi in Dushanbe, 2024), dated 2018 where the catalogue holds no such visit: "زيارة
    # دولة في طاجيكستان" names the host as "إلى طاجيكستان" does, so the visit has one id whatever the
    # outlet's preposition (not the visitor's alone, new:visit:xi_jinping:2018-05)
    text = ("بكين - يجري الرئيس الصيني شي جينبينغ الجمعة زيارة دولة في طاجيكستان على ما ذكرت وسائل إعلام "
            "صينية، بهدف تعزيز الروابط مع هذا البلد الواقع في آسيا الوسطى.")
    assert ids(links(ex, text, date(2018, 5, 11))) == {0: "new:visit:xi_jinping+tj:2018-05"}
    # ANT (BBC, 14 July 2018): the meeting with Putin the article also names is not the trip to Britain
    trip = ("وينفي نائب وزير العدل الأمريكي أن يكون للائحة الاتهام، التي صدرت الجمعة، أي علاقة بالاجتماع الوشيك "
            "بين دونالد ترامب وفلاديمير بوتن، لكنها ستلقي بظلالها على القمة المرتقبة.\n"
            "جرى إطلاع الرئيس دونالد ترامب على لائحة الاتهام في وقت سابق من هذا الأسبوع.\n"
            "ويجري ترامب حاليا زيارة في المملكة المتحدة، حيث جدد رفضه للتحقيق في مزاعم تدخل روسيا في الانتخابات.")
    assert ids(links(ex, trip, date(2018, 7, 14))) == {2: "new:visit:trump+gb:2018-07"}
    # a verb's "في" is where the visitor is, not where he goes
    there = "وصل الرئيس الصيني شي جين بينغ إلى هنا في بيشكيك قادما من طاجيكستان."
    assert "new:visit:xi_jinping+tj:2018-05" not in ids(links(ex, there, date(2018, 5, 11))).values()


@pytest.mark.parametrize("text", [
    # a phone call is no visit
    "بحث الرئيس الروسي فلاديمير بوتين مع نظيره الكازاخي قاسم جومارت توكاييف في اتصال هاتفي العلاقات بين البلدين.",
    # the host's own leader at home
    "وصل الرئيس الكازاخي قاسم جومارت توكاييف إلى أستانا قادما من منتجع بوروفوي.",
    # a meeting on a summit's sidelines: the visit is the catalogue's or none
    "التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان على هامش القمة في سمرقند.",
    # a person never named with an office is no official visitor
    "وصل نورلان يرمكباييف إلى موسكو الأحد.",
    # a visit denied
    "قال مسؤول أمريكي إن وزير الدفاع الأمريكي جيم ماتيس لن يزور الصين هذا الشهر.",
    # the one received is an aide, not the leader named
    "يستقبل الرئيس الأمريكي دونالد ترامب الجمعة في واشنطن مساعد كيم جونغ أون.",
    # an invitation
    "دعا الرئيس الأمريكي دونالد ترامب، نظيره الروسي فلاديمير بوتين، في رسالة أمس لزيارة الولايات المتحدة.",
])
def test_no_visit_without_a_visit(ex, text):
    assert [r for r in links(ex, text, date(2018, 9, 16)) if r["event_id"].startswith("new:visit")] == []


def test_who_receives_and_who_visits(ex):
    # the receiver named before the verb ("كان ... قد استقبل") is the host
    text = "وكان ولي العهد السعودي الأمير محمد بن سلمان قد استقبل، الثلاثاء، وزير الخارجية الأمريكي، مايك بومبيو."
    assert set(ids(links(ex, text, date(2018, 10, 17))).values()) == {"new:visit:pompeo+sa:2018-10"}
    # the place visited as the verb's object
    text = "ويواجه الرئيس الفرنسي إيمانويل ماكرون الذي يزور ألمانيا الخميس للتباحث مع المستشارة أنغيلا ميركل انتقادات."
    assert set(ids(links(ex, text, date(2018, 4, 18))).values()) == {"new:visit:macron+de:2018-04"}


# ---- acts befalling one person: dismissals, resignations, appointments, arrests (``target`` anchor)

def test_a_dismissal_is_the_dismissed_persons_not_the_one_who_dismisses(ex):
    one = links(ex, "أعلنت الرئاسة القرغيزية يوم 5 مارس 2023 توقيف الرئيس السابق ألمازبيك أتامباييف مجددا.",
                date(2023, 3, 6))
    assert list(ids(one).values()) == ["new:arrest:atambayev:2023-03"]
    # the doer alone names no target: the one dismissed is not in the catalogue
    assert links(ex, "وأعلن توكاييف في 3 مارس 2024 إقالة محافظ المنطقة بسبب الفيضانات.", date(2024, 3, 4)) == []


def test_a_relative_named_first_is_not_the_target(ex):
    rows = links(ex, "أعلنت السلطات في 16 مارس 2024 اعتقال ابن شقيق نزارباييف، قيرات ساتيبالدي، مجددا.",
                 date(2024, 3, 17))
    assert list(ids(rows).values()) == ["new:arrest:satybaldy:2024-03"]


def test_a_relative_heading_the_title_chain_names_the_person_in_apposition(ex):
    # test9 o04: the daughter is dismissed, not the former president her title names
    rows = links(ex, "أُقيلت ابنة رئيس كازاخستان السابق نور سلطان نزارباييف، داريجا نزارباييفا، من منصب رئيسة "
                     "مجلس الشيوخ وفق ما أعلن مكتب رئيس البلاد اليوم السبت.", date(2020, 5, 2))
    assert list(ids(rows).values()) == ["new:dismissal:dariga_nazarbayeva:2020-05"]


@pytest.mark.parametrize("text", [
    "طالب المحتجون في 6 أكتوبر 2020 بإقالة الرئيس جينبيكوف.",          # a call, not a dismissal
    "ونفى المتحدث في 6 أكتوبر 2020 استقالة الرئيس جينبيكوف.",          # denied
    "وأصدرت المحكمة في 17 مارس 2023 مذكرة اعتقال بحق بوتين.",          # a warrant, no arrest
])
def test_a_call_a_denial_or_a_warrant_is_no_act(ex, text):
    assert links(ex, text, date(2023, 3, 18)) == []


def test_his_own_resignation_is_the_person_named_before_it(ex):
    rows = links(ex, "وأعلن جينبيكوف استقالته من منصب الرئيس في 15 أكتوبر 2020.", date(2020, 10, 16))
    assert list(ids(rows).values()) == ["new:resignation:jeenbekov:2020-10"]
    # another's resignation (a man the catalogue lacks) between: not the one named before it
    assert links(ex, "وعين جاباروف في 15 أكتوبر 2020 بعدما قدم رئيس الوزراء كوبات بوروناييف استقالته.",
                 date(2020, 10, 16)) == []
    # a person right after the noun but in another clause is not the one resigning
    rows = links(ex, "وجاءت استقالة المسؤول في 15 أكتوبر 2020 بعد أيام من زيارة الرئيس بوتين.", date(2020, 10, 16))
    assert [r for r in rows if r["event_id"].startswith("new:resignation:")] == []


def test_an_act_beside_a_referring_noun_does_not_take_it_from_its_event(ex):
    rows = links(ex, "خرج آلاف المحتجين يوم 4 يونيو 2018 في احتجاجات على قانون الضريبة في الأردن. "
                     "واختار الملك عمر الرزاز لتشكيل الحكومة خلفا لهاني الملقي الذي تقدم باستقالته على خلفية "
                     "الاحتجاجات يوم الاثنين.", date(2018, 6, 6))
    assert ids(rows) == {0: "new:protests:jo:2018-06", 1: "new:protests:jo:2018-06"}


def _all_links(ex: Extractors, text: str, published: date, precision: str = "day") -> set[tuple[int, str]]:
    doc = Doc.from_text("v", text, published, precision)
    ents, dates = ex.entities.find(doc), ex.dates.find(doc)
    catalogue = ex.events.find(doc, ents, dates)
    return {(r["sentence_id"], r["event_id"]) for r in catalogue + ex.discovered_events.find(doc, ents, dates, catalogue)}


# A visit reported by a site visited in the capital, the visitor arriving with the place as the
# verb's object after its subject, and the trip told on by the visitor's acts (test10's Ankara report)
ANKARA = ("زار الرئيس الكازاخستاني قاسم جومرت توكاييف، ضريح مؤسس الجمهورية التركية مصطفى كمال أتاتورك في العاصمة أنقرة.\n"
          "وترأس توكاييف وفد بلاده إلى الضريح، الثلاثاء، حيث وقفوا دقيقة صمت.\n"
          "وكتب توكاييف في الدفتر الخاص بزوار الضريح: “لتكن صداقة كازاخستان وتركيا دائمة.\n"
          "وليستمر تطوير التعاون بين البلدين”.\n"
          "وقال توكاييف إن تركيا شريك استراتيجي مهم.\n"
          "وفي وقت سابق الثلاثاء، وصل رئيس كازاخستان العاصمة التركية للقاء نظيره رجب طيب أردوغان.")


def test_a_visit_told_on_by_the_visitors_acts(ex):
    links_ = _all_links(ex, ANKARA, date(2022, 5, 1), "month")
    visit = {sid for sid, eid in links_ if eid == "tokayev_visit_tr_2022"}
    # the site in the capital (0), his acts there (1, 2), his arrival (5); not the sentence inside
    # his quotation (3), not what he says (4)
    assert visit == {0, 1, 2, 5}
    # in 2018 (an ANT article) the same report is a visit of 2018, not the catalogue's
    assert {eid for _, eid in _all_links(ex, ANKARA, date(2018, 5, 1), "month") if "visit" in eid} == \
        {"new:visit:tokayev+tr:2018-05"}


def test_a_meeting_in_no_place_named_is_the_catalogues_visit_of_those_days(ex):
    text = ("أشاد قائد الثورة الإسلاميّة، الإمام الخامنئي، في لقاء جمعه اليوم الأحد 19/6/2022 مع رئيس جمهوريّة "
            "كازاخستان، قاسم جومارت توكاييف، بالعلاقات التي تجمع إيران وكازاخستان.")
    assert ("tokayev_visit_ir_2022" in {eid for _, eid in _all_links(ex, text, date(2022, 6, 19))})
    # who came to whom is unknown without the catalogue's visit: no visit in another year
    later = text.replace("19/6/2022", "19/6/2018")
    assert not {eid for _, eid in _all_links(ex, later, date(2018, 6, 19)) if "visit" in eid}


@pytest.mark.parametrize("text", [
    # a president voting at home
    "أدلى رئيس أوزبكستان شوكت ميرضيائيف صباح اليوم بصوته، وقام بزيارة منطقة الاستفتاء 59 في منطقة ميرزو أولوجبيك بالعاصمة طشقند.",
    # a visitor named by country only: whose visit, the article must say
    "زيارة من رئيس كازاخستان إلى روسيا لتطوير الشراكة الثنائية",
])
def test_a_discovered_visit_is_a_persons_trip_abroad(ex, text):
    assert [r for r in links(ex, text, date(2023, 4, 30)) if r["event_id"].startswith("new:visit")] == []


def test_an_act_in_a_sentence_the_catalogue_gives_to_an_event_of_its_time_is_that_events_story(ex):
    # Jeenbekov's resignation is the 2020 crisis's (kyrgyzstan_crisis_2020), as readers link it
    rows = links(ex, "وقد أتت استقالة جينبيكوف صباح اليوم الخميس بعد اقتحام المتظاهرين لمقرات الرئاسة في بيشكيك.",
                 date(2020, 10, 15))
    assert [r for r in rows if r["event_id"].startswith("new:resignation:")] == []


def test_an_acts_date_is_in_its_own_clause(ex):
    # the month dates what the next clause tells, not Nazarbayev's resignation of 2019
    rows = links(ex, "ووصل توكاييف إلى الرئاسة بعد الاستقالة المفاجئة لنزار باييف، وتعهّد رسمياً في آذار/مارس "
                     "بإصلاحات سياسية واسعة.", date(2022, 11, 20))
    assert [r for r in rows if r["event_id"].startswith("new:resignation:")] == []
    # an apposition is no new clause: its date is the act's
    rows = links(ex, "أعلنت السلطات اعتقال ابن شقيق نزارباييف، قيرات ساتيبالدي، في 16 مارس 2024.", date(2024, 3, 17))
    assert list(ids(rows).values()) == ["new:arrest:satybaldy:2024-03"]


def test_the_words_of_a_visit_are_data(ex):
    # leading a delegation to a place goes there
    led = "وترأس الرئيس التركي رجب طيب أردوغان وفد بلاده إلى طشقند يوم الاثنين."
    assert set(ids(links(ex, led, date(2018, 4, 30))).values()) == {"new:visit:erdogan+uz:2018-04"}


def test_a_trip_planned_for_the_days_of_the_publication_is_a_visit_of_its_own(ex):
    # announced news: the plan dated today or within the month (Steinmeier, June 2023, as DPA's copy
    # wrote it; Meloni stands for a visitor the catalogue lacks)
    today = "من المقرر أن تبدأ رئيسة الوزراء الإيطالية جورجيا ميلوني زيارة رسمية إلى قيرغيزستان اليوم الثلاثاء."
    assert ids(links(ex, today, date(2023, 6, 20))) == {0: "new:visit:meloni+kg:2023-06"}
    dated = "ستزور رئيسة الوزراء الإيطالية جورجيا ميلوني قيرغيزستان يومي 25 و26 يونيو لإجراء محادثات."
    assert ids(links(ex, dated, date(2023, 6, 20))) == {0: "new:visit:meloni+kg:2023-06"}
    # an intention with no date, or a date more than a month on, names no visit of its own
    undated = "قالت رئيسة الوزراء الإيطالية جورجيا ميلوني إنها تعتزم السفر إلى قيرغيزستان."
    far = "ستتوجه رئيسة الوزراء الإيطالية جورجيا ميلوني إلى قيرغيزستان في 25 أغسطس."
    assert links(ex, undated, date(2023, 6, 20)) == []
    assert links(ex, far, date(2023, 6, 20)) == []


def test_a_conference_named_in_quotes_is_one_event_in_any_spelling(ex):
    # the quotes give the name's extent; its folded words, the id (قلب آسيا = قلب اسيا); Festival
    # and year stand for a conference the catalogue lacks
    one = 'وصل الوزير إلى العاصمة الطاجيكية دوشنبه للمشاركة في مؤتمر "جسر الحرير" الإقليمي الثلاثاء 13 يونيو 2023.'
    two = 'وعقد اللقاء على هامش مؤتمر «جسر الحرير» المقام في طاجيكستان يوم 13 يونيو 2023.'
    first = {r["event_id"] for r in links(ex, one, date(2023, 6, 13), article_id="a")}
    second = {r["event_id"] for r in links(ex, two, date(2023, 6, 14), article_id="b")}
    assert first == second == {"new:named_meeting:jsr_alhhryr:2023"}
    # no quotes, no name: a press conference is no event
    assert links(ex, "وقال الوزير في مؤتمر صحفي يوم 13 يونيو 2023 إن المحادثات كانت مثمرة.", date(2023, 6, 13)) == []


# Kinds added from the unseen parts' uncatalogued events (test14 n07, n01, n11; test13 m05), written
# as the rules of their kind, not as those events
def test_a_foiled_coup_plot_is_the_countrys_news_of_the_day(ex):
    text = ("أحبطت قوات الأمن القومي في قيرغيزستان أمس الإثنين محاولة انقلابية من قبل مجموعة من الأشخاص. "
            "وقد اعتقلت السلطات أكثر من 30 شخصا بينهم مسؤولون سابقون.")
    assert ids(links(ex, text, date(2023, 6, 6))).get(0) == "new:coup:kg:2023-06"


@pytest.mark.parametrize("text", [
    # the coup the reader knows (Turkey's of 2016, told in 2018): definite, so never news of the day
    "ومنذ محاولة الانقلاب فرضت السلطات في تركيا حالة الطوارئ وفصلت آلاف الموظفين.",
    # a bus overturning is no coup
    "قتل عشرة أشخاص في انقلاب حافلة على طريق سريع في كازاخستان.",
])
def test_a_known_coup_or_an_overturned_bus_is_no_new_coup(ex, text):
    assert not [r for r in links(ex, text, date(2018, 7, 2)) if r["event_id"].startswith("new:coup:")]


def test_a_day_set_off_by_commas_does_not_end_the_nouns_phrase(ex):
    text = ("تحطّمت طائرة ركاب تابعة لشركة الخطوط الجوية الأذربيجانية، الأربعاء، قرب مدينة أكتاو في غرب "
            "كازاخستان، خلال رحلة كانت متجهة من باكو إلى غروزني.")
    assert ids(links(ex, text, date(2024, 12, 1), "month")).get(0) == "new:crash:kz:2024-12"


def test_a_date_past_a_contrast_is_another_acts(ex):
    planned = ("وكان المعارض يعتزم قيادة الاحتجاجات في موسكو، الأحد، إلا أن محكمة أدانته الشهر الماضي "
               "بانتهاك قوانين التظاهر.")
    assert not [r for r in links(ex, planned, date(2018, 9, 9)) if r["event_id"].endswith("2018-08")]


def test_a_mobilisation_and_a_dam_collapse_are_events_of_their_kind(ex):
    mobilised = "فر عشرات الآلاف من الروس إلى كازاخستان منذ إعلان التعبئة الجزئية في روسيا في 21 سبتمبر 2022."
    assert "new:mobilisation:ru:2022-09" in ids(links(ex, mobilised, date(2022, 9, 28))).values()
    dam = "تهاوت جدران سد خزان ساردوبا في شرق أوزبكستان في وقت مبكر الجمعة ما استدعى إجلاء 70 ألف شخص."
    assert ids(links(ex, dam, date(2020, 5, 1), "month")).get(0) == "new:dam_collapse:uz:2020-05"
    # Egypt's statistics agency is no mobilisation
    capmas = "وقال الجهاز المركزي للتعبئة العامة والإحصاء في مصر في 3 مارس 2023 إن التضخم ارتفع."
    assert not links(ex, capmas, date(2023, 3, 3))


def test_a_riot_with_prisoners_in_the_sentence_is_a_prison_riot_and_its_later_naming_refers_to_it(ex):
    # test11 k10: the prison and its inmates, not "riot in a prison" in one phrase
    rows = links(ex, "قُتل ثلاثة حراس و29 سجيناً في طاجيكستان في أعمال شغب ألقت الحكومة مسؤوليتها على متشددين. "
                     "وقالت وزارة العدل في طاجيكستان إن أعمال الشغب اندلعت في وقت متأخر من مساء الأحد 19 مايو 2019 "
                     "في سجن يقع بمدينة وحدات. ولم توضح وزارة العدل إن كان قد قتل في أعمال الشغب أم لا.",
                 date(2019, 5, 20))
    assert ids(rows) == {0: "new:prison_riot:tj:2019-05", 1: "new:prison_riot:tj:2019-05", 2: "new:prison_riot:tj:2019-05"}
    # street riots and a prison term are no prison riot
    assert not [r for r in links(ex, "وحكم على 20 شخصا بالسجن بعد أعمال شغب في طاجيكستان يوم 19 مايو 2019.",
                                 date(2019, 5, 20)) if r["event_id"].startswith("new:prison_riot")]


def test_in_a_summit_is_a_summit(ex):
    # test13 m04: "في قمة" is "in a summit" as often as "at the height of"
    rows = links(ex, "التقى رؤساء الدول الناطقة بالتركية اليوم الثلاثاء 31 مارس 2021 في قمة غير رسمية للمجلس التركي "
                     "وذلك عبر شبكة الإنترنت.", date(2021, 3, 31))
    assert list(ids(rows).values()) == ["new:summit:ots:2021-03"]
    assert links(ex, "وكانت العلاقات بين البلدين في قمة التوتر يوم 31 مارس 2021.", date(2021, 3, 31)) == []


def test_a_quoted_name_after_the_noun_is_in_its_phrase(ex):
    # test7 s13: the body's name in quotes does not end the summit's phrase
    rows = links(ex, "جاء ذلك في مؤتمر صحفي خلال أعمال قمة \"المجلس التركي\" الثامنة في إسطنبول يوم 12 نوفمبر 2021.",
                 date(2021, 11, 12))
    assert list(ids(rows).values()) == ["new:summit:ots:2021-11"]


def test_an_ordinal_between_a_definite_noun_and_its_body_keeps_the_body(ex):
    # test3 x06: "القمة الحادية والعشرون لمنظمة شنغهاي للتعاون", then "اجتماع القمة" refers to it
    rows = links(ex, "انطلقت اليوم الجمعة القمة الحادية والعشرون لمنظمة شنغهاي للتعاون في العاصمة الطاجيكية دوشنبة. "
                     "ويشارك الرئيس الايراني ابراهيم رئيسي على رأس وفد سياسي واقتصادي في اجتماع القمة.",
                 date(2021, 9, 17))
    assert ids(rows) == {0: "new:summit:sco:2021-09", 1: "new:summit:sco:2021-09"}


def test_a_plan_later_in_the_sentence_does_not_make_a_reported_vote_planned(ex):
    # test3 x08: the vote is reported; what it allows (بالترشح) is to come
    text = ("أظهرت نتائج شبه نهائية لاستفتاء دستوري في قرغيزستان، أمس الأحد، موافقة أغلبية واسعة على توسيع "
            "السلطات الرئاسية والسماح لرئيس الدولة الحالي صدر جاباروف بالترشح لولاية ثانية. "
            "ووافق نحو 79% من المشاركين في الاستفتاء على التعديلات الدستورية. "
            "وجاءت نسبة المشاركة ضعيفة في قرغيزستان، لكنّها بلغت نحو 37 %.")
    rows = links(ex, text, date(2021, 4, 12))
    # the lead's vote, the sentence referring to it, and its story (turnout, with the country named)
    assert ids(rows) == {0: "new:referendum:kg:2021", 1: "new:referendum:kg:2021", 2: "new:referendum:kg:2021"}
    assert "+ story" in rows[-1]["cue"]
    # a plan's word before the noun governs it
    assert links(ex, "ومن المقرر أن يصل شولتس إلى سمرقند اليوم حيث يوقع اتفاقيات مع الرئيس الأوزبكي شوكت ميرضيائيف.",
                 date(2024, 9, 15)) == []


def test_a_shot_down_plane_and_an_exchange_of_fire_are_events_of_their_kinds(ex):
    rows = links(ex, "في الآونة الأخيرة، تم إسقاط طائرة ركاب تابعة لشركة الخطوط الجوية الأذربيجانية قرب أكتاو في كازاخستان.",
                 date(2024, 12, 30))
    assert list(ids(rows).values()) == ["new:crash:kz:2024-12"]
    rows = links(ex, "قتل أربعة مدنيين على الأقل في تبادل إطلاق نار بين قوات الأمن على الحدود بين قرغيزستان وطاجيكستان.",
                 date(2021, 4, 29))
    assert list(ids(rows).values()) == ["new:clashes:kg+tj:2021-04"]


def test_one_leader_after_a_summit_is_a_speaker_not_its_anchor(ex):
    # dev2 v12: "القمة ... حيث اكد الرئيس الايراني" is not Iran's summit
    assert links(ex, "واختتمت القمة اعمالها حيث اكد الرئيس الايراني بالانابة محمد مخبر على دور المنظمة.",
                 date(2024, 7, 4)) == []


def test_the_opening_of_a_power_unit_is_an_event_not_a_villages_or_a_books(ex):
    rows = links(ex, "دشن الرئيس الطاجيكي إمام علي رحمن يوم 16 نوفمبر 2018 الوحدة الأولى لمحطة روغون الكهرومائية "
                     "في طاجيكستان.", date(2018, 11, 17))
    assert list(ids(rows).values()) == ["new:opening:tj:2018-11"]
    # test7 s07, test6 r06: a village and a book are no works an analyst tracks
    assert links(ex, "وظهر بردي محمدوف وهو يقص الشريط لدى تدشين القرية الجديدة في تركمانستان يوم 5 يونيو 2019.",
                 date(2019, 6, 6)) == []
    assert links(ex, "وأضاف، خلال مؤتمر صحفي بمناسبة تدشين كتاب 30 عاما على العلاقات بين الإمارات وكازاخستان يوم 3 يناير 2023.",
                 date(2023, 1, 4)) == []


def test_a_ratification_is_the_parties_and_a_name_is_no_ratification(ex):
    rows = links(ex, "صادق مجلس الشيوخ الكازاخستاني يوم 16 مايو 2024 على اتفاقية التعاون العسكري مع روسيا.",
                 date(2024, 5, 17))
    assert list(ids(rows).values()) == ["new:ratification:kz+ru:2024-05"]
    assert links(ex, "وقال محمد صادق يوم 16 مايو 2024 إن الاتفاقية مع روسيا مهمة لكازاخستان.", date(2024, 5, 17)) == []
    assert links(ex, "ولم يصادق البرلمان الكازاخستاني بعد على الاتفاقية مع روسيا الموقعة يوم 16 مايو 2024.",
                 date(2024, 5, 17)) == []


@pytest.fixture(scope="module")
def full() -> Extractors:
    return Extractors(load_catalogues(CATALOGUE_DIR))


def test_no_discovered_event_duplicates_a_catalogue_event_the_article_links(full, ex):
    # test11 k10 with the whole catalogue: the Vahdat prison riot is the catalogue's (linked in the second
    # sentence), so the lead's riot is not discovered beside it
    text = ("قُتل ثلاثة حراس و29 سجيناً في طاجيكستان في أعمال شغب ألقت الحكومة مسؤوليتها على متشددين. "
            "وقالت وزارة العدل في طاجيكستان إن أعمال الشغب اندلعت في وقت متأخر من مساء الأحد 19 مايو 2019 "
            "في سجن يقع بمدينة وحدات التي تبعد 10 كيلومترات عن العاصمة دوشنبه.")
    doc = Doc.from_text("t", text, date(2019, 5, 20), "day")
    ents, dates = full.entities.find(doc), full.dates.find(doc)
    catalogue = full.events.find(doc, ents, dates)
    assert "tj_vahdat_prison_riot_2019" in {r["event_id"] for r in catalogue}
    assert full.discovered_events.find(doc, ents, dates, catalogue) == []
    # without it in the catalogue, the riot is discovered
    assert {r["event_id"] for r in links(ex, text, date(2019, 5, 20))} == {"new:prison_riot:tj:2019-05"}


def test_a_lead_events_story_stops_at_another_countrys_sentence_and_another_time(ex):
    lead = ("أظهرت نتائج شبه نهائية لاستفتاء دستوري في قرغيزستان، أمس الأحد، موافقة أغلبية واسعة على توسيع "
            "السلطات الرئاسية. ")
    # ANT: "نسبة المشاركة الضعيفة ... في تونس" beside another country's vote is Tunisia's story
    rows = links(ex, lead + "وجاءت نسبة المشاركة ضعيفة في قرغيزستان وفي كازاخستان المجاورة، لكنّها بلغت نحو 37 %.",
                 date(2021, 4, 12))
    assert ids(rows) == {0: "new:referendum:kg:2021"}
    # a sentence dated months away is another time's ("في تشرين الثاني")
    rows = links(ex, lead + "وكانت نسبة المشاركة في قرغيزستان قد بلغت 40% في تشرين الثاني الماضي.", date(2021, 4, 12))
    assert ids(rows) == {0: "new:referendum:kg:2021"}


# ---- stop 23: the kind's noun in the forms text writes it, a lead's verb, a kind of its own ----------

def test_a_kinds_noun_takes_its_accusative_form():
    from dashboard.extract.discovered_events import with_forms
    forms = with_forms(["انفجار", "الانفجار", "انفجارات", "إقالة", "استفتاء", "منتدى", "تحطم طائرة", "زيارته"])
    assert "انفجارا" in forms  # "هز انفجارا ضخما": the indefinite noun, object of the verb
    # no alif after ة، ء، ى, a sound feminine plural, a definite noun, a pronoun or a phrase
    assert not {"الانفجارا", "انفجاراتا", "إقالةا", "استفتاءا", "منتدىا", "تحطم طائرةا", "زيارتها"} & set(forms)


def test_an_explosion_in_the_accusative_is_named(ex):
    rows = links(ex, "هز انفجارا ضخما مصنعا للكيماويات في مدينة شيمكنت بكازاخستان، اليوم الخميس، وأجلت السلطات "
                     "سكان الأحياء المجاورة.", date(2022, 3, 10))
    assert {r["event_id"] for r in rows} == {"new:blast:kz:2022-03"}


def test_a_bare_election_noun_with_the_house_it_fills_after_it(ex):
    # test17 (a part whose events the catalogue never took)
    text = ("نظمت تركمانستان، الأحد، أول انتخابات لمجلس الشيوخ في تاريخها. واستمرت الانتخابات ساعتين فقط، "
            "فبدأت عند الساعة العاشرة صباحا وانتهت عند الظهر.")
    assert ids(links(ex, text, date(2021, 3, 28))) == {0: "new:parliamentary_election:tm:2021",
                                                       1: "new:parliamentary_election:tm:2021"}


def test_organising_a_protest_in_the_lead_names_it_not_protesting_alone(ex):
    organised = ("نظم العشرات فى قازاخستان، اليوم الأربعاء، احتجاجا على بناء مصانع صينية فى ثلاث مدن "
                 "وطالبوا السلطات بوقف المشروعات.")
    assert {r["event_id"] for r in links(ex, organised, date(2019, 9, 4))} == {"new:protests:kz:2019-09"}
    # "in protest at" after another act (a resignation) names no protest
    resigned = "قدم وزير في كازاخستان، اليوم الأربعاء، استقالته احتجاجا على قرار الحكومة رفع أسعار الوقود."
    assert not [r for r in links(ex, resigned, date(2019, 9, 4)) if r["event_id"].startswith("new:protests")]


def test_a_launch_into_space_is_an_event_an_astronauts_return_is_not(ex):
    launch = ("ينطلق اليوم، الأربعاء، أول رائد فضاء إماراتي، هزاع المنصوري، إلى محطة الفضاء الدولية "
              "على متن مركبة سويوز من قاعدة بايكونور في كازاخستان.")
    assert {r["event_id"] for r in links(ex, launch, date(2019, 9, 25))} == {"new:launch:ae:2019-09"}
    back = "عاد رائد الفضاء الإماراتي هزاع المنصوري، اليوم الخميس، إلى الأرض بعد ثمانية أيام في المحطة."
    assert not [r for r in links(ex, back, date(2019, 10, 3)) if r["event_id"].startswith("new:launch")]


# test35 (zi12_aljazeera, zi13_baghdadtoday): two outlets report the film crew's landing, the end of its
# flight (the catalogue's flights run from launch to landing): both articles give it one id (the crew's
# adjective inside the gapped noun anchors it), and the launch from Baikonur named again is the same flight
FILM_CREW_A = ("عادت ممثلة ومخرجة روسية إلى الأرض اليوم الأحد بعد أن أمضت 12 يومًا في تصوير مشاهد في محطة الفضاء "
               "الدولية (ISS) لأول فيلم في المدار. وكانت الممثلة يوليا بيريسيلد والمخرج السينمائي كليم شيبينكو "
               "انطلقا من قاعدة بايكونور الفضائية المؤجرة لروسيا في كازاخستان في وقت سابق من هذا الشهر، حيث "
               "سافرت إلى محطة الفضاء الدولية مع رائد الفضاء المخضرم أنطون شكابليروف. "
               "وعندما رست مركبة طاقم الفيلم في محطة الفضاء الدولية في وقت سابق من هذا الشهر، كان على القائد "
               "التحول إلى التحكم اليدوي.")
FILM_CREW_B = ("عاد الطاقم الروسي الذي يضم في عداده ممثلة ومخرجا أمضيا 12 يوما في محطة الفضاء الدولية لتصوير أول "
               "فيلم في الفضاء، الأحد إلى الأرض. وهبطت المركبة \"سويوز إم إس-18\" وعلى متنها الممثلة والمخرج، "
               "في سهوب كازاخستان في الوقت المحدد.")


# test35 (zi05_ednews): the rocket named in quotes ('صاروخ "سويوز – 2.1 آ" الروسي') is read past its quoted name to
# its adjective; the rocket and the craft named again are the launch's, the backup crew is not
SOYUZ_MS16 = ('صرح ناطق باسم مؤسسة "روس كوسموس" الروسية أن صاروخ "سويوز – 2.1 آ" الروسي قد نصب الاثنين 6 أبريل في '
              'منصة الإطلاق حاملا مركبة "سويوز إم إس" المأهولة إلى المحطة الفضائية الدولية. '
              'وجاء في بيان أصدرته مؤسسة "روس كوسموس" الفضائية أن نصب الصاروخ في المنصة الـ31 المسماة بـ "فوستوك" '
              '(الشرق) في مطار "بايكونور" الفضائي تم بناء على قرار اتخذته اللجنة الحكومية الروسية. '
              'وأضاف البيان أن إطلاق الصاروخ مخطط له الساعة الـ11.05 يوم 9 أبريل الجاري. '
              'وستضم مركبة "سويوز إم إس -16" التي سيحملها الصاروخ رائدي الفضاء الروسيين. '
              'وأشار البيان إلى أن الطاقم الاحتياطي للمركبة يضم رائدين روسيين وأمريكيا.')


def test_a_rocket_named_in_quotes_is_a_launch_and_its_rocket_and_craft_refer_to_it(ex):
    assert ids(links(ex, SOYUZ_MS16, date(2020, 4, 6))) == {s: "new:launch:ru:2020-04" for s in range(4)}


def test_a_crews_return_to_earth_is_its_flights_in_every_outlet(ex):
    assert ids(links(ex, FILM_CREW_A, date(2021, 10, 17))) == {s: "new:landing:ru:2021-10" for s in (0, 1, 2)}
    assert ids(links(ex, FILM_CREW_B, date(2021, 10, 18))) == {s: "new:landing:ru:2021-10" for s in (0, 1)}
    # a return from anywhere else is no flight's end; astronauts at a meeting are no flight (ANT)
    home = "عاد وفد روسي إلى الأرض المقدسة اليوم الأحد بعد زيارة إلى كازاخستان."
    pope = ("وقال رائد الفضاء الإيطالي باولو نيسبولي للبابا خلال اجتماع في الفاتيكان، الجمعة، حضره أيضا أربعة رواد "
            "من محطة الفضاء الدولية.")
    for text in (home, pope):
        assert not [r for r in links(ex, text, date(2018, 6, 9)) if r["event_id"].startswith(("new:launch", "new:landing"))]


def test_a_plane_named_before_its_verb_crashed(ex):
    text = "أعلنت السلطات أن الطائرة تحطمت في مطار ألماتي في كازاخستان، السبت، ما أسفر عن مقتل أربعة أشخاص."
    assert {r["event_id"] for r in links(ex, text, date(2021, 3, 13))} <= {"new:crash:kz:2021-03"}


def test_a_bodys_summit_named_again_with_its_venue_is_the_same_summit(ex):
    # test13: the Turkic states' summit in Istanbul (held out of the fixture's catalogue)
    text = ("جاء ذلك في كلمة ألقاها توقاييف الجمعة، بقمة منظمة الدول التركية في إسطنبول. "
            "وحضر القمة التاريخية في إسطنبول رؤساء أذربيجان إلهام علييف، وقرغيزيا صدر جباروف.")
    rows = ids(links(ex, text, date(2021, 11, 12)))
    assert rows.get(0, "").startswith("new:summit:") and rows.get(1) == rows[0]


@pytest.fixture(scope="module")
def without_uz_visit(tmp_path_factory) -> Extractors:
    folder = tmp_path_factory.mktemp("catalogues") / "copy"
    write_copy(CATALOGUE_DIR, folder, HELD_SINCE | {"erdogan_visit_uz_2022"})
    return Extractors(load_catalogues(folder))


def test_a_visit_the_sentence_itself_contradicts_gives_way(without_uz_visit):
    # test8: Erdogan's visit to Uzbekistan, read by the catalogue as his visit to Saudi Arabia weeks later
    ex = without_uz_visit
    text = ("أردوغان يختتم زيارته إلى أوزبكستان.. هذا ملخص الزيارة\n"
            "غادر الرئيس التركي رجب طيب أردوغان، العاصمة الأوزبكية طشقند، عائدا إلى تركيا في ختام زيارة رسمية "
            "استمرت ليومين.\nوأتت زيارة أردوغان لأوزباكستان بمناسبة مرور 30 عاما على انطلاق العلاقات الثنائية "
            "بين تركيا وأوزبكستان.")
    doc = Doc.from_text("t01", text, date(2022, 3, 1), "month")
    ents, dates = ex.entities.find(doc), ex.dates.find(doc)
    catalogue = ex.events.find(doc, ents, dates)
    assert "erdogan_visit_sa_2022" in {r["event_id"] for r in catalogue}  # what the catalogue alone reads
    kept, found = ex.discovered_events.overrule(doc, ents, dates, catalogue)
    assert "erdogan_visit_sa_2022" not in {r["event_id"] for r in kept}
    assert {r["event_id"] for r in found} == {"new:visit:erdogan+uz:2022-03"}
    # a visit the sentence does not contradict stays: nothing found, nothing overruled
    assert ex.discovered_events.contradicted(catalogue, []) == set()


def test_the_kinds_noun_again_unanchored_is_the_articles_one_event(ex):
    # as test9's Bek Air article: the crash named in the lead, then its noun again with no place of its own
    text = ("تحطمت طائرة ركاب صباح اليوم الجمعة بعد إقلاعها من مطار أكتوبي في كازاخستان. "
            "وحسب مصادر أمنية فإن 7 أشخاص على الأقل قتلوا جراء سقوط طائرة تابعة لإحدى شركات الطيران المحلية.")
    assert ids(links(ex, text, date(2022, 5, 20))) == {0: "new:crash:kz:2022-05", 1: "new:crash:kz:2022-05"}
    # a kind whose noun needs another word (an agreement signed) is not named again by its noun alone
    signed = ("وقعت قرغيزستان وأوزبكستان اليوم الخميس اتفاقية لترسيم الحدود بين البلدين. "
              "وقال الخبراء إن اتفاقية أخرى ستتبعها في مجال المياه.")
    assert 1 not in ids(links(ex, signed, date(2022, 11, 3)))


SARDOBA = ("العالم ـ أسيا الوسطى\nتهاوت جدران سد خزان ساردوبا في شرق اوزبكستان في وقت مبكر الجمعة ما استدعى البدء "
           "بعملية حكومية لإجلاء 70 الف شخص. وتم نقل أكثر من 50 شخصا إلى المستشفى في أوزبكستان.")


def test_an_event_the_catalogue_holds_but_its_cues_miss_is_linked_to_it(catalogues):
    """A dam's collapse named, anchored and dated by the article (test13): the catalogue holds one
    collapse in Uzbekistan that month and its own cues missed the sentence, so the sentence is
    linked to it (cue ``held:``), not left unlinked nor given a provisional id."""
    rows = links(Extractors(catalogues), SARDOBA, date(2020, 5, 1), "month")
    assert ids(rows) == {1: "sardoba_dam_collapse_2020"}
    assert rows[0]["cue"].startswith("held: ") and "anchor: uz" in rows[0]["cue"]


# test21 (tuning half): an armed attack, a repatriation and a sit-in, each named in the article's lead
BORDER_ATTACK = ("أعلنت السلطات في طاجكستان، الأربعاء 6 نوفمبر 2019، مقتل 15 مهاجمًا من تنظيم داعش برصاص قوات الأمن، "
                 "كانوا يهاجمونها قادمين من أفغانستان.\n\nووقع الهجوم عند الساعة 3,23، بالتوقيت المحلي، مستهدفًا وحدة "
                 "من حرس الحدود الطاجيكيين، قرب أوزبكستان، المجاورة على بعد حوالى 50 كلم، جنوب غرب العاصمة دوشانبي.")
REPATRIATION = ("أعلنت وزارة الخارجية في أوزبكستان، \"أنّها أعادت 156 من مواطنيها، معظمهم من النساء والأطفال، كانوا "
                "عالقين في نزاعات مسلّحة غير محدّدة في الشرق الأوسط\".\n\nوأوضحت في بيان، أنّ \"المواطنين تمّ خداعهم في "
                "منطقة النزاعات المسلحة في الشرق الأوسط\"، لافتةً إلى أنّ \"الرئيس شوكت ميرزوييف أمر بإعادتهم إلى طشقند "
                "عبر رحلة خاصة\".\n\nوبيّنت أنّ \"الحكومة ستقدّم مساعدة شاملة لإعادة تأهيل وإعادة إندماج جميع المواطنين "
                "الأوزبك الّذين عادوا إلى وطنهم بعد حياة صعبة\".")
SIT_IN = ("مع استمرار القمع في الصين وتحديدا في شينجيانغ، يتواصل اعتصام منذ أكثر من شهر رغم تدخل الشرطة لوقفه، أمام "
          "قنصلية بكين في ألماتي، كبرى مدن كازاخستان.\nوالمطالب من هذا الاعتصام هي فقط العودة الآمنة لأقارب المتظاهرين "
          "المفقودين أو المسجونين.")


def test_an_armed_attack_its_attackers_and_the_catalogues_attack_when_it_holds_it(ex, catalogues):
    """The attackers killed name the attack (a killing in the sentence: not a verbal attack), the
    country before the noun anchors it; "ووقع الهجوم" refers to it. With the catalogue that holds
    the attack (its kind now said by a name), the lead is the catalogue's, as held."""
    assert ids(links(ex, BORDER_ATTACK, date(2019, 11, 6))) == {0: "new:attack:tj:2019-11", 1: "new:attack:tj:2019-11"}
    full = links(Extractors(catalogues), BORDER_ATTACK, date(2019, 11, 6))
    assert ids(full) == {0: "tj_border_post_attack_2019"} and full[0]["cue"].startswith("held: ")
    verbal = "شن الرئيس هجوما حادا على الحكومة في طاجيكستان، الأربعاء 6 نوفمبر 2019، أمام البرلمان."
    assert links(ex, verbal, date(2019, 11, 6)) == []


def test_citizens_brought_home_and_not_any_return(ex):
    """"أعادت 156 من مواطنيها": a repatriation by the state named before it; the order to bring them
    home refers to it; rehabilitation (إعادة تأهيل) is no event."""
    assert ids(links(ex, REPATRIATION, date(2019, 5, 1), "month")) == {0: "new:repatriation:uz:2019-05",
                                                                      1: "new:repatriation:uz:2019-05"}


def test_a_sit_in_is_a_protest(ex):
    rows = ids(links(ex, SIT_IN, date(2021, 3, 19)))
    assert rows[0].startswith("new:protests:") and rows[1] == rows[0]


def test_undated_news_beside_the_catalogues_event_of_its_nature_is_its_story(catalogues):
    """test13: floods in Kazakh villages, in the lead of an article on the Sardoba dam's collapse that
    the catalogue links: not a new event of the publication's month but the collapse's story."""
    text = SARDOBA + (" وكتب رئيس كازاختسان قاسم-جومارت توكاييف الأحد على تويتر أنّ عشر قرى كازاخية على مقربة من "
                      "الحدود الأوزبكية تعرضت لـ 'فيضانات قوية' ما أجبر السلطات على إجلاء 22 ألف شخص.\n"
                      "وزار ميرزيوييف الجمعة المنطقة، التي شهدت رياحا وأمطارا قوية قبل انهيار السد، من أجل الإشراف على "
                      "عملية الإخلاء.")
    ex = Extractors(catalogues)
    doc = Doc.from_text("t", text, date(2020, 5, 1), "month")
    ents, dates = ex.entities.find(doc), ex.dates.find(doc)
    catalogue = ex.events.find(doc, ents, dates)
    assert "sardoba_dam_collapse_2020" in {r["event_id"] for r in catalogue}
    assert not any(is_provisional(r["event_id"]) for r in ex.discovered_events.find(doc, ents, dates, catalogue))


# dev2: a vote told by its voters, and one whose ballot boxes open in an article naming the referendum
VOTERS = ("يدلي الناخبون في قرغيزستان بأصواتهم، الأحد 28 نوفمبر (تشرين الثاني)، لاختيار برلمان جديد، وذلك بعد عام "
          "من انتخابات سابقة أثارت أعمال شغب أطاحت الحكومة.\nويتنافس نحو 1300 مرشح من 21 حزباً سياسياً على 90 "
          "مقعداً في البرلمان خلال الانتخابات.")
REFERENDUM_BOXES = ("بدأ اليوم في كازاخستان، استفتاء حول إنشاء أول محطة للطاقة النووية، وهي مبادرة تدعمها حكومة الرئيس "
                    "قاسم جومارت توكاييف.\nوبحسب وكالة الأنباء الكازاخستانية، فتحت مراكز الاقتراع في 74 مركز اقتراع "
                    "في البعثات الدبلوماسية لكازاخستان في 59 دولة.")


def test_a_vote_told_by_its_voters_and_the_referendum_it_yields_to(ex):
    """No noun says which vote "يدلي الناخبون في قرغيزستان" is: a vote of Kyrgyzstan that month, and
    "الانتخابات" after it refers to it; the ballot boxes of an article naming the referendum are the
    referendum's (``yields_to``), not a second event."""
    assert ids(links(ex, VOTERS, date(2021, 11, 28))) == {0: "new:vote:kg:2021-11", 1: "new:vote:kg:2021-11"}
    assert ids(links(ex, REFERENDUM_BOXES, date(2024, 10, 6))) == {0: "new:referendum:kz:2024",
                                                                  1: "new:referendum:kz:2024"}


def test_disengagement_is_no_clash_of_the_articles_attack(catalogues):
    """ANT (CNN, 12 September 2018, an op-ed): after the Boston marathon bombing is named, "فك الاشتباك"
    (disengagement) does not refer to it."""
    text = ("تمكن إرهابيان من \"الذئاب المنفردة\" بتصنيع قنبلتين عبر تعديل طنجرتي ضغط للطهي وتفجيرهما باعتداء مشين "
            "قرب خط النهاية في ماراثون مدينة بوسطن منتصف إبريل عام 2013.\n"
            "وأخيرا فك الاشتباك والارتباط إن لزم الأمر بكل ما يعيق تحقيق الهدفين السابقين في أميركا.")
    ex = Extractors(catalogues)
    # read a week after the bombing (in the op-ed of 2018 it is recalled, no new event: RECALL_AGE)
    found = ids(links(ex, text, date(2013, 4, 22)))
    assert found.get(0, "").startswith("new:attack:us:2013")
    assert 1 not in found
    assert links(ex, text, date(2018, 9, 12)) == []


def test_a_visit_held_by_the_catalogue_goes_where_the_sentence_says(catalogues):
    """A visit named, anchored by its visitor and dated is the catalogue's visit of that visitor at
    that time only if it goes where the sentence says: Rahmon's June 2022 visit to Uzbekistan is not
    his visit to Iran of late May (held by the visitor and the month alone, it was)."""
    full = Extractors(catalogues)
    to_uzbekistan = ("وقع الرئيس الطاجيكي إمام علي رحمن ونظيره الأوزبكي شوكت ميرضيائيف اتفاقية تحالف في دوشنبه. "
                     "وكان الرئيسان قد وقعا، خلال زيارة رحمن الرسمية لأوزبكستان في يونيو 2022، إعلانا لتعزيز الصداقة.")
    rows = links(full, to_uzbekistan, date(2022, 12, 20))
    assert "rahmon_visit_ir_2022" not in {r["event_id"] for r in rows}
    assert ids(rows).get(1, "").startswith("new:visit:rahmon")
    # recalled two years on it is no new event (RECALL_AGE), and still not the visit to Iran
    later = {r["event_id"] for r in links(full, to_uzbekistan, date(2024, 4, 18))}
    assert "rahmon_visit_ir_2022" not in later and not any(e.startswith("new:visit:") for e in later)
    # his visit to Iran is still the catalogue's (its own cues link it)
    to_iran = ("وقع الرئيس الطاجيكي إمام علي رحمن ونظيره الإيراني 17 وثيقة للتعاون. "
               "وكان ذلك خلال زيارة رحمن الرسمية لإيران في مايو 2022.")
    doc = Doc.from_text("t", to_iran, date(2022, 6, 5), "day")
    catalogue = full.events.find(doc, full.entities.find(doc), full.dates.find(doc))
    assert ids(catalogue).get(1) == "rahmon_visit_ir_2022"


def test_a_visit_nouns_discovery_takes_the_visit_of_its_month_when_its_visitor_has_two(catalogues):
    """A visit noun's discovery ("زيارة دولة إلى دوشنبه", anchored by the visitor alone) is renamed to
    the visit found from the article's structure (visits.py, visitor + host): where the article
    names another visit of the same visitor (his 2021 visit, the catalogue's), the one of its month,
    not two ids for one visit in one sentence."""
    text = ("دوشنبه، 18 أبريل. وقع رئيسا طاجيكستان وأوزبكستان إمام علي رحمن وشوكت ميرضيائيف على معاهدة تحالف بين البلدين.\n"
            "وصل شوكت ميرضيائيف في زيارة دولة إلى دوشنبه في 18 أبريل. "
            "وكان ميرضيائيف قد قام بزيارة رسمية إلى طاجيكستان في يونيو 2021، وقع خلالها الطرفان 30 وثيقة.")
    rows = links(Extractors(catalogues), text, date(2024, 4, 18))
    assert sorted(r["event_id"] for r in rows if r["sentence_id"] == 2) == ["new:visit:mirziyoyev+tj:2024-04"]


MUDFLOW = ("أدت سيول ناجمة عن انزلاق تربة في طاجيكستان إلى مصرع 10 أشخاص وفقدان شخصين، حسبما أعلن مسؤولون، "
           "اليوم الثلاثاء. "
           "وتشهد المناطق الجبلية بآسيا الوسطى كل عام حوادث انزلاق تربة مميتة غالبا في الربيع. "
           "وأفادت أجهزة الطوارئ أن انزلاق التربة في المنطقة الشمالية قطع الطرق الريفية ودمر عشرات المنازل.")
DROUGHT = ("قال رئيس الدولة في كازاخستان، أمس، ان وزير الزراعة لم تفعل وزارته ما يكفي لمعالجة تأثير الجفاف "
           "الذي أثر على المزارعين في عدة مناطق. "
           "وقال الرئيس، قاسم جومارت توكاييف، إن وزارته فشلت في مساعدة المزارعين على مواجهة الجفاف.")


def test_a_landslide_and_a_drought_are_events_of_their_kind(ex):
    """A mudflow (test25's AFP report) is the landslide's of its country and month, named again by its noun
    later; the habit of such disasters (كل عام) is none. A drought is its country's of the year."""
    assert ids(links(ex, MUDFLOW, date(2021, 7, 20))) == {0: "new:landslide:tj:2021-07", 2: "new:landslide:tj:2021-07"}
    assert ids(links(ex, DROUGHT, date(2021, 7, 1), "month")) == {0: "new:drought:kz:2021", 1: "new:drought:kz:2021"}
    # dry skin is no drought
    skin = "وقالت وزارة الصحة في كازاخستان اليوم الثلاثاء إن جفاف الجلد يصيب كثيرا من المرضى في الشتاء."
    assert not links(ex, skin, date(2021, 7, 20))


def test_a_massive_or_protest_march_is_a_protest(ex):
    # ANT (2018): "مسيرات حاشدة" names the rallies after Marielle Franco's murder; a march alone
    # ("مسيرة"، "مسيرات": a career, drones) names none
    text = "مسيرات حاشدة في البرازيل، عقب اغتيال سياسية بارزة وناشطة في مجال حقوق المرأة"
    assert ids(links(ex, text, date(2018, 3, 16))) == {0: "new:protests:br:2018-03"}
    drones = "أسقطت الدفاعات الجوية مسيرات في البرازيل، عقب اغتيال سياسية بارزة"
    assert not [r for r in links(ex, drones, date(2018, 3, 16)) if r["event_id"].startswith("new:protests")]


# A past event the sentence dates half a year or more before the publication is recalled as
# background (test37's Rogun unit of 2018 in a 2019 article, test29's visit of 2018 in a 2021 one):
# no new event; the same sentence read as the day's news still is one.
ROGUN = ("وفي نوفمبر/تشرين الثاني 2018، تم إطلاق الوحدة الأولى من محطة راغون للطاقة الكهرومائية، "
         "ووفقا لبيانات رسمية فإن طاجيكستان تحتل المركز الثامن على المستوى العالمي من حيث امتلاك المياه.")
SISI = ("وقد أكد الرئيس أن مصر شريك هام لأوزبكستان وأن الزيارة التاريخية للرئيس عبد الفتاح السيسى "
        "لأوزبكستان فى سبتمبر 2018 تمخضت عن خارطة طريق للتعاون المستقبلى بين البلدين.")


def test_a_past_event_recalled_is_no_new_event(ex):
    assert links(ex, ROGUN, date(2019, 9, 9)) == []
    assert links(ex, SISI, date(2021, 1, 1), "month") == []
    assert ids(links(ex, ROGUN, date(2018, 11, 20))) == {0: "new:opening:tj:2018-11"}
    assert ids(links(ex, SISI, date(2018, 9, 20))) == {0: "new:visit:sisi:2018-09"}


def test_a_past_visit_read_from_its_visitor_and_host_is_no_new_visit(ex):
    # the visit finder's structure (a verb, the visitor, the host), dated two years before: recalled
    text = "وفي سبتمبر 2018 زار الرئيس عبد الفتاح السيسي أوزبكستان."
    assert links(ex, text, date(2020, 8, 29)) == []
    assert ids(links(ex, text, date(2018, 9, 20))) == {0: "new:visit:sisi+uz:2018-09"}


def test_a_visit_found_beside_the_articles_catalogue_visit_is_that_visit(catalogues):
    """test25: Cavusoglu received by Uzbek officials, read as their visit to Turkey (host and visitor
    the wrong way round): the catalogue's visit of the article at that time is the sentence's, and no
    contradiction takes the catalogue's link away."""
    text = ("زار وزير الخارجية التركي “مولود تشاووش أوغلو”، الأحد، ضريح أمير تيمور المعروف باسم تيمورلنك، "
            "في مدينة سمرقند الأوزبكية.\n\n"
            "واستقبل تشاووش أوغلو في “سمرقند”، نائب رئيس الوزراء عزيز عبد الحكيموف، ووزير الخارجية عبد العزيز "
            "كاملوف، ومحافظ سمرقند أركين تورديموف.")
    ex = Extractors(catalogues)
    doc = Doc.from_text("z05", text, date(2021, 3, 7), "day")
    ents, dates = ex.entities.find(doc), ex.dates.find(doc)
    kept, found = ex.discovered_events.overrule(doc, ents, dates, ex.events.find(doc, ents, dates))
    assert {(r["sentence_id"], r["event_id"]) for r in kept} == {(0, "cavusoglu_visit_uz_2021"),
                                                                  (1, "cavusoglu_visit_uz_2021")}
    assert found == []
    # the visit found there is read as Cavusoglu's, not as the Uzbek minister's to Turkey
    assert ex.discovered_events._visit_it_is(
        "new:visit:aziz_abdukhakimov+tr:2021-03", "visit: aziz_abdukhakimov+tr [2021-03-07..2021-03-07]",
        ex.discovered_events._linked_visits(kept)) == "cavusoglu_visit_uz_2021"
