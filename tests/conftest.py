"""Shared fixtures: Sphinx's own testing fixtures, the test roots, and the real edition."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from buildtools import Prebuilt

pytest_plugins = ["sphinx.testing.fixtures"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DOCS = ROOT / "docs"


# pytest-xdist (`python3 edition.py test` runs `-n auto --dist loadgroup`): a session
# fixture is built once per worker that needs it, so the tests sharing a costly one are
# sent to one worker together. Found by the fixtures a test asks for, so new tests join
# their group by themselves; the other tests are spread one by one.
XDIST_GROUPS = {
    "edition_latex_build": "edition-print", "edition_pdf": "edition-print",
    "edition_epub_build": "edition-print", "edition_epubcheck": "edition-print",
    "prebuilt": "prebuilt",
}


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        groups = {XDIST_GROUPS[name] for name in getattr(item, "fixturenames", ())
                  if name in XDIST_GROUPS}
        if groups:
            item.add_marker(pytest.mark.xdist_group(min(groups)))


_STARTED = time.time()


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """Under pytest-xdist the workers take the screenshots (tests/browser/conftest.py says
    where they are in a run without it): say it once, after the run."""
    if not config.pluginmanager.hasplugin("dsession"):  # not the controller of workers
        return
    folder = ROOT / "_build" / "screenshots"
    taken = [path for path in folder.glob("*.png") if path.stat().st_mtime >= _STARTED]
    if taken:
        terminalreporter.write_line(f"{len(taken)} screenshots and page images in {folder}")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds its ``test-*`` folders."""
    return Path(__file__).parent / "roots"


def edition_overrides() -> dict[str, str]:
    """Point a copy of docs/ at the project's own seeds and catalog."""
    return {"edition_seed_dir": str(SEEDS), "edition_catalog": str(SEEDS / "catalog.yaml")}


def copy_docs(target: Path) -> Path:
    """A copy of docs/ without generated pages, so tests never write into the project."""
    shutil.copytree(DOCS, target, ignore=shutil.ignore_patterns("articles", "_build"))
    return target


def build_edition(base: Path, buildername: str = "html", **kwargs: Any) -> SphinxTestApp:
    """Build a fresh copy of the real edition; warnings are kept in ``app.warning``."""
    srcdir = copy_docs(base / "docs") if not (base / "docs").exists() else base / "docs"
    app = SphinxTestApp(buildername, srcdir=srcdir, builddir=base / "_build",
                        confoverrides={**edition_overrides(), **kwargs.pop("confoverrides", {})},
                        status=StringIO(), warning=StringIO(), **kwargs)
    app.build()
    return app


@pytest.fixture(scope="session")
def edition_html(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    """The real edition, built once per test session as HTML."""
    yield built_once(tmp_path_factory, "html")


@pytest.fixture(scope="session")
def prebuilt(tmp_path_factory: pytest.TempPathFactory) -> Prebuilt:
    """Built copies of the edition and test roots for incremental tests (buildtools.py)."""
    return Prebuilt(tmp_path_factory.mktemp("prebuilt"))


# --- PDF and EPUB (tests/test_pdf.py) -------------------------------------------------
def require_tools(names: list[str] | tuple[str, ...], installer: str) -> None:
    """Skip when a tool is not installed, but fail on CI (``CI`` set), where it must be."""
    missing = [name for name in names if shutil.which(name) is None]
    if not missing:
        return
    message = (f"this test needs {', '.join(missing)}: run `{installer}` once, which "
               "installs the Debian packages")
    if os.environ.get("CI"):
        pytest.fail(message + " (CI is set, so a missing tool is a failure)")
    pytest.skip(message)


def require_tex() -> None:
    require_tools(edition_module().TEX_COMMANDS, "python3 edition.py pdf")


def edition_module() -> Any:
    """edition.py (the build commands), imported from the project's root."""
    spec = importlib.util.spec_from_file_location("edition", ROOT / "edition.py")
    assert spec is not None and spec.loader is not None
    edition = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(edition)
    return edition


def epubcheck_command() -> list[str]:
    """epubcheck, run the way ``edition.py epub`` runs it (Debian's is a bare .jar)."""
    require_tools(["epubcheck"], "python3 edition.py epub")
    command: list[str] = edition_module().epubcheck_command()
    require_tools(command[:1], "python3 edition.py epub")  # java, for the .jar
    return command


def make_pdf(outdir: Path) -> tuple[Path, Path, int]:
    """Run Sphinx's LaTeX Makefile in a latex build folder: (pdf, log, exit status).

    The same ``make all-pdf`` that ``sphinx-build -M latexpdf`` runs, with
    ``-halt-on-error`` like it; a failed run is returned, not raised, so that tests can
    read its log.
    """
    require_tex()
    result = subprocess.run(["make", "all-pdf", "LATEXOPTS=-halt-on-error",
                             "LATEXMKOPTS=-silent"], cwd=outdir, capture_output=True,
                            text=True)
    tex = next(Path(outdir).glob("*.tex"))
    return tex.with_suffix(".pdf"), tex.with_suffix(".log"), result.returncode


# One build of the real edition per builder and per test session (per pytest-xdist
# worker), shared by every test that only reads its output: a build of the edition is the
# suite's unit of cost.
def built_once(tmp_path_factory: pytest.TempPathFactory, buildername: str) -> SphinxTestApp:
    """A build of the real edition, cleaned up at once: its output and warnings stay
    readable, and docutils' registries are restored, so that apps built later in the
    session do not warn "already registered"."""
    app = build_edition(tmp_path_factory.mktemp(f"edition-{buildername}"), buildername)
    app.cleanup()
    return app


@pytest.fixture(scope="session")
def edition_latex_build(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The real edition as LaTeX sources (not compiled), built once per session."""
    return built_once(tmp_path_factory, "latex")


@pytest.fixture(scope="session")
def edition_pdf(edition_latex_build: SphinxTestApp) -> tuple[SphinxTestApp, Path]:
    """The real edition as a PDF, compiled once per session: (the LaTeX app, the PDF)."""
    require_tex()
    pdf, log, status = make_pdf(Path(edition_latex_build.outdir))
    assert status == 0 and pdf.exists(), log.read_text(errors="replace")[-3000:]
    return edition_latex_build, pdf


@pytest.fixture(scope="session")
def edition_epub_build(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The real edition as an EPUB, built once per session."""
    return built_once(tmp_path_factory, "epub")


@pytest.fixture(scope="session")
def edition_epubcheck(edition_epub_build: SphinxTestApp) -> subprocess.CompletedProcess[str]:
    """epubcheck's verdict on the edition's EPUB (a Java start and a full check: once)."""
    epub = Path(edition_epub_build.outdir) / "edition.epub"
    return subprocess.run([*epubcheck_command(), str(epub)], capture_output=True, text=True)
