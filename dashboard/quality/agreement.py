"""CLI: how far two annotators of the same articles agree, table by table.
``python -m dashboard.quality.agreement --data DIR --gold FIRST --second SECOND [--product]``

A score against one annotator's gold is only as meaningful as that gold is reproducible: when a
second careful reader links different sentences to an event, no extractor can reach 1.0 against
either. This command reads both annotations of the same texts (a built dataset gives the texts and
its sentences), matches them with the scorer's own rules (dashboard/quality/scoring.py) and prints,
per table the second annotation covers, the second annotator's precision and recall against the
first (F1 is symmetric: it is the usual pairwise agreement of span annotation). For events it also
prints agreement on which events each article speaks of, apart from which sentences. The second
folder's ``ID_MAP.csv`` (columns table, product_id, gold_id, why; "product" is the second
annotator) names the identities of ids the two annotators chose independently.

With --product the dataset's own rows are scored against each annotation, against the rows both
annotators made (its recall: what two readers agree on and the product missed) and against the
rows either made (its precision: what no reader made), so the product's figures can be read
against the human ones.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from dashboard.quality.gold import GoldError, load_gold_files, load_id_map, resolve_gold
from dashboard.quality.scoring import Comparison, Score, compare, sentence_ids
from dashboard.schema import PROVISIONAL_PREFIX

TABLE_KEYS = {"entity_mentions": "entities", "date_mentions": "dates", "event_mentions": "events"}
ID_COLUMN = {"entity_mentions": "entity_id", "event_mentions": "event_id"}


def annotated_tables(docs: dict[str, dict]) -> list[str]:
    """The tables an annotation covers: those whose key any of its files carries."""
    return [table for table, key in TABLE_KEYS.items() if any(key in doc for doc in docs.values())]


def resolve(gold_dir: Path, texts: dict[str, str], sentences: pd.DataFrame,
            articles: set[str] | None = None) -> dict[str, pd.DataFrame]:
    """One annotation's tables, restricted to ``articles`` when given, events with sentence ids."""
    docs = load_gold_files(gold_dir)
    if articles is not None:
        docs = {aid: doc for aid, doc in docs.items() if aid in articles}
    tables = resolve_gold(docs, texts)
    tables["event_mentions"] = sentence_ids(tables["event_mentions"], sentences)
    return tables


def renamed(table: str, frame: pd.DataFrame, id_map: dict[str, dict[str, str]]) -> pd.DataFrame:
    """``frame`` with the ids ``id_map`` reads as the other side's ids."""
    column = ID_COLUMN.get(table)
    if column is None or table not in id_map or frame.empty:
        return frame
    return frame.assign(**{column: frame[column].astype(str).replace(id_map[table])})


def event_level(first: pd.DataFrame, second: pd.DataFrame) -> Score:
    """Agreement on which events each article speaks of, whatever the sentences."""
    a = set(zip(first["article_id"], first["event_id"]))
    b = set(zip(second["article_id"], second["event_id"]))
    return Score(len(a & b), len(b - a), len(a - b))


def both(first: pd.DataFrame, second: pd.DataFrame, table: str) -> pd.DataFrame:
    """The first annotation's rows the second one also made (the links two readers agree on)."""
    comparison = compare(table, first, second)
    return comparison.gold.loc[[g for g, _ in comparison.matched]]


def line(label: str, score: Score) -> str:
    p, r = score.precision, score.recall
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"{label:<34} {p:6.3f} {r:6.3f} {f1:6.3f} {score.tp:5d} {score.fp:5d} {score.fn:5d}"


def report(data_dir: Path, first_dir: Path, second_dir: Path, product: bool, out=None) -> int:
    out = out or sys.stdout
    articles = pd.read_parquet(data_dir / "articles.parquet")
    sentences = pd.read_parquet(data_dir / "sentences.parquet")
    texts = dict(zip(articles["article_id"], articles["text"]))
    second_docs = load_gold_files(second_dir)
    if not second_docs:
        raise GoldError(f"{second_dir}: no annotation files (*.yaml)")
    shared = set(second_docs) & set(load_gold_files(first_dir))
    if not shared:
        raise GoldError(f"{first_dir} and {second_dir} annotate no article in common")
    first = resolve(first_dir, texts, sentences, shared)
    second = resolve(second_dir, texts, sentences, shared)
    second_map = load_id_map(second_dir)
    tables = annotated_tables({aid: second_docs[aid] for aid in shared})
    print(f"{len(shared)} articles annotated by both ({first_dir} first, {second_dir} second)", file=out)
    print(f"{'second against first':<34} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}", file=out)
    agreed = {}
    for table in tables:
        theirs = renamed(table, second[table], second_map)
        comparison: Comparison = compare(table, first[table], theirs)
        print(line(table, comparison.score), file=out)
        agreed[table] = both(first[table], theirs, table)
        if table == "event_mentions":
            print(line("  events per article (any sentence)", event_level(first[table], theirs)), file=out)
    if product:
        first_map = load_id_map(first_dir)
        print(f"\n{'product against':<34} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}", file=out)
        for table in tables:
            predicted = pd.read_parquet(data_dir / f"{table}.parquet")
            predicted = predicted[predicted["article_id"].isin(shared)]
            column = ID_COLUMN.get(table)
            if column is not None:  # catalogue ids only, as the strict line of dashboard.quality
                predicted = predicted[~predicted[column].astype(str).str.startswith(PROVISIONAL_PREFIX)]
            as_first = renamed(table, predicted, first_map)
            print(line(f"{table}: first", compare(table, first[table], as_first).score), file=out)
            as_second = renamed(table, predicted, _composed(first_map, second_map, table))
            print(line(f"{table}: second", compare(table, second[table], as_second).score), file=out)
            print(line(f"{table}: both agree (read R)", compare(table, agreed[table], as_first).score), file=out)
            either = pd.concat([first[table], renamed(table, second[table], second_map)], ignore_index=True)
            print(line(f"{table}: either (read P)", compare(table, either, as_first).score), file=out)
    return 0


def _composed(first_map: dict[str, dict[str, str]], second_map: dict[str, dict[str, str]],
              table: str) -> dict[str, dict[str, str]]:
    """Product ids read as the second annotator's: through the first's map, then back through the
    inverse of the second's (which reads the second's ids as the first's)."""
    to_first = first_map.get(table, {})
    first_to_second = {g: s for s, g in second_map.get(table, {}).items()}
    ids = set(to_first) | set(first_to_second)
    return {table: {i: first_to_second.get(to_first.get(i, i), to_first.get(i, i)) for i in ids}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.quality.agreement",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True,
                        help="a dataset built from the texts (python -m dashboard.quality --texts DIR --data DIR)")
    parser.add_argument("--gold", type=Path, required=True, help="the first annotation's folder")
    parser.add_argument("--second", type=Path, required=True, help="the second annotation's folder")
    parser.add_argument("--product", action="store_true",
                        help="also score the dataset against each annotation and against their agreement")
    args = parser.parse_args(argv)
    for path in (args.data / "articles.parquet", args.data / "sentences.parquet"):
        if not path.exists():
            print(f"{path} not found: build the texts first (python -m dashboard.quality --texts DIR --data DIR)",
                  file=sys.stderr)
            return 2
    try:
        return report(args.data, args.gold, args.second, args.product)
    except GoldError as exc:
        print(f"gold error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

