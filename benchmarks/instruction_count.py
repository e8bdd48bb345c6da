"""Count the machine instructions extraction takes, per article, for one or more commits.

    .venv/bin/python -m benchmarks.instruction_count REF [REF ...] [--articles N] [--corpus DIR]

CPU seconds on a shared virtual machine move by a fifth from one run of the same code to the next
(stop 28: 81 to 124 articles per CPU-second), so they cannot show whether a change made extraction
a few per cent slower. The number of instructions the interpreter executes hardly moves: each
commit's extraction runs under valgrind's cachegrind (no cache simulation) with a fixed hash seed,
once with no article (import, catalogue loading, extractor set-up) and once with N articles spread
over the corpus (every k-th file, as compare_builds --sample picks them). The difference divided by
N is the instructions per article; the first run is the set-up's cost. What the set-up leaves to
first use (a cue's regex is compiled when an article first needs it) falls in the per-article
figure, so compare the totals (set-up and N articles: what a worker does for a batch) too. Slow (valgrind runs Python about 40 times slower: some minutes per commit), but
not disturbed by the machine's load, so the commits can be measured one after another.

Needs valgrind (Debian: apt-get install valgrind). Corpus: the ANT Corpus v2.1 (corpora/ant; see
benchmarks/bench_build.py). Chouigui, Ben Khiroun, Elayeb, "An Arabic Multi-source News Corpus:
Experimenting on Single-document Extractive Summarization", AJSE 46(8), 2021.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.compare_builds import _EXTRACT_SNIPPET, checkout, remove_checkout, sample_corpus
from dashboard.paths import REPO_ROOT

_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(tree: Path, corpus: Path, n: int) -> int:
    """Instructions executed by importing, setting up and extracting ``n`` articles of ``corpus`` in ``tree``."""
    out = Path(tempfile.mkdtemp(prefix="icount_"))
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
    proc = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no",
                           f"--cachegrind-out-file={out / 'cg.out'}",
                           sys.executable, "-c", _EXTRACT_SNIPPET, str(corpus), str(n)],
                          cwd=tree, env=env, capture_output=True, text=True)
    shutil.rmtree(out, ignore_errors=True)
    found = _REFS.search(proc.stderr)
    if proc.returncode or not found:
        raise SystemExit(f"valgrind run failed in {tree} ({n} articles):\n{proc.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("refs", nargs="+", help="commits to measure (HEAD, a hash, main~3 ...)")
    parser.add_argument("--articles", type=int, default=200, help="articles extracted (default 200)")
    parser.add_argument("--corpus", type=Path, default=REPO_ROOT / "corpora" / "ant")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    if args.articles < 1:
        raise SystemExit("--articles must be at least 1")
    scratch = Path(tempfile.mkdtemp(prefix="instruction_count_"))
    base = None
    try:
        corpus = sample_corpus(args.corpus.resolve(), args.articles, scratch)
        for ref in args.refs:
            tree = checkout(ref, scratch)
            try:
                setup = instructions(tree, corpus, 0)
                total = instructions(tree, corpus, args.articles)
            finally:
                remove_checkout(tree)
            per_article = (total - setup) / args.articles
            ratio = "" if base is None else f"  (total {total / base:.3f} x {args.refs[0]})"
            base = base or total
            print(f"{ref:>12}: set-up {setup / 1e9:6.2f} G instructions; set-up and {args.articles} articles "
                  f"{total / 1e9:6.2f} G; {per_article / 1e6:7.1f} M per article{ratio}", flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
