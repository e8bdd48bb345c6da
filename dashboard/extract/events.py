"""Events of the field (the catalogue folder's events.yaml) linked to the sentences that evidence them.

A catalogue event has cues; a cue is a set of conditions that must all hold in ONE sentence
(phrases, words, entities, a date mention in a window, the article's publication period). The
first cue of an event that holds gives the row; at most one row per (sentence, event).
Rows carry the evidence sentence's span (char_start/char_end = the sentence, in original offsets)
and a human-readable ``cue`` naming what linked it. The YAML header documents the cue language.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, cached_property, lru_cache
from operator import itemgetter

import ahocorasick
import pandas as pd

from dashboard.extract.event_context import CONTEXT, context_links, runs_to_report
from dashboard.schema import conform
from dashboard.text.clitics import (
    ARTICLE,
    ARTICLE_PATTERN,
    CONJUNCTION_CLASS,
    CONJUNCTIONS,
    PREPOSITION_CLASS,
    PREPOSITIONS,
    peel,
)
from dashboard.text.document import Doc
from dashboard.text.normalize import fold, squeeze_spaces
from dashboard.text.word_frequencies import common_zipf

FUTURE_MARGIN = timedelta(days=31)
DATE_REACH = 12  # words: a date further than this from the words that linked a sentence is another clause's
REFERRING = " + event named in the article"  # a link by a word that refers to a named event
# a referring link's cue, with or without the sentence that names the event ("... (s2)")
REFERS_AT = re.compile(re.escape(REFERRING) + r"(?: \(s\d+\))?$")
# the words a cue's first condition matched ("word: الناخبين + ...", "generated: الاقتراع + ...")
_FIRST_SURFACE = re.compile(r"(?:phrase|word|generated): (.+?)(?: \+ |$)")
# a cue that held by a date of the sentence or by the publication period: its instance is chosen
_TIMED_CUE = re.compile(r"(?:^| \+ )(?:date: |published )")
# a link by the event's own name (a catalogue phrase, a generated name): not a meeting told by talks
_BY_NAME = re.compile(r"(?:phrase|generated): ")
LEAD_SENTENCES = 2  # the article's lead: the event it names there is the article's (event_context.py)
INSTANCE_LEAD_DAYS = 90  # how long before an event an article may name it undated (as event_names.LEAD_DAYS)
_OFFICE_CHARS = 25  # the office an elected act names lies this close after it ("انتخابه رئيسا لمجلس الشيوخ")
_GAP = "..."  # in a phrase: up to six words of anything
# an event of no kind is referred to by its name's head noun made definite ("مؤتمر آسيا الوسطى
# وجنوب آسيا ..." -> "فكرة المؤتمر"); a head this frequent in any text (الأمر، الحكم) refers to nothing
HEAD_ZIPF = 5.3
HEAD_MIN_WORDS = 5  # a shorter line is a heading (as event_names.HEADING_WORDS)
_LETTERS = r"[^\W\d_]"


def phrase_pattern(phrase: str, capture: bool = False) -> str:
    """Regex (over folded text) for a catalogue phrase: proclitics (و ف ب ل ك ال لل) allowed on
    the first word, ``*`` at a word's end = any ending, ``...`` = a gap of up to six words.
    With ``capture`` each word's own letters (proclitics excluded) are a numbered group."""
    parts: list[str] = []
    words = squeeze_spaces(phrase).split()
    for i, word in enumerate(words):
        if word == _GAP:
            parts.append(r"(?:\s+\S+){0,6}?")
            continue
        star = word.endswith("*")
        core = word.rstrip("*")
        if i == 0 and core.startswith(ARTICLE) and len(core) > 3:
            body = f"(?:{CONJUNCTION_CLASS}?{ARTICLE_PATTERN})" + _group(re.escape(core[2:]), capture)
        elif i == 0 and not core.isascii():
            body = (f"(?:{CONJUNCTION_CLASS}?(?:{ARTICLE_PATTERN}|{PREPOSITION_CLASS})?)"
                    + _group(re.escape(core), capture))
        else:
            body = _group(re.escape(core), capture)
        body += _LETTERS + "*" if star else ""
        parts.append((r"\s+" if parts else "") + body)
    # After an Arabic last word a Latin letter is a word break ("انتخابات مجلس النوابMazhilis")
    end = r"(?![^\W_])" if words[-1].rstrip("*").isascii() else r"(?![^\W_a-zA-Z])"
    return r"(?<![^\W_])" + "".join(parts) + end


def _first_letters(phrases) -> str:
    """A lookahead for the letters a match of any of ``phrases`` can start with (a proclitic or
    the article's first letter, or the first word's own): put before the phrases' lookbehinds, it
    lets the scan skip every other position at once. It rejects no match ('' for a phrase that
    starts with a gap)."""
    firsts = set(CONJUNCTIONS + PREPOSITIONS) | {"ا"}  # و ف ب ل ك, and ال of the article
    for phrase in phrases:
        first = squeeze_spaces(phrase).split()[0]
        if first == _GAP:
            return ""
        firsts.add(first[0])
    return "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"


def _group(body: str, capture: bool) -> str:
    return f"({body})" if capture else body


# Matching folds hamza seats (أ إ آ -> ا), so إحداث ("creating") would read as أحداث ("events").
# A phrase word written with a hamza seat therefore refuses a text word that carries a
# DIFFERENT seat at that letter; a text that writes no hamza at all (احداث) still matches.
HAMZA_SEATS = "أإآ"
_HAMZA_SEAT_SET = frozenset(HAMZA_SEATS)


@cache
def _phrase_regex(phrase: str, capture: bool = False) -> re.Pattern:
    """One phrase's own regex, compiled at its first use: PhraseSet.accepts needs few of the
    catalogue's thousands (324 of 2,952 on 1,500 ANT articles), and compiling every one when the
    catalogues load cost each build ~0.4 CPU-s. (The set's alternation, compiled at load, holds
    every phrase's pattern: a phrase that makes no regex still fails the load.)"""
    return re.compile(phrase_pattern(phrase, capture=capture))


@dataclass(frozen=True)
class HamzaCheck:
    """One phrase of a set whose words carry hamza seats: the phrase (its word-capturing regex)
    and, per captured word, the (offset, seat) pairs the text must not contradict."""
    phrase: str
    seats: tuple[tuple[tuple[int, str], ...], ...]

    @property
    def regex(self) -> re.Pattern:
        return _phrase_regex(self.phrase, capture=True)


def _hamza_check(phrase: str) -> HamzaCheck | None:
    if _HAMZA_SEAT_SET.isdisjoint(phrase):
        return None  # no seat to check (most phrases): the letters below are folded one by one
    words = [w.rstrip("*") for w in squeeze_spaces(phrase).split() if w != _GAP]
    raw = [w.rstrip("*") for w in " ".join(phrase.split()).split() if w != _GAP]
    seats = []
    for i, (folded, written) in enumerate(zip(words, raw)):
        letters = [c for c in written if fold(c)]  # diacritics written in the catalogue dropped
        core = letters[2:] if i == 0 and folded.startswith(ARTICLE) and len(folded) > 3 else letters
        seats.append(tuple((k, c) for k, c in enumerate(core) if c in HAMZA_SEATS))
    if not any(seats):
        return None
    return HamzaCheck(phrase, tuple(seats))


