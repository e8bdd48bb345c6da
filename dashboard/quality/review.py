"""What an analyst should look at in ANY built dataset, gold or not (python -m dashboard.quality
--review): links to events that cannot be right by date, links made by an article's story (to check
by eye), variant and article-resolved entity
matches, provisional persons (not in the catalogue yet), candidate names, and event candidates (recurring event nouns with a place or actor and a
year that no catalogue event covers), each with the command that adds it to the catalogue.

Everything is read from the dataset's tables; nothing re-reads raw files.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from dashboard.extract.discovered_events import REFERRED, DiscoveryRules, parse_id
from dashboard.extract.provisional import DISCOVERED
from dashboard.schema import PROVISIONAL_PREFIX, is_provisional
from dashboard.text.clitics import peel
from dashboard.text.normalize import fold

FUTURE_MARGIN = timedelta(days=31)  # as dashboard/extract/events.py
CONTEXT = 50
# Event nouns (folded, clitic-free) an event candidate starts from, and the kind each names.
EVENT_NOUNS = {
    "قمه": "summit", "القمه": "summit", "انتخابات": "election", "الانتخابات": "election",
    "استفتاء": "referendum", "الاستفتاء": "referendum", "فيضانات": "floods", "الفيضانات": "floods",
    "زياره": "visit", "الزياره": "visit", "اتفاقيه": "agreement", "الاتفاقيه": "agreement",
    "اتفاقيات": "agreement", "الاتفاقيات": "agreement", "احتجاجات": "protests",
    "الاحتجاجات": "protests", "زلزال": "earthquake", "الزلزال": "earthquake", "منتدى": "forum",
    "المنتدى": "forum", "مؤتمر": "conference", "المؤتمر": "conference", "مناورات": "exercise",
    "المناورات": "exercise",
}
KIND_AR = {"summit": "قمة", "election": "انتخابات", "referendum": "استفتاء", "floods": "فيضانات",
           "visit": "زيارة", "agreement": "اتفاقية", "protests": "احتجاجات", "earthquake": "زلزال",
           "forum": "منتدى", "conference": "مؤتمر", "exercise": "مناورات"}
_WORD = re.compile(r"[^\W\d_]+")
# Entity types that make an event noun specific (a place or an actor, not a theme word).
ANCHOR_TYPES = {"country", "city", "region", "person", "organisation", "state_entity"}


def _published_end(published: str | None, precision: str | None) -> date | None:
    if not published or pd.isna(published):
        return None
    d = date.fromisoformat(str(published)[:10])
    if precision == "year":
        return date(d.year, 12, 31)
    if precision == "month":
        nxt = date(d.year + d.month // 12, d.month % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return d


def impossible_event_links(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Event links to an event beginning more than a month after the article's publication period
    whose evidence does not speak of it as planned (the cue names no planned word)."""
    links, articles, events = tables["event_mentions"], tables["articles"], tables["events"]
    if links.empty:
        return links.assign(published=pd.Series(dtype="string"), date_start=pd.Series(dtype="string"))
    pub = articles.set_index("article_id")[["published", "published_precision"]]
    start = events.set_index("event_id")["date_start"]
    out = []
    for row in links.itertuples(index=False):
        if row.article_id not in pub.index or row.event_id not in start.index:
            continue
        published, precision = pub.loc[row.article_id]
        end = _published_end(published, precision)
        begins = date.fromisoformat(str(start.loc[row.event_id]))
        if end is not None and begins > end + FUTURE_MARGIN and "planned:" not in str(row.cue):
            out.append({**row._asdict(), "published": str(published), "date_start": str(begins)})
    return pd.DataFrame(out, columns=[*links.columns, "published", "date_start"])


