"""What the ingest layer hands to the build: one RawArticle per article, one Rejection per refusal."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawArticle:
    article_id: str
    text: str                    # decoded body, CRLF/CR -> LF, BOM stripped; otherwise exactly as in the file
    title: str | None
    source: str | None           # outlet
    author: str | None
    published: str | None        # ISO date 'YYYY-MM-DD' (first day of the period when less precise) or None
    published_precision: str     # 'day' | 'month' | 'year' | 'unknown'
    url: str | None
    language: str | None         # language of the text ('ar' when mostly Arabic and nothing says otherwise)
    origin: str                  # path relative to the source root (+ '#N' for the N-th record of a multi-record file)
    extra: dict[str, str] = field(default_factory=dict)   # any other metadata (manifest/header/csv columns)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Rejection:
    origin: str
    article_id: str | None
    reason: str                  # short code: empty, blank, binary, unsupported_format, too_large, undecodable, ...
    detail: str                  # one sentence naming the file (and line/record) and what was wrong


@dataclass
class Notice:
    """Something worth a row in the warnings table that belongs to no article read (e.g. a
    manifest row naming an article that is not there)."""

    origin: str
    article_id: str | None
    message: str
