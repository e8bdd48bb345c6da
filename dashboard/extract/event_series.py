"""Events that recur as numbered instances: each round of the Astana talks on Syria is its own event.

A series (events.yaml ``series``) lists its instances with their numbers and dates; the instances
are catalogue events (generated as ``{id}_{number}_{year}`` unless the entry names an existing
event). The series' ``process`` event has the cues that find where the series is named ("محادثات
أستانا"، "صيغة أستانا"، أستانا beside Syria and a meeting word); the process as a whole is never
linked (the gold's convention: "the Astana process as a whole carries no event"). In an article
that names the series, each sentence is linked to the instance it speaks of:

1. **A mention of an instance**: one of the series' ``nouns`` followed (after at most two other
   words) by an ordinal or a number ("الجولة الـ13"، "الجولة الدورية الثالثة عشرة"، "الجولة 20")
   names that instance; by a relative word, the first instance after the publication (الجولة
   المقبلة، جولة جديدة) or the last before it (جولة أستانا السابقة). "هو العشرون" (``said_of`` and
   an ordinal) names the instance the sentence speaks of. A number inside a date mention is the
   date's ("في الـ20 والـ21 حزيران"), never an instance's.
2. **A sentence naming the series** without such a mention: the instance a date of the sentence
   falls on, else the article's instance (the last one a sentence before it named; in the lead, the
   first the article names), else, where it names a round ("محادثات أستانا", not a ``process_words``
   phrase: "أهمية تواصل عملية أستانا" is the process), the instance nearest the publication if the
   article was published during it or up to NEAREST_AFTER days after it (an article of the day before
   names the round to come by a word of its own: "تنطلق غدا"، "المقبلة").
3. **A sentence holding one of the series' ``refers`` words** ("الدول الضامنة"، "تسيير المحادثات")
   after an instance was named refers to the article's instance, unless the word's own phrase
   names another body ("اجتماع مجلس الأمن") or the sentence is linked to another event.
   Neither 2 nor 3 takes the article's instance in a sentence about the series in general (its
   ``general`` words: "وعادة ما يشارك في أستانة ...").

Every link is refused where a date of the sentence lies more than a month from the instance
(events.contradicted), and an instance beginning more than a month after the publication needs a
planned word in the sentence (or a "next" word: الجولة المقبلة), as every event link does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from dashboard.extract.event_context import runs_to_report
from dashboard.extract.events import REFERRING, PhraseSet, _alternation, _iso, contradicted
from dashboard.text.normalize import squeeze_spaces
from dashboard.text.ordinals import ordinal_words

NEAREST_BEFORE, NEAREST_AFTER = timedelta(days=0), timedelta(days=3)
LEAD_SENTENCES = 2
_FILLERS = 2  # words allowed between an instance noun and its number ("جولة أستانا السابقة")
# words that end the noun's phrase: "الجولة التي عقدت الشهر الماضي" is dated by the clause, not "السابقة"
_PHRASE_BREAK = {squeeze_spaces(w) for w in (
    "التي", "الذي", "الذين", "اللتين", "اللذين", "في", "من", "على", "إلى", "عن", "مع", "بعد", "قبل",
    "حول", "حيث", "منذ", "خلال", "عقدت", "انعقدت", "جرت", "ستعقد", "سيعقد", "تعقد", "يعقد")}
_PUNCT = "،,.؛;:!?؟()\"«»“”\n"
_WORD = r"[^\W\d_]+"
_BODY_REACH = 30
_SAID_REACH = 40  # characters from an instance noun to "هو العشرون" said of it  # characters after a referring word where a body's name makes it that body's meeting


@dataclass(frozen=True)
class Instance:
    number: int
    event_id: str
    start: date
    end: date


@dataclass(frozen=True)
class Series:
    id: str
    process: str | None  # the event whose cues name the series; None: the instances' own links do
    nouns: PhraseSet                 # a round's own words (الجولة) and the series' names (أستانا)
    refers: PhraseSet | None
    process_words: frozenset[str]  # folded first words of process-level phrases
    instances: tuple[Instance, ...]
    general: PhraseSet | None = None  # words of the series in general: no instance by the article's
    meeting_nouns: PhraseSet | None = None  # any meeting's words: an instance's only where the series is named
    entities: frozenset[str] = frozenset()  # the entities a mention may hold (the series' city)
    bodies: frozenset[str] = frozenset()  # one of these in the sentence for a mention to count (the SCO)

    def number(self, n: int) -> Instance | None:
        return next((i for i in self.instances if i.number == n), None)

    def next_after(self, day: date) -> Instance | None:
        return next((i for i in self.instances if i.start > day), None)

    def new_on(self, day: date) -> Instance | None:
        """A "new" instance: the one under way on ``day`` or the next."""
        return next((i for i in self.instances if i.end >= day), None)

    def last_before(self, day: date) -> Instance | None:
        return next((i for i in reversed(self.instances) if i.end < day), None)

    def on(self, a: date, b: date) -> Instance | None:
        return next((i for i in self.instances if i.start <= b and a <= i.end), None)


def _instance_id(series_id: str, spec: Mapping) -> str:
    return spec.get("event") or f"{series_id}_{int(spec['n'])}_{_iso(spec['start']).year}"


def series_events(raw: Mapping) -> list[dict]:
    """The catalogue events generated for the series' instances that name no existing event."""
    out = []
    for series in raw.get("series") or ():
        for spec in series.get("instances") or ():
            if spec.get("event"):
                continue
            n = int(spec["n"])
            fill = {"n": n, "place": spec.get("place", "")}
            out.append({"id": _instance_id(series["id"], spec),
                        "name_ar": series["name_ar"].format(**fill), "name_en": series["name_en"].format(**fill),
                        "date_start": spec["start"], "date_end": spec["end"],
                        "description": series["description"].format(**fill)})
    return out


