"""The entity catalogue: CLDR countries + the curated YAML of the catalogue folder's entities/ +
analyst aliases in its aliases.csv (read by dashboard.catalogues), built into one table of
entities and one table of alias forms (folded token sequences -> entity, form).

Curated knowledge stays data; this module only knows the file layout and how nisba adjectives
inflect (كازاخستاني -> كازاخستانية، كازاخستانيون ... each with and without ال); irregular forms
(الروس) are listed in full.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from dashboard.extract.countries import cldr_cities, cldr_countries
from dashboard.text.clitics import ARTICLE
from dashboard.text.normalize import fold, strip_marks
from dashboard.text.tokens import TOKEN_RE

ENTITIES_SUBDIR = "entities"
ALIASES_CSV = "aliases.csv"
ALIAS_FIELDS = ("entity_id", "alias", "form")
NAME, ADJECTIVE = "name", "adjective"
# Nisba endings: feminine, dual (nom./obl.), masc. plural (nom./obl.), fem. plural, fem. dual,
# and the indefinite accusative's alif ("231 مواطناً كازاخستانياً", "انفتاحا إماراتيا").
NISBA_SUFFIXES = ("", "ه", "ان", "ين", "ون", "ات", "تان", "تين", "ا")
_YAML_SECTIONS = ("countries", "places", "people", "organisations", "context_rules", "blockers",
                  "variant_titles", "variant_place_words", "cldr_cities", "named_after_words",
                  "region_words", "adjective_not_country_after", "body_words_before_country",
                  "time_words_after_names", "relative_words", "places_inside_event_names",
                  "quoted_name_heads", "city_words", "governor_words", "latin_region_words",
                  "function_words_as_written", "given_names_before_surnames")
BLOCKER = "blocker"
# The key of places_inside_event_names' heads that make any city's name an event's.
ANY_CITY = "*"
GENERIC_SCOPES = ("article", "sentence")
# Where a curated alias competes with another for the same words, this order decides
# (a curated name beats a CLDR name; any name beats an adjective).
_PRIORITY = {"curated": 0, "cldr": 1, "generated": 2}
GENERATED = "generated"


_HYPHENS = "-‐‑'’"
# Hyphens, dashes, hashtag marks (#محمود_عباس) and quotes join the words of a name like a space.
_IGNORED_IN_GAPS = _HYPHENS + "–—_#@\"«»“”"  # quotes too: منظمة "شنغهاي" للتعاون
_CONTEXT = re.compile(r"^\s*\[([^\]]*)\]\s*")


def gap_key(gap: str) -> str:
    """What must stand between two words of a name: whitespace, hyphens, underscores and # do not
    count, any
    other punctuation must be exactly the alias's own ("العربية.نت", "المصدر : الجزيرة")."""
    return "".join(c for c in gap if not c.isspace() and c not in _IGNORED_IN_GAPS)


def alias_parts(alias: str) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """(words, gaps between them, number of leading context words) of an alias.

    Words are folded and split as the matcher splits text (hyphens split too). A leading
    ``[...]`` holds context words that must be present but are not part of the mention
    ("[المصدر :] الجزيرة": the source line, not any island).
    """
    lead_text = ""
    m = _CONTEXT.match(alias)
    if m:
        lead_text, alias = m.group(1), alias[m.end():]
    text = fold(f"{lead_text} {alias}" if lead_text else alias)
    words: list[str] = []
    gaps: list[str] = []
    prev_end = None
    for match in TOKEN_RE.finditer(text):
        pos = match.start()
        for part in re.split(f"([{_HYPHENS}])", match.group()):
            if part and part not in _HYPHENS:
                if prev_end is not None:
                    gaps.append(gap_key(text[prev_end:pos]))
                words.append(part)
                prev_end = pos + len(part)
            pos += len(part)
    lead = len(alias_parts(lead_text)[0]) if lead_text else 0
    return tuple(words), tuple(gaps), lead


def alias_key(tokens: tuple[str, ...], gaps: tuple[str, ...]) -> str:
    out = tokens[0] if tokens else ""
    for gap, word in zip(gaps, tokens[1:]):
        out += (gap or " ") + word
    return out


