"""Unseen spellings of the catalogue's foreign names, and who a bare name is in its article.

Exact matching (entities.py) knows the spellings the catalogue lists. This module adds:

- **variant matches**: a word with the consonant skeleton of a person's or place's name
  (dashboard/text/variants.py: ميرزيوئيف ~ ميرضيائيف, توكافييف ~ توكاييف) is that entity when
  (1) it is long (MIN_VARIANT_LETTERS), (2) it is not a common Arabic word (wordfreq), (3) no
  other entity has the same skeleton, and (4) its article supports the reading: the entity is
  named exactly elsewhere in the article, or its country is named in the same sentence, or the
  word before it is the person's own first name, or a title / place word stands just before it
  (variant_context.yaml). Every such row says ``match = variant`` so an analyst can review it.
- **a person's bare surname or first name later in the article** (match = article): after
  "إبراهيم رئيسي", a later "رئيسي" is Raisi when a title stands before it (the catalogue cannot
  list رئيسي, "main", alone); "ورئيسي وزراء البلدين" (a dual in construct) never is.
- **other people of the same family name**: a surname preceded by a first name the catalogue
  knows for another person is not this person (a differing given name is never the same
  person): "عليا نزارباييف" is not Nursultan Nazarbayev; when that first name, in any spelling,
  is the first name of another person of the family, the mention is that person ("سيردار بيردي
  محمدوف" is Serdar, not his father Gurbanguly).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dashboard.extract.entity_catalogue import ADJECTIVE, NAME, Catalogue
from dashboard.text.clitics import PREFIXES, peel
from dashboard.text.normalize import fold
from dashboard.text.variants import (
    MIN_KEY_CONSONANTS,
    MIN_VARIANT_LETTERS,
    consonants,
    eligible,
    is_common_word,
    name_key,
    variant_key,
    word_zipf,
)
from dashboard.text.word_frequencies import in_large_list

EXACT, VARIANT, ARTICLE_NAME = "exact", "variant", "article"
# After a dual or a number the word is a noun in construct, not a name: "ورئيسي وزراء البلدين"
# ("and the two prime ministers of the two countries") is not Raisi.
CONSTRUCT_NEXT = frozenset({
    "وزراء", "الوزراء", "حكومتي", "الحكومتين", "مجلسي", "المجلسين", "البلدين", "الدولتين",
    "جمهوريتي", "الجمهوريتين", "لجنتي", "اللجنتين", "وفدي", "الوفدين", "دولتي", "برلماني",
    "البرلمانين", "اركان", "الاركان",
})
# Countries with short names are left out: CLDR and countries.yaml list their spellings, and on
# ANT their skeletons met ordinary words (الميناء ~ ألمانيا) and players' names. A country's name
# with a long skeleton (كازاخستان، أوزبكستان) has no such neighbours: an unseen spelling of it
# (قازاخستان) is the country without more support.
VARIANT_TYPES = frozenset({"person", "city", "region", "state_entity", "country"})
PLACE_TYPES = frozenset({"city", "region", "state_entity"})
MIN_COUNTRY_CONSONANTS = 5
# Countries and places whose one-word names are read with two neighbouring letters swapped
# (كازاختسان), from this many letters: no Arabic word is that close to a long foreign name.
TRANSPOSED_TYPES = frozenset({"country", "city", "region"})
MIN_TRANSPOSED_LETTERS = 7
# A person's one-word family name is read with its last letter lost (أتامبايي) from this many letters.
MIN_TRUNCATED_LETTERS = 8
# A place's variant needs a longer skeleton than a person's (a person's is also held by its
# first name or title): لينغارد (a footballer) is not لينينغراد.
MIN_PLACE_CONSONANTS = 4
# A person's variant supported only by the person's country somewhere in the article needs as
# long a skeleton (ميرزاييف -> مرزف).
MIN_ARTICLE_PERSON_CONSONANTS = 4
# A country's adjective is variant-matched from this many consonants in its skeleton (كازاخستاني
# -> كزخستني: six).
MIN_ADJECTIVE_CONSONANTS = 6
_PROCLITICS = frozenset(PREFIXES) | {""}
# Proclitic sequences that end in the article (folded): a word peeled of one is no first name.
_ARTICLES = ("ال", "لل")
# A first name is an unseen spelling of the person's own (same variant key) from this many letters.
MIN_OWN_VARIANT_LETTERS = 5
# Words before a bare name that make it an ordinary word ("أي شي", "كل شي": "any/every thing").
NOT_BEFORE_NAME = frozenset({"اي", "باي", "لاي", "واي", "كل", "بكل", "لكل", "وكل", "لا", "ولا", "هذا",
                             "وهذا", "بهذا", "هيك", "اول", "نفس", "بعض", "ايش", "شو", "مش"})
# Syllables of Chinese and Korean given names as Arabic text writes them: a bare family name next
# to one of them is another person's full name (كيم يونغ نام is not Kim Jong Un).
EAST_ASIAN_NAME_SYLLABLES = frozenset(fold(w) for w in {
    "يونغ", "يونج", "جونغ", "جونج", "يو", "جين", "شول", "نام", "هي", "مين", "سو", "كيونغ", "جي", "هوا",
    "لي", "وين", "ون", "تشي", "شياو", "هونغ", "مينغ", "يانغ", "بينغ", "تشيانغ", "غوانغ", "فنغ", "شان",
    "يي", "ليو", "وانغ", "تشانغ", "جانغ", "هو", "سونغ", "تشول", "إيل", "جاي", "سوك", "هيون", "كي",
    "سون",  # ري سون جون (Ri Son Gwon), not ري يونغ هو (ANT)
})
# Countries whose people's names put the family name first: a bare family name after the full
# name is the person (people.yaml parent).
FAMILY_NAME_FIRST = frozenset({"cn", "tw", "hk", "mo", "kp", "kr", "vn"})
# Parts of compound names that never name the person alone (جاويش أوغلو، أبو مازن).
NAME_PARTICLES = frozenset({"اوغلو", "بن", "بنت", "ال", "ابو", "ام", "عبد", "ولد", "زاده"})
# A bare part of a name met in full earlier in the article is a word, not the person, from this
# frequency on (Zipf, wordfreq): رئيسي 4.6, خان 4.7, غني 4.3 need a title before them; هاريس 4.0,
# سانشيز 3.95 do not. Names themselves are frequent, hence higher than COMMON_ZIPF.
ARTICLE_COMMON_ZIPF = 4.2
# A catalogue first name that ordinary text writes with the article about as often as without it
# (wordfreq: the Zipf of ال + word at least the word's own less this margin) is also a noun or an
# adjective: سياسات "policies" (4.41 / ال 4.49), عمر "age" (5.47 / 5.37), خليفة "successor", أزمات،
# أدوار، أمام. Before a known family name it is that noun in construct (سياسات ترامب، عمر بوتين،
# خليفة أردوغان), no relative's first name; given names stay far apart (محمد 6.11 / ال 3.35, أحمد
# 5.59 / 4.09, يوليا and ميشيل under 3 with the article). On all of ANT (31,523 articles) 47 of the
# 233 family names dropped as a relative's were after such a word: 46 nouns, one name (وليد).
NOUN_ARTICLE_MARGIN = 0.5
_MEMO_LIMIT = 200_000  # distinct word forms (and names) remembered per matcher, cleared when full
# Letters a translator picks between count as one in the edit distance (as in the variant key).
_SPELLING = str.maketrans({"ض": "ز", "ظ": "ز", "ذ": "ز", "ق": "ك", "غ": "ك", "ج": "ك", "ط": "ت",
                           "ص": "س", "ث": "س", "ح": "ه", "ئ": "ي", "ؤ": "و", "ء": "ا"})


# The Tajik (and Persian) patronymic suffix -zoda/-zade is written زاده، زودا، زوده، زادا (folded):
# one suffix, not two or three letters of difference (رسول زاده ~ راسولزودا, Rasulzoda).
_ZODA = re.compile(r"(?:زاد|زود)[اه]$")


def spelling(alias_or_word: str) -> str:
    return _ZODA.sub("زاده", alias_or_word.replace(" ", "").translate(_SPELLING))


def max_edits(length: int) -> int:
    """Edits allowed between a variant and a listed spelling: two, three from 10 letters."""
    return 2 if length < 10 else 3


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def within_edits(a: str, b: str, most: int) -> bool:
    """edit_distance(a, b) <= most, without computing it for lengths that already differ more."""
    return abs(len(a) - len(b)) <= most and edit_distance(a, b) <= most


@dataclass
class VariantNames:
    """Built once per catalogue (with the EntityMatcher); picklable."""

    index: dict[str, tuple[str, str, tuple[str, ...]]]  # variant key -> (entity id, an alias key,
    #                                                     every alias spelling with that key)
    ambiguous: dict[str, tuple[str, ...]]      # keys shared by several entities: never matched
    types: dict[str, str]
    parents: dict[str, str]
    given: dict[str, frozenset[str]]           # person id -> its first names (folded)
    all_given: frozenset[str]
    titles: frozenset[str]
    place_words: frozenset[str]
    long_names: frozenset[str]                 # persons whose display name has three words or more
    bare_names: dict[str, frozenset[str]]      # curated parts that name a person alone (people.yaml)
    # variant key of a first name -> the persons it is the first name of (سردار ~ سيردار)
    given_keys: dict[str, frozenset[str]] = field(default_factory=dict)
    # person id -> variant keys of the rest of their name after a first name (بردي محمدوف)
    family_keys: dict[str, frozenset[str]] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)  # person id -> folded display name
    # person id -> every word its names put before the family name (first names, a second first
    # name, a patronymic): a variant surname after them takes them into the mention
    forenames: dict[str, frozenset[str]] = field(default_factory=dict)
    # person id -> spellings (spelling()) of its family name: the words after the first name of
    # each of its multi-word names, and its one-word names
    family_spellings: dict[str, frozenset[str]] = field(default_factory=dict)
    display_words: dict[str, str] = field(default_factory=dict)  # person id -> its family name (folded)
    # a long one-word country or place name with two neighbouring letters swapped (كازاختسان for
    # كازاخستان, a typo the consonant skeleton does not forgive) -> (entity id, alias key)
    transposed: dict[str, tuple[str, str]] = field(default_factory=dict)
    # a person's long family name with its last letter lost (أتامبايي): read only where the person's
    # own first name stands before it or the article names the person as listed (truncated_support)
    truncated: frozenset[str] = frozenset()
    # variant keys of the first words of persons' two-word family names (بردي of بردي محمدوف)
    split_family: frozenset[str] = frozenset()
    # person id -> the last words (folded) of its two-word family names (محمدوف of بردي محمدوف):
    # after the full name, the word alone names the person (ArticleNames)
    family_tails: dict[str, frozenset[str]] = field(default_factory=dict)
    _memo: dict[str, tuple] = field(default_factory=dict, repr=False)
    _person_memo: dict[tuple[str, ...], str | None] = field(default_factory=dict, repr=False)
    _given_key_memo: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _masculine_families: frozenset[str] | None = field(default=None, repr=False)
    _split_memo: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _given_index: dict[str, tuple[str, ...]] | None = field(default=None, repr=False)

    @property
    def given_by_word(self) -> dict[str, tuple[str, ...]]:
        """first name (folded) -> the persons it is a first name of: ``given`` turned round, built
        at its first use."""
        if self._given_index is None:
            index: dict[str, list[str]] = {}
            for person, names in self.given.items():
                for name in names:
                    index.setdefault(name, []).append(person)
            self._given_index = {name: tuple(people) for name, people in index.items()}
        return self._given_index
    _bare_by_country: dict | None = field(default=None, repr=False)

    @classmethod
    def from_catalogue(cls, cat: Catalogue) -> VariantNames:
        by_key: dict[str, dict[str, str]] = {}
        given: dict[str, set[str]] = {}
        forenames: dict[str, set[str]] = {}
        given_keys: dict[str, set[str]] = {}
        family_keys: dict[str, set[str]] = {}
        family_spellings: dict[str, set[str]] = {}
        split_family: set[str] = set()
        family_tails: dict[str, set[str]] = {}
        for key, form in sorted(cat.forms.items()):
            entity = cat.entities[form.entity_id]
            if form.lead or entity.type not in VARIANT_TYPES or (
                    form.form != NAME and not (form.form == ADJECTIVE and entity.type == "country")):
                continue
            if form.form == ADJECTIVE and not (
                    len(form.tokens) == 1 and form.tokens[0].endswith(("ي", "يه"))
                    and consonants(variant_key(form.tokens[0])) >= MIN_ADJECTIVE_CONSONANTS):
                # a country's adjective is read like its name (الكازخستاني ~ الكازاخستاني), in the
                # singular and for the long -stan adjectives only: the plural and dual endings and
                # shorter stems meet ordinary words (مسيرتين ~ مصريتين، برتقالي ~ برتغالي)
                continue
            if entity.type == "person" and form.form == NAME and not any(t.isascii() for t in form.tokens):
                rest = form.tokens[1:] if len(form.tokens) > 1 and form.tokens[0] not in cat.variant_titles \
                    else form.tokens
                family_spellings.setdefault(entity.id, set()).add(spelling("".join(rest)))
            if entity.type == "person" and len(form.tokens) > 1 and not form.tokens[0].isascii():
                # every word before the family name (قاسم جومارت): its first names and patronymic
                forenames.setdefault(entity.id, set()).update(
                    t for t in form.tokens[:-1] if t not in cat.variant_titles)
                if form.tokens[0] not in cat.variant_titles:
                    given.setdefault(entity.id, set()).add(form.tokens[0])
                    first_key = variant_key(form.tokens[0])
                    if consonants(first_key) >= MIN_KEY_CONSONANTS:
                        given_keys.setdefault(first_key, set()).add(entity.id)
                        family_keys.setdefault(entity.id, set()).add(name_key(form.tokens[1:]))
            if entity.type == "person" and form.form == NAME and len(form.tokens) == 2 and \
                    not any(t.isascii() for t in form.tokens) and len(fold(entity.name_ar).split()) > 2 and \
                    name_key(form.tokens) == name_key(tuple(fold(entity.name_ar).split()[-2:])):
                # a family name of two words, the last two of the person's name (بردي محمدوف of
                # قربان قولي بردي محمدوف): its first word's skeleton, to read the two words of an
                # unseen spelling as one (بيردي محاميدوف)
                if form.tokens[0] not in NAME_PARTICLES:  # (بن سلمان: a nasab, not a family name)
                    split_family.add(variant_key(form.tokens[0]))
                    family_tails.setdefault(entity.id, set()).add(form.tokens[1])
            if any(t.isascii() for t in form.tokens):
                continue
            word = "".join(form.tokens)
            if not eligible(word):
                continue
            name = name_key(form.tokens)  # once: the minimums below and the index read it
            if (entity.type in PLACE_TYPES and consonants(name) < MIN_PLACE_CONSONANTS) or (
                    entity.type == "country" and (len(form.tokens) > 1 or form.tokens[0].startswith("ال") or
                                                  consonants(name) < MIN_COUNTRY_CONSONANTS)):
                # (a name with the article, البحرين، السلفادور, meets ل + a word: لسلفادور دالي,
                # and nisba plurals: البحريين "offshore")
                continue
            by_key.setdefault(name, {}).setdefault(entity.id, []).append(key)
        index = {k: (eid, keys[0], tuple(spelling(a) for a in keys))
                 for k, v in by_key.items() if len(v) == 1 for eid, keys in v.items()}
        transposed: dict[str, set[tuple[str, str]]] = {}
        for key, form in sorted(cat.forms.items()):
            entity = cat.entities[form.entity_id]
            word = form.tokens[0] if len(form.tokens) == 1 else ""
            if form.lead or form.form != NAME or entity.type not in TRANSPOSED_TYPES or \
                    len(word) < MIN_TRANSPOSED_LETTERS or word.isascii() or word.startswith("ال"):
                continue
            for k in range(len(word) - 1):
                if word[k] != word[k + 1]:
                    swapped = word[:k] + word[k + 1] + word[k] + word[k + 2:]
                    if swapped not in cat.forms:
                        transposed.setdefault(swapped, set()).add((entity.id, key))
        truncated: set[str] = set()
        for key, form in sorted(cat.forms.items()):
            # a long one-word family name with its last letter lost (أتامبايي for أتامباييف): the
            # skeleton drops a consonant, so it is looked up as written, like a swap
            word = form.tokens[0] if len(form.tokens) == 1 else ""
            if form.lead or form.form != NAME or cat.entities[form.entity_id].type != "person" or \
                    len(word) < MIN_TRUNCATED_LETTERS or word.isascii() or word.startswith("ال") or \
                    word[:-1] in cat.forms:
                continue
            transposed.setdefault(word[:-1], set()).add((form.entity_id, key))
            truncated.add(word[:-1])
        ambiguous = {k: tuple(sorted(v)) for k, v in by_key.items() if len(v) > 1}
        return cls(index, ambiguous, {e.id: e.type for e in cat.entities.values()},
                   {e.id: e.parent for e in cat.entities.values() if e.parent},
                   {k: frozenset(v) for k, v in given.items()},
                   # (a Chinese, Korean or Vietnamese name starts with the family name: كيم of كيم
                   # جونغ أون is no first name, and "قمة كيم مون" names two leaders)
                   frozenset(g for person, names in given.items()
                             if cat.entities[person].parent not in FAMILY_NAME_FIRST for g in names),
                   cat.variant_titles, cat.variant_place_words,
                   frozenset(e.id for e in cat.entities.values()
                             if e.type == "person" and len(e.name_ar.split()) > 2),
                   dict(cat.bare_names),
                   {k: frozenset(v) for k, v in given_keys.items()},
                   {k: frozenset(v) for k, v in family_keys.items()},
                   {e.id: fold(e.name_ar) for e in cat.entities.values() if e.id in cat.bare_names},
                   {k: frozenset(v) for k, v in forenames.items()},
                   {k: frozenset(v) for k, v in family_spellings.items()},
                   {e.id: fold(e.name_ar).split()[-1] for e in cat.entities.values()
                    if e.type == "person" and e.name_ar.strip()},
                   {w: min(v) for w, v in transposed.items() if len({e for e, _ in v}) == 1},
                   truncated=frozenset(truncated), split_family=frozenset(split_family),
                   family_tails={k: frozenset(v) for k, v in family_tails.items()})

    def candidate(self, word: str) -> tuple[int, str, str] | None:
        """(proclitic letters to skip, entity id, alias key) when ``word`` (a folded text token)
        may be an unseen spelling of a catalogue name, judged on the word alone."""
        if len(word) < MIN_VARIANT_LETTERS or word.isascii():
            return None
        hit = self._memo.get(word, ())
        if hit != ():
            return hit
        hit = None
        for reading in sorted(peel(word, MIN_VARIANT_LETTERS), key=len, reverse=True):  # least peeling first
            # a reading whose key no name has is passed over whether eligible or not: its key is
            # looked up first, once (name_key of one word is its variant_key)
            key = variant_key(reading)
            found = self.index.get(key)
            if found is not None and consonants(key) >= MIN_KEY_CONSONANTS:  # eligible(reading)
                # the skeleton alone is coarse (موروزوف has Mirziyoyev's): the spelling must
                # also be within a few letters of one of the name's listed spellings
                near = any(within_edits(spelling(reading), a, max_edits(len(reading))) for a in found[2])
                hit = None if not near or is_common_word(reading) or is_common_word(word) or \
                    self._word_behind_proclitic(word, found[0]) else \
                    (len(word) - len(reading), found[0], found[1])
                if hit is not None and reading[:1] == "و":
                    # the key is blind to a leading و: "وتوكافييف" has Tokayev's key with its و
                    # too, but the name is the word without it, nearer a listed spelling
                    hit = self._without_conjunction(word, reading, found) or hit
                break
            swap = self.transposed.get(reading)
            if swap is not None and not in_large_list(reading):
                hit = (len(word) - len(reading), swap[0], swap[1])
                break
        if len(self._memo) >= _MEMO_LIMIT:
            self._memo.clear()
        self._memo[word] = hit
        return hit

    def _without_conjunction(self, word: str, reading: str, found: tuple) -> tuple[int, str, str] | None:
        """candidate()'s hit for ``reading`` without its leading و when that is the name: the
        same entity's key, and nearer one of its listed spellings than with the و."""
        rest = reading[1:]
        if len(rest) < MIN_VARIANT_LETTERS or self.index.get(variant_key(rest), ("",))[0] != found[0]:
            return None
        with_w = min(edit_distance(spelling(reading), a) for a in found[2])
        without = min(edit_distance(spelling(rest), a) for a in found[2])
        return (len(word) - len(rest), found[0], found[1]) if without < with_w else None

    def _word_behind_proclitic(self, word: str, entity_id: str) -> bool:
        """Whether ``word`` is a common word with a proclitic glued to it, which the variant key
        (blind to a leading و) reads with the proclitic as part of the name: "وتوقيف" (and
        detention) has Tokayev's skeleton, and wordfreq lists توقيف only without its و. The
        length minimum holds for the word without its proclitics: a common form under
        MIN_VARIANT_LETTERS letters is that word. A common form of the length is a word too
        unless it is itself a spelling of the same name (وبنجلاديش: بنجلاديش is common, and
        Bangladesh's)."""
        for form in peel(word, 2)[1:]:
            if is_common_word(form) and (len(form) < MIN_VARIANT_LETTERS or
                                         self.index.get(variant_key(form), ("",))[0] != entity_id):
                return True
        return False

    def split_candidate(self, first: str, second: str) -> tuple[int, str, str] | None:
        """candidate() of two words read as one, when the first has the skeleton of the first word
        of a person's two-word family name (بيردي محاميدوف ~ بردي محمدوف) and the two together are
        an unseen spelling of a person's name."""
        if len(first) < 3 or len(second) < 4 or first.isascii() or second.isascii():
            return None
        keys = self._split_memo.get(first)
        if keys is None:
            if len(self._split_memo) >= _MEMO_LIMIT:
                self._split_memo.clear()
            # (the first word is no common word: "بين سلمان" is "between Salman", no بن سلمان)
            keys = self._split_memo[first] = frozenset(
                {variant_key(r) for r in peel(first, 3)} & self.split_family) if not any(
                is_common_word(r) for r in peel(first, 2)) else frozenset()
        if not keys:
            return None
        hit = self.candidate(first + second)
        # (the hit is that family name, its first word with the same skeleton: بن + a word is no
        # spelling of a one-word name)
        return hit if hit is not None and self.types.get(hit[1]) == "person" and " " in hit[2] and \
            variant_key(hit[2].split()[0]) in keys else None

    def person_named(self, words: tuple[str, ...]) -> str | None:
        """The catalogue person a full name found outside the catalogue (a provisional name:
        "نيكول باشينيا", "مارات أحمد جانوف") is an unseen spelling of, or None: the whole name
        has a person's skeleton and is within a few letters of one of the person's full names, or
        its first word is the person's first name (in any spelling) and the rest is within a few
        letters of the person's family name. A first name that differs is another person (a
        relative), never this one."""
        if len(words) < 2 or any(w.isascii() for w in words):
            return None
        # a name found in one article turns up in many (edit distances to every person of a
        # common first name): remembered, the answer being the catalogue's alone
        memo = self._person_memo
        if words not in memo:
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[words] = self._person_named(words)
        return memo[words]

    def _person_named(self, words: tuple[str, ...]) -> str | None:
        joined = spelling("".join(words))
        found = self.index.get(name_key(words))
        if found is not None and self.types.get(found[0]) == "person" and \
                any(within_edits(joined, a, max_edits(len(joined))) for a in found[2]):
            return found[0]
        first_key = variant_key(words[0])
        people = set(self.given_by_word.get(words[0], ())) | \
            set(self.given_keys.get(first_key, ()) if consonants(first_key) >= MIN_KEY_CONSONANTS else ())
        rest = spelling("".join(words[1:]))
        if len(rest) < MIN_VARIANT_LETTERS:
            return None  # a short family name is too easily another one (جون كيربي is not جون كيري)
        most = max_edits(len(rest)) - 1
        near = sorted(p for p in people
                      if any(within_edits(rest, f, most) for f in self.family_spellings.get(p, ())))
        if len(near) == 1:
            return near[0]
        if near or len(words) < 3:
            return None
        # a long family name garbled past the few letters above, behind the person's own given
        # names in full (قوربان غولي موخميدوف: both given words have قربان قولي's skeleton, and
        # موخميدوف drops بردي and is one consonant from محمدوف's skeleton): the given names, two
        # words or more, are the evidence, the family name's last word need only be close
        last = variant_key(words[-1])
        if len(words[-1]) < MIN_VARIANT_LETTERS or consonants(last) < MIN_KEY_CONSONANTS or \
                words[-1].startswith("ال") or \
                any(w in NAME_PARTICLES or is_common_word(w) for w in words[:-1]):
            # (the given names must be rare words, the family name a transliteration: an Arab name,
            # عبد الله المعيني، محمد سعيد الصحاف, is no garbled عبد الله الثاني or عبيدالله)
            return None
        garbled = sorted(p for p in people if self._given_keys_of(p) >= {variant_key(w) for w in words[:-1]}
                         and p in self.display_words and within_edits(last, variant_key(self.display_words[p]), 1))
        return garbled[0] if len(garbled) == 1 else None

    def feminine_family_name(self, word: str) -> bool:
        """Whether a folded family name is the feminine form a family's women share: -ova/-eva
        (علييفا), or a catalogue family name with ا added (نزارباييفا). A name that ends in ا as
        the man's own does not (ماتاريلا, Mattarella; ماتريلا, an unseen spelling of it)."""
        if not word.endswith("ا"):
            return False
        if word.endswith(_FEMININE_ENDINGS):
            return True
        if self._masculine_families is None:
            self._masculine_families = frozenset(f for fs in self.family_spellings.values() for f in fs)
        return spelling(word[:-1]) in self._masculine_families

    def _given_keys_of(self, person: str) -> frozenset[str]:
        """The variant keys of the words a person's names put before the family name."""
        keys = self._given_key_memo.get(person)
        if keys is None:
            keys = self._given_key_memo[person] = frozenset(
                variant_key(f) for f in self.forenames.get(person, ()))
        return keys

    def _readings(self, word: str) -> list[str]:
        return peel(word, 1)

    def given_reading(self, entity_id: str, word: str) -> str | None:
        """``word`` with its proclitics peeled when it is one of the words the person's names
        put before the family name (قاسم، جومارت)."""
        own = self.forenames.get(entity_id, frozenset())
        return next((r for r in self._readings(word) if r in own), None)

    def given_name_of_another(self, entity_id: str, previous: str | None, before: str | None = None) -> bool:
        """The word before a person's surname is a first name the catalogue knows for someone
        else, and not one of this person's: another member of the family. ``before`` is the word
        before ``previous`` (None at the start of the text)."""
        if previous is None or self.types.get(entity_id) != "person":
            return False
        if previous in self.titles:
            return False  # الإمام الخامنئي: a title (إمام is also a first name: إمام علي رحمون)
        # a name takes no article: "الشهر الماضي ساغينتايف" ("last month", not ماضي), "المرشح الوحيد
        # باشنيان" ("the only candidate", not وحيد); a first name written with its article is one
        # the catalogue lists so (السلطان)
        readings = [r for r in self._readings(previous) if not previous[:len(previous) - len(r)].endswith(_ARTICLES)]
        # a two-letter first name (هو، لي، شي of Chinese names) is also a pronoun or particle:
        # "هو (ترامب)" is "he (Trump)", no relative
        # (a particle that opens a name is no first name: "زوجة ابن ترامب" is Trump's son's wife)
        names = [r for r in readings if r in self.all_given and len(r) > 2 and r not in NAME_PARTICLES and r != "ابن"]
        if not names:
            return False
        # the person's own first names and the other words of its names (عبد العزيز كاميلوف)
        own = self.given.get(entity_id, frozenset()) | self.forenames.get(entity_id, frozenset())
        if any(r in own for r in readings) or self.own_words_before(entity_id, previous, before) is not None:
            return False
        # a noun in construct (سياسات ترامب، عمر بوتين) is no first name, unless the catalogue knows
        # it as the first name of someone of this very family (عليا نزارباييف is Aliya)
        return not all(noun_reading(r) for r in names) or self.family_given(entity_id, names)

    def family_given(self, entity_id: str, names: list[str]) -> bool:
        """One of ``names`` (folded first names) is the first name of another catalogue person of
        ``entity_id``'s family: a spelling of their family names is the same, the feminine -a
        aside (عليا نزارباييفا and نور سلطان نزارباييف)."""
        family = {k.removesuffix("ا") for k in self.family_spellings.get(entity_id, ())}
        for name in names:
            for other in self.given_by_word.get(name, ()):
                if other != entity_id and any(k.removesuffix("ا") in family for k in self.family_spellings.get(other, ())):
                    return True
        return False

    def own_reading(self, entity_id: str, word: str) -> tuple[str, bool] | None:
        """(``word`` without its proclitics, whether written as the catalogue writes it) when it
        is one of the person's own first names or other words before its family name (قاسم،
        جومارت), or an unseen spelling of one (ديميتري for دميتري, سيرجي for سيرغي). Long names
        only for spellings (عليا is not علي: a daughter is not her father)."""
        own = self.forenames.get(entity_id)
        if not own:
            return None
        readings = self._readings(word)
        exact = next((r for r in readings if r in own), None)
        if exact is not None:
            return exact, True
        own_keys = {variant_key(g) for g in own if len(g) >= MIN_OWN_VARIANT_LETTERS}
        return next(((r, False) for r in readings if len(r) >= MIN_OWN_VARIANT_LETTERS and variant_key(r) in own_keys), None)

    def own_words_before(self, entity_id: str, previous: str, before: str | None) -> tuple[int, str] | None:
        """(how many words, the first one without its proclitics) when the words right before a
        person's family name are the person's own names: an unseen spelling of its own first name
        (ديميتري بيسكوف: one word), or a middle name after its own first name (مصطفى كمال مدبولي،
        باراك حسين أوباما: two words; not a first name joined by و, a second person's: "سيرغي
        ويوليا سكريبال" names the daughter too)."""
        if self.types.get(entity_id) != "person":
            return None
        own = self.own_reading(entity_id, previous)
        if own is not None:
            return 1, own[0]
        if before is not None and previous in self.all_given:
            own = self.own_reading(entity_id, before)
            if own is not None and own[1]:
                return 2, own[0]
        return None

    def relative_named(self, entity_id: str, words: tuple[str, ...], previous: str | None) -> tuple[str, str] | None:
        """(the other person, the first name as written without proclitics) when the word before
        a person's family name ``words`` is, in any spelling, the first name of another person of
        that family and not one of this person's: "سيردار بيردي محمدوف" is Serdar, not his
        father, though the catalogue spells Serdar سردار."""
        if previous is None or self.types.get(entity_id) != "person":
            return None
        own = self.given.get(entity_id, frozenset())
        own_keys = {variant_key(g) for g in own}
        family = name_key(words)
        for reading in self._readings(previous):
            if reading in own or len(reading) < 4:
                continue
            key = variant_key(reading)
            if key in own_keys or is_common_word(reading):
                continue
            # (a woman named with her father's masculine surname, "داريجا نزارباييف" for Dariga
            # Nazarbayeva, is still the woman: the feminine -a is the one letter the text lacks)
            others = [o for o in self.given_keys.get(key, ()) if o != entity_id and
                      not self.family_keys.get(o, frozenset()).isdisjoint((family, family + "ا"))]
            if len(others) == 1:
                return others[0], reading
        return None

    def support(self, entity_id: str, key: str, before: list[str], sentence_entities: set[str],
                article_entities: set[str]) -> tuple[str, bool] | None:
        """Why the article supports reading a variant as ``entity_id`` (and whether the word
        before is the person's first name, to include in the mention), or None.
        ``before``: the one or two folded words before it, nearest last."""
        if self.types.get(entity_id) == "country":
            return "a country's long name", False
        prev = self._readings(before[-1]) if before else []
        if any(r in self.forenames.get(entity_id, ()) for r in prev):
            return "first name", True
        if entity_id in article_entities:
            return "named in the article", False
        parent = self.parents.get(entity_id)
        # a person's country in the sentence ("قال ميرضوييف إن أوزبكستان"); not for places: a
        # World Cup article names Russia in every sentence
        if parent and parent in sentence_entities and self.types.get(entity_id) == "person" and \
                consonants(key) >= MIN_PLACE_CONSONANTS:
            return f"{parent} in the sentence", False
        # ... or in the article, for a long skeleton (ميرزاييف in an article on Uzbekistan): four
        # consonants or more and within a few letters of a listed spelling (candidate()) leave
        # no ordinary word, and a namesake of a head of state is rarely in the news of his country
        if parent and parent in article_entities and self.types.get(entity_id) == "person" and \
                consonants(key) >= MIN_ARTICLE_PERSON_CONSONANTS and \
                not self.display_words.get(entity_id, "").startswith("ال"):
            # (an Arabic family name with the article, البيرق, is no transliteration: البريك is
            # another name, not a spelling of it)
            return f"{parent} in the article", False
        if before:
            place = self.types.get(entity_id) in PLACE_TYPES
            if place and not (parent and parent in article_entities):
                return None  # "منطقة شينجين" (Schengen): a place word alone is not enough
            words = self.place_words if place else self.titles
            near = [r for w in before for r in self._readings(w)]
            if len(before) == 2:
                near += [f"{before[0]} {r}" for r in prev]
            hit = next((w for w in near if w in words), None)
            if hit:
                return f"after {hit}", False
        return None

    @property
    def bare_by_country(self) -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
        """country id -> (person id, curated bare names) of the persons acting for it."""
        found = self._bare_by_country
        if found is None:
            grouped: dict[str, list[tuple[str, frozenset[str]]]] = {}
            for entity_id, bare in sorted(self.bare_names.items()):
                parent = self.parents.get(entity_id)
                if parent:
                    grouped.setdefault(parent, []).append((entity_id, bare))
            found = self._bare_by_country = {k: tuple(v) for k, v in grouped.items()}
        return found

    def article_names(self, full_names: list[tuple[int, str, tuple[str, ...]]],
                      by_first: dict[str, Any], named: set[str] | None = None) -> ArticleNames:
        """The bare surnames and first names an article's full-name mentions make readable, and
        the curated bare names (شي) of the persons whose country the article names (``named``:
        the entity ids found so far), readable anywhere in it."""
        parts: dict[str, dict[str, tuple[int, str]]] = {}
        present = (set(named) | {e for _, e, _ in full_names}) if named is not None else None
        named = named or frozenset()
        for country in sorted(named & self.bare_by_country.keys()):
            for entity_id, bare in self.bare_by_country[country]:
                name = self.display.get(entity_id, entity_id)
                for part in bare:
                    parts.setdefault(part, {})[entity_id] = (-1, name, True, True)

        def rare_given(part: str, entity_id: str, words: tuple[str, ...]) -> bool:
            # a rare given name that starts the person's own alias (سورونباي of "سورونباي
            # جينبيكوف") names the person alone after the full name; a common one (نور، قاسم)
            # is a word or anybody's
            # and no other person of that given name is named in the article (when the caller
            # says which are: the catalogue's matcher), or in the catalogue (the unreviewed
            # names' finder): سردار of Serdar Berdimuhamedov, not of Serdar Umurzakov
            others = {c[2] for c in by_first.get(part, ())} - {entity_id}
            return part == words[0] and len(part) >= _MIN_ALONE_GIVEN and not is_common_word(part) \
                and not (others & present if present is not None else others)

        # the persons each last word of a full name ends (سردار بردي محمدوف and قربان قولي بردي
        # محمدوف: محمدوف alone is neither father nor son)
        ending: dict[str, set[str]] = {}
        for _begin, entity_id, words in full_names:
            ending.setdefault(words[-1], set()).add(entity_id)
        for begin, entity_id, words in full_names:
            if any(w.isascii() for w in words):
                continue
            key = " ".join(words)
            # a Russian patronymic between the given and the family name (سورونباي شاريبوفيتش
            # جينبيكوف) makes the name no longer: the person is still named by the two
            if len(words) == 3 and words[1].endswith(_PATRONYMICS):
                words = (words[0], words[2])
            curated = self.bare_names.get(entity_id, frozenset())
            # شي جين بينغ، محمد بن زايد آل نهيان: a lone part is not how text names them, unless
            # the catalogue says so (bare_names: شي)
            found = set(curated) if len(words) > 2 or entity_id in self.long_names else \
                {words[0], words[-1]} | curated
            # Chinese, Korean and Vietnamese names put the family name first (تشين قانغ -> تشين):
            # it names the person alone, though it starts the full name's alias
            family_first = words[0] if self.parents.get(entity_id) in FAMILY_NAME_FIRST else None
            if family_first:
                found = {family_first} | set(curated)
            tails = self.family_tails.get(entity_id, frozenset())
            if len(words) > 1 and words[-1] in tails and len(words[-1]) >= _MIN_ALONE_FAMILY_TAIL and \
                    not is_common_word(words[-1]) and ending[words[-1]] == {entity_id}:
                # the last word of a two-word family name (محمدوف of قربان قولي بردي محمدوف) names
                # the person alone after the full name, as a one-word family name does; a short or
                # common one (زاده، الدين) never
                found.add(words[-1])
            if len(words) > 2 and words[-1] in DETACHED_SUFFIXES and len(words[-2]) > 2 and \
                    words[-2] not in NAME_PARTICLES:
                # a family name of two words with a patronymic suffix of its own (رحيم زاده of رمضان
                # رحيم زاده، جاويش أوغلو): the two name the person alone after the full name
                found.add(f"{words[-2]} {words[-1]}")
            if (len(words) > 2 or entity_id in self.long_names) and not family_first and rare_given(words[0], entity_id, words):
                # so in a longer name (سردار of سردار بردي محمدوف, a Turkmen given name alone after
                # the full name), though none of its other parts names the person alone
                found.add(words[0])
            for part in found:
                own_rare_given = rare_given(part, entity_id, words)
                # (a two-letter family name put first, وي of وي فنغ خه, not curated, names the person alone
                # when it is no frequent word, and only as written: كوي is no ك + وي)
                short = 2 if part == family_first and not is_common_word(part, ARTICLE_COMMON_ZIPF) else 3
                if part not in curated and (part in NAME_PARTICLES or len(part) < short or part in self.titles
                                            or (part in by_first and part != family_first and not own_rare_given)):
                    continue  # a catalogue alias on its own, or the start of one: exact matching's
                seen = parts.setdefault(part, {})
                if entity_id not in seen or begin < seen[entity_id][0]:
                    seen[entity_id] = (begin, key, part in curated, part in curated or part == family_first)
        unique = {p: next(iter(e.items())) for p, e in parts.items() if len(e) == 1}
        first = max(0, min((pos for _, (pos, *_) in unique.values()), default=0))
        named_at: dict[str, int] = {}  # person -> its first full-name mention
        for begin, entity_id, _words in full_names:
            named_at[entity_id] = min(begin, named_at.get(entity_id, begin))
        return ArticleNames(self, unique, first, named_at=named_at)


