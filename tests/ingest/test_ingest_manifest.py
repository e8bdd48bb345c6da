"""Manifests win over what the files say; the seeds manifest holds what the issue established."""

from __future__ import annotations

import csv

from dashboard.paths import SEEDS_DIR
from tests.ingest.conftest import run


def _header_file(folder, paragraph):
    (folder / "m1.txt").write_text("title: عنوان الملف\nsource: bbc\ndate: 2022-10-27\n---\n"
                                   + paragraph + "\n", encoding="utf-8")


def test_csv_manifest_wins_and_unknown_columns_go_to_extra(tmp_path, paragraph):
    _header_file(tmp_path, paragraph)
    (tmp_path / "manifest.csv").write_text(
        "article_id,title,source,published,published_precision,original_language,evidence\n"
        "m1,عنوان البيان,الجزيرة,2022-10-27,month,ru,the dateline\n"
        "absent,لا شيء,,,,,\n", encoding="utf-8")
    articles, rejections = run(tmp_path)
    assert rejections == [] and list(articles) == ["m1"]  # the manifest is not an article
    a = articles["m1"]
    assert (a.title, a.source) == ("عنوان البيان", "Al Jazeera")
    assert (a.published, a.published_precision) == ("2022-10-01", "month")  # stated precision is coarser
    assert a.extra == {"original_language": "ru", "evidence": "the dateline"}


def test_yaml_manifest_and_empty_cells_override_nothing(tmp_path, paragraph):
    _header_file(tmp_path, paragraph)
    (tmp_path / "manifest.yaml").write_text(
        "m1:\n  author: كاتب البيان\n  title: ''\n  published: 2023\n", encoding="utf-8")
    a = run(tmp_path)[0]["m1"]
    assert (a.title, a.source, a.author) == ("عنوان الملف", "BBC Arabic", "كاتب البيان")
    assert (a.published, a.published_precision) == ("2023-01-01", "year")


def test_manifest_nonsense_date_keeps_the_file_date_with_a_warning(tmp_path, paragraph):
    _header_file(tmp_path, paragraph)
    (tmp_path / "manifest.csv").write_text("article_id,published\nm1,soon\n", encoding="utf-8")
    a = run(tmp_path)[0]["m1"]
    assert a.published == "2022-10-27"
    assert "'soon'" in a.warnings[0] and "manifest.csv" in a.warnings[0]


def test_broken_manifest_is_reported_and_articles_still_read(tmp_path, paragraph):
    _header_file(tmp_path, paragraph)
    (tmp_path / "manifest.yml").write_text("- title: no id here\n", encoding="utf-8")
    articles, rejections = run(tmp_path)
    assert list(articles) == ["m1"] and articles["m1"].title == "عنوان الملف"
    assert [r.reason for r in rejections] == ["bad_manifest"]
    assert "manifest.yml" in rejections[0].detail


def test_single_file_source_uses_the_manifest_beside_it():
    a = run(SEEDS_DIR / "003_66d920fe0e9a548e.txt")[0]["003_66d920fe0e9a548e"]
    assert a.source == "Al-Quds Al-Arabi" and a.title == "هل تنجح أمريكا في إبعاد كازاخستان عن روسيا؟"


def test_seeds_manifest_as_the_issue_established():
    articles, rejections = run(SEEDS_DIR)
    assert rejections == [] and len(articles) == 5
    got = {k[:3]: (a.source, a.author, a.published, a.published_precision, a.extra.get("original_language"))
           for k, a in articles.items()}
    assert got == {
        "000": ("unknown", "لوك روديفر", "2023-01-01", "year", "en"),
        "001": ("unknown", None, "2022-10-27", "day", None),
        "002": ("unknown", None, "2022-07-01", "month", "ru"),
        "003": ("Al-Quds Al-Arabi", "شاهر الحاج جاسم", "2020-12-01", "month", "ar"),
        "004": ("Al Jazeera", None, "2022-01-01", "month", "ar"),
    }
    assert all(a.language == "ar" and a.extra.get("evidence") for a in articles.values())
    # Titles are the articles' own title lines (003's file opens with "News").
    for a in articles.values():
        if a.title is not None:
            assert a.title in [line.strip() for line in a.text.split("\n")]
    assert articles["003_66d920fe0e9a548e"].title.startswith("هل تنجح")


def test_seeds_manifest_has_the_agreed_columns():
    with (SEEDS_DIR / "manifest.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert reader.fieldnames == ["article_id", "title", "source", "author", "published",
                                 "published_precision", "language", "original_language", "evidence"]
    assert sorted(r["article_id"] + ".txt" for r in rows) == sorted(p.name for p in SEEDS_DIR.glob("*.txt"))


def test_manifest_applies_to_subfolders_and_nearer_one_wins(tmp_path, paragraph):
    deep = tmp_path / "empty_level" / "deep"
    deep.mkdir(parents=True)
    (deep / "d1.txt").write_text("عنوان\n" + paragraph, encoding="utf-8")
    (deep / "d2.txt").write_text("عنوان\n" + paragraph + " ٢", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("article_id,source,author\nd1,bbc,كاتب\nd2,cnn,\n", encoding="utf-8")
    (deep / "manifest.yaml").write_text("- article_id: d1\n  source: skynews\n", encoding="utf-8")
    articles, _ = run(tmp_path)
    assert (articles["d1"].source, articles["d1"].author) == ("Sky News Arabia", "كاتب")
    assert articles["d2"].source == "CNN Arabic"


def test_a_manifest_given_alone_is_not_an_article(tmp_path):
    (tmp_path / "manifest.csv").write_text("article_id,title\nx,عنوان\n", encoding="utf-8")
    articles, rejections = run(tmp_path / "manifest.csv")
    assert articles == {} and rejections[0].reason == "not_an_article"


def test_broken_manifest_beside_a_single_file_source_is_reported(tmp_path, paragraph):
    _header_file(tmp_path, paragraph)
    (tmp_path / "manifest.csv").write_text("title\nبلا معرف\n", encoding="utf-8")
    articles, rejections = run(tmp_path / "m1.txt")
    assert list(articles) == ["m1"] and [r.reason for r in rejections] == ["bad_manifest"]
