"""The unseen gold of issue 9 (data/gold/unseen/): its files agree with their recipe and with the
ids the product or NEW_IDS.md define. Its texts are third-party and not in the repository; where
they have been fetched into data/gold_unseen_texts/, they must be the exact texts annotated."""

from __future__ import annotations

import csv
import hashlib
import re

import pandas as pd
import pytest

from dashboard.paths import DATA_DIR, DEFAULT_DATASET_DIR
from dashboard.quality.gold import load_gold_files, resolve_gold

UNSEEN = DATA_DIR / "gold" / "unseen"
TEXTS = DATA_DIR / "gold_unseen_texts"
PARTS = ("dev", "test")
SECOND = ("dev2", "test2")  # the second unseen set (data/gold/README.md), each part with its own NEW_IDS.md
THIRD = ("test3", "test4")  # the third, held out until the end: 2019-2021 and 2022-2024, each with its own NEW_IDS.md
FOURTH = ("test5", "test6")  # the fourth, made when the third had been scored: the same year split
FIFTH = ("test7", "test8")  # the fifth, made when the fourth had been scored: the same year split
SIXTH = ("test9", "test10")  # the sixth, made when the fifth had been scored: the same year split
SEVENTH = ("test11", "test12")  # the seventh, made when the sixth had been scored: the same year split
EIGHTH = ("test13", "test14")  # the eighth, made when the seventh had been scored: the same year split
NINTH = ("test15", "test16")  # the ninth, made when the eighth had been scored: the same year split
TENTH = ("test17", "test18")  # the tenth, made when the ninth had been scored: the same year split
ELEVENTH = ("test19", "test20")  # the eleventh, made when the tenth had been scored: the same year split
TWELFTH = ("test21", "test22")  # the twelfth, made when the eleventh had been scored: the same year split
THIRTEENTH = ("test23", "test24")  # the thirteenth, made when the twelfth had been scored: the same year split
FOURTEENTH = ("test25", "test26")  # the fourteenth, made when the thirteenth had been scored: the same year split
FIFTEENTH = ("test27", "test28")  # the fifteenth, made when the fourteenth had been scored: the same year split
SIXTEENTH = ("test29", "test30")  # the sixteenth, made when the fifteenth had been scored: the same year split
SEVENTEENTH = ("test31", "test32")  # the seventeenth, made when the sixteenth had been scored: the same year split
EIGHTEENTH = ("test33", "test34")  # the eighteenth, made when the seventeenth had been scored: the same year split
NINETEENTH = ("test35", "test36")  # the nineteenth, made when the eighteenth had been scored: the same year split
TWENTIETH = ("test37", "test38")  # the twentieth, made when the nineteenth had been scored: the same year split
TWENTYFIRST = ("test39", "test40")  # the twenty-first, made when the twentieth had been scored: the same year split
LATER = (SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + TENTH + ELEVENTH + TWELFTH + THIRTEENTH
         + FOURTEENTH + FIFTEENTH + SIXTEENTH + SEVENTEENTH + EIGHTEENTH + NINETEENTH + TWENTIETH + TWENTYFIRST)


def sources(part: str) -> dict[str, dict]:
    with open(UNSEEN / part / "SOURCES.csv", encoding="utf-8", newline="") as f:
        return {row["article_id"]: row for row in csv.DictReader(f)}


def new_ids() -> set[str]:
    """First column of every table row in the NEW_IDS.md files."""
    ids = set()
    for path in (UNSEEN / "NEW_IDS.md", UNSEEN / "test" / "NEW_IDS.md",
                 *(UNSEEN / part / "NEW_IDS.md" for part in LATER if (UNSEEN / part / "NEW_IDS.md").is_file())):
        ids |= set(re.findall(r"^\| ([a-z0-9_]+) \|", path.read_text(encoding="utf-8"), re.M))
    return ids


def test_parts_are_disjoint_and_the_held_out_part_is_a_third():
    dev, test = load_gold_files(UNSEEN / "dev"), load_gold_files(UNSEEN / "test")
    assert not set(dev) & set(test)
    assert len(dev) + len(test) >= 27 and len(test) >= 9
    assert abs(len(test) - (len(dev) + len(test)) / 3) < 1


def present(parts: tuple[str, ...]) -> list[str]:
    return [part for part in parts if (UNSEEN / part / "SOURCES.csv").is_file()]


def test_no_article_or_page_is_in_two_parts():
    parts = present(PARTS + LATER)
    ids = [aid for part in parts for aid in load_gold_files(UNSEEN / part)]
    urls = [row["url"] for part in parts for row in sources(part).values()]
    texts = [row["sha256"] for part in parts for row in sources(part).values()]
    assert len(ids) == len(set(ids)) and len(urls) == len(set(urls)) and len(texts) == len(set(texts))


YEARS = {"test3": range(2019, 2022), "test4": range(2022, 2025),  # the two annotators split the years
         "test5": range(2019, 2022), "test6": range(2022, 2025),
         "test7": range(2019, 2022), "test8": range(2022, 2025),
         "test9": range(2019, 2022), "test10": range(2022, 2025),
         "test11": range(2019, 2022), "test12": range(2022, 2025),
         "test13": range(2019, 2022), "test14": range(2022, 2025),
         "test15": range(2019, 2022), "test16": range(2022, 2025),
         "test17": range(2019, 2022), "test18": range(2022, 2025),
         "test19": range(2019, 2022), "test20": range(2022, 2025),
         "test21": range(2019, 2022), "test22": range(2022, 2025),
         "test23": range(2019, 2022), "test24": range(2022, 2025),
         "test25": range(2019, 2022), "test26": range(2022, 2025),
         "test27": range(2019, 2022), "test28": range(2022, 2025),
         "test29": range(2019, 2022), "test30": range(2022, 2025),
         "test31": range(2019, 2022), "test32": range(2022, 2025),
         "test33": range(2019, 2022), "test34": range(2022, 2025),
         "test35": range(2019, 2022), "test36": range(2022, 2025),
         "test37": range(2019, 2022), "test38": range(2022, 2025),
         "test39": range(2019, 2022), "test40": range(2022, 2025)}


