"""components.readable: what a table shows of a frame."""

from __future__ import annotations

import pandas as pd

from dashboard.app.components import readable, with_safe_urls
from dashboard.app.i18n import column_label


def test_a_link_column_without_any_address_is_left_out():
    # the seeds have no URL: a column of grey "None" would tell a reader nothing
    df = with_safe_urls(pd.DataFrame({"title": ["أ", "ب"], "url": [None, "javascript:alert(1)"]}))
    shown, _ = readable(df, "en")
    assert list(shown.columns) == [column_label("title", "en")]


def test_a_link_column_with_one_address_is_kept():
    df = with_safe_urls(pd.DataFrame({"title": ["أ", "ب"], "url": [None, "https://example.org/a"]}))
    shown, _ = readable(df, "ar")
    assert column_label("url", "ar") in shown.columns
