"""Entity mentions: clitic-aware longest match of catalogue aliases over a Doc's tokens.

How it stays fast (the build runs it over every ANT article): every way a first alias word can
be written with proclitics glued on (وروسيا، لروسيا، للولايات، بالكرملين ...) is precomputed
into one dict, so each text token costs a single lookup; only a hit looks at the next tokens.
A token matches only as a whole word after peeling, so توكايا is never توكاييف.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import compress

import numpy as np
import pandas as pd

from dashboard.extract.entity_catalogue import (
    ADJECTIVE,
    ANY_CITY,
    NAME,
    WORDS_BEFORE,
    Catalogue,
    ContextRule,
    gap_key,
)
from dashboard.extract.variant_names import (
    ARTICLE_NAME,
    EXACT,
    FAMILY_NAME_FIRST,
    NAME_PARTICLES,
    PLACE_TYPES,
    VARIANT,
    VARIANT_TYPES,
    VariantNames,
    edit_distance,
    noun_reading,
    spelling,
    within_edits,
)
from dashboard.schema import conform
from dashboard.text.clitics import ARTICLE, CONJUNCTIONS, PREPOSITIONS, peel
from dashboard.text.document import Doc
from dashboard.text.normalize import fold, strip_marks
from dashboard.text.variants import (
    MIN_KEY_CONSONANTS,
    MIN_LATIN_LETTERS,
    MIN_LATIN_LETTERS_IN_NAME,
    MIN_VARIANT_LETTERS,
    consonants,
    is_common_word,
    is_unknown_word,
    latin_key,
    latin_spelling,
    name_key,
    variant_key,
    word_zipf,
)

_SPLIT = re.compile(r"[-‐‑'’]")
_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029]")
# A body's name followed by a plus sign (أوبك+، OPEC +): another body (plus_bodies).
_PLUS = re.compile(r"[ \t]?\+")
# Between a noun and the quoted name of a thing named after a person: spaces and an opening quote.
_QUOTES_GAP = re.compile(r"[ \t\u00a0]*[\"«“][ \t\u00a0]*")
# Between a first name and a family name: spaces, a hyphen, quotes (a nickname: يوسف إبراهيم "أوباما")
# or a hashtag's underscore and # (#يوليا_سكريبال); no colon or comma.
_NAME_JOIN = re.compile(r"[ \t\u00a0_#\"«»“”-]+")
# Between the parts of one name: spaces or a hyphen on one line (نور سلطان - نزارباييف).
_NAME_GAP = re.compile(r"[ \t\u00a0]*[-‐‑]?[ \t\u00a0]*")

# على، إلى، حتى، لدى written with ي (and و or ف glued on): a text that writes no ى and two of these
# writes every final ى so (EntityMatcher._function_word).
_YA_FOR_ALIF_MAQSURA = re.compile(r"(?<![\w])[وف]?(?:علي|الي|إلي|حتي|لدي)(?![\w])")

# The word that links a nasab: in "حمدان بن محمد بن راشد" the person is حمدان; the father's
# name after بن is part of the son's name, no mention of the father. (ابن، ابنة، بنت are also the
# nouns "son", "daughter": "ابنة ترامب" speaks of Trump.)
NASAB_LINK = "بن"
# Russian patronymics (-ovich, -ovna: أبيشيفيتش، بتروفنا) stand between a given name and a surname.
PATRONYMIC_ENDINGS = ("يتش", "فنا")
# The Russian adjectival ending of a region's name (Жамбылская -> جامبيلسك): the region.
_REGION_SUFFIX = "سك"

# The key of a mention row that only the event linker reads (EntityMatcher._inside_event_names).
INSIDE_EVENT_NAME = "inside_event_name"

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
                # a name whose أل is no article (ألمانيا، ألماتي; folded المانيا) keeps it after ل:
                # "لألمانيا"
                out.append((prefix + first, len(prefix)))
            else:
                out.append((prefix + first, len(prefix)))
    return out



def _article_readings(form: str) -> list[str]:
    """``form`` with its proclitics peeled (clitics.peel), and ل + ال read back as ال: "للعالم"
    is ل + العالم (peel alone gives عالم and لعالم, never the word with its article)."""
    readings = peel(form, 2)
    return readings + [ARTICLE + r[2:] for r in readings if r.startswith("لل") and len(r) > 3]


def _mention_row(doc: Doc, a: int, b: int, entity_id: str, form: str, alias: str, match: str) -> dict:
    """One entity_mentions row for the original text's span [a, b)."""
    return {
        "article_id": doc.article_id, "sentence_id": doc.sentence_at(a),
        "entity_id": entity_id, "surface": doc.text[a:b], "char_start": a, "char_end": b,
        "form": form, "alias": alias, "match": match,
    }

