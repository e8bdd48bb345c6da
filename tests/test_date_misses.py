"""python -m dashboard.quality.date_misses: date words no date span covers, counted by pattern."""

from __future__ import annotations

import pandas as pd

from dashboard.paths import DEFAULT_DATASET_DIR
from dashboard.quality.date_misses import DateWordFinder, main, tally

TEXT = "زار موسكو في يناير 2020 وفي شباط، وقتل 2000 شخص في الصيف الماضي. وقال في 27/10 إن 2.5 مليون"


def test_counts_what_no_span_covers_by_class_and_pattern(catalogues):
    start = TEXT.index("يناير 2020")
    articles = pd.DataFrame({"article_id": ["a"], "text": [TEXT]})
    mentions = pd.DataFrame({"article_id": ["a"], "char_start": [start], "char_end": [start + len("يناير 2020")]})
    t = tally(articles, mentions, DateWordFinder(catalogues.date_words))
    assert t.found["month_western"] == 1 and t.uncovered["month_western"] == 0  # يناير, covered
    assert t.found["month_syriac"] == 1 and t.uncovered["month_syriac"] == 1    # شباط
    assert t.found["year"] == 2 and t.uncovered["year"] == 1                     # 2020 covered, 2000 not
    assert t.uncovered["season"] == 1 and t.uncovered["day_month_number"] == 1   # 27/10; 2.5 is no date
    assert t.patterns["year"] == {"وقتل YEAR شخص": 1}
    assert t.patterns["season"] == {"في SEASON الماضي": 1}
    assert "شباط" in t.examples["month_syriac", "وفي MONTH_SYRIAC ،"][0]


def test_cli_reads_a_dataset_and_says_what_is_wrong_with_a_bad_folder(tmp_path, capsys):
    assert main(["--data", str(DEFAULT_DATASET_DIR), "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["class", "found", "uncovered"]
    assert main(["--data", str(tmp_path)]) == 2
    assert f"{tmp_path} is no readable dataset" in capsys.readouterr().err
