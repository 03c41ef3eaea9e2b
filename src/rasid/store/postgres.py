"""The store's document layer on PostgreSQL (psycopg 3), for a team that shares one database.

    from rasid.store.postgres import open_postgres
    with open_postgres("postgresql://user@host/rasid") as store:
        store.add(doc, pipeline_version=PIPELINE_VERSION)
        store.search("داعش")

The same interface and answers as `rasid.store.sqlite.Store` for documents: content-hash keys
with `INSERT … ON CONFLICT DO NOTHING` (re-ingesting is a no-op, two writers never duplicate a
report), one transaction per batch, full-text search over the same folded words and clitic
readings as the SQLite FTS5 index (`rasid.store.search`), stored as `simple` tsvectors. Why
psycopg 3 and plain SQL rather than SQLAlchemy: the two backends differ in a handful of
statements (placeholders, upserts, the search index), which stay readable side by side, and no
ORM layer stands between the queries and their plans. The corpus layer (rasid.store.corpus) is
not on PostgreSQL yet (issue 17).
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
from rasid.store.search import index_text, parse_query, snippet
from rasid.store.sqlite import COUNTED_KINDS, SearchHit, content_hash, document_dict, in_batches, split_sql

MIGRATIONS = Path(__file__).resolve().parent / "migrations_pg"
_MIGRATION_RE = re.compile(r"^(\d+)_[\w-]+\.sql$")
_PAGE = 200


def is_postgres_url(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def open_postgres(url: str) -> "PostgresStore":
    return PostgresStore(url)


class PostgresStore:
    def __init__(self, url: str):
        import psycopg
        from psycopg.rows import dict_row
        try:
            self._conn = psycopg.connect(url, row_factory=dict_row, autocommit=True)
        except psycopg.OperationalError as e:
            raise RasidError(f"cannot open store {_safe(url)}: {e}".strip()) from e
        self.url = url
        self.schema_version = migrate(self._conn)

    def __enter__(self) -> "PostgresStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    # writing

    def add(self, doc: Document, *, pipeline_version: str) -> bool:
        """Store `doc`; False (and nothing changed) when its text is already stored."""
        with self._conn.transaction():
            return self._insert(doc, pipeline_version)

    def add_many(self, docs: Iterable[Document], *, pipeline_version: str,
                 batch_size: int = 50) -> Iterator[tuple[Document, bool]]:
        """Store `docs`, one transaction per `batch_size`; yield (doc, added) once committed."""
        return in_batches(docs, batch_size, self._conn.transaction, lambda doc: self._insert(doc, pipeline_version))

    def _insert(self, doc: Document, pipeline_version: str) -> bool:
        data = doc.to_dict(with_text=False)
        body, stems = index_text(doc.text)
        row = self._conn.execute(
            "INSERT INTO documents (hash, doc_id, path, title, published, outlet, author, url, text, annotations,"
            " pipeline_version, added_at, body, stems) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,"
            " to_tsvector('simple', %s), to_tsvector('simple', %s)) ON CONFLICT (hash) DO NOTHING RETURNING id",
            (content_hash(doc.text), doc.id, doc.path, doc.title, doc.published, doc.outlet, doc.author, doc.url,
             doc.text, json.dumps(data, ensure_ascii=False, separators=(",", ":")), pipeline_version,
             datetime.now(timezone.utc).isoformat(timespec="seconds"), body, stems)).fetchone()
        if row is None:
            return False
        with self._conn.cursor() as cur:
            cur.executemany("INSERT INTO annotation_counts (document, kind, n) VALUES (%s, %s, %s)",
                            [(row["id"], kind, len(data[kind])) for kind in COUNTED_KINDS if data.get(kind)])
        return True

    # reading

    def count(self) -> int:
        return self._conn.execute("SELECT count(*) AS n FROM documents").fetchone()["n"]

    def has_hash(self, digest: str) -> bool:
        return bool(self.known_hashes([digest]))

    def has_text(self, text: str) -> bool:
        return self.has_hash(content_hash(text))

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(hashes))
        rows = self._conn.execute("SELECT hash FROM documents WHERE hash = ANY(%s)", (wanted,)).fetchall()
        return {r["hash"] for r in rows}

    def get(self, digest: str) -> dict[str, Any] | None:
        row = self._conn.execute("SELECT hash, text, annotations FROM documents WHERE hash = %s", (digest,)).fetchone()
        return document_dict(row) if row else None

    def iter_documents(self) -> Iterator[dict[str, Any]]:
        last = 0
        while rows := self._conn.execute("SELECT id, hash, text, annotations FROM documents WHERE id > %s"
                                         " ORDER BY id LIMIT %s", (last, _PAGE)).fetchall():
            last = rows[-1]["id"]
            yield from (document_dict(r) for r in rows)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Documents matching every word (in any clitic form) and phrase of `query`, best first."""
        parsed = parse_query(query)
        if not (parsed.words or parsed.phrases) or limit < 1:
            return []
        tests = ["stems @@ plainto_tsquery('simple', %s)"] * len(parsed.words)
        tests += ["body @@ phraseto_tsquery('simple', %s)"] * len(parsed.phrases)
        args = [*parsed.words, *(" ".join(p) for p in parsed.phrases)]
        rank = " + ".join(["ts_rank(stems, plainto_tsquery('simple', %s))"] * len(parsed.words)) or "0"
        rows = self._conn.execute(
            f"SELECT doc_id, title, published, text, hash, {rank} AS score FROM documents"
            f" WHERE {' AND '.join(tests)} ORDER BY score DESC, id LIMIT %s",
            (*parsed.words, *args, limit)).fetchall()
        return [SearchHit(r["doc_id"], r["title"], r["published"], snippet(r["text"], parsed), float(r["score"]),
                          r["hash"]) for r in rows]

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self._conn.execute(sql).fetchone()  # noqa: E731
        dates = one("SELECT min(published) AS lo, max(published) AS hi FROM documents")
        counts = dict.fromkeys(COUNTED_KINDS, 0)
        counts.update({r["kind"]: int(r["n"]) for r in self._conn.execute(
            "SELECT kind, sum(n) AS n FROM annotation_counts GROUP BY kind")})
        pairs = lambda sql: {r["k"]: r["n"] for r in self._conn.execute(sql)}  # noqa: E731
        return {
            "documents": one("SELECT count(*) AS n FROM documents")["n"],
            "with_published": one("SELECT count(published) AS n FROM documents")["n"],
            "outlets": pairs("SELECT outlet AS k, count(*) AS n FROM documents WHERE outlet IS NOT NULL"
                             " GROUP BY outlet ORDER BY n DESC, outlet"),
            "date_range": {"min": dates["lo"], "max": dates["hi"]},
            "annotations": counts,
            "pipeline_versions": pairs("SELECT pipeline_version AS k, count(*) AS n FROM documents"
                                       " GROUP BY pipeline_version ORDER BY pipeline_version"),
            "size_bytes": one("SELECT pg_database_size(current_database()) AS n")["n"],
            "schema_version": self.schema_version,
            "documents_sharing_text": 0,
        }

    def integrity(self) -> list[str]:
        return [f"hash {r['hash']} stored {r['n']} times" for r in self._conn.execute(
            "SELECT hash, count(*) AS n FROM documents GROUP BY hash HAVING count(*) > 1")]


def migrate(conn, folder: Path = MIGRATIONS) -> int:
    """Apply the migrations of `folder` not applied yet, each in one transaction; the version."""
    with conn.transaction():
        conn.execute("CREATE TABLE IF NOT EXISTS rasid_schema (version INTEGER PRIMARY KEY)")
        conn.execute("LOCK TABLE rasid_schema IN EXCLUSIVE MODE")  # two first writers: one migrates
        done = {r["version"] for r in conn.execute("SELECT version FROM rasid_schema")}
        for path in sorted(folder.glob("*.sql")):
            found = _MIGRATION_RE.match(path.name)
            if found is None or int(found.group(1)) in done:
                continue
            for statement in split_sql(path.read_text(encoding="utf-8")):
                conn.execute(statement)
            conn.execute("INSERT INTO rasid_schema (version) VALUES (%s)", (int(found.group(1)),))
    row = conn.execute("SELECT max(version) AS v FROM rasid_schema").fetchone()
    return row["v"] or 0


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)