# Folded endings of Russian patronymics (-ovich, -evich, -ovna, -evna).
_PATRONYMICS = ("وفيتش", "يفيتش", "فيتش", "وفنا", "يفنا")
# A given name alone is read as the person from this many letters (سورونباي).
_MIN_ALONE_GIVEN = 5
# The Tajik and Turkish patronymic suffixes written as a word of their own (رستم لطيف زاده، جاويش
# أوغلو), folded: ordinary words alone (زاده "increased it"), the end of a name after one; with the
# word before them a family name of two words (رحيم زاده of رمضان رحيم زاده).
DETACHED_SUFFIXES = frozenset({"زاده", "زوده", "زودا", "زادا", "اوغلو"})
# The last word of a two-word family name is read alone from this many letters (محمدوف).
_MIN_ALONE_FAMILY_TAIL = 6
# Folded endings of Russian-style feminine family names (-ova, -eva: علييفا، نزارباييفا).
_FEMININE_ENDINGS = ("وفا", "يفا")


def noun_reading(word: str) -> bool:
    """A folded first name is also an ordinary noun or adjective (NOUN_ARTICLE_MARGIN): text writes
    it with the article about as often as without. A word that has the article (السلطان) is one
    when the word without it is common (a title: "السلطان أردوغان"; not الكسندر)."""
    if word.startswith("ال"):
        return is_common_word(word[2:])
    zipf = word_zipf(word)
    return zipf > 0 and word_zipf("ال" + word) >= zipf - NOUN_ARTICLE_MARGIN


