"""Outlet boilerplate: sentences and datelines an outlet repeats across many of its articles.

Two steps, like term resolution (the build is incremental per article, boilerplate is a
property of the corpus):

1. ``sentence_keys(doc)``, per article: a key for every sentence (a hash of its folded words, so
   punctuation, diacritics and letter variants do not matter) and, for the first sentence, the
   key of its dateline: the words before a dash near the start ("دبي، الإمارات العربية المتحدة
   (CNN)-- ...", "باريس - ..."), keyed by the last of them (the city before it varies).
2. ``detect(...)``, once per corpus: per outlet, a sentence key (or dateline key) found in at
   least ``min_articles`` of the outlet's original articles (duplicates are not counted: a story
   published twice would make its own sentences look like boilerplate) and at least
   ``min_share`` of them is boilerplate. The catalogue (data/catalogues/boilerplate.yaml) can
   force a sentence to be boilerplate or never let one be.

Boilerplate stays in the text; the build marks it (sentences.is_boilerplate, boilerplate_end) and
leaves it out of terms, themes and entity counts.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.text.normalize import Normalized, fold, normalize

BOILERPLATE_FILE = "boilerplate.yaml"
DEFAULT_MIN_ARTICLES = 10
DEFAULT_MIN_SHARE = 0.005
# A dateline: at most this many words before a dash with a space on at least one side of it.
DATELINE_MAX_WORDS = 8
_DATELINE_RE = re.compile(r"^\s*(?P<prefix>[^\n\-–—]{2,90}?)(?:\s+(?:-{1,2}|–|—)|(?:-{1,2}|–|—)\s+)")
_WORD_RE = re.compile(r"[^\W_]+")

KEY_COLUMNS = ["article_id", "sentence_id", "key", "dateline_key", "dateline_end"]
TABLE_COLUMNS = {
    "source": "string", "kind": "string", "key": "string", "example": "string",
    "n_articles": "Int64", "share": "float64", "status": "string",
}


def text_key(text: str) -> str:
    """The key of a sentence: its folded words, hashed ('' when it has no word)."""
    return _words_key(_WORD_RE.findall(fold(text)))


def _words_key(words: list[str]) -> str:
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).hexdigest() if words else ""


def _dateline(text: str, start: int, end: int) -> tuple[str, int] | None:
    """(key, end offset) of the dateline that opens the sentence text[start:end], if any."""
    m = _DATELINE_RE.match(text, start, end)
    if m is None:
        return None
    words = _WORD_RE.findall(fold(m.group("prefix")))
    if not words or len(words) > DATELINE_MAX_WORDS or m.end() >= end:
        return None
    return words[-1], m.end()


def sentence_keys(article_id: str, text: str, sentences: list[tuple[int, int]],
                  norm: Normalized | None = None) -> list[dict]:
    """One row per sentence: KEY_COLUMNS (dateline columns filled for the first sentence only).

    ``norm``: the article's normalised text when the caller has it (the build's Doc): each
    sentence's folded words are then read from it instead of folding the sentence again (the
    same key: folding is per character, see Normalized.from_original)."""
    if norm is None:
        norm = normalize(text)
    folded = norm.text
    starts, ends = norm.from_original([s for s, _ in sentences], [e for _, e in sentences])
    rows = []
    find_words = _WORD_RE.findall
    for i, ((s, e), fs, fe) in enumerate(zip(sentences, starts.tolist(), ends.tolist())):
        dateline = _dateline(text, s, e) if i == 0 else None
        rows.append({"article_id": article_id, "sentence_id": i, "key": _words_key(find_words(folded, fs, fe)),
                     "dateline_key": dateline[0] if dateline else None,
                     "dateline_end": dateline[1] if dateline else None})
    return rows


@dataclass(frozen=True)
class Rules:
    """Thresholds and the analyst's overrides (data/catalogues/boilerplate.yaml)."""

    min_articles: int = DEFAULT_MIN_ARTICLES
    min_share: float = DEFAULT_MIN_SHARE
    # (source or None for every outlet, sentence key) -> the text as the analyst wrote it
    force: dict[tuple[str | None, str], str] = field(default_factory=dict)
    never: dict[tuple[str | None, str], str] = field(default_factory=dict)

    def listed(self, which: dict, source: str, key: str) -> bool:
        return (source, key) in which or (None, key) in which


class BoilerplateCatalogueError(ValueError):
    pass


def parse_rules(data: Mapping | None, name: str = BOILERPLATE_FILE) -> Rules:
    """The rules of ``boilerplate.yaml`` (parsed; ``Catalogues.boilerplate``); defaults when the
    folder has no such file. Raises BoilerplateCatalogueError naming the file and the entry."""
    if not data:
        return Rules()
    if not isinstance(data, Mapping):
        raise BoilerplateCatalogueError(f"{name}: expected a mapping with min_articles, min_share, force, never")

    def entries(key: str) -> dict[tuple[str | None, str], str]:
        out = {}
        for i, item in enumerate(data.get(key) or ()):
            if isinstance(item, str):
                item = {"text": item}
            if not isinstance(item, Mapping) or not isinstance(item.get("text"), str) or not text_key(item["text"]):
                raise BoilerplateCatalogueError(
                    f"{name}: {key}[{i}] needs a 'text' with at least one word (and optionally a 'source')")
            source = item.get("source")
            out[(str(source) if source else None, text_key(item["text"]))] = item["text"]
        return out

    try:
        min_articles = int(data.get("min_articles", DEFAULT_MIN_ARTICLES))
        min_share = float(data.get("min_share", DEFAULT_MIN_SHARE))
    except (TypeError, ValueError) as exc:
        raise BoilerplateCatalogueError(f"{name}: min_articles and min_share must be numbers ({exc})") from None
    return Rules(min_articles, min_share, entries("force"), entries("never"))


