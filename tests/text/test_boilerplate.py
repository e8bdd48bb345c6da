"""Outlet boilerplate: detected by frequency per outlet, overridable in the catalogue; real BBC and
CNN articles read from corpora/ant at test time (skipped when the corpus is absent)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from dashboard.catalogues import CatalogueError, load_catalogues
from dashboard.ingest.readers import iter_inputs
from dashboard.ingest.records import RawArticle
from dashboard.paths import CATALOGUE_DIR, REPO_ROOT
from dashboard.text.boilerplate import (
    BoilerplateCatalogueError,
    Rules,
    detect,
    parse_rules,
    sentence_keys,
    text_key,
)
from dashboard.text.sentences import split_sentences

ANT = next((p for p in (REPO_ROOT / "corpora" / "ant", Path("/tmp/ant")) if p.is_dir()), None)
PROMO = "تابعونا على تطبيق الأخبار على هواتفكم."


def corpus(texts: dict[str, tuple[str, str]], duplicate_of: dict[str, str] | None = None):
    """(keys, sentences, articles) for {article_id: (source, text)}."""
    keys, sents, arts = [], [], []
    for aid, (source, text) in texts.items():
        spans = split_sentences(text)
        keys.extend(sentence_keys(aid, text, spans))
        sents.extend({"article_id": aid, "sentence_id": i, "char_start": s, "char_end": e}
                     for i, (s, e) in enumerate(spans))
        arts.append({"article_id": aid, "source": source, "text": text,
                     "duplicate_of": (duplicate_of or {}).get(aid)})
    return pd.DataFrame(keys), pd.DataFrame(sents), pd.DataFrame(arts)


def story(i: int) -> str:
    return f"أعلنت الحكومة في بيانها رقم {i} خطة جديدة للنقل.\nوقال الوزير إن المرحلة {i} تبدأ قريبا."


def marked_texts(keys, sents, arts, found) -> list[str]:
    texts = arts.set_index("article_id")["text"]
    return [texts[keys["article_id"].iat[r]][sents["char_start"].iat[r]:found.marked_end[r]]
            for r in np.flatnonzero(found.marked_end >= 0)]


def test_a_sentence_closing_many_articles_of_one_outlet_is_boilerplate_there_only():
    texts = {f"a{i}": ("A", story(i) + "\n" + PROMO) for i in range(12)}
    texts |= {f"b{i}": ("B", story(i + 100) + ("\n" + PROMO if i < 3 else "")) for i in range(12)}
    keys, sents, arts = corpus(texts)
    found = detect(keys, sents, arts, Rules())
    assert found.table[["source", "kind", "n_articles", "status"]].values.tolist() == [["A", "sentence", 12, "detected"]]
    assert found.table["example"].iat[0] == PROMO
    assert marked_texts(keys, sents, arts, found) == [PROMO] * 12  # B's three are not marked
    assert found.whole.sum() == 12


def test_copies_do_not_make_a_story_look_like_boilerplate():
    texts = {f"a{i}": ("A", story(1)) for i in range(12)}  # one story, published twelve times
    dups = {f"a{i}": "a0" for i in range(1, 12)}
    keys, sents, arts = corpus(texts, dups)
    assert detect(keys, sents, arts, Rules()).table.empty
    assert not detect(keys, sents, arts.assign(duplicate_of=None), Rules()).table.empty


def test_recurring_dateline_is_marked_up_to_the_dash_only():
    cities = ["دبي، الإمارات العربية المتحدة", "واشنطن، الولايات المتحدة", "لندن، بريطانيا"]
    texts = {f"c{i}": ("CNN", f"{cities[i % 3]} (CNN)-- " + story(i)) for i in range(12)}
    keys, sents, arts = corpus(texts)
    found = detect(keys, sents, arts, Rules())
    assert found.table[["kind", "key"]].values.tolist() == [["dateline", "cnn"]]
    marked = marked_texts(keys, sents, arts, found)
    assert len(marked) == 12 and all(m.rstrip().endswith("(CNN)--") for m in marked)
    assert not found.whole.any()


def test_a_dash_later_in_the_sentence_is_not_a_dateline():
    text = "أعلنت الحكومة في بيانها الصادر صباح اليوم عن خطة النقل الجديدة في العاصمة - وهي الأولى."
    assert sentence_keys("x", text, split_sentences(text))[0]["dateline_key"] is None


def test_catalogue_forces_and_vetoes():
    rare = "هذا المقال برعاية شركة المثال."
    texts = {f"a{i}": ("A", story(i) + "\n" + PROMO + ("\n" + rare if i < 2 else "")) for i in range(12)}
    keys, sents, arts = corpus(texts)
    rules = parse_rules(yaml.safe_load(f"force:\n  - text: \"{rare}\"\n    source: A\nnever:\n  - \"{PROMO}\"\n"))
    found = detect(keys, sents, arts, rules)
    status = dict(zip(found.table["example"], found.table["status"]))
    assert status == {PROMO: "kept: catalogue says never", rare: "forced by catalogue"}
    assert marked_texts(keys, sents, arts, found) == [rare, rare]


def test_bad_catalogue_is_reported_by_file(tmp_path):
    with pytest.raises(BoilerplateCatalogueError, match="boilerplate.yaml: force\\[0\\]"):
        parse_rules(yaml.safe_load("force:\n  - source: A\n"))
    # through the catalogue object: a CatalogueError naming the file, the build refuses
    folder = tmp_path / "cat"
    shutil.copytree(CATALOGUE_DIR, folder)
    (folder / "boilerplate.yaml").write_text("min_share: lots\n", "utf-8")
    with pytest.raises(CatalogueError, match="boilerplate.yaml: min_articles and min_share must be numbers"):
        load_catalogues(folder)


def test_key_ignores_punctuation_diacritics_and_hamza():
    assert text_key("يمكنكم استلام إشعارات!") == text_key("يُمكنكم  استلام اشعارات")
    assert text_key("-----") == ""


def _ant(outlet: str, n: int, category: str = "*") -> list[RawArticle]:
    if ANT is None:
        pytest.skip("ANT corpus not unpacked at corpora/ant")
    paths = sorted((ANT / outlet).glob(f"{category}/*.txt"))[:n]
    if len(paths) < n:
        pytest.skip(f"fewer than {n} {outlet} files in this ANT copy")
    return [a for a in iter_inputs(paths, load_catalogues(CATALOGUE_DIR).outlets) if isinstance(a, RawArticle)]


def test_real_bbc_app_promotion_and_cnn_dateline_are_marked():
    arts = _ant("BBC", 150) + _ant("CNN", 60)
    keys, sents, frame = corpus({a.article_id: (a.source, a.text) for a in arts})
    found = detect(keys, sents, frame, Rules())
    bbc = found.table[found.table["source"] == "BBC Arabic"]
    assert any("إشعارات بأهم الموضوعات" in e for e in bbc["example"])
    cnn = found.table[found.table["source"] == "CNN Arabic"]
    assert cnn[["kind", "key"]].values.tolist() == [["dateline", "cnn"]]
    marked = marked_texts(keys, sents, frame, found)
    promos = sum("تطبيق بي بي سي عربي" in m for m in marked)
    with_promo = sum("تطبيق بي بي سي عربي على هاتفكم" in a.text for a in arts)
    assert promos >= 0.9 * with_promo > 0
    # nothing that is news is marked: each marked text is a promotion, a read-more line or a dateline
    assert all(("بي بي سي" in m or "اقرأ" in m or "(CNN)" in m) for m in marked), marked[:5]


# An outlet naming itself inside sentences that vary: its own name words, where it uses them far
# more than the other outlets do, leave its term counts (text/boilerplate.py, step 3).

def form_rows(texts: dict[str, tuple[str, str]]):
    """(form_counts, counts, articles) as the build has them, for {article_id: (source, text)}."""
    from dashboard.text.document import Doc
    from dashboard.text.terms import article_form_counts

    stop = load_catalogues(CATALOGUE_DIR).stopwords
    rows, arts = [], []
    for aid, (source, text) in texts.items():
        for (form, spelling), n in article_form_counts(Doc.from_text(aid, text), stop).items():
            rows.append({"article_id": aid, "form": form, "spelling": spelling, "count": n})
        arts.append({"article_id": aid, "source": source, "duplicate_of": None})
    fc = pd.DataFrame(rows)
    return fc, fc["count"].to_numpy(np.int64), pd.DataFrame(arts)


OUTLETS = {"cnn": "CNN Arabic", "سي ان ان بالعربية": "CNN Arabic", "france 24": "France24",
           "فرانس 24": "France24"}


def test_an_outlet_naming_itself_is_left_out_of_its_own_terms_only():
    from dashboard.text.boilerplate import SELF_REFERENCE, outlet_name_words, self_references

    # CNN Arabic names itself in every article, in a sentence that differs each time; France24
    # quotes CNN twice; both write فرانس (of فرانس برس) as often: a name word, not a self-reference.
    texts = {f"c{i}": ("CNN Arabic", f"وقال المسؤول رقم {i} لـCNN إن الخطة جاهزة بحسب فرانس برس.")
             for i in range(12)}
    texts |= {f"f{i}": ("France24", f"أعلنت الوزارة رقم {i} خطة جديدة بحسب فرانس برس"
                        + (" كما نقلت شبكة CNN." if i < 2 else "."))
              for i in range(12)}
    names = outlet_name_words(OUTLETS, ["CNN Arabic", "France24"])
    assert {"cnn", "بالعربيه", "سي"} <= names["CNN Arabic"] and "فرانس" in names["France24"]
    fc, counts, arts = form_rows(texts)
    found = self_references(fc, counts, arts, names, Rules())
    assert found.table[["source", "kind", "example", "n_articles", "status"]].values.tolist() == [
        ["CNN Arabic", SELF_REFERENCE, "CNN", 12, "detected"]]
    dropped = fc.iloc[found.rows]
    assert set(dropped["form"]) == {"cnn"} and dropped["article_id"].str.startswith("c").all()
    assert len(dropped) == 12  # France24's two CNN keep their count
    # the analyst's override, matched on the word as written
    rules = parse_rules(yaml.safe_load("never:\n  - {text: CNN, source: CNN Arabic}\n"))
    kept = self_references(fc, counts, arts, names, rules)
    assert kept.table["status"].tolist() == ["kept: catalogue says never"] and not len(kept.rows)


def test_self_reference_needs_the_outlet_far_above_the_rest():
    from dashboard.text.boilerplate import outlet_name_words, self_references

    # CNN in 12 of CNN's 12 articles but also in 6 of France24's 12: 2x, not the 5x required
    texts = {f"c{i}": ("CNN Arabic", f"وقال المسؤول رقم {i} لـCNN إن الخطة جاهزة.") for i in range(12)}
    texts |= {f"f{i}": ("France24", f"أعلنت الوزارة رقم {i} خطة" + (" نقلتها CNN." if i < 6 else "."))
              for i in range(12)}
    fc, counts, arts = form_rows(texts)
    found = self_references(fc, counts, arts, outlet_name_words(OUTLETS, ["CNN Arabic", "France24"]), Rules())
    assert found.table.empty and not len(found.rows)


def test_tagged_dateline_without_spaces_and_after_a_caption_line():
    caption = "ارتفع النفط اليوم.\nهبط الذهب أمس.\nصعد الدولار كثيرا.\nتراجع اليورو قليلا.\n"
    text = caption + "دبي، الإمارات العربية المتحدة (CNN)-حقق اللاعب هدفا.\nوقال الوزير - إن الأمر انتهى."
    rows = sentence_keys("x", text, split_sentences(text))
    assert [(r["sentence_id"], r["dateline_key"]) for r in rows if r["dateline_key"]] == [(4, "cnn")]
    assert text[rows[4]["dateline_end"] - 6:rows[4]["dateline_end"]] == "(CNN)-"
    # a parenthesis in the middle of an opening sentence is not a tag
    text = "قال الوزير (في بيان)-وهو غاضب- إن الأمر انتهى."
    assert sentence_keys("x", text, split_sentences(text))[0]["dateline_key"] is None


def test_real_ant_self_references_cnn_bbc_sky():
    """Real ANT articles: CNN Arabic's "لـCNN" / "CNN بالعربية", BBC Arabic's "لبي بي سي" and Sky
    News Arabia's "سكاي نيوز عربية" are found, and nothing else is."""
    from dashboard.text.boilerplate import outlet_name_words, self_references

    arts = (_ant("CNN", 250) + _ant("BBC", 250) + _ant("SkyNews", 250, "middleEast")
            + _ant("France24", 250, "middleEast"))
    texts = {a.article_id: (a.source, a.text) for a in arts}
    keys, sents, frame = corpus(texts)
    found = detect(keys, sents, frame, Rules())
    # the words of marked boilerplate are not counted first (as the build does)
    marked = {keys["article_id"].iat[r]: [] for r in np.flatnonzero(found.marked_end >= 0)}
    for r in np.flatnonzero(found.marked_end >= 0):
        marked[keys["article_id"].iat[r]].append((int(sents["char_start"].iat[r]), int(found.marked_end[r])))
    clean = {}
    for aid, (source, text) in texts.items():
        for s, e in sorted(marked.get(aid, []), reverse=True):
            text = text[:s] + " " + text[e:]
        clean[aid] = (source, text)
    fc, counts, frame = form_rows(clean)
    names = outlet_name_words(load_catalogues(CATALOGUE_DIR).outlets, sorted(frame["source"].unique()))
    own = self_references(fc, counts, frame, names, Rules())
    table = own.table.set_index(["source", "example"])
    assert ("CNN Arabic", "CNN") in table.index and ("BBC Arabic", "لبي") in table.index
    assert ("Sky News Arabia", "سكاي") in table.index
    # only name words, only in the outlet's own articles: France24's لفرانس ("قال لفرانس 24") is
    # one, its فرانس (of فرانس برس, which every outlet quotes) is not
    assert set(own.table.loc[own.table["source"] == "France24", "example"]) <= {"لفرانس"}
    dropped = fc.iloc[own.rows].merge(frame, on="article_id")
    for source, form in zip(dropped["source"], dropped["form"]):
        assert any(form == w or form.endswith(w) for w in names[source]), (source, form)
    cnn_in_others = fc[(fc["form"] == "cnn") & ~fc["article_id"].isin(frame.loc[frame["source"] == "CNN Arabic", "article_id"])]
    assert not cnn_in_others.index.isin(own.rows).any()


@pytest.mark.parametrize("text", [
    "ﻷن الرئيس قال: «سنعود». ثم غادر.\n\nتابعونا على تطبيق الأخبار على هواتفكم.",
    "القاهرة - (CNN)-- قَالَ مُحَمَّدٌ إنّ الـــوفد وصل؛ ﷲ أكبر. ‏علامة‎ خفية. ",
    "Latin TEXT only. And ١٢٣ digits.",
    "",
])
def test_keys_from_the_normalised_text_are_the_keys_of_each_sentence_folded_alone(text):
    """The build reads each sentence's folded words from the article's normalised text (no fold
    per sentence): the same keys as folding each sentence on its own, expansions (ﻷ, ﷲ),
    diacritics, tatweel and invisible marks included."""
    from dashboard.text.normalize import normalize

    spans = split_sentences(text)
    rows = sentence_keys("a", text, spans, normalize(text))
    assert [r["key"] for r in rows] == [text_key(text[s:e]) for s, e in spans]
    assert rows == sentence_keys("a", text, spans)
