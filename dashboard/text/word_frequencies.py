"""Arabic word frequencies from wordfreq, kept precomputed beside this file so that a worker
never loads wordfreq's lists.

wordfreq's large Arabic list (620,701 words) costs ~0.4 CPU-s and ~95 MB of RSS to load, its small
one plus the import ~0.15 s and ~20 MB; extraction only asks two things of them:

- the Zipf frequency of a folded word at or above COMMON_ZIPF in the small list
  (``common_zipf``): kept as the list's own frequency bucket of each folded word
  (wordfreq_ar_common.tsv, ~52,000 words), read back to the very same floats;
- whether a word is in the large list at any frequency (``in_large_list``): kept as the sorted
  64-bit BLAKE2b digests of the list's words (wordfreq_ar_large.u64, 5 MB, searched by bisection of
  the bucket of a digest's top 16 bits;
  a word outside the list matches a digest by chance with odds of 1 in 3e13).

Both files are valid for the wordfreq version recorded in wordfreq_tables.json; with any other
version installed the answers come from wordfreq itself, as before. Regenerate them with
``python -m dashboard.text.word_frequencies``; tests/text/test_word_frequencies.py checks them
against wordfreq. wordfreq: Robyn Speer, https://github.com/rspeer/wordfreq (data CC BY-SA 4.0).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import math
import re
import sys
from array import array
from bisect import bisect_left
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from dashboard.text.normalize import fold

# A spelling that ordinary Arabic text uses this often (Zipf scale: 3.0 = once per million
# words, in wordfreq's Arabic list of web, subtitle, Wikipedia and news text) is a word, not an
# unseen spelling of a name: توقيفه, رئيسي and بلينكن (2.0) on either side of the line.
COMMON_ZIPF = 3.0

_HERE = Path(__file__).parent
META_FILE = _HERE / "wordfreq_tables.json"
COMMON_FILE = _HERE / "wordfreq_ar_common.tsv"
LARGE_FILE = _HERE / "wordfreq_ar_large.u64"
# Words wordfreq reads as one token, unchanged (no mark, tatweel, digit, Latin letter): their
# digest alone answers; anything else goes through wordfreq's tokenizer first.
_PLAIN_ARABIC = re.compile(r"[\u0621-\u063a\u0641-\u064a]+")


def _installed_wordfreq() -> str | None:
    try:
        return importlib.metadata.version("wordfreq")
    except importlib.metadata.PackageNotFoundError:
        return None


@lru_cache(maxsize=1)
def _tables_valid() -> bool:
    try:
        meta = json.loads(META_FILE.read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return meta.get("wordfreq") == _installed_wordfreq() and meta.get("common_zipf") == COMMON_ZIPF


def _zipf_of_bucket(index: int) -> float:
    """The Zipf value of wordfreq's frequency bucket ``index`` (its cB_to_freq(-index), as a float
    identical to what get_frequency_dict gives)."""
    return math.log10(10 ** (-index / 100)) + 9


# ---- the small list: Zipf of common folded words ------------------------------------------------
def _common_buckets_from_wordfreq() -> dict[str, int]:
    """Folded word -> the lowest (most frequent) bucket of its spellings, for the words of the
    small Arabic list at or above COMMON_ZIPF."""
    from wordfreq import get_frequency_list

    out: dict[str, int] = {}
    floor = 10 ** (COMMON_ZIPF - 9)
    for index, bucket in enumerate(get_frequency_list("ar", "small")):
        if 10 ** (-index / 100) < floor:  # the test variants.py always made, on the same floats
            continue
        for word in bucket:
            key = fold(word)
            out[key] = min(out.get(key, index), index)
    return out


@lru_cache(maxsize=1)
def _common_words() -> dict[str, float]:
    """Folded forms of the Arabic words at or above COMMON_ZIPF, with their Zipf frequency."""
    if not _tables_valid():
        return {w: _zipf_of_bucket(i) for w, i in _common_buckets_from_wordfreq().items()}
    out: dict[str, float] = {}
    for line in COMMON_FILE.read_text("utf-8").splitlines():
        index, _, words = line.partition("\t")
        zipf = _zipf_of_bucket(int(index))
        out.update(dict.fromkeys(words.split(" "), zipf))
    return out


def common_zipf(word: str) -> float:
    """How frequent a folded word is in ordinary Arabic text (Zipf; 0 below COMMON_ZIPF)."""
    return _common_words().get(word, 0.0)


def common_words() -> Mapping[str, float]:
    """The common words' table itself (folded word -> Zipf, COMMON_ZIPF and above), for a loop over
    every token of an article, where a call of common_zipf per token costs. Shared: never write to it
    (a read-only proxy would double the cost of each lookup)."""
    return _common_words()


# ---- the large list: is a word in it at all -----------------------------------------------------
def _digest(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


@lru_cache(maxsize=1)
def _large_digests() -> array | None:
    if not _tables_valid():
        return None
    digests = array("Q")
    digests.frombytes(LARGE_FILE.read_bytes())
    if sys.byteorder != "little":
        digests.byteswap()
    return digests


_BUCKET_SHIFT = 48  # digests bucketed by their top 16 bits: ~10 digests a bucket


@lru_cache(maxsize=1)
def _bucket_starts() -> array:
    """starts[k]: the index of the first digest whose top 16 bits are k or more (k = 0 ... 65536),
    so that a lookup bisects one bucket (~4 comparisons) instead of the whole list (~20, each
    making a Python int of an array item)."""
    import numpy as np

    digests = np.frombuffer(_large_digests(), dtype=np.uint64)
    tops = np.arange(1 << (64 - _BUCKET_SHIFT), dtype=np.uint64) << np.uint64(_BUCKET_SHIFT)
    return array("q", [*np.searchsorted(digests, tops).tolist(), len(digests)])


def _has_digest(digests: array, word: str) -> bool:
    return _has_value(digests, _digest(word))


def _has_value(digests: array, value: int) -> bool:
    starts = _bucket_starts()
    k = value >> _BUCKET_SHIFT
    lo, hi = starts[k], starts[k + 1]
    i = bisect_left(digests, value, lo, hi)
    return i < hi and digests[i] == value


def in_large_list(word: str) -> bool:
    """Whether wordfreq's large Arabic list gives ``word`` a frequency above zero (its
    zipf_frequency(word, "ar", wordlist="large") != 0)."""
    digests = _large_digests()
    if digests is not None and _PLAIN_ARABIC.fullmatch(word):
        return _has_digest(digests, word)
    if digests is not None:
        from wordfreq import lossy_tokenize  # marks, tatweel, other scripts: wordfreq's own reading

        tokens = lossy_tokenize(word, "ar")
        if len(tokens) == 1 and not any(c.isdigit() for c in tokens[0]):
            return _has_digest(digests, tokens[0])
    from wordfreq import zipf_frequency  # no tables, or several tokens or digits: ask wordfreq

    return zipf_frequency(word, "ar", wordlist="large") != 0


def preload(tokenizer: bool = False) -> None:
    """Load both tables now rather than at their first lookup: a build's pool workers, forked
    after this, then share the parent's copy instead of each reading its own. ``tokenizer``: also
    import wordfreq's, which in_large_list needs for a word with marks, tatweel or other letters
    (~0.15 CPU-s here; more in each worker, deep in whose stack its import inspects every frame)."""
    _common_words()
    if _large_digests() is not None:
        _bucket_starts()
    if _large_digests() is not None and tokenizer:
        from wordfreq import lossy_tokenize  # noqa: F401


def unload() -> None:
    """Drop both tables (~8 MB; read again at the next lookup): a build's parent process, once
    the articles are extracted, needs them no more."""
    _common_words.cache_clear()
    _large_digests.cache_clear()
    _bucket_starts.cache_clear()


# ---- regeneration -------------------------------------------------------------------------------
def write_tables() -> None:
    """Recompute both files from the installed wordfreq and record its version."""
    from wordfreq import get_frequency_list

    by_bucket: dict[int, list[str]] = {}
    for word, index in _common_buckets_from_wordfreq().items():
        by_bucket.setdefault(index, []).append(word)
    COMMON_FILE.write_text("".join(f"{i}\t{' '.join(sorted(ws))}\n" for i, ws in sorted(by_bucket.items())),
                           "utf-8")
    digests = array("Q", sorted({_digest(w) for bucket in get_frequency_list("ar", "large") for w in bucket}))
    if sys.byteorder != "little":
        digests.byteswap()
    LARGE_FILE.write_bytes(digests.tobytes())
    META_FILE.write_text(json.dumps({"wordfreq": _installed_wordfreq(), "common_zipf": COMMON_ZIPF,
                                     "large_ar_words": len(digests), "digest": "blake2b-64, little-endian"},
                                    indent=1) + "\n", "utf-8")
    _tables_valid.cache_clear()
    _common_words.cache_clear()
    _large_digests.cache_clear()
    _bucket_starts.cache_clear()


if __name__ == "__main__":
    write_tables()
    print(f"wrote {COMMON_FILE.name}, {LARGE_FILE.name}, {META_FILE.name}")