def _NAME_NOT_ADJECTIVE(previous: str, following_definite: bool = False) -> bool:
    """The word before a bare surname that is also a masculine adjective (رئيسي "main") shows it is
    no adjective: a feminine noun in the construct state ("ولاية رئيسي", "حكومة رئيسي": the
    adjective would be رئيسية), a demonstrative after the verb ("وصرح بذلك رئيسي"), a particle
    that a noun or name follows ("يذكر أن رئيسي سيلتقي"), or a preposition ("مع رئيسي"), unless a
    definite word follows the preposition's noun: a dual in construct with a word with the article
    or a name ("بين رئيسي البلدين", "مع رئيسي تركيا وأوزبكستان")."""
    return (previous.endswith("ه") and not previous.startswith("ال") and len(previous) >= 4) or \
        previous in _BEFORE_SUBJECT or (previous in _PREPOSITIONS_BEFORE_NAME and not following_definite)


# Words after which a verb's subject or a particle's noun, never an adjective, follows (folded):
# demonstratives after the verb, and أن، إن with their proclitics.
_BEFORE_SUBJECT = frozenset({"بذلك", "ذلك", "بهذا", "ان", "وان", "فان", "بان", "لان", "لكن", "ولكن"})
# "في استقبال رئيسي" ("Raisi was received by"): the verbal noun after a preposition is in construct
# with the one received, never described by an adjective ("a main reception" has no preposition
# before it in news copy); folded.
_RECEIVING = frozenset({"استقبال"})
_BEFORE_RECEIVING = frozenset({"في", "وفي", "لدي", "ولدي", "خلال", "عند", "وعند", "اثناء", "بعد", "وبعد", "قبل"})
# Prepositions (folded): a noun follows them, never an adjective.
_PREPOSITIONS_BEFORE_NAME = frozenset({"مع", "ومع", "الي", "والي", "عن", "وعن", "لدي", "بين", "وبين"})


