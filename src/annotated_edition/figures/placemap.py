"""The map of places: every place of the glossary on a base map of the region.

The base map (``basemap.json``) is Natural Earth's 1:50m countries cut to the region once
by ``tools/basemap.py``; it is drawn in a plain equirectangular projection stretched for
the region's middle latitude, which at this scale (20 degrees of longitude) distorts less
than the map's line widths, so no projection library is needed. Towns are dots, countries
and regions are labels in capitals or italics with a ring at their point; a label that
cannot sit beside its point moves away along a leader line. A place off the map (the
Soviet Union, at Moscow) gets an arrow at the edge that points towards it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from annotated_edition.figures.svg import (
    HERE,
    Box,
    Drawing,
    Label,
    attrs,
    num,
    opening,
    path_data,
    svg_document,
    tag,
    text_box,
    text_element,
)

SCOPE = "edition-map"
WIDTH = 800.0
FONT = 12.0
COUNTRY_FONT = 14.0


@dataclass(frozen=True)
class Place:
    """A place as the map shows it (from a glossary entry with coordinates)."""

    key: str  # the glossary entry's id
    names: tuple[str, ...]  # what the map prints, joined by " / "
    lat: float
    lon: float
    area: str | None = None  # "country", "region" or None (a town, a site)

    @property
    def label(self) -> str:
        text = " / ".join(self.names)
        return text.upper() if self.area == "country" else text


@cache
def basemap() -> dict[str, object]:
    data: dict[str, object] = json.loads((HERE / "basemap.json").read_text(encoding="utf-8"))
    return data


class Projection:
    """Longitude and latitude to the figure's x and y (equirectangular, scaled)."""

    def __init__(self, region: Sequence[float], width: float):
        self.west, self.south, self.east, self.north = region
        self.stretch = math.cos(math.radians((self.south + self.north) / 2))
        self.scale = width / ((self.east - self.west) * self.stretch)
        self.width = width
        self.height = (self.north - self.south) * self.scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.west) * self.stretch * self.scale, (self.north - lat) * self.scale)

    def inside(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


def _candidates(
    x: float, y: float, text: str, size: float, area: bool
) -> Iterator[tuple[Box, float, float, str, bool]]:
    """Where a label may go: beside its point first, then further out on a leader line.

    Yields (box, text x, baseline, anchor, needs a leader).
    """
    if area:  # a country: centred on its point, like an atlas
        yield (
            text_box(x, y + size * 0.35, text, size, "middle"),
            x,
            y + size * 0.35,
            "middle",
            False,
        )
    near = 6.0
    for dx, dy, anchor in (
        (near, 4, "start"),
        (-near, 4, "end"),
        (0, -near - 1, "middle"),
        (0, near + size * 0.7, "middle"),
        (near, -near, "start"),
        (-near, -near, "end"),
        (near, near + 6, "start"),
        (-near, near + 6, "end"),
    ):
        baseline = y + dy
        yield text_box(x + dx, baseline, text, size, anchor), x + dx, baseline, anchor, False
    for distance in (22.0, 34.0, 48.0, 64.0, 82.0, 104.0, 130.0):
        for step in range(16):
            angle = math.radians(step * 22.5)
            tx, ty = x + distance * math.cos(angle), y - distance * math.sin(angle)
            anchor = (
                "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
            )
            baseline = ty + size * 0.35
            yield text_box(tx, baseline, text, size, anchor), tx, baseline, anchor, True


def _crosses(start: tuple[float, float], end: tuple[float, float], boxes: Sequence[Box]) -> bool:
    """Whether a leader line passes through a label (sampled every few units)."""
    steps = max(2, int(math.dist(start, end) / 3))
    for k in range(1, steps):
        px = start[0] + (end[0] - start[0]) * k / steps
        py = start[1] + (end[1] - start[1]) * k / steps
        if any(box.x <= px <= box.right and box.y <= py <= box.bottom for box in boxes):
            return True
    return False


def _edge_point(projection: Projection, lon: float, lat: float) -> tuple[float, float, float]:
    """Where the direction from the map's centre to an off-map place leaves the frame."""
    cx, cy = projection.width / 2, projection.height / 2
    px, py = projection(lon, lat)
    dx, dy = px - cx, py - cy
    limit = min((cx - 16) / abs(dx) if dx else math.inf, (cy - 16) / abs(dy) if dy else math.inf)
    return cx + dx * limit, cy + dy * limit, math.atan2(dy, dx)


@dataclass(frozen=True)
class MapWords:
    """The map's words: English unless the caller (the Sphinx adapter, through its message
    catalog) passes a language's; templates use ``str.format``."""

    title: str = "Map of the places in the glossary"
    description: str = (
        "A map of Türkiye, the South Caucasus and the Caspian Sea with {count} places of the "
        "glossary marked and named: {names}. The places are listed with their coordinates "
        "after the map."
    )
    base_map: str = "Base map: Natural Earth (public domain)"
    place: str = "{names} ({lat}° N, {lon}° E)"
    off_map: str = "{names}: off the map, towards {lat}° N, {lon}° E"


ENGLISH_MAP = MapWords()


def draw_map(places: Sequence[Place], screen: bool = True,
             words: MapWords = ENGLISH_MAP) -> Drawing:
    """The base map with every place marked and labelled, labels never overlapping."""
    data = basemap()
    projection = Projection(data["region"], WIDTH)  # type: ignore[arg-type]
    height = projection.height
    frame = Box(0, 0, WIDTH, height)
    body = [
        f'<clipPath id="{SCOPE}-frame"><rect{attrs(x=0.0, y=0.0, width=WIDTH, height=height)}/>'
        "</clipPath>",
        tag("rect", class_="water", x=0.0, y=0.0, width=WIDTH, height=height),
        f'<g clip-path="url(#{SCOPE}-frame)">',
    ]
    for country in data["countries"]:  # type: ignore[attr-defined]
        rings = "".join(
            path_data([projection(lon, lat) for lon, lat in ring], closed=True)
            for ring in country["rings"]
        )
        body.append(tag("path", class_="land", d=rings, data_country=country["name"]))
    for kind, css, dashes in (
        ("coasts", "stroke-ink", None),
        ("borders", "stroke-rule", "5 2 1 2"),
    ):
        for line in data[kind]:  # type: ignore[attr-defined]
            points = [projection(lon, lat) for lon, lat in line]
            body.append(
                tag(
                    "path",
                    class_=css,
                    stroke_width="0.6" if dashes is None else "0.9",
                    stroke_dasharray=dashes,
                    d=path_data(points),
                )
            )
    body.append("</g>")
    body.append(tag("rect", class_="stroke-rule", x=0.5, y=0.5, width=WIDTH - 1, height=height - 1))

    inside = [p for p in places if projection.inside(p.lon, p.lat)]
    outside = [p for p in places if not projection.inside(p.lon, p.lat)]
    markers: list[Box] = []
    for place in inside:
        x, y = projection(place.lon, place.lat)
        if place.area != "country":
            markers.append(Box(x - 4, y - 4, 8, 8))
    placed: list[Box] = []
    labels: list[Label] = []
    groups: list[str] = []

    def crowd(place: Place) -> tuple[int, int, str]:
        x, y = projection(place.lon, place.lat)
        near = sum(
            1
            for other in inside
            if other is not place and math.dist((x, y), projection(other.lon, other.lat)) < 60
        )
        return (0 if place.area == "country" else 1, -near, place.key)

    for place in sorted(inside, key=crowd):
        x, y = projection(place.lon, place.lat)
        size = COUNTRY_FONT if place.area == "country" else FONT
        obstacles = placed + [m for m in markers if not m.overlaps(Box(x - 1, y - 1, 2, 2))]
        chosen = None
        fallback = None
        for box, tx, baseline, anchor, leader in _candidates(
            x, y, place.label, size, place.area == "country"
        ):
            if not box.inside(frame) or any(box.overlaps(o, 2) for o in obstacles):
                continue
            if leader and _crosses((x, y), _nearest_edge(box, x, y), placed):
                fallback = fallback or (box, tx, baseline, anchor, leader)
                continue
            chosen = (box, tx, baseline, anchor, leader)
            break
        chosen = chosen or fallback
        if chosen is None:
            raise ValueError(f"no room on the map for {place.label!r}")
        box, tx, baseline, anchor, leader = chosen
        placed.append(box)
        labels.append(Label(place.key, place.label, box))
        groups.append(
            _place_group(place, x, y, box, tx, baseline, anchor, leader, size, words)
        )
    for place in sorted(outside, key=lambda p: p.key):
        x, y, angle = _edge_point(projection, place.lon, place.lat)
        text = (
            f"{' / '.join(place.names)}: off the map, towards {num(place.lat)}° N, "
            f"{num(place.lon)}° E"
        )
        spot: tuple[Box, float, str] | None = None
        for shift in range(0, 400, 12):
            for anchor, tx in (("end", x - 8 - shift), ("start", x + 8 + shift)):
                candidate = text_box(tx, y + 18, text, FONT, anchor)
                if candidate.inside(frame) and not any(
                    candidate.overlaps(o, 2) for o in placed + markers
                ):
                    spot = (candidate, tx, anchor)
                    break
            if spot:
                break
        if spot is None:
            raise ValueError(f"no room on the map for {place.label!r}")
        candidate, tx, anchor = spot
        placed.append(candidate)
        labels.append(Label(place.key, text, candidate))
        tip = [
            (x + 10 * math.cos(angle), y + 10 * math.sin(angle)),
            (x + 6 * math.cos(angle + 2.4), y + 6 * math.sin(angle + 2.4)),
            (x + 6 * math.cos(angle - 2.4), y + 6 * math.sin(angle - 2.4)),
        ]
        groups.append(
            opening("g", class_="map-place map-offmap", id=f"map-{place.key}", data_place=place.key)
            + "<title>"
            + escape(words.off_map.format(names=" / ".join(place.names), lat=num(place.lat),
                                          lon=num(place.lon)))
            + "</title>"
            + tag("path", class_="ink", d=path_data(tip, closed=True))
            + text_element(tx, y + 18, text, "ink halo", anchor)
            + "</g>"
        )
    body.extend(groups)
    body.append(
        text_element(
            WIDTH - 8,
            height - 8,
            words.base_map,
            "muted halo",
            "end",
            size=9.0,
        )
    )
    names = ", ".join(" / ".join(p.names) for p in sorted(places, key=lambda p: p.key))
    title = words.title
    description = words.description.format(count=len(places), names=names)
    svg = svg_document(SCOPE, WIDTH, height, title, description, body, screen, FONT)
    return Drawing(svg, tuple(labels), title, description, WIDTH, height)


def _nearest_edge(box: Box, x: float, y: float) -> tuple[float, float]:
    """The point of a label's box nearest to its place: where the leader line ends."""
    return (min(max(x, box.x), box.right), min(max(y, box.y), box.bottom))


def _place_group(
    place: Place,
    x: float,
    y: float,
    box: Box,
    tx: float,
    baseline: float,
    anchor: str,
    leader: bool,
    size: float,
    words: MapWords,
) -> str:
    css = "ink halo"
    parts = [
        opening("g", class_="map-place", id=f"map-{place.key}", data_place=place.key),
        "<title>"
        + escape(words.place.format(names=" / ".join(place.names), lat=num(place.lat),
                                    lon=num(place.lon)))
        + "</title>",
    ]
    if leader:
        parts.append(
            tag(
                "path",
                class_="stroke-ink",
                stroke_width="0.7",
                d=path_data([(x, y), _nearest_edge(box, x, y)]),
            )
        )
    if place.area is None:
        parts.append(tag("circle", class_="ink", cx=x, cy=y, r=3.5))
    elif place.area == "region":
        parts.append(tag("circle", class_="paper", cx=x, cy=y, r=3.5))
        parts.append(tag("circle", class_="stroke-accent", stroke_width="1.5", cx=x, cy=y, r=3.5))
        css = "accent halo"
    else:
        css = "muted halo"
    style = "italic" if place.area == "region" else None
    parts.append(
        opening(
            "text",
            x=tx,
            y=baseline,
            class_=css,
            text_anchor=anchor,
            font_size=size,
            font_style=style,
        )
        + f"{escape(place.label)}</text>"
    )
    parts.append("</g>")
    return "".join(parts)
