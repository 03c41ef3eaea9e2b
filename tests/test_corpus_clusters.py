"""Events and claims across reports: one corpus event or claim, its reports and independent sources."""
from __future__ import annotations

from test_corpus_builders import ARMY, HOMS, ISIS, PALMYRA, SUKHNA, RESEARCHER, Report, corpus_reports, r1, r2

from rasid.corpus.clusters import bounds, date_relation, overlaps, place_relation, when_compatible
from rasid.corpus.update import shared_in_memory
from rasid.store.corpus import memory_corpus


def corpus():
    return memory_corpus([r.dict() for r in corpus_reports()])


def report_ids(cluster: dict) -> list[str]:
    return sorted({r["report"]["id"] for r in cluster["reports"]})


def test_corpus_clusters_date_relation():
    assert date_relation("2020-12-30", "2020-12-30") == "exact"
    assert date_relation("2020-12", "2020-12-30") == date_relation("2020", "2020-12") == "within"
    assert date_relation("2020-12-30", "2020-12-31") == "near"
    assert date_relation("2020-12-30", "2021-01-01") is None
    assert date_relation("2020-11", "2020-12-01") is None and date_relation(None, "2020") is None


def test_corpus_clusters_place_relation():
    sukhna, homs, palmyra = ({"id": n, **p} for n, p in (("s", SUKHNA), ("h", HOMS), ("p", PALMYRA)))
    syria = {"id": "sy", "kind": "country", "country": "SY"}
    assert place_relation(sukhna, sukhna) == "same"
    assert place_relation(sukhna, homs) == place_relation(homs, palmyra) == place_relation(syria, sukhna) == "within"
    assert place_relation(sukhna, palmyra) is None
    assert place_relation(None, sukhna) == "unknown"


def test_corpus_clusters_amounts_overlap():
    assert overlaps([20, None], [27, 27]) and not overlaps([34000, 34000], [None, 10000])
    assert bounds([{"unit": "USD", "value": 100, "low": 100, "high": 100, "qualifier": "approx"}]) == \
        {"USD/": [90.0, 110.00000000000001]}
    assert when_compatible(["2021", False], ["2020", False]) and not when_compatible(["2016", True], ["2020", True])


def test_corpus_clusters_one_ambush_reported_twice_is_one_event():
    events = list(corpus().event_clusters())
    ambush = next(c for c in events if "r1" in report_ids(c))
    assert report_ids(ambush) == ["r1", "r2"] and ambush["date"] == "2021-03-01"
    assert ambush["independent_sources"] == 2   # the outlet and the group's agency
    # an attack the same day by the same group at another town is another event
    palmyra = next(c for c in events if "r5" in report_ids(c))
    assert palmyra is not ambush and report_ids(palmyra) == ["r5"]
    assert len(events) == 2


def event_report(id_: str, date: str | None, place: dict | None, actor: dict = ISIS, published="2021-03-05") -> dict:
    r = Report(f"هاجم مسلحون من داعش حاجزاً لقوات النظام قرب السخنة وتدمر في بادية حمص ({id_}).", id_, published,
               "منفذ")
    who = r.entity("داعش", **actor)
    army = r.entity("قوات النظام", **ARMY)
    where = r.entity(place["name"], **place) if place else None
    r.event("هاجم", "attack", date=date, actors=[who], targets=[army], location=where)
    return r.dict()


def test_corpus_clusters_undated_events_join_nothing():
    index = memory_corpus([event_report("a", None, SUKHNA), event_report("b", None, SUKHNA)])
    assert len(list(index.event_clusters())) == 2


def test_corpus_clusters_a_day_apart_only_at_the_same_place():
    same = memory_corpus([event_report("a", "2021-03-01", SUKHNA), event_report("b", "2021-03-02", SUKHNA)])
    assert len(list(same.event_clusters())) == 1
    region = memory_corpus([event_report("a", "2021-03-01", SUKHNA), event_report("b", "2021-03-02", HOMS)])
    assert len(list(region.event_clusters())) == 2


