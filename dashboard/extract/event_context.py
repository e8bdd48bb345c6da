"""Sentences that continue the story of an event the article is about without naming it.

An article about an election reports its procedure and results ("سجلت لجنة الانتخابات المركزية
القوائم", "أيد 90% من المقترعين"), a summit its guests and programme ("بالإضافة إلى الرئيس
التركماني", "وشكر بايدن الرؤساء الحاضرين"), a visit its arrival and talks ("ويلتقي الرئيسان"), a
clash its incidents ("اتفقا على وقف إطلاق النار"), unrest its aftermath ("الأحداث الأخيرة التي وقعت
في بلاده"). None of these sentences names the event; each is about it because the ARTICLE is.

1. **The article's events.** An event linked by name (a catalogue cue or a generated name, not a
   referring word) in the title or lead (the first LEAD_SENTENCES sentences of MIN_WORDS words or
   more: a dateline before them does not count), or in two sentences or more, or anywhere in an
   article published on its days (ON_THE_DAY either side, day precision: the dispatch of the day a
   visit began), is an event of the article: its story may continue anywhere in it. An event named
   once further down continues for the next WINDOW sentences only.
2. **A sentence continues the story** of such an event when it holds a word of the story of the
   event's kind (events.yaml ``event_kinds.<kind>.story``: results and voters for an election,
   guests and talks for a summit, fire and the border for a clash) and is anchored to this event:
   one of the event's actors is in it (the parties of its name, with their countries' places,
   people and bodies: ``actors_of``), or a phrase that by itself speaks of the story under way
   (``story_alone``: "الأحداث الأخيرة"، "وقف إطلاق النار"، "الرئيسان"), or it follows a sentence
   naming or referring to the event within WINDOW sentences.
3. **Guards.** No link in a heading (under MIN_WORDS words); where the sentence already holds a
   link to an event of the kind; where it holds a link to another event, unless a story phrase or
   an actor of this event that is none of that event's anchors it ("وبحث الزعيمان ... للأزمة
   الأوكرانية" is the visit's talks and the war's; Bishkek is the visit's and the CIS summit's
   there, so it anchors neither in the other's sentence); where it
   holds a date more than a month away from the event ("تأسس عام 1999"); where it names an event of
   another kind (another story), or of the same kind without one of the event's actors or with a
   place that is none of its parties (another summit), or as still to come (القمة المقبلة) once the
   event has begun; where the article was published far from the
   event (LEAD_DAYS before to TAIL_DAYS after) and no date of the sentence falls in it. When the
   article names two events of the kind, its story is ambiguous: only the WINDOW after the event
   named last is linked (or the one whose own actors the sentence names more of than any other's:
   Dushanbe and Rahmon after a sentence naming Putin's visits to Tajikistan and Widodo's to
   Moscow), never the article at large.

Every such row's ``cue`` starts with ``context:`` and says what anchored it, so an analyst can
filter these links or review them apart (``python -m dashboard.quality --review`` lists them).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dashboard.text.normalize import squeeze_spaces

CONTEXT = "context: "
LEAD_SENTENCES = 2
WINDOW = 2
LEAD_DAYS, TAIL_DAYS = 90, 60
DATE_MARGIN = timedelta(days=31)
ON_THE_DAY = timedelta(days=1)
PLACE_TYPES = frozenset({"country", "city", "region"})
MIN_WORDS = 5  # a shorter line is a heading ("واشنطن وموسكو والمظاهرات"): a topic, not the story


def is_named(cue: str, referring: str) -> bool:
    """Whether a link's cue names the event (not a referring word, not a story continued)."""
    return not cue.endswith(referring) and not cue.startswith(CONTEXT)


