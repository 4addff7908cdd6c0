"""The book: how the edition is arranged in print, as front, main and back matter.

Registers:

- config values ``edition_book_frontmatter`` and ``edition_book_backmatter``: the
  documents (docnames) that open and close the PDF; those absent from the project are
  ignored, so a page that does not exist yet costs nothing;
- the LaTeX package ``editionbook`` (copied into the LaTeX output), and Sphinx's
  ``tableofcontents`` LaTeX element set to its ``\\editiontableofcontents`` unless
  ``conf.py`` sets its own;
- at ``doctree-resolved`` of the assembled LaTeX document: the documents reordered into
  front matter (roman pages, unnumbered), main matter (the articles, numbered chapters
  from page 1) and back matter (unnumbered, before the index).

HTML and EPUB keep the order of the toctrees.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from annotator import __version__
from annotator_sphinx.book.latex import STY, add_latex_support, arrange_book


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("edition_book_frontmatter", [], "", types=frozenset({list, tuple}))
    app.add_config_value("edition_book_backmatter", [], "", types=frozenset({list, tuple}))
    app.connect("config-inited", add_latex_support)
    app.connect("doctree-resolved", arrange_book)
    app.add_latex_package(STY.stem)
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}
