"""Metadata keys (header lines, JSON keys, CSV and manifest columns) -> RawArticle fields.

One mapping for every input format, so "date", "published" and "pubdate" mean the same wherever
they appear; keys it does not know go to ``extra`` unchanged (lower-cased).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from dashboard.ingest.pubdate import PRECISIONS, coarsen, parse_published
from dashboard.ingest.records import RawArticle

FIELD_OF_KEY: dict[str, str] = {
    "id": "article_id", "article_id": "article_id", "docno": "article_id",
    "title": "title", "headline": "title",
    "source": "source", "outlet": "source", "src": "source",
    "author": "author", "byline": "author",
    "date": "published", "published": "published", "pubdate": "published", "time": "published",
    "published_precision": "published_precision", "precision": "published_precision",
    "url": "url", "link": "url",
    "language": "language", "lang": "language",
    "text": "text", "body": "text", "content": "text",
}
_FINENESS = {"day": 0, "month": 1, "year": 2}


def field_of(key: str) -> str | None:
    return FIELD_OF_KEY.get(key.strip().lower().replace("-", "_").replace(" ", "_"))


def split_metadata(meta: Mapping[str, object]) -> tuple[dict[str, str], dict[str, str]]:
    """(known fields, extra) from raw key/value pairs; empty values are dropped (they say nothing)."""
    fields: dict[str, str] = {}
    extra: dict[str, str] = {}
    for key, value in meta.items():
        if value is None:
            continue
        value = value if isinstance(value, str) else str(value)
        if not value.strip():
            continue
        name = field_of(str(key))
        if name is None:
            extra[str(key).strip().lower()] = value.strip()
        elif name != "text":
            fields.setdefault(name, value.strip())
    return fields, extra


def new_article(article_id: str, text: str, origin: str, meta: Mapping[str, object],
                title: str | None = None) -> RawArticle:
    """A RawArticle from ``meta``; ``title`` is the fallback when meta names none. The id is put in
    Unicode NFC: ids that differ only by normalisation (a decomposed é, an Arabic letter with a
    separate hamza) look identical everywhere, so they are one id (a second one is a duplicate)."""
    article = RawArticle(article_id=unicodedata.normalize("NFC", article_id), text=text, title=title, source=None, author=None,
                         published=None, published_precision="unknown", url=None, language=None,
                         origin=origin)
    apply_metadata(article, meta, "")
    return article


def apply_metadata(article: RawArticle, meta: Mapping[str, object], label: str) -> None:
    """Overwrite ``article``'s fields with what ``meta`` says (``label`` names the source of the
    metadata in warnings, e.g. 'manifest seeds/manifest.csv')."""
    fields, extra = split_metadata(meta)
    where = f" ({label})" if label else ""
    for name in ("title", "source", "author", "url", "language"):
        if name in fields:
            setattr(article, name, fields[name])
    if "published" in fields:
        value = fields["published"]
        iso, precision = parse_published(value)
        if iso is None:
            article.warnings.append(f"published {value!r}{where} is not a date; kept the article "
                                    f"with no date")
        stated = fields.get("published_precision", "").lower()
        if iso is not None and stated:
            if stated not in PRECISIONS or stated == "unknown":
                article.warnings.append(f"published_precision {stated!r}{where} is not one of "
                                        f"day/month/year; used {precision!r}")
            elif _FINENESS[stated] > _FINENESS[precision]:
                iso, precision = coarsen(iso, stated), stated
            elif _FINENESS[stated] < _FINENESS[precision]:
                article.warnings.append(f"published_precision {stated!r}{where} is finer than "
                                        f"{value!r}; used {precision!r}")
        if iso is not None or not label:
            article.published, article.published_precision = iso, precision
    article.extra.update(extra)
