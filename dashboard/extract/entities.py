"""Entity mentions: clitic-aware longest match of catalogue aliases over a Doc's tokens.

How it stays fast (the build runs it over every ANT article): every way a first alias word can
be written with proclitics glued on (وروسيا، لروسيا، للولايات، بالكرملين ...) is precomputed
into one dict, so each text token costs a single lookup; only a hit looks at the next tokens.
A token matches only as a whole word after peeling, so توكايا is never توكاييف.
"""

from __future__ import annotations

import re

import pandas as pd

from dashboard.extract.entity_catalogue import Catalogue, ContextRule, gap_key
from dashboard.schema import conform
from dashboard.text.clitics import ARTICLE, CONJUNCTIONS, PREPOSITIONS
from dashboard.text.document import Doc

_SPLIT = re.compile(r"[-‐‑'’]")
_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029]")

# (tokens, gaps, entity_id or "" for a blocker, form, alias key, leading context words)
Candidate = tuple[tuple[str, ...], tuple[str, ...], str, str, str, int]


def _written_forms(first: str) -> list[tuple[str, int]]:
    """(written token, chars to skip before the name) for every proclitic combination.

    ل + ال is written لل: "للولايات" is ل + "لولايات", the surface starting after the
    preposition. Latin words take no Arabic clitics.
    """
    if first.isascii():
        return [(first, 0)]
    out = []
    for conj in ("", *CONJUNCTIONS):
        for prep in ("", *PREPOSITIONS):
            prefix = conj + prep
            if prep == "ل" and first.startswith(ARTICLE):
                out.append((prefix + first[1:], len(prefix)))
            else:
                out.append((prefix + first, len(prefix)))
    return out


class EntityMatcher:
    """Built once (about half a second), reused for every article; picklable."""

    def __init__(self, catalogue: Catalogue):
        self.rules: list[ContextRule] = catalogue.rules
        by_first: dict[str, list[Candidate]] = {}
        for key, form in [*catalogue.forms.items(), *catalogue.blockers.items()]:
            by_first.setdefault(form.tokens[0], []).append(
                (form.tokens, form.gaps, form.entity_id, form.form, key, form.lead))
        for cands in by_first.values():
            cands.sort(key=lambda c: (-len(c[0]), c[4]))
        self._by_first = by_first
        written: dict[str, list[tuple[int, str]]] = {}
        for first in by_first:
            for token, skip in _written_forms(first):
                written.setdefault(token, []).append((skip, first))
        for readings in written.values():
            readings.sort()  # least peeling first: it wins a tie
        self._written = written

    def find(self, doc: Doc) -> list[dict]:
        norm = doc.norm.text
        forms, starts, ends = _match_tokens(norm, doc.tokens)
        n = len(forms)
        written, by_first = self._written, self._by_first
        rows: list[dict] = []
        i = 0
        while i < n:
            readings = written.get(forms[i])
            if readings is None:
                i += 1
                continue
            best: tuple[int, int, Candidate] | None = None  # (length, skip, candidate)
            for skip, first in readings:
                for cand in by_first[first]:
                    length = len(cand[0])
                    if best is not None and length <= best[0]:
                        break
                    if i + length <= n and _rest_matches(cand, forms, starts, ends, norm, i):
                        best = (length, skip, cand)
                        break
            if best is None:
                i += 1
                continue
            length, skip, (_, _, entity_id, form, alias, lead) = best
            i += length
            if not entity_id:  # a blocker: these words are no mention
                continue
            start = starts[i - length + lead] if lead else starts[i - length] + skip
            a, b = doc.norm.to_original(start, ends[i - 1])
            rows.append({
                "article_id": doc.article_id, "sentence_id": doc.sentence_at(a),
                "entity_id": entity_id, "surface": doc.text[a:b], "char_start": a, "char_end": b,
                "form": form, "alias": alias,
            })
        return self._apply_rules(rows)

    def _apply_rules(self, rows: list[dict]) -> list[dict]:
        if not rows or not self.rules:
            return rows
        present = {r["entity_id"] for r in rows}
        for rule in self.rules:
            if rule.source not in present or not (rule.if_any & present):
                continue
            for r in rows:
                if r["entity_id"] == rule.source and (
                        rule.only_aliases is None or r["alias"] in rule.only_aliases):
                    r["entity_id"] = rule.target
        return rows


def _rest_matches(cand: Candidate, forms, starts, ends, norm: str, i: int) -> bool:
    """Words 2..n of a candidate follow token i, separated as in the alias, on one line."""
    tokens, gaps = cand[0], cand[1]
    for j in range(1, len(tokens)):
        if forms[i + j] != tokens[j]:
            return False
        gap = norm[ends[i + j - 1]:starts[i + j]]
        if gap_key(gap) != gaps[j - 1] or _LINE_BREAK.search(gap):
            return False
    return True


def _match_tokens(norm: str, tokens: list[tuple[int, int]]):
    """Token forms and spans, hyphenated tokens split (نور-سلطان, SPIEF-2022)."""
    forms, starts, ends = [], [], []
    for s, e in tokens:
        tok = norm[s:e]
        if _SPLIT.search(tok):
            pos = s
            for part in _SPLIT.split(tok):
                if part:
                    forms.append(part)
                    starts.append(pos)
                    ends.append(pos + len(part))
                pos += len(part) + 1
        else:
            forms.append(tok)
            starts.append(s)
            ends.append(e)
    return forms, starts, ends


def entities_table(cat: Catalogue) -> pd.DataFrame:
    """The schema's 'entities' table: every catalogue entity, sorted by id."""
    rows = [{"entity_id": e.id, "type": e.type, "name_ar": e.name_ar, "name_en": e.name_en,
             "parent": e.parent, "iso2": e.iso2, "iso3": e.iso3}
            for e in sorted(cat.entities.values(), key=lambda e: e.id)]
    return conform("entities", rows)


def known_alias_keys(cat: Catalogue) -> set[str]:
    """Folded one-word aliases (names and adjective forms): the term layer keeps them whole."""
    return {key for key, form in cat.forms.items() if len(form.tokens) == 1}
