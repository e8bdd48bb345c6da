"""One colour per outlet, theme and entity type on every page (app/palette.py): from the dataset's
sorted values, so a filter that leaves an outlet out repaints no other, and every chart that
colours by outlet, theme or type takes its colours from the palette."""

from __future__ import annotations

import json
import re

import pytest
from test_app_pages import run_page

from dashboard.analysis.sources import NO_THEME_ID
from dashboard.app import charts
from dashboard.app.i18n import type_name
from dashboard.app.palette import NO_THEME_COLOUR, PALETTE, palette
from dashboard.dataset import load_dataset
from dashboard.paths import REPO_ROOT

ISOLATES = "\u2066\u2067\u2068\u2069"


def plain(label: str) -> str:
    return label.strip(ISOLATES)


def trace_colours(at) -> list[tuple[str, str]]:
    """(label, colour) of every bar, marker and line drawn by the page's Plotly charts: a bar's
    label is its trace name (grouped bars) or its category (one trace with a colour per bar)."""
    out = []
    for el in at.get("plotly_chart"):
        for trace in json.loads(el.proto.spec)["data"]:
            colour = (trace.get("marker") or {}).get("color")
            if isinstance(colour, list):
                cats = trace.get("y") if trace.get("orientation") == "h" else trace.get("x")
                out += [(plain(str(c)), col) for c, col in zip(cats or [], colour)]
            elif isinstance(colour, str) and trace.get("name"):
                out.append((plain(trace["name"]), colour))
    return out


@pytest.fixture(scope="module")
def pal(app_dataset):
    ds = load_dataset(app_dataset)
    return ds, palette(ds)


def test_palette_follows_the_dataset_not_the_view(pal):
    ds, p = pal
    outlets = sorted(ds.ix.sources)
    assert [p.outlet(o) for o in outlets] == list(PALETTE[:len(outlets)])
    themes = sorted(ds.themes["theme_id"])
    assert [p.theme(t) for t in themes] == [PALETTE[i % len(PALETTE)] for i in range(len(themes))]
    assert p.theme(NO_THEME_ID) == NO_THEME_COLOUR and NO_THEME_COLOUR not in PALETTE
    assert palette(ds) is p  # once per dataset


def test_two_filter_selections_give_an_outlet_and_a_theme_the_same_colour(make_app, pal):
    """Sources page with every outlet, then without the first one (alphabetically): the others
    keep their colours (taken from the outlets present, each would move one colour up)."""
    ds, p = pal
    outlets = sorted(ds.ix.sources)
    every = dict(trace_colours(run_page(make_app(), "sources")))
    rest = outlets[1:]
    narrowed = dict(trace_colours(run_page(make_app(sources=",".join(rest)), "sources")))
    assert outlets[0] in every and outlets[0] not in narrowed
    for outlet in rest:
        if outlet in narrowed:
            assert narrowed[outlet] == every[outlet] == p.outlet(outlet)
    theme_names = dict(zip(ds.themes["theme_id"], ds.themes["name_ar"]))
    shared = [t for t, name in theme_names.items() if name in every and name in narrowed]
    assert shared
    for t in shared:
        assert every[theme_names[t]] == narrowed[theme_names[t]] == p.theme(t)


@pytest.mark.parametrize("page, kinds", [("sources", {"outlets", "themes"}),
                                         ("entities", {"outlets", "types"}), ("timeline", {"outlets"})])
def test_every_chart_colours_outlets_themes_and_types_from_the_palette(make_app, pal, page, kinds):
    """Each chart's outlet, theme and type labels (only the kinds the page groups by: a
    distinctive word can read like a type name) carry the palette's colour."""
    ds, p = pal
    expected = {o: p.outlet(o) for o in ds.ix.sources}
    if "themes" in kinds:
        expected |= {name: p.theme(t) for t, name in zip(ds.themes["theme_id"], ds.themes["name_ar"])}
    if "types" in kinds:
        expected |= {type_name(ty, "ar"): p.entity_type(ty) for ty in ds.entities["type"].dropna().unique()}
    drawn = [(label, colour) for label, colour in trace_colours(run_page(make_app(), page))
             if label in expected]
    assert drawn, f"{page}: no chart coloured by outlet, theme or entity type"
    wrong = [(label, colour, expected[label]) for label, colour in drawn if colour != expected[label]]
    assert not wrong, wrong


def test_no_page_or_chart_chooses_its_own_colours():
    """Colours of outlets, themes and types come only from app/palette.py: no page indexes the
    palette or makes a colour map, and the charts that group by them require the palette's."""
    code = {path.name: path.read_text("utf-8") for path in (REPO_ROOT / "dashboard" / "app" / "pages").glob("*.py")}
    code["charts.py"] = (REPO_ROOT / "dashboard" / "app" / "charts.py").read_text("utf-8")
    for name, text in code.items():
        assert not re.search(r"PALETTE\[|colour_map|theme_colours|#[0-9A-Fa-f]{6}\b.*source", text), name
    import pandas as pd
    with pytest.raises(ValueError, match="palette"):
        charts.grouped_hbar(pd.DataFrame({"l": ["a"], "v": [1.0], "g": ["x"]}), "l", "v", "g", "en", "t", "x")

