"""Terms of a stretch of text (a sentence, a window around a match), as the build counted them.

The build keeps term counts per article; sentence-level and window-level views (compare's
distinctive words, collocates) need the terms of a piece of an article. They come from the
build's own pieces: ``fold`` (dashboard/text/normalize.py), the build's tokeniser
(dashboard/text/tokens.py), and the dataset's vocabulary (a folded token is its own term key,
or the key left after its proclitics, as the keyword search resolves a typed word). Tokens that
are no term (stopwords, numbers, one letter) are skipped, as in the build's counts.
"""

from __future__ import annotations

import threading

import numpy as np

from dashboard.analysis.keyword import _key_candidates
from dashboard.dataset import Dataset
from dashboard.text.normalize import normalize
from dashboard.text.tokens import TOKEN_RE

NO_TERM = -1


def sentence_bounds(ds: Dataset, code: int, pos: int, text_len: int) -> tuple[int, int, int]:
    """(start, end, sentence_id) of the sentence of article ``code`` holding ``pos``
    (the whole text and -1 when the article has no sentence rows there)."""
    ptr = ds.ix.sentence_ptr
    lo, hi = int(ptr[code]), int(ptr[code + 1])
    starts = ds.memo(("sent_start",), lambda: ds.sentences["char_start"].to_numpy(np.int64))
    k = int(np.searchsorted(starts[lo:hi], pos, side="right")) - 1
    if k < 0:
        return 0, text_len, -1
    ends = ds.memo(("sent_end",), lambda: ds.sentences["char_end"].to_numpy(np.int64))
    ids = ds.memo(("sent_id",), lambda: ds.sentences["sentence_id"].to_numpy(np.int64))
    return int(starts[lo + k]), int(ends[lo + k]), int(ids[lo + k])


def _token_map(ds: Dataset) -> tuple[dict, threading.Lock]:
    return ds.memo(("token_term_map",), lambda: ({}, threading.Lock()))


def term_of(ds: Dataset, token: str) -> int:
    """The term code of a folded token, or NO_TERM (memoised per dataset)."""
    memo, lock = _token_map(ds)
    code = memo.get(token)
    if code is None:
        code = NO_TERM
        keys = ds.ix.key_terms
        for key in _key_candidates(token):
            if key in keys:
                code = int(keys[key][0])
                break
        with lock:
            if len(memo) > 2_000_000:  # bounded: a long session on a large corpus
                memo.clear()
            memo[token] = code
    return code


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded token) of ``text``, offsets into ``text`` itself (original)."""
    norm = normalize(text)
    out = []
    for m in TOKEN_RE.finditer(norm.text):
        s, e = norm.to_original(*m.span())
        out.append((s, e, m.group()))
    return out


def term_codes_in(ds: Dataset, text: str, skip: list[tuple[int, int]] = ()) -> list[int]:
    """Term codes of the tokens of ``text``, leaving out tokens overlapping a ``skip`` span."""
    out = []
    for s, e, tok in tokens(text):
        if any(s < se and e > ss for ss, se in skip):
            continue
        code = term_of(ds, tok)
        if code != NO_TERM:
            out.append(code)
    return out


def window_terms(ds: Dataset, text: str, sent_start: int, sent_end: int, ms: int, me: int,
                 window: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """((token start, term code), ...) of the ``window`` tokens before the match and after it,
    within its sentence; the window counts every token (stopwords too), only terms are kept."""
    before = tokens(text[sent_start:ms])
    if before and before[-1][1] == ms - sent_start:  # a proclitic glued to the match (و, ل, ال)
        before.pop()
    before = before[-window:] if window else []
    after = tokens(text[me:max(sent_end, me)])[:window] if window else []
    left = [(sent_start + s, term_of(ds, tok)) for s, _, tok in before]
    right = [(me + s, term_of(ds, tok)) for s, _, tok in after]
    return ([p for p in left if p[1] != NO_TERM], [p for p in right if p[1] != NO_TERM])
