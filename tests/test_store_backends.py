"""The store's document layer on both backends (SQLite and a real PostgreSQL server, started by
tests/services.py): the same answers to the same reports — ingest, idempotent re-ingest,
search with clitics and phrases, documents back as stored, stats."""
from __future__ import annotations

import uuid

import pytest

import rasid
from rasid.store import open_store
from rasid.store.postgres import PostgresStore, _safe, is_postgres_url

REPORTS = [
    ("قال مسؤول عراقي إن تنظيم داعش يجني نحو مليون دولار يوميا من بيع النفط في دير الزور.", "2021-03-10"),
    ("واتهمت السلطات شبكة بتحويل أموال لداعش عبر شركات صرافة في تركيا.", "2021-03-11"),
    ("وذكرت قوات سوريا الديمقراطية أن وداعش خسر آخر جيب له في الباغوز.", None),
]


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    if request.param == "sqlite":
        with open_store(tmp_path / "s.db") as s:
            yield s
        return
    url = request.getfixturevalue("postgres_url")
    import psycopg
    schema = f"t_{uuid.uuid4().hex[:12]}"  # each test its own schema: nothing carries over
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    with PostgresStore(f"{url}?options=-csearch_path%3D{schema}") as s:
        yield s


def docs():
    return [rasid.extract(text, published=published) for text, published in REPORTS]


def test_backends_ingest_once_and_give_documents_back_as_stored(store):
    reports = docs()
    assert [added for _, added in store.add_many(reports, pipeline_version="t", batch_size=2)] == [True] * 3
    assert [added for _, added in store.add_many(docs(), pipeline_version="t")] == [False] * 3  # idempotent
    assert store.count() == 3 and store.integrity() == []
    back = store.get(rasid.store.content_hash(reports[0].text))
    assert back["doc"]["text"] == reports[0].text and back["claims"] == reports[0].to_dict()["claims"]
    assert [d["doc"]["text"] for d in store.iter_documents()] == [r.text for r in reports]
    assert store.known_hashes([rasid.store.content_hash(r.text) for r in reports] + ["0" * 64]) == \
        {rasid.store.content_hash(r.text) for r in reports}


@pytest.mark.parametrize("query, found", [
    ("داعش", {0, 1, 2}),            # لداعش, وداعش: clitic forms
    ('"دير الزور"', {0}),           # a phrase
    ("داعش النفط", {0}),             # every word
    ("الداعشي", set()),             # a derived word is another word
    ("اموال", {1}),                  # أموال folded
])
def test_backends_search_alike(store, query, found):
    reports = docs()
    for doc in reports:
        store.add(doc, pipeline_version="t")
    hashes = [rasid.store.content_hash(r.text) for r in reports]
    assert {hashes.index(h.hash) for h in store.search(query)} == found


def test_backends_stats_count_the_same(store):
    for doc in docs():
        store.add(doc, pipeline_version="t")
    stats = store.stats()
    assert stats["documents"] == 3 and stats["with_published"] == 2
    assert stats["date_range"] == {"min": "2021-03-10", "max": "2021-03-11"}
    assert stats["annotations"]["claims"] == sum(len(d.claims) for d in docs())


def test_backends_postgres_urls_and_messages():
    assert is_postgres_url("postgresql://u@h/db") and not is_postgres_url("rasid.db")
    assert _safe("postgresql://ana:secret@db.local/rasid") == "postgresql://ana:***@db.local/rasid"
    with pytest.raises(rasid.errors.RasidError, match="cannot open store postgresql://u:\\*\\*\\*@127.0.0.1:1/x"):
        PostgresStore("postgresql://u:pw@127.0.0.1:1/x")
