"""``python3 edition.py test`` runs the suite on every core, and the tests that share a
build of the edition stay on one pytest-xdist worker."""

from __future__ import annotations

import pytest

from buildtools import Prebuilt
from conftest import XDIST_GROUPS, edition_module


@pytest.mark.parametrize(("given", "run"), [
    ([], ["-n", "auto", "--dist", "loadgroup"]),
    (["tests/test_pdf.py", "-x"], ["-n", "auto", "--dist", "loadgroup", "tests/test_pdf.py", "-x"]),
    (["-n", "1"], ["-n", "1"]),
    (["-n1", "-k", "pdf"], ["-n1", "-k", "pdf"]),
    (["--numprocesses=3"], ["--numprocesses=3"]),
    (["-p", "no:xdist", "-q"], ["-p", "no:xdist", "-q"]),
])
def test_the_test_command_runs_pytest_in_parallel_unless_told(given: list[str],
                                                              run: list[str]) -> None:
    assert edition_module().pytest_arguments(given) == run


def test_a_test_sharing_a_build_joins_its_group(prebuilt: Prebuilt,
                                                request: pytest.FixtureRequest) -> None:
    """conftest.py marks a test by the shared fixtures it asks for (``prebuilt`` here:
    asking for it builds nothing yet)."""
    marks = [mark.args[0] for mark in request.node.iter_markers("xdist_group")]
    assert marks == [XDIST_GROUPS["prebuilt"]] == ["prebuilt"]
    if getattr(request.config.option, "loadgroup", False):  # a worker of --dist loadgroup
        # how pytest-xdist tells its scheduler the group (lost with pytest 9.2)
        assert request.node.nodeid.endswith("@prebuilt")


def test_a_test_sharing_no_build_has_no_group(request: pytest.FixtureRequest) -> None:
    assert list(request.node.iter_markers("xdist_group")) == []
