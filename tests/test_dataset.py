"""load_dataset / dataset_version on a hand-written dataset: lookups line up, errors name the problem."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dashboard.dataset import DatasetError, dataset_version, load_dataset
from tests.analysis.analysis_tiny_dataset import write_dataset


@pytest.fixture()
def folder(tmp_path) -> Path:
    return write_dataset(tmp_path / "ds", version="v42")


def test_version_is_read_from_build_info_alone(folder, tmp_path):
    assert dataset_version(folder) == "v42"
    assert dataset_version(tmp_path / "nowhere") is None
    (folder / "build_info.json").write_text("{not json", encoding="utf-8")
    assert dataset_version(folder) is None


def test_tables_and_lookups_line_up(folder):
    ds = load_dataset(folder)
    assert ds.version == "v42"
    assert list(ds.ix.article_ids) == ["a1", "a2", "a3", "a4", "a5"]
    assert ds.ix.sources == ("Project Syndicate", "RT", "الجزيرة")
    # a4 has no publication date
    assert np.isnat(ds.ix.article_published[3]) and str(ds.ix.article_published[0]) == "2022-01-05"
    # every mention's sentence row holds the mention
    rows = ds.ix.mention_sentence
    assert (rows >= 0).all()
    sents = ds.sentences.iloc[rows]
    assert (sents["char_start"].to_numpy() <= ds.entity_mentions["char_start"].to_numpy()).all()
    assert (ds.entity_mentions["char_end"].to_numpy() <= sents["char_end"].to_numpy()).all()
    # the CSR pointer gives each article its own sentences
    a1 = slice(ds.ix.sentence_ptr[0], ds.ix.sentence_ptr[1])
    assert set(ds.sentences["article_id"].iloc[a1]) == {"a1"}
    # term codes point back at the terms' own strings
    assert (ds.ix.term_list[ds.ix.term_code] == ds.terms["term"].to_numpy(dtype=object)).all()
    assert "كازاخستان" in ds.ix.key_terms


def test_missing_table_is_named(folder):
    (folder / "entities.parquet").unlink()
    with pytest.raises(DatasetError, match=r"entities"):
        load_dataset(folder)


def test_missing_column_is_named(folder):
    import pandas as pd

    df = pd.read_parquet(folder / "terms.parquet").drop(columns=["count"])
    df.to_parquet(folder / "terms.parquet")
    with pytest.raises(DatasetError, match=r"terms.*count"):
        load_dataset(folder)


def test_missing_folder_or_build_info(folder, tmp_path):
    with pytest.raises(DatasetError, match="does not exist"):
        load_dataset(tmp_path / "absent")
    (folder / "build_info.json").unlink()
    with pytest.raises(DatasetError, match="build_info.json"):
        load_dataset(folder)


def test_memo_computes_once(folder):
    ds = load_dataset(folder)
    calls = []
    for _ in range(3):
        ds.memo(("k",), lambda: calls.append(1) or 7)
    assert calls == [1]


@pytest.mark.parametrize("prefetch", [False, True])
def test_texts_are_read_on_demand_and_aligned(folder, prefetch):
    import pyarrow.parquet as pq

    ds = load_dataset(folder, prefetch_text=prefetch)
    assert "text" not in ds.articles.columns and "text_normalized" not in ds.articles.columns
    written = pq.read_table(folder / "articles.parquet").to_pandas().set_index("article_id")
    for code, aid in enumerate(ds.ix.article_ids):
        assert ds.article_text(code) == written.loc[aid, "text"]
        assert ds.text_column("text_normalized")[code].as_py() == written.loc[aid, "text_normalized"]
    assert len(ds.terms) == len(pq.read_table(folder / "terms.parquet"))
