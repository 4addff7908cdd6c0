"""HTML visitors that fix what screen readers are told about the page's structure."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.writers.html5 import HTML5Translator

# The level of a toctree caption: a section of the navigation, below the page's title.
CAPTION_LEVEL = "2"


def is_toctree_caption(node: nodes.title) -> bool:
    return isinstance(node.parent, addnodes.compact_paragraph) and bool(
        node.parent.get("toctree"))


def visit_title(self: HTML5Translator, node: nodes.title) -> None:
    """Sphinx writes ``<p role="heading">`` without ``aria-level``, which ARIA requires."""
    if not is_toctree_caption(node):
        type(self).visit_title(self, node)  # the translator's own, not this override
        return
    attributes: dict[str, Any] = {"CLASS": "caption", "ROLE": "heading",
                                  "aria-level": CAPTION_LEVEL}
    self.body.append(self.starttag(node, "p", "", **attributes))
    self.body.append('<span class="caption-text">')
    self.context.append("</span></p>\n")


def depart_title(self: HTML5Translator, node: nodes.title) -> None:
    type(self).depart_title(self, node)
