"""A tiny dataset conforming to dashboard/schema.py, made from the real seed articles, for the app's
tests to run without the build. Entities, events and themes are found by plain regex over the
original text, which is crude but real Arabic with real offsets; a hostile article carries
``<script>`` so the tests can check that nothing renders it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path


from dashboard import schema
from dashboard.paths import SEEDS_DIR
from dashboard.text.document import Doc
from dashboard.text.normalize import fold, original_pattern

SOURCES = ["Al Jazeera", "RT Arabic", "Al Jazeera", "Sputnik", "Asharq"]
DATES = ["2022-01-06", "2022-06-20", "2022-07-01", "2023-03-15", "2022-01-10"]

ENTITIES = [
    # entity_id, type, name_ar, name_en, parent, iso2, iso3, patterns (original text, name first)
    ("KAZ", "country", "كازاخستان", "Kazakhstan", "", "KZ", "KAZ", ["كازاخستان", "الكازاخستاني"]),
    ("RUS", "country", "روسيا", "Russia", "", "RU", "RUS", ["روسيا", "الروسي"]),
    ("CHN", "country", "الصين", "China", "", "CN", "CHN", ["الصين", "الصيني"]),
    ("USA", "country", "الولايات المتحدة", "United States", "", "US", "USA",
     ["الولايات المتحدة", "أمريكا", "أميركا", "واشنطن"]),
    ("UKR", "country", "أوكرانيا", "Ukraine", "", "UA", "UKR", ["أوكرانيا"]),
    ("tokayev", "person", "قاسم جومارت توكاييف", "Kassym-Jomart Tokayev", "KAZ", "", "",
     ["توكاييف"]),
    ("nazarbayev", "person", "نور سلطان نزارباييف", "Nursultan Nazarbayev", "KAZ", "", "",
     ["نزارباييف"]),
    ("putin", "person", "فلاديمير بوتين", "Vladimir Putin", "RUS", "", "", ["بوتين"]),
    ("astana", "city", "أستانا", "Astana", "KAZ", "", "", ["أستانا"]),
    ("csto", "organisation", "منظمة معاهدة الأمن الجماعي", "CSTO", "", "", "",
     ["معاهدة الأمن الجماعي"]),
]
EVENTS = [
    ("jan2022", "احتجاجات يناير 2022", "January 2022 unrest", "2022-01-02", "2022-01-11",
     ["احتجاج", "الاحتجاجات", "يناير"]),
    ("ukraine_war", "الحرب في أوكرانيا", "War in Ukraine", "2022-02-24", None, ["الحرب"]),
    ("independence", "استقلال كازاخستان", "Independence of Kazakhstan", "1991-12-16", None,
     ["استقلال"]),
]
THEMES = [
    ("security", "الأمن", "Security", ["الأمن", "العسكري", "الحرب"]),
    ("economy", "الاقتصاد", "Economy", ["الاقتصاد", "النفط", "التجارة"]),
    ("politics", "السياسة", "Politics", ["الرئيس", "السياسي", "النظام"]),
]
HOSTILE_TEXT = ("مقال <script>alert('x')</script> عن كازاخستان وروسيا.\n"
                "سطر ثان عن الصين و<b>أستانا</b> في يناير 2022.")


def _articles() -> list[dict]:
    rows = []
    for i, path in enumerate(sorted(SEEDS_DIR.glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.strip() and line.strip() != "News")
        rows.append({"article_id": path.stem, "title": title.strip(), "source": SOURCES[i % 5],
                     "published": DATES[i % 5], "text": text, "origin": path.name})
    rows.append({"article_id": "hostile", "title": "<script>alert('t')</script> عنوان",
                 "source": "RT Arabic", "published": "2021-12-01", "text": HOSTILE_TEXT,
                 "origin": "hostile.txt"})
    return rows


def _clitic_free(token: str) -> str:
    """Crude proclitic stripping (و ف ب ل ك, then ال/لل) so term keys are clitic-free, as the
    build's are: وروسيا and لروسيا count for روسيا."""
    if len(token) > 5 and token[0] in "وفبلك":
        token = token[1:]
    if len(token) > 5 and token.startswith("لل"):
        token = "ال" + token[2:]
    return token


