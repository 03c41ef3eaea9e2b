"""CSV of financing claims: one row per corpus claim with its sources and corroboration.

`reports` counts the reports that carry the claim; `independent_sources` the distinct
sources behind them (a syndicated copy adds none); `sources` names each, with how many
reports carry it. `contradicted_by` lists the claims that state another amount (or the
opposite) for the same actor, channel and asset, each flagged, never averaged.
"""
from __future__ import annotations

from typing import IO, Any

from rasid.export.common import label, origin_labels, outlets, write_cluster_rows
from rasid.corpus.timeline import interval_text

COLUMNS = ("claim_id", "actor", "actor_en", "actor_kb", "channel", "role", "polarity", "asset", "location",
           "amounts", "measure", "low", "high", "time", "first_reported", "reports", "independent_sources",
           "sources", "outlets", "report_ids", "copies", "contradicted_by", "contradiction_kinds", "evidence")


def row(cluster: dict, view, flags: list[dict]) -> dict[str, Any]:
    actor, asset = view.entity(cluster["actor"]), view.entity(cluster["asset"])
    place = next((p for p in map(view.entity, cluster["locations"]) if p), None)
    measure, value = next(((k, v[0]) for k, v in cluster["bounds"].items() if v), ("", [None, None]))
    reports = cluster.get("reports", [])
    published = sorted(r["report"]["published"] for r in reports if r["report"].get("published"))
    others = [s for f in flags for s in f["subjects"] if s != cluster["id"]]
    return {"claim_id": cluster["id"], "actor": label(actor), "actor_en": (actor or {}).get("name_en") or "",
            "actor_kb": (actor or {}).get("kb") or "", "channel": cluster["channel"], "role": cluster["role"],
            "polarity": cluster["polarity"], "asset": label(asset), "location": label(place),
            "amounts": " | ".join(f["text"] for f in cluster["figures"]), "measure": measure,
            "low": _number(value[0]), "high": _number(value[1]),
            "time": "; ".join(w[0] for w in cluster["whens"] if w[1]),
            "first_reported": published[0] if published else "", "reports": len(cluster["documents"]),
            "independent_sources": cluster["independent_sources"], "sources": "; ".join(origin_labels(cluster)),
            "outlets": "; ".join(outlets(cluster)),
            "report_ids": "; ".join(dict.fromkeys(str(r["report"].get("id") or r["report"]["hash"][:12])
                                                  for r in reports)),
            "copies": len(cluster["copies"]), "contradicted_by": "; ".join(dict.fromkeys(others)),
            "contradiction_kinds": "; ".join(dict.fromkeys(f["kind"] for f in flags)),
            "evidence": next((r["evidence"]["text"] for r in reports if (r.get("evidence") or {}).get("text")), "")}


def _number(x: float | None) -> str:
    return "" if x is None else interval_text([x, x]) or ""


def write(view, out: IO[str]) -> int:
    """Write every corpus claim as a CSV row; the number of rows."""
    return write_cluster_rows(out, COLUMNS, view.claim_clusters(), view, row)
