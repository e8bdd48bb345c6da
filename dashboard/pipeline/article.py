"""Per-article work: one article in, its rows of every per-article table out.

Runs in worker processes. The extractors are built once per process from the build's one
``Catalogues`` object (handed to the workers, never re-read from disk) and every article goes
through the same ``Doc``: nothing re-tokenises.
An extractor that fails on one article costs that article's rows of that table only, never
the article: the failure is recorded as a warning.
"""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from dashboard.catalogues import Catalogues
from dashboard.extract.dates import DateExtractor
from dashboard.extract.discovered_events import EventDiscoverer
from dashboard.extract.discovery import candidates_in
from dashboard.extract.elapsed import ElapsedTime
from dashboard.extract.entities import INSIDE_EVENT_NAME, EntityMatcher
from dashboard.extract.event_names import GeneratedNames, redate_event_months
from dashboard.extract.events import EventLinker
from dashboard.extract.provisional import ProvisionalFinder
from dashboard.extract.story import StoryLinker
from dashboard.extract.themes import ThemeScorer
from dashboard.pipeline.tables import PER_ARTICLE_TABLES, columns_of
from dashboard.schema import is_provisional
from dashboard.text import word_frequencies
from dashboard.text.boilerplate import sentence_keys
from dashboard.text.document import Doc
from dashboard.text.duplicates import article_fingerprint
from dashboard.text.terms import article_form_counts


@dataclass(frozen=True)
class ArticleInput:
    """What extraction depends on; everything else about an article is metadata."""

    article_id: str
    text: str
    published: str | None
    published_precision: str
    origin: str
    source: str | None = None  # the outlet: evidence for its name where the article credits it


class Extractors:
    """Every per-article stage, built from one Catalogues object."""

    def __init__(self, catalogues: Catalogues):
        self.catalogues = catalogues
        self.entities = EntityMatcher(catalogues.entities)
        self.dates = DateExtractor(catalogues.date_words)
        self.elapsed = ElapsedTime(catalogues.elapsed_time)
        generated = GeneratedNames(catalogues.events, catalogues.raw["events"], catalogues.event_kinds,
                                   self.entities, catalogues.date_words.months, catalogues.stopwords)
        self.events = EventLinker(catalogues.events, catalogues.planned_words, generated, catalogues.event_series)
        self.discovered_events = EventDiscoverer(catalogues.discovered_events, generated, catalogues.planned_words,
                                                 catalogues.events)
        self.story = StoryLinker(catalogues.story_model, generated, catalogues.events, catalogues.discovered_events,
                                 catalogues.planned_words, catalogues.provisional.speech_verbs, catalogues.stopwords)
        self.themes = ThemeScorer.from_catalogue(catalogues.themes)
        self.triggers = catalogues.discovery
        self.provisional = ProvisionalFinder(catalogues.provisional, self.entities, catalogues.stopwords,
                                             catalogues.date_words.months, catalogues.latin_letter_names,
                                             catalogues.name_model)
        self.stopwords = catalogues.stopwords
        self.letter_names = catalogues.latin_letter_names
        word_frequencies.preload()  # part of the set-up a forked worker inherits (run._pool)


_WORKER: Extractors | None = None


