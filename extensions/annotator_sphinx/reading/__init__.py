"""The edition as a reader meets it: type for long reading, and accessible navigation.

Registers:

- the stylesheet ``edition-reading.css`` (type size, leading, line length, no smooth
  scrolling for readers who ask for reduced motion);
- an HTML visitor for ``title`` that gives the captions of toctrees (the sidebar's and
  the landing page's "The articles") the ``aria-level`` their ``role="heading"`` needs;
  every other title is written by the translator as before.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from annotator import __version__
from annotator_sphinx.reading.html import depart_title, visit_title

STATIC = Path(__file__).parent / "static"


def add_static_path(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("builder-inited", add_static_path)
    app.add_css_file("edition-reading.css")
    app.add_node(nodes.title, override=True, html=(visit_title, depart_title))
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}
