"""What the analyst's desk reads from a store: documents, entities, event and claim clusters,
search, timelines, the actor network and an overview — plain dicts, ready to be sent as JSON.

`Desk(conn)` works over one read-only connection: SQLite (rasid.store.sqlite.connect with
`read_only=True`) or PostgreSQL (rasid.store.dialect.connect_postgres); nothing here writes. Every list is sorted stably (ties broken by insertion
order) and paged by `Page` (offset and a capped limit). SQL takes bound parameters only: no
value from a request is ever formatted into a statement.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rasid.corpus import clusters as cl
from rasid.corpus.timeline import by_channel
from rasid.store.corpus import CorpusIndex
from rasid.store import is_postgres_url
from rasid.store.dialect import Connection, best_matches, connect_postgres, contains, match_condition
from rasid.store.search import marked_snippet, parse_query
from rasid.store.sqlite import COUNTED_KINDS, connect

MAX_PAGE = 200      # the largest page a client may ask for
MAX_OFFSET = 10**9  # the largest offset (SQLite's integers end at 2**63)
DEFAULT_PAGE = 50
_TOP = 10           # actors and channels on the overview
_LATEST = 10        # contradictions on the overview
_WEEKS = 520        # weeks the overview's chart spans at most (ten years)
_MENTIONS = 500     # mentions listed on an entity's page (their count is given)
_EDGE_REPORTS = 20  # report ids listed on a network edge (its weight counts them all)
SORTS = ("first", "sources", "reports", "date")  # how cluster lists may be ordered ("first": as first told)


@dataclass(frozen=True)
class Page:
    limit: int = DEFAULT_PAGE
    offset: int = 0

    def __post_init__(self):
        if not 1 <= self.limit <= MAX_PAGE:
            raise ValueError(f"limit must be between 1 and {MAX_PAGE}")
        if not 0 <= self.offset <= MAX_OFFSET:
            raise ValueError(f"offset must be between 0 and {MAX_OFFSET}")

    def of(self, items: list) -> dict[str, Any]:
        """The page's slice of `items` (every match, in order) with the paging figures."""
        return self.holding(items[self.offset:self.offset + self.limit], len(items))

    def holding(self, chosen: list, total: int) -> dict[str, Any]:
        """The paging figures around `chosen`, the page's items already cut out (by SQL)."""
        following = self.offset + self.limit
        return {"items": chosen, "total": total, "limit": self.limit, "offset": self.offset,
                "next_offset": following if following < total else None}


@dataclass(frozen=True)
class ClusterFilter:
    """What `events` and `claims` keep; None keeps everything."""
    actor: str | None = None
    place: str | None = None
    type: str | None = None        # events
    channel: str | None = None     # claims
    role: str | None = None        # claims
    date_from: str | None = None
    date_to: str | None = None
    min_sources: int = 0
    contradicted: bool = False


@contextmanager
def reading(db: Path | str) -> Iterator[Desk]:
    """A desk over a read-only connection of its own to the store at `db` (a SQLite file or a
    postgresql:// URL), closed after use."""
    if is_postgres_url(db):
        conn = connect_postgres(str(db), read_only=True)
    else:
        conn = connect(db, read_only=True, any_thread=True)  # opened by a dependency, used by the handler
    try:
        yield Desk(conn)
    finally:
        conn.close()


