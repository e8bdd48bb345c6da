"""iter_inputs: SOURCE files and folders -> RawArticle / Rejection, deterministic and streamed.

Never raises on bad input: every problem (a missing path, a binary file, a broken JSON line, a
truncated TREC document) becomes a Rejection whose detail names the file, and reading goes on.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dashboard.ingest.encoding import (
    HEAD_BYTES,
    UNDECODABLE,
    NotText,
    arabic_share,
    detect_encoding,
    open_text,
)
from dashboard.ingest.manifest import BadManifest, Manifest, is_manifest, load_manifest
from dashboard.ingest.metadata import apply_metadata
from dashboard.ingest.outlets import outlet_name
from dashboard.ingest.plaintext import read_txt_article
from dashboard.ingest.records import Notice, RawArticle, Rejection
from dashboard.ingest.tabular import iter_csv, iter_jsonl
from dashboard.ingest.trec import iter_trec, looks_like_trec
from dashboard.ingest.walk import Skipped, walk

# Limits on one article, so that a build's memory and time stay bounded whatever the input: the
# longest of ANT's 31,525 articles has 20k characters, and extracting a 1M-character article takes
# ~13 s and ~70 MB above a worker's base (5M characters took ~1 GB).
MAX_TXT_BYTES = 2 * 1024 * 1024        # a single-article file above this is refused
MAX_RECORD_CHARS = 1_000_000           # one article's text (any format) above this is refused
# One record as written (JSON escapes can double a text, tags and other columns add to it): longer
# is refused unread; within it, the text itself is held to MAX_RECORD_CHARS.
MAX_RAW_RECORD_CHARS = 2 * MAX_RECORD_CHARS + 65_536
TXT_SUFFIXES = (".txt", ".text", "")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
Item = RawArticle | Rejection | Notice


def iter_inputs(sources: Sequence[str | Path], outlets: Mapping[str, str] | None = None) -> Iterator[Item]:
    """Every article (and every refusal) under ``sources``, in a stable order. ``outlets``: display
    names of outlet spellings (``Catalogues.outlets``); without it, sources stay as written."""
    seen: dict[str, tuple[str, bytes]] = {}  # article_id -> (origin, text digest)
    outlets = outlets or {}
    for source in sources:
        for item in _iter_source(Path(source)):
            yield _deduplicate(_finish(item, outlets), seen) if isinstance(item, RawArticle) else item


def input_files(sources: Sequence[str | Path]) -> list[tuple[Path, str]]:
    """(path, origin) of every file ``iter_inputs`` reads, manifests included (those beside a
    single-file source too): what the build's one inputs fingerprint hashes."""
    return [pair for source in sources for pair in _walk(Path(source)) if not isinstance(pair, Skipped)]


# --- walking ---------------------------------------------------------------------------------

def _manifest_names(folder: Path) -> tuple[str, ...]:
    """The manifests in ``folder``. Cached by the folder's mtime (which changes when entries come
    or go): a build given thousands of single files from one folder must not list it each time."""
    try:
        return _manifest_listing(folder, folder.stat().st_mtime_ns)
    except OSError:
        return ()


@lru_cache(maxsize=64)
def _manifest_listing(folder: Path, _mtime_ns: int) -> tuple[str, ...]:
    with os.scandir(folder) as entries:
        # Not through links: a manifest is read only where it really is.
        return tuple(sorted(e.name for e in entries
                            if e.is_file(follow_symlinks=False) and is_manifest(Path(e.name))))


def _walk(source: Path) -> Iterator[tuple[Path, str] | Skipped]:
    """Files under ``source`` in a stable order (see dashboard.ingest.walk); a single file brings
    the manifests beside it."""
    if source.is_file() and not is_manifest(source):  # the manifests beside a single file apply to it
        label = source.parent.resolve().name
        for name in _manifest_names(source.parent):
            yield source.parent / name, f"{label}/{name}"
    yield from walk(source)


