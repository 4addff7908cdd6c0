"""What docutils or MyST report while rendering a note becomes the reason it is refused.

The core refuses these notes before the build renders them; the adapter is the second
line (a project may enable more MyST syntax than the core tokenises). Here it is given
markup the core would refuse, to show that no message of the renderer is lost or reported
against the generated article page instead of the notes file.
"""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.docutils import sphinx_domains

from sphinx_annotated_edition.notes.markup import parse_inline

from buildtools import copy_root


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    base = tmp_path_factory.mktemp("messages")
    app = SphinxTestApp("html", srcdir=copy_root("hostile", base / "src"),
                        builddir=base / "_build", status=StringIO(), warning=StringIO())
    app.build()
    app.env.temp_data["docname"] = "articles/first"
    yield app
    app.cleanup()


@pytest.mark.parametrize(("text", "reasons"), [
    ("{pep}`notanumber`", ["docutils reports: invalid PEP number notanumber"]),
    ("{raw}`html <b>x</b>`", [
        'docutils reports: No format (Writer name) is associated with this role: "raw". The '
        '"raw" role cannot be used directly. Instead, use the "role" directive to create a '
        "new role with an associated format."]),
    ("{unknownrole}`x`", ['MyST reports: Unknown interpreted text role "unknownrole".']),
    ("{download}`p <conf.py>`", [
        "the role {download} is not allowed: the edition's roles are {doc}, {term}"]),
    ("*kept* and {term}`Shusha`", []),
])
def test_each_message_of_the_renderer_is_a_reason(app: SphinxTestApp, text: str,
                                                  reasons: list[str]) -> None:
    doctree = app.env.get_doctree("articles/first")
    before = app.warning.getvalue()
    notes = str(Path(app.srcdir) / "notes.yaml")
    with sphinx_domains(app.env):  # as while a page is read: {term} is Sphinx's
        _, refused = parse_inline(text, doctree, notes, 5)
    assert refused == reasons
    assert app.warning.getvalue() == before  # nothing logged against the article page
