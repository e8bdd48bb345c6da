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
        except RecursionError:
            yield Rejection(where, None, "bad_json",
                            f"{origin} line {lineno} nests arrays or objects too deeply to be an article")
            continue
        if not isinstance(obj, dict):
            yield Rejection(where, None, "bad_json",
                            f"{origin} line {lineno} is a JSON {type(obj).__name__}, not an object")
            continue
        yield _guarded(where, f"{origin} line {lineno}", _json_record, obj, origin, lineno, stem)


def _json_record(obj: dict, origin: str, lineno: int, stem: str) -> RawArticle | Rejection:
    meta = {k: (v if isinstance(v, str) or v is None else json.dumps(v, ensure_ascii=False))
            for k, v in obj.items()}
    return _record(meta, origin, lineno, f"line {lineno}", stem)


def _guarded(where: str, what: str, make, *args) -> RawArticle | Rejection:
    """``make(*args)``: one record made into an article; any failure costs that record alone."""
    try:
        return make(*args)
    except RecursionError:
        return Rejection(where, None, "bad_record", f"{what} nests too deeply to be an article")
    except Exception as exc:  # noqa: BLE001 - one bad record must not cost the file's others
        return Rejection(where, None, "bad_record", f"{what} could not be read ({type(exc).__name__}: {exc})")


def iter_csv(stream: TextIO, origin: str, stem: str, max_chars: int
             ) -> Iterator[RawArticle | Rejection]:
    """Rows of a CSV file with a header. A quoted field may span lines; a quote left open is caught
    (see _csv_records) and costs its own row only, never the rows after it."""
    csv.field_size_limit(max_chars)
    records = _CsvRecords(stream, max_chars)
    rows = iter(records)
    header: list[str] | None = None
    for line, text, problem in rows:
        if problem is not None or text is None:
            yield Rejection(origin, None, "bad_csv_row", f"{origin}: the header row (line {line}) {problem}")
            return
        try:
            header = next(csv.reader([text]), None)
        except csv.Error as exc:
            yield Rejection(origin, None, "bad_csv_row", f"{origin}: the header row is unreadable ({exc})")
            return
        if header is not None and any(h.strip() for h in header):
            break
        header = None
    if header is None:
        yield Rejection(origin, None, "blank", f"{origin} has no rows")
        return
    header = [h.strip() for h in header]
    if "text" not in {field_of(h) for h in header}:
        yield Rejection(origin, None, "missing_text",
                        f"{origin} has no text column (its columns: {', '.join(header)})")
        return
    records.width = len(header)
    n = 0
    for line, text, problem in rows:
        if text is not None and not text.strip():
            continue
        n += 1
        where = f"{origin}#{n}"
        if problem is not None:
            yield Rejection(where, None, "bad_csv_row", f"{origin} line {line} {problem}")
            continue
        try:
            row = next(csv.reader([text]), [])
        except csv.Error as exc:
            yield Rejection(where, None, "bad_csv_row", f"{origin} line {line} is not a readable CSV row ({exc})")
            continue
        if not any(cell.strip() for cell in row):
            n -= 1
            continue
        if len(row) != len(header):
            yield Rejection(where, None, "bad_csv_row",
                            f"{origin} line {line} has {len(row)} fields, the header has {len(header)}")
            continue
        yield _guarded(where, f"{origin} line {line}", _record, dict(zip(header, row)), origin, n,
                       f"line {line}", stem)


class _CsvRecords:
    """(first line number, record text or None, problem or None) for each record of a CSV stream:
    physical lines joined while a quoted field is open (an odd number of '"' so far; an escaped ""
    counts two).

    A quote never closed would swallow every following row into one field. So once ``width`` (the
    header's) is known, a line that reads on its own as a complete row of that width, starting with
    an id-like cell (no spaces), ends an open record: the record is reported as unclosed and that
    line read afresh as the next row."""

    def __init__(self, stream: TextIO, max_chars: int):
        self.stream, self.max_chars = stream, max_chars
        self.width: int | None = None

    def __iter__(self) -> Iterator[tuple[int, str | None, str | None]]:
        too_big = f"is over the {self.max_chars:,}-character limit"
        pending: list[str] = []
        start = quotes = size = 0
        for lineno, line, too_long in _bounded_lines(self.stream, self.max_chars):
            if pending:
                if self.width is not None and _starts_a_row(line, self.width):
                    yield start, None, (f"opens a quoted field that is never closed (the next row starts "
                                        f"on line {lineno}); the rows after it were kept")
                    pending = []
                else:
                    pending.append(line)
                    quotes += line.count('"')
                    size += len(line)
                    if too_long or size > self.max_chars:
                        yield start, None, too_big
                        pending = []
                    elif quotes % 2 == 0:
                        yield start, "".join(pending), None
                        pending = []
                    continue
            if too_long:
                yield lineno, None, too_big
                continue
            quotes = line.count('"')
            if quotes % 2 == 0:
                yield lineno, line, None
            else:
                pending, start, size = [line], lineno, len(line)
        if pending:
            yield start, None, "opens a quoted field that is never closed"


def _starts_a_row(line: str, width: int) -> bool:
    if line.count('"') % 2:
        return False
    try:
        cells = next(csv.reader([line]), [])
    except csv.Error:
        return False
    first = cells[0].strip() if cells else ""
    return len(cells) == width and 0 < len(first) <= 100 and not any(c.isspace() for c in first)


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
