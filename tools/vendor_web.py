"""Fetch the desk's web libraries with npm and build its offline base map (`make web-assets`).

    python tools/vendor_web.py [--shared ../shared] [--out src/rasid/serve/static/vendor]

For each row of web/assets.tsv: `npm pack PACKAGE@VERSION` into a scratch folder, the tarball's
sha512 checked against the integrity pinned there, and the listed files (licence first) unpacked
into OUT/PACKAGE/. Then the base map, OUT/basemap.geojson: the countries of Natural Earth 1:50m
(world-atlas, public domain) with Syria's and Iraq's outlines and Iraq's governorates from
../shared/data/gazetteer/boundaries (PROVENANCE.md there), coordinates rounded to 3 decimals
(about 100 m). OUT/SOURCES.md records what came from where. Nothing here runs at run time: the
desk serves these files from the package.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ASSETS = REPO / "web" / "assets.tsv"
BOUNDARIES = ("iraq_adm1_simplemaps.geojson", "syria_adm0_detailed.geojson", "iraq_adm0_naturalearth.geojson")
_DIGITS = 3


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "rasid" / "serve" / "static" / "vendor")
    args = ap.parse_args()
    if shutil.which("npm") is None:
        print("vendor_web: npm is not installed (apt-get install npm): the desk's map, network and font "
              "are left out; every other page works", file=sys.stderr)
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    sources = ["# Web assets of the desk (made by `make web-assets`; do not edit)", "",
               "| package | version | licence file | files |", "|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as scratch:
        for package, version, integrity, files in _rows():
            unpacked = _fetch(package, version, integrity, files, Path(scratch), args.out / _folder(package))
            sources.append(f"| {package} | {version} | {_folder(package)}/{Path(files[0]).name} | "
                           f"{', '.join(unpacked)} |")
    countries = args.out / "world-atlas" / "countries-50m.json"
    features = _topojson_features(json.loads(countries.read_text(encoding="utf-8")), "countries")
    features += _boundaries(args.shared / "data" / "gazetteer" / "boundaries")
    (args.out / "basemap.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")), encoding="utf-8")
    sources += ["", "basemap.geojson: Natural Earth 1:50m countries (world-atlas, public domain) and, from "
                "../shared/data/gazetteer/boundaries (see PROVENANCE.md there), "
                + ", ".join(BOUNDARIES) + f"; coordinates rounded to {_DIGITS} decimals."]
    (args.out / "SOURCES.md").write_text("\n".join(sources) + "\n", encoding="utf-8")
    print(f"vendor_web: {len(features)} base-map shapes and the libraries of {ASSETS.name} in {args.out}")
    return 0


def _rows() -> list[tuple[str, str, str, list[str]]]:
    rows = []
    for line in ASSETS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            package, version, integrity, files = line.split("\t")
            rows.append((package, version, integrity, files.split(",")))
    return rows


def _folder(package: str) -> str:
    return package.rsplit("/", 1)[-1]


def _fetch(package: str, version: str, integrity: str, files: list[str], scratch: Path, out: Path) -> list[str]:
    """`npm pack` the package, check its sha512, unpack `files` into `out`; the names unpacked."""
    done = subprocess.run(["npm", "pack", f"{package}@{version}", "--json", "--pack-destination", str(scratch)],
                          capture_output=True, text=True, check=True, cwd=scratch)
    tarball = scratch / json.loads(done.stdout)[0]["filename"]
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if digest != integrity:
        raise SystemExit(f"vendor_web: {package}@{version}: integrity {digest} is not the pinned {integrity}")
    out.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball) as tar:
        for name in files:
            member = tar.extractfile(f"package/{name}")
            if member is None:
                raise SystemExit(f"vendor_web: {package}@{version} has no file {name}")
            (out / Path(name).name).write_bytes(member.read())
    return [Path(name).name for name in files]


def _topojson_features(topology: dict, name: str) -> list[dict]:
    """The GeoJSON features of a TopoJSON object (quantized arcs, delta-encoded)."""
    scale, shift = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * scale[0] + shift[0], _DIGITS), round(y * scale[1] + shift[1], _DIGITS)])
        arcs.append(points)

    def ring(indices: list[int]) -> list[list[float]]:
        points: list[list[float]] = []
        for i in indices:
            part = arcs[i] if i >= 0 else arcs[~i][::-1]
            points.extend(part[1:] if points else part)
        return points

    features = []
    for geometry in topology["objects"][name]["geometries"]:
        if geometry["type"] == "Polygon":
            coordinates = [ring(r) for r in geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            coordinates = [[ring(r) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        features.append({"type": "Feature", "properties": {"name": geometry.get("properties", {}).get("name"),
                                                            "layer": "country"},
                         "geometry": {"type": geometry["type"], "coordinates": coordinates}})
    return features


def _boundaries(folder: Path) -> list[dict]:
    """Syria's and Iraq's outlines and Iraq's governorates, rounded; [] without ../shared."""
    out = []
    for name in BOUNDARIES:
        path = folder / name
        if not path.is_file():
            print(f"vendor_web: {path} not found: the base map has the Natural Earth outlines only", file=sys.stderr)
            continue
        layer = "admin1" if "adm1" in name else "detail"
        data = json.loads(path.read_text(encoding="utf-8"))
        for feature in data["features"] if data["type"] == "FeatureCollection" else [data]:
            geometry = feature["geometry"]
            out.append({"type": "Feature", "properties": {"name": (feature.get("properties") or {}).get("name"),
                                                          "layer": layer},
                        "geometry": {"type": geometry["type"], "coordinates": _rounded(geometry["coordinates"])}})
    return out


def _rounded(coordinates):
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [round(c, _DIGITS) for c in coordinates[:2]]
    return [_rounded(c) for c in coordinates]


if __name__ == "__main__":
    sys.exit(main())
