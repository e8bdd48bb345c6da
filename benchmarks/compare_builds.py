"""Compare the build speed of two or more commits on one corpus, in one session, runs alternated.

    .venv/bin/python -m benchmarks.compare_builds BASE [BASE ...] [--head REF] [--corpus DIR]
        [--runs N] [--sample N] [--extract N] [--workers N] [--log FILE]

Each commit is checked out into a temporary git worktree (the working tree itself is the head
unless --head names a commit) and built with *this* interpreter, so every side runs with the
same libraries. Runs alternate (base, head, base, head, ...) so that a change in the machine's
load hits both sides alike. On a shared machine wall time follows the load; CPU time (user + sys
of the build and of its worker processes, from the kernel's rusage of the waited children) does
much less, so both are reported, and the head/base ratio of each.

Per run: wall seconds, CPU seconds, articles/s (wall and CPU), peak RSS of the main process and
the largest worker (sampled every 50 ms from /proc), and the load average when the run started.

--extract N also times per-article extraction alone (the workers' job: entities, dates, events,
themes, terms, sentence keys, fingerprints) on the first N articles of the corpus, in one process,
reported as articles per CPU-second.

--sample N builds N files spread over the corpus (every k-th file, copied to a temporary folder) instead of
all of it, for a quick check; full-corpus figures need no --sample.

Corpus: the ANT Corpus v2.1 (corpora/ant; see benchmarks/bench_build.py). Chouigui, Ben Khiroun,
Elayeb, "An Arabic Multi-source News Corpus: Experimenting on Single-document Extractive
Summarization", AJSE 46(8), 2021.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.tree_memory import TreeSampler
from dashboard.paths import REPO_ROOT

# Run inside a checkout: time per-article extraction of the first N articles in this process.
_EXTRACT_SNIPPET = r"""
import itertools, json, sys, time
from pathlib import Path
from dashboard.catalogues import load_catalogues
from dashboard.ingest.readers import iter_inputs
from dashboard.ingest.records import RawArticle
from dashboard.paths import CATALOGUE_DIR
from dashboard.pipeline.article import ArticleInput, Extractors, process_batch
corpus, n = Path(sys.argv[1]), int(sys.argv[2])
cat = load_catalogues(CATALOGUE_DIR)
arts = [ArticleInput(r.article_id, r.text, r.published, r.published_precision, r.origin)
        for r in itertools.islice((i for i in iter_inputs([corpus], cat.outlets) if isinstance(i, RawArticle)), n)]
t0 = time.process_time()
ex = Extractors(cat)
t1 = time.process_time()
for i in range(0, len(arts), 64):
    process_batch(arts[i:i + 64], ex)
t2 = time.process_time()
print(json.dumps({"articles": len(arts), "setup_cpu": t1 - t0, "extract_cpu": t2 - t1,
                  "chars": sum(len(a.text) for a in arts)}))
