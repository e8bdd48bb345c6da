"""Interface strings in Arabic (default) and English, and the language-aware formatting every page
and chart uses. Keys are stable; the app never shows a key.

API (all take the interface language last):
- ``t(key, lang, **values)``: a sentence or label.
- ``plural(n, word, lang)``: "3 مقالات", "مقالتان", "1 article": CLDR's plural category from Babel
  (Arabic: zero/one/two/few/many/other), the word forms ours (``PLURALS``).
- ``number(x, lang, decimals=0)`` and ``percent(share, lang, decimals=1)``: thousands separators
  and the language's symbols (Babel/CLDR; Western digits in both, as Plotly draws them).
- ``column_label(name, lang)`` / ``column_labels(columns, lang)``: a table column's header
  (raw names such as ``share`` or ``per_1000_words`` are never shown).
- ``plotly_config(lang)`` / ``plotly_separators(lang)``: Plotly's own strings, month names and
  number separators in the interface language.
"""

from __future__ import annotations

from functools import cache

from babel import Locale
from babel.numbers import format_decimal, format_percent

from dashboard.schema import PROVISIONAL_PREFIX

LANGS = ("ar", "en")
DEFAULT_LANG = "ar"

STRINGS: dict[str, dict[str, str]] = {
    # a provisional person (not in the catalogue yet), after its name in charts and tables
    "mark_unreviewed": {"ar": "غير مُراجَع", "en": "unreviewed"},
    "app_title": {"ar": "كازاخستان في الإعلام العربي", "en": "Kazakhstan in Arabic media"},
    # {period}: the years the dataset's articles span ("2018", "2020–2023")
    "app_subtitle": {"ar": "بين روسيا والصين والغرب، {period}",
                     "en": "Between Russia, China and the West, {period}"},
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
    # {articles}, {sentences}: plural phrases ("3 مقالات"); a list after a colon keeps Arabic's
    # counted nouns in the nominative whatever the number.
    "basis": {"ar": "أساس الأرقام: {articles}، {sentences}.",
              "en": "Numbers based on {articles} and {sentences}."},
    "copies_folded": {"ar": "استُبعدت {copies} من قصص محتسبة سابقا (فعّل «احتساب النسخ المكررة» لعدّها).",
                      "en": "{copies} of stories already counted left out (switch on \"Count copies\" to count them)."},
    "partial_dates": {"ar": "{articles} مؤرخة بالشهر أو السنة فقط: تُبقى إن تقاطع شهرها أو سنتها مع المدة المختارة.",
                      "en": "{articles} dated to the month or year only: kept when that month or year overlaps the range."},
    "include_copies": {"ar": "احتساب النسخ المكررة", "en": "Count copies"},
    "include_copies_help": {
        "ar": "تحتسب الأرقام كل قصة مرة واحدة: المقالة التي تكرر نص مقالة سابقة (حرفيا أو مع تعديل طفيف) لا تُعد. "
              "في هذه البيانات {copies}.",
        "en": "Numbers count each story once: an article repeating an earlier one (word for word or with "
              "small edits) is left out. This dataset holds {copies}."},
    "empty": {"ar": "لا توجد نتائج لهذه الاختيارات. وسّع عوامل التصفية أو أعد ضبطها.",
              "en": "Nothing matches these filters. Widen them or reset them."},
    "no_dataset": {
        "ar": "لا توجد مجموعة بيانات في هذا المجلد:\n\n```\n{path}\n```\n\nابنِها من مقالاتك بالأمر "
              "التالي من جذر المشروع، ثم أعد تحميل الصفحة:\n\n```\npython -m dashboard.build "
              "SOURCE --out {path}\n```",
        "en": "There is no dataset in this folder:\n\n```\n{path}\n```\n\nBuild one from your "
              "articles with this command, run from the project's root, then reload the page:"
              "\n\n```\npython -m dashboard.build SOURCE --out {path}\n```"},
    "dataset": {"ar": "مجموعة البيانات", "en": "Dataset"},
    "page_not_found": {
        "ar": "لا توجد صفحة باسم «{page}»؛ تُعرض صفحة «{first}». اختر صفحة من القائمة الجانبية.",
        "en": "There is no page called “{page}”; showing “{first}” instead. Choose a page in the "
              "sidebar."},
    "no_filters": {"ar": "كل المقالات (بلا تصفية)", "en": "all articles (no filter)"},
    "download_briefing": {"ar": "تنزيل ملخص هذه الصفحة (HTML)", "en": "Download this view as an HTML briefing"},
    "briefing_made": {"ar": "أُعدّ في {when}", "en": "Made on {when}"},
    "dataset_seeds": {"ar": "المقالات النموذجية (seeds)", "en": "Seed articles"},
    "dataset_not_built": {"ar": "لم تُبنَ بعد", "en": "not built yet"},
    "dataset_about": {
        "ar": "البيانات: {corpus}، بترخيص {licence}. يُرجى الاستشهاد بـ: {citation}",
        "en": "Data: {corpus}, licensed {licence}. Please cite: {citation}"},
    "bad_dataset": {
        "ar": "تعذّرت قراءة مجموعة البيانات ({error}). أعد بناءها بالأمر التالي من جذر المشروع، "
              "ثم أعد تحميل الصفحة:\n\n```\n{command}\n```",
        "en": "The dataset could not be read ({error}). Rebuild it with this command, run from the "
              "project's root, then reload the page:\n\n```\n{command}\n```"},
    "building": {"ar": "جارٍ بناء مجموعة البيانات من المقالات…",
                 "en": "Building the dataset from the articles…"},
    "build_done": {"ar": "اكتمل البناء. عدد المقالات: {n}.", "en": "Build finished. Articles: {n}."},
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
    "m_entities_unreviewed": {"ar": "منها {n} بلا مراجعة: أسماء لا يعرفها الفهرس بعد (صفحة الكيانات)",
                              "en": "of which {n} unreviewed: names the catalogue does not know yet (Entities page)"},
    "m_events": {"ar": "الأحداث", "en": "Events"},
    "m_events_unreviewed": {"ar": "أحداث الفهرس فقط؛ وجد البناء فوقها {n} بلا مراجعة لا يضمها الفهرس بعد "
                                  "(مفتاح «أحداث غير مُراجَعة» في صفحة الخط الزمني)",
                            "en": "catalogue events only; the build found {n} more, unreviewed, that the catalogue "
                                  "does not hold yet (switch “Unreviewed events” on the Event timeline page)"},
    "period": {"ar": "المقالات منشورة من {start} إلى {end}.",
               "en": "Articles published from {start} to {end}."},
    "articles_table": {"ar": "المقالات", "en": "Articles"},
    "shown_of": {"ar": "يُعرض أول {shown} من {total}؛ ملف CSV يضمها كلها.",
                 "en": "Showing the first {shown} of {total}; the CSV has them all."},
    "table_capped": {"ar": "يُعرض الأحدث فقط ({shown})، والمجموع {total}؛ ملف CSV يضمها كلها.",
                     "en": "Showing the latest {shown} of {total}; the CSV has them all."},
    "choose_article": {"ar": "اختر مقالة لقراءتها", "en": "Choose an article to read"},
    "reader": {"ar": "القارئ", "en": "Reader"},
    "mark_hit": {"ar": "البحث", "en": "search"},
    "reader_adjective": {"ar": "صفة", "en": "adjective"},
    "reader_capped": {"ar": "ميّزنا أول {shown} من {total} إشارة في هذه المقالة فقط، حفاظًا على سرعة الصفحة.",
                      "en": "Only the first {shown} of this article's {total} highlights are marked, to keep the page fast."},
    "mark_ent": {"ar": "كيان", "en": "entity"},
    "mark_date": {"ar": "تاريخ", "en": "date"},
    "mark_event": {"ar": "حدث", "en": "event"},
    "col_mentions": {"ar": "الإشارات", "en": "Mentions"},
    "col_articles": {"ar": "المقالات", "en": "Articles"},
    # Timeline
    "timeline_title": {"ar": "الأحداث على محور الزمن", "en": "Events over time"},
    "timeline_outside": {"ar": "{n} خارج مدة المقالات، لا تُرسم صفوفًا فارغة (انقر نقرًا مزدوجًا على الرسم لإظهار المدة كلها):",
                         "en": "{n} outside the articles' period, listed rather than drawn as empty rows (double-click the chart to show the whole span):"},
    "timeline_unmentioned": {"ar": "{n} أخرى في الفهرس خارج مدة المقالات، لا تذكرها المقالات",
                             "en": "{n} more in the catalogue, outside the articles' period and not mentioned in them"},
    "publications": {"ar": "مقالات", "en": "Articles"},  # the track of articles per month: short, it stands on a low axis
    "choose_event": {"ar": "اختر حدثًا لقراءة ما قالته كل وسيلة عنه",
                     "en": "Choose an event to read what each outlet says about it"},
    "event_sentences": {"ar": "كيف تتناول كل وسيلة الحدث", "en": "How each outlet frames the event"},
    "no_event_mentions": {"ar": "لا تذكر المقالات المختارة أي حدث من الفهرس.",
                          "en": "The selected articles mention no catalogue event."},
    "hover_mentions": {"ar": "الإشارات", "en": "mentions"},
    "hover_articles": {"ar": "المقالات", "en": "articles"},
    # Entities
    "types": {"ar": "الأنواع", "en": "Types"},
    "include_unreviewed": {"ar": "أسماء غير مُراجَعة", "en": "Unreviewed names"},
    "include_unreviewed_events": {"ar": "أحداث غير مُراجَعة", "en": "Unreviewed events"},
    "include_unreviewed_events_help": {
        "ar": "أحداث لا يضمها الفهرس بعد، وجدها البناء في النصوص: اسم حدث (انفجار، زيارة، قمة، اتفاقية "
              "موقَّعة...) مع مكان أو طرف معروف وتاريخ. الحدث الواحد يحمل المعرّف نفسه في كل المقالات "
              "والمصادر، ويظهر مع العلامة «غير مُراجَع» حتى يضيفه المحلل إلى الفهرس "
              "(python -m dashboard.quality --review). مُطفأ افتراضيًا: نحو حدث من كل خمسة مما وُجد في عينة "
              "أخبار كان خاطئًا (معرّف ثانٍ للحدث نفسه أو طرف خاطئ).",
        "en": "Events the catalogue does not hold yet, found by the build in the texts: an event noun "
              "(explosion, visit, summit, signed agreement...) with a known place or party and a date. "
              "One event has one id across articles and outlets; it carries the mark “unreviewed” "
              "until an analyst adds it to the catalogue (python -m dashboard.quality --review). Off by default: "
              "about one in five such links read on a news sample was wrong (a second id for one event, "
              "a wrong party)."},
    "include_unreviewed_help": {
        "ar": "أشخاص وهيئات لا يعرفهم الفهرس بعد: أشخاص وجدهم البناء بعد لقب أو صفة (المتحدث، الوزير...) "
              "وهيئات مسمّاة بين علامتَي تنصيص بعد اسم نوعها (موقع، شركة، حزب). تظهر أسماؤهم مع العلامة "
              "«غير مُراجَع» حتى يضيفهم المحلل إلى الفهرس.",
        "en": "People and bodies the catalogue does not know yet: people found by the build after a "
              "title or role (spokesman, minister...), bodies named in quotes after the noun that says "
              "what they are (website, company, party). Their names carry the mark “unreviewed” until "
              "an analyst adds them to the catalogue."},
    # short labels: four switches share a row on a laptop and each label keeps one line; the help says it all
    "include_adjectives": {"ar": "صيغ النسبة", "en": "Adjective forms"},
    "include_adjectives_help": {
        "ar": "احتساب صيغ النسبة (الروسي، الصينية، الكازاخية) إشاراتٍ إلى الدولة أو الإقليم.",
        "en": "Count adjective forms (Russian, Chinese, Kazakh) as mentions of the country or region."},
    "roll_up": {"ar": "المدن ضمن دولها", "en": "Cities into countries"},
    "roll_up_help": {"ar": "ضمّ إشارات المدن والأقاليم إلى الدولة التي تقع فيها.",
                     "en": "Count mentions of cities and regions as mentions of the country they are in."},
    "top_entities": {"ar": "الكيانات الأكثر ذكرًا", "en": "Most mentioned entities"},
    "per_source": {"ar": "الإشارات لكل 1000 كلمة حسب المصدر", "en": "Mentions per 1,000 words by source"},
    "network": {"ar": "الكيانات المذكورة في الجملة نفسها", "en": "Entities named in the same sentence"},
    "network_edges": {"ar": "عدد الروابط الأقوى", "en": "Strongest links shown"},
    "network_help": {"ar": "تُرسم أقوى {n} روابط بين الكيانات الأكثر ذكرًا، مرتبةً بمقياس الاحتمال اللوغاريتمي G2 "
                           "(اقتران في الجملة نفسها أكثر مما تعطيه الصدفة، مرتين على الأقل)، لا بعدد مرات "
                           "الاقتران وحده: يبقى الرسم مقروءًا مهما كبر عدد المقالات.",
                     "en": "The {n} strongest links between the most mentioned entities, ranked by log-likelihood "
                           "G2 (named in the same sentence more often than chance, at least twice), not by the "
                           "raw count alone: the network stays readable at any corpus size."},
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
              "(Monroe وآخرون 2008)؛ z من {z} فأكثر يعني فرقًا دالًّا، ولا تُرسم إلا الكلمات الدالّة "
              "(الجدول يذكر غيرها مع عمود الدلالة).",
        "en": "Log-odds ratio with an informative Dirichlet prior from the whole filtered corpus "
              "(Monroe et al. 2008); z of {z} or more marks a significant difference, and only "
              "significant words are drawn (the table lists the others, marked)."},
    "distinctive_left_out": {
        "ar": "ما تكرره كل وسيلة من نصوص ثابتة مستبعد من الكلمات: الجمل المتكررة، وسطور المكان في بداية "
              "الخبر، والكلمات التي تسمي بها الوسيلة نفسها (مثل CNN في CNN بالعربية)؛ انظر «النصوص الثابتة "
              "المستبعدة» أدناه.",
        "en": "What each outlet repeats as boilerplate is left out of the words: recurring sentences, "
              "opening datelines, and the words by which the outlet names itself (such as CNN in CNN "
              "Arabic); see “Boilerplate left out” below."},
    "boilerplate_title": {"ar": "النصوص الثابتة المستبعدة", "en": "Boilerplate left out"},
    "boilerplate_help": {
        "ar": "ما وجده البناء متكررًا في مقالات كل وسيلة، وبقي في النص لكنه لا يُحتسب في الكلمات والمواضيع "
              "والكيانات؛ لكل وسيلة أكثر {n} تكرارًا. لتصحيح ذلك أضف الجملة أو الكلمة كما كُتبت إلى "
              "`never` (لا تُستبعد أبدًا) أو `force` (تُستبعد دائمًا) في الملف `{file}`، مع `source` "
              "لحصرها في وسيلة واحدة، ثم أعد البناء.",
        "en": "What the build found repeated across each outlet's articles: kept in the text, not counted "
              "in words, themes or entities; the {n} most frequent per outlet. To correct it, add the "
              "sentence or word as written to `never` (never left out) or `force` (always left out) in "
              "`{file}`, with `source` to limit it to one outlet, and rebuild."},
    "boilerplate_none": {"ar": "لم يُستبعد شيء من مقالات هذه الوسائل.",
                         "en": "Nothing was left out of these outlets' articles."},
    "bp_kind_sentence": {"ar": "جملة متكررة", "en": "Recurring sentence"},
    "bp_kind_dateline": {"ar": "سطر المكان", "en": "Dateline"},
    "bp_kind_self-reference": {"ar": "اسم الوسيلة", "en": "Outlet's own name"},
    "bp_status_detected": {"ar": "مستبعد (وُجد تلقائيًا)", "en": "Left out (detected)"},
    "bp_status_forced by catalogue": {"ar": "مستبعد (بأمر الفهرس)", "en": "Left out (catalogue: force)"},
    "bp_status_kept: catalogue says never": {"ar": "محتسب (الفهرس: never)", "en": "Counted (catalogue: never)"},
    "distinctive_none": {"ar": "لا كلمة عند {source} يبلغ فرقها z = {z}.",
                         "en": "No word of {source} reaches z = {z}."},
    # Words
    "cloud_all": {"ar": "سحابة الكلمات للاختيار الحالي", "en": "Word cloud for the current filters"},
    "drawing": {"ar": "جارٍ رسم السحابة…", "en": "Drawing the cloud…"},
    "cloud_failed": {"ar": "تعذّر رسم السحابة", "en": "The cloud could not be drawn"},
    "cloud_per_source": {"ar": "سحابة لكل مصدر", "en": "One cloud per outlet"},
    "term_table": {"ar": "جدول المصطلحات", "en": "Term table"},
    # Concordance
    "query": {"ar": "ابحث عن كلمة أو عبارة", "en": "Search a word or phrase"},
    "query_hint": {"ar": "اكتب كلمة للبحث في الجمل المختارة.",
                   "en": "Type a word to search the selected sentences."},
    "open_article": {"ar": "اختر سطرًا لفتح المقالة", "en": "Choose a line to open its article"},
    # Map
    "map_title": {"ar": "الدول المذكورة", "en": "Countries mentioned"},
    # Sources (links to the original articles)
    "col_url": {"ar": "الرابط", "en": "Link"},
    "open_source": {"ar": "المقالة الأصلية ↗", "en": "Original article ↗"},
    "no_url": {"ar": "لا يُعرف رابط هذه المقالة.", "en": "This article's link is not known."},
    # Concordance paging
    # Lists, not sentences: after a preposition Arabic would want the dual's genitive.
    "kwic_total": {"ar": "النتائج: {lines} · {a} · بحسب عوامل التصفية: {m} · المعروض: {first}–{last}.",
                   "en": "{lines} in {a} (the filters find {m}); showing {first}–{last}."},
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
}


