"""The entity matcher on real seed text: clitics, longest match, offsets, document rules."""

from __future__ import annotations

import datetime as dt
import pickle
import re

import pytest

from dashboard.extract.entities import EntityMatcher, entities_table, known_alias_keys
from dashboard.pipeline.tables import columns_of
from dashboard.schema import TABLES
from dashboard.text.document import Doc


@pytest.fixture(scope="module")
def matcher(catalogues) -> EntityMatcher:
    return EntityMatcher(catalogues.entities)


def mentions(matcher, text: str, article_id: str = "t") -> list[dict]:
    doc = Doc.from_text(article_id, text)
    rows = matcher.find(doc)
    for r in rows:
        assert doc.text[r["char_start"]:r["char_end"]] == r["surface"]
    return rows


def pairs(rows) -> list[tuple[str, str]]:
    return [(r["entity_id"], r["surface"]) for r in rows]


def test_every_seed_mention_has_exact_offsets_and_a_sentence(matcher, seed_texts):
    for article_id, text in seed_texts.items():
        doc = Doc.from_text(article_id, text)
        rows = matcher.find(doc)
        assert len(rows) > 30, article_id
        previous_end = 0
        for r in rows:
            assert set(r) == set(columns_of("entity_mentions"))  # in_boilerplate: set by the build
            assert text[r["char_start"]:r["char_end"]] == r["surface"]
            assert r["char_start"] >= previous_end  # sorted, no overlaps
            previous_end = r["char_end"]
            s, e = doc.sentences[r["sentence_id"]]
            assert s <= r["char_start"] < e
            assert r["form"] in ("name", "adjective")


def test_seed_entities_are_all_found(matcher, seed_texts):
    found = {aid: {r["entity_id"] for r in mentions(matcher, t, aid)} for aid, t in seed_texts.items()}
    expected = {
        "000_ab2ed0b91d19d8aa": {"ua", "latin_america", "africa", "central_asia", "kz", "un", "ru",
                                 "europe", "putin", "spief", "tokayev", "tw", "xk", "south_ossetia",
                                 "abkhazia", "lpr", "dpr", "cn", "the_west", "mamay",
                                 "amnesty", "ablyazov", "us", "gb", "fr", "dpk", "eu", "rodeffer"},
        "001_bebae4cf14fa5b29": {"central_asia", "astana", "berlin", "brussels", "cica", "kz",
                                 "tokayev", "ru", "putin", "ussr", "qa", "ua", "kremlin", "cn",
                                 "xi_jinping", "sg", "maliki_osman", "eu"},
        "002_7b53a6053af83644": {"cis", "tokayev", "nazarbayev", "saint_petersburg",
                                 "alexander_nevsky", "spief", "simonyan", "dpr", "lpr", "vgtrk",
                                 "csto", "moscow", "astana", "minsk", "by", "kremlin", "un",
                                 "abkhazia", "south_ossetia", "tw", "yugoslavia", "ussr",
                                 "russian_empire", "donbas", "sea_of_azov", "umarov", "danilov_kz",
                                 "open_society", "radio_azattyq", "rferl", "london", "idrissov", "gb",
                                 "tr", "us", "kg", "novorossiysk"},
        "003_66d920fe0e9a548e": {"us", "kz", "ru", "shaher_jassem", "ussr", "central_asia", "by",
                                 "kg", "nur_otan", "ppk", "ak_zhol", "nsdp", "birlik", "auyl",
                                 "astana", "twitter", "nazarbayev", "kremlin", "sy", "moscow",
                                 "washington", "beijing", "cn", "af", "al_quds_al_arabi"},
        "004_e1e49f8d29e3bac5": {"us", "kz", "washington", "nazarbayev", "ussr", "ru", "cn",
                                 "moscow", "ua", "nato", "white_house", "psaki", "kasparov", "biden",
                                 "eu", "hu", "putin", "macron", "scholz", "am", "pashinyan", "csto",
                                 "tokayev", "reuters", "us_congress", "semey", "centcom", "votel",
                                 "gb", "tj", "kg", "in", "tr", "uz", "almaty", "al_jazeera"},
    }
    for aid, ids in expected.items():
        assert ids - found[aid] == set(), aid
    assert "cd" not in found["002_7b53a6053af83644"]


def test_proclitic_is_peeled_but_not_stored(matcher, seed_texts):
    # "تزال دولة صديقة لروسيا" (seed 002)
    rows = mentions(matcher, "لا تزال دولة صديقة لروسيا ، ولكن")
    assert pairs(rows) == [("ru", "روسيا")]
    rows = mentions(matcher, "ونجحت في ذلك بصورة كبيرة. أهمية كازاخستان لواشنطن")
    assert ("washington", "واشنطن") in pairs(rows)
    assert pairs(mentions(matcher, "رغم تحسن علاقة كازاخستان بواشنطن")) == [
        ("kz", "كازاخستان"), ("washington", "واشنطن")]


def test_li_plus_article_contraction(matcher):
    rows = mentions(matcher, "وقدمت الدعم للولايات المتحدة وللاتحاد الأوروبي")
    assert pairs(rows) == [("us", "لولايات المتحدة"), ("eu", "لاتحاد الأوروبي")]


def test_first_president_is_not_the_capital(matcher, seed_texts):
    text = seed_texts["003_66d920fe0e9a548e"]
    rows = mentions(matcher, text)
    name = [r for r in rows if r["surface"] == "نور سلطان نازارباييف"]
    assert [r["entity_id"] for r in name] == ["nazarbayev"]
    capital = [r["entity_id"] for r in rows if r["surface"] == "نور سلطان"]
    assert capital and set(capital) == {"astana"}


@pytest.mark.parametrize("text", ["وصل إلى أستانا", "وصل إلى أستانة", "وصل إلى نور سلطان",
                                  "في العاصمة نور-سلطان", "محادثات أستانة"])
def test_capital_spellings(matcher, text):
    assert [r["entity_id"] for r in mentions(matcher, text)] == ["astana"]


@pytest.mark.parametrize("text", ["رواية توكايا للكاتب", "توكاييفي", "بوتينتسيفا", "محلل مالي مستقل"])
def test_no_false_friends(matcher, text):
    ids = {r["entity_id"] for r in mentions(matcher, text)}
    assert not ids & {"tokayev", "putin", "ml"}


def test_adjectives_count_for_the_country(matcher, seed_texts):
    rows = mentions(matcher, seed_texts["000_ab2ed0b91d19d8aa"])
    adj = [r for r in rows if r["surface"] == "الكازاخستانية"]
    assert adj and all(r["entity_id"] == "kz" and r["form"] == "adjective" for r in adj)
    assert pairs(mentions(matcher, "بين الجيشين الأميركي والكازاخي")) == [
        ("us", "الأميركي"), ("kz", "الكازاخي")]
    # An adjective whose stem starts with ال letters (ألماني) still takes the article.
    assert pairs(mentions(matcher, "المستشارة الألمانية")) == [("de", "الألمانية")]
    assert pairs(mentions(matcher, "قال الروس")) == [("ru", "الروس")]


def test_tatweel_and_diacritics_stay_in_the_surface(matcher, seed_texts):
    rows = mentions(matcher, seed_texts["003_66d920fe0e9a548e"])
    assert ("cn", "الصـينية") in pairs(rows)
    assert ("kremlin", "الكرمـلين") in pairs(rows)
    assert pairs(mentions(matcher, "بلاده تُدعى كازاخِستانُ")) == [("kz", "كازاخِستانُ")]


