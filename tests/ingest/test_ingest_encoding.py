"""Every supported encoding decodes a real seed back to exactly its text; impostors are refused."""

from __future__ import annotations

import codecs

import pytest

from dashboard.ingest.encoding import NotText, detect_encoding
from tests.ingest.conftest import run

ENCODINGS = {
    "utf8": lambda t: t.encode("utf-8"),
    "utf8_bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "cp1256": lambda t: t.encode("cp1256"),
    "utf16le_bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf16be_bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf16le": lambda t: t.encode("utf-16-le"),
    "utf16be": lambda t: t.encode("utf-16-be"),
}


@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_seed_decodes_to_the_original_text(tmp_path, seed_001, name):
    (tmp_path / "a.txt").write_bytes(ENCODINGS[name](seed_001))
    articles, rejections = run(tmp_path / "a.txt")
    assert rejections == []
    assert articles["a"].text == seed_001
    assert not articles["a"].text.startswith("\ufeff")
    assert articles["a"].title == "الديمقراطية في آسيا الوسطى في طور التكوين"


@pytest.mark.parametrize("name", ["utf8", "cp1256", "utf16le_bom"])
def test_crlf_and_cr_become_lf(tmp_path, seed_001, name):
    (tmp_path / "crlf.txt").write_bytes(ENCODINGS[name](seed_001.replace("\n", "\r\n")))
    (tmp_path / "cr.txt").write_bytes(ENCODINGS[name](seed_001.replace("\n", "\r")))
    articles, _ = run(tmp_path)
    assert articles["crlf"].text == seed_001
    assert articles["cr"].text == seed_001


def test_cp1256_is_only_accepted_when_it_reads_as_arabic(paragraph):
    assert detect_encoding(paragraph.encode("cp1256"), complete=True) == "cp1256"
    french = "Le café était très élégant; garçon, voilà où ça déçoit. ".encode("latin-1") * 20
    with pytest.raises(NotText) as err:
        detect_encoding(french, complete=True)
    assert err.value.reason == "undecodable"


def test_latin1_whose_accents_are_arabic_letters_in_cp1256_is_refused():
    # á í ó ñ are ل ي ٍ ً in cp1256: the non-ASCII part alone would "read as Arabic".
    spanish = "La información también está aquí, señor; más canción y corazón. ".encode("latin-1") * 30
    with pytest.raises(NotText):
        detect_encoding(spanish, complete=True)


def test_random_high_bytes_are_not_guessed():
    noise = bytes((i * 131 + 17) % 128 + 128 for i in range(4000))
    with pytest.raises(NotText):
        detect_encoding(noise, complete=True)


def test_head_cut_mid_character_still_detects_utf8(paragraph):
    data = paragraph.encode("utf-8")
    assert detect_encoding(data[:101], complete=False) == "utf-8"  # 101 splits a 2-byte letter


def test_utf8_with_a_bad_byte_is_refused_naming_the_file(tmp_path, paragraph):
    (tmp_path / "bad.txt").write_bytes(paragraph.encode() + b"\xff\xfe\xfa" + paragraph.encode())
    articles, rejections = run(tmp_path)
    assert articles == {}
    assert [r.reason for r in rejections] == ["undecodable"]
    assert "bad.txt" in rejections[0].detail and f"at byte {len(paragraph.encode())}" in rejections[0].detail


def test_magic_bytes_win_over_the_extension():
    with pytest.raises(NotText) as err:
        detect_encoding(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", complete=True)
    assert err.value.reason == "unsupported_format"
    assert "PDF" in err.value.what


def test_streamed_formats_in_other_encodings(tmp_path, paragraph):
    trec = f"<DOC>\n<DOCNO>E-1</DOCNO>\n<TITLE>عنوان</TITLE>\n<TEXT>\n{paragraph}\n</TEXT>\n</DOC>\n"
    (tmp_path / "a.trec").write_bytes(trec.replace("\n", "\r\n").encode("cp1256"))
    (tmp_path / "b.jsonl").write_bytes(("\ufeff" + f'{{"id": "E-2", "text": "{paragraph}"}}\n').encode("utf-16-le"))
    (tmp_path / "c.csv").write_bytes(f'id,text\nE-3,"{paragraph}\r\nسطر"\n'.encode("utf-16"))
    articles, rejections = run(tmp_path)
    assert rejections == []
    assert articles["E-1"].text == paragraph and articles["E-2"].text == paragraph
    assert articles["E-3"].text == paragraph + "\nسطر"


def test_decoding_error_part_way_costs_that_record_alone(tmp_path, paragraph):
    doc = "<DOC>\n<DOCNO>{}</DOCNO>\n<TEXT>\n" + paragraph + "\n</TEXT>\n</DOC>\n"
    good = "".join(doc.format(f"S-{i}") for i in range(400)).encode("utf-8")  # > the detection head
    (tmp_path / "late.trec").write_bytes(good + b"<DOC>\n<DOCNO>S-bad</DOCNO>\n<TEXT>\n\xff\xff\n</TEXT>\n</DOC>\n")
    articles, rejections = run(tmp_path)
    assert len(articles) == 400  # every good document, before and after the bad bytes
    assert [(r.reason, r.origin, r.article_id) for r in rejections] == [
        ("undecodable", f"{tmp_path.name}/late.trec#401", "S-bad")]
    assert "late.trec#401 (id S-bad): its text holds a byte that is not valid text in its file (0xff)" in \
        rejections[0].detail


def test_refused_single_article_file_keeps_its_would_be_id(tmp_path):
    (tmp_path / "zero.txt").write_bytes(b"")
    assert run(tmp_path)[1][0].article_id == "zero"


def test_cp1256_after_a_long_ascii_head_is_detected_on_the_whole_file(tmp_path, paragraph):
    text = "Title line\n" + "plain ascii words. " * 4000 + "\n" + (paragraph + "\n") * 200
    (tmp_path / "late_arabic.txt").write_bytes(text.encode("cp1256"))
    articles, rejections = run(tmp_path)
    assert rejections == [] and articles["late_arabic"].text == text
