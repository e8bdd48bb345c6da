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


def _ant(outlet: str, n: int) -> list[RawArticle]:
    if ANT is None:
        pytest.skip("ANT corpus not unpacked at corpora/ant")
    paths = sorted((ANT / outlet).glob("*/*.txt"))[:n]
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
