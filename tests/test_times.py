import datetime as dt
import importlib.util
import json
import time

import pytest
from hypothesis import given, settings, strategies as st

from rasid.document import Document, Region
from rasid.stages.prepare.segment import segment
from rasid.stages.reading.view import read
from rasid.stages.times import find_times
from rasid.pipeline import extract
from rasid.text import hijri
from rasid.text.dates import find_date

from conftest import SHARED

GOLD = SHARED / "gold" / "seeds.times.jsonl"
SCORER = SHARED / "eval" / "score.py"


def read_times(doc: Document) -> Document:
    """The times stage over a document made for a test, after the stages it requires."""
    return find_times(read(segment(doc)))


def times(text, published=None):
    """(text, value, precision, relative) of every time found in `text`."""
    doc = read_times(Document(text=text, published=published))
    return [(t.text, t.value, t.precision, t.relative) for t in doc.times]


def one(text, published=None):
    found = times(text, published)
    assert len(found) == 1, found
    return found[0]


# --- month names of every system -------------------------------------------------------------

@pytest.mark.parametrize("text,value", [
    ("15 كانون الثاني 2019", "2019-01-15"), ("15 شباط 2019", "2019-02-15"), ("15 آذار 2019", "2019-03-15"),
    ("15 نيسان 2019", "2019-04-15"), ("15 أيار 2019", "2019-05-15"), ("15 حزيران 2019", "2019-06-15"),
    ("15 تموز 2019", "2019-07-15"), ("15 آب 2019", "2019-08-15"), ("15 أيلول 2019", "2019-09-15"),
    ("15 تشرين الأول 2019", "2019-10-15"), ("15 تشرين الثاني 2019", "2019-11-15"),
    ("15 كانون الأول 2019", "2019-12-15"), ("15 تشرين ثاني 2019", "2019-11-15"),
])
def test_times_levantine_and_iraqi_month_names(text, value):
    assert one(text) == (text, value, "day", False)


@pytest.mark.parametrize("text,value", [
    ("3 يناير 2020", "2020-01-03"), ("3 فبراير 2020", "2020-02-03"), ("3 مارس 2020", "2020-03-03"),
    ("3 إبريل 2020", "2020-04-03"), ("3 أبريل 2020", "2020-04-03"), ("3 مايو 2020", "2020-05-03"),
    ("3 يونيو 2020", "2020-06-03"), ("3 يوليو 2020", "2020-07-03"), ("3 أغسطس 2020", "2020-08-03"),
    ("3 اغسطس 2020", "2020-08-03"), ("3 أغسطُس 2020", "2020-08-03"), ("3 سبتمبر 2020", "2020-09-03"),
    ("3 أكتوبر 2020", "2020-10-03"), ("3 نوفمبر 2020", "2020-11-03"), ("3 ديسمبر 2020", "2020-12-03"),
])
def test_times_egyptian_and_gulf_month_names(text, value):
    assert one(text) == (text, value, "day", False)


@pytest.mark.parametrize("text,value", [
    ("5 جانفي 2019", "2019-01-05"), ("5 فيفري 2019", "2019-02-05"), ("5 أفريل 2019", "2019-04-05"),
    ("5 ماي 2019", "2019-05-05"), ("5 جوان 2019", "2019-06-05"), ("5 جويلية 2019", "2019-07-05"),
    ("5 أوت 2019", "2019-08-05"),
])
def test_times_maghrebi_month_names(text, value):
    assert one(text) == (text, value, "day", False)


@pytest.mark.parametrize("text,value", [
    ("5 يوليوز 2016", "2016-07-05"), ("14 غشت 2016", "2016-08-14"), ("9 شتنبر 2016", "2016-09-09"),
    ("9 نونبر 2016", "2016-11-09"), ("9 دجنبر 2016", "2016-12-09"),
])
def test_times_moroccan_month_names(text, value):
    assert one(text) == (text, value, "day", False)


