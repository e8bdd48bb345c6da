"""Where per-article extraction spends its CPU: a statistical profile of what compare_builds --extract times.

    .venv/bin/python -m benchmarks.profile_extract [--corpus DIR] [--sample N] [--articles N] [--top N]

The first N articles of the corpus (or of a sample of it: every k-th file, as compare_builds
--sample takes them) go through ``process_batch`` in batches of 64 with the extractors built
beforehand (their set-up is not profiled). Every 0.5 ms of this process's CPU time a signal
records the Python stack, so the shares cost nothing per call (cProfile's per-call overhead
triples the weight of small functions and misleads). Reported: CPU time per stage (entities,
dates, events, ...), then the functions with the largest inclusive and self shares, and the
hottest lines. On a shared machine the CPU seconds vary with the load; the shares much less.

Corpus: the ANT Corpus v2.1 (corpora/ant). Chouigui, Ben Khiroun, Elayeb, "An Arabic Multi-source
News Corpus: Experimenting on Single-document Extractive Summarization", AJSE 46(8), 2021.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from dashboard.paths import REPO_ROOT

_INTERVAL = 0.0005  # CPU seconds between samples
_STAGES = {"entities": "find", "dates": "find", "events": "find", "discovered_events": "find",
           "provisional": "find", "themes": "score"}


def _where(frame) -> str:
    path = frame.f_code.co_filename
    if path.startswith(str(REPO_ROOT)):
        path = path[len(str(REPO_ROOT)) + 1:]
    return f"{path}:{frame.f_code.co_name}"


def profile(articles: list, extractors, process_batch) -> tuple[float, dict, collections.Counter,
                                                                  collections.Counter, collections.Counter, int]:
    """(CPU seconds, stage -> CPU seconds, inclusive, self and line sample counts, samples)."""
    inclusive: collections.Counter = collections.Counter()
    own: collections.Counter = collections.Counter()
    lines: collections.Counter = collections.Counter()
    samples = 0

    def record(signum, frame) -> None:
        nonlocal samples
        samples += 1
        here = _where(frame)
        own[here] += 1
        lines[f"{here}:{frame.f_lineno}"] += 1
        seen = set()
        while frame is not None and frame.f_code is not profile.__code__:  # (this harness's own frames left out)
            name = _where(frame)
            if name not in seen:
                seen.add(name)
                inclusive[name] += 1
            frame = frame.f_back

    stage_cpu: dict[str, float] = collections.defaultdict(float)

    def timed(name: str, call):
        def wrapper(*args, **kwargs):
            started = time.process_time()
            try:
                return call(*args, **kwargs)
            finally:
                stage_cpu[name] += time.process_time() - started
        return wrapper

    for attribute, method in _STAGES.items():
        stage = getattr(extractors, attribute)
        setattr(stage, method, timed(attribute, getattr(stage, method)))
    previous = signal.signal(signal.SIGPROF, record)
    started = time.process_time()
    signal.setitimer(signal.ITIMER_PROF, _INTERVAL, _INTERVAL)
    try:
        for i in range(0, len(articles), 64):
            process_batch(articles[i:i + 64], extractors)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, previous)
    return time.process_time() - started, dict(stage_cpu), inclusive, own, lines, samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO_ROOT / "corpora" / "ant")
    parser.add_argument("--sample", type=int, help="take N files spread over the corpus (as compare_builds)")
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()

    from benchmarks.compare_builds import sample_corpus
    from dashboard.catalogues import load_catalogues
    from dashboard.ingest.readers import iter_inputs
    from dashboard.ingest.records import RawArticle
    from dashboard.paths import CATALOGUE_DIR
    from dashboard.pipeline.article import ArticleInput, Extractors, process_batch

    scratch = Path(tempfile.mkdtemp(prefix="profile_extract_"))
    try:
        corpus = sample_corpus(args.corpus.resolve(), args.sample, scratch) if args.sample else args.corpus
        catalogues = load_catalogues(CATALOGUE_DIR)
        raw = (i for i in iter_inputs([corpus], catalogues.outlets) if isinstance(i, RawArticle))
        articles = [ArticleInput(r.article_id, r.text, r.published, r.published_precision, r.origin)
                    for r in itertools.islice(raw, args.articles)]
        extractors = Extractors(catalogues)
        cpu, stages, inclusive, own, lines, samples = profile(articles, extractors, process_batch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if not articles or not samples:
        print(f"no articles read from {corpus}", file=sys.stderr)
        return 1
    print(f"{len(articles)} articles in {cpu:.2f} CPU-s = {len(articles) / cpu:.0f} articles/CPU-s; "
          f"{samples} samples")
    print("\nstages (CPU-s, share):")
    for name, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {name:20s} {seconds:6.2f}  {100 * seconds / cpu:5.1f} %")
    for title, counts in (("inclusive", inclusive), ("self", own), ("lines (self)", lines)):
        print(f"\n{title}:")
        for name, count in counts.most_common(args.top):
            print(f"  {100 * count / samples:5.1f} %  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
