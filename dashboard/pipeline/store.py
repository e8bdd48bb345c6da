"""The dataset on disk: atomic writes, the build cache that makes rebuilds incremental, input fingerprints.

Layout of a dataset folder::

    build_info.json          version (hash of the tables), fingerprints, row counts
    <table>.parquet          one per table of dashboard/schema.py
    .build_cache/            per-article keys and intermediate tables (not part of the dataset)

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
from dashboard.paths import REPO_ROOT

INFO_FILE = "build_info.json"
CACHE_DIR = ".build_cache"
STATE_FILE = "state.json"
PER_ARTICLE_DATASET_TABLES = (
    "sentences", "entity_mentions", "date_mentions", "event_mentions", "sentence_themes",
    "article_themes",
)
CACHE_TABLES = ("form_counts", "candidate_rows", "process_warnings", "sentence_keys", "article_fingerprints")


def _walk(source: Path) -> list[Path]:
    if source.is_file():
        return [source]
    if source.is_dir():
        return sorted(p for p in source.rglob("*") if p.is_file() and not p.name.startswith("."))
    return []


def _display(path: Path) -> str:
    path = path.resolve()
    return str(path.relative_to(REPO_ROOT)) if path.is_relative_to(REPO_ROOT) else str(path)


def inputs_fingerprint(sources: list[Path], stat_cache: dict | None = None) -> str:
    """Hash of every input file's relative name and content. Content hashes are reused from
    ``stat_cache`` when a file's size and mtime are unchanged, so checking a large corpus is cheap."""
    return _input_hashes(sources, stat_cache)[0]


def input_hashes(sources: list[Path], stat_cache: dict | None) -> tuple[str, dict]:
    """The inputs fingerprint and, per file, [size, mtime_ns, content hash] (the next stat cache)."""
    return _input_hashes(sources, stat_cache)


def _input_hashes(sources: list[Path], stat_cache: dict | None) -> tuple[str, dict]:
    stat_cache = stat_cache or {}
    seen: dict[str, list] = {}
    digest = hashlib.sha256()
    for source in sources:
        root = source if source.is_dir() else source.parent
        digest.update(f"source:{source.name}\0".encode())
        for path in _walk(source):
            st = path.stat()
            key = str(path.resolve())
            cached = stat_cache.get(key)
            if cached and cached[0] == st.st_size and cached[1] == st.st_mtime_ns:
                content_hash = cached[2]
            else:
                content_hash = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
            seen[key] = [st.st_size, st.st_mtime_ns, content_hash]
            digest.update(f"{path.relative_to(root)}\0{content_hash}\0".encode())
    return digest.hexdigest(), seen


class PreviousBuild:
    """What a previous build of the same folder can lend this one (same code and catalogues)."""

    def __init__(self, out_dir: Path, state: dict):
        self.out_dir = out_dir
        self.state = state
        self.article_keys: dict[str, str] = state.get("article_keys", {})

    @staticmethod
    def load_state(out_dir: Path) -> dict | None:
        try:
            return json.loads((out_dir / CACHE_DIR / STATE_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            return None

    @classmethod
    def load(cls, out_dir: Path, code_fp: str, cat_fp: str) -> PreviousBuild | None:
        state = cls.load_state(out_dir)
        if not state or state.get("code_fingerprint") != code_fp or state.get("catalogue_fingerprint") != cat_fp:
            return None
        needed = [out_dir / f"{t}.parquet" for t in ("articles", *PER_ARTICLE_DATASET_TABLES)]
        needed += [out_dir / CACHE_DIR / f"{t}.parquet" for t in CACHE_TABLES]
        return cls(out_dir, state) if all(p.exists() for p in needed) else None

    def tables_for(self, article_ids: list[str]) -> dict[str, pd.DataFrame]:
        """The stored rows of these articles, for every per-article table."""
        ids = set(article_ids)
        flt = [("article_id", "in", sorted(ids))]
        out = {}
        for name in PER_ARTICLE_DATASET_TABLES:
            out[name] = pd.read_parquet(self.out_dir / f"{name}.parquet", filters=flt)
        for name in CACHE_TABLES:
            out[name] = pd.read_parquet(self.out_dir / CACHE_DIR / f"{name}.parquet", filters=flt)
        stats = pd.read_parquet(self.out_dir / "articles.parquet", filters=flt,
                                columns=["article_id", "text_normalized", "n_sentences", "n_tokens"])
        out["article_stats"] = stats
        return out


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
        from dashboard.pipeline.run import BuildError

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
            inputs_fp, files = hashes or _input_hashes(sources, stat_cache)
            info = {
                "version": version.hexdigest(),
                "schema": {name: list(cols) for name, cols in schema.TABLES.items()},
                "counts": {name: int(len(df)) for name, df in sorted(dataset.items())},
                "sources": [_display(s) for s in sources],
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
