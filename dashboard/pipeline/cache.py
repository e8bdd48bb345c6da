"""The build cache: what a previous build of the same folder can lend this one.

Lives in the dataset folder, beside the tables: ``.build_cache/state.json`` (fingerprints,
per-article keys, the inputs' stat cache) and the intermediate tables of ``tables.CACHE_TABLES``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from dashboard.pipeline.tables import CACHE_COLUMNS, CACHE_TABLES, PER_ARTICLE_DATASET_TABLES

CACHE_DIR = ".build_cache"
STATE_FILE = "state.json"


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
        out["article_stats"] = pd.read_parquet(self.out_dir / "articles.parquet", filters=flt,
                                               columns=CACHE_COLUMNS["article_stats"])
        return out