def test_times_month_and_year_is_month_precision():
    assert one("في حزيران 2014 أعلن التنظيم") == ("حزيران 2014", "2014-06", "month", False)
    assert one("في شهر مايو من عام 2019") == ("شهر مايو من عام 2019", "2019-05", "month", False)


@pytest.mark.parametrize("text,value", [
    ("10 أيلول/سبتمبر 2018", "2018-09-10"),
    ("12 ديسمبر/ كانون الأول 2018", "2018-12-12"),
    ("3 آب (أغسطس) 2019", "2019-08-03"),
    ("3 أكتوبر تشرين الأول 2019", "2019-10-03"),
])
def test_times_paired_month_names_are_one_month(text, value):
    assert one(text) == (text, value, "day", False)


def test_times_paired_names_of_different_months_are_two_months():
    assert times("آذار/نيسان 2019") == [("آذار", "2019-03", "month", False),
                                        ("نيسان 2019", "2019-04", "month", False)]


# --- numeric dates and years ------------------------------------------------------------------

@pytest.mark.parametrize("text,value", [
    ("1 01 2021", "2021-01-01"), ("15/8/2020", "2020-08-15"), ("15/08/2020", "2020-08-15"),
    ("2020-08-15", "2020-08-15"), ("15.08.2020", "2020-08-15"), ("١٥/٨/٢٠٢٠", "2020-08-15"),
    ("١ ٠١ ٢٠٢١", "2021-01-01"), ("٢٠٢٠-٠٨-١٥", "2020-08-15"),
])
def test_times_numeric_dates_in_western_and_arabic_indic_digits(text, value):
    assert one(f"بتاريخ {text} أعلن") == (text, value, "day", False)


def test_times_numeric_dates_that_do_not_exist_are_not_times():
    assert times("بتاريخ 31/02/2018") == []
    assert times("بتاريخ 15/13/2018") == []


def test_times_years_need_a_cue():
    assert one("في عام 2015 سيطر") == ("2015", "2015", "year", False)
    assert one("منذ 2014 يسيطر") == ("2014", "2014", "year", False)
    assert one("في 2015، قال") == ("2015", "2015", "year", False)
    assert one("خلال العام ٢٠١٦") == ("٢٠١٦", "2016", "year", False)
    assert times("بلغ عددهم 2015 عنصراً") == []
    assert times("أكثر من 2000 مقاتل") == []
    assert times("منذ 2000 عام") == []


def test_times_two_years_between_amey_are_two_times():
    assert times("بين عامي 2015 و 2016") == [("2015", "2015", "year", False), ("2016", "2016", "year", False)]
    assert times("بين عامَي 2015 و2016") == [("2015", "2015", "year", False), ("2016", "2016", "year", False)]
    assert times("من 2014 إلى 2016") == [("2014", "2014", "year", False), ("2016", "2016", "year", False)]
    assert times("من 2000 إلى 3000 عنصر") == []


def test_times_seasons_and_halves_are_year_precision():
    assert one("صيف 2014") == ("صيف 2014", "2014", "year", False)
    assert one("في شتاء عام 2015") == ("شتاء عام 2015", "2015", "year", False)
    assert one("النصف الثاني من 2015") == ("النصف الثاني من 2015", "2015", "year", False)
    assert one("خريف العام الماضي", "2021-01-01") == ("خريف العام الماضي", "2020", "year", True)


# --- Hijri -------------------------------------------------------------------------------------

@pytest.mark.parametrize("hijri_date,gregorian", [
    ((1441, 9, 1), dt.date(2020, 4, 24)),    # Ramadan 1441 (Umm al-Qura)
    ((1436, 1, 1), dt.date(2014, 10, 25)),   # Muharram 1436
    ((1439, 10, 1), dt.date(2018, 6, 15)),   # Eid al-Fitr 1439
    ((1440, 12, 10), dt.date(2019, 8, 11)),  # Eid al-Adha 1440
    ((1343, 1, 1), dt.date(1924, 8, 1)),     # first day of the table
])
def test_times_hijri_umm_al_qura_conversion_is_exact_in_the_table(hijri_date, gregorian):
    assert hijri.to_gregorian(*hijri_date) == gregorian
    assert hijri.from_gregorian(gregorian) == hijri_date


