"""Word clouds (dashboard/app/clouds.py): Arabic shaped for the layout engine at hand, a
deterministic PNG, and at most one drawing at a time in the process."""

from __future__ import annotations

import io
import threading
import time

from PIL import Image

from dashboard.app import clouds
from dashboard.app.clouds import display_form, wordcloud_png


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


def test_one_cloud_is_drawn_at_a_time_whatever_the_number_of_sessions(monkeypatch):
    """Eight sessions wanting eight different clouds at once: never two drawings together."""
    active, peak = [0], [0]
    guard = threading.Lock()

    def fake_draw(freqs, width, height, seed):
        with guard:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.02)
        with guard:
            active[0] -= 1
        return b"png"

    monkeypatch.setattr(clouds, "wordcloud_png", fake_draw)
    clouds.cloud_png.clear()
    threads = [threading.Thread(target=clouds.cloud_png, args=((("w", i + 1),), 10, 10))
               for i in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    clouds.cloud_png.clear()
    assert peak[0] == 1