def column_labels(lang: str, *columns: str) -> dict[str, str]:
    """Table headings in ``lang`` for the raw ``columns`` named (for ``DataFrame.rename``)."""
    return {c: column_label(c, lang) for c in columns}


def name_column(lang: str) -> str:
    """The catalogue column that names things (entities, events, themes, countries) in ``lang``."""
    return "name_ar" if lang == "ar" else "name_en"


def display_names(df, id_col: str, lang: str) -> dict[str, str]:
    """id -> its catalogue name in ``lang`` (the id itself when the catalogue has no name). A
    provisional person or discovered event (id new:..., not in the catalogue yet) is named as the
    build named it, marked unreviewed in every chart and table that names entities or events."""
    col = name_column(lang)
    names = dict(zip(df[id_col], df[col].fillna(df[id_col])))
    if id_col in ("entity_id", "event_id") and "name_ar" in df.columns:
        marker = t("mark_unreviewed", lang)
        for entity_id, name_ar in zip(df[id_col], df["name_ar"]):
            if isinstance(entity_id, str) and entity_id.startswith(PROVISIONAL_PREFIX):
                shown = names[entity_id] if names[entity_id] != entity_id else name_ar
                names[entity_id] = f"{shown if isinstance(shown, str) else entity_id} ({marker})"
    return names


