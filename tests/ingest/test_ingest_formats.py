"""Each input format: plain and header-block .txt, TREC (one or many documents), JSONL and CSV."""

from __future__ import annotations

import csv
import json

from tests.ingest.conftest import run


def test_plain_txt_title_is_first_nonempty_line_and_text_is_the_whole_file(tmp_path, seed_001):
    (tmp_path / "x1.txt").write_text("\n\n" + seed_001, encoding="utf-8")
    articles, _ = run(tmp_path)
    a = articles["x1"]
    assert a.title == "الديمقراطية في آسيا الوسطى في طور التكوين"
    assert a.text == "\n\n" + seed_001
    assert a.language == "ar" and a.published is None and a.published_precision == "unknown"
    assert a.origin == f"{tmp_path.name}/x1.txt"


def test_header_block_fills_fields_and_unknown_keys_go_to_extra(tmp_path, paragraph):
    (tmp_path / "h.txt").write_text(
        "Title: عنوان من الترويسة\nsource: skynews\ndate: 27/10/2022\nurl: https://example.org/a\n"
        "author: كاتب\nlanguage: ar\nCategory: سياسة\n---\n" + paragraph + "\n", encoding="utf-8")
    a = run(tmp_path)[0]["h"]
    assert (a.title, a.source, a.author, a.url) == ("عنوان من الترويسة", "Sky News Arabia", "كاتب",
                                                    "https://example.org/a")
    assert (a.published, a.published_precision) == ("2022-10-27", "day")
    assert a.extra == {"category": "سياسة"}
    assert a.text == paragraph + "\n"


def test_colon_lines_without_separator_are_plain_text(tmp_path, paragraph):
    body = "ملاحظة: هذا ليس ترويسة\n" + paragraph + "\n"
    (tmp_path / "p.txt").write_text(body, encoding="utf-8")
    a = run(tmp_path)[0]["p"]
    assert a.text == body and a.title == "ملاحظة: هذا ليس ترويسة"


def test_html_and_script_stay_in_the_text(tmp_path, paragraph):
    body = "عنوان\n<script>alert('x')</script><b>" + paragraph + "</b>\n"
    (tmp_path / "s.txt").write_text(body, encoding="utf-8")
    assert run(tmp_path)[0]["s"].text == body


def test_a_paragraph_first_line_is_not_a_title(tmp_path, paragraph):
    (tmp_path / "long.txt").write_text(paragraph * 3 + "\n", encoding="utf-8")
    a = run(tmp_path)[0]["long"]
    assert a.title is None and "paragraph" in a.warnings[0]


def _trec(docno, src, text, time="Mon, 26 Feb 2018 02:20:10 GMT", close=True):
    doc = (f"<DOC>\n<DOCNO>{docno}</DOCNO>\n<URL>http://x/{docno}</URL>\n<SRC>{src}</SRC>\n"
           f"<CAT>sport</CAT>\n<TITLE>عنوان {docno}</TITLE>\n<TIME>{time}</TIME>\n<AUTHOR></AUTHOR>\n"
           f"<ABSTRACT>\nملخص\n</ABSTRACT>\n<TEXT>\n{text}\n</TEXT>\n")
    return doc + ("</DOC>\n" if close else "")


def test_trec_multi_document_file_detected_by_content(tmp_path, paragraph):
    body = _trec("A-1", "alarabia", paragraph) + _trec("A-2", "france24", paragraph + " ٢",
                                                        "Sun, 15 Jul 2018 21:56:56 +0400")
    (tmp_path / "bundle.xml").write_text(body, encoding="utf-8")
    articles, rejections = run(tmp_path)
    assert rejections == [] and sorted(articles) == ["A-1", "A-2"]
    a1, a2 = articles["A-1"], articles["A-2"]
    assert a1.text == paragraph and a1.title == "عنوان A-1" and a1.author is None
    assert (a1.source, a2.source) == ("Al Arabiya", "France24")
    assert a1.extra == {"category": "sport", "abstract": "ملخص"}
    assert a1.url == "http://x/A-1" and a1.published == "2018-02-26" and a2.published == "2018-07-15"
    assert (a1.origin, a2.origin) == (f"{tmp_path.name}/bundle.xml#1", f"{tmp_path.name}/bundle.xml#2")


