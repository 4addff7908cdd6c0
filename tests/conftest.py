"""Shared fixtures: Sphinx's own testing fixtures, the test roots, and the real edition."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ["sphinx.testing.fixtures"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DOCS = ROOT / "docs"


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
    app = build_edition(tmp_path_factory.mktemp("edition"))
    # Restore docutils' global registry now, not at the session's end: while the build's
    # node classes stay registered, every later Sphinx app warns "already registered".
    app.cleanup()
    try:
        yield app
    finally:
        app.cleanup()
