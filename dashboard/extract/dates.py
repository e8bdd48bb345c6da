"""Dated expressions in Arabic news text -> ``date_mentions`` rows (see schema.py).

Matching runs on the folded text (doc.norm.text) with the grammar of date_grammar.py; spans are
mapped back to original offsets, so ``doc.text[char_start:char_end] == surface``.

Resolution against the publication date (doc.published, doc.published_precision):
- a day or month without a year takes the publication year (relative=True);
- "العام الماضي"، "من العام المقبل" need the publication year; "الشهر الماضي"، "سبتمبر الماضي" its month;
- vague counts ("قبل عامين"، "منذ 30 عاما") are not dates: not emitted;
- an expression that cannot be resolved (no publication date, or too coarse) is NOT emitted;
- a published date with precision 'unknown' is taken as a day (the caller gave a full date).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from hijridate import Gregorian, Hijri

from dashboard.extract.date_grammar import Grammar, build_grammar
from dashboard.extract.date_words import DateWords
from dashboard.text.document import Doc
from dashboard.text.normalize import squeeze_spaces

# (year, month, day); None where the expression leaves it open.
Partial = tuple[int | None, int | None, int | None]
_PRECISION_RANK = {"year": 1, "month": 2, "day": 3, "unknown": 3}
# Characters a date expression can reach before its first trigger ("الحادي والعشرين من شهر"
# before a month name) and after its last one ("من العام المقبل" after a month name).
_BEFORE, _AFTER = 32, 48


@dataclass(frozen=True)
class Atom:
    start: int                   # folded offsets
    end: int
    lo: Partial
    hi: Partial | None = None    # end of a range written as one expression
    rel_year: int | None = None  # offset from the publication year (العام الماضي: -1)
    rel_month: int | None = None
    month_mod: int | None = None  # "سبتمبر الماضي": the last September before publication
    granularity: str | None = None  # a Hijri day or month: its Gregorian days are a range, it is not
    part: bool = False           # a part of a month: its days are cut to the month's length (نهاية يوليو: 31)
    anaphor: str | None = None   # "month"/"year": the one last named before it (23 من الشهر نفسه)
    range_end: bool = False      # "15 منه": a date only as the second end of a range (بين 13 أيلول و15 منه)
    season: int | None = None    # a season's first month (12, 3, 6, 9): three months from it
    gloss: tuple[int, int] | None = None  # "العام الماضي 2017": (where the relative words end, the year)
    hijri_mod: tuple[int, int] | None = None  # "رمضان الماضي": (Hijri month, modifier), read from the publication day


def date_row(doc: Doc, a: int, b: int, lo: date, hi: date, granularity: str, relative: bool) -> dict:
    """One date_mentions row for the original text's span [a, b), meaning the days lo..hi."""
    return {
        "article_id": doc.article_id, "sentence_id": doc.sentence_at(a),
        "surface": doc.text[a:b], "char_start": a, "char_end": b,
        "date_start": lo.isoformat(), "date_end": hi.isoformat(),
        "granularity": granularity, "relative": relative,
    }

