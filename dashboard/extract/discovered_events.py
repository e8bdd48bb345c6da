"""Discovered events: specific events the catalogue does not hold, linked and counted anyway.

A curated catalogue of events (events.yaml) never covers an analyst's corpus: an explosion near
Tashkent's airport, an emir's tour of Central Asia, a border agreement signed in Bishkek. Entity
linking calls such a thing NIL; this module, like provisional.py for people, finds the clear cases
and gives each event a provisional id, ``new:<kind>:<anchor>:<period>`` (``new:blast:uz:2023-09``,
``new:visit:tamim:2023-06``, ``new:agreement:kg+uz:2022-11``), the same in every article and every
outlet that speaks of it: what defines an event across reports is its kind, its place or actor
and its time, not the words one outlet chose. Its links go to ``event_mentions`` with a cue
starting ``discovered:``; the ``events`` table lists each id with a label as the text first wrote
it and the dates its evidence gives (``discovered_events_table``); the app marks them unreviewed;
``python -m dashboard.quality --review`` lists them with the command that adds one to the
catalogue, after which a rebuild links the catalogue's id instead.

Precision first (the rules, as data, are in discovered_events.yaml, which documents them): a noun
of a kind of event, not generic (no "أي"، "عدم" before it, no habit or hypothesis in the sentence),
anchored by a catalogue place, body or actor in its own phrase, and dated by the sentence (or, in
the title and lead of an article dated to the day, by the publication: news of the day). An event
that the catalogue links in the sentence, or holds (same kind, anchor and dates), is not
discovered: it is the catalogue's. Later sentences of the article that refer to the one discovered
event of a kind by its noun alone ("الانفجار"، "الزيارة") take its id.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from dashboard.extract.events import PhraseSet, SentenceIndex, _alternation
from dashboard.extract.provisional import provisional_id
from dashboard.extract.visits import VisitFinder, VisitRules, parse_visit_rules
from dashboard.schema import PROVISIONAL_PREFIX, conform, is_provisional
from dashboard.text.document import Doc
from dashboard.text.normalize import fold

DISCOVERED_CUE = "discovered: "
# a catalogue event found by discovery's structure (kind's noun, anchor, date) where the catalogue's
# own cues missed it: the one catalogue event of that nature, anchor and time (``_holders``)
HELD_CUE = "held: "
VISIT_CUE = "visit found: "   # a catalogue visit found from the visit's structure (visits.py)
REFERRED = " + event named in the article"
STORY = " + story"   # after REFERRED's "(sN)": a sentence continuing the event's story (_add_story)
ANCHOR_RULES = ("place", "body", "visitor", "person", "target", "parties", "quoted")
PERIODS = ("month", "year")
FUTURE_MARGIN = timedelta(days=31)   # as events.py: no event beginning later than this after publication
VISIT_MARGIN = timedelta(days=7)
# An event the sentence dates this long before the publication is recalled background, not the news
# the article reports ("وفي نوفمبر 2018، تم إطلاق الوحدة الأولى من محطة روغون" in a 2019-09 article,
# Gagarin's 1961 launch beside a Baikonur launch): discovery names none (the tuning half's discovered
# events so dated were all false; the catalogue's own events, recalled, are still linked and held)
RECALL_AGE = timedelta(days=183)
LEAD_SENTENCES = 3                   # title and lead: where news of the day is named undated
MIN_WORDS = 5                        # a shorter line (a heading) does not refer to an event
MAX_PARTIES = 3
_PHRASE_CHARS = 110
_PLANNED_CHARS = 60  # a plan's word this near the noun, in its clause, speaks of it
_DEFINITE_CHARS = 35
# a full stop, or a comma and the conjunction و (not the و of وزير، وزارة، وفد، ولاية، وكالة، وسط، وفق)
_NEW_CLAUSE = re.compile(r"[.؛;!?؟]|[،,]\s*و(?!زير|زار|فد|لاي|كال|سط|فق|لي\s)(?=\S)")
_TARGET_GAP = 6  # words between an act's noun and its person: titles ("إقالة رئيس لجنة الأمن القومي ...")
_POSSESSOR_GAP = 1  # words between a person and their own act ("أعلن جينبيكوف رسميا استقالته")
# prepositions and conjunctions that end the title before an act's person
_CLAUSE_WORDS = frozenset(fold(w) for w in ("من", "بعد", "إلى", "على", "عن", "في", "مع", "بين", "قبل", "خلال", "لدى",
                                            "ضد", "منذ", "حول", "بسبب", "إثر", "عقب", "التي", "الذي", "الذين"))
_APPOSITION_CHARS = 3  # "ابنته، داريغا": a name right after a comma stands for the one before it
_APPOSED_NAME_CHARS = 14  # ... or after one word: a given name the mention leaves out
_RELATIVE_CHARS = 14  # "ابنة نزارباييف": a relative's word right before a person names another person
_ADJECTIVE_CHARS = 12  # the next word: "الاحتجاجات وافتتاح السفارة الأمريكية" is no US protest
_DEFINITE = re.compile(r"[وف]?(?:[بك]?ال|لل)")
_LABEL_CHARS = 60
# A name in quotes right after the noun (مؤتمر "قلب آسيا"، عملية «نبع السلام»): the quote, the name
# (a letter first, no sentence end), the closing quote; the ``quoted`` anchor rule
_QUOTED = re.compile(r"[ \t\u00a0]*[\"«“'](?P<name>[^\W\d_][^\"«»“”'.!?؟\n]{1,48}?)[\"»”']")
_OPENING_QUOTES = "\"«“"
_QUOTE_REST = re.compile(r"[^\"»”\n!?؟]{0,40}[\"»”]")  # the rest of a quoted name a noun opens
_QUOTED_WORDS = 4  # a longer quote is what someone said (عملية "اغتيال نفذه جهاز الموساد ..."), not a name
_PUNCTUATION = "،,.؛;:!?؟()\"«»“”\n"
# a day set off by commas inside a clause: "، الأربعاء،"، "، أمس الأول،"، "، يوم الخميس الماضي،"
_CONTRAST = re.compile(r"(?<![^\W_])[وف]?(?:إلا أن|الا أن|إلا أنه|إلا أنها|لكن|لكنه|لكنها|غير أن|بيد أن)(?![^\W_])")
_DAY_ASIDE = re.compile(r"[،,]\s*(?:(?:يوم|اليوم|مساء|صباح|ليلة|فجر|ظهر)\s+)?(?:ال)?(?:سبت|أحد|[اإ]ثنين|ثلاثاء|[أا]ربعاء|خميس|جمعة"
                        r"|[أا]مس(?:\s+الأول)?)(?:\s+(?:الماضي|الماضية|المقبل|المقبلة))?\s*[،,]")
_PLACE_TYPES = frozenset({"country", "city", "region"})
_BODY_TYPES = frozenset({"organisation", "forum", "initiative"})
_WORD = re.compile(r"[^\W\d_]+")
_NEXT_WORD = re.compile(r"[ \t\u00a0]+(?P<word>[\w\u0640]+)")
_NUMBERED = re.compile(r"(?:ال)?ـ?\d+")  # "الـ21"، "21"
# "منذ إعادة انتخابه في مارس": a date after منذ dates what the visit came after, not the visit
# a place visited: after إلى or ل (إلى دولة الإمارات، لأوزبكستان، نحو، في زيارة ... في)
_TO_PLACE = re.compile(r"(?:(?<![^\W_])(?:إلى|الى|نحو)\s+(?:\S+\s+)?\S*$|(?<![^\W_])[وف]?لـ?\S{0,3}$)")
_SINCE = re.compile(r"(?<![^\W_])[وف]?منذ(?![^\W_])[^،,.؛;:]*$")
_RANGE = re.compile(r"\[(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})\]")
_BY_PUBLICATION = "+ published "  # how a discovered event dated by the publication says so (``_when``)
_PUBLISHED = re.compile(r"\+ published (\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})")
# a catalogue link that refers to an event named elsewhere in the article or tells its story (events.py,
# event_context.py, story.py): not a sentence naming it
_REFERRING_CUE = re.compile(r"event named in the article|event of the article|^context:|^story:")
_ID = re.compile(r"^new:(?P<kind>[a-z_]+):(?P<anchor>[^:]+):(?P<period>\d{4}(?:-\d{2})?)$")


@dataclass(frozen=True)
class DiscoveryKind:
    name: str
    en: str
    ar: str
    nouns: PhraseSet
    refers: PhraseSet | None
    unless: PhraseSet | None
    needs: PhraseSet | None
    anchor: str
    period: str
    catalogue_kinds: frozenset[str]
    refer_words: frozenset[str] = frozenset()
    indefinite: bool = False  # only an indefinite noun names an event (منتدى, not المنتدى: the body)
    noun_words: tuple[str, ...] = ()  # the nouns as written in the file (the promotion command's words)
    possessive: frozenset[str] = frozenset()  # nouns whose own pronoun is the person (استقالته)
    # undated news of the day of this kind beside a catalogue event of its nature that the article links
    # is part of that event's story (floods below a collapsed dam, an attack during protests)
    part_of_linked: bool = False
    # kinds that say which event this kind's noun names (a vote's voters: the election or referendum the
    # article names): its links go to the article's one event of those kinds with the same anchor and year
    yields_to: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DiscoveryRules:
    kinds: tuple[DiscoveryKind, ...]
    generic_before: frozenset[str]
    generic: PhraseSet | None
    not_news: PhraseSet | None = None  # a sentence speaking of the past: not dated by publication
    visits: VisitRules | None = None   # visits found from their structure (visits.py)
    relatives: frozenset[str] = frozenset()  # words that name a person through another (ابنة نزارباييف)
    instance_words: frozenset[str] = frozenset()  # which instance a noun names (الحادية، والعشرون، السنوية)

    @property
    def by_name(self) -> dict[str, DiscoveryKind]:
        return {k.name: k for k in self.kinds}


def parse_rules(raw: Mapping) -> DiscoveryRules:
    """discovered_events.yaml (parsed); raises ValueError naming the kind and key at fault."""
    kinds = []
    for name, spec in (raw.get("kinds") or {}).items():
        if not re.fullmatch(r"[a-z_]+", name):
            raise ValueError(f"kind {name!r}: a kind is a lower-case ASCII name")
        for key in ("en", "ar", "nouns", "anchor", "period"):
            if not spec.get(key):
                raise ValueError(f"kind {name}: missing {key}")
        if spec["anchor"] not in ANCHOR_RULES:
            raise ValueError(f"kind {name}: anchor is one of {', '.join(ANCHOR_RULES)}, not {spec['anchor']!r}")
        if spec["period"] not in PERIODS:
            raise ValueError(f"kind {name}: period is month or year, not {spec['period']!r}")
        kinds.append(DiscoveryKind(
            name, str(spec["en"]), str(spec["ar"]), _alternation(with_forms(spec["nouns"])),
            _alternation(list(spec.get("refers") or [])), _alternation(list(spec.get("unless") or [])),
            _alternation(list(spec.get("needs") or [])), spec["anchor"], spec["period"],
            frozenset(spec.get("catalogue_kinds") or ()),
            refer_words=frozenset(fold(w) for w in spec.get("refers") or ()),
            indefinite=bool(spec.get("indefinite")), noun_words=tuple(spec["nouns"]),
            possessive=frozenset(fold(w) for w in spec.get("possessive") or ()),
            part_of_linked=bool(spec.get("part_of_linked")),
            yields_to=frozenset(spec.get("yields_to") or ())))
    return DiscoveryRules(tuple(kinds), frozenset(fold(w) for w in raw.get("generic_before") or ()),
                          _alternation(list(raw.get("generic") or [])),
                          _alternation(list(raw.get("not_news") or [])),
                          parse_visit_rules(raw.get("visits")),
                          frozenset(fold(w) for w in raw.get("relatives") or ()),
                          frozenset(fold(w) for w in raw.get("instance_words") or ()))


# the letters after which an indefinite noun's accusative takes no alif (ـةً، ـاءً، ـىً, a sound feminine
# plural ـاتٍ) or which end no bare noun (a pronoun's ه)
_NO_ALIF = ("ة", "ا", "ى", "ء", "ي", "و", "ه", "ات", "آ", "أ", "ئ", "ؤ")


def with_forms(nouns) -> list[str]:
    """A kind's nouns with the forms morphology gives them: the accusative of an indefinite one-word noun
    (انفجار -> انفجارا "هز انفجارا ضخما"، حريق -> حريقا "أخمد الدفاع المدني حريقا"، اعتقال -> اعتقالا); the
    proclitics (و ف ب ل ك) and the article are the phrase matcher's own."""
    out = [str(n) for n in nouns]
    for noun in list(out):
        word = noun.strip()
        if (" " in word or "*" in word or word.startswith("ال") or len(word) < 3
                or any(word.endswith(end) for end in _NO_ALIF)):
            continue
        out.append(word + "ا")
    return out


