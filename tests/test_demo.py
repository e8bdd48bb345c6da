"""The ANT demo dataset: the selection rule on small TREC files, and (when built) the dataset is
exactly the articles its committed docnos.list names, with its licence and citation beside it."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboard import demo

DOC = """<DOC>
<DOCNO>{docno}</DOCNO>
<SRC>BBC</SRC>
<CAT>{cat}</CAT>
<TITLE>{title}</TITLE>
<TIME>Mon, 26 Feb 2018 02:20:10 GMT</TIME>
<TEXT>
{text}
</TEXT>
</DOC>
"""


def write(root, docno, title, text, cat="internationalNews"):
    folder = root / "BBC" / cat
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{docno}.txt").write_text(DOC.format(docno=docno, cat=cat, title=title, text=text),
                                         encoding="utf-8")


def test_region_mentions_peel_proclitics_and_match_two_word_names():
    assert demo.region_mentions("التقى بوتين وشي جين بينغ في بكين ولموسكو") == 4
    assert demo.region_mentions("وزار آسيا الوسطى ثم الكازاخية") == 2
    assert demo.region_mentions("روسيات مكتوبة") == 0  # a longer word is not the name
    assert demo.region_mentions("مباراة في باريس") == 0


def test_selection_rule(tmp_path):
    write(tmp_path, "BB-a-1-20180301", "قمة في موسكو", "نص بلا أسماء.")            # title names
    write(tmp_path, "BB-a-2-20180302", "خبر", "زار الرئيس قيرغيزستان أمس.")          # text names
    write(tmp_path, "BB-a-3-20180303", "خبر آخر", "لا شيء عن المنطقة هنا.")         # no name
    write(tmp_path, "BB-a-4-20180304", "نسخة", "زار الرئيس   قيرغيزستان أمس.")      # same text
    chosen = demo.select(demo.read_corpus(tmp_path))
    assert [c.docno for c in chosen] == ["BB-a-1-20180301", "BB-a-2-20180302"]


def test_about_names_the_licence_and_the_required_citation():
    assert demo.ABOUT["licence"] == "Apache-2.0"
    for part in ("Chouigui", "Ben Khiroun", "Elayeb", "46(8)", "2021", "Arabian Journal"):
        assert part in demo.CITATION
    committed = json.loads((demo.DEMO_DIR / demo.ABOUT_FILE).read_text(encoding="utf-8"))
    assert committed == demo.ABOUT  # the committed file is what the command writes
    assert "Apache" in (demo.DEMO_DIR / demo.LICENCE_FILE).read_text(encoding="utf-8")


def test_committed_selection_is_the_documented_size():
    docnos = demo.read_docnos(demo.DEMO_DIR / demo.DOCNOS_FILE)
    assert 6000 <= len(docnos) <= 7000 and len(set(docnos)) == len(docnos)
    assert {d[:2] for d in docnos} == {"AL", "BB", "CN", "FR", "SK"}  # five outlets


def test_built_demo_dataset_matches_its_docnos():
    articles = demo.DEMO_DIR / "articles.parquet"
    if not articles.exists():
        pytest.skip("the ANT demo is not built here (python -m dashboard.demo --corpus corpora/ant)")
    built = pd.read_parquet(articles, columns=["article_id"])["article_id"].tolist()
    assert sorted(built) == sorted(demo.read_docnos(demo.DEMO_DIR / demo.DOCNOS_FILE))