class DateExtractor:
    def __init__(self, words: DateWords):
        self.words: DateWords = words
        # Month names in Latin letters (January, janvier) are rare in Arabic text: articles without
        # one get the grammar without them, a smaller trie scanned faster. The full grammar is
        # compiled when an article first needs it (full_grammar): 1 of 1,576 ANT articles does,
        # and compiling it was ~5 % of a worker's set-up.
        latin = {k for k in words.months if k.isascii()}
        arabic = build_grammar(replace(words, months={k: v for k, v in words.months.items() if k not in latin}))
        # month-day-year order ("January 5, 2022") is an English one
        self.arabic_grammar: Grammar = replace(
            arabic, patterns={k: p for k, p in arabic.patterns.items() if k != "month_day_year"})
        # (no lookbehind: a leading one makes the scan ten times slower; a name inside a longer
        # word only costs the full grammar)
        self._latin_months = (re.compile("(?:" + "|".join(sorted(latin, key=len, reverse=True))
                                         + r")(?![a-z])") if latin else None)
        self.grammar: Grammar = self.arabic_grammar  # the one of the article find() reads
        self._plans: dict[int, tuple] = {}
        self._plan_of(self.arabic_grammar)

    @cached_property
    def full_grammar(self) -> Grammar:
        """The grammar with the Latin-letter month names too (and month-day-year order)."""
        grammar = build_grammar(self.words)
        self._plan_of(grammar)
        return grammar

    def _plan_of(self, g: Grammar) -> None:
        """A grammar's patterns in order, each with its prerequisite and builder: the scan of a
        window looks nothing up by name (the order is kept: of two equal spans the first found wins)."""
        self._plans[id(g)] = (tuple((g.prerequisites[kind], pattern, getattr(self, f"_atom_{kind}"))
                                    for kind, pattern in g.patterns.items()), tuple(set(g.prerequisites.values())))

    # ---- public API -------------------------------------------------------------------------
    def find(self, doc: Doc) -> list[dict]:
        text = doc.norm.text
        self.grammar = (self.full_grammar if self._latin_months is not None and self._latin_months.search(text)
                        else self.arabic_grammar)
        atoms = self._merge_ranges(text, self._join_twins(text, self._select(self._candidates(text))))
        rows = []
        last_month: tuple[int, int] | None = None  # (year, month) of the last date naming a month
        last_year: int | None = None
        for atom in atoms:
            if atom.gloss is not None:  # "العام الماضي 2017": the number is that year, or no part of it
                words_end, year = atom.gloss
                if doc.published is not None and doc.published.year + atom.rel_year == year:
                    atom = replace(atom, lo=(year, None, None), rel_year=None, gloss=None)
                else:
                    atom = replace(atom, end=words_end, gloss=None)
            if self.grammar.recurring is not None and _yearless(atom) and self.grammar.recurring.match(text, atom.end):
                continue  # "يحتفل به في 21 مارس من كل عام": the day of every year, no date
            coming = self._coming_month(doc, atom)
            if coming:  # "زيادة الإنتاج تدريجيا من يناير" in December: next January
                atom = replace(atom, lo=(doc.published.year + 1, *atom.lo[1:]),
                               hi=(doc.published.year + 1, *atom.hi[1:]) if atom.hi else None)
            gone = not coming and self._since_last_year(doc, atom)
            if gone:  # "أعلى مستوياته منذ ديسمبر" in May: last December
                atom = replace(atom, lo=(doc.published.year - 1, *atom.lo[1:]),
                               hi=(doc.published.year - 1, *atom.hi[1:]) if atom.hi else None)
            hijri_relative = atom.hijri_mod is not None
            if hijri_relative:
                atom = _hijri_relative(atom, doc.published, doc.published_precision)
                if atom is None:
                    continue
            anaphoric = atom.anaphor is not None
            if anaphoric:
                atom = _bind_anaphor(atom, last_month, last_year)
                if atom is None:
                    continue
            resolved = _resolve(atom, doc.published, doc.published_precision)
            if resolved is None:
                continue
            (lo, hi), granularity, relative = resolved
            # read from the text or the date, not as written
            relative = relative or anaphoric or coming or gone or hijri_relative
            # what the text named: a year (not one taken from the publication), a month
            if atom.lo[0] is not None or atom.rel_year is not None or anaphoric:
                last_year = hi.year
            if granularity != "year" and (atom.lo[1] is not None or atom.rel_month is not None):
                last_month = (hi.year, hi.month)
            a, b = doc.norm.to_original(atom.start, atom.end)
            rows.append(date_row(doc, a, b, lo, hi, granularity, relative))
        return rows

    def _coming_month(self, doc: Doc, atom: Atom) -> bool:
        """A month without a year that the publication year would put 9-11 months back (يناير-مارس
        in an October-December article) is the coming one when its sentence speaks of the future
        before it (سينظرون، سوف، اعتبارا من). Without that, news reports the past (_year_shift)."""
        if (atom.lo[0] is not None or atom.lo[1] is None or atom.rel_year is not None or atom.month_mod is not None
                or atom.rel_month is not None or atom.anaphor is not None or atom.season is not None
                or doc.published is None or _PRECISION_RANK.get(doc.published_precision or "unknown", 3) < 2
                or (atom.hi is not None and atom.hi[0] is not None)
                or doc.published.month - atom.lo[1] < 12 - _NEAR_MONTHS):
            return False
        # the sentence by its punctuation, not the splitter's: a line break inside it (hard-wrapped
        # text) is no end
        text, g = doc.norm.text, self.grammar
        start = max(0, atom.start - 400)
        for m in g.sentence_end.finditer(text, start, atom.start):
            start = m.end()
        futures = list(g.future.finditer(text, start, atom.start))
        return bool(futures) and g.past.search(text, futures[-1].end(), atom.start) is None

    def _since_last_year(self, doc: Doc, atom: Atom) -> bool:
        """A day or month without a year after منذ ("since") is over by the publication: one the
        publication year would put after it ("منذ ديسمبر" in May, "منذ شهر أكتوبر" in July) is last
        year's."""
        g = self.grammar
        if (g.since is None or not _yearless(atom) or atom.hi is not None or doc.published is None
                or _PRECISION_RANK.get(doc.published_precision or "unknown", 3) < 2):
            return False
        pub = doc.published
        if (atom.lo[1], atom.lo[2] or 1) <= (pub.month, pub.day):
            return False
        return g.since.search(doc.norm.text, max(0, atom.start - 16), atom.start) is not None

    # ---- matching ---------------------------------------------------------------------------
    def _windows(self, text: str) -> list[tuple[int, int]]:
        """Stretches of text around triggers (numbers that could be a day or a year, month names,
        relative words): the only places a date can be, so the full grammar runs on a small part
        of a long article."""
        hits = sorted([*map(re.Match.span, self.grammar.trigger_numbers.finditer(text)),  # (spans taken in C)
                       *map(re.Match.span, self.grammar.trigger_words.finditer(text))])
        spans: list[tuple[int, int]] = []
        for a, b in hits:
            s, e = max(0, a - _BEFORE), min(len(text), b + _AFTER)
            if spans and s <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(e, spans[-1][1]))
            else:
                spans.append((s, e))
        return spans

    def _candidates(self, text: str) -> list[Atom]:
        found: list[Atom] = []
        names: list[tuple[int, int]] = []
        # Patterns grouped by prerequisite, keeping only those whose prerequisite is in the article:
        # most windows surround a plain number (625 مليون) and need none of the 17 patterns.
        plan, needs = self._plans[id(self.grammar)]
        windows = self._windows(text)
        if not windows:
            return found
        # each prerequisite looked for once over the stretch all windows span, then per window only
        # those found there (most articles hold none of the plain words: منتصف، الأيام، النصف ...)
        needs = [need for need in needs if need.search(text, windows[0][0], windows[-1][1])]
        for s, e in windows:
            present = {need for need in needs if need.search(text, s, e)}
            if not present:  # a window around a plain number (625 مليون): no pattern can match
                continue
            before = len(found)
            for need, pattern, build in plan:
                if need not in present:
                    continue
                for m in pattern.finditer(text, s, e):
                    atom = build(m)
                    if atom is not None:
                        found.append(atom)
            # A name can only hide a date of its own window (windows are disjoint): look for names
            # only where dates were found.
            if self.grammar.not_dates is not None and len(found) > before:
                names += [m.span() for m in self.grammar.not_dates.finditer(text, s, e)
                          if not self._named_day(text, m)]
            if self.grammar.numbered is not None and len(found) > before:  # "القانون رقم 92 لسنة 2016"
                names += [m.span() for m in self.grammar.numbered.finditer(text, max(0, s - _BEFORE), e)]
        if names:  # "حرب أكتوبر" is no October; "11 سبتمبر 2001" runs past the name and stays
            found = [a for a in found if not any(s <= a.start and a.end <= e for s, e in names)]
        return found

    def _named_day(self, text: str, m: re.Match) -> bool:
        """A bare day-name ("6 أكتوبر") after a preposition of time: "عقد في 6 أكتوبر" is a day."""
        return (squeeze_spaces(m.group()) in self.grammar.day_names
                and self.grammar.day_name_before.search(text, max(0, m.start() - 12), m.start()) is not None)

    @staticmethod
    def _select(atoms: list[Atom]) -> list[Atom]:
        """Leftmost-longest, non-overlapping."""
        chosen: list[Atom] = []
        for atom in sorted(dict.fromkeys(atoms), key=lambda a: (a.start, -a.end)):
            if chosen and atom.start < chosen[-1].end:
                continue
            chosen.append(atom)
        return chosen

    def _join_twins(self, text: str, atoms: list[Atom]) -> list[Atom]:
        """A month named again in the other tradition after a dash or a comma ("25 سبتمبر-أيلول 2019",
        "في أغسطس، آب الماضي") is the same month, no range to its end and no list: one date, the
        first name's day with the second's year. (A slash, bracket or blank pair is one match of
        the grammar already.)"""
        out: list[Atom] = []
        for b in atoms:
            a = out[-1] if out else None
            if (a is not None and _bare_month(b) and _yearless(a) and a.lo[1] == b.lo[1] == (a.hi or a.lo)[1]
                    and self.grammar.twin_joint.fullmatch(text, a.end, b.start)):
                out[-1] = replace(a, end=b.end, lo=(b.lo[0], *a.lo[1:]), hi=(b.lo[0], *a.hi[1:]) if a.hi else None,
                                  rel_year=b.rel_year, month_mod=b.month_mod, anaphor=b.anaphor, gloss=b.gloss)
                continue
            out.append(b)
        return out

    def _merge_ranges(self, text: str, atoms: list[Atom]) -> list[Atom]:
        """"من 29 مايو إلى 9 يونيو", "بين يناير ومايو": two atoms joined by a connector."""
        out: list[Atom] = []
        i = 0
        while i < len(atoms):
            a = atoms[i]
            if a.range_end:  # "15 منه" that ends no range: "of it" means something else
                i += 1
                continue
            b = atoms[i + 1] if i + 1 < len(atoms) else None
            if b is not None and b.anaphor == "month" and a.anaphor is None and a.season is None and a.lo[1] is not None:
                b = _of_month(b, a)  # "بين 13 أيلول و15 منه": the month the first end names
            if (b is not None and (a.hi is None or a.part) and (b.hi is None or b.part)
                    and a.anaphor is None and b.anaphor is None and a.season is None and b.season is None):
                merged = self._join(text, a, b)
                if merged is not None:
                    i += 2
                    # "يناير وفبراير ومارس": a run of consecutive months goes on; after a noun
                    # over the list ("أعوام 2005 و2011 و2017") every further item does
                    noun = self._list_noun_start(text, a.start)
                    while (i < len(atoms)
                           and (nxt := self._join_consecutive(text, merged, atoms[i], noun is not None)) is not None):
                        merged, i = nxt, i + 1
                    if noun is not None:  # the surface starts at the noun, as "عامي 1949 و1989" does
                        merged = replace(merged, start=min(noun, merged.start))
                    out.append(merged)
                    continue
            out.append(a)
            i += 1
        return out

    def _list_noun_start(self, text: str, first: int) -> int | None:
        """Where a dual or plural noun right before a list's first item (at ``first``) starts
        (عامي، شهري، أعوام، أيام); None without one."""
        m = self.grammar.dual_before.search(text, max(0, first - 20), first)
        return None if m is None else m.start()

    def _join_consecutive(self, text: str, a: Atom, b: Atom, listed: bool = False) -> Atom | None:
        """a joined with the next item b of its list: b must follow a's end by a day or a month,
        or, when ``listed`` (a noun over the list), be an item of the same kind that comes later."""
        if (b.hi is not None or b.anaphor is not None or b.part or a.part
                or not self.grammar.list_connector.fullmatch(text[a.end:b.start])):
            return None
        end = a.hi or a.lo
        if end[0] is None and b.lo[0] is not None and a.rel_year is None:
            end = (b.lo[0], end[1], end[2])
        if listed:
            if not _later_of_same_kind(end, b.lo):
                return None
        elif not _consecutive(end, b.lo):
            return None
        lo = a.lo if a.lo[0] is not None or b.lo[0] is None else (b.lo[0], a.lo[1], a.lo[2])
        return replace(a, end=b.end, lo=lo, hi=b.lo,
                       rel_year=a.rel_year if a.rel_year is not None else b.rel_year,
                       month_mod=a.month_mod if a.month_mod is not None else b.month_mod)

    def _join(self, text: str, a: Atom, b: Atom) -> Atom | None:
        gap = text[a.end:b.start]
        listed = self.grammar.list_connector.fullmatch(gap) is not None
        if not listed and not self.grammar.connector.fullmatch(gap):
            return None
        prefix = self.grammar.range_prefix.search(text, max(0, a.start - 30), a.start)
        if listed and (prefix is None or prefix.group("word") != "بين"):
            # "يناير 2020 ومارس 2021" is a list, not a range; but after a dual noun ("شهري مايو،
            # ويونيو", "عامي 2005 و2010") or of consecutive months or days ("أغسطس وسبتمبر") it is
            # one mention (gold README)
            if self._list_noun_start(text, a.start) is None:
                if a.part or b.part:
                    return None
                return self._join_consecutive(text, a, b)
        if (a.lo[1] is None) != (b.lo[1] is None) and a.lo[1] is None:
            return None  # "2020 - 3 مارس" mixes a year with a date: leave both
        lo, hi = a.lo, b.lo
        if lo[0] is None and hi[0] is not None and a.rel_year is None:
            lo = (hi[0], lo[1], lo[2])
        if hi[0] is None and lo[0] is not None and b.rel_year is None:
            hi = (lo[0], hi[1], hi[2])
        rel_year = a.rel_year if a.rel_year is not None else b.rel_year
        month_mod = None
        if a.month_mod is not None and b.month_mod is not None and a.month_mod != b.month_mod:
            return None  # "بين منتصف أبريل الجاري ويونيو المقبل": each end its own year; left apart
        if lo[0] is None and hi[0] is None and rel_year is None:  # "بين يناير ومايو الماضيين"
            month_mod = b.month_mod if b.month_mod is not None else a.month_mod
        if b.hi is not None:  # "من منتصف يونيو إلى نهاية يوليو": up to the end of the second part
            hi = (hi[0], b.hi[1], b.hi[2])
        joined = Atom(a.start, b.end, lo, hi, rel_year=rel_year, month_mod=month_mod, part=a.part or b.part)
        ends = _resolve(joined, date(2000, 6, 15), "day")  # order check, any base will do
        if ends is None or ends[0][0] > ends[0][1]:
            return None
        return joined

    # ---- one builder per grammar pattern ----------------------------------------------------
    def _month_of(self, m: re.Match, name: str) -> int | None:
        """The month number; None when a blank-separated pair disagrees ("يناير فبراير" is no
        date). A slash or bracket pair that disagrees ("11 يناير/كانون الأول") is a typo. Writers
        mix up the ordinal names (كانون الأول / الثاني, تشرين الأول / الثاني) more than the
        one-word ones, so a one-word name wins over a two-word one, and otherwise the first."""
        written = squeeze_spaces(m.group(name))
        first = self.words.months[written]
        other = m.group(name + "b") or m.group(name + "c") or m.group(name + "d")
        if other is None or self.words.months[squeeze_spaces(other)] == first:
            return first
        if m.group(name + "d"):
            return None
        other = squeeze_spaces(other)
        return self.words.months[other] if " " in written and " " not in other else first

    def _year_tail(self, m: re.Match, name: str) -> dict:
        """The year part after a month: a number, a relative year, or a modifier (الماضي)."""
        bracketed = m.group(name + "br") or m.group(name + "bo")
        if bracketed:  # "ديسمبر المقبل (2020)": the year in brackets says which
            return {"year": int(bracketed)}
        if m.group(name):
            return {"year": int(m.group(name))}
        if m.group(name + "rel"):
            return {"rel_year": self.words.relative_year[squeeze_spaces(m.group(name + "rel"))]}
        if m.group(name + "mod"):
            return {"month_mod": self.words.modifiers[squeeze_spaces(m.group(name + "mod"))]}
        if m.group(name + "same"):
            return {"anaphor": "year"}
        return {}

    def _gregorian_tail(self, m: re.Match) -> dict | None:
        """The year part after a Gregorian day or month (``_year_tail``), or None when a Hijri year
        follows instead ("7 مايو 1441 هـ", "أكتوبر 1399 هـ ش"): no date of this calendar, rather
        than one put in the publication's year."""
        tail = self._year_tail(m, "y")
        other = self.grammar.other_calendar
        return None if not tail and other is not None and other.match(m.string, m.end()) is not None else tail

    def _atom_day_month(self, m: re.Match) -> Atom | None:
        month = self._month_of(m, "m")
        if month is None:
            return None
        tail = self._gregorian_tail(m)
        if tail is None:
            return None
        year = tail.pop("year", None)
        return Atom(m.start(), m.end(), (year, month, int(m.group("d"))), **tail)

    def _atom_ordinal_day_month(self, m: re.Match) -> Atom | None:
        month = self._month_of(m, "m")
        if month is None:
            return None
        tail = self._gregorian_tail(m)
        if tail is None:
            return None
        year = tail.pop("year", None)
        day = self.words.ordinal_days[squeeze_spaces(m.group("ord"))]
        if not m.group("ord2"):
            return Atom(m.start(), m.end(), (year, month, day), **tail)
        last = self.words.ordinal_days[squeeze_spaces(m.group("ord2"))]  # "الأول والثاني من يوليو"
        if last <= day:
            return None
        noun = self._list_noun_start(m.string, m.start())
        return Atom(m.start() if noun is None else noun, m.end(), (year, month, day), (year, month, last), **tail)

    def _atom_day_range(self, m: re.Match) -> Atom | None:
        month = self._month_of(m, "m")
        d1, d2 = int(m.group("d1")), int(m.group("d2"))
        days = [d1, *map(int, re.findall(r"\d+", m.group("mid") or "")), d2]
        if month is None or any(a >= b for a, b in zip(days, days[1:])):
            return None
        tail = self._gregorian_tail(m)
        if tail is None:
            return None
        year = tail.pop("year", None)
        noun = self._list_noun_start(m.string, m.start())  # "يومي 7 و9 من أيار" starts at its noun
        return Atom(m.start() if noun is None else noun, m.end(), (year, month, d1), (year, month, d2), **tail)

    def _atom_month(self, m: re.Match) -> Atom | None:
        month = self._month_of(m, "m")
        if month is None:
            return None
        tail = self._gregorian_tail(m)
        if tail is None:
            return None
        year = tail.pop("year", None)
        name = squeeze_spaces(m.group("m"))
        bare = year is None and not tail and not any(m.group(g) for g in ("mb", "mc", "md"))
        if (bare and name in self.words.ambiguous_months and not m.group("shahr")
                and not self.grammar.month_context.search(m.string, max(0, m.start() - 12), m.start())
                and not self.grammar.month_list_before.search(m.string, max(0, m.start() - 32), m.start())):
            # مارس "practised", آب "father": a month only with a day, a year, شهر, في or after
            # another month in a list (يناير وفبراير ومارس)
            return None
        # the surface leaves شهر out, and keeps the bracket of "(يناير) 2021" when it closes before the year
        start = m.start("po") if m.group("po") and ")" in m.group()[m.end("m") - m.start():] else m.start("m")
        return Atom(start, m.end(), (year, month, None), **tail)

    @staticmethod
    def _numeric(m: re.Match, year: int | None) -> Atom | None:
        d, mo = int(m.group("d")), int(m.group("m"))
        if not 1 <= mo <= 12 or not 1 <= d <= 31:
            return None
        return Atom(m.start(), m.end(), (year, mo, d))

    def _atom_numeric_dmy(self, m: re.Match) -> Atom | None:
        return self._numeric(m, int(m.group("y")))

    _atom_numeric_ymd = _atom_numeric_dmy

    # ---- Hijri dates: converted with hijridate's Umm al-Qura tables ----------------------------
    def _hijri(self, m: re.Match, month: int | None, day: int | None) -> Atom | None:
        year = int(m.group("hy"))
        try:
            if day:
                first = last = Hijri(year, month, day).to_gregorian()
            elif month:
                first = Hijri(year, month, 1).to_gregorian()
                last = Hijri(year, month, Hijri(year, month, 1).month_length()).to_gregorian()
            else:
                first = Hijri(year, 1, 1).to_gregorian()
                last = Hijri(year, 12, Hijri(year, 12, 1).month_length()).to_gregorian()
        except (ValueError, OverflowError):  # 30 of a 29-day month; a year outside the tables
            return None
        kind = "day" if day else "month" if month else "year"
        return Atom(m.start(), m.end(), (first.year, first.month, first.day),
                    (last.year, last.month, last.day), granularity=kind)

    def _atom_hijri_day(self, m: re.Match) -> Atom | None:
        return self._hijri(m, self.words.hijri_months[squeeze_spaces(m.group("hm"))], int(m.group("d")))

    def _atom_hijri_month(self, m: re.Match) -> Atom | None:
        return self._hijri(m, self.words.hijri_months[squeeze_spaces(m.group("hm"))], None)

    def _atom_hijri_numeric(self, m: re.Match) -> Atom | None:
        month = int(m.group("m"))
        return self._hijri(m, month, int(m.group("d"))) if 1 <= month <= 12 else None

    def _atom_hijri_year(self, m: re.Match) -> Atom | None:
        return self._hijri(m, None, None)

    def _atom_hijri_relative(self, m: re.Match) -> Atom:
        month = self.words.hijri_months[squeeze_spaces(m.group("hm"))]
        return Atom(m.start("hm"), m.end(), (None, None, None), granularity="month",
                    hijri_mod=(month, self.words.modifiers[squeeze_spaces(m.group("hmod"))]))

    def _atom_numeric_dm(self, m: re.Match) -> Atom | None:
        # Only "27/10"-like pairs (three digits or more): "2/3" is more often a fraction.
        if len(m.group("d")) + len(m.group("m")) < 3:
            return None
        return self._numeric(m, None)

    @staticmethod
    def _atom_year_range_cue(m: re.Match) -> Atom | None:
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if not y1 < y2 <= y1 + 200:
            return None
        if not m.group("cue") and y1 < 1900:
            return None
        # "رئيسا للوزراء من 1999 إلى 2002" is one period, as "بين عامي 1949 و1989" (gold README,
        # conventions of stop 20). The surface starts at the cue noun or the year: "عامي 1949 و1989", never at بين/من.
        start = m.start("cue") if m.group("cue") else m.start("y1")
        return Atom(start, m.end(), (y1, None, None), (y2, None, None))

    @staticmethod
    def _atom_year_range_bracket(m: re.Match) -> Atom | None:
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if not y1 < y2 <= y1 + 200:
            return None
        return Atom(m.start("y1"), m.end("y2"), (y1, None, None), (y2, None, None))  # the surface leaves the brackets out

    @staticmethod
    def _atom_year_range(m: re.Match) -> Atom | None:
        y1 = int(m.group("y1"))
        if m.group("y2s"):
            # "موسم 2012-13"، "العام التسويقي 2024-25": the second year's last two digits. Written
            # the other way round ("عام 2022/21", "موسم 2010-09") when typed right to left.
            y2 = y1 // 100 * 100 + int(m.group("y2s"))
            if y2 == y1 - 1:
                y1, y2 = y2, y1
            if not y1 < y2 <= y1 + 9:
                return None
            return Atom(m.start(), m.end(), (y1, None, None), (y2, None, None))
        y2 = int(m.group("y2"))
        if not y1 < y2 <= y1 + 100:
            return None
        return Atom(m.start(), m.end(), (y1, None, None), (y2, None, None))

    @staticmethod
    def _atom_year_cue(m: re.Match) -> Atom:
        return Atom(m.start(), m.end(), (int(m.group("y")), None, None))

    @staticmethod
    def _atom_year_prep(m: re.Match) -> Atom:
        return Atom(m.start("core"), m.end("core"), (int(m.group("y")), None, None))

    _atom_year_suffix = _atom_year_cue
    _atom_year_and = _atom_year_prep
    _atom_year_list = _atom_year_prep
    _atom_year_bracket_list = _atom_year_prep
    _atom_year_event = _atom_year_prep

    def _atom_month_day_year(self, m: re.Match) -> Atom | None:
        month = self._month_of(m, "m")
        if month is None:
            return None
        return Atom(m.start(), m.end(), (int(m.group("y")), month, int(m.group("d"))))

    # ---- parts of a month or a year, anaphoric months and years -------------------------------
    def _month_ref(self, m: re.Match, first: int, last: int) -> Atom | None:
        """Days first..last of the month month_ref() matched (a named, relative or anaphoric one)."""
        if m.group("relm"):
            return Atom(m.start(), m.end(), (None, None, first), (None, None, last), part=True,
                        rel_month=self._relative_month_offset(m.group("relm")))
        if m.group("same"):
            return Atom(m.start(), m.end(), (None, None, first), (None, None, last), part=True, anaphor="month")
        month = self._month_of(m, "m")
        if month is None:
            return None
        tail = self._year_tail(m, "y")
        year = tail.pop("year", None)
        return Atom(m.start(), m.end(), (year, month, first), (year, month, last), part=True, **tail)

    def _atom_month_part(self, m: re.Match) -> Atom | None:
        return self._month_ref(m, *self.words.month_parts[squeeze_spaces(m.group("part"))])

    def _atom_first_days(self, m: re.Match) -> Atom | None:
        return self._month_ref(m, 1, int(m.group("n")))

    def _atom_year_part(self, m: re.Match) -> Atom:
        return self._year_months(m, *self.words.year_parts[squeeze_spaces(m.group("part"))])

    def _atom_year_edge(self, m: re.Match) -> Atom:
        return self._year_months(m, *self.words.relative_year_parts[squeeze_spaces(m.group("part"))])

    def _year_months(self, m: re.Match, first: int, last: int) -> Atom:
        """Months first..last of the year a year_part or year_edge match names."""
        year = int(m.group("y")) if m.groupdict().get("y") else None
        extra: dict = {}
        if m.group("rely"):
            key = squeeze_spaces(m.group("rely"))
            extra["rel_year"] = self.words.relative_year.get(key, self.words.relative_year.get("ا" + key, 0))
        elif m.group("bare"):
            extra["rel_year"] = 0  # "النصف الأول من العام": of this year
        elif m.group("same"):
            extra["anaphor"] = "year"
        return Atom(m.start(), m.end(), (year, first, None), (year, last, None), **extra)

    def _days_of(self, m: re.Match) -> tuple[int, int | None] | None:
        """The day or days of day_of in the grammar: "5"، "22 و24"، "الرابع والعشرين"."""
        if m.group("ord"):
            return self.words.ordinal_days[squeeze_spaces(m.group("ord"))], None
        d1 = int(m.group("d1"))
        d2 = int(m.group("d2")) if m.group("d2") else None
        return None if d2 is not None and d2 <= d1 else (d1, d2)

    def _atom_day_same_month(self, m: re.Match) -> Atom | None:
        days = self._days_of(m)
        if days is None:
            return None
        d1, d2 = days
        if m.group("ofit"):
            return Atom(m.start(), m.end(), (None, None, d1), (None, None, d2) if d2 else None,
                        anaphor="month", range_end=True)
        tail = self._year_tail(m, "y")
        tail.pop("month_mod", None)
        tail.pop("anaphor", None)
        year = tail.pop("year", None)
        return Atom(m.start(), m.end(), (year, None, d1), (year, None, d2) if d2 else None, anaphor="month", **tail)

    def _atom_same_period(self, m: re.Match) -> Atom:
        if m.group("samey"):
            return Atom(m.start(), m.end(), (None, None, None), anaphor="year")
        tail = self._year_tail(m, "y")
        tail.pop("month_mod", None)
        tail.pop("anaphor", None)
        return Atom(m.start(), m.end(), (tail.pop("year", None), None, None), anaphor="month", **tail)

    def _atom_season(self, m: re.Match) -> Atom:
        name = m.group("season") or m.group("sthis") or ("ال" + m.group("sbare"))
        first = self.words.seasons[squeeze_spaces(name)]
        extra: dict = {}
        year = m.group("sy") or m.group("sby") or m.group("sbn")
        rel = m.group("srel") or m.group("sbrel")
        if rel:
            extra["rel_year"] = self.words.relative_year[squeeze_spaces(rel)]
        elif m.group("smod"):
            extra["month_mod"] = self.words.modifiers[squeeze_spaces(m.group("smod"))]
        elif m.group("sthis"):
            extra["month_mod"] = 0
        return Atom(m.start(), m.end(), (int(year) if year else None, None, None), season=first, **extra)

    def _atom_relative_year(self, m: re.Match) -> Atom:
        words_end = m.start("gpo") if m.group("gpo") else m.start("gy") if m.group("gy") else m.end()
        key = squeeze_spaces(m.string[m.start():words_end].rstrip())
        offset = self.words.relative_year.get(key)
        if offset is None:  # contracted after ل: "لعام الماضي" was matched from its second letter
            offset = self.words.relative_year["ا" + key]
        gloss = (len(m.string[:words_end].rstrip()), int(m.group("gy"))) if m.group("gy") else None
        return Atom(m.start(), m.end(), (None, None, None), rel_year=offset, gloss=gloss)

    _QUANTITY_BEFORE = re.compile(squeeze_spaces(r"(?:أكثر|اكثر|أقل|اقل|نحو|حوالي|حوالى|قرابة|زهاء|أزيد)\s+"
                                                 r"(?:من|إلى|الى)\s*$"))

    def _atom_year_from(self, m: re.Match) -> Atom | None:
        if self._QUANTITY_BEFORE.search(m.string, max(0, m.start() - 12), m.end("core") - len(m.group("core"))):
            return None  # "أكثر من 2000." is a count
        return Atom(m.start("core"), m.end("core"), (int(m.group("y")), None, None))

    def _relative_month_offset(self, surface: str) -> int:
        key = squeeze_spaces(surface)
        return self.words.relative_month.get(key, self.words.relative_month.get("ا" + key, 0))

    def _atom_relative_month(self, m: re.Match) -> Atom:
        return Atom(m.start(), m.end(), (None, None, None),
                    rel_month=self._relative_month_offset(m.group()))

    def _atom_day_relative_month(self, m: re.Match) -> Atom | None:
        days = self._days_of(m)
        if days is None:
            return None
        d1, d2 = days
        hi = (None, None, d2) if d2 else None
        return Atom(m.start(), m.end(), (None, None, d1), hi,
                    rel_month=self._relative_month_offset(m.group("relm")))