def test_truncated_trec_document_is_rejected_and_the_others_kept(tmp_path, paragraph):
    body = _trec("B-1", "bbc", paragraph) + _trec("B-2", "cnn", paragraph, close=False) + \
        _trec("B-3", "skynews", paragraph) + "<DOC>\n<DOCNO>B-4</DOCNO>\n<TEXT>\nنص مبتور"
    (tmp_path / "cut.trec").write_text(body, encoding="utf-8")
    articles, rejections = run(tmp_path)
    assert sorted(articles) == ["B-1", "B-3"]
    assert [(r.reason, r.article_id) for r in rejections] == [("truncated", "B-2"), ("truncated", "B-4")]
    assert all("cut.trec" in r.detail and r.article_id in r.detail for r in rejections)


def test_jsonl_broken_line_is_rejected_with_its_line_number(tmp_path, paragraph):
    lines = [json.dumps({"id": "J1", "title": "أول", "text": paragraph, "date": "2022-10",
                         "tags": ["a", "b"]}, ensure_ascii=False),
             '{"id": "J2", "text": "مكسور',
             "",
             json.dumps({"id": "J3", "text": paragraph, "source": "الجزيرة"}, ensure_ascii=False),
             json.dumps(["not", "an", "object"])]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, rejections = run(tmp_path)
    assert sorted(articles) == ["J1", "J3"]
    assert (articles["J1"].published, articles["J1"].published_precision) == ("2022-10-01", "month")
    assert articles["J1"].extra == {"tags": '["a", "b"]'}
    assert articles["J3"].source == "Al Jazeera"
    assert [r.reason for r in rejections] == ["bad_json", "bad_json"]
    assert "feed.jsonl line 2" in rejections[0].detail and "feed.jsonl line 5" in rejections[1].detail


def test_csv_rows_with_metadata_columns_and_a_bad_row(tmp_path, paragraph):
    with (tmp_path / "table.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "title", "text", "published", "outlet", "evidence"])
        w.writerow(["C1", "أول", paragraph + "\nسطر ثان", "2021", "cnn", "dateline"])
        w.writerow(["C2", "ناقص", paragraph])
        w.writerow(["C3", "فارغ", "  ", "", "", ""])
    articles, rejections = run(tmp_path)
    c1 = articles["C1"]
    assert c1.text == paragraph + "\nسطر ثان" and c1.source == "CNN Arabic"
    assert (c1.published, c1.published_precision) == ("2021-01-01", "year")
    assert c1.extra == {"evidence": "dateline"}
    assert [(r.reason, r.origin) for r in rejections] == [
        ("bad_csv_row", f"{tmp_path.name}/table.csv#2"), ("blank", f"{tmp_path.name}/table.csv#3")]
    assert "table.csv line 4" in rejections[0].detail  # C1 spans lines 2-3


def test_csv_without_text_column_is_rejected(tmp_path):
    (tmp_path / "meta.csv").write_text("id,title\n1,عنوان\n", encoding="utf-8")
    articles, rejections = run(tmp_path)
    assert articles == {} and rejections[0].reason == "missing_text"
    assert "meta.csv" in rejections[0].detail


def test_walk_is_sorted_and_hidden_files_skipped(tmp_path, paragraph):
    for name in ["b/z.txt", "a/y.txt", "c.txt", ".hidden/w.txt", "a/.DS_Store"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("عنوان\n" + paragraph, encoding="utf-8")
    assert list(run(tmp_path)[0]) == ["c", "y", "z"]  # a folder's files, then its subfolders


def test_missing_source_is_a_rejection_not_a_traceback(tmp_path):
    articles, rejections = run(tmp_path / "nope")
    assert articles == {} and rejections[0].reason == "missing"
    assert "nope" in rejections[0].detail
