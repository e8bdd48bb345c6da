"""Real ANT corpus files, from corpora/ant (unpacked by .ci/run when ../shared/corpora holds the
archive; skipped without it: the synthetic TREC tests in test_ingest_formats.py cover the same
code). A few files each, to stay fast."""

from __future__ import annotations

import shutil

import pytest

from tests.ingest.conftest import ANT_DIR, run

SAMPLES = [
    "BBC/internationalNews/BB-internationalNews-64-20180226.txt",
    "Alarabia/culture/AL-culture-590-20180715.txt",
]
pytestmark = pytest.mark.skipif(not ANT_DIR.is_dir(), reason=f"ANT corpus not unpacked at {ANT_DIR}")


def test_real_ant_documents(tmp_path):
    present = [ANT_DIR / s for s in SAMPLES if (ANT_DIR / s).is_file()]
    if not present:
        pytest.skip("sample files not in this ANT copy")
    articles, rejections = run(*present)
    assert rejections == []
    for path in present:
        a = articles[path.stem]
        raw = path.read_text("utf-8")
        assert a.text and a.text in raw and a.title in raw
        assert a.language == "ar" and a.published_precision == "day"
        assert a.published == f"{path.stem[-8:-4]}-{path.stem[-4:-2]}-{path.stem[-2:]}"  # name ends YYYYMMDD
        assert a.source in {"BBC Arabic", "Al Arabiya"} and a.extra["category"]
        assert a.origin == f"{path.name}#1"


def test_every_ant_outlet_code_maps_to_a_display_name(tmp_path):
    folders = sorted(p for p in ANT_DIR.iterdir() if p.is_dir())
    picked = []
    for folder in folders:
        first = next(iter(sorted(folder.rglob("*.txt"))), None)
        if first:
            picked.append(first)
    articles, _ = run(*picked)
    assert {a.source for a in articles.values()} == {
        "Al Arabiya", "BBC Arabic", "CNN Arabic", "France24", "Sky News Arabia"}


def test_kazakhstan_articles_all_read(tmp_path):
    needle = "كازاخستان".encode()  # the corpus is UTF-8: a byte scan finds it without decoding 31k files
    hits = [p for p in sorted(ANT_DIR.rglob("*.txt")) if needle in p.read_bytes()]
    for p in hits:
        shutil.copy(p, tmp_path / p.name)
    articles, rejections = run(tmp_path)
    assert len(hits) >= 40 and len(articles) == len(hits) and rejections == []