def test_times_hijri_tabular_fallback_is_within_two_days_of_umm_al_qura():
    for year in range(1343, 1501, 7):
        for month in (1, 6, 12):
            tabular = hijri._tabular_month_start(year, month)
            assert abs(tabular - hijri.month_start(year, month)) <= 2
    assert hijri.to_gregorian(1300, 1, 1) == dt.date(1882, 11, 12)  # outside the table: tabular


def test_times_hijri_conversion_rejects_days_a_month_lacks():
    with pytest.raises(ValueError):
        hijri.to_gregorian(1441, 9, 31)


@given(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31)))
@settings(max_examples=200, deadline=None)
def test_times_hijri_round_trip(date):
    assert hijri.to_gregorian(*hijri.from_gregorian(date)) == date


def test_times_hijri_dates_in_text_are_converted():
    assert one("في 15 رمضان 1441 هـ") == ("15 رمضان 1441 هـ", "2020-05-08", "day", False)
    assert one("في محرم 1436") == ("محرم 1436", "2014-11", "month", False)  # the month of its middle
    assert one("عام 1436 هـ") == ("1436 هـ", "2015", "year", False)
    assert one("بتاريخ 12/2/1439هـ") == ("12/2/1439هـ", "2017-11-01", "day", False)
    assert one("شهر رمضان الماضي", "2021-01-01") == ("شهر رمضان الماضي", "2020-05", "month", True)


def test_times_hijri_month_names_that_are_first_names_need_a_date():
    assert times("قال رمضان قديروف") == []
    assert times("الرئيس رجب طيب أردوغان") == []
    assert one("في رمضان", "2021-01-01") == ("رمضان", "2020-05", "month", True)


def test_times_month_names_that_are_words_need_more_than_a_clitic():
    assert times("ولد لأب سوري", "2021-01-01") == []
    assert times("الملاحة في باب المندب", "2021-01-01") == []
    assert times("مطاعم في ماي فير", "2021-01-01") == []
    assert one("في 5 ماي", "2021-01-01") == ("5 ماي", "2020-05-05", "day", True)
    assert one("ولد في آب", "2021-01-01") == ("آب", "2020-08", "month", True)
    assert one("بآذار", "2021-01-01") == ("آذار", "2020-03", "month", True)


def test_times_a_month_whose_approach_or_arrival_is_told_is_a_time():
    """`مع اقتراب نيسان`, `قبيل حلول رمضان`: the month a season turns on; without a publication
    date it has no value but is still a time; the car maker is none."""
    assert one("ويخشى الرعاة مع اقتراب نيسان أن تزيد الإتاوات") == ("نيسان", None, "month", True)
    assert one("وقبيل حلول رمضان رفعوا الأسعار", "2021-01-01")[:2] == ("رمضان", "2020-05")
    assert times("واشترى سيارة نيسان جديدة", "2021-01-01") == []


# --- relative expressions ----------------------------------------------------------------------

PUB = "2021-01-01"  # a Friday


@pytest.mark.parametrize("text,expected", [
    ("يوم الأربعاء", ("يوم الأربعاء", "2020-12-30", "day", True)),
    ("الخميس الماضي", ("الخميس الماضي", "2020-12-31", "day", True)),
    ("الجمعة الماضية", ("الجمعة الماضية", "2020-12-25", "day", True)),
    ("يوم الجمعة", ("يوم الجمعة", "2021-01-01", "day", True)),
    ("الاثنين المقبل", ("الاثنين المقبل", "2021-01-04", "day", True)),
    ("وقال مساء الاثنين إن", ("الاثنين", "2020-12-28", "day", True)),
    ("منذ الثلاثاء", ("الثلاثاء", "2020-12-29", "day", True)),
])
def test_times_weekdays_resolve_to_the_last_such_day(text, expected):
    assert one(text, PUB) == expected


