"""Where the app's dataset comes from: the path (``--data DIR`` / $KZ_DASHBOARD_DATA / the shipped
seeds), a rebuild when the shipped dataset is missing or stale, and one loader cached by version."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import streamlit as st

from dashboard.dataset import Dataset, dataset_version, load_dataset
from dashboard.paths import CATALOGUE_DIR, DEFAULT_DATASET_DIR, SEEDS_DIR, dataset_dir


def dataset_path(argv: list[str] | None = None) -> Path:
    """``--data DIR`` after ``--`` on the streamlit command line wins over the environment."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data", type=Path, default=None)
    args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    return args.data.expanduser().resolve() if args.data else dataset_dir()


@st.cache_resource(show_spinner=False)
def _checked_fresh(path: str) -> bool:
    """Once per process: is the shipped dataset built from the current seeds, catalogues, code?"""
    from dashboard.build.pipeline import is_stale  # the build is heavy; import only when needed

    return not is_stale(Path(path), [SEEDS_DIR], CATALOGUE_DIR)


def ensure_dataset(path: Path, labels: dict[str, str]) -> None:
    """Rebuild the shipped seeds dataset, with a progress bar, when it is missing or stale.

    Only the default dataset is rebuilt: for any other folder the app does not know the inputs.
    """
    if path.resolve() != DEFAULT_DATASET_DIR.resolve() or _checked_fresh(str(path)):
        return
    from dashboard.build.pipeline import build

    bar = st.progress(0.0, text=labels["building"])

    def progress(done: int, total: int, stage: str) -> None:
        bar.progress(min(done / total, 1.0) if total else 0.0, text=f"{labels['building']} {stage}")

    summary = build([SEEDS_DIR], path, CATALOGUE_DIR, progress=progress)
    bar.empty()
    _checked_fresh.clear()
    st.toast(labels["build_done"].format(n=summary.articles))


@st.cache_resource(show_spinner=False, max_entries=2)
def _load(path: str, version: str) -> Dataset:
    return load_dataset(Path(path), prefetch_text=True)


def get_dataset(path: Path) -> Dataset | None:
    """The dataset at ``path``, loaded once per version (a rebuilt dataset is reloaded)."""
    version = dataset_version(path)
    if version is None:
        return None
    return _load(str(path), version)
