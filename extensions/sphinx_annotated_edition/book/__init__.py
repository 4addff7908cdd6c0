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

- config values ``edition_subtitle``, ``edition_editors``, ``edition_licence`` and
  ``edition_reviewed`` (the date the text was last reviewed against its sources): the
  title page and its colophon (``titlepage.py``), with the catalog's sources and the
  front matter's pages; Sphinx's release, ``author`` and build date are not printed;
- the running heads: each article's ``short_title`` (catalog) after its chapter heading;
- the post-transform ``CompactGlossary``: the glossary as run-in dictionary entries.

- at ``html-page-context`` of the index page: each place of an entry named by its page
  and paragraph instead of "[2]", "[3]" (``htmlindex.py``);
- the ``epub`` builder (``epub.py``, replacing Sphinx's): ``lang`` on every page,
  ``epub:type`` noteref/footnote on notes, glossary definitions as asides, paragraph
  numbers, identifier, sources and accessibility metadata, ``role="doc-toc"``.

HTML and EPUB keep the order of the toctrees.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from annotated_edition import __version__
from sphinx_annotated_edition.book.epub import (
    EditionEpub3Builder,
    EpubGlossaryAsides,
    EpubParagraphNumbers,
)
from sphinx_annotated_edition.book.glossary import CompactGlossary
from sphinx_annotated_edition.book.htmlindex import name_index_links
from sphinx_annotated_edition.book.latex import (
    STY,
    add_latex_support,
    arrange_book,
    drop_generated_includes,
)
from sphinx_annotated_edition.book.titlepage import write_titlepage
from sphinx_annotated_edition.i18n import add_catalog


def setup(app: Sphinx) -> ExtensionMetadata:
    add_catalog(app)
    app.add_config_value("edition_book_frontmatter", [], "", types=frozenset({list, tuple}))
    app.add_config_value("edition_book_backmatter", [], "", types=frozenset({list, tuple}))
    app.add_config_value("edition_subtitle", "", "", types=frozenset({str}))
    app.add_config_value("edition_editors", [], "", types=frozenset({list, tuple}))
    app.add_config_value("edition_licence", "", "", types=frozenset({str}))
    app.add_config_value("edition_reviewed", "", "", types=frozenset({str}))
    app.connect("config-inited", add_latex_support)
    app.connect("doctree-resolved", arrange_book)
    app.connect("doctree-read", drop_generated_includes)
    app.connect("build-finished", write_titlepage)
    app.add_post_transform(CompactGlossary)
    app.connect("html-page-context", name_index_links)
    app.add_builder(EditionEpub3Builder, override=True)
    app.add_post_transform(EpubParagraphNumbers)
    app.add_post_transform(EpubGlossaryAsides)
    app.add_latex_package(STY.stem)
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}
