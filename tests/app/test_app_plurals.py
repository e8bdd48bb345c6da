"""Arabic counts in their CLDR plural forms (1, 2, 3-10, 11-99, 100) in the page's provenance
line, on a dataset with outlets of 1, 2, 3, 11 and 83 articles (100 in all). The line is text the
server writes, so AppTest reads it as a reader would."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_synthetic import APP, TIMEOUT
from streamlit.testing.v1 import AppTest

from dashboard.app.i18n import plural
from dashboard.paths import CATALOGUE_DIR, DATASET_ENV_VAR

OUTLETS = {"مصدر واحد": 1, "مصدر اثنان": 2, "مصدر ثلاثة": 3, "مصدر أحد عشر": 11, "مصدر كبير": 83}
PLACES = ["أستانا", "موسكو", "بكين", "ألماتي", "طشقند", "بيشكيك", "دوشنبه", "القاهرة", "الرياض",
          "دبي", "عمان"]


def write_counts_articles(folder: Path) -> Path:
    """100 short distinct articles: the outlets of ``OUTLETS``, one a day from 2022-01-01."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for outlet, count in OUTLETS.items():
        for _ in range(count):
            day = f"2022-{1 + n // 28:02d}-{1 + n % 28:02d}"
            place = PLACES[n % len(PLACES)]
            text = (f"عقد الوفد رقم {n + 1} اجتماعه في {place} لبحث التعاون الاقتصادي. "
                    f"وقال المتحدث إن اللقاء {n + 1} تناول التجارة والطاقة.\n")
            (folder / f"a{n:03d}.txt").write_text(
                f"title: اجتماع رقم {n + 1}\nsource: {outlet}\ndate: {day}\n---\n{text}",
                encoding="utf-8")
            n += 1
    return folder


@pytest.fixture(scope="module")
def counts_dataset(tmp_path_factory) -> Path:
    from dashboard.pipeline.run import build

    root = tmp_path_factory.mktemp("counts")
    build([write_counts_articles(root / "inputs")], root / "counts", CATALOGUE_DIR, workers=1)
    return root / "counts"


def basis_line(at: AppTest) -> str:
    return next(c.value for c in at.caption if c.value.startswith("أساس الأرقام"))


@pytest.mark.parametrize("outlet, n", [(None, 100), *((o, n) for o, n in OUTLETS.items() if n != 83)])
def test_arabic_counts_take_their_plural_forms(counts_dataset, monkeypatch, outlet, n):
    monkeypatch.setenv(DATASET_ENV_VAR, str(counts_dataset))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if outlet:
        at.query_params["sources"] = outlet
    at.run()
    assert not at.exception
    assert plural(n, "article", "ar") in basis_line(at), (n, basis_line(at))


def test_the_plural_forms_spelled_out():
    assert [plural(n, "article", "ar") for n in (1, 2, 3, 11, 100)] == [
        "مقالة واحدة", "مقالتان", "3 مقالات", "11 مقالة", "100 مقالة"]
