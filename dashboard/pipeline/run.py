"""Orchestration of a build: read inputs, reuse what is unchanged, process the rest on every core,
run the corpus-level steps, write the dataset atomically.

``build()`` is the one entry point, used by the CLI (``python -m dashboard.build``) and by the
app when its dataset is missing or stale.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import itertools
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pandas as pd
import pyarrow as pa

from dashboard import schema
from dashboard.catalogues import CatalogueError, Catalogues, catalogue_fingerprint, load_catalogues
from dashboard.extract.discovered_events import discovered_events_table
from dashboard.extract.discovery import aggregate_candidates
from dashboard.extract.entities import entities_table, known_alias_keys
from dashboard.extract.events import events_table
from dashboard.extract.provisional import one_id_per_spelling, provisional_entities
from dashboard.extract.themes import themes_table
from dashboard.ingest.readers import iter_inputs
from dashboard.ingest.records import Notice, RawArticle, Rejection
from dashboard.paths import CATALOGUE_DIR
from dashboard.pipeline import fingerprint
from dashboard.pipeline.article import ArticleInput, Extractors, frame_of, init_worker, process_batch
from dashboard.pipeline.cache import PreviousBuild
from dashboard.pipeline.corpus import mark_boilerplate, mark_duplicates
from dashboard.pipeline.guard import die_with_parent
from dashboard.pipeline.inputs import input_hashes
from dashboard.pipeline.report import BuildError, BuildSummary
from dashboard.pipeline.tables import (
    CACHE_TABLES,
    CORPUS_LEVEL_COLUMNS,
    PER_ARTICLE_TABLES,
    PRESORT_SKIP,
    SORT_KEYS,
    columns_of,
)
from dashboard.pipeline.writer import DatasetWriter, dataset_problem
from dashboard.text import word_frequencies
from dashboard.text.terms import resolve_terms

Progress = Callable[[int, int, str], None]
T = TypeVar("T")

BATCH_SIZE = 64
# Below this many articles to process, a process pool costs more than it saves.
INLINE_LIMIT = 150

def _sorted(name: str, df: pd.DataFrame) -> pd.DataFrame:
    keys = [k for k in SORT_KEYS.get(name, []) if k in df.columns]
    return df.sort_values(keys, kind="stable").reset_index(drop=True) if keys and len(df) else df


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """Cache tables get explicit types, so an empty one still has string/integer columns in Parquet."""
    ints = {"count", "sentence_id", "dateline_end"}
    binary = {"minhash"}
    return df.astype({c: ("Int64" if c in ints else "string") for c in df.columns if c not in binary})


try:  # glibc only (musl and other platforms lack it: skipped)
    _MALLOC_TRIM = getattr(ctypes.CDLL("libc.so.6"), "malloc_trim", None) if sys.platform.startswith("linux") else None
except OSError:
    _MALLOC_TRIM = None


def _release_memory() -> None:
    """Hand freed memory back to the OS between the big corpus-level steps: Arrow's pool (and
    glibc's heap) keep freed blocks for reuse, so the process's peak would be the sum of every
    step's temporaries rather than the largest one."""
    pa.default_memory_pool().release_unused()
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


def _article_input(raw: RawArticle) -> ArticleInput:
    return ArticleInput(raw.article_id, raw.text, raw.published, raw.published_precision, raw.origin, raw.source)


def _pool(workers: int, catalogues: Catalogues) -> ProcessPoolExecutor:
    # fork is fast and shares the normaliser tables, but is unsafe from a threaded process
    # (Streamlit runs scripts in threads): there, spawn.
    if threading.current_thread() is threading.main_thread():
        # A forked worker inherits the parent's memory: the extractors (compiled date grammars and
        # phrase regexes, name variants, word tables; ~0.7 CPU-s) are built once, here, not once
        # per worker. Fork hands initargs over without pickling them.
        method, setup = "fork", Extractors(catalogues)
        word_frequencies.preload(tokenizer=True)  # a pool's worth of articles meets such a word
    else:  # spawn pickles initargs: each worker builds its own from the catalogues
        method, setup = "spawn", catalogues
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context(method),
        initializer=_init_worker, initargs=(setup, os.getpid()),
    )


