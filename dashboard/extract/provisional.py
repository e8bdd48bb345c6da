"""Provisional entities: people the catalogue does not know yet, counted as mentions anyway.

A catalogue cannot list every official, spokesman, journalist or pilot that news names. Entity
linking calls such a name NIL: it is a person, but no entry of the knowledge base. This module finds
the clear cases and gives each one a provisional id (``new:`` + a slug of its folded name: the same
name in two articles is one id; two transliterations of it are one id in a dataset,
``one_id_per_spelling``), so that charts of who is named count them, apart from the
catalogue's entities and marked ``match = discovered`` for an analyst to review and promote
(``python -m dashboard.catalogue``; after the rebuild the name takes its catalogue id and its
provisional id is gone).

Precision first. A name is taken only where the text itself says it is a person's name:
- after a title or role (``titles``: الرئيس، رئيس البرلمان، نائب وزير، المتحدث باسم ...، قائد
  الطائرة), with descriptors between them skipped (ال-words such as القيرغيزي, catalogue mentions
  such as "منطقة تركستان", the listed ``descriptors`` such as باسم);
- between a verb of saying and a role ("وقال مورود صادقوف، المتحدث باسم ..."; ``speech_verbs``,
  ``roles``);
- after an author credit (``bylines``: كتب: عنتر فرحات).
and only when the words themselves look like a name: two to four words, on one line with nothing
but spaces between them, none a stopword, a title, a month, a catalogue mention or an ordinary
word (wordfreq: a word at least ``max_word_zipf`` frequent is a word unless the catalogue knows it
as somebody's first name), the last one rarer still (``max_last_zipf``: the family name of a
foreigner), the first without ال. Everything is data in discovery_triggers.yaml (``provisional``).

Later in the same article, the same full name (without a title) and the bare family name (or the
first name of a two-word name) are the same person: variant_names.ArticleNames, as for catalogue
persons, resolves them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import compress

import pandas as pd

from dashboard.extract import learned_names
from dashboard.extract.entities import EntityMatcher, _written_forms, mentions_by_token, split_tokens
from dashboard.extract.entity_catalogue import NAME
from dashboard.extract.learned_names import (
    LEARNED,
    UNLISTED,
    Lexicon,
    NameModel,
    RareForms,
    decode,
    probabilities,
    residual,
)
from dashboard.extract.variant_names import (
    ARTICLE_NAME,
    DETACHED_SUFFIXES,
    VARIANT,
    max_edits,
    spelling,
    within_edits,
)
from dashboard.schema import PROVISIONAL_PREFIX, conform
from dashboard.text.clitics import ARTICLE, peel
from dashboard.text.document import Doc
from dashboard.text.normalize import IGNORABLE_CLASS, fold, squeeze_spaces
from dashboard.text.tokens import tokenize
from dashboard.text.variants import COMMON_ZIPF, consonants, eligible, variant_key, word_zipf
from dashboard.text.word_frequencies import in_large_list

DISCOVERED = "discovered"
PROVISIONAL_TYPE = "person"
MIN_WORDS, MAX_WORDS = 2, 4
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
_SPACES = re.compile(r"[ \t\u00a0]+")
# A token's last letter as written, past the diacritics and tatweel folding removes
_LAST_LETTER = re.compile(r"(\w)" + IGNORABLE_CLASS + "$")


def _written_last_letter(doc: Doc, start: int, end: int) -> str:
    """The last letter of the token at normalised [start, end) as the original text writes it:
    folding makes ة ه (منافسة "competition" reads as منافسه "his rival") and ى ي (على "on" reads
    as علي, Ali)."""
    a, b = doc.norm.to_original(start, end)
    found = _LAST_LETTER.search(doc.text, a, b)
    return found.group(1) if found else ""
# Between a title or byline and the name: spaces, a colon, opening quotes.
_OPENING = re.compile(r"[ \t\u00a0:\"«“]*")
_OPENING_OR_SLASH = re.compile(r"[ \t\u00a0:/\"«“–—-]*")
# Between a name and the role that follows it: a comma (Arabic or Latin), spaces.
_BEFORE_ROLE = re.compile(r"[ \t\u00a0]*[،,]?[ \t\u00a0]*")
# A name set off by commas after its title ("لرئيس مقاطعة بدخشان، إدغور فايزوف، خلال"): the comma
# before it, and a comma or full stop right after it.
_APPOSITION_OPEN = re.compile(r"[ \t\u00a0]*[»”\"]?[ \t\u00a0]*[،,][ \t\u00a0]*")
# Quotes around a body's name among a title's descriptors (المتحدث باسم «طالبان»، سهيل شاهين).
_QUOTED_GAP = re.compile(r"[ \t\u00a0]*[«»“”\"]?[ \t\u00a0]*")
# A one-word name and its role: only with a comma between (أوضح بولات، رجل الأعمال), never
# "أكد رئيس" (a verb and the title of someone named later).
_ROLE_COMMA = re.compile(r"[ \t\u00a0]*[،,]")
_APPOSITION_CLOSE = re.compile(r"[ \t\u00a0]*[،,.]")
_COMMA = re.compile(r"[،,][ \t\u00a0]*")
_PHRASE_BREAK = re.compile(r"[؛;.،,:\n]")
# After a name and a comma, "وهو"/"وهي" and what the person is ("بيكبولات اوكبويف، وهو طبيب"), or
# the person's age ("رافيل بودوكوف (31 عاما)", "، 45 عاما،"): only a person is described so.
# A preposition glued to the article (بال، كال، لل): no word inside a name starts so.
_PREPOSITION_AND_ARTICLE = ("بال", "لل")
# An ordinary word this frequent at most may end a name that a title or role frames (ستار 4.46),
# or start one of two such words (فريدريك ستار; not "وزير الداخلية بمثابة انتصار", بمثابة 4.76).
FRAMED_LAST_ZIPF = 4.5
# The given name between a family name written first and a patronymic (قديرزودا سعدي سانجينمورد:
# سعدي 3.45) is an ordinary word of this frequency at most.
_FAMILY_FIRST_GIVEN_ZIPF = 4.0
# A one-word name (أيان، بولات) is taken only between a verb of saying and a description or role,
# and only when it is this rare at most (or a known first name).
ONE_WORD_ZIPF = 3.8
_DESCRIBED_PERSON = re.compile(r"[ \t\u00a0]*(?:[،,][ \t\u00a0]*(?:وهو|وهي)[ \t\u00a0]|"
                               r"[(،,][ \t\u00a0]*[0-9٠-٩]{1,3}[ \t\u00a0]*(?:عاما|عامًا|عاماً|سنة)[ \t\u00a0]*[)،,])")
# A preposition of place inside a title's descriptors (رئيس جهاز التحقيقات في النيابة العامة).
_PLACE_PREPOSITIONS = frozenset(fold(w) for w in ("في", "لدى"))
# Between an author credit and the name: a colon, a slash or a dash ("كتب: ...", "كتب – ...").
_BYLINE_MARKS = (":", "/", "–", "—", "-")
_MAX_DESCRIPTORS = 6  # (رئيس جهاز التحقيقات في النيابة العامة ضمير بييشكييف)
# A nasab (بدر بن سلطان بن عبدالعزيز، عبدالله بن محمد بن إبراهيم آل الشيخ) is longer than other
# names: with a particle in it, a name may have this many more words.
_NASAB_EXTRA_WORDS = 3
# After a title written as a letter and a full stop (د. جابر): the stop, then spaces.
_ABBREVIATION_GAP = re.compile(r"\.[ \t\u00a0]*")
# Particles that may open a name (folded): عبد الخالق، أبو مازن.
_NASAB = "بن"  # the link of a nasab (أحمد بن علي)
_NASAB_OF_CHILD = frozenset({"بنت", "ابنه", "ابن"})  # the child's name goes before (الجوهرة بنت ...)
_NAME_OPENING_PARTICLES = frozenset({"عبد", "ابو"})
# The second half of a compound given name (فخر الدين، نور الدين، صلاح الدين).
_COMPOUND_GIVEN_TAILS = frozenset({"الدين", "العابدين", "الاسلام"})  # (زين العابدين بن علي، سيف الإسلام)
# A family name with the article is rarer than this (الفيصل 4.06; not الأسبق 4.12, الجديد).
_FAMILY_ARTICLE_ZIPF = 4.1
# Between the items of a list of holders: a comma, then the next portfolio glued to و.
_LIST_COMMA = re.compile(r"[ \t\u00a0]*[،,][ \t\u00a0]*")
# Possessive pronouns glued to a noun (ولايته، دعمه، رئيسها): with one, a frequent stem is a word.
_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه", "كم", "نا")
_STEM_ZIPF = 3.5
# Dual and plural endings: with one, a frequent stem of four letters or more is a word.
_NUMBER_SUFFIXES = ("ين", "ان", "ون", "ات", "ا")  # and the accusative ا (أبحاثا، مصدرا)
# A feminine plural this frequent whose singular is a word is a word too (سلطات), not a surname (فرحات).
_PLURAL_ZIPF = 4.0
# a word read as a proclitic or an ending on a word rarer than this may still be a foreign name's
# (بابكين: بابك + ين، كورسان: كورس + ان; not مخيمين: مخيم + ين)
_MASKED_ZIPF = 4.0
# Nisba endings (folded): with one, a frequent stem of five letters or more is an adjective.
_NISBA_SUFFIXES = ("يه", "ي")
# Russian patronymics (folded: -ovich, -evich, -ovna, -evna): after a first name and one, the family
# name follows ("يفغيني فيكتوروفيتش بريجوجين")
_PATRONYMIC_ENDINGS = ("وفيتش", "يفيتش", "وفنا", "يفنا")
# A hyphen inside a compound family name (غرابار-كيتاروفيتش): the name goes on after it.
_HYPHEN = re.compile(r"[-‐‑]")

_NOT_SLUG = re.compile(r"[^a-z0-9_]")
# The verbal noun of a doubled verb (تفعيل: توقيف، تسليم، تعيين), folded: an ordinary word before a name
_VERBAL_NOUN = re.compile(r"ت[\u0621-\u064a]{2}ي[\u0621-\u064a]")
# The Arabic names in an article's source field: "Iran Press (إيران برس), arabic.iranpress.com"
# -> إيران برس; "روسيا - العالم الإسلامي" stays one name (a dash joins its parts).
_SOURCE_NAME = re.compile(r"[\u0621-\u06ff]+(?:[ \t]*[-–][ \t]*[\u0621-\u06ff0-9]+|[ \t]+[\u0621-\u06ff0-9]+)*")
# Between the words of an outlet's name: spaces, or a dash inside it (روسيا - العالم الإسلامي).
_OUTLET_GAP = re.compile(r"[ \t\u00a0]+|[ \t\u00a0]*[-–][ \t\u00a0]*")
# Before an outlet's own credit: a line's start, a dateline's dash or an opening bracket; after it:
# the line's end, a dash, a colon or the closing bracket.
_OWN_BEFORE = re.compile(r"(?:^|[-–—]|(\())[ \t]*$", re.MULTILINE)
_OWN_AFTER = re.compile(r"[ \t]*(?:$|[-–—:]|(\)))", re.MULTILINE)
# Catalogue types an outlet's own name may already be (then the catalogue's mention stands).
_BRANDS_KNOWN = frozenset({"media", "company", "organisation"})
# The word before a name, quotes between allowed (وكالة «إيران برس»).
_NOUN_BEFORE = re.compile(r"(\w+)[ \t\u00a0]*[«“\"]?[ \t\u00a0]*$")
_ABD_APART = re.compile(r"(?<![\u0621-\u064a])عبد (?=[\u0621-\u064a])")
# Bodies named in quotes after the noun that says what they are (موقع “تنغرينيوز”): their types.
BODY_TYPES = ("media", "company", "party", "organisation")
# Places named right after the noun that says what they are (مدينة أكسو، قرية باسكي اريك، نهر إسفارا).
PLACE_TYPES = ("city", "region", "river")
MAX_PLACE_WORDS = 2
# A place's name closed by an adjective (معبر شير خان بندر الحدودي) has this many words at most.
MAX_FRAMED_PLACE_WORDS = 3
# Between the two words of a place's name written with a dash (كوي - طاش، كوي- طاش).
_NAME_DASH = re.compile(r"[ \t\u00a0]*[-‐‑–][ \t\u00a0]*")
# A place's two-word name may open with a word of some frequency (كوي 3.2) when the second is a word
# no text uses (تاش 0): قرية كوي تاش
_PLACE_FIRST_ZIPF, _PLACE_SECOND_ZIPF = 3.5, 1.5
_OPEN_QUOTE = re.compile(r"[ \t\u00a0]*[«“\"][ \t\u00a0]*")
_CLOSE_QUOTES = "»”\""
_SPACED_OPEN_QUOTE = re.compile(r"[ \t\u00a0]+[«“\"][ \t\u00a0]*")
_CLOSED_GAP = re.compile(r"[ \t\u00a0]*[»”\"][ \t\u00a0]+")
# A source line (المصدر : موزاييك ف م، *المصدر: فرانس24/ أ ف ب): the word, then the rest of the line.
_SOURCE_LINE = re.compile(r"^[ \t*•-]*(\w+)[ \t]*:[ \t]*([^\n]*)$", re.MULTILINE)
_CREDIT_SPLIT = re.compile(r"[/،,|]")
# The opening line's credits: "أربيل (كوردستان 24)- ..." and "مدار الساعة - ...".
_DATELINE_CREDIT = re.compile(r"[ \t]*[^\W\d_]+(?:[ \t]+[^\W\d_]+)?[ \t]*\(([^()\n]{2,40})\)[ \t]*[-–—:]")
# The opening line's dateline and the reporter after its last slash or colon: "الأناضول - بيشكيك /
# نذير علييف - أعلن ..."، "كازينفورم - نورسلطان - القاهرة: محمد سلامة" (a credit, then places after dashes).
_DATELINE_REPORTER = re.compile(r"[ \t]*[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2}"
                                r"(?:[ \t]*[-–—][ \t]*[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2}){0,3}[ \t]*[/:][ \t]*")
# What may end a dateline's reporter: the line's end, or a dash before the report.
_REPORTER_END = re.compile(r"[ \t]*(?:$|[-–—][ \t])", re.MULTILINE)
_OPENING_BYLINE = re.compile(r"[ \t]*([^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2})[ \t]+[-–—][ \t]")
# A word after a company's initials at most this frequent continues its name (جيه بي مورغان،
# دي جي وورلد); a more frequent one is the sentence going on (شركة آي بي إم حظر).
_NAME_WORD_ZIPF = 4.2
_OPEN_PAREN = re.compile(r"[ \t\u00a0]*\([ \t\u00a0]*")
# The places whose name may stand inside a body's quoted name (إذاعة "صدى موسكو"، صحيفة "صوت بيروت").
_PLACE_TYPES_INSIDE = ("city", "country", "region")
MAX_BODY_WORDS = 5
# A passive participle in the feminine (مفعولة: منكوبة، مأزومة، منزوعة), folded: after a place's noun
# it describes the place, it names none
_PARTICIPLE = re.compile(r"م[\u0621-\u064a]{2}و[\u0621-\u064a]ه")
# A body's short name right after its long one, in quotes or brackets: «مصدر»، (مصدر)
_SHORT_NAME_OPEN = re.compile(r"[ \t\u00a0]*[«“\"(][ \t\u00a0]*")
_SHORT_NAME_CLOSE = re.compile(r"[ \t\u00a0]*[»”\")]")
# ... after a long name in quotes: the closing quote, then the short name's bracket or quote
# (شركة “أبو ظبي لطاقة المستقبل” (مصدر))
_QUOTED_SHORT_NAME_OPEN = re.compile(r"[ \t\u00a0]*[»”\"][ \t\u00a0]*[«“\"(][ \t\u00a0]*")
# Heads of bodies named after a place and their field (شركة أبوظبي لطاقة المستقبل، هيئة دبي للطرق)
_PLACE_NAMED_BODIES = ("company", "organisation")
# Punctuation that may end an outlet's name written without quotes (صحيفة فيدوموستي، ...).
_OUTLET_NAME_END = re.compile(r"[ \t\u00a0]*[،,.:؛]")
_MAX_BODY_DESCRIPTORS = 3  # ال words between a body's noun and its quoted name (شركة الطاقة الحكومية "...")
_MAX_FIELD_WORDS = 2  # a body named after a person: its field's words after the name (للفضاء)
# Folded Arabic letters -> a readable ASCII slug (the id must be safe in URLs, file names and the
# search language's entity:ID; two letters a translator never confuses stay apart).
_SLUG = str.maketrans({
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "hh", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "ss", "ض": "dd", "ط": "tt", "ظ": "zz", "ع": "e",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
    "ي": "y", "ء": "x", "ئ": "yx", "ؤ": "wx", " ": "_",
})


def _written(words) -> frozenset[str]:
    """Every way the words are written with proclitics glued on (قال: وقال، فقال ...)."""
    return frozenset(w for word in words for w, _ in _written_forms(word))


class _Blocked:
    """Word i is blocked: ``taken`` by a provisional row, covered by a catalogue mention, or
    marked here; computed when asked."""

    def __init__(self, taken: list[bool], covered: list[str | None]):
        self._taken, self._covered, self._marked = taken, covered, set()

    def __getitem__(self, i: int) -> bool:
        return bool(self._taken[i]) or self._covered[i] is not None or i in self._marked

    def __setitem__(self, i: int, value: bool) -> None:
        if value:
            self._marked.add(i)
        else:
            self._marked.discard(i)

    def __len__(self) -> int:
        return len(self._taken)


def provisional_id(folded_name: str, kind: str = PROVISIONAL_TYPE) -> str:
    """The id of a provisional entity: ``new:`` + an ASCII slug of the folded name (deterministic:
    the same name in any article, any build, has the same id); a body's id names its type first
    (``new:media:tnghrynywz``)."""
    # عبد is written apart or glued (عبد الرازق، عبدالرازق): one person, one id
    slug = _NOT_SLUG.sub("-", _ABD_APART.sub("عبد", squeeze_spaces(folded_name)).translate(_SLUG))
    return PROVISIONAL_PREFIX + (slug if kind == PROVISIONAL_TYPE else f"{kind}:{slug}")


def provisional_type(entity_id: str) -> str:
    """The entity type a provisional id stands for (person unless the id names a body's type)."""
    rest = entity_id[len(PROVISIONAL_PREFIX):]
    kind, sep, _ = rest.partition(":")
    return kind if sep and (kind in BODY_TYPES or kind in PLACE_TYPES) else PROVISIONAL_TYPE


@dataclass(frozen=True)
class PlaceNoun:
    """What a place's noun says of the name after it."""
    kind: str                 # the place's type (city, region, river)
    noun_in_name: bool        # the noun is part of the name (نهر إسفارا، بحيرة تشاني; not مدينة أكسو)
    # the name may be one word with the article when that word is no ordinary word (جبال الأورال)
    article_names: bool = False
    # adjectives that close a name of up to MAX_FRAMED_PLACE_WORDS words of any frequency (معبر
    # شير خان بندر الحدودي: the crossing's adjective marks where the town's name ends)
    closing: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ProvisionalRules:
    titles: frozenset[str]
    descriptors: frozenset[str]
    speech_verbs: frozenset[str]
    roles: frozenset[str]
    bylines: frozenset[str]
    not_name_words: frozenset[str]
    particles: frozenset[str]
    max_word_zipf: float
    max_last_zipf: float
    bodies: dict[str, str] = field(default_factory=dict)  # folded noun -> type (صحيفة -> media)
    # common given names (folded): a name that starts with one may end in an ordinary word
    # (رشا حافظ، سامح شكري), as Arab family names often are
    given_names: frozenset[str] = frozenset()
    # plural roles that open a list of holders, each after their portfolio ("ووزراء الدفاع خلوصي
    # آكار، والعدل بكير بوزداغ")
    plural_titles: frozenset[str] = frozenset()
    # honorifics after which a name may end in a family name with the article (الأمير سعود الفيصل)
    family_titles: frozenset[str] = frozenset()
    # Bodies named by a head noun and the words after it, no quotes (حزب النهضة، مركز أبحاث العلوم
    # الجيولوجية الألماني، المعهد الأميركي للجيوفيزياء): folded head (without ال) -> type
    headed: dict[str, str] = field(default_factory=dict)
    # words that make "حزب ال..." no party's name (حزب المعارضة، حزب الرئيس)
    generic_party_words: frozenset[str] = frozenset()
    # place nouns (folded) -> what a name after one is (its type, whether the noun is part of it...)
    places: dict[str, PlaceNoun] = field(default_factory=dict)
    # titles written as one letter and a full stop (د. جابر نجم عبد الله التميمي)
    abbreviated_titles: frozenset[str] = frozenset()
    # Outlets named where an article credits them (media_credits): the words that open a source
    # line (المصدر: ...), a name's last words that make it an outlet's (بلدي نيوز، موزاييك ف م), and
    # the ordinary words a dateline's credit may be (وكالات، متابعات), folded
    source_words: frozenset[str] = frozenset()
    media_tails: tuple[tuple[str, ...], ...] = ()
    generic_credits: frozenset[str] = frozenset()
    # words after which the outlet's own name, glued to ب or ل, is its credit ("خاص بالعالم")
    exclusive_words: frozenset[str] = frozenset()
    # Roles with a possessive pronoun (منافسه "his rival", سلفه "his predecessor"): definite as
    # titles with ال are, so a name may follow them directly ("حل منافسه أداخان مادوماروف ثانيا")
    possessed_titles: frozenset[str] = frozenset()
    # Endings of Russian and Central Asian family names (folded: -ov, -ova, -yev, -zoda, -enko):
    # a name of rare words ending in one, right after a verb of saying, is a person's even without
    # a role after it ("وقالت ديانا موكاناييفا، بصوت مرهق")
    surname_endings: tuple[str, ...] = ()
    # nouns of projects and facilities (مشروع، محطة، حقل): a place's name in quotes after one is the
    # project's name ("مشروع "نوكوس" لتوليد طاقة الرياح"), no mention of the place
    projects: frozenset[str] = frozenset()
    # nouns of broadcasters (تلفزيون، إذاعة): one right before an organisation's name the catalogue
    # knows is a broadcaster named after it (تلفزيون الأمم المتحدة), the organisation inside its name
    broadcasters: frozenset[str] = frozenset()
    # words that close a report, its editor's name after them at the very end of the text
    # ("... وفاة.انتهى" then "عمار المسعودي")
    sign_offs: frozenset[str] = frozenset()
    # outlets' nouns after which a rare word is an outlet's name without quotes (صحيفة لادا المحلية)
    unquoted_outlet_nouns: frozenset[str] = frozenset()
    # companies' nouns after which one or two words no text uses at all, then punctuation or an
    # adjective, are a company's name without quotes (شركة كوراماكس ميديكال الأوزبكية)
    unquoted_company_nouns: frozenset[str] = frozenset()
    # Descriptions of two words that stand before a name as a title does, the second with the
    # article (رائد الفضاء، رجل الأعمال): folded word tuples. Their first word may be a given name
    # too (رائد), so it is no title word of its own.
    description_titles: frozenset[tuple[str, ...]] = frozenset()


def parse_rules(data: Mapping) -> ProvisionalRules:
    """The ``provisional`` section of discovery_triggers.yaml."""
    p = data.get("provisional") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in p.get(key, []))

    credits = p.get("media_credits") or {}
    bodies = {}
    for kind, nouns in (p.get("bodies") or {}).items():
        if kind not in BODY_TYPES:
            raise ValueError(f"provisional bodies: unknown type {kind!r} (one of {', '.join(BODY_TYPES)})")
        bodies.update({fold(n): kind for n in nouns})
    headed = {}
    for kind, nouns in (p.get("headed_bodies") or {}).items():
        if kind not in BODY_TYPES:
            raise ValueError(f"provisional headed_bodies: unknown type {kind!r} (one of {', '.join(BODY_TYPES)})")
        headed.update({fold(n): kind for n in nouns})
    places = {}
    for group, spec in (p.get("places") or {}).items():
        # a group's type is its key unless it names one (lakes and mountains are regions, as the
        # catalogue types the Aral Sea and Lake Balkhash)
        kind = spec.get("type", group)
        if kind not in PLACE_TYPES:
            raise ValueError(f"provisional places: unknown type {kind!r} (one of {', '.join(PLACE_TYPES)})")
        rule = PlaceNoun(kind, bool(spec.get("noun_in_name")), bool(spec.get("article_names")),
                         frozenset(fold(w) for w in spec.get("closing") or []))
        places.update({fold(n): rule for n in spec.get("nouns") or []})
    return ProvisionalRules(words("titles"), words("descriptors"), words("speech_verbs"),
                            words("roles"), words("bylines"), words("not_name_words"),
                            words("particles"), float(p.get("max_word_zipf", 5.0)),
                            float(p.get("max_last_zipf", 3.5)), bodies, words("given_names"),
                            words("plural_titles"), words("family_titles"), headed,
                            words("generic_party_words"), places, words("abbreviated_titles"),
                            frozenset(fold(w) for w in credits.get("source_words", [])),
                            tuple(sorted({tuple(fold(t).split()) for t in credits.get("media_tails", [])},
                                         key=lambda t: (-len(t), t))),
                            frozenset(fold(w) for w in credits.get("generic", [])),
                            frozenset(fold(w) for w in credits.get("exclusive", [])),
                            words("possessed_titles"),
                            tuple(sorted({fold(w) for w in p.get("surname_endings", [])}, key=lambda w: (-len(w), w))),
                            words("projects"), words("broadcasters"), words("sign_offs"),
                            words("unquoted_outlet_nouns"), words("unquoted_company_nouns"),
                            frozenset(tuple(fold(d).split()) for d in p.get("description_titles", [])))


