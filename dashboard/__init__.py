"""Arabic news analytics: build a dataset from raw articles, explore it in Streamlit.

CACHING: every mechanism that keeps a computed value, in one place.

Core (no Streamlit; each safe under concurrent sessions):
- ``functools.lru_cache``/``cache`` on pure functions of library data or small keys: CLDR
  countries (extract/countries.py), the stopword lexicon (text/stopwords.py), the folded-variant
  classes (text/normalize.py), term-key helpers (text/terms.py, analysis/words.py,
  analysis/keyword.py), manifest listings (ingest/readers.py), date parsers (ingest/pubdate.py),
  co-occurrence layouts per graph (analysis/entities.py).
- ``Dataset.memo`` (dataset.py): structures derived once per loaded dataset (locked), including
  ``keyword._per_query``, its bounded per-dataset LRU of query results (locked).
- ``Selection.memo`` (analysis/filters.py): values several panels of one selection share.
- ``Catalogues`` (catalogues.py): the catalogue folder read once per build, each stage's view
  built once (``cached_property``) and handed to the workers; ``load_catalogues`` keeps the last 4
  parsed folders by their content fingerprint (``lru_cache``: the files are read every time, the
  same bytes are parsed once per process).
- the build cache (pipeline/cache.py): per-article rows of a previous build, on disk.
- normalisation tables are precomputed in text/normalize_tables.json (no cache at all: importing
  text/normalize.py costs milliseconds, not a pass over the Basic Multilingual Plane).
- wordfreq's Arabic lists, as extraction uses them, are precomputed in text/wordfreq_ar_common.tsv
  and text/wordfreq_ar_large.u64 (text/word_frequencies.py reads each once per process, lazily:
  ~50 ms and ~10 MB instead of ~0.5 s and ~110 MB for wordfreq's own lists).

App edge (dashboard/app): Streamlit's caches, every one bounded by ``max_entries`` and, where an
entry can be large or many, by ``ttl``; Streamlit lets one session compute a missing entry while
the others wanting it wait:
- app/data.py: the loaded dataset by version (``_load``, 2) and the freshness check
  (``_checked_fresh``, 4), plus the preload future started at process start (locked dict);
- app/datasets.py: each offered dataset's summary (``_summary``, 32);
- app/state.py: selections per (dataset version, filters) (``_select``, 64, 1 h);
- app/components.py: every panel's analysis result per (function, version, filters, arguments)
  (``_memo``, 96, 1 h);
- app/pages/overview.py: the reader's HTML per (version, article, language) (``reader``, 32, 1 h);
- app/clouds.py: word-cloud PNGs per (frequencies, size) (``cloud_png``, 64, 1 h), drawn one at a
  time in the process (a lock), inline in the session's script (no background pool);
- ``functools`` caches of constants: the Arabic font path, Pillow's layout engine (app/clouds.py),
  Babel locales and Plotly's strings (app/i18n.py).
"""

__version__ = "0.1.0"
