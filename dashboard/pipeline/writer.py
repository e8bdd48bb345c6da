"""The dataset on disk, written atomically.

Layout of a dataset folder::

    build_info.json          version (hash of the tables), fingerprints, row counts
    <table>.parquet          one per table of dashboard/schema.py
    .build_cache/            per-article keys and intermediate tables (not part of the dataset; see cache.py)

A build (holding the folder's lock, see guard.py) writes a complete new folder beside the old one,
checks it, and swaps it in (one atomic exchange where the system allows, else two renames), so an
interrupted or failed build leaves the previous dataset loadable.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from dashboard import schema
from dashboard.pipeline.cache import CACHE_DIR, STATE_FILE
from dashboard.pipeline.guard import BuildLock, environment_error, leftovers, remove_orphans, scratch_name
from dashboard.pipeline.inputs import display, input_hashes
from dashboard.pipeline.report import BuildError

INFO_FILE = "build_info.json"


def _write_parquet(df: pd.DataFrame, path: Path) -> None:
    """One table, its columns in one chunk each: Parquet's page and dictionary layout follows the
    chunks it is given, so rows reused from the last build (read back as their own chunk) would
    otherwise make an incremental build's bytes differ from a fresh one's with equal values."""
    table = pa.Table.from_pandas(df, preserve_index=False).combine_chunks()
    pq.write_table(table, path, compression="zstd")


def tables_version(folder: Path, names: list[str]) -> str:
    """The dataset version: a hash of its tables' names and bytes (read in blocks)."""
    version = hashlib.sha256()
    for name in sorted(names):
        version.update(name.encode() + b"\0")
        with (folder / f"{name}.parquet").open("rb") as f:
            while block := f.read(1 << 20):
                version.update(block)
    return version.hexdigest()