"""


def checkout(ref: str, where: Path) -> Path:
    """A detached worktree of ``ref`` under ``where`` (its corpora link points at ours)."""
    path = where / ref.replace("/", "_")
    subprocess.run(["git", "-C", str(REPO_ROOT), "worktree", "add", "--detach", "--force", str(path), ref],
                   check=True, capture_output=True)
    return path


def remove_checkout(path: Path) -> None:
    subprocess.run(["git", "-C", str(REPO_ROOT), "worktree", "remove", "--force", str(path)], capture_output=True)


def _env(tree: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(tree)
    env.pop("PYTHONHASHSEED", None)
    return env


def run_build(tree: Path, corpus: Path, workers: int | None) -> dict:
    out = Path(tempfile.mkdtemp(prefix="cmp_build_")) / "ds"
    cmd = [sys.executable, "-m", "dashboard.build", str(corpus), "--out", str(out), "--force", "--quiet"]
    if workers:
        cmd += ["--workers", str(workers)]
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(["nice", "-n", "5", *cmd], cwd=tree, env=_env(tree),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with TreeSampler(proc.pid) as mem:
        stdout, stderr = proc.communicate()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(out.parent, ignore_errors=True)
    if proc.returncode:
        raise SystemExit(f"build failed in {tree}:\n{stderr[-2000:]}")
    articles = next((int(line.split()[2]) for line in stdout.splitlines() if line.strip().startswith("articles out")), 0)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "articles": articles, "load": load,
            "main_rss": mem.main_peak, "worker_rss": mem.worker_peak, "tree_rss": mem.tree_peak}


def run_extract(tree: Path, corpus: Path, n: int) -> dict:
    proc = subprocess.run(["nice", "-n", "5", sys.executable, "-c", _EXTRACT_SNIPPET, str(corpus), str(n)],
                          cwd=tree, env=_env(tree), capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"extraction timing failed in {tree}:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def sample_corpus(corpus: Path, n: int, where: Path) -> Path:
    """Every k-th file of the corpus (all outlets and sections), n in all, copied (the readers
    refuse links leading out of the source folder)."""
    files = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
    step = max(1, len(files) // n)
    target = where / "sample"
    for path in files[::step][:n]:
        copy = target / path.relative_to(corpus)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bases", nargs="+", help="commits to compare against the head (e.g. main~5, a hash)")
    parser.add_argument("--head", help="commit for the head side (default: this working tree as it is)")
    parser.add_argument("--corpus", type=Path, default=REPO_ROOT / "corpora" / "ant")
    parser.add_argument("--runs", type=int, default=2, help="builds per side (alternated)")
    parser.add_argument("--sample", type=int, help="build only N files spread over the corpus")
    parser.add_argument("--extract", type=int, default=0, help="also time extraction alone on N articles")
    parser.add_argument("--workers", type=int)
    parser.add_argument("--log", type=Path, help="append every run as a JSON line to this file")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="compare_builds_"))
    trees: dict[str, Path] = {}
    try:
        for ref in args.bases:
            trees[ref] = checkout(ref, scratch)
        head = "head" if args.head is None else args.head
        trees[head] = REPO_ROOT if args.head is None else checkout(args.head, scratch)
        corpus = sample_corpus(args.corpus.resolve(), args.sample, scratch) if args.sample else args.corpus.resolve()
        print(f"corpus: {corpus}{f' ({args.sample} files spread over it)' if args.sample else ''}; "
              f"load average at start {os.getloadavg()}; {os.cpu_count()} cores", flush=True)
        results: dict[str, list[dict]] = {ref: [] for ref in trees}
        extracts: dict[str, list[dict]] = {ref: [] for ref in trees}
        for run in range(args.runs):
            for ref, tree in trees.items():
                r = run_build(tree, corpus, args.workers)
                results[ref].append(r)
                line = (f"run {run + 1} {ref:>12}: wall {r['wall']:6.1f} s  cpu {r['cpu']:6.1f} s  "
                        f"{r['articles'] / r['wall']:6.0f} art/s wall  {r['articles'] / r['cpu']:6.0f} art/cpu-s  "
                        f"RSS main {r['main_rss'] / 2**30:.2f} GiB, worker {r['worker_rss'] / 2**30:.2f} GiB, "
                        f"tree {r['tree_rss'] / 2**30:.2f} GiB  (load {r['load']:.2f})")
                print(line, flush=True)
                if args.extract:
                    e = run_extract(tree, corpus, args.extract)
                    extracts[ref].append(e)
                    print(f"      {'':>12}  extraction alone: {e['articles']} articles in {e['extract_cpu']:.1f} "
                          f"CPU-s = {e['articles'] / e['extract_cpu']:.0f} articles/CPU-s "
                          f"(+{e['setup_cpu']:.1f} s extractor set-up)", flush=True)
                if args.log:
                    with args.log.open("a") as fh:
                        fh.write(json.dumps({"ref": ref, "run": run, "build": r,
                                             "extract": extracts[ref][-1] if args.extract else None}) + "\n")
        print("\nmedians (head / base ratio):")
        med = {ref: {k: statistics.median(r[k] for r in rs) for k in ("wall", "cpu", "main_rss", "worker_rss")}
               for ref, rs in results.items()}
        h = med[head]
        for ref, m in med.items():
            ratio = "" if ref == head else (f"  head/base: wall {h['wall'] / m['wall']:.3f}, "
                                            f"cpu {h['cpu'] / m['cpu']:.3f}")
            ex = ""
            if args.extract:
                rate = statistics.median(e["articles"] / e["extract_cpu"] for e in extracts[ref])
                ex = f", extraction {rate:.0f} art/CPU-s"
                if ref != head:
                    head_rate = statistics.median(e["articles"] / e["extract_cpu"] for e in extracts[head])
                    ratio += f", extraction speed {head_rate / rate:.3f}"
            print(f"  {ref:>12}: wall {m['wall']:.1f} s, cpu {m['cpu']:.1f} s, RSS main {m['main_rss'] / 2**30:.2f} "
                  f"GiB, worker {m['worker_rss'] / 2**30:.2f} GiB{ex}{ratio}")
    finally:
        for tree in trees.values():
            if tree != REPO_ROOT:
                remove_checkout(tree)
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
