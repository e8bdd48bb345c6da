"""Where things live in the repo; every module asks here instead of guessing."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"
CATALOGUE_DIR = DATA_DIR / "catalogues"
SEEDS_DIR = REPO_ROOT / "seeds"
# The dataset the dashboard ships with: the seeds, built.
DEFAULT_DATASET_DIR = DATA_DIR / "datasets" / "seeds"
# Environment override so a deployment (or a benchmark) can point the app elsewhere.
DATASET_ENV_VAR = "KZ_DASHBOARD_DATA"


def dataset_dir() -> Path:
    """The dataset the app should read: $KZ_DASHBOARD_DATA or the shipped seeds dataset."""
    value = os.environ.get(DATASET_ENV_VAR)
    return Path(value).expanduser().resolve() if value else DEFAULT_DATASET_DIR