def discovered_id(kind: str, anchor: str, period: str) -> str:
    return f"{PROVISIONAL_PREFIX}{kind}:{anchor}:{period}"


def parse_id(event_id: str) -> tuple[str, str, str] | None:
    """(kind, anchor, period) of a discovered id; the anchor's parties joined by +."""
    m = _ID.match(str(event_id))
    return (m["kind"], m["anchor"], m["period"]) if m else None


@dataclass
class _Found:
    sid: int
    kind: DiscoveryKind
    anchor: str
    start: date | None  # None: named and anchored, not dated (only the same event again)
    end: date | None
    why: str
    held: str | None = None  # the catalogue event it is (the one of its nature, anchor and time)

    @property
    def eid(self) -> str:
        """Its event id: the catalogue's that holds it, else the provisional id of its kind, anchor and period."""
        return self.held or discovered_id(self.kind.name, self.anchor, _period(self.start, self.kind.period))


class EventDiscoverer:
    """Built once per catalogue (with the build's GeneratedNames: entity types, places' countries,
    persons' countries, the catalogue's events by kind; and the catalogue's events); picklable."""

    def __init__(self, rules: DiscoveryRules, generated, planned: PhraseSet | None, events=()):
        self.rules = rules
        self.generated = generated
        self.planned = planned
        self.types = generated.entity_types
        self.person_country = generated.person_country
        self.parent_of = generated.parent_of
        # per catalogue kind: (start, end, parties and their countries) of its events
        self.catalogue: dict[str, list[tuple[date, date, frozenset[str]]]] = defaultdict(list)
        for named in generated.named:
            # its persons and places (a place's country and cities included), not every country's
            # person: a visit to Kazakhstan is no Kazakh's visit
            self.catalogue[named.kind].append((named.start, named.end, frozenset(named.persons | named.places),
                                               named.event_id))
        self.kind_of_event = generated.kind_of_event
        # every catalogue event's dates (``events``: the catalogue's, events.Event)
        self.event_dates = {e.id: (date.fromisoformat(e.date_start), date.fromisoformat(e.date_end))
                            for e in events}
        self.visits = VisitFinder(rules.visits, generated, planned, rules.not_news) if rules.visits else None
        # the catalogue's kinds of meetings a leader travels to (a visit then is attendance)
        self.meeting_kinds = frozenset({"summit", "forum", "ministerial_meeting", "inauguration"})

    @property
    def active(self) -> bool:
        return bool(self.rules.kinds) or self.visits is not None

    def country(self, eid: str | None) -> str | None:
        """The country of a place (itself for a country) or of a person."""
        return self.generated.country_of_entity(eid)

    # ---- per article ---------------------------------------------------------------------------
    def find(self, doc: Doc, entity_rows: list[dict], date_rows: list[dict],
             catalogue_rows: list[dict]) -> list[dict]:
        """Rows of event_mentions for the article's discovered events (``catalogue_rows``: the
        catalogue's links of the article, which discovery never repeats)."""
        if not self.active or doc.published is None:
            return []
        index = SentenceIndex(doc, entity_rows, date_rows)
        published = doc.publication_period
        # the catalogue's links: a sentence it links to an event of a kind's nature is that event's
        kinds_at: dict[int, set[str]] = defaultdict(set)
        linked_kinds: set[str] = set()
        unkinded_at: dict[int, list[tuple[date, date]]] = defaultdict(list)
        linked_at: dict[int, list[tuple[date, date]]] = defaultdict(list)  # every catalogue event's
        for r in catalogue_rows:
            if r["event_id"] in self.event_dates:
                linked_at[int(r["sentence_id"])].append(self.event_dates[r["event_id"]])
            if r["event_id"] not in self.kind_of_event and r["event_id"] in self.event_dates:
                # an event of no kind (an agreement, an operation): any event the sentence names at
                # its time may be it
                unkinded_at[int(r["sentence_id"])].append(self.event_dates[r["event_id"]])
            kinds_at[int(r["sentence_id"])].add(self.kind_of_event.get(r["event_id"], ""))
            linked_kinds.add(self.kind_of_event.get(r["event_id"], ""))
        found: list[_Found] = []
        undated: list[_Found] = []  # named and anchored but not dated: the same event again?
        # an event is anchored by a mention of its sentence: only sentences with one are read
        # (a kind's nouns are frequent words; most sentences name nothing of the catalogue)
        anchored = set(index.entities)
        if not anchored:
            return []
        for kind in self.rules.kinds:
            hits = index.matches(kind.nouns, anchored)
            if not hits:
                continue
            if kind.needs is not None:
                hits = {s: w for s, w in hits.items() if s in index.matches(kind.needs, set(hits))}
            if kind.unless is not None and hits:
                hits = {s: w for s, w in hits.items() if s not in index.matches(kind.unless, set(hits))}
            if self.rules.generic is not None and hits:
                hits = {s: w for s, w in hits.items() if s not in index.matches(self.rules.generic, set(hits))}
            for sid in sorted(hits):
                if kind.catalogue_kinds & kinds_at.get(sid, set()):
                    continue  # the sentence's event of this nature is the catalogue's
                hit = self._named(index, sid, kind, published)
                # the catalogue's event of the sentence: one of no kind at its time; for an act befalling a
                # person, any event at its time, whose story it is ("استقالة جينبيكوف" in the 2020 crisis)
                near = [*unkinded_at.get(sid, ()), *(linked_at.get(sid, ()) if kind.anchor == "target" else ())]
                if hit is not None and hit.start is not None and any(
                        s - FUTURE_MARGIN <= hit.end and hit.start <= e + FUTURE_MARGIN for s, e in near):
                    continue
                if hit is not None and hit.held is None and hit.start is not None and _BY_PUBLICATION in hit.why \
                        and kind.part_of_linked and kind.catalogue_kinds & linked_kinds:
                    continue  # undated news beside the catalogue's event of its nature: that event's story
                if hit is not None and hit.held is not None and sid in linked_at:
                    continue  # the catalogue linked the sentence to its event: a held one is only named by the way
                if hit is not None:
                    (found if hit.start is not None else undated).append(hit)
        found, undated = self._venues_as_bodies(found), self._venues_as_bodies(undated, found)
        rows: dict[tuple[int, str], dict] = {}
        linked = {(int(r["sentence_id"]), str(r["event_id"])) for r in catalogue_rows}
        for f in found:
            if (f.sid, f.eid) not in linked:
                rows.setdefault((f.sid, f.eid), self._row(doc, f.sid, f.eid, f.why))
        self._add_renamed(doc, index, rows, found, undated)
        self._add_referring(doc, index, rows, found, linked_kinds)
        self._add_story(doc, index, rows, found, linked_kinds, catalogue_rows)
        rows = self._yielded(rows, found)
        rows = self._without_duplicates(rows, found, catalogue_rows)
        if self.visits is not None:
            rows = self._with_visits(doc, index, published, rows, catalogue_rows, kinds_at)
        return [rows[k] for k in sorted(rows)]

    def overrule(self, doc: Doc, entity_rows: list[dict], date_rows: list[dict],
                 catalogue_rows: list[dict]) -> tuple[list[dict], list[dict]]:
        """(the catalogue's rows kept, the discovered rows): ``find``, after which a catalogue visit that
        a visit found from the sentence's own structure contradicts gives way (``contradicted``), and
        discovery reads the article again without it. (A summit's body or date said in the sentence was
        tried as a contradiction too, and dropped: it took right links on the checking half.)"""
        found = self.find(doc, entity_rows, date_rows, catalogue_rows)
        drop = self.contradicted(catalogue_rows, found)
        if not drop:
            return catalogue_rows, found
        kept = [r for r in catalogue_rows if (int(r["sentence_id"]), str(r["event_id"])) not in drop]
        return kept, self.find(doc, entity_rows, date_rows, kept)

    def contradicted(self, catalogue_rows: list[dict], found_rows: list[dict]) -> set[tuple[int, str]]:
        """The catalogue's visit links (sentence, event) that the article's own visit contradicts: in a
        sentence where discovery found a visit of visitor V to host H (``new:visit:V+H:...``), a
        catalogue visit of another visitor or to another host ("أردوغان يختتم زيارته إلى أوزبكستان"
        linked, by its visitor's name and month, to his visit to Saudi Arabia). Where every sentence
        naming the catalogue visit (a link of its own, not one referring to it or telling its story)
        is contradicted, its every link in the article goes."""
        found_at: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for r in found_rows:
            parsed = parse_id(str(r["event_id"]))
            if parsed and parsed[0] == "visit" and parsed[1].count("+") == 1:
                visitor, host = parsed[1].split("+")
                if self.types.get(visitor) == "person" and self.types.get(host) == "country":
                    found_at[int(r["sentence_id"])].append((visitor, host))
        if not found_at:
            return set()
        against: dict[str, set[int]] = defaultdict(set)
        for r in catalogue_rows:
            sid, eid = int(r["sentence_id"]), str(r["event_id"])
            named = self.generated.by_id.get(eid)
            if named is None or named.kind != "visit" or sid not in found_at:
                continue
            hosts = set(named.places) | {self.country(p) for p in named.places} - {None}
            if any(visitor not in named.persons or host not in hosts for visitor, host in found_at[sid]):
                against[eid].add(sid)
        drop = set()
        for eid, sids in against.items():
            own = {int(r["sentence_id"]) for r in catalogue_rows if str(r["event_id"]) == eid
                   and not _REFERRING_CUE.search(str(r.get("cue", "")))}
            every = own <= sids
            drop |= {(int(r["sentence_id"]), eid) for r in catalogue_rows if str(r["event_id"]) == eid
                     and (every or int(r["sentence_id"]) in sids)}
        return drop

    def _venues_as_bodies(self, found: list[_Found], named: list[_Found] | None = None) -> list[_Found]:
        """``found`` with the summits anchored by their venue's country alone ("وحضر القمة التاريخية في
        إسطنبول") given the body of the one summit of the article (``named``, else ``found``) that a body
        anchors at that time ("بقمة منظمة الدول التركية"): one summit, named by its body and then by its
        venue, not two."""
        named = found if named is None else named
        bodies: dict[str, dict[str, tuple[date, date]]] = defaultdict(dict)
        for f in named:
            if f.kind.anchor == "body" and f.start is not None and self.types.get(f.anchor) in _BODY_TYPES:
                lo, hi = bodies[f.kind.name].get(f.anchor, (f.start, f.end))
                bodies[f.kind.name][f.anchor] = (min(lo, f.start), max(hi, f.end))
        if not bodies:
            return found
        out = []
        for f in found:
            one = bodies.get(f.kind.name, {})
            if len(one) == 1 and self.types.get(f.anchor) == "country":
                body, (lo, hi) = next(iter(one.items()))
                if f.held is None and (f.start is None or (lo - FUTURE_MARGIN <= f.end and f.start <= hi + FUTURE_MARGIN)):
                    f = _Found(f.sid, f.kind, body, f.start, f.end, f"{f.why} + venue of: {body}")
            out.append(f)
        return out

    def _with_visits(self, doc: Doc, index: SentenceIndex, published, rows: dict, catalogue_rows: list[dict],
                     kinds_at: dict[int, set[str]]) -> dict:
        """The rows with the visits found from their structure (visits.py): each sentence of the
        article's visit under its one id (the catalogue's visit where it holds it), and the visit
        nouns' own discoveries of the same visitor renamed to it."""
        # a meeting in a sentence the catalogue gives to a summit or a forum is on its sidelines
        busy = {sid for sid, kinds in kinds_at.items() if kinds - {"", "visit"}}
        visiting = {sid for sid, kinds in kinds_at.items() if "visit" in kinds}
        meetings = []
        for r in catalogue_rows:
            named = self.generated.by_id.get(str(r["event_id"]))
            if named is not None and named.kind not in ("visit",) and named.kind in self.meeting_kinds:
                meetings.append((named.places | {self.country(p) for p in named.places} - {None},
                                 named.start, named.end))
        # the catalogue's events of each sentence: the visit's story does not go on through another's
        others: dict[int, set[str]] = defaultdict(set)
        for r in catalogue_rows:
            others[int(r["sentence_id"])].add(str(r["event_id"]))
        found = self.visits.find(index, published, busy, meetings, others)
        # a new visit the sentence dates half a year or more before publication is recalled, as every
        # other kind is (RECALL_AGE): "قام الرئيس ... في سبتمبر 2018 بزيارة" in a 2020 article
        found = [f for f in found if not _recalled(f[1], published)]
        if not found:
            return rows
        linked = {(int(r["sentence_id"]), str(r["event_id"])) for r in catalogue_rows}
        of_visitor: dict[str, set[str]] = defaultdict(set)
        for _, eid, _, visitor in found:
            of_visitor[visitor].add(eid)
        renamed: dict[tuple[int, str], dict] = {}
        for (sid, eid), row in rows.items():
            parsed = parse_id(eid)
            if parsed and parsed[0] == "visit" and "+" not in parsed[1]:
                same = self._visits_in(of_visitor.get(parsed[1], set()), parsed[2])
                if len(same) == 1:
                    eid = next(iter(same))
                    row = {**row, "event_id": eid}
            if (sid, eid) not in linked:
                renamed.setdefault((sid, eid), row)
        theirs = self._linked_visits(catalogue_rows)
        for sid, eid, why, _ in found:
            if is_provisional(eid):
                same = self._visit_it_is(eid, why, theirs)
                if same is not None:
                    eid, why = same, f"{why} + the article's visit"
            if (sid, eid) in linked or (sid in visiting and not is_provisional(eid)):
                continue  # the catalogue's link, or its visit of the sentence
            cue = DISCOVERED_CUE + why if is_provisional(eid) else VISIT_CUE + why
            start, end = doc.sentences[sid] if doc.sentences else (0, len(doc.text))
            renamed.setdefault((sid, eid), {"article_id": doc.article_id, "sentence_id": sid, "event_id": eid,
                                            "char_start": start, "char_end": end, "cue": cue})
        return renamed

    def _linked_visits(self, catalogue_rows: list[dict]) -> dict[str, tuple[date, date, set[str], set[str]]]:
        """The catalogue's visits the article links: id -> (first day, last day, its visitors'
        countries, its host countries)."""
        out = {}
        for cid in sorted({str(r["event_id"]) for r in catalogue_rows}):
            named = self.generated.by_id.get(cid)
            if self.kind_of_event.get(cid) != "visit" or named is None or cid not in self.event_dates:
                continue
            hosts = {self.country(p) for p in named.places} - {None}
            visitors = {self.country(p) for p in named.persons} - {None} - hosts
            out[cid] = (*self.event_dates[cid], visitors, hosts)
        return out

    def _visit_it_is(self, eid: str, why: str, theirs: dict[str, tuple[date, date, set[str], set[str]]]) -> str | None:
        """The one catalogue visit of the article that a visit found from its structure is with the
        roles read the wrong way round: at its time, the found visitor a person of the catalogue visit's
        host country and the found host the catalogue visitor's country ("واستقبل تشاووش أوغلو في
        سمرقند، نائب رئيس الوزراء عزيز عبد الحكيموف" beside Cavusoglu's visit to Uzbekistan: the Uzbek
        host received, read as visiting Turkey). Another visitor or host of the visitor's is another
        visit (``contradicted``)."""
        parsed = parse_id(eid)
        span = _RANGE.search(why)
        if parsed is None or span is None or parsed[1].count("+") != 1:
            return None
        visitor, host = parsed[1].split("+")
        if self.types.get(visitor) != "person" or self.types.get(host) != "country":
            return None
        lo, hi = date.fromisoformat(span.group(1)), date.fromisoformat(span.group(2))
        same = [cid for cid, (start, end, visitors, hosts) in theirs.items()
                if start - VISIT_MARGIN <= hi and lo <= end + VISIT_MARGIN
                and self.country(visitor) in hosts and host in visitors]
        return same[0] if len(same) == 1 else None

    def _visits_in(self, visits: set[str], period: str) -> set[str]:
        """The visits (ids) of one visitor that a visit noun's discovery of ``period`` (its month) is:
        the one visit when there is one; else those of that month ("وصل ... في زيارة دولة إلى دوشانبي في
        18 أبريل" beside "وقبل ذلك، زار ... دوشانبي" of another year is April's)."""
        if len(visits) <= 1:
            return visits
        return {eid for eid in visits if self._in_period(eid, period)}

    def _in_period(self, eid: str, period: str) -> bool:
        parsed = parse_id(eid)
        if parsed is not None:
            return parsed[2] == period
        span = self.event_dates.get(eid)
        return span is not None and any(_period(day, "month") == period for day in span)

    @staticmethod
    def _row(doc: Doc, sid: int, eid: str, why: str) -> dict:
        start, end = doc.sentences[sid] if doc.sentences else (0, len(doc.text))
        return {"article_id": doc.article_id, "sentence_id": sid, "event_id": eid,
                "char_start": start, "char_end": end, "cue": (DISCOVERED_CUE if is_provisional(eid) else HELD_CUE) + why}

    def _named(self, index: SentenceIndex, sid: int, kind: DiscoveryKind, published) -> _Found | None:
        """The first mention of the kind's noun in the sentence that names a specific event: not
        generic, anchored, dated, not the catalogue's."""
        doc = index.doc
        text = doc.norm.text
        start, end = index.sentence_span(sid)
        names = sorted(index.name_spans.get(sid, ()))
        adjectives = sorted(set(index.entity_spans.get(sid, ())) - set(names))
        undated = None
        for m in index.finditer(kind.nouns, start, end):  # (compiles only the phrases the article holds)
            if not kind.nouns.accepts(doc, m.start(), m.end()):
                continue
            if kind.indefinite and _DEFINITE.match(text, m.start()):
                continue
            before = _WORD.findall(text[max(start, m.start() - 20):m.start()])
            if before and before[-1] in self.rules.generic_before:
                continue  # "أي انتخابات"، "عدم الزيارة"
            a, b = doc.norm.to_original(m.start(), m.end())
            b = _past_open_quote(doc.text, a, b)
            phrase = self._phrase(doc, sid, names, adjectives, a, b, definite=bool(_DEFINITE.match(text, m.start())),
                                  inner=kind.anchor == "place")
            anchor = self._anchor(kind, names, phrase, a, b, doc.text,
                                  sorted(names + adjectives) if kind.anchor == "parties" else names)
            if anchor is None:
                continue
            label_end = max([e for _, e, _ in phrase] + [b])
            label = _shortened(" ".join(doc.text[a:label_end].split()))
            when = self._when(index, sid, kind, published, a, b)
            if when is None:
                if undated is None and not index.dates.get(sid):
                    undated = _Found(sid, kind, anchor, None, None, f"{label} + anchor: {anchor}")
                continue
            first, last, said = when
            hosts = self._hosts(names, doc.text) if kind.anchor == "visitor" else set()
            holders = self._holders(kind, anchor, first, last, hosts)
            if len(holders) > 1:
                return None  # the catalogue's, but which of its events the structure cannot say
            if not holders and published is not None and last < published[0] - RECALL_AGE:
                continue  # a past event recalled: background, no new event
            return _Found(sid, kind, anchor, first, last, f"{label} + anchor: {anchor} + {said}",
                          held=next(iter(holders)) if holders else None)
        return undated

    def _phrase(self, doc: Doc, sid: int, names, adjectives, a: int, b: int, definite: bool,
                inner: bool = False) -> list:
        """The mentions of the noun's own phrase (original offsets ``[a, b)`` of the noun): persons
        and names up to the next punctuation; after a definite noun, places and bodies only close
        to it (the event is named right after it: "القمة العربية في الرياض"; further on the clause
        says something else: "وشهدت القمة أيضا انتقادات حادة من الرئيس الأمريكي"); adjectives
        only right after the noun ("الانتخابات الرئاسية الأمريكية"; "تحت سطوة النظام الإيراني" at
        the end of the phrase is no party), after the names. With ``inner``, the places inside a
        match with a gap come first ("نظم العشرات فى قازاخستان، اليوم الأربعاء، احتجاجا": the
        organisers' country is the protest's), and its adjectives after the names ("عادت ممثلة ومخرجة
        روسية إلى الأرض")."""
        limit = doc.sentences[sid][1] if doc.sentences else len(doc.text)
        full = _phrase_end(doc.text, b, limit)
        # which instance the noun names does not part it from its name: "القمة الحادية والعشرون لمنظمة
        # شنغهاي للتعاون" (``instance_words``)
        near = min(full, self._after_instance(doc.text, b, full) + _DEFINITE_CHARS) if definite else full
        # a name holding the noun is the event's body ("منتدى فالداي للحوار الدولي": valdai_club)
        out = [x for x in names if a <= x[0] and x[1] <= b and self.types.get(x[2]) in _PLACE_TYPES] if inner else []
        out += [x for x in names if x[0] <= a and x[1] > b]
        out += [x for x in names if x[0] >= b and x[1] <= full
                and (x[1] <= near or self.types.get(x[2]) == "person")]
        # names first: "تحطمت طائرة عسكرية أفغانية ... في أوزبكستان" crashed in Uzbekistan; then, inside a
        # gapped match, the adjective of its actors ("عادت ممثلة ومخرجة روسية إلى الأرض": a Russian crew)
        if inner:
            out += [x for x in adjectives if a <= x[0] and x[1] <= b and self.types.get(x[2]) in _PLACE_TYPES]
        return out + [x for x in adjectives if x[0] >= b and x[0] - b <= _ADJECTIVE_CHARS and x[1] <= full]

    def _after_instance(self, text: str, at: int, limit: int) -> int:
        """Where the words saying which instance a noun names (an ordinal, a number, السنوية) end,
        from ``at``."""
        while True:
            m = _NEXT_WORD.match(text, at, limit)
            if m is None:
                return at
            word = m["word"]
            if not (word.strip("ـ").isdigit() or fold(word).lstrip("و") in self.rules.instance_words
                    or fold(word) in self.rules.instance_words or _NUMBERED.fullmatch(word)):
                return at
            at = m.end()

    def _noun_starts(self, index: SentenceIndex, sid: int) -> list[int]:
        """Where every kind's noun starts in the sentence (original offsets), memoised per article:
        a date belongs to the noun it follows ("حريق نشب ... بالانتخابات التشريعية التي جرت في 12
        أيار" dates the election, not the fire)."""
        memo = index.__dict__.setdefault("_discovery_nouns", {})
        if sid not in memo:
            doc = index.doc
            start, end = index.sentence_span(sid)
            memo[sid] = sorted({doc.norm.to_original(m.start(), m.end())[0] for kind in self.rules.kinds
                                for m in index.finditer(kind.nouns, start, end)})
        return memo[sid]

    def _holders(self, kind: DiscoveryKind, anchor: str, first: date, last: date,
                 hosts: set[str] = frozenset()) -> set[str]:
        """The catalogue's events of the same nature with this anchor at this time (a catalogue event its
        cues missed here is not a new one: where it is one event, the sentence is linked to it).
        ``hosts``: the countries a visit goes to, as the sentence says; a catalogue visit to none of
        them is another visit ("زيارة رحمن الرسمية لأوزبكستان في يونيو 2022" is not his visit to
        Iran of late May)."""
        parties = set(anchor.split("+"))
        # a visitor's visit is the catalogue's only near its days: a leader travels every month
        margin = VISIT_MARGIN if kind.anchor == "visitor" else FUTURE_MARGIN
        return {eid for cat_kind in kind.catalogue_kinds for s, e, theirs, eid in self.catalogue.get(cat_kind, ())
                if s - margin <= last and first <= e + margin and parties & theirs
                and (not hosts or self._visits_one_of(theirs, hosts))}

    def _visits_one_of(self, theirs: frozenset[str], hosts: set[str]) -> bool:
        """Whether a catalogue event's places (none said: any) lie in one of ``hosts``."""
        places = {self.country(eid) for eid in theirs if self.types.get(eid) in _PLACE_TYPES} - {None}
        return not places or not places.isdisjoint(hosts)

    # ---- anchor ------------------------------------------------------------------------------
    def _anchor(self, kind: DiscoveryKind, spans, phrase, noun_start: int, noun_end: int, text: str,
                sentence=None) -> str | None:
        """The event's anchor (the kind's rule; see discovered_events.yaml): ``spans`` the sentence's
        names, ``phrase`` the noun's own mentions, ``sentence`` what the parties rule falls back on
        (names and adjectives: "ونظيره الأوزبكستاني" is a party to what the two sign)."""
        if kind.anchor == "visitor":
            return self._visitor(spans, phrase, noun_end, text)
        if kind.anchor == "quoted":  # the name the text gives it in quotes: the same in every article
            return quoted_anchor(text, noun_end)
        if kind.anchor == "person":  # whose oath: the person of the phrase, else of the sentence
            return next((eid for _, _, eid in [*phrase, *spans] if self.types.get(eid) == "person"), None)
        if kind.anchor == "target":
            noun = fold(text[noun_start:noun_end])
            if any(noun.endswith(word) for word in kind.possessive):
                # his own act: the person named right before the noun ("أعلن جينبيكوف استقالته";
                # not "عين راب بعدما قدم دافيد دافيس استقالته", whose resigner the catalogue lacks)
                return next((eid for _, e, eid in reversed(spans) if e <= noun_start and self.types.get(eid) == "person"
                             and len(_WORD.findall(text[e:noun_start])) <= _POSSESSOR_GAP), None)
            return self._target(phrase, spans, text, noun_end)
        if kind.anchor == "body":
            # a body's summit (قمة مجموعة السبع), else its parties (قمة بين ترامب وبوتين: ru+us),
            # else its venue's country (القمة العربية في الرياض)
            body = next((eid for _, _, eid in phrase if self.types.get(eid) in _BODY_TYPES), None)
            # parties: two or more ("قمة بين ترامب وبوتين"); one leader after the noun is a speaker there
            # ("القمة اعمالها حيث اكد الرئيس الايراني بالانابة محمد مخبر"), not the summit's anchor
            parties = self._parties(phrase, venues=False)
            return body or (parties if parties and "+" in parties else None) or self._place(phrase, None)
        if kind.anchor == "parties":
            # the signatories: "بين قرغيزستان وأوزبكستان" in the phrase, else the sentence's parties
            # ("وقّع وزير خارجية قيرغيزستان ... ونظيره الأوزبكستاني ... اتفاقا بشأن خزان كيمبير آباد")
            own = self._parties(phrase)
            if own and "+" in own:
                return own
            return self._parties(sentence if sentence is not None else spans) or own
        return self._place(phrase, [x for x in spans if x[1] <= noun_start])

    def _target(self, phrase, spans, text: str, noun_end: int) -> str | None:
        """Whom the act befalls (a dismissal, an arrest): the first person of the noun's own phrase
        not named through a relative or an aide; the person in apposition right after such a one
        ("اعتقال ابن شقيق نزارباييف، قيرات ساتيبالدي" is Satybaldy's). Never a person elsewhere in
        the sentence: "أعلن توكاييف إقالة وزير" names the one who dismisses, and a dismissed person
        the catalogue does not know anchors nothing."""
        for start, end, eid in phrase:
            if self.types.get(eid) != "person":
                continue
            between = _WORD.findall(text[noun_end:start])
            if len(between) > _TARGET_GAP or any(fold(w) in _CLAUSE_WORDS for w in between):
                # the phrase says something else by then: "استقالة فارغورانتا ... بعد أيام من انسحاب
                # الرئيس ترامب" is not Trump's
                return None
            before = _WORD.findall(text[max(0, start - _RELATIVE_CHARS):start])
            # a relative's word right before the person, or heading the title chain between the noun
            # and the person ("أقيلت ابنة رئيس كازاخستان السابق نور سلطان نزارباييف، داريجا نزارباييفا"
            # befalls the daughter)
            related = (before and fold(before[-1]) in self.rules.relatives) or \
                any(fold(w) in self.rules.relatives for w in between)
            if not related:
                return eid
            apposed = next((other for s, _, other in spans if end < s and self.types.get(other) == "person"
                            and _apposed(text[end:s])), None)
            if apposed is not None:
                return apposed
        return None

    def _place(self, phrase, sentence) -> str | None:
        """The country of the phrase's first place; else (``sentence`` given: the mentions before
        the noun) the one country of every place there ("العراق ... الانتخابات البرلمانية")."""
        for _, _, eid in phrase:
            if self.types.get(eid) in _PLACE_TYPES and self.country(eid):
                return self.country(eid)
        if sentence is None:
            return None
        countries = {self.country(eid) for _, _, eid in sentence if self.types.get(eid) in _PLACE_TYPES}
        countries.discard(None)
        return countries.pop() if len(countries) == 1 else None

    def _parties(self, spans, venues: bool = True) -> str | None:
        """The parties (bodies, countries, persons' countries) of ``spans``, sorted and joined by +;
        without ``venues``, cities and regions do not count (a summit's host city is no party)."""
        places = _PLACE_TYPES if venues else frozenset({"country"})
        parties = []
        for _, _, eid in spans:
            typ = self.types.get(eid)
            party = eid if typ in _BODY_TYPES else self.country(eid) if typ in places | {"person"} else None
            if party and party not in parties:
                parties.append(party)
        if not parties or len(parties) > MAX_PARTIES:
            return None
        return "+".join(sorted(parties))

    def _visitor(self, spans, phrase, noun_end: int, text: str = "") -> str | None:
        """Who visits: a person named in the noun's phrase ("زيارة الرئيس ميرضيائيف"); else the first
        person of the sentence not of the country visited (a place after إلى or ل: "وصل توكاييف
        إلى دولة الإمارات ... في زيارة"). A visit is a person's (not "زيارة من رئيس كازاخستان": who,
        the finder of visits.py tells from the article) to somewhere abroad: the sentence names a
        place not of the visitor's country ("بزيارة منطقة الاستفتاء ... بالعاصمة طشقند" is a president
        voting at home)."""
        hosts = self._hosts(spans, text)
        # not the host ("زيارته الرسمية لفرنسا ... جمعه بالرئيس إيمانويل ماكرون" is not Macron's visit)
        person = next((eid for _, _, eid in phrase if self.types.get(eid) == "person"
                       and self.person_country.get(eid) and self.person_country.get(eid) not in hosts), None)
        if person is None:
            person = next((eid for _, _, eid in spans if self.types.get(eid) == "person"
                           and self.person_country.get(eid) and self.person_country.get(eid) not in hosts), None)
        if person is None:
            return None
        home = self.person_country[person]
        if not any(self.types.get(eid) in _PLACE_TYPES and self.country(eid) != home for _, _, eid in spans):
            return None  # nowhere abroad named
        return person

    def _hosts(self, spans, text: str) -> set[str]:
        """The countries of the places a sentence's visit goes to: after إلى or ل ("إلى دولة
        الإمارات"، "لأوزبكستان")."""
        hosts = {self.country(eid) for s, _, eid in spans
                 if self.types.get(eid) in _PLACE_TYPES and _TO_PLACE.search(text[max(0, s - 12):s + 3])}
        hosts.discard(None)
        return hosts

    # ---- time --------------------------------------------------------------------------------
    def _when(self, index: SentenceIndex, sid: int, kind: DiscoveryKind, published, noun_start: int,
              noun_end: int):
        """(first day, last day, how said) of the event the noun names, or None: the sentence's
        date nearest the noun (a day or month; a year for a yearly kind), no later than a month
        after publication; else, in the title or lead of an article dated to the day, with no
        date and no planned word, the publication day."""
        widest = 366 if kind.period == "year" else 31
        dates = index.dates.get(sid, ())
        nouns = self._noun_starts(index, sid) if dates else []  # which noun each date dates
        text = index.doc.text
        usable = [d for d in dates if (d[1] - d[0]).days <= widest
                  and (kind.period == "year" or d[0].year == d[1].year)
                  and not (len(d) > 4 and _SINCE.search(text[max(0, d[4] - 30):d[4]]))
                  and (len(d) < 5 or _owner(nouns, d[4]) == noun_start)
                  # an act's date is in its own clause: "بعد الاستقالة المفاجئة لنزار باييف، وتعهّد
                  # ... بتسوية أزمة كانون الثاني/يناير" dates the crisis, not the resignation
                  and (kind.anchor != "target" or len(d) < 5 or not _NEW_CLAUSE.search(
                      text[min(noun_end, d[4]):max(noun_start, d[4])]))
                  # for any kind, a date past a contrast is another act's: "يعتزم قيادة الاحتجاجات في
                  # موسكو، الأحد، إلا أن محكمة أدانته الشهر الماضي" (the month is the conviction's)
                  and (len(d) < 5 or not _CONTRAST.search(text[min(noun_end, d[4]):max(noun_start, d[4])]))]
        if usable:
            d = min(usable, key=lambda d: (abs((d[4] if len(d) > 4 else 0) - noun_end), d[0]))
            if published is not None and d[0] > published[1] + FUTURE_MARGIN:
                return None  # an event still to come: no discovered event dated in the future
            return d[0], d[1], f"date: {' '.join(str(d[2]).split())} [{d[0].isoformat()}..{d[1].isoformat()}]"
        own = [d for d in dates if len(d) < 5 or _owner(nouns, d[4]) == noun_start]
        if own or published is None or (published[1] - published[0]).days > 31 or sid >= _lead_end(index.doc):
            return None  # dated otherwise (a year of a month-kind), or not news of the day
        if self._planned_near(index, sid, noun_start, noun_end):
            return None  # a plan with no date
        if self.rules.not_news is not None and index.matches(self.rules.not_news, {sid}):
            return None  # "احتجاجات تقسيم في الربيع الماضي": the past, not the news
        # an article dated to its month only: the news is of that month
        return published[0], published[1], f"published {published[0].isoformat()}..{published[1].isoformat()}"

    def _planned_near(self, index: SentenceIndex, sid: int, noun_start: int, noun_end: int) -> bool:
        """Whether a word of a plan (سيعقد، المقبل، المرتقب ...) speaks of the noun: anywhere before
        it in the sentence, or after it in its clause (no comma or clause-opening و between them)
        within _PLANNED_CHARS. Not a plan later in the sentence: "أظهرت نتائج شبه نهائية لاستفتاء
        دستوري في قرغيزستان ... والسماح لرئيس الدولة ... بالترشح لولاية ثانية" reports a vote held."""
        if self.planned is None or not index.matches(self.planned, {sid}):
            return False
        doc = index.doc
        start, end = index.sentence_span(sid)
        text = doc.text
        for m in index.finditer(self.planned, start, end):
            a, b = doc.norm.to_original(m.start(), m.end())
            if b <= noun_start:
                return True  # "ومن المقرر أن يصل شولتس ... ويوقع اتفاقيات": the plan governs what follows
            if a - noun_end <= _PLANNED_CHARS and not _NEW_CLAUSE.search(text[noun_end:a]) \
                    and not re.search(r"[،,]", text[noun_end:a]):
                return True  # "القمة المقبلة"
        return False

    # ---- referring words -----------------------------------------------------------------------
    @staticmethod
    def _yielded(rows: dict, found: list[_Found]) -> dict:
        """The rows with the events of a kind that yields (``yields_to``) given the article's one event of
        the kinds it yields to with the same anchor and year ("يدلي الناخبون" in an article naming the
        referendum is the referendum's)."""
        if not any(f.kind.yields_to for f in found):
            return rows
        to: dict[str, str] = {}
        for f in found:
            if not f.kind.yields_to or f.held is not None:
                continue
            them = {g.eid for g in found if g.kind.name in f.kind.yields_to and g.anchor == f.anchor
                    and g.start.year == f.start.year}
            if len(them) == 1:
                to[f.eid] = next(iter(them))
        if not to:
            return rows
        out: dict[tuple[int, str], dict] = {}
        for (sid, eid), row in rows.items():
            if eid in to:
                eid = to[eid]
                row = {**row, "event_id": eid}
            out.setdefault((sid, eid), row)
        return out

    def _add_renamed(self, doc: Doc, index: SentenceIndex, rows: dict, found: list[_Found],
                     undated: list[_Found]) -> None:
        """Sentences naming again, undated, a discovered event of the article with the same kind
        and anchor ("وزيارة الرئيس ميرضيائيف، هي ثاني زيارة" after the visit was named and dated):
        the same event, when the article has one such event."""
        by_anchor: dict[tuple[str, str], set[str]] = defaultdict(set)
        first: dict[str, int] = {}
        for f in found:
            eid = f.eid
            by_anchor[(f.kind.name, f.anchor)].add(eid)
            first[eid] = min(first.get(eid, f.sid), f.sid)
        for f in undated:
            eids = by_anchor.get((f.kind.name, f.anchor), set())
            if len(eids) != 1:
                continue
            eid = next(iter(eids))
            rows.setdefault((f.sid, eid), self._row(doc, f.sid, eid, f"{f.why}{REFERRED} (s{first[eid]})"))

    def _add_referring(self, doc: Doc, index: SentenceIndex, rows: dict, found: list[_Found],
                       linked_kinds: set[str]) -> None:
        """Later sentences naming the article's one discovered event of a kind by its noun alone
        ("وتسبب الانفجار بتدمير نوافذ"), when the catalogue links no event of that nature in the
        article, the noun's phrase anchors no other event and the sentence dates nothing else."""
        per_kind, first, dates = _by_kind(found)
        kinds = self.rules.by_name
        for name, eids in per_kind.items():
            kind = kinds[name]
            if len(eids) != 1 or kind.refers is None or kind.catalogue_kinds & linked_kinds:
                continue
            # "الانتخابات" in an article with a presidential and a parliamentary vote names neither
            if any(kinds[other].refer_words & kind.refer_words for other in per_kind if other != name
                   and name not in kinds[other].yields_to and other not in kind.yields_to):
                continue
            eid = next(iter(eids))
            anchor = next(f.anchor for f in found if f.eid == eid)
            lo, hi = dates[eid]
            # its noun again, where its phrase anchors nothing else ("جراء سقوط طائرة تابعة لإحدى شركات
            # الطيران" in the article of the one crash): the same event, as its referring words are (not a
            # kind whose noun needs another word to name an event: an agreement signed)
            referring = {} if kind.needs is not None else dict(index.matches(kind.nouns))
            referring.update(index.matches(kind.refers))
            for sid, word in sorted(referring.items()):
                if sid <= first[eid] or (sid, eid) in rows or _words(doc, sid) < MIN_WORDS:
                    continue
                if any(not (d[0] <= hi + FUTURE_MARGIN and lo - FUTURE_MARGIN <= d[1])
                       for d in index.dates.get(sid, ()) if not d[3]):
                    continue  # dated away from the event
                if kind.unless is not None and sid in index.matches(kind.unless, {sid}):
                    continue
                if self.rules.generic is not None and index.matches(self.rules.generic, {sid}):
                    continue  # "الذين يفوزون عادة في الانتخابات": a habit, not this vote
                # "الانتخابات البرلمانية" is not the presidential vote's referring word; an act befalling
                # a person beside it is no rival ("تقدم باستقالته على خلفية الاحتجاجات")
                # nor a noun of the kind it yields to: a launch's astronaut in the article of the crew's return
                if any(k.name != name and k.anchor != "target" and name not in k.yields_to
                       and k.name not in kind.yields_to
                       and index.matches(k.nouns, {sid}) for k in self.rules.kinds):
                    continue
                if not self._phrase_agrees(index, sid, kind, anchor):
                    continue
                rows[(sid, eid)] = self._row(doc, sid, eid, f"{word}{REFERRED} (s{first[eid]})")

    def _without_duplicates(self, rows: dict, found: list[_Found], catalogue_rows: list[dict]) -> dict:
        """The rows without the discovered events that duplicate a catalogue event the article links:
        one of the same nature (its kind among the discovered kind's ``catalogue_kinds``, or an event of
        no kind: an agreement, a riot) at the same time (a month's margin), sharing a party with the
        discovered anchor (its places, bodies, persons and their countries) or a sentence with its
        links ("أعمال الشغب اندلعت ... في سجن" linked to the Vahdat prison riot: the discovered riot of
        the lead is that one)."""
        linked: dict[str, set[int]] = defaultdict(set)
        for r in catalogue_rows:
            if str(r["event_id"]) in self.event_dates:
                linked[str(r["event_id"])].add(int(r["sentence_id"]))
        if not linked or not rows:
            return rows
        spans: dict[str, tuple[date, date]] = {}
        for f in found:
            if f.held is not None:
                continue  # the catalogue's own event
            eid = f.eid
            lo, hi = spans.get(eid, (f.start, f.end))
            spans[eid] = (min(lo, f.start), max(hi, f.end))
        sentences: dict[str, set[int]] = defaultdict(set)
        for sid, eid in rows:
            sentences[eid].add(sid)
        kinds = self.rules.by_name
        drop = set()
        for eid, (lo, hi) in spans.items():
            kind_name, anchor, _ = parse_id(eid) or ("", "", "")
            kind = kinds.get(kind_name)
            if kind is None:
                continue
            parties = set(anchor.split("+"))
            for cid, at in linked.items():
                start, end = self.event_dates[cid]
                if not (start - FUTURE_MARGIN <= hi and lo <= end + FUTURE_MARGIN):
                    continue
                cat_kind = self.kind_of_event.get(cid)
                if cat_kind and cat_kind not in kind.catalogue_kinds:
                    continue
                named = self.generated.by_id.get(cid)
                theirs = set(named.persons | named.places) if named is not None else set()
                theirs |= {self.country(x) for x in theirs} - {None}
                if parties & theirs or at & sentences[eid]:
                    drop.add(eid)
                    break
        return {key: row for key, row in rows.items() if key[1] not in drop} if drop else rows

    def _story_of(self, kind: DiscoveryKind):
        """(story, story_alone) of the catalogue kind of the same nature (events.yaml event_kinds: what
        an article about such an event tells without naming it), or None where it has none (a crash,
        floods: readers link their figures only where the event is named)."""
        for name in sorted(kind.catalogue_kinds):
            own = self.generated.kinds.get(name)
            if own is not None and own.story is not None:
                return own.story, own.story_alone
        return None

    def _actors(self, anchor: str) -> frozenset[str]:
        """The anchor's parties (a country, a body, a person)."""
        return frozenset(anchor.split("+"))

    def _add_story(self, doc: Doc, index: SentenceIndex, rows: dict, found: list[_Found], linked_kinds: set[str],
                   catalogue_rows: list[dict]) -> None:
        """Sentences continuing the story of the article's event: the one discovered event of its kind
        that the title or lead names (news of the day: the article is about it), where the catalogue
        links no event of its nature. A later sentence with a word of the kind's story (events.yaml:
        talks for a visit, leaders for a summit, voters for an election) and one of the event's
        parties itself in it (the country, the body, the person), or a phrase that speaks of
        the story alone ("الرئيسان"، "البيان الختامي"), takes it; never a sentence the catalogue
        links, one naming an event of another kind, one dated away from the event, or a heading."""
        per_kind, first, dates = _by_kind(found)
        linked_at = {int(r["sentence_id"]) for r in catalogue_rows}
        kinds = self.rules.by_name
        n = len(doc.sentences) or 1
        for name, eids in sorted(per_kind.items()):
            kind = kinds[name]
            if len(eids) != 1 or kind.catalogue_kinds & linked_kinds:
                continue
            eid = next(iter(eids))
            if first[eid] >= _lead_end(doc):
                continue  # named further down: one story among others
            story = self._story_of(kind)
            if story is None:
                continue
            words, alone = story
            actors = self._actors(next(f.anchor for f in found if f.eid == eid))
            lo, hi = dates[eid]
            published = doc.publication_period
            if published is None or not (lo - FUTURE_MARGIN <= published[1] and published[0] <= hi + FUTURE_MARGIN):
                continue  # the lead recalls an event of another time: the article is not its news
            told = index.matches(words)
            for sid in range(first[eid] + 1, n):
                if sid not in told or (sid, eid) in rows or sid in linked_at or _words(doc, sid) < MIN_WORDS:
                    continue
                if any(key[0] == sid for key in rows):
                    continue  # another discovered event's sentence
                if any(not (d[0] <= hi + FUTURE_MARGIN and lo - FUTURE_MARGIN <= d[1])
                       for d in index.dates.get(sid, ())):
                    continue  # dated away from the event ("لقاء ... في تشرين الثاني" in March)
                if any(k.name != name and name not in k.yields_to and index.matches(k.nouns, {sid})
                       for k in self.rules.kinds):
                    continue  # another kind of event named: another story
                if all(self.types.get(a) == "country" for a in actors) and any(
                        self.types.get(e) == "country" and e not in actors for e in index.entities.get(sid, set())):
                    continue  # another country's story ("نسبة المشاركة الضعيفة ... في تونس" beside Lebanon's vote)
                if self.rules.generic is not None and index.matches(self.rules.generic, {sid}):
                    continue
                # the party itself (a country, a body, a person), not any place or person of its country:
                # "رؤساء الدول" beside Beijing and Xi in an op-ed on China is not the lead's summit's story
                present = sorted(e for e in index.entities.get(sid, set()) if e in actors)
                said = index.matches(alone, {sid}).get(sid) if alone is not None else None
                if not present and said is None:
                    continue
                why = f"actor: {'+'.join(present)}" if present else f"story: {said}"
                rows[(sid, eid)] = self._row(doc, sid, eid, f"{told[sid]} + {why}{REFERRED} (s{first[eid]}){STORY}")

    def _phrase_agrees(self, index: SentenceIndex, sid: int, kind: DiscoveryKind, anchor: str) -> bool:
        """Whether every referring word of the sentence either anchors nothing or anchors this
        event (``anchor``: "الانتخابات في روسيا البيضاء" is not Uzbekistan's)."""
        doc = index.doc
        names = sorted(index.name_spans.get(sid, ()))
        adjectives = sorted(set(index.entity_spans.get(sid, ())) - set(names))
        start, end = index.sentence_span(sid)
        words = [kind.refers] + ([kind.nouns] if kind.needs is None else [])
        for m in (m for phrases in words for m in index.finditer(phrases, start, end)):
            a, b = doc.norm.to_original(m.start(), m.end())
            phrase = self._phrase(doc, sid, names, adjectives, a, b, definite=True)
            own = self._anchor(kind, phrase if kind.anchor == "visitor" else [], phrase, b, b, doc.text) \
                if phrase else None
            if own is not None and own != anchor and not (
                    kind.anchor == "body" and self.types.get(own) == "country"
                    and self.types.get(anchor.split("+")[0]) in _BODY_TYPES):
                # (a body's summit named again with its venue, "وحضر القمة التاريخية في إسطنبول", is the same)
                return False
        return True


