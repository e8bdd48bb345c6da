"""The story linker's training (dashboard/quality/story_training.py): what a threshold adds and
drops, as the build decides it, and the threshold chosen under the precision floor."""

from __future__ import annotations

import pytest

from dashboard.quality.story_training import MIN_PRECISION, choose_threshold, decided, main


def row(sid: int, y: int, rule: bool = False, event: str = "e") -> dict:
    return {"article_id": "a", "sentence_id": sid, "event_id": event, "anchor": 0, "x": (), "y": y, "rule": rule}


def test_union_adds_only_where_no_rule_linked_and_rerank_drops_the_rules_doubted_links():
    rows = [row(1, 1), row(2, 0), row(3, 1, rule=True), row(4, 0, rule=True)]
    probs = [0.9, 0.2, 0.9, 0.1]
    added, dropped = decided(rows, probs, 0.5, "union")
    assert [a["sentence_id"] for a in added] == [1] and added[0]["cue"] == "story: p=0.90, anchor s0"
    assert dropped == frozenset()
    added, dropped = decided(rows, probs, 0.5, "rerank")
    assert [a["sentence_id"] for a in added] == [1]
    assert dropped == {("a", 4, "e")}


def test_the_threshold_keeps_precision_above_the_floor():
    base = {"tp": 90, "fp": 5, "fn": 30}
    # five right links at 0.9; ten wrong ones at 0.6: taking them would sink precision under the floor
    pooled = [(1, 0.9, False, False)] * 5 + [(0, 0.6, False, False)] * 10
    threshold, figures = choose_threshold(pooled, base, "union")
    assert 0.6 < threshold <= 0.9
    assert figures["tp"] == 95 and figures["fp"] == 5 and figures["fn"] == 25
    assert figures["p"] >= MIN_PRECISION
    # discovered events' links are not on the strict line: they change nothing here
    threshold, figures = choose_threshold([(1, 0.9, True, False)] * 5, base, "union")
    assert figures["tp"] == 90


def test_held_out_parts_are_refused():
    with pytest.raises(SystemExit, match="held out"):
        main(["--parts", "dev,test17", "--no-write"])
    with pytest.raises(SystemExit, match="held out"):
        main(["--parts", "dev", "--check-parts", "test18", "--no-write"])


def test_the_rules_links_taken_out_one_at_a_time_are_training_rows_labelled_by_the_gold(seeds_dataset, catalogues):
    import pandas as pd

    from dashboard.pipeline.article import Extractors
    from dashboard.quality.story_training import SEEDS, candidates_of, sources_of

    rows, unlinked = candidates_of(SEEDS, seeds_dataset, sources_of(SEEDS)[1], Extractors(catalogues))
    links = pd.read_parquet(seeds_dataset / "event_mentions.parquet")
    linked = set(zip(links["article_id"], links["sentence_id"].astype(int), links["event_id"]))
    per_event = links.groupby(["article_id", "event_id"])["sentence_id"].nunique()
    assert unlinked and rows
    for r in unlinked:
        # a link the rules made, taken out: its event still anchored by another sentence
        assert (r["article_id"], r["sentence_id"], r["event_id"]) in linked
        assert per_event[(r["article_id"], r["event_id"])] >= 2
    # the seeds' gold links nearly every sentence the rules link (event precision 0.986)
    assert sum(r["y"] for r in unlinked) >= 0.9 * len(unlinked)
    # the candidates proper are the pairs no rule named
    assert all(r["rule"] or (r["article_id"], r["sentence_id"], r["event_id"]) not in linked
               for r in rows if not r["event_id"].startswith("new:"))


def test_a_part_missing_an_articles_text_is_scored_on_the_articles_that_have_one(tmp_path, monkeypatch):
    import pandas as pd
    import yaml

    from dashboard.quality import story_training

    gold = tmp_path / "gold" / "p"
    gold.mkdir(parents=True)
    for aid in ("a01", "a02", "a03"):
        (gold / f"{aid}.yaml").write_text(yaml.safe_dump({"article_id": aid}), encoding="utf-8")
    (gold / "ID_MAP.csv").write_text("table,product_id,gold_id,why\n", encoding="utf-8")
    monkeypatch.setattr(story_training, "sources_of", lambda part: (tmp_path / "texts" / part, gold))
    data = tmp_path / "built"
    data.mkdir()
    pd.DataFrame({"article_id": ["a01", "a03"]}).to_parquet(data / "articles.parquet")
    copy, left_out = story_training.gold_with_texts("p", data, tmp_path / "work")
    assert left_out == 1
    assert sorted(p.name for p in copy.iterdir()) == ["ID_MAP.csv", "a01.yaml", "a03.yaml"]
    # every article has its text: the gold itself
    pd.DataFrame({"article_id": ["a01", "a02", "a03"]}).to_parquet(data / "articles.parquet")
    assert story_training.gold_with_texts("p", data, tmp_path / "work") == (gold, 0)
