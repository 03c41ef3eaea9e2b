"""The quantities stage on sentences written for these tests, from the grammar of the issue."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings, strategies as st

from rasid import extract
from rasid.stages.quantities.numbers import parse_digits

FIELDS = ("value", "low", "high", "qualifier", "unit", "per")


def amounts(text: str, published: str | None = None) -> list[dict]:
    doc = extract(text, published=published)
    for q in doc.quantities:
        assert doc.text[q.start:q.end] == q.text
    return [{"text": q.text, **{f: getattr(q, f) for f in FIELDS}, "item": q.item} for q in doc.quantities]


def only(text: str) -> dict:
    found = amounts(text)
    assert len(found) == 1, found
    return found[0]


def fields(found: dict) -> tuple:
    return tuple(found[f] for f in FIELDS)


@pytest.mark.parametrize("text,expected", [
    ("قالت المصادر إن التنظيم يجني أكثر من مليون دولار يومياً من الحقل.", (1000000, 1000000, None, "more_than", "USD", "day")),
    ("وكان الحقل ينتج ٣٤ ألف برميل نفط يومياً قبل المعارك.", (34000, 34000, 34000, "exact", "barrel", "day")),
    ("وبلغ الإنتاج 2.5 مليون برميل في العام.", (2500000, 2500000, 2500000, "exact", "barrel", "year")),
    ("وانضم ١٬٥٠٠ مقاتل إلى الفصيل.", (1500, 1500, 1500, "exact", "person", None)),
    ("وقدرت الخسائر بنحو 3,5 مليار دولار.", (3500000000, 3500000000, 3500000000, "approx", "USD", None)),
    ("وتبلغ حصته ٢٫٥ في المئة من العائدات.", (2.5, 2.5, 2.5, "exact", "percent", None)),
    ("قتل خمسة وعشرون عنصراً في الهجوم.", (25, 25, 25, "exact", "person", None)),
    ("وأصيب أحد عشر شخصاً بجروح.", (11, 11, 11, "exact", "person", None)),
    ("وجرى تجنيد ثلاثمائة مقاتل جديد.", (300, 300, 300, "exact", "person", None)),
    ("ويملك التنظيم ثلاثة آلاف وخمسمئة سيارة.", (3500, 3500, 3500, "exact", "vehicle", None)),
    ("وينتج الحقل مليون ونصف المليون متر مكعب من الغاز.", (1500000, 1500000, 1500000, "exact", "cubic_meter", None)),
    ("ودفعت العائلة ربع مليون دولار فدية.", (250000, 250000, 250000, "exact", "USD", None)),
    ("واستمر الاشتباك نصف ساعة.", (0.5, 0.5, 0.5, "exact", "hour", None)),
    ("وعاد إلى البلدة بعد عام ونصف.", (1.5, 1.5, 1.5, "exact", "year", None)),
    ("ودامت المعارك قرابة الشهر ونصف.", (1.5, 1.5, 1.5, "approx", "month", None)),
    ("وصادرت الشرطة مليوني دولار.", (2000000, 2000000, 2000000, "exact", "USD", None)),
    ("وهاجم المسلحون نقطتين للجيش.", (2, 2, 2, "exact", "other", None)),
    ("وغاب عن المنطقة قرابة العامين.", (2, 2, 2, "approx", "year", None)),
    ("وأعلن التنظيم مسؤوليته بعد أكثر من عام.", (1, 1, None, "more_than", "year", None)),
    ("ويضم المعسكر نحو 3 آلاف مقاتل أجنبي.", (3000, 3000, 3000, "approx", "person", None)),
    ("وسقط في الكمين زهاء 200 عنصر.", (200, 200, 200, "approx", "person", None)),
    ("وقتل ما يقرب من 40 مدنياً.", (40, 40, 40, "approx", "person", None)),
    ("وجمع حوالى 600 ألف يورو.", (600000, 600000, 600000, "approx", "EUR", None)),
    ("وتجاوزت خسائر الشركة هذا العام 5 ملايين دولار.", (5000000, 5000000, None, "more_than", "USD", None)),
    ("ونقل إلى المستشفى ما يزيد على 100 جريح.", (100, 100, None, "more_than", "person", None)),
    ("وقتل ما لا يقل عن 15 عنصراً.", (15, 15, None, "at_least", "person", None)),
    ("وقتل 25 مقاتلاً على الأقل.", (25, 25, None, "at_least", "person", None)),
    ("ولا تمثل هذه الأموال أقل من 10% من الموازنة.", (10, None, 10, "less_than", "percent", None)),
    ("وتسيطر على مساحة لا تتجاوز 7% من المحافظة.", (7, None, 7, "at_most", "percent", None)),
    ("ويتقاضى العنصر حتى 500 دولار شهرياً.", (500, None, 500, "at_most", "USD", "month")),
    ("وتقدر أعدادهم بما بين 14 إلى 18 ألف مقاتل.", (None, 14000, 18000, "range", "person", None)),
    ("ويتراوح عددهم بين 14 و18 ألفاً.", (None, 14000, 18000, "range", None, None)),
    ("وقتل عشرات المقاتلين.", (None, 20, None, "vague", "person", None)),
    ("وقال إن 18 من مسلحي الميليشيات قتلوا.", (18, 18, 18, "exact", "person", None)),  # construct plural
    ("وقتل 7 من مقاتلي التنظيم.", (7, 7, 7, "exact", "person", None)),
    ("ونزح آلاف الأشخاص من القرى.", (None, 2000, None, "vague", "person", None)),
    ("وجمع التنظيم ملايين الدولارات.", (None, 2000000, None, "vague", "USD", None)),
    ("وفر عشرات الآلاف من المدنيين.", (None, 20000, None, "vague", "person", None)),
    ("وتبلغ كل حوالة بضع مئات من الدولارات.", (None, 300, 900, "vague", "USD", None)),  # a few hundreds
    ("وقتل بضع عشرات من الجنود.", (None, 30, 90, "vague", "person", None)),
    ("وتلقى ستة مستثمرين على الأقل رسائل تهديد.", (6, 6, None, "at_least", "person", None)),
    ("واختطف المسلحون أربعة سائقين.", (4, 4, 4, "exact", "person", None)),
    ("وباع التنظيم 20 طناً من القمح.", (20, 20, 20, "exact", "ton", None)),
    ("ويقع الموقع على بعد 40 كيلومتراً.", (40, 40, 40, "exact", "km", None)),
    ("ويسيطر على 325 بئراً.", (325, 325, 325, "exact", "well", None)),
    ("وشنت الطائرات 60 غارة جوية.", (60, 60, 60, "exact", "airstrike", None)),
    ("ودخل الرتل 12 قرية.", (12, 12, 12, "exact", "village", None)),
    ("وسافر المقاتلون من 12 دولة.", (12, 12, 12, "exact", "country", None)),
    ("وطلب الخاطفون 50 ألف دينار عراقي.", (50000, 50000, 50000, "exact", "IQD", None)),
    ("وبيعت القطعة بـ 200 ألف ليرة سورية.", (200000, 200000, 200000, "exact", "SYP", None)),
    ("ودفع 300 جنيه إسترليني.", (300, 300, 300, "exact", "GBP", None)),
    ("وتبلغ الإتاوة 20 دولاراً أمريكياً عن كل شاحنة.", (20, 20, 20, "exact", "USD", None)),
    ("واستمر القصف ثلاث ساعات.", (3, 3, 3, "exact", "hour", None)),
    ("وحقق الحقل إيرادات بلغت 8 ملايين دولار سنوياً.", (8000000, 8000000, 8000000, "exact", "USD", "year")),
    ("ويجني ما يعادل 40 ألف دولار في اليوم.", (40000, 40000, 40000, "exact", "USD", "day")),
    ("وخسر التنظيم مورداً يومياً يتجاوز المليون دولار.", (1000000, 1000000, None, "more_than", "USD", "day")),
])
def test_quantities_grammar(text, expected):
    assert fields(only(text)) == expected


def test_quantities_elided_unit_comes_from_the_sentence():
    found = amounts("وسافر إلى سوريا 820 شخصاً، عاد منهم 280، بحسب الدراسة.")
    assert [(q["value"], q["unit"]) for q in found] == [(820, "person"), (280, "person")]


def test_quantities_a_bare_number_in_a_new_sentence_inherits_nothing():
    found = amounts("وسافر 820 شخصاً. وبقي 280 في المدينة.")
    assert [(q["value"], q["unit"]) for q in found] == [(820, "person"), (280, None)]


def test_quantities_casualty_counts_with_others():
    found = amounts("وقتل 5 من قوات الجيش وأصيب 12 آخرين بجروح.")
    assert [(q["value"], q["unit"]) for q in found] == [(5, "person"), (12, "person")]


def test_quantities_item_words():
    assert only("وينتج 40 ألف برميل من النفط.")["item"] == "oil"


@pytest.mark.parametrize("text", [
    "وقعت المعركة عام 2015 قرب المدينة.",
    "في 14 من كانون الأول قصفت الطائرات البلدة.",
    "هاجم التنظيم الفرقة الرابعة للجيش.",
    "أصدر مجلس الأمن القرار 2254 بشأن سوريا.",
    "انتشر عناصر اللواء 47 في المنطقة.",
    "نشر التقرير في 15/8/2020 على الموقع.",
    "تقارير | 1 01 2021",
    "وقال أحد المقاتلين إن الوضع صعب.",
    "وتعاون كلا البلدين في التحقيق.",
    "وتحدث الحاج سبع عن المعركة.",
])
def test_quantities_not_amounts(text):
    assert amounts(text) == []


def test_quantities_boilerplate_yields_nothing():
    doc = extract("قتل 5 عناصر في الهجوم.\nقد يهمك: 20 ألف برميل نفط تعبر الحدود")
    assert [q.value for q in doc.quantities] == [5]


def test_quantities_tatweel_and_diacritics_inside_the_amount_keep_offsets():
    found = only("وصادروا ٣٤ ألـــفاً من الدولاراتِ")
    assert found["value"] == 34000 and found["text"].startswith("٣٤ ألـــفاً")


@pytest.mark.parametrize("text,value", [
    ("1,500", 1500), ("1,500,000", 1500000), ("3,5", 3.5), ("2.5", 2.5), ("1.500.000", 1500000),
    ("12", 12), ("1,500.25", 1500.25), ("1.500,25", 1500.25),
])
def test_quantities_digit_separators(text, value):
    assert parse_digits(text) == value


def test_quantities_cost_is_linear_on_a_megabyte_of_numbers():
    chunk = "٣٤ ألف 1,500,000 مليون ونصف المليون بين 14 و18 ألفاً أكثر من ثلاثة وعشرين 3.5 ٫ ، "
    small, large = (chunk * (size // len(chunk)) for size in (100_000, 1_000_000))
    started = time.perf_counter()
    extract(small)
    middle = time.perf_counter()
    doc = extract(large)
    ended = time.perf_counter()
    assert len(doc.quantities) > 30_000
    # ten times the text may cost about ten times the work; quadratic work would cost ~100 times
    assert (ended - middle) < 30 * max(middle - started, 0.05)


# --- property tests: numbers written three ways read back to the same value ----------------

def _arabic_indic(n: int) -> str:
    return str(n).translate(_INDIC)


def _with_separators(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**15))
def test_quantities_digits_read_back(n):
    for written in (str(n), _arabic_indic(n), _with_separators(n, ","),
                    _arabic_indic(n) if n < 1000 else _with_separators(n, "٬").translate(_INDIC)):
        assert only(f"وصادرت السلطات {written} دولار.")["value"] == n, written


_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_quantities_number_words_read_back(n):
    from pyarabic.number import ArNumbers
    words = ArNumbers().int2str(str(n))
    assert only(f"وصادرت السلطات {words} دولار.")["value"] == n, words


@pytest.mark.parametrize("text, unit, item", [
    ("خطف المسلحون نحو 100 فتاة من المدرسة.", "person", "girls"),
    ("اعتقلت الشرطة 710 تجار.", "person", "traders"),
    ("عثر السكان على 20 جثة قرب النهر.", "person", "bodies"),
    ("أحرق المسلحون 3 كنائس في القرية.", "other", "churches"),
    ("غرق 4 قوارب قبالة الساحل.", "vehicle", "boats"),
    ("نفق نحو 300 رأس من الماشية بسبب الجفاف.", "other", "livestock"),
])
def test_quantities_counted_nouns_of_real_reports(text, unit, item):
    """Issue 14: people and things news counts (girls, traders, bodies, churches, boats)."""
    found = only(text)
    assert (found["unit"], found["item"]) == (unit, item)


def test_quantities_a_head_count_after_a_sum_takes_no_currency():
    """`٥٠ ألف دينار عن كل مئة رأس غنم`: the number that counts sheep keeps its own unit; a bare
    number would otherwise take the currency of the sum before it."""
    found = amounts("ويطلبون من كل راعٍ ٥٠ ألف دينار عراقي عن كل مئة رأس غنم.")
    assert [(q["unit"], q["item"]) for q in found] == [("IQD", "money"), ("other", "livestock")]


@pytest.mark.parametrize("text, low, high, qualifier", [
    ("وتقدر العائدات بما يصل إلى 400 مليون دولار.", None, 400_000_000, "at_most"),
    ("وفاقت الخسائر 3 ملايين دولار.", 3_000_000, None, "more_than"),
    ("إيرادات لا تتخطى مليون دولار.", None, 1_000_000, "at_most"),
    ("قتل ما بين 20 أو 30 شخصا.", 20, 30, "range"),
])
def test_quantities_qualifiers_of_real_reports(text, low, high, qualifier):
    """Issue 14: `ما يصل إلى` at most, `فاقت` more than, `لا تتخطى` at most, `بين … أو …` a range."""
    found = only(text)
    assert (found["low"], found["high"], found["qualifier"]) == (low, high, qualifier)


@pytest.mark.parametrize("text, expected", [
    ("أسفر الهجوم عن مقتل 27 وإصابة 5 آخرين.", [("27", "person"), ("5 آخرين", "person")]),
    ("وقالت الشرطة إن الانفجار أدى إلى مقتل 3.", [("3", "person")]),
    ("وبلغ سعر البرميل 27 دولارا.", [("27 دولارا", "USD")]),
    ("واعترفت الميليشيات بمصرع ثلاثة من أبرز قادتها.", [("ثلاثة", "person")]),  # the word with its clitic
    ("وأدى الهجوم لمقتل 5 ولإصابة 7.", [("5", "person"), ("7", "person")]),
    ("وأدين المتهم بالقتل 3 مرات.", [("3", None)]),  # the article: times, not the dead
])
def test_quantities_a_bare_number_after_killing_counts_people(text, expected):
    assert [(a["text"], a["unit"]) for a in amounts(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("وقتل في الاشتباكات جنديان.", ("جنديان", 2, "person")),
    ("أصيب شخصان بجروح.", ("شخصان", 2, "person")),
    ("وخطف المسلحون 5 صيادين قرب الساحل.", ("5 صيادين", 5, "person")),
    ("وقتل ضابطان في الهجوم.", ("ضابطان", 2, "person")),
    ("ونجا 40 سائحاً من الهجوم.", ("40 سائحاً", 40, "person")),
    ("قتل عنصرين من التنظيم.", ("عنصرين", 2, "person")),
])
def test_quantities_a_dual_counts_two_in_either_case(text, expected):
    """Issue 14: the nominative dual (جنديان) counts two like the oblique one (جنديين)."""
    found = only(text)
    assert (found["text"], found["value"], found["unit"]) == expected


@pytest.mark.parametrize("text, unit", [
    ("ارتفع سعر الدولار في صنعاء إلى 820 ريالا بسبب سياسات الحوثيين في اليمن.", "YER"),
    ("وبلغ سعر الخبز في الرياض 3 ريالات.", "SAR"),
    ("اشترى المهربون الأسلحة بمليون دينار في طرابلس وبنغازي بليبيا.", "LYD"),
    ("دفعت الحكومة مليار ريال قطري.", "QAR"),
])
def test_quantities_a_shared_currency_is_the_reports_country(text, unit):
    """`ريال` alone is Yemeni in a report on Sanaa, Saudi in one on Riyadh; an adjective decides first."""
    assert only(text)["unit"] == unit


@pytest.mark.parametrize("text, expected", [
    ("بلغت الإيرادات مليار و270 مليون دولار.", [(1_270_000_000, 1_270_000_000, "USD")]),
    ("يتراوح عددهم بين 750 وألفي مقاتل.", [(750, 2000, "person")]),
    ("يتراوح عددهم بين 750 إلى ألفي مقاتل.", [(750, 2000, "person")]),
    ("يتراوح عددهم بين 14 و18 ألف مقاتل.", [(14_000, 18_000, "person")]),
    ("قتل 750 وأصيب ألفان.", [(750, 750, "person"), (2000, 2000, "person")]),
])
def test_quantities_compound_numbers_and_ranges_with_wa(text, expected):
    """`مليار و270 مليون` adds; `750 وألفي` is two numbers (a range after بين), never 750 thousand."""
    assert [(a["low"], a["high"], a["unit"]) for a in amounts(text)] == expected


def test_quantities_the_number_of_a_list_item_is_no_amount():
    text = "وكشفت الوثائق ما يلي:\n1- استغلال الطيران المدني\n2) تمويل الميليشيات بـ 50 مليون دولار"
    assert [(a["text"], a["value"]) for a in amounts(text)] == [("50 مليون دولار", 50_000_000)]
    assert [a["value"] for a in amounts("قتل 5. وأصيب آخرون")] == [5]


@pytest.mark.parametrize("text, expected", [
    ("قتل شخصا واحدا في الهجوم.", ("شخصا واحدا", 1, "person")),
    ("بعد عام واحد من سيطرة التنظيم على المدينة.", ("عام واحد", 1, "year")),
])
def test_quantities_one_after_its_noun(text, expected):
    """Issue 14: `واحد` follows the noun it counts (شخص واحد, عام واحد)."""
    found = only(text)
    assert (found["text"], found["value"], found["unit"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("وارتفع سعر الدولار من 760 إلى 820 ريالا في صنعاء اليمنية.", [(760, 760, "YER"), (820, 820, "YER")]),
    ("ارتفع عدد القتلى من 10 إلى 15 شخصا.", [(10, 10, "person"), (15, 15, "person")]),
    ("يتراوح عددهم من 3 إلى 5 آلاف مقاتل.", [(3000, 5000, "person")]),
])
def test_quantities_a_change_from_one_amount_to_another_is_two_amounts(text, expected):
    """`ارتفع من 760 إلى 820`: a change, two amounts with one unit; without a change verb a range."""
    assert [(a["low"], a["high"], a["unit"]) for a in amounts(text)] == expected



@pytest.mark.parametrize("text, expected", [
    ("خطف التنظيم 250 مسيحيا آشوريا على الأقل.", (250, None, "at_least")),
    ("قتل 30 جنديا عراقيا على الأقل.", (30, None, "at_least")),
])
def test_quantities_an_after_cue_past_the_nouns_adjective(text, expected):
    found = only(text)
    assert (found["low"], found["high"], found["qualifier"]) == expected


def test_quantities_a_partitive_after_the_after_cue_gives_the_unit():
    """`40 على الأقل من العمال`: the counted noun comes after the cue, behind `من`."""
    found = only("وأكد المستشفى أن 40 على الأقل من العمال نقلوا إليه.")
    assert (found["low"], found["unit"], found["qualifier"]) == (40, "person", "at_least")
    paid = only("وجمع المسلحون 20 ألفا على الأقل من التجار في السوق.")  # who paid, not what is counted
    assert (paid["low"], paid["unit"]) == (20000, None)


@pytest.mark.parametrize("text, unit", [
    ("أعتقد أن عدد المصابين يتجاوز 50.", "person"),
    ("وارتفع عدد القتلى إلى 30.", "person"),
])
def test_quantities_the_number_of_a_counted_noun(text, unit):
    """`عدد القتلى … 30`: a bare number counts the noun `عدد` names."""
    assert only(text)["unit"] == unit


def test_quantities_the_arabic_comma_between_digits_is_a_decimal_comma():
    """Issue 14: `2،5 في المئة` is 2.5 %; `3، 4` with a space is two numbers."""
    assert [(a["value"], a["unit"]) for a in amounts("ارتفعت النسبة إلى 2،5 في المئة.")] == [(2.5, "percent")]
    assert [a["value"] for a in amounts("قتل 3، 4 أشخاص")] == [3, 4]


@pytest.mark.parametrize("text", [
    "وأشار تقرير اللجنة المشكلة بموجب قرار مجلس الأمن 2342 إلى أن الحوثيين يجمعون الأموال.",
    "توفي الكاهن في عام 120 ميلادية في تدمر.",
])
def test_quantities_a_resolution_number_or_an_early_year_is_no_amount(text):
    assert amounts(text) == []


@pytest.mark.parametrize("text, expected", [
    ('قالت إن العائدات تتراوح بين "آلاف إلى ملايين قليلة من الجنيهات سنويا".', (2_000, None, "EGP", "year")),
    ("قتل عشرات إلى مئات المدنيين.", (20, None, "person", None)),
])
def test_quantities_a_vague_range_is_at_least_its_first_end(text, expected):
    found = only(text)
    assert (found["low"], found["high"], found["unit"], found["per"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("قتل 1332 عراقياً في الهجمات.", ("1332 عراقياً", 1332, "person")),
    ("يعيش 10 ملايين سوري في الخارج.", ("10 ملايين سوري", 10_000_000, "person")),
    ("اعتقلت الشرطة 3 سوريين.", ("3 سوريين", 3, "person")),
    ("وبلغت العائدات 3 ملايين سنويا.", ("3 ملايين سنويا", 3_000_000, None)),
])
def test_quantities_nationals_count_people(text, expected):
    """Issue 14: a relative noun counts people — plural after any number, singular after 11 or more."""
    found = only(text)
    assert (found["text"], found["value"], found["unit"]) == expected


@pytest.mark.parametrize("text, value", [
    ("صادرت الشرطة 100 غرام من الذهب.", 0.1),
    ("ضبطت الشرطة نحو 250 جراماً من الهيروين.", 0.25),
])
def test_quantities_grams_are_given_in_kilograms(text, value):
    """Issue 14: `100 غرام` is 0.1 kg, not 100 kg (units.tsv's factor column)."""
    found = only(text)
    assert (found["value"], found["unit"]) == (value, "kg")


@pytest.mark.parametrize("text, expected", [
    ("يستورد البلد خمس الاستهلاك من الخارج.", ("خمس", 0.2, "other", "share")),
    ("سيطر التنظيم على أكثر من ثلث الأراضي.", ("أكثر من ثلث", 0.333333333, "other", "share")),
    ("قضى خمس سنوات في السجن.", ("خمس سنوات", 5, "year", None)),
])
def test_quantities_fractions_are_shares_of_a_whole(text, expected):
    """Issue 14: `خمس الاستهلاك` is a fifth (a share), `خمس سنوات` five years."""
    found = only(text)
    assert (found["text"], round(found["value"], 9), found["unit"], found["item"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("انسحب المسلحون من المدن الأربع.", ("المدن الأربع", 4, "other")),
    ("شاركت طائرات التورنيدو الثماني في الغارات.", ("طائرات التورنيدو الثماني", 8, "vehicle")),
])
def test_quantities_a_number_after_its_noun(text, expected):
    """Issue 14: the definite number word follows the noun it counts (`المدن الأربع`)."""
    found = only(text)
    assert (found["text"], found["value"], found["unit"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("استمر الحصار سنتين.", ("سنتين", 2, "year")),
    ("قضى ست سنوات في السجن.", ("ست سنوات", 6, "year")),
    ("بعد نحو أسبوعين من المعارك.", ("نحو أسبوعين", 2, "week")),
    ("ضبطت القوات 3 عجلات مفخخة.", ("3 عجلات", 3, "vehicle")),
])
def test_quantities_durations_duals_and_vehicles(text, expected):
    """Issue 14: durations and duals are quantities (سنتين, ست سنوات, نحو أسبوعين); عجلات count vehicles."""
    found = only(text)
    assert (found["text"], found["value"], found["unit"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("اعتقلت القوات عشرات من الرجال في القرية.", ("عشرات من الرجال", 20, "person")),
    ("غرقت عبارتان قبالة الساحل.", ("عبارتان", 2, "vehicle")),
])
def test_quantities_groups_of_people_and_ferries(text, expected):
    found = only(text)
    assert (found["text"], found["low"], found["unit"]) == expected
