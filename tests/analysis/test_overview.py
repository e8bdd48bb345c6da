from __future__ import annotations

import datetime as dt
import time

import numpy as np

from dashboard.analysis.filters import Filters, select
from dashboard.analysis.overview import article_table, headline, highlights, resolve_overlaps


def test_headline(tiny):
    h = headline(tiny, select(tiny, Filters(sources=("الجزيرة",))))
    assert (h["articles"], h["sources"], h["events"]) == (2, 1, 1)
    assert h["entities"] == 6  # KAZ RUS TOK ALA CHN AST
    assert (h["date_from"], h["date_to"]) == (dt.date(2022, 1, 5), dt.date(2023, 3, 1))
    empty = headline(tiny, select(tiny, Filters(sources=("x",))))
    assert empty["articles"] == 0 and empty["date_from"] is None


def test_article_table_has_main_themes_newest_first(tiny):
    df = article_table(tiny, select(tiny, Filters()))
    assert df["article_id"].tolist() == ["a3", "a2", "a1", "a5", "a4"]
    row = df.set_index("article_id").loc["a3"]
    assert row["themes"] == "الاقتصاد" and row["themes_en"] == "Economy"  # security is not main
    assert article_table(tiny, select(tiny, Filters(sources=("x",)))).columns.tolist() == df.columns.tolist()


def test_highlights_are_spans_and_ids_in_text_order(tiny):
    spans, total = highlights(tiny, "a1")
    assert total == len(spans) and spans["start"].is_monotonic_increasing
    text = tiny.article_text(list(tiny.ix.article_ids).index("a1"))
    rows = {(text[s:e], k, r) for s, e, k, r in zip(spans["start"], spans["end"], spans["kind"], spans["ref"])}
    assert ("5 يناير 2022", "date", "2022-01-05") in rows
    assert ("احتجاجات", "event", "E_UNREST") in rows
    adjective = spans[spans["adjective"]]
    assert [text[s:e] for s, e in zip(adjective["start"], adjective["end"])] == ["الكازاخستانية"]
    assert all(e <= s2 for e, s2 in zip(spans["end"], spans["start"].iloc[1:]))  # disjoint
    first, n = highlights(tiny, "a1", limit=2)
    assert n == total and first.equals(spans.head(2))
    assert highlights(tiny, "nope")[1] == 0


def _old_overlap_rule(starts, ends, priority):
    """The rule as first written (quadratic): by priority, start, longer first; keep unless it
    overlaps a span kept before."""
    order = sorted(range(len(starts)), key=lambda i: (priority[i], starts[i], -(ends[i] - starts[i]), i))
    taken = []
    for i in order:
        if all(ends[i] <= starts[j] or starts[i] >= ends[j] for j in taken):
            taken.append(i)
    return sorted(taken, key=lambda i: starts[i])


def test_overlap_sweep_keeps_exactly_what_the_pairwise_rule_keeps():
    rng = np.random.default_rng(7)
    for _ in range(300):
        n = int(rng.integers(0, 40))
        starts = rng.integers(0, 60, n)
        ends = starts + rng.integers(1, 12, n)
        priority = rng.integers(0, 3, n)
        assert resolve_overlaps(starts, ends, priority).tolist() == _old_overlap_rule(starts, ends, priority)


def _pathological(n: int):
    """n entity mentions on one line, each nested in a longer one and crossed by a date and an
    event cue: the worst shape for the sweep (every span contested)."""
    base = np.arange(n, dtype=np.int64) * 10
    starts = np.concatenate([base, base + 1, base + 5, base + 3])
    ends = np.concatenate([base + 9, base + 4, base + 14, base + 12])
    priority = np.concatenate([np.zeros(2 * n, np.int64), np.ones(n, np.int64), np.full(n, 2)])
    return starts, ends, priority


def _seconds(n: int) -> float:
    """The best of five runs' CPU time: the least a busy machine's other work adds (a run of 16 ms,
    timed by the wall clock beside a browser and the test workers, once read 10x its size's share)."""
    args = _pathological(n)
    best = float("inf")
    for _ in range(5):
        t0 = time.process_time()
        resolve_overlaps(*args)
        best = min(best, time.process_time() - t0)
    return best


def test_overlap_step_grows_linearly_not_quadratically():
    """4x the mentions must cost well under 16x the time (quadratic); the bound is 8x, loose
    enough for a loaded machine. The old loop took 30 s for 16k spans and ~20 min for 258k."""
    _seconds(2_000)  # warm up
    small, large = _seconds(50_000), _seconds(200_000)
    assert large / small < 8, (small, large)
    # per group of four only the outer entity survives: the nested one, the date and the event
    # cue all overlap it
    assert resolve_overlaps(*_pathological(1000)).tolist() == list(range(1000))
