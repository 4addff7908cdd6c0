"""Screenshots of the pages a reader meets first, for a look before and after a change.

    .venv/bin/python -m tests.browser.shots _build/html before

serves the built site on 127.0.0.1 and writes ``_build/screenshots/<label>-<page>-<width>-
<theme>.png`` for the landing page, the longest article and the glossary at 1366 and
390 pixels, light and dark (Debian's Chromium, driven by Playwright).
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
PAGES = {"landing": "index.html", "glossary": "glossary.html",
         "article": "articles/bayramov-ambassadors-conference-2022-08.html"}
WIDTHS = {1366: 768, 390: 844}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Requests are not the output."""


def main(site: str, label: str) -> None:
    handler = functools.partial(_Quiet, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = ROOT / "_build" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--disable-gpu"])
        for name, path in PAGES.items():
            for width, height in WIDTHS.items():
                for theme in ("light", "dark"):
                    context = browser.new_context(viewport={"width": width, "height": height},
                                                  color_scheme=theme)
                    page = context.new_page()
                    page.goto(f"http://127.0.0.1:{server.server_port}/{path}")
                    page.screenshot(path=str(out / f"{label}-{name}-{width}-{theme}.png"),
                                    full_page=name == "landing")
                    context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