@contextlib.contextmanager
def _frozen_gc() -> Iterator[None]:
    """What exists before extraction (catalogues, extractors, the caller's own objects) is left out
    of the cyclic collector's walks while it runs, and given back after: extraction makes many
    short-lived rows, and each full collection would walk the long-lived tables again. A worker
    forked meanwhile inherits the frozen state (init_worker freezes its own for good)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _init_worker(setup: Catalogues | Extractors, parent: int) -> None:
    die_with_parent(parent)
    init_worker(setup)


class _Rows:
    """Every batch's rows, table by table, as the workers sent them (Arrow tables)."""

    def __init__(self):
        self.parts: dict[str, list[pa.Table]] = {name: [] for name in (*PER_ARTICLE_TABLES, "article_stats")}

    def add(self, batch: dict[str, pa.Table]) -> int:
        for name, table in batch.items():
            self.parts[name].append(table)
        return batch["article_stats"].num_rows

    def pop_frame(self, name: str) -> pd.DataFrame:
        """The table as one frame, sorted by its SORT_KEYS unless PRESORT_SKIP says otherwise;
        its batches are released."""
        keys = [] if name in PRESORT_SKIP else [k for k in SORT_KEYS.get(name, []) if k in columns_of(name)]
        return frame_of(name, self.parts.pop(name), keys)


@dataclass
class _Inputs:
    """What reading the sources found, filled while the batches are being extracted."""

    previous: PreviousBuild | None
    on_rejection: Callable[[Rejection], None] | None
    raws: list[RawArticle] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    reuse_ids: list[str] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    n_todo: int = 0

    def batches(self, items: Iterable[RawArticle | Rejection | Notice]) -> Iterator[list[ArticleInput]]:
        """The articles to process, a batch at a time, as soon as they are read: the workers
        extract while the main process is still reading."""
        batch: list[ArticleInput] = []
        for item in items:
            if isinstance(item, Rejection):
                self.rejected.append(item)
                if self.on_rejection:
                    self.on_rejection(item)
                continue
            if isinstance(item, Notice):
                self.notices.append(item)
                continue
            self.raws.append(item)
            key = fingerprint.article_key(item.article_id, item.text, item.published, item.published_precision, item.source)
            self.keys[item.article_id] = key
            if self.previous is not None and self.previous.article_keys.get(item.article_id) == key:
                self.reuse_ids.append(item.article_id)
                continue
            batch.append(_article_input(item))
            self.n_todo += 1
            if len(batch) == BATCH_SIZE:
                yield batch
                batch = []
        if batch:
            yield batch


def _run_batches(inputs: _Inputs, batches: Iterator[list[ArticleInput]], workers: int, catalogues: Catalogues,
                 progress: Progress | None, side_job: Callable[[], T]) -> tuple[_Rows, T]:
    """Extract every batch; run ``side_job`` (hashing the inputs) in the pool beside them, so it
    costs the main process nothing."""
    rows = _Rows()
    done = 0

    def collect(batch: dict[str, pa.Table]) -> None:
        nonlocal done
        done += rows.add(batch)
        if progress:
            progress(done, inputs.n_todo, "extracting")

    # Read ahead just far enough to know whether a pool pays off.
    head: list[list[ArticleInput]] = []
    for batch in batches:
        head.append(batch)
        if inputs.n_todo > INLINE_LIMIT:
            break
    if workers <= 1 or inputs.n_todo <= INLINE_LIMIT:
        extractors = Extractors(catalogues) if head else None
        with _frozen_gc():
            for batch in itertools.chain(head, batches):
                collect(process_batch(batch, extractors))
        return rows, side_job()
    with _pool(workers, catalogues) as pool, _frozen_gc():
        side = pool.submit(side_job)
        pending: list[Future] = []
        for batch in itertools.chain(head, batches):
            pending.append(pool.submit(process_batch, batch))
            # Bounded look-ahead keeps memory flat on large corpora.
            while len(pending) > workers * 3:
                collect(pending.pop(0).result())
        for fut in pending:
            collect(fut.result())
        return rows, side.result()