class EntityMatcher:
    """Built once (about half a second), reused for every article; picklable."""

    def __init__(self, catalogue: Catalogue):
        self.rules: list[ContextRule] = catalogue.rules
        self.variants = VariantNames.from_catalogue(catalogue)
        self._function_words = catalogue.function_words_as_written
        # a Latin-letter name (Kyrgyzstan, Tajik, Mangystau) is one only when capitalised
        # Latin names of persons and places by their words' skeletons (latin_key), for unseen
        # transliterations (Janaozen, Mangistau, Kassym-Jomart Tokaev). A skeleton two entities
        # share is no one's.
        latin: dict[tuple[str, ...], set[str]] = {}
        spellings: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        for form in catalogue.forms.values():
            etype = catalogue.entities[form.entity_id].type
            if form.lead or form.form != NAME or etype not in VARIANT_TYPES or \
                    not all(t.isascii() and t.isalpha() for t in form.tokens):
                continue
            least = MIN_LATIN_LETTERS if len(form.tokens) == 1 else MIN_LATIN_LETTERS_IN_NAME
            keys = [(tuple(latin_key(t, least) for t in form.tokens), form.tokens)]
            for key, tokens in keys:
                if all(key):
                    latin.setdefault(key, set()).add(form.entity_id)
                    spellings.setdefault(key, set()).add(tuple(map(latin_spelling, tokens)))
        self._latin_keys = {k: (next(iter(v)), frozenset(spellings[k])) for k, v in latin.items() if len(v) == 1}
        # Countries' one-word names of TYPO_LETTERS letters or more, by every spelling with one
        # letter dropped: a word one typing slip away from one (قيرغيرستان، كازاخستا) is found by
        # dropping a letter from it or from nothing (symmetric deletion), then checked.
        typos: dict[str, set[tuple[str, str]]] = {}
        for form in catalogue.forms.values():
            word = form.tokens[0]
            if len(form.tokens) != 1 or form.form != NAME or form.lead or word.isascii() or \
                    len(word) < TYPO_LETTERS or catalogue.entities[form.entity_id].type != "country":
                continue
            for k in range(len(word) + 1):
                typos.setdefault(word[:k] + word[k + 1:] if k < len(word) else word, set()).add((form.entity_id, word))
        self._typos = {k: tuple(sorted(v)) for k, v in typos.items()}
        self._typo_hits: dict[str, tuple[str, str, str] | None] = {}  # word form -> its reading (_typo_rows)
        self._latin_longest = max(map(len, self._latin_keys), default=0)
        by_first: dict[str, list[Candidate]] = {}
        for key, form in [*catalogue.forms.items(), *catalogue.blockers.items()]:
            by_first.setdefault(form.tokens[0], []).append(
                (form.tokens, form.gaps, form.entity_id, form.form, key, form.lead))
        for cands in by_first.values():
            cands.sort(key=lambda c: (-len(c[0]), c[4]))
        self._by_first = by_first
        # The candidates of a first word, by their second word (a single-word one under ""): a
        # common first word (ولاية، وكالة، منطقة) starts dozens of names, and only those whose
        # second word is the text's next word can match.
        by_next: dict[str, tuple[dict[str, list[Candidate]] | None, list[Candidate]]] = {}
        for first, cands in by_first.items():
            longer: dict[str, list[Candidate]] = {}
            for cand in cands:  # kept in order: longest first
                if len(cand[0]) > 1:
                    longer.setdefault(cand[0][1], []).append(cand)
            by_next[first] = (longer or None, [c for c in cands if len(c[0]) == 1])
        self._by_next = by_next
        written: dict[str, list[tuple[int, str]]] = {}
        for first in by_first:
            for token, skip in _written_forms(first):
                written.setdefault(token, []).append((skip, first))
        # A brand's foreign one-word name takes the article in Arabic text (الفيسبوك، واليوتيوب،
        # للتويتر): the mention is the name after it, as readers mark it. Only a word that names
        # nothing but companies or outlets, and whose form with the article is rarer than without
        # it (wordfreq: الأمازون, the river, is more frequent than أمازون; الفيسبوك is not).
        types = {e.id: e.type for e in catalogue.entities.values()}
        for first, cands in by_first.items():
            if first.isascii() or first.startswith(ARTICLE) or len(first) < 4 or \
                    not all(c[2] and types.get(c[2]) in _BRANDS for c in cands) or \
                    word_zipf(ARTICLE + first) >= word_zipf(first):
                continue
            for token, _ in _written_forms(ARTICLE + first):
                if token not in written:
                    written.setdefault(token, []).append((len(token) - len(first), first))
        for readings in written.values():
            readings.sort()  # least peeling first: it wins a tie
        self._written = written
        self.named_after = catalogue.named_after_words
        self._named_after_written = frozenset(w for word in self.named_after for w, _ in _written_forms(word))
        self.region_words = catalogue.region_words
        blocked = catalogue.adjective_not_country_after
        common = blocked.get("*", frozenset())
        # per country: the words (or word pairs) after which its adjective is no country
        self.adjective_blocked = {e.id: common | blocked.get(e.id, frozenset())
                                  for e in catalogue.entities.values() if e.type == "country"}
        # every way the word right before such an adjective can be written (the last word of a
        # pair, with proclitics): one set test rules out most adjectives at once
        self._adjective_blocked_written = frozenset(
            w for words in blocked.values() for entry in words for w, _ in _written_forms(entry.split()[-1]))
        self.owned_generic = catalogue.owned_generic
        self.generic_alias = catalogue.generic_alias
        self.shared_generic = catalogue.shared_generic
        # the entities that have a generic name or alias (an article naming none skips the check)
        self._generic_ids = frozenset(self.owned_generic) | frozenset(
            catalogue.forms[key].entity_id for key in self.generic_alias if key in catalogue.forms)
        self.credit_only = catalogue.credit_only
        self.types = {e.id: e.type for e in catalogue.entities.values()}
        self._form_of = {key: form.form for key, form in catalogue.forms.items()}  # name | adjective
        self._body_before_country = frozenset(
            w for word in catalogue.body_words_before_country for w, _ in _written_forms(word))
        self._name_end_times = catalogue.name_end_time_words
        self._times_after = frozenset(
            w for word in catalogue.time_words_after_names for w, _ in _written_forms(word))
        self.plus_bodies = catalogue.plus_bodies
        self.relative_words = catalogue.relative_words
        # A bare family name two catalogue persons share (بردي محمدوف: Gurbanguly, his son Serdar,
        # his father Malikguly; علييف: Ilham and Heydar; رحمون، جباروف ...): the alias key of a
        # person's family name -> every person one of whose full names ends in it (a nasab's
        # بن سلمان aside: the name after بن is the father's). The article says which of them it
        # is (_family_rows).
        ending: dict[tuple[str, ...], set[str]] = {}
        for form in catalogue.forms.values():
            if len(form.tokens) > 1 and form.form == NAME and not form.lead and \
                    catalogue.entities[form.entity_id].type == "person" and form.tokens[0] not in NAME_PARTICLES:
                for k in range(1, len(form.tokens)):
                    if form.tokens[k - 1] not in NAME_PARTICLES:
                        ending.setdefault(form.tokens[k:], set()).add(form.entity_id)
        self._family = {
            key: frozenset(owners) for key, form in catalogue.forms.items()
            if form.form == NAME and not form.lead and form.tokens[0] not in NAME_PARTICLES
            and len(owners := ending.get(form.tokens, ())) > 1 and form.entity_id in owners}
        # a woman of the family, by her given name's feminine ending (أمينة أردوغان، أوزودا رحمون):
        # a masculine family name alone is never hers
        self._feminine_given = frozenset(
            e.id for e in catalogue.entities.values() if e.type == "person" and e.name_ar.strip()
            and e.name_ar.split()[0].endswith(("ة", "ا")) and any(e.id in g for g in self._family.values()))
        self._relative_written = frozenset(w for word in self.relative_words for w, _ in _written_forms(word))
        # First names (the catalogue persons' and frequent foreign ones) that make a place's or
        # body's one-word name right after them a person's family name (_surname_after_given_name)
        self._given_before_surnames = frozenset(self.variants.all_given).union(
            *self.variants.forenames.values(), catalogue.given_names_before_surnames)
        # A region's name without its region word, by variant key (منطقة كاراغندا -> كاراغندا):
        # after a region word, a city or river of that name, or an unseen spelling, is the region.
        tails: dict[str, set[str]] = {}
        for form in catalogue.forms.values():
            entity = catalogue.entities[form.entity_id]
            if entity.type != "region" or not entity.parent or form.form != "name" or form.lead or \
                    any(t.isascii() for t in form.tokens):
                continue
            if len(form.tokens) > 1 and form.tokens[0] in self.region_words:
                words = form.tokens[1:]  # منطقة كاراغندا -> كاراغندا
            elif len(form.tokens) == 1:
                words = form.tokens      # جامبيل
            else:
                continue                 # شرق كازاخستان: a name of its own
            if words:
                key = name_key(words)
                if consonants(key) >= MIN_KEY_CONSONANTS:
                    tails.setdefault(key, set()).add(entity.id)
        self.region_tails = {k: next(iter(v)) for k, v in tails.items() if len(v) == 1}
        # a one-word region name exactly as the catalogue spells it (تشوي of منطقة تشوي): after a
        # region word it is the region even when it is also an ordinary word ("roasts")
        # a region's name after its region word (كاراغندا of منطقة كاراغندا), as the catalogue spells it
        by_tail: dict[tuple[str, ...], set[str]] = {}
        for form in catalogue.forms.values():
            if len(form.tokens) > 1 and form.tokens[0] in self.region_words and form.form == "name" and \
                    not form.lead and catalogue.entities[form.entity_id].type == "region":
                by_tail.setdefault(form.tokens[1:], set()).add(form.entity_id)
        self._region_by_tail = {k: next(iter(v)) for k, v in by_tail.items() if len(v) == 1}
        self._region_tail_words = frozenset(
            form.tokens[-1] for form in catalogue.forms.values()
            if len(form.tokens) == 2 and form.tokens[0] in self.region_words and form.form == "name"
            and catalogue.entities[form.entity_id].type == "region" and not form.lead)
        self._region_written = frozenset(
            w for word in self.region_words for w, _ in _written_forms(word))
        # a dual region word (ولايتي، منطقتي: the construct dual of a ة-noun ends in تي) opens a
        # list of two: "ولايتي أوش وجلال أباد" names two regions
        self._dual_region_written = frozenset(
            w for word in self.region_words if word.endswith("تي") for w, _ in _written_forms(word))
        self.inside_event_names = catalogue.inside_event_names
        self.quoted_name_heads = catalogue.quoted_name_heads
        self._city_written = frozenset(w for word in catalogue.city_words for w, _ in _written_forms(word))
        self._first_level_cities = catalogue.first_level_cities
        self._governor_written = frozenset(w for word in catalogue.governor_words for w, _ in _written_forms(word))
        # a city's one-word name by its variant key (short ones too: the city noun before it is
        # the evidence); a key two cities share (خجند، خوقند) names the one whose country the
        # article names
        city_keys: dict[str, set[str]] = {}
        for form in catalogue.forms.values():
            entity = catalogue.entities[form.entity_id]
            if entity.type == "city" and entity.parent and form.form == "name" and not form.lead and \
                    len(form.tokens) == 1 and not form.tokens[0].isascii():
                key = variant_key(form.tokens[0])
                if consonants(key) >= MIN_KEY_CONSONANTS:
                    city_keys.setdefault(key, set()).add(entity.id)
        self._city_by_key = {k: tuple(sorted(v)) for k, v in city_keys.items()}
        # a region named like its main city (تركستان) -> that city, when the catalogue names the city
        # with a city noun (مدينة تركستان): in a list of towns the name is the town's
        region_by_name = {form.tokens: form.entity_id for form in catalogue.forms.values()
                          if catalogue.entities[form.entity_id].type == "region" and form.form == "name"
                          and not form.lead}
        self._city_of_region = {
            region_by_name[form.tokens[1:]]: form.entity_id for form in catalogue.forms.values()
            if catalogue.entities[form.entity_id].type == "city" and len(form.tokens) > 1 and not form.lead
            and form.tokens[0] in catalogue.city_words and form.tokens[1:] in region_by_name}
        self._body_types = frozenset(
            e.id for e in catalogue.entities.values() if e.type in _BODY_TYPES_NAMING_PAIRS)
        # Bodies' names of two or three words by each of their rare words (ميتال، أوتان): a name
        # written with a letter more, less or swapped in another word (أرسليور ميتال، نو أوتان) is
        # read as the body's, for review (_body_variant_rows)
        by_word: dict[str, list[tuple[tuple[str, ...], int, str, str]]] = {}
        for key, form in sorted(catalogue.forms.items()):
            if catalogue.entities[form.entity_id].type not in _VARIANT_BODY_TYPES or form.lead or \
                    form.form != "name" or not 2 <= len(form.tokens) <= 3 or \
                    any(t.isascii() or len(t) < 2 for t in form.tokens) or len("".join(form.tokens)) < _MIN_BODY_VARIANT_LETTERS:
                continue
            for p, token in enumerate(form.tokens):
                if len(token) >= 4 and word_zipf(token) < _BODY_ANCHOR_ZIPF and not token.startswith(ARTICLE):
                    by_word.setdefault(token, []).append((form.tokens, p, form.entity_id, key))
        self._body_names_by_word = by_word

    def _region_named(self, name: str) -> str | None:
        """The region whose name (without its region word) ``name`` (folded) spells, if one."""
        key = variant_key(name)
        found = self.region_tails.get(key)
        if found is None and key.endswith(_REGION_SUFFIX):
            found = self.region_tails.get(key[:-len(_REGION_SUFFIX)])
        return found

    def _after_region_word(self, forms, starts, ends, norm, i: int) -> bool:
        return i > 0 and forms[i - 1] in self._region_written and _adjacent(norm, ends[i - 1], starts[i])

    def _not_the_person(self, entity_id: str, forms, starts, ends, covered, norm, begin: int,
                        bare: bool, feminine: bool = False, written_before: str = "") -> bool:
        """A person's name that names someone or something else: the father's name inside a
        nasab (حمدان بن [محمد بن راشد]), a thing named after the person (مطار [حيدر علييف]),
        or, for a bare family name, another member of the family whose given name the catalogue
        does not know (مضيفة الطائرة حوكومة [علييفا]: a given name that differs is never the
        known person)."""
        if begin and forms[begin - 1] in self._named_after_written and \
                _QUOTES_GAP.fullmatch(norm, ends[begin - 1], starts[begin]):
            return True  # وسام "الإمام البخاري": a decoration named after him, in quotes
        if not begin or not _adjacent(norm, ends[begin - 1], starts[begin]):
            return False
        prev = forms[begin - 1]
        if prev == NASAB_LINK and not covered[begin - 1]:
            return True
        named_after = self._named_after_written
        if prev in named_after:
            return True
        if covered[begin - 1]:
            return False
        # one word between: مطار حيدر علييف (the airport named after Heydar Aliyev)
        if begin > 1 and forms[begin - 2] in named_after and \
                _adjacent(norm, ends[begin - 2], starts[begin - 1]) and \
                not any(r in self.variants.titles for r in peel(prev, 2)):
            return True
        if not bare or prev.isascii() or not prev.isalpha() or prev.endswith(PATRONYMIC_ENDINGS):
            return False  # نور سلطان أبيشيفيتش نزارباييف: a patronymic stands inside the full name
        readings = peel(prev, 2)
        own = [spelling(g) for g in self.variants.forenames.get(entity_id, ())]
        if not all(len(r) >= 3 and min((edit_distance(spelling(r), g) for g in own), default=9) > 2
                   and r not in self.variants.titles and not is_common_word(r) for r in readings):
            return False
        # a rare word before a surname is as often a rare verb or noun ("قبع جباروف", "ولايتا
        # ميرضيائيف") as a given name: it is read as another given name before a feminine family
        # name (-ova, -eva: علييفا، نزارباييفا, shared by every woman of the family), or when no
        # reading of it is an Arabic word at all (إيلتشين علييف, not "قبع")
        return feminine or is_unknown_word(written_before, readings)

    def _relative_named(self, forms, starts, ends, covered, norm, begin: int) -> bool:
        """A known person's family name after a kinship noun, its descriptors and another first
        name is a relative's: عقيلته أمينة [أردوغان]، والده الشرطي الأسبق مالك قولي [بردي محمدوف]
        (the person's own full name, covered by its alias, is never read so: عقيلة الرئيس رجب طيب
        أردوغان)."""
        k = begin - 1
        names = 0
        while k >= 0 and names < 3 and not covered[k] and _adjacent(norm, ends[k], starts[k + 1]) and \
                not forms[k].startswith(ARTICLE) and forms[k] not in self._relative_written:
            names += 1
            k -= 1
        if not names:
            return False
        descriptors = 0
        while k >= 0 and descriptors < 3 and not covered[k] and _adjacent(norm, ends[k], starts[k + 1]) and \
                forms[k].startswith(ARTICLE):
            descriptors += 1
            k -= 1
        return k >= 0 and forms[k] in self._relative_written and _adjacent(norm, ends[k], starts[k + 1])

    def _another_given(self, doc: Doc, forms, starts, ends, entity_id: str, k: int, before: str | None) -> bool:
        """Word ``k``, right before a known person's family name, is another member of the family's
        first name (variant_names.given_name_of_another: no noun in construct, سياسات ترامب), written
        as a first name joined to it (_joined_first_name). The one test of "a relative's first name
        the catalogue knows" for every path that reads a family name: the aliases, the unseen
        spellings, the bare names resolved in the article and the unreviewed persons'."""
        return self.variants.given_name_of_another(entity_id, forms[k], before) and \
            self._joined_first_name(doc, starts, ends, k)

    def _joined_first_name(self, doc: Doc, starts, ends, k: int) -> bool:
        """Word ``k`` may be a first name of the family name at ``k + 1``: spaces, a hyphen or
        quotes join them (no colon or comma: in 'نوري محمود: "أردوغان يكذب"' the name before is a
        speaker's), and the text does not write it as a preposition or particle that folds to a
        first name ("حُكم على أتامباييف": على, not علي)."""
        return _NAME_JOIN.fullmatch(doc.norm.text, ends[k], starts[k + 1]) is not None and \
            not self._function_word(doc, starts, ends, k)

    def _relative_test(self, doc: Doc, forms, starts, ends) -> Callable[[str, int], bool]:
        """_another_given for one article, as variant_names.ArticleNames.person_at asks it:
        (person id, word k) -> word k is another family member's first name."""
        return lambda entity_id, k: self._another_given(doc, forms, starts, ends, entity_id, k,
                                                        forms[k - 1] if k else None)

    def _own_names_before(self, forms, starts, ends, covered, norm, entity_id: str, begin: int) -> tuple[int, str, bool] | None:
        """(the first token, its reading without proclitics, whether any word is an unseen
        spelling) of the person's own names written right before its family name at token
        ``begin`` (variant_names.own_words_before, then any own first names before those: at most
        three words, spaces only between them), or None."""
        def free(k: int) -> bool:  # token k is free and only spaces stand between it and k + 1
            return k >= 0 and not covered[k] and _adjacent(norm, ends[k], starts[k + 1])

        if not free(begin - 1):
            return None
        variants = self.variants
        found = variants.own_words_before(entity_id, forms[begin - 1],
                                          forms[begin - 2] if free(begin - 2) else None)
        if found is None:
            return None
        count, first = found
        k = begin - count
        spelled = count == 1 and variants.own_reading(entity_id, forms[k]) != (first, True)
        while begin - k < 3 and free(k - 1) and (own := variants.own_reading(entity_id, forms[k - 1])) is not None:
            k -= 1
            first = own[0]
            spelled = spelled or not own[1]
        return k, first, spelled

    def _function_word(self, doc: Doc, starts, ends, k: int) -> bool:
        """Word ``k`` is written as a preposition or particle (function_words_as_written), و or ف
        glued on or not. A text that writes no ى at all writes على، إلى، لدى with ي: there علي
        before a family name is على ("الضغط علي الاسد"، "حكم علي شريف"), elsewhere a first name."""
        written = strip_marks(_original_word(doc, starts, ends, k))
        readings = [written, written[1:]] if written[:1] in CONJUNCTIONS else [written]
        if any(r in self._function_words for r in readings):
            return True
        return any(r.endswith("ي") and r[:-1] + "ى" in self._function_words for r in readings) and \
            "ى" not in doc.text and len(_YA_FOR_ALIF_MAQSURA.findall(doc.text)) >= 2

    def _surname_after_given_name(self, doc: Doc, forms, starts, ends, covered, begin: int) -> bool:
        """The word before a place's or body's one-word name at ``begin`` is a first name joined
        to it by spaces alone: the name is that person's family name (إيفان فاغنر، دافيد سوريا،
        محمد بخاري), no mention of the place or body. Not a first name that is also a noun (سلطان
        المغرب، شاه إيران: noun_reading), a function word as written (على), a title, a name with the
        article, or a word inside a mention already (الملك سلمان باريس: the king, then Paris)."""
        k = begin - 1
        if k < 0 or covered[k] or not _adjacent(doc.norm.text, ends[k], starts[begin]):
            return False
        # the word as written or after و (a list: "وإيفان فاغنر"); not after a preposition glued on,
        # which reads a noun more often than a name (بفتح أوزبكستان "by opening Uzbekistan")
        word = forms[k]
        readings = [r for r in (word, word[1:] if word[:1] == "و" else "") if r and not r.startswith(ARTICLE)]
        names = [r for r in readings if r in self._given_before_surnames and len(r) > 2 and r not in NAME_PARTICLES]
        return bool(names) and not any(noun_reading(r) or r in self.variants.titles for r in names) and \
            not self._function_word(doc, starts, ends, k)

    def _not_the_country(self, entity_id: str, forms, starts, ends, norm, begin: int) -> bool:
        """A country's adjective that names a language, a family of peoples (Turkic) or is part
        of another name: الناطقة [بالروسية]، العالم [التركي]، الخطوط الجوية [الأذربيجانية]."""
        if not begin or forms[begin - 1] not in self._adjective_blocked_written:
            return False
        words = self.adjective_blocked.get(entity_id)
        if not words or not _adjacent(norm, ends[begin - 1], starts[begin]):
            return False
        prev = _article_readings(forms[begin - 1])
        if any(r in words for r in prev):
            return True
        return begin > 1 and _adjacent(norm, ends[begin - 2], starts[begin - 1]) and \
            any(f"{r} {forms[begin - 1]}" in words for r in _article_readings(forms[begin - 2]))

    @property
    def first_words(self) -> dict[str, list[Candidate]]:
        """Catalogue aliases by their first word (read-only): a word that starts one is no bare name."""
        return self._by_first

    def find(self, doc: Doc) -> list[dict]:
        norm = doc.norm.text
        forms, starts, ends = split_tokens(doc)
        n = len(forms)
        written, by_next = self._written, self._by_next
        as_written = forms
        if _DOUBLED_END.search(norm):
            forms = self._undoubled(forms)
        rows: list[dict] = []
        covered = [False] * n  # words inside an alias or a blocker
        dual_end = -1  # the word after the first region of a dual region word's list
        definite_adjective_end = -1  # the word after a country's adjective written with the article
        body_place_end = -1  # the word after a place's name read as part of a body's name
        full_names: list[tuple[int, str, tuple[str, ...]]] = []  # persons named in full
        family_bare: list[dict] = []  # rows of a family name alone that several persons share
        # only the words an alias can begin with are looked at (found by one C-level pass: most
        # words of an article begin none)
        heads = list(compress(range(n), map(written.__contains__, forms)))
        h = 0
        i = 0
        while h < len(heads):
            if heads[h] < i:  # inside the mention just taken
                h += 1
                continue
            i = heads[h]
            readings = written.get(forms[i])
            if readings is None:
                i += 1
                continue
            best: tuple[int, int, Candidate] | None = None  # (length, skip, candidate)
            following = forms[i + 1] if i + 1 < n else None
            for skip, first in readings:
                longer, single = by_next[first]
                for cands in ((longer.get(following, ()), single) if longer is not None else (single,)):
                    for cand in cands:
                        length = len(cand[0])
                        if best is not None and length <= best[0]:
                            break
                        if i + length <= n and _rest_matches(cand, forms, starts, ends, norm, i) and not (
                                length > 1 and cand[0][-1] in self._name_end_times and i + length < n
                                and forms[i + length] in self._times_after
                                and _adjacent(norm, ends[i + length - 1], starts[i + length])):
                            best = (length, skip, cand)
                            break
                    else:
                        continue
                    break
            if best is None:
                i += 1
                continue
            length, skip, (words, _, entity_id, form, alias, lead) = best
            begin = i
            i += length
            covered[begin:i] = [True] * length
            if not entity_id:  # a blocker: these words are no mention
                continue
            start = starts[i - length + lead] if lead else starts[i - length] + skip
            # a typo read without its doubled last letter: for review, like an unseen spelling
            match = EXACT if forms is as_written or forms[begin:i] == as_written[begin:i] else VARIANT
            # a family name after another family member's first name (سيردار بيردي محمدوف); never
            # when a proclitic is glued to it: in "شي وأردوغان" the word before is not its first name
            if begin and not lead and not skip and not covered[begin - 1] and \
                    self.variants.types.get(entity_id) == "person":
                relative = self.variants.relative_named(entity_id, words, forms[begin - 1])
                if relative is not None and self._joined_first_name(doc, starts, ends, begin - 1):
                    entity_id, given = relative
                    start = ends[begin - 1] - len(given)
                    covered[begin - 1] = True
                    if given not in self.variants.given.get(entity_id, ()):
                        match = VARIANT  # the first name is an unseen spelling: for review
                elif length == 1 and (own := self._own_names_before(forms, starts, ends, covered, norm, entity_id, begin)):
                    # the person's own first names (one perhaps in an unseen spelling) and middle
                    # name just before: part of the mention (قاسم جومارت توقايف، ديميتري بيسكوف،
                    # مصطفى كمال مدبولي)
                    k, first, spelled = own
                    start = ends[k] - len(first)
                    covered[k:begin] = [True] * (begin - k)
                    if spelled:
                        match = VARIANT  # an unseen spelling: for review
                    # named in full: its bare first name may follow (درايغا نزارباييفا ... والد درايغا)
                    full_names.append((k, entity_id, (first, *forms[k + 1:begin], *words)))
                elif length == 1 and self._another_given(doc, forms, starts, ends, entity_id, begin - 1,
                                                         forms[begin - 2] if begin > 1 else None):
                    continue  # "عليا نزارباييف": a relative, not the person the surname alone names
            # (a credit that is an ordinary word, العالم، الوقت, counts at a line's start only: in
            # brackets it is the word, "تحتاج إلى (الوقت)")
            if alias in self.credit_only and not _credit_position(
                    norm, starts[begin] + skip, ends[i - 1],
                    doc.text[doc.norm.to_original(starts[begin] + skip, ends[i - 1])[1]:][:4],
                    brackets=not is_common_word(alias, _CREDIT_WORD_ZIPF)) and \
                    not _short_name_after(rows, entity_id, doc.text, *doc.norm.to_original(starts[begin] + skip, ends[i - 1])):
                continue
            etype = self.types.get(entity_id)
            if etype == "person" and words[0] == NASAB_LINK and begin and not covered[begin - 1] and \
                    _adjacent(norm, ends[begin - 1], starts[begin]) and \
                    any(r in self.variants.all_given for r in peel(forms[begin - 1], 2)):
                continue  # "خالد بن سلمان": Khalid, another son; "بن سلمان" alone names Mohammed
            bare = length == 1 and not skip and match == EXACT
            if etype == "person" and not lead and self._not_the_person(
                    entity_id, forms, starts, ends, covered, norm, begin, bare,
                    self.variants.feminine_family_name(words[0]),
                    _original_word(doc, starts, ends, begin - 1) if bare else ""):
                continue
            if etype == "person" and not lead and self._relative_named(forms, starts, ends, covered, norm, begin):
                continue
            if etype == "country" and form == ADJECTIVE and not lead and \
                    self._not_the_country(entity_id, forms, starts, ends, norm, begin):
                continue
            if etype != "person" and form == NAME and length == 1 and not lead and not skip and \
                    not words[0].startswith(ARTICLE) and self._surname_after_given_name(doc, forms, starts, ends, covered, begin):
                continue  # إيفان فاغنر: a cosmonaut's family name, not the Wagner group
            if form == ADJECTIVE and not lead:
                definite = words[0].startswith(ARTICLE) or forms[begin][:skip].endswith((ARTICLE, "لل"))
                if not definite and begin == definite_adjective_end and _adjacent(norm, ends[begin - 1], starts[begin]):
                    # an indefinite adjective cannot describe the definite noun before it: a given
                    # name ("الرئيس الأرميني أرمن سركسيان"، "السعودي تركي آل الشيخ")
                    continue
                if definite:
                    definite_adjective_end = i
            if etype in _NAMED_BODY_PLACES and form != ADJECTIVE and not lead and not skip and begin and \
                    forms[begin - 1] in self._body_before_country and _adjacent(norm, ends[begin - 1], starts[begin]):
                body_place_end = i
                continue  # تلفزيون سوريا، جامعة ووهان، معهد آسيا الوسطى: a channel's, a university's name
            if etype in _NAMED_BODY_PLACES and form != ADJECTIVE and begin == body_place_end and skip == 1 and \
                    forms[begin].startswith("و") and _adjacent(norm, ends[begin - 1], starts[begin]):
                body_place_end = i
                continue  # معهد آسيا الوسطى [والقوقاز]: the body's name goes on with a second place
            if etype in PLACE_TYPES and not lead and (
                    self._after_region_word(forms, starts, ends, norm, begin) or (
                        begin == dual_end and skip == 1 and forms[begin].startswith("و"))):
                entity_id = self._region_by_tail.get(words) or self._region_named("".join(words)) or entity_id
            elif etype == "city" and not lead and not skip and begin and forms[begin - 1] in self._governor_written \
                    and entity_id not in self._first_level_cities and _adjacent(norm, ends[begin - 1], starts[begin]):
                # a region's head before a town's name: the region named like the town, in the
                # town's country (محافظ سمرقند is the Samarkand Region's hokim; حاكم دبي the city)
                region = self._region_by_tail.get(words) or self._region_named("".join(words))
                if region and self.variants.parents.get(region) == self.variants.parents.get(entity_id):
                    entity_id = region
            if etype in PLACE_TYPES and self.types.get(entity_id) == "region" and (
                    words[0] in self._dual_region_written or (begin and forms[begin - 1] in self._dual_region_written)):
                dual_end = i  # the second of the two may follow: "ولايتي أوش وجلال أباد"
            if length - lead >= 2 and etype == "person":
                full_names.append((begin, entity_id, words[lead:]))
            elif etype == "person" and length == 1 and not skip and begin >= 2 and \
                    forms[begin - 1].endswith(PATRONYMIC_ENDINGS) and not covered[begin - 2] and \
                    _NAME_GAP.fullmatch(norm, ends[begin - 1], starts[begin]) and \
                    _NAME_GAP.fullmatch(norm, ends[begin - 2], starts[begin - 1]) and \
                    (given := self.variants.given_reading(entity_id, forms[begin - 2])) is not None:
                # the given name, the patronymic, the family name (سورونباي شاريبوفيتش جينبيكوف):
                # one mention, and the person named in full for the rest of the article
                start = ends[begin - 2] - len(given)
                covered[begin - 2:begin] = [True, True]
                full_names.append((begin - 2, entity_id, (given, words[0])))
            a, b = doc.norm.to_original(start, ends[i - 1])
            if words[lead].isascii() and words[lead].isalpha() and not doc.text[a].isupper():
                continue  # "turkey", "chad", "jordan" in lower case are words, not the countries
            if words[-1].isascii() and (_DOMAIN_AFTER.match(doc.text, b) or _URL_BEFORE.search(doc.text, max(0, a - 12), a)):
                continue  # sohu.com, www.tengrinews.kz: a web address, no mention (readers mark none)
            if entity_id in self.plus_bodies and (plus := _PLUS.match(doc.text, b)) is not None:
                entity_id, alias, b = self.plus_bodies[entity_id], alias + "+", plus.end()  # أوبك+ is OPEC+
            rows.append(_mention_row(doc, a, b, entity_id, form, alias, match))
            if alias in self._family and start == starts[begin] + skip and entity_id == best[2][2] and \
                    not self._name_or_title_before(doc, forms, starts, ends, covered, begin):
                family_bare.append(rows[-1])
        named = {r["entity_id"] for r in rows}
        if full_names or not named.isdisjoint(self.variants.bare_by_country):
            rows += self._resolved_rows(doc, forms, starts, ends, covered, full_names, named)
        rows += self._variant_rows(doc, forms, starts, ends, covered, rows)
        rows += self._latin_variant_rows(doc, forms, starts, ends, covered)
        rows += self._typo_rows(doc, forms, starts, ends, covered, rows)
        rows += self._region_rows(doc, forms, starts, ends, covered, rows)
        rows += self._city_rows(doc, forms, starts, ends, covered, rows)
        rows += self._body_variant_rows(doc, forms, starts, ends, covered, rows)
        rows.sort(key=lambda r: r["char_start"])
        if family_bare:
            self._family_rows(rows, family_bare)
        rows = self._outlet_editions(rows, doc.text)
        rows = self._paired_names(self._inside_event_names(
            self._owned(self._joined_names(self._apply_rules(rows, doc), doc.text), named), doc.text), doc.text)
        return self._listed_towns(rows, doc.text) if self._city_of_region and not self._city_written.isdisjoint(forms) \
            else rows

    def _name_or_title_before(self, doc: Doc, forms, starts, ends, covered, begin: int) -> bool:
        """The word right before a bare family name is a title (الرئيس بردي محمدوف: the office
        says who, and the dated context rules read it) or a name-like word joined to it, no common
        word (قوربان قولو بيردي محمدوف: a full name under an unseen spelling)."""
        if not begin or covered[begin - 1] or not self._joined_first_name(doc, starts, ends, begin - 1):
            return False
        readings = peel(forms[begin - 1], 2)
        return any(r in self.variants.titles for r in readings) or not any(is_common_word(r) for r in readings)

    def _family_rows(self, rows: list[dict], bare: list[dict]) -> None:
        """A family name alone that several catalogue persons share is the member of the family
        the article names in full first, its subject (سردار بردي محمدوف ... وحصل بردي محمدوف: the
        son, not the father the bare name names by default), a woman only for a feminine family
        name (أمينة أردوغان ... وقال أردوغان is her husband); with none named in full, the
        catalogue's reading (and the dated context rules) stand. Reviewable: ``match = article``,
        which the context rules do not re-read (a 2023 article naming only the father in full:
        his bare name stays his, though the son held the office then)."""
        alone = {id(r) for r in bare}
        first: dict[tuple[frozenset[str], bool], str] = {}
        keys = {(self._family[b["alias"]], b["alias"].endswith("ا")) for b in bare}
        for r in rows:  # in text order
            if id(r) in alone or self.types.get(r["entity_id"]) != "person" or len(r["surface"].split()) < 2:
                continue
            for group, feminine in keys:
                if r["entity_id"] in group and (feminine or r["entity_id"] not in self._feminine_given):
                    first.setdefault((group, feminine), r["entity_id"])
        for r in bare:
            subject = first.get((self._family[r["alias"]], r["alias"].endswith("ا")))
            if subject is not None:
                # also when the subject is the catalogue's reading: the article has said who, and
                # the dated context rules (the son from his accession on) leave such a row alone
                r["entity_id"], r["match"] = subject, ARTICLE_NAME

    def _outlet_editions(self, rows: list[dict], text: str) -> list[dict]:
        """An outlet's name glued by a hyphen to a country's or city's name is its edition there
        (سبوتنيك-قيرغيزستان، الجزيرة-مصر): one mention of the outlet, none of the place (the
        gold counts no place inside a name)."""
        out: list[dict] = []
        for r in rows:
            prev = out[-1] if out else None
            if prev is not None and self.types.get(prev["entity_id"]) == "media" and r["form"] == NAME and \
                    self.types.get(r["entity_id"]) in _EDITION_PLACES and r["char_start"] == prev["char_end"] + 1 and \
                    text[prev["char_end"]] in _EDITION_HYPHENS:
                prev["char_end"] = r["char_end"]
                prev["surface"] = text[prev["char_start"]:r["char_end"]]
                continue
            out.append(r)
        return out

    def _listed_towns(self, rows: list[dict], text: str) -> list[dict]:
        """In a list of towns after a city noun (في مدن ألماتي وشيمكنت وتاراس وتركستان), a region
        named like its main town is the town: up to MAX_LISTED words joined by و or commas stand
        between the noun and the name, on one line and in one sentence."""
        for k, r in enumerate(rows):
            city = self._city_of_region.get(r["entity_id"])
            if city is None or r["form"] != "name":
                continue
            before = text[max(0, r["char_start"] - 160):r["char_start"]]
            before = before[max(before.rfind("\n"), before.rfind("."), before.rfind("؟")) + 1:]
            words = _LIST_WORD.findall(before)
            for n, word in enumerate(reversed(words)):
                if n > MAX_LISTED or not word.isalpha():
                    break
                if fold(word) in self._city_written:
                    rows[k] = dict(r, entity_id=city)
                    break
                if n and not word.startswith("و") and n < len(words) - 1 and \
                        fold(words[-n - 2]) not in self._city_written:
                    break  # a word of a phrase, neither the list's first item nor joined by و
        return rows

    def _paired_names(self, rows: list[dict], text: str) -> list[dict]:
        """Two places joined by a hyphen and followed by a bracketed short name (آسيا-أوروبا (آسيم))
        are the long name of a body, not two places: the body's mention when the catalogue knows
        the bracketed name, else no mention at all."""
        out: list[dict] = []
        k = 0
        while k < len(rows):
            r = rows[k]
            pair = rows[k + 1] if k + 1 < len(rows) else None
            bracket = None
            if pair is not None and r["form"] == pair["form"] == "name" and \
                    self.types.get(r["entity_id"]) in _NAMED_BODY_PLACES and \
                    self.types.get(pair["entity_id"]) in _NAMED_BODY_PLACES and \
                    _PAIR_HYPHEN.fullmatch(text, r["char_end"], pair["char_start"]):
                bracket = _BRACKETED.match(text, pair["char_end"])
            if bracket is None:
                out.append(r)
                k += 1
                continue
            inside = [x for x in rows[k + 2:k + 4]
                      if bracket.start(1) <= x["char_start"] and x["char_end"] <= bracket.end(1)]
            if inside and inside[0]["entity_id"] in self._body_types:
                out.append(dict(r, entity_id=inside[0]["entity_id"], alias=inside[0]["alias"],
                                char_end=pair["char_end"], surface=text[r["char_start"]:pair["char_end"]]))
            elif inside or not _ACRONYM_LIKE.fullmatch(bracket.group(1).strip()):
                out.append(r)  # (a credit or a place in the brackets: the pair stays two places)
                k += 1
                continue
            k += 2
        return out

    def _undoubled(self, forms: list[str]) -> list[str]:
        """The tokens with a typist's doubled last letter taken off (بخارىى is بخارى) where the
        word as written is no word at all (wordfreq) and the word without it begins a name."""
        written = self._written
        out = forms
        for k, form in enumerate(forms):
            if len(form) > 3 and form[-1] == form[-2] and form not in written and form[:-1] in written \
                    and is_unknown_word(form):
                if out is forms:
                    out = list(forms)
                out[k] = form[:-1]
        return out

    def _inside_event_names(self, rows: list[dict], text: str) -> list[dict]:
        """Marks a place named as part of an event series' name (محادثات أستانا، صيغة "أستانة":
        the Syria talks, not the city) ``inside_event_name``: the event linker reads it, the
        dataset leaves it out (readers mark no name inside an event's name)."""
        heads = self.inside_event_names
        year_heads = heads.get("", frozenset())
        city_heads = heads.get(ANY_CITY, frozenset())
        for r in rows:
            words = heads.get(r["entity_id"])
            if r["form"] != "name":
                continue
            before = peel(_word_before(text, r["char_start"]), 1)
            etype = self.types.get(r["entity_id"])
            if (words and any(w in words for w in before)) or (
                    year_heads and etype == "city" and any(w in year_heads for w in before)
                    and _YEAR_AFTER.match(text, r["char_end"])):
                r[INSIDE_EVENT_NAME] = True  # (قمة أستانا 2024: a summit's name with its year)
            elif etype == "city" and city_heads and any(w in city_heads for w in before) and \
                    (m := _WORD_SPACE_BEFORE.search(text, max(0, r["char_start"] - 40), r["char_start"])) is not None \
                    and any(w in city_heads for w in peel(fold(m.group(1)), 1)):
                r[INSIDE_EVENT_NAME] = True  # منتدى عشق آباد: the forum's name (spaces only between)
            elif etype in _NAMED_BODY_PLACES and self.quoted_name_heads and \
                    self._in_quoted_name(text, r["char_start"], r["char_end"]):
                r[INSIDE_EVENT_NAME] = True  # مؤتمر "قلب آسيا": inside the event's quoted name
        return rows

    def _in_quoted_name(self, text: str, start: int, end: int) -> bool:
        """The span stands inside quotes opened right after an event's or programme's noun
        (quoted_name_heads), and the quotes hold more than the span."""
        if _QUOTE_OPENERS.search(text, max(0, start - 80), start) is None:
            return False  # (most spans: no quote before them, said without _QUOTED_OPEN's slow search)
        opening = _QUOTED_OPEN.search(text, max(0, start - 80), start)
        if opening is None or not any(w in self.quoted_name_heads for w in peel(fold(opening.group(1)), 1)):
            return False
        closing = _QUOTED_CLOSE.match(text, end)
        return closing is not None and _LETTER.search(opening.group(2) + closing.group(1)) is not None

    def _joined_names(self, rows: list[dict], text: str) -> list[dict]:
        """A person's first names and an unseen spelling of the family name read as two mentions
        of the person ("نور سلطان" re-read by a context rule, then a variant "نزرباييف") are one
        mention (two listed names side by side, محمود عباس أبو مازن, stay two)."""
        out: list[dict] = []
        for r in rows:
            prev = out[-1] if out else None
            if prev is not None and prev["entity_id"] == r["entity_id"] and VARIANT in (prev["match"], r["match"]) and \
                    self.types.get(r["entity_id"]) == "person" and prev["char_end"] < r["char_start"] and \
                    _NAME_GAP.fullmatch(text, prev["char_end"], r["char_start"]):
                joined = dict(prev, char_end=r["char_end"], surface=text[prev["char_start"]:r["char_end"]])
                joined["match"], joined["alias"] = VARIANT, r["alias"] if r["match"] == VARIANT else prev["alias"]
                out[-1] = joined
                continue
            out.append(r)
        return out

    def _region_rows(self, doc: Doc, forms, starts, ends, covered, rows) -> list[dict]:
        """An unseen spelling of a region's name right after a region word (منطقة جامبيلسك،
        بمنطقة زامبل), in an article that names the region's country or the region."""
        if self._region_written.isdisjoint(forms):
            return []  # most articles: no region word
        norm = doc.norm.text
        out = []
        named = None
        written = self._region_written
        for i in [k + 1 for k, form in enumerate(forms[:-1]) if form in written]:
            if covered[i] or len(forms[i]) < 4 or not _adjacent(norm, ends[i - 1], starts[i]):
                continue
            split = self._split_region(doc, forms, starts, ends, covered, rows, i)
            if split is not None:
                out.append(split)
                continue
            word = forms[i]
            if word.isascii() or (is_common_word(word) and word not in self._region_tail_words):
                continue
            region = self._region_named(word)
            if region is None:
                continue
            if named is None:
                named = {r["entity_id"] for r in rows}
            if region not in named and self.variants.parents.get(region) not in named:
                continue
            a, b = doc.norm.to_original(starts[i], ends[i])
            if any(r["char_start"] <= a < r["char_end"] for r in rows):
                continue  # a variant match, already read as the region
            covered[i] = True
            out.append(_mention_row(doc, a, b, region, "name", word, VARIANT))
        return out

    def _split_region(self, doc: Doc, forms, starts, ends, covered, rows, i: int) -> dict | None:
        """A region's name written in two words after a region word (إقليم قرقل باغستان for
        كاراكالباكستان): the region when the two words joined have its variant key and the article
        names its country; a variant reading of the second word alone (باغستان ~ Pakistan) goes."""
        norm = doc.norm.text
        if i + 1 >= len(forms) or covered[i + 1] or len(forms[i + 1]) < 3 or forms[i + 1].isascii() or \
                forms[i].isascii() or not _adjacent(norm, ends[i], starts[i + 1]) or \
                is_common_word(forms[i]) or is_common_word(forms[i + 1]):
            return None
        region = self._region_named(forms[i] + forms[i + 1])
        if region is None:
            return None
        named = {r["entity_id"] for r in rows}
        if region not in named and self.variants.parents.get(region) not in named:
            return None
        a, b = doc.norm.to_original(starts[i], ends[i + 1])
        inside = [r for r in rows if r["char_start"] < b and a < r["char_end"]]
        if any(r["match"] != VARIANT for r in inside):
            return None
        rows[:] = [r for r in rows if not (r["char_start"] < b and a < r["char_end"])]
        covered[i] = covered[i + 1] = True
        return _mention_row(doc, a, b, region, "name", forms[i] + " " + forms[i + 1], VARIANT)

    def _body_variant_rows(self, doc: Doc, forms, starts, ends, covered, rows) -> list[dict]:
        """A body's name of two or three words with one of its rare words as listed and the whole
        within one letter of the listed name (two from 12 letters), every other word no ordinary
        word: أرسليور ميتال for أرسيلور ميتال, نو أوتان for نور أوتان (match = variant)."""
        index = self._body_names_by_word
        hits = list(compress(range(len(forms)), map(index.__contains__, forms)))
        if not hits:
            return []
        norm = doc.norm.text
        out: list[dict] = []
        for i in hits:
            if covered[i]:
                continue
            for tokens, p, entity_id, key in index[forms[i]]:
                first, end = i - p, i - p + len(tokens)
                if first < 0 or end > len(forms) or any(covered[first:end]) or \
                        any(not _adjacent(norm, ends[k - 1], starts[k]) for k in range(first + 1, end)):
                    continue
                found = None
                for reading in peel(forms[first], 2):  # (a proclitic on the first word: لأرسليور)
                    words = (reading, *forms[first + 1:end])
                    if words == tokens or any(word_zipf(w) >= _BODY_VARIANT_WORD_ZIPF for w, t in zip(words, tokens) if w != t):
                        continue
                    a, b = spelling("".join(words)), spelling("".join(tokens))
                    if a != b and within_edits(a, b, 1 if len(b) < 12 else 2):
                        found = len(forms[first]) - len(reading)
                        break
                if found is None:
                    continue
                covered[first:end] = [True] * (end - first)
                a, b = doc.norm.to_original(starts[first] + found, ends[end - 1])
                out.append(_mention_row(doc, a, b, entity_id, "name", key, VARIANT))
                break
        return out

    def _city_rows(self, doc: Doc, forms, starts, ends, covered, rows) -> list[dict]:
        """An unseen spelling of a known city right after a city noun (مدينة نكوص for نوكوس): the
        city whose variant key it has, in an article that names the city's country."""
        if self._city_written.isdisjoint(forms):
            return []
        norm = doc.norm.text
        out = []
        named = None
        for i in [k + 1 for k, form in enumerate(forms[:-1]) if form in self._city_written]:
            word = forms[i]
            if covered[i] or len(word) < 4 or word.isascii() or not _adjacent(norm, ends[i - 1], starts[i]) or \
                    is_common_word(word):
                continue
            cities = self._city_by_key.get(variant_key(word))
            if cities is None:
                continue
            if named is None:  # the countries the article names, itself or by their places
                named = {r["entity_id"] for r in rows}
                named |= {self.variants.parents[e] for e in named if e in self.variants.parents}
            cities = [c for c in cities if self.variants.parents.get(c) in named]
            if len(cities) != 1:
                continue
            city = cities[0]
            a, b = doc.norm.to_original(starts[i], ends[i])
            if any(r["char_start"] < b and a < r["char_end"] for r in rows):
                continue
            covered[i] = True
            out.append(_mention_row(doc, a, b, city, "name", word, VARIANT))
        return out

    def _owned(self, rows: list[dict], named: set[str]) -> list[dict]:
        """A body whose name other countries' bodies share (لجنة الأمن القومي، البيت الأبيض)
        counts only in an article that also names its country (the country, its places, people
        or bodies): "البيت الأبيض" in Bishkek is the Kyrgyz government's seat."""
        if self._generic_ids.isdisjoint(named):
            return rows  # most articles: no such body
        owned, by_alias = self.owned_generic, self.generic_alias

        parents = self.variants.parents

        def generic(r: dict) -> tuple[str, str] | None:
            found = owned.get(r["entity_id"]) or by_alias.get(r["alias"])
            if found is not None and r["alias"] in self.shared_generic:
                return parents.get(r["entity_id"], found[0]), found[1]  # the body it was read as
            return found

        present = {r["entity_id"] for r in rows if not generic(r)}
        countries = present | {parents[e] for e in present if e in parents}
        # a generic name several countries' bodies share: the body of a country its sentence names,
        # else of one the article names
        for r in rows:
            shared = self.shared_generic.get(r["alias"])
            # (a mention a context rule moved to another body keeps it: ppk_as_kazssr)
            if shared and any(eid == r["entity_id"] for eid, _ in shared):
                # (from the sentence's other mentions that are no shared name themselves: two party
                # names of one list, الحزب الشيوعي and حزب الشعب الديمقراطي, would read each other's
                # first holder's country)
                here = {q["entity_id"] for q in rows if q["sentence_id"] == r["sentence_id"] and q is not r
                        and q["alias"] not in self.shared_generic}
                here |= {parents[e] for e in here if e in parents}
                r["entity_id"] = next((eid for eid, country in shared if country in here),
                                      next((eid for eid, country in shared if country in countries), r["entity_id"]))
        elsewhere: dict[int, set[str]] = {}  # sentence -> countries of the cities and regions it names
        for r in rows:
            if self.types.get(r["entity_id"]) in PLACE_TYPES and r["entity_id"] in parents:
                elsewhere.setdefault(r["sentence_id"], set()).add(parents[r["entity_id"]])
        out = []
        for r in rows:
            found = generic(r)
            if found is not None and found[0] not in countries and (
                    found[1] == "article" or elsewhere.get(r["sentence_id"], set()) - {found[0]}):
                continue
            out.append(r)
        return out

    def _resolved_rows(self, doc: Doc, forms, starts, ends, covered, full_names, named) -> list[dict]:
        """A person's bare surname or first name after their full name in the same article, when
        the catalogue does not list it alone (رئيسي "main", هاريس), or a curated bare name in an
        article that names the person's country (شي): see variant_names.ArticleNames."""
        names = self.variants.article_names(full_names, self._by_first, named)
        out = self._relatives_by_given_name(doc, forms, starts, ends, covered, full_names)
        if not names.parts:
            return out
        written = names.written
        if names.pairs:
            # a part of two words (رحيم زاده) first: its words are then no bare part each
            relative_test = self._relative_test(doc, forms, starts, ends)
            for i in range(names.first, len(forms) - 1):
                hit = names.pair_at(forms, covered, i, relative_test)
                if hit is None or not _NAME_GAP.fullmatch(doc.norm.text, ends[i], starts[i + 1]):
                    continue
                entity_id, skip, alias = hit
                covered[i] = covered[i + 1] = True
                a, b = doc.norm.to_original(starts[i] + skip, ends[i + 1])
                out.append(_mention_row(doc, a, b, entity_id, "name", alias, ARTICLE_NAME))
        for i in range(names.first, len(forms)):
            if covered[i] or forms[i] not in written:
                continue
            hit = names.person_at(forms, covered, i, self._relative_test(doc, forms, starts, ends))
            if hit is None:
                continue
            entity_id, skip, alias = hit
            if not skip and self._not_the_person(entity_id, forms, starts, ends, covered, doc.norm.text, i, False):
                continue
            covered[i] = True
            a, b = doc.norm.to_original(starts[i] + skip, ends[i])
            out.append(_mention_row(doc, a, b, entity_id, "name", alias, ARTICLE_NAME))
        return out

    def _relatives_by_given_name(self, doc: Doc, forms, starts, ends, covered, full_names) -> list[dict]:
        """A catalogue person's given name alone right after a kinship noun (نجله، ابنته، شقيقه)
        when the article named in full another person of that family name: that relative ("قربان
        قولي بيردي محمدوف عين نجله سردار" is Serdar Berdimuhamedov). Only one catalogue person of
        the family may have the given name."""
        variants = self.variants
        # family name (folded last word) -> person named in full -> its first full mention
        families: dict[str, dict[str, int]] = {}
        for begin, entity_id, _words in full_names:
            family = variants.display_words.get(entity_id)
            # (and its feminine, -a added: داريغا نزارباييفا after نور سلطان نزارباييف)
            for name in (family, family + "ا") if family else ():
                seen = families.setdefault(name, {})
                seen[entity_id] = min(begin, seen.get(entity_id, begin))
        if not families:
            return []
        out = []
        norm = doc.norm.text
        for i in range(1, len(forms)):
            if covered[i] or covered[i - 1] or forms[i - 1] not in self._relative_written or \
                    not _adjacent(norm, ends[i - 1], starts[i]):
                continue
            # another person of the family named in full before: "ابنه دونالد" after دونالد ترامب
            # is the son, no Trump; a Korean or Chinese name's first word is its family name (كيم);
            # the relative may be named in full later ("عين نجله سردار ... سردار بيردي محمدوف")
            named = [e for e in variants.given_by_word.get(forms[i], ())
                     if variants.parents.get(e) not in FAMILY_NAME_FIRST and any(
                         other != e and begin < i - 1
                         for other, begin in families.get(variants.display_words.get(e, ""), {}).items())]
            if len(named) != 1:
                continue
            covered[i] = True
            a, b = doc.norm.to_original(starts[i], ends[i])
            out.append(_mention_row(doc, a, b, named[0], "name", forms[i], ARTICLE_NAME))
        return out

    def _variant_rows(self, doc: Doc, forms, starts, ends, covered, rows) -> list[dict]:
        """Unseen spellings of catalogue names among the words no alias covered (variant_names)."""
        variants = self.variants
        candidate = variants.candidate
        norm = doc.norm.text
        # an unseen spelling of a two-word family name, its two words read as one (بيردي محاميدوف)
        pairs = [(i, hit) for i in range(len(forms) - 1)
                 if not covered[i] and not covered[i + 1]
                 and (hit := variants.split_candidate(forms[i], forms[i + 1])) is not None
                 and _NAME_GAP.fullmatch(norm, ends[i], starts[i + 1])]
        # candidate() refuses short words itself: checked here first, most words end there
        found = [(i, hit) for i, form in enumerate(forms)
                 if len(form) >= MIN_VARIANT_LETTERS and not covered[i] and (hit := candidate(form)) is not None]
        if not found and not pairs:
            return []
        article = {r["entity_id"] for r in rows}
        by_sentence: dict[int, set[str]] = {}
        for r in rows:
            by_sentence.setdefault(r["sentence_id"], set()).add(r["entity_id"])
        out = []
        for i, hit in pairs:
            if covered[i] or covered[i + 1]:
                continue
            row = self._variant_row(doc, forms, starts, ends, covered, (i, hit), by_sentence, article, last=i + 1)
            if row is not None:
                covered[i] = covered[i + 1] = True
                out.append(row)
        found = [(i, hit) for i, hit in found if not covered[i]]
        # A spelling the article supports once names the same entity wherever else the article
        # writes it ("ميرضائيف" after a title, then "ودعا ميرضائيف"): the words rejected for want
        # of support are read again once the others are known.
        accepted: set[str] = set()
        pending = found
        for attempt in (0, 1):
            retry = []
            for item in pending:
                row = self._variant_row(doc, forms, starts, ends, covered, item, by_sentence,
                                        article | accepted if attempt else article)
                if row is None:
                    retry.append(item)
                else:
                    accepted.add(row["entity_id"])
                    out.append(row)
            if not accepted or not retry:
                break
            pending = [(i, hit) for i, hit in retry if hit[1] in accepted]
        return out

    def _latin_variant_rows(self, doc: Doc, forms, starts, ends, covered) -> list[dict]:
        """Unseen Latin transliterations of catalogue persons and places among the capitalised
        Latin words no alias covered, in Arabic text (Janaozen, Mangistau, Kassym-Jomart Tokaev):
        each word with the skeleton of the catalogue name's word (latin_key) and a letter or two
        from its spelling; a name of one word from MIN_LATIN_LETTERS letters, of several from
        MIN_LATIN_LETTERS_IN_NAME a word. Stored as variant matches, for review."""
        out: list[dict] = []
        if not self._latin_keys:
            return out
        text, norm = doc.text, doc.norm.text
        if text.lower() == text:  # no capital letter: no word below can start one (Arabic-only text)
            return out
        i, n = 0, len(forms)
        while i < n:
            if covered[i] or not forms[i].isascii() or len(forms[i]) < MIN_LATIN_LETTERS_IN_NAME or \
                    not text[doc.norm.to_original(starts[i], ends[i])[0]].isupper():
                i += 1
                continue
            keys = []
            for k in range(i, min(n, i + self._latin_longest)):
                if k > i and (covered[k] or not _NAME_GAP.fullmatch(norm, ends[k - 1], starts[k])):
                    break
                keys.append(latin_key(forms[k], MIN_LATIN_LETTERS_IN_NAME) if forms[k].isascii() else "")
            for length in range(len(keys), 0, -1):
                if length == 1 and len(forms[i]) < MIN_LATIN_LETTERS:
                    break  # (Tokaev alone: too close to too many English words and names)
                entity_id, known = self._latin_keys.get(tuple(keys[:length]), (None, ()))
                # a transliteration differs from a known spelling by a letter or two (Tokaev,
                # Mangistau), an English word with the same skeleton by more (please, Pelosi)
                words = tuple(latin_spelling(w) for w in forms[i:i + length])
                if entity_id is not None and any(
                        all(within_edits(w, s, 1 if len(s) < 9 else 2) for w, s in zip(words, spelled))
                        for spelled in known) and self._in_arabic(forms, i, i + length):
                    a, b = doc.norm.to_original(starts[i], ends[i + length - 1])
                    if _DOMAIN_AFTER.match(text, b) or _URL_BEFORE.search(text, max(0, a - 12), a):
                        break
                    out.append(_mention_row(doc, a, b, entity_id, NAME, " ".join(forms[i:i + length]), VARIANT))
                    covered[i:i + length] = [True] * length
                    i += length - 1
                    break
            i += 1
        return out

    def _typo_rows(self, doc: Doc, forms, starts, ends, covered, rows) -> list[dict]:
        """A country's long name with one letter mistyped, dropped or doubled (قيرغيرستان،
        كازاخستا) among the words no alias covered: a word no wordfreq list holds as a common word,
        proclitics peeled, one edit from exactly one country's name. Stored as a variant match."""
        out: list[dict] = []
        typos, memo = self._typos, self._typo_hits
        for i, form in enumerate(forms):
            if covered[i] or len(form) < TYPO_LETTERS - 1 or form.isascii():
                continue
            # a form's reading depends on the form alone: looked up once per process (words recur)
            if form in memo:
                hit = memo[form]
            else:
                hit = None
                for reading in peel(form, 2):
                    if len(reading) < TYPO_LETTERS - 1 or is_common_word(reading):
                        continue
                    found = {c for k in range(len(reading) + 1)
                             for c in typos.get(reading[:k] + reading[k + 1:] if k < len(reading) else reading, ())
                             if within_edits(reading, c[1], 1)}
                    if len({e for e, _ in found}) == 1:
                        hit = (reading, *next(iter(found)))
                        break
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()
                memo[form] = hit
            if hit is None:
                continue
            reading, entity_id, alias = hit
            a, b = doc.norm.to_original(ends[i] - len(reading), ends[i])
            if any(r["char_start"] < b and a < r["char_end"] for r in rows):
                continue  # read already (an unseen spelling of the name: _variant_rows)
            covered[i] = True
            # the name with a nisba ending (كوستاريكي، كوستاريكية): the country's adjective
            stems = (alias, alias[:-1]) if alias[-1] in "اه" else (alias,)
            form = ADJECTIVE if any(reading == stem + end for stem in stems for end in ("ي", "يه")) else NAME
            if form == ADJECTIVE and forms[i][:len(forms[i]) - len(reading)].endswith("ال"):
                a, _ = doc.norm.to_original(ends[i] - len(reading) - 2, ends[i])  # (its article too)
            out.append(_mention_row(doc, a, b, entity_id, form, alias, VARIANT))
        return out

    @staticmethod
    def _in_arabic(forms, i: int, end: int) -> bool:
        """An Arabic word among the two words on either side of forms[i:end] (an English sentence
        quoted whole is left alone)."""
        return any(not w.isascii() for w in forms[max(0, i - 2):i] + forms[end:end + 2])

    def _variant_row(self, doc: Doc, forms, starts, ends, covered, item, by_sentence, article,
                     last: int | None = None) -> dict | None:
        """The mention row of one variant candidate ``item`` = (token, (skip, entity, alias)), or None
        (``last``: the name's last token, when two words are read as one)."""
        variants = self.variants
        i, (skip, entity_id, alias) = item
        last = i if last is None else last
        word = forms[i] if last == i else "".join(forms[i:last + 1])
        a0, _ = doc.norm.to_original(starts[i], ends[i])
        sentence = doc.sentence_at(a0)
        before: list[str] = []  # up to two free words right before it, on its line
        for j in (i - 1, i - 2):
            if j < 0 or covered[j] or _LINE_BREAK.search(doc.norm.text[ends[j]:starts[i]]):
                break
            before.insert(0, forms[j])
        if not skip and before and self._another_given(doc, forms, starts, ends, entity_id, i - 1,
                                                       before[-2] if len(before) > 1 else None):
            return None
        why = variants.support(entity_id, variant_key(word[skip:]), before,
                               by_sentence.get(sentence, set()), article)
        if why is None:
            return None
        if word[skip:] in variants.truncated and not (why[1] or entity_id in article):
            # a name cut short needs the person's own first name before it or the person named in
            # the article: "الروسي دانييل ميدفيدي" is the tennis player, not Dmitry Medvedev
            return None
        etype = self.types.get(entity_id)
        if etype == "person" and forms[i][:skip].endswith(("ال", "لل")):
            return None  # "والدونغان" (the Dungans): a person's name takes no article
        # (bare: a name-like word no list knows joined before an unseen spelling of a family name
        # is another person's first name, as before an exact one: جولميرات ميرادوف is not Rashid
        # Meredov)
        if etype == "person" and not skip and not why[1] and self._not_the_person(
                entity_id, forms, starts, ends, covered, doc.norm.text, i, True,
                self.variants.feminine_family_name(word[skip:]),
                _original_word(doc, starts, ends, i - 1) if i else ""):
            return None
        if etype in PLACE_TYPES and self._after_region_word(forms, starts, ends, doc.norm.text, i):
            entity_id = self._region_named(forms[i][skip:]) or entity_id
        start = starts[i] + skip
        form = self._form_of.get(alias, "name")
        if form == ADJECTIVE and forms[i][:skip].endswith(("ال", "لل")):
            start -= 2 if forms[i][:skip].endswith("ال") else 1  # an adjective keeps its article
        k = i
        # the person's first names just before (قاسم جومارت توكافييف): part of the mention
        while why[1] and k > 0 and i - k < 3 and not covered[k - 1] and (
                given := variants.given_reading(entity_id, forms[k - 1])) is not None:
            k -= 1
            start = starts[k] + len(forms[k]) - len(given)
        a, b = doc.norm.to_original(start, ends[last])
        return _mention_row(doc, a, b, entity_id, form, alias, VARIANT)

    def _apply_rules(self, rows: list[dict], doc: Doc) -> list[dict]:
        if not rows or not self.rules:
            return rows
        present = {r["entity_id"] for r in rows}
        # per row: the ids of the other mentions of its list, as read before any rule
        listed = _lists(rows, doc.text) if any(
            (r.when_listed_with or r.unless_listed_with) and r.source in present for r in self.rules) else None
        for rule in self.rules:
            if rule.source not in present or not (rule.if_any & present):
                continue
            dated = rule.published_before is None or (
                doc.published is not None and doc.published < rule.published_before)
            if rule.published_from is not None and (doc.published is None or doc.published < rule.published_from):
                continue
            targets = [t["char_start"] for t in rows if t["entity_id"] == rule.target]
            for k, r in enumerate(rows):
                if r["entity_id"] == rule.source and r["match"] != ARTICLE_NAME and (
                        rule.only_aliases is None or r["alias"] in rule.only_aliases) and not (
                        rule.unless_after and any(w in rule.unless_after for w in peel(
                            _word_before(doc.text, r["char_start"]), 1))) and (
                        dated or any(_near_after(doc.text, r["char_end"], t) for t in targets)) and (
                        not rule.when_followed_by or _word_after(doc.text, r["char_end"]) in rule.when_followed_by) and (
                        not rule.when_after_within or _after_within(rule, _words_before(doc.text, r["char_start"]))) and \
                        _sentence_allows(rule, doc, r, listed[k] if listed is not None else frozenset()):
                    r["entity_id"] = rule.target
        return rows