@pytest.mark.parametrize("part", THIRD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + TENTH + ELEVENTH + TWELFTH
                         + THIRTEENTH + FOURTEENTH + FIFTEENTH + SIXTEENTH + SEVENTEENTH + EIGHTEENTH + NINETEENTH + TWENTIETH + TWENTYFIRST)
def test_third_set_parts_keep_their_years(part):
    if not (UNSEEN / part / "SOURCES.csv").is_file():
        pytest.skip(f"no {part} part yet")
    recipe = sources(part)
    assert len(recipe) >= 12, f"{part}: {len(recipe)} articles, at least 12 expected"
    for aid, row in recipe.items():
        assert int(row["published"][:4]) in YEARS[part], (aid, row["published"])


@pytest.mark.parametrize("part", PARTS + LATER)
def test_every_gold_article_has_its_recipe(part):
    if not (UNSEEN / part / "SOURCES.csv").is_file():
        pytest.skip(f"no {part} part yet")
    gold, recipe = load_gold_files(UNSEEN / part), sources(part)
    assert set(gold) == set(recipe)
    sums = (UNSEEN / part / "SHA256SUMS").read_text(encoding="utf-8")
    for aid, row in recipe.items():
        assert row["split"] == part and row["url"].startswith("http") and row["licence"]
        assert re.fullmatch(r"20(19|2[0-4])(-\d\d){0,2}", row["published"]), (aid, row["published"])
        assert f"{row['sha256']}  data/gold_unseen_texts/{part}/{aid}.txt" in sums
        assert str(gold[aid]["published"]) == row["published"]


@pytest.mark.parametrize("part", PARTS + LATER)
def test_ids_are_the_products_or_listed_as_new(part):
    if not (UNSEEN / part / "SOURCES.csv").is_file():
        pytest.skip(f"no {part} part yet")
    known = set(pd.read_parquet(DEFAULT_DATASET_DIR / "entities.parquet")["entity_id"])
    known |= set(pd.read_parquet(DEFAULT_DATASET_DIR / "events.parquet")["event_id"])
    listed = new_ids()
    for aid, doc in load_gold_files(UNSEEN / part).items():
        used = set(doc.get("entities") or {}) | {e["event"] for e in doc.get("events") or []}
        assert not used - known - listed, (aid, used - known - listed)


@pytest.mark.parametrize("part", PARTS + LATER)
def test_fetched_texts_are_the_annotated_ones(part):
    folder = TEXTS / part
    if not (UNSEEN / part / "SOURCES.csv").is_file():
        pytest.skip(f"no {part} part yet")
    if not folder.is_dir():
        pytest.skip(f"texts not fetched into {folder} (see data/gold/README.md)")
    texts = {}
    for aid, row in sources(part).items():
        if not (folder / f"{aid}.txt").is_file():
            continue  # a page the stored copies no longer hold: the rest of the part still counts
        data = (folder / f"{aid}.txt").read_bytes()
        assert hashlib.sha256(data).hexdigest() == row["sha256"], aid
        texts[aid] = data.decode("utf-8")
    assert len(texts) >= len(sources(part)) - 2, f"{part}: only {len(texts)} texts fetched"
    gold = {aid: doc for aid, doc in load_gold_files(UNSEEN / part).items() if aid in texts}
    gold = resolve_gold(gold, texts)  # raises on any surface not in its text
    assert len(gold["entity_mentions"]) > 10 * len(texts)


AGREEMENT = DATA_DIR / "gold" / "agreement"  # a second, independent reading of the events of NINTH ... TWENTYFIRST


@pytest.mark.parametrize("part", NINTH + TENTH + ELEVENTH + TWELFTH + THIRTEENTH + FOURTEENTH + FIFTEENTH
                         + SIXTEENTH + SEVENTEENTH + EIGHTEENTH + NINETEENTH + TWENTIETH + TWENTYFIRST)
def test_second_reading_covers_the_same_articles_with_known_events(part):
    if not (AGREEMENT / part).is_dir():
        pytest.skip(f"no second reading of {part}")
    second = load_gold_files(AGREEMENT / part)
    assert set(second) == set(load_gold_files(UNSEEN / part))
    assert all(set(doc) <= {"article_id", "published", "events"} for doc in second.values())
    known = set(pd.read_parquet(DEFAULT_DATASET_DIR / "events.parquet")["event_id"]) | new_ids()
    known |= set(re.findall(r"^\| ([a-z0-9_]+) \|", (AGREEMENT / part / "NEW_IDS.md").read_text(encoding="utf-8"), re.M))
    used = {e["event"] for doc in second.values() for e in doc.get("events") or []}
    assert not used - known, used - known
    folder = TEXTS / part
    if folder.is_dir():
        texts = {aid: (folder / f"{aid}.txt").read_text(encoding="utf-8") for aid in second
                 if (folder / f"{aid}.txt").is_file()}
        second = {aid: doc for aid, doc in second.items() if aid in texts}
        assert len(resolve_gold(second, texts)["event_mentions"]) > len(texts)  # a part may have few events (test19: four articles with none)
