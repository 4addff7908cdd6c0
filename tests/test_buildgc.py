"""The collector frozen while pages are written, thawed when the build ends.

Nothing here assumes that no object is frozen when a test starts: CPython 3.12 starts
with some frozen already. What is measured is what a build adds to that.
"""

from __future__ import annotations

import gc
import os
import shutil
import time
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_annotated_edition import private_api

from htmltext import strip_tags

EXTENSIONS = ["myst_parser", "sphinx_annotated_edition.articles",
              "sphinx_annotated_edition.glossary", "sphinx_annotated_edition.buildgc"]


def frozen_counts(app: SphinxTestApp) -> tuple[list[int], list[int]]:
    """Build, noting how many objects the collector had frozen at each page read and written."""
    reading: list[int] = []
    writing: list[int] = []
    app.connect("source-read", lambda *args: reading.append(gc.get_freeze_count()))
    app.connect("html-page-context", lambda *args: writing.append(gc.get_freeze_count()))
    app.build()
    return reading, writing


def glossary_app(base: Path, rootdir: Path, **overrides: object) -> SphinxTestApp:
    srcdir = base / "src"
    if not srcdir.exists():
        shutil.copytree(rootdir / "test-glossary", srcdir)
    return SphinxTestApp("html", srcdir=srcdir, builddir=base / f"out-{len(overrides)}",
                         freshenv=True, confoverrides={"extensions": EXTENSIONS, **overrides})


def test_frozen_while_writing_and_thawed_when_the_build_ends(
        tmp_path: Path, rootdir: Path) -> None:
    app = glossary_app(tmp_path, rootdir)
    before = gc.get_freeze_count()
    reading, writing = frozen_counts(app)
    app.cleanup()
    assert reading and set(reading) == {before}  # reading is left alone
    assert writing and min(writing) > before + 1000  # what was read is frozen
    assert gc.get_freeze_count() <= before  # and thawed at the end


@pytest.mark.sphinx("html", testroot="glossary", freshenv=True,
                    confoverrides={"extensions": EXTENSIONS, "edition_gc_freeze": False})
def test_the_collector_is_left_alone_when_the_setting_is_off(app: SphinxTestApp) -> None:
    before = gc.get_freeze_count()
    reading, writing = frozen_counts(app)
    assert writing and set(reading) == set(writing) == {before}


def test_eight_builds_in_one_application_leave_nothing_behind(
        tmp_path: Path, rootdir: Path) -> None:
    """As a language server or a live preview does: one application, a build per edit."""
    app = glossary_app(tmp_path, rootdir)
    page = Path(app.srcdir) / "index.md"
    frozen_after: list[int] = []
    alive_after: list[int] = []
    writing_frozen: list[int] = []
    app.connect("html-page-context",
                lambda *args: writing_frozen.append(gc.get_freeze_count()))
    try:
        for build in range(8):
            page.write_text(page.read_text(encoding="utf-8") + f"\nEdit {build}.\n",
                            encoding="utf-8")
            later = time.time() + 5 * (build + 1)  # seen as changed by every build
            os.utime(page, (later, later))
            app.build()
            gc.collect()
            frozen_after.append(gc.get_freeze_count())
            alive_after.append(len(gc.get_objects()))
    finally:
        app.cleanup()
    assert writing_frozen and min(writing_frozen) > 1000  # each build did freeze
    assert len(set(frozen_after)) == 1  # nothing frozen piles up from build to build
    # what is alive after a build does not grow with the builds (the first ones fill
    # Sphinx's and the edition's caches)
    assert max(alive_after[3:]) <= alive_after[2] * 1.02, alive_after
    assert gc.garbage == []


def test_a_missing_internal_is_one_warning_and_the_collector_is_left_alone(
        tmp_path: Path, rootdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(private_api, "DOCTREE_CACHE", "_a_name_sphinx_never_had")
    app = glossary_app(tmp_path, rootdir)
    before = gc.get_freeze_count()
    _, writing = frozen_counts(app)
    app.cleanup()
    assert set(writing) == {before}
    warnings = app.warning.getvalue()
    assert warnings.count("[annotated_edition.buildgc]") == 1
    assert "this Sphinx has no BuildEnvironment._a_name_sphinx_never_had: the collector is " \
           "left alone (set edition_gc_freeze = False to silence this) " \
           "[annotated_edition.buildgc]" \
           in warnings


def test_the_pages_are_the_same_frozen_or_not(tmp_path: Path, rootdir: Path) -> None:
    pages = []
    for overrides in ({}, {"edition_gc_freeze": False}):
        app = glossary_app(tmp_path, rootdir, **overrides)
        app.build()
        outdir = Path(app.outdir)
        pages.append({path.relative_to(outdir): strip_tags(path.read_text("utf-8"))
                      for path in sorted(outdir.rglob("*.html"))})
        app.cleanup()
    assert pages[0] and pages[0] == pages[1]