# ---- resolution ---------------------------------------------------------------------------------
def _consecutive(a: Partial, b: Partial) -> bool:
    """b starts the day after a ends: two months (أغسطس وسبتمبر) or two days of the same kind."""
    if a[1] is None or b[1] is None or (a[2] is None) != (b[2] is None) or (a[0] is None) != (b[0] is None):
        return False
    year = 2000  # a leap year: any base does for two items without a year
    try:
        end = _last_day((a[0] or year, a[1], a[2]))
        start = _first_day((b[0] or year, b[1], b[2]))
    except ValueError:
        return False
    return (start - end).days == 1


def _bare_month(b: Atom) -> bool:
    """A month name with no day (and maybe its year after it): the second name of a twin pair."""
    return (b.lo[1] is not None and b.lo[2] is None and b.hi is None and not b.part and b.season is None
            and b.granularity is None and b.anaphor in (None, "year"))


def _yearless(a: Atom) -> bool:
    """A Gregorian day, days or month whose year is not written after it: the first name of a twin pair."""
    return (a.lo[0] is None and a.lo[1] is not None and a.rel_year is None and a.month_mod is None
            and a.rel_month is None and a.anaphor is None and a.season is None and a.gloss is None
            and a.granularity is None and not a.range_end)


def _later_of_same_kind(a: Partial, b: Partial) -> bool:
    """b is an item of a's kind (a year, a month, a day; with or without its year) after a ends."""
    if any((x is None) != (y is None) for x, y in zip(a, b)):
        return False
    year = 2000
    try:
        return _first_day((b[0] or year, b[1], b[2])) > _last_day((a[0] or year, a[1], a[2]))
    except ValueError:
        return False


