"""No data file or seed can run script in a reader's browser.

The hostile test root is built with a notes file, a glossary, a catalog and a seed full of
injected script (script tags, ``onerror`` handlers, ``javascript:`` links, the raw role, HTML
entities); warnings are allowed here (no ``-W``), so that the build writes the page a
careless maintainer would publish. Chromium opens it, every note and definition popover
is opened, and the flag the injected code would set must stay unset.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from .conftest import _QuietHandler
from buildtools import copy_root

INJECTED = "window.hostile=(window.hostile||0)+1"  # no spaces: a valid link target too
# Each note quotes words of the root's seed and tries one way in; the last one is safe,
# so that the page has a popover to open.
HOSTILE_NOTES = [
    ("began on 15 June", f"<script>{INJECTED}</script>"),
    ("the agency’s report", f'<img src="x" onerror="{INJECTED}">'),
    ("The leaders met", f"[click me](javascript:{INJECTED})"),
    ("in Ankara", f"{{raw}}`html <script>{INJECTED}</script>`"),
    ("the city’s mayor", f"&lt;script&gt;{INJECTED}&lt;/script&gt; stays text"),
]
SEED_LINE = f'<img src="x" onerror="{INJECTED}"> <script>{INJECTED}</script>'
FLAG_JS = "() => window.hostile === undefined ? null : window.hostile"
# Every element carrying an event handler attribute, and every script whose text holds the
# injected code: what the page would need to run it.
HANDLERS_JS = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const name of element.getAttributeNames()) {
      if (name.startsWith("on")) found.push(element.tagName + " " + name);
    }
    if (element.tagName === "SCRIPT" && element.textContent.includes("hostile")) {
      found.push("SCRIPT " + element.textContent.slice(0, 40));
    }
    const href = element.getAttribute("href") || "";
    if (/^\\s*javascript:/i.test(href)) found.push(element.tagName + " href=" + href);
  }
  return found;
}"""


def hostile_notes() -> str:
    lines = ["notes:"]
    for quote, text in HOSTILE_NOTES:
        lines += ["  - article: first", f"    quote: {quote!r}".replace("'", '"'),
                  "    kind: context", f"    text: '{text}'"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The hostile root built without -W and served on 127.0.0.1: (address, warnings)."""
    base = tmp_path_factory.mktemp("hostile")
    src = copy_root("hostile", base / "src")
    (src / "notes.yaml").write_text(hostile_notes(), encoding="utf-8")
    seed = src / "seeds" / "a_first.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + f"\n{SEED_LINE}\n", encoding="utf-8")
    glossary = src / "glossary.yaml"
    # a definition is refused; a term's dates are plain text, copied into its popover
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "definition: Capital of Türkiye.",
        f"definition: 'Capital <script>{INJECTED}</script> of Türkiye.'").replace(
        "    category: place\n    definition: A town",
        f"    category: place\n    dates: '<img src=\"x\" onerror=\"{INJECTED}\">'\n"
        "    definition: A town"), encoding="utf-8")
    catalog = src / "seeds" / "catalog.yaml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(
        "outlet: Test Outlet", f"outlet: '<script>{INJECTED}</script>'"), encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src, builddir=base / "_build", status=StringIO(),
                        warning=StringIO())
    app.build()
    app.cleanup()
    outdir = Path(app.outdir)
    handler = functools.partial(_QuietHandler, directory=str(outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/", app.warning.getvalue()
    server.shutdown()
    server.server_close()


def test_no_injected_script_runs_in_the_article(browser: Any, hostile_site: tuple[str, str],
                                                screenshot: Any) -> None:
    root, warnings = hostile_site
    # the build said what it refused, each at its data file's line
    for refused in ("notes.yaml:5: ", "notes.yaml:9: ", "notes.yaml:13: ",
                    "notes.yaml:17: ", "glossary.yaml:16: "):
        assert refused in warnings
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(root + "articles/first.html", wait_until="load")
    assert page.evaluate(FLAG_JS) is None
    assert page.evaluate(HANDLERS_JS) == []
    # the seed's markup and the entity-escaped note are shown as the text they are
    assert SEED_LINE in page.locator("body").inner_text()
    markers = page.locator("a.edition-note-ref")
    assert markers.count() == 1  # only the note in the safe subset is kept
    markers.first.hover()
    popover = page.locator(".edition-note-popover")
    popover.wait_for(state="visible")
    assert f"<script>{INJECTED}</script> stays text" in popover.inner_text()
    for term in page.locator("a[data-glossary]").all():
        term.hover()
    page.locator('a[data-glossary="shusha"]').first.hover()
    definition = page.locator(".glossary-popover")
    definition.wait_for(state="visible")
    assert f'<img src="x" onerror="{INJECTED}">' in definition.inner_text()
    screenshot(page, "hostile-article")
    assert page.evaluate(FLAG_JS) is None
    assert page.evaluate(HANDLERS_JS) == []
    assert dialogs == []
    context.close()
