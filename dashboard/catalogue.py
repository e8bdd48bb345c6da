"""Analyst CLI for the entity and event catalogues.

    python -m dashboard.catalogue add-alias ENTITY_ID "ALIAS" [--adjective]
    python -m dashboard.catalogue show ENTITY_ID
    python -m dashboard.catalogue add-event EVENT_ID --name-ar .. --name-en .. --start YYYY-MM-DD
        --end YYYY-MM-DD --word WORD [--word ..] --entity ENTITY_ID [--entity ..] [--description ..]

add-event appends a reviewed event candidate (python -m dashboard.quality --review lists them,
each with this command filled in) to events.yaml, with two cues: one of its words with one of its
entities in a sentence that also dates it inside the event, or in an article published within
half a year of its start. The file must still load, else it is restored and nothing is added.

add-alias appends one row to data/catalogues/aliases.csv after checking that the entity exists
and that the alias (as matching folds it) is not already another entity's. With --adjective the
alias is a nisba stem (أوزبكي) whose inflected forms are generated, or an irregular form.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

from dashboard.catalogues import CatalogueError, load_catalogues
from dashboard.extract.entity_catalogue import (
    ADJECTIVE,
    ALIAS_FIELDS,
    ALIASES_CSV,
    NAME,
    Catalogue,
    adjective_forms,
    alias_key,
    alias_parts,
    alias_tokens,
)
from dashboard.paths import CATALOGUE_DIR

__all__ = ["CatalogueError", "add_alias", "add_event", "show", "main"]
EVENTS_FILE = "events.yaml"
_SLUG = re.compile(r"[a-z0-9_]+")


def load_catalogue(catalogue_dir: Path | str) -> Catalogue:
    """The entity catalogue of a folder (the whole folder is read and checked)."""
    return load_catalogues(catalogue_dir).entities


def add_alias(entity_id: str, alias: str, adjective: bool = False,
              catalogue_dir: Path | str = CATALOGUE_DIR) -> str:
    """Validate and append; returns a one-line confirmation. Raises CatalogueError."""
    catalogue_dir = Path(catalogue_dir)
    cat = load_catalogue(catalogue_dir)
    if entity_id not in cat.entities:
        raise CatalogueError(f"unknown entity id {entity_id!r}")
    alias = " ".join(alias.split())
    if not alias_tokens(alias):
        raise CatalogueError("the alias has no letters")
    keys = ([alias_key(*alias_parts(f)[:2]) for f in adjective_forms(alias)] if adjective
            else [alias_key(*alias_parts(alias)[:2])])
    for key in keys:
        if key in cat.blockers:
            raise CatalogueError(f"{key!r} is a blocker (entities/blockers.yaml): remove it there first")
        known = cat.forms.get(key)
        if known is None:
            continue
        if known.entity_id != entity_id:
            raise CatalogueError(f"{key!r} is already an alias of {known.entity_id!r}")
        if not adjective:
            raise CatalogueError(f"{alias!r} is already an alias of {entity_id!r}")
    path = catalogue_dir / ALIASES_CSV
    new_file = not path.exists() or path.stat().st_size == 0
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        if new_file:
            writer.writerow(ALIAS_FIELDS)
        writer.writerow([entity_id, alias, ADJECTIVE if adjective else NAME])
    load_catalogue(catalogue_dir)  # the file must still load (fails loudly otherwise)
    return f"added {alias!r} ({ADJECTIVE if adjective else NAME}) to {entity_id}"


def show(entity_id: str, catalogue_dir: Path | str = CATALOGUE_DIR) -> str:
    cat = load_catalogue(catalogue_dir)
    if entity_id not in cat.entities:
        raise CatalogueError(f"unknown entity id {entity_id!r}")
    e = cat.entities[entity_id]
    lines = [f"{e.id}  [{e.type}]  {e.name_ar} / {e.name_en}"]
    for label, value in (("parent", e.parent), ("iso2", e.iso2), ("iso3", e.iso3)):
        if value:
            lines.append(f"  {label}: {value}")
    forms = [f for f in cat.forms.values() if f.entity_id == entity_id]
    for kind in (NAME, ADJECTIVE):
        keys = sorted(f.key for f in forms if f.form == kind)
        if keys:
            lines.append(f"  {kind} forms ({len(keys)}): " + "، ".join(keys))
    children = sorted(x.id for x in cat.entities.values() if x.parent == entity_id)
    if children:
        lines.append(f"  children: {', '.join(children)}")
    return "\n".join(lines)


def _iso_day(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CatalogueError(f"{what} {value!r} is not a date (YYYY-MM-DD)") from None


def add_event(event_id: str, name_ar: str, name_en: str, start: str, end: str, words: list[str],
              entities: list[str], description: str = "",
              catalogue_dir: Path | str = CATALOGUE_DIR) -> str:
    """Validate and append an event to events.yaml; returns a one-line confirmation."""
    catalogue_dir = Path(catalogue_dir)
    cat = load_catalogues(catalogue_dir)
    if not _SLUG.fullmatch(event_id or ""):
        raise CatalogueError(f"event id {event_id!r} is not a lower-case ASCII slug")
    if event_id in {e.id for e in cat.events}:
        raise CatalogueError(f"event {event_id!r} already exists")
    first, last = _iso_day(start, "--start"), _iso_day(end, "--end")
    if last < first:
        raise CatalogueError(f"--end {end} is before --start {start}")
    words = [" ".join(w.split()) for w in words if w.strip()]
    if not words:
        raise CatalogueError("give at least one --word (the event noun text uses: قمة، انتخابات ...)")
    unknown = [e for e in entities if e not in cat.entities.entities]
    if unknown:
        raise CatalogueError(f"unknown entity ids {unknown} (python -m dashboard.catalogue show ID)")
    if not entities:
        raise CatalogueError("give at least one --entity (the place or actor that makes the event specific)")
    if not name_ar.strip() or not name_en.strip():
        raise CatalogueError("--name-ar and --name-en must not be empty")
    item = {
        "id": event_id, "name_ar": name_ar.strip(), "name_en": name_en.strip(),
        "date_start": first.isoformat(), "date_end": last.isoformat(),
        "description": description.strip() or f"{name_en.strip()} (added from a reviewed event candidate)",
        "cues": [
            {"words": words, "any_entities": list(entities), "date": True},
            {"words": words, "any_entities": list(entities),
             "published": [first.isoformat(), (first + timedelta(days=183)).isoformat()]},
        ],
    }
    block = yaml.safe_dump([item], allow_unicode=True, sort_keys=False, width=1000)
    path = catalogue_dir / EVENTS_FILE
    original = path.read_bytes()
    text = original.decode("utf-8")
    path.write_text(text.rstrip("\n") + "\n\n" + "".join(
        "  " + line if line else line for line in block.splitlines(keepends=True)), "utf-8")
    try:
        load_catalogues(catalogue_dir).check()
    except CatalogueError:
        path.write_bytes(original)
        raise
    return f"added event {event_id} ({first} .. {last}) to {path}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.catalogue", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--catalogue-dir", default=str(CATALOGUE_DIR))
    sub = parser.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add-alias", help="append an alias to aliases.csv")
    add.add_argument("entity_id")
    add.add_argument("alias")
    add.add_argument("--adjective", action="store_true", help="a nisba stem or irregular adjective form")
    sh = sub.add_parser("show", help="an entity and every form that matches it")
    sh.add_argument("entity_id")
    ev = sub.add_parser("add-event", help="append a reviewed event candidate to events.yaml")
    ev.add_argument("event_id")
    ev.add_argument("--name-ar", required=True)
    ev.add_argument("--name-en", required=True)
    ev.add_argument("--start", required=True, help="first day, YYYY-MM-DD")
    ev.add_argument("--end", required=True, help="last day, YYYY-MM-DD")
    ev.add_argument("--word", action="append", default=[], help="an event noun or phrase (repeatable)")
    ev.add_argument("--entity", action="append", default=[], help="a place or actor id (repeatable)")
    ev.add_argument("--description", default="")
    args = parser.parse_args(argv)
    try:
        if args.command == "add-alias":
            print(add_alias(args.entity_id, args.alias, args.adjective, args.catalogue_dir))
        elif args.command == "add-event":
            print(add_event(args.event_id, args.name_ar, args.name_en, args.start, args.end, args.word,
                            args.entity, args.description, args.catalogue_dir))
        else:
            print(show(args.entity_id, args.catalogue_dir))
    except CatalogueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