@dataclass
class ArticleNames:
    variants: VariantNames
    # name part -> (person id, (first full mention, its key, whether the catalogue lists the part,
    # whether it is a bare family name or curated part that other people share: شي، كيم))
    parts: dict[str, tuple[str, tuple[int, str, bool, bool]]]
    first: int
    _by_length: list[str] | None = None
    _written: frozenset[str] | None = None
    # part -> the first word where it was another person's family name (a relative's first name
    # before it, person_at): "النائب العام يوسف رحمن"
    relatives: dict[str, int] = field(default_factory=dict)
    named_at: dict[str, int] = field(default_factory=dict)  # person -> its first full-name mention

    @property
    def written(self) -> frozenset[str]:
        """Every way a part can be written with proclitics (وهاريس): a word outside it is no part."""
        if self._written is None:
            self._written = frozenset(prefix + part for part in self.parts for prefix in _PROCLITICS)
        return self._written

    @property
    def by_length(self) -> list[str]:
        """The parts, longest first (a longer reading wins, as peeling least does)."""
        if self._by_length is None:
            self._by_length = sorted(self.parts, key=len, reverse=True)
        return self._by_length

    def pair_at(self, forms: list[str], covered: list[bool], i: int,
                another_given: Callable[[str, int], bool] | None = None) -> tuple[str, int, str] | None:
        """(person id, proclitic letters to skip, the full name's key) when words ``i`` and ``i + 1``
        are a part of two words met earlier in the article: a curated bare name of two words, a
        family name of two words alone after the full name ("وقال رحيم زاده" after رمضان رحيم
        زاده). The guards of person_at that a name of two words needs: after the full name, never
        after another member of the family's first name."""
        if i + 1 >= len(forms) or covered[i] or covered[i + 1]:
            return None
        for part in self.pairs:
            first, second = part.split(" ", 1)
            word = forms[i]
            if forms[i + 1] != second or not word.endswith(first) or word[:len(word) - len(first)] not in _PROCLITICS:
                continue
            entity_id, (begin, key, _curated, _guarded) = self.parts[part]
            if i <= begin or (i and forms[i - 1] in NOT_BEFORE_NAME):
                return None
            if i and (another_given(entity_id, i - 1) if another_given is not None else
                      self.variants.given_name_of_another(entity_id, forms[i - 1], forms[i - 2] if i > 1 else None)):
                return None
            return entity_id, len(word) - len(first), key
        return None

    @property
    def pairs(self) -> list[str]:
        """The parts of two words (رحيم زاده), longest first."""
        return [p for p in self.by_length if " " in p]

    def person_at(self, forms: list[str], covered: list[bool], i: int,
                  another_given: Callable[[str, int], bool] | None = None) -> tuple[str, int, str] | None:
        """(person id, proclitic letters to skip, the full name's key) when word ``i`` is a bare
        part of a person's name met earlier in the article. ``another_given(person, k)``: word k is
        the first name of another member of the person's family, as the matcher reads it
        (entities.EntityMatcher._another_given: joined to the name, written as no preposition);
        without it, given_name_of_another alone."""
        word = forms[i]
        # the word is a part itself or a part behind proclitics (وهاريس): no peeling of every word
        readings = [p for p in self.by_length if word.endswith(p) and word[:len(word) - len(p)] in _PROCLITICS
                    and (len(p) > 2 or p == word or self.parts[p][1][2])]
        for reading in readings:
            entity_id, (begin, key, curated, guarded) = self.parts[reading]
            if i <= begin:
                return None
            if i + 1 < len(forms) and forms[i + 1] in CONSTRUCT_NEXT:
                return None
            if i and forms[i - 1] in NOT_BEFORE_NAME:
                return None  # "أي شي": the colloquial word for a thing
            if guarded and ((i + 1 < len(forms) and forms[i + 1] in EAST_ASIAN_NAME_SYLLABLES)
                            or (i and forms[i - 1] in EAST_ASIAN_NAME_SYLLABLES)):
                return None  # "كيم يونغ نام", "ليو شي": another person of the same family name
            if begin < 0 and self.relatives.get(reading, i) < i and self.named_at.get(entity_id, i) >= i:
                # a curated bare name read because the article names the person's country, after
                # the article named another person of that family name and never this one: the
                # other ("النائب العام يوسف رحمن ... وقال رحمن", test19; the provisional finder's)
                return None
            if i and (another_given(entity_id, i - 1) if another_given is not None else
                      self.variants.given_name_of_another(entity_id, forms[i - 1], forms[i - 2] if i > 1 else None)):
                self.relatives.setdefault(reading, i)
                return None
            # رئيسي "main", غني "rich", خان: only as a title's name ("الرئيس الإيراني رئيسي")
            if not curated and is_common_word(reading, ARTICLE_COMMON_ZIPF):
                near = [r for j in range(max(0, i - 3), i) for r in peel(forms[j], 1)]
                # a title of two words too ("آية الله رئيسي")
                near += [f"{forms[j]} {forms[j + 1]}" for j in range(max(0, i - 3), i - 1)]
                if not any(r in self.variants.titles for r in near) and \
                        not (i > 1 and forms[i - 1] in _RECEIVING and forms[i - 2] in _BEFORE_RECEIVING) and \
                        not (i and _NAME_NOT_ADJECTIVE(forms[i - 1], i + 1 < len(forms) and (
                            # a name right after, not a list's next item (بين كيم وترامب)
                            forms[i + 1].startswith("ال") or covered[i + 1] and not forms[i + 1].startswith("و")))):
                    return None
            return entity_id, len(word) - len(reading), key
        return None