def context_links(index, generated, rows: dict, published: tuple[date, date] | None, planned,
                  referring: str) -> list[tuple[int, str, str]]:
    """(sentence_id, event_id, why) for the sentences continuing the story of an event ``rows``
    (the article's links so far, keyed (sentence_id, event_id)) names; see the module docstring."""
    kinds, kind_of = generated.kinds, generated.kind_of_event
    named: dict[str, list[int]] = {}
    cited: dict[str, list[int]] = {}    # links by name or referring word: what a story follows
    for (sid, eid), row in sorted(rows.items()):
        if not row["cue"].startswith(CONTEXT):
            cited.setdefault(eid, []).append(sid)
        if is_named(row["cue"], referring):
            named.setdefault(eid, []).append(sid)
    storied = [eid for eid in sorted(named, key=lambda e: (named[e][0], e))
               if eid in kind_of and kinds[kind_of[eid]].story is not None and eid in generated.by_id]
    if not storied:
        return []
    same_kind: dict[str, list[str]] = {}
    for eid in named:
        if eid in kind_of:
            same_kind.setdefault(kind_of[eid], []).append(eid)
    n_sentences = len(index.doc.sentences) or 1
    # the lead: the first LEAD_SENTENCES sentences, a dateline or source line before them not counted
    # ("السياسي -وكالات :")
    lead_end, counted = 0, 0
    while lead_end < n_sentences and counted < LEAD_SENTENCES:
        counted += _words(index, lead_end) >= MIN_WORDS
        lead_end += 1
    # a sentence linked to an event keeps its story for that event's kind; another kind's story may
    # join it only by an actor or a story phrase ("وبحث الزعيمان التداعيات الإقليمية للأزمة
    # الأوكرانية" is the visit's talks and the war's)
    taken: dict[int, set[str]] = {}
    linked_at: dict[int, set[str]] = {}
    for sid, eid in rows:
        taken.setdefault(sid, set()).add(kind_of.get(eid, eid))
        linked_at.setdefault(sid, set()).add(eid)
    # the kind's own nouns are words of its story too: "بدأ اليوم في كازاخستان، استفتاء" in an
    # article on the referendum (its name part out of the noun's phrase)
    # (not where the kind's ``unless`` says its words are no such event: "الوصول بتجارتهما" is no arrival)
    story_of = {k: _story_words(index, kinds[k]) for k in {kind_of[e] for e in storied}}
    nouns_in: dict[int, set[str]] = {}
    for kind in kinds.values():
        for sid in index.matches(kind.nouns):
            nouns_in.setdefault(sid, set()).add(kind.name)
    # a pandemic or a war named beside the story (a ``background`` kind) is not another story, where
    # the sentence is linked to nothing else: "يبحث رؤساء الدول ... تداعيات وباء كورونا"
    background = {k.name for k in kinds.values() if k.background}

    def _own_nouns(sid: int, kind_name: str) -> set[str]:
        nouns = nouns_in.get(sid, set())
        if all(kind_of.get(e) in background for e in linked_at.get(sid, ())):
            return nouns - (background - {kind_name})
        return nouns

    out = []
    for sid in range(n_sentences):
        if _words(index, sid) < MIN_WORDS:
            continue
        for eid in storied:
            kind = kinds[kind_of[eid]]
            event = generated.by_id[eid]
            if kind.name in taken.get(sid, ()):
                continue
            story = story_of[kind.name].get(sid)
            if story is None:
                continue
            before = [s for s in cited[eid] if s < sid]
            after = bool(before) and sid - before[-1] <= WINDOW
            ambiguous = len(same_kind[kind.name]) > 1
            # an article published on the day of the event it names is about it ("أنقرة 10 مايو 2022
            # ... وتعد هذه أول زيارة دولة يقوم بها توكاييف إلى تركيا" named in the last sentence)
            on_the_day = published is not None and published[0] == published[1] and \
                event.start - ON_THE_DAY <= published[0] <= event.end + ON_THE_DAY
            whole = not ambiguous and (named[eid][0] < lead_end or len(cited[eid]) >= 2 or on_the_day)
            if not (whole or after):
                continue
            if ambiguous and not (_named_last(sid, eid, same_kind[kind.name], cited)
                                  or _only_actors_of(index, sid, eid, same_kind[kind.name], generated)):
                continue
            # the places of the events the sentence is linked to are theirs, not another of this kind
            # ("بوصول أكبر مسؤول ... بعد أيام من الذكرى الأولى للغزو الروسي لأوكرانيا")
            theirs = set().union(*(generated.by_id[e].places for e in linked_at.get(sid, ()) if e in generated.by_id))
            why = _anchored(index, sid, event, kind, generated, cited[eid], _own_nouns(sid, kind.name),
                            published, planned, after, theirs)
            if why is None or (sid in taken and not _joins(index, sid, event, why, linked_at.get(sid, ()),
                                                            generated)):
                continue
            out.append((sid, eid, f"{CONTEXT}{story} + {why} + event of the article (s{named[eid][0]})"))
            taken.setdefault(sid, set()).add(kind.name)
            break
    return out