def test_corpus_clusters_a_month_date_joins_a_day_in_it():
    index = memory_corpus([event_report("a", "2021-03-01", SUKHNA), event_report("b", "2021-03", None)])
    (cluster,) = index.event_clusters()
    assert cluster["date"] == "2021-03-01" and sorted(cluster["dates"]) == ["2021-03", "2021-03-01"]


def test_corpus_clusters_a_syndicated_claim_is_not_an_independent_source():
    index = corpus()
    claims = [c for c in index.claim_clusters() if c["channel"] == "oil" and c["role"] in ("revenue", "transfer")]
    assert len(claims) == 2
    for cluster in claims:
        assert report_ids(cluster) == ["r1", "r2"]
        assert cluster["independent_sources"] == 1
        copy = next(r for r in cluster["reports"] if r["report"]["id"] == "r2")
        assert copy["independent"] is False and copy["copy_of"] == cluster["reports"][0]["report"]["hash"]


def test_corpus_clusters_syndication_found_without_a_store():
    docs = [r1().dict(), r2().dict()]
    shared = shared_in_memory(docs)
    first, second = (d["doc"]["text"] for d in docs)
    (start, end, original), = shared[list(shared)[1]]
    assert second[start:end] == RESEARCHER and original == list(shared)[0]
    assert shared[list(shared)[0]] == []


def test_corpus_clusters_one_source_quoted_by_two_outlets_counts_once():
    docs = []
    for n, outlet in enumerate(("منفذ أول", "منفذ ثان")):
        r = Report(f"وقال الباحث خالد العمر لموقعنا في حديث رقم {n} إن التنظيم يبيع النفط للمهربين.",
                   f"o{n}", "2021-03-0" + str(n + 1), outlet)
        isis = r.entity("التنظيم", name="داعش", **{k: v for k, v in ISIS.items() if k != "name"})
        who = r.entity("خالد العمر", type="PER")
        r.claim("يبيع النفط للمهربين", "oil", "revenue", actor=isis, source=r.source("خالد العمر", "researcher", who))
        docs.append(r.dict())
    (cluster,) = memory_corpus(docs).claim_clusters()
    assert len(cluster["documents"]) == 2 and cluster["independent_sources"] == 1


def test_corpus_clusters_two_outlets_each_stating_a_claim_are_two_sources():
    docs = []
    texts = ("يبيع التنظيم النفط للمهربين في البادية بحسب معلومات حصلنا عليها من مصادرنا.",
             "علمنا أن عناصر يبيع التنظيم النفط للمهربين عبر طرق صحراوية.")
    for n, (outlet, text) in enumerate(zip(("منفذ أول", "منفذ ثان"), texts)):
        r = Report(text, f"o{n}", "2021-03-0" + str(n + 1), outlet)
        isis = r.entity("التنظيم", name="داعش", **{k: v for k, v in ISIS.items() if k != "name"})
        r.claim("يبيع التنظيم النفط للمهربين", "oil", "revenue", actor=isis)
        docs.append(r.dict())
    (cluster,) = memory_corpus(docs).claim_clusters()
    assert cluster["independent_sources"] == 2
    assert {o["text"] for o in cluster["origins"].values()} == {"منفذ أول", "منفذ ثان"}


def claim_report(id_: str, text_amount: str, value: float, published: str, asset: dict | None = None,
                 unit="USD", qualifier="exact", source="مسؤول أمني") -> dict:
    r = Report(f"قال {source} إن التنظيم يملك {text_amount} في خزينته.", id_, published, "منفذ")
    isis = r.entity("التنظيم", name="داعش", **{k: v for k, v in ISIS.items() if k != "name"})
    q = r.quantity(text_amount, value, unit=unit, qualifier=qualifier)
    r.claim(f"يملك {text_amount} في خزينته", "cash", "asset", actor=isis, quantities=[q],
            source=r.source(source, "official"))
    return r.dict()


