"""Folder manifests (manifest.csv / manifest.yaml / manifest.yml): metadata keyed by article_id
that wins over what the article files say. Not articles themselves."""

from __future__ import annotations

import csv
from pathlib import Path

import yaml

from dashboard.ingest.metadata import field_of

MANIFEST_NAMES = ("manifest.csv", "manifest.yaml", "manifest.yml")


class BadManifest(Exception):
    pass


def is_manifest(path: Path) -> bool:
    return path.name.lower() in MANIFEST_NAMES


def load_manifest(path: Path) -> dict[str, dict[str, str]]:
    """article_id -> {column: value} (empty values dropped: an empty cell overrides nothing)."""
    try:
        if path.suffix.lower() == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as f:
                rows = list(csv.DictReader(f))
        else:
            data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
            rows = _yaml_rows(data)
    except (OSError, UnicodeDecodeError, csv.Error, yaml.YAMLError) as exc:
        raise BadManifest(f"{type(exc).__name__}: {exc}".splitlines()[0]) from None
    out: dict[str, dict[str, str]] = {}
    for i, row in enumerate(rows, start=1):
        row = {str(k).strip(): _cell(v) for k, v in row.items() if k is not None}
        ids = [v for k, v in row.items() if field_of(k) == "article_id" and v]
        if not ids:
            raise BadManifest(f"entry {i} has no article_id")
        if ids[0] in out:
            raise BadManifest(f"article_id {ids[0]!r} appears twice")
        out[ids[0]] = {k: v for k, v in row.items() if v and field_of(k) != "article_id"}
    return out


def _yaml_rows(data: object) -> list[dict]:
    if data is None:
        return []
    if isinstance(data, list) and all(isinstance(r, dict) for r in data):
        return data
    if isinstance(data, dict) and all(isinstance(v, dict) for v in data.values()):
        return [{"article_id": k, **v} for k, v in data.items()]
    raise BadManifest("expected a list of entries or a mapping article_id -> entry")


def _cell(value: object) -> str:
    return "" if value is None else str(value).strip()