# The words right before a mention, back to the first punctuation (a clause's words).
_CLAUSE_BEFORE = re.compile(r"[^\n.،,:؛;!?؟()\"«»“”]*$")


def _words_before(text: str, start: int) -> set[str]:
    """The last WORDS_BEFORE words before ``start`` in its clause, folded, each with and without
    one proclitic."""
    clause = _CLAUSE_BEFORE.search(text, max(0, start - 80), start)
    words = _WORDS.findall(fold(clause.group(0))) if clause else []
    return {r for w in words[-WORDS_BEFORE:] for r in peel(w, 1)}


def _after_within(rule: ContextRule, window: set[str]) -> bool:
    """A title of ``when_after_within`` among the words before, and none of ``unless_after``
    (a verb of travel or a preposition: "زار الرئيس الصيني نور سلطان" is the city)."""
    return not rule.when_after_within.isdisjoint(window) and rule.unless_after.isdisjoint(window)


def _sentence_allows(rule: ContextRule, doc: Doc, row: dict, listed_with: frozenset[str]) -> bool:
    """The rule's sentence conditions: the words before the mention in its sentence, and the
    mentions it is listed with."""
    if not (rule.when_sentence_has or rule.unless_sentence_has or rule.when_listed_with
            or rule.unless_listed_with):
        return True
    start = doc.sentences[row["sentence_id"]][0] if doc.sentences else 0
    words = {r for w in _WORDS.findall(fold(doc.text[start:row["char_start"]])) for r in peel(w, 2)}
    if (rule.when_sentence_has or rule.when_listed_with) and not (
            words & rule.when_sentence_has or listed_with & rule.when_listed_with):
        return False
    return not (words & rule.unless_sentence_has or listed_with & rule.unless_listed_with)


