"""The SQLite store: documents keyed by the hash of their text, with a full-text index.

Library first, one writer (the datasette way): a `Store` owns one connection that does
every write inside an explicit `BEGIN IMMEDIATE` transaction. Reads go through
`_read_connection()`, today the same connection; a web layer can open its own read-only
connections with `connect(path, read_only=True)` since WAL lets readers run beside the
writer.

The schema is data: `migrations/NNN_name.sql`, applied in order, each in one
transaction that also sets `PRAGMA user_version` to its number.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

from rasid.document import ANNOTATION_KEYS, Document
from rasid.errors import RasidError
from rasid.store.dialect import best_matches, transaction
from rasid.store.passages import SharedText, backfill, index_passages, shared_texts
from rasid.store.search import index_text, parse_query, snippet

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
APPLICATION_ID = 0x52415344  # "RASD"; set by 001_initial.sql
COUNTED_KINDS = ANNOTATION_KEYS + ("boilerplate",)
_MIGRATION_RE = re.compile(r"^(\d+)_[\w-]+\.sql$")
_PAGE = 200  # rows per query when streaming documents
_HASH_CHUNK = 500  # bound parameters per query (SQLite allows 999 on old builds)


def content_hash(text: str) -> str:
    """The key of a document: sha256 hex of its text encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class SearchHit:
    doc_id: str | None
    title: str | None
    published: str | None
    snippet: str
    score: float  # higher is better (bm25, sign flipped)
    hash: str


# --- connections and migrations ---------------------------------------------------

def connect(path: str | Path, *, read_only: bool = False, any_thread: bool = False) -> sqlite3.Connection:
    """A configured connection; RasidError when the file cannot be a SQLite database. With
    `any_thread`, the connection may be used from a thread other than the one that opened it
    (one at a time: a web request's dependency and its handler run on different workers)."""
    conn = None
    try:
        if read_only:
            conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True,
                                   isolation_level=None, check_same_thread=not any_thread)
        else:
            conn = sqlite3.connect(path, isolation_level=None)
            conn.execute("PRAGMA journal_mode = WAL")
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.DatabaseError as e:
        if conn is not None:
            conn.close()
        if isinstance(e, sqlite3.OperationalError):
            raise RasidError(f"cannot open store {path}: {e}") from e
        raise RasidError(f"{path} is not a Rasid store: {e}") from e


def check_application(conn: sqlite3.Connection, path: str | Path) -> None:
    """Refuse SQLite files written by other programs (a new, empty file is fine)."""
    app = conn.execute("PRAGMA application_id").fetchone()[0]
    if app == APPLICATION_ID:
        return
    if app != 0 or conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise RasidError(f"{path} is not a Rasid store: it is a SQLite database of another "
                         f"program (application_id {app})")


def list_migrations(folder: Path) -> list[tuple[int, Path]]:
    """The migration files of `folder` as (version, path), checked to run 1, 2, 3, …"""
    found = sorted((int(m[1]), p) for p in Path(folder).iterdir()
                   if (m := _MIGRATION_RE.match(p.name)))
    for expected, (version, path) in enumerate(found, start=1):
        if version != expected:
            raise RasidError(f"migration {path}: expected version {expected}, found {version}")
    return found


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, folder: Path = MIGRATIONS, *, where: Any = "store") -> int:
    """Apply the migrations of `folder` the database lacks; return the schema version."""
    steps = list_migrations(folder)
    latest = steps[-1][0] if steps else 0
    current = schema_version(conn)
    if current > latest:
        raise RasidError(f"{where} has schema version {current}, newer than this Rasid "
                         f"understands (up to {latest}); upgrade rasid to open it")
    for version, path in steps[current:]:
        _apply_migration(conn, version, path)
    return max(current, latest)


def _apply_migration(conn: sqlite3.Connection, version: int, path: Path) -> None:
    try:
        with transaction(conn):
            if schema_version(conn) >= version:  # another process got there first
                return
            for statement in split_sql(path.read_text(encoding="utf-8")):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(version)}")
    except sqlite3.Error as e:
        raise RasidError(f"migration {path.name} failed: {e}") from e


def split_sql(sql: str) -> Iterator[str]:
    """The statements of a SQL script (semicolons in strings, comments and triggers kept)."""
    buffer = ""
    for piece in sql.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if _strip_comments(buffer) != ";":  # skip empty statements
                yield buffer
            buffer = ""
    rest = buffer[:-1]  # the final piece had no semicolon of its own
    if _strip_comments(rest):
        raise RasidError(f"incomplete SQL statement at the end of a migration: {rest.strip()!r}")


def _strip_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*|/\*.*?\*/", "", sql, flags=re.S).strip()


