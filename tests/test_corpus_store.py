"""The corpus layer in the store: incremental, idempotent, resumable, indexed."""
from __future__ import annotations

import shutil

import pytest
from test_corpus_builders import corpus_reports, r2, r3, r4

from rasid.store import open_store
from rasid.store import corpus as store_corpus
from rasid.store.corpus import corpus_index, memory_corpus, rebuild_corpus, update_corpus
from rasid.store.sqlite import MIGRATIONS


def snapshot(index) -> dict:
    return {"entities": [(e["id"], e["documents"], sorted(e["aliases"])) for e in index.entities()],
            "events": [(c["id"], sorted(c["documents"]), c["independent_sources"]) for c in index.event_clusters()],
            "claims": [(c["id"], sorted(c["documents"]), c["independent_sources"]) for c in index.claim_clusters()],
            "contradictions": sorted(c["id"] for c in index.contradictions())}


def add_reports(store) -> list[bool]:
    """Store the corpus reports (without running the corpus layer); whether each was new."""
    return [store.add(report.doc, pipeline_version="t") for report in corpus_reports()]


def test_corpus_store_incremental_updates_equal_a_rebuild(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        for report in corpus_reports():   # one at a time: each update adds one report
            store.add(report.doc, pipeline_version="t")
            assert update_corpus(store) == 1
        incremental = snapshot(corpus_index(store))
        assert rebuild_corpus(store) == 5
        assert snapshot(corpus_index(store)) == incremental
        assert store.integrity() == []
    assert snapshot(memory_corpus([r.dict() for r in corpus_reports()])) == incremental


def test_corpus_store_update_is_idempotent(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        assert all(add_reports(store))
        assert update_corpus(store) == 5
        before = snapshot(corpus_index(store))
        assert update_corpus(store) == 0
        assert not any(add_reports(store))   # the same texts again: nothing new
        assert update_corpus(store) == 0 and snapshot(corpus_index(store)) == before


def test_corpus_store_a_failed_batch_is_rolled_back_and_resumed(tmp_path, monkeypatch):
    real = store_corpus.add_document
    calls = []

    def failing(index, doc, shared=(), **kw):
        calls.append(doc["doc"]["id"])
        if doc["doc"]["id"] == "r4" and calls.count("r4") == 1:
            raise RuntimeError("killed")
        return real(index, doc, shared, **kw)

    with open_store(tmp_path / "s.db") as store:
        add_reports(store)
        monkeypatch.setattr(store_corpus, "add_document", failing)
        with pytest.raises(RuntimeError):
            update_corpus(store, batch_size=2)
        assert [r["id"] for r in corpus_index(store).reports()] == ["r1", "r2"]   # r3's batch rolled back
        assert update_corpus(store, batch_size=2) == 3
        assert snapshot(corpus_index(store)) == snapshot(memory_corpus([r.dict() for r in corpus_reports()]))


def test_corpus_store_syndication_links_of_the_store_mark_copies(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        add_reports(store)
        update_corpus(store)
        oil = [c for c in corpus_index(store).claim_clusters() if c["channel"] == "oil" and not c["asset"]]
        assert len(oil) == 2 and all(c["independent_sources"] == 1 and len(c["copies"]) == 1 for c in oil)


def test_corpus_store_entities_merged_later_are_one(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        for report in (r3(), r4(), r2()):   # the tie arrives last
            store.add(report.doc, pipeline_version="t")
            update_corpus(store)
        index = corpus_index(store)
        people = [e for e in index.entities() if e["type"] == "PER" and e["name"] != "خالد العمر"]
        assert len(people) == 1 and people[0]["documents"] == 3
        assert index.find_entities("سامر الحلبي") == index.find_entities("أبو محمد الشامي") == people
        assert store.integrity() == []


def test_corpus_store_documents_stored_before_the_corpus_layer_are_read(tmp_path):
    folder = tmp_path / "v2"
    folder.mkdir()
    for name in ("001_initial.sql", "002_passages.sql"):
        shutil.copy(MIGRATIONS / name, folder)
    db = tmp_path / "old.db"
    with open_store(db, migrations=folder) as store:
        add_reports(store)
        assert update_corpus(store) == 0   # no corpus tables in this schema
    with open_store(db) as store:
        assert update_corpus(store) == 5
        assert len(list(corpus_index(store).event_clusters())) == 2


def test_corpus_store_look_ups_use_indexes(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        conn = corpus_index(store).conn
        plans = {
            "event": "SELECT data FROM corpus_event_clusters WHERE type = ? AND (date IN (?, ?) OR (date > ? AND date < ?))",
            "claim": "SELECT data FROM corpus_claim_clusters WHERE key = ?",
            "keys": "SELECT entity FROM corpus_entity_keys WHERE key IN (?, ?)",
            "timeline": "SELECT report FROM corpus_participants WHERE entity = ?",
        }
        for name, sql in plans.items():
            plan = " ".join(row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, ["x"] * sql.count("?")))
            assert "SCAN" not in plan.replace("SCAN CONSTANT ROW", ""), (name, plan)


def test_corpus_store_stats(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        add_reports(store)
        update_corpus(store)
        stats = store_corpus.corpus_stats(store)
    assert stats == {"reports": 5, "entities": 14, "events": 2, "events_in_several_reports": 1, "claims": 7,
                     "claims_in_several_reports": 2, "contradictions": 3}
