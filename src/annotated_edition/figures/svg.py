"""What both figures share: text widths, label boxes, the stylesheet and SVG writing.

Widths come from a table of FreeSans advance widths (``font_widths.json``, made by
``tools/font_widths.py``), never from the machine's fonts, so a layout is the same on
every build; labels get a margin because a reader's browser may use another sans-serif.
Numbers are written with fixed decimals and elements in a fixed order: two builds of the
same data give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).parent
FONT_FAMILY = "FreeSans, 'Liberation Sans', Arial, Helvetica, sans-serif"
# A browser that lacks FreeSans draws with Arial or Liberation Sans, a little wider:
# every label is measured this much wider than FreeSans would draw it.
WIDTH_MARGIN = 1.06


@cache
def _widths() -> tuple[dict[str, int], int]:
    table = json.loads((HERE / "font_widths.json").read_text(encoding="utf-8"))["widths"]
    return table, max(table.values())


@cache  # performance: the timeline measures each label once per lane it tries
def text_width(text: str, size: float) -> float:
    """The width of a line of text at a font size, in the figure's units (deterministic)."""
    table, widest = _widths()
    return sum(table.get(char, widest) for char in text) * size / 1000 * WIDTH_MARGIN


@dataclass(frozen=True)
class Box:
    """A rectangle in figure units: what a label covers."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        return not (
            self.right + gap <= other.x
            or other.right + gap <= self.x
            or self.bottom + gap <= other.y
            or other.bottom + gap <= self.y
        )

    def inside(self, frame: Box) -> bool:
        return (
            frame.x <= self.x
            and self.right <= frame.right
            and frame.y <= self.y
            and self.bottom <= frame.bottom
        )


def text_box(x: float, baseline: float, text: str, size: float, anchor: str = "start") -> Box:
    """The box a line of text covers, from its anchor point and baseline, as SVG draws it."""
    width = text_width(text, size)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    # FreeSans: ascenders reach about 0.73 em above the baseline, descenders 0.22 below
    return Box(left, baseline - 0.78 * size, width, size * 1.02)


@dataclass(frozen=True)
class Label:
    """A label as placed: its text, its box, and what it names (an event key, a place id)."""

    key: str
    text: str
    box: Box


def num(value: float) -> str:
    """A coordinate with one decimal and no "-0.0": the same text on every platform."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def attrs(**values: object) -> str:
    """XML attributes in the order given; ``class_`` is written ``class``."""
    out = []
    for name, value in values.items():
        if value is None:
            continue
        text = num(value) if isinstance(value, float) else str(value)
        out.append(f" {name.rstrip('_').replace('_', '-')}={quoteattr(text)}")
    return "".join(out)


def tag(name: str, **values: object) -> str:
    """An empty SVG element: ``tag("circle", cx=1.0, cy=2.0, r=3.0)``."""
    return f"<{name}{attrs(**values)}/>"


def opening(name: str, **values: object) -> str:
    """The start tag of an SVG element with content: ``opening("g", class_="x")``."""
    return f"<{name}{attrs(**values)}>"


def text_element(
    x: float, baseline: float, text: str, css: str, anchor: str = "start", size: float | None = None
) -> str:
    return (
        f"<text{attrs(x=x, y=baseline, class_=css, text_anchor=anchor, font_size=size)}>"
        f"{escape(text)}</text>"
    )


def path_data(points: Sequence[tuple[float, float]], closed: bool = False) -> str:
    if not points:
        return ""
    head, *rest = points
    data = f"M{num(head[0])} {num(head[1])}" + "".join(f"L{num(x)} {num(y)}" for x, y in rest)
    return data + ("Z" if closed else "")


