"""Pure scoring of predicted tables against gold tables (no I/O): precision, recall, F1 and the
lists of false positives / negatives a developer needs to fix causes.

Matching rules:
- entity mention: same article and entity_id, spans equal or overlapping;
- date mention: same article, date_start and date_end, spans overlapping;
- event mention: same article, sentence_id and event_id.
Each gold row matches at most one predicted row and vice versa (greedy, largest overlap first).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

TARGETS = {  # (min precision, min recall) for --check: issue 9's targets on text nobody tuned on
    "entity_mentions": (0.97, 0.95),
    "date_mentions": (0.95, 0.95),
    "event_mentions": (0.9, 0.9),
}
KEYS = {
    "entity_mentions": ["article_id", "entity_id"],
    "date_mentions": ["article_id", "date_start", "date_end"],
    "event_mentions": ["article_id", "sentence_id", "event_id"],
}
SPANNED = {"entity_mentions": True, "date_mentions": True, "event_mentions": False}


@dataclass
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Comparison:
    table: str
    matched: list[tuple[int, int]]  # (gold index, predicted index)
    false_positives: pd.DataFrame
    false_negatives: pd.DataFrame
    gold: pd.DataFrame
    predicted: pd.DataFrame
    per_article: dict[str, Score] = field(default_factory=dict)

    @property
    def score(self) -> Score:
        return Score(len(self.matched), len(self.false_positives), len(self.false_negatives))

    def passes(self) -> bool:
        min_p, min_r = TARGETS[self.table]
        return self.score.precision >= min_p and self.score.recall >= min_r


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters shared by two spans; an exact empty-span match counts as 1."""
    if (a_start, a_end) == (b_start, b_end):
        return max(1, a_end - a_start)
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def compare(table: str, gold: pd.DataFrame, predicted: pd.DataFrame) -> Comparison:
    """Match ``predicted`` rows against ``gold`` rows of one table (see module docstring)."""
    keys = KEYS[table]
    gold = gold.reset_index(drop=True)
    predicted = predicted.reset_index(drop=True)
    if not SPANNED[table]:  # one row per (article, sentence, event): duplicates are not extra hits
        predicted = predicted.drop_duplicates(subset=keys).reset_index(drop=True)
        gold = gold.drop_duplicates(subset=keys).reset_index(drop=True)
    pred_groups = {k: list(idx) for k, idx in predicted.groupby(keys, sort=False).groups.items()} if len(predicted) else {}
    candidates = []  # (overlap, gold index, predicted index)
    for key, gold_idx in (gold.groupby(keys, sort=False).groups.items() if len(gold) else []):
        for gi in gold_idx:
            for pi in pred_groups.get(key, []):
                if SPANNED[table]:
                    ov = _overlap(gold.at[gi, "char_start"], gold.at[gi, "char_end"],
                                  predicted.at[pi, "char_start"], predicted.at[pi, "char_end"])
                else:
                    ov = 1
                if ov > 0:
                    candidates.append((ov, gi, pi))
    matched, used_g, used_p = [], set(), set()
    for _ov, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi not in used_g and pi not in used_p:
            matched.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    fn = gold.loc[[i for i in gold.index if i not in used_g]]
    fp = predicted.loc[[i for i in predicted.index if i not in used_p]]
    comparison = Comparison(table, sorted(matched), fp, fn, gold, predicted)
    articles = sorted(set(gold.get("article_id", [])) | set(predicted.get("article_id", [])))
    for aid in articles:
        tp = sum(1 for gi, _ in matched if gold.at[gi, "article_id"] == aid)
        comparison.per_article[aid] = Score(
            tp, int((fp["article_id"] == aid).sum()) if len(fp) else 0,
            int((fn["article_id"] == aid).sum()) if len(fn) else 0)
    return comparison


