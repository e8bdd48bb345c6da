"""Filters: each filter narrows to the articles known by hand; the URL form survives junk."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.analysis.filters import Filters, select


@pytest.mark.parametrize("filters, expected", [
    (Filters(), ("a1", "a2", "a3", "a4", "a5")),
    (Filters(sources=("RT",)), ("a2", "a5")),
    (Filters(themes=("security",)), ("a1", "a2")),  # a3's security theme is not main
    (Filters(date_from=date(2022, 1, 6)), ("a2", "a3")),  # the undated a4 drops out
    (Filters(date_to=date(2022, 1, 5)), ("a1", "a5")),
    (Filters(entities=("KAZ", "RUS")), ("a1", "a2")),  # every chosen entity
    (Filters(entities=("NOPE",)), ()),
    (Filters(events=("E_UNREST",)), ("a1", "a2")),
    (Filters(keyword="كازاخستان"), ("a1", "a2", "a3")),  # لكازاخستان in a2 counts
    (Filters(keyword="كازاخستان", keyword_derived=True), ("a1", "a2", "a3", "a5")),
    (Filters(keyword="لكازاخستان"), ("a1", "a2", "a3")),  # a clitic typed by the user is peeled
    (Filters(keyword="الولايات المتحدة"), ("a4",)),
    (Filters(keyword='"المتحدة الولايات"'), ()),  # a quoted phrase is a phrase, in its order
    (Filters(keyword="المتحدة الولايات"), ("a4",)),  # unquoted words are ANDed (search language)
    (Filters(keyword="روسيا OR الصين"), ("a1", "a2", "a3", "a4")),
    (Filters(keyword="روسيا NOT بوتين"), ("a1", "a4")),
    (Filters(keyword="روسيا OR"), ()),  # malformed: nothing kept, nothing raised
    (Filters(sources=("RT",), keyword="روسيا"), ("a2",)),
])
def test_selection(tiny, filters, expected):
    sel = select(tiny, filters)
    assert sel.article_ids == expected
    assert sel.n_articles == len(expected)


def test_sentence_count_follows_articles(tiny):
    sel = select(tiny, Filters(sources=("RT",)))
    assert sel.n_sentences == int(tiny.articles.set_index("article_id").loc[["a2", "a5"], "n_sentences"].sum())
    assert select(tiny, Filters(sources=("none",))).n_sentences == 0


def test_params_round_trip():
    f = Filters(sources=("RT", "الجزيرة"), themes=("security",), date_from=date(2022, 1, 1),
                date_to=date(2022, 12, 31), entities=("KAZ", "RUS"), events=("E_UNREST",),
                keyword="كازاخستان", keyword_derived=True)
    assert Filters.from_params(f.to_params()) == f
    assert Filters().to_params() == {}


@pytest.mark.parametrize("params", [
    {"date_from": "yesterday", "date_to": "2022-13-45"},
    {"keyword_derived": "maybe", "sources": ",,,"},
    {"unknown": "x"},
    {"sources": ["RT"], "date_from": None},
    {},
])
def test_from_params_never_raises(params):
    f = Filters.from_params(params)
    assert f.date_from is None and f.date_to is None and not f.keyword_derived


def test_from_params_orders_swapped_dates_and_lists():
    f = Filters.from_params({"date_from": "2023-01-01", "date_to": "2022-01-01", "sources": "RT,Al,RT"})
    assert (f.date_from, f.date_to) == (date(2022, 1, 1), date(2023, 1, 1))
    assert f.sources == ("Al", "RT")