def _apposed(gap: str) -> bool:
    """Whether a name after ``gap`` stands in apposition to the one before it: a comma right after
    the first ("ابنته، داريغا"), and at most one word (a given name the mention leaves out:
    "نزارباييف، داريجا نزارباييفا") before the second."""
    if len(gap) <= _APPOSITION_CHARS and not gap.strip(" ،,"):
        return True
    return len(gap) <= _APPOSITION_CHARS + _APPOSED_NAME_CHARS and gap.lstrip(" ").startswith(("،", ",")) \
        and len(_WORD.findall(gap)) <= 1 and not re.search(r"[.؛;:()\n]", gap)


def quoted_anchor(text: str, at: int) -> str | None:
    """The anchor of a name written in quotes right after offset ``at`` ("مؤتمر "قلب آسيا"" ->
    qlb_asya): an ASCII slug of its folded words, so "قلب آسيا" and "قلب اسيا" are one event."""
    m = _QUOTED.match(text, at)
    if m is None:
        return None
    words = fold(m["name"]).split()
    if not words or len(words) > _QUOTED_WORDS:
        return None
    return provisional_id(" ".join(words))[len(PROVISIONAL_PREFIX):]


def _shortened(label: str) -> str:
    """A label of at most _LABEL_CHARS, cut at a word's end."""
    if len(label) <= _LABEL_CHARS:
        return label
    cut = label[:_LABEL_CHARS]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def _owner(nouns: list[int], at: int) -> int | None:
    """The noun a date at ``at`` belongs to: the last one before it, else the first after it."""
    before = [n for n in nouns if n <= at]
    return before[-1] if before else (nouns[0] if nouns else None)


