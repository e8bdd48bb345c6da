"""The build's inputs: the one fingerprint of their content (every file the readers read)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from dashboard.ingest.readers import input_files
from dashboard.paths import REPO_ROOT


def _file_hash(path: Path) -> str:
    """Content hash read in blocks: a 3 GB file costs a buffer, not 3 GB."""
    with path.open("rb") as f:
        return hashlib.file_digest(f, lambda: hashlib.blake2b(digest_size=16)).hexdigest()


def display(path: Path) -> str:
    """A path as build_info.json records it: relative to the repo when inside it."""
    path = path.resolve()
    return str(path.relative_to(REPO_ROOT)) if path.is_relative_to(REPO_ROOT) else str(path)


def input_hashes(sources: list[Path], stat_cache: dict | None = None) -> tuple[str, dict]:
    """The inputs fingerprint and, per file, [size, mtime_ns, content hash] (the next stat cache).

    The fingerprint covers the name (origin) and content of every file ``iter_inputs`` reads, by
    the readers' own walk (manifests beside a single file included; links outside the source,
    unreadable folders and invalid names skipped there as here), so it changes exactly when the
    articles read could. Content hashes are reused from ``stat_cache`` when a file's size and
    mtime are unchanged, so checking a large corpus is cheap."""
    stat_cache = stat_cache or {}
    seen: dict[str, list] = {}
    digest = hashlib.sha256()
    for source in sources:
        digest.update(f"source:{Path(source).name}\0".encode())
        for path, origin in input_files([source]):
            try:  # a file can vanish or turn unreadable after the listing: the readers reject it
                st = path.stat()
                key = str(path.resolve())
                cached = stat_cache.get(key)
                if cached and cached[0] == st.st_size and cached[1] == st.st_mtime_ns:
                    content_hash = cached[2]
                else:
                    content_hash = _file_hash(path)
            except OSError:
                digest.update(f"{origin}\0unreadable\0".encode())
                continue
            seen[key] = [st.st_size, st.st_mtime_ns, content_hash]
            digest.update(f"{origin}\0{content_hash}\0".encode())
    return digest.hexdigest(), seen
