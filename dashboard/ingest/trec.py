"""TREC/CLEF-style tagged files (<DOC><DOCNO>…<TEXT>…</TEXT></DOC>, one or many per file), as in
the ANT corpus. Streamed: at most one document (plus a read chunk) is held in memory."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TextIO

from dashboard.ingest.metadata import new_article
from dashboard.ingest.records import RawArticle, Rejection

OPEN, CLOSE = "<DOC>", "</DOC>"
_TAG = re.compile(r"<([A-Za-z_][A-Za-z0-9_]*)>(.*?)</\1>", re.S)
_DOCNO = re.compile(r"<DOCNO>\s*(.*?)\s*</DOCNO>", re.S | re.I)
_TEXT_OPEN, _TEXT_CLOSE = re.compile("<TEXT>", re.I), re.compile("</TEXT>", re.I)
_PIECE = 1 << 16  # characters: the longest line piece held at once
# Tags are read in any case: <doc>, <Doc> and <DOC> are the same tag to every TREC tool.
_MARKER = re.compile("(</?DOC>)", re.I)


def looks_like_trec(head_text: str) -> bool:
    return head_text.lstrip("\ufeff \t\r\n")[:len(OPEN)].upper() == OPEN


def iter_trec(stream: TextIO, origin: str, stem: str, max_doc_chars: int
              ) -> Iterator[RawArticle | Rejection]:
    """Every document of ``stream``; a document without </DOC> or <TEXT> is a 'truncated'
    Rejection and the others are still read. Read line by line, so a decoding error part-way
    loses at most the document it falls in."""
    parts: list[str] | None = None  # the open document's pieces; None outside a document
    size, n, skipping = 0, 0, False
    for piece in _pieces(stream):
        for token in _MARKER.split(piece):
            marker = token.upper() if len(token) <= len(CLOSE) else ""
            if marker == OPEN:
                if parts is not None:
                    n += 1
                    yield _truncated("".join(parts), origin, n, "has no </DOC> before the next <DOC>")
                elif skipping:
                    skipping = False
                parts, size = [], 0
            elif marker == CLOSE:
                if parts is not None:
                    n += 1
                    yield _guarded_document("".join(parts), origin, n, stem)
                parts, skipping = None, False
            elif parts is not None and token:
                parts.append(token)
                size += len(token)
                if size > max_doc_chars:
                    n += 1
                    yield _truncated("".join(parts)[:2000], origin, n,
                                     f"is over {max_doc_chars:,} characters without </DOC>")
                    parts, skipping = None, True
    if parts is not None:
        n += 1
        yield _truncated("".join(parts), origin, n, "ends without </DOC>")


def _pieces(stream: TextIO) -> Iterator[str]:
    """Lines of ``stream`` (very long lines in bounded pieces), never splitting a <DOC> marker."""
    carry = ""
    while piece := stream.readline(_PIECE):
        piece = carry + piece
        carry = ""
        if not piece.endswith("\n"):
            cut = piece.rfind("<", len(piece) - len(CLOSE) + 1)
            if cut >= 0:
                piece, carry = piece[:cut], piece[cut:]
        if piece:
            yield piece
    if carry:
        yield carry


def _guarded_document(body: str, origin: str, n: int, stem: str) -> RawArticle | Rejection:
    """One document made into an article; any failure costs that document alone."""
    try:
        return _document(body, origin, n, stem)
    except Exception as exc:  # noqa: BLE001 - one bad document must not cost the file's others
        return Rejection(f"{origin}#{n}", None, "bad_record",
                         f"{origin}: document {n} could not be read ({type(exc).__name__}: {exc})")


def _document(body: str, origin: str, n: int, stem: str) -> RawArticle | Rejection:
    opening = _TEXT_OPEN.search(body)
    closings = list(_TEXT_CLOSE.finditer(body))
    closing = closings[-1] if closings else None
    if opening is None or closing is None or closing.start() < opening.end():
        return _truncated(body, origin, n, "has no <TEXT>…</TEXT>")
    start, end = opening.start(), closing.start()
    text = body[opening.end():end].strip()
    tags = {k.lower(): v.strip() for k, v in _TAG.findall(body[:start] + body[closing.end():])}
    docno = tags.pop("docno", "")
    meta: dict[str, str] = {}
    for key, value in sorted(tags.items()):
        meta["category" if key == "cat" else key] = value
    article = new_article(docno or f"{stem}-{n}", text, f"{origin}#{n}", meta)
    if not docno:
        article.warnings.append(f"document {n} of {origin} has no DOCNO; named it {article.article_id}")
    return article


def _truncated(body: str, origin: str, n: int, what: str) -> Rejection:
    m = _DOCNO.search(body)
    docno = m[1] if m else None
    name = f"DOCNO {docno}" if docno else "no DOCNO"
    return Rejection(f"{origin}#{n}", docno, "truncated",
                     f"{origin}: document {n} ({name}) {what}; the file's other documents were kept")
