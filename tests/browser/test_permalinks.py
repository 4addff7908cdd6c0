"""A paragraph's pilcrow gives an address to cite; opened, it shows that paragraph."""

from __future__ import annotations

from typing import Any

import pytest

from .reader import IN_VIEW_JS, LONG_ARTICLE, PAGES, PHONE, THEMES
from htmltext import words

# A paragraph far down the longest article, so that landing on it needs a scroll.
CITED = LONG_ARTICLE.paragraphs[len(LONG_ARTICLE.paragraphs) * 2 // 3]
WAIT_IN_VIEW = f"(id) => ({IN_VIEW_JS})(document.getElementById(id))"


def test_the_pilcrow_link_is_the_paragraphs_address(open_page: Any, site: Any) -> None:
    page = open_page(PAGES["article"])
    pilcrow = page.locator(f"#{CITED.anchor} a.paragraph-permalink")
    address = site.url(PAGES["article"]) + f"#{CITED.anchor}"
    assert pilcrow.evaluate("link => link.href") == address
    pilcrow.click()
    assert page.url == address  # what the reader copies from the address bar


@pytest.mark.parametrize("width", [1280, PHONE["width"]])
@pytest.mark.parametrize("theme", THEMES)
def test_the_cited_address_lands_on_the_paragraph_highlighted(
        open_page: Any, serious_violations: Any, width: int, theme: str) -> None:
    page = open_page(f"{PAGES['article']}#{CITED.anchor}", width=width, theme=theme)
    # Furo scrolls smoothly: wait until the paragraph is on screen, not under the header
    page.wait_for_function(WAIT_IN_VIEW, arg=CITED.anchor, timeout=5000)
    paragraph = page.locator(f"#{CITED.anchor}")
    assert words(paragraph.inner_text())[:12] == words(CITED.text)[:12]
    assert paragraph.evaluate("p => p.matches(':target')")
    other = LONG_ARTICLE.paragraphs[0].anchor
    background = "id => getComputedStyle(document.getElementById(id)).backgroundColor"
    assert page.evaluate(background, CITED.anchor) != page.evaluate(background, other)
    # the highlight keeps the text readable in both colour modes
    assert serious_violations(page, f"#{CITED.anchor}") == []
