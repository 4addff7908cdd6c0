"""Building copies of a project in a temporary folder, and comparing what the builds wrote.

Used by the parallel, incremental, reproducible and broken-input tests: each needs several
builds of the same sources, which the one-build-per-root ``app`` fixture cannot give.
"""

from __future__ import annotations

import fnmatch
import hashlib
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


# --- builds shared between tests ------------------------------------------------------
# A first build of the real edition is the costliest step of the incremental tests, and
# every one of them starts from the same one; the clean build each compares with is often
# of sources another test built clean already. Both are made once per process (per
# pytest-xdist worker) and reused, so that a test builds only what is its own.
_CLEAN: dict[tuple[str, str], tuple[str, dict[str, bytes]]] = {}


# What a clean copy leaves out: build folders, and the article pages the edition writes
# into its source folder (made again by every build from the seeds, as copy_project).
NOT_SOURCES = ("_build*", "articles")


def _sources_key(base: Path) -> str:
    """A digest of every file a clean copy of ``base`` takes (names and contents)."""
    digest = hashlib.sha256()
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(base)
        if not path.is_file() or any(fnmatch.fnmatch(part, pattern) for part in relative.parts
                                     for pattern in NOT_SOURCES):
            continue
        digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def clean_build(base: Path, work: Path, srcdir: str) -> tuple[str, dict[str, bytes]]:
    """(warnings, output files) of a first build of a copy of ``base`` as it is now.

    Made in ``work`` (a copy without build folders or generated pages), or taken from an earlier
    clean build of byte for byte the same sources in this process: a build's output does
    not depend on where it is made (the incremental tests compare builds made in two
    folders), so that clean build is this one.
    """
    key = (_sources_key(base), srcdir)
    if key not in _CLEAN:
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(base, work, ignore=shutil.ignore_patterns(*NOT_SOURCES))
        with built(work / srcdir, builddir=work / "_build") as app:
            _CLEAN[key] = app.warning.getvalue(), output_files(Path(app.outdir))
    return _CLEAN[key]


class Prebuilt:
    """Copies of a project with a first build done, for tests of what the next build does.

    The first ``restore`` of a project builds a copy and keeps a snapshot of it (sources
    and build folder); later ones put the snapshot back *at the same path*, with the files'
    times, so Sphinx's saved environment (which records the source folder and the time each
    page was read) is valid and the next build is as incremental as after a first build of
    the test's own.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.first_warnings: dict[str, str] = {}

    def restore(self, project: str, parallel: int = 1) -> tuple[Path, Path, Path, str]:
        """(base, srcdir, builddir, the first build's warnings) of a fresh built copy."""
        name = f"{project}-j{parallel}"
        work, snapshot = self.root / name / "work", self.root / name / "snapshot"
        base, builddir = work / "project", work / "_build"
        if name in self.first_warnings:
            shutil.rmtree(work)
            shutil.copytree(snapshot, work, symlinks=True)
            srcdir = base / ("docs" if project == EDITION else "src")
        else:
            srcdir = copy_project(project, base)
            with built(srcdir, builddir=builddir, parallel=parallel) as app:
                warnings = app.warning.getvalue()
                outputs = output_files(Path(app.outdir))
            shutil.copytree(work, snapshot, symlinks=True)
            self.first_warnings[name] = warnings
            if parallel == 1:  # a clean build of the sources as they are
                _CLEAN.setdefault((_sources_key(base), srcdir.name), (warnings, outputs))
        return base, srcdir, builddir, self.first_warnings[name]
