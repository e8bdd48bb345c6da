"""The vocabulary of the date grammar: month names of every Arabic tradition from CLDR (Babel),
plus the curated words of the catalogue folder's date_words.yaml, all folded like the text they match."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from babel import Locale
from babel.localedata import locale_identifiers
from hijridate import Hijri

from dashboard.text.normalize import fold, squeeze_spaces
from dashboard.text.ordinals import ordinal_words


def arabic_locales() -> list[str]:
    """Every Arabic locale CLDR knows (ar, ar_EG, ar_SY, ar_MA ...); not 'arn' (Mapudungun)."""
    return sorted(i for i in locale_identifiers() if i == "ar" or i.startswith("ar_"))


def cldr_month_names() -> dict[str, int]:
    """Folded month name -> month number, from the wide and abbreviated, format and stand-alone
    names of every Arabic locale (Egyptian/Gulf يناير, Levantine كانون الثاني, Maghrebi جانفي)."""
    names: dict[str, int] = {}
    for ident in arabic_locales():
        months = Locale.parse(ident).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    key = squeeze_spaces(name)
                    if key and not key[0].isascii():  # skip placeholders such as "M01"
                        names[key] = number
    return names


def cldr_latin_month_names(locales) -> dict[str, int]:
    """Folded (lower-cased) month names of other locales (en: "january", "jan"; fr: "janvier")."""
    names: dict[str, int] = {}
    for ident in locales or []:
        months = Locale.parse(ident).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    key = squeeze_spaces(name).rstrip(".")
                    if len(key) >= 3 and not key[0].isdigit():
                        names[key] = number
    return names


def cldr_weekday_names() -> tuple[str, ...]:
    """Folded weekday names (الأحد ... السبت, every spelling of every Arabic locale), wide only:
    the abbreviated ones are the same words."""
    names: set[str] = set()
    for ident in arabic_locales():
        days = Locale.parse(ident).days
        for context in ("format", "stand-alone"):
            names |= {squeeze_spaces(n) for n in days[context]["wide"].values() if n and not n[0].isascii()}
    return tuple(sorted(names, key=lambda w: (-len(w), w)))


def hijri_month_names() -> dict[str, int]:
    """Folded Hijri month name -> month number, as hijridate (Umm al-Qura) writes them."""
    return {squeeze_spaces(Hijri(1440, m, 1).month_name("ar")): m for m in range(1, 13)}


@dataclass(frozen=True)
class DateWords:
    months: dict[str, int]             # folded name -> 1..12
    ambiguous_months: frozenset[str]
    relative_year: dict[str, int]      # folded "العام الماضي" -> -1
    relative_month: dict[str, int]
    modifiers: dict[str, int]          # folded "الماضي" -> -1 (after a month name: "سبتمبر الماضي")
    year_cues: tuple[str, ...]
    year_prepositions: tuple[str, ...]
    year_pair_cues: tuple[str, ...]
    year_list_cues: tuple[str, ...]    # أعوام 1998 و2002: the first year of a list
    counted_nouns: tuple[str, ...]     # "قبل 2000 شخص": a quantity, not a year
    ordinal_days: dict[str, int]       # folded "الرابع عشر" -> 14
    not_dates: tuple[str, ...]         # names holding a month: حرب أكتوبر، ثورة 25 يناير
    day_names: tuple[str, ...]         # 11 سبتمبر: a name but after day_name_prepositions ("في 11 سبتمبر")
    day_name_prepositions: tuple[str, ...]
    hijri_months: dict[str, int]       # folded "ذو القعدة" -> 11 (Islamic calendar)
    hijri_marks: tuple[str, ...]       # what marks a Hijri year: هـ، هجري
    solar_hijri_marks: tuple[str, ...]  # after a Hijri mark, what makes the year Solar Hijri: "1399 هـ ش"
    month_parts: dict[str, tuple[int, int]]  # folded "منتصف" -> (11, 20); 31 = the month's last day
    year_parts: dict[str, tuple[int, int]]   # folded "النصف الاول" -> (1, 6): months
    relative_year_parts: dict[str, tuple[int, int]]  # folded "مطلع" -> (1, 1): months, before العام الجاري
    dual_nouns: tuple[str, ...]        # عامي، شهري، يومي: a list after them is one mention
    same_month: tuple[str, ...]        # "الشهر نفسه": the month last named before it
    same_year: tuple[str, ...]         # "العام نفسه": the year last named before it
    month_prepositions: tuple[str, ...]  # "في مارس": an ambiguous month on its own after these
    seasons: dict[str, int] = field(default_factory=dict)  # folded "الصيف" -> 6, its first month
    future_markers: tuple[str, ...] = ()     # "سوف"، "اعتبارا من": the sentence speaks of the future
    future_prefix_nouns: tuple[str, ...] = ()  # "سيتي": the shape of a future verb, but a noun or name
    past_markers: tuple[str, ...] = ()       # "بعد أن"، "منذ": a clause of the past opens after the future word
    event_nouns_before_year: tuple[str, ...] = ()  # قمة 2023: the year of the summit
    recurring_after: tuple[str, ...] = ()    # "21 مارس من كل عام": a day or month of every year, no date
    weekdays: tuple[str, ...] = ()           # الأحد ... السبت (CLDR)
    clock_words: tuple[str, ...] = ()        # "حتى الساعة الثامنة صباح يوم 21": words of a clock time
    falling_on: tuple[str, ...] = ()         # "يوم الجمعة المصادف 21": المصادف، الموافق
    numbered_documents: tuple[str, ...] = ()  # "القانون رقم 92 لسنة 2016": the year of a numbered name
    since_words: tuple[str, ...] = ()        # "منذ ديسمبر": a day or month before the publication


def _relative(spec: dict, modifiers: dict[str, int], this: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for gender in ("masculine", "feminine"):
        for noun in spec.get(gender) or []:
            for word, offset in modifiers.items():
                mod = word + ("ة" if gender == "feminine" else "")
                out[squeeze_spaces(f"{noun} {mod}")] = offset
            for demonstrative in this:
                out[squeeze_spaces(f"{demonstrative} {noun}")] = 0
    return out


def _folded(words) -> tuple[str, ...]:
    return tuple(sorted({squeeze_spaces(w) for w in words or []}, key=lambda w: (-len(w), w)))


def parse_date_words(raw: Mapping) -> DateWords:
    """The date vocabulary: CLDR's month names plus date_words.yaml (parsed)."""
    months = cldr_month_names()
    latin = {k: v for k, v in cldr_latin_month_names(raw.get("latin_month_locales")).items()
             if k not in months}
    months.update(latin)
    for number, spellings in (raw.get("extra_months") or {}).items():
        for spelling in spellings:
            months.setdefault(squeeze_spaces(spelling), int(number))
    modifiers = {fold(k): int(v) for k, v in raw["relative_modifiers"].items()}
    nouns = raw["relative_nouns"]
    return DateWords(
        months=months,
        ambiguous_months=frozenset(squeeze_spaces(w) for w in raw.get("ambiguous_months") or []) | set(latin),
        relative_year=_relative(nouns["year"], modifiers, raw.get("this") or []),
        relative_month=_relative(nouns["month"], modifiers, raw.get("this") or []),
        modifiers=modifiers,
        year_cues=_folded(raw["year_cues"]),
        year_prepositions=_folded(raw["year_prepositions"]),
        year_pair_cues=_folded(raw["year_pair_cues"]),
        year_list_cues=_folded(raw.get("year_list_cues")),
        event_nouns_before_year=_folded(raw.get("event_nouns_before_year")),
        counted_nouns=_folded(raw.get("counted_nouns")),
        ordinal_days=_ordinal_days(raw),
        not_dates=_folded(raw.get("not_dates")),
        day_names=_folded(raw.get("day_names")),
        day_name_prepositions=_folded(raw.get("day_name_prepositions")),
        hijri_months=_hijri_months(raw),
        hijri_marks=_folded(raw.get("hijri_marks") or ["هـ"]),
        solar_hijri_marks=_folded(raw.get("solar_hijri_marks")),
        month_parts=_spans(raw.get("month_parts")),
        year_parts=_spans(raw.get("year_parts")),
        relative_year_parts=_spans(raw.get("relative_year_parts")),
        dual_nouns=_folded(raw.get("dual_nouns")),
        same_month=_folded(raw.get("same_month")),
        same_year=_folded(raw.get("same_year")),
        month_prepositions=_folded(raw.get("month_prepositions")),
        seasons=_seasons(raw.get("seasons")),
        future_markers=_folded(raw.get("future_markers")),
        future_prefix_nouns=_folded(raw.get("future_prefix_nouns")),
        past_markers=_folded(raw.get("past_markers")),
        recurring_after=_folded(raw.get("recurring_after")),
        weekdays=cldr_weekday_names(),
        clock_words=_folded(raw.get("clock_words")),
        falling_on=_folded(raw.get("falling_on")),
        numbered_documents=_folded(raw.get("numbered_documents")),
        since_words=_folded(raw.get("since_words")),
    )


