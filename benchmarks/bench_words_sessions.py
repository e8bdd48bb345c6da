"""Concurrent analysts on the Words page: N chromium pages (separate browser contexts, so separate
Streamlit sessions) open the Words page of one server at once, each with its own filters, so
their clouds differ; then they all leave.

    .venv/bin/python -m benchmarks.bench_words_sessions DATASET [--sessions 8] [--timeout 300]

Prints, per session, the seconds until its page showed every cloud (no "drawing" placeholder
left, as many pictures as outlets + 1 for the selection), and the server's CPU seconds over the
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
        pages = [browser.new_context(viewport={"width": 1400, "height": 2200}).new_page()
                 for _ in queries]
        start = time.perf_counter()
        for page, query in zip(pages, queries):  # all sessions start at once
            page.goto(f"{url}/words{query}", wait_until="commit")
        done: dict[int, float] = {}
        deadline = start + timeout
        while len(done) < len(pages) and time.perf_counter() < deadline:
            for i, page in enumerate(pages):
                if i in done:
                    continue
                ready = page.evaluate(
                    f"() => !!document.querySelector(\"{IDLE}\") && !{DRAWING}.test(document.body.innerText)"
                    " && document.querySelectorAll(\"[data-testid='stImage'] img\").length > 0")
                if ready:
                    done[i] = time.perf_counter() - start
            time.sleep(0.5)
        for i, query in enumerate(queries):
            shown = pages[i].locator("[data-testid='stImage'] img").count()
            state = f"{done[i]:6.1f} s" if i in done else "   not done"
            print(f"session {i + 1} {query or '(no filter)':60s} {state}, {shown} clouds")
        print(f"{len(done)} of {len(pages)} sessions had every cloud within {timeout:.0f} s; "
              f"slowest {max(done.values(), default=float('nan')):.1f} s")
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
