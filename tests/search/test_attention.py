"""Attention over time and compare, on the twelve seed sentences (tests/search/conftest.py), with
counts read off the sentences by hand: outlet A has s01 s02 s05 s07 s09 s11, outlet B s03 s04
s06 s08 s10 s12; January 2022 holds s01-s03, February s04-s06, March s07-s12."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.analysis.attention import (
    attention,
    distinctive_words,
    period_articles,
    share_by_source,
)
from dashboard.analysis.filters import Filters, select


def rows(df):
    return [(r.query, r.source, str(r.period.date()), r.matching, r.total) for r in df.itertuples()]


def test_monthly_counts_and_shares(sentences):
    df = attention(sentences, select(sentences, Filters()), ("روسيا", '"الولايات المتحدة" OR أمريكا'))
    assert rows(df) == [
        ("روسيا", "", "2022-01-01", 3, 3), ("روسيا", "", "2022-02-01", 1, 3), ("روسيا", "", "2022-03-01", 0, 6),
        ('"الولايات المتحدة" OR أمريكا', "", "2022-01-01", 0, 3),
        ('"الولايات المتحدة" OR أمريكا', "", "2022-02-01", 2, 3),   # s04 أمريكا, s05
        ('"الولايات المتحدة" OR أمريكا', "", "2022-03-01", 2, 6),   # s07, s09 (أميركا)
    ]
    assert df["share"].tolist() == pytest.approx([1, 1 / 3, 0, 0, 2 / 3, 2 / 6])


def test_weekly_per_outlet(sentences):
    df = attention(sentences, select(sentences, Filters()), ("روسيا",), "week", by_source=True)
    # s01 (Mon 3 Jan) and s02 (Tue 4 Jan) share the week of 3 January; s04 (1 Feb) is in the week
    # of Monday 31 January
    assert ("روسيا", "A", "2022-01-03", 2, 2) in rows(df)
    assert ("روسيا", "B", "2022-01-31", 1, 1) in rows(df)
    assert df["matching"].sum() == 4 and df["total"].sum() == 12


def test_the_denominator_is_the_selection(sentences):
    sel = select(sentences, Filters(sources=("B",)))
    df = attention(sentences, sel, ("روسيا",))
    assert rows(df) == [("روسيا", "", "2022-01-01", 1, 1), ("روسيا", "", "2022-02-01", 1, 2),
                        ("روسيا", "", "2022-03-01", 0, 3)]  # B: s03 | s04 s06 | s08 s10 s12


def test_share_per_outlet(sentences):
    df = share_by_source(sentences, select(sentences, Filters()), ("روسيا", "entity:cn"))
    got = {(r.query, r.source): (r.matching, r.total) for r in df.itertuples()}
    assert got == {("روسيا", "A"): (2, 6), ("روسيا", "B"): (2, 6),
                   ("entity:cn", "A"): (1, 6), ("entity:cn", "B"): (2, 6)}  # s02; s03, s10


def test_clicked_period_lists_its_articles_with_urls(sentences):
    df = period_articles(sentences, select(sentences, Filters()), "روسيا", "month", pd.Timestamp("2022-01-01"))
    assert df["article_id"].tolist() == ["s03", "s02", "s01"]  # newest first
    assert df["url"].tolist() == [f"https://example.org/{a}" for a in ("s03", "s02", "s01")]
    one = period_articles(sentences, select(sentences, Filters()), "روسيا", "month", "2022-01-01", source="B")
    assert one["article_id"].tolist() == ["s03"]


def test_distinctive_words_of_each_querys_sentences(sentences):
    df = distinctive_words(sentences, select(sentences, Filters()), ("روسيا", '"الولايات المتحدة"'), top_n=50)
    russia = set(df.loc[df["query"] == "روسيا", "term"])
    usa = set(df.loc[df["query"] == '"الولايات المتحدة"', "term"])
    assert "كازاخستان" in russia                # in all four Russia sentences, no US one
    assert {"المحاكم", "الدعم"} & usa            # s05, s07
    assert "روسيا" not in russia and "الولايات" not in usa  # the matched words are left out
    assert not russia & usa
