"""A tiny hand-written dataset conforming to dashboard/schema.py, with counts known by hand.

Independent of the build so the analysis tests can pin exact numbers. Articles:
a1 الجزيرة 2022-01-05: protests, Tokayev, Russia, كازاخستان x2, الكازاخستانية, ألماتي, a date
a2 RT 2022-01-07: روسيا, لكازاخستان, بوتين, توكاييف
a3 الجزيرة 2023-03-01: الصين x2, كازاخستان, أستانا, and a <script> tag in its text
a4 Project Syndicate, no date: الولايات المتحدة, واشنطن, الصين, وروسيا
a5 RT 2021-06-01: only the adjective الكازاخستانية
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from dashboard.schema import TABLES, conform
from dashboard.text.document import Doc
from dashboard.text.normalize import fold

ARTICLES = [
    ("a1", "احتجاجات كازاخستان", "الجزيرة", "2022-01-05",
     "اندلعت احتجاجات في كازاخستان في 5 يناير 2022. وقال توكاييف إن روسيا سترسل قوات إلى كازاخستان.\n"
     "وأعلنت الحكومة الكازاخستانية حالة الطوارئ في ألماتي."),
    ("a2", "دعم روسي", "RT", "2022-01-07",
     "قدمت روسيا الدعم لكازاخستان. والتقى بوتين مع توكاييف في موسكو."),
    ("a3", "اتفاق صيني", "الجزيرة", "2023-03-01",
     "وقعت الصين اتفاقا مع كازاخستان في أستانا. <script>alert(1)</script>\n\nالصين شريك تجاري كبير."),
    ("a4", "واشنطن وآسيا الوسطى", "Project Syndicate", None,
     "تسعى الولايات المتحدة إلى تعزيز علاقاتها مع آسيا الوسطى. واشنطن تراقب الصين وروسيا."),
    ("a5", "بيان", "RT", "2021-06-01", "أصدرت الخارجية الكازاخستانية بيانا."),
]

ENTITIES = [  # entity_id, type, name_ar, name_en, parent, iso2, iso3
    ("KAZ", "country", "كازاخستان", "Kazakhstan", None, "KZ", "KAZ"),
    ("RUS", "country", "روسيا", "Russia", None, "RU", "RUS"),
    ("CHN", "country", "الصين", "China", None, "CN", "CHN"),
    ("USA", "country", "الولايات المتحدة", "United States", None, "US", "USA"),
    ("ALA", "city", "ألماتي", "Almaty", "KAZ", None, None),
    ("AST", "city", "أستانا", "Astana", "KAZ", None, None),
    ("WAS", "city", "واشنطن", "Washington", "USA", None, None),
    ("MOW", "city", "موسكو", "Moscow", "RUS", None, None),
    ("TOK", "person", "قاسم جومارت توكاييف", "Kassym-Jomart Tokayev", None, None, None),
    ("PUT", "person", "فلاديمير بوتين", "Vladimir Putin", None, None, None),
]
ALIASES = [  # alias as written, entity, form
    ("كازاخستان", "KAZ", "name"), ("الكازاخستانية", "KAZ", "adjective"), ("روسيا", "RUS", "name"),
    ("الصين", "CHN", "name"), ("الولايات المتحدة", "USA", "name"), ("ألماتي", "ALA", "name"),
    ("أستانا", "AST", "name"), ("واشنطن", "WAS", "name"), ("موسكو", "MOW", "name"),
    ("توكاييف", "TOK", "name"), ("بوتين", "PUT", "name"),
]
EVENTS = [
    ("E_UNREST", "أحداث يناير", "January 2022 unrest", "2022-01-02", "2022-01-11", "Protests."),
    ("E_SCO", "قمة شنغهاي", "SCO summit", "2022-09-15", "2022-09-16", "Summit."),
]
EVENT_CUES = [("a1", "احتجاجات", "E_UNREST"), ("a2", "الدعم", "E_UNREST")]
THEMES = [("security", "الأمن", "Security", ""), ("economy", "الاقتصاد", "Economy", "")]
ARTICLE_THEMES = [  # article, theme, share, is_main
    ("a1", "security", 1.0, True), ("a2", "security", 1.0, True), ("a3", "economy", 0.75, True),
    ("a3", "security", 0.25, False), ("a5", "economy", 1.0, True),
]
STOPWORDS = {"في", "مع", "الي", "ان", "من"}
_ARTICLE = re.compile(r"^(?:[وف]?(?:لل|[بكل]?ال))(?=...)")
_SINGLE = re.compile(r"^[وفبل](?=...)")
CLITIC_HOSTS = {"كازاخستان", "روسيا", "قال"}  # where a single-letter proclitic is stripped


def _term_key(folded: str) -> str:
    """Crude but exact on these texts: the article always goes; و/ف/ب/ل only before known hosts."""
    key = _ARTICLE.sub("", folded)
    bare = _SINGLE.sub("", key)
    return bare if bare in CLITIC_HOSTS else key


def _sentence_of(doc: Doc, start: int) -> int:
    return doc.sentence_at(start)


def tables() -> dict[str, list[dict]]:
    t: dict[str, list[dict]] = {name: [] for name in TABLES}
    vocab: Counter = Counter()
    vocab_articles: Counter = Counter()
    for aid, title, source, published, text in ARTICLES:
        doc = Doc.from_text(aid, text)
        t["articles"].append({
            "article_id": aid, "title": title, "source": source, "author": None,
            "published": published, "published_precision": "day" if published else "unknown",
            "url": None, "language": "ar", "origin": f"{aid}.txt", "text": text,
            "text_normalized": doc.norm.text, "n_sentences": len(doc.sentences),
            "n_tokens": len(doc.tokens), "duplicate_of": None, "duplicate_kind": None,
        })
        for i, (s, e) in enumerate(doc.sentences):
            t["sentences"].append({"article_id": aid, "sentence_id": i, "char_start": s, "char_end": e,
                                   "is_boilerplate": False, "boilerplate_end": None})
        counts = Counter(_term_key(doc.token_form(i)) for i in range(len(doc.tokens)))
        for term, n in sorted(counts.items()):
            if term in STOPWORDS or term.isdigit() or len(term) < 2:
                continue
            t["terms"].append({"article_id": aid, "term": term, "count": n})
            vocab[term] += n
            vocab_articles[term] += 1
        for alias, eid, form in ALIASES:
            for m in re.finditer(rf"(?<!\w)(?:[وفبل]|لل)?({alias})(?!\w)", text):
                s, e = m.span(1)
                t["entity_mentions"].append({
                    "article_id": aid, "sentence_id": _sentence_of(doc, s), "entity_id": eid,
                    "surface": text[s:e], "char_start": s, "char_end": e, "form": form,
                    "alias": fold(alias), "match": "exact", "in_boilerplate": False,
                })
        if "5 يناير 2022" in text:
            s = text.index("5 يناير 2022")
            t["date_mentions"].append({
                "article_id": aid, "sentence_id": _sentence_of(doc, s), "surface": "5 يناير 2022",
                "char_start": s, "char_end": s + 12, "date_start": "2022-01-05",
                "date_end": "2022-01-05", "granularity": "day", "relative": False,
            })
        for cue_aid, cue, eid in EVENT_CUES:
            if cue_aid == aid:
                s = text.index(cue)
                t["event_mentions"].append({
                    "article_id": aid, "sentence_id": _sentence_of(doc, s), "event_id": eid,
                    "char_start": s, "char_end": s + len(cue), "cue": cue,
                })
    t["vocabulary"] = [
        {"term": k, "term_key": k, "count": n, "n_articles": vocab_articles[k], "forms": k}
        for k, n in sorted(vocab.items())
    ]
    t["entities"] = [dict(zip(["entity_id", "type", "name_ar", "name_en", "parent", "iso2", "iso3"], r))
                     for r in ENTITIES]
    t["events"] = [dict(zip(["event_id", "name_ar", "name_en", "date_start", "date_end", "description"], r))
                   for r in EVENTS]
    t["themes"] = [dict(zip(["theme_id", "name_ar", "name_en", "description"], r)) for r in THEMES]
    t["article_themes"] = [{"article_id": a, "theme_id": th, "score": sh, "share": sh, "is_main": main}
                           for a, th, sh, main in ARTICLE_THEMES]
    return t


def write_dataset(folder: Path, version: str = "test-1") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables().items():
        conform(name, rows).to_parquet(folder / f"{name}.parquet", index=False)
    (folder / "build_info.json").write_text(json.dumps({"version": version}), encoding="utf-8")
    return folder
