"""Candidate discovery: unknown names after titles, never what the catalogue already knows."""

from __future__ import annotations

import shutil

import pytest

from dashboard.extract.discovery import aggregate_candidates, candidates_in
from dashboard.extract.entities import EntityMatcher
from dashboard.paths import CATALOGUE_DIR
from dashboard.schema import TABLES
from dashboard.text.document import Doc


@pytest.fixture(scope="module")
def matcher() -> EntityMatcher:
    return EntityMatcher.from_catalogue()


def candidates(matcher, text: str, article_id: str = "t", **kw) -> list[dict]:
    doc = Doc.from_text(article_id, text)
    return candidates_in(doc, matcher.find(doc), **kw)


def test_known_names_are_not_candidates(matcher, seed_texts):
    for aid, text in seed_texts.items():
        found = {c["candidate"] for c in candidates(matcher, text, aid)}
        assert not found & {"توكاييف", "قاسم جومارت توكاييف", "بوتين", "نيكول باشينيان",
                            "العفو الدولية", "بيرليك"}, aid


def test_unknown_name_after_a_title(matcher):
    rows = candidates(matcher, "التقى الرئيس الروسي بوتين بالرئيس سلفا كير في موسكو.")
    assert [(r["candidate"], r["trigger"]) for r in rows] == [("سلفا كير", "الرئيس")]
    assert rows[0]["example"].startswith("التقى الرئيس")


def test_descriptors_between_title_and_name_are_skipped(matcher):
    rows = candidates(matcher, "وقال وزير الخارجية الكازاخستاني السابق يرجان كازيخانوف إن")
    assert [(r["candidate"], r["trigger"]) for r in rows] == [("يرجان كازيخانوف", "وزير الخارجية")]


def test_first_name_of_a_known_person_is_not_a_candidate(matcher):
    assert candidates(matcher, "قال الرئيس الأميركي دونالد #ترمب إن") == []


def test_person_names_may_continue_with_article_words(matcher):
    rows = candidates(matcher, "والتقى الرئيس اليمني عبد ربه منصور هادي")
    assert [(r["candidate"], r["trigger"]) for r in rows] == [("عبد ربه منصور", "الرئيس")]
    rows = candidates(matcher, "وقال الرئيس عمر البشير إن")
    assert [r["candidate"] for r in rows] == ["عمر البشير"]


def test_organisation_names_keep_their_article(matcher):
    rows = candidates(matcher, "وقالت منظمة الشفافية الدولية إن الفساد منتشر. ونشرت صحيفة «كومسومولسكايا برافدا» مقالا")
    assert [(r["candidate"], r["trigger"]) for r in rows] == [
        ("الشفافية الدولية", "منظمة"), ("كومسومولسكايا برافدا", "صحيفة")]


def test_aggregate_merges_spellings_and_counts_articles(matcher):
    rows = (candidates(matcher, "قال الرئيس سلفا كير", "a")
            + candidates(matcher, "وقال الرئيس سلفا كير ثم الرئيس سلفا كير", "b")
            + candidates(matcher, "زار الرئيس سلفا كيّر.", "c")
            + candidates(matcher, "منظمة الشفافية الدولية", "c"))
    df = aggregate_candidates(rows)
    assert list(df.columns) == list(TABLES["candidates"])
    top = df.iloc[0]
    assert (top["candidate"], top["trigger"], top["count"], top["n_articles"],
            top["example_article_id"]) == ("سلفا كير", "الرئيس", 4, 3, "a")
    assert df.iloc[1]["candidate"] == "الشفافية الدولية"


def test_aggregate_of_nothing_is_an_empty_table():
    df = aggregate_candidates([])
    assert df.empty and list(df.columns) == list(TABLES["candidates"])


def test_triggers_are_data(tmp_path, matcher):
    shutil.copy(CATALOGUE_DIR / "discovery_triggers.yaml", tmp_path / "discovery_triggers.yaml")
    text = "وقال المخرج سيرغي دفورتسيفوي والمخرجة نادين لبكي"
    assert candidates(matcher, text, catalogue_dir=tmp_path) == []
    with (tmp_path / "discovery_triggers.yaml").open("a", encoding="utf-8") as fh:
        fh.write("  - {trigger: المخرجة, kind: person, max_words: 2}\n")
    rows = candidates(matcher, text, catalogue_dir=tmp_path)
    assert [(r["candidate"], r["trigger"]) for r in rows] == [("نادين لبكي", "المخرجة")]
