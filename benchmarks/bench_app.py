"""Benchmark the dashboard against a dataset folder.

    .venv/bin/python -m benchmarks.bench_app /tmp/ant_dataset [--repeats 3] [--no-browser]

Prints:
1. time to first interactive page after server start (process start -> the Overview page drawn
   and idle in an already running chromium; without chromium only the health check);
2. server time per filter change for each page: the whole script run (sidebar, selection, every
   panel of the page, as timed by the script itself), driven by AppTest through a fixed series of
   filter changes after a warm-up run that loads the dataset, with the per-filter memo cleared
   before each change (so a change back to an earlier state is not a cache hit); the Words page
   includes drawing its clouds (inline, app/clouds.py; cached, so only new ones); median and
   max, in ms;
3. peak RSS of the server process (VmHWM) after visiting every page and changing a filter.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")  # AppTest's bare-mode warnings

from dashboard.app.page import page_file
from dashboard.paths import DATASET_ENV_VAR, REPO_ROOT

PAGES = ["overview", "timeline", "entities", "sources", "words", "compare", "concordance", "collocates", "map"]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def filter_changes(ds) -> list[tuple[str, str, object]]:
    """(label, widget key, value) — each applied on top of the previous, as a user would."""
    sources = sorted(ds.articles["source"].dropna().unique().tolist())
    entities = ds.entities["entity_id"].tolist()
    kaz = next((e for e in ("kz", "KAZ") if e in entities), entities[0])
    themes = ds.themes["theme_id"].tolist()
    published = ds.articles["published"].dropna().sort_values()
    lo, hi = published.iloc[len(published) // 4], published.iloc[3 * len(published) // 4]
    from datetime import date
    changes = [("source", "f_sources", sources[:1]),
               ("sources x2", "f_sources", sources[:2]),
               ("date range", "f_dates", (date.fromisoformat(lo[:10]), date.fromisoformat(hi[:10]))),
               ("entity", "f_entities", [kaz]),
               ("keyword", "f_keyword", "روسيا"),
               ("derived forms", "f_derived", True)]
    if themes:
        changes.append(("theme", "f_themes", themes[:1]))
    changes.append(("clear", "reset", None))
    return changes


def apply(at, key: str, value) -> None:
    if key == "reset":
        at.button[0].click()
    elif key == "f_keyword":
        at.text_input(key=key).input(value)
    elif key == "f_derived":
        at.toggle(key=key).set_value(value)
    elif key == "f_dates":
        at.date_input(key=key).set_value(value)
    else:
        at.multiselect(key=key).set_value(value)


def forget_filter_results() -> None:
    """Drop what the app memoises per filter state (selection, panel results), keeping the loaded
    dataset and its per-dataset lookups: each timed run then recomputes like a new filter does."""
    from dashboard.app import components, state

    components._memo.clear()
    state._select.clear()


def server_times(dataset: Path, repeats: int) -> dict[str, list[tuple[str, float]]]:
    from streamlit.testing.v1 import AppTest

    from dashboard.dataset import load_dataset

    os.environ[DATASET_ENV_VAR] = str(dataset)
    ds = load_dataset(dataset)
    changes = filter_changes(ds)
    out: dict[str, list[tuple[str, float]]] = {}
    for page in PAGES:
        rows: list[tuple[str, float]] = []
        for _ in range(repeats):
            at = AppTest.from_file(str(REPO_ROOT / "streamlit_app.py"), default_timeout=600)
            at.run()
            if page != "overview":
                at.switch_page(page_file(page))
                at.run()  # warm: dataset loaded, page's unfiltered panels computed
            for label, key, value in changes:
                apply(at, key, value)
                forget_filter_results()
                at.run()
                # The script's own timing (AppTest adds polling sleeps around a run).
                rows.append((label, float(at.session_state["_run_ms"])))
                if at.exception:
                    raise RuntimeError(f"{page} after {label}: {at.exception[0].value}")
        out[page] = rows
    return out


def browser_run(dataset: Path) -> tuple[float, float, float]:
    """(seconds to healthy, seconds to first interactive page, peak RSS MiB of the server), both
    times from the server's start. The browser is launched first: a user's browser is already
    open, and chromium's own start (0.5-1 s here) is not the app's."""
    from tests.browser.app_server import free_port, running_app

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    chromium = "/usr/bin/chromium"
    if sync_playwright is None or not Path(chromium).exists():
        start = time.perf_counter()
        with running_app(dataset, port=free_port()) as (url, proc):
            return time.perf_counter() - start, float("nan"), peak_rss_mib(proc.pid)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium,
                                    args=["--no-sandbox", "--disable-gpu", "--no-first-run",
                                          "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 1600})
        start = time.perf_counter()
        with running_app(dataset, port=free_port()) as (url, proc):
            healthy = time.perf_counter() - start
            page.goto(url)
            page.wait_for_selector("[data-testid='stMetric']", timeout=120_000)
            page.wait_for_selector(IDLE, timeout=120_000)
            interactive = time.perf_counter() - start
            for name in PAGES[1:]:
                page.goto(f"{url}/{name}")
                page.wait_for_timeout(300)
                page.wait_for_selector(IDLE, timeout=300_000)
            box = page.locator("[data-testid='stSidebar'] [data-testid='stTextInput'] input")
            box.fill("روسيا")
            box.press("Enter")
            page.wait_for_timeout(300)
            page.wait_for_selector(IDLE, timeout=300_000)
            rss = peak_rss_mib(proc.pid)
        browser.close()
    return healthy, interactive, rss


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    dataset = args.dataset.resolve()

    if not args.no_browser:
        healthy, interactive, rss = browser_run(dataset)
        print(f"server healthy after start:        {healthy:6.2f} s")
        print(f"first page interactive after start: {interactive:6.2f} s  (target < 5 s)")
        print(f"peak RSS of the server:             {rss:6.0f} MiB (target < 1536 MiB)")

    times = server_times(dataset, args.repeats)
    print("\nserver time per filter change (whole script run), ms:")
    labels = list(dict.fromkeys(label for rows in times.values() for label, _ in rows))
    print(f"{'page':<12}{'median':>8}{'max':>8}  " + "  ".join(f"{lab[:10]:>10}" for lab in labels))
    for page, rows in times.items():
        values = [ms for _, ms in rows]
        per = {lab: statistics.median([ms for label, ms in rows if label == lab]) for lab in labels}
        print(f"{page:<12}{statistics.median(values):8.0f}{max(values):8.0f}  "
              + "  ".join(f"{per[lab]:10.0f}" for lab in labels))


if __name__ == "__main__":
    main()