def test_longest_match_over_multi_word_names(matcher, seed_texts):
    rows = mentions(matcher, seed_texts["001_bebae4cf14fa5b29"])
    assert ("tokayev", "قاسم جومارت توكاييف") in pairs(rows)
    assert ("xi_jinping", "شي جين بينغ") in pairs(rows)
    assert pairs(mentions(matcher, "في أمريكا اللاتينية وأمريكا")) == [
        ("latin_america", "أمريكا اللاتينية"), ("us", "أمريكا")]
    assert pairs(mentions(matcher, "صحيفة واشنطن بوست")) == [("washington_post", "واشنطن بوست")]


def test_hashtag_names(matcher):
    assert pairs(mentions(matcher, "الرئيس الأميركي دونالد #ترمب، والرئيس #محمود_عباس")) == [
        ("us", "الأميركي"), ("trump", "دونالد #ترمب"), ("mahmoud_abbas", "محمود_عباس")]


def test_a_name_does_not_span_punctuation(matcher):
    # "نور" and "سلطان" on two sides of a comma are not the capital.
    assert mentions(matcher, "نور، سلطان") == []


def test_dpr_rule_needs_its_context(matcher, seed_texts):
    rows = mentions(matcher, seed_texts["002_7b53a6053af83644"])
    congo = [r for r in rows if r["surface"] == "جمهورية الكونغو الديمقراطية"]
    assert len(congo) == 3 and {r["entity_id"] for r in congo} == {"dpr"}
    alone = mentions(matcher, "زار الوفد جمهورية الكونغو الديمقراطية الأسبوع الماضي")
    assert [r["entity_id"] for r in alone] == ["cd"]


def test_donetsk_and_luhansk_next_to_unrecognised_states(matcher, seed_texts):
    # Seed 000: "لا تعترف كازاخستان بتايوان ولا كوسوفو ولا أوسيتيا الجنوبية وأبخازيا ...
    # الكيانات شبه الحكومية ... هي لوهانسك ودونيتسك": the people's republics.
    rows = mentions(matcher, seed_texts["000_ab2ed0b91d19d8aa"])
    assert [r["entity_id"] for r in rows if r["surface"] in ("لوهانسك", "دونيتسك")] == ["lpr", "dpr"]
    # Without such context they are the Ukrainian regions.
    rows = mentions(matcher, "قصف مدفعي على دونيتسك ولوهانسك في شرق أوكرانيا")
    assert [r["entity_id"] for r in rows] == ["donetsk", "luhansk", "ua"]


def test_blockers_hide_directions_and_units(matcher):
    assert mentions(matcher, "تتجه من الجنوب الغربي إلى الشمال الشرقي") == []
    assert pairs(mentions(matcher, "في ريف حلب الغربي")) == [("aleppo", "حلب")]
    assert pairs(mentions(matcher, "بلغ السعر 231 دولار أمريكي")) == []
    assert pairs(mentions(matcher, "العقوبات الغربية على روسيا")) == [
        ("the_west", "الغربية"), ("ru", "روسيا")]


def test_context_words_and_punctuation_in_an_alias(matcher, seed_texts):
    rows = mentions(matcher, seed_texts["004_e1e49f8d29e3bac5"])
    assert pairs(rows)[-1] == ("al_jazeera", "الجزيرة")  # "المصدر : الجزيرة"
    assert mentions(matcher, "وفد برلماني يزور الجزيرة للبحث") == []
    assert pairs(mentions(matcher, "نقلا عن العربية.نت")) == [("al_arabiya", "العربية.نت")]
    assert pairs(mentions(matcher, "نقلا عن العربية نت")) == [("al_arabiya", "العربية نت")]


def test_adjective_forms_that_are_ordinary_words_are_not_generated(matcher):
    assert mentions(matcher, "أبرز مجريات المباراة في مجرى النهر") == []
    assert pairs(mentions(matcher, "الحكومة المجرية")) == [("hu", "المجرية")]


def test_latin_names(matcher, seed_texts):
    rows = mentions(matcher, seed_texts["004_e1e49f8d29e3bac5"])
    assert ("nazarbayev", "Nursultan Nazarbayev") in pairs(rows)
    assert ("almaty", "Almaty") in pairs(rows)
    assert ("cica", "CICA") in pairs(mentions(matcher, "استضافة قمة CICA"))


def test_matcher_pickles(matcher, seed_texts):
    clone = pickle.loads(pickle.dumps(matcher))
    doc = Doc.from_text("s", seed_texts["002_7b53a6053af83644"])
    assert clone.find(doc) == matcher.find(doc)


def test_catalogue_has_no_conflicting_aliases(catalogues):
    assert catalogues.entities.conflicts == []


def test_entities_table(catalogues):
    df = entities_table(catalogues.entities)
    assert list(df.columns) == list(TABLES["entities"])
    assert df["entity_id"].is_unique
    assert all(re.fullmatch(r"[a-z0-9_]+", i) for i in df["entity_id"])
    ids = set(df["entity_id"])
    kz = df.set_index("entity_id").loc["kz"]
    assert (kz["type"], kz["name_ar"], kz["iso3"]) == ("country", "كازاخستان", "KAZ")
    assert df.set_index("entity_id").loc["astana", "parent"] == "kz"
    cities = df[df["type"] == "city"]
    assert cities["parent"].notna().sum() >= len(cities) - 1  # Jerusalem has none on purpose
    assert set(df["parent"].dropna()) <= ids


def test_known_alias_keys(catalogues):
    keys = known_alias_keys(catalogues.entities)
    assert {"كازاخستان", "الكازاخستانيه", "بوتين", "موسكو"} <= keys
    assert not any(" " in k for k in keys)


@pytest.mark.parametrize(("text", "expected"), [
    # actors of 2019-2024 the catalogue was extended with, as Arab media write them
    ("أجرى وزير الخارجية ناصر بوريطة مباحثات مع نظيره الكازاخستاني مختار تلوبردي. ودعا بوريطة إلى",
     [("bourita", "ناصر بوريطة"), ("kz", "الكازاخستاني"), ("tileuberdi", "مختار تلوبردي"), ("bourita", "بوريطة")]),
    ("استقبل رئيس مجلس الوزراء القرغيزي عادل بيك قاسمالييف وزير الدفاع روسلان جاكسيليكوف",
     [("kg", "القرغيزي"), ("kasymaliev", "عادل بيك قاسمالييف"), ("zhaksylykov", "روسلان جاكسيليكوف")]),
    ("وقال الأمين العام لمنظمة معاهدة الأمن الجماعي إيمانغالي تاسماغامبيتوف",
     [("csto", "منظمة معاهدة الأمن الجماعي"), ("tasmagambetov", "إيمانغالي تاسماغامبيتوف")]),
    # a summit named after the SCO's city is the SCO; a document named after Astana is no mention
    ("تستضيف كازاخستان قمة شانغهاي وتصدر إعلان أستانا", [("kz", "كازاخستان"), ("sco", "شانغهاي")]),
    ("منذ تفكك الإتحاد السوڤيتي، قال المغاربة", [("ussr", "الإتحاد السوڤيتي"), ("ma", "المغاربة")]),
    # ordinary words that are also agency or body names stay words
    ("وأم الطفل قالت إن الرباط الصليبي تمزق", []),
    ("وقال الاتحاد الأفريقي لكرة القدم", [("caf", "الاتحاد الأفريقي لكرة القدم")]),
    # the G7 by its long name and its Latin letters spelled out; the summit's city (test16 b08)
    ("قمة مجموعة الدول الصناعية الكبرى السبع (جي 7) التي تبدأ في مدينة هيروشيما اليابانية",
     [("g7", "مجموعة الدول الصناعية الكبرى السبع"), ("g7", "جي 7"), ("hiroshima", "هيروشيما"), ("jp", "اليابانية")]),
    # a branch is not its parent, even with the parent's name inside its own (test16 b11)
    ("وتبناه تنظيم داعش-ولاية خراسان في أفغانستان", [("isis_k", "تنظيم داعش-ولاية خراسان"), ("af", "أفغانستان")]),
    # a dialogue format is one body, not the region and the partner (test16 b07, test2 w09)
    ('القمة الأولى لحوار "آسيا الوسطى + اليابان"، بحضور', [("ca_plus_japan", "آسيا الوسطى + اليابان")]),
    ("في إطار مجموعة الحوار C5+1. وشارك", [("c5_plus_1", "C5+1")]),
    # "joint" for "collective"; NATO without the article; the ruling party in quotes (test15, test16)
    ("في إطار منظمة معاهدة الأمن المشترك وحلف شمال الأطلسي (ناتو)",
     [("csto", "منظمة معاهدة الأمن المشترك"), ("nato", "حلف شمال الأطلسي"), ("nato", "ناتو")]),
    ('أن يحتفظ الحزب الحاكم "أمانات" بأغلبية', [("nur_otan", "أمانات")]),
    ("وأبلغ أمانات الوزارات", []),
    ('نشرت صحيفة "كازاخستانسكايا برافدا" مقالا', [("kazakhstanskaya_pravda", "كازاخستانسكايا برافدا")]),
])
def test_regional_actors_and_bodies(matcher, text, expected):
    assert pairs(mentions(matcher, text)) == expected


