-- Rasid store, schema version 2: re-published paragraphs (syndication).
-- A passage is one prose paragraph of a document with its MinHash signature; its band
-- hashes index it for locality-sensitive look-up (rasid.corpus.syndication). A shared
-- passage links a paragraph to an earlier stored paragraph with the same text.
-- Documents stored before this version get their passages when the store is next opened.

CREATE TABLE passages (
    id        INTEGER PRIMARY KEY,
    document  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    signature BLOB NOT NULL
);
CREATE INDEX passages_document ON passages (document);

CREATE TABLE passage_bands (
    band    INTEGER NOT NULL,
    hash    INTEGER NOT NULL,
    passage INTEGER NOT NULL REFERENCES passages (id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, passage)
) WITHOUT ROWID;

-- passage_a belongs to the document stored first, passage_b to the later one.
CREATE TABLE shared_passages (
    passage_a  INTEGER NOT NULL REFERENCES passages (id) ON DELETE CASCADE,
    passage_b  INTEGER NOT NULL REFERENCES passages (id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    PRIMARY KEY (passage_a, passage_b)
) WITHOUT ROWID;
CREATE INDEX shared_passages_b ON shared_passages (passage_b);

-- Documents whose paragraphs have been compared (some have no prose paragraph at all).
CREATE TABLE passages_indexed (
    document INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE
);
