"""Every page on a phone (390x844) and a desktop (1440x900), in Arabic and English, in Debian's
chromium (one load per page and language, widened from phone to desktop): the page renders with
no Streamlit exception and no script error, no sideways scrolling of the page, the sidebar closed
on arrival on the phone, Arabic tables opened at their right edge (their first column showing), no
raw column name in a visible table header; on the same loads, the Arabic overview right to left
in its font and the Sources page's theme shares reaching 100 % with "no theme" drawn. The HTML
briefing works with no network. (Arabic plural forms are server text: tests/app/test_app_plurals.py.)
With KZ_SCREENSHOTS=1, a screenshot of each page at each size and language (the viewport and the
whole page) goes to artifacts/screenshots/layout-*.png for a person to review."""

from __future__ import annotations

import re

import pytest
from app_server import PATIENCE_MS, SCREENSHOTS, SCREENSHOTS_WANTED
from test_browser_app import IDLE, PAGES

from dashboard.app.i18n import COLUMNS

pytestmark = pytest.mark.browser

SIZES = {"phone": (390, 844), "desktop": (1440, 900)}
RAW_HEADERS = {name for name, labels in COLUMNS.items() if name not in labels.values()}

# Elements wider than the viewport that are not inside a box that scrolls or clips them.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX)
          && !p.matches('[data-testid=stMain], [data-testid=stAppViewContainer], .stApp')) return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.querySelectorAll('[data-testid=stMain] *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if ((r.right > width + 1 || r.left < -1) && !clipped(el)) {
      out.push(`${el.tagName}.${el.className && el.className.baseVal === undefined ? el.className : ''}`
               + ` [${Math.round(r.left)}, ${Math.round(r.right)}]`);
    }
  }
  return {page: document.documentElement.scrollWidth - width, offenders: out.slice(0, 5)};
}"""

GRIDS_JS = """() => Array.from(document.querySelectorAll('[data-testid=stDataFrame]'))
  .filter((g) => g.offsetParent !== null)
  .map((g) => {
    const s = g.querySelector('.dvn-scroller');
    return {scrollLeft: s ? s.scrollLeft : 0, scrollWidth: s ? s.scrollWidth : 0,
            clientWidth: s ? s.clientWidth : 0,
            headers: Array.from(g.querySelectorAll('th, [role=columnheader]')).map((h) => h.textContent.trim())};
  })"""


def check_right_to_left(page) -> None:
    """The Arabic page's heading is laid out right to left, in the Arabic font."""
    # The RTL rules arrive with the script's style element, which can land after the heading:
    # wait for the computed direction rather than reading it once (fails after 15 s if never RTL).
    page.wait_for_function(
        "() => { const h = document.querySelector('h1'); return h && getComputedStyle(h).direction === 'rtl'; }",
        timeout=15_000)
    direction = page.locator("h1").first.evaluate("el => getComputedStyle(el).direction")
    assert direction == "rtl"
    font = page.locator("h1").first.evaluate("el => getComputedStyle(el).fontFamily")
    assert "Noto Sans Arabic" in font


def check_theme_shares(page, lang: str) -> None:
    """Sources: each outlet's theme shares reach 100 %, "no theme" drawn as a share of its own."""
    # The stacked theme-share chart as the browser holds it: per outlet, its bars' widths.
    traces = page.evaluate("""() => {
        const plots = [...document.querySelectorAll('.js-plotly-plot')];
        const stacked = plots.find(p => p.layout && p.layout.barmode === 'stack');
        return stacked ? stacked.data.map(d => ({name: d.name, x: d.x})) : null;
    }""")
    assert traces, "no stacked theme-share chart on the Sources page"
    totals = [sum(v or 0 for v in col) for col in zip(*[tr["x"] for tr in traces])]
    assert totals and all(abs(total - 1) < 1e-6 for total in totals), totals
    no_theme = "No theme" if lang == "en" else "بلا موضوع"
    assert any(no_theme in tr["name"] for tr in traces)


def open_view(page, base: str, path: str, lang: str, extra: str = "") -> None:
    query = []
    if path == "concordance":
        query.append("keyword=كازاخستان")
    if lang == "en":
        query.append("lang=en")
    if extra:
        query.append(extra)
    page.goto(f"{base}/{path}" + ("?" + "&".join(query) if query else ""))
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=PATIENCE_MS)


def check_fits(page, path: str, size: str, lang: str) -> None:
    """What a first look at this view at this size shows: no exception or sideways scrolling, the
    sidebar closed on a phone, no raw column name in a table header, Arabic tables at their right
    edge; the Arabic overview right to left, the Sources theme shares (desktop)."""
    assert page.locator("[data-testid='stException']").count() == 0
    if lang == "ar" and path == "":
        check_right_to_left(page)
    if path == "sources" and size == "desktop":
        check_theme_shares(page, lang)
    sidebar = page.locator("[data-testid='stSidebar']")
    assert sidebar.get_attribute("data-collapsed") == ("true" if size == "phone" else "false")
    overflow = page.evaluate(OVERFLOW_JS)
    assert overflow["page"] <= 0 and not overflow["offenders"], (size, overflow)
    grids = page.evaluate(GRIDS_JS)
    for _ in range(10):  # the grid script runs on a change and every 0.5 s: give it a moment
        if lang != "ar" or all(g["scrollLeft"] + g["clientWidth"] >= g["scrollWidth"] - 2 for g in grids):
            break
        page.wait_for_timeout(300)
        grids = page.evaluate(GRIDS_JS)
    for grid in grids:
        assert not set(grid["headers"]) & RAW_HEADERS, grid["headers"]
        assert not [h for h in grid["headers"] if "_" in h], grid["headers"]
        if lang == "ar" and grid["scrollWidth"] > grid["clientWidth"] + 1:
            # the first column is on the right: the grid must show its right edge
            assert grid["scrollLeft"] + grid["clientWidth"] >= grid["scrollWidth"] - 2, (size, grid)