def test_a_surname_with_a_proclitic_is_never_read_as_a_relative(matcher):
    # شي is a first word of Xi's name; "شي وأردوغان" lists two people, it is no "first name + surname"
    found = pairs(mentions(matcher, "عقد الرئيس الصيني شي جين بينغ لقاءات ثنائية مع شي وأردوغان."))
    assert ("erdogan", "أردوغان") in found


def test_a_chinese_family_name_alone_after_the_full_name_is_the_person(matcher):
    text = "ترأس وزير الخارجية الصيني تشين قانغ الاجتماع. وقال تشين إن العلاقات جيدة."
    assert pairs(mentions(matcher, text)).count(("qin_gang", "تشين")) == 1
    # before the full name, the bare family name is not read
    assert ("qin_gang", "تشين") not in pairs(mentions(matcher, "وقال تشين إن العلاقات جيدة."))


def test_a_two_letter_chinese_family_name_alone_after_the_full_name(matcher):
    # test19: "وزير الدفاع الوطني وي فنغ خه ... قال وي إن": a family name of two letters names the
    # person alone when it is no frequent word, and only as written (كوي is no ك + وي)
    text = ("وزير الدفاع الوطني وي فنغ خه، وناقش الطرفان التعاون. ومن جانبه، قال وي إن الصين "
            "وقرغيزستان جارتان. وزار قرية كوي تاش")
    assert [r["surface"] for r in mentions(matcher, text) if r["entity_id"] == "wei_fenghe"] == ["وي فنغ خه", "وي"]
    # not next to another given-name syllable: ري سون جون is not ري يونغ هو (ANT)
    text = "ووزير الخارجية ري يونغ هو إلى جانب ري سون جون وهو مسؤول. وقال ري إن"
    assert [r["surface"] for r in mentions(matcher, text) if r["entity_id"] == "ri_yong_ho"] == ["ري يونغ هو", "ري"]
    # a frequent one stays a word: لي ("to me") after لي تشيانغ
    text = "استقبل رئيس مجلس الدولة لي تشيانغ الوفد. وقال لي أحدهم إن"
    assert [r["surface"] for r in mentions(matcher, text) if r["entity_id"] == "li_qiang"] == ["لي تشيانغ"]


def test_a_rare_given_name_alone_after_a_long_full_name(matcher):
    # a Turkmen given name alone after the full name of three words (سردار of سردار بردي محمدوف)
    text = "أعلن الرئيس التركماني سردار بردي محمدوف عن زيارة. وقال سردار إن البلدين صديقان."
    assert [r["surface"] for r in mentions(matcher, text) if r["entity_id"] == "serdar_berdimuhamedov"] \
        == ["سردار بردي محمدوف", "سردار"]
    # not when another catalogue person of that given name is named in the article (Serdar Umurzakov)
    text = "أعلن سردار بردي محمدوف والوزير سردار عمرزاقوف. وقال سردار إن"
    assert [r["surface"] for r in mentions(matcher, text)] == ["سردار بردي محمدوف", "سردار عمرزاقوف"]
    text = "أعلن سردار بردي محمدوف. واستقبل الوزير عمرزاقوف الوفد. وقال سردار إن"
    assert [r["surface"] for r in mentions(matcher, text)] == ["سردار بردي محمدوف", "عمرزاقوف"]
    # nor when the given name is a common word (قربان "sacrifice")
    text = "وصل قربان قولي بردي محمدوف. وقدم قربان أضحية"
    assert [r["surface"] for r in mentions(matcher, text)] == ["قربان قولي بردي محمدوف"]


def test_the_last_word_of_a_two_word_family_name_alone_after_the_full_name(matcher):
    # test37 (elfann, 2021): "قربان قولي بردي محمدوف ... وحضر محمدوف"; test35 after بردي محمدوف alone
    text = ("ينتمي إلى السلالة المفضلة لرئيس البلاد قربان قولي بردي محمدوف، بتمثال ذهبي. "
            "وحضر محمدوف، والذي يحكم تركمانستان منذ عام 2007")
    assert [r["surface"] for r in mentions(matcher, text) if r["entity_id"] == "gurbanguly_berdimuhamedov"] \
        == ["قربان قولي بردي محمدوف", "محمدوف"]
    text = "داعية المجتمع الدولي للضغط على الرئيس قولي بردي محمدوف.\nوكان محمدوف قد طلب من مواطنيه"
    assert ("gurbanguly_berdimuhamedov", "محمدوف") in pairs(mentions(matcher, text))
    # not before the full name, and neither father nor son when the article names both in full
    assert not [r for r in mentions(matcher, "وحضر محمدوف الحفل في تركمانستان.") if r["surface"] == "محمدوف"]
    text = "قربان قولي بيردي محمدوف عين نجله سردار بردي محمدوف نائبا. وقال محمدوف إن"
    assert [r["surface"] for r in mentions(matcher, text)] == ["قربان قولي بيردي محمدوف", "سردار بردي محمدوف"]


