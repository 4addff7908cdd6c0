"""The configuration reference (docs/develop/configuration.md) lists exactly the
``edition_*`` settings the edition's extensions register, each under the extension that
registers it; a setting the reference does not describe is a warning, so it cannot go stale."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_annotated_edition.settingsdoc import type_name
from sphinx_annotated_edition.settingsdoc.descriptions import SETTINGS

from htmltext import strip_tags


def reference_entries(page: str) -> list[str]:
    return re.findall(r'<dt id="setting-([a-z0-9_-]+)"', page)


def test_the_reference_lists_every_registered_setting(edition_html: SphinxTestApp) -> None:
    registered = sorted(name for name in edition_html.config.values
                        if name.startswith("edition_"))
    page = (Path(edition_html.outdir) / "develop" / "configuration.html").read_text(
        encoding="utf-8")
    listed = sorted(reference_entries(page))
    assert listed == sorted(name.replace("_", "-") for name in registered)
    assert len(listed) >= 18
    text = strip_tags(page)
    assert re.search(r"edition_glossary_link\s+Which occurrences of a term are linked", text)
    assert re.search(r"Type:\s*bool\s*; default:\s*True", text)  # edition_gc_freeze
    assert "develop/configuration" not in edition_html.warning.getvalue()


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_each_setting_is_registered_by_the_extension_named(tmp_path: Path, name: str) -> None:
    (tmp_path / "conf.py").write_text(
        f"extensions = [{SETTINGS[name].extension!r}]\n", encoding="utf-8")
    (tmp_path / "index.md").write_text("# Index\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=tmp_path, status=StringIO(), warning=StringIO())
    try:
        assert name in app.config.values
    finally:
        app.cleanup()


def build_reference(folder: Path, conf: str) -> tuple[str, str]:
    """A project of one page holding the reference: (its HTML, the build's warnings)."""
    (folder / "conf.py").write_text(conf, encoding="utf-8")
    (folder / "index.md").write_text("# Settings\n\n```{edition-settings}\n```\n",
                                     encoding="utf-8")
    app = SphinxTestApp("html", srcdir=folder, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return (Path(app.outdir) / "index.html").read_text("utf-8"), app.warning.getvalue()


def test_an_undescribed_setting_is_a_warning(tmp_path: Path) -> None:
    page, warnings = build_reference(
        tmp_path, 'extensions = ["myst_parser", "sphinx_annotated_edition.settingsdoc"]\n'
        "def setup(app):\n"
        '    app.add_config_value("edition_made_up", 3, "env", types=frozenset({int}))\n')
    assert re.search(r"index\.md:3: WARNING: setting edition_made_up has no description in "
                     r"the configuration reference", warnings)
    assert len(warnings.strip().splitlines()) == 1  # the extensions not loaded: not listed
    assert reference_entries(page) == []


def test_type_names_read_as_words() -> None:
    from sphinx.config import ENUM

    assert type_name(frozenset({list, tuple})) == "list or tuple"
    assert type_name(frozenset({list, type(None)})) == "None or list"
    assert type_name(ENUM("article", "every")) == "one of 'article', 'every'"


def test_a_project_with_some_extensions_gets_the_reference_of_those(tmp_path: Path) -> None:
    page, warnings = build_reference(
        tmp_path, 'extensions = ["myst_parser", "sphinx_annotated_edition.buildgc",\n'
        '              "sphinx_annotated_edition.settingsdoc"]\n')
    assert warnings == ""
    assert reference_entries(page) == ["edition-gc-freeze"]
    assert "sphinx_annotated_edition.buildgc" in strip_tags(page)
