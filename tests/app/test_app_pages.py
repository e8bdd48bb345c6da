"""AppTest: every page renders on the dataset, filters change the numbers, the URL restores the
state, impossible filters give the empty-state sentence, and the reader escapes HTML."""

from __future__ import annotations

import json
import re

import pytest

from dashboard.app.i18n import column_label, number, parse_count, plural, t
from dashboard.app.page import PAGES as PAGE_SPECS
from dashboard.app.page import page_file

PAGES = [p.name for p in PAGE_SPECS]
CHART_PAGES = ["timeline", "entities", "sources", "map"]
BASIS_EN = re.compile(r"on (\d[\d,]*|1) articles? and (\d[\d,]*) sentences?")


def run_page(at, name: str):
    at.run()
    if name != "overview":
        at.switch_page(page_file(name))
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def basis_numbers(at, lang: str = "ar") -> tuple[int, int]:
    """(articles, sentences) from the first provenance caption of the page (counts read back
    from their plural phrases: "مقالة واحدة" is 1, "مقالتان" 2)."""
    lead = t("basis", lang, articles="", sentences="").split(":")[0].split("{")[0][:12]
    for caption in at.caption:
        if caption.value.startswith(lead):
            articles = parse_count(caption.value, "article", lang)
            sentences = parse_count(caption.value, "sentence", lang)
            if articles is not None and sentences is not None:
                return articles, sentences
    raise AssertionError(f"no provenance caption among {[c.value for c in at.caption]}")


def plotly_specs(at) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def infos(at) -> list[str]:
    return [i.value for i in at.info]


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_and_says_what_its_numbers_come_from(make_app, name):
    at = run_page(make_app(), name)
    articles, sentences = basis_numbers(at)
    assert articles == 6 and sentences > 100
    assert not at.error


@pytest.mark.parametrize("name", CHART_PAGES)
def test_chart_pages_draw_plotly_figures_with_isolated_arabic_labels(make_app, name):
    at = run_page(make_app(), name)
    specs = plotly_specs(at)
    assert specs, f"{name} drew no chart"
    for spec in specs:
        title = spec["layout"]["title"]["text"]
        assert title.startswith("\u2067") and title.endswith("\u2069")
        assert spec["layout"]["title"]["x"] == 1


def test_source_filter_changes_the_numbers_and_is_written_to_the_url(make_app):
    at = run_page(make_app(), "overview")
    assert basis_numbers(at)[0] == 6
    at.multiselect(key="f_sources").set_value(["Al Jazeera"]).run()
    assert basis_numbers(at)[0] == 2
    assert at.query_params["sources"] in ("Al Jazeera", ["Al Jazeera"])
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("m_articles", "ar")] == "2"


def test_url_restores_the_filters(make_app):
    at = make_app(sources="RT Arabic", entities="putin")
    run_page(at, "entities")
    assert at.multiselect(key="f_sources").value == ["RT Arabic"]
    assert at.multiselect(key="f_entities").value == ["putin"]
    articles, _ = basis_numbers(at)
    assert 0 < articles < 6


def test_junk_in_the_url_is_ignored(make_app):
    at = make_app(sources="No Such Outlet", date_from="yesterday", themes="", lang="xx")
    run_page(at, "overview")
    assert at.multiselect(key="f_sources").value == []
    assert basis_numbers(at)[0] == 6


def test_keyword_filter_understands_attached_prefixes(make_app):
    # The only article of December 2021 writes وروسيا, never روسيا alone.
    at = run_page(make_app(keyword="روسيا", date_to="2021-12-31"), "overview")
    assert basis_numbers(at)[0] == 1
    at = run_page(make_app(keyword="قشطبليزغ", date_to="2021-12-31"), "overview")
    assert basis_numbers(at)[0] == 0