def _of_month(b: Atom, a: Atom) -> Atom:
    """b ("15 منه"، "15 من الشهر نفسه") in the month a, the range's first end, ends in."""
    year, month, _ = a.hi or a.lo
    if b.lo[0] is not None or b.rel_year is not None:  # "بين مايو 2013 والشهر نفسه من عام 2015"
        return replace(b, anaphor=None, range_end=False, lo=(b.lo[0], month, b.lo[2]),
                       hi=(b.lo[0], month, b.hi[2]) if b.hi else None)
    return replace(b, anaphor=None, range_end=False, lo=(year, month, b.lo[2]),
                   hi=(year, month, b.hi[2]) if b.hi else None, rel_year=a.rel_year, month_mod=a.month_mod)


def _season(atom: Atom, published: date | None, rank: int):
    """((first_day, last_day), "range", relative) of a season; None when its year is not known."""
    def months(year: int) -> tuple[date, date]:  # the season of ``year``; winter 2022: Dec 2021-Feb 2022
        first_year, first_month = (year - 1, 12) if atom.season == 12 else (year, atom.season)
        last_year, last_month = (year, 2) if atom.season == 12 else (year, atom.season + 2)
        return date(first_year, first_month, 1), _last_day((last_year, last_month, None))

    if atom.lo[0] is not None:
        return months(atom.lo[0]), "range", False
    if atom.rel_year is not None:
        return (months(published.year + atom.rel_year), "range", True) if rank >= 1 else None
    if atom.month_mod is None or rank < 1:
        return None
    if rank == 1:
        # a publication known to its year only: read from its middle (1 July), which gives each
        # "next/last season" the year it has for most months of publication (الخريف المقبل: this
        # year's for January-August; الربيع المقبل: next year's for March-December)
        published = date(published.year, 7, 1)
    month_start = date(published.year, published.month, 1)
    month_end = _last_day((published.year, published.month, None))
    years = range(published.year - 3, published.year + 4)
    if atom.month_mod < 0:  # "الصيف الماضي": the last one over before the publication month
        past = [months(y) for y in years if months(y)[1] < month_start]
        return past[atom.month_mod], "range", True
    if atom.month_mod > 0:  # "الشتاء المقبل": the next one to start after it
        future = [months(y) for y in years if months(y)[0] > month_end]
        return future[atom.month_mod - 1], "range", True
    # "الصيف الحالي"، "هذا الشتاء": the one under way, else this year's (a winter after September:
    # the one about to start)
    for y in years:
        first, last = months(y)
        if first <= month_start <= last:
            return (first, last), "range", True
    year = published.year + 1 if atom.season == 12 and published.month >= 9 else published.year
    return months(year), "range", True