class ProvisionalFinder:
    """Built once per catalogue (with the build's EntityMatcher); picklable."""

    def __init__(self, rules: ProvisionalRules, matcher: EntityMatcher, stopwords: frozenset[str],
                 months: Mapping[str, int], letter_names: frozenset[str] = frozenset(),
                 learned: NameModel | None = None):
        self.rules = rules
        # the learned name finder (learned_names.py), applied after every rule: None without a model
        self.learned = learned
        # Latin letters as Arabic spells them (إي، دي، إف): a company named by its initials
        # (شركة إي دي إف الفرنسية)
        self.letter_names = frozenset(fold(w) for w in letter_names)
        self.matcher = matcher
        self.stopwords = stopwords
        self.months = frozenset(fold(m) for m in months if not m.isascii())
        variants = matcher.variants
        self.types = variants.types
        # the catalogue's first names (and the words before a family name): a frequent word that is
        # one of them (محمد، فلاديمير) may start a name
        self.given = (frozenset(variants.all_given).union(*variants.forenames.values())
                      if variants.forenames else frozenset(variants.all_given)) | rules.given_names
        self.never = (rules.titles | rules.descriptors | rules.speech_verbs | rules.roles
                      | rules.bylines | rules.not_name_words | variants.titles | variants.place_words
                      | rules.plural_titles | rules.family_titles | matcher.relative_words
                      | rules.possessed_titles)
        # kinship nouns with their pronoun (عقيلته، والده، نجلها): the name after one is a
        # relative's, its own person (name_context.yaml; the matcher leaves it to this finder)
        self.relatives = matcher.relative_words
        self.active = bool(rules.titles or rules.speech_verbs or rules.bylines or rules.bodies or rules.headed)
        # a head noun as written, with or without the article and proclitics (حزب، وحزب، الحزب،
        # للمعهد) -> (type, chars before the name, with the article)
        # catalogue names without their spaces (حزب العدالة و التنمية is حزب العدالة والتنمية): a
        # body found here that the catalogue knows is the catalogue's, as a variant
        # (never a generic name, حزب النهضة: the matcher gives it to a body only where the article
        # names the body's country)
        self._joined_names = {"".join(cand[0]): cand[2] for cands in matcher.first_words.values()
                              for cand in cands if cand[2] and not cand[5] and cand[4] not in matcher.generic_alias}
        self._place_forms = {w: (noun, skip) for noun in sorted(rules.places) for w, skip in _written_forms(noun)}
        # cities' and countries' names (folded words) by their first word: a body named after one
        self._place_names: dict[str, set[tuple[str, ...]]] = {}
        for cands in matcher.first_words.values():
            for words, _gaps, entity_id, form, _alias, _context in cands:
                if form == "name" and self.types.get(entity_id) in ("city", "country") and \
                        all(_ARABIC_WORD.fullmatch(w) for w in words):
                    self._place_names.setdefault(words[0], set()).add(words)
        self._headed_forms: dict[str, tuple[str, int, bool, str]] = {}
        for noun, kind in sorted(rules.headed.items()):
            for definite in (False, True):
                head = ARTICLE + noun if definite else noun
                for w, skip in _written_forms(head):
                    self._headed_forms.setdefault(w, (kind, skip, definite, head))
        # every way a trigger word is written with proclitics (وقال، لقائد، للرئيس): one dict lookup
        # per token, as entities.py does; only a hit is looked at further
        self._title_forms = _written(rules.titles | self.relatives | rules.family_titles | rules.possessed_titles)
        self._plural_forms = _written(rules.plural_titles)
        self._named_after = frozenset(w for word in matcher.named_after for w, _ in _written_forms(word))
        self._speech_forms = _written(rules.speech_verbs)
        # a role right after a name and its comma, as written (no proclitic: والمتحدث goes on a list)
        self._apposed_roles = rules.roles | rules.titles
        self._byline_forms = _written(rules.bylines)
        self._unquoted_outlet_forms = _written(rules.unquoted_outlet_nouns)
        self._unquoted_company_forms = _written(rules.unquoted_company_nouns)
        # (a possessed role that is also a title, نائبه ~ نائبة, stays a title with ة)
        self._possessed_forms = _written(rules.possessed_titles - rules.titles)
        self._body_forms = {w: kind for noun, kind in sorted(rules.bodies.items())
                            for w, _ in _written_forms(noun)}
        self._project_forms = _written(rules.projects)
        self._broadcaster_forms = _written(rules.broadcasters)
        # "news" after an agency's noun: وكالة أنباء (قابار)، وكالة الأنباء "..."
        # countries' one-word names (folded), which the matcher leaves out after a body's noun
        self._country_names = frozenset(cand[0][0] for cands in matcher.first_words.values() for cand in cands
                                        if len(cand[0]) == 1 and not cand[5] and
                                        matcher.types.get(cand[2]) == "country" and
                                        matcher._form_of.get(cand[4]) == "name")
        self._news_words = frozenset(fold(w) for w in ("أنباء", "الأنباء", "للأنباء"))
        # "عن حزب": the party a candidate stands for, after the candidate's name
        self._before_party = frozenset({"عن"})
        self._party_nouns = frozenset(noun for noun, kind in rules.headed.items() if kind == "party")
        # the nouns of places (منطقة، مقاطعة، ميناء), with proclitics: a name after one is no person's
        self._place_noun_forms = _written(variants.place_words)
        # a head noun as written -> the type of the body or place named after it (a learned name's)
        self._head_kinds = {**self._body_forms, **{w: v[0] for w, v in self._headed_forms.items()},
                            **{w: rules.places[noun].kind for w, (noun, _) in self._place_forms.items()}}
        self.lexicon = Lexicon(self.given, rules.surname_endings, self._inflected_word)
        self._rare_forms = RareForms(self.stopwords, learned.candidate_zipf if learned else 0.0)  # residual's memo
        # a description's first word as written (ورائد، لرجل) -> the words that must follow it
        self._description_forms: dict[str, list[tuple[str, ...]]] = {}
        for words in sorted(rules.description_titles):
            for w, _ in _written_forms(words[0]):
                self._description_forms.setdefault(w, []).append(words[1:])
        self._trigger_forms = (self._title_forms | self._speech_forms | self._byline_forms | self._plural_forms
                               | rules.abbreviated_titles | self._before_party | frozenset(self._description_forms))

    # -- one word -------------------------------------------------------------------------------
    @staticmethod
    def _zipf(word: str) -> float:
        return word_zipf(word)

    def _word_kind(self, form: str, first: bool, previous: str | None, article: bool) -> str | None:
        """What a token (folded, as written) can be in a person's name: "given" (a first name the
        catalogue knows), "rare" (no ordinary word: a foreign name), "common" (an ordinary word of
        some frequency: a name only next to rare ones), "particle" (عبد، بن), or None."""
        if not first and not article and form in self.rules.particles:
            return "particle"  # بن is a stopword elsewhere
        if not first and article and previous in self.rules.particles and _ARABIC_WORD.fullmatch(form):
            return "particle"  # آل الشيخ، عبد الرحمن: even a title's word names a family after آل
        if not first and not article and previous == _NASAB and form in self.given:
            return "given"  # أحمد بن علي: a given name after بن, even one folding makes a stopword (على)
        if len(form) < 2 or not _ARABIC_WORD.fullmatch(form) or form in self.stopwords \
                or form in self.never or form in self.months:
            return None
        if article:
            # عبد الله، أبو الفضل: an ال word only right after a particle; فخر الدين: after a given name
            if not first and form in _COMPOUND_GIVEN_TAILS and previous is not None and (
                    previous in self.given or self._compound_head(previous)):
                return "given"
            return "particle" if not first and previous in self.rules.particles else None
        if form in self.rules.particles:
            # a name may start with عبد or أبو (عبد الخالق إبراهيم، أبو مازن), never with بن or آل
            return ("given" if form in _NAME_OPENING_PARTICLES else None) if first else "particle"
        if form in self.given:
            return "given"
        if not first and form.startswith(_PREPOSITION_AND_ARTICLE) and \
                in_large_list(ARTICLE + form[3:] if form.startswith("بال") else ARTICLE + form[2:]):
            # "بيل كلينتون بالمتدربة": a preposition on an Arabic word with the article starts a new
            # phrase (not بالاشوف، Balashov: no word after the preposition)
            return None
        if form[0] == "و" and self._glued_and(form[1:]):
            return None  # "إيغور كشنياكين والطيار": a glued و starts a new phrase (not ويدودو)
        if not first and form.startswith("لل"):
            return None  # "خلفا للوبيتيجي": ل + the article or a name, a new phrase
        own = self._zipf(form)
        for reading in peel(form, 3)[1:]:
            if reading in self.never or reading in self.months or reading in self.stopwords:
                return None  # لمنظمة، بوزارة: a title or place word behind a proclitic
            if reading.startswith(ARTICLE) and self._zipf(reading) >= COMMON_ZIPF:
                return None  # بالخطوط: a preposition and the article (not فالفيردي، كالياتشيدي)
            if (len(form) - len(reading) == 1 or form.startswith("لل")) and \
                    self._zipf(reading) >= COMMON_ZIPF and self._zipf(reading) > own and previous not in self.given:
                return None  # بمرتبة، بداعي: a proclitic on an ordinary word (not فال+فيردي; not أكرم كريمي)
        if form[0] == "س" and form[1] in "يتن" and self._zipf(form[1:]) >= COMMON_ZIPF:
            return None  # سيحضر، ستبدأ: the future of an ordinary verb
        if any(self._inflected_word(reading) for reading in peel(form, 3)):
            return None
        if own >= self.rules.max_word_zipf:
            return None
        return "common" if own >= COMMON_ZIPF else "rare"

    def _compound_head(self, word: str) -> bool:
        """Whether ``word`` may open a compound given name with الدين (فيض الدين، شمس الدين،
        نجم الدين): a plain word, neither a stopword, a title or a place's noun ("رجل الدين",
        "a cleric", is a title), glued to no proclitic that makes it another word."""
        return len(word) >= 2 and _ARABIC_WORD.fullmatch(word) is not None and word not in self.stopwords \
            and word not in self.never and not word.startswith(ARTICLE) and not self._inflected_word(word)

    def _rare_with_ta_marbuta(self, doc: Doc, k: int, forms, starts, ends) -> bool:
        """A rare word written with a final ة (إسفرة): folding made it look like an ordinary word
        with the pronoun ه (أسفر + ه), which ة never is."""
        form = forms[k]
        # (not a nisba adjective: قرية مجرية is a Hungarian village)
        return form.endswith("ه") and not form.endswith("يه") and not form.startswith(("لل", "ال")) and \
            form not in self.stopwords and form not in self.never and \
            self._zipf(form) < COMMON_ZIPF and _written_last_letter(doc, starts[k], ends[k]) == "ة"

    def _surname_shaped(self, forms, span: tuple[int, int]) -> bool:
        """A name of two or three words, none an ordinary word (a first name the catalogue or the
        rules know may be), whose last word ends as a Russian or Central Asian family name does."""
        first, end = span
        last = forms[end - 1]
        return 2 <= end - first <= 3 and len(last) >= 6 and last.endswith(self.rules.surname_endings) and \
            all(forms[k] in self.given or self._zipf(forms[k]) < COMMON_ZIPF for k in range(first, end))

    def _inflected_word(self, word: str) -> bool:
        """Whether ``word`` (a token, or a token with its proclitics peeled: لقنصليتها) is an
        ordinary word with an ending: a possessive pronoun (ولايته، دعمه، إراحته), a dual or plural
        or the accusative ا (تغييرين، مفاوضات، أبحاثا), a nisba adjective (استبدادية)."""
        for suffix in _PRONOUN_SUFFIXES:
            stem = word[:-len(suffix)]
            if word.endswith(suffix) and len(stem) >= 3 and max(
                    self._zipf(stem), self._zipf(stem[:-1] + "ه" if stem[-1] == "ت" else stem)) >= _STEM_ZIPF:
                return True
        for suffix in _NUMBER_SUFFIXES:
            stem = word[:-len(suffix)]
            if word.endswith(suffix) and len(stem) >= 4 and self._zipf(stem) >= _STEM_ZIPF:
                return True
        if word.endswith("ات") and self._zipf(word) >= _PLURAL_ZIPF and self._zipf(word[:-2] + "ه") >= _STEM_ZIPF:
            return True  # سلطات: the plural of a feminine noun (سلطة); not the surname فرحات
        for suffix in _NISBA_SUFFIXES:
            stem = word[:-len(suffix)]
            if word.endswith(suffix) and len(stem) >= 5 and self._zipf(stem) >= COMMON_ZIPF:
                return True
        return False

    def _glued_and(self, rest: str) -> bool:
        """Whether ``rest`` after a word's initial و reads as a word or name of its own."""
        return (rest.startswith(ARTICLE) or rest in self.given or rest in self.never
                or self._zipf(rest) >= COMMON_ZIPF or len(rest) < 3)

    def _family_with_article(self, form: str) -> bool:
        """An ال word that can be a family name (الداود، الفيصل، السديري): no title, stopword or
        month, and rarer than ordinary words; no participle (المعزول، المخلوع، الملقب "the ousted,
        the so-called": الم and no nisba ending), which describes the person named before it."""
        return not (form in self.never or form in self.stopwords or form in self.months) and \
            _ARABIC_WORD.fullmatch(form) is not None and self._zipf(form) < _FAMILY_ARTICLE_ZIPF and \
            not (form.startswith(ARTICLE + "م") and not form.endswith("ي"))

    def _last_word(self, form: str) -> bool:
        return form not in self.rules.particles and self._zipf(form) < self.rules.max_last_zipf

    # -- the name after token j -----------------------------------------------------------------
    def _one_word_name(self, word: str, article: bool) -> bool:
        """A single word may be a person's whole name in a speech frame (وقال أيان، وهو طالب):
        no article, no ordinary word of some frequency unless a known first name."""
        return not article and (word in self.given or self._zipf(word) < ONE_WORD_ZIPF) and \
            self._word_kind(word, True, None, False) in ("rare", "common", "given")

    def _name_before(self, i: int, forms, starts, ends, norm, covered, article) -> tuple[int, int] | None:
        """(first, end) of a name of two to four words ending right before token i, its first word
        possibly behind a glued و (stripped when the name is read)."""
        for j in range(max(0, i - MAX_WORDS), i - 1):
            if j and _SPACES.fullmatch(norm, ends[j - 1], starts[j]):
                continue  # the name would start inside a phrase ("وكانت آيدينلار ترشحت عن حزب")
            words = forms
            if forms[j].startswith("و") and len(forms[j]) > 3:
                words = [*forms[:j], forms[j][1:], *forms[j + 1:]]
            span = self._name_at(j, words, starts, ends, norm, covered, article)
            if span is not None and span[1] == i and _SPACES.fullmatch(norm, ends[i - 1], starts[i]):
                return span
        return None

    def _ends_here(self, k: int, forms, starts, ends, norm) -> bool:
        """Nothing name-like goes on at token k: the text ends, punctuation stands before it, or
        it is a stopword or a word glued to و (a new phrase: "فريدريك ستار وتقديم")."""
        if k >= len(forms) or not _SPACES.fullmatch(norm, ends[k - 1], starts[k]):
            return True
        word = forms[k]
        return word in self.stopwords or (word[0] == "و" and len(word) > 3)

    def _framed_last(self, k: int, forms, starts, ends, norm) -> bool:
        """Token k, an ordinary word of some frequency, may end a name a title or a role frames: it
        is not too frequent (FRAMED_LAST_ZIPF), not a verb's imperfect (يرغب، تقول), and the name
        ends right after it."""
        word = forms[k]
        # (an ordinary word ending in ا or ه is an accusative or feminine noun: "كوتشينسكي عفوا")
        return self._zipf(word) < FRAMED_LAST_ZIPF and len(word) >= 3 and word[0] != "ي" and word[-1] not in "اه" and \
            not (word[0] == "ت" and not word.startswith("تش")) and self._ends_here(k + 1, forms, starts, ends, norm)

    def _name_at(self, j: int, forms, starts, ends, norm, covered, article,
                 max_commons: int = 1, family: bool = False, framed: bool = False,
                 min_words: int = MIN_WORDS) -> tuple[int, int] | None:
        """(first, end) tokens of the name starting at token j, or None. ``max_commons``: how many
        ordinary words the name may hold before its first rare one (two after an author credit,
        where nothing but a name stands: "كتب: عنتر فرحات"). ``family``: after an honorific
        (الأمير، الشيخ) the name may end in a family name with the article (سعود الفيصل).
        A name that starts with a known given name (رشا حافظ) or links a nasab (بدر بن سلطان بن
        عبدالعزيز) may end in an ordinary word: its first word or its particles say it is a name."""
        n = len(forms)
        k = j
        seen_rare = False
        commons = 0
        limit = MAX_WORDS
        nasab = False
        given_first = False
        all_given = True
        family_end = False
        framed_end = False  # the last word is an ordinary word a title's frame lets end the name
        while k < n and k - j < limit:
            if k > j and not _SPACES.fullmatch(norm, ends[k - 1], starts[k]):
                if _HYPHEN.fullmatch(norm, ends[k - 1], starts[k]):
                    return None  # a compound name whose parts cannot all be read: left out
                break
            if covered[k] is not None:
                break
            if k > j and forms[k] in DETACHED_SUFFIXES:  # (رستم لطيف زاده, جاويش أوغلو)
                k += 1  # "رستم لطيف زاده": the patronymic suffix written apart ends the name
                family_end = True
                break
            kind = self._word_kind(forms[k], k == j, forms[k - 1] if k > j else None, article(k))
            if kind is None and self._masked_name_word(k, j, forms, starts, ends, norm, covered, article):
                kind = "rare"
            if kind is None:
                # the family name with the article that ends a nasab or follows an honorific
                # (عبدالعزيز بن عبدالله الداود، الأمير سعود الفيصل): a rare enough ال word
                if k > j and article(k) and (nasab or family or given_first) and self._family_with_article(forms[k]):
                    family_end = True
                    k += 1
                elif k > j and article(k) and given_first and all_given and forms[k] not in self.stopwords \
                        and forms[k] not in self.never and forms[k] not in self.months:
                    return None  # "الأمير فخر الدين المعني": given names, then a family name read as a word
                break
            if kind == "particle" and forms[k] in self.rules.particles and not nasab:
                nasab = True
                limit = MAX_WORDS + _NASAB_EXTRA_WORDS
            if k == j:
                given_first = kind == "given"
            all_given = all_given and kind in ("given", "particle")
            if kind == "common" and k == j + 1 and self._family_first(forms, k, article):
                kind = "given"  # قديرزودا سعدي سانجينمورد: the family name first, then the given name
            if kind == "common":
                # a word of some frequency after a foreign family name: a verb ("فالفيردي يرغب")
                # or the name's last part ("محمود أحمدي نجاد", "ماو تسي تونغ"); unsure, so no name,
                # unless a title frames the name and it ends right there ("المعروف سفانتي كورنيل.")
                if seen_rare:
                    if framed and k == j + 1 and self._framed_last(k, forms, starts, ends, norm):
                        k += 1
                        framed_end = True
                        break
                    return None
                # a name holds at most one before its family name ("أهدى شجرة سنديان" is none),
                # never a verb's form ("يزور أوفيا", "يدعى فويادين") nor a two-letter word (ضم); a
                # framed one may be two ordinary words of some frequency (فريدريك ستار)
                if (commons >= max_commons and not (framed and k == j + 1 and self._framed_last(k, forms, starts, ends, norm)
                                                     and self._zipf(forms[j]) < FRAMED_LAST_ZIPF)) \
                        or (k == j and (len(forms[k]) < 3 or forms[k][0] in "يت")
                            and not (k + 1 < n and forms[k + 1] in _COMPOUND_GIVEN_TAILS)):  # (عز الدين)
                    return None
                if commons >= max_commons:
                    k += 1
                    framed_end = True
                    break
                commons += 1
            seen_rare |= kind == "rare"
            k += 1
        # a catalogue person right after ("دونالد ترمب"): the first name of a known person
        # (not a place or body glued to و: a new phrase, "وأندريه بابكين والأمريكي")
        if k < n and k - j < MAX_WORDS and covered[k] is not None and _SPACES.fullmatch(norm, ends[k - 1], starts[k]) \
                and not (forms[k][0] == "و" and self.types.get(covered[k]) != "person"):
            return None
        if k - j < min_words or not (family_end or framed_end or self._last_word(forms[k - 1]) or (
                (given_first or nasab) and forms[k - 1] not in self.rules.particles) or (
                framed and k - j == 2 and self._framed_last(k - 1, forms, starts, ends, norm))):
            return None  # "محمود أحمدي نجاد": a frequent last word may not end the name: unsure
        if k < n and _HYPHEN.fullmatch(norm, ends[k - 1], starts[k]):
            return None  # "كوليندا غرابار-كيتاروفيتش": the name goes on past the hyphen
        return j, k

    def _masked_name_word(self, k: int, j: int, forms, starts, ends, norm, covered, article) -> bool:
        """Token k, refused as a name's word because it reads as an ordinary word with a
        proclitic or an ending (بابكين as بابك + ين، باوين as ب + اوين، كورسان as كورس + ان), is
        a foreign name's word all the same where no wordfreq list ranks it and the name around it
        is sure: right after a known first name (أندريه بابكين، ستيفن باوين), or first, before a
        rare family name of a Russian or Central Asian ending (كورسان أسانوف، كليم تشيبينكو)."""
        form = forms[k]
        if article(k) or len(form) < 4 or form[0] == "و" or form[-1] == "ا" or form.startswith(("لل", "بال")) or \
                _ARABIC_WORD.fullmatch(form) is None or self._zipf(form) > 0 or form in self.stopwords or \
                form in self.never or form in self.months or any(
                    r in self.never or r in self.stopwords or self._zipf(r) >= _MASKED_ZIPF for r in peel(form, 3)[1:]):
            return False  # (مخيماً: an accusative; a proclitic on a frequent word)
        for suffix in (*_PRONOUN_SUFFIXES, *_NUMBER_SUFFIXES):
            stem = form[:-len(suffix)]
            if form.endswith(suffix) and (stem in self.stopwords or self._zipf(stem) >= (
                    _MASKED_ZIPF if suffix in _NUMBER_SUFFIXES else COMMON_ZIPF)):
                return False  # "سمير صبري ضدهما"، "أتمهما": a word with its pronoun; (not بابك + ين)
        if k > j:
            return forms[k - 1] in self.given and not article(k - 1)
        nxt = k + 1
        if nxt >= len(forms) or covered[nxt] is not None or article(nxt) or \
                not _SPACES.fullmatch(norm, ends[k], starts[nxt]):
            return False
        last = forms[nxt]
        return len(last) >= 6 and last.endswith(self.rules.surname_endings) and not in_large_list(last) and \
            self._word_kind(last, False, form, False) == "rare"

    def _family_first(self, forms, k: int, article) -> bool:
        """Token k, a word of some frequency, is the given name of a Central Asian name written
        family name first, as Gulf agencies' copy writes Tajik and Uzbek names (قديرزودا سعدي
        سانجينمورد): the word before ends as a family name (surname_endings) and is no word, and the
        word after is no word either (the patronymic), on the same stretch of text."""
        if k + 1 >= len(forms) or article(k + 1) or self._zipf(forms[k]) >= _FAMILY_FIRST_GIVEN_ZIPF:
            return False
        before, after = forms[k - 1], forms[k + 1]
        return before.endswith(self.rules.surname_endings) and len(before) >= 6 and \
            not in_large_list(before) and not in_large_list(after) and len(after) >= 5 and \
            _ARABIC_WORD.fullmatch(after) is not None

    def _after_title(self, i: int, forms, starts, ends, norm, covered, article) -> int | None:
        """The token where a name may start after title token i (descriptors skipped), or None, or
        minus that token when a comma stands before the name (an apposition the caller checks).
        A title in construct (رئيس، مدرب، مضيف without ال) names its body next ("مدرب توتنهام"):
        a name comes only after a descriptor ("رئيس البرلمان كانات إيساييف")."""
        n = len(forms)
        j = i + 1
        skipped = 0
        # a kinship noun with its pronoun (عقيلته) names no body after it: a name follows
        definite = any(r in self.relatives or r in self.rules.possessed_titles for r in peel(forms[i], 2))
        after_quote = None  # the token right after a quoted body's name among the descriptors
        while j < n and skipped < _MAX_DESCRIPTORS:
            mention = covered[j]
            gap_ok = j == after_quote or _SPACES.fullmatch(norm, ends[j - 1], starts[j]) or (
                (mention is not None or covered[j - 1] is not None) and _QUOTED_GAP.fullmatch(norm, ends[j - 1], starts[j]))
            if not gap_ok:
                break
            form = forms[j]
            if mention is not None:
                if self.types.get(mention) == "person":
                    return None  # "الرئيس ترامب ...": the title's holder is known
                # a body's name of many words is one descriptor ("رئيس مكتب المفوضية السامية للأمم
                # المتحدة لشؤون اللاجئين في دوشنبه مولوغيت زيفدي")
                j += 1
                while j < n and covered[j] == mention and _SPACES.fullmatch(norm, ends[j - 1], starts[j]):
                    j += 1
                skipped += 1
                continue
            # a body's word before its name (في منطقة باتكين): part of the descriptors
            body_word = form in self.rules.not_name_words and j + 1 < n and covered[j + 1] is not None
            # (an ال-word behind ل is written لل: "رئيس اللجنة المركزية للانتخابات في طاجيكستان")
            if form in self.rules.descriptors or body_word or (form not in self.stopwords and (article(j) or any(
                    r.startswith(ARTICLE) for r in peel(form, 2)[1:]) or (
                    form.lstrip("وف").startswith("لل") and len(form) > 5 and form not in self.never))):
                j += 1
                skipped += 1
                continue
            quoted = self._quoted_body_end(j, forms, starts, ends, norm) if form in self._body_forms else None
            if quoted is not None:
                j = after_quote = quoted  # the body a title names, quoted (الرئيس التنفيذي لشركة "مصدر")
                skipped += 1
                continue
            nxt = j + 1 < n and _SPACES.fullmatch(norm, ends[j], starts[j + 1]) and (
                covered[j + 1] is not None or article(j + 1) or (
                    forms[j + 1] in self.rules.not_name_words and j + 2 < n and covered[j + 2] is not None))
            # the body a title in construct names, itself in construct ("قائد جهاز الأمن القومي"،
            # "رئيس مقاطعة بدخشان"), or a place of the body ("رئيس جهاز التحقيقات في النيابة العامة"):
            # an ordinary word followed by a name or an ال-word
            if nxt and ((not skipped and not definite and form not in self.stopwords and form not in self.given
                         and len(form) >= 3 and forms[j + 1] not in _COMPOUND_GIVEN_TAILS  # (السيد فيض الدين ...)
                         and word_zipf(form) >= COMMON_ZIPF) or (skipped and form in _PLACE_PREPOSITIONS)):
                j += 1
                skipped += 1
                continue
            break
        if j >= n:
            return None
        if j != after_quote and not _OPENING.fullmatch(norm, ends[j - 1], starts[j]):
            # a name set off by commas after a title and its descriptors ("رئيس مقاطعة بدخشان، إدغور
            # فايزوف، خلال"): the caller checks the closing comma
            return -j if skipped and _APPOSITION_OPEN.fullmatch(norm, ends[j - 1], starts[j]) else None
        if not skipped and not any(r.startswith(ARTICLE) or r in self.relatives or r in self.rules.family_titles
                                   or r in self.rules.possessed_titles for r in peel(forms[i], 2)):
            return None  # (a kinship noun with its pronoun, عقيلته، or an honorific, معالي، is definite too)
        return j

    def _description_end(self, i: int, forms, starts, ends, norm, covered) -> int | None:
        """The last token of a two-word description that starts at token i (ورائد الفضاء -> the
        token of الفضاء), or None."""
        n = len(forms)
        for rest in self._description_forms[forms[i]]:
            end = i + 1 + len(rest)
            if end <= n and tuple(forms[i + 1:end]) == rest and all(covered[k] is None for k in range(i, end)) and \
                    all(_SPACES.fullmatch(norm, ends[k - 1], starts[k]) for k in range(i + 1, end)):
                return end - 1
        return None

    def _name_after_title(self, i: int, forms, starts, ends, norm, covered, article,
                          family: bool = False) -> tuple[int, int] | None:
        """(first, end) of the name a title at token i introduces (descriptors skipped), or None.
        A name set off by a comma after the title must end at a comma or full stop, or at a
        preposition when its words are surely a name's ("رئيس مجلس الأمن القومي، ضمير سغينبايف من
        منصبه"), or go on into a list of names ("رائدي الفضاء الروسيين، أناتولي إيفانيشين وإيفان ...")."""
        j = self._after_title(i, forms, starts, ends, norm, covered, article)
        if j is None:
            return None
        apposition = j < 0
        if apposition:
            j = -j
        span = self._name_at(j, forms, starts, ends, norm, covered, article, family=family, framed=True)
        if span is None or not apposition or _APPOSITION_CLOSE.match(norm, ends[span[1] - 1]):
            return span
        if self._sure_name(forms, span) and span[1] < len(forms) and forms[span[1]] in self.stopwords and \
                _SPACES.fullmatch(norm, ends[span[1] - 1], starts[span[1]]):
            return span
        if self._listed_after(span[1], forms, starts, ends, norm, covered, article):
            return span
        nxt = span[1]
        if nxt < len(forms) and self._sure_name(forms, span) and _SPACES.fullmatch(norm, ends[nxt - 1], starts[nxt]) and \
                forms[nxt][0] == "و" and forms[nxt][1:] in self.given:
            return span  # "أناتولي إيفانيشين وإيفان فاغنر": the next name of the list, read or not
        return None

    def _sure_name(self, forms, span: tuple[int, int]) -> bool:
        """A name of two or three words whose shape alone says it is a person's: the last word
        ends as a Russian or Central Asian family name does (سغينبايف), or a known first name
        comes before a last word no wordfreq list ranks (جان كافلييه)."""
        first, end = span
        last = forms[end - 1]
        if not 2 <= end - first <= 3 or self._zipf(last) >= COMMON_ZIPF:
            return False
        return (len(last) >= 6 and last.endswith(self.rules.surname_endings)) or \
            (forms[first] in self.given and not in_large_list(last))

    def _listed_after(self, end: int, forms, starts, ends, norm, covered, article) -> list[tuple[int, int, str]]:
        """The names listed right after a name that ends before token ``end``, each glued to و
        ("سيرغي ريجيكوف وأندريه بابكين") or after a country's adjective and a comma ("والأمريكي،
        ستيفن باوين"): a list of names goes on with names. Each must end the list's item: at
        punctuation, the next و, or the end of the text."""
        n = len(forms)
        out: list[tuple[int, int, str]] = []
        k = end
        while k < n and (_SPACES.fullmatch(norm, ends[k - 1], starts[k]) or _LIST_COMMA.fullmatch(norm, ends[k - 1], starts[k])):
            form = forms[k]
            if len(form) < 4 or form[0] != "و":
                break
            mention = covered[k]
            if mention is not None:
                # "والأمريكي، ستيفن باوين": a country's adjective standing for a person, then the name
                if self.types.get(mention) != "country" or not form[1:].startswith(ARTICLE) or \
                        not form.endswith(("ي", "يين", "يون")) or k + 1 >= n or covered[k + 1] is not None or \
                        not _LIST_COMMA.fullmatch(norm, ends[k], starts[k + 1]):
                    break
                words, j, trigger = forms, k + 1, "adjective + name"
            elif form[1:].startswith(ARTICLE):
                break  # "والمهاجم أليكساندر غولوفين": a description, not a name
            else:
                words, j, trigger = [*forms[:k], form[1:], *forms[k + 1:]], k, "list item"
            span = self._name_at(j, words, starts, ends, norm, covered, article)
            if span is None or not self._ends_item(span[1], forms, starts, ends, norm):
                break
            out.append((*span, trigger))
            k = span[1]
        return out

    def _ends_item(self, k: int, forms, starts, ends, norm) -> bool:
        """Token k starts no more of the name before it: the text ends, punctuation stands before
        it, or it is a word glued to و (the list's next item)."""
        return k >= len(forms) or not _SPACES.fullmatch(norm, ends[k - 1], starts[k]) or \
            (forms[k][0] == "و" and len(forms[k]) > 3)

    def _quoted_body_end(self, j: int, forms, starts, ends, norm) -> int | None:
        """The token after a body's quoted name that follows its noun, token j (لشركة "مصدر" محمد
        جميل الرمحي -> the token of محمد), when only spaces follow the closing quote; else None."""
        n = len(forms)
        if j + 1 >= n or not _OPEN_QUOTE.fullmatch(norm, ends[j], starts[j + 1]):
            return None
        for k in range(j + 1, min(n - 1, j + 1 + MAX_BODY_WORDS)):
            gap = norm[ends[k]:starts[k + 1]]
            if any(q in gap for q in _CLOSE_QUOTES):
                return k + 1 if _CLOSED_GAP.fullmatch(gap) else None
            if not _SPACES.fullmatch(gap):
                return None
        return None

    def _in_named_thing(self, i: int, forms) -> bool:
        """Token i follows the noun of a thing named after a person, with or without a title
        between (استاد الأمير فيصل بن فهد، مطار حيدر علييف)."""
        return (i > 0 and forms[i - 1] in self._named_after) or (
            i > 1 and forms[i - 1] in self._title_forms and forms[i - 2] in self._named_after)

    def _listed_holders(self, i: int, forms, starts, ends, norm, covered, article) -> list[tuple[int, int, str]]:
        """The names of a list after a plural role, each after its portfolio and set off by a
        comma and و ("ووزراء الدفاع خلوصي آكار، والعدل بكير بوزداغ، والعمل والضمان الاجتماعي
        وداد بلغين"): a portfolio is ال words (the first glued to و after the first item); a
        holder the catalogue knows keeps its mention and the list goes on after it."""
        n = len(forms)
        out = []
        j = i + 1
        while j < n:
            k = j
            while k < n and k - j < _MAX_DESCRIPTORS and covered[k] is None and \
                    (k == j or _SPACES.fullmatch(norm, ends[k - 1], starts[k])) and \
                    any(r.startswith(ARTICLE) for r in peel(forms[k], 2)) and forms[k] not in self.stopwords:
                k += 1
            if k == j or k >= n or not _SPACES.fullmatch(norm, ends[k - 1], starts[k]):
                break  # no portfolio: the list ends
            if covered[k] is not None:
                mention = covered[k]
                if self.types.get(mention) != "person":
                    break
                end = k
                while end < n and covered[end] == mention:
                    end += 1
            else:
                span = self._name_at(k, forms, starts, ends, norm, covered, article)
                if span is None:
                    break
                out.append((*span, "list"))
                end = span[1]
            if end >= n or not _LIST_COMMA.fullmatch(norm, ends[end - 1], starts[end]) or \
                    not forms[end].startswith("و"):
                break
            j = end
        return out

    def _triggered(self, forms, starts, ends, norm, covered, article, doc: Doc) -> list[tuple[int, int, str]]:
        """(first, end, trigger) of every name a trigger introduces."""
        rules = self.rules
        out = []
        n = len(forms)
        triggers = self._trigger_forms
        for i in compress(range(n), map(triggers.__contains__, forms)):  # (one C-level pass finds them)
            form = forms[i]
            if form in rules.abbreviated_titles and i + 1 < n and _ABBREVIATION_GAP.fullmatch(norm, ends[i], starts[i + 1]):
                if span := self._name_at(i + 1, forms, starts, ends, norm, covered, article):
                    out.append((*span, "title"))
                continue
            if form in self._plural_forms and covered[i] is None:
                listed = self._listed_holders(i, forms, starts, ends, norm, covered, article)
                if listed:
                    out += listed
                    continue
            last = self._description_end(i, forms, starts, ends, norm, covered) if form in self._description_forms else None
            if last is not None and (span := self._name_after_title(last, forms, starts, ends, norm, covered, article)):
                out.append((*span, "description"))
                continue
            if form in self._title_forms and covered[i] is None and not (
                    i and forms[i - 1] in self._named_after and _SPACES.fullmatch(norm, ends[i - 1], starts[i])) and \
                    not (form in self._possessed_forms and _written_last_letter(doc, starts[i], ends[i]) == "ة"):
                # (a title after the noun of a thing named after its holder, استاد الأمير فيصل بن
                # فهد، مطار الملك عبدالعزيز: the thing's name, not a mention of the person)
                family = any(r in rules.family_titles for r in peel(form, 2))
                if span := self._name_after_title(i, forms, starts, ends, norm, covered, article, family):
                    out.append((*span, "title"))
                    continue
            if form in self._byline_forms and i + 1 < n and \
                    _OPENING_OR_SLASH.fullmatch(norm, ends[i], starts[i + 1]) and \
                    any(m in norm[ends[i]:starts[i + 1]] for m in _BYLINE_MARKS):
                if span := self._name_at(i + 1, forms, starts, ends, norm, covered, article, max_commons=2):
                    out.append((*span, "byline"))
                    continue
            if form in self._before_party and i + 1 < n and i >= 2 and \
                    forms[i + 1].lstrip("ال") in self._party_nouns:
                # a candidate's name before "عن حزب ..." (a list of results: "وراباخان محمودوفا عن
                # حزب العدالة"): a glued و is the list's, not the name's
                span = self._name_before(i, forms, starts, ends, norm, covered, article)
                if span is not None:
                    out.append((*span, "party"))
                    continue
            if form in self._speech_forms and i + 1 < n and \
                    _SPACES.fullmatch(norm, ends[i], starts[i + 1]):
                span = self._name_at(i + 1, forms, starts, ends, norm, covered, article, framed=True, min_words=1)
                if span and span[1] - span[0] == 1 and not self._one_word_name(forms[span[0]], article(span[0])):
                    span = None
                if span and span[1] < n and _BEFORE_ROLE.fullmatch(norm, ends[span[1] - 1], starts[span[1]]) \
                        and any(r in rules.roles or r in rules.titles for r in peel(forms[span[1]], 2)) and \
                        (span[1] - span[0] > 1 or _ROLE_COMMA.match(norm, ends[span[0]])):
                    out.append((*span, "speech + role"))
                elif span and _DESCRIBED_PERSON.match(norm, ends[span[1] - 1]):
                    out.append((*span, "speech + description"))
                elif span and self._surname_shaped(forms, span):
                    out.append((*span, "speech + surname"))
        out += self._reporters(forms, starts, ends, norm, covered, article)
        out += self._given_and_surname(forms, starts, ends, norm, covered, article, doc)
        out += self._nasab_names(forms, starts, ends, norm, covered, article, found=out)
        out += self._named_then_role(forms, starts, ends, norm, covered, article, found=out)
        # the names listed after one found ("... سيرغي ريجيكوف وأندريه بابكين والأمريكي، ستيفن باوين")
        return out + [item for _, end, _ in out for item in self._listed_after(end, forms, starts, ends, norm, covered, article)]

    def _reporters(self, forms, starts, ends, norm, covered, article) -> list[tuple[int, int, str]]:
        """The reporter a dateline names after its last slash or colon, where the name ends the
        opening line or a dash follows it ("كازينفورم - نورسلطان - القاهرة: محمد سلامة"), and the
        editor named after a sign-off at the very end of the text ("... وفاة.انتهى\nعمار المسعودي")."""
        n = len(forms)
        out: list[tuple[int, int, str]] = []
        if not n:
            return out
        line_end = norm.find("\n")
        line_end = len(norm) if line_end < 0 else line_end
        head = _DATELINE_REPORTER.match(norm, 0, line_end)
        if head is not None and forms[0] not in self._byline_forms:  # (كتب: ... is a byline's)
            j = bisect.bisect_left(starts, head.end())
            if j < n and starts[j] == head.end():
                span = self._name_at(j, forms, starts, ends, norm, covered, article, max_commons=2)
                if span is not None and ends[span[1] - 1] <= line_end and \
                        _REPORTER_END.match(norm, ends[span[1] - 1], line_end + 1 if line_end < len(norm) else line_end):
                    out.append((*span, "byline"))
        sign_offs = self.rules.sign_offs
        for j in range(max(0, n - MAX_WORDS - 1), n - MIN_WORDS):
            if forms[j] in sign_offs and norm[ends[j]:starts[j + 1]].strip(" \t\n\r\u00a0.:-–—") == "":
                span = self._name_at(j + 1, forms, starts, ends, norm, covered, article, max_commons=2)
                if span is not None and span[1] == n:
                    out.append((*span, "byline"))
        return out

    def _named_then_role(self, forms, starts, ends, norm, covered, article, found) -> list[tuple[int, int, str]]:
        """A name that opens a phrase (after punctuation, or behind the list's glued و) and is
        followed by a comma and a role, with no verb before it: each holder of a list of
        participants ("؛ وأليشر سلطانوف، وزير الطاقة الأوزبكي، وسعيد مطر القمزي، سفير دولة
        الإمارات"). The role says it is a person; the name is read as after a verb of saying (two
        to four words, ``_name_at``), and must end right at the comma."""
        out = []
        n = len(forms)
        framed = {k for first, end, _ in found for k in range(first, end)}
        roles = self._apposed_roles
        for m in _COMMA.finditer(norm):
            i = bisect.bisect_left(starts, m.end())
            if i >= n or i < 2 or forms[i] not in roles or not _BEFORE_ROLE.fullmatch(norm, ends[i - 1], starts[i]) \
                    or i - 1 in framed or covered[i - 1] is not None:
                continue
            for j in range(max(0, i - MAX_WORDS), i - 1):
                if j and _SPACES.fullmatch(norm, ends[j - 1], starts[j]):
                    continue  # the name must open a phrase: a verb or a word before it says what it is
                if j and covered[j - 1] is not None and not _PHRASE_BREAK.search(norm, ends[j - 1], starts[j]):
                    continue
                words = forms
                if forms[j].startswith("و") and len(forms[j]) > 3 and forms[j] not in self.given:
                    words = [*forms[:j], forms[j][1:], *forms[j + 1:]]
                if words[j] in self.stopwords or words[j] in self.never or \
                        self._word_kind(words[j], True, None, article(j)) not in ("given", "rare"):
                    continue  # (an ordinary word first: "وحسم إيفاب، المسؤول", "اغتيال عزيز اسبر، مدير")
                span = self._name_at(j, words, starts, ends, norm, covered, article)
                if span is not None and span[1] == i and not framed.intersection(range(*span)):
                    out.append((*span, "name + role"))
                    break
        return out

    def _nasab_names(self, forms, starts, ends, norm, covered, article, found) -> list[tuple[int, int, str]]:
        """An Arab name linked by بن between two given names (أحمد بن علي محمد الصايغ، ثاني بن
        أحمد الزيودي after a known first name), with no frame around it: the nasab itself says it
        is a person's name. Not inside the name of a thing named after someone (مطار الملك خالد بن
        عبدالعزيز، شارع عمر بن الخطاب), nor where a trigger already found a name over it."""
        out = []
        n = len(forms)
        framed = {k for first, end, _ in found for k in range(first, end)}
        for k in compress(range(n), map(_NASAB.__eq__, forms)):
            if k == 0 or k + 1 >= n:
                continue
            j = k - 1
            first = forms[j]
            reading = first if first in self.given else (first[1:] if first[:1] in "وف" and first[1:] in self.given else None)
            if reading is None or forms[k + 1] not in self.given or j in framed or covered[j] is not None or \
                    covered[k + 1] is not None or article(j) or \
                    not _SPACES.fullmatch(norm, ends[j], starts[k]) or not _SPACES.fullmatch(norm, ends[k], starts[k + 1]):
                continue
            if j and (forms[j - 1] in self.rules.particles or covered[j - 1] is not None) and \
                    _SPACES.fullmatch(norm, ends[j - 1], starts[j]):
                continue  # inside a longer nasab (حمدان بن محمد بن راشد: the father's name)
            if any(forms[b] in self._named_after for b in range(max(0, j - 2), j)) or \
                    (j and forms[j - 1] in _NASAB_OF_CHILD):
                continue  # مطار الملك خالد بن عبدالعزيز; الأميرة الجوهرة بنت طلال بن عبدالعزيز (hers)
            words = forms if reading == first else [*forms[:j], reading, *forms[j + 1:]]
            span = self._name_at(j, words, starts, ends, norm, covered, article)
            # (every word a name's: "والدي طلال بن عبدالعزيز شفاءً" ends before the ordinary word)
            if span is not None and all(self._word_kind(words[x], x == j, words[x - 1], article(x)) != "common"
                                        for x in range(j, span[1])):
                out.append((*span, "nasab"))
        return out

    def _given_and_surname(self, forms, starts, ends, norm, covered, article, doc: Doc) -> list[tuple[int, int, str]]:
        """A known first name (the catalogue's or the rules') right before a rare word ending as a
        Russian or Central Asian family name does, with no frame around them ("رستم ميناخانوف"):
        the shape alone says it is a person's name."""
        endings = self.rules.surname_endings
        if not endings:
            return []
        out = []
        for k in range(1, len(forms)):
            last = forms[k]
            if len(last) < 6 or not last.endswith(endings) or covered[k] is not None or covered[k - 1] is not None \
                    or article(k) or self._zipf(last) >= COMMON_ZIPF or last in self.never \
                    or not _SPACES.fullmatch(norm, ends[k - 1], starts[k]):
                continue
            first = forms[k - 1]
            # (a first name behind و or ف opens a new phrase: the name starts after it)
            reading = first if first in self.given else (first[1:] if first[:1] in "وف" and first[1:] in self.given else None)
            if reading is None or reading in self.stopwords or article(k - 1) or \
                    self._word_kind(last, False, reading, False) != "rare" or _written_last_letter(doc, starts[k - 1], ends[k - 1]) == "ى":
                continue  # (أن، على: folded as آن، علي)
            if k >= 2 and self.types.get(covered[k - 2]) == "person" and _SPACES.fullmatch(norm, ends[k - 2], starts[k - 1]):
                continue  # "كولوبييف زينبك مولدوكانوفيتش": a known person's first name and patronymic after the family name
            end = k + 1
            if last.endswith(_PATRONYMIC_ENDINGS) and end < len(forms) and covered[end] is not None and \
                    _SPACES.fullmatch(norm, ends[k], starts[end]):
                continue  # the first name and patronymic of a known person named right after
            if last.endswith(_PATRONYMIC_ENDINGS) and end < len(forms) and covered[end] is None and \
                    _SPACES.fullmatch(norm, ends[k], starts[end]) and not article(end) and \
                    self._word_kind(forms[end], False, last, False) == "rare":
                end += 1  # "يفغيني فيكتوروفيتش بريجوجين": the patronymic, then the family name
            out.append((k - 1, end, "given + surname"))
        return out

    def find(self, doc: Doc, mentions: list[dict], outlet: str | None = None) -> list[dict]:
        """Entity-mention rows of the article's provisional persons (``mentions``: the catalogue's;
        ``outlet``: the article's source field, whose name the article may credit)."""
        if not self.active:
            return []
        norm = doc.norm.text
        forms, starts, ends = split_tokens(doc)
        own_outlet = self._own_outlet_rows(doc, forms, starts, ends, norm, mentions, outlet) if outlet else []
        covered = mentions_by_token(doc, mentions, starts, ends)
        text = doc.text

        def article(k: int) -> bool:
            """Token k starts with the article: ال as written (أليكسي folds to اليكسي too)."""
            if not forms[k].startswith(ARTICLE):
                return False
            a, _ = doc.norm.to_original(starts[k], ends[k])
            return text[a] == "ا"

        found = self._triggered(forms, starts, ends, norm, covered, article, doc)
        names: dict[tuple[str, ...], int] = {}  # folded words -> first token where a trigger met them
        full_of: dict[tuple[str, ...], tuple[str, ...]] = {}  # a short form -> the full name it shortens
        for first, end, trigger in found:
            key = tuple(forms[first:end])
            if trigger == "party" and key[0].startswith("و") and len(key[0]) > 3:
                key = (key[0][1:], *key[1:])  # "وراباخان محمودوفا عن حزب": the list's و
            elif trigger in ("given + surname", "nasab") and key[0] not in self.given:
                key = (key[0][1:], *key[1:])  # "وإيرينا فولكوفا"، "وحمد بن جاسم": the conjunction's و
            elif trigger == "name + role" and key[0].startswith("و") and len(key[0]) > 3 and key[0] not in self.given:
                key = (key[0][1:], *key[1:])  # "؛ وأليشر سلطانوف، وزير الطاقة": the list's و
            elif trigger == "list item":
                key = (key[0][1:], *key[1:])  # "وأندريه بابكين": read without the list's و
            names[key] = min(names.get(key, first), first)
            # a nasab is shortened to the first and last names (عبدالعزيز بن عبدالله الداود ->
            # عبدالعزيز الداود): the same person
            if len(key) >= 3 and any(w in self.rules.particles for w in key[1:-1]) and \
                    key[-2] not in self.rules.particles:
                full_of.setdefault((key[0], key[-1]), key)
        # a one-word name found in a speech frame that is the family name (or the first name) of a
        # full name found in the article is that person (وأضاف خريبي after شريف خريبي)
        for key in [k for k in names if len(k) == 1]:
            whole = next((other for other in sorted(names, key=lambda o: (-len(o), o))
                          if len(other) > 1 and key[0] in (other[-1], other[0])), None)
            if whole is not None:
                full_of[key] = whole
        # a family name with عبد found on its own after a title (المستشار عبد الرازق) is the
        # person whose full name ends in it (عبدالوهاب عبدالرازق، عبدالوهاب عبد الرازق)
        for key in [k for k in names if len(k) == 2 and k[0] == "عبد"]:
            whole = next((other for other in sorted(names, key=lambda o: (-len(o), o)) if len(other) > 2 and
                          (other[-2:] == key or other[-1] == "عبد" + key[1])), None) or next(
                (other for other in sorted(names) if len(other) == 2 and other[1] == "عبد" + key[1]), None)
            if whole is not None:
                full_of[key] = whole
        taken = [False] * len(forms)
        for r in own_outlet:  # the outlet's own credits: no person's name there
            first, end = r.pop("_first"), r.pop("_end")
            taken[first:end] = [True] * (end - first)
        rows = list(own_outlet)

        def add(first: int, end: int, entity_id: str, alias: str, skip: int = 0) -> None:
            taken[first:end] = [True] * (end - first)
            rows.append(self._row(doc, first, end, starts, ends, entity_id, alias, skip))

        # every occurrence of a found full name, with or without a title before it
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for key in sorted(names.keys() | full_of.keys(), key=lambda k: (-len(k), k)):
            by_first.setdefault(key[0], []).append(key)
        full_names = []
        # the first word as written, or behind a proclitic ("وزياد عيتاني")
        written_first = {w: first for first in sorted(by_first) for w, _ in _written_forms(first)}
        for i, form in enumerate(forms):
            first = written_first.get(form)
            if first is None:
                continue
            for key in by_first[first]:
                end = i + len(key)
                if tuple(forms[i + 1:end]) == key[1:] and not any(taken[i:end]) and \
                        not self._in_named_thing(i, forms) and \
                        all(_SPACES.fullmatch(norm, ends[k - 1], starts[k]) for k in range(i + 1, end)) and \
                        all(covered[k] is None for k in range(i, end)):
                    alias = " ".join(full_of.get(key, key))  # a nasab's short form is the nasab's person
                    add(i, end, provisional_id(alias), alias, len(form) - len(first))
                    # a bare part later is this person: ArticleNames reads the family name (and the
                    # first name of a two-word name); a longer name is read by its last word only
                    full_names.append((i, provisional_id(alias),
                                       key if len(key) == 2 and key not in full_of else key[-1:]))
                    break
        if full_names:
            rows += self._bare_rows(doc, forms, starts, ends, taken, covered, full_names, names)
        # a name found here that is an unseen spelling of a catalogue person ("نيكول باشينيا" for
        # نيكول باشينيان) is that person: a variant match, for review like any other
        person_named = self.matcher.variants.person_named
        known = {provisional_id(" ".join(key)): found for key in names
                 if (found := person_named(key)) is not None}
        for r in rows:
            if r["entity_id"] in known:
                r["entity_id"], r["match"] = known[r["entity_id"]], VARIANT
        if self.rules.projects:
            self._drop_quoted_places(doc, forms, starts, ends, norm, covered, mentions)
        if self.rules.broadcasters:
            rows += self._broadcaster_rows(doc, forms, starts, ends, norm, covered, taken, mentions)
        if self.rules.bodies:
            rows += self._body_rows(doc, forms, starts, ends, norm, covered, taken, mentions)
        if self.rules.headed:
            rows += self._headed_rows(doc, forms, starts, ends, norm, covered, taken, article, mentions)
        if self.rules.places:
            rows += self._place_rows(doc, forms, starts, ends, norm, covered, taken, article)
        if self.rules.source_words or self.rules.media_tails:
            rows += self._credit_rows(doc, forms, starts, ends, norm, covered, taken)
        if self.learned is not None:
            rows += self.learned_rows(doc, mentions + rows, self.learned)
        _one_id_per_body(rows)
        rows.sort(key=lambda r: r["char_start"])
        return rows

    # -- the learned finder ---------------------------------------------------------------------
    def mention_type(self, entity_id: str) -> str:
        """The type of a mention's entity (a provisional id's as its id says)."""
        if entity_id.startswith(PROVISIONAL_PREFIX):
            return provisional_type(entity_id)
        return self.types.get(entity_id, "other")

    def learned_residual(self, doc: Doc, mentions: list[dict], candidate_zipf: float,
                         kinds: list[int] | None = None):
        """The article's residual as the learned finder reads it (``mentions``: every mention found
        before it, the catalogue's and the rules' provisional ones; ``kinds``: the tokens'
        form_kinds when already known)."""
        forms, starts, ends = split_tokens(doc)
        covered = mentions_by_token(doc, mentions, starts, ends)
        if kinds is None:
            kinds = self.form_kinds(forms, candidate_zipf)
        return residual(forms, starts, ends, doc.norm.text, kinds, covered, self.mention_type), covered

    def form_kinds(self, forms: list[str], candidate_zipf: float) -> list[int]:
        """Each token's RareForms kind (the finder keeps the memo across articles)."""
        if self._rare_forms.key != (self.stopwords, candidate_zipf):
            self._rare_forms = RareForms(self.stopwords, candidate_zipf)
        return list(map(self._rare_forms.__getitem__, forms))

    def _person_evidence(self, forms, first: int, end: int) -> bool:
        """Whether a learned name (tokens first..end) reads as a person's: a first name the
        catalogue or the rules know (ألكسندر، كايرات), a family name's ending (ـوف، ـوفا، ـزاده), or
        a title or verb of saying right before it."""
        words = forms[first:end]
        if any(w in self.given or (w[:1] == "و" and w[1:] in self.given) for w in words):
            return True
        if any(w.endswith(self.rules.surname_endings) for w in words):
            return True
        return bool(first) and (forms[first - 1] in self._title_forms or forms[first - 1] in self._speech_forms)

    def learned_rows(self, doc: Doc, mentions: list[dict], model: NameModel,
                     probs: Mapping[int, float] | None = None) -> list[dict]:
        """Mention rows of the names the learned model finds in what ``mentions`` leave (``probs``:
        the candidates' probabilities when already computed, as the training does). Each name is
        a provisional entity (a body's type when a head noun right before it says so: شركة،
        صحيفة، مدينة; a person otherwise), every occurrence of it in the article a mention, a person's
        bare family name later too (ArticleNames)."""
        kinds = self.form_kinds(split_tokens(doc)[0], model.candidate_zipf)
        if learned_names.REQUIRE_UNLISTED and probs is None and UNLISTED not in kinds:
            return []  # no word a name needs (a third of ANT's articles): no mention index, no residual
        r, covered = self.learned_residual(doc, mentions, model.candidate_zipf, kinds)
        if probs is None:
            probs = probabilities(r, model, self.lexicon)
        spans = decode(r, probs, model.threshold, model.one_word_threshold, model.extend_threshold)
        if not spans:
            return []
        forms, starts, ends, norm = r.forms, r.starts, r.ends, r.norm
        heads = self._head_kinds
        found: dict[tuple[str, ...], tuple[str, float]] = {}  # folded words -> (kind, p)
        person_words = None
        for first, end, p in spans:
            # a nationality adjective before a name is no part of it (النروجي ألكسندر كريستوف)
            # nor an ordinary noun before it: a verbal noun (توقيف دميرتاش "Demirtas's arrest"), a noun
            # with a pronoun (ناديه فيرييا "his club Vereya")
            while end - first > 1 and forms[first] not in self.given and (
                    (forms[first].startswith(ARTICLE) and forms[first].endswith("ي"))
                    or (self._zipf(forms[first]) > 0 and _VERBAL_NOUN.fullmatch(forms[first]))
                    or self._inflected_word(forms[first])):
                first += 1
            key = tuple(forms[first:end])
            # the conjunction glued to a first name (وأيوب نناح، وميغيل ديازكانيل): the name is without it
            if key[0][:1] == "و" and key[0][1:] in self.given:
                key = (key[0][1:], *key[1:])
            if first and forms[first - 1] in self._place_noun_forms:
                continue  # after منطقة، مقاطعة، ميناء: a place's name, no person's (and no type for it here)
            if end - first == 1:
                if person_words is None:  # the words of the persons the article names
                    person_words = {forms[k] for k in range(len(forms)) if r.mention_type(k) == PROVISIONAL_TYPE}
                if key[0] in person_words:
                    continue  # "اسم غولنارا" after "غولنارا كاريموفا": that person's first name, not a new one
            kind = heads.get(forms[first - 1]) if first else None
            if kind is None:
                if not self._person_evidence(forms, first, end):
                    continue  # no head noun says what it is, nothing says a person: no untyped body
                kind = PROVISIONAL_TYPE
            if key not in found or found[key][1] < p:
                found[key] = (kind, p)
        taken = [False] * len(forms)
        out, full_names, names = [], [], {}
        keys = sorted(found, key=lambda k: (-len(k), k))
        by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for key in keys:  # the first word as written, or glued to و
            by_first.setdefault(key[0], []).append((key, 0))
            by_first.setdefault("و" + key[0], []).append((key, 1))
        for i, form in enumerate(forms):
            for key, skip in by_first.get(form, ()):
                end = i + len(key)
                if tuple(forms[i + 1:end]) != key[1:] or any(taken[i:end]) or any(covered[k] is not None for k in range(i, end)) \
                        or not all(_SPACES.fullmatch(norm, ends[k - 1], starts[k]) for k in range(i + 1, end)):
                    continue
                kind, p = found[key]
                alias = " ".join(key)
                # always a provisional id: a learned name read as an unseen spelling of a catalogue
                # person (كايرات ساريبال ~ a catalogue alias) was another person as often as not
                entity_id, match = provisional_id(alias, kind), DISCOVERED
                if kind == PROVISIONAL_TYPE and len(key) > 1:
                    full_names.append((i, entity_id, key if len(key) == 2 else key[-1:]))
                    names[key] = i
                taken[i:end] = [True] * (end - i)
                row = self._row(doc, i, end, starts, ends, entity_id, f"{LEARNED} p={p:.2f}: {alias}", skip)
                row["match"] = match
                out.append(row)
                break
        if full_names:
            for row in self._bare_rows(doc, forms, starts, ends, taken, covered, full_names, names):
                row["alias"] = f"{LEARNED} p={found[tuple(row['alias'].split(' '))][1]:.2f}: {row['alias']}" \
                    if tuple(row["alias"].split(" ")) in found else f"{LEARNED}: {row['alias']}"
                out.append(row)
        return out

    def _headed_rows(self, doc, forms, starts, ends, norm, covered, taken, article, mentions) -> list[dict]:
        """Bodies named by a head noun and the words after it, without quotes:
        - a party: حزب and its ال words (حزب النهضة، حزب الشعب الديمقراطى, not حزب المعارضة), or
          الحزب and two adjectives or one and a country's (الحزب الديموقراطي الليبرالي);
        - an institute, centre or company whose name holds a country's adjective: at the end after
          an indefinite head and its ال words (مركز أبحاث العلوم الجيولوجية الألماني), or after a
          definite head and before ل + its field (المعهد الأميركي للجيوفيزياء).
        The country's adjective inside is part of the name (the gold's longest-name rule): its
        catalogue row is taken out of ``mentions``."""
        headed = self._headed_forms
        heads = list(compress(range(len(forms)), map(headed.__contains__, forms)))  # (one C-level pass)
        if not heads:
            return []
        n = len(forms)
        # the catalogue rows of countries' adjectives, by where they start
        by_start = {m["char_start"]: m for m in mentions if m.get("form") == "adjective"
                    and self.types.get(m["entity_id"]) == "country"}
        out, dropped = [], []
        for i in heads:
            if taken[i] or covered[i] is not None or i + 1 >= n:
                continue
            kind, skip, definite, head = headed[forms[i]]
            if kind == "organisation" and not definite and \
                    (named := self._named_after_person(i, forms, starts, ends, norm, taken)) is not None:
                end = named
                alias = " ".join([head, *forms[i + 1:end]])
                out.append(self._row(doc, i, end, starts, ends, provisional_id(alias, kind), alias, skip))
                taken[i:end] = [True] * (end - i)
                continue
            k = i + 1
            words: list[str] = []  # what each word after the head is: "al", "country", "li", "construct"
            country_rows = []
            while k < n and len(words) < MAX_BODY_WORDS and not taken[k] and \
                    _SPACES.fullmatch(norm, ends[k - 1], starts[k]):
                form = forms[k]
                if kind == "party" and len(words) >= 2 and words[-2] == "and" or (
                        kind == "party" and words and forms[k - 1].startswith("وال") and words[-1] == "al"
                        and k - 1 > i + 1):
                    break  # a party's name ends with its second noun (حزب السلام والديمقراطية)
                mention = covered[k]
                if not words and not definite and kind in _PLACE_NAMED_BODIES and \
                        (place := self._place_then_field(k, forms, starts, ends, norm, covered, mentions, doc)):
                    # شركة أبوظبي لطاقة المستقبل، هيئة دبي للطرق: a place, then the body's field
                    k, row = place
                    words.append("place")
                    if row is not None:
                        country_rows.append(row)
                    continue
                if mention is not None:
                    a, _ = doc.norm.to_original(starts[k], ends[k])
                    row = by_start.get(a)
                    if row is None or (k + 1 < n and covered[k + 1] == mention and
                                       doc.norm.to_original(starts[k + 1], ends[k + 1])[1] <= row["char_end"]):
                        break  # a name of something else (شركة غازبروم): no name of this body
                    words.append("country")
                    country_rows.append(row)
                elif kind == "company" and (not words or words[-1] == "letter") and form in self.letter_names:
                    words.append("letter")  # شركة كيه إن بي: its initials
                elif not words and kind != "party" and form in self._country_names:
                    words.append("country")  # جامعة قرغيزستان الدولية: the matcher left the country out
                elif form == "و" and words and kind == "party" and k + 1 < n and article(k + 1) and \
                        _SPACES.fullmatch(norm, ends[k], starts[k + 1]):
                    words.append("and")  # حزب العدالة و التنمية
                elif form in self.stopwords or form in self.months or form in self.never or \
                        not _ARABIC_WORD.fullmatch(form):
                    break  # (الرئيس after a party's name is the verb's object)
                elif kind == "party" and words and form.startswith("وال") and len(form) > 4 and \
                        form[1:] not in self.stopwords and form[1:] not in self.rules.generic_party_words and \
                        form[1:] not in self.never:
                    words.append("al")  # حزب السلام والديمقراطية، حزب الحرية والعدالة
                elif article(k):
                    if kind == "party" and form in self.rules.generic_party_words:
                        break  # زعيم حزب المحافظين السابق: "former" is the leader's
                    words.append("al")
                elif form.startswith("لل") and words:
                    words.append("li")
                elif words[:1] == ["place"] and len(words) >= 2 and form.startswith("وال") and len(form) > 4 and \
                        form[1:] not in self.stopwords:
                    words.append("al")  # هيئة دبي للطرق والمواصلات
                elif words == ["place"] and form[0] == "ل" and len(form) >= 4 and form not in self.stopwords and \
                        form[1:] not in self.stopwords and k + 1 < n and article(k + 1) and \
                        _SPACES.fullmatch(norm, ends[k], starts[k + 1]):
                    words.append("li")  # لطاقة المستقبل: the field in construct
                elif not definite and not words and k + 1 < n and article(k + 1) and \
                        self._zipf(form) >= COMMON_ZIPF and form not in self.never:
                    words.append("construct")  # مركز أبحاث العلوم
                else:
                    break
                k += 1
            if len(words) > 2 and words[0] == "country" and not definite and words[1] == "al" and words[2] == "al":
                # a body named after its country takes one adjective (مصرف ليبيا المركزي), then
                # perhaps its field (للطاقة النووية): a second ال word is the sentence going on
                words = words[:2]
                k = i + 3
            # a name ends at an ال word or a field, never at a construct noun or و
            while words and words[-1] in ("construct", "and"):
                words.pop()
                k -= 1
            letters = len(words) - len(list(itertools.dropwhile(lambda w: w == "letter", words)))
            after = i + 1 + letters  # the word after the initials: a rare one continues the name (جيه بي مورغان)
            if letters >= 2 and (words[letters:letters + 1] == ["country"] or (len(words) == letters and not (
                    after < n and _SPACES.fullmatch(norm, ends[after - 1], starts[after]) and
                    covered[after] is None and self._zipf(forms[after]) < _NAME_WORD_ZIPF))):
                # a company named by two initials or more (شركة إي دي إف الفرنسية): the initials
                # alone, its country's adjective stays the country's mention
                alias = " ".join(forms[i + 1:i + 1 + letters])
                out.append(self._row(doc, i + 1, i + 1 + letters, starts, ends, provisional_id(alias, kind), alias))
                taken[i + 1:i + 1 + letters] = [True] * letters
                continue
            if words[:1] == ["place"]:
                # the place, then its field: ل + ال (للبترول) or ل + a noun in construct (لطاقة
                # المستقبل), perhaps ال words after; the name is the place and the field, and a short
                # name quoted right after it is the same body's (شركة أبوظبي لطاقة المستقبل «مصدر»)
                if len(words) < 2 or words[1] != "li" or not all(w in ("al", "li") for w in words[1:]):
                    continue
                # (a company's noun is no part of its name, as the gold reads it: شركة [قطر للبترول];
                # an organisation's is: [هيئة دبي للطرق])
                first = i + 1 if kind == "company" else i
                alias = " ".join(([] if kind == "company" else [head]) + forms[i + 1:k])
                entity_id = provisional_id(alias, kind)
                out.append(self._row(doc, first, k, starts, ends, entity_id, alias, 0 if kind == "company" else skip))
                taken[i:k] = [True] * (k - i)
                dropped += country_rows
                short = self._short_name_after(k, forms, starts, ends, norm, covered, taken)
                if short is not None:
                    out.append(self._row(doc, k, short, starts, ends, entity_id, " ".join(forms[k:short])))
                    taken[k:short] = [True] * (short - k)
                continue
            if not words or not self._headed_name(kind, definite, words, forms[i + 1:i + 1 + len(words)]):
                continue
            end = i + 1 + len(words)
            if end < n and _OPEN_QUOTE.fullmatch(norm, ends[end - 1], starts[end]):
                continue  # a description before the body's quoted name (شركة ... "ماريون بايوتك")
            alias = " ".join([head, *forms[i + 1:end]])
            row = self._row(doc, i, end, starts, ends, provisional_id(alias, kind), alias, skip)
            known = self._joined_names.get(alias.replace(" ", ""))
            if known is not None:
                row["entity_id"], row["match"] = known, VARIANT
            out.append(row)
            taken[i:end] = [True] * (end - i)
            dropped += country_rows
        if dropped:
            gone = {id(r) for r in dropped}
            mentions[:] = [m for m in mentions if id(m) not in gone]
        return out

    def _short_name_after(self, k: int, forms, starts, ends, norm, covered, taken,
                          opening: re.Pattern = _SHORT_NAME_OPEN) -> int | None:
        """The end of a body's short name quoted or bracketed right before token k's word (…
        لطاقة المستقبل «مصدر»، … (مصدر)): one or two words no catalogue mention holds; else None.
        ``opening``: what may stand between the long name's last word and the short one."""
        n = len(forms)
        if k >= n or not opening.fullmatch(norm, ends[k - 1], starts[k]):
            return None
        for end in range(k + 1, min(n, k + 2) + 1):
            if covered[end - 1] is not None or taken[end - 1] or forms[end - 1] in self.stopwords:
                return None
            gap = norm[ends[end - 1]:starts[end]] if end < n else norm[ends[end - 1]:]
            if _SHORT_NAME_CLOSE.match(gap):
                return end
            if not _SPACES.fullmatch(gap):
                return None
        return None

    def _place_then_field(self, k: int, forms, starts, ends, norm, covered, mentions, doc) -> tuple[int, dict] | None:
        """(the token after it, its row) of the catalogue place's name (a city or country, all of
        its words) at token k, when a body's field written with ل follows it (أبوظبي لطاقة
        المستقبل، قطر للبترول); else None."""
        n = len(forms)
        mention = covered[k]
        row = None
        if mention is not None:
            if self.types.get(mention) not in ("city", "country"):
                return None
            end = k
            while end < n and covered[end] == mention and (end == k or _SPACES.fullmatch(norm, ends[end - 1], starts[end])):
                end += 1
            a, _ = doc.norm.to_original(starts[k], ends[k])
            _, b = doc.norm.to_original(starts[end - 1], ends[end - 1])
            row = next((m for m in mentions if m["char_start"] == a and m["char_end"] == b and
                        m["entity_id"] == mention and m.get("form") == "name"), None)
            if row is None:
                return None
        else:  # after شركة، بنك the matcher leaves the place out (body_words_before_country)
            end = max((k + len(words) for words in self._place_names.get(forms[k], ())
                       if tuple(forms[k:k + len(words)]) == words and all(
                           covered[x] is None and _SPACES.fullmatch(norm, ends[x - 1], starts[x])
                           for x in range(k + 1, k + len(words)))), default=None)
            if end is None:
                return None
        if end >= n or not _SPACES.fullmatch(norm, ends[end - 1], starts[end]) or forms[end][0] != "ل" or \
                forms[end] in self.stopwords:
            return None
        return end, row

    def _named_after_person(self, i: int, forms, starts, ends, norm, taken) -> int | None:
        """The end of a body's name when an organisation's head noun (no article) is followed by a
        catalogue person's full name, then perhaps its field (ل + ال: للفضاء، للإغاثة): "مركز محمد بن
        راشد للفضاء", "جامعة نزارباييف", "مؤسسة نافالني". The matcher leaves the person out after the
        noun (a name inside a name: name_context.yaml named_after_words); the body is the mention. A
        frequent one-word name (بوتين) after the noun is left alone."""
        n = len(forms)
        if i + 1 >= n or not _SPACES.fullmatch(norm, ends[i], starts[i + 1]):
            return None
        for tokens, _gaps, entity_id, form, _key, lead in self.matcher.first_words.get(forms[i + 1], ()):
            if lead or form != NAME or self.types.get(entity_id) != "person" or (
                    len(tokens) < 2 and self._zipf(tokens[0]) >= COMMON_ZIPF):
                continue
            end = i + 1 + len(tokens)
            if end > n or tuple(forms[i + 1:end]) != tuple(tokens) or any(taken[i + 1:end]) or \
                    not all(_SPACES.fullmatch(norm, ends[k - 1], starts[k]) for k in range(i + 2, end)):
                continue
            field = end
            while end < n and end - field < _MAX_FIELD_WORDS and forms[end].startswith("لل") and \
                    len(forms[end]) > 4 and not taken[end] and _SPACES.fullmatch(norm, ends[end - 1], starts[end]):
                end += 1
            return end
        return None

    def _place_rows(self, doc, forms, starts, ends, norm, covered, taken, article) -> list[dict]:
        """Places the catalogue lacks, named right after the noun that says what they are: one or
        two words no ordinary text uses (مدينة أكسو، قرية باسكي اريك، لنهر إسفارا); a known place
        (مدينة ألماتي) is the catalogue's."""
        place_forms = self._place_forms
        out = []
        names: dict[tuple[str, ...], tuple[str, str]] = {}  # a place's words -> (its id, alias)
        n = len(forms)
        for i in compress(range(n), map(place_forms.__contains__, forms)):
            if taken[i] or covered[i] is not None:
                continue
            noun, skip = place_forms[forms[i]]
            rule = self.rules.places[noun]
            kind, noun_in_name = rule.kind, rule.noun_in_name
            if noun.endswith("ه") and _written_last_letter(doc, starts[i], ends[i]) != "ة":
                continue  # folding makes بلده "his country" the noun بلدة "town"
            special = self._special_place_end(i, rule, forms, starts, ends, norm, covered, taken, article)
            k = i + 1 if special is None else special
            while special is None and k < n and k - i <= MAX_PLACE_WORDS and not taken[k] and covered[k] is None and \
                    _OPENING.fullmatch(norm, ends[k - 1], starts[k]) and not article(k) and \
                    (k == i + 1 or _SPACES.fullmatch(norm, ends[k - 1], starts[k])) and \
                    (self._word_kind(forms[k], k == i + 1, forms[k - 1], False) in (
                        ("rare",) if k == i + 1 else ("rare", "given")) or self._rare_with_ta_marbuta(doc, k, forms, starts, ends)
                     or self._place_first_of_two(k, forms, starts, ends, norm, covered, article)) \
                    and (self._zipf(forms[k]) < COMMON_ZIPF or k == i + 1) and len(forms[k]) >= 3:
                k += 1
            if k == i + 1 or (k < n and covered[k] is not None and self.types.get(covered[k]) != "country"
                              and _SPACES.fullmatch(norm, ends[k - 1], starts[k])):
                continue  # nothing, or the first words of a known name (a country's adjective may follow)
            if k == i + 2 and _PARTICIPLE.fullmatch(forms[i + 1]) and \
                    _written_last_letter(doc, starts[i + 1], ends[i + 1]) == "ة":
                continue  # a participle agreeing with the noun: محافظة منكوبة، منطقة منزوعة السلاح
            first = i if noun_in_name else i + 1
            alias = " ".join(([noun] if noun_in_name else []) + forms[i + 1:k])
            out.append(self._row(doc, first, k, starts, ends, provisional_id(alias, kind), alias,
                                 skip if noun_in_name else 0))
            taken[i:k] = [True] * (k - i)
            if not noun_in_name:
                names.setdefault(tuple(forms[i + 1:k]), (provisional_id(alias, kind), alias))
        if names:
            out += self._bare_place_rows(doc, forms, starts, ends, norm, covered, taken, names)
        return out

    def _bare_place_rows(self, doc, forms, starts, ends, norm, covered, taken, names) -> list[dict]:
        """A place found after its noun, named again without it later or earlier in the article
        (قرية تيدون ... سكان تيدون): the same place, when its name has two words or its one word is
        one no text uses (a word of the list may be an ordinary word elsewhere: وحدة، سري), and
        nothing but punctuation, a stopword or a catalogue mention follows it. (A river's name is
        its noun and words: the words alone are left alone.)"""
        safe = {key: found for key, found in names.items() if len(key) > 1 or self._zipf(key[0]) < _PLACE_SECOND_ZIPF}
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for key in sorted(safe, key=lambda key: (-len(key), key)):
            for written, _ in _written_forms(key[0]):
                by_first.setdefault(written, []).append(key)
        out = []
        for i, form in enumerate(forms):
            for key in by_first.get(form, ()):
                end = i + len(key)
                if tuple(forms[i + 1:end]) == key[1:] and not any(taken[i:end]) and \
                        all(covered[k] is None for k in range(i, end)) and \
                        all(_SPACES.fullmatch(norm, ends[k - 1], starts[k]) for k in range(i + 1, end)) and \
                        (end == len(forms) or covered[end] is not None or forms[end] in self.stopwords or
                         not _SPACES.fullmatch(norm, ends[end - 1], starts[end])) and \
                        (i == 0 or forms[i - 1] not in self._head_kinds and forms[i - 1] not in self._project_forms):
                    # (the name ends there: شركة فيرجين أتلانتيك، ملعب روستوف أرينا، ظهران الجنوب are
                    # other names; a body's noun before it makes it a body's name)
                    entity_id, alias = safe[key]
                    out.append(self._row(doc, i, end, starts, ends, entity_id, alias, len(form) - len(key[0])))
                    taken[i:end] = [True] * (end - i)
                    break
        return out

    def _special_place_end(self, i: int, rule: PlaceNoun, forms, starts, ends, norm, covered, taken,
                           article) -> int | None:
        """The end of a place's name after its noun (token i) that the plain rule of rare words
        does not read, else None:
        - a closing adjective after up to MAX_FRAMED_PLACE_WORDS plain words (معبر شير خان بندر
          الحدودي: the crossing's adjective says where the town's name ends, whatever its words);
        - two words joined by a dash, neither frequent (قرية كوي - طاش، بلدة "كوي - تاش");
        - with ``article_names``, one word with the article that is no ordinary word (جبال الأورال)."""
        n = len(forms)
        if i + 1 >= n or taken[i + 1] or covered[i + 1] is not None or \
                not _OPENING.fullmatch(norm, ends[i], starts[i + 1]):
            return None
        if rule.closing:
            for k in range(i + 1, min(n, i + 2 + MAX_FRAMED_PLACE_WORDS)):
                if k > i + 1 and not _SPACES.fullmatch(norm, ends[k - 1], starts[k]):
                    return None
                if k > i + 1 and forms[k] in rule.closing:
                    return k
                form = forms[k]
                if taken[k] or covered[k] is not None or article(k) or not _ARABIC_WORD.fullmatch(form) or \
                        form in self.stopwords or form in self.never or form in self.months or len(form) < 2:
                    return None
        if i + 2 < n and _NAME_DASH.fullmatch(norm, ends[i + 1], starts[i + 2]) and \
                not taken[i + 2] and covered[i + 2] is None and \
                all(not article(k) and self._word_kind(forms[k], k == i + 1, forms[k - 1], False) in ("rare", "common")
                    and self._zipf(forms[k]) < _PLACE_FIRST_ZIPF and len(forms[k]) >= 3 for k in (i + 1, i + 2)):
            return i + 3
        form = forms[i + 1]
        if rule.article_names and article(i + 1) and len(form) >= 5 and form not in self.stopwords and \
                form not in self.never and _ARABIC_WORD.fullmatch(form) and \
                self._zipf(form) < _PLACE_SECOND_ZIPF and self._zipf(form[2:]) < _PLACE_FIRST_ZIPF and \
                (i + 2 >= n or not _SPACES.fullmatch(norm, ends[i + 1], starts[i + 2]) or
                 covered[i + 2] is not None or forms[i + 2] in self.stopwords or not article(i + 2)):
            return i + 2  # (not جبال الأورال الجنوبية... read as a phrase: an ال word after it ends nothing)
        return None

    def _place_first_of_two(self, k: int, forms, starts, ends, norm, covered, article) -> bool:
        """Token k, a word of some frequency (كوي), opens a place's two-word name when a word no
        text uses follows it (قرية كوي تاش): the pair is no ordinary phrase."""
        n = len(forms)
        return k + 1 < n and self._word_kind(forms[k], True, None, False) == "common" and \
            self._zipf(forms[k]) < _PLACE_FIRST_ZIPF and covered[k + 1] is None and not article(k + 1) and \
            _SPACES.fullmatch(norm, ends[k], starts[k + 1]) is not None and len(forms[k + 1]) >= 3 and \
            self._zipf(forms[k + 1]) < _PLACE_SECOND_ZIPF and \
            self._word_kind(forms[k + 1], False, forms[k], False) == "rare"

    def _headed_name(self, kind: str, definite: bool, words: list[str], after: list[str]) -> bool:
        """Whether a head noun and the words after it (``words``: their kinds) are a body's name."""
        if kind == "party":
            if definite:  # الحزب الديموقراطي الليبرالي، الحزب الشيوعي الصيني
                adjectives = sum(1 for w, f in zip(words, after) if w == "al" and f.endswith("ي"))
                return all(w in ("al", "country", "and") for w in words) and (
                    adjectives >= 2 or (adjectives and "country" in words))
            # حزب النهضة، حزب الشعب الديمقراطي (not حزب المعارضة، حزب الرئيس)
            return words[0] == "al" and not any(f in self.rules.generic_party_words for f in after[:1]) and \
                all(w in ("al", "country", "and") for w in words)
        if "country" not in words:
            return False
        if words[0] == "country" and not definite:
            # the country's name right after the head, then its ال words or field: معهد تركمانستان
            # الحكومي للتربية البدنية، شركة الصين الوطنية للطاقة النووية، جامعة قرغيزستان الدولية
            return len(words) >= 2 and words[1] == "al" and all(w in ("al", "li") for w in words[1:])
        if definite:  # المعهد الأميركي للجيوفيزياء: the country's adjective, then the field
            return words[0] == "country" and len(words) >= 2 and words[1] == "li"
        # مركز أبحاث العلوم الجيولوجية الألماني: the country's adjective ends the name, after two
        # words or more (شركة الأدوية الهندية is a description, "the Indian drug maker")
        return words[-1] == "country" and len(words) >= 3 and words[0] in ("al", "construct")

    def _broadcaster_rows(self, doc, forms, starts, ends, norm, covered, taken, mentions) -> list[dict]:
        """A broadcaster named after the organisation it belongs to (تلفزيون الأمم المتحدة): its
        noun and the organisation's whole name, a provisional media body; the organisation's
        mention inside it is taken out of ``mentions`` (the gold's longest-name rule)."""
        n = len(forms)
        out, gone = [], set()
        for i in compress(range(n - 1), map(self._broadcaster_forms.__contains__, forms)):
            body = covered[i + 1]
            if taken[i] or covered[i] is not None or body is None or self.types.get(body) != "organisation" or \
                    not _SPACES.fullmatch(norm, ends[i], starts[i + 1]):
                continue
            a, _ = doc.norm.to_original(starts[i + 1], ends[i + 1])
            inner = [m for m in mentions if m["char_start"] == a and m["entity_id"] == body and m.get("form") == "name"]
            if not inner:
                continue
            end = i + 1
            while end < n and ends[end - 1] < len(norm) and doc.norm.to_original(starts[end], ends[end])[1] <= inner[0]["char_end"]:
                end += 1
            if doc.norm.to_original(starts[end - 1], ends[end - 1])[1] != inner[0]["char_end"]:
                continue  # the organisation's name ends inside a token: not a whole name
            alias = " ".join(forms[i:end])
            skip = len(forms[i]) - len(next(w for w in sorted(self.rules.broadcasters, key=len, reverse=True)
                                            if forms[i].endswith(w)))
            out.append(self._row(doc, i, end, starts, ends, provisional_id(alias[skip:], "media"), alias[skip:], skip))
            taken[i:end] = [True] * (end - i)
            gone.add(id(inner[0]))
        if gone:
            mentions[:] = [m for m in mentions if id(m) not in gone]
        return out

    def _drop_quoted_places(self, doc, forms, starts, ends, norm, covered, mentions) -> None:
        """Take out of ``mentions`` a place's name quoted right after a project's noun (مشروع
        "نوكوس" لتوليد طاقة الرياح: the wind farm's name, not the city)."""
        n = len(forms)
        gone = set()
        for i in compress(range(n - 1), map(self._project_forms.__contains__, forms)):
            if not _OPEN_QUOTE.fullmatch(norm, ends[i], starts[i + 1]):
                continue
            inside = []
            for k in range(i + 1, min(n, i + 1 + MAX_PLACE_WORDS)):
                # (a city or country: a field or a dam the catalogue knows is typed region, حقل "كاشاغان")
                if covered[k] is None or self.types.get(covered[k]) not in ("city", "country"):
                    break
                inside.append(k)
                gap = norm[ends[k]:starts[k + 1]] if k + 1 < n else norm[ends[k]:]
                if any(q in gap for q in _CLOSE_QUOTES):
                    if not gap[:min(gap.index(q) for q in _CLOSE_QUOTES if q in gap)].strip(" \t\u00a0"):
                        a, _ = doc.norm.to_original(starts[inside[0]], ends[inside[0]])
                        _, b = doc.norm.to_original(starts[k], ends[k])
                        gone |= {id(m) for m in mentions if m["char_start"] < b and a < m["char_end"]}
                    break
                if not _SPACES.fullmatch(gap):
                    break
        if gone:
            mentions[:] = [m for m in mentions if id(m) not in gone]

    def _body_descriptors(self, i: int, forms, starts, ends, norm, covered) -> int:
        """The last token of the ال words that describe a body between its noun (token i) and its
        quoted name (شركة الطاقة الحكومية "تركمان انيرجو"، شركة الكهرباء الأوزبكية "..."): i when
        none. A country's adjective among them keeps its own mention."""
        n = len(forms)
        j = i
        while j + 1 < n and j - i < _MAX_BODY_DESCRIPTORS and _SPACES.fullmatch(norm, ends[j], starts[j + 1]):
            word = forms[j + 1]
            mention = covered[j + 1]
            if not word.startswith(ARTICLE) or word in self.stopwords or word in self.never or (
                    mention is not None and self.types.get(mention) not in _PLACE_TYPES_INSIDE):
                break
            j += 1
        return j

    def _body_rows(self, doc, forms, starts, ends, norm, covered, taken, mentions) -> list[dict]:
        """Media, companies, parties and organisations named in quotes right after the noun that
        says what they are (موقع “تنغرينيوز”، شركة "أرسيلور ميتال"، حزب "نور وطن"): the quotes
        mark the name's extent, the noun its type. The same name again in the article is the same
        body when it has two words or more or is no ordinary word."""
        n = len(forms)
        found: dict[tuple[str, ...], str] = {}
        spans: list[tuple[int, int, str]] = []
        body_forms = self._body_forms
        places_inside: list[int] = []  # tokens of a place's name inside a quoted body's name
        shorts: list[tuple[int, int, int, int, str]] = []  # a short name's span, its long name's span
        for i in range(n - 1):
            kind = body_forms.get(forms[i])
            if kind is None or covered[i] is not None:
                continue
            if kind == "media" and forms[i + 1] in self._news_words and i + 2 < n and \
                    _SPACES.fullmatch(norm, ends[i], starts[i + 1]):
                i += 1  # وكالة أنباء (قابار)، وكالة الأنباء "..."
            opening = _OPEN_QUOTE.fullmatch(norm, ends[i], starts[i + 1])
            if opening is None and kind != "party":
                # (a party's noun and ال words are its name: حزب العمال "سيدمر الاقتصاد" quotes a claim)
                head = i
                i = self._body_descriptors(i, forms, starts, ends, norm, covered)
                if i == head:
                    pass
                elif i + 1 >= n or (kind == "media" and not any(f in self._news_words for f in forms[head:i + 1])):
                    continue  # the descriptors end the text; لوكالة الغوث "الأونروا" is no news agency
                else:
                    # a quote glued to the last word closes a quotation ("... حركة التحرير الشبابية" المعروفة)
                    opening = _SPACED_OPEN_QUOTE.fullmatch(norm, ends[i], starts[i + 1])
                    if opening is None:
                        continue
            if opening is None and kind == "media" and _OPEN_PAREN.fullmatch(norm, ends[i], starts[i + 1]):
                opening = "("  # an agency's name in parentheses: وكالة أنباء (قابار)
            if opening is None:
                company = forms[i] in self._unquoted_company_forms
                if (company or forms[i] in self._unquoted_outlet_forms) and \
                        (end := self._unquoted_name(i, doc, forms, starts, ends, norm, covered, taken, company)):
                    spans.append((i + 1, end, kind))
                    found.setdefault(tuple(forms[i + 1:end]), kind)
                continue
            closes = ")" if opening == "(" else _CLOSE_QUOTES
            k = i + 1
            inside: list[int] = []
            while k < n and k - i <= MAX_BODY_WORDS and not taken[k]:
                if covered[k] is not None:
                    # a place's name inside a body's quoted name (إذاعة "صدى موسكو"): part of the name
                    if self.types.get(covered[k]) not in _PLACE_TYPES_INSIDE:
                        break
                    inside.append(k)
                gap = norm[ends[k]:starts[k + 1]] if k + 1 < n else norm[ends[k]:]
                if any(q in gap for q in closes):
                    close = min(gap.index(q) for q in closes if q in gap)
                    if gap[:close].strip(" \t\u00a0"):
                        break  # punctuation inside the quotes: not a plain name
                    key = tuple(forms[i + 1:k + 1])
                    # (a place and a word after it name an outlet too, the word a stopword or
                    # not: وكالة "تركمانستان اليوم", as روسيا اليوم is RT)
                    if any(w not in self.stopwords for k2, w in enumerate(key, i + 1) if k2 not in inside) or (
                            kind == "media" and inside and inside[0] == i + 1 and k > inside[-1]):
                        spans.append((i + 1, k + 1, kind))
                        found.setdefault(key, kind)
                        places_inside += inside
                        # its short name bracketed right after it is the same body's (… لطاقة
                        # المستقبل” (مصدر)): later mentions of the short name take the long one's id
                        short = self._short_name_after(k + 1, forms, starts, ends, norm, covered, taken,
                                                       _QUOTED_SHORT_NAME_OPEN)
                        # (one word without the article after a name of three or more: a gloss,
                        # "يونايت ذي رايت" (توحيد اليمين)، حزب "الجمهوريون" (معارضة يمينية), is none)
                        if short is not None and short == k + 2 and k - i >= 3 and \
                                not forms[k + 1].startswith(ARTICLE):
                            shorts.append((k + 1, short, i + 1, k + 1, kind))
                    break
                if not _SPACES.fullmatch(gap):
                    break
                k += 1
        if not found:
            return []
        if places_inside:
            gone = set()
            for k in places_inside:
                a, b = doc.norm.to_original(starts[k], ends[k])
                gone |= {id(m) for m in mentions if m["char_start"] < b and a < m["char_end"]}
            mentions[:] = [m for m in mentions if id(m) not in gone]
        out = []
        for first, end, kind in spans:
            out.append(self._row(doc, first, end, starts, ends, provisional_id(" ".join(forms[first:end]), kind),
                                 " ".join(forms[first:end])))
            taken[first:end] = [True] * (end - first)
        for first, end, long_first, long_end, kind in shorts:
            if not any(taken[first:end]):
                out.append(self._row(doc, first, end, starts, ends,
                                     provisional_id(" ".join(forms[long_first:long_end]), kind), " ".join(forms[first:end])))
                taken[first:end] = [True] * (end - first)
        # the same name again, unquoted: two words or more, or a word no ordinary text uses
        repeat = {key: kind for key, kind in found.items()
                  if len(key) > 1 or self._zipf(key[0]) < COMMON_ZIPF}
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for key in sorted(repeat, key=lambda k: (-len(k), k)):
            by_first.setdefault(key[0], []).append(key)
        for i, form in enumerate(forms):
            for key in by_first.get(form, ()):
                end = i + len(key)
                if tuple(forms[i:end]) == key and not any(taken[i:end]) and \
                        all(covered[k] is None for k in range(i, end)) and \
                        all(_SPACES.fullmatch(norm, ends[k - 1], starts[k]) for k in range(i + 1, end)):
                    out.append(self._row(doc, i, end, starts, ends, provisional_id(" ".join(key), repeat[key]),
                                         " ".join(key)))
                    taken[i:end] = [True] * (end - i)
                    break
        return out

    def _unquoted_name(self, i: int, doc: Doc, forms, starts, ends, norm, covered, taken,
                       company: bool = False) -> int | None:
        """The end of an outlet's name written without quotes right after its noun, token i: one or
        two words no ordinary text uses (rarer than max_last_zipf, no article, no month), then an
        adjective with the article, a country's among them, or punctuation ("صحيفة لادا المحلية"،
        "صحيفة فيدوموستي،"). A ``company``'s: words no text uses at all (a word of the list, however
        rare, is an ordinary one: شركة مقاولات، شركة مدرجة), none written with ة (شركة قابضة: folding
        hides the adjective from the list)."""
        n = len(forms)
        k = i + 1
        while k < n and k - i <= 2 and covered[k] is None and not taken[k] and \
                _SPACES.fullmatch(norm, ends[k - 1], starts[k]) and _ARABIC_WORD.fullmatch(forms[k]) and \
                not forms[k].startswith(ARTICLE) and forms[k] not in self.months and forms[k] not in self.stopwords \
                and forms[k] not in self.never and self._zipf(forms[k]) < self.rules.max_last_zipf and \
                not any(forms[k].endswith(p) and self._zipf(forms[k][:-len(p)]) >= COMMON_ZIPF for p in _PRONOUN_SUFFIXES) \
                and (not company or (self._zipf(forms[k]) == 0 and len(forms[k]) >= 4 and
                                     self._word_kind(forms[k], k == i + 1, forms[k - 1], False) == "rare" and
                                     _written_last_letter(doc, starts[k], ends[k]) != "ة")):
            k += 1  # (a noun with a pronoun, "موقع تجاربها النووية" "its test site", is no name)
        if k == i + 1:
            return None
        if k == n or _OUTLET_NAME_END.match(norm, ends[k - 1]):
            return k
        adjective = forms[k]
        return k if (covered[k] is None or self.types.get(covered[k]) == "country") and \
            _SPACES.fullmatch(norm, ends[k - 1], starts[k]) and \
            adjective.startswith(ARTICLE) and adjective.endswith(("ي", "يه")) and len(adjective) > 5 else None

    def _own_outlet_rows(self, doc, forms, starts, ends, norm, mentions, outlet: str) -> list[dict]:
        """The article's own outlet where the article credits it: its source field's Arabic name
        ("Iran Press (إيران برس)", "العرب اليوم") found in a credit's place, that is a line's
        start or a dateline's dash before it and a dash, colon or the line's end after it ("روما -
        العرب اليوم", "إيران برس - إيران:"), parentheses around it ("أنقرة (زمان التركية) –"),
        an outlet's noun before it ("وكالة «إيران برس»") or ب/ل after an exclusive's word ("خاص
        بالعالم"). The source field is the evidence that these words are the outlet's name, so a
        place the name holds (إيران، التركية) is no mention of the place: its catalogue row is
        taken out of ``mentions``. A name the catalogue knows as an outlet is left to it."""
        out: list[dict] = []
        n = len(forms)
        if not n:
            return out
        media_nouns = frozenset(w for w, kind in self.rules.bodies.items() if kind == "media")
        spans = sorted((m["char_start"], m["char_end"], id(m)) for m in mentions)
        ids = {id(m): m["entity_id"] for m in mentions}
        dropped: set[int] = set()
        # the catalogue's outlets the article names: its own name credited elsewhere is theirs
        catalogued = {m["alias"]: m["entity_id"] for m in mentions
                      if self.types.get(m["entity_id"]) in _BRANDS_KNOWN}
        keys = []
        for name in outlet_names(outlet):
            folded = fold(name)
            key = tuple(folded[a:b] for a, b in tokenize(folded))
            keys.append(key)
            if len(key) > 1 and key[0] in media_nouns:  # قناة العالم: credited as العالم too
                keys.append(key[1:])
        for key in keys:
            if not key or all(w in self.rules.generic_credits or w in self.stopwords for w in key):
                continue
            firsts = {w: skip for w, skip in _written_forms(key[0])}
            # (only the words the name can start with are looked at: one C-level pass)
            for i in compress(range(n), map(firsts.__contains__, forms)):
                skip = firsts[forms[i]]
                if tuple(forms[i + 1:i + len(key)]) != key[1:]:
                    continue
                end = i + len(key)
                if not all(_OUTLET_GAP.fullmatch(norm, ends[k - 1], starts[k]) for k in range(i + 1, end)):
                    continue
                s, e = starts[i] + skip, ends[end - 1]
                prefix = forms[i][:skip]
                if not (_own_credit_place(norm, s, e) or self._after_media_noun(norm, s, media_nouns) or
                        (prefix[-1:] in ("ب", "ل") and _word_before_fold(norm, starts[i]) in self.rules.exclusive_words)):
                    continue
                a, _ = doc.norm.to_original(s, ends[i])
                _, b = doc.norm.to_original(starts[end - 1], e)
                inside = [(ms, me, mid) for ms, me, mid in spans if ms < b and a < me]
                if any(ms < a or me > b for ms, me, _ in inside):
                    continue  # a longer name of something else runs across it
                if any(ms == a and me == b and self.types.get(ids[mid]) in _BRANDS_KNOWN for ms, me, mid in inside):
                    continue  # the catalogue knows the outlet
                dropped.update(mid for _, _, mid in inside)
                alias = " ".join(key)
                row = self._row(doc, i, end, starts, ends, catalogued.get(alias) or provisional_id(alias, "media"),
                                alias, skip)
                if alias in catalogued:
                    row["match"] = ARTICLE_NAME
                row["_first"], row["_end"] = i, end
                out.append(row)
        if dropped:
            mentions[:] = [m for m in mentions if id(m) not in dropped]
        return out

    @staticmethod
    def _after_media_noun(norm: str, start: int, media_nouns: frozenset[str]) -> bool:
        """An outlet's noun right before ``start``, quotes allowed between (وكالة «إيران برس»)."""
        m = _NOUN_BEFORE.search(norm, max(0, start - 40), start)
        if m is None:
            return False
        word = m.group(1)
        return word in media_nouns or (word.startswith(ARTICLE) and word[2:] in media_nouns)

    def _credit_rows(self, doc, forms, starts, ends, norm, covered, taken) -> list[dict]:
        """Outlets the catalogue lacks, where the article credits them:
        - a source line: المصدر: موزاييك ف م، *المصدر: فرانس24/ أ ف ب (each part one outlet);
        - a dateline's credit in parentheses: أربيل (كوردستان 24)- ...;
        - a byline opening the text before a dash: مدار الساعة - فر أكثر ...;
        - anywhere, a name ending in an outlet's word: بلدي نيوز، موزاييك ف م، عربي بوست.
        A part must be one to four plain words no catalogue mention covers, none a stopword, a
        month or a generic credit (وكالات، متابعات)."""
        n = len(forms)
        if not n:
            return []
        spans: list[tuple[int, int]] = []

        def tokens_in(a: int, b: int) -> list[int]:
            first = bisect.bisect_left(starts, a)
            out = []
            for k in range(first, n):
                if starts[k] >= b:
                    break
                if ends[k] <= b:
                    out.append(k)
            return out

        def outlet(ks: list[int], single_rare: bool = False) -> None:
            if not 1 <= len(ks) <= 4 or any(taken[k] or covered[k] is not None for k in ks):
                return
            words = [forms[k] for k in ks]
            # an outlet's word at the end (ف م، تي في) may be a letter a stopword list holds
            tail = next((t for t in self.rules.media_tails if tuple(words[-len(t):]) == t and len(t) < len(words)), ())
            if any(w in self.stopwords or w in self.months or w in self.rules.generic_credits or
                   not (_ARABIC_WORD.fullmatch(w) or w.isascii() and w.isalnum()) or
                   (w.isdigit() and w != "24") for w in words[:len(words) - len(tail)]):
                return
            if not all(_SPACES.fullmatch(norm, ends[k - 1], starts[k]) for k in ks[1:]):
                return
            if single_rare and len(ks) == 1 and self._zipf(words[0]) >= self.rules.max_last_zipf:
                return  # "العالم - ...": one ordinary word is no outlet's name
            spans.append((ks[0], ks[-1] + 1))

        # source lines
        for m in _SOURCE_LINE.finditer(norm):
            if m.group(1) not in self.rules.source_words:
                continue
            a = m.end()
            for part in _CREDIT_SPLIT.split(norm[a:m.end(2)]):
                b = a + len(part)
                outlet(tokens_in(a, b))
                a = b + 1 if b < m.end(2) else b
        # the opening line: a dateline's credit in parentheses, or a byline before a dash
        line_end = norm.find("\n")
        line_end = len(norm) if line_end < 0 else line_end
        head = _DATELINE_CREDIT.match(norm, 0, line_end)
        if head is not None:
            outlet(tokens_in(head.start(1), head.end(1)))
        head = _OPENING_BYLINE.match(norm, 0, line_end)
        if head is not None:
            outlet(tokens_in(head.start(1), head.end(1)), single_rare=True)
        # a name ending in an outlet's word
        tails = self.rules.media_tails
        if tails:
            firsts = {t[0] for t in tails}
            for i in compress(range(1, n), map(firsts.__contains__, forms[1:])):
                tail = next((t for t in tails if tuple(forms[i:i + len(t)]) == t), None)
                if tail is None or taken[i] or covered[i] is not None:
                    continue
                if not _SPACES.fullmatch(norm, ends[i - 1], starts[i]) or forms[i - 1] in self.never or \
                        self._zipf(forms[i - 1]) >= self.rules.max_word_zipf or (
                            forms[i - 1][0] in "وف" and len(forms[i - 1]) > 3 and
                            self._zipf(forms[i - 1][1:]) >= self.rules.max_last_zipf):
                    continue  # "ونقلت تايمز": a verb with its conjunction, no outlet's name
                ks = [i - 1]
                if i > 1 and self._zipf(forms[i - 2]) < self.rules.max_last_zipf and \
                        forms[i - 2] not in self.never and _SPACES.fullmatch(norm, ends[i - 2], starts[i - 1]):
                    ks.insert(0, i - 2)
                outlet(ks + list(range(i, i + len(tail))))
        out = []
        for first, end in sorted(set(spans)):
            if any(taken[first:end]):
                continue
            alias = " ".join(forms[first:end])
            out.append(self._row(doc, first, end, starts, ends, provisional_id(alias, "media"), alias))
            taken[first:end] = [True] * (end - first)
        return out

    @staticmethod
    def _row(doc, first, end, starts, ends, entity_id: str, alias: str, skip: int = 0) -> dict:
        """The mention row of tokens first..end (``skip``: proclitic letters before the name)."""
        a, _ = doc.norm.to_original(starts[first] + skip, ends[first])
        _, b = doc.norm.to_original(starts[end - 1], ends[end - 1])
        return {"article_id": doc.article_id, "sentence_id": doc.sentence_at(a), "entity_id": entity_id,
                "surface": doc.text[a:b], "char_start": a, "char_end": b, "form": "name", "alias": alias,
                "match": DISCOVERED}

    def _bare_rows(self, doc, forms, starts, ends, taken, covered, full_names, names) -> list[dict]:
        article = self.matcher.variants.article_names(full_names, self.matcher.first_words)
        if not article.parts:
            return []
        full_key = {provisional_id(" ".join(k)): " ".join(k) for k in names}
        # a word is blocked where taken or covered by a catalogue mention: asked only of the words
        # the article's names write (covered[] maps each word to the text, a few per article)
        blocked = _Blocked(taken, covered)
        out = []
        written = article.written
        for i in range(article.first, len(forms)):
            if forms[i] not in written or blocked[i]:
                continue
            hit = article.person_at(forms, blocked, i, self.matcher._relative_test(doc, forms, starts, ends))
            if hit is None:
                continue
            entity_id, skip, _ = hit
            prefix = forms[i][:skip]
            if prefix.endswith(ARTICLE) or prefix.endswith("لل") or (i and forms[i - 1] in self.rules.particles) \
                    or _HYPHEN.fullmatch(doc.norm.text, ends[i], min(ends[i] + 1, len(doc.norm.text))) \
                    or (i and _HYPHEN.fullmatch(doc.norm.text, starts[i] - 1, starts[i])):
                continue  # "عبد الرزاق" is not رزاق; a hyphenated part is another name
            if skip and self._zipf(forms[i]) >= COMMON_ZIPF:
                continue  # "من كبار مستشاري" after "روزان بار": an ordinary word, not ك + بار
            key_words = full_key.get(entity_id, "").split(" ")
            first_name = forms[i][skip:] == key_words[0]
            if not first_name and not skip and i and covered[i - 1] is None and \
                    _SPACES.fullmatch(doc.norm.text, ends[i - 1], starts[i]) and \
                    not any(r in key_words for r in peel(forms[i - 1], 3)) and \
                    any(self._word_kind(r, True, None, False) in ("given", "rare") for r in peel(forms[i - 1], 3)):
                # "(و)ناصر بوضياف" after "محمد بوضياف": another first name, a relative ("فيدل كاسترو"
                # after "راؤول كاسترو": فيدل is a given name of the rules' list, though frequent)
                continue
            if not skip and not first_name and i > 1 and covered[i - 1] is None and covered[i - 2] is None and \
                    forms[i - 2] in self._title_forms and forms[i - 1] not in key_words and \
                    forms[i - 1] not in self.stopwords and \
                    not any(r.startswith(ARTICLE) for r in peel(forms[i - 1], 3)) and \
                    _SPACES.fullmatch(doc.norm.text, ends[i - 2], starts[i - 1]) and \
                    _SPACES.fullmatch(doc.norm.text, ends[i - 1], starts[i]):
                # a title, another first name and the family name: the title's holder is a relative
                # ("شقيقة الممثلة صالحة قاصين" after "جراسيا قاصين"), whatever the first name's frequency
                # (not a preposition: "مؤتمره الصحفي مع العبادي")
                continue
            if first_name and i + 1 < len(forms) and _SPACES.fullmatch(doc.norm.text, ends[i], starts[i + 1]) and (
                    covered[i + 1] is not None
                    or self._word_kind(forms[i + 1], False, forms[i], False) is not None):
                continue  # "جمال خاشقجي" after "جمال خشقجي": a first name before another family name
            blocked[i] = True
            out.append(self._row(doc, i, i + 1, starts, ends, entity_id, full_key.get(entity_id, ""), skip))
        return out