def init_worker(setup: Catalogues | Extractors) -> None:
    """Give this worker process its extractors: built here from the catalogues, or already built
    (by the parent before it forked this process, see run._pool)."""
    global _WORKER
    _WORKER = setup if isinstance(setup, Extractors) else Extractors(setup)
    # The extractors (catalogues, compiled grammars, word tables) live as long as the worker: out
    # of the collector's generations, a full collection no longer walks them (its GC time on 1,500
    # ANT articles fell from ~0.37 to ~0.23 CPU-s of ~17), nor, in a forked worker, writes to their
    # headers, which would copy the pages it shares with the parent (Python's gc.freeze advice).
    gc.freeze()


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def process_article(art: ArticleInput, ex: Extractors, out: dict[str, list]) -> dict:
    """Append the article's rows to ``out``; return its computed article columns."""
    doc = Doc.from_text(art.article_id, art.text, _parse_iso(art.published), art.published_precision,
                        ex.letter_names)
    _extend_columns(out["sentences"], art.article_id, len(doc.sentences), {
        "sentence_id": range(len(doc.sentences)),
        "char_start": [s for s, _ in doc.sentences], "char_end": [e for _, e in doc.sentences]})

    def guarded(what: str, call, default):
        try:
            return call()
        except Exception as exc:  # one article's bad luck must not stop the build
            out["process_warnings"].append({
                "origin": art.origin, "article_id": art.article_id,
                "message": f"{what} failed on this article ({type(exc).__name__}: {exc}); "
                           f"the article is kept without {what} rows",
            })
            return default

    ents = guarded("entity extraction", lambda: ex.entities.find(doc), None)
    entities_failed = ents is None
    ents = ents or []
    dates = guarded("date extraction", lambda: ex.dates.find(doc), [])
    # "بعد عام على زيارة ماكرون": an elapsed time dates its sentence for the catalogue's links only
    # (it is no date mention: the dates table does not take it; nor does discovery, which would
    # date a new event by a length said of something else: "منذ دحر تنظيم الدولة قبل ستة أشهر")
    # persons the catalogue does not know, under provisional ids: after the catalogue's mentions
    # (never over them); candidates read the catalogue's alone
    # (not when the catalogue's mentions failed: the finder would read names the catalogue knows
    # as new ones, and the failure costs the article's entity rows, all of them)
    new = [] if entities_failed else guarded("provisional entities", lambda: ex.provisional.find(doc, ents, art.source), [])
    # events read the catalogue's persons, also where the finder knows them by another spelling ("سادير
    # زاباروف" for Japarov: "بعد 3 أشهر من انتخاب سادير زاباروف رئيسا" is his election), not new persons
    known = ents + [r for r in new if not is_provisional(str(r["entity_id"]))]
    event_dates = dates + guarded("elapsed-time phrases", lambda: ex.elapsed.find(doc), [])
    events = guarded("event linking", lambda: ex.events.find(doc, known, event_dates), [])
    guarded("event months", lambda: redate_event_months(dates, events, ex.catalogues.events), None)
    # events the catalogue lacks, under provisional ids (after the catalogue's links, never over them but
    # where the sentence's own visit contradicts a catalogue visit: EventDiscoverer.contradicted)
    events, found = guarded("event discovery", lambda: ex.discovered_events.overrule(doc, known, dates, events),
                            (events, []))
    sent_themes, art_themes = guarded("theme scoring", lambda: ex.themes.score(doc), ([], []))
    cands = guarded("candidate discovery", lambda: candidates_in(doc, ents, ex.triggers), [])
    forms = guarded("term counting", lambda: article_form_counts(doc, ex.stopwords), {})

    # a place inside an event series' name (محادثات أستانا) served the event linker only
    mentions = [e for e in ents if not e.get(INSIDE_EVENT_NAME)] + new
    linked = events + found
    # the learned story links (story.py), last: from the tables' own rows, as its training set reads them
    if ex.story.active:
        linked = guarded("story links", lambda: ex.story.apply(doc, mentions, dates, linked), linked)
    out["entity_mentions"].extend(mentions)
    out["date_mentions"].extend(dates)
    out["event_mentions"].extend(linked)
    out["sentence_themes"].extend(sent_themes)
    out["article_themes"].extend(art_themes)
    out["candidate_rows"].extend(cands)
    _extend_columns(out["form_counts"], art.article_id, len(forms), {
        "form": [form for form, _ in forms], "spelling": [spelling for _, spelling in forms],
        "count": forms.values()})
    out["sentence_keys"].extend(sentence_keys(art.article_id, art.text, doc.sentences, doc.norm))
    exact_key, minhash = article_fingerprint(doc.forms)
    out["article_fingerprints"].append({"article_id": art.article_id, "exact_key": exact_key, "minhash": minhash})
    return {
        "article_id": art.article_id,
        "text_normalized": doc.norm.text,
        "n_sentences": len(doc.sentences),
        "n_tokens": len(doc.tokens),
    }


# The tables with many rows per article are gathered column by column (no dict per row, no
# second pass to pull each column out of the rows): sentences and form counts.
_COLUMNAR = ("sentences", "form_counts")


def _extend_columns(columns: dict[str, list], article_id: str, n: int, values: dict) -> None:
    """Append ``n`` rows of one article to a columnar table (``values``: its other columns)."""
    columns["article_id"].extend([article_id] * n)
    for name, column in values.items():
        columns[name].extend(column)


def process_batch(batch: list[ArticleInput], ex: Extractors | None = None) -> dict[str, pa.Table]:
    """Process articles; return the rows of every per-article table plus 'article_stats'.

    Arrow tables, not DataFrames or row dicts: they pickle as a few buffers, and the main process
    holds millions of rows (form_counts) without a Python object per value."""
    ex = ex or _WORKER
    if ex is None:
        raise RuntimeError("process_batch called in a worker that was not initialised")
    out: dict = {name: {col: [] for col in columns_of(name)} if name in _COLUMNAR else []
                 for name in PER_ARTICLE_TABLES}
    out["article_stats"] = [process_article(art, ex, out) for art in batch]
    return {name: pa.Table.from_pydict(rows if name in _COLUMNAR else
                                       {col: [row[col] for row in rows] for col in columns_of(name)})
            for name, rows in out.items()}


def frame_of(name: str, parts: list[pa.Table], sort_keys: list[str]) -> pd.DataFrame:
    """One DataFrame from a table's batches, sorted by ``sort_keys``; types as pandas infers them
    from the Python values (Arrow's conversion gives the same: str, int64, float64 where ints meet
    nulls, object bools). Arrow's sort is stable, orders strings by code point and puts nulls
    last, as pandas' stable sort_values does, at a fraction of its cost on millions of rows."""
    parts = [p for p in parts if p.num_rows]
    if not parts:
        return pd.DataFrame(columns=columns_of(name))
    table = pa.concat_tables(parts, promote_options="default")
    if sort_keys:
        table = table.sort_by([(key, "ascending") for key in sort_keys])
    return table.to_pandas()
