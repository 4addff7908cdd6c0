"""The landing page as a reader uses it: a card per article that opens the article."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .reader import ARTICLES, PAGES, article_path

# Doctree markup printed as text (a node passed where a string was expected) looks so.
LEAKED_MARKUP = re.compile(r"</?(pending_xref|inline|reference|paragraph|container)\b")


@pytest.mark.parametrize("index", range(len(ARTICLES)))
def test_a_card_opens_its_article(open_page: Any, index: int) -> None:
    article = ARTICLES[index]
    page = open_page(PAGES["landing"])
    card = page.locator(".article-card").nth(index)
    assert article.outlet in card.inner_text()
    card.click()  # anywhere on the card: its link is stretched over it
    page.wait_for_url(f"**/{article_path(article)}")
    assert article.title.strip("[]") in page.locator("h1").inner_text()


@pytest.mark.parametrize("name", list(PAGES))
def test_no_markup_is_shown_as_text(open_page: Any, name: str) -> None:
    text = open_page(PAGES[name]).locator("body").inner_text()
    assert not LEAKED_MARKUP.search(text), LEAKED_MARKUP.search(text)
