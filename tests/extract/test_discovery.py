"""Candidate discovery: unknown names after titles, never what the catalogue already knows."""

from __future__ import annotations

import shutil

import pytest

from dashboard.catalogues import load_catalogues
from dashboard.extract.discovery import Triggers, aggregate_candidates, candidates_in
from dashboard.extract.entities import EntityMatcher
from dashboard.paths import CATALOGUE_DIR
from dashboard.schema import TABLES
from dashboard.text.document import Doc


@pytest.fixture(scope="module")
def tools(catalogues) -> tuple[EntityMatcher, Triggers]:
    """The entity matcher and the shipped discovery triggers."""
    return EntityMatcher(catalogues.entities), catalogues.discovery


def candidates(tools, text: str, article_id: str = "t", triggers: Triggers | None = None) -> list[dict]:
    matcher, shipped = tools
    doc = Doc.from_text(article_id, text)
    return candidates_in(doc, matcher.find(doc), triggers or shipped)


def test_known_names_are_not_candidates(tools, seed_texts):
    for aid, text in seed_texts.items():
        found = {c["candidate"] for c in candidates(tools, text, aid)}
        assert not found & {"توكاييف", "قاسم جومارت توكاييف", "بوتين", "نيكول باشينيان",
                            "العفو الدولية", "بيرليك"}, aid


def test_unknown_name_after_a_title(tools):
    rows = candidates(tools, "التقى الرئيس الروسي بوتين بالرئيس سلفا كير في موسكو.")
    assert [(r["candidate"], r["trigger"]) for r in rows] == [("سلفا كير", "الرئيس")]
    assert rows[0]["example"].startswith("التقى الرئيس")


def test_descriptors_between_title_and_name_are_skipped(tools):
    rows = candidates(tools, "وقال وزير الخارجية الكازاخستاني السابق يرجان كازيخانوف إن")
    assert [(r["candidate"], r["trigger"]) for r in rows] == [("يرجان كازيخانوف", "وزير الخارجية")]


def test_first_name_of_a_known_person_is_not_a_candidate(tools):
    assert candidates(tools, "قال الرئيس الأميركي دونالد #ترمب إن") == []


def test_person_names_may_continue_with_article_words(tools):
    rows = candidates(tools, "والتقى الرئيس اليمني عبد ربه منصور هادي")
    assert [(r["candidate"], r["trigger"]) for r in rows] == [("عبد ربه منصور", "الرئيس")]
    rows = candidates(tools, "وقال الرئيس عمر البشير إن")
    assert [r["candidate"] for r in rows] == ["عمر البشير"]


def test_organisation_names_keep_their_article(tools):
    rows = candidates(tools, "وقالت منظمة الشفافية الدولية إن الفساد منتشر. ونشرت صحيفة «كومسومولسكايا برافدا» مقالا")
    assert [(r["candidate"], r["trigger"]) for r in rows] == [
        ("الشفافية الدولية", "منظمة"), ("كومسومولسكايا برافدا", "صحيفة")]


def test_aggregate_merges_spellings_and_counts_articles(tools):
    rows = (candidates(tools, "قال الرئيس سلفا كير", "a")
            + candidates(tools, "وقال الرئيس سلفا كير ثم الرئيس سلفا كير", "b")
            + candidates(tools, "زار الرئيس سلفا كيّر.", "c")
            + candidates(tools, "منظمة الشفافية الدولية", "c"))
    df = aggregate_candidates(rows)
    assert list(df.columns) == list(TABLES["candidates"])
    top = df.iloc[0]
    assert (top["candidate"], top["trigger"], top["count"], top["n_articles"],
            top["example_article_id"]) == ("سلفا كير", "الرئيس", 4, 3, "a")
    assert df.iloc[1]["candidate"] == "الشفافية الدولية"


def test_aggregate_of_nothing_is_an_empty_table():
    df = aggregate_candidates([])
    assert df.empty and list(df.columns) == list(TABLES["candidates"])


def test_triggers_are_data(tmp_path, tools):
    shutil.copytree(CATALOGUE_DIR, tmp_path / "cat")
    text = "وقال المخرج سيرغي دفورتسيفوي والمخرجة نادين لبكي"
    assert candidates(tools, text, triggers=load_catalogues(tmp_path / "cat").discovery) == []
    with (tmp_path / "cat" / "discovery_triggers.yaml").open("a", encoding="utf-8") as fh:
        fh.write("  - {trigger: المخرجة, kind: person, max_words: 2}\n")
    rows = candidates(tools, text, triggers=load_catalogues(tmp_path / "cat").discovery)
    assert [(r["candidate"], r["trigger"]) for r in rows] == [("نادين لبكي", "المخرجة")]
