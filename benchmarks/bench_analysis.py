"""Time every analysis function per filter change on a dataset (server-side cost of the panels).

    .venv/bin/python -m benchmarks.bench_analysis /tmp/ant_dataset
    .venv/bin/python -m benchmarks.bench_analysis --synthetic 31525   # ANT-sized random dataset

Prints the load time and the first full pass (which builds the per-dataset caches, as the app's
first run does), then for each filter scenario and each page the milliseconds of select() plus
that page's calls on a fresh selection (median of --repeat runs; wall and CPU time, since a
shared machine inflates wall time).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.analysis import concordance, entities, geo, overview, sources, timeline, words
from dashboard.analysis.filters import Filters, select
from dashboard.dataset import load_dataset
from dashboard.schema import conform


def pages(ds, sel, keyword: str, event_id: str | None, entity_ids: list[str]):
    """Each page's calls for one filter change, as the UI makes them."""
    first_article = sel.article_ids[0] if sel.article_ids else ""
    return {
        "overview": [("headline", lambda: overview.headline(ds, sel)),
                     ("article_table", lambda: overview.article_table(ds, sel)),
                     ("highlights", lambda: overview.highlights(ds, first_article))],
        "timeline": [("event_counts", lambda: timeline.event_counts(ds, sel)),
                     ("publication_counts", lambda: timeline.publication_counts(ds, sel, "M")),
                     ("event_sentences", lambda: timeline.event_sentences(ds, sel, event_id or ""))],
        "entities": [("entity_counts", lambda: entities.entity_counts(ds, sel)),
                     ("entity_counts(rolled)", lambda: entities.entity_counts(ds, sel, roll_up_cities=True)),
                     ("entity_by_source", lambda: entities.entity_by_source(ds, sel, entity_ids)),
                     ("cooccurrence", lambda: entities.cooccurrence(ds, sel)),
                     ("entity_concordance", lambda: concordance.entity_concordance(ds, sel, entity_ids[0] if entity_ids else ""))],
        "sources": [("source_volume", lambda: sources.source_volume(ds, sel)),
                    ("theme_shares", lambda: sources.theme_shares(ds, sel)),
                    ("entity_rates", lambda: sources.entity_rates(ds, sel)),
                    ("distinctive_terms", lambda: sources.distinctive_terms(ds, sel))],
        "words": [("term_frequencies", lambda: words.term_frequencies(ds, sel)),
                  *[(f"term_frequencies[{s}]", (lambda s=s: words.term_frequencies(ds, sel, source=s)))
                    for s in ds.ix.sources[:5]]],
        "concordance": [("kwic", lambda: concordance.kwic(ds, sel, keyword))],
        "map": [("country_mentions", lambda: geo.country_mentions(ds, sel))],
    }


def time_page(ds, filters: Filters, page: str, keyword: str, event_id, entity_ids, repeat: int):
    """Median wall and CPU ms per call of one page, each run on a FRESH selection (as after a
    filter change: per-selection sharing counts, nothing carried over from the previous run)."""
    wall: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        sel = select(ds, filters)
        wall.setdefault("select", []).append((time.perf_counter() - t) * 1000)
        cpu.setdefault("select", []).append((time.process_time() - c) * 1000)
        for label, fn in pages(ds, sel, keyword, event_id, entity_ids)[page]:
            t, c = time.perf_counter(), time.process_time()
            fn()
            wall.setdefault(label, []).append((time.perf_counter() - t) * 1000)
            cpu.setdefault(label, []).append((time.process_time() - c) * 1000)
    return ({k: statistics.median(v) for k, v in wall.items()},
            {k: statistics.median(v) for k, v in cpu.items()})


