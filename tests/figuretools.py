"""Reading a figure back as a reader's browser gets it: its labels and their boxes."""

from __future__ import annotations

from defusedxml import ElementTree

from annotated_edition.figures.svg import Box, text_box

SVG = "{http://www.w3.org/2000/svg}"


def label_boxes(svg: str, default_size: float) -> list[tuple[str, Box]]:
    """Every text of the SVG with the box it covers, measured from its attributes."""
    root = ElementTree.fromstring(svg)
    found = []
    for text in root.iter(f"{SVG}text"):
        size = float(text.get("font-size", default_size))
        found.append((text.text or "", text_box(float(text.get("x")), float(text.get("y")),
                                                text.text or "", size,
                                                text.get("text-anchor", "start"))))
    return found


def overlapping(boxes: list[tuple[str, Box]]) -> list[tuple[str, str]]:
    return [(a, b) for i, (a, first) in enumerate(boxes) for b, second in boxes[i + 1:]
            if first.overlaps(second)]


def groups(svg: str, css_class: str) -> list[object]:
    """The <g> elements of a class (each event, conflict, publication or place)."""
    root = ElementTree.fromstring(svg)
    return [g for g in root.iter(f"{SVG}g") if css_class in (g.get("class") or "").split()]


def title_of(element: object) -> str:
    title = element.find(f"{SVG}title")  # type: ignore[attr-defined]
    return title.text if title is not None else ""
