"""The catalogue's rule links of a text (no story model), as the event tests read them."""

from __future__ import annotations

from datetime import date

from dashboard.pipeline.article import Extractors
from dashboard.text.document import Doc


def rule_links(ex: Extractors, text: str, published: date | None, precision: str = "day") -> list[dict]:
    """The rows EventLinker.find gives for ``text`` published on ``published``."""
    doc = Doc.from_text("t", text, published, precision)
    return ex.events.find(doc, ex.entities.find(doc), ex.dates.find(doc))


def links_by_sentence(ex: Extractors, text: str, published: date | None) -> dict[int, dict[str, str]]:
    """sentence_id -> {event_id: cue} of the rule links of ``text``."""
    out: dict[int, dict[str, str]] = {}
    for r in rule_links(ex, text, published):
        out.setdefault(r["sentence_id"], {})[r["event_id"]] = r["cue"]
    return out
