"""axe-core finds no serious or critical violation, in light and in dark mode."""

from __future__ import annotations

from typing import Any

import pytest

from .reader import PAGES, THEMES, describe

COLOURS_JS = """() => ['body', 'p', 'a', 'h1'].map((selector) => {
  const style = getComputedStyle(document.querySelector(selector));
  return [selector, style.color, style.backgroundColor];
})"""


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violation(
        open_page: Any, serious_violations: Any, name: str, theme: str) -> None:
    page = open_page(PAGES[name], theme=theme)
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == \
        (theme == "dark")
    violations = serious_violations(page)
    assert not violations, describe(violations)


def rgb(css_colour: str) -> tuple[float, ...]:
    return tuple(float(part) for part in
                 css_colour[css_colour.index("(") + 1:-1].split(",")[:3])


def luminance(css_colour: str | tuple[float, ...]) -> float:
    """Relative luminance of an ``rgb(...)`` colour, as WCAG defines it."""
    channels = rgb(css_colour) if isinstance(css_colour, str) else css_colour
    red, green, blue = (channel / 255 for channel in channels)

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(one: float, other: float) -> float:
    return (max(one, other) + 0.05) / (min(one, other) + 0.05)


# The pilcrow's colour, its opacity, and the first opaque background behind it.
PILCROW_JS = """() => {
  const link = document.querySelector('a.paragraph-permalink');
  let behind = link.parentElement;
  while (behind && getComputedStyle(behind).backgroundColor.endsWith(', 0)')) {
    behind = behind.parentElement;
  }
  const style = getComputedStyle(link);
  return [style.color, parseFloat(style.opacity),
          getComputedStyle(behind || document.body).backgroundColor];
}"""


@pytest.mark.parametrize("theme", THEMES)
def test_pilcrows_are_visible_enough_to_be_found(open_page: Any, theme: str) -> None:
    """axe leaves a one-character link unchecked; WCAG asks 3:1 for a control (1.4.11)."""
    page = open_page(PAGES["article"], theme=theme)
    colour, opacity, background = page.evaluate(PILCROW_JS)
    seen = tuple(opacity * c + (1 - opacity) * b
                 for c, b in zip(rgb(colour), rgb(background), strict=True))
    ratio = contrast(luminance(seen), luminance(background))
    print(f"pilcrow contrast, {theme}: {ratio:.2f}:1")
    assert ratio >= 3


def test_the_theme_toggle_gives_the_dark_mode_that_axe_checked(open_page: Any) -> None:
    """Dark by the system setting (what axe checks above) and dark by Furo's toggle agree."""
    system = open_page(PAGES["article"], theme="dark")
    dark = system.evaluate(COLOURS_JS)
    assert luminance(dark[0][2]) < 0.05  # the page really is dark
    toggled = open_page(PAGES["article"], theme="light")
    toggle = toggled.locator("button.theme-toggle:visible").first
    for _ in range(3):  # Furo cycles auto -> dark -> light
        if toggled.evaluate("document.body.dataset.theme") == "dark":
            break
        toggle.click()
    assert toggled.evaluate("document.body.dataset.theme") == "dark"
    assert toggled.evaluate(COLOURS_JS) == dark
