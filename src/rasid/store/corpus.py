"""Store side of the corpus layer: the index `rasid.corpus.update` reads and writes, in SQLite.

`update_corpus(store)` reads the documents added since it last ran (in insertion order,
one transaction per batch, so a killed run resumes where it stopped) and adds each to the
corpus: entities resolved, events and claims clustered, contradictions flagged. It is what
`rasid analyze` calls after storing documents; calling it again when nothing is new costs
one query. `memory_corpus(docs)` builds the same corpus from document dicts in an
in-memory database (tests, one-off runs without a store).

Every look-up goes through an index of the 003_corpus.sql tables: entity keys, event type
and date, claim keys, participants — never a scan of the corpus per document.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rasid.corpus import clusters as cl
from rasid.corpus.resolve import query_keys
from rasid.corpus.timeline import EVENTS, claim_row, event_row
from rasid.corpus.update import add_document, shared_in_memory
from rasid.store.dialect import Connection, has_table, transaction
from rasid.store.sqlite import MIGRATIONS, split_sql

CORPUS_MIGRATION = MIGRATIONS / "003_corpus.sql"
_BATCH = 50


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)


class CorpusIndex:
    """The corpus tables of one connection (SQLite or PostgreSQL, rasid.store.dialect): the
    `Index` of rasid.corpus.update plus readers."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self._canon: dict[str, str] = {}
        self._entities: dict[str, dict] = {}

    def ready(self) -> bool:
        return has_table(self.conn, "corpus_reports")

    # reports

    def has_report(self, digest: str) -> bool:
        return self.conn.execute("SELECT 1 FROM corpus_reports WHERE hash = ?", (digest,)).fetchone() is not None

    def add_report(self, report: dict, document: int | None) -> None:
        self.conn.execute("INSERT INTO corpus_reports (hash, document, data) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                          (report["hash"], document, _dumps(report)))

    def report(self, digest: str) -> dict | None:
        row = self.conn.execute("SELECT data FROM corpus_reports WHERE hash = ?", (digest,)).fetchone()
        return json.loads(row[0]) if row else None

    def reports(self) -> Iterator[dict]:
        for row in self.conn.execute("SELECT data FROM corpus_reports ORDER BY rowid"):
            yield json.loads(row[0])

    def watermark(self) -> int:
        row = self.conn.execute("SELECT value FROM corpus_state WHERE name = 'last_document'").fetchone()
        return row[0] if row else 0

    def set_watermark(self, document: int) -> None:
        self.conn.execute("INSERT INTO corpus_state (name, value) VALUES ('last_document', ?)"
                          " ON CONFLICT (name) DO UPDATE SET value = excluded.value", (document,))

    # entities

    def canonical(self, entity_id: str) -> str:
        if entity_id not in self._canon:
            row = self.conn.execute("SELECT coalesce(merged_into, id) FROM corpus_entities WHERE id = ?",
                                    (entity_id,)).fetchone()
            self._canon[entity_id] = row[0] if row else entity_id
        return self._canon[entity_id]

    def entity(self, entity_id: str | None) -> dict | None:
        if entity_id is None:
            return None
        entity_id = self.canonical(entity_id)
        if entity_id not in self._entities:
            row = self.conn.execute("SELECT data FROM corpus_entities WHERE id = ?", (entity_id,)).fetchone()
            if row is None:
                return None
            self._entities[entity_id] = json.loads(row[0])
        return dict(self._entities[entity_id])

    def entities_for_keys(self, keys: list[str]) -> list[dict]:
        if not keys:
            return []
        rows = self.conn.execute(
            "SELECT DISTINCT e.id, e.rowid FROM corpus_entity_keys AS k JOIN corpus_entities AS e ON e.id = k.entity"
            f" WHERE k.key IN ({','.join('?' * len(keys))}) ORDER BY e.rowid", keys).fetchall()
        found = [self.entity(r[0]) for r in rows]
        return list({e["id"]: e for e in found if e}.values())

    def next_seq(self) -> int:
        """The number the next entity gets: one more than those stored (entities are never deleted;
        a merged one keeps its row), whatever an upsert cost a PostgreSQL sequence."""
        return self.conn.execute("SELECT count(*) + 1 FROM corpus_entities").fetchone()[0]

    def put_entity(self, record: dict, keys: list[str]) -> None:
        self.conn.execute(
            "INSERT INTO corpus_entities (id, type, kb, name, data) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET kb = excluded.kb, name = excluded.name, data = excluded.data",
            (record["id"], record["type"], record.get("kb"), record["name"], _dumps(record)))
        self.conn.executemany("INSERT INTO corpus_entity_keys (key, entity) VALUES (?, ?) ON CONFLICT DO NOTHING",
                              [(k, record["id"]) for k in dict.fromkeys(keys)])
        self._entities[record["id"]] = dict(record)

    def merge_entity(self, drop: str, keep: str) -> None:
        """Point `drop` (and whatever pointed to it) at `keep`; move its keys, links and roles."""
        c = self.conn
        c.execute("UPDATE corpus_entities SET merged_into = ? WHERE id = ? OR merged_into = ?", (keep, drop, drop))
        for table, cols in (("corpus_entity_keys", "key"), ("corpus_participants", "kind, report, local, channel")):
            c.execute(f"INSERT INTO {table} (entity, {cols}) SELECT ?, {cols} FROM {table}"
                      " WHERE entity = ? ON CONFLICT DO NOTHING", (keep, drop))
            c.execute(f"DELETE FROM {table} WHERE entity = ?", (drop,))
        c.execute("UPDATE corpus_entity_links SET entity = ? WHERE entity = ?", (keep, drop))
        self._canon.clear()
        self._entities.pop(drop, None)
        self._rekey_claims(drop, keep)

    def _rekey_claims(self, drop: str, keep: str) -> None:
        rows = self.conn.execute("SELECT data FROM corpus_claim_clusters WHERE actor = ? OR key LIKE ?",
                                 (drop, f"%|{drop}|%")).fetchall()
        for row in rows:
            cluster = json.loads(row[0])
            cluster["actor"] = keep if cluster["actor"] == drop else cluster["actor"]
            cluster["asset"] = keep if cluster["asset"] == drop else cluster["asset"]
            cluster["key"] = "|".join(keep if part == drop else part for part in cluster["key"].split("|"))
            self._write_claim_cluster(cluster)

    def link(self, report: str, local: str, entity_id: str, name: str) -> None:
        self.conn.execute("INSERT INTO corpus_entity_links (report, local, entity, name) VALUES (?, ?, ?, ?)"
                          " ON CONFLICT (report, local) DO UPDATE SET entity = excluded.entity, name = excluded.name",
                          (report, local, entity_id, name))

    def entities(self) -> Iterator[dict]:
        """Every corpus entity (merged ones left out), in the order they were first seen."""
        for row in self.conn.execute("SELECT data FROM corpus_entities WHERE merged_into IS NULL ORDER BY rowid"):
            yield json.loads(row[0])

    def links(self) -> Iterator[dict]:
        """(report, local id, corpus entity, name as the report gave it) for every document entity."""
        for report, local, entity, name in self.conn.execute(
                "SELECT report, local, entity, name FROM corpus_entity_links ORDER BY report, local"):
            yield {"report": report, "local": local, "entity": self.canonical(entity), "name": name}

    def find_entities(self, query: str) -> list[dict]:
        """Corpus entities a user's query names: a kb id, a corpus id or a name of any type."""
        if query.startswith("ent-") and (found := self.entity(query)):
            return [found]
        return self.entities_for_keys(query_keys(query))

    # events

    def event_candidates(self, type_: str, date: str) -> list[dict]:
        """Clusters of the type dated at a prefix of `date`, within it, or a day either side."""
        prefixes = [date[:n] for n in (4, 7, 10) if n <= len(date)]
        near = _neighbours(date)
        sql = ("SELECT data FROM corpus_event_clusters WHERE type = ? AND (date IN "
               f"({','.join('?' * (len(prefixes) + len(near)))}) OR (date > ? AND date < ?)) ORDER BY rowid")
        rows = self.conn.execute(sql, [type_, *prefixes, *near, date, date + "~"]).fetchall()
        return [json.loads(r[0]) for r in rows]

    def event_cluster(self, cluster_id: str) -> dict | None:
        return self.cluster("event", cluster_id)

    def put_event(self, cluster: dict, rec: dict) -> None:
        self.conn.execute(
            "INSERT INTO corpus_event_clusters (id, type, date, data) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET date = excluded.date, data = excluded.data",
            (cluster["id"], cluster["type"], cluster["date"], _dumps(cluster)))
        self._put_mention("event", cluster["id"], rec, {*rec["actors"], *rec["targets"]}, EVENTS)

    def _put_mention(self, kind: str, cluster: str, rec: dict, entities: set, channel: str) -> None:
        report = rec["report"]["hash"]
        self.conn.execute(f"INSERT INTO corpus_{kind}_mentions"
                          " (report, local, cluster, origin, independent, data) VALUES (?, ?, ?, ?, ?, ?)"
                          " ON CONFLICT (report, local) DO UPDATE SET cluster = excluded.cluster,"
                          " origin = excluded.origin, independent = excluded.independent, data = excluded.data",
                          (report, rec["local"], cluster, rec["origin"], int(rec.get("independent", True)),
                           _dumps(rec)))
        self.conn.executemany("INSERT INTO corpus_participants (entity, kind, report, local, channel)"
                              " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                              [(self.canonical(e), kind, report, rec["local"], channel) for e in entities if e])

    def event_clusters(self) -> Iterator[dict]:
        """Every event cluster with its `reports` (mention records) and `independent_sources`."""
        yield from self._clusters("event")

    # claims

    def claim_candidates(self, key: str) -> list[dict]:
        rows = self.conn.execute("SELECT data FROM corpus_claim_clusters WHERE key = ? ORDER BY rowid", (key,))
        return [json.loads(r[0]) for r in rows]

    def put_claim(self, cluster: dict, rec: dict) -> None:
        self._write_claim_cluster(cluster)
        self._put_mention("claim", cluster["id"], rec, {rec["actor"]}, rec["channel"])

    def _write_claim_cluster(self, cluster: dict) -> None:
        self.conn.execute(
            "INSERT INTO corpus_claim_clusters (id, key, actor, channel, data) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET key = excluded.key, actor = excluded.actor, data = excluded.data",
            (cluster["id"], cluster["key"], cluster["actor"], cluster["channel"], _dumps(cluster)))

    def claim_clusters(self) -> Iterator[dict]:
        """Every claim cluster with its `reports` (mention records) and `independent_sources`."""
        yield from self._clusters("claim")

    def _clusters(self, kind: str) -> Iterator[dict]:
        for (data,) in self.conn.execute(f"SELECT data FROM corpus_{kind}_clusters ORDER BY rowid").fetchall():
            cluster = json.loads(data)
            mentions = [json.loads(r[0]) for r in self.conn.execute(
                f"SELECT data FROM corpus_{kind}_mentions WHERE cluster = ? ORDER BY rowid", (cluster["id"],))]
            yield cl.summarise(cluster, mentions, self.canonical)

    def present(self, kind: str, cluster_id: str, reports: list[str], origins: list[str]) -> cl.Present:
        """Which of `reports` the cluster holds, and which of `origins` among its independent mentions."""
        table = f"corpus_{kind}_mentions"
        found = {r for r in reports if self.conn.execute(
            f"SELECT 1 FROM {table} WHERE cluster = ? AND report = ? LIMIT 1", (cluster_id, r)).fetchone()}
        sources = {o for o in origins if self.conn.execute(
            f"SELECT 1 FROM {table} WHERE cluster = ? AND origin = ? AND independent = 1 LIMIT 1",
            (cluster_id, o)).fetchone()}
        return cl.Present(frozenset(found), frozenset(sources))

    def independent_sources(self, kind: str, cluster_id: str) -> int:
        rows = self.conn.execute(f"SELECT DISTINCT origin FROM corpus_{kind}_mentions"
                                 " WHERE cluster = ? AND independent = 1", (cluster_id,))
        return len({cl.canonical_origin(r[0], self.canonical) for r in rows})

    def cluster(self, kind: str, cluster_id: str) -> dict | None:
        row = self.conn.execute(f"SELECT data FROM corpus_{kind}_clusters WHERE id = ?", (cluster_id,)).fetchone()
        return json.loads(row[0]) if row else None

    # contradictions

    def put_contradiction(self, record: dict) -> None:
        self.conn.execute("INSERT INTO corpus_contradictions (id, kind, data) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                          (record["id"], record["kind"], _dumps(record)))

    def contradictions(self) -> Iterator[dict]:
        for row in self.conn.execute("SELECT data FROM corpus_contradictions ORDER BY rowid").fetchall():
            yield json.loads(row[0])

    # timelines

    def timeline(self, entity_id: str) -> list[dict]:
        """Rows of every claim the entity made or event it took part in (rasid.corpus.timeline)."""
        rows, sources = [], {}
        mentions = self.conn.execute(
            "SELECT p.kind, p.report, p.local, m.cluster, m.data FROM corpus_participants AS p"
            " JOIN corpus_event_mentions AS m ON p.kind = 'event' AND m.report = p.report AND m.local = p.local"
            " WHERE p.entity = ? UNION ALL SELECT p.kind, p.report, p.local, m.cluster, m.data"
            " FROM corpus_participants AS p JOIN corpus_claim_mentions AS m"
            " ON p.kind = 'claim' AND m.report = p.report AND m.local = p.local WHERE p.entity = ?"
            " ORDER BY 1, 2, 3", (entity_id, entity_id)).fetchall()  # the same order on both databases
        for kind, _, _, cluster_id, data in mentions:
            if (kind, cluster_id) not in sources:
                sources[kind, cluster_id] = self.independent_sources(kind, cluster_id)
            make = event_row if kind == "event" else claim_row
            rows.append(make(json.loads(data), cluster_id, sources[kind, cluster_id]))
        return rows

    def clear(self) -> None:
        for table in ("reports", "entities", "entity_keys", "entity_links", "event_clusters", "event_mentions",
                      "claim_clusters", "claim_mentions", "participants", "contradictions", "state"):
            self.conn.execute(f"DELETE FROM corpus_{table}")
        self._canon.clear()
        self._entities.clear()


def _neighbours(date: str) -> list[str]:
    if len(date) != 10:
        return []
    import datetime as dt
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        return []
    return [(day + dt.timedelta(days=d)).isoformat() for d in (-1, 1)]


# --- the store -------------------------------------------------------------------------

def _writer(store) -> Connection:
    """The store's one writing connection (the corpus tables are written in its transactions)."""
    return store.writer


def corpus_index(store) -> CorpusIndex:
    return CorpusIndex(_writer(store))


def update_corpus(store, *, batch_size: int = _BATCH) -> int:
    """Read the documents stored since the last call into the corpus; how many were read."""
    conn = _writer(store)
    index = CorpusIndex(conn)
    if not index.ready():
        return 0
    done = 0
    while conn.execute("SELECT 1 FROM documents WHERE id > ? LIMIT 1", (index.watermark(),)).fetchone():
        with transaction(conn):
            rows = conn.execute("SELECT id, hash, text, annotations FROM documents WHERE id > ?"
                                " ORDER BY id LIMIT ?", (index.watermark(), batch_size)).fetchall()
            for row in rows:
                add_document(index, _stored(row), _shared_spans(conn, row[0]), document=row[0])
                index.set_watermark(row[0])
        done += len(rows)
    return done


def corpus_stats(store) -> dict[str, int]:
    """Counts of the corpus layer (for `rasid stats`): reports read, entities, events, claims,
    contradictions, and how many clusters more than one report carries."""
    conn = _writer(store)
    if not CorpusIndex(conn).ready():
        return {}
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "reports": one("SELECT count(*) FROM corpus_reports"),
        "entities": one("SELECT count(*) FROM corpus_entities WHERE merged_into IS NULL"),
        "events": one("SELECT count(*) FROM corpus_event_clusters"),
        "events_in_several_reports": one("SELECT count(*) FROM (SELECT cluster FROM corpus_event_mentions"
                                         " GROUP BY cluster HAVING count(DISTINCT report) > 1) AS several"),
        "claims": one("SELECT count(*) FROM corpus_claim_clusters"),
        "claims_in_several_reports": one("SELECT count(*) FROM (SELECT cluster FROM corpus_claim_mentions"
                                         " GROUP BY cluster HAVING count(DISTINCT report) > 1) AS several"),
        "contradictions": one("SELECT count(*) FROM corpus_contradictions"),
    }


def rebuild_corpus(store) -> int:
    """Forget the corpus layer and read every stored document again (same ids: content hashes)."""
    index = CorpusIndex(_writer(store))
    with transaction(index.conn):
        index.clear()
    return update_corpus(store)


def _stored(row) -> dict[str, Any]:
    data = json.loads(row[3])
    data["doc"] = {**data["doc"], "text": row[2], "hash": row[1]}
    return data


def _shared_spans(conn: Connection, document: int) -> list[tuple[int, int, str]]:
    """Paragraphs of `document` re-published from an earlier stored document (that one's hash)."""
    if not has_table(conn, "shared_passages"):
        return []
    rows = conn.execute(
        'SELECT pb.start, pb."end", da.hash FROM passages AS pb'
        " JOIN shared_passages AS s ON s.passage_b = pb.id JOIN passages AS pa ON pa.id = s.passage_a"
        " JOIN documents AS da ON da.id = pa.document WHERE pb.document = ? ORDER BY pb.start, da.id",
        (document,)).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


# --- without a store -------------------------------------------------------------------

def memory_corpus(docs: Iterable[dict[str, Any]], *, shared: dict[str, list] | None = None) -> CorpusIndex:
    """The corpus of document dicts (OUTPUT.md form with `doc.text`), in an in-memory database.

    Syndication is found in memory unless `shared` (report hash → shared spans) is given.
    """
    docs = list(docs)
    conn = sqlite3.connect(":memory:", isolation_level=None)
    for statement in split_sql(Path(CORPUS_MIGRATION).read_text(encoding="utf-8")):
        conn.execute(statement)
    index = CorpusIndex(conn)
    shared = shared if shared is not None else shared_in_memory(docs)
    with transaction(conn):
        for doc in docs:
            add_document(index, doc, shared.get(cl.report_of(doc)["hash"], []))
    return index
