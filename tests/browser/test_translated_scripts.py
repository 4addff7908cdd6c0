"""The scripts speak the page's language: a Turkish edition's popover and copy buttons.

The words come from the build (a JSON block, data attributes), translated; the scripts
themselves hold English only as a fallback.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_i18n import built

from .conftest import _QuietHandler
from buildtools import copy_root


@pytest.fixture(scope="module")
def turkish_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """tests/roots/test-i18n (``language = "tr"``) built and served on 127.0.0.1."""
    base = tmp_path_factory.mktemp("turkish")
    with built(copy_root("i18n", base / "src"), base / "build") as app:
        outdir = Path(app.outdir)
    handler = functools.partial(_QuietHandler, directory=str(outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def test_turkish_popover_and_copy_button(browser: Any, turkish_site: str,
                                         screenshot: Any) -> None:
    context = browser.new_context(viewport={"width": 1024, "height": 900})
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(turkish_site + "articles/talks.html", wait_until="load")
        page.hover("a.edition-note-ref")
        popover = page.wait_for_selector(".edition-note-popover", state="visible")
        assert popover.get_attribute("aria-label") == "Not 1 (bağlam)"
        assert page.inner_text(".edition-note-popover .edition-note-head") == "○ Not 1 · bağlam"
        assert page.inner_text(".edition-note-popover .edition-note-jump") == \
            "1 numaralı nota git"
        screenshot(page, "i18n-tr-popover")
        page.click(".cite-this summary")
        assert page.inner_text(".cite-this .cite-copy >> nth=0") == "Kopyala"
        page.mouse.move(0, 0)
        screenshot(page, "i18n-tr-cite")
    finally:
        context.close()
    assert errors == []
