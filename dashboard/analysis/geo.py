"""Map panel: mentions per country (ISO3 from the entity catalogue), cities rolled up by default."""

from __future__ import annotations

import pandas as pd

from dashboard.analysis.common import frame
from dashboard.analysis.entities import entity_counts
from dashboard.analysis.filters import Selection
from dashboard.dataset import Dataset

COLUMNS = {"iso3": "string", "entity_id": "string", "name_en": "string", "name_ar": "string",
           "mentions": "int64"}


def country_mentions(ds: Dataset, sel: Selection, include_adjectives: bool = True,
                     roll_up_cities: bool = True) -> pd.DataFrame:
    """One row per country with an ISO3 code, most mentioned first."""
    counts = entity_counts(ds, sel, include_adjectives=include_adjectives, roll_up_cities=roll_up_cities)
    if counts.empty:
        return frame(COLUMNS)
    iso3 = ds.entities.set_index("entity_id")["iso3"]
    counts["iso3"] = counts["entity_id"].map(iso3)
    out = counts[counts["iso3"].notna() & (counts["iso3"] != "")]
    return out[list(COLUMNS)].astype(COLUMNS).reset_index(drop=True)