def alias_tokens(alias: str) -> tuple[str, ...]:
    """The folded words of an alias (context words included)."""
    return alias_parts(alias)[0]


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    name_ar: str
    name_en: str
    parent: str | None = None
    iso2: str | None = None
    iso3: str | None = None


@dataclass(frozen=True)
class AliasForm:
    tokens: tuple[str, ...]
    entity_id: str       # "" for a blocker
    form: str            # name | adjective | blocker
    source: str          # curated | cldr | generated (an inflection that yields to any name)
    gaps: tuple[str, ...] = ()
    lead: int = 0        # leading context words, not part of the mention

    @classmethod
    def of(cls, alias: str, entity_id: str, form: str, source: str) -> AliasForm:
        tokens, gaps, lead = alias_parts(alias)
        return cls(tokens, entity_id, form, source, gaps, lead)

    @property
    def key(self) -> str:
        """Words joined by a space, or by the punctuation the alias has there (العربيه.نت)."""
        return alias_key(self.tokens, self.gaps)


@dataclass(frozen=True)
class ContextRule:
    id: str
    if_any: frozenset[str]
    source: str
    target: str
    only_aliases: frozenset[str] | None  # alias keys (folded, space-joined)
    # The rule leaves a mention alone when the word before it (or a proclitic glued to it) is one
    # of these, folded: "في نور سلطان" is the city even in an article on Nazarbayev.
    unless_after: frozenset[str] = frozenset()
    # When set, the rule re-reads a mention only in an article published before this date, or
    # (at any date) when a mention of the target follows within two words
    # ("نور سلطان أبيشيفيتش نزارباييف": the first name and patronymic).
    published_before: date | None = None
    # Words (folded, clitics peeled) earlier in the mention's sentence: the rule needs one of
    # ``when_sentence_has`` there, and none of ``unless_sentence_has`` ("مناطق أتيراو وأكتوبي").
    when_sentence_has: frozenset[str] = frozenset()
    unless_sentence_has: frozenset[str] = frozenset()
    # Entity ids: a mention listed with one of them (mentions joined only by commas and و, as
    # read before any rule: "في شمال كازاخستان وأكتوبي وغرب كازاخستان") satisfies
    # ``when_sentence_has`` / triggers ``unless_sentence_has`` as a list word would.
    when_listed_with: frozenset[str] = frozenset()
    unless_listed_with: frozenset[str] = frozenset()
    # When set, the rule re-reads a mention only in an article published on or after this date
    # (an article without a date is left alone): a bare family name shared by a father and his
    # son names the one in office then (بردي محمدوف: Serdar from his inauguration on).
    published_from: date | None = None
    # Words (folded) of which the word right after the mention must be one, on its line: "نور
    # سلطان يهنئ توكاييف" (a verb only a person is the subject of) is Nazarbayev.
    when_followed_by: frozenset[str] = frozenset()
    # Words (folded, clitics peeled) of which one must stand among the WORDS_BEFORE words right
    # before the mention, with no punctuation between: "الرئيس السابق للبلاد نور سلطان" (a title
    # a person holds) is Nazarbayev.
    when_after_within: frozenset[str] = frozenset()


# How many words before a mention ``when_after_within`` reads.
WORDS_BEFORE = 3


