"""Content fingerprints: what decides whether a stored result can be reused (the catalogues'
fingerprint is the Catalogues object's own, see dashboard/catalogues.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from dashboard.paths import REPO_ROOT

# Bump when the tables' meaning changes in a way the code hash below would not show.
PIPELINE_VERSION = "1"
# The code whose output is stored per article: a change here invalidates the per-article cache.
_CODE_DIRS = ("dashboard/text", "dashboard/extract", "dashboard/pipeline")


def hash_files(paths: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def code_fingerprint() -> str:
    files = [p for d in _CODE_DIRS for p in (REPO_ROOT / d).rglob("*.py")]
    text = REPO_ROOT / "dashboard" / "text"  # precomputed normalisation and word-frequency tables
    files += [p for pattern in ("*.json", "*.tsv", "*.u64") for p in text.glob(pattern)]
    return PIPELINE_VERSION + ":" + hash_files(files, REPO_ROOT)


def article_key(*parts: object) -> str:
    """Key of one article's inputs to extraction (id, text, publication date...)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(str(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()
