"""Incremental builds after what editors and machines really do: a seed or the catalog
moved away for a while, a build killed while writing, an article deleted.

Whatever happened in between, the build that follows must write exactly what a clean
build of the same sources writes: every page, the search index and the exports.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from buildtools import (
    EDITION,
    Prebuilt,
    built,
    clean_build,
    copy_project,
    differences,
    edit_file,
    output_files,
)

SEED = "002_cd80a25cddf8f1f1.txt"  # the Azernews letter, a card and a page of its own
SLUG = "erdogan-victory-day-letter-2021-11"


def clean_output(base: Path, tmp_path: Path, srcdir: str = "docs") -> dict[str, bytes]:
    """What a first build of the sources as they are now writes (buildtools.clean_build)."""
    warnings, output = clean_build(base, tmp_path / "clean", srcdir)
    assert warnings == ""
    return output


def build_twice_and_compare(srcdir: Path, builddir: Path, tmp_path: Path) -> None:
    """Two more builds: both clean of warnings, the second with nothing to do, both equal
    to a clean build."""
    for _ in range(2):
        with built(srcdir, builddir=builddir) as app:
            assert app.warning.getvalue() == ""
            incremental = output_files(Path(app.outdir))
        assert differences(incremental, clean_output(srcdir.parent, tmp_path)) == []
    landing = incremental["index.html"].decode("utf-8")
    assert landing.count(f'href="articles/{SLUG}.html"') >= 2  # its card and navigation


@pytest.mark.parametrize("moved", [f"seeds/{SEED}", "seeds/catalog.yaml"],
                         ids=["seed", "catalog"])
def test_a_file_moved_away_and_back_leaves_no_trace(moved: str, tmp_path: Path,
                                                    prebuilt: Prebuilt) -> None:
    base, srcdir, builddir, first_warnings = prebuilt.restore(EDITION)
    assert first_warnings == ""
    aside = tmp_path / "aside"
    shutil.move(base / moved, aside)  # a move keeps the file's old time
    with built(srcdir, builddir=builddir) as app:
        assert "annotated_edition.catalog" in app.warning.getvalue()  # it is missed, and said so
        assert not (Path(app.outdir) / "articles" / f"{SLUG}.html").exists()
    shutil.move(aside, base / moved)
    build_twice_and_compare(srcdir, builddir, tmp_path)


def test_a_deleted_article_leaves_the_output(tmp_path: Path, prebuilt: Prebuilt) -> None:
    """Deleting an article (its seed and catalog entry) deletes its page, even from a
    build folder that another build wrote into meanwhile."""
    base, srcdir, builddir, _ = prebuilt.restore("articles")
    catalog = base / "src" / "seeds" / "catalog.yaml"
    outdir = builddir / "html"
    assert (outdir / "articles" / "early.html").exists()
    assert (outdir / "_sources" / "articles" / "early.md.txt").exists()
    text = catalog.read_text(encoding="utf-8")
    entry = text.index("  - file: b_early.txt")
    catalog.write_text(text[:entry], encoding="utf-8")
    (base / "src" / "seeds" / "b_early.txt").unlink()
    with built(srcdir, builddir=builddir) as app:
        assert app.warning.getvalue() == ""
        written = output_files(Path(app.outdir))
    assert "articles/early.html" not in written
    assert not (outdir / "_sources" / "articles" / "early.md.txt").exists()
    assert "early" not in (outdir / "searchindex.js").read_text(encoding="utf-8")
    assert differences(written, clean_output(base, tmp_path, "src")) == []


KILLER = """
import os, signal, sys
from sphinx.application import Sphinx

srcdir, builddir, event, kill_at = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
app = Sphinx(srcdir, srcdir, builddir + "/html", builddir + "/doctrees", "html",
             status=None, warning=None)
seen = []

def kill(*args):
    seen.append(args)
    if len(seen) == kill_at:  # as a power cut or an out-of-memory kill would
        os.kill(os.getpid(), signal.SIGKILL)

app.connect(event, kill, priority=1)  # before any handler of the edition
app.build()
"""


def build_killed(srcdir: Path, builddir: Path, event: str, kill_at: int) -> None:
    """A build in its own process, killed (SIGKILL: no handler runs) at the nth ``event``."""
    result = subprocess.run([sys.executable, "-c", KILLER, str(srcdir), str(builddir), event,
                             str(kill_at)], capture_output=True, text=True)
    assert result.returncode == -signal.SIGKILL, result.stderr[-2000:]


KILLS = [  # (an earlier build first?, the event at which the build is killed, its count)
    pytest.param(False, "html-page-context", 4, id="first-build-while-writing"),
    pytest.param(True, "html-page-context", 4, id="after-a-title-edit-while-writing"),
    pytest.param(True, "source-read", 2, id="after-a-title-edit-while-reading"),
    pytest.param(True, "build-finished", 1, id="after-a-title-edit-before-the-exports"),
]


@pytest.mark.parametrize(("earlier", "event", "kill_at"), KILLS)
def test_a_killed_build_is_made_whole_by_the_next(earlier: bool, event: str, kill_at: int,
                                                  tmp_path: Path, prebuilt: Prebuilt) -> None:
    if earlier:
        base, srcdir, builddir, _ = prebuilt.restore(EDITION)
        # a new title is shown in every page's navigation: every page is written again
        edit_file(base / "seeds" / "catalog.yaml", "[Erdoğan pledges", "[President Erdoğan pledges")
    else:
        base = tmp_path / "incremental"
        srcdir, builddir = copy_project(EDITION, base), tmp_path / "_build"
    build_killed(srcdir, builddir, event, kill_at)
    with built(srcdir, builddir=builddir) as app:
        assert app.warning.getvalue() == ""
        incremental = output_files(Path(app.outdir))
    assert differences(incremental, clean_output(base, tmp_path)) == []
