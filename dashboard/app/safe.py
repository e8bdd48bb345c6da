"""Sink escapers: every string that comes from an article (title, source, author, url, text, ids,
outlet names, terms) is data, never markup, formula or template. Each sink has its escaper, and
the app uses nothing else to put such a string on the screen or in a file:

- ``plain``: the text with its stray bidi controls neutralised (widget options, table cells);
- ``isolate``: ``plain`` wrapped in a first-strong isolate (U+2068 ... U+2069), so a name's
  direction cannot reorder the words around it ("gpj.exe" stays "gpj.exe");
- ``md``: Markdown sinks (st.markdown, st.caption, st.image captions, widget labels, st.metric);
- ``html_text``: HTML sinks (st.html, unsafe_allow_html);
- ``plotly_text``: Plotly strings (text, labels, tick text, legend names, hover text and
  templates): tags and entities escaped and ``%{`` made literal;
- ``csv_bytes``: downloads, with spreadsheet formulas neutralised (OWASP "CSV injection").

Stray controls (U+202A..U+202E embeddings and overrides, U+2066..U+2069 isolates) are replaced by
U+FFFD, one character for one, so offsets into an article's text stay valid.
"""

from __future__ import annotations

import html
import math
import re
from typing import Any

import pandas as pd

FSI, PDI = "\u2068", "\u2069"
NEUTRALISED = "\ufffd"
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Every ASCII character Markdown (CommonMark, GFM, Streamlit's :colour[...] / :icon: / $math$
# extensions) may give a meaning to; a backslash before any ASCII punctuation is always literal.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'/])")
_AUTOLINK_TRIGGER = re.compile(r"(https?|ftp|mailto|xmpp|www|@)", re.IGNORECASE)
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
# Cells a spreadsheet would run as a formula (OWASP): =, +, -, @, tab, carriage return.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: Any) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


def plain(value: Any) -> str:
    """The value as text ('' for missing) with stray bidi controls replaced by U+FFFD."""
    return BIDI_CONTROLS.sub(NEUTRALISED, _text(value))


def isolate(value: Any) -> str:
    """``plain(value)`` in a first-strong isolate ('' stays '')."""
    text = plain(value)
    return f"{FSI}{text}{PDI}" if text else ""


def md(value: Any) -> str:
    """For a Markdown sink: isolated, one line, every Markdown character escaped, and no autolink
    (GFM links a bare http://, www. or e-mail address even when its punctuation is escaped: a
    word joiner, U+2060, after the scheme, www or @ breaks the pattern and shows nothing)."""
    text = _LINE_BREAKS.sub(" ", plain(value))
    if not text:
        return ""
    text = _AUTOLINK_TRIGGER.sub("\\1\u2060", _MARKDOWN_SPECIAL.sub(r"\\\1", text))
    return isolate(text)


def code_text(value: Any) -> str:
    """For a line inside a Markdown code block (a path in a command to copy): shown literally,
    so no Markdown escapes; a backtick, which could close the block, becomes an apostrophe."""
    return plain(value).replace("`", "'").replace("\n", " ")


def html_text(value: Any) -> str:
    """For an HTML sink: bidi controls neutralised, then HTML-escaped (quotes too, so the result
    may stand in an attribute). Isolation is the caller's (<bdi> or dir= on the element)."""
    return html.escape(plain(value), quote=True)


def plotly_text(value: Any) -> str:
    """For any Plotly string: ``plain``, then ``plotly_escape``."""
    return plotly_escape(plain(value))


def plotly_escape(text: str) -> str:
    """&, <, > as entities (Plotly's pseudo-HTML renders <a href>, <b>, <br>) and the % of ``%{``
    as an entity, so a template never interprets it (Plotly turns the entities back into
    characters after substituting templates). Bidi controls are left alone: for a line composed
    of parts already passed through ``isolate``."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("%{", "&#37;{")


def csv_cell(value: Any) -> Any:
    """A string a spreadsheet would take for a formula gets a leading apostrophe; anything else is
    returned as it is (numbers stay numbers)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every text cell passed through ``csv_cell`` (numeric columns untouched)."""
    out = df.copy()
    for col in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[col]) or pd.api.types.is_bool_dtype(out[col])
                or pd.api.types.is_datetime64_any_dtype(out[col])):
            out[col] = out[col].map(csv_cell, na_action="ignore")
    out.columns = [csv_cell(str(c)) for c in out.columns]
    return out


def csv_bytes(df: pd.DataFrame) -> bytes:
    """The one way the app writes a CSV: formulas neutralised, UTF-8 with a byte-order mark (so
    spreadsheet programs read the Arabic right)."""
    return csv_frame(df).to_csv(index=False).encode("utf-8-sig")