class Desk:
    def __init__(self, conn: Connection):
        self.conn = conn
        self.corpus = CorpusIndex(conn)

    # documents

    def documents(self, page: Page, *, outlet: str | None = None, published_from: str | None = None,
                  published_to: str | None = None, query: str | None = None) -> dict[str, Any]:
        """Stored reports, newest first: hash (the id), title, date, outlet and counts."""
        where, args = [], []
        if outlet:
            where.append("d.outlet = ?")
            args.append(outlet)
        if published_from:
            where.append("d.published >= ?")
            args.append(published_from)
        if published_to:
            where.append("d.published <= ?")
            args.append(published_to + "~")  # a prefix date (2021-02) takes in its days
        if query:
            matching = match_condition(self.conn, parse_query(query))
            if matching is None:
                return page.of([])
            where.append(matching[0])
            args.extend(matching[1])
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        total = self.conn.execute(f"SELECT count(*) FROM documents AS d{clause}", args).fetchone()[0]
        rows = self.conn.execute(
            "SELECT d.id, d.hash, d.doc_id, d.title, d.published, d.outlet, d.url FROM documents AS d"
            f"{clause} ORDER BY d.published IS NULL, d.published DESC, d.id DESC LIMIT ? OFFSET ?",
            [*args, page.limit, page.offset]).fetchall()
        counts = self._counts([r["id"] for r in rows])
        items = [{"id": r["hash"], "doc_id": r["doc_id"], "title": r["title"], "published": r["published"],
                  "outlet": r["outlet"], "url": r["url"], "counts": counts.get(r["id"], {})} for r in rows]
        return page.holding(items, total)

    def _counts(self, ids: list[int]) -> dict[int, dict[str, int]]:
        out: dict[int, dict[str, int]] = defaultdict(dict)
        if ids:
            for doc, kind, n in self.conn.execute(
                    f"SELECT document, kind, n FROM annotation_counts WHERE document IN ({','.join('?' * len(ids))})",
                    ids):
                out[doc][kind] = n
        return out

    def document(self, digest: str) -> dict[str, Any] | None:
        """One report as its OUTPUT.md object, with its text, and the clusters its items joined."""
        row = self.conn.execute("SELECT hash, text, annotations FROM documents WHERE hash = ?", (digest,)).fetchone()
        if row is None:
            return None
        data = json.loads(row["annotations"])
        data["doc"] = {**data["doc"], "text": row["text"], "hash": row["hash"]}
        if self._corpus_ready():
            data["clusters"] = {kind: {r[0]: r[1] for r in self.conn.execute(
                f"SELECT local, cluster FROM corpus_{kind}_mentions WHERE report = ? ORDER BY local", (digest,))}
                for kind in ("event", "claim")}
            data["related"] = self._related(digest, data["clusters"])
        return data

    def _related(self, digest: str, clusters: dict[str, dict[str, str]]) -> dict[str, dict[str, Any]]:
        """Per item of the report (c1, v2 …): the other reports that say the same (its cluster's
        mentions elsewhere) and the clusters that contradict it."""
        contradictions: dict[str, set[str]] = defaultdict(set)
        for record in self.corpus.contradictions():
            for subject in record["subjects"]:
                contradictions[subject].update(s for s in record["subjects"] if s != subject)
        out = {}
        for kind, items in clusters.items():
            for local, cluster in items.items():
                others = [{"document": r[0], "item": r[1], "title": r[2]} for r in self.conn.execute(
                    f"SELECT m.report, m.local, d.title FROM corpus_{kind}_mentions AS m"
                    " LEFT JOIN documents AS d ON d.hash = m.report WHERE m.cluster = ? AND m.report != ?"
                    " ORDER BY m.rowid LIMIT 20", (cluster, digest))]
                out[local] = {"cluster": cluster, "same": others, "contradicted_by": sorted(contradictions[cluster])}
        return out

    # entities

    def entities(self, page: Page, *, type_: str | None = None, query: str | None = None,
                 kb: str | None = None) -> dict[str, Any]:
        """Corpus entities (merged ones left out), most mentioned first."""
        if not self._corpus_ready():
            return page.of([])
        where, args = ["merged_into IS NULL"], []
        if type_:
            where.append("type = ?")
            args.append(type_)
        if kb:
            where.append("kb = ?")
            args.append(kb)
        if query and query.strip():
            found = [e["id"] for e in self.corpus.find_entities(query)]
            like = [r[0] for r in self.conn.execute(
                f"SELECT id FROM corpus_entities WHERE merged_into IS NULL AND {contains(self.conn, 'name')}",
                (query.strip(),))]
            ids = list(dict.fromkeys(found + like))
            if not ids:
                return page.of([])
            where.append(f"id IN ({','.join('?' * len(ids))})")
            args.extend(ids)
        rows = self.conn.execute(f"SELECT data FROM corpus_entities WHERE {' AND '.join(where)} ORDER BY rowid",
                                 args).fetchall()
        items = sorted((json.loads(r[0]) for r in rows), key=lambda e: -int(e.get("mentions", 0)))
        return page.of(items)

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        """One entity with its mentions (report, local id, the name used) and the clusters of the
        events and claims it takes part in."""
        if not self._corpus_ready():
            return None
        entity = self.corpus.entity(entity_id)
        if entity is None:
            return None
        ids = [r[0] for r in self.conn.execute(
            "SELECT id FROM corpus_entities WHERE id = ? OR merged_into = ?", (entity["id"], entity["id"]))]
        marks = ",".join("?" * len(ids))
        mentions = [{"document": r[0], "local": r[1], "name": r[2], "title": r[3]} for r in self.conn.execute(
            "SELECT l.report, l.local, l.name, d.title FROM corpus_entity_links AS l"
            " LEFT JOIN documents AS d ON d.hash = l.report"
            f" WHERE l.entity IN ({marks}) ORDER BY l.report, l.local LIMIT ?", [*ids, _MENTIONS])]
        entity["mention_count"] = self.conn.execute(
            f"SELECT count(*) FROM corpus_entity_links WHERE entity IN ({marks})", ids).fetchone()[0]
        taking_part = {}
        for kind in ("event", "claim"):
            taking_part[f"{kind}s"] = [r[0] for r in self.conn.execute(
                f"SELECT DISTINCT m.cluster FROM corpus_participants AS p JOIN corpus_{kind}_mentions AS m"
                " ON m.report = p.report AND m.local = p.local"
                f" WHERE p.kind = ? AND p.entity = ? ORDER BY m.cluster", (kind, entity["id"]))]
        return {**entity, "mention_list": mentions, **taking_part}

    # events and claims

    def events(self, page: Page, where: ClusterFilter, sort: str = "first") -> dict[str, Any]:
        return self._cluster_page("event", page, where, sort)

    def claims(self, page: Page, where: ClusterFilter, sort: str = "first") -> dict[str, Any]:
        return self._cluster_page("claim", page, where, sort)

    def cluster(self, kind: str, cluster_id: str) -> dict[str, Any] | None:
        if not self._corpus_ready():
            return None
        found = self.corpus.cluster(kind, cluster_id)
        return self._summarised(kind, found, self._contradictions_by_subject()) if found else None

    def _cluster_page(self, kind: str, page: Page, where: ClusterFilter, sort: str) -> dict[str, Any]:
        """The clusters of `kind` the filter keeps, sorted, one page of them summarised. Filtering
        and sorting read only the clusters' own small records and three grouped counts; the
        page's clusters alone get their reports, sources and entities (a corpus of thousands of
        clusters costs a few queries, not thousands)."""
        if not self._corpus_ready():
            return page.of([])
        sql, args = f"SELECT data FROM corpus_{kind}_clusters", []
        if kind == "event" and where.type:
            sql, args = sql + " WHERE type = ?", [where.type]
        elif kind == "claim" and where.channel:
            sql, args = sql + " WHERE channel = ?", [where.channel]
        clusters = [json.loads(r[0]) for r in self.conn.execute(sql + " ORDER BY rowid", args).fetchall()]
        sources, reports = self._independent_counts(kind), self._report_counts(kind)
        contradictions = self._contradictions_by_subject()
        for c in clusters:
            c["independent_sources"], c["contradictions"] = sources.get(c["id"], 0), contradictions.get(c["id"], [])
        canon = self.corpus.canonical
        where = replace(where, actor=canon(where.actor) if where.actor else None,
                        place=canon(where.place) if where.place else None)
        kept = [c for c in clusters if _keeps(c, where, kind, canon)]
        if sort == "date":
            kept.sort(key=_latest_date, reverse=True)  # the undated ("") last
        elif sort in _SORTS:
            kept.sort(key=lambda c: _SORTS[sort](c, reports.get(c["id"], 0)))
        chosen = [self._summarised(kind, c, contradictions) for c in kept[page.offset:page.offset + page.limit]]
        return page.holding(chosen, len(kept))

    def _independent_counts(self, kind: str) -> dict[str, int]:
        """Cluster id → its independent sources (distinct origins, merged entities as one)."""
        origins: dict[str, set[str]] = defaultdict(set)
        for cluster, origin in self.conn.execute(
                f"SELECT DISTINCT cluster, origin FROM corpus_{kind}_mentions WHERE independent = 1"):
            origins[cluster].add(cl.canonical_origin(origin, self.corpus.canonical))
        return {cluster: len(found) for cluster, found in origins.items()}

    def _report_counts(self, kind: str) -> dict[str, int]:
        return dict(self.conn.execute(
            f"SELECT cluster, count(DISTINCT report) FROM corpus_{kind}_mentions GROUP BY cluster").fetchall())

    def _summarised(self, kind: str, cluster: dict, contradictions: dict[str, list[str]]) -> dict[str, Any]:
        mentions = [json.loads(r[0]) for r in self.conn.execute(
            f"SELECT data FROM corpus_{kind}_mentions WHERE cluster = ? ORDER BY rowid", (cluster["id"],))]
        out = cl.summarise(cluster, mentions, self.corpus.canonical)
        out["contradictions"] = contradictions.get(cluster["id"], [])
        out["entities"] = {e: self.corpus.entity(e) for e in _entity_ids(out)}
        return out

    def _contradictions_by_subject(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for record in self.corpus.contradictions():
            for subject in record["subjects"]:
                out[subject].append(record["id"])
        return out

    def contradictions(self, page: Page) -> dict[str, Any]:
        items = list(self.corpus.contradictions()) if self._corpus_ready() else []
        return page.of(items[::-1])  # the latest first

    # search, timeline, network

    def search(self, query: str, page: Page) -> dict[str, Any]:
        """Reports matching every word (any clitic form) and phrase, best first, each with a
        snippet and the character spans of the matches in it."""
        parsed = parse_query(query)
        matching = match_condition(self.conn, parsed)
        if matching is None:
            return page.of([])
        total = self.conn.execute(f"SELECT count(*) FROM documents AS d WHERE {matching[0]}", matching[1]).fetchone()[0]
        rows = best_matches(self.conn, parsed, page.limit, page.offset)
        items = []
        for r in rows:
            text, spans = marked_snippet(r["text"], parsed)
            items.append({"id": r["hash"], "doc_id": r["doc_id"], "title": r["title"], "published": r["published"],
                          "outlet": r["outlet"], "score": float(r["score"]), "snippet": text,
                          "highlights": [list(span) for span in spans]})
        return page.holding(items, total)

    def timeline(self, actor: str, channel: str | None = None) -> list[dict[str, Any]]:
        """Per actor the query names: its claims per channel and its events, in time order."""
        if not self._corpus_ready():
            return []
        return [{"entity": e, "channels": by_channel(self.corpus.timeline(e["id"]), channel)}
                for e in self.corpus.find_entities(actor)]

    def network(self, actor: str | None = None) -> dict[str, Any]:
        """Actors (the parties of events and the actors of claims) linked where a report tells
        them together; an edge's weight is the number of such reports. With `actor`, the actors
        around the ones it names."""
        if not self._corpus_ready():
            return {"nodes": [], "edges": []}
        centre = {e["id"] for e in self.corpus.find_entities(actor)} if actor else set()
        sql, args = "SELECT DISTINCT entity, report FROM corpus_participants", []
        if actor and not centre:
            return {"nodes": [], "edges": []}
        if actor:  # only the reports that tell one of the actors the name means (merges re-key them)
            marks = ",".join("?" * len(centre))
            sql += f" WHERE report IN (SELECT report FROM corpus_participants WHERE entity IN ({marks}))"
            args = sorted(centre)
        parties: dict[str, set[str]] = defaultdict(set)
        for entity, report in self.conn.execute(sql, args):
            parties[report].add(self.corpus.canonical(entity))
        together: dict[tuple[str, str], set[str]] = defaultdict(set)
        for report, ids in parties.items():
            ordered = sorted(ids)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1:]:
                    together[a, b].add(report)
        if actor:
            together = {pair: r for pair, r in together.items() if centre & set(pair)}
        ids = sorted({e for pair in together for e in pair} | centre) if actor else sorted(
            {e for ids in parties.values() for e in ids})
        nodes = [n for n in (self.corpus.entity(e) for e in ids) if n]
        edges = [{"source": a, "target": b, "weight": len(r), "reports": sorted(r)[:_EDGE_REPORTS]}
                 for (a, b), r in sorted(together.items())]
        return {"nodes": nodes, "edges": edges}

    def event_points(self) -> dict[str, Any]:
        """Every event cluster at a place the gazetteer locates, as GeoJSON points (what the map
        draws: id, type, date, place, reports), read from the clusters' small records at once."""
        features = []
        if not self._corpus_ready():
            return {"type": "FeatureCollection", "features": features}
        reports = self._report_counts("event")
        for (data,) in self.conn.execute("SELECT data FROM corpus_event_clusters ORDER BY rowid"):
            cluster = json.loads(data)
            for place_id in cluster.get("locations", []):
                place = self.corpus.entity(place_id)
                if not place or place.get("lat") is None or place.get("lon") is None:
                    continue
                features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                                 "properties": {"id": cluster["id"], "type": cluster["type"], "date": cluster.get("date"),
                                                "place": place["name"], "place_id": place["id"],
                                                "reports": reports.get(cluster["id"], 0)}})
        return {"type": "FeatureCollection", "features": features}

    # overview

    def overview(self) -> dict[str, Any]:
        """What the desk's first page shows: counts, reports per week, the most active actors and
        channels, and the latest contradictions."""
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        counts = dict.fromkeys(COUNTED_KINDS, 0)
        counts.update(self.conn.execute("SELECT kind, sum(n) FROM annotation_counts GROUP BY kind"))
        out: dict[str, Any] = {"documents": one("SELECT count(*) FROM documents"), "annotations": counts,
                               "per_week": _per_week(r[0] for r in self.conn.execute(
                                   "SELECT published FROM documents WHERE published IS NOT NULL")),
                               "top_actors": [], "top_channels": [], "latest_contradictions": [],
                               "corpus": {}}
        if not self._corpus_ready():
            return out
        out["corpus"] = {
            "entities": one("SELECT count(*) FROM corpus_entities WHERE merged_into IS NULL"),
            "events": one("SELECT count(*) FROM corpus_event_clusters"),
            "claims": one("SELECT count(*) FROM corpus_claim_clusters"),
            "contradictions": one("SELECT count(*) FROM corpus_contradictions")}
        actors = Counter()
        for entity, n in self.conn.execute("SELECT entity, count(DISTINCT report) FROM corpus_participants"
                                           " GROUP BY entity"):
            actors[self.corpus.canonical(entity)] += n
        out["top_actors"] = [{"entity": self.corpus.entity(e), "reports": n}
                             for e, n in sorted(actors.items(), key=lambda x: (-x[1], x[0]))[:_TOP]]
        out["top_channels"] = [{"channel": c, "claims": n} for c, n in self.conn.execute(
            "SELECT channel, count(*) AS n FROM corpus_claim_clusters GROUP BY channel ORDER BY n DESC, channel"
            " LIMIT ?", (_TOP,))]
        out["latest_contradictions"] = self.contradictions(Page(_LATEST))["items"]
        return out

    def _corpus_ready(self) -> bool:
        return self.corpus.ready()


