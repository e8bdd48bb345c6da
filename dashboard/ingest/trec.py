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
_DOCNO = re.compile(r"<DOCNO>\s*(.*?)\s*</DOCNO>", re.S)
_CHUNK = 1 << 18  # characters per read: small, so a chunk plus one document is all we hold


def looks_like_trec(head_text: str) -> bool:
    return head_text.lstrip("\ufeff \t\r\n").startswith(OPEN)


def iter_trec(stream: TextIO, origin: str, stem: str, max_doc_chars: int
              ) -> Iterator[RawArticle | Rejection]:
    """Every document of ``stream``; a document without </DOC> or <TEXT> is a 'truncated'
    Rejection and the others are still read."""
    buf, n = "", 0
    at_eof = False
    while not at_eof:
        chunk = stream.read(_CHUNK)
        at_eof = not chunk
        buf += chunk
        pos = 0
        while True:
            start = buf.find(OPEN, pos)
            if start < 0:
                pos = max(pos, len(buf) - len(OPEN))  # keep a tag cut by the chunk boundary
                break
            end = buf.find(CLOSE, start)
            nxt = buf.find(OPEN, start + len(OPEN))
            if nxt >= 0 and (end < 0 or nxt < end):  # a new <DOC> before this one closed
                n += 1
                yield _truncated(buf[start:nxt], origin, n, "has no </DOC> before the next <DOC>")
                pos = nxt
                continue
            if end < 0:
                if at_eof:
                    n += 1
                    yield _truncated(buf[start:], origin, n, "ends without </DOC>")
                    pos = len(buf)
                elif len(buf) - start > max_doc_chars:
                    n += 1
                    yield _truncated(buf[start:start + 2000], origin, n,
                                     f"is over {max_doc_chars:,} characters without </DOC>")
                    buf, pos = _skip_to_next(buf, start, stream), 0
                    continue
                else:
                    pos = start
                break
            n += 1
            yield _document(buf[start + len(OPEN):end], origin, n, stem)
            pos = end + len(CLOSE)
        buf = buf[pos:]


def _skip_to_next(buf: str, start: int, stream: TextIO) -> str:
    """Drop an oversized open document: read on until the next <DOC> (or the end)."""
    rest = buf[start + len(OPEN):]
    while True:
        i = rest.find(OPEN)
        if i >= 0:
            return rest[i:]
        tail = rest[-len(OPEN):]
        chunk = stream.read(_CHUNK)
        if not chunk:
            return ""
        rest = tail + chunk


def _document(body: str, origin: str, n: int, stem: str) -> RawArticle | Rejection:
    start, end = body.find("<TEXT>"), body.rfind("</TEXT>")
    if start < 0 or end < start:
        return _truncated(body, origin, n, "has no <TEXT>…</TEXT>")
    text = body[start + len("<TEXT>"):end].strip()
    tags = {k.lower(): v.strip() for k, v in _TAG.findall(body[:start] + body[end:])}
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
