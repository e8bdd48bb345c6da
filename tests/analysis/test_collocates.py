"""Collocates on the tiny dataset, scores computed by hand (tests/analysis/analysis_tiny_dataset.py).

روسيا is matched three times (a1, a2, a4). With two tokens each side, inside the sentence:
a1 "وقال توكاييف إن [روسيا] سترسل قوات"  -> توكاييف (إن is a stopword), سترسل, قوات
a2 "قدمت [روسيا] الدعم لكازاخستان."        -> قدمت, دعم, كازاخستان
a4 "تراقب الصين و[روسيا]."                 -> تراقب, صين (the و glued to روسيا is no token of the window)
So R1 = 8 window terms. The tiny corpus has N = 51 term tokens (16 + 8 + 12 + 11 + 4 by article).
"""

from __future__ import annotations

from math import log

import pytest

from dashboard.analysis.collocates import collocate_lines, collocates, log_likelihood
from dashboard.analysis.filters import Filters, select


def g2(o11, r1, c1, n):
    """Written out cell by cell, independently of the vectorised code."""
    cells = [(o11, r1 * c1 / n), (r1 - o11, r1 * (n - c1) / n), (c1 - o11, (n - r1) * c1 / n),
             (n - r1 - c1 + o11, (n - r1) * (n - c1) / n)]
    return 2 * sum(o * log(o / e) for o, e in cells if o > 0)


def test_log_likelihood_textbook_table():
    # O = 10, 90, 10, 890 against E = 2, 98, 18, 882
    expected = 2 * (10 * log(5) + 90 * log(90 / 98) + 10 * log(10 / 18) + 890 * log(890 / 882))
    assert log_likelihood(10, 100, 20, 1000) == pytest.approx(expected)
    assert expected == pytest.approx(21.18, abs=0.01)


def test_collocates_of_russia_by_hand(tiny):
    sel = select(tiny, Filters())
    assert int(tiny.terms["count"].sum()) == 51  # the N of the docstring, counted by hand
    df = collocates(tiny, sel, "روسيا", window=2, min_count=1).set_index("term")
    assert set(df.index) == {"توكاييف", "سترسل", "قوات", "قدمت", "دعم", "كازاخستان", "تراقب", "صين"}
    assert (df["together"] == 1).all()
    totals = {"توكاييف": 2, "سترسل": 1, "قوات": 1, "قدمت": 1, "دعم": 1, "كازاخستان": 4, "تراقب": 1, "صين": 3}
    for term, c1 in totals.items():
        assert df.at[term, "term_total"] == c1
        assert df.at[term, "expected"] == pytest.approx(8 * c1 / 51)
        assert df.at[term, "g2"] == pytest.approx(g2(1, 8, c1, 51))
    # hand value for توكاييف: O = 1, 7, 1, 42; E = 16/51, 392/51, 86/51, 2107/51
    assert df.at["توكاييف", "g2"] == pytest.approx(
        2 * (log(51 / 16) + 7 * log(7 * 51 / 392) + log(51 / 86) + 42 * log(42 * 51 / 2107)))
    # the rarer the word elsewhere, the stronger the tie: ranked by G2
    assert list(df.index[:5]) == sorted(["سترسل", "قوات", "قدمت", "دعم", "تراقب"])
    assert df.index[-1] == "كازاخستان"


def test_per_outlet_and_minimum_count(tiny):
    sel = select(tiny, Filters())
    rt = collocates(tiny, sel, "روسيا", window=2, min_count=1, by_source=True)
    rt = rt[rt["source"] == "RT"].set_index("term")
    # RT: a2 and a5, N = 8 + 4 = 12; window terms of a2 only: R1 = 3
    assert set(rt.index) == {"قدمت", "دعم", "كازاخستان"}
    assert rt.at["كازاخستان", "g2"] == pytest.approx(g2(1, 3, 1, 12))
    assert collocates(tiny, sel, "روسيا", window=2).empty  # default minimum: 3 times together


def test_click_through_lists_the_lines_with_the_collocate(tiny):
    sel = select(tiny, Filters())
    lines = collocate_lines(tiny, sel, "روسيا", "كازاخستان", window=2)
    assert lines["article_id"].tolist() == ["a2"]
    assert collocate_lines(tiny, sel, "روسيا", "قوات", window=1).empty  # قوات is 2 tokens away
