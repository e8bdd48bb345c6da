"""The dataset committed in data/datasets/seeds is the one today's code and catalogues build."""

from __future__ import annotations

from dashboard.dataset import load_dataset
from dashboard.paths import CATALOGUE_DIR, DEFAULT_DATASET_DIR, SEEDS_DIR
from dashboard.pipeline.run import is_stale


def test_shipped_dataset_is_current():
    assert (DEFAULT_DATASET_DIR / "build_info.json").exists(), (
        "data/datasets/seeds is missing: run `python -m dashboard.build` and commit it")
    assert not is_stale(DEFAULT_DATASET_DIR, [SEEDS_DIR], CATALOGUE_DIR), (
        "data/datasets/seeds is older than the code, seeds/ or data/catalogues/: "
        "run `python -m dashboard.build` and commit it")


def test_shipped_dataset_loads_with_all_seeds():
    ds = load_dataset(DEFAULT_DATASET_DIR)
    assert len(ds.articles) == len(list(SEEDS_DIR.glob("*.txt"))) == 5
    assert len(ds.entity_mentions) > 300 and len(ds.event_mentions) > 50
