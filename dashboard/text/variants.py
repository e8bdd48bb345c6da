"""Spelling-variant keys for transliterated foreign names.

Arabic news writes a foreign name the way its translator hears it: Mirziyoyev is ميرضيائيف،
ميرزيوييف، ميرزيوئيف، ميرضوييف، ميرزاييف; Tokayev توكاييف or توكافييف; Blinken بلينكن or بلينكين.
What stays put is the consonant skeleton. ``variant_key`` reduces a folded word to it:

- long vowels and hamza seats inside the word are dropped (ا و ي ء ئ ؤ), and ع, which
  transliteration uses for a vowel (عسكر / أسكار);
- consonants a translator picks between are one class: ز ض ظ ذ (z), ك ق غ ج (k/g/q),
  ت ط (t), س ص ث (s), ه ح (h), ب پ (b), ف ڤ (f/v); تش is written for ch and is ش;
- a doubled consonant is one (ييف and ف run into one ف once vowels are gone);
- a word-final vowel letter stays (-a, -i, -o): a feminine surname is another person
  (نزارباييفا, Dariga, is not نزارباييف, Nursultan), and final ه (ta marbuta or -a) counts as ا.

The key is deliberately coarse, so it must never be used alone: dashboard/extract/entities.py
only accepts a variant on a long word that is not a common Arabic word and that its article
supports (a title, the person's first name, their country, or an exact mention elsewhere).
"""

from __future__ import annotations

import re

from dashboard.text.word_frequencies import COMMON_ZIPF, common_zipf, in_large_list

# Folded text has no أ إ آ ى ة: normalize.fold turned them into ا ي ه.
_VOWELS = "اويءئؤع"
_CLASSES = {
    "ض": "ز", "ظ": "ز", "ذ": "ز",
    "ق": "ك", "غ": "ك", "ج": "ك", "گ": "ك", "ڨ": "ك",
    "ط": "ت", "ص": "س", "ث": "س", "ح": "ه",
    "پ": "ب", "ڤ": "ف", "چ": "ش",
}
_INNER = str.maketrans({**_CLASSES, **{v: None for v in _VOWELS}})
_FINAL_VOWEL = {"ا": "ا", "ه": "ا", "ي": "ي", "و": "و", "ء": "ا", "ئ": "ي"}
_DOUBLED = re.compile(r"(.)\1+")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")

# A variant is only considered on words at least this long (folded letters, proclitics
# peeled): short words collide with ordinary vocabulary far too often (رئيسي "main").
MIN_VARIANT_LETTERS = 6
# ... and only when its key keeps this many consonants (توكاييف -> تكف).
MIN_KEY_CONSONANTS = 3


def variant_key(word: str) -> str:
    """The consonant skeleton of one folded Arabic word ('' for non-Arabic input).

    >>> variant_key("ميرزيوئيف") == variant_key("ميرضيائيف") == variant_key("ميرزاييف")
    True
    >>> variant_key("نزارباييفا") == variant_key("نزارباييف")
    False
    """
    if not word or not _ARABIC_WORD.fullmatch(word):
        return ""
    final = _FINAL_VOWEL.get(word[-1], "")
    body = word[:-1] if final else word
    body = body.replace("تش", "ش")
    skeleton = _DOUBLED.sub(r"\1", body.translate(_INNER))
    return skeleton + final


def consonants(key: str) -> int:
    """Consonants of a key (its final vowel mark not counted)."""
    return len(key) - (1 if key and key[-1] in "ايو" else 0)


def name_key(words: tuple[str, ...] | list[str]) -> str:
    """Variant key of a name written as one word or several (نزار باييف = نزارباييف)."""
    return variant_key("".join(words))


def eligible(word: str) -> bool:
    """Long enough, and with enough consonants, to be matched by its variant key at all."""
    return len(word) >= MIN_VARIANT_LETTERS and consonants(variant_key(word)) >= MIN_KEY_CONSONANTS


def word_zipf(word: str) -> float:
    """How frequent a folded word is in ordinary Arabic text (wordfreq's Zipf scale; 0 below
    COMMON_ZIPF)."""
    return common_zipf(word)


def is_common_word(word: str, zipf: float = COMMON_ZIPF) -> bool:
    """Whether a folded word is at least this frequent in ordinary Arabic text (wordfreq)."""
    return word_zipf(word) >= zipf


# Attached pronouns and the future prefix: a verb's or noun's written form that wordfreq does not
# list whole (يرجئها، سيجرم) is known without them.
_PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "كم", "نا", "ني", "ك")
_FUTURE = re.compile(r"^[وف]?س(?=[يتنأ])")


def is_unknown_word(written: str, readings: list[str] = ()) -> bool:
    """Whether no form of a word, as written, with its proclitics, future prefix or attached
    pronoun taken off, is in wordfreq's large Arabic list at any frequency: a transliterated
    foreign name (حوكومة، إيلتشين), not a rare Arabic verb or noun (قبع، يرجئها، سيجرم، لمباهاة)."""
    from dashboard.text.clitics import peel

    forms = {written, *readings}
    for w in list(forms):
        for r in peel(w, 2):
            forms.add(r)
            forms.add(_FUTURE.sub("", r))
            forms.update(r[:-len(s)] for s in _PRONOUN_SUFFIXES if r.endswith(s) and len(r) - len(s) >= 2)
    return not any(in_large_list(w) for w in forms if w)


# Latin transliterations of one name differ in the same ways (Zhanaozen / Janaozen, Mangystau /
# Mangistau, Tokayev / Tokaev, Aqtobe / Aktobe): digraphs a language picks between are one letter,
# a run of vowels is one vowel (which one varies), a doubled letter is one.
_LATIN_DIGRAPHS = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("q", "k"),
                   ("y", "i"), ("w", "v"), ("x", "ks"))
_LATIN_WORD = re.compile(r"[a-z]+")
_LATIN_VOWELS = re.compile(r"[aeiou]+")
# A Latin word is read as a variant from this many letters (not Mandala for Mandalay), its key
# keeping this many consonants.
MIN_LATIN_LETTERS = 8
MIN_LATIN_CONSONANTS = 3
# ... or from this many, a word of a name of several (Kassym-Jomart Tokaev)
MIN_LATIN_LETTERS_IN_NAME = 4


def latin_key(word: str, min_letters: int = MIN_LATIN_LETTERS) -> str:
    """The consonant skeleton of one lower-case Latin word ('' for a short or non-Latin word).

    >>> latin_key("zhanaozen") == latin_key("janaozen") and latin_key("mangystau") == latin_key("mangistau")
    True
    """
    if len(word) < min_letters or not _LATIN_WORD.fullmatch(word):
        return ""
    word = latin_spelling(word)
    skeleton = _DOUBLED.sub(r"\1", _LATIN_VOWELS.sub("a", word))
    return skeleton if len(skeleton) - skeleton.count("a") >= min(MIN_LATIN_CONSONANTS, min_letters - 2) else ""


def latin_spelling(word: str) -> str:
    """A lower-case Latin word with the digraphs a language picks between made one letter."""
    for a, b in _LATIN_DIGRAPHS:
        word = word.replace(a, b)
    return word