# --- the store -----------------------------------------------------------------------

def open_store(path: str | Path, *, migrations: Path | None = None) -> "Store":
    """Open the store at `path`, creating it or migrating it to the current schema."""
    return Store(path, migrations=migrations)


class Store:
    def __init__(self, path: str | Path, *, migrations: Path | None = None):
        self.path = Path(path)
        self._conn = connect(self.path)
        try:
            check_application(self._conn, self.path)
            self.schema_version = migrate(self._conn, migrations or MIGRATIONS, where=self.path)
            self._syndication = _has_table(self._conn, "passages")
            if self._syndication:
                with transaction(self._conn):
                    backfill(self._conn)  # documents stored before syndication existed
        except BaseException:
            self._conn.close()
            raise

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    @property
    def writer(self) -> sqlite3.Connection:
        """The one writing connection; layers that keep their own tables in the store
        (rasid.store.corpus) write through it, inside `transaction(store.writer)`."""
        return self._conn

    def _read_connection(self) -> sqlite3.Connection:
        """The connection reads use; a server would hand out read-only ones instead."""
        return self._conn

    # writing

    def add(self, doc: Document, *, pipeline_version: str) -> bool:
        """Store `doc`; False (and nothing changed) when its text is already stored."""
        with transaction(self._conn):
            return self._insert(doc, pipeline_version)

    def add_many(self, docs: Iterable[Document], *, pipeline_version: str,
                 batch_size: int = 50) -> Iterator[tuple[Document, bool]]:
        """Store `docs`, one transaction per `batch_size`; yield (doc, added) once committed.

        Lazy: nothing is stored until the result is iterated. A crash loses at most the
        open batch; the documents of committed batches are complete, index included.
        """
        return in_batches(docs, batch_size, lambda: transaction(self._conn),
                          lambda doc: self._insert(doc, pipeline_version))

    def _insert(self, doc: Document, pipeline_version: str) -> bool:
        digest = content_hash(doc.text)
        if self._conn.execute("SELECT 1 FROM documents WHERE hash = ?", (digest,)).fetchone():
            return False
        data = doc.to_dict(with_text=False)
        row = self._conn.execute(
            "INSERT INTO documents (hash, doc_id, path, title, published, outlet, author, url,"
            " text, annotations, pipeline_version, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (digest, doc.id, doc.path, doc.title, doc.published, doc.outlet, doc.author,
             doc.url, doc.text, _to_json(data), pipeline_version, _utc_now())).fetchone()
        self._conn.execute("INSERT INTO documents_fts (rowid, body, stems) VALUES (?, ?, ?)",
                           (row[0], *index_text(doc.text)))
        self._conn.executemany(
            "INSERT INTO annotation_counts (document, kind, n) VALUES (?, ?, ?)",
            [(row[0], kind, len(data[kind])) for kind in COUNTED_KINDS if data.get(kind)])
        if self._syndication:
            index_passages(self._conn, row[0], doc)
        return True

    def reindex(self) -> int:
        """Rebuild the search index from the stored texts (after folding or clitic rules
        change); returns the number of documents indexed."""
        with transaction(self._conn):
            self._conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')")
            rows = self._conn.execute("SELECT id, text FROM documents ORDER BY id")
            self._conn.executemany(
                "INSERT INTO documents_fts (rowid, body, stems) VALUES (?, ?, ?)",
                ((r["id"], *index_text(r["text"])) for r in rows))
        return self.count()

    # reading

    def count(self) -> int:
        """The number of stored documents."""
        return self._read_connection().execute("SELECT count(*) FROM documents").fetchone()[0]

    def has_hash(self, digest: str) -> bool:
        return bool(self.known_hashes([digest]))

    def has_text(self, text: str) -> bool:
        return self.has_hash(content_hash(text))

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The subset of `hashes` already stored (to skip the pipeline for known texts)."""
        wanted, found = list(dict.fromkeys(hashes)), set()
        for i in range(0, len(wanted), _HASH_CHUNK):
            chunk = wanted[i:i + _HASH_CHUNK]
            sql = f"SELECT hash FROM documents WHERE hash IN ({','.join('?' * len(chunk))})"
            found.update(r[0] for r in self._read_connection().execute(sql, chunk))
        return found

    def get(self, digest: str) -> dict[str, Any] | None:
        """One stored document as its OUTPUT.md object (with text and hash), or None."""
        row = self._read_connection().execute(
            "SELECT hash, text, annotations FROM documents WHERE hash = ?", (digest,)).fetchone()
        return document_dict(row) if row else None

    def iter_documents(self) -> Iterator[dict[str, Any]]:
        """Every stored document as its OUTPUT.md object, in insertion order, page by page."""
        last = 0
        while True:
            rows = self._read_connection().execute(
                "SELECT id, hash, text, annotations FROM documents WHERE id > ? ORDER BY id"
                " LIMIT ?", (last, _PAGE)).fetchall()
            if not rows:
                return
            last = rows[-1]["id"]
            yield from (document_dict(r) for r in rows)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Documents matching every word (in any clitic form) and phrase of `query`."""
        return search_hits(self._read_connection(), query, limit)

    def stats(self) -> dict[str, Any]:
        """Counts for a dashboard: documents, outlets, dates, annotations, versions, size."""
        conn = self._read_connection()
        one = partial(_one, conn)
        dates = one("SELECT min(published), max(published) FROM documents")
        counts = dict.fromkeys(COUNTED_KINDS, 0)
        counts.update(conn.execute("SELECT kind, sum(n) FROM annotation_counts GROUP BY kind"))
        return {
            "documents": one("SELECT count(*) FROM documents")[0],
            "with_published": one("SELECT count(published) FROM documents")[0],
            "outlets": _pairs(conn, "SELECT outlet, count(*) AS n FROM documents"
                                    " WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC, outlet"),
            "date_range": {"min": dates[0], "max": dates[1]},
            "annotations": counts,
            "pipeline_versions": _pairs(conn, "SELECT pipeline_version, count(*) FROM documents"
                                              " GROUP BY pipeline_version ORDER BY pipeline_version"),
            "size_bytes": one("PRAGMA page_count")[0] * one("PRAGMA page_size")[0],
            "schema_version": schema_version(conn),
            "documents_sharing_text": len(self.shared_texts()) if self._syndication else 0,
        }

    def shared_texts(self, min_passages: int = 1) -> list[SharedText]:
        """Pairs of stored documents that share paragraphs (syndicated or re-published text)."""
        return shared_texts(self._read_connection(), min_passages)

    def integrity(self) -> list[str]:
        """Problems found in the database and between documents and index; [] when sound."""
        conn = self._conn
        problems = [f"integrity_check: {r[0]}" for r in conn.execute("PRAGMA integrity_check")
                    if r[0] != "ok"]
        problems += [f"foreign key: {r[0]} row {r[1]} points to missing {r[2]}"
                     for r in conn.execute("PRAGMA foreign_key_check")]
        try:
            conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as e:
            problems.append(f"search index: {e}")
        problems += [f"document {r[0]} has no search index row" for r in conn.execute(
            "SELECT id FROM documents WHERE id NOT IN (SELECT rowid FROM documents_fts)")]
        problems += [f"search index row {r[0]} has no document" for r in conn.execute(
            "SELECT rowid FROM documents_fts WHERE rowid NOT IN (SELECT id FROM documents)")]
        problems += [f"hash {r[0]} stored {r[1]} times" for r in conn.execute(
            "SELECT hash, count(*) FROM documents GROUP BY hash HAVING count(*) > 1")]
        return problems


