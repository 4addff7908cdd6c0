"""A linked term explains itself where it stands (hover, keyboard, tap) and leads to its
entry in the glossary, whose "appears in" leads back to the paragraph."""

from __future__ import annotations

import re
from typing import Any

import pytest

from annotated_edition.glossary import Entry, load_glossary

from .reader import (
    LONG_ARTICLE,
    PAGES,
    PHONE,
    THEMES,
    article_path,
    assert_fully_on_screen,
    assert_lands_on,
    assert_next_to,
    assert_on_screen_at,
    describe,
    font_size,
    put_on_screen,
    reading,
    tab_to,
    wait_in_view,
)
from conftest import DOCS

ENTRIES: dict[str, Entry] = {entry.id: entry
                             for entry in load_glossary(DOCS / "glossary.yaml")[0]}
# Terms far down the longest article: going to the entry and back needs a scroll each way.
LATER = LONG_ARTICLE.paragraphs[len(LONG_ARTICLE.paragraphs) * 2 // 3:]
POPOVER = ".glossary-popover"
READABLE = 14  # px: the smallest text a popover may use
EDGE = 8  # px: a popover never touches the edge of the screen


def first_term(page: Any) -> tuple[Any, Entry, str]:
    """The first linked term in the later paragraphs: (its link, its entry, the paragraph)."""
    for paragraph in LATER:
        links = page.locator(f"#{paragraph.anchor} a[data-glossary]")
        if links.count():
            return links.first, ENTRIES[links.first.get_attribute("data-glossary")], \
                paragraph.anchor
    raise AssertionError(f"no linked term after {LATER[0].anchor} of {LONG_ARTICLE.slug}")


def longest_definition(page: Any) -> tuple[Any, Entry]:
    """The linked term of the page with the longest definition: the largest popover."""
    ids = page.locator("a[data-glossary]").evaluate_all(
        "(links) => links.map((link) => link.dataset.glossary)")
    longest = max(ids, key=lambda ident: len(ENTRIES[ident].definition))
    return page.locator(f'a[data-glossary="{longest}"]').first, ENTRIES[longest]


def assert_shows_definition(page: Any, entry: Entry) -> Any:
    """The popover is open and says what the glossary file says of the entry."""
    popover = page.locator(POPOVER)
    popover.wait_for(state="visible")
    assert popover.count() == 1
    text = reading(popover.inner_text())
    assert text.startswith(entry.term), text
    assert reading(entry.definition) in text, text
    return popover


def test_hovering_a_term_shows_its_definition(open_page: Any) -> None:
    page = open_page(PAGES["article"])
    link, entry, _ = first_term(page)
    assert page.locator(POPOVER).count() == 0
    link.hover()
    popover = assert_shows_definition(page, entry)
    assert_next_to(popover, link)
    page.mouse.move(1, 1)  # leaving closes it
    popover.wait_for(state="detached")


def test_keyboard_focus_shows_the_definition_and_esc_closes_it(open_page: Any) -> None:
    page = open_page(PAGES["article"])
    link, entry, _ = first_term(page)
    tab_to(page, link)
    popover = assert_shows_definition(page, entry)
    page.keyboard.press("Escape")
    popover.wait_for(state="detached")
    assert link.evaluate("(link) => document.activeElement === link")  # focus stays


def test_the_link_is_described_by_the_definition(open_page: Any) -> None:
    """A screen reader announces the definition with the link (aria-describedby)."""
    from playwright.sync_api import expect

    page = open_page(PAGES["article"])
    link, entry, _ = first_term(page)
    described = link.get_attribute("aria-describedby")
    assert described
    assert reading(entry.definition) in reading(
        page.locator(f"[id='{described}']").text_content())
    expect(link).to_have_accessible_description(re.compile(re.escape(entry.definition)))


@pytest.mark.parametrize("theme", THEMES)
def test_an_open_definition_is_accessible(open_page: Any, serious_violations: Any,
                                          theme: str) -> None:
    """The popover is drawn by the script, after the page axe checked: check it open."""
    page = open_page(PAGES["article"], theme=theme)
    link, entry, _ = first_term(page)
    link.hover()
    assert_shows_definition(page, entry)
    violations = serious_violations(page, POPOVER)
    assert not violations, describe(violations)


@pytest.mark.parametrize("width", [1280, PHONE["width"]])
def test_a_term_leads_to_its_entry_and_back(open_page: Any, width: int) -> None:
    page = open_page(PAGES["article"], width=width)
    link, entry, anchor = first_term(page)
    link.click()
    page.wait_for_url("**/" + PAGES["glossary"] + "#*")
    target = page.locator(":target")
    assert target.count() == 1
    assert reading(target.inner_text()).startswith(entry.term)
    wait_in_view(page, target)
    background = "(element) => getComputedStyle(element).backgroundColor"
    assert target.evaluate(background) != \
        page.locator("dt:not(:target)").first.evaluate(background)  # highlighted
    # the entry's "appears in" names the paragraph the term was read in
    back = page.locator(f':target + dd .glossary-appears-in '
                        f'a[href="{article_path(LONG_ARTICLE)}#{anchor}"]')
    assert back.count() == 1
    back.click()
    page.wait_for_url(f"**/{article_path(LONG_ARTICLE)}#{anchor}")
    assert_lands_on(page, anchor)


def test_a_tap_shows_the_definition_and_a_second_tap_follows_the_link(
        open_page: Any) -> None:
    """On a touch screen there is no hover: the first tap explains, the second goes."""
    page = open_page(PAGES["article"], width=PHONE["width"], has_touch=True)
    link, entry, _ = first_term(page)
    link.tap()
    popover = assert_shows_definition(page, entry)
    assert page.url.endswith(PAGES["article"])  # the tap did not follow the link
    page.locator("h1").tap()  # a tap elsewhere closes it
    popover.wait_for(state="detached")
    link.tap()
    assert_shows_definition(page, entry)
    link.tap()
    page.wait_for_url("**/" + PAGES["glossary"] + "#*")


@pytest.mark.parametrize("where", [0.25, 0.85], ids=["term-high", "term-low"])
def test_the_longest_definition_fits_a_phone_screen_and_is_readable(open_page: Any,
                                                                     where: float) -> None:
    """Wherever the term is on the screen, all of its definition can be read."""
    page = open_page(PAGES["article"], width=PHONE["width"], has_touch=True)
    link, entry = longest_definition(page)
    put_on_screen(page, link, where)
    link.tap()
    popover = assert_shows_definition(page, entry)
    assert_on_screen_at(link, where)
    assert_next_to(popover, link)
    assert_fully_on_screen(popover, margin=EDGE)
    assert font_size(popover) >= READABLE
