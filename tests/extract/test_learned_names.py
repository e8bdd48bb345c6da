"""The learned name finder (extract/learned_names.py): features of a candidate word, spans decoded
from the words' probabilities, the rows ProvisionalFinder makes of them, the model file's checks.
Examples are sentences of the TUNING gold parts (test5, test6, test19)."""

from __future__ import annotations

import json

import pytest

from dashboard.extract import learned_names
from dashboard.extract.entities import EntityMatcher, split_tokens
from dashboard.extract.learned_names import (
    LEARNED,
    MODEL_FILE,
    NameModel,
    NameModelError,
    decode,
    parse_name_model,
    probabilities,
    token_features,
)
from dashboard.extract.provisional import DISCOVERED, ProvisionalFinder
from dashboard.paths import CATALOGUE_DIR
from dashboard.text.document import Doc

# test5 (Pakistan Point): a governor named after his region, no title right before the name
GOVERNOR = ("أعلن رئيس مقاطعة بدخشان المتمتعة بالحكم الذاتي في طاجيكستان، غوليب نياتبيكوف، اليوم الخميس، "
            "عن إيواء أكثر من ألف لاجئ. وأضاف أن نياتبيكوف زار المخيم.")
# test19 (Al Mowatna): a crew of three, two tourists joined by و
# (test19's crew of Soyuz MS-20, whose names the catalogue holds since stop 28, with names it lacks)
CREW = ("وسوف يتألف طاقم المركبة من رائد الفضاء الروسي ألكسندر سكفورتسوف وسائحين من اليابان هما كينجي "
        "تاناكورا وهيروشي ماتسوكاوا، حيث من المتوقع أن يقضوا 12 يوما.")
# a hand-made model: a rare word and a family name's ending make a name
TOY = NameModel({"z0": 2.0, "surname_end": 3.0, "given": 3.0}, -2.5, 0.5, 0.99, 4.0, (), 0.3)


@pytest.fixture(scope="module")
def tools(catalogues) -> tuple[EntityMatcher, ProvisionalFinder]:
    matcher = EntityMatcher(catalogues.entities)
    finder = ProvisionalFinder(catalogues.provisional, matcher, catalogues.stopwords,
                               catalogues.date_words.months, catalogues.latin_letter_names, TOY)
    return matcher, finder


def residual_of(tools, text: str):
    matcher, finder = tools
    doc = Doc.from_text("t", text)
    r, _ = finder.learned_residual(doc, matcher.find(doc), TOY.candidate_zipf)
    return doc, r


def token(r, word: str) -> int:
    return next(i for i, f in enumerate(r.forms) if f == word)


def test_features_of_a_transliterated_family_name(tools):
    _, r = residual_of(tools, GOVERNOR)
    i = token(r, "نياتبيكوف")
    assert r.candidate[i]
    features = token_features(r, i, tools[1].lexicon)
    assert {"z0", "surname_end", "s2:وف", "s3:كوف", "p1g:", "n1g:,", "p1c", "p1c_joined"} <= set(features)
    assert "p1:غوليب" in features  # the word before, folded
    # before غوليب: a comma, then a catalogue country (its type, not its word)
    j = token(r, "غوليب")
    assert {"p1g:,", "p1t:country"} <= set(token_features(r, j, tools[1].lexicon))


def test_catalogue_mentions_and_frequent_words_are_no_candidates(tools):
    _, r = residual_of(tools, GOVERNOR)
    assert not r.candidate[token(r, "طاجيكستان")]  # a catalogue country
    assert not r.candidate[token(r, "الخميس")]  # an ordinary word
    assert r.mention_type(token(r, "طاجيكستان")) == "country"


def test_decode_joins_a_rare_given_name_to_a_sure_family_name(tools):
    doc, r = residual_of(tools, GOVERNOR)
    probs = probabilities(r, TOY, tools[1].lexicon)
    i = token(r, "غوليب")
    assert probs[i] < TOY.threshold <= probs[i + 1]  # the given name alone is unsure
    spans = decode(r, probs, TOY.threshold, TOY.one_word_threshold, TOY.extend_threshold)
    assert (i, i + 2) in [(a, b) for a, b, _ in spans]
    # without the extension the run is the family name alone: one word, below the one-word bar
    assert (i, i + 2) not in [(a, b) for a, b, _ in decode(r, probs, TOY.threshold, TOY.one_word_threshold)]