def _past_open_quote(text: str, a: int, b: int) -> int:
    """The end of a noun ``[a, b)`` that opens a quoted name ('صاروخ "سويوز' of 'صاروخ "سويوز – 2.1 آ" الروسي'):
    past the name's closing quote, so that the phrase after it (the rocket's adjective) is the noun's."""
    noun = text[a:b]
    if not (noun.count('"') % 2 or noun.count("«") > noun.count("»") or noun.count("“") > noun.count("”")):
        return b
    m = _QUOTE_REST.match(text, b)
    return m.end() if m is not None else b


def _phrase_end(text: str, start: int, limit: int) -> int:
    """Where the noun's phrase ends: the next punctuation, at most _PHRASE_CHARS on; a day named
    between commas does not end it ("تحطمت طائرة ركاب، الأربعاء، قرب مدينة أكتاو": the news style
    of dating the act inside its clause)."""
    stop = min(limit, start + _PHRASE_CHARS)
    while True:
        stretch = text[start:stop]
        cut = min((i for i in (stretch.find(c) for c in _PUNCTUATION) if i >= 0), default=len(stretch))
        quoted = _QUOTED.match(text, start + cut) if cut < len(stretch) and stretch[cut] in _OPENING_QUOTES else None
        if quoted is not None and quoted.end() <= limit:
            # a name in quotes is part of the phrase ("قمة "المجلس التركي" الثامنة في ..."); what follows
            # it goes on
            start, stop = quoted.end(), min(limit, quoted.end() + _PHRASE_CHARS)
            continue
        aside = _DAY_ASIDE.match(text, start + cut, limit)
        if aside is None:
            return start + cut
        start, stop = aside.end(), min(limit, aside.end() + _PHRASE_CHARS)


