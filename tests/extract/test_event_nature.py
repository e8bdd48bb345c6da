"""Nature nouns (dashboard/extract/event_nature.py): the words discovered_events.yaml refers to a kind
of event with, lent to the catalogue's events of that nature, under their own cue. Sentences from the
unseen development parts test11 (k10_arabicpost) and test21 (g03_almarjie)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extract.event_nature import NATURE
from dashboard.pipeline.article import Extractors
from dashboard.text.document import Doc


@pytest.fixture(scope="module")
def ex(catalogues) -> Extractors:
    return Extractors(catalogues)


def by_sentence(ex: Extractors, text: str, published: date | None) -> dict[int, dict[str, str]]:
    doc = Doc.from_text("t", text, published, "day")
    out: dict[int, dict[str, str]] = {}
    for r in ex.events.find(doc, ex.entities.find(doc), ex.dates.find(doc)):
        out.setdefault(r["sentence_id"], {})[r["event_id"]] = r["cue"]
    return out


PRISON = ("وقالت وزارة العدل في طاجيكستان إن أعمال الشغب اندلعت في وقت متأخر من مساء الأحد 19 مايو/أيار 2019 "
          "في سجن يقع بمدينة وحدات التي تبعد 10 كيلومترات شرقي العاصمة دوشنبه، بعد أن قتل متشددون بالسكاكين "
          "خمسة من زملائهم المساجين وثلاثة من الحراس.\n"
          "وتقول الحكومة إنه قُتل في سوريا. ولم توضح وزارة العدل إن كان بحروز قد قتل في أعمال الشغب أم لا.")


def test_a_prison_riot_of_no_kind_is_referred_to_by_its_discovery_kinds_words(ex):
    found = by_sentence(ex, PRISON, date(2019, 5, 20))
    assert "tj_vahdat_prison_riot_2019" in found[0]
    riot = {s: links["tj_vahdat_prison_riot_2019"] for s, links in found.items()
            if "tj_vahdat_prison_riot_2019" in links and s > 0}
    assert list(riot.values()) == [f"{NATURE}أعمال الشغب (prison_riot) + event named in the article (s0)"]


def test_no_nature_word_before_the_event_is_named(ex):
    # the same words, the riot named only after them: the earlier sentence stays unlinked
    lines = PRISON.split("\n")
    found = by_sentence(ex, lines[1] + "\n" + lines[0], date(2019, 5, 20))
    assert not any(c.startswith(NATURE) for links in found.values() for c in links.values())


ATTACK = ("أعلنت السلطات في طاجكستان، الأربعاء 6 نوفمبر 2019، مقتل 15 مهاجمًا من تنظيم داعش برصاص قوات الأمن، "
          "كانوا يهاجمونها قادمين من أفغانستان.\n"
          "ووقع الهجوم عند الساعة 3,23، بالتوقيت المحلي، مستهدفًا وحدة من حرس الحدود الطاجيكيين، قرب أوزبكستان، "
          "المجاورة على بعد حوالى 50 كلم، جنوب غرب العاصمة دوشانبي.\n"
          "وقتل في الاشتباك أيضًا جندي وشرطي، بحسب المسؤولين.")


def test_an_attack_is_referred_to_by_the_clash_it_was(ex):
    found = by_sentence(ex, ATTACK, date(2019, 11, 6))
    last = max(found)
    cue = found[last].get("tj_border_post_attack_2019", "")
    assert cue.startswith(f"{NATURE}الاشتباك (attack) + event named in the article"), found


def test_only_the_kinds_of_exactly_the_events_nature_lend_words(ex):
    words = ex.events.natures.words
    # an attack's words are an attack's, not every unrest's
    assert not any(w.kind == "attack" for w in words.get("kz_unrest_2022", ()))
    assert any(w.kind == "protests" for w in words["kz_unrest_2022"])
    # a mutiny that is no prison riot takes none of a prison riot's words
    assert "wagner_mutiny_2023" not in words
    # a war is background: no nature words
    assert "russia_invades_ukraine_2022" not in words


def test_the_wreck_by_its_participle_is_the_crash(ex):
    # test23 (i12_zarab, 16 August 2021)
    text = ("وذكر موقع \"غازيتا\" الأوزبكي أن الطائرة التي تحمل شارة سلاح الجو الأفغاني تحطمت في منطقة شيرآباد "
            "بولاية صرخنداريا مساء أمس الأحد.\n"
            "وبينما انتشرت على وسائل التواصل الاجتماعي صورا ومقاطع فيديو لأجزاء من الطائرة المحطمة، أوضح موقع "
            "غازيتا أنه \"لم يتسن الحصول على تعليق من الخارجية الأوزبكية\".")
    found = by_sentence(ex, text, date(2021, 8, 16))
    crash = "afghan_military_plane_crash_uz_2021"
    assert crash in found[0]
    assert found[1][crash].startswith(f"{NATURE}الطائرة المحطمة (crash) + event named in the article")


def test_the_oath_by_its_other_word_is_the_inauguration(ex):
    # test21 (g08_russiaislworld, 30 October 2020)
    text = ("تم في طاجيكستان، اليوم الجمعة 30 تشرين الأول/ أكتوبر، تنصيب الرئيس المنتخب حديثا إمام علي رحمن، "
            "وذلك في \"قصر الأمم\" (القصر الرئاسي)، حيث تلقى رحمن الرموز الرئاسية.\n"
            "وبعد أداء القسم عُزف النشيد الوطني للجمهورية.")
    found = by_sentence(ex, text, date(2020, 10, 30))
    oath = "rahmon_inauguration_2020"
    assert oath in found[0]
    assert found[1][oath].startswith(f"{NATURE}أداء القسم (inauguration) + event named in the article")
