"""Entity counts, switches, per-source rates and co-occurrence on hand-counted articles."""

from __future__ import annotations

import math

import pytest

from dashboard.analysis.entities import cooccurrence, entity_by_source, entity_counts
from dashboard.analysis.filters import Filters, select


@pytest.fixture()
def everything(tiny):
    return select(tiny, Filters())


def counts(df):
    return dict(zip(df["entity_id"], zip(df["mentions"], df["articles"])))


def test_counts_with_and_without_adjectives(tiny, everything):
    # KAZ: a1 2 names + 1 adjective, a2 1 (لكازاخستان), a3 1, a5 1 adjective
    assert counts(entity_counts(tiny, everything))["KAZ"] == (6, 4)
    assert counts(entity_counts(tiny, everything, include_adjectives=False))["KAZ"] == (4, 3)


def test_roll_up_cities_into_countries(tiny, everything):
    rolled = counts(entity_counts(tiny, everything, include_adjectives=False, roll_up_cities=True))
    assert rolled["KAZ"] == (6, 3)  # + ألماتي (a1) and أستانا (a3), articles unchanged
    assert rolled["USA"] == (2, 1)  # + واشنطن
    assert "ALA" not in rolled and "WAS" not in rolled
    assert rolled["TOK"] == (2, 2)  # people never roll up


def test_types_and_order(tiny, everything):
    df = entity_counts(tiny, everything, types=["person"])
    assert df["entity_id"].tolist() == ["TOK", "PUT"]
    df = entity_counts(tiny, everything)
    assert df["mentions"].is_monotonic_decreasing


def test_by_source_rates(tiny, everything):
    df = entity_by_source(tiny, everything, ["KAZ"]).set_index("source")
    words = tiny.articles.groupby("source")["n_tokens"].sum()
    assert df.loc["RT", "mentions"] == 2  # a2 name + a5 adjective
    assert df.loc["RT", "per_1000_words"] == pytest.approx(2000 / words["RT"])
    assert df.loc["Project Syndicate", "mentions"] == 0  # zeros are listed
    # by default a country's cities are their own entities (a2's موسكو is not Russia)
    assert entity_by_source(tiny, everything, ["RUS"]).set_index("source").loc["RT", "mentions"] == 1
    assert entity_by_source(tiny, everything, ["RUS"], roll_up_cities=True).set_index("source").loc["RT", "mentions"] == 2
    assert entity_by_source(tiny, everything, ["NOPE"]).empty


def test_cooccurrence_counts_sentences(tiny, everything):
    nodes, edges = cooccurrence(tiny, everything, top_n=30, min_together=1)
    w = {tuple(sorted((r.source, r.target))): r.weight for r in edges.itertuples()}
    # KAZ and RUS share a1 sentence 1 and a2 sentence 0
    assert w[("KAZ", "RUS")] == 2
    assert w[("MOW", "PUT")] == 1
    assert ("KAZ", "USA") not in w
    assert w[("ALA", "KAZ")] == 1  # a1's last sentence names Kazakhstan by its adjective only
    hand = hand_counted_pairs(tiny, set(tiny.articles["article_id"]))
    assert w == {pair: n for pair, n in hand.items() if pair in w}
    # Kazakhstan is named in most sentences: meeting China or Tokayev once is what chance gives
    assert set(hand) - set(w) == {("CHN", "KAZ"), ("KAZ", "TOK")}
    assert edges["g2"].is_monotonic_decreasing  # strongest first (the next test: by G2)
    degree = nodes.set_index("entity_id")["degree"]
    assert degree["KAZ"] == sum(1 for pair in w if "KAZ" in pair)
    assert (degree[[e for e in degree.index if not any(e in pair for pair in w)]] == 0).all()
    # a selection counts its own sentences only
    rt = select(tiny, Filters(sources=("RT",)))
    _, rt_edges = cooccurrence(tiny, rt, top_n=30, min_together=1)
    rt_w = {tuple(sorted((r.source, r.target))): r.weight for r in rt_edges.itertuples()}
    assert rt_w == {p: n for p, n in hand_counted_pairs(tiny, {"a2", "a5"}).items() if p in rt_w} and rt_w
    _, strong = cooccurrence(tiny, everything, min_together=2)
    assert strong[["source", "target"]].values.tolist() == [["KAZ", "RUS"]]
    assert set(nodes.columns) >= {"x", "y", "mentions"} and nodes["x"].notna().all()


