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


def _counting_draw(monkeypatch, seconds: float = 0.05) -> list[tuple]:
    """Replace the drawing by a slow fake that records what it was asked to draw."""
    calls: list[tuple] = []

    def fake_draw(freqs, width, height, seed):
        calls.append((tuple(sorted(freqs.items())), width, height))
        time.sleep(seconds)
        return repr(calls[-1]).encode()

    monkeypatch.setattr(clouds, "wordcloud_png", fake_draw)
    clouds.cloud_png.clear()
    return calls


def test_sessions_asking_the_same_cloud_at_once_draw_it_once(monkeypatch):
    calls = _counting_draw(monkeypatch, seconds=0.2)
    pairs = (("كازاخستان", 40), ("روسيا", 25))
    results: list[bytes] = []
    threads = [threading.Thread(target=lambda: results.append(clouds.cloud_png(pairs, 900, 500)))
               for _ in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    clouds.cloud_png.clear()
    assert len(calls) == 1 and len(results) == 6 and len(set(results)) == 1


def test_the_cloud_key_is_the_content_and_the_size(monkeypatch):
    calls = _counting_draw(monkeypatch, seconds=0)
    a = (("كازاخستان", 40), ("روسيا", 25))
    b = (("كازاخستان", 40), ("روسيا", 24))  # another selection: one count differs
    first = clouds.cloud_png(a, 900, 500)
    assert clouds.cloud_png(a, 900, 500) == first and len(calls) == 1  # equal input: shared
    assert clouds.cloud_png(tuple(a), 900, 500) == first and len(calls) == 1  # equal, new tuple
    clouds.cloud_png(b, 900, 500)
    clouds.cloud_png(a, 600, 380)
    clouds.cloud_png.clear()
    assert [(dict(f), w, h) for f, w, h in calls] == [
        (dict(a), 900, 500), (dict(b), 900, 500), (dict(a), 600, 380)]


def test_a_departed_session_waiting_for_the_lock_draws_nothing(monkeypatch):
    """A session queued behind a drawing whose run is stopped (its browser left) gives up its
    place: its cloud is not drawn, and the lock is free for the others."""
    calls = _counting_draw(monkeypatch, seconds=0)

    class Gone(Exception):
        pass

    left = threading.Event()

    def stop_check():
        if left.is_set():
            raise Gone

    monkeypatch.setattr(clouds, "run_stop_check", lambda: stop_check)
    outcome: list[str] = []

    def waiting_session():
        try:
            clouds.cloud_png((("روسيا", 3),), 900, 500)
            outcome.append("drawn")
        except Gone:
            outcome.append("gave up")

    with clouds._DRAWING:  # another session's drawing under way
        th = threading.Thread(target=waiting_session)
        th.start()
        time.sleep(0.3)
        left.set()  # the browser of the waiting session goes away
        th.join(timeout=5)
        assert outcome == ["gave up"]  # while the drawing is still under way
    assert not calls
    assert clouds._DRAWING.acquire(timeout=1)  # not left held by the session that gave up
    clouds._DRAWING.release()
    left.clear()
    clouds.cloud_png((("روسيا", 3),), 900, 500)  # a live session draws it as usual
    clouds.cloud_png.clear()
    assert len(calls) == 1


def test_a_session_that_left_just_as_the_lock_came_free_draws_nothing(monkeypatch):
    calls = _counting_draw(monkeypatch, seconds=0)

    class Gone(Exception):
        pass

    def stop_check():
        raise Gone

    monkeypatch.setattr(clouds, "run_stop_check", lambda: stop_check)
    try:
        clouds.cloud_png((("روسيا", 3),), 900, 500)
    except Gone:
        pass
    clouds.cloud_png.clear()
    assert not calls and not clouds._DRAWING.locked()
