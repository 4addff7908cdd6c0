"""Figures drawn at build time: the chronology's timeline and the map of places.

Registers:

- directives ``edition-timeline`` (put it on the chronology page: it is rewritten whenever
  the chronology is) and ``edition-map`` (the map of the glossary's places), each a
  placeholder node ``edition_figure`` filled at ``doctree-resolved``;
- in HTML, the SVG inline (so that it follows Furo's light and dark modes), in a box that
  scrolls sideways on a phone; in the EPUB, the same SVG as an image; in LaTeX, a PDF made
  from it by CairoSVG (vector graphics, the labels stay text);
- after the map, the places as a list with their coordinates and sources (the text
  alternative, and the anchors ``place-<id>`` that each place's glossary entry links to);
- on the glossary page, an "On the map" link in each place's entry;
- the domain ``edition-figures`` (the pages that show a map, with purge and merge) and an
  ``env-get-outdated`` handler: a map page is read again when the glossary's places
  (names, coordinates, sources) change, not at every edit of the glossary.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from annotated_edition import __version__
from sphinx_annotated_edition.figures.directives import MapDirective, TimelineDirective
from sphinx_annotated_edition.figures.domain import FiguresDomain, outdated_maps
from sphinx_annotated_edition.figures.nodes import edition_figure
from sphinx_annotated_edition.figures.render import (
    EPUB_BUILDERS,
    fill_figures,
    link_glossary_places,
)
from sphinx_annotated_edition.i18n import add_catalog
from sphinx_annotated_edition.static import copy_static_dir_to_web_pages
from sphinx_annotated_edition.visitors import skip_node

STATIC = Path(__file__).parent / "static"


def add_stylesheet(app: Sphinx) -> None:
    """The figures' stylesheet, for web pages only: an EPUB holds its figures as images,
    and epubcheck refuses the ``direction`` the web pages scroll the map with."""
    if app.builder.name in EPUB_BUILDERS:
        return
    app.add_css_file("edition-figures.css")


def setup(app: Sphinx) -> ExtensionMetadata:
    add_catalog(app)
    app.setup_extension("sphinx_annotated_edition.chronology")
    app.setup_extension("sphinx_annotated_edition.glossary")
    app.add_domain(FiguresDomain)
    app.add_directive("edition-timeline", TimelineDirective)
    app.add_directive("edition-map", MapDirective)
    app.add_node(edition_figure, html=(skip_node, None), latex=(skip_node, None),
                 text=(skip_node, None), man=(skip_node, None), texinfo=(skip_node, None))
    app.connect("env-get-outdated", outdated_maps)
    app.connect("doctree-resolved", fill_figures)
    app.connect("doctree-resolved", link_glossary_places)
    app.connect("builder-inited", add_stylesheet)
    copy_static_dir_to_web_pages(app, STATIC)
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}
