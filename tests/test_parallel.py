"""Parallel builds: ``-j 2`` writes exactly what ``-j 1`` writes.

Sphinx reads in parallel only when every extension declares itself safe, and it warns
("doing serial read") otherwise: no warning here means the declarations held, and equal
output means they were true (the merged environment is the serial one).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from buildtools import (
    EDITION,
    Prebuilt,
    built,
    copy_project,
    differences,
    edit_file,
    output_files,
    read_docs,
)


@pytest.mark.parametrize("project", [EDITION, "articles"])
def test_parallel_build_equals_serial_build(project: str, tmp_path: Path,
                                            prebuilt: Prebuilt) -> None:
    # -j 1: the first build of a fresh copy (made once, shared with the incremental tests)
    _, _, builddir, serial_warnings = prebuilt.restore(project)
    assert serial_warnings == ""
    outputs = {1: output_files(builddir / "html")}
    srcdir = copy_project(project, tmp_path / "j2")
    with built(srcdir, builddir=tmp_path / "j2" / "_build", parallel=2) as app:
        assert app.warning.getvalue() == ""
        assert app.parallel == 2 and app.builder.parallel_ok  # it did write in parallel
        outputs[2] = output_files(Path(app.outdir))
    assert len(outputs[1]) >= 3
    assert differences(outputs[1], outputs[2]) == []


PRESS = "articles/aliyev-press-conference-2021-02"
# (file, old, new, what the page then shows): each input an article page fingerprints.
INPUT_EDITS = {
    "catalog": ("seeds/catalog.yaml", "date_evidence: \"The page's calendar line",
                "date_evidence: \"The calendar line", "Date (stated): The calendar line reads"),
    "glossary": ("docs/glossary.yaml", "Türkiye joined in 1952.",
                 "Türkiye joined in February 1952.", "Türkiye joined in February 1952."),
    "notes": ("docs/notes.yaml", "the report is an\n      English rendering",
              "the report is an\n      English translation",
              "the report is an English translation"),
}


@pytest.mark.parametrize("name", list(INPUT_EDITS))
def test_parallel_incremental_build_keeps_what_workers_recorded(name: str,
                                                                 prebuilt: Prebuilt) -> None:
    """What the reading workers noted of each input reaches the main environment."""
    path, old, new, shown = INPUT_EDITS[name]
    base, srcdir, builddir, _ = prebuilt.restore(EDITION, parallel=2)  # built with -j 2
    edit_file(base / path, old, new)
    with built(srcdir, builddir=builddir, parallel=2) as app:
        assert PRESS in read_docs(app)
        assert read_docs(app) <= {PRESS, "index", "glossary"}  # not every article
        page = (Path(app.outdir) / f"{PRESS}.html").read_text(encoding="utf-8")
        assert shown in " ".join(page.split())
