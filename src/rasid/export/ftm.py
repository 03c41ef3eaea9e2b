"""FollowTheMoney entities (JSON lines) for Aleph and the OpenSanctions tools, built with the
`followthemoney` library so every value is cleaned by its type on the way out.

- Article: each report (title, date, outlet, url) — the `proof` of everything below.
- Person, Organization: corpus entities of type PER and ORG (names, aliases, English name,
  country); Address: places (name, coordinates, country, admin1).
- Event: each corpus event (type, date, place, actors as organizer and involved, casualty
  figures with their sources, flagged when sources differ).
- Note: each corpus claim (actor, channel, role, amounts, time), its sources and the number
  of independent ones in the description.
- Payment: each claim or event that states a transfer (role `transfer`, `funds_transfer`):
  the actor as payer; the recipient the report names, else an unnamed LegalEntity.
- Mention: each name a report gives an entity, resolved to the corpus entity.
Ids: `rasid-org-isis` for knowledge-base entities, the corpus ids (`ent-…`, `evt-…`,
`clm-…`) otherwise, `rasid-report-…` for reports — stable across runs.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

from rasid.corpus.clusters import short_hash
from rasid.export.common import contradictions_by_cluster, figures_text, label, origin_labels, outlets

SCHEMAS = {"PER": "Person", "ORG": "Organization", "LOC": "Address"}
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def entity_id(entity: dict) -> str:
    kb = entity.get("kb")
    if kb:
        return "rasid-" + re.sub(r"[^a-z0-9.]+", "-", kb.lower().removeprefix("rasid:")).strip("-")
    return entity["id"]


def report_id(digest: str) -> str:
    return f"rasid-report-{digest[:24]}"


def make(schema: str, id_: str, **props: Any) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = id_
    for prop, values in props.items():
        for value in values if isinstance(values, (list, tuple, set)) else [values]:
            if value is not None and value != "":
                proxy.add(prop, value)
    return proxy


def article(report: dict) -> EntityProxy:
    return make("Article", report_id(report["hash"]), title=report.get("title"),
                name=report.get("title") or report.get("id") or report["hash"][:12],
                publishedAt=report.get("published"), publisher=report.get("outlet"),
                sourceUrl=report.get("url"), language="ara", fileName=report.get("id"))


def party(entity: dict) -> EntityProxy | None:
    schema = SCHEMAS.get(entity["type"])
    if schema is None:
        return None
    names = {"name": entity["name"], "alias": [entity.get("name_en"), *entity.get("aliases", [])],
             "country": entity.get("country"),
             "description": f"Rasid knowledge base: {entity['kb']}" if entity.get("kb") else None}
    if schema == "Address":
        return make(schema, entity_id(entity), full=entity["name"], latitude=entity.get("lat"),
                    longitude=entity.get("lon"), region=entity.get("admin1"), **names)
    return make(schema, entity_id(entity), **names)


def _ids(view, ids: list[str], schemas=("Person", "Organization")) -> list[str]:
    found = [e for e in map(view.entity, ids) if e and SCHEMAS.get(e["type"]) in schemas]
    return list(dict.fromkeys(entity_id(e) for e in found))


def _proof(cluster: dict) -> dict[str, Any]:
    reports = [r["report"] for r in cluster.get("reports", [])]
    return {"proof": list(dict.fromkeys(report_id(r["hash"]) for r in reports)),
            "sourceUrl": [r.get("url") for r in reports], "publisher": outlets(cluster)}


def event(cluster: dict, view, flags: list[dict]) -> EntityProxy:
    place = next((p for p in map(view.entity, cluster["locations"]) if p), None)
    killed = figures_text(cluster["figures"]["killed"])
    summary = "; ".join(x for x in (f"killed {killed}" if killed else "",
                                    "figures differ between sources" if flags else "") if x)
    name = ", ".join(x for x in (cluster["type"], cluster["date"], label(place)) if x)
    description = "\n".join(_statement_lines(cluster))
    return make("Event", cluster["id"], name=name, date=cluster["date"], location=label(place),
                country=(place or {}).get("country"),
                addressEntity=entity_id(place) if place and place["type"] == "LOC" else None,
                organizer=_ids(view, cluster["actors"]),
                involved=_ids(view, cluster["actors"] + cluster["targets"]),
                summary=summary or None, description=description, **_proof(cluster))


def note(cluster: dict, view, flags: list[dict]) -> EntityProxy:
    actor, asset = view.entity(cluster["actor"]), view.entity(cluster["asset"])
    what = f"{cluster['channel']} {cluster['role']}" + ("" if cluster["polarity"] == "affirmed"
                                                        else f" ({cluster['polarity']})")
    amounts = " | ".join(f["text"] for f in cluster["figures"])
    lines = [f"claim: {label(actor) or '?'} — {what}" + (f" — {amounts}" if amounts else ""),
             f"independent sources: {cluster['independent_sources']} of {len(cluster['documents'])} reports"]
    lines += [f"contradicted ({f['kind']}) by {', '.join(s for s in f['subjects'] if s != cluster['id'])}"
              for f in flags]
    return make("Note", cluster["id"], name=f"{label(actor) or '?'}: {what}",
                entity=[entity_id(e) for e in (actor, asset) if e], summary=amounts or None,
                description="\n".join(lines + _statement_lines(cluster)), **_proof(cluster))


def _statement_lines(cluster: dict) -> list[str]:
    lines = [f"source: {s}" for s in origin_labels(cluster)]
    for rec in cluster.get("reports", []):
        who = rec["source"].get("text") or rec["report"].get("outlet") or ""
        evidence = (rec.get("evidence") or {}).get("text") or ""
        copy = " (syndicated copy)" if not rec.get("independent", True) else ""
        lines.append(f"[{rec['report'].get('id') or rec['report']['hash'][:12]}] {rec['source']['kind']}: "
                     f"{who}{copy} — {evidence}")
    return lines


def payments(cluster: dict, view, payer_ids: list[str]) -> Iterator[EntityProxy]:
    """A Payment for a stated transfer: the actor pays; the named recipient or an unnamed one."""
    if not payer_ids:
        return
    recipients = _ids(view, cluster.get("targets", []))
    places = [label(p) for p in map(view.entity, cluster.get("locations", [])) if p]
    if not recipients:
        unnamed = make("LegalEntity", f"{cluster['id']}-recipient", name="Unnamed recipient",
                       description=("The report names no recipient"
                                    + (f"; destination: {', '.join(places)}" if places else "")),
                       country=[p.get("country") for p in map(view.entity, cluster.get("locations", [])) if p])
        yield unnamed
        recipients = [str(unnamed.id)]
    amount, currency = _amount(cluster)
    yield make("Payment", f"pay-{short_hash(cluster['id'])}", payer=payer_ids, beneficiary=recipients,
               amount=amount, currency=currency, date=_stated_date(cluster),
               purpose=cluster.get("channel") or cluster.get("type"),
               description="\n".join(_statement_lines(cluster)), **_proof(cluster))


def _amount(cluster: dict) -> tuple[Any, str | None]:
    for measure, values in (cluster.get("bounds") or {}).items():
        unit = measure.split("/")[0]
        if _CURRENCY.match(unit) and values and values[0][0] is not None:
            return values[0][0], unit
    return None, None


def _stated_date(cluster: dict) -> str | None:
    if cluster.get("date"):
        return cluster["date"]
    return next((w[0] for w in cluster.get("whens", []) if w[1]), None)


def mention(link: dict, view) -> EntityProxy | None:
    entity = view.entity(link["entity"])
    if not entity or entity["type"] not in SCHEMAS:
        return None
    schema = SCHEMAS[entity["type"]]
    return make("Mention", f"mnt-{short_hash(link['report'], link['local'])}", document=report_id(link["report"]),
                name=link["name"] or entity["name"], detectedSchema=schema,
                resolved=entity_id(entity) if schema != "Address" else None)


def entities(view) -> Iterator[EntityProxy]:
    """Every FtM entity of the corpus, reports first so that references point backwards."""
    flags = contradictions_by_cluster(view)
    yield from (article(r) for r in view.reports())
    yield from (p for p in map(party, view.entities()) if p)
    for cluster in view.event_clusters():
        yield event(cluster, view, flags.get(cluster["id"], []))
        if cluster["type"] == "funds_transfer":
            yield from payments(cluster, view, _ids(view, cluster["actors"]))
    for cluster in view.claim_clusters():
        yield note(cluster, view, flags.get(cluster["id"], []))
        if cluster["role"] == "transfer" and cluster["polarity"] == "affirmed":
            yield from payments(cluster, view, _ids(view, [cluster["actor"]] if cluster["actor"] else []))
    yield from (m for m in (mention(link, view) for link in view.links()) if m)


def write(view, out: IO[str]) -> int:
    """Write every entity as one JSON line; the number written."""
    n = 0
    for proxy in entities(view):
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n

