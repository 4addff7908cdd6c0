"""Reproducible builds: two clean builds with the same SOURCE_DATE_EPOCH are identical.

Dates shown in the pages (the copyright year) come from SOURCE_DATE_EPOCH, never from the
clock, so a build made years later from the same sources gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from buildtools import EDITION, built, copy_project, differences, output_files

EPOCH_2031 = "1925000000"  # 2031-01-01, a year no clock of these tests shows


Outputs = list[dict[str, bytes]]


@pytest.fixture(scope="module")
def builds_in_2031(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Outputs]:
    """Two clean builds of a project with SOURCE_DATE_EPOCH in 2031, made once per project
    for this module's tests: their output files."""
    made: dict[str, Outputs] = {}

    def builds(project: str) -> Outputs:
        if project not in made:
            base = tmp_path_factory.mktemp(f"reproducible-{project}")
            made[project] = []
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("SOURCE_DATE_EPOCH", EPOCH_2031)
                for run in ("first", "second"):
                    srcdir = copy_project(project, base / run)
                    with built(srcdir, builddir=base / run / "_build") as app:
                        made[project].append(output_files(Path(app.outdir)))
        return made[project]

    return builds


@pytest.mark.parametrize("project", [EDITION, "articles"])
def test_two_clean_builds_are_byte_identical(
        project: str, builds_in_2031: Callable[[str], Outputs]) -> None:
    outputs = builds_in_2031(project)
    assert len(outputs[0]) >= 3
    assert differences(*outputs) == []


def test_the_copyright_year_comes_from_source_date_epoch(
        builds_in_2031: Callable[[str], Outputs]) -> None:
    for output in builds_in_2031(EDITION):
        assert "2031, the editors" in output["index.html"].decode("utf-8")
