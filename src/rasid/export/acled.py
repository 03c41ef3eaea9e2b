"""ACLED-style CSV of events: one row per corpus event (not per report), coded as ACLED codes.

- event_date: ISO date; a month-only date is coded to the 15th with time_precision 3, as
  ACLED does. ACLED dates every event: one the text dates only to its year, or not at all, takes
  the first report's date (the event was told by then) with time_precision 3, its year in the
  notes, and `date: from the report` there.
- time_precision: 1 the day is known, 3 only the month (or the report's date stands in).
- event_type / sub_event_type: from acled_types.tsv (an ambush on soldiers is a battle, an
  attack on civilians violence against civilians).
- actor1: the first actor, actor2 the first target (English names where known). As ACLED codes
  them, a violent event whose perpetrator the reports do not name is by an "Unidentified Armed
  Group (Country)" ("Unidentified Military Forces" for an air strike), and violence against
  civilians with no named target is against "Civilians (Country)".
- inter1 / inter2: ACLED's actor codes (acled_actors.tsv); interaction: the two codes, the lower
  first (`12`), or the sole actor's code and 0 (`20`).
- location, latitude, longitude, geo_precision (1 town, 2 near a town or part of a region,
  3 a region or province) from the event's place.
- fatalities: the lowest stated figure (ACLED's conservative coding); every figure with
  its source is in the notes, flagged when reports differ.
- source: the independent sources; notes: reports, figures, evidence.
Extra columns after ACLED's: event_id, country, reports, independent_sources.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from rasid.export.common import figures_text, label, lowest, origin_labels, write_cluster_rows
from rasid.kb.places import place

COLUMNS = ("event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "inter1", "actor2",
           "inter2", "interaction", "location", "latitude", "longitude", "geo_precision", "fatalities", "source",
           "notes")
EXTRA = ("event_id", "country", "reports", "independent_sources")
_TYPES = Path(__file__).resolve().parent / "acled_types.tsv"
_INTER = Path(__file__).resolve().parent / "acled_actors.tsv"
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_ARMED = frozenset({"armed_group", "state_force", "coalition"})
_STATE = frozenset({"state_force", "government", "coalition", "ministry", "agency"})
_PRECISION = {"country": 3, "continent": 3, "region": 3, "admin1": 3, "admin2": 2, "admin3": 2, "field": 2}


@lru_cache(maxsize=1)
def type_table() -> dict[str, list[tuple[str, str, str]]]:
    """Rasid event type → [(condition, ACLED event type, sub-event type)] in order."""
    table: dict[str, list[tuple[str, str, str]]] = {}
    for line in _TYPES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, condition, event_type, sub = line.split("\t")
            table.setdefault(kind, []).append((condition, event_type, sub))
    return table


@lru_cache(maxsize=1)
def inter_codes() -> dict[str, str]:
    """Rasid actor kind → ACLED inter code."""
    rows = (line.split("\t") for line in _INTER.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#"))
    return {kind: code for kind, code in rows}


def actor_columns(actors: list[dict], targets: list[dict], event_type: str, sub: str,
                  country: str | None) -> dict[str, str]:
    """actor1, inter1, actor2, inter2 and interaction of an event, unnamed actors as ACLED names them."""
    where = f" ({country})" if country else ""
    first = (label(actors[0], True), _inter(actors[0], event_type)) if actors else ("", "")
    if not first[0] and event_type in _VIOLENT:
        first = ((f"Unidentified Military Forces{where}", "8") if sub == "Air/drone strike"
                 else (f"Unidentified Armed Group{where}", "3"))
    second = (label(targets[0], True), _inter(targets[0], event_type)) if targets else ("", "")
    if not second[0] and event_type == "Violence against civilians":
        second = (f"Civilians{where}", "7")
    codes = sorted(c for c in (first[1], second[1]) if c)
    interaction = "".join(codes) if len(codes) == 2 else (first[1] + "0" if first[1] else "")
    return {"actor1": first[0], "inter1": first[1], "actor2": second[0], "inter2": second[1],
            "interaction": interaction}


def _inter(entity: dict, event_type: str) -> str:
    """An actor's code; an organisation the actor base does not know, a party to violence, is
    coded as ACLED codes local and unidentified armed groups (3)."""
    code = inter_codes().get(entity.get("kind") or "", "")
    if not code and event_type in _VIOLENT and entity.get("type") == "ORG" and not entity.get("kind"):
        return "3"
    return code


def country_name(iso: str | None) -> str | None:
    """The English name of a country by its ISO code (from the gazetteer), else the code."""
    if not iso:
        return None
    found = place(f"rasid:place/country-{iso}")
    return (found.name_en if found else None) or iso


def acled_type(event_type: str, actors: list[dict], targets: list[dict]) -> tuple[str, str]:
    conditions = {"": True,
                  "targets_armed": any(t.get("type") == "ORG" and t.get("kind") in _ARMED | {None}
                                       for t in targets),
                  "actor_state": any(a.get("kind") in _STATE for a in actors)}
    for condition, acled, sub in type_table().get(event_type, type_table()["other"]):
        if conditions.get(condition):
            return acled, sub
    return "Strategic developments", "Other"


def date_columns(date: str | None, reported: str | None = None) -> tuple[str, str]:
    """(event_date, time_precision) of an event dated `date`, first reported on `reported`."""
    if date and len(date) >= 7:
        return (date, "1") if len(date) == 10 else (f"{date[:7]}-15", "3")
    if reported and len(reported) >= 7 and (not date or reported.startswith(date)):
        return (reported if len(reported) == 10 else f"{reported[:7]}-15"), "3"
    if date:  # a year the reports do not fall in: its middle
        return f"{date[:4]}-07-01", "3"
    return "", ""


def first_reported(cluster: dict) -> str | None:
    """The earliest publication date of the cluster's reports (None when none is dated)."""
    return min((r["report"]["published"] for r in cluster.get("reports", []) if r["report"].get("published")),
               default=None)