def dataset_problem(folder: Path) -> str | None:
    """Why ``folder`` is not a whole, consistent dataset (None when it is): build_info.json with
    a version, every table of the contract, and files whose hash is that version. A dataset that
    fails this is never published, and counts as stale."""
    info = DatasetWriter.read_info(folder)
    if not isinstance(info, dict) or not isinstance(info.get("version"), str):
        return f"{folder} has no {INFO_FILE} with a version"
    names = sorted(set(schema.TABLES) | set(info.get("counts") or {}))
    missing = [n for n in names if not (folder / f"{n}.parquet").is_file()]
    if missing:
        return f"{folder} lacks table(s) {', '.join(missing)}"
    try:
        if tables_version(folder, names) != info["version"]:
            return f"the tables in {folder} do not match the version in its {INFO_FILE}"
    except OSError as exc:
        return f"{folder} cannot be read ({exc.strerror or exc})"
    return None


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE): readers never see the
    dataset missing. False where the system or file system cannot (then: two renames)."""
    if _RENAMEAT2 is None:
        return False
    if _RENAMEAT2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


try:
    _RENAMEAT2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None) if sys.platform == "linux" else None
except OSError:
    _RENAMEAT2 = None
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


class DatasetWriter:
    """Writes the dataset into ``out_dir``. ``lock()`` first: everything else assumes this build
    is the only one writing there."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self._lock = BuildLock(self.out_dir)

    def lock(self, on_wait=None) -> None:
        self._lock.acquire(on_wait)

    def unlock(self) -> None:
        self._lock.release()

    @staticmethod
    def read_info(out_dir: Path) -> dict | None:
        try:
            info = json.loads((out_dir / INFO_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        return info if isinstance(info, dict) else None

    def _is_ours(self) -> bool:
        """A folder this tool wrote: its build_info.json is a build's (version and fingerprints),
        and it holds nothing but the dataset's own files. Any build_info.json beside a user's
        files (even ``{}``) is not enough: replacing the folder would delete them."""
        info = self.read_info(self.out_dir)
        if info is None or not {"version", "code_fingerprint", "inputs_fingerprint"} <= set(info):
            return False
        own = {INFO_FILE, CACHE_DIR} | {f"{n}.parquet" for n in (*schema.TABLES, *(info.get("counts") or {}))}
        with os.scandir(self.out_dir) as entries:
            return all(e.name in own for e in entries)

    def check_target(self) -> None:
        """Refuse to replace anything that is not a dataset; recover from a swap cut in half;
        remove what dead builds left. Call holding the lock."""
        try:
            if not self.out_dir.exists():
                old = leftovers(self.out_dir, "old")
                if old:  # a previous build died between its two renames: put the old dataset back
                    os.rename(old[-1], self.out_dir)
            remove_orphans(self.out_dir)
            if not self.out_dir.exists():
                return
            if not self.out_dir.is_dir():
                raise BuildError(f"--out {self.out_dir} is a file, not a dataset folder: choose a new or "
                                 "empty folder.", "not_ours")
            if any(self.out_dir.iterdir()) and not self._is_ours():
                raise BuildError(
                    f"--out {self.out_dir} holds files that are not a dataset built here; refusing to "
                    "replace it. Choose an empty or new folder.", "not_ours")
        except OSError as exc:
            raise environment_error(exc, self.out_dir, self.out_dir) from None

    def write(self, dataset: dict[str, pd.DataFrame], cache: dict[str, pd.DataFrame], code_fp: str,
              cat_fp: str, article_keys: dict[str, str], sources: list[Path],
              stat_cache: dict | None, hashes: tuple[str, dict] | None = None) -> str:
        """Write everything to a fresh folder, check it, then swap it in. Returns the dataset
        version. ``hashes``: ``input_hashes(sources, stat_cache)`` when the caller computed it."""
        tmp = scratch_name(self.out_dir, "building")
        try:
            version = self._write(tmp, dataset, cache, code_fp, cat_fp, article_keys, sources,
                                  stat_cache, hashes)
            problem = dataset_problem(tmp)
            if problem is not None:
                raise BuildError(f"The new dataset failed its own check ({problem}); nothing was "
                                 f"published and the previous dataset in {self.out_dir} was left as it was.")
            self._swap(tmp)
            return version
        except OSError as exc:
            raise environment_error(exc, self.out_dir.parent, self.out_dir) from None
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)

    def _write(self, tmp: Path, dataset: dict[str, pd.DataFrame], cache: dict[str, pd.DataFrame],
               code_fp: str, cat_fp: str, article_keys: dict[str, str], sources: list[Path],
               stat_cache: dict | None, hashes: tuple[str, dict] | None) -> str:
        (tmp / CACHE_DIR).mkdir(parents=True)
        for name in sorted(dataset):
            _write_parquet(dataset[name], tmp / f"{name}.parquet")
        for name, df in cache.items():
            _write_parquet(df, tmp / CACHE_DIR / f"{name}.parquet")
        inputs_fp, files = hashes or input_hashes(sources, stat_cache)
        info = {
            "version": tables_version(tmp, list(dataset)),
            "schema": {name: list(cols) for name, cols in schema.TABLES.items()},
            "counts": {name: int(len(df)) for name, df in sorted(dataset.items())},
            "sources": [display(s) for s in sources],
            "code_fingerprint": code_fp,
            "catalogue_fingerprint": cat_fp,
            "inputs_fingerprint": inputs_fp,
        }
        (tmp / INFO_FILE).write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n", "utf-8")
        state = {"code_fingerprint": code_fp, "catalogue_fingerprint": cat_fp,
                 "article_keys": article_keys, "files": files}
        (tmp / CACHE_DIR / STATE_FILE).write_text(json.dumps(state), "utf-8")
        return info["version"]

    def _swap(self, tmp: Path) -> None:
        if not self.out_dir.exists():
            os.rename(tmp, self.out_dir)
        elif _exchange(tmp, self.out_dir):
            shutil.rmtree(tmp, ignore_errors=True)  # now the old dataset
        else:
            old = scratch_name(self.out_dir, "old")
            os.rename(self.out_dir, old)
            os.rename(tmp, self.out_dir)
            shutil.rmtree(old, ignore_errors=True)