def _concat(name: str, parts: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [p for p in parts if p is not None and len(p)]
    if not parts:
        return pd.DataFrame(columns=columns_of(name))
    return pd.concat(parts, ignore_index=True)


def _articles_table(raws: list[RawArticle], stats: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for raw in raws:
        row = {
            "article_id": raw.article_id, "title": raw.title, "source": raw.source or "unknown",
            "author": raw.author, "published": raw.published,
            "published_precision": raw.published_precision or "unknown", "url": raw.url,
            "language": raw.language, "origin": raw.origin, "text": raw.text,
        }
        for key, value in sorted(raw.extra.items()):
            if key not in row and key not in schema.TABLES["articles"]:
                row[key] = value
        rows.append(row)
    df = pd.DataFrame(rows)
    df = df.merge(stats, on="article_id", how="left", validate="one_to_one")
    df["duplicate_of"] = df["duplicate_kind"] = None  # filled by the corpus-level step
    return _sorted("articles", schema.conform("articles", df))


def build(
    sources: Sequence[str | Path],
    out_dir: Path,
    catalogues: Catalogues | Path | str = CATALOGUE_DIR,
    progress: Progress | None = None,
    workers: int | None = None,
    force: bool = False,
    on_rejection: Callable[[Rejection], None] | None = None,
    only_if_stale: bool = False,
    on_wait: Callable[[], None] | None = None,
) -> BuildSummary | None:
    """Build ``sources`` into the dataset folder ``out_dir`` (replaced only when complete and
    valid). One build at a time per folder, across processes and threads: a second one waits
    (``on_wait`` is called when it has to). ``only_if_stale``: after the wait, return None without
    building when the dataset is now fresh (another build just made it).

    ``catalogues``: the loaded catalogue object, or the folder to load it from (read once, here;
    every stage gets its part of this one object)."""
    writer = DatasetWriter(out_dir)
    writer.lock(on_wait)
    try:
        if only_if_stale and not force and not is_stale(out_dir, [Path(s) for s in sources], catalogues):
            return None
        return _build_locked(sources, Path(out_dir), writer, catalogues, progress, workers, force,
                             on_rejection)
    finally:
        writer.unlock()


def _build_locked(sources: Sequence[str | Path], out_dir: Path, writer: DatasetWriter,
                  catalogues: Catalogues | Path | str, progress: Progress | None, workers: int | None,
                  force: bool, on_rejection: Callable[[Rejection], None] | None) -> BuildSummary:
    started = time.perf_counter()
    workers = workers or min(2, os.cpu_count() or 1)
    if not isinstance(catalogues, Catalogues):
        try:
            catalogues = load_catalogues(catalogues)
        except CatalogueError as exc:
            raise BuildError(f"{exc}. Nothing was built; the dataset in {out_dir} was left as it was.") from None
    code_fp = fingerprint.code_fingerprint()
    cat_fp = catalogues.fingerprint
    writer.check_target()
    previous = None if force else PreviousBuild.load(out_dir, code_fp, cat_fp)
    if previous is not None and dataset_problem(out_dir) is not None:
        previous = None  # never lend rows from a damaged dataset

    # File content hashes stay valid across code or catalogue changes: reuse them whatever happened.
    stat_cache = (PreviousBuild.load_state(out_dir) or {}).get("files")
    hash_inputs = functools.partial(input_hashes, [Path(s) for s in sources], stat_cache)
    if progress:
        progress(0, 0, "reading inputs")
    inputs = _Inputs(previous, on_rejection)
    batches = inputs.batches(iter_inputs([Path(s) for s in sources], catalogues.outlets))
    rows, hashes = _run_batches(inputs, batches, workers, catalogues, progress, hash_inputs)
    word_frequencies.unload()  # loaded here with the extractors; no corpus-level step reads them
    raws, rejected, reuse_ids, todo = inputs.raws, inputs.rejected, inputs.reuse_ids, inputs.n_todo
    if not raws:
        reasons = "; ".join(f"{r.origin}: {r.reason}" for r in rejected[:5]) or "nothing was found there"
        raise BuildError(
            f"No article could be read from {', '.join(map(str, sources))} ({reasons}). "
            f"The previous dataset in {out_dir} was left as it was."
        )
    if progress:
        progress(todo, todo, "aggregating")

    tables: dict[str, pd.DataFrame] = {}
    reused = previous.tables_for(reuse_ids) if previous is not None and reuse_ids else {}
    # Tables that come sorted from the workers' batches need no second sort (most of them, on a
    # first build); rows reused from the previous build are merged in and sorted again.
    presorted: set[str] = set()
    for name in (*PER_ARTICLE_TABLES, "article_stats"):
        fresh = rows.pop_frame(name)
        if name not in PRESORT_SKIP and (reused.get(name) is None or not len(reused[name])):
            presorted.add(name)
        tables[name] = _concat(name, [reused.pop(name, None), fresh])
        del fresh
        _release_memory()
    warnings = [
        {"origin": raw.origin, "article_id": raw.article_id, "message": msg}
        for raw in raws for msg in raw.warnings
    ] + [{"origin": n.origin, "article_id": n.article_id, "message": n.message} for n in inputs.notices]
    tables["warnings"] = _concat("warnings", [pd.DataFrame(warnings), tables["process_warnings"]])

    for name, later in CORPUS_LEVEL_COLUMNS.items():  # rows reused from the previous dataset have them
        tables[name] = tables[name].drop(columns=[c for c in later if c in tables[name].columns])
    for name in ("sentences", "sentence_keys", "entity_mentions", "sentence_themes"):
        if name not in presorted:
            tables[name] = _sorted(name, tables[name])
            presorted.add(name)
    # a provisional person spelt two ways (in one article or two) is one id: from every article's rows
    tables["entity_mentions"] = one_id_per_spelling(tables["entity_mentions"])

    # Corpus-level steps. Each reads only per-article rows (fresh or reused) and the catalogues, so
    # an incremental build gives the same dataset as a fresh one.
    articles = _articles_table(raws, tables.pop("article_stats"))
    articles, duplicates = mark_duplicates(articles, tables["article_fingerprints"])
    marked = mark_boilerplate(articles, tables, catalogues)
    tables.update(marked.tables)
    presorted.discard("article_themes")  # recomputed per article, in rank order
    _release_memory()

    terms, vocabulary = resolve_terms(marked.form_counts, catalogues.stopwords, known_alias_keys(catalogues.entities),
                                      counts=marked.counts)
    marked.form_counts = marked.counts = None
    _release_memory()
    # Each cache table is sorted (if needed) and typed now, and its unsorted frame released: tables
    # are replaced one at a time so that two copies of every table never coexist (peak memory).
    candidate_rows = tables["candidate_rows"].to_dict("records")
    cache = {}
    for name in CACHE_TABLES:
        df = tables.pop(name) if name != "process_warnings" else tables[name]
        cache[name] = _typed(df if name in presorted else _sorted(name, df))
        del df
    dataset = {
        "articles": articles,
        "terms": terms,
        "vocabulary": vocabulary,
        # the catalogue's entities, then the provisional persons found in the (sorted) mentions
        "entities": pd.concat([entities_table(catalogues.entities),
                               provisional_entities(tables["entity_mentions"])], ignore_index=True),
        # the catalogue's events, then the events discovered in the (sorted) links (new:...)
        "events": pd.concat([events_table(catalogues.events), discovered_events_table(
            tables["event_mentions"], catalogues.discovered_events,
            {e.id: (e.name_ar, e.name_en) for e in catalogues.entities.entities.values()})], ignore_index=True),
        "themes": themes_table(catalogues.themes),
        "candidates": aggregate_candidates(candidate_rows),
        "boilerplate": marked.table,
        "rejected": pd.DataFrame(
            [{"origin": r.origin, "article_id": r.article_id, "reason": r.reason, "detail": r.detail}
             for r in rejected],
            columns=list(schema.TABLES["rejected"]),
        ),
    }
    del terms, vocabulary, articles
    for name in ("sentences", "entity_mentions", "date_mentions", "event_mentions", "sentence_themes",
                 "article_themes", "warnings"):
        dataset[name] = tables.pop(name)
    for name in list(dataset):
        df = schema.conform(name, dataset.pop(name))
        dataset[name] = df if name in presorted else _sorted(name, df)
        del df
        _release_memory()

    if progress:
        progress(todo, todo, "writing")
    version = writer.write(dataset, cache, code_fp, cat_fp, inputs.keys, [Path(s) for s in sources],
                           stat_cache, hashes)
    return BuildSummary(
        out_dir=out_dir, articles=len(raws), processed=todo, reused=len(reuse_ids),
        rejected=rejected, warnings=len(dataset["warnings"]),
        seconds=time.perf_counter() - started, version=version,
        exact_duplicates=duplicates.get("exact", 0), near_duplicates=duplicates.get("near", 0),
        boilerplate=marked.summary, self_references=marked.self_references,
    )


def is_stale(out_dir: Path, sources: Sequence[Path], catalogues: Catalogues | Path | str = CATALOGUE_DIR) -> bool:
    """True when ``out_dir`` holds no valid dataset (see writer.dataset_problem), or one built from
    other inputs, catalogues (their files' bytes and the versions of the libraries whose data they
    extend; ``catalogues``: the folder or the loaded object) or code."""
    out_dir = Path(out_dir)
    info = DatasetWriter.read_info(out_dir)
    if info is None:
        return True
    if info.get("code_fingerprint") != fingerprint.code_fingerprint():
        return True
    cat_fp = catalogues.fingerprint if isinstance(catalogues, Catalogues) else catalogue_fingerprint(catalogues)
    if info.get("catalogue_fingerprint") != cat_fp:
        return True
    state = PreviousBuild.load_state(out_dir) or {}
    if info.get("inputs_fingerprint") != input_hashes([Path(s) for s in sources], state.get("files"))[0]:
        return True
    # Last, as the dearest check: a dataset whose files are missing or not its version is stale.
    return dataset_problem(out_dir) is not None