def test_decode_splits_names_joined_by_and(tools, monkeypatch):
    _, r = residual_of(tools, CREW)
    probs = {i: 0.9 for i, c in enumerate(r.candidate) if c}
    # wordfreq's large list knows these Japanese names: the unlisted-word guard would drop them
    monkeypatch.setattr(learned_names, "REQUIRE_UNLISTED", False)
    spans = {" ".join(r.forms[a:b]) for a, b, _ in decode(r, probs, 0.5, 0.99)}
    assert "كينجي تاناكورا" in spans and "وهيروشي ماتسوكاوا" in spans


def test_decode_wants_a_word_no_list_knows(tools):
    # dev: "وهناك لغتان رسميتان" (two official languages): rare forms of ordinary words
    _, r = residual_of(tools, "وتشغل مساحة 40% من أراضيها، وهناك لغتان رسميتان هي الأوزبكية والكاراكالباك.")
    i = token(r, "لغتان")
    probs = {i: 0.9, i + 1: 0.9}
    assert r.candidate[i] and r.candidate[i + 1]
    assert decode(r, probs, 0.5, 0.99) == []


def test_decode_leaves_the_rest_of_a_known_persons_name(tools):
    matcher, finder = tools
    doc = Doc.from_text("t", "وقال الرئيس قاسم جومارت توكاييف إن البلاد مستعدة.")
    mentions = matcher.find(doc)
    r, _ = finder.learned_residual(doc, mentions, TOY.candidate_zipf)
    probs = {i: 0.99 for i, c in enumerate(r.candidate) if c}
    assert any(r.mention_type(i) == "person" for i in range(len(r.forms)))
    assert not [s for s in decode(r, probs, 0.5, 0.5) if "جومارت" in r.forms[s[0]:s[1]]]


def test_learned_rows_are_provisional_persons_resolved_later(tools):
    matcher, finder = tools
    doc = Doc.from_text("t", GOVERNOR)
    rows = finder.find(doc, matcher.find(doc))
    learned = [r for r in rows if r["alias"].startswith(LEARNED)]
    assert [r["surface"] for r in learned] == ["غوليب نياتبيكوف", "نياتبيكوف"]
    assert {r["entity_id"] for r in learned} == {"new:ghwlyb_nyatbykwf"}
    assert all(r["match"] == DISCOVERED for r in learned)
    assert learned[0]["alias"].startswith(f"{LEARNED} p=0.")


def test_no_learned_rows_without_a_model(catalogues):
    matcher = EntityMatcher(catalogues.entities)
    finder = ProvisionalFinder(catalogues.provisional, matcher, catalogues.stopwords,
                               catalogues.date_words.months, catalogues.latin_letter_names)
    doc = Doc.from_text("t", GOVERNOR)
    assert not [r for r in finder.find(doc, matcher.find(doc)) if r["alias"].startswith(LEARNED)]


def test_a_head_noun_types_the_name(tools):
    matcher, finder = tools
    # test6: an agency named after وكالة, no quotes
    doc = Doc.from_text("t", "وبرنامج تعاون بين وزارة التنمية الرقمية في قيرغيزستان ووكالة أوزارشيف، وبرنامج آخر.")
    model = NameModel({"z0": 5.0}, -2.0, 0.5, 0.9, 4.0)
    rows = [r for r in finder.find(doc, matcher.find(doc)) if r["alias"].startswith(LEARNED)]
    rows = finder.learned_rows(doc, matcher.find(doc), model)
    assert [(r["surface"], r["entity_id"]) for r in rows] == [("أوزارشيف", "new:media:awzarshyf")]


def test_the_shipped_model_file_is_valid_and_sorted():
    raw = json.loads((CATALOGUE_DIR / MODEL_FILE).read_text("utf-8"))
    model = parse_name_model(raw)
    assert model is not None and 0 < model.threshold <= model.one_word_threshold <= 1
    assert list(raw["weights"]) == sorted(raw["weights"])
    from dashboard.quality.name_training import HELD_OUT

    assert not set(HELD_OUT) & set(raw["trained_on"])  # the untouched set is never trained on


