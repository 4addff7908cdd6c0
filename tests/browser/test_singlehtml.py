"""The edition built with ``-b singlehtml``: every article's note markers open that
article's own notes, and a chronology source lands on its own article's paragraph.

With the ids repeated per article (``note-1`` five times), the browser took the first
element of an id: the fifth article's first marker opened the first article's note.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotated_edition.notes import anchor_notes, load_notes

from .conftest import SCREENSHOTS, _QuietHandler
from .reader import ARTICLES, reading
from conftest import DOCS, build_edition
from notehtml import plain_words

PLACED = anchor_notes(load_notes(DOCS / "notes.yaml")[0], ARTICLES)[0]


@pytest.fixture(scope="module")
def single_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The single-page edition, served on 127.0.0.1: the address of its page."""
    app = build_edition(tmp_path_factory.mktemp("singlehtml-browser"), "singlehtml")
    app.cleanup()
    assert app.warning.getvalue() == ""
    handler = functools.partial(_QuietHandler, directory=str(Path(app.outdir)))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/index.html"
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser: Any, single_page: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto(single_page, wait_until="load")
    yield opened
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


@pytest.mark.parametrize("article", [a for a in ARTICLES if PLACED.get(a.file)],
                         ids=lambda article: article.slug)
def test_each_articles_first_marker_opens_its_own_note(page: Any, article: Any) -> None:
    note = PLACED[article.file][0]
    marker = page.locator(
        f'a.edition-note-ref[href="#articles/{article.slug}/note-1"]')
    assert marker.count() == 1
    marker.scroll_into_view_if_needed()
    marker.hover()
    popover = page.locator(".edition-note-popover")
    popover.wait_for(state="visible")
    assert reading(plain_words(note.note.text)) in reading(popover.text_content() or "")
    if article is ARTICLES[-1]:  # what the reader sees, for review: the screen, not the page
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "singlehtml-last-article-note.png"))
