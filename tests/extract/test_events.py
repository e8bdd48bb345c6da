"""Event linking: the catalogue loads, each cue kind works on real seed sentences, one row per
(sentence, event), and a cue fails when one of its conditions is missing."""

from __future__ import annotations

import re
from datetime import date

import pytest
import yaml

from dashboard.extract.dates import DateExtractor
from dashboard.extract.entities import EntityMatcher
from dashboard.extract.events import EventLinker, events_table, parse_events, phrase_pattern
from dashboard.paths import CATALOGUE_DIR, SEEDS_DIR
from dashboard.schema import TABLES
from dashboard.text.document import Doc
from dashboard.text.normalize import fold

SEED_PUBLISHED = {
    "000": (date(2023, 1, 1), "year"), "001": (date(2022, 10, 27), "day"),
    "002": (date(2022, 7, 1), "month"), "003": (date(2020, 12, 1), "month"),
    "004": (date(2022, 1, 1), "month"),
}


@pytest.fixture(scope="module")
def tools(catalogues):
    return EntityMatcher(catalogues.entities), DateExtractor(catalogues.date_words), EventLinker(catalogues.events, catalogues.planned_words)


def link(tools, doc: Doc) -> list[dict]:
    entities, dates, linker = tools
    return linker.find(doc, entities.find(doc), dates.find(doc))


def seed_doc(prefix: str) -> Doc:
    path = next(SEEDS_DIR.glob(f"{prefix}_*.txt"))
    published, precision = SEED_PUBLISHED[prefix]
    return Doc.from_text(path.stem, path.read_text("utf-8"), published, precision)


def linked(tools, prefix: str) -> dict[tuple[str, str], dict]:
    """(event_id, a snippet of the sentence) lookups for one seed."""
    doc = seed_doc(prefix)
    return {(r["event_id"], doc.text[r["char_start"]:r["char_end"]]): r for r in link(tools, doc)}


def has(rows: dict, event_id: str, snippet: str) -> bool:
    return any(e == event_id and snippet in sentence for e, sentence in rows)


def test_catalogue_loads_and_table_follows_the_contract(catalogues):
    events = catalogues.events
    assert len(events) >= 15
    table = events_table(events)
    assert list(table.columns) == list(TABLES["events"])
    assert table["event_id"].is_unique
    assert (table["date_start"] <= table["date_end"]).all()
    for needed in ("kz_unrest_2022", "csto_deployment_2022", "russia_invades_ukraine_2022",
                   "spief_2022", "efes_2022", "cpc_novorossiysk_2022", "cica_summit_2022",
                   "kz_parliamentary_election_2021", "nazarbayev_resignation_2019",
                   "belarus_protests_2020", "maidan_2014", "kz_independence_1991",
                   "us_recognition_1991", "semipalatinsk_tests", "summit_for_democracy_2021"):
        assert needed in set(table["event_id"])


def test_catalogue_entity_ids_exist_in_the_entity_catalogue(catalogues):
    """A cue naming an entity id the entity catalogue lacks would silently never fire."""
    from dashboard.extract.entities import entities_table

    known = set(entities_table(catalogues.entities)["entity_id"])
    raw = yaml.safe_load((CATALOGUE_DIR / "events.yaml").read_text("utf-8"))
    used = {eid for e in raw["events"] for c in e.get("cues") or ()
            for key in ("entities", "any_entities", "article_entities") for eid in c.get(key, [])}
    assert used - known == set()


@pytest.mark.parametrize("phrase, text, hit", [
    ("منتدى سانت بطرسبرغ", "في منتدى سانت بطرسبرغ الاقتصادي", True),
    ("منتدى سانت بطرسبرغ", "والمنتدى سانت بطرسبرغ", True),            # clitics on the first word
    ("الانتخابات البرلمانية", "مع للانتخابات البرلمانية", True),          # ل + ال contracted
    ("احتجاج*", "احتجاجات بيلاروسيا", True),                             # * takes any ending
    ("احتجاج", "احتجاجات بيلاروسيا", False),                              # no * : whole word
    ("قمة ... حول الديمقراطية", "قمة الرئيس بايدن حول الديمقراطية", True),  # ... is a gap
    ("SPIEF-2022", "في SPIEF-2022 ،", True),                              # Latin folded to lower case
    ("منتدى سانت بطرسبرغ", "منتدى سانت بطرسبرغغ", False),
])
def test_phrase_language(phrase, text, hit):
    assert bool(re.search(phrase_pattern(phrase), fold(text))) is hit


