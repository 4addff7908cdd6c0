"""The distribution as the package index shows it: a Sphinx extension with its classifiers,
addresses, licence and one version, and extras that keep the HTML build lean."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib

from packaging.requirements import Requirement
from sphinx.testing.util import SphinxTestApp

from annotated_edition import __version__

from conftest import ROOT

DISTRIBUTION = "sphinx-annotated-edition"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def requirements() -> list[Requirement]:
    return [Requirement(line) for line in importlib.metadata.requires(DISTRIBUTION) or []]


def needed_by(extra: str | None) -> set[str]:
    """The distributions an extra (None: the plain install) asks for, by name."""
    environment = {"extra": extra or ""}
    return {requirement.name.lower() for requirement in requirements()
            if (requirement.marker is None and extra is None)
            or (requirement.marker is not None and requirement.marker.evaluate(environment))}


def test_the_version_is_written_once_and_every_extension_gives_it(
        edition_html: SphinxTestApp) -> None:
    assert "version" not in PYPROJECT["project"]
    assert "version" in PYPROJECT["project"]["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "annotated_edition.__version__"}
    assert importlib.metadata.version(DISTRIBUTION) == __version__
    ours = {name: extension for name, extension in edition_html.extensions.items()
            if name.startswith("sphinx_annotated_edition.")}
    assert len(ours) >= 10
    assert {name: extension.version for name, extension in ours.items()} == \
        dict.fromkeys(ours, __version__)


def test_the_index_shows_a_sphinx_extension_with_its_addresses_and_licence() -> None:
    metadata = importlib.metadata.metadata(DISTRIBUTION)
    classifiers = set(metadata.get_all("Classifier") or [])
    assert {"Framework :: Sphinx", "Framework :: Sphinx :: Extension",
            "Topic :: Documentation :: Sphinx", "Topic :: Text Processing :: Markup",
            "Programming Language :: Python :: 3.11"} <= classifiers
    # the SPDX expression (PEP 639) and no licence classifier beside it
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert not any(classifier.startswith("License ::") for classifier in classifiers)
    urls = dict(url.split(", ", 1) for url in metadata.get_all("Project-URL") or [])
    assert set(urls) == {"Homepage", "Documentation", "Source", "Issues"}
    assert all(re.fullmatch(r"https://[\w.-]+(/[\w.-]+)*", url) for url in urls.values())
    # every Python version named is one the project says it runs on
    minimum = tuple(int(part) for part in metadata["Requires-Python"].removeprefix(">=")
                    .split("."))
    versions = [tuple(int(part) for part in classifier.rsplit(" ", 1)[1].split("."))
                for classifier in classifiers
                if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", classifier)]
    assert versions and min(versions) == minimum


def test_the_html_build_installs_no_test_tools() -> None:
    plain = needed_by(None)
    assert {"sphinx", "myst-parser", "sphinx-design", "furo", "pyyaml"} <= plain
    for tool in ("pytest", "playwright", "dateparser", "hypothesis", "mypy", "edtf",
                 "cairosvg", "mutmut", "pyinstrument"):
        assert tool not in plain, tool
    assert needed_by("pdf") == {"cairosvg"}
    # the tests build the PDF too: the test extra takes the pdf extra with it
    assert {"pytest", "playwright", "edtf", DISTRIBUTION} <= needed_by("test")
    assert "pytest" not in needed_by("bench") and "mutmut" in needed_by("mutate")