def type_name(typ: str, lang: str) -> str:
    """An entity type in the interface language (the raw type when no translation exists)."""
    key = f"type_{typ}"
    return t(key, lang) if key in STRINGS else str(typ)


def t(key: str, lang: str, **kwargs) -> str:
    """The string for ``key`` in ``lang`` (English when a translation is missing)."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**kwargs) if kwargs else text


# Words counted in the interface, by CLDR plural category. Arabic: "one" and "two" carry the
# number in the word itself (مقالة واحدة، مقالتان); 3-10 (and 103-110...) take the plural; 11-99 the
# accusative singular (حدثًا); 100, 1000... the genitive singular. Babel says which category n is in.
PLURALS: dict[str, dict[str, dict[str, str]]] = {
    "article": {
        "ar": {"zero": "{n} مقالة", "one": "مقالة واحدة", "two": "مقالتان", "few": "{n} مقالات",
               "many": "{n} مقالة", "other": "{n} مقالة"},
        "en": {"one": "{n} article", "other": "{n} articles"}},
    "copy": {
        "ar": {"zero": "{n} نسخة مكررة", "one": "نسخة مكررة واحدة", "two": "نسختان مكررتان",
               "few": "{n} نسخ مكررة", "many": "{n} نسخة مكررة", "other": "{n} نسخة مكررة"},
        "en": {"one": "{n} copy", "other": "{n} copies"}},
    "sentence": {
        "ar": {"zero": "{n} جملة", "one": "جملة واحدة", "two": "جملتان", "few": "{n} جمل",
               "many": "{n} جملة", "other": "{n} جملة"},
        "en": {"one": "{n} sentence", "other": "{n} sentences"}},
    "event": {
        "ar": {"zero": "{n} حدث", "one": "حدث واحد", "two": "حدثان", "few": "{n} أحداث",
               "many": "{n} حدثًا", "other": "{n} حدث"},
        "en": {"one": "{n} event", "other": "{n} events"}},
    "entity": {
        "ar": {"zero": "{n} كيان", "one": "كيان واحد", "two": "كيانان", "few": "{n} كيانات",
               "many": "{n} كيانًا", "other": "{n} كيان"},
        "en": {"one": "{n} entity", "other": "{n} entities"}},
    "mention": {
        "ar": {"zero": "{n} إشارة", "one": "إشارة واحدة", "two": "إشارتان", "few": "{n} إشارات",
               "many": "{n} إشارة", "other": "{n} إشارة"},
        "en": {"one": "{n} mention", "other": "{n} mentions"}},
    "hit": {
        "ar": {"zero": "{n} نتيجة", "one": "نتيجة واحدة", "two": "نتيجتان", "few": "{n} نتائج",
               "many": "{n} نتيجة", "other": "{n} نتيجة"},
        "en": {"one": "{n} match", "other": "{n} matches"}},
    "outlet": {
        "ar": {"zero": "{n} مصدر", "one": "مصدر واحد", "two": "مصدران", "few": "{n} مصادر",
               "many": "{n} مصدرًا", "other": "{n} مصدر"},
        "en": {"one": "{n} outlet", "other": "{n} outlets"}},
    "word": {
        "ar": {"zero": "{n} كلمة", "one": "كلمة واحدة", "two": "كلمتان", "few": "{n} كلمات",
               "many": "{n} كلمة", "other": "{n} كلمة"},
        "en": {"one": "{n} word", "other": "{n} words"}},
    "term": {
        "ar": {"zero": "{n} مصطلح", "one": "مصطلح واحد", "two": "مصطلحان", "few": "{n} مصطلحات",
               "many": "{n} مصطلحًا", "other": "{n} مصطلح"},
        "en": {"one": "{n} term", "other": "{n} terms"}},
    "country": {
        "ar": {"zero": "{n} دولة", "one": "دولة واحدة", "two": "دولتان", "few": "{n} دول",
               "many": "{n} دولة", "other": "{n} دولة"},
        "en": {"one": "{n} country", "other": "{n} countries"}},
    "theme": {
        "ar": {"zero": "{n} موضوع", "one": "موضوع واحد", "two": "موضوعان", "few": "{n} مواضيع",
               "many": "{n} موضوعًا", "other": "{n} موضوع"},
        "en": {"one": "{n} theme", "other": "{n} themes"}},
    "year": {
        "ar": {"zero": "{n} سنة", "one": "سنة واحدة", "two": "سنتان", "few": "{n} سنوات",
               "many": "{n} سنة", "other": "{n} سنة"},
        "en": {"one": "{n} year", "other": "{n} years"}},
}

# Table column headers, by the raw column name the analysis returns. Every column a page can show
# is here (tests/app check that no page shows a raw name).
COLUMNS: dict[str, dict[str, str]] = {
    "article_id": {"ar": "المقالة", "en": "Article"},
    "title": {"ar": "العنوان", "en": "Title"},
    "source": {"ar": "المصدر", "en": "Source"},
    "author": {"ar": "الكاتب", "en": "Author"},
    "published": {"ar": "التاريخ", "en": "Date"},
    "period": {"ar": "الفترة", "en": "Period"},
    "url": {"ar": "الرابط", "en": "Link"},
    "themes": {"ar": "المواضيع", "en": "Themes"},
    "themes_en": {"ar": "المواضيع", "en": "Themes"},
    "theme": {"ar": "الموضوع", "en": "Theme"},
    "theme_id": {"ar": "الموضوع", "en": "Theme"},
    "entity_id": {"ar": "الكيان", "en": "Entity"},
    "event_id": {"ar": "الحدث", "en": "Event"},
    "name": {"ar": "الاسم", "en": "Name"},
    "name_ar": {"ar": "الاسم", "en": "Arabic name"},
    "name_en": {"ar": "الاسم بالإنجليزية", "en": "Name"},
    "type": {"ar": "النوع", "en": "Type"},
    "iso3": {"ar": "رمز الدولة", "en": "Country code"},
    "iso2": {"ar": "رمز الدولة", "en": "Country code"},
    "n_sentences": {"ar": "الجمل", "en": "Sentences"},
    "n_tokens": {"ar": "الكلمات", "en": "Words"},
    "sentences": {"ar": "الجمل", "en": "Sentences"},
    "sentence": {"ar": "الجملة", "en": "Sentence"},
    "sentence_id": {"ar": "رقم الجملة", "en": "Sentence no."},
    "articles": {"ar": "المقالات", "en": "Articles"},
    "words": {"ar": "الكلمات", "en": "Words"},
    "mentions": {"ar": "الإشارات", "en": "Mentions"},
    "count": {"ar": "التكرار", "en": "Count"},
    "term": {"ar": "المصطلح", "en": "Term"},
    "share": {"ar": "الحصة", "en": "Share"},
    "score": {"ar": "الدرجة", "en": "Score"},
    "is_main": {"ar": "موضوع رئيسي", "en": "Main theme"},
    "per_1000_words": {"ar": "لكل 1000 كلمة", "en": "Per 1,000 words"},
    "log_odds": {"ar": "لوغاريتم نسبة الأرجحية", "en": "Log-odds ratio"},
    "z": {"ar": "الدلالة (z)", "en": "Significance (z)"},
    "count_source": {"ar": "التكرار في المصدر", "en": "Count in this outlet"},
    "count_rest": {"ar": "التكرار في بقية المصادر", "en": "Count in the other outlets"},
    "weight": {"ar": "مرات الذكر معًا", "en": "Times named together"},
    "kind": {"ar": "النوع", "en": "Kind"},
    "example": {"ar": "النص", "en": "Text"},
    "n_articles": {"ar": "المقالات", "en": "Articles"},
    "status": {"ar": "الحالة", "en": "Status"},
    "marked_in_outlet": {"ar": "الكل في هذه الوسيلة", "en": "All for this outlet"},
    "source_name": {"ar": "الكيان الأول", "en": "First entity"},
    "target_name": {"ar": "الكيان الثاني", "en": "Second entity"},
    "degree": {"ar": "عدد الروابط", "en": "Links"},
    "date_start": {"ar": "تاريخ البدء", "en": "Start date"},
    "date_end": {"ar": "تاريخ الانتهاء", "en": "End date"},
    "description": {"ar": "الوصف", "en": "Description"},
    "left": {"ar": "السياق السابق", "en": "Left context"},
    "match": {"ar": "المطابقة", "en": "Match"},
    "right": {"ar": "السياق اللاحق", "en": "Right context"},
    "surface": {"ar": "الصيغة في النص", "en": "As written"},
    "char_start": {"ar": "بداية المطابقة", "en": "Match start"},
    "char_end": {"ar": "نهاية المطابقة", "en": "Match end"},
    "copies": {"ar": "نسخ", "en": "Copies"},
    "matching": {"ar": "المطابقة", "en": "Matching"},
    "total": {"ar": "الإجمالي", "en": "Total"},
    "query": {"ar": "البحث", "en": "Search"},
    "together": {"ar": "معًا", "en": "Together"},
    "term_total": {"ar": "التكرار الكلي", "en": "Total"},
    "expected": {"ar": "المتوقع", "en": "Expected"},
    "g2": {"ar": "G2", "en": "G2"},
    "pmi": {"ar": "PMI", "en": "PMI"},
    "count_query": {"ar": "التكرار", "en": "Count"},
}


def plural_category(n: int | float, lang: str) -> str:
    """CLDR's plural category of ``n`` in ``lang`` (Arabic: zero, one, two, few, many, other)."""
    return _locale(lang).plural_form(abs(n))


