"""Duplicates and boilerplate through a whole build: marked in the dataset, left out of terms,
themes and entity counts, reported in the summary, and the same fresh or incremental."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboard import schema
from dashboard.pipeline.run import build

pytestmark = pytest.mark.slow

PROMO = "حملوا تطبيق الأخبار المجاني على هواتفكم الذكية لتصلكم التنبيهات."
TOPICS = ["الزراعة", "المياه", "الطاقة", "التعليم", "الصحة", "النقل", "السياحة", "الصناعة",
          "التجارة", "الإسكان", "الرياضة", "الثقافة"]


def story(i: int) -> str:
    topic = TOPICS[i % len(TOPICS)]
    return (f"أعلنت وزارة {topic} خطة جديدة للعام المقبل تشمل مشاريع عدة في المحافظات رقم {i}.\n"
            f"وقال وزير {topic} إن المرحلة الأولى تبدأ في الربيع وتنتهي قبل الصيف بكلفة {i} مليون.\n"
            f"وأضاف أن الحكومة خصصت موازنة إضافية لقطاع {topic} بعد مشاورات مع البرلمان والنقابات.")


def write_corpus(folder, extra_line: str = "") -> None:
    rows = []
    for i in range(12):
        rows.append({"id": f"wire-{i:02d}", "source": "Wire", "date": f"2018-03-{i + 1:02d}",
                     "text": story(i) + "\n" + PROMO + (extra_line if i == 0 else "")})
        rows.append({"id": f"cnn-{i:02d}", "source": "CNN", "date": f"2018-04-{i + 1:02d}",
                     "text": "دبي، الإمارات العربية المتحدة (CNN)-- " + story(i + 50)})
    rows.append({"id": "wire-copy", "source": "Wire", "date": "2018-05-01", "text": rows[2]["text"]})
    folder.mkdir(exist_ok=True)
    (folder / "news.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")


def read(out, table):
    return pd.read_parquet(out / f"{table}.parquet")


def test_build_marks_copies_and_boilerplate_and_counts_without_them(tmp_path):
    src, out = tmp_path / "in", tmp_path / "ds"
    write_corpus(src)
    summary = build([src], out, workers=1)
    assert (summary.exact_duplicates, summary.near_duplicates) == (1, 0)
    assert "1 copies of earlier articles (1 exact, 0 near" in summary.format()
    assert summary.boilerplate == {"Wire": (1, 0, 13), "CNN Arabic": (0, 1, 12)}  # the copy's promotion too

    arts = read(out, "articles").set_index("article_id")
    assert arts.at["wire-copy", "duplicate_of"] == "wire-01" and arts.at["wire-copy", "duplicate_kind"] == "exact"
    assert arts["duplicate_of"].notna().sum() == 1

    table = read(out, "boilerplate")
    assert sorted(zip(table["source"], table["kind"])) == [("CNN Arabic", "dateline"), ("Wire", "sentence")]
    assert table.set_index("source").at["Wire", "example"] == PROMO

    sents = read(out, "sentences")
    marked = sents[sents["boilerplate_end"].notna()]
    assert len(marked) == 13 + 12  # Wire's promotion (12 + the copy), CNN's datelines
    assert marked["is_boilerplate"].sum() == 13

    # words of the promotion and of the dateline are not terms; the story's words are
    vocab = set(read(out, "vocabulary")["term"])
    assert not {"تطبيق", "هواتفكم", "التنبيهات", "cnn"} & vocab
    assert {"موازنة", "البرلمان"} <= vocab
    # Dubai, the UAE (and CNN) in CNN's dateline are marked, not counted
    mentions = read(out, "entity_mentions")
    dateline = len("دبي، الإمارات العربية المتحدة (CNN)--")
    in_dateline = mentions[mentions["article_id"].str.startswith("cnn") & (mentions["char_start"] < dateline)]
    assert len(in_dateline) and in_dateline["in_boilerplate"].all()
    assert not mentions.loc[~mentions.index.isin(in_dateline.index), "in_boilerplate"].any()


def test_incremental_build_equals_fresh_when_marks_change(tmp_path):
    src, out, fresh = tmp_path / "in", tmp_path / "ds", tmp_path / "fresh"
    write_corpus(src)
    build([src], out, workers=1)
    # an edit that changes one article: marks are corpus-level and recomputed from cached rows
    write_corpus(src, extra_line="\nوقال الوزير إن الخطة تشمل بناء سدود جديدة في الجنوب.")
    second = build([src], out, workers=1)
    assert second.processed == 1
    build([src], fresh, workers=1, force=True)
    for name in schema.TABLES:
        pd.testing.assert_frame_equal(read(out, name), read(fresh, name), obj=name)


def test_an_outlet_naming_itself_is_not_one_of_its_terms(tmp_path):
    """CNN Arabic quoting itself mid-sentence ("قال لـCNN", no dateline to mark): left out of CNN
    Arabic's terms, listed in the boilerplate table; the Wire's "شبكة CNN" is still counted."""
    src, out = tmp_path / "in", tmp_path / "ds"
    rows = []
    for i in range(12):
        rows.append({"id": f"cnn-{i:02d}", "source": "CNN", "date": f"2018-04-{i + 1:02d}",
                     "text": story(i + 50) + f"\nوقال مسؤول في الوزارة رقم {i} لـCNN إن العمل بدأ."})
        rows.append({"id": f"wire-{i:02d}", "source": "Wire", "date": f"2018-03-{i + 1:02d}",
                     "text": story(i) + ("\nونقلت شبكة CNN الخبر." if i == 0 else "")})
    src.mkdir()
    (src / "news.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    summary = build([src], out, workers=1)
    assert summary.self_references == {"CNN Arabic": ["CNN"]}
    assert "self-references  CNN Arabic: CNN" in summary.format()
    table = read(out, "boilerplate")
    assert table[["source", "kind", "example", "n_articles"]].values.tolist() == [
        ["CNN Arabic", "self-reference", "CNN", 12]]
    terms = read(out, "terms")
    cnn_terms = terms[terms["term"].str.lower() == "cnn"]
    assert cnn_terms["article_id"].tolist() == ["wire-00"]
    assert "وزارة" in set(terms.loc[terms["article_id"] == "cnn-00", "term"])  # the sentence's other words stay
