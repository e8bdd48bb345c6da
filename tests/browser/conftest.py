"""Browser tests: the real app in Debian's chromium through Playwright (never a downloaded browser).

Skipped with a reason when chromium or Playwright is missing, except under CI=true, where a
missing browser is a failure (CI must run them). Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from app_server import PATIENCE_MS, running_app  # on sys.path through pytest.ini's pythonpath

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return "Debian's chromium is not installed (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -r requirements-dev.txt)"
    return None


@pytest.fixture(scope="session", autouse=True)
def _browser_available():
    """Skip (outside CI) or fail (under CI=true) before anything tries to launch a browser."""
    reason = _missing()
    if reason and IN_CI:
        pytest.fail(f"CI=true but {reason}: the browser tests must run in CI", pytrace=False)
    if reason:
        pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's chromium, no sandbox (root in a container), nothing that calls out to the network."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM,
            "args": ["--no-sandbox", "--disable-gpu", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync"]}


@pytest.fixture(autouse=True)
def _patient_page(request):
    """Playwright's page waits PATIENCE_MS for a navigation or an action (not its default 30 s)."""
    if "page" in request.fixturenames:
        request.getfixturevalue("page").set_default_timeout(PATIENCE_MS)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Tall: Streamlit scrolls inside its own container, so full_page screenshots see one viewport.
    return {**browser_context_args, "viewport": {"width": 1400, "height": 2200}}


@pytest.fixture(scope="session")
def app_url(app_dataset, tmp_path_factory):
    """One server for the session (under pytest-xdist: for each worker that runs a test using it),
    on the synthetic dataset the AppTest tests use (the seeds' text, a <script> article)."""
    log = tmp_path_factory.mktemp("browser_log") / "streamlit.log"
    with running_app(app_dataset, log=log) as (url, _proc):
        yield url


@pytest.fixture(scope="session")
def hostile_url(hostile_dataset, tmp_path_factory):
    """A second server, on the dataset with a hostile outlet name (tests/app/app_hostile.py). Its
    tests share the xdist group HOSTILE_SERVER, so only one worker starts it."""
    with running_app(hostile_dataset, log=tmp_path_factory.mktemp("hostile_log") / "streamlit.log") as (url, _):
        yield url