def _ordinal_words(spec: Mapping) -> dict[str, int]:
    """folded ordinal word -> its number, 1..39, both genders: الثالثة عشرة، الحادي والعشرين."""
    return ordinal_words(spec["units"], spec["ten"], spec["teen"], spec["tens"])


def _words_regex(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class SeriesRules:
    series: tuple[Series, ...]
    ordinals: Mapping[str, int]
    after_noun: re.Pattern   # what follows an instance noun: fillers, then a number, an ordinal or a relative word
    said_of: re.Pattern      # "هو العشرون"
    next_words: frozenset[str]
    previous_words: frozenset[str]
    new_words: frozenset[str] = frozenset()

    def by_process(self) -> dict[str, Series]:
        return {s.process: s for s in self.series}


def parse_series(raw: Mapping, events) -> SeriesRules | None:
    """events.yaml's series (None when it has none), ``events`` the catalogue's (Event objects).
    Raises ValueError naming what is wrong."""
    specs = raw.get("series") or ()
    if not specs:
        return None
    known = {e.id: e for e in events}
    ordinal_spec = raw.get("instance_ordinals")
    if not ordinal_spec:
        raise ValueError("events.yaml: series need instance_ordinals")
    ordinals = _ordinal_words(ordinal_spec)
    next_words = frozenset(squeeze_spaces(w) for w in raw.get("instance_next") or ())
    previous_words = frozenset(squeeze_spaces(w) for w in raw.get("instance_previous") or ())
    new_words = frozenset(squeeze_spaces(w) for w in raw.get("instance_new") or ())
    series = []
    for spec in specs:
        sid = spec.get("id")
        if spec.get("process") is not None and spec["process"] not in known:
            raise ValueError(f"series {sid}: its process event {spec.get('process')!r} is no catalogue event")
        instances = []
        for inst in spec.get("instances") or ():
            eid = _instance_id(sid, inst)
            if eid not in known:
                raise ValueError(f"series {sid}: instance {inst.get('n')} names no catalogue event ({eid})")
            event = known[eid]
            start, end = _iso(event.date_start), _iso(event.date_end)
            if end < start:
                raise ValueError(f"series {sid}: instance {inst.get('n')} ends before it starts")
            instances.append(Instance(int(inst["n"]), eid, start, end))
        numbers = [i.number for i in instances]
        if not instances or numbers != sorted(set(numbers)) or \
                any(a.start > b.start for a, b in zip(instances, instances[1:])):
            raise ValueError(f"series {sid}: instances must be listed once each, in order of number and date")
        series.append(Series(sid, spec.get("process"), _alternation(list(spec["nouns"])),
                             _alternation(list(spec.get("refers") or [])),
                             frozenset(squeeze_spaces(w).split()[0] for w in spec.get("process_words") or ()),
                             tuple(instances), _alternation(list(spec.get("general") or [])),
                             _alternation(list(spec.get("meeting_nouns") or [])), frozenset(spec.get("entities") or ()),
                             frozenset(spec.get("bodies") or ())))
    ordinal = _words_regex(ordinals)
    relative = _words_regex(next_words | previous_words | new_words)
    # (another instance noun is no filler: "أستانة اليوم الجولة التاسعة" is "الجولة التاسعة")
    nouns = {squeeze_spaces(w) for spec in specs for w in [*spec["nouns"], *(spec.get("meeting_nouns") or ())]
             if " " not in w}
    stop = _words_regex(_PHRASE_BREAK | next_words | previous_words | new_words | set(ordinals) | nouns)
    # after the noun: up to _FILLERS words that do not end its phrase, then "(رقم) (الـ)13", an
    # ordinal or a relative word, as whole words; a number followed by و and another or by a
    # separator is a date's day ("20 و21"، "20/6")
    after_noun = re.compile(
        rf"(?:\s+(?!(?:{stop})(?![^\W_])){_WORD}){{0,{_FILLERS}}}?\s+"
        rf"(?:(?:رقم\s+)?(?:ال\s?)?(?P<num>\d{{1,2}})(?![\d/.\-])(?!\s*و\s*(?:ال\s?)?\d)"
        rf"|(?P<ord>{ordinal})(?![^\W_])(?!\s+و\S+(?:ون|ين)(?![^\W_]))|(?P<rel>{relative})(?![^\W_]))")
    said = _words_regex(squeeze_spaces(w) for w in ordinal_spec.get("said_of") or ())
    said_of = re.compile(rf"(?<![^\W_])(?:{said})\s+(?:(?:ال\s?)?(?P<num>\d{{1,2}})(?![\d/.\-])|(?P<ord>{ordinal})(?![^\W_]))")
    return SeriesRules(tuple(series), ordinals, after_noun, said_of, next_words, previous_words, new_words)


class SeriesResolver:
    """Links the sentences of an article that names a series to its instances (module docstring)."""

    def __init__(self, rules: SeriesRules, planned: PhraseSet | None, entity_types: Mapping[str, str] | None = None):
        self.rules = rules
        self.planned = planned
        self.entity_types = entity_types or {}
        self._by_process = rules.by_process()
        self._instance_ids = {i.event_id: s for s in rules.series for i in s.instances}

    def resolve(self, index, published: tuple[date, date] | None, limit: date | None, rows: dict) -> None:
        """The series named by their process event's cues (before the generated names link)."""
        for series in self.rules.series:
            if series.process is None:
                continue
            named = sorted(sid for sid, eid in rows if eid == series.process)
            by_cue = sorted(sid for sid, eid in rows if self._instance_ids.get(eid) is series)
            if not named and not by_cue:
                continue
            process_rows = {sid: rows.pop((sid, series.process)) for sid in named}
            self._resolve(series, index, published, limit, rows, process_rows, by_cue)

    def resolve_linked(self, index, published: tuple[date, date] | None, limit: date | None, rows: dict) -> None:
        """The series whose instances are linked by their own names (a body's summits): in an article
        linked to one of them, a mention with a number or a relative word and the body in the sentence
        ("القمة الحادية والعشرون لمنظمة شنغهاي"، "القمة المقبلة للمنظمة") is the instance it says; it
        replaces the sentence's undated link to another instance of the series (chosen by time)."""
        for series in self.rules.series:
            if series.process is not None:
                continue
            ids = {i.event_id for i in series.instances}
            if not any(eid in ids for _, eid in rows):
                continue
            for sid, found in sorted(self._mentions(series, index, published, set()).items()):
                said = {inst.event_id for inst, _ in found}
                for inst, why in found:
                    self._add(index, sid, inst, f"series: {why}", why.startswith("next"), limit, rows)
                # the instance the sentence says is not the one nearest in time ("القمة السابعة للمجلس
                # التركي" in 2021), even where its own date refuses it ("القمة التاسعة ... في أكتوبر
                # 2009" is no summit of the series' table)
                for key in [k for k in rows if k[0] == sid and k[1] in ids - said]:
                    if " + date: " not in rows[key]["cue"]:
                        del rows[key]

    # ---- one series in one article --------------------------------------------------------------
    def _resolve(self, series: Series, index, published, limit, rows: dict, process_rows: dict,
                 by_cue: list[int]) -> None:
        doc = index.doc
        n_sentences = len(doc.sentences) or 1
        mentions = self._mentions(series, index, published, set(process_rows))
        # the instances named outright, sentence by sentence (mentions, then a date of a sentence
        # naming the series, then links by another cue to an instance); a mention in a sentence
        # that does not name the series counts once the series was named before it ("وكانت الجولة
        # الـ19 قد عقدت" after "صيغة أستانا"; not "وانتهت الجولة الأخيرة" of Geneva's talks before)
        first_named = min([*process_rows, *by_cue])
        resolved: dict[int, list[tuple[Instance, str]]] = {}
        for sid, found in mentions.items():
            if sid in process_rows or sid > first_named:
                resolved[sid] = found
        for sid in process_rows:
            if sid not in resolved:
                dated = self._dated(series, index, sid)
                if dated is not None:
                    resolved[sid] = [dated]
        by_id = {i.event_id: i for i in series.instances}
        for sid in by_cue:
            for (s, eid) in list(rows):
                if s == sid and eid in by_id and sid not in resolved:
                    resolved[sid] = [(by_id[eid], "cue")]
        order = sorted(resolved)
        first = resolved[order[0]][0] if order else None

        general = index.matches(series.general) if series.general is not None else {}

        def article_instance(sid: int) -> tuple[Instance, str] | None:
            if sid in general:
                return None  # "وعادة ما يشارك في أستانة": the format, not this round
            before = [s for s in order if s < sid]
            if before:
                return resolved[before[-1]][0][0], f"the article's instance (s{before[-1]})"
            if first is not None and sid < LEAD_SENTENCES:
                return first[0], f"the article's instance (s{order[0]})"
            return None

        for sid in range(n_sentences):
            links: list[tuple[Instance, str, bool]] = []  # (instance, why, a "next" word named it)
            if sid in resolved:
                for inst, why in resolved[sid]:
                    if why != "cue":
                        links.append((inst, why, why.startswith("next")))
                prefix = process_rows[sid]["cue"] + " + " if sid in process_rows else "series: "
            elif sid in process_rows:
                prefix = process_rows[sid]["cue"] + " + "
                process_level = self._process_level(series, process_rows[sid]["cue"])
                refers = self._refers(series, index, sid, rows) if process_level else None
                chosen = article_instance(sid)
                if process_level and refers is None:
                    chosen = None  # "أهمية تواصل عملية أستانا": the process, no round
                elif chosen is None and not process_level:
                    chosen = self._nearest(series, published)
                if chosen is not None:
                    links.append((chosen[0], chosen[1], False))
            else:
                chosen = article_instance(sid)
                word = self._refers(series, index, sid, rows) if chosen is not None else None
                if word is None:
                    continue
                prefix = f"series: {word} + "
                links.append((chosen[0], f"{chosen[1]}{REFERRING}", False))
            for inst, why, said_next in links:
                self._add(index, sid, inst, prefix + why, said_next, limit, rows)

    def _add(self, index, sid: int, inst: Instance, why: str, said_next: bool, limit, rows: dict) -> None:
        if (sid, inst.event_id) in rows or contradicted(index, sid, inst.start, inst.end):
            return
        if limit is not None and inst.start > limit:
            planned = index.matches(self.planned, {sid}) if self.planned is not None else {}
            if sid in planned:
                why += f" + planned: {planned[sid]}"
            elif said_next:  # "الجولة القادمة": the word itself says it is to come
                why += " + planned: " + why.rsplit(": ", 1)[-1]
            else:
                return
        doc = index.doc
        start, end = doc.sentences[sid] if doc.sentences else (0, len(doc.text))
        rows[(sid, inst.event_id)] = {"article_id": doc.article_id, "sentence_id": sid, "event_id": inst.event_id,
                                      "char_start": start, "char_end": end, "cue": why}

    def _process_level(self, series: Series, cue: str) -> bool:
        """Whether the cue named the series by a word of the process ("عملية أستانا") only."""
        m = re.match(r"phrase: (\S+)", cue)
        if m is None:
            return False
        word = squeeze_spaces(m.group(1))
        return any(word == w or word.endswith(w) and len(word) - len(w) <= 3 for w in series.process_words)

    def _nearest(self, series: Series, published) -> tuple[Instance, str] | None:
        if published is None:
            return None
        near = [i for i in series.instances
                if i.start - NEAREST_BEFORE <= published[1] and published[0] <= i.end + NEAREST_AFTER]
        if not near:
            return None
        best = min(near, key=lambda i: (0 if published[0] <= i.end and i.start <= published[1] else
                                        min(abs((i.start - published[1]).days), abs((published[0] - i.end).days)),
                                        i.number))
        return best, "nearest to the publication"

    def _dated(self, series: Series, index, sid: int) -> tuple[Instance, str] | None:
        for d in index.dates.get(sid, ()):
            if (d[1] - d[0]).days <= 31 and not runs_to_report(index.doc, d):  # "منذ يوليو الماضي": a period
                inst = series.on(d[0], d[1])
                if inst is not None:
                    return inst, f"date: {d[2]}"
        return None

    def _in_date(self, index, sid: int, a: int, b: int) -> bool:
        """Whether the original span [a, b) lies inside a date mention of the sentence."""
        return any(len(d) > 4 and d[4] <= a and b <= d[4] + len(d[2]) + 2 for d in index.dates.get(sid, ()))

    def _mentions(self, series: Series, index, published, naming: set[int]) -> dict[int, list[tuple[Instance, str]]]:
        """sentence_id -> the instances its mentions name, in text order (see the module docstring);
        a meeting noun counts in the sentences ``naming`` the series only."""
        doc = index.doc
        text = doc.norm.text
        rules = self.rules
        found: dict[int, list[tuple[int, Instance, str]]] = {}

        def add(sid: int, at: int, inst: Instance | None, why: str) -> None:
            if inst is not None and all(inst is not i for _, i, _ in found.get(sid, ())):
                found.setdefault(sid, []).append((at, inst, why))

        day = published[0] if published is not None else None
        for sid in range(len(doc.sentences) or 1):
            if series.bodies and not series.bodies & index.entities.get(sid, set()):
                continue  # "القمة العاشرة" of a sentence that names no body of the series
            start, end = index.sentence_span(sid)
            spans = index.entity_spans.get(sid, ())
            noun_ends = []
            sets = [series.nouns] + ([series.meeting_nouns] if sid in naming and series.meeting_nouns else [])
            for nouns in sets:
                for m in index.finditer(nouns, start, end):
                    if not nouns.accepts(doc, m.start(), m.end()):
                        continue
                    noun_ends.append(m.end())
                    after = rules.after_noun.match(text, m.end(), end)
                    if after is None:
                        continue
                    which = "num" if after.group("num") else "ord" if after.group("ord") else "rel"
                    a, b = doc.norm.to_original(after.start(which), after.end(which))
                    if self._in_date(index, sid, a, b):
                        continue
                    noun_a, noun_b = doc.norm.to_original(m.start(), m.end())
                    if any(noun_b <= s_ < a and eid not in series.entities for s_, _, eid in spans):
                        continue  # "جولة جنيف المقبلة": another place's talks
                    surface = " ".join(doc.text[noun_a:b].split())
                    if which == "num":
                        add(sid, a, series.number(int(after.group("num"))), f"number: {surface}")
                    elif which == "ord":
                        add(sid, a, series.number(rules.ordinals[after.group("ord")]), f"ordinal: {surface}")
                    elif day is not None:
                        word = after.group("rel")
                        if word in rules.next_words:
                            add(sid, a, series.next_after(day), f"next after the publication: {surface}")
                        elif word in rules.new_words:
                            add(sid, a, series.new_on(day), f"new at the publication: {surface}")
                        else:
                            add(sid, a, series.last_before(day), f"last before the publication: {surface}")
            for m in rules.said_of.finditer(text, start, end):
                # "اجتماع حول سوريا، هو العشرون": said of a noun of the series just before, in its clause
                if not any(m.start() - _SAID_REACH <= e <= m.start() and not re.search(r"[.!?؟]", text[e:m.start()])
                           for e in noun_ends):
                    continue
                a, b = doc.norm.to_original(m.start(), m.end())
                if self._in_date(index, sid, a, b):
                    continue
                n = int(m.group("num")) if m.group("num") else rules.ordinals[m.group("ord")]
                add(sid, a, series.number(n), f"ordinal: {' '.join(doc.text[a:b].split())}")
        return {sid: [(inst, why) for _, inst, why in sorted(items, key=lambda t: t[0])]
                for sid, items in found.items()}

    def _refers(self, series: Series, index, sid: int, rows: dict) -> str | None:
        """The series' referring word in the sentence, where it is the series' (no other body named
        right after it, the sentence linked to no other event); None otherwise."""
        if series.refers is None:
            return None
        if any(s == sid and eid != series.process and self._instance_ids.get(eid) is not series for s, eid in rows):
            return None
        doc = index.doc
        start, end = index.sentence_span(sid)
        spans = index.entity_spans.get(sid, ())
        for m in index.finditer(series.refers, start, end):
            if not series.refers.accepts(doc, m.start(), m.end()):
                continue
            a, b = doc.norm.to_original(m.start(), m.end())
            tail = doc.text[b:b + _BODY_REACH]
            cut = min((i for i in (tail.find(c) for c in _PUNCT) if i >= 0), default=len(tail))
            if any(b <= s < b + cut and self.entity_types.get(eid) == "organisation" for s, e, eid in spans):
                continue  # "الاجتماع ... لمجلس الأمن": that body's meeting
            return " ".join(doc.text[a:b].split())
        return None
