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


def inputs_signature(*folders: Path) -> tuple:
    """(relative path, mtime ns, size) of every file under ``folders``, sorted: cheap (a stat per
    file) and different as soon as an analyst saves an edited seed or catalogue."""
    out = []
    for folder in folders:
        for file in sorted(Path(folder).rglob("*")):
            try:
                info = file.stat()
            except OSError:  # deleted while we looked
                continue
            if file.is_file():
                out.append((str(file), info.st_mtime_ns, info.st_size))
    return tuple(out)


@st.cache_resource(show_spinner=False, max_entries=4)
def _checked_fresh(path: str, signature: int, version: str | None) -> bool:
    """Is the shipped dataset built from the current seeds, catalogues and code? Computed once per
    state of the inputs (their signature) and of the dataset (its version), not once per process."""
    from dashboard.build.pipeline import is_stale  # the build is heavy; import only when needed

    return not is_stale(Path(path), [SEEDS_DIR], CATALOGUE_DIR)


def is_fresh(path: Path) -> bool:
    signature = hash(inputs_signature(SEEDS_DIR, CATALOGUE_DIR))
    return _checked_fresh(str(path), signature, dataset_version(path))


def ensure_dataset(path: Path, labels: dict[str, str]) -> None:
    """Rebuild the shipped seeds dataset, with a progress bar, when it is missing or stale.

    Only the default dataset is rebuilt: for any other folder the app does not know the inputs.
    """
    if path.resolve() != DEFAULT_DATASET_DIR.resolve() or is_fresh(path):
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
