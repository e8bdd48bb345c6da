"""The analyst's loop: add an alias with the CLI, rebuild, and the new spelling is counted."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd

from dashboard.paths import CATALOGUE_DIR, REPO_ROOT
from dashboard.pipeline.run import build, is_stale

NEW_SPELLING = "طوقاييف"  # Tokayev with taa and qaf: a spelling the catalogue does not hold


def test_added_alias_is_picked_up_by_the_next_build(tmp_path):
    catalogues = tmp_path / "catalogues"
    shutil.copytree(CATALOGUE_DIR, catalogues)
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a1.txt").write_text(
        f"زيارة رسمية\nاستقبل الرئيس {NEW_SPELLING} وزير الخارجية الروسي في أستانا.\n", "utf-8")
    out = tmp_path / "ds"

    build([articles], out, catalogues, workers=1)
    mentions = pd.read_parquet(out / "entity_mentions.parquet")
    # after the title الرئيس the spelling is read as Tokayev, but as a variant to review
    assert list(mentions.loc[mentions["surface"] == NEW_SPELLING, "match"]) == ["variant"]
    assert "astana" in set(mentions["entity_id"])

    cli = subprocess.run(
        [sys.executable, "-m", "dashboard.catalogue", "--catalogue-dir", str(catalogues),
         "add-alias", "tokayev", NEW_SPELLING],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
    )
    assert cli.returncode == 0, cli.stderr
    assert is_stale(out, [articles], catalogues)

    build([articles], out, catalogues, workers=1)
    mentions = pd.read_parquet(out / "entity_mentions.parquet")
    hit = mentions[mentions["surface"] == NEW_SPELLING]
    assert list(zip(hit["entity_id"], hit["match"])) == [("tokayev", "exact")]
    # the same alias cannot be given to a second entity
    again = subprocess.run(
        [sys.executable, "-m", "dashboard.catalogue", "--catalogue-dir", str(catalogues),
         "add-alias", "putin", NEW_SPELLING],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
    )
    assert again.returncode != 0 and "tokayev" in (again.stderr + again.stdout)
