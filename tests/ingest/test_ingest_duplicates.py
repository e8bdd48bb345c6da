"""Duplicate ids are never a silent overwrite."""

from __future__ import annotations

from tests.ingest.conftest import run


def test_same_id_same_text_is_rejected_naming_both_origins(tmp_path, paragraph):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "dup.txt").write_text("عنوان\n" + paragraph, encoding="utf-8")
    articles, rejections = run(tmp_path)
    assert list(articles) == ["dup"] and articles["dup"].origin.endswith("a/dup.txt")
    assert [r.reason for r in rejections] == ["duplicate_id"]
    assert "a/dup.txt" in rejections[0].detail and "b/dup.txt" in rejections[0].detail


def test_same_id_other_text_is_kept_under_a_new_id_with_a_warning(tmp_path, paragraph):
    for i, folder in enumerate(("a", "b", "c")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "dup.txt").write_text(f"عنوان {i}\n" + paragraph, encoding="utf-8")
    articles, rejections = run(tmp_path)
    assert rejections == [] and list(articles) == ["dup", "dup~2", "dup~3"]
    warning = articles["dup~2"].warnings[0]
    assert "a/dup.txt" in warning and "b/dup.txt" in warning


def test_duplicates_across_sources_and_formats(tmp_path, paragraph):
    (tmp_path / "x.txt").write_text("عنوان\n" + paragraph, encoding="utf-8")
    (tmp_path / "more.jsonl").write_text('{"id": "x", "text": "نص آخر"}\n', encoding="utf-8")
    articles, _ = run(tmp_path / "x.txt", tmp_path / "more.jsonl")
    assert sorted(articles) == ["x", "x~2"] and articles["x~2"].text == "نص آخر"
