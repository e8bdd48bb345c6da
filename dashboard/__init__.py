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
  built once (``cached_property``) and handed to the workers.
- the build cache (pipeline/cache.py): per-article rows of a previous build, on disk.
- normalisation tables are precomputed in text/normalize_tables.json (no cache at all: importing
  text/normalize.py costs milliseconds, not a pass over the Basic Multilingual Plane).

App edge (dashboard/app, Streamlit's caches, bounded by ``max_entries``): the loaded dataset by
version and the freshness check (app/data.py, plus its preload future started at process start),
selections (app/state.py), rendered pieces (app/components.py, app/pages/words.py,
app/pages/overview.py).
"""

__version__ = "0.1.0"