def plural(n: int | float, word: str, lang: str) -> str:
    """``n`` with ``word`` in its grammatical form: plural(3, "article", "ar") == "3 مقالات",
    plural(2, "article", "ar") == "مقالتان", plural(1, "article", "en") == "1 article"."""
    forms = PLURALS[word].get(lang) or PLURALS[word]["en"]
    category = plural_category(n, lang)
    template = forms.get(category) or forms["other"]
    return template.format(n=number(n, lang))


def count_pattern(word: str, lang: str) -> str:
    """A regular expression matching any ``plural(n, word, lang)`` phrase, with the count in
    the group ``n`` (empty for the forms that spell the number: مقالة واحدة, مقالتان)."""
    import re

    forms = PLURALS[word].get(lang) or PLURALS[word]["en"]
    alternatives = []
    for category, template in sorted(forms.items(), key=lambda kv: -len(kv[1])):
        head, _, tail = template.partition("{n}")
        if _:
            alternatives.append(f"{re.escape(head)}(?P<n_{category}>\\d[\\d,]*){re.escape(tail)}")
        else:
            alternatives.append(f"(?P<w_{category}>{re.escape(template)})")
    return "|".join(alternatives)


def parse_count(text: str, word: str, lang: str) -> int | None:
    """The count of the first ``plural(n, word, lang)`` phrase in ``text`` (None if none)."""
    import re

    m = re.search(count_pattern(word, lang), text)
    if not m:
        return None
    for group, value in m.groupdict().items():
        if value is None:
            continue
        if group.startswith("n_"):
            return int(value.replace(",", ""))
        return {"one": 1, "two": 2}[group[2:]]
    return None


