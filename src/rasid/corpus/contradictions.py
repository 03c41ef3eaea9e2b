"""Contradictions between reports: flagged, never averaged away — both sides kept with their sources.

- casualties: one event (one cluster) with different killed or injured figures (`أكثر من 30`
  from the outlet, `40` from the group's agency). `compatible` says whether the intervals
  still overlap (more than 30 and 40 do; 30 and 40 exactly do not): a differing figure is
  flagged either way, since an analyst wants to see both.
- quantity: the same actor, channel, role and asset (the same field, or no asset on either
  side, and compatible places and times) with disjoint amounts of the same measure, from
  different sources. `34,000 barrels a day` at one field and `25,000` at two others are
  different assets: no contradiction. One source giving two figures (a before and an after)
  is not flagged either.
- polarity: the same claim affirmed by one source and denied by another.
Ids are content hashes of what is contradicted, so a pair is flagged once.
"""
from __future__ import annotations

from typing import Any

from rasid.corpus.clusters import NOTHING, Present, bounds, overlaps, short_hash, statement


def contradiction(kind: str, subjects: list[str], field: str, sides: list[dict],
                  compatible: bool, basis: list[str]) -> dict[str, Any]:
    return {"id": "con-" + short_hash(kind, field, *sorted(subjects), *sorted(basis)),
            "kind": kind, "subjects": sorted(subjects), "field": field, "compatible": compatible,
            "sides": sides}


def casualty_conflicts(cluster: dict, rec: dict) -> list[dict[str, Any]]:
    """Figures of `rec` (an event mention joining `cluster`) that differ from the cluster's."""
    out = []
    for field in ("killed", "injured"):
        value = rec.get(field)
        if not value:
            continue
        for figure in cluster["figures"][field]:
            other = [figure["low"], figure["high"]]
            if other == value:
                continue
            sides = [{"low": other[0], "high": other[1], "statement": figure["statements"][0]},
                     {"low": value[0], "high": value[1], "statement": statement(rec)}]
            out.append(contradiction("casualties", [cluster["id"]], field, sides, overlaps(other, value),
                                     [repr(other), repr(value)]))
    return out


def _same_source(rec: dict, present: Present) -> bool:
    return rec["origin"] in present.origins or rec.get("copy_of") in present.reports


def quantity_conflict(cluster: dict, rec: dict, landing: str, present: Present = NOTHING) -> dict[str, Any] | None:
    """`rec` states another amount of `cluster`'s measure; `landing` is the cluster it joins;
    `present`: whether `cluster` holds rec's origin or the report rec copies (then no conflict)."""
    if not rec.get("actor") or _same_source(rec, present):
        return None
    measured = bounds(rec["quantities"])
    fields = sorted(k for k, v in measured.items()
                    if not all(overlaps(v, other) for other in cluster["bounds"].get(k, [])))
    if not fields:
        return None
    first = cluster["figures"][0] if cluster["figures"] else {"text": None, "statement": None}
    sides = [{"cluster": cluster["id"], "bounds": {k: cluster["bounds"][k] for k in fields},
              "text": first["text"], "statement": first["statement"]},
             {"cluster": landing, "bounds": {k: measured[k] for k in fields},
              "text": next((q["text"] for q in rec["quantities"] if q.get("text")), None),
              "statement": statement(rec)}]
    return contradiction("quantity", [cluster["id"], landing], ",".join(fields), sides, False, [])


def polarity_conflict(cluster: dict, rec: dict, landing: str, present: Present = NOTHING) -> dict[str, Any] | None:
    """`rec` affirms what `cluster` denies (or the reverse), from another source."""
    if _same_source(rec, present):
        return None
    sides = [{"cluster": cluster["id"], "polarity": cluster["polarity"]},
             {"cluster": landing, "polarity": rec["polarity"], "statement": statement(rec)}]
    return contradiction("polarity", [cluster["id"], landing], rec["channel"], sides, False, [])