def _one_id_per_body(rows: list[dict]) -> None:
    """A body found under two names in one article (its long name and the short one quoted after
    it: شركة أبوظبي لطاقة المستقبل «مصدر») keeps one id: a row that another rule found under the
    short name alone (شركة «مصدر» later) takes the long name's."""
    other_names = {}
    for r in rows:
        entity_id = r["entity_id"]
        if not entity_id.startswith(PROVISIONAL_PREFIX) or r["alias"].startswith(LEARNED):
            continue
        kind = provisional_type(entity_id)
        if kind in BODY_TYPES and (own := provisional_id(r["alias"], kind)) != entity_id:
            other_names[own] = entity_id
    if other_names:
        for r in rows:
            r["entity_id"] = other_names.get(r["entity_id"], r["entity_id"])


# Two names are one person's spelt two ways when every word that differs is a transliteration of
# the other (هارفي واينستين / هارفي وينستون، ديديه ديشان / ديدييه ديشان): the same consonant skeleton
# (variants.variant_key), a few letters apart as translators' letters count (variant_names.spelling),
# no ال word and no word ordinary Arabic writes this often (Zipf): an Arab name one letter from
# another is another name (حسن / حسين 5.4 / 5.2، محمد / محمود، عمر / عمرو 4.7), a Western given name
# in two spellings is not (وليام / ويليام 4.0 / 4.2).
MAX_VARIANT_NAME_ZIPF = 4.3
# A one-word name (a family name whose first name the rules left out) needs a longer skeleton.
MIN_ONE_WORD_CONSONANTS = 4


