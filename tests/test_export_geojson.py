"""GeoJSON export: a valid RFC 7946 FeatureCollection of places and events."""
from __future__ import annotations

import io
import json
import math

from test_corpus_builders import corpus_reports

from rasid.export.geojson import write
from rasid.store.corpus import memory_corpus


def geojson_problems(data) -> list[str]:
    """What makes `data` invalid GeoJSON (RFC 7946) as this export writes it: FeatureCollection,
    Features with an object of properties, Point or null geometry, [lon, lat] in range."""
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return ["not a FeatureCollection"]
    if not isinstance(data.get("features"), list):
        return ["features is not an array"]
    problems = []
    for n, f in enumerate(data["features"]):
        if not isinstance(f, dict) or f.get("type") != "Feature":
            problems.append(f"{n}: not a Feature")
            continue
        if "geometry" not in f or "properties" not in f:
            problems.append(f"{n}: a Feature needs geometry and properties members")
        if f.get("properties") is not None and not isinstance(f["properties"], dict):
            problems.append(f"{n}: properties is not an object")
        if "id" in f and not isinstance(f["id"], (str, int, float)):
            problems.append(f"{n}: id is not a string or number")
        g = f.get("geometry")
        if g is None:
            continue
        if not isinstance(g, dict) or g.get("type") != "Point":
            problems.append(f"{n}: geometry is not a Point")
            continue
        c = g.get("coordinates")
        if not (isinstance(c, list) and len(c) in (2, 3) and all(isinstance(x, (int, float)) and math.isfinite(x)
                                                                 for x in c)):
            problems.append(f"{n}: bad coordinates {c!r}")
        elif not (-180 <= c[0] <= 180 and -90 <= c[1] <= 90):
            problems.append(f"{n}: coordinates out of range {c!r}")
    return problems


def exported() -> dict:
    out = io.StringIO()
    write(memory_corpus([r.dict() for r in corpus_reports()]), out)
    return json.loads(out.getvalue())


def test_export_geojson_is_valid():
    assert geojson_problems(exported()) == []


def test_export_geojson_validator_catches_mistakes():
    bad = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [34.88, 138.87]}, "properties": {}},
        {"type": "Feature", "properties": []},
    ]}
    assert len(geojson_problems(bad)) == 3


def test_export_geojson_places_and_events():
    features = exported()["features"]
    places = [f for f in features if f["properties"]["kind"] == "place"]
    events = [f for f in features if f["properties"]["kind"] == "event"]
    assert len(events) == 2
    ambush = next(f for f in events if f["properties"]["reports"] == 2)
    assert ambush["geometry"] == {"type": "Point", "coordinates": [38.87, 34.88]}   # longitude first
    assert ambush["properties"]["figures_differ"] and ambush["properties"]["fatalities"] == 20
    sukhna = next(f for f in places if f["properties"]["name"] == "السخنة")
    assert sukhna["properties"]["events"] == 1
    assert not any(f["properties"]["name"] == "دير الزور" for f in places)   # no coordinates: not a place feature
