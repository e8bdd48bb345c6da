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
   The candidates are datasketch's MinHashLSH banding computed for the whole corpus at once in
   numpy (tests check both against datasketch itself).

Threshold: measured on ANT (see README, "Duplicates"): pairs above 0.7 estimated Jaccard over
word 3-shingles are the same story republished (a title line, a dateline or a closing paragraph
added or cut); between 0.5 and 0.7 they are mostly follow-ups of one event sharing long quoted
paragraphs, which are different articles.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import zlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

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


# datasketch's parameters for these settings (its MinHash permutations, its MinHashLSH bands for
# NEAR_THRESHOLD), kept beside this file: importing datasketch imports scipy, ~0.4 CPU-s, a third
# of a build's start-up, for 258 numbers. Valid for the datasketch version the file records; with
# another one installed they come from datasketch itself. Regenerate with
# ``python -m dashboard.text.duplicates``; tests/text/test_duplicates.py checks them against datasketch.
PARAMS_FILE = Path(__file__).with_name("minhash_params.json")


def _datasketch_params() -> dict:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=NEAR_THRESHOLD, num_perm=NUM_PERM)
    return {"num_perm": NUM_PERM, "seed": SEED, "scheme": _SCHEME, "threshold": NEAR_THRESHOLD,
            "permutations": MinHash(num_perm=NUM_PERM, seed=SEED, scheme=_SCHEME).permutations.tolist(),
            "bands": lsh.b, "rows": lsh.r}


@lru_cache(maxsize=1)
def _stored_params() -> dict | None:
    """The kept parameters, if they were computed for these settings by the installed datasketch."""
    try:
        stored = json.loads(PARAMS_FILE.read_text("utf-8"))
        installed = importlib.metadata.version("datasketch")
    except (OSError, ValueError, importlib.metadata.PackageNotFoundError):
        return None
    settings = {"num_perm": NUM_PERM, "seed": SEED, "scheme": _SCHEME, "threshold": NEAR_THRESHOLD}
    if stored.get("datasketch") != installed or any(stored.get(k) != v for k, v in settings.items()):
        return None
    return stored


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    """datasketch's affine32 permutations (a, b) for NUM_PERM and SEED."""
    stored = _stored_params()
    if stored is None:
        from datasketch import MinHash

        return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=_SCHEME).permutations
    return np.array(stored["permutations"], dtype=SIGNATURE_DTYPE)


# MurmurHash3's 32-bit finalizer, which datasketch's affine32 scheme applies to each input hash
# before its permutations (a test checks the signatures equal MinHash.update_batch's).
_FMIX32 = tuple(np.uint32(c) for c in (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16))
# Shingles permuted at a time: bounds the (shingles x NUM_PERM) matrix on a very long article.
_CHUNK = 4096


def minhash_signature(hashes: np.ndarray) -> np.ndarray:
    """The affine32 MinHash signature (NUM_PERM uint32 values) of a set of 32-bit hashes: what
    ``MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32").update_batch(hashes)`` gives, in
    numpy alone (datasketch calls its hash function once per value in Python: most of an
    article's fingerprint time). Repeated values do not change a minimum: no need to dedupe."""
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hashes.astype(np.uint32)
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = (hv ^ (hv >> s3))[:, None]
    a, b = _permutations()
    signature = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
    for start in range(0, len(hv), _CHUNK):
        np.minimum(signature, (hv[start:start + _CHUNK] * a + b).min(axis=0), out=signature)
    return signature


def article_fingerprint(tokens: Sequence[str]) -> tuple[str, bytes]:
    """(exact key, MinHash signature as bytes; b'' when the article is too short for a near
    comparison) of an article's normalised tokens."""
    exact = hashlib.blake2b("\u0001".join(tokens).encode("utf-8"), digest_size=12).hexdigest()
    if len(tokens) < MIN_NEAR_TOKENS:
        return exact, b""
    # Token hashes (crc32 is stable across processes, unlike hash()), combined into shingle
    # hashes with numpy, then permuted as datasketch's affine32 scheme does.
    words = np.fromiter(map(zlib.crc32, map(str.encode, tokens)), dtype=np.uint64, count=len(tokens))  # UTF-8
    n = len(words) - SHINGLE + 1
    shingles = np.zeros(n, dtype=np.uint64)
    for i in range(SHINGLE):
        shingles = shingles * _MIX[i] + words[i:i + n]  # wraps modulo 2**64: a mixing step
    shingles = (shingles ^ (shingles >> np.uint64(32))) & np.uint64(0xFFFFFFFF)
    return exact, minhash_signature(shingles).astype(SIGNATURE_DTYPE).tobytes()


def stable_order(articles: pd.DataFrame) -> np.ndarray:
    """Row positions of ``articles`` (article_id, published) in the order copies are decided:
    earliest publication first, unknown dates last, then article_id."""
    published = articles["published"].astype("string").fillna("\uffff").to_numpy(dtype=object)
    ids = articles["article_id"].astype("string").to_numpy(dtype=object)
    return np.array(sorted(range(len(articles)), key=lambda i: (published[i], ids[i])), dtype=np.int64)