# Colours: on a page, Furo's own variables (so the figure follows its light and dark modes,
# the reader's toggle included); in a file of its own (EPUB), the fallbacks and the
# reader's colour scheme; in print, plain colours CairoSVG understands.
_SCREEN_COLOURS = {
    "ink": ("--color-foreground-primary", "#1f1f1f", "#e6e6e6"),
    "muted": ("--color-foreground-muted", "#5c5c5c", "#a8a8a8"),
    "rule": ("--color-foreground-border", "#8c8c8c", "#6e6e6e"),
    "paper": ("--color-background-primary", "#ffffff", "#131416"),
    "wash": ("--color-background-secondary", "#eef2f6", "#1f2328"),
    "accent": ("--color-brand-primary", "#1b5fa8", "#6fb0ee"),
    "alert": ("--color-problematic", "#b30000", "#ff6b6b"),
}
PRINT_COLOURS = {
    "ink": "#1f1f1f",
    "muted": "#555555",
    "rule": "#999999",
    "paper": "#ffffff",
    "wash": "#e6eef5",
    "accent": "#1b5fa8",
    "alert": "#b30000",
}
CSS_RULES = (
    # class: the properties that use the colours
    ("ink", "fill:{ink}"),
    ("muted", "fill:{muted}"),
    ("accent", "fill:{accent}"),
    ("alert", "fill:{alert}"),
    ("paper", "fill:{paper}"),
    ("halo", "stroke:{paper};stroke-width:3px;stroke-linejoin:round;paint-order:stroke"),
    ("stroke-ink", "fill:none;stroke:{ink}"),
    ("stroke-rule", "fill:none;stroke:{rule}"),
    ("stroke-accent", "fill:none;stroke:{accent}"),
    ("stroke-alert", "fill:none;stroke:{alert}"),
    ("land", "fill:{paper};stroke:none"),
    ("water", "fill:{wash};stroke:none"),
)


def stylesheet(scope: str, screen: bool, font_size: float) -> str:
    """The figure's CSS, scoped to its class (an inline SVG's style applies to the page)."""
    if screen:
        light = ";".join(f"--fig-{name}:{values[1]}" for name, values in _SCREEN_COLOURS.items())
        dark = ";".join(f"--fig-{name}:{values[2]}" for name, values in _SCREEN_COLOURS.items())
        colours = {
            name: f"var({values[0]},var(--fig-{name}))" for name, values in _SCREEN_COLOURS.items()
        }
        head = f".{scope}{{{light}}}@media (prefers-color-scheme:dark){{.{scope}{{{dark}}}}}"
    else:
        colours = dict(PRINT_COLOURS)
        head = ""
    rules = "".join(
        f".{scope} .{name}{{{rule.format(**colours)}}}"
        for name, rule in CSS_RULES
        # CairoSVG has no paint-order: a halo would hide the text in print
        if screen or name != "halo"
    )
    text = f".{scope} text{{font-family:{FONT_FAMILY};font-size:{num(font_size)}px}}"
    return head + text + rules


@dataclass(frozen=True)
class Drawing:
    """A figure as drawn: the SVG, every label with its box, and the text alternative."""

    svg: str
    labels: tuple[Label, ...]
    title: str
    description: str
    width: float
    height: float


def svg_document(
    scope: str,
    width: float,
    height: float,
    title: str,
    description: str,
    body: Iterable[str],
    screen: bool,
    font_size: float,
) -> str:
    """A complete SVG: role, title and description for screen readers, then the drawing."""
    ident = scope + ("" if screen else "-print")  # unique if both are on one page
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg"'
        f"{attrs(class_=scope, viewBox=f'0 0 {num(width)} {num(height)}')}"
        f"{attrs(width=width, height=height, role='img')}"
        f' aria-labelledby="{ident}-title {ident}-desc">'
    )
    parts = [
        head,
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(description)}</desc>',
        f"<style>{stylesheet(scope, screen, font_size)}</style>",
        *body,
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


def free_spot(
    candidates: Iterable[Box], placed: Sequence[Box], frame: Box, gap: float = 1.5
) -> Box | None:
    """The first candidate box that stays in the frame and overlaps nothing placed."""
    for box in candidates:
        if box.inside(frame) and not any(box.overlaps(other, gap) for other in placed):
            return box
    return None