@pytest.mark.parametrize("text,expected", [
    ("أمس", ("أمس", "2020-12-31", "day", True)),
    ("يوم أمس الخميس", ("يوم أمس الخميس", "2020-12-31", "day", True)),
    ("أول أمس", ("أول أمس", "2020-12-30", "day", True)),
    ("اليوم", ("اليوم", "2021-01-01", "day", True)),
    ("صباح اليوم", ("اليوم", "2021-01-01", "day", True)),
    ("يوم غد", ("يوم غد", "2021-01-02", "day", True)),
])
def test_times_day_words(text, expected):
    assert one(text, PUB) == expected


@pytest.mark.parametrize("text,published,value", [
    ("أمس الأحد", "2021-01-05", "2021-01-03"),       # dated Tuesday: Sunday, not Monday
    ("اليوم الاثنين", "2015-07-25", "2015-07-20"),   # written Monday, published Saturday
    ("يوم أمس الجمعة", PUB, PUB),                    # PUB is a Friday: the Friday, not Thursday
])
def test_times_a_weekday_wins_over_the_day_word_it_disagrees_with(text, published, value):
    assert one(text, published)[1] == value


@pytest.mark.parametrize("text,published,expected", [
    ("صدر البيان اليوم الثلاثاء 25 رجب 1442 هـ", "2021-03-12", ("اليوم الثلاثاء 25 رجب 1442 هـ", "2021-03-09")),
    ("وقال أمس الجمعة، 5 آذار 2021، إن", "2021-03-06", ("أمس الجمعة، 5 آذار 2021", "2021-03-05")),
])
def test_times_a_day_word_and_weekday_before_a_full_date_are_one_time(text, published, expected):
    """The day word, its weekday and the date after them are one expression: the date says which day."""
    assert one(text, published)[:2] == expected


@pytest.mark.parametrize("text,expected", [
    ("قبل يومين", ("قبل يومين", "2020-12-30", "day", True)),
    ("قبل 3 أيام", ("قبل 3 أيام", "2020-12-29", "day", True)),
    ("قبل أسبوع", ("قبل أسبوع", "2020-12-25", "day", True)),
    ("قبل شهر", ("قبل شهر", "2020-12", "month", True)),
    ("قبل شهرين", ("قبل شهرين", "2020-11", "month", True)),
    ("قبل نحو عامين", ("قبل نحو عامين", "2019", "year", True)),
    ("قبل أيام", ("قبل أيام", "2020-12", "month", True)),  # a few days: the month three days back
])
def test_times_ago(text, expected):
    assert one(text, PUB) == expected


def test_times_ago_before_a_name_or_another_event_is_not_relative_to_publication():
    assert one("منذ شهر يناير", PUB) == ("شهر يناير", "2021-01", "month", True)
    assert one("منذ عام 2015", PUB) == ("2015", "2015", "year", False)
    assert times("قبل سنوات", PUB) == []  # too vague to date; قبل أيام dates to its month
    assert times("وقع الهجوم قبل أيام من الانتخابات", PUB) == []  # counted back from the elections
    assert times("قبل يومين من الهجوم", PUB) == []
    assert one("سيطر قبل أيام على الميناء", PUB) == ("قبل أيام", "2020-12", "month", True)  # على: the verb's


@pytest.mark.parametrize("text, expected", [
    ("ويأتي ذلك بعد أسبوعين من هجوم مشابه", ("بعد أسبوعين", "2020-12-18", "day", True)),
    ("وجاء القصف بعد يوم على سلسلة من الغارات", ("بعد يوم", "2020-12-31", "day", True)),
    ("ويأتي هذا التطور بعد أيام من إعلان الجيش", ("بعد أيام", "2020-12", "month", True)),
])
def test_times_the_story_comes_that_long_after_what_it_names(text, expected):
    """`ويأتي ذلك بعد أسبوعين من هجوم`: what من names happened that long before the report's day."""
    assert one(text, PUB) == expected