def _story_words(index, kind) -> dict[int, str]:
    """sentence_id -> the first word of the kind's story or its noun there; a noun (as a story word
    too: وصول) not in a sentence holding one of the kind's ``unless`` phrases ("الوصول بتجارتهما")."""
    nouns, story = index.matches(kind.nouns), index.matches(kind.story)
    refused = index.matches(kind.unless, set(nouns) | set(story)) if kind.unless is not None else {}
    out = {s: w for s, w in nouns.items() if s not in refused}
    for s, w in story.items():
        if s not in refused or not kind.nouns.regex.fullmatch(squeeze_spaces(w)):
            out[s] = w
    return out


_SINCE = re.compile(r"(?<![^\W_])منذ\s+(?:[^\W\d_]+\s+)?$")


def runs_to_report(doc, d: tuple) -> bool:
    """Whether a date mention (a SentenceIndex.dates tuple) starts a period running to the report
    ("دخلوا كازاخستان منذ 21 سبتمبر"، "زيارته كانت بمثابة اعتراف بالخطوات ... منذ عام 2016"): it
    covers what happened after it, so it contradicts no later event and does not say the sentence
    is another time's. (A clause of background after حيث or عندما may be the story's or another's:
    "حيث قام الرئيس الأوزبكي في أبريل 1992 بزيارة السعودية" is another visit.)"""
    return len(d) >= 5 and _SINCE.search(doc.text[max(0, d[4] - 20):d[4]]) is not None


def _words(index, sid: int) -> int:
    start, end = index.doc.sentences[sid] if index.doc.sentences else (0, len(index.doc.text))
    return len(index.doc.text[start:end].split())


def _named_last(sid: int, eid: str, rivals: list[str], linked: dict[str, list[int]]) -> bool:
    """Whether ``eid`` is, of its kind's events in the article, the one linked last before ``sid``."""
    last = {r: max((s for s in linked.get(r, ()) if s < sid), default=-1) for r in rivals}
    return last[eid] >= 0 and last[eid] == max(last.values()) and list(last.values()).count(last[eid]) == 1


def _joins(index, sid: int, event, why: str, linked: set[str], generated) -> bool:
    """Whether a story link may join a sentence already linked to other events: by a story phrase,
    or by an actor of this event that none of those events has (Bishkek in "وسيبدأ الرئيس بوتين
    برنامجه ... في عاصمة الجمهورية - بيشكيك" is Putin's visit's, not the CIS summit's there too)."""
    if why.startswith("story: "):
        return True
    # a pandemic or a war named beside the story does not own the sentence (a ``background`` kind):
    # "يبحث رؤساء الدول ... تداعيات وباء كورونا" is the summit's too
    if all(generated.kinds[generated.kind_of_event[e]].background for e in linked if e in generated.kind_of_event) \
            and all(e in generated.kind_of_event for e in linked):
        return True
    if not why.startswith("actor: "):
        return False
    theirs = set().union(*(actors_of(generated.by_id[e], generated) for e in linked if e in generated.by_id))
    return bool((index.entities.get(sid, set()) & actors_of(event, generated)) - theirs)