# Between two mentions of one list: commas, و (glued to the next name or alone), spaces.
_LIST_GAP = re.compile(r"[\s،,]*و?\s*")


def _lists(rows: list[dict], text: str) -> list[frozenset[str]]:
    """For each row (sorted by position), the entity ids of the other mentions of its list."""
    groups: list[list[int]] = []
    for k, r in enumerate(rows):
        prev = rows[k - 1] if k else None
        if prev is not None and prev["sentence_id"] == r["sentence_id"] and \
                prev["char_end"] <= r["char_start"] and \
                _LIST_GAP.fullmatch(text, prev["char_end"], r["char_start"]):
            groups[-1].append(k)
        else:
            groups.append([k])
    out: list[frozenset[str]] = [frozenset()] * len(rows)
    for group in groups:
        for k in group:
            out[k] = frozenset(rows[j]["entity_id"] for j in group if j != k)
    return out


_WORDS = re.compile(r"[^\W\d_]+")
_TWO_WORDS = re.compile(r"\s*(?:[^\W\d_]+\s+){0,2}")


def _near_after(text: str, end: int, start: int) -> bool:
    """Whether ``start`` follows ``end`` with at most two words between them."""
    return end <= start and (m := _TWO_WORDS.match(text, end, start)) is not None and m.end() == start


