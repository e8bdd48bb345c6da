"""Which condition of a cue rejects a sentence its words match (dashboard/quality/cue_misses.py).
Sentences from the tuning part test15 (an Emirati outlet, 19 March 2019: Nazarbayev's resignation)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extract.events import SentenceIndex, future_limit
from dashboard.pipeline.article import Extractors
from dashboard.quality.cue_misses import classify, cue_failures
from dashboard.text.document import Doc

NAMED = "وأعلن الرئيس الكازاخي نور سلطان نزارباييف استقالته من منصبه بعد 29 عاما في السلطة. "
PRONOUN = "وأشار إلى أنه سيبقى رئيسًا لمجلس أمن البلاد بعد تنحيه عن السلطة."


@pytest.fixture(scope="module")
def ex(catalogues) -> Extractors:
    return Extractors(catalogues)


def failures(ex, catalogues, text: str, sid: int, cue_number: int):
    doc = Doc.from_text("t", text, date(2019, 3, 19), "day")
    index = SentenceIndex(doc, ex.entities.find(doc), ex.dates.find(doc))
    event = next(e for e in catalogues.events if e.id == "nazarbayev_resignation_2019")
    return cue_failures(index, sid, event, event.cues[cue_number], {event.id},
                        future_limit(doc.publication_period))


def test_the_entity_named_in_the_sentence_before_is_the_one_condition_that_fails(ex, catalogues):
    # cue 0: words (تنحيه) + entities [nazarbayev]; the pronoun of "تنحيه" stands for him
    hit, fails = failures(ex, catalogues, NAMED + PRONOUN, 1, 0)
    assert hit == ["words=تنحيه"]
    assert fails == ["entities(nazarbayev; in the article)"]
    assert classify([("nazarbayev_resignation_2019", 0, hit, fails)]) == "entities"
    # alone, the article does not name him at all
    assert failures(ex, catalogues, PRONOUN, 0, 0)[1] == ["entities(nazarbayev; absent)"]
    # and where he is named, the cue holds
    assert failures(ex, catalogues, NAMED, 0, 0) == (["words=استقالته"], [])


def test_a_date_cue_names_the_sentences_dates_and_a_partial_text_is_told_apart(ex, catalogues):
    # cue 3: phrases (تنحيه عن السلطة) + article_entities + date: the day of the resignation
    hit, fails = failures(ex, catalogues, NAMED + PRONOUN.replace("عن السلطة.", "عن السلطة في مارس 2018."), 1, 3)
    assert hit == ["phrase=تنحيه عن السلطة"]
    assert len(fails) == 1 and fails[0].startswith("date(2019-03-19..2019-03-19; sentence ['مارس 2018']")
    assert classify([("e", 3, hit, fails)]) == "date"
    assert classify([("e", 1, ["words=x"], ["phrase", "entities(a; absent)"])]) == "text partial: entities+phrase"
    assert classify([]) == "no cue text"
    assert classify([("e", 0, ["words=x"], [])]) == "holds"


# Conditions cue_failures reports that the linker checks after _evaluate, not in it.
LATER = ("linked", "future", "contradicted")


def test_the_diagnosis_agrees_with_the_linker_on_every_cue_of_a_seed(ex, catalogues):
    # cue_failures re-checks _evaluate's conditions one by one: a cue _evaluate accepts on a sentence
    # must show no failure there, and one whose text matches but _evaluate rejects must show one
    from dashboard.extract.events import EventLinker
    from tests.extract.test_dates import seed_doc
    doc = seed_doc("001")
    index = SentenceIndex(doc, ex.entities.find(doc), ex.dates.find(doc))
    limit = future_limit(doc.publication_period)
    accepted = rejected = 0
    for event in catalogues.events:
        for cue in event.cues:
            holds = {sid for sid, _why in EventLinker._evaluate(cue, index, doc.publication_period)}
            for sid in range(len(doc.sentences)):
                hit, fails = cue_failures(index, sid, event, cue, {event.id}, limit)
                if not hit:
                    continue
                fails = [f for f in fails if not f.startswith(LATER)]
                assert (not fails) == (sid in holds), (event.id, cue, sid, fails)
                accepted += sid in holds
                rejected += sid not in holds
    assert accepted > 5 and rejected > 5  # the seed exercises both verdicts