def test_corpus_clusters_same_amount_clusters_other_amount_does_not():
    index = memory_corpus([claim_report("a", "100 مليون دولار", 1e8, "2020-08-01"),
                           claim_report("b", "نحو 105 ملايين دولار", 1.05e8, "2020-09-01", qualifier="approx",
                                        source="مسؤول عسكري"),
                           claim_report("c", "300 مليون دولار", 3e8, "2020-09-01", source="مسؤول عسكري")])
    clusters = list(index.claim_clusters())
    assert [report_ids(c) for c in clusters] == [["a", "b"], ["c"]]
    assert clusters[0]["independent_sources"] == 2


def test_corpus_clusters_claims_years_apart_are_not_one_claim():
    index = memory_corpus([claim_report("a", "100 مليون دولار", 1e8, "2016-08-01"),
                           claim_report("b", "100 مليون دولار", 1e8, "2020-08-01", source="مسؤول عسكري")])
    assert len(list(index.claim_clusters())) == 2


def follow_up_report(gap: str = "") -> dict:
    r = Report("قتل أكثر من 30 عنصراً من قوات النظام يوم الأربعاء في كمين نصبه داعش على طريق البادية. " + gap +
               "وأكدت وكالة أعماق في بيان مقتل 40 من قوات النظام في الهجوم. وفي حادث آخر هاجم داعش مقراً "
               "للمعارضة.", "f", "2020-12-31", "منفذ")
    isis = r.entity("داعش", **ISIS)
    army = r.entity("قوات النظام", **ARMY)
    r.mention("قوات النظام", army, 1)
    r.mention("داعش", isis, 1)
    opposition = r.entity("للمعارضة", name="المعارضة")
    r.event("كمين", "attack", evidence="قتل أكثر من 30 عنصراً", date="2020-12-30", actors=[isis], targets=[army],
            killed={"low": 30, "high": None})
    r.event("مقتل 40", "attack", targets=[army], killed=40, source=r.source("أعماق", "group"))
    r.event("هاجم داعش مقراً", "attack", actors=[isis], targets=[opposition])
    return r.dict()


def test_corpus_clusters_an_undated_follow_up_in_the_same_report_continues_the_event():
    index = memory_corpus([follow_up_report()])
    clusters = sorted(index.event_clusters(), key=lambda c: -c["mentions"])
    assert [c["mentions"] for c in clusters] == [2, 1]
    assert {(f["low"], f["high"]) for f in clusters[0]["figures"]["killed"]} == {(30, None), (40, 40)}
    (flag,) = index.contradictions()
    assert flag["kind"] == "casualties" and flag["subjects"] == [clusters[0]["id"]]


def test_corpus_clusters_an_undated_event_far_from_a_dated_one_stays_apart():
    index = memory_corpus([follow_up_report("وفي سياق آخر تحدث السكان عن أوضاع معيشية صعبة. " * 20)])
    assert sorted(c["mentions"] for c in index.event_clusters()) == [1, 1, 1]


def test_corpus_clusters_claims_without_an_actor_stay_in_their_report():
    docs = []
    for n, text in enumerate(("تجري تجارة النفط عبر المهربين في البادية وفق سكان محليين تحدثوا لنا.",
                              "قال تجار إن تجارة النفط عبر المهربين مستمرة رغم الحملات الأمنية.")):
        r = Report(text, f"n{n}", "2021-01-0" + str(n + 1), f"منفذ {n}")
        r.claim("تجارة النفط عبر المهربين", "oil", "revenue")
        docs.append(r.dict())
    assert len(list(memory_corpus(docs).claim_clusters())) == 2


def test_corpus_clusters_an_unlocated_place_neither_joins_nor_parts():
    located = {"id": "a", "kb": "rasid:place/x", "country": "SY", "kind": "town"}
    assert place_relation({"id": "b", "kb": None, "country": None}, located) == "unknown"
