"""A tiny hand-written dataset (tests/analysis/analysis_tiny_dataset.py) shared by the analysis tests."""

from __future__ import annotations

import pytest
from analysis_tiny_dataset import write_dataset

from dashboard.dataset import Dataset, load_dataset


@pytest.fixture(scope="session")
def tiny_dataset_dir(tmp_path_factory):
    return write_dataset(tmp_path_factory.mktemp("tiny_dataset"))


@pytest.fixture(scope="session")
def tiny(tiny_dataset_dir) -> Dataset:
    return load_dataset(tiny_dataset_dir)
