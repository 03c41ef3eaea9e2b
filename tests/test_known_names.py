"""Known names: lexicon matches of kb places and actors, with spans as OUTPUT.md draws them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasid.document import Document
from rasid.stages.mentions.known_names import find_known_names

SHARED = Path(__file__).resolve().parents[2] / "shared"


def names(text: str) -> list[tuple[str, str, str]]:
    doc = Document(text=text)
    found = find_known_names(doc)
    for k in found:
        assert doc.text[k.start:k.end] == k.text
    return [(k.text, k.type, k.kb) for k in found]


def texts(text: str) -> list[str]:
    return [t for t, _, _ in names(text)]


def test_known_names_leave_leading_clitics_out():
    assert texts("هجوم لداعش وبسوريا") == ["داعش", "سوريا"]
    assert texts("وخسارة التنظيم للشدادي") == ["لشدادي"]  # ل + (ا)لشدادي


def test_known_names_give_type_and_kb():
    assert names("تقدمت قسد نحو الرقة") == [("قسد", "ORG", "rasid:org/sdf"), ("الرقة", "LOC", names("الرقة")[0][2])]
    assert names("الرقة")[0][2].startswith("rasid:place/")


def test_known_names_longest_name_wins():
    assert names("بحسب موقع دير الزور 24 المحلي") == [("دير الزور 24", "ORG", "rasid:outlet/deirezzor24")]


def test_known_names_designator_stays_outside_the_span():
    assert texts("قال تنظيم داعش ووكالة رويترز") == ["داعش", "رويترز"]
    assert texts("انحسر نفوذ تنظيم الدولة الإسلامية") == ["تنظيم الدولة الإسلامية"]
    assert texts("أفادت شبكة فرات بوست") == ["شبكة فرات بوست"]


def test_known_names_context_names_need_a_licensing_word():
    assert texts('نشرت وكالة "أعماق" بيانا') == ["أعماق"]
    assert texts("غاص في أعماق البحر") == []
    assert texts("تحدث لموقع الحل عن المعارك") == ["الحل"]
    assert texts("شو الحل؟") == []


def test_known_names_cue_licenses_fields_and_villages_in_a_list():
    assert texts("يسيطر على حقلي التنك والعمر النفطيين") == ["التنك", "العمر"]
    assert texts("غارة على بلدة #السوسة") == ["السوسة"]
    assert texts("في بلدات الشحيل والبصيرة") == ["الشحيل", "البصيرة"]


def test_known_names_skip_common_words_that_are_place_names_elsewhere():
    assert texts("كان التنظيم يسيطر على مدينة كبيرة يوميا") == []


def test_known_names_article_is_not_a_clitic():
    assert texts("استولى على المناجم السورية") == []


def test_known_names_place_inside_a_kunya_is_not_a_place():
    assert texts("والملقب أبو المثنى اليمني") == []


def test_known_names_spaceless_spelling():
    assert texts("في #ديرالزور والبوكمال") == ["ديرالزور", "البوكمال"]


def test_known_names_on_the_seed_reports_agree_with_the_gold():
    gold_path = SHARED / "gold" / "seeds.mentions.jsonl"
    if not gold_path.is_file():
        pytest.skip("../shared/gold is not available")
    gold = [json.loads(line) for line in open(gold_path, encoding="utf-8")]
    tp = fp = total = 0
    for name in sorted({g["doc"] for g in gold}):
        text = (SHARED / "corpus" / "seeds" / name).read_text(encoding="utf-8")
        spans = {(g["start"], g["end"], g["type"]) for g in gold if g["doc"] == name and g["type"] in ("ORG", "LOC")}
        optional = [g for g in gold if g["doc"] == name and g.get("optional")]
        found = [k for k in find_known_names(Document(text=text))
                 if not any(o["start"] < k.end and k.start < o["end"] for o in optional)]
        tp += sum((k.start, k.end, k.type) in spans for k in found)
        fp += sum((k.start, k.end, k.type) not in spans for k in found)
        total += len(spans)
    assert tp / (tp + fp) >= 0.95 and tp / total >= 0.85, (tp, fp, total)


@pytest.mark.parametrize("text, expected", [
    ("وتقدمت القوات في مديرية حيس ثم في التحيتا", ["حيس", "التحيتا"]),
    ("وقتل عشرون في تفجير في كويتا عاصمة إقليم بلوشستان", ["كويتا", "بلوشستان"]),
    ("وهاجم مسلحو الشباب قاعدة قرب كيسمايو في إقليم جوبا السفلى", ["كيسمايو", "إقليم جوبا السفلى"]),
    ("وسيطر الجيش على الهلال النفطي وميناء رأس لانوف", ["الهلال النفطي", "ميناء رأس لانوف"]),
    ("وخطف مسلحو بوكو حرام طالبات من دابتشي في ولاية يوبي", ["بوكو حرام", "دابتشي", "ولاية يوبي"]),
    ("واشتدت المعارك في ولاية هلمند وننغرهار", ["هلمند", "ننغرهار"]),
])
def test_known_names_reach_the_divisions_of_the_countries_the_reports_cover(text, expected):
    """Governorates, provinces and districts of Yemen, Afghanistan, Pakistan, Somalia, Nigeria and
    Libya (places_curated.tsv): the shared gazetteer sources hold only Syria and Iraq in detail."""
    assert texts(text) == expected


def test_known_names_a_district_that_is_a_common_word_needs_its_designator():
    """`عبس` frowned, `الجراحي` surgical, `الضالع` the one involved, `الكفرة` the infidels: such a
    place is named only with its designator (`مديرية عبس`, `محافظة الضالع`, `مدينة الكفرة`)."""
    assert texts("وعبس الرجل في وجهه") == []
    assert texts("وتقدمت القوات في مديرية عبس") == ["مديرية عبس"]
    for common in ("المتهم الضالع في التفجير", "الطاقم الجراحي أنقذ المصاب", "قتال الكفرة والمرتدين",
                   "أود أن أبين أن الموقف واضح", "الشعب رازح تحت الحصار", "تناول الأطفال الخوخة"):
        assert texts(common) == [], common
    assert texts("وتقدمت القوات في محافظة الضالع ومديرية الجراحي") == ["الضالع", "مديرية الجراحي"]
    assert texts("وسيطر الجيش على مدينة الكفرة") == ["الكفرة"]


def test_known_names_armed_groups_the_news_names_beyond_syria_and_iraq():
    """Armed groups among the most frequent unlinked organisations of 3,000 armed-group reports."""
    assert names("وأعلنت جبهة البوليساريو") == [("جبهة البوليساريو", "ORG", "rasid:org/polisario")]
    assert [kb for _, _, kb in names("وقاتلت منظمة بدر وكتائب القسام وفيلق الرحمن")] == [
        "rasid:org/badr", "rasid:org/qassam-brigades", "rasid:org/faylaq-al-rahman"]
