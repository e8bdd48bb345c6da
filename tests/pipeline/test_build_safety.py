"""A build against its environment: one builder per folder, never a half or foreign dataset
published, a sentence (not a traceback) when the disk or the file system refuses."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dashboard.paths import REPO_ROOT, SEEDS_DIR
from dashboard.pipeline import guard, writer
from dashboard.pipeline.run import BuildError, build, is_stale
from dashboard.pipeline.writer import INFO_FILE, dataset_problem

pytestmark = pytest.mark.slow


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    src = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, src)
    return src


def hidden_entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_threads_and_processes_building_one_folder_leave_one_valid_dataset(tmp_path, seeds_copy):
    """Two threads of this process and two CLI processes build into one folder at once: each
    build completes in turn, and exactly one dataset stands, valid, with nothing left beside it."""
    out = tmp_path / "ds"
    cli = [sys.executable, "-m", "dashboard.build", str(seeds_copy), "--out", str(out), "--workers", "1",
           "--quiet"]
    procs = [subprocess.Popen(cli, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    errors: list[BaseException] = []

    def in_thread() -> None:
        try:
            build([seeds_copy], out, workers=1)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=in_thread) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, stderr
        assert "Traceback" not in stderr
    assert errors == []
    assert dataset_problem(out) is None
    assert not is_stale(out, [seeds_copy])
    assert hidden_entries(tmp_path) == [".ds.lock"]


def test_a_second_builder_waits_for_the_first(tmp_path, seeds_copy):
    out = tmp_path / "ds"
    lock = guard.BuildLock(out)
    lock.acquire()
    waited = threading.Event()
    done = threading.Event()

    def second() -> None:
        build([seeds_copy], out, workers=1, on_wait=waited.set)
        done.set()

    th = threading.Thread(target=second)
    th.start()
    assert waited.wait(30)
    assert not done.wait(1.0) and not out.exists()  # it waits while the lock is held
    lock.release()
    th.join(120)
    assert done.is_set() and dataset_problem(out) is None


def test_only_orphaned_temporary_folders_are_removed(tmp_path, seeds_copy):
    out = tmp_path / "ds"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        live = tmp_path / f".ds.building-{sleeper.pid}-aaaa"
        dead_pid = 2**22 + 12345  # above the default pid_max: no such process
        dead = tmp_path / f".ds.building-{dead_pid}-bbbb"
        for folder in (live, dead):
            folder.mkdir()
            (folder / "x.parquet").write_bytes(b"x")
        build([seeds_copy], out, workers=1)
        assert live.exists() and not dead.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_folder_with_user_files_and_any_build_info_is_not_ours(tmp_path, seeds_copy):
    precious = tmp_path / "thesis"
    precious.mkdir()
    (precious / "thesis.docx").write_bytes(b"PK\x03\x04 my thesis")
    for info in ("{}", json.dumps({"version": "x", "code_fingerprint": "y", "inputs_fingerprint": "z"})):
        (precious / INFO_FILE).write_text(info, "utf-8")
        with pytest.raises(BuildError, match="holds files that are not a dataset built here") as err:
            build([seeds_copy], precious, workers=1)
        assert str(precious) in str(err.value)
        assert (precious / "thesis.docx").read_bytes() == b"PK\x03\x04 my thesis"


def test_read_only_output_is_one_sentence_and_keeps_the_dataset(tmp_path, seeds_copy, monkeypatch):
    out = tmp_path / "ds"
    build([seeds_copy], out, workers=1)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(guard.os, "open", read_only)
    with pytest.raises(BuildError) as err:
        build([seeds_copy], out, workers=1, force=True)
    message = str(err.value)
    assert err.value.kind == "read_only"
    assert message.startswith(f"{tmp_path} cannot be written (Read-only file system)")
    assert "--out" in message and "left as it was" in message
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_cli_says_disk_full_in_one_line(tmp_path, seeds_copy):
    """The CLI with a full disk (simulated in a child process): exit 1, one sentence, no traceback."""
    out = tmp_path / "ds"
    code = (
        "import errno, sys, pyarrow.parquet as pq\n"
        "def full(*a, **k): raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "pq.write_table = full\n"
        "from dashboard.pipeline.cli import main\n"
        f"sys.exit(main([{str(seeds_copy)!r}, '--out', {str(out)!r}, '--workers', '1', '--quiet']))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert lines == [f"error: The disk holding {tmp_path} is full: free some space there (or build with "
                     f"--out on another disk) and build again. The previous dataset in {out} was left "
                     "as it was."]


def test_a_dataset_that_fails_validation_is_stale_not_fresh(tmp_path, seeds_copy):
    out = tmp_path / "ds"
    build([seeds_copy], out, workers=1)
    assert not is_stale(out, [seeds_copy])
    themes = out / "themes.parquet"
    saved = themes.read_bytes()
    themes.unlink()
    assert is_stale(out, [seeds_copy])  # a table missing
    themes.write_bytes(saved[:-1] + b"\0")
    assert is_stale(out, [seeds_copy])  # files that do not match the version
    build([seeds_copy], out, workers=1)  # and a rebuild repairs it (no rows lent from it)
    assert dataset_problem(out) is None and themes.read_bytes() == saved


def test_a_dataset_failing_its_own_check_is_never_published(tmp_path, seeds_copy, monkeypatch):
    out = tmp_path / "ds"
    build([seeds_copy], out, workers=1)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (seeds_copy / "new.txt").write_text("عنوان\nنص جديد عن كازاخستان.\n", "utf-8")
    real = writer.tables_version
    calls = {"n": 0}

    def drifting(folder, names):  # as if a new file changed between its hashing and the check
        if Path(folder).name.startswith(".ds.building-"):
            calls["n"] += 1
            return real(folder, names) + ("x" if calls["n"] == 1 else "")
        return real(folder, names)

    monkeypatch.setattr(writer, "tables_version", drifting)
    with pytest.raises(BuildError, match="failed its own check"):
        build([seeds_copy], out, workers=1)
    assert calls["n"] == 2  # hashed for build_info.json, then checked
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert hidden_entries(tmp_path) == [".ds.lock"]


def test_a_killed_build_leaves_no_worker_processes(tmp_path):
    """kill -9 of the build's main process: its pool workers end too (they would otherwise wait
    forever on a queue nobody writes)."""
    from benchmarks.tree_memory import _children

    src = tmp_path / "src"
    src.mkdir()
    paragraph = (SEEDS_DIR / "001_bebae4cf14fa5b29.txt").read_text("utf-8").split("\n")[2]
    with (src / "many.jsonl").open("w", encoding="utf-8") as f:  # enough to use the worker pool
        for i in range(2000):
            f.write(json.dumps({"id": f"K{i}", "text": f"{paragraph} {i}"}, ensure_ascii=False) + "\n")
    proc = subprocess.Popen([sys.executable, "-m", "dashboard.build", str(src), "--out", str(tmp_path / "ds"),
                             "--workers", "2", "--quiet"], cwd=REPO_ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
            workers = _children(proc.pid)
        assert len(workers) >= 2, "the build never started its workers"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_running(pid) for pid in workers):
            time.sleep(0.1)
        assert not [pid for pid in workers if _running(pid)]
    finally:
        if proc.poll() is None:
            proc.kill()


def test_a_worker_whose_build_died_before_it_started_ends_at_once():
    """The race of a build killed between forking a worker and the worker's first line: the worker
    then already has another parent, and must not watch that one forever."""
    code = ("import time; from dashboard.pipeline.guard import die_with_parent; "
            "die_with_parent(parent=1 << 22 | 12345); time.sleep(30)")  # a pid that is not its parent
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, timeout=60)
    assert done.returncode == 1 and time.monotonic() - started < 20


def test_pool_workers_watch_the_build_that_started_them(tmp_path, monkeypatch):
    """Each worker is told the build's pid as the build read it, not its own getppid() at start-up
    (which, if the build was killed in between, is already another process)."""
    from dashboard.catalogues import load_catalogues
    from dashboard.paths import CATALOGUE_DIR
    from dashboard.pipeline import run

    seen = tmp_path / "parents"

    def record(parent=None):  # forked workers inherit this patch
        with seen.open("a") as f:
            f.write(f"{parent}\n")

    monkeypatch.setattr(run, "die_with_parent", record)
    with run._pool(2, load_catalogues(CATALOGUE_DIR)) as pool:
        assert pool.submit(os.getpid).result(timeout=60) != os.getpid()
    assert set(seen.read_text().split()) == {str(os.getpid())}


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"  # a zombie has ended
    except OSError:
        return False
