"""The analysis core stays pure: importing it never pulls in streamlit (it must run in scripts,
benchmarks and tests without a server)."""

from __future__ import annotations

import subprocess
import sys


def test_no_streamlit_import():
    code = ("import sys, dashboard.dataset, dashboard.analysis.filters, dashboard.analysis.overview, "
            "dashboard.analysis.timeline, dashboard.analysis.entities, dashboard.analysis.sources, "
            "dashboard.analysis.words, dashboard.analysis.concordance, dashboard.analysis.geo, "
            "dashboard.search, dashboard.search.__main__; "
            "sys.exit('streamlit' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