def _spans(text: str, patterns: list[str]):
    for pat in patterns:
        for m in re.finditer(original_pattern(pat), text):
            yield pat, m.start(), m.end()


def write_dataset(out: Path, version: str = "synthetic-1") -> Path:
    """Write the dataset into ``out`` (created) and return it."""
    out.mkdir(parents=True, exist_ok=True)
    tables: dict[str, list[dict]] = {name: [] for name in schema.TABLES}
    vocab: Counter = Counter()
    vocab_articles: Counter = Counter()
    for art in _articles():
        doc = Doc.from_text(art["article_id"], art["text"])
        aid, text = art["article_id"], art["text"]
        tables["articles"].append(art | {
            "author": "", "published_precision": "day", "url": "", "language": "ar",
            "text_normalized": doc.norm.text, "n_sentences": len(doc.sentences),
            "n_tokens": len(doc.tokens)})
        for sid, (s, e) in enumerate(doc.sentences):
            tables["sentences"].append({"article_id": aid, "sentence_id": sid, "char_start": s,
                                        "char_end": e})
        counts = Counter(_clitic_free(doc.token_form(i)) for i in range(len(doc.tokens)))
        counts = Counter({t: c for t, c in counts.items() if len(t) > 3 and not t.isdigit()})
        for term, c in sorted(counts.items()):
            tables["terms"].append({"article_id": aid, "term": term, "count": c})
            vocab[term] += c
            vocab_articles[term] += 1
        for ent in ENTITIES:
            for i, (pat, s, e) in enumerate(_spans(text, ent[7])):
                tables["entity_mentions"].append({
                    "article_id": aid, "sentence_id": doc.sentence_at(s), "entity_id": ent[0],
                    "surface": text[s:e], "char_start": s, "char_end": e,
                    "form": "adjective" if pat.startswith("ال") and ent[4] == "" and
                    pat != ent[2] else "name", "alias": fold(pat)})
        for ev in EVENTS:
            for pat, s, e in _spans(text, ev[5]):
                tables["event_mentions"].append({
                    "article_id": aid, "sentence_id": doc.sentence_at(s), "event_id": ev[0],
                    "char_start": s, "char_end": e, "cue": pat})
        for m in re.finditer(r"(19|20)\d\d", text):
            tables["date_mentions"].append({
                "article_id": aid, "sentence_id": doc.sentence_at(m.start()), "surface": m.group(),
                "char_start": m.start(), "char_end": m.end(), "date_start": f"{m.group()}-01-01",
                "date_end": f"{m.group()}-12-31", "granularity": "year", "relative": False})
        scores = {}
        for th in THEMES:
            hits = sorted({doc.sentence_at(s) for _, s, _ in _spans(text, th[3])})
            for sid in hits:
                tables["sentence_themes"].append({"article_id": aid, "sentence_id": sid,
                                                  "theme_id": th[0], "score": 1.0})
            scores[th[0]] = len(hits)
        total = sum(scores.values()) or 1
        best = max(scores.values())
        for tid, sc in sorted(scores.items()):
            if sc:
                tables["article_themes"].append({
                    "article_id": aid, "theme_id": tid, "score": float(sc), "share": sc / total,
                    "is_main": sc == best})
    for term, c in sorted(vocab.items()):
        tables["vocabulary"].append({"term": term, "term_key": fold(term), "count": c,
                                     "n_articles": vocab_articles[term], "forms": term})
    tables["entities"] = [dict(zip(["entity_id", "type", "name_ar", "name_en", "parent", "iso2",
                                    "iso3"], e[:7])) for e in ENTITIES]
    tables["events"] = [{"event_id": e[0], "name_ar": e[1], "name_en": e[2], "date_start": e[3],
                         "date_end": e[4], "description": ""} for e in EVENTS]
    tables["themes"] = [{"theme_id": t[0], "name_ar": t[1], "name_en": t[2], "description": ""}
                        for t in THEMES]
    for name, rows in tables.items():
        schema.conform(name, rows).to_parquet(out / f"{name}.parquet", index=False)
    (out / "build_info.json").write_text(json.dumps({"version": version, "sources": ["synthetic"]}))
    return out
