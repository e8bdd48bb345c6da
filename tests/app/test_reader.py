"""The reader's HTML (dashboard/app/reader.py) on the tiny hand-written dataset: text escaped,
highlights named in the interface language, nothing lost, and the cap on marks."""

from __future__ import annotations

import html
import re

import pytest
from analysis_tiny_dataset import write_dataset

from dashboard.app.reader import reader_html
from dashboard.dataset import load_dataset


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return load_dataset(write_dataset(tmp_path_factory.mktemp("tiny_reader")))


def test_reader_escapes_and_marks(tiny):
    out = reader_html(tiny, "a3", "ar").html
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert '<mark class="ent" title="أستانا (مدينة)">أستانا</mark>' in out
    assert "(city)" not in out
    assert out.count("<p>") == 2  # the blank line splits paragraphs


def test_reader_marks_dates_and_events_in_the_interface_language(tiny):
    out = reader_html(tiny, "a1", "en").html
    assert '<mark class="date" title="2022-01-05">5 يناير 2022</mark>' in out
    assert '<mark class="event" title="January 2022 unrest">احتجاجات</mark>' in out
    assert 'title="Kazakhstan (Country) — adjective">الكازاخستانية</mark>' in out
    # stripping the tags gives back the text exactly, nothing lost or doubled
    text = tiny.article_text(list(tiny.ix.article_ids).index("a1"))
    plain = html.unescape(re.sub(r"<[^>]+>", "", out.replace("</p><p>", "\n")))
    assert plain == text


def test_reader_unknown_article(tiny):
    view = reader_html(tiny, "nope", "ar")
    assert (view.html, view.marks, view.total) == ("", 0, 0)


def test_reader_caps_the_marks_and_says_how_many_there_are(tiny):
    full = reader_html(tiny, "a1", "ar")
    capped = reader_html(tiny, "a1", "ar", max_marks=2)
    assert full.total == capped.total == full.marks > 2
    assert capped.marks == 2 and capped.html.count("<mark") == 2
    assert html.unescape(re.sub(r"<[^>]+>", "", capped.html)) == html.unescape(re.sub(r"<[^>]+>", "", full.html))
