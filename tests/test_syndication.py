"""Syndicated copies: re-published paragraphs found across reports and kept as links."""
from __future__ import annotations

import shutil

from rasid import extract
from rasid.store import open_store
from rasid.corpus.syndication import passages, similarity
from rasid.store.sqlite import MIGRATIONS

SHARED_1 = ("قال الباحث في شؤون الجماعات المتطرفة إن التنظيم ما زال يملك شبكة واسعة من الوسطاء "
            "الذين ينقلون أمواله عبر الحدود، وإن جزءاً كبيراً منها يأتي من بيع النفط الخام للمهربين.")
SHARED_2 = ("وأضاف أن الضغط العسكري خلال الأشهر الأخيرة لم يقطع هذه الشبكات، بل دفعها إلى العمل "
            "بحذر أكبر وإلى تقسيم المبالغ على تحويلات صغيرة يصعب على الأجهزة الرقابية تتبعها.")
OWN_A = ("أعلنت قوات الأمن في المحافظة أنها فككت خلية تجمع الإتاوات من أصحاب المحال التجارية "
         "في الأسواق الشعبية، وصادرت مبالغ مالية وأجهزة اتصال خلال مداهمة ليلية.")
OWN_B = ("وفي سياق متصل، شهدت البلدة الواقعة على ضفة النهر احتجاجات على انقطاع الكهرباء "
         "والمياه لأيام متتالية، وسط مطالبات بتحسين الخدمات قبل حلول فصل الصيف.")
OTHER = ("تحدث المزارعون في السهول الشمالية عن موسم حصاد ضعيف بسبب قلة الأمطار وارتفاع أسعار "
         "الوقود والأسمدة، وقالوا إن الدعم الحكومي لم يصل إلى معظم القرى هذا العام.")


def report(*paragraphs: str) -> str:
    return "\n".join(paragraphs)


def test_syndication_shared_paragraph_is_similar_even_with_small_edits():
    edited = SHARED_1.replace("الخام", "").replace("إن", "أن")
    a = passages(extract(report(SHARED_1)))[0]
    b = passages(extract(report(edited)))[0]
    c = passages(extract(report(OTHER)))[0]
    assert similarity(a.signature, b.signature) >= 0.5
    assert similarity(a.signature, c.signature) < 0.2


def test_syndication_short_lines_and_boilerplate_are_not_compared():
    doc = extract(report("عنوان قصير للتقرير", SHARED_1, "اقرأ أيضاً: " + SHARED_2))
    assert [doc.text[p.start:p.end] for p in passages(doc)] == [SHARED_1]


