"""Publication dates: each accepted format, its precision, and refusals that never invent parts."""

from __future__ import annotations

import pytest

from dashboard.ingest.pubdate import coarsen, parse_published


@pytest.mark.parametrize("value, expected", [
    ("2022-10-27", ("2022-10-27", "day")),
    ("2022-10", ("2022-10-01", "month")),
    ("2022", ("2022-01-01", "year")),
    ("2022-10-27T23:30:00+03:00", ("2022-10-27", "day")),
    ("2022/10/27", ("2022-10-27", "day")),
    # ANT <TIME> values (both zone styles occur); the date is kept as written, not moved to UTC.
    ("Mon, 26 Feb 2018 02:20:10 GMT", ("2018-02-26", "day")),
    ("Sun, 15 Jul 2018 21:56:56 +0400", ("2018-07-15", "day")),
    ("Sun, 12 Aug 2018 13:15:44 GMT", ("2018-08-12", "day")),
    ("27/10/2022", ("2022-10-27", "day")),
    ("27-10-2022", ("2022-10-27", "day")),
    ("27.10.2022", ("2022-10-27", "day")),
    ("10/27/2022", ("2022-10-27", "day")),  # only month-first reading is possible
    ("10/2022", ("2022-10-01", "month")),
    ("October 27, 2022", ("2022-10-27", "day")),
    ("27th October 2022", ("2022-10-27", "day")),
    ("Oct 2022", ("2022-10-01", "month")),
    ("27 أكتوبر 2022", ("2022-10-27", "day")),
    ("10 يناير/ كانون الثاني 2021", ("2021-01-10", "day")),
    ("كانون الأول 2020", ("2020-12-01", "month")),
    ("٢٧/١٠/٢٠٢٢", ("2022-10-27", "day")),
])
def test_accepted_formats(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", [
    "next tuesday", "today", "اليوم", "27/10", "October 27", "2022-13-01", "31/02/2022", "1400",
    "9.2", "", "   ", None, "0001-01-01", "Oct Nov 2022",
])
def test_refused_values_give_no_date(value):
    assert parse_published(value) == (None, "unknown")


def test_coarsen_gives_first_day_of_the_period():
    assert coarsen("2022-10-27", "month") == "2022-10-01"
    assert coarsen("2022-10-27", "year") == "2022-01-01"
    assert coarsen("2022-10-27", "day") == "2022-10-27"
