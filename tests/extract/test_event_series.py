"""Numbered instances of a series (dashboard/extract/event_series.py): each round of the Astana
talks is its own event, chosen by its number, a relative word against the publication date, a date,
or the article's round; the process as a whole is never linked."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extract.event_series import parse_series, series_events
from dashboard.extract.events import parse_events
from dashboard.pipeline.article import Extractors
from dashboard.text.document import Doc


@pytest.fixture(scope="module")
def ex(catalogues) -> Extractors:
    return Extractors(catalogues)


def links(ex: Extractors, text: str, published: date, precision: str = "day") -> dict[int, set[str]]:
    """sentence_id -> the events linked there."""
    doc = Doc.from_text("t", text, published, precision)
    out: dict[int, set[str]] = {}
    for r in ex.events.find(doc, ex.entities.find(doc), ex.dates.find(doc)):
        out.setdefault(r["sentence_id"], set()).add(r["event_id"])
    return out


def test_every_round_is_an_event_with_the_ids_the_gold_uses(catalogues):
    ids = {e.id for e in catalogues.events}
    assert {"astana_talks_12_2019", "astana_talks_13_2019", "astana_talks_14_2019", "astana_talks_19_2022",
            "astana_talks_20_2023", "astana_talks_21_2024"} <= ids
    rounds = catalogues.event_series.series[0].instances
    assert [r.number for r in rounds] == list(range(1, len(rounds) + 1))


def test_a_round_by_its_number_in_digits_or_words(ex):
    text = ("أعلنت كازاخستان أن عاصمتها ستستضيف الجولة الـ13 لمحادثات أستانا حول سوريا في بداية الشهر المقبل. "
            "وقالت الخارجية إن نور سلطان تستضيف الجولة الدورية الثالثة عشرة من المحادثات بصيغة أستانا. "
            "وكانت الجولة الـ12 قد عقدت في أبريل الماضي بمشاركة الدول الضامنة.")
    found = links(ex, text, date(2019, 7, 19))
    assert found[0] == {"astana_talks_13_2019"}
    assert found[1] == {"astana_talks_13_2019"}
    assert found[2] == {"astana_talks_12_2019"}  # named by number in a sentence that does not name Astana


def test_next_and_previous_rounds_against_the_publication_date(ex):
    text = ("أعلنت كازاخستان موعد الجولة المقبلة من محادثات أستانا حول سوريا. "
            "ومنذ انتهاء جولة أستانا السابقة تواصل القصف في إدلب.")
    found = links(ex, text, date(2019, 7, 19))
    assert found[0] == {"astana_talks_13_2019"}  # the first round after 19 July 2019
    assert found[1] == {"astana_talks_12_2019"}  # the last before it
    # the same words in another year are other rounds
    found = links(ex, text, date(2022, 9, 1))
    assert found[0] == {"astana_talks_19_2022"} and found[1] == {"astana_talks_18_2022"}


def test_the_number_said_of_the_meeting_and_the_article_round_further_on(ex):
    text = ("أعلنت كازاخستان استعدادها لاحتضان اجتماع حول سوريا، هو العشرون، يعقد في العاصمة أستانا. "
            "ويشارك في اللقاء الذي يأتي تحت عنوان صيغة أستانا وفود الدول الضامنة.")
    found = links(ex, text, date(2023, 6, 5))
    assert found[0] == {"astana_talks_20_2023"}
    assert found[1] == {"astana_talks_20_2023"}


def test_a_date_of_the_sentence_is_no_round_number_and_dates_the_round(ex):
    # "الـ20 والـ21 حزيران" are days: not rounds 20 and 21; the days name the round held on them
    text = "وتعقد محادثات أستانا حول سوريا في الـ20 والـ21 حزيران يونيو 2023 في العاصمة الكازاخية."
    found = links(ex, text, date(2023, 5, 2))
    assert found[0] == {"astana_talks_20_2023"}
    found = links(ex, "وتعقد محادثات أستانا 21 حزيران 2023 بشأن سوريا.", date(2023, 5, 2))
    assert found[0] == {"astana_talks_20_2023"}  # not round 21


def test_the_process_as_a_whole_is_no_round(ex):
    # "عملية أستانا" with nothing of a round: the process, which carries no event
    text = "وأكد الرئيسان أهمية تواصل عملية أستانا بشأن سوريا."
    assert links(ex, text, date(2019, 10, 4)) == {}
    # nor does the process event itself ever get a link, even on a round's day
    found = links(ex, "وتنطلق اليوم محادثات أستانا حول سوريا.", date(2019, 12, 10))
    assert found == {0: {"astana_talks_14_2019"}}
    # ... and what the format usually is names no round of an article about one
    text = ("أعلنت كازاخستان عن انعقاد الجولة 21 من محادثات أستانا حول سوريا. "
            "وعادة ما يشارك في أستانا ممثلون عن الدول الضامنة والأمم المتحدة.")
    found = links(ex, text, date(2024, 1, 10))
    assert found == {0: {"astana_talks_21_2024"}}


def test_a_round_months_ahead_needs_a_planned_word(ex):
    # round 22 (November 2024) named in January 2024: only as still to come
    assert links(ex, "وكانت الجولة 22 من محادثات أستانا حول سوريا مثار جدل.", date(2024, 1, 10)) == {}
    found = links(ex, "ومن المقرر أن تعقد الجولة 22 من محادثات أستانا حول سوريا.", date(2024, 1, 10))
    assert found == {0: {"astana_talks_22_2024"}}


def test_no_round_in_an_article_that_does_not_name_the_series(ex):
    # "الجولة الثانية" of a vote, "الجولة المقبلة" of trade talks: no Astana named anywhere
    assert links(ex, "وتجري الجولة الثانية من الانتخابات الرئاسية الأحد المقبل.", date(2019, 4, 1)) == {}
    assert links(ex, "وعقدت الجولة المقبلة من المحادثات التجارية في أستانا.", date(2019, 7, 19)) == {}


def _raw(**series):
    spec = {"id": "x", "process": "p", "name_ar": "م {n}", "name_en": "x {n}", "description": "round {n} in {place}",
            "nouns": ["الجولة"], "instances": [{"n": 1, "start": "2020-01-01", "end": "2020-01-02"},
                                               {"n": 2, "start": "2020-06-01", "end": "2020-06-02"}]}
    spec.update(series)
    return {"instance_ordinals": {"units": [["الأول", "الأولى", "الحادي"]], "ten": ["العاشر"], "teen": ["عشر"],
                                  "tens": {20: ["العشرون"]}},
            "series": [spec]}


def _events(raw, *extra):
    return parse_events({"events": [{"id": "p", "name_ar": "م", "name_en": "p", "date_start": "2019-01-01",
                                     "date_end": "2020-12-31", "description": "the process of the series"}, *extra],
                         **raw})


def test_series_are_checked_when_the_catalogue_loads():
    raw = _raw()
    assert [e["id"] for e in series_events(raw)] == ["x_1_2020", "x_2_2020"]
    assert parse_series(raw, _events(raw)) is not None
    with pytest.raises(ValueError, match="process event 'q'"):
        parse_series(_raw(process="q"), _events(raw))
    with pytest.raises(ValueError, match="in order"):
        bad = _raw(instances=[{"n": 2, "start": "2020-06-01", "end": "2020-06-02"},
                              {"n": 1, "start": "2020-01-01", "end": "2020-01-02"}])
        parse_series(bad, _events(bad))
    with pytest.raises(ValueError, match="names no catalogue event"):
        parse_series(_raw(instances=[{"n": 1, "event": "nowhere"}]), _events(raw))


def test_what_ant_coverage_of_2018_said_around_the_rounds(ex):
    # "a new round" opening on the day of publication is that round, not the next
    found = links(ex, "مع انطلاق جولة جديدة من محادثات أستانة بشأن سوريا عمدت القوات التركية إلى خطوات جديدة.",
                  date(2018, 5, 14))
    assert found == {0: {"astana_talks_9_2018"}}
    text = ("وقال المسؤول إن صيغة محادثات أستانا بشأن سوريا معطلة حاليا. "
            "وكشف مصدر رئاسي عن خمس نقاط أبلغها الرئيس للقادة، أولها وهو الثاني في الترتيب وقف القتال. "
            "وقلل المسؤولون من أهمية اللقاء المرتقب بين ترامب وكيم. "
            "وتأجلت جولة جنيف المقبلة إلى الشهر القادم.")
    # "هو الثاني" said of no round noun, a meeting noun where the series is not named, another
    # city's round: none is a round of the Astana talks
    assert links(ex, text, date(2018, 3, 6)) == {}
    # a round number before the series is named belongs to other talks
    text = ("وانتهت الجولة الأخيرة بدون تحقيق أي تقدم يذكر في جنيف. "
            "وشهدت محادثات أستانة بشأن سوريا استضافة روسيا مؤتمر الحوار الوطني.")
    assert links(ex, text, date(2018, 4, 17)) == {}
    # a period since a month is no date of a round
    text = "ويشهد الجنوب وقفا لإطلاق النار منذ يوليو الماضي، بعدما أدرجت المنطقة في محادثات أستانة بشأن سوريا."
    assert links(ex, text, date(2018, 6, 15)) == {}


def test_a_bodys_summit_by_its_number_not_the_one_nearest_in_time(ex):
    # a 2021 article on the Istanbul summit recalls the 7th (Baku, 2019) by its number
    text = ("انطلقت في إسطنبول قمة المجلس التركي بمشاركة قادة الدول الأعضاء. "
            "وكان الرئيس قد شارك في القمة السابعة للمجلس التركي في باكو.")
    found = links(ex, text, date(2021, 11, 12))
    assert "ots_summit_2021" in found[0]
    assert found[1] == {"ots_summit_2019"}
    # the Turkic-speaking states' 9th summit (2009), dated: no summit of the catalogue's series
    text = ("انطلقت في إسطنبول قمة المجلس التركي بمشاركة قادة الدول الأعضاء. "
            "وتعود بدايات تأسيس المجلس التركي إلى القمة التاسعة لزعماء البلدان الناطقة بالتركية في أكتوبر 2009.")
    assert 1 not in links(ex, text, date(2021, 11, 12))
    # "the 21st" of the SCO's summits, ordinal words in the masculine and with ال
    found = links(ex, "انطلقت اليوم القمة الحادية والعشرون لمنظمة شنغهاي للتعاون في دوشنبه.", date(2021, 9, 17))
    assert found[0] == {"sco_summit_2021"}
