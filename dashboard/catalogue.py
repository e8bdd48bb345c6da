"""Analyst CLI for the entity catalogue.

    python -m dashboard.catalogue add-alias ENTITY_ID "ALIAS" [--adjective]
    python -m dashboard.catalogue show ENTITY_ID

add-alias appends one row to data/catalogues/aliases.csv after checking that the entity exists
and that the alias (as matching folds it) is not already another entity's. With --adjective the
alias is a nisba stem (أوزبكي) whose inflected forms are generated, or an irregular form.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

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

__all__ = ["CatalogueError", "add_alias", "show", "main"]


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
    args = parser.parse_args(argv)
    try:
        if args.command == "add-alias":
            print(add_alias(args.entity_id, args.alias, args.adjective, args.catalogue_dir))
        else:
            print(show(args.entity_id, args.catalogue_dir))
    except CatalogueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
