"""The browser's Back button after a change of a page's choice returns to the previous state,
and a copied address opens the same view in a fresh browser context."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect
from test_browser_app import IDLE, wait_idle

pytestmark = pytest.mark.browser


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query, keep_blank_values=True)


def search_box(page, label: str):
    return page.get_by_label(label, exact=True)


def test_back_returns_to_the_previous_compare_state(page, app_url):
    page.goto(f"{app_url}/compare?lang=en")
    wait_idle(page)
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    box = search_box(page, "Search 2")
    # the box may be drawn before its value on a busy machine: wait for the value, then act
    expect(box).to_have_value("الصين", timeout=60_000)
    box.fill("بوتين")
    box.press("Enter")
    page.wait_for_function("() => location.search.includes('q2=')", timeout=60_000)
    wait_idle(page)
    assert query(page)["q2"] == ["بوتين"]
    page.go_back()
    page.wait_for_function("() => !location.search.includes('q2=')", timeout=60_000)
    wait_idle(page)
    page.wait_for_timeout(500)
    wait_idle(page)
    expect(search_box(page, "Search 2")).to_have_value("الصين", timeout=60_000)
    assert "q2" not in query(page)  # the app did not write the later state back


def test_a_copied_address_opens_the_same_concordance(page, app_url, browser):
    page.goto(f"{app_url}/concordance?lang=en&q=كازاخستان&qsort=right")
    wait_idle(page)
    page.wait_for_selector(".kz-kwic mark", timeout=60_000)
    first = page.locator(".kz-kwic td.after").first.inner_text()
    address = page.url
    fresh = browser.new_context(viewport={"width": 1400, "height": 1600})
    other = fresh.new_page()
    other.goto(address)
    other.wait_for_selector(IDLE, timeout=60_000)
    other.wait_for_selector(".kz-kwic mark", timeout=60_000)
    assert other.locator(".kz-kwic td.after").first.inner_text() == first
    assert re.search(r"q=", other.url)
    fresh.close()
