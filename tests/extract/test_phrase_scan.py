"""SentenceIndex.finditer (the regex tried only where a phrase's first word occurs) finds exactly
what a scan of every position finds: same matches, same order, same bounds."""

from __future__ import annotations

import random

import pytest

from dashboard.extract.events import (
    _GAP,
    _PIECES,
    ARTICLE,
    HAMZA_SEATS,
    HamzaCheck,
    SentenceIndex,
    _alternation,
    _hamza_check,
    _phrase_regex,
    _Presence,
)
from dashboard.text.document import Doc
from dashboard.text.normalize import fold, squeeze_spaces

PHRASES = ["زيارة رسمية", "زيارة", "الانتخابات الرئاسية", "الانتخابات", "غادر", "مغادرته", "قمة ... شنغهاي",
           "استقبل*", "اجتماع", "Summit"]
TEXTS = [
    "وبالانتخابات الرئاسية وللانتخابات فالانتخابات. غادر الرئيس ومغادرته وزيارة رسمية وزيارته",
    "استقبلت واستقبله والاستقبال؛ اجتماعاجتماع اجتماع  اجتماع. Summit summit",
    "لا شيء هنا",
    "",
]


def scans(text: str, phrases, start: int = 0, end: int | None = None):
    index = SentenceIndex(Doc.from_text("t", text), [], [])
    fast = [(m.start(), m.end()) for m in index.finditer(phrases, start, end)]
    n = len(index.doc.norm.text)
    slow = [(m.start(), m.end()) for m in index.regex_for(phrases).finditer(index.doc.norm.text, start,
                                                                              n if end is None else end)]
    return fast, slow


@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_a_full_scan(text):
    for size in range(1, len(PHRASES) + 1):
        phrases = _alternation(PHRASES[:size])
        fast, slow = scans(text, phrases)
        assert fast == slow
    assert scans(TEXTS[0], _alternation(["زيارة"]))[0]  # it finds something at all


def test_same_matches_within_bounds_and_on_random_text():
    rng = random.Random(3)
    words = ["زيارة", "رسمية", "و", "الانتخابات", "للانتخابات", "غادر", "مغادرته", "قمة", "في", "شنغهاي", "،", ".",
             "اجتماع", "استقبل", "بال", "x"]
    phrases = _alternation(PHRASES[:-1])  # no gap first, no Latin: the fast path
    assert phrases.first_words is not None
    for _ in range(200):
        text = "".join(rng.choice(words) + rng.choice([" ", "", "  "]) for _ in range(30))
        n = len(text)
        start, end = sorted(rng.sample(range(n + 1), 2)) if n > 2 else (0, n)
        fast, slow = scans(text, phrases, start, end)
        assert fast == slow, text


def test_a_phrase_starting_with_a_gap_scans_every_position():
    phrases = _alternation(["... شنغهاي"])
    assert phrases.first_words is None
    fast, slow = scans("قمة ، منظمة شنغهاي", phrases)
    assert fast == slow and fast


def test_first_pieces_gate_answers_as_the_anchors_do():
    """A set's first pieces decide "no anchor here" before the anchors are checked in full: the
    answer must be the anchors' own, for every subset of phrases on every text."""
    rng = random.Random(5)
    words = ["زيارة", "رسمية", "الانتخابات", "الرئاسية", "غادر", "قمة", "شنغهاي", "اجتماع", "Summit", "و", "في"]
    for _ in range(150):
        phrases = _alternation(rng.sample(PHRASES, rng.randint(1, 4)))
        text = " ".join(rng.sample(words, rng.randint(0, 5)))
        index = SentenceIndex(Doc.from_text("t", text), [], [])
        full = any(all(piece in index.doc.norm.text for piece in anchor) for anchor in phrases.anchors)
        assert index._scans.anchored_in(phrases) == full, (text, phrases.ordered)
    # a phrase of a gap alone has no piece to look for: it holds anywhere
    assert _alternation(["...", "قمة"]).first_pieces is None


