"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.paths import CATALOGUE_DIR, SEEDS_DIR

SEED_FILES = sorted(SEEDS_DIR.glob("*.txt"))


@pytest.fixture(scope="session")
def catalogues():
    """The shipped catalogue folder, loaded once for the whole suite (as a build loads it)."""
    from dashboard.catalogues import load_catalogues

    return load_catalogues(CATALOGUE_DIR)


@pytest.fixture(scope="session")
def seeds_dataset(tmp_path_factory) -> Path:
    """The five seeds, freshly built with the real catalogues (the folder of a complete dataset)."""
    from dashboard.pipeline.run import build

    out = tmp_path_factory.mktemp("datasets") / "seeds"
    build([SEEDS_DIR], out, CATALOGUE_DIR, workers=1)
    return out


@pytest.fixture(scope="session")
def app_dataset(tmp_path_factory) -> Path:
    """The app tests' synthetic dataset (real seed text, a hostile <script> article), built once
    for the session and shared by the AppTest and browser tests (tests/app/app_synthetic.py).
    Read-only: a test that changes it works on a copy."""
    from app_synthetic import write_dataset

    return write_dataset(tmp_path_factory.mktemp("app") / "dataset")


@pytest.fixture(scope="session")
def hostile_dataset(tmp_path_factory) -> Path:
    """The injection tests' dataset (tests/app/app_hostile.py), built once for the session and
    shared by the AppTest injection tests and the browser's hostile server. Read-only."""
    from app_hostile import write_dataset

    return write_dataset(tmp_path_factory.mktemp("hostile") / "dataset")


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """article_id -> text of each seed file, as read from disk (UTF-8)."""
    return {p.stem: p.read_text("utf-8") for p in SEED_FILES}