@dataclass
class Catalogue:
    entities: dict[str, Entity]
    forms: dict[str, AliasForm]            # alias key -> the form that won
    blockers: dict[str, AliasForm]         # phrases matched so that no part of them is a mention
    rules: list[ContextRule]
    conflicts: list[tuple[str, str, str]]  # (alias key, kept entity, dropped entity)
    # Words that support a spelling-variant match before it (variant_context.yaml), folded.
    variant_titles: frozenset[str] = frozenset()
    variant_place_words: frozenset[str] = frozenset()
    # person id -> parts of its name that name it alone after its full name (people.yaml bare_names)
    bare_names: dict[str, frozenset[str]] = field(default_factory=dict)
    # Nouns of things named after a person (مطار حيدر علييف، جامعة نزارباييف): the person's name
    # right after one is part of the thing's name, no mention of the person (name_context.yaml).
    named_after_words: frozenset[str] = frozenset()
    # Words that name an administrative region (منطقة، ولاية، مقاطعة): a city's or river's name
    # right after one is the region of that name (name_context.yaml).
    region_words: frozenset[str] = frozenset()
    # Words (one or two, space-joined, folded) after which a country's adjective names a language,
    # a family of peoples or part of a name, not the country: "*" for every country, else its id
    # ("الناطقة بالروسية", "العالم التركي" Turkic).
    adjective_not_country_after: dict[str, frozenset[str]] = field(default_factory=dict)
    # entity id -> (the country it belongs to, scope), for names other countries' bodies share
    # (لجنة الأمن القومي، البيت الأبيض): where the article does not name that country, a mention
    # counts never ("article") or unless its sentence names another country's city or region
    # ("sentence": البيت الأبيض in Bishkek is the Kyrgyz government's seat).
    owned_generic: dict[str, tuple[str, str]] = field(default_factory=dict)
    # alias key -> (country, "article"): one generic alias of a body whose other names are its own
    # (المجلس الأدنى, any parliament's lower house, for the Mazhilis; generic_aliases)
    generic_alias: dict[str, tuple[str, str]] = field(default_factory=dict)
    # alias key -> ((entity, country), ...) for a generic alias several countries' bodies share
    # (حزب الشعب الديمقراطي: Kazakhstan's, Tajikistan's, Uzbekistan's): the body of the country the
    # article names
    shared_generic: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # Alias keys that name an outlet only in a credit position (credit_aliases: "الدوحة – قنا:",
    # "(كونا)", "رم - يعتزم"): elsewhere they are ordinary words or places (قنا is also Qena).
    credit_only: frozenset[str] = frozenset()
    # Nouns that make a country's name right after them part of a body's name (تلفزيون سوريا،
    # إذاعة فرنسا الدولية، قناة روسيا 1): no mention of the country (name_context.yaml).
    body_words_before_country: frozenset[str] = frozenset()
    # A name whose last word is a time word (روسيا اليوم "Russia today", RT) followed by one of
    # these (الأربعاء) is the shorter name and a time: "أوقفت روسيا اليوم الأربعاء" (name_context.yaml).
    name_end_time_words: frozenset[str] = frozenset()
    time_words_after_names: frozenset[str] = frozenset()
    # entity id -> the body its name followed by "+" names (أوبك+ is OPEC+, not OPEC)
    plus_bodies: dict[str, str] = field(default_factory=dict)
    # Kinship nouns with their pronoun (عقيلته، والده): a name after one is a relative's, even when
    # it ends in a known person's family name (name_context.yaml).
    relative_words: frozenset[str] = frozenset()
    # place id -> nouns that make its name right after them (quotes allowed between) the name of an
    # event series, not the place: محادثات أستانا، صيغة "أستانة" (name_context.yaml). Such a mention
    # is read by the event linker and left out of the dataset (inside_event_name).
    inside_event_names: dict[str, frozenset[str]] = field(default_factory=dict)
    # Nouns of events, programmes and prizes: a place's name inside a quoted name right after one,
    # the quotes holding more than the place (مؤتمر "قلب آسيا"، برنامج "روسيا 2018"), is part of
    # that name, no mention of the place (name_context.yaml).
    quoted_name_heads: frozenset[str] = frozenset()
    # Nouns that say the next word is a town's name (مدينة، بلدة): an unseen spelling of a known
    # city right after one, in an article naming its country, is that city (name_context.yaml).
    city_words: frozenset[str] = frozenset()
    # A region's head (محافظ، حاكم): the town's name right after one is the region named like it,
    # when a region of the town's country bears that name (محافظ سمرقند; name_context.yaml).
    governor_words: frozenset[str] = frozenset()
    # Cities that are first-level units with a code of their own (iso3166_2: Almaty, Tashkent, Osh):
    # their head is the city's, never the region's named like it ("حاكم ألماتي" is the city's akim).
    first_level_cities: frozenset[str] = frozenset()
    # Prepositions and particles as the text writes them (marks removed, hamza and ى kept), which
    # fold to a first name (على -> علي, أمام -> امام): written so before a person's family name, no
    # relative's first name (name_context.yaml).
    function_words_as_written: frozenset[str] = frozenset()
    # Frequent foreign first names the catalogue's persons do not have (إيفان، توم): with the
    # catalogue's first names, what makes a place's or body's one-word name right after one a
    # person's family name (name_context.yaml; EntityMatcher._surname_after_given_name).
    given_names_before_surnames: frozenset[str] = frozenset()