def number(x: int | float, lang: str, decimals: int = 0) -> str:
    """``x`` with the language's thousands separator and decimal sign (Babel / CLDR), rounded to
    ``decimals`` places; Western digits in both languages, as in the charts."""
    if decimals == 0:
        return format_decimal(round(x), format="#,##0", locale=_locale(lang),
                              numbering_system="latn")
    pattern = "#,##0." + "0" * decimals
    return format_decimal(x, format=pattern, locale=_locale(lang), numbering_system="latn")


def percent(share: float, lang: str, decimals: int = 1) -> str:
    """A share (0.1648) as a percentage ("16.5%")."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    return format_percent(share, format=pattern, locale=_locale(lang), numbering_system="latn")


def column_label(name: str, lang: str) -> str:
    """The header shown for a raw column name; an unknown name is returned as it is (the app's
    tests list the names pages show, so a new one is caught there)."""
    entry = COLUMNS.get(name)
    return (entry.get(lang) or entry["en"]) if entry else name


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang if lang in LANGS else "en")


# Plotly's own interface strings (modebar buttons, tips, messages), as plotly.js names them.
_PLOTLY_DICTIONARY_AR = {
    "Autoscale": "ضبط تلقائي للمقياس",
    "Box Select": "تحديد مستطيل",
    "Click to enter Colorscale title": "انقر لإدخال عنوان مقياس الألوان",
    "Click to enter Plot title": "انقر لإدخال عنوان الرسم",
    "Click to enter X axis title": "انقر لإدخال عنوان المحور الأفقي",
    "Click to enter Y axis title": "انقر لإدخال عنوان المحور الرأسي",
    "Compare data on hover": "قارن البيانات عند المرور",
    "Double-click on legend to isolate one trace": "انقر نقرًا مزدوجًا على المفتاح لعزل سلسلة واحدة",
    "Double-click to zoom back out": "انقر نقرًا مزدوجًا للعودة إلى العرض الكامل",
    "Download plot": "تنزيل الرسم",
    "Download plot as a PNG": "تنزيل الرسم صورةً (PNG)",
    "Download plot as a png": "تنزيل الرسم صورةً (PNG)",
    "Lasso Select": "تحديد حر",
    "Pan": "تحريك",
    "Reset": "إعادة الضبط",
    "Reset axes": "إعادة ضبط المحاور",
    "Reset view": "إعادة ضبط العرض",
    "Reset views": "إعادة ضبط العروض",
    "Show closest data on hover": "أظهر أقرب بيانات عند المرور",
    "Snapshot succeeded": "نجح حفظ الصورة",
    "Sorry, there was a problem downloading your snapshot!": "عذرًا، تعذّر تنزيل الصورة.",
    "Sorry, there was a problem downloading your image!": "عذرًا، تعذّر تنزيل الصورة.",
    "Taking snapshot - this may take a few seconds": "جارٍ حفظ الصورة، قد يستغرق ذلك ثوانيَ",
    "Toggle Spike Lines": "إظهار خطوط الإسقاط أو إخفاؤها",
    "Toggle show closest data on hover": "إظهار أقرب بيانات عند المرور أو إخفاؤها",
    "Zoom": "تكبير منطقة",
    "Zoom in": "تكبير",
    "Zoom out": "تصغير",
    "trace": "سلسلة",
    "new text": "نص جديد",
    "max:": "الأعلى:",
    "min:": "الأدنى:",
    "mean:": "المتوسط:",
    "median:": "الوسيط:",
}


@cache
def _plotly_locale(lang: str) -> dict:
    """A plotly.js locale object (dictionary + d3 format) built from CLDR via Babel, so it needs no
    locale script: Streamlit's Plotly bundle registers only English, and ``config.locales``
    carries the definition with the chart."""
    loc = _locale(lang)
    months = loc.months["format"]
    days = loc.days["format"]
    # Babel numbers days Monday=0; d3 wants Sunday first.
    order = [6, 0, 1, 2, 3, 4, 5]
    return {
        "dictionary": _PLOTLY_DICTIONARY_AR if lang == "ar" else {},
        "format": {
            "days": [days["wide"][i] for i in order],
            "shortDays": [days["abbreviated"][i] for i in order],
            "months": [months["wide"][i] for i in range(1, 13)],
            "shortMonths": [months["abbreviated"][i] for i in range(1, 13)],
            "date": "%Y-%m-%d",
            "decimal": loc.number_symbols["latn"]["decimal"],
            "thousands": loc.number_symbols["latn"]["group"],
        },
    }


def plotly_config(lang: str) -> dict:
    """``config`` entries that make Plotly speak ``lang`` (merge into st.plotly_chart's config)."""
    return {"locale": lang, "locales": {lang: _plotly_locale(lang)}}


def plotly_separators(lang: str) -> str:
    """Plotly's ``layout.separators``: decimal sign then thousands separator, from CLDR."""
    symbols = _locale(lang).number_symbols["latn"]
    return symbols["decimal"] + symbols["group"]
