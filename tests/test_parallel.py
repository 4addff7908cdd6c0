"""Parallel builds: ``-j 2`` writes exactly what ``-j 1`` writes.

Sphinx reads in parallel only when every extension declares itself safe, and it warns
("doing serial read") otherwise: no warning here means the declarations held, and equal
output means they were true (the merged environment is the serial one).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from buildtools import EDITION, built, copy_project, differences, edit_file, output_files


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


def test_parallel_incremental_build_keeps_what_workers_recorded(tmp_path: Path) -> None:
    """The catalog entries noted by the reading workers reach the main environment."""
    srcdir = copy_project(EDITION, tmp_path)
    catalog = tmp_path / "seeds" / "catalog.yaml"
    with built(srcdir, builddir=tmp_path / "_build", parallel=2):
        pass
    edit_file(catalog, "date_evidence: \"The page's calendar line",
              "date_evidence: \"The calendar line")
    with built(srcdir, builddir=tmp_path / "_build", parallel=2) as app:
        page = (Path(app.outdir) / "articles" / "aliyev-press-conference-2021-02.html")
        assert "Date (stated): The calendar line reads" in page.read_text(encoding="utf-8")
