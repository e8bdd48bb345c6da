"""Date words that no date span covers: a way to find the date grammar's misses on any built
dataset, without gold.

    python -m dashboard.quality.date_misses --data data/datasets/ant [--top 25] [--examples 2]

Every month name (the Western series يناير/جانفي, the Syriac-Levantine series كانون الثاني/أيلول,
Latin January), season (الصيف، شتاء), four-digit year (1900-2100) and day-month number (27/10،
12-5-2018) of each article's text is looked for; the ones that lie outside every row of
``date_mentions`` are counted by class and by pattern (the word before, the class, the word after,
numbers written as N / YYYY), with examples. Most uncovered years are quantities or names (2000
شخص، كأس العالم 2018) and most bare seasons are weather: the patterns show which is which, and a
frequent pattern that is a date is a class the grammar misses. Reads only the dataset and the
catalogue's date words (the same vocabulary the build used).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.extract.date_grammar import CLITIC_START, NUM_END, NUM_START, WORD_END, words
from dashboard.extract.date_words import DateWords
from dashboard.text.normalize import normalize, squeeze_spaces

# First words of the Syriac-Levantine month names (كانون الثاني، شباط ... تشرين الأول): the rest of
# the Arabic names are the Western series (يناير، جانفي، ماي ...)
SYRIAC = frozenset(squeeze_spaces(w) for w in
                   ("كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين"))
CLASSES = ("month_western", "month_syriac", "month_latin", "month_ambiguous", "season", "year", "day_month_number")
_WORD = re.compile(r"[^\W_]+|\d+|[^\s\w]")


@dataclass
class Tally:
    found: Counter = field(default_factory=Counter)      # class -> occurrences in the texts
    uncovered: Counter = field(default_factory=Counter)  # class -> of those, outside every date span
    patterns: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    examples: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))


class DateWordFinder:
    """The regexes of the classes above, over folded text (as the date grammar matches)."""

    def __init__(self, date_words: DateWords):
        self.ambiguous = date_words.ambiguous_months
        self.months = {k for k in date_words.months if k not in self.ambiguous}
        seasons = list(date_words.seasons) + [k[2:] for k in date_words.seasons]
        self.regex = re.compile(
            rf"(?P<month>{CLITIC_START}{words(date_words.months)}(?![^\W\d_]))"
            rf"|(?P<season>{CLITIC_START}{words(seasons)}{WORD_END})"
            # a day and month with a year in any notation (12-5-2018، 2018/5/12), or with a slash
            # alone (27/10); "2.5" and "2-1" are a decimal and a score
            rf"|(?P<dm>{NUM_START}(?:[0-3]?\d(?P<sep>[/.\-])[01]?\d(?P=sep)(?:19|20)\d\d"
            rf"|(?:19|20)\d\d(?P<sep2>[/.\-])[01]?\d(?P=sep2)[0-3]?\d|[0-3]?\d/[01]?\d){NUM_END})"
            rf"|(?P<year>{NUM_START}(?:19\d\d|20\d\d|2100){NUM_END})")

    def classify(self, m: re.Match) -> str:
        if m.group("season"):
            return "season"
        if m.group("dm"):
            return "day_month_number"
        if m.group("year"):
            return "year"
        name = squeeze_spaces(m.group("month"))
        if name in self.ambiguous:
            return "month_ambiguous"
        if name.isascii():
            return "month_latin"
        return "month_syriac" if name.split()[0] in SYRIAC else "month_western"


def _shape(word: str) -> str:
    """A neighbouring word as a pattern piece: numbers by their length, words as written (folded)."""
    if word.isdigit():
        return "YYYY" if len(word) == 4 else "N"
    return word


def pattern(folded: str, start: int, end: int, kind: str) -> str:
    before = _WORD.findall(folded[max(0, start - 30):start])
    after = _WORD.findall(folded[end:end + 30])
    return " ".join([_shape(before[-1]) if before else "^", kind.upper(), _shape(after[0]) if after else "$"])


def tally(articles: pd.DataFrame, mentions: pd.DataFrame, finder: DateWordFinder, examples: int = 2) -> Tally:
    """Count the date words of every article and those no date span covers."""
    spans = {aid: (g["char_start"].to_numpy(), g["char_end"].to_numpy())
             for aid, g in mentions.groupby("article_id", sort=False)}
    out = Tally()
    for aid, text in zip(articles["article_id"], articles["text"]):
        norm = normalize(text)
        starts, ends = spans.get(aid, (np.empty(0, int), np.empty(0, int)))
        for m in finder.regex.finditer(norm.text):
            kind = finder.classify(m)
            out.found[kind] += 1
            a, b = norm.to_original(m.start(), m.end())
            if np.any((starts < b) & (ends > a)):
                continue
            out.uncovered[kind] += 1
            key = pattern(norm.text, m.start(), m.end(), kind)
            out.patterns[kind][key] += 1
            if len(out.examples[kind, key]) < examples:
                context = text[max(0, a - 40):a] + "[" + text[a:b] + "]" + text[b:b + 30]
                out.examples[kind, key].append(f"{aid}: {context}".replace("\n", " "))
    return out


def report(t: Tally, top: int, out=None) -> None:
    out = out or sys.stdout
    print("class              found  uncovered", file=out)
    for kind in CLASSES:
        print(f"{kind:18} {t.found[kind]:6} {t.uncovered[kind]:10}", file=out)
    for kind in CLASSES:
        if not t.patterns[kind]:
            continue
        print(f"\n{kind}: the {min(top, len(t.patterns[kind]))} most frequent uncovered patterns", file=out)
        for key, n in t.patterns[kind].most_common(top):
            print(f"  {n:5}  {key}", file=out)
            for ex in t.examples[kind, key]:
                print(f"         {ex}", file=out)


def main(argv: list[str] | None = None) -> int:
    from dashboard.catalogues import load_catalogues
    from dashboard.paths import CATALOGUE_DIR

    ap = argparse.ArgumentParser(prog="python -m dashboard.quality.date_misses", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, type=Path, help="a built dataset folder")
    ap.add_argument("--catalogues", type=Path, default=CATALOGUE_DIR, help="catalogue folder (its date words)")
    ap.add_argument("--top", type=int, default=25, help="patterns listed per class")
    ap.add_argument("--examples", type=int, default=2, help="examples per pattern")
    args = ap.parse_args(argv)
    try:
        articles = pd.read_parquet(args.data / "articles.parquet", columns=["article_id", "text"])
        mentions = pd.read_parquet(args.data / "date_mentions.parquet", columns=["article_id", "char_start", "char_end"])
    except (OSError, ValueError) as exc:
        print(f"error: {args.data} is no readable dataset (articles.parquet, date_mentions.parquet): {exc}",
              file=sys.stderr)
        return 2
    finder = DateWordFinder(load_catalogues(args.catalogues).date_words)
    report(tally(articles, mentions, finder, args.examples), args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
