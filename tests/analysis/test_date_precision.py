"""Dates at their precision: labels never invent a day, and the date filter keeps an article whose
month or year overlaps the range."""

from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest

from dashboard.analysis.filters import Filters, select
from dashboard.analysis.overview import article_table, headline
from dashboard.dataset import PRECISIONS, date_labels, load_dataset


def test_labels_at_precision():
    start = np.array(["2022-01-06", "2022-07-01", "2023-01-01", "NaT"], dtype="datetime64[D]")
    precision = np.array([PRECISIONS.index(p) for p in ("day", "month", "year", "unknown")], dtype=np.int8)
    assert date_labels(start, precision).tolist() == ["2022-01-06", "2022-07", "2023", ""]


@pytest.fixture(scope="module")
def partial(tiny_dataset_dir, tmp_path_factory):
    """The tiny dataset with a1 dated to the month (2022-01) and a3 to the year (2023) only."""
    folder = tmp_path_factory.mktemp("partial") / "ds"
    shutil.copytree(tiny_dataset_dir, folder)
    arts = pd.read_parquet(folder / "articles.parquet")
    arts.loc[arts["article_id"] == "a1", ["published", "published_precision"]] = ["2022-01-01", "month"]
    arts.loc[arts["article_id"] == "a3", ["published", "published_precision"]] = ["2023-01-01", "year"]
    arts.to_parquet(folder / "articles.parquet", index=False)
    return load_dataset(folder)


def test_tables_show_the_precision_not_a_first_day(partial):
    table = article_table(partial, select(partial, Filters())).set_index("article_id")
    assert table.loc["a1", "published"] == "2022-01" and table.loc["a3", "published"] == "2023"
    assert table.loc["a2", "published"] == "2022-01-07"
    head = headline(partial, select(partial, Filters()))
    assert head["date_to_label"] == "2023"  # the latest period, at its precision


def test_filter_keeps_an_article_whose_period_overlaps(partial):
    def ids(lo, hi):
        return set(select(partial, Filters(date_from=pd.Timestamp(lo).date(), date_to=pd.Timestamp(hi).date())).article_ids)
    # a1 is "January 2022": a range inside January keeps it, though 2022-01-01 is outside
    assert "a1" in ids("2022-01-20", "2022-01-31")
    assert "a1" not in ids("2022-02-01", "2022-12-31")
    # a3 is "2023": any range in 2023 keeps it
    assert "a3" in ids("2023-06-01", "2023-06-30") and "a3" not in ids("2022-06-01", "2022-12-31")
