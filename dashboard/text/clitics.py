"""Arabic proclitics: the one inventory every matcher builds on (terms, entities, events, themes,
dates each match differently — dict lookups, regexes, corpus-backed stripping — but over these).

Proclitics stack in this order only: a conjunction (و ف), then a preposition (ب ل ك), then the
article ال; ل before ال is written لل (للولايات = ل + الولايات). All forms are folded text.
"""

from __future__ import annotations

from functools import lru_cache

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"


def prefixes() -> list[str]:
    """Every proclitic sequence (و, ب, ال, وبال, فلل ...), longest first."""
    out = set()
    for conj in ("", *CONJUNCTIONS):
        for prep in ("", *PREPOSITIONS):
            for art in ("", ARTICLE):
                out.add(conj + prep + art)
        out.add(conj + "لل")  # ل + ال
    out.discard("")
    return sorted(out, key=lambda p: (-len(p), p))


PREFIXES = prefixes()
# The prefixes by length, longest first: a word starts with at most one prefix of each length, so
# peeling looks up its first k letters once per length instead of trying every prefix (peel runs
# on every new word form of every extractor).
_PREFIX_LENGTHS = tuple((k, frozenset(p for p in PREFIXES if len(p) == k))
                        for k in sorted({len(p) for p in PREFIXES}, reverse=True))
_FIRST_LETTERS = frozenset(p[0] for p in PREFIXES)


def peel(form: str, min_stem: int = 2) -> list[str]:
    """``form`` itself, then every reading of it with a proclitic sequence removed (remainders of at
    least ``min_stem`` letters), longest proclitic first (the order of PREFIXES). A new list each
    call (callers extend it)."""
    if not form or form[0] not in _FIRST_LETTERS:
        return [form]
    return list(_peeled(form, min_stem))


# Every extractor peels the same words again and again (an article's forms, each asked by several
# matchers; a corpus has ~40x fewer distinct forms than tokens): one memo for all of them, bounded.
@lru_cache(maxsize=1 << 16)
def _peeled(form: str, min_stem: int) -> tuple[str, ...]:
    forms = [form]
    n = len(form)
    for k, prefixes_of_length in _PREFIX_LENGTHS:
        if n - k >= min_stem and form[:k] in prefixes_of_length:
            forms.append(form[k:])
    return tuple(forms)


def letter_class(letters: tuple[str, ...]) -> str:
    """A regex character class of single-letter proclitics, e.g. ``[وف]``."""
    return "[" + "".join(letters) + "]"


CONJUNCTION_CLASS = letter_class(CONJUNCTIONS)                 # [وف]
PREPOSITION_CLASS = letter_class(PREPOSITIONS)                 # [بلك]
PROCLITIC_LETTER_CLASS = letter_class(CONJUNCTIONS + PREPOSITIONS)  # [وفبلك]
# The article with what may stand before it: ب or ك in full, ل contracted (لل).
ARTICLE_PATTERN = f"(?:{letter_class(tuple(p for p in PREPOSITIONS if p != 'ل'))}?{ARTICLE}|لل)"


POSSESSIVES = ("ه", "ها", "هم")  # his, her/its, their: the suffixes a noun of a story takes


def possessive_forms(phrase: str) -> list[str]:
    """The phrase with its first word, a definite noun, in its possessive forms instead: "الحملة
    الانتخابية" -> "حملته الانتخابية"، "حملتها الانتخابية"، "حملتهم الانتخابية" (ة is written ت before
    the suffix; a sound plural drops its ن: "الناخبين" -> "ناخبيه"; a final ان, a dual's or the stem's, is
    left out). The words after it stay as
    written (the adjective keeps its article). Empty where the first word is no definite noun of at
    least three letters, or ends in * (any ending already)."""
    words = phrase.split()
    if not words or not words[0].startswith(ARTICLE) or words[0].endswith("*"):
        return []
    stem = words[0][len(ARTICLE):]
    if len(stem) < 3 or stem.endswith("ان"):  # a dual's ن or a stem's (الرئيسان، الإعلان): not told apart
        return []
    if stem.endswith("ة"):
        stem = stem[:-1] + "ت"
    elif stem.endswith(("ين", "ون")) and len(stem) > 4:
        stem = stem[:-1]  # مرشحي، مقترعو
    return [" ".join((stem + suffix, *words[1:])) for suffix in POSSESSIVES]
