from __future__ import annotations

from dashboard.analysis.concordance import kwic
from dashboard.analysis.filters import Filters, select


def check_offsets(tiny, df):
    texts = dict(zip(tiny.ix.article_ids, tiny.text_column("text").to_pylist()))
    for r in df.itertuples():
        assert texts[r.article_id][r.char_start:r.char_end] == r.match
        assert texts[r.article_id][r.char_start - len(r.left):r.char_start] == r.left


def test_clitic_tolerant_with_exact_offsets(tiny):
    df = kwic(tiny, select(tiny, Filters()), "كازاخستان")
    assert len(df) == 4 and set(df["match"]) == {"كازاخستان"}
    a2 = df[df["article_id"] == "a2"].iloc[0]
    assert a2["left"].endswith("ل")  # the proclitic stays in the left context
    check_offsets(tiny, df)


def test_derived_and_newest_first(tiny):
    df = kwic(tiny, select(tiny, Filters()), "كازاخستان", derived=True)
    assert "كازاخستانية" in set(df["match"])
    assert df["article_id"].tolist()[0] == "a3" and df["article_id"].tolist()[-1] == "a5"
    check_offsets(tiny, df)


def test_context_stays_in_the_sentence_and_window(tiny):
    df = kwic(tiny, select(tiny, Filters()), "روسيا", window=5)
    assert all(len(x) <= 5 for x in df["left"]) and all(len(x) <= 5 for x in df["right"])
    full = kwic(tiny, select(tiny, Filters(sources=("RT",))), "روسيا")
    assert full.iloc[0]["right"] == " الدعم لكازاخستان."  # ends with its sentence


def test_limit_filters_and_empty(tiny):
    assert len(kwic(tiny, select(tiny, Filters()), "كازاخستان", limit=2)) == 2
    assert kwic(tiny, select(tiny, Filters(sources=("RT",))), "الصين").empty
    assert kwic(tiny, select(tiny, Filters()), "").empty
    assert list(kwic(tiny, select(tiny, Filters()), "غير").columns)[:3] == ["article_id", "title", "source"]


def test_words_outside_the_vocabulary_are_scanned(tiny):
    df = kwic(tiny, select(tiny, Filters()), "في")  # a stopword: not a term, still findable
    assert len(df) == 5
    check_offsets(tiny, df)


def test_entity_concordance_uses_every_alias(tiny):
    from dashboard.analysis.concordance import entity_concordance

    sel = select(tiny, Filters())
    df = entity_concordance(tiny, sel, "KAZ")
    assert sorted(df["match"]) == ["الكازاخستانية"] * 2 + ["كازاخستان"] * 4
    check_offsets(tiny, df)
    assert df["article_id"].tolist()[0] == "a3" and df["article_id"].tolist()[-1] == "a5"  # newest first
    names = entity_concordance(tiny, sel, "KAZ", include_adjectives=False, roll_up_cities=True)
    assert set(names["match"]) == {"كازاخستان", "ألماتي", "أستانا"}
    assert entity_concordance(tiny, sel, "NOPE").empty
    assert entity_concordance(tiny, select(tiny, Filters(sources=("x",))), "KAZ").columns.tolist() == df.columns.tolist()