_WORD_BEFORE_REVERSED = re.compile(r"[\s\"'«»“”(]*([^\W\d_]+)")  # a word, then blanks, quotes, brackets


# A Latin name inside a web address: a domain ending right after it, or a scheme or www. before.
_DOMAIN_AFTER = re.compile(r"\.(?:com|net|org|ru|kz|uz|kg|tj|tm|cn|info|gov|tv|media|news)(?![a-z])", re.IGNORECASE)
_URL_BEFORE = re.compile(r"(?://|www\.)[\w.]*$", re.IGNORECASE)
# The words of a list of towns (joined by و or commas) before one of them, and how many at most.
_LIST_WORD = re.compile(r"[^\s،,]+")
MAX_LISTED = 6
# A word ending in a doubled letter (بخارىى, a typo; شدد, a verb).
_DOUBLED_END = re.compile(r"([^\W\d_])\1(?![^\W\d_])")
# Entity types whose foreign one-word names take the Arabic article (الفيسبوك).
_BRANDS = frozenset({"company", "media"})
# An outlet's edition in a country or city: the outlet's name, a hyphen, the place (_outlet_editions).
_EDITION_PLACES = frozenset({"country", "city"})
_EDITION_HYPHENS = frozenset("-‐‑–")
_YEAR_AFTER = re.compile(r"[ \t\u00a0]+(?:19|20)[0-9]{2}(?![0-9])")
# Place types whose name may stand inside a body's or event's name (معهد آسيا الوسطى، جامعة ووهان).
_NAMED_BODY_PLACES = frozenset({"country", "city", "region"})
# Bodies whose long name may be a hyphenated pair of places (آسيا-أوروبا (آسيم)).
_BODY_TYPES_NAMING_PAIRS = frozenset({"organisation", "forum", "initiative", "institution"})
# Bodies whose names of two or three words are read in unseen spellings (_body_variant_rows), and
# from how many letters (joined): أرسيلورميتال 12, نوراوتان 8.
_VARIANT_BODY_TYPES = frozenset({"company", "party", "media", "organisation", "institution"})
_MIN_BODY_VARIANT_LETTERS = 8
# ... with a word listed as written at most this frequent (ميتال 3.45), the other words rarer than
# ordinary words (نو 4.01 for نور: a letter lost, not the word "no"; not الوطن 5.2)
_BODY_ANCHOR_ZIPF = 4.0
_BODY_VARIANT_WORD_ZIPF = 4.2
# A country's one-word name is read with a typing slip from this many letters (قيرغيزستان 10).
TYPO_LETTERS = 9
_MEMO_LIMIT = 200_000  # word forms a per-process memo holds before it starts again
_PAIR_HYPHEN = re.compile(r"[ \t\u00a0]*[-‐‑–][ \t\u00a0]*")
_BRACKETED = re.compile(r"[ \t\u00a0]*\(([^()\n]{1,24})\)")
# A bracketed short name: one to three words of letters (آسيم، ASEM), no digits.
_ACRONYM_LIKE = re.compile(r"[^\W\d_]+(?:[ .][^\W\d_]+){0,2}")
# The word before a span, then only spaces (no quote, no punctuation) up to it.
_WORD_SPACE_BEFORE = re.compile(r"([^\W\d_]+)[ \t\u00a0]+$")
# An opening quote after a word, and the quoted words up to the span (one line, no other quote).
_QUOTED_OPEN = re.compile(r"([^\W\d_]+)[ \t\u00a0]*[\"«“]([^\"«»“”\n]{0,60})$")
_QUOTE_OPENERS = re.compile(r"[\"«“]")  # one of them stands in every match of _QUOTED_OPEN
_QUOTED_CLOSE = re.compile(r"([^\"«»“”\n]{0,60}?)[\"»”]")
_LETTER = re.compile(r"[^\W_]")
_WORD_AFTER = re.compile(r"[ \t\u00a0]+([^\W\d_]+)")


