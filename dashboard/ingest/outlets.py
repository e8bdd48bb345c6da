"""Outlet display names: the curated alias table data/catalogues/outlets.csv (alias,name)."""

from __future__ import annotations

import csv
from functools import lru_cache

from dashboard.paths import CATALOGUE_DIR
from dashboard.text.normalize import squeeze_spaces

OUTLETS_FILE = CATALOGUE_DIR / "outlets.csv"


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    if not OUTLETS_FILE.exists():
        return {}
    with OUTLETS_FILE.open(encoding="utf-8", newline="") as f:
        return {squeeze_spaces(row["alias"].lower()): row["name"].strip() for row in csv.DictReader(f)}


def outlet_name(source: str | None) -> str | None:
    """The display name for ``source`` (an ANT code such as 'alarabia', or a spelling such as
    'الجزيرة'); unknown values are returned as given, so nothing is lost."""
    if source is None:
        return None
    return _names().get(squeeze_spaces(source.strip().lower()), source.strip())