def id_consistency(gold: pd.DataFrame, predicted: pd.DataFrame) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(splits, merges) over overlapping entity mentions whatever their ids:
    splits: gold entity -> the several predicted ids its mentions received;
    merges: predicted id -> the several gold entities it was given to."""
    gold_to_pred: dict[str, set[str]] = {}
    pred_to_gold: dict[str, set[str]] = {}
    by_article = {aid: df for aid, df in predicted.groupby("article_id")} if len(predicted) else {}
    for row in gold.itertuples(index=False):
        preds = by_article.get(row.article_id)
        if preds is None:
            continue
        hits = preds[(preds["char_start"] < row.char_end) & (preds["char_end"] > row.char_start)]
        for pid in hits["entity_id"]:
            gold_to_pred.setdefault(row.entity_id, set()).add(str(pid))
            pred_to_gold.setdefault(str(pid), set()).add(row.entity_id)
    splits = {g: sorted(p) for g, p in sorted(gold_to_pred.items()) if len(p) > 1}
    merges = {p: sorted(g) for p, g in sorted(pred_to_gold.items()) if len(g) > 1}
    return splits, merges


def sentence_ids(gold_events: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Give each gold event evidence the id of the dataset sentence holding its first character."""
    out = gold_events.copy()
    ids = []
    for row in out.itertuples(index=False):
        sents = sentences[sentences["article_id"] == row.article_id].sort_values("char_start")
        holding = sents[sents["char_start"] <= row.char_start]
        if holding.empty:
            raise ValueError(f"{row.article_id}: no sentence holds offset {row.char_start}")
        ids.append(int(holding.iloc[-1]["sentence_id"]))
    out["sentence_id"] = pd.Series(ids, index=out.index, dtype="Int64")
    return out


@dataclass
class NilComparison:
    """The NIL-aware entity line (as entity-linking evaluations such as TAC-KBP score NIL mentions).

    A provisional mention (id ``new:...``, a person the catalogue lacks) is right when it overlaps
    a gold mention, in the same article, whose gold id is no catalogue id (a NIL entity), and its
    provisional id is the one that gold entity's mentions received: provisional ids and NIL gold ids
    are paired one to one, each provisional id to the gold entity it overlaps most (largest count
    first, then by id), so an id split over two people, or one person split over two ids, costs the
    mentions outside the pairing. Catalogue mentions are scored as on the strict line."""

    strict: Comparison
    provisional: pd.DataFrame          # the provisional predicted mentions
    nil_matched: list[tuple[int, int]]  # (gold index, provisional index)
    pairing: dict[str, str]            # provisional id -> gold id
    splits: dict[str, list[str]]       # NIL gold id -> the provisional ids its mentions received
    merges: dict[str, list[str]]       # provisional id -> the gold ids it was given to
    false_positives: pd.DataFrame      # provisional mentions not matched
    false_negatives: pd.DataFrame      # gold mentions matched by neither line

    @property
    def score(self) -> Score:
        s = self.strict.score
        tp = s.tp + len(self.nil_matched)
        return Score(tp, s.fp + len(self.false_positives), len(self.false_negatives))


def compare_nil(gold: pd.DataFrame, catalogue_predicted: pd.DataFrame, provisional: pd.DataFrame,
                catalogue_ids: set[str], strict: Comparison | None = None) -> NilComparison:
    """Score catalogue and provisional mentions together (see NilComparison). ``catalogue_ids``:
    the catalogue's entity ids in the gold's naming (after the gold's ID_MAP); a gold id outside
    it is a NIL entity."""
    strict = strict or compare("entity_mentions", gold, catalogue_predicted)
    gold = strict.gold
    provisional = provisional.reset_index(drop=True)
    used_gold = {gi for gi, _ in strict.matched}
    nil_gold = [gi for gi in gold.index if gi not in used_gold and str(gold.at[gi, "entity_id"]) not in catalogue_ids]
    by_article: dict[str, list[int]] = {}
    for pi in provisional.index:
        by_article.setdefault(provisional.at[pi, "article_id"], []).append(pi)
    pairs = []  # (overlap, gold index, provisional index)
    for gi in nil_gold:
        for pi in by_article.get(gold.at[gi, "article_id"], []):
            ov = _overlap(gold.at[gi, "char_start"], gold.at[gi, "char_end"],
                          provisional.at[pi, "char_start"], provisional.at[pi, "char_end"])
            if ov > 0:
                pairs.append((ov, gi, pi))
    ordered = [(gi, pi) for _, gi, pi in sorted(pairs, key=lambda c: (-c[0], c[1], c[2]))]
    return _nil_comparison(strict, used_gold, provisional, ordered, "entity_id")


