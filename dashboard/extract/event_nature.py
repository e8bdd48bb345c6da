"""Nature nouns: the words discovery refers with, lent to the catalogue's events of the same nature.

discovered_events.yaml says, per kind of event it finds (a prison riot, an attack, a protest, a
dismissal ...), the words that refer back to such an event once an article has named it
(``refers``: "التمرد"، "أعمال الشغب"؛ "الهجوم"، "الاشتباك"؛ "الاعتصام") and which kinds of the
catalogue are of its nature (``catalogue_kinds``). A catalogue event of that nature is referred to
by those words too:

- an event of a catalogue kind (events.yaml ``event_kinds``) by the words of the discovery kinds
  that name its kind among their ``catalogue_kinds`` ("وقتل في الاشتباك أيضًا جندي وشرطي" in an
  article on an attack on a border post), not those its own kind's ``refers`` already hold, nor a
  word another catalogue kind names or refers with ("الانتخابات" is an election's, never a
  referendum's), nor for a ``background`` kind (a war, the pandemic: beside another story);
  Only the discovery kinds of exactly its nature: those standing for its kind alone or named as it
  (an attack's words are an attack's, not every unrest's or war's);
- an event of no kind (a fifth of the catalogue, referred to by its name's head noun made definite,
  events.EventLinker._add_head_nouns) by the words of the discovery kinds that would read its name
  as one of theirs (a noun of the kind, what the kind ``needs``, none of its ``unless``) and whose
  ``refers`` hold that head with the article ("تمرد في سجن وحدت" -> التمرد -> prison_riot: "أعمال
  الشغب"; not "تمرد فاغنر", no prison riot).

A word links a sentence after the one first naming the event, linked to no event yet, not a
heading, not dated away from the event, without one of the discovery kind's ``unless`` phrases,
and only where no other event the article links is referred to by the same word. The row's cue is
``nature noun: <word> (<discovery kind>) + event named in the article (s<n>)``: an analyst filters
these links by the prefix.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from dashboard.extract.events import (
    HEAD_MIN_WORDS,
    REFERRING,
    REFERS_AT,
    PhraseSet,
    _alternation,
    contradicted,
)
from dashboard.extract.event_context import CONTEXT
from dashboard.text.clitics import ARTICLE
from dashboard.text.normalize import fold, squeeze_spaces

NATURE = "nature noun: "  # the cue of a link by a word of the event's nature


def _phrases(phrases: PhraseSet | None) -> set[str]:
    return {squeeze_spaces(p) for p, _ in phrases.ordered} if phrases is not None else set()


def _bare_words(*texts: str) -> set[str]:
    """The words of ``texts`` folded, the article and a final * off, of three letters or more: what
    a name shares with a kind's ``needs`` phrases ("تمرد سجن وحدت" and "في سجن": سجن)."""
    words = {fold(w).rstrip("*") for t in texts for w in t.split()}
    return {w[len(ARTICLE):] if w.startswith(ARTICLE) and len(w) > 4 else w for w in words if len(w) >= 3}


@dataclass(frozen=True)
class _Words:
    kind: str                 # the discovery kind the words are from
    words: PhraseSet
    unless: PhraseSet | None  # the discovery kind's own ``unless``: such a sentence is another thing


class NatureNouns:
    """Per catalogue event, the referring words of the discovery kinds of its nature."""

    def __init__(self, rules, generated, heads: dict[str, str], names: dict[str, str]):
        kinds = generated.kinds
        own = {name: _phrases(k.refers) | _phrases(k.nouns) | _phrases(k.dated_nouns) | _phrases(k.generic_refers)
               for name, k in kinds.items()}
        by_catalogue_kind: dict[str, list] = defaultdict(list)
        for d in rules.kinds:
            if d.refers is None:
                continue
            # of exactly its nature: a kind the discovery kind alone stands for, or its namesake
            # (an attack's words are an attack's, not the words of every unrest or war)
            for name in d.catalogue_kinds:
                if len(d.catalogue_kinds) == 1 or name == d.name:
                    by_catalogue_kind[name].append(d)
        self.words: dict[str, tuple[_Words, ...]] = {}
        for eid in sorted(set(generated.kind_of_event) | set(heads)):
            name = generated.kind_of_event.get(eid)
            if name is not None:
                if kinds[name].background:
                    continue
                natures = by_catalogue_kind.get(name, ())
                refused = set().union(*(v for k, v in own.items() if k != name)) | own[name]
            else:
                # the discovery kinds that would read the event's own name as one of theirs (its noun,
                # what the kind needs, none of its unless: "تمرد في سجن وحدت" is a prison riot, "تمرد
                # فاغنر" none) and refer with its head noun made definite (التمرد)
                definite = ARTICLE + heads[eid]
                name_text = fold(names[eid])
                natures = [d for d in rules.kinds if d.refers is not None and definite in d.refer_words
                           and d.nouns.regex.search(name_text)
                           and (d.needs is None or _bare_words(name_text) & _bare_words(*_phrases(d.needs)))
                           and (d.unless is None or not d.unless.regex.search(name_text))]
                refused = {definite}  # the head noun's own rule links it (events._add_head_nouns)
            found = []
            for d in natures:
                words = {w for w in _phrases(d.refers) if fold(w) not in {fold(r) for r in refused}}
                if words:
                    found.append(_Words(d.name, _alternation(sorted(words)), d.unless))
            if found:
                self.words[eid] = tuple(found)

    def add(self, index, rows: dict, starts: dict, ends: dict, limit) -> None:
        """Adds to ``rows`` ((sentence, event) -> row, as events.EventLinker.find builds them) the
        sentences a word of a linked event's nature refers to it in."""
        named: dict[str, int] = {}  # event -> the first sentence naming it (not by a referring word)
        linked_at: set[int] = set()
        for (sid, eid), row in rows.items():
            linked_at.add(sid)
            cue = row["cue"]
            if eid in self.words and not REFERS_AT.search(cue) and not cue.startswith(CONTEXT):
                named[eid] = min(sid, named.get(eid, sid))
        if not named:
            return
        if limit is not None:
            named = {eid: s for eid, s in named.items() if starts[eid] <= limit}
        # sentence -> {event: (word, kind)} for every event the article links whose nature words hold there
        hits: dict[int, dict[str, tuple[str, str]]] = defaultdict(dict)
        for eid in {e for _, e in rows if e in self.words}:
            for entry in self.words[eid]:
                found = index.matches(entry.words)
                if entry.unless is not None and found:
                    refused = index.matches(entry.unless, set(found))
                    found = {s: w for s, w in found.items() if s not in refused}
                for sid, word in found.items():
                    hits[sid].setdefault(eid, (word, entry.kind))
        n = len(index.doc.sentences) or 1
        for sid in sorted(hits):
            if len(hits[sid]) != 1 or sid in linked_at or sid >= n:
                continue  # a word two linked events are referred to by names neither
            (eid, (word, kind)), = hits[sid].items()
            first = named.get(eid)
            if first is None or sid <= first:
                continue
            start, end = index.sentence_span(sid)
            if len(index.doc.text[start:end].split()) < HEAD_MIN_WORDS \
                    or contradicted(index, sid, starts[eid], ends[eid]):
                continue
            rows[(sid, eid)] = {"article_id": index.doc.article_id, "sentence_id": sid, "event_id": eid,
                                "char_start": start, "char_end": end,
                                "cue": f"{NATURE}{word} ({kind}){REFERRING} (s{first})"}