def adjective_forms(stem: str) -> list[str]:
    """Inflections of a nisba stem (ends in ي), or the form itself when it is not one."""
    stem = fold(stem)
    if not stem.endswith("ي"):
        return with_and_without_article([stem])
    # The stem is a bare word: an initial ال is its own letters (ألماني), never the article.
    bases = [stem + s for s in NISBA_SUFFIXES]
    return bases + [ARTICLE + b for b in bases]


def national_agency_names(name: str, aliases: list[str], adjective_stems: list[str]) -> list[str]:
    """How Arabic news names a country's state news agency without its own name: "وكالة الأنباء
    الإماراتية", "الوكالة الأوزبكية للأنباء", "وكالة أنباء كازاخستان". The country's adjective
    inside such a name is part of the agency's name, not a mention of the country."""
    out = []
    for stem in adjective_stems:
        stem = fold(stem)
        if not stem.endswith("ي"):
            continue
        feminine = ARTICLE + stem + "ه"
        out += [f"وكالة الأنباء {feminine}", f"الوكالة {feminine} للأنباء"]
    for country in (name, *aliases):
        if not country.isascii() and len(alias_parts(country)[0]) == 1:  # (a multi-word name, جمهورية كازاخستان, is no agency's)
            out.append(f"وكالة أنباء {country}")
    return out


def latin_forms(names: list[str], etype: str, region_words: tuple[str, ...]) -> list[str]:
    """Latin spellings an Arabic article may use that the catalogue's Latin names imply: the name
    without its diacritics (Khürelsükh -> Khurelsukh) and a region's name without its region word
    (Mangystau Region -> Mangystau, "في منطقة Mangystau")."""
    out = []
    for name in names:
        if not name.isascii() and not all(c.isascii() or unicodedata.category(c).startswith("L") and
                                          "LATIN" in unicodedata.name(c, "") for c in name if not c.isspace()):
            continue
        plain = "".join(c for c in unicodedata.normalize("NFKD", name.replace("ı", "i"))
                        if not unicodedata.combining(c))
        if plain != name and plain.isascii():
            out.append(plain)
        words = plain.split()
        if etype == "region" and len(words) > 1 and words[-1].lower() in region_words:
            out.append(" ".join(words[:-1]))
    return out


def with_and_without_article(forms: list[str]) -> list[str]:
    out = []
    for f in forms:
        f = fold(f)
        bare = f[len(ARTICLE):] if f.startswith(ARTICLE) else f
        out.extend([bare, ARTICLE + bare])
    return out


def _merge_sections(files: Mapping[str, Mapping]) -> dict[str, list]:
    """The sections of every entity file (name -> parsed YAML), merged in file-name order."""
    merged: dict[str, list] = {k: [] for k in _YAML_SECTIONS}
    for name in sorted(files):
        for section, items in (files[name] or {}).items():
            if section not in merged:
                raise ValueError(f"{name}: unknown section {section!r} (known: {', '.join(_YAML_SECTIONS)})")
            merged[section].extend(items or [])
    return merged


