"""The edition as a reader meets it: type for long reading, light pages, citations.

Registers:

- the stylesheet ``edition-reading.css`` (type size, leading, line length, no smooth
  scrolling for readers who ask for reduced motion, the reading tools) and the script
  ``edition-reading.js`` (the reader's controls, remembered; copying a citation);
- at ``html-page-context``: the captions of toctrees (the sidebar's and the landing
  page's "The articles") get the ``aria-level`` their ``role="heading"`` needs;
- the ``reading_tools`` node, put after each article's header by ``AddReadingTools``:
  the legend of the note signs, the controls and "Cite this" (plain text and BibTeX);
- at ``html-page-context``: a meta description on every page (the article's own, else
  ``edition_description``), Highwire ``citation_*``, Dublin Core ``DC.*`` and schema.org
  ``NewsArticle`` JSON-LD on article pages, and only the edition's stylesheets and scripts
  (and sphinx-design's, pygments') that the page uses.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from annotated_edition import __version__
from sphinx_annotated_edition.i18n import add_catalog
from sphinx_annotated_edition.reading.html import PRIORITY, caption_levels
from sphinx_annotated_edition.reading.pages import light_page
from sphinx_annotated_edition.reading.tools import (
    AddReadingTools,
    reading_tools,
    visit_reading_tools_html,
)
from sphinx_annotated_edition.static import add_static_dir
from sphinx_annotated_edition.visitors import skip_node

STATIC = Path(__file__).parent / "static"



def setup(app: Sphinx) -> ExtensionMetadata:
    add_catalog(app)
    app.add_config_value("edition_description", "", "html", types=frozenset({str}))
    add_static_dir(app, STATIC)
    app.add_css_file("edition-reading.css")
    app.add_js_file("edition-reading.js", loading_method="defer")
    app.connect("html-page-context", caption_levels, priority=PRIORITY)
    app.add_node(reading_tools, html=(visit_reading_tools_html, None),
                 latex=(skip_node, None), text=(skip_node, None), man=(skip_node, None),
                 texinfo=(skip_node, None))
    app.add_transform(AddReadingTools)
    app.connect("html-page-context", light_page)
    # env_version 2: article doctrees hold the reading_tools node
    return {"version": __version__, "env_version": 2, "parallel_read_safe": True,
            "parallel_write_safe": True}
