"""The build end to end: complete, exact, deterministic, incremental, atomic, and safe on bad input."""

from __future__ import annotations

import errno
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from dashboard import schema
from dashboard.paths import CATALOGUE_DIR, REPO_ROOT, SEEDS_DIR
from dashboard.paths import DEFAULT_DATASET_DIR as SEEDS_DATASET
from dashboard.pipeline.cache import CACHE_DIR
from dashboard.pipeline.run import BuildError, build, is_stale
from dashboard.pipeline.writer import INFO_FILE

pytestmark = pytest.mark.slow


def read(out: Path, table: str) -> pd.DataFrame:
    return pd.read_parquet(out / f"{table}.parquet")


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    src = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, src)
    return src


def test_seeds_build_has_every_table_and_article(seeds_dataset, seed_texts):
    for name, columns in schema.TABLES.items():
        df = read(seeds_dataset, name)
        assert list(df.columns[: len(columns)]) == list(columns), name
    articles = read(seeds_dataset, "articles").set_index("article_id")
    assert sorted(articles.index) == sorted(seed_texts)
    for article_id, text in seed_texts.items():
        assert articles.loc[article_id, "text"] == text  # the text is stored as written
    assert (articles["n_sentences"] > 5).all() and (articles["n_tokens"] > 300).all()
    assert read(seeds_dataset, "rejected").empty
    info = json.loads((seeds_dataset / INFO_FILE).read_text())
    assert info["counts"]["articles"] == 5 and len(info["version"]) == 64


def test_every_stored_span_points_exactly_into_the_text(seeds_dataset):
    texts = read(seeds_dataset, "articles").set_index("article_id")["text"]
    sentences = read(seeds_dataset, "sentences")
    for row in sentences.itertuples():
        assert 0 <= row.char_start < row.char_end <= len(texts[row.article_id])
    for table in ("entity_mentions", "date_mentions"):
        df = read(seeds_dataset, table)
        assert len(df) > 0, table
        for row in df.itertuples():
            assert texts[row.article_id][row.char_start:row.char_end] == row.surface, (table, row)
    # each mention's sentence holds it
    spans = sentences.set_index(["article_id", "sentence_id"])
    for row in read(seeds_dataset, "entity_mentions").itertuples():
        s = spans.loc[(row.article_id, row.sentence_id)]
        assert s.char_start <= row.char_start and row.char_end <= s.char_end


def test_clitic_forms_count_as_one_term(seeds_dataset):
    vocabulary = read(seeds_dataset, "vocabulary").set_index("term")
    forms = vocabulary.loc["روسيا", "forms"].split("|")
    assert "روسيا" in forms and any(f in forms for f in ("لروسيا", "وروسيا", "بروسيا"))
    terms = read(seeds_dataset, "terms")
    assert not terms["term"].isin(["لروسيا", "وروسيا"]).any()


def test_same_input_gives_the_same_dataset(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    build([SEEDS_DIR], a, workers=1)
    build([SEEDS_DIR], b, workers=2, force=True)
    for name in schema.TABLES:
        assert (a / f"{name}.parquet").read_bytes() == (b / f"{name}.parquet").read_bytes(), name
    assert json.loads((a / INFO_FILE).read_text())["version"] == json.loads((b / INFO_FILE).read_text())["version"]


def test_rebuild_processes_only_the_changed_article(tmp_path, seeds_copy):
    out = tmp_path / "ds"
    first = build([seeds_copy], out, workers=1)
    assert first.processed == 5 and first.reused == 0
    assert not is_stale(out, [seeds_copy])
    changed = seeds_copy / "001_bebae4cf14fa5b29.txt"
    changed.write_text(changed.read_text("utf-8") + "\nزار الرئيس توكاييف موسكو.\n", "utf-8")
    assert is_stale(out, [seeds_copy])
    second = build([seeds_copy], out, workers=1)
    assert (second.processed, second.reused) == (1, 4)
    # the incremental result equals a full rebuild
    full = tmp_path / "full"
    build([seeds_copy], full, workers=1, force=True)
    for name in schema.TABLES:
        pd.testing.assert_frame_equal(read(out, name), read(full, name), obj=name)


def test_catalogue_edit_makes_the_dataset_stale(tmp_path):
    catalogues = tmp_path / "catalogues"
    shutil.copytree(CATALOGUE_DIR, catalogues)
    out = tmp_path / "ds"
    build([SEEDS_DIR], out, catalogues, workers=1)
    assert not is_stale(out, [SEEDS_DIR], catalogues)
    assert "موسكو" in set(read(out, "vocabulary")["term"])
    (catalogues / "stopwords_extra.txt").write_text(
        (catalogues / "stopwords_extra.txt").read_text("utf-8") + "\nموسكو\n", "utf-8")
    assert is_stale(out, [SEEDS_DIR], catalogues)
    summary = build([SEEDS_DIR], out, catalogues, workers=1)
    assert summary.processed == 5  # catalogues changed: nothing may be reused
    # the edit of *this* catalogue folder is applied, not the default one's
    assert "موسكو" not in set(read(out, "vocabulary")["term"])
    assert "موسكو" in set(read(SEEDS_DATASET, "vocabulary")["term"])


def test_failed_build_leaves_the_previous_dataset(tmp_path, monkeypatch, seeds_copy):
    out = tmp_path / "ds"
    build([seeds_copy], out, workers=1)
    before = {p.name: p.read_bytes() for p in out.glob("*.parquet")}
    (seeds_copy / "new.txt").write_text("عنوان\nنص جديد عن كازاخستان.\n", "utf-8")

    import pyarrow.parquet as pq

    calls = {"n": 0}
    real = pq.write_table

    def failing(*args, **kwargs):  # the disk fills up at the fourth table
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(pq, "write_table", failing)
    with pytest.raises(BuildError, match=r"^The disk holding .* is full: free some space") as err:
        build([seeds_copy], out, workers=1, force=True)
    assert str(out) in str(err.value) and "left as it was" in str(err.value)
    assert calls["n"] == 4
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.glob("*.parquet")} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [".ds.lock"]


