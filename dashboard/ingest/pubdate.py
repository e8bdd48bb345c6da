"""Publication dates as metadata gives them -> (ISO date, precision).

Accepts ISO (2022-10-27, 2022-10, 2022, with or without a time), RFC 822 ("Sun, 12 Aug 2018
13:15:44 GMT"), day-month-year with / - . separators, and month names in English or Arabic
(CLDR names via Babel, so يناير and كانون الثاني alike). The date is kept as written: a time zone
never moves it to another day. Missing parts are never filled from today; anything else gives
(None, 'unknown') and the caller says so in a warning.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from babel import Locale

from dashboard.text.normalize import squeeze_spaces

PRECISIONS = ("day", "month", "year", "unknown")
_YEARS = range(1800, 2101)
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
# Locales whose month names differ (Egyptian/Gulf, Levantine/Iraqi, Maghrebi, Tunisian/Algerian).
_MONTH_LOCALES = ("en", "ar_EG", "ar_SY", "ar_MA", "ar_TN")

_ISO = re.compile(r"(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2})(?:[T ].*)?)?)?")
_DMY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[T ,].*)?")
_MY = re.compile(r"(\d{1,2})[-/.](\d{4})")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\b")
_ZONE = re.compile(r"(?:\b(?:gmt|utc|ut|z|[ecmp][sd]t)\b|[+-]\d{2}:?\d{2}\b)")
_RFC822 = re.compile(r"(?:[A-Za-z]{3},\s*)?(\d{1,2}) ([A-Za-z]{3}) (\d{4})(?: \d{2}:\d{2}(?::\d{2})?)?"
                     r"(?: (?:[+-]\d{4}|[A-Z]{1,5}))?")
_MON = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")


@lru_cache(maxsize=1)
def _name_tables() -> tuple[list[tuple[str, int]], frozenset[str]]:
    """(month name -> number, longest first; weekday names), folded, from CLDR."""
    months: dict[str, int] = {}
    weekdays: set[str] = set()
    for code in _MONTH_LOCALES:
        loc = Locale.parse(code)
        for width in ("wide", "abbreviated"):
            for ctx in ("format", "stand-alone"):
                for num, name in loc.months[ctx][width].items():
                    months[_key(name)] = num
                for name in loc.days[ctx][width].values():
                    weekdays.add(_key(name))
    months["sept"] = 9
    return sorted(months.items(), key=lambda kv: (-len(kv[0]), kv[0])), frozenset(weekdays)


def _key(text: str) -> str:
    return squeeze_spaces(text.lower().rstrip("."))


def _ok(y: int, m: int = 1, d: int = 1) -> bool:
    if y not in _YEARS:
        return False
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _result(y: int, m: int | None = None, d: int | None = None) -> tuple[str | None, str]:
    if not _ok(y, m or 1, d or 1):
        return None, "unknown"
    if d is not None:
        return f"{y:04d}-{m:02d}-{d:02d}", "day"
    if m is not None:
        return f"{y:04d}-{m:02d}-01", "month"
    return f"{y:04d}-01-01", "year"


def parse_published(value: str | None) -> tuple[str | None, str]:
    """``value`` as (ISO date, precision); (None, 'unknown') when it is not a date."""
    if value is None:
        return None, "unknown"
    s = str(value).translate(_ARABIC_DIGITS).strip()
    if not s:
        return None, "unknown"
    if m := _ISO.fullmatch(s):
        y, _, mo, d = m.groups()
        return _result(int(y), int(mo) if mo else None, int(d) if d else None)
    if m := _DMY.fullmatch(s):
        a, _, b, y = int(m[1]), m[2], int(m[3]), int(m[4])
        # Day first; month first only when nothing else can be meant (10/27/2022).
        if b > 12 >= a:
            a, b = b, a
        return _result(y, b, a)
    if (m := _RFC822.fullmatch(s)) and m[2].lower() in _MON:  # fast path: feeds and ANT <TIME>
        return _result(int(m[3]), _MON[m[2].lower()], int(m[1]))
    if m := _MY.fullmatch(s):
        return _result(int(m[2]), int(m[1]))
    return _parse_named(s)


def _parse_named(s: str) -> tuple[str | None, str]:
    """Dates written with a month name: "Sun, 12 Aug 2018 13:15:44 GMT", "October 27, 2022",
    "27 أكتوبر 2022", "10 يناير/ كانون الثاني 2021"."""
    months, weekdays = _name_tables()
    text = _key(s)
    text = _TIME.sub(" ", text)
    text = _ZONE.sub(" ", text)
    text = _ORDINAL.sub(r"\1", text)
    found: set[int] = set()
    for name, num in months:
        pattern = rf"(?<![^\W\d_]){re.escape(name)}(?![^\W\d_])"
        if re.search(pattern, text):
            found.add(num)
            text = re.sub(pattern, " ", text)
    if len(found) != 1:
        return None, "unknown"
    words = [w for w in re.split(r"[\s,/()\-–.،]+", text) if w]
    numbers: list[str] = []
    for w in words:
        if w.isdigit():
            numbers.append(w)
        elif w not in weekdays and w not in {"of", "the", "في", "من"}:
            return None, "unknown"
    years = [int(n) for n in numbers if len(n) == 4]
    days = [int(n) for n in numbers if len(n) <= 2]
    if len(years) != 1 or len(days) > 1 or len(years) + len(days) != len(numbers):
        return None, "unknown"
    return _result(years[0], found.pop(), days[0] if days else None)


def coarsen(iso: str | None, precision: str) -> str | None:
    """The first day of the period ``precision`` names (``iso`` itself for 'day')."""
    if iso is None or precision == "unknown":
        return None
    y, m, d = iso.split("-")
    return {"day": iso, "month": f"{y}-{m}-01", "year": f"{y}-01-01"}[precision]
