"""AppTest: the sidebar's dataset picker lists the built datasets with their articles, outlets
and period, keeps the choice in the URL, resets the old dataset's filters, and shows a dataset's
licence and citation (escaped) wherever it is open."""

from __future__ import annotations

import json
import shutil

import pytest
from streamlit.testing.v1 import AppTest
from test_app_pages import basis_numbers

from dashboard.app.i18n import plural
from dashboard.paths import DATASET_ENV_VAR, DEFAULT_DATASET_DIR, REPO_ROOT

APP = str(REPO_ROOT / "streamlit_app.py")


@pytest.fixture
def demo_copy(app_dataset, tmp_path, monkeypatch):
    """The synthetic dataset under another name, with an about.json holding hostile text."""
    folder = tmp_path / "hostile-demo"
    shutil.copytree(app_dataset, folder)
    (folder / "about.json").write_text(json.dumps({
        "name": {"ar": "عرض <b>تجريبي</b>", "en": "Demo <b>set</b>"},
        "corpus": "Test corpus", "licence": "Apache-2.0",
        "citation": "Someone (2021) <script>alert(1)</script> [link](http://example.com)"}),
        encoding="utf-8")
    monkeypatch.setenv(DATASET_ENV_VAR, str(folder))
    return folder


def start(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_picker_lists_each_dataset_with_articles_outlets_and_period(demo_copy):
    at = start()
    box = at.selectbox(key="dataset")
    assert box.value == "hostile-demo"  # what --data / the environment asked for
    seeds = next(o for o in box.options if "(seeds)" in o)
    assert plural(5, "article", "ar") in seeds
    label = next(o for o in box.options if "<b>تجريبي</b>" in o)
    assert plural(6, "article", "ar") in label and plural(4, "outlet", "ar") in label
    assert "\u20662021-12-01 – 2023-03-15\u2069" in label


def test_choosing_a_dataset_is_kept_in_the_url_and_resets_filters(demo_copy):
    at = start(sources="RT Arabic")
    assert basis_numbers(at)[0] < 6
    at.selectbox(key="dataset").set_value("seeds").run()
    assert not at.exception
    assert at.query_params["dataset"] in ("seeds", ["seeds"])
    assert "sources" not in at.query_params  # the old dataset's filters are gone
    assert basis_numbers(at)[0] == 5  # the five seeds
    at.selectbox(key="dataset").set_value("hostile-demo").run()
    assert "dataset" not in at.query_params  # the default is not written
    assert basis_numbers(at)[0] == 6


def test_a_link_opens_the_dataset_it_names(demo_copy):
    at = start(dataset="seeds", lang="en")
    assert at.selectbox(key="dataset").value == "seeds"
    assert basis_numbers(at, "en")[0] == 5
    junk = start(dataset="../../etc")
    assert junk.selectbox(key="dataset").value == "hostile-demo"


def test_licence_and_citation_are_shown_escaped(demo_copy):
    at = start()
    bodies = [h.proto.body for h in at.get("html")]
    about = [b for b in bodies if 'class="kz-about"' in b]
    assert len(about) == 1 and "Apache-2.0" in about[0] and "Someone (2021)" in about[0]
    assert "<script>" not in about[0] and "&lt;script&gt;" in about[0]
    subtitle = [b for b in bodies if 'class="kz-subtitle"' in b]
    assert subtitle and "&lt;b&gt;" in subtitle[0]


def test_the_seeds_have_no_citation_line(monkeypatch):
    monkeypatch.setenv(DATASET_ENV_VAR, str(DEFAULT_DATASET_DIR))
    at = start(dataset="seeds")
    assert not [h for h in at.get("html") if 'class="kz-about"' in h.proto.body]


def test_unknown_page_names_only_pages_that_do_not_exist():
    from dashboard.app.page import unknown_page

    assert unknown_page("http://host:8501/") is None
    assert unknown_page("http://host:8501/timeline?lang=en") is None
    assert unknown_page("https://x.streamlit.app/base/sources") is None
    assert unknown_page("http://host:8501/Overview_old") == "Overview_old"
    assert unknown_page(None) is None


def test_an_unreadable_dataset_says_how_to_rebuild_it(app_dataset, tmp_path, monkeypatch):
    folder = tmp_path / "broken-demo"
    shutil.copytree(app_dataset, folder)
    (folder / "entity_mentions.parquet").write_bytes(b"not parquet")
    (folder / "about.json").write_text(json.dumps({"command": "python -m dashboard.demo --corpus X"}),
                                       encoding="utf-8")
    monkeypatch.setenv(DATASET_ENV_VAR, str(folder))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert "python -m dashboard.demo --corpus X" in at.error[0].value
