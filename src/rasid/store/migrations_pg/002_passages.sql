-- Rasid store on PostgreSQL, schema version 2: re-published paragraphs (syndication), as in the
-- SQLite store's 002_passages.sql (rasid.store.passages writes both). Text keys compare and sort
-- byte-wise (COLLATE "C"), as SQLite's do, whatever the database's locale.
ALTER TABLE documents ALTER COLUMN published TYPE TEXT COLLATE "C";
ALTER TABLE documents ALTER COLUMN outlet TYPE TEXT COLLATE "C";
ALTER TABLE documents ALTER COLUMN hash TYPE TEXT COLLATE "C";

CREATE TABLE passages (
    id        BIGSERIAL PRIMARY KEY,
    document  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    signature BYTEA NOT NULL
);
CREATE INDEX passages_document ON passages (document);

CREATE TABLE passage_bands (
    band    INTEGER NOT NULL,
    hash    BIGINT NOT NULL,
    passage BIGINT NOT NULL REFERENCES passages (id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, passage)
);

CREATE TABLE shared_passages (
    passage_a  BIGINT NOT NULL REFERENCES passages (id) ON DELETE CASCADE,
    passage_b  BIGINT NOT NULL REFERENCES passages (id) ON DELETE CASCADE,
    similarity DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (passage_a, passage_b)
);
CREATE INDEX shared_passages_b ON shared_passages (passage_b);

CREATE TABLE passages_indexed (
    document BIGINT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE
);
