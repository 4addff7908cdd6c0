"""An editorial note opens in place by its marker (hover, keyboard, tap), fits a phone, and
the marker and the footnote at the end of the article lead to each other."""

from __future__ import annotations

from typing import Any

import pytest

from annotated_edition.notes import AnchoredNote, anchor_notes, load_notes

from .reader import (
    ARTICLES,
    IN_VIEW_JS,
    LONG_ARTICLE,
    PHONE,
    THEMES,
    article_path,
    assert_fully_on_screen,
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
from notehtml import plain_words

PLACED = anchor_notes(load_notes(DOCS / "notes.yaml")[0], ARTICLES)[0]
ARTICLE_OF = {article.file: article for article in ARTICLES}
POPOVER = ".edition-note-popover"
READABLE = 14  # px: the smallest text a popover may use
EDGE = 8  # px: a popover never touches the edge of the screen


def numbered(file: str, note: AnchoredNote) -> tuple[str, int, AnchoredNote]:
    """(the article's address, the note's number there, the note): notes are numbered
    per article in reading order."""
    return article_path(ARTICLE_OF[file]), PLACED[file].index(note) + 1, note


# The longest note of the longest article: its marker and its footnote are far apart.
NOTE = numbered(LONG_ARTICLE.file, max(PLACED[LONG_ARTICLE.file],
                                       key=lambda note: len(note.note.text)))
# The longest note of the edition: the largest popover a phone has to hold.
LONGEST = numbered(*max(((file, note) for file, notes in PLACED.items() for note in notes),
                        key=lambda pair: len(pair[1].note.text)))


def marker(page: Any, number: int) -> Any:
    return page.locator(f'a.edition-note-ref[href="#note-{number}"]')


def footnote_text(page: Any, number: int) -> str:
    """The note as the footnote at the end of the article gives it (without its label)."""
    return reading(page.locator(f"[id='note-{number}']").evaluate(
        """(note) => Array.from(note.children)
             .filter((child) => !child.matches('.label, .backrefs'))
             .map((child) => child.textContent).join(' ')"""))


def assert_shows_note(page: Any, number: int, note: AnchoredNote) -> Any:
    """The note's popover is open, says what the notes file says, and is tied to its marker."""
    popover = page.locator(POPOVER)
    popover.wait_for(state="visible")
    assert popover.count() == 1
    text = reading(popover.evaluate("""(pop) => Array.from(pop.children)
        .filter((child) => !child.matches('.edition-note-jump, .edition-note-head'))
        .map((child) => child.textContent).join(' ')"""))
    assert text == footnote_text(page, number)
    assert reading(plain_words(note.note.text)) in text
    assert marker(page, number).get_attribute("aria-describedby") == \
        popover.get_attribute("id")
    assert marker(page, number).get_attribute("aria-expanded") == "true"
    return popover


def test_hovering_a_marker_opens_its_note(open_page: Any) -> None:
    path, number, note = NOTE
    page = open_page(path)
    assert page.locator(POPOVER).count() == 0
    marker(page, number).hover()
    popover = assert_shows_note(page, number, note)
    assert_next_to(popover, marker(page, number))
    page.mouse.move(1, 1)  # leaving closes it
    popover.wait_for(state="detached")
    assert marker(page, number).get_attribute("aria-expanded") == "false"


def test_keyboard_focus_opens_the_note_and_esc_closes_it(open_page: Any) -> None:
    path, number, note = NOTE
    page = open_page(path)
    tab_to(page, marker(page, number))
    popover = assert_shows_note(page, number, note)
    page.keyboard.press("Escape")
    popover.wait_for(state="detached")
    assert marker(page, number).evaluate("(ref) => document.activeElement === ref")


@pytest.mark.parametrize("theme", THEMES)
def test_an_open_note_is_accessible(open_page: Any, serious_violations: Any,
                                    theme: str) -> None:
    """The popover is drawn by the script, after the page axe checked: check it open."""
    path, number, note = NOTE
    page = open_page(path, theme=theme)
    marker(page, number).hover()
    assert_shows_note(page, number, note)
    violations = serious_violations(page, POPOVER)
    assert not violations, describe(violations)


@pytest.mark.parametrize("width", [1280, PHONE["width"]])
def test_the_marker_and_the_footnote_lead_to_each_other(open_page: Any, width: int) -> None:
    path, number, _ = NOTE
    page = open_page(path, width=width)
    ref = marker(page, number)
    ref.click()
    page.wait_for_url(f"**/{path}#note-{number}")
    footnote = page.locator(f"[id='note-{number}']")
    wait_in_view(page, footnote)
    assert footnote.evaluate("(note) => note.matches(':target')")
    assert not ref.evaluate(f"(ref) => ({IN_VIEW_JS})(ref)")  # it really was a jump
    back = footnote.locator('a[role="doc-backlink"]')
    assert back.count() == 1
    back.click()
    page.wait_for_url(f"**/{path}#{ref.get_attribute('id')}")
    wait_in_view(page, ref)


def test_a_tap_opens_the_note_and_a_second_tap_jumps(open_page: Any) -> None:
    """On a touch screen there is no hover: the first tap shows the note, the second goes."""
    path, number, note = NOTE
    page = open_page(path, width=PHONE["width"], has_touch=True)
    marker(page, number).tap()
    popover = assert_shows_note(page, number, note)
    assert page.url.endswith(path)  # the tap did not jump
    page.locator("h1").tap()  # a tap elsewhere closes it
    popover.wait_for(state="detached")
    marker(page, number).tap()
    assert_shows_note(page, number, note)
    marker(page, number).tap()
    page.wait_for_url(f"**/{path}#note-{number}")


@pytest.mark.parametrize("where", [0.25, 0.85], ids=["marker-high", "marker-low"])
def test_the_longest_note_fits_a_phone_screen_and_is_readable(open_page: Any,
                                                               where: float) -> None:
    """Wherever the marker is on the screen, all of the note can be read without scrolling."""
    path, number, note = LONGEST
    page = open_page(path, width=PHONE["width"], has_touch=True)
    ref = marker(page, number)
    put_on_screen(page, ref, where)
    ref.tap()
    popover = assert_shows_note(page, number, note)
    assert_on_screen_at(ref, where)
    assert_next_to(popover, ref)
    assert_fully_on_screen(popover, margin=EDGE)
    for part in popover.locator("p").all():
        assert font_size(part) >= READABLE
