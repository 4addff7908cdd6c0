"""The reader's controls on an article: the plain text or the full apparatus, notes by
kind, remembered between visits and pages, by mouse and keyboard; and "Cite this" for the
article and for the paragraph the address names."""

from __future__ import annotations

from typing import Any

import pytest

from .reader import ARTICLES, LONG_ARTICLE, PAGES, THEMES, article_path, tab_to

WIDE, PHONE = 1366, 390

SHOWN_JS = """(selector) => Array.from(document.querySelectorAll(selector))
    .filter((element) => element.getClientRects().length > 0).length"""


def shown(page: Any, selector: str) -> int:
    return int(page.evaluate(SHOWN_JS, selector))


def kinds_on(page: Any) -> list[str]:
    return page.evaluate("""() => Array.from(
        document.querySelectorAll('.reader-controls input[name=kind]')).map((b) => b.value)""")


@pytest.mark.parametrize("width", [WIDE, PHONE])
@pytest.mark.parametrize("theme", THEMES)
def test_the_switch_shows_the_plain_text_and_is_remembered(
        open_page: Any, serious_violations: Any, screenshot: Any, width: int,
        theme: str) -> None:
    page = open_page(PAGES["article"], width=width, theme=theme)
    markers = shown(page, "a.edition-note-ref")
    assert markers > 0 and shown(page, "a.paragraph-number") > 0  # the default: everything
    switch = page.get_by_label("notes and glossary links")
    assert switch.is_checked()
    switch.uncheck()
    assert shown(page, "a.edition-note-ref") == 0
    assert shown(page, "small.margin-note, .edition-notes, .sic") == 0
    assert shown(page, "a.paragraph-number") == len(LONG_ARTICLE.blocks)  # still citable
    decoration = page.evaluate("""() => getComputedStyle(
        document.querySelector('article a[data-glossary]')).textDecorationLine""")
    assert decoration == "none"
    assert serious_violations(page) == []
    screenshot(page, f"plain-text-{width}-{theme}")
    page.reload()
    assert not page.get_by_label("notes and glossary links").is_checked()
    assert shown(page, "a.edition-note-ref") == 0
    other = next(article for article in ARTICLES if article is not LONG_ARTICLE)
    page.goto(page.url.replace(article_path(LONG_ARTICLE), article_path(other)))
    assert shown(page, "a.edition-note-ref") == 0  # every article, not this page only
    page.get_by_label("notes and glossary links").check()
    assert shown(page, "a.edition-note-ref") > 0


@pytest.mark.parametrize("width", [WIDE, PHONE])
def test_a_kind_of_note_can_be_hidden_and_stays_hidden(open_page: Any, width: int) -> None:
    page = open_page(PAGES["article"], width=width)
    kinds = kinds_on(page)
    assert len(kinds) >= 2
    hidden, kept = kinds[0], kinds[1]
    before = shown(page, f"a.note-kind-{kept}")
    assert shown(page, f"a.note-kind-{hidden}") > 0 and before > 0
    page.locator(f".reader-controls input[value='{hidden}']").uncheck()
    assert shown(page, f"a.note-kind-{hidden}") == 0
    assert shown(page, f"small.note-kind-{hidden}, aside.edition-note-{hidden}") == 0
    assert shown(page, f"a.note-kind-{kept}") == before
    page.reload()
    assert shown(page, f"a.note-kind-{hidden}") == 0
    assert not page.locator(f".reader-controls input[value='{hidden}']").is_checked()


def test_the_controls_work_from_the_keyboard(open_page: Any) -> None:
    page = open_page(PAGES["article"], width=WIDE)
    switch = page.locator(".reader-controls input[name=apparatus]")
    tab_to(page, switch)
    page.keyboard.press("Space")
    assert not switch.is_checked() and shown(page, "a.edition-note-ref") == 0
    page.keyboard.press("Space")
    assert shown(page, "a.edition-note-ref") > 0


def test_without_javascript_everything_is_shown_and_no_control(open_page: Any) -> None:
    page = open_page(PAGES["article"], width=WIDE, java_script_enabled=False)
    assert shown(page, ".reader-controls") == 0
    assert shown(page, "a.edition-note-ref") > 0 and shown(page, "small.margin-note") > 0
    assert shown(page, ".note-legend") == 1


@pytest.mark.parametrize("width", [WIDE, PHONE])
def test_cite_this_gives_the_article_and_the_paragraph(open_page: Any, site: Any,
                                                       width: int) -> None:
    cited = LONG_ARTICLE.paragraphs[len(LONG_ARTICLE.paragraphs) // 2]
    number = cited.anchor.lstrip("p")
    page = open_page(f"{PAGES['article']}#{cited.anchor}", width=width,
                     permissions=["clipboard-read", "clipboard-write"])
    page.locator(".cite-this summary").click()
    plain = page.locator(".cite-plain").inner_text()
    assert LONG_ARTICLE.title in plain and LONG_ARTICLE.outlet in plain
    paragraph = page.locator(".cite-paragraph")
    assert f"¶ {number}" in paragraph.inner_text()
    assert paragraph.inner_text().endswith(f"#{cited.anchor}")
    assert "@incollection{" in page.locator(".cite-bibtex").inner_text()
    copy = page.locator(".cite-paragraph + button.cite-copy")
    box = copy.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24
    copy.click()
    assert page.evaluate("navigator.clipboard.readText()") == paragraph.inner_text()
