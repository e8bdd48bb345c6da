"""Event linking in one article's pipeline (dashboard/pipeline/article.py): events read the catalogue's
persons also where the provisional finder knows them by another spelling."""

from __future__ import annotations

import pytest

from dashboard.catalogues import load_catalogues
from dashboard.paths import CATALOGUE_DIR
from dashboard.pipeline.article import ArticleInput, Extractors, process_batch


@pytest.fixture(scope="module")
def ex() -> Extractors:
    return Extractors(load_catalogues(CATALOGUE_DIR))


# test15 (a13_elzmannews): Japarov spelled "سادير زاباروف", which the catalogue's matcher misses and the
# provisional finder reads as a variant of his name: his election, named by his act, is linked
A13 = ("يدلي الناخبون في قرغيزستان بأصواتهم اليوم الأحد في استفتاء على دستور جديد من شأنه تكريس المزيد من "
       "السلطات في يد رئيس الدولة الواقعة في آسيا الوسطى.\n"
       "ويأتي الاستفتاء بعد 3 أشهر من انتخاب سادير زاباروف رئيسا عقب الإطاحة بالرئيس السابق سورونباي جينبيكوف "
       "في احتجاجات حاشدة.")


def test_a_person_spelled_as_a_variant_names_his_election(ex):
    tables = process_batch([ArticleInput("a13", A13, "2021-04-11", "day", "test")], ex)
    ents = tables["entity_mentions"].to_pylist()
    assert {(r["sentence_id"], r["entity_id"], r["match"]) for r in ents if r["entity_id"] == "japarov"} == \
        {(1, "japarov", "variant")}
    links = {(r["sentence_id"], r["event_id"]) for r in tables["event_mentions"].to_pylist()}
    assert (1, "kg_presidential_election_2021") in links
