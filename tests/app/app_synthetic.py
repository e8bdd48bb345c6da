"""The app tests' dataset, made by the real build: the seed articles given header blocks
(several outlets and dates) plus one hostile article with ``<script>`` and HTML in its title and
text, written as .txt files and built with ``dashboard.pipeline.run.build``. So what the tests
and screenshots show is what the product computes (terms, stopwords, entities, events, themes).
"""

from __future__ import annotations

import csv
from pathlib import Path

from dashboard.paths import CATALOGUE_DIR, REPO_ROOT, SEEDS_DIR

APP = str(REPO_ROOT / "streamlit_app.py")  # the entrypoint AppTest runs
TIMEOUT = 60

# Seed order (sorted file names) -> (outlet, date). Titles come from the seeds' manifest; seed 002
# has none there (its first line is a paragraph), so the app's title fallback is exercised.
HEADERS = [("Al Jazeera", "2022-01-06"), ("RT Arabic", "2022-06-20"), ("Al Jazeera", "2022-07-01"),
           ("Sputnik", "2023-03-15"), ("Asharq", "2022-01-10")]
HOSTILE_ID = "hostile"
HOSTILE = ("title: <script>alert('t')</script> عنوان <b>عريض</b>\n"
           "source: RT Arabic\n"
           "date: 2021-12-01\n"
           "---\n"
           "مقال <script>alert('x')</script> عن كازاخستان وروسيا والصين.\n"
           "سطر ثان عن <b>أستانا</b> والرئيس توكاييف في يناير 2022 بعد الاحتجاجات في كازاخستان.\n")
# A later republication of the first seed by another outlet: a copy the app folds by default.
COPY_ID = "republished"
COPY_HEADER = "source: Sputnik\ndate: 2023-04-01\n---\n"


def write_articles(folder: Path) -> Path:
    """The synthetic input articles as .txt files in ``folder`` (created); returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    with open(SEEDS_DIR / "manifest.csv", encoding="utf-8", newline="") as f:
        titles = {row["article_id"]: row["title"] for row in csv.DictReader(f)}
    for path, (source, date) in zip(seeds, HEADERS):
        title = titles.get(path.stem, "").strip()
        header = (f"title: {title}\n" if title else "") + f"source: {source}\ndate: {date}\n---\n"
        (folder / path.name).write_text(header + path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / f"{HOSTILE_ID}.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / f"{COPY_ID}.txt").write_text(COPY_HEADER + seeds[0].read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def write_dataset(out: Path) -> Path:
    """Build the synthetic articles into the dataset folder ``out`` and return it."""
    from dashboard.pipeline.run import build

    inputs = write_articles(out.parent / f"{out.name}_inputs")
    build([inputs], out, CATALOGUE_DIR, workers=1)
    return out
