"""The product's one search language (see parser.py for the grammar): the sidebar filter, the
concordance, attention over time, compare and collocates all take a query through here, and
``python -m dashboard.search DATASET "QUERY"`` reproduces their counts from the command line."""

from dashboard.search.evaluate import Search, check, compile_query, query_mask
from dashboard.search.parser import QueryError, canonical, parse

__all__ = ["QueryError", "Search", "canonical", "check", "compile_query", "parse", "query_mask"]
