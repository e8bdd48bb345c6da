"""The variant-name lookups' shortcuts give the answers of the plain computation: a bounded edit
distance, the first-name index, the remembered answers of person_named."""

from __future__ import annotations

import random
from dataclasses import replace

from dashboard.extract.entities import EntityMatcher
from dashboard.extract.variant_names import edit_distance, within_edits


def test_within_edits_is_the_bounded_edit_distance():
    rng = random.Random(5)
    letters = "ابتجدرسكلمنوي"
    for _ in range(3000):
        a = "".join(rng.choice(letters) for _ in range(rng.randint(0, 9)))
        b = "".join(rng.choice(letters) for _ in range(rng.randint(0, 9)))
        most = rng.randint(0, 3)
        assert within_edits(a, b, most) == (edit_distance(a, b) <= most), (a, b, most)


def test_person_named_as_computed_afresh(catalogues):
    variants = EntityMatcher(catalogues.entities).variants
    # the first-name index holds each person under each of its first names, and nothing else
    pairs = {(name, p) for name, people in variants.given_by_word.items() for p in people}
    assert pairs == {(name, p) for p, names in variants.given.items() for name in names}
    names = [("نيكول", "باشينيا"), ("قاسم", "جومارت", "توكايف"), ("محمد", "بن", "سلمانن"), ("جون", "كيربي"),
             ("شوكت", "ميرضيائيف"), ("زيد", "عمرو")]
    first = [variants.person_named(n) for n in names]
    assert any(first) and not all(first)  # some found, some not: both answers are remembered
    fresh = replace(variants, _person_memo={}, _given_index=None)
    assert [variants.person_named(n) for n in names] == first == [fresh._person_named(n) for n in names]
