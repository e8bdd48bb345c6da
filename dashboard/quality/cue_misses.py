"""Missed event links whose cue words are there: which condition of the cue rejects the sentence.

    python -m dashboard.quality.cue_misses --data OUT --gold GOLD [--all]

(OUT is a dataset ``python -m dashboard.quality --texts TEXTS --gold GOLD --data OUT`` built.) For
every event link the gold has and the dataset lacks (the strict ``event_mentions`` misses, gold ids
read through the gold folder's ID_MAP.csv, an event's ``part_of`` parts included), each cue of the
gold event (events.yaml) whose phrases or words match the sentence is checked condition by
condition in that sentence: its other text list, ``entities`` and ``any_entities`` (and whether the
article names them elsewhere), ``article_entities``, ``date`` (the sentence's dates, and the
previous sentence's), ``published`` (how far the publication is from the window), ``unless``,
``linked``, the future limit and, for a publication-timed cue, a contradicting date. A miss is
counted under the failing conditions of its closest cue (fewest failures, a cue whose text holds in
full first): "holds" when every condition holds (a later step dropped the link), "text partial"
when only part of a cue's text matches, "no cue text" when none does (a story sentence). The
table says which conditions of the catalogue's cues cost links; the lines say on which values.
Rebuilds each missed article's entity and date rows with the current catalogues (as the build).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from dashboard.catalogues import load_catalogues
from dashboard.extract.events import SentenceIndex, _dated, _iso, _overlaps, contradicted, future_limit
from dashboard.paths import CATALOGUE_DIR
from dashboard.pipeline.article import Extractors, _parse_iso
from dashboard.quality.__main__ import evaluate, read_table
from dashboard.quality.gold import load_id_map
from dashboard.text.document import Doc

TEXT = ("phrase", "words")


def cue_failures(index: SentenceIndex, sid: int, event, cue, linked: set[str], limit) -> tuple[list[str], list[str]]:
    """(what of the cue's text matched the sentence, each condition that fails there with its value).
    The conditions of EventLinker._evaluate, each checked on its own instead of stopping at the first
    that fails (tests/test_cue_misses.py holds the two to the same verdict), then those the linker
    applies after it (linked, the future limit, a contradicting date)."""
    hit, fails = [], []
    for label, phrases in (("phrase", cue.phrases), ("words", cue.words)):
        if phrases is None:
            continue
        found = index.matches(phrases, {sid})
        (hit.append(f"{label}={found[sid]}") if sid in found else fails.append(label))
    ents = index.entities.get(sid, set())
    named = index.article_entities
    if cue.entities and not set(cue.entities) <= ents:
        missing = sorted(set(cue.entities) - ents)
        fails.append(f"entities({'+'.join(missing)}; {'in the article' if set(missing) <= named else 'absent'})")
    if cue.any_entities and not set(cue.any_entities) & ents:
        fails.append(f"any_entities({'|'.join(cue.any_entities)}; "
                     f"{'in the article' if set(cue.any_entities) & named else 'absent'})")
    if cue.article_entities and not set(cue.article_entities) <= named:
        fails.append(f"article_entities({'+'.join(sorted(set(cue.article_entities) - named))})")
    if cue.date_window is not None and sid not in _dated(index, cue.date_window):
        here = [d[2] for d in index.dates.get(sid, ())]
        before = [d[2] for d in index.dates.get(sid - 1, ())]
        fails.append(f"date({cue.date_window[0]}..{cue.date_window[1]}; sentence {here[:3]}; previous {before[:2]})")
    published = index.doc.publication_period
    if cue.published_window is not None and (published is None or not _overlaps(published, cue.published_window)):
        days = (published[0] - cue.published_window[1]).days if published else None
        fails.append(f"published({cue.published_window[0]}..{cue.published_window[1]}; "
                     f"published {published[0] if published else None}, {days:+d} days after its end)"
                     if days is not None else "published(no publication date)")
    if cue.unless is not None:
        found = index.matches(cue.unless, {sid})
        if sid in found:
            fails.append(f"unless({found[sid]})")
    if cue.linked and event.id not in linked:
        fails.append("linked(the article links no sentence to the event)")
    start, end = _iso(event.date_start), _iso(event.date_end)
    if limit is not None and start > limit:
        fails.append(f"future(begins {start}, after {limit})")
    if cue.published_window and cue.date_window is None and contradicted(index, sid, start, end):
        fails.append(f"contradicted({[d[2] for d in index.dates.get(sid, ())][:3]})")
    return hit, fails


def classify(results: list[tuple]) -> str:
    """The table's key for one miss, from its matching cues' (event, cue number, hit, failures)."""
    if not results:
        return "no cue text"
    full = [r for r in results if not set(TEXT) & set(r[3])]
    *_, fails = min(full or results, key=lambda r: len(r[3]))
    if not fails:
        return "holds"
    return ("" if full else "text partial: ") + "+".join(sorted({f.split("(")[0] for f in fails}))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="the dataset built from the gold part's texts")
    ap.add_argument("--gold", type=Path, required=True, help="the gold folder")
    ap.add_argument("--all", action="store_true", help="print the misses no cue text matches too")
    args = ap.parse_args(argv)
    comparison = evaluate(args.data, args.gold, only_built=True)[0]["event_mentions"]
    to_product: dict[str, set[str]] = defaultdict(set)
    for product, gold in load_id_map(args.gold).get("event_mentions", {}).items():
        to_product[gold].add(product)
    catalogues = load_catalogues(CATALOGUE_DIR)
    ex = Extractors(catalogues)
    events = {e.id: e for e in catalogues.events}
    parts: dict[str, list[str]] = defaultdict(list)
    for e in catalogues.events:
        if e.part_of:
            parts[e.part_of].append(e.id)
    articles = read_table(args.data, "articles").set_index("article_id")
    linked = read_table(args.data, "event_mentions").groupby("article_id")["event_id"].agg(set).to_dict()
    table: Counter = Counter()
    indexes: dict[str, SentenceIndex] = {}
    for miss in comparison.false_negatives.sort_values(["article_id", "sentence_id"]).itertuples():
        aid, sid = miss.article_id, int(miss.sentence_id)
        if aid not in indexes:
            art = articles.loc[aid]
            doc = Doc.from_text(aid, art["text"], _parse_iso(art["published"]), art["published_precision"],
                                ex.letter_names)
            indexes[aid] = SentenceIndex(doc, ex.entities.find(doc), ex.dates.find(doc) + ex.elapsed.find(doc))
        index = indexes[aid]
        ids = {p for p in to_product.get(miss.event_id) or {miss.event_id} if p in events}
        ids |= {part for p in ids for part in parts.get(p, ())}
        limit = future_limit(index.doc.publication_period)
        results = []
        for eid in sorted(ids):
            for n, cue in enumerate(events[eid].cues):
                hit, fails = cue_failures(index, sid, events[eid], cue, linked.get(aid, set()), limit)
                if hit:
                    results.append((eid, n, hit, fails))
        key = classify(results)
        table[key] += 1
        if results or args.all:
            start, end = index.doc.sentences[sid]
            print(f"{aid} s{sid} {miss.event_id} [{key}]")
            print(f"    {index.doc.text[start:end][:240]}")
            for eid, n, hit, fails in results:
                print(f"    {eid} cue {n}: {', '.join(hit)} | fails: {'; '.join(fails) or '-'}")
    print(f"\nmissed event links by the failing conditions of their closest cue ({sum(table.values())})")
    for key, n in table.most_common():
        print(f"{n:5d}  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
