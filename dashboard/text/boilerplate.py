"""Outlet boilerplate: sentences and datelines an outlet repeats across many of its articles.

Two steps, like term resolution (the build is incremental per article, boilerplate is a
property of the corpus):

1. ``sentence_keys(doc)``, per article: a key for every sentence (a hash of its folded words, so
   punctuation, diacritics and letter variants do not matter) and, for an opening sentence, the
   key of its dateline: the words before a dash near the start ("دبي، الإمارات العربية المتحدة
   (CNN)-- ...", "باريس - ..."), keyed by the last of them (the city before it varies). One of
   the first DATELINE_SENTENCES sentences may hold it (a caption line can come first); deeper in
   the article, only a dateline tagged with a parenthesised word ("(CNN)-") counts.
2. ``detect(...)``, once per corpus: per outlet, a sentence key (or dateline key) found in at
   least ``min_articles`` of the outlet's original articles (duplicates are not counted: a story
   published twice would make its own sentences look like boilerplate) and at least
   ``min_share`` of them is boilerplate. The catalogue (data/catalogues/boilerplate.yaml) can
   force a sentence to be boilerplate or never let one be.

Boilerplate stays in the text; the build marks it (sentences.is_boilerplate, boilerplate_end) and
leaves it out of terms, themes and entity counts.

3. ``self_references(...)``, once per corpus: an outlet naming itself inside sentences that vary
   ("قال لـCNN", "(CNN)", "CNN بالعربية", "في تصريح لبي بي سي", "سكاي نيوز عربية") is boilerplate
   the sentence keys cannot see. A word form is an outlet's self-reference when it is a word of the
   outlet's own names (its display name and every outlets.csv alias of it, a proclitic allowed:
   لبي, بالعربية) and the outlet's original articles use it far more often than the others do:
   in at least ``min_articles`` and ``min_share`` of them, and in a share at least
   ``SELF_REFERENCE_RATIO`` times the other outlets' share. Only that outlet's occurrences are
   left out of its terms: another outlet quoting CNN keeps "CNN", and a name word every outlet
   uses (فرانس of فرانس برس, العربية) is never one. The same force / never overrides apply,
   matched on the word form ("CNN", "بالعربية").
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.text.clitics import PREFIXES
from dashboard.text.normalize import Normalized, fold, normalize

BOILERPLATE_FILE = "boilerplate.yaml"
DEFAULT_MIN_ARTICLES = 10
DEFAULT_MIN_SHARE = 0.005
# A dateline: at most this many words before a dash with a space on at least one side of it.
DATELINE_MAX_WORDS = 8
# An outlet's name word is a self-reference when its share of the outlet's articles is at least
# this many times its share of the other outlets' articles. On ANT the outlets' own names sit at
# 20x and more (CNN in CNN Arabic, سكاي in Sky News Arabia); name words that are ordinary Arabic
# (العربية, عربي) or name another body too (فرانس of فرانس برس) stay below 2x.
SELF_REFERENCE_RATIO = 5.0
SELF_REFERENCE = "self-reference"
# After a one-word parenthesis the dash needs no space: "دبي، الإمارات العربية المتحدة (CNN)-حقق"
# (about one CNN Arabic dateline in ten is written so). No ``^``: ``match`` at a sentence's start.
_DASH = r"(?:-{1,2}|–|—)"
_TAGGED = rf"(?P<tagged>[^\n\-–—()]{{0,80}}\([^\s()]{{1,20}}\))\s*{_DASH}"
_DATELINE_RE = re.compile(rf"\s*(?:(?P<prefix>[^\n\-–—]{{2,90}}?)(?:\s+{_DASH}|{_DASH}\s+)|{_TAGGED})")
# Deeper in an article only the tagged form: a digest of several stories opens each with
# "دبي، الإمارات العربية المتحدة (CNN)-"; "وقال الوزير - ..." is not a dateline there.
_TAGGED_RE = re.compile(rf"\s*{_TAGGED}")
# A dateline opens one of an article's first sentences: a caption or teaser line may come first
# ("... سعر صرف الليرة التركية.\nدبي، الإمارات العربية المتحدة (CNN)- ...").
DATELINE_SENTENCES = 3
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


def _dateline(text: str, start: int, end: int, opening: bool = True) -> tuple[str, int] | None:
    """(key, end offset) of the dateline that opens the sentence text[start:end], if any; in a
    sentence that is not one of the article's first (``opening`` false), a tagged one only."""
    m = (_DATELINE_RE if opening else _TAGGED_RE).match(text, start, end)
    if m is None:
        return None
    words = _WORD_RE.findall(fold(m.groupdict().get("prefix") or m.group("tagged")))
    if not words or len(words) > DATELINE_MAX_WORDS or m.end() >= end:
        return None
    return words[-1], m.end()