def build_catalogue(files: Mapping[str, Mapping], alias_rows: Sequence[Mapping[str, str]] = ()) -> Catalogue:
    """The entity catalogue from the entity files (relative name -> parsed YAML) and the rows of
    aliases.csv. Raises ValueError naming the file and entity at fault."""
    data = _merge_sections(files)
    entities: dict[str, Entity] = {}
    candidates: list[AliasForm] = []
    bare_names: dict[str, frozenset[str]] = {}
    owned_generic: dict[str, tuple[str, str]] = {}
    generic_alias: dict[str, tuple[str, str]] = {}
    shared_generic: dict[str, list[tuple[str, str]]] = {}
    credit_only: set[str] = set()
    plus_bodies: dict[str, str] = {}
    first_level_cities: set[str] = set()

    def add_forms(eid: str, names: list[str], adjectives: list[str], explicit_adj: list[str],
                  source: str) -> None:
        for name in names:
            candidates.append(AliasForm.of(name, eid, NAME, source))
        for stem in adjectives:
            for f in adjective_forms(stem):
                # the accusative's alif on a stem can spell another entity's name (برازيلي + ا is
                # برازيليا, Brasília): that name wins, silently
                candidates.append(AliasForm.of(f, eid, ADJECTIVE, GENERATED if f.endswith("يا") else source))
        for f in explicit_adj:  # irregular forms: exactly as written
            candidates.append(AliasForm.of(f, eid, ADJECTIVE, source))

    def add_generic(eid: str, aliases: list[str], scope: str) -> None:
        for alias in aliases:
            form = AliasForm.of(alias, eid, NAME, "curated")
            shared_generic.setdefault(form.key, []).append((eid, scope))
            if form.key not in generic_alias:  # the first body holds the form, the others share it
                generic_alias[form.key] = (scope, "article")
                candidates.append(form)

    country_ext = {c["id"]: c for c in data["countries"]}
    unknown = set(country_ext) - {c["id"] for c in cldr_countries()}
    if unknown:
        raise ValueError(f"countries: not ISO/CLDR country codes: {sorted(unknown)}")
    for rec in cldr_countries():
        ext = country_ext.get(rec["id"], {})
        entities[rec["id"]] = Entity(rec["id"], "country", ext.get("name_ar", rec["name_ar"]),
                                     ext.get("name_en", rec["name_en"]), None, rec["iso2"], rec["iso3"])
        dropped = {fold(a) for a in ext.get("not_aliases", [])}
        add_forms(rec["id"], [a for a in [*rec["aliases"], *rec["aliases_en"]] if fold(a) not in dropped],
                  [], [], "cldr")
        add_forms(rec["id"], ext.get("aliases", []), ext.get("adjectives", []),
                  ext.get("adjective_forms", []), "curated")
        # a people's name that is also another people's (التركمان: mostly the Turkmen of Iraq and
        # Syria) names the country only in an article that names the country otherwise
        add_generic(rec["id"], ext.get("generic_aliases", []), rec["id"])

    region_words_en = tuple(w.lower() for w in data["latin_region_words"])
    for section, default_type in (("places", None), ("people", "person"), ("organisations", None)):
        for item in data[section]:
            eid = item["id"]
            if not isinstance(eid, str) or not re.fullmatch(r"[a-z0-9_]+", eid):
                raise ValueError(f"{section}: entity id {eid!r} is not a lower-case ASCII slug")
            if eid in entities:
                raise ValueError(f"duplicate entity id {eid!r} ({section})")
            etype = item.get("type", default_type)
            if not etype:
                raise ValueError(f"entity {eid!r} has no type")
            entities[eid] = Entity(eid, etype, item["name_ar"], item["name_en"], item.get("parent"))
            if etype == "city" and item.get("iso3166_2"):
                first_level_cities.add(eid)
            if item.get("generic_name"):
                if not item.get("parent") or item["generic_name"] not in GENERIC_SCOPES:
                    raise ValueError(f"entity {eid!r}: generic_name must be one of {GENERIC_SCOPES} "
                                     "and needs a parent country")
                owned_generic[eid] = (item["parent"], item["generic_name"])
            # a body without a country (the GCC's bare "مجلس التعاون") is its own scope: the
            # generic alias counts in an article that names the body otherwise
            add_generic(eid, item.get("generic_aliases") or [], item.get("parent") or eid)
            if item.get("plus"):
                plus_bodies[eid] = item["plus"]
            if item.get("bare_names"):
                bare_names[eid] = frozenset(fold(w) for w in item["bare_names"])
            names = [item["name_ar"], item["name_en"], *item.get("aliases", [])]
            if item.get("national_news_agency"):
                if entities.get(item.get("parent")) is None or entities[item["parent"]].type != "country":
                    raise ValueError(f"entity {eid!r}: national_news_agency needs a parent country")
                country = country_ext.get(item["parent"], {})
                names += national_agency_names(entities[item["parent"]].name_ar,
                                               country.get("aliases", []), country.get("adjectives", []))
            for credit in item.get("credit_aliases") or []:
                form = AliasForm.of(credit, eid, NAME, "curated")
                credit_only.add(form.key)
                candidates.append(form)
            add_forms(eid, names, item.get("adjectives", []), item.get("adjective_forms", []),
                      "curated")
            add_forms(eid, latin_forms(names, etype, region_words_en), [], [], GENERATED)

    # World cities named by CLDR (reviewed zones): a city the curated files already hold, under its
    # English name or any Arabic spelling, stays the curated entity.
    curated_en = {e.name_en.lower() for e in entities.values()}
    curated_keys = {c.key for c in candidates}
    for rec in cldr_cities(tuple(data["cldr_cities"])):
        if rec["id"] in entities or rec["name_en"].lower() in curated_en or \
                AliasForm.of(rec["name_ar"], "", NAME, "cldr").key in curated_keys:
            continue
        if rec["parent"] not in entities:
            raise ValueError(f"cldr_cities: {rec['zone']}: unknown country {rec['parent']!r}")
        entities[rec["id"]] = Entity(rec["id"], "city", rec["name_ar"], rec["name_en"], rec["parent"])
        add_forms(rec["id"], [rec["name_ar"], rec["name_en"]], [], [], "cldr")

    for row in alias_rows:
        if not row.get("entity_id"):
            continue
        if row["entity_id"] not in entities:
            raise ValueError(f"{ALIASES_CSV}: unknown entity {row['entity_id']!r}")
        if row.get("form") == ADJECTIVE:
            add_forms(row["entity_id"], [], [row["alias"]], [], "curated")
        else:
            add_forms(row["entity_id"], [row["alias"]], [], [], "curated")

    _check_parents(entities)
    unknown_plus = sorted(b for b in plus_bodies.values() if b not in entities)
    if unknown_plus:
        raise ValueError(f"plus: unknown entities {unknown_plus}")
    candidates += _region_word_forms(candidates, entities, _words(data["region_words"]))
    for cand in list(candidates):
        # (never a generic name's: حزب النهضة counts only where its country is named)
        joined = None if cand.key in generic_alias else _run_together(cand)
        if joined is not None:
            candidates.append(joined)
    for cand in list(candidates):  # both spellings of "democratic" (ديمقراطي، ديموقراطي)
        variant = _respelled(cand)
        synonym = _synonymous(cand, entities)
        if synonym is not None:
            candidates.append(synonym)
        if variant is not None:
            candidates.append(variant)
            if cand.key in generic_alias:
                generic_alias.setdefault(variant.key, generic_alias[cand.key])
                if cand.key in shared_generic:
                    shared_generic.setdefault(variant.key, shared_generic[cand.key])
    forms, conflicts = _resolve(candidates)
    blockers = {}
    for phrase in data["blockers"]:
        b = AliasForm.of(phrase, "", BLOCKER, "curated")
        if b.key in forms:
            raise ValueError(f"blocker {phrase!r} is also an alias of {forms[b.key].entity_id!r}")
        blockers[b.key] = b
    rules = [_rule(r, entities) for r in data["context_rules"]]
    return Catalogue(entities, forms, blockers, rules, conflicts,
                     frozenset(alias_key(*alias_parts(w)[:2]) for w in data["variant_titles"]),
                     frozenset(alias_key(*alias_parts(w)[:2]) for w in data["variant_place_words"]),
                     bare_names, _words(data["named_after_words"]), _words(data["region_words"]),
                     _adjective_contexts(data["adjective_not_country_after"], entities),
                     owned_generic=owned_generic, generic_alias=generic_alias,
                     shared_generic={k: tuple(v) for k, v in shared_generic.items() if len(v) > 1},
                     credit_only=frozenset(credit_only),
                     body_words_before_country=_words(data["body_words_before_country"]),
                     name_end_time_words=_words(item for entry in data["time_words_after_names"]
                                                for item in entry.get("name_ends") or []),
                     time_words_after_names=_words(item for entry in data["time_words_after_names"]
                                                   for item in entry.get("words") or []),
                     plus_bodies=plus_bodies, relative_words=_words(data["relative_words"]),
                     inside_event_names=_inside_event_names(data["places_inside_event_names"], entities),
                     quoted_name_heads=_words(data["quoted_name_heads"]),
                     city_words=_words(data["city_words"]),
                     governor_words=_words(data["governor_words"]),
                     first_level_cities=frozenset(first_level_cities),
                     function_words_as_written=frozenset(strip_marks(w) for w in data["function_words_as_written"]),
                     given_names_before_surnames=_words(data["given_names_before_surnames"]))