def test_times_a_sentence_opening_on_after_a_while_since_dates_what_it_names_back_from_today():
    """`بعد أربع سنوات على سقوط آخر جيب للتنظيم، لا تزال الأسئلة قائمة`: the story is now, that
    long after what على names; inside a sentence, or with من, it is no date."""
    assert one("بعد أربع سنوات على سقوط آخر جيب للتنظيم، لا تزال الأسئلة قائمة", PUB) == (
        "بعد أربع سنوات", "2017", "year", True)
    assert one("تقرير. وبعد عام على سقوط المدينة، عاد السكان", PUB) == ("بعد عام", "2020", "year", True)
    assert times("وعاد السكان بعد عام على سقوط المدينة", PUB) == []


def test_times_after_a_while_is_no_date_without_a_verb_of_coming_or_what_it_comes_after():
    assert times("وبعد أسبوع من الهجوم أعلن التنظيم مسؤوليته", PUB) == []  # a week after the attack
    assert times("ويأتي ذلك بعد أسبوع", PUB) == []


@pytest.mark.parametrize("text,expected", [
    ("الشهر الماضي", ("الشهر الماضي", "2020-12", "month", True)),
    ("الشهر الجاري", ("الشهر الجاري", "2021-01", "month", True)),
    ("الشهر المقبل", ("الشهر المقبل", "2021-02", "month", True)),
    ("العام الماضي", ("العام الماضي", "2020", "year", True)),
    ("العام الجاري", ("العام الجاري", "2021", "year", True)),
    ("هذا العام", ("هذا العام", "2021", "year", True)),
    ("السنة الماضية", ("السنة الماضية", "2020", "year", True)),
])
def test_times_units_relative_to_publication(text, expected):
    assert one(text, PUB) == expected


@pytest.mark.parametrize("text,published,expected", [
    ("الأسبوع الماضي", "2018-07-30", ("الأسبوع الماضي", "2018-07", "month", True)),
    ("الاسبوع الماضي", "2018-07-03", ("الاسبوع الماضي", "2018-06", "month", True)),
    ("هذا الأسبوع", "2018-10-04", ("هذا الأسبوع", "2018-10", "month", True)),
    ("مطلع الأسبوع الجاري", "2018-10-04", ("مطلع الأسبوع الجاري", "2018-10", "month", True)),
])
def test_times_a_week_named_from_publication_is_the_month_of_its_day(text, published, expected):
    """The schema has no week precision: `الأسبوع الماضي` dates by the month of the day a week back."""
    assert one(text, published) == expected


@pytest.mark.parametrize("text,published,expected", [
    ("شهر آذار الفائت", "2021-01-01", ("شهر آذار الفائت", "2020-03", "month", True)),
    ("10 أيلول/سبتمبر الماضي", "2018-12-20", ("10 أيلول/سبتمبر الماضي", "2018-09-10", "day", True)),
    ("تشرين الثاني المنصرم", "2018-12-20", ("تشرين الثاني المنصرم", "2018-11", "month", True)),
    ("ديسمبر الماضي", "2018-12-20", ("ديسمبر الماضي", "2017-12", "month", True)),
    ("آذار المقبل", "2018-12-20", ("آذار المقبل", "2019-03", "month", True)),
    ("12 ديسمبر/ كانون الأول من هذا العام", "2018-12-20",
     ("12 ديسمبر/ كانون الأول من هذا العام", "2018-12-12", "day", True)),
    ("آذار من العام الماضي", "2018-12-20", ("آذار من العام الماضي", "2017-03", "month", True)),
    ("13 من الشهر الجاري", "2018-12-20", ("13 من الشهر الجاري", "2018-12-13", "day", True)),
])
def test_times_month_names_with_a_modifier(text, published, expected):
    assert one(text, published) == expected


