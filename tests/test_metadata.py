import pytest

from rasid import extract
from rasid.text.dates import find_date
from rasid.stages.prepare.metadata import read_header

BODY = ("قالت مصادر محلية إن عناصر التنظيم انسحبوا من القرية بعد اشتباكات استمرت ساعات، "
        "وإن الطيران قصف مواقعهم في محيط البلدة مرات عدة.")


@pytest.mark.parametrize("text,expected", [
    ("تقارير | 1 01 2021", "2021-01-01"),
    ("سياسي | 15 أغسطس 2020 | كاتب", "2020-08-15"),
    ("١٢ ديسمبر/ كانون الأول ٢٠١٨", "2018-12-12"),
    ("الأحد 10 أيلول/سبتمبر 2017", "2017-09-10"),
    ("5 جويلية 2019", "2019-07-05"),
    ("14 غشت 2016", "2016-08-14"),
    ("2020-08-15T09:00:00+03:00", "2020-08-15"),
    ("15/8/2020", "2020-08-15"),
    ("31 13 2020", None),
    ("في عام 2015", None),
])
def test_metadata_dates_in_every_month_system(text, expected):
    assert find_date(text) == expected


def test_metadata_section_date_author_byline():
    h = read_header(["عنوان التقرير عن تمويل الجماعات", "سياسي | 15 أغسطس 2020 | مالك الحافظ", BODY])
    assert (h.title, h.published, h.author, h.extra.get("section")) == (
        "عنوان التقرير عن تمويل الجماعات", "2020-08-15", "مالك الحافظ", "سياسي")


def test_metadata_outlet_and_dateline_byline():
    h = read_header(["أخبار الآن | ريف الحسكة – سوريا ( خاص )", BODY])
    assert (h.outlet, h.extra.get("dateline"), h.title, h.published) == (
        "أخبار الآن", "ريف الحسكة – سوريا ( خاص )", None, None)


def test_metadata_separators_are_not_words_of_prose():
    """A byline of outlet, dateline and date runs to fifteen tokens with its `|`, `–` and brackets;
    only its ten words count, so it stays a header line."""
    h = read_header(["أخبار الآن | ريف الحسكة – سوريا ( خاص ) | الخميس ٥ كانون الثاني ٢٠٢٣", BODY])
    assert (h.outlet, h.published, h.extra.get("dateline")) == ("أخبار الآن", "2023-01-05", "ريف الحسكة – سوريا ( خاص )")


def test_metadata_unknown_outlet_before_a_dateline():
    h = read_header(["منبر الشرق | ريف حمص – سوريا ( خاص )", BODY])
    assert h.outlet == "منبر الشرق"


def test_metadata_author_with_place_and_repeated_title():
    title = "حال من تبقى من عناصر التنظيم في المدينة"
    h = read_header([title, title, "حمزة فراتي – ديرالزور", BODY])
    assert (h.title, h.author, h.extra.get("dateline")) == (title, "حمزة فراتي", "ديرالزور")


def test_metadata_prose_first_line_means_no_header():
    h = read_header([BODY, "تقارير | 1 01 2021"])
    assert (h.title, h.published) == (None, None)


def test_metadata_given_published_wins_over_the_byline():
    doc = extract(f"تقارير | 1 01 2021\n{BODY}", published="2021-01-03")
    assert doc.published == "2021-01-03" and doc.meta["published_from"] == "given"
    doc = extract(f"تقارير | 1 01 2021\n{BODY}")
    assert doc.published == "2021-01-01" and doc.meta["published_from"] == "text"


def test_metadata_publication_dates_of_the_seed_reports(seeds):
    found = {r["id"][:3]: extract(r["text"]).published for r in seeds}
    assert found["001"] == "2021-01-01" and found["002"] == "2020-08-15"
    assert found["000"] is None and found["003"] is None  # no date in their text