def test_cooccurrence_keeps_the_strongest_pairs_by_g2(tiny, everything):
    """Edges are ranked by G2 over the selection's 11 sentences, not by how often a pair meets:
    Moscow and Putin (each named once, in the same sentence) outrank Kazakhstan and Russia (two
    sentences together, but each named in many others: 2 against 1.64 expected by chance)."""
    _, edges = cooccurrence(tiny, everything, top_n=30, min_together=1)
    assert everything.n_sentences == 11
    first = edges.iloc[0]
    assert (first["source"], first["target"], first["weight"]) == ("MOW", "PUT", 1)
    # o11 = r1 = c1 = 1, n = 11: G2 = 2 (1 ln 11 + 10 ln(10 / (10 * 10 / 11)))
    assert first["g2"] == pytest.approx(2 * (math.log(11) + 10 * math.log(11 / 10)))
    assert first["expected"] == pytest.approx(1 / 11)
    kaz_rus = edges[(edges["source"] == "KAZ") & (edges["target"] == "RUS")].iloc[0]
    assert kaz_rus["weight"] == edges["weight"].max() == 2 and kaz_rus["expected"] == pytest.approx(18 / 11)
    assert kaz_rus.name > 3  # the most frequent pair is not among the strongest
    # the cap keeps the top pairs by G2: with a count ranking Kazakhstan-Russia would be kept first
    _, capped = cooccurrence(tiny, everything, top_n=30, min_together=1, max_edges=3)
    assert capped[["source", "target"]].values.tolist() == edges[["source", "target"]].head(3).values.tolist()
    assert ["KAZ", "RUS"] not in capped[["source", "target"]].values.tolist()
    # a pair met no more often than chance is never an edge, however often it meets
    assert (edges["weight"] > edges["expected"]).all()


def hand_counted_pairs(ds, article_ids: set[str]) -> dict[tuple[str, str], int]:
    """Every pair of entities named in one sentence of these articles, counted from the mentions."""
    m = ds.entity_mentions[ds.entity_mentions["article_id"].isin(article_ids)]
    expected: dict[tuple[str, str], int] = {}
    for _, group in m.groupby(["article_id", "sentence_id"]):
        ids = sorted(set(group["entity_id"]))
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                expected[(a, b)] = expected.get((a, b), 0) + 1
    return expected


def test_cooccurrence_layout_is_deterministic(tiny, everything):
    from dashboard.analysis.entities import _layout

    _layout.cache_clear()  # each layout computed afresh: equal only if the layout itself is seeded
    a, _ = cooccurrence(tiny, everything, min_together=1)
    _layout.cache_clear()
    b, _ = cooccurrence(tiny, everything, min_together=1)
    assert len(a) > 2 and a[["x", "y"]].equals(b[["x", "y"]])


def test_empty_selection(tiny):
    none = select(tiny, Filters(sources=("nowhere",)))
    assert entity_counts(tiny, none).empty
    assert list(entity_counts(tiny, none).columns) == ["entity_id", "name_ar", "name_en", "type", "mentions", "articles"]
    assert entity_by_source(tiny, none, ["KAZ"]).empty
    nodes, edges = cooccurrence(tiny, none)
    assert nodes.empty and edges.empty and "x" in nodes.columns


def test_only_places_roll_up(tiny_dataset_dir, tmp_path):
    """A person with a parent country (nationality, as the real catalogue has) stays a person."""
    import pandas as pd
    from analysis_tiny_dataset import write_dataset

    from dashboard.dataset import load_dataset

    folder = write_dataset(tmp_path / "ds")
    ents = pd.read_parquet(folder / "entities.parquet")
    ents.loc[ents["entity_id"] == "TOK", "parent"] = "KAZ"
    ents.to_parquet(folder / "entities.parquet")
    ds = load_dataset(folder)
    rolled = counts(entity_counts(ds, select(ds, Filters()), include_adjectives=False, roll_up_cities=True))
    assert rolled["TOK"] == (2, 2) and rolled["KAZ"] == (6, 3)


def test_provisional_persons_can_be_left_out(tiny_dataset_dir, tmp_path):
    """A person the catalogue does not know yet (id new:..., unreviewed) is counted by default and
    left out of counts and the network when the analyst asks for reviewed entities only."""
    import pandas as pd
    from analysis_tiny_dataset import write_dataset

    from dashboard.dataset import load_dataset

    folder = write_dataset(tmp_path / "ds")
    for table in ("entities", "entity_mentions"):
        df = pd.read_parquet(folder / f"{table}.parquet")
        df["entity_id"] = df["entity_id"].replace({"TOK": "new:twkayyf"})
        df.to_parquet(folder / f"{table}.parquet")
    ds = load_dataset(folder)
    sel = select(ds, Filters())
    assert counts(entity_counts(ds, sel))["new:twkayyf"] == (2, 2)  # as TOK before
    reviewed = entity_counts(ds, sel, include_provisional=False)
    assert "new:twkayyf" not in set(reviewed["entity_id"]) and "PUT" in set(reviewed["entity_id"])
    nodes, _ = cooccurrence(ds, sel, include_provisional=False)
    assert "new:twkayyf" not in set(nodes["entity_id"])
    from dashboard.analysis.overview import headline
    head = headline(ds, sel)  # the headline count says how many of its entities are unreviewed
    assert head["entities_unreviewed"] == 1 and head["entities"] > 1