def _alias_words(alias: str) -> list[str]:
    """The folded name a provisional person's id was made from (a learned row's alias names its
    probability first: "learned p=0.93: ...")."""
    return alias.split(": ", 1)[-1].split(" ")


def _transliterated(a: str, b: str, first: bool) -> bool:
    if a == b:
        return True
    if a.startswith(ARTICLE) or b.startswith(ARTICLE) or variant_key(a) != variant_key(b):
        return False
    if max(word_zipf(a), word_zipf(b)) >= MAX_VARIANT_NAME_ZIPF:
        return False
    sa, sb = spelling(a), spelling(b)
    return within_edits(sa, sb, 1 if first else max_edits(max(len(sa), len(sb))))


def same_person_spelt(a: list[str], b: list[str]) -> bool:
    """Whether two provisional persons' names are one name in two transliterations (a first name
    at most one letter apart, so never a different first name)."""
    if len(a) != len(b) or a == b:
        return False
    if len(a) == 1 and (consonants(variant_key(a[0])) < MIN_ONE_WORD_CONSONANTS or not eligible(a[0])):
        return False
    return all(_transliterated(x, y, k == 0 and len(a) > 1) for k, (x, y) in enumerate(zip(a, b)))


def one_id_per_spelling(mentions: pd.DataFrame) -> pd.DataFrame:
    """One provisional person written two ways (in one article or in two) keeps one id: each
    provisional person's id is made again from its row's alias (so a dataset's rows reused by an
    incremental build are merged as a fresh build merges them), and spellings of one name
    (``same_person_spelt``) take the id of the spelling with most mentions (then the first id in
    sort order). Deterministic for a given set of articles; catalogue and body rows are untouched."""
    if not len(mentions):
        return mentions
    ids = mentions["entity_id"].astype(str)
    person = ids.str.startswith(PROVISIONAL_PREFIX) & ids.map(provisional_type).eq(PROVISIONAL_TYPE)
    if not person.any():
        return mentions
    words = mentions.loc[person, "alias"].astype(str).map(lambda a: tuple(_alias_words(a)))
    own = words.map(lambda w: provisional_id(" ".join(w)))
    # every such row's id is its alias's: the merge below is recomputed from scratch each build
    own = own.where(own.map(provisional_type).eq(PROVISIONAL_TYPE), ids[person])
    counts = own.value_counts()
    name_of = dict(zip(own, words))
    groups: dict[tuple[str, ...], list[str]] = {}
    for entity_id in sorted(name_of, key=lambda e: (-counts[e], e)):
        key = tuple(variant_key(w) for w in name_of[entity_id])
        if all(key):
            groups.setdefault(key, []).append(entity_id)
    target = {}
    for members in groups.values():
        kept: list[str] = []
        for entity_id in members:
            into = next((k for k in kept if same_person_spelt(list(name_of[k]), list(name_of[entity_id]))), None)
            if into is None:
                kept.append(entity_id)
            else:
                target[entity_id] = into
    out = mentions.copy()
    out.loc[person, "entity_id"] = own.map(lambda e: target.get(e, e))
    return out


