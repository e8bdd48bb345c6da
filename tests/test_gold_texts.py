"""Re-fetching the unseen gold's texts (dashboard/quality/gold_texts.py): the annotated text is
found inside a stored excerpt by its length and hash, never guessed."""

from __future__ import annotations

import csv
import hashlib

from dashboard.quality import gold_texts
from dashboard.quality.gold_texts import find_text

# A page as the search tool stores it: a section line and headline before the article, and a run of
# blank lines the annotated copy had three of (the stored copy now has six).
ARTICLE = "أعلن رئيس كازاخستان استقالته من منصبه.\n\n\nوتولى نزارباييف رئاسة البلاد منذ عام 1990.\n"
RAW = "أخبار العالم\nاستقالة رئيس كازاخستان\n" + ARTICLE.replace("\n\n\n", "\n\n\n\n\n\n").rstrip("\n") + "\nاقرأ أيضا"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_the_annotated_text_is_found_past_page_furniture_and_changed_blank_lines():
    assert find_text(RAW, len(ARTICLE), sha(ARTICLE)) == ARTICLE


def test_an_excerpt_without_the_text_gives_nothing():
    edited = RAW.replace("1990", "1991")  # one character differs: no text is guessed
    assert find_text(edited, len(ARTICLE), sha(ARTICLE)) is None


def test_the_command_writes_the_texts_found_and_lists_the_rest(tmp_path, monkeypatch):
    part = tmp_path / "gold" / "p1"
    part.mkdir(parents=True)
    fields = ["article_id", "split", "url", "chars", "sha256"]
    with open(part / "SOURCES.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerow({"article_id": "a01", "split": "p1", "url": "https://example.org/1", "chars": len(ARTICLE), "sha256": sha(ARTICLE)})
        writer.writerow({"article_id": "a02", "split": "p1", "url": "https://example.org/2", "chars": 10, "sha256": "0" * 64})
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a01.raw").write_text(RAW, encoding="utf-8")
    monkeypatch.setattr(gold_texts, "UNSEEN", tmp_path / "gold")
    out = tmp_path / "texts"
    assert gold_texts.main(["p1", str(raw), "--out", str(out)]) == 1  # a02 has no raw excerpt
    assert (out / "a01.txt").read_bytes() == ARTICLE.encode("utf-8")
    assert not (out / "a02.txt").exists()
    with open(out / "manifest.csv", encoding="utf-8", newline="") as fh:
        assert [row["article_id"] for row in csv.DictReader(fh)] == ["a01"]
