"""Add one report to the corpus: resolve its entities, cluster its events and claims, flag
contradictions. Incremental: each step looks up only the candidates an index returns for
the report's keys (a kb id or name, an event type and date, a claim's actor, channel, role,
asset and polarity), never the whole corpus.

The index is any object with the methods of `Index` (rasid.store.corpus.CorpusIndex keeps
it in SQLite, in the store or in memory). Everything else here is pure.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from rasid.corpus import clusters as cl
from rasid.corpus.contradictions import casualty_conflicts, polarity_conflict, quantity_conflict
from rasid.corpus.resolve import absorb, choose, entity_keys, local_entities, name_keys, new_record

Shared = list[tuple[int, int, str]]   # (start, end, hash of the earlier report) of re-published paragraphs


class Index(Protocol):  # pragma: no cover - a structural type
    def has_report(self, digest: str) -> bool: ...
    def add_report(self, report: dict, document: int | None) -> None: ...
    def entities_for_keys(self, keys: list[str]) -> list[dict]: ...
    def entity(self, entity_id: str | None) -> dict | None: ...
    def canonical(self, entity_id: str) -> str: ...
    def next_seq(self) -> int: ...
    def put_entity(self, record: dict, keys: list[str]) -> None: ...
    def merge_entity(self, drop: str, keep: str) -> None: ...
    def link(self, report: str, local: str, entity_id: str, name: str) -> None: ...
    def event_candidates(self, type_: str, date: str) -> list[dict]: ...
    def event_cluster(self, cluster_id: str) -> dict | None: ...
    def present(self, kind: str, cluster_id: str, reports: list[str], origins: list[str]) -> cl.Present: ...
    def put_event(self, cluster: dict, rec: dict) -> None: ...
    def claim_candidates(self, key: str) -> list[dict]: ...
    def put_claim(self, cluster: dict, rec: dict) -> None: ...
    def put_contradiction(self, record: dict) -> None: ...


def add_document(index: Index, doc: dict[str, Any], shared: Sequence[tuple[int, int, str]] = (), *,
                 document: int | None = None) -> bool:
    """Add a stored document dict (OUTPUT.md form, with `doc.text`); False if already there."""
    report = cl.report_of(doc)
    if index.has_report(report["hash"]):
        return False
    links = resolve_entities(index, doc, report["hash"])
    earlier: list[tuple[dict, dict]] = []
    for rec in sorted(cl.event_records(doc, links, list(shared)), key=_position):
        earlier.append((rec, add_event(index, rec, earlier)))
    for rec in cl.claim_records(doc, links, list(shared)):
        add_claim(index, rec)
    index.add_report(report, document)
    return True


def resolve_entities(index: Index, doc: dict[str, Any], digest: str) -> dict[str, str]:
    """Local entity id → corpus entity id, joining or creating corpus entities."""
    links: dict[str, str] = {}
    seen: set[str] = set()   # corpus entities this report already counted
    for local in local_entities(doc):
        keys = entity_keys(local)
        decision = choose(local, index.entities_for_keys(keys), scope=digest)
        record = index.entity(decision.target) or new_record(local, decision.target, index.next_seq())
        for drop in decision.absorb:
            other = index.entity(drop)
            if other and other["id"] != record["id"]:
                absorb(record, other, document=False)
                index.merge_entity(other["id"], record["id"])
        absorb(record, local, document=record["id"] not in seen)
        seen.add(record["id"])
        index.put_entity(record, keys + name_keys([record["name"]], record["type"]))
        for lid in local.ids:
            links[lid] = record["id"]
            index.link(digest, lid, record["id"], local.name)
    return links


def _position(rec: dict[str, Any]) -> int:
    return (rec.get("evidence") or {}).get("start") or 0


def add_event(index: Index, rec: dict[str, Any],
              earlier: Sequence[tuple[dict, dict]] = ()) -> dict[str, Any]:
    """Put an event mention in its cluster (found or new); flag differing casualty figures.
    `earlier`: (mention, cluster) of the events before it in its report."""
    if rec["date"]:
        candidates = index.event_candidates(rec["type"], rec["date"])
        own = {c["id"] for _, c in earlier}
        cluster = cl.best_event_cluster(rec, candidates, index.entity, index.canonical, own)
    else:
        cluster = cl.continued_event(rec, list(earlier), index.entity, index.canonical)
        cluster = index.event_cluster(cluster["id"]) if cluster else None
    if cluster is None:
        cluster, present = cl.new_event_cluster(rec), cl.NOTHING
    else:
        for record in casualty_conflicts(cluster, rec):
            index.put_contradiction(record)
        present = _present(index, "event", cluster["id"], rec)
    cl.join_event_cluster(cluster, rec, present)
    index.put_event(cluster, rec)
    return cluster


def add_claim(index: Index, rec: dict[str, Any]) -> dict[str, Any]:
    """Put a claim mention in its cluster (found or new); flag other amounts and denials."""
    related = [(cl.claim_relation(rec, c, index.entity), c) for c in index.claim_candidates(cl.claim_key(rec))]
    cluster = next((c for rel, c in related if rel == "same"), None)
    present = _present(index, "claim", cluster["id"], rec) if cluster else cl.NOTHING
    cluster = cluster or cl.new_claim_cluster(rec)
    cl.join_claim_cluster(cluster, rec, present)
    index.put_claim(cluster, rec)
    for rel, other in related:
        if rel == "conflict" and other["id"] != cluster["id"]:
            if record := quantity_conflict(other, rec, cluster["id"], _present(index, "claim", other["id"], rec)):
                index.put_contradiction(record)
    opposite = {"affirmed": "negated", "negated": "affirmed"}.get(rec["polarity"])
    if opposite and rec["actor"]:
        for other in index.claim_candidates(cl.claim_key(rec, opposite)):
            if cl.claim_relation(rec, other, index.entity) == "same":
                present = _present(index, "claim", other["id"], rec)
                if record := polarity_conflict(other, rec, cluster["id"], present):
                    index.put_contradiction(record)
    return cluster


def _present(index: Index, kind: str, cluster_id: str, rec: dict[str, Any]) -> cl.Present:
    reports = [x for x in (rec["report"]["hash"], rec["copy_of"]) if x]
    return index.present(kind, cluster_id, reports, [rec["origin"]])


# --- syndication without a store -------------------------------------------------------

def shared_in_memory(docs: Iterable[dict[str, Any]]) -> dict[str, Shared]:
    """Re-published paragraphs between documents given in order (what the store keeps in
    `shared_passages`), for corpora built without a store: report hash → its shared spans."""
    from rasid.corpus.syndication import matches, passages, to_blob
    from rasid.document import Document, Region
    from rasid.text.segment import paragraphs

    bands: dict[tuple[int, int], list[tuple[int, bytes, str]]] = {}   # (band, hash) → (passage, signature, report)
    out: dict[str, Shared] = {}
    count = 0
    for doc in docs:
        text, digest = doc["doc"].get("text"), cl.report_of(doc)["hash"]
        if text is None:
            continue
        regions = [Region(**r) for r in doc.get("boilerplate", [])]
        spans: Shared = []
        for p in passages(Document(text=text, paragraphs=paragraphs(text), boilerplate=regions)):
            keys = list(enumerate(p.bands()))
            seen = {(pid, blob, d) for key in keys for pid, blob, d in bands.get(key, []) if d != digest}
            found = {pid for pid, _ in matches(p, [(pid, blob) for pid, blob, _ in seen])}
            original = min(((pid, d) for pid, _, d in seen if pid in found), default=None)
            if original:
                spans.append((p.start, p.end, original[1]))
            count += 1   # passage ids grow with the order of the documents: the lowest is the earliest
            for key in keys:
                bands.setdefault(key, []).append((count, to_blob(p.signature), digest))
        out[digest] = spans
    return out
