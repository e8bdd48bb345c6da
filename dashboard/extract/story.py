"""Story links: the sentences of an article that tell the story of an event the article anchors.

An article on a prison riot names the riot once ("أعمال الشغب ... في سجن") and then tells it for
eight sentences without naming it again ("ثم أحرق المتشددون مستشفى السجن"، "وذكرت وزارة العدل
أن قوات الأمن قتلت 24 متشدداً"). The rules of event_context.py and visits.py link such sentences
where a word of the event's kind or an actor holds; this module links them by a model LEARNED from
the gold (data/gold/ and the development parts of data/gold/unseen/): for every sentence of an
article and every event the article is already linked to (a catalogue or a discovered event), a few
general features (how far the nearest link of the event is, before or after; whether the lead
names it; how many events the article names; entities shared with the event's sentences and its
actors; words of the event's kind; dates inside or outside the event; planned and reported speech;
length and position) and a logistic regression over them give the probability that the sentence
is the event's story. At or above the model's threshold the sentence is linked, its ``cue``
saying ``story: p=0.81, anchor s2`` (the probability and the nearest sentence linked to the event),
so an analyst can filter or review these links apart.

Only events already linked in the same article are candidates: a story link never brings an event
the article does not name, so it can never be impossible by date where its anchor is not. Nor is a
sentence whose every date lies more than a year from the event: it tells another time; nor a line
of under SHORT_WORDS words (a heading or a dateline) no rule linked.

The model (weights, feature names, threshold, the parts it was trained on, its leave-one-part-out
figures) is the catalogue file ``story_linker.json``; ``python -m dashboard.quality.story_training``
retrains it. Applying it is pure Python and deterministic (no learning library at run time).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from dashboard.extract.discovered_events import parse_id
from dashboard.extract.event_context import CONTEXT, runs_to_report
from dashboard.extract.events import REFERS_AT, SentenceIndex, future_limit
from dashboard.schema import PROVISIONAL_PREFIX
from dashboard.text.clitics import peel
from dashboard.text.document import Doc
from dashboard.text.normalize import fold
from dashboard.text.tokens import tokenize
from dashboard.text.word_frequencies import common_zipf

STORY = "story: "                 # the cue of a link the model adds: "story: p=0.81, anchor s2"
KEPT = " + story model: p="        # a rule's link the model kept (rerank mode): its cue + this
MODEL_FILE = "story_linker.json"
DATE_MARGIN = timedelta(days=31)
ANOTHER_TIME = timedelta(days=365)  # a sentence dated only this far from an event tells another time
PLACE_TYPES = frozenset({"country", "city", "region"})
LEAD = 2          # the title and the first sentence
SHORT_WORDS = 5   # a shorter line is a heading or a dateline
CONTENT_ZIPF = 5.0  # a word this frequent in Arabic (في، قال، الرئيس ...) says nothing of a story
STEM = 4          # letters a content word is compared by, its proclitics off (الكهرباء, كهربائي: كهرب)
# what a cue says linked the sentence ("phrase: الانتخابات الرئاسية + entity: kz"): its words
_CUE_WORDS = re.compile(r"(?:^|\+ )(?:phrase|word|generated|discovered|visit found|series): ([^+]+)")
_QUOTES = frozenset('"«»“”')
_RANGE = re.compile(r"\[(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})\]")
_PUBLISHED = re.compile(r"published (\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})")
_LETTER = re.compile(r"[^\W\d_]")  # a token with a letter is a word (not 2022, not 9.2)
# Arabic's demonstratives (closed-class grammar, not a curated list): before a definite noun they
# point back to what the text told ("هذه المحاولة الانقلابية"، "تلك الأوضاع"، "هذا الهجوم")
DEMONSTRATIVES = frozenset({"هذه", "هذا", "هذان", "هاتان", "هؤلاء", "تلك", "ذلك", "اولئك"})
MODES = ("union", "rerank")

# The model's inputs, in the order of its weights. Each is general (no article, outlet or event
# named) and lies in [0, 1], so the weights compare.
FEATURES = (
    "prev_near",          # 1/d: the nearest sentence before linked to the event is d sentences back
    "next_near",          # 1/d: the nearest one after
    "has_prev",           # a sentence before is linked to it
    "has_next",
    "adjacent",           # a neighbour (d = 1) is linked to it
    "within_3",           # one within three sentences
    "lead_anchor",        # the title or first sentence is linked to it
    "anchor_share",       # share of the article's sentences linked to it
    "main_event",         # no event of the article has more linked sentences
    "n_events",           # events linked in the article: 1 -> 0, 2 -> 0.5, 3 -> 0.67 ...
    "rival_same_kind",    # another event of the same kind is linked in the article
    "linked_other",       # the sentence is linked to another event (not a background one)
    "linked_background",  # ... to a background event only (a pandemic, a war)
    "rival_linked",       # ... to another event of the same kind
    "shared_entities",    # entities shared with the event's linked sentences (0, 1/3 ... 1)
    "actor",              # an actor of the event (its parties, their people and bodies)
    "foreign_place",      # a place that is none of the event's nor of its linked sentences
    "no_entities",
    "story_word",         # a word of the story of the event's kind (events.yaml story, story_alone)
    "kind_noun",          # a noun of the event's kind (قمة، زيارة، انتخابات ...)
    "refers_word",        # a word that refers to the article's event of the kind
    "other_kind_noun",    # a noun of another kind of event: another story
    "date_inside",        # a date of the sentence falls in the event (a month's margin)
    "date_outside",       # a date falls outside it (not a "since" aside)
    "planned",            # a word of the planned (سيعقد، المقبل ...)
    "published_before",   # the article came out before the event began
    "published_after",    # how long after the event's end (log scale, a year = 1)
    "quote",              # quotation marks
    "speech",             # a verb of saying (قال، أكد ...)
    "length",             # words, log scale (60 words = 1)
    "short",              # under SHORT_WORDS words
    "position",           # 0 first .. 1 last
    "last",
    "discovered",         # the event is a discovered one (new:...)
    "background_kind",    # the event is of a background kind
    "near_and_story",     # within 3 and a story word or noun of its kind
    "near_and_shared",    # within 3 and an entity shared with its sentences
    "anchor_words",       # content words shared with the event's linked sentences (0, 1/3 ... 1)
    "name_words",         # content words of the event's name or of the words that linked it (0, 1/2, 1)
    "near_and_words",     # within 3 and a content word shared with its sentences
    "words_share",        # share of the sentence's content words found in the event's sentences
    "between",            # sentences linked to the event both before and after within 3
    "sole_event",         # no other event but background ones is linked in the article
    "title",              # the first line (a title or the lead)
    "kindless",           # a catalogue event of no kind (an agreement, a crisis)
    "kind_setting",       # of a kind set in a country (a vote, an accident: events.yaml setting)
    "kind_one_country",   # of a kind inside one country (unrest, an attack)
    "kind_person",        # of a kind a person makes (a visit, an inauguration)
    "dated_elsewhere",    # every date of the sentence falls outside the event
    "noun_elsewhere",     # ... and it names an event of the kind: another one ("القمة التاسعة ... 2009")
    "near_linked",        # 1/d: the nearest sentence linked to the event by any rule (naming it or continuing it)
    "between_linked",     # linked to it (any rule) both before and after, within 2
    "anchor_actor",       # a person or body of the nearest linked sentence (the story's actor goes on)
    "anchor_place",       # a place of the nearest linked sentence
    "demonstrative",      # a demonstrative before a definite noun (هذه المحاولة، تلك الأوضاع): it points back
    "planned_ahead",      # a planned word, published before the event ended (its programme)
)


class StoryModelError(ValueError):
    """The model file does not fit this code."""


@dataclass(frozen=True)
class StoryModel:
    weights: tuple[float, ...]
    bias: float
    threshold: float
    trained_on: tuple[str, ...] = ()
    # union: the rules' links stay, the model adds; rerank: the model decides the rules' links too
    mode: str = "union"
    # whether discovered events (new:...) get story links: only once the held-out gold showed them
    # right (the training decides it); their story is otherwise discovered_events.py's referring words
    link_discovered: bool = False

    def probability(self, x: tuple[float, ...]) -> float:
        z = self.bias + math.fsum(w * v for w, v in zip(self.weights, x))
        if z < -60:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


def parse_story_model(raw: Mapping | None) -> StoryModel | None:
    """The model of story_linker.json (parsed JSON); None without the file. Raises ValueError
    saying what is wrong (the catalogue loader names the file)."""
    if not raw:
        return None
    if not isinstance(raw, Mapping):
        raise StoryModelError("the model is not a JSON object")
    for key in ("features", "weights", "bias", "threshold"):
        if key not in raw:
            raise StoryModelError(f"missing key {key!r}")
    features = list(raw["features"]) if isinstance(raw["features"], list | tuple) else None
    if features != list(FEATURES):
        missing = sorted(set(FEATURES) - set(features or ()))
        extra = sorted(set(features or ()) - set(FEATURES))
        raise StoryModelError(
            "its features are not this code's (dashboard/extract/story.py FEATURES, in that order): "
            f"missing {missing}, unknown {extra}; retrain with python -m dashboard.quality.story_training")
    weights = raw["weights"]
    if not isinstance(weights, list | tuple) or len(weights) != len(FEATURES):
        raise StoryModelError(f"weights must be a list of {len(FEATURES)} numbers")
    values = [*weights, raw["bias"], raw["threshold"]]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in values):
        raise StoryModelError("weights, bias and threshold must be finite numbers")
    if not 0 < raw["threshold"] < 1:
        raise StoryModelError(f"threshold must lie between 0 and 1, not {raw['threshold']}")
    mode = raw.get("mode", "union")
    if mode not in MODES:
        raise StoryModelError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    link_discovered = raw.get("link_discovered", False)
    if not isinstance(link_discovered, bool):
        raise StoryModelError(f"link_discovered must be true or false, not {link_discovered!r}")
    return StoryModel(tuple(float(w) for w in weights), float(raw["bias"]), float(raw["threshold"]),
                      tuple(str(p) for p in raw.get("trained_on") or ()), mode, link_discovered)


@dataclass(frozen=True)
class _Event:
    """What the features read of one event: its dates, kind and actors."""
    start: date | None
    end: date | None
    kinds: tuple  # the catalogue kinds (event_names.Kind) whose words tell its story
    own_kind: object | None  # a discovered kind (discovered_events.DiscoveryKind)
    actors: frozenset[str]
    places: frozenset[str]
    background: bool
    discovered: bool


@dataclass(frozen=True)
class Candidate:
    sentence_id: int
    event_id: str
    anchor: int          # the nearest sentence linked to the event
    features: tuple[float, ...]
    # what rule linked the pair already: "context" (event_context.py's story continued), "refers"
    # (a referring word: "القمة" of the article's summit), "" none. Not a feature: the model learns
    # what a story sentence is from the gold, not to copy the rules (tuned on the same gold)
    rule: str = ""


class StoryLinker:
    """Links the sentences the model reads as an anchored event's story (see the module docstring)."""

    def __init__(self, model: StoryModel | None, generated, events, discovery_rules, planned, speech_verbs,
                 stopwords: frozenset[str] = frozenset()):
        self.model = model
        self.generated = generated
        self.stopwords = stopwords
        self.dates = {e.id: (date.fromisoformat(e.date_start), date.fromisoformat(e.date_end)) for e in events}
        self.names = {e.id: " ".join((e.name_ar, generated.name_text.get(e.id, ""))) for e in events}
        self.discovery_kinds = discovery_rules.by_name if discovery_rules is not None else {}
        self.planned = planned
        self.speech = frozenset(fold(w) for w in speech_verbs)
        kinds = generated.kinds
        self.all_nouns = tuple((k.name, k.nouns) for k in kinds.values() if k.nouns is not None)

    @property
    def active(self) -> bool:
        return self.model is not None

    def apply(self, doc: Doc, entity_rows: list[dict], date_rows: list[dict], event_rows: list[dict]) -> list[dict]:
        """The article's event links with the story links added (see the module docstring): in
        ``rerank`` mode a link a rule made by a referring word or as a continued story
        (``is_continuation``) stays only where the model reads it as the event's story too."""
        if self.model is None or not event_rows:
            return list(event_rows)
        model = self.model
        verdicts: dict[tuple[int, str], float] = {}
        added = []
        # as every link (events.py): none to an event beginning more than a month after the
        # publication, unless the sentence speaks of it as still to come (its cue then says so)
        limit = future_limit(doc.publication_period)
        planned_at = None
        # the sentences that name an event by its own name (a cue, a generated name: not a story
        # continued, not a referring word, not a story link): such a sentence is that event's
        named_at: dict[int, set[str]] = defaultdict(set)
        for r in event_rows:
            cue = str(r["cue"])
            if not cue.startswith(STORY) and not is_continuation(cue):
                named_at[int(r["sentence_id"])].add(str(r["event_id"]))
        for c in self.candidates(doc, entity_rows, date_rows, event_rows):
            if c.rule and model.mode == "union":
                continue  # the rule's link stays as it is
            if not model.link_discovered and c.event_id.startswith(PROVISIONAL_PREFIX):
                continue
            p = model.probability(c.features)
            if c.rule:
                verdicts[(c.sentence_id, c.event_id)] = p
                continue
            if p < model.threshold:
                continue
            if named_at.get(c.sentence_id, set()) - {c.event_id}:
                # a sentence naming another event tells that event: "وسيُعقد اجتماع لمجلس رؤساء دول
                # رابطة الدول المستقلة في بيشكيك" in an article on a visit to Bishkek is the summit's,
                # not the visit's story
                continue
            why = f"{STORY}p={_shown(p)}, anchor s{c.anchor}"
            start_date = self._start(c.event_id, event_rows)
            if limit is not None and start_date is not None and start_date > limit:
                if planned_at is None:
                    planned_at = SentenceIndex(doc, [], []).matches(self.planned) if self.planned is not None else {}
                if c.sentence_id not in planned_at:
                    continue
                why += f" + planned: {planned_at[c.sentence_id]}"
            start, end = doc.sentences[c.sentence_id] if doc.sentences else (0, len(doc.text))
            added.append({"article_id": doc.article_id, "sentence_id": c.sentence_id, "event_id": c.event_id,
                          "char_start": start, "char_end": end, "cue": why})
        out = []
        for r in event_rows:
            key = (int(r["sentence_id"]), str(r["event_id"]))
            if model.mode == "rerank" and key in verdicts:
                if verdicts[key] < model.threshold:
                    continue
                r = {**r, "cue": f"{r['cue']}{KEPT}{_shown(verdicts[key])}"}
            out.append(r)
        return out + added

    def _start(self, eid: str, rows: list[dict]) -> date | None:
        """When the event begins (a discovered one: as its links' cues date it)."""
        if eid in self.dates:
            return self.dates[eid][0]
        return self._event(eid, [r for r in rows if str(r["event_id"]) == eid]).start

    # ---- features -----------------------------------------------------------------------------

    def _event(self, eid: str, rows: list[dict]) -> _Event:
        gen = self.generated
        if eid.startswith(PROVISIONAL_PREFIX):
            parsed = parse_id(eid)
            kind_name, anchor, period = parsed if parsed else ("", "", "")
            dkind = self.discovery_kinds.get(kind_name)
            kinds = tuple(gen.kinds[k] for k in sorted(dkind.catalogue_kinds) if k in gen.kinds) if dkind else ()
            start = end = None
            for r in rows:
                m = _RANGE.search(r["cue"]) or _PUBLISHED.search(r["cue"])
                if m:
                    start, end = date.fromisoformat(m[1]), date.fromisoformat(m[2])
                    break
            if start is None and period:
                year = int(period[:4])
                if len(period) == 7:
                    month = int(period[5:7])
                    start = date(year, month, 1)
                    end = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
                else:
                    start, end = date(year, 1, 1), date(year, 12, 31)
            parties = frozenset(p for p in anchor.split("+") if p)
            places = frozenset(p for p in parties if gen.entity_types.get(p) in PLACE_TYPES)
            return _Event(start, end, kinds, dkind, parties, places,
                          any(k.background for k in kinds), True)
        named = gen.by_id.get(eid)
        start, end = self.dates.get(eid, (None, None))
        if named is None:
            return _Event(start, end, (), None, frozenset(), frozenset(), False, False)
        kind = gen.kinds[named.kind]
        return _Event(start, end, (kind,), None, gen.actors(named), frozenset(named.places),
                      kind.background, False)

    def candidates(self, doc: Doc, entity_rows: list[dict], date_rows: list[dict],
                   event_rows: list[dict]) -> list[Candidate]:
        """Every (sentence, event linked in the article) pair not linked yet, with its features,
        in sentence then event order. The training set (dashboard/quality/story_training.py) reads
        the same pairs from a built dataset's tables."""
        n = len(doc.sentences) or 1
        named: dict[str, set[int]] = defaultdict(set)
        continued: dict[str, dict[int, str]] = defaultdict(dict)  # event -> sentence -> context / refers
        rows_of: dict[str, list[dict]] = defaultdict(list)
        at: dict[int, set[str]] = defaultdict(set)
        any_link: dict[str, set[int]] = defaultdict(set)  # event -> its sentences linked by any rule
        for r in event_rows:
            cue = str(r["cue"])
            if cue.startswith(STORY):
                continue
            sid, eid = int(r["sentence_id"]), str(r["event_id"])
            rows_of[eid].append(r)
            any_link[eid].add(sid)
            at[sid].add(eid)
            how = is_continuation(cue)
            if how:
                continued[eid][sid] = how
            else:
                named[eid].add(sid)
        if not rows_of:
            return []
        # the event's anchors: the sentences naming it (an event linked by continuations alone: those)
        linked = {eid: sorted(named[eid] or continued[eid]) for eid in rows_of}
        index = SentenceIndex(doc, entity_rows, date_rows)
        events = {eid: self._event(eid, rows_of[eid]) for eid in sorted(linked)}
        published = doc.publication_period
        types = self.generated.entity_types
        counts = {eid: len(s) for eid, s in linked.items()}
        most = max(counts.values())
        n_events = len(linked)
        kind_names = {eid: {k.name for k in ev.kinds} | ({ev.own_kind.name} if ev.own_kind else set())
                      for eid, ev in events.items()}
        words = [_words(doc.sentence_forms(sid)) for sid in range(n)]
        content = [self._content(w) for w in words]
        planned = index.matches(self.planned) if self.planned is not None else {}
        pointing = {sid for sid in range(n) if _points_back(words[sid])}
        nouns_at: dict[int, set[str]] = defaultdict(set)
        for name, phrases in self.all_nouns:
            for sid in index.matches(phrases):
                nouns_at[sid].add(name)
        out = []
        for eid, ev in events.items():
            anchors = linked[eid]
            anchor_ents = set().union(*(index.entities.get(s, set()) for s in anchors))
            anchor_words = set().union(*(content[s] for s in anchors))
            said = " ".join(m.strip() for r in rows_of[eid] for m in _CUE_WORDS.findall(str(r["cue"])))
            named_by = fold(f"{self.names.get(eid, '')} {said}")
            name_words = self._content(_words([named_by[a:b] for a, b in tokenize(named_by)]))
            story_sets = [p for k in ev.kinds for p in (k.story, k.story_alone) if p is not None]
            noun_sets = [k.nouns for k in ev.kinds if k.nouns is not None]
            refer_sets = [p for k in ev.kinds for p in (k.refers, k.generic_refers) if p is not None]
            if ev.own_kind is not None:
                noun_sets.append(ev.own_kind.nouns)
                if ev.own_kind.refers is not None:
                    refer_sets.append(ev.own_kind.refers)
            story_at = _union(index, story_sets)
            noun_at = _union(index, noun_sets)
            refer_at = _union(index, refer_sets)
            rivals = {o for o in events if o != eid and kind_names[o] & kind_names[eid]}
            rules = continued.get(eid, {})
            all_linked = sorted(any_link[eid])
            ahead = published is not None and ev.end is not None and published[0] <= ev.end
            for sid in range(n):
                if sid in anchors:
                    continue
                rule = rules.get(sid, "")
                before = [s for s in anchors if s < sid]
                after = [s for s in anchors if s > sid]
                d_prev = sid - before[-1] if before else 0
                d_next = after[0] - sid if after else 0
                nearest = min((d for d in (d_prev, d_next) if d), default=n)
                anchor = before[-1] if before and (not after or d_prev <= d_next) else after[0]
                others = at.get(sid, set()) - {eid}
                ents = index.entities.get(sid, set())
                shared = len(ents & anchor_ents)
                places = {e for e in ents if types.get(e) in PLACE_TYPES}
                foreign = places - anchor_ents - ev.places - ev.actors
                dates = index.dates.get(sid, ())
                inside = outside = False
                near_dated = False  # a date within a year of the event
                if ev.start is not None:
                    lo, hi = ev.start - DATE_MARGIN, ev.end + DATE_MARGIN
                    for d in dates:
                        if d[0] <= hi and lo <= d[1]:
                            inside = True
                        elif not runs_to_report(doc, d):
                            outside = True
                            near_dated |= d[0] <= ev.end + ANOTHER_TIME and ev.start - ANOTHER_TIME <= d[1]
                if outside and not inside and not near_dated and not rule:
                    # every date of the sentence is years away ("في الانتخابات الأخيرة عام 2012"):
                    # another time's story, not this event's (on ANT: earlier elections, a leader's
                    # earlier terms). A date months away may be the plan's or the announcement's
                    # ("وأعلنت الرئاسة في نيسان الماضي زيارة البابا"). A rule's link names the event:
                    # it stays a candidate.
                    continue
                if len(words[sid]) < SHORT_WORDS and not rule:
                    # a heading or a dateline ("واشنطن وموسكو والمظاهرات"، "انتخابات برلمانية"): it
                    # names a subject, it tells no story (3 of the 285 the gold parts hold are linked)
                    continue
                pub_before = pub_after = 0.0
                if published is not None and ev.start is not None:
                    pub_before = float(published[1] < ev.start)
                    days = (published[0] - ev.end).days
                    pub_after = min(1.0, math.log1p(max(0, days)) / math.log1p(365))
                text = doc.text[slice(*doc.sentences[sid])] if doc.sentences else doc.text
                n_words = len(words[sid])
                near = nearest <= 3
                lexical = len(content[sid] & anchor_words)
                story = sid in story_at or sid in noun_at
                d_linked = min((abs(sid - s) for s in all_linked if s != sid), default=0)
                prev_linked = max((s for s in all_linked if s < sid), default=None)
                next_linked = min((s for s in all_linked if s > sid), default=None)
                close = prev_linked if next_linked is None or (
                    prev_linked is not None and sid - prev_linked <= next_linked - sid) else next_linked
                close_ents = index.entities.get(close, set()) if close is not None else set()
                shared_close = ents & close_ents
                features = (
                    1.0 / d_prev if d_prev else 0.0,
                    1.0 / d_next if d_next else 0.0,
                    float(bool(before)),
                    float(bool(after)),
                    float(nearest == 1),
                    float(near),
                    float(any(s < LEAD for s in anchors)),
                    len(anchors) / n,
                    float(counts[eid] == most),
                    1.0 - 1.0 / n_events,
                    float(bool(rivals)),
                    float(any(not events[o].background for o in others)),
                    float(bool(others) and all(events[o].background for o in others)),
                    float(bool(others & rivals)),
                    min(shared, 3) / 3,
                    float(bool(ents & ev.actors)),
                    float(bool(foreign)),
                    float(not ents),
                    float(sid in story_at),
                    float(sid in noun_at),
                    float(sid in refer_at),
                    float(bool(nouns_at.get(sid, set()) - kind_names[eid])),
                    float(inside),
                    float(outside),
                    float(sid in planned),
                    pub_before,
                    pub_after,
                    float(any(c in _QUOTES for c in text)),
                    float(any(w in self.speech or (w[:1] in "وف" and w[1:] in self.speech) for w in words[sid])),
                    min(1.0, math.log1p(n_words) / math.log1p(60)),
                    float(n_words < SHORT_WORDS),
                    sid / (n - 1) if n > 1 else 0.0,
                    float(sid == n - 1),
                    float(ev.discovered),
                    float(ev.background),
                    float(near and story),
                    float(near and shared > 0),
                    min(lexical, 3) / 3,
                    min(len(content[sid] & name_words), 2) / 2,
                    float(near and lexical > 0),
                    lexical / len(content[sid]) if content[sid] else 0.0,
                    float(0 < d_prev <= 3 and 0 < d_next <= 3),
                    float(all(events[o].background for o in events if o != eid)),
                    float(sid == 0),
                    float(not ev.kinds and not ev.discovered),
                    float(any(k.setting for k in ev.kinds)),
                    float(any(k.one_country for k in ev.kinds)),
                    float(any(k.needs_person for k in ev.kinds)),
                    float(outside and not inside),
                    float(outside and not inside and (sid in noun_at or sid in refer_at)),
                    1.0 / d_linked if d_linked else 0.0,
                    float(prev_linked is not None and next_linked is not None
                          and sid - prev_linked <= 2 and next_linked - sid <= 2),
                    float(any(types.get(e) not in PLACE_TYPES for e in shared_close)),
                    float(any(types.get(e) in PLACE_TYPES for e in shared_close)),
                    float(sid in pointing),
                    float(sid in planned and ahead),
                )
                out.append(Candidate(sid, eid, anchor, features, rule))
        out.sort(key=lambda c: (c.sentence_id, c.event_id))
        return out

    def _content(self, words: list[str]) -> frozenset[str]:
        """The stems (STEM letters, proclitics off) of the content words: not stopwords, not among
        the most frequent words of Arabic."""
        out = set()
        for w in words:
            bare = peel(w, 3)[-1]
            if len(bare) < 3 or w in self.stopwords or bare in self.stopwords \
                    or common_zipf(bare) >= CONTENT_ZIPF or common_zipf(w) >= CONTENT_ZIPF:
                continue
            out.add(bare[:STEM])
        return frozenset(out)