def test_a_relatives_given_name_after_a_kinship_noun_is_that_relative(matcher):
    # test33 (aljarida, 2021): "قربان قولي بيردي محمدوف عين نجله سردار نائباً": the son, Serdar
    text = "وقال إن رئيس تركمانستان قربان قولي بيردي محمدوف عين نجله سردار نائباً لرئيس الوزراء"
    assert ("serdar_berdimuhamedov", "سردار") in pairs(mentions(matcher, text))
    # also when the son is named in full later in the article (test33 names him so)
    text += ". وأصبح سردار بيردي محمدوف أحد نواب والده"
    assert pairs(mentions(matcher, text)).count(("serdar_berdimuhamedov", "سردار")) == 1
    # not the person named in full himself ("ابنه دونالد" after دونالد ترامب is the son, ANT), nor a
    # Korean name's first word, its family name (ANT: "شقيقته كيم" after كيم جونغ أون)
    text = "قال الرئيس الأمريكي دونالد ترامب إن ابنه دونالد سيزور"
    assert pairs(mentions(matcher, text)).count(("trump", "دونالد")) == 0
    text = "وصل الزعيم الكوري الشمالي كيم جونغ أون برفقة شقيقته كيم يو جونغ"
    assert ("kim_jong_un", "كيم") not in pairs(mentions(matcher, text))
    # a daughter of the feminine family name (نزارباييفا after نزارباييف)
    text = "وصل نور سلطان نزارباييف. وقالت ابنته داريغا إن"
    assert ("dariga_nazarbayeva", "داريغا") in pairs(mentions(matcher, text))
    # not without the family named in full before, nor without the kinship noun
    assert not mentions(matcher, "وقال نجله سردار إن")
    text = "وصل نور سلطان نزارباييف. وقالت داريغا إن"
    assert ("dariga_nazarbayeva", "داريغا") not in pairs(mentions(matcher, text))


def test_a_family_name_of_two_words_with_a_patronymic_suffix_alone_after_the_full_name(matcher):
    # test33 (urdupoint, 2021): "رمضان رحيم زاده ... وقال رحيم زاده"
    text = ("أعلن وزير الداخلية بجمهورية طاجيكستان، رمضان رحيم زاده، اليوم الخميس، أن بلاده ليس لديها. "
            "وقال رحيم زاده، خلال اجتماع مع رئيس مكتب المفوضية")
    assert [r["surface"] for r in mentions(matcher, text) if r["entity_id"] == "rahimzoda"] \
        == ["رمضان رحيم زاده", "رحيم زاده"]
    # only after the full name: the country alone reads no bare name of two words
    assert not [r for r in mentions(matcher, "وفي طاجيكستان قال رحيم زاده إن") if r["entity_id"] == "rahimzoda"]


def test_raisi_received_after_a_preposition_and_reception(matcher):
    # test35 (manartv, 2021): "وكان في استقبال رئيسي، لدى وصوله": the one received, no "main reception"
    text = ("وصل الرئيس الإيراني ابراهيم رئيسي إلى دوشنبه. وكان في استقبال رئيسي، لدى وصوله مطار "
            "دوشنبة الدولي اليوم، رئيس الوزراء")
    assert [r["surface"] for r in mentions(matcher, text) if r["entity_id"] == "raisi"] == ["ابراهيم رئيسي", "رئيسي"]
    text = "وصل الرئيس الإيراني ابراهيم رئيسي إلى دوشنبه. وأقيم استقبال رئيسي في القصر"
    assert [r["surface"] for r in mentions(matcher, text) if r["entity_id"] == "raisi"] == ["ابراهيم رئيسي"]


def test_a_curated_bare_name_needs_its_country_in_the_article_and_no_determiner(matcher):
    assert ("xi_jinping", "شي") in pairs(mentions(matcher, "كان في استقبال شي الذي وصل إلى كازاخستان والصين."))
    # behind a proclitic too (ANT: "وترامب (الولايات المتحدة) وشي (الصين) ينتهكون")
    assert ("xi_jinping", "شي") in pairs(mentions(matcher, "وبوتين (روسيا) وترامب (الولايات المتحدة) وشي (الصين) ينتهكون"))
    assert not [r for r in mentions(matcher, "وصل شي إلى كازاخستان.") if r["entity_id"] == "xi_jinping"]
    assert not [r for r in mentions(matcher, "قالت الصين إنها لا تريد أي شي من أحد.") if r["entity_id"] == "xi_jinping"]


def test_latin_country_names_come_from_cldr_and_need_a_capital(matcher):
    found = pairs(mentions(matcher, "tanks on the move towards the border with Kyrgyzstan. The Kyrgyz border post; "
                                     "turkey and chad are no countries here."))
    assert ("kg", "Kyrgyzstan") in found and ("kg", "Kyrgyz") in found
    assert not [p for p in found if p[0] in ("tr", "td")]


def test_renamed_parties_are_one_entity(matcher):
    found = pairs(mentions(matcher, 'حزب "نوروطن" (Nur Otan) وحزب أمانات، والحزب الديمقراطي الكازاخستاني "أقجول" (Ak Zhol)'))
    assert {e for e, _ in found} == {"nur_otan", "ak_zhol"}


def test_a_family_name_next_to_another_given_name_is_another_person(matcher):
    text = "التقى الزعيم كيم جونغ أون والرئيس الشرفي كيم يونغ نام. وبدا الزعيم كيم مبتسما"
    assert [r["surface"] for r in mentions(matcher, text) if r["entity_id"] == "kim_jong_un"] == ["كيم جونغ أون", "كيم"]


def test_company_names_are_not_parties(matcher):
    found = pairs(mentions(matcher, 'مؤسس شركة "ستاندرد أويل" الأميركية'))
    assert not [p for p in found if p[0] == "auyl"]


def test_a_state_news_agency_named_by_its_country_is_the_agency_not_the_country(matcher):
    # readers of the 2019-2024 sets mark "وكالة الأنباء الإماراتية" as WAM and "وكالة الأنباء
    # الأوزبكية" as UzA: the country's adjective inside the agency's name is no mention of it
    found = pairs(mentions(matcher, "ونقلت وكالة الأنباء الإماراتية “وام” عن الشيخ، وبحسب الوكالة "
                                    "الأوزبكية للأنباء، ووفق وكالة الأنباء الكازاخستانية"))
    assert found == [("wam", "وكالة الأنباء الإماراتية"), ("wam", "وام"), ("uza", "الوكالة الأوزبكية للأنباء"),
                     ("kazinform", "وكالة الأنباء الكازاخستانية")]
    # the short name alone, outside a credit and not after the full name, is an ordinary word
    assert not pairs(mentions(matcher, "قال إن وام ستبقى"))


def test_a_variant_surname_takes_every_forename_before_it_into_the_mention(matcher):
    # جومرت is Tokayev's second first name, not his first: the mention still starts at قاسم
    rows = mentions(matcher, "رؤساء أذربيجان إلهام علييف، وكازاخستان قاسم جومرت توكاااييف، وقرغيزيا")
    assert [(r["surface"], r["match"]) for r in rows if r["entity_id"] == "tokayev"] == [
        ("قاسم جومرت توكاااييف", "variant")]


def test_a_two_letter_first_name_of_another_person_is_a_pronoun_not_a_relative(matcher):
    # هو is Hu Chunhua's family name and "he": "هو (ترامب)" is Trump
    assert ("trump", "ترامب") in pairs(mentions(matcher, 'ومضى قائلا "هو (ترامب) يقسمنا، وما لاحظته'))


def test_an_unseen_spelling_supported_once_is_the_entity_everywhere_in_the_article(matcher):
    # the first ميرضائيف follows a title; the later ones stand alone and are the same person
    # (no country named: that alone would support them)
    rows = mentions(matcher, "قال الرئيس ميرضائيف إن البلاد تتغير. ودعا ميرضائيف الناخبين. "
                             "وبدأ ميرضائيف سياسة إصلاح")
    assert [(r["entity_id"], r["match"]) for r in rows if r["entity_id"] == "mirziyoyev"] == [
        ("mirziyoyev", "variant")] * 3


