"""Exact and near-duplicate detection: synthetic copies (always run) and real ANT pairs (read from
corpora/ant at test time, skipped when the corpus is absent: its text is not committed)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.ingest.readers import iter_inputs
from dashboard.ingest.records import RawArticle
from dashboard.paths import REPO_ROOT
from dashboard.text.document import Doc
from dashboard.text.duplicates import MIN_NEAR_TOKENS, NEAR_THRESHOLD, article_fingerprint, find_duplicates

ANT = next((p for p in (REPO_ROOT / "corpora" / "ant", Path("/tmp/ant")) if p.is_dir()), None)

# A long synthetic story (more words than MIN_NEAR_TOKENS), and variations of it.
BASE = " ".join(
    f"قال المتحدث باسم الوزارة في اليوم رقم {i} إن المفاوضات مع الوفد الزائر تناولت ملف المياه والحدود."
    for i in range(12)
)


def fingerprints(texts: dict[str, str]) -> pd.DataFrame:
    rows = []
    for aid, text in texts.items():
        doc = Doc.from_text(aid, text)
        exact, sig = article_fingerprint([doc.norm.text[s:e] for s, e in doc.tokens])
        rows.append({"article_id": aid, "exact_key": exact, "minhash": sig})
    return pd.DataFrame(rows)


def run(texts: dict[str, str], published: dict[str, str | None] | None = None) -> pd.DataFrame:
    published = published or {}
    articles = pd.DataFrame({"article_id": list(texts), "published": [published.get(a) for a in texts]})
    return find_duplicates(articles, fingerprints(texts)).set_index("article_id")


def test_exact_copy_differing_in_spacing_diacritics_and_hamza_is_exact():
    copy = BASE.replace("قال", "قَالَ").replace(" ", "  ").replace("إن", "ان")
    out = run({"a": BASE, "b": copy}, {"a": "2018-01-01", "b": "2018-01-02"})
    assert pd.isna(out.at["a", "duplicate_of"])
    assert out.at["b", "duplicate_of"] == "a" and out.at["b", "duplicate_kind"] == "exact"


def test_earlier_article_is_the_original_whatever_the_ids():
    out = run({"a": BASE, "z": BASE}, {"a": "2018-05-01", "z": "2018-01-01"})
    assert out.at["a", "duplicate_of"] == "z" and pd.isna(out.at["z", "duplicate_of"])
    # unknown dates come last; equal dates fall back to the id
    out = run({"b": BASE, "c": BASE, "d": BASE}, {"b": None, "c": "2018-01-01", "d": "2018-01-01"})
    assert out["duplicate_of"].fillna("-").to_dict() == {"b": "c", "c": "-", "d": "c"}


def test_edited_republication_is_near_and_a_different_story_is_not():
    edited = "عاجل: " + BASE.replace("رقم 3", "رقم 30").replace("ملف المياه والحدود.", "ملف المياه.", 1)
    other = " ".join(f"أعلن نادي الكرة في المباراة {i} فوزه على منافسه بهدفين نظيفين أمام جمهوره."
                     for i in range(12))
    out = run({"a": BASE, "b": edited, "c": other}, {"a": "2018-01-01", "b": "2018-01-02", "c": "2018-01-03"})
    assert out.at["b", "duplicate_of"] == "a" and out.at["b", "duplicate_kind"] == "near"
    assert NEAR_THRESHOLD <= out.at["b", "similarity"] < 1
    assert pd.isna(out.at["c", "duplicate_of"])


def test_copies_of_a_copy_point_to_the_first_copy():
    edited = BASE + " وأضاف أن الجولة المقبلة ستعقد الشهر القادم."
    out = run({"a": BASE, "b": edited, "c": edited}, {"a": "2018-01-01", "b": "2018-01-02", "c": "2018-01-03"})
    assert out.at["b", "duplicate_of"] == "a" and out.at["c", "duplicate_of"] == "a"


def test_short_texts_are_compared_exactly_only():
    short = "شاهد الفيديو"
    near = "شاهد الفيديو كاملا"
    assert len(near.split()) < MIN_NEAR_TOKENS
    out = run({"a": short, "b": near, "c": short})
    assert pd.isna(out.at["b", "duplicate_of"]) and out.at["c", "duplicate_of"] == "a"


def test_fingerprint_is_deterministic():
    doc = Doc.from_text("x", BASE)
    tokens = [doc.norm.text[s:e] for s, e in doc.tokens]
    assert article_fingerprint(tokens) == article_fingerprint(list(tokens))


# Pairs found on ANT by a full build (ids only: the texts are read from the corpus here).
ANT_EXACT = [("FR-culture-66-20180513", "FR-internationalNews-1220-20180513"),
             ("CN-economy-242-20180901", "CN-economy-257-20180901")]
ANT_NEAR = [("FR-internationalNews-709-20180413", "FR-middleEast-271-20180413"),
            ("AL-economy-691-20180530", "SK-economy-675-20180530")]
ANT_DIFFERENT = ["FR-culture-12-20180123", "BB-culture-37-20180220", "CN-middleEast-836-20180508"]


def _ant_articles(ids: list[str]) -> dict[str, RawArticle]:
    if ANT is None:
        pytest.skip("ANT corpus not unpacked at corpora/ant")
    paths = [p for aid in ids for p in ANT.glob(f"*/*/{aid}.txt")]
    if len(paths) != len(ids):
        pytest.skip("some sample files are not in this ANT copy")
    return {a.article_id: a for a in iter_inputs(paths) if isinstance(a, RawArticle)}


def test_real_ant_copies_are_found_and_point_to_the_first():
    ids = [a for pair in ANT_EXACT + ANT_NEAR for a in pair] + ANT_DIFFERENT
    arts = _ant_articles(ids)
    out = run({aid: a.text for aid, a in arts.items()}, {aid: a.published for aid, a in arts.items()})
    for first, copy in ANT_EXACT:
        assert out.at[copy, "duplicate_of"] == first and out.at[copy, "duplicate_kind"] == "exact"
    for first, copy in ANT_NEAR:
        assert out.at[copy, "duplicate_of"] == first and out.at[copy, "duplicate_kind"] == "near"
        assert arts[first].text != arts[copy].text
    for aid in ANT_DIFFERENT + [first for first, _ in ANT_EXACT + ANT_NEAR]:
        assert pd.isna(out.at[aid, "duplicate_of"])


def test_signature_is_datasketchs_affine32_minhash():
    """minhash_signature computes in numpy what datasketch's MinHash.update_batch computes (the
    LSH index and LeanMinHash read them as datasketch signatures): same values on random hashes,
    repeats and a set longer than one chunk included."""
    import numpy as np
    from datasketch import MinHash

    from dashboard.text.duplicates import NUM_PERM, SEED, minhash_signature

    rng = np.random.default_rng(7)
    for n in (1, 3, 200, 10_000):
        hashes = rng.integers(0, 2**32, size=n, dtype=np.uint64)
        hashes[: n // 3] = hashes[0]
        reference = MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32", hashfunc=lambda v: v)
        reference.update_batch(np.unique(hashes).tolist())
        assert np.array_equal(minhash_signature(hashes), np.asarray(reference.hashvalues, dtype=np.uint32))


def test_band_candidates_are_what_datasketchs_lsh_index_returns():
    """The near step finds, for each article, the earlier ones sharing an LSH band in one numpy
    pass: the same candidates as querying datasketch's MinHashLSH before inserting each article
    in turn (signatures with planted near copies: bands equal by chance and by construction)."""
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    from dashboard.text.duplicates import NUM_PERM, SEED, _earlier_sharing_a_band

    rng = np.random.default_rng(3)
    sigs = rng.integers(0, 50, size=(400, NUM_PERM), dtype=np.uint32)  # few values: chance collisions
    for i in range(20, 400, 7):  # near copies of an earlier signature, some values changed
        src = int(rng.integers(0, i))
        sigs[i] = sigs[src]
        changed = rng.choice(NUM_PERM, size=int(rng.integers(1, 60)), replace=False)
        sigs[i, changed] = rng.integers(1000, 2000, size=len(changed), dtype=np.uint32)
    found = _earlier_sharing_a_band(sigs, NEAR_THRESHOLD)
    lsh = MinHashLSH(threshold=NEAR_THRESHOLD, num_perm=NUM_PERM)
    for i, sig in enumerate(sigs):
        mh = LeanMinHash(seed=SEED, hashvalues=sig, scheme="affine32")
        assert sorted(lsh.query(mh)) == found.get(i, []), i
        lsh.insert(i, mh)
    assert sum(map(len, found.values())) > 30  # the comparison had pairs to agree on


def test_kept_parameters_are_datasketchs_and_spare_a_build_its_import(tmp_path, monkeypatch):
    """minhash_params.json holds what datasketch computes (permutations, LSH bands), so a build
    never imports it (nor scipy, which it imports: ~0.4 CPU-s); a file from another datasketch
    version is not used."""
    import json
    import subprocess
    import sys

    import numpy as np
    from datasketch import MinHash, MinHashLSH

    from dashboard.text import duplicates

    reference = MinHash(num_perm=duplicates.NUM_PERM, seed=duplicates.SEED, scheme="affine32").permutations
    lsh = MinHashLSH(threshold=NEAR_THRESHOLD, num_perm=duplicates.NUM_PERM)
    assert duplicates._stored_params() is not None
    kept = duplicates._permutations()
    assert kept.dtype == reference.dtype and np.array_equal(kept, reference)
    assert duplicates._lsh_bands(NEAR_THRESHOLD) == (lsh.b, lsh.r)

    probe = ("import sys; import dashboard.pipeline.run; from dashboard.text import duplicates as d; "
             "d._permutations(); d._lsh_bands(d.NEAR_THRESHOLD); "
             "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

    stale = tmp_path / "minhash_params.json"
    stale.write_text(json.dumps({**duplicates._stored_params(), "datasketch": "0.0.1"}), "utf-8")
    monkeypatch.setattr(duplicates, "PARAMS_FILE", stale)
    duplicates._stored_params.cache_clear()
    duplicates._permutations.cache_clear()
    try:
        assert duplicates._stored_params() is None
        assert np.array_equal(duplicates._permutations(), reference)
    finally:
        duplicates._stored_params.cache_clear()
        duplicates._permutations.cache_clear()