def _points_back(words: list[str]) -> bool:
    """Whether a demonstrative stands before a definite noun ("هذه المحاولة"، "وتلك الأوضاع")."""
    for w, after in zip(words, words[1:]):
        bare = w[1:] if w[:1] in "وف" and w[1:] in DEMONSTRATIVES else w
        if bare in DEMONSTRATIVES and after.startswith("ال") and len(after) > 3:
            return True
    return False


def _words(forms: list[str]) -> list[str]:
    """The words among token forms (the build's tokens, dashboard/text/tokens.py): not numbers."""
    return [f for f in forms if _LETTER.search(f)]


def is_continuation(cue: str) -> str:
    """'context' for a link a rule made as the story continued, 'refers' for one by a word referring
    to an event the article names, '' for a link naming its event (an anchor)."""
    if cue.startswith(CONTEXT):
        return "context"
    if REFERS_AT.search(cue):
        return "refers"
    return ""


def _shown(p: float) -> str:
    """A probability as a cue shows it: two decimals, rounded down (0.8 shown is at least 0.8)."""
    return f"{math.floor(p * 100) / 100:.2f}"


def _union(index: SentenceIndex, sets: list) -> set[int]:
    out: set[int] = set()
    for phrases in sets:
        out.update(index.matches(phrases))
    return out
