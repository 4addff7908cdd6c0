"""What the browser tests read: the pages a reader meets, and measurements in the page.

Add a page to ``PAGES`` and it is screenshotted, checked with axe in both colour modes and
checked for horizontal overflow on a phone.
"""

from __future__ import annotations

from typing import Any

from annotated_edition.articles import Article, load_article
from annotated_edition.catalog import load_catalog, reading_order

from conftest import SEEDS

ARTICLES: list[Article] = [
    load_article(SEEDS, entry)[0]
    for entry in reading_order(load_catalog(SEEDS / "catalog.yaml", SEEDS)[0])]
# The longest article: the one where a jump to a paragraph needs the most scrolling.
LONG_ARTICLE: Article = max(ARTICLES, key=lambda article: len(article.paragraphs))


def article_path(article: Article) -> str:
    """The address of an article's page, relative to the root of the site."""
    return f"articles/{article.slug}.html"


# name -> address relative to the site root; the name is used in screenshot file names.
PAGES: dict[str, str] = {
    "landing": "index.html",
    "article": article_path(LONG_ARTICLE),
    "about": "about.html",
    "sources": "sources.html",
    "glossary": "glossary.html",
    "chronology": "chronology.html",
    "places": "places.html",
    "passages": "passages.html",
}

THEMES = ("light", "dark")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# Characters on each line of every article paragraph, measured from the rendered glyphs
# (one Range per character, grouped by the top of its line box); the edition's own
# additions (class ``apparatus``: pilcrows, note markers) are not counted.
LINE_LENGTHS_JS = """(selector) => Array.from(document.querySelectorAll(selector)).map((p) => {
  const lines = new Map();
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest(".apparatus")) continue;
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box) continue;
      const top = Math.round(box.top);
      lines.set(top, (lines.get(top) || 0) + 1);
    }
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]);
})"""

# Whether the element is on screen and is what the reader sees there (no header over it).
IN_VIEW_JS = """(element) => {
  const box = element.getBoundingClientRect();
  if (box.top < 0 || box.top >= window.innerHeight || box.height === 0) return false;
  const seen = document.elementFromPoint(box.left + 4, box.top + Math.min(8, box.height / 2));
  return seen !== null && (seen === element || element.contains(seen));
}"""


def wait_in_view(page: Any, element: Any, timeout: float = 5000) -> None:
    """Wait until ``element`` (a locator) is on screen and not under the header; Furo
    scrolls smoothly, so a jump takes a moment."""
    page.wait_for_function(f"(element) => ({IN_VIEW_JS})(element)",
                           arg=element.element_handle(), timeout=timeout)


def assert_lands_on(page: Any, anchor: str, timeout: float = 5000) -> None:
    """The page shows paragraph ``anchor``: on screen, not under the header, the URL's
    target, and highlighted (its background differs from the first paragraph's)."""
    wait_in_view(page, page.locator(f"[id='{anchor}']"), timeout)
    assert page.evaluate("(id) => document.getElementById(id).matches(':target')", anchor)
    background = "(id) => getComputedStyle(document.getElementById(id)).backgroundColor"
    first = page.evaluate("() => document.querySelector('p.article-paragraph').id")
    assert first != anchor, "choose a paragraph after the first"
    assert page.evaluate(background, anchor) != page.evaluate(background, first)


def tab_to(page: Any, element: Any, limit: int = 500) -> None:
    """Press Tab, as a keyboard reader does, until ``element`` (a locator) has the focus."""
    handle = element.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(element) => document.activeElement === element", handle):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {element}")


# The text a reader sees in an element, without what the edition adds (class apparatus).
SOURCE_TEXT_JS = """(element) => {
  const copy = element.cloneNode(true);
  copy.querySelectorAll('.apparatus').forEach((added) => added.remove());
  return copy.textContent;
}"""


def reading(text: str) -> str:
    """Text compared as a reader reads it: spaces collapsed, curly quotes made straight."""
    straight = text.translate(str.maketrans("“”‘’", "\"\"''"))
    return " ".join(straight.split())


# The box of an element and the screen's size, to tell whether all of it can be seen, and
# whether its four corners are the element itself (not a header or a button over it).
ON_SCREEN_JS = """(element) => {
  const box = element.getBoundingClientRect();
  const corners = [[box.left + 2, box.top + 2], [box.right - 2, box.top + 2],
                   [box.left + 2, box.bottom - 2], [box.right - 2, box.bottom - 2]];
  return {left: box.left, top: box.top, right: box.right, bottom: box.bottom,
          width: document.documentElement.clientWidth, height: window.innerHeight,
          page: document.scrollingElement.scrollWidth,
          covered: corners.filter(([x, y]) => !element.contains(document.elementFromPoint(x, y)))
                          .length};
}"""


def assert_fully_on_screen(element: Any, margin: float = 0) -> None:
    """All of ``element`` (a locator) is inside the screen, at least ``margin`` pixels from
    its edges, and the page is no wider than the screen."""
    box = element.evaluate(ON_SCREEN_JS)
    assert box["left"] >= margin and box["right"] <= box["width"] - margin, box
    assert box["top"] >= margin and box["bottom"] <= box["height"] - margin, box
    assert box["page"] <= box["width"], box
    assert box["covered"] == 0, box


def put_on_screen(page: Any, element: Any, fraction: float) -> None:
    """Scroll at once (no smooth scrolling) so that the top of ``element`` is at this
    fraction of the screen's height: 0.85 puts it near the bottom."""
    page.evaluate("""([element, fraction]) => window.scrollBy({behavior: 'instant',
        top: element.getBoundingClientRect().top - window.innerHeight * fraction})""",
                  [element.element_handle(), fraction])


def assert_on_screen_at(element: Any, fraction: float) -> None:
    """``element`` is still where ``put_on_screen`` put it: Playwright scrolls before a
    tap or a hover when it finds the element hidden, which would test another case."""
    box = element.evaluate("(element) => [element.getBoundingClientRect().top, innerHeight]")
    assert abs(box[0] - box[1] * fraction) < 20, f"moved to {box[0]}px of {box[1]}px"


def assert_next_to(popover: Any, element: Any, gap: float = 20) -> None:
    """``popover`` opened just below ``element`` or, where there was no room, just above."""
    one, other = element.bounding_box(), popover.bounding_box()
    below = other["y"] - (one["y"] + one["height"])
    above = one["y"] - (other["y"] + other["height"])
    assert 0 <= below <= gap or 0 <= above <= gap, (one, other)


def font_size(element: Any) -> float:
    """The computed font size of ``element`` (a locator), in CSS pixels."""
    return float(element.evaluate("(element) => parseFloat(getComputedStyle(element).fontSize)"))


def full_lines(lengths: list[list[int]]) -> list[int]:
    """Characters per line over paragraphs, leaving out each paragraph's last (short) line."""
    return [count for paragraph in lengths for count in paragraph[:-1]]


def describe(violations: list[dict[str, Any]]) -> str:
    """axe's violations as lines a developer can act on."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in violations)
