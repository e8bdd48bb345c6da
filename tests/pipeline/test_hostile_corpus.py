"""The build on a hostile folder (tests/pipeline/hostile_corpus.py: the good seeds mixed with every
bad input we know of): every good record kept, every bad one named with its file and record, no
traceback, memory bounded; and the file system turning against the build while it runs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import pytest

from benchmarks.tree_memory import run_measured
from dashboard.paths import REPO_ROOT
from dashboard.pipeline import inputs as pipeline_inputs
from dashboard.pipeline.run import build
from dashboard.pipeline.writer import dataset_problem
from tests.pipeline.hostile_corpus import remove_deep, write_hostile

pytestmark = pytest.mark.slow

# The seeds alone peak at ~200 MB here; the hostile folder adds a 64 MB sparse file (hashed in a
# stream) and 990 folders: a build that read a refused file whole, or walked by recursion, breaks it.
PEAK_LIMIT = 450 * 2**20


def test_hostile_folder(tmp_path, request):
    folder = tmp_path / "hostile"
    expected = write_hostile(folder)
    request.addfinalizer(lambda: remove_deep(folder))
    out = tmp_path / "ds"
    done, peak = run_measured([sys.executable, "-m", "dashboard.build", str(folder), "--out", str(out),
                               "--workers", "2", "--quiet"], cwd=REPO_ROOT)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert peak < PEAK_LIMIT, f"peak RSS {peak / 2**20:.0f} MB"
    assert dataset_problem(out) is None

    articles = pd.read_parquet(out / "articles.parquet")
    assert set(articles["article_id"]) == expected.kept
    rejected = pd.read_parquet(out / "rejected.parquet")
    assert dict(zip(rejected["origin"], rejected["reason"])) == expected.rejected
    for origin, detail in zip(rejected["origin"], rejected["detail"]):
        assert origin.split("#")[0] in detail  # names the file
        assert f"rejected {origin}: " in done.stderr  # and said so as it happened
    by_id = {row.article_id: row for row in articles.itertuples()}
    assert by_id["M3"].source == "الأولى"  # the first of two rows for M3 applied, the second refused
    assert by_id["M2"].published == "2022-03-01"  # the manifest's other rows still applied
    warnings = pd.read_parquet(out / "warnings.parquet")
    for article_id, phrase in expected.warnings.items():
        messages = warnings.loc[warnings["article_id"] == article_id, "message"]
        assert any(phrase in m for m in messages), (article_id, list(messages))
    ghost = warnings.loc[warnings["article_id"] == "GHOST"].iloc[0]
    assert ghost["origin"] == "hostile/meta/manifest.yaml#3"
    # The link to /etc/passwd was not followed: nothing of it in any article.
    assert not articles["text"].str.contains("root:x:0:0").any()


def test_files_that_vanish_or_turn_unreadable_during_the_build(tmp_path, monkeypatch, request):
    src = tmp_path / "src"
    write_hostile(src, sparse_bytes=1024)
    request.addfinalizer(lambda: remove_deep(src))
    vanishing, locked = src / "meta" / "M2.txt", src / "meta" / "M1.txt"
    real_files, real_open, real_scandir = pipeline_inputs.input_files, Path.open, os.scandir

    def list_then_delete(sources):  # listed for hashing, gone before it is hashed
        files = real_files(sources)
        vanishing.unlink(missing_ok=True)
        return files

    def refusing_open(self, *args, **kwargs):
        if self.name == locked.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    def refusing_scandir(path):
        if Path(path).name == "seeds":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    from dashboard.ingest import walk as ingest_walk

    monkeypatch.setattr(pipeline_inputs, "input_files", list_then_delete)
    monkeypatch.setattr(Path, "open", refusing_open)
    monkeypatch.setattr(ingest_walk.os, "scandir", refusing_scandir)
    summary = build([src], tmp_path / "ds", workers=1)
    reasons = {r.origin: (r.reason, r.detail) for r in summary.rejected}
    assert reasons["src/meta/M1.txt"] == ("unreadable", "src/meta/M1.txt cannot be read (Permission denied)")
    assert reasons["src/seeds"][0] == "unreadable" and "its files were skipped" in reasons["src/seeds"][1]
    articles = pd.read_parquet(tmp_path / "ds" / "articles.parquet")
    assert {"M2", "M3", "J01", "C10"} <= set(articles["article_id"])  # M2 was read before it vanished
