from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from dashboard.analysis.common import term_counts_by_source
from dashboard.analysis.filters import Filters, select
from dashboard.analysis.sources import (
    NO_THEME_ID,
    Z_SIGNIFICANT,
    distinctive_terms,
    entity_rates,
    log_odds_dirichlet,
    source_volume,
    theme_shares,
)


def test_log_odds_hand_computed():
    # s = {x: 3, y: 1}, rest = {x: 1, y: 3}: alpha = (4, 4), alpha_0 = 8, n_s = n_r = 4
    # delta_x = log(7 / 5) - log(5 / 7); var_x = 1/7 + 1/5
    delta, z = log_odds_dirichlet(np.array([3, 1]), np.array([1, 3]))
    assert delta[0] == pytest.approx(2 * math.log(7 / 5))
    assert z[0] == pytest.approx(2 * math.log(7 / 5) / math.sqrt(1 / 7 + 1 / 5))
    assert delta[1] == pytest.approx(-delta[0])


def test_log_odds_prior_shrinks_rare_words():
    # the same ratio (all in s) on 1 vs 20 occurrences: the frequent word is more distinctive
    _, z = log_odds_dirichlet(np.array([1, 20, 100]), np.array([0, 0, 100]))
    assert z[1] > z[0] > 0


def test_volume_and_theme_shares(tiny):
    sel = select(tiny, Filters())
    vol = source_volume(tiny, sel).set_index("source")
    assert vol.loc["الجزيرة", "articles"] == 2 and vol.loc["RT", "sentences"] == 3
    shares = theme_shares(tiny, sel).set_index(["source", "theme_id"])["share"]
    assert shares[("الجزيرة", "security")] == pytest.approx((1.0 + 0.25) / 2)
    assert shares[("الجزيرة", "economy")] == pytest.approx(0.75 / 2)
    assert shares[("RT", "economy")] == pytest.approx(0.5) and shares[("RT", "security")] == pytest.approx(0.5)
    assert shares[("Project Syndicate", "economy")] == 0
    # every source's shares reach 100 %, the articles without a theme shown as such
    assert shares.groupby(level="source").sum().to_numpy() == pytest.approx(1.0)
    assert shares[("Project Syndicate", NO_THEME_ID)] == pytest.approx(1.0)  # its one article has no theme


def test_entity_rates_rank_by_selection(tiny):
    df = entity_rates(tiny, select(tiny, Filters()), top_n=2)
    assert set(df["entity_id"]) == {"KAZ", "CHN"}
    assert df[df["source"] == "RT"]["entity_id"].tolist() == ["KAZ", "CHN"]


def test_distinctive_terms(tiny):
    sel = select(tiny, Filters())
    df = distinctive_terms(tiny, sel, top_n=3)
    assert (df["z"] > 0).all() and (df["count_source"] > 0).all()
    # Distinctive = used more by the source than by the rest of the selection, per word written:
    # with the outlet and the rest swapped in the log-odds call, the rest's words would come out.
    counts, _ = term_counts_by_source(tiny, sel)
    words = dict(zip(tiny.ix.sources, counts.sum(axis=1)))
    everyone = sum(words.values())
    assert set(df["source"]) == {"الجزيرة", "RT", "Project Syndicate"}
    for row in df.itertuples():
        assert row.count_source / words[row.source] > row.count_rest / (everyone - words[row.source]), row
    assert (df["count_source"] + df["count_rest"]
            == [counts[:, list(tiny.ix.term_list).index(t)].sum() for t in df["term"]]).all()
    jaz = df[df["source"] == "الجزيرة"]
    assert jaz["z"].is_monotonic_decreasing
    # significance is said per word, at the threshold the page names
    assert (df["significant"] == (df["z"] >= Z_SIGNIFICANT)).all()
    assert df["significant"].dtype == bool
    # one source only: nothing to compare against
    assert distinctive_terms(tiny, select(tiny, Filters(sources=("RT",)))).empty


def test_empty(tiny):
    none = select(tiny, Filters(sources=("x",)))
    for df in (source_volume(tiny, none), theme_shares(tiny, none), entity_rates(tiny, none),
               distinctive_terms(tiny, none)):
        assert df.empty and len(df.columns) >= 4


def test_boilerplate_left_out_lists_each_selected_outlets_top_entries(tmp_path):
    """The Sources page's "Boilerplate left out": the build's table, per outlet of the selection,
    most frequent first, capped per outlet with the outlet's whole count beside each row."""
    from analysis_tiny_dataset import write_dataset

    from dashboard.analysis.sources import boilerplate_left_out
    from dashboard.dataset import load_dataset
    from dashboard.schema import conform

    folder = write_dataset(tmp_path / "ds")
    rows = [("RT", "sentence", "k1", "حملوا تطبيقنا <b>الآن</b>", 12, 0.5, "detected"),
            ("RT", "self-reference", "k2", "RT", 30, 0.9, "detected"),
            ("RT", "dateline", "موسكو", "موسكو -", 3, 0.1, "kept: catalogue says never"),
            ("الجزيرة", "self-reference", "k3", "للجزيرة", 20, 0.4, "detected")]
    conform("boilerplate", pd.DataFrame(rows, columns=["source", "kind", "key", "example", "n_articles", "share",
                                                       "status"])).to_parquet(folder / "boilerplate.parquet")
    ds = load_dataset(folder)
    df = boilerplate_left_out(ds, select(ds, Filters()), top_n=2)
    assert df[["source", "example", "n_articles", "marked_in_outlet"]].values.tolist() == [
        ["RT", "RT", 30, 3], ["RT", "حملوا تطبيقنا <b>الآن</b>", 12, 3], ["الجزيرة", "للجزيرة", 20, 1]]
    # only the outlets the filters keep
    only_rt = boilerplate_left_out(ds, select(ds, Filters(sources=("RT",))), top_n=5)
    assert set(only_rt["source"]) == {"RT"} and len(only_rt) == 3
    assert boilerplate_left_out(ds, select(ds, Filters(sources=("Project Syndicate",)))).empty
