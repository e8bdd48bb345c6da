from __future__ import annotations

from dashboard.analysis.filters import Filters, select
from dashboard.analysis.words import term_frequencies


def test_term_frequencies_merge_clitic_forms(tiny):
    df = term_frequencies(tiny, select(tiny, Filters()), top_n=3)
    assert df.iloc[0].tolist() == ["كازاخستان", 4, 3]  # لكازاخستان counted here
    assert len(df) == 3 and df["count"].is_monotonic_decreasing


def test_term_frequencies_per_source_and_empty(tiny):
    sel = select(tiny, Filters())
    rt = term_frequencies(tiny, sel, source="RT")
    assert "صين" not in set(rt["term"]) and "دعم" in set(rt["term"])
    assert term_frequencies(tiny, sel, source="nowhere").empty
    assert list(term_frequencies(tiny, select(tiny, Filters(sources=("x",)))).columns) == ["term", "count", "articles"]
