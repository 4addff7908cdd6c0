"""Building copies of a project in a temporary folder, and comparing what the builds wrote.

Used by the parallel, incremental, reproducible and broken-input tests: each needs several
builds of the same sources, which the one-build-per-root ``app`` fixture cannot give.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path
from typing import Any

from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

TESTS = Path(__file__).resolve().parent
ROOTS = TESTS / "roots"
PROJECT = TESTS.parent
EDITION = "edition"  # the real edition (docs/ and seeds/), as opposed to a test root
# What the builds compare: every page, and the data files written at the output root
# (the glossary, chronology and annotation exports when those extensions are enabled).
COMPARED_AT_ROOT = ("*.json", "*.jsonld", "searchindex.js")


def copy_root(name: str, target: Path) -> Path:
    """A private copy of ``tests/roots/test-<name>`` that a test may edit."""
    shutil.copytree(ROOTS / f"test-{name}", target)
    return target


def copy_project(project: str, base: Path) -> Path:
    """A private copy of the real edition or of a test root under ``base``; its srcdir.

    The edition is copied as ``base/docs`` and ``base/seeds``, so that conf.py's relative
    paths (and any data file beside conf.py) work unchanged; a test root as ``base/src``.
    Paths that tests edit are relative to ``base``.
    """
    if project != EDITION:
        return copy_root(project, base / "src")
    shutil.copytree(PROJECT / "docs", base / "docs",
                    ignore=shutil.ignore_patterns("articles", "_build"))
    shutil.copytree(PROJECT / "seeds", base / "seeds")
    return base / "docs"


@contextmanager
def built(srcdir: Path, buildername: str = "html", builddir: Path | None = None,
          **kwargs: Any) -> Iterator[SphinxTestApp]:
    """Build ``srcdir`` (incrementally when ``builddir`` holds an earlier build)."""
    app = SphinxTestApp(buildername, srcdir=srcdir,
                        builddir=builddir or srcdir.parent / f"_build-{srcdir.name}",
                        status=StringIO(), warning=StringIO(), **kwargs)
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


def output_files(outdir: Path) -> dict[str, bytes]:
    """Every HTML page and every root-level JSON export of a build, by relative path."""
    files = {path for path in outdir.rglob("*.html")}
    for pattern in COMPARED_AT_ROOT:
        files |= set(outdir.glob(pattern))
    return {path.relative_to(outdir).as_posix(): path.read_bytes() for path in sorted(files)}


def differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    """The files that are not byte for byte the same in two builds (missing ones too)."""
    return sorted(name for name in first.keys() | second.keys()
                  if first.get(name) != second.get(name))


def _progress(app: SphinxTestApp, phase: str) -> set[str]:
    names: set[str] = set()
    for line in strip_escape_sequences(app.status.getvalue()).splitlines():
        if line.startswith(phase) and "]" in line:
            names.add(line.rsplit("]", 1)[1].strip())
    return names


def read_docs(app: SphinxTestApp) -> set[str]:
    """The documents the build read again, from its status output ("reading sources...")."""
    return _progress(app, "reading sources")


def written_docs(app: SphinxTestApp) -> set[str]:
    """The documents the build wrote, from its status output ("writing output...")."""
    return _progress(app, "writing output")


def edit_file(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old``, and date the file clearly after the last build.

    Sphinx compares a file's mtime with the time the page was read: on a file system with
    coarse timestamps, an edit in the same second as the build could otherwise go unseen.
    """
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the edit must name one place in {path.name}: {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))