def _only_actors_of(index, sid: int, eid: str, rivals: list[str], generated) -> bool:
    """Whether the sentence names more actors of ``eid`` that no rival event of its kind has than of
    any rival's own: "وفي دوشنبه، عاصمة طاجيكستان، سيجتمع بوتين مع الرئيس إمام علي رحمن وهو حليف
    وثيق لروسيا" is Putin's visit to Tajikistan (Dushanbe, Tajikistan, Rahmon), not his talks with
    Widodo in Moscow named in the sentence before (Russia)."""
    ents = index.entities.get(sid, set())
    actors = {r: actors_of(generated.by_id[r], generated) for r in rivals if r in generated.by_id}
    if eid not in actors:
        return False

    def own(r: str) -> int:
        return len(ents & (actors[r] - set().union(*(a for o, a in actors.items() if o != r))))
    mine = own(eid)
    return mine > 0 and all(own(r) < mine for r in actors if r != eid)


def actors_of(event, generated) -> frozenset[str]:
    """The event's parties and the people and bodies of their countries (GeneratedNames.actors)."""
    return generated.actors(event)


def _anchored(index, sid: int, event, kind, generated, cited: list[int], nouns: set[str],
              published, planned, after: bool, theirs: frozenset[str] | set[str] = frozenset()) -> str | None:
    """What ties the sentence to the event (an actor, a story phrase, the sentence before), or
    None when a guard refuses it."""
    start, end = event.start, event.end
    dates = index.dates.get(sid, ())
    lo, hi = start - DATE_MARGIN, end + DATE_MARGIN
    if any(not (d[0] <= hi and lo <= d[1]) and not runs_to_report(index.doc, d) for d in dates):
        return None  # dated elsewhere: "تأسس عام 1999" is the party's story, not the election's
    dated = any(d[0] <= end and start <= d[1] for d in dates)
    if not dated and (published is None or not (start - timedelta(days=LEAD_DAYS) <= published[1]
                                                and published[0] <= end + timedelta(days=TAIL_DAYS))):
        return None
    if nouns - {kind.name}:
        return None  # another kind of event named ("ثم فاز في انتخابات الرئاسة"): another story
    ents = index.entities.get(sid, set())
    present = sorted(ents & actors_of(event, generated))
    # places that are none of the event's: not the visitor's home ("غادر أردوغان طشقند، عائدا إلى
    # تركيا في ختام زيارة رسمية"), not those of an event the sentence is linked to (theirs)
    places = {e for e in ents if generated.entity_types.get(e) in PLACE_TYPES}
    foreign = places - event.places - {generated.person_country.get(p) for p in event.persons} - theirs
    if not present and (kind.setting or kind.one_country) and not generated.in_topic(index, sid, event):
        return None  # the sentence speaks of another country, none of the actors of an event inside
        # one there: another story (a press review's "نسبة المشاركة الضعيفة ... في تونس" beside
        # Russia's election; not "المراقبين الدوليين" in the statement of Russia's ministry, an
        # adjective, on Kazakhstan's vote); a summit's or a visit's story names other countries
    if nouns:
        # the kind's noun unlinked: another event of the kind ("قمة مجموعة السبع في كندا" in an
        # article on the SCO summit) unless a party of this one is here and no other place
        if not present or foreign:
            return None
        if planned is not None and published is not None and start <= published[0] \
                and index.matches(planned, {sid}):
            return None  # "القمة المقبلة" once this summit has begun is the next one
    if present:
        return "actor: " + "+".join(present)
    alone = index.matches(kind.story_alone, {sid}).get(sid) if kind.story_alone is not None else None
    if alone is not None:
        return f"story: {alone}"
    if after:
        return f"after s{max(s for s in cited if s < sid)}"
    return None
