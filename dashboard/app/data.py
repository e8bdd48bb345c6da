"""Where the app's dataset comes from: the path (``--data DIR`` / $KZ_DASHBOARD_DATA / the shipped
seeds), a rebuild when the shipped dataset is missing or stale, and one loader cached by version."""

from __future__ import annotations

import argparse
import importlib
import sys
import threading
from concurrent.futures import Future
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
    from dashboard.pipeline.run import is_stale  # the build is heavy; import only when needed

    return not is_stale(Path(path), [SEEDS_DIR], CATALOGUE_DIR)


def is_fresh(path: Path) -> bool:
    signature = hash(inputs_signature(SEEDS_DIR, CATALOGUE_DIR))
    return _checked_fresh(str(path), signature, dataset_version(path))


# One rebuild per process: the session that takes this lock builds, the others wait for it (the
# build's own file lock then keeps other processes out). The running build's progress is shared
# so that waiting sessions show the same bar.
_REBUILD_LOCK = threading.Lock()
_REBUILD_PROGRESS: dict[str, object] = {"done": 0, "total": 0, "stage": ""}
# Rebuilds that could not run (read-only file system, full disk), by the inputs' signature: not
# tried again on every rerun of every session until the inputs change.
_REBUILD_FAILED: dict[int, str] = {}
# i18n keys of the reasons ensure_dataset returns (any other: "rebuild_failed").
REBUILD_REASON_KEYS = {"read_only": "rebuild_read_only", "disk_full": "rebuild_disk_full"}


def ensure_dataset(path: Path, labels: dict[str, str]) -> str | None:
    """Rebuild the shipped seeds dataset, with a progress bar, when it is missing or stale.
    Returns None, or the reason (a build error kind: 'read_only', 'disk_full'...) why a stale
    dataset is served as it is.

    Only the default dataset is rebuilt: for any other folder the app does not know the inputs.
    """
    if path.resolve() != DEFAULT_DATASET_DIR.resolve() or is_fresh(path):
        return None
    signature = hash(inputs_signature(SEEDS_DIR, CATALOGUE_DIR))
    if signature in _REBUILD_FAILED:
        return _REBUILD_FAILED[signature]
    from dashboard.pipeline.run import BuildError, build

    bar = st.progress(0.0, text=labels["building"])

    def show() -> None:
        done, total, stage = (_REBUILD_PROGRESS[k] for k in ("done", "total", "stage"))
        bar.progress(min(done / total, 1.0) if total else 0.0, text=f"{labels['building']} {stage}")

    def progress(done: int, total: int, stage: str) -> None:
        _REBUILD_PROGRESS.update(done=done, total=total, stage=stage)
        show()

    while not _REBUILD_LOCK.acquire(timeout=0.25):  # another session is rebuilding: follow it
        show()
    try:
        if signature in _REBUILD_FAILED:
            return _REBUILD_FAILED[signature]
        if is_fresh(path):  # the session we waited for has just built it
            return None
        _REBUILD_PROGRESS.update(done=0, total=0, stage="")
        try:
            summary = build([SEEDS_DIR], path, CATALOGUE_DIR, progress=progress, only_if_stale=True)
        except BuildError as exc:
            _REBUILD_FAILED[signature] = exc.kind
            return exc.kind
        finally:
            _checked_fresh.clear()
    finally:
        _REBUILD_LOCK.release()
        bar.empty()
    if summary is not None:
        st.toast(labels["build_done"].format(n=summary.articles))
    return None


# Loads started ahead of the cached loader, keyed by (path, version); consumed by _load.
_PRELOADS: dict[tuple[str, str], Future] = {}
_PRELOAD_LOCK = threading.Lock()


def preload(path: Path) -> None:
    """Start loading the dataset in a background thread, once per (path, version), so the loading
    overlaps the script's imports and first widgets (Parquet decoding releases the GIL). The
    first run of a new process calls this before its heavy imports."""
    version = dataset_version(path)
    if version is None:
        return
    key = (str(path), version)
    with _PRELOAD_LOCK:
        if key in _PRELOADS or _loaded(key):
            return
        future: Future = Future()
        _PRELOADS[key] = future

    def run() -> None:
        try:
            future.set_result(load_dataset(path, prefetch_text=True))
        except BaseException as exc:  # raised again, in the script, by _load
            future.set_exception(exc)

    threading.Thread(target=run, name="dataset-preload", daemon=True).start()


_LOADED: set[tuple[str, str]] = set()
_WARMED = threading.Event()


# Started this long after the first run ends: begun at once, the import's ~0.3 s of GIL delayed
# the server's last messages of that run (the page is interactive only when they arrive).
WARM_UP_DELAY_S = 2.0


def warm_up() -> None:
    """Once per process, after the first page is drawn: import in the background what the first
    keyword search needs (its text tables take ~0.3 s to build), off the first page's path."""
    if _WARMED.is_set():
        return
    _WARMED.set()
    timer = threading.Timer(WARM_UP_DELAY_S, importlib.import_module,
                            args=("dashboard.analysis.keyword",))
    timer.name, timer.daemon = "warm-up", True
    timer.start()


def _loaded(key: tuple[str, str]) -> bool:
    return key in _LOADED


@st.cache_resource(show_spinner=False, max_entries=2)
def _load(path: str, version: str) -> Dataset:
    with _PRELOAD_LOCK:
        future = _PRELOADS.pop((path, version), None)
        _PRELOADS.clear()  # a preload of another version is stale
        _LOADED.add((path, version))
    if future is not None:
        return future.result()
    return load_dataset(Path(path), prefetch_text=True)


def get_dataset(path: Path) -> Dataset | None:
    """The dataset at ``path``, loaded once per version (a rebuilt dataset is reloaded)."""
    version = dataset_version(path)
    if version is None:
        return None
    return _load(str(path), version)
