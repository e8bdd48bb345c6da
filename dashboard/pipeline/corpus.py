"""Corpus-level steps of a build that mark rows rather than make them: duplicate articles and
outlet boilerplate.

Both read only per-article rows (fresh or reused from the previous build) and the catalogue, and
recompute their marks over the whole corpus on every build, so an incremental build gives the
same dataset as a fresh one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.catalogues import Catalogues
from dashboard.extract.themes import ThemeScorer
from dashboard.text.boilerplate import TABLE_COLUMNS, detect, outlet_name_words, self_references
from dashboard.text.document import Doc
from dashboard.text.duplicates import find_duplicates
from dashboard.text.terms import article_form_counts


def mark_duplicates(articles: pd.DataFrame, fingerprints: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, int]]:
    """``articles`` with duplicate_of and duplicate_kind filled; how many copies of each kind."""
    found = find_duplicates(articles[["article_id", "published"]], fingerprints)
    found = found.set_index("article_id").reindex(articles["article_id"])
    # A shallow copy: pandas copies on write (always, from pandas 3), so the new columns never
    # touch the caller's frame, and the article texts (hundreds of MB on ANT) are not copied.
    out = articles.copy(deep=False)
    out["duplicate_of"] = found["duplicate_of"].astype("string").to_numpy()
    out["duplicate_kind"] = found["duplicate_kind"].astype("string").to_numpy()
    counts = out["duplicate_kind"].value_counts()
    return out, {str(k): int(v) for k, v in counts.items()}


@dataclass
class Marked:
    tables: dict[str, pd.DataFrame]          # sentences, entity_mentions, article_themes, marked
    form_counts: pd.DataFrame | None         # the form counts rows, and
    counts: np.ndarray | None                # their counts without the boilerplate's words
    table: pd.DataFrame                      # the dataset's 'boilerplate' table
    summary: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    self_references: dict[str, list[str]] = field(default_factory=dict)  # outlet -> its marked name words


def mark_boilerplate(articles: pd.DataFrame, tables: dict[str, pd.DataFrame], catalogues: Catalogues) -> Marked:
    """Find each outlet's boilerplate and mark it: sentences.is_boilerplate / boilerplate_end,
    entity_mentions.in_boilerplate; article_themes recomputed without boilerplate sentences; the
    words of marked text taken out of the form counts terms are resolved from.

    ``tables``: sentences and sentence_keys (both sorted by article_id, sentence_id: aligned),
    entity_mentions, sentence_themes, form_counts."""
    sentences, keys = tables["sentences"], tables["sentence_keys"]
    if len(sentences) != len(keys) or not (
            sentences["article_id"].astype(str).to_numpy() == keys["article_id"].astype(str).to_numpy()).all():
        raise RuntimeError("sentence keys are not aligned with sentences (build cache damaged?)")
    found = detect(keys, sentences, articles[["article_id", "source", "duplicate_of", "text"]],
                   catalogues.boilerplate)
    sentences = sentences.copy(deep=False)  # copy on write: only the new columns are new
    sentences["is_boilerplate"] = found.whole
    sentences["boilerplate_end"] = pd.array(np.where(found.marked_end >= 0, found.marked_end, None),
                                            dtype="Int64")

    rows = np.flatnonzero(found.marked_end >= 0)
    spans = pd.DataFrame({
        "article_id": sentences["article_id"].to_numpy(dtype=object)[rows],
        "sentence_id": sentences["sentence_id"].to_numpy(dtype=np.int64)[rows],
        "char_start": sentences["char_start"].to_numpy(dtype=np.int64)[rows],
        "marked_end": found.marked_end[rows],
        "whole": found.whole[rows],
    })
    summary: dict[str, tuple[int, int, int]] = {}
    if len(found.table):
        marked_rows = pd.Series(articles.set_index("article_id")["source"].astype(str)
                                .reindex(spans["article_id"]).to_numpy()).value_counts()
        for src, group in found.table[found.table["status"] != "kept: catalogue says never"].groupby("source"):
            summary[str(src)] = (int((group["kind"] == "sentence").sum()), int((group["kind"] == "dateline").sum()),
                                 int(marked_rows.get(src, 0)))

    mentions = _mark_mentions(tables["entity_mentions"], spans)
    article_themes = _article_themes(tables["sentence_themes"], spans[spans["whole"]],
                                     ThemeScorer.from_catalogue(catalogues.themes))
    counts = _without_boilerplate_words(tables["form_counts"], spans, articles, catalogues)
    # An outlet naming itself inside varying sentences ("قال لـCNN"): its own name words, where it
    # uses them far more than the others, leave its term counts too.
    names = outlet_name_words(catalogues.outlets, sorted(articles["source"].dropna().astype(str).unique()))
    own = self_references(tables["form_counts"], counts, articles, names, catalogues.boilerplate)
    counts[own.rows] = 0
    table = found.table
    if len(own.table):
        table = (pd.concat([found.table, own.table], ignore_index=True)
                 .sort_values(["source", "kind", "n_articles", "key"], ascending=[True, False, False, True],
                              kind="stable").reset_index(drop=True).astype(TABLE_COLUMNS))
    words: dict[str, list[str]] = {}
    for src, example, status in zip(own.table["source"], own.table["example"], own.table["status"]):
        if status != "kept: catalogue says never":
            words.setdefault(str(src), []).append(str(example))
    return Marked({"sentences": sentences, "entity_mentions": mentions, "article_themes": article_themes},
                  tables["form_counts"], counts, table, summary, words)


def _mark_mentions(mentions: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    out = mentions.copy(deep=False)  # copy on write: only the new column is new
    flag = np.zeros(len(out), dtype=bool)
    if len(spans) and len(out):
        touched = out["article_id"].isin(spans["article_id"].unique()).to_numpy()
        sub = out.loc[touched, ["article_id", "sentence_id", "char_start"]].copy()
        sub["sentence_id"] = sub["sentence_id"].astype("Int64")
        sub["_row"] = np.flatnonzero(touched)
        joined = sub.merge(spans[["article_id", "sentence_id", "marked_end"]].astype({"sentence_id": "Int64"}),
                           on=["article_id", "sentence_id"], how="inner")
        inside = joined["char_start"].astype("int64").to_numpy() < joined["marked_end"].to_numpy()
        flag[joined["_row"].to_numpy()[inside]] = True
    out["in_boilerplate"] = flag
    return out


def _article_themes(sentence_themes: pd.DataFrame, whole: pd.DataFrame, scorer: ThemeScorer) -> pd.DataFrame:
    """Article themes from the sentence themes of non-boilerplate sentences (as the scorer sums
    them: an article's score for a theme is the sum over its sentences)."""
    st = sentence_themes
    if len(whole) and len(st):
        drop = pd.MultiIndex.from_arrays([whole["article_id"].astype(str), whole["sentence_id"].astype(np.int64)])
        here = pd.MultiIndex.from_arrays([st["article_id"].astype(str), st["sentence_id"].astype(np.int64)])
        st = st[~here.isin(drop)]
    rows: list[dict] = []
    per_article: dict[str, float] = {}
    current = None
    # plain Python lists: iterating Arrow-backed string columns costs a conversion per value
    for aid, tid, score in zip(st["article_id"].astype(str).tolist(), st["theme_id"].astype(str).tolist(),
                               st["score"].astype(float).tolist()):
        if aid != current:
            if current is not None:
                rows.extend(scorer._article_rows(current, per_article))
            current, per_article = aid, {}
        per_article[tid] = per_article.get(tid, 0.0) + score
    if current is not None:
        rows.extend(scorer._article_rows(current, per_article))
    return pd.DataFrame(rows, columns=["article_id", "theme_id", "score", "share", "is_main"])


def _without_boilerplate_words(form_counts: pd.DataFrame, spans: pd.DataFrame, articles: pd.DataFrame,
                               catalogues: Catalogues) -> np.ndarray:
    """The form counts' ``count`` less the forms counted inside marked text (counted the way the
    article's own were, on the marked text alone), as an array aligned with the rows: the table
    (millions of rows on ANT) is never copied."""
    counts = form_counts["count"].to_numpy(dtype=np.int64, na_value=0).copy()
    if not len(spans):
        return counts
    texts = articles.set_index("article_id")["text"]
    minus: Counter[tuple[str, str, str]] = Counter()
    cache: dict[str, Counter] = {}
    for aid, start, end in zip(spans["article_id"], spans["char_start"], spans["marked_end"]):
        text = texts.get(aid)
        if not isinstance(text, str):
            continue
        piece = text[int(start):int(end)]
        if piece not in cache:  # boilerplate repeats: count each distinct text once
            doc = Doc.from_text("", piece, letter_names=catalogues.latin_letter_names)
            cache[piece] = article_form_counts(doc, catalogues.stopwords)
        for (form, spelling), n in cache[piece].items():
            minus[(aid, form, spelling)] += n
    if not minus:
        return counts
    sub = pd.DataFrame([(a, f, s, n) for (a, f, s), n in minus.items()],
                       columns=["article_id", "form", "spelling", "minus"])
    # Only rows of a touched article and a form boilerplate holds can change: few, found by hash.
    rows = np.flatnonzero(form_counts["article_id"].isin(sub["article_id"].unique()).to_numpy(bool)
                          & form_counts["form"].isin(sub["form"].unique()).to_numpy(bool))
    affected = form_counts.iloc[rows][["article_id", "form", "spelling"]].astype(str)
    affected["_row"] = rows
    joined = affected.merge(sub.astype({"article_id": str, "form": str, "spelling": str}),
                            on=["article_id", "form", "spelling"], how="inner")
    at = joined["_row"].to_numpy(np.int64)
    counts[at] = np.maximum(0, counts[at] - joined["minus"].to_numpy(np.int64))
    return counts