def sentence_keys(article_id: str, text: str, sentences: list[tuple[int, int]],
                  norm: Normalized | None = None) -> list[dict]:
    """One row per sentence: KEY_COLUMNS (dateline columns filled where a sentence opens with a
    dateline: any form in the first DATELINE_SENTENCES sentences, a tagged one after them).

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
        opening = i < DATELINE_SENTENCES
        # deeper sentences can only open with a tagged dateline: skip the regex without a ")"
        dateline = _dateline(text, s, e, opening) if opening or ")" in text[s:s + 104] else None
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
        # rows whose key was chosen for some outlet (a vectorised look-up), then their outlet
        maybe = present[present[column].isin({k for _, k in chosen}).to_numpy(bool)]
        hit = np.fromiter(((s, k) in chosen for s, k in zip(maybe["source"], maybe[column])),
                          dtype=bool, count=len(maybe))
        rows = maybe["row"].to_numpy()[hit]
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


def outlet_name_words(outlets: Mapping[str, str], sources: Iterable[str]) -> dict[str, frozenset[str]]:
    """Per outlet of ``sources``: the folded words of its names (the display name and every alias
    ``outlets`` maps to it: Catalogues.outlets), one-letter words and numbers left out. Stopwords
    stay: بي of بي بي سي is one (with me), but the form لبي that names BBC is counted as a term."""
    phrases: dict[str, set[str]] = {str(s): {str(s)} for s in sources}
    for alias, name in outlets.items():
        if name in phrases:
            phrases[name].add(alias)
    out = {}
    for source, names in phrases.items():
        words = {w for p in names for w in _WORD_RE.findall(fold(p))}
        out[source] = frozenset(w for w in words if len(w) >= 2 and not w.isdigit())
    return out


@dataclass
class SelfReferences:
    """What ``self_references`` found: rows for the 'boilerplate' table, and the form_counts rows
    (an outlet's own articles, a marked form) whose count drops to zero."""

    table: pd.DataFrame
    rows: np.ndarray


def self_references(form_counts: pd.DataFrame, counts: np.ndarray, articles: pd.DataFrame,
                    names: Mapping[str, frozenset[str]], rules: Rules) -> SelfReferences:
    """``form_counts``: article_id, form (folded), spelling rows; ``counts`` their counts (boilerplate
    already taken out); ``articles``: article_id, source, duplicate_of; ``names``:
    ``outlet_name_words``. See the module docstring (step 3)."""
    word_of: dict[str, str] = {}
    for words in names.values():
        for w in words:
            word_of[w] = w
            for prefix in PREFIXES:
                word_of.setdefault(prefix + w, w)
    empty = SelfReferences(_empty_table(), np.zeros(0, np.int64))
    if not word_of or not len(form_counts):
        return empty
    rows = np.flatnonzero(form_counts["form"].isin(list(word_of)).to_numpy(bool) & (counts > 0))
    if not len(rows):
        return empty
    arts = articles.set_index("article_id")
    picked = form_counts.iloc[rows]  # a few thousand of millions of rows: never convert the rest
    sub = pd.DataFrame({
        "row": rows,
        "article_id": picked["article_id"].to_numpy(dtype=object),
        "form": picked["form"].to_numpy(dtype=object),
        "spelling": picked["spelling"].to_numpy(dtype=object),
        "count": counts[rows],
    })
    sub["source"] = arts["source"].astype(str).reindex(sub["article_id"]).to_numpy(dtype=object)
    sub["original"] = arts["duplicate_of"].isna().reindex(sub["article_id"]).fillna(True).to_numpy(bool)
    n_originals = articles.loc[articles["duplicate_of"].isna()].groupby("source").size()
    n_originals.index = n_originals.index.astype(str)
    total_originals = int(n_originals.sum())
    in_articles = sub[sub["original"]].groupby(["source", "form"])["article_id"].nunique()
    across = in_articles.groupby(level="form").sum()

    table_rows: list[dict] = []
    marked: set[tuple[str, str]] = set()
    for source, words in sorted(names.items()):
        own = int(n_originals.get(source, 0))
        others = total_originals - own
        for form in sorted(f for f, w in word_of.items() if w in words):
            n = int(in_articles.get((source, form), 0))
            key = text_key(form)
            forced, never = rules.listed(rules.force, source, key), rules.listed(rules.never, source, key)
            if n == 0:
                continue
            share = n / max(own, 1)
            rest = (int(across.get(form, 0)) - n) / others if others else 0.0
            frequent = n >= rules.min_articles and share >= rules.min_share and share >= SELF_REFERENCE_RATIO * rest
            if not (frequent or forced or never):
                continue
            if never:
                status = "kept: catalogue says never"
            else:
                status = "detected" if frequent else "forced by catalogue"
                marked.add((source, form))
            mine = sub[(sub["source"] == source) & (sub["form"] == form)]
            example = mine.groupby("spelling")["count"].sum().sort_values(ascending=False, kind="stable").index[0]
            table_rows.append({"source": source, "kind": SELF_REFERENCE, "key": key, "example": str(example),
                               "n_articles": n, "share": share, "status": status})
    hit = np.fromiter(((s, f) in marked for s, f in zip(sub["source"], sub["form"])), dtype=bool, count=len(sub))
    table = pd.DataFrame(table_rows, columns=list(TABLE_COLUMNS)) if table_rows else _empty_table()
    return SelfReferences(table.astype(TABLE_COLUMNS), sub["row"].to_numpy(np.int64)[hit])