def _lead_end(doc: Doc) -> int:
    """The end of the title and lead: the first LEAD_SENTENCES sentences of MIN_WORDS words or more
    (a byline, a dateline or a heading before them does not count: "بقلم: يورونيوز مع أ ف ب"),
    memoised on the document."""
    memo = doc.__dict__.get("_discovery_lead")
    if memo is not None:
        return memo
    n = len(doc.sentences) or 1
    end, counted = 0, 0
    while end < n and counted < LEAD_SENTENCES:
        counted += _words(doc, end) >= MIN_WORDS
        end += 1
    doc.__dict__["_discovery_lead"] = end
    return end


def _recalled(event_id: str, published: tuple[date, date] | None) -> bool:
    """Whether a discovered id's period (its month or year) ends RECALL_AGE or more before the
    publication; never a catalogue id."""
    parsed = parse_id(event_id)
    if parsed is None or published is None:
        return False
    year = int(parsed[2][:4])
    month = int(parsed[2][5:7]) if len(parsed[2]) > 4 else 12
    return date(year, month, calendar.monthrange(year, month)[1]) < published[0] - RECALL_AGE


def _period(day: date, period: str) -> str:
    return f"{day.year:04d}" if period == "year" else f"{day.year:04d}-{day.month:02d}"


def _words(doc: Doc, sid: int) -> int:
    start, end = doc.sentences[sid] if doc.sentences else (0, len(doc.text))
    return len(doc.text[start:end].split())


