"""Late changes to article pages that only one output format wants."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_annotated_edition.articles.directives import ANCHOR_ATTRIBUTE
from sphinx_annotated_edition.articles.nodes import paragraph_number, paragraph_permalink


class AddParagraphPermalinks(SphinxPostTransform):
    """Give every anchored paragraph its permalink: its number in HTML, a label in LaTeX.

    It runs after the other extensions' transforms (priority 900), so that the permalink
    never becomes part of the text they match quotes against.
    """

    default_priority = 900
    formats = ("html", "latex")  # the number and label stand at the start

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(nodes.Element)):
            anchor = node.get(ANCHOR_ATTRIBUTE)
            if not anchor or not isinstance(node, (nodes.paragraph, nodes.rubric)):
                continue
            # the number is kept apart: singlehtml renames the id (articles/<slug>/p3)
            node.insert(0, paragraph_permalink("", anchor=anchor,
                                               number=paragraph_number(anchor)))
