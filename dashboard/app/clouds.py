"""Arabic word clouds (wordcloud + Pillow), drawn from the term frequencies the analysis computes.

Drawing one takes 0.5-3 s of Python (wordcloud's placement loop holds the GIL). So drawings are
bounded: ``cloud_png`` is cached (per frequencies and size, shared by every session; Streamlit
lets one session compute a missing entry while the others wanting it wait), and one process-wide
lock lets one cloud be drawn at a time, whatever the number of sessions. Drawing runs inline in
the script of the session that needs it, nothing in the background: when a session leaves, at
most the cloud being drawn for it is finished (and cached), and the server is idle after that.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Mapping
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


@st.cache_data(show_spinner=False, max_entries=64, ttl=3600)
def cloud_png(pairs: tuple[tuple[str, int], ...], width: int, height: int) -> bytes:
    """The PNG of the cloud of ``pairs`` (term, count), drawn once per distinct input."""
    with _DRAWING:
        return wordcloud_png(dict(pairs), width, height, seed=0)
