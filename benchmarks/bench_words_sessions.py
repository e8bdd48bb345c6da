"""Concurrent analysts on the Words page: N chromium pages (separate browser contexts, so separate
Streamlit sessions) open the Words page of one server at once, each with its own filters, so
their clouds differ; then they all leave.

    .venv/bin/python -m benchmarks.bench_words_sessions DATASET [--sessions 8] [--timeout 300]

Prints, per session, the seconds until its page was drawn (the term table shown) and until it
showed every cloud (no "drawing" placeholder left), and the server's CPU seconds over the
10 s after every page closed (idle: well under a second), and its peak resident memory. Loopback only; the browser is Debian's
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
# cloud is (the app idle, pictures shown, no "drawing" placeholder left). textContent, not
# innerText: innerText lays the page out, five times a second in each of the N pages, and that
# load fell on the cores the server shares.
WATCH = "\n".join([
    "window.__kz = {};",
    "setInterval(() => {",
    "  const k = window.__kz;",
    "  if (!k.drawn && document.querySelector(\"[data-testid='stDataFrame']\")) k.drawn = Date.now();",
    "  if (!k.done && document.querySelector(\"" + IDLE + "\")",
    "      && !" + DRAWING + ".test(document.body.textContent)",
    "      && document.querySelectorAll(\"[data-testid='stImage'] img\").length > 0) k.done = Date.now();",
    "}, 200);",
])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def browser_cpu_seconds(server_pid: int) -> float:
    """CPU time so far of this harness's other child processes: Playwright and chromium."""
    total = 0.0
    for pid in descendants(os.getpid()):
        if pid != server_pid:
            try:
                total += cpu_seconds(pid)
            except OSError:  # ended meanwhile
                pass
    return total


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


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
        cpu_start, browser_start = cpu_seconds(proc.pid), browser_cpu_seconds(proc.pid)
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
        cpu_sessions = cpu_seconds(proc.pid) - cpu_start
        cpu_browser = browser_cpu_seconds(proc.pid) - browser_start
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
        print(f"CPU while the sessions loaded: server {cpu_sessions:.1f} s, browser {cpu_browser:.1f} s"
              " (both on the same cores)")
        for page in pages:  # everyone leaves
            page.context.close()
        left = time.perf_counter()
        time.sleep(2)
        before = cpu_seconds(proc.pid)
        time.sleep(10)
        used = cpu_seconds(proc.pid) - before
        print(f"server CPU in the 10 s from 2 s after the sessions left: {used:.2f} s"
              f" ({'idle' if used < 1 else 'busy'}; {time.perf_counter() - left:.0f} s after leaving)")
        print(f"server peak RSS: {peak_rss_mb(proc.pid):.0f} MB; load average {os.getloadavg()[0]:.2f}")
        browser.close()


async def socket_session(url: str, query: str, page_name: str, timeout: float,
                         leave_at: float | None = None) -> dict[str, float]:
    """One analyst as Streamlit's front end would be: open the session's websocket, ask for a
    run of the page with ``query``, read the server's messages until the run finishes, and fetch
    each picture as it arrives. Returns the times (perf_counter) the table and the run's last
    picture arrived, and when the run finished. With ``leave_at`` (a perf_counter time), the
    analyst closes the page then, finished or not (``left`` is then set)."""
    import asyncio
    import urllib.request

    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    def fetch(path: str) -> None:
        with urllib.request.urlopen(url + path, timeout=timeout) as response:
            response.read()

    marks: dict[str, float] = {}
    fetches = []
    async with websockets.connect(url.replace("http://", "ws://") + "/_stcore/stream",
                                  subprotocols=["streamlit"], max_size=None) as ws:
        ask = BackMsg()
        ask.rerun_script.query_string = query.lstrip("?")
        ask.rerun_script.page_name = page_name
        await ws.send(ask.SerializeToString())
        while True:
            wait = timeout if leave_at is None else min(timeout, leave_at - time.perf_counter())
            try:
                raw = await asyncio.wait_for(ws.recv(), max(wait, 0.001))
            except TimeoutError:
                if leave_at is None or time.perf_counter() < leave_at:
                    raise
                marks["left"] = time.perf_counter()
                marks["pictures"] = len(fetches)
                return marks
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                if element.WhichOneof("type") == "dataframe":
                    marks.setdefault("drawn", time.perf_counter())
                elif element.WhichOneof("type") == "imgs":
                    fetches += [asyncio.create_task(asyncio.to_thread(fetch, img.url))
                                for img in element.imgs.imgs]
            elif kind == "script_finished":
                break
        await asyncio.gather(*fetches)
        marks["done"] = time.perf_counter()
        marks["pictures"] = len(fetches)
    return marks


