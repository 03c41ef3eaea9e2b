-- Rasid store on PostgreSQL, schema version 3: the corpus layer, as in the SQLite store's
-- 003_corpus.sql (rasid.store.corpus reads and writes both; see that file for what each table
-- holds). `rowid` is a BIGSERIAL standing in for SQLite's own rowid: the order things were
-- first stored, which the corpus layer reads in. Text keys compare byte-wise (COLLATE "C").
CREATE TABLE corpus_reports (
    rowid    BIGSERIAL,
    hash     TEXT COLLATE "C" PRIMARY KEY,
    document BIGINT UNIQUE,
    data     TEXT NOT NULL
);

CREATE TABLE corpus_entities (
    rowid       BIGSERIAL UNIQUE,
    id          TEXT COLLATE "C" PRIMARY KEY,
    type        TEXT COLLATE "C" NOT NULL,
    kb          TEXT COLLATE "C",
    name        TEXT COLLATE "C" NOT NULL,
    merged_into TEXT COLLATE "C",
    data        TEXT NOT NULL
);
CREATE INDEX corpus_entities_kb ON corpus_entities (kb);
CREATE INDEX corpus_entities_merged ON corpus_entities (merged_into);

CREATE TABLE corpus_entity_keys (
    key    TEXT COLLATE "C" NOT NULL,
    entity TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (key, entity)
);
CREATE INDEX corpus_entity_keys_entity ON corpus_entity_keys (entity);

CREATE TABLE corpus_entity_links (
    report TEXT COLLATE "C" NOT NULL,
    local  TEXT COLLATE "C" NOT NULL,
    entity TEXT COLLATE "C" NOT NULL,
    name   TEXT,
    PRIMARY KEY (report, local)
);
CREATE INDEX corpus_entity_links_entity ON corpus_entity_links (entity);

CREATE TABLE corpus_event_clusters (
    rowid BIGSERIAL UNIQUE,
    id    TEXT COLLATE "C" PRIMARY KEY,
    type  TEXT COLLATE "C" NOT NULL,
    date  TEXT COLLATE "C",
    data  TEXT NOT NULL
);
CREATE INDEX corpus_event_clusters_type_date ON corpus_event_clusters (type, date);

CREATE TABLE corpus_event_mentions (
    rowid       BIGSERIAL UNIQUE,
    report      TEXT COLLATE "C" NOT NULL,
    local       TEXT COLLATE "C" NOT NULL,
    cluster     TEXT COLLATE "C" NOT NULL,
    origin      TEXT COLLATE "C" NOT NULL,
    independent INTEGER NOT NULL,
    data        TEXT NOT NULL,
    PRIMARY KEY (report, local)
);
CREATE INDEX corpus_event_mentions_cluster ON corpus_event_mentions (cluster, report);
CREATE INDEX corpus_event_mentions_origin ON corpus_event_mentions (cluster, origin);

CREATE TABLE corpus_claim_clusters (
    rowid   BIGSERIAL UNIQUE,
    id      TEXT COLLATE "C" PRIMARY KEY,
    key     TEXT COLLATE "C" NOT NULL,
    actor   TEXT COLLATE "C",
    channel TEXT COLLATE "C" NOT NULL,
    data    TEXT NOT NULL
);
CREATE INDEX corpus_claim_clusters_key ON corpus_claim_clusters (key);
CREATE INDEX corpus_claim_clusters_actor ON corpus_claim_clusters (actor);

CREATE TABLE corpus_claim_mentions (
    rowid       BIGSERIAL UNIQUE,
    report      TEXT COLLATE "C" NOT NULL,
    local       TEXT COLLATE "C" NOT NULL,
    cluster     TEXT COLLATE "C" NOT NULL,
    origin      TEXT COLLATE "C" NOT NULL,
    independent INTEGER NOT NULL,
    data        TEXT NOT NULL,
    PRIMARY KEY (report, local)
);
CREATE INDEX corpus_claim_mentions_cluster ON corpus_claim_mentions (cluster, report);
CREATE INDEX corpus_claim_mentions_origin ON corpus_claim_mentions (cluster, origin);

CREATE TABLE corpus_participants (
    entity  TEXT COLLATE "C" NOT NULL,
    kind    TEXT COLLATE "C" NOT NULL,
    report  TEXT COLLATE "C" NOT NULL,
    local   TEXT COLLATE "C" NOT NULL,
    channel TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (entity, kind, report, local)
);

CREATE TABLE corpus_contradictions (
    rowid BIGSERIAL UNIQUE,
    id    TEXT COLLATE "C" PRIMARY KEY,
    kind  TEXT COLLATE "C" NOT NULL,
    data  TEXT NOT NULL
);

CREATE TABLE corpus_state (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