@pytest.mark.parametrize("prefix, event_id, snippet", [
    ("000", "spief_2022", "في منتدى سانت بطرسبرغ الاقتصادي الدولي"),        # phrase + date "العام الماضي"
    ("000", "kz_unrest_2022", "محاولة الانقلاب العنيفة في يناير 2022"),       # word + date window
    ("000", "russia_invades_ukraine_2022", "خلقت الحرب في أوكرانيا"),
    ("001", "cica_summit_2022", "وأظهرت استضافة قمة CICA"),                   # phrase + publication window
    ("001", "cica_summit_2022", "للمؤتمر الأخير"),                            # article context (CICA)
    ("001", "kz_qatar_agreements_2022", "وقعت كازاخستان وقطر اتفاقيات استثمار"),
    ("002", "spief_2022", "التصريحات الأخيرة للرئيس توكاييف في SPIEF-2022"),
    ("002", "efes_2022", "EFES-2022"),
    ("002", "cpc_novorossiysk_2022", "تم تعليق شحن النفط الكازاخستاني في ميناء نوفوروسيسك"),
    ("002", "csto_deployment_2022", "لماذا سيكون من الخطأ عدم إحضار القوات الروسية"),
    ("002", "maidan_2014", "بالميدان الأوكراني لعام 2014"),
    ("002", "belarus_protests_2020", "ومحاولة Belomaidan عام 2020"),
    ("003", "kz_parliamentary_election_2021", "في 10 يناير/ كانون الثاني من العام المقبل"),
    ("003", "nazarbayev_resignation_2019", "الاستقالة المفاجئة لرئيس كازاخستان الأول"),
    ("003", "kyrgyzstan_crisis_2020", "وأزمة وانقلاب قيرغيزستان"),
    ("004", "csto_deployment_2022", "قرر إرسال قوات لحفظ السلام إلى كازاخستان"),   # entities + words
    ("004", "us_recognition_1991", "أول دولة تعترف باستقلال كازاخستان"),
    ("004", "semipalatinsk_tests", "تجربة نووية في موقع سيميبالاتينسك"),
    ("004", "summit_for_democracy_2021", "قمة الرئيس بايدن حول الديمقراطية"),
])
def test_seed_sentences_are_linked(tools, prefix, event_id, snippet):
    assert has(linked(tools, prefix), event_id, snippet)


@pytest.mark.parametrize("prefix", sorted(SEED_PUBLISHED))
def test_rows_are_sentences_one_per_sentence_and_event(tools, prefix):
    doc = seed_doc(prefix)
    rows = link(tools, doc)
    assert rows
    keys = [(r["sentence_id"], r["event_id"]) for r in rows]
    assert len(keys) == len(set(keys)) and keys == sorted(keys)
    for r in rows:
        assert (r["char_start"], r["char_end"]) == doc.sentences[r["sentence_id"]]
        assert r["cue"] and r["article_id"] == doc.article_id


def test_the_steppe_eagle_exercise_is_not_the_csto_deployment(tools):
    # "قوات حفظ السلام" in a sentence about the 2019 exercises in Kazakhstan must not link
    assert not has(linked(tools, "004"), "csto_deployment_2022", "مناورات عسكرية متعددة الأطراف")


def test_publication_window_is_required(tools):
    """The same sentence without a publication date in the window links nothing by that cue."""
    text = "وأظهرت استضافة قمة CICA الدور المستقبلي لكازاخستان."
    assert has({(r["event_id"], text): r for r in link(tools, Doc.from_text("a", text, date(2022, 10, 27), "day"))},
               "cica_summit_2022", "قمة CICA")
    assert link(tools, Doc.from_text("b", text, date(2019, 1, 1), "day")) == []
    assert link(tools, Doc.from_text("c", text)) == []


def test_a_date_window_cue_needs_an_overlapping_date(tools):
    inside = "شاركت قوات من كازاخستان في التدريبات EFES في 1 يونيو 2022."
    outside = "شاركت قوات من كازاخستان في التدريبات EFES في 1 يونيو 2018."
    assert [r["event_id"] for r in link(tools, Doc.from_text("a", inside, date(2022, 6, 5), "day"))] == ["efes_2022"]
    assert link(tools, Doc.from_text("b", outside, date(2018, 6, 5), "day")) == []