# ---- the events table ----------------------------------------------------------------------------
def discovered_events_table(mentions: pd.DataFrame, rules: DiscoveryRules,
                            entity_names: Mapping[str, tuple[str, str]]) -> pd.DataFrame:
    """Rows of the 'events' table for the discovered ids among ``mentions`` (sorted by article and
    sentence, as the build sorts them): the label as the first naming mention wrote it (Arabic),
    the kind and anchor in English, the first and last day its evidence dates (a date of a
    sentence, else the publication day of news of the day). ``entity_names``: id -> (ar, en)."""
    if not len(mentions):
        return conform("events", [])
    new = mentions[mentions["event_id"].astype(str).map(is_provisional)]
    new = new.sort_values(["article_id", "sentence_id"], kind="stable")  # the label: the first naming
    kinds = rules.by_name
    rows = []
    for eid, group in new.groupby("event_id", sort=True):
        parsed = parse_id(str(eid))
        if parsed is None:
            continue
        kind_name, anchor, period = parsed
        kind = kinds.get(kind_name)
        starts, ends, labels = [], [], []
        for cue in group["cue"].astype(str):
            body = cue[len(DISCOVERED_CUE):] if cue.startswith(DISCOVERED_CUE) else cue
            if REFERRED in body:
                continue
            labels.append(body.split(" + anchor: ", 1)[0])
            span = _RANGE.search(body)
            day = _PUBLISHED.search(body)
            if span:
                starts.append(span[1])
                ends.append(span[2])
            elif day:
                starts.append(day[1])
                ends.append(day[2])
        if not starts:
            continue
        # the label most mentions wrote (then the shortest, then the first written)
        counts: dict[str, int] = {}
        for label in labels:
            counts[label] = counts.get(label, 0) + 1
        labels = sorted(counts, key=lambda x: (-counts[x], len(x), labels.index(x)))
        parties = anchor.split("+")
        en = " – ".join(entity_names.get(p, (p, p))[1] or p for p in parties)
        ar = " – ".join(entity_names.get(p, (p, p))[0] or p for p in parties)
        kind_en = kind.en if kind else kind_name
        n_articles = group["article_id"].nunique()
        # a label of a bare noun ("الاحتجاجات") names no event: the kind and its anchor then do
        label = labels[0] if labels and len(labels[0].split()) >= 3 else \
            f"{labels[0] if labels else (kind.ar if kind else kind_name)} – {ar} ({period})"
        rows.append({
            "event_id": eid, "name_ar": label,
            "name_en": f"{kind_en}: {en} ({period})", "date_start": min(starts), "date_end": max(ends),
            "description": f"Discovered, unreviewed: {kind_en.lower()}, {en}, {period}; "
                           f"{len(group)} sentences in {n_articles} articles",
        })
    return conform("events", rows)


def _by_kind(found: list[_Found]) -> tuple[dict[str, set[str]], dict[str, int], dict[str, tuple[date, date]]]:
    """The article's discovered events per kind, each event's first sentence and its dates."""
    per_kind: dict[str, set[str]] = defaultdict(set)
    first: dict[str, int] = {}
    dates: dict[str, tuple[date, date]] = {}
    for f in found:
        eid = f.eid
        per_kind[f.kind.name].add(eid)
        first[eid] = min(first.get(eid, f.sid), f.sid)
        lo, hi = dates.get(eid, (f.start, f.end))
        dates[eid] = (min(lo, f.start), max(hi, f.end))
    return per_kind, first, dates
