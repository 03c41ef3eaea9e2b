"""Store side of syndication: passages, their band index, and the links between them.

Runs inside the writer's transaction when a document is added, so a document and its
links are committed together; candidates come from an indexed SQL look-up of band
hashes, never from an in-memory index, so adding a report costs the same however
large the store is.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from rasid.corpus.syndication import Passage, matches, passages, to_blob
from rasid.document import Document, Region
from rasid.store.dialect import Connection
from rasid.text.segment import paragraphs


@dataclass(frozen=True, slots=True)
class SharedText:
    """Two stored documents that share paragraphs."""
    first: str            # hash of the document stored first
    second: str
    first_id: str | None
    second_id: str | None
    passages: int         # paragraphs of `second` found in `first`
    similarity: float     # the highest paragraph similarity


def index_passages(conn: Connection, document: int, doc: Document) -> int:
    """Store the passages of a new document and link them to earlier ones; the link count."""
    links = 0
    for passage in passages(doc):
        pid = conn.execute('INSERT INTO passages (document, start, "end", signature) VALUES (?, ?, ?, ?)'
                           " RETURNING id", (document, passage.start, passage.end,
                                             to_blob(passage.signature))).fetchone()[0]
        found = matches(passage, _candidates(conn, passage, document))
        conn.executemany("INSERT INTO shared_passages (passage_a, passage_b, similarity)"
                         " VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [(cid, pid, sim) for cid, sim in found])
        conn.executemany("INSERT INTO passage_bands (band, hash, passage) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                         [(b, h, pid) for b, h in enumerate(passage.bands())])
        links += len(found)
    conn.execute("INSERT INTO passages_indexed (document) VALUES (?)", (document,))
    return links


def _candidates(conn: Connection, passage: Passage, document: int) -> list[tuple[int, bytes]]:
    keys = list(enumerate(passage.bands()))
    values = ", ".join("(?, ?)" for _ in keys)
    sql = ("SELECT DISTINCT p.id, p.signature FROM passage_bands AS b JOIN passages AS p ON p.id = b.passage"
           f" WHERE (b.band, b.hash) IN (VALUES {values}) AND p.document != ?")
    return conn.execute(sql, [x for key in keys for x in key] + [document]).fetchall()


def backfill(conn: Connection) -> int:
    """Passages for documents stored before syndication existed; how many were indexed."""
    rows = conn.execute("SELECT id, text, annotations FROM documents WHERE id NOT IN"
                        " (SELECT document FROM passages_indexed) ORDER BY id").fetchall()
    for row in rows:
        index_passages(conn, row[0], _stored_document(row[1], row[2]))
    return len(rows)


def _stored_document(text: str, annotations: str) -> Document:
    """Enough of a stored document for `passages`: its paragraphs and boilerplate."""
    regions = [Region(**r) for r in json.loads(annotations).get("boilerplate", [])]
    return Document(text=text, paragraphs=paragraphs(text), boilerplate=regions)


def shared_texts(conn: Connection, min_passages: int = 1) -> list[SharedText]:
    """Every pair of documents that share paragraphs, the most shared first."""
    rows = conn.execute(
        "SELECT da.hash, db.hash, da.doc_id, db.doc_id, count(*), max(s.similarity)"
        " FROM shared_passages AS s"
        " JOIN passages AS pa ON pa.id = s.passage_a JOIN documents AS da ON da.id = pa.document"
        " JOIN passages AS pb ON pb.id = s.passage_b JOIN documents AS db ON db.id = pb.document"
        " GROUP BY da.id, db.id HAVING count(*) >= ? ORDER BY count(*) DESC, da.id, db.id",
        (min_passages,)).fetchall()
    return [SharedText(*row) for row in rows]

