"""Folder manifests (manifest.csv / manifest.yaml / manifest.yml): metadata keyed by article_id
that wins over what the article files say. Not articles themselves."""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from dashboard.ingest.metadata import field_of

MANIFEST_NAMES = ("manifest.csv", "manifest.yaml", "manifest.yml")


class BadManifest(Exception):
    pass


class _TextLoader(yaml.SafeLoader):
    """YAML without implicit timestamps: ``published: 2022-02-29`` stays the text it is (the date
    parser then says it is not a date, for that row) instead of raising inside the YAML parser."""


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Manifest:
    """A manifest's usable rows and its refused ones. A bad row costs that row only."""

    entries: dict[str, dict[str, str]]          # article_id -> {column: value}
    rows: dict[str, int]                        # article_id -> its row number (1-based entry)
    refused: list[tuple[int, str, str]] = field(default_factory=list)  # (row, reason, what was wrong)


def is_manifest(path: Path) -> bool:
    return path.name.lower() in MANIFEST_NAMES


def load_manifest(path: Path) -> Manifest:
    """The manifest's rows by article_id (NFC, as article ids are); empty values dropped (an empty
    cell overrides nothing). Raises BadManifest when the file as a whole cannot be read."""
    try:
        if path.suffix.lower() == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as f:
                rows = list(csv.DictReader(f))
        else:
            data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_TextLoader)  # noqa: S506 - safe loader
            rows = _yaml_rows(data)
    except BadManifest:
        raise
    except (OSError, UnicodeError, csv.Error, yaml.YAMLError, ValueError, RecursionError) as exc:
        raise BadManifest(f"{type(exc).__name__}: {exc}".splitlines()[0]) from None
    out = Manifest({}, {})
    for i, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            out.refused.append((i, "bad_manifest", f"entry {i} is not a set of key: value pairs"))
            continue
        row = {str(k).strip(): _cell(v) for k, v in row.items() if k is not None}
        ids = [v for k, v in row.items() if field_of(k) == "article_id" and v]
        if not ids:
            out.refused.append((i, "bad_manifest", f"entry {i} has no article_id; it was not applied"))
            continue
        article_id = unicodedata.normalize("NFC", ids[0])
        if article_id in out.entries:
            out.refused.append((i, "duplicate_manifest_row",
                                f"entry {i} repeats article_id {article_id!r} of entry "
                                f"{out.rows[article_id]}; only the first was applied"))
            continue
        out.entries[article_id] = {k: v for k, v in row.items() if v and field_of(k) != "article_id"}
        out.rows[article_id] = i
    return out


def _yaml_rows(data: object) -> list:
    if data is None:
        return []
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and all(isinstance(v, dict) for v in data.values()):
        return [{"article_id": k, **v} for k, v in data.items()]
    raise BadManifest("expected a list of entries or a mapping article_id -> entry")


def _cell(value: object) -> str:
    return "" if value is None else str(value).strip()