@pytest.mark.parametrize("text,expected", [
    ("مطلع الشهر الجاري", ("مطلع الشهر الجاري", "2018-12", "month", True)),
    ("أوائل نوفمبر/تشرين الثاني الفائت", ("أوائل نوفمبر/تشرين الثاني الفائت", "2018-11", "month", True)),
    ("منتصف أكتوبر/تشرين الأول الماضي", ("منتصف أكتوبر/تشرين الأول الماضي", "2018-10", "month", True)),
    ("أواخر شهر تشرين الثاني الماضي", ("أواخر شهر تشرين الثاني الماضي", "2018-11", "month", True)),
    ("مطلع العام الجاري", ("مطلع العام الجاري", "2018", "year", True)),
    ("أواخر العام", ("أواخر العام", "2018", "year", True)),
    ("منتصف عام 2015", ("منتصف عام 2015", "2015", "year", False)),
    ("أواخر 2017", ("أواخر 2017", "2017", "year", False)),
])
def test_times_start_middle_end_keep_the_precision_of_what_follows(text, expected):
    assert one(text, "2018-12-20") == expected


def test_times_day_and_month_without_year_take_the_last_such_date():
    assert one("في 3 من كانون الأول", "2021-01-01") == ("3 من كانون الأول", "2020-12-03", "day", True)
    assert one("في 1 كانون الثاني", "2021-01-01") == ("1 كانون الثاني", "2021-01-01", "day", True)
    assert one("في الأول من آذار", "2021-01-01") == ("الأول من آذار", "2020-03-01", "day", True)


def test_times_weekday_with_its_date_is_one_time():
    assert one("وقالت، مساء الخميس، 31 من كانون الأول، إن", "2021-01-01") == (
        "الخميس، 31 من كانون الأول", "2020-12-31", "day", True)
    assert one("الأحد الموافق 15 آذار 2020") == ("الأحد الموافق 15 آذار 2020", "2020-03-15", "day", False)


def test_times_coordinated_dates_share_what_the_last_states():
    assert times("يومي 16 و17 تموز 2019") == [("16", "2019-07-16", "day", False),
                                              ("17 تموز 2019", "2019-07-17", "day", False)]
    assert times("آب وأيلول 2019") == [("آب", "2019-08", "month", False),
                                      ("أيلول 2019", "2019-09", "month", False)]


def test_times_weekdays_set_off_by_commas_or_joined_are_times():
    assert one("قال ترامب، الثلاثاء، إن", PUB) == ("الثلاثاء", "2020-12-29", "day", True)
    assert times("أوقفوا السبت والأحد في باريس", PUB) == [("السبت", "2020-12-26", "day", True),
                                                         ("الأحد", "2020-12-27", "day", True)]


# --- both sides of a year boundary -------------------------------------------------------------

@pytest.mark.parametrize("text,published,value", [
    ("يوم الأربعاء", "2021-01-01", "2020-12-30"),
    ("كانون الأول الماضي", "2021-01-01", "2020-12"),
    ("31 من كانون الأول", "2021-01-01", "2020-12-31"),
    ("أمس", "2021-01-01", "2020-12-31"),
    ("مطلع الشهر المقبل", "2020-12-30", "2021-01"),
    ("كانون الثاني المقبل", "2020-12-30", "2021-01"),
    ("الجمعة المقبل", "2020-12-30", "2021-01-01"),
    ("العام المقبل", "2020-12-30", "2021"),
    ("قبل يومين", "2021-01-01", "2020-12-30"),
])
def test_times_anchors_across_a_year_boundary(text, published, value):
    assert [found[1] for found in times(text, published)] == [value]


# --- without a publication date ----------------------------------------------------------------

def test_times_without_publication_date_keep_the_span_with_a_null_value():
    doc = read_times(Document(text="وقبل يومين، كشف المسؤول في 15 أغسطس 2020 عن الخطة"))
    got = [(t.text, t.value, t.precision, t.relative) for t in doc.times]
    assert got == [("قبل يومين", None, "day", True), ("15 أغسطس 2020", "2020-08-15", "day", False)]
    assert doc.text[doc.times[0].start:doc.times[0].end] == "قبل يومين"


def test_times_a_coarse_publication_date_resolves_what_it_can():
    assert times("العام الماضي", "2020") == [("العام الماضي", "2019", "year", True)]
    assert times("أمس", "2020") == [("أمس", None, "day", True)]
    assert times("الشهر الماضي", "2020-03") == [("الشهر الماضي", "2020-02", "month", True)]
    assert times("15 رمضان 1441 هـ", "2020") == [("15 رمضان 1441 هـ", "2020-05-08", "day", False)]


