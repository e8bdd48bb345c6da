"""Arabic normalisation for matching and counting, with an exact map back to the original text.

Every extractor works on the *normalised* text and stores spans of the *original* text, so the
map must be exact: for any span ``[s, e)`` of ``Normalized.text`` that does not cut through a
character expansion (a ligature such as ﻷ becomes two letters), ``to_original(s, e)`` gives
``(a, b)`` with ``fold(original[a:b]) == text[s:e]``.

What is folded (the things Arabic spelling varies on in real news text):
- hamza seats on alef (أ إ آ ٱ -> ا), alef maqsura (ى -> ي), ta marbuta (ة -> ه);
- Persian/Urdu letter forms (ک -> ك, ی -> ي, ۀ/ہ -> ه) and letters for sounds Arabic lacks
  (پ -> ب, چ -> ج, ژ -> ج, گ -> ك; ڤ -> ف, ڨ -> ق), as Arabic news spells them;
- tashkeel, Quranic marks, tatweel: removed;
- zero-width and direction marks, BOM, soft hyphen: removed;
- presentation forms and other compatibility characters: NFKC (ﻷ -> لأ -> لا);
- Arabic-Indic and Persian digits -> ASCII digits; Latin letters lower-cased.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

# Removed, and attached to the letter before them (a span ending on that letter includes them).
_ATTACHED = (
    [(0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06DC), (0x06DF, 0x06E8),
     (0x06EA, 0x06ED), (0x0640, 0x0640), (0x08D3, 0x08FF)]
)
# Removed, standing on their own (format characters).
_SEPARATE = [(0x200B, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069), (0xFEFF, 0xFEFF),
             (0x061C, 0x061C), (0x00AD, 0x00AD), (0x2060, 0x2064)]

_LETTER_FOLDS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ێ": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه", "ھ": "ه",
    "ک": "ك", "ڪ": "ك",
    # Persian letters for sounds Arabic lacks, as Arabic news writes them (Iranian outlets keep
    # them: مسعود پزشکیان is مسعود بزشكيان, عراقچی is عراقجي): p, ch, zh, g; and the Maghrebi
    # and Gulf letters for v and g (ڤلاديمير، ڨابس).
    "پ": "ب", "چ": "ج", "ژ": "ج", "گ": "ك", "ڤ": "ف", "ڨ": "ق",
}
for _i in range(10):
    _LETTER_FOLDS[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _LETTER_FOLDS[chr(0x06F0 + _i)] = str(_i)  # Persian digits

KIND_KEEP, KIND_ATTACHED, KIND_SEPARATE, KIND_EXPAND = 0, 1, 2, 3
_MAX_CP = 0x110000


def _in_ranges(cp: int, ranges) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


def _fold_char(ch: str) -> str:
    """Fold one character that NFKC has already handled."""
    cp = ord(ch)
    if _in_ranges(cp, _ATTACHED) or _in_ranges(cp, _SEPARATE):
        return ""
    if ch in _LETTER_FOLDS:
        return _LETTER_FOLDS[ch]
    low = ch.lower()
    return low if len(low) == 1 else ch


def _build_tables():
    """Per-codepoint mapping for the BMP (everything outside it is kept as is)."""
    one_to_one: dict[int, str | None] = {}
    expansions: dict[int, str] = {}
    kinds = np.zeros(_MAX_CP, dtype=np.uint8)
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        if _in_ranges(cp, _ATTACHED):
            one_to_one[cp] = None
            kinds[cp] = KIND_ATTACHED
            continue
        if _in_ranges(cp, _SEPARATE):
            one_to_one[cp] = None
            kinds[cp] = KIND_SEPARATE
            continue
        nfkc = unicodedata.normalize("NFKC", ch)
        folded = "".join(_fold_char(c) for c in nfkc)
        if folded == ch:
            continue
        if len(folded) == 1:
            one_to_one[cp] = folded
        elif folded == "":
            one_to_one[cp] = None
            kinds[cp] = KIND_SEPARATE
        else:
            expansions[cp] = folded
            kinds[cp] = KIND_EXPAND
    return one_to_one, expansions, kinds


# The tables above, computed over the whole BMP, cost about a quarter of a second: they are kept
# precomputed in this file (regenerate with ``python -m dashboard.text.normalize``), valid for
# the Unicode version and the folding rules they were made with; otherwise they are built here.
TABLES_FILE = Path(__file__).with_name("normalize_tables.json")


def _rules_key() -> str:
    rules = json.dumps([_ATTACHED, _SEPARATE, sorted(_LETTER_FOLDS.items())], ensure_ascii=True)
    return hashlib.sha256(rules.encode()).hexdigest()


def _tables_document(one_to_one: dict[int, str | None], expansions: dict[int, str]) -> dict:
    return {"unidata_version": unicodedata.unidata_version, "rules": _rules_key(),
            "one_to_one": {str(cp): out for cp, out in sorted(one_to_one.items())},
            "expansions": {str(cp): out for cp, out in sorted(expansions.items())}}


def _load_tables():
    try:
        doc = json.loads(TABLES_FILE.read_text("utf-8"))
    except (OSError, ValueError):
        return _build_tables()
    if doc.get("unidata_version") != unicodedata.unidata_version or doc.get("rules") != _rules_key():
        return _build_tables()
    one_to_one = {int(cp): out for cp, out in doc["one_to_one"].items()}
    expansions = {int(cp): out for cp, out in doc["expansions"].items()}
    kinds = np.zeros(_MAX_CP, dtype=np.uint8)
    for cp, out in one_to_one.items():
        if out is None:
            kinds[cp] = KIND_ATTACHED if _in_ranges(cp, _ATTACHED) else KIND_SEPARATE
    kinds[list(expansions)] = KIND_EXPAND
    return one_to_one, expansions, kinds


def write_tables() -> None:
    """Recompute the tables and store them in TABLES_FILE."""
    one_to_one, expansions, _ = _build_tables()
    TABLES_FILE.write_text(json.dumps(_tables_document(one_to_one, expansions), ensure_ascii=False,
                                      separators=(",", ":")) + "\n", "utf-8")


_ONE_TO_ONE, _EXPANSIONS, _KINDS = _load_tables()
# Folding is per character, so the folded string alone is one translate with the expansions in
# the table (str.translate maps a character to a string of any length): what normalize() gives
# as its text, without the per-character scan for expansions fold() used to make.
_FOLD_TABLE = {**_ONE_TO_ONE, **_EXPANSIONS}


def _code_map(one_to_one: dict[int, str | None]) -> np.ndarray:
    """Code point -> the code point it folds to (itself where folding keeps it or removes it):
    normalize() folds an article with one array lookup where str.translate looks every character
    up in a dict, most of an article's normalisation time (4.4 MB, shared by forked workers)."""
    table = np.arange(_MAX_CP, dtype=np.uint32)
    for cp, out in one_to_one.items():
        if out is not None:
            table[cp] = ord(out)
    return table