def scenarios(ds) -> dict[str, Filters]:
    top_entities = entities.entity_counts(ds, select(ds, Filters())).head(2)["entity_id"].tolist()
    pub = ds.ix.article_published[~np.isnat(ds.ix.article_published)]
    mid = pub[len(pub) // 2].astype(object) if len(pub) else None
    out = {
        "none": Filters(),
        "one source": Filters(sources=ds.ix.sources[:1]),
        "date from median": Filters(date_from=mid),
        "keyword كازاخستان": Filters(keyword="كازاخستان"),
        "keyword derived": Filters(keyword="كازاخستان", keyword_derived=True),
        "phrase آسيا الوسطى": Filters(keyword='"آسيا الوسطى"'),
        "query روسيا OR الصين": Filters(keyword="روسيا OR الصين"),
    }
    if top_entities:
        out["entity " + top_entities[0]] = Filters(entities=tuple(top_entities[:1]))
    if len(ds.themes):
        out["theme " + ds.themes["theme_id"].iat[0]] = Filters(themes=(ds.themes["theme_id"].iat[0],))
    return out


def run(path: Path, repeat: int) -> None:
    t = time.perf_counter()
    ds = load_dataset(path)
    load_ms = (time.perf_counter() - t) * 1000
    print(f"dataset {path}: {len(ds.articles):,} articles, {len(ds.sentences):,} sentences, "
          f"{len(ds.entity_mentions):,} entity mentions, {len(ds.terms):,} term rows")
    print(f"load_dataset: {load_ms:,.0f} ms")
    event_id = ds.events["event_id"].iat[0] if len(ds.events) else None
    if len(ds.event_mentions):
        event_id = ds.event_mentions["event_id"].value_counts().index[0]
    # Per-dataset structures (memo) are built by the first pass, as by the app's first run.
    warm = select(ds, Filters())
    for calls in pages(ds, warm, "كازاخستان", event_id, []).values():
        for _, fn in calls:
            fn()
    print(f"first full pass (builds per-dataset caches): {(time.perf_counter() - t) * 1000 - load_ms:,.0f} ms")
    worst = 0.0
    for name, filters in scenarios(ds).items():
        sel = select(ds, filters)
        ents = entities.entity_counts(ds, sel).head(5)["entity_id"].tolist()
        print(f"\n== {name}: {sel.n_articles:,} articles, {sel.n_sentences:,} sentences")
        for page in pages(ds, sel, "", None, []):
            wall, cpu = time_page(ds, filters, page, "كازاخستان", event_id, ents, repeat)
            total_wall, total_cpu = sum(wall.values()), sum(cpu.values())
            worst = max(worst, total_wall)
            detail = ", ".join(f"{k} {v:.1f}" for k, v in wall.items())
            print(f"  {page:<12} {total_wall:7.1f} ms wall, {total_cpu:7.1f} ms cpu  ({detail})")
    print(f"\nslowest page per filter change: {worst:.1f} ms wall")


WORDS = ["كازاخستان", "لكازاخستان", "الكازاخستانية", "روسيا", "الصين", "واشنطن", "آسيا", "الوسطى",
         "توكاييف", "بوتين", "الطاقة", "النفط", "الحكومة", "الرئيس", "الاحتجاجات", "أستانا"]


def synthetic(folder: Path, n_articles: int, seed: int = 0) -> Path:
    """An ANT-sized random dataset conforming to the schema (~32 mentions, ~160 term rows,
    ~15 sentences per article) so the benchmark runs before a real one is built."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    letters = np.array(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي"))
    filler = ["".join(rng.choice(letters, rng.integers(3, 8))) for _ in range(3000)]
    vocab_terms = np.array(sorted(set(["".join(rng.choice(letters, rng.integers(3, 9))) for _ in range(120_000)]) | {"كازاخستان"}), dtype=object)
    ids = np.array([f"art{i:06d}" for i in range(n_articles)], dtype=object)
    srcs = np.array(["aljazeera", "alriyadh", "echoroukonline", "sabanews", "youm7"], dtype=object)
    texts, sent_rows = [], []
    for i in range(n_articles):
        n_sent = int(rng.integers(8, 22))
        sentences, pos = [], 0
        for k in range(n_sent):
            ws = list(rng.choice(filler, 18))
            if rng.random() < 0.3:
                ws[int(rng.integers(0, 18))] = WORDS[int(rng.integers(0, len(WORDS)))]
            s = " ".join(ws) + "."
            sent_rows.append((ids[i], k, pos, pos + len(s)))
            sentences.append(s)
            pos += len(s) + 1
        texts.append(" ".join(sentences))
    n_sent_per = pd.Series([r[0] for r in sent_rows]).value_counts().reindex(ids).to_numpy()
    published = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 1460, n_articles), unit="D")
    articles = pd.DataFrame({
        "article_id": ids, "title": [t[:60] for t in texts], "source": rng.choice(srcs, n_articles),
        "author": None, "published": published.strftime("%Y-%m-%d"), "published_precision": "day",
        "url": None, "language": "ar", "origin": ids, "text": texts, "text_normalized": texts,
        "n_sentences": n_sent_per, "n_tokens": n_sent_per * 18,
    })
    sentences = pd.DataFrame(sent_rows, columns=["article_id", "sentence_id", "char_start", "char_end"])
    # entities: 3,000 catalogue entries, Zipf-distributed mentions
    n_ent = 3000
    ent_ids = np.array([f"e{i:04d}" for i in range(n_ent)], dtype=object)
    types = rng.choice(["country", "city", "person", "organization"], n_ent, p=[.1, .3, .4, .2])
    countries = ent_ids[types == "country"]
    iso = [f"X{i:02d}" for i in range(len(ent_ids))]
    ents = pd.DataFrame({"entity_id": ent_ids, "type": types, "name_ar": ent_ids, "name_en": ent_ids,
                         "parent": np.where(types == "city", rng.choice(countries, n_ent), None),
                         "iso2": np.where(types == "country", iso, None), "iso3": np.where(types == "country", iso, None)})
    n_m = n_articles * 32
    m_art = rng.integers(0, n_articles, n_m)
    m_sent = (rng.random(n_m) * n_sent_per[m_art]).astype(int)
    m_ent = np.minimum(rng.zipf(1.3, n_m) - 1, n_ent - 1)
    mentions = pd.DataFrame({"article_id": ids[m_art], "sentence_id": m_sent, "entity_id": ent_ids[m_ent],
                             "surface": "x", "char_start": 0, "char_end": 1,
                             "form": np.where(rng.random(n_m) < .2, "adjective", "name"), "alias": "x"})
    # terms: ~160 distinct terms per article, Zipf over the vocabulary
    n_t = n_articles * 160
    t_art = np.repeat(np.arange(n_articles), 160)
    t_term = np.minimum(rng.zipf(1.2, n_t) - 1, len(vocab_terms) - 1)
    terms = pd.DataFrame({"a": t_art, "t": t_term}).drop_duplicates()
    terms = pd.DataFrame({"article_id": ids[terms["a"]], "term": vocab_terms[terms["t"]],
                          "count": rng.integers(1, 6, len(terms))})
    voc = terms.groupby("term")["count"].agg(["sum", "size"]).reset_index()
    vocabulary = pd.DataFrame({"term": voc["term"], "term_key": voc["term"], "count": voc["sum"],
                               "n_articles": voc["size"], "forms": voc["term"]})
    ev_ids = [f"ev{i:02d}" for i in range(40)]
    events = pd.DataFrame({"event_id": ev_ids, "name_ar": ev_ids, "name_en": ev_ids,
                           "date_start": "2022-01-02", "date_end": "2022-01-11", "description": ""})
    n_e = n_articles // 2
    e_art = rng.integers(0, n_articles, n_e)
    event_mentions = pd.DataFrame({"article_id": ids[e_art], "sentence_id": (rng.random(n_e) * n_sent_per[e_art]).astype(int),
                                   "event_id": rng.choice(ev_ids, n_e), "char_start": 0, "char_end": 1, "cue": "x"})
    themes = pd.DataFrame({"theme_id": [f"t{i}" for i in range(12)], "name_ar": "x", "name_en": "x", "description": ""})
    at_art = np.repeat(np.arange(n_articles), 3)
    article_themes = pd.DataFrame({"article_id": ids[at_art], "theme_id": rng.choice(themes["theme_id"], len(at_art)),
                                   "score": 1.0, "share": 1 / 3, "is_main": np.tile([True, False, False], n_articles)}
                                  ).drop_duplicates(["article_id", "theme_id"])
    tables = {"articles": articles, "sentences": sentences, "terms": terms, "vocabulary": vocabulary,
              "entities": ents, "entity_mentions": mentions, "events": events, "event_mentions": event_mentions,
              "themes": themes, "article_themes": article_themes}
    from dashboard.schema import TABLES
    for name in TABLES:
        conform(name, tables.get(name)).to_parquet(folder / f"{name}.parquet", index=False)
    (folder / "build_info.json").write_text(json.dumps({"version": f"synthetic-{n_articles}-{seed}"}))
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", nargs="?", type=Path, help="a built dataset folder")
    parser.add_argument("--synthetic", type=int, metavar="N", help="generate a random N-article dataset first")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.synthetic:
        folder = args.dataset or Path(tempfile.mkdtemp(prefix="bench_analysis_"))
        t = time.perf_counter()
        synthetic(folder, args.synthetic)
        print(f"synthetic dataset written to {folder} in {time.perf_counter() - t:.1f} s")
        run(folder, args.repeat)
    elif args.dataset:
        run(args.dataset, args.repeat)
    else:
        parser.error("give a dataset folder or --synthetic N")


if __name__ == "__main__":
    main()
