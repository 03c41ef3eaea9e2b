"""The SQLite store: idempotent adds, search over folded Arabic, stats, migrations, crashes."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import rasid
from rasid.document import Document, Mention, Quantity, Region, Time
from rasid.errors import RasidError
from rasid.store import content_hash, open_store
from rasid.store.sqlite import MIGRATIONS, split_sql

SRC = Path(__file__).resolve().parents[1] / "src"

# Sample sentences written for these tests.
QUOTED = 'أعلن مسؤول أمني أن "داعش" نفذ هجوماً قرب الموصل صباح الثلاثاء.'
CONJ = "تقدمت القوات المشتركة نحو القرية وداعش ينسحب منها تحت القصف."
PREP = "وجهت الحكومة تحذيراً لداعش بعد سلسلة تفجيرات في بغداد."
TATWEEL = "قالت مصادر محلية إن الضربات الجوية وُجّهت لـداعش في وادي حوران."
DERIVED = "نشر الإعلام الداعشي تسجيلاً جديداً على الإنترنت."
HAMZA = "قُتل أكثر من عشرين شخصاً في انفجار سيارة مفخخة."
PLAIN = "اكثر المتضررين من الفيضانات هم سكان القرى النائية."
ALIF_MAQSURA = "نقل الجرحى إلى مستشفى الرمادي العام."
YA = "افتتح الوزير مستشفي جديدا في البصرة وحضر الافتتاح مسؤولون."


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "rasid.db") as s:
        yield s


def _add(store, text, **meta):
    return store.add(rasid.extract(text, published=meta.pop("published", None), **meta),
                     pipeline_version="1")


def _hit_texts(store, query):
    return {store.get(hit.hash)["doc"]["text"] for hit in store.search(query)}


def test_store_add_and_idempotent_re_add(store):
    assert _add(store, QUOTED, id="a") is True
    assert _add(store, QUOTED, id="a") is False
    assert store.count() == 1
    assert store.has_text(QUOTED)
    assert store.has_hash(content_hash(QUOTED))
    assert store.known_hashes([content_hash(QUOTED), content_hash(CONJ)]) == {content_hash(QUOTED)}
    assert store.integrity() == []


def test_store_same_text_other_metadata_is_one_row(store):
    assert _add(store, QUOTED, id="a", title="أول", outlet="وكالة", published="2021-02-16")
    assert not _add(store, QUOTED, id="b", title="ثان", outlet="صحيفة", published="2022-01-01")
    (doc,) = store.iter_documents()
    assert (doc["doc"]["id"], doc["doc"]["title"], doc["doc"]["outlet"]) == ("a", "أول", "وكالة")


def test_store_content_hash_is_sha256_of_utf8():
    import hashlib
    assert content_hash("داعش") == hashlib.sha256("داعش".encode("utf-8")).hexdigest()


def test_store_search_finds_clitic_and_quoted_forms(store):
    for text in (QUOTED, CONJ, PREP, TATWEEL, DERIVED, HAMZA):
        _add(store, text)
    assert _hit_texts(store, "داعش") == {QUOTED, CONJ, PREP, TATWEEL}
    assert DERIVED not in _hit_texts(store, "داعش")
    assert _hit_texts(store, "الداعشي") == {DERIVED}


def test_store_search_folds_hamza_both_ways(store):
    _add(store, HAMZA)
    _add(store, PLAIN)
    assert _hit_texts(store, "أكثر") == {HAMZA, PLAIN}
    assert _hit_texts(store, "اكثر") == {HAMZA, PLAIN}
    assert _hit_texts(store, "أكْثَر") == {HAMZA, PLAIN}  # diacritics in the query


def test_store_search_folds_alif_maqsura_ta_marbuta_and_tatweel(store):
    _add(store, ALIF_MAQSURA)
    _add(store, YA)
    _add(store, TATWEEL)
    assert _hit_texts(store, "مستشفى") == {ALIF_MAQSURA, YA}
    assert _hit_texts(store, "مستشفي") == {ALIF_MAQSURA, YA}
    assert _hit_texts(store, "حـوران") == {TATWEEL}
    assert _hit_texts(store, "الجوية") == _hit_texts(store, "الجويه") == {TATWEEL}


def test_store_search_all_words_must_match(store):
    _add(store, QUOTED)
    _add(store, PREP)
    assert _hit_texts(store, "داعش الموصل") == {QUOTED}
    assert _hit_texts(store, "داعش البصرة") == set()


def test_store_search_phrase_query(store):
    _add(store, QUOTED)
    _add(store, "هاجم داعش نقطة تفتيش ثم نفذ الجيش عملية.")
    assert _hit_texts(store, '"داعش نفذ"') == {QUOTED}
    assert _hit_texts(store, "«داعش نفذ»") == {QUOTED}  # guillemets fold to quotes
    assert len(store.search("داعش نفذ")) == 2  # without quotes: both words, any order


@pytest.mark.parametrize("query, found", [
    ('داعش"', True), ('"داعش', True), ("(داعش", True), ("داعش)", True), ("داعش*", True),
    ("داعش:", True), ("^داعش", True), ("-داعش", True), ("body:داعش", False),
    ("داعش AND", False), ("NEAR(داعش", False),  # and, near, body are words to find too
])
def test_store_search_special_characters_are_text(store, query, found):
    _add(store, QUOTED)
    _add(store, HAMZA)
    hits = [h.hash for h in store.search(query)]
    assert hits == ([content_hash(QUOTED)] if found else [])


@pytest.mark.parametrize("query", ["(", ")", "AND", "OR", "NOT", "*", "NEAR(", '"', '""', "^",
                                   "-", "col:", "{body}", ":", "", "   ", "'", "+", "\\"])
def test_store_search_special_characters_do_not_raise(store, query):
    _add(store, QUOTED)
    assert store.search(query) == []  # operators alone are words no document holds, or none


def test_store_search_snippet_from_original_text(store):
    long = ("بدأت الجلسة صباحاً بحضور عدد كبير من النواب والخبراء والصحفيين المحليين والأجانب. "
            "وقال المتحدث إن الضربات استهدفت مخازن لـداعش في الصحراء الغربية. "
            "وانتهت الجلسة بعد الظهر دون اتفاق على موعد جديد للجلسة المقبلة بين الأطراف كلها.")
    _add(store, long, id="long", title="جلسة", published="2021-02-16")
    (hit,) = store.search("داعش")
    assert (hit.doc_id, hit.title, hit.published, hit.hash) == ("long", "جلسة", "2021-02-16",
                                                                content_hash(long))
    assert "[لـداعش]" in hit.snippet
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) < 120
    assert hit.snippet.strip("…").replace("[", "").replace("]", "") in long
    assert hit.score > 0


def test_store_reindex_rebuilds_search_index(store):
    for text in (QUOTED, CONJ, HAMZA):
        _add(store, text)
    store._conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')")
    assert store.search("داعش") == [] and store.integrity() != []
    assert store.reindex() == 3
    assert store.integrity() == []
    assert _hit_texts(store, "داعش") == {QUOTED, CONJ}


def test_store_search_ranks_and_limits(store):
    _add(store, "داعش داعش داعش هاجم داعش في المدينة.")
    _add(store, "تقرير طويل عن الزراعة والمياه والطقس والأسواق والتجارة ذكر داعش مرة.")
    hits = store.search("داعش")
    assert [h.score >= hits[-1].score for h in hits] == [True, True]
    assert hits[0].snippet.startswith("[داعش]")
    assert len(store.search("داعش", limit=1)) == 1


def test_store_stats_counts(store):
    doc = Document(text="قتل ثلاثة أشخاص في الموصل يوم الاثنين.", id="s1", outlet="وكالة",
                   published="2021-02-15")
    doc.mentions = [Mention("m1", 19, 25, "الموصل", "LOC")]
    doc.quantities = [Quantity("q1", 4, 9, "ثلاثة", 3, None, None, "exact")]
    doc.times = [Time("t1", 26, 36, "يوم الاثنين", "2021-02-15", "day")]
    doc.boilerplate = [Region(0, 3, "test"), Region(4, 9, "test")]
    store.add(doc, pipeline_version="1")
    # the other documents carry no annotations, so the counts are the first one's
    store.add(Document(text=QUOTED, outlet="وكالة", published="2020-05"), pipeline_version="1")
    store.add(Document(text=CONJ, outlet="صحيفة"), pipeline_version="1")
    store.add(Document(text=PREP), pipeline_version="2")
    stats = store.stats()
    assert stats["documents"] == 4
    assert stats["with_published"] == 2
    assert stats["outlets"] == {"وكالة": 2, "صحيفة": 1}
    assert stats["date_range"] == {"min": "2020-05", "max": "2021-02-15"}
    assert stats["annotations"] == {"mentions": 1, "entities": 0, "quantities": 1, "times": 1,
                                    "events": 0, "claims": 0, "boilerplate": 2}
    assert stats["pipeline_versions"] == {"1": 3, "2": 1}
    assert stats["size_bytes"] > 0
    assert stats["schema_version"] == len(list(MIGRATIONS.glob("*.sql")))


def test_store_iter_documents_round_trip(store):
    docs = [rasid.extract(t, published="2021-02-16", id=f"d{i}", title=f"عنوان {i}")
            for i, t in enumerate((QUOTED, CONJ, PREP))]
    docs[0].mentions = [Mention("m1", 40, 46, "الموصل", "LOC", entity="Q1")]
    results = list(store.add_many(docs, pipeline_version="1", batch_size=2))
    assert [added for _, added in results] == [True, True, True]
    stored = list(store.iter_documents())
    assert len(stored) == 3
    for doc, data in zip(docs, stored):
        expected = doc.to_dict(with_text=True)
        expected["doc"]["hash"] = content_hash(doc.text)
        assert data == expected
        assert list(data["doc"])[:3] == ["id", "path", "text"]


def test_store_add_many_skips_duplicates_within_and_across_batches(store):
    texts = [QUOTED, CONJ, QUOTED, PREP, CONJ]
    flags = [added for _, added in store.add_many((Document(text=t) for t in texts),
                                                  pipeline_version="1", batch_size=2)]
    assert flags == [True, True, False, True, False]
    assert store.count() == 3 and store.integrity() == []


def test_store_migration_runner_applies_new_file_once(tmp_path):
    folder = tmp_path / "migrations"
    folder.mkdir()
    packaged = sorted(MIGRATIONS.glob("*.sql"))
    for path in packaged:
        shutil.copy(path, folder)
    current = len(packaged)
    db = tmp_path / "m.db"
    with open_store(db, migrations=folder) as s:
        assert s.schema_version == current
        _add(s, QUOTED)
    (folder / f"{current + 1:03d}_notes.sql").write_text(
        "-- a later version adds a table; text with ; inside\n"
        "CREATE TABLE notes (document INTEGER REFERENCES documents (id), note TEXT);\n"
        "INSERT INTO notes SELECT id, 'seen; once' FROM documents;\n", encoding="utf-8")
    for _ in range(2):
        with open_store(db, migrations=folder) as s:
            assert s.schema_version == current + 1
            assert s.stats()["schema_version"] == current + 1
            rows = s._read_connection().execute("SELECT note FROM notes").fetchall()
            assert [r[0] for r in rows] == ["seen; once"]
            assert s.count() == 1
    with pytest.raises(RasidError, match="newer"):  # the packaged migrations stop before it
        open_store(db)


def test_store_failed_migration_rolls_back(tmp_path):
    folder = tmp_path / "migrations"
    folder.mkdir()
    shutil.copy(MIGRATIONS / "001_initial.sql", folder)
    (folder / "002_broken.sql").write_text("CREATE TABLE ok (x);\nINSERT INTO missing VALUES (1);\n")
    with pytest.raises(RasidError, match="002_broken.sql"):
        open_store(tmp_path / "b.db", migrations=folder)
    conn = sqlite3.connect(tmp_path / "b.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'ok'").fetchone()
    conn.close()


def test_store_split_sql_keeps_strings_and_triggers():
    sql = ("CREATE TABLE t (x);\n-- comment; here\nINSERT INTO t VALUES ('a;b');\n"
           "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; SELECT 2; END;\n-- tail\n")
    statements = [s.strip() for s in split_sql(sql)]
    assert len(statements) == 3
    assert "'a;b'" in statements[1] and statements[2].endswith("END;")


def test_store_newer_schema_version_raises(tmp_path):
    db = tmp_path / "new.db"
    open_store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(RasidError, match=r"schema version 99, newer"):
        open_store(db)


def test_store_non_database_file_raises(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("هذا ملف نصي وليس قاعدة بيانات\n" * 20, encoding="utf-8")
    with pytest.raises(RasidError, match="is not a Rasid store: "):
        open_store(path)


def test_store_other_sqlite_database_raises(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.close()
    with pytest.raises(RasidError, match="is not a Rasid store: "):
        open_store(path)


def test_store_pragmas(store):
    conn = store._read_connection()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_store_failed_add_leaves_no_trace(store):
    odd = Document(text=QUOTED, meta={"x": object()})  # not JSON: stored through str()
    assert store.add(odd, pipeline_version="1")

    class Boom(Document):
        def to_dict(self, with_text=False):
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        list(store.add_many([Document(text=CONJ), Boom(text=PREP)], pipeline_version="1"))
    assert store.count() == 1  # the batch holding the failure was rolled back as a whole
    assert store.integrity() == []


_CHILD = textwrap.dedent("""
    import sys, time
    from rasid.document import Document
    from rasid.store import open_store
    from rasid.store.sqlite import Store

    insert = Store._insert
    def slow_insert(self, doc, version):  # keep each batch's transaction open a while
        time.sleep(0.001)
        return insert(self, doc, version)
    Store._insert = slow_insert

    docs = (Document(text=f"تقرير رقم {i} عن هجوم لداعش قرب الموصل", id=f"d{i}")
            for i in range(int(sys.argv[2])))
    with open_store(sys.argv[1]) as store:
        for doc, added in store.add_many(docs, pipeline_version="1", batch_size=50):
            pass
""")


def _committed(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=0.5)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_store_survives_kill_mid_ingest(tmp_path):
    db, total, batch = tmp_path / "kill.db", 3000, 50
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(db), str(total)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    try:
        while _committed(db) < 300:
            assert child.poll() is None, child.communicate()[1].decode()
            assert time.monotonic() < deadline, "child did not commit 300 documents in time"
            time.sleep(0.01)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL

    with open_store(db) as s:
        assert s.integrity() == []
        committed = s.count()
        assert 300 <= committed < total and committed % batch == 0
        fts = s._read_connection().execute("SELECT count(*) FROM documents_fts").fetchone()[0]
        assert fts == committed
        docs = (Document(text=f"تقرير رقم {i} عن هجوم لداعش قرب الموصل", id=f"d{i}")
                for i in range(total))
        added = sum(a for _, a in s.add_many(docs, pipeline_version="1", batch_size=batch))
        assert added == total - committed
        assert s.count() == total
        assert s.integrity() == []
        hashes = s._read_connection().execute("SELECT count(DISTINCT hash) FROM documents")
        assert hashes.fetchone()[0] == total
        assert len(s.search("داعش", limit=5000)) == total
