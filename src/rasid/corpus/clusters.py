"""Events and claims across reports: one corpus event or claim per thing that happened or was said.

Each event or claim of a document becomes a *mention record*: the document's record with
entity ids replaced by corpus entity ids, its evidence text, its report (id, outlet, date)
and, where its evidence lies in a paragraph re-published from an earlier stored report,
that report (`copy_of`). Mention records gather into clusters:

- events: same type, compatible dates (equal, or one the prefix of the other: `2020-12`
  holds `2020-12-30`; a day apart only at the same place), compatible places (the same
  place, or one inside the other: `سوريا` holds `دير الزور`), and at least one shared
  actor or target or the same named place. An undated event joins nothing, except the
  nearest dated event of its type shortly before it in the same report that shares an actor
  or target (the report goes on about the same event).
- claims: same actor, channel, role, asset and polarity, the same kinds of amount (unit
  and rate) with overlapping intervals, compatible times and places.

A cluster counts its *independent sources*: the distinct origins of its mentions — the
named source (a person, a body, an agency), else the outlet that states it — where a
mention carried by a syndicated copy whose original is in the cluster adds nothing.
Cluster ids are content hashes of their first mention, so rebuilding is idempotent.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rasid.corpus.resolve import name_key

Entity = Callable[[str | None], dict[str, Any] | None]   # corpus entity by id (canonical), or None
Canon = Callable[[str], str]                              # canonical corpus entity id

AREA_KINDS = frozenset({"country", "continent", "region", "admin1", "admin2", "admin3"})
APPROX_MARGIN = 0.1   # `نحو 100` overlaps 90–110
COPY_OVERLAP = 0.5    # share of an evidence span inside a re-published paragraph that makes it a copy
CONTINUATION = 800    # characters after a dated event within which an undated one may continue it
MAX_STATEMENTS = 10   # statements kept per casualty figure (the rest are counted)


@dataclass(frozen=True)
class Present:
    """What the index says a cluster already holds, of what a new mention asks about: its
    reports (the mention's own and the one it copies) and independent origins. Clusters keep
    no list of their reports, so joining one costs the same however many it has."""
    reports: frozenset = frozenset()
    origins: frozenset = frozenset()


NOTHING = Present()


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


# --- reports and mention records -------------------------------------------------------

def report_of(doc: dict[str, Any]) -> dict[str, Any]:
    """The report a mention comes from: hash, id, title, outlet, publication date, url."""
    meta = doc.get("doc") or {}
    digest = meta.get("hash")
    if not digest:  # the store's key: sha256 of the text (rasid.store.content_hash)
        text = meta.get("text")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest() if text is not None \
            else short_hash(str(meta.get("id")))
    return {"hash": digest, "id": meta.get("id"), "title": meta.get("title"), "outlet": meta.get("outlet"),
            "published": meta.get("published"), "url": meta.get("url")}


def span(text: str | None, segment: dict | None) -> dict[str, Any] | None:
    if not segment or segment.get("start") is None:
        return None
    out = {"start": segment["start"], "end": segment["end"]}
    if text is not None:
        out["text"] = text[segment["start"]:segment["end"]]
    return out


def copy_of(evidence: dict | None, shared: list[tuple[int, int, str]]) -> str | None:
    """The earlier report whose re-published paragraph holds most of `evidence`, if any."""
    if not evidence:
        return None
    length = max(1, evidence["end"] - evidence["start"])
    for start, end, original in shared:
        overlap = min(end, evidence["end"]) - max(start, evidence["start"])
        if overlap / length >= COPY_OVERLAP:
            return original
    return None


def source_record(source: dict | None, links: dict[str, str], report: dict) -> dict[str, Any]:
    """The source with its entity as a corpus id; the outlet when the text names none."""
    if not source:
        return {"kind": "outlet", "text": report.get("outlet"), "entity": None, "cue": None, "hedged": False}
    return {"kind": source.get("kind") or "outlet", "text": source.get("text"),
            "entity": links.get(source.get("entity") or ""), "cue": source.get("cue"),
            "hedged": bool(source.get("hedged"))}


def origin_key(source: dict[str, Any], report: dict[str, Any], copy: str | None) -> str:
    """Who a statement comes from, for counting independent sources."""
    document = copy or report["hash"]
    text_key = name_key(source.get("text"))
    kind = source.get("kind")
    if kind == "outlet" or not (source.get("entity") or text_key):
        outlet = None if copy else name_key(report.get("outlet"))
        return f"outlet:{outlet}" if outlet else f"doc:{document}"
    if kind == "anonymous":
        return f"anon:{document}:{text_key}"
    return f"ent:{source['entity']}" if source.get("entity") else f"src:{text_key}"


def interval(value: dict | None) -> list | None:
    if not value or (value.get("low") is None and value.get("high") is None):
        return None
    return [value.get("low"), value.get("high")]


def _base(item: dict, doc: dict, report: dict, links: dict, shared: list) -> dict[str, Any]:
    text = (doc.get("doc") or {}).get("text")
    evidence = span(text, item.get("evidence")) or span(text, item.get("trigger"))
    copy = copy_of(evidence, shared)
    source = source_record(item.get("source"), links, report)
    return {"report": report, "local": item["id"], "evidence": evidence, "copy_of": copy,
            "source": source, "origin": origin_key(source, report, copy)}


def event_records(doc: dict[str, Any], links: dict[str, str],
                  shared: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """The events of a document as mention records."""
    report, text = report_of(doc), (doc.get("doc") or {}).get("text")
    out = []
    for ev in doc.get("events", []):
        date = ev.get("date")
        out.append({**_base(ev, doc, report, links, shared), "type": ev.get("type") or "other",
                    "date": date, "date_precision": ev.get("date_precision") or _precision(date),
                    "location": links.get(ev.get("location")),
                    "actors": _ids(ev.get("actors"), links), "targets": _ids(ev.get("targets"), links),
                    "killed": interval(ev.get("killed")), "injured": interval(ev.get("injured")),
                    "trigger": span(text, ev.get("trigger"))})
    return out


def claim_records(doc: dict[str, Any], links: dict[str, str],
                  shared: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """The claims of a document as mention records, their amounts and time written out."""
    report = report_of(doc)
    quantities = {q["id"]: q for q in doc.get("quantities", [])}
    times = {t["id"]: t for t in doc.get("times", [])}
    out = []
    for c in doc.get("claims", []):
        time = times.get(c.get("time")) or {}
        out.append({**_base(c, doc, report, links, shared), "channel": c.get("channel") or "other",
                    "role": c.get("role") or "revenue", "polarity": c.get("polarity") or "affirmed",
                    "actor": links.get(c.get("actor")), "asset": links.get(c.get("asset")),
                    "location": links.get(c.get("location")),
                    "quantities": [_quantity(quantities[q]) for q in c.get("quantities", []) if q in quantities],
                    "time": {k: time.get(k) for k in ("value", "precision", "text")} if time else None})
    return out


def _ids(ids: list | None, links: dict[str, str]) -> list[str]:
    return list(dict.fromkeys(links[i] for i in ids or [] if i in links))


def _quantity(q: dict) -> dict[str, Any]:
    return {k: q.get(k) for k in ("text", "value", "low", "high", "qualifier", "unit", "per", "item")}


def _precision(date: str | None) -> str | None:
    return {4: "year", 7: "month", 10: "day"}.get(len(date)) if date else None


# --- dates and places ------------------------------------------------------------------

def date_relation(a: str | None, b: str | None) -> str | None:
    """`exact`, `within` (one is a prefix of the other), `near` (days one apart) or None."""
    if not a or not b:
        return None
    if a == b:
        return "exact"
    if a.startswith(b) or b.startswith(a):
        return "within"
    if len(a) == len(b) == 10:
        try:
            if abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) == 1:
                return "near"
        except ValueError:
            return None
    return None


def place_relation(a: dict | None, b: dict | None) -> str | None:
    """`same`, `within` (one holds the other), `unknown` (either missing or unlocated) or None (apart)."""
    if a is None or b is None:
        return "unknown"
    if a["id"] == b["id"]:
        return "same"
    if not (a.get("kb") or a.get("country")) or not (b.get("kb") or b.get("country")):
        return "unknown"   # a place nobody could locate: neither the same nor apart
    if _holds(a, b) or _holds(b, a):
        return "within"
    return None


def _holds(outer: dict, inner: dict) -> bool:
    if not _is_area(outer) or not outer.get("country") or outer.get("country") != inner.get("country"):
        return False
    if outer.get("kind") == "country" or outer.get("kind") == "continent":
        return True
    region = outer.get("admin1") or outer.get("name_en")
    return bool(region) and region in (inner.get("admin1"), inner.get("name_en"))


def _is_area(place: dict) -> bool:
    return place.get("kind") in AREA_KINDS or place.get("geo_precision") == 3


# --- event clusters --------------------------------------------------------------------

def event_score(rec: dict, cluster: dict, entity: Entity, canon: Canon, same_report: bool = False) -> float | None:
    """How well a dated event mention fits a cluster; None when it cannot be the same event."""
    if rec["type"] != cluster["type"] or not rec["date"]:
        return None
    dates = [date_relation(rec["date"], d) for d in cluster["dates"]]
    if not dates or None in dates:
        return None
    overlap = _overlap(rec, cluster, entity, canon)
    if overlap is None:
        return None
    actors, targets, same_place = overlap
    if "near" in dates and not (same_place or (same_report and actors and targets)):
        return None
    return 2 * actors + targets + 2 * same_place + ("near" not in dates) + (dates.count("exact") > 0)


def _overlap(rec: dict, cluster: dict, entity: Entity, canon: Canon) -> tuple[int, int, bool] | None:
    """(shared actors, shared targets, same place), or None when the places are apart or
    nothing is shared."""
    places = [place_relation(entity(rec["location"]), entity(p)) for p in cluster["locations"]] \
        if rec["location"] else []
    if None in places:
        return None
    same_place = "same" in places
    actors = len({canon(a) for a in rec["actors"]} & {canon(a) for a in cluster["actors"]})
    targets = len({canon(a) for a in rec["targets"]} & {canon(a) for a in cluster["targets"]})
    if not (actors or targets or same_place):
        return None
    return actors, targets, same_place


def _consistent(rec: dict, cluster: dict, canon: Canon) -> bool:
    """No role contradicts: where both name actors (or targets), they share one."""
    for role in ("actors", "targets"):
        mine, theirs = {canon(x) for x in rec[role]}, {canon(x) for x in cluster[role]}
        if mine and theirs and not mine & theirs:
            return False
    return True


def best_event_cluster(rec: dict, candidates: list[dict], entity: Entity, canon: Canon,
                       own: Iterable[str] = ()) -> dict | None:
    """The best fitting candidate; `own`: ids of clusters the mention's report already joined."""
    own = set(own)
    scored = [(s, c["id"], c) for c in candidates
              if (s := event_score(rec, c, entity, canon, c["id"] in own)) is not None]
    return max(scored, key=lambda x: (x[0], x[1]))[2] if scored else None


def continued_event(rec: dict, earlier: list[tuple[dict, dict]], entity: Entity, canon: Canon) -> dict | None:
    """The cluster an undated event mention continues: the nearest mention before it in the
    same report (within CONTINUATION characters) of the same type, sharing an actor or target
    and contradicting none (where both name targets, they share one), at a compatible place:
    `… الكمين الذي استهدف … وأكدت الوكالة مقتل 40` is one ambush.
    `earlier` holds (mention record, its cluster) of the report's events before it."""
    if rec["date"] or not rec.get("evidence"):
        return None
    start = rec["evidence"]["start"]
    best = None
    for other, cluster in earlier:
        where = (other.get("evidence") or {}).get("start")
        if other["type"] != rec["type"] or where is None or not 0 <= start - where <= CONTINUATION:
            continue
        if _overlap(rec, cluster, entity, canon) is None or not _consistent(rec, cluster, canon):
            continue
        if best is None or where > best[0]:
            best = (where, cluster)
    return best[1] if best else None


def new_event_cluster(rec: dict) -> dict[str, Any]:
    """An empty cluster named after its first mention (join it next)."""
    return {"id": "evt-" + short_hash(rec["report"]["hash"], rec["local"]), "type": rec["type"],
            "date": rec["date"], "date_precision": rec["date_precision"], "dates": [],
            "locations": [], "actors": [], "targets": [], "mentions": 0,
            "figures": {"killed": [], "injured": []}}


def join_event_cluster(cluster: dict, rec: dict, present: Present = NOTHING) -> dict[str, Any]:
    """Add an event mention to its cluster (in place); sets rec["independent"]."""
    _join(cluster, rec, present)
    if rec["date"] and rec["date"] not in cluster["dates"]:
        cluster["dates"].append(rec["date"])
    if rec["date"] and len(rec["date"]) > len(cluster["date"] or ""):
        cluster["date"], cluster["date_precision"] = rec["date"], rec["date_precision"]
    for key in ("actors", "targets"):
        cluster[key] += [x for x in rec[key] if x not in cluster[key]]
    if rec["location"] and rec["location"] not in cluster["locations"]:
        cluster["locations"].append(rec["location"])
    for field in ("killed", "injured"):
        if rec[field]:
            _add_figure(cluster["figures"][field], rec[field], rec)
    return cluster


def statement(rec: dict) -> dict[str, Any]:
    """Who said it where: enough to cite one mention."""
    return {"document": rec["report"]["hash"], "doc_id": rec["report"]["id"], "local": rec["local"],
            "outlet": rec["report"]["outlet"], "published": rec["report"]["published"],
            "source": rec["source"], "origin": rec["origin"],
            "evidence": (rec.get("evidence") or {}).get("text")}


def _add_figure(figures: list[dict], value: list, rec: dict) -> None:
    for figure in figures:
        if [figure["low"], figure["high"]] == value:
            figure["count"] = figure.get("count", len(figure["statements"])) + 1
            if len(figure["statements"]) < MAX_STATEMENTS:
                figure["statements"].append(statement(rec))
            return
    figures.append({"low": value[0], "high": value[1], "count": 1, "statements": [statement(rec)]})


def _join(cluster: dict, rec: dict, present: Present) -> None:
    """A mention carried by a syndicated copy of a report already in the cluster is not independent."""
    original = rec["copy_of"]
    rec["independent"] = not (original and original in present.reports)
    cluster["mentions"] += 1


def summarise(cluster: dict, mentions: list[dict], canon: Canon | None = None) -> dict[str, Any]:
    """A stored cluster with what its mention records tell: `reports` (the records), `documents`,
    `copies`, `origins` (each independent source: kind, text, entity, the reports carrying it)
    and `independent_sources`."""
    cluster = dict(cluster, reports=mentions, documents=[], copies=[], origins={})
    for rec in mentions:
        digest = rec["report"]["hash"]
        if digest not in cluster["documents"]:
            cluster["documents"].append(digest)
        if not rec.get("independent", True):
            cluster["copies"].append({"document": digest, "copy_of": rec["copy_of"]})
            continue
        key = canonical_origin(rec["origin"], canon)
        origin = cluster["origins"].setdefault(key, {"kind": rec["source"]["kind"], "text": rec["source"]["text"],
                                                     "entity": rec["source"]["entity"], "documents": []})
        if digest not in origin["documents"]:
            origin["documents"].append(digest)
    cluster["independent_sources"] = len(cluster["origins"])
    return cluster


def canonical_origin(key: str, canon: Canon | None) -> str:
    return f"ent:{canon(key[4:])}" if canon and key.startswith("ent:") else key


# --- claim clusters --------------------------------------------------------------------

def claim_key(rec: dict, polarity: str | None = None) -> str:
    """The statement a claim makes, less its amount: actor, channel, role, asset, polarity.
    A claim whose actor the report does not name matches only within its own report."""
    actor = rec["actor"] or "-@" + rec["report"]["hash"][:16]
    return "|".join([actor, rec["channel"], rec["role"], rec["asset"] or "-", polarity or rec["polarity"]])


def bounds(quantities: list[dict]) -> dict[str, list]:
    """The interval of the first amount of each kind (`USD/`, `barrel/day`), approximations widened."""
    out: dict[str, list] = {}
    for q in quantities:
        if not q.get("unit"):
            continue
        kind = f"{q['unit']}/{q.get('per') or ''}"
        if kind in out:
            continue
        low, high = q.get("low"), q.get("high")
        if low is None and high is None and q.get("value") is not None:
            low = high = q["value"]
        if q.get("qualifier") == "approx":
            low = low * (1 - APPROX_MARGIN) if low is not None else None
            high = high * (1 + APPROX_MARGIN) if high is not None else None
        out[kind] = [low, high]
    return out


def overlaps(a: list, b: list) -> bool:
    """Whether two intervals (None = unbounded) share a value."""
    low = max(x for x in (a[0], b[0], float("-inf")) if x is not None)
    high = min(x for x in (a[1], b[1], float("inf")) if x is not None)
    return low <= high


def when(rec: dict) -> list:
    """[time, stated]: the claim's time, else the year of its report (not stated)."""
    if rec.get("time") and rec["time"].get("value"):
        return [rec["time"]["value"], True]
    published = rec["report"].get("published")
    return [published[:4], False] if published else [None, False]


def when_compatible(a: list, b: list) -> bool:
    if a[0] is None or b[0] is None:
        return True
    if a[1] and b[1]:
        return date_relation(a[0], b[0]) in ("exact", "within")
    try:
        return abs(int(a[0][:4]) - int(b[0][:4])) <= 1
    except ValueError:
        return True


def claim_relation(rec: dict, cluster: dict, entity: Entity) -> str | None:
    """`same` (it states the cluster's claim), `conflict` (the same measure, another amount) or None."""
    measured = bounds(rec["quantities"])
    if set(measured) != set(cluster["bounds"]):
        return None
    if not all(when_compatible(when(rec), w) for w in cluster["whens"]):
        return None
    if rec["location"] and any(place_relation(entity(rec["location"]), entity(p)) is None
                               for p in cluster["locations"]):
        return None
    for kind, value in measured.items():
        if not all(overlaps(value, other) for other in cluster["bounds"][kind]):
            return "conflict"
    return "same"


def new_claim_cluster(rec: dict) -> dict[str, Any]:
    return {"id": "clm-" + short_hash(rec["report"]["hash"], rec["local"]), "key": claim_key(rec),
            "actor": rec["actor"], "channel": rec["channel"], "role": rec["role"], "asset": rec["asset"],
            "polarity": rec["polarity"], "bounds": {k: [] for k in bounds(rec["quantities"])},
            "whens": [], "locations": [], "mentions": 0, "figures": []}


def join_claim_cluster(cluster: dict, rec: dict, present: Present = NOTHING) -> dict[str, Any]:
    """Add a claim mention to its cluster (in place); sets rec["independent"]."""
    _join(cluster, rec, present)
    for kind, value in bounds(rec["quantities"]).items():
        if value not in cluster["bounds"].setdefault(kind, []):
            cluster["bounds"][kind].append(value)
    if when(rec) not in cluster["whens"]:
        cluster["whens"].append(when(rec))
    if rec["location"] and rec["location"] not in cluster["locations"]:
        cluster["locations"].append(rec["location"])
    texts = [q["text"] for q in rec["quantities"] if q.get("text")]
    if texts and not any(f["text"] == texts[0] for f in cluster["figures"]):
        cluster["figures"].append({"text": texts[0], "statement": statement(rec)})
    return cluster
