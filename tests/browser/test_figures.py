"""The timeline and the map as a reader sees them: readable in both colour modes, at desktop
and phone widths, scrollable sideways on a phone, and reached from the glossary."""

from __future__ import annotations

from typing import Any

import pytest

from .reader import describe

FIGURES = {"timeline": "chronology.html", "map": "places.html"}
WIDTHS = (1366, 390)

# The colour a label is drawn in and the page's background, as the browser computes them.
COLOURS_JS = """(figure) => {
  const label = document.querySelector(`#figure-${figure} svg text.ink`);
  const page = getComputedStyle(document.body).backgroundColor;
  return [getComputedStyle(label).fill, page];
}"""
SCROLL_JS = """(figure) => {
  const box = document.querySelector(`#figure-${figure} .edition-figure-scroll`);
  return [box.scrollWidth, box.clientWidth, box.tabIndex];
}"""


def luminance(css: str) -> float:
    red, green, blue = (float(v) / 255 for v in css[css.index("(") + 1:-1].split(",")[:3])

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: str, second: str) -> float:
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("figure", list(FIGURES))
def test_figure_reads_in_both_modes_and_widths(open_page: Any, screenshot: Any, figure: str,
                                               width: int, theme: str) -> None:
    page = open_page(FIGURES[figure], width=width, theme=theme)
    element = page.locator(f"#figure-{figure}")
    element.scroll_into_view_if_needed()
    assert element.locator("svg").is_visible()
    path = screenshot(page, f"figure-{figure}-{width}-{theme}")
    element.screenshot(path=str(path.with_name(f"figure-{figure}-{width}-{theme}-only.png")))
    label, background = page.evaluate(COLOURS_JS, figure)
    assert contrast(label, background) >= 4.5, (label, background)
    scroll_width, client_width, tab_index = page.evaluate(SCROLL_JS, figure)
    assert tab_index == 0  # a box that scrolls can be scrolled with the keyboard
    if width == 390:
        assert scroll_width > client_width  # too small to read squeezed: it scrolls instead
    else:
        assert scroll_width <= client_width + 1


@pytest.mark.parametrize("figure", list(FIGURES))
def test_figure_follows_the_theme_toggle(open_page: Any, figure: str) -> None:
    """Furo's toggle (dark on a light system) recolours the figure too."""
    page = open_page(FIGURES[figure], theme="light")
    light, _ = page.evaluate(COLOURS_JS, figure)
    page.evaluate("document.body.dataset.theme = 'dark'")
    dark, background = page.evaluate(COLOURS_JS, figure)
    assert luminance(dark) > luminance(light)
    assert contrast(dark, background) >= 4.5


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_figures_pass_axe(open_page: Any, serious_violations: Any, theme: str) -> None:
    for figure, path in FIGURES.items():
        page = open_page(path, theme=theme)
        violations = serious_violations(page, f"#figure-{figure}")
        assert not violations, describe(violations)


def test_a_glossary_place_leads_to_the_map(open_page: Any) -> None:
    page = open_page("glossary.html")
    page.locator("a.edition-map-link[href='places.html#place-shusha']").click()
    page.wait_for_url("**/places.html#place-shusha")
    item = page.locator("li#place-shusha")
    assert "Shusha / Shushi" in item.inner_text()
    assert "39.76° N, 46.75° E" in item.inner_text()
