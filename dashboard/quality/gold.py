"""Gold annotations (data/gold/*.yaml) resolved to character offsets in the articles' text.

A gold file names mentions by their exact surface as written (proclitics excluded: for لروسيا the
surface is روسيا); the resolver finds them as whole words (a proclitic sequence may precede them)
and fails loudly when a surface is missing, an occurrence index is out of range, or an event
evidence snippet is ambiguous: a gold file that silently drifts from its text would measure nothing.
See data/gold/README.md for the format.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from dashboard.text.clitics import PREFIXES
from dashboard.text.normalize import fold

_PROCLITIC_SET = set(PREFIXES) | {""}


class GoldError(ValueError):
    """The gold file does not fit its article's text."""


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def word_occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Spans where ``surface`` stands as a word (or words): nothing alphanumeric right after it, and
    before it either a non-word character or a proclitic sequence (و ب ل ال لل وال ...) that
    starts the word."""
    spans = []
    start = text.find(surface)
    while start != -1:
        end = start + len(surface)
        word_start = start
        while word_start > 0 and _is_word_char(text[word_start - 1]):
            word_start -= 1
        before_ok = (not _is_word_char(surface[0])) or fold(text[word_start:start]) in _PROCLITIC_SET
        after_ok = end >= len(text) or not _is_word_char(surface[-1]) or not _is_word_char(text[end])
        if before_ok and after_ok:
            spans.append((start, end))
        start = text.find(surface, start + 1)
    return spans


def _select(article_id: str, text: str, surface: str, occurrence) -> list[tuple[int, int]]:
    """The occurrences a gold item means: all of them, or the 1-based indices given."""
    if not surface:
        raise GoldError(f"{article_id}: empty surface")
    surface = str(surface)  # YAML reads a bare 1991 as a number
    spans = word_occurrences(text, surface)
    if not spans:
        raise GoldError(f"{article_id}: gold surface {surface!r} not found as a word in the text")
    if occurrence in (None, "all"):
        return spans
    indices = [occurrence] if isinstance(occurrence, int) else list(occurrence)
    bad = [i for i in indices if not 1 <= i <= len(spans)]
    if bad:
        raise GoldError(f"{article_id}: {surface!r} occurs {len(spans)} times, occurrence {bad} asked")
    return [spans[i - 1] for i in indices]


def _as_item(item) -> dict:
    return {"surface": item} if isinstance(item, str) else dict(item)


def resolve_entities(article_id: str, text: str, entities: dict) -> list[dict]:
    rows: dict[tuple[int, int], dict] = {}
    for entity_id, items in (entities or {}).items():
        for raw in items:
            item = _as_item(raw)
            for s, e in _select(article_id, text, item["surface"], item.get("occurrence")):
                row = {"article_id": article_id, "entity_id": str(entity_id), "surface": text[s:e],
                       "char_start": s, "char_end": e, "form": item.get("form", "name")}
                clash = rows.get((s, e))
                if clash and clash["entity_id"] != row["entity_id"]:
                    raise GoldError(f"{article_id}: {text[s:e]!r} at {s} given to "
                                    f"{clash['entity_id']} and {row['entity_id']}")
                rows[(s, e)] = row
    return _drop_nested(sorted(rows.values(), key=lambda r: (r["char_start"], -r["char_end"])))


def _drop_nested(rows: list[dict]) -> list[dict]:
    """Longest name wins, as in the matcher: "الولايات المتحدة" listed as 'all' also hits inside
    "الولايات المتحدة الأمريكية", and كازاخستان inside "الحزب الديمقراطي لكازاخستان" (a party):
    a mention lying inside a longer gold mention is dropped."""
    kept: list[dict] = []
    for row in rows:
        if any(k["char_start"] <= row["char_start"] and row["char_end"] <= k["char_end"] for k in kept):
            continue
        kept.append(row)
    return kept


def resolve_dates(article_id: str, text: str, dates: list) -> list[dict]:
    rows = []
    for raw in dates or []:
        item = dict(raw)
        for s, e in _select(article_id, text, item["surface"], item.get("occurrence")):
            rows.append({"article_id": article_id, "surface": text[s:e], "char_start": s, "char_end": e,
                         "date_start": str(item["start"]), "date_end": str(item["end"]),
                         "granularity": item.get("granularity", "")})
    return sorted(rows, key=lambda r: r["char_start"])


def resolve_events(article_id: str, text: str, events: list) -> list[dict]:
    """Event evidence is given as snippets, each a unique piece of the sentence that speaks of the
    event (sentence ids depend on the splitter; a snippet does not)."""
    rows = []
    for raw in events or []:
        item = dict(raw)
        for snippet in item["evidence"]:
            first = text.find(snippet)
            if first == -1:
                raise GoldError(f"{article_id}: event {item['event']} evidence {snippet!r} not in text")
            if text.find(snippet, first + 1) != -1:
                raise GoldError(f"{article_id}: event {item['event']} evidence {snippet!r} is ambiguous")
            rows.append({"article_id": article_id, "event_id": item["event"], "char_start": first,
                         "char_end": first + len(snippet), "snippet": snippet})
    return sorted(rows, key=lambda r: (r["char_start"], r["event_id"]))


def load_gold_files(gold_dir: Path | str) -> dict[str, dict]:
    """Raw gold documents keyed by article_id."""
    out = {}
    for path in sorted(Path(gold_dir).glob("*.yaml")):
        with open(path, encoding="utf-8") as fh:
            doc = yaml.safe_load(fh)
        if doc["article_id"] in out:
            raise GoldError(f"{path}: duplicate article_id {doc['article_id']}")
        out[doc["article_id"]] = doc
    return out


ID_MAP_FILE = "ID_MAP.csv"
ID_MAP_TABLES = ("entity_mentions", "event_mentions")


def load_id_map(gold_dir: Path | str) -> dict[str, dict[str, str]]:
    """Product ids the gold names differently, per table: ``{table: {product_id: gold_id}}``.

    An annotator who never read the catalogues names some entities and events otherwise (the
    product's ``ots_summit_2021`` is a gold's ``turkic_council_summit_2021``). ``ID_MAP.csv`` in the
    gold folder (columns table, product_id, gold_id, why) records each such identity, decided from
    the two definitions (name, dates), so that a right link is not scored as a miss plus a false
    positive. A map row never changes which sentences or spans are linked.
    """
    path = Path(gold_dir) / ID_MAP_FILE
    if not path.exists():
        return {}
    rows = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"table", "product_id", "gold_id", "why"} - set(rows.columns)
    if missing:
        raise GoldError(f"{path}: missing columns {sorted(missing)}")
    out: dict[str, dict[str, str]] = {}
    for n, row in enumerate(rows.itertuples(index=False), start=2):
        if row.table not in ID_MAP_TABLES:
            raise GoldError(f"{path} line {n}: table {row.table!r} is not one of {ID_MAP_TABLES}")
        if not row.product_id or not row.gold_id or not row.why.strip():
            raise GoldError(f"{path} line {n}: product_id, gold_id and why are all required")
        table = out.setdefault(row.table, {})
        if row.product_id in table:
            raise GoldError(f"{path} line {n}: {row.product_id} is mapped twice")
        table[row.product_id] = row.gold_id
    return out


def resolve_gold(gold_docs: dict[str, dict], texts: dict[str, str]) -> dict[str, pd.DataFrame]:
    """Gold tables (entity_mentions, date_mentions, event_mentions) with offsets into ``texts``."""
    entities, dates, events = [], [], []
    for article_id, doc in sorted(gold_docs.items()):
        if article_id not in texts:
            raise GoldError(f"gold article {article_id} is not in the dataset")
        text = texts[article_id]
        entities += resolve_entities(article_id, text, doc.get("entities"))
        dates += resolve_dates(article_id, text, doc.get("dates"))
        events += resolve_events(article_id, text, doc.get("events"))
    return {
        "entity_mentions": pd.DataFrame(entities, columns=["article_id", "entity_id", "surface", "char_start", "char_end", "form"]),
        "date_mentions": pd.DataFrame(dates, columns=["article_id", "surface", "char_start", "char_end", "date_start", "date_end", "granularity"]),
        "event_mentions": pd.DataFrame(events, columns=["article_id", "event_id", "char_start", "char_end", "snippet"]),
    }