# --- not times ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "سيطرت خلال ثلاث ساعات فقط",           # a duration
    "خلال العامين الأخيرين",
    "بعد قرابة العامين من إعلان النصر",
    "خلال الساعات الفائتة",
    "يقول لموقع أخبار الآن",               # the outlet's name
    "تحدث محمد الجمعة (من سكان المدينة)",  # a surname
    "ويرى الجمعة أن التنظيم",
    "قتل 30 عنصراً من الفرقة الرابعة",      # ordinals
    "شو الحل؟ - الموسم الثالث",
    "في اليوم السابق",                      # a day of the story, not of publication
    "في ذلك اليوم",
    "ينتج ٣٤ ألف برميل في اليوم",            # a rate
    "حرب السنوات الأربع",
    "الأشهر القليلة الماضية",
])
def test_times_not_times(text):
    assert times(text, PUB) == []


@pytest.mark.parametrize("text", ["لأسباب مادية 2015", "كآبة عام", "أسباب", "الأب 5"])
def test_times_month_names_never_match_inside_words(text):
    assert [t for t in times(text, PUB) if t[2] != "year"] == []


def test_times_longest_month_name_and_clitics():
    assert one("15 مايو 2020") == ("15 مايو 2020", "2020-05-15", "day", False)
    assert one("وبأيلول 2019") == ("أيلول 2019", "2019-09", "month", False)
    assert one("وآب 2019") == ("آب 2019", "2019-08", "month", False)
    assert one("ومطلع العام الجاري", PUB) == ("مطلع العام الجاري", "2021", "year", True)


# --- offsets, ids, boilerplate -----------------------------------------------------------------

def test_times_offsets_hold_with_tatweel_and_diacritics_inside():
    text = "وفي يـوم الأربعـاء قتل 5، وفي ١٤ مِن كانونَ الأوّل الماضي، وعام ٢٠١٥م، و15 رمضان 1441هـ."
    doc = read_times(Document(text=text, published=PUB))
    assert [t.text for t in doc.times] == ["يـوم الأربعـاء", "١٤ مِن كانونَ الأوّل الماضي", "٢٠١٥م",
                                           "15 رمضان 1441هـ"]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.times)
    assert [t.value for t in doc.times] == ["2020-12-30", "2020-12-14", "2015", "2020-05-08"]


def test_times_ids_are_in_text_order():
    doc = read_times(Document(text="عام 2015 ثم قبل يومين ثم 3 آب 2019", published=PUB))
    assert [(t.id, t.text) for t in doc.times] == [("t1", "2015"), ("t2", "قبل يومين"), ("t3", "3 آب 2019")]


def test_times_skip_boilerplate():
    text = "قتل 5 يوم الأربعاء.\nاقرأ أيضاً: هجوم يوم الخميس"
    start = text.index("اقرأ")
    doc = Document(text=text, published=PUB, boilerplate=[Region(start, len(text), "read_also")])
    assert [t.text for t in read_times(doc).times] == ["يوم الأربعاء"]


def test_times_runs_in_the_default_pipeline_output():
    doc = find_times(extract("تقارير | 1 01 2021\n\nو شهد يوم الأربعاء مقتل أكثر من 30 عنصراً."))
    assert doc.published == "2021-01-01"
    assert [(t["text"], t["value"]) for t in doc.to_dict()["times"]] == [
        ("1 01 2021", "2021-01-01"), ("يوم الأربعاء", "2020-12-30")]


@given(st.text(alphabet="آب 2015عامكانونالأولمن/،ـًيومأمسالجمعة١٢3\n", max_size=80),
       st.sampled_from([None, "2021-01-01", "2020"]))
@settings(max_examples=300, deadline=None)
def test_times_offsets_always_index_the_text(text, published):
    doc = read_times(Document(text=text, published=published))
    for t in doc.times:
        assert doc.text[t.start:t.end] == t.text and t.start < t.end
        assert t.precision in ("day", "month", "year")


