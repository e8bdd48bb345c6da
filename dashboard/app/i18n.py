"""Interface strings in Arabic (default) and English. Keys are stable; the app never shows a key."""

from __future__ import annotations

LANGS = ("ar", "en")
DEFAULT_LANG = "ar"

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"ar": "كازاخستان في الإعلام العربي", "en": "Kazakhstan in Arabic media"},
    "app_subtitle": {"ar": "بين روسيا والصين والغرب، 2020–2023",
                     "en": "Between Russia, China and the West, 2020–2023"},
    "language": {"ar": "اللغة", "en": "Language"},
    "filters": {"ar": "عوامل التصفية", "en": "Filters"},
    "sources": {"ar": "المصادر", "en": "Sources"},
    "themes": {"ar": "المواضيع", "en": "Themes"},
    "date_range": {"ar": "تاريخ النشر", "en": "Publication date"},
    "entities": {"ar": "الكيانات", "en": "Entities"},
    "events": {"ar": "الأحداث", "en": "Events"},
    "keyword": {"ar": "بحث", "en": "Search"},
    "keyword_help": {
        "ar": "كلمات بصيغها (لروسيا، وروسيا، روسيا)؛ \"عبارة بين علامتي تنصيص\"؛ AND (أو مسافة)، OR، NOT "
              "بأحرف كبيرة؛ أقواس؛ روس* لكل كلمة تبدأ بـ روس؛ entity:ru لكيان من الفهرس. "
              "مثال: روسيا OR \"الاتحاد الروسي\" NOT أوكرانيا",
        "en": "Words with their forms (لروسيا, وروسيا, روسيا); \"a phrase in quotes\"; AND (or a space), OR, "
              "NOT in capitals; parentheses; روس* for every word starting with روس; entity:ru for a "
              "catalogue entity. Example: روسيا OR \"الاتحاد الروسي\" NOT أوكرانيا"},
    "query_error": {"ar": "لم يُفهم البحث: {error}", "en": "The search was not understood: {error}"},
    "derived": {"ar": "الصيغ المشتقة (الكازاخستانية…)", "en": "Derived forms (الكازاخستانية…)"},
    "reset": {"ar": "إعادة الضبط", "en": "Reset filters"},
    "all": {"ar": "الكل", "en": "All"},
    "page_overview": {"ar": "نظرة عامة", "en": "Overview"},
    "page_timeline": {"ar": "الخط الزمني للأحداث", "en": "Event timeline"},
    "page_entities": {"ar": "الكيانات", "en": "Entities"},
    "page_sources": {"ar": "مقارنة المصادر", "en": "Source comparison"},
    "page_words": {"ar": "الكلمات", "en": "Words"},
    "page_concordance": {"ar": "السياق (كويك)", "en": "Concordance"},
    "page_map": {"ar": "الخريطة", "en": "Map"},
    "basis": {"ar": "الأرقام مستخرجة من {articles} مقالة و{sentences} جملة.",
              "en": "Numbers based on {articles} articles and {sentences} sentences."},
    "empty": {"ar": "لا توجد نتائج لهذه الاختيارات. وسّع عوامل التصفية أو أعد ضبطها.",
              "en": "Nothing matches these filters. Widen them or reset them."},
    "no_dataset": {"ar": "لم يُعثر على مجموعة البيانات في {path}.",
                   "en": "No dataset found at {path}."},
    "bad_dataset": {"ar": "تعذّرت قراءة مجموعة البيانات: {error}",
                    "en": "The dataset could not be read: {error}"},
    "building": {"ar": "جارٍ بناء مجموعة البيانات من المقالات…",
                 "en": "Building the dataset from the articles…"},
    "build_done": {"ar": "اكتمل البناء: {n} مقالة.", "en": "Build finished: {n} articles."},
    "not_rebuilt": {"ar": "تغيّرت المقالات أو الفهارس لكن تعذّر إعادة بناء البيانات هنا ({reason})؛ "
                          "المعروض هو آخر بناء.",
                    "en": "The articles or catalogues changed, but the dataset could not be rebuilt "
                          "here ({reason}): showing the last one built."},
    "rebuild_read_only": {"ar": "المجلد للقراءة فقط", "en": "the folder is read-only"},
    "rebuild_disk_full": {"ar": "القرص ممتلئ", "en": "the disk is full"},
    "rebuild_failed": {"ar": "فشل البناء", "en": "the build failed"},
    "download_csv": {"ar": "تنزيل CSV", "en": "Download CSV"},
    "data": {"ar": "البيانات (جدول وتنزيل CSV)", "en": "Data (table and CSV download)"},
    "download_png": {"ar": "تنزيل PNG", "en": "Download PNG"},
    # Overview
    "m_articles": {"ar": "المقالات", "en": "Articles"},
    "m_sentences": {"ar": "الجمل", "en": "Sentences"},
    "m_sources": {"ar": "المصادر", "en": "Sources"},
    "m_entities": {"ar": "الكيانات", "en": "Entities"},
    "m_events": {"ar": "الأحداث", "en": "Events"},
    "m_dates": {"ar": "الفترة", "en": "Period"},
    "period": {"ar": "المقالات منشورة من {start} إلى {end}.",
               "en": "Articles published from {start} to {end}."},
    "articles_table": {"ar": "المقالات", "en": "Articles"},
    "table_capped": {"ar": "يُعرض أحدث {shown} من {total} مقالة؛ ملف CSV يضمها كلها.",
                     "en": "Showing the latest {shown} of {total} articles; the CSV has them all."},
    "choose_article": {"ar": "اختر مقالة لقراءتها", "en": "Choose an article to read"},
    "reader": {"ar": "القارئ", "en": "Reader"},
    "mark_hit": {"ar": "البحث", "en": "search"},
    "mark_ent": {"ar": "كيان", "en": "entity"},
    "mark_date": {"ar": "تاريخ", "en": "date"},
    "mark_event": {"ar": "حدث", "en": "event"},
    "col_title": {"ar": "العنوان", "en": "Title"},
    "col_source": {"ar": "المصدر", "en": "Source"},
    "col_published": {"ar": "التاريخ", "en": "Date"},
    "col_themes": {"ar": "المواضيع", "en": "Themes"},
    "col_n_sentences": {"ar": "الجمل", "en": "Sentences"},
    "col_mentions": {"ar": "الإشارات", "en": "Mentions"},
    "col_articles": {"ar": "المقالات", "en": "Articles"},
    "col_name_ar": {"ar": "الاسم", "en": "Name (Arabic)"},
    "col_name_en": {"ar": "الاسم بالإنجليزية", "en": "Name"},
    # Timeline
    "timeline_title": {"ar": "أحداث الفهرس على محور الزمن", "en": "Catalogue events over time"},
    "timeline_window": {
        "ar": "يبدأ المحور قبل أول مقالة بخمس سنوات؛ {n} حدثًا أقدم (منذ {year}) تظهر بالنقر المزدوج على الرسم.",
        "en": "The axis starts five years before the first article; double-click the chart to "
              "show {n} older events (from {year})."},
    "publications": {"ar": "تواريخ النشر", "en": "Publication dates"},
    "date_axis": {"ar": "التاريخ", "en": "Date"},
    "choose_event": {"ar": "اختر حدثًا لقراءة ما قالته كل وسيلة عنه",
                     "en": "Choose an event to read what each outlet says about it"},
    "event_sentences": {"ar": "كيف تتناول كل وسيلة الحدث", "en": "How each outlet frames the event"},
    "no_event_mentions": {"ar": "لا تذكر المقالات المختارة أي حدث من الفهرس.",
                          "en": "The selected articles mention no catalogue event."},
    "hover_mentions": {"ar": "الإشارات", "en": "mentions"},
    "hover_articles": {"ar": "المقالات", "en": "articles"},
    # Entities
    "types": {"ar": "الأنواع", "en": "Types"},
    "include_adjectives": {"ar": "احتساب صيغ النسبة (الروسي، الصينية)",
                           "en": "Count adjective forms (Russian, Chinese)"},
    "roll_up": {"ar": "ضمّ المدن إلى دولها", "en": "Roll cities up into their countries"},
    "top_entities": {"ar": "الكيانات الأكثر ذكرًا", "en": "Most mentioned entities"},
    "per_source": {"ar": "الإشارات لكل 1000 كلمة حسب المصدر", "en": "Mentions per 1,000 words by source"},
    "network": {"ar": "الكيانات المذكورة في الجملة نفسها", "en": "Entities named in the same sentence"},
    "network_empty": {"ar": "لا توجد كيانات مذكورة معًا بما يكفي لرسم الشبكة.",
                      "en": "Too few entities are named together to draw a network."},
    "choose_entity": {"ar": "اختر كيانًا لعرض سياقه", "en": "Choose an entity to see its concordance"},
    "open_concordance": {"ar": "فتح في صفحة السياق", "en": "Open in the Concordance page"},
    "per_1000": {"ar": "لكل 1000 كلمة", "en": "per 1,000 words"},
    "type_person": {"ar": "شخص", "en": "Person"},
    "type_country": {"ar": "دولة", "en": "Country"},
    "type_city": {"ar": "مدينة", "en": "City"},
    "type_place": {"ar": "مكان", "en": "Place"},
    "type_region": {"ar": "منطقة", "en": "Region"},
    "type_organisation": {"ar": "منظمة", "en": "Organisation"},
    "type_organization": {"ar": "منظمة", "en": "Organisation"},
    "type_media": {"ar": "وسيلة إعلام", "en": "Media"},
    "type_party": {"ar": "حزب", "en": "Party"},
    "type_institution": {"ar": "مؤسسة", "en": "Institution"},
    "type_company": {"ar": "شركة", "en": "Company"},
    "type_state_entity": {"ar": "كيان دولة", "en": "State entity"},
    "type_historical_state": {"ar": "دولة تاريخية", "en": "Historical state"},
    "type_initiative": {"ar": "مبادرة", "en": "Initiative"},
    "type_forum": {"ar": "منتدى", "en": "Forum"},
    # Sources
    "volume": {"ar": "حجم التغطية", "en": "Coverage volume"},
    "words": {"ar": "الكلمات", "en": "Words"},
    "theme_shares": {"ar": "حصص المواضيع", "en": "Theme shares"},
    "share": {"ar": "الحصة", "en": "Share"},
    "entity_rates": {"ar": "الكيانات لكل 1000 كلمة", "en": "Entities per 1,000 words"},
    "distinctive": {"ar": "الكلمات المميزة لكل مصدر", "en": "Each outlet's distinctive words"},
    "distinctive_help": {
        "ar": "نسبة الأرجحية اللوغاريتمية مع توزيع ديريشليه مسبق مستمد من المجموعة كلها "
              "(Monroe وآخرون 2008)؛ z أكبر من 1.96 يعني فرقًا دالًّا.",
        "en": "Log-odds ratio with an informative Dirichlet prior from the whole filtered corpus "
              "(Monroe et al. 2008); z above 1.96 marks a significant difference."},
    # Words
    "cloud_all": {"ar": "سحابة الكلمات للاختيار الحالي", "en": "Word cloud for the current filters"},
    "drawing": {"ar": "جارٍ رسم السحابة…", "en": "Drawing the cloud…"},
    "cloud_failed": {"ar": "تعذّر رسم السحابة", "en": "The cloud could not be drawn"},
    "cloud_per_source": {"ar": "سحابة لكل مصدر", "en": "One cloud per outlet"},
    "term_table": {"ar": "جدول المصطلحات", "en": "Term table"},
    "col_term": {"ar": "المصطلح", "en": "Term"},
    "col_count": {"ar": "التكرار", "en": "Count"},
    # Concordance
    "query": {"ar": "ابحث عن كلمة أو عبارة", "en": "Search a word or phrase"},
    "query_hint": {"ar": "اكتب كلمة للبحث في الجمل المختارة.",
                   "en": "Type a word to search the selected sentences."},
    "kwic_count": {"ar": "{n} نتيجة في {a} مقالة.", "en": "{n} hits in {a} articles."},
    "col_left": {"ar": "السياق السابق", "en": "Left context"},
    "col_match": {"ar": "المطابقة", "en": "Match"},
    "col_right": {"ar": "السياق اللاحق", "en": "Right context"},
    "open_article": {"ar": "اختر سطرًا لفتح المقالة", "en": "Choose a line to open its article"},
    # Map
    "map_title": {"ar": "الدول المذكورة", "en": "Countries mentioned"},
    "country": {"ar": "الدولة", "en": "Country"},
    # Sources (links to the original articles)
    "col_url": {"ar": "الرابط", "en": "Link"},
    "open_source": {"ar": "المقالة الأصلية ↗", "en": "Original article ↗"},
    "no_url": {"ar": "لا يُعرف رابط هذه المقالة.", "en": "This article's link is not known."},
    # Concordance paging
    "kwic_total": {"ar": "{lines} سطرًا في {a} مقالة (تجد عوامل التصفية {m} مقالة)؛ عرض الأسطر {first}–{last}.",
                   "en": "{lines} lines in {a} articles (the filters find {m} articles); showing lines {first}–{last}."},
    "kwic_folded": {"ar": "طُويت {n} أسطر مطابقة لأسطر أخرى (نسخ من القصة نفسها)؛ العدد في العمود «نسخ».",
                    "en": "{n} lines identical to another were folded (copies of one story); see the “copies” column."},
    "kwic_sort": {"ar": "الترتيب", "en": "Sort"},
    "sort_position": {"ar": "الأحدث أولًا", "en": "Newest first"},
    "sort_left": {"ar": "السياق السابق", "en": "Left context"},
    "sort_right": {"ar": "السياق اللاحق", "en": "Right context"},
    "kwic_fold": {"ar": "طيّ الأسطر المتطابقة", "en": "Fold identical lines"},
    "kwic_page": {"ar": "الصفحة", "en": "Page"},
    "kwic_pages": {"ar": "من {n}", "en": "of {n}"},
    "kwic_no_context": {"ar": "هذا البحث لا يشير إلى كلمات في النص (استبعاد أو موضوع فقط).",
                        "en": "This search points at no words in the text (only exclusions or themes)."},
    "col_copies": {"ar": "نسخ", "en": "Copies"},
    "download_all": {"ar": "تنزيل كل الأسطر ({n}) CSV", "en": "Download all {n} lines (CSV)"},
    # Compare / attention
    "page_compare": {"ar": "مقارنة المواضيع", "en": "Compare"},
    "compare_intro": {"ar": "من اثنين إلى خمسة بحوث جنبًا إلى جنب: الاهتمام عبر الزمن، والحصة لكل وسيلة، والكلمات المميزة لجمل كل بحث.",
                      "en": "Two to five searches side by side: attention over time, share per outlet, and the words most distinctive of each search's sentences."},
    "compare_query": {"ar": "البحث {n}", "en": "Search {n}"},
    "compare_need_two": {"ar": "اكتب بحثين على الأقل للمقارنة.", "en": "Write at least two searches to compare."},
    "granularity": {"ar": "الفترة", "en": "Period"},
    "gran_day": {"ar": "يوم", "en": "Day"},
    "gran_week": {"ar": "أسبوع", "en": "Week"},
    "gran_month": {"ar": "شهر", "en": "Month"},
    "measure": {"ar": "المقياس", "en": "Measure"},
    "measure_share": {"ar": "نسبة من كل المقالات", "en": "Share of all articles"},
    "measure_count": {"ar": "عدد المقالات", "en": "Number of articles"},
    "split_outlets": {"ar": "خط لكل وسيلة", "en": "One line per outlet"},
    "attention_title": {"ar": "الاهتمام عبر الزمن", "en": "Attention over time"},
    "attention_total": {"ar": "كل المقالات", "en": "All articles"},
    "attention_unplaced": {"ar": "{n} مقالة بلا تاريخ دقيق بما يكفي لهذه الفترة لم تُحتسب.",
                           "en": "{n} articles without a date precise enough for this period are not counted."},
    "attention_click": {"ar": "انقر نقطة لسرد مقالات تلك الفترة.", "en": "Click a point to list that period's articles."},
    "period_articles": {"ar": "مقالات «{q}» في {p}", "en": "Articles for “{q}” in {p}"},
    "share_outlet_title": {"ar": "الحصة لكل وسيلة", "en": "Share per outlet"},
    "distinctive_title": {"ar": "الكلمات المميزة لجمل كل بحث", "en": "Words most distinctive of each search's sentences"},
    "distinctive_caption": {"ar": "نسبة الأرجحية اللوغاريتمية مع أولوية ديريشليه (z > 0)، لكل بحث مقابل جمل البحوث الأخرى؛ كلمات البحث نفسها مستبعدة.",
                            "en": "Log-odds ratio with an informative Dirichlet prior (z > 0), each search against the other searches' sentences; the searched words themselves are left out."},
    "distinctive_sample": {"ar": "عند تجاوز بحثٍ {n} مقالة تُقرأ جمل {n} منها موزعة بالتساوي.",
                           "en": "A search matching more than {n} articles is read in {n} of them, evenly spread."},
    "col_share": {"ar": "النسبة", "en": "Share"},
    "col_matching": {"ar": "المطابقة", "en": "Matching"},
    "col_total": {"ar": "الإجمالي", "en": "Total"},
    "col_period": {"ar": "الفترة", "en": "Period"},
    "col_query": {"ar": "البحث", "en": "Search"},
    "entity_helper": {"ar": "أو أضف كيانًا", "en": "Or add an entity"},
    # Collocates
    "page_collocates": {"ar": "المتلازمات", "en": "Collocates"},
    "colloc_intro": {"ar": "الكلمات التي تقع قرب البحث أكثر مما تتوقعه الصدفة: نسبة الأرجحية G2 (Dunning 1993) ضمن {w} كلمات من كل جانب داخل الجملة، وحد أدنى {m} مرات معًا. G2 > 10.83 تعني p < 0.001.",
                     "en": "Words found near the search more often than chance predicts: log-likelihood G2 (Dunning 1993) within {w} words on each side inside the sentence, seen together at least {m} times. G2 > 10.83 means p < 0.001."},
    "window": {"ar": "النافذة (كلمات)", "en": "Window (words)"},
    "min_count": {"ar": "أدنى تكرار مشترك", "en": "Minimum count together"},
    "per_outlet": {"ar": "لكل وسيلة", "en": "Per outlet"},
    "colloc_click": {"ar": "اختر متلازمة لرؤية أسطر السياق التي تجمعهما.", "en": "Choose a collocate to see the lines where they meet."},
    "colloc_lines": {"ar": "«{q}» قرب «{w}»", "en": "“{q}” near “{w}”"},
    "col_together": {"ar": "معًا", "en": "Together"},
    "col_term_total": {"ar": "التكرار الكلي", "en": "Total"},
    "col_expected": {"ar": "المتوقع", "en": "Expected"},
    "col_g2": {"ar": "G2", "en": "G2"},
    "col_pmi": {"ar": "PMI", "en": "PMI"},
}