def _inside_event_names(items: list, entities: dict[str, Entity]) -> dict[str, frozenset[str]]:
    """place id -> head words; the key "" holds the heads that make ANY city's name an event's
    when a year follows (قمة أستانا 2024), the key "*" those that make any city's name right
    after them an event's (منتدى عشق آباد)."""
    out: dict[str, set[str]] = {}
    for item in items:
        if item.get("before_year") or item.get("any_city"):
            out.setdefault("" if item.get("before_year") else ANY_CITY, set()).update(_words(item.get("heads") or []))
            continue
        unknown = sorted(set(item.get("places") or []) - entities.keys())
        if unknown or not item.get("heads"):
            raise ValueError(f"places_inside_event_names: unknown places {unknown} or no heads in {item!r}")
        for place in item["places"]:
            out.setdefault(place, set()).update(_words(item["heads"]))
    return {k: frozenset(v) for k, v in out.items()}


def _words(items) -> frozenset[str]:
    """Folded words (or word pairs, space-joined) of a word-list section."""
    return frozenset(alias_key(*alias_parts(w)[:2]) for w in items)


def _adjective_contexts(items: list, entities: dict[str, Entity]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for item in items:
        # one country (country:), several sharing the words (countries:), or every one
        countries = item.get("countries") or [item.get("country", "*")]
        for country in countries:
            if country != "*" and country not in entities:
                raise ValueError(f"adjective_not_country_after: unknown country {country!r}")
            out.setdefault(country, set()).update(_words(item.get("words") or []))
    return {k: frozenset(v) for k, v in out.items()}


def _check_parents(entities: dict[str, Entity]) -> None:
    bad = sorted(e.id for e in entities.values() if e.parent and e.parent not in entities)
    if bad:
        raise ValueError(f"entities with an unknown parent: {bad}")


# Words a name is written with in two spellings: each alias holding one is matched in the other too.
_RESPELLINGS = (("ديمقراط", "ديموقراط"),)


# Region words that also mean any "area": never put before a region's name by _region_word_forms.
_GENERIC_REGION_WORDS = frozenset({"منطقه", "منطقة", "منطقتي", "منطقتى"})


def _region_word_forms(candidates: list[AliasForm], entities: dict[str, Entity],
                       region_words: frozenset[str]) -> list[AliasForm]:
    """A region named with one region word is named with any (منطقة تشوي -> إقليم تشوي، ولاية
    تشوي، ولايتي تشوي): writers use منطقة، ولاية، مقاطعة، إقليم for the same oblast. Generated
    forms: a curated alias of another entity wins over them."""
    out = []
    # a region the catalogue also names without its word (بدخشان) is matched by that name, which
    # context rules may re-read (Afghanistan's or Tajikistan's Badakhshan)
    bare = {(c.tokens, c.entity_id) for c in candidates if c.form == NAME}
    for cand in candidates:
        if cand.form != NAME or cand.lead or len(cand.tokens) < 2 or cand.tokens[0] not in region_words or \
                entities[cand.entity_id].type != "region" or any(g for g in cand.gaps) or \
                (cand.tokens[1:], cand.entity_id) in bare:
            continue
        for word in sorted(region_words - {cand.tokens[0]}):
            if word in _GENERIC_REGION_WORDS:
                continue  # "منطقة ماري" is any area called so (a favela of Rio): only as curated
            out.append(AliasForm((word, *cand.tokens[1:]), cand.entity_id, NAME, GENERATED, cand.gaps, 0))
    return out


# Words a body's long name is translated with either way: "the countries" as الدول or البلدان
# (مجلس التعاون للدول / للبلدان الناطقة بالتركية, the Turkic Council). A body's alias of three words
# or more holding one is matched with the other too, as a generated form.
_SYNONYM_WORDS = {"الدول": "البلدان", "للدول": "للبلدان", "دول": "بلدان", "البلدان": "الدول",
                  "للبلدان": "للدول", "بلدان": "دول"}
_NOT_BODIES = frozenset({"country", "city", "region", "state_entity", "person", "river", "place"})


def _synonymous(cand: AliasForm, entities: Mapping[str, Entity]) -> AliasForm | None:
    """A body's long alias with its one synonym word swapped (_SYNONYM_WORDS), or None."""
    if len(cand.tokens) < 3 or entities[cand.entity_id].type in _NOT_BODIES:
        return None
    hits = [k for k, t in enumerate(cand.tokens) if t in _SYNONYM_WORDS]
    if len(hits) != 1:
        return None
    tokens = list(cand.tokens)
    tokens[hits[0]] = _SYNONYM_WORDS[tokens[hits[0]]]
    return AliasForm(tuple(tokens), cand.entity_id, cand.form, GENERATED, cand.gaps, cand.lead)


# A two-word name written as one word is read from this many letters (الولاياتالمتحدة).
RUN_TOGETHER_LETTERS = 9


def _run_together(cand: AliasForm) -> AliasForm | None:
    """A curated two-word name with the space between its words lost, as text copied from a web
    page often has it ("الولاياتالمتحدة", test15): the same entity, yielding to any other name."""
    if cand.form != NAME or cand.lead or cand.source == GENERATED or len(cand.tokens) != 2 or \
            any(cand.gaps) or any(t.isascii() for t in cand.tokens):
        return None
    joined = "".join(cand.tokens)
    if len(joined) < RUN_TOGETHER_LETTERS:
        return None
    return AliasForm((joined,), cand.entity_id, NAME, GENERATED)


def _respelled(cand: AliasForm) -> AliasForm | None:
    """The alias in the other spelling of a word written two ways (الديمقراطي -> الديموقراطي), as
    a generated form (any curated name wins over it), or None."""
    for written, other in _RESPELLINGS:
        if any(written in t for t in cand.tokens):
            return AliasForm(tuple(t.replace(written, other) for t in cand.tokens), cand.entity_id, cand.form,
                             GENERATED, cand.gaps, cand.lead)
    return None


def _resolve(candidates: list[AliasForm]) -> tuple[dict[str, AliasForm], list[tuple[str, str, str]]]:
    """One entity per alias key: names before adjectives, curated before CLDR, first listed."""
    forms: dict[str, AliasForm] = {}
    conflicts = []
    ranked = sorted(enumerate(candidates),
                    key=lambda ic: (ic[1].form != NAME, _PRIORITY[ic[1].source], ic[0]))
    for _, cand in ranked:
        if not cand.tokens:
            continue
        kept = forms.get(cand.key)
        if kept is None:
            forms[cand.key] = cand
        elif kept.entity_id != cand.entity_id and cand.source != GENERATED:
            conflicts.append((cand.key, kept.entity_id, cand.entity_id))
    return forms, sorted(set(conflicts))


def _rule(item: dict, entities: dict[str, Entity]) -> ContextRule:
    ids = [*item["if_document_mentions_any"], item["from"], item["to"]]
    missing = [i for i in ids if i not in entities]
    if missing:
        raise ValueError(f"context rule {item['id']!r}: unknown entities {missing}")
    only = item.get("only_aliases")
    return ContextRule(item["id"], frozenset(item["if_document_mentions_any"]), item["from"],
                       item["to"], frozenset(alias_key(*alias_parts(a)[:2]) for a in only) if only else None,
                       frozenset(fold(w) for w in item.get("unless_after") or []),
                       _date(item.get("published_before")),
                       frozenset(fold(w) for w in item.get("when_sentence_has") or []),
                       frozenset(fold(w) for w in item.get("unless_sentence_has") or []),
                       _listed(item, "when_listed_with", entities),
                       _listed(item, "unless_listed_with", entities),
                       _date(item.get("published_from")),
                       frozenset(fold(w) for w in item.get("when_followed_by") or []),
                       frozenset(fold(w) for w in item.get("when_after_within") or []))


def _listed(item: dict, key: str, entities: dict[str, Entity]) -> frozenset[str]:
    ids = item.get(key) or []
    missing = [i for i in ids if i not in entities]
    if missing:
        raise ValueError(f"context rule {item['id']!r}: unknown entities in {key}: {missing}")
    return frozenset(ids)


def _date(value) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))
