"""A discovered event, reviewed and promoted with the command --review prints, is the catalogue's
after the rebuild: its links carry the new catalogue id and no provisional id is left."""

from __future__ import annotations

import io
import shlex
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.catalogue import main as catalogue_main
from dashboard.catalogues import load_catalogues
from dashboard.paths import CATALOGUE_DIR
from dashboard.pipeline.run import build
from dashboard.quality.review import discovered_events, promotion_command, read_tables, report_review

pytestmark = pytest.mark.slow

ARTICLES = {  # the Kemerovo shopping-centre fire of 25 March 2018 (ANT-like dispatches)
    "a.txt": """title: حريق في مركز تجاري بروسيا
source: سكاي نيوز
date: 2018-03-25
---
لقي 37 شخصا مصرعهم في حريق اندلع الأحد بمركز تجاري في مدينة كيميروفو الصناعية في سيبيريا الغربية في روسيا، كما أفادت وكالات الأنباء.
وأعلنت وزارة الطوارئ أن فرق الإطفاء تواصل البحث عن مفقودين تحت الأنقاض.
وقال مسؤول محلي إن الحريق اندلع في الطابق العلوي حيث توجد صالة سينما.
""",
    "b.txt": """title: روسيا تحقق في الحريق
source: فرانس 24
date: 2018-03-26
---
فتحت السلطات الروسية تحقيقا في حريق وقع يوم 25 آذار/مارس 2018 بمركز تجاري في كيميروفو في روسيا وأودى بحياة العشرات.
وقالت لجنة التحقيق إن الحريق امتد بسرعة بسبب مخالفات لقواعد السلامة.
""",
}


def links(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "event_mentions.parquet").sort_values(["article_id", "sentence_id"])


def test_a_promoted_discovered_event_takes_its_catalogue_id(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    for name, text in ARTICLES.items():
        (texts / name).write_text(text, "utf-8")
    catalogue = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE_DIR, catalogue)
    out = tmp_path / "out"
    build([texts], out, catalogue, workers=1)

    before = links(out)
    new = before[before["event_id"].str.startswith("new:")]
    assert set(new["event_id"]) == {"new:blast:ru:2018-03"}
    assert new["article_id"].nunique() == 2 and len(new) >= 4
    found = discovered_events(read_tables(out))
    row = next(found.itertuples(index=False))
    assert (row.event_id, row.n_articles) == ("new:blast:ru:2018-03", 2)
    assert (row.date_start, row.date_end) == ("2018-03-25", "2018-03-25")
    # the review lists it with the command that promotes it
    rules = load_catalogues(catalogue).discovered_events
    printed = io.StringIO()
    report_review(out, printed, rules=rules)
    command = promotion_command(row, rules)
    assert command in printed.getvalue()

    argv = shlex.split(command)
    assert argv[:4] == ["python", "-m", "dashboard.catalogue", "add-event"]
    assert catalogue_main(["--catalogue-dir", str(catalogue), *argv[3:]]) == 0
    build([texts], out, catalogue, workers=1)

    after = links(out)
    assert not after["event_id"].str.startswith("new:").any()
    promoted = after[after["event_id"] == "ru_blast_2018_03"]
    # every sentence the discovered event was linked to is the catalogue event's now
    assert set(zip(new["article_id"], new["sentence_id"])) <= set(zip(promoted["article_id"], promoted["sentence_id"]))
    events = pd.read_parquet(out / "events.parquet").set_index("event_id")
    assert events.loc["ru_blast_2018_03", "date_start"] == "2018-03-25"
    assert not events.index.str.startswith("new:").any()
