"""Reproducible builds: two clean builds with the same SOURCE_DATE_EPOCH are identical.

Dates shown in the pages (the copyright year) come from SOURCE_DATE_EPOCH, never from the
clock, so a build made years later from the same sources gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from buildtools import EDITION, built, copy_project, differences, output_files

EPOCH_2031 = "1925000000"  # 2031-01-01, a year no clock of these tests shows


@pytest.mark.parametrize("project", [EDITION, "articles"])
def test_two_clean_builds_are_byte_identical(project: str, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2031)
    outputs = []
    for run in ("first", "second"):
        srcdir = copy_project(project, tmp_path / run)
        with built(srcdir, builddir=tmp_path / run / "_build") as app:
            outputs.append(output_files(Path(app.outdir)))
    assert len(outputs[0]) >= 3
    assert differences(*outputs) == []


def test_the_copyright_year_comes_from_source_date_epoch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2031)
    srcdir = copy_project(EDITION, tmp_path)
    with built(srcdir, builddir=tmp_path / "_build") as app:
        page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "2031, the editors" in page
