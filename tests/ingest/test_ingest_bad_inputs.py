"""A folder of bad inputs: every good article survives, every bad file yields a Rejection naming it."""

from __future__ import annotations

import shutil
import tracemalloc

import pytest

from dashboard.ingest.readers import iter_inputs
from dashboard.pipeline.inputs import input_hashes
from tests.ingest.conftest import FIXTURES, run

EXPECTED_REJECTIONS = {
    "binary.txt": "binary", "blank.txt": "blank", "empty.txt": "empty", "latin1.txt": "undecodable",
    "broken_utf8.txt": "undecodable", "renamed_pdf.txt": "unsupported_format",
    "report.docx": "unsupported_format", "scan.pdf": "unsupported_format",
    "broken.jsonl#2": "bad_json", "mixed.trec#2": "truncated", "mixed.trec#3": "truncated",
    "huge.txt": "too_large",
}


@pytest.fixture()
def bad_folder(tmp_path):
    folder = tmp_path / "bad"
    shutil.copytree(FIXTURES / "ingest_bad", folder)
    with (folder / "huge.txt").open("wb") as f:  # 30 MB of real Arabic: too big for one article
        chunk = ("عنوان\n" + "كازاخستان بين روسيا والصين والغرب. " * 1000).encode("utf-8")
        while f.tell() < 30 * 2**20:
            f.write(chunk)
    return folder


def test_bad_inputs_folder(bad_folder):
    articles, rejections = run(bad_folder)
    assert sorted(articles) == ["J1", "J3", "T-OK-1", "T-OK-4", "good", "nonsense_date", "script"]
    got = {r.origin.removeprefix("bad/"): r.reason for r in rejections}
    assert got == EXPECTED_REJECTIONS
    for r in rejections:
        assert r.origin.split("#")[0].removeprefix("bad/") in r.detail
    assert "<script>alert('x')</script>" in articles["script"].text
    nonsense = articles["nonsense_date"]
    assert nonsense.published is None and nonsense.published_precision == "unknown"
    assert nonsense.warnings == ["published 'next tuesday' is not a date; kept the article with no date"]
    huge = next(r for r in rejections if r.reason == "too_large")
    assert "30.0 MB" in huge.detail and "2 MB" in huge.detail


def test_iteration_is_deterministic(bad_folder):
    first = [(type(i).__name__, i.origin) for i in iter_inputs([bad_folder])]
    assert first == [(type(i).__name__, i.origin) for i in iter_inputs([bad_folder])]


def fingerprint(sources) -> str:
    return input_hashes(sources)[0]


def test_fingerprint_changes_when_an_input_changes(bad_folder):
    before, stats = input_hashes([bad_folder])
    assert fingerprint([bad_folder]) == before
    assert input_hashes([bad_folder], stats)[0] == before  # from the stat cache: same answer
    (bad_folder / "good.txt").write_text("عنوان\nنص جديد أطول من السابق بكثير", encoding="utf-8")
    assert fingerprint([bad_folder]) != before
    assert input_hashes([bad_folder], stats)[0] != before  # the stat cache does not hide the edit


def test_large_trec_file_is_streamed_in_bounded_memory(tmp_path, paragraph):
    """A 4 MB TREC file: all read, never the whole file (8+ MB as a str) in memory (peak was 0.5 MB)."""
    doc = "<DOC>\n<DOCNO>D{n}</DOCNO>\n<SRC>bbc</SRC>\n<TITLE>عنوان</TITLE>\n<TEXT>\n{text}\n</TEXT>\n</DOC>\n"
    body = (paragraph + "\n") * 20
    n = 0
    with (tmp_path / "big.trec").open("w", encoding="utf-8") as f:
        while f.tell() < 4 * 2**20:
            n += 1
            f.write(doc.format(n=n, text=body))
    tracemalloc.start()
    count = sum(1 for _ in iter_inputs([tmp_path / "big.trec"]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == n
    assert peak < 3 * 2**20, f"peak {peak / 2**20:.1f} MB for a 4 MB file"


def test_fingerprint_of_a_single_file_covers_the_manifest_beside_it(tmp_path):
    (tmp_path / "a.txt").write_text("عنوان\nنص", encoding="utf-8")
    before = fingerprint([tmp_path / "a.txt"])
    (tmp_path / "manifest.csv").write_text("article_id,source\na,bbc\n", encoding="utf-8")
    assert fingerprint([tmp_path / "a.txt"]) != before


def test_article_length_limit_is_the_same_in_every_format(tmp_path):
    """At the limit an article is read in any format (JSON escapes and tags do not count against
    it); one character more and it is refused, naming the record, and the file's others are kept."""
    import json

    from dashboard.ingest.readers import MAX_RECORD_CHARS

    at = ("سطر من نص عربي\n" * (MAX_RECORD_CHARS // 15 + 1))[:MAX_RECORD_CHARS]
    over = at + "ز"
    with (tmp_path / "limit.jsonl").open("w", encoding="utf-8") as f:
        for article_id, text in (("AT", at), ("OVER", over), ("SMALL", "نص قصير")):
            f.write(json.dumps({"id": article_id, "text": text}, ensure_ascii=False) + "\n")
    (tmp_path / "limit.trec").write_text(
        f"<DOC>\n<DOCNO>T-OVER</DOCNO>\n<TEXT>{over}</TEXT>\n</DOC>\n"
        f"<DOC>\n<DOCNO>T-AT</DOCNO>\n<TEXT>{at}</TEXT>\n</DOC>\n", "utf-8")
    articles, rejections = run(tmp_path)
    assert sorted(articles) == ["AT", "SMALL", "T-AT"]
    assert {(r.article_id, r.reason) for r in rejections} == {("OVER", "too_large"), ("T-OVER", "too_large")}
    for r in rejections:
        assert r.origin in r.detail and "1,000,001 characters" in r.detail