def _word_after(text: str, end: int) -> str:
    """The folded word right after ``end`` on the same line ('' when punctuation comes first)."""
    m = _WORD_AFTER.match(text, end)
    return fold(m.group(1)) if m else ""


def _word_before(text: str, start: int) -> str:
    """The folded word just before ``start``: the proclitic glued to the mention (بنور سلطان -> ب)
    when there is one, else the previous word."""
    # read backwards: one match at the end, where a search for a word at the end of the stretch
    # would try every position of it
    m = _WORD_BEFORE_REVERSED.match(text[max(0, start - 40):start][::-1])
    return fold(m.group(1)[::-1]) if m else ""


_CREDIT_BEFORE = re.compile(r"(?:^|([-–—])|(\())[ \t]*$", re.MULTILINE)
# A credit alias this frequent as a word (wordfreq Zipf: العالم 6.0, الوقت 5.8; not معا 5.1, وام، قنا)
# is an outlet's credit only at a line's start, not in brackets.
_CREDIT_WORD_ZIPF = 5.5
# A tatweel between spaces is a dash (folding removes it): "العالم ـ أسيا الوسطى".
_TATWEEL_DASH = re.compile(r"[ \t]+\u0640+[ \t]")
# (a bar too: "أخبار الآن | أبو ظبي", a site's heading line)
_CREDIT_AFTER = re.compile(r"[ \t]*(?:($)|([-–—:|])|(\)))", re.MULTILINE)


