"""Concurrent analysts on the Words page: N chromium pages (separate browser contexts, so separate
Streamlit sessions) open the Words page of one server at once, each with its own filters, so
their clouds differ; then they all leave.

    .venv/bin/python -m benchmarks.bench_words_sessions DATASET [--sessions 8] [--timeout 300]

Prints, per session, the seconds until its page was drawn (the term table shown) and until it
showed every cloud (no "drawing" placeholder left), and the server's CPU seconds over the
10 s after every page closed (idle: well under a second). Loopback only; the browser is Debian's
chromium, with no network access beyond 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import threading
import time
from pathlib import Path
from urllib.parse import quote

from dashboard.dataset import load_dataset
from tests.browser.app_server import running_app

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
DRAWING = "/جارٍ رسم السحابة|Drawing the cloud/"


# Runs in each page: records (Date.now()) when the term table is first shown and when every
# cloud is (the app idle, pictures shown, no "drawing" placeholder left).
WATCH = "\n".join([
    "window.__kz = {};",
    "setInterval(() => {",
    "  const k = window.__kz;",
    "  if (!k.drawn && document.querySelector(\"[data-testid='stDataFrame']\")) k.drawn = Date.now();",
    "  if (!k.done && document.querySelector(\"" + IDLE + "\")",
    "      && !" + DRAWING + ".test(document.body.innerText)",
    "      && document.querySelectorAll(\"[data-testid='stImage'] img\").length > 0) k.done = Date.now();",
    "}, 200);",
])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def session_queries(dataset: Path, n: int) -> list[str]:
    """n different filter states: everything, each outlet alone, then pairs of outlets."""
    sources = sorted(load_dataset(dataset).articles["source"].dropna().unique().tolist())
    states = [""] + [f"?sources={quote(s)}" for s in sources]
    states += [f"?sources={quote(a)},{quote(b)}" for a, b in zip(sources, sources[1:])]
    return (states * n)[:n]


def run(dataset: Path, sessions: int, timeout: float) -> None:
    from playwright.sync_api import sync_playwright

    queries = session_queries(dataset, sessions)
    with running_app(dataset) as (url, proc), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        # Warm-up, not timed: the server's first session loads the dataset.
        warm = browser.new_page()
        warm.goto(url)
        warm.wait_for_selector(IDLE, timeout=int(timeout * 1000))
        warm.context.close()
        pages = []
        for _ in queries:
            page = browser.new_context(viewport={"width": 1400, "height": 2200}).new_page()
            page.add_init_script(WATCH)  # each page times itself (the harness polls slowly)
            pages.append(page)
        start = time.time()
        for page, query in zip(pages, queries):  # all sessions start at once
            page.goto(f"{url}/words{query}", wait_until="commit")
        deadline = time.perf_counter() + timeout
        marks: list[dict] = [{} for _ in pages]
        while time.perf_counter() < deadline:
            marks = [page.evaluate("() => window.__kz || {}") for page in pages]
            if all("done" in m for m in marks):
                break
            time.sleep(2)
        drawn = {i: m["drawn"] / 1000 - start for i, m in enumerate(marks) if "drawn" in m}
        done = {i: m["done"] / 1000 - start for i, m in enumerate(marks) if "done" in m}
        for i, query in enumerate(queries):
            shown = pages[i].locator("[data-testid='stImage'] img").count()
            page_at = f"{drawn[i]:6.1f} s" if i in drawn else "   never"
            state = f"{done[i]:6.1f} s" if i in done else "   not done"
            print(f"session {i + 1} {query or '(no filter)':50s} page {page_at}, "
                  f"every cloud {state} ({shown} shown)")
        print(f"{len(drawn)} of {len(pages)} pages drawn, slowest "
              f"{max(drawn.values(), default=float('nan')):.1f} s; {len(done)} of {len(pages)} had "
              f"every cloud within {timeout:.0f} s, slowest {max(done.values(), default=float('nan')):.1f} s")
        for page in pages:  # everyone leaves
            page.context.close()
        left = time.perf_counter()
        time.sleep(2)
        before = cpu_seconds(proc.pid)
        time.sleep(10)
        used = cpu_seconds(proc.pid) - before
        print(f"server CPU in the 10 s from 2 s after the sessions left: {used:.2f} s"
              f" ({'idle' if used < 1 else 'busy'}; {time.perf_counter() - left:.0f} s after leaving)")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    threading.current_thread().name = "bench"
    run(args.dataset.resolve(), args.sessions, args.timeout)


if __name__ == "__main__":
    main()