def review_matches(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Entity mentions not matched exactly (variant spellings, bare names resolved in the
    article), most frequent first, one row per (entity, surface, how)."""
    mentions = tables["entity_mentions"]
    if "match" not in mentions.columns:
        return pd.DataFrame(columns=["entity_id", "surface", "alias", "match", "count", "example_article_id"])
    rows = mentions[(mentions["match"] != "exact") & (mentions["match"] != DISCOVERED)]
    if rows.empty:
        return pd.DataFrame(columns=["entity_id", "surface", "alias", "match", "count", "example_article_id"])
    grouped = rows.groupby(["entity_id", "surface", "alias", "match"], observed=True, sort=True)
    out = grouped.agg(count=("article_id", "size"), example_article_id=("article_id", "first")).reset_index()
    return out.sort_values(["count", "entity_id", "surface"], ascending=[False, True, True], kind="stable")


def provisional_persons(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per provisional person (entity id new:...): its name as first written in full, its
    mentions and articles, and where its first full mention is; most articles first."""
    columns = ["entity_id", "name_ar", "mentions", "n_articles", "example_article_id", "char_start", "char_end"]
    mentions = tables["entity_mentions"]
    new = mentions[mentions["entity_id"].astype(str).str.startswith(PROVISIONAL_PREFIX)]
    if new.empty:
        return pd.DataFrame(columns=columns)
    counted = new.groupby("entity_id", sort=True).agg(mentions=("article_id", "size"),
                                                      n_articles=("article_id", "nunique"))
    first = new[new["surface"].astype(str).str.contains(" ", regex=False)].drop_duplicates("entity_id") \
        .set_index("entity_id")
    names = dict(zip(tables["entities"]["entity_id"], tables["entities"]["name_ar"]))
    out = counted.join(first[["article_id", "char_start", "char_end"]]).reset_index()
    out = out.rename(columns={"article_id": "example_article_id"})
    out["name_ar"] = [names.get(e, e) for e in out["entity_id"]]
    return out[columns].sort_values(["n_articles", "mentions", "entity_id"], ascending=[False, False, True],
                                    kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class EventCandidate:
    kind: str
    anchor: str          # entity id (place or actor)
    year: int
    n_articles: int
    example_article_id: str
    example: str

    def suggested_id(self) -> str:
        return f"{self.anchor}_{self.kind}_{self.year}"

    def command(self, anchor_name: str) -> str:
        return (f'python -m dashboard.catalogue add-event {self.suggested_id()} '
                f'--name-ar "{KIND_AR[self.kind]} {anchor_name} {self.year}" --name-en "..." '
                f'--start {self.year}-MM-DD --end {self.year}-MM-DD --word {KIND_AR[self.kind]} '
                f'--entity {self.anchor}')


def discovered_events(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per discovered event (id new:..., extract/discovered_events.py): its label, dates,
    links and articles, and its first naming sentence; most articles first."""
    columns = ["event_id", "name_ar", "name_en", "date_start", "date_end", "mentions", "n_articles",
               "example_article_id", "char_start", "char_end"]
    links = tables["event_mentions"]
    new = links[links["event_id"].astype(str).map(is_provisional)]
    if new.empty:
        return pd.DataFrame(columns=columns)
    counted = new.groupby("event_id", sort=True).agg(mentions=("article_id", "size"),
                                                     n_articles=("article_id", "nunique"))
    naming = new[~new["cue"].astype(str).str.contains(REFERRED, regex=False)]
    first = naming.sort_values(["article_id", "sentence_id"]).drop_duplicates("event_id").set_index("event_id")
    events = tables["events"].set_index("event_id")
    out = counted.join(first[["article_id", "char_start", "char_end"]]).join(
        events[["name_ar", "name_en", "date_start", "date_end"]]).reset_index()
    out = out.rename(columns={"article_id": "example_article_id"})
    return out[columns].sort_values(["n_articles", "mentions", "event_id"], ascending=[False, False, True],
                                    kind="stable").reset_index(drop=True)


def promotion_command(row, rules: DiscoveryRules | None) -> str:
    """The analyst command that adds a discovered event to events.yaml (its kind's nouns as words,
    its anchor's entities); after a rebuild its links carry the new catalogue id."""
    kind, anchor, period = parse_id(row.event_id) or ("event", "", "")
    slug = re.sub(r"[^a-z0-9_]", "_", f"{anchor.replace('+', '_')}_{kind}_{period.replace('-', '_')}")
    spec = rules.by_name.get(kind) if rules is not None else None
    words = sorted(spec.noun_words) if spec is not None and spec.noun_words else [kind]
    quoted = " ".join(f'--word "{w}"' for w in words)
    entities = " ".join(f"--entity {e}" for e in anchor.split("+") if e)
    name_ar = str(row.name_ar).replace('"', "'")
    return (f'python -m dashboard.catalogue add-event {slug} --name-ar "{name_ar}" '
            f'--name-en "{row.name_en}" --start {row.date_start} --end {row.date_end} {quoted} {entities}')


def story_links(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Event links made by an article's story, not by a name (cue ``context: ...``,
    dashboard/extract/event_context.py, or ``story: p=...``, the learned story linker,
    dashboard/extract/story.py): the ones to check by eye."""
    links = tables["event_mentions"]
    return links[links["cue"].str.startswith(("context:", "story:"))]


def event_candidates(tables: dict[str, pd.DataFrame], min_articles: int = 2) -> list[EventCandidate]:
    """Recurring (event noun, place or actor, year) combinations in sentences that no catalogue
    event is linked to, found in at least ``min_articles`` articles."""
    articles, sentences = tables["articles"], tables["sentences"]
    mentions, dates, links = tables["entity_mentions"], tables["date_mentions"], tables["event_mentions"]
    entity_type = dict(zip(tables["entities"]["entity_id"], tables["entities"]["type"]))
    linked = set(zip(links["article_id"], links["sentence_id"].astype(int)))
    by_sentence: dict[tuple[str, int], list[str]] = defaultdict(list)
    for aid, sid, eid in zip(mentions["article_id"], mentions["sentence_id"], mentions["entity_id"]):
        if entity_type.get(eid) in ANCHOR_TYPES:
            by_sentence[(aid, int(sid))].append(str(eid))
    years: dict[tuple[str, int], set[int]] = defaultdict(set)
    for aid, sid, start in zip(dates["article_id"], dates["sentence_id"], dates["date_start"]):
        if isinstance(start, str) and start[:4].isdigit():
            years[(aid, int(sid))].add(int(start[:4]))
    published = {aid: int(str(p)[:4]) for aid, p in zip(articles["article_id"], articles["published"])
                 if isinstance(p, str) and p[:4].isdigit()}
    texts = dict(zip(articles["article_id"], articles["text"]))
    seen: dict[tuple[str, str, int], set[str]] = defaultdict(set)
    example: dict[tuple[str, str, int], tuple[str, str]] = {}
    for aid, sid, a, b in zip(sentences["article_id"], sentences["sentence_id"],
                              sentences["char_start"], sentences["char_end"]):
        key = (aid, int(sid))
        if key in linked or key not in by_sentence:
            continue
        text = texts[aid][int(a):int(b)]
        kinds = {EVENT_NOUNS[r] for w in _WORD.findall(fold(text)) for r in peel(w) if r in EVENT_NOUNS}
        if not kinds:
            continue
        year_set = years.get(key) or ({published[aid]} if aid in published else set())
        for kind in kinds:
            for anchor in set(by_sentence[key]):
                for year in year_set:
                    k = (kind, anchor, year)
                    seen[k].add(aid)
                    example.setdefault(k, (aid, " ".join(text.split())[:200]))
    out = [EventCandidate(kind, anchor, year, len(aids), *example[(kind, anchor, year)])
           for (kind, anchor, year), aids in seen.items() if len(aids) >= min_articles]
    return sorted(out, key=lambda c: (-c.n_articles, c.kind, c.anchor, c.year))


def read_tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    names = ("articles", "sentences", "entities", "entity_mentions", "date_mentions", "events",
             "event_mentions", "candidates")
    out = {}
    for name in names:
        path = data_dir / f"{name}.parquet"
        if not path.exists():
            raise SystemExit(f"{path} not found: build the dataset first (python -m dashboard.build)")
        out[name] = pd.read_parquet(path)
    return out


SENTENCE_SHOWN = 120  # characters of a long linked sentence the review prints


def _context(text: str, start: int, end: int) -> str:
    return " ".join((text[max(0, start - CONTEXT):start] + "[" + text[start:end] + "]"
                     + text[end:end + CONTEXT]).split())


def _sentence_context(texts: dict[str, str], row) -> str:
    """An event link's sentence in its context; a longer one than SENTENCE_SHOWN characters is cut
    at a word's end and marked "…]" (a bracket inside a word would read as a wrong span)."""
    text, start, end = texts.get(row.article_id, ""), int(row.char_start), int(row.char_end)
    if end - start <= SENTENCE_SHOWN:
        return _context(text, start, end)
    cut = text.rfind(" ", start, start + SENTENCE_SHOWN)
    cut = cut if cut > start else start + SENTENCE_SHOWN
    return " ".join((text[max(0, start - CONTEXT):start] + "[" + text[start:cut] + " …]").split())


def report_review(data_dir: Path, out, limit: int = 40, rules: DiscoveryRules | None = None) -> int:
    """Print the review sections; return the number of impossible event links. ``rules``: the
    catalogue's discovered_events rules (the words of each kind, for the promotion command)."""
    tables = read_tables(data_dir)
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"]))
    names = dict(zip(tables["entities"]["entity_id"], tables["entities"]["name_ar"]))

    bad = impossible_event_links(tables)
    print(f"\nevent links impossible by date (event begins > 1 month after publication, "
          f"no planned word): {len(bad)}", file=out)
    for row in bad.head(limit).itertuples(index=False):
        print(f"  {row.article_id} published {row.published}: {row.event_id} (begins {row.date_start}) "
              f"| {row.cue} | {_sentence_context(texts, row)}", file=out)

    story = story_links(tables)
    print(f"\nevent links by the article's story (cue 'context:' or 'story:', no name of the event in the sentence): "
          f"{len(story)} in {story['article_id'].nunique()} articles", file=out)
    for row in story.head(limit).itertuples(index=False):
        print(f"  {row.article_id} s{row.sentence_id}: {row.event_id} | {row.cue} | {_sentence_context(texts, row)}",
              file=out)

    matches = review_matches(tables)
    n = int(matches["count"].sum()) if len(matches) else 0
    print(f"\nentity matches to review (variant spellings, bare names resolved in the article): "
          f"{n} mentions, {len(matches)} distinct", file=out)
    mentions = tables["entity_mentions"]
    for row in matches.head(limit).itertuples(index=False):
        ex = mentions[(mentions["article_id"] == row.example_article_id) & (mentions["surface"] == row.surface)].iloc[0]
        print(f"  {row.match:<8} {row.entity_id:<20} {row.surface} ~ {row.alias} ({row.count}x) "
              f"| {_context(texts.get(row.example_article_id, ''), int(ex.char_start), int(ex.char_end))}",
              file=out)
    if len(matches):
        print("  a right variant: python -m dashboard.catalogue add-alias ENTITY_ID \"SURFACE\"; "
              "a wrong one: add the word to data/catalogues/entities/blockers.yaml", file=out)

    persons = provisional_persons(tables)
    print(f"\nprovisional entities (not in the catalogue: persons found after a title or role, bodies "
          f"named in quotes after their noun; counted as 'unreviewed'): {len(persons)} ids, "
          f"{int(persons['mentions'].sum()) if len(persons) else 0} mentions", file=out)
    for row in persons.head(limit).itertuples(index=False):
        where = _context(texts.get(row.example_article_id, ""), int(row.char_start), int(row.char_end)) \
            if not pd.isna(row.char_start) else ""
        print(f"  {row.entity_id:<28} {row.name_ar} ({row.mentions}x in {row.n_articles} articles) | {where}",
              file=out)
    if len(persons):
        print("  a right one: add it to data/catalogues/entities/people.yaml (a body: organisations.yaml) "
              "(- {id: ..., name_ar: ..., name_en: ..., aliases: [...]}) and rebuild; a wrong person: its "
              "first word to not_name_words in data/catalogues/discovery_triggers.yaml", file=out)

    found = discovered_events(tables)
    links = tables["event_mentions"]
    n_links = int(links["event_id"].astype(str).map(is_provisional).sum()) if len(links) else 0
    print(f"\ndiscovered events (not in the catalogue: an event noun with a place or party and a date, "
          f"one id per event across articles; counted as 'unreviewed'): {len(found)} ids, {n_links} links",
          file=out)
    for row in found.head(limit).itertuples(index=False):
        where = _context(texts.get(row.example_article_id, ""), int(row.char_start),
                         min(int(row.char_end), int(row.char_start) + 160)) if not pd.isna(row.char_start) else ""
        print(f"  {row.event_id:<36} {row.name_en} {row.date_start}..{row.date_end} ({row.mentions}x in "
              f"{row.n_articles} articles) | {row.name_ar} | {row.example_article_id}: {where}\n"
              f"    {promotion_command(row, rules)}", file=out)
    if len(found):
        print("  a right one: run its command (review the name and dates first) and rebuild: its links take the "
              "catalogue id; a wrong one: the word that misled it to 'unless' or 'generic' in "
              "data/catalogues/discovered_events.yaml", file=out)

    cands = tables["candidates"].sort_values(["n_articles", "count", "candidate"], ascending=[False, False, True])
    print(f"\ncandidate names (after titles, not in the catalogue): {len(cands)}", file=out)
    for row in cands.head(limit).itertuples(index=False):
        print(f"  {row.candidate} ({row.trigger}; {row.count}x in {row.n_articles} articles) | {row.example}",
              file=out)

    events = event_candidates(tables)
    print(f"\nevent candidates (event noun + place/actor + year, in >= 2 articles, no event linked): "
          f"{len(events)}", file=out)
    for c in events[:limit]:
        print(f"  {KIND_AR[c.kind]} + {c.anchor} + {c.year}: {c.n_articles} articles | {c.example_article_id}: "
              f"{c.example}\n    {c.command(names.get(c.anchor, c.anchor))}", file=out)
    return len(bad)

