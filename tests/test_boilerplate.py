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


def _annotated_spans(doc: dict):
    """(what, start, end) of every span an extraction holds: mentions, quantities, times, the
    triggers, evidence and sources of events and claims."""
    for kind in ("mentions", "quantities", "times"):
        for item in doc[kind]:
            yield kind, item["start"], item["end"]
    for kind, fields in (("events", ("trigger", "evidence")), ("claims", ("evidence",))):
        for item in doc[kind]:
            for name in fields:
                if item.get(name):
                    yield f"{kind}.{name}", item[name]["start"], item[name]["end"]
            source = item.get("source") or {}
            if source.get("start") is not None:
                yield f"{kind}.source", source["start"], source["end"]


def test_boilerplate_holds_no_annotation_of_any_stage():
    """Issue 18: page furniture stays in the text but nothing is extracted inside it — over the
    examples, the seed reports and the dev reports (those here)."""
    from conftest import EXAMPLES, SEEDS_JSONL, SHARED
    from rasid.batch import extract_inputs
    from rasid.document import Document

    inputs = [str(EXAMPLES)] + [str(p) for p in (SEEDS_JSONL, SHARED / "corpus" / "dev.jsonl") if p.is_file()]
    furnished, found = 0, []
    for item in extract_inputs(inputs):
        assert isinstance(item, Document), item
        doc = item.to_dict()
        regions = [(r["start"], r["end"], r["kind"]) for r in doc["boilerplate"]]
        furnished += bool(regions)
        found += [(doc["doc"]["id"], kind, region, item.text[start:end])
                  for kind, start, end in _annotated_spans(doc)
                  for a, b, region in regions if start < b and a < end]
    assert furnished >= 5   # the examples alone carry furniture: the test reads some
    assert found == []


def test_boilerplate_mentions_are_dropped_at_any_overlap():
    from rasid.document import Region
    from rasid.ner.spans import Span
    from rasid.stages.mentions import outside_boilerplate

    doc = extract("نص")
    doc.boilerplate = [Region(10, 50, "read_also"), Region(20, 30, "cookie"), Region(60, 70, "podcast")]
    spans = [Span(0, 10, "LOC", "model"), Span(5, 12, "ORG", "model"), Span(40, 45, "LOC", "known"),
             Span(50, 60, "PER", "rule"), Span(69, 75, "ORG", "model"), Span(80, 85, "LOC", "model")]
    kept = outside_boilerplate(doc, spans)
    assert [(s.start, s.end) for s in kept] == [(0, 10), (50, 60), (80, 85)]