def _hijri_relative(atom: Atom, published: date | None, precision: str) -> Atom | None:
    """"رمضان الماضي" is the last such month over before the publication day, "المقبل" the next to
    start after it, "الجاري" the one of the publication's Hijri year. Hijri months move 11 days a
    year against the Gregorian ones: only a publication known to the day can place them."""
    if published is None or _PRECISION_RANK.get(precision or "unknown", 3) < 3:
        return None
    month, mod = atom.hijri_mod
    try:
        this_year = Gregorian.fromdate(published).to_hijri().year
    except (ValueError, OverflowError):
        return None

    def days(year: int) -> tuple[date, date]:
        first = Hijri(year, month, 1)
        return first.to_gregorian(), Hijri(year, month, first.month_length()).to_gregorian()

    try:
        years = [days(y) for y in range(this_year - 3, this_year + 4)]
    except (ValueError, OverflowError):  # outside the conversion tables
        return None
    if mod < 0:
        chosen = [d for d in years if d[1] < published][mod]
    elif mod > 0:
        chosen = [d for d in years if d[0] > published][mod - 1]
    else:
        chosen = years[3]
    (lo, hi) = chosen
    return replace(atom, lo=(lo.year, lo.month, lo.day), hi=(hi.year, hi.month, hi.day), hijri_mod=None)


