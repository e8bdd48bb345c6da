"""The analyst CLI: add-alias validates and appends to aliases.csv; show lists an entity's forms."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys

import pytest

from dashboard.catalogue import CatalogueError, add_alias, main, show
from dashboard.catalogues import load_catalogues
from dashboard.extract.entities import EntityMatcher
from dashboard.paths import CATALOGUE_DIR, REPO_ROOT
from dashboard.text.document import Doc


@pytest.fixture
def catalogue(tmp_path):
    """A private copy of the catalogue folder (the real aliases.csv is never touched)."""
    shutil.copytree(CATALOGUE_DIR, tmp_path / "cat")
    return tmp_path / "cat"


def rows(catalogue) -> list[dict]:
    with (catalogue / "aliases.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_added_alias_is_matched(catalogue):
    text = "التقى قاسم-جومارت طوقاييف بالوفد"  # a spelling the catalogue does not have
    before = EntityMatcher(load_catalogues(catalogue).entities).find(Doc.from_text("t", text))
    # found as an unseen spelling (variant key + the first names before it), not as an alias
    assert [(r["entity_id"], r["match"]) for r in before] == [("tokayev", "variant")]
    add_alias("tokayev", "قاسم-جومارت طوقاييف", catalogue_dir=catalogue)
    assert rows(catalogue)[-1] == {"entity_id": "tokayev", "alias": "قاسم-جومارت طوقاييف",
                                   "form": "name"}
    after = EntityMatcher(load_catalogues(catalogue).entities).find(Doc.from_text("t", text))
    assert [(r["entity_id"], r["surface"], r["match"]) for r in after] == [
        ("tokayev", "قاسم-جومارت طوقاييف", "exact")]


def test_adjective_alias_is_inflected(catalogue):
    add_alias("kz", "قزاقستاني", adjective=True, catalogue_dir=catalogue)
    found = EntityMatcher(load_catalogues(catalogue).entities).find(Doc.from_text("t", "الحكومة القزاقستانية"))
    assert [(r["entity_id"], r["form"]) for r in found] == [("kz", "adjective")]


def test_unknown_entity_is_refused(catalogue):
    with pytest.raises(CatalogueError, match="unknown entity"):
        add_alias("no_such_entity", "شيء", catalogue_dir=catalogue)
    assert rows(catalogue) == []


def test_alias_of_another_entity_is_refused(catalogue):
    # Folded, أستانة is already the capital's: it cannot become Tokayev's.
    with pytest.raises(CatalogueError, match="astana"):
        add_alias("tokayev", "استانه", catalogue_dir=catalogue)
    with pytest.raises(CatalogueError, match="blocker"):
        add_alias("the_west", "الجنوب الغربي", catalogue_dir=catalogue)
    with pytest.raises(CatalogueError, match="already an alias of 'putin'"):
        add_alias("putin", "بوتين", catalogue_dir=catalogue)
    assert rows(catalogue) == []


def test_show_lists_names_and_adjectives(catalogue):
    text = show("kz", catalogue_dir=catalogue)
    assert "كازاخستان / Kazakhstan" in text and "iso3: KAZ" in text
    assert "الكازاخستانيه" in text and "astana" in text  # an adjective form, a child


def test_main_exit_codes(catalogue, capsys):
    assert main(["--catalogue-dir", str(catalogue), "show", "astana"]) == 0
    assert "نور سلطان" in capsys.readouterr().out
    assert main(["--catalogue-dir", str(catalogue), "add-alias", "nobody", "x"]) == 1
    assert "unknown entity" in capsys.readouterr().err


def test_runs_as_a_module(catalogue):
    out = subprocess.run([sys.executable, "-m", "dashboard.catalogue", "--catalogue-dir",
                          str(catalogue), "show", "putin"], cwd=REPO_ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert "بوتين" in out