def _credit_position(norm: str, start: int, end: int, original_after: str = "", brackets: bool = True) -> bool:
    """An outlet's credit: in parentheses ("(كونا)"), or at a line's start or after a dash and
    followed by a colon, a dash or the line's end ("الدوحة – قنا:", "رم - يعتزم"); not a route
    ("(القاهرة – قنا)"). ``original_after``, the text right after the name as written, may hold
    the dash that folding removes: a tatweel standing alone ("العالم ـ أسيا الوسطى")."""
    line_start = max(norm.rfind("\n", 0, start), norm.rfind("\r", 0, start)) + 1
    before = _CREDIT_BEFORE.search(norm, line_start, start)
    if before is not None and not before.group(2) and _TATWEEL_DASH.match(original_after):
        return True
    after = _CREDIT_AFTER.match(norm, end)
    if before is None or after is None:
        return False
    if before.group(2) or after.group(3):  # parentheses: both sides
        return brackets and bool(before.group(2) and after.group(3))
    # after a dateline's dash, the line's end closes a credit of two words or more ("دبي - صوت
    # الإمارات"); a one-word one there may be a route's end ("طريق القاهرة - قنا")
    return bool(after.group(1) is not None and (not before.group(1) or " " in norm[start:end].strip())) \
        or after.group(2) is not None


