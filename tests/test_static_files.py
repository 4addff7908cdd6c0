"""The extensions' static files are copied without changing the configuration."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.util.console import strip_escape_sequences

from buildtools import built, copy_project, read_docs, written_docs

# each root loads other extensions with static files
ROOTS = {
    "glossary-alone": ["edition-glossary.css"],
    "glossary": ["edition-glossary.js", "edition-articles.css"],
    "chronology": ["edition-chronology.css"],
    "notes": ["edition-notes.js"],
    "passages": ["edition-passages.css"],
    "reading": ["edition-reading.css"],
}


@pytest.mark.parametrize("root", sorted(ROOTS))
def test_a_second_build_finds_the_configuration_unchanged(tmp_path: Path, root: str) -> None:
    srcdir = copy_project(root, tmp_path)
    # sphinx.testing sets html_theme after reading conf.py, unless it is overridden
    theme = {"html_theme": "basic"}
    with built(srcdir, builddir=tmp_path / "_build", confoverrides=theme) as app:
        for name in ROOTS[root]:
            assert (Path(app.outdir) / "_static" / name).is_file(), name
    with built(srcdir, builddir=tmp_path / "_build", confoverrides=theme) as app:
        status = strip_escape_sequences(app.status.getvalue())
        assert "configuration has changed" not in status.lower()
        assert read_docs(app) == set() and written_docs(app) == set()
        for name in ROOTS[root]:
            assert (Path(app.outdir) / "_static" / name).is_file(), name
