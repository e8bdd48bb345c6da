"""A summit's meetings are the summit's, not each leader's visit to its host (events.yaml ``gathers``,
EventLinker._to_gatherings)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.pipeline.article import Extractors
from dashboard.text.document import Doc

SUMMIT = "استضاف الرئيس الصيني شي جين بينغ قمة الصين وآسيا الوسطى في مدينة شيآن. "


@pytest.fixture(scope="module")
def ex(catalogues) -> Extractors:
    return Extractors(catalogues)


def links(ex: Extractors, text: str, published: date) -> dict[int, set[str]]:
    doc = Doc.from_text("t", text, published, "day", ex.letter_names)
    out: dict[int, set[str]] = {}
    for r in ex.events.find(doc, ex.entities.find(doc), ex.dates.find(doc)):
        out.setdefault(r["sentence_id"], set()).add(r["event_id"])
    return out


def test_the_hosts_talks_with_two_leaders_on_the_summits_days_are_the_summits(ex):
    # the catalogue holds Tokayev's and Japarov's own state visits to China on the Xi'an summit's days
    found = links(ex, SUMMIT + "وعقد شي جين بينغ محادثات مع الرئيس الكازاخستاني قاسم جومارت توكاييف "
                  "والرئيس القرغيزي صادر جباروف.", date(2023, 5, 18))
    assert found[1] == {"china_central_asia_summit_2023"}


def test_a_sentence_saying_visit_keeps_the_visit(ex):
    found = links(ex, SUMMIT + "ووصل الرئيس الكازاخستاني قاسم جومارت توكاييف إلى شيآن في زيارة دولة "
                  "وعقد محادثات مع شي جين بينغ والرئيس القرغيزي صادر جباروف.", date(2023, 5, 18))
    assert {"tokayev_visit_cn_2023_05"} <= found[1]
    assert "china_central_asia_summit_2023" not in found[1]


def test_talks_with_one_leader_outside_the_summit_stay_his_visits(ex):
    found = links(ex, SUMMIT + "وعقد شي جين بينغ محادثات مع الرئيس الكازاخستاني قاسم جومارت توكاييف.",
                  date(2023, 5, 18))
    assert found[1] == {"tokayev_visit_cn_2023_05"}


def test_a_tour_named_by_its_own_name_on_a_summits_day_keeps_its_link(ex):
    # Kishida's called-off tour (a tour by its name's noun) named beside the Astana consultative
    # meeting of the same day: the sentence names it by its catalogue phrase, no meeting by talks
    found = links(ex, "ألغى رئيس الوزراء الياباني فوميو كيشيدا قمة آسيا الوسطى واليابان في أستانا. "
                  "وتستضيف أستانا في 9 أغسطس الاجتماع التشاوري السادس لرؤساء دول آسيا الوسطى.", date(2024, 8, 8))
    assert found[0] == {"central_asia_japan_summit_2024", "central_asia_consultative_meeting_2024"}
