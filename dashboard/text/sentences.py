"""Sentence splitter (pyarabic's has a bug, see GUIDE.md). Spans are original offsets."""

from __future__ import annotations

import re

# A sentence ends at . ! ? ؟ … or a line break; a full stop between digits (9.2) does not end one.
_END_RE = re.compile(r"(?:(?<!\d)\.(?!\d)|[!?؟…]|\n)+[\"'”»)\]]*")


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _END_RE.finditer(text):
        _append_trimmed(text, pos, m.end(), spans)
        pos = m.end()
    _append_trimmed(text, pos, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if any(c.isalnum() for c in text[start:end]):
        spans.append((start, end))
