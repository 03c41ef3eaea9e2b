"""Storage of documents and their annotations: SQLite by default, PostgreSQL for a team.

    from rasid.store import open_store
    with open_store("reports.db") as store:                     # a SQLite file
        store.add(doc, pipeline_version=PIPELINE_VERSION)
        store.search("داعش")
    with open_store("postgresql://rasid@db.example/rasid") as store:   # a shared PostgreSQL
        ...
"""
from __future__ import annotations

from pathlib import Path

from rasid.store.dialect import display_name
from rasid.store.sqlite import SearchHit, Store, content_hash

__all__ = ["SearchHit", "Store", "content_hash", "display_name", "is_postgres_url", "open_store"]


def is_postgres_url(db: str | Path) -> bool:
    return isinstance(db, str) and db.startswith(("postgresql://", "postgres://"))


def open_store(db: str | Path, *, migrations: Path | None = None):
    """The store at `db`: a `postgresql://` URL opens the shared PostgreSQL store, anything else
    a SQLite file (created, or migrated to the current schema; `migrations`: another folder)."""
    if is_postgres_url(db):
        from rasid.store.postgres import PostgresStore
        return PostgresStore(str(db))
    from rasid.store.sqlite import open_store as open_sqlite
    return open_sqlite(db, migrations=migrations)
