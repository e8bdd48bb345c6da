"""Tokens of normalised text: words (Arabic or Latin, hyphenated names such as spief-2022 kept whole)
and numbers (decimals such as 9.2 kept whole, so nothing downstream mistakes them for dates)."""

from __future__ import annotations

import re

TOKEN_RE = re.compile(r"\d+(?:[.,٫]\d+)+|[^\W_]+(?:[-'’][^\W_]+)*")


def tokenize(norm_text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the tokens in normalised text."""
    return [m.span() for m in TOKEN_RE.finditer(norm_text)]
