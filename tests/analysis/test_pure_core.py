"""The core stays pure: importing the analysis, the dataset, extraction or text processing pulls in
none of the interface libraries (it must run in scripts, benchmarks, the build's worker processes
and tests without a server; HTML, images and interface words live in dashboard/app)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import dashboard.analysis
import dashboard.extract
import dashboard.search
import dashboard.text

FORBIDDEN = ("streamlit", "plotly", "PIL", "wordcloud")
CORE = ["dashboard.dataset"] + [
    f"{package.__name__}.{module.name}"
    for package in (dashboard.analysis, dashboard.extract, dashboard.text, dashboard.search)
    for module in pkgutil.iter_modules(package.__path__)]


def test_importing_the_core_pulls_in_no_interface_library():
    code = (f"import sys, importlib\nfor m in {CORE!r}: importlib.import_module(m)\n"
            f"print(' '.join(lib for lib in {FORBIDDEN!r} if lib in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [], f"importing the core imports {done.stdout.split()}"


def test_the_core_list_is_not_empty():
    assert "dashboard.analysis.overview" in CORE and "dashboard.text.normalize" in CORE
