"""Candidate discovery: names the catalogue does not know yet, found after titles and nouns
that introduce a name (الرئيس، وزير الخارجية، منظمة، حزب، صحيفة ...).

The triggers are data (the catalogue folder's discovery_triggers.yaml). Words already covered by an
entity mention are never a candidate, so the table shrinks as the analyst adds aliases.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import compress

import pandas as pd

from dashboard.extract.entities import _written_forms, mentions_by_token, split_tokens
from dashboard.schema import conform
from dashboard.text.document import Doc
from dashboard.text.normalize import fold, squeeze_spaces

ARTICLE = "ال"
_SPACES = re.compile(r"[ \t\u00a0]*")
# Between a trigger and its name: spaces, quotes and a colon (صحيفة «إزفستيا»).
_OPENING = re.compile(r"[ \t\u00a0\"'«»“”:]*")
_MAX_SKIPS = 2


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]
    text: str
    kind: str        # person | name
    max_words: int


@dataclass(frozen=True)
class Triggers:
    by_written_first: dict[str, list[tuple[int, Trigger]]]
    skip_words: frozenset[str]
    stop_words: frozenset[str]
    not_names: frozenset[str]


def parse_triggers(data: Mapping, stopwords: frozenset[str]) -> Triggers:
    """The triggers of discovery_triggers.yaml (parsed); ``stopwords`` (folded) never start or
    continue a candidate, beside the file's own stop words."""
    index: dict[str, list[tuple[int, Trigger]]] = defaultdict(list)
    for item in data["triggers"]:
        words = tuple(squeeze_spaces(item["trigger"]).split())
        trig = Trigger(words, item["trigger"], item["kind"], int(item.get("max_words", 3)))
        for written, skip in _written_forms(words[0]):
            index[written].append((skip, trig))
    for lst in index.values():
        lst.sort(key=lambda st: (-len(st[1].words), st[0]))  # longest trigger first
    return Triggers(dict(index), frozenset(fold(w) for w in data.get("skip_words", [])),
                    frozenset(fold(w) for w in data.get("stop_words", [])) | stopwords,
                    frozenset(fold(w) for w in data.get("not_names", [])))


def candidates_in(doc: Doc, mentions: list[dict], trig: Triggers) -> list[dict]:
    """Per-article candidate rows: candidate (as written), trigger, article_id, sentence_id, example."""
    norm = doc.norm.text
    forms, starts, ends = split_tokens(doc)
    covered = mentions_by_token(doc, mentions, starts, ends, field="form")  # name | adjective
    out = []
    by_first = trig.by_written_first
    # only the tokens that start a trigger (found by one C-level pass; most start none)
    for i in compress(range(len(forms)), map(by_first.__contains__, forms)):
        for _, t in by_first[forms[i]]:
            if _follows(t.words, forms, starts, ends, norm, i):
                cand = _name_after(t, i + len(t.words), forms, starts, ends, norm, covered, trig)
                if cand:
                    a, _ = doc.norm.to_original(starts[cand[0]], ends[cand[0]])
                    _, b = doc.norm.to_original(starts[cand[1] - 1], ends[cand[1] - 1])
                    sid = doc.sentence_at(a)
                    s, e = doc.sentences[sid] if doc.sentences else (0, len(doc.text))
                    out.append({"article_id": doc.article_id, "sentence_id": sid,
                                "candidate": doc.text[a:b], "trigger": t.text,
                                "example": doc.text[s:e]})
                break
    return out


def _follows(words, forms, starts, ends, norm, i) -> bool:
    if i + len(words) > len(forms):
        return False
    return all(forms[i + j] == words[j] and _SPACES.fullmatch(norm, ends[i + j - 1], starts[i + j])
               for j in range(1, len(words)))


def _name_after(t: Trigger, j: int, forms, starts, ends, norm, covered, trig: Triggers):
    """(first, end) token indices of the candidate after a trigger ending before token j."""
    n = len(forms)
    skips = 0
    # Descriptors between title and name: "الرئيس الروسي ..." (adjective mention), "الرئيس السابق".
    while j < n and skips < _MAX_SKIPS and _SPACES.fullmatch(norm, ends[j - 1], starts[j]) and (
            covered[j] == "adjective" or forms[j] in trig.skip_words
            or (t.kind == "person" and forms[j].startswith(ARTICLE))):
        j += 1
        skips += 1
    if j >= n or not _OPENING.fullmatch(norm, ends[j - 1], starts[j]) or forms[j] in trig.not_names:
        return None
    first = j
    while (j < n and j - first < t.max_words and covered[j] is None
           and _usable(forms[j], t, trig, first_word=j == first)):
        # A later word glued to و starts a new phrase ("سلفا كير ونائبه").
        if j > first and (not _SPACES.fullmatch(norm, ends[j - 1], starts[j])
                          or forms[j].startswith("و")):
            break
        j += 1
    if j == first:
        return None
    # "دونالد" before a known "ترمب": the first name of a known person, not a new name.
    if j < n and covered[j] == "name" and _SPACES.fullmatch(norm, ends[j - 1], starts[j]):
        return None
    return first, j


def _usable(form: str, t: Trigger, trig: Triggers, first_word: bool) -> bool:
    if (form in trig.stop_words or form in trig.skip_words or len(form) < 2
            or form.startswith(("لل", "وال")) or not any(c.isalpha() for c in form)):
        return False
    # A person's name starts without ال; later words may have it (عبد الفتاح السيسي).
    return not (t.kind == "person" and first_word and form.startswith(ARTICLE))


def aggregate_candidates(rows: list[dict]) -> pd.DataFrame:
    """The schema's 'candidates' table: one row per (candidate, trigger), most frequent first.

    Spellings that fold the same are one candidate, shown in their most frequent written form.
    """
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        groups[(squeeze_spaces(r["candidate"]), r["trigger"])].append(r)
    out = []
    for (_, trigger), items in groups.items():
        written = Counter(" ".join(r["candidate"].split()) for r in items)
        shown = sorted(written.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        first = min(items, key=lambda r: (r["article_id"], r["sentence_id"]))
        out.append({"candidate": shown, "trigger": trigger, "count": len(items),
                    "n_articles": len({r["article_id"] for r in items}),
                    "example_article_id": first["article_id"], "example": first["example"]})
    out.sort(key=lambda r: (-r["count"], -r["n_articles"], r["candidate"], r["trigger"]))
    return conform("candidates", out)