def geo_precision(place: dict | None) -> str:
    if not place:
        return ""
    if place.get("geo_precision") is not None:
        return str(place["geo_precision"])
    return str(_PRECISION.get(place.get("kind") or "", 1 if place.get("lat") is not None else 3))


def row(cluster: dict, view, flags: list[dict]) -> dict[str, Any]:
    actors = [e for e in map(view.entity, cluster["actors"]) if e]
    acting = {a.get("id") for a in actors}
    targets = [e for e in map(view.entity, cluster["targets"]) if e and e.get("id") not in acting]
    place = next((p for p in map(view.entity, cluster["locations"]) if p and p.get("lat") is not None),
                 next((p for p in map(view.entity, cluster["locations"]) if p), None))
    event_type, sub = acled_type(cluster["type"], actors, targets)
    date, precision = date_columns(cluster["date"], first_reported(cluster))
    country = (place or {}).get("country") or ""
    return {"event_date": date, "year": date[:4], "time_precision": precision, "event_type": event_type,
            "sub_event_type": sub, **actor_columns(actors, targets, event_type, sub, country_name(country)),
            "location": label(place, True), "latitude": _coord(place, "lat"), "longitude": _coord(place, "lon"),
            "geo_precision": geo_precision(place), "fatalities": lowest(cluster["figures"]["killed"]),
            "source": "; ".join(origin_labels(cluster)), "notes": notes(cluster, flags),
            "event_id": cluster["id"], "country": country,
            "reports": len(cluster["documents"]), "independent_sources": cluster["independent_sources"]}


def _coord(place: dict | None, key: str) -> str:
    return "" if not place or place.get(key) is None else f"{place[key]:.5f}"


def notes(cluster: dict, flags: list[dict]) -> str:
    parts = [f"rasid {cluster['type']}"]
    if cluster["date"] and len(cluster["date"]) == 4:
        parts.append(f"year {cluster['date']}")
    if not cluster["date"] or len(cluster["date"]) == 4:
        parts.append("date: from the report")
    for field in ("killed", "injured"):
        if cluster["figures"][field]:
            parts.append(f"{field}: {figures_text(cluster['figures'][field])}")
    if any(f["kind"] == "casualties" for f in flags):
        parts.append("FIGURES DIFFER between sources")
    evidence = next((r["evidence"]["text"] for r in cluster.get("reports", [])
                     if (r.get("evidence") or {}).get("text")), None)
    if evidence:
        parts.append(f"evidence: {evidence}")
    reports = ", ".join(dict.fromkeys(str(r["report"].get("id") or r["report"]["hash"][:12])
                                      for r in cluster.get("reports", [])))
    parts.append(f"reports: {reports}")
    return " | ".join(parts)


def write(view, out: IO[str]) -> int:
    """Write every corpus event as a CSV row; the number of rows."""
    return write_cluster_rows(out, COLUMNS + EXTRA, view.event_clusters(), view, row)
