"""What keeps a build safe from its environment: one builder per output folder (a lock that holds
across processes and threads), temporary folders nobody else uses, and a sentence for a person
when the disk or the file system says no."""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import secrets
import shutil
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from dashboard.pipeline.report import BuildError


def environment_error(exc: OSError, where: Path, out_dir: Path) -> BuildError:
    """One sentence naming ``where`` and what to do, for an OSError raised while writing there."""
    kept = f"The previous dataset in {out_dir} was left as it was."
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return BuildError(f"The disk holding {where} is full: free some space there (or build with "
                          f"--out on another disk) and build again. {kept}", "disk_full")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return BuildError(f"{where} cannot be written ({exc.strerror}): build into a folder you can "
                          f"write to with --out, or make this one writable. {kept}", "read_only")
    return BuildError(f"Writing to {where} failed ({exc.strerror or exc}): check that folder and "
                      f"build again. {kept}", "write_failed")


class BuildLock:
    """Exclusive right to build into ``out_dir``. ``flock`` locks belong to an open file
    description, so two threads of one process, each opening the lock file, exclude each other as
    two processes do; the kernel drops the lock when its holder dies, so no stale lock survives a
    crash or a kill -9."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.path = self.out_dir.parent / f".{self.out_dir.name}.lock"
        self._fd: int | None = None

    def acquire(self, on_wait: Callable[[], None] | None = None) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            raise environment_error(exc, self.path.parent, self.out_dir) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)  # releases the GIL while it waits
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            # Explicitly: forked workers share the description, closing ours alone would not unlock.
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> BuildLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def scratch_name(out_dir: Path, kind: str) -> Path:
    """A folder beside ``out_dir`` no other build or thread will ever use: owner pid + random."""
    return out_dir.parent / f".{out_dir.name}.{kind}-{os.getpid()}-{secrets.token_hex(6)}"


def leftovers(out_dir: Path, kind: str) -> list[Path]:
    parent = out_dir.parent
    return sorted(parent.glob(f".{out_dir.name}.{kind}-*")) if parent.is_dir() else []


def remove_orphans(out_dir: Path) -> None:
    """Remove the temporary folders of builds that are gone. Called holding the lock, so no live
    build of ours owns one; a folder whose owner pid still runs is left alone all the same."""
    for path in leftovers(out_dir, "building") + leftovers(out_dir, "old"):
        pid = path.name.rsplit(".", 1)[-1].split("-")[1]
        if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
            continue
        shutil.rmtree(path, ignore_errors=True)


_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> None:
    """Make this worker process end when the build that started it dies, even by kill -9 (which
    runs no cleanup): a pool worker otherwise waits forever on a queue nobody writes. Linux's
    PR_SET_PDEATHSIG sends SIGKILL at once; a watchdog thread covers systems without it.
    ``parent``: the build's pid, read by the build itself before it started the worker. A build
    killed between the fork and this call has already left the worker to another parent, so the
    worker's own getppid() here would watch the wrong process forever: it ends at once instead."""
    parent = os.getppid() if parent is None else parent
    if sys.platform == "linux":
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
