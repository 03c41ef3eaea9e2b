"""Rasid: Arabic-first extraction of events and financing claims, every item with its evidence.

Public API (nothing runs at import):
    rasid.extract(text, published=None) -> Document
    rasid.open_store(path_or_url) -> Store
"""
from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Document", "extract", "open_store", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from rasid.document import Document
    from rasid.store.sqlite import Store


def extract(text: str, published: str | None = None, **meta) -> "Document":
    """Run the default pipeline over one text; `published` (YYYY-MM-DD) anchors relative dates."""
    from rasid.pipeline import extract as _extract
    return _extract(text, published=published, **meta)


def open_store(db: str):
    """Open (creating or migrating) a store: a SQLite file, or a postgresql:// URL."""
    from rasid.store import open_store as _open
    return _open(db)


def __getattr__(name: str):
    if name == "Document":
        from rasid.document import Document
        return Document
    raise AttributeError(name)
