"""Helpers for the ingest tests: run iter_inputs and split what comes out."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.catalogues import FILES, read_csv
from dashboard.ingest.outlets import outlet_names
from dashboard.ingest.readers import iter_inputs
from dashboard.ingest.records import Notice, RawArticle, Rejection
from dashboard.paths import CATALOGUE_DIR, REPO_ROOT, SEEDS_DIR

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# Where the README (and .ci/run, when the archive is at ../shared/corpora) unpacks the ANT corpus.
ANT_DIR = REPO_ROOT / "corpora" / "ant"


# The shipped outlet display names (what Catalogues.outlets holds), read cheaply.
_OUTLETS_FILE = FILES["outlets"].path
OUTLETS = outlet_names(read_csv(_OUTLETS_FILE, (CATALOGUE_DIR / _OUTLETS_FILE).read_bytes()))


def run(*sources) -> tuple[dict[str, RawArticle], list[Rejection]]:
    """(articles by id, rejections) from iter_inputs over ``sources``, with the shipped outlet names."""
    articles: dict[str, RawArticle] = {}
    rejections: list[Rejection] = []
    for item in iter_inputs(list(sources), OUTLETS):
        if isinstance(item, RawArticle):
            assert item.article_id not in articles, f"iter_inputs yielded {item.article_id} twice"
            articles[item.article_id] = item
        elif isinstance(item, Notice):  # warnings about no article (see notices())
            continue
        else:
            rejections.append(item)
    return articles, rejections


def notices(*sources) -> list[Notice]:
    return [item for item in iter_inputs(list(sources)) if isinstance(item, Notice)]


@pytest.fixture(scope="session")
def seed_001() -> str:
    """A real seed article (UTF-8 on disk, LF line ends)."""
    return (SEEDS_DIR / "001_bebae4cf14fa5b29.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def paragraph(seed_001) -> str:
    """One real paragraph of Arabic news text."""
    return seed_001.split("\n")[2]
