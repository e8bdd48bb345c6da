"""Training the learned name finder (dashboard/quality/name_training.py): the training set's labels
and readings, and a model file that is the same for the same data. Examples from the TUNING gold
(test5: a governor of Badakhshan)."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.extract.entities import EntityMatcher
from dashboard.extract.learned_names import token_features
from dashboard.extract.provisional import ProvisionalFinder
from dashboard.quality import name_training as nt
from dashboard.text.document import Doc

TEXT = ("أعلن رئيس مقاطعة بدخشان المتمتعة بالحكم الذاتي في طاجيكستان، غوليب نياتبيكوف، اليوم الخميس، "
        "عن إيواء أكثر من ألف لاجئ أفغاني.")


def span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def test_labels_inside_nil_names_catalogue_names_and_outside():
    spans = [(*span("غوليب نياتبيكوف"), True), (*span("طاجيكستان"), False)]
    assert nt.label_of(*span("نياتبيكوف"), spans) == 1  # a name the catalogue lacks
    assert nt.label_of(*span("طاجيكستان"), spans) is None  # the catalogue's: left out of training
    assert nt.label_of(*span("الخميس"), spans) == 0


def test_the_training_reading_forgets_the_golds_names_but_countries():
    gold = pd.DataFrame([
        {"entity_id": "niyatbekov", "char_start": span("غوليب نياتبيكوف")[0], "char_end": span("غوليب نياتبيكوف")[1], "form": "name"},
        {"entity_id": "tj", "char_start": span("طاجيكستان")[0], "char_end": span("طاجيكستان")[1], "form": "name"},
        {"entity_id": "badakhshan", "char_start": span("بدخشان")[0], "char_end": span("بدخشان")[1], "form": "name"},
        {"entity_id": "af", "char_start": span("أفغاني")[0], "char_end": span("أفغاني")[1], "form": "adjective"},
    ])
    mentions = [{"entity_id": e, "char_start": s, "char_end": t} for e, (s, t) in
                (("badakhshan", span("بدخشان")), ("tj", span("طاجيكستان")), ("af", span("أفغاني")))]
    spans, unknown = nt.gold_spans(gold, {"tj", "badakhshan", "af"}, mentions)
    assert [(s, e, nil) for s, e, nil in spans] == [(*span("غوليب نياتبيكوف"), True), (*span("طاجيكستان"), False),
                                                   (*span("بدخشان"), False)]  # no adjective
    assert [m["entity_id"] for m in unknown] == ["tj", "af"]  # بدخشان forgotten, the country kept


@pytest.fixture(scope="module")
def finder(catalogues) -> ProvisionalFinder:
    return ProvisionalFinder(catalogues.provisional, EntityMatcher(catalogues.entities), catalogues.stopwords,
                             catalogues.date_words.months, catalogues.latin_letter_names)


def part_of(finder, copies: int) -> nt.Part:
    """A part of ``copies`` articles of TEXT, labelled as the gold labels it."""
    doc = Doc.from_text("a", TEXT)
    r, _ = finder.learned_residual(doc, [], nt.CANDIDATE_ZIPF)
    spans = [(*span("غوليب نياتبيكوف"), True)]
    articles = []
    for k in range(copies):
        t = nt.Tokens()
        for i, c in enumerate(r.candidate):
            if c:
                a, b = doc.norm.to_original(r.starts[i], r.ends[i])
                t.index.append(i)
                t.features.append(token_features(r, i, finder.lexicon))
                t.labels.append(nt.label_of(a, b, spans))
        articles.append(nt.Article(f"a{k}", doc, [], t, t))
    return nt.Part("p", None, None, articles)


def test_the_model_is_the_same_for_the_same_data(finder):
    first, second = nt.fit([part_of(finder, 3)]), nt.fit([part_of(finder, 3)])
    assert first.weights == second.weights and first.bias == second.bias
    assert list(first.weights) == sorted(first.weights)
    assert all(round(w, 4) == w for w in first.weights.values())
    assert first.weights["surname_end"] > 0  # the family name's ending marks the name here


def test_rare_features_are_left_out(finder):
    # a feature seen in fewer than MIN_COUNT training tokens gets no weight
    assert "p1:غوليب" not in nt.fit([part_of(finder, nt.MIN_COUNT - 1)]).weights
    assert "p1:غوليب" in nt.fit([part_of(finder, nt.MIN_COUNT)]).weights


def test_held_out_parts_are_never_read():
    assert not set(nt.HELD_OUT) & set(nt.TUNING + nt.CHECKING)
    with pytest.raises(SystemExit, match="held out"):
        nt.main(["--tuning", nt.HELD_OUT[0], "--no-write"])