def compare_events_nil(gold: pd.DataFrame, discovered: pd.DataFrame, catalogue_ids: set[str],
                       strict: Comparison) -> NilComparison:
    """The NIL-aware event line, scored as ``compare_nil`` scores entities: a discovered link (an
    event id ``new:...``, an event the catalogue lacks) is right when the gold links the same
    sentence of the same article to an event whose gold id is no catalogue id (``catalogue_ids``,
    in the gold's naming after its ID_MAP), and its discovered id is the one paired with that gold
    event: discovered and NIL gold ids are paired one to one, most shared sentences first (then by
    id), so one event split over two ids, or two events merged under one, costs the links outside
    the pairing. Catalogue links are scored as on the strict line (``strict``)."""
    gold = strict.gold
    keys = ["article_id", "sentence_id", "event_id"]
    discovered = discovered.drop_duplicates(subset=keys).reset_index(drop=True)
    used_gold = {gi for gi, _ in strict.matched}
    nil_gold = [gi for gi in gold.index
                if gi not in used_gold and str(gold.at[gi, "event_id"]) not in catalogue_ids]
    by_sentence: dict[tuple[str, int], list[int]] = {}
    for pi in discovered.index:
        key = (discovered.at[pi, "article_id"], int(discovered.at[pi, "sentence_id"]))
        by_sentence.setdefault(key, []).append(pi)
    pairs = [(gi, pi) for gi in nil_gold
             for pi in by_sentence.get((gold.at[gi, "article_id"], int(gold.at[gi, "sentence_id"])), [])]
    return _nil_comparison(strict, used_gold, discovered, sorted(pairs), "event_id")


def _nil_comparison(strict: Comparison, used_gold: set[int], provisional: pd.DataFrame,
                    pairs: list[tuple[int, int]], id_column: str) -> NilComparison:
    """The one-to-one pairing both NIL lines share. ``pairs``: (gold index, provisional index) of
    NIL gold rows and the provisional rows they meet, in the order a match is tried. Provisional
    and NIL gold ids are paired most shared rows first (then by id); a pair counts only when its
    ids are paired, each row once."""
    gold = strict.gold
    counts: dict[tuple[str, str], int] = {}
    gold_to_new: dict[str, set[str]] = {}
    new_to_gold: dict[str, set[str]] = {}
    for gi, pi in pairs:
        g, p = str(gold.at[gi, id_column]), str(provisional.at[pi, id_column])
        counts[(p, g)] = counts.get((p, g), 0) + 1
        gold_to_new.setdefault(g, set()).add(p)
        new_to_gold.setdefault(p, set()).add(g)
    pairing: dict[str, str] = {}
    paired_gold: set[str] = set()
    for (p, g), _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if p not in pairing and g not in paired_gold:
            pairing[p] = g
            paired_gold.add(g)
    matched, used_g, used_p = [], set(), set()
    for gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        if pairing.get(str(provisional.at[pi, id_column])) == str(gold.at[gi, id_column]):
            matched.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    fn = gold.loc[[i for i in gold.index if i not in used_gold and i not in used_g]]
    fp = provisional.loc[[i for i in provisional.index if i not in used_p]]
    return NilComparison(
        strict, provisional, sorted(matched), pairing,
        {g: sorted(p) for g, p in sorted(gold_to_new.items()) if len(p) > 1},
        {p: sorted(g) for p, g in sorted(new_to_gold.items()) if len(g) > 1}, fp, fn)


def event_articles(nil: NilComparison) -> Score:
    """Which events each article speaks of, whatever its sentences: the count the timeline and the
    event filters show (an article counts once per event). NIL-aware, as ``compare_events_nil``: a
    discovered id counts as the gold event it was paired with, an unpaired one as an event of its
    own (a false one); catalogue ids are read as the gold names them (the strict line's ID map)."""
    gold = set(zip(nil.strict.gold["article_id"], nil.strict.gold["event_id"].astype(str)))
    predicted = set(zip(nil.strict.predicted["article_id"], nil.strict.predicted["event_id"].astype(str)))
    predicted |= {(aid, nil.pairing.get(str(eid), str(eid)))
                  for aid, eid in zip(nil.provisional["article_id"], nil.provisional["event_id"])}
    return Score(len(gold & predicted), len(predicted - gold), len(gold - predicted))
