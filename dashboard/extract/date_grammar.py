"""The date grammar: compiled regexes over *folded* text, built from the vocabulary in date_words.

Each pattern finds one kind of expression; dates.py turns matches into dated spans. Literal Arabic
is folded before it is escaped (never fold a regex: fold lower-cases \\S to \\s).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dashboard.extract.date_words import DateWords
from dashboard.text.clitics import CONJUNCTION_CLASS, PREPOSITION_CLASS, PROCLITIC_LETTER_CLASS
from dashboard.text.normalize import squeeze_spaces

SP = r"[^\S\n]*"         # optional blanks, never across a line break
SP1 = r"[^\S\n]+"
WORD_START = r"(?<![^\W_])"
WORD_END = r"(?![^\W_])"
# Word start that also allows one or two proclitics glued before it (ويناير، لعام، وبعام).
CLITIC_START = (rf"(?:(?<![^\W_])|(?<=(?<![^\W_]){PROCLITIC_LETTER_CLASS})"
                rf"|(?<=(?<![^\W_]){CONJUNCTION_CLASS}{PREPOSITION_CLASS}))")
NUM_START = r"(?<![\d.,/:٫])"
NUM_END = r"(?![\d٫]|[.,/:]\d)"
YEAR_ANY = r"1[89]\d\d|20\d\d|2100"          # with a strong cue (عام، سنة، a month name)
YEAR_MODERN = r"19\d\d|20\d\d|2100"          # with a weak cue (في، منذ) or none
DAY = r"0?[1-9]|[12]\d|3[01]"
# between two items of a list: "و"، "، و"، or a comma alone ("أعوام 2014، 2015، و2016")
LIST_SEP = r"(?:[,،][^\S\n]*و?|و)"


def words(items) -> str:
    """Alternation of folded words/phrases as a trie (shared prefixes factored out: about twice
    as fast to scan as a flat alternation), longest first, blanks between words."""
    trie: dict = {}
    for key in {squeeze_spaces(w) for w in items}:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


def _trie_regex(node: dict) -> str:
    alts = [(SP1 if ch == " " else re.escape(ch)) + _trie_regex(child)
            for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def first_of(items) -> str:
    """A lookahead for the first letter of any of ``items`` (folded): put before a pattern's
    lookbehinds, it makes the scan skip every other position at once (it rejects no match)."""
    firsts = sorted({squeeze_spaces(i)[0] for i in items if squeeze_spaces(i)})
    return "(?=[" + "".join(re.escape(c) for c in firsts) + "])"


def w(word: str) -> str:
    """One folded literal word."""
    return re.escape(squeeze_spaces(word))


def clitic_word(items) -> str:
    """Words starting with ال may also appear contracted after ل (للعام): match from the second ل."""
    plain = words(items)
    with_al = [squeeze_spaces(i)[1:] for i in items if squeeze_spaces(i).startswith("ال")]
    if not with_al:
        return CLITIC_START + plain
    contracted = r"(?<=(?<![^\W_])ل)" + words(with_al) + "|" + r"(?<=(?<![^\W_])[وف]ل)" + words(with_al)
    return f"(?:{CLITIC_START}{plain}|{contracted})"


@dataclass(frozen=True)
class Grammar:
    patterns: dict[str, re.Pattern]
    connector: re.Pattern        # between the two ends of a range
    range_prefix: re.Pattern     # before the first end: من، بين، في الفترة من
    trigger_words: re.Pattern    # cheap prefilter: month names and relative words
    trigger_numbers: re.Pattern  # numbers that could be a day, a month or a year
    not_dates: re.Pattern | None # names holding a month (حرب أكتوبر): dates inside them are dropped
    # Pattern kind -> a plain regex for a piece every match of that kind contains (a month name, a
    # four-digit year, ...). A stretch without the piece cannot hold a match: the pattern is skipped.
    prerequisites: dict[str, re.Pattern | Literals] = field(default_factory=dict)
    # "و"، "، و" or "،" between two items of a list ("شهري مايو، ويونيو"): joined only after a dual
    # noun (dual_before, matched at the end of the text before the first item) or when consecutive
    list_connector: re.Pattern | None = None
    dual_before: re.Pattern | None = None
    # at the end of the text before an ambiguous month (مارس، آب) that makes it a month: "في مارس"
    month_context: re.Pattern | None = None
    # at the end of the text before an ambiguous month that is the next item of a list of months:
    # "يناير وفبراير ومارس"، "بين يناير ومارس"
    month_list_before: re.Pattern | None = None
    # bare day-month names (11 سبتمبر) among not_dates, and what makes one a day: "في 11 سبتمبر"
    day_names: frozenset[str] = frozenset()
    day_name_before: re.Pattern | None = None
    # a word that puts a sentence in the future (سوف، سينظرون، اعتبارا من), one that opens a clause of
    # the past after it (بعد أن، منذ), the end of a sentence: see dates.py, _coming_month
    future: re.Pattern | None = None
    past: re.Pattern | None = None
    # between a month and its twin of the other tradition where the grammar's pair does not reach:
    # a dash or a comma ("سبتمبر-أيلول"، "أغسطس، آب")
    # (or a slash: the pair "10 يناير/كانون الثاني" is one match, its third name "/ يناير 2021" another)
    twin_joint: re.Pattern = re.compile(rf"{SP}[-–—،,/]{SP}")
    # right after a day or month without a year, words that make it one of every year: "21 مارس من
    # كل عام" (dates.py drops it)
    recurring: re.Pattern | None = None
    # right after a Gregorian day or month, a number before 1800 with a Hijri mark: "7 مايو 1441 هـ"
    # (dates.py leaves the day or month out)
    other_calendar: re.Pattern | None = None
    # right before a day or month without its year, a word that puts it before the publication:
    # "منذ ديسمبر"، "منذ شهر أكتوبر" (dates.py: _since_last_year)
    since: re.Pattern | None = None
    # a numbered document whose name holds a year ("القانون رقم 92 لسنة 2016"): dates inside it are
    # dropped, like those inside not_dates
    numbered: re.Pattern | None = None
    sentence_end: re.Pattern = re.compile(r"[.!?؟]")


def build_grammar(v: DateWords) -> Grammar:
    # a month glued to its year is still one ("آذار2015"): no letter may follow, a digit may
    month = words(v.months) + r"(?![^\W\d_])"

    def month_x(n: str) -> str:
        # A name optionally paired with another tradition's: فبراير/شباط، كانون الثاني (يناير),
        # أبريل نيسان (a bare blank between them: dates.py keeps it only when both agree)
        return (rf"(?P<{n}>{month})(?:{SP}/{SP}(?P<{n}b>{month})"
                rf"|{SP}\({SP}(?P<{n}c>{month}){SP}\)|{SP1}(?P<{n}d>{month}))?")

    rel_year = words(v.relative_year) + WORD_END
    modifiers = words(v.modifiers)
    cues = words(v.year_cues)

    def year(n: str, rng: str) -> str:
        return rf"{NUM_START}(?P<{n}>{rng}){NUM_END}(?:{SP}م{WORD_END})?"

    same_month = words(v.same_month or ["الشهر نفسه"])
    same_year = words(v.same_year or ["العام نفسه"])

    def year_tail(n: str) -> str:
        # "من العام نفسه": the year last named ("في يوليو من العام نفسه" after "أكتوبر 2016")
        of = rf"{SP}[,،]?{SP}(?:{w('من')}{SP1})?"
        # "ديسمبر المقبل (2020)": a year in brackets glosses the modifier; "يونيو (2019)" the month
        def bracketed(g: str) -> str:
            return rf"{SP}\({SP}{year(g, YEAR_ANY)}{SP}\)"
        return (rf"(?:{of}(?:{cues}{SP1})?{year(n, YEAR_ANY)}|{of}(?P<{n}rel>{rel_year})"
                rf"|{of}(?P<{n}same>{same_year}){WORD_END}"
                rf"|{SP1}(?P<{n}mod>{modifiers}){WORD_END}(?:{bracketed(n + 'br')})?|{bracketed(n + 'bo')})")

    to = rf"(?:-|–|—|و?{w('إلى')}|و?{w('حتى')}|و?{w('لغاية')}|و)"  # "ما بين 2014 وحتى 2017"
    # Between two days a tatweel set apart is a dash ("يومي 15 ـ 16 سبتمبر"); folding removes it
    # and leaves its two blanks, so two blanks between the days are a range too.
    to_day = rf"(?:{to}|[^\S\n]{{2,}})"
    # "الـ21": the article before a day number (folding drops the tatweel)
    the_day = rf"(?:{w('ال')}{SP})?"
    # "يوم الجمعة" before a day: "من الاثنين 27 إلى الخميس 30 آب/أغسطس"
    weekday = rf"(?:(?:{w('يوم')}{SP1})?{words(v.weekdays or ['الجمعة'])}{WORD_END}{SP1})?"
    # the day(s) before "من الشهر الجاري / نفسه": "5"، "22 و24"، "الرابع والعشرين"
    day_of = (rf"(?:{NUM_START}(?P<d1>{DAY})(?:{SP}{to}{SP}(?P<d2>{DAY}))?"
              rf"|{CLITIC_START}(?P<ord>{words(v.ordinal_days)}))")
    units = words(v.counted_nouns or ["عام", "%"])
    seasons = list(v.seasons or {"الصيف": 6})
    bare_seasons = [squeeze_spaces(k)[2:] for k in seasons]  # صيف 2022

    # the month a part of a month or its first days belong to: a named month (with its year), a
    # relative month (الشهر الجاري) or the month last named (الشهر نفسه)
    def month_ref() -> str:
        return (rf"(?:(?:{w('شهر')}{SP1})?{month_x('m')}(?:{year_tail('y')})?"
                rf"|(?P<relm>{clitic_word(v.relative_month)}){WORD_END}|(?P<same>{same_month}){WORD_END})")

    p = {
        # "15 و16 سبتمبر"، "7 و9 من أيار الجاري"
        # "الـ20 والـ21 حزيران يونيو"، "5 و6 و7 مايو": a day may keep its article, a list its middle days
        "day_range": (rf"{NUM_START}(?P<d1>{DAY}){NUM_END}(?P<mid>(?:{SP}[,،]?{SP}و{SP}{the_day}{NUM_START}{DAY}{NUM_END})*)"
                      rf"{SP}{to_day}{SP}{weekday}{the_day}(?P<d2>{DAY}){SP}(?:{w('من')}{SP1})?{month_x('m')}"
                      rf"(?:{year_tail('y')})?"),
        "ordinal_day_month": (rf"{first_of(v.ordinal_days)}{CLITIC_START}(?P<ord>{words(v.ordinal_days)})"
                              rf"(?:{SP}[,،]?{SP}و{SP}(?P<ord2>{words(v.ordinal_days)}))?{SP1}{w('من')}{SP1}"
                              rf"(?:{w('شهر')}{SP1})?{month_x('m')}(?:{year_tail('y')})?"),
        # "21 يناير", "21 من يناير" (الـ 21 من آب)
        "day_month": (rf"{NUM_START}(?P<d>{DAY}){SP}(?:{w('من')}{SP1})?{month_x('m')}"
                      rf"(?:{year_tail('y')})?"),
        # "January 5, 2022" (English, in quoted tweets): month, day, comma, year
        "month_day_year": (rf"{CLITIC_START}{month_x('m')}\.?{SP1}(?P<d>{DAY}){NUM_END}{SP}[,،]?{SP}"
                           rf"{year('y', YEAR_ANY)}"),
        # "(يناير) 2021": a month in brackets, its year after them
        # (the bracket is the month's only when it closes right after the month's one or two words:
        # in "( أكتوبر 1970)" it holds the year too, and the month takes its year as usual)
        "month": (rf"{first_of([*v.months, 'شهر', '('])}(?:{CLITIC_START}(?P<shahr>{w('شهر')}){SP1}|{CLITIC_START})"
                  rf"(?:(?P<po>\()(?={SP}[^\s\d()]+(?:{SP1}[^\s\d()]+)?{SP}\)){SP})?"
                  rf"{month_x('m')}(?:(?(po){SP}\)|){year_tail('y')})?"),
        # "في 5 من الشهر الجاري", "بين 22 و24 من الشهر الماضي"
        "day_relative_month": (rf"{day_of}{SP1}{w('من')}{SP1}"
                               rf"(?P<relm>{clitic_word(v.relative_month)}){WORD_END}"),
        "numeric_dmy": (rf"{NUM_START}(?P<d>[0-3]?\d)(?P<sep>[/.\-])(?P<m>[01]?\d)(?P=sep)"
                        rf"(?P<y>{YEAR_MODERN}){NUM_END}"),
        "numeric_ymd": (rf"{NUM_START}(?P<y>{YEAR_MODERN})(?P<sep>[/.\-])(?P<m>[01]?\d)(?P=sep)"
                        rf"(?P<d>[0-3]?\d){NUM_END}"),
        "numeric_dm": rf"{NUM_START}(?P<d>[0-3]?\d)/(?P<m>[01]?\d){NUM_END}",
        # a historical period in brackets after a name, before 1900: "تيمورلنك، مؤسس الدولة
        # التيمورية (1370-1507)"، "أمير تيمور (1336-1405)" (test25's gold); later ones are year_range
        "year_range_bracket": (rf"\({SP}(?P<y1>1[0-8]\d\d){SP}[-–—]{SP}(?P<y2>1\d\d\d|20\d\d){SP}\)"
                               rf"(?!{SP}{units}{WORD_END})"),
        "year_range_cue": (rf"{WORD_START}{CONJUNCTION_CLASS}?(?:{w('بين')}|{w('من')}){SP1}"
                           rf"(?:(?P<cue>{words(v.year_pair_cues + v.year_cues)}){SP1})?"
                           rf"{year('y1', YEAR_ANY)}{SP}{to}{SP}(?:{cues}{SP1})?{year('y2', YEAR_ANY)}"),
        # (a slash between the two years is no fraction or numeric date: "العام المالي 2017/2018")
        "year_range": (rf"(?:(?P<cue>{clitic_word(v.year_cues)}){SP1})?{NUM_START}(?P<y1>{YEAR_MODERN})(?![\d٫]|[.,:]\d)"
                       rf"(?:{SP}م{WORD_END})?{SP}[-–—/]{SP}(?<![\d.,:])(?:(?P<y2>{YEAR_MODERN}){NUM_END}(?:{SP}م{WORD_END})?"
                       # or its last two digits, after a dash or slash with no blank ("2024-25")
                       rf"|(?<=\d[-–—/])(?P<y2s>\d\d){NUM_END})"),
        # "عام2020", "في2020": the number may be glued to its cue
        # "للعام 2017": the cue contracted after ل (clitic_word)
        "year_cue": rf"{clitic_word(v.year_cues)}{SP}{year('y', YEAR_ANY)}",
        # "بنهاية 2019"، "وبحلول 2030": the preposition may carry ب or ل
        "year_prep": (rf"{WORD_START}{CONJUNCTION_CLASS}?[بل]?{words(v.year_prepositions)}{SP}(?P<core>{NUM_START}"
                      rf"(?P<y>{YEAR_MODERN}){NUM_END}(?:{SP}م{WORD_END})?)(?!{SP}{units}{WORD_END})"),
        "year_suffix": rf"{NUM_START}(?P<y>{YEAR_MODERN}){SP}م{WORD_END}",
        # the first of a list of years after a plural noun: "في أعوام 1998 و2002" (year_and takes
        # the others)
        "year_list": (rf"{WORD_START}{PROCLITIC_LETTER_CLASS}?{words(v.year_list_cues or ['أعوام'])}{SP1}(?P<core>{NUM_START}"
                      rf"(?P<y>{YEAR_ANY}){NUM_END})(?={SP}{LIST_SEP}{SP}(?:19|20)\d\d)"),
        # the first of a list of years in brackets: "ثلاث انقلابات (2005، 2010، 2020)" (year_and takes
        # the others)
        "year_bracket_list": (rf"\({SP}(?P<core>{NUM_START}(?P<y>{YEAR_MODERN}){NUM_END})"
                              rf"(?={SP}{LIST_SEP}{SP}(?:19|20)\d\d)"),
        # the year of a summit, a conference, a vote: "خلال قمة 2023" (not إكسبو 2030 or رؤية 2030,
        # names of a programme; the noun stays out of the date)
        "year_event": (rf"{WORD_START}{PROCLITIC_LETTER_CLASS}?{words(v.event_nouns_before_year or ['قمة'])}{SP1}"
                       rf"(?P<core>{NUM_START}(?P<y>{YEAR_MODERN}){NUM_END})(?!{SP}[-–—/]{SP}\d)"),
        # the second of two years: "في 2014 و2017" (a range "بين 2014 و2017" is longer and wins)
        "year_and": (rf"(?<=(?<![\d.,])(?:19|20)\d\d){SP}{LIST_SEP}{SP}(?P<core>{NUM_START}(?P<y>{YEAR_MODERN})"
                     rf"{NUM_END})(?!{SP}{units}{WORD_END})"),
        # "منتصف يونيو حزيران الماضي"، "نهاية يوليو / تموز"، "أواخر الشهر الجاري"
        "month_part": rf"{CLITIC_START}(?P<part>{words(v.month_parts or ['منتصف'])}){SP1}{month_ref()}",
        # "الأيام الـ 12 الأولى من شهر مايو/ أيار"
        "first_days": (rf"{CLITIC_START}{w('الأيام')}{SP1}(?:{w('ال')}{SP})?{NUM_START}(?P<n>{DAY}){NUM_END}{SP1}"
                       rf"{w('الأولى')}{SP1}{w('من')}{SP1}{month_ref()}"),
        # "النصف الأول من العام"، "الربع الثالث من عام 2020"، "النصف الثاني من العام الماضي"
        # (من may be left out before a written year: "بنهاية الربع الأول 2018")
        "year_part": (rf"{CLITIC_START}(?P<part>{words(v.year_parts or ['النصف الأول'])}){SP1}"
                      # (not a fiscal year "العام المالي 2017-2018": that stays one)
                      rf"(?:(?:{w('من')}{SP1})?(?:{cues}{SP1})?{year('y', YEAR_ANY)}(?!{SP}[-–—/]{SP}\d)"
                      rf"|{w('من')}{SP1}(?:(?P<rely>{rel_year})"
                      rf"|(?P<same>{same_year}){WORD_END}"
                      # "من العام" alone is this year; "من العام الدراسي" is no calendar year
                      rf"|(?P<bare>{w('العام')}|{w('السنة')}){WORD_END}(?!{SP1}{w('ال')})))"),
        # "مطلع العام الجاري"، "نهاية العام المقبل"، "منذ بداية العام" (this year; not "بداية العام
        # الدراسي", nor "بداية العام 2022", a year with its cue)
        "year_edge": (rf"{CLITIC_START}(?P<part>{words(v.relative_year_parts or ['مطلع'])}){SP1}"
                      rf"(?:(?P<rely>{rel_year})|(?P<same>{same_year}){WORD_END}"
                      rf"|(?P<bare>{w('العام')}|{w('السنة')}){WORD_END}(?!{SP1}{w('ال')})(?!{SP}\d))"),
        # "في 23 من الشهر نفسه"; "في الشهر نفسه"، "في العام ذاته"
        # "بين 13 أيلول و15 منه": "منه" (of it) is the month just named; dates.py keeps it only as
        # the second end of a range, where nothing else can be meant
        "day_same_month": (rf"{day_of}{SP1}(?:{w('من')}{SP1}{same_month}{WORD_END}(?:{year_tail('y')})?"
                           rf"|(?P<ofit>{w('منه')}){WORD_END})"),
        # "مقابل الشهر نفسه من العام الماضي": the month last named, of the year given
        "same_period": (rf"{CLITIC_START}(?:(?P<samem>{same_month}){WORD_END}(?:{year_tail('y')})?"
                        rf"|(?P<samey>{same_year}){WORD_END})"),
        # "الصيف الماضي"، "صيف 2022"، "شتاء العام المقبل"، "هذا الصيف": a season with what fixes its
        # year (alone, "لفصل الشتاء" or "الربيع العربي", it is none)
        "season": (rf"{first_of([*seasons, *bare_seasons, 'هذا'])}{CLITIC_START}(?:"
                   rf"(?P<season>{words(seasons)}){WORD_END}(?:{SP1}(?P<smod>{modifiers}){WORD_END}"
                   rf"|{SP}[,،]?{SP}(?:{w('من')}{SP1})?(?P<srel>{rel_year})|{SP1}(?:{cues}{SP1})?{year('sy', YEAR_ANY)})"
                   rf"|(?P<sbare>{words(bare_seasons)})(?:{SP1}(?P<sbrel>{rel_year})|{SP1}{cues}{SP1}{year('sby', YEAR_ANY)}"
                   # the year may be glued to the season: "صيف2012"
                   rf"|{SP}{year('sbn', YEAR_ANY)})"
                   rf"|{w('هذا')}{SP1}(?P<sthis>{words(seasons)}){WORD_END})"),
        # "العام الماضي 2017"، "العام الجاري (2018)": the year written after it glosses it (dates.py
        # keeps the number only when it is that year)
        "relative_year": (rf"{clitic_word(v.relative_year)}{WORD_END}"
                          rf"(?:{SP}(?P<gpo>\()?{SP}{year('gy', YEAR_MODERN)}(?(gpo){SP}\))(?!{SP}{units}{WORD_END}))?"),
        # "مقارنة بنفس الفترة من 2016."، "بدءا من 2020"، "تعود إلى 1949،": a year after من (or after
        # إلى of تعود / يعود: "ارتفع إلى 2000." is a count) that ends its clause (a punctuation mark
        # or the end follows): "أكثر من 2000 طفل" is a count
        "year_from": (rf"{WORD_START}(?:{CONJUNCTION_CLASS}?{w('من')}|{words(['تعود', 'يعود', 'ترجع', 'يرجع'])}"
                      rf"{SP1}{w('إلى')}){SP1}(?P<core>{NUM_START}"
                      rf"(?P<y>{YEAR_MODERN}){NUM_END})(?={SP}(?:[.,،؛:!?)\"»]|$))"),
        "relative_month": rf"{clitic_word(v.relative_month)}{WORD_END}",
    }
    # Hijri dates: the year (1343-1500, hijridate's range) always; a mark (هـ) where nothing else
    # says the numbers are Hijri.
    hmonth = words(v.hijri_months or ["محرم"])
    hyear = r"(?P<hy>1[345]\d\d)"
    solar = rf"(?!{SP}{words(v.solar_hijri_marks)}{WORD_END})" if v.solar_hijri_marks else ""
    hmark = rf"{words(v.hijri_marks or ['هـ'])}{WORD_END}{solar}"
    p |= {
        "hijri_day": (rf"{NUM_START}(?P<d>{DAY}){SP}(?:{w('من')}{SP1})?(?P<hm>{hmonth}){SP1}"
                      rf"(?:{w('عام')}{SP1}|{w('سنة')}{SP1})?{hyear}{NUM_END}(?:{SP}{hmark})?"),
        "hijri_month": (rf"{CLITIC_START}(?:{w('شهر')}{SP1})?(?P<hm>{hmonth}){SP1}"
                        rf"(?:{w('عام')}{SP1}|{w('سنة')}{SP1})?{hyear}{NUM_END}(?:{SP}{hmark})?"),
        "hijri_numeric": (rf"{NUM_START}(?P<d>[0-3]?\d){SP}/{SP}(?P<m>[01]?\d){SP}/{SP}{hyear}{NUM_END}"
                          rf"{SP}{hmark}"),
        "hijri_year": rf"{NUM_START}{hyear}{NUM_END}{SP}{hmark}",
        # "شهر رمضان المقبل"، "رمضان الماضي": a Hijri month named by a modifier (dates.py resolves it
        # against the publication day); "المبارك" may come between
        "hijri_relative": (rf"{CLITIC_START}(?:{w('شهر')}{SP1})?(?P<hm>{hmonth}){SP1}(?:{w('المبارك')}{SP1})?"
                           rf"(?P<hmod>{modifiers}){WORD_END}"),
    }
    # patterns whose every match starts with a digit: the same lookahead trick as first_of
    for kind in ("day_range", "day_month", "numeric_dmy", "numeric_ymd", "numeric_dm", "year_suffix",
                 "hijri_day", "hijri_numeric", "hijri_year"):
        p[kind] = r"(?=\d)" + p[kind]
    patterns = {k: re.compile(v_) for k, v_ in p.items()}
    # "من 3 يوليو ولغاية يوم 2 أغسطس": a word of "until" may name the day it runs to ("يوم"); a
    # bare "و" or a dash may not ("3 يوليو ويوم 5 أغسطس" is two days)
    # ... and a clock time, a weekday, "المصادف": "حتى الساعة الثامنة صباح يوم الجمعة المصادف 21"
    clock = rf"{w('الساعة')}(?:{SP1}(?:{words(v.clock_words or ['صباحا'])}{WORD_END}|\d+(?:[:.]\d+)?)){{1,4}}"
    falling_on = words(v.falling_on or ["الموافق"]) + WORD_END
    until_day = (rf"(?:و?{w('إلى')}|و?{w('حتى')}|و?{w('لغاية')})(?:{SP1}{clock})?"
                 rf"(?:{SP1}{w('يوم')})?(?:{SP1}{words(v.weekdays or ['الجمعة'])}{WORD_END})?(?:{SP1}{falling_on})?")
    connector = re.compile(rf"{SP}(?:{until_day}|{to}){SP}")
    range_prefix = re.compile(
        rf"(?:(?:{w('في')}|{w('خلال')}){SP1}{w('الفترة')}{SP1})?"
        rf"(?:{CLITIC_START}(?P<word>{w('من')}|{w('بين')}|{w('منذ')})){SP1}$")
    relative_words = list(v.relative_year) + list(v.relative_month)
    relative_words += list(v.year_parts) + list(v.same_month) + list(v.same_year)
    relative_words += [f"{part} {noun}" for part in v.relative_year_parts for noun in ("العام", "السنة")]
    relative_words += [k[1:] for k in relative_words if k.startswith("ال")]  # للعام: ل + ال
    relative_words += [squeeze_spaces(k)[2:] for k in v.seasons]  # صيف (inside الصيف too)
    # (a Hijri month is a trigger for "رمضان الماضي": the Hijri patterns with a year have a number)
    trigger_words = re.compile(words(list(v.months) + relative_words + list(v.hijri_months)))
    trigger_numbers = re.compile(r"(?=\d)(?<![\d.,٫])(?:[0-3]?\d|1\d\d\d|20\d\d|2100)(?![\d٫]|[.,]\d)")
    names = list(v.not_dates) + list(v.day_names)
    not_dates = re.compile(rf"{CLITIC_START}{words(names)}{WORD_END}") if names else None
    day_name_before = re.compile(rf"{WORD_START}{CONJUNCTION_CLASS}?{words(v.day_name_prepositions or ['في'])}{SP1}$")
    list_connector = re.compile(rf"{SP}{LIST_SEP}{SP}")
    dual_before = re.compile(rf"{CLITIC_START}{words(v.dual_nouns or ['عامي'])}{SP1}(?:{w('ال')}{SP})?$")  # يومي الـ22
    month_context = re.compile(rf"{WORD_START}{CONJUNCTION_CLASS}?{words(v.month_prepositions or ['في'])}{SP1}$")
    # (or its twin after a dash or a comma: "أغسطس- آب")
    month_list_before = re.compile(rf"{month}(?:{SP}/{SP}{month})?{SP}(?:[,،]?{SP}و|[-–—،,]){SP}$")
    # "سينظرون"، "ستبدأ": س + ي/ت/ن + three letters or more, not ending like a noun (سياسة، سنوات،
    # سيناء) and not a listed noun (سيتي)
    not_verbs = rf"(?!{words(v.future_prefix_nouns)}{WORD_END})" if v.future_prefix_nouns else ""
    future = re.compile(rf"{WORD_START}(?:{CONJUNCTION_CLASS}?{words(v.future_markers or ['سوف'])}{WORD_END}"
                        rf"|{CONJUNCTION_CLASS}?{not_verbs}س[يتن][^\W\d_]{{3,}}(?<!ة)(?<!ات)(?<!اء){WORD_END})")
    recurring = re.compile(rf"{SP}[,،]?{SP}{words(v.recurring_after)}{WORD_END}") if v.recurring_after else None
    doc_cues = [*v.year_cues, *("ل" + c for c in v.year_cues), *("ل" + c[1:] for c in v.year_cues if c.startswith("ال"))]
    numbered = (re.compile(rf"{CLITIC_START}{words(v.numbered_documents)}{SP}\(?{SP}\d+{SP}\)?{SP}"
                           rf"{words(doc_cues)}{SP}(?:19|20)\d\d{NUM_END}") if v.numbered_documents else None)
    return Grammar(patterns, connector, range_prefix, trigger_words, trigger_numbers, not_dates,
                   _prerequisites(v, patterns), list_connector, dual_before, month_context, month_list_before,
                   frozenset(v.day_names), day_name_before, future,
                   re.compile(rf"{WORD_START}{CONJUNCTION_CLASS}?{words(v.past_markers or ['بعد أن'])}{WORD_END}"),
                   recurring=recurring, numbered=numbered,
                   since=(re.compile(rf"{WORD_START}{CONJUNCTION_CLASS}?{words(v.since_words)}{SP1}(?:{w('شهر')}{SP1})?$")
                          if v.since_words else None),
                   other_calendar=re.compile(rf"{SP}[,،]?{SP}1[0-7]\d\d{NUM_END}{SP}{words(v.hijri_marks or ['هـ'])}{WORD_END}"))


class Literals:
    """A prerequisite made of plain words: ``search`` says whether one of them is in text[pos:endpos].
    Words that hold another of the set are left out (the shorter one is found wherever they are)."""

    __slots__ = ("words",)

    def __init__(self, items):
        folded = {squeeze_spaces(i) for i in items}
        assert all(" " not in f for f in folded), "a literal prerequisite is one word (blanks vary)"
        self.words = tuple(sorted(f for f in folded if not any(o != f and o in f for o in folded)))

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        end = len(text) if endpos is None else endpos
        return any(text.find(word, pos, end) >= 0 for word in self.words)


def _other_words(phrases) -> list[str]:
    """The words of anaphoric phrases other than the period noun (الشهر، العام، السنة)."""
    nouns = {squeeze_spaces(n) for n in ("الشهر", "العام", "السنة")}
    return [word for p in phrases for word in squeeze_spaces(p).split() if word not in nouns]


def _prerequisites(v: DateWords, patterns: dict[str, re.Pattern]) -> dict[str, re.Pattern | Literals]:
    """What each pattern above cannot match without. Each piece is a plain substring of any match
    (no lookaround), so "not found in a stretch" proves "no match in that stretch"."""

    def with_contracted(items) -> list[str]:  # للعام: clitic_word matches from the second letter
        return list(items) + [squeeze_spaces(i)[1:] for i in items if squeeze_spaces(i).startswith("ال")]

    month = re.compile(words(v.months))
    year = re.compile(YEAR_ANY)  # YEAR_MODERN is a subset
    hijri_year = re.compile(r"1[345]\d\d")
    # every word of the phrase but the period's noun: نفس، ذات (الشهر نفسه، ذات العام، السنة نفسها)
    same = Literals(_other_words(list(v.same_month or ["الشهر نفسه"]) + list(v.same_year or ["العام نفسه"])))
    need = {
        "day_range": month, "ordinal_day_month": month, "day_month": month, "month": month,
        "month_day_year": month,
        "day_relative_month": re.compile(words(with_contracted(v.relative_month))),
        "relative_month": re.compile(words(with_contracted(v.relative_month))),
        "relative_year": re.compile(words(with_contracted(v.relative_year))),
        "numeric_dm": re.compile(r"\d/\d"),
        # every Hijri pattern holds a Hijri year: rarer in a window than a month name (رمضان)
        "hijri_day": hijri_year, "hijri_month": hijri_year, "hijri_numeric": hijri_year, "hijri_year": hijri_year,
        "hijri_relative": re.compile(words(v.hijri_months or ["محرم"])),
        # plain words, found by str.find (a few times faster than a regex pass over the article)
        "month_part": Literals(v.month_parts or ["منتصف"]),
        "first_days": Literals(["الأيام"]),
        "year_part": Literals(p.split()[0] for p in v.year_parts or ["النصف الأول"]),  # النصف، الربع
        "year_edge": Literals(v.relative_year_parts or ["مطلع"]),
        "day_same_month": Literals([*same.words, "منه"]), "same_period": same,
        "season": Literals(squeeze_spaces(k)[2:] for k in v.seasons or {"الصيف": 6}),
    }
    need["year_range_bracket"] = re.compile(r"\(")
    for kind in ("numeric_dmy", "numeric_ymd", "year_range_cue", "year_range", "year_cue", "year_prep", "year_from",
                 "year_suffix", "year_and", "year_list", "year_bracket_list", "year_event"):
        need[kind] = year
    assert set(need) == set(patterns), "every date pattern needs its prerequisite"
    return need