@pytest.mark.parametrize("name", PAGES)
def test_an_impossible_filter_says_so_in_words(make_app, name):
    at = run_page(make_app(keyword="قشطبليزغ"), name)
    assert basis_numbers(at)[0] == 0
    assert t("empty", "ar") in infos(at)
    assert not plotly_specs(at) and not at.get("image")
    assert t("drawing", "ar") not in infos(at)
    assert "keyword" in at.query_params  # the URL is kept even when a page stops early


def test_reset_restores_everything(make_app):
    at = run_page(make_app(sources="Sputnik", keyword="روسيا"), "overview")
    assert basis_numbers(at)[0] == 1
    at.button[0].click().run()  # the sidebar's only button is the reset
    assert basis_numbers(at)[0] == 6
    assert at.multiselect(key="f_sources").value == []
    assert "sources" not in at.query_params and "keyword" not in at.query_params


def test_reader_escapes_script_in_untrusted_text(make_app):
    at = run_page(make_app(), "overview")
    at.selectbox(key="reader_article").set_value("hostile").run()
    html = [h.proto.body for h in at.get("html") if 'class="kz-reader"' in h.proto.body]
    assert len(html) == 1
    assert "&lt;script&gt;" in html[0] and "<script>" not in html[0]
    assert "&lt;b&gt;" in html[0]
    assert '<mark class="ent"' in html[0]
    # hover titles name the entity type in the interface language
    assert "(دولة)" in html[0] and "(country)" not in html[0]


def test_reader_opens_the_article_named_in_the_url(make_app):
    at = run_page(make_app(article="hostile"), "overview")
    assert at.selectbox(key="reader_article").value == "hostile"


def test_english_interface(make_app):
    at = run_page(make_app(lang="en"), "sources")
    assert at.title[0].value == t("app_title", "en")
    assert BASIS_EN.search(" ".join(c.value for c in at.caption))
    spec = plotly_specs(at)[0]
    assert spec["layout"]["title"]["x"] == 0 and "\u2067" not in spec["layout"]["title"]["text"]


def test_language_switch_is_kept_in_the_url(make_app):
    at = run_page(make_app(), "overview")
    at.radio(key="lang").set_value("en").run()
    assert at.query_params["lang"] in ("en", ["en"])
    assert at.header[0].value == t("page_overview", "en")


def test_timeline_shows_each_outlets_sentences_for_the_chosen_event(make_app):
    at = run_page(make_app(), "timeline")
    at.selectbox(key="timeline_event").set_value("kz_unrest_2022").run()
    blocks = [h.proto.body for h in at.get("html") if 'class="kz-source' in h.proto.body]
    assert len(blocks) >= 2  # several outlets, side by side
    assert any("يناير" in b for b in blocks)


def test_entity_switches_change_the_counts(make_app):
    at = run_page(make_app(), "entities")
    bars = plotly_specs(at)[0]["data"][0]
    with_adjectives = dict(zip(bars["customdata"], bars["x"]))
    at.toggle(key="ent_adjectives").set_value(False).run()
    bars = plotly_specs(at)[0]["data"][0]
    without = dict(zip(bars["customdata"], bars["x"]))
    assert without["ru"] < with_adjectives["ru"]


def test_concordance_highlights_matches_and_escapes(make_app):
    at = run_page(make_app(), "concordance")
    at.text_input(key="kwic_query").input("أستانا").run()
    lines = [h.proto.body for h in at.get("html") if 'class="kz-kwic"' in h.proto.body]
    assert lines and "<mark>" in lines[0]
    assert "<b>" not in lines[0].replace("<mark>", "")


def test_sessions_with_the_same_filters_share_the_cloud_and_others_get_their_own(make_app, monkeypatch):
    """Three analysts: two with the same filters (the second draws nothing), one with another
    outlet chosen (its own cloud, drawn once)."""
    from dashboard.app import clouds

    drawn: list[tuple] = []
    real = clouds.wordcloud_png

    def counting(freqs, width, height, seed):
        drawn.append(tuple(sorted(freqs.items())))
        return real(freqs, width, height, seed)

    monkeypatch.setattr(clouds, "wordcloud_png", counting)
    clouds.cloud_png.clear()
    first = run_page(make_app(), "words")
    second = run_page(make_app(), "words")
    assert len(drawn) == 1
    assert first.get("image")[0].proto.imgs[0].url and second.get("image")
    third = run_page(make_app(sources="RT Arabic"), "words")
    assert len(drawn) == 2 and drawn[0] != drawn[1] and third.get("image")
    run_page(make_app(sources="RT Arabic"), "words")
    clouds.cloud_png.clear()
    assert len(drawn) == 2


