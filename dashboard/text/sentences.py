"""Sentence splitter for Arabic news text (pyarabic's has a bug, see GUIDE.md). Spans are original offsets.

A sentence ends at . ! ? ؟ … ۔ (with the closing quotes and brackets that follow) or at a line
break, so headings and captions without final punctuation are sentences of their own. A full stop
does not end a sentence inside a number (9.2, 27.10.2022), inside a Latin token (aljazeera.net,
U.S), after a one-letter abbreviation followed by more text (د. أحمد, U.S. officials), or inside
a chain of spelled initials, its dots glued or spaced (إف. بي. آي, سويوز إم . اس 15); an ellipsis
does not inside brackets ``(...)`` or when glued to the next word (النهضة...الذي). Pieces without
a single letter ("488)." left over from a misplaced full stop, a list number "1.") are not
sentences: they join the sentence before them on the same line, or else the one after them (at
the very end: the one before).
"""

from __future__ import annotations

import re

from dashboard.text.normalize import fold

# A run of terminators plus the closers glued to it. A straight quote counts as a closer only when
# no letter follows it: in ``ملحوظ."ميثاق`` it opens the next sentence. Runs chain (؟".).
_BOUNDARY_RE = re.compile(r"(?:[.!?؟…۔]+(?:[”»)\]’}]|[\"'](?![^\W_]))*)+|\n")
_LETTER_RE = re.compile(r"[^\W\d_]")
# A word of two to five letters ending at a full stop that ends the text searched, glued to it or
# one space before it ("إف. بي"، "سويوز إم . اس 15"): tried at each full stop only (a scan of every
# position for this lookbehind costs more than the rest of the split)
_SHORT_WORD_DOT_RE = re.compile(r"(?<![^\W_])([^\W\d_]{2,5})[ \t\u00a0]?\.\Z")
_SHORT_WORD_MAX = 6  # five letters and a space
_WORD_RE = re.compile(r"[^\W\d_]+")
_LATIN_OR_DIGIT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                            "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")  # the text is not normalised yet


def split_sentences(text: str, letter_names: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Sorted, non-overlapping, whitespace-trimmed ``(start, end)`` spans of ``text``.

    ``letter_names``: Latin letters as Arabic spells them, folded (إف, بي, آي ...: the catalogue's
    ``latin_letter_names_ar.txt``, ``Catalogues.latin_letter_names``); a full stop inside a chain
    of them does not end a sentence. Without them, such chains are split like any text."""
    pieces: list[tuple[int, int]] = []
    pos = 0
    in_initials = _dots_in_spelled_initials(text, letter_names) if letter_names else frozenset()
    for m in _BOUNDARY_RE.finditer(text):
        if m.group() != "\n" and (m.start() in in_initials
                                   or not _ends_sentence(text, m.start(), m.end())):
            continue
        _append_trimmed(text, pos, m.end(), pieces)
        pos = m.end()
    _append_trimmed(text, pos, len(text), pieces)
    return _attach_letterless(text, pieces)


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """Whether the terminator run ``text[start:end]`` really closes a sentence."""
    run = text[start:end].rstrip("”»)]’}\"'")
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if run == ".":
        # 9.2, 27.10.2022, aljazeera.net, U.S: glued on both sides to Latin letters or digits.
        if before in _LATIN_OR_DIGIT and after in _LATIN_OR_DIGIT:
            return False
        if _is_initial(text, start) and _text_follows_on_line(text, end):
            return False
    elif run in ("..", "...", "…") and (before in "([" or after.isalpha()):
        return False  # "(...)" marks an elision; "النهضة...الذي" runs on without a space
    return True


def _dots_in_spelled_initials(text: str, names: frozenset[str]) -> frozenset[int]:
    """Full stops inside chains of spelled initials: ``إف. بي. آي``, ``إتش. أر. ماكماستر``.

    A dot after a letter name is protected when another letter name follows it, or when the
    name itself follows ``X.`` and more text follows on the line (the last initial before a name).
    """
    name_dots = {}
    dot = text.find(".")
    while dot >= 0:
        m = _SHORT_WORD_DOT_RE.search(text, max(0, dot - _SHORT_WORD_MAX), dot + 1)
        if m is not None and fold(m.group(1)) in names:
            name_dots[dot] = m.start(1)
        dot = text.find(".", dot + 1)
    protected = set()
    for dot, word_start in name_dots.items():
        nxt = _WORD_RE.match(text, dot + 1 + (text[dot + 1:dot + 2] in " \t"))
        if nxt and fold(nxt.group()) in names:
            protected.add(dot)
            continue
        before = word_start - 1 - (text[word_start - 1:word_start] in " \t")
        if before in name_dots and _text_follows_on_line(text, dot + 1):
            protected.add(dot)
    return frozenset(protected)


def _is_initial(text: str, dot: int) -> bool:
    """The full stop at ``dot`` follows a one-letter word (د. or U.), not a year suffix (1991 م.)."""
    if dot == 0 or not text[dot - 1].isalpha():
        return False
    # The letter must stand alone: after a space, a bracket or another initial (U.S.), not after
    # a letter or a diacritic (قريبًا. ends a sentence).
    if dot >= 2 and not (text[dot - 2].isspace() or text[dot - 2] in "([.\"'«“"):
        return False
    # "1991 م." ends a sentence: the letter abbreviates a calendar after a year.
    head = text[max(0, dot - 8):dot - 1].rstrip()
    return not (head and head[-1].isdigit())


def _text_follows_on_line(text: str, pos: int) -> bool:
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return pos < len(text) and text[pos].isalnum()


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end and any(c.isalnum() for c in text[start:end]):
        spans.append((start, end))


def _attach_letterless(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pending: int | None = None  # start of letterless pieces waiting for the next sentence
    for start, end in pieces:
        if _LETTER_RE.search(text, start, end):
            out.append((start if pending is None else pending, end))
            pending = None
        elif out and pending is None and "\n" not in text[out[-1][1]:start]:
            out[-1] = (out[-1][0], end)
        elif pending is None:
            pending = start
    if pending is not None:  # trailing letterless text: keep it rather than lose it
        if out and out[-1][1] <= pending:
            out[-1] = (out[-1][0], pieces[-1][1])
        else:
            out.append((pending, pieces[-1][1]))
    return out
