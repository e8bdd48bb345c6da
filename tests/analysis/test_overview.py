from __future__ import annotations

import datetime as dt
import re

from dashboard.analysis.filters import Filters, select
from dashboard.analysis.overview import article_table, headline, reader_html


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


def test_reader_escapes_and_marks(tiny):
    out = reader_html(tiny, "a3")
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert '<mark class="ent" title="أستانا (city)">أستانا</mark>' in out
    assert out.count("<p>") == 2  # the blank line splits paragraphs


def test_reader_marks_dates_and_events_with_language(tiny):
    out = reader_html(tiny, "a1", lang="en")
    assert '<mark class="date" title="2022-01-05">5 يناير 2022</mark>' in out
    assert '<mark class="event" title="January 2022 unrest">احتجاجات</mark>' in out
    assert 'title="Kazakhstan (country) — adjective">الكازاخستانية</mark>' in out
    # stripping the tags gives back the text exactly (escaped), nothing lost or doubled
    text = tiny.article_text(list(tiny.ix.article_ids).index("a1"))
    plain = re.sub(r"<[^>]+>", "", out.replace("</p><p>", "\n"))
    assert plain == text


def test_reader_unknown_article(tiny):
    assert reader_html(tiny, "nope") == ""


def test_reader_names_entity_types_as_told(tiny):
    out = reader_html(tiny, "a3", lang="ar", type_names={"city": "مدينة"})
    assert '<mark class="ent" title="أستانا (مدينة)">أستانا</mark>' in out
    assert "(city)" not in out
