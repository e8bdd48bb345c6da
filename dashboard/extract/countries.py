"""Every country of the world as an entity, from CLDR (Babel) and ISO 3166 (pycountry).

The catalogue YAML only extends these with the spellings real text uses; the list itself, the
Arabic and English names and the ISO codes are facts the libraries hold.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location

# Kosovo has a CLDR name and a user-assigned code but no ISO 3166 entry.
_EXTRA_ALPHA3 = {"XK": "XKX"}
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


@lru_cache(maxsize=1)
def cldr_countries() -> tuple[dict, ...]:
    """One record per country: id (ISO2 lower), iso2, iso3, name_ar, name_en, aliases.

    ``aliases`` holds CLDR's Arabic name and, when it carries a parenthesis
    ("ميانمار (بورما)"), the name without it: text never writes the parenthesis.
    """
    ar = Locale.parse("ar").territories
    en = Locale.parse("en").territories
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | _EXTRA_ALPHA3
    records = []
    for code in sorted(alpha3):
        name_ar = ar.get(code)
        if not name_ar:
            continue
        aliases = [name_ar]
        bare = _PARENTHESIS.sub("", name_ar).strip()
        if bare and bare != name_ar:
            aliases.append(bare)
        records.append({
            "id": code.lower(), "type": "country", "iso2": code, "iso3": alpha3[code],
            "name_ar": name_ar, "name_en": en.get(code, code), "aliases": aliases,
            "aliases_en": _english_names(code, en.get(code)),
        })
    return tuple(records)


def _english_names(code: str, cldr_name: str | None) -> list[str]:
    """The English names text writes for a country (an embedded tweet's "Kyrgyzstan", a caption's
    "Russia"): CLDR's short name and pycountry's name and common name, without the ISO list forms
    ("Korea, Republic of") and CLDR's disambiguating tails ("Congo - Kinshasa", "Hong Kong SAR China")."""
    country = pycountry.countries.get(alpha_2=code)
    names = [cldr_name, *(getattr(country, a, None) for a in ("name", "common_name"))] if country else [cldr_name]
    out = []
    for name in names:
        if not name or "," in name or " - " in name or " SAR " in name:
            continue
        name = _PARENTHESIS.sub("", name).strip()
        for form in (name, name.replace(" & ", " and ")):
            if form not in out:
                out.append(form)
    return out


def cldr_cities(zone_ids: tuple[str, ...]) -> tuple[dict, ...]:
    """One record per time-zone id: the zone's exemplar city as CLDR names it in Arabic and
    English, and its country (CLDR's zone territories). Raises ValueError for an unknown zone.

    CLDR's exemplar cities are not all usable (سمراء for Samara is "brunette", ترك for Chuuk
    "Turks", برثا for Perth is a misspelling): the catalogue lists the zones whose names were
    reviewed (places.yaml cldr_cities)."""
    territories = get_global("zone_territories")
    records = []
    for zone in zone_ids:
        territory = territories.get(zone)
        if territory is None:
            raise ValueError(f"cldr_cities: {zone!r} is not a CLDR time zone with a country")
        name_ar = get_timezone_location(zone, locale="ar", return_city=True)
        name_en = get_timezone_location(zone, locale="en", return_city=True)
        slug = re.sub(r"[^a-z0-9]+", "_", name_en.lower()).strip("_")
        records.append({"id": slug, "zone": zone, "name_ar": name_ar, "name_en": name_en,
                        "parent": territory.lower()})
    return tuple(records)
