"""Where the app takes its dataset from: --data after `--`, else $KZ_DASHBOARD_DATA, else the seeds."""

from __future__ import annotations

from pathlib import Path

from dashboard.app.data import dataset_path
from dashboard.paths import DATASET_ENV_VAR, DEFAULT_DATASET_DIR


def test_data_option_wins_over_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(DATASET_ENV_VAR, str(tmp_path / "env"))
    assert dataset_path(["--data", str(tmp_path / "cli")]) == (tmp_path / "cli").resolve()


def test_environment_then_default(monkeypatch, tmp_path):
    monkeypatch.setenv(DATASET_ENV_VAR, str(tmp_path / "env"))
    assert dataset_path([]) == (tmp_path / "env").resolve()
    monkeypatch.delenv(DATASET_ENV_VAR)
    assert dataset_path(["--unrelated", "x"]) == DEFAULT_DATASET_DIR


def test_relative_data_path_is_resolved(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert dataset_path(["--data", "ant"]) == Path(tmp_path / "ant").resolve()
