"""The files of a source folder, as the build reads and fingerprints them: one walk for both, so
what is hashed is what is read.

Never raises and never recurses (a folder nested a thousand deep is walked like any other).
Everything not read is said: hidden entries (.git, .DS_Store) are the only silent skips.
Symbolic links are followed only to a file inside the source folder: a corpus never reaches
outside itself (a ``passwd.txt -> /etc/passwd`` is skipped, and named).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Skipped:
    """An entry the walk did not hand on: ``origin`` is printable, ``reason`` a Rejection code."""

    origin: str
    reason: str
    detail: str


def printable(name: str) -> str:
    """``name`` with undecodable bytes (surrogate escapes of a non-UTF-8 file name) shown as U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _valid_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def walk(source: Path) -> Iterator[tuple[Path, str] | Skipped]:
    """(path, origin) of every file under ``source`` (a folder, or one file), depth first in sorted
    order (files of a folder before its sub-folders), or a Skipped saying why an entry was not."""
    if not source.is_dir():
        if source.is_file():  # the source itself was named by the user: a link to it is fine
            yield source, source.name
        return
    root_real = Path(os.path.realpath(source))
    root_name = source.resolve().name
    stack: list[tuple[Path, str]] = [(source, root_name)]
    while stack:
        folder, label = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield Skipped(label, "unreadable", f"folder {label} cannot be read ({exc.strerror or exc}); "
                                               "its files were skipped")
            continue
        subfolders: list[tuple[Path, str]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            origin = f"{label}/{printable(entry.name)}"
            if not _valid_name(entry.name):
                yield Skipped(origin, "bad_file_name",
                              f"{origin}: the name is not valid UTF-8; rename it to read it")
                continue
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    item = _link(path, origin, root_real)
                    if item is not None:
                        yield item
                    continue
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append((path, origin))
                elif entry.is_file(follow_symlinks=False):
                    yield path, origin
                else:
                    yield Skipped(origin, "not_a_file",
                                  f"{origin} is not a regular file (a pipe, socket or device): skipped")
            except OSError as exc:  # vanished or unreadable between the listing and the look
                yield Skipped(origin, "unreadable", f"{origin} cannot be read ({exc.strerror or exc})")
        stack.extend(reversed(subfolders))


def _link(path: Path, origin: str, root_real: Path) -> tuple[Path, str] | Skipped | None:
    target = os.path.realpath(path)
    if not Path(target).is_relative_to(root_real):
        return Skipped(origin, "link_outside", f"{origin} is a link to a place outside the source "
                                               "folder: not followed")
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return Skipped(origin, "broken_link", f"{origin} is a link to nothing: skipped")
    if stat.S_ISDIR(mode):
        return Skipped(origin, "folder_link", f"{origin} is a link to a folder: not followed "
                                              "(its files are read where they are)")
    if stat.S_ISREG(mode):
        return path, origin
    return Skipped(origin, "not_a_file", f"{origin} links to something that is not a regular file")
