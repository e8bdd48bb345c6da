"""Agreement of two annotations of the same articles, on the seeds' gold and shipped dataset."""

from __future__ import annotations

import pandas as pd
import yaml

from dashboard.paths import DATA_DIR
from dashboard.quality.agreement import event_level, main

GOLD_DIR = DATA_DIR / "gold"
SEEDS = DATA_DIR / "datasets" / "seeds"
ARTICLE = "003_66d920fe0e9a548e"


def second_annotation(tmp_path, edit):
    """A second annotator's events-only file for one seed article, edited by ``edit``."""
    doc = yaml.safe_load((GOLD_DIR / f"{ARTICLE}.yaml").read_text(encoding="utf-8"))
    second = {"article_id": ARTICLE, "published": doc["published"], "events": edit(doc["events"])}
    folder = tmp_path / "second"
    folder.mkdir()
    (folder / f"{ARTICLE}.yaml").write_text(yaml.safe_dump(second, allow_unicode=True), encoding="utf-8")
    return folder


def run(capsys, *args):
    code = main(["--data", str(SEEDS), "--gold", str(GOLD_DIR), *map(str, args)])
    return code, capsys.readouterr()


def figures(out: str, label: str) -> list[str]:
    return next(line for line in out.splitlines() if line.startswith(label)).split()[-6:]


def test_identical_annotations_agree_fully_and_only_the_annotated_table_is_scored(tmp_path, capsys):
    folder = second_annotation(tmp_path, lambda events: events)
    code, captured = run(capsys, "--second", folder)
    assert code == 0
    assert "1 articles annotated by both" in captured.out
    assert figures(captured.out, "event_mentions") == ["1.000", "1.000", "1.000", "10", "0", "0"]
    assert "entity_mentions" not in captured.out  # the second annotation has no entities


def test_a_dropped_sentence_and_a_renamed_event_read_through_the_id_map(tmp_path, capsys):
    def edit(events):
        out = []
        for item in events:
            if item["event"] == "kz_parliamentary_election_2021":  # 4 sentences: the second reader keeps 3
                item = {**item, "evidence": item["evidence"][:3]}
            if item["event"] == "kyrgyzstan_crisis_2020":
                item = {**item, "event": "kg_october_protests_2020"}
            out.append(item)
        return out

    folder = second_annotation(tmp_path, edit)
    code, captured = run(capsys, "--second", folder)
    assert figures(captured.out, "event_mentions") == ["0.889", "0.800", "0.842", "8", "1", "2"]
    # without a map the renamed event is one disagreement on each side; with one it is agreed
    (folder / "ID_MAP.csv").write_text(
        "table,product_id,gold_id,why\n"
        "event_mentions,kg_october_protests_2020,kyrgyzstan_crisis_2020,one event: October 2020 in Kyrgyzstan\n",
        encoding="utf-8")
    code, captured = run(capsys, "--second", folder, "--product")
    assert code == 0
    assert figures(captured.out, "event_mentions") == ["1.000", "0.900", "0.947", "9", "0", "1"]
    assert figures(captured.out, "  events per article") == ["1.000", "1.000", "1.000", "6", "0", "0"]
    # the product's links against the first, the second, the nine links both made and the ten either made
    assert figures(captured.out, "event_mentions: both agree")[3:] == ["9", "2", "0"]
    assert figures(captured.out, "event_mentions: either")[3:] == ["10", "1", "0"]


def test_renamed_event_without_a_map_counts_on_both_sides(tmp_path, capsys):
    def edit(events):
        return [{**e, "event": "kg_october_protests_2020"} if e["event"] == "kyrgyzstan_crisis_2020" else e
                for e in events]

    folder = second_annotation(tmp_path, edit)
    _code, captured = run(capsys, "--second", folder)
    assert figures(captured.out, "event_mentions") == ["0.900", "0.900", "0.900", "9", "1", "1"]


def test_event_level_ignores_sentences():
    first = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "event_id": ["x", "x", "w", "y"]})
    second = pd.DataFrame({"article_id": ["a", "b"], "event_id": ["x", "z"]})
    score = event_level(first, second)  # x agreed (twice in the first: once), z only second, w and y only first
    assert (score.tp, score.fp, score.fn) == (1, 1, 2)


def test_no_common_article_and_missing_dataset_are_clear_errors(tmp_path, capsys):
    folder = tmp_path / "second"
    folder.mkdir()
    (folder / "x.yaml").write_text("article_id: not_a_seed\nevents: []\n", encoding="utf-8")
    code, captured = run(capsys, "--second", folder)
    assert code == 2 and "annotate no article in common" in captured.err
    code = main(["--data", str(tmp_path / "nowhere"), "--gold", str(GOLD_DIR), "--second", str(folder)])
    assert code == 2 and "articles.parquet not found" in capsys.readouterr().err
