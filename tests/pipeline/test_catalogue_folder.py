"""--catalogues DIR is honoured everywhere: every file of a copied catalogue folder, edited in turn,
makes the dataset stale (for the build and for the app's check) and takes effect in the next build.

One article exercises every file. Each edit is first applied alone (stale, then fresh again once
undone), then all of them together for one rebuild whose every table shows its edit.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
import yaml

from dashboard import catalogues as catalogues_module
from dashboard.catalogues import FILES, CatalogueError, catalogue_fingerprint, load_catalogues
from dashboard.paths import CATALOGUE_DIR
from dashboard.pipeline.report import BuildError
from dashboard.pipeline.run import build, is_stale

pytestmark = pytest.mark.slow

ARTICLE = """title: مقال اختبار
source: منفذ الاختبار
date: 2022-03-20
---
التقى زيد البرتقالي بالرئيس طوقاييف في مدينة زهرستان.
وانضمت منظمة البرتقال العالمية إلى الاجتماع في بلاد الأرز.
ويقع شارع موسكو قرب السفارة، وزار الوفد الصين أيضا.
وافتتح مهرجان البرتقال أبوابه، ثم جاء سمكري من القرية.
وعقد الاجتماع في 5 مارسيو 2022 وزرع الوفد قرنفل في الحديقة.
وقالت وكالة زوو. دي. آي إن الأمر انتهى.
وقالت المخرجة نادين لبكي إن الفيلم جاهز.
وتحدث الضيف بلينكين طويلا.
واشترى الوفد الخبز من مخبز بوتين.
واستقبل الوزير ضيفه البرتقالوف أمس.
وسافر الوفد إلى برتقال آباد.
"""


def _yaml_edit(path: Path, change: Callable[[dict], None]) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8").rstrip("\n") + "\n" + text, "utf-8")


def _country_alias(data: dict) -> None:
    lb = next(c for c in data["countries"] if c["id"] == "lb")
    lb["aliases"] = [*lb.get("aliases", []), "بلاد الأرز"]


def _theme(data: dict) -> None:
    data["themes"].append({"id": "plumbing", "name_ar": "سباكة", "name_en": "Plumbing",
                           "description": "test theme", "cues": ["سمكري"]})


def _event(data: dict) -> None:
    data["events"].append({"id": "orange_festival", "name_ar": "مهرجان البرتقال", "name_en": "Orange festival",
                           "date_start": "2022-03-01", "date_end": "2022-03-31", "description": "test event",
                           "cues": [{"phrases": ["مهرجان البرتقال"]}]})


def _month(data: dict) -> None:
    data["extra_months"][3] = [*data["extra_months"].get(3, []), "مارسيو"]


def _context_rule(data: dict) -> None:
    data["context_rules"].append({"id": "test_rule", "description": "test", "if_document_mentions_any": ["cn"],
                                  "from": "cn", "to": "tw"})


def _json_edit(path: Path, change: Callable[[dict], None]) -> None:
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def _trigger(data: dict) -> None:
    data["triggers"].append({"trigger": "المخرجة", "kind": "person", "max_words": 2})


# file under the catalogue folder -> how it is edited
EDITS: dict[str, Callable[[Path], None]] = {
    "entities/people.yaml": lambda p: _yaml_edit(p, lambda d: d["people"].append(
        {"id": "zaid_test", "name_ar": "زيد البرتقالي", "name_en": "Zaid Test", "parent": "kz"})),
    "entities/places.yaml": lambda p: _yaml_edit(p, lambda d: d["places"].append(
        {"id": "zahrestan", "type": "city", "parent": "uz", "name_ar": "زهرستان", "name_en": "Zahrestan"})),
    "entities/places_geonames.yaml": lambda p: _yaml_edit(p, lambda d: d["places"].append(
        {"id": "orange_abad", "type": "city", "parent": "kz", "name_ar": "برتقال آباد", "name_en": "Orangeabad"})),
    "entities/organisations.yaml": lambda p: _yaml_edit(p, lambda d: d["organisations"].append(
        {"id": "orange_org", "type": "organisation", "name_ar": "منظمة البرتقال العالمية",
         "name_en": "World Orange Organisation"})),
    "entities/countries.yaml": lambda p: _yaml_edit(p, _country_alias),
    "entities/blockers.yaml": lambda p: _yaml_edit(p, lambda d: d["blockers"].append("شارع موسكو")),
    "entities/context_rules.yaml": lambda p: _yaml_edit(p, _context_rule),
    "aliases.csv": lambda p: _append(p, "tokayev,طوقاييف,name\n"),
    "events.yaml": lambda p: _yaml_edit(p, _event),
    "themes.yaml": lambda p: _yaml_edit(p, _theme),
    "date_words.yaml": lambda p: _yaml_edit(p, _month),
    "stopwords_extra.txt": lambda p: _append(p, "قرنفل\n"),
    "outlets.csv": lambda p: _append(p, "منفذ الاختبار,Test Outlet\n"),
    "latin_letter_names_ar.txt": lambda p: _append(p, "زوو\n"),
    "discovery_triggers.yaml": lambda p: _yaml_edit(p, _trigger),
    "entities/variant_context.yaml": lambda p: _yaml_edit(p, lambda d: d["variant_titles"].append("الضيف")),
    "entities/name_context.yaml": lambda p: _yaml_edit(p, lambda d: d["named_after_words"].append("مخبز")),
    # a kind of event named by its guest: "التقى زيد البرتقالي بالرئيس طوقاييف" (in Zahrestan, abroad:
    # an Uzbek city) is news of the day
    "discovered_events.yaml": lambda p: _yaml_edit(p, lambda d: d["kinds"].update({"meeting": {
        "en": "Meeting", "ar": "لقاء", "nouns": ["الرئيس"], "anchor": "visitor", "period": "month"}})),
    "boilerplate.yaml": lambda p: _yaml_edit(p, lambda d: d["force"].append(
        {"text": "وافتتح مهرجان البرتقال أبوابه، ثم جاء سمكري من القرية.", "source": "Test Outlet"})),
    # a story model that reads every sentence as the story of the festival named in the article
    "story_linker.json": lambda p: _json_edit(p, lambda d: d.update(bias=20.0, mode="union")),
    # a name model that reads every rare word as part of a name
    "name_finder.json": lambda p: _json_edit(p, lambda d: d.update(bias=20.0, one_word_threshold=0.5)),
}


def test_every_catalogue_file_is_edited_here():
    """Every file the catalogue object reads has an edit above (a new file needs one too)."""
    shipped = {p.relative_to(CATALOGUE_DIR).as_posix() for spec in FILES.values()
               for p in catalogues_module._files_of(CATALOGUE_DIR, spec)}
    assert shipped == set(EDITS)


def read(out: Path, table: str) -> pd.DataFrame:
    return pd.read_parquet(out / f"{table}.parquet")


def effects(out: Path) -> dict[str, bool]:
    """file -> whether its edit shows in the dataset at ``out``."""
    mentions = read(out, "entity_mentions")
    variants = mentions[mentions["match"] == "variant"]
    mentions = mentions[mentions["match"] == "exact"]  # an alias edit shows as an exact match
    by_surface = dict(zip(mentions["surface"], mentions["entity_id"]))
    article = read(out, "articles").iloc[0]
    sentences = read(out, "sentences")
    texts = [article["text"][s:e] for s, e in zip(sentences["char_start"], sentences["char_end"])]
    dates = read(out, "date_mentions")
    return {
        "entities/people.yaml": by_surface.get("زيد البرتقالي") == "zaid_test",
        "entities/places.yaml": by_surface.get("زهرستان") == "zahrestan",
        "entities/places_geonames.yaml": by_surface.get("برتقال آباد") == "orange_abad",
        "entities/organisations.yaml": by_surface.get("منظمة البرتقال العالمية") == "orange_org",
        "entities/countries.yaml": by_surface.get("بلاد الأرز") == "lb",
        "entities/blockers.yaml": "موسكو" not in by_surface,
        "entities/context_rules.yaml": by_surface.get("الصين") == "tw",
        "aliases.csv": by_surface.get("طوقاييف") == "tokayev",
        "events.yaml": "orange_festival" in set(read(out, "event_mentions")["event_id"]),
        "themes.yaml": "plumbing" in set(read(out, "sentence_themes")["theme_id"]),
        "date_words.yaml": "2022-03-05" in set(dates["date_start"].astype(str)),
        "stopwords_extra.txt": "قرنفل" not in set(read(out, "vocabulary")["term"]),
        "outlets.csv": article["source"] == "Test Outlet",
        "latin_letter_names_ar.txt": any("زوو. دي. آي إن" in t for t in texts),
        "discovery_triggers.yaml": "نادين لبكي" in set(read(out, "candidates")["candidate"]),
        # a title word before an unseen spelling supports reading it as the name
        "entities/variant_context.yaml": "blinken" in set(variants["entity_id"]),
        # a person's name after the noun of a thing named after them is part of its name
        "entities/name_context.yaml": "بوتين" not in by_surface,
        "boilerplate.yaml": bool(sentences["is_boilerplate"].fillna(False).any()),
        "discovered_events.yaml": "new:meeting:tokayev:2022-03" in set(read(out, "event_mentions")["event_id"]),
        "story_linker.json": read(out, "event_mentions")["cue"].astype(str).str.startswith("story: ").any(),
        "name_finder.json": read(out, "entity_mentions")["alias"].astype(str).str.startswith("learned").any(),
    }


@pytest.fixture
def app_check(monkeypatch, tmp_path):
    """The app's freshness check (dashboard/app/data.py), pointed at this test's folders."""
    from dashboard.app import data

    def fresh(articles: Path, catalogues: Path, out: Path) -> bool:
        monkeypatch.setattr(data, "SEEDS_DIR", articles)
        monkeypatch.setattr(data, "CATALOGUE_DIR", catalogues)
        return data.is_fresh(out)

    return fresh


def test_each_catalogue_edit_makes_the_dataset_stale_and_takes_effect(tmp_path, app_check):
    cat = tmp_path / "catalogues"
    shutil.copytree(CATALOGUE_DIR, cat)
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a1.txt").write_text(ARTICLE, "utf-8")
    out = tmp_path / "ds"

    build([articles], out, cat, workers=1)
    assert not any(effects(out).values()), effects(out)  # the shipped catalogues know none of it
    assert not is_stale(out, [articles], cat) and app_check(articles, cat, out)

    for name, edit in EDITS.items():
        path = cat / name
        original = path.read_bytes()
        edit(path)
        assert is_stale(out, [articles], cat), f"editing {name} left the dataset fresh"
        assert not app_check(articles, cat, out), f"the app missed the edit of {name}"
        path.write_bytes(original)
        assert not is_stale(out, [articles], cat), name
        assert app_check(articles, cat, out), name

    for name, edit in EDITS.items():
        edit(cat / name)
    summary = build([articles], out, cat, workers=1)
    assert summary.processed == 1
    shown = effects(out)
    assert [name for name, ok in shown.items() if not ok] == []
    assert not is_stale(out, [articles], cat) and app_check(articles, cat, out)


def test_the_fingerprint_covers_the_data_libraries(monkeypatch):
    before = catalogue_fingerprint(CATALOGUE_DIR)
    assert load_catalogues(CATALOGUE_DIR).fingerprint == before
    real = catalogues_module.importlib.metadata.version
    monkeypatch.setattr(catalogues_module.importlib.metadata, "version",
                        lambda dist: "99.0" if dist == "babel" else real(dist))
    assert catalogue_fingerprint(CATALOGUE_DIR) != before  # upgrading Babel: stale


@pytest.mark.parametrize(("name", "content", "message"), [
    ("events.yaml", "events:\n  - id: x\n    name_ar: [unclosed\n", r"events\.yaml: line \d+: not valid YAML"),
    ("outlets.csv", "alias,name\nbbc,BBC,extra\n", r"outlets\.csv: line 2: 3 fields, the header has 2"),
    ("stopwords_extra.txt", b"\xff\xfe\x00bad", r"stopwords_extra\.txt: line 1: not UTF-8"),
    ("themes.yaml", "themes:\n  - {id: a, cues: [x]}\n  - {id: a, cues: [y]}\n", r"themes\.yaml: duplicate theme ids"),
    ("entities/people.yaml", "people:\n  - {id: Bad Id, name_ar: س, name_en: S}\n",
     r"entity id 'Bad Id' is not a lower-case ASCII slug"),
    ("events.yaml", "events:\n  - {id: x}\n", r"events\.yaml: missing key 'name_ar'"),
])
def test_a_bad_catalogue_file_is_named_and_stops_nothing_else(tmp_path, name, content, message):
    cat = tmp_path / "catalogues"
    shutil.copytree(CATALOGUE_DIR, cat)
    target = cat / name
    target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(CatalogueError, match=message):
        load_catalogues(cat)
    out = tmp_path / "ds"
    with pytest.raises(BuildError, match=message):
        build([tmp_path], out, cat, workers=1)
    assert not out.exists()


def test_a_missing_required_file_is_named(tmp_path):
    cat = tmp_path / "catalogues"
    shutil.copytree(CATALOGUE_DIR, cat)
    (cat / "events.yaml").unlink()
    with pytest.raises(CatalogueError, match="has no events.yaml"):
        load_catalogues(cat)


def test_the_object_is_read_only():
    cat = load_catalogues(CATALOGUE_DIR)
    with pytest.raises(TypeError):
        cat.raw["events"]["events"] = ()
    with pytest.raises(AttributeError):
        cat.events[0].cues[0].entities.append("x")
    with pytest.raises(AttributeError):  # frozen dataclass
        cat.folder = Path("/elsewhere")
