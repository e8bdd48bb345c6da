"""Quality scoring on tiny synthetic tables, the gold resolver on real seed text, and the CLI."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml

from dashboard.paths import DATA_DIR, SEEDS_DIR
from dashboard.quality.__main__ import main
from dashboard.quality.gold import GoldError, load_gold_files, resolve_gold, word_occurrences
from dashboard.quality.scoring import compare, id_consistency, sentence_ids

GOLD_DIR = DATA_DIR / "gold"


def ents(*rows):
    return pd.DataFrame(rows, columns=["article_id", "entity_id", "char_start", "char_end"])


def dates(*rows):
    return pd.DataFrame(rows, columns=["article_id", "char_start", "char_end", "date_start", "date_end"])


def test_entity_exact_and_overlapping_spans_match():
    gold = ents(("a", "ru", 0, 5), ("a", "kz", 10, 19), ("a", "us", 30, 40))
    pred = ents(("a", "ru", 0, 5), ("a", "kz", 8, 19), ("a", "cn", 30, 40), ("a", "ua", 50, 58))
    c = compare("entity_mentions", gold, pred)
    s = c.score
    assert (s.tp, s.fp, s.fn) == (2, 2, 1)
    assert s.precision == pytest.approx(0.5) and s.recall == pytest.approx(2 / 3)
    assert set(c.false_negatives["entity_id"]) == {"us"}
    assert set(c.false_positives["entity_id"]) == {"cn", "ua"}


def test_one_prediction_matches_one_gold_row():
    gold = ents(("a", "kz", 0, 9), ("a", "kz", 10, 19))
    pred = ents(("a", "kz", 0, 19))  # one long span over two gold mentions
    s = compare("entity_mentions", gold, pred).score
    assert (s.tp, s.fp, s.fn) == (1, 0, 1)


def test_articles_are_kept_apart_and_scored_each():
    gold = ents(("a", "ru", 0, 5), ("b", "ru", 0, 5))
    pred = ents(("b", "ru", 0, 5))
    c = compare("entity_mentions", gold, pred)
    assert c.per_article["a"].recall == 0 and c.per_article["b"].recall == 1


def test_dates_need_same_interval_and_overlap():
    gold = dates(("a", 0, 10, "2022-01-01", "2022-01-31"), ("a", 20, 28, "2021-01-01", "2021-12-31"))
    pred = dates(("a", 3, 12, "2022-01-01", "2022-01-31"), ("a", 20, 28, "2021-01-01", "2021-01-31"))
    s = compare("date_mentions", gold, pred).score
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)


def test_events_match_by_sentence_and_duplicates_count_once():
    cols = ["article_id", "sentence_id", "event_id"]
    gold = pd.DataFrame([("a", 3, "spief_2022"), ("a", 7, "kz_unrest_2022")], columns=cols)
    pred = pd.DataFrame([("a", 3, "spief_2022"), ("a", 3, "spief_2022"), ("a", 8, "kz_unrest_2022")],
                        columns=cols)
    s = compare("event_mentions", gold, pred).score
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)


def test_perfect_and_empty_scores():
    gold = ents(("a", "ru", 0, 5))
    assert compare("entity_mentions", gold, gold).passes()
    s = compare("entity_mentions", gold, ents()).score
    assert s.recall == 0 and s.precision == 1.0 and not compare("entity_mentions", gold, ents()).passes()


def test_id_consistency_finds_splits_and_merges():
    gold = ents(("a", "astana", 0, 9), ("a", "astana", 20, 26), ("a", "nazarbayev", 40, 60))
    pred = ents(("a", "astana", 0, 9), ("a", "nur_sultan", 20, 26), ("a", "astana", 40, 49))
    splits, merges = id_consistency(gold, pred)
    assert splits == {"astana": ["astana", "nur_sultan"]}
    assert merges == {"astana": ["astana", "nazarbayev"]}


def test_sentence_ids_from_dataset_sentences():
    events = pd.DataFrame([("a", "e", 15, 20)], columns=["article_id", "event_id", "char_start", "char_end"])
    sentences = pd.DataFrame([("a", 0, 0, 10), ("a", 1, 12, 30)],
                             columns=["article_id", "sentence_id", "char_start", "char_end"])
    assert list(sentence_ids(events, sentences)["sentence_id"]) == [1]


# --- gold resolver on real seed text ---------------------------------------------------------

def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in SEEDS_DIR.glob("*.txt")}


def test_word_occurrences_peel_proclitics_but_not_word_parts():
    text = "لروسيا و روسيا والروسية بيلاروسيا للمجر"
    assert [text[s:e] for s, e in word_occurrences(text, "روسيا")] == ["روسيا", "روسيا"]
    assert [text[s:e] for s, e in word_occurrences(text, "الروسية")] == ["الروسية"]
    assert [text[s:e] for s, e in word_occurrences(text, "لمجر")] == ["لمجر"]


def test_every_gold_file_resolves_against_the_seeds():
    gold = resolve_gold(load_gold_files(GOLD_DIR), seed_texts())
    texts = seed_texts()
    for name in ("entity_mentions", "date_mentions"):
        df = gold[name]
        assert len(df) and all(texts[r.article_id][r.char_start:r.char_end] == r.surface
                                for r in df.itertuples())
    assert set(gold["entity_mentions"]["form"]) == {"name", "adjective"}
    # نور سلطان in seed 003: the capital twice, the first president once (not astana)
    e = gold["entity_mentions"]
    assert len(e[(e.article_id == "003_66d920fe0e9a548e") & (e.entity_id == "astana")]) == 2
    assert (e[(e.article_id == "002_7b53a6053af83644") & (e.surface == "جمهورية الكونغو الديمقراطية")]
            ["entity_id"] == "dpr").all()


def _write_gold(tmp_path, doc):
    (tmp_path / "x.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return load_gold_files(tmp_path)


def test_missing_surface_fails_loudly(tmp_path):
    docs = _write_gold(tmp_path, {"article_id": "a", "entities": {"ru": ["موسكو"]}})
    with pytest.raises(GoldError, match="not found"):
        resolve_gold(docs, {"a": "روسيا وكازاخستان"})


def test_occurrence_out_of_range_fails(tmp_path):
    docs = _write_gold(tmp_path, {"article_id": "a", "entities": {"ru": [{"surface": "روسيا", "occurrence": 3}]}})
    with pytest.raises(GoldError, match="occurs 1 times"):
        resolve_gold(docs, {"a": "روسيا وكازاخستان"})


def test_ambiguous_event_evidence_fails(tmp_path):
    docs = _write_gold(tmp_path, {"article_id": "a", "events": [{"event": "e", "evidence": ["روسيا"]}]})
    with pytest.raises(GoldError, match="ambiguous"):
        resolve_gold(docs, {"a": "روسيا. روسيا."})


# --- CLI on a tiny dataset --------------------------------------------------------------------

def test_cli_check_exit_code(tmp_path, capsys):
    text = "زار بوتين كازاخستان في يناير 2022. ثم عاد."
    gold_dir, data_dir = tmp_path / "gold", tmp_path / "data"
    gold_dir.mkdir(), data_dir.mkdir()
    (gold_dir / "a.yaml").write_text(yaml.safe_dump({
        "article_id": "a",
        "entities": {"putin": ["بوتين"], "kz": ["كازاخستان"]},
        "dates": [{"surface": "يناير 2022", "start": "2022-01-01", "end": "2022-01-31", "granularity": "month"}],
        "events": [{"event": "visit", "evidence": ["زار بوتين"]}],
    }, allow_unicode=True), encoding="utf-8")
    pd.DataFrame({"article_id": ["a"], "text": [text]}).to_parquet(data_dir / "articles.parquet")
    pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1], "char_start": [0, 35],
                  "char_end": [34, 42]}).to_parquet(data_dir / "sentences.parquet")
    s = text.index("بوتين")
    pd.DataFrame({"article_id": ["a"], "entity_id": ["putin"], "surface": ["بوتين"], "char_start": [s],
                  "char_end": [s + 5]}).to_parquet(data_dir / "entity_mentions.parquet")
    d = text.index("يناير")
    pd.DataFrame({"article_id": ["a"], "surface": ["يناير 2022"], "char_start": [d], "char_end": [d + 10],
                  "date_start": ["2022-01-01"], "date_end": ["2022-01-31"]}).to_parquet(data_dir / "date_mentions.parquet")
    pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "event_id": ["visit"], "char_start": [0],
                  "char_end": [34]}).to_parquet(data_dir / "event_mentions.parquet")
    assert main(["--data", str(data_dir), "--gold", str(gold_dir)]) == 0
    assert main(["--data", str(data_dir), "--gold", str(gold_dir), "--check"]) == 1  # kz missed
    out = capsys.readouterr().out
    assert "FN a kz كازاخستان" in out and "MISSED" in out


def test_id_map_reads_a_product_id_as_the_gold_id_for_the_same_event(tmp_path, capsys):
    """ID_MAP.csv: an event the annotator named otherwise is scored as the right link it is, and
    the map changes no sentence: a link of the mapped id to another sentence stays a false positive."""
    text = "انطلقت القمة في إسطنبول. ثم عاد."
    gold_dir, data_dir = tmp_path / "gold", tmp_path / "data"
    gold_dir.mkdir(), data_dir.mkdir()
    (gold_dir / "a.yaml").write_text(yaml.safe_dump({
        "article_id": "a", "events": [{"event": "turkic_council_summit_2021", "evidence": ["انطلقت القمة"]}],
    }, allow_unicode=True), encoding="utf-8")
    pd.DataFrame({"article_id": ["a"], "text": [text]}).to_parquet(data_dir / "articles.parquet")
    pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1], "char_start": [0, 25],
                  "char_end": [24, 32]}).to_parquet(data_dir / "sentences.parquet")
    pd.DataFrame(columns=["article_id", "entity_id", "surface", "char_start", "char_end"]).to_parquet(
        data_dir / "entity_mentions.parquet")
    pd.DataFrame(columns=["article_id", "surface", "char_start", "char_end", "date_start", "date_end"]).to_parquet(
        data_dir / "date_mentions.parquet")
    pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1], "event_id": ["ots_summit_2021"] * 2,
                  "char_start": [0, 25], "char_end": [24, 32]}).to_parquet(data_dir / "event_mentions.parquet")
    main(["--data", str(data_dir), "--gold", str(gold_dir)])
    assert "event_mentions    0.000  0.000" in capsys.readouterr().out   # unmapped: a miss and two FPs
    (gold_dir / "ID_MAP.csv").write_text(
        "table,product_id,gold_id,why\n"
        "event_mentions,ots_summit_2021,turkic_council_summit_2021,one summit: Istanbul 2021-11-12\n",
        encoding="utf-8")
    main(["--data", str(data_dir), "--gold", str(gold_dir)])
    out = capsys.readouterr().out
    assert "event_mentions    0.500  1.000" in out and "1 product ids read as the gold's ids" in out
    (gold_dir / "ID_MAP.csv").write_text("table,product_id,gold_id,why\nevent_mentions,x,y,\n", encoding="utf-8")
    assert main(["--data", str(data_dir), "--gold", str(gold_dir)]) == 2   # a row without its reason


def test_cli_builds_a_texts_folder_then_scores_it(tmp_path, capsys):
    """--texts: one command builds raw texts with the current code and scores them against a gold
    folder (how data/gold/unseen/ is measured, its texts being kept out of the repository)."""
    texts, gold_dir, data_dir = tmp_path / "texts", tmp_path / "gold", tmp_path / "data"
    texts.mkdir(), gold_dir.mkdir()
    (texts / "t1.txt").write_text("زيارة\n\nزار بوتين كازاخستان في يناير 2022.\n", encoding="utf-8")
    (gold_dir / "t1.yaml").write_text(yaml.safe_dump({
        "article_id": "t1",
        "entities": {"putin": ["بوتين"], "kz": ["كازاخستان"]},
        "dates": [{"surface": "يناير 2022", "start": "2022-01-01", "end": "2022-01-31", "granularity": "month"}],
    }, allow_unicode=True), encoding="utf-8")
    assert main(["--texts", str(texts), "--gold", str(gold_dir), "--data", str(data_dir), "--check"]) == 0
    out = capsys.readouterr().out
    assert (data_dir / "articles.parquet").exists()
    assert "entity_mentions   1.000  1.000" in out and "date_mentions     1.000  1.000" in out
    # a gold article whose text could not be fetched is left out, and the report says so
    (gold_dir / "t2.yaml").write_text(yaml.safe_dump({"article_id": "t2"}), encoding="utf-8")
    assert main(["--texts", str(texts), "--gold", str(gold_dir), "--data", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "1 gold article(s) with no text" in out and ": t2" in out and "entity_mentions   1.000  1.000" in out
    # ... but a gold folder none of whose articles is among the texts is a gold error (exit 2), not a silent zero
    (gold_dir / "t1.yaml").unlink()
    assert main(["--texts", str(texts), "--gold", str(gold_dir), "--data", str(data_dir)]) == 2


def test_cli_texts_folder_missing_is_a_clear_error(tmp_path, capsys):
    assert main(["--texts", str(tmp_path / "nope"), "--gold", str(tmp_path)]) == 2
    assert "no such file or folder" in capsys.readouterr().err
