"""Geometry and merging helpers of tools/build_gazetteer.py (plain Python, no GIS library).

Distances are great-circle kilometres; polygons are GeoJSON rings of (lon, lat). Merging joins
records of one place that several sources list (GeoNames, OpenStreetMap, the curated table), so
that linking sees one candidate per real place.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

MERGE_KM = 15.0  # two point records with one name closer than this are one place


@dataclass
class Place:
    """One gazetteer record while the build runs; `priority` orders sources (0 = curated)."""
    id: str
    name: str
    name_en: str
    kind: str
    country: str
    admin1: str = ""
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    aliases: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    same_as: list[str] = field(default_factory=list)
    source: str = ""
    priority: int = 9


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def inside(lon: float, lat: float, ring: Sequence[Sequence[float]]) -> bool:
    """Ray casting: is the point inside the closed ring?"""
    hit = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit


def border_km(lon: float, lat: float, ring: Sequence[Sequence[float]]) -> float:
    """Distance in km from the point to the ring's edge (flat projection at the point's latitude)."""
    scale = math.cos(math.radians(lat)) * 111.32
    best = float("inf")
    for (x0, y0), (x1, y1) in zip(ring, list(ring[1:]) + [ring[0]]):
        ax, ay, bx, by = (x0 - lon) * scale, (y0 - lat) * 110.57, (x1 - lon) * scale, (y1 - lat) * 110.57
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy))) if dx or dy else 0.0
        best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best


def centroid(ring: Sequence[Sequence[float]]) -> tuple[float, float]:
    """Area centroid (lat, lon) of a ring (shoelace formula; fine at governorate scale)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, list(ring[1:]) + [ring[0]]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not a:
        return ring[0][1], ring[0][0]
    return cy / (3 * a), cx / (3 * a)


def nearest(lat: float, lon: float, points: Iterable[tuple[float, float, str]]) -> str:
    """The label of the nearest (lat, lon, label) point (equirectangular, for admin look-ups)."""
    scale = math.cos(math.radians(lat))
    best = min(points, key=lambda p: (p[0] - lat) ** 2 + ((p[1] - lon) * scale) ** 2)
    return best[2]


def merge_points(places: list[Place], is_point: Callable[[str], bool], key: Callable[[str], str]) -> list[Place]:
    """Join point records of one country that share a name key and lie within MERGE_KM.

    Each group keeps its best-priority record, which takes the others' names as aliases, the
    largest population and kind rank, and lists their ids in `same_as`.
    """
    ordered = sorted(places, key=lambda p: (p.priority, p.id))
    kept: list[Place] = []
    index: dict[tuple[str, str], list[Place]] = {}
    for place in ordered:
        if not is_point(place.kind) or place.lat is None:
            kept.append(place)
            continue
        target = _match(place, index, key)
        if target is None:
            kept.append(place)
            target = place
        else:
            _absorb(target, place)
        for name in _names(place):
            index.setdefault((place.country, key(name)), []).append(target)
    return kept


def _match(place: Place, index: dict[tuple[str, str], list[Place]], key: Callable[[str], str]) -> Place | None:
    for name in _names(place):
        for other in index.get((place.country, key(name)), ()):
            if km(place.lat, place.lon, other.lat, other.lon) <= MERGE_KM:
                return other
    return None


def _names(place: Place) -> list[str]:
    return [place.name, *place.aliases]


KIND_RANK = {"city": 5, "town": 4, "village": 3, "suburb": 2, "hamlet": 2, "locality": 1, "island": 1}


def _absorb(target: Place, other: Place) -> None:
    target.aliases = _unique(target.aliases + [other.name] + other.aliases, exclude=target.name)
    target.context = _unique(target.context + other.context, exclude=target.name)
    target.same_as = _unique(target.same_as + [other.id] + other.same_as)
    target.population = max(target.population, other.population)
    if target.priority > 0 and KIND_RANK.get(other.kind, 0) > KIND_RANK.get(target.kind, 0):
        target.kind = other.kind
    if not target.admin1:
        target.admin1 = other.admin1
    target.source = "+".join(_unique(target.source.split("+") + other.source.split("+")))


def _unique(items: Iterable[str], exclude: str = "") -> list[str]:
    return [x for x in dict.fromkeys(i for i in items if i) if x != exclude]
