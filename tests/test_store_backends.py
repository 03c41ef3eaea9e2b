"""The store on both backends (SQLite and a real PostgreSQL server, started by tests/services.py):
the same answers to the same reports — ingest, idempotent re-ingest, search with clitics and
phrases, documents back as stored, stats, syndication, the corpus layer, exports, migrations."""
from __future__ import annotations

import uuid

import pytest

import rasid
from rasid.store import is_postgres_url, open_store
from rasid.store.postgres import PostgresStore, _safe

REPORTS = [
    ("قال مسؤول عراقي إن تنظيم داعش يجني نحو مليون دولار يوميا من بيع النفط في دير الزور.", "2021-03-10"),
    ("واتهمت السلطات شبكة بتحويل أموال لداعش عبر شركات صرافة في تركيا.", "2021-03-11"),
    ("وذكرت قوات سوريا الديمقراطية أن وداعش خسر آخر جيب له في الباغوز.", None),
]


def schema_url(url: str) -> str:
    """A URL of `url`'s database whose tables live in a new schema of their own."""
    import psycopg
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    return f"{url}?options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    if request.param == "sqlite":
        with open_store(tmp_path / "s.db") as s:
            yield s
        return
    with open_store(schema_url(request.getfixturevalue("postgres_url"))) as s:  # nothing carries over
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


# --- syndication, the corpus layer and exports: the same on both ------------------------------

SYNDICATED = ("أعلنت وزارة الدفاع أن قواتها صادرت شحنة أسلحة كانت في طريقها إلى مقاتلي داعش قرب الحدود،"
              " وأن الشحنة ضمت عشرات البنادق وصناديق ذخيرة.")


def corpus_reports():
    """Two outlets telling the same seizure in the same words, and two telling one attack with
    different dead: syndication, corroboration and a contradiction."""
    texts = [
        (f"{SYNDICATED}\n\nوقال مسؤول إن التنظيم يجني نحو مليون دولار شهريا من الإتاوات.", "2021-03-10", "أ"),
        (f"{SYNDICATED}\n\nوأضاف المصدر أن التحقيقات مستمرة.", "2021-03-10", "ب"),
        ("قتل 12 جنديا في هجوم شنه تنظيم داعش على حاجز للجيش في دير الزور يوم الثلاثاء.", "2021-03-10", "ج"),
        ("وقالت مصادر محلية إن 20 جنديا قتلوا في هجوم لتنظيم داعش على حاجز للجيش في دير الزور يوم الثلاثاء.",
         "2021-03-10", "هـ"),
        *REPORTS_WITH_OUTLETS,
    ]
    return [rasid.extract(text, published=published, outlet=outlet, id=f"r{i}")
            for i, (text, published, outlet) in enumerate(texts)]


REPORTS_WITH_OUTLETS = [(text, published, "د") for text, published in REPORTS]


def corpus_digest(store) -> dict:
    """What the corpus layer holds, by content: clusters with their mentions, entities,
    contradictions, and the reports that share text."""
    from rasid.store.corpus import corpus_index, corpus_stats
    index = corpus_index(store)
    return {
        "events": {c["id"]: sorted((r["report"]["hash"], r["local"]) for r in c["reports"])
                   for c in index.event_clusters()},
        "claims": {c["id"]: (c["independent_sources"], sorted((r["report"]["hash"], r["local"]) for r in c["reports"]))
                   for c in index.claim_clusters()},
        "entities": sorted(e["id"] for e in index.entities()),
        "contradictions": sorted(r["id"] for r in index.contradictions()),
        "shared": sorted((t.first, t.second, t.passages) for t in store.shared_texts()),
        "stats": corpus_stats(store),
    }


@pytest.fixture
def sqlite_and_postgres(tmp_path, postgres_url):
    with open_store(tmp_path / "s.db") as lite, open_store(schema_url(postgres_url)) as pg:
        yield lite, pg