@pytest.mark.parametrize("raw, message", [
    ({"weights": {}, "bias": 0, "threshold": 0.5, "one_word_threshold": 0.9}, "candidate_zipf"),
    ({"weights": [], "bias": 0, "threshold": 0.5, "one_word_threshold": 0.9, "candidate_zipf": 4}, "object"),
    ({"weights": {}, "bias": 0, "threshold": 1.5, "one_word_threshold": 0.9, "candidate_zipf": 4}, "threshold"),
])
def test_a_bad_model_file_says_what_is_wrong(raw, message):
    with pytest.raises(NameModelError, match=message):
        parse_name_model(raw)


def test_split_tokens_and_residual_agree(tools):
    doc, r = residual_of(tools, CREW)
    assert r.forms == split_tokens(doc)[0]


def test_no_person_without_a_persons_mark(tools):
    matcher, finder = tools
    # test17: a power station's name (Rogun there, a catalogue place since stop 29; Kambarata here),
    # after no head noun of a body: no first name, no family-name ending, no title, so no person (and
    # no untyped body)
    doc = Doc.from_text("t", "افتتح الرئيس الوحدة الثانية من محطة كامباراتا الكهرمائية في البلاد.")
    model = NameModel({"z0": 5.0}, -2.0, 0.5, 0.9, 4.0)
    r, _ = finder.learned_residual(doc, matcher.find(doc), model.candidate_zipf)
    spans = decode(r, probabilities(r, model, finder.lexicon), 0.5, 0.9)
    assert [" ".join(r.forms[a:b]) for a, b, _ in spans] == ["كامباراتا الكهرمائيه"]  # a name-like run
    assert finder.learned_rows(doc, matcher.find(doc), model) == []


@pytest.mark.parametrize("text, surface, entity_id", [
    # ANT (France24 sport): the conjunction glued to a known first name is no part of the name
    ("فاز فيتا كلوب بهدفين لحميد أحداد وأيوب نناح في المباراة.", "أيوب نناح", "new:aywb_nnahh"),
    # ANT (cycling): a nationality adjective before the name is no part of it
    ("وبقي النروجي ألكنسدر كريستوف في المركز الثامن.", "ألكنسدر كريستوف", "new:alknsdr_krystwf"),
    # ANT: a verbal noun before the name ("the arrest of Puigdemont") is no part of it
    ("ستقرر المحكمة في شأن توقيف بوتشيمون كارلوفيتش تمهيدا لتسليمه.", "بوتشيمون كارلوفيتش",
     "new:bwtshymwn_karlwfytsh"),
])
def test_learned_names_are_delimited_as_names(catalogues, text, surface, entity_id):
    matcher = EntityMatcher(catalogues.entities)
    finder = ProvisionalFinder(catalogues.provisional, matcher, catalogues.stopwords, catalogues.date_words.months,
                               catalogues.latin_letter_names,
                               NameModel({"z0": 3.0, "given": 3.0, "surname_end": 3.0}, -2.0, 0.5, 0.99, 4.0, (), 0.3))
    doc = Doc.from_text("t", text)
    rows = [r for r in finder.find(doc, matcher.find(doc)) if r["alias"].startswith(LEARNED)]
    assert [(r["surface"], r["entity_id"]) for r in rows] == [(surface, entity_id)]


def test_no_person_after_a_place_noun(catalogues):
    # ANT: a Ukrainian region after منطقة ends like a family name (-iv), but is a place
    matcher = EntityMatcher(catalogues.entities)
    finder = ProvisionalFinder(catalogues.provisional, matcher, catalogues.stopwords, catalogues.date_words.months,
                               catalogues.latin_letter_names, NameModel({"z0": 9.0}, -2.0, 0.5, 0.9, 4.0))
    doc = Doc.from_text("t", "انفجار في ترسانة وزارة الدفاع الأوكرانية في منطقة تشيرنيهيف أمس.")
    assert [r for r in finder.find(doc, matcher.find(doc)) if r["alias"].startswith(LEARNED)] == []
