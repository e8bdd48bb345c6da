"""Train the learned name finder (dashboard/extract/learned_names.py) on the gold, and measure it.

    python -m dashboard.quality.name_training              # build, train, measure, write the model
    python -m dashboard.quality.name_training --no-write   # measure only
    python -m dashboard.quality.name_training --data-prefix /tmp/q_base_   # parts already built

1. **Training set.** Each part (the gold parts of data/gold/unseen/ and the seeds' gold data/gold/)
   is built with the current code and catalogues, without a name model (as the finder sees an
   article: it runs after every other entity stage). Its *residual* is read: the candidate tokens
   of learned_names.residual (rare Arabic words in no product mention, catalogue or provisional, no
   stopword). A candidate is positive when it lies inside a gold name surface (``form: adjective``
   surfaces left out) of an entity the catalogue lacks (a NIL entity: the gold id, after the part's
   ID_MAP, is no catalogue id), negative when it lies in no gold surface, and left out when it lies
   inside a catalogue entity's gold surface the matcher missed (a name, but one the product must
   find under its catalogue id: found here it is a false provisional mention all the same).
2. **Model.** A logistic regression (scikit-learn, L2, ``C``) over the string features of
   learned_names.token_features, each kept when seen in ``MIN_COUNT`` training tokens at least;
   weights rounded to 4 decimals, sorted: the file is the same for the same gold and code.
3. **Thresholds, chosen where the text is new to the model.** Each TUNING part is scored by a model
   trained on the other TUNING parts (leave one part out); the learned mentions are added to the
   part's own provisional mentions and scored with the real NIL-aware scorer
   (scoring.compare_nil). The (threshold, one_word_threshold) pair kept is the one with the most
   right learned mentions, pooled over the parts, among those whose learned mentions are right at
   ``MIN_PRECISION`` at least.
4. **Check.** Each CHECKING part is scored once, by the model trained on every TUNING part, at the
   thresholds chosen: only its summary figures are printed.
5. **The model** written to data/catalogues/name_finder.json is trained on every part of both halves
   (never the untouched set being annotated: HELD_OUT), with the thresholds, parts and held-out
   figures in the file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.catalogues import load_catalogues
from dashboard.extract.learned_names import LEARNED, MODEL_FILE, NameModel, token_features
from dashboard.extract.provisional import ProvisionalFinder
from dashboard.paths import CATALOGUE_DIR
from dashboard.pipeline.article import Extractors, _parse_iso
from dashboard.quality.__main__ import evaluate
from dashboard.quality.gold import load_id_map
from dashboard.quality.scoring import compare_nil
from dashboard.quality.story_training import SEEDS, build_into, gold_with_texts, without_model
from dashboard.schema import PROVISIONAL_PREFIX
from dashboard.text.document import Doc

# The halves of this stop: the model is tuned on TUNING (leave one part out); CHECKING is scored
# by the model trained on TUNING only, summary lines only.
TUNING = ("dev", "dev2", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9",
          "test11", "test13", "test15", "test17", "test19", "test21", "test23", "test25", "test27", "test29", "test31",
          "test33", "test35", "test37")
CHECKING = ("test10", "test12", "test14", "test16", "test18", "test20", "test22", "test24", "test26", "test28", "test30", "test32", "test34",
            "test36", "test38", SEEDS)
# the untouched set being annotated: never built, trained on or scored here
HELD_OUT = ("test39", "test40")
CANDIDATE_ZIPF = 4.0  # candidates: rarer than this in ordinary Arabic (wordfreq Zipf)
MIN_COUNT = 3  # a feature is kept when this many training tokens have it
C = 0.3
MIN_PRECISION = 0.95
THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(14))  # 0.30 .. 0.95
ONE_WORD = (0.8, 0.9, 0.95, 0.98, 1.0)  # 1.0: no one-word names
EXTEND = (0.1, 0.2, 0.3)


@dataclass
class Tokens:
    """Candidate tokens of one reading of an article: their indices, features and labels."""
    index: list[int] = field(default_factory=list)
    features: list[list[str]] = field(default_factory=list)
    labels: list[int | None] = field(default_factory=list)


@dataclass
class Article:
    aid: str
    doc: Doc
    mentions: list[dict]  # every product mention of the article (catalogue and provisional)
    train: Tokens  # the residual as if the catalogue lacked the gold's names (see ``read_part``)
    real: Tokens  # the residual the finder reads at build time


@dataclass
class Part:
    name: str
    data: Path
    gold: Path
    articles: list[Article] = field(default_factory=list)


def build_part(part: str, work: Path, catalogues: Path, prefix: str | None) -> Path:
    """The part built with ``catalogues`` (no name model) into ``work/part``, or read from
    ``prefix + part`` when given (a build of the same code, e.g. score.sh's)."""
    if prefix:
        out = Path(prefix + part)
        if not (out / "entity_mentions.parquet").exists():
            raise SystemExit(f"{out}: no built dataset")
        return out
    out = work / part
    if not (out / "entity_mentions.parquet").exists():
        build_into(part, out, catalogues)
    return out


def catalogue_ids(data: Path, gold: Path) -> set[str]:
    """The catalogue's entity ids as the part's gold names them (as dashboard.quality reads them)."""
    ids = pd.read_parquet(data / "entities.parquet")["entity_id"].astype(str)
    mapped = load_id_map(gold).get("entity_mentions", {})
    return {mapped.get(e, e) for e in ids if not e.startswith(PROVISIONAL_PREFIX)}


def label_of(a: int, b: int, spans: list[tuple[int, int, bool]]) -> int | None:
    """1 inside a NIL name surface, None inside a catalogue entity's, 0 outside every gold surface."""
    for s, e, nil in spans:
        if s < b and a < e:
            return 1 if nil else None
    return 0


def gold_spans(gold: pd.DataFrame, known: set[str], mentions: list[dict]) -> tuple[list[tuple[int, int, bool]], list[dict]]:
    """(spans, mentions of the training reading) of one article. ``spans``: the gold's name
    surfaces (adjectives left out: الكازاخستاني is no name) as (start, end, whether the entity is
    NIL, i.e. its gold id no catalogue id). The training reading takes out the product's mentions
    of the gold's names (but countries', ISO codes, which every catalogue holds), as if the
    catalogue and the rules had not known them: every name of the gold is then a training example
    in its context, not only the few the catalogue still lacks."""
    names = gold[gold["form"] != "adjective"]
    spans = [(int(s), int(e), str(i) not in known)
             for i, s, e in zip(names["entity_id"], names["char_start"], names["char_end"])]
    unknown_spans = [(int(s), int(e)) for i, s, e in zip(names["entity_id"], names["char_start"], names["char_end"])
                     if not (len(str(i)) == 2 and str(i).isalpha())]
    unknown = [m for m in mentions if not any(s < m["char_end"] and m["char_start"] < e for s, e in unknown_spans)]
    return spans, unknown


def read_part(name: str, data: Path, gold: Path, finder: ProvisionalFinder, letter_names) -> Part:
    """The part's articles: residual candidates, their features and labels."""
    from dashboard.quality.gold import load_gold_files, resolve_gold

    articles = pd.read_parquet(data / "articles.parquet")
    texts = dict(zip(articles["article_id"], articles["text"]))
    docs = load_gold_files(gold)
    g = resolve_gold(docs, texts)["entity_mentions"]
    known = catalogue_ids(data, gold)
    mentions = pd.read_parquet(data / "entity_mentions.parquet")
    by_article = {aid: rows.to_dict("records") for aid, rows in mentions.groupby("article_id")}
    part = Part(name, data, gold)
    for row in articles.sort_values("article_id").itertuples():
        if row.article_id not in docs:
            continue
        doc = Doc.from_text(row.article_id, row.text, _parse_iso(row.published), row.published_precision, letter_names)
        rows = [m for m in by_article.get(row.article_id, []) if not str(m["alias"]).startswith(LEARNED)]
        ga = g[g["article_id"] == row.article_id]
        spans, unknown = gold_spans(ga, known, rows)
        train_spans = [(s, e, True) for s, e, _ in spans]
        art = Article(row.article_id, doc, rows, Tokens(), Tokens())
        for tokens, ms, sp in ((art.train, unknown, train_spans), (art.real, rows, spans)):
            r, _ = finder.learned_residual(doc, ms, CANDIDATE_ZIPF)
            for i, c in enumerate(r.candidate):
                if not c:
                    continue
                a, b = doc.norm.to_original(r.starts[i], r.ends[i])
                tokens.index.append(i)
                tokens.features.append(token_features(r, i, finder.lexicon))
                tokens.labels.append(label_of(a, b, sp))
        part.articles.append(art)
    return part


def fit(parts: list[Part]) -> NameModel:
    """A logistic regression over the labelled candidates of ``parts`` (weights rounded, sorted)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats, ys = [], []
    for p in parts:
        for art in p.articles:
            for f, y in zip(art.train.features, art.train.labels):
                if y is not None:
                    feats.append(f)
                    ys.append(y)
    counts = Counter(x for f in feats for x in set(f))
    kept = {x for x, n in counts.items() if n >= MIN_COUNT}
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform([{x: 1 for x in f if x in kept} for f in feats])
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(X, ys)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
               if round(float(w), 4) != 0}
    return NameModel(dict(sorted(weights.items())), round(float(clf.intercept_[0]), 4), 0.5, 0.9, CANDIDATE_ZIPF)


def probs_of(model: NameModel, art: Article) -> dict[int, float]:
    return {i: model.probability(f) for i, f in zip(art.real.index, art.real.features)}


class Scorer:
    """The NIL-aware line of one part with learned mentions added to its own."""

    def __init__(self, part: Part):
        results, _t, _c, nil, _e = evaluate(part.data, part.gold)
        self.strict = results["entity_mentions"]
        self.base = nil.provisional.reset_index(drop=True)
        self.known = catalogue_ids(part.data, part.gold)
        self.base_score = nil.score

    def score(self, added: list[dict]) -> dict:
        prov = self.base
        if added:
            prov = pd.concat([self.base, pd.DataFrame(added)], ignore_index=True)
        nil = compare_nil(self.strict.gold, self.strict.predicted, prov, self.known, self.strict)
        n0 = len(self.base)
        right = sum(1 for _, pi in nil.nil_matched if pi >= n0)
        s = nil.score
        return {"added": len(added), "right": right, "false": len(added) - right,
                "tp": s.tp, "fp": s.fp, "fn": s.fn, "p": round(s.precision, 3), "r": round(s.recall, 3)}


def added_rows(finder: ProvisionalFinder, part: Part, model: NameModel, probs: dict[str, dict[int, float]],
               threshold: float, one_word: float, extend: float) -> list[dict]:
    m = NameModel(model.weights, model.bias, threshold, one_word, model.candidate_zipf, (), extend)
    out = []
    for art in part.articles:
        out += finder.learned_rows(art.doc, art.mentions, m, probs[art.aid])
    return out


def _sum(scores: list[dict]) -> dict:
    keys = ("added", "right", "false", "tp", "fp", "fn")
    t = {k: sum(s[k] for s in scores) for k in keys}
    t["p"] = round(t["tp"] / max(1, t["tp"] + t["fp"]), 3)
    t["r"] = round(t["tp"] / max(1, t["tp"] + t["fn"]), 3)
    t["added_p"] = round(t["right"] / t["added"], 3) if t["added"] else None
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--catalogues", type=Path, default=CATALOGUE_DIR)
    ap.add_argument("--work", type=Path, default=Path("/tmp/name_training"))
    ap.add_argument("--data-prefix", help="read each part built already at PREFIX<part> (no name model)")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--no-check", action="store_true", help="do not score the CHECKING half")
    ap.add_argument("--tuning", nargs="*", default=list(TUNING))
    ap.add_argument("--final", choices=("all", "tuning"), default="all",
                    help="the parts the written model is trained on: both halves (shipped) or TUNING only "
                         "(to score the CHECKING half with score.sh)")
    args = ap.parse_args(argv)
    for p in (*args.tuning, *CHECKING):
        if p in HELD_OUT:
            raise SystemExit(f"{p} is held out")
    args.work.mkdir(parents=True, exist_ok=True)
    cats = without_model(args.catalogues, args.work, MODEL_FILE)
    catalogues = load_catalogues(cats)
    ex = Extractors(catalogues)
    finder = ex.provisional
    parts: dict[str, Part] = {}
    for name in (*args.tuning, *CHECKING):
        if name == SEEDS and args.data_prefix:
            data = build_part(name, args.work, cats, None)
        else:
            data = build_part(name, args.work, cats, args.data_prefix)
        gold, missing = gold_with_texts(name, data, args.work)
        parts[name] = read_part(name, data, gold, finder, catalogues.latin_letter_names)
        labels = [y for a in parts[name].articles for y in a.real.labels]
        train = [y for a in parts[name].articles for y in a.train.labels]
        print(f"{name}: {len(parts[name].articles)} articles ({missing} without text), {len(labels)} candidates, "
              f"{labels.count(1)} in NIL names, {labels.count(None)} in catalogue names; training reading: "
              f"{len(train)} candidates, {train.count(1)} in names", file=sys.stderr)
    tuning = [parts[p] for p in args.tuning]
    # 3. leave one TUNING part out
    held: dict[str, dict[str, dict[int, float]]] = {}
    scorers = {p.name: Scorer(p) for p in tuning}
    for p in tuning:
        model = fit([q for q in tuning if q is not p])
        held[p.name] = {a.aid: probs_of(model, a) for a in p.articles}
    grid = {}
    for t in THRESHOLDS:
        for t1 in ONE_WORD:
            for low in EXTEND:
                if t1 < t or low > t:
                    continue
                scores = [scorers[p.name].score(added_rows(finder, p, model, held[p.name], t, t1, low)) for p in tuning]
                grid[(t, t1, low)] = _sum(scores)
    for k, v in sorted(grid.items()):
        print(f"  t={k[0]:.2f} one-word={k[1]:.2f} extend={k[2]:.2f}: {v}", file=sys.stderr)
    def precise(k) -> bool:
        v = grid.get(k)
        return v is None or not v["added"] or v["added_p"] >= MIN_PRECISION

    # the floor met at the threshold and its neighbours (a step each side: a choice that a
    # mention or two would overturn is none); then the most right mentions, the fewest false, the
    # lowest thresholds (the most a new text may give), the highest extension (the shortest runs)
    ok = [(-v["right"], v["false"], k[0], k[1], -k[2]) for k, v in grid.items()
          if v["added"] and precise(k) and all(precise((round(k[0] + d, 2), k[1], k[2])) for d in (-0.05, 0.05))]
    if not ok:
        raise SystemExit("no threshold reaches the precision floor")
    _, _, threshold, one_word, extend = min(ok)
    extend = -extend
    base = _sum([{"added": 0, "right": 0, "false": 0, "tp": s.base_score.tp, "fp": s.base_score.fp,
                  "fn": s.base_score.fn} for s in scorers.values()])
    print(f"TUNING (leave one part out) before: {base}")
    print(f"TUNING (leave one part out) at t={threshold} one-word={one_word} extend={extend}: {grid[(threshold, one_word, extend)]}")
    lopo = {}
    for p in tuning:
        lopo[p.name] = scorers[p.name].score(added_rows(finder, p, model, held[p.name], threshold, one_word, extend))
        print(f"  {p.name}: {lopo[p.name]}")
    # 4. CHECKING: the model trained on every TUNING part
    check = {}
    if not args.no_check:
        model = fit(tuning)
        for name in CHECKING:
            p = parts[name]
            s = Scorer(p)
            probs = {a.aid: probs_of(model, a) for a in p.articles}
            check[name] = {"before": _sum([{"added": 0, "right": 0, "false": 0, "tp": s.base_score.tp,
                                            "fp": s.base_score.fp, "fn": s.base_score.fn}]),
                           "after": s.score(added_rows(finder, p, model, probs, threshold, one_word, extend))}
            print(f"CHECK {name}: {check[name]}")
    # 5. the model of every part
    every = [parts[p] for p in ((*args.tuning, *CHECKING) if args.final == "all" else args.tuning)]
    final = fit(every)
    out = {
        "about": "Learned name finder (dashboard/extract/learned_names.py), trained by "
                 "python -m dashboard.quality.name_training: a logistic regression over candidate tokens "
                 "of the residual; weights rounded, sorted.",
        "trained_on": [p.name for p in every],
        "candidate_zipf": CANDIDATE_ZIPF,
        "threshold": threshold,
        "one_word_threshold": one_word,
        "extend_threshold": extend,
        "chosen_on": {"parts": list(args.tuning), "how": "leave one part out", "min_precision": MIN_PRECISION,
                      "pooled": grid[(threshold, one_word, extend)], "before": base},
        "per_part": lopo,
        "check": check,
        "bias": final.bias,
        "weights": final.weights,
    }
    if not args.no_write:
        path = args.catalogues / MODEL_FILE
        path.write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {path} ({len(final.weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

