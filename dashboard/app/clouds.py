"""Arabic word clouds (wordcloud + Pillow), drawn from the term frequencies the analysis computes.

Drawing one takes about half a second of Python (wordcloud's placement loop and Pillow's text
shaping hold the GIL). So drawings are bounded and shared:
- ``cloud_png`` is cached by content (the (term, count) pairs and the canvas size; font, scale and
  seed are fixed in this module), bounded in entries and age, and shared by every session: equal
  selections draw once (Streamlit lets one session compute a missing entry while the others
  wanting it wait), different ones have different keys;
- one process-wide lock lets one cloud be drawn at a time, whatever the number of sessions;
- a session waiting for that lock gives up as soon as its run is stopped (the browser left, or
  a new rerun replaced it): queued drawings of departed sessions are dropped, not drawn. At most
  the drawing under way is finished (and cached), so the server is idle right after.
Drawing runs inline in the script of the session that needs it, nothing in the background.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Mapping
from functools import lru_cache

import streamlit as st

LAYOUT_SCALE = 2
# One drawing at a time in the process: two at once only share the GIL and starve the scripts.
_DRAWING = threading.Lock()


@lru_cache(maxsize=1)
def arabic_font_path() -> str:
    import fontpkg

    return str(fontpkg.path("Noto Sans Arabic"))


@lru_cache(maxsize=1)
def pillow_has_raqm() -> bool:
    from PIL import features

    return bool(features.check("raqm"))


def display_form(word: str, raqm: bool | None = None) -> str:
    """What to hand to Pillow: the word itself under raqm (it shapes and orders), otherwise the
    word reshaped and reordered by hand (Pillow's basic layout would draw it unjoined and LTR).
    Doing both under raqm would reverse every word (GUIDE.md)."""
    if raqm if raqm is not None else pillow_has_raqm():
        return word
    import arabic_reshaper
    from bidi.algorithm import get_display

    return get_display(arabic_reshaper.reshape(word))


def wordcloud_png(freqs: Mapping[str, int], width: int = 900, height: int = 500, seed: int = 0) -> bytes:
    """A PNG word cloud of ``freqs`` (Arabic joined and right-to-left, Noto Sans Arabic),
    deterministic for a given seed. Empty frequencies give a blank image."""
    from PIL import Image
    from wordcloud import WordCloud

    clean = {display_form(str(w)): float(c) for w, c in sorted(freqs.items()) if w and c and c > 0}
    buf = io.BytesIO()
    if not clean:
        Image.new("RGB", (width, height), "white").save(buf, format="PNG")
        return buf.getvalue()
    # Words are placed on a half-size grid and drawn at full size (wordcloud's ``scale``): the
    # placement search is most of the cost, and this halved it on ANT (2.0 -> 1.4 s for the
    # 900 x 500 cloud) with the glyphs as sharp.
    scale = LAYOUT_SCALE if width % LAYOUT_SCALE == 0 and height % LAYOUT_SCALE == 0 else 1
    cloud = WordCloud(
        font_path=arabic_font_path(), width=width // scale, height=height // scale, scale=scale,
        background_color="white",
        prefer_horizontal=1.0,  # vertical Arabic is unreadable
        random_state=seed, colormap="tab10", max_words=len(clean), collocations=False,
        normalize_plurals=False, include_numbers=True, margin=4 // scale,
        # Capped: uncapped, the top word filled half the picture (293 px on ANT) and the search
        # for room took twice as long; every one of ANT's 150 words still fits.
        max_font_size=max(height // scale // 4, 10),
    ).generate_from_frequencies(clean)
    cloud.to_image().save(buf, format="PNG", optimize=False)
    return buf.getvalue()


# How often a session waiting for the drawing lock checks whether its run was stopped.
_WAIT_POLL_S = 0.1


def run_stop_check() -> Callable[[], None] | None:
    """The current script run's stop check: a callable that raises Streamlit's StopException (or
    RerunException) once the run should end (its session disconnected or rerun). None outside a
    script run. Streamlit's own cache waits use the same callable (streamlit is pinned)."""
    try:
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_run_yield_check
    except ImportError:  # an API that moved: wait without giving up, as before
        return None
    return get_run_yield_check()


def acquire_abandonably(lock: threading.Lock, stop_check: Callable[[], None] | None) -> None:
    """Take ``lock``; while waiting, call ``stop_check`` every ``_WAIT_POLL_S`` (it raises to give
    up, and the lock is then not held). Checked once more when the lock is taken: a session that
    left during the wait draws nothing."""
    if stop_check is None:
        lock.acquire()
        return
    while not lock.acquire(timeout=_WAIT_POLL_S):
        stop_check()
    try:
        stop_check()
    except BaseException:
        lock.release()
        raise


# Bounded: 64 PNGs of 100-250 KB (at most ~16 MB), each dropped an hour after it was drawn.
@st.cache_data(show_spinner=False, max_entries=64, ttl=3600)
def cloud_png(pairs: tuple[tuple[str, int], ...], width: int, height: int) -> bytes:
    """The PNG of the cloud of ``pairs`` (term, count), drawn once per distinct input."""
    acquire_abandonably(_DRAWING, run_stop_check())
    try:
        return wordcloud_png(dict(pairs), width, height, seed=0)
    finally:
        _DRAWING.release()
