"""Elapsed-time phrases: "بعد عام على زيارة ماكرون لكازاخستان"، "قبل نحو عام"، "بعد 10 شهور من
الاجتماع الوزاري"، "منذ عامين". They write no day, month or year, so they are no date mention (the
date table does not hold them); but they say when what the sentence names happened: that long
before the publication. The catalogue's event linker reads them as approximate dates of
their sentence (``relative``: read from the publication, never a contradiction of another date),
so a visit recalled a year later is the catalogue's visit of a year before, not news of the day.

The words are data (events.yaml, ``elapsed_time``). A length after بعد counts only with على or من
after it ("بعد عام على الزيارة": the visit a year ago; "بعد عام" alone is as often a year ahead),
and a year word followed by a number is a year, not a length ("قبل عام 2030").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from dashboard.extract.dates import date_row
from dashboard.text.document import Doc
from dashboard.text.normalize import fold

ELAPSED_GRANULARITY = "elapsed"


@dataclass(frozen=True)
class ElapsedRules:
    pattern: re.Pattern | None
    months_of_unit: dict[str, int]
    numbers: dict[str, int]
    before: frozenset[str]
    counted: frozenset[str] = frozenset()  # plural units that need a count ("بعد سنوات": vague)


def _words(raw: Mapping, key: str) -> list[str]:
    return [fold(str(w)) for w in raw.get(key) or []]


def parse_elapsed(raw: Mapping | None) -> ElapsedRules:
    """events.yaml's ``elapsed_time`` block (parsed); raises ValueError naming the key at fault."""
    raw = raw or {}
    units = raw.get("units") or {}
    if not isinstance(units, Mapping) or any(not isinstance(v, int) or v <= 0 for v in units.values()):
        raise ValueError("elapsed_time.units: a mapping of unit words to a whole number of months")
    numbers = raw.get("numbers") or {}
    if not isinstance(numbers, Mapping) or any(not isinstance(v, int) or v <= 0 for v in numbers.values()):
        raise ValueError("elapsed_time.numbers: a mapping of number words to whole numbers")
    before, after, links, about = (_words(raw, k) for k in ("before", "after", "after_links", "about"))
    if not units or not (before or after):
        return ElapsedRules(None, {}, {}, frozenset())
    months_of_unit = {fold(str(k)): int(v) for k, v in units.items()}
    number_words = {fold(str(k)): int(v) for k, v in numbers.items()}

    def alt(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    count = rf"(?:(?P<num>\d{{1,2}}|{alt(number_words)})\s+)?" if number_words else r"(?:(?P<num>\d{1,2})\s+)?"
    about_part = rf"(?:(?:{alt(about)})\s+)?" if about else ""
    unit = rf"(?P<unit>{alt(months_of_unit)})(?![^\W_])(?!\s*\d)"
    sides = []
    if before:
        sides.append(rf"(?P<before>{alt(before)})\s+{about_part}{count}{unit}")
    if after:
        tail = rf"\s+(?:{alt(links)})(?![^\W_])" if links else ""
        sides.append(rf"(?P<after>{alt(after)})\s+{about_part}{count.replace('num', 'num2')}"
                     rf"{unit.replace('unit', 'unit2')}{tail}")
    pattern = re.compile(rf"(?<![^\W_])[وف]?(?:{'|'.join(sides)})")
    counted = frozenset(_words(raw, "counted_units"))
    if counted - set(months_of_unit):
        raise ValueError("elapsed_time.counted_units: each must be one of the units")
    return ElapsedRules(pattern, months_of_unit, number_words, frozenset(before), counted)


def _shift(day: date, months: int) -> date:
    """``day`` moved back ``months`` months (the day kept within the month's length)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


class ElapsedTime:
    """Built once per catalogue; ``find`` gives per-article rows shaped as date rows."""

    def __init__(self, rules: ElapsedRules):
        self.rules = rules

    def find(self, doc: Doc) -> list[dict]:
        """Rows shaped as the date extractor's (sentence_id, surface, char_start, char_end,
        date_start, date_end, granularity 'elapsed', relative True) for each elapsed-time phrase,
        the span it points at: that long before the publication, give or take a quarter of the
        length (at least a month)."""
        if self.rules.pattern is None or doc.published is None:
            return []
        published = doc.published
        rows = []
        norm = doc.norm.text
        for m in self.rules.pattern.finditer(norm):
            unit = m.group("unit") or m.group("unit2")
            num = m.group("num") or m.group("num2")
            if num is None and unit in self.rules.counted:
                continue  # "بعد سنوات من": no length
            n = int(num) if num and num.isdigit() else self.rules.numbers.get(num, 1) if num else 1
            months = n * self.rules.months_of_unit[unit]
            if months > 120:
                continue
            slack = max(1, months // 4)
            lo, hi = _shift(published, months + slack), _shift(published, max(months - slack, 0))
            a, b = doc.norm.to_original(m.start(), m.end())
            rows.append(date_row(doc, a, b, lo, hi, ELAPSED_GRANULARITY, True))
        return rows
