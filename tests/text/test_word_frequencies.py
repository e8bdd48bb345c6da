"""The precomputed wordfreq tables answer exactly what wordfreq itself answers."""

from __future__ import annotations

import math
from array import array

import pytest
from wordfreq import get_frequency_dict, get_frequency_list, zipf_frequency

from dashboard.text import word_frequencies as wf
from dashboard.text.normalize import fold


def test_the_shipped_tables_are_for_the_installed_wordfreq():
    assert wf._tables_valid(), "regenerate them: python -m dashboard.text.word_frequencies"


def test_common_words_are_the_small_lists_folded_zipf_to_the_last_bit():
    expected: dict[str, float] = {}
    for word, freq in get_frequency_dict("ar", "small").items():  # what variants.py computed before
        if freq >= 10 ** (wf.COMMON_ZIPF - 9):
            key = fold(word)
            expected[key] = max(expected.get(key, 0.0), math.log10(freq) + 9)
    assert wf._common_words() == expected
    assert wf.common_zipf("الرئيس") == expected["الرئيس"] and wf.common_zipf("بلينكن") == 0.0


def test_the_large_list_digests_are_every_word_of_it():
    words = {w for bucket in get_frequency_list("ar", "large") for w in bucket}
    digests = array("Q", sorted({wf._digest(w) for w in words}))
    assert wf._large_digests() == digests and len(digests) == len(words)  # no two words share one


@pytest.mark.parametrize("word", [
    "كتاب", "الرئيس", "قبع", "يرجئها", "ولايتا", "حوكومة", "إيلتشين", "علييف", "نزارباييف",
    "الْكِتَاب", "كتـاب", "آخر", "ا\u0653خر", "كتاب2", "zzqqxx", "the", "...", "", "كتاب الرئيس", "٢٠٢٠",
])
def test_in_large_list_agrees_with_wordfreq(word):
    assert wf.in_large_list(word) == (zipf_frequency(word, "ar", wordlist="large") != 0)


def test_in_large_list_agrees_with_wordfreq_on_the_list_and_beside_it():
    words = sorted({w for bucket in get_frequency_list("ar", "large") for w in bucket})[::997]
    near = [w[:-1] + "ژ" for w in words] + [w + "ن" for w in words]  # one letter off: mostly absent
    for word in words + near:
        assert wf.in_large_list(word) == (zipf_frequency(word, "ar", wordlist="large") != 0), word


def test_bucketed_lookup_finds_every_digest_at_the_bucket_edges_and_nothing_between():
    """A digest is looked for in its bucket (top 16 bits) only: the first and last digest of
    buckets, the list's ends, and the values one off each must answer as the whole list does."""
    from dashboard.text.word_frequencies import _bucket_starts, _has_value, _large_digests

    digests = _large_digests()
    if digests is None:
        pytest.skip("tables not valid for the installed wordfreq")
    starts = _bucket_starts()
    every = set(digests)
    probes = {digests[0], digests[-1], 0, (1 << 64) - 1}
    for k in range(0, len(starts) - 1, 997):
        for i in (starts[k], starts[k + 1] - 1):
            if 0 <= i < len(digests):
                probes |= {digests[i], digests[i] - 1, digests[i] + 1}
    probes = {v for v in probes if 0 <= v < 1 << 64}
    assert sum(v in every for v in probes) > 100
    for value in probes:
        assert _has_value(digests, value) == (value in every), value
