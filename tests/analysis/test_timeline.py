from __future__ import annotations

import pandas as pd

from dashboard.analysis.filters import Filters, select
from dashboard.analysis.timeline import event_counts, event_sentences, publication_counts


def test_event_counts_keep_the_whole_catalogue(tiny):
    df = event_counts(tiny, select(tiny, Filters())).set_index("event_id")
    assert df.loc["E_UNREST", ["mentions", "articles"]].tolist() == [2, 2]
    assert df.loc["E_SCO", "mentions"] == 0
    assert df.loc["E_UNREST", "date_start"] == pd.Timestamp("2022-01-02")
    rt = event_counts(tiny, select(tiny, Filters(sources=("RT",)))).set_index("event_id")
    assert rt.loc["E_UNREST", "mentions"] == 1


def test_event_sentences_source_by_source(tiny):
    df = event_sentences(tiny, select(tiny, Filters()), "E_UNREST")
    assert df["source"].tolist() == ["RT", "الجزيرة"]
    assert df["sentence"].tolist() == ["قدمت روسيا الدعم لكازاخستان.",
                                       "اندلعت احتجاجات في كازاخستان في 5 يناير 2022."]
    assert df["cue"].tolist() == ["الدعم", "احتجاجات"]


def test_empty_and_unknown_event(tiny):
    sel = select(tiny, Filters())
    assert event_sentences(tiny, sel, "NOPE").empty
    none = select(tiny, Filters(sources=("x",)))
    for df in (event_counts(tiny, none), publication_counts(tiny, none), event_sentences(tiny, none, "E_UNREST")):
        assert df.empty and len(df.columns) >= 3


def test_publication_counts_add_up_to_the_dated_articles(tiny):
    sel = select(tiny, Filters())
    dates = tiny.articles.dropna(subset=["published"])  # undated articles are not counted
    dates = dates.assign(published=pd.to_datetime(dates["published"]))
    assert sorted(dates["article_id"]) == ["a1", "a2", "a3", "a5"]
    monthly = publication_counts(tiny, sel)
    assert monthly["articles"].sum() == len(dates)
    assert (monthly["period"].dt.day == 1).all()
    expected = dates.assign(period=dates["published"].dt.to_period("M").dt.start_time) \
        .groupby(["period", "source"]).size()
    got = monthly.set_index(["period", "source"])["articles"]
    assert got.to_dict() == expected.to_dict()
    yearly = publication_counts(tiny, sel, freq="Y")
    assert yearly["articles"].sum() == len(dates) and (yearly["period"].dt.month == 1).all()
    assert publication_counts(tiny, select(tiny, Filters(sources=("nowhere",)))).empty


def test_discovered_events_are_counted_marked_and_can_be_left_out(tmp_path):
    """An event the build discovered (id new:..., not in the catalogue) is in the timeline's counts,
    marked unreviewed, left out with include_discovered=False; the headline says how many of its
    events are unreviewed."""
    import pandas as pd
    from analysis_tiny_dataset import write_dataset

    from dashboard.analysis.overview import headline
    from dashboard.dataset import load_dataset

    folder = write_dataset(tmp_path / "ds")
    for table in ("events", "event_mentions"):
        df = pd.read_parquet(folder / f"{table}.parquet")
        df["event_id"] = df["event_id"].replace({"E_UNREST": "new:protests:kz:2022-01"})
        df.to_parquet(folder / f"{table}.parquet")
    ds = load_dataset(folder)
    sel = select(ds, Filters())
    df = event_counts(ds, sel).set_index("event_id")
    assert bool(df.loc["new:protests:kz:2022-01", "unreviewed"]) and df.loc["new:protests:kz:2022-01", "mentions"] > 0
    assert not df.drop(index="new:protests:kz:2022-01")["unreviewed"].any()
    reviewed = event_counts(ds, sel, include_discovered=False)
    assert "new:protests:kz:2022-01" not in set(reviewed["event_id"]) and len(reviewed) == len(df) - 1
    head = headline(ds, sel)
    assert head["events_unreviewed"] == 1 and head["events"] >= 1
