"""AppTest: every page's tables speak the interface language — no raw column name, no internal
id beside a name, shares as percentages — in Arabic and English."""

from __future__ import annotations

import pytest
from test_app_pages import PAGES, run_page

from dashboard.app.i18n import COLUMNS

RAW = {name for name in COLUMNS} | {"share", "log_odds", "count_rest", "per_1000_words"}


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_no_raw_column_names_or_ids_in_any_table(make_app, name, lang):
    query = {"lang": lang} if lang == "en" else {}
    at = make_app(**query)
    if name == "concordance":
        at.query_params["keyword"] = "كازاخستان"
    run_page(at, name)
    if name == "concordance" and not at.dataframe:
        at.text_input(key="kwic_query").input("كازاخستان").run()
    for frame in at.dataframe:
        headers = [str(c) for c in frame.value.columns]
        raw = [h for h in headers if h in RAW and COLUMNS.get(h, {}).get(lang) != h]
        assert not raw, (name, lang, headers)
        assert not [h for h in headers if "_" in h], (name, lang, headers)


def test_shares_are_percentages(make_app):
    at = run_page(make_app(), "sources")
    share = [f for f in at.dataframe if "الحصة" in f.value.columns]
    assert share
    values = share[0].value["الحصة"]
    assert values.max() > 1 and values.max() <= 100  # 16.5, not 0.165