def test_anchor_pieces_present_are_what_a_substring_test_finds():
    """The one-pass piece scan (an Aho-Corasick automaton over every anchor piece) answers exactly
    as ``piece in text``: pieces inside longer words, overlapping pieces, pieces at the text's
    ends, short pieces and pieces no PhraseSet holds."""
    phrases = _alternation(["زيارة رسمية", "انتخابات الرئاسية", "رئاسي", "اجتماع", "قمة ... شنغهاي", "ab", "Summit"])
    assert phrases is not None
    text = Doc.from_text("t", "وبالانتخابات الرئاسية، زيارةرسمية اجتماعاجتماع قمة شنغهاي Summit").norm.text
    pieces = {p for anchor in phrases.anchors for p in anchor} | {"غير موجود", "x", "ئاس", "اجتماعاج"}
    presence = _Presence(text)
    for piece in sorted(pieces):
        assert presence[piece] == (piece in text), piece
    assert {p for p in pieces if len(p) >= _PIECES.MIN} & _PIECES.pieces  # the automaton answered some


def _accepts_trying_every_phrase(phrases, doc, start, end) -> bool:
    """PhraseSet.accepts as it was before it skipped the phrases whose anchor the match lacks."""
    a, b = doc.norm.to_original(start, end)
    if not any(c in HAMZA_SEATS for c in doc.text[a:b]):
        return True
    text = doc.norm.text
    if any(_phrase_regex(p).fullmatch(text, start, end) for p in phrases.plain):
        return True
    for check in phrases.hamza:
        m = check.regex.fullmatch(text, start, end)
        if m is None:
            continue
        written = (doc.text[doc.norm.original_index(m.start(g + 1) + k)]
                   for g, word in enumerate(check.seats) for k, _ in word)
        wanted = (seat for word in check.seats for _, seat in word)
        if all(w not in HAMZA_SEATS or w == seat for w, seat in zip(written, wanted)):
            return True
    return False


def test_accepts_answers_as_trying_every_phrase():
    """accepts tries only the phrases whose anchor the match holds: on matches written with and
    without hamza seats, agreeing with the phrase or contradicting it, the same answers."""
    phrases = _alternation(["أحداث", "أحداث يناير", "إحداث تغيير", "الأمن", "أمن الدولة", "احتجاج",
                            "إصلاحات*", "زيارة", "مؤتمر ... آسيا", "استقبل*"])
    texts = ["يسعى إلى إحداث تغيير في يناير بعد أحداث يناير واحداث فبراير وبالأحداث الأخيرة",
             "وقال إن أمن الدولة والأمن والإمن وإصلاحاتها والاصلاحات وزيارة مؤتمر التفاعل في آسيا",
             "واستقبل وإستقبل الرئيس الإحداث والأحداث؛ أمن إمن آمن"]
    answers = []
    for text in texts:
        doc = Doc.from_text("t", text)
        for m in phrases.regex.finditer(doc.norm.text):
            answers.append(phrases.accepts(doc, m.start(), m.end()))
            assert answers[-1] == _accepts_trying_every_phrase(phrases, doc, m.start(), m.end()), m.group()
    assert True in answers and False in answers


def _hamza_check_in_full(phrase: str) -> HamzaCheck | None:
    """_hamza_check as it was before it skipped the phrases without a seat: every letter folded."""
    words = [w.rstrip("*") for w in squeeze_spaces(phrase).split() if w != _GAP]
    raw = [w.rstrip("*") for w in " ".join(phrase.split()).split() if w != _GAP]
    seats = []
    for i, (folded, written) in enumerate(zip(words, raw)):
        letters = [c for c in written if fold(c)]
        core = letters[2:] if i == 0 and folded.startswith(ARTICLE) and len(folded) > 3 else letters
        seats.append(tuple((k, c) for k, c in enumerate(core) if c in HAMZA_SEATS))
    return HamzaCheck(phrase, tuple(seats)) if any(seats) else None


def test_hamza_check_skips_only_the_phrases_without_a_seat(catalogues):
    """A phrase with no hamza seat has nothing to check (answered before its letters are folded):
    every phrase of the events catalogue gets the check it got when every letter was folded."""
    assert _hamza_check("إحداث تغيير") == HamzaCheck("إحداث تغيير", (((0, "إ"),), ()))
    assert _hamza_check("احتجاجات ... الشرطة") is None
    assert _hamza_check("أحداث يناير").seats == (((0, "أ"),), ())
    phrases = {p for event in catalogues.events for cue in event.cues
               for s in (cue.phrases, cue.words, cue.unless) if s is not None for p, _ in s.ordered}
    assert len(phrases) > 1000
    checks = {p: _hamza_check(p) for p in phrases}
    assert sum(c is not None for c in checks.values()) > 100
    for phrase, check in checks.items():
        assert check == _hamza_check_in_full(phrase), phrase