def test_country_adjectives_in_the_accusative_and_unseen_spellings_of_stan_adjectives(matcher):
    found = [(r["entity_id"], r["surface"], r["form"]) for r in mentions(
        matcher, "إجلاء 231 مواطناً كازاخستانياً، وانفتاحا إماراتيا، وكان الرئيس الكازخستاني هناك")]
    assert found == [("kz", "كازاخستانياً", "adjective"), ("ae", "إماراتيا", "adjective"),
                     ("kz", "الكازخستاني", "adjective")]
    # the dual and plural endings of shorter adjectives are ordinary words: مسيرتين (drones) is no
    # spelling of مصريتين, الأميركتين (the Americas) none of أميركيتين
    assert not mentions(matcher, "بواسطة طائرتين مسيرتين على هامش قمة دول منظمة الأميركتين")


def test_a_body_named_with_a_plus_sign_and_a_channel_named_after_a_country(matcher):
    found = pairs(mentions(matcher, "بموجب اتفاق أوبك+ وأوبك، ونقل تلفزيون سوريا عن إذاعة فرنسا الدولية"))
    assert found == [("opec_plus", "أوبك+"), ("opec", "أوبك"), ("syria_tv", "تلفزيون سوريا")]


def test_a_name_ending_in_today_before_a_weekday_is_the_shorter_name(matcher):
    assert pairs(mentions(matcher, "أوقفت روسيا اليوم الأربعاء شحن النفط")) == [("ru", "روسيا")]
    assert pairs(mentions(matcher, "وقالت روسيا اليوم إن")) == [("rt", "روسيا اليوم")]


def test_badakhshan_in_an_article_on_tajikistan_is_the_tajik_region(matcher):
    rows = mentions(matcher, "أعلن رئيس مقاطعة بدخشان المتمتعة بالحكم الذاتي في طاجيكستان عن إيواء لاجئين من "
                             "ولاية بدخشان الأفغانية")
    assert [r["entity_id"] for r in rows if "بدخشان" in r["surface"]] == ["gorno_badakhshan", "badakhshan_province"]
    assert [r["entity_id"] for r in mentions(matcher, "في ولاية بدخشان شمال أفغانستان")][0] == "badakhshan_province"


def test_first_names_and_a_variant_family_name_are_one_mention(matcher):
    rows = mentions(matcher, "والرئيس السابق لكازاخستان نور سلطان نزرباييف بصفته ضيف شرف")
    assert [(r["entity_id"], r["surface"]) for r in rows if r["entity_id"] == "nazarbayev"] == [
        ("nazarbayev", "نور سلطان نزرباييف")]


def test_a_place_in_the_name_of_a_university_or_channel_is_no_mention_of_it(matcher):
    # (Wuhan University is a catalogue body since stop 31: the university, never the city)
    assert pairs(mentions(matcher, "أزهار الكرز في جامعة ووهان، وقال باحث في جامعة كولومبيا")) == [
        ("wuhan_university", "جامعة ووهان")]
    assert pairs(mentions(matcher, "عاد إلى ووهان")) == [("wuhan", "ووهان")]


def _dated(matcher, text: str, published: str) -> list[tuple[str, str]]:
    doc = Doc.from_text("t", text, dt.date.fromisoformat(published))
    return pairs(matcher.find(doc))


def test_a_bare_family_name_is_the_one_in_office_at_the_date(matcher):
    # Serdar succeeded his father on 19 March 2022: from then on the bare family name is his,
    # unless "the former" stands before it
    text = "زار رئيس تركمانستان موسكو. وقال بردي محمدوف إن والرئيس السابق بردي محمدوف"
    assert _dated(matcher, text, "2022-06-10")[2:] == [
        ("serdar_berdimuhamedov", "بردي محمدوف"), ("gurbanguly_berdimuhamedov", "بردي محمدوف")]
    assert _dated(matcher, text, "2021-06-10")[2:] == [
        ("gurbanguly_berdimuhamedov", "بردي محمدوف"), ("gurbanguly_berdimuhamedov", "بردي محمدوف")]


def test_a_relative_is_not_the_known_person(matcher):
    # a first name between a kinship noun and a known family name: the relative, no mention of him
    # (Emine Erdoğan, in the catalogue since stop 23, is her own entity, never her husband)
    assert pairs(mentions(matcher, "رافقه في زيارته عقيلته أمينة أردوغان ووزير الدفاع")) == [
        ("emine_erdogan", "أمينة أردوغان")]
    # (Kurmanbek Bakiyev's son, no catalogue person; the earlier example, Berdimuhamedow's father,
    # is one since stop 28)
    assert pairs(mentions(matcher, "وفر نجله مكسيم باكييف إلى لندن بعد الثورة")) == [("london", "لندن")]
    # the known person's own full name after a kinship noun and a title stays his
    assert ("erdogan", "رجب طيب أردوغان") in pairs(mentions(matcher, "عقيلة الرئيس رجب طيب أردوغان"))


def test_compound_regions_and_a_paper_named_like_its_city(matcher):
    assert pairs(mentions(matcher, "دول منطقة آسيا والمحيط الهادئ")) == [("asia_pacific", "آسيا والمحيط الهادئ")]
    assert pairs(mentions(matcher, "وقال سفير طاجيكستان في الرياض، في تصريح لـ«الرياض» إن")) == [
        ("tj", "طاجيكستان"), ("riyadh", "الرياض"), ("al_riyadh_daily", "الرياض")]


def test_a_generic_party_name_is_the_party_of_the_country_named(matcher):
    # حزب الشعب الديمقراطي is Kazakhstan's, Tajikistan's and Uzbekistan's: the one of the country its
    # sentence (else its article) names; ديموقراطي is the same word as ديمقراطي
    assert pairs(mentions(matcher, "في طاجيكستان يهيمن حزب الشعب الديمقراطى على البرلمان"))[1] == (
        "pdpt", "حزب الشعب الديمقراطى")
    text = "عزز الحزب الديموقراطي الليبرالي حضوره في أوزبكستان. وفي كازاخستان فاز حزب الشعب الديمقراطي بمقاعد"
    assert [p for p in pairs(mentions(matcher, text)) if p[0] not in ("uz", "kz")] == [
        ("uzlidep", "الحزب الديموقراطي الليبرالي"), ("auyl", "حزب الشعب الديمقراطي")]


def test_astana_inside_the_talks_name_serves_only_the_event_linker(matcher):
    rows = mentions(matcher, 'انطلقت محادثات “أستانة” حول سوريا، وفق صيغة أستانا. وزار أستانا وفد.')
    assert [(r["surface"], bool(r.get("inside_event_name"))) for r in rows if r["entity_id"] == "astana"] == [
        ("أستانة", True), ("أستانا", True), ("أستانا", False)]
    # any city's name between a meeting's noun and a year is the meeting's name
    rows = mentions(matcher, "وعلى طاولة قمة أستانا 2024 ملفات، وفي قمة موسكو اليوم، وفي موسكو 2024.")
    assert [bool(r.get("inside_event_name")) for r in rows] == [True, False, False]


def test_regions_after_any_region_word_and_a_dual(matcher):
    rows = mentions(matcher, "صوت الناخبون في ولايتي أوش وجلال أباد في قرغيزستان، وفي إقليم تشوي وبيشكيك.")
    assert [r["entity_id"] for r in rows] == ["osh_region", "jalal_abad_region", "kg", "chuy_region", "bishkek"]
    # "منطقة" is any area: a region named with another word is not generated with it
    assert "mary_region" not in {r["entity_id"] for r in mentions(matcher, "نشأت في منطقة ماري الفقيرة في ريو")}


