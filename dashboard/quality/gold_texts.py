"""Re-fetch the texts of the unseen gold: find the annotated text inside a stored page's excerpt.

The unseen gold's texts are third-party news and never committed (data/gold/README.md). Each part's
``SOURCES.csv`` records, per article, the page's URL, the text's length in characters (``chars``) and
the SHA-256 of its UTF-8 bytes; ``FETCH.tsv`` beside it records a query that found the page in the
search tool's ``pages`` corpus. Whoever fetches the texts again saves the excerpt the tool returns
for that URL, as returned, and this command finds the annotated text inside it: the substring of the
recorded length whose hash is the recorded one. Page furniture before the article is skipped by
trying every start; stored copies whose whitespace changed since the annotation (runs of blank
lines, indented paragraphs) are tried in a few normalised forms. Nothing is guessed: a text is
written only when its hash matches.

    python -m dashboard.quality.gold_texts PART RAW_DIR [--out DIR]

reads ``RAW_DIR/<article_id>.raw`` for every article of ``data/gold/unseen/PART/SOURCES.csv``,
writes the matched texts and their ``manifest.csv`` rows to ``--out`` (default ``data/gold_unseen_texts/PART``)
and lists the articles with no raw file or no match.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from dashboard.paths import DATA_DIR

UNSEEN = DATA_DIR / "gold" / "unseen"
TEXTS = DATA_DIR / "gold_unseen_texts"
_INDENT = re.compile(r"(?m)^[ \t]+")


def _forms(raw: str) -> Iterator[str]:
    """The excerpt as returned, then the whitespace variants stored copies were seen to differ by."""
    yield raw
    yield unicodedata.normalize("NFC", raw)
    yield raw.replace("\r\n", "\n")
    yield re.sub(r"[ \t]+\n", "\n", raw)
    yield re.sub(r"\n+", " ", raw)
    for base in (raw, _INDENT.sub("", raw)):
        if base is not raw:
            yield base
        for k in (1, 2, 3):  # runs of blank lines capped at k newlines
            yield re.sub("\n{" + str(k + 1) + ",}", "\n" * k, base)


def find_text(raw: str, chars: int, sha256: str) -> str | None:
    """The substring of ``raw`` (or of a whitespace variant of it) with ``chars`` characters whose
    UTF-8 SHA-256 is ``sha256``, a final newline allowed; None when there is none."""
    for form in _forms(raw):
        for start in range(max(len(form) - chars + 2, 1)):
            piece = form[start:start + chars]
            for cand in (piece, piece[:-1] + "\n", piece.rstrip() + "\n"):
                if len(cand) == chars and hashlib.sha256(cand.encode("utf-8")).hexdigest() == sha256:
                    return cand
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.quality.gold_texts", description=__doc__.split("\n\n")[0])
    parser.add_argument("part", help="a part of data/gold/unseen/ (dev, test2, test15 ...)")
    parser.add_argument("raw_dir", type=Path, help="folder of <article_id>.raw excerpts as the search tool returned them")
    parser.add_argument("--out", type=Path, default=None, help="where to write the texts (default data/gold_unseen_texts/PART)")
    args = parser.parse_args(argv)
    sources = UNSEEN / args.part / "SOURCES.csv"
    if not sources.is_file():
        print(f"no such part: {sources} does not exist", file=sys.stderr)
        return 2
    out = args.out or TEXTS / args.part
    out.mkdir(parents=True, exist_ok=True)
    with open(sources, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    found, missing = [], []
    for row in rows:
        raw_path = args.raw_dir / f"{row['article_id']}.raw"
        if not raw_path.is_file():
            missing.append(f"{row['article_id']}: no {raw_path}")
            continue
        text = find_text(raw_path.read_text(encoding="utf-8"), int(row["chars"]), row["sha256"])
        if text is None:
            missing.append(f"{row['article_id']}: no substring of {row['chars']} characters with the recorded hash in {raw_path}")
            continue
        (out / f"{row['article_id']}.txt").write_bytes(text.encode("utf-8"))
        found.append(row)
    with open(out / "manifest.csv", "w", encoding="utf-8", newline="") as fh:  # the texts written, no others
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(found)
    print(f"{len(found)} of {len(rows)} texts of {args.part} written to {out}")
    for line in missing:
        print(f"  missing {line}")
    return 0 if not missing else 1


if __name__ == "__main__":
    raise SystemExit(main())
