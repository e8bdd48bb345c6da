"""A catalogue copy without the events added for later gold parts: an honest test of discovery.

Each untouched gold part (data/gold/unseen/<part>/) lists in NEW_IDS.md the events its gold named
that the product lacked; the curators then added most of them to events.yaml. Scored with today's
catalogue, those parts barely exercise discovery (dashboard/extract/discovered_events.py): their
new events are the catalogue's now. A copy of the catalogue folder without them makes them NIL
again, so the ``events+NIL`` line of ``python -m dashboard.quality`` measures how many of them
discovery finds, as it would on an analyst's text about events nobody curated.

    python -m dashboard.quality.holdout --parts test9 test11 --out /tmp/cat_holdout [--list]
    python -m dashboard.quality --texts TEXTS --gold GOLD --catalogues /tmp/cat_holdout

An event is held out when a part's NEW_IDS.md events table names it (read through the part's
ID_MAP.csv: the gold's id -> the catalogue's), or with ``--extra`` ids. The copy is the whole
folder with events.yaml rewritten (its comments and anchors are not kept: a copy to score with,
not to edit).
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import sys
from pathlib import Path

import yaml

from dashboard.paths import CATALOGUE_DIR, DATA_DIR

UNSEEN_DIR = DATA_DIR / "gold" / "unseen"
_ROW = re.compile(r"^\|\s*([a-z0-9_]+)\s*\|", re.M)


def new_event_ids(part_dir: Path) -> list[str]:
    """The gold ids of the events table of a part's NEW_IDS.md (none without the file)."""
    path = part_dir / "NEW_IDS.md"
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    if "## Events" not in text:
        return []
    table = text.split("## Events", 1)[1].split("\n## ", 1)[0]
    return [i for i in _ROW.findall(table) if i != "id"]


def catalogue_ids_of(part_dir: Path, gold_ids: list[str], catalogue_ids: set[str]) -> list[str]:
    """The catalogue ids of ``gold_ids``: the product ids the part's ID_MAP.csv reads as it, else
    the same id (a catalogue event of the gold's spelling that the map renames apart, or that another
    product id stands for, is another event: test10's tokayev_visit_ru_2022 is the February visit,
    the catalogue's the November one)."""
    product_of: dict[str, list[str]] = {}
    path = part_dir / "ID_MAP.csv"
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("table") == "event_mentions" and not str(row.get("gold_id", "")).startswith("catalogue:"):
                    product_of.setdefault(row["gold_id"], []).append(row["product_id"])
    out = []
    for gid in gold_ids:
        for cid in product_of.get(gid) or [gid]:
            if cid in catalogue_ids and cid not in out:
                out.append(cid)
    return out


def held_out_events(parts: list[str], catalogue_ids: set[str], unseen: Path = UNSEEN_DIR) -> dict[str, str]:
    """Catalogue event id -> the first of ``parts`` whose NEW_IDS.md names it."""
    out: dict[str, str] = {}
    for part in parts:
        for cid in catalogue_ids_of(unseen / part, new_event_ids(unseen / part), catalogue_ids):
            out.setdefault(cid, part)
    return out


def write_copy(source: Path, out: Path, drop: set[str]) -> int:
    """Copy the catalogue folder ``source`` to ``out`` without the events ``drop``; returns how many
    events were dropped."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source, out, ignore=shutil.ignore_patterns(".*", "__pycache__"))
    path = out / "events.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    before = len(data["events"])
    data["events"] = [e for e in data["events"] if e["id"] not in drop]
    for series in data.get("series") or ():  # a numbered instance of a dropped event is not held either
        if isinstance(series, dict) and "instances" in series:
            series["instances"] = [i for i in series["instances"] if i.get("event") not in drop]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return before - len(data["events"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.quality.holdout", description=__doc__.splitlines()[0])
    parser.add_argument("--parts", nargs="+", required=True, help="gold parts whose NEW_IDS.md events are held out")
    parser.add_argument("--extra", nargs="*", default=[], help="more catalogue event ids to hold out")
    parser.add_argument("--catalogues", type=Path, default=CATALOGUE_DIR, help="catalogue folder to copy")
    parser.add_argument("--unseen", type=Path, default=UNSEEN_DIR, help="folder of the gold parts")
    parser.add_argument("--out", type=Path, help="folder to write the copy to")
    parser.add_argument("--list", action="store_true", help="print the held-out events (id, part)")
    args = parser.parse_args(argv)
    events = yaml.safe_load((args.catalogues / "events.yaml").read_text(encoding="utf-8"))["events"]
    ids = {e["id"] for e in events}
    held = held_out_events(args.parts, ids, args.unseen)
    unknown = [e for e in args.extra if e not in ids]
    if unknown:
        print(f"not catalogue events: {', '.join(unknown)}", file=sys.stderr)
        return 2
    for eid in args.extra:
        held.setdefault(eid, "extra")
    if args.list or args.out is None:
        for eid, part in sorted(held.items(), key=lambda kv: (kv[1], kv[0])):
            print(f"{part}\t{eid}")
    if args.out is not None:
        n = write_copy(args.catalogues, args.out, set(held))
        print(f"{args.out}: the catalogue without {n} events", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