def test_a_place_inside_a_company_bank_or_exchange_name(matcher):
    rows = mentions(matcher, "وقعت شركة الصين الوطنية للطاقة النووية، المدرجة في بورصة تورونتو، مع الصين.")
    # (the Toronto Stock Exchange is a catalogue body since stop 31: the exchange, never a place)
    assert pairs(rows) == [("toronto_stock_exchange", "بورصة تورونتو"), ("cn", "الصين")]


def test_badakhshan_called_afghan_in_its_sentence(matcher):
    text = ("فر جنود إلى طاجيكستان. وتعبر القوات الحكومية الأفغانية في بدخشان الحدود. "
            "وأعلن رئيس مقاطعة بدخشان إيواء لاجئين.")
    assert [r["entity_id"] for r in mentions(matcher, text) if "badakhshan" in r["entity_id"]] == [
        "badakhshan_province", "gorno_badakhshan"]


def test_a_title_is_no_first_name_and_a_bare_surname_after_a_construct(matcher):
    assert pairs(mentions(matcher, "ورأى الإمام الخامنئي أن")) == [("khamenei", "الخامنئي")]
    rows = mentions(matcher, "قال إبراهيم رئيسي إن ذلك تم منذ بداية ولاية رئيسي، وهو عامل رئيسي في القرار.")
    assert [r["surface"] for r in rows if r["entity_id"] == "raisi"] == ["إبراهيم رئيسي", "رئيسي"]


def test_bare_gcc_only_where_the_gcc_is_named(matcher):
    assert [r["entity_id"] for r in mentions(matcher, "قمة مجلس التعاون الخليجي. وأكد مجلس التعاون دعمه.")] == [
        "gcc", "gcc"]
    assert mentions(matcher, "وأكد مجلس التعاون دعمه.") == []


def test_large_cities_from_geonames_but_no_ordinary_word(matcher):
    rows = mentions(matcher, "أقلعت الطائرة من أربيل إلى الموصل، وارتفعت أسهم بورصة اسطنبول، وفاز بايرن ميونيخ.")
    assert [r["entity_id"] for r in rows] == ["erbil", "mosul"]  # (the exchange and the club hold their city)


def test_nursultan_as_the_subject_of_a_persons_verb(matcher):
    text = "نور سلطان يهنئ توكاييف\nوهنأ نور سلطان نزارباييف الرئيس. وتستضيف نور سلطان القمة، ونور سلطان تستعد."
    doc = Doc.from_text("t", text, published=dt.date(2022, 11, 21))
    assert [(r["entity_id"], r["surface"]) for r in matcher.find(doc)][:1] == [("nazarbayev", "نور سلطان")]
    assert [r["entity_id"] for r in matcher.find(doc) if r["surface"] == "نور سلطان"] == ["nazarbayev", "astana", "astana"]


def test_birthplace_idiom_is_no_muscat(matcher):
    # "مسقط رأسه" is "his birthplace": a blocker; the city stays a city elsewhere
    assert pairs(mentions(matcher, "وغادر مسقط رأسه الأفغانية حيراتان")) == [("af", "الأفغانية"), ("hairatan", "حيراتان")]
    assert ("muscat", "مسقط") in pairs(mentions(matcher, "وصل الوزير إلى مسقط أمس"))


def test_a_diameter_is_no_qatar(matcher):
    # قطر is also "diameter": after a verb of measuring or نصف (radius) a blocker (test31, ANT)
    assert pairs(mentions(matcher, "افتتحه الرئيس، ويبلغ قطر الساحة 36 متراً، وتشرف على")) == []
    assert pairs(mentions(matcher, "بتوسيع نصف قطر دائرة شعاع الشحن")) == []
    assert ("qa", "قطر") in pairs(mentions(matcher, "وصل الأمير إلى قطر الشقيقة"))


def test_an_edition_in_a_language_is_no_country(matcher):
    # adjective_not_country_after with countries: one word list shared by the languages' countries
    assert pairs(mentions(matcher, "نقلته سبوتنيك في نسختها الإنجليزية")) == [("sputnik", "سبوتنيك")]
    assert pairs(mentions(matcher, "أوبر في نسختها السودانية")) == [("sd", "السودانية")]


def test_the_vatican_and_its_pope_are_two_mentions(matcher):
    # بابا الفاتيكان فرنسيس: the Vatican (va), then Francis by his bare name in an article naming va
    assert pairs(mentions(matcher, "أعلن بابا الفاتيكان فرنسيس في لقائه")) == [("va", "الفاتيكان"), ("pope_francis", "فرنسيس")]
    assert pairs(mentions(matcher, "مدير دار الصحافة التابعة للكرسي الرسولي")) == [("va", "لكرسي الرسولي")]


def test_a_place_inside_a_body_name_is_no_place(matcher):
    # body_words_before_country holds for regions too, and for a second place joined by و
    assert pairs(mentions(matcher, "أصدر معهد أوروبا الشرقية والبلقان تقريرا")) == []
    assert pairs(mentions(matcher, "نظمت جامعة البوسفور في إسطنبول مسيرة")) == [("istanbul", "إسطنبول")]
    # a place named after the body, not joined to it, stays a place
    assert pairs(mentions(matcher, "أصدر معهد أوروبا تقريرا عن البلقان")) == [("balkans", "البلقان")]


def test_a_hyphenated_pair_before_a_short_name_is_a_body(matcher):
    # آسيا-أوروبا (آسيم): the body the bracketed name is; an unknown short name: no mention
    assert pairs(mentions(matcher, "اجتماع وزراء خارجية آسيا-أوروبا (آسيم) هنا")) == \
        [("asem", "آسيا-أوروبا"), ("asem", "آسيم")]
    assert pairs(mentions(matcher, "اجتماع خارجية فرنسا-ألمانيا (فايمار) اليوم")) == []
    # a place in the brackets: the pair stays two places
    assert [e for e, _ in pairs(mentions(matcher, "خط موسكو-بكين (الصين) الجديد"))] == ["moscow", "beijing", "cn"]


def test_a_place_inside_an_event_or_programme_name_is_left_out(matcher):
    def kept(text):
        return [(r["entity_id"], r["surface"]) for r in mentions(matcher, text) if not r.get("inside_event_name")]
    assert kept('للمشاركة في مؤتمر "مستقبل كازاخستان"، وكذلك') == []
    assert kept("ومنتدى عشق آباد الذي يحتفل بالذكرى") == []
    # the place alone in the quotes, or after punctuation, stays the place
    assert kept('في مؤتمر "كازاخستان" أمس') == [("kz", "كازاخستان")]
    assert kept("عقد في منتدى. عشق آباد عاصمة") == [("ashgabat", "عشق آباد")]


def test_compound_region_adjectives(matcher):
    assert pairs(mentions(matcher, "توقف جارتها الوسط آسيوية عن تصدير الغاز")) == [("central_asia", "الوسط آسيوية")]


def test_a_brand_with_the_article_is_the_brand(matcher):
    # readers mark the name after the article: ال[فيسبوك]; a word more frequent with the article
    # than without it (الأمازون, the river) is left alone
    assert pairs(mentions(matcher, "بثه مباشرة على الفيسبوك واليوتيوب")) == [("facebook", "فيسبوك"), ("youtube", "يوتيوب")]


def test_a_doubled_last_letter_is_a_typo_of_the_name(matcher):
    rows = mentions(matcher, "مثل 39 شخصا أمام محكمة فى بخارىى جنوب غرب أوزبكستان وشدد القاضي")
    assert pairs(rows)[:1] == [("bukhara", "بخارىى")] and rows[0]["match"] == "variant"


