"""Shared passages as a reader meets them: the sign beside a paragraph leads to its
collation, where the Akar report's date stands against the other copies' 2020."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import SCREENSHOTS
from .reader import ARTICLES, THEMES, article_path, describe, wait_in_view

AKAR = next(article for article in ARTICLES if article.file.startswith("004_"))
# the background paragraph whose "Sept. 27, 2021" the other copies give as 2020
DATE_PARAGRAPH = next(block.anchor for block in AKAR.paragraphs
                      if "Sept. 27, 2021" in block.text)


@pytest.mark.parametrize("theme", THEMES)
def test_the_sign_leads_to_the_collation_with_the_date_variant(
        open_page: Any, serious_violations: Any, screenshot: Any, theme: str) -> None:
    page = open_page(article_path(AKAR), theme=theme)
    paragraph = page.locator(f"[id='{DATE_PARAGRAPH}']")
    sign = paragraph.locator("a.passage-sign")
    assert sign.count() == 1 and sign.is_visible()
    label = sign.get_attribute("aria-label") or ""
    assert label.startswith("Shared passage") and "see how the copies differ" in label
    paragraph.scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    paragraph.screenshot(path=str(SCREENSHOTS / f"passage-sign-{theme}.png"))
    assert not serious_violations(page), describe(serious_violations(page))
    sign.click()
    page.wait_for_url("**/passages.html#passage-*")
    target = page.locator(".shared-passage:target")
    wait_in_view(page, target)
    assert "Sept. 27, 2021" in target.inner_text()
    variant = target.locator("li.passage-variant-date", has_text="Sept. 27, 2021")
    assert variant.count() == 1
    assert "in September 2020" in variant.inner_text()
    assert "a date differs" in variant.inner_text()
    screenshot(page, f"passages-{theme}")
    assert not serious_violations(page), describe(serious_violations(page))


def test_a_witness_link_lands_on_its_paragraph(open_page: Any) -> None:
    page = open_page("passages.html")
    link = page.locator(".shared-passage .passage-witness a",
                        has_text=f"¶{DATE_PARAGRAPH.lstrip('p')}").first
    link.click()
    page.wait_for_url(f"**/{article_path(AKAR)}#{DATE_PARAGRAPH}")
    wait_in_view(page, page.locator(f"[id='{DATE_PARAGRAPH}']"))
