"""The build's tables in one place: which are filled article by article, which are kept in the
build cache, the intermediate tables' columns, and the sort keys that make every table's row
order independent of scheduling. The dataset tables' columns are in ``dashboard/schema.py``."""

from __future__ import annotations

from dashboard import schema
from dashboard.text.boilerplate import KEY_COLUMNS

# Dataset tables filled article by article (reused from a previous build for unchanged articles).
PER_ARTICLE_DATASET_TABLES = (
    "sentences", "entity_mentions", "date_mentions", "event_mentions", "sentence_themes",
    "article_themes",
)
# Intermediate tables kept in the build cache (``.build_cache/``): "form_counts" and
# "candidate_rows" are aggregated by the corpus-level steps (term resolution, candidate
# discovery); "process_warnings" are cached apart from the ingest warnings, which are re-read
# with the inputs on every build; "sentence_keys" and "article_fingerprints" are the inputs of
# the corpus-level boilerplate and duplicate steps (dashboard/pipeline/corpus.py).
CACHE_TABLES = ("form_counts", "candidate_rows", "process_warnings", "sentence_keys", "article_fingerprints")
# Everything the per-article step produces (plus "article_stats", one row per article).
PER_ARTICLE_TABLES = (*PER_ARTICLE_DATASET_TABLES, *CACHE_TABLES)

# Columns of the build's intermediate tables.
CACHE_COLUMNS = {
    "article_stats": ["article_id", "text_normalized", "n_sentences", "n_tokens"],
    "form_counts": ["article_id", "form", "spelling", "count"],
    "candidate_rows": ["article_id", "sentence_id", "candidate", "trigger", "example"],
    "process_warnings": ["origin", "article_id", "message"],
    "sentence_keys": KEY_COLUMNS,
    "article_fingerprints": ["article_id", "exact_key", "minhash"],
}
# Columns of per-article dataset tables that only the corpus-level steps can fill (boilerplate is
# decided over an outlet's articles): the workers leave them out, the build adds them.
CORPUS_LEVEL_COLUMNS = {
    "sentences": ("is_boilerplate", "boilerplate_end"),
    "entity_mentions": ("in_boilerplate",),
}

# Sort keys that make every table's row order independent of scheduling.
SORT_KEYS = {
    "articles": ["article_id"],
    "sentences": ["article_id", "sentence_id"],
    "entity_mentions": ["article_id", "char_start", "char_end", "entity_id"],
    "date_mentions": ["article_id", "char_start", "char_end"],
    "event_mentions": ["article_id", "sentence_id", "event_id"],
    "sentence_themes": ["article_id", "sentence_id", "theme_id"],
    "article_themes": ["article_id", "theme_id"],
    "terms": ["article_id", "term"],
    "form_counts": ["article_id", "form", "spelling"],
    "candidate_rows": ["article_id", "candidate", "trigger"],
    "sentence_keys": ["article_id", "sentence_id"],
    "article_fingerprints": ["article_id"],
    "rejected": ["origin", "reason"],
    "warnings": ["article_id", "origin", "message"],
    "process_warnings": ["article_id", "origin", "message"],
}

# Candidate aggregation picks an example by the rows' order (reading order): its table is sorted
# only after the aggregation.
PRESORT_SKIP = {"candidate_rows"}


def columns_of(table: str) -> list[str]:
    """Columns of a dataset table or of an intermediate one, as the per-article step makes them."""
    if table in CACHE_COLUMNS:
        return CACHE_COLUMNS[table]
    later = CORPUS_LEVEL_COLUMNS.get(table, ())
    return [c for c in schema.TABLES[table] if c not in later]
