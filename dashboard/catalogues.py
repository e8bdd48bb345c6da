"""Everything the product knows, as data: the files of a catalogue folder (``data/catalogues/`` or
``--catalogues DIR``), read once into one immutable object that the build passes down to every
stage that needs it.

    cat = load_catalogues(folder)  # every file read once; a bad one raises CatalogueError naming file and line
    cat.raw["events"]              # a file's parsed content (read-only mappings and tuples)
    cat.entities, cat.events, cat.themes, cat.date_words, cat.stopwords, cat.latin_letter_names,
    cat.outlets, cat.discovery     # each stage's view of its files, built on first use
    cat.fingerprint                # the files' bytes + the versions of the libraries whose data they extend

No stage module (text, extract, ingest) reads a catalogue path by itself: each receives its part
(``EntityMatcher(cat.entities)``, ``DateExtractor(cat.date_words)``, ``Doc.from_text(...,
letter_names=cat.latin_letter_names)``, ``iter_inputs(sources, cat.outlets)`` ...). Only the edges
name the default folder (the CLI's ``--catalogues``, the app's shipped dataset, the analyst CLI
``python -m dashboard.catalogue``).

**Adding a catalogue file** is one line in ``FILES`` below: a name, the path (or glob) under the
folder and its reader (``read_yaml``, ``read_csv`` or ``read_word_list``; ``optional=True`` if a
folder may lack it). Its content is then ``cat.raw[name]``, checked on load, part of the
fingerprint (so editing it makes a dataset stale) and of the staleness check of the app. When a
stage needs more than the parsed content, add a ``cached_property`` below that builds its view.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import io
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from dashboard.extract.date_words import DateWords, parse_date_words
from dashboard.extract.discovered_events import DiscoveryRules
from dashboard.extract.discovered_events import parse_rules as parse_discovered_events
from dashboard.extract.discovery import Triggers, parse_triggers
from dashboard.extract.elapsed import ElapsedRules, parse_elapsed
from dashboard.extract.entity_catalogue import Catalogue as EntityCatalogue
from dashboard.extract.entity_catalogue import build_catalogue
from dashboard.extract.event_names import Kind, parse_event_kinds
from dashboard.extract.event_series import SeriesRules, parse_series
from dashboard.extract.events import Event, PhraseSet, parse_events, parse_planned, spelling_variants
from dashboard.extract.learned_names import MODEL_FILE as NAME_MODEL_FILE
from dashboard.extract.learned_names import NameModel, parse_name_model
from dashboard.extract.provisional import ProvisionalRules
from dashboard.extract.provisional import parse_rules as parse_provisional
from dashboard.extract.story import MODEL_FILE as STORY_MODEL_FILE
from dashboard.extract.story import StoryModel, parse_story_model
from dashboard.extract.themes import check_themes
from dashboard.ingest.outlets import outlet_names
from dashboard.text.boilerplate import Rules as BoilerplateRules
from dashboard.text.boilerplate import parse_rules as parse_boilerplate_rules
from dashboard.text.normalize import fold
from dashboard.text.stopwords import build_stopwords

# libyaml's parser when installed (same data, several times faster; every worker process may load it)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Libraries whose data the catalogues extend (CLDR country and month names via Babel, ISO codes
# via pycountry, the stopword lexicon, the Arabic word frequencies that guard variant matching, the
# Hijri month names and Umm al-Qura tables of hijridate):
# upgrading one changes what the same files mean.
DATA_LIBRARIES = ("babel", "pycountry", "Arabic-Stopwords", "wordfreq", "hijridate")


class CatalogueError(ValueError):
    """A catalogue file that cannot be used; the message names the file (and line) and the problem."""


# ---- the one loader: bytes -> checked, read-only content ----------------------------------------

class FrozenDict(dict):
    """A dict that refuses changes (picklable, unlike MappingProxyType: worker processes get it)."""

    def _refuse(self, *args, **kwargs):
        raise TypeError("catalogue data is read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse
    __ior__ = _refuse

    def __reduce__(self):
        return (FrozenDict, (dict(self),))


def freeze(value: Any) -> Any:
    """Parsed YAML/CSV made read-only all the way down: dicts -> FrozenDict, lists -> tuples."""
    if isinstance(value, dict):
        return FrozenDict({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    return value


def _decode(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")  # a BOM (spreadsheet exports) is not content
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise CatalogueError(f"{name}: line {line}: not UTF-8 text ({exc.reason})") from None


def read_yaml(name: str, data: bytes) -> Any:
    try:
        parsed = yaml.load(_decode(name, data), Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise CatalogueError(f"{name}: {where}not valid YAML ({problem})") from None
    return freeze(parsed if parsed is not None else {})


def read_csv(name: str, data: bytes) -> tuple[FrozenDict, ...]:
    """Rows of a CSV with a header line, as read-only dicts; a row with another number of fields
    than the header is an error (a stray comma would otherwise shift a column silently)."""
    reader = csv.reader(io.StringIO(_decode(name, data), newline=""))
    try:
        header = next(reader, None)
        if header is None:
            return ()
        header = [h.strip() for h in header]
        rows = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise CatalogueError(f"{name}: line {reader.line_num}: {len(row)} fields, "
                                     f"the header has {len(header)} ({', '.join(header)})")
            rows.append(FrozenDict(zip(header, row)))
    except csv.Error as exc:
        raise CatalogueError(f"{name}: line {reader.line_num}: not valid CSV ({exc})") from None
    return tuple(rows)


def read_json(name: str, data: bytes) -> Any:
    """A JSON file (a learned model's weights), read-only; an empty file is empty content."""
    text = _decode(name, data)
    if not text.strip():
        return freeze({})
    try:
        return freeze(json.loads(text))
    except json.JSONDecodeError as exc:
        raise CatalogueError(f"{name}: line {exc.lineno}: not valid JSON ({exc.msg})") from None


def read_word_list(name: str, data: bytes) -> tuple[str, ...]:
    """Words of a one-per-line list, in file order; blank lines and ``#`` comments skipped."""
    words = []
    for line in _decode(name, data).splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return tuple(words)


@dataclass(frozen=True)
class CatalogueFile:
    path: str                               # under the folder; a glob ("entities/*.yaml") reads several
    read: Callable[[str, bytes], Any]
    optional: bool = False                  # missing -> empty content; else a CatalogueError

    @property
    def is_glob(self) -> bool:
        return any(c in self.path for c in "*?[")


# Every file of a catalogue folder: name -> where it is and how it is read. One line per file.
FILES: dict[str, CatalogueFile] = {
    "entities": CatalogueFile("entities/*.yaml", read_yaml),  # countries, places, people, organisations, context_rules, blockers
    "aliases": CatalogueFile("aliases.csv", read_csv, optional=True),
    "events": CatalogueFile("events.yaml", read_yaml),
    "themes": CatalogueFile("themes.yaml", read_yaml),
    "date_words": CatalogueFile("date_words.yaml", read_yaml),
    "stopwords_extra": CatalogueFile("stopwords_extra.txt", read_word_list, optional=True),
    "latin_letter_names": CatalogueFile("latin_letter_names_ar.txt", read_word_list, optional=True),
    "outlets": CatalogueFile("outlets.csv", read_csv, optional=True),
    "discovery_triggers": CatalogueFile("discovery_triggers.yaml", read_yaml),
    "discovered_events": CatalogueFile("discovered_events.yaml", read_yaml, optional=True),
    "boilerplate": CatalogueFile("boilerplate.yaml", read_yaml, optional=True),
    # the story linker's learned weights (dashboard/extract/story.py; retrained by
    # python -m dashboard.quality.story_training): no file, no story links
    "story_linker": CatalogueFile(STORY_MODEL_FILE, read_json, optional=True),
    # the learned name finder's weights (dashboard/extract/learned_names.py; retrained by
    # python -m dashboard.quality.name_training): no file, no learned names
    "name_finder": CatalogueFile(NAME_MODEL_FILE, read_json, optional=True),
}


def _files_of(folder: Path, spec: CatalogueFile) -> list[Path]:
    if spec.is_glob:
        return sorted(p for p in folder.glob(spec.path) if p.is_file() and not p.name.startswith("."))
    path = folder / spec.path
    return [path] if path.is_file() else []


def _read_bytes(folder: Path) -> dict[str, dict[str, bytes]]:
    """name -> {path relative to the folder: bytes} for every entry of FILES."""
    if not folder.is_dir():
        raise CatalogueError(f"{folder}: no such catalogue folder")
    out: dict[str, dict[str, bytes]] = {}
    for name, spec in FILES.items():
        paths = _files_of(folder, spec)
        if not paths and not spec.optional:
            raise CatalogueError(f"{folder}: the catalogue folder has no {spec.path}")
        try:
            out[name] = {p.relative_to(folder).as_posix(): p.read_bytes() for p in paths}
        except OSError as exc:
            raise CatalogueError(f"{folder / spec.path}: cannot be read ({exc.strerror or exc})") from None
    return out


def _library_versions() -> str:
    versions = []
    for dist in DATA_LIBRARIES:
        try:
            versions.append(f"{dist}=={importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{dist} missing")
    return ";".join(versions)


def _fingerprint(contents: dict[str, dict[str, bytes]]) -> str:
    digest = hashlib.sha256(_library_versions().encode() + b"\0")
    for name in sorted(contents):
        for rel, data in sorted(contents[name].items()):
            digest.update(f"{rel}\0".encode() + hashlib.sha256(data).digest())
    return digest.hexdigest()


def catalogue_fingerprint(folder: Path | str) -> str:
    """The fingerprint ``load_catalogues(folder)`` would give, from the bytes alone (no parsing):
    what the staleness check compares. Missing or unreadable folder: a fingerprint of that."""
    try:
        return _fingerprint(_read_bytes(Path(folder)))
    except CatalogueError as exc:
        return "unreadable:" + hashlib.sha256(str(exc).encode()).hexdigest()


def load_catalogues(folder: Path | str) -> Catalogues:
    """Read and check every catalogue file of ``folder`` once. Raises CatalogueError.

    The files are read on every call (an edit is always seen); parsing is done once per content:
    the same bytes give the same frozen object (a process that builds repeatedly, such as the
    app's rebuild, the quality command or the tests, parses the catalogues once)."""
    folder = Path(folder)
    contents = _read_bytes(folder)
    return _parsed(folder, _fingerprint(contents), _Along(contents))


class _Along:
    """A value that rides along with a cache key without being part of it (equal to any other)."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Along)

    def __hash__(self) -> int:
        return 0


@lru_cache(maxsize=4)
def _parsed(folder: Path, fingerprint: str, along: _Along) -> Catalogues:
    """The catalogues of ``folder`` whose bytes have ``fingerprint`` (their SHA-256 with the data
    libraries' versions): the key says everything the result depends on. A bad file raises, and
    an error is never cached."""
    contents = along.value
    raw: dict[str, Any] = {}
    for name, spec in FILES.items():
        parsed = {rel: spec.read(rel, data) for rel, data in contents[name].items()}
        if spec.is_glob:
            raw[name] = FrozenDict(parsed)
        else:
            raw[name] = next(iter(parsed.values())) if parsed else spec.read(spec.path, b"")
    cat = Catalogues(folder, fingerprint, FrozenDict(raw))
    cat.check()
    return cat


# ---- the object -----------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class Catalogues:
    """One catalogue folder, read. Frozen; every stage's view is built once, on first use."""

    folder: Path
    fingerprint: str
    raw: Mapping[str, Any] = field(repr=False)

    def check(self) -> None:
        """Build every view now, so a bad file fails the load (naming the file), not a stage."""
        for name in ("entities", "events", "planned_words", "event_kinds", "themes", "date_words", "stopwords", "outlets",
                     "discovery", "provisional", "discovered_events", "boilerplate", "story_model", "name_model"):
            getattr(self, name)

    @staticmethod
    def _view(file_name: str, build: Callable[[], Any]) -> Any:
        """``build()``, its errors turned into a CatalogueError naming the file (unless the
        builder's message starts with the file it came from)."""
        try:
            return build()
        except CatalogueError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            detail = f"missing key {exc}" if isinstance(exc, KeyError) else str(exc)
            named = detail.split(":", 1)[0].endswith((".yaml", ".csv", ".txt"))
            raise CatalogueError(detail if named else f"{file_name}: {detail}") from None

    @cached_property
    def entities(self) -> EntityCatalogue:
        return self._view(FILES["entities"].path, lambda: build_catalogue(self.raw["entities"], self.raw["aliases"]))

    @cached_property
    def events(self) -> tuple[Event, ...]:
        return self._view(FILES["events"].path, lambda: parse_events(self.raw["events"], spelling_variants(self.entities)))

    @cached_property
    def planned_words(self) -> PhraseSet | None:
        """events.yaml's words for an event still to come (links to later events need one)."""
        return self._view(FILES["events"].path, lambda: parse_planned(self.raw["events"]))

    @cached_property
    def event_series(self) -> SeriesRules | None:
        """events.yaml's series of numbered instances (event_series.py), None without any."""
        return self._view(FILES["events"].path,
                          lambda: parse_series(self.raw["events"], self.events))

    @cached_property
    def elapsed_time(self) -> ElapsedRules:
        """events.yaml's elapsed-time phrases ("بعد عام على"، "قبل نحو عام"; elapsed.py)."""
        return self._view(FILES["events"].path, lambda: parse_elapsed(self.raw["events"].get("elapsed_time")))

    @cached_property
    def event_kinds(self) -> tuple[Kind, ...]:
        """events.yaml's kinds of events and their nouns (generated variant names of events)."""
        return self._view(FILES["events"].path, lambda: parse_event_kinds(self.raw["events"]))

    @cached_property
    def themes(self) -> Mapping[str, Any]:
        """themes.yaml, its theme ids checked (ThemeScorer and the themes table read it)."""
        return self._view(FILES["themes"].path, lambda: check_themes(self.raw["themes"]))

    @cached_property
    def date_words(self) -> DateWords:
        return self._view(FILES["date_words"].path, lambda: parse_date_words(self.raw["date_words"]))

    @cached_property
    def latin_letter_names(self) -> frozenset[str]:
        return frozenset(fold(w) for w in self.raw["latin_letter_names"])

    @cached_property
    def stopwords(self) -> frozenset[str]:
        return self._view(FILES["stopwords_extra"].path,
                          lambda: build_stopwords(self.raw["stopwords_extra"], self.raw["latin_letter_names"]))

    @cached_property
    def outlets(self) -> Mapping[str, str]:
        return self._view(FILES["outlets"].path, lambda: FrozenDict(outlet_names(self.raw["outlets"])))

    @cached_property
    def discovery(self) -> Triggers:
        return self._view(FILES["discovery_triggers"].path,
                          lambda: parse_triggers(self.raw["discovery_triggers"], self.stopwords))

    @cached_property
    def provisional(self) -> ProvisionalRules:
        return self._view(FILES["discovery_triggers"].path, lambda: parse_provisional(self.raw["discovery_triggers"]))

    @cached_property
    def discovered_events(self) -> DiscoveryRules:
        """discovered_events.yaml: how events the catalogue lacks are found (none without the file)."""
        return self._view(FILES["discovered_events"].path,
                          lambda: parse_discovered_events(self.raw["discovered_events"]))

    @cached_property
    def boilerplate(self) -> BoilerplateRules:
        """boilerplate.yaml: thresholds of outlet boilerplate and the analyst's force/never lists."""
        return self._view(FILES["boilerplate"].path, lambda: parse_boilerplate_rules(self.raw["boilerplate"]))

    @cached_property
    def name_model(self) -> NameModel | None:
        """name_finder.json: the learned name finder (None without the file)."""
        return self._view(FILES["name_finder"].path, lambda: parse_name_model(self.raw["name_finder"]))

    @cached_property
    def story_model(self) -> StoryModel | None:
        """story_linker.json: the learned story linker (None without the file)."""
        return self._view(FILES["story_linker"].path, lambda: parse_story_model(self.raw["story_linker"]))
