"""Exact and near-duplicate articles: which article repeats an earlier one.

Two steps, like term resolution, so the build can fingerprint articles in parallel and reuse
cached ones:

1. ``article_fingerprint(tokens)``, per article: an exact key (a hash of the article's
   normalised tokens, so whitespace, punctuation, diacritics and letter variants do not make two
   copies differ) and a MinHash signature of its word 3-shingles (datasketch, 128 permutations).
2. ``find_duplicates(...)``, once per corpus: articles are taken in a stable order (publication
   date, unknown dates last, then article_id); an article whose exact key was seen before, or
   whose estimated Jaccard similarity with an earlier article reaches ``NEAR_THRESHOLD`` (LSH
   candidates, then the signatures' agreement), gets ``duplicate_of`` = the first copy's id.

Threshold: measured on ANT (see README, "Duplicates"): pairs above 0.7 estimated Jaccard over
word 3-shingles are the same story republished (a title line, a dateline or a closing paragraph
added or cut); between 0.5 and 0.7 they are mostly follow-ups of one event sharing long quoted
paragraphs, which are different articles.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SEED = 1
SHINGLE = 3
NEAR_THRESHOLD = 0.7
# Articles shorter than this many tokens are compared exactly only: a near match of two short
# notices ("اقرأ أيضا" lists, one-line captions) says nothing about their being the same story.
MIN_NEAR_TOKENS = 40
_SCHEME = "affine32"
_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D], dtype=np.uint64)
SIGNATURE_DTYPE = np.uint32


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=_SCHEME).permutations


def _identity(value):
    return value


def article_fingerprint(tokens: Sequence[str]) -> tuple[str, bytes]:
    """(exact key, MinHash signature as bytes; b'' when the article is too short for a near
    comparison) of an article's normalised tokens."""
    exact = hashlib.blake2b("\u0001".join(tokens).encode("utf-8"), digest_size=12).hexdigest()
    if len(tokens) < MIN_NEAR_TOKENS:
        return exact, b""
    # Token hashes (crc32 is stable across processes, unlike hash()), combined into shingle
    # hashes with numpy; datasketch applies its permutations to those integers.
    words = np.fromiter((zlib.crc32(t.encode("utf-8")) for t in tokens), dtype=np.uint64, count=len(tokens))
    n = len(words) - SHINGLE + 1
    shingles = np.zeros(n, dtype=np.uint64)
    for i in range(SHINGLE):
        shingles = shingles * _MIX[i] + words[i:i + n]  # wraps modulo 2**64: a mixing step
    shingles = (shingles ^ (shingles >> np.uint64(32))) & np.uint64(0xFFFFFFFF)
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=_SCHEME, hashfunc=_identity,
                 permutations=_permutations())
    mh.update_batch(np.unique(shingles).tolist())
    return exact, np.asarray(mh.hashvalues, dtype=SIGNATURE_DTYPE).tobytes()


def stable_order(articles: pd.DataFrame) -> np.ndarray:
    """Row positions of ``articles`` (article_id, published) in the order copies are decided:
    earliest publication first, unknown dates last, then article_id."""
    published = articles["published"].astype("string").fillna("\uffff").to_numpy(dtype=object)
    ids = articles["article_id"].astype("string").to_numpy(dtype=object)
    return np.array(sorted(range(len(articles)), key=lambda i: (published[i], ids[i])), dtype=np.int64)


def find_duplicates(articles: pd.DataFrame, fingerprints: pd.DataFrame,
                    threshold: float = NEAR_THRESHOLD) -> pd.DataFrame:
    """``articles``: article_id, published. ``fingerprints``: article_id, exact_key, minhash.

    Returns article_id, duplicate_of (null for an original), duplicate_kind (exact | near | null),
    similarity (estimated Jaccard with the copy it matched; 1.0 for exact), one row per article.
    """
    fp = fingerprints.drop_duplicates("article_id").set_index("article_id")
    order = stable_order(articles)
    ids = articles["article_id"].astype(str).to_numpy(dtype=object)[order]
    exact_keys = fp["exact_key"].reindex(ids).to_numpy(dtype=object)
    signatures = fp["minhash"].reindex(ids).to_numpy(dtype=object)
    duplicate_of: list[str | None] = [None] * len(ids)
    kind: list[str | None] = [None] * len(ids)
    similarity = np.full(len(ids), np.nan)
    root: dict[str, str] = {}
    first_with_key: dict[str, str] = {}
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sig_of: dict[str, np.ndarray] = {}
    for i, aid in enumerate(ids):
        key = exact_keys[i]
        if isinstance(key, str) and key in first_with_key:
            duplicate_of[i] = root[first_with_key[key]]
            kind[i], similarity[i] = "exact", 1.0
            root[aid] = duplicate_of[i]
            continue
        if isinstance(key, str):
            first_with_key[key] = aid
        root[aid] = aid
        raw = signatures[i]
        if not isinstance(raw, bytes | bytearray) or not raw:
            continue
        sig = np.frombuffer(raw, dtype=SIGNATURE_DTYPE)
        mh = LeanMinHash(seed=SEED, hashvalues=sig, scheme=_SCHEME)
        best, best_sim = None, -1.0
        for other in lsh.query(mh):
            sim = float(np.mean(sig_of[other] == sig))
            if sim >= threshold and (sim > best_sim or (sim == best_sim and other < best)):
                best, best_sim = other, sim
        if best is not None:
            duplicate_of[i] = root[best]
            kind[i], similarity[i] = "near", best_sim
            root[aid] = root[best]
        lsh.insert(aid, mh)
        sig_of[aid] = sig
    out = pd.DataFrame({"article_id": ids, "duplicate_of": duplicate_of, "duplicate_kind": kind,
                        "similarity": similarity})
    return out.sort_values("article_id", kind="stable").reset_index(drop=True)
