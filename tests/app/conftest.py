"""Fixtures for the app's AppTest tests: an AppTest pointed at the synthetic dataset (app_dataset,
in tests/conftest.py, shared with the browser tests)."""

from __future__ import annotations

import pytest
from app_synthetic import APP, TIMEOUT
from streamlit.testing.v1 import AppTest

from dashboard.paths import DATASET_ENV_VAR


@pytest.fixture
def make_app(app_dataset, monkeypatch):
    """A factory for an AppTest on the dataset, optionally seeded with URL query parameters."""
    monkeypatch.setenv(DATASET_ENV_VAR, str(app_dataset))

    def make(**query: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        for key, value in query.items():
            at.query_params[key] = value
        return at

    return make
