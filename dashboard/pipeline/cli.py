"""``python -m dashboard.build [SOURCE ...] [--out DIR]``: build a dataset from raw Arabic articles."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from tqdm import tqdm

from dashboard.ingest.records import Rejection
from dashboard.paths import CATALOGUE_DIR, DATA_DIR, DEFAULT_DATASET_DIR, SEEDS_DIR
from dashboard.pipeline.run import BuildError, build


def default_out_dir(sources: list[Path]) -> Path:
    """seeds/ builds the shipped dataset; anything else goes to data/datasets/<first source's name>."""
    if [s.resolve() for s in sources] == [SEEDS_DIR.resolve()]:
        return DEFAULT_DATASET_DIR
    name = re.sub(r"[^\w.-]+", "_", sources[0].resolve().stem or "dataset").strip("._") or "dataset"
    return DATA_DIR / "datasets" / name


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.build",
        description="Turn Arabic articles (.txt, TREC-tagged files such as the ANT corpus, .jsonl, .csv; "
                    "folders are read recursively) into the dataset the dashboard reads.",
    )
    parser.add_argument("sources", nargs="*", type=Path, metavar="SOURCE",
                        help=f"files or folders of articles (default: {SEEDS_DIR.name}/)")
    parser.add_argument("--out", type=Path, help="dataset folder to write "
                        "(default: data/datasets/seeds for the seeds, else data/datasets/<source name>)")
    parser.add_argument("--catalogues", type=Path, default=CATALOGUE_DIR,
                        help="catalogue folder, every file of it (entities, events, themes, date words, stopwords, outlets ...; default: data/catalogues)")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores, at most 2)")
    parser.add_argument("--force", action="store_true", help="reprocess every article, ignoring the build cache")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sources = args.sources or [SEEDS_DIR]
    missing = [s for s in sources if not s.exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    out_dir = args.out or default_out_dir(sources)
    bar = None if args.quiet else tqdm(total=0, unit="article", desc="reading inputs", file=sys.stderr)

    def progress(done: int, total: int, stage: str) -> None:
        if bar is None:
            return
        bar.total = total
        bar.set_description(stage)
        bar.n = done
        bar.refresh()

    def rejected(rej: Rejection) -> None:
        message = f"rejected {rej.origin}: {rej.reason}: {rej.detail}"
        (tqdm.write(message, file=sys.stderr) if bar is not None else print(message, file=sys.stderr))

    def waiting() -> None:
        message = f"another build is writing {out_dir}; waiting for it to finish"
        (tqdm.write(message, file=sys.stderr) if bar is not None else print(message, file=sys.stderr))

    try:
        summary = build(sources, out_dir, args.catalogues, progress=progress,
                        workers=args.workers, force=args.force, on_rejection=rejected, on_wait=waiting)
    except BuildError as exc:
        if bar is not None:
            bar.close()
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if bar is not None:
        bar.close()
    print(summary.format())
    return 0


if __name__ == "__main__":
    sys.exit(main())
