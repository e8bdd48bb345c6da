"""Theme scoring on real seed sentences and the catalogue's contract."""

from __future__ import annotations

import pytest

from dashboard.extract.themes import ThemeScorer, themes_table
from dashboard.paths import SEEDS_DIR
from dashboard.schema import TABLES, conform
from dashboard.text.document import Doc

REQUIRED = {"security_unrest", "sovereignty_diplomacy", "economy_trade_energy", "military_alliances",
            "democracy_rights_media", "elections_domestic_politics", "nuclear_legacy"}


@pytest.fixture(scope="module")
def scorer(catalogues) -> ThemeScorer:
    return ThemeScorer.from_catalogue(catalogues.themes)


def seed(prefix: str) -> Doc:
    path = next(SEEDS_DIR.glob(f"{prefix}_*.txt"))
    return Doc.from_text(path.stem, path.read_text(encoding="utf-8"))


def themes_of(scorer: ThemeScorer, text: str) -> dict[str, float]:
    _, articles = scorer.score(Doc.from_text("t", text))
    return {r["theme_id"]: r["score"] for r in articles}


def test_catalogue_has_required_themes(catalogues):
    table = themes_table(catalogues.themes)
    assert REQUIRED <= set(table["theme_id"])
    assert list(table.columns) == list(TABLES["themes"])
    assert table["name_ar"].str.len().min() > 0


def test_economy_sentence_from_seed(scorer):
    text = "روسيا هي الشريك الاقتصادي والتجاري الرئيسي لكازاخستان."
    assert set(themes_of(scorer, text)) == {"economy_trade_energy"}


def test_phrase_wins_over_inner_words(scorer):
    # "منظمة معاهدة الأمن الجماعي" is the CSTO (military), not security/unrest or diplomacy.
    text = "كازاخستان وقيرغيزستان كلاهما عضو في منظمة معاهدة الأمن الجماعي."
    assert themes_of(scorer, text) == {"military_alliances": 1.0}


def test_star_cue_matches_inflections_with_clitics(scorer):
    text = "مع اندلاع أعمال العنف والمظاهرات الحاشدة احتجاجا على زيادة أسعار الغاز"
    scores = themes_of(scorer, text)
    assert scores["security_unrest"] >= 3  # أعمال العنف, مظاهرات, احتجاجا
    assert "economy_trade_energy" in scores


def test_stop_phrase_scores_nothing(scorer):
    assert themes_of(scorer, "وقال في مؤتمر صحفي") == {}


def test_no_cue_no_rows(scorer):
    sentences, articles = scorer.score(Doc.from_text("t", "لوك روديفر يقيم حاليا في فرنسا."))
    assert sentences == [] and articles == []


@pytest.mark.parametrize("prefix,theme", [
    ("003", "elections_domestic_politics"),   # the January 2021 parliamentary elections
    ("001", "economy_trade_energy"),          # trade figures and the Qatar investment deal
])
def test_seed_main_theme(scorer, prefix, theme):
    _, articles = scorer.score(seed(prefix))
    top = max(articles, key=lambda r: r["score"])
    assert top["theme_id"] == theme and top["is_main"]


def test_nuclear_theme_fires_on_semipalatinsk_sentences(scorer):
    sentences, articles = scorer.score(seed("004"))
    doc = seed("004")
    nuclear = {r["sentence_id"] for r in sentences if r["theme_id"] == "nuclear_legacy"}
    assert any("سيميبالاتينسك" in doc.text[slice(*doc.sentences[s])] for s in nuclear)
    assert "nuclear_legacy" in {r["theme_id"] for r in articles}


def test_rows_follow_the_contract(scorer):
    doc = seed("002")
    sentences, articles = scorer.score(doc)
    conform("sentence_themes", sentences)
    conform("article_themes", articles)
    assert all(r["score"] > 0 for r in sentences)
    assert all(0 <= r["sentence_id"] < len(doc.sentences) for r in sentences)
    assert abs(sum(r["share"] for r in articles) - 1) < 1e-9
    assert any(r["is_main"] for r in articles)
    # article scores are the sums of the sentence scores
    for row in articles:
        assert row["score"] == pytest.approx(
            sum(r["score"] for r in sentences if r["theme_id"] == row["theme_id"]))


def test_main_share_threshold():
    scorer = ThemeScorer([
        {"id": "a", "cues": ["نفط"]}, {"id": "b", "cues": ["حرب"]}, {"id": "c", "cues": ["قمة"]},
    ], main_share=0.25)
    _, rows = scorer.score(Doc.from_text("t", "نفط نفط نفط نفط حرب حرب قمة"))
    main = {r["theme_id"]: r["is_main"] for r in rows}
    # shares 4/7 (top), 2/7 >= 0.25, 1/7 < 0.25
    assert main == {"a": True, "b": True, "c": False}


def test_remembered_forms_give_the_same_hits_as_a_fresh_scorer(catalogues, monkeypatch):
    """The scorer remembers which token forms start a cue across articles (and forgets them all
    past a limit): neither may change what an article scores."""
    import dashboard.extract.themes as themes

    docs = [seed(p) for p in ("001", "002", "003", "004")]
    expected = [ThemeScorer.from_catalogue(catalogues.themes).score(d) for d in docs]
    warm = ThemeScorer.from_catalogue(catalogues.themes)
    assert [warm.score(d) for d in docs] == expected
    assert [warm.score(d) for d in reversed(docs)] == expected[::-1]
    monkeypatch.setattr(themes, "_MEMO_LIMIT", 0)  # forgets before every article
    assert [warm.score(d) for d in docs] == expected
    assert len(warm._memo) < sum(len(set(d.forms)) for d in docs)


def test_only_forms_that_start_a_cue_are_tried():
    scorer = ThemeScorer([{"id": "oil", "cues": ["نفط"]}, {"id": "prices", "cues": ["أسعار النفط"]}])
    # the phrase's first word met first where it starts nothing, then in the phrase: remembered
    # as a form that starts a cue, the phrase (not its inner word) scores
    _, first = scorer.score(Doc.from_text("t", "ارتفعت أسعار الذهب"))
    assert first == []
    sentences, _ = scorer.score(Doc.from_text("t", "ارتفعت أسعار النفط. والنفط رخيص"))
    assert [(r["sentence_id"], r["theme_id"]) for r in sentences] == [(0, "prices"), (1, "oil")]


def test_stems_of_every_length_are_found_behind_the_first_letters_gate():
    """single() looks stems up only for forms starting with a stem's first letters (as many as
    the shortest stem has): stems of every length, met with clitics, are still found."""
    scorer = ThemeScorer([{"id": "oil", "cues": ["نفط*"]}, {"id": "invest", "cues": ["استثمار*"]},
                          {"id": "war", "cues": ["حرب"]}])
    assert scorer.lexicon.stem_heads == {"نفط", "است"}
    _, rows = scorer.score(Doc.from_text("t", "الصادرات النفطية والاستثمارات الأجنبية وحرب ونفطها"))
    assert {r["theme_id"]: r["score"] for r in rows} == {"oil": 2.0, "invest": 1.0, "war": 1.0}
