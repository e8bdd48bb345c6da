"""Unseen spellings of catalogue names (variant key + guards), people resolved within their
article, relatives kept apart, and نور سلطان as a person. Sentences are written as Arabic news
writes them (spellings from the unseen 2019-2024 articles that the catalogue missed)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extract.entities import EntityMatcher
from dashboard.text.document import Doc
from dashboard.text.normalize import fold
from dashboard.text.variants import eligible, is_common_word, variant_key


@pytest.fixture(scope="module")
def matcher(catalogues):
    return EntityMatcher(catalogues.entities)


def found(matcher, text: str) -> list[tuple[str, str, str]]:
    return [(r["entity_id"], r["surface"], r["match"]) for r in matcher.find(Doc.from_text("t", text))]


@pytest.mark.parametrize("a, b", [
    ("ميرزيوئيف", "ميرضيائيف"), ("ميرضوييف", "ميرضيائيف"), ("ميرزاييف", "ميرضيائيف"),
    ("توكافييف", "توكاييف"), ("بلينكين", "بلينكن"), ("جباروف", "جاباروف"),
    ("تشيليابنسك", "تشيليابينسك"), ("إردوغان", "أردوغان"),
])
def test_spelling_variants_share_a_key(a, b):
    assert variant_key(fold(a)) == variant_key(fold(b))


@pytest.mark.parametrize("a, b", [
    ("نزارباييفا", "نزارباييف"),   # a feminine surname is another person
    ("توقيفه", "توكاييف"),         # "his arrest"
])
def test_different_names_keep_different_keys(a, b):
    assert variant_key(fold(a)) != variant_key(fold(b))


def test_short_and_common_words_are_never_variants():
    assert not eligible(fold("رئيسي"))           # too short
    assert is_common_word(fold("توقيفه"))         # frequent in ordinary Arabic
    assert not is_common_word(fold("ميرزيوئيف"))


def test_unseen_spellings_are_found_with_support(matcher):
    rows = found(matcher, "التقى الرئيس الأوزبكي شوكت ميرزيوئيف نظيره الكازاخستاني "
                          "قاسم جومارت توكافييف في طشقند.")
    assert ("mirziyoyev", "شوكت ميرزيوئيف", "variant") in rows
    assert ("tokayev", "قاسم جومارت توكافييف", "variant") in rows
    assert ("blinken", "أنتوني بلينكين", "variant") in found(
        matcher, "وزار وزير الخارجية الأمريكي أنتوني بلينكين أستانا.")
    # the person's country in the sentence supports the reading
    assert ("mirziyoyev", "ميرضوييف", "variant") in found(matcher, "وقال ميرضوييف إن أوزبكستان مستعدة.")


def test_a_variant_without_support_is_not_taken(matcher):
    assert found(matcher, "وقال ميرضوييف إن البلاد مستعدة.") == []


def test_an_ordinary_word_is_not_a_variant(matcher):
    assert [r for r in found(matcher, "وأعلنت السلطات توقيفه في كازاخستان.") if r[0] == "tokayev"] == []
    assert found(matcher, "ورئيسي وزراء البلدين") == []


def test_relatives_are_their_own_entities(matcher):
    rows = found(matcher, "وقالت داريغا نزارباييفا إن والدها نور سلطان نزارباييف بخير.")
    assert ("dariga_nazarbayeva", "داريغا نزارباييفا", "exact") in rows
    assert ("nazarbayev", "نور سلطان نزارباييف", "exact") in rows
    # a first name the catalogue knows for another person: not Nursultan
    assert [r for r in found(matcher, "وقالت عليا نزارباييف إن") if r[0] == "nazarbayev"] == []


def test_a_word_that_folds_to_a_first_name_is_no_relatives_name(matcher):
    # على (the preposition) folds to علي, الماضي ("last") peels to ماضي, both first names of
    # other catalogue people: the family name after them is still the person (test25, ANT)
    assert ("atambayev", "أتامباييف", "exact") in found(matcher, "وحُكم على أتامباييف بالسجن لمدة 11 سنة.")
    assert ("sagintayev", "ساغينتايف", "exact") in found(
        matcher, "وأقال الرئيس السابق الشهر الماضي ساغينتايف من منصب رئيس الوزراء.")
    assert ("erdogan", "أردوغان", "exact") in found(matcher, "ويرى أن على أردوغان أن يبدأ بتعيين أشخاص.")
    # a bare family name after the full name, after على (ANT): the person; after علي, still a relative
    text = "قال رئيس الوزراء الإيطالي جوزيبي كونتي إن الحكومة مستعدة. {} كونتي بصفته رئيسا للوزراء تحمل المسؤولية."
    assert ("giuseppe_conte", "كونتي", "article") in found(matcher, text.format("وعلى"))
    assert ("giuseppe_conte", "كونتي", "article") not in found(matcher, text.format("وعلي"))
    # an unseen spelling of the person's own first name, and a middle name after it: part of the
    # mention, as the person's own first names before the family name are (test11, ANT)
    assert ("peskov", "ديميتري بيسكوف", "variant") in found(matcher, "أكد المتحدث باسم الرئاسة الروسية، ديميتري بيسكوف، أن")
    assert ("madbouly", "مصطفى كمال مدبولي", "exact") in found(
        matcher, "قرارا أصدره رئيس الوزراء مصطفى كمال مدبولي برفع الأسعار")
    assert ("tokayev", "قاسم جومارت توقايف", "exact") in found(matcher, "إن الرئيس الكازاخى قاسم جومارت توقايف فرض")
    # a speaker's name before a quotation, and a particle, are no relative's first name; a
    # hashtag's underscore joins a name (ANT)
    assert ("erdogan", "أردوغان", "exact") in found(matcher, 'قال المتحدث باسم الوحدات نوري محمود: "أردوغان يكذب على العالم"')
    assert ("trump", "ترامب", "exact") in found(matcher, "من جانبها أصدرت زوجة ابن ترامب بيانا")
    assert [r for r in found(matcher, "إن #يوليا_سكريبال التي تعرضت مع والدها") if r[0] == "skripal"] == []
    assert [r for r in found(matcher, 'بتصديه لتسديدة يوسف إبراهيم "أوباما" وإخراجها') if r[0] == "obama"] == []
    # a Korean name starts with the family name: كيم is no first name before مون (ANT)
    rows = found(matcher, "التقى الرئيس الكوري الجنوبي مون جاي إن بالزعيم الكوري الشمالي كيم جونغ أون. "
                          "هل تسفر قمة كيم مون عن نتائج ملموسة")
    assert ("moon_jae_in", "مون", "article") in rows
    # named so in full, the person's bare first name later in the article is the person (test9)
    assert found(matcher, "وقالت درايغا نزارباييفا إنها ستترشح. ولا يزال ينظر إلى والد درايغا البالغ 79 عاماً") == [
        ("dariga_nazarbayeva", "درايغا نزارباييفا", "variant"), ("dariga_nazarbayeva", "درايغا", "article")]
    # relatives stay apart: علي written so, a daughter after her father's first name and و
    assert [r for r in found(matcher, "وقالت عليا نزارباييف إن") if r[0] == "nazarbayev"] == []
    assert [r for r in found(matcher, "وكانت يوليا سكريبال قد تعرضت لعملية تسمم") if r[0] == "skripal"] == []
    assert [r for r in found(matcher, "في تسميم سيرغي ويوليا سكريبال.") if r[1] == "سكريبال"] == []
    assert [r for r in found(matcher, "أحمد قديروف رئيساً للشيشان.") if r[0] == "kadyrov"] == []


def test_a_family_name_after_another_members_first_name_is_that_member(matcher):
    # Serdar Berdimuhamedov under a spelling of his first name the catalogue lacks (سيردار, listed
    # سردار): the family name alone would be his father's
    # (the father's full name as printed there is a catalogue alias since stop 30: one mention, as the
    # gold reads it)
    rows = found(matcher, "فاز سيردار بيردي محمدوف (40 عاما)، نجل الرئيس قوربان قولو بيردي محمدوف، "
                          "بالانتخابات الرئاسية في تركمانستان.")
    assert rows == [("serdar_berdimuhamedov", "سيردار بيردي محمدوف", "variant"),
                    ("gurbanguly_berdimuhamedov", "قوربان قولو بيردي محمدوف", "exact"),
                    ("tm", "تركمانستان", "exact")]
    # the family name alone, or after a title, stays the father
    assert found(matcher, "وقال الرئيس بيردي محمدوف إن")[0][0] == "gurbanguly_berdimuhamedov"


def test_nur_sultan_is_the_person_in_an_article_on_nazarbayev(matcher):
    def ids(text, published=None):
        return [r["entity_id"] for r in matcher.find(Doc.from_text("t", text, published, "day"))]

    before_renaming = date(2018, 6, 1)
    text = ("أعلن نور سلطان نزارباييف استقالته. وقال نور سلطان إن البلاد بخير. "
            "ووصل الوفد إلى نور سلطان.")
    assert ids(text, before_renaming) == ["nazarbayev", "nazarbayev", "astana"]
    # once the capital bears the name, the bare words are the city (or its government) ...
    assert ids(text, date(2021, 6, 1)) == ["nazarbayev", "astana", "astana"]
    # ... unless his surname follows (a patronymic between)
    assert ids("وقال نور سلطان أبيشيفيتش نزارباييف", date(2021, 6, 1)) == ["nazarbayev", "nazarbayev"]
    assert ids("ووصل الوفد إلى نور سلطان.", before_renaming) == ["astana"]
    # the renaming itself names the city: "became Nur-Sultan, after the former president"
    assert ids('وبعد تصويت للنواب، أصبحت "نور سلطان"، على اسم الرئيس السابق نزارباييف.',
               date(2019, 3, 1)) == ["astana", "nazarbayev"]


def test_bare_surname_resolves_to_the_full_name_met_earlier(matcher):
    rows = found(matcher, "التقى الرئيس الإيراني إبراهيم رئيسي نظيره. وقال الرئيس الإيراني رئيسي "
                          "إن دورا رئيسيا ينتظر. واجتمع رئيسي وزراء البلدين.")
    assert [r for r in rows if r[0] == "raisi"] == [
        ("raisi", "إبراهيم رئيسي", "exact"), ("raisi", "رئيسي", "article")]
    rows = found(matcher, "وقالت نائبة الرئيس كامالا هاريس. وأضافت هاريس أن")
    assert ("kamala_harris", "هاريس", "article") in rows
    # before the full name, the bare word is nobody
    assert found(matcher, "وأضافت هاريس أن") == []


def test_curated_bare_name_after_the_full_name(matcher):
    rows = found(matcher, "وصل الرئيس الصيني شي جين بينغ إلى كازاخستان. وخلال زيارة شي التقى توكاييف.")
    assert ("xi_jinping", "شي", "article") in rows
    assert [r for r in found(matcher, "وخلال زيارة شي التقى توكاييف.") if r[0] == "xi_jinping"] == []


def test_regions_in_a_list_and_directions(matcher):
    rows = found(matcher, "غمرت المياه منازل في مناطق أتيراو وأكتوبي وأكمولا وشرق كازاخستان وشمال كازاخستان.")
    assert [r[0] for r in rows] == ["atyrau_region", "aktobe_region", "akmola_region",
                                    "east_kazakhstan_region", "north_kazakhstan_region"]
    rows = found(matcher, "تقع مدينة سيمي في شمال شرق كازاخستان. وصل إلى أتيراو. بالنظر إلى أن شمال كازاخستان كان")
    assert [r[0] for r in rows] == ["semey", "kz", "atyrau", "kz"]
    # a list of regions without a list word: names listed with a region are regions
    rows = found(matcher, "وأضافت الوزارة أن عمليات الإجلاء مستمرة في شمال كازاخستان وأكتوبي وغرب كازاخستان.")
    assert [r[0] for r in rows] == ["north_kazakhstan_region", "aktobe_region", "west_kazakhstan_region"]
    assert [r[0] for r in found(matcher, "وصل الوفد إلى أكتوبي وأتيراو.")] == ["aktobe", "atyrau"]


def test_quotes_inside_a_name(matcher):
    assert [r[0] for r in found(matcher, 'انطلقت قمة منظمة "شنغهاي" للتعاون')] == ["sco"]



def test_a_variant_skeleton_stays_with_one_entity_when_the_catalogue_grows(matcher):
    # dev (almayadeen): توكافييف is Tokayev by his skeleton (تكف); a minister added under the same
    # one-word skeleton (تاكييف, Madi Takiyev) would make it ambiguous and lose him: the catalogue
    # lists such a namesake by his full name only
    text = "فاز قاسم جومارت توكاييف بالانتخابات. وأدلى توكافييف بصوته في وقت مبكر في العاصمة أستانة."
    assert ("tokayev", "توكافييف", "variant") in found(matcher, text)
    variants = matcher.variants
    assert variants.index[variant_key(fold("توكاييف"))][0] == "tokayev"


def test_a_namesake_minister_is_not_a_provisional_deputy_akim(catalogues):
    # test7 (aljazirah): the deputy akim Askhat Orlov (اسخت اورلوف) is no catalogue person: an
    # unseen spelling of a catalogue name within a few letters (Askhat Oralov, a minister) would
    # put two people under one id, so no such minister is listed by that full name
    matcher = EntityMatcher(catalogues.entities)
    assert matcher.variants.person_named(tuple(fold("اسخت اورلوف").split())) is None


def test_a_noun_in_construct_before_a_family_name_is_no_relatives_first_name(matcher):
    # ANT: سياسات (Sayasat Nurbek's first name), عمر, خليفة, أزمات are catalogue first names that
    # text writes with the article as often as without (nouns: "policies", "age", "successor",
    # "crises"): the family name after them is the known person, not a relative
    assert ("modi", "مودي", "exact") in found(matcher, "وتحفز سياسات مودي الصديقة للأعمال النمو.")
    assert ("putin", "بوتين", "exact") in found(matcher, "وسيكون عمر بوتين في حينها 71 عاما.")
    assert ("erdogan", "أردوغان", "exact") in found(matcher, "وينظر إلى الوزير في الحزب على أنه خليفة أردوغان والرجل الثاني.")
    assert ("trump", "ترامب", "exact") in found(matcher, "بين المنتقدين باستمرار لسياسات ترامب، وأعلن عضو")
    assert ("erdogan", "أردوغان", "exact") in found(matcher, 'وهتف عدد من المشاركين "السلطان أردوغان" لدى وصوله.')
    # given names stay relatives' (ANT): rare or never written with the article
    assert [r for r in found(matcher, "وكانت يوليا سكريبال قد تعرضت لعملية تسمم") if r[0] == "skripal"] == []
    assert [r for r in found(matcher, "أحمد قديروف رئيساً للشيشان.") if r[0] == "kadyrov"] == []
    assert [r for r in found(matcher, "العنصرية في الاتحاد ألكسندر بارانوف") if r[0] == "boronov"] == []
    # a noun-like first name the catalogue gives to someone of that very family is that relative
    assert [r for r in found(matcher, "وقالت عليا نزارباييف إن") if r[0] == "nazarbayev"] == []
    variants = matcher.variants
    assert variants.family_given("nazarbayev", [fold("عليا")])
    assert not variants.family_given("modi", [fold("سياسات")])


def test_noun_reading_of_first_names():
    from dashboard.extract.variant_names import noun_reading
    assert noun_reading(fold("سياسات")) and noun_reading(fold("عمر")) and noun_reading(fold("خليفة"))
    assert noun_reading(fold("السلطان"))
    assert not noun_reading(fold("محمد")) and not noun_reading(fold("أحمد")) and not noun_reading(fold("يوليا"))
    assert not noun_reading(fold("ألكسندر")) and not noun_reading(fold("ميشيل"))


def test_a_text_without_alif_maqsura_writes_ala_with_ya(matcher):
    # ANT (a Sky News Arabia text with no ى at all): علي before a family name is the preposition
    # على there, no first name; in a text that writes ى, علي stays a first name
    text = "قال رئيس الوزراء الإيطالي جوزيبي كونتي إن الحكومه مستعده. {} كونتي ان يقدم استقالته الي الرئيس."
    assert ("giuseppe_conte", "كونتي", "article") in found(matcher, text.format("ويتعين علي"))
    assert ("giuseppe_conte", "كونتي", "article") not in found(matcher, text.format("وقال علي").replace("الي", "إلى"))


def test_every_path_reads_a_relatives_first_name_joined_to_the_family_name(matcher):
    # a bare family name resolved in the article (person_at) is read as the exact aliases are: a
    # first name parted from it by a colon or comma is a speaker's or a list's, no relative's
    text = "قال رئيس الوزراء الإيطالي جوزيبي كونتي إن الحكومة مستعدة. وقال النائب علي: {}"
    assert ("giuseppe_conte", "كونتي", "article") in found(matcher, text.format('"كونتي يتحمل المسؤولية".'))
    assert ("giuseppe_conte", "كونتي", "article") in found(matcher, text.format("إن محمد، كونتي يتحمل المسؤولية."))
    assert ("giuseppe_conte", "كونتي", "article") not in found(
        matcher, "قال رئيس الوزراء الإيطالي جوزيبي كونتي إن الحكومة مستعدة. وقال محمد كونتي إن")


def test_a_curated_bare_name_after_a_namesake_is_the_namesake(matcher):
    # test19 (raialyoum): the article names Tajikistan (so bare رحمن may be Rahmon) and the
    # prosecutor يوسف رحمن, never Rahmon before "وقال رحمن": the bare name is the prosecutor's
    # (the provisional finder's), not the president's
    text = ("أعلن النائب العام في طاجيكستان توقيف أكثر من مئة شخص. وقال النائب العام يوسف رحمن في مؤتمر "
            "صحافي إن الموقوفين ينتمون إلى جماعة محظورة. وقال رحمن “بين الموقوفين أشخاصا من مهن مختلفة”. "
            "وقال المدعي العام الذي لا تربطه بالرئيس الطاجيكي إمام علي رحمن أي صلة قرابة، إن")
    rows = found(matcher, text)
    assert [r for r in rows if r[0] == "rahmon"] == [("rahmon", "إمام علي رحمن", "exact")]
    # named in full first, the person keeps the bare name after a word refused as a namesake's
    # first name (ANT: "الرئيس الصيني شي جينبينغ ... أشرف شي على ... وقال شي")
    text = ("أعلن الرئيس الصيني شي جينبينغ الثلاثاء تقديم قروض. ومنذ توليه منصبه، أشرف شي على جهود "
            "التوسع. وقال شي إن الصين ترحب بفرص المشاركة.")
    assert ("xi_jinping", "شي", "article") in found(matcher, text)
    # without the namesake, the bare name in an article on Tajikistan is the president
    text = "أعلن النائب العام في طاجيكستان توقيف أكثر من مئة شخص. وقال رحمن “بين الموقوفين أشخاصا”."
    assert ("rahmon", "رحمن", "article") in found(matcher, text)


def _dated(matcher, text: str, published: str) -> list[tuple[str, str, str]]:
    doc = Doc.from_text("t", text, date.fromisoformat(published))
    return [(r["entity_id"], r["surface"], r["match"]) for r in matcher.find(doc)]


def test_a_shared_family_name_alone_is_the_member_the_article_names_first(matcher):
    # an election article before Serdar took office (19 March 2022): the son is named in full first,
    # so the bare family name is his, not his father's (the catalogue's reading of it alone)
    text = ("دعا رئيس تركمانستان الجديد سردار بردي محمدوف اليوم، إلى تعزيز العلاقات مع موسكو، "
            "خلفًا لوالده الرئيس السابق قربانقولي بردي محمدوف. وقال بردي محمدوف: إنني مقتنع")
    rows = [r for r in _dated(matcher, text, "2022-03-15") if "_" in r[0]]
    assert rows == [("serdar_berdimuhamedov", "سردار بردي محمدوف", "exact"),
                    ("gurbanguly_berdimuhamedov", "قربانقولي بردي محمدوف", "exact"),
                    ("serdar_berdimuhamedov", "بردي محمدوف", "article")]
    # the father named first (his own father after him): the bare name stays his
    text = ("افتتح رئيس تركمانستان قربان قولي بردي محمدوف قرية ومتحفا يحملان اسم والده. وظهر بردي محمدوف "
            "وهو يقص الشريط. تكريم لمسيرة والده الشرطي الأسبق مالك قولي بردي محمدوف")
    assert [r[0] for r in _dated(matcher, text, "2020-11-01") if "_" in r[0]] == [
        "gurbanguly_berdimuhamedov", "gurbanguly_berdimuhamedov", "malikguly_berdimuhamedov"]
    # the same after the son took office (test32, 2023: the father given a new title), where the
    # dated rule would read the bare name as the son's
    text = ("سمي الرئيس السابق لتركمانستان قربان قولي بردي محمدوف السبت رئيسا للمجلس. "
            "وحصل بردي محمدوف السبت على لقب جديد")
    assert [r[:2] for r in _dated(matcher, text, "2023-01-22") if "_" in r[0]] == [
        ("gurbanguly_berdimuhamedov", "قربان قولي بردي محمدوف"), ("gurbanguly_berdimuhamedov", "بردي محمدوف")]
    # a masculine family name alone is never a woman's, though she is named first
    text = "زارت أمينة أردوغان، عقيلة الرئيس التركي رجب طيب أردوغان، المدرسة. وقال أردوغان إن"
    assert [r[0] for r in _dated(matcher, text, "2020-01-01") if "_" in r[0] or r[0] == "erdogan"] == [
        "emine_erdogan", "erdogan", "erdogan"]
    # no member named in full, or a title right before it: the catalogue's reading stands
    assert _dated(matcher, "وقال بردي محمدوف إن", "2021-06-10")[0][0] == "gurbanguly_berdimuhamedov"
    assert [r[0] for r in _dated(matcher, "فاز سردار بردي محمدوف. وقال الرئيس بردي محمدوف إن", "2021-06-10")] == [
        "serdar_berdimuhamedov", "gurbanguly_berdimuhamedov"]


def test_an_unknown_first_name_before_an_unseen_spelling_of_a_surname_is_another_person(matcher):
    # جولميرات is no first name of Rashid Meredov's (مريدوف) nor a word: another man of that name
    assert [r for r in found(matcher, "زار الوفد تركمانستان. والتقى جولميرات ميرادوف نائب الوزير")
            if r[0] == "meredov"] == []
    # after a title the unseen spelling is still the minister
    assert ("meredov", "ميرادوف", "variant") in found(
        matcher, "زار الوفد تركمانستان. والتقى وزير الخارجية ميرادوف")


def test_a_long_family_name_with_its_last_letter_lost(matcher):
    # "الرئيس السابق أتامبايي." (test29): Atambayev's name cut short by a typo, in an article that
    # names him in full
    assert found(matcher, "للمطالبة بإطلاق سراح ألمازبيك أتامباييف. وإطلاق سراح الرئيس السابق أتامبايي.وأعلن") == [
        ("atambayev", "ألمازبيك أتامباييف", "exact"), ("atambayev", "أتامبايي", "variant")]
    # a name cut short needs the person named in the article or the person's own first name: the
    # tennis player دانييل ميدفيدي (ANT) is not Dmitry Medvedev, though his country is named
    assert [r for r in found(matcher, "لمواجهة الإيطالي أندرياس سيبي أو الروسي دانييل ميدفيدي. وفي نهاية")
            if r[0] == "medvedev"] == []


def test_a_common_word_behind_a_proclitic_is_no_variant(matcher):
    # "وتوقيف المئات" (and the detention of hundreds, test31) has Tokayev's skeleton (the key is
    # blind to the leading و); wordfreq lists توقيف, under six letters, only without its و
    text = "فاز توكاييف في ختام يوم تخللته تظاهرات كبيرة وتوقيف المئات"
    assert [r[:2] for r in found(matcher, text) if r[0] == "tokayev"] == [("tokayev", "توكاييف")]
    # an unseen spelling that is no word still reads as him
    assert ("tokayev", "توكافييف", "variant") in found(matcher, "وقال الرئيس توكاييف. وأضاف توكافييف إن")
    # a common form that is itself a spelling of the same name stays the name (test29: بنجلاديش
    # is common in wordfreq, as Bangladesh's Egyptian spelling)
    text = "إلى جانب سفراء الأردن وروسيا وتركيا وبنجلاديش والاتحاد الأوروبى"
    assert ("bd", "بنجلاديش", "variant") in [(r[0], r[1][-8:], r[2]) for r in found(matcher, text)]


def test_a_name_ending_in_alif_as_the_mans_own_is_no_feminine_form(matcher):
    # ANT: "الصحيفة عنونت ماتريلا يحطم كل شيء" ("the paper headlined: Mattarella breaks
    # everything"): the rare verb عنونت is no relative's first name, since ماتريلا (an unseen
    # spelling of ماتاريلا) ends in ا as Mattarella's own name does, not as a family's women's
    text = "أعلن الرئيس الإيطالي سيرجيو ماتاريلا. الصحيفة عنونت ماتريلا يحطم كل شيء"
    assert ("mattarella", "ماتريلا", "variant") in found(matcher, text)
    # a family's feminine form still is: a rare word before it is another woman's first name
    assert [r for r in found(matcher, "وقالت مضيفة الطائرة حوكومة علييفا إن إلهام علييف")
            if r[1].endswith("علييفا")] == []


def test_a_leading_wa_is_no_part_of_a_variant(matcher):
    # the key is blind to a leading و: "وتوكافييف" has Tokayev's key with or without it; the
    # mention is the name, the و the conjunction (ANT: "و[نتانياهو] سيتحدث", "لميانمار و[بنغلادش]")
    assert ("tokayev", "توكافييف", "variant") in found(matcher, "قال الرئيس توكاييف ووصل وتوكافييف إن")


def test_an_unseen_spelling_of_a_two_word_family_name(matcher):
    # بردي محمدوف is Gurbanguly's family name in two words: its unseen spellings in two words are
    # read as one name, as the joined spelling is (بيرديمحميدوف)
    for name in ("بيردي محاميدوف", "بيردي موحميدوف"):
        assert ("gurbanguly_berdimuhamedov", name, "variant") in found(matcher, f"قال رئيس تركمانستان {name} إن البلاد")
    # with his given names before it, one mention
    assert ("gurbanguly_berdimuhamedov", "قربان قولي بيردي محاميدوف", "variant") in found(
        matcher, "قال رئيس تركمانستان قربان قولي بيردي محاميدوف إن البلاد")
    # a common word before a name is no first word of it (ANT: "تبادل للكرة بين سلمان والمولد", a
    # football match; بن سلمان is a nasab)
    assert not [r for r in found(matcher, "فوقع تبادل للكرة بين سلمان والمولد داخل منطقة السعودية")
                if r[0] == "mohammed_bin_salman"]