# Raw column name -> the key of its label in tables (the CSV keeps the raw names).
COLUMN_KEYS = {
    "title": "col_title", "source": "col_source", "published": "col_published",
    "date_start": "col_published", "themes": "col_themes", "n_sentences": "col_n_sentences",
    "sentences": "m_sentences", "words": "words", "mentions": "col_mentions",
    "articles": "col_articles", "name_ar": "col_name_ar", "name_en": "col_name_en",
    "type": "types", "term": "col_term", "count": "col_count", "left": "col_left",
    "match": "col_match", "right": "col_right", "url": "col_url", "copies": "col_copies",
    "share": "col_share", "matching": "col_matching", "total": "col_total", "period": "col_period",
    "query": "col_query", "together": "col_together", "term_total": "col_term_total",
    "expected": "col_expected", "g2": "col_g2", "pmi": "col_pmi",
}


def column_labels(lang: str, *columns: str) -> dict[str, str]:
    """Table headings in ``lang`` for the raw ``columns`` named."""
    return {c: t(COLUMN_KEYS[c], lang) for c in columns}


def name_column(lang: str) -> str:
    """The catalogue column that names things (entities, events, themes, countries) in ``lang``."""
    return "name_ar" if lang == "ar" else "name_en"


def display_names(df, id_col: str, lang: str) -> dict[str, str]:
    """id -> its catalogue name in ``lang`` (the id itself when the catalogue has no name)."""
    col = name_column(lang)
    return dict(zip(df[id_col], df[col].fillna(df[id_col])))


def type_name(typ: str, lang: str) -> str:
    """An entity type in the interface language (the raw type when no translation exists)."""
    key = f"type_{typ}"
    return t(key, lang) if key in STRINGS else str(typ)


def t(key: str, lang: str, **kwargs) -> str:
    """The string for ``key`` in ``lang`` (English when a translation is missing)."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**kwargs) if kwargs else text


def fmt_int(n: int | float) -> str:
    """Thousands separator; digits stay Western so numbers read the same in both languages."""
    return f"{int(n):,}"
