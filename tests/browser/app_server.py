"""Start the app with `streamlit run` on a free localhost port and wait until it is healthy."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from dashboard.paths import DATASET_ENV_VAR, REPO_ROOT

SCREENSHOTS = REPO_ROOT / "artifacts" / "screenshots"
# Screenshots for a person to review are opt-in: they assert nothing and cost the suite time.
SCREENSHOTS_WANTED = os.environ.get("KZ_SCREENSHOTS", "") not in ("", "0")
# Instead of Playwright's default of 30 s per navigation or action: the suite runs two workers (two
# servers, two browsers) on two cores, and a shared machine may be busier still. A longer limit
# costs nothing when the app answers; the tests' own waits keep their explicit limits.
PATIENCE_MS = 90_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, timeout: float = 60.0) -> float:
    """Seconds until /_stcore/health answers ok."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"the app at {url} did not become healthy in {timeout:.0f} s")


@contextmanager
def running_app(dataset: Path, port: int | None = None, log: Path | None = None):
    """Yield (base_url, process) of a headless app on ``dataset``; stopped on exit."""
    port = port or free_port()
    env = os.environ | {DATASET_ENV_VAR: str(dataset)}
    out = open(log, "w") if log else subprocess.DEVNULL
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(REPO_ROOT / "streamlit_app.py"),
         "--server.headless=true", f"--server.port={port}", "--server.address=127.0.0.1",
         "--browser.gatherUsageStats=false"],
        cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if log:
            out.close()
