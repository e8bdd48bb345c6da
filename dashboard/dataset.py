"""Load a built dataset once and precompute the integer lookups every aggregation works on.

The app reads a dataset through ``load_dataset`` only. Tables are kept as the contract defines
them (dashboard/schema.py); next to them, ``Dataset.ix`` holds integer codes (article, sentence,
entity, term, source) as numpy arrays, so a filter change is a few boolean masks and bincounts
instead of string joins over millions of rows.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dashboard.schema import TABLES, conform

BUILD_INFO = "build_info.json"


class DatasetError(Exception):
    """The folder is not a readable dataset; the message names the folder and what is wrong."""


def dataset_version(path: str | Path) -> str | None:
    """The dataset's version from build_info.json alone (cheap: the app's cache key); None if absent."""
    info = Path(path) / BUILD_INFO
    try:
        version = json.loads(info.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError, AttributeError):
        return None
    return None if version is None else str(version)


class KeyIndex(Mapping):
    """Read-only mapping key -> term codes over sorted arrays (a dict of 120k small arrays took
    a tenth of a second to build at every load)."""

    def __init__(self, keys: np.ndarray, bounds: np.ndarray, codes: np.ndarray):
        self._keys = keys  # sorted distinct keys (object array)
        self._bounds = bounds  # codes of keys[i] are codes[bounds[i]:bounds[i + 1]]
        self._codes = codes

    def _find(self, key: object) -> int:
        if not isinstance(key, str) or not len(self._keys):
            return -1
        i = int(np.searchsorted(self._keys, key))
        return i if i < len(self._keys) and self._keys[i] == key else -1

    def __getitem__(self, key: str) -> np.ndarray:
        i = self._find(key)
        if i < 0:
            raise KeyError(key)
        return self._codes[self._bounds[i]:self._bounds[i + 1]]

    def __contains__(self, key: object) -> bool:
        return self._find(key) >= 0

    def prefixed(self, prefix: str) -> np.ndarray:
        """Codes of every key starting with ``prefix`` (a search's word*): one sorted range."""
        if not prefix or not len(self._keys):
            return np.zeros(0, dtype=self._codes.dtype)
        lo = int(np.searchsorted(self._keys, prefix, side="left"))
        hi = int(np.searchsorted(self._keys, prefix + "\U0010ffff", side="left"))
        return self._codes[self._bounds[lo]:self._bounds[hi]] if hi > lo else self._codes[:0]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys.tolist())

    def __len__(self) -> int:
        return len(self._keys)


@dataclass(frozen=True, eq=False)
class Lookups:
    """Integer views of the tables (all arrays aligned with the rows of their table)."""

    article_ids: np.ndarray          # sorted article ids; an article's code is its position here
    sources: tuple[str, ...]         # sorted source names; a source's code is its position
    article_source: np.ndarray       # int32 source code per article
    article_published: np.ndarray    # datetime64[D] per article (NaT when unknown)
    article_words: np.ndarray        # int64 n_tokens per article
    article_sentences: np.ndarray    # int64 n_sentences per article
    article_is_copy: np.ndarray      # bool per article: a copy of an earlier story (duplicate_of set)
    article_precision: np.ndarray    # int8 per article: PRECISIONS index (day, month, year, unknown)
    article_published_end: np.ndarray  # datetime64[D]: last day of the period the date stands for
    sentence_article: np.ndarray     # int32 article code per sentences row
    sentence_ptr: np.ndarray         # sentences of article a are rows sentence_ptr[a]:sentence_ptr[a+1]
    entity_ids: np.ndarray           # sorted entity ids; an entity's code is its position
    mention_article: np.ndarray      # entity_mentions -> article code
    mention_sentence: np.ndarray     # entity_mentions -> sentences row (-1 if unknown)
    mention_entity: np.ndarray       # entity_mentions -> entity code (-1 if not in the catalogue)
    mention_is_adjective: np.ndarray  # bool
    term_list: np.ndarray            # display terms; a term's code is its position
    term_article: np.ndarray         # terms -> article code
    term_code: np.ndarray            # terms -> term code
    term_count: np.ndarray           # terms -> count (int32)
    key_terms: KeyIndex            # folded clitic-free key -> term codes
    event_ids: np.ndarray            # sorted event ids; an event's code is its position
    event_mention_article: np.ndarray
    event_mention_sentence: np.ndarray
    event_mention_event: np.ndarray