def _bind_anaphor(atom: Atom, last_month: tuple[int, int] | None, last_year: int | None) -> Atom | None:
    """"23 من الشهر نفسه" takes the month last named before it, "العام نفسه" the year."""
    if atom.anaphor == "month":
        if last_month is None:
            return None
        (year, month), lo, hi = last_month, atom.lo, atom.hi
        if lo[0] is not None or atom.rel_year is not None:  # "الشهر نفسه من العام الماضي": that year
            year = lo[0]
        return replace(atom, anaphor=None, lo=(year, month, lo[2]), hi=(year, month, hi[2]) if hi else None)
    if last_year is None:
        return None
    lo, hi = atom.lo, atom.hi
    return replace(atom, anaphor=None, lo=(last_year, lo[1], lo[2]), hi=(last_year, hi[1], hi[2]) if hi else None)


def _resolve(atom: Atom, published: date | None, precision: str):
    """((first_day, last_day), granularity, relative), or None when it cannot be resolved."""
    rank = _PRECISION_RANK.get(precision or "unknown", 3) if published else 0
    if atom.season is not None:
        return _season(atom, published, rank)
    relative = False
    lo, hi = atom.lo, atom.hi
    if atom.rel_month is not None:
        if rank < 2:
            return None
        months = published.year * 12 + published.month - 1 + atom.rel_month
        year, month = months // 12, months % 12 + 1
        lo = (year, month, lo[2])  # "5 من الشهر الجاري" keeps its day
        hi = (year, month, hi[2]) if hi else None
        relative = True
    elif atom.month_mod is not None:
        if rank < 2:
            return None
        # the word qualifies the month it follows, a range's end: "من 16 مارس إلى 15 أبريل القادم"
        # in an article of 31 March is this April, and the range starts this March
        month = hi[1] if hi and hi[1] is not None else lo[1]
        year = published.year
        if atom.month_mod < 0 and month >= published.month:
            year -= 1
        elif atom.month_mod > 0 and month <= published.month:
            year += 1
        year += atom.month_mod + 1 if atom.month_mod < -1 else 0  # "سبتمبر قبل الماضي"
        crosses_new_year = hi is not None and hi[1] is not None and lo[1] is not None and lo[1] > hi[1]
        lo = (year - 1 if crosses_new_year else year, lo[1], lo[2])
        hi = (year, hi[1], hi[2]) if hi else None
        relative = True
    elif atom.rel_year is not None:
        if rank < 1:
            return None
        year = published.year + atom.rel_year
        lo = (year, lo[1], lo[2])
        hi = (year, hi[1], hi[2]) if hi else None
        relative = True
    elif lo[0] is None:  # a day or month written without its year: the publication year ...
        if rank < 1:
            return None
        year = published.year
        if rank >= 2 and lo[1] is not None:
            year += _year_shift(published, lo[1])
        lo = (year, lo[1], lo[2])
        hi = (year, hi[1], hi[2]) if hi and hi[0] is None else hi
        relative = True
    if atom.part:  # "نهاية فبراير" is its last day, whatever the month's length
        lo, hi = _clip(lo), _clip(hi) if hi else None
    try:
        first = _first_day(lo)
        last = _last_day(hi or lo)
    except ValueError:  # 31 February and the like
        return None
    if first > last:
        return None
    if atom.granularity:
        granularity = atom.granularity
    elif hi is not None and hi != lo:
        granularity = "range"
    else:
        granularity = "day" if lo[2] else "month" if lo[1] else "year"
    return (first, last), granularity, relative


# ... unless that puts it well after the publication while last year's would be just before it:
# "في 28 ديسمبر" in an article of 10 January is last December. Not the other way: news reports
# the past, and "شهدت البلاد في يناير" in a December article is the January gone by.
_FAR_MONTHS, _NEAR_MONTHS = 6, 3


def _year_shift(published: date, month: int) -> int:
    gap = month - published.month  # months after the publication month, same year
    return -1 if gap > _FAR_MONTHS and 12 - gap <= _NEAR_MONTHS else 0


def _clip(p: Partial) -> Partial:
    if p[0] is None or p[1] is None or p[2] is None:
        return p
    return p[0], p[1], min(p[2], calendar.monthrange(p[0], p[1])[1])


def _first_day(p: Partial) -> date:
    return date(p[0], p[1] or 1, p[2] or 1)


def _last_day(p: Partial) -> date:
    year, month, day = p
    if month is None:
        return date(year, 12, 31)
    return date(year, month, day or calendar.monthrange(year, month)[1])