_CODE_MAP = _code_map(_ONE_TO_ONE)


def _folded(codes: np.ndarray, kept: np.ndarray | None = None) -> str:
    """``original.translate(_ONE_TO_ONE)`` from the original's code points (``kept``: a mask of
    the characters it keeps; None when it keeps them all)."""
    mapped = _CODE_MAP[codes if kept is None else codes[kept]]
    return mapped.tobytes().decode("utf-32-le", "surrogatepass")


class Normalized:
    """A folded copy of ``original`` plus, for each folded character, where it came from."""

    __slots__ = ("original", "text", "_starts", "_ends")

    def __init__(self, original: str, text: str, starts: np.ndarray | None, ends: np.ndarray | None):
        self.original = original
        self.text = text
        self._starts = starts  # None means identity: same length, same positions
        self._ends = ends

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``text[start:end]`` to the span of ``original`` it was folded from.

        The end includes diacritics and tatweel written after the last letter, so a stored
        surface holds the name exactly as written.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside normalised text of length {len(self.text)}")
        if self._starts is None:
            return start, end
        if start == end:
            pos = int(self._starts[start]) if start < len(self.text) else len(self.original)
            return pos, pos
        return int(self._starts[start]), int(self._ends[end - 1])

    def to_original_many(self, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``to_original`` of many non-empty spans at once (an article's tokens)."""
        if self._starts is None:
            return starts, ends
        return self._starts[starts], self._ends[ends - 1]

    def from_original(self, starts: Sequence[int], ends: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """For original spans ``original[a:b]`` (``starts``, ``ends``), the spans ``text[s:e]``
        they fold to: ``fold(original[a:b]) == text[s:e]``, since folding is per character. The
        folded text of many spans (an article's sentences) without folding each again."""
        a = np.asarray(starts, dtype=np.int64)
        b = np.asarray(ends, dtype=np.int64)
        if self._starts is None:
            return a, b
        return np.searchsorted(self._starts, a, "left"), np.searchsorted(self._starts, b, "left")

    def original_index(self, pos: int) -> int:
        """Original position of normalised character ``pos``."""
        return pos if self._starts is None else int(self._starts[pos])

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Normalized({self.text[:40]!r}...)"


def _ends_after_attached(codes_kinds: np.ndarray, starts: np.ndarray, n: int) -> np.ndarray:
    """For each kept character, the end of its cluster: itself plus following attached marks."""
    anchors = np.flatnonzero(codes_kinds != KIND_ATTACHED)
    idx = np.searchsorted(anchors, starts, side="right")
    anchors = np.append(anchors, n)
    return anchors[idx]


def normalize(original: str) -> Normalized:
    """Fold ``original`` for matching, keeping the offset map (see module docstring)."""
    n = len(original)
    if n == 0:
        return Normalized(original, "", None, None)
    codes = np.frombuffer(original.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    kinds = _KINDS[codes]
    if not kinds.any():
        return Normalized(original, _folded(codes), None, None)
    if not (kinds == KIND_EXPAND).any():
        kept = kinds == KIND_KEEP
        starts = np.flatnonzero(kept)
        return Normalized(original, _folded(codes, kept), starts, _ends_after_attached(kinds, starts, n))
    # Slow path, rare: some characters expand (ligatures, presentation forms of two letters).
    pieces: list[str] = []
    starts_list: list[int] = []
    for i, ch in enumerate(original):
        kind = kinds[i]
        if kind == KIND_EXPAND:
            out = _EXPANSIONS[ord(ch)]
        elif kind == KIND_KEEP:
            out = _ONE_TO_ONE.get(ord(ch), ch)
        else:
            continue
        pieces.append(out)
        starts_list.extend([i] * len(out))
    starts = np.asarray(starts_list, dtype=np.int64)
    return Normalized(original, "".join(pieces), starts, _ends_after_attached(kinds, starts, n))


def fold(text: str) -> str:
    """The normalised string alone (catalogue aliases, stopwords, queries)."""
    return text.translate(_FOLD_TABLE) if text else text


@cache
def _marks_table() -> dict[int, None]:
    return {cp: None for lo, hi in (*_ATTACHED, *_SEPARATE) for cp in range(lo, hi + 1)}


def strip_marks(text: str) -> str:
    """``text`` without what normalize() removes (harakat, tatweel, Quranic marks, format
    characters), its letters unfolded: a word as written, hamza seats and ى kept (على, not علي)."""
    return text.translate(_marks_table())


def folded_characters() -> list[int]:
    """The code points ``fold`` changes (every other character folds to itself), ascending."""
    return sorted(cp for cp, out in _FOLD_TABLE.items() if out != chr(cp))


def squeeze_spaces(text: str) -> str:
    """Fold and collapse whitespace: the canonical key for a multi-word name or phrase."""
    return " ".join(fold(text).split())


@cache
def _variants_of() -> dict[str, str]:
    """For each folded character, a regex class of every original character that folds to it."""
    groups: dict[str, set[str]] = {}
    for cp, out in _ONE_TO_ONE.items():
        if out is not None:
            groups.setdefault(out, {out}).add(chr(cp))
    return {k: "[" + "".join(re.escape(c) for c in sorted(v)) + "]" for k, v in groups.items()}


# Characters folding removes (diacritics, tatweel, invisible marks), as a regex class: may stand
# between the letters of a word written in original text.
IGNORABLE_CLASS = "[" + "".join(
    f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in _ATTACHED + _SEPARATE
) + "]*"


def original_pattern(query: str) -> str:
    """A regex that finds ``query`` in *original* text whatever its spelling variants.

    Each letter matches any character that folds to it, with diacritics, tatweel and
    invisible marks allowed between letters. Used where we need exact original offsets
    without normalising the whole text (concordance highlighting).
    """
    variants = _variants_of()
    parts = []
    for ch in fold(query):
        if ch.isspace():
            parts.append(r"\s+")
            continue
        parts.append(variants.get(ch, re.escape(ch)))
    return IGNORABLE_CLASS.join(parts)


if __name__ == "__main__":
    write_tables()
    print(f"wrote {TABLES_FILE}")
