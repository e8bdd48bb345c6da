"""The command line, the sidebar filter and the concordance count the same articles for a query."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dashboard.analysis.concordance import kwic
from dashboard.analysis.filters import Filters, select
from dashboard.dataset import load_dataset
from dashboard.paths import DEFAULT_DATASET_DIR
from dashboard.search.__main__ import main

QUERIES = ["روسيا", "روسيا OR الصين", '"الولايات المتحدة" OR أمريكا', "كازاخستان NOT روسيا", "روس*",
           "entity:ru", '"الاتحاد الأوروبي"', "(الصين OR واشنطن) كازاخستان"]


def cli(*args: str) -> subprocess.CompletedProcess:
    """The real command in a new process (imports, argument parsing, exit code)."""
    return subprocess.run([sys.executable, "-m", "dashboard.search", *args], capture_output=True,
                          text=True, encoding="utf-8")


def cli_in_process(capsys, *args: str) -> list[str]:
    """The same ``main`` called in this process (a new interpreter per query is seconds)."""
    assert main(list(args)) == 0
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("query", QUERIES)
def test_cli_filter_and_concordance_agree(sentences, sentence_dataset_dir, query, capsys):
    sel = select(sentences, Filters(keyword=query))
    lines = kwic(sentences, select(sentences, Filters()), query)
    out = cli_in_process(capsys, str(sentence_dataset_dir), query)
    assert int(out[0]) == sel.n_articles == lines["article_id"].nunique() == len(out) - 1
    assert out[1:] == list(sel.article_ids)
    assert sel.n_articles > 0


def test_they_agree_on_the_shipped_seeds_with_an_outlet_filter(capsys):
    seeds = load_dataset(DEFAULT_DATASET_DIR)
    for query in ["كازاخستان", "روسيا OR الصين", '"آسيا الوسطى"', "بوتين NOT الصين"]:
        sel = select(seeds, Filters(keyword=query, sources=("Al Jazeera",)))
        lines = kwic(seeds, select(seeds, Filters(sources=("Al Jazeera",))), query)
        out = cli_in_process(capsys, str(DEFAULT_DATASET_DIR), query, "--source", "Al Jazeera", "--count")
        assert int(out[0]) == sel.n_articles == lines["article_id"].nunique()


def test_the_command_runs_as_a_module(sentence_dataset_dir, sentences):
    out = cli(str(sentence_dataset_dir), "روسيا OR الصين").stdout.splitlines()
    assert out == ["4", "s01", "s02", "s03", "s04"]


def test_cli_explains_bad_input_without_a_traceback(sentence_dataset_dir, tmp_path):
    bad = cli(str(sentence_dataset_dir), "روسيا OR")
    assert bad.returncode == 2 and "OR at character 7" in bad.stderr and "Traceback" not in bad.stderr
    assert "يحتاج" in bad.stderr
    missing = cli(str(tmp_path / "nowhere"), "روسيا")
    assert missing.returncode == 2 and "nowhere" in missing.stderr and "Traceback" not in missing.stderr
    outlet = cli(str(sentence_dataset_dir), "روسيا", "--source", "Nope")
    assert outlet.returncode == 2 and "Nope" in outlet.stderr


def test_a_malformed_filter_keeps_nothing_and_never_raises(sentences):
    assert select(sentences, Filters(keyword="(روسيا")).n_articles == 0
