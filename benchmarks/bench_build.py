"""Build benchmark on the ANT corpus: throughput, peak memory, ratio to a floor, incremental rebuild.

    .venv/bin/python -m benchmarks.bench_build [--corpus DIR] [--out DIR] [--workers N]

The floor, measured in the same run: reading the same files (bytes + UTF-8 decode) plus one bare
regex tokenisation pass over their text. The full build (ingest, normalisation, sentences, terms,
entities, dates, events, themes, writing Parquet) is reported as a multiple of that floor.
Peak memory is the largest summed RSS of the build process and its workers, sampled every 50 ms.

Corpus: the ANT Corpus v2.1 (31,525 articles, 5 outlets, 2018), unpacked from
../shared/corpora/ant-multisource-v2.1.tar.xz into corpora/ant (git-ignored) when --corpus is not given.
Citation (required by the corpus licence): A. Chouigui, O. Ben Khiroun, B. Elayeb, "An Arabic
Multi-source News Corpus: Experimenting on Single-document Extractive Summarization", Arabian Journal
for Science and Engineering 46(8), 2021, doi:10.1007/s13369-020-05258-z.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from benchmarks.tree_memory import TreeSampler
from dashboard.paths import REPO_ROOT
from dashboard.pipeline.run import build

CITATION = (
    "Corpus: ANT Corpus v2.1 (Apache-2.0). Chouigui, Ben Khiroun, Elayeb, \"An Arabic Multi-source News "
    "Corpus: Experimenting on Single-document Extractive Summarization\", AJSE 46(8), 2021."
)
ARCHIVE = REPO_ROOT.parent / "shared" / "corpora" / "ant-multisource-v2.1.tar.xz"


def ensure_corpus(path: Path | None) -> Path:
    if path is not None:
        return path
    target = REPO_ROOT / "corpora" / "ant"
    if not any(target.glob("*/*/*.txt")):
        print(f"unpacking {ARCHIVE} into {target} ...", flush=True)
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(ARCHIVE) as tar:
            tar.extractall(target, filter="data")
    return target


def floor_seconds(files: list[Path]) -> tuple[float, int, int]:
    token_re = re.compile(r"\w+")
    started = time.perf_counter()
    n_bytes = n_tokens = 0
    for path in files:
        data = path.read_bytes()
        n_bytes += len(data)
        n_tokens += len(token_re.findall(data.decode("utf-8", "replace")))
    return time.perf_counter() - started, n_bytes, n_tokens


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="unpacked ANT corpus (default: corpora/ant, unpacked if needed)")
    parser.add_argument("--out", type=Path, help="dataset folder (default: a temporary folder)")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--skip-rebuild", action="store_true", help="skip the one-changed-article rebuild")
    args = parser.parse_args()

    corpus = ensure_corpus(args.corpus)
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix == ".txt" and p.name != "README.md")
    print(CITATION)
    print(f"corpus: {corpus} ({len(files)} files)")

    floor, n_bytes, n_tokens = floor_seconds(files)
    print(f"floor (read + decode + one regex tokenisation pass): {floor:.2f} s, "
          f"{n_bytes / 1e6:.1f} MB, {n_tokens:,} tokens")

    out = args.out or Path(tempfile.mkdtemp(prefix="bench_ant_")) / "ant"
    with TreeSampler() as mem:
        summary = build([corpus], out, workers=args.workers, force=True)
    seconds = summary.seconds
    print(summary.format())
    print(f"full build: {seconds:.1f} s = {seconds / floor:.1f}x the floor (target <= 8x)")
    print(f"throughput: {summary.articles / seconds:,.0f} articles/s, {n_bytes / 1e6 / seconds:.1f} MB/s")
    print(f"peak memory (build + workers): {mem.tree_peak / 2**30:.2f} GiB (target < 2 GiB)")

    if not args.skip_rebuild:
        # Change one article in a copy of one file's folder? Simpler and honest: rebuild the same
        # corpus after editing one file in place, then restore it.
        victim = files[len(files) // 2]
        original = victim.read_bytes()
        try:
            victim.write_bytes(original.replace(b"</TEXT>", "\nجملة أضيفت للاختبار.\n</TEXT>".encode(), 1))
            started = time.perf_counter()
            again = build([corpus], out, workers=args.workers)
            rebuild = time.perf_counter() - started
        finally:
            victim.write_bytes(original)
        print(f"rebuild after one article changed: {rebuild:.1f} s "
              f"({again.processed} processed, {again.reused} reused; target < 5 s)")
    if args.out is None:
        shutil.rmtree(out.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
