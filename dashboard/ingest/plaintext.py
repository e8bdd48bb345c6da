"""Single-article .txt files: plain (first non-empty line = title) or with a `key: value` header
block ended by a `---` line. The text is kept as decoded: HTML or <script> in it stays text."""

from __future__ import annotations

import re

from dashboard.ingest.metadata import new_article
from dashboard.ingest.records import RawArticle

_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z0-9_ \-]{0,39}):[ \t]*(.*)")
_SEPARATOR = "---"
_MAX_HEADER_LINES = 40
# A first line longer than this is a paragraph, not a title (seed 002 opens with 619 characters).
MAX_TITLE_CHARS = 300


def split_header(text: str) -> tuple[dict[str, str], str] | None:
    """(header fields, body) when ``text`` opens with a header block, else None."""
    lines = text.split("\n", _MAX_HEADER_LINES + 1)
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[:_MAX_HEADER_LINES + 1]):
        if line.strip() == _SEPARATOR:
            if not meta:
                return None
            return meta, "\n".join(lines[i + 1:]) if i + 1 < len(lines) else ""
        if not line.strip():
            continue
        match = _HEADER_LINE.fullmatch(line.strip())
        if match is None:
            return None
        meta.setdefault(match[1].strip(), match[2].strip())
    return None


def first_line_title(text: str) -> tuple[str | None, str | None]:
    """(title, warning): the first non-empty line, unless it is too long to be a title."""
    for line in text.split("\n"):
        if line.strip():
            line = line.strip()
            if len(line) > MAX_TITLE_CHARS:
                return None, (f"first line is {len(line)} characters long, a paragraph rather than "
                              f"a title: no title")
            return line, None
    return None, None


def read_txt_article(text: str, article_id: str, origin: str) -> RawArticle:
    header = split_header(text)
    meta, body = header if header is not None else ({}, text)
    title, warning = first_line_title(body)
    article = new_article(article_id, body, origin, meta, title=title)
    if warning and article.title is None:
        article.warnings.append(warning)
    return article