def _lsh_bands(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) datasketch's MinHashLSH picks for this threshold and NUM_PERM."""
    stored = _stored_params()
    if stored is not None and threshold == stored["threshold"]:
        return stored["bands"], stored["rows"]
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def _earlier_sharing_a_band(signatures: np.ndarray, threshold: float) -> dict[int, list[int]]:
    """For each row of ``signatures`` (the indexed articles, in decision order), the earlier rows
    sharing at least one LSH band with it: what ``MinHashLSH.query`` returns when every earlier
    row has been inserted (datasketch's banding: band i is values [i*r, (i+1)*r); two signatures
    collide when one band is equal), found for all rows at once with numpy instead of one query
    and one insert per article."""
    bands, rows = _lsh_bands(threshold)
    found: dict[int, set[int]] = {}
    for band in range(bands if len(signatures) else 0):
        keys = np.ascontiguousarray(signatures[:, band * rows:(band + 1) * rows])
        keys = keys.view(np.dtype((np.void, keys.dtype.itemsize * rows))).ravel()
        _, group, counts = np.unique(keys, return_inverse=True, return_counts=True)
        members: dict[int, list[int]] = {}
        for pos in np.flatnonzero(counts[group] > 1).tolist():  # ascending: earlier rows first
            members.setdefault(int(group[pos]), []).append(pos)
        for group_rows in members.values():
            for k in range(1, len(group_rows)):
                found.setdefault(group_rows[k], set()).update(group_rows[:k])
    return {pos: sorted(earlier) for pos, earlier in found.items()}


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
    raw_signatures = fp["minhash"].reindex(ids).to_numpy(dtype=object)
    n = len(ids)
    # Which articles are exact copies does not depend on the near step: known before it.
    exact_copy = np.zeros(n, dtype=bool)
    seen_keys: set[str] = set()
    for i, key in enumerate(exact_keys):
        if isinstance(key, str):
            exact_copy[i] = key in seen_keys
            seen_keys.add(key)
    has_signature = np.fromiter((isinstance(raw, bytes | bytearray) and len(raw) > 0 for raw in raw_signatures),
                                dtype=bool, count=n)
    width = NUM_PERM * np.dtype(SIGNATURE_DTYPE).itemsize
    signatures = np.zeros((n, NUM_PERM), dtype=SIGNATURE_DTYPE)
    with_signature = np.flatnonzero(has_signature & ~exact_copy)
    if len(with_signature):
        if any(len(raw_signatures[i]) != width for i in with_signature):
            raise ValueError("a cached MinHash signature has the wrong length (build cache damaged?)")
        signatures[with_signature] = np.frombuffer(b"".join(raw_signatures[i] for i in with_signature),
                                                   dtype=SIGNATURE_DTYPE).reshape(-1, NUM_PERM)
    # LSH candidates among the articles datasketch's index would hold: originals with a signature
    candidates = {int(with_signature[q]): with_signature[earlier].tolist()
                  for q, earlier in _earlier_sharing_a_band(signatures[with_signature], threshold).items()}

    duplicate_of: list[str | None] = [None] * n
    kind: list[str | None] = [None] * n
    similarity = np.full(n, np.nan)
    root: dict[str, str] = {}
    first_with_key: dict[str, str] = {}
    for i, aid in enumerate(ids):
        key = exact_keys[i]
        if exact_copy[i]:
            duplicate_of[i] = root[first_with_key[key]]
            kind[i], similarity[i] = "exact", 1.0
            root[aid] = duplicate_of[i]
            continue
        if isinstance(key, str):
            first_with_key[key] = aid
        root[aid] = aid
        best, best_sim = None, -1.0
        for j in candidates.get(i, ()):
            other = ids[j]
            sim = float(np.mean(signatures[j] == signatures[i]))
            if sim >= threshold and (sim > best_sim or (sim == best_sim and other < best)):
                best, best_sim = other, sim
        if best is not None:
            duplicate_of[i] = root[best]
            kind[i], similarity[i] = "near", best_sim
            root[aid] = root[best]
    out = pd.DataFrame({"article_id": ids, "duplicate_of": duplicate_of, "duplicate_kind": kind,
                        "similarity": similarity})
    return out.sort_values("article_id", kind="stable").reset_index(drop=True)


def write_params() -> None:
    """Recompute PARAMS_FILE from the installed datasketch and record its version."""
    params = {"datasketch": importlib.metadata.version("datasketch"), **_datasketch_params()}
    PARAMS_FILE.write_text(json.dumps(params) + "\n", "utf-8")
    _stored_params.cache_clear()
    _permutations.cache_clear()


if __name__ == "__main__":
    write_params()
    print(f"wrote {PARAMS_FILE.name}")
