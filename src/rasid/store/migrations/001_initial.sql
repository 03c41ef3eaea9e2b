-- Rasid store, schema version 1.
-- Applied by rasid.store.sqlite.migrate inside one transaction, which then sets
-- PRAGMA user_version = 1. Never edit a released migration: add 002_*.sql instead.

-- "RASD" as a 32-bit integer: marks the file as a Rasid store.
PRAGMA application_id = 1380012868;

-- One row per distinct text; `hash` (sha256 of the UTF-8 text) is the key that makes
-- re-ingesting idempotent. `id` gives the insertion order.
CREATE TABLE documents (
    id               INTEGER PRIMARY KEY,
    hash             TEXT NOT NULL UNIQUE,
    doc_id           TEXT,
    path             TEXT,
    title            TEXT,
    published        TEXT,   -- ISO prefix: 2021, 2021-02, 2021-02-16
    outlet           TEXT,
    author           TEXT,
    url              TEXT,
    text             TEXT NOT NULL,
    annotations      TEXT NOT NULL,  -- JSON: Document.to_dict(with_text=False)
    pipeline_version TEXT NOT NULL,
    added_at         TEXT NOT NULL   -- UTC, ISO 8601
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_outlet ON documents (outlet);

-- Number of annotations of each kind per document (only kinds with at least one),
-- so that stats() sums integers instead of parsing every JSON document.
CREATE TABLE annotation_counts (
    document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (document, kind)
) WITHOUT ROWID;

-- Full-text index over the folded text; rowid = documents.id. Contentless: the
-- indexed text is derived from documents.text (rasid.store.search.index_text).
--   body:  the folded words in order (phrase queries)
--   stems: every clitic reading of every word (word queries: لداعش under داعش)
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    body, stems,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2'
);
