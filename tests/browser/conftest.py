"""Fixtures for testing the edition in a real browser: Debian's Chromium, driven by Playwright.

- ``site``: the real edition (built once per session by ``edition_html``) served on
  127.0.0.1 at a free port; ``site.url("about.html#method")`` gives an address.
- ``open_page(path, width=1280, theme="light", **context_options)``: a loaded page
  (``path`` relative to the site, or a full address) in a fresh browser context (its own
  storage), at that viewport width, with the system colour scheme ``theme``; more
  Playwright context options pass through (``has_touch=True``, ``reduced_motion=...``).
  Every page is checked for JavaScript errors when the test ends.
- ``screenshot(page, name)``: a full-page PNG in ``_build/screenshots/``.
- ``serious_violations(page, context=None)``: axe-core's serious and critical violations
  (``context``: a CSS selector to check only part of the page).

``reader.py`` holds the pages every generic check covers (``PAGES``), the articles, and
helpers such as ``assert_lands_on(page, "p12")``.

Chromium is Debian's (``/usr/bin/chromium``), installed here with apt-get when it is
missing; Playwright never downloads a browser. Where it cannot be installed or started,
the browser tests are skipped with the reason, except under CI, where that is a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
# Without the networking flags Chromium keeps trying to reach Google's hosts, which this
# closed network refuses; Playwright adds --headless, --no-sandbox and a fresh profile.
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
SCREENSHOTS = ROOT / "_build" / "screenshots"
VIEWPORT_HEIGHT = {390: 844}  # a phone's screen is taller than it is wide
_TAKEN: list[Path] = []  # screenshots written in this session


def no_browser(reason: str) -> None:
    """Skip, with the reason; under CI a missing browser fails the run instead."""
    message = f"browser tests need Chromium: {reason}"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(message)


def install_chromium() -> str | None:
    """Install Debian's chromium when it is missing; the reason when that cannot be done."""
    if CHROMIUM.exists():
        return None
    if not shutil.which("apt-get"):
        return f"{CHROMIUM} is missing and there is no apt-get to install it"
    if os.geteuid() != 0:
        return f"{CHROMIUM} is missing; install it as root: apt-get install chromium"
    log = Path(tempfile.gettempdir()) / "edition-chromium-install.log"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    with log.open("w") as out:
        for command in (["apt-get", "update"],
                        ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]):
            if subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, env=env,
                              stdin=subprocess.DEVNULL).returncode:
                return f"`{' '.join(command)}` failed, see {log}"
    return None if CHROMIUM.exists() else f"installed chromium, but {CHROMIUM} is missing"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session."""
    reason = install_chromium()
    if reason:
        no_browser(reason)
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        no_browser("the playwright package is missing: pip install -e '.[test]'")
    manager = sync_playwright().start()
    try:
        chromium = manager.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Error as error:
        manager.stop()
        no_browser(f"{CHROMIUM} does not start: {error.message.splitlines()[0]}")
    yield chromium
    chromium.close()
    manager.stop()


class Site(NamedTuple):
    """The built edition as served on localhost."""

    root: str
    outdir: Path

    def url(self, path: str = "") -> str:
        return self.root + path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not the tests' output."""


@pytest.fixture(scope="session")
def site(edition_html: SphinxTestApp) -> Iterator[Site]:
    """The edition built once for the session, served on 127.0.0.1 at a free port."""
    outdir = Path(edition_html.outdir)
    handler = functools.partial(_QuietHandler, directory=str(outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(f"http://127.0.0.1:{server.server_port}/", outdir)
    server.shutdown()
    server.server_close()


@pytest.fixture
def open_page(browser: Any, site: Site) -> Iterator[Callable[..., Any]]:
    """Open a page of the edition as a reader would: ``open_page(path, width, theme)``."""
    contexts: list[Any] = []
    errors: list[str] = []

    def open_(path: str, width: int = 1280, theme: str = "light", **context_options: Any) -> Any:
        context = browser.new_context(
            viewport={"width": width, "height": VIEWPORT_HEIGHT.get(width, 900)},
            color_scheme=theme, **context_options)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{path}: {error}"))
        page.goto(path if "://" in path else site.url(path), wait_until="load")
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not errors, "JavaScript errors on the page:\n" + "\n".join(errors)


@pytest.fixture(scope="session")
def screenshot() -> Callable[[Any, str], Path]:
    """Save a full-page screenshot for review: ``screenshot(page, "article-390")``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page: Any, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        _TAKEN.append(path)
        return path

    return take


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the browser tests last, so that the quick tests report first."""
    here = Path(__file__).parent
    items.sort(key=lambda item: Path(item.path).is_relative_to(here))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say where the screenshots are, after the run."""
    if _TAKEN:
        terminalreporter.write_line(f"{len(_TAKEN)} browser screenshots in {SCREENSHOTS}")


@pytest.fixture(scope="session")
def serious_violations() -> Callable[..., list[dict[str, Any]]]:
    """axe-core's serious and critical violations on a page (axe runs from the package)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page: Any, context: str | None = None) -> list[dict[str, Any]]:
        results = axe.run(page, context=context)
        return [v for v in results.response["violations"]
                if v["impact"] in ("serious", "critical")]

    return check
