"""Outlet display names: the catalogue folder's alias table outlets.csv (alias,name)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dashboard.text.normalize import squeeze_spaces


def _key(alias: str) -> str:
    return squeeze_spaces(alias.strip().lower())


def outlet_names(rows: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """alias key -> display name, from the rows of outlets.csv (``Catalogues.outlets``)."""
    return {_key(row["alias"]): row["name"].strip() for row in rows}


def outlet_name(source: str | None, names: Mapping[str, str]) -> str | None:
    """The display name for ``source`` (an ANT code such as 'alarabia', or a spelling such as
    'الجزيرة'); unknown values are returned as given, so nothing is lost."""
    if source is None:
        return None
    return names.get(_key(source), source.strip())
