-- Rasid store on PostgreSQL, schema version 1: documents, their annotation counts and the
-- full-text index. Applied by rasid.store.postgres.migrate in one transaction, recorded in
-- rasid_schema. The index columns hold the same folded words (body) and clitic readings (stems)
-- as the SQLite FTS5 table (rasid.store.search.index_text), as `simple` tsvectors: PostgreSQL's
-- `arabic` stemmer over-stems names and keeps و+ال, so it is not used.
CREATE TABLE documents (
    id               BIGSERIAL PRIMARY KEY,
    hash             TEXT NOT NULL UNIQUE,
    doc_id           TEXT,
    path             TEXT,
    title            TEXT,
    published        TEXT,
    outlet           TEXT,
    author           TEXT,
    url              TEXT,
    text             TEXT NOT NULL,
    annotations      TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    added_at         TEXT NOT NULL,
    body             TSVECTOR NOT NULL,
    stems            TSVECTOR NOT NULL
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_outlet ON documents (outlet);
CREATE INDEX documents_body ON documents USING GIN (body);
CREATE INDEX documents_stems ON documents USING GIN (stems);

CREATE TABLE annotation_counts (
    document BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (document, kind)
);
