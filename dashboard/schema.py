"""The data contract: every table of a built dataset, its columns and their types.

A dataset is one folder of Parquet files, one per table below, plus ``build_info.json``.
All tables are keyed by ``article_id``; character offsets are into ``articles.text``
(``text[char_start:char_end] == surface``). Dates are ISO strings (``YYYY-MM-DD``) or null.
The build writes exactly these columns (extra manifest columns may follow on ``articles``);
the app reads nothing else.
"""

from __future__ import annotations

import pandas as pd

STR, INT, FLOAT, BOOL = "string", "Int64", "float64", "boolean"
# Ids of entities and events the catalogue does not know yet, found by the build and shown as
# unreviewed (extract/provisional.py for names, extract/discovered_events.py for events): the
# entities and events tables list them with a label from the text, for review.
PROVISIONAL_PREFIX = "new:"


def is_provisional(value: object) -> bool:
    """An entity or event id the build gave to something the catalogue lacks (unreviewed)."""
    return isinstance(value, str) and value.startswith(PROVISIONAL_PREFIX)

TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": STR, "title": STR, "source": STR, "author": STR,
        "published": STR,             # ISO date (first day of the period when less precise) or null
        "published_precision": STR,   # day | month | year | unknown
        "url": STR, "language": STR, "origin": STR,  # origin: the input file it came from
        "text": STR, "text_normalized": STR, "n_sentences": INT, "n_tokens": INT,
        # The first copy (earliest published, then smallest article_id) of the story this article
        # repeats, or null for an original; duplicate_kind says how: exact (same normalised
        # words) or near (estimated Jaccard >= 0.7 over word 3-shingles). See text/duplicates.py.
        "duplicate_of": STR, "duplicate_kind": STR,
    },
    # is_boilerplate: the whole sentence is its outlet's boilerplate (text/boilerplate.py);
    # boilerplate_end: where the marked part ends (char_end when whole, the end of a dateline such
    # as "دبي، الإمارات العربية المتحدة (CNN)--" when only that is), null when nothing is marked.
    # Marked text stays in articles.text and is left out of terms, themes and entity counts.
    "sentences": {"article_id": STR, "sentence_id": INT, "char_start": INT, "char_end": INT,
                  "is_boilerplate": BOOL, "boilerplate_end": INT},
    # Clitic-aware counts, stopwords and bare numbers left out. term: the display form (the most
    # frequent clitic-free spelling, e.g. روسيا for لروسيا/وروسيا/روسيا).
    "terms": {"article_id": STR, "term": STR, "count": INT},
    # One row per term: its folded clitic-free key (what keyword search matches) and the written
    # forms merged into it ('|'-joined, most frequent first).
    "vocabulary": {"term": STR, "term_key": STR, "count": INT, "n_articles": INT, "forms": STR},
    "entities": {
        "entity_id": STR, "type": STR, "name_ar": STR, "name_en": STR, "parent": STR,
        "iso2": STR, "iso3": STR,
    },
    "entity_mentions": {
        "article_id": STR, "sentence_id": INT, "entity_id": STR, "surface": STR,
        "char_start": INT, "char_end": INT,
        "form": STR,                  # name | adjective
        "alias": STR,                 # the catalogue alias (normalised) that matched
        # exact: an alias as listed; variant: an unseen spelling with the alias's consonant
        # skeleton (review it); article: a bare surname / first name of a person named in full
        # earlier in the same article; discovered: a person the catalogue does not know, found
        # after a title or role (extract/provisional.py), under a provisional id "new:..."
        "match": STR,
        "in_boilerplate": BOOL,       # inside marked boilerplate: not counted by the app
    },
    "date_mentions": {
        "article_id": STR, "sentence_id": INT, "surface": STR, "char_start": INT, "char_end": INT,
        "date_start": STR, "date_end": STR,
        "granularity": STR,           # day | month | year | range | decade ...
        "relative": BOOL,             # resolved against the publication date
    },
    "events": {
        "event_id": STR, "name_ar": STR, "name_en": STR, "date_start": STR, "date_end": STR,
        "description": STR,
    },
    "event_mentions": {
        "article_id": STR, "sentence_id": INT, "event_id": STR, "char_start": INT, "char_end": INT,
        "cue": STR,                   # what linked the sentence to the event
    },
    "themes": {"theme_id": STR, "name_ar": STR, "name_en": STR, "description": STR},
    "sentence_themes": {"article_id": STR, "sentence_id": INT, "theme_id": STR, "score": FLOAT},
    "article_themes": {
        "article_id": STR, "theme_id": STR, "score": FLOAT, "share": FLOAT, "is_main": BOOL,
    },
    # Names the catalogue does not know yet, for an analyst to review.
    "candidates": {
        "candidate": STR, "trigger": STR, "count": INT, "n_articles": INT, "example_article_id": STR,
        "example": STR,
    },
    # What the build marked as boilerplate, per outlet: sentences (kind 'sentence'), datelines
    # (kind 'dateline', keyed by the dateline's last word) and the words by which the outlet names
    # itself (kind 'self-reference': "CNN" in CNN Arabic, left out of that outlet's terms only)
    # found in n_articles original articles, a share of the outlet's originals; status: detected |
    # forced by catalogue | kept: catalogue says never (data/catalogues/boilerplate.yaml). key: the
    # hash a sentence or word is matched by.
    "boilerplate": {
        "source": STR, "kind": STR, "key": STR, "example": STR, "n_articles": INT, "share": FLOAT,
        "status": STR,
    },
    # Inputs that did not become an article, and articles kept despite a problem (e.g. a bad date).
    "rejected": {"origin": STR, "article_id": STR, "reason": STR, "detail": STR},
    "warnings": {"origin": STR, "article_id": STR, "message": STR},
}


def empty(name: str) -> pd.DataFrame:
    """A table with the contract's columns and no rows."""
    return pd.DataFrame({col: pd.Series(dtype=dtype) for col, dtype in TABLES[name].items()})


def conform(name: str, df: pd.DataFrame | list[dict] | None) -> pd.DataFrame:
    """Cast ``df`` to the contract: contract columns first, in order and typed; extra columns kept
    after them (articles carry whatever else a manifest holds). Missing contract columns are an error:
    a silent null column would hide a bug in the stage that should have filled it."""
    if df is None:
        return empty(name)
    if not isinstance(df, pd.DataFrame):
        df = pd.DataFrame(df) if df else empty(name)
    spec = TABLES[name]
    missing = [c for c in spec if c not in df.columns]
    if missing:
        raise ValueError(f"table {name!r} is missing columns {missing}")
    extra = [c for c in df.columns if c not in spec]
    out = pd.DataFrame(
        {c: df[c].astype(spec[c]) for c in spec} | {c: df[c] for c in extra}, index=df.index
    )
    return out.reset_index(drop=True)