def _latest_date(cluster: dict[str, Any]) -> str:
    return max((d for d in _dates(cluster, "event" if "type" in cluster else "claim") if d), default="")


_SORTS = {"sources": lambda c, n: (-c["independent_sources"], -n),
          "reports": lambda c, n: (-n, -c["independent_sources"])}


def _keeps(cluster: dict[str, Any], where: ClusterFilter, kind: str, canon=lambda e: e) -> bool:
    """Whether a cluster passes the filter (the type or channel was applied in SQL); entity ids
    are compared as the entities they were merged into (`canon`)."""
    if where.role and cluster.get("role") != where.role:
        return False
    if where.actor and where.actor not in {canon(e) for e in _actors(cluster, kind)}:
        return False
    if where.place and where.place not in {canon(e) for e in cluster.get("locations", [])}:
        return False
    if where.min_sources and cluster["independent_sources"] < where.min_sources:
        return False
    if where.contradicted and not cluster["contradictions"]:
        return False
    dates = _dates(cluster, kind)
    if where.date_from and not any(d and d + "~" >= where.date_from for d in dates):
        return False
    return not (where.date_to and not any(d and d <= where.date_to + "~" for d in dates))


def _actors(cluster: dict[str, Any], kind: str) -> set[str]:
    if kind == "claim":
        return {cluster.get("actor")} - {None}
    return set(cluster.get("actors", [])) | set(cluster.get("targets", []))


