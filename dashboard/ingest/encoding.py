"""Byte-level checks: what a file is (by its first bytes, not its name) and how its text is encoded.

Detection is decided, not guessed: a BOM; UTF-16 without BOM only when the byte pattern leaves no
doubt; strict UTF-8; Windows-1256 only when the decoded text really reads as Arabic (every byte
decodes in cp1256, so "it decoded" proves nothing: Latin-1 or random bytes are refused).
"""

from __future__ import annotations

import codecs
import io
import re
from pathlib import Path
from typing import TextIO

HEAD_BYTES = 64 * 1024

# Known non-text formats by their magic bytes: (prefix, what it is).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office (.doc/.xls) document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"\x1f\x8b", "a gzip archive"), (b"BZh", "a bzip2 archive"), (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\x7fELF", "an executable"), (b"MZ", "a Windows executable"),
    (b"PAR1", "a Parquet file"), (b"SQLite format 3\x00", "an SQLite database"),
    (b"%!PS", "a PostScript document"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # C0 controls other than \t \n \v \f \r
_ARABIC = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefe"
_ARABIC_CHAR = re.compile(f"[{_ARABIC}]")
_LETTER = re.compile(r"[^\W\d_]")  # any letter
_OTHER_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\ufb50-\ufdff\ufe70-\ufefc]")
# Runs of the same classes: counting letters run by run makes one match object per word, not
# one per letter (2.5x faster on ANT heads).
_OTHER_RUN = re.compile(_OTHER_LETTER.pattern + "+")
_ARABIC_RUN = re.compile(_ARABIC_LETTER.pattern + "+")


class NotText(Exception):
    """The bytes are not text this tool can read; ``reason`` is a Rejection code."""

    def __init__(self, reason: str, what: str):
        super().__init__(what)
        self.reason = reason
        self.what = what


def known_binary(head: bytes) -> str | None:
    """What the file is when its first bytes name a non-text format, else None."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        if b"word/" in head:
            return "a Word (.docx) document"
        if b"xl/" in head:
            return "an Excel (.xlsx) workbook"
        if b"opendocument" in head:
            return "an OpenDocument file"
        return "a ZIP archive"
    for prefix, what in _MAGIC:
        if head.startswith(prefix):
            return what
    return None


def detect_encoding(head: bytes, complete: bool) -> str:
    """The codec for a file starting with ``head`` (``complete``: head is the whole file).
    Raises NotText('unsupported_format' | 'binary' | 'undecodable', what)."""
    if (what := known_binary(head)) is not None:
        raise NotText("unsupported_format", what)
    for bom, codec in _BOMS:
        if head.startswith(bom):
            _check_decodes(head, codec, complete, f"{codec.upper()} (it starts with a {codec} BOM)")
            return codec
    if (codec := _utf16_without_bom(head)) is not None:
        return codec
    if b"\x00" in head:
        raise NotText("binary", "binary data (NUL bytes, and not UTF-16 text)")
    try:
        text = _decode(head, "utf-8", complete)
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    else:
        _check_controls(text)
        return "utf-8"
    if _mostly_utf8(head):  # a few bad bytes in UTF-8 text: a damaged record, not another encoding
        return "utf-8"
    text = head.decode("cp1256")
    if _reads_as_arabic(text):
        _check_controls(text)
        return "cp1256"
    raise NotText("undecodable", f"neither UTF-8 (invalid byte at offset {utf8_error}), UTF-16 nor "
                                 f"Arabic Windows-1256 text (it does not read as Arabic)")


def _mark_undecodable(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(chr(0xDC00 + b) for b in exc.object[exc.start:exc.end]), exc.end


# Decoding error handler for multi-record files: each undecodable byte b becomes the lone surrogate
# U+DC00+b (as surrogateescape does, but for every codec and byte), so that decoding never stops
# part-way and the one record holding it is refused by name (readers._invalid_unicode).
UNDECODABLE = "kz-mark-undecodable"
codecs.register_error(UNDECODABLE, _mark_undecodable)


def open_text(path: Path, codec: str, errors: str = "strict") -> TextIO:
    """``path`` as a text stream in ``codec``: CRLF/CR read as LF, BOM consumed; ``errors`` as
    for ``open`` (strict by default, UNDECODABLE to mark bad bytes)."""
    return io.TextIOWrapper(open(path, "rb"), encoding=codec, errors=errors, newline=None)


def _decode(data: bytes, codec: str, complete: bool) -> str:
    # A head cut mid-character is fine: only the complete part must decode.
    return codecs.getincrementaldecoder(codec)(errors="strict").decode(data, final=complete)


def _mostly_utf8(head: bytes) -> bool:
    """UTF-8 but for a few bad bytes (at most 1 in 100 characters, or 8), in text that has
    multi-byte UTF-8 characters to show for it (Windows-1256 Arabic fails nearly every byte)."""
    text = head.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    multibyte = len(head) - len(text)  # bytes beyond the first of each character decoded
    return 0 < bad <= max(8, len(text) // 100) and multibyte > 4 * bad


def _check_decodes(head: bytes, codec: str, complete: bool, label: str) -> None:
    try:
        _check_controls(_decode(head, codec, complete))
    except UnicodeDecodeError as exc:
        raise NotText("undecodable", f"invalid {label} at byte {exc.start}") from None


def _check_controls(text: str) -> None:
    bad = len(_CONTROLS.findall(text))
    if bad and bad > len(text) / 100:
        raise NotText("binary", f"binary data ({bad} control characters in the first {len(text)})")


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without BOM is certain when one byte of every pair is almost always the high byte of
    ASCII (0x00) or Arabic (0x06) and the other byte is not, and the whole decodes cleanly."""
    n = len(head) // 2 * 2
    if n < 8:
        return None
    for codec, hi, lo in (("utf-16-le", head[1:n:2], head[0:n:2]), ("utf-16-be", head[0:n:2], head[1:n:2])):
        if b"\x00" not in hi:
            continue
        hi_share = (hi.count(0) + hi.count(6)) / len(hi)
        lo_share = (lo.count(0) + lo.count(6)) / len(lo)
        if hi_share >= 0.9 and lo_share < 0.5:
            try:
                _check_controls(_decode(head[:n], codec, complete=False))
            except (UnicodeDecodeError, NotText):
                return None
            return codec
    return None


def _reads_as_arabic(text: str) -> bool:
    """cp1256 is right when the non-ASCII characters are overwhelmingly Arabic letters: Latin-1
    text decoded as cp1256 gives a mix of accented letters and stray Arabic instead."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if not non_ascii:
        return False
    arabic = len(_ARABIC_CHAR.findall(text))
    letters = len(_LETTER.findall(text))
    return arabic / non_ascii >= 0.8 and arabic >= 0.3 * letters


def arabic_share(text: str, sample: int = 2000) -> float:
    """Share of Arabic letters among the Arabic, Latin, Greek and Cyrillic letters of the start of
    ``text`` (a generic letter class is four times slower and other scripts do not occur here)."""
    head = text[:sample]
    arabic = sum(map(len, _ARABIC_RUN.findall(head)))
    letters = arabic + sum(map(len, _OTHER_RUN.findall(head)))
    return arabic / letters if letters else 0.0