def _iter_source(source: Path) -> Iterator[Item]:
    if not source.exists():
        yield Rejection(str(source), None, "missing", f"input {source} does not exist")
        return
    if source.is_file():
        if is_manifest(source):
            yield Rejection(source.name, None, "not_an_article",
                            f"{source.name} is a manifest (metadata for the files beside it), not an article")
            return
        manifests: list[_Manifest] = []
        yield from _load_manifests(source.parent, source.parent.resolve().name, manifests)
        yield from _with_manifest(_read_file(source, source.name), manifests)
        return  # the other rows of those manifests are for files not asked for: no notice
    manifests_by_dir: dict[Path, list[_Manifest]] = {}
    loaded: list[_Manifest] = []
    for entry in _walk(source):
        if isinstance(entry, Skipped):
            yield Rejection(entry.origin, None, entry.reason, entry.detail)
            continue
        path, origin = entry
        folder = path.parent
        if folder not in manifests_by_dir:
            # The nearest read ancestor (a folder holding no files has no manifest either).
            inherited = next((manifests_by_dir[p] for p in folder.parents if p in manifests_by_dir), [])
            own: list[_Manifest] = []
            yield from _load_manifests(folder, origin.rsplit("/", 1)[0], own)
            loaded.extend(own)
            manifests_by_dir[folder] = inherited + own  # nearer manifests later: they win
        if is_manifest(path):
            continue
        yield from _with_manifest(_read_file(path, origin), manifests_by_dir[folder])
    for manifest in loaded:
        for article_id, row in manifest.data.rows.items():
            if article_id not in manifest.matched:
                yield Notice(f"{manifest.origin}#{row}", article_id,
                             f"manifest {manifest.origin} entry {row} is for article {article_id!r}, but "
                             f"no article with that id was read under its folder: not applied")


@dataclass
class _Manifest:
    origin: str
    data: Manifest
    matched: set[str] = field(default_factory=set)


def _load_manifests(folder: Path, label: str, into: list[_Manifest]) -> Iterator[Rejection]:
    """Append each manifest in ``folder`` to ``into``; a broken one, or a broken row, is a Rejection."""
    for name in _manifest_names(folder):
        m_origin = f"{label}/{name}"
        try:
            manifest = load_manifest(folder / name)
        except BadManifest as exc:
            yield Rejection(m_origin, None, "bad_manifest",
                            f"manifest {m_origin} is unreadable ({exc}); its metadata was not applied")
            continue
        into.append(_Manifest(m_origin, manifest))
        for row, reason, what in manifest.refused:
            yield Rejection(f"{m_origin}#{row}", None, reason, f"manifest {m_origin}: {what}")


def _with_manifest(items: Iterable[Item], manifests: list[_Manifest]) -> Iterator[Item]:
    for item in items:
        if isinstance(item, RawArticle):
            for manifest in manifests:
                entry = manifest.data.entries.get(item.article_id)
                if entry is not None:
                    manifest.matched.add(item.article_id)
                    row = manifest.data.rows[item.article_id]
                    apply_metadata(item, entry, f"manifest {manifest.origin} entry {row}")
        yield item


# --- one file --------------------------------------------------------------------------------

def _read_file(path: Path, origin: str) -> Iterator[Item]:
    """The records of one file; any failure becomes a Rejection naming it."""
    file_id = _single_article_id(path)
    try:
        yield from _read_file_unsafe(path, origin, file_id)
    except UnicodeDecodeError as exc:  # a single-article file: its records are decoded leniently
        yield Rejection(origin, file_id, "undecodable", f"{origin} cannot be decoded ({exc.reason})")
    except OSError as exc:
        yield Rejection(origin, file_id, "unreadable", f"{origin} cannot be read ({exc.strerror or exc})")
    except Exception as exc:  # noqa: BLE001 - a bad input must never stop the whole build
        yield Rejection(origin, file_id, "error", f"{origin} could not be read: {type(exc).__name__}: {exc}")


def _single_article_id(path: Path) -> str | None:
    """The id a refused single-article file would have had (None for multi-record formats)."""
    return path.stem if path.suffix.lower() in TXT_SUFFIXES else None


def _read_file_unsafe(path: Path, origin: str, file_id: str | None) -> Iterator[Item]:
    size = path.stat().st_size
    if size == 0:
        yield Rejection(origin, file_id, "empty", f"{origin} is empty (0 bytes)")
        return
    with path.open("rb") as f:
        head = f.read(HEAD_BYTES)
    complete = len(head) == size
    try:
        codec = detect_encoding(head, complete)
    except NotText as exc:
        yield Rejection(origin, file_id, exc.reason, f"{origin} is {exc.what}: not a readable article")
        return
    head_text = codecs.getincrementaldecoder(codec)(UNDECODABLE).decode(head, final=complete)
    suffix = path.suffix.lower()
    stem = path.stem
    if complete and not head_text.strip():
        yield Rejection(origin, file_id, "blank", f"{origin} holds only whitespace")
    elif looks_like_trec(head_text):
        with open_text(path, codec, UNDECODABLE) as stream:
            yield from iter_trec(stream, origin, stem, MAX_RAW_RECORD_CHARS)
    elif suffix in JSONL_SUFFIXES:
        with open_text(path, codec, UNDECODABLE) as stream:
            yield from iter_jsonl(stream, origin, stem, MAX_RAW_RECORD_CHARS)
    elif suffix == ".csv":
        with open_text(path, codec, UNDECODABLE) as stream:
            yield from iter_csv(stream, origin, stem, MAX_RAW_RECORD_CHARS)
    elif suffix in TXT_SUFFIXES:
        if size > MAX_TXT_BYTES:
            yield Rejection(origin, stem, "too_large",
                            f"{origin} is {size / 2**20:.1f} MB, over the {MAX_TXT_BYTES / 2**20:.0f} MB "
                            f"limit for a single article (split it, or use .jsonl/TREC for many)")
            return
        data = path.read_bytes()
        if not complete:  # decide on the whole file: an ASCII-only head proves nothing about the rest
            try:
                codec = detect_encoding(data, complete=True)
            except NotText as exc:
                yield Rejection(origin, file_id, exc.reason, f"{origin} is {exc.what}: not a readable article")
                return
        text = _decode_whole(data, codec, origin, file_id)
        if isinstance(text, Rejection):
            yield text
        elif not text.strip():
            yield Rejection(origin, stem, "blank", f"{origin} holds only whitespace")
        else:
            yield read_txt_article(text, stem, origin)
    else:
        yield Rejection(origin, None, "unsupported_format",
                        f"{origin} is a {suffix or 'extension-less'} file; only .txt, .jsonl, .csv and "
                        f"TREC-tagged (<DOC>) files are read")


