"""Untrusted text is text in every sink. An article whose outlet name, title and text carry HTML,
Markdown links and images, a Plotly template, spreadsheet formulas and a right-to-left override
(tests/app/app_hostile.py) goes through every page; every Markdown string, Plotly string, HTML
block, widget option, table cell and CSV cell that shows it must show it as text."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from app_hostile import EVIL_HOST, EVIL_ID, EVIL_SOURCE, EVIL_TITLE
from streamlit.testing.v1 import AppTest

from dashboard.app import safe
from dashboard.app.page import PAGES, page_file
from dashboard.paths import DATASET_ENV_VAR, REPO_ROOT

MARKER = "gpj"  # in every hostile string, and never escaped
RLO = "\u202e"
ISOLATES = ("\u2066", "\u2067", "\u2068")


@pytest.fixture
def hostile_app(hostile_dataset, monkeypatch):
    monkeypatch.setenv(DATASET_ENV_VAR, str(hostile_dataset))

    def run(page: str, **query: str) -> AppTest:
        at = AppTest.from_file(str(REPO_ROOT / "streamlit_app.py"), default_timeout=90)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        if page != "overview":
            at.switch_page(page_file(page))
            at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return run


def unescaped(text: str, chars: str) -> list[str]:
    """Characters of ``chars`` in Markdown ``text`` not preceded by a backslash."""
    return re.findall(r"(?<!\\)[" + re.escape(chars) + "]", text)


def markdown_strings(at: AppTest) -> list[str]:
    """Every string the page hands to a Markdown renderer."""
    out = [e.value for kind in ("caption", "markdown", "header", "subheader", "title", "error",
                                "warning", "info", "success") for e in at.get(kind)]
    out += [c for img in at.get("image") for c in img.captions]
    return out


def plotly_strings(at: AppTest):
    """(key, string) of every string in every Plotly figure of the page."""
    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                yield from walk(v, k)
        elif isinstance(node, list):
            for v in node:
                yield from walk(v, key)
        elif isinstance(node, str):
            yield key, node

    for el in at.get("plotly_chart"):
        yield from walk(json.loads(el.proto.spec))


PAGE_NAMES = [p.name for p in PAGES]


@pytest.mark.parametrize("page", PAGE_NAMES)
def test_markdown_sinks_show_hostile_names_as_text(hostile_app, page):
    at = hostile_app(page, keyword="كازاخستان") if page == "concordance" else hostile_app(page)
    for text in markdown_strings(at):
        if MARKER in text:
            assert RLO not in text
            assert not unescaped(text, "[]()<>:!$`*_"), text
            assert text.startswith("\u2068") or any(i in text for i in ISOLATES), text


def test_an_outlet_name_in_an_image_caption_is_escaped(hostile_app):
    at = hostile_app("words")
    at.session_state["words_outlets"] = True  # open the per-outlet clouds (drawn on demand)
    at.run()
    captions = [c for img in at.get("image") for c in img.captions if MARKER in c]
    assert captions, "the hostile outlet's cloud has no caption"
    for c in captions:
        assert "\\!\\[pic\\]\\(http\u2060\\:\\/\\/evil\\.example" in c and not unescaped(c, "<[]")


@pytest.mark.parametrize("page", ["overview", "timeline", "entities", "sources"])
def test_plotly_strings_are_escaped_isolated_and_no_template(hostile_app, page):
    at = hostile_app(page)
    seen = 0
    for key, text in plotly_strings(at):
        if MARKER not in text or key == "customdata":  # raw ids for selection events, never shown
            continue
        assert key not in ("hovertemplate", "texttemplate"), f"article text in a template: {text}"
        seen += 1
        assert "<a" not in text and "<img" not in text and "<b>bold" not in text, (key, text)
        assert "%{x}" not in text and "%{y}" not in text, (key, text)
        assert RLO not in text, (key, text)
        assert any(i in text for i in ISOLATES), (key, text)
        if "href" in text or "bold" in text:  # the outlet's name or the title: shown as text
            assert "&lt;a href" in text or "&lt;b&gt;" in text, (key, text)
    if page in ("timeline", "sources"):  # outlets are named in these charts
        assert seen, f"the hostile outlet is named in no chart of {page}"


def test_html_sinks_escape_the_outlet_and_the_text(hostile_app):
    at = hostile_app("overview", article=EVIL_ID)
    reader = [h.proto.body for h in at.get("html") if 'class="kz-reader"' in h.proto.body]
    assert reader and f"<a href='http://{EVIL_HOST}" not in reader[0]
    assert "&lt;a href=&#x27;http://evil.example/t&#x27;&gt;" in reader[0] and RLO not in reader[0]
    at = hostile_app("concordance", keyword="كازاخستان")
    lines = [h.proto.body for h in at.get("html") if 'class="kz-kwic"' in h.proto.body]
    assert lines and "&lt;a href=&quot;http://evil.example/a&quot;&gt;" in lines[0]
    assert '<a href="http://evil.example' not in lines[0] and "<img" not in lines[0]


def test_widget_options_and_table_cells_neutralise_bidi_overrides(hostile_app):
    at = hostile_app("overview", article=EVIL_ID)
    option = at.selectbox(key="reader_article").format_func(EVIL_ID)
    assert MARKER in option and RLO not in option and "\u2068" in option
    titles = at.dataframe[0].value
    cells = [v for col in titles.columns for v in titles[col].fillna("").astype(str) if MARKER in v]
    assert cells and all(RLO not in v for v in cells)
    sources = at.multiselect(key="f_sources")
    assert all(RLO not in sources.format_func(o) for o in sources.options)


def test_csv_cells_cannot_be_formulas_and_keep_arabic_and_the_bom(hostile_dataset):
    from dashboard.analysis.filters import Filters, select
    from dashboard.analysis.overview import article_table
    from dashboard.dataset import load_dataset

    ds = load_dataset(hostile_dataset)
    table = article_table(ds, select(ds, Filters()))
    data = safe.csv_bytes(table)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    cells = [c for row in rows for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'" + EVIL_TITLE in cells and "'" + EVIL_SOURCE in cells
    assert any("كازاخستان" in c for c in cells)  # Arabic as it is
    numbers = safe.csv_bytes(__import__("pandas").DataFrame({"n": [-3, 4], "s": ["-3", "ok"]}))
    assert numbers.decode("utf-8-sig").splitlines() == ["n,s", "-3,'-3", "4,ok"]


def test_every_download_goes_through_the_one_csv_helper():
    """The app writes CSV in one place (components.table, through safe.csv_bytes); any other
    download button is the word clouds' PNG."""
    app = REPO_ROOT / "dashboard" / "app"
    found = {str(p.relative_to(app)) for p in app.rglob("*.py")
             if "download_button(" in p.read_text(encoding="utf-8")}
    assert found == {"components.py", "pages/words.py"}
    assert "csv_bytes(df)" in (app / "components.py").read_text(encoding="utf-8")
    assert "to_csv(" not in "".join(p.read_text(encoding="utf-8") for p in app.rglob("*.py")
                                   if p.name != "safe.py")


@pytest.mark.parametrize("value, expected", [
    ("<a href='x'>%{x}</a>", "&lt;a href='x'&gt;&#37;{x}&lt;/a&gt;"),
    ("a & b", "a &amp; b"),
    (f"{RLO}gpj", "\ufffdgpj"),
    (None, ""),
])
def test_plotly_text(value, expected):
    assert safe.plotly_text(value) == expected


def test_markdown_text_is_one_isolated_line_with_every_syntax_escaped():
    out = safe.md("# t\n![i](http://h/x.png) :red[r] $x$ <b>")
    assert out.startswith("\u2068") and out.endswith("\u2069") and "\n" not in out
    assert not unescaped(out, "#![]():$<>")
    assert safe.md(None) == ""
    # GFM links bare addresses even with escaped punctuation (seen in chromium): broken up
    linked = safe.md("http://evil.example/a www.evil.example x@evil.example")
    assert not re.search(r"https?\\?:|www\\?\.|@[^\u2060]", linked), linked