def run_sockets(dataset: Path, sessions: int, timeout: float, leave_after: float | None = None) -> None:
    import asyncio

    queries = session_queries(dataset, sessions)
    with running_app(dataset) as (url, proc):
        # Warm-up, not timed: the server's first session loads the dataset.
        asyncio.run(socket_session(url, "", "", timeout))
        cpu_start = cpu_seconds(proc.pid)
        start = time.perf_counter()
        leave_at = None if leave_after is None else start + leave_after

        async def everyone() -> list:
            return await asyncio.gather(*(socket_session(url, q, "words", timeout, leave_at)
                                          for q in queries), return_exceptions=True)

        marks = asyncio.run(everyone())
        cpu_sessions = cpu_seconds(proc.pid) - cpu_start
        left = time.perf_counter()
        if leave_after is not None:
            # Everyone closed the page at leave_after: how long does the server keep working?
            time.sleep(2)
            first = cpu_seconds(proc.pid) - cpu_start - cpu_sessions
            print(f"every session left at {leave_after:.1f} s "
                  f"({sum('left' in m for m in marks if isinstance(m, dict))} before their clouds came); "
                  f"server CPU in the 2 s after: {first:.2f} s")
        for i, (query, m) in enumerate(zip(queries, marks)):
            if isinstance(m, BaseException):
                print(f"session {i + 1} {query or '(no filter)':50s} failed: {m!r}")
                continue
            if "left" in m:
                print(f"session {i + 1} {query or '(no filter)':50s} left at {m['left'] - start:6.1f} s "
                      f"({m['pictures']} clouds shown by then)")
                continue
            print(f"session {i + 1} {query or '(no filter)':50s} page {m['drawn'] - start:6.1f} s, "
                  f"every cloud {m['done'] - start:6.1f} s ({m['pictures']} shown)")
        ok = [m for m in marks if not isinstance(m, BaseException) and "left" not in m]
        print(f"{len(ok)} of {len(marks)} sessions served, table slowest "
              f"{max((m['drawn'] - start for m in ok), default=float('nan')):.1f} s, every cloud slowest "
              f"{max((m['done'] - start for m in ok), default=float('nan')):.1f} s")
        print(f"CPU while the sessions loaded: server {cpu_sessions:.1f} s")
        time.sleep(max(0.0, left + 2 - time.perf_counter()))  # the sockets closed on leaving
        before = cpu_seconds(proc.pid)
        time.sleep(10)
        used = cpu_seconds(proc.pid) - before
        print(f"server CPU in the 10 s from 2 s after the sessions left: {used:.2f} s"
              f" ({'idle' if used < 1 else 'busy'}; {time.perf_counter() - left:.0f} s after leaving)")
        print(f"server peak RSS: {peak_rss_mb(proc.pid):.0f} MB; load average {os.getloadavg()[0]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--clients", choices=("browser", "socket"), default="browser")
    parser.add_argument("--leave-after", type=float, default=None,
                        help="socket clients close their pages this many seconds after arriving")
    args = parser.parse_args()
    threading.current_thread().name = "bench"
    if args.clients == "browser":
        run(args.dataset.resolve(), args.sessions, args.timeout)
    else:
        run_sockets(args.dataset.resolve(), args.sessions, args.timeout, args.leave_after)


if __name__ == "__main__":
    main()
