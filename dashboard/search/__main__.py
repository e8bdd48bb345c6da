"""``python -m dashboard.search DATASET "QUERY"``: the number of matching articles, then their ids
one per line (sorted), so a figure in the dashboard or a paper can be reproduced by a script.

Goes through the same ``Filters``/``select`` path as the dashboard's sidebar, so the count is the
one the app shows for that keyword (and the same outlets and dates, when given).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from dashboard.analysis.filters import Filters, select
from dashboard.dataset import DatasetError, load_dataset
from dashboard.search.evaluate import compile_query
from dashboard.search.parser import QueryError


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.search", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path, help="a built dataset folder")
    parser.add_argument("query", help='the query, e.g. \'روسيا OR "الاتحاد الروسي" NOT أوكرانيا\'')
    parser.add_argument("--derived", action="store_true", help="also match nisba adjectives (روسي, الروسية)")
    parser.add_argument("--source", action="append", default=[], help="keep this outlet (repeatable)")
    parser.add_argument("--date-from", type=_day, default=None)
    parser.add_argument("--date-to", type=_day, default=None)
    parser.add_argument("--count", action="store_true", help="print the count only")
    args = parser.parse_args(argv)
    try:
        ds = load_dataset(args.dataset)
    except (DatasetError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        compile_query(ds, args.query, args.derived)  # a malformed query is told, not traced back
    except QueryError as exc:
        print(f"error: {exc.message('en')} / {exc.message('ar')}", file=sys.stderr)
        return 2
    unknown = sorted(set(args.source) - set(ds.ix.sources))
    if unknown:
        print(f"error: unknown source(s) {', '.join(unknown)}; the dataset has {', '.join(ds.ix.sources)}",
              file=sys.stderr)
        return 2
    sel = select(ds, Filters(sources=tuple(sorted(set(args.source))), date_from=args.date_from,
                             date_to=args.date_to, keyword=args.query.strip(), keyword_derived=args.derived))
    out = [str(sel.n_articles)]
    if not args.count:
        out.extend(sel.article_ids)
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
