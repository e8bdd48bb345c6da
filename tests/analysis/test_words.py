from __future__ import annotations

import io

from PIL import Image

from dashboard.analysis.filters import Filters, select
from dashboard.analysis.words import display_form, term_frequencies, wordcloud_png


def test_term_frequencies_merge_clitic_forms(tiny):
    df = term_frequencies(tiny, select(tiny, Filters()), top_n=3)
    assert df.iloc[0].tolist() == ["كازاخستان", 4, 3]  # لكازاخستان counted here
    assert len(df) == 3 and df["count"].is_monotonic_decreasing


def test_term_frequencies_per_source_and_empty(tiny):
    sel = select(tiny, Filters())
    rt = term_frequencies(tiny, sel, source="RT")
    assert "صين" not in set(rt["term"]) and "دعم" in set(rt["term"])
    assert term_frequencies(tiny, sel, source="nowhere").empty
    assert list(term_frequencies(tiny, select(tiny, Filters(sources=("x",)))).columns) == ["term", "count", "articles"]


def test_display_form_chooses_by_layout_engine():
    word = "كازاخستان"
    assert display_form(word, raqm=True) == word
    shaped = display_form(word, raqm=False)
    assert shaped != word and all("\ufe70" <= c <= "\ufeff" for c in shaped)  # presentation forms


def test_wordcloud_is_a_deterministic_png():
    freqs = {"كازاخستان": 40, "روسيا": 25, "الصين": 20, "توكاييف": 10}
    a = wordcloud_png(freqs, width=300, height=200, seed=3)
    assert a == wordcloud_png(freqs, width=300, height=200, seed=3)
    img = Image.open(io.BytesIO(a))
    assert img.size == (300, 200)
    grey = img.convert("L")
    low, high = grey.getextrema()
    assert high == 255 and low < 200  # coloured words on white
    inked = sum(1 for v in grey.tobytes() if v < 230) / (300 * 200)
    assert inked > 0.03  # words drawn, not a speck
    blank = Image.open(io.BytesIO(wordcloud_png({}, width=50, height=40)))
    assert blank.size == (50, 40)