def provisional_entities(mentions: pd.DataFrame) -> pd.DataFrame:
    """Rows of the 'entities' table for the provisional ids among ``mentions`` (sorted by article
    and offset, as the build sorts them): each named as first written in full."""
    if not len(mentions):
        return conform("entities", [])
    new = mentions[mentions["entity_id"].astype(str).str.startswith(PROVISIONAL_PREFIX)]
    # a person as first written in full (its bare family name comes later), a body as first written
    full = new[new["surface"].astype(str).str.contains(" ", regex=False)
               | new["entity_id"].astype(str).map(provisional_type).ne(PROVISIONAL_TYPE)]
    first = full.drop_duplicates("entity_id")
    rows = [{"entity_id": eid, "type": provisional_type(eid), "name_ar": " ".join(str(surface).split()),
             "name_en": None, "parent": None, "iso2": None, "iso3": None}
            for eid, surface in zip(first["entity_id"], first["surface"])]
    rows.sort(key=lambda r: r["entity_id"])
    return conform("entities", rows)


def outlet_names(source: str) -> list[str]:
    """The Arabic names an article's source field gives its outlet (none for a Latin-only field)."""
    return [m.group(0).strip() for m in _SOURCE_NAME.finditer(source or "")]


def _own_credit_place(norm: str, start: int, end: int) -> bool:
    """A credit's place around norm[start:end]: a line's start, a dash or "(" before it and the
    line's end, a dash, a colon or ")" after it (brackets on both sides or neither)."""
    line_start = norm.rfind("\n", 0, start) + 1
    before = _OWN_BEFORE.search(norm, line_start, start)
    after = _OWN_AFTER.match(norm, end)
    if before is None or after is None:
        return False
    return bool(before.group(1)) == bool(after.group(1))


def _word_before_fold(norm: str, start: int) -> str:
    m = _NOUN_BEFORE.search(norm, max(0, start - 40), start)
    return m.group(1) if m else ""
