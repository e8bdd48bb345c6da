"""The catalogue's rule links of a text (no story model), as the event tests read them."""

from __future__ import annotations

from datetime import date

from dashboard.pipeline.article import Extractors
from dashboard.text.document import Doc


def rule_links(ex: Extractors, text: str, published: date, precision: str = "day") -> list[dict]:
    """The rows EventLinker.find gives for ``text`` published on ``published``."""
    doc = Doc.from_text("t", text, published, precision)
    return ex.events.find(doc, ex.entities.find(doc), ex.dates.find(doc))
