"""Variant names generated for every catalogue event from the parts of its own name.

An event's name (name_ar and the ``names`` events.yaml gives it) holds a defining noun of one of
the kinds of events.yaml's ``event_kinds`` (قمة، الانتخابات الرئاسية، استفتاء، زيارة، فيضانات،
احتجاجات ...) and the parts that say which one: a body, a place, an actor ("قمة منظمة شنغهاي
للتعاون في سمرقند": sco, samarkand, and the words شنغهاي، سمرقند). Text names the same event in any
order and form: "قمة شنغهاي"، "قمة منظمة شنغهاي للتعاون في سمرقند"، "القمة ... في سمرقند"، "قمة
شانغهاي" (an unseen spelling), "أحداث يناير" (its month). A sentence is linked when it holds

- a noun of the event's kind, and
- the name: one of the name's entities (or a parent or child place: أستانا for كازاخستان), or a
  name word right after the noun as written or with the same variant key (dashboard/text/variants),
  or the event's month right after the noun; a kind may need the name's person too (a visit), and
- time: a date mention in the sentence overlapping the event, or the article published from
  LEAD_DAYS before the event to TAIL_DAYS after it (longer when the sentence names the event by
  its month: "أحداث يناير" is recalled for years).

Events of one kind compete: a sentence keeps the one nearest in time (a dated one first), and none
when a catalogue cue already linked it to another event of that kind. The future check of events.py
applies as to every link. Once the article is linked to an event, the kind's nouns alone ("القمة"،
"الاستفتاء"، "الحادث") refer to it, when no other event of the kind is linked in that article and the
word's own phrase names no other body or (for one country's event) no other country's place
(``follow_ups``); a one-country event's own noun without a place does too ("انتخابات الرئاسة").
An article published on an event (NEWS_LEAD_DAYS before to NEWS_TAIL_DAYS after it) reports it as
news: a referring word with one of the event's actors in the sentence names it, "الانتخابات التي
شهدتها بلاده" beside Rahmon on the day of Tajikistan's vote (``news_of_the_day``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from dashboard.extract.events import (
    Event,
    PhraseSet,
    _alternation,
    _iso,
    _phrase_regex,
    contradicted,
)
from dashboard.text.clitics import peel, possessive_forms
from dashboard.text.document import Doc
from dashboard.text.normalize import squeeze_spaces
from dashboard.text.variants import name_key

LEAD_DAYS, TAIL_DAYS = 90, 180
# An article published from NEWS_LEAD_DAYS before an event to NEWS_TAIL_DAYS after it reports it
# as news: its referring words (الانتخابات، الانفجار) name it (``news_of_the_day``).
NEWS_LEAD_DAYS, NEWS_TAIL_DAYS = 3, 10
_NEWS_LEAD, _NEWS_TAIL = timedelta(days=NEWS_LEAD_DAYS), timedelta(days=NEWS_TAIL_DAYS)
NEWS_AHEAD = timedelta(days=31)  # an event this soon after the publication is the article's news too
LEAD_SENTENCES = 2  # a referring word before the event is named refers to it only in the lead
TOPIC_REACH = 3  # sentences back to the last place named, for the country a sentence speaks of
HEADING_WORDS = 5  # a shorter line is a heading: a topic, not a reference (as event_context.MIN_WORDS)
MONTH_TAIL_DAYS = 3 * 365
_WORD = re.compile(r"[^\W\d_]+")
_PLACE_TYPES = frozenset({"country", "city", "region"})
# Bodies whose summits and meetings events are named after
_BODY_TYPES = frozenset({"organisation", "forum"})
_PARTY_TYPES = _PLACE_TYPES | {"organisation"}
# Words after the noun looked at for a name part: "قمة منظمة شنغهاي" reaches شنغهاي.
_PART_REACH = 3
_PHRASE_CHARS = 60
_OWNER_CHARS = 12  # an adjective this close after a noun owns it: "الانتخابات الرئاسية الأمريكية"
_DATE_REACH = 30  # a date this close after a noun, in its phrase, dates it: "الانتخابات الرئاسية لعام 2016"
_DIGIT = re.compile(r"\d")
_PUNCTUATION = "،,.؛;:!?؟()\"«»\n"
# a place right after "إلى" (through دولة، جمهورية، العاصمة and its adjective) is where a visitor goes
_IN = re.compile(r"(?<![^\W_])(?:في|ب)\s*$")  # a place written as where something is: في أوزبكستان
_DESTINATION = re.compile(r"(?<![^\W_])[إا]لى\s+(?:(?:دولة|جمهورية|العاصمة|عاصمة)\s+(?:[^\W\d_]+\s+)?)?$")


@dataclass(frozen=True)
class Kind:
    name: str
    nouns: PhraseSet
    noun_phrases: tuple[str, ...]
    needs_person: bool
    needs_all: bool
    unless: PhraseSet | None
    refers: PhraseSet | None  # nouns that alone refer to the article's event of this kind
    tail_days: int = TAIL_DAYS  # how long after the event an article names it without a date
    dated_nouns: PhraseSet | None = None  # the kind's act, linked only with a date of the event
    story: PhraseSet | None = None        # words of the story an article on such an event tells
    story_alone: PhraseSet | None = None  # story phrases that need no actor (event_context.py)
    setting: bool = False  # a country's own vote: the article's country stands for an unnamed place
    month_names: bool = False  # named by its month ("أحداث يناير"); not a summit ("قمة 12 حزيران")
    host_country: bool = True  # the country of a place of the name names the event too
    one_country: bool = False  # inside one country: a phrase naming another country's place is
    # another event ("اشتباكات مع قرغيزستان" is a border clash, not Tajikistan's unrest)
    refers_unless: PhraseSet | None = None  # a referring word yields in a sentence holding one of these
    refers_plural: PhraseSet | None = None  # a plural referring to every event of the kind linked
    person_alone: bool = False  # the person named is enough (an oath of office: one per term)
    background: bool = False  # a pandemic, a war: named beside another event's story, it does not
    # own the sentence ("يبحث رؤساء الدول ... تداعيات وباء كورونا" is the summit's too)
    # referring words any meeting is called ("الاجتماع"، "المشاورات"): they refer to the article's
    # event once a name has linked it (``follow_ups``), never name one as the day's news
    # (``news_of_the_day``): "هذا الاجتماع" of Putin's talks with a visitor is no summit of the month
    generic_refers: PhraseSet | None = None
    # qualifiers that tell the kind's events apart, per set (marked words, unmarked words), folded:
    # an event whose name holds a marked word ("المبكرة"، "الاستثنائية") is not what a phrase with an
    # unmarked one names ("القمة السنوية"), an event whose name holds none not what a marked one names
    qualifiers: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    # nouns that name one of the kind's events only with its city or region right after them, as
    # their construct ("هجوم موسكو الدموي"): alone they are any act ("هجوم إرهابي")
    place_nouns: PhraseSet | None = None
    # kinds whose events on this kind's days are its meetings where a sentence names none of their
    # nouns: the host's talks with the leaders of a summit are the summit's, not each leader's
    # visit (events.py ``EventLinker._to_gatherings``)
    gathers: tuple[str, ...] = ()
    # the act of the event's winner that names it ("منذ انتخابه في آذار رئيسا"، "فاز في انتخابات الرئاسة"):
    # with a person the event's cues name, it is that person's election (events.py ``_add_elected``);
    # ``elected_unless``: another office won ("انتخابه رئيسا لمجلس الشيوخ")
    elected: PhraseSet | None = None
    elected_unless: PhraseSet | None = None


@dataclass(frozen=True)
class Owner:
    """What the phrase of a kind's noun says its event belongs to: the country named right after
    the noun, the dates inside the phrase."""
    countries: frozenset[str] = frozenset()
    dates: tuple[tuple[date, date], ...] = ()
    marked: frozenset[int] = frozenset()    # qualifier sets whose marked word the phrase holds
    unmarked: frozenset[int] = frozenset()  # ... whose unmarked word it holds (and no marked one)
    # elapsed times written after every noun of the kind, "بعد 3 أشهر من انتخاب": they date what
    # follows them (the election), not the noun before ("ويأتي الاستفتاء بعد 3 أشهر من ...")
    elsewhere: frozenset[tuple[date, date]] = frozenset()
    # for a hosted kind (a summit), the countries written as where it meets: "قمة ... في أوزبكستان"
    located: frozenset[str] = frozenset()
    hosts: Mapping[str, frozenset[str]] | None = None  # event id -> the countries of its own places

    def refuses(self, named: NamedEvent, person_country: Mapping[str, str]) -> bool:
        margin = timedelta(days=31)
        # "القمة السنوية" is no extraordinary summit, "الانتخابات البرلمانية المبكرة" no regular vote
        if (self.marked - named.marks) or (self.unmarked & named.marks):
            return True
        # "قمة ... في أوزبكستان" is not a summit held in another country
        if self.located and self.hosts is not None and self.hosts.get(named.event_id) \
                and not self.hosts[named.event_id] & self.located:
            return True
        # a list of countries owns one event each: the event must be one of theirs
        if self.countries and not self.countries & (named.places | {person_country.get(p) for p in named.persons}):
            return True
        return any(not (a <= named.end + margin and named.start - margin <= b) for a, b in self.dates
                   if (a, b) not in self.elsewhere)


@dataclass(frozen=True)
class NamedEvent:
    """One event's generated name: its kind, its name's entities and words, its dates."""
    event_id: str
    kind: str
    persons: frozenset[str]
    places: frozenset[str]                       # other name entities, their parents and children
    groups: tuple[frozenset[str], ...]           # per non-person name entity: it and its relatives
    part_keys: frozenset[str]                    # variant keys of the name's own words
    months: frozenset[str]                       # folded names of the event's first month
    start: date
    end: date
    marks: frozenset[int] = frozenset()          # the kind's qualifier sets whose marked word its name holds
    own: frozenset[str] = frozenset()            # the places and bodies its name itself holds

    @property
    def years(self) -> range:
        return range(self.start.year, self.end.year + 1)


def parse_event_kinds(raw: Mapping) -> tuple[Kind, ...]:
    kinds = []
    for name, spec in (raw.get("event_kinds") or {}).items():
        phrases = tuple(spec["nouns"])
        needs = spec.get("needs", "any")
        if needs not in ("any", "all", "person", "person alone"):
            raise ValueError(f"event_kinds.{name}: needs is any, all, person or person alone, not {needs!r}")
        kinds.append(Kind(name, _alternation(list(phrases)), phrases, needs.startswith("person"), needs == "all",
                          _alternation(list(spec.get("unless") or [])),
                          _alternation(list(spec.get("refers") or [])),
                          int(spec.get("tail_days", TAIL_DAYS)),
                          _alternation(list(spec.get("dated_nouns") or [])),
                          _alternation(_with_possessives(spec.get("story") or [])),
                          _alternation(_with_possessives(spec.get("story_alone") or [])),
                          bool(spec.get("setting")), bool(spec.get("month_names")),
                          bool(spec.get("host_country", True)), bool(spec.get("one_country")),
                          _alternation(list(spec.get("refers_unless") or [])),
                          _alternation(list(spec.get("refers_plural") or [])), needs == "person alone",
                          bool(spec.get("background")), _alternation(list(spec.get("generic_refers") or [])),
                          tuple((tuple(squeeze_spaces(w) for w in q.get("marked") or ()),
                                 tuple(squeeze_spaces(w) for w in q.get("unmarked") or ()))
                                for q in spec.get("qualifiers") or ()),
                          _alternation(list(spec.get("place_nouns") or [])),
                          tuple(spec.get("gathers") or ()),
                          _alternation(list(spec.get("elected") or [])),
                          _alternation(list(spec.get("elected_unless") or []))))
    return tuple(kinds)


def _with_possessives(phrases) -> list[str]:
    """A kind's story phrases and their possessive forms: the story tells "حملته الانتخابية" as
    often as "الحملة الانتخابية" (clitics.possessive_forms)."""
    out = list(phrases)
    out += [f for p in phrases for f in possessive_forms(p) if f not in out]
    return out


def _kind_of(texts: list[str], kinds: tuple[Kind, ...]) -> Kind | None:
    for text in texts:
        folded = squeeze_spaces(text)
        for kind in kinds:  # events.yaml order: finer kinds (presidential election) first
            # a phrase whose anchor (its words' letters, events._anchor) the name lacks cannot
            # match it: most are ruled out so, without compiling their regex (each compiled once)
            # or running it (~1,000 event names against ~70 kinds' phrases took ~6 % of the set-up);
            # the pieces looked for by map() in C (a generator's Python steps were ~2 % more)
            if any(all(map(folded.__contains__, anchor)) and _phrase_regex(p).search(folded)
                   for p, anchor in (kind.nouns.ordered if kind.nouns is not None else ())):
                return kind
    return None


class GeneratedNames:
    """The generated names of a catalogue's events; ``find`` adds their links to a linker's rows."""

    def __init__(self, events: tuple[Event, ...], raw_events: Mapping, kinds: tuple[Kind, ...],
                 matcher, month_names: Mapping[str, int], stopwords: frozenset[str]):
        self.kinds = {k.name: k for k in kinds}
        for k in kinds:
            if set(k.gathers) - set(self.kinds):
                raise ValueError(f"event_kinds.{k.name}.gathers: no such event kinds {sorted(set(k.gathers) - set(self.kinds))}")
        extra = {e["id"]: list(e.get("names") or []) for e in raw_events.get("events") or []}
        entity_types = matcher.variants.types
        # a place stands for its country and the country for its places (أستانا for كازاخستان),
        # not for its people or bodies
        places = {eid for eid, t in entity_types.items() if t in _PLACE_TYPES}
        parents = {eid: p for eid, p in _parents(matcher).items() if p and eid in places}
        children: dict[str, set[str]] = {}
        for child, parent in parents.items():
            children.setdefault(parent, set()).add(child)
        generic = frozenset(squeeze_spaces(w) for w in raw_events.get("generic_name_words") or [])
        self.generic, self.stopwords = generic, stopwords
        self.titles = _alternation(list(raw_events.get("head_of_state_titles") or ["الرئيس"]))
        self.person_country = {eid: p for eid, p in _parents(matcher).items()
                               if p and entity_types.get(eid) == "person"}
        self.entity_types = entity_types
        self.place_parent = parents
        self.parent_of = {eid: p for eid, p in _parents(matcher).items() if p}
        self.planned = _alternation(list(raw_events.get("planned_words") or []))
        self.elapsed_after = frozenset(squeeze_spaces(w) for w in (raw_events.get("elapsed_time") or {}).get("after") or ())
        noun_words = {w for k in kinds for p in k.noun_phrases for w in squeeze_spaces(p).split()}
        self.named: list[NamedEvent] = []
        self.kind_of_event: dict[str, str] = {}
        self.name_text: dict[str, str] = {}  # event id -> its names, folded (which a referring word names)
        for event in events:
            texts = [event.name_ar, *extra.get(event.id, [])]
            kind = _kind_of(texts, kinds)
            if kind is None:
                continue
            self.kind_of_event[event.id] = kind.name
            self.name_text[event.id] = " ".join(squeeze_spaces(t) for t in texts)
            found: set[str] = set()
            keys: set[str] = set()
            for text in texts:
                doc = Doc.from_text(f"name:{event.id}", text)
                # "بالتركية" in "الدول الناطقة بالتركية" is no party to the event: names only, and a
                # body's adjective ("القمة الخليجية": the GCC's)
                found |= {r["entity_id"] for r in matcher.find(doc)
                          if r["form"] != "adjective" or entity_types.get(r["entity_id"]) == "organisation"}
                for word in _WORD.findall(squeeze_spaces(text)):
                    readings = peel(word)
                    if any(r in generic or r in noun_words or r in stopwords or r in month_names
                           for r in readings):
                        continue
                    keys |= {name_key((r,)) for r in readings if len(r) >= 4}
            persons = frozenset(e for e in found if entity_types.get(e) == "person")
            # a city stands for its country, unless the kind's events are hosted (a summit in
            # Qingdao is not "القمة" of any sentence naming China)
            up = (lambda e: {parents[e]} if e in parents else set()) if kind.host_country else (lambda e: set())
            groups = tuple(frozenset({e, *up(e), *children.get(e, ())}) for e in sorted(found - persons))
            start, end = _iso(event.date_start), _iso(event.date_end)
            months = frozenset(name for name, number in month_names.items()
                               if number == start.month and not name.isascii())
            padded = f" {self.name_text[event.id]} "
            marks = frozenset(i for i, (marked, _) in enumerate(kind.qualifiers)
                              if any(f" {w} " in padded for w in marked))
            self.named.append(NamedEvent(event.id, kind.name, persons,
                                         frozenset().union(*groups) if groups else frozenset(),
                                         groups, frozenset(k for k in keys if k), months, start, end, marks,
                                         frozenset(found - persons)))
        self.by_id = {n.event_id: n for n in self.named}
        # event id -> the countries its name's own cities and regions lie in (where it was held)
        self.hosts = {n.event_id: frozenset(c for c in (self.country_of(p) for p in n.own
                                                          if entity_types.get(p) in ("city", "region")) if c)
                      for n in self.named}
        # kinds that share their referring words are one family (a presidential and a parliamentary
        # election are both "الانتخابات"): event id -> its family (the first kind's name)
        family = {}
        for kind in kinds:
            family.setdefault(id(kind.refers) if kind.refers is not None else kind.name, kind.name)
        self.family_of_event = {eid: family[id(self.kinds[k].refers) if self.kinds[k].refers is not None else k]
                                for eid, k in self.kind_of_event.items()}
        # kinds a sentence's own noun tells apart (events.yaml ``rival_kinds``): kind -> its rivals
        # a demonstrative with a word any event is called ("هذه الأزمة"، "هذه المناسبة"): events.yaml
        # ``event_anaphora``, the phrases and how many sentences back their event may be named
        spec = raw_events.get("event_anaphora") or {}
        self.anaphora = _alternation([f"{d} {n}" for d in spec.get("demonstratives") or ()
                                      for n in spec.get("nouns") or ()])
        self.anaphora_reach = int(spec.get("reach", 3))
        # days that date a sentence to its publication, and words that recall an earlier time
        # (events.yaml ``news_days``; events.EventLinker._drop_stale_news)
        spec = raw_events.get("news_days") or {}
        self.news_days = _alternation(list(spec.get("days") or []))
        self.news_recall = _alternation(list(spec.get("recall") or []))
        self.news_reach = int(spec.get("reach", 12))
        self.news_recall_reach = int(spec.get("recall_reach", 6))
        # and the words of their voters, which are the vote the sentence names (kind -> them)
        self.rival_kinds: dict[str, tuple[str, ...]] = {}
        self.voter_words: dict[str, PhraseSet] = {}
        for group in raw_events.get("rival_kinds") or ():
            members = list(group["kinds"])
            unknown = set(members) - set(self.kinds)
            if unknown:
                raise ValueError(f"rival_kinds: no such event kinds {sorted(unknown)}")
            voters = _alternation(list(group.get("voters") or []))
            for k in members:
                self.rival_kinds[k] = tuple(r for r in members if r != k)
                if voters is not None:
                    self.voter_words[k] = voters
        self.by_kind: dict[str, list[NamedEvent]] = {}
        for named in self.named:
            self.by_kind.setdefault(named.kind, []).append(named)
        # event id -> its place in its kind's list (find() picks a few events in that order)
        self.position_in_kind = {n.event_id: p for events in self.by_kind.values() for p, n in enumerate(events)}
        # per kind, per event: the widest publication period any of its links allows
        self.windows = {k: [(n.start - timedelta(days=LEAD_DAYS),
                             n.end + timedelta(days=max(self.kinds[k].tail_days, MONTH_TAIL_DAYS)))
                            for n in events] for k, events in self.by_kind.items()}
        self._by_publication: dict = {}
        self._actors: dict[str, frozenset[str]] = {}
        self._news_by_publication: dict = {}
        self._last_lead: tuple = (None, frozenset())
        self.kind_years = {k: frozenset(y for n in events for y in n.years) for k, events in self.by_kind.items()}
        self.by_kind_year: dict[str, dict[int, list[NamedEvent]]] = {}
        for k, events in self.by_kind.items():
            for n in events:
                for y in n.years:
                    self.by_kind_year.setdefault(k, {}).setdefault(y, []).append(n)
        self.event_years = frozenset().union(*self.kind_years.values())

    def _persons_or_countries(self, named: NamedEvent) -> frozenset[str]:
        """The event's persons and their countries (a title with the country stands for the person)."""
        return named.persons | {self.person_country[p] for p in named.persons if p in self.person_country}

    def actors(self, named: NamedEvent) -> frozenset[str]:
        """The event's parties (its name's places and bodies, their countries and places, its
        persons) and the people and bodies of those countries: "وشكر بايدن" in the C5+1 summit's
        story (us), "توكاييف" in the unrest's (kz); not whoever else the article names. Memoised."""
        found = self._actors.get(named.event_id)
        if found is None:
            parties = named.persons | named.places
            found = frozenset(parties | {e for e, p in self.parent_of.items() if p in parties})
            self._actors[named.event_id] = found
        return found

    # ---- linking --------------------------------------------------------------------------------
    def find(self, index, published: tuple[date, date] | None) -> list[tuple[int, str, str, str | None]]:
        """(sentence_id, event_id, why, word) for each generated link, ``word`` the variant key of the
        word of the event's name that followed the noun (None if none did); the caller applies the
        future check."""
        out: list[tuple[int, str, str]] = []
        # Only events the article's time allows are looked for (most of a corpus is far from
        # every catalogue event, and its kinds' nouns are frequent words)
        spans = [(d[0], d[1]) for ds in index.dates.values() for d in ds if (d[1] - d[0]).days <= 366]
        years = {y for a, b in spans for y in range(a.year, b.year + 1)} & self.event_years
        by_publication = self._near_publication(published)
        if not years and not any(by_publication.values()):
            return out  # most of a corpus: no event near in time, no date of one
        setting = self._setting(index)
        for kind_name, all_events in self.by_kind.items():
            kind = self.kinds[kind_name]
            near = by_publication[kind_name]
            if not near and years.isdisjoint(self.kind_years[kind_name]):
                continue
            # the kind's events of the article's years (an index: a kind holds dozens of events)
            of_years = {n.event_id for y in years for n in self.by_kind_year[kind_name].get(y, ())}
            # (only those near or of the years, in the kind's order: not all its dozens of events)
            position = self.position_in_kind
            events = [n for n in (all_events[p] for p in sorted(position[e] for e in near | of_years))
                      if n.event_id in near or any(a <= n.end and n.start <= b for a, b in spans)]
            if kind.needs_person:  # a visit or an oath needs its person, or at least his country, named
                events = [n for n in events if not n.persons or self._persons_or_countries(n) & index.article_entities]
            if not events:
                continue
            found: list[tuple[int, str, str, tuple]] = []
            within = None
            if not near:  # only a date of the sentence can link: look in sentences holding one
                within = {sid for sid, ds in index.dates.items()
                          if any(d[0] <= n.end and n.start <= d[1] for d in ds for n in events)}
            hits = index.matches(kind.nouns, within)
            acts = self._dated_acts(index, kind, events) if kind.dated_nouns is not None else []
            constructs = self._place_constructs(index, kind, within) if kind.place_nouns is not None else []
            if not hits and not acts and not constructs:
                continue
            if kind.unless is not None:
                hits = {s: w for s, w in hits.items() if s not in index.matches(kind.unless, set(hits))}
            nears: dict[int, set[str]] = {}
            for sid, noun in sorted(hits.items()):
                best: list[tuple[tuple, str, str]] = []
                after, near, owner = self._words_after(index, sid, kind)
                nears[sid] = near
                foreign = {self.country_of(e) for e in near if self.entity_types.get(e) in _PLACE_TYPES} - {None}
                for named in events:
                    if owner.refuses(named, self.person_country):
                        continue
                    if kind.one_country and foreign - {self.country_of(p) for p in named.places}:
                        continue
                    why = self._holds(named, kind, index, sid, after, near, published, setting, owner.elsewhere,
                                      owner.located)
                    if why is None:
                        continue
                    rank, reason = why
                    best.append((rank, named.event_id, f"generated: {noun} + {reason}"))
                if best:
                    top = min(b[0] for b in best)
                    kept = [b for b in sorted(best) if b[0] == top]
                    # a sentence listing several events' places names each ("بوتين زار الصين وروسيا
                    # البيضاء" is two visits; "الاجتماع التشاوري لرؤساء دول آسيا الوسطى وقمة الصندوق الدولي
                    # لإنقاذ بحر الآرال" two summits): a rival as well timed (both dated or neither)
                    # stays when its noun's phrase names a place or body of its own that none of the
                    # nearest has (a visit's rival, its visitor too)
                    # and so does one whose own visitor, none of theirs, the sentence names ("وزيارة
                    # الرئيس ميرضيائيف هي ثاني زيارة ... بعد الزيارة التي قام بها ... نزارباييف")
                    theirs = set().union(*(self.by_id[eid].places for _, eid, _ in kept))
                    visitors = set().union(*(self.by_id[eid].persons for _, eid, _ in kept))
                    in_sentence = index.entities.get(sid, set())
                    kept += [b for b in sorted(best) if b[0] != top and (
                             (b[0][0] == top[0] and (self.by_id[b[1]].persons & in_sentence or not kind.needs_person)
                              and (self.by_id[b[1]].places & near) - theirs)
                             or (kind.needs_person and (self.by_id[b[1]].persons & in_sentence) - visitors))]
                    kept = self._named_body_wins(kept, in_sentence)
                    found += [(sid, eid, why, rank, _part(self.by_id[eid], after)) for rank, eid, why in kept]
            # the act with a party anywhere and a date of the event: where the kind's noun is not in the
            # sentence ("نتائج الانتخابات الرئاسية" of Belarus beside Kazakhstan's vote of 10 January
            # is another election's), or, for a kind whose act is its noun (a disaster), where the
            # noun's phrase named it for no event ("تحطمت طائرة ... في 25 ديسمبر بالقرب من أكتاو")
            # "هجوم موسكو": the noun and the event's own city or region as its construct name it as a
            # name word does (where no noun of the kind in the sentence named one already)
            named_here = {sid for sid, *_ in found}
            for sid, surface, place in constructs:
                if sid in named_here:
                    continue
                best = []
                for named in events:
                    if place not in named.own:
                        continue
                    why = self._holds(named, kind, index, sid, [], {place}, published, setting)
                    if why is not None:
                        best.append(((why[0][0], 0, *why[0][2:]), named.event_id, f"generated: {surface} + {why[1]}"))
                if best:
                    rank, eid, why = min(best)
                    found.append((sid, eid, why, rank, None))
                    named_here.add(sid)
            skip = {sid for sid, *_ in found} if kind.dated_nouns is kind.nouns else set(hits)
            found += [(*act, None) for act in acts if act[0] not in skip]
            # A link on a bare noun and a party to the event (no date, no word of its name) yields
            # to another event of the kind the article names outright: in an article on the SCO
            # summit in Astana, "القمة ... الرئيس الروسي" is not the EAEU summit in Moscow.
            # A link stands where its noun's phrase names a place of its own, none of theirs ("وصل
            # بوتين إلى أوزبكستان" in an article that also says he had visited China; "القمة الثانية
            # ... في أستانا" beside the first summit, in Berlin, recalled as a year ago: _own_places).
            strong = {eid for _, eid, _, rank, _ in found if rank[0] == 0 or rank[1] == 0}
            theirs = {eid: set().union(*(self.by_id[s].places for s in strong - {eid})) for eid in {f[1] for f in found}}
            # ... and where it is the day's news and none of them is: an article published on the
            # day of Kyrgyzstan's April 2021 referendum ("يدلي الناخبون ... في استفتاء") that
            # recalls January's, dated ("على استفتاء ... يناير الماضي")
            news = {eid for eid in {f[1] for f in found} if self._is_news(self.by_id[eid], published)}
            out += [(sid, eid, why, name_key((part,)) if part else None) for sid, eid, why, rank, part in found
                    if rank[0] == 0 or rank[1] == 0 or not strong - {eid}
                    or self._own_places(kind, eid, nears.get(sid, set()), theirs[eid])
                    or (eid in news and not (strong - {eid}) & news)]
        return out

    def _named_body_wins(self, kept: list[tuple[tuple, str, str]], in_sentence: set[str]) -> list[tuple[tuple, str, str]]:
        """Equal candidates of one sentence: an event whose name holds a body (the SCO, the CSTO) that
        the sentence does not name yields to one whose body it names. "قمة منظمة التعاون الاقتصادي
        في دوشانبة" is the ECO's summit, not the SCO's or the CSTO's of the same city and year."""
        if len(kept) < 2:
            return kept
        bodies = {b[1]: {e for e in self.by_id[b[1]].own if self.entity_types.get(e) in _BODY_TYPES} for b in kept}
        if not any(own & in_sentence for own in bodies.values()):
            return kept
        return [b for b in kept if not bodies[b[1]] or bodies[b[1]] & in_sentence]

    def _place_constructs(self, index, kind: Kind, within) -> list[tuple[int, str, str]]:
        """(sentence, the words as written, the place) per place noun of the kind followed at once
        by a city or region named (not an adjective, not a country: "هجوم روسيا" is Russia's)."""
        out = []
        doc = index.doc
        for sid in sorted(index.matches(kind.place_nouns, within)):
            start, end = index.sentence_span(sid)
            spans = sorted(index.name_spans.get(sid, ()))
            for m in index.finditer(kind.place_nouns, start, end):
                if not kind.place_nouns.accepts(doc, m.start(), m.end()):
                    continue
                a, b = doc.norm.to_original(m.start(), m.end())
                place = next((eid for s, e, eid in spans if b < s <= b + 2 and not doc.text[b:s].strip()
                              and self.entity_types.get(eid) in ("city", "region")), None)
                if place is not None:
                    e = next(e for s, e, eid in spans if eid == place and s > b)
                    out.append((sid, " ".join(doc.text[a:e].split()), place))
                    break
        return out

    @staticmethod
    def _is_news(named: NamedEvent, published: tuple[date, date] | None) -> bool:
        """Whether an article of this publication period reports the event as news (from
        NEWS_LEAD_DAYS before it to NEWS_TAIL_DAYS after it, a publication day or so precise)."""
        return published is not None and (published[1] - published[0]).days <= 1 and \
            named.start - _NEWS_LEAD <= published[1] and published[0] <= named.end + _NEWS_TAIL

    def _own_places(self, kind: Kind, eid: str, near: set[str], theirs: set[str]) -> set[str]:
        """The places of event ``eid`` its noun's phrase names that the events named outright do not
        have: any for a visit (its destination); for other kinds a city or region only (a list of
        member countries after "القمم" names no one summit)."""
        own = (self.by_id[eid].places & near) - theirs
        return own if kind.needs_person else {p for p in own if self.entity_types.get(p) != "country"}

    @staticmethod
    def _dated_acts(index, kind: Kind, events: list[NamedEvent]) -> list[tuple]:
        """Sentences naming the kind's act (يدلي الناخبون بأصواتهم) with a party to the event and a
        day or month of the event: "يدلي الناخبون في قرغيزستان بأصواتهم، الأحد 28 نوفمبر"."""
        out = []
        for sid, noun in sorted(index.matches(kind.dated_nouns, set(index.dates)).items()):
            ents = index.entities.get(sid, set())
            for named in events:
                if not ((named.places | named.persons) & ents):
                    continue
                # an oath of office is its person's: "الذي تولى منصبه في يناير 2021" of a minister
                # of the country is no president's oath
                if kind.person_alone and named.persons and not named.persons & ents:
                    continue
                dated = next((d[2] for d in index.dates.get(sid, ())
                              if d[0] <= named.end and named.start <= d[1] and (d[1] - d[0]).days <= 31), None)
                if dated is not None:
                    party = "+".join(sorted((named.places | named.persons) & ents))
                    out.append((sid, named.event_id, f"generated: {noun} + name: {party} + date: {dated}",
                                (0, 1, 0)))
        return out

    def _near_publication(self, published: tuple[date, date] | None) -> dict[str, frozenset[str]]:
        """kind -> ids of its events an article of this publication period may name undated
        (memoised: a corpus has few distinct publication days)."""
        found = self._by_publication.get(published)
        if found is None:
            found = {k: frozenset(n.event_id for n, (lo, hi) in zip(events, self.windows[k])
                                  if published is not None and lo <= published[1] and published[0] <= hi)
                     for k, events in self.by_kind.items()}
            if len(self._by_publication) < 100_000:
                self._by_publication[published] = found
        return found

    def _words_after(self, index, sid: int, kind: Kind) -> tuple[list[list[list[str]]], set[str], Owner]:
        """Per noun occurrence in the sentence, the next few words (folded), each as its readings
        with and without proclitics; the entities of the noun's own phrase (no punctuation
        between, at most _PHRASE_CHARS away): in "عقب الانتخابات الرئاسية، وأزمة قيرغيزستان" the
        country is not the election's; and what the phrase says the noun's event belongs to (Owner)."""
        doc = index.doc
        text = doc.norm.text
        start, end = index.sentence_span(sid)
        out, near = [], set()
        countries: set[str] = set()
        dated: list[tuple[date, date]] = []
        starts: list[int] = []
        marked: set[int] = set()
        unmarked: set[int] = set()
        located: set[str] = set()
        spans = index.entity_spans.get(sid, ())
        for m in index.finditer(kind.nouns, start, end):  # (compiles only the phrases the article holds)
            # the first word after the noun that is not a stopword or a generic word, before any
            # punctuation: "قمة منظمة شنغهاي" -> شنغهاي, "الانتخابات الرئاسية في قيرغيزستان" ->
            # قيرغيزستان, "الانتخابات الرئاسية، وأزمة قيرغيزستان" -> none
            stretch = re.split(r"[،,.؛;:!?؟()\"«»\n]", text[m.end():min(end, m.end() + 80)], maxsplit=1)[0]
            words = []
            for w in _WORD.findall(stretch)[:_PART_REACH]:
                readings = peel(w)
                if any(r in self.generic or r in self.stopwords for r in readings):
                    continue
                words.append(readings)
                break
            out.append(words)
            if kind.qualifiers:  # the noun's own words: "القمة السنوية لمجلس"، "الانتخابات البرلمانية المبكرة"
                own = " " + " ".join(_WORD.findall(text[m.start():m.end()] + " " + stretch)[:6]) + " "
                for i, (yes, no) in enumerate(kind.qualifiers):
                    if any(f" {w} " in own for w in yes):
                        marked.add(i)
                    elif any(f" {w} " in own for w in no):
                        unmarked.add(i)
            a, b = doc.norm.to_original(m.start(), m.end())
            starts.append(a)
            before = doc.text[max(0, a - _PHRASE_CHARS):a]
            after = doc.text[b:b + _PHRASE_CHARS]
            cut_before = max((before.rfind(c) for c in _PUNCTUATION), default=-1)
            lo = a - len(before) + cut_before + 1
            hi = b + min((i for i in (after.find(c) for c in _PUNCTUATION) if i >= 0), default=len(after))
            near |= {eid for s, e, eid in spans if s >= lo and e <= hi}
            if not kind.host_country:  # "قمة ... في أوزبكستان": where a hosted kind's noun meets
                located |= {eid for s, e, eid in spans if b <= s and e <= hi and self.entity_types.get(eid) == "country"
                            and _IN.search(doc.text[max(b, s - 4):s])}
            # "انتخابات الرئاسة الأمريكية": a country right after the noun owns the event
            # and so does each country of a list there ("زار الصين وروسيا البيضاء": two visits)
            cursor = b
            for s, e, eid in sorted(spans):
                if s < cursor or self.entity_types.get(eid) != "country":
                    continue
                if s - cursor > 3 or doc.text[cursor:s].strip(" ،,و"):
                    break
                countries.add(eid)
                cursor = e
            # "الانتخابات الرئاسية في عام 2016": a date in the noun's own phrase dates it, written
            # after it ("زيارة بوتين إلى بيشكك توقيع وثيقة تعدل اتفاق عام 2012": not that far) or
            # right before it ("شارك ميرضيائيف في 21 مايو في القمة"), its year written or a day of
            # the publication's year
            dated += [(d[0], d[1]) for d in index.dates.get(sid, ())
                      if len(d) > 4 and (d[1] - d[0]).days <= 366 and (not d[3] or _DIGIT.search(d[2]))
                      and (b <= d[4] < min(hi, b + _DATE_REACH) or a - _OWNER_CHARS <= d[4] + len(d[2]) <= a)]
        elsewhere = frozenset((d[0], d[1]) for d in index.dates.get(sid, ())
                              if starts and len(d) > 4 and d[3] and d[4] > max(starts)
                              and squeeze_spaces(d[2]).split()[:1] and squeeze_spaces(d[2]).split()[0] in self.elapsed_after)
        return out, near, Owner(frozenset(countries), tuple(dated), frozenset(marked), frozenset(unmarked), elsewhere,
                                frozenset(located), self.hosts)

    def topic_country(self, index, sid: int, reach: int = TOPIC_REACH) -> str | None:
        """The country the sentence speaks of: that of the last place it names (a name, not an
        adjective: "الخارجية الروسية" is the speaker), or if it names none, of the last place named in
        the ``reach`` sentences before it; None where they name none."""
        for s in range(sid, max(-1, sid - reach - 1), -1):
            for _, _, eid in sorted(index.name_spans.get(s, ()), reverse=True):
                if self.entity_types.get(eid) in _PLACE_TYPES:
                    country = self.country_of(eid)
                    if country is not None:
                        return country
        return None

    def in_topic(self, index, sid: int, named: NamedEvent) -> bool:
        """Whether a sentence may speak of an event inside one country without naming it: in an
        article whose lead names that country (``lead_countries``), or where the country the sentence speaks of
        (``topic_country``) is none or one of the event's (its places', its persons'). A multi-story
        page (a press review) moves from country to country: "تقول لابريس إن نسبة المشاركة الضعيفة
        ستبقى نقطة سوداء ... في تونس" is not Russia's election named further on."""
        own = self._countries(named)
        if not own or own & self.lead_countries(index):  # (an event of no known country: no ground)
            return True  # an article on the event's country: its sentences name neighbours and partners
        topic = self.topic_country(index, sid)
        return topic is None or topic in own

    def _countries(self, named: NamedEvent) -> set[str]:
        """The countries of an event's places and persons."""
        own = {self.country_of(p) for p in named.places} | {self.person_country.get(p) for p in named.persons}
        own.discard(None)
        return own

    def _countries_named(self, index, sids) -> frozenset[str]:
        """The countries sentences ``sids`` name, by a place, an adjective or a person of theirs."""
        found = {self.person_country.get(e) if e in self.person_country else self.country_of(e)
                 for sid in sids for e in index.entities.get(sid, ())}
        found.discard(None)
        return frozenset(found)

    def lead_countries(self, index) -> frozenset[str]:
        """The countries the article's lead (its first LEAD_SENTENCES sentences) names, by a place,
        an adjective or a person of theirs: what the article is about. Memoised for the last article."""
        if self._last_lead[0] is not index:
            self._last_lead = (index, self._countries_named(index, range(min(LEAD_SENTENCES, len(index.doc.sentences) or 1))))
        return self._last_lead[1]

    def country_of_entity(self, eid: str | None, seats: bool = False) -> str | None:
        """The country of a place (itself for a country) or of a person; with ``seats``, also of a
        body (an institution's parent place): a ministry received the visitor in its country."""
        typ = self.entity_types.get(eid) if eid is not None else None
        if typ == "person":
            return self.person_country.get(eid)
        if typ in _PLACE_TYPES:
            return self.country_of(eid)
        if seats and typ == "institution":
            parent = self.parent_of.get(eid)
            return self.country_of(parent) if parent else None
        return None

    def country_of(self, place: str) -> str | None:
        """The country a place lies in (itself for a country): up through its region and city."""
        for _ in range(4):
            if place is None or self.entity_types.get(place) == "country":
                return place
            place = self.place_parent.get(place)
        return None

    def _setting(self, index) -> str | None:
        """The country the article is about: the one its places are in, mentioned at least twice
        and at least twice as often as any other (its cities and regions count for it)."""
        counts = self._country_counts(index)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
            return None
        return ranked[0][0]

    def _country_counts(self, index) -> dict[str, int]:
        """country -> the number of the article's sentences naming it or one of its places."""
        counts: dict[str, int] = {}
        for ids in index.entities.values():
            for eid in ids:  # once per sentence
                country = eid
                for _ in range(3):  # a city in a region in a country
                    if self.entity_types.get(country) == "country":
                        break
                    country = self.place_parent.get(country)
                if country is not None and self.entity_types.get(country) == "country":
                    counts[country] = counts.get(country, 0) + 1
        return counts

    def _in_setting(self, named: NamedEvent, kind: Kind, index, sid: int, near: set[str], setting,
                    published) -> bool:
        """Whether the article's country names the place a noun leaves unnamed: a country's own
        vote ("أجريت انتخابات رئاسية استثنائية في البلاد" in an article on Kazakhstan), the noun's
        phrase naming no place, the sentence no other country, the vote not one still to come."""
        if not kind.setting or setting is None or setting not in named.places:
            return False
        places = {e for e in index.entities.get(sid, set()) if self.entity_types.get(e) in _PLACE_TYPES}
        if {e for e in near if self.entity_types.get(e) in _PLACE_TYPES}:
            return False
        if any(self.entity_types.get(e) == "country" and e != setting for e in places):
            return False
        if self.planned is not None and published is not None and named.start <= published[0] \
                and index.matches(self.planned, {sid}):
            return False  # "الانتخابات الرئاسية المقبلة" is not the last one
        return True

    def _holds(self, named: NamedEvent, kind: Kind, index, sid: int, after, near: set[str],
               published, setting: str | None = None,
               elsewhere: frozenset[tuple[date, date]] = frozenset(),
               located: frozenset[str] = frozenset()) -> tuple[tuple, str] | None:
        # places and bodies must be in the noun's phrase; a person anywhere in the sentence (the
        # subject of "سيقوم فخامة الرئيس ... بزيارة رسمية لطاجيكستان" stands far from the noun)
        ents = near | (named.persons & index.entities.get(sid, set()))
        if located:  # "قمة ... في أوزبكستان": the summit held in Samarkand
            ents = ents | {p for p in named.own if self.country_of(p) in located}
        if kind.needs_person and named.persons & ents:
            # the visitor's destination anywhere in the sentence ("وصل قاسم جومارت توكاييف، رئيس
            # جمهورية كازاخستان الصديقة إلى دولة الإمارات، الأحد، في زيارة رسمية")
            destinations = self._destinations(index, sid)
            # (a tour of a region, "آسيا الوسطى", takes any destination)
            if destinations and named.places and all(self.country_of(p) for p in named.places) and \
                    not {self.country_of(d) for d in destinations} & {self.country_of(p) for p in named.places}:
                return None  # gone elsewhere: "زيارة توكاييف إلى الإمارات" is not his visit to China
            ents = ents | destinations
        if named.persons and (kind.needs_person or kind.needs_all) and not named.persons & ents:
            # "الرئيس الفرنسي يزور كازاخستان": the head of state named by title and country
            countries = {self.person_country.get(p) for p in named.persons} - {None}
            if not (countries & ents and index.matches(self.titles, {sid})):
                return None
        month = next((words[0][0] for words in after if words and set(words[0]) & named.months), None)
        by_month = month is not None and kind.month_names
        part = _part(named, after)
        if kind.needs_all:
            name_ok = all(g & ents for g in named.groups) and bool(named.groups)
        else:
            name_ok = bool((named.places | named.persons) & ents)
        if kind.needs_person and named.groups and not (kind.person_alone and named.persons & ents):
            name_ok = bool(named.places & ents) or part is not None
        in_setting = False
        if not (name_ok or part is not None or by_month):
            in_setting = self._in_setting(named, kind, index, sid, near, setting, published)
            if not in_setting:
                return None
        if by_month and not (name_ok or part is not None) and not (
                (named.places | named.persons) & index.article_entities):
            return None  # "احتجاجات أكتوبر" is this event's only in an article naming its place
        span = (named.start, named.end)
        dated = next((d[2] for d in index.dates.get(sid, ())
                      if d[0] <= span[1] and span[0] <= d[1] and (d[1] - d[0]).days <= 366
                      and (d[0], d[1]) not in elsewhere), None)
        name = (f"name: {part}" if part is not None else f"month: {month}" if by_month
                else f"article country: {setting}" if in_setting
                else "name: " + "+".join(sorted((named.places | named.persons) & ents)))
        # rank: dated by the sentence first, then named by a word of the name, then by more of the
        # name's entities (the SCO's summit in Dushanbe, not the CSTO's there the same day, where the
        # sentence names the SCO), then nearest
        # a body of the name in the noun's own phrase names the event as a word of its name does
        # ("قمة منظمة معاهدة الأمن الجماعي": the CSTO's, whose name words are all generic)
        body = any(self.entity_types.get(e) == "organisation" for e in named.places & near)
        by_word = 0 if part is not None or by_month or body else 1
        support = -len((named.places | named.persons) & ents)
        if dated is not None:
            return (0, by_word, support, abs((named.start - (published[0] if published else named.start)).days)), \
                f"{name} + date: {dated}"
        if published is None or contradicted(index, sid, named.start, named.end):
            return None
        # a sentence speaking of the kind's event as still to come ("تعتزم استضافة القمة السنوية ...
        # الخريف المقبل") names none that was over before the article, undated
        if named.end < published[0] and self.planned is not None and index.matches(self.planned, {sid}):
            return None
        tail = timedelta(days=MONTH_TAIL_DAYS if by_month else kind.tail_days)
        if not (named.start - timedelta(days=LEAD_DAYS) <= published[1] and published[0] <= named.end + tail):
            return None
        distance = 0 if published[0] <= named.end and named.start <= published[1] else min(
            abs((named.start - published[1]).days), abs((published[0] - named.end).days))
        return (1, by_word, support, distance), f"{name} + published {index.doc.published.isoformat()[:7]}"

    def _destinations(self, index, sid: int) -> set[str]:
        """The places of the sentence written as a destination: right after إلى (or لـ), through
        دولة/جمهورية/العاصمة ("إلى دولة الإمارات"، "إلى العاصمة الأوزبكية طشقند")."""
        text = index.doc.text
        return {eid for s, e, eid in index.name_spans.get(sid, ())
                if self.entity_types.get(eid) in _PLACE_TYPES and _DESTINATION.search(text[max(0, s - 30):s])}

    def _phrase_parties(self, index, sid: int, start: int, end: int) -> tuple[set[str], int, int]:
        """The places and organisations of the phrase of the match ``[start, end)`` (normalised
        offsets; no punctuation between, at most _PHRASE_CHARS away, as ``_words_after``'s
        ``near``): those named, and an adjective only right after the match ("الانتخابات الرئاسية
        الأمريكية" is the US vote; "أمريكيان وسويسري" further on are victims); and the phrase's
        bounds in original offsets."""
        doc = index.doc
        a, b = doc.norm.to_original(start, end)
        before = doc.text[max(0, a - _PHRASE_CHARS):a]
        after = doc.text[b:b + _PHRASE_CHARS]
        lo = a - len(before) + max((before.rfind(c) for c in _PUNCTUATION), default=-1) + 1
        hi = b + min((i for i in (after.find(c) for c in _PUNCTUATION) if i >= 0), default=len(after))
        named = {eid for s, e, eid in index.name_spans.get(sid, ()) if s >= lo and e <= hi}
        owners = {eid for s, e, eid in index.entity_spans.get(sid, ()) if b <= s <= b + _OWNER_CHARS and e <= hi}
        return {e for e in named | owners if self.entity_types.get(e) in _PARTY_TYPES}, lo, hi

    def _own_mention(self, index, sid: int, phrases: PhraseSet, named: NamedEvent) -> str | None:
        """The first mention of ``phrases`` in the sentence whose own phrase names no organisation
        other than the event's and, for one country's event (a ``setting`` kind), no place of
        another country ("الانتخابات الأخيرة في روسيا البيضاء" is not
        Tajikistan's; "انتخابات الرئاسة ربما تجذب اهتماما" in the same sentence is; "كشفت مجموعة
        السبع في قمتها" is not the SCO's summit), as written; None when there is none."""
        start, end = index.sentence_span(sid)
        # a place is the event's when it lies in one of the event's countries (a city of a region
        # of Kazakhstan is Kazakhstan's); an event of no place (a pandemic) is anywhere
        own = {self.country_of(p) for p in named.places} | {self.person_country.get(p) for p in named.persons}
        own.discard(None)
        for m in index.finditer(phrases, start, end):
            if not phrases.accepts(index.doc, m.start(), m.end()):
                continue
            parties, lo, hi = self._phrase_parties(index, sid, m.start(), m.end())
            if _dated_away(index, sid, named, lo, hi):
                continue  # "الرئاسيات الأمريكية لعام 2016"
            bodies = {e for e in parties if self.entity_types.get(e) == "organisation"}
            # places only for one country's events: a summit's phrase names its members' countries
            if own and self.kinds[named.kind].setting and \
                    {self.country_of(p) for p in parties - bodies} - own - {None}:
                continue
            if any(b not in named.places and self.parent_of.get(b) not in own for b in bodies):
                continue
            a, b = index.doc.norm.to_original(m.start(), m.end())
            return " ".join(index.doc.text[a:b].split())
        return None

    def _families(self) -> dict[int, list[Kind]]:
        """Kinds grouped by their referring words (presidential and parliamentary elections share
        الانتخابات: an article's two elections, and الانتخابات names neither)."""
        out: dict[int, list[Kind]] = {}
        for kind in self.kinds.values():
            if kind.refers is not None:
                out.setdefault(id(kind.refers), []).append(kind)
        return out

    def _news_near(self, published: tuple[date, date]) -> list[tuple[list[Kind], list[NamedEvent]]]:
        """Per family of kinds, its events an article of this publication period reports as news
        (memoised: a corpus has few distinct publication days, most with none)."""
        found = self._news_by_publication.get(published)
        if found is None:
            found = []
            for kinds in self._families().values():
                near = [n for k in kinds for n in self.by_kind.get(k.name, ())
                        if n.start - _NEWS_LEAD <= published[1] and published[0] <= n.end + _NEWS_TAIL]
                if near:
                    found.append((kinds, near))
            if len(self._news_by_publication) < 100_000:
                self._news_by_publication[published] = found
        return found

    def news_of_the_day(self, index, published: tuple[date, date] | None,
                        linked: Mapping[str, set[int]]) -> list[tuple[int, str, str]]:
        """Sentences where a referring word (الانتخابات، الانفجار، القمة) names the one event of its
        kinds that the article was published on, the sentence naming one of its actors or the
        article being about its country: "يتجه رئيس طاجيكستان ... للفوز ... في الانتخابات التي
        شهدتها بلاده، الأحد" published on the day of Tajikistan's presidential election. An article
        already linked to an event of those kinds is left to ``follow_ups``; a sentence already
        linked to another event speaks of that one ("صوت الناخبون ... في الاستفتاء")."""
        # ... a vote or a disaster (a ``setting`` kind) or a cue-linked event; an oath, a visit or a
        # summit leaves the sentence's referring word free ("أدى توكاييف اليمين الدستورية ... بعد ثلاثة
        # أيام من الانتخابات")
        free = {e for e in linked if e in self.kind_of_event and not self.kinds[self.kind_of_event[e]].setting}
        taken = set().union(*(sids for e, sids in linked.items() if e not in free)) if linked else set()
        if published is None or (published[1] - published[0]).days > 31:
            return []
        out = []
        article_countries = None  # the countries the whole article names (asked of events inside one)
        for kinds, near in self._news_near(published):
            if any(self.kind_of_event.get(e) in {k.name for k in kinds} for e in linked):
                continue
            kind = kinds[0]
            hits = index.matches(kind.refers)
            if kind.refers_unless is not None and hits:
                hits = {s: w for s, w in hits.items() if s not in index.matches(kind.refers_unless, set(hits))}
            if kind.unless is not None and hits:
                hits = {s: w for s, w in hits.items() if s not in index.matches(kind.unless, set(hits))}
            if kind.generic_refers is not None and hits:
                hits = {s: w for s, w in hits.items() if not kind.generic_refers.regex.fullmatch(squeeze_spaces(w))}
            for sid in sorted(hits):
                if sid in taken:
                    continue
                ents = index.entities.get(sid, set())
                fits = []
                for named in near:
                    # an actor in the sentence (not the article's country: "بعد الانتخابات" in an
                    # article on Russia's meddling in the US vote is not Russia's election)
                    actors = self.actors(named) & ents
                    if not actors or _dated_away(index, sid, named):
                        continue
                    # an event inside one country, in an article that never names that country or in a
                    # sentence on another's: the actor acts elsewhere too (IS claimed the attack on
                    # cyclists in Tajikistan and, four days before, Sweida's massacre in Syria: "الهجوم
                    # الذي تبناه تنظيم الدولة" in an article on Sweida)
                    if kind.setting or kind.one_country:
                        if article_countries is None:
                            article_countries = self._countries_named(index, index.entities)
                        if not (article_countries & self._countries(named) and self.in_topic(index, sid, named)):
                            continue
                    why = "actor: " + "+".join(sorted(actors))
                    mention = self._own_mention(index, sid, kind.refers, named)
                    if mention is not None:
                        fits.append((named, mention, why))
                if len(fits) == 1:
                    named, mention, why = fits[0]
                    out.append((sid, named.event_id, f"generated: {mention} + {why} + published on the event "
                                                     f"{index.doc.published.isoformat()[:10]}"))
        return out

    def _nearest_named(self, index, sid: int, eids: list[str], linked: Mapping[str, set[int]], word: str) -> str | None:
        """Of several events of a kind the article is linked to, the one a referring word in ``sid``
        speaks of: of those the article reports as news, those whose name holds the word ("القمة"
        after "أول قمة خليجية ... إضافة إلى اللقاء التشاوري" is the summit, not the consultative
        meeting), of those the one linked last before it ("وقال رحمن خلال افتتاح القمة" after the
        CSTO summit opened, before the SCO's is named); None when that leaves none or several."""
        last = {e: max((s for s in linked[e] if s < sid), default=-1) for e in eids}
        if max(last.values()) < 0:
            return None
        # news first: of the events named before, the one the article reports (under way around its
        # publication) over one it recalls ("وحضر القمة كل من" after "في قمته الأخيرة المنعقدة في
        # 11 ديسمبر 2020", in an article on the summit of May 2021)
        published = index.doc.publication_period
        if published is not None:
            news = [e for e, s in last.items() if s >= 0 and self.by_id[e].start - NEWS_AHEAD <= published[1]
                    and published[0] <= self.by_id[e].end + timedelta(days=NEWS_TAIL_DAYS)]
            if news:
                last = {e: last[e] for e in news}
        # then those whose name holds the word ("الاجتماع" of "الاجتماع التشاوري", not of the Aral
        # fund's "قمة"), then the one named last
        stem = squeeze_spaces(word).split()[-1]
        stem = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
        own = {e: s for e, s in last.items() if s >= 0 and stem in self.name_text.get(e, "")}
        if own:
            last = own
        top = max(last.values())
        tied = sorted(e for e, s in last.items() if s == top)
        return tied[0] if len(tied) == 1 else None

    def follow_ups(self, index, linked: Mapping[str, set[int]]) -> list[tuple[int, str, str]]:
        """Sentences where the kind's noun alone refers to the one event of that kind the article
        is linked to: after a sentence naming it (or anywhere when the lead names it), its phrase
        naming no other place ("الانتخابات الأخيرة في روسيا البيضاء" is not the article's vote).
        Where the article is linked to several events of the kind, the word refers to the one linked
        last before it (``_nearest_named``)."""
        per_family: dict[int, list[str]] = {}
        kind_by_family: dict[int, Kind] = {}
        for eid in linked:
            kind = self.kinds.get(self.kind_of_event.get(eid, ""))
            if kind is not None and kind.refers is not None:
                per_family.setdefault(id(kind.refers), []).append(eid)
                kind_by_family[id(kind.refers)] = kind
        out = []
        for family, eids in per_family.items():
            kind = kind_by_family[family]
            # a plural names every event of the kind the article is linked to ("ومن المتوقع أن يشارك في
            # القمم رؤساء ..." in an article on two summits held together)
            if kind.refers_plural is not None:
                for sid, word in sorted(index.matches(kind.refers_plural).items()):
                    if _words(index, sid) < HEADING_WORDS:
                        continue
                    for eid in eids:
                        named = self.by_id[eid]
                        if sid not in linked[eid] and not contradicted(index, sid, named.start, named.end):
                            out.append((sid, eid, f"generated: {word} + event named in the article"))
            # several events of the kind, or of kinds sharing the words (a presidential and a
            # parliamentary election): the one the article reports as news, else the one named last
            # before the word (``_nearest_named``)
            hits = index.matches(kind.refers)
            if kind.refers_unless is not None and hits:
                hits = {s: w for s, w in hits.items() if s not in index.matches(kind.refers_unless, set(hits))}
            if kind.unless is not None and hits:
                hits = {s: w for s, w in hits.items() if s not in index.matches(kind.unless, set(hits))}
            # a word another linked family refers with too is ambiguous ("التصويت" in an article on a
            # presidential election and a referendum held the same day): it names neither
            rivals = [p for f, k in kind_by_family.items() if f != family
                      for p in (k.refers, k.dated_nouns) if p is not None]
            hits = {s: w for s, w in hits.items()
                    if not any(p.regex.fullmatch(squeeze_spaces(w)) for p in rivals)}
            if len(eids) == 1:
                # the event's own noun with no place of its own refers to it too ("غير أن انتخابات
                # الرئاسة ربما تجذب اهتماما أكبر" in an article on one presidential election)
                nouns = self.kinds[self.by_id[eids[0]].kind].nouns if self.kinds[self.by_id[eids[0]].kind].setting \
                    else None
                if nouns is not None:
                    hits = {**index.matches(nouns), **hits}
            else:
                nouns = None
            for sid in sorted(hits):
                eid = eids[0] if len(eids) == 1 else self._nearest_named(index, sid, eids, linked, hits[sid])
                if eid is None:
                    continue  # two events of the kind and no one of them named last before the word
                named = self.by_id[eid]
                first = min(linked[eid])
                elsewhere = set().union(*(sids for e, sids in linked.items() if e != eid))
                kind_of_event = self.kinds[named.kind]
                inside = kind_of_event.setting or kind_of_event.one_country
                if sid in linked[eid] or contradicted(index, sid, named.start, named.end):
                    continue
                if inside and not self.in_topic(index, sid, named):
                    continue  # a press review's "هذه الانتخابات" of Lebanon's or Tunisia's vote
                if _words(index, sid) < HEADING_WORDS and index.entities.get(sid):
                    continue  # a heading ("واشنطن وموسكو والمظاهرات") names a topic, not this event
                    # ("المشاركون في القمة", naming nothing else, is the event's)
                # a referring word before the event is named, in a sentence linked to another event,
                # is that event's ("ودعي إلى التصويت" in the sentence naming the election, before the
                # referendum is named)
                if sid < first and first >= LEAD_SENTENCES and sid in elsewhere:
                    continue
                mention = self._own_mention(index, sid, kind.refers, named) or \
                    (self._own_mention(index, sid, nouns, named) if nouns is not None else None)
                if mention is not None:
                    out.append((sid, eid, f"generated: {mention} + event named in the article"))
        return out


