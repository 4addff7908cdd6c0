"""The chronology quotes each source's sentence, and a source link lands on the paragraph
that says it, highlighted."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .reader import PAGES, PHONE, SOURCE_TEXT_JS, assert_lands_on, reading

# Every source on the page: its link's address and title, and the quote shown below it.
SOURCES_JS = """() => Array.from(document.querySelectorAll('li.chronology-source')).map((item) => {
  const link = item.querySelector('a.chronology-source-link');
  const quote = item.querySelector('.chronology-quote');
  return {url: link.getAttribute('href'), title: link.title,
          quote: quote && quote.checkVisibility() ? quote.innerText : null};
})"""


def sources(site: Any) -> list[dict[str, Any]]:
    """Every event's sources, from the chronology.json the build wrote."""
    data = json.loads((site.outdir / "chronology.json").read_text(encoding="utf-8"))
    return [source for event in data["events"] for source in event["sources"]]


@pytest.fixture
def far_source(site: Any) -> dict[str, Any]:
    """The source furthest down its article: landing on it needs the longest scroll."""
    return max(sources(site), key=lambda source: int(source["anchor"].lstrip("p")))


def test_every_source_shows_its_sentence(open_page: Any, site: Any) -> None:
    """The quote is printed below each link (and is the link's tooltip): no need to hover."""
    expected = sorted((s["url"], s["quote"]) for s in sources(site))
    assert expected
    shown = open_page(PAGES["chronology"]).evaluate(SOURCES_JS)
    assert sorted((s["url"], s["title"]) for s in shown) == expected
    assert sorted((s["url"], s["quote"]) for s in shown) == \
        [(url, f"“{quote}”") for url, quote in expected]


@pytest.mark.parametrize("width", [1280, PHONE["width"]])
def test_a_source_link_lands_on_the_paragraph_that_says_it(
        open_page: Any, far_source: dict[str, Any], width: int) -> None:
    page = open_page(PAGES["chronology"], width=width)
    link = page.get_by_title(far_source["quote"], exact=True).and_(
        page.locator(f'a.chronology-source-link[href="{far_source["url"]}"]')).first
    anchor = far_source["anchor"]
    assert link.inner_text().endswith(f"paragraph {anchor.lstrip('p')}")
    link.click()
    page.wait_for_url(f"**/{far_source['url']}")
    assert_lands_on(page, anchor)
    paragraph = page.locator(f"[id='{anchor}']").evaluate(SOURCE_TEXT_JS)
    assert reading(far_source["quote"]) in reading(paragraph)