def _decode_whole(data: bytes, codec: str, origin: str, file_id: str | None) -> str | Rejection:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        return Rejection(origin, file_id, "undecodable",
                         f"{origin} is not valid {codec} at byte {exc.start} ({exc.reason})")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- per article -----------------------------------------------------------------------------

# Nothing a reader can see: white space, and the invisible format characters copied text carries
# (zero-width spaces and joiners, direction marks and isolates, the BOM, the soft hyphen).
_VISIBLE = re.compile(r"[^\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
_TEXT_FIELDS = ("article_id", "text", "title", "source", "author", "url", "language")


def _invalid_unicode(article: RawArticle) -> Rejection | None:
    """A Rejection when any field holds a lone surrogate: an undecodable byte of a multi-record file
    (decoded with encoding.UNDECODABLE, which marks each bad byte so) or an escape such as "\\ud800" in JSON.
    No sink (Parquet, hashing, the browser) can take such a string."""
    fields = [(name, getattr(article, name)) for name in _TEXT_FIELDS]
    fields += [(f"metadata {k!r}", f"{k}{v}") for k, v in article.extra.items()]
    for name, value in fields:
        if not isinstance(value, str):
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            char = value[exc.start]
            shown = article.article_id.encode("utf-8", "backslashreplace").decode("utf-8")
            if "\udc00" <= char <= "\udcff":  # how UNDECODABLE marks a byte
                reason, what = "undecodable", f"a byte that is not valid text in its file (0x{ord(char) - 0xDC00:02x})"
            else:
                reason, what = "bad_unicode", f"a lone surrogate (U+{ord(char):04X}, not a character)"
            return Rejection(article.origin, shown, reason,
                             f"{article.origin} (id {shown}): its {name} holds {what} at character "
                             f"{exc.start}; the file's other records were kept")
    return None


def _finish(article: RawArticle, outlets: Mapping[str, str]) -> Item:
    if (bad := _invalid_unicode(article)) is not None:
        return bad
    if len(article.text) > MAX_RECORD_CHARS:
        return Rejection(article.origin, article.article_id, "too_large",
                         f"{article.origin}: article {article.article_id} has {len(article.text):,} "
                         f"characters, over the {MAX_RECORD_CHARS:,}-character limit for one article")
    if not _VISIBLE.search(article.text):
        return Rejection(article.origin, article.article_id, "blank",
                         f"{article.origin}: article {article.article_id} has no text"
                         + (" (only invisible characters)" if article.text.strip() else ""))
    article.source = outlet_name(article.source, outlets)
    if article.language is None and arabic_share(article.text) >= 0.5:
        article.language = "ar"
    return article


def _deduplicate(item: Item, seen: dict[str, tuple[str, bytes]]) -> Item:
    """Never a silent overwrite: the same id with the same text is a Rejection; with another text
    the article is kept as ID~2 (~3, ...) with a warning naming both origins."""
    if not isinstance(item, RawArticle):
        return item
    digest = hashlib.blake2b(item.text.encode("utf-8"), digest_size=16).digest()
    first = seen.get(item.article_id)
    if first is None:
        seen[item.article_id] = (item.origin, digest)
        return item
    if first[1] == digest:
        return Rejection(item.origin, item.article_id, "duplicate_id",
                         f"{item.origin}: article {item.article_id} repeats {first[0]} (same id, same text)")
    original_id = item.article_id
    k = 2
    while f"{original_id}~{k}" in seen:
        k += 1
    item.article_id = f"{original_id}~{k}"
    item.warnings.append(f"id {original_id} is also used by {first[0]} with a different text; "
                         f"this one ({item.origin}) was renamed {item.article_id}")
    seen[item.article_id] = (item.origin, digest)
    return item
