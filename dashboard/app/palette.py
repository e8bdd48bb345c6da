"""One colour per outlet, theme and entity type on every page and chart.

Colours are given by each value's place in the *dataset's* sorted outlets, themes and entity
types, never in what a view happens to show: with colours taken from the outlets a filter leaves,
removing Al Arabiya would repaint every other outlet (BBC Arabic took Al Arabiya's blue). A page
asks ``palette(ds)`` and passes its mappings to the charts; charts.py has no colour choice of its
own for these three kinds of group.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from dashboard.analysis.sources import NO_THEME_ID
from dashboard.dataset import Dataset

# Colour-blind-safe qualitative palette: Okabe-Ito's eight, then Paul Tol's colours that stay
# distinct from them (the catalogue has 13 entity types: a palette that wraps would paint
# countries and persons the same green).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
           "#882255", "#117733", "#332288", "#999933", "#AA4499", "#888888")
NO_THEME_COLOUR = "#BBBBBB"  # the articles without a theme: grey, never a theme's colour
UNKNOWN_COLOUR = "#64748B"   # a value the dataset does not list (never expected)
# Bars that stand for no outlet, theme or type (an entity's mentions, a country's): a colour of
# their own, not the first outlet's blue.
SINGLE_SERIES_COLOUR = "#4C6A92"
# An event the build discovered (not in the catalogue, unreviewed): Okabe-Ito's vermilion ring.
UNREVIEWED_COLOUR = "#D55E00"


def assign(values: Iterable[str]) -> Mapping[str, str]:
    """value -> colour by the value's place among the sorted distinct ``values``."""
    return MappingProxyType({v: PALETTE[i % len(PALETTE)] for i, v in enumerate(sorted(set(values)))})


@dataclass(frozen=True)
class Palette:
    outlets: Mapping[str, str]        # outlet as shown (articles.source) -> colour
    themes: Mapping[str, str]         # theme_id (and analysis.sources.NO_THEME_ID) -> colour
    entity_types: Mapping[str, str]   # entities.type -> colour

    def outlet(self, name: object) -> str:
        return self.outlets.get(str(name), UNKNOWN_COLOUR)

    def theme(self, theme_id: object) -> str:
        return self.themes.get(str(theme_id), UNKNOWN_COLOUR)

    def entity_type(self, typ: object) -> str:
        return self.entity_types.get(str(typ), UNKNOWN_COLOUR)

    def by_label(self, kind: str, labels: Mapping[str, str]) -> dict[str, str]:
        """The colours of ``kind`` ('outlets', 'themes', 'entity_types') keyed by the labels a
        chart draws (id -> display name, e.g. theme ids to their names in the interface language)."""
        colours: Mapping[str, str] = getattr(self, kind)
        return {labels.get(k, k): c for k, c in colours.items()}


def palette(ds: Dataset) -> Palette:
    """The dataset's palette, computed once per dataset (filters never change it)."""
    def compute() -> Palette:
        themes = dict(assign(ds.themes["theme_id"].dropna().astype(str)))
        themes[NO_THEME_ID] = NO_THEME_COLOUR
        return Palette(
            outlets=assign(str(s) for s in ds.ix.sources),
            themes=MappingProxyType(themes),
            entity_types=assign(ds.entities["type"].dropna().astype(str)),
        )

    return ds.memo(("palette",), compute)
