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
    """Store the passages of a new document and link them to earlier ones; the link count.

    A handful of statements per document, not per paragraph (each is a round trip to a
    PostgreSQL server): the passages in one insert, their candidates in one look-up of band
    hashes, the links and the bands in one batch each."""
    found = passages(doc)
    conn.execute("INSERT INTO passages_indexed (document) VALUES (?)", (document,))
    if not found:
        return 0
    found = list({(p.start, p.end): p for p in found}.values())  # a span given twice is one passage
    ids = _insert_passages(conn, document, found)
    bands = {(p.start, p.end): list(enumerate(p.bands())) for p in found}
    candidates = _candidates(conn, [key for keys in bands.values() for key in keys], document)
    links, furniture = [], set()
    for passage in found:
        span = (passage.start, passage.end)
        keys = set(bands[span])
        near = {pid: blob for key, pid, blob in candidates if key in keys}
        found_in = matches(passage, near.items())
        if len(found_in) > FURNITURE_COPIES:
            furniture.add(span)
            continue
        links += [(cid, ids[span], sim) for cid, sim in found_in]
    conn.executemany("INSERT INTO shared_passages (passage_a, passage_b, similarity)"
                     " VALUES (?, ?, ?) ON CONFLICT DO NOTHING", links)
    conn.executemany("INSERT INTO passage_bands (band, hash, passage) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                     [(b, h, ids[span]) for span, keys in bands.items() if span not in furniture for b, h in keys])
    return len(links)


#: a paragraph already stored this many times is page furniture the boilerplate lines missed (an
#: app promo, a standard disclaimer), not a copied story: it links to nothing and is not indexed
#: for later reports, so its copies cost a bounded look-up instead of one link per earlier copy
#: (all pairs: 104,535 links over 9,000 news articles, from one promo line of one outlet)
FURNITURE_COPIES = 10


def _insert_passages(conn: Connection, document: int, found: list[Passage]) -> dict[tuple[int, int], int]:
    """Insert the passages of one document; their ids by (start, end)."""
    ids = {}
    for i in range(0, len(found), _ROWS_PER_INSERT):
        chunk = found[i:i + _ROWS_PER_INSERT]
        rows = ", ".join("(?, ?, ?, ?)" for _ in chunk)
        args = [x for p in chunk for x in (document, p.start, p.end, to_blob(p.signature))]
        ids.update(((start, end), pid) for start, end, pid in conn.execute(
            f'INSERT INTO passages (document, start, "end", signature) VALUES {rows} RETURNING start, "end", id',
            args).fetchall())
    return ids


_ROWS_PER_INSERT = 200  # passages per insert: 800 bound parameters
_KEYS_PER_QUERY = 400  # (band, hash) pairs per look-up: 800 bound parameters


def _candidates(conn: Connection, keys: list[tuple[int, int]], document: int) -> list[tuple[tuple[int, int], int, bytes]]:
    """((band, hash), passage id, signature) of other documents' passages sharing a band hash."""
    out = []
    unique = list(dict.fromkeys(keys))
    for i in range(0, len(unique), _KEYS_PER_QUERY):
        chunk = unique[i:i + _KEYS_PER_QUERY]
        out += [((band, value), pid, bytes(blob)) for band, value, pid, blob in
                conn.execute(candidate_sql(len(chunk)), [x for key in chunk for x in key] + [document]).fetchall()]
    return out


def candidate_sql(keys: int) -> str:
    """The look-up of `keys` (band, hash) pairs: a join with them as a table, so that the index of
    passage_bands serves each (as a row-value `IN (VALUES …)` SQLite scanned every band stored:
    quadratic in the corpus, 0.09 s a look-up at 7,600 news reports)."""
    values = ", ".join("(?, ?)" for _ in range(keys))
    return (f"WITH k(band, hash) AS (VALUES {values}) SELECT k.band, k.hash, p.id, p.signature FROM k"
            " JOIN passage_bands AS b ON b.band = k.band AND b.hash = k.hash"
            " JOIN passages AS p ON p.id = b.passage WHERE p.document != ?")


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