# Every chart drawn (Plotly has put its SVG in each chart's box).
DRAWN_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].every((p) => p.querySelector('.main-svg'))"""

# Laid out again for a new window width: the sidebar as Streamlit opens it at that width, and each
# chart as wide as its box (Plotly redraws on resize).
REFLOWED_JS = """(collapsed) => {
  const sidebar = document.querySelector('[data-testid=stSidebar]');
  if (!sidebar || sidebar.getAttribute('data-collapsed') !== collapsed) return false;
  return [...document.querySelectorAll('.js-plotly-plot')].every((p) => p.querySelector('.main-svg') && (
    p.offsetParent === null || Math.abs(p.getBoundingClientRect().width
                                        - p.parentElement.getBoundingClientRect().width) <= 2));
}"""


def screenshots(page, path: str, size: str, lang: str) -> None:
    """For a person to review (KZ_SCREENSHOTS=1): the viewport and the whole page."""
    width, height = SIZES[size]
    name = path or "overview"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"layout-{name}-{width}x{height}-{lang}.png"))
    # The whole page as well: Streamlit scrolls inside its own box, so make the window tall.
    tall = page.evaluate(
        "() => document.querySelector('[data-testid=stMainBlockContainer]').scrollHeight + 120")
    page.set_viewport_size({"width": width, "height": min(max(tall, height), 9000)})
    page.wait_for_timeout(800)
    page.screenshot(path=str(SCREENSHOTS / f"layout-{name}-{width}x{height}-{lang}-full.png"))
    page.set_viewport_size({"width": width, "height": height})


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("path", list(PAGES))
def test_page_fits_and_reads_in_its_language(browser, app_url, path, lang):
    """One load per page and language: opened on a phone (as a phone user arrives), checked, then
    the same page widened to a desktop window and checked again. Streamlit lays a page out in the
    browser, so a wider window gives the desktop layout a desktop arrival gives (the sidebar opens,
    charts redraw at their new width) without a second run of the page."""
    context = browser.new_context(viewport=dict(zip(("width", "height"), SIZES["phone"])))
    context.set_default_timeout(PATIENCE_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        open_view(page, app_url, path, lang)
        page.wait_for_selector(PAGES[path], timeout=90_000)  # Plotly's bundle is 4.7 MB
        page.wait_for_function(
            "() => !/جارٍ رسم السحابة|Drawing the cloud/.test(document.body.innerText)", timeout=60_000)
        page.wait_for_selector(IDLE, timeout=PATIENCE_MS)
        page.wait_for_function(DRAWN_JS, timeout=30_000)
        for size in SIZES:
            if size != "phone":
                width, height = SIZES[size]
                page.set_viewport_size({"width": width, "height": height})
                page.wait_for_function(REFLOWED_JS, arg="false", timeout=30_000)
                page.wait_for_timeout(300)  # the sidebar's transition
            check_fits(page, path, size, lang)
            if SCREENSHOTS_WANTED:
                screenshots(page, path, size, lang)
        assert not errors, errors
    finally:
        context.close()


# ---- the HTML briefing, opened with every network request refused ----

def test_briefing_opens_with_no_network(browser, app_url, tmp_path):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    page = context.new_page()
    try:
        open_view(page, app_url, "sources", "ar")
        page.wait_for_selector(".js-plotly-plot", timeout=30_000)
        button = page.get_by_role("button", name=re.compile("ملخص"))
        with page.expect_download(timeout=60_000) as download:
            button.click()
        saved = tmp_path / "briefing.html"
        download.value.save_as(saved)
    finally:
        context.close()
    offline = browser.new_context(viewport={"width": 1200, "height": 900})
    refused: list[str] = []

    def refuse(route):
        if not route.request.url.startswith("file://"):
            refused.append(route.request.url)
            return route.abort()
        return route.continue_()

    offline.route("**/*", refuse)
    page = offline.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(saved.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        assert page.locator(".js-plotly-plot").count() >= 2  # every chart of the page
        assert "أساس الأرقام" in page.inner_text("body")  # the counts written out
        assert not refused, refused
        assert not errors, errors
        if SCREENSHOTS_WANTED:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "layout-briefing-offline.png"))
    finally:
        offline.close()


def test_filter_chips_follow_a_language_switch(browser, app_url):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    try:
        open_view(page, app_url, "", "ar", "themes=economy_trade_energy")
        sidebar = page.locator("[data-testid='stSidebar']")
        chips = sidebar.locator("[data-testid='stMultiSelectTagsContainer'] [data-tag]")
        assert "الاقتصاد والتجارة والطاقة" in chips.first.inner_text()
        sidebar.get_by_text("English", exact=True).click()
        page.wait_for_timeout(300)
        page.wait_for_selector(IDLE, timeout=PATIENCE_MS)
        page.wait_for_function(
            "() => /Economy, trade and energy/.test(document.querySelector("
            "'[data-testid=stSidebar] [data-testid=stMultiSelectTagsContainer] [data-tag]')"
            ".innerText)", timeout=20_000)
        assert "themes=economy_trade_energy" in page.url  # the filter itself is kept
    finally:
        page.close()