@dataclass(frozen=True)
class PhraseSet:
    """Alternative phrases compiled into one regex, plus an anchor per phrase: the literal pieces
    (its words, without ال or *) that any match must contain. ``piece in text`` is a fast C scan,
    so a document lacking every anchor skips the regex (most of a corpus does).
    ``plain`` and ``hamza`` are the phrases one by one, to re-check a match whose original
    text carries a hamza seat (see HAMZA_SEATS): ``plain`` those without a seat, whose regexes
    (_phrase_regex) are compiled when first needed, as is the whole set's ``regex``: compiling
    the catalogue's ~900 sets took half of a worker's set-up, and most sets never reach a regex in
    a given corpus (their anchors are absent)."""
    anchors: frozenset[tuple[str, ...]]
    plain: tuple[str, ...] = ()
    hamza: tuple[HamzaCheck, ...] = ()
    # (phrase, its anchor) in the regex's order: an article scans only the phrases whose anchor
    # it holds (SentenceIndex.regex_for)
    ordered: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # (first word's letters, the phrase's anchor) of each phrase: where a match can start
    # (SentenceIndex.finditer); None when a phrase starts with a gap (any word)
    first_words: tuple[tuple[str, tuple[str, ...]], ...] | None = None
    # the first piece of every anchor (None when an anchor has none): an article holding none of
    # them holds no anchor, found by a few dict lookups before any anchor is checked in full
    first_pieces: frozenset[str] | None = frozenset()

    @cached_property
    def anchor_of(self) -> dict[str, tuple[str, ...]]:
        """phrase -> its anchor."""
        return dict(self.ordered)

    @cached_property
    def regex(self) -> re.Pattern:
        """One regex for the phrases in their order (the first that matches at a position wins)."""
        return _phrases_regex(tuple(p for p, _ in self.ordered))

    def accepts(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the folded match ``[start, end)`` is one of the phrases as the text writes
        it: true unless every phrase that matches there has a hamza seat the text contradicts."""
        a, b = doc.norm.to_original(start, end)
        if _HAMZA_SEAT_SET.isdisjoint(doc.text[a:b]):  # (a C-level test: this runs on every match)
            return True
        text = doc.norm.text
        # a phrase spans the match only if the match holds its anchor's pieces: the others' regexes
        # are neither compiled nor run (every plain phrase of a set was compiled at its first
        # match with a seat: ~4 % of the first 200 ANT articles' extraction)
        matched, anchors = text[start:end], self.anchor_of
        if any(all(piece in matched for piece in anchors[p]) and _phrase_regex(p).fullmatch(text, start, end)
               for p in self.plain):
            return True
        for check in self.hamza:
            if not all(piece in matched for piece in anchors[check.phrase]):
                continue
            m = check.regex.fullmatch(text, start, end)
            if m is None:
                continue
            written = (doc.text[doc.norm.original_index(m.start(g + 1) + k)]
                       for g, word in enumerate(check.seats) for k, _ in word)
            wanted = (seat for word in check.seats for _, seat in word)
            if all(w not in HAMZA_SEATS or w == seat for w, seat in zip(written, wanted)):
                return True
        return False


def _anchor(phrase: str) -> tuple[str, ...]:
    """Literal pieces every match of the phrase contains: each word's letters without ال or *
    ("تغيير اسم العاصمة" needs تغيير, اسم and عاصمه, not just the common عاصمه)."""
    words = [w.rstrip("*") for w in squeeze_spaces(phrase).split() if w != _GAP]
    return tuple(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words)  # للانتخابات


def _alternation(phrases: list[str]) -> PhraseSet | None:
    """One PhraseSet per distinct list: cues that share a list (``unless: *not_unrest``) share its
    regex, so an article is scanned for it once."""
    return _compiled(tuple(sorted(set(phrases)))) if phrases else None


@cache
def _compiled(phrases: tuple[str, ...]) -> PhraseSet:
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    # each phrase's anchor once (folding and splitting ~6,000 phrases five times over was ~3 % of
    # a worker's set-up)
    anchors = {p: _anchor(p) for p in ordered}
    _PIECES.add(piece for p in ordered for piece in anchors[p])
    checks = {p: _hamza_check(p) for p in ordered}
    return PhraseSet(frozenset(anchors.values()),
                     tuple(p for p in ordered if checks[p] is None),
                     tuple(c for c in checks.values() if c is not None),
                     tuple(anchors.items()),
                     _first_words(ordered, anchors),
                     _first_pieces(anchors.values()))


def _first_pieces(anchors) -> frozenset[str] | None:
    """The first piece of every anchor; None when an anchor has none."""
    anchors = list(anchors)
    return None if not all(anchors) else frozenset(a[0] for a in anchors)


# Letters a phrase's match may hold before its first word: a conjunction, then the article with a
# preposition (وبال) or a preposition alone (phrase_pattern)
_MAX_PREFIX = 4


def _first_words(phrases, anchors: dict[str, tuple[str, ...]]) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """(the first word's letters as the text holds them, the phrase's anchor) per phrase, distinct;
    None when a phrase starts with a gap. ``anchors``: phrase -> its anchor."""
    out = {}
    for phrase in phrases:
        first = squeeze_spaces(phrase).split()[0]
        if first == _GAP:
            return None
        anchor = anchors[phrase]
        out[(anchor[0], anchor)] = None  # the anchor's first piece: the first word without ال or *
    return tuple(out)


_MIN_CUT_SET = 6  # phrases in a set before regex_for scans a subset of it
_NOTHING = re.compile(r"[^\s\S]")  # matches nowhere, found so by a fast scan
_GROUPS = 4


def _group_of(anchor: tuple[str, ...]) -> int:
    """A fixed group for a phrase, from its anchor's first word (crc32: the same in every process)."""
    return zlib.crc32(anchor[0].encode("utf-8")) % _GROUPS if anchor else 0


@lru_cache(maxsize=4096)
def _phrases_regex(ordered: tuple[str, ...]) -> re.Pattern:
    """One regex for phrases in this order (the first that matches at a position wins)."""
    return re.compile(_first_letters(ordered) + "(?:" + "|".join(f"(?:{phrase_pattern(p)})" for p in ordered) + ")")


def _iso(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@dataclass(frozen=True)
class Cue:
    phrases: PhraseSet | None
    words: PhraseSet | None
    unless: PhraseSet | None
    entities: tuple[str, ...]              # all of them in the sentence
    any_entities: tuple[str, ...]          # at least one of them
    article_entities: tuple[str, ...]      # all of them somewhere in the article
    date_window: tuple[date, date] | None  # a date mention in the sentence overlapping it
    published_window: tuple[date, date] | None
    linked: bool = False                   # only in an article another cue already linked to the event


@dataclass(frozen=True)
class Event:
    id: str
    name_ar: str
    name_en: str
    date_start: str
    date_end: str
    description: str
    description_ar: str
    cues: tuple[Cue, ...]
    # the larger event whose story this one is told as (events.yaml ``part_of``): its links are that
    # event's (the annulled Kyrgyz vote of October 2020 is the crisis it set off)
    part_of: str = ""


def _window(spec, event: dict) -> tuple[date, date] | None:
    if spec in (None, False):
        return None
    if spec is True:
        return _iso(event["date_start"]), _iso(event["date_end"])
    return _iso(spec[0]), _iso(spec[1])


# A name inside a cue phrase ("تغيير اسم أستانا") is written once, in one spelling; the text may
# write another spelling of the same catalogue entity's name (استانه، آستانة). When the catalogues
# load, each such name is expanded into the entity's aliases that spell the SAME name (its variant
# key, dashboard/text/variants.py): not into the entity's other names (Nur-Sultan is Astana's
# alias too, and "renaming Nur-Sultan" is the 2022 event, not 2019's).
_NAME_PREFIXES = "وبلفك"  # a proclitic the cue wrote on a name inside the phrase ("زيارة لأستانا")


def spelling_variants(entities) -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """folded name (its words) -> the other catalogue spellings of that name: the names of one
    entity (curated or CLDR, Arabic, plain word gaps) that share their variant key."""
    from dashboard.text.variants import name_key
    groups: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    for f in entities.forms.values():
        if (not f.entity_id or f.form != "name" or f.source == "generated" or f.lead
                or any(f.gaps) or not all(_ARABIC_WORD.fullmatch(t) for t in f.tokens)):
            continue
        key = name_key(f.tokens)
        if key:
            groups[(f.entity_id, key)].add(f.tokens)
    out: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
    for names in groups.values():
        for name in names:
            out[name] |= names - {name}
    return SpellingVariants({name: tuple(sorted(others)) for name, others in out.items() if others})


class SpellingVariants(dict):
    """``spelling_variants``'s mapping, with the most words a name of it has (looked up per phrase)."""

    def __init__(self, *args):
        super().__init__(*args)
        self.longest = max(map(len, self), default=0)


_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


def expand_spellings(phrase: str, variants: Mapping) -> list[str]:
    """The phrase and its copies with each catalogue name in it spelt every other way the
    catalogue spells that name (``spelling_variants``); the phrase's other words as written."""
    if not variants:
        return [phrase]
    raw = phrase.split()
    folded = [fold(w) for w in raw]
    longest = variants.longest if isinstance(variants, SpellingVariants) else max(map(len, variants))
    slots: list[tuple[str, ...]] = []  # each a choice of written text for a stretch of the phrase
    i = 0
    while i < len(raw):
        for n in range(min(longest, len(raw) - i), 0, -1):
            if any(w.endswith("*") or w == _GAP for w in raw[i:i + n]):
                continue
            span, prefix = tuple(folded[i:i + n]), ""
            if span not in variants and n == 1 and i > 0 and span[0][:1] in _NAME_PREFIXES:
                span, prefix = (span[0][1:],), span[0][0]
            if span in variants:
                slots.append((" ".join(raw[i:i + n]), *(prefix + " ".join(v) for v in variants[span])))
                i += n
                break
        else:
            slots.append((raw[i],))
            i += 1
    out = [""]
    for choices in slots:
        out = [f"{p} {c}" if p else c for p in out for c in choices]
    return list(dict.fromkeys([phrase, *out]))


def _cue(spec: dict, event: dict, spellings: Mapping | None = None) -> Cue:
    known = {"phrases", "words", "unless", "entities", "any_entities", "article_entities", "date",
             "published", "linked"}
    unknown = set(spec) - known
    if unknown:
        raise ValueError(f"event {event['id']}: unknown cue keys {sorted(unknown)}")
    cue = Cue(
        phrases=_alternation([v for p in spec.get("phrases") or [] for v in expand_spellings(p, spellings)]),
        words=_alternation([v for p in spec.get("words") or [] for v in expand_spellings(p, spellings)]),
        unless=_alternation([v for p in spec.get("unless") or [] for v in expand_spellings(p, spellings)]),
        entities=tuple(spec.get("entities") or []),
        any_entities=tuple(spec.get("any_entities") or []),
        article_entities=tuple(spec.get("article_entities") or []),
        date_window=_window(spec.get("date"), event),
        published_window=_window(spec.get("published"), event),
        linked=bool(spec.get("linked")),
    )
    if not (cue.phrases or cue.words or cue.entities or cue.any_entities):
        raise ValueError(f"event {event['id']}: a cue needs phrases, words or entities")
    return cue


def parse_events(raw: Mapping, spellings: Mapping | None = None) -> tuple[Event, ...]:
    """The events of events.yaml (parsed), sorted by id. Raises ValueError naming the event.
    ``spellings``: the entity catalogue's spelling variants of names (``spelling_variants``), in
    which the names inside cue phrases are expanded."""
    from dashboard.extract.event_series import series_events  # (it imports this module)
    events = []
    for e in [*raw["events"], *series_events(raw)]:
        events.append(Event(
            id=e["id"], name_ar=e["name_ar"], name_en=e["name_en"],
            date_start=_iso(e["date_start"]).isoformat(), date_end=_iso(e["date_end"]).isoformat(),
            description=e["description"], description_ar=e.get("description_ar", ""),
            cues=tuple(_cue(c, e, spellings or {}) for c in e.get("cues") or ()),
            part_of=str(e.get("part_of") or ""),
        ))
    ids = [e.id for e in events]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate event ids")
    for e in events:
        if e.part_of and (e.part_of not in ids or e.part_of == e.id):
            raise ValueError(f"event {e.id}: part_of names no other catalogue event ({e.part_of!r})")
    return tuple(sorted(events, key=lambda e: e.id))


def events_table(events: tuple[Event, ...]) -> pd.DataFrame:
    rows = [{"event_id": e.id, "name_ar": e.name_ar, "name_en": e.name_en,
             "date_start": e.date_start, "date_end": e.date_end, "description": e.description}
            for e in events]
    return conform("events", rows)


def _overlaps(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


class SentenceIndex:
    """Per-sentence lookups for one document: matches of a pattern, entities, dates."""

    def __init__(self, doc: Doc, entity_rows: list[dict], date_rows: list[dict]):
        self.doc = doc
        self.entities: dict[int, set[str]] = defaultdict(set)
        self.sentences_of: dict[str, set[int]] = defaultdict(set)  # entity -> its sentences
        for r in entity_rows or []:
            self.entities[int(r["sentence_id"])].add(str(r["entity_id"]))
            self.sentences_of[str(r["entity_id"])].add(int(r["sentence_id"]))
        self._entity_rows = entity_rows or []
        self._entity_spans: dict[int, list[tuple[int, int, str]]] | None = None
        self._name_spans: dict[int, list[tuple[int, int, str]]] | None = None
        self.article_entities: set[str] = set().union(*self.entities.values())
        self.dates: dict[int, list[tuple[date, date, str]]] = defaultdict(list)
        for r in date_rows or []:
            if r.get("date_start") and r.get("date_end"):
                self.dates[int(r["sentence_id"])].append(
                    (_iso(r["date_start"]), _iso(r["date_end"]), str(r["surface"]), bool(r.get("relative")),
                     int(r.get("char_start") or 0)))
        # What depends on the text alone is shared with the other index of the same article (event
        # discovery reads the same phrase sets after linking): see _TextScans
        scans = _TextScans.of(doc)
        self._matches: dict[int, dict[int, str]] = scans.matches
        self._in_sentence: dict[tuple[int, int], str | None] = scans.in_sentence
        self._anchored: dict[int, bool] = scans.anchored
        self._anchor_holds = scans.anchor_holds
        self._regexes: dict[int, re.Pattern] = scans.regexes
        self._scans = scans

    def matches(self, phrases: PhraseSet, within: set[int] | None = None) -> dict[int, str]:
        """sentence_id -> the first matching surface (original text) in it; with ``within``, only
        those sentences are searched (the cue's cheaper conditions already narrowed them)."""
        key = id(phrases)
        if key in self._matches:
            found = self._matches[key]
            return found if within is None else {s: found[s] for s in within if s in found}
        norm = self.doc.norm
        anchored = self._anchored.get(key)
        if anchored is None:  # asked once per phrase set and article, however many sentences follow
            anchored = self._anchored[key] = self._scans.anchored_in(phrases)
        if not anchored:
            self._matches[key] = {}
            return {}
        if within is None:
            found = {}
            for sid, surface in self._scan(phrases, 0, len(norm.text)):
                found.setdefault(sid, surface)
            self._matches[key] = found
            return found
        out = {}
        for sid in within:
            if (key, sid) not in self._in_sentence:
                start, end = self.doc.norm_sentence(sid)
                self._in_sentence[(key, sid)] = next(
                    (surface for s, surface in self._scan(phrases, start, end) if s == sid), None)
            if self._in_sentence[(key, sid)] is not None:
                out[sid] = self._in_sentence[(key, sid)]
        return out

    def regex_for(self, phrases: PhraseSet) -> re.Pattern:
        """The set's regex without the phrases whose anchor this article lacks: they cannot match
        anywhere in it, so the matches are the same, and a set of 20 phrases with 3 in reach is
        scanned several times faster."""
        key = id(phrases)
        regex = self._regexes.get(key)
        if regex is None:
            if phrases.ordered and not self._scans.anchored_in(phrases):
                regex = _NOTHING  # no phrase of the set can match in this article
            elif len(phrases.ordered) >= _MIN_CUT_SET:
                # whole groups of phrases (by their first anchor word) are kept, so that a set
                # has at most 2**_GROUPS - 1 subsets to compile (~0.6 ms each, once per process)
                groups = frozenset(_group_of(anchor) for _, anchor in phrases.ordered
                                   if self._anchor_holds[anchor])
                kept = tuple(p for p, anchor in phrases.ordered if _group_of(anchor) in groups)
                regex = _phrases_regex(kept) if kept and len(kept) * 2 <= len(phrases.ordered) else phrases.regex
            else:
                regex = phrases.regex
            self._regexes[key] = regex
        return regex

    def finditer(self, phrases: PhraseSet, start: int = 0, end: int | None = None):
        """The matches of ``regex_for(phrases).finditer(text, start, end)`` over the folded text,
        found faster: a match starts at most _MAX_PREFIX letters (proclitics, the article) before
        its first word, so the regex is tried only there, at the occurrences (a C-level find) of
        the first words of the phrases this article can hold, leftmost first and never inside
        the last match: the same matches as a scan of every position."""
        text = self.doc.norm.text
        end = len(text) if end is None else end
        firsts = phrases.first_words
        if firsts is None:
            yield from self.regex_for(phrases).finditer(text, start, end)
            return
        # The phrases whose anchor the article holds, each by its own regex, tried in the set's
        # order: the first that matches at a place is the match the set's alternation gives
        # there (a phrase whose anchor the article lacks matches nowhere in it). Not the set's
        # whole regex: compiled once per process, the sets this scan meets cost a build of a few
        # hundred articles ~9 % of its extraction, and a phrase's own regex is compiled only
        # when an article holds its anchor (and shared with PhraseSet.accepts).
        held = self._scans.held.get(id(phrases))
        if held is None:
            held = self._scans.held[id(phrases)] = tuple(
                _phrase_regex(p) for p, anchor in phrases.ordered if self._anchor_holds[anchor])
        holds = self._anchor_holds
        candidates: set[int] = set()
        for word, anchor in firsts:
            if not holds[anchor]:
                continue
            at = text.find(word, start, end)
            while at >= 0:
                candidates.update(range(max(start, at - _MAX_PREFIX), at + 1))
                at = text.find(word, at + 1, end)
        done = start
        for at in sorted(candidates):
            if at < done:
                continue
            for regex in held:
                m = regex.match(text, at, end)
                if m is not None:
                    done = m.end() if m.end() > at else at + 1
                    yield m
                    break

    def _scan(self, phrases: PhraseSet, start: int, end: int):
        norm = self.doc.norm
        for m in self.finditer(phrases, start, end):
            if not phrases.accepts(self.doc, m.start(), m.end()):
                continue
            a, b = norm.to_original(m.start(), m.end())
            yield self.doc.sentence_at(a), " ".join(self.doc.text[a:b].split())

    @property
    def entity_spans(self) -> dict[int, list[tuple[int, int, str]]]:
        """sentence_id -> (char_start, char_end, entity_id) of its mentions (built when asked)."""
        if self._entity_spans is None:
            self._entity_spans = defaultdict(list)
            for r in self._entity_rows:
                self._entity_spans[int(r["sentence_id"])].append(
                    (int(r["char_start"]), int(r["char_end"]), str(r["entity_id"])))
        return self._entity_spans

    @property
    def name_spans(self) -> dict[int, list[tuple[int, int, str]]]:
        """As ``entity_spans``, names only: no adjective ("أمريكيان وسويسري" are the victims, not
        the places of an attack)."""
        if self._name_spans is None:
            self._name_spans = defaultdict(list)
            for r in self._entity_rows:
                if r.get("form") != "adjective":
                    self._name_spans[int(r["sentence_id"])].append(
                        (int(r["char_start"]), int(r["char_end"]), str(r["entity_id"])))
        return self._name_spans

    def sentence_span(self, sid: int) -> tuple[int, int]:
        """One sentence's span in normalised offsets."""
        return self.doc.norm_sentence(sid)


class _TextScans:
    """The memos of SentenceIndex that depend on the article's text alone (phrase-set matches, anchor
    pieces present, cut regexes), so that the linker's and event discovery's
    indexes of one article scan it once. The last article's are kept (with the Doc itself, so
    that ``is`` cannot mistake a new Doc for it)."""
    _last: _TextScans | None = None

    def __init__(self, doc: Doc):
        self.doc = doc
        self.matches: dict[int, dict[int, str]] = {}
        self.in_sentence: dict[tuple[int, int], str | None] = {}
        self.anchored: dict[int, bool] = {}
        # piece -> ``piece in`` the folded text, and anchor -> all its pieces there: each scanned
        # for once per article (the ~270 cues' phrase sets share most of their words), looked up
        # by C-level map() calls (this runs ~300 times per article)
        self.pieces = _Presence(doc.norm.text)
        self.anchor_holds = _AnchorPresence(self.pieces)
        self.regexes: dict[int, re.Pattern] = {}
        self.held: dict[int, tuple[re.Pattern, ...]] = {}  # id(phrase set) -> regexes (SentenceIndex.finditer)

    def anchored_in(self, phrases: PhraseSet) -> bool:
        """Whether the text holds the anchor of one of the set's phrases (most sets' first pieces
        are all absent: answered then without checking any anchor in full)."""
        firsts = phrases.first_pieces
        if firsts is not None and not any(map(self.pieces.__getitem__, firsts)):
            return False
        return any(map(self.anchor_holds.__getitem__, phrases.anchors))

    @classmethod
    def of(cls, doc: Doc) -> _TextScans:
        last = cls._last
        if last is None or last.doc is not doc:
            last = cls._last = cls(doc)
        return last


class _PieceScanner:
    """Which anchor pieces an article holds, found by one pass over its text: an Aho-Corasick
    automaton (pyahocorasick) over every piece of every compiled PhraseSet. An article is asked
    about ~370 of the ~1,500 pieces; a ``piece in text`` scan for each, through a Python-level
    lookup, cost more than the rest of the anchor test. Pieces of fewer than MIN letters (nearly
    every text holds one, and ``in`` finds it at once) are left to ``in``."""
    MIN = 3

    def __init__(self):
        self.pieces: set[str] = set()
        self._automaton = None
        self._absent: dict[str, bool] = {}  # every piece -> False: an article's answers start from a copy

    def add(self, pieces) -> None:
        new = {p for p in pieces if len(p) >= self.MIN} - self.pieces
        if new:
            self.pieces |= new
            self._automaton = None  # rebuilt at the next article (catalogues compile before any)

    def answers(self, text: str) -> dict[str, bool]:
        """Every piece -> whether ``text`` contains it."""
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for piece in self.pieces:
                automaton.add_word(piece, piece)
            if self.pieces:
                automaton.make_automaton()
            self._automaton = automaton
            self._absent = dict.fromkeys(self.pieces, False)
        out = self._absent.copy()
        if self.pieces:
            # the hits (~one per word of the text, most pieces found many times) read by C-level
            # calls: a generator's Python step per hit was ~3 % of extraction
            out.update(dict.fromkeys(map(_VALUE, self._automaton.iter(text)), True))
        return out


_PIECES = _PieceScanner()
_VALUE = itemgetter(1)  # (end offset, value) of an automaton hit -> the piece


class _Presence(dict):
    """piece -> whether ``text`` contains it: every piece a PhraseSet knows answered by one scan
    (_PieceScanner), any other on first lookup."""

    def __init__(self, text: str):
        super().__init__(_PIECES.answers(text))
        self.text = text

    def __missing__(self, piece: str) -> bool:  # a piece no PhraseSet holds, or a short one
        found = self[piece] = piece in self.text
        return found


class _AnchorPresence(dict):
    """anchor (a tuple of pieces) -> whether the text contains every piece, computed on first lookup."""

    def __init__(self, pieces: _Presence):
        super().__init__()
        self.pieces = pieces

    def __missing__(self, anchor: tuple[str, ...]) -> bool:
        found = self[anchor] = all(map(self.pieces.__getitem__, anchor))
        return found


_CHECK_ORDER = ("entities", "entity", "date", "phrase", "word")  # the order _evaluate narrows in


def _dated(index: SentenceIndex, window: tuple[date, date]) -> dict[int, str]:
    """sentence_id -> the first date mention in it overlapping ``window`` and not much vaguer than
    it: "عام 2019" does not date a one-day election of June 2019 (a month may)."""
    out = {}
    widest = max(31, (window[1] - window[0]).days)
    for sid, dates in index.dates.items():
        hit = next((d[2] for d in dates
                    if _overlaps((d[0], d[1]), window) and (d[1] - d[0]).days <= widest), None)
        if hit is not None:
            out[sid] = hit
    return out


_COMPARISON = re.compile(r"(?<![^\W_])[وب]?(?:مقابل|مقارنة|بالمقارنة)(?![^\W_])")


def _compared(doc: Doc, d: tuple) -> bool:
    """Whether a date is the term of a comparison ("53.9% مقابل 71.09% في (يناير) 2021"): it dates
    the earlier figure, not what the sentence reports."""
    if len(d) < 5:
        return False
    before = doc.text[max(0, d[4] - 40):d[4]]
    before = re.split(r"[،؛;:!?؟\n]|[.,](?!\d)", before)[-1]  # not the point of 71.09
    return _COMPARISON.search(before) is not None


def head_noun(name: str) -> str:
    """The head noun of an event's name: its first word, folded, the article off ("المؤتمر الدولي
    ..." -> مؤتمر); "" for one of under three letters or too frequent to refer (HEAD_ZIPF). Only
    an article as written comes off: a hamza-seated first letter folds to ا, and "ألعاب الرحل" or
    "إلغاء عقوبة الإعدام" would lose "ال" of the word itself (عاب، غاء)."""
    written = next((w for w in name.split() if re.search(_LETTERS, fold(w))), "")
    first = fold(written)
    bare = first[len(ARTICLE):] if written.startswith(ARTICLE) and first.startswith(ARTICLE) else first
    if len(bare) < 3 or max(common_zipf(ARTICLE + bare), common_zipf(bare)) >= HEAD_ZIPF:
        return ""
    return bare


def _definite(word: str, head: str) -> bool:
    """Whether a (folded) word is ``head`` with the article, its proclitics off: المؤتمر، والمؤتمر،
    بالمؤتمر، للمؤتمر (ل + ال contracted)."""
    forms = peel(word, 3)
    return ARTICLE + head in forms or (head in forms and "لل" + head in (word, word[1:]))


def contradicted(index: SentenceIndex, sid: int, start: date, end: date,
                 at: tuple[int, int] | None = None) -> bool:
    """Whether the sentence dates what it speaks of elsewhere: a month or day written with its
    year, none of its dates within a month of the event ("خلال الاضطرابات التي أعقبت الانتخابات
    البرلمانية التي جرت في أكتوبر 2020" is not the election of November 2021); a date a period
    runs from ("منذ 21 سبتمبر") contradicts nothing after it. A date without its year may be
    another clause's ("يدلي الناخبون ... الأحد 28 نوفمبر ... بعد عام من انتخابات سابقة"): it
    dates an event only in the event's own phrase (event_names.Owner). Given ``at``, the span of
    the words that linked the sentence (original offsets), only dates within DATE_REACH words of
    it count: a long sentence's date further off is another clause's ("الزيارة ... فى سبتمبر 2018
    تمخضت عن خارطة طريق ... [22 words] ... منوهاً إلى أن انتشار وباء الكورونا أثر بالسلب")."""
    dates = [d for d in index.dates.get(sid, ()) if not _compared(index.doc, d) and not runs_to_report(index.doc, d)]
    if at is not None:
        dates = [d for d in dates if _near_words(index.doc.text, d, at)]
    explicit = [d for d in dates if not d[3] and (d[1] - d[0]).days <= 31]
    if not explicit:
        return False
    lo, hi = start - FUTURE_MARGIN, end + FUTURE_MARGIN
    return not any(d[0] <= hi and lo <= d[1] for d in dates)


def _near_words(text: str, d: tuple, at: tuple[int, int]) -> bool:
    """Whether a date mention (a SentenceIndex.dates tuple) lies within DATE_REACH words of ``at``."""
    if len(d) < 5:
        return True
    d_start, d_end = d[4], d[4] + len(d[2])
    if d_end <= at[0]:
        return _word_count(text, d_end, at[0]) <= DATE_REACH
    if at[1] <= d_start:
        return _word_count(text, at[1], d_start) <= DATE_REACH
    return True


def linked_at(index: SentenceIndex, sid: int, why: str) -> tuple[int, int] | None:
    """The original span of the words that linked sentence ``sid`` (the first phrase, word or
    generated noun its cue names), or None where the cue names none or it is not found."""
    m = _FIRST_SURFACE.match(why)
    if m is None:
        return None
    surface = squeeze_spaces(m.group(1))
    start, end = index.sentence_span(sid)
    found = index.doc.norm.text.find(surface, start, end)
    if found < 0:
        return None
    return index.doc.norm.to_original(found, found + len(surface))


def parse_planned(raw: Mapping) -> PhraseSet | None:
    """The words that speak of an event as still to come (events.yaml, ``planned_words``)."""
    return _alternation(list(raw.get("planned_words") or []))


def future_limit(published: tuple[date, date] | None) -> date | None:
    """The latest start an event may have to be linked to an article published in ``published``
    without a planned-word: a month after the end of the publication period."""
    return None if published is None else published[1] + FUTURE_MARGIN


def _word_count(text: str, a: int, b: int) -> int:
    """The words between offsets ``a`` and ``b`` of ``text``."""
    return len(text[a:b].split())


class EventLinker:
    """Links sentences to catalogue events by their cues and, given ``generated`` (event_names.py),
    by the variant names generated from each event's name."""

    def __init__(self, events: tuple[Event, ...], planned: PhraseSet | None = None, generated=None, series=None):
        self.events = events
        self.planned = planned
        self.generated = generated
        # rounds of a series (event_series.py): the process's links become its instances'
        self.series = None
        if series is not None:
            from dashboard.extract.event_series import SeriesResolver
            self.series = SeriesResolver(series, planned, generated.entity_types if generated is not None else None)
        self._starts = {e.id: _iso(e.date_start) for e in events}
        self._ends = {e.id: _iso(e.date_end) for e in events}
        self._part_of = {e.id: e.part_of for e in events if e.part_of}
        # the head noun of each event's name (its first word, folded, the article off): the events
        # of no kind (event_names.py generates no name, no referring word for them) are referred to by it
        self._heads = {e.id: h for e in events if (h := head_noun(e.name_ar))}
        # every cue, in the order they are tried (event by event, within an event those needing
        # it already linked last), with its event's dates and the entities an article must name
        # for it to hold at all (_evaluate's first test): all of ``every``, one of ``some``
        self._cues = tuple((e, _iso(e.date_start), _iso(e.date_end), c,
                            frozenset(c.article_entities) | frozenset(c.entities), frozenset(c.any_entities))
                           for e in events if e.cues for c in sorted(e.cues, key=lambda c: c.linked))
        # ... indexed by the entities they need, so that an article only looks at the cues its
        # entities can satisfy (most of the ~270 need an entity most articles do not name)
        # the persons each event's cues name, by kind, for kinds an event's winner names by his act
        # ("منذ انتخابه"): a president's election is the one whose cues name him (_add_elected)
        self._winners: dict[str, list[tuple[str, date, date, frozenset[str]]]] = defaultdict(list)
        if generated is not None:
            for e in events:
                kind = generated.kinds.get(generated.kind_of_event.get(e.id, ""))
                persons = frozenset(x for c in e.cues for x in (*c.entities, *c.any_entities)
                                    if generated.entity_types.get(x) == "person")
                if kind is not None and kind.elected is not None and persons:
                    self._winners[kind.name].append((e.id, _iso(e.date_start), _iso(e.date_end), persons))
        self._cues_free = tuple(i for i, (*_, every, some) in enumerate(self._cues) if not every and not some)
        self._cues_of: dict[str, list[int]] = defaultdict(list)
        for i, (*_, every, some) in enumerate(self._cues):
            for entity in (min(every),) if every else some:
                self._cues_of[entity].append(i)

    def find(self, doc: Doc, entity_rows: list[dict], date_rows: list[dict]) -> list[dict]:
        index = SentenceIndex(doc, entity_rows, date_rows)
        published = doc.publication_period
        limit = future_limit(published)
        rows: dict[tuple[int, str], dict] = {}
        linked: set[str] = set()  # the events of ``rows`` (a lookup for the cues needing one, not a scan of rows)
        named = index.article_entities
        tried = set(self._cues_free)
        for entity in named:
            tried.update(self._cues_of.get(entity, ()))
        for i in sorted(tried):
            event, event_start, event_end, cue, every, some = self._cues[i]
            if not every <= named or (some and some.isdisjoint(named)):
                continue
            # An article cannot report an event that begins more than a month after it was
            # published, unless the sentence speaks of it as planned ("the summit to be held").
            future = limit is not None and event_start > limit
            if future and self.planned is None:
                continue
            # cues that need the event already linked in the article come after the others
            if cue.linked and event.id not in linked:
                continue
            if cue.published_window and (published is None or not _overlaps(published, cue.published_window)):
                continue  # (_evaluate's first test, without the call)
            for sid, why in self._evaluate(cue, index, published):
                if (sid, event.id) in rows:
                    continue
                if cue.published_window and cue.date_window is None and contradicted(
                        index, sid, event_start, event_end, linked_at(index, sid, why)):
                    continue
                if future:  # the planned words are looked for in this sentence only
                    planned = index.matches(self.planned, {sid})
                    if sid not in planned:
                        continue
                    why += f" + planned: {planned[sid]}"
                start, end = doc.sentences[sid] if doc.sentences else (0, len(doc.text))
                rows[(sid, event.id)] = {
                    "article_id": doc.article_id, "sentence_id": sid, "event_id": event.id,
                    "char_start": start, "char_end": end, "cue": why,
                }
                linked.add(event.id)
        if self.series is not None:
            self.series.resolve(index, published, limit, rows)
        if self.generated is not None:
            self._choose_instances(index, published, limit, rows)
            self._resolve_referring(rows)
            self._add_generated(doc, index, published, limit, rows)
            self._add_elected(index, published, limit, rows)
            self._add_head_nouns(index, rows)
            if self.series is not None:
                self.series.resolve_linked(index, published, limit, rows)
            self._add_context(doc, index, published, limit, rows)
        if self.generated is not None and self.generated.anaphora is not None and rows:
            self._add_anaphora(doc, index, rows)
        if self.generated is not None and self.generated.rival_kinds:
            self._drop_rival_kinds(index, rows)
        if self.generated is not None:
            self._drop_unqualified(index, rows)
            self._to_gatherings(index, rows)
        if self._part_of:
            self._to_wholes(rows)
        return [rows[k] for k in sorted(rows)]

    def _add_elected(self, index: SentenceIndex, published, limit, rows: dict) -> None:
        """A president's election named by its winner's act ("منذ انتخابه في آذار رئيسا لتركمانستان"،
        "ثم فاز في انتخابات الرئاسة"، "من انتخاب سادير زاباروف رئيسا"; the kind's ``elected`` words)
        with a person the event's cues name in the sentence: that person's election the sentence
        dates, or, undated, his last before the publication (the one every person named won last,
        none where two persons' last elections differ). Not where the sentence is linked to an
        event of the kind already, dated elsewhere, or names another office won."""
        gen = self.generated
        for kind_name, winners in sorted(self._winners.items()):
            kind = gen.kinds[kind_name]
            doc, hits = index.doc, {}
            unless = index.regex_for(kind.elected_unless) if kind.elected_unless is not None else None
            for m in index.finditer(kind.elected):
                if not kind.elected.accepts(doc, m.start(), m.end()):
                    continue
                # the office won is said in or right after the act ("انتخاب توكاييف رئيسا لمجلس الشيوخ"),
                # not anywhere in the sentence ("وأصبح جباروف رئيساً للوزراء ... ثم فاز في انتخابات الرئاسة")
                if unless is not None and unless.search(doc.norm.text, m.start(), min(len(doc.norm.text), m.end() + _OFFICE_CHARS)):
                    continue
                a, b = doc.norm.to_original(m.start(), m.end())
                hits.setdefault(doc.sentence_at(a), " ".join(doc.text[a:b].split()))
            for sid, word in sorted(hits.items()):
                if any(s == sid and gen.kind_of_event.get(e) == kind_name for s, e in rows):
                    continue
                persons = {e for e in index.entities.get(sid, ()) if gen.entity_types.get(e) == "person"}
                ours = [(eid, a, b, won & persons) for eid, a, b, won in winners if won & persons
                        and (limit is None or a <= limit)]
                if not ours:
                    continue
                spans = [(d[0], d[1]) for d in index.dates.get(sid, ()) if (d[1] - d[0]).days <= 366]
                if spans:
                    dated = {eid for eid, a, b, _ in ours if any(d0 <= b and a <= d1 for d0, d1 in spans)}
                    if len(dated) != 1:
                        continue  # dated elsewhere ("في2020" of the 2019 vote), or two of them
                    eid = dated.pop()
                    when = "date of the sentence"
                else:
                    if published is None:
                        continue
                    last = {}
                    for eid, a, _, won in ours:
                        for p in won:
                            if a <= published[1] and (p not in last or a > last[p][1]):
                                last[p] = (eid, a)
                    if len({v[0] for v in last.values()}) != 1:
                        continue
                    eid = next(iter(last.values()))[0]
                    when = "last before the publication"
                    if contradicted(index, sid, self._starts[eid], self._ends[eid]):
                        continue
                winner = "+".join(sorted(next(w for e, _, _, w in ours if e == eid)))
                start, end = index.sentence_span(sid)
                rows[(sid, eid)] = {"article_id": index.doc.article_id, "sentence_id": sid, "event_id": eid,
                                    "char_start": start, "char_end": end,
                                    "cue": f"elected: {word} + winner: {winner} + {when}"}

    def _add_head_nouns(self, index: SentenceIndex, rows: dict) -> None:
        """An event of no kind (an agreement, a conference, a crisis: no referring word of a kind
        names it) that a sentence names by its own name is referred to further down by its name's
        head noun with the article: "قال بيان ... إن فكرة المؤتمر كانت مبادرة من الرئيس" after "مؤتمر
        ... وسط وجنوب آسيا". Only in a sentence linked to no event, not a heading, not dated away
        from the event, and where no other event the article names has that head noun."""
        gen = self.generated
        named: dict[str, int] = {}  # event -> the first sentence naming it (not a referring word)
        linked_at: set[int] = set()
        for (sid, eid), row in rows.items():
            linked_at.add(sid)
            if eid in self._heads and not REFERS_AT.search(row["cue"]) and not row["cue"].startswith(CONTEXT):
                named[eid] = min(sid, named.get(eid, sid))
        heads = defaultdict(set)
        for eid in {e for _, e in rows}:
            if eid in self._heads:
                heads[self._heads[eid]].add(eid)
        n = len(index.doc.sentences) or 1
        for eid, first in sorted(named.items()):
            head = self._heads[eid]
            if eid in gen.kind_of_event or len(heads[head]) > 1:
                continue
            for sid in range(first + 1, n):
                if sid in linked_at:
                    continue
                words = [w for w in index.doc.sentence_forms(sid) if re.search(_LETTERS, w)]
                word = next((w for w in words if _definite(w, head)), None)
                if word is None or len(words) < HEAD_MIN_WORDS \
                        or contradicted(index, sid, self._starts[eid], self._ends[eid]):
                    continue
                start, end = index.sentence_span(sid)
                rows[(sid, eid)] = {"article_id": index.doc.article_id, "sentence_id": sid, "event_id": eid,
                                    "char_start": start, "char_end": end,
                                    "cue": f"head noun: {word}{REFERRING} (s{first})"}

    def _add_anaphora(self, doc: Doc, index: SentenceIndex, rows: dict) -> None:
        """A demonstrative with a word any event is called ("على تجاوز هذه الأزمة"، "هذه المناسبة
        تمثل حدثا تاريخيا"، "هذه مأساة كبيرة لبلدنا"; events.yaml ``event_anaphora``) refers to the
        event linked in the nearest sentence before it (at most ``reach`` back), when that sentence
        is linked to that event alone."""
        gen = self.generated
        hits = index.matches(gen.anaphora)
        if not hits:
            return
        linked: dict[int, set[str]] = defaultdict(set)
        for s, e in rows:
            linked[s].add(e)
        for sid, surface in sorted(hits.items()):
            # the noun named earlier in its own sentence is what it refers to ("فصول الأزمة الخليجية
            # ... هذه الأزمة")
            start, end = doc.sentences[sid] if doc.sentences else (0, len(doc.text))
            noun = fold(surface.split()[-1])
            noun = noun[2:] if noun.startswith("ال") and len(noun) > 4 else noun
            at = doc.text.find(surface, start)
            if at > start and noun in fold(doc.text[start:at]):
                continue
            before = [s for s in range(sid - 1, max(-1, sid - gen.anaphora_reach - 1), -1) if linked.get(s)]
            if not before or len(linked[before[0]]) != 1:
                continue
            eid = next(iter(linked[before[0]]))
            if (sid, eid) in rows:
                continue
            rows[(sid, eid)] = {"article_id": doc.article_id, "sentence_id": sid, "event_id": eid,
                                "char_start": start, "char_end": end,
                                "cue": f"anaphora: {surface} + as s{before[0]}{REFERRING}"}

    def _drop_rival_kinds(self, index: SentenceIndex, rows: dict) -> None:
        """A link by one of its kind's generic words (a referring word, the kind's act) that the
        sentence's own noun of a rival kind (events.yaml ``rival_kinds``) qualifies is that kind's
        event, not this one: the word inside the rival's noun ("في الانتخابات البرلمانية المبكرة" is
        no presidential election's), or a word of the voters (``voters``) where the sentence names
        a vote by a rival's noun only ("يدلي الناخبون ... في استفتاء على دستور جديد" is the
        referendum's, not the election the article recalls). "جاءت الانتخابات بعد استفتاء دستوري"
        still names an election."""
        gen = self.generated
        for (sid, eid), row in sorted(rows.items()):
            kind_name = gen.kind_of_event.get(eid)
            rivals = gen.rival_kinds.get(kind_name, ())
            if not rivals:
                continue
            m = _FIRST_SURFACE.match(row["cue"])
            if m is None:
                continue
            kind = gen.kinds[kind_name]
            words = squeeze_spaces(m.group(1))
            voters = gen.voter_words.get(kind_name)
            by_voters = voters is not None and voters.regex.fullmatch(words) is not None
            if not by_voters and not any(p is not None and p.regex.fullmatch(words)
                                         for p in (kind.refers, kind.dated_nouns, kind.generic_refers)):
                continue
            if sid in index.matches(kind.nouns, {sid}):
                continue
            start, end = index.sentence_span(sid)
            for rival in rivals:
                nouns = gen.kinds[rival].nouns
                if sid not in index.matches(nouns, {sid}):
                    continue
                if by_voters or any(words in squeeze_spaces(index.doc.text[slice(*index.doc.norm.to_original(r.start(), r.end()))])
                                    for r in index.finditer(nouns, start, end)):
                    del rows[(sid, eid)]
                    break

    def _drop_unqualified(self, index: SentenceIndex, rows: dict) -> None:
        """Whatever linked it, a sentence whose noun of the event's kind carries a qualifier the
        event's name contradicts (event_kinds ``qualifiers``) is not that event's: "للانتخابات
        البرلمانية المبكرة" is no regular vote, "القمة السنوية" no extraordinary summit."""
        gen = self.generated
        owners: dict[tuple[int, str], object] = {}
        for sid, eid in sorted(rows):
            named = gen.by_id.get(eid)
            if named is None or not gen.kinds[named.kind].qualifiers:
                continue
            key = (sid, named.kind)
            if key not in owners:
                owners[key] = gen._words_after(index, sid, gen.kinds[named.kind])[2]
            owner = owners[key]
            if (owner.marked - named.marks) or (owner.unmarked & named.marks):
                del rows[(sid, eid)]

    def _to_gatherings(self, index: SentenceIndex, rows: dict) -> None:
        """Events of a kind another kind gathers (events.yaml ``gathers``: a summit its leaders'
        visits) on the days of such a gathering the article is linked to are its meetings in a
        sentence that names none of their kind's nouns, when the sentence is linked to two of them
        (the host's talks with the leaders: "عقد شي محادثات مع توكاييف وجباروف ...", visits to a place
        of the gathering's name) or names the gathering itself ("تبادل أطراف الحديث مع ... على هامش
        القمة": there a visit elsewhere on its days is not the meeting either): their links there
        become the gathering's. A sentence saying visit, arrival or tour (the visit kind's nouns),
        or naming the visit by its name (a tour called off with the summit it was to hold), keeps them."""
        gen = self.generated
        kind_of = gen.kind_of_event
        gatherings = sorted({eid for _, eid in rows if eid in gen.by_id
                             and gen.kinds.get(kind_of.get(eid, "")) is not None and gen.kinds[kind_of[eid]].gathers})
        if not gatherings:
            return
        by_sentence: dict[int, list[str]] = defaultdict(list)
        for sid, eid in sorted(rows):
            by_sentence[sid].append(eid)
        for sid, eids in sorted(by_sentence.items()):
            for gathering in gatherings:
                gathered = gen.kinds[kind_of[gathering]].gathers
                start, end = self._starts[gathering], self._ends[gathering]
                named = (sid, gathering) in rows
                at = gen.by_id[gathering].places
                # on its days, and in its host country (or elsewhere where the sentence names it)
                met = [e for e in eids if kind_of.get(e) in gathered and (sid, e) in rows
                       and not _BY_NAME.match(rows[(sid, e)]["cue"])
                       and self._starts[e] <= end and start <= self._ends[e]
                       and e in gen.by_id and (named or gen.by_id[e].places & at)]
                if not met or (len(met) < 2 and not named):
                    continue
                if any(sid in index.matches(gen.kinds[k].nouns, {sid}) for k in {kind_of[e] for e in met}):
                    continue
                first = rows[(sid, met[0])]
                for e in met:
                    del rows[(sid, e)]
                rows.setdefault((sid, gathering), {
                    **first, "event_id": gathering,
                    "cue": f"{first['cue']} + meetings of the gathering: {gathering} (not {'+'.join(met)})"})

    def _to_wholes(self, rows: dict) -> None:
        """A link to an event that is part of another (``part_of``) is the whole's: its row moves to
        that event, its cue noting the part it named (once per sentence)."""
        for (sid, eid), row in sorted(rows.items()):
            whole = self._part_of.get(eid)
            if whole is None:
                continue
            del rows[(sid, eid)]
            cue = row["cue"]
            note = f" + part of the event: {eid}"
            cue = cue[:-len(REFERRING)] + note + REFERRING if cue.endswith(REFERRING) else cue + note
            rows.setdefault((sid, whole), {**row, "event_id": whole, "cue": cue})

    def _prefer_the_articles_event(self, rows: dict, index: SentenceIndex, news) -> None:
        """An undated link by a generated name further down, to an event of the same kind as the
        one the article's lead names, whose name the sentence supports no better than the lead's
        event's actors do, is the lead's event: in an article on Blinken's visit to Kazakhstan and
        Uzbekistan, "حيث سيلتقي برئيس كازاخستان قاسم جومارت توكاييف ... ثم يتوجه إلى أوزبكستان" is
        his visit, not Tokayev's to Uzbekistan three months before. A lead's event older than the
        article (``news``: _news_of) does not take a link to an event of the article's time."""
        gen = self.generated
        kind_of = gen.kind_of_event
        lead: dict[str, tuple[int, str]] = {}  # kind -> the first lead sentence naming one, its one event
        for (sid, eid), row in sorted(rows.items()):
            kind = kind_of.get(eid)
            if sid >= LEAD_SENTENCES or kind is None or row["cue"].endswith(REFERRING) \
                    or row["cue"].startswith(CONTEXT):
                continue
            first = lead.setdefault(kind, (sid, eid))
            if first[0] == sid and first[1] != eid:
                lead[kind] = (sid, "")  # two events of the kind named first: neither is the article's
        for (sid, eid), row in sorted(rows.items()):
            first, article_event = lead.get(kind_of.get(eid, ""), (sid, ""))
            cue = row["cue"]
            if not article_event or article_event == eid or sid <= first or (sid, article_event) in rows \
                    or not cue.startswith("generated: ") or " + published " not in cue:
                continue
            if news(eid) and not news(article_event):
                continue  # the event of the article's time is not an older one the lead recalls
            named, theirs = gen.by_id[eid], gen.by_id[article_event]
            support = index.entities.get(sid, set()) & (named.places | named.persons)
            if support <= gen.actors(theirs):
                del rows[(sid, eid)]
                rows[(sid, article_event)] = {**row, "event_id": article_event,
                                              "cue": f"{cue} + the article's event (not {eid})"}

    def _add_context(self, doc: Doc, index: SentenceIndex, published, limit, rows: dict) -> None:
        """Sentences continuing the story of an event the article names (event_context.py); an
        event beginning after ``limit`` only where the sentence speaks of it as planned."""
        if not rows:
            return
        # an event still to come: the story continues where the article named it as planned
        planned_in = {eid: sid for (sid, eid), row in sorted(rows.items(), reverse=True) if " + planned: " in row["cue"]}
        for sid, eid, why in context_links(index, self.generated, rows, published, self.planned, REFERRING):
            if limit is not None and self._starts[eid] > limit:
                planned = index.matches(self.planned, {sid}) if self.planned is not None else {}
                if sid in planned:
                    why += f" + planned: {planned[sid]}"
                elif eid in planned_in:
                    why += f" + planned: as s{planned_in[eid]}"
                else:
                    continue
            start, end = doc.sentences[sid] if doc.sentences else (0, len(doc.text))
            rows[(sid, eid)] = {"article_id": doc.article_id, "sentence_id": sid, "event_id": eid,
                                "char_start": start, "char_end": end, "cue": why}

    def _choose_instances(self, index: SentenceIndex, published, limit, rows: dict) -> None:
        """A catalogue cue that names an event by its place or body alone ("قمة دوشنبه") names
        every event of its kind held there: the sentence takes the one nearest the article's time
        (a 2021 article on the SCO summit in Dushanbe is not on the CICA summit there in 2019),
        none that a date written in the sentence contradicts ("في 21 مايو في القمة"), and none at
        all when no such event is within the kind's reach of the publication (INSTANCE_LEAD_DAYS
        before to the kind's ``tail_days`` after). Rivals are the kind's other events whose name
        holds every entity of the sentence that named this one; a cue bound to a date or to the
        publication period chose its instance already, and an event none rivals keeps its cue's
        link. An event that loses every link by name loses its referring ones ("القمة" of a
        ``linked`` cue) to the event that took its place."""
        gen = self.generated
        if published is None:
            return
        taken_over: dict[str, set[str]] = defaultdict(set)
        for (sid, eid), row in sorted(rows.items()):
            cue = row["cue"]
            if cue.endswith(REFERRING) or _TIMED_CUE.search(cue):
                continue
            named = gen.by_id.get(eid)
            if named is None:  # an event of no kind: no rivals
                continue
            evidence = index.entities.get(sid, set()) & (named.places | named.persons)
            rivals = [r for r in gen.by_kind[named.kind] if r.event_id != eid
                      and evidence <= (r.places | r.persons) and r.start <= limit] if evidence else []
            if not rivals:
                continue
            kind = gen.kinds[named.kind]

            ents = index.entities.get(sid, set())

            def rank(n, sid=sid, ents=ents, eid=eid) -> tuple:
                dated = any(d[0] <= n.end and n.start <= d[1] for d in index.dates.get(sid, ()))
                gap = 0 if published[0] <= n.end and n.start <= published[1] else min(
                    abs((n.start - published[1]).days), abs((published[0] - n.end).days))
                # dated by the sentence, then naming more of the sentence's entities (the SCO named
                # beside "قمة دوشنبه": not the CSTO's summit there the same days), then nearest
                return (not dated, -len(ents & (n.places | n.persons)), gap, n.event_id != eid, n.event_id)

            fits = sorted((n for n in (named, *rivals) if not contradicted(index, sid, n.start, n.end)), key=rank)
            best = fits[0] if fits else None
            if best is not None and not (best.start - timedelta(days=INSTANCE_LEAD_DAYS) <= published[1]
                                         and published[0] <= best.end + timedelta(days=kind.tail_days)):
                if rank(best)[0]:  # undated and out of reach: no instance
                    best = None
            if best is not None and best.event_id == eid:
                continue
            del rows[(sid, eid)]
            if best is not None:
                taken_over[eid].add(best.event_id)
                if (sid, best.event_id) not in rows:
                    rows[(sid, best.event_id)] = {**row, "event_id": best.event_id,
                                                  "cue": f"{cue} + nearest of its kind (not {eid})"}
        if not taken_over:
            return
        by_name = {eid for (_, eid), row in rows.items() if not row["cue"].endswith(REFERRING)}
        for (sid, eid), row in sorted(rows.items()):
            if eid not in taken_over or eid in by_name or not row["cue"].endswith(REFERRING):
                continue
            del rows[(sid, eid)]
            if len(taken_over[eid]) == 1:
                heir = next(iter(taken_over[eid]))
                rows.setdefault((sid, heir), {**row, "event_id": heir})

    def _resolve_referring(self, rows: dict) -> None:
        """A referring word ("القمة" of a ``linked`` cue, "الاقتراع") names ONE event: where the
        article names two events of its kind, or of kinds that share their referring words (a
        presidential and a parliamentary election), outright, it is kept only for the one named
        last before the sentence (the first named, before any); of two named last in one sentence,
        for the one the article named first (its subject: "هذه الانتخابات المبكرة" in an article on
        the 2023 parliamentary vote, after a sentence recalling the 2022 presidential one too)."""
        family_of = self.generated.family_of_event
        named: dict[str, list[tuple[int, str]]] = defaultdict(list)  # family -> (naming sentence, event)
        for (sid, eid), row in sorted(rows.items()):
            if not row["cue"].endswith(REFERRING) and eid in family_of:
                named[family_of[eid]].append((sid, eid))
        for (sid, eid), row in list(rows.items()):
            family = family_of.get(eid)
            if not row["cue"].endswith(REFERRING) or family is None or len({e for _, e in named[family]}) < 2:
                continue
            before = [n for n in named[family] if n[0] <= sid]
            if not before:
                chosen = min(named[family])[1]
            else:
                top = max(s for s, _ in before)
                first = {e: min(s for s, f in named[family] if f == e) for s, e in before if s == top}
                chosen = min(first, key=lambda e: (first[e], e))
            if chosen != eid:
                del rows[(sid, eid)]

    def _add_generated(self, doc: Doc, index: SentenceIndex, published, limit, rows: dict) -> None:
        """Links by generated names: not where a cue linked the sentence to an event of the same
        kind, unless a word of this event's name that is none of that event's follows the noun
        ("بوتين سيزور طاجيكستان ... مع الرئيس الإندونيسي جوكو ويدودو في موسكو" names two visits);
        and only with a planned word for an event beginning after ``limit``."""
        kind_of = self.generated.kind_of_event
        by_id = self.generated.by_id
        news = self._news_of(published)
        # a referring link to an event the article recalls (its time far from the publication) does
        # not keep a sentence from the event of the article's own time (_recalled_yield)
        taken, taken_by_news = self._taken(rows, news)

        def add(sid: int, eid: str, why: str, word: str | None = None) -> None:
            if (sid, eid) in rows:
                return
            if (sid, kind_of.get(eid)) in (taken_by_news if news(eid) else taken) and (word is None or any(
                    word in by_id[e].part_keys for s, e in rows if s == sid and e in by_id)):
                return
            if limit is not None and self._starts[eid] > limit:
                if self.planned is None:
                    return
                planned = index.matches(self.planned, {sid})
                if sid not in planned:
                    return
                why += f" + planned: {planned[sid]}"
            start, end = doc.sentences[sid] if doc.sentences else (0, len(doc.text))
            rows[(sid, eid)] = {"article_id": doc.article_id, "sentence_id": sid, "event_id": eid,
                                "char_start": start, "char_end": end, "cue": why}

        found = self.generated.find(index, published)
        for sid, eid, why, word in found:
            add(sid, eid, why, word)
        self._drop_stale_news(index, published, rows)
        linked_now: dict[str, set[int]] = defaultdict(set)
        for sid, eid in rows:
            linked_now[eid].add(sid)
        for sid, eid, why in self.generated.news_of_the_day(index, published, linked_now):
            add(sid, eid, why)
        # (before the follow-ups: a referring word follows the one event of its kind the article names)
        self._prefer_the_articles_event(rows, index, news)
        taken, taken_by_news = self._taken(rows, news)
        linked: dict[str, set[int]] = defaultdict(set)
        for sid, eid in rows:
            linked[eid].add(sid)
        for sid, eid, why in self.generated.follow_ups(index, linked):
            add(sid, eid, why)
        self._recalled_yield(index, rows, news)

    def _news_of(self, published):
        """eid -> whether an article of ``published`` reports the event as news: from NEWS_AHEAD
        before it to NEWS_TAIL_DAYS after it (as GeneratedNames._nearest_named reads it). Without
        a publication date every event is."""
        from dashboard.extract.event_names import NEWS_AHEAD, NEWS_TAIL_DAYS
        if published is None:
            return lambda eid: True
        tail = timedelta(days=NEWS_TAIL_DAYS)
        return lambda eid: self._starts[eid] - NEWS_AHEAD <= published[1] and published[0] <= self._ends[eid] + tail

    def _taken(self, rows: dict, news) -> tuple[set, set]:
        """(sentence, kind) pairs a link holds: all of them, and those left to an event of the
        article's own time, where a referring link to an event it recalls holds none."""
        kind_of = self.generated.kind_of_event
        taken = {(sid, kind_of.get(eid)) for sid, eid in rows}
        return taken, {(sid, kind_of.get(eid)) for (sid, eid), row in rows.items()
                       if news(eid) or not row["cue"].endswith(REFERRING)}

    def _recalled_yield(self, index: SentenceIndex, rows: dict, news) -> None:
        """A referring word ("الزيارة" of a ``linked`` cue) goes to the event of the article's own
        time, not to an older event of its kind the article recalls: in an article on Xi's arrival
        in Astana in July 2024 that names his visit of September 2022 in passing, "وخلال الزيارة"
        is the 2024 visit's. The older event keeps the sentences that name it. Its referring links
        go where the sentence is linked to an event of the same family that is news at the
        publication; elsewhere they become that event's when the article names exactly one such
        event (and the sentence does not date itself away from it)."""
        family_of = self.generated.family_of_event
        news_at = {(sid, family_of[eid]) for sid, eid in rows if eid in family_of and news(eid)}
        named_news: dict[str, set[str]] = defaultdict(set)  # family -> its news events named
        news_named_at = set()  # sentences naming an event that is news
        for (sid, eid), row in rows.items():
            if news(eid) and not row["cue"].endswith(REFERRING) and not row["cue"].startswith(CONTEXT):
                news_named_at.add(sid)
                if eid in family_of:
                    named_news[family_of[eid]].add(eid)
        for (sid, eid), row in sorted(rows.items()):
            if news(eid) or not row["cue"].endswith(REFERRING):
                continue
            if sid in news_named_at:
                # a sentence naming the news is not an older event's by a word that only refers:
                # "فاز رئيس كازاخستان بالوكالة ... في الانتخابات الرئاسية" (the acting president, in an
                # article on the election three months after Nazarbayev's resignation)
                del rows[(sid, eid)]
                continue
            family = family_of.get(eid)
            if family is None or not named_news[family]:
                continue
            del rows[(sid, eid)]
            heir = next(iter(named_news[family])) if len(named_news[family]) == 1 else None
            if (sid, family) in news_at or heir is None \
                    or contradicted(index, sid, self._starts[heir], self._ends[heir]):
                continue
            cue = row["cue"][:-len(REFERRING)]
            rows[(sid, heir)] = {**row, "event_id": heir,
                                 "cue": f"{cue} + the article's time (not {eid}){REFERRING}"}

    def _drop_stale_news(self, index: SentenceIndex, published, rows: dict) -> None:
        """A weekday or "yesterday" (events.yaml ``news_days``) dates what the sentence reports to
        the days of the publication: a link timed by the publication period alone (no date of the
        sentence, not a referring word) to an event that ended more than a month before it is
        another happening of the kind ("وبدأت الاحتجاجات ... يوم الأحد" three months after the
        election protests), where the day stands within ``reach`` words of the words that linked
        it and no word recalling an earlier time stands just before those ("وبعد أشهر من
        الاضطرابات، أدلى الناخبون ... اليوم الأحد"). The event's referring links go with it when
        no link naming it is left."""
        gen = self.generated
        if published is None or gen.news_days is None:
            return
        days_at = index.matches(gen.news_days)
        if not days_at:
            return
        stale = published[0] - FUTURE_MARGIN
        text = index.doc.norm.text
        dropped = set()
        for (sid, eid), row in sorted(rows.items()):
            cue = row["cue"]
            if sid not in days_at or " + published " not in cue or "date: " in cue or cue.endswith(REFERRING):
                continue
            if self._ends[eid] >= stale:
                continue
            m = _FIRST_SURFACE.match(cue)
            if m is None:
                continue
            start, end = index.sentence_span(sid)
            at = text.find(squeeze_spaces(m.group(1)), start, end)
            if at < 0:
                continue
            near = any(_word_count(text, d.end(), at) <= gen.news_reach if d.end() <= at
                       else _word_count(text, at, d.start()) <= gen.news_reach
                       for d in index.finditer(gen.news_days, start, end))
            if not near:
                continue
            if gen.news_recall is not None and any(
                    r.end() <= at and _word_count(text, r.end(), at) <= gen.news_recall_reach
                    for r in index.finditer(gen.news_recall, start, end)):
                continue
            del rows[(sid, eid)]
            dropped.add(eid)
        for eid in dropped:
            if any(e == eid and not row["cue"].endswith(REFERRING) for (_, e), row in rows.items()):
                continue
            for key in [k for k, row in rows.items() if k[1] == eid]:
                del rows[key]

    @staticmethod
    def _evaluate(cue: Cue, index: SentenceIndex, published) -> list[tuple[int, str]]:
        """Sentences where every condition of ``cue`` holds, with a description of why."""
        if cue.published_window and (published is None
                                     or not _overlaps(published, cue.published_window)):
            return []
        if not set(cue.article_entities) <= index.article_entities:
            return []
        # Entity conditions from the article's entity -> sentences index (a cue whose entities
        # the article lacks ends here, before any sentence is looked at).
        if cue.entities and not set(cue.entities) <= index.article_entities:
            return []
        any_of = set(cue.any_entities) & index.article_entities
        if cue.any_entities and not any_of:
            return []
        # Cheap conditions first (entity and date rows), phrase regexes only while candidates remain
        # (written out one by one: this runs ~70 times per article).
        candidates: set[int] | None = None
        found_by: dict[str, dict[int, str]] = {}
        for label in _CHECK_ORDER:
            if label == "entities":
                if not cue.entities:
                    continue
                found = dict.fromkeys(set.intersection(*(index.sentences_of[e] for e in cue.entities)),
                                      "+".join(cue.entities))
            elif label == "entity":
                if not cue.any_entities:
                    continue
                found = {s: "+".join(sorted(index.entities[s] & any_of))
                         for s in set().union(*(index.sentences_of[e] for e in any_of))}
            elif label == "date":
                if cue.date_window is None:
                    continue
                found = _dated(index, cue.date_window)
            else:
                phrases = cue.phrases if label == "phrase" else cue.words
                if phrases is None:
                    continue
                found = index.matches(phrases, candidates)
            candidates = set(found) if candidates is None else candidates & set(found)
            found_by[label] = found
            if not candidates:
                return []
        if cue.unless is not None:
            candidates = (candidates or set()) - set(index.matches(cue.unless, candidates))
        order = ("phrase", "word", "entities", "entity", "date")  # how the cue reads
        reasons = {sid: [f"{label}: {found_by[label][sid]}" for label in order if label in found_by]
                   for sid in candidates or ()}
        out = []
        for sid in sorted(candidates or ()):
            why = " + ".join(reasons[sid])
            if cue.published_window:
                why += " + published " + index.doc.published.isoformat()[:7]
            if cue.linked:
                why += REFERRING
            out.append((sid, why))
        return out
