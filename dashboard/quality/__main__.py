"""CLI: score a built dataset against the gold, and list what to review in any dataset.
``python -m dashboard.quality [--data DIR] [--gold DIR | --no-gold] [--texts DIR] [--catalogues DIR] [--review] [--check]``

With --review (any dataset, gold or not): event links impossible by date, variant and
article-resolved entity matches, candidate names and event candidates (dashboard/quality/review.py).

With --texts DIR the folder of article texts is first built into the dataset (--data, default
data/datasets/<folder name>) with the current code and catalogues, then scored: one command for a
gold set whose texts live outside the shipped seeds (data/gold/unseen/, see data/gold/README.md).

Prints precision / recall / F1 per table and per article, entity-id consistency (splits, merges)
and every false positive / negative with its context. With --check the exit code is 1 when a
target is missed (entities P >= 0.97 and R >= 0.95; dates P, R >= 0.95; events P, R >= 0.9).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from dashboard.catalogues import CatalogueError, load_catalogues
from dashboard.paths import CATALOGUE_DIR, DATA_DIR, DEFAULT_DATASET_DIR
from dashboard.pipeline.cli import default_out_dir
from dashboard.pipeline.cli import main as build_main
from dashboard.quality.gold import ID_MAP_FILE, GoldError, load_gold_files, load_id_map, resolve_gold
from dashboard.quality.review import report_review
from dashboard.quality.scoring import (
    TARGETS,
    Comparison,
    NilComparison,
    compare,
    compare_events_nil,
    compare_nil,
    event_articles,
    id_consistency,
    sentence_ids,
)
from dashboard.schema import PROVISIONAL_PREFIX

DEFAULT_GOLD_DIR = DATA_DIR / "gold"
CONTEXT = 40
TABLES = ("entity_mentions", "date_mentions", "event_mentions")


def read_table(data_dir: Path, name: str) -> pd.DataFrame:
    path = data_dir / f"{name}.parquet"
    if not path.exists():
        raise SystemExit(f"{path} not found: build the dataset first (python -m dashboard.build)")
    return pd.read_parquet(path)


def evaluate(data_dir: Path, gold_dir: Path, only_built: bool = False) -> tuple[dict[str, Comparison], dict[str, str],
                                                                              tuple, NilComparison, NilComparison]:
    """Compare the dataset with the gold: per table (entities and events on the strict line:
    catalogue ids only), entity-id consistency, and the NIL-aware entity and event lines
    (provisional persons, discovered events too). With ``only_built`` a gold article the dataset
    lacks is left out (a text that could not be fetched) instead of failing."""
    articles = read_table(data_dir, "articles")
    texts = dict(zip(articles["article_id"], articles["text"]))
    docs = load_gold_files(gold_dir)
    if only_built and docs:
        docs = {aid: doc for aid, doc in docs.items() if aid in texts}
        if not docs:
            raise GoldError(f"no gold article of {gold_dir} is among the dataset's articles")
    gold = resolve_gold(docs, texts)
    gold["event_mentions"] = sentence_ids(gold["event_mentions"], read_table(data_dir, "sentences"))
    ids = set(gold["entity_mentions"]["article_id"]) | set(gold["date_mentions"]["article_id"]) \
        | set(gold["event_mentions"]["article_id"]) | set(docs)
    id_map = load_id_map(gold_dir)
    results = {}
    provisional = discovered = None
    for name in TABLES:
        predicted = read_table(data_dir, name)
        predicted = predicted[predicted["article_id"].isin(ids)]  # only articles that have gold
        if name == "entity_mentions":
            # the strict line scores catalogue ids only: a provisional id can never equal a gold id,
            # it is scored on the NIL-aware line
            new = predicted["entity_id"].astype(str).str.startswith(PROVISIONAL_PREFIX)
            provisional, predicted = predicted[new], predicted[~new]
        if name == "event_mentions":
            # likewise discovered events (ids new:..., dashboard/extract/discovered_events.py)
            new = predicted["event_id"].astype(str).str.startswith(PROVISIONAL_PREFIX)
            discovered, predicted = predicted[new], predicted[~new]
        if name in id_map:
            column = "entity_id" if name == "entity_mentions" else "event_id"
            predicted = predicted.assign(**{column: predicted[column].astype(str).replace(id_map[name])})
        results[name] = compare(name, gold[name], predicted)
    consistency = id_consistency(gold["entity_mentions"], results["entity_mentions"].predicted)
    # the catalogue's ids: the dataset's entities table (a bare dataset without one: the ids it
    # predicted), read as the gold names them
    path = data_dir / "entities.parquet"
    entity_ids = pd.read_parquet(path)["entity_id"].astype(str) if path.exists() else \
        read_table(data_dir, "entity_mentions")["entity_id"].astype(str)
    mapped = id_map.get("entity_mentions", {})
    catalogue_ids = {mapped.get(e, e) for e in entity_ids if not e.startswith(PROVISIONAL_PREFIX)}
    nil = compare_nil(gold["entity_mentions"], results["entity_mentions"].predicted, provisional,
                      catalogue_ids, results["entity_mentions"])
    # the catalogue's events, as the gold names them: a gold event outside it is a NIL event
    path = data_dir / "events.parquet"
    event_ids = pd.read_parquet(path)["event_id"].astype(str) if path.exists() else \
        read_table(data_dir, "event_mentions")["event_id"].astype(str)
    mapped = id_map.get("event_mentions", {})
    catalogue_events = {mapped.get(e, e) for e in event_ids if not e.startswith(PROVISIONAL_PREFIX)}
    events_nil = compare_events_nil(gold["event_mentions"], discovered, catalogue_events,
                                    results["event_mentions"])
    return results, texts, consistency, nil, events_nil


def _context(texts: dict[str, str], row) -> str:
    text = texts.get(row["article_id"], "")
    s, e = int(row["char_start"]), int(row["char_end"])
    snippet = text[max(0, s - CONTEXT):s] + "[" + text[s:e] + "]" + text[e:e + CONTEXT]
    return " ".join(snippet.split())


def _label(name: str, row) -> str:
    if name == "entity_mentions":
        return f"{row['entity_id']} {row.get('surface', '')!s}"
    if name == "date_mentions":
        return f"{row['date_start']}..{row['date_end']} {row.get('surface', '')!s}"
    return f"{row['event_id']} s{row['sentence_id']}"


def report(results: dict[str, Comparison], texts: dict[str, str], consistency, out=None,
           nil: NilComparison | None = None, events_nil: NilComparison | None = None) -> bool:
    out = out or sys.stdout  # looked up at call time (tests capture it)
    ok = True
    print(f"{'table':<16} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}  target(P,R)", file=out)
    for name, c in results.items():
        s = c.score
        passed = c.passes()
        ok &= passed
        print(f"{name:<16} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}  "
              f"{TARGETS[name]} {'ok' if passed else 'MISSED'}", file=out)
    if nil is not None:
        s = nil.score
        print(f"{'entities+NIL':<16} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}  "
              "(NIL-aware: provisional entities scored against gold entities the catalogue lacks)", file=out)
        _report_nil(nil, texts, out)
    if events_nil is not None:
        s = events_nil.score
        print(f"{'events+NIL':<16} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}  "
              "(NIL-aware: discovered events scored against gold events the catalogue lacks)", file=out)
        _report_events_nil(events_nil, texts, out)
        s = event_articles(events_nil)
        print(f"{'event articles':<16} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}  "
              "(NIL-aware, per article: which events each article speaks of, as the timeline counts them)", file=out)
    print("\nper article", file=out)
    for name, c in results.items():
        for aid, s in sorted(c.per_article.items()):
            print(f"  {name:<16} {aid:<24} P {s.precision:5.3f} R {s.recall:5.3f} F1 {s.f1:5.3f} "
                  f"TP {s.tp:3d} FP {s.fp:3d} FN {s.fn:3d}", file=out)
    splits, merges = consistency
    print("\nentity ids: " + ("consistent" if not splits and not merges else "INCONSISTENT"), file=out)
    for gold_id, pred_ids in splits.items():
        print(f"  split: gold {gold_id} predicted as {pred_ids}", file=out)
    for pred_id, gold_ids in merges.items():
        print(f"  merge: predicted {pred_id} covers gold {gold_ids}", file=out)
    ok &= not splits and not merges
    for name, c in results.items():
        for kind, df in (("FN", c.false_negatives), ("FP", c.false_positives)):
            if len(df):
                print(f"\n{name} {kind} ({len(df)})", file=out)
            for _, row in df.sort_values(["article_id", "char_start"]).iterrows():
                print(f"  {kind} {row['article_id']} {_label(name, row)} | {_context(texts, row)}", file=out)
    return ok


def _report_nil(nil: NilComparison, texts: dict[str, str], out) -> None:
    n = len(nil.provisional)
    print(f"  provisional mentions: {n} ({nil.provisional['entity_id'].nunique() if n else 0} ids), "
          f"{len(nil.nil_matched)} right, {len(nil.false_positives)} false; the strict line above "
          f"leaves them out", file=out)
    print("  provisional ids: " + ("consistent" if not nil.splits and not nil.merges else "INCONSISTENT"), file=out)
    for gold_id, new_ids in nil.splits.items():
        print(f"    split: gold {gold_id} predicted as {new_ids}", file=out)
    for new_id, gold_ids in nil.merges.items():
        print(f"    merge: provisional {new_id} covers gold {gold_ids}", file=out)
    for _, row in nil.false_positives.sort_values(["article_id", "char_start"]).iterrows():
        print(f"  FP provisional {row['article_id']} {row['entity_id']} {row['surface']} | {_context(texts, row)}", file=out)
    for gi, pi in nil.nil_matched:
        row = nil.strict.gold.loc[gi]
        print(f"  NIL found {row['article_id']} {row['entity_id']} as {nil.provisional.at[pi, 'entity_id']} "
              f"| {_context(texts, row)}", file=out)


def _report_events_nil(nil: NilComparison, texts: dict[str, str], out) -> None:
    n = len(nil.provisional)
    print(f"  discovered links: {n} ({nil.provisional['event_id'].nunique() if n else 0} ids), "
          f"{len(nil.nil_matched)} right, {len(nil.false_positives)} false; the strict line above "
          f"leaves them out", file=out)
    print("  discovered ids: " + ("consistent" if not nil.splits and not nil.merges else "INCONSISTENT"), file=out)
    for gold_id, new_ids in nil.splits.items():
        print(f"    split: gold {gold_id} predicted as {new_ids}", file=out)
    for new_id, gold_ids in nil.merges.items():
        print(f"    merge: discovered {new_id} covers gold {gold_ids}", file=out)
    for new_id, gold_id in sorted(nil.pairing.items()):
        print(f"    paired: {new_id} = gold {gold_id}", file=out)
    for _, row in nil.false_positives.sort_values(["article_id", "sentence_id"]).iterrows():
        print(f"  FP discovered {row['article_id']} s{row['sentence_id']} {row['event_id']} | {row['cue'][:120]} "
              f"| {_context(texts, row)}", file=out)
    for gi, pi in nil.nil_matched:
        row = nil.strict.gold.loc[gi]
        print(f"  NIL found {row['article_id']} s{row['sentence_id']} {row['event_id']} as "
              f"{nil.provisional.at[pi, 'event_id']}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.quality", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None,
                        help=f"built dataset folder (default: {DEFAULT_DATASET_DIR.relative_to(DATA_DIR.parent)}, "
                             "or data/datasets/<texts folder name> with --texts)")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD_DIR, help="gold YAML folder")
    parser.add_argument("--texts", type=Path, default=None,
                        help="folder of article texts to build into --data before scoring")
    parser.add_argument("--catalogues", type=Path, default=CATALOGUE_DIR,
                        help="catalogue folder to build --texts with and to review by (default: data/catalogues; "
                             "a copy without some events scores discovery: python -m dashboard.quality.holdout)")
    parser.add_argument("--no-gold", action="store_true", help="no scoring (a dataset without gold: use with --review)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--review", action="store_true",
                        help="also list (for any dataset, gold or not) event links impossible by date, "
                             "variant and article-resolved entity matches, candidate names and event "
                             "candidates; with --check, an impossible link fails too")
    args = parser.parse_args(argv)
    data_dir = args.data
    if args.texts is not None:
        data_dir = data_dir or default_out_dir([args.texts])
        built = build_main([str(args.texts), "--out", str(data_dir), "--catalogues", str(args.catalogues), "--quiet"])
        if built != 0:
            print(f"building {args.texts} into {data_dir} failed (exit code {built})", file=sys.stderr)
            return built
    data_dir = data_dir or DEFAULT_DATASET_DIR
    ok = True
    if not args.no_gold:
        try:
            results, texts, consistency, nil, events_nil = evaluate(data_dir, args.gold, only_built=args.texts is not None)
        except GoldError as exc:
            print(f"gold error: {exc}", file=sys.stderr)
            return 2
        unfetched = sorted(set(load_gold_files(args.gold)) - set(texts))
        if args.texts is not None and unfetched:
            print(f"{len(unfetched)} gold article(s) with no text in {args.texts}, left out of the scores: "
                  f"{', '.join(unfetched)}")
        ok = report(results, texts, consistency, nil=nil, events_nil=events_nil)
        mapped = sum(len(m) for m in load_id_map(args.gold).values())
        if mapped:
            print(f"\n{mapped} product ids read as the gold's ids for the same entity or event "
                  f"({args.gold / ID_MAP_FILE})")
    if args.review:
        try:
            rules = load_catalogues(args.catalogues).discovered_events
        except CatalogueError as exc:
            print(f"catalogue error: {exc} (the promotion commands of discovered events name no words)",
                  file=sys.stderr)
            rules = None
        ok &= report_review(data_dir, sys.stdout, rules=rules) == 0
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