def test_anchor_prefilter_keeps_contracted_and_wildcard_forms(tools):
    """The linker skips a phrase regex when the text lacks the phrase's anchor: للانتخابات
    (ل + ال contracted) and احتجاجات (احتجاج*) must still reach their regexes."""
    doc = Doc.from_text("a", "استعدادا للانتخابات البرلمانية في كازاخستان في 10 يناير 2021.",
                        date(2020, 12, 20), "day")
    assert "kz_parliamentary_election_2021" in {r["event_id"] for r in link(tools, doc)}
    doc = Doc.from_text("b", "تواصلت احتجاجات بيلاروسيا في 16 أغسطس 2020.", date(2020, 8, 17), "day")
    assert "belarus_protests_2020" in {r["event_id"] for r in link(tools, doc)}


def test_cue_describes_what_linked(tools):
    rows = linked(tools, "004")
    cue = next(r["cue"] for (e, s), r in rows.items()
               if e == "csto_deployment_2022" and "قرر إرسال قوات" in s)
    assert "entities: csto" in cue and "word:" in cue


def test_unknown_cue_key_is_an_error():
    raw = {"events": [{
        "id": "x", "name_ar": "س", "name_en": "X", "date_start": "2022-01-01",
        "date_end": "2022-01-02", "description": "d", "cues": [{"phrase": ["خطأ"]}]}]}
    with pytest.raises(ValueError, match="unknown cue keys"):
        parse_events(raw)


def test_an_article_scans_only_the_phrases_in_its_reach_with_the_same_matches():
    # regex_for drops the phrases whose anchor the article lacks (speed); the matches, their order
    # and which phrase wins at a position must be exactly the full alternation's
    from dashboard.extract.events import SentenceIndex, _alternation
    phrases = _alternation(["زيارة رسمية", "زيارته", "جولته", "جولتها", "توجه ... إلى", "يزور", "تزور",
                            "زار*", "القمة", "قمة طارئة", "محادثات", "اجتماع تشاوري"])
    text = "أجرى الرئيس محادثات في موسكو خلال جولته، وقال إن المحادثات وجولته الثانية ناجحة"
    doc = Doc.from_text("t", text, date(2022, 7, 1), "day")
    index = SentenceIndex(doc, [], [])
    subset = index.regex_for(phrases)
    assert subset.pattern != phrases.regex.pattern  # fewer phrases: the test exercises the subset
    full = [(m.start(), m.end()) for m in phrases.regex.finditer(doc.norm.text)]
    assert full and [(m.start(), m.end()) for m in subset.finditer(doc.norm.text)] == full
    # the leading lookahead rejects nothing: the same alternation without it finds the same
    bare = re.compile(phrases.regex.pattern[phrases.regex.pattern.index("])") + 2:])
    assert [(m.start(), m.end()) for m in bare.finditer(doc.norm.text)] == full


def test_a_name_inside_a_cue_phrase_matches_the_catalogues_other_spellings_of_it(tools, catalogues):
    """"تغيير اسم أستانا" is written once; the text writes "استانه" (آستانة), another catalogue
    spelling of Astana's name with its variant key (a renaming sentence of the 2019 event, tuning
    half). Astana's other NAME, Nur-Sultan, is not a spelling of it: renaming Nur-Sultan is 2022's."""
    from dashboard.extract.events import expand_spellings, spelling_variants
    spellings = spelling_variants(catalogues.entities)
    expanded = expand_spellings("تغيير اسم أستانا", spellings)
    assert "تغيير اسم استانه" in expanded
    assert not any("سلطان" in p for p in expanded)
    doc = Doc.from_text("t", "وذكرت وكالة الأنباء الرسمية عقب تصويت البرلمان «تم تغيير اسم آستانة رسميا الآن إلى "
                        "نور سلطان».", date(2019, 3, 23), "day")
    assert any(r["event_id"] == "astana_renaming_2019" for r in link(tools, doc))
    # a proclitic the cue writes on the name is kept on each spelling
    assert "وزراء خارجية آسيا واوربا" in expand_spellings("وزراء خارجية آسيا وأوروبا", spellings)
    # ... and an ``unless`` phrase too: the renaming back to Astana in 2022, spelt آستانة, is no
    # 2019 renaming though Nazarbayev is named ("إلى أستانا" is the 2019 cues' unless)
    back = Doc.from_text("t", "وصوت البرلمان على إعادة تسمية العاصمة نور سلطان إلى آستانة، بعدما حملت اسم "
                         "الرئيس السابق نور سلطان نزارباييف.", date(2022, 9, 17), "day")
    assert not any(r["event_id"] == "astana_renaming_2019" for r in link(tools, back))
