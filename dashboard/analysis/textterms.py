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

from dashboard.catalogues import load_catalogues
from dashboard.dataset import Dataset
from dashboard.paths import CATALOGUE_DIR
from dashboard.text.clitics import peel
from dashboard.text.normalize import fold, normalize
from dashboard.text.spelling import spelling_key
from dashboard.text.terms import MIN_KEY_LETTERS
from dashboard.text.tokens import TOKEN_RE

NO_TERM = -1
CHARS_PER_TOKEN = 24  # generous: Arabic words average ~6 characters with their space


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


def _lookup(ds: Dataset) -> tuple[dict[str, int], threading.Lock]:
    """folded form -> term code, built once per dataset from the vocabulary: first the written
    forms the build merged into each term (its own clitic decisions: والصين -> الصين), then each
    term key. Tokens not found are resolved by ``term_of`` and remembered here."""
    def compute():
        voc = ds.vocabulary
        codes = ds.ix.term_list
        code_of = {t: i for i, t in enumerate(codes.tolist())}
        table: dict[str, int] = {}
        for key, found in ((k, ds.ix.key_terms[k]) for k in ds.ix.key_terms):
            table.setdefault(key, int(found[0]))
        for term, forms in zip(voc["term"].astype(str).tolist(), voc["forms"].fillna("").astype(str).tolist()):
            code = code_of.get(term)
            if code is None:
                continue
            for form in forms.split("|"):
                if form:
                    table[fold(form)] = code
        return table, threading.Lock()

    return ds.memo(("token_term_lookup",), compute)


def term_of(ds: Dataset, token: str) -> int:
    """The term code of a folded token, or NO_TERM: the build's own form, else the token as a
    key, else (not for a stopword) the token without its proclitics when at least
    MIN_KEY_LETTERS remain (so بين is never read as ب + ين, nor الثلاثاء as ثلاثاء)."""
    table, lock = _lookup(ds)
    code = table.get(token)
    if code is None:
        code = NO_TERM
        keys = ds.ix.key_terms
        # The build's stopwords (folded, clitic forms included): الثلاثاء, فيما
        stop = ds.memo(("stopwords",), lambda: load_catalogues(CATALOGUE_DIR).stopwords)
        candidates = [] if token in stop or len(token) < 2 else peel(token, MIN_KEY_LETTERS)[1:]
        for rest in sorted(candidates, key=len, reverse=True):
            rest = spelling_key(rest)  # keys are spelling classes (أميركا -> أمريكا)
            if rest in keys:
                code = int(keys[rest][0])
                break
        with lock:
            table[token] = code
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
    """Term codes of the tokens of ``text``, leaving out the ``skip`` spans (blanked first)."""
    if skip:
        pieces, pos = [], 0
        for s, e in sorted(skip):
            pieces.append(text[pos:s])
            pieces.append(" ")
            pos = max(pos, e)
        text = "".join(pieces) + text[pos:]
    out = []
    for tok in TOKEN_RE.findall(fold(text)):
        code = term_of(ds, tok)
        if code != NO_TERM:
            out.append(code)
    return out


def window_terms(ds: Dataset, text: str, sent_start: int, sent_end: int, ms: int, me: int,
                 window: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """((token start, term code), ...) of the ``window`` tokens before the match and after it,
    within its sentence; the window counts every token (stopwords too), only terms are kept."""
    reach = CHARS_PER_TOKEN * (window + 1)  # enough text for the window, not the whole sentence
    lo, hi = max(sent_start, ms - reach), min(max(sent_end, me), me + reach)
    before = tokens(text[lo:ms])
    if lo > sent_start and before and before[0][0] == 0:  # a word cut by the reach
        before.pop(0)
    if before and before[-1][1] == ms - lo:  # a proclitic glued to the match (و, ل, ال)
        before.pop()
    before = before[-window:] if window else []
    after = tokens(text[me:hi])
    if hi < max(sent_end, me) and after and after[-1][1] == hi - me:
        after.pop()
    after = after[:window] if window else []
    left = [(lo + s, term_of(ds, tok)) for s, _, tok in before]
    right = [(me + s, term_of(ds, tok)) for s, _, tok in after]
    return ([p for p in left if p[1] != NO_TERM], [p for p in right if p[1] != NO_TERM])