def test_syndication_store_links_reports_that_share_paragraphs(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        for text, doc_id in ((report(OWN_A, SHARED_1, SHARED_2), "first"),
                             (report(SHARED_1, OWN_B, SHARED_2), "copy"),
                             (report(OTHER, OWN_B.replace("البلدة", "المدينة")), "other")):
            store.add(extract(text, id=doc_id), pipeline_version="t")
        pairs = [(s.first_id, s.second_id, s.passages) for s in store.shared_texts()]
        # the copy shares two paragraphs with the first report and one with the third
        assert pairs[0] == ("first", "copy", 2)
        assert ("copy", "other", 1) in pairs and len(pairs) == 2
        assert store.stats()["documents_sharing_text"] == 2
        assert store.integrity() == []


def test_syndication_links_are_not_duplicated_when_a_report_is_added_again(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        for _ in range(2):
            store.add(extract(report(OWN_A, SHARED_1), id="a"), pipeline_version="t")
            store.add(extract(report(SHARED_1, OWN_B), id="b"), pipeline_version="t")
        assert [(s.first_id, s.second_id, s.passages) for s in store.shared_texts()] == [("a", "b", 1)]


def test_syndication_an_older_store_is_indexed_when_opened(tmp_path):
    folder = tmp_path / "v1"
    folder.mkdir()
    shutil.copy(MIGRATIONS / "001_initial.sql", folder)
    db = tmp_path / "old.db"
    with open_store(db, migrations=folder) as store:  # a store from before syndication
        store.add(extract(report(OWN_A, SHARED_1), id="a"), pipeline_version="t")
        store.add(extract(report(SHARED_1, OWN_B), id="b"), pipeline_version="t")
    with open_store(db) as store:
        assert [(s.first_id, s.second_id) for s in store.shared_texts()] == [("a", "b")]
    with open_store(db) as store:  # opening again indexes nothing twice
        assert len(store.shared_texts()) == 1 and store.integrity() == []


def test_syndication_seed_reports_001_and_002_share_text(tmp_path, seeds):
    with open_store(tmp_path / "seeds.db") as store:
        for record in seeds:
            store.add(extract(record["text"], published=record.get("published"), id=record["id"]),
                      pipeline_version="t")
        pairs = [(s.first_id[:3], s.second_id[:3], s.passages) for s in store.shared_texts()]
    assert pairs == [("001", "002", 3)]


def test_syndication_a_long_report_is_indexed_in_chunks(tmp_path):
    """More paragraphs than one insert or one band look-up holds: every one is stored and found
    again in the copy (a few statements per report, however long)."""
    from rasid.document import Document
    from rasid.text.segment import paragraphs

    words = ["الموارد", "النفط", "التنظيم", "الحقل", "التجار", "الصهاريج", "الحواجز", "البادية", "الرسوم"]
    body = "\n\n".join(" ".join(f"{words[(i + k) % len(words)]}{i}" for k in range(14)) for i in range(450))

    def doc(text):
        return Document(text=text, paragraphs=paragraphs(text))
    with open_store(tmp_path / "long.db") as store:
        store.add(doc(body), pipeline_version="t")
        store.add(doc("مقدمة مختلفة تماما عن النص\n\n" + body), pipeline_version="t")
        shared = store.shared_texts()
    assert len(shared) == 1 and shared[0].passages == 450


def test_syndication_a_paragraph_in_every_report_is_furniture_not_a_copy(tmp_path):
    """A line every report of an outlet carries (a promo the boilerplate lines do not know) links
    each new report to every earlier one — all pairs. Found in more than FURNITURE_COPIES earlier
    reports it is furniture: no links, not indexed, and the look-up for later copies stays small."""
    from rasid.document import Document
    from rasid.store.passages import FURNITURE_COPIES
    from rasid.text.segment import paragraphs

    promo = "تابعوا آخر الأخبار والتحليلات والتقارير الخاصة عبر موقعنا وصفحاتنا على مدار الساعة كل يوم مع فريقنا"
    reports = [f"خبر رقم {i} عن موضوع مختلف تماما {i} {i + 1} {i + 2}\n\n{promo}" for i in range(FURNITURE_COPIES + 15)]
    with open_store(tmp_path / "promo.db") as store:
        for text in reports:
            store.add(Document(text=text, paragraphs=paragraphs(text)), pipeline_version="t")
        links = store.writer.execute("SELECT count(*) FROM shared_passages").fetchone()[0]
        indexed = store.writer.execute("SELECT count(DISTINCT passage) FROM passage_bands").fetchone()[0]
    all_pairs = len(reports) * (len(reports) - 1) // 2
    assert links <= FURNITURE_COPIES * (FURNITURE_COPIES + 1) // 2 < all_pairs
    assert indexed <= FURNITURE_COPIES + 1


def test_syndication_look_up_uses_the_band_index(tmp_path):
    """The candidates of a report's passages are found through the index of passage_bands, never
    by scanning every band stored (which made ingest quadratic in the corpus)."""
    from rasid.store.passages import candidate_sql

    with open_store(tmp_path / "plan.db") as store:
        plan = [row[3] for row in store.writer.execute("EXPLAIN QUERY PLAN " + candidate_sql(3), [1, 2] * 3 + [1])]
    assert any("SEARCH b USING PRIMARY KEY" in step for step in plan)
    assert not any(step.startswith("SCAN b") for step in plan)
