"""Fixtures for the app's AppTest tests: a dataset folder and an AppTest pointed at it."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_synthetic import APP, TIMEOUT, write_dataset
from streamlit.testing.v1 import AppTest

from dashboard.paths import DATASET_ENV_VAR


@pytest.fixture(scope="session")
def app_dataset(tmp_path_factory) -> Path:
    """The synthetic dataset (real seed text, a hostile <script> article)."""
    return write_dataset(tmp_path_factory.mktemp("app") / "dataset")


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
