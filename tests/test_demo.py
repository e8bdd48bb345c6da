"""The ANT demo dataset: the selection rule on small TREC files, and (when built) the dataset is
exactly the articles its committed docnos.list names, with its licence and citation beside it."""

from __future__ import annotations

import json
import os
import signal

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


def test_a_failed_or_killed_build_keeps_the_licence_and_citation(tmp_path, monkeypatch):
    # the build refuses a folder holding other files, so the demo lifts its companions out first:
    # however the build ends, they are back (a killed rebuild once left the dataset without them)
    corpus = tmp_path / "ant"
    write(corpus, "BBC_1", "كازاخستان", "زار الرئيس توكاييف موسكو. " * 30)
    out = tmp_path / "demo"
    out.mkdir()
    (out / demo.DOCNOS_FILE).write_text("BBC_1\n", encoding="utf-8")
    (out / demo.LICENCE_FILE).write_text("old", encoding="utf-8")
    monkeypatch.setattr(demo, "DATA_DIR", tmp_path / "data")

    def killed(argv):
        assert not (out / demo.LICENCE_FILE).exists()  # lifted out while the build runs
        os.kill(os.getpid(), signal.SIGTERM)  # as `kill` does to a rebuild

    monkeypatch.setattr("dashboard.pipeline.cli.main", killed)
    with pytest.raises(SystemExit) as exit_:
        demo.main(["--corpus", str(corpus), "--out", str(out)])
    assert exit_.value.code == 128 + signal.SIGTERM
    assert signal.getsignal(signal.SIGTERM) is not demo._terminated  # the handler is put back
    assert (out / demo.LICENCE_FILE).read_text(encoding="utf-8") == demo.LICENCE_TEXT
    assert json.loads((out / demo.ABOUT_FILE).read_text(encoding="utf-8")) == demo.ABOUT
    assert demo.read_docnos(out / demo.DOCNOS_FILE) == ["BBC_1"]
