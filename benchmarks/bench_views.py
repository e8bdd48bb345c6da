"""Time, in a real browser, how long each search-driven view takes to appear after a filter change.

    .venv/bin/python -m benchmarks.bench_views /tmp/ant_ds [--screenshots artifacts/screenshots]

Starts the app on the dataset, opens each view in Debian's chromium (Playwright), waits until it
is drawn, then changes the sidebar's outlet filter three times (one outlet, a second one, back to
all with Reset) and measures each change from the action until Streamlit reports the script idle
(``[data-testid='stApp'][data-test-script-state='notRunning']``) with the view's element
visible. Prints one line per view and change (seconds), and saves a screenshot of each view.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from app_server import SCREENSHOTS, running_app  # tests/browser (pytest.ini's pythonpath)

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
RUNNING = "[data-testid='stApp'][data-test-script-state='running']"
VIEWS = [  # name, path and query, element that shows the view is drawn
    ("compare Russia vs China, monthly, per outlet",
     "compare?lang=en&q1=روسيا&q2=الصين&q3=&q4=&split=1", ".js-plotly-plot"),
    ("compare default four searches, monthly", "compare?lang=en", ".js-plotly-plot"),
    ("concordance روسيا", "concordance?lang=en&q=روسيا", ".kz-kwic mark"),
    ("collocates روسيا per outlet", "collocates?lang=en&q=روسيا&split=1", "[data-testid='stDataFrame']"),
    ("overview, search روسيا OR الصين", "?lang=en&keyword=روسيا OR الصين", "[data-testid='stDataFrame']"),
]


def wait_rerun(page, timeout_ms: int = 300_000) -> None:
    """Wait for the rerun an action started (if it has not finished already), then for idle."""
    try:
        page.wait_for_selector(RUNNING, timeout=2_000)
    except Exception:  # noqa: BLE001 - a fast rerun may be over before we look
        pass
    page.wait_for_selector(IDLE, timeout=timeout_ms)


def pick_outlet(page, name: str) -> None:
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect'] input").first
    box.click()
    box.fill(name)
    box.press("Enter")
    page.keyboard.press("Escape")


def reset(page) -> None:
    page.locator("[data-testid='stSidebar'] button").filter(has_text="Reset").first.click()


def run(dataset: Path, shots: Path) -> None:
    import pyarrow.parquet as pq
    from playwright.sync_api import sync_playwright

    outlets = sorted(set(pq.read_table(dataset / "articles.parquet", columns=["source"])
                         .column("source").drop_null().to_pylist()))
    shots.mkdir(parents=True, exist_ok=True)
    with running_app(dataset) as (url, _proc), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1400, "height": 2400})
        results: dict[str, list[float]] = {}
        for name, path, drawn in VIEWS:
            t = time.perf_counter()
            page.goto(f"{url}/{path}")
            page.wait_for_selector(IDLE, timeout=300_000)
            page.wait_for_selector(drawn, timeout=300_000)
            first = time.perf_counter() - t
            print(f"{name:48} opened in {first:6.1f} s", flush=True)
            times = []
            for label, action in [(f"outlet {outlets[0]}", lambda: pick_outlet(page, outlets[0])),
                                  (f"+ outlet {outlets[1]}", lambda: pick_outlet(page, outlets[1])),
                                  ("reset filters", lambda: reset(page))]:
                t = time.perf_counter()
                action()
                wait_rerun(page)
                page.wait_for_selector(drawn, timeout=300_000)
                elapsed = time.perf_counter() - t
                times.append(elapsed)
                print(f"{'':48} {label:28} {elapsed:6.1f} s", flush=True)
            results[name] = times
            page.wait_for_timeout(800)
            stem = name.split(",")[0].replace(" ", "_")
            page.screenshot(path=str(shots / f"ant_{stem}.png"))
        print("\nmedian per view after a filter change:")
        for name, times in results.items():
            print(f"  {name:48} {statistics.median(times):6.1f} s (max {max(times):.1f} s)")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--screenshots", type=Path, default=SCREENSHOTS)
    args = parser.parse_args()
    run(args.dataset.resolve(), args.screenshots)


if __name__ == "__main__":
    main()
