"""Acceptance 1 of issue 8 on the shared seed reports (../shared/corpus/seeds.jsonl).

Needs what the other stages put in the seed output: entities with kb ids (issue 6), events,
claims and their sources (issue 7). Until they land the corpus has nothing to cluster, so the
test is expected to fail; it passes (XPASS) once they do.
"""
from __future__ import annotations

import json

import pytest
from conftest import SEEDS_JSONL, SHARED

from rasid.batch import analyze
from rasid.store import open_store
from rasid.store.corpus import corpus_index, update_corpus

GOLD_CLAIMS = SHARED / "gold" / "seeds.claims.jsonl"
AMBUSH = ("001", 462, 468)        # الكمين (gold event, 30 December 2020)
RESEARCHER = (("cryptocurrency", None), ("gold", None), ("oil", "transfer"))


def overlaps(span: dict | None, start: int, end: int) -> bool:
    return bool(span) and span["start"] < end and start < span["end"]


def researcher_spans() -> list[tuple[str, str | None, dict]]:
    """The gold claims that 001 and 002 both carry, by channel: {doc prefix: (start, end)}."""
    gold = [json.loads(line) for line in GOLD_CLAIMS.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for channel, role in RESEARCHER:
        by_text: dict[str, dict[str, tuple[int, int]]] = {}
        for g in gold:
            if g["channel"] == channel and (role is None or g["role"] == role) and g["doc"][:3] in ("001", "002"):
                by_text.setdefault(g["text"], {})[g["doc"][:3]] = (g["start"], g["end"])
        out += [(channel, role, spans) for spans in by_text.values() if len(spans) == 2]
    return out


def test_corpus_seeds_acceptance(tmp_path, seeds):
    if not GOLD_CLAIMS.is_file():
        pytest.skip("../shared/gold is not available")
    with open_store(tmp_path / "seeds.db") as store:
        analyze([str(SEEDS_JSONL)], store)
        update_corpus(store)   # a no-op once batch.analyze calls it
        check_seed_corpus(store)


def check_seed_corpus(store) -> None:
    """Acceptance 1 on a store holding the analysed seed reports."""
    assert ("001", "002") in {(s.first_id[:3], s.second_id[:3]) for s in store.shared_texts()}
    index = corpus_index(store)
    claims = list(index.claim_clusters())
    events = list(index.event_clusters())

    # the researcher's claims both reports carry count one independent source, not two
    spans = researcher_spans()
    assert len(spans) >= 3
    for channel, role, where in spans:
        found = {}
        for cluster in claims:
            for rec in cluster["reports"]:
                doc = (rec["report"]["id"] or "")[:3]
                if doc in where and rec["channel"] == channel and overlaps(rec["evidence"], *where[doc]):
                    found[doc] = (cluster, rec)
        assert set(found) == {"001", "002"}, (channel, role)
        (cluster, first), (same, copy) = found["001"], found["002"]
        assert cluster["id"] == same["id"], (channel, role)
        assert copy["independent"] is False or copy["origin"] == first["origin"]
        others = {r["origin"] for r in cluster["reports"] if r is not first and r is not copy and r["independent"]}
        assert cluster["independent_sources"] == len(others | {first["origin"]})

    # the ambush of 30 December 2020 is one event; both casualty figures kept and flagged
    doc, start, end = AMBUSH
    ambush = [c for c in events for r in c["reports"]
              if (r["report"]["id"] or "").startswith(doc) and overlaps(r["trigger"], start, end)]
    assert len(ambush) == 1
    cluster = ambush[0]
    assert cluster["type"] == "attack" and cluster["date"] == "2020-12-30"
    same_day = [c for c in events if c["type"] == "attack" and c["date"] == "2020-12-30"]
    assert [c["id"] for c in same_day] == [cluster["id"]]
    figures = {(f["low"], f["high"]): f for f in cluster["figures"]["killed"]}
    assert (30, None) in figures and (40, 40) in figures
    assert figures[30, None]["statements"][0]["source"]["kind"] == "outlet"
    assert figures[40, 40]["statements"][0]["source"]["kind"] in ("group", "media")
    flags = [c for c in index.contradictions() if c["kind"] == "casualties" and cluster["id"] in c["subjects"]]
    assert any({(s["low"], s["high"]) for s in f["sides"]} == {(30, None), (40, 40)} for f in flags)
