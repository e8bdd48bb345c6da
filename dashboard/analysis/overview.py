"""Overview panel: headline figures, the article table, and the reader's highlighted HTML."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from dashboard.analysis.common import article_titles, frame, mention_mask
from dashboard.analysis.filters import Selection
from dashboard.dataset import Dataset

ARTICLE_COLUMNS = {"article_id": "string", "title": "string", "source": "string",
                   "published": "datetime64[s]", "themes": "string", "themes_en": "string",
                   "n_sentences": "int64", "url": "string"}
THEME_SEP = "، "


def headline(ds: Dataset, sel: Selection) -> dict:
    """Counts for the headline cards; dates are datetime.date or None."""
    ix = ds.ix
    n_sources = int(np.count_nonzero(np.bincount(ix.article_source[sel.article_mask], minlength=len(ix.sources))))
    # Mentions only: entity_mention_counts also builds the distinct (article, entity) pairs, 80 of
    # the 100 ms this took on ANT's first page, which no headline figure needs.
    mentions = (np.bincount(ix.mention_entity[mention_mask(ds, sel, True)], minlength=len(ix.entity_ids))
                if not sel.empty else np.zeros(0, np.int64))
    ev_art = ix.event_mention_article
    ev_ok = (ev_art >= 0) & (ix.event_mention_event >= 0)
    if len(ev_art):
        ev_ok &= sel.article_mask[np.maximum(ev_art, 0)]
    pub = ix.article_published[sel.article_mask]
    pub = pub[~np.isnat(pub)]
    return {
        "articles": sel.n_articles,
        "sentences": sel.n_sentences,
        "words": int(ix.article_words[sel.article_mask].sum()),
        "sources": n_sources,
        "entities": int(np.count_nonzero(mentions)),
        "entity_mentions": int(mentions.sum()),
        "events": int(len(np.unique(ix.event_mention_event[ev_ok]))),
        "date_from": pub.min().astype(object) if len(pub) else None,
        "date_to": pub.max().astype(object) if len(pub) else None,
    }


def _main_theme_names(ds: Dataset) -> pd.DataFrame:
    """Per article (index: article codes' ids), its main themes' names joined, best score first.
    Built rank by rank over whole columns: a pandas groupby-join took over a second on ANT."""
    def compute() -> pd.DataFrame:
        at = ds.article_themes[ds.article_themes["is_main"].fillna(False).astype(bool)]
        at = at.merge(ds.themes[["theme_id", "name_ar", "name_en"]], on="theme_id", how="left")
        code = np.searchsorted(ds.ix.article_ids, at["article_id"].fillna("").to_numpy(dtype=object))
        code = np.minimum(code, max(len(ds.ix.article_ids) - 1, 0))
        known = ds.ix.article_ids[code] == at["article_id"].fillna("").to_numpy(dtype=object) \
            if len(ds.ix.article_ids) else np.zeros(len(at), bool)
        at, code = at[known], code[known]
        order = np.lexsort((at["theme_id"].to_numpy(dtype=str), -at["score"].fillna(0).to_numpy(float), code))
        code = code[order]
        names = {lang: at[f"name_{lang}"].fillna(at["theme_id"]).to_numpy(dtype=object)[order]
                 for lang in ("ar", "en")}
        first = np.r_[True, code[1:] != code[:-1]] if len(code) else np.zeros(0, bool)
        rank = np.arange(len(code)) - np.maximum.accumulate(np.where(first, np.arange(len(code)), 0))
        n = len(ds.ix.article_ids)
        out = {}
        for lang, sep in (("ar", THEME_SEP), ("en", ", ")):
            joined = np.full(n, "", dtype=object)
            for r in range(int(rank.max()) + 1 if len(rank) else 0):
                at_r = rank == r
                prefix = "" if r == 0 else sep
                joined[code[at_r]] = joined[code[at_r]] + prefix + names[lang][at_r]
            out["themes" if lang == "ar" else "themes_en"] = joined
        return pd.DataFrame(out, index=ds.ix.article_ids)

    return ds.memo(("main_theme_names",), compute)


def article_table(ds: Dataset, sel: Selection) -> pd.DataFrame:
    """The selected articles, newest first (undated last), with their main themes' names
    (``themes`` in Arabic, ``themes_en`` in English)."""
    def compute():
        names = _main_theme_names(ds)
        arts = ds.articles
        full = pd.DataFrame({
            "article_id": ds.ix.article_ids, "title": article_titles(ds),
            "source": arts["source"].to_numpy(dtype=object), "published": ds.ix.article_published,
            "themes": names["themes"].to_numpy(dtype=object),
            "themes_en": names["themes_en"].to_numpy(dtype=object),
            "n_sentences": arts["n_sentences"].fillna(0).to_numpy(np.int64),
            "url": arts["url"].to_numpy(dtype=object),
        }).astype(ARTICLE_COLUMNS)
        full["_code"] = np.arange(len(full))
        full = full.sort_values(["published", "article_id"], ascending=[False, True], na_position="last")
        return full.drop(columns="_code").reset_index(drop=True), full["_code"].to_numpy()

    if sel.empty:
        return frame(ARTICLE_COLUMNS)
    table, codes = ds.memo(("article_table",), compute)
    return table[sel.article_mask[codes]].reset_index(drop=True)


def _spans(ds: Dataset, article_id: str, lang: str, length: int,
           type_names: Mapping[str, str] | None = None,
           query_spans: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str, str]]:
    """(start, end, class, title) of every highlight in one article, overlaps resolved; what
    the search matched (``query_spans``, class ``hit``) wins over the other marks."""
    en = lang == "en"
    spans: list[tuple[int, int, str, str]] = [
        (int(s), int(e), "hit", "search" if en else "البحث") for s, e in query_spans]
    ents = ds.memo(("entities_by_id",), lambda: ds.entities.set_index("entity_id"))
    code = int(np.searchsorted(ds.ix.article_ids, article_id))
    em = ds.entity_mentions.iloc[np.flatnonzero(ds.ix.mention_article == code)]
    for r in em.itertuples(index=False):
        name = r.entity_id
        if r.entity_id in ents.index:
            e = ents.loc[r.entity_id]
            kind = (type_names or {}).get(e["type"], e["type"])
            name = f"{e['name_en'] if en else e['name_ar']} ({kind})"
        if r.form == "adjective":
            name += " — adjective" if en else " — صفة"
        spans.append((int(r.char_start), int(r.char_end), "ent", name))
    dm = ds.date_mentions[(ds.date_mentions["article_id"] == article_id).fillna(False).to_numpy(bool)]
    for r in dm.itertuples(index=False):
        when = r.date_start if r.date_end in (None, r.date_start) or pd.isna(r.date_end) else f"{r.date_start} – {r.date_end}"
        spans.append((int(r.char_start), int(r.char_end), "date", str(when)))
    evs = ds.memo(("events_by_id",), lambda: ds.events.set_index("event_id"))
    vm = ds.event_mentions.iloc[np.flatnonzero(ds.ix.event_mention_article == code)]
    for r in vm.itertuples(index=False):
        name = r.event_id
        if r.event_id in evs.index:
            name = evs.loc[r.event_id, "name_en" if en else "name_ar"]
        spans.append((int(r.char_start), int(r.char_end), "event", str(name)))
    # Shorter, more specific marks win over the event cue spans; among equals, the earlier one.
    rank = {"hit": -1, "ent": 0, "date": 1, "event": 2}
    spans = [s for s in spans if 0 <= s[0] < s[1] <= length]
    spans.sort(key=lambda s: (rank[s[2]], s[0], -(s[1] - s[0])))
    taken: list[tuple[int, int, str, str]] = []
    for s in spans:
        if all(s[1] <= t[0] or s[0] >= t[1] for t in taken):
            taken.append(s)
    return sorted(taken)


def reader_html(ds: Dataset, article_id: str, lang: str = "ar",
                type_names: Mapping[str, str] | None = None,
                query_spans: Sequence[tuple[int, int]] = ()) -> str:
    """The article as safe HTML: all text escaped, search hits and entity/date/event spans in
    <mark>, one <p> per paragraph (line). Empty string for an unknown article."""
    rows = np.flatnonzero(ds.ix.article_ids == article_id)
    if not len(rows):
        return ""
    text = ds.article_text(int(rows[0]))
    pieces: list[str] = []
    pos = 0
    for start, end, cls, title in _spans(ds, article_id, lang, len(text), type_names, query_spans):
        if "\n" in text[start:end]:  # a mark must not straddle paragraphs
            continue
        pieces.append(html.escape(text[pos:start]))
        pieces.append(f'<mark class="{cls}" title="{html.escape(title, quote=True)}">'
                      f"{html.escape(text[start:end])}</mark>")
        pos = end
    pieces.append(html.escape(text[pos:]))
    paragraphs = [p.strip() for p in re.split(r"\n+", "".join(pieces)) if p.strip()]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f'<div class="reader" dir="rtl" lang="ar">{body}</div>'
