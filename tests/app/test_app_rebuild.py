"""The app on a stale shipped dataset: several sessions at once get one rebuild between them and
then the new dataset; where it cannot rebuild (read-only), it serves the dataset it has."""

from __future__ import annotations

import errno
import shutil
import threading
from pathlib import Path

import pandas as pd
import pytest
from app_synthetic import APP, TIMEOUT
from streamlit.testing.v1 import AppTest

from dashboard.app import data
from dashboard.paths import DATASET_ENV_VAR, DEFAULT_DATASET_DIR, SEEDS_DIR
from dashboard.pipeline import guard
from dashboard.pipeline import run as pipeline
from dashboard.pipeline.writer import dataset_problem

pytestmark = pytest.mark.slow

NEW_ARTICLE = "زيارة رسمية\nاستقبل الرئيس توكاييف وزير الخارجية في أستانا لبحث التعاون.\n"


@pytest.fixture
def stale_shipped(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """(seeds copy, dataset copy) standing in for seeds/ and data/datasets/seeds, the dataset
    stale because a seed was added since it was built."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    out = tmp_path / "datasets" / "seeds"
    shutil.copytree(DEFAULT_DATASET_DIR, out)
    (seeds / "900_new.txt").write_text(NEW_ARTICLE, "utf-8")
    monkeypatch.setattr(data, "SEEDS_DIR", seeds)
    monkeypatch.setattr(data, "DEFAULT_DATASET_DIR", out)
    monkeypatch.setenv(DATASET_ENV_VAR, str(out))
    data._checked_fresh.clear()
    data._REBUILD_FAILED.clear()
    assert pipeline.is_stale(out, [seeds])
    yield seeds, out
    data._checked_fresh.clear()
    data._REBUILD_FAILED.clear()


def test_concurrent_sessions_share_one_rebuild_and_read_the_new_dataset(stale_shipped, monkeypatch):
    seeds, out = stale_shipped
    real_build = pipeline.build
    built: list[object] = []

    def counting_build(*args, **kwargs):
        summary = real_build(*args, **kwargs)
        built.append(summary)
        return summary

    monkeypatch.setattr(pipeline, "build", counting_build)
    sessions = [AppTest.from_file(APP, default_timeout=TIMEOUT * 3) for _ in range(4)]
    failures: list[BaseException] = []

    def open_session(at: AppTest) -> None:
        try:
            at.run()
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=open_session, args=(at,)) for at in sessions]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert failures == []
    for at in sessions:
        assert not at.exception, [e.value for e in at.exception]
        assert not at.error, [e.value for e in at.error]
    assert len([s for s in built if s is not None]) == 1  # one rebuild, the others waited for it
    assert dataset_problem(out) is None and not pipeline.is_stale(out, [seeds])
    articles = pd.read_parquet(out / "articles.parquet")
    assert "900_new" in set(articles["article_id"])
    assert data.get_dataset(out).version == data.dataset_version(out)


def test_read_only_deployment_serves_the_dataset_it_has(stale_shipped, monkeypatch):
    seeds, out = stale_shipped
    before = data.dataset_version(out)

    def read_only(self, on_wait=None):
        raise guard.environment_error(OSError(errno.EROFS, "Read-only file system"), self.path.parent,
                                      self.out_dir)

    monkeypatch.setattr(guard.BuildLock, "acquire", read_only)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception and not at.error
    notes = [el.value for el in at.info]
    assert notes == ["تغيّرت المقالات أو الفهارس لكن تعذّر إعادة بناء البيانات هنا (المجلد للقراءة فقط)؛ "
                     "المعروض هو آخر بناء."]
    assert str(out) not in notes[0]
    assert at.title and data.dataset_version(out) == before
