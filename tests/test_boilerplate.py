import pytest

from rasid import extract
from rasid.stages.prepare.boilerplate import line_kind

BODY = ("أعلنت قوات الأمن أنها فككت خلية تجمع الأموال لصالح التنظيم في ريف المدينة، "
        "وقالت إن أفرادها جمعوا نحو مليون دولار خلال العام الماضي عبر شبكة من الوسطاء.")


@pytest.mark.parametrize("line,kind", [
    ("نحن نستخدم ملفات تعريف الارتباط لنقدم لك تجربة أفضل", "cookie"),
    ("أوافق   أرفض", "cookie"),
    ("اقرأ أيضاً: قوافل النفط بين ضفتي النهر", "read_also"),
    ("قد يهمك: من يدفع ثمن الحرب؟", "read_also"),
    ("اشترك في نشرتنا البريدية وكن أول من يعرف", "newsletter"),
    ("بودكاست", "podcast"),
    ("تم أضافة تعليقك سوف يظهر بعد المراجعة", "comments"),
    ("تم إضافة تعليقك", "comments"),
])
def test_boilerplate_line_kinds(line, kind):
    assert line_kind(line) == kind


def test_boilerplate_prose_is_not_furniture():
    assert line_kind(BODY) is None
    assert line_kind("وقال إن التنظيم يستخدم شبكات الوسطاء لنقل الأموال.") is None


def test_boilerplate_closing_block_takes_short_lines_with_it():
    episode = "على الخط - الحلقة الرابعة: اقتصاد الحرب في البادية والجزيرة"
    text = f"{BODY}\nبودكاست\n{episode}\nنحن نستخدم ملفات تعريف الارتباط\nأوافق أرفض\n"
    doc = extract(text)
    marked = [(doc.text[r.start:r.end], r.kind) for r in doc.boilerplate]
    assert marked == [("بودكاست", "podcast"), (episode, "podcast"),
                      ("نحن نستخدم ملفات تعريف الارتباط", "cookie"), ("أوافق أرفض", "cookie")]
    assert not doc.in_boilerplate(0, len(BODY))


def test_boilerplate_link_line_inside_the_body_is_marked_and_text_kept():
    text = f"{BODY}\nقد يهمك: عشرون ألف برميل تعبر النهر\n{BODY}"
    doc = extract(text)
    assert doc.text == text
    assert [(doc.text[r.start:r.end], r.kind) for r in doc.boilerplate] == [
        ("قد يهمك: عشرون ألف برميل تعبر النهر", "read_also")]


def test_boilerplate_marked_at_the_end_of_the_seed_reports(seeds):
    closing = {}
    for record in seeds:
        doc = extract(record["text"])
        last = doc.paragraphs[-1]
        closing[record["id"][:3]] = doc.in_boilerplate(last.start, last.end)
    # 000 ends with prose; the other four end with a cookie banner, a comment notice or a promo
    assert closing == {"000": False, "001": True, "002": True, "003": True, "004": True}