# Between a body's full name and its short name: quotes, parentheses, a dash, spaces.
_SHORT_NAME_GAP = re.compile(r"[\s\"'«»“”(\[–—-]*")


def _short_name_after(rows: list[dict], entity_id: str, text: str, start: int, end: int) -> bool:
    """A credit-only short name (وام، قنا) right after the body's full name, in quotes or
    parentheses ("وكالة الأنباء الإماراتية “وام”"): the body's, wherever it stands."""
    if not rows or rows[-1]["entity_id"] != entity_id or rows[-1]["char_end"] > start:
        return False
    return _SHORT_NAME_GAP.fullmatch(text, rows[-1]["char_end"], start) is not None and \
        text[rows[-1]["char_end"]:start].strip() != ""


def _original_word(doc: Doc, starts, ends, i: int) -> str:
    """Token ``i`` as the article writes it (unfolded), '' before the first."""
    if i < 0:
        return ""
    a, b = doc.norm.to_original(starts[i], ends[i])
    return doc.text[a:b]


def _adjacent(norm: str, end: int, start: int) -> bool:
    """Only spaces (no punctuation, no line break) between two words."""
    gap = norm[end:start]
    return gap.isspace() and not _LINE_BREAK.search(gap) if gap else end == start


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


def split_tokens(doc: Doc) -> tuple[list[str], list[int], list[int]]:
    """The article's token forms and spans with hyphenated tokens split (``_match_tokens``),
    computed once per article for entities and candidate discovery (read-only lists)."""
    found = doc.shared.get("split_tokens")
    if found is None:
        norm = doc.norm.text
        if not _SPLIT.search(norm):  # most articles: no token to split
            found = (doc.forms, [s for s, _ in doc.tokens], [e for _, e in doc.tokens])
        else:
            found = _match_tokens(norm, doc.tokens)
        doc.shared["split_tokens"] = found
    return found


def mentions_by_token(doc: Doc, mentions: list[dict], starts, ends, field: str = "entity_id") -> list:
    """For each token (``starts``/``ends``: spans of the normalised text, as split_tokens gives), the
    ``field`` of the mention covering it, or None: the last mention starting at or before the
    token's start, else the next one, where either overlaps it. One vectorised pass over the
    article (provisional names, their learned finder and candidate discovery all read it)."""
    if not mentions or not starts:
        return [None] * len(starts)
    spans = sorted((m["char_start"], m["char_end"], m[field]) for m in mentions)
    m_starts = np.array([s for s, _, _ in spans], dtype=np.int64)
    m_ends = np.array([e for _, e, _ in spans], dtype=np.int64)
    a, b = _original_token_spans(doc, starts, ends)
    k = np.searchsorted(m_starts, a, "right") - 1  # the last mention starting at or before a
    found = np.full(len(a), -1, dtype=np.int64)
    for idx in (k + 1, k):  # k last: where both overlap the token, k's mention wins
        ok = (idx >= 0) & (idx < len(spans))
        safe = np.where(ok, idx, 0)
        hit = ok & (m_starts[safe] < b) & (a < m_ends[safe])
        found = np.where(hit, idx, found)
    # each token's value picked in C (index -1, no mention, is the None after the values): a
    # Python step per token here was ~1 % of extraction (three readers per article)
    values = np.empty(len(spans) + 1, dtype=object)
    values[:-1] = [value for _, _, value in spans]
    return values[found].tolist()


def _original_token_spans(doc: Doc, starts, ends) -> tuple[np.ndarray, np.ndarray]:
    """The tokens' spans in the original text, as arrays: computed once per article for the
    token lists split_tokens gives (three readers ask for them), else for the lists given."""
    found = doc.shared.get("original_token_spans")
    if found is not None and found[0] is starts and found[1] is ends:
        return found[2], found[3]
    a, b = doc.norm.to_original_many(np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64))
    doc.shared["original_token_spans"] = (starts, ends, a, b)
    return a, b


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