def _seasons(raw: Mapping | None) -> dict[str, int]:
    """Folded season (with ال) -> its first month (winter: 12)."""
    out = {}
    for name, first in (raw or {}).items():
        key = squeeze_spaces(name)
        if not key.startswith(squeeze_spaces("ال")) or int(first) not in (12, 3, 6, 9):
            raise ValueError(f"date_words.yaml: seasons: {name}: {first} (a season with ال -> 12, 3, 6 or 9)")
        out[key] = int(first)
    return out


def _spans(raw: Mapping | None) -> dict[str, tuple[int, int]]:
    """Folded phrase -> (first, last) from a YAML mapping of phrase -> [first, last]."""
    out = {}
    for phrase, (first, last) in (raw or {}).items():
        if not 1 <= int(first) <= int(last):
            raise ValueError(f"date_words.yaml: {phrase}: [{first}, {last}] is not a span")
        out[squeeze_spaces(phrase)] = (int(first), int(last))
    return out


def _hijri_months(raw: Mapping) -> dict[str, int]:
    names = hijri_month_names()
    for number, spellings in (raw.get("extra_hijri_months") or {}).items():
        for spelling in spellings:
            names.setdefault(squeeze_spaces(spelling), int(number))
    return names


def _ordinal_days(raw: Mapping) -> dict[str, int]:
    """1..31 as ordinal words: الأول ... العاشر، الحادي عشر ... العشرين، الحادي والعشرين ..."""
    return ordinal_words(raw["ordinal_units"], raw["ordinal_ten"], raw["ordinal_teen"], raw["ordinal_tens"], limit=31)
