"""Contradictions: differing casualty figures and amounts flagged, both sides kept with their sources."""
from __future__ import annotations

from test_corpus_builders import ISIS, OMAR, TANAK, Report, corpus_reports

from rasid.store.corpus import memory_corpus


def flags(index, kind: str) -> list[dict]:
    return [c for c in index.contradictions() if c["kind"] == kind]


def test_corpus_contradictions_casualty_figures_of_one_event_are_both_kept_and_flagged():
    index = memory_corpus([r.dict() for r in corpus_reports()])
    (flag,) = flags(index, "casualties")
    ambush = next(c for c in index.event_clusters() if c["id"] in flag["subjects"])
    figures = {(f["low"], f["high"]): f["statements"][0]["source"] for f in ambush["figures"]["killed"]}
    assert figures[(20, None)]["kind"] == "outlet" and figures[(20, None)]["text"] == "شبكة الرصد"
    assert figures[(27, 27)]["kind"] == "group" and figures[(27, 27)]["text"] == "أعماق"
    assert flag["field"] == "killed" and flag["compatible"] is True   # more than 20 and 27 overlap
    assert {(s["low"], s["high"]) for s in flag["sides"]} == {(20, None), (27, 27)}
    assert {s["statement"]["doc_id"] for s in flag["sides"]} == {"r1", "r2"}


def test_corpus_contradictions_fields_are_different_assets_not_a_contradiction():
    index = memory_corpus([r.dict() for r in corpus_reports()])
    (flag,) = flags(index, "quantity")   # 34,000 at al-Omar against at most 10,000 there
    clusters = {c["id"]: c for c in index.claim_clusters()}
    assets = {index.entity(clusters[s]["asset"])["name"] for s in flag["subjects"]}
    assert assets == {"حقل العمر"}
    texts = {s["text"] for s in flag["sides"]}
    assert texts == {"34 ألف برميل نفط يومياً", "أكثر من 10 آلاف برميل يومياً"}
    sources = {s["statement"]["source"]["kind"] for s in flag["sides"]}
    assert sources == {"report", "anonymous"}
    tanak = next(c for c in clusters.values() if index.entity(c["asset"]) and index.entity(c["asset"])["kb"] == TANAK["kb"])
    assert not any(tanak["id"] in f["subjects"] for f in index.contradictions())


def test_corpus_contradictions_denial_is_flagged_against_the_claim():
    index = memory_corpus([r.dict() for r in corpus_reports()])
    (flag,) = flags(index, "polarity")
    polarities = {c["polarity"] for c in index.claim_clusters() if c["id"] in flag["subjects"]}
    assert polarities == {"affirmed", "negated"} and flag["field"] == "donations"


def production(id_: str, sentence: str, amounts: list[tuple[str, int]], source: str, published: str) -> dict:
    r = Report(sentence, id_, published, "منفذ")
    isis = r.entity("داعش", **ISIS)
    omar = r.entity("حقل العمر", **OMAR)
    for text, value in amounts:
        q = r.quantity(text, value, unit="barrel", per="day")
        r.claim(text, "oil", "asset", actor=isis, asset=omar, quantities=[q], source=r.source(source, "official"))
    return r.dict()


def test_corpus_contradictions_one_source_giving_two_figures_is_not_flagged():
    doc = production("a", "قال مسؤول نفطي إن إنتاج حقل العمر تحت سيطرة داعش تراجع من 30 ألف برميل يومياً إلى "
                          "5 آلاف برميل يومياً.", [("30 ألف برميل يومياً", 30000), ("5 آلاف برميل يومياً", 5000)],
                     "مسؤول نفطي", "2021-05-01")
    index = memory_corpus([doc])
    assert len(list(index.claim_clusters())) == 2 and list(index.contradictions()) == []


def test_corpus_contradictions_two_sources_with_disjoint_amounts_are_flagged_once():
    docs = [production("a", "قال مسؤول نفطي إن حقل العمر الذي يسيطر عليه داعش ينتج 30 ألف برميل يومياً.",
                       [("30 ألف برميل يومياً", 30000)], "مسؤول نفطي", "2021-05-01"),
            production("b", "أكد ضابط في التحالف أن حقل العمر بيد داعش لا ينتج سوى 8 آلاف برميل يومياً.",
                       [("8 آلاف برميل يومياً", 8000)], "ضابط في التحالف", "2021-05-03"),
            production("c", "وكرر ضابط آخر أن حقل العمر تحت داعش ينتج 8 آلاف برميل يومياً فقط.",
                       [("8 آلاف برميل يومياً", 8000)], "ضابط آخر", "2021-05-04")]
    index = memory_corpus(docs)
    assert len(flags(index, "quantity")) == 1
    low = next(c for c in index.claim_clusters() if "8 آلاف برميل يومياً" in [f["text"] for f in c["figures"]])
    assert low["independent_sources"] == 2
