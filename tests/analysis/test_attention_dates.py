"""Attention places an article only in a period its date is precise enough for."""

from __future__ import annotations

from dashboard.analysis.attention import attention, unplaced
from dashboard.analysis.filters import Filters, select


def test_undated_articles_are_counted_apart(tiny):
    sel = select(tiny, Filters())
    assert unplaced(tiny, sel, "month") == 1  # a4 has no date
    df = attention(tiny, sel, ("الصين",))
    assert df["total"].sum() == 4 and df["matching"].sum() == 1  # a3 (a4 names China, undated)
