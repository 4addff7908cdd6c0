"""The collector frozen while pages are written, thawed when the next build starts."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from htmltext import strip_tags

EXTENSIONS = ["myst_parser", "annotator_sphinx.articles", "annotator_sphinx.glossary",
              "annotator_sphinx.buildgc"]


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


def test_frozen_while_writing_and_thawed_when_the_next_build_starts(
        tmp_path: Path, rootdir: Path) -> None:
    first = glossary_app(tmp_path, rootdir)
    reading, writing = frozen_counts(first)
    first.cleanup()
    assert reading and set(reading) == {0}  # reading is left alone
    assert writing and min(writing) > 0
    assert gc.get_freeze_count() > 0  # the end of the process need not scan it
    second = glossary_app(tmp_path, rootdir, edition_gc_freeze=False)
    reading, writing = frozen_counts(second)
    second.cleanup()
    assert set(reading) == set(writing) == {0}  # thawed, then left alone as configured
    assert gc.get_freeze_count() == 0


@pytest.mark.sphinx("html", testroot="glossary", freshenv=True,
                    confoverrides={"extensions": EXTENSIONS, "edition_gc_freeze": False})
def test_the_collector_is_left_alone_when_the_setting_is_off(app: SphinxTestApp) -> None:
    reading, writing = frozen_counts(app)
    assert writing and set(reading) == set(writing) == {0}


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