def test_words_page_draws_per_outlet_clouds_only_on_demand(make_app, monkeypatch):
    from dashboard.app import clouds

    drawn: list[tuple[int, int]] = []
    real = clouds.wordcloud_png

    def counting(freqs, width, height, seed):
        drawn.append((width, height))
        return real(freqs, width, height, seed)

    monkeypatch.setattr(clouds, "wordcloud_png", counting)
    clouds.cloud_png.clear()
    at = run_page(make_app(), "words")
    assert len(at.get("image")) == 1 and drawn == [(900, 500)]  # the selection's cloud alone
    assert at.expander[0].label == t("cloud_per_source", "ar")
    labels = [b.proto.label for b in at.get("download_button")]
    assert t("download_png", "ar") in labels and t("download_csv", "ar") in labels
    at.session_state["words_outlets"] = True  # the analyst opens "one cloud per outlet"
    at.run()
    assert not at.exception
    assert len(at.get("image")) == 5  # the whole selection + one per outlet (4 in the seeds)
    assert drawn.count((900, 500)) == 1 and drawn.count((600, 380)) == 4  # the first one reused
    at.session_state["words_outlets"] = False
    at.run()
    assert len(at.get("image")) == 1 and len(drawn) == 5
    clouds.cloud_png.clear()


def test_a_missing_shipped_dataset_is_built_on_start(tmp_path, monkeypatch):
    """No dataset at the default path: the app builds the seeds there (same build code)."""
    from streamlit.testing.v1 import AppTest

    from dashboard import paths
    from dashboard.app import data
    from dashboard.paths import DATASET_ENV_VAR

    target = tmp_path / "seeds"
    monkeypatch.delenv(DATASET_ENV_VAR, raising=False)
    monkeypatch.setattr(paths, "DEFAULT_DATASET_DIR", target)
    monkeypatch.setattr(data, "DEFAULT_DATASET_DIR", target)
    data._checked_fresh.clear()
    at = AppTest.from_file(str(paths.REPO_ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert (target / "build_info.json").exists()
    assert basis_numbers(at)[0] == 5  # the five seeds


def test_a_missing_custom_dataset_is_named_not_raised(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from dashboard.paths import DATASET_ENV_VAR, REPO_ROOT

    monkeypatch.setenv(DATASET_ENV_VAR, str(tmp_path / "nowhere"))
    at = AppTest.from_file(str(REPO_ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    assert not at.exception
    assert "nowhere" in at.error[0].value


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_untitled_article_shows_its_opening_words(make_app, lang):
    at = run_page(make_app(lang=lang), "overview")
    titles = at.dataframe[0].value[column_label("title", lang)].tolist()
    assert all(isinstance(x, str) and x.strip() for x in titles)
    untitled = [x for x in titles if x.startswith("أصبحت كازاخستان الآن")]
    assert len(untitled) == 1 and untitled[0].endswith("…")
    assert "News" not in titles  # seed 003's title comes from its header, not its first line


def test_copies_are_folded_by_default_and_the_switch_counts_them(make_app):
    at = make_app(lang="en").run()
    basis = " ".join(c.value for c in at.caption)
    assert "Numbers based on 6 articles" in basis and "1 copy of stories already counted left out" in basis
    assert "copies" not in at.query_params
    at.toggle(key="f_copies").set_value(True).run()
    basis = " ".join(c.value for c in at.caption)
    assert "Numbers based on 7 articles" in basis and "left out" not in basis
    assert at.query_params["copies"] == "1"
    # the link restores it
    again = make_app(lang="en", copies="1").run()
    assert again.toggle(key="f_copies").value is True
    assert "Numbers based on 7 articles" in " ".join(c.value for c in again.caption)


def test_subtitle_and_partial_dates_come_from_the_dataset(make_app):
    at = make_app(lang="en").run()
    captions = [c.value for c in at.caption]
    # the app's dataset spans 2021-12 to 2023-03 (its copy of 2023-04 is folded)
    assert "Between Russia, China and the West, 2021–2023" in captions
    # the subtitle is drawn once, nothing else: no stray object rendered by Streamlit's magic
    assert not at.get("help")


def test_capped_term_table_says_the_true_total_and_exports_it(make_app, app_dataset):
    from dashboard.analysis.filters import Filters, select
    from dashboard.analysis.words import term_frequencies
    from dashboard.dataset import load_dataset

    ds = load_dataset(app_dataset)
    total = len(term_frequencies(ds, select(ds, Filters()), top_n=None))
    at = make_app(lang="en").switch_page("dashboard/app/pages/words.py").run()
    captions = " ".join(c.value for c in at.caption)
    assert total > 150 and f"Showing the first 150 of {total:,} terms" in captions
    shown = [df for df in at.dataframe if len(df.value) == 150]
    assert shown, "the term table shows its first 150 rows"


def test_timeline_folds_away_catalogue_events_the_articles_never_name(make_app):
    """Events outside the articles' period: those mentioned are listed, the catalogue's unmentioned
    ones (a long list of zeros on a phone) sit in a closed expander."""
    at = run_page(make_app(lang="en"), "timeline")
    lead = t("timeline_unmentioned", "en", n="").strip().split()[0]
    folded = [e for e in at.expander if lead in e.label]
    assert len(folded) == 1
    inside = [h.proto.body for h in folded[0].get("html")]
    assert inside and all(": 0 mentions</li>" in li or "</li>" not in li
                          for body in inside for li in body.split("<li>")[1:])
    open_lists = [h.proto.body for h in at.main.get("html") if "<li>" in h.proto.body
                  and h.proto.body not in inside]
    for body in open_lists:
        assert ": 0 mentions" not in body


def test_unreviewed_persons_are_marked_and_can_be_hidden(app_dataset, tmp_path, monkeypatch):
    """A person the catalogue does not know yet (provisional id new:..., found after a title) is
    named with the mark "unreviewed" in the entity chart; the page's switch leaves it out."""
    import shutil

    import pandas as pd
    from app_synthetic import APP, TIMEOUT
    from streamlit.testing.v1 import AppTest

    from dashboard.paths import DATASET_ENV_VAR

    folder = tmp_path / "dataset"
    shutil.copytree(app_dataset, folder)
    for name in ("entities", "entity_mentions"):  # Putin, as if the catalogue did not know him
        df = pd.read_parquet(folder / f"{name}.parquet")
        df["entity_id"] = df["entity_id"].replace({"putin": "new:fladymyr_bwtyn"})
        df.to_parquet(folder / f"{name}.parquet")
    info = json.loads((folder / "build_info.json").read_text("utf-8"))  # another dataset: its own
    info["version"] = f"{info['version']}-unreviewed"                     # cache entries
    (folder / "build_info.json").write_text(json.dumps(info), "utf-8")
    monkeypatch.setenv(DATASET_ENV_VAR, str(folder))
    at = run_page(AppTest.from_file(APP, default_timeout=TIMEOUT), "entities")
    bars = plotly_specs(at)[0]["data"][0]
    labels = dict(zip(bars["customdata"], bars["y"]))
    assert f"({t('mark_unreviewed', 'ar')})" in labels["new:fladymyr_bwtyn"]  # inside bidi isolates
    at.toggle(key="ent_unreviewed").set_value(False).run()
    assert not at.exception
    bars = plotly_specs(at)[0]["data"][0]
    assert "new:fladymyr_bwtyn" not in bars["customdata"] and "ru" in bars["customdata"]


def test_discovered_events_are_marked_unreviewed_and_can_be_hidden(app_dataset, tmp_path, monkeypatch):
    """An event the build discovered (id new:..., not in the catalogue) is on the timeline with the
    mark "unreviewed" and a ring of its own colour, in the event picker and the sidebar's event
    filter; the timeline shows it only with its switch on (?unreviewed=1)."""
    import shutil

    import pandas as pd
    from app_synthetic import APP, TIMEOUT
    from streamlit.testing.v1 import AppTest

    from dashboard.app.palette import UNREVIEWED_COLOUR
    from dashboard.paths import DATASET_ENV_VAR

    folder = tmp_path / "dataset"
    shutil.copytree(app_dataset, folder)
    new = "new:protests:kz:2022-01"
    for name in ("events", "event_mentions"):  # the January unrest, as if the catalogue lacked it
        df = pd.read_parquet(folder / f"{name}.parquet")
        df["event_id"] = df["event_id"].replace({"kz_unrest_2022": new})
        df.to_parquet(folder / f"{name}.parquet")
    info = json.loads((folder / "build_info.json").read_text("utf-8"))
    info["version"] = f"{info['version']}-discovered"
    (folder / "build_info.json").write_text(json.dumps(info), "utf-8")
    monkeypatch.setenv(DATASET_ENV_VAR, str(folder))
    at = run_page(AppTest.from_file(APP, default_timeout=TIMEOUT), "timeline")
    points = [d for d in plotly_specs(at)[0]["data"] if d.get("mode") == "markers"][0]
    others = list(points["customdata"])  # off by default: the catalogue's events only
    assert new not in others and others
    at.toggle(key="timeline_unreviewed").set_value(True).run()
    assert not at.exception and at.query_params.get("unreviewed") in ("1", ["1"])
    points = [d for d in plotly_specs(at)[0]["data"] if d.get("mode") == "markers"][0]
    labels = dict(zip(points["customdata"], points["y"]))
    assert f"({t('mark_unreviewed', 'ar')})" in labels[new]
    ring = dict(zip(points["customdata"], points["marker"]["line"]["color"]))
    assert ring[new] == UNREVIEWED_COLOUR and all(ring[e] != UNREVIEWED_COLOUR for e in others)
    picker = at.selectbox(key="timeline_event")
    assert new in picker.options or any(t("mark_unreviewed", "ar") in o for o in picker.options)
    assert new in at.multiselect(key="f_events").options or any(
        t("mark_unreviewed", "ar") in o for o in at.multiselect(key="f_events").options)
    at.toggle(key="timeline_unreviewed").set_value(False).run()
    assert not at.exception
    points = [d for d in plotly_specs(at)[0]["data"] if d.get("mode") == "markers"][0]
    assert new not in points["customdata"] and set(others) <= set(points["customdata"])
    assert not at.query_params.get("unreviewed")
    # the Overview's Events card counts the catalogue's events, as the timeline draws by default
    from dashboard.analysis.filters import Filters, select
    from dashboard.analysis.overview import headline
    from dashboard.dataset import load_dataset
    ds = load_dataset(folder)
    head = headline(ds, select(ds, Filters()))
    at = run_page(AppTest.from_file(APP, default_timeout=TIMEOUT), "overview")
    card = [m for m in at.metric if m.label == t("m_events", "ar")][0]
    n_new = head["events_unreviewed"]
    assert n_new >= 1 and card.value == number(head["events"] - n_new, "ar")
    assert t("m_events_unreviewed", "ar", n=plural(n_new, "event", "ar")) == card.help


def test_articles_table_has_no_link_column_when_no_article_has_an_address(make_app):
    at = run_page(make_app(lang="en"), "overview")
    assert column_label("title", "en") in at.dataframe[0].value.columns
    assert column_label("url", "en") not in at.dataframe[0].value.columns