def test_a_short_unseen_city_spelling_after_a_city_noun(matcher):
    # نكوص has Nukus' skeleton; the noun مدينة and the country named in the article support it
    rows = mentions(matcher, "اندلعت تظاهرات فى مدينة نكوص في أوزبكستان")
    assert pairs(rows) == [("nukus", "نكوص"), ("uz", "أوزبكستان")] and rows[0]["match"] == "variant"
    assert pairs(mentions(matcher, "اندلعت تظاهرات فى مدينة نكوص")) == []  # no country: no support


def test_a_region_name_split_in_two_words(matcher):
    # قرقل باغستان after إقليم is Karakalpakstan, and باغستان no variant of Pakistan
    assert pairs(mentions(matcher, "الحكم الذاتي في إقليم قرقل باغستان في أوزبكستان")) == \
        [("karakalpakstan", "قرقل باغستان"), ("uz", "أوزبكستان")]


def test_a_latin_name_inside_a_web_address_is_no_mention(matcher):
    rows = pairs(mentions(matcher, "بوابة الإنترنت Sohu (التي لا علاقة لها). تسمية sohu.com كمنصة، وموقع www.Tengrinews.kz"))
    assert rows == [("sohu", "Sohu")]


def test_the_islamic_republic_alone_is_iran(matcher):
    # the other Islamic republics are named with their adjective: the longer alias wins
    assert pairs(mentions(matcher, "حضور الجمهورية الاسلامية في نشاطات سيكا")) == [("ir", "الجمهورية الاسلامية"), ("cica", "سيكا")]
    assert pairs(mentions(matcher, "وزار الجمهورية الإسلامية الموريتانية")) == [("mr", "الجمهورية الإسلامية الموريتانية")]


def test_a_region_named_like_its_town_in_a_list_of_towns(matcher):
    rows = mentions(matcher, "انقطع التيار في مدن ألماتي وشيمكنت وتاراس وتركستان والمناطق المجاورة")
    assert pairs(rows)[-1] == ("turkistan_city", "تركستان")
    # bare تركستان is the town (summits are held in it: test12, test13); the region takes its
    # region word, or a list of regions
    assert pairs(mentions(matcher, "زار مدن ألماتي وأستانا ثم توجه إلى تركستان"))[-1] == ("turkistan_city", "تركستان")
    assert pairs(mentions(matcher, "أجلت السلطات السكان في منطقة تركستان"))[-1] == ("turkestan_region", "منطقة تركستان")
    assert pairs(mentions(matcher, "في مناطق متفرقة من البلاد، بينها تركستان وأكتوبينسك وكوستاناي"))[0] == \
        ("turkestan_region", "تركستان")
    # South Kazakhstan, the region's name until 2018, with its region word; bare, the south of the country
    assert pairs(mentions(matcher, "بتغيير اسم مقاطعة جنوب كازاخستان إلى تركستان"))[0] == ("turkestan_region", "جنوب كازاخستان")
    assert pairs(mentions(matcher, "في جنوب كازاخستان"))[0] == ("kz", "كازاخستان")


