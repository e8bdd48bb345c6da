"""A corpus of twelve real seed sentences, one article each, built by the real pipeline, so the
search grammar is checked on the product's own matching (vocabulary, clitics, gazetteer)."""

from __future__ import annotations

import json

import pytest

from dashboard.dataset import Dataset, load_dataset
from dashboard.paths import CATALOGUE_DIR

# (id, outlet, date, sentence): sentences copied from seeds/00*.txt.
SENTENCES = [
    ("s01", "A", "2022-01-03", "من المثير للإعجاب أن امتثال كازاخستان القوي للعقوبات الاقتصادية التي فرضتها الدول الغربية على روسيا قد صمد أمام اختبار الزمن."),
    ("s02", "A", "2022-01-04", "ومع ذلك ، فإن مثل هذا التفاني المستمر للمبادئ الديمقراطية الدولية (من قبل دولة أضعف نسبيًا محشورة في مثلث جيوسياسي مع جارتين أقوى بكثير ، أي الصين وروسيا) لم يكن كافياً لتغيير رأي سلبي راسخ على ما يبدو عن كازاخستان."),
    ("s03", "B", "2022-01-10", "ميزة كبيرة بالنسبة لكازاخستان هي أنها تقع على الطريق بين روسيا والصين ، وهي موضوع موضوعي نوع من المنطقة العازلة."),
    ("s04", "B", "2022-02-01", "هل تنجح أمريكا في إبعاد كازاخستان عن روسيا؟"),
    ("s05", "A", "2022-02-02", "لقد خسر أبليازوف بالفعل قضايا مختلفة أمام المحاكم في الولايات المتحدة وبريطانيا العظمى وفرنسا."),
    ("s06", "B", "2022-02-14", "لماذا تمثل كازاخستان معضلة لواشنطن؟"),
    ("s07", "A", "2022-03-01", "و تتحدث تقارير روسية عن الدعم الكبير من قبل الولايات المتحدة للناشطين والمنظمات العاملة في مجال الحريات والمجتمع المدني، عبر تقديم المنح الدراسية والدورات التدريبية، ناهيك عن الدعم المادي خلال السنوات الأخيرة."),
    ("s08", "B", "2022-03-02", "ثم لجأ توكاييف نفسه إلى موسكو للحصول على المساعدة الخارجية ، وتم وضع هيكل منظمة معاهدة الأمن الجماعي موضع التنفيذ لأول مرة وبنجاح."),
    ("s09", "A", "2022-03-15", "أميركا أول دولة اعترفت باستقلالها.."),
    ("s10", "B", "2022-03-20", "وشمل العدد المتزايد من الزوار الثنائيين للمؤتمر الأخير الرئيس الصيني شي جين بينغ ، والوزير السنغافوري مالكي عثمان ، والاجتماعات مع الاتحاد الأوروبي ، والتي أدت إلى تنفيذ اتفاقية الشراكة والتعاون المعززة بين الاتحاد الأوروبي وكازاخستان (EPCA)."),
    ("s11", "A", "2022-03-21", "إن محاولة كازاخستان لموازنة نهج النظام الروسي على النمط السوفيتي حتى الآن قد ابتعدت عن الأسلوب الاستبدادي وحكم الفاسد للنظام السابق ويمكن أن تبرز كمركز دبلوماسي في آسيا الوسطى."),
    ("s12", "B", "2022-03-28", "لكن كثيرا من الخبراء يعدون كازاخستان إحدى الدول التي تدور في فلك النفوذ الروسي، ودفع ذلك لتعقيد العلاقات الأميركية الكازاخستانية، خاصة خلال السنوات الأخيرة."),
]


@pytest.fixture(scope="session")
def sentence_dataset_dir(tmp_path_factory):
    from dashboard.pipeline.run import build

    src = tmp_path_factory.mktemp("sentence_corpus")
    with (src / "sentences.jsonl").open("w", encoding="utf-8") as f:
        for aid, outlet, day, text in SENTENCES:
            f.write(json.dumps({"article_id": aid, "title": aid, "source": outlet, "published": day,
                                "url": f"https://example.org/{aid}", "text": text},
                               ensure_ascii=False) + "\n")
    out = tmp_path_factory.mktemp("datasets") / "sentences"
    build([src], out, CATALOGUE_DIR, workers=1)
    return out


@pytest.fixture(scope="session")
def sentences(sentence_dataset_dir) -> Dataset:
    return load_dataset(sentence_dataset_dir)
