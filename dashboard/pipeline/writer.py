"""The dataset on disk, written atomically.

Layout of a dataset folder::

    build_info.json          version (hash of the tables), fingerprints, row counts
    <table>.parquet          one per table of dashboard/schema.py
    .build_cache/            per-article keys and intermediate tables (not part of the dataset; see cache.py)

A build writes a complete new folder beside the old one and swaps it in with two renames, so an
interrupted or failed build leaves the previous dataset loadable.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pandas as pd

from dashboard import schema
from dashboard.pipeline.cache import CACHE_DIR, STATE_FILE
from dashboard.pipeline.inputs import display, input_hashes
from dashboard.pipeline.report import BuildError

INFO_FILE = "build_info.json"


class DatasetWriter:
    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)

    @staticmethod
    def read_info(out_dir: Path) -> dict | None:
        try:
            return json.loads((out_dir / INFO_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            return None

    def _leftovers(self, kind: str) -> list[Path]:
        parent = self.out_dir.parent
        return sorted(parent.glob(f".{self.out_dir.name}.{kind}-*")) if parent.is_dir() else []

    def check_target(self) -> None:
        """Refuse to replace anything that is not a dataset; recover from a swap cut in half."""
        if not self.out_dir.exists():
            old = self._leftovers("old")
            if old:  # a previous build died between its two renames: put the old dataset back
                os.rename(old[-1], self.out_dir)
            return
        if not self.out_dir.is_dir():
            raise BuildError(f"--out {self.out_dir} is a file, not a dataset folder")
        if any(self.out_dir.iterdir()) and not (self.out_dir / INFO_FILE).exists():
            raise BuildError(
                f"--out {self.out_dir} exists and is not a dataset (no {INFO_FILE}); "
                "refusing to replace it. Choose an empty or new folder."
            )

    def write(self, dataset: dict[str, pd.DataFrame], cache: dict[str, pd.DataFrame], code_fp: str,
              cat_fp: str, article_keys: dict[str, str], sources: list[Path],
              stat_cache: dict | None, hashes: tuple[str, dict] | None = None) -> str:
        """Write everything to a fresh folder, then swap it in. Returns the dataset version.
        ``hashes``: ``input_hashes(sources, stat_cache)`` when the caller computed it already."""
        parent = self.out_dir.parent
        parent.mkdir(parents=True, exist_ok=True)
        for stale in self._leftovers("building"):
            shutil.rmtree(stale, ignore_errors=True)
        tmp = parent / f".{self.out_dir.name}.building-{os.getpid()}"
        try:
            (tmp / CACHE_DIR).mkdir(parents=True)
            version = hashlib.sha256()
            for name in sorted(dataset):
                path = tmp / f"{name}.parquet"
                dataset[name].to_parquet(path, index=False, compression="zstd")
                version.update(name.encode() + b"\0" + path.read_bytes())
            for name, df in cache.items():
                df.to_parquet(tmp / CACHE_DIR / f"{name}.parquet", index=False, compression="zstd")
            inputs_fp, files = hashes or input_hashes(sources, stat_cache)
            info = {
                "version": version.hexdigest(),
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
            self._swap(tmp)
            return info["version"]
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)

    def _swap(self, tmp: Path) -> None:
        if self.out_dir.exists():
            old = self.out_dir.parent / f".{self.out_dir.name}.old-{os.getpid()}"
            os.rename(self.out_dir, old)
            os.rename(tmp, self.out_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(tmp, self.out_dir)
