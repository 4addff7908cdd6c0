"""A paragraph's number gives an address to cite; opened, it shows that paragraph."""

from __future__ import annotations

from typing import Any

import pytest

from .reader import LONG_ARTICLE, PAGES, PHONE, SOURCE_TEXT_JS, THEMES, assert_lands_on
from htmltext import words

# A paragraph far down the longest article, so that landing on it needs a scroll.
CITED = LONG_ARTICLE.paragraphs[len(LONG_ARTICLE.paragraphs) * 2 // 3]


def test_the_paragraph_number_is_the_paragraphs_address(open_page: Any, site: Any) -> None:
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
    assert_lands_on(page, CITED.anchor)
    shown = page.locator(f"#{CITED.anchor}").evaluate(SOURCE_TEXT_JS)  # without the number
    assert words(shown)[:12] == words(CITED.text)[:12]
    # the highlight keeps the text readable in both colour modes
    assert serious_violations(page, f"#{CITED.anchor}") == []
