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
    built,
    copy_project,
    differences,
    edit_file,
    output_files,
    read_docs,
)


@pytest.mark.parametrize("project", [EDITION, "articles"])
def test_parallel_build_equals_serial_build(project: str, tmp_path: Path) -> None:
    outputs = {}
    for jobs in (1, 2):
        srcdir = copy_project(project, tmp_path / f"j{jobs}")
        with built(srcdir, builddir=tmp_path / f"j{jobs}" / "_build", parallel=jobs) as app:
            assert app.warning.getvalue() == ""
            if jobs > 1:
                assert app.parallel == jobs and app.builder.parallel_ok  # it did write in parallel
            outputs[jobs] = output_files(Path(app.outdir))
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
                                                                 tmp_path: Path) -> None:
    """What the reading workers noted of each input reaches the main environment."""
    path, old, new, shown = INPUT_EDITS[name]
    srcdir = copy_project(EDITION, tmp_path)
    with built(srcdir, builddir=tmp_path / "_build", parallel=2):
        pass
    edit_file(tmp_path / path, old, new)
    with built(srcdir, builddir=tmp_path / "_build", parallel=2) as app:
        assert PRESS in read_docs(app)
        assert read_docs(app) <= {PRESS, "index", "glossary"}  # not every article
        page = (Path(app.outdir) / f"{PRESS}.html").read_text(encoding="utf-8")
        assert shown in " ".join(page.split())
