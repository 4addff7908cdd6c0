"""The margins of an article: each paragraph's number, which is its address, and the notes
beside the lines that call them (1366 px); on a phone the numbers open the paragraphs and
the notes are reached from their markers (390 px). Light and dark alike."""

from __future__ import annotations

from typing import Any

import pytest

from .reader import ARTICLES, PAGES, THEMES, article_path

WIDE, PHONE = 1366, 390

# Per paragraph: the number a reader sees beside it, and the address its link gives.
NUMBERS_JS = """() => Array.from(document.querySelectorAll(
    'p.article-paragraph, p.article-subheading')).map((p) => {
  const number = p.querySelector(':scope > a.paragraph-number');
  if (!number) return {id: p.id, missing: true};
  const box = number.getBoundingClientRect(), text = p.getBoundingClientRect();
  return {id: p.id, shown: number.innerText.trim(), href: number.getAttribute('href'),
          visible: box.width > 0 && box.height > 0, left: box.left, right: box.right,
          top: box.top, textLeft: text.left, textTop: text.top,
          width: box.width, height: box.height};
})"""

# Per note marker: the box of its line (the client rect of the marker) and of its note.
MARGIN_JS = """() => Array.from(document.querySelectorAll('a.edition-note-ref')).map((ref) => {
  const note = ref.nextElementSibling;
  const r = ref.getBoundingClientRect(), n = note.getBoundingClientRect();
  const text = ref.closest('p').getBoundingClientRect();
  return {number: ref.innerText.trim(), kind: note.getAttribute('aria-label'),
          shown: getComputedStyle(note).display !== 'none',
          ref: {top: r.top, bottom: r.bottom, width: r.width, height: r.height},
          note: {top: n.top, bottom: n.bottom, left: n.left, right: n.right},
          textRight: text.right, screen: document.documentElement.clientWidth,
          listShown: getComputedStyle(document.querySelector('.edition-notes')).display
                     !== 'none'};
})"""


@pytest.mark.parametrize("width", [WIDE, PHONE])
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("article", ARTICLES, ids=lambda article: article.slug)
def test_the_number_beside_each_paragraph_is_its_address(open_page: Any, article: Any,
                                                        width: int, theme: str) -> None:
    page = open_page(article_path(article), width=width, theme=theme)
    numbers = page.evaluate(NUMBERS_JS)
    assert [n["id"] for n in numbers] == [block.anchor for block in article.blocks]
    for number in numbers:
        assert not number.get("missing"), number
        assert number["visible"], number
        assert number["href"] == f"#{number['id']}"
        assert f"p{number['shown']}" == number["id"]  # the number shown is the address
        assert number["width"] >= 24 and number["height"] >= 24, number  # a tap target
        if width == WIDE:  # in the left margin, at the first line
            assert number["right"] <= number["textLeft"], number
            assert abs(number["top"] - number["textTop"]) < 12, number


@pytest.mark.parametrize("theme", THEMES)
def test_each_margin_note_stands_beside_its_marker_and_overlaps_none(
        open_page: Any, screenshot: Any, serious_violations: Any, theme: str) -> None:
    page = open_page(PAGES["article"], width=WIDE, theme=theme)
    notes = page.evaluate(MARGIN_JS)
    assert len(notes) > 10
    previous = None
    for note in notes:
        assert note["shown"] and not note["listShown"], note
        box, ref = note["note"], note["ref"]
        assert box["left"] >= note["textRight"] and box["right"] <= note["screen"], note
        # beside the marker's line, or, when the note above still runs there, right under it
        assert box["top"] >= ref["top"] - 8, note
        beside = box["top"] <= ref["bottom"] + 4
        pushed = previous is not None and 0 <= box["top"] - previous["bottom"] <= 24
        assert beside or pushed, (note, previous)
        if previous is not None:
            assert box["top"] >= previous["bottom"], (note, previous)  # no overlap
        previous = box
    screenshot(page, f"margin-notes-{WIDE}-{theme}")
    assert serious_violations(page) == []


@pytest.mark.parametrize("theme", THEMES)
def test_on_a_phone_the_markers_are_tap_targets_and_the_notes_in_the_list(
        open_page: Any, theme: str) -> None:
    page = open_page(PAGES["article"], width=PHONE, theme=theme, has_touch=True)
    notes = page.evaluate(MARGIN_JS)
    for note in notes:
        assert not note["shown"] and note["listShown"], note
        assert note["ref"]["width"] >= 24 and note["ref"]["height"] >= 24, note
    marker = page.locator("a.edition-note-ref").first
    marker.tap()
    popover = page.locator(".edition-note-popover")
    popover.wait_for()
    head = popover.locator(".edition-note-head").inner_text()
    kind = notes[0]["kind"].split("(")[1].rstrip(")")
    assert f"Note {notes[0]['number']}" in head and kind in head


def test_without_javascript_every_note_is_beside_its_marker_or_in_the_list(
        open_page: Any) -> None:
    for width, in_margin in ((WIDE, True), (PHONE, False)):
        page = open_page(PAGES["article"], width=width, java_script_enabled=False)
        notes = page.evaluate(MARGIN_JS)  # page.evaluate runs even with scripts disabled
        assert notes and all(note["shown"] == in_margin for note in notes)
        assert all(note["listShown"] != in_margin for note in notes)
