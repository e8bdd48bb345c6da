"""The review part of the quality command (any dataset) and the command that adds a reviewed
event candidate to the catalogue."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
import yaml

from dashboard.catalogue import CatalogueError, add_event
from dashboard.catalogues import load_catalogues
from dashboard.paths import CATALOGUE_DIR
from dashboard.quality.review import event_candidates, impossible_event_links, review_matches


def tables(**extra) -> dict[str, pd.DataFrame]:
    articles = pd.DataFrame({
        "article_id": ["a", "b", "c"], "published": ["2018-02-14", "2022-03-01", "2023-07-20"],
        "published_precision": ["day", "month", "day"],
        "text": ["الحرب في أوكرانيا.", "الحرب في أوكرانيا.",
                 "عقدت قمة في جدة مع قادة آسيا الوسطى. وقال البديوي إن القمة تاريخية."],
    })
    events = pd.DataFrame({"event_id": ["russia_invades_ukraine_2022"], "date_start": ["2022-02-24"]})
    links = pd.DataFrame({"article_id": ["a", "b"], "sentence_id": [0, 0],
                          "event_id": ["russia_invades_ukraine_2022"] * 2, "char_start": [0, 0],
                          "char_end": [18, 18], "cue": ["phrase: الحرب في أوكرانيا"] * 2})
    return {"articles": articles, "events": events, "event_mentions": links, **extra}


def test_links_to_an_event_after_publication_are_listed():
    bad = impossible_event_links(tables())
    assert list(bad["article_id"]) == ["a"]  # 2018 cannot speak of the 2022 invasion; 2022 can
    planned = tables()
    planned["event_mentions"].loc[0, "cue"] = "phrase: الحرب + planned: المقبلة"
    assert impossible_event_links(planned).empty


def test_review_matches_groups_what_is_not_exact():
    mentions = pd.DataFrame({
        "article_id": ["a", "b", "b"], "entity_id": ["mirziyoyev", "mirziyoyev", "uz"],
        "surface": ["ميرزيوئيف", "ميرزيوئيف", "أوزبكستان"], "alias": ["ميرزيوييف", "ميرزيوييف", "اوزبكستان"],
        "match": ["variant", "variant", "exact"],
    })
    out = review_matches({"entity_mentions": mentions})
    assert out[["entity_id", "surface", "count"]].values.tolist() == [["mirziyoyev", "ميرزيوئيف", 2]]


def test_event_candidates_recur_across_articles_and_skip_linked_sentences():
    text = "عقدت قمة في جدة مع قادة آسيا الوسطى."
    articles = pd.DataFrame({"article_id": ["x", "y", "z"], "published": ["2023-07-20"] * 3,
                             "text": [text] * 3})
    sentences = pd.DataFrame({"article_id": ["x", "y", "z"], "sentence_id": [0, 0, 0],
                              "char_start": [0, 0, 0], "char_end": [len(text)] * 3})
    start = text.index("جدة")
    mentions = pd.DataFrame({"article_id": ["x", "y", "z"], "sentence_id": [0, 0, 0],
                             "entity_id": ["jeddah"] * 3, "char_start": [start] * 3})
    entities = pd.DataFrame({"entity_id": ["jeddah"], "type": ["city"]})
    empty_dates = pd.DataFrame(columns=["article_id", "sentence_id", "date_start"])
    links = pd.DataFrame({"article_id": ["z"], "sentence_id": [0], "event_id": ["known"]})
    found = event_candidates({"articles": articles, "sentences": sentences, "entity_mentions": mentions,
                              "date_mentions": empty_dates, "event_mentions": links, "entities": entities})
    assert [(c.kind, c.anchor, c.year, c.n_articles) for c in found] == [("summit", "jeddah", 2023, 2)]
    assert "add-event jeddah_summit_2023" in found[0].command("جدة")
    links = pd.DataFrame({"article_id": ["y", "z"], "sentence_id": [0, 0], "event_id": ["known"] * 2})
    assert event_candidates({"articles": articles, "sentences": sentences, "entity_mentions": mentions,
                             "date_mentions": empty_dates, "event_mentions": links,
                             "entities": entities}) == []


@pytest.fixture
def catalogue(tmp_path):
    shutil.copytree(CATALOGUE_DIR, tmp_path / "cat")
    return tmp_path / "cat"


def test_add_event_appends_a_loadable_event(catalogue):
    message = add_event("jeddah_summit_2023", "قمة جدة 2023", "Jeddah summit 2023", "2023-07-19",
                        "2023-07-19", ["قمة"], ["jeddah"], catalogue_dir=catalogue)
    assert "jeddah_summit_2023" in message
    events = {e.id: e for e in load_catalogues(catalogue).events}
    assert events["jeddah_summit_2023"].date_start == "2023-07-19"
    raw = yaml.safe_load((catalogue / "events.yaml").read_text("utf-8"))
    assert raw["events"][-1]["cues"][0] == {"words": ["قمة"], "any_entities": ["jeddah"], "date": True}
    assert raw["planned_words"]  # the rest of the file is intact


@pytest.mark.parametrize("args, message", [
    (("kz_unrest_2022", "x", "x", "2022-01-01", "2022-01-02", ["قمة"], ["kz"]), "already exists"),
    (("new_one", "x", "x", "2022-02-01", "2022-01-02", ["قمة"], ["kz"]), "before --start"),
    (("new_one", "x", "x", "2022-13-01", "2022-01-02", ["قمة"], ["kz"]), "not a date"),
    (("new_one", "x", "x", "2022-01-01", "2022-01-02", ["قمة"], ["nowhere"]), "unknown entity"),
    (("New One", "x", "x", "2022-01-01", "2022-01-02", ["قمة"], ["kz"]), "slug"),
    (("new_one", "x", "x", "2022-01-01", "2022-01-02", [], ["kz"]), "--word"),
])
def test_add_event_refuses_bad_input(catalogue, args, message):
    before = (catalogue / "events.yaml").read_bytes()
    with pytest.raises(CatalogueError, match=message):
        add_event(*args, catalogue_dir=catalogue)
    assert (catalogue / "events.yaml").read_bytes() == before


def test_review_command_on_the_shipped_dataset(capsys):
    from dashboard.paths import DEFAULT_DATASET_DIR
    from dashboard.quality.__main__ import main

    assert main(["--data", str(DEFAULT_DATASET_DIR), "--no-gold", "--review", "--check"]) == 0
    out = capsys.readouterr().out
    for section in ("event links impossible by date", "entity matches to review", "candidate names",
                    "event candidates"):
        assert section in out
    assert "P " not in out.splitlines()[0]  # no scoring table without gold


def test_story_links_are_listed_apart_from_named_links():
    from dashboard.quality.review import story_links
    t = tables()
    t["event_mentions"].loc[1, "cue"] = "context: الرئيسان + story: الرئيسان + event of the article (s0)"
    assert list(story_links(t)["article_id"]) == ["b"]


def test_a_long_linked_sentence_is_cut_at_a_word_and_marked_not_bracketed_inside_a_word():
    from types import SimpleNamespace

    from dashboard.quality.review import SENTENCE_SHOWN, _sentence_context
    # ANT AL-internationalNews-448-20180312 s6: a sentence longer than the review prints
    sentence = ("ومن أبرز المرشحين التقليديين فلاديمير جيرنوفسكي زعيم الحزب الديمقراطي الليبرالي الروسي، "
                "الذي أيد حزبه نحو سبعة ملايين ناخب في انتخابات البرلمان الأخيرة ليشغل نحو 39 مقعداً.")
    assert len(sentence) > SENTENCE_SHOWN
    row = SimpleNamespace(article_id="a", char_start=0, char_end=len(sentence))
    shown = _sentence_context({"a": sentence}, row)
    assert shown.endswith(" …]")
    assert sentence.startswith(shown[1:-3]) and shown[1:-3].split()[-1] in sentence.split()  # a whole word
    short = SimpleNamespace(article_id="a", char_start=0, char_end=17)
    assert _sentence_context({"a": sentence}, short).startswith("[ومن أبرز المرشحين] التقليديين")
