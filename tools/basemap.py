"""Make the map's base layer: Natural Earth 1:50m countries, clipped to the region.

Run once, by hand, when the region or the source changes; the result is committed as
``src/annotated_edition/figures/basemap.json`` so that builds need neither the network nor npm::

    cd "$(mktemp -d)" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 "$OLDPWD/tools/basemap.py" package/countries-50m.json \\
        > "$OLDPWD/src/annotated_edition/figures/basemap.json"

The npm package ``world-atlas`` (ISC licence, by Mike Bostock) redistributes Natural
Earth's Admin 0 countries (version 4.1.0) as TopoJSON; Natural Earth is in the public
domain. The script decodes the TopoJSON, fills each country clipped to the region
(Sutherland-Hodgman against a rectangle), splits the arcs into land borders (arcs two
countries share) and coastlines (arcs of one country), cuts them to the region, and
rounds every coordinate to 0.01 degree (about a kilometre; the map draws a degree in
about 40 pixels). Only the standard library is used.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

# The region the map shows (west, south, east, north) and the margin kept around it, so
# that strokes meeting the frame are not cut short.
REGION = (31.0, 36.6, 51.0, 44.0)
MARGIN = 0.5
Point = tuple[float, float]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """TopoJSON arcs: delta-encoded, quantized integers to longitudes and latitudes."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def arc_points(arcs: list[list[Point]], index: int) -> list[Point]:
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def ring_points(arcs: list[list[Point]], ring: list[int]) -> list[Point]:
    points: list[Point] = []
    for index in ring:
        piece = arc_points(arcs, index)
        points.extend(piece if not points else piece[1:])
    return points


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["arcs"]
    return []


def clip_ring(ring: list[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland-Hodgman: the part of a ring inside the box (a ring, maybe empty)."""
    west, south, east, north = box
    edges = [(lambda p: p[0] >= west, 0, west), (lambda p: p[0] <= east, 0, east),
             (lambda p: p[1] >= south, 1, south), (lambda p: p[1] <= north, 1, north)]
    points = ring
    for inside, axis, value in edges:
        if not points:
            break
        result: list[Point] = []
        for k, current in enumerate(points):
            previous = points[k - 1]
            if inside(current):
                if not inside(previous):
                    result.append(cross(previous, current, axis, value))
                result.append(current)
            elif inside(previous):
                result.append(cross(previous, current, axis, value))
        points = result
    return points


def cross(a: Point, b: Point, axis: int, value: float) -> Point:
    t = (value - a[axis]) / (b[axis] - a[axis])
    x, y = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
    return (value, y) if axis == 0 else (x, value)


def inside_box(point: Point, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def cut_line(line: list[Point], box: tuple[float, float, float, float]) -> list[list[Point]]:
    """The runs of a line inside the box, each with one point beyond either end."""
    runs: list[list[Point]] = []
    current: list[Point] = []
    for k, point in enumerate(line):
        if inside_box(point, box):
            if not current and k:
                current.append(line[k - 1])
            current.append(point)
        elif current:
            current.append(point)
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [run for run in runs if len(run) > 1]


def rounded(points: list[Point]) -> list[list[float]]:
    """Coordinates to 0.01 degree, repeated points dropped."""
    out: list[list[float]] = []
    for x, y in points:
        point = [round(x, 2), round(y, 2)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def main(source: Path) -> dict:
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    geometries = topology["objects"]["countries"]["geometries"]
    box = (REGION[0] - MARGIN, REGION[1] - MARGIN, REGION[2] + MARGIN, REGION[3] + MARGIN)
    uses: Counter[int] = Counter()
    countries = []
    for geometry in geometries:
        rings = []
        for polygon in polygons_of(geometry):
            for ring in polygon:
                for index in ring:
                    uses[index if index >= 0 else ~index] += 1
                clipped = rounded(clip_ring(ring_points(arcs, ring), box))
                if len(clipped) >= 4:
                    rings.append(clipped)
        if rings:
            countries.append({"name": geometry["properties"]["name"], "rings": rings})
    borders, coasts = [], []
    for index, arc in enumerate(arcs):
        if not uses[index]:
            continue
        for run in cut_line(arc, box):
            (borders if uses[index] > 1 else coasts).append(rounded(run))
    return {
        "source": "Natural Earth 1:50m Admin 0 countries, version 4.1.0, through the npm "
                  "package world-atlas 2.0.2 (countries-50m.json)",
        "licence": "Natural Earth: public domain (naturalearthdata.com/about/terms-of-use); "
                   "world-atlas: ISC licence, Copyright 2013-2019 Michael Bostock",
        "made_by": "tools/basemap.py",
        "region": list(REGION),
        "countries": sorted(countries, key=lambda c: c["name"]),
        "borders": borders,
        "coasts": coasts,
    }


if __name__ == "__main__":
    data = main(Path(sys.argv[1]))
    # one feature a line: small, and a diff shows what changed
    lines = [f'  "{key}": {json.dumps(data[key], ensure_ascii=False)},'
             for key in ("source", "licence", "made_by", "region")]
    for key in ("countries", "borders", "coasts"):
        items = ",\n    ".join(json.dumps(item, ensure_ascii=False, separators=(",", ":"))
                               for item in data[key])
        lines.append(f'  "{key}": [\n    {items}\n  ]' + ("," if key != "coasts" else ""))
    sys.stdout.write("{\n" + "\n".join(lines) + "\n}\n")
