"""What differs between the store's two databases, kept in one place.

The store's SQL is written once, in what SQLite and PostgreSQL both read: `?` placeholders,
`INSERT … ON CONFLICT … DO NOTHING / DO UPDATE`, row values, and a `rowid` to keep insertion
order (SQLite's own; a BIGSERIAL column of that name in the PostgreSQL migrations). Code over a
store's tables takes either an `sqlite3.Connection` or a `PgConnection`, which gives a psycopg
connection sqlite3's face: `execute(sql, params)` with `?` placeholders, and rows read by
position or by column name. What cannot be written once — transactions, the catalogue, the
full-text index — has a function here that asks which of the two it holds.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Union

from rasid.store.search import Query


class Row(tuple):
    """A result row readable as `row[0]` and as `row["name"]`, like sqlite3.Row."""
    names: dict[str, int] = {}

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self.names)


def _row_factory(cursor):
    return _row_type(tuple(column.name for column in cursor.description or ()))


@lru_cache(maxsize=256)
def _row_type(columns: tuple[str, ...]) -> type[Row]:
    """A Row class per result shape; a repeated column name reads as its first, as in sqlite3."""
    names: dict[str, int] = {}
    for i, name in enumerate(columns):
        names.setdefault(name, i)
    return type("Row", (Row,), {"names": names, "__slots__": ()})


class PgConnection:
    """A psycopg 3 connection (autocommit outside `transaction()`) with sqlite3's calling style."""

    dialect = "postgresql"

    def __init__(self, raw):
        self.raw = raw

    def execute(self, sql: str, params: Sequence[Any] = ()):
        cursor = self.raw.cursor(row_factory=_row_factory)
        cursor.execute(*_statement(sql, params))
        return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]):
        rows = list(rows)
        cursor = self.raw.cursor(row_factory=_row_factory)
        if rows:
            cursor.executemany(_pg_sql(sql), rows)
        return cursor

    def transaction(self):
        return self.raw.transaction()

    def close(self) -> None:
        self.raw.close()


Connection = Union[sqlite3.Connection, PgConnection]


@lru_cache(maxsize=1)
def database_errors() -> tuple[type[Exception], ...]:
    """What either database raises (psycopg imported only when asked)."""
    import psycopg
    return sqlite3.DatabaseError, psycopg.Error


def connect_postgres(url: str, *, read_only: bool = False) -> PgConnection:
    """A connection to the PostgreSQL store at `url`; read-only ones refuse every write."""
    import psycopg

    raw = psycopg.connect(url, autocommit=True)
    if read_only:
        raw.execute("SET default_transaction_read_only = on")
    return PgConnection(raw)


def display_name(db) -> str:
    """The store as messages may show it: a URL without its password."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", str(db))


def is_postgres(conn: Connection) -> bool:
    return isinstance(conn, PgConnection)


def _statement(sql: str, params: Sequence[Any]) -> tuple:
    return (_pg_sql(sql), tuple(params)) if params else (sql,)


@lru_cache(maxsize=512)
def _pg_sql(sql: str) -> str:
    """`?` → `%s` outside string literals, quoted names and comments; every literal `%` doubled
    (psycopg reads `%` everywhere). The store's SQL uses no E'' strings."""
    parts = re.split(r"('(?:[^']|'')*'|\"[^\"]*\"|--[^\n]*)", sql)
    return "".join(part.replace("%", "%%") if i % 2 else part.replace("%", "%%").replace("?", "%s")
                   for i, part in enumerate(parts))


WRITER_LOCK = 0x52415344  # "RASD": the advisory lock every writing transaction on PostgreSQL holds


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One writing transaction, one writer at a time: BEGIN IMMEDIATE … COMMIT on SQLite
    (ROLLBACK when the block raises); on PostgreSQL psycopg's transaction block holding an
    advisory lock, as BEGIN IMMEDIATE does, so that two clients of one shared store (two
    analyses, the desk's POST) never interleave: documents get their ids in commit order (the
    corpus layer reads them by id), corpus numbers are not handed out twice, and a syndicated
    copy always sees the text it copies."""
    if is_postgres(conn):
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITER_LOCK,))
            yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def has_table(conn: Connection, name: str) -> bool:
    if is_postgres(conn):
        sql = "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
    else:
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return conn.execute(sql, (name,)).fetchone() is not None


def contains(conn: Connection, column: str) -> str:
    """A condition that `column` holds the text given as the one argument, as is (no pattern)."""
    return f"strpos({column}, ?) > 0" if is_postgres(conn) else f"instr({column}, ?) > 0"


# --- full-text search ---------------------------------------------------------------------

def match_condition(conn: Connection, query: Query) -> tuple[str, list[Any]] | None:
    """A condition on `documents AS d` that the documents matching `query` meet, with its
    arguments; None when the query holds no word."""
    if not (query.words or query.phrases):
        return None
    if is_postgres(conn):
        tests = ["d.stems @@ plainto_tsquery('simple', ?)"] * len(query.words)
        tests += ["d.body @@ phraseto_tsquery('simple', ?)"] * len(query.phrases)
        return " AND ".join(tests), [*query.words, *(" ".join(p) for p in query.phrases)]
    return "d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", [query.match_expression()]


def best_matches(conn: Connection, query: Query, limit: int, offset: int = 0) -> list:
    """The documents matching `query`, best first (ties in storing order): rows of hash, doc_id,
    title, published, outlet, url, text and score (higher is better)."""
    columns = "d.hash, d.doc_id, d.title, d.published, d.outlet, d.url, d.text"
    if is_postgres(conn):
        condition, args = match_condition(conn, query)
        rank = " + ".join(["ts_rank(d.stems, plainto_tsquery('simple', ?))"] * len(query.words)) or "0"
        return conn.execute(f"SELECT {columns}, {rank} AS score FROM documents AS d WHERE {condition}"
                            " ORDER BY score DESC, d.id LIMIT ? OFFSET ?",
                            [*query.words, *args, limit, offset]).fetchall()
    return conn.execute(
        f"SELECT {columns}, -m.rank AS score FROM"
        " (SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank, rowid"
        "  LIMIT ? OFFSET ?) AS m JOIN documents AS d ON d.id = m.rowid ORDER BY m.rank, d.id",
        (query.match_expression(), limit, offset)).fetchall()
