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


def test_inputs_signature_changes_when_a_catalogue_is_edited(tmp_path):
    import os

    from dashboard.app.data import inputs_signature

    (tmp_path / "cat").mkdir()
    (tmp_path / "seeds").mkdir()
    entry = tmp_path / "cat" / "events.yaml"
    entry.write_text("events: [x]\n", encoding="utf-8")
    (tmp_path / "seeds" / "a.txt").write_text("نص", encoding="utf-8")
    before = inputs_signature(tmp_path / "seeds", tmp_path / "cat")
    assert before == inputs_signature(tmp_path / "seeds", tmp_path / "cat")  # stable
    mtime = entry.stat().st_mtime_ns
    entry.write_text("events: [y]\n", encoding="utf-8")  # same size: the mtime tells
    os.utime(entry, ns=(mtime + 10**9, mtime + 10**9))
    assert inputs_signature(tmp_path / "seeds", tmp_path / "cat") != before
    (tmp_path / "seeds" / "b.txt").write_text("نص آخر", encoding="utf-8")
    assert len(inputs_signature(tmp_path / "seeds", tmp_path / "cat")) == 3


def test_preloaded_dataset_is_the_one_the_app_gets(app_dataset, tmp_path):
    import json
    import shutil

    from dashboard.app import data

    folder = tmp_path / "copy"
    shutil.copytree(app_dataset, folder)
    info = json.loads((folder / "build_info.json").read_text(encoding="utf-8"))
    info["version"] = "preload-test"
    (folder / "build_info.json").write_text(json.dumps(info), encoding="utf-8")
    data.preload(folder)
    pending = data._PRELOADS[(str(folder), "preload-test")]
    ds = data.get_dataset(folder)
    assert pending.done() and ds is pending.result() and ds.version == "preload-test"
    assert not data._PRELOADS  # consumed
    data.preload(folder)  # already loaded: nothing started again
    assert not data._PRELOADS
    assert data.get_dataset(folder) is ds
