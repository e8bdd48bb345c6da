"""Every analysis function on the real build of the five seeds: no exception, sane numbers,
exact offsets. Guards the analysis against drift in what the build writes."""

from __future__ import annotations

import re

import pytest

from dashboard.analysis import concordance, entities, geo, overview, sources, timeline, words
from dashboard.analysis.filters import Filters, select
from dashboard.dataset import load_dataset


@pytest.fixture(scope="module")
def seeds(seeds_dataset):
    return load_dataset(seeds_dataset)


def calls(ds, sel):
    first = sel.article_ids[0] if sel.article_ids else ""
    return {
        "headline": lambda: overview.headline(ds, sel),
        "article_table": lambda: overview.article_table(ds, sel),
        "highlights": lambda: overview.highlights(ds, first)[0],
        "event_counts": lambda: timeline.event_counts(ds, sel),
        "event_sentences": lambda: timeline.event_sentences(ds, sel, "kz_unrest_2022"),
        "entity_counts": lambda: entities.entity_counts(ds, sel, roll_up_cities=True),
        "entity_by_source": lambda: entities.entity_by_source(ds, sel, ["kz", "ru"]),
        "cooccurrence": lambda: entities.cooccurrence(ds, sel)[1],
        "source_volume": lambda: sources.source_volume(ds, sel),
        "theme_shares": lambda: sources.theme_shares(ds, sel),
        "entity_rates": lambda: sources.entity_rates(ds, sel),
        "distinctive_terms": lambda: sources.distinctive_terms(ds, sel),
        "term_frequencies": lambda: words.term_frequencies(ds, sel),
        "kwic": lambda: concordance.kwic(ds, sel, "كازاخستان"),
        "country_mentions": lambda: geo.country_mentions(ds, sel),
    }


def test_everything_has_numbers_without_filters(seeds):
    for name, fn in calls(seeds, select(seeds, Filters())).items():
        out = fn()
        assert (len(out) > 0) if not isinstance(out, dict) else out["articles"] == 5, name


def test_impossible_filter_gives_empty_frames(seeds):
    sel = select(seeds, Filters(keyword="كلمةغيرموجودةأبدا"))
    assert sel.n_articles == 0
    for name, fn in calls(seeds, sel).items():
        out = fn()
        if isinstance(out, dict):
            assert out["articles"] == 0
        elif name != "highlights":
            assert out.empty and len(out.columns) >= 3, name


def test_keyword_forms_on_real_text(seeds):
    plain = select(seeds, Filters(keyword="كازاخستان"))
    derived = select(seeds, Filters(keyword="كازاخستان", keyword_derived=True))
    assert plain.n_articles == 5 and derived.n_articles == 5
    sel = select(seeds, Filters())
    k_plain = concordance.kwic(seeds, sel, "كازاخستان")
    k_derived = concordance.kwic(seeds, sel, "كازاخستان", derived=True)
    assert len(k_derived) > len(k_plain) > 50
    assert any(m.startswith("كازاخستاني") for m in k_derived["match"])
    texts = dict(zip(seeds.ix.article_ids, seeds.text_column("text").to_pylist()))
    for r in k_derived.itertuples():
        assert texts[r.article_id][r.char_start:r.char_end] == r.match


def test_reader_is_escaped_and_lossless(seeds):
    from dashboard.app.reader import reader_html

    aid = seeds.articles["article_id"].iloc[0]
    out = reader_html(seeds, aid, "ar").html
    assert "<mark class=\"ent\"" in out
    text = seeds.article_text(0)
    plain = re.sub(r"<[^>]+>", "", out)
    import html
    assert html.unescape(plain).replace(" ", "").replace("\n", "") == \
        text.replace(" ", "").replace("\n", "")


def test_an_untitled_article_is_shown_by_its_opening_words(seeds):
    table = overview.article_table(seeds, select(seeds, Filters()))
    untitled = table.set_index("article_id").loc["002_7b53a6053af83644", "title"]
    assert untitled.startswith("أصبحت كازاخستان الآن") and untitled.endswith("…")
    assert len(untitled.split()) == 8
    assert (table["title"].str.len() > 0).all()
    k = concordance.kwic(seeds, select(seeds, Filters()), "كازاخستان")
    assert (k[k["article_id"] == "002_7b53a6053af83644"]["title"] == untitled).all()


@pytest.mark.parametrize(("query", "derived"), [("التي", False), ("الولايات المتحدة", False),
                                                ("آسيا الوسطى", True), ("2022", False)])
def test_kwic_over_candidates_equals_kwic_over_confirmed_articles(seeds, query, derived):
    everything = select(seeds, Filters())
    confirmed = select(seeds, Filters(keyword=query, keyword_derived=derived))
    assert confirmed.n_articles > 0
    for limit in (3, 500):
        fast = concordance.kwic(seeds, everything, query, derived=derived, limit=limit)
        assert fast.equals(concordance.kwic(seeds, confirmed, query, derived=derived, limit=limit))
        assert len(fast) == min(limit, len(fast)) and len(fast) > 0
