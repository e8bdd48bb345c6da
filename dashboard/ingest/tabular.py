"""Multi-record tables: JSON Lines (one object per line) and CSV (header row). Streamed row by
row; a broken row is a Rejection naming file:line and the other rows are kept."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import TextIO

from dashboard.ingest.metadata import field_of, new_article
from dashboard.ingest.records import RawArticle, Rejection


def iter_jsonl(stream: TextIO, origin: str, stem: str, max_chars: int
               ) -> Iterator[RawArticle | Rejection]:
    for lineno, line, too_long in _bounded_lines(stream, max_chars):
        where = f"{origin}#{lineno}"
        if too_long:
            yield Rejection(where, None, "too_large",
                            f"{origin} line {lineno} is over the {max_chars:,}-character limit")
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, None, "bad_json",
                            f"{origin} line {lineno} is not valid JSON "
                                   f"({exc.msg.removesuffix(' at')}, column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield Rejection(where, None, "bad_json",
                            f"{origin} line {lineno} is a JSON {type(obj).__name__}, not an object")
            continue
        meta = {k: (v if isinstance(v, str) or v is None else json.dumps(v, ensure_ascii=False))
                for k, v in obj.items()}
        yield _record(meta, origin, lineno, f"line {lineno}", stem)


def iter_csv(stream: TextIO, origin: str, stem: str, max_chars: int
             ) -> Iterator[RawArticle | Rejection]:
    csv.field_size_limit(max_chars)
    reader = csv.reader(stream)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield Rejection(origin, None, "bad_csv_row", f"{origin}: the header row is unreadable ({exc})")
        return
    if header is None:
        yield Rejection(origin, None, "blank", f"{origin} has no rows")
        return
    header = [h.strip() for h in header]
    if "text" not in {field_of(h) for h in header}:
        yield Rejection(origin, None, "missing_text",
                        f"{origin} has no text column (its columns: {', '.join(header)})")
        return
    n = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            n += 1
            yield Rejection(f"{origin}#{n}", None, "bad_csv_row",
                            f"{origin} line {reader.line_num} is not a readable CSV row ({exc})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        n += 1
        if len(row) != len(header):
            yield Rejection(f"{origin}#{n}", None, "bad_csv_row",
                            f"{origin} line {reader.line_num} has {len(row)} fields, the header has "
                            f"{len(header)}")
            continue
        yield _record(dict(zip(header, row)), origin, n, f"line {reader.line_num}", stem)


def _record(meta: dict, origin: str, n: int, where: str, stem: str) -> RawArticle | Rejection:
    text = next((v for k, v in meta.items() if field_of(k) == "text" and v is not None), None)
    ids = [v for k, v in meta.items() if field_of(k) == "article_id" and v not in (None, "")]
    article_id = str(ids[0]).strip() if ids else None
    if text is None:
        return Rejection(f"{origin}#{n}", article_id, "missing_text", f"{origin} {where} has no text")
    if not text.strip():
        return Rejection(f"{origin}#{n}", article_id, "blank", f"{origin} {where} has an empty text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    article = new_article(article_id or f"{stem}-{n}", text, f"{origin}#{n}", meta)
    if article_id is None:
        article.warnings.append(f"{origin} {where} has no id; named it {article.article_id}")
    return article


def _bounded_lines(stream: TextIO, limit: int) -> Iterator[tuple[int, str, bool]]:
    """(line number, line, too_long) without ever holding more than ``limit`` characters of a line."""
    lineno = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not line.endswith("\n"):
            while (more := stream.readline(limit)) and not more.endswith("\n"):
                pass
            yield lineno, "", True
        else:
            yield lineno, line, False
