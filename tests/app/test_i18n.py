"""Language-aware formatting: CLDR plural categories (via Babel) with our word forms, numbers,
percentages, column headers and Plotly's locale."""

from __future__ import annotations

import pytest

from dashboard.app.i18n import (
    COLUMNS,
    PLURALS,
    column_label,
    number,
    parse_count,
    percent,
    plotly_config,
    plotly_separators,
    plural,
)


@pytest.mark.parametrize(("n", "expected"), [
    (1, "مقالة واحدة"), (2, "مقالتان"), (3, "3 مقالات"), (10, "10 مقالات"), (11, "11 مقالة"),
    (99, "99 مقالة"), (100, "100 مقالة"), (103, "103 مقالات"), (1234, "1,234 مقالة")])
def test_arabic_article_counts_follow_cldr(n, expected):
    assert plural(n, "article", "ar") == expected


@pytest.mark.parametrize(("n", "expected"), [
    (1, "حدث واحد"), (2, "حدثان"), (3, "3 أحداث"), (11, "11 حدثًا"), (100, "100 حدث")])
def test_arabic_masculine_counts_take_the_accusative_from_eleven(n, expected):
    assert plural(n, "event", "ar") == expected


@pytest.mark.parametrize(("n", "expected"), [(0, "0 articles"), (1, "1 article"), (2, "2 articles"),
                                             (1000, "1,000 articles")])
def test_english_counts(n, expected):
    assert plural(n, "article", "en") == expected


def test_every_word_has_every_arabic_category_and_reads_back():
    for word, forms in PLURALS.items():
        assert set(forms["ar"]) == {"zero", "one", "two", "few", "many", "other"}, word
        assert set(forms["en"]) == {"one", "other"}, word
        for lang in ("ar", "en"):
            for n in (0, 1, 2, 3, 11, 100, 102, 1234):
                assert parse_count(plural(n, word, lang), word, lang) == n, (word, lang, n)


def test_numbers_and_percentages():
    assert number(1234567, "ar") == "1,234,567" and number(1234567, "en") == "1,234,567"
    assert number(2.346, "en", 2) == "2.35"
    assert percent(0.1648, "ar") == "16.5%" and percent(0.1648, "en", 0) == "16%"


def test_raw_column_names_have_headers_in_both_languages():
    for raw in ("share", "log_odds", "count_rest", "per_1000_words", "name_en", "theme_id",
                "entity_id", "count_source", "z", "weight"):
        for lang in ("ar", "en"):
            assert column_label(raw, lang) != raw
            assert "_" not in column_label(raw, lang)
    assert all(set(v) == {"ar", "en"} for v in COLUMNS.values())


def test_plotly_speaks_arabic_without_a_locale_script():
    config = plotly_config("ar")
    locale = config["locales"]["ar"]
    assert config["locale"] == "ar"
    assert locale["format"]["months"][0] == "يناير" and len(locale["format"]["shortDays"]) == 7
    assert locale["format"]["days"][0] == "الأحد"  # d3 weeks start on Sunday
    assert locale["dictionary"]["Zoom in"] == "تكبير"
    assert plotly_config("en")["locales"]["en"]["dictionary"] == {}
    assert plotly_separators("ar") == ".," and plotly_separators("en") == ".,"


def test_every_interface_string_is_used():
    """No dead keys: each key of STRINGS is named in the app's code, literally or through one of
    the prefixes the code builds keys from (page titles, entity types, reader marks)."""
    from dashboard.app.i18n import STRINGS
    from dashboard.paths import REPO_ROOT

    files = [p for p in (REPO_ROOT / "dashboard" / "app").rglob("*.py") if p.name != "i18n.py"]
    code = "".join(p.read_text(encoding="utf-8") for p in files + [REPO_ROOT / "streamlit_app.py"])
    built = ("page_", "type_", "mark_", "bp_kind_", "bp_status_")
    unused = [k for k in STRINGS
              if f'"{k}"' not in code and f"'{k}'" not in code and not k.startswith(built)]
    assert not unused, unused