def _part(named: NamedEvent, after) -> str | None:
    """The first word after the noun (as ``_words_after`` gives them) that is a word of the
    event's name by its variant key, as read."""
    return next((r for words in after for readings in words for r in readings
                 if len(r) >= 4 and name_key((r,)) in named.part_keys), None)


def _words(index, sid: int) -> int:
    start, end = index.doc.sentences[sid] if index.doc.sentences else (0, len(index.doc.text))
    return len(index.doc.text[start:end].split())


def _dated_away(index, sid: int, named: NamedEvent, lo: int = 0, hi: int | None = None) -> bool:
    """Whether a date of the sentence (of its stretch ``[lo, hi)`` in original offsets), a year
    included, lies more than a month from the event ("خلال الاقتراع الرئاسي في 2016")."""
    margin = timedelta(days=31)
    return any(not (d[0] <= named.end + margin and named.start - margin <= d[1])
               for d in index.dates.get(sid, ())
               if hi is None or len(d) < 5 or lo <= d[4] < hi)


def _parents(matcher) -> dict[str, str]:
    return dict(matcher.variants.parents)


def redate_event_months(date_rows: list[dict], event_rows: list[dict], events: tuple[Event, ...]) -> None:
    """A month written without its year that names an event ("خلال اضطرابات أكتوبر", linked by its
    month) is the event's month, not the publication year's: its date rows are set to it."""
    by_month = [r for r in event_rows if " + month: " in r["cue"]]
    if not by_month:  # most articles: no need to look at the catalogue's events at all
        return
    starts = {e.id: _iso(e.date_start) for e in events}
    by_sentence = {(r["sentence_id"]): starts[r["event_id"]] for r in by_month if r["event_id"] in starts}
    for row in date_rows:
        start = by_sentence.get(row["sentence_id"])
        if start is None or not row.get("relative") or row.get("granularity") != "month":
            continue
        first = date.fromisoformat(str(row["date_start"]))
        if first.month == start.month and first.year != start.year:
            last = (date(start.year + start.month // 12, start.month % 12 + 1, 1) - timedelta(days=1))
            row["date_start"], row["date_end"] = date(start.year, start.month, 1).isoformat(), last.isoformat()
