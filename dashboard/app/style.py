"""Scoped CSS: Streamlit has no right-to-left mode (streamlit#552), so Arabic gets ``direction: rtl``
on text containers only. Never ``unicode-bidi: bidi-override``: it reverses digits and Latin runs."""

from __future__ import annotations

import streamlit as st

# Always on: the reader's highlight colours and the blocks we mark dir="rtl" ourselves.
_BASE = """
.kz-rtl { direction: rtl; text-align: right; line-height: 1.9; }
.kz-reader { direction: rtl; text-align: right; line-height: 2; font-size: 1.05rem;
  max-height: 70vh; overflow-y: auto; padding: 0.5rem 1rem; border: 1px solid #e3e3e8;
  border-radius: 0.5rem; background: #fcfcfd; }
.kz-reader p { margin: 0 0 0.8rem 0; }
mark.hit { background: #fde047; color: inherit; outline: 2px solid #ca8a04; padding: 0 2px; font-weight: 600; }
.kz-kwic .copies { color: #92400e; font-weight: 600; }
.kz-source { font-size: 0.9rem; color: #555; margin-bottom: 0.4rem; }
mark.ent { background: #dbeafe; color: inherit; border-bottom: 2px solid #2563eb; padding: 0 2px; }
mark.date { background: #fef3c7; color: inherit; border-bottom: 2px solid #d97706; padding: 0 2px; }
mark.event { background: #fce7f3; color: inherit; border-bottom: 2px solid #db2777; padding: 0 2px; }
.kz-legend mark { margin: 0 0.3rem; }
.kz-kwic { width: 100%; border-collapse: collapse; direction: rtl; font-size: 0.95rem; }
.kz-kwic td { padding: 0.25rem 0.4rem; border-bottom: 1px solid #eee; vertical-align: top; }
.kz-kwic td.before { text-align: left; color: #444; width: 42%; }
.kz-kwic td.after { text-align: right; color: #444; width: 42%; }
.kz-kwic td.match { text-align: center; white-space: nowrap; }
.kz-kwic td.match mark { background: #fde68a; font-weight: 600; }
.kz-kwic td.meta { font-size: 0.8rem; color: #777; white-space: nowrap; }
.kz-source h4 { margin-bottom: 0.3rem; }
.kz-source blockquote { margin: 0 0 0.6rem 0; padding: 0.2rem 0.6rem; border-right: 3px solid #94a3b8;
  border-left: none; background: #f8fafc; }
.kz-source .meta { font-size: 0.8rem; color: #64748b; }
.kz-about, .kz-subtitle { font-size: 0.85rem; color: #64748b; margin: 0; }
.kz-about { margin-top: 2rem; border-top: 1px solid #e3e3e8; padding-top: 0.6rem; }
/* Commands and paths in messages read left to right whatever the interface language. */
[data-testid="stMarkdownContainer"] pre, [data-testid="stMarkdownContainer"] code {
  direction: ltr; text-align: left; unicode-bidi: isolate; }
/* A phone never scrolls the page sideways: wide things (tables, concordance rows) scroll
   inside their own box. */
[data-testid="stMain"], [data-testid="stMainBlockContainer"] { overflow-x: hidden; }
.kz-kwic-wrap { overflow-x: auto; max-width: 100%; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-left: 0.75rem; padding-right: 0.75rem; }
  h1 { font-size: 1.6rem !important; }
  .kz-kwic { font-size: 0.85rem; }
  .kz-kwic td.meta { white-space: normal; }
  .kz-kwic td.meta bdi { white-space: nowrap; }
}
"""

# Arabic interface: text containers right-to-left; lists need their padding on the right.
_RTL = """
[data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"],
[data-testid="stWidgetLabel"], [data-testid="stHeading"], h1, h2, h3, h4,
[data-testid="stMetric"], [data-testid="stAlertContentInfo"],
[data-testid="stSidebarNav"] span, [data-testid="stExpander"] summary {
  direction: rtl; text-align: right; }
[data-testid="stMarkdownContainer"] ul, [data-testid="stMarkdownContainer"] ol {
  padding-right: 1.2rem; padding-left: 0; }
[data-testid="stSidebarNavItems"] a { direction: rtl; }
/* Typed Arabic starts at the right. */
[data-testid="stTextInput"] input, [data-testid="stTextArea"] textarea,
[data-testid="stMultiSelect"] [data-baseweb="select"], [data-testid="stSelectbox"] [data-baseweb="select"] {
  direction: rtl; text-align: right; }
/* Side-by-side columns run right to left; components.columns keeps them in reading order in the
   page, so on a phone (where Streamlit stacks them) the first in reading order comes first. */
[data-testid="stHorizontalBlock"] { flex-direction: row-reverse; }
/* Plotly's toolbar on the left, off the right-aligned titles. */
[data-testid="stPlotlyChart"] .modebar-container .modebar { left: 2px !important; right: auto !important; }
"""

# Arabic tables: components.table puts the first column on the right, but a data grid opens
# scrolled to its left edge, hiding the first columns of a wide table. Scroll each grid to its
# right edge once when it appears, and again when its width changes (a phone turned, a window
# widened), never while the reader scrolls it (our own constant script; no data in it).
_RTL_GRID_JS = """
<script>
(() => {
  const doc = window.parent && window.parent.document ? window.parent.document : document;
  if (doc.__kzRtlGrids) return;
  doc.__kzRtlGrids = true;
  const alignRight = () => {
    if (doc.documentElement.dataset.kzLang !== "ar") return;
    doc.querySelectorAll('[data-testid="stDataFrame"] .dvn-scroller').forEach((el) => {
      const size = el.scrollWidth + "x" + el.clientWidth;
      if (el.scrollWidth > el.clientWidth + 1 && el.dataset.kzRight !== size) {
        el.scrollLeft = el.scrollWidth;
        el.dataset.kzRight = size;
      }
    });
  };
  // Streamlit's own English "Page not found" dialog: the app says it in the interface language.
  const closeNotFound = () => {
    doc.querySelectorAll('[role="dialog"]').forEach((d) => {
      if (/Page not found/.test(d.textContent)) {
        const close = d.querySelector('button[aria-label="Close"]');
        if (close) close.click();
      }
    });
  };
  new MutationObserver(() => { alignRight(); closeNotFound(); })
    .observe(doc.body, {childList: true, subtree: true});
  setInterval(alignRight, 500);
})();
</script>
"""

def inject(lang: str) -> None:
    css = _BASE + (_RTL if lang == "ar" else "")
    st.html(f"<style>{css}</style>")
    # The page's language for the grid script (and for assistive technology), set every run.
    st.html(f'<script>document.documentElement.lang = "{lang}"; '
            f'document.documentElement.dataset.kzLang = "{lang}";</script>' + _RTL_GRID_JS,
            unsafe_allow_javascript=True)
