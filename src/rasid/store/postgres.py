"""The store's document layer on PostgreSQL (psycopg 3), for a team that shares one database.

    from rasid.store import open_store
    with open_store("postgresql://user@host/rasid") as store:
        store.add(doc, pipeline_version=PIPELINE_VERSION)
        store.search("داعش")

The same interface and answers as `rasid.store.sqlite.Store` for documents: content-hash keys
with `INSERT … ON CONFLICT DO NOTHING` (re-ingesting is a no-op, two writers never duplicate a
report), one transaction per batch, full-text search over the same folded words and clitic
readings as the SQLite FTS5 index (`rasid.store.search`), stored as `simple` tsvectors. Why
psycopg 3 and plain SQL rather than SQLAlchemy: the two backends differ in a handful of
statements (the search index, transactions, the catalogue: rasid.store.dialect), and no ORM layer
stands between the queries and their plans. The SQL is written once for both; syndication
(rasid.store.passages) and the corpus layer (rasid.store.corpus) run here unchanged.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from rasid.document import Document
from rasid.errors import RasidError
from rasid.store.dialect import PgConnection, connect_postgres, display_name, transaction
from rasid.store.passages import SharedText, backfill, index_passages, shared_texts
from rasid.store.search import index_text
from rasid.store.sqlite import COUNTED_KINDS, SearchHit, content_hash, document_dict, in_batches, search_hits, split_sql

MIGRATIONS = Path(__file__).resolve().parent / "migrations_pg"
_MIGRATION_RE = re.compile(r"^(\d+)_[\w-]+\.sql$")
_PAGE = 200


class PostgresStore:
    def __init__(self, url: str):
        import psycopg
        try:
            self._conn = connect_postgres(url)
        except psycopg.OperationalError as e:
            raise RasidError(f"cannot open store {_safe(url)}: {e}".strip()) from e
        self.url = url
        try:
            self.schema_version = migrate(self._conn)
            with transaction(self._conn):
                backfill(self._conn)  # documents stored before syndication existed (schema 1)
        except BaseException:
            self._conn.close()
            raise

    def __enter__(self) -> "PostgresStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    @property
    def writer(self) -> PgConnection:
        """The writing connection; the corpus layer (rasid.store.corpus) writes through it."""
        return self._conn

    # writing

    def add(self, doc: Document, *, pipeline_version: str) -> bool:
        """Store `doc`; False (and nothing changed) when its text is already stored."""
        with transaction(self._conn):
            return self._insert(doc, pipeline_version)

    def add_many(self, docs: Iterable[Document], *, pipeline_version: str,
                 batch_size: int = 50) -> Iterator[tuple[Document, bool]]:
        """Store `docs`, one transaction per `batch_size`; yield (doc, added) once committed."""
        return in_batches(docs, batch_size, lambda: transaction(self._conn),
                          lambda doc: self._insert(doc, pipeline_version))

    def _insert(self, doc: Document, pipeline_version: str) -> bool:
        data = doc.to_dict(with_text=False)
        body, stems = index_text(doc.text)
        row = self._conn.execute(
            "INSERT INTO documents (hash, doc_id, path, title, published, outlet, author, url, text, annotations,"
            " pipeline_version, added_at, body, stems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " to_tsvector('simple', ?), to_tsvector('simple', ?)) ON CONFLICT (hash) DO NOTHING RETURNING id",
            (content_hash(doc.text), doc.id, doc.path, doc.title, doc.published, doc.outlet, doc.author, doc.url,
             doc.text, json.dumps(data, ensure_ascii=False, separators=(",", ":")), pipeline_version,
             datetime.now(timezone.utc).isoformat(timespec="seconds"), body, stems)).fetchone()
        if row is None:
            return False
        self._conn.executemany("INSERT INTO annotation_counts (document, kind, n) VALUES (?, ?, ?)",
                               [(row[0], kind, len(data[kind])) for kind in COUNTED_KINDS if data.get(kind)])
        index_passages(self._conn, row[0], doc)
        return True

    # reading

    def count(self) -> int:
        return self._conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def has_hash(self, digest: str) -> bool:
        return bool(self.known_hashes([digest]))

    def has_text(self, text: str) -> bool:
        return self.has_hash(content_hash(text))

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(hashes))
        return {r[0] for r in self._conn.execute("SELECT hash FROM documents WHERE hash = ANY(?)", (wanted,))}

    def get(self, digest: str) -> dict[str, Any] | None:
        row = self._conn.execute("SELECT hash, text, annotations FROM documents WHERE hash = ?", (digest,)).fetchone()
        return document_dict(row) if row else None

    def iter_documents(self) -> Iterator[dict[str, Any]]:
        last = 0
        while rows := self._conn.execute("SELECT id, hash, text, annotations FROM documents WHERE id > ?"
                                         " ORDER BY id LIMIT ?", (last, _PAGE)).fetchall():
            last = rows[-1]["id"]
            yield from (document_dict(r) for r in rows)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Documents matching every word (in any clitic form) and phrase of `query`, best first."""
        return search_hits(self._conn, query, limit)

    def shared_texts(self, min_passages: int = 1) -> list[SharedText]:
        """Pairs of stored documents that share paragraphs (syndicated or re-published text)."""
        return shared_texts(self._conn, min_passages)

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self._conn.execute(sql).fetchone()  # noqa: E731
        pairs = lambda sql: {r[0]: r[1] for r in self._conn.execute(sql)}  # noqa: E731
        dates = one("SELECT min(published), max(published) FROM documents")
        counts = dict.fromkeys(COUNTED_KINDS, 0)
        counts.update({kind: int(n) for kind, n in self._conn.execute(
            "SELECT kind, sum(n) FROM annotation_counts GROUP BY kind")})
        return {
            "documents": one("SELECT count(*) FROM documents")[0],
            "with_published": one("SELECT count(published) FROM documents")[0],
            "outlets": pairs("SELECT outlet, count(*) AS n FROM documents WHERE outlet IS NOT NULL"
                             " GROUP BY outlet ORDER BY n DESC, outlet"),
            "date_range": {"min": dates[0], "max": dates[1]},
            "annotations": counts,
            "pipeline_versions": pairs("SELECT pipeline_version, count(*) FROM documents"
                                       " GROUP BY pipeline_version ORDER BY pipeline_version"),
            "size_bytes": one("SELECT pg_database_size(current_database())")[0],
            "schema_version": self.schema_version,
            "documents_sharing_text": len(self.shared_texts()),
        }

    def integrity(self) -> list[str]:
        problems = [f"hash {r[0]} stored {r[1]} times" for r in self._conn.execute(
            "SELECT hash, count(*) FROM documents GROUP BY hash HAVING count(*) > 1")]
        problems += [f"document {r[0]} has no passages indexed" for r in self._conn.execute(
            "SELECT id FROM documents WHERE id NOT IN (SELECT document FROM passages_indexed)")]
        return problems


def migrate(conn, folder: Path = MIGRATIONS) -> int:
    """Apply the migrations of `folder` not applied yet, each in one transaction; the version."""
    with transaction(conn):
        conn.execute("CREATE TABLE IF NOT EXISTS rasid_schema (version INTEGER PRIMARY KEY)")
        conn.execute("LOCK TABLE rasid_schema IN EXCLUSIVE MODE")  # two first writers: one migrates
        done = {r[0] for r in conn.execute("SELECT version FROM rasid_schema")}
        for path in sorted(folder.glob("*.sql")):
            found = _MIGRATION_RE.match(path.name)
            if found is None or int(found.group(1)) in done:
                continue
            for statement in split_sql(path.read_text(encoding="utf-8")):
                conn.execute(statement)
            conn.execute("INSERT INTO rasid_schema (version) VALUES (?)", (int(found.group(1)),))
    return conn.execute("SELECT max(version) FROM rasid_schema").fetchone()[0] or 0


_safe = display_name
