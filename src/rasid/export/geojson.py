"""GeoJSON (RFC 7946) of the corpus: places and events as one FeatureCollection.

Every place entity with coordinates is a Point feature (`"kind": "place"`, with the number
of events there); every corpus event is a feature (`"kind": "event"`) at its place's
coordinates, or with `"geometry": null` (allowed by RFC 7946 §3.2) when its place has
none, so a map shows what can be placed and a table still lists everything.
Coordinates are [longitude, latitude] in WGS84.
"""
from __future__ import annotations

import json
from typing import IO, Any

from rasid.export.common import contradictions_by_cluster, figures_text, label, lowest, origin_labels


def point(entity: dict | None) -> dict[str, Any] | None:
    if not entity or entity.get("lat") is None or entity.get("lon") is None:
        return None
    lat, lon = float(entity["lat"]), float(entity["lon"])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


def event_feature(cluster: dict, view, flags: list[dict]) -> dict[str, Any]:
    places = [p for p in map(view.entity, cluster["locations"]) if p]
    place = next((p for p in places if point(p)), places[0] if places else None)
    props = {"kind": "event", "id": cluster["id"], "type": cluster["type"], "date": cluster["date"],
             "date_precision": cluster["date_precision"], "place": label(place), "place_en": label(place, True),
             "place_id": (place or {}).get("id"),
             "actors": [label(view.entity(a)) for a in cluster["actors"]],
             "targets": [label(view.entity(t)) for t in cluster["targets"]],
             "fatalities": lowest(cluster["figures"]["killed"]),
             "killed": figures_text(cluster["figures"]["killed"]) or None,
             "injured": figures_text(cluster["figures"]["injured"]) or None,
             "figures_differ": any(f["kind"] == "casualties" for f in flags),
             "reports": len(cluster["documents"]), "independent_sources": cluster["independent_sources"],
             "sources": origin_labels(cluster)}
    return {"type": "Feature", "id": cluster["id"], "geometry": point(place), "properties": props}


def place_feature(entity: dict, events: int) -> dict[str, Any]:
    props = {"kind": "place", "id": entity["id"], "name": entity["name"], "name_en": entity.get("name_en"),
             "kb": entity.get("kb"), "country": entity.get("country"), "admin1": entity.get("admin1"),
             "geo_precision": entity.get("geo_precision"), "reports": entity.get("documents", 0),
             "events": events}
    return {"type": "Feature", "id": entity["id"], "geometry": point(entity), "properties": props}


def collection(view) -> dict[str, Any]:
    flags = contradictions_by_cluster(view)
    events = [event_feature(c, view, flags.get(c["id"], [])) for c in view.event_clusters()]
    counts: dict[str, int] = {}
    for f in events:
        if f["properties"]["place_id"]:
            counts[f["properties"]["place_id"]] = counts.get(f["properties"]["place_id"], 0) + 1
    places = [place_feature(e, counts.get(e["id"], 0)) for e in view.entities()
              if e["type"] == "LOC" and point(e)]
    return {"type": "FeatureCollection", "features": places + events}


def write(view, out: IO[str]) -> int:
    """Write the FeatureCollection; the number of features."""
    data = collection(view)
    json.dump(data, out, ensure_ascii=False)
    out.write("\n")
    return len(data["features"])
