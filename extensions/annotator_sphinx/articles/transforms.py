"""Late changes to article pages that only one output format wants."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from annotator_sphinx.articles.directives import ANCHOR_ATTRIBUTE
from annotator_sphinx.articles.nodes import paragraph_permalink


class AddParagraphPermalinks(SphinxPostTransform):
    """Give every anchored paragraph its permalink: a pilcrow in HTML, a label in LaTeX.

    It runs after the other extensions' transforms (priority 900), so that the permalink
    never becomes part of the text they match quotes against.
    """

    default_priority = 900

    def run(self, **kwargs: Any) -> None:
        output = self.env._builder_cls.format  # what SphinxPostTransform itself reads
        for node in list(self.document.findall(nodes.Element)):
            anchor = node.get(ANCHOR_ATTRIBUTE)
            if not anchor or not isinstance(node, (nodes.paragraph, nodes.rubric)):
                continue
            if output == "html":  # the number shown stays when singlehtml renames the id
                node.append(paragraph_permalink("", anchor=anchor, number=anchor.lstrip("p")))
            elif output == "latex":  # the label must stand where the paragraph starts
                node.insert(0, paragraph_permalink("", anchor=anchor))
