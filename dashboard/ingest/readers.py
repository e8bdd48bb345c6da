"""iter_inputs: SOURCE files and folders -> RawArticle / Rejection, deterministic and streamed.

Never raises on bad input: every problem (a missing path, a binary file, a broken JSON line, a
truncated TREC document) becomes a Rejection whose detail names the file, and reading goes on.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from dashboard.ingest.encoding import HEAD_BYTES, NotText, arabic_share, detect_encoding, open_text
from dashboard.ingest.manifest import BadManifest, is_manifest, load_manifest
from dashboard.ingest.metadata import apply_metadata
from dashboard.ingest.outlets import outlet_name
from dashboard.ingest.plaintext import read_txt_article
from dashboard.ingest.records import RawArticle, Rejection
from dashboard.ingest.tabular import iter_csv, iter_jsonl
from dashboard.ingest.trec import iter_trec, looks_like_trec
from dashboard.ingest.walk import Skipped, walk

MAX_TXT_BYTES = 5 * 1024 * 1024        # a single-article file above this is refused
MAX_RECORD_CHARS = 5 * 1024 * 1024     # one record of a multi-record file, likewise
TXT_SUFFIXES = (".txt", ".text", "")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
Item = RawArticle | Rejection


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
        manifests: list[tuple[str, dict]] = []
        yield from _load_manifests(source.parent, source.parent.resolve().name, manifests)
        yield from _with_manifest(_read_file(source, source.name), manifests)
        return
    manifests_by_dir: dict[Path, list[tuple[str, dict]]] = {}
    for entry in _walk(source):
        if isinstance(entry, Skipped):
            yield Rejection(entry.origin, None, entry.reason, entry.detail)
            continue
        path, origin = entry
        folder = path.parent
        if folder not in manifests_by_dir:
            # The nearest read ancestor (a folder holding no files has no manifest either).
            inherited = next((manifests_by_dir[p] for p in folder.parents if p in manifests_by_dir), [])
            own: list[tuple[str, dict]] = []
            yield from _load_manifests(folder, origin.rsplit("/", 1)[0], own)
            manifests_by_dir[folder] = inherited + own  # nearer manifests later: they win
        if is_manifest(path):
            continue
        yield from _with_manifest(_read_file(path, origin), manifests_by_dir[folder])


def _load_manifests(folder: Path, label: str, into: list[tuple[str, dict]]) -> Iterator[Rejection]:
    """Append (origin, entries) for each manifest in ``folder`` to ``into``; a broken one is a Rejection."""
    for name in _manifest_names(folder):
        m_origin = f"{label}/{name}"
        try:
            into.append((m_origin, load_manifest(folder / name)))
        except BadManifest as exc:
            yield Rejection(m_origin, None, "bad_manifest",
                            f"manifest {m_origin} is unreadable ({exc}); its metadata was not applied")


def _with_manifest(items: Iterable[Item], manifests: list[tuple[str, dict]]) -> Iterator[Item]:
    for item in items:
        if isinstance(item, RawArticle):
            for m_origin, entries in manifests:
                if item.article_id in entries:
                    apply_metadata(item, entries[item.article_id], f"manifest {m_origin}")
        yield item


# --- one file --------------------------------------------------------------------------------

def _read_file(path: Path, origin: str) -> Iterator[Item]:
    """The records of one file; any failure becomes a Rejection naming it."""
    file_id = _single_article_id(path)
    try:
        yield from _read_file_unsafe(path, origin, file_id)
    except UnicodeDecodeError as exc:
        yield Rejection(origin, file_id, "undecodable",
                        f"{origin} stops decoding part-way ({exc.reason}); the records before it were kept")
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
    head_text = codecs.getincrementaldecoder(codec)().decode(head, final=complete)
    suffix = path.suffix.lower()
    stem = path.stem
    if complete and not head_text.strip():
        yield Rejection(origin, file_id, "blank", f"{origin} holds only whitespace")
    elif looks_like_trec(head_text):
        with open_text(path, codec) as stream:
            yield from iter_trec(stream, origin, stem, MAX_RECORD_CHARS)
    elif suffix in JSONL_SUFFIXES:
        with open_text(path, codec) as stream:
            yield from iter_jsonl(stream, origin, stem, MAX_RECORD_CHARS)
    elif suffix == ".csv":
        with open_text(path, codec) as stream:
            yield from iter_csv(stream, origin, stem, MAX_RECORD_CHARS)
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

def _finish(article: RawArticle, outlets: Mapping[str, str]) -> Item:
    if not article.text.strip():
        return Rejection(article.origin, article.article_id, "blank",
                         f"{article.origin}: article {article.article_id} has no text")
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
