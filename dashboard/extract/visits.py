"""Visits and the leaders' meetings found from their structure, not from a catalogue of names.

A state visit is reported in a few ways whatever the outlet: the visitor arrives somewhere ("وصل
الرئيس الصيني شي جين بينغ ... إلى بيشكيك في زيارة دولة"), leaves ("غادر الرئيس التركي رجب طيب أردوغان،
العاصمة الأوزبكية طشقند"), is received ("ولي العهد السعودي يستقبل الرئيس الأوزبكي في جدة") or meets the
host ("التقى الرئيس الصيني ... الرئيس الكازاخي ... الذي جاء إلى الصين"). Each such sentence gives what
it says of the visit: the visitor (a person of the catalogue named with an office in the article:
"الرئيس"، "وزير"، "ولي العهد"...; or only the visitor's country, "الرئيس الأوزبكي"), the host country
(the place the visitor goes to, leaves or meets in; the receiver's country; "هنا" is the dateline's
city) and a time (the sentence's date, else news of the day: the publication). An article speaks
of one visit under many sentences that each name part of it: the parts are joined over the article
(the one visit whose visitor and host the article names completely), and the talks' sentences
("عقد الطرفان جلسة مباحثات رسمية") take it too.

A complete visit is the catalogue's when a catalogue visit has that visitor, that host among its
places and dates that agree (``CATALOGUE_LEAD``/``CATALOGUE_TAIL`` around it); else it is a
discovered one, ``new:visit:<visitor>+<host>:<yyyy-mm>``: a 2018 article on Putin in Ankara gets
``new:visit:putin+tr:2018-04``, never a visit of 2020. The rules' words are data
(discovered_events.yaml, ``visits``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from dashboard.extract.events import PhraseSet, _alternation
from dashboard.text.document import Doc
from dashboard.text.normalize import fold

CATALOGUE_LEAD = timedelta(days=7)    # "يصل غدا": reported up to a week before it starts
CATALOGUE_TAIL = timedelta(days=21)   # and reported on up to three weeks after it ends
FUTURE = timedelta(days=31)
TRIGGERS = ("arrive", "leave", "receive", "received", "meet")
_PLACE_TYPES = frozenset({"country", "city", "region"})
_VENUE_TYPES = _PLACE_TYPES | {"institution"}   # "في الكرملين": Russia's
_TITLE_CHARS = 45    # an office title at most this far before the name ("الرئيس الروسي فلاديمير بوتين")
_BODY_CHARS = 20     # a body named this close after "اجتماع"، "محادثات" holds the meeting
_PROXY_CHARS = 32    # "زوجة الرئيس الأمريكي، دونالد ترامب": the relation this close before the name
_SUBJECT_CHARS = 60  # the one who arrives or leaves is named this close to the verb
_RECEIVED_CHARS = 90 # the one received (or receiving) is named this close after the verb
_NEAR_CHARS = 70     # the place gone to, left or met in lies this close to the trigger
_TO_CHARS = 30       # "إلى" (or "ل") at most this far before the place gone to ("إلى العاصمة الإيرانية طهران")
_IN_CHARS = 14       # "في" (or "ب") at most this far before a venue (two words: "في العاصمة أنقرة")
_TO = re.compile(r"(?<![^\W_])(?:إلى|الى|إلي|نحو|لدى)\s+(?!جانب)(?:\S+\s+){0,2}$")
_OBJECT = re.compile(r"(?<![^\W_])(?:[بل]|مع\s+|من\s+|على\s+|عن\s+|[لب]?لقاء\s+|ب?استقبال\s+)(?:ال)?(?:رئيس|وزير|أمير|امير|ملك|ولي|نظير|مستشار|زعيم)"
                     r"[^\W\d_]*(?:\s+[^\W\d_]+){0,4}\s*$")
_NOT = re.compile(r"(?<![^\W_])[وف]?(?:لن|لم|لا)\s+$")
_SUBJECT_BEFORE = re.compile(r"^[\s،,]*(?:قد\s+)?$")   # "وكان الأمير محمد بن سلمان قد استقبل"
_FOR = re.compile(r"(?<![^\W_])[وف]?لـ?$")   # "زيارته لأنقرة": only right after the noun
_FOR_CHARS = 12
_IN = re.compile(r"(?:(?<![^\W_])[وف]?ب?في\s+(?:\S+\s+){0,2}|(?<![^\W_])[وف]?ب)$")
# a visit noun ("زيارة"، "زيارة دولة"، "جولته") may name its host with "في" right after it, through its
# qualifiers ("يجري الرئيس الصيني ... زيارة دولة في طاجيكستان"; Maghreb and Levant outlets): not the
# verbs, whose "في" is where the visitor already is ("وصل ... إلى أستانا ... في قاعة")
_VISIT_NOUN = re.compile(r"^(?:[وفبل]|ال)*(?:زيار|جول|رحل)")
_IN_AFTER_NOUN = re.compile(r"^[\s،,]*(?:(?:دوله|رسميه|عمل|خاصه|تاريخيه|قصيره|رسميه للعمل|اخويه|صداقه)\s+){0,3}"
                            r"(?:[وف]?في|ب)\s*(?:(?:ال)?(?:عاصمه|مدينه|دوله|جمهوريه)\s+(?:[^\W\d_]+\s+)?)?$")
_SINCE = re.compile(r"(?<![^\W_])[وف]?منذ(?![^\W_])[^،,.؛;:]*$")
_DATE_CHARS = 60     # a date this close to a word of the talks dates them ("لقاء وديا في فبراير")
_CAPITAL = re.compile(r"(?<![^\W_])(?:ال)?عاصمة\s+$")
_SUBJECT_GAP = re.compile(r"^[\s،,]*(?:(?:ال)?عاصمة|مدينة)?\s*$")
_VISITED = re.compile(r"^[وف]?(?:زار|زارت|يزور|تزور|سيزور|ستزور)$")
_IN_CITY = re.compile(r"(?<![^\W_])[وف]?(?:في|ب)\s*(?:(?:ال)?(?:عاصمه|مدينه)\s+(?:\S+\s+)?)?$")
_MEETING = re.compile(r"(?:قمة|مؤتمر|اجتماع|منتدى|ملتقى)")
_OPENING_CHARS = 30  # the visitor's name this close to the sentence's start: its subject
# a name introduced by a preposition (through a title or two: "مع الرئيس الروسي بوتين") or a
# proclitic one ("بـبوتين"، "لبوتين"): not the subject
_INTRODUCED = re.compile(r"(?:(?<![^\W_])(?:مع|من|على|عن|إلى|الى|أمام|لدى|ضد|بين|عبر)\s+(?:\S+\s+){0,2}|(?<![^\W_])[وف]?[بل]ـ?)$")
_BACKGROUND = re.compile(r"\s*(?:[وف]?(?:كان|كانت)(?![^\W_])|[وف]?(?:يذكر|يشار|الجدير)|قد يهمك|اقرأ)")
_HEADING = re.compile(r"\s*:")
_CHAIN = 3           # a sentence of the visit's story follows its last one at most this far on
_SIDES = re.compile(r"^(?:ال)?(?:طرف|جانب)")
_HERE = re.compile(r"(?<![^\W_])(?:إلى|الى)\s+هنا(?![^\W_])")


@dataclass(frozen=True)
class VisitRules:
    triggers: Mapping[str, PhraseSet]    # kind of trigger -> its words
    titles: PhraseSet                    # offices: a person named with one may visit officially
    attend: PhraseSet | None             # "لحضور القمة": there for a meeting, a visit only if catalogued
    unless: PhraseSet | None             # a phone call, a video link: no visit
    talks: PhraseSet | None              # the talks of the article's visit ("عقد الطرفان جلسة مباحثات")
    past: PhraseSet | None = None        # a visit of the past ("بعد شهرين على زيارته للصين"): joins only
    proxies: PhraseSet | None = None     # "مساعد"، "زوجة" before a name: someone else acts
    speech: PhraseSet | None = None      # "قال"، "أكد": a statement, not an act of the visit
    # a trip still to come ("يعتزم السفر إلى"، "سيزور"): a visit of its own only when the sentence
    # dates it from the publication to a month after ("اليوم الثلاثاء"، "من 13 أيلول"), else a part
    # of a visit named otherwise
    plans: PhraseSet | None = None
    # words that put a planned trip in the days of the publication ("اليوم الثلاثاء"، "غدا")
    soon: PhraseSet | None = None


def parse_visit_rules(raw: Mapping | None) -> VisitRules | None:
    """The ``visits`` section of discovered_events.yaml; None without one. Raises ValueError naming
    the key at fault."""
    if not raw:
        return None
    triggers = {}
    for name in TRIGGERS:
        words = raw.get(name)
        if not words:
            raise ValueError(f"visits: missing {name} (the words of that trigger)")
        triggers[name] = _alternation(list(words))
    if not raw.get("titles"):
        raise ValueError("visits: missing titles (the offices a visitor holds)")
    unknown = set(raw) - set(TRIGGERS) - {"titles", "attend", "unless", "talks", "past", "proxies", "speech", "plans",
                                                "soon"}
    if unknown:
        raise ValueError(f"visits: unknown key(s) {', '.join(sorted(unknown))}")
    return VisitRules(triggers, _alternation(list(raw["titles"])),
                      _alternation(list(raw.get("attend") or [])) if raw.get("attend") else None,
                      _alternation(list(raw.get("unless") or [])) if raw.get("unless") else None,
                      _alternation(list(raw.get("talks") or [])) if raw.get("talks") else None,
                      _alternation(list(raw.get("past") or [])) if raw.get("past") else None,
                      _alternation(list(raw.get("proxies") or [])) if raw.get("proxies") else None,
                      _alternation(list(raw.get("speech") or [])) if raw.get("speech") else None,
                      _alternation(list(raw.get("plans") or [])) if raw.get("plans") else None,
                      _alternation(list(raw.get("soon") or [])) if raw.get("soon") else None)


@dataclass
class Sighting:
    """What one sentence says of a visit."""
    sid: int
    visitor: str | None          # a person id
    visitor_country: str | None
    host: str | None             # a country id
    start: date | None
    end: date | None
    attending: bool              # the visitor came for a meeting ("لحضور القمة")
    trigger: str                 # the words that said it, as written
    how: str                     # the trigger's kind
    joins: bool = False          # a plan or the past: only a part of a visit named otherwise
    sides: tuple = ()            # a meeting in no place named: ((official, country), ...), the countries named
    met: frozenset = frozenset() # the countries of every person the sentence names (officials or not)


@dataclass(frozen=True)
class Visit:
    visitor: str
    host: str
    start: date
    end: date
    first: int                   # the sentence naming it first
    attending: bool
    lo: date                     # the widest time its sentences give
    hi: date
    sightings: frozenset[int]    # its sentences
    travels: bool = True         # a sentence says who arrived, left or was received (not only a meeting)


class VisitFinder:
    """Built once per catalogue; ``find`` per article (with the discoverer's sentence index)."""

    def __init__(self, rules: VisitRules, generated, planned: PhraseSet | None, not_news: PhraseSet | None):
        self.rules = rules
        self.types = generated.entity_types
        self.person_country = generated.person_country
        self.generated = generated
        self.planned = planned
        self.not_news = not_news
        # the catalogue's visits: (event id, visitors, places (countries, cities), start, end)
        self.catalogue = [(n.event_id, n.persons, n.places, n.start, n.end)
                          for n in generated.named if n.kind == "visit"]

    def country(self, eid: str) -> str | None:
        """The country of a place, a person or a body's seat."""
        return self.generated.country_of_entity(eid, seats=True)

    # ---- per article ---------------------------------------------------------------------------
    def find(self, index, published: tuple[date, date] | None, busy: set[int] = frozenset(),
             meetings=(), others: Mapping[int, set[str]] | None = None) -> list[tuple[int, str, str, str]]:
        """(sentence id, event id, why, visitor) of the article's visit sentences: the catalogue's
        visit where it holds the one found, else a discovered id. ``busy``: sentences the catalogue
        gives to a summit or a forum (a meeting there is on its sidelines, not a visit);
        ``meetings``: (places, start, end) of the summits and forums the catalogue links in the
        article; ``others``: the catalogue's events of each sentence: a leader in their host country then came for them ("وصل السيد مودي إلى أوزبكستان"
        in an article on the SCO summit in Samarkand)."""
        doc: Doc = index.doc
        if published is None:
            return []
        # a visit needs an official: an article naming no person of a country has none (most of a
        # corpus), and is not scanned
        if not any(self.types.get(e) == "person" and e in self.person_country for e in index.article_entities):
            return []
        hits: dict[int, list[tuple[str, int, int, str]]] = defaultdict(list)
        for how, phrases in self.rules.triggers.items():
            # one pass over the text per trigger kind, each match placed in its sentence
            for m in index.finditer(phrases):
                if phrases.accepts(doc, m.start(), m.end()):
                    a, b = doc.norm.to_original(m.start(), m.end())
                    if _NOT.search(doc.text[max(0, a - 8):a]):
                        continue  # "لن يزور الصين": no visit
                    hits[doc.sentence_at(a)].append((how, a, b, " ".join(doc.text[a:b].split())))
        if not hits:
            return []
        officials = self._officials(index)
        dateline = self._dateline(index)
        sightings = []
        for sid in sorted(hits):
            if self.rules.unless is not None and index.matches(self.rules.unless, {sid}):
                continue
            own = sorted(h for h in hits[sid] if not (sid in busy and h[0] == "meet"))
            if not own:
                continue
            seen = self._sighting(index, sid, sorted(own, key=lambda h: h[1]), officials, dateline, published)
            if seen is not None:
                sightings.append(seen)
        for s in sightings:
            if s.sides and s.host is None:
                self._oriented(s)
        visits = self._visits(sightings)
        if not visits:
            return []
        out: dict[int, tuple[str, str]] = {}
        ids = {v: self._id(v, meetings) for v in visits}
        for s in sightings:
            v = self._visit_of(s, visits)
            if v is None or ids[v] is None:
                continue
            # the cue as discovered_events_table reads it: the label before "+ anchor:", the dates in brackets
            out.setdefault(s.sid, (ids[v], f"{s.trigger} + anchor: {v.visitor}+{v.host} + visit: {v.visitor}+{v.host} "
                                           f"[{s.start.isoformat()}..{s.end.isoformat()}]"))
        # the talks of the article's one visit: "وعقب ذلك، عقد الطرفان جلسة مباحثات رسمية"
        named = {v for v in visits if ids[v] is not None}
        the_visit = next(iter(named)) if len(named) == 1 else None
        if len(named) == 1 and self.rules.talks is not None:
            v = next(iter(named))
            sides = {self.person_country.get(v.visitor), v.host}
            for sid, word in index.matches(self.rules.talks).items():
                # a sentence the catalogue gives to a summit or forum is also the visit's talks only
                # when the visit is the catalogue's (Tokayev's visit for the Belt and Road Forum)
                if sid in out or sid <= v.first or (sid in busy and ids[v].startswith("new:")):
                    continue
                if self.rules.unless is not None and index.matches(self.rules.unless, {sid}):
                    continue
                named = index.entities.get(sid, set())
                if any(self.types.get(e) == "person" and self.person_country.get(e) not in sides for e in named):
                    continue  # another leader's talks
                if ids[v].startswith("new:") and sid - 1 not in out and not any(
                        e == v.visitor or self.country(e) == v.host for e in named):
                    continue  # a discovered visit's talks name a side, or follow its sentence
                at = self._first(index, self.rules.talks, sid)
                if self._elsewhere(index.doc.text, index.doc.sentences[sid][0], index.name_spans.get(sid, ()), v.host):
                    continue  # "قام الشيخ محمد بن راشد بزيارة هامة إلى الصين التقى خلالها": another trip
                if _SIDES.match(fold(word)) and _quoted(index.doc.text, index.doc.sentences[sid][0], at):
                    continue  # "قال: «على كِلا الطرفين أن يبذلا جهوداً»": the speaker's sides in general
                if self._body_after(sorted(index.entity_spans.get(sid, ())), at, _BODY_CHARS + 10):
                    continue  # a body's meeting or talks ("محادثات مع حركة طالبان")
                if any((d[1] < v.lo - FUTURE or d[0] > v.hi + FUTURE) and (len(d) < 5 or abs(d[4] - at) <= _DATE_CHARS)
                       for d in index.dates.get(sid, ())):
                    continue  # dated away from the visit ("عقد الرئيسان لقاء وديا في فبراير من العام الماضي")
                # a referring row (no label, no dates of its own)
                out[sid] = (ids[v], f"{word} + visit: {v.visitor}+{v.host} + talks of the visit + event named in the article (s{v.first})")
        if the_visit is not None:
            self._continued(index, the_visit, ids, out, busy, others or {})
        visitor_of = {ids[v]: v.visitor for v in visits if ids[v] is not None}
        return [(sid, eid, why, visitor_of[eid]) for sid, (eid, why) in sorted(out.items())]

    def _continued(self, index, v: Visit, ids, out: dict, busy: set[int], others: Mapping[int, set[str]]) -> None:
        """The visit's story told on: a sentence after the visit's first naming its visitor at an
        act of the trip ("وترأس توكاييف وفد بلاده إلى الضريح"، "وكتب توكاييف في الدفتر"), close after
        the last sentence of the visit (at most ``_CHAIN`` on), until the story turns: not a
        statement ("وقال توكاييف"، "ويسعى شولتس": what he says or wants is not the trip), not a
        sentence the catalogue links to another event, dated away, of the past, inside a quotation,
        or naming another destination."""
        eid = ids[v]
        doc: Doc = index.doc
        last = v.first
        for sid in range(v.first + 1, len(doc.sentences)):
            if sid in out:
                if out[sid][0] == eid:
                    last = sid
                continue
            if sid - last > _CHAIN:
                break
            if v.visitor not in index.entities.get(sid, ()) or sid in busy or others.get(sid, set()) - {eid}:
                continue
            if self.rules.unless is not None and index.matches(self.rules.unless, {sid}):
                continue
            if any(p is not None and index.matches(p, {sid})
                   for p in (self.rules.speech, self.rules.past, self.not_news, self.rules.attend)):
                continue
            start, end = doc.sentences[sid]
            if _quoted(doc.text, start, start) or _BACKGROUND.match(doc.text, start):
                continue  # inside a quotation; "وكان القادة الأوروبيون ...": the background
            if any(d[1] < v.lo - FUTURE or d[0] > v.hi + FUTURE for d in index.dates.get(sid, ())):
                continue
            spans = index.name_spans.get(sid, ())
            # the visitor is the sentence's subject: named at its opening ("وترأس توكاييف"، "ويرافق
            # الشيخ محمد بن زايد إلى كازاخستان وفد"), not introduced by a preposition ("ولم يتطرق
            # ترامب مع بوتن")
            if not any(e == v.visitor and a - start <= _OPENING_CHARS
                       and not _INTRODUCED.search(doc.text[max(start, a - _TITLE_CHARS):a])
                       # not another through him ("متحدث باسم نتانياهو"), not inside a quotation, not a
                       # heading ("بومبيو: الصقر الموالي لترامب")
                       and not (self.rules.proxies is not None
                                and self.rules.proxies.regex.search(fold(doc.text[max(start, a - _PROXY_CHARS):a])))
                       and not _quoted(doc.text, start, a) and not _HEADING.match(doc.text, b)
                       for a, b, e in spans):
                continue
            sides = {self.person_country.get(v.visitor), v.host}
            if any(self.types.get(e) == "person" and self.person_country.get(e) not in sides | {None}
                   for _, _, e in spans):
                continue  # another country's leader: another meeting ("بعد أيام على استقباله نتنياهو")
            if self._elsewhere(doc.text, start, spans, v.host):
                continue  # "سيتوجه شي جين بينغ إلى سمرقند": the next stop
            out[sid] = (eid, f"{v.visitor} + visit: {v.visitor}+{v.host} + the visit told on (s{last})")
            last = sid

    def _elsewhere(self, text: str, start: int, spans, host: str) -> bool:
        """Whether the sentence names a place of another country as a destination ("إلى سمرقند")."""
        return any(self.types.get(e) in _PLACE_TYPES and self.country(e) not in (host, None)
                   and _TO.search(text[max(start, a - _TO_CHARS):a]) for a, _, e in spans)

    def _oriented(self, s: Sighting) -> None:
        """A meeting of two leaders where the sentence names no place ("في لقاء جمعه اليوم مع رئيس
        جمهوريّة كازاخستان"): the catalogue's visit of one of them to the other's country on those
        days says who came to whom."""
        persons, countries = s.sides
        for person, country in persons:
            for other in sorted(countries - {country}):
                if any(person in persons and other in places and start - CATALOGUE_LEAD <= s.end
                       and s.start <= end + CATALOGUE_TAIL for _, persons, places, start, end in self.catalogue):
                    s.visitor, s.visitor_country, s.host = person, country, other
                    return

    def _body_after(self, spans, at: int, reach: int = 0) -> bool:
        """Whether a body (not a place, not a person) is named right after ``at``: the meeting or
        talks are that body's ("اجتماع #منظمة_حظر_الأسلحة_الكيمياوية")."""
        reach = reach or _BODY_CHARS
        return any(0 <= x[0] - at <= reach and self.types.get(x[2]) not in _VENUE_TYPES | {"person", None}
                   for x in spans)

    @staticmethod
    def _first(index, phrases: PhraseSet, sid: int) -> int:
        """Where the first word of ``phrases`` in the sentence starts (original offset)."""
        start, end = index.sentence_span(sid)
        m = index.regex_for(phrases).search(index.doc.norm.text, start, end)
        return index.doc.norm.to_original(m.start(), m.end())[0] if m else 0

    def _id(self, v: Visit, meetings) -> str | None:
        """The catalogue's visit of this visitor to this host at this time, else a discovered id
        (none for a visitor who came for a meeting the catalogue does not hold as a visit)."""
        for eid, persons, places, start, end in self.catalogue:
            if v.visitor in persons and v.host in places and \
                    start - CATALOGUE_LEAD <= v.hi and v.lo <= end + CATALOGUE_TAIL:
                return eid
        if v.attending or not v.travels:
            return None  # there for a meeting; or only met, nobody said to travel or be received
        for places, start, end in meetings:
            if v.host in places and start - CATALOGUE_LEAD <= v.hi and v.lo <= end + CATALOGUE_TAIL:
                return None  # there for the catalogue's summit or forum the article names
        return f"new:visit:{v.visitor}+{v.host}:{v.start.year:04d}-{v.start.month:02d}"

    # ---- one sentence --------------------------------------------------------------------------
    def _sighting(self, index, sid: int, hits, officials: set[str], dateline: str | None,
                  published: tuple[date, date]) -> Sighting | None:
        doc: Doc = index.doc
        text = doc.text
        start, end = doc.sentences[sid] if doc.sentences else (0, len(text))
        spans = sorted(index.entity_spans.get(sid, ()))
        names = set(index.name_spans.get(sid, ()))
        # not a person named through another ("مساعد كيم جونغ أون"، "زوجة الرئيس الأمريكي، دونالد ترامب")
        persons = [(a, b, e) for a, b, e in spans if (a, b, e) in names and self.types.get(e) == "person"
                   and self.person_country.get(e) and not (self.rules.proxies is not None and
                   self.rules.proxies.regex.search(fold(text[max(start, a - _PROXY_CHARS):a])))]
        # a country named by an office: "الرئيس الأوزبكي"، "ولي العهد السعودي"، "رئيس الصين"، "أمير قطر"
        titled = [(a, b, e) for a, b, e in spans if self.types.get(e) == "country" and self._titled(doc, a, start)]
        if not persons and not titled:
            return None
        people = [(pa, e) for pa, _, e in persons if e in officials]
        countries = {self.person_country[e] for _, e in people} | {e for _, _, e in titled}
        how, a, b, trigger = hits[0]
        host = None
        # the first trigger, in the sentence's order, that names a host
        for h, ha, hb, words in hits:
            host = self._host(h, ha, hb, spans, names, text, start, end, dateline,
                              sorted([(x[0], x[1]) for x in persons if x[2] in officials]
                                     + [(x[0], x[1]) for x in titled]))
            if host is None and h in ("receive", "received"):
                # "استقبلت دولة الإمارات ... الرئيس الصيني": a country receiving
                subjects = [(x[0], x[1], x[2]) for x in spans if x in names and self.types.get(x[2]) == "country"
                            and 0 <= x[0] - hb <= _FOR_CHARS + 8]
                ends = sorted([(pb, self.person_country[e]) for pa, pb, e in persons if e in officials])
                host = self._receiver(h, ha, hb, people, titled + subjects, countries | {e for _, _, e in subjects},
                                      text, ends)
            if host is not None:
                how, a, b, trigger = h, ha, hb, words
                break
        if how == "meet" and self._body_after(spans, b):
            return None  # "اجتماع منظمة حظر الأسلحة الكيميائية"، "محادثات مع طالبان": a body's meeting
        if how == "meet" and host is not None and (len(countries) != 2 or host not in countries):
            # a meeting is a visit between two sides, one of them at home: not two leaders met in
            # a third country (a summit's sidelines), not a story naming more sides
            return None
        if how in ("arrive", "leave") and host is not None:
            # who arrives or leaves: the official nearest the verb, close to it, with no country
            # named between them ("إن تركيا لن تغادر سوريا" is Turkey's); at home, no visit ("غادر
            # كيم عاصمة كوريا الشمالية بيونغيانغ متوجها إلى ..." is the North's leader setting out)
            close = [(pa, self.person_country[e]) for pa, e in people if abs(pa - a) <= _SUBJECT_CHARS] + \
                    [(ta, e) for ta, _, e in titled if abs(ta - a) <= _SUBJECT_CHARS]
            if not close:
                return None  # nobody named near the verb: "ووصلت هذه الرسالة إلى طهران"
            # not one introduced by a preposition: "سيلتقي برئيس كازاخستان ... قبل أن يتوجه إلى" is
            # the other's journey
            # ("زيارة من رئيس كازاخستان إلى روسيا": from whom, the visitor)
            close = [x for x in close if not self._object(text, start, b, x[0])]
            if not close:
                return None
            pa, nearest = min(close, key=lambda x: abs(x[0] - a))
            lo, hi = sorted((pa, a))
            if nearest == host or any(lo < x[0] < hi and x in names and self.types.get(x[2]) == "country"
                                      for x in spans):
                return None
        if how in ("receive", "received") and not any(0 <= pa - b <= _RECEIVED_CHARS for pa, _ in people) \
                and not any(0 <= ta - b <= _RECEIVED_CHARS for ta, _, _ in titled):
            return None  # no official received ("استقباله سفير بيونغ يانغ"، "استقبل كبار مشاهير العالم")
        visitors = [(pa, e) for pa, e in people if self.person_country[e] != host]
        if how in ("arrive", "leave"):
            # not the one gone to meet ("وصل رئيس كازاخستان ... للقاء نظيره رجب طيب أردوغان"), nor
            # the one who invited ("بدعوة من الرئيس الإيراني، إبراهيم رئيسي")
            visitors = [x for x in visitors if not self._object(text, start, b, x[0])]
        visitor = min(visitors, key=lambda x: abs(x[0] - a))[1] if visitors else None
        visitor_country = self.person_country[visitor] if visitor else next(
            (e for _, _, e in titled if e != host), None) if host else None
        if visitor is None and visitor_country is None:
            # no visitor said: only the leaders named, the host still to find over the article
            if len(people) != 1:
                return None
            visitor, visitor_country = people[0][1], self.person_country[people[0][1]]
            if host is not None:
                return None  # the host's own leader, at home
        when = self._when(index, sid, a, published)
        if when is None:
            return None
        attending = self.rules.attend is not None and bool(index.matches(self.rules.attend, {sid}))
        sides = ()
        if how == "meet" and host is None and people and len(countries) <= 2:
            # who met, and the countries the sentence names ("في لقاء جمعه ... مع رئيس جمهوريّة
            # كازاخستان ... العلاقات ... التي تجمع إيران وكازاخستان")
            named = countries | {self.country(e) for _, _, e in spans if self.types.get(e) == "country"}
            sides = (tuple(sorted({(e, self.person_country[e]) for _, e in people})), frozenset(named - {None}))
        return Sighting(sid, visitor, visitor_country, host, when[0], when[1], attending, trigger, how, when[2],
                        sides, frozenset(self.person_country[e] for _, _, e in persons))

    def _host(self, how: str, a: int, b: int, spans, names, text: str, start: int, end: int,
              dateline: str | None, subjects=()) -> str | None:
        # a place named, or a country's adjective after "العاصمة" ("وصل ... العاصمة التركية")
        places = [(pa, pb, e) for pa, pb, e in spans if self.types.get(e) in _VENUE_TYPES and self.country(e)
                  and ((pa, pb, e) in names or (self.types.get(e) == "country"
                                                and _CAPITAL.search(text[max(start, pa - 10):pa])))]
        if how == "leave":
            # the place left: the first after the verb ("غادر ... العاصمة الأوزبكية طشقند، عائدا إلى تركيا")
            after = [p for p in places if b <= p[0] <= b + _NEAR_CHARS
                     and not _TO.search(text[max(start, p[0] - _TO_CHARS):p[0]])]
            return self.country(after[0][2]) if after else None
        if how == "arrive":
            # the place gone to, close after the verb or noun ("وصل ... إلى جدة"، "زيارته لأنقرة"; not
            # "ونفى أنه يعطي غطاء للسعودية ... الوصول إلى ما حدث")
            # or the verb's object: "رئيس كازاخستان يصل الإمارات"، "زار موسكو"
            gone = [p for p in places if b <= p[0] <= b + _NEAR_CHARS
                    and (_TO.search(text[max(start, p[0] - _TO_CHARS):p[0]])
                         or (p[0] - b <= _FOR_CHARS and _FOR.search(text[max(start, p[0] - 3):p[0]]))
                         or not text[b:p[0]].strip()
                         or (_VISIT_NOUN.match(fold(text[a:b])) and self.types.get(p[2]) in _PLACE_TYPES
                             and _IN_AFTER_NOUN.match(fold(text[b:p[0]]))))]
            if gone:
                return self.country(min(gone, key=lambda p: abs(p[0] - b))[2])
            # the verb, its subject, then the place ("وصل رئيس كازاخستان العاصمة التركية"، "زار
            # الرئيس الصيني شي جين بينغ موسكو")
            for pa, _, e in places:
                if not b <= pa <= b + _NEAR_CHARS + _TITLE_CHARS:
                    continue
                own = [x for x in subjects if b <= x[0] and x[1] <= pa]
                if own and len(text[b:own[0][0]].split()) <= 3 \
                        and _SUBJECT_GAP.match(text[max(x[1] for x in own):pa]):
                    return self.country(e)
            if dateline is not None and _HERE.search(text, start, end):
                return dateline
            # a site visited in a city ("زار ... ضريح مؤسس الجمهورية التركية ... في العاصمة أنقرة"),
            # no other country named between (the verb "visited" only: "عشية زيارة الدولة ... في وجه
            # إيران" names no place of the visit)
            within = [p for p in places if b <= p[0] <= b + _NEAR_CHARS + 40
                      and _IN_CITY.search(fold(text[max(start, p[0] - _TO_CHARS):p[0]]))
                      and not _MEETING.search(text[b:p[0]])] if _VISITED.match(fold(text[a:b])) else []
            if within:
                p = within[0]
                if not any(b <= x[0] < p[0] and x in names and self.types.get(x[2]) == "country"
                           and self.country(x[2]) != self.country(p[2]) for x in spans):
                    return self.country(p[2])
            return None  # gone somewhere the sentence does not name
        # a venue: "في جدة"، "في الكرملين"، "إلى الصين"
        # (not a place after إلى: "ستقف إلى جانب أذربيجان"; a motion verb is an arrival trigger)
        venues = [p for p in places if abs(p[0] - b) <= _NEAR_CHARS + 15
                  and _IN.search(text[max(start, p[0] - _IN_CHARS):p[0]])]
        if venues:
            return self.country(min(venues, key=lambda p: abs(p[0] - a))[2])
        # reported from the host's city: "بيشكك-سانا ... بعد مباحثات روسية قرغيزية" (a meeting of two
        # sides only; an outlet's own base, CNN's Dubai, says nothing of who received whom)
        return dateline if how == "meet" else None

    @staticmethod
    def _object(text: str, floor: int, trigger_end: int, at: int) -> bool:
        """Whether the official named at ``at`` is introduced by a preposition or a verbal noun
        ("مع الرئيس"، "للقاء نظيره"، "بدعوة من الرئيس"): someone met, not the one travelling; "من"
        right after the trigger names who travels ("زيارة من رئيس كازاخستان")."""
        before = fold(text[max(floor, at - _TITLE_CHARS):at])
        m = _OBJECT.search(before)
        if m is None:
            return False
        return not (re.match(r"\s*من\s", text[trigger_end:at]) and 0 <= at - trigger_end <= _TITLE_CHARS
                    and not _OBJECT.search(fold(text[trigger_end:at]).split("من", 1)[1]))

    def _receiver(self, how, a, b, people, titled, countries, text: str = "", ends=None) -> str | None:
        """Who receives: the subject after "استقبل" (the host), or right before it ("وكان الأمير
        محمد بن سلمان قد استقبل"); after "في استقبال" the visitor comes first, the host second. Two
        countries at most."""
        if len(countries) != 2:
            return None
        if how == "receive" and ends:
            before = [(e_end, c) for e_end, c in ends if e_end <= a and _SUBJECT_BEFORE.match(text[e_end:a])]
            if before:
                return before[-1][1]
        after = sorted([(pa, self.person_country[e]) for pa, e in people] + [(ta, e) for ta, _, e in titled])
        after = [c for pa, c in after if pa >= b]
        if not after:
            return None
        if how == "receive":
            return after[0]
        other = [c for c in countries if c != after[0]]
        return other[0] if other else None

    def _titled(self, doc: Doc, at: int, floor: int) -> bool:
        """Whether an office title stands right before ``at``: "الرئيس الأوزبكي"، "ولي العهد السعودي"."""
        return bool(self.rules.titles.regex.search(fold(doc.text[max(floor, at - 16):at])))

    def _officials(self, index) -> set[str]:
        """Persons the article names with an office at least once ("الرئيس الروسي فلاديمير بوتين")."""
        doc: Doc = index.doc
        out = set()
        for sid, spans in index.name_spans.items():
            start = doc.sentences[sid][0] if doc.sentences else 0
            for a, b, e in spans:
                if e in out or self.types.get(e) != "person":
                    continue
                # before the name ("الرئيس الروسي فلاديمير بوتين") or right after it ("توكاييف، رئيس جمهورية")
                after = re.sub(r"^[\s،,(]+", "", fold(doc.text[b:b + _TITLE_CHARS]))
                if self.rules.titles.regex.search(fold(doc.text[max(start, a - _TITLE_CHARS):a])) or \
                        self.rules.titles.regex.match(after):
                    out.add(e)
        return out

    def _dateline(self, index) -> str | None:
        """The country of the dateline's city ("بيشكيك، 12 يونيو (شينخوا)"، "موسكو - وصل"): a place
        opening one of the first two sentences, followed by a comma, dash or colon."""
        doc: Doc = index.doc
        for sid in range(min(2, len(doc.sentences))):
            start, _ = doc.sentences[sid]
            for a, b, e in sorted(index.name_spans.get(sid, ())):
                if a - start > 3:
                    break
                if self.types.get(e) in _PLACE_TYPES and re.match(r"\s*[،,:\-–—(]", doc.text[b:b + 3]):
                    return self.country(e)
        return None

    def _when(self, index, sid: int, at: int, published: tuple[date, date]) -> tuple[date, date] | None:
        """The sentence's date nearest the trigger (a day or month), no later than a month after
        publication; else, with no date, no plan and no word of the past, the publication period."""
        text = index.doc.text
        # not a date after منذ ("منذ انتخابه في آذار" dates the election), nor one far from the
        # trigger that dates something else ("اتفاق عام 2012")
        own = [d for d in index.dates.get(sid, ())
               if not (len(d) > 4 and _SINCE.search(text[max(0, d[4] - 30):d[4]]))]
        dates = [d for d in own if (d[1] - d[0]).days <= 31]
        others = [d for d in own if (d[1] - d[0]).days > 31]
        # the past or a plan ("ومن المزمع أن يستقبل"): a part of a visit named otherwise at most
        gone = bool(self.not_news is not None and index.matches(self.not_news, {sid})) or \
            bool(self.rules.past is not None and index.matches(self.rules.past, {sid}))
        plan = bool(self.planned is not None and index.matches(self.planned, {sid})) or \
            bool(self.rules.plans is not None and index.matches(self.rules.plans, {sid}))
        past = gone or plan
        if dates:
            d = min(dates, key=lambda d: abs((d[4] if len(d) > 4 else 0) - at))
            if d[0] > published[1] + FUTURE:
                return None
            # a trip the sentence plans from the publication to a month on is announced news ("من
            # المقرر أن يبدأ ... زيارة دولة ... اليوم الثلاثاء"); "خلال زيارة الرئيس التركي لواشنطن
            # العام الماضي" is the past
            soon = plan and not gone and published[0] <= d[0]
            return d[0], d[1], past and not soon
        if (published[1] - published[0]).days > 31:
            return None
        # a plan, the past, or a sentence dated to another year ("انعقد في عام 2014"، "اتفاق عام
        # 2012"): a part of the article's visit at most, never a visit of its own
        # a plan for the day or the week of an article dated to the day is the day's news ("من المقرر
        # أن يبدأ ... زيارة دولة ... اليوم الثلاثاء")
        soon = plan and not gone and (published[1] - published[0]).days < 1 and \
            self.rules.soon is not None and bool(index.matches(self.rules.soon, {sid}))
        joins = (past and not soon) or any(not (d[0] <= published[1] and published[0] <= d[1]) for d in others)
        return published[0], published[1], joins

    # ---- over the article ------------------------------------------------------------------------
    def _visits(self, sightings: list[Sighting]) -> list[Visit]:
        """The article's complete visits (visitor, host, time), each once; partial sightings join
        the one visit they agree with. Two reports of a visitor to one host months apart are two
        visits ("وكانت آخر زيارة لبوتين إلى أوزبكستان في سبتمبر 2022" in an article on his 2024 one)."""
        groups: list[tuple[str, str, list[Sighting]]] = []

        def place(s: Sighting, key: tuple[str, str], create: bool) -> None:
            for visitor, host, group in groups:
                if (visitor, host) == key and any(_near(s, g) for g in group):
                    group.append(s)
                    return
            if create:
                groups.append((key[0], key[1], [s]))

        # the narrowest first (a day rather than the publication month): it sets the visit's time
        complete = sorted((s for s in sightings if s.visitor and s.host and s.host != s.visitor_country),
                          key=lambda s: ((s.end - s.start).days, s.sid))
        for s in complete:
            if not s.joins:
                place(s, (s.visitor, s.host), create=True)
        for s in complete:
            if s.joins:
                place(s, (s.visitor, s.host), create=False)
        for s in sightings:
            if s.visitor is None and s.visitor_country and s.host:
                # a visitor named only by country ("الرئيس الأوزبكي"): the article's leader of that country
                keys = {(v, h) for v, h, _ in groups if self.person_country.get(v) == s.visitor_country and h == s.host}
                if len(keys) == 1:
                    place(s, keys.pop(), create=False)
            elif s.host is None and s.visitor:
                # a meeting with someone of neither side is another meeting ("بالاجتماع الوشيك بين
                # دونالد ترامب وفلاديمير بوتن" in an article on Trump's trip to Britain), not the visit's
                keys = {(v, h) for v, h, _ in groups if v == s.visitor
                        and not (s.how == "meet" and s.met - {self.person_country.get(v), h})}
                if len(keys) == 1:
                    place(s, keys.pop(), create=False)
        visits = []
        for visitor, host, group in groups:
            best = group[0]
            visits.append(Visit(visitor, host, best.start, best.end, min(s.sid for s in group),
                                all(s.attending for s in group), min(s.start for s in group),
                                max(s.end for s in group), frozenset(s.sid for s in group),
                                any(s.how != "meet" and not s.joins and (s.visitor == visitor or (
                                    s.visitor is None and s.visitor_country == self.person_country.get(visitor)))
                                    for s in group)))
        return visits

    def _visit_of(self, s: Sighting, visits: list[Visit]) -> Visit | None:
        return next((v for v in visits if s.sid in v.sightings), None)


_OPEN, _CLOSE = "«“", "»”"


def _quoted(text: str, floor: int, at: int) -> bool:
    """Whether ``at`` lies inside a quotation opened earlier in its paragraph (« », “ ”, or an odd
    number of straight double quotes)."""
    start = text.rfind("\n", 0, floor) + 1
    before = text[start:at]
    depth = sum(before.count(c) for c in _OPEN) - sum(before.count(c) for c in _CLOSE)
    return depth > 0 or before.count('"') % 2 == 1


def _near(s: Sighting, other: Sighting) -> bool:
    return s.start - FUTURE <= other.end and other.start <= s.end + FUTURE