@dataclass(frozen=True, eq=False)
class Dataset:
    path: Path
    version: str
    articles: pd.DataFrame
    sentences: pd.DataFrame
    vocabulary: pd.DataFrame
    entities: pd.DataFrame
    entity_mentions: pd.DataFrame
    date_mentions: pd.DataFrame
    events: pd.DataFrame
    event_mentions: pd.DataFrame
    themes: pd.DataFrame
    sentence_themes: pd.DataFrame
    article_themes: pd.DataFrame
    candidates: pd.DataFrame
    rejected: pd.DataFrame
    warnings: pd.DataFrame
    boilerplate: pd.DataFrame        # what the build marked per outlet (text/boilerplate.py)
    ix: Lookups
    _memo: dict = field(default_factory=dict, repr=False)
    _lock: Any = field(default_factory=threading.Lock, repr=False)

    def memo(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """Compute once per dataset object (derived structures several panels share)."""
        try:
            return self._memo[key]
        except KeyError:
            pass
        value = compute()
        with self._lock:
            return self._memo.setdefault(key, value)

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    @property
    def terms(self) -> pd.DataFrame:
        """The terms table as the contract types it, read on first use: the app works on
        ``ix.term_*`` and never needs it (4 M rows on ANT: a second to turn into pandas)."""
        return self.memo(("table", "terms"), lambda: _read_table(self.path, "terms"))

    def text_column(self, column: str = "text") -> pa.Array:
        """``articles.<column>`` (text or text_normalized) aligned with ``articles`` rows, read once
        on first use: only the reader, concordances and event sentences need texts."""
        def compute() -> pa.Array:
            pending = self._memo.pop(("text_prefetch", column), None)
            try:
                table = pending.result() if pending is not None else None
            except Exception:  # the prefetch failed (file replaced?): read it here, raising here
                table = None
            if table is None:
                table = _read_text(self.path, column)
            rows = _codes(table.column("article_id"), self.ix.article_ids)
            first = np.full(len(self.ix.article_ids), -1, dtype=np.int64)
            ok = np.flatnonzero(rows >= 0)[::-1]  # reversed: the first row of an id wins
            first[rows[ok]] = ok
            values = table.column(column)
            if len(first) == len(values) and (first == np.arange(len(first))).all():
                # The file is already in article order (as built): no 90 MB copy on ANT.
                taken = values
            else:
                taken = values.take(pa.array(first, mask=first < 0))
            return taken.combine_chunks() if taken.num_chunks else pa.array([], pa.string())
        return self.memo(("text_column", column), compute)

    def article_text(self, code: int) -> str:
        """One article's original text ('' when absent), by article code."""
        value = self.text_column("text")[int(code)].as_py()
        return value if isinstance(value, str) else ""


def _codes(values: pd.Series | pa.Array | pa.ChunkedArray, universe: np.ndarray) -> np.ndarray:
    """Positions of ``values`` in the sorted ``universe`` (-1 where absent), as int32.
    Arrow's hash lookup: millions of rows in tens of milliseconds, no Python strings made."""
    if len(universe) == 0 or len(values) == 0:
        return np.full(len(values), -1, dtype=np.int32)
    if isinstance(values, pa.ChunkedArray):
        if pa.types.is_dictionary(values.type) and values.num_chunks > 1:
            # One shared dictionary, looked up once (not once per row group).
            chunks = pa.chunked_array(values.chunks).unify_dictionaries().chunks
            per_value = _codes(chunks[0].dictionary, universe)
            idx = np.concatenate([c.indices.fill_null(-1).to_numpy(zero_copy_only=False) for c in chunks])
            return np.where(idx >= 0, per_value[np.maximum(idx, 0)], -1).astype(np.int32)
        return np.concatenate([_codes(c, universe) for c in values.chunks]).astype(np.int32)
    if isinstance(values, pa.DictionaryArray):  # look up each distinct value once
        per_value = _codes(values.dictionary, universe)
        idx = values.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        return np.where(idx >= 0, per_value[np.maximum(idx, 0)], -1).astype(np.int32)
    if isinstance(getattr(values, "dtype", None), pd.CategoricalDtype):  # the categories only
        per_category = _codes(pd.Series(values.cat.categories, dtype="string"), universe)
        cat = values.cat.codes.to_numpy()
        return np.where(cat >= 0, per_category[np.maximum(cat, 0)], -1).astype(np.int32)
    arr = values if isinstance(values, pa.Array) else pa.array(values, from_pandas=True)
    if not pa.types.is_string(arr.type) and not pa.types.is_large_string(arr.type):
        arr = arr.cast(pa.string())
    value_set = pa.array(universe.tolist(), type=arr.type)
    found = pc.index_in(arr, value_set=value_set).fill_null(-1)
    return found.to_numpy(zero_copy_only=False).astype(np.int32)


def _distinct(column: pd.Series | pa.ChunkedArray) -> list[str]:
    if isinstance(column, pa.ChunkedArray):  # dictionary-encoded: the values of its dictionaries
        if pa.types.is_dictionary(column.type):
            column = pa.chunked_array([c.dictionary for c in column.chunks], column.type.value_type)
        return pc.unique(column).drop_null().to_pylist()
    if isinstance(column.dtype, pd.CategoricalDtype):  # its dictionary (a superset is harmless)
        column = pd.Series(column.cat.categories)
    return pc.unique(pa.array(column, from_pandas=True)).drop_null().to_pylist()


def _unique_sorted(*columns: pd.Series | pa.ChunkedArray) -> np.ndarray:
    """Sorted (code point order: Arrow sorts UTF-8 bytes, which orders the same) distinct non-null
    strings of the columns, as an object array. In Arrow: Python's set and sort took 0.4 s on
    ANT's 120k terms."""
    parts = [pa.array(_distinct(c), type=pa.string()) for c in columns if len(c)]
    if not parts:
        return np.array([], dtype=object)
    values = pc.unique(pa.chunked_array(parts, type=pa.string())).drop_null()
    return np.array(values.take(pc.sort_indices(values)).to_pylist(), dtype=object)


def _sentence_rows(art: np.ndarray, sid: pd.Series, sentence_key: np.ndarray) -> np.ndarray:
    """Row in the (article, sentence_id)-sorted sentences table for each (art, sentence_id)."""
    if len(art) == 0:
        return np.zeros(0, dtype=np.int64)
    key = art.astype(np.int64) * (1 << 32) + sid.fillna(-1).to_numpy(dtype=np.int64)
    if len(sentence_key) == 0:
        return np.full(len(key), -1, dtype=np.int64)
    pos = np.minimum(np.searchsorted(sentence_key, key), len(sentence_key) - 1)
    return np.where((sentence_key[pos] == key) & (art >= 0), pos, -1).astype(np.int64)


# Repetitive id columns of the big tables are kept dictionary-encoded (pandas categoricals with
# the same values): on ANT the terms table's article_id alone took 133 MB as plain strings.
DICTIONARY_COLUMNS = {
    "terms": ["article_id", "term"],
    "entity_mentions": ["article_id", "entity_id", "form", "alias", "match"],
    "sentence_themes": ["article_id", "theme_id"],
}


# Columns not loaded at start: article texts (2 x 47 M characters on ANT) are read on first use
# by Dataset.text_column.
LAZY_COLUMNS = {"articles": ("text", "text_normalized")}


def _read_arrow(folder: Path, name: str) -> pa.Table:
    """The table's columns minus the lazy ones, dictionary-encoded where listed; checked against
    the contract (a lazy column must still exist in the file)."""
    file = folder / f"{name}.parquet"
    if not file.exists():
        raise DatasetError(f"dataset {folder} has no table {name!r} ({file.name} is missing)")
    encoded = DICTIONARY_COLUMNS.get(name, [])
    lazy = LAZY_COLUMNS.get(name, ())
    try:
        names = pq.read_schema(file).names
        table = pq.read_table(file, columns=[c for c in names if c not in lazy],
                              read_dictionary=encoded or None)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise DatasetError(f"dataset {folder}: cannot read {file.name}: {exc}") from exc
    missing = [c for c in TABLES[name] if c not in names]
    if missing:
        raise DatasetError(f"dataset {folder}: table {name!r} lacks column(s) {', '.join(missing)}")
    return table


def _read_table(folder: Path, name: str) -> pd.DataFrame:
    table = _read_arrow(folder, name)
    encoded = DICTIONARY_COLUMNS.get(name, [])
    df = table.to_pandas(types_mapper={pa.string(): pd.StringDtype(), pa.large_string(): pd.StringDtype()}.get)
    spec = {c: dtype for c, dtype in TABLES[name].items() if c not in LAZY_COLUMNS.get(name, ())}
    if not encoded and len(spec) == len(TABLES[name]):
        return conform(name, df)
    out = {c: (df[c].astype("category") if c in encoded else df[c].astype(spec[c])) for c in spec}
    return pd.DataFrame(out | {c: df[c] for c in df.columns if c not in spec}).reset_index(drop=True)


# What a publication date stands for: a day, or the month or year that starts on it.
PRECISIONS = ("day", "month", "year", "unknown")


def _period_end(start: np.ndarray, precision: np.ndarray) -> np.ndarray:
    """The last day of each article's publication period (NaT where the date is unknown)."""
    end = start.copy()
    month = precision == PRECISIONS.index("month")
    year = precision == PRECISIONS.index("year")
    end[month] = (start[month].astype("datetime64[M]") + 1).astype("datetime64[D]") - 1
    end[year] = (start[year].astype("datetime64[Y]") + 1).astype("datetime64[D]") - 1
    return end


def date_labels(start: np.ndarray, precision: np.ndarray) -> np.ndarray:
    """Dates written at their precision: "2022-01-06", "2022-07", "2023", "" when unknown."""
    out = np.full(len(start), "", dtype=object)
    for i, unit in enumerate(("D", "M", "Y")):  # PRECISIONS order
        pick = (precision == i) & ~np.isnat(start)
        out[pick] = np.datetime_as_string(start[pick], unit=unit).astype(object)
    return out


def _build_lookups(t: dict[str, pd.DataFrame], terms: pa.Table) -> Lookups:
    """``terms`` stays in Arrow: its dictionary-encoded chunks are coded value by value, without
    the pandas table (4 M rows on ANT) ever being built."""
    arts = t["articles"]
    article_ids = arts["article_id"].to_numpy(dtype=object)
    sources = tuple(sorted(arts["source"].fillna("").unique().tolist()))
    art_source = _codes(arts["source"].fillna(""), np.array(sources, dtype=object))
    published = pd.to_datetime(arts["published"], errors="coerce", format="ISO8601")
    published = published.to_numpy(dtype="datetime64[D]")
    precision = np.array([PRECISIONS.index(p) if p in PRECISIONS else PRECISIONS.index("day")
                          for p in arts["published_precision"].fillna("day").tolist()], dtype=np.int8)
    precision[np.isnat(published)] = PRECISIONS.index("unknown")

    sents = t["sentences"]
    s_art = _codes(sents["article_id"], article_ids)
    s_key = s_art.astype(np.int64) * (1 << 32) + sents["sentence_id"].fillna(-1).to_numpy(np.int64)
    sentence_ptr = np.searchsorted(s_art, np.arange(len(article_ids) + 1)).astype(np.int64)

    entity_ids = t["entities"]["entity_id"].to_numpy(dtype=object)
    em = t["entity_mentions"]
    em_art = _codes(em["article_id"], article_ids)

    vocab = t["vocabulary"]
    term_list = _unique_sorted(vocab["term"], terms.column("term"))
    term_code = _codes(terms.column("term"), term_list)
    vocab_codes = _codes(vocab["term"], term_list)
    keys = vocab["term_key"].fillna("").to_numpy(dtype=object)
    ok = (vocab_codes >= 0) & (keys != "")
    keys, vocab_codes = keys[ok], vocab_codes[ok]
    order = np.lexsort((vocab_codes, keys.astype(str)))
    keys, vocab_codes = keys[order], vocab_codes[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else np.zeros(0, int)
    key_terms = KeyIndex(keys[starts], np.r_[starts, len(keys)].astype(np.int64), vocab_codes)

    evm = t["event_mentions"]
    evm_art = _codes(evm["article_id"], article_ids)
    return Lookups(
        article_ids=article_ids,
        sources=sources,
        article_source=art_source,
        article_published=published,
        article_words=arts["n_tokens"].fillna(0).to_numpy(np.int64),
        article_sentences=arts["n_sentences"].fillna(0).to_numpy(np.int64),
        article_is_copy=arts["duplicate_of"].notna().to_numpy(bool),
        article_precision=precision,
        article_published_end=_period_end(published, precision),
        sentence_article=s_art,
        sentence_ptr=sentence_ptr,
        entity_ids=entity_ids,
        mention_article=em_art,
        mention_sentence=_sentence_rows(em_art, em["sentence_id"], s_key),
        mention_entity=_codes(em["entity_id"], entity_ids),
        mention_is_adjective=(em["form"] == "adjective").fillna(False).to_numpy(bool),
        term_list=term_list,
        term_article=_codes(terms.column("article_id"), article_ids),
        term_code=term_code,
        term_count=terms.column("count").fill_null(0).to_numpy().astype(np.int32),
        key_terms=key_terms,
        event_ids=t["events"]["event_id"].to_numpy(dtype=object),
        event_mention_article=evm_art,
        event_mention_sentence=_sentence_rows(evm_art, evm["sentence_id"], s_key),
        event_mention_event=_codes(evm["event_id"], t["events"]["event_id"].to_numpy(dtype=object)),
    )


# Small tables are sorted on their key so an id's code is its position; big tables keep the
# build's row order (sorting millions of strings cost seconds per load) and are reached by codes.
_SORT_KEYS = {"articles": "article_id", "entities": "entity_id", "events": "event_id", "themes": "theme_id"}


def _sorted_tables(t: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    out = dict(t)
    for name, key in _SORT_KEYS.items():
        df = t[name].drop_duplicates(key)
        out[name] = df.sort_values(key, kind="stable").reset_index(drop=True)
    # Sentences in (article, sentence_id) order: each article's sentences are one slice.
    sents = t["sentences"]
    art = _codes(sents["article_id"], out["articles"]["article_id"].to_numpy(dtype=object))
    order = np.lexsort((sents["sentence_id"].fillna(-1).to_numpy(np.int64), art))
    if not (order == np.arange(len(order))).all():
        sents = sents.iloc[order].reset_index(drop=True)
    out["sentences"] = sents
    return _without_boilerplate(out)


def _without_boilerplate(t: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Entity mentions and sentence themes inside outlet boilerplate (marked by the build) are not
    counted anywhere in the app: BBC's app promotion is not a technology story, CNN's dateline
    "دبي، الإمارات العربية المتحدة (CNN)--" not a mention of the UAE. The text keeps them."""
    out = dict(t)
    em = t["entity_mentions"]
    if len(em) and em["in_boilerplate"].fillna(False).any():
        out["entity_mentions"] = em[~em["in_boilerplate"].fillna(False).to_numpy(bool)].reset_index(drop=True)
    sents, st = t["sentences"], t["sentence_themes"]
    whole = sents[sents["is_boilerplate"].fillna(False).to_numpy(bool)]
    if len(whole) and len(st):
        drop = pd.MultiIndex.from_arrays([whole["article_id"].astype(str), whole["sentence_id"].astype("int64")])
        here = pd.MultiIndex.from_arrays([st["article_id"].astype(str), st["sentence_id"].fillna(-1).astype("int64")])
        out["sentence_themes"] = st[~here.isin(drop)].reset_index(drop=True)
    return out


def _read_text(folder: Path, column: str) -> pa.Table:
    return pq.read_table(folder / "articles.parquet", columns=["article_id", column])


def _prefetch(folder: Path, column: str) -> Future:
    """Read a text column in a background thread (Parquet decoding releases the GIL): the first
    page's reader needs one article's text, and the whole column takes ~0.7 s to decode on ANT."""
    future: Future = Future()

    def run() -> None:
        try:
            future.set_result(_read_text(folder, column))
        except BaseException as exc:  # handed to whoever asks for the texts
            future.set_exception(exc)

    threading.Thread(target=run, name=f"prefetch-{column}", daemon=True).start()
    return future


def load_dataset(path: str | Path, prefetch_text: bool = False) -> Dataset:
    """Read every table of the dataset at ``path`` (but article texts) and precompute its lookups.
    ``prefetch_text`` starts reading the original texts alongside (the app shows one at once).

    Raises DatasetError naming the folder and the missing table or column.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise DatasetError(f"dataset folder {folder} does not exist")
    version = dataset_version(folder)
    if version is None:
        raise DatasetError(f"dataset {folder} has no readable {BUILD_INFO} with a 'version'")
    # Two readers: Parquet decoding and Arrow-to-pandas release the GIL (ANT: 1.0 -> 0.7 s).
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="load") as pool:
        terms = pool.submit(_read_arrow, folder, "terms")
        reads = {name: pool.submit(_read_table, folder, name) for name in TABLES if name != "terms"}
        tables = _sorted_tables({name: job.result() for name, job in reads.items()})
        ix = _build_lookups(tables, terms.result())
    pa.default_memory_pool().release_unused()  # hand Parquet decoding buffers back (tens of MB)
    # After the tables, not alongside: on two cores the texts' decoding slowed the tables' (the
    # first page needs the tables first and one text last).
    pending = _prefetch(folder, "text") if prefetch_text else None
    fields = {name: tables.get(name) for name in Dataset.__dataclass_fields__ if name in TABLES}
    ds = Dataset(path=folder, version=version, ix=ix, **fields)
    if pending is not None:
        ds._memo[("text_prefetch", "text")] = pending
    return ds