@dataclass
class Detection:
    """What ``detect`` found: the dataset's 'boilerplate' table and the spans it marks."""

    table: pd.DataFrame
    # sentences rows (aligned with the keys table) marked whole, and the end of the marked part
    whole: np.ndarray
    marked_end: np.ndarray   # original offset where the marked part ends; -1 when nothing is


def detect(keys: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, rules: Rules) -> Detection:
    """``keys``: KEY_COLUMNS rows aligned with ``sentences`` (article_id, sentence_id, char_start,
    char_end; same order). ``articles``: article_id, source, duplicate_of, text."""
    n = len(keys)
    whole = np.zeros(n, dtype=bool)
    marked_end = np.full(n, -1, dtype=np.int64)
    if n == 0:
        return Detection(_empty_table(), whole, marked_end)
    arts = articles.set_index("article_id")
    source = arts["source"].astype(str).reindex(keys["article_id"]).to_numpy(dtype=object)
    original = arts["duplicate_of"].isna().reindex(keys["article_id"]).fillna(True).to_numpy(bool)
    n_originals = articles.loc[articles["duplicate_of"].isna()].groupby("source").size()

    table_rows: list[dict] = []
    frame = pd.DataFrame({"source": source, "article_id": keys["article_id"].to_numpy(dtype=object),
                          "key": keys["key"].fillna("").to_numpy(dtype=object),
                          "dateline": keys["dateline_key"].fillna("").to_numpy(dtype=object),
                          "original": original, "row": np.arange(n)})
    for kind, column in (("sentence", "key"), ("dateline", "dateline")):
        present = frame[frame[column] != ""]
        counts = (present[present["original"]].drop_duplicates(["source", column, "article_id"])
                  .groupby(["source", column]).size())
        first_row = present.groupby(["source", column])["row"].first()
        n_src = n_originals.reindex(counts.index.get_level_values(0)).fillna(0).to_numpy()
        shares = counts.to_numpy() / np.maximum(1, n_src)
        frequent = (counts.to_numpy() >= rules.min_articles) & (shares >= rules.min_share)
        listed = {k for _, k in (*rules.force, *rules.never)} if kind == "sentence" else set()
        candidates = frequent | np.fromiter((k in listed for _, k in counts.index), dtype=bool, count=len(counts))
        chosen: set[tuple[str, str]] = set()
        for (src, key), count, share, freq in zip(counts.index[candidates], counts.to_numpy()[candidates],
                                                  shares[candidates], frequent[candidates]):
            forced = kind == "sentence" and rules.listed(rules.force, src, key)
            never = kind == "sentence" and rules.listed(rules.never, src, key)
            if not (freq or forced or never):
                continue  # listed for another outlet
            if never:
                status = "kept: catalogue says never"
            else:
                status = "detected" if freq else "forced by catalogue"
                chosen.add((src, key))
            table_rows.append({"source": src, "kind": kind, "key": key, "n_articles": int(count),
                               "share": float(share), "status": status, "_row": int(first_row[(src, key)])})
        if not chosen:
            continue
        hit = np.fromiter(((s, k) in chosen for s, k in zip(present["source"], present[column])),
                          dtype=bool, count=len(present))
        rows = present["row"].to_numpy()[hit]
        if kind == "sentence":
            whole[rows] = True
            marked_end[rows] = sentences["char_end"].to_numpy(np.int64)[rows]
        else:
            ends = keys["dateline_end"].to_numpy()[rows].astype(np.int64)
            marked_end[rows] = np.where(whole[rows], marked_end[rows], ends)
    return Detection(_table(table_rows, keys, sentences, articles), whole, marked_end)


def _empty_table() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in TABLE_COLUMNS.items()})


def _table(rows: list[dict], keys: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per outlet, each marked (or kept) sentence or dateline with an example of its text."""
    if not rows:
        return _empty_table()
    texts = articles.set_index("article_id")["text"]
    for r in rows:
        row = r.pop("_row")
        aid = keys["article_id"].iat[row]
        start = int(sentences["char_start"].iat[row])
        end = int(keys["dateline_end"].iat[row]) if r["kind"] == "dateline" else int(sentences["char_end"].iat[row])
        text = texts.get(aid)
        r["example"] = text[start:end].strip() if isinstance(text, str) else ""
    df = pd.DataFrame(rows)
    df = df.sort_values(["source", "kind", "n_articles", "key"], ascending=[True, False, False, True], kind="stable")
    return df[list(TABLE_COLUMNS)].astype(TABLE_COLUMNS).reset_index(drop=True)