def test_word_before_reads_the_word_a_search_at_the_end_finds():
    """_word_before reads the text backwards; it must give the word a search for "a word, then
    only blanks, quotes or brackets up to the mention" finds, on real and on odd text."""
    import random
    import re

    from dashboard.extract.entities import _word_before
    from dashboard.text.normalize import fold

    at_end = re.compile(r"([^\W\d_]+)[\s\"'«»“”(]*$")

    def searched(text: str, start: int) -> str:
        m = at_end.search(text, max(0, start - 40), start)
        return fold(m.group(1)) if m else ""

    assert _word_before("التقى بنور سلطان", 7) == "ب"  # the proclitic glued to the mention
    assert _word_before('وقال الرئيس «نزارباييف', 12) == "الرئيس"
    rng = random.Random(4)
    pieces = ["ب", "نور", "سلطان", " ", '"', "«", "(", "1", "_", "ً", "a", "\n", "-", "،", "أحمد"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        assert _word_before(text, start) == searched(text, start), (text, start)


def test_outlet_credited_before_a_tatweel_dash_and_lil_before_a_turkic_adjective(matcher):
    rows = matcher.find(Doc.from_text("t", "العالم ـ أسيا الوسطى تهاوت جدران سد خزان ساردوبا"))
    assert [r["entity_id"] for r in rows][:1] == ["alalam"]
    rows = matcher.find(Doc.from_text("t", "وقال العالم إن أسيا الوسطى"))
    assert "alalam" not in [r["entity_id"] for r in rows]
    # للعالم is ل + العالم: the Turkic world, no mention of Turkey
    rows = matcher.find(Doc.from_text("t", "تركستان العاصمة الروحية للعالم التركي"))
    assert "tr" not in [r["entity_id"] for r in rows]


def test_two_shared_party_names_in_one_sentence_take_its_country(matcher):
    # each generic party name reads the sentence's other mentions, not the other generic name's
    # first holder (Kazakhstan's party for both)
    rows = matcher.find(Doc.from_text("t", "أعلنت طاجيكستان فوز رحمن. وزعيم الحزب الشيوعي معراج، إضافة إلى "
                                           "إمام علي رحمن عن حزب الشعب الديمقراطي الحاكم."))
    ids = [r["entity_id"] for r in rows]
    assert "communist_party_tj" in ids and "pdpt" in ids and "ppk" not in ids and "auyl" not in ids


def test_persian_letters_match_the_arabic_spelling_exactly(matcher):
    # an Iranian outlet keeps Persian letters (پ ک ی) in a name the catalogue spells in Arabic
    # letters: folding reads them as ب ك ي, so the match is exact, not a variant (test16 b13)
    rows = mentions(matcher, "يتوجه الرئيس الإيراني مسعود پزشکیان غداً إلى تركمانستان")
    assert [(r["entity_id"], r["surface"], r["match"]) for r in rows if r["entity_id"] == "pezeshkian"] == [
        ("pezeshkian", "مسعود پزشکیان", "exact")]


def test_latin_names_in_arabic_text_a_regions_name_and_unseen_transliterations(matcher):
    # test16 b04: the region's English name without "Region"; unseen transliterations of
    # catalogue names (zh/j, y/i, a vowel more or less) are variants; ordinary English words
    # with a name's skeleton, lower case or in an English sentence are nothing
    text = "اندلعت الاحتجاجات في مدينتي Zhanaozen و Aktau في منطقة Mangystau ، في جنوب غرب كازاخستان"
    assert [(e, s) for e, s in pairs(mentions(matcher, text)) if s.isascii()] == [
        ("zhanaozen", "Zhanaozen"), ("aktau", "Aktau"), ("mangystau_region", "Mangystau")]
    rows = mentions(matcher, "في مدينة Janaozen بمنطقة Mangistau قال الرئيس Kassym-Jomart Tokaev")
    assert [(r["entity_id"], r["surface"], r["match"]) for r in rows if r["surface"].isascii()] == [
        ("zhanaozen", "Janaozen", "variant"), ("mangystau_region", "Mangistau", "variant"),
        ("tokayev", "Kassym-Jomart Tokaev", "variant")]
    assert not mentions(matcher, "قال إن mangystau و Please Someone")
    assert not [r for r in mentions(matcher, "The Janaozen strike began. قال") if r["entity_id"] == "zhanaozen"]


def test_a_given_name_and_patronymic_before_the_surname_and_the_given_name_alone_after(matcher):
    # test15 a07: the full name with a patronymic is one mention; the rare given name alone later
    # is the same person; a common given name alone (قاسم) is no one's
    text = ("أعلن رئيس قيرغيزستان، سورونباي شاريبوفيتش جينبيكوف، استقالته. وصرح سورونباي أنه وقع. "
            "وقال قاسم جومارت توكاييف ثم قال قاسم إن")
    assert [(r["entity_id"], r["surface"]) for r in mentions(matcher, text) if r["entity_id"] != "kg"] == [
        ("jeenbekov", "سورونباي شاريبوفيتش جينبيكوف"), ("jeenbekov", "سورونباي"), ("tokayev", "قاسم جومارت توكاييف")]
    assert not mentions(matcher, "قال سورونباي إن")  # (never named in full: no one)


def test_nursultan_after_a_persons_title_and_a_daughter_with_her_fathers_surname(matcher):
    # test15 a05: "the former president of the country Nur Sultan, aged 78" is Nazarbayev; the
    # capital after a verb of travel or a mayor's title stays the city
    text = ("الزعيم التاريخي للبلاد نور سلطان نزارباييف. وقرر الرئيس السابق للبلاد نور سلطان البالغ من "
            "العمر 78 عامًا، تعيين خلفه. وزار الرئيس الصيني نور سلطان أمس. وقال رئيس بلدية نور سلطان.")
    doc = Doc.from_text("t", text, published=dt.date(2019, 6, 10))
    assert [r["entity_id"] for r in matcher.find(doc) if r["surface"] == "نور سلطان"] == ["nazarbayev", "astana", "astana"]
    # Dariga written with her father's masculine surname is Dariga, never Nursultan
    assert pairs(mentions(matcher, "كما تم تعيين داريجا نزارباييف رئيسة لمجلس الشيوخ")) == [
        ("dariga_nazarbayeva", "داريجا نزارباييف")]


def test_a_long_country_name_with_a_typing_slip_or_its_space_lost(matcher):
    # test15 a07 (ر for ز), dev u21 (the last letter dropped), test15 a12 (two words run together)
    rows = mentions(matcher, "أعلن رئيس قيرغيرستان استقالته، ورئيس كازاخستا، وجنود من الولاياتالمتحدة")
    assert [(r["entity_id"], r["surface"]) for r in rows] == [
        ("kg", "قيرغيرستان"), ("kz", "كازاخستا"), ("us", "الولاياتالمتحدة")]
    assert [r["match"] for r in rows][:2] == ["variant", "variant"]
    # ordinary long words near a country's name are words
    assert not mentions(matcher, "الاستثمارات والمستشفيات والاستراتيجية")
    # the name with a nisba ending the catalogue does not list is the country's adjective (ANT)
    assert [(r["entity_id"], r["surface"], r["form"]) for r in mentions(matcher, "أمام نظيره الكوستاريكي وانتصر")] == [
        ("cr", "الكوستاريكي", "adjective")]


def test_turkish_ministers_listed_after_their_portfolios(matcher):
    # test17 (tragency) and test8 (khazuq): Turkey's ministers listed after a visit, each after a
    # portfolio; the surname ألوان ("colours") and موش are matched only with the first name
    text = ("وحضر الاجتماع من الجانب التركي كلّ من نائب الرئيس فؤاد أوقطاي، ووزراء الخارجية مولود تشاووش "
            "أوغلو، والخزانة والمالية لطفي ألوان، والثقافة والسياحة محمد نوري أرصوي، والتجارة محمد موش، "
            "والصحة فخر الدين قوجة، والعدل بكير بوزداغ. وتعرض القماش بألوان زاهية.")
    found = pairs(mentions(matcher, text))
    for eid, surface in [("lutfi_elvan", "لطفي ألوان"), ("mehmet_nuri_ersoy", "محمد نوري أرصوي"),
                         ("mus", "محمد موش"), ("koca", "فخر الدين قوجة"), ("bozdag", "بكير بوزداغ")]:
        assert (eid, surface) in found
    assert not any(s == "ألوان" for _, s in found)


def test_new_spellings_of_catalogue_places_and_bodies(matcher):
    # test17: الكريملِن (a kasra inside), دوشانبة (ة for ي), واروخ for Vorukh; rivers of the region
    text = ("أعلن المكتب الصحفي في الكريملِن اليوم. وعقدت القمة في دوشانبة. وأغلق السكان الطريق في واروخ. "
            "وتقع المحطة على نهر نارين، وبنيت السدود على نهر وخش.")
    found = {eid for eid, _ in pairs(mentions(matcher, text))}
    assert {"kremlin", "dushanbe", "vorukh", "naryn_river", "vakhsh_river"} <= found


def test_kabul_written_as_cable_is_the_city_only_after_a_place_word(matcher):
    # ANT: "هبوطه في كابل في زيارة", "العاصمة الأفغانية كابل" vs "النيران من كابل الكهرباء"
    assert pairs(mentions(matcher, "قبل هبوطه في كابل في زيارة لم يسبق الإعلان عنها")) == [("kabul", "كابل")]
    assert ("kabul", "كابل") in pairs(mentions(matcher, "شهدت العاصمة الأفغانية كابل تفجيرا"))
    assert pairs(mentions(matcher, "امتدت النيران من كابل الكهرباء إلى المبنى")) == []


def test_the_golan_and_the_maghrebs_curfew(matcher):
    """Stop 28 (class abroad): the Golan Heights under each of its names, and the UN force there as
    one body; the Maghreb's word for a curfew (حظر الجولان) names no place (blockers.yaml)."""
    text = ("وافق البرلمان الكازاخي على إرسال سرية إلى هضبة الجولان ضمن قوة الأمم المتحدة لمراقبة فض الاشتباك "
            "(أندوف). وفرضت تونس حظر الجولان الليلي بسبب الوباء.")
    assert pairs(mentions(matcher, text)) == [("kz", "الكازاخي"), ("golan_heights", "هضبة الجولان"),
                                              ("undof", "قوة الأمم المتحدة لمراقبة فض الاشتباك"),
                                              ("undof", "أندوف"), ("tn", "تونس")]


def test_a_former_presidents_daughter_is_not_the_president(matcher):
    """Stop 28 (class former): Gulnara Karimova in her spellings and by her given name after her
    full name; the late president is his own entity."""
    text = ("صدر حكم بسجن غولنارا كاريموفا ابنة الرئيس الراحل إسلام كريموف. كانت غولنارا تميل إلى خلافة والدها "
            "إسلام كريموف. وكانت جلنار كريموفا قد اختفت عام 2014.")
    got = pairs(mentions(matcher, text))
    assert got.count(("karimov", "إسلام كريموف")) == 2
    assert [e for e, _ in got if e != "karimov"] == ["gulnara_karimova"] * 3


def test_an_outlets_edition_holds_no_mention_of_its_country(matcher):
    # Sputnik's Kyrgyz edition (test29): one mention of the outlet, none of Kyrgyzstan
    assert pairs(mentions(matcher, 'وبحسب وكالة "سبوتنيك-قيرجيزستان" الروسية، فإن')) == [
        ("sputnik", 'وكالة "سبوتنيك-قيرجيزستان'), ("ru", "الروسية")]
    # apart, the country is its own mention
    assert ("kg", "قرغيزستان") in pairs(mentions(matcher, "نقلت سبوتنيك عن وزير خارجية قرغيزستان"))

