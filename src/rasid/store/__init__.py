"""Storage of documents and their annotations (SQLite by default).

    from rasid.store import open_store
    with open_store("reports.db") as store:
        store.add(doc, pipeline_version=PIPELINE_VERSION)
        store.search("داعش")
"""
from rasid.store.sqlite import SearchHit, Store, content_hash, open_store

__all__ = ["SearchHit", "Store", "content_hash", "open_store"]
