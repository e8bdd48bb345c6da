"""The running app in chromium: what only a browser can see. The Arabic layout is right to left,
clicks on a chart or a filter change what is shown, and hostile text (a <script> in an article, an
outlet named with <a href> and <img src=http://...>) is shown as text, runs nothing and fetches
nothing.

Each page in each language is loaded once, by test_browser_layout.py, which also checks there what
needs no interaction: no exception or script error, the Arabic layout right to left in its font,
the theme shares of the Sources page. Screenshots for a person to review are opt-in:
KZ_SCREENSHOTS=1 pytest -m browser (pictures in artifacts/screenshots/)."""

from __future__ import annotations

import re

import pytest
from app_hostile import EVIL_HOST, EVIL_ID
from app_server import PATIENCE_MS

pytestmark = pytest.mark.browser

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
# page url path -> what must be drawn there
PAGES = {
    "": ".js-plotly-plot, [data-testid='stDataFrame']",
    "timeline": ".js-plotly-plot",
    "entities": ".js-plotly-plot",
    "sources": ".js-plotly-plot",
    "words": "[data-testid='stImage'] img",
    "concordance": ".kz-kwic mark",
    "compare": ".js-plotly-plot",
    "collocates": "[data-testid='stDataFrame']",
    "map": ".js-plotly-plot .choroplethlayer path",
}


def wait_idle(page, timeout: int = PATIENCE_MS) -> None:
    # A rerun may not have started yet right after an action: give it a moment, then wait.
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=timeout)


def open_page(page, base: str, path: str, query: str = "") -> None:
    page.goto(f"{base}/{path}{query}")
    wait_idle(page)


def basis_text(page) -> str:
    return page.get_by_text(re.compile(r"(أساس الأرقام|Numbers based on)")).first.inner_text()


def hits_caption(page) -> str:
    """The concordance's "N hits in M articles" line."""
    return page.get_by_text(re.compile(r"(نتيجة|نتائج|نتيجتان) · ")).first.inner_text()


def test_reader_shows_script_as_text_and_never_runs_it(page, app_url):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_page(page, app_url, "", "?article=hostile")
    reader = page.locator(".kz-reader")
    reader.wait_for(timeout=30_000)
    assert "<script>alert('x')</script>" in reader.inner_text()
    assert not dialogs


def test_a_filter_changes_what_is_shown(page, app_url):
    open_page(page, app_url, "sources")
    before = basis_text(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.locator("[data-testid='stTextInput'] input").fill("أستانا")
    sidebar.locator("[data-testid='stTextInput'] input").press("Enter")
    wait_idle(page)
    page.wait_for_function(
        "before => ![...document.querySelectorAll('[data-testid=stCaptionContainer]')]"
        ".some(e => e.innerText === before)", arg=before, timeout=30_000)
    assert basis_text(page) != before
    assert "keyword=" in page.url


def test_a_click_on_a_chart_changes_what_is_shown(page, app_url):
    """Clicking an entity's bar chooses it: the concordance below follows the click."""
    open_page(page, app_url, "entities")
    page.wait_for_selector(".js-plotly-plot .bars path", timeout=30_000)
    before = hits_caption(page)
    bars = page.locator(".js-plotly-plot").first.locator(".bars path")
    box = bars.nth(1).bounding_box()  # the second most mentioned entity
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_idle(page)
    page.wait_for_function(
        "before => [...document.querySelectorAll('[data-testid=stCaptionContainer]')]"
        ".some(e => /(نتيجة|نتائج|نتيجتان) · /.test(e.innerText) && e.innerText !== before)", arg=before,
        timeout=30_000)
    assert hits_caption(page) != before


@pytest.mark.xdist_group("hostile_server")  # one worker starts the hostile server (hostile_url)
@pytest.mark.parametrize("path, ready", [
    ("words", "[data-testid='stImage'] img"),       # the outlet's name as an image caption
    ("sources", ".js-plotly-plot .ytick"),          # as Plotly tick labels and legend entries
    ("", ".kz-reader"),                              # as a table cell, in the picker, the reader
])
def test_a_hostile_outlet_name_renders_as_text_and_fetches_nothing(page, hostile_url, path, ready):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    query = f"?article={EVIL_ID}" if not path else ""
    open_page(page, hostile_url, path, query)
    page.wait_for_selector(ready, timeout=60_000)
    wait_idle(page)
    if path == "words":  # the outlets' clouds, captioned with their names, are drawn on demand
        page.locator("[data-testid='stExpander'] summary").first.click()
        page.wait_for_function("() => document.querySelectorAll(\"[data-testid='stImage'] img\").length > 1",
                               timeout=60_000)
        wait_idle(page)
    page.wait_for_timeout(500)
    assert page.locator(f"a[href*='{EVIL_HOST}']").count() == 0
    assert page.locator(f"img[src*='{EVIL_HOST}'], image[href*='{EVIL_HOST}']").count() == 0
    assert not [u for u in requests if EVIL_HOST in u]
    body = page.locator("[data-testid='stMain']").inner_text()
    if path == "":
        assert f"<a href='http://{EVIL_HOST}/t'>" in body  # the reader shows the tag as text
    else:
        # the outlet's name, tags and Markdown as written
        shown = body if path == "words" else page.locator(".js-plotly-plot").first.inner_text()
        assert "<img src=" in shown or "![pic](" in shown