def test_interrupted_swap_is_recovered(tmp_path):
    out = tmp_path / "ds"
    build([SEEDS_DIR], out, workers=1)
    out.rename(tmp_path / ".ds.old-1234")  # as if the build died between its two renames
    build([SEEDS_DIR], out, workers=1)
    assert (out / INFO_FILE).exists()


def test_refuses_to_replace_a_folder_that_is_not_a_dataset(tmp_path):
    precious = tmp_path / "thesis"
    precious.mkdir()
    (precious / "chapter1.docx").write_bytes(b"PK\x03\x04")
    with pytest.raises(BuildError, match="not a dataset"):
        build([SEEDS_DIR], precious, workers=1)
    assert (precious / "chapter1.docx").exists()


def test_no_readable_article_keeps_the_previous_dataset(tmp_path):
    out = tmp_path / "ds"
    build([SEEDS_DIR], out, workers=1)
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "empty.txt").write_bytes(b"")
    with pytest.raises(BuildError, match="No article could be read"):
        build([junk], out, workers=1)
    assert len(read(out, "articles")) == 5


def test_extractor_failure_costs_rows_not_the_article(tmp_path, monkeypatch):
    from dashboard.pipeline import article as process

    real_find = process.EntityMatcher.find

    def flaky(self, doc):
        if doc.article_id.startswith("002"):
            raise RuntimeError("boom")
        return real_find(self, doc)

    monkeypatch.setattr(process.EntityMatcher, "find", flaky)
    out = tmp_path / "ds"
    build([SEEDS_DIR], out, workers=1)
    assert len(read(out, "articles")) == 5
    warnings = read(out, "warnings")
    assert warnings["message"].str.contains("entity extraction failed").any()
    mentions = read(out, "entity_mentions")
    assert not mentions["article_id"].str.startswith("002").any()
    assert mentions["article_id"].str.startswith("004").any()


def test_extraction_runs_with_the_long_lived_objects_frozen_and_gives_them_back(tmp_path, monkeypatch):
    import gc

    from dashboard.pipeline import article as process

    real_find = process.EntityMatcher.find
    counts = []

    def counting(self, doc):
        counts.append(gc.get_freeze_count())
        return real_find(self, doc)

    monkeypatch.setattr(process.EntityMatcher, "find", counting)
    before = gc.get_freeze_count()
    build([SEEDS_DIR], tmp_path / "ds", workers=1)
    assert counts and counts[-1] > before  # the last article read with the catalogues and extractors frozen
    assert gc.get_freeze_count() == before


def test_bad_inputs_are_rejected_by_name_and_good_ones_kept(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    good = (SEEDS_DIR / "004_e1e49f8d29e3bac5.txt").read_text("utf-8")
    (src / "good.txt").write_text(good, "utf-8")
    (src / "good_cp1256.txt").write_bytes(good.encode("cp1256", "replace"))
    (src / "script.txt").write_text("عنوان\n<script>alert(1)</script> نص عن كازاخستان\n", "utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (src / "broken.jsonl").write_text('{"id": "j1", "title": "t", "text": "نص أول"}\n{"id": "j2", "text": \n', "utf-8")
    out = tmp_path / "ds"
    summary = build([src], out, workers=1)
    articles = read(out, "articles")
    assert {"good", "good_cp1256", "script", "j1"} <= set(articles["article_id"])
    script = articles.set_index("article_id").loc["script", "text"]
    assert "<script>alert(1)</script>" in script
    rejected = read(out, "rejected")
    origins = " ".join(rejected["origin"])
    for name in ("empty.txt", "report.pdf", "broken.jsonl"):
        assert name in origins
    assert len(summary.rejected) == len(rejected) >= 3


def test_cli_builds_and_reports(tmp_path):
    out = tmp_path / "cli"
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard.build", str(SEEDS_DIR), "--out", str(out), "--quiet", "--workers", "1"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "articles out     5" in proc.stdout
    assert (out / "articles.parquet").exists() and (out / CACHE_DIR).is_dir()
    missing = subprocess.run([sys.executable, "-m", "dashboard.build", str(tmp_path / "nope")],
                             cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr


def test_default_out_dir():
    from dashboard.paths import DEFAULT_DATASET_DIR
    from dashboard.pipeline.cli import default_out_dir

    assert default_out_dir([SEEDS_DIR]) == DEFAULT_DATASET_DIR
    assert default_out_dir([Path("/tmp/ant")]).name == "ant"