def test_times_a_megabyte_of_dates_is_scanned_in_linear_time():
    words = ["2015", "عام", "آب", "كانون", "الأول", "من", "15", "/", "الماضي", "يوم", "الخميس", "،",
             "و", "مطلع", "قبل", "يومين", "شهر", "هـ", "رمضان", "1441", "أمس", "١٢"]
    text = " ".join(words[(i * 7919) % len(words)] for i in range(200_000))[:1_000_000]
    started = time.perf_counter()
    doc = read_times(Document(text=text, published=PUB))
    assert time.perf_counter() - started < 30
    assert doc.times and all(doc.text[t.start:t.end] == t.text for t in doc.times[:1000])


def test_times_find_date_of_the_byline_reader_still_works():
    assert find_date("سياسي | 15 أغسطس 2020 | كاتب") == "2020-08-15"


# --- the seed reports --------------------------------------------------------------------------

def _scorer():
    spec = importlib.util.spec_from_file_location("rasid_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_times_seed_reports_strict_f1(seeds):
    if not GOLD.is_file():
        pytest.skip("../shared/gold is not available")
    docs = {}
    for record in seeds:
        doc = find_times(extract(record["text"], published=record.get("published"), id=record["id"]))
        assert all(doc.text[t.start:t.end] == t.text for t in doc.times)
        docs[record["id"]] = json.loads(json.dumps(doc.to_dict()))
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    result, errors = _scorer().score(docs, gold, "times")
    assert result["strict"]["f1"] >= 0.95, errors


def test_times_since_a_duration_is_a_quantity_not_a_date():
    """ANNOTATION.md: `منذ` + a duration counts time (a quantity); `منذ` + a date is a date."""
    assert times("يعيش البلد اضطرابات منذ نحو 9 أعوام.", PUB) == []
    assert [(q.text, q.value, q.unit) for q in extract("يعيش البلد اضطرابات منذ نحو 9 أعوام.").quantities] == [
        ("نحو 9 أعوام", 9, "year")]
    assert one("يسيطر التنظيم على المدينة منذ 2014.")[1] == "2014"


@pytest.mark.parametrize("text, expected", [
    ("هاجم مسلحون القرية الخميس وقتلوا خمسة.", [("الخميس", "2018-07-26")]),
    ("أعلن الجيش الأربعاء أن القوات استعادت البلدة.", [("الأربعاء", "2018-07-25")]),
    ("اتفق الاثنين على الهدنة.", []),                       # الاثنين: also "the two"
    ("احتشد المصلون بعد صلاة الجمعة.", []),                   # a prayer's name
    ("قال محمد الجمعة إن المسلحين انسحبوا، وأكد الجمعة أنهم عادوا.", []),  # a family name
])
def test_times_a_bare_weekday_is_that_day(text, expected):
    """Issue 14: `الأربعاء` without `يوم` resolves like `يوم الأربعاء`, unless it names something."""
    assert [(t[0], t[1]) for t in times(text, "2018-07-27")] == expected


def test_times_last_night_is_yesterday():
    assert times("وقع الهجوم الليلة الماضية في المدينة.", "2015-08-07") == [
        ("الليلة الماضية", "2015-08-06", "day", True)]


def test_times_an_early_year_with_its_era_written_out():
    assert times("توفي الكاهن في عام 120 ميلادية في تدمر.", PUB) == [("120 ميلادية", "0120", "year", False)]
    assert times("قتل 120 شخصا في الهجوم.", PUB) == []


@pytest.mark.parametrize("text, value", [
    ("في مارس سيطر التنظيم على المدينة.", "2018-03"),
    ("في نوفمبر سيطر التنظيم على المدينة.", "2017-11"),
])
def test_times_a_month_with_no_year_is_its_nearest_past(text, value):
    """Issue 14: a month name with no year and no الماضي is the latest such month up to publication."""
    assert times(text, "2018-07-27")[0][1] == value
