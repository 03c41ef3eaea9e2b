-- Rasid store, schema version 3: the corpus layer (rasid.corpus, rasid.store.corpus).
-- Filled incrementally by rasid.store.corpus.update_corpus after documents are added: every
-- table is keyed so that a document costs index look-ups, never a scan of the corpus. Ids of
-- corpus objects are content hashes (rasid.corpus.*), so rebuilding gives the same ids.
-- Reports are referred to by their hash (documents.hash); `data` columns hold JSON.

-- Reports read into the corpus layer (document = documents.id; null in a corpus kept in memory).
CREATE TABLE corpus_reports (
    hash     TEXT PRIMARY KEY,
    document INTEGER UNIQUE,
    data     TEXT NOT NULL
);

-- One row per real thing. A merged entity keeps its row and points to the one it joined.
CREATE TABLE corpus_entities (
    id          TEXT PRIMARY KEY,
    type        TEXT NOT NULL,
    kb          TEXT,
    name        TEXT NOT NULL,
    merged_into TEXT,
    data        TEXT NOT NULL
);
CREATE INDEX corpus_entities_kb ON corpus_entities (kb);
CREATE INDEX corpus_entities_merged ON corpus_entities (merged_into);

-- How entities are found: `kb:rasid:org/isis`, `name:LOC:ديرالزور` (rasid.corpus.resolve).
CREATE TABLE corpus_entity_keys (
    key    TEXT NOT NULL,
    entity TEXT NOT NULL,
    PRIMARY KEY (key, entity)
) WITHOUT ROWID;
CREATE INDEX corpus_entity_keys_entity ON corpus_entity_keys (entity);

-- A document's local entity (e1 …) → its corpus entity.
CREATE TABLE corpus_entity_links (
    report TEXT NOT NULL,
    local  TEXT NOT NULL,
    entity TEXT NOT NULL,
    name   TEXT,
    PRIMARY KEY (report, local)
) WITHOUT ROWID;
CREATE INDEX corpus_entity_links_entity ON corpus_entity_links (entity);

-- Event clusters, found by type and date (an ISO prefix: 2020, 2020-12, 2020-12-30). A cluster's
-- `data` holds only what stays small (dates, places, actors, distinct figures); its reports and
-- sources are its mention rows, so adding to a large cluster costs the same as to a small one.
CREATE TABLE corpus_event_clusters (
    id   TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    date TEXT,
    data TEXT NOT NULL
);
CREATE INDEX corpus_event_clusters_type_date ON corpus_event_clusters (type, date);

CREATE TABLE corpus_event_mentions (
    report      TEXT NOT NULL,
    local       TEXT NOT NULL,
    cluster     TEXT NOT NULL,
    origin      TEXT NOT NULL,     -- who it comes from (rasid.corpus.clusters.origin_key)
    independent INTEGER NOT NULL,  -- 0: a syndicated copy of a report already in the cluster
    data        TEXT NOT NULL,
    PRIMARY KEY (report, local)
);
CREATE INDEX corpus_event_mentions_cluster ON corpus_event_mentions (cluster, report);
CREATE INDEX corpus_event_mentions_origin ON corpus_event_mentions (cluster, origin);

-- Claim clusters, found by key: actor|channel|role|asset|polarity.
CREATE TABLE corpus_claim_clusters (
    id      TEXT PRIMARY KEY,
    key     TEXT NOT NULL,
    actor   TEXT,
    channel TEXT NOT NULL,
    data    TEXT NOT NULL
);
CREATE INDEX corpus_claim_clusters_key ON corpus_claim_clusters (key);
CREATE INDEX corpus_claim_clusters_actor ON corpus_claim_clusters (actor);

CREATE TABLE corpus_claim_mentions (
    report      TEXT NOT NULL,
    local       TEXT NOT NULL,
    cluster     TEXT NOT NULL,
    origin      TEXT NOT NULL,     -- who it comes from (rasid.corpus.clusters.origin_key)
    independent INTEGER NOT NULL,  -- 0: a syndicated copy of a report already in the cluster
    data        TEXT NOT NULL,
    PRIMARY KEY (report, local)
);
CREATE INDEX corpus_claim_mentions_cluster ON corpus_claim_mentions (cluster, report);
CREATE INDEX corpus_claim_mentions_origin ON corpus_claim_mentions (cluster, origin);

-- Who took part in what (timelines): entity → event mentions (actor or target), claim mentions (actor).
CREATE TABLE corpus_participants (
    entity  TEXT NOT NULL,
    kind    TEXT NOT NULL,   -- event, claim
    report  TEXT NOT NULL,
    local   TEXT NOT NULL,
    channel TEXT NOT NULL,   -- the claim's channel, or `events`
    PRIMARY KEY (entity, kind, report, local)
) WITHOUT ROWID;

CREATE TABLE corpus_contradictions (
    id   TEXT PRIMARY KEY,
    kind TEXT NOT NULL,      -- casualties, quantity, polarity
    data TEXT NOT NULL
);

-- The last documents.id read into the corpus layer.
CREATE TABLE corpus_state (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