def in_batches(docs: Iterable[Document], batch_size: int, transaction_of,
               insert) -> Iterator[tuple[Document, bool]]:
    """`add_many` of any backend: `insert(doc)` for each, one `transaction_of()` per batch,
    (doc, added) yielded once its batch is committed; lazy, nothing stored until iterated."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    it = iter(docs)
    while batch := list(islice(it, batch_size)):
        with transaction_of():
            results = [(doc, insert(doc)) for doc in batch]
        yield from results


def search_hits(conn, query: str, limit: int) -> list[SearchHit]:
    """`search` of either backend: the best `limit` matches, each with a snippet."""
    parsed = parse_query(query)
    if not (parsed.words or parsed.phrases) or limit < 1:
        return []
    return [SearchHit(r["doc_id"], r["title"], r["published"], snippet(r["text"], parsed), float(r["score"]),
                      r["hash"]) for r in best_matches(conn, parsed, limit)]


def document_dict(row) -> dict[str, Any]:
    """The stored annotations with the text put back and the hash added to `doc` (a row of
    either backend: `annotations`, `text`, `hash`)."""
    data = json.loads(row["annotations"])
    doc = data["doc"]
    head = {k: doc[k] for k in ("id", "path") if k in doc}
    data["doc"] = {**head, "text": row["text"], **doc, "hash": row["hash"]}
    return data


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def _one(conn: sqlite3.Connection, sql: str) -> sqlite3.Row:
    return conn.execute(sql).fetchone()


def _pairs(conn: sqlite3.Connection, sql: str) -> dict[Any, int]:
    return {r[0]: r[1] for r in conn.execute(sql)}


def _to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)


def _utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
