"""Peak memory of a build of the worst folder we can make under the size limits: the hostile
corpus (tests/pipeline/hostile_corpus.py) with a 3 GB sparse .txt, plus articles at the
1,000,000-character limit placed so that both workers hold one at once, a single .txt at the 2 MB
limit, records and documents just over the limits (refused), and 400 ordinary records so that the
worker pool is used. RSS is summed over the build and its workers (benchmarks/tree_memory.py).

    python -m benchmarks.hostile_memory [FOLDER]     (default /tmp/hostile_memory; needs ~30 MB of disk)
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

from benchmarks.tree_memory import run_measured
from dashboard.ingest.readers import MAX_RECORD_CHARS, MAX_TXT_BYTES
from dashboard.paths import REPO_ROOT, SEEDS_DIR
from tests.pipeline.hostile_corpus import remove_deep, write_hostile


def _arabic(n: int, salt: int) -> str:
    paras = [p for p in (SEEDS_DIR / "001_bebae4cf14fa5b29.txt").read_text("utf-8").split("\n") if len(p) > 80]
    block = "\n".join(paras) + f" {salt}\n"
    return (block * (n // len(block) + 1))[:n]


def write_worst(root: Path) -> None:
    write_hostile(root / "hostile", sparse_bytes=3 * 2**30)
    with (root / "limits.jsonl").open("w", encoding="utf-8") as f:
        for i in range(400):
            if i % 64 == 0 and i < 6 * 64:  # one at the limit in each of six batches
                text = _arabic(MAX_RECORD_CHARS - 10, i)
            else:
                text = _arabic(2000, i)
            f.write(json.dumps({"id": f"X{i:03d}", "text": text}, ensure_ascii=False) + "\n")
        f.write(json.dumps({"id": "OVER", "text": _arabic(MAX_RECORD_CHARS + 10, 0)}, ensure_ascii=False) + "\n")
        f.write('{"id": "DEEP", "text": "x", "m": ' + "[" * 500_000 + "]" * 500_000 + "}\n")
    at_limit = "عنوان\n" + _arabic(MAX_RECORD_CHARS - 100, 1)  # ~1.8 MB: both limits hold
    assert len(at_limit.encode()) <= MAX_TXT_BYTES
    (root / "at_limit.txt").write_text(at_limit, "utf-8")
    (root / "over.trec").write_text("<DOC>\n<DOCNO>O1</DOCNO>\n<TEXT>\n" + _arabic(MAX_RECORD_CHARS + 100, 2), "utf-8")
    (root / "open_quote.csv").write_text('id,text\nQ1,"' + _arabic(MAX_RECORD_CHARS - 100, 3) + "\n", "utf-8")


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path("/tmp/hostile_memory")
    if root.exists():
        remove_deep(root / "hostile")
        shutil.rmtree(root)
    write_worst(root / "src")
    started = time.perf_counter()
    done, peak = run_measured([sys.executable, "-m", "dashboard.build", str(root / "src"), "--out",
                               str(root / "out"), "--workers", "2", "--quiet", "--force"], cwd=REPO_ROOT)
    seconds = time.perf_counter() - started
    print(done.stdout)
    print(f"exit {done.returncode}; traceback: {'Traceback' in done.stderr}; "
          f"rejections printed: {done.stderr.count('rejected ')}")
    print(f"peak RSS of the build and its workers: {peak / 2**20:.0f} MB; wall time {seconds:.0f} s")
    remove_deep(root / "src" / "hostile")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
