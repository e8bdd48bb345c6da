"""The NIL-aware entity line: provisional persons scored against gold entities the catalogue lacks,
with one provisional id paired to one gold entity (splits and merges cost mentions)."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard.app.i18n import display_names
from dashboard.quality.review import provisional_persons, review_matches
from dashboard.quality.scoring import compare, compare_nil


def ents(*rows):
    return pd.DataFrame(rows, columns=["article_id", "entity_id", "char_start", "char_end"])


CATALOGUE = {"kz", "tokayev"}


def test_provisional_mentions_match_nil_gold_only():
    gold = ents(("a", "kz", 0, 9), ("a", "isayev", 20, 33), ("a", "isayev", 50, 57), ("a", "tokayev", 70, 77))
    catalogue_pred = ents(("a", "kz", 0, 9))
    new = ents(("a", "new:kanat_aysayyf", 20, 33), ("a", "new:kanat_aysayyf", 50, 57),
               ("a", "new:twkayf", 70, 77),   # a catalogue person given a provisional id: wrong
               ("a", "new:xx", 90, 95))       # nothing in the gold there: wrong
    strict = compare("entity_mentions", gold, catalogue_pred)
    assert (strict.score.tp, strict.score.fp, strict.score.fn) == (1, 0, 3)
    nil = compare_nil(gold, catalogue_pred, new, CATALOGUE)
    s = nil.score
    assert (s.tp, s.fp, s.fn) == (3, 2, 1)
    assert nil.pairing == {"new:kanat_aysayyf": "isayev"}
    assert set(nil.false_positives["entity_id"]) == {"new:twkayf", "new:xx"}
    assert list(nil.false_negatives["entity_id"]) == ["tokayev"]
    assert not nil.splits and not nil.merges


def test_one_provisional_id_for_two_people_costs_the_smaller_one():
    gold = ents(("a", "sidorov", 0, 10), ("a", "sidorov", 20, 27), ("b", "sadikov", 0, 12))
    new = ents(("a", "new:s", 0, 10), ("a", "new:s", 20, 27), ("b", "new:s", 0, 12))
    nil = compare_nil(gold, ents(), new, CATALOGUE)
    assert nil.merges == {"new:s": ["sadikov", "sidorov"]}
    assert nil.pairing == {"new:s": "sidorov"}
    assert (nil.score.tp, nil.score.fp, nil.score.fn) == (2, 1, 1)


def test_one_person_under_two_provisional_ids_is_a_split():
    gold = ents(("a", "ryk", 0, 8), ("b", "ryk", 0, 9), ("c", "ryk", 0, 8))
    new = ents(("a", "new:ryk_mshar", 0, 8), ("b", "new:ryak_mshar", 0, 9), ("c", "new:ryk_mshar", 0, 8))
    nil = compare_nil(gold, ents(), new, CATALOGUE)
    assert nil.splits == {"ryk": ["new:ryak_mshar", "new:ryk_mshar"]}
    assert (nil.score.tp, nil.score.fp, nil.score.fn) == (2, 1, 1)


def test_the_cli_prints_both_lines(tmp_path, monkeypatch):
    from dashboard.quality.__main__ import report
    gold = ents(("a", "isayev", 0, 13))
    new = ents(("a", "new:kanat_aysayyf", 0, 13)).assign(surface="كانات إيساييف")
    strict = compare("entity_mentions", gold, ents())
    out = io.StringIO()
    report({"entity_mentions": strict}, {"a": "كانات إيساييف قال"}, ({}, {}), out=out,
           nil=compare_nil(gold, ents(), new, CATALOGUE, strict))
    text = out.getvalue()
    assert "entity_mentions   1.000  0.000" in text  # strict: the catalogue found nothing
    assert "entities+NIL      1.000  1.000" in text
    assert "provisional ids: consistent" in text


def tables():
    mentions = pd.DataFrame([
        {"article_id": "a", "entity_id": "new:jwkw_wydwdw", "surface": "جوكو ويدودو", "alias": "جوكو ويدودو",
         "match": "discovered", "char_start": 10, "char_end": 21},
        {"article_id": "a", "entity_id": "new:jwkw_wydwdw", "surface": "ويدودو", "alias": "جوكو ويدودو",
         "match": "discovered", "char_start": 40, "char_end": 46},
        {"article_id": "b", "entity_id": "new:jwkw_wydwdw", "surface": "جوكو ويدودو", "alias": "جوكو ويدودو",
         "match": "discovered", "char_start": 0, "char_end": 11},
        {"article_id": "b", "entity_id": "tokayev", "surface": "توكافييف", "alias": "توكاييف",
         "match": "variant", "char_start": 20, "char_end": 28},
    ])
    entities = pd.DataFrame([{"entity_id": "tokayev", "name_ar": "قاسم جومارت توكاييف", "name_en": "Tokayev"},
                             {"entity_id": "new:jwkw_wydwdw", "name_ar": "جوكو ويدودو", "name_en": None}])
    return {"entity_mentions": mentions, "entities": entities}


def test_review_lists_provisional_persons_apart_from_variant_matches():
    persons = provisional_persons(tables())
    assert persons[["entity_id", "name_ar", "mentions", "n_articles"]].values.tolist() == [
        ["new:jwkw_wydwdw", "جوكو ويدودو", 3, 2]]
    assert list(review_matches(tables())["match"]) == ["variant"]


@pytest.mark.parametrize("lang,expected", [("ar", "جوكو ويدودو (غير مُراجَع)"), ("en", "جوكو ويدودو (unreviewed)")])
def test_provisional_names_are_marked_unreviewed(lang, expected):
    names = display_names(tables()["entities"], "entity_id", lang)
    assert names["new:jwkw_wydwdw"] == expected
    assert names["tokayev"] in ("قاسم جومارت توكاييف", "Tokayev")


def evs(*rows):
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "event_id"])


def test_discovered_events_pair_one_to_one_with_nil_gold_events():
    from dashboard.quality.scoring import compare_events_nil

    gold = evs(("a", 0, "tashkent_explosion_2023"), ("a", 3, "tashkent_explosion_2023"),
               ("a", 5, "tashkent_explosion_2023"), ("a", 1, "sco_summit_2022"),
               ("b", 0, "tamim_tour_2023"), ("b", 2, "tamim_tour_2023"))
    catalogue_pred = evs(("a", 1, "sco_summit_2022"), ("a", 4, "sco_summit_2022"))
    discovered = evs(("a", 0, "new:blast:uz:2023-09"), ("a", 3, "new:blast:uz:2023-09"),
                     ("a", 5, "new:fire:uz:2023-09"),       # the same event split over a second id
                     ("a", 1, "new:summit:sco:2022-09"),    # the catalogue's event: never right
                     ("b", 0, "new:visit:tamim:2023-06"), ("b", 2, "new:visit:tamim:2023-06"),
                     ("b", 4, "new:visit:tamim:2023-06"))   # no gold there
    strict = compare("event_mentions", gold, catalogue_pred)
    assert (strict.score.tp, strict.score.fp, strict.score.fn) == (1, 1, 5)
    nil = compare_events_nil(gold, discovered, {"sco_summit_2022"}, strict)
    assert nil.pairing == {"new:blast:uz:2023-09": "tashkent_explosion_2023",
                           "new:visit:tamim:2023-06": "tamim_tour_2023"}
    s = nil.score
    assert (s.tp, s.fp, s.fn) == (1 + 4, 1 + 3, 1)
    assert nil.splits == {"tashkent_explosion_2023": ["new:blast:uz:2023-09", "new:fire:uz:2023-09"]}
    assert set(nil.false_positives["event_id"]) == {"new:fire:uz:2023-09", "new:summit:sco:2022-09",
                                                     "new:visit:tamim:2023-06"}
    assert list(nil.false_negatives["event_id"]) == ["tashkent_explosion_2023"]


def test_event_articles_count_each_article_event_pair_once():
    from dashboard.quality.scoring import compare_events_nil, event_articles

    gold = evs(("a", 0, "tashkent_explosion_2023"), ("a", 3, "tashkent_explosion_2023"),
               ("a", 1, "sco_summit_2022"), ("b", 0, "tamim_tour_2023"), ("c", 2, "sco_summit_2022"))
    catalogue_pred = evs(("a", 4, "sco_summit_2022"),        # another sentence: the article still speaks of it
                         ("b", 1, "sco_summit_2022"))        # an event article b never names
    discovered = evs(("a", 3, "new:blast:uz:2023-09"),       # paired with the explosion on sentence 3
                     ("b", 5, "new:visit:tamim:2023-06"),    # no sentence matches: never paired
                     ("c", 2, "new:summit:sco:2022-09"))     # a catalogue event's sentence: never paired
    strict = compare("event_mentions", gold, catalogue_pred)
    nil = compare_events_nil(gold, discovered, {"sco_summit_2022"}, strict)
    s = event_articles(nil)
    # right: (a, sco), (a, explosion); false: (b, sco), (b, new:visit), (c, new:summit); missed: (b, tamim), (c, sco)
    assert (s.tp, s.fp, s.fn) == (2, 3, 2)
