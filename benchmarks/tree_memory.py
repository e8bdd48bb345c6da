"""Peak memory of a command and every process it starts (RSS summed over the process tree,
sampled every 20 ms from /proc): what a build costs with its worker processes, which
/usr/bin/time -v cannot say (it reports the largest single process).

    python benchmarks/tree_memory.py -- python -m dashboard.build SRC --out OUT
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(pid: int) -> list[int]:
    out, todo = [], _children(pid)
    while todo:
        child = todo.pop()
        out.append(child)
        todo += _children(child)
    return out


def tree_rss_kb(root: int) -> int:
    return _rss_kb(root) + sum(_rss_kb(pid) for pid in descendants(root))


class TreeSampler:
    """Peaks of a running process's memory, sampled from /proc every ``interval`` s in a thread:
    ``main_peak`` (the process), ``worker_peak`` (its largest descendant), ``tree_peak`` (the
    process and all its descendants together), in bytes."""

    def __init__(self, pid: int | None = None, interval: float = 0.05):
        self.pid = pid or os.getpid()
        self.interval = interval
        self.main_peak = self.worker_peak = self.tree_peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            main = _rss_kb(self.pid) * 1024
            workers = [_rss_kb(pid) * 1024 for pid in descendants(self.pid)]
            self.main_peak = max(self.main_peak, main)
            self.worker_peak = max(self.worker_peak, max(workers, default=0))
            self.tree_peak = max(self.tree_peak, main + sum(workers))

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def run_measured(cmd: list[str], interval: float = 0.02, **kwargs) -> tuple[subprocess.CompletedProcess, int]:
    """(the finished process, peak RSS of its tree in bytes)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(interval)
    stdout, stderr = proc.communicate()
    return subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr), peak * 1024


if __name__ == "__main__":
    argv = sys.argv[1:]
    cmd = argv[argv.index("--") + 1:] if "--" in argv else argv
    done, peak = run_measured(cmd)
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr)
    print(f"peak RSS of the process tree: {peak / 2**20:.0f} MB (exit {done.returncode})")
    sys.exit(done.returncode)
