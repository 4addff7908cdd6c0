"""Reading comfort: line length and type for long reading, and a phone layout that fits."""

from __future__ import annotations

import statistics
import struct
from typing import Any

import pytest

from .reader import DESKTOP, LINE_LENGTHS_JS, PAGES, PHONE, full_lines

# Characters per line that long reading tolerates well (typographers give 45-90, 66 ideal).
COMFORTABLE = range(60, 86)
# Every page a reader may meet, with the search results page besides the PAGES.
ALL_PAGES = {**PAGES, "search": "search.html?q=Shusha"}


def test_article_lines_are_of_a_comfortable_length(open_page: Any) -> None:
    page = open_page(PAGES["article"], width=DESKTOP["width"])
    lines = full_lines(page.evaluate(LINE_LENGTHS_JS, "p.article-paragraph"))
    assert len(lines) > 20
    median = statistics.median(lines)
    print(f"characters per line at {DESKTOP['width']}px: median {median}, "
          f"range {min(lines)}-{max(lines)}")
    assert median in COMFORTABLE, median
    assert max(lines) < 100


@pytest.mark.parametrize("width", [DESKTOP["width"], PHONE["width"]])
def test_article_type_suits_long_reading(open_page: Any, width: int) -> None:
    page = open_page(PAGES["article"], width=width)
    size, leading = page.evaluate("""() => {
        const style = getComputedStyle(document.querySelector('p.article-paragraph'));
        return [parseFloat(style.fontSize), parseFloat(style.lineHeight)];
    }""")
    assert size >= 16
    assert 1.4 <= leading / size <= 1.8


@pytest.mark.parametrize("name", list(ALL_PAGES))
def test_nothing_overflows_on_a_phone(open_page: Any, name: str) -> None:
    page = open_page(ALL_PAGES[name], width=PHONE["width"])
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], f"{name} is {width}px wide on a {PHONE['width']}px phone"


@pytest.mark.parametrize("name", list(PAGES))
def test_the_phone_header_holds_the_title(open_page: Any, name: str) -> None:
    """The edition's long title must not spill out of the phone's one-line header."""
    page = open_page(PAGES[name], width=PHONE["width"])
    header = page.locator(".mobile-header").bounding_box()
    title = page.locator(".mobile-header .brand").bounding_box()
    assert header and title
    assert title["y"] >= header["y"]
    assert title["y"] + title["height"] <= header["y"] + header["height"]


@pytest.mark.parametrize("width", [DESKTOP["width"], PHONE["width"]])
@pytest.mark.parametrize("name", list(PAGES))
def test_headings_shrink_with_their_level(open_page: Any, name: str, width: int) -> None:
    page = open_page(PAGES[name], width=width)
    sizes = page.evaluate("""() => ['h1', 'h2', 'h3'].map((tag) => {
        const heading = document.querySelector(`article[role="main"] ${tag}`);
        return heading ? parseFloat(getComputedStyle(heading).fontSize) : null;
    })""")
    shown = [size for size in sizes if size is not None]
    assert shown == sorted(shown, reverse=True) and len(set(shown)) == len(shown), sizes


def png_width(data: bytes) -> int:
    """The width in the PNG's header (IHDR, right after the signature)."""
    return struct.unpack(">I", data[16:20])[0]


@pytest.mark.parametrize("width", [DESKTOP["width"], PHONE["width"]])
@pytest.mark.parametrize("name", list(PAGES))
def test_screenshots_for_review(open_page: Any, screenshot: Any, name: str,
                                width: int) -> None:
    page = open_page(PAGES[name], width=width)
    path = screenshot(page, f"{name}-{width}")
    assert png_width(path.read_bytes()) == width  # a full page no wider than the screen