def test_backends_build_the_same_corpus(sqlite_and_postgres):
    from rasid.store.corpus import rebuild_corpus, update_corpus
    digests = []
    for store in sqlite_and_postgres:
        store_reports = corpus_reports()
        assert all(added for _, added in store.add_many(store_reports, pipeline_version="t"))
        assert update_corpus(store) == len(store_reports) and update_corpus(store) == 0  # nothing new: nothing read
        digests.append(corpus_digest(store))
        assert rebuild_corpus(store) == len(store_reports) and corpus_digest(store) == digests[-1]  # same ids again
    lite, pg = digests
    assert lite == pg
    assert lite["shared"] and lite["contradictions"] and lite["events"] and lite["claims"]


@pytest.mark.parametrize("fmt", ["acled", "ftm", "geojson", "claims"])
def test_backends_export_alike(sqlite_and_postgres, fmt):
    import io

    from rasid.export import exporter
    from rasid.store.corpus import corpus_index, update_corpus
    out = []
    for store in sqlite_and_postgres:
        list(store.add_many(corpus_reports(), pipeline_version="t"))
        update_corpus(store)
        text = io.StringIO()
        assert exporter(fmt)(corpus_index(store), text) > 0
        out.append(text.getvalue())
    assert out[0] == out[1] and len(out[0]) > 100


def test_backends_postgres_migrates_once(postgres_url):
    from rasid.store.postgres import MIGRATIONS
    url = schema_url(postgres_url)
    latest = len(list(MIGRATIONS.glob("*.sql")))
    with open_store(url) as first:
        assert first.schema_version == latest >= 3
        first.add(docs()[0], pipeline_version="t")
    with open_store(url) as again:  # opening again applies nothing and loses nothing
        assert again.schema_version == latest and again.count() == 1 and again.integrity() == []


def test_backends_postgres_writers_take_turns(postgres_url):
    """Two clients of one shared store (two analyses, or the desk's POST during one): a writer
    waits for the other's transaction, so documents get their ids in commit order and the corpus
    layer, which reads them by id, misses none."""
    import threading
    import time

    from rasid.store.corpus import update_corpus
    from rasid.store.dialect import transaction
    url = schema_url(postgres_url)
    first, second = docs()[:2]
    with open_store(url) as a, open_store(url) as b:
        done = threading.Event()

        def other_client():
            b.add(second, pipeline_version="t")
            update_corpus(b)
            done.set()
        with transaction(a.writer):
            a.writer.execute("SELECT 1")  # a's transaction is open and holds the writer's lock
            a._insert(first, "t")
            thread = threading.Thread(target=other_client)
            thread.start()
            time.sleep(0.5)
            assert not done.is_set()  # b waits for a
        thread.join(timeout=30)
        assert done.is_set()
        update_corpus(a)
        reports = a.writer.execute("SELECT count(*) FROM corpus_reports").fetchone()[0]
        assert a.count() == 2 and reports == 2


def test_backends_postgres_store_of_schema_1_gets_its_passages(postgres_url, tmp_path):
    """A store written before syndication existed (schema 1) is indexed when next opened."""
    import shutil

    from rasid.store.dialect import connect_postgres
    from rasid.store.postgres import MIGRATIONS, migrate
    url = schema_url(postgres_url)
    only_first = tmp_path / "v1"
    only_first.mkdir()
    shutil.copy(MIGRATIONS / "001_documents.sql", only_first)
    text = " ".join(["قال مسؤول عراقي إن تنظيم داعش يجني نحو مليون دولار يوميا من بيع النفط في دير الزور"] * 2)
    conn = connect_postgres(url)
    assert migrate(conn, only_first) == 1
    conn.execute("INSERT INTO documents (hash, text, annotations, pipeline_version, added_at, body, stems)"
                  " VALUES (?, ?, '{\"doc\": {}, \"boilerplate\": []}', 't', 'now', '', '')",
                  (rasid.store.content_hash(text), text))
    conn.close()
    with open_store(url) as store:
        assert store.schema_version >= 3 and store.integrity() == []
        assert store.writer.execute("SELECT count(*) FROM passages").fetchone()[0] == 1