def _dates(cluster: dict[str, Any], kind: str) -> list[str | None]:
    if kind == "event":
        return list(cluster.get("dates") or [cluster.get("date")])
    return [when for when, *_ in cluster.get("whens", [])]


def _entity_ids(cluster: dict[str, Any]) -> list[str]:
    ids = [cluster.get("actor"), cluster.get("asset"), *cluster.get("actors", []), *cluster.get("targets", []),
           *cluster.get("locations", [])]
    return list(dict.fromkeys(i for i in ids if i))


def _per_week(published) -> list[dict[str, Any]]:
    """Reports per week (Monday's date) of the reports dated to the day, every week from the
    first to the last (the last `_WEEKS` at most), so that a chart's axis is time."""
    weeks: Counter = Counter()
    for value in published:
        try:
            day = date.fromisoformat(value[:10]) if len(value) >= 10 else None
        except ValueError:
            day = None
        if day is not None:
            weeks[day - timedelta(days=day.weekday())] += 1
    if not weeks:
        return []
    last = max(weeks)
    first = max(min(weeks), last - timedelta(weeks=_WEEKS - 1))
    span = (last - first).days // 7 + 1
    return [{"week": (first + timedelta(weeks=k)).isoformat(), "reports": weeks[first + timedelta(weeks=k)]}
            for k in range(span)]
