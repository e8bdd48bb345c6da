"""An older event an article recalls does not take the referring words of the article's own news
(EventLinker._recalled_yield, _taken, _prefer_the_articles_event in dashboard/extract/events.py)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.pipeline.article import Extractors
from tests.extract.event_links import links_by_sentence as links


@pytest.fixture(scope="module")
def ex(catalogues) -> Extractors:
    return Extractors(catalogues)


# Written on the shape of a July 2024 dispatch on Xi's arrival that recalls his visit of September
# 2022 (whose cues include "الزيارة" once the article names it: ``linked: true``); the 2024 visit has
# names and no cue of its own.
XI_2024 = ("وصل الرئيس الصيني شي جين بينغ، اليوم الثلاثاء، إلى العاصمة الكازاخستانية أستانا في زيارة دولة "
           "تستمر يومين، يشارك بعدها في قمة منظمة شنغهاي للتعاون.\n"
           "وكان في استقباله في المطار الرئيس الكازاخستاني قاسم جومارت توكاييف.\n"
           "وتعد هذه الزيارة الثانية لشي إلى كازاخستان منذ زيارته في سبتمبر 2022، التي كانت أول رحلة له إلى "
           "الخارج منذ بدء جائحة كورونا.\n"
           "وخلال الزيارة، من المقرر أن يعقد الرئيسان محادثات حول التعاون في مجالات الطاقة والنقل والتجارة.\n"
           "وقال توكاييف إن زيارة شي جين بينغ تفتح صفحة جديدة في العلاقات بين البلدين.")


def test_the_referring_words_of_a_new_visit_are_not_an_older_visits_the_article_recalls(ex):
    found = links(ex, XI_2024, date(2024, 7, 2))
    # the lead names the visit of the day, not the 2022 one (before: "زيارة" went to 2022 there)
    assert "xi_visit_kz_2024" in found[0] and "xi_visit_kz_2022" not in found[0]
    # the sentence naming the 2022 visit by its date keeps it
    assert "xi_visit_kz_2022" in found[2]
    # "وخلال الزيارة" is the article's visit
    assert set(found[3]) == {"xi_visit_kz_2024"}
    # a visit word no rule of the kind reads ("زيارة شي", no place) moves to the visit of the
    # article's time, the cue saying from which
    assert set(found[4]) == {"xi_visit_kz_2024"}
    assert "the article's time (not xi_visit_kz_2022)" in found[4]["xi_visit_kz_2024"]


def test_an_older_visit_keeps_its_referring_words_where_the_article_names_no_news_of_its_kind(ex):
    # the same lines published a month after the 2022 visit: that visit is the article's news
    # (2024 is far off), and its referring words stay its own
    recalled = XI_2024.replace("زيارته في سبتمبر 2022", "زيارته في سبتمبر الماضي")
    found = links(ex, recalled, date(2022, 9, 20))
    assert "xi_visit_kz_2024" not in {e for f in found.values() for e in f}
    assert "xi_visit_kz_2022" in found.get(3, {})


# test15 (a04_albaath), a tuning part: an article on the election of June 2019 that recalls
# Nazarbayev's resignation of March; "بالوكالة" (acting), a ``linked`` cue of the resignation, in the
# lead naming the election
ACTING = ("فاز رئيس كازاخستان بالوكالة قاسم جومارت توكاييف، أمس، في الانتخابات الرئاسية المبكرة، بعد حصوله "
          "على أكثر من سبعين بالمئة من أصوات الناخبين.\n"
          "وكان الرئيس السابق نزارباييف، الذي قاد البلاد على مدى 30 عاماً، استقال من منصب الرئاسة في آذار "
          "الماضي، مشيراً إلى أن الصلاحيات الرئاسية سيشغلها رئيس مجلس الشيوخ حتى الانتخابات الرئاسية القادمة.")


def test_a_sentence_naming_the_news_is_not_a_recalled_events_by_a_word_that_only_refers(ex):
    found = links(ex, ACTING, date(2019, 6, 10))
    assert "kz_presidential_election_2019" in found[0]
    assert "nazarbayev_resignation_2019" not in found[0]
    # the sentence naming the resignation keeps it
    assert "nazarbayev_resignation_2019" in found[1]


def test_a_lead_naming_an_older_visit_by_its_date_does_not_take_the_new_ones_name(ex):
    # the headline recalls the 2022 visit by its date; "ووصل شي جين بينغ إلى كازاخستان" further down
    # names the visit of the article's time, which is not the lead's older event (before: "the
    # article's event (not xi_visit_kz_2024)")
    text = ("شي جين بينغ في أستانا للمرة الأولى منذ زيارته في سبتمبر 2022\n"
            "وأعلنت وزارة الخارجية الصينية أن الرئيس شي سيشارك في قمة منظمة شنغهاي للتعاون هذا الأسبوع.\n"
            "ووصل شي جين بينغ إلى كازاخستان في وقت يسعى فيه البلدان إلى توسيع التعاون في مجالات الطاقة والنقل.")
    found = links(ex, text, date(2024, 7, 2))
    assert "xi_visit_kz_2022" in found[0]
    assert set(found[2]) == {"xi_visit_kz_2024"}
